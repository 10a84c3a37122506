/* uc-chart-spec.h: everything a chart shows, independent of how it is drawn
 *
 * The window, the exporters and the command line all draw from a spec, so
 * what is on screen and what lands in a file are the same chart.
 */
#pragma once

#include <glib-object.h>

#include "uc-event.h"
#include "uc-series.h"

G_BEGIN_DECLS

typedef enum
{
  UC_VALUE_NUMBER,
  UC_VALUE_MONEY,
  UC_VALUE_PERCENT,
  UC_VALUE_INDEX,
  UC_VALUE_PER_MTOK,   /* dollars per million tokens: money on the axis, "/1M tok" in full */
} UcValueFormat;

typedef enum
{
  UC_CHART_LINE,
  UC_CHART_STEP,      /* each value holds until the next */
  UC_CHART_AREA,      /* filled down to zero, or stacked */
  UC_CHART_SCATTER,
  UC_CHART_BARS,      /* one bar per date (periods: weeks, months, quarters), stacked or side by side */
  UC_CHART_LANES,     /* the events alone, one row per lane (category, or their own lane) */
} UcChartKind;

gboolean uc_chart_kind_from_string (const char  *name,
                                    UcChartKind *kind);

/* What a line's values are made into before they are drawn; the nicks
 * ("returns", "mean-30") are the command line's and the settings'. */
typedef enum
{
  UC_TRANSFORM_NONE,
  UC_TRANSFORM_RETURNS,    /* percent change from the value before */
  UC_TRANSFORM_MEAN_7,     /* mean of the values of 7 calendar days */
  UC_TRANSFORM_MEAN_30,
  UC_TRANSFORM_MEAN_90,
  UC_TRANSFORM_DRAWDOWN,   /* percent below the highest value so far */
} UcTransform;

typedef enum
{
  UC_LEGEND_TOP,      /* a row under the title, outside the plot */
  UC_LEGEND_INSIDE,   /* a box in the plot's emptiest corner */
  UC_LEGEND_NONE,
} UcLegendPosition;

gboolean    uc_legend_position_from_string (const char       *name,
                                            UcLegendPosition *position);
const char *uc_legend_position_to_string   (UcLegendPosition  position);

/* Bars of periods: each x is a period's start and its bar spans it. */
typedef enum
{
  UC_CHART_PERIOD_NONE,
  UC_CHART_PERIOD_WEEK,      /* weeks start on Monday */
  UC_CHART_PERIOD_MONTH,
  UC_CHART_PERIOD_QUARTER,
} UcChartPeriod;

UcTime uc_chart_period_end (UcTime        start,
                            UcChartPeriod period);

/* What the x axis measures. Series keep x in one int64 array either way,
 * so time charts stay as they were: a number axis ("trading days from an
 * event") stores each x as the number times UC_X_NUMBER_SCALE, six decimal
 * places, and the drawing, decimation and hit tests need no second path.
 * Events, rebasing, periods and the window's shared time range belong to
 * time axes only. */
typedef enum
{
  UC_X_TIME,     /* dates and times (UcTime, µs since 1970) */
  UC_X_NUMBER,   /* a number, scaled by UC_X_NUMBER_SCALE */
} UcXKind;

#define UC_X_NUMBER_SCALE 1000000
/* Numbers past ±10^12 are left out: drawing clamps x to ±2^60 scaled units. */
#define UC_X_NUMBER_LIMIT 1e12

gboolean    uc_x_kind_from_string  (const char *name,
                                    UcXKind    *kind);
const char *uc_x_kind_to_string    (UcXKind     kind);
gboolean    uc_x_from_number       (double      value,
                                    UcTime     *x);
double      uc_x_to_number         (UcTime      x);

/* Where an input of the chart came from, for report packs and footers. */
typedef struct
{
  char *name;        /* "market-caps.csv", "prices.csv" */
  char *source;      /* who published it */
  char *location;    /* a file path or a resource:// URI, to checksum */
  char *date;        /* YYYY-MM-DD or NULL */
  char *date_kind;   /* "retrieved", "modified" */
  char *sha256;      /* known checksum (read from a pack) when there is no location */
} UcProvenance;

#define UC_TYPE_CHART_SPEC (uc_chart_spec_get_type ())
G_DECLARE_FINAL_TYPE (UcChartSpec, uc_chart_spec, UC, CHART_SPEC, GObject)

UcChartSpec   *uc_chart_spec_new              (void) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec   *uc_chart_spec_copy             (UcChartSpec   *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean       uc_chart_spec_can_transform    (UcChartSpec   *self);
gboolean       uc_chart_spec_can_be_log       (UcChartSpec   *self);
UcChartSpec   *uc_chart_spec_copy_without_series (UcChartSpec *self) G_GNUC_WARN_UNUSED_RESULT;
const char    *uc_chart_spec_get_title        (UcChartSpec   *self);
void           uc_chart_spec_set_title        (UcChartSpec   *self,
                                               const char    *title);
const char    *uc_chart_spec_get_subtitle     (UcChartSpec   *self);
void           uc_chart_spec_set_subtitle     (UcChartSpec   *self,
                                               const char    *subtitle);
const char    *uc_chart_spec_get_source       (UcChartSpec   *self);
const char    *uc_chart_specs_shared_source   (UcChartSpec  **specs,
                                               guint          n);
void           uc_chart_spec_set_source       (UcChartSpec   *self,
                                               const char    *source);
const char    *uc_chart_spec_get_note         (UcChartSpec   *self);
void           uc_chart_spec_set_note         (UcChartSpec   *self,
                                               const char    *note);
/* Axis titles: the x title sits centred under the time axis, the y title
 * (usually the unit) above the value axis, unrotated, as report charts do. */
const char    *uc_chart_spec_get_x_title      (UcChartSpec   *self);
void           uc_chart_spec_set_x_title      (UcChartSpec   *self,
                                               const char    *x_title);
const char    *uc_chart_spec_get_y_title      (UcChartSpec   *self);
void           uc_chart_spec_set_y_title      (UcChartSpec   *self,
                                               const char    *y_title);
UcXKind        uc_chart_spec_get_x_kind       (UcChartSpec   *self);
void           uc_chart_spec_set_x_kind       (UcChartSpec   *self,
                                               UcXKind        kind);
/* A number axis's unit, as one reads a point: "day" makes "day +3". */
const char    *uc_chart_spec_get_x_unit       (UcChartSpec   *self);
void           uc_chart_spec_set_x_unit       (UcChartSpec   *self,
                                               const char    *unit);
gboolean       uc_chart_spec_get_x_signed     (UcChartSpec   *self);
UcValueFormat  uc_chart_spec_get_value_format (UcChartSpec   *self);
void           uc_chart_spec_set_value_format (UcChartSpec   *self,
                                               UcValueFormat  format);
UcLegendPosition uc_chart_spec_get_legend_position (UcChartSpec *self);
void           uc_chart_spec_set_legend_position (UcChartSpec *self,
                                                  UcLegendPosition position);
UcChartKind    uc_chart_spec_get_kind         (UcChartSpec   *self);
void           uc_chart_spec_set_kind         (UcChartSpec   *self,
                                               UcChartKind    kind);
gboolean       uc_chart_spec_get_stacked      (UcChartSpec   *self);
void           uc_chart_spec_set_stacked      (UcChartSpec   *self,
                                               gboolean       stacked);
gboolean       uc_chart_spec_get_periods      (UcChartSpec   *self);
UcChartPeriod  uc_chart_spec_get_period       (UcChartSpec   *self);
void           uc_chart_spec_set_period       (UcChartSpec   *self,
                                               UcChartPeriod  period,
                                               UcTime         covered_from,
                                               UcTime         covered_to);
gboolean       uc_chart_spec_period_is_partial (UcChartSpec  *self,
                                                UcTime        start);
void           uc_chart_spec_get_covered      (UcChartSpec   *self,
                                               UcTime        *from,
                                               UcTime        *to);
UcTime         uc_chart_spec_get_base         (UcChartSpec   *self);
void           uc_chart_spec_set_base         (UcChartSpec   *self,
                                               UcTime         base);
UcTransform    uc_chart_spec_get_transform    (UcChartSpec   *self);
void           uc_chart_spec_set_transform    (UcChartSpec   *self,
                                               UcTransform    transform);
gboolean       uc_chart_spec_get_log_scale    (UcChartSpec   *self);
void           uc_chart_spec_set_log_scale    (UcChartSpec   *self,
                                               gboolean       log_scale);
void           uc_chart_spec_get_range        (UcChartSpec   *self,
                                               UcTime        *from,
                                               UcTime        *to);
void           uc_chart_spec_set_range        (UcChartSpec   *self,
                                               UcTime         from,
                                               UcTime         to);
void           uc_chart_spec_add_series       (UcChartSpec   *self,
                                               UcSeries      *series);
guint          uc_chart_spec_get_n_series     (UcChartSpec   *self);
UcSeries      *uc_chart_spec_get_series       (UcChartSpec   *self,
                                               guint          index);
UcSeries      *uc_chart_spec_find_series      (UcChartSpec   *self,
                                               const char    *id);
void           uc_chart_spec_add_event        (UcChartSpec   *self,
                                               UcEvent       *event);
void           uc_chart_spec_add_provenance   (UcChartSpec   *self,
                                               const char    *name,
                                               const char    *source,
                                               const char    *location,
                                               const char    *date,
                                               const char    *date_kind);
guint          uc_chart_spec_get_n_provenance (UcChartSpec   *self);
void           uc_chart_spec_set_provenance_sha256 (UcChartSpec *self,
                                                    guint        index,
                                                    const char  *sha256);
const UcProvenance *uc_chart_spec_get_provenance (UcChartSpec *self,
                                                guint        index);
const char    *uc_value_format_to_string      (UcValueFormat  format);
gboolean       uc_value_format_from_string    (const char    *name,
                                               UcValueFormat *format);
const char    *uc_chart_kind_to_string        (UcChartKind    kind);
void           uc_chart_spec_add_warning      (UcChartSpec   *self,
                                               const char    *warning);
guint          uc_chart_spec_get_n_warnings   (UcChartSpec   *self);
const char    *uc_chart_spec_get_warning      (UcChartSpec   *self,
                                               guint          index);
guint          uc_chart_spec_get_n_events     (UcChartSpec   *self);
void           uc_chart_spec_clear_events     (UcChartSpec   *self);
UcEvent       *uc_chart_spec_get_event        (UcChartSpec   *self,
                                               guint          index);

G_END_DECLS
