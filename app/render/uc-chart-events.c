/* uc-chart-events.c: events on a chart with a time axis: shaded spans,
 * dashed markers through the plot and their labels in rows above it
 *
 * However many events a chart has, a pixel column shows a few and counts
 * the rest, so the work grows with the plot's width.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Rows of event labels above the plot. */
#define MAX_EVENT_ROWS 3
/* Events drawn in one pixel column of a plot; the rest are counted. */
#define MAX_EVENTS_PER_COLUMN (MAX_EVENT_ROWS + 1)

/* An event's dashed line, from @top down through the plot. */
static void
draw_marker (Ctx                 *ctx,
             const UcColor       *color,
             double               x,
             double               top,
             const UcChartLayout *l)
{
  cairo_save (ctx->cr);
  uc_chart_set_color (ctx->cr, color);
  cairo_set_line_width (ctx->cr, MAX (1, ctx->fs * 0.09));
  cairo_set_dash (ctx->cr, (double[]) { ctx->fs * 0.35, ctx->fs * 0.25 }, 2, 0);
  cairo_move_to (ctx->cr, x, top);
  cairo_line_to (ctx->cr, x, l->y + l->height);
  cairo_stroke (ctx->cr);
  cairo_restore (ctx->cr);
}

/* Where more events stood than a column could show: "+N more" at the top
 * of the plot beside their marker, N the events there without a label. */
static void
draw_more_signs (Ctx                 *ctx,
                 const UcChartLayout *l,
                 const guint         *per_column,
                 const guint         *labelled,
                 guint                n)
{
  double pad = ctx->fs * 0.35, last_right = -INFINITY, w, h;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);   /* as the event labels it stands for */
  for (guint c = 0; c < n; c++)
    {
      g_autofree char *more = NULL;
      double x = l->x + c - 0.5, tx;

      if (per_column[c] <= MAX_EVENTS_PER_COLUMN)
        continue;
      /* Translators: events (or labels) left out at one place on a crowded chart */
      more = g_strdup_printf (_("+%u more"), per_column[c] - labelled[c]);
      uc_chart_measure (ctx, more, -1, &w, &h);
      tx = x + w + 2 * pad > l->x + l->width ? x - pad - w : x + pad;
      if (tx < last_right + pad)
        continue;
      uc_chart_set_color (ctx->cr, &ctx->theme->background);
      cairo_rectangle (ctx->cr, tx - pad * 0.5, l->y, w + pad, h);
      cairo_fill (ctx->cr);
      uc_chart_show (ctx, &ctx->theme->muted, tx, l->y);
      last_right = tx + w;
    }
}

/* Whether a label from @left to @right keeps @pad clear of every span
 * in @row. */
gboolean
uc_chart_spans_free (GArray *row,
                     double  left,
                     double  right,
                     double  pad)
{
  for (guint k = 0; k < row->len; k++)
    {
      Span *s = &g_array_index (row, Span, k);

      if (left < s->right + pad && right > s->left - pad)
        return FALSE;
    }
  return TRUE;
}

/* One pass over a chart's events: the rows of labels above the plot, and
 * what each pixel column of it shows. */
typedef struct
{
  Ctx                 *ctx;
  const UcChartLayout *l;
  double               lane_bottom;   /* the bottom of the rows of labels */
  int                  pass;
  double               pad;
  double               row_h;         /* of the label measured last */
  int                  rows_used;
  GArray              *rows[MAX_EVENT_ROWS];   /* Span: the labels in each row */
  guint                n;             /* pixel columns */
  guint               *shown;         /* per column: events shown */
  guint               *labelled;      /* per column: labels drawn */
  gsize                budget;
  guint                unnamed;       /* markers drawn without their label */
} EventRun;

/* Spans, faintly shaded, under the markers and the data. */
static void
shade_spans (EventRun    *run,
             UcChartSpec *spec)
{
  Ctx *ctx = run->ctx;
  const UcChartLayout *l = run->l;

  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      UcTime a = uc_event_get_time (event), b = uc_event_get_end (event);
      UcColor shade = ctx->theme->events[uc_event_get_category (event)];
      double x0, x1;

      if (b == 0 || b < l->from || a > l->to)
        continue;
      x0 = uc_chart_layout_x_for_time (l, MAX (a, l->from));
      x1 = uc_chart_layout_x_for_time (l, MIN (b, l->to));
      /* Shades past a few on one start add nothing a reader can see. */
      if (run->shown[uc_chart_column_of (l, x0, run->n)]++ >= MAX_EVENTS_PER_COLUMN)
        continue;
      shade.alpha = 0.12;
      uc_chart_set_color (ctx->cr, &shade);
      cairo_rectangle (ctx->cr, x0, l->y, x1 - x0, l->height);
      cairo_fill (ctx->cr);
    }
}

/* How many events stand in each of the @n pixel columns of the plot. */
static void
count_per_column (UcChartSpec         *spec,
                  const UcChartLayout *l,
                  guint               *per_column,
                  guint                n)
{
  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcTime t = uc_event_get_time (uc_chart_spec_get_event (spec, i));

      if (t >= l->from && t <= l->to)
        per_column[uc_chart_column_of (l, round (uc_chart_layout_x_for_time (l, t)) + 0.5, n)]++;
    }
}

/* The first row with room for a label from @left to @right, or -1. */
static int
free_row (EventRun *run,
          double    left,
          double    right)
{
  for (int r = 0; r < MAX_EVENT_ROWS; r++)
    if (uc_chart_spans_free (run->rows[r], left, right, run->pad))
      return r;
  return -1;
}

/* No row has room for the whole label of the marker at @x: the row that
 * leaves the most room after the marker, the label laid out shortened
 * (…) to it; -1 when not even three characters' worth is left. */
static int
fit_label (EventRun *run,
           UcEvent  *event,
           double    x,
           double   *w,
           double   *h)
{
  Ctx *ctx = run->ctx;
  double pad = run->pad, best = 0;
  int row = -1;

  for (int r = 0; r < MAX_EVENT_ROWS; r++)
    {
      double room = ctx->width - ctx->fs - x;

      for (guint k = 0; k < run->rows[r]->len; k++)
        {
          Span *sp = &g_array_index (run->rows[r], Span, k);

          if (sp->left - pad <= x && x <= sp->right + pad)
            room = 0;
          else if (sp->left > x)
            room = MIN (room, sp->left - pad - x);
        }
      room -= 2 * pad;
      if (room > best)
        best = room, row = r;
    }
  if (row < 0 || best < ctx->fs * 3)
    return -1;
  ctx->one_line = TRUE;
  uc_chart_measure (ctx, uc_event_get_label (event), best, w, h);
  ctx->one_line = FALSE;
  return row;
}

/* The label laid out last (@w × @h) in @row, on a patch of background,
 * beside the marker at @x; a @fitted label is laid out again to its room. */
static void
draw_label (EventRun      *run,
            UcEvent       *event,
            const UcColor *color,
            double         x,
            int            row,
            double         left,
            double         w,
            double         h,
            gboolean       fitted)
{
  Ctx *ctx = run->ctx;
  double pad = run->pad;
  double ly = run->lane_bottom - (row + 1) * run->row_h;
  double tx = left < x - 1 ? left + pad : x + pad;

  if (fitted)
    {
      ctx->one_line = TRUE;
      uc_chart_measure (ctx, uc_event_get_label (event), w + 1, &w, &h);
      ctx->one_line = FALSE;
    }
  cairo_save (ctx->cr);
  uc_chart_set_color (ctx->cr, &ctx->theme->background);
  cairo_rectangle (ctx->cr, tx - pad * 0.5, ly, w + pad, h);
  cairo_fill (ctx->cr);
  cairo_restore (ctx->cr);
  uc_chart_show (ctx, color, tx, ly);
  run->labelled[uc_chart_column_of (run->l, x, run->n)]++;
}

/* One event in view: its label placed in a row (pass 0), its marker
 * drawn from there (pass 1), or its label drawn (pass 2). */
static void
place_event (EventRun *run,
             UcEvent  *event)
{
  Ctx *ctx = run->ctx;
  const UcChartLayout *l = run->l;
  const UcColor *color = &ctx->theme->events[uc_event_get_category (event)];
  double x = round (uc_chart_layout_x_for_time (l, uc_event_get_time (event))) + 0.5;
  double pad = run->pad, w, h, left, right;
  const char *label;
  gboolean fitted = FALSE;
  int row;

  if (run->shown[uc_chart_column_of (l, x, run->n)]++ >= MAX_EVENTS_PER_COLUMN)
    return;
  label = ctx->compact ? "" : uc_event_get_label (event);
  /* Labels past the budget: their markers only. */
  if (!uc_chart_spend (&run->budget, label))
    {
      if (run->pass == 1)
        draw_marker (ctx, color, x, l->y, l);
      run->unnamed += run->pass == 2 && !ctx->compact;
      return;
    }
  uc_chart_measure (ctx, label, -1, &w, &h);
  run->row_h = h + pad;
  left = x - pad;
  right = x + pad + w + pad;
  if (right > ctx->width - ctx->fs)
    {
      right = x + pad;
      left = x - pad - w - pad;
    }
  row = free_row (run, left, right);
  if (row < 0 && !ctx->compact && (row = fit_label (run, event, x, &w, &h)) >= 0)
    {
      fitted = TRUE;
      left = x - pad;
      right = x + pad + w + pad;
    }
  if (row < 0)
    {
      /* Marker only: its line starts at the top of the plot, and the
       * chart says how many such markers it could not name. */
      if (run->pass == 1)
        draw_marker (ctx, color, x, l->y, l);
      run->unnamed += run->pass == 2 && !ctx->compact;
      return;
    }
  g_array_append_val (run->rows[row], ((Span) { left, right }));
  run->rows_used = MAX (run->rows_used, row + 1);

  /* The marker line runs from its label down through the plot. */
  if (run->pass == 1)
    draw_marker (ctx, color, x, run->lane_bottom - (row + 1) * run->row_h + h / 2, l);
  else if (run->pass == 2)
    draw_label (run, event, color, x, row, left, w, h, fitted);
}

/* "+N unnamed" for markers drawn without a label: in a free place at the
 * right end of a row of labels, else at the plot's top right. A reader
 * finds their names in the crosshair card. */
static void
draw_unnamed_sign (EventRun *run)
{
  Ctx *ctx = run->ctx;
  const UcChartLayout *l = run->l;
  g_autofree char *sign = NULL;
  double pad = run->pad, w, h, right = l->x + l->width, y = l->y;

  if (run->unnamed == 0)
    return;
  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  /* Translators: event markers on a chart whose labels found no room */
  sign = g_strdup_printf (ngettext ("+%u unnamed", "+%u unnamed", run->unnamed), run->unnamed);
  uc_chart_measure (ctx, sign, -1, &w, &h);
  for (int r = 0; r < MAX(run->rows_used, 1); r++)
    if (uc_chart_spans_free (run->rows[r], right - w - 2 * pad, right, pad))
      {
        y = run->lane_bottom - (r + 1) * run->row_h;
        break;
      }
  uc_chart_set_color (ctx->cr, &ctx->theme->background);
  cairo_rectangle (ctx->cr, right - w - pad * 1.5, y, w + pad, h);
  cairo_fill (ctx->cr);
  uc_chart_show (ctx, &ctx->theme->muted, right - w - pad, y);
}

/* Events in view in the order their labels are placed: computed moves
 * (the story's figures) first, then the newest, so a crowded chart names
 * what matters most and leaves the oldest unnamed. */
static gint
compare_label_priority (gconstpointer a,
                        gconstpointer b)
{
  UcEvent *x = *(UcEvent **) a, *y = *(UcEvent **) b;
  gboolean cx = uc_event_get_label_computed (x), cy = uc_event_get_label_computed (y);
  UcTime tx = uc_event_get_time (x), ty = uc_event_get_time (y);

  if (cx != cy)
    return cx ? -1 : 1;
  return tx > ty ? -1 : tx < ty;
}

/* Marker labels go into rows above the plot; a label takes the first row
 * where it overlaps nothing, and shifts left when it would leave the canvas.
 * Pass 0 measures, 1 draws the marker lines, 2 the labels over them.
 * A pixel column shows at most MAX_EVENTS_PER_COLUMN events (more could
 * not be told apart, and only MAX_EVENT_ROWS have labels): the rest are
 * counted in a "+N more" sign, so the work grows with the plot's width
 * and not with the number of events; a budget of characters bounds the
 * labels laid out. Returns the height of the rows used. */
double
uc_chart_place_event_labels (Ctx                 *ctx,
                             UcChartSpec         *spec,
                             const UcChartLayout *l,
                             double               lane_bottom,
                             int                  really_draw)
{
  EventRun run = { ctx, l, lane_bottom, really_draw, ctx->fs * 0.35, 0, 0 };
  g_autofree guint *per_column = NULL;
  g_autofree guint *shown = NULL;
  g_autofree guint *labelled = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  /* Events are dates: a number axis has no place for them. */
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    return 0;
  run.n = uc_chart_n_columns (l);
  per_column = g_new0 (guint, run.n);
  run.shown = shown = g_new0 (guint, run.n);
  run.labelled = labelled = g_new0 (guint, run.n);
  run.budget = LABEL_CHAR_BUDGET;
  for (int r = 0; r < MAX_EVENT_ROWS; r++)
    run.rows[r] = g_array_new (FALSE, FALSE, sizeof (Span));

  if (really_draw == 1)
    shade_spans (&run, spec);
  memset (shown, 0, run.n * sizeof (guint));
  count_per_column (spec, l, per_column, run.n);

  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      UcTime t = uc_event_get_time (event);

      if (t >= l->from && t <= l->to)
        g_ptr_array_add (order, event);
    }
  g_ptr_array_sort (order, compare_label_priority);
  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_BOLD);
  for (guint i = 0; i < order->len; i++)
    place_event (&run, g_ptr_array_index (order, i));
  if (really_draw == 2)
    {
      draw_more_signs (ctx, l, per_column, labelled, run.n);
      draw_unnamed_sign (&run);
      if (ctx->legend_out)
        ctx->legend_out->n_unnamed_events += run.unnamed;
    }

  for (int r = 0; r < MAX_EVENT_ROWS; r++)
    g_array_unref (run.rows[r]);
  return run.rows_used * run.row_h;
}
