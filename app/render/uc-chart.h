/* uc-chart.h: drawing a chart (on time, or a number axis) with cairo and pango */
#pragma once

#include <cairo.h>
#include <math.h>

#include "uc-chart-spec.h"
#include "uc-chart-theme.h"

G_BEGIN_DECLS

/* Where things landed, so callers (hit testing, tests) map data to pixels. */
#define UC_CHART_MAX_LEGEND_ITEMS 32
#define UC_CHART_MAX_MARKS 512

typedef struct
{
  double x, y, width, height;   /* the plot area */
  UcTime from, to;
  double y_min, y_max;
  gboolean log_scale;
  double legend_x, legend_y, legend_width, legend_height;   /* zero unless drawn inside the plot */
  gboolean has_y2;              /* a second value axis, on the right */
  double y2_min, y2_max;
  guint  n_legend_items;        /* where each series' legend entry is, for clicks */
  struct { double x, y, width, height; } legend_items[UC_CHART_MAX_LEGEND_ITEMS];
  double natural_left, natural_right;   /* the plot's insets from the canvas' edges before any
                                         * alignment with other charts (UcChartDrawOptions.plot_left) */
  guint  n_unnamed_events;      /* event markers drawn without their label ("+N unnamed") */
  guint  n_shortened_labels;    /* lane labels drawn cut short (…) for want of room */
  guint  n_marks;               /* lane charts: where each event's dot is, for hovering */
  struct { double x, y; guint event; } marks[UC_CHART_MAX_MARKS];
} UcChartLayout;

UcChartLayout uc_chart_layout_for_series (const UcChartLayout *layout,
                                          UcSeries            *series);

typedef enum
{
  UC_CHART_DRAW_EVERY_POINT = 1 << 0,   /* no decimation: for tests and comparisons */
  UC_CHART_DRAW_INTERACTIVE = 1 << 1,   /* in a window: a hidden series keeps a faint legend entry to click;
                                         * elsewhere (exports, copies) the legend lists only what is drawn */
  UC_CHART_DRAW_NO_SOURCE   = 1 << 2,   /* no source line in the footer: a stack prints the one its charts share */
} UcChartDrawFlags;

/* How one drawing goes, beside what the chart is: the passing state of a
 * reader's look at it, which a chart spec (and a pack) never records. */
typedef struct
{
  UcChartDrawFlags flags;
  int              highlight;           /* the series brought forward (legend hover), the others faded; -1: none */
  double           y_min, y_max;        /* the left value axis held there; NaN: it follows the data */
  double           plot_left, plot_right;   /* at least this far from the canvas' left and right edges (0:
                                             * as the labels need), so stacked charts share one plot x */
  double           font_px;             /* the text's size in pixels (a window's, from its settings); 0: the
                                         * desktop's (uc_chart_font_desktop), as a command draws */
  double           caption_px;          /* no text smaller: the window's caption size; 0: a share of font_px */
} UcChartDrawOptions;

#define UC_CHART_DRAW_OPTIONS_INIT { 0, -1, NAN, NAN, 0, 0, 0, 0 }

void   uc_chart_draw_full         (cairo_t             *cr,
                                   UcChartSpec         *spec,
                                   const UcChartTheme  *theme,
                                   double               width,
                                   double               height,
                                   const UcChartDrawOptions *options,
                                   UcChartLayout       *layout);
void   uc_chart_draw_stack        (cairo_t             *cr,
                                   UcChartSpec        **specs,
                                   const UcChartDrawOptions *options,
                                   const int           *heights,
                                   guint                n,
                                   const UcChartTheme  *theme,
                                   double               width);
void   uc_chart_draw_stack_full   (cairo_t             *cr,
                                   UcChartSpec        **specs,
                                   const UcChartDrawOptions *options,
                                   const int           *heights,
                                   guint                n,
                                   const UcChartTheme  *theme,
                                   double               width,
                                   UcChartLayout       *layouts_out);
const char *uc_chart_event_lane    (UcEvent             *event);
void   uc_chart_draw              (cairo_t             *cr,
                                   UcChartSpec         *spec,
                                   const UcChartTheme  *theme,
                                   double               width,
                                   double               height,
                                   UcChartLayout       *layout);
double uc_chart_layout_x_for_time (const UcChartLayout *layout,
                                   UcTime               t);
double uc_chart_layout_y_for_value (const UcChartLayout *layout,
                                    double               value);
double uc_chart_layout_value_for_y (const UcChartLayout *layout,
                                    double               y);
UcTime uc_chart_layout_time_for_x  (const UcChartLayout *layout,
                                    double               x);
UcTime uc_chart_layout_column_end  (const UcChartLayout *layout,
                                    int                  m);
UcChartLayout uc_chart_layout_in_pixels (const UcChartLayout *layout,
                                         cairo_t             *cr);
void   uc_chart_layout_get_column_grid (const UcChartLayout *layout,
                                        double               scale,
                                        UcTime              *from,
                                        double              *span,
                                        double              *width,
                                        guint               *n_edges);

G_END_DECLS
