/* uc-chart-series.c: a chart's series drawn in its plot: lines (all
 * points, or per pixel column when dense), steps, areas, bars and dots
 *
 * Solid lines and dense dots on images go through the direct rasteriser
 * (uc-line-raster.c); dashes and vector surfaces through cairo.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-line-raster.h"
#include "uc-render-parallel.h"

/* Scatter dots in view past which one series' dots are rasterised. */
#define DENSE_DOTS 5000

static const double dash_patterns[][4] = {
  { 0, 0, 0, 0 },
  { 7, 3, 0, 0 },
  { 2, 2.5, 0, 0 },
  { 8, 3, 2, 3 },
};

/* The width of a series' line: wider for the series a chart is about. */
static double
series_line_width (Ctx      *ctx,
                   UcSeries *series)
{
  return ctx->fs * (uc_series_get_emphasis (series) ? 0.22 : 0.13);
}

/* The line of series @index: its colour, width and dashes. Dashes tell
 * sparse lines apart; on a line denser than the pixels (@dense) they only
 * add noise, so dense lines are drawn solid. */
void
uc_chart_set_series_style (Ctx      *ctx,
                           UcSeries *series,
                           guint     index,
                           gboolean  dense)
{
  /* The series a chart is about is drawn solid, whatever its place. */
  const double *dash = uc_series_get_emphasis (series) ? dash_patterns[0] : dash_patterns[index % G_N_ELEMENTS (dash_patterns)];
  double lw = series_line_width (ctx, series);
  double d[4];
  int n = dense || dash[0] == 0 ? 0 : dash[2] == 0 ? 2 : 4;

  for (int i = 0; i < n; i++)
    d[i] = dash[i] * lw;
  uc_chart_set_color (ctx->cr, uc_chart_theme_series_color (ctx->theme, series, index));
  cairo_set_line_width (ctx->cr, lw);
  cairo_set_dash (ctx->cr, d, n, 0);
  cairo_set_line_join (ctx->cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (ctx->cr, n ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
}

/* One pixel column of M4: points [i, j), and where its extremes are. */
typedef struct
{
  int      i, j;
  gsize    argmin, argmax;
  gboolean ok;    /* FALSE: every point missing */
  gboolean gap;
} M4Column;

/* Where each column's points are (pass one of M4). At ten million
 * points each column's extremes and ends are cache misses; they are
 * fetched ahead, a column's extremes as soon as they are known and the
 * points around a column's start eight columns ahead, so the misses
 * overlap instead of queuing. Takes columns @c_from … @c_to − 1 (of −1 …
 * the plot's width + 2) and returns how many of them have points.
 * Hot path (render-frame benchmark, measured): kept in one piece. */
static int
m4_columns (M4Column            *cols,
            UcSeriesIndex       *index,
            const UcTime        *xs,
            const double        *ys,
            const UcChartLayout *l,
            int                  start,
            int                  end,
            int                  c_from,
            int                  c_to)
{
  int columns = (int) ceil (l->width) + 2;
  double per_time = xs[end - 1] > xs[start] ? (end - 1 - start) / ((double) xs[end - 1] - (double) xs[start]) : 0;
  int i = start, n = 0;

  /* A part that starts further right starts at the first point at or
   * after its first column's left edge, where the columns before it
   * would have left off. */
  if (c_from > -1)
    {
      /* As the column before would compute its right edge, to the bit. */
      UcTime t_left = uc_chart_layout_column_end (l, c_from);
      int hi = end;

      while (i < hi)
        {
          int mid = i + (hi - i) / 2;

          if (xs[mid] < t_left)
            i = mid + 1;
          else
            hi = mid;
        }
    }
  for (int c = c_from; c < c_to && i < end; c++)
    {
      /* Points whose x falls in [l->x + c, l->x + c + 1). */
      UcTime t_right = uc_chart_layout_column_end (l, c + 1);
      int j = i, lo = i, hi = end;
      gboolean gap;
      M4Column *col;

      {
        double ahead = ((double) uc_chart_layout_column_end (l, c + 9) - (double) xs[start]) * per_time;
        int k = start + (int) CLAMP (ahead, 0, end - 1 - start);

        __builtin_prefetch (&xs[k]);
        __builtin_prefetch (&ys[k]);
      }
      /* First point at or after t_right. Guess its index from the mean
       * spacing of the points left, then gallop out from the guess and
       * bisect: at ten million points most columns take one or two probes
       * instead of twenty-odd misses across the whole series. */
      {
        int guess = i;

        if (xs[end - 1] > xs[i] && t_right > xs[i])
          guess = i + (int) MIN ((double) (end - 1 - i),
                                 ((double) t_right - (double) xs[i]) / ((double) xs[end - 1] - (double) xs[i]) * (end - 1 - i));
        if (xs[guess] < t_right)
          {
            lo = guess + 1;
            for (int step = 1;; step *= 2)
              {
                if (lo + step > end || xs[lo + step - 1] >= t_right)
                  {
                    hi = MIN (end, lo + step);
                    break;
                  }
                lo += step;
              }
          }
        else
          {
            hi = guess;
            for (int step = 1;; step *= 2)
              {
                if (hi - step < i || xs[hi - step] < t_right)
                  {
                    lo = MAX (i, hi - step + 1);
                    break;
                  }
                hi -= step;
              }
          }
      }
      while (lo < hi)
        {
          int mid = lo + (hi - lo) / 2;

          if (xs[mid] < t_right)
            lo = mid + 1;
          else
            hi = mid;
        }
      j = MAX (lo, i + (c == columns ? end - i : 0));
      if (j <= i)
        continue;
      col = &cols[n++];
      col->i = i;
      col->j = j;
      col->ok = uc_series_index_range (index, i, j, &col->argmin, &col->argmax, &gap);
      col->gap = gap;
      if (col->ok)
        {
          __builtin_prefetch (&xs[col->argmin]);
          __builtin_prefetch (&ys[col->argmin]);
          __builtin_prefetch (&xs[col->argmax]);
          __builtin_prefetch (&ys[col->argmax]);
          __builtin_prefetch (&ys[i]);
          __builtin_prefetch (&ys[j - 1]);
        }
      i = j;
    }
  return n;
}

/* M4 over more than this many points is found on every core (a thread
 * woken costs tens of microseconds; 8,000 points take about 0.15 ms). */
#define PARALLEL_POINTS 8000
#define MAX_M4_PARTS 8

/* M4's columns found in parts (uc-render-parallel.h). */
typedef struct
{
  M4Column            *cols;
  UcSeriesIndex       *index;
  const UcTime        *xs;
  const double        *ys;
  const UcChartLayout *l;
  int                  start, end, columns;
  guint                n_parts;
  int                  n[MAX_M4_PARTS];   /* columns with points each part found */
} M4Parts;

/* The first column of part @k of @n_parts: they split −1 … columns + 1. */
static int
m4_part_from (const M4Parts *p,
              guint          k)
{
  return -1 + (int) ((gint64) (p->columns + 2) * k / p->n_parts);
}

static void
m4_part (gpointer data,
         guint    part,
         guint    n_parts)
{
  M4Parts *p = data;
  int from = m4_part_from (p, part), to = m4_part_from (p, part + 1);

  (void) n_parts;
  p->n[part] = m4_columns (p->cols + from + 1, p->index, p->xs, p->ys, p->l, p->start, p->end, from, to);
}

/* M4: per pixel column, the first, lowest, highest and last point, in time
 * order, at their exact positions. The line drawn is the one all points
 * would give, at a cost set by the width in pixels. The columns are
 * @grid's (@l in device pixels: a 2× PNG's are half as wide), the points
 * placed by @l. */
static void
trace_m4 (GArray              *path,
          UcSeries            *series,
          const UcChartLayout *l,
          const UcChartLayout *grid,
          int                  start,
          int                  end)
{
  const UcTime *xs = uc_series_get_x (series);
  const double *ys = uc_series_get_y (series);
  int columns = MAX ((int) ceil (grid->width) + 2, 0);
  g_autofree M4Column *cols = g_new (M4Column, (gsize) columns + 2);
  M4Parts parts = { cols, uc_series_get_index (series), xs, ys, grid, start, end, columns,
                    end - start >= PARALLEL_POINTS ? MIN (uc_render_parallel_parts (), MAX_M4_PARTS) : 1, { 0 } };
  gboolean pen_down = FALSE;
  int n = 0;

  /* Columns −1 … columns, in parts of equal width; each part's columns
   * go to its own stretch of @cols, then are closed up. */
  uc_render_parallel_run (m4_part, &parts, parts.n_parts);
  for (guint k = 0; k < parts.n_parts; k++)
    {
      memmove (cols + n, cols + m4_part_from (&parts, k) + 1, sizeof (M4Column) * parts.n[k]);
      n += parts.n[k];
    }

  for (int c = 0; c < n; c++)
    {
      int order[4] = { cols[c].i, (int) MIN (cols[c].argmin, cols[c].argmax), (int) MAX (cols[c].argmin, cols[c].argmax),
                       cols[c].j - 1 };

      if (!cols[c].ok || cols[c].gap)
        pen_down = FALSE;
      if (!cols[c].ok)
        continue;
      for (int k = 0; k < 4; k++)
        {
          int p = order[k];

          if (!isfinite (ys[p]) || (k > 0 && p == order[k - 1]))
            continue;
          if (l->log_scale && !(ys[p] > 0))
            {
              pen_down = FALSE;
              continue;
            }
          g_array_append_val (path, ((UcPathPoint) { uc_chart_layout_x_for_time (l, xs[p]),
                                                     uc_chart_layout_y_for_value (l, ys[p]), !pen_down }));
          pen_down = TRUE;
        }
    }
}

/* The layer a stacked series @s stands on: the one before it on the same
 * value axis, or none. Only series stacked here hold running totals on
 * the same dates; any other spec's series stand on the axis. */
static UcSeries *
stacked_below (Ctx         *ctx,
               UcChartSpec *spec,
               guint        s)
{
  UcSeries *series = uc_chart_spec_get_series (spec, s);
  gboolean right = uc_series_get_right_axis (series);

  if (!ctx->stacked)
    return NULL;
  while (s-- > 0)
    if (uc_series_get_right_axis (uc_chart_spec_get_series (spec, s)) == right)
      {
        UcSeries *below = uc_chart_spec_get_series (spec, s);

        return uc_series_get_length (below) == uc_series_get_length (series) ? below : NULL;
      }
  return NULL;
}

/* The area under series @s: down to the layer below when stacked (the
 * series then hold running totals), else down to zero. */
static void
fill_area (Ctx                 *ctx,
           UcChartSpec         *spec,
           guint                s,
           const UcChartLayout *l,
           int                  start,
           int                  end,
           double               base)
{
  cairo_t *cr = ctx->cr;
  UcSeries *series = uc_chart_spec_get_series (spec, s);
  UcSeries *below = stacked_below (ctx, spec, s);
  const UcTime *xs = uc_series_get_x (series);
  const double *ys = uc_series_get_y (series);
  const double *yb = below ? uc_series_get_y (below) : NULL;
  UcColor c = *uc_chart_theme_series_color (ctx->theme, series, s);
  int i = start;

  while (i < end)
    {
      int j;

      /* One polygon per run without gaps. */
      while (i < end && !isfinite (ys[i]))
        i++;
      for (j = i; j < end && isfinite (ys[j]); j++)
        ;
      if (j > i)
        {
          cairo_move_to (cr, uc_chart_layout_x_for_time (l, xs[i]), uc_chart_layout_y_for_value (l, ys[i]));
          for (int k = i + 1; k < j; k++)
            cairo_line_to (cr, uc_chart_layout_x_for_time (l, xs[k]), uc_chart_layout_y_for_value (l, ys[k]));
          for (int k = j - 1; k >= i; k--)
            cairo_line_to (cr, uc_chart_layout_x_for_time (l, xs[k]),
                           uc_chart_layout_y_for_value (l, yb && isfinite (yb[k]) ? yb[k] : base));
          cairo_close_path (cr);
        }
      i = j;
    }
  c.alpha = 0.35;
  uc_chart_set_color (cr, &c);
  cairo_fill (cr);
}

/* A series' band (its 95% interval), shaded in its colour under the line;
 * one polygon per run of points that have one. */
static void
fill_band (Ctx                 *ctx,
           UcSeries            *series,
           const UcChartLayout *l,
           int                  start,
           int                  end,
           const UcColor       *color)
{
  cairo_t *cr = ctx->cr;
  const UcTime *xs = uc_series_get_x (series);
  const double *lo, *hi;
  UcColor c = *color;
  int i = start;

  if (!uc_series_get_band (series, &lo, &hi))
    return;
  while (i < end)
    {
      int j;

      while (i < end && !(isfinite (lo[i]) && isfinite (hi[i])))
        i++;
      for (j = i; j < end && isfinite (lo[j]) && isfinite (hi[j]); j++)
        ;
      if (j > i)
        {
          cairo_move_to (cr, uc_chart_layout_x_for_time (l, xs[i]), uc_chart_layout_y_for_value (l, hi[i]));
          for (int k = i + 1; k < j; k++)
            cairo_line_to (cr, uc_chart_layout_x_for_time (l, xs[k]), uc_chart_layout_y_for_value (l, hi[k]));
          for (int k = j - 1; k >= i; k--)
            cairo_line_to (cr, uc_chart_layout_x_for_time (l, xs[k]), uc_chart_layout_y_for_value (l, lo[k]));
          cairo_close_path (cr);
        }
      i = j;
    }
  c.alpha *= 0.18;
  uc_chart_set_color (cr, &c);
  cairo_fill (cr);
}

/* The period bar of the point at @t: the whole period, less a gap on each
 * side, and @s's share of it when series stand side by side. */
static void
period_bar (Ctx                 *ctx,
            UcChartSpec         *spec,
            const UcChartLayout *l,
            UcTime               t,
            guint                s,
            guint                n_sides,
            double              *x,
            double              *width)
{
  double x0 = uc_chart_layout_x_for_time (l, t);
  double x1 = uc_chart_layout_x_for_time (l, uc_chart_period_end (t, uc_chart_spec_get_period (spec)));
  double gap = MIN (MAX ((x1 - x0) * 0.06, 1), ctx->fs * 0.6);
  double w = MAX (x1 - x0 - 2 * gap, 1) / n_sides;

  *x = x0 + gap + s * w;
  *width = MAX (w - (n_sides > 1 ? 1 : 0), 1);
}

/* "partial" over the bar of a period the data only partly covers. */
static void
mark_partial (Ctx                 *ctx,
              UcChartSpec         *spec,
              const UcChartLayout *l,
              UcTime               t,
              double               top)
{
  double x, w, tw, th;

  period_bar (ctx, spec, l, t, 0, 1, &x, &w);
  uc_chart_set_font (ctx, ctx->fs * 0.8, PANGO_WEIGHT_NORMAL);
  /* Translators: over a bar of a period the data only partly covers */
  uc_chart_measure (ctx, C_("bar", "partial"), -1, &tw, &th);
  uc_chart_show (ctx, &ctx->theme->muted, x + w / 2 - tw / 2, MAX (top - th - ctx->fs * 0.2, l->y));
}

/* "partial" over each period in view the data only partly covers, above
 * its highest bar. */
static void
mark_partial_periods (Ctx                 *ctx,
                      UcChartSpec         *spec,
                      const UcChartLayout *l)
{
  guint n_series = uc_chart_spec_get_n_series (spec);

  for (guint k = 0; k < n_series; k++)
    {
      UcSeries *one = uc_chart_spec_get_series (spec, k);

      for (guint i = 0; i < uc_series_get_length (one); i++)
        {
          UcTime t = uc_series_get_x (one)[i];
          double top = -INFINITY;
          gboolean earlier = FALSE;

          if (t < l->from || t > l->to || !uc_chart_spec_period_is_partial (spec, t))
            continue;
          /* Marked by the first series that has the period. */
          for (guint m = 0; m < k && !earlier; m++)
            earlier = uc_series_find (uc_chart_spec_get_series (spec, m), t) >= 0;
          if (earlier)
            continue;
          for (guint m = 0; m < n_series; m++)
            {
              UcSeries *other = uc_chart_spec_get_series (spec, m);
              int j = uc_series_find (other, t);

              if (j >= 0 && isfinite (uc_series_get_y (other)[j]))
                top = MAX (top, uc_series_get_y (other)[j]);
            }
          if (isfinite (top))
            mark_partial (ctx, spec, l, t, uc_chart_layout_y_for_value (l, top));
        }
    }
}


/* Bars: a period's bar spans its period; other dates get 80% of the
 * closest spacing between them. Stacked series stand on the layer below,
 * others stand side by side. A period the data only partly covers is
 * drawn lighter and marked. */
static void
draw_bars (Ctx                 *ctx,
           UcChartSpec         *spec,
           guint                s,
           const UcChartLayout *l,
           int                  start,
           int                  end,
           double               base)
{
  cairo_t *cr = ctx->cr;
  guint n_series = uc_chart_spec_get_n_series (spec);
  gboolean stacked = uc_chart_spec_get_stacked (spec) && n_series > 1;
  gboolean periods = uc_chart_spec_get_periods (spec);
  UcSeries *series = uc_chart_spec_get_series (spec, s);
  UcSeries *below = stacked ? stacked_below (ctx, spec, s) : NULL;
  UcColor partial = *uc_chart_theme_series_color (ctx->theme, series, s);
  double spacing = G_MAXDOUBLE, slot = 0, width = 0, offset = 0;

  /* The narrowest gap between consecutive dates of any series: the same
   * for every series, so found once a drawing (a hundred thousand series
   * of bars took each the time of all). */
  if (!periods && isnan (ctx->bar_spacing))
    {
      for (guint k = 0; k < n_series; k++)
        {
          UcSeries *one = uc_chart_spec_get_series (spec, k);
          const UcTime *x = uc_series_get_x (one);

          for (guint i = 1; i < uc_series_get_length (one); i++)
            if (x[i] > x[i - 1])
              spacing = MIN (spacing, uc_chart_layout_x_for_time (l, x[i]) - uc_chart_layout_x_for_time (l, x[i - 1]));
        }
      ctx->bar_spacing = spacing;
    }
  if (!periods)
    {
      spacing = ctx->bar_spacing;
      if (spacing == G_MAXDOUBLE)
        spacing = l->width / 10;
      slot = CLAMP (spacing * 0.8, 1, ctx->fs * 6);
      width = stacked ? slot : slot / n_series;
      offset = stacked ? -slot / 2 : -slot / 2 + s * width;
    }

  for (int pass = 0; pass < 2; pass++)
    {
      for (int i = start; i < end; i++)
        {
          UcTime t = uc_series_get_x (series)[i];
          double top = uc_series_get_y (series)[i];
          double bottom = below ? uc_series_get_y (below)[i] : base;
          double x, w, y0, y1;

          if (!isfinite (top) || !isfinite (bottom) || top == bottom ||
              (periods && uc_chart_spec_period_is_partial (spec, t)) != (pass == 1))
            continue;
          if (periods)
            period_bar (ctx, spec, l, t, stacked ? 0 : s, stacked ? 1 : n_series, &x, &w);
          else
            x = uc_chart_layout_x_for_time (l, t) + offset, w = MAX (width - 1, 1);
          y0 = uc_chart_layout_y_for_value (l, top);
          y1 = uc_chart_layout_y_for_value (l, bottom);
          cairo_rectangle (cr, x, MIN (y0, y1), w, fabs (y1 - y0));
        }
      partial.alpha = pass == 0 ? 1 : 0.4;
      uc_chart_set_color (cr, &partial);
      cairo_fill (cr);
    }

  /* After the last series, once over each partial period's bars. */
  if (periods && s == n_series - 1)
    mark_partial_periods (ctx, spec, l);
}

/* A dot per point in view; thousands of them through the rasteriser. */
static void
draw_dots (Ctx                     *ctx,
           UcSeries                *series,
           const UcChartLayout     *l,
           const cairo_rectangle_t *clip,
           int                      start,
           int                      end,
           const UcColor           *color)
{
  cairo_t *cr = ctx->cr;
  const UcTime *xs = uc_series_get_x (series);
  const double *ys = uc_series_get_y (series);
  double radius = ctx->fs * 0.22;

  /* Thousands of dots: cairo takes a second over a hundred thousand
   * circles; the rasteriser stamps each as a round cap (a segment of no
   * length), their union composited once, as one fill of them all is. */
  if (end - start > DENSE_DOTS)
    {
      g_autoptr(GArray) caps = g_array_sized_new (FALSE, FALSE, sizeof (UcPathPoint), 2 * (guint) (end - start));

      for (int i = start; i < end; i++)
        if (isfinite (ys[i]) && (!l->log_scale || ys[i] > 0))
          {
            UcPathPoint p = { uc_chart_layout_x_for_time (l, xs[i]), uc_chart_layout_y_for_value (l, ys[i]), TRUE };

            g_array_append_val (caps, p);
            p.move = FALSE;
            g_array_append_val (caps, p);
          }
      if (uc_line_raster_stroke (cr, clip, (UcPathPoint *) (void *) caps->data, caps->len, 2 * radius, color))
        return;
    }
  uc_chart_set_color (cr, color);
  for (int i = start; i < end; i++)
    if (isfinite (ys[i]) && (!l->log_scale || ys[i] > 0))
      {
        double px = uc_chart_layout_x_for_time (l, xs[i]), py = uc_chart_layout_y_for_value (l, ys[i]);

        cairo_new_sub_path (cr);
        cairo_arc (cr, px, py, radius, 0, 2 * G_PI);
      }
  cairo_fill (cr);
}

/* Every point of a line from @start to @end, lifting the pen at gaps; a
 * step holds the last value up to the next date. */
static void
trace_all (GArray              *path,
           UcSeries            *series,
           const UcChartLayout *l,
           UcChartKind          kind,
           int                  start,
           int                  end)
{
  const UcTime *xs = uc_series_get_x (series);
  const double *ys = uc_series_get_y (series);
  gboolean pen_down = FALSE;

  for (int i = start; i < end; i++)
    {
      UcPathPoint p;

      if (!isfinite (ys[i]) || (l->log_scale && !(ys[i] > 0)))
        {
          pen_down = FALSE;
          continue;
        }
      p = (UcPathPoint) { uc_chart_layout_x_for_time (l, xs[i]), uc_chart_layout_y_for_value (l, ys[i]), !pen_down };
      if (pen_down && kind == UC_CHART_STEP)
        g_array_append_val (path, ((UcPathPoint) { p.x, g_array_index (path, UcPathPoint, path->len - 1).y, FALSE }));
      g_array_append_val (path, p);
      pen_down = TRUE;
    }
}

/* Where a dash pattern stands along a line: which entry, and how much of
 * it is left. */
typedef struct
{
  double on[2];       /* the pattern's dashes and gaps, as drawn: see dash_path */
  double off[2];
  guint  n;           /* pairs */
  guint  i;
  gboolean drawing;   /* in a dash, not a gap */
  double left;
  double period;
} Dash;

/* Moves @d on by @length along the line. */
static void
dash_advance (Dash  *d,
              double length)
{
  length = fmod (length, d->period);
  while (length > 0)
    {
      double step = MIN (d->left, length);

      length -= step;
      d->left -= step;
      if (d->left <= 1e-9)
        {
          d->i = d->drawing ? d->i : (d->i + 1) % d->n;
          d->drawing = !d->drawing;
          d->left = d->drawing ? d->on[d->i] : d->off[d->i];
        }
    }
}

/* The pattern @pattern of line widths as drawn with round caps, at its start. */
static Dash
dash_init (const double *pattern,
           double        lw)
{
  Dash d = { { 0 }, { 0 }, pattern[2] > 0 ? 2 : 1, 0, TRUE, 0, 0 };

  for (guint k = 0; k < d.n; k++)
    {
      d.on[k] = MAX (pattern[2 * k] * lw - lw, 0);
      d.off[k] = pattern[2 * k + 1] * lw + MIN (pattern[2 * k] * lw, lw);
      d.period += d.on[k] + d.off[k];
    }
  d.left = d.on[0];
  return d;
}

/* The part [@t0, @t1] of the segment from @a by (@dx, @dy) inside @box
 * (Liang–Barsky); FALSE when none is. */
static gboolean
part_within (const UcPathPoint       *a,
             double                   dx,
             double                   dy,
             const cairo_rectangle_t *box,
             double                  *t0,
             double                  *t1)
{
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - box->x, box->x + box->width - a->x, a->y - box->y, box->y + box->height - a->y };

  *t0 = 0;
  *t1 = 1;
  for (int i = 0; i < 4 && *t0 <= *t1; i++)
    if (p[i] == 0 && q[i] < 0)
      *t1 = -1;
    else if (p[i] < 0)
      *t0 = MAX (*t0, q[i] / p[i]);
    else if (p[i] > 0)
      *t1 = MIN (*t1, q[i] / p[i]);
  return *t0 <= *t1;
}

/* @path cut into the dashes of @pattern (in line widths @lw), each piece
 * to be drawn with round caps: a dash is shortened by a line width and
 * its gap lengthened as much, so the caps end it where a butt cap would.
 * The pattern starts again with each piece of the line, as cairo's does;
 * only the part of a segment near @clip is cut up, the dashes beyond it
 * stepped over, so a line running far off the plot costs what it shows. */
static GArray *
dash_path (GArray                  *path,
           const double            *pattern,
           double                   lw,
           const cairo_rectangle_t *clip)
{
  GArray *out;
  Dash d = dash_init (pattern, lw);
  cairo_rectangle_t box = { clip->x - lw * 2, clip->y - lw * 2, clip->width + lw * 4, clip->height + lw * 4 };
  gboolean pen = FALSE;

  if (!(d.period > lw * 0.5))
    return g_array_ref (path);
  out = g_array_sized_new (FALSE, FALSE, sizeof (UcPathPoint), path->len * 2 + 16);
  for (guint k = 0; k < path->len; k++)
    {
      const UcPathPoint *a = k > 0 ? &g_array_index (path, UcPathPoint, k - 1) : NULL;
      const UcPathPoint *b = &g_array_index (path, UcPathPoint, k);
      double dx, dy, len, t0, t1, pos;

      if (a == NULL || b->move)
        {
          d.i = 0;
          d.drawing = TRUE;
          d.left = d.on[0];
          pen = FALSE;
          continue;
        }
      dx = b->x - a->x;
      dy = b->y - a->y;
      len = hypot (dx, dy);
      if (!(len > 0) || !isfinite (len))
        continue;
      if (!part_within (a, dx, dy, &box, &t0, &t1))
        {
          dash_advance (&d, len);
          pen = FALSE;
          continue;
        }
      if (t0 > 0)
        {
          dash_advance (&d, t0 * len);
          pen = FALSE;
        }
      for (pos = t0 * len; pos < t1 * len - 1e-9;)
        {
          double step = MIN (d.left, t1 * len - pos);

          /* (A dash shortened to nothing is drawn too: a dot.) */
          if (d.drawing)
            {
              if (!pen)
                g_array_append_val (out, ((UcPathPoint) { a->x + dx * pos / len, a->y + dy * pos / len, TRUE }));
              g_array_append_val (out, ((UcPathPoint) { a->x + dx * (pos + step) / len, a->y + dy * (pos + step) / len,
                                                        FALSE }));
              pen = TRUE;
            }
          pos += step;
          d.left -= step;
          if (d.left <= 1e-9)
            {
              d.i = d.drawing ? d.i : (d.i + 1) % d.n;
              d.drawing = !d.drawing;
              d.left = d.drawing ? d.on[d.i] : d.off[d.i];
              pen = FALSE;
            }
        }
      if (t1 < 1)
        {
          dash_advance (&d, (1 - t1) * len);
          pen = FALSE;
        }
    }
  return out;
}

/* Series @s's line: its points per pixel column (M4) when dense, else
 * all. Solid lines on images go through the direct rasteriser, dense or
 * not, so a chart looks the same at every density; dashes and vector
 * targets through cairo. */
static void
draw_line (Ctx                     *ctx,
           UcSeries                *series,
           guint                    s,
           const UcChartLayout     *l,
           const cairo_rectangle_t *clip,
           UcChartKind              kind,
           int                      start,
           int                      end,
           const UcColor           *color)
{
  cairo_t *cr = ctx->cr;
  UcChartLayout grid = uc_chart_layout_in_pixels (l, cr);
  /* Points already per column (a remote frame's) are traced per column
   * too, however few: as the rows they come from would be. */
  gboolean dense = ctx->decimate && ((double) (end - start) > 2 * grid.width || uc_series_get_decimated (series));
  g_autoptr(GArray) path = g_array_sized_new (FALSE, FALSE, sizeof (UcPathPoint),
                                              dense ? (guint) CLAMP (grid.width, 0, 1e6) * 4 + 16
                                                    : (guint) MAX (end - start, 0) * 2 + 2);
  gboolean solid = (double) (end - start) > l->width / 2 || uc_series_get_emphasis (series) ||
                   dash_patterns[s % G_N_ELEMENTS (dash_patterns)][0] == 0;

  if (dense && kind != UC_CHART_STEP)
    trace_m4 (path, series, l, &grid, start, end);
  else
    trace_all (path, series, l, kind, start, end);

  if (solid && uc_line_raster_stroke (cr, clip, (UcPathPoint *) (void *) path->data, path->len,
                                      series_line_width (ctx, series), color))
    return;
  /* In a window, dashes too: cairo 1.16 takes a millisecond or more for a
   * dashed line of a few hundred dashes, and a view has several. */
  if (!solid && ctx->interactive)
    {
      const double *dash = dash_patterns[s % G_N_ELEMENTS (dash_patterns)];
      double lw = series_line_width (ctx, series);
      g_autoptr(GArray) dashed = dash_path (path, dash, lw, clip);

      if (uc_line_raster_stroke (cr, clip, (UcPathPoint *) (void *) dashed->data, dashed->len, lw, color))
        return;
    }
  for (guint k = 0; k < path->len; k++)
    {
      const UcPathPoint *p = &g_array_index (path, UcPathPoint, k);

      if (p->move)
        cairo_move_to (cr, p->x, p->y);
      else
        cairo_line_to (cr, p->x, p->y);
    }
  uc_chart_set_series_style (ctx, series, s, (double) (end - start) > l->width / 2);
  uc_chart_set_color (cr, color);
  cairo_stroke (cr);
}

/* Series @s as its kind (a series may be drawn its own way, a frontier
 * among points), over the points in view. */
static void
draw_one_series (Ctx                     *ctx,
                 UcChartSpec             *spec,
                 guint                    s,
                 const UcChartLayout     *layout,
                 const cairo_rectangle_t *clip)
{
  UcSeries *series = uc_chart_spec_get_series (spec, s);
  UcChartLayout series_layout = uc_chart_layout_for_series (layout, series);
  const UcChartLayout *l = &series_layout;
  double base = l->log_scale ? l->y_min : MAX (l->y_min, MIN (0, l->y_max));
  UcChartKind kind = uc_series_get_kind (series) >= 0 ? (UcChartKind) uc_series_get_kind (series)
                                                    : uc_chart_spec_get_kind (spec);
  UcColor color = *uc_chart_theme_series_color (ctx->theme, series, s);
  int start = MAX (0, uc_series_find_before (series, l->from));
  int end = MIN ((int) uc_series_get_length (series), uc_series_find_before (series, l->to) + 2);

  /* With one series brought forward, the others fade. */
  if (ctx->highlight >= 0 && ctx->highlight != (int) s)
    color.alpha *= 0.2;

  if (kind == UC_CHART_SCATTER)
    draw_dots (ctx, series, l, clip, start, end, &color);
  else if (kind == UC_CHART_BARS)
    draw_bars (ctx, spec, s, l, start, end, base);
  else
    {
      if (kind == UC_CHART_AREA)
        fill_area (ctx, spec, s, l, start, end, base);
      fill_band (ctx, series, l, start, end, &color);
      draw_line (ctx, series, s, l, clip, kind, start, end, &color);
      /* Zoomed in until points stand far apart, a line shows where its
       * data is: a dot on each point (the line between is drawn, not read). */
      if (kind != UC_CHART_AREA && end > start && l->width / (end - start) >= ctx->fs * 4)
        draw_dots (ctx, series, l, clip, start, end, &color);
    }
}

/* Every series shown, in the plot of @layout, those emphasised last. */
void
uc_chart_draw_series (Ctx                 *ctx,
                      UcChartSpec         *spec,
                      const UcChartLayout *layout)
{
  cairo_t *cr = ctx->cr;
  /* Lines stop at the plot's edges; scatter points there show whole. */
  double reach = uc_chart_spec_get_kind (spec) == UC_CHART_SCATTER ? ctx->fs * 0.3 : 0;
  cairo_rectangle_t clip = { layout->x - reach, layout->y - ctx->fs * 0.3, layout->width + 2 * reach,
                             layout->height + ctx->fs * 0.6 };

  cairo_save (cr);
  cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
  cairo_clip (cr);

  /* Emphasised series last, so they stay on top. */
  for (int pass = 0; pass < 2; pass++)
    for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
      {
        UcSeries *series = uc_chart_spec_get_series (spec, s);

        if (uc_series_get_emphasis (series) == (pass == 1) && !uc_series_get_hidden (series))
          draw_one_series (ctx, spec, s, layout, &clip);
      }
  cairo_restore (cr);
}
