/* uc-chart-private.h: what the pieces of the chart renderer share
 *
 * Only the renderer's own files include this; callers use uc-chart.h,
 * whose layout calls uc-chart.c keeps (it includes no private header, so
 * that no file includes its way back to itself). The renderer is split
 * by concern, one file each:
 *
 *   uc-chart-draw.c          a whole chart laid out and drawn; the drawing calls
 *   uc-chart-text.c          text: fonts, measuring (cut to fit), showing
 *   uc-chart-axes.c          value ranges, ticks, the axes drawn
 *   uc-chart-series.c        lines, steps, areas, bars and dots; decimation (M4)
 *   uc-chart-legend.c        the legend, above the plot or boxed inside it
 *   uc-chart-point-labels.c  names beside scatter points, where they cover nothing
 *   uc-chart-events.c        event spans, markers and their labels above the plot
 *   uc-chart-lanes.c         event lane charts: the lanes, their heights, names and lines
 *   uc-chart-lane-labels.c   one lane: its dots and bars, its labels placed
 */
#pragma once

#include <pango/pangocairo.h>

#include "uc-chart.h"
#include "uc-text-cache.h"

G_BEGIN_DECLS

/* Canvases past a million pixels a side are drawn as that. */
#define MAX_CANVAS 1e6
/* Characters of labels laid out per pass over a chart's events or points
 * (some tens of milliseconds of pango); labels past it are not tried. */
#define LABEL_CHAR_BUDGET 200000
/* Text is cut to at most this many characters a line before it is laid
 * out (see uc_chart_measure). */
#define MAX_LINE_CHARS 2000

/* One drawing of one chart: where it goes and how, and the text state. */
typedef struct
{
  cairo_t            *cr;
  PangoLayout        *layout;      /* the text last measured */
  PangoLayout        *own_layout;  /* where text is laid out without a cache */
  UcTextCache        *text_cache;  /* on image surfaces */
  PangoFontDescription *font;      /* the font set for the next text */
  const UcChartTheme *theme;
  double              fs;       /* base font size in user units: the desktop's body text */
  double              min_px;   /* no text smaller: the window's caption size */
  gboolean            decimate;
  int                 highlight;   /* the series brought forward, or -1 */
  double              held_min, held_max;   /* a left value axis held by the reader; NaN: none */
  gboolean            compact;  /* thumbnails: the plot first, text cut to fit */
  gboolean            interactive;  /* UC_CHART_DRAW_INTERACTIVE */
  gboolean            one_line; /* the next text is ellipsized to one line */
  gboolean            no_source;   /* UC_CHART_DRAW_NO_SOURCE */
  gboolean            dual;     /* series on two value axes */
  gboolean            stacked;  /* the series hold running totals (stacked here) */
  UcChartLayout      *legend_out;   /* where legend entries go, for hit tests */
  double              font_px;  /* the size last set */
  double              bar_spacing;   /* narrowest gap between dates, once found; NaN before */
  double              width, height;   /* the canvas */
  double              plot_left, plot_right;   /* UcChartDrawOptions' */
} Ctx;

/* A stretch of x that a label (or a dot, or a bar) takes. */
typedef struct
{
  double left, right;
} Span;

/* Rows of labels a lane of a lane chart can hold, its line the first. */
#define MAX_LANE_ROWS 16

/* A lane of a lane chart, and what its labels take. */
typedef struct
{
  char   *name;
  GArray *rows[MAX_LANE_ROWS];   /* Span: what each row of labels holds */
  GArray *entries;               /* guint: the lane's events, as places in the time order */
  GArray *xs;                    /* double: each entry's x, ascending */
  GArray *dots;                  /* Span: each point event's dot, by x, each place once */
  GArray *bars;                  /* Span: each span's bar */
  guint   unnamed;               /* events whose dot is drawn without a label */
  guint   shortened;             /* labels cut short (…) to fit */
  int     chosen_for;            /* the capacity a way of placing was chosen for (0: none yet)... */
  int     way;                   /* ...and which way (see uc_chart_place_lane) */
} Lane;

/* One drawing of a lane chart: what every lane's placing shares. */
typedef struct
{
  Ctx                 *ctx;
  UcChartSpec         *spec;
  const UcChartLayout *l;
  UcChartLayout       *l_out;   /* where the dots are recorded */
  const guint         *order;   /* the events by time */
  double               width, margin;
  double               dot, pad, row_h;
  GHashTable          *sizes;   /* label → its width and height, measured once for every placing tried */
} LaneRun;

static inline void
uc_chart_set_color (cairo_t       *cr,
                    const UcColor *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/* The pixel column of @x in a plot, one of @n. */
static inline guint
uc_chart_column_of (const UcChartLayout *l,
                    double               x,
                    guint                n)
{
  double c = floor (x - l->x) + 1;

  return (guint) CLAMP (c, 0, (double) n - 1);
}

/* Columns of a plot, with one to spare on either side. */
static inline guint
uc_chart_n_columns (const UcChartLayout *l)
{
  return (guint) CLAMP (ceil (l->width), 0, MAX_CANVAS) + 3;
}

/* uc-chart-draw.c */
void     uc_chart_draw_sized        (cairo_t                  *cr,
                                     UcChartSpec              *spec,
                                     const UcChartTheme       *theme,
                                     double                    width,
                                     double                    height,
                                     double                    font_size,
                                     double                    caption_size,
                                     const UcChartDrawOptions *options,
                                     UcChartLayout            *layout_out);
double   uc_chart_draw_stack_footer (cairo_t                  *cr,
                                     UcChartSpec              *spec,
                                     const char               *text,
                                     const UcChartTheme       *theme,
                                     double                    width,
                                     double                    height,
                                     double                    font_size,
                                     double                    caption_size,
                                     gboolean                  draw);
double   uc_chart_options_font_px   (const UcChartDrawOptions *options,
                                     double                   *caption_px);

/* uc-chart-text.c */
void     uc_chart_set_font  (Ctx           *ctx,
                             double         size,
                             PangoWeight    weight);
void     uc_chart_measure   (Ctx           *ctx,
                             const char    *text,
                             double         wrap_width,
                             double        *w,
                             double        *h);
void     uc_chart_show      (Ctx           *ctx,
                             const UcColor *color,
                             double         x,
                             double         y);
double   uc_chart_draw_text (Ctx           *ctx,
                             const char    *text,
                             double         size,
                             PangoWeight    weight,
                             const UcColor *color,
                             double         x,
                             double         y,
                             double         wrap_width);
gboolean uc_chart_spend     (gsize         *budget,
                             const char    *text);

/* uc-chart-axes.c */
gboolean uc_chart_is_dual          (UcChartSpec         *spec);
GArray  *uc_chart_value_axes       (Ctx                 *ctx,
                                    UcChartSpec         *spec,
                                    UcChartLayout       *l,
                                    GArray             **y2_ticks);
void     uc_chart_fit_value_labels (Ctx                 *ctx,
                                    UcChartLayout       *l,
                                    double               margin,
                                    GArray              *y_ticks,
                                    GArray              *y2_ticks);
void     uc_chart_draw_value_axes  (Ctx                 *ctx,
                                    const UcChartLayout *l,
                                    GArray              *y_ticks,
                                    GArray              *y2_ticks);
void     uc_chart_draw_time_axis   (Ctx                 *ctx,
                                    UcChartSpec         *spec,
                                    const UcChartLayout *l,
                                    double               margin,
                                    double               x_label_h,
                                    double               x_title_h,
                                    gboolean             grid);

/* uc-chart-series.c */
void     uc_chart_set_series_style (Ctx                 *ctx,
                                    UcSeries            *series,
                                    guint                index,
                                    gboolean             dense);
void     uc_chart_draw_series      (Ctx                 *ctx,
                                    UcChartSpec         *spec,
                                    const UcChartLayout *layout);

/* uc-chart-legend.c */
double   uc_chart_draw_legend        (Ctx                 *ctx,
                                      UcChartSpec         *spec,
                                      double               x0,
                                      double               y0,
                                      double               width,
                                      gboolean             really_draw,
                                      double              *used_width);
void     uc_chart_draw_legend_inside (Ctx                 *ctx,
                                      UcChartSpec         *spec,
                                      UcChartLayout       *l);

/* uc-chart-point-labels.c */
void     uc_chart_draw_point_labels  (Ctx                 *ctx,
                                      UcChartSpec         *spec,
                                      const UcChartLayout *layout);

/* uc-chart-events.c */
gboolean uc_chart_spans_free         (GArray              *row,
                                      double               left,
                                      double               right,
                                      double               pad);
double   uc_chart_place_event_labels (Ctx                 *ctx,
                                      UcChartSpec         *spec,
                                      const UcChartLayout *l,
                                      double               lane_bottom,
                                      int                  really_draw);

/* uc-chart-lanes.c */
void     uc_chart_draw_lanes         (Ctx                 *ctx,
                                      UcChartSpec         *spec,
                                      UcChartLayout       *l,
                                      double               margin,
                                      int                  pass);

/* uc-chart-lane-labels.c */
int      uc_chart_place_lane         (LaneRun             *run,
                                      Lane                *lane,
                                      int                  capacity,
                                      double               line_y,
                                      gboolean             draw);

G_END_DECLS
