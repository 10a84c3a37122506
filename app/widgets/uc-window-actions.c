/* uc-window-actions.c: the window's actions
 *
 * Part of UcWindow (see uc-window-private.h). The window's own win.*
 * actions, of the menu, the header bar and the keyboard (show-help-overlay
 * comes with GtkApplicationWindow): those of the class (export, copy, copy-values,
 * base-first-day, show-views, reset-range, find, show-sources, show-range
 * and the range history's back and forward) and those
 * of each window (value-mode and log-scale, see uc-window-controls.c;
 * events-CATEGORY, one per event category; fix-values). Their shortcuts
 * are set with the application's in uc-application.c, where the
 * shortcuts window and the tests read them.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"
#include "uc-range-preset.h"

#include <glib/gi18n.h>
#include <string.h>

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _uc_window_open_export_dialog (UC_WINDOW (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  _uc_window_copy (UC_WINDOW (widget));
}

static void
copy_values_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _uc_window_copy_values (UC_WINDOW (widget));
}

/* Values rebased on the first day shown again, not on a day picked. */
static void
base_first_day_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _uc_window_set_base_date (UC_WINDOW (widget), 0);
}

static void
show_views_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Every chart back to its own range: the time charts to the first time
 * chart's days, a chart on a number axis to its own. */
static void
reset_range_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  UcChartView *first_timed = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    if (uc_chart_view_get_time_range (UC_CHART_VIEW (child)) != self->time_range)
      uc_chart_view_reset_range (UC_CHART_VIEW (child));
    else if (first_timed == NULL)
      first_timed = UC_CHART_VIEW (child);
  if (first_timed)
    uc_chart_view_reset_range (first_timed);
}

/* Ctrl+F: to the filter, in the views that have one. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

/* Ctrl+I: every source, its licence, how current its data are. */
static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  _uc_window_show_sources (UC_WINDOW (widget));
}

/* win.show-range('1m'): a named stretch back from the last day the
 * charts have (uc_range_preset); 'event': around the event last clicked
 * or activated, two weeks before it to a month after. */
static void
show_range_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  UcTime lower, upper, from, to;

  if (g_str_equal (id, "event"))
    {
      if (self->selected_event == 0)
        _uc_window_toast (self, _("Click an event’s marker first (or a row of the events table): this shows the days around it"));
      else
        {
          uc_range_around (self->selected_event, &from, &to);
          uc_time_range_set (self->time_range, from, to);
        }
      return;
    }
  uc_time_range_get_bounds (self->time_range, &lower, &upper);
  if (uc_range_preset (id, lower, upper, &from, &to))
    uc_time_range_set (self->time_range, from, to);
}

/* win.type-range (Ctrl+G): the From and To fields, on the days shown. */
static void
type_range_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (gtk_widget_get_can_target (GTK_WIDGET (self->range_button)))
    gtk_menu_button_popup (self->range_button);
}

/* win.pick-series (Ctrl+K): the header's Series, the list of the
 * chart with the focus (else the first that can pick). */
static void
pick_series_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  guint i = 0;

  if (!uc_series_picker_has_charts (self->series_picker))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    if (gtk_widget_has_focus (child))
      uc_series_picker_set_chart (self->series_picker, i);
  /* In a narrow window the button is not shown: the picker opens in
   * the middle of the window. */
  if (!gtk_widget_get_visible (GTK_WIDGET (self->series_button)))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->series_button), TRUE);
      gtk_menu_button_popup (self->series_button);
      gtk_widget_set_visible (GTK_WIDGET (self->series_button), FALSE);
      return;
    }
  gtk_menu_button_popup (self->series_button);
}

/* A burst of changes (a scroll zoom, a drag) is one step of the history:
 * a change this soon after the last joins it. */
#define RANGE_STEP_USEC (600 * 1000)
#define RANGE_HISTORY_MAX 100

static void
sync_range_actions (UcWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.range-back", self->range_back->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.range-forward", self->range_forward->len > 0);
}

/* The days shown changed: the days shown before go on the back list,
 * unless the change goes back or forward itself. */
static void
on_range_changed (UcWindow *self)
{
  UcTime from, to;
  gint64 now = g_get_monotonic_time ();

  uc_time_range_get (self->time_range, &from, &to);
  if (!self->range_navigating && self->range_shown[1] > self->range_shown[0] &&
      now - self->range_changed_at > RANGE_STEP_USEC)
    {
      g_array_append_vals (self->range_back, self->range_shown, 2);
      if (self->range_back->len > 2 * RANGE_HISTORY_MAX)
        g_array_remove_range (self->range_back, 0, 2);
      g_array_set_size (self->range_forward, 0);
    }
  self->range_changed_at = now;
  self->range_shown[0] = from;
  self->range_shown[1] = to;
  sync_range_actions (self);
}

/* The days shown one step back (@from: the back list) or forward, the
 * days shown now kept on the other list. */
static void
range_step (UcWindow *self,
            GArray   *from,
            GArray   *onto)
{
  UcTime *pair;

  if (from->len < 2)
    return;
  pair = &g_array_index (from, UcTime, from->len - 2);
  g_array_append_vals (onto, self->range_shown, 2);
  self->range_navigating = TRUE;
  uc_time_range_set (self->time_range, pair[0], pair[1]);
  self->range_navigating = FALSE;
  g_array_set_size (from, from->len - 2);
  /* The next change, however soon, is a step of its own. */
  self->range_changed_at = 0;
  sync_range_actions (self);
}

static void
range_back_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  range_step (self, self->range_back, self->range_forward);
}

static void
range_forward_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  range_step (self, self->range_forward, self->range_back);
}

void
_uc_window_init_range_history (UcWindow *self)
{
  self->range_back = g_array_new (FALSE, FALSE, sizeof (UcTime));
  self->range_forward = g_array_new (FALSE, FALSE, sizeof (UcTime));
  g_signal_connect_swapped (self->time_range, "changed", G_CALLBACK (on_range_changed), self);
  _uc_window_clear_range_history (self);
}

/* Another view: its days have a history of their own. */
void
_uc_window_clear_range_history (UcWindow *self)
{
  g_array_set_size (self->range_back, 0);
  g_array_set_size (self->range_forward, 0);
  uc_time_range_get (self->time_range, &self->range_shown[0], &self->range_shown[1]);
  self->range_changed_at = 0;
  sync_range_actions (self);
}

void
_uc_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-range", "s", show_range_action);
  gtk_widget_class_install_action (widget_class, "win.type-range", NULL, type_range_action);
  gtk_widget_class_install_action (widget_class, "win.pick-series", NULL, pick_series_action);
  gtk_widget_class_install_action (widget_class, "win.range-back", NULL, range_back_action);
  gtk_widget_class_install_action (widget_class, "win.range-forward", NULL, range_forward_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.copy-values", NULL, copy_values_action);
  gtk_widget_class_install_action (widget_class, "win.base-first-day", NULL, base_first_day_action);
  gtk_widget_class_install_action (widget_class, "win.show-views", NULL, show_views_action);
  gtk_widget_class_install_action (widget_class, "win.reset-range", NULL, reset_range_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", NULL, show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-table", NULL, _uc_window_show_table_action);
}

/* win.events-CATEGORY: that category's markers on or off, in the
 * settings (which the charts and these actions' states follow). */
static void
toggle_category (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UcWindow *self = user_data;
  const char *category = g_action_get_name (G_ACTION (action)) + strlen ("events-");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-event-categories");
  g_autoptr(GStrvBuilder) next = g_strv_builder_new ();
  gboolean was_hidden = g_strv_contains ((const char * const *) hidden, category);
  g_auto(GStrv) result = NULL;

  for (guint i = 0; hidden[i]; i++)
    if (!g_str_equal (hidden[i], category))
      g_strv_builder_add (next, hidden[i]);
  if (!was_hidden)
    g_strv_builder_add (next, category);
  result = g_strv_builder_end (next);
  g_settings_set_strv (self->settings, "hidden-event-categories", (const char * const *) result);
}

/* Each events-CATEGORY action's state: on unless the settings hide it. */
static void
sync_categories (UcWindow *self)
{
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-event-categories");

  for (int c = 0; c <= UC_EVENT_USER; c++)
    {
      const char *category = uc_event_category_to_string (c);
      g_autofree char *name = g_strdup_printf ("events-%s", category);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

      if (action == NULL)
        continue;
      g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                 g_variant_new_boolean (!g_strv_contains ((const char * const *) hidden, category)));
    }
}

static void
add_category_actions (UcWindow *self)
{
  /* Every category with a switch in the menu: "other" has none. */
  for (int c = 0; c <= UC_EVENT_USER; c++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GSimpleAction) action = NULL;

      if (c == UC_EVENT_OTHER)
        continue;
      name = g_strdup_printf ("events-%s", uc_event_category_to_string (c));
      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));
      g_signal_connect (action, "activate", G_CALLBACK (toggle_category), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
  sync_categories (self);
  g_signal_connect_swapped (self->settings, "changed::hidden-event-categories", G_CALLBACK (sync_categories), self);
}

/* win.fix-values: every chart's value axis held where it is, or freed. */
static void
fix_values_changed (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  UcWindow *self = user_data;

  g_simple_action_set_state (action, state);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    uc_chart_view_set_values_fixed (UC_CHART_VIEW (child), g_variant_get_boolean (state));
}

/* A chart replaced: its held value axis would hold the old chart's, so
 * the action says it is free again (the new chart's axis is). */
void
_uc_window_release_held_axis (UcWindow *self)
{
  GAction *fix = g_action_map_lookup_action (G_ACTION_MAP (self), "fix-values");

  g_simple_action_set_state (G_SIMPLE_ACTION (fix), g_variant_new_boolean (FALSE));
}

void
_uc_window_init_actions (UcWindow *self)
{
  g_autoptr(GSimpleAction) fix = g_simple_action_new_stateful ("fix-values", NULL, g_variant_new_boolean (FALSE));

  _uc_window_init_controls (self);
  add_category_actions (self);
  g_signal_connect (fix, "change-state", G_CALLBACK (fix_values_changed), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (fix));
}
