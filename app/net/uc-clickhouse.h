/* uc-clickhouse.h: a table in a ClickHouse server, charted where it lives
 *
 * A table too large to read whole (billions of rows, sharded across
 * machines) is asked, for each frame, only what the frame can show: per
 * pixel column the first, lowest, highest and last row (M4), computed by
 * the server over its own rows, or the rows themselves once few are left.
 * Queries go over ClickHouse's HTTP interface from a fixed template: the
 * names of the table and its columns are checked identifiers, quoted, and
 * every value is a number written here or a string literal escaped here,
 * so nothing a user types becomes SQL.
 */
#pragma once

#include <gio/gio.h>

#include "uc-net-error.h"
#include "uc-series.h"

G_BEGIN_DECLS

#define UC_TYPE_CLICKHOUSE (uc_clickhouse_get_type ())
G_DECLARE_FINAL_TYPE (UcClickhouse, uc_clickhouse, UC, CLICKHOUSE, GObject)

/* What a frame's query moved: for the benchmark and the progress hint. */
typedef struct
{
  gsize    bytes;       /* the answers' bodies */
  guint    queries;
  gboolean decimated;   /* M4 columns, not the rows themselves */
  gint64   rows;        /* rows in the range, as the server counted them */
  guint    rollup;      /* the bucket of the rollup read, in seconds; 0: none */
} UcClickhouseStats;

/* A plot's pixel columns, as the renderer finds them: column m ends at
 * from + (m / width) × span, truncated to a microsecond, for m = 0 …
 * n_edges − 1 (uc_chart_layout_get_column_grid). */
typedef struct _UcClickhouseGrid
{
  UcTime from;
  double span;
  double width;
  guint  n_edges;
} UcClickhouseGrid;

/* What a column can be for in a chart, by its ClickHouse type. */
typedef enum
{
  UC_CLICKHOUSE_ROLE_OTHER,
  UC_CLICKHOUSE_ROLE_TIME,     /* DateTime */
  UC_CLICKHOUSE_ROLE_NUMBER,   /* integers, floats, decimals */
  UC_CLICKHOUSE_ROLE_TEXT,     /* strings and enums: a group */
} UcClickhouseRole;

UcClickhouseRole uc_clickhouse_column_role (const char *type);

void          uc_clickhouse_run_side_by_side (GThreadFunc run,
                                           gpointer       parts,
                                           gsize          size,
                                           guint          n);

gboolean      uc_clickhouse_identifier_ok (const char    *name);
char         *uc_clickhouse_quote_string  (const char    *value) G_GNUC_WARN_UNUSED_RESULT;

UcClickhouse *uc_clickhouse_new           (const char    *url,
                                           const char    *database,
                                           const char    *table,
                                           const char    *x,
                                           const char    *y,
                                           const char    *group,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
UcClickhouse *uc_clickhouse_dup           (UcClickhouse  *self) G_GNUC_WARN_UNUSED_RESULT;
void          uc_clickhouse_set_credentials (UcClickhouse *self,
                                           const char    *user,
                                           const char    *password);
void          uc_clickhouse_set_timeout   (UcClickhouse  *self,
                                           guint          seconds);
void          uc_clickhouse_set_max_size  (UcClickhouse  *self,
                                           gsize          max_bytes);
const char   *uc_clickhouse_get_url       (UcClickhouse  *self);
void          uc_clickhouse_get_names     (UcClickhouse  *self,
                                           const char   **database,
                                           const char   **table,
                                           const char   **x,
                                           const char   **y,
                                           const char   **group,
                                           const char   **user);
gboolean      uc_clickhouse_has_password  (UcClickhouse  *self);
char         *uc_clickhouse_describe      (UcClickhouse  *self) G_GNUC_WARN_UNUSED_RESULT;
char         *uc_clickhouse_credit        (UcClickhouse  *self,
                                           const char    *read) G_GNUC_WARN_UNUSED_RESULT;
char         *uc_clickhouse_describe_query (UcClickhouse  *self,
                                           const char * const *groups,
                                           UcTime         from,
                                           UcTime         to,
                                           const UcClickhouseGrid *grid) G_GNUC_WARN_UNUSED_RESULT;

GBytes       *uc_clickhouse_query         (UcClickhouse  *self,
                                           const char    *sql,
                                           GCancellable  *cancellable,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray    *uc_clickhouse_list_columns  (UcClickhouse  *self,
                                           GCancellable  *cancellable,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      uc_clickhouse_check_table   (UcClickhouse  *self,
                                           GCancellable  *cancellable,
                                           GError       **error);
GStrv         uc_clickhouse_list_groups   (UcClickhouse  *self,
                                           guint          limit,
                                           GCancellable  *cancellable,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      uc_clickhouse_get_span      (UcClickhouse  *self,
                                           const char    *group,
                                           UcTime        *first,
                                           UcTime        *last,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean      uc_clickhouse_make_rollup   (UcClickhouse  *self,
                                           guint          seconds,
                                           GCancellable  *cancellable,
                                           GError       **error);
void          uc_clickhouse_set_rollup_min_rows (UcClickhouse *self,
                                           gint64         rows);
UcSeries     *uc_clickhouse_fetch_frame   (UcClickhouse  *self,
                                           const char    *group,
                                           UcTime         from,
                                           UcTime         to,
                                           const UcClickhouseGrid *grid,
                                           UcClickhouseStats *stats,
                                           GCancellable  *cancellable,
                                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      uc_clickhouse_fetch_point   (UcClickhouse  *self,
                                           const char    *group,
                                           UcTime         t,
                                           gboolean      *found,
                                           UcTime        *x,
                                           double        *y,
                                           GCancellable  *cancellable,
                                           GError       **error);

G_END_DECLS
