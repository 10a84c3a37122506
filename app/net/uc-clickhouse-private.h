/* uc-clickhouse-private.h: what the parts of UcClickhouse share
 *
 * uc-clickhouse.c holds the connection (HTTP, answers, the table's
 * columns), uc-clickhouse-frame.c the queries of a frame.
 */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Declared by uc-clickhouse.h, which this header does not include: the
 * two would then include each other, which the layering checks refuse. */
typedef struct _UcClickhouse UcClickhouse;
typedef struct _UcClickhouseGrid UcClickhouseGrid;

struct _UcClickhouse
{
  GObject      parent_instance;

  char        *url;        /* without a query or credentials */
  char        *database, *table, *x, *y, *group;
  char        *user, *password;
  guint        timeout;
  gsize        max_size;
  SoupSession *session;
  /* The time or value column is Nullable (uc_clickhouse_check_table): a
   * row without either is left out. */
  gboolean     nullable;
  /* The time column as a DateTime in queries: the column itself, or a
   * Date's day at midnight UTC (whatever the server's time zone). */
  char        *x_sql;

  /* Rollups of the table (uc_clickhouse_make_rollup) holding every row it
   * has: their bucket sizes in seconds, largest first. */
  gboolean     rollups_known;
  GArray      *rollups;
  gint64       rollup_min_rows;   /* in a frame, before a rollup is worth reading */
  /* Connections of their own for a frame's parts asked side by side (the
   * levels of a rollup); made on first use, used by this one's caller. */
  GPtrArray   *helpers;
};

GPtrArray *_uc_clickhouse_query_rows      (UcClickhouse  *self,
                                           const char    *sql,
                                           guint          columns,
                                           gsize         *bytes,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean   _uc_clickhouse_parse_int       (UcClickhouse  *self,
                                           const char    *text,
                                           gint64        *out,
                                           GError       **error);
gboolean   _uc_clickhouse_parse_double    (UcClickhouse  *self,
                                           const char    *text,
                                           double        *out,
                                           GError       **error);
char      *_uc_clickhouse_table_ref       (UcClickhouse  *self);
char      *_uc_clickhouse_group_condition (UcClickhouse  *self,
                                           const char    *group);
char      *_uc_clickhouse_row_condition   (UcClickhouse  *self,
                                           const char    *group);

char      *_uc_clickhouse_rollup_ref      (UcClickhouse  *self,
                                           guint          seconds);
GArray    *_uc_clickhouse_pick_rollups    (UcClickhouse           *self,
                                           const UcClickhouseGrid *grid,
                                           GCancellable           *cancellable,
                                           GError                **error);

G_END_DECLS
