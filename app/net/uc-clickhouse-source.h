/* uc-clickhouse-source.h: a ClickHouse table as a dataset of the catalog
 *
 * What a view of the table loads: its whole span at a few thousand M4
 * columns per series, so every view, event and control works on it as on
 * a file. The window then asks the table again for each frame it shows
 * (uc_clickhouse_fetch_frame()), at the plot's own columns.
 */
#pragma once

#include "uc-clickhouse.h"
#include "uc-source.h"
#include "uc-view.h"

G_BEGIN_DECLS

#define UC_CLICKHOUSE_SOURCE_PREFIX "clickhouse-"
#define UC_CLICKHOUSE_SOURCE_VARIANT "(sssssssas)"
/* Lines a chart takes from one table: each is asked on its own
 * connection and thread, side by side. */
#define UC_CLICKHOUSE_SOURCE_MAX_GROUPS 24

#define UC_TYPE_CLICKHOUSE_SOURCE (uc_clickhouse_source_get_type ())
G_DECLARE_FINAL_TYPE (UcClickhouseSource, uc_clickhouse_source, UC, CLICKHOUSE_SOURCE, UcSource)

UcSource     *uc_clickhouse_source_new        (UcClickhouse        *connection,
                                               const char * const  *groups);
UcSource     *uc_clickhouse_source_new_from_variant (GVariant   *entry,
                                               GError            **error);
GVariant     *uc_clickhouse_source_to_variant (UcClickhouseSource *self);
GVariant     *uc_clickhouse_source_list_replace (GVariant         *list,
                                               const char         *id,
                                               UcClickhouseSource *source);
UcClickhouse *uc_clickhouse_source_get_connection (UcClickhouseSource *self);
const char   *uc_clickhouse_source_group_of   (UcClickhouseSource  *self,
                                               const char          *series_id);
const char * const *uc_clickhouse_source_get_groups (UcClickhouseSource *self);
guint         uc_clickhouse_source_get_columns (UcClickhouseSource *self);
void          uc_clickhouse_source_get_span   (UcClickhouseSource  *self,
                                               UcTime              *first,
                                               UcTime              *last);
UcView       *uc_clickhouse_source_create_view (UcClickhouseSource *self,
                                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
