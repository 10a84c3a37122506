/* uc-chart-options.h: what a reader asks of a chart, applied in one place
 *
 * A view file, the command line and the window each fill these options
 * their own way; uc_chart_options_apply() turns any of them into the chart
 * drawn, so a rebase, an event label or a hidden category reads the same
 * wherever it was asked for.
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"
#include "uc-source.h"

G_BEGIN_DECLS

typedef enum
{
  UC_VALUE_MODE_AS_IS,
  UC_VALUE_MODE_REBASED,   /* 100 on the base date */
  UC_VALUE_MODE_PERCENT,   /* change since the base date */
} UcValueMode;

#define UC_CHART_OPTIONS_ERROR (uc_chart_options_error_quark ())

/* Which option named a series the chart does not have. */
typedef enum
{
  UC_CHART_OPTIONS_ERROR_RIGHT,
  UC_CHART_OPTIONS_ERROR_EMPHASIS,
  UC_CHART_OPTIONS_ERROR_CHANGE,
  UC_CHART_OPTIONS_ERROR_TRANSFORM,   /* a chart that cannot take the transform */
} UcChartOptionsError;

GQuark uc_chart_options_error_quark (void);

/* -1 in an int member and NULL in a pointer member leave the chart's own. */
typedef struct
{
  /* Days shown: from, to; on a number axis, its numbers as UcTime. */
  gboolean     has_range;
  UcTime       from, to;

  /* Values rebased or as change since @base (0: the first day shown). */
  UcValueMode  value_mode;
  UcTime       base;
  int          log_scale;         /* 0, 1, or -1 */
  /* Then each line transformed: daily returns, a mean, the drawdown. */
  UcTransform  transform;

  /* The chart's events replaced by those of @events in the range (none
   * when @events is NULL), of @event_categories only (NULL: all). */
  gboolean     replace_events;
  UcDataset   *events;
  UcSource    *events_source;     /* where @events come from, cited by the chart */
  char       **event_categories;
  /* Events drawn besides the chart's own (the user's events file), in
   * the range, as one category of their own (UC_EVENT_USER); the source
   * line names @added_events_name. */
  UcDataset   *added_events;
  char        *added_events_name;
  /* Events of @change_categories (NULL: all) named by the move
   * @change_series made that day ("NVDA −17.0% · −$593B"). */
  char        *change_series;
  char       **change_categories;
  /* Events left out of the drawing: a bit per UcEventCategory, and words
   * each event shown must contain. */
  guint        hidden_categories;
  char        *event_filter;

  int          kind;              /* UcChartKind */
  int          stacked;
  int          legend;            /* UcLegendPosition */
  int          value_format;      /* UcValueFormat */
  char        *title;
  char        *x_title;
  char        *y_title;
  char       **right;             /* series on a second value axis */
  char       **emphasis;          /* series drawn heavier */

  /* A view's charts take what fits each: an option a chart cannot take
   * (a rebase of counts, a log axis of bars) leaves it as it is, where a
   * single chart asked for one says why not. */
  gboolean     where_it_fits;
} UcChartOptions;

#define UC_CHART_OPTIONS_INIT \
  { .value_mode = UC_VALUE_MODE_AS_IS, .transform = UC_TRANSFORM_NONE, .log_scale = -1, .kind = -1, .stacked = -1, .legend = -1, .value_format = -1 }

void         uc_chart_options_init  (UcChartOptions       *options);
void         uc_chart_options_clear (UcChartOptions       *options);
UcChartSpec *uc_chart_options_apply (const UcChartOptions *options,
                                     UcChartSpec          *spec,
                                     GError              **error) G_GNUC_WARN_UNUSED_RESULT;
UcSeries    *uc_chart_options_find_series (UcChartSpec    *spec,
                                           const char     *name);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UcChartOptions, uc_chart_options_clear)

G_END_DECLS
