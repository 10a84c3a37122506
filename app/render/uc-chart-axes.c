/* uc-chart-axes.c: a chart's axes: the value range, ticks, and the axes'
 * lines, grid and labels
 */
#include "uc-chart-private.h"

#include <math.h>

#include "uc-axis.h"

/* The lowest and highest values of the series shown on axis @side (0
 * left, 1 right, -1 both) from @from to @to; 0 to 1 when there are none. */
static void
data_range (UcChartSpec *spec,
            int          side,
            UcTime       from,
            UcTime       to,
            double      *min,
            double      *max)
{
  double lo = INFINITY, hi = -INFINITY;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      double a, b;

      if ((side >= 0 && uc_series_get_right_axis (uc_chart_spec_get_series (spec, i)) != side) ||
          uc_series_get_hidden (uc_chart_spec_get_series (spec, i)))
        continue;
      if (uc_series_get_y_range (uc_chart_spec_get_series (spec, i), from, to, &a, &b))
        {
          lo = MIN (lo, a);
          hi = MAX (hi, b);
        }
    }
  if (!isfinite (lo))
    {
      lo = 0;
      hi = 1;
    }
  *min = lo;
  *max = hi;
}

/* The smallest positive value on axis @side from @from to @to, which sets
 * the floor of a log axis; 1 when there is none. */
static double
smallest_positive (UcChartSpec *spec,
                   int          side,
                   UcTime       from,
                   UcTime       to)
{
  double pos_lo = INFINITY;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, i);
      const UcTime *x = uc_series_get_x (series);
      const double *y = uc_series_get_y (series);

      if (side >= 0 && uc_series_get_right_axis (series) != side)
        continue;
      for (guint k = MAX (0, uc_series_find_before (series, from)); k < uc_series_get_length (series) && x[k] <= to; k++)
        if (y[k] > 0 && y[k] < INFINITY)
          pos_lo = MIN (pos_lo, y[k]);
    }
  if (!isfinite (pos_lo))
    pos_lo = 1;
  return pos_lo;
}

/* A linear axis's range around [@lo, @hi]: from zero for sizes, and never
 * empty. */
static void
linear_range (UcChartSpec *spec,
              double      *lo,
              double      *hi)
{
  UcValueFormat format = uc_chart_spec_get_value_format (spec);
  UcChartKind kind = uc_chart_spec_get_kind (spec);

  /* Sizes (money, areas) read honestly only against a zero baseline. */
  if ((format == UC_VALUE_MONEY || format == UC_VALUE_PER_MTOK || kind == UC_CHART_AREA || kind == UC_CHART_BARS) &&
      *lo > 0)
    *lo = 0;
  if (*hi <= *lo)
    *hi = *lo + 1;
  /* Past 2^53 adding one changes nothing: a span towards zero does. */
  if (!(*hi > *lo))
    {
      if (*lo > 0)
        *lo /= 2;
      else
        *hi /= 2;
    }
}

/* The values on axis @side (0 left, 1 right, -1 both) from @from to
 * @to: what a held axis holds, else the data's, widened for the scale. */
static void
value_range (const Ctx   *ctx,
             UcChartSpec *spec,
             int          side,
             UcTime       from,
             UcTime       to,
             double      *min,
             double      *max)
{
  double lo, hi;

  /* Held by the reader: the left axis stays put while the days move. */
  if (side <= 0 && isfinite (ctx->held_min) && isfinite (ctx->held_max) && ctx->held_max > ctx->held_min)
    {
      *min = ctx->held_min;
      *max = ctx->held_max;
      return;
    }

  data_range (spec, side, from, to, &lo, &hi);
  if (uc_chart_spec_get_log_scale (spec))
    {
      lo = smallest_positive (spec, side, from, to);
      if (hi <= lo)
        hi = MIN (lo * 10, G_MAXDOUBLE);
      /* Only the largest double itself has no decade above it. */
      if (!(hi > lo))
        lo = hi / 10;
    }
  else
    linear_range (spec, &lo, &hi);
  *min = lo;
  *max = hi;
}

/* Ticks land on y_min and y_max up to rounding: keep those. */
static gboolean
tick_in_range (const UcChartLayout *l,
               double               value)
{
  if (l->log_scale)
    return value >= l->y_min * (1 - 1e-9) && value <= l->y_max * (1 + 1e-9);
  return value >= l->y_min - (l->y_max - l->y_min) * 1e-9 && value <= l->y_max + (l->y_max - l->y_min) * 1e-9;
}

/* Both axes in use: at least one series on each side. */
gboolean
uc_chart_is_dual (UcChartSpec *spec)
{
  gboolean left = FALSE, right = FALSE;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      if (uc_series_get_right_axis (uc_chart_spec_get_series (spec, i)))
        right = TRUE;
      else
        left = TRUE;
    }
  return left && right;
}

/* Whether every value of a bar chart is a whole number (counts): their
 * axis has no ticks between whole numbers. */
static gboolean
whole_numbers (UcChartSpec *spec)
{
  if (uc_chart_spec_get_kind (spec) != UC_CHART_BARS)
    return FALSE;
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, i);
      const double *y = uc_series_get_y (series);

      for (guint k = 0; k < uc_series_get_length (series); k++)
        if (isfinite (y[k]) && y[k] != floor (y[k]))
          return FALSE;
    }
  return TRUE;
}

/* A value axis over [lo, hi] for a plot @height tall: rounds the range out
 * to ticks and returns them. */
static GArray *
value_axis (Ctx           *ctx,
            gboolean       log_scale,
            gboolean       whole,
            UcValueFormat  format,
            double         lo,
            double         hi,
            double         height,
            double        *axis_min,
            double        *axis_max)
{
  if (log_scale)
    {
      /* Labels (0.85 of the text size, a line each) two lines apart: a
       * line's gap between them, and the finer sets fit sooner, so the
       * data fill the plot. */
      int target = MAX (2, (int) (height / (ctx->fs * 2.0)));

      uc_axis_log_range (lo, hi, target, axis_min, axis_max);
      return uc_axis_log_ticks (*axis_min, *axis_max, target, format);
    }
  else
  /* Round the value range out to whole steps, then label every step. */
  {
    int target = MAX (2, (int) (height / (ctx->fs * 3.2)));
    double step;

    /* No "1.5 releases": a step of at least one. */
    if (whole && hi - lo >= 1)
      target = (int) MIN ((double) target, floor (hi - lo));
    step = uc_axis_nice_step (hi - lo, target);

    /* The tick step follows the rounded range, which can ask for a coarser
     * step; settle on one so the plot's edges land on labelled ticks. */
    for (int i = 0; i < 4; i++)
      {
        double next;

        *axis_min = floor (lo / step + 1e-9) * step;
        *axis_max = ceil (hi / step - 1e-9) * step;
        next = uc_axis_nice_step (*axis_max - *axis_min, target);
        if (next <= step * (1 + 1e-9))
          break;
        step = next;
      }
    if (*axis_max <= *axis_min)
      *axis_max = *axis_min + step;
    /* Rounding out past ±1e308 overflows: the data's own ends instead. */
    if (!isfinite (*axis_min))
      *axis_min = lo;
    if (!isfinite (*axis_max))
      *axis_max = hi;
    return uc_axis_value_ticks (*axis_min, *axis_max, target, format);
  }
}

/* The value axes of the plot @l over its dates: their ranges, rounded
 * out to ticks, go into @l; returns the left axis's ticks, and the right
 * one's in @y2_ticks when the chart has two. */
GArray *
uc_chart_value_axes (Ctx           *ctx,
                     UcChartSpec   *spec,
                     UcChartLayout *l,
                     GArray       **y2_ticks)
{
  UcValueFormat format = uc_chart_spec_get_value_format (spec);
  gboolean whole;
  GArray *y_ticks;
  double lo, hi;

  value_range (ctx, spec, ctx->dual ? 0 : -1, l->from, l->to, &lo, &hi);
  l->log_scale = uc_chart_spec_get_log_scale (spec);
  whole = whole_numbers (spec);
  y_ticks = value_axis (ctx, l->log_scale, whole, format, lo, hi, l->height, &l->y_min, &l->y_max);
  *y2_ticks = NULL;
  if (ctx->dual)
    {
      value_range (ctx, spec, 1, l->from, l->to, &lo, &hi);
      l->has_y2 = TRUE;
      *y2_ticks = value_axis (ctx, l->log_scale, whole, format, lo, hi, l->height, &l->y2_min, &l->y2_max);
    }
  return y_ticks;
}

/* The widest of @ticks' labels, each @pad wider, in the current font. */
static double
widest_label (Ctx    *ctx,
              GArray *ticks,
              double  pad)
{
  double widest = 0, w, h;

  for (guint i = 0; i < ticks->len; i++)
    {
      uc_chart_measure (ctx, g_array_index (ticks, UcTick, i).label, -1, &w, &h);
      widest = MAX (widest, w + pad);
    }
  return widest;
}

/* The plot's left and right edges: inside the margins, clear of the
 * value labels on either side. */
void
uc_chart_fit_value_labels (Ctx           *ctx,
                           UcChartLayout *l,
                           double         margin,
                           GArray        *y_ticks,
                           GArray        *y2_ticks)
{
  double y2_label_w;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  l->natural_left = margin + widest_label (ctx, y_ticks, 0) + ctx->fs * 0.6;
  y2_label_w = y2_ticks ? widest_label (ctx, y2_ticks, ctx->fs * 0.6) : 0;
  l->natural_right = margin + y2_label_w;
  l->x = MAX (l->natural_left, ctx->plot_left);
  l->width = ctx->width - MAX (l->natural_right, ctx->plot_right) - l->x;
}

/* The right axis: labels only, its grid would fight the left one's. */
static void
draw_right_labels (Ctx                 *ctx,
                   const UcChartLayout *l,
                   GArray              *y2_ticks)
{
  UcChartLayout right = *l;
  double w, h;

  right.y_min = l->y2_min;
  right.y_max = l->y2_max;
  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < y2_ticks->len; i++)
    {
      UcTick *tick = &g_array_index (y2_ticks, UcTick, i);
      double ty = round (uc_chart_layout_y_for_value (&right, tick->value)) + 0.5;

      if (!tick_in_range (&right, tick->value))
        continue;
      uc_chart_measure (ctx, tick->label, -1, &w, &h);
      uc_chart_show (ctx, &ctx->theme->muted, l->x + l->width + ctx->fs * 0.6, ty - h / 2);
    }
}

/* The value axes: the right one's labels, then the left one's grid and
 * labels. */
void
uc_chart_draw_value_axes (Ctx                 *ctx,
                          const UcChartLayout *l,
                          GArray              *y_ticks,
                          GArray              *y2_ticks)
{
  cairo_t *cr = ctx->cr;
  double w, h;

  if (y2_ticks)
    draw_right_labels (ctx, l, y2_ticks);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < y_ticks->len; i++)
    {
      UcTick *tick = &g_array_index (y_ticks, UcTick, i);
      double ty = round (uc_chart_layout_y_for_value (l, tick->value)) + 0.5;

      if (!tick_in_range (l, tick->value))
        continue;
      uc_chart_set_color (cr, &ctx->theme->grid);
      cairo_move_to (cr, l->x, ty);
      cairo_line_to (cr, l->x + l->width, ty);
      cairo_stroke (cr);
      uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
      uc_chart_measure (ctx, tick->label, -1, &w, &h);
      uc_chart_show (ctx, &ctx->theme->muted, l->x - ctx->fs * 0.6 - w, ty - h / 2);
    }
}

/* Whether the series drawn have dates only (every point at midnight)
 * in the days shown: their axis then keeps to days, however far it is
 * zoomed in ("00:00, 06:00" named hours no point has). Looked at only
 * when the days shown are few, and a bounded number of points. */
static gboolean
dates_only (UcChartSpec         *spec,
            const UcChartLayout *l)
{
  gboolean any = FALSE;

  if ((double) l->to - (double) l->from > 90.0 * UC_USEC_PER_DAY)
    return FALSE;
  for (guint k = 0; k < uc_chart_spec_get_n_series (spec); k++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, k);
      const UcTime *x = uc_series_get_x (series);
      guint n = uc_series_get_length (series);
      int i = MAX (uc_series_find_before (series, l->from), 0);

      if (uc_series_get_hidden (series))
        continue;
      for (guint seen = 0; (guint) i < n && x[i] <= l->to && seen < 4096; i++, seen++)
        {
          if (x[i] % UC_USEC_PER_DAY != 0)
            return FALSE;
          any = TRUE;
        }
    }
  return any;
}

/* The x axis's ticks: calendar steps on time, 1-2-5 steps on a number
 * axis (tick values in its scaled units, as the layout maps them). */
static GArray *
x_ticks_for (Ctx                 *ctx,
             UcChartSpec         *spec,
             const UcChartLayout *l)
{
  GArray *ticks;
  double w, h;

  if (uc_chart_spec_get_x_kind (spec) != UC_X_NUMBER)
    {
      uc_chart_measure (ctx, "Dec 30, 2024", -1, &w, &h);
      return uc_axis_time_ticks_at_least (l->from, l->to, l->width, w * 0.75 + ctx->fs * 1.5,
                                          dates_only (spec, l) ? UC_USEC_PER_DAY : 0);
    }
  /* Short labels, but as far apart as dates: steps of 5 days, not 2. */
  uc_chart_measure (ctx, "−10.5K", -1, &w, &h);
  ticks = uc_axis_number_ticks (uc_x_to_number (l->from), uc_x_to_number (l->to), l->width, w * 2 + ctx->fs * 1.5,
                                uc_chart_spec_get_x_signed (spec));
  for (guint i = 0; i < ticks->len; i++)
    g_array_index (ticks, UcTick, i).value *= UC_X_NUMBER_SCALE;
  return ticks;
}

/* The x axis under the plot: labels centred under their ticks, never
 * past the canvas, and the axis title under them. With @grid, light
 * vertical lines through the plot at each tick. */
void
uc_chart_draw_time_axis (Ctx                 *ctx,
                         UcChartSpec         *spec,
                         const UcChartLayout *l,
                         double               margin,
                         double               x_label_h,
                         double               x_title_h,
                         gboolean             grid)
{
  cairo_t *cr = ctx->cr;
  double width = ctx->width;
  const UcChartTheme *theme = ctx->theme;
  g_autoptr(GArray) x_ticks = NULL;
  double last_right = -INFINITY;
  double axis_y = round (l->y + l->height) + 0.5;
  double w, h;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  x_ticks = x_ticks_for (ctx, spec, l);

  cairo_set_line_width (cr, 1);
  uc_chart_set_color (cr, &theme->muted);
  cairo_move_to (cr, l->x, axis_y);
  cairo_line_to (cr, l->x + l->width, axis_y);
  cairo_stroke (cr);

  for (guint i = 0; i < x_ticks->len; i++)
    {
      UcTick *tick = &g_array_index (x_ticks, UcTick, i);
      double tx = round (uc_chart_layout_x_for_time (l, (UcTime) tick->value)) + 0.5;
      double left;

      if (grid)
        {
          uc_chart_set_color (cr, &theme->grid);
          cairo_move_to (cr, tx, l->y);
          cairo_line_to (cr, tx, axis_y);
          cairo_stroke (cr);
        }
      uc_chart_set_color (cr, &theme->muted);
      cairo_move_to (cr, tx, axis_y);
      cairo_line_to (cr, tx, axis_y + ctx->fs * 0.4);
      cairo_stroke (cr);

      uc_chart_measure (ctx, tick->label, -1, &w, &h);
      left = CLAMP (tx - w / 2, margin * 0.5, width - margin * 0.5 - w);
      if (left < last_right + ctx->fs * 0.5)
        continue;
      uc_chart_show (ctx, &theme->muted, left, axis_y + ctx->fs * 0.5);
      last_right = left + w;
    }

  if (x_title_h > 0)
    {
      const char *text = uc_chart_spec_get_x_title (spec);

      uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
      uc_chart_measure (ctx, text, width - 2 * margin, &w, &h);
      uc_chart_draw_text (ctx, text, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL, &theme->muted,
                          CLAMP (l->x + (l->width - w) / 2, margin, width - margin - w),
                          axis_y + ctx->fs * 0.5 + x_label_h + ctx->fs * 0.3, width - 2 * margin);
    }
}
