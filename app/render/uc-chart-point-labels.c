/* uc-chart-point-labels.c: names beside the points of a scatter chart,
 * placed where they cover no other point and no other name
 *
 * A grid over the plot files what is already taken, so a place is
 * checked against what is near it, not against every point.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Points whose names are tried, the latest first; the rest are counted. */
#define MAX_POINT_LABELS 2000

typedef struct
{
  double x, y;
  guint  series, index;
} LabelPoint;

static gint
compare_label_points (gconstpointer a,
                      gconstpointer b)
{
  const LabelPoint *p = a, *q = b;

  /* Latest first: on price charts the newest models matter most. */
  return p->x > q->x ? -1 : p->x < q->x;
}

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* Boxes filed by the cells of a grid over the plot, each in every cell it
 * covers (those past the plot in its edge cells): whether a box is free
 * looks only at boxes near it, not at a hundred thousand points. */
typedef struct
{
  double  x0, y0, cell;
  int     cols, rows;
  int    *heads;     /* per cell: its first entry, or -1 */
  GArray *entries;   /* Entry */
  GArray *boxes;     /* Box */
} BoxGrid;

typedef struct
{
  guint box;
  int   next;
} Entry;

#define MAX_GRID_CELLS 65536

static void
grid_init (BoxGrid             *g,
           const UcChartLayout *layout)
{
  double w = MAX (layout->width, 1), h = MAX (layout->height, 1);

  g->x0 = layout->x;
  g->y0 = layout->y;
  g->cell = MAX (32, sqrt (w * h / MAX_GRID_CELLS) + 1);
  g->cols = (int) MIN (ceil (w / g->cell), 256);
  g->rows = (int) MIN (ceil (h / g->cell), MAX_GRID_CELLS / 256);
  g->heads = g_new (int, g->cols * g->rows);
  for (int c = 0; c < g->cols * g->rows; c++)
    g->heads[c] = -1;
  g->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g->boxes = g_array_new (FALSE, FALSE, sizeof (Box));
}

static void
grid_clear (BoxGrid *g)
{
  g_free (g->heads);
  g_array_unref (g->entries);
  g_array_unref (g->boxes);
}

/* The cells a box covers, clamped to the grid. */
static void
grid_cells (const BoxGrid *g,
            const Box     *b,
            int           *c0,
            int           *r0,
            int           *c1,
            int           *r1)
{
  *c0 = (int) CLAMP (floor ((b->x0 - g->x0) / g->cell), 0, g->cols - 1);
  *c1 = (int) CLAMP (floor ((b->x1 - g->x0) / g->cell), 0, g->cols - 1);
  *r0 = (int) CLAMP (floor ((b->y0 - g->y0) / g->cell), 0, g->rows - 1);
  *r1 = (int) CLAMP (floor ((b->y1 - g->y0) / g->cell), 0, g->rows - 1);
}

static void
grid_add (BoxGrid   *g,
          const Box *b)
{
  int c0, r0, c1, r1;

  g_array_append_val (g->boxes, *b);
  grid_cells (g, b, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        Entry e = { g->boxes->len - 1, g->heads[r * g->cols + c] };

        g->heads[r * g->cols + c] = (int) g->entries->len;
        g_array_append_val (g->entries, e);
      }
}

static gboolean
box_free (const BoxGrid *g,
          const Box     *b)
{
  int c0, r0, c1, r1;

  grid_cells (g, b, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      for (int e = g->heads[r * g->cols + c]; e >= 0; e = g_array_index (g->entries, Entry, e).next)
        {
          const Box *o = &g_array_index (g->boxes, Box, g_array_index (g->entries, Entry, e).box);

          if (b->x0 < o->x1 && b->x1 > o->x0 && b->y0 < o->y1 && b->y1 > o->y0)
            return FALSE;
        }
  return TRUE;
}

/* Files every visible point in @grid as an obstacle, and the named
 * points of series drawn as dots in @points as candidates. */
static void
file_points (BoxGrid             *grid,
             GArray              *points,
             UcChartSpec         *spec,
             const UcChartLayout *layout,
             double               radius)
{
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      UcChartLayout sl = uc_chart_layout_for_series (layout, series);
      const UcTime *xs = uc_series_get_x (series);
      const double *ys = uc_series_get_y (series);
      gboolean dots = uc_series_get_kind (series) < 0 || uc_series_get_kind (series) == UC_CHART_SCATTER;

      for (guint i = 0; i < uc_series_get_length (series) && !uc_series_get_hidden (series); i++)
        {
          LabelPoint p;

          if (xs[i] < sl.from || xs[i] > sl.to || !isfinite (ys[i]) || (sl.log_scale && !(ys[i] > 0)))
            continue;
          p = (LabelPoint) { uc_chart_layout_x_for_time (&sl, xs[i]), uc_chart_layout_y_for_value (&sl, ys[i]), s, i };
          grid_add (grid, &((Box) { p.x - radius, p.y - radius, p.x + radius, p.y + radius }));
          if (dots && uc_series_get_point_label (series, i))
            g_array_append_val (points, p);
        }
    }
}

/* Shows the name laid out last (@w × @h) beside @p, in the first of its
 * four places that is inside the plot and free, and files it there; FALSE
 * when none is. */
static gboolean
place_name (Ctx                 *ctx,
            BoxGrid             *grid,
            const LabelPoint    *p,
            const UcChartLayout *layout,
            double               w,
            double               h,
            double               radius,
            double               pad)
{
  for (int place = 0; place < 4; place++)
    {
      UcColor halo = ctx->theme->background;
      Box b;

      switch (place)
        {
        case 0: b.x0 = p->x + radius + pad; b.y0 = p->y - h / 2; break;
        case 1: b.x0 = p->x - radius - pad - w; b.y0 = p->y - h / 2; break;
        case 2: b.x0 = p->x - w / 2; b.y0 = p->y - radius - pad * 0.5 - h; break;
        default: b.x0 = p->x - w / 2; b.y0 = p->y + radius + pad * 0.5; break;
        }
      b.x1 = b.x0 + w;
      b.y1 = b.y0 + h;
      if (b.x0 < layout->x || b.x1 > layout->x + layout->width || b.y0 < layout->y ||
          b.y1 > layout->y + layout->height || !box_free (grid, &b))
        continue;
      grid_add (grid, &b);
      /* On a patch of background, so event lines and grid pass behind. */
      halo.alpha = 0.85;
      uc_chart_set_color (ctx->cr, &halo);
      cairo_rectangle (ctx->cr, b.x0 - 1, b.y0 + h * 0.1, w + 2, h * 0.85);
      cairo_fill (ctx->cr);
      uc_chart_show (ctx, &ctx->theme->muted, b.x0, b.y0);
      return TRUE;
    }
  return FALSE;
}

/* In the plot's top right corner, how many points go without their name
 * (no free place beside them, or too many to try), as other charts say. */
static void
show_unnamed (Ctx                 *ctx,
              const UcChartLayout *layout,
              guint                unnamed,
              double               pad)
{
  /* Translators: in a corner of a chart, named points drawn without their name */
  g_autofree char *more = g_strdup_printf (ngettext ("+%u unnamed", "+%u unnamed", unnamed), unnamed);
  UcColor halo = ctx->theme->background;
  double w, h;

  uc_chart_measure (ctx, more, -1, &w, &h);
  halo.alpha = 0.85;
  uc_chart_set_color (ctx->cr, &halo);
  cairo_rectangle (ctx->cr, layout->x + layout->width - w - pad * 2, layout->y, w + pad * 2, h);
  cairo_fill (ctx->cr);
  uc_chart_show (ctx, &ctx->theme->muted, layout->x + layout->width - w - pad, layout->y);
}

/* Names beside scatter points: right, left, above or below the point,
 * wherever the label covers no other point and no other label, inside the
 * plot; a point with no such place goes unnamed. The latest
 * MAX_POINT_LABELS points are tried, as long as the budget of characters
 * lasts; a count in the plot's corner says how many were not. */
void
uc_chart_draw_point_labels (Ctx                 *ctx,
                            UcChartSpec         *spec,
                            const UcChartLayout *layout)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (LabelPoint));
  BoxGrid grid;
  double radius = ctx->fs * 0.22, pad = ctx->fs * 0.3, w, h;
  gsize budget = LABEL_CHAR_BUDGET;
  guint unnamed = 0;
  gboolean any = FALSE;

  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    any = any || uc_series_has_point_labels (uc_chart_spec_get_series (spec, s));
  if (!any || ctx->compact)
    return;

  grid_init (&grid, layout);
  file_points (&grid, points, spec, layout, radius);
  g_array_sort (points, compare_label_points);
  if (points->len > MAX_POINT_LABELS)
    {
      unnamed = points->len - MAX_POINT_LABELS;
      g_array_set_size (points, MAX_POINT_LABELS);
    }

  uc_chart_set_font (ctx, ctx->fs * 0.75, PANGO_WEIGHT_NORMAL);
  for (guint k = 0; k < points->len; k++)
    {
      const LabelPoint *p = &g_array_index (points, LabelPoint, k);
      const char *text = uc_series_get_point_label (uc_chart_spec_get_series (spec, p->series), p->index);

      if (!uc_chart_spend (&budget, text))
        {
          unnamed += points->len - k;
          break;
        }
      uc_chart_measure (ctx, text, -1, &w, &h);
      unnamed += !place_name (ctx, &grid, p, layout, w, h, radius, pad);
    }
  grid_clear (&grid);

  if (unnamed > 0)
    show_unnamed (ctx, layout, unnamed, pad);
  if (ctx->legend_out)
    ctx->legend_out->n_unnamed_events += unnamed;
}
