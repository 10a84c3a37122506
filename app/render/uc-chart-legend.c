/* uc-chart-legend.c: a chart's legend: above the plot, or boxed inside it
 * where it hides the fewest points
 *
 * Entries record where they landed (UcChartLayout's legend items), so
 * the window can find the entry under the pointer.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Measures the label of @series' entry in its font (the layout keeps it,
 * to be shown); one longer than a whole row of @width ends in an ellipsis. */
static void
measure_entry (Ctx      *ctx,
               UcSeries *series,
               double    size,
               double    swatch,
               double    width,
               double   *w,
               double   *h)
{
  g_autofree char *marked = NULL;
  const char *label;

  uc_chart_set_font (ctx, size, uc_series_get_emphasis (series) ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  /* On a chart with two value axes, say which one a series reads against. */
  if (ctx->dual && uc_series_get_right_axis (series))
    /* Translators: %s is a series' name. */
    marked = g_strdup_printf (_("%s (right axis)"), uc_series_get_label (series));
  label = marked ? marked : uc_series_get_label (series);
  uc_chart_measure (ctx, label, -1, w, h);
  if (swatch + ctx->fs * 0.4 + *w > width && width - swatch - ctx->fs * 0.4 > 0)
    {
      ctx->one_line = TRUE;
      uc_chart_measure (ctx, label, width - swatch - ctx->fs * 0.4, w, h);
      ctx->one_line = FALSE;
    }
}

/* The swatch of series @i's entry at (@x, @y), @h tall, @swatch wide: it
 * looks like the mark, a dot, a bar, or a line (over a band for areas). */
static void
draw_swatch (Ctx         *ctx,
             UcChartSpec *spec,
             guint        i,
             double       x,
             double       y,
             double       h,
             double       swatch)
{
  UcSeries *series = uc_chart_spec_get_series (spec, i);
  UcChartKind kind = uc_series_get_kind (series) >= 0 ? (UcChartKind) uc_series_get_kind (series)
                                                    : uc_chart_spec_get_kind (spec);

  if (kind == UC_CHART_SCATTER)
    {
      uc_chart_set_color (ctx->cr, uc_chart_theme_series_color (ctx->theme, series, i));
      cairo_new_sub_path (ctx->cr);
      cairo_arc (ctx->cr, x + swatch / 2, y + h / 2, ctx->fs * 0.3, 0, 2 * G_PI);
      cairo_fill (ctx->cr);
      return;
    }
  if (kind == UC_CHART_BARS)
    {
      uc_chart_set_color (ctx->cr, uc_chart_theme_series_color (ctx->theme, series, i));
      cairo_rectangle (ctx->cr, x + swatch / 2 - h * 0.35, y + h * 0.15, h * 0.7, h * 0.7);
      cairo_fill (ctx->cr);
      return;
    }
  if (kind == UC_CHART_AREA)
    {
      UcColor fill = *uc_chart_theme_series_color (ctx->theme, series, i);

      fill.alpha = 0.35;
      uc_chart_set_color (ctx->cr, &fill);
      cairo_rectangle (ctx->cr, x, y + h / 2, swatch, h * 0.35);
      cairo_fill (ctx->cr);
    }
  uc_chart_set_series_style (ctx, series, i, FALSE);
  cairo_move_to (ctx->cr, x, y + h / 2);
  cairo_line_to (ctx->cr, x + swatch, y + h / 2);
  cairo_stroke (ctx->cr);
}

/* Series @i's entry, its label laid out last, at (@x, @y): the swatch and
 * the label; a hidden series' entry is faint. */
static void
draw_entry (Ctx         *ctx,
            UcChartSpec *spec,
            guint        i,
            double       x,
            double       y,
            double       h,
            double       swatch)
{
  gboolean hidden = uc_series_get_hidden (uc_chart_spec_get_series (spec, i));

  cairo_save (ctx->cr);
  if (hidden)
    cairo_push_group (ctx->cr);
  draw_swatch (ctx, spec, i, x, y, h, swatch);
  uc_chart_show (ctx, &ctx->theme->foreground, x + swatch + ctx->fs * 0.4, y);
  if (hidden)
    {
      cairo_pop_group_to_source (ctx->cr);
      cairo_paint_with_alpha (ctx->cr, 0.3);
    }
  cairo_restore (ctx->cr);
}

/* Where series @i's entry landed, for hit tests. */
static void
record_entry (Ctx    *ctx,
              guint   i,
              double  x,
              double  y,
              double  width,
              double  height)
{
  if (ctx->legend_out == NULL || i >= UC_CHART_MAX_LEGEND_ITEMS)
    return;
  ctx->legend_out->legend_items[i].x = x;
  ctx->legend_out->legend_items[i].y = y;
  ctx->legend_out->legend_items[i].width = width;
  ctx->legend_out->legend_items[i].height = height;
  ctx->legend_out->n_legend_items = MAX (ctx->legend_out->n_legend_items, i + 1);
}

/* "+N" at (@x, @y) for the @n entries a full legend leaves out; returns
 * its height. */
static double
show_left_out (Ctx      *ctx,
               guint     n,
               double    size,
               double    x,
               double    y,
               double    x0,
               gboolean  really_draw,
               double   *used_width)
{
  g_autofree char *more = g_strdup_printf ("+%u", n);
  double w, h;

  uc_chart_set_font (ctx, size, PANGO_WEIGHT_NORMAL);
  uc_chart_measure (ctx, more, -1, &w, &h);
  if (really_draw)
    uc_chart_show (ctx, &ctx->theme->muted, x, y);
  if (used_width)
    *used_width = MAX (*used_width, x + w - x0);
  return h;
}

/* Whether series @i has an entry: outside a window, a hidden series has
 * none, so an export's legend lists only what it draws. */
static gboolean
has_entry (Ctx         *ctx,
           UcChartSpec *spec,
           guint        i)
{
  return ctx->interactive || !uc_series_get_hidden (uc_chart_spec_get_series (spec, i));
}

/* Legend items flow left to right and wrap; returns the height used. */
double
uc_chart_draw_legend (Ctx         *ctx,
                      UcChartSpec *spec,
                      double       x0,
                      double       y0,
                      double       width,
                      gboolean     really_draw,
                      double      *used_width)
{
  double size = ctx->fs * 0.9;
  double swatch = ctx->fs * 1.8;
  double gap = ctx->fs * 1.2;
  double x = x0, y = y0, row_h = 0;
  guint n = uc_chart_spec_get_n_series (spec), n_entries = 0, done = 0;

  for (guint i = 0; i < n; i++)
    n_entries += has_entry (ctx, spec, i);
  if (n_entries == 0)
    return 0;

  uc_chart_set_font (ctx, size, PANGO_WEIGHT_NORMAL);
  for (guint i = 0; i < n; i++)
    {
      double w, h, item_w;

      if (!has_entry (ctx, spec, i))
        continue;
      done++;
      measure_entry (ctx, uc_chart_spec_get_series (spec, i), size, swatch, width, &w, &h);
      item_w = swatch + ctx->fs * 0.4 + w;
      /* Thumbnails keep one row, and any legend a quarter of the chart,
       * with room left to say how many are left out. */
      if ((ctx->compact || y + MAX (row_h, h) + ctx->fs * 0.3 + h - y0 > ctx->height / 4) &&
          x > x0 && x + item_w + (done < n_entries ? ctx->fs * 2.5 : 0) > x0 + width)
        {
          double more_h = show_left_out (ctx, n_entries - done + 1, size, x, y, x0, really_draw, used_width);

          row_h = MAX (row_h, more_h);
          break;
        }
      if (x > x0 && x + item_w > x0 + width)
        {
          x = x0;
          y += row_h + ctx->fs * 0.3;
          row_h = 0;
        }
      if (really_draw)
        {
          record_entry (ctx, i, x, y, item_w, h);
          draw_entry (ctx, spec, i, x, y, h, swatch);
        }
      if (used_width)
        *used_width = MAX (*used_width, x + item_w - x0);
      x += item_w + gap;
      row_h = MAX (row_h, h);
    }
  return y + row_h - y0;
}

/* How many points of the chart fall in a rectangle: few is a good place
 * for a legend. Long series are sampled, so this costs the same at any size. */
static guint
points_under (UcChartSpec         *spec,
              const UcChartLayout *l,
              double               x0,
              double               y0,
              double               x1,
              double               y1)
{
  UcTime t0 = uc_chart_layout_time_for_x (l, x0);
  UcTime t1 = uc_chart_layout_time_for_x (l, x1);
  /* Areas and bars fill down to the axis: a box below a point hides fill. */
  gboolean filled = uc_chart_spec_get_kind (spec) == UC_CHART_AREA || uc_chart_spec_get_kind (spec) == UC_CHART_BARS;
  guint hits = 0;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, i);
      UcChartLayout sl = uc_chart_layout_for_series (l, series);
      const UcTime *xs = uc_series_get_x (series);
      const double *ys = uc_series_get_y (series);
      int first = MAX (0, uc_series_find_before (series, t0));
      int last = uc_series_find_before (series, t1) + 1;
      int stride;

      last = MIN (last, (int) uc_series_get_length (series) - 1);
      stride = MAX (1, (last - first) / 2000);
      for (int k = first; k <= last; k += stride)
        {
          double py;

          if (xs[k] < t0 || xs[k] > t1 || !isfinite (ys[k]))
            continue;
          py = uc_chart_layout_y_for_value (&sl, ys[k]);
          hits += py <= y1 && (filled || py >= y0);
        }
    }
  return hits;
}

/* The legend inside the plot, boxed, in whichever corner hides the fewest
 * points; ties go to the top left, where a reader looks first. */
void
uc_chart_draw_legend_inside (Ctx           *ctx,
                             UcChartSpec   *spec,
                             UcChartLayout *l)
{
  double pad = ctx->fs * 0.6, inset = ctx->fs * 0.5;
  double w = 0, h, bw, bh, best_x = 0, best_y = 0;
  guint best = G_MAXUINT;

  h = uc_chart_draw_legend (ctx, spec, 0, 0, l->width * 0.45, FALSE, &w);
  if (h <= 0)
    return;
  bw = w + 2 * pad;
  bh = h + 2 * pad;
  for (int corner = 0; corner < 4; corner++)
    {
      double bx = corner % 2 == 0 ? l->x + inset : l->x + l->width - inset - bw;
      double by = corner < 2 ? l->y + inset : l->y + l->height - inset - bh;
      guint n = points_under (spec, l, bx, by, bx + bw, by + bh);

      if (n < best)
        {
          best = n;
          best_x = bx;
          best_y = by;
        }
    }

  {
    UcColor fill = ctx->theme->background;

    fill.alpha = 0.9;
    uc_chart_set_color (ctx->cr, &fill);
    cairo_rectangle (ctx->cr, best_x, best_y, bw, bh);
    cairo_fill_preserve (ctx->cr);
    uc_chart_set_color (ctx->cr, &ctx->theme->grid);
    cairo_set_line_width (ctx->cr, 1);
    cairo_stroke (ctx->cr);
  }
  uc_chart_draw_legend (ctx, spec, best_x + pad, best_y + pad, l->width * 0.45, TRUE, NULL);
  l->legend_x = best_x;
  l->legend_y = best_y;
  l->legend_width = bw;
  l->legend_height = bh;
}
