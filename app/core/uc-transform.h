/* uc-transform.h: transforms on time series
 *
 * Each returns a new series and leaves its input alone. Missing values
 * (NaN) stay missing: a transform never invents a figure to fill a gap.
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"
#include "uc-series.h"

G_BEGIN_DECLS

typedef enum
{
  UC_JOIN_INNER,   /* only dates every series has a value for */
  UC_JOIN_OUTER,   /* every date any series has; the others missing there */
} UcJoin;

typedef enum
{
  UC_PERIOD_WEEK,      /* weeks start on Monday */
  UC_PERIOD_MONTH,
  UC_PERIOD_QUARTER,
} UcPeriod;

typedef enum
{
  UC_AGGREGATE_LAST,
  UC_AGGREGATE_MEAN,
  UC_AGGREGATE_SUM,
  UC_AGGREGATE_COUNT,
} UcAggregate;

gboolean   uc_series_value_on_or_before (UcSeries     *series,
                                         UcTime        date,
                                         double       *value);
gboolean   uc_series_point_on_or_before (UcSeries     *series,
                                         UcTime        date,
                                         double       *value,
                                         UcTime       *day);
UcSeries  *uc_series_rebase             (UcSeries     *series,
                                         UcTime        base_date,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_change_since       (UcSeries     *series,
                                         UcTime        base_date,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_returns            (UcSeries     *series) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_running_min        (GPtrArray    *series,
                                         const char   *id,
                                         const char   *label) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_cheapest_on_offer (GPtrArray   *series,
                                         const char  *id,
                                         const char  *label) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_sum                (GPtrArray    *series,
                                         const char   *id,
                                         const char   *label,
                                         UcJoin        join) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_resample           (UcSeries     *series,
                                         UcPeriod      period,
                                         UcAggregate   aggregate) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_rolling_mean       (UcSeries     *series,
                                         guint         window) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_daily_returns      (UcSeries     *series) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_mean_over_days     (UcSeries     *series,
                                         guint         days) G_GNUC_WARN_UNUSED_RESULT;
UcSeries  *uc_series_drawdown           (UcSeries     *series) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *uc_series_join               (GPtrArray    *series,
                                         UcJoin        join) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_rebase       (UcChartSpec  *spec,
                                         UcTime        base_date,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_change_since (UcChartSpec  *spec,
                                         UcTime        base_date,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_trading_days (UcChartSpec  *spec,
                                         UcTime        day0,
                                         int           first,
                                         int           last) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_stack        (UcChartSpec  *spec) G_GNUC_WARN_UNUSED_RESULT;
const char *uc_transform_describe       (UcTransform   transform);
gboolean   uc_transform_is_ratio        (UcTransform   transform);
gboolean   uc_chart_spec_can_take_transform (UcChartSpec *spec,
                                         UcTransform   transform);
UcChartSpec *uc_chart_spec_transform    (UcChartSpec  *spec,
                                         UcTransform   transform) G_GNUC_WARN_UNUSED_RESULT;
gboolean   uc_chart_spec_stacks         (UcChartSpec  *spec);
GStrv      uc_chart_spec_collect_warnings (UcChartSpec *spec) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_spec_count_by     (UcDataset    *dataset,
                                         const char   *x_column,
                                         const char   *group_column,
                                         UcPeriod      period,
                                         GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcTime     uc_period_start              (UcTime        t,
                                         UcPeriod      period);

G_END_DECLS
