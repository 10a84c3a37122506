/* uc-chart-view-linked.c: another chart's day, marked on this one
 *
 * Part of UcChartView (see uc-chart-view-private.h). The charts of a view
 * share a UcCrosshairLink: the chart whose crosshair moves says its day,
 * and every other chart on time marks that day with its own values, a
 * line and a dot on each series with its value beside it, small enough to
 * leave the chart readable (only the chart pointed at has the card). A
 * chart on a number axis has no days, and marks none. The values of a day
 * are also given as text, for Copy Values.
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-chart-view-private.h"

#include <math.h>

#include "uc-format.h"

#define MAX_TAGS 24   /* values marked on a linked chart: enough for any view's series */

/* The link's day moved: another chart's day is marked here; this chart's
 * own crosshair (the keys') gives way to the one pointed at elsewhere. */
void
_uc_chart_view_link_changed (UcChartView *self)
{
  UcTime day = 0;
  gboolean shown = self->crosshair_link && uc_crosshair_link_get (self->crosshair_link, &day);
  gboolean elsewhere = shown && uc_crosshair_link_get_source (self->crosshair_link) != self;
  gboolean linked = elsewhere && _uc_chart_view_on_time (self);

  if (elsewhere && self->has_cross)
    {
      self->has_cross = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  if (linked == self->has_linked && (!linked || day == self->linked_time))
    return;
  self->has_linked = linked;
  self->linked_time = linked ? day : 0;
  /* Only the overlay changes: the chart's texture stays. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The day another chart of the view points at, when it is marked here. */
gboolean
uc_chart_view_get_linked_day (UcChartView *self,
                              UcTime      *day)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  if (self->has_linked && _uc_chart_view_on_time (self) && day)
    *day = self->linked_time;
  return self->has_linked && _uc_chart_view_on_time (self);
}

/* The first point of @series that is @t's: at @t itself, else on its day,
 * else (bars of periods) of the period holding it; -1: none. */
static int
point_of_day (UcChartSpec *spec,
              UcSeries    *series,
              UcTime       t)
{
  const UcTime *x = uc_series_get_x (series);
  UcTime start = t - ((t % UC_USEC_PER_DAY) + UC_USEC_PER_DAY) % UC_USEC_PER_DAY;
  int i = uc_series_find (series, t);

  if (i < 0)
    {
      i = uc_series_find_before (series, start + UC_USEC_PER_DAY - 1);
      if (i >= 0 && x[i] < start &&
          !(uc_chart_spec_get_periods (spec) && t < uc_chart_period_end (x[i], uc_chart_spec_get_period (spec))))
        i = -1;
    }
  while (i > 0 && x[i - 1] == x[i])
    i--;
  return i;
}

/* A value marked on a linked chart: its dot's height, where its label
 * goes, its colour. */
typedef struct
{
  double         dot_y;
  double         top;
  double         width, height;
  const UcColor *color;
  UcQuickText   *layout;
} Mark;

static int
compare_marks (gconstpointer a,
               gconstpointer b)
{
  const Mark *ma = a, *mb = b;

  return (ma->dot_y > mb->dot_y) - (ma->dot_y < mb->dot_y);
}

/* Labels one under the other as near their dots as they fit, inside the
 * plot: pushed down past the one above, then up from the plot's bottom. */
static void
place_marks (Mark  *marks,
             guint  n,
             double top,
             double bottom)
{
  qsort (marks, n, sizeof *marks, compare_marks);
  for (guint i = 0; i < n; i++)
    {
      double below = i > 0 ? marks[i - 1].top + marks[i - 1].height + 1 : top;

      marks[i].top = MAX (marks[i].dot_y - marks[i].height / 2, below);
    }
  for (guint i = n; i-- > 0;)
    {
      double limit = i + 1 < n ? marks[i + 1].top - 1 : bottom;

      marks[i].top = MAX (MIN (marks[i].top, limit - marks[i].height), top);
    }
}

/* The values of series @s at @t as marks (a named point's each), their
 * dots drawn on @snapshot. */
static guint
add_marks (UcChartView        *self,
           UcChartSpec        *spec,
           const UcChartTheme *theme,
           GtkSnapshot        *snapshot,
           double              x,
           guint               s,
           Mark               *marks,
           guint               n)
{
  const UcChartLayout *l = &self->layout;
  UcSeries *series = uc_chart_spec_get_series (spec, s);
  UcChartLayout sl = uc_chart_layout_for_series (l, series);
  const UcColor *color = uc_chart_theme_series_color (theme, series, s);
  const UcTime *xs = uc_series_get_x (series);
  int i = point_of_day (spec, series, self->linked_time);

  if (i < 0 || uc_series_get_hidden (series))
    return n;
  for (int k = i; k < (int) uc_series_get_length (series) && xs[k] == xs[i] && n < MAX_TAGS; k++)
    {
      double v = uc_series_get_y (series)[k];
      g_autofree char *text = NULL;
      PangoRectangle extent;
      Mark *m = &marks[n];

      if (isnan (v))
        continue;
      m->dot_y = uc_chart_layout_y_for_value (&sl, _uc_chart_view_stacked_top (spec, xs[k], s, v));
      m->dot_y = CLAMP (m->dot_y, l->y, l->y + l->height);
      _uc_chart_view_snapshot_dot (snapshot, color, x, m->dot_y, 3);
      text = uc_format_value_precise (v, uc_chart_spec_get_value_format (spec));
      m->layout = _uc_chart_view_text_layout (self, theme, 3 + n, text);
      uc_quick_text_get_extents (m->layout, &extent, NULL);
      m->width = extent.width + 2 * _UC_CHART_VIEW_TAG_PAD;
      m->height = extent.height + 2;
      m->color = color;
      n++;
    }
  return n;
}

/* Another chart's day on this one: the line, a dot on each series, and
 * beside the line each value in a small box edged in its series' colour,
 * on the side with room. */
void
_uc_chart_view_snapshot_linked (UcChartView        *self,
                                GtkSnapshot        *snapshot,
                                const UcChartTheme *theme)
{
  const UcChartLayout *l = &self->layout;
  UcChartSpec *spec = _uc_chart_view_shown_spec (self);
  double x = round (uc_chart_layout_x_for_time (l, self->linked_time)) + 0.5;
  Mark marks[MAX_TAGS];
  double widest = 0, left;
  guint n = 0;

  _uc_chart_view_snapshot_line (self, snapshot, theme, x);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec) && uc_chart_spec_get_kind (spec) != UC_CHART_LANES; s++)
    n = add_marks (self, spec, theme, snapshot, x, s, marks, n);
  if (n == 0)
    return;
  for (guint i = 0; i < n; i++)
    widest = MAX (widest, marks[i].width);
  place_marks (marks, n, l->y, l->y + l->height);
  left = x + 8 + widest <= l->x + l->width ? x + 8 : x - 8 - widest;
  for (guint i = 0; i < n; i++)
    {
      Mark *m = &marks[i];
      const UcColor *bg = &theme->background, *edge = m->color;
      GdkRGBA edges = { edge->red, edge->green, edge->blue, 1 };
      graphene_rect_t box = GRAPHENE_RECT_INIT (round (x + 8 <= left ? left : left + widest - m->width), round (m->top),
                                                m->width, m->height);
      GskRoundedRect border;

      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { bg->red, bg->green, bg->blue, 0.9 }, &box);
      gsk_rounded_rect_init_from_rect (&border, &box, 0);
      gtk_snapshot_append_border (snapshot, &border, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { edges, edges, edges, edges });
      _uc_chart_view_snapshot_text (snapshot, m->layout, &theme->foreground, box.origin.x + _UC_CHART_VIEW_TAG_PAD,
                                    box.origin.y + 1);
    }
}

/* The chart's values at @t as plain text, a line per series shown (each
 * named point of a series its own): "Chart title<TAB>Series<TAB>value",
 * the value as the card writes it, with its unit. NULL: none that day,
 * or a chart not on time. */
char *
uc_chart_view_get_values_text (UcChartView *self,
                               UcTime       t)
{
  g_autoptr(GString) text = g_string_new (NULL);
  UcChartSpec *spec;
  const char *title;

  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  if (!_uc_chart_view_on_time (self) || uc_chart_spec_get_kind (self->spec) == UC_CHART_LANES)
    return NULL;
  spec = _uc_chart_view_shown_spec (self);
  title = uc_chart_spec_get_title (spec) ? uc_chart_spec_get_title (spec) : "";
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      const UcTime *xs = uc_series_get_x (series);
      int i = point_of_day (spec, series, t);

      for (int k = i; i >= 0 && !uc_series_get_hidden (series) && k < (int) uc_series_get_length (series) &&
                      xs[k] == xs[i]; k++)
        {
          double v = uc_series_get_y (series)[k];
          const char *point = uc_series_get_point_label (series, (guint) k);
          g_autofree char *value = NULL;

          if (isnan (v))
            continue;
          value = uc_format_value_precise (v, uc_chart_spec_get_value_format (spec));
          g_string_append_printf (text, "%s\t%s%s%s\t%s\n", title, point ? point : "", point ? " · " : "",
                                  uc_series_get_label (series), value);
        }
    }
  return text->len > 0 ? g_strdup (text->str) : NULL;
}
