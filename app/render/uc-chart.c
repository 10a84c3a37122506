/* uc-chart.c: a drawn chart's layout, from data to pixels and back, and
 * the public calls that need nothing of the drawing's own state
 *
 * A layout maps in doubles, so that hostile ranges (times millennia
 * apart, values near ±1e308) map to far but finite pixels. A chart is
 * drawn by uc-chart-draw.c and the files uc-chart-private.h lists; this
 * file includes none of them, so that none includes its way back here.
 */
#include "uc-chart.h"

#include <math.h>

#include "uc-axis.h"

/* In doubles: the int64 difference of two far-apart times overflows, and
 * for times within 285 years of 1970 the two are the same to the bit. */
double
uc_chart_layout_x_for_time (const UcChartLayout *l,
                            UcTime               t)
{
  return l->x + ((double) t - (double) l->from) / ((double) l->to - (double) l->from) * l->width;
}

/* Pixels this far off the canvas are as good as infinitely far, and stay
 * finite (and within what cairo and the rasteriser take). */
#define FAR_PX 1e7

double
uc_chart_layout_y_for_value (const UcChartLayout *l,
                             double               value)
{
  double from_min, span, y;

  if (l->log_scale)
    {
      /* Zero and negatives have no place on a log axis: below the plot. */
      if (!(value > 0))
        return l->y + l->height * 2;
      y = l->y + l->height - (log10 (value) - log10 (l->y_min)) / (log10 (l->y_max) - log10 (l->y_min)) * l->height;
    }
  else
    {
      from_min = value - l->y_min;
      span = l->y_max - l->y_min;
      /* An axis from -1e308 to 1e308 spans more than a double holds:
       * halves are exact and do not overflow. */
      if (G_UNLIKELY (!isfinite (from_min) || !isfinite (span)))
        {
          from_min = value * 0.5 - l->y_min * 0.5;
          span = l->y_max * 0.5 - l->y_min * 0.5;
        }
      y = l->y + l->height - from_min / span * l->height;
    }
  if (G_UNLIKELY (!(fabs (y - l->y) < FAR_PX)))
    return isnan (y) ? l->y + l->height * 2 : y < l->y ? l->y - FAR_PX : l->y + FAR_PX;
  return y;
}

/* The time at x: in doubles, clamped before the cast, so a plot a pixel
 * wide or a far x gives a time and not an overflow. */
UcTime
uc_chart_layout_time_for_x (const UcChartLayout *l,
                            double               x)
{
  double offset = (x - l->x) / l->width * ((double) l->to - (double) l->from);

  if (isnan (offset))
    return l->from;
  return l->from + (UcTime) CLAMP (offset, -(double) UC_AXIS_TIME_LIMIT, (double) UC_AXIS_TIME_LIMIT);
}

/* Where pixel column @m − 1 of the plot ends and column @m begins, in
 * time: @m pixels right of the plot's left edge. The column edges of a
 * line's decimation (M4), computed from whole pixels so that a source
 * decimating for the renderer (uc-clickhouse.c) can follow them with the
 * same arithmetic. */
UcTime
uc_chart_layout_column_end (const UcChartLayout *l,
                            int                  m)
{
  double offset = (double) m / l->width * ((double) l->to - (double) l->from);

  if (isnan (offset))
    return l->from;
  return l->from + (UcTime) CLAMP (offset, -(double) UC_AXIS_TIME_LIMIT, (double) UC_AXIS_TIME_LIMIT);
}

/* @l with its plot measured in @cr's device pixels: where a line's
 * decimation puts its columns (at 2×, twice as many). */
UcChartLayout
uc_chart_layout_in_pixels (const UcChartLayout *l,
                           cairo_t             *cr)
{
  UcChartLayout pixels = *l;
  double dx = 1, dy = 0, scale;

  cairo_user_to_device_distance (cr, &dx, &dy);
  scale = hypot (dx, dy);
  if (isfinite (scale) && scale > 0)
    {
      pixels.x *= scale;
      pixels.width *= scale;
    }
  return pixels;
}

/* The same columns as a rule, for a plot drawn at @scale device pixels a
 * unit (a PNG's scale; 1 for vectors and windows at scale 1): column @m
 * ends at @from + (m / @width) × @span, truncated to a microsecond, for
 * m = 0 … @n_edges − 1. */
void
uc_chart_layout_get_column_grid (const UcChartLayout *l,
                                 double               scale,
                                 UcTime              *from,
                                 double              *span,
                                 double              *width,
                                 guint               *n_edges)
{
  *from = l->from;
  *span = (double) l->to - (double) l->from;
  *width = l->width * scale;
  *n_edges = (guint) MAX ((int) ceil (*width) + 2, 0) + 1;
}

/* The value at plot y @y: uc_chart_layout_y_for_value() the other way. */
double
uc_chart_layout_value_for_y (const UcChartLayout *l,
                             double               y)
{
  double f = l->height > 0 ? (l->y + l->height - y) / l->height : 0;

  if (l->log_scale)
    return l->y_min > 0 && l->y_max > 0 ? pow (10, log10 (l->y_min) + f * (log10 (l->y_max) - log10 (l->y_min))) : NAN;
  return l->y_min + f * (l->y_max - l->y_min);
}

/* The layout a series is drawn in: the right axis's range for its series. */
UcChartLayout
uc_chart_layout_for_series (const UcChartLayout *layout,
                            UcSeries            *series)
{
  UcChartLayout l = *layout;

  if (layout->has_y2 && uc_series_get_right_axis (series))
    {
      l.y_min = layout->y2_min;
      l.y_max = layout->y2_max;
    }
  return l;
}

/* A chart drawn plainly: uc_chart_draw_full with no drawing options. */
void
uc_chart_draw (cairo_t            *cr,
               UcChartSpec        *spec,
               const UcChartTheme *theme,
               double              width,
               double              height,
               UcChartLayout      *layout_out)
{
  uc_chart_draw_full (cr, spec, theme, width, height, NULL, layout_out);
}
