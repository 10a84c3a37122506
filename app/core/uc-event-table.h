/* uc-event-table.h: chart events read from a table of dated rows
 *
 * The embedded events.csv, or a user's table with the same columns: `date`
 * and `title`, and when present `end` (spans), `category`, `description`,
 * `source_url` and `lane`.
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

gboolean uc_chart_spec_add_events_from (UcChartSpec        *spec,
                                        UcDataset          *events,
                                        UcTime              from,
                                        UcTime              to,
                                        const char * const *categories,
                                        GError            **error);
guint    uc_chart_spec_add_events_as   (UcChartSpec        *spec,
                                        UcDataset          *events,
                                        UcTime              from,
                                        UcTime              to,
                                        UcEventCategory     category,
                                        GError            **error);

char    *uc_event_table_list_between   (UcDataset          *events,
                                        gint64              from,
                                        gint64              to,
                                        gint64              skip_day) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
