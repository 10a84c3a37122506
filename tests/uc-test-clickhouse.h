/* uc-test-clickhouse.h: a ClickHouse server of a test's own
 *
 * Debian's clickhouse-server on free local ports, with its data in a
 * temporary folder removed at the end. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UcTestClickhouse UcTestClickhouse;

UcTestClickhouse *uc_test_clickhouse_start (void);
const char       *uc_test_clickhouse_url   (UcTestClickhouse *server);
char             *uc_test_clickhouse_run   (UcTestClickhouse *server,
                                            const char       *sql,
                                            const char       *data);
void              uc_test_clickhouse_kill  (UcTestClickhouse *server);
void              uc_test_clickhouse_free  (UcTestClickhouse *server);

G_END_DECLS
