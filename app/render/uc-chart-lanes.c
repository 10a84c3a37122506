/* uc-chart-lanes.c: event lane charts: one row per lane, a dot per event
 * or a bar per span, labels beside their dots or stepped down below them
 *
 * Here the lanes are listed, their events filed in time order, and the
 * plot's height shared by what their labels need; each lane's labels are
 * placed by uc-chart-lane-labels.c.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Lanes drawn; past them, a count. A chart of more rows than this has
 * no room to show them anyway. */
#define MAX_LANES 500

/* Frees what a lane holds, as its array drops it. */
static void
lane_clear (gpointer data)
{
  Lane *lane = data;

  g_free (lane->name);
  for (int r = 0; r < MAX_LANE_ROWS; r++)
    g_clear_pointer (&lane->rows[r], g_array_unref);
  g_clear_pointer (&lane->entries, g_array_unref);
  g_clear_pointer (&lane->xs, g_array_unref);
  g_clear_pointer (&lane->dots, g_array_unref);
  g_clear_pointer (&lane->bars, g_array_unref);
}

/* The row an event sits in on a lane chart: its own lane, else its
 * category's title. */
const char *
uc_chart_event_lane (UcEvent *event)
{
  return uc_event_get_lane (event) ? uc_event_get_lane (event) : uc_event_category_get_name (uc_event_get_category (event));
}

/* Whether any of an event (a day, or a span) is in the plot's range. */
static gboolean
event_in_range (UcEvent             *event,
                const UcChartLayout *l)
{
  UcTime a = uc_event_get_time (event), b = uc_event_get_end (event);

  return a <= l->to && (b ? b : a) >= l->from;
}

/* Orders places in a spec's events (@data) by their events' times. */
static gint
compare_event_times (gconstpointer a,
                     gconstpointer b,
                     gpointer      data)
{
  UcTime ta = uc_event_get_time (uc_chart_spec_get_event (data, *(const guint *) a));
  UcTime tb = uc_event_get_time (uc_chart_spec_get_event (data, *(const guint *) b));

  return ta < tb ? -1 : ta > tb;
}

/* Lays out a lane's events: their places, dots and bars, once per draw. */
static void
lane_index (LaneRun *run,
            Lane    *lane)
{
  const UcChartLayout *l = run->l;
  double dot = run->dot;

  lane->xs = g_array_sized_new (FALSE, FALSE, sizeof (double), lane->entries->len);
  lane->dots = g_array_new (FALSE, FALSE, sizeof (Span));
  lane->bars = g_array_new (FALSE, FALSE, sizeof (Span));
  for (guint q = 0; q < lane->entries->len; q++)
    {
      UcEvent *event = uc_chart_spec_get_event (run->spec, run->order[g_array_index (lane->entries, guint, q)]);
      double x0 = uc_chart_layout_x_for_time (l, MAX (uc_event_get_time (event), l->from));
      double x1 = uc_event_get_end (event) ? uc_chart_layout_x_for_time (l, MIN (uc_event_get_end (event), l->to)) : x0;
      Span d = { x0 - dot, x1 + dot };

      g_array_append_val (lane->xs, x0);
      if (x1 > x0)
        g_array_append_val (lane->bars, d);
      else if (lane->dots->len == 0 || g_array_index (lane->dots, Span, lane->dots->len - 1).left != d.left ||
               g_array_index (lane->dots, Span, lane->dots->len - 1).right != d.right)
        g_array_append_val (lane->dots, d);
    }
}

/* The lanes of the events in view: categories in their fixed order, or
 * the events' own lanes in the order they first appear (@by_name holds
 * their names). Returns how many lanes past MAX_LANES are left out. */
static guint
list_lanes (UcChartSpec         *spec,
            const UcChartLayout *l,
            GArray              *lanes,
            GHashTable          *by_name)
{
  guint n_events = uc_chart_spec_get_n_events (spec), over = 0;
  gboolean by_category = TRUE;

  for (guint i = 0; i < n_events; i++)
    if (uc_event_get_lane (uc_chart_spec_get_event (spec, i)))
      by_category = FALSE;
  if (by_category)
    {
      for (int c = 0; c <= UC_EVENT_USER; c++)
        for (guint i = 0; i < n_events; i++)
          {
            UcEvent *event = uc_chart_spec_get_event (spec, i);

            if ((int) uc_event_get_category (event) == c && event_in_range (event, l))
              {
                Lane lane = { g_strdup (uc_event_category_get_name (c)) };

                g_array_append_val (lanes, lane);
                break;
              }
          }
      return 0;
    }
  for (guint i = 0; i < n_events; i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      const char *name = uc_chart_event_lane (event);

      if (!event_in_range (event, l) || g_hash_table_contains (by_name, name))
        continue;
      g_hash_table_add (by_name, (gpointer) name);
      if (lanes->len < MAX_LANES)
        {
          Lane lane = { g_strdup (name) };

          g_array_append_val (lanes, lane);
        }
      else
        over++;
    }
  return over;
}

/* "+N" and "unnamed", under a lane's name: its events drawn without a
 * label, the count and the word on lines of their own when the lane has
 * the height. */
static char *
unnamed_count (guint n)
{
  /* Translators: the first line under a lane's name, counting events drawn without their label; the next line says "unnamed" */
  return g_strdup_printf (_("+%u"), n);
}

static const char *
unnamed_word (guint n)
{
  /* Translators: the line under "+N" below a lane's name: that many events are drawn without their label */
  return ngettext ("unnamed", "unnamed", n);
}

/* The width of the widest lane name, up to a quarter of the canvas. */
static double
names_width (Ctx    *ctx,
             GArray *lanes,
             guint   n_events)
{
  double name_w = 0, w, h;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_BOLD);
  for (guint k = 0; k < lanes->len; k++)
    {
      uc_chart_measure (ctx, g_array_index (lanes, Lane, k).name, -1, &w, &h);
      name_w = MAX (name_w, MIN (w, ctx->width * 0.25));
    }
  /* "+N" over "unnamed" under a name stays left of the plot, where
   * labels reach (the count at its widest: every event unnamed). */
  {
    g_autofree char *count = unnamed_count (n_events);

    uc_chart_set_font (ctx, ctx->fs * 0.8, PANGO_WEIGHT_NORMAL);
    uc_chart_measure (ctx, count, -1, &w, &h);
    name_w = MAX (name_w, MIN (w, ctx->width * 0.25));
    uc_chart_measure (ctx, unnamed_word (n_events), -1, &w, &h);
    name_w = MAX (name_w, MIN (w, ctx->width * 0.25));
  }
  return name_w;
}

/* Each lane's events, in time order (equal times in the spec's order),
 * and their places; returns the order, which @run then refers to. */
static guint *
file_events (LaneRun *run,
             GArray  *lanes)
{
  UcChartSpec *spec = run->spec;
  guint n_events = uc_chart_spec_get_n_events (spec);
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  guint *order = g_new (guint, MAX (1, n_events));

  for (guint i = 0; i < n_events; i++)
    order[i] = i;
  g_qsort_with_data (order, (gint) n_events, sizeof (guint), compare_event_times, spec);
  run->order = order;
  for (guint k = 0; k < lanes->len; k++)
    {
      Lane *lane = &g_array_index (lanes, Lane, k);

      lane->entries = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (by_name, lane->name, lane);
    }
  for (guint p = 0; p < n_events; p++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, order[p]);
      Lane *lane;

      if (event_in_range (event, run->l) && (lane = g_hash_table_lookup (by_name, uc_chart_event_lane (event))))
        g_array_append_val (lane->entries, p);
    }
  for (guint k = 0; k < lanes->len; k++)
    lane_index (run, &g_array_index (lanes, Lane, k));
  return order;
}

/* The height the lanes take with at most @capacity rows of labels each,
 * the rows each needs in @need. */
static double
rows_total (LaneRun *run,
            GArray  *lanes,
            int      capacity,
            int     *need)
{
  double total = 0;

  for (guint k = 0; k < lanes->len; k++)
    {
      need[k] = uc_chart_place_lane (run, &g_array_index (lanes, Lane, k), capacity, 0, FALSE);
      total += need[k] * run->row_h + 2 * run->pad;
    }
  return total;
}

/* The most rows of labels per lane that still fit the plot, with the
 * rows each lane needs then in @need and the height left to each in
 * @spare. When one row each does not fit, the answer is one row each,
 * with no need to try. */
static int
fit_rows (LaneRun *run,
          GArray  *lanes,
          int     *need,
          double  *spare)
{
  const UcChartLayout *l = run->l;
  int capacity, lo, hi;
  double total;

  *spare = 0;
  if (lanes->len * (run->row_h + 2 * run->pad) > l->height)
    {
      for (guint k = 0; k < lanes->len; k++)
        need[k] = 1;
      return 1;
    }
  /* The largest capacity whose lanes fit: a lane given more rows takes
   * no fewer, so a binary search finds it in a few placings. */
  lo = 1, hi = MAX_LANE_ROWS;
  while (lo < hi)
    {
      int mid = (lo + hi + 1) / 2;

      if (rows_total (run, lanes, mid, need) <= l->height)
        lo = mid;
      else
        hi = mid - 1;
    }
  capacity = lo;
  total = rows_total (run, lanes, capacity, need);
  *spare = MAX (0, (l->height - total) / lanes->len);
  return capacity;
}

/* A lane's name, left of the plot, and its line across it. */
static void
draw_lane_line (Ctx                 *ctx,
                const char          *name,
                const UcChartLayout *l,
                double               name_w,
                double               line_y)
{
  cairo_t *cr = ctx->cr;
  double w, h;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_BOLD);
  ctx->one_line = TRUE;
  uc_chart_measure (ctx, name, name_w + 1, &w, &h);
  ctx->one_line = FALSE;
  uc_chart_show (ctx, &ctx->theme->foreground, l->x - ctx->fs * 1.2 - w, line_y - h / 2);
  uc_chart_set_color (cr, &ctx->theme->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, l->x, line_y);
  cairo_line_to (cr, l->x + l->width, line_y);
  cairo_stroke (cr);
}

/* "+N unnamed" under a lane's name (at @y), right-aligned to the names:
 * on two lines when @room (down to the next lane) holds them, else on
 * one. Their names are in the crosshair card and the events list. */
static void
show_unnamed (Ctx                 *ctx,
              guint                unnamed,
              double               margin,
              const UcChartLayout *l,
              double               y,
              double               room)
{
  g_autofree char *count = unnamed_count (unnamed);
  g_autofree char *one_line = NULL;
  double right = l->x - ctx->fs * 1.2, w, h;

  uc_chart_set_font (ctx, ctx->fs * 0.8, PANGO_WEIGHT_NORMAL);
  uc_chart_measure (ctx, count, -1, &w, &h);
  if (room >= 2 * h)
    {
      uc_chart_show (ctx, &ctx->theme->muted, MAX (margin, right - w), y);
      uc_chart_measure (ctx, unnamed_word (unnamed), -1, &w, &h);
      uc_chart_show (ctx, &ctx->theme->muted, MAX (margin, right - w), y + h);
      return;
    }
  one_line = g_strdup_printf ("%s %s", count, unnamed_word (unnamed));
  uc_chart_measure (ctx, one_line, -1, &w, &h);
  uc_chart_show (ctx, &ctx->theme->muted, MAX (margin, right - w), y);
}

/* More lanes than any chart can hold: how many are not shown, at @y
 * under the last lane drawn. */
static void
show_more_lanes (Ctx                 *ctx,
                 guint                more_lanes,
                 double               margin,
                 const UcChartLayout *l,
                 double               y)
{
  /* Translators: under the last lane of a lane chart, counting the lanes with no room */
  g_autofree char *more = g_strdup_printf (ngettext ("+%u more lane", "+%u more lanes", more_lanes), more_lanes);
  double w, h, x;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  uc_chart_measure (ctx, more, -1, &w, &h);
  x = l->x - ctx->fs * 1.2 - w;
  /* Under the lane names when it fits there, else just inside the plot
   * (not across its edge). */
  if (x < margin)
    x = l->x + ctx->fs * 0.4;
  uc_chart_show (ctx, &ctx->theme->muted, x, MIN (y, MIN (l->y + l->height, ctx->height) - h));
}

/* An event lane chart: one row per lane (the event's own lane, else its
 * category), a dot per event or a bar per span, in the category's colour.
 * Labels sit beside their dot; when that place is taken they step down
 * into rows below, joined to the dot by a thin leader; when no row has
 * room they are shortened, and in the end only the dot stays. Lanes are
 * as tall as their labels need, and share what is left. Pass 0 sets the
 * plot's left edge (after the lane names), pass 1 draws. */
void
uc_chart_draw_lanes (Ctx           *ctx,
                     UcChartSpec   *spec,
                     UcChartLayout *l,
                     double         margin,
                     int            pass)
{
  g_autoptr(GArray) lanes = g_array_new (FALSE, TRUE, sizeof (Lane));
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *need = NULL;
  g_autofree guint *order = NULL;
  guint over, below = 0;
  double name_w, w, h, y, spare;
  LaneRun run = { ctx, spec, l, l, NULL, ctx->width, margin, ctx->fs * 0.32, ctx->fs * 0.4, 0, NULL };
  int capacity;

  g_array_set_clear_func (lanes, lane_clear);
  over = list_lanes (spec, l, lanes, by_name);
  name_w = names_width (ctx, lanes, uc_chart_spec_get_n_events (spec));
  l->natural_left = margin + name_w + ctx->fs * 1.2;
  l->natural_right = margin;
  l->x = MAX (l->natural_left, ctx->plot_left);
  l->width = MAX (ctx->fs * 4, ctx->width - MAX (margin, ctx->plot_right) - l->x);
  if (pass == 0 || lanes->len == 0)
    return;

  order = file_events (&run, lanes);
  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  uc_chart_measure (ctx, "Ag", -1, &w, &h);
  run.row_h = h + ctx->fs * 0.25;
  need = g_new0 (int, lanes->len);
  run.sizes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  capacity = fit_rows (&run, lanes, need, &spare);

  y = l->y;
  for (guint k = 0; k < lanes->len; k++)
    {
      Lane *lane = &g_array_index (lanes, Lane, k);
      double line_y = round (y + run.pad + run.row_h / 2) + 0.5;

      /* Lanes past the plot are not drawn (they would run into the time
       * axis, or off the canvas): the sign below counts them. The first
       * is always drawn. */
      if (k > 0 && line_y + run.row_h / 2 > l->y + l->height)
        {
          below = lanes->len - k;
          break;
        }
      draw_lane_line (ctx, lane->name, l, name_w, line_y);
      uc_chart_place_lane (&run, lane, capacity, line_y, TRUE);
      if (lane->unnamed > 0)
        show_unnamed (ctx, lane->unnamed, margin, l, line_y + run.row_h * 0.6,
                      y + need[k] * run.row_h + 2 * run.pad + spare - (line_y + run.row_h * 0.6));
      l->n_unnamed_events += lane->unnamed;
      l->n_shortened_labels += lane->shortened;
      y += need[k] * run.row_h + 2 * run.pad + spare;
    }
  if (over + below > 0)
    show_more_lanes (ctx, over + below, margin, l, y);
  g_hash_table_unref (run.sizes);
}
