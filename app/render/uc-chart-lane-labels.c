/* uc-chart-lane-labels.c: one lane of a lane chart: its dots and bars,
 * and its labels placed beside them or stepped down into rows below
 *
 * A label is tried in a fixed order of places (attempt_place); one that
 * fits none is shortened to the roomiest row, or left out, its dot
 * staying. A lane where that happens is placed again two other ways and
 * keeps the one that leaves fewest labels out or cut (uc_chart_place_lane).
 * A crowded pixel column shows a few groups and counts the rest.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/* Groups of events (one label each) tried in one pixel column of a lane;
 * the rest are counted in the last group's label. */
#define MAX_LANE_GROUPS_PER_COLUMN 8
/* Bars another label keeps clear of; past these, bars are only drawn. */
#define MAX_LANE_BARS 1000

/* Whether a label from @left to @right on a lane's line keeps well clear
 * of every dot and bar but the one at @x0, so it reads as that one's. The
 * dots are sorted, so only those near the label are looked at. */
static gboolean
clear_of_dots (Ctx        *ctx,
               const Lane *lane,
               double      x0,
               double      left,
               double      right)
{
  const Span *dots = (const Span *) (void *) lane->dots->data;
  guint lo = 0, hi = lane->dots->len;

  /* The first dot not wholly left of the label's reach... */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (left > dots[mid].right + ctx->fs)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* ...up to the first wholly right of it. */
  for (guint k = lo; k < lane->dots->len && !(right < dots[k].left - ctx->fs); k++)
    if (dots[k].left > x0 - 0.5 || dots[k].right < x0 + 0.5)
      return FALSE;
  for (guint k = 0; k < MIN (lane->bars->len, MAX_LANE_BARS); k++)
    {
      const Span *d = &g_array_index (lane->bars, Span, k);

      if ((d->left > x0 - 0.5 || d->right < x0 + 0.5) && !(right < d->left - ctx->fs || left > d->right + ctx->fs))
        return FALSE;
    }
  return TRUE;
}

/* Placing one lane's labels, right to left, in at most @capacity rows. */
typedef struct
{
  LaneRun  *run;
  Lane     *lane;
  int       capacity;
  double    line_y;
  gboolean  draw;
  double    edge;         /* labels end before it */
  guint     n_cols;
  guint     col;          /* the pixel column of the group placed last */
  guint     col_groups;   /* the groups placed in it so far */
  gsize     budget;
  int       rows_used;
  gboolean  deep_first;   /* the last places tried start from the deepest row, not the deepest used */
  gboolean  deep_last;    /* before a label is cut short, the rows below those used are tried, deepest first */
} LanePlacing;

/* Where the dot of event @event landed, for hovering. */
static void
record_mark (UcChartLayout *l_out,
             double         x,
             double         y,
             guint          event)
{
  guint m;

  if (l_out == NULL || l_out->n_marks >= UC_CHART_MAX_MARKS)
    return;
  m = l_out->n_marks++;
  l_out->marks[m].x = x;
  l_out->marks[m].y = y;
  l_out->marks[m].event = event;
}

/* An event's dot at @x0, a ring for hollow events; a bar for a span
 * from @x0 to @x1. */
static void
draw_dot (Ctx     *ctx,
          UcEvent *event,
          double   x0,
          double   x1,
          double   y,
          double   dot)
{
  cairo_t *cr = ctx->cr;
  UcColor color = ctx->theme->events[MIN (uc_event_get_category (event), UC_EVENT_USER)];

  if (x1 > x0)
    {
      color.alpha = 0.75;
      uc_chart_set_color (cr, &color);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x0 + dot * 0.6, y, dot * 0.6, G_PI / 2, 3 * G_PI / 2);
      cairo_arc (cr, MAX (x1 - dot * 0.6, x0 + dot * 0.6), y, dot * 0.6, 3 * G_PI / 2, G_PI / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x0, y, dot, 0, 2 * G_PI);
  if (uc_event_get_hollow (event))
    {
      uc_chart_set_color (cr, &ctx->theme->background);
      cairo_fill_preserve (cr);
      uc_chart_set_color (cr, &color);
      cairo_set_line_width (cr, MAX (1, ctx->fs * 0.12));
      cairo_stroke (cr);
    }
  else
    {
      uc_chart_set_color (cr, &color);
      cairo_fill (cr);
    }
}

/* Whether the group at @x0 is one its pixel column still shows: past the
 * first few, groups are counted in the last one's label, not drawn one
 * by one. */
static gboolean
column_has_room (LanePlacing *p,
                 double       x0)
{
  guint c = uc_chart_column_of (p->run->l, x0, p->n_cols);

  if (c != p->col)
    {
      p->col = c;
      p->col_groups = 0;
    }
  return p->col_groups++ < MAX_LANE_GROUPS_PER_COLUMN;
}

/* The label of the group of events ending at entry *@q, @label its last
 * event's: events on the same day in the same lane share one, as long as
 * a label of them could fit, the others counted in it; the last group a
 * crowded column shows stands for those left of it too. Moves *@q to the
 * group's first entry; with @draw, fills the group's dot when any of its
 * events is filled. A label made here is kept in @joined. */
static const char *
group_label (LanePlacing *p,
             guint       *q,
             const char  *label,
             double       x0,
             double       x1,
             char       **joined)
{
  LaneRun *run = p->run;
  const guint *entries = (const guint *) (void *) p->lane->entries->data;
  const double *xs = (const double *) (void *) p->lane->xs->data;
  guint n = entries[*q], more = 0, fills = 0;
  UcEvent *event = uc_chart_spec_get_event (run->spec, run->order[n]);
  UcColor color = run->ctx->theme->events[MIN (uc_event_get_category (event), UC_EVENT_USER)];

  while (*q > 0)
    {
      UcEvent *next = uc_chart_spec_get_event (run->spec, run->order[entries[*q - 1]]);
      char *both;

      if (entries[*q - 1] != n - 1 || uc_event_get_end (next) || x1 > x0 || fabs (xs[*q - 1] - x0) >= 0.5)
        break;
      (*q)--;
      n--;
      /* One dot: filled when any of them is (filling it again past a few
       * changes no pixel a reader could tell). */
      if (p->draw && !uc_event_get_hollow (next) && fills++ < MAX_LANE_ROWS)
        {
          cairo_new_sub_path (run->ctx->cr);
          cairo_arc (run->ctx->cr, x0, p->line_y, run->dot, 0, 2 * G_PI);
          uc_chart_set_color (run->ctx->cr, &color);
          cairo_fill (run->ctx->cr);
        }
      if (more > 0 || strlen (label) >= MAX_LINE_CHARS)
        {
          more++;
          continue;
        }
      /* Listed in date order, as the data has them. */
      both = g_strdup_printf ("%s, %s", uc_event_get_label (next), label);
      g_free (*joined);
      label = *joined = both;
    }
  if (p->col_groups == MAX_LANE_GROUPS_PER_COLUMN)
    for (guint k = *q; k-- > 0 && uc_chart_column_of (run->l, xs[k], p->n_cols) == p->col;)
      more++;
  if (more > 0)
    {
      /* Translators: the start of a label for many events on one day; the rest of it lists the latest */
      char *counted = g_strdup_printf (_("+%u more, %s"), more, label);

      g_free (*joined);
      label = *joined = counted;
    }
  return label;
}

/* Whether the leader from the dot at @x0 down to row @r crosses no label. */
static gboolean
leader_clear (const Lane *lane,
              int         r,
              double      x0)
{
  for (int above = 1; above < r; above++)
    if (!uc_chart_spans_free (lane->rows[above], x0 - 1, x0 + 1, 0))
      return FALSE;
  return TRUE;
}

/* Whether a label from @left to @right covers no dot left of entry @q,
 * still to be labelled: the lane's earlier events lie at ascending x, so
 * the first at or past the label's left edge decides. */
static gboolean
clear_of_pending (const double *xs,
                  guint         q,
                  double        left,
                  double        right,
                  double        pad)
{
  guint lo = 0, hi = q;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (xs[mid] < left - pad)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo == q || xs[lo] > right + pad;
}

/* Where attempt @attempt puts a label, in order: beside the dot, right
 * then left; then on the rows below, to the right of the leader; then
 * left of it, where it covers no dot still to be labelled (@strict: its
 * leader would be blocked), shallow rows first; last, left of it from
 * row @last_from upwards. FALSE: no place to try. */
static gboolean
attempt_place (int       attempt,
               int       capacity,
               int       last_from,
               int      *r,
               int      *side,
               gboolean *strict)
{
  *side = 1;
  *strict = FALSE;
  if (attempt < 2)
    *r = 0, *side = attempt;
  else if (attempt < capacity + 1)
    *r = attempt - 1, *side = 0;
  else if (attempt < 2 * capacity)
    *r = attempt - capacity, *strict = TRUE;
  else
    *r = MIN (capacity - 1, last_from) - (attempt - 2 * capacity);
  return !(*r < 0 || (*r == 0 && attempt >= 2));
}

/* The first place (see attempt_place) where a label @label_w wide for the
 * dot (or bar) of entry @q, from @x0 to @x1, is clear; flipped to the
 * left near the right edge. Returns its row, or -1. */
static int
find_place (LanePlacing *p,
            guint        q,
            double       x0,
            double       x1,
            double       label_w,
            double      *left,
            double      *right)
{
  Lane *lane = p->lane;
  const double *xs = (const double *) (void *) lane->xs->data;
  double dot = p->run->dot, pad = p->run->pad;

  for (int attempt = 0; attempt < 3 * p->capacity - 1; attempt++)
    {
      int r, side;
      gboolean strict, clear;

      if (!attempt_place (attempt, p->capacity, p->deep_first ? p->capacity - 1 : p->rows_used, &r, &side, &strict))
        continue;
      clear = leader_clear (lane, r, x0);
      if (side == 0)
        {
          *left = r == 0 ? MAX (x0, x1) + dot + pad : x0 + pad * 0.4;
          *right = *left + label_w;
        }
      else
        {
          *right = r == 0 ? x0 - dot - pad : x0 - pad * 0.4;
          *left = *right - label_w;
        }
      if (strict && clear)
        clear = clear_of_pending (xs, q, *left, *right, pad);
      /* On the line, a label keeps well clear of other dots, so that it
       * reads as its own dot's and not the next one's. */
      if (r == 0 && clear)
        clear = clear_of_dots (p->run->ctx, lane, x0, *left, *right);
      if (clear && *left >= p->run->l->x && *right <= p->edge &&
          uc_chart_spans_free (lane->rows[r], *left, *right, pad))
        return r;
    }
  return -1;
}

/* A label that fits no place tried so far, on a row below those used,
 * left of its leader, deepest first: it may block the leaders of dots
 * still to be labelled, which is why this comes last. Returns its row,
 * or -1. */
static int
find_deep_place (LanePlacing *p,
                 double       x0,
                 double       label_w,
                 double      *left,
                 double      *right)
{
  for (int r = p->capacity - 1; r > p->rows_used; r--)
    {
      *right = x0 - p->run->pad * 0.4;
      *left = *right - label_w;
      if (leader_clear (p->lane, r, x0) && *left >= p->run->l->x &&
          uc_chart_spans_free (p->lane->rows[r], *left, *right, p->run->pad))
        return r;
    }
  return -1;
}

/* On the lane's line, @room cut to end well before the next dot or bar
 * right of @start (the first dot right of it: the dots are sorted). */
static double
room_on_line (Ctx        *ctx,
              const Lane *lane,
              double      start,
              double      room)
{
  const Span *dots = (const Span *) (void *) lane->dots->data;
  guint lo = 0, hi = lane->dots->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (dots[mid].left > start)
        hi = mid;
      else
        lo = mid + 1;
    }
  if (lo < lane->dots->len)
    room = MIN (room, dots[lo].left - ctx->fs - start);
  for (guint k = 0; k < MIN (lane->bars->len, MAX_LANE_BARS); k++)
    {
      Span *d = &g_array_index (lane->bars, Span, k);

      if (d->left > start)
        room = MIN (room, d->left - ctx->fs - start);
    }
  return room;
}

/* The room row @r leaves a label from @start up to the next label in it. */
static double
room_in_row (LanePlacing *p,
             int          r,
             double       start)
{
  GArray *row = p->lane->rows[r];
  double pad = p->run->pad, room = p->edge - start;

  for (guint k = 0; k < row->len; k++)
    {
      Span *sp = &g_array_index (row, Span, k);

      if (sp->left - pad <= start && start <= sp->right + pad)
        room = 0;
      else if (sp->left > start)
        room = MIN (room, sp->left - pad - start);
    }
  if (r == 0)
    room = room_on_line (p->run->ctx, p->lane, start, room);
  return room;
}

/* No place has room for all of @label (@full_w wide): the row that
 * leaves the most, to the right of the dot (or bar) from @x0 to @x1, the
 * label laid out shortened (…) to it; -1 when that leaves too little of
 * it to name anything. */
static int
shorten_label (LanePlacing *p,
               const char  *label,
               double       full_w,
               double       x0,
               double       x1,
               double      *left,
               double      *right,
               double      *h)
{
  Ctx *ctx = p->run->ctx;
  double dot = p->run->dot, pad = p->run->pad, best = 0, label_w;
  int row = -1;

  for (int r = 0; r < p->capacity; r++)
    {
      double start = r == 0 ? MAX (x0, x1) + dot + pad : x0 + pad * 0.4;
      double room;

      if (!leader_clear (p->lane, r, x0))
        continue;
      room = room_in_row (p, r, start);
      if (room > best)
        {
          best = room;
          row = r;
          *left = start;
        }
    }
  /* Cut to a few letters ("Open…"), a label names nothing: the dot is
   * counted instead, its name in the card. */
  if (row < 0 || best < MAX (ctx->fs * 3, MIN (ctx->fs * 6, full_w * 0.5)))
    return -1;
  ctx->one_line = TRUE;
  uc_chart_measure (ctx, label, best, &label_w, h);
  ctx->one_line = FALSE;
  *right = *left + label_w;
  return row;
}

/* @label in @row from @left to @right, joined to its dot at @x0 by a
 * leader when below the line (down to @h, its height when it was
 * placed); a @fitted label is laid out again to its room. */
static void
draw_lane_label (LanePlacing *p,
                 const char  *label,
                 double       x0,
                 int          row,
                 double       left,
                 double       right,
                 double       h,
                 gboolean     fitted)
{
  Ctx *ctx = p->run->ctx;
  cairo_t *cr = ctx->cr;
  double line_y = p->line_y, row_h = p->run->row_h, w;

  if (row > 0)
    {
      uc_chart_set_color (cr, &ctx->theme->muted);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, round (x0) + 0.5, line_y + p->run->dot);
      cairo_line_to (cr, round (x0) + 0.5, line_y + row * row_h + h * 0.3);
      cairo_stroke (cr);
    }
  ctx->one_line = fitted;
  uc_chart_measure (ctx, label, fitted ? right - left + 1 : -1, &w, &h);
  ctx->one_line = FALSE;
  /* On a patch of background (a halo), so grid lines pass behind the words. */
  {
    UcColor halo = ctx->theme->background;

    halo.alpha = 0.85;
    uc_chart_set_color (cr, &halo);
    cairo_rectangle (cr, left - 1, line_y + row * row_h - h / 2 + h * 0.1, w + 2, h * 0.85);
    cairo_fill (cr);
  }
  uc_chart_show (ctx, &ctx->theme->foreground, left, line_y + row * row_h - h / 2);
}

/* @label's size in the lanes' font (set), laid out once however many
 * placings try it. */
static void
measure_label (LaneRun    *run,
               const char *label,
               double     *w,
               double     *h)
{
  double *size = g_hash_table_lookup (run->sizes, label);

  if (size == NULL)
    {
      size = g_new (double, 2);
      uc_chart_measure (run->ctx, label, -1, &size[0], &size[1]);
      g_hash_table_insert (run->sizes, g_strdup (label), size);
    }
  *w = size[0];
  *h = size[1];
}

/* The group of events ending at entry @q: its dot (with @draw), and its
 * label placed beside the dot (after a bar) on the line, else on the
 * first row below whose place is free and whose leader would cross no
 * label, else shortened. Returns the group's first entry. */
static guint
place_group (LanePlacing *p,
             guint        q)
{
  LaneRun *run = p->run;
  Ctx *ctx = run->ctx;
  const UcChartLayout *l = run->l;
  guint n = g_array_index (p->lane->entries, guint, q);
  UcEvent *event = uc_chart_spec_get_event (run->spec, run->order[n]);
  double x0 = g_array_index (p->lane->xs, double, q), x1, h, left = 0, right = 0, label_w = 0;
  /* Only a thumbnail (small both ways) shows dots alone; elsewhere a dot
   * left without its label is counted. */
  const char *label = ctx->compact && ctx->width < 480 && ctx->height < 240 ? NULL : uc_event_get_label (event);
  g_autofree char *joined = NULL;
  gboolean fitted = FALSE;
  guint last = q;
  int row;

  x1 = uc_event_get_end (event) ? uc_chart_layout_x_for_time (l, MIN (uc_event_get_end (event), l->to)) : x0;
  if (!column_has_room (p, x0))
    return q;
  if (p->draw)
    {
      record_mark (run->l_out, x0, p->line_y, run->order[n]);
      draw_dot (ctx, event, x0, x1, p->line_y, run->dot);
    }
  if (label == NULL)
    return q;
  label = group_label (p, &q, label, x0, x1, &joined);
  if (*label == '\0' || !uc_chart_spend (&p->budget, label))
    {
      p->lane->unnamed += last - q + 1;
      return q;
    }

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  measure_label (run, label, &label_w, &h);
  row = find_place (p, q, x0, x1, label_w, &left, &right);
  if (row < 0 && p->deep_last)
    row = find_deep_place (p, x0, label_w, &left, &right);
  if (row < 0 && (row = shorten_label (p, label, label_w, x0, x1, &left, &right, &h)) >= 0)
    {
      fitted = TRUE;
      p->lane->shortened++;
    }
  if (row < 0)
    {
      p->lane->unnamed += last - q + 1;
      return q;
    }
  g_array_append_val (p->lane->rows[row], ((Span) { left, right }));
  /* Its leader runs through the rows above: later labels keep off it. */
  for (int above = 1; above < row; above++)
    g_array_append_val (p->lane->rows[above], ((Span) { x0 - 1, x0 + 1 }));
  p->rows_used = MAX (p->rows_used, row + 1);
  if (p->draw)
    draw_lane_label (p, label, x0, row, left, right, h, fitted);
  return q;
}

/* One placing of a lane's labels (see uc_chart_place_lane); returns the
 * rows used. */
static int
place_lane_once (LaneRun  *run,
                 Lane     *lane,
                 int       capacity,
                 double    line_y,
                 gboolean  draw,
                 int       way)
{
  LanePlacing p = { run, lane, capacity, line_y, draw, run->width - run->margin * 0.5, uc_chart_n_columns (run->l),
                    G_MAXUINT, 0, LABEL_CHAR_BUDGET, 0, way == 2, way == 1 };

  for (int r = 0; r < MAX_LANE_ROWS; r++)
    {
      g_clear_pointer (&lane->rows[r], g_array_unref);
      lane->rows[r] = g_array_new (FALSE, FALSE, sizeof (Span));
    }
  lane->unnamed = 0;
  lane->shortened = 0;

  /* Right to left: a label runs right of its leader, so leaders of events
   * further left pass clear of it on their way down (a staircase). */
  for (guint q = lane->entries->len; q-- > 0;)
    q = place_group (&p, q);
  return MAX (p.rows_used, 1);
}

/* What a placing costs a reader: a label left out most, then one cut
 * short, then each row of height it takes. */
static guint
placing_cost (const Lane *lane,
              int         rows)
{
  return lane->unnamed * 4 * MAX_LANE_ROWS + lane->shortened * 2 * MAX_LANE_ROWS + rows;
}

/* Places (and with @draw, draws) one lane's dots, bars and labels with at
 * most @capacity rows of labels; returns the rows used. When labels are
 * cut short or left out, a second way is tried (the labels that fit no
 * place first tried on the deepest row, left of their leader, where they
 * block no leader still to come) and the one that costs the reader less
 * is kept. */
int
uc_chart_place_lane (LaneRun  *run,
                     Lane     *lane,
                     int       capacity,
                     double    line_y,
                     gboolean  draw)
{
  /* Drawing follows the choice made when the rows were counted. */
  if (lane->chosen_for != capacity)
    {
      int rows = place_lane_once (run, lane, capacity, line_y, FALSE, 0);
      guint cost = placing_cost (lane, rows);

      lane->chosen_for = capacity;
      lane->way = 0;
      for (int way = 1; way < 3 && lane->unnamed + lane->shortened > 0 && capacity > 1; way++)
        {
          int way_rows = place_lane_once (run, lane, capacity, line_y, FALSE, way);

          if (placing_cost (lane, way_rows) < cost)
            {
              cost = placing_cost (lane, way_rows);
              lane->way = way;
              rows = way_rows;
            }
        }
      if (!draw)
        return rows;
    }
  return place_lane_once (run, lane, capacity, line_y, draw, lane->way);
}
