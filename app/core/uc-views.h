/* uc-views.h: the built-in chart views, built from the embedded datasets */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_VIEW_ERROR (uc_view_error_quark ())

typedef enum
{
  UC_VIEW_ERROR_UNKNOWN,
  UC_VIEW_ERROR_DATA,
} UcViewError;

typedef struct
{
  const char *id;
  const char *title;
} UcViewInfo;

GQuark            uc_view_error_quark (void);
const UcViewInfo *uc_views_list       (guint       *n_views);
UcChartSpec      *uc_view_build       (const char  *id,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray        *uc_series_from_long (UcDataset   *dataset,
                                       const char  *time_column,
                                       const char  *key_column,
                                       const char  *value_column,
                                       const char  *label_column,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

G_BEGIN_DECLS

gboolean     uc_chart_spec_add_events_from (UcChartSpec        *spec,
                                           UcDataset          *events,
                                           UcTime              from,
                                           UcTime              to,
                                           const char * const *categories,
                                           GError            **error);
char        *uc_event_short_label       (const char         *title) G_GNUC_WARN_UNUSED_RESULT;
const char  *uc_release_region          (const char         *countries);
gboolean     uc_chart_spec_add_release_events (UcChartSpec  *spec,
                                               UcDataset    *releases,
                                               UcTime        from,
                                               UcTime        to,
                                               GError      **error);
UcDataset   *uc_releases_matching       (UcDataset          *releases,
                                         const char         *filter,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_rows_by_group (UcDataset         *dataset,
                                          const char        *x_column,
                                          const char        *group_column,
                                          GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char        *uc_event_change_label      (UcSeries           *series,
                                         UcTime              t,
                                         UcValueFormat       format) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_from_dataset (UcDataset          *dataset,
                                         const char         *x_column,
                                         const char * const *y_columns,
                                         const char         *group_column,
                                         const char         *label_column,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
