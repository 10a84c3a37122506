/* uc-overview-strip.c: the whole time span in a thin strip, with the days
 * shown framed
 *
 * Each series is drawn from its min/max index at one point pair per pixel
 * column, so the strip costs the same for any length of data. Positions
 * come from the chart's layout arithmetic (a layout whose plot is the
 * strip), so the strip and the charts above it agree on where a day is.
 */
#include "uc-overview-strip.h"

#include <math.h>

#include "uc-axis.h"
#include "uc-chart.h"

/* Strips past a million pixels wide are drawn as that. */
#define MAX_STRIP 1e6
/* Room above and below the lines, so their tops and bottoms show. */
#define MARGIN 4

/* A chart layout whose plot is the whole strip, its ends the data's span
 * (clamped as a chart's are, so the arithmetic cannot overflow). */
static UcChartLayout
layout_of (const UcOverviewStrip *strip)
{
  UcChartLayout l = { 0 };

  l.width = isfinite (strip->width) ? CLAMP (strip->width, 0, MAX_STRIP) : 0;
  l.height = isfinite (strip->height) ? CLAMP (strip->height, 0, MAX_STRIP) : 0;
  l.from = CLAMP (strip->lower, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  l.to = CLAMP (strip->upper, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  return l;
}

static double
x_for_time (const UcChartLayout *l,
            UcTime               t)
{
  return l->to > l->from ? uc_chart_layout_x_for_time (l, t) : 0;
}

/* An x for cairo: past the strip's ends by more than a dot is as good as
 * infinitely far, and cairo's 24.8 fixed point would wrap a far x around
 * (an event 2^24 px past the end showed near the start). */
static double
x_on_strip (const UcChartLayout *l,
            UcTime               t)
{
  return CLAMP (x_for_time (l, t), -2, l->width + 2);
}

double
uc_overview_strip_x_for_time (const UcOverviewStrip *strip,
                              UcTime                 t)
{
  UcChartLayout l;

  g_return_val_if_fail (strip != NULL, 0);
  l = layout_of (strip);
  return x_for_time (&l, t);
}

UcTime
uc_overview_strip_time_for_x (const UcOverviewStrip *strip,
                              double                 x)
{
  UcChartLayout l;

  g_return_val_if_fail (strip != NULL, 0);
  l = layout_of (strip);
  return uc_chart_layout_time_for_x (&l, x);
}

/* One series' lowest and highest value per pixel column, scaled on its
 * own between the strip's margins (logarithmically when the chart is:
 * prices falling tenfold). Points stay points; lines join their columns. */
static void
draw_series (cairo_t             *cr,
             const UcChartLayout *strip,
             UcSeries            *series,
             const UcColor       *color,
             gboolean             dots)
{
  UcChartLayout l = *strip;
  const double *ys = uc_series_get_y (series);
  int i = 0, n = (int) uc_series_get_length (series);
  gboolean pen = FALSE;

  if (!uc_series_get_y_range (series, l.from, l.to, &l.y_min, &l.y_max) || l.y_max <= l.y_min)
    return;
  if (l.log_scale && !(l.y_min > 0))
    return;
  l.y = MARGIN;
  l.height = strip->height - 2 * MARGIN;
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.8);
  cairo_set_line_width (cr, 1);
  for (int col = 0; col < l.width && i < n; col++)
    {
      /* The points up to the column's right edge, that edge included. */
      int j = uc_series_find_before (series, uc_chart_layout_time_for_x (&l, col + 1)) + 1;
      gsize argmin, argmax;
      gboolean gap;

      if (j <= i)
        continue;
      if (uc_series_index_range (uc_series_get_index (series), i, j, &argmin, &argmax, &gap))
        {
          double ya = uc_chart_layout_y_for_value (&l, ys[argmin]);
          double yb = uc_chart_layout_y_for_value (&l, ys[argmax]);

          if (dots)
            {
              cairo_rectangle (cr, col, ya - 1, 2, 2);
              cairo_rectangle (cr, col, yb - 1, 2, 2);
            }
          else
            {
              if (pen)
                cairo_line_to (cr, col + 0.5, ya);
              else
                cairo_move_to (cr, col + 0.5, ya);
              cairo_line_to (cr, col + 0.5, yb);
              pen = TRUE;
            }
        }
      i = j;
    }
  if (dots)
    cairo_fill (cr);
  else
    cairo_stroke (cr);
}

/* A chart of events only (lanes): a dot per event, a row per lane. */
static void
draw_event_dots (cairo_t             *cr,
                 const UcChartLayout *l,
                 UcChartSpec         *spec,
                 const UcChartTheme  *theme)
{
  guint n = uc_chart_spec_get_n_events (spec);
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autofree guint *rows = g_new (guint, n);

  for (guint i = 0; i < n; i++)
    {
      const char *lane = uc_chart_event_lane (uc_chart_spec_get_event (spec, i));

      if (!g_ptr_array_find_with_equal_func (lanes, lane, g_str_equal, &rows[i]))
        {
          rows[i] = lanes->len;
          g_ptr_array_add (lanes, (gpointer) lane);
        }
    }
  cairo_set_source_rgba (cr, theme->series[0].red, theme->series[0].green, theme->series[0].blue, 0.8);
  for (guint i = 0; i < n; i++)
    cairo_rectangle (cr, floor (x_on_strip (l, uc_event_get_time (uc_chart_spec_get_event (spec, i)))) - 1,
                     (rows[i] + 0.5) * l->height / lanes->len - 1.5, 3, 3);
  cairo_fill (cr);
}

/* The days not shown are dimmed; the shown ones framed. */
static void
draw_frame (cairo_t             *cr,
            const UcChartLayout *l,
            UcTime               from,
            UcTime               to,
            const UcChartTheme  *theme)
{
  double x0 = x_on_strip (l, from), x1 = x_on_strip (l, to);

  cairo_set_source_rgba (cr, theme->background.red, theme->background.green, theme->background.blue, 0.7);
  cairo_rectangle (cr, 0, 0, x0, l->height);
  cairo_rectangle (cr, x1, 0, l->width - x1, l->height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, theme->foreground.red, theme->foreground.green, theme->foreground.blue, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, round (x0) + 0.5, 0.5, MAX (2, round (x1 - x0) - 1), l->height - 1);
  cairo_stroke (cr);
}

void
uc_overview_strip_draw (cairo_t               *cr,
                        const UcOverviewStrip *strip,
                        UcChartSpec           *spec,
                        const UcChartTheme    *theme)
{
  UcChartLayout l;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (strip != NULL);
  g_return_if_fail (spec == NULL || UC_IS_CHART_SPEC (spec));

  if (theme == NULL)
    theme = uc_chart_theme_light ();
  l = layout_of (strip);
  l.log_scale = spec && uc_chart_spec_get_log_scale (spec);
  cairo_save (cr);
  for (guint s = 0; spec && s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      gboolean dots = uc_chart_spec_get_kind (spec) == UC_CHART_SCATTER && uc_series_get_kind (series) < 0;

      if (!uc_series_get_hidden (series))
        draw_series (cr, &l, series, uc_chart_theme_series_color (theme, series, s), dots);
    }
  if (spec && uc_chart_spec_get_n_series (spec) == 0 && uc_chart_spec_get_n_events (spec) > 0)
    draw_event_dots (cr, &l, spec, theme);
  draw_frame (cr, &l, strip->from, strip->to, theme);
  cairo_restore (cr);
}
