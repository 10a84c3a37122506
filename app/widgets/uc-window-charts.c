/* uc-window-charts.c: the charts of the view shown
 *
 * Part of UcWindow (see uc-window-private.h). Every chart of a view, one
 * under the other: the time charts share one stretch of time whose
 * bounds take in all their data (the overview strip and the subtitle
 * follow it); a chart on a number axis keeps a range of its own. The
 * header bar's controls act on them: the view's variant, the filter
 * words, the base day (picked in the calendar, or the last event clicked)
 * and the options from the settings (value mode, log axis, categories).
 */
#include "config.h"

#include "uc-window.h"
#include "uc-format.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-stack-split.h"

/* The stretch of a chart and its data: what its range may show. */
static void
chart_extent (UcChartSpec *spec,
              UcTime      *lower,
              UcTime      *upper)
{
  UcTime from, to;

  uc_chart_spec_get_range (spec, &from, &to);
  *lower = MIN (*lower, from);
  *upper = MAX (*upper, to);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      guint n = uc_series_get_length (series);

      if (n > 0)
        {
          *lower = MIN (*lower, uc_series_get_x (series)[0]);
          *upper = MAX (*upper, uc_series_get_x (series)[n - 1]);
        }
    }
}

/* A chart on a number axis ("trading days from an event") does not share
 * the time charts' range: it zooms and pans a range of its own, bounded
 * by its data, down to a hundredth of that. */
static UcTimeRange *
own_range (UcChartSpec *spec)
{
  UcTimeRange *range = uc_time_range_new ();
  UcTime lower = G_MAXINT64, upper = G_MININT64, from, to;

  chart_extent (spec, &lower, &upper);
  uc_chart_spec_get_range (spec, &from, &to);
  uc_time_range_set_min_span (range, MAX ((upper - lower) / 100, 1));
  uc_time_range_set_bounds (range, lower, upper);
  uc_time_range_set (range, from, to);
  return range;
}

/* The first chart on time, whose days the others share; NULL when every
 * chart is on a number axis. */
static UcChartSpec *
first_time_chart (UcView *view)
{
  for (guint i = 0; i < uc_view_get_n_charts (view); i++)
    if (uc_chart_spec_get_x_kind (uc_view_get_chart (view, i)) == UC_X_TIME)
      return uc_view_get_chart (view, i);
  return NULL;
}

/* Series hidden by legend clicks stay hidden in the chart that replaces
 * their chart (narrowed by words, or another variant). */
static void
carry_hidden (UcChartSpec *from,
              UcChartSpec *to)
{
  for (guint i = 0; from && i < uc_chart_spec_get_n_series (to); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (to, i);
      UcSeries *before = uc_chart_spec_find_series (from, uc_series_get_id (series));

      if (before)
        uc_series_set_hidden (series, uc_series_get_hidden (before));
    }
}

/* The options from the settings and the base day, on every chart that
 * can take them; the toggles then say what the charts show. */
void
_uc_window_apply_options (UcWindow *self)
{
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  gboolean any_values = FALSE, any_axis = FALSE, any_transform = FALSE;
  UcTime own_base = 0;

  _uc_window_chart_options (self, &options);
  options.base = self->base_date;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      UcChartView *chart = UC_CHART_VIEW (child);

      /* The first view still loading: nothing to ask yet. */
      if (uc_chart_view_get_spec (chart) == NULL)
        continue;
      uc_chart_view_set_options (chart, &options);
      any_axis = any_axis || uc_chart_spec_can_be_log (uc_chart_view_get_spec (chart));
      any_values = any_values || uc_chart_view_can_transform (chart);
      any_transform = any_transform || uc_chart_view_can_take_transform (chart);
      own_base = own_base ? own_base : uc_chart_view_get_own_base (chart);
    }
  _uc_window_sync_controls (self, any_values, own_base != 0, any_axis, any_transform);
}

/* The day values are rebased on (0: the first day shown). */
void
_uc_window_set_base_date (UcWindow *self,
                          UcTime    base)
{
  self->base_date = base;
  _uc_window_apply_options (self);
}

/* Chart @i of the view narrowed to @words, in place of @chart's spec
 * when that changes; the series hidden stay hidden. */
static void
filter_chart (UcWindow    *self,
              UcChartView *chart,
              guint        i,
              const char  *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_filter_chart (self->view, i, words, &error);

  if (spec == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not filter the chart: %s"), error->message);

      _uc_window_toast (self, message);
    }
  else if (spec != uc_chart_view_get_spec (chart))
    {
      carry_hidden (uc_chart_view_get_spec (chart), spec);
      uc_chart_view_set_spec (chart, spec);
      _uc_window_release_held_axis (self);
    }
}

/* The filter's words, on every chart of the view: lanes show the events
 * that match, counts of model releases count the releases that match. */
static void
on_filter_changed (UcWindow *self)
{
  const char *words = gtk_editable_get_text (self->filter_entry);
  guint i = 0;

  /* The user's series beside the first chart were added to the chart
   * built before. */
  _uc_window_add_user_series (self, self->view);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      if (self->view && i < uc_view_get_n_charts (self->view))
        filter_chart (self, UC_CHART_VIEW (child), i, words);
      uc_chart_view_set_event_filter (UC_CHART_VIEW (child), words);
    }
}

/* A day picked in the calendar becomes the day values are rebased on;
 * values shown as they are switch to rebased, which is what picking a
 * base day asks for. */
static void
on_base_day_selected (UcWindow    *self,
                      GtkCalendar *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *mode = g_settings_get_string (self->settings, "value-mode");

  self->base_date = uc_time_from_ymd (g_date_time_get_year (day), g_date_time_get_month (day),
                                      g_date_time_get_day_of_month (day));
  if (g_str_equal (mode, "as-is"))
    g_settings_set_string (self->settings, "value-mode", "rebased");
  _uc_window_apply_options (self);
}

/* The calendar opens on the day values are rebased on now (when none was
 * picked, a chart's own day, else the first day shown), not on today,
 * years after the data. */
static void
on_base_popover_show (UcWindow *self)
{
  UcTime from, to, base = self->base_date;
  g_autoptr(GDateTime) day = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child && base == 0;
       child = gtk_widget_get_next_sibling (child))
    base = uc_chart_view_get_own_base (UC_CHART_VIEW (child));
  if (base == 0)
    {
      uc_time_range_get (self->time_range, &from, &to);
      base = from;
    }
  day = g_date_time_new_from_unix_utc (base / G_USEC_PER_SEC);
  g_signal_handlers_block_by_func (self->base_calendar, on_base_day_selected, self);
  gtk_calendar_select_day (self->base_calendar, day);
  g_signal_handlers_unblock_by_func (self->base_calendar, on_base_day_selected, self);
}

/* The divider as the user leaves it, kept for the next time the list is
 * shown (not while it is hidden: the position is then 0). */
static void
on_event_paned_moved (UcWindow *self)
{
  int width = gtk_paned_get_position (self->event_paned), least, largest;

  /* The pane moves the divider itself to either end of its reach when
   * the window narrows: not the user's choice either. */
  g_object_get (self->event_paned, "min-position", &least, "max-position", &largest, NULL);
  if (!self->fitting_event_list && width > least && width < largest && width >= 240 &&
      gtk_widget_get_visible (GTK_WIDGET (self->event_list)) &&
      width != g_settings_get_int (self->settings, "event-list-width"))
    g_settings_set_int (self->settings, "event-list-width", width);
}

/* The list as wide as the user left it, but no more than two fifths of
 * the pane: in a narrow window the chart keeps priority. */
static void
fit_event_list (UcWindow *self)
{
  int total = gtk_widget_get_width (GTK_WIDGET (self->event_paned));
  int want = g_settings_get_int (self->settings, "event-list-width"), least;

  if (total > 0)
    want = MIN (want, MAX (240, total * 2 / 5));
  g_object_get (self->event_paned, "min-position", &least, NULL);
  want = MAX (want, least);
  if (gtk_paned_get_position (self->event_paned) == want)
    return;
  self->fitting_event_list = TRUE;
  gtk_paned_set_position (self->event_paned, want);
  self->fitting_event_list = FALSE;
}

static gboolean
fit_event_list_idle (gpointer data)
{
  UcWindow *self = data;

  self->event_list_fit_queued = FALSE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->event_list)))
    fit_event_list (self);
  return G_SOURCE_REMOVE;
}

/* The pane was given a new width (its largest position follows it): the
 * list is fitted again once the allocation is done. */
static void
on_event_paned_resized (UcWindow *self)
{
  if (self->event_list_fit_queued || !gtk_widget_get_visible (GTK_WIDGET (self->event_list)))
    return;
  self->event_list_fit_queued = TRUE;
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_event_list_idle, g_object_ref (self), g_object_unref);
}

/* The header: the view as title, the days shown as subtitle (the view's
 * name in the subtitle left no room for the days at 1024 px). */
static void
update_subtitle (UcWindow *self)
{
  const char *title = self->view ? uc_view_get_title (self->view) : NULL;
  UcTime from, to;
  g_autofree char *fa = NULL, *fb = NULL, *subtitle = NULL;
  gboolean has_days;

  adw_window_title_set_title (self->window_title, title ? title : _("Undercut"));
  /* Only charts on number axes: no days to tell, or to type. */
  has_days = self->view != NULL && first_time_chart (self->view) != NULL;
  gtk_widget_set_can_target (GTK_WIDGET (self->range_button), has_days);
  gtk_widget_set_focusable (GTK_WIDGET (self->range_button), has_days);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->range_button), has_days ? _("Type the Days to Show (Ctrl+G)") : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.type-range", has_days);
  if (!has_days)
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }
  uc_time_range_get (self->time_range, &from, &to);
  fa = uc_format_day (from);
  fb = uc_format_day (to);
  subtitle = g_strdup_printf ("%s – %s", fa, fb);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* An event clicked on a chart becomes the base values are rebased on: the
 * last close before it, so a rebase shows the event's own move (on the
 * crash day itself, 100 would hide the crash). */
static void
on_event_clicked (UcWindow    *self,
                  UcEvent     *event,
                  UcChartView *chart)
{
  self->selected_event = uc_event_get_time (event);
  _uc_window_set_base_date (self, uc_event_get_time (event) - 1);
}

/* The view's charts were built again (another variant, series picked):
 * each chart view shows its new chart, with the user's series added, on
 * the same days, with the same filter and the same series hidden. */
static void
show_rebuilt_charts (UcWindow *self)
{
  guint i = 0;

  /* The user's series beside the first chart were added to the chart
   * built before. */
  _uc_window_add_user_series (self, self->view);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    if (i < uc_view_get_n_charts (self->view))
      {
        carry_hidden (uc_chart_view_get_spec (UC_CHART_VIEW (child)), uc_view_get_chart (self->view, i));
        uc_chart_view_set_spec (UC_CHART_VIEW (child), uc_view_get_chart (self->view, i));
      }
  _uc_window_release_held_axis (self);
  uc_overview_set_spec (self->overview, first_time_chart (self->view));
  on_filter_changed (self);
  _uc_window_apply_options (self);
}

/* Another variant of the view: every chart built again, on the same days,
 * with the same filter. */
static void
on_variant_selected (UcWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint index = gtk_drop_down_get_selected (self->variant_dropdown);

  if (self->view == NULL || index >= uc_view_get_n_variants (self->view))
    return;
  if (!uc_view_set_variant (self->view, uc_view_get_variant_id (self->view, index), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not show the view: %s"), error->message);

      _uc_window_toast (self, message);
      /* The menu says what is shown. */
      g_signal_handlers_block_by_func (self->variant_dropdown, on_variant_selected, self);
      gtk_drop_down_set_selected (self->variant_dropdown, uc_view_get_variant (self->view));
      g_signal_handlers_unblock_by_func (self->variant_dropdown, on_variant_selected, self);
      return;
    }
  _uc_window_remember_variant (self);
  show_rebuilt_charts (self);
}

/* The series of a chart picked (the header's Series): it is drawn
 * again, and the pick kept for the next time. */
void
_uc_window_on_series_picked (UcWindow *self,
                             guint     chart)
{
  _uc_window_remember_picks (self);
  show_rebuilt_charts (self);
}

/* The view's variants ("Price": output, input, blended) in the header,
 * the one shown selected. */
static void
show_variants (UcWindow *self,
               UcView   *view)
{
  guint n = uc_view_get_n_variants (view);
  g_autofree const char **labels = g_new0 (const char *, n + 1);
  const char *label = uc_view_get_variants_label (view);

  for (guint i = 0; i < n; i++)
    labels[i] = uc_view_get_variant_label (view, i);
  g_signal_handlers_block_by_func (self->variant_dropdown, on_variant_selected, self);
  gtk_string_list_splice (self->variant_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->variant_labels)),
                          labels);
  gtk_drop_down_set_selected (self->variant_dropdown, uc_view_get_variant (view));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->variant_dropdown), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->variant_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label ? label : "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->variant_dropdown), n > 0);
  g_signal_handlers_unblock_by_func (self->variant_dropdown, on_variant_selected, self);
}

/* A chart found the room its axis labels need: every chart of the view
 * takes the widest, so their plots share one x and a date lines up. */
static void
on_plot_insets_changed (UcWindow *self)
{
  double left = 0, right = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); c; c = gtk_widget_get_next_sibling (c))
    {
      double l, r;

      if (UC_IS_CHART_VIEW (c) && uc_chart_view_get_natural_insets (UC_CHART_VIEW (c), &l, &r))
        {
          left = MAX (left, l);
          right = MAX (right, r);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); c; c = gtk_widget_get_next_sibling (c))
    if (UC_IS_CHART_VIEW (c))
      uc_chart_view_set_plot_insets (UC_CHART_VIEW (c), left, right);
}

/* The widget for chart @i: the template's first one (the tests and
 * export hold it), else a new one below the others. */
static UcChartView *
chart_widget (UcWindow *self,
              guint     i)
{
  UcChartView *chart;

  if (i == 0)
    return self->chart_view;
  chart = UC_CHART_VIEW (uc_chart_view_new ());
  uc_chart_view_set_crosshair_link (chart, self->crosshair_link);
  g_signal_connect_swapped (chart, "event-clicked", G_CALLBACK (on_event_clicked), self);
  g_signal_connect_swapped (chart, "plot-insets-changed", G_CALLBACK (on_plot_insets_changed), self);
  _uc_window_connect_chart_annotations (self, chart);
  gtk_widget_set_hexpand (GTK_WIDGET (chart), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
  gtk_box_append (self->charts, GTK_WIDGET (chart));
  return chart;
}

/* A widget for every chart of @view, on the shared range or, on a number
 * axis, one of its own; the stretch the time charts' data takes in,
 * widened to @lower and @upper. */
static void
place_charts (UcWindow *self,
              UcView   *view,
              UcTime   *lower,
              UcTime   *upper)
{
  GtkWidget *child;
  gboolean shared;

  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->chart_view))) != NULL)
    gtk_box_remove (self->charts, child);
  for (guint i = 0; i < uc_view_get_n_charts (view); i++)
    {
      UcChartSpec *spec = uc_view_get_chart (view, i);
      UcChartView *chart = chart_widget (self, i);

      if (uc_chart_spec_get_x_kind (spec) == UC_X_TIME)
        chart_extent (spec, lower, upper);
      uc_chart_view_set_spec (chart, spec);
      if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
        {
          g_autoptr(UcTimeRange) own = own_range (spec);

          uc_chart_view_set_time_range (chart, own);
        }
      else
        uc_chart_view_set_time_range (chart, self->time_range);
      /* A summary chart stays short (see UcChartsLayout); the others share
       * the rest of the height, the first the larger share. The least
       * heights are the ones exports assume (uc_stack_min_height), so they
       * share a height alike. */
      gtk_widget_set_vexpand (GTK_WIDGET (chart), !uc_view_get_chart_compact (view, i));
      gtk_widget_set_size_request (GTK_WIDGET (chart), -1, uc_stack_min_height (uc_view_get_chart_compact (view, i)));
    }
  /* A source every chart names is printed once, under the last. */
  {
    g_autoptr(GPtrArray) specs = g_ptr_array_new ();

    for (guint i = 0; i < uc_view_get_n_charts (view); i++)
      g_ptr_array_add (specs, uc_view_get_chart (view, i));
    shared = uc_chart_specs_shared_source ((UcChartSpec **) specs->pdata, specs->len) != NULL;
  }
  for (child = GTK_WIDGET (self->chart_view); child != NULL; child = gtk_widget_get_next_sibling (child))
    uc_chart_view_set_show_source (UC_CHART_VIEW (child), !shared || gtk_widget_get_next_sibling (child) == NULL);
}

/* The shared range on the first time chart's days, bounded by @lower and
 * @upper; the overview strip shows that chart. */
static void
share_range (UcWindow *self,
             UcView   *view,
             UcTime    lower,
             UcTime    upper)
{
  UcChartSpec *timed = first_time_chart (view);
  UcTime from, to;

  if (timed)
    {
      uc_chart_spec_get_range (timed, &from, &to);
      uc_time_range_set_bounds (self->time_range, lower, upper);
      uc_time_range_set (self->time_range, from, to);
    }
  uc_overview_set_time_range (self->overview, self->time_range);
  update_subtitle (self);
  uc_overview_set_spec (self->overview, timed);
}

/* Every chart of @view (read already: from the resources, a file, or made
 * in memory), one under the other. The time charts share one stretch of
 * time whose bounds take in all their data; a chart on a number axis
 * keeps a range of its own. */
void
uc_window_set_view (UcWindow *self,
                    UcView   *view)
{
  UcTime lower = G_MAXINT64, upper = G_MININT64;

  g_return_if_fail (UC_IS_WINDOW (self));
  g_return_if_fail (UC_IS_VIEW (view));

  g_set_object (&self->view, view);
  self->base_date = 0;
  self->selected_event = 0;
  _uc_window_fill_events (self);
  place_charts (self, view, &lower, &upper);
  share_range (self, view, lower, upper);
  _uc_window_clear_range_history (self);

  /* The sidebar shows which view this is; the header, what it offers. */
  _uc_window_select_shown (self);
  gtk_widget_set_visible (GTK_WIDGET (self->event_list), uc_view_get_event_list (view));
  if (uc_view_get_event_list (view))
    fit_event_list (self);
  gtk_editable_set_text (self->filter_entry, "");
  _uc_window_release_held_axis (self);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_entry), uc_view_get_event_filter (view));
  show_variants (self, view);
  uc_series_picker_set_view (self->series_picker, view);
  _uc_window_sync_series_button (self);
  _uc_window_apply_options (self);
  _uc_window_sync_remote (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* The header bar's controls and the first chart, on this file's handlers. */
void
_uc_window_init_charts (UcWindow *self)
{
  /* Every chart of the view marks the day pointed at in any of them. */
  uc_chart_view_set_crosshair_link (self->chart_view, self->crosshair_link);
  g_signal_connect_swapped (self->chart_view, "event-clicked", G_CALLBACK (on_event_clicked), self);
  g_signal_connect_swapped (self->chart_view, "plot-insets-changed", G_CALLBACK (on_plot_insets_changed), self);
  _uc_window_connect_chart_annotations (self, self->chart_view);
  g_signal_connect_swapped (self->filter_entry, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->event_paned, "notify::position", G_CALLBACK (on_event_paned_moved), self);
  g_signal_connect_swapped (self->event_paned, "notify::max-position", G_CALLBACK (on_event_paned_resized), self);
  g_signal_connect_swapped (self->base_calendar, "day-selected", G_CALLBACK (on_base_day_selected), self);
  g_signal_connect_swapped (self->variant_dropdown, "notify::selected", G_CALLBACK (on_variant_selected), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->base_button), "show",
                            G_CALLBACK (on_base_popover_show), self);
  g_signal_connect_swapped (self->time_range, "changed", G_CALLBACK (update_subtitle), self);
}

struct _UcWindowKept
{
  GPtrArray *specs;          /* the charts shown: their hidden series */
  GPtrArray *hidden;         /* or, from a saved state, per chart a GStrv of the series hidden (NULL: none) */
  char      *filter;
  UcTime     base;
  gboolean   zoomed;         /* the days shown were not the view's own */
  UcTime     from, to;
  UcTime     upper;          /* the end of the data then */
};

void
_uc_window_kept_free (UcWindowKept *kept)
{
  if (kept == NULL)
    return;
  g_ptr_array_unref (kept->specs);
  g_clear_pointer (&kept->hidden, g_ptr_array_unref);
  g_free (kept->filter);
  g_free (kept);
}

/* What the view shown shows, for it to show again once its data are
 * loaded again: the series hidden, the filter, the base day, the days. */
UcWindowKept *
_uc_window_keep_shown (UcWindow *self)
{
  UcWindowKept *kept = g_new0 (UcWindowKept, 1);
  UcChartSpec *timed = self->view ? first_time_chart (self->view) : NULL;
  UcTime own_from = 0, own_to = 0, lower;

  kept->specs = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    if (uc_chart_view_get_spec (UC_CHART_VIEW (child)))
      g_ptr_array_add (kept->specs, g_object_ref (uc_chart_view_get_spec (UC_CHART_VIEW (child))));
  kept->filter = g_strdup (gtk_editable_get_text (self->filter_entry));
  kept->base = self->base_date;
  uc_time_range_get (self->time_range, &kept->from, &kept->to);
  uc_time_range_get_bounds (self->time_range, &lower, &kept->upper);
  if (timed)
    uc_chart_spec_get_range (timed, &own_from, &own_to);
  kept->zoomed = timed && (kept->from != own_from || kept->to != own_to);
  return kept;
}

/* What a saved state shows, to show once its view is loaded: as if the
 * view had shown it before. */
UcWindowKept *
_uc_window_kept_from_state (const UcViewState *state)
{
  UcWindowKept *kept = g_new0 (UcWindowKept, 1);
  guint n = state->hidden ? state->hidden->len : 0;

  kept->specs = g_ptr_array_new_with_free_func (g_object_unref);
  kept->hidden = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (kept->hidden, g_strdupv ((char **) uc_view_state_get_hidden (state, i)));
  kept->filter = g_strdup (state->filter);
  kept->base = state->base;
  kept->zoomed = state->has_range;
  kept->from = state->from;
  kept->to = state->to;
  /* The days saved are shown as saved, even where the data now reach further. */
  kept->upper = G_MAXINT64;
  return kept;
}

/* The series hidden before stay hidden in @view's charts built again. */
void
_uc_window_carry_hidden (UcWindowKept *kept,
                         UcView       *view)
{
  for (guint i = 0; i < kept->specs->len && i < uc_view_get_n_charts (view); i++)
    carry_hidden (g_ptr_array_index (kept->specs, i), uc_view_get_chart (view, i));
  for (guint i = 0; kept->hidden && i < uc_view_get_n_charts (view); i++)
    {
      UcChartSpec *spec = uc_view_get_chart (view, i);
      char **ids = i < kept->hidden->len ? g_ptr_array_index (kept->hidden, i) : NULL;

      for (guint k = 0; k < uc_chart_spec_get_n_series (spec); k++)
        {
          UcSeries *series = uc_chart_spec_get_series (spec, k);

          uc_series_set_hidden (series, ids && g_strv_contains ((const char * const *) ids, uc_series_get_id (series)));
        }
    }
}

/* The filter, the base day and, if the user had moved them, the days
 * shown, back on the view shown with its new data. Days that reached the
 * end of the data reach its new end. */
void
_uc_window_restore_shown (UcWindow     *self,
                          UcWindowKept *kept)
{
  UcTime lower, upper;

  if (kept->filter && *kept->filter)
    gtk_editable_set_text (self->filter_entry, kept->filter);
  _uc_window_set_base_date (self, kept->base);
  if (!kept->zoomed)
    return;
  uc_time_range_get_bounds (self->time_range, &lower, &upper);
  uc_time_range_set (self->time_range, kept->from, kept->to >= kept->upper ? upper : kept->to);
}
