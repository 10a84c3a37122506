/* uc-clickhouse-private.h: what the parts of UcClickhouse share
 *
 * uc-clickhouse.c holds the connection (HTTP, answers, the table's
 * columns), uc-clickhouse-frame.c the queries of a frame.
 */
#pragma once

#include <libsoup/soup.h>

#include "uc-clickhouse.h"

G_BEGIN_DECLS

struct _UcClickhouse
{
  GObject      parent_instance;

  char        *url;        /* without a query or credentials */
  char        *database, *table, *x, *y, *group;
  char        *user, *password;
  guint        timeout;
  gsize        max_size;
  SoupSession *session;
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

G_END_DECLS
