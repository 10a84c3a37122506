/* uc-dataset-charts.h: chart specifications made from a dataset's columns
 *
 * A wide table (one y column per series), a long one (one row per date and
 * key), or its rows counted by group. Errors are UC_VIEW_ERROR_DATA naming
 * the dataset and the column.
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

UcChartSpec *uc_chart_spec_from_dataset  (UcDataset          *dataset,
                                          const char         *x_column,
                                          const char * const *y_columns,
                                          const char         *group_column,
                                          const char         *label_column,
                                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_rows_by_group (UcDataset          *dataset,
                                          const char         *x_column,
                                          const char         *group_column,
                                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray   *uc_series_from_long         (UcDataset          *dataset,
                                          const char         *time_column,
                                          const char         *key_column,
                                          const char         *value_column,
                                          const char         *label_column,
                                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
