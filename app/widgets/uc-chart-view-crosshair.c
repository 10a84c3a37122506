/* uc-chart-view-crosshair.c: the chart widget's crosshair
 *
 * Part of UcChartView (see uc-chart-view-private.h). The crosshair stands
 * at the date with data nearest the pointer (or the arrow keys, or a
 * caller): a line, a dot on each series, and a card with the date and
 * every series' value there, and tags on the axes (uc-chart-view-tags.c).
 * It is drawn over the chart's texture as nodes of colour, border and
 * text, so a pointer move redraws only them. The card's box is shared
 * with the lane dots' cards (uc-chart-view-events.c). Its day goes to the
 * other charts of the view through the link they share
 * (uc-chart-view-linked.c).
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-chart-view-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-format.h"
#include "uc-json-writer.h"   /* uc_format_double_shortest */
#include "uc-transform.h"     /* uc_series_point_on_or_before */


/* Whether the chart's x is time: only those share a crosshair's day. */
gboolean
_uc_chart_view_on_time (UcChartView *self)
{
  return self->spec != NULL && uc_chart_spec_get_x_kind (self->spec) == UC_X_TIME;
}

/* Says the crosshair's day to the other charts of the link, or that it went. */
static void
tell_link (UcChartView *self)
{
  if (self->crosshair_link == NULL)
    return;
  if (self->has_cross && _uc_chart_view_on_time (self))
    uc_crosshair_link_set (self->crosshair_link, self, self->cross_time);
  else
    uc_crosshair_link_clear (self->crosshair_link, self);
}

/* @v, series @s's own value, as the chart shows it: rebased or as change,
 * by the factor read off the nearest earlier point both the spec and
 * the shown spec have (the base is a row of the source's own). */
static double
as_shown (UcChartView *self,
          guint        s,
          double       v)
{
  UcChartSpec *shown;
  UcSeries *own, *drawn;
  double offset = self->options.value_mode == UC_VALUE_MODE_PERCENT ? -100 : 0;

  if (self->options.value_mode == UC_VALUE_MODE_AS_IS)
    return v;
  shown = _uc_chart_view_shown_spec (self);
  if (self->spec == NULL || shown == NULL || s >= uc_chart_spec_get_n_series (self->spec) ||
      s >= uc_chart_spec_get_n_series (shown))
    return NAN;
  own = uc_chart_spec_get_series (self->spec, s);
  drawn = uc_chart_spec_get_series (shown, s);
  for (int i = uc_series_find_before (drawn, self->cross_time); i >= 0; i--)
    {
      int j = uc_series_find (own, uc_series_get_x (drawn)[i]);
      double a = j >= 0 ? uc_series_get_y (own)[j] : NAN, b = uc_series_get_y (drawn)[i];

      if (isfinite (a) && a != 0 && isfinite (b))
        return v * ((b - offset) / a) + offset;
    }
  return NAN;
}

/* Series @series's exact value at the crosshair (see has_exact), as the
 * chart shows it; NaN when there is none or the values shown are not the
 * source's own scaled (transformed, stacked). */
double
_uc_chart_view_exact_value (UcChartView *self,
                            guint        series)
{
  if (!self->has_exact || self->exact_time != self->cross_time || series >= self->exact_values->len ||
      self->options.transform != UC_TRANSFORM_NONE || (self->spec && uc_chart_spec_stacks (self->spec)))
    return NAN;
  return as_shown (self, series, g_array_index (self->exact_values, double, series));
}

/* Each series' value at @t as its source has it (@values, @n of them,
 * NaN: none), for the crosshair card at @t: a remote table's rows, where
 * the chart draws only its columns' extremes. */
void
uc_chart_view_set_exact_values (UcChartView  *self,
                                UcTime        t,
                                const double *values,
                                guint         n)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));

  if (self->exact_values == NULL)
    self->exact_values = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_set_size (self->exact_values, 0);
  g_array_append_vals (self->exact_values, values, n);
  self->has_exact = TRUE;
  self->exact_time = t;
  if (self->has_cross && self->cross_time == t)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The date with data nearest @t in any series of the chart. */
gboolean
_uc_chart_view_nearest_time (UcChartView *self,
                             UcTime       t,
                             UcTime      *found)
{
  UcChartSpec *spec = self->spec;
  gboolean any = FALSE;
  UcTime best = 0;

  if (spec == NULL)
    return FALSE;
  /* Bars of periods: the period under the pointer, not the nearest start. */
  if (uc_chart_spec_get_periods (spec))
    for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
      {
        UcSeries *series = uc_chart_spec_get_series (spec, s);
        int i = uc_series_find_before (series, t);
        UcTime start = i >= 0 ? uc_series_get_x (series)[i] : 0;

        if (i >= 0 && t < uc_chart_period_end (start, uc_chart_spec_get_period (spec)) &&
            start >= self->layout.from && start <= self->layout.to && (!any || start > best))
          {
            best = start;
            any = TRUE;
          }
      }
  if (any)
    {
      *found = best;
      return TRUE;
    }
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      const UcTime *x = uc_series_get_x (series);
      int n = (int) uc_series_get_length (series);
      int i = uc_series_find_before (series, t);

      for (int k = MAX (i, 0); k <= MIN (i + 1, n - 1); k++)
        if (x[k] >= self->layout.from && x[k] <= self->layout.to && (!any || llabs (x[k] - t) < llabs (best - t)))
          {
            best = x[k];
            any = TRUE;
          }
    }
  *found = best;
  return any;
}

void
_uc_chart_view_set_cross (UcChartView *self,
                          gboolean     shown,
                          UcTime       t)
{
  if (self->has_cross == shown && (!shown || self->cross_time == t))
    return;
  /* Without the crosshair, the chart is told in words again. */
  if (self->has_cross && !shown)
    _uc_chart_view_describe_later (self);
  self->has_cross = shown;
  self->cross_time = t;
  /* Only the overlay changes: the chart's texture stays. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  tell_link (self);
}

/* Puts the crosshair at the date with data nearest @t (FALSE: hides it),
 * as the pointer would. */
void
uc_chart_view_set_crosshair (UcChartView *self,
                             gboolean     shown,
                             UcTime       t)
{
  UcTime found;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (shown && _uc_chart_view_nearest_time (self, t, &found))
    _uc_chart_view_set_cross (self, TRUE, found);
  else
    _uc_chart_view_set_cross (self, FALSE, 0);
}

/* Where the crosshair is, when it is shown. */
gboolean
uc_chart_view_get_crosshair (UcChartView *self,
                             UcTime      *t)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  if (self->has_cross && t)
    *t = self->cross_time;
  return self->has_cross;
}

/* The crosshair card's heading: its day ("Mon 27 Jan 2025"), or on a
 * number axis its unit and number ("day +3", "day −2"); NULL when the
 * crosshair is not shown. */
char *
uc_chart_view_get_crosshair_label (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);

  if (!self->has_cross || self->spec == NULL)
    return NULL;
  if (uc_chart_spec_get_x_kind (self->spec) == UC_X_NUMBER)
    {
      double v = uc_x_to_number (self->cross_time);
      g_autofree char *number = uc_format_double_shortest (fabs (v));
      const char *sign = v < 0 ? "−" : v > 0 && uc_chart_spec_get_x_signed (self->spec) ? "+" : "";
      const char *unit = uc_chart_spec_get_x_unit (self->spec);

      return unit && *unit ? g_strdup_printf ("%s %s%s", unit, sign, number) : g_strdup_printf ("%s%s", sign, number);
    }
  if (uc_chart_spec_get_periods (self->spec))
    {
      g_autofree char *name = uc_format_period_name (self->cross_time, uc_chart_spec_get_period (self->spec));

      /* Translators: a period the data covers only part of, e.g. "Q3 2026 (partial)" */
      return uc_chart_spec_period_is_partial (self->spec, self->cross_time) ? g_strdup_printf (_("%s (partial)"), name)
                                                                           : g_steal_pointer (&name);
    }
  /* A point within a day (a table of minutes) has its time, as the axis's tag. */
  if (self->cross_time % UC_USEC_PER_DAY != 0)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (self->cross_time / G_USEC_PER_SEC);

      /* Translators: a time axis label, see g_date_time_format(); e.g. "27 Jan 2025 14:30" */
      return dt ? g_date_time_format (dt, C_("time axis", "%-d %b %Y %H:%M")) : g_strdup ("");
    }
  return uc_format_day (self->cross_time);
}

/* A card's text laid out in the widget's font, and the size of its box.
 * The widget keeps the layout (only one card is shown at a time), laid
 * out again only when the text changes. */
PangoLayout *
_uc_chart_view_card_layout (UcChartView *self,
                            const char  *markup,
                            double      *width,
                            double      *height)
{
  PangoRectangle extent;

  if (self->card_layout == NULL)
    self->card_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  if (g_strcmp0 (self->card_markup, markup) != 0)
    {
      g_free (self->card_markup);
      self->card_markup = g_strdup (markup);
      pango_layout_set_markup (self->card_layout, markup, -1);
    }
  pango_layout_get_pixel_extents (self->card_layout, NULL, &extent);
  *width = extent.width + 2 * _UC_CHART_VIEW_CARD_PAD;
  *height = extent.height + 2 * _UC_CHART_VIEW_CARD_PAD;
  return self->card_layout;
}

/* A card's box at (@x, @y), @width × @height: the chart's background and
 * a faint border, as nodes (no pixels drawn here per move). */
void
_uc_chart_view_snapshot_card_box (GtkSnapshot        *snapshot,
                                  const UcChartTheme *theme,
                                  double              x,
                                  double              y,
                                  double              width,
                                  double              height,
                                  double              border_alpha)
{
  const UcColor *bg = &theme->background, *fg = &theme->foreground;
  GdkRGBA edge = { fg->red, fg->green, fg->blue, border_alpha };
  graphene_rect_t box = GRAPHENE_RECT_INIT (round (x), round (y), width + 1, height + 1);
  GskRoundedRect border;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { bg->red, bg->green, bg->blue, 1 }, &box);
  gsk_rounded_rect_init_from_rect (&border, &box, 0);
  gtk_snapshot_append_border (snapshot, &border, (float[4]) { 1, 1, 1, 1 }, (GdkRGBA[4]) { edge, edge, edge, edge });
}

/* A card at (@x, @y): its box, then the text of @layout. */
void
_uc_chart_view_snapshot_card (GtkSnapshot        *snapshot,
                              const UcChartTheme *theme,
                              PangoLayout        *layout,
                              double              x,
                              double              y,
                              double              border_alpha)
{
  const UcColor *fg = &theme->foreground;
  PangoRectangle extent;

  pango_layout_get_pixel_extents (layout, NULL, &extent);
  _uc_chart_view_snapshot_card_box (snapshot, theme, x, y, extent.width + 2 * _UC_CHART_VIEW_CARD_PAD,
                                    extent.height + 2 * _UC_CHART_VIEW_CARD_PAD, border_alpha);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (round (x) + _UC_CHART_VIEW_CARD_PAD, round (y) + _UC_CHART_VIEW_CARD_PAD));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { fg->red, fg->green, fg->blue, 1 });
  gtk_snapshot_restore (snapshot);
}

/* The crosshair being drawn: the dots go on @snapshot (NULL: the card's
 * text only), the card as markup into @card and, when drawn, in columns
 * into @cols. */
typedef struct
{
  UcChartView         *self;
  UcChartSpec         *spec;    /* as shown */
  const UcChartTheme  *theme;
  GtkSnapshot         *snapshot;
  GString             *card;
  double               x;
  gboolean             any_day;     /* a row has the day's change */
  gboolean             any_since;   /* a row has the change since the base */
  UcTime               base_day;    /* the day of the base's value, 0: none found */
  UcCrossCard         *cols;        /* NULL: not drawn */
} Crosshair;

/* The day values are rebased on: the one set, else the first day shown. */
static UcTime
effective_base (UcChartView *self)
{
  UcTime from, to;

  if (self->options.base != 0)
    return self->options.base;
  if (self->time_range)
    uc_time_range_get (self->time_range, &from, &to);
  else
    uc_chart_spec_get_range (self->spec, &from, &to);
  return from;
}

/* A change as a signed percentage with enough digits to read: −16.97%. */
static char *
format_change (double fraction)
{
  g_autofree char *pct = uc_format_value_precise (100 * fraction, UC_VALUE_PERCENT);

  return fraction > 0 ? g_strconcat ("+", pct, NULL) : g_steal_pointer (&pct);
}

/* The line at the date, as a node of colour. */
void
_uc_chart_view_snapshot_line (UcChartView        *self,
                              GtkSnapshot        *snapshot,
                              const UcChartTheme *theme,
                              double              x)
{
  const UcChartLayout *l = &self->layout;
  const UcColor *fg = &theme->foreground;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { fg->red, fg->green, fg->blue, 0.45 },
                             &GRAPHENE_RECT_INIT (x - 0.5, l->y, 1, l->height));
}

/* A dot of @radius at (@x, @y): a round clip of colour, no pixels of our own. */
void
_uc_chart_view_snapshot_dot (GtkSnapshot   *snapshot,
                             const UcColor *color,
                             double         x,
                             double         y,
                             double         radius)
{
  GskRoundedRect dot;

  gsk_rounded_rect_init_from_rect (&dot, &GRAPHENE_RECT_INIT (x - radius, y - radius, 2 * radius, 2 * radius), radius);
  gtk_snapshot_push_rounded_clip (snapshot, &dot);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { color->red, color->green, color->blue, 1 }, &dot.bounds);
  gtk_snapshot_pop (snapshot);
}

/* A dot on the line at value @v of a series drawn on @sl, kept in the plot. */
static void
add_dot (Crosshair           *c,
         const UcChartLayout *sl,
         const UcColor       *color,
         double               v)
{
  const UcChartLayout *l = &c->self->layout;

  if (c->snapshot != NULL)
    _uc_chart_view_snapshot_dot (c->snapshot, color, c->x,
                                 CLAMP (uc_chart_layout_y_for_value (sl, v), l->y, l->y + l->height), 3.5);
}

/* A row of the card: the series' colour, @label (markup) and value @v. */
static void
add_row (Crosshair     *c,
         const UcColor *color,
         const char    *label,
         double         v)
{
  g_autofree char *value = uc_format_value_precise (v, uc_chart_spec_get_value_format (c->spec));

  /* The row's dot is drawn beside the text, not written as "●": that
   * glyph sent pango to a fallback font at every move. */
  if (c->cols)
    _uc_cross_card_add_row (c->cols, color, label, value);
  g_string_append_printf (c->card, "\n%s  <b>%s</b>", label, value);
}

/* Named points (a model's price): every point of that day, by name. */
static void
add_points (Crosshair           *c,
            UcSeries            *series,
            int                  i,
            const UcColor       *color,
            const UcChartLayout *sl)
{
  const UcTime *xs = uc_series_get_x (series);
  int first = i, n = (int) uc_series_get_length (series);
  g_autofree char *group = g_markup_escape_text (uc_series_get_label (series), -1);

  while (first > 0 && xs[first - 1] == xs[i])
    first--;
  for (int k = first; k < n && xs[k] == xs[i]; k++)
    {
      const char *point = uc_series_get_point_label (series, (guint) k);
      double pv = uc_series_get_y (series)[k];
      g_autofree char *point_name = point ? g_markup_escape_text (point, -1) : NULL;
      g_autofree char *label = NULL;

      if (isnan (pv))
        continue;
      label = g_strdup_printf ("%s%s%s", point_name ? point_name : "", point_name ? " · " : "", group);
      add_dot (c, sl, color, pv);
      add_row (c, color, label, pv);
    }
}

/* And how far the series moved on the day (from its previous value) and,
 * for values as they are, since the base day's close: the base a rebase
 * would use, named in the card's last line. */
static void
add_changes (Crosshair *c,
             UcSeries  *series,
             int        i,
             double     v)
{
  UcChartView *self = c->self;
  UcValueMode mode = self->options.value_mode;
  UcTime day = uc_series_get_x (series)[i], base_day;
  double then;

  if (!uc_chart_view_can_transform (self))
    return;
  /* A day's move in a mean, a return or a drawdown is no news: only the
   * base a rebased mean is on is named. */
  if (uc_chart_spec_get_transform (c->spec) != UC_TRANSFORM_NONE)
    {
      if (c->base_day == 0 && uc_series_point_on_or_before (series, effective_base (self), &then, &base_day))
        c->base_day = base_day;
      return;
    }
  /* On the shown values: an index keeps ratios, a change since the base
   * keeps them once 100 is added back. */
  if (uc_series_point_on_or_before (series, day - 1, &then, &base_day))
    {
      double shift = mode == UC_VALUE_MODE_PERCENT ? 100 : 0;

      if (then + shift > 0 && v + shift >= 0)
        {
          g_autofree char *change = format_change ((v + shift) / (then + shift) - 1);

          g_string_append_printf (c->card, "  %s", change);
          if (c->cols)
            _uc_cross_card_set_changes (c->cols, change, NULL);
          c->any_day = TRUE;
        }
    }
  if (uc_series_point_on_or_before (series, effective_base (self), &then, &base_day) && c->base_day == 0)
    c->base_day = base_day;
  if (mode == UC_VALUE_MODE_AS_IS && c->base_day != 0 && day > c->base_day &&
      uc_series_point_on_or_before (series, effective_base (self), &then, &base_day) && then > 0)
    {
      g_autofree char *change = format_change (v / then - 1);

      g_string_append_printf (c->card, "  <span alpha=\"70%%\">%s</span>", change);
      if (c->cols)
        _uc_cross_card_set_changes (c->cols, NULL, change);
      c->any_since = TRUE;
    }
}

/* Where series @s's value @v is drawn: on a stacked chart, the top of its
 * segment (the layers below it added), else @v itself. */
double
_uc_chart_view_stacked_top (UcChartSpec *spec,
                            UcTime       t,
                            guint        s,
                            double       v)
{
  if (!uc_chart_spec_stacks (spec))
    return v;
  for (guint k = 0; k < s; k++)
    {
      UcSeries *below = uc_chart_spec_get_series (spec, k);
      int j = uc_series_find (below, t);

      if (j >= 0 && !uc_series_get_hidden (below) && isfinite (uc_series_get_y (below)[j]))
        v += uc_series_get_y (below)[j];
    }
  return v;
}

/* Series @s at the crosshair's date: its dot and row, if it has a value. */
static void
add_series (Crosshair *c,
            guint      s)
{
  UcSeries *series = uc_chart_spec_get_series (c->spec, s);
  UcChartLayout sl = uc_chart_layout_for_series (&c->self->layout, series);
  int i = uc_series_find (series, c->self->cross_time);
  const UcColor *color = uc_chart_theme_series_color (c->theme, series, s);
  g_autofree char *name = NULL;
  double v = _uc_chart_view_exact_value (c->self, s);

  /* The source's own row then, not a column's extreme drawn near it. */
  if (!isnan (v) && !uc_series_get_hidden (series))
    {
      add_dot (c, &sl, color, v);
      name = g_markup_escape_text (uc_series_get_label (series), -1);
      add_row (c, color, name, v);
      return;
    }
  if (i < 0 || uc_series_get_hidden (series) || isnan (v = uc_series_get_y (series)[i]))
    return;
  if (uc_series_has_point_labels (series))
    {
      add_points (c, series, i, color, &sl);
      return;
    }
  add_dot (c, &sl, color, _uc_chart_view_stacked_top (c->spec, c->self->cross_time, s, v));
  name = g_markup_escape_text (uc_series_get_label (series), -1);
  add_row (c, color, name, v);
  add_changes (c, series, i, v);
}

/* A line under the rows (markup, taken): a note or an event. */
static void
append_line (Crosshair *c,
             char      *markup)
{
  g_string_append_printf (c->card, "\n%s", markup);
  if (c->cols)
    _uc_cross_card_add_footer (c->cols, markup);
  g_free (markup);
}

/* What transformed values are, named; a mean is in the values' unit,
 * so its base, if rebased, follows. NULL when not transformed. */
static char *
transform_note (Crosshair  *c,
                const char *day)
{
  UcTransform transform = uc_chart_spec_get_transform (c->spec);
  g_autofree char *note = NULL;

  switch (transform)
    {
    case UC_TRANSFORM_RETURNS:
      return g_strdup (_("Change from the value before, in percent"));
    case UC_TRANSFORM_DRAWDOWN:
      return g_strdup (_("Below the highest value so far, in percent"));
    case UC_TRANSFORM_MEAN_7:
    case UC_TRANSFORM_MEAN_30:
    case UC_TRANSFORM_MEAN_90:
      note = g_strdup_printf (_("Mean of the values of the %d days to this one"),
                              transform == UC_TRANSFORM_MEAN_7 ? 7 : transform == UC_TRANSFORM_MEAN_30 ? 30 : 90);
      if (c->self->options.value_mode == UC_VALUE_MODE_AS_IS || day == NULL)
        return g_steal_pointer (&note);
      return c->self->options.value_mode == UC_VALUE_MODE_REBASED ? g_strdup_printf (_("%s; 100 = %s close"), note, day)
                                                                  : g_strdup_printf (_("%s; 0%% = %s close"), note, day);
    case UC_TRANSFORM_NONE:
    default:
      return NULL;
    }
}

/* What the percentages are measured from, named: the day's change is from
 * the previous close, the second figure (or the index) from the base's. */
static void
add_base_note (Crosshair *c)
{
  g_autofree char *day = c->base_day ? uc_format_day (c->base_day) : NULL;
  g_autofree char *note = transform_note (c, day), *escaped = NULL;

  if (note == NULL)
    switch (c->self->options.value_mode)
      {
      case UC_VALUE_MODE_REBASED:
        note = day && c->any_day ? g_strdup_printf (_("100 = %s close; change on the day"), day)
             : day ? g_strdup_printf (_("100 = %s close"), day) : NULL;
        break;
      case UC_VALUE_MODE_PERCENT:
        note = day && c->any_day ? g_strdup_printf (_("0%% = %s close; change on the day"), day)
             : day ? g_strdup_printf (_("0%% = %s close"), day) : NULL;
        break;
      case UC_VALUE_MODE_AS_IS:
      default:
        note = c->any_since ? g_strdup_printf (_("Change on the day, then since the %s close"), day)
             : c->any_day ? g_strdup (_("Change on the day")) : NULL;
        break;
      }
  if (note == NULL)
    return;
  escaped = g_markup_escape_text (note, -1);
  append_line (c, g_strdup_printf ("<span alpha=\"70%%\" size=\"small\">%s</span>", escaped));
}

/* The events of the crosshair's day (or period), by their full titles:
 * a crowded chart may show their markers unnamed ("+N unnamed"). */
static void
add_events (Crosshair *c)
{
  UcChartView *self = c->self;
  UcTime from = self->cross_time, to;

  to = uc_chart_spec_get_periods (self->spec) ? uc_chart_period_end (from, uc_chart_spec_get_period (self->spec))
                                               : from + UC_USEC_PER_DAY;
  for (guint i = 0; i < uc_chart_spec_get_n_events (c->spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (c->spec, i);
      const UcColor *color = &c->theme->events[uc_event_get_category (event)];
      g_autofree char *title = NULL;

      if (uc_event_get_time (event) < from || uc_event_get_time (event) >= to)
        continue;
      title = g_markup_escape_text (uc_event_get_title (event), -1);
      append_line (c, g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">┆</span> %s", (int) (color->red * 255),
                                       (int) (color->green * 255), (int) (color->blue * 255), title));
    }
}

/* The card's rows, and the dots on @snapshot when it is not NULL. */
static void
build_card (UcChartView        *self,
            const UcChartTheme *theme,
            GtkSnapshot        *snapshot,
            double              x,
            GString            *card,
            UcCrossCard        *cols)
{
  g_autofree char *heading = uc_chart_view_get_crosshair_label (self);
  g_autofree char *day = g_markup_escape_text (heading ? heading : "", -1);
  Crosshair c = { self, _uc_chart_view_shown_spec (self), theme, snapshot, card, x, FALSE, FALSE, 0, cols };

  g_string_append_printf (card, "<b>%s</b>", day);
  if (cols)
    _uc_cross_card_begin (cols, heading ? heading : "");
  for (guint s = 0; s < uc_chart_spec_get_n_series (c.spec); s++)
    add_series (&c, s);
  add_base_note (&c);
  add_events (&c);
}

/* The crosshair card's text as Pango markup (NULL: no crosshair): what a
 * reader sees beside the line, for tests and assistive technologies. */
char *
uc_chart_view_get_crosshair_card (UcChartView *self)
{
  GString *card;

  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  if (!self->has_cross || self->spec == NULL)
    return NULL;
  card = g_string_new (NULL);
  build_card (self, uc_chart_theme_light (), NULL, 0, card, NULL);
  return g_string_free (card, FALSE);
}

/* The crosshair's x: its date's, or the middle of its period's bar. */
static double
crosshair_x (UcChartView *self)
{
  double x = uc_chart_layout_x_for_time (&self->layout, self->cross_time);

  if (self->spec && uc_chart_spec_get_periods (self->spec))
    x = (x + uc_chart_layout_x_for_time (&self->layout, uc_chart_period_end (self->cross_time,
                                                                             uc_chart_spec_get_period (self->spec)))) / 2;
  return x;
}

/* The crosshair: the line's column, then the card beside the line, on the
 * side with room, then its tags on the axes. */
void
_uc_chart_view_snapshot_crosshair (UcChartView        *self,
                                   GtkSnapshot        *snapshot,
                                   const UcChartTheme *theme,
                                   int                 width)
{
  g_autoptr(GString) card = g_string_new (NULL);
  double x = round (crosshair_x (self)) + 0.5;

  if (self->cross_card == NULL)
    self->cross_card = _uc_cross_card_new (GTK_WIDGET (self));
  _uc_chart_view_snapshot_line (self, snapshot, theme, x);
  build_card (self, theme, snapshot, x, card, self->cross_card);
  _uc_cross_card_snapshot (self->cross_card, GTK_WIDGET (self), snapshot, theme, x, self->layout.y + 8, width);
  _uc_chart_view_snapshot_axis_tags (self, snapshot, theme, x, width);
}
