/* test-controls.c: the window's controls do what they show
 *
 * Chart keys wherever the focus is (but in text entries), the Log toggle
 * on every view, the value-mode buttons as the charts really are, the
 * base-day calendar, drags that start on an event line, a source link
 * that cannot be opened, the header and the shortcuts window's words.
 */
#include "config.h"

#include "uc-test-display.h"

#include <adwaita.h>

#include "uc-application.h"
#include "uc-window.h"
#include "uc-range-popover.h"
#include "uc-series-choice.h"
#include "uc-series-picker.h"
#include "uc-range-preset.h"
#include "uc-time-range.h"
#include "uc-chart-theme.h"
#include "uc-export.h"

#include <glib/gstdio.h>

#include <math.h>
#include <string.h>

static gboolean have_display;

static gboolean
layout_ready (gpointer data)
{
  UcChartLayout layout;

  return uc_chart_view_get_layout (uc_window_get_chart_view (data), &layout);
}

static const char *view_wanted;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), view_wanted) == 0;
}

static void
show_view (UcApplication *app,
           UcWindow      *window,
           const char    *id)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string (id));
  view_wanted = id;
  uc_test_iterate_until (view_shown, window);
  uc_test_iterate_until (layout_ready, window);
}

/* The first shown widget of @type under @widget. */
static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_is_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The window's application, on a bus name of its own (@name), and its window. */
static UcWindow *
open_window (UcApplication **app,
             const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%s.%s", APP_ID, name);

  *app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (*app), id);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  return UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
}

/* A key pressed in the window as its chart-keys controller gets it on the
 * way down to the focus: whether it took it. */
static gboolean
press_window_key (UcWindow *window,
                  guint     keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          g_strcmp0 (gtk_event_controller_get_name (controller), "uc-chart-keys") != 0)
        continue;
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window), NULL);
        }
    }
  g_error ("no chart key %s on the window", gdk_keyval_name (keyval));
  return FALSE;
}

/* After a click in the sidebar, the chart keys still reach the chart: End
 * goes to the end of the data (not to the last view), + zooms, 0 goes
 * back, Left moves the crosshair. In the filter entry, keys are typed. */
static void
test_keys_after_sidebar (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  UcChartView *chart;
  GtkWidget *list, *row, *entry;
  UcTimeRange *range;
  UcTime own_from, own_to, lower, upper, from, to;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "KeysTest");
  show_view (app, window, "deepseek-shock");
  chart = uc_window_get_chart_view (window);
  range = uc_window_get_time_range (window);
  uc_time_range_get (range, &own_from, &own_to);
  uc_time_range_get_bounds (range, &lower, &upper);

  /* The sidebar's list has the focus, as after a click on it. */
  list = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX);
  row = GTK_WIDGET (gtk_list_box_get_selected_row (GTK_LIST_BOX (list)));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), list) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == list);

  g_assert_true (press_window_key (window, GDK_KEY_End));
  g_assert_cmpstr (uc_window_get_view_id (window), ==, "deepseek-shock");
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (to, ==, upper);
  g_assert_true (press_window_key (window, GDK_KEY_0));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, own_from);
  g_assert_cmpint (to, ==, own_to);
  g_assert_true (press_window_key (window, GDK_KEY_plus));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (to - from, <, own_to - own_from);
  g_assert_true (press_window_key (window, GDK_KEY_Home));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, lower);
  g_assert_true (press_window_key (window, GDK_KEY_0));
  g_assert_false (uc_chart_view_get_crosshair (chart, NULL));
  g_assert_true (press_window_key (window, GDK_KEY_Left));
  g_assert_true (uc_chart_view_get_crosshair (chart, NULL));

  /* A click on a view in the sidebar gives its chart the focus. */
  g_signal_emit_by_name (list, "row-activated", row);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == GTK_WIDGET (chart));

  /* Typing in the filter entry: the keys are the entry's. */
  show_view (app, window, "model-releases");
  entry = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  uc_time_range_get (range, &own_from, &own_to);
  g_assert_false (press_window_key (window, GDK_KEY_plus));
  g_assert_false (press_window_key (window, GDK_KEY_End));
  g_assert_false (press_window_key (window, GDK_KEY_Left));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, own_from);
  g_assert_cmpint (to, ==, own_to);

  gtk_window_close (GTK_WINDOW (window));
}

/* The button of win.value-mode(@mode) in the header. */
static GtkWidget *
find_mode_button (GtkWidget  *widget,
                  const char *mode)
{
  if (GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.value-mode") == 0 &&
      g_str_equal (g_variant_get_string (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)), NULL), mode))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mode_button (child, mode);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
log_state (UcWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "log-scale");

  return g_variant_get_boolean (state);
}

static char *
mode_state (UcWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "value-mode");

  return g_variant_dup_string (state, NULL);
}

/* Log on Pricing pressure (logarithmic by itself) makes it linear, and
 * back; on another view it makes it logarithmic. Each view keeps its own. */
static void
test_log_every_view (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  UcChartView *chart;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "LogTest");
  chart = uc_window_get_chart_view (window);

  show_view (app, window, "pricing");
  g_assert_true (log_state (window));
  g_assert_true (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "log-scale", NULL);
  g_assert_false (log_state (window));
  g_assert_false (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));

  /* Another view: its own axis (linear), which Log makes logarithmic. */
  show_view (app, window, "deepseek-shock");
  g_assert_false (log_state (window));
  g_assert_false (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "log-scale", NULL);
  g_assert_true (log_state (window));
  g_assert_true (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));

  /* Pricing is still linear, as chosen; Log again: logarithmic, its own. */
  show_view (app, window, "pricing");
  g_assert_false (log_state (window));
  g_assert_false (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "log-scale", NULL);
  g_assert_true (log_state (window));
  g_assert_true (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));

  /* Lanes and bars have no axis that can be logarithmic: Log is off and says why. */
  show_view (app, window, "model-releases");
  g_assert_false (log_state (window));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "log-scale"));

  show_view (app, window, "deepseek-shock");
  g_assert_true (log_state (window));
  g_action_group_activate_action (G_ACTION_GROUP (window), "log-scale", NULL);
  g_assert_false (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (chart)));
  gtk_window_close (GTK_WINDOW (window));
}

/* The value-mode buttons show what the charts show, and are insensitive
 * with a reason where their mode cannot apply; hidden on views where no
 * mode ever can. */
static void
test_value_mode_states (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autofree char *mode = NULL;
  UcWindow *window;
  GtkWidget *as_is, *rebased, *percent;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "ModeTest");
  as_is = find_mode_button (GTK_WIDGET (window), "as-is");
  rebased = find_mode_button (GTK_WIDGET (window), "rebased");
  percent = find_mode_button (GTK_WIDGET (window), "percent");
  g_assert_nonnull (as_is);
  g_assert_nonnull (rebased);
  g_assert_nonnull (percent);

  /* Market caps: any mode; rebased is shown rebased. */
  show_view (app, window, "deepseek-shock");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "value-mode"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("rebased"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rebased)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (as_is)));
  g_assert_true (gtk_widget_is_sensitive (as_is) && gtk_widget_is_sensitive (percent));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (rebased)));

  /* Prices of single models cannot be rebased: "$" pressed, as they are, and none can be chosen. */
  show_view (app, window, "pricing");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "value-mode"));
  g_assert_cmpstr ((mode = mode_state (window)), ==, "as-is");
  g_clear_pointer (&mode, g_free);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (as_is)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rebased)));
  g_assert_false (gtk_widget_is_sensitive (rebased));
  g_assert_nonnull (strstr ((const char *) g_object_get_data (G_OBJECT (rebased), "uc-tooltip"), "Nothing in this view can be rebased"));
  /* …and, never applying there, they leave the header's room to the days shown. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (rebased)));

  /* Back on market caps: rebased, as asked. */
  show_view (app, window, "deepseek-shock");
  g_assert_cmpstr ((mode = mode_state (window)), ==, "rebased");
  g_clear_pointer (&mode, g_free);
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("as-is"));

  /* Hardware & EVs rebases by itself: "100" pressed, never "$". */
  show_view (app, window, "hardware-evs");
  g_assert_cmpstr ((mode = mode_state (window)), ==, "rebased");
  g_clear_pointer (&mode, g_free);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (rebased)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (as_is)));
  g_assert_false (gtk_widget_is_sensitive (as_is));
  g_assert_true (gtk_widget_is_sensitive (rebased) && gtk_widget_is_sensitive (percent));
  g_assert_nonnull (strstr ((const char *) g_object_get_data (G_OBJECT (as_is), "uc-tooltip"), "rebased on a day of their own"));
  gtk_window_close (GTK_WINDOW (window));
}

/* The header's menu button whose popover holds the base-day calendar. */
static GtkMenuButton *
find_base_button (GtkWidget     *widget,
                  GtkCalendar  **calendar)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)))
    {
      GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)));
      GtkWidget *box = gtk_popover_get_child (GTK_POPOVER (popover));
      GtkWidget *first = box ? gtk_widget_get_first_child (box) : NULL;

      if (first && GTK_IS_CALENDAR (first))
        {
          *calendar = GTK_CALENDAR (first);
          return GTK_MENU_BUTTON (widget);
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_base_button (child, calendar);

      if (found)
        return found;
    }
  return NULL;
}

static UcTime
calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);

  return uc_time_from_ymd (g_date_time_get_year (day), g_date_time_get_month (day), g_date_time_get_day_of_month (day));
}

/* Hardware & EVs, rebased on 14 March 2025 by itself: the calendar opens
 * there, and a day picked rebases every line on it; % is the change since
 * that day. */
static void
test_base_calendar_rebases (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GDateTime) pick = g_date_time_new_utc (2025, 4, 1, 0, 0, 0);
  UcWindow *window;
  UcChartView *chart;
  GtkCalendar *calendar = NULL;
  GtkMenuButton *button;
  UcChartSpec *shown;
  UcTime april = uc_time_from_ymd (2025, 4, 1);
  guint at_100 = 0;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "BaseTest");
  chart = uc_window_get_chart_view (window);
  show_view (app, window, "hardware-evs");
  button = find_base_button (GTK_WIDGET (window), &calendar);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  g_assert_cmpint (calendar_day (calendar), ==, uc_time_from_ymd (2025, 3, 14));
  gtk_calendar_select_day (calendar, pick);
  gtk_menu_button_popdown (button);

  shown = uc_chart_view_get_shown_spec (chart);
  g_assert_cmpint (uc_chart_spec_get_value_format (shown), ==, UC_VALUE_INDEX);
  g_assert_cmpint (uc_chart_spec_get_base (shown), ==, april);
  for (guint i = 0; i < uc_chart_spec_get_n_series (shown); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (shown, i);
      int k = uc_series_find (series, april);

      if (k >= 0)
        {
          g_assert_cmpfloat (fabs (uc_series_get_y (series)[k] - 100), <, 1e-9);
          at_100++;
        }
    }
  g_assert_cmpuint (at_100, >, 2);
  /* Opened again: on the day picked. */
  gtk_menu_button_popup (button);
  g_assert_cmpint (calendar_day (calendar), ==, april);
  gtk_menu_button_popdown (button);

  /* %: the change since that day. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("percent"));
  shown = uc_chart_view_get_shown_spec (chart);
  g_assert_cmpint (uc_chart_spec_get_value_format (shown), ==, UC_VALUE_PERCENT);
  g_assert_cmpint (uc_chart_spec_get_base (shown), ==, april);
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("as-is"));
  gtk_window_close (GTK_WINDOW (window));
}

/* A widget under @widget: a button of label @label, or a label with
 * @label in its text. */
static GtkWidget *
find_labelled (GtkWidget  *widget,
               GType       type,
               const char *label)
{
  if (GTK_IS_BUTTON (widget) && type == GTK_TYPE_BUTTON &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  if (GTK_IS_LABEL (widget) && type == GTK_TYPE_LABEL && strstr (gtk_label_get_text (GTK_LABEL (widget)), label))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labelled (child, type, label);

      if (found)
        return found;
    }
  return NULL;
}

static GtkWidget *toast_root;

static gboolean
open_failed_told (gpointer data)
{
  return find_labelled (toast_root, GTK_TYPE_LABEL, "Could not open the source") != NULL;
}

/* The chart's controller of @type. */
static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget holds it */
    }
  g_error ("no %s on the chart", g_type_name (type));
  return NULL;
}

static gboolean
popover_shown (GtkWidget *chart)
{
  for (GtkWidget *child = gtk_widget_get_first_child (chart); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && gtk_widget_get_visible (child))
      return TRUE;
  return FALSE;
}

static void
count_clicked (guint *n)
{
  (*n)++;
}

static guint draws_before;

static gboolean
drawn_again (gpointer data)
{
  return uc_chart_view_get_draw_count (uc_window_get_chart_view (data)) > draws_before;
}

/* A press on the crash's marker line, then a move of 40 px and a release,
 * as the chart's gestures get them: the days move, no popover opens. A
 * press and a release in place: the popover, and the window told. */
static void
test_drag_from_event_line (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  UcChartView *chart;
  GtkEventController *click, *drag;
  UcChartLayout layout;
  UcTime crash = uc_time_from_ymd (2025, 1, 27), from, to, moved_from, moved_to;
  double x, y;
  guint clicked = 0;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "DragTest");
  show_view (app, window, "deepseek-shock");
  chart = uc_window_get_chart_view (window);
  g_signal_connect_swapped (chart, "event-clicked", G_CALLBACK (count_clicked), &clicked);
  click = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_CLICK);
  drag = find_controller (GTK_WIDGET (chart), GTK_TYPE_GESTURE_DRAG);
  g_assert_true (uc_chart_view_get_layout (chart, &layout));
  x = round (uc_chart_layout_x_for_time (&layout, crash)) + 0.5;
  y = layout.y + layout.height / 2;
  uc_time_range_get (uc_window_get_time_range (window), &from, &to);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 20.0, 0.0);
  g_signal_emit_by_name (drag, "drag-update", 40.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 40.0, 0.0);
  g_signal_emit_by_name (click, "released", 1, x + 40, y);
  uc_time_range_get (uc_window_get_time_range (window), &moved_from, &moved_to);
  g_assert_cmpint (moved_from, <, from);
  g_assert_cmpint (moved_to - moved_from, ==, to - from);
  g_assert_false (popover_shown (GTK_WIDGET (chart)));
  g_assert_cmpuint (clicked, ==, 0);

  /* Back, drawn again; a click on the line: its popover. */
  uc_time_range_set (uc_window_get_time_range (window), from, to);
  draws_before = uc_chart_view_get_draw_count (chart);
  uc_test_iterate_until (drawn_again, window);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-update", 1.0, 1.0);
  g_signal_emit_by_name (drag, "drag-end", 1.0, 1.0);
  g_signal_emit_by_name (click, "released", 1, x + 1, y + 1);
  g_assert_cmpuint (clicked, ==, 1);
  g_assert_true (popover_shown (GTK_WIDGET (chart)));

  /* Its source: the address shown, Copy Link copies it, and where no
   * program opens web addresses, Open Source says so. */
  {
    GtkWidget *open = find_labelled (GTK_WIDGET (chart), GTK_TYPE_BUTTON, "_Open Source");
    GtkWidget *copy = find_labelled (GTK_WIDGET (chart), GTK_TYPE_BUTTON, "_Copy Link");
    GdkContentProvider *content;
    g_auto(GValue) value = G_VALUE_INIT;
    g_autoptr(GAppInfo) browser = g_app_info_get_default_for_uri_scheme ("https");

    g_assert_nonnull (open);
    g_assert_nonnull (copy);
    g_assert_nonnull (find_labelled (GTK_WIDGET (chart), GTK_TYPE_LABEL, "https://"));
    g_signal_emit_by_name (copy, "clicked");
    content = gdk_clipboard_get_content (gtk_widget_get_clipboard (GTK_WIDGET (chart)));
    g_assert_nonnull (content);
    g_value_init (&value, G_TYPE_STRING);
    g_assert_true (gdk_content_provider_get_value (content, &value, NULL));
    g_assert_true (g_str_has_prefix (g_value_get_string (&value), "https://"));
    g_assert_nonnull (find_labelled (GTK_WIDGET (window), GTK_TYPE_LABEL, "Link copied"));
    if (browser == NULL)
      {
        g_signal_emit_by_name (open, "clicked");
        toast_root = GTK_WIDGET (window);
        uc_test_iterate_until (open_failed_told, window);
      }
    else
      g_test_message ("a program opens web addresses here: the failure is not tried");
  }
  gtk_window_close (GTK_WINDOW (window));
}

/* The first button under @widget of action @name. */
static GtkWidget *
find_actionable (GtkWidget  *widget,
                 const char *name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_actionable (child, name);

      if (found)
        return found;
    }
  return NULL;
}

/* Every label's text under @widget, one a line. */
static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The reset-zoom button is no "1" badge, and says what it does; the
 * shortcuts window names keys as people read them. */
static void
test_header_and_shortcut_words (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);
  UcWindow *window;
  GtkWidget *reset;
  GtkShortcutsWindow *overlay;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "WordsTest");
  show_view (app, window, "deepseek-shock");
  reset = find_actionable (GTK_WIDGET (window), "win.reset-range");
  g_assert_nonnull (reset);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (reset)), !=, "zoom-original-symbolic");
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (reset)),
                                          gtk_button_get_icon_name (GTK_BUTTON (reset))));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (reset), "Reset Zoom"));

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  collect_labels (GTK_WIDGET (overlay), texts);
  g_assert_nonnull (strstr (texts->str, "Page Up\n"));
  g_assert_null (strstr (texts->str, "Page_Up"));
  g_assert_null (strstr (texts->str, "Page_Down"));
  gtk_window_close (GTK_WINDOW (window));
}

/* The header title showing @title, or NULL. */
static GtkWidget *
find_window_title (GtkWidget  *widget,
                   const char *title)
{
  if (ADW_IS_WINDOW_TITLE (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_window_title (child, title);

      if (found)
        return found;
    }
  return NULL;
}

/* The label under @widget showing @text, or NULL. */
static GtkLabel *
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = find_label_text (child, text);

      if (found)
        return found;
    }
  return NULL;
}

static int width_wanted, height_wanted;

/* A few frames' worth of the main loop: the header laid out again after
 * the sidebar folded and buttons left it. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Laid out at the size asked for (its content: 1014×690 on a window of
 * 1024×700 without a window manager). */
static gboolean
window_is_wanted_size (gpointer data)
{
  int w = gtk_widget_get_width (data);

  return w > width_wanted - 24 && w <= width_wanted && gtk_widget_get_height (data) <= height_wanted;
}

/* At @width × @height the header names each view and shows its days in
 * full: nothing of the range is cut to "31…". */
static void
check_header_days (int         width,
                   int         height,
                   const char *bus_name)
{
  const char *views[] = { "deepseek-shock", "hardware-evs", "model-releases", "pricing", "events" };
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  UcWindow *window;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  window = open_window (&app, bus_name);
  width_wanted = width;
  height_wanted = height;
  uc_test_iterate_until (window_is_wanted_size, window);
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkWidget *title;
      GtkLabel *days, *name;

      show_view (app, window, views[i]);
      settle ();
      title = find_window_title (GTK_WIDGET (window),
                                 uc_view_get_title (uc_view_catalog_find (uc_window_get_views (window), views[i], NULL)));
      g_assert_nonnull (title);
      name = find_label_text (title, adw_window_title_get_title (ADW_WINDOW_TITLE (title)));
      g_assert_nonnull (name);
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (name)));
      if (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)) == NULL)
        continue;
      days = find_label_text (title, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)));
      g_assert_nonnull (days);
      g_assert_nonnull (strstr (gtk_label_get_text (days), " – "));
      g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (days)));
    }
  gtk_window_close (GTK_WINDOW (window));
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

static void
test_header_days_at_1024 (void)
{
  check_header_days (1024, 700, "HeaderTest");
}

/* A narrow window folds the sidebar away, and Export and Reset Zoom (in
 * the menu too) leave the header's room to the name and days. */
static void
test_header_days_at_700 (void)
{
  check_header_days (700, 560, "NarrowHeaderTest");
}

static GtkWidget *
find_primary_menu (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu (child);

      if (found)
        return found;
    }
  return NULL;
}

/* Each event category's menu item under @model (sections walked) checked
 * against the one name the category has; how many were found. */
static guint
check_category_items (GMenuModel *model)
{
  guint found = 0;

  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *action = NULL, *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (section)
        found += check_category_items (section);
      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action) &&
          g_str_has_prefix (action, "win.events-") &&
          g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        {
          UcEventCategory c = uc_event_category_from_string (action + strlen ("win.events-"));

          g_assert_cmpint (c, !=, UC_EVENT_OTHER);
          g_assert_cmpstr (label, ==, uc_event_category_get_name (c));
          found++;
        }
    }
  return found;
}

/* One name per event category: the menu's switches, the events list's
 * menu and lane titles all say "Model releases", never "Models" or
 * "Model Releases". */
static void
test_category_names (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  GtkWidget *menu_button, *dropdown;
  GListModel *names;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "CategoryTest");
  menu_button = find_primary_menu (GTK_WIDGET (window));
  g_assert_nonnull (menu_button);
  g_assert_cmpuint (check_category_items (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button))), ==, 6);

  show_view (app, window, "events");
  dropdown = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN);
  g_assert_nonnull (dropdown);
  names = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (int c = UC_EVENT_MODEL_RELEASE; c <= UC_EVENT_USER; c++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), c + 1), ==, uc_event_category_get_name (c));
  gtk_window_close (GTK_WINDOW (window));
}

static gboolean
list_gave_way (gpointer paned)
{
  int width = gtk_widget_get_width (paned), least;

  /* Two fifths, or the least the list's columns take. */
  g_object_get (paned, "min-position", &least, NULL);
  return width > 0 && width < 700 && gtk_paned_get_position (paned) < 300 &&
         gtk_paned_get_position (paned) <= MAX (width * 2 / 5, least);
}

static gboolean
list_back (gpointer paned)
{
  return gtk_widget_get_width (paned) > 900 && gtk_paned_get_position (paned) == 300;
}

/* The Events view's list sits in a pane the user can drag; the width they
 * leave is kept and given back the next time the list is shown. */
static void
test_event_list_pane (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GSettings) settings = NULL;
  UcWindow *window;
  GtkWidget *paned;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  settings = g_settings_new (APP_ID);
  window = open_window (&app, "PaneTest");
  show_view (app, window, "events");
  paned = find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_PANED);
  g_assert_nonnull (paned);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), ==, g_settings_get_int (settings, "event-list-width"));
  gtk_paned_set_position (GTK_PANED (paned), 300);
  g_assert_cmpint (g_settings_get_int (settings, "event-list-width"), ==, 300);

  show_view (app, window, "deepseek-shock");
  g_assert_cmpint (g_settings_get_int (settings, "event-list-width"), ==, 300);
  show_view (app, window, "events");
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), ==, 300);

  /* In a narrow window the list gives way (two fifths of the pane at
   * most), and takes its width back when the window widens; what the
   * user chose stays chosen. */
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  uc_test_iterate_until (list_gave_way, paned);
  g_assert_cmpint (gtk_paned_get_position (GTK_PANED (paned)), >=, 240);
  g_assert_cmpint (g_settings_get_int (settings, "event-list-width"), ==, 300);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 800);
  uc_test_iterate_until (list_back, paned);
  g_assert_cmpint (g_settings_get_int (settings, "event-list-width"), ==, 300);
  gtk_window_close (GTK_WINDOW (window));
  g_settings_reset (settings, "event-list-width");
}

/* Named stretches of days (Alt+1…7, the main menu's Show) and a history
 * of the days shown, Back and Forward (Alt+Left, Alt+Right). */
static void
test_range_presets_history (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  UcTimeRange *range;
  UcTime lower, upper, from, to, was_from, was_to, month_from, month_to;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "RangeTest");
  show_view (app, window, "deepseek-shock");
  range = uc_window_get_time_range (window);
  uc_time_range_get_bounds (range, &lower, &upper);
  uc_time_range_get (range, &was_from, &was_to);
  /* Nothing to go back to yet. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.range-back", NULL);
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, was_from);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-range", "s", "1m"));
  g_assert_true (uc_range_preset ("1m", lower, upper, &month_from, &month_to));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, month_from);
  g_assert_cmpint (to, ==, month_to);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-back", NULL));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, was_from);
  g_assert_cmpint (to, ==, was_to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-forward", NULL));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, month_from);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-range", "s", "all"));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, lower);
  g_assert_cmpint (to, ==, upper);
  /* Going back twice: the month, then the view's own days. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-back", NULL));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, month_from);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-back", NULL));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, was_from);

  /* Around the event: none clicked yet, the days stay (a toast says why);
   * after a click on the crash's marker, two weeks before to a month after. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-range", "s", "event"));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, was_from);
  {
    UcTime crash = uc_time_from_ymd (2025, 1, 27);
    g_autoptr(UcEvent) event = uc_event_new (crash, "DeepSeek shock", UC_EVENT_MARKET);

    g_signal_emit_by_name (uc_window_get_chart_view (window), "event-clicked", event);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-range", "s", "event"));
    uc_time_range_get (range, &from, &to);
    g_assert_cmpint (from, ==, crash - 14 * UC_USEC_PER_DAY);
    g_assert_cmpint (to, ==, crash + 31 * UC_USEC_PER_DAY);
  }
  gtk_window_close (GTK_WINDOW (window));
}

static gboolean
range_popover_shown (gpointer data)
{
  return find_widget_of_type (data, UC_TYPE_RANGE_POPOVER) != NULL;
}

/* From and To typed (Ctrl+G): whole days, months, the window's own way
 * of writing days; a wrong day marks its field and changes nothing. */
static void
test_range_typed (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  UcTimeRange *range;
  GtkWidget *popover, *from_entry, *to_entry, *error_label;
  UcTime from, to, was_from, was_to;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "RangeTyped");
  show_view (app, window, "deepseek-shock");
  range = uc_window_get_time_range (window);
  uc_time_range_get (range, &was_from, &was_to);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.type-range", NULL));
  uc_test_iterate_until (range_popover_shown, window);
  popover = find_widget_of_type (GTK_WIDGET (window), UC_TYPE_RANGE_POPOVER);
  from_entry = find_widget_of_type (popover, GTK_TYPE_ENTRY);
  to_entry = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (from_entry));
  g_assert_true (GTK_IS_ENTRY (to_entry));
  /* The fields open on the days shown, the first one focused. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from_entry)), ==, "2024-12-02");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to_entry)), ==, "2025-03-31");
  g_assert_true (gtk_widget_is_focus (from_entry) || gtk_widget_has_focus (from_entry) ||
                 gtk_widget_get_focus_child (from_entry) != NULL);

  gtk_editable_set_text (GTK_EDITABLE (from_entry), "2025-01");
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "2025-13");
  g_signal_emit_by_name (to_entry, "activate");
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, was_from);
  g_assert_cmpint (to, ==, was_to);
  g_assert_true (gtk_widget_has_css_class (to_entry, "error"));
  g_assert_false (gtk_widget_has_css_class (from_entry, "error"));
  error_label = GTK_WIDGET (find_label_text (popover, "“2025-13” is not a day: type one as 2025-01-27, 2025-01 or 2025"));
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_visible (popover));

  /* Typing again clears the mark; a month as To is its last day. */
  gtk_editable_set_text (GTK_EDITABLE (to_entry), "27 Feb 2025");
  g_assert_false (gtk_widget_has_css_class (to_entry, "error"));
  g_signal_emit_by_name (to_entry, "activate");
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, uc_time_from_ymd (2025, 1, 1));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 2, 27));
  g_assert_false (gtk_widget_get_visible (popover));
  /* A step of the history like any other. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.range-back", NULL));
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, was_from);
  g_assert_cmpint (to, ==, was_to);
  gtk_window_close (GTK_WINDOW (window));
}

static gboolean
picker_shown (gpointer data)
{
  return find_widget_of_type (data, UC_TYPE_SERIES_PICKER) != NULL;
}

static gboolean
list_narrowed (gpointer data)
{
  return g_list_model_get_n_items (data) < 13;
}

static gboolean
list_widened (gpointer data)
{
  return g_list_model_get_n_items (data) == 13;
}

/* The series a chart shows picked (Ctrl+K): the search narrows the list,
 * a check adds a series to the chart at once and is kept for the next
 * window, the last series cannot be unchecked, and the view's own come
 * back with one button. */
static void
test_pick_series (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) picks = NULL;
  g_autofree const char **kept = NULL;
  UcWindow *window;
  GtkWidget *picker, *search;
  GListModel *shown;
  UcChartSpec *chart;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  g_settings_reset (settings, "picked-series");
  window = open_window (&app, "PickTest");
  show_view (app, window, "deepseek-shock");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-series", NULL));
  uc_test_iterate_until (picker_shown, window);
  picker = find_widget_of_type (GTK_WIDGET (window), UC_TYPE_SERIES_PICKER);
  search = find_widget_of_type (picker, GTK_TYPE_SEARCH_ENTRY);
  shown = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget_of_type (picker, GTK_TYPE_LIST_VIEW))));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 13);

  gtk_editable_set_text (GTK_EDITABLE (search), "tes");
  uc_test_iterate_until (list_narrowed, shown);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  {
    g_autoptr(UcSeriesChoice) tesla = g_list_model_get_item (shown, 0);

    g_assert_cmpstr (uc_series_choice_get_id (tesla), ==, "TSLA");
    g_assert_false (uc_series_choice_get_chosen (tesla));
    uc_series_choice_set_chosen (tesla, TRUE);
  }
  chart = uc_chart_view_get_spec (uc_window_get_chart_view (window));
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 10);
  g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (chart, 9)), ==, "TSLA");
  g_assert_nonnull (strstr (uc_chart_spec_get_note (chart), "added Tesla"));
  picks = g_settings_get_value (settings, "picked-series");
  g_assert_true (g_variant_lookup (picks, "deepseek-shock/0", "^a&s", &kept));
  g_assert_cmpuint (g_strv_length ((char **) kept), ==, 10);
  g_clear_pointer (&picks, g_variant_unref);

  /* Another window opens with the pick. */
  {
    GtkWidget *second = GTK_WIDGET (uc_window_new (ADW_APPLICATION (app)));

    gtk_window_present (GTK_WINDOW (second));
    show_view (app, UC_WINDOW (second), "deepseek-shock");
    g_assert_cmpuint (uc_chart_spec_get_n_series (uc_chart_view_get_spec (uc_window_get_chart_view (UC_WINDOW (second)))),
                      ==, 10);
    gtk_window_close (GTK_WINDOW (second));
  }

  /* Everything unchecked but one: that one stays. */
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  uc_test_iterate_until (list_widened, shown);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(UcSeriesChoice) c = g_list_model_get_item (shown, i);
      uc_series_choice_set_chosen (c, FALSE);
    }
  {
    g_autoptr(UcSeriesChoice) last = g_list_model_get_item (shown, g_list_model_get_n_items (shown) - 1);

    g_assert_true (uc_series_choice_get_chosen (last));
  }
  chart = uc_chart_view_get_spec (uc_window_get_chart_view (window));
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 1);

  g_signal_emit_by_name (find_labelled (picker, GTK_TYPE_BUTTON, "The View’s _Own"), "clicked");
  chart = uc_chart_view_get_spec (uc_window_get_chart_view (window));
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 9);
  g_assert_null (strstr (uc_chart_spec_get_note (chart), "picked"));
  picks = g_settings_get_value (settings, "picked-series");
  g_assert_false (g_variant_lookup (picks, "deepseek-shock/0", "^a&s", &kept));
  gtk_window_close (GTK_WINDOW (window));
  g_settings_reset (settings, "picked-series");
}

typedef struct
{
  UcWindow *window;
  UcTime    from, to;
} Days;

static gboolean
days_shown (gpointer data)
{
  Days *want = data;
  UcTime from, to;

  uc_time_range_get (uc_window_get_time_range (want->window), &from, &to);
  return from == want->from && to == want->to;
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static gboolean
text_read (gpointer data)
{
  return *(char **) data != NULL;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

/* Tesla picked into the DeepSeek shock, six weeks rebased, saved with
 * app.save-view; another view and other modes, then the file opened:
 * the window shows it again, its export byte for byte the one before,
 * and the state drawn headless (as `undercut export --spec` does) the
 * same. Copy View Link and Ctrl+V of it bring the days back too. */
static void
test_save_view (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *saved = NULL, *before = NULL, *after = NULL, *headless = NULL, *link = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UcViewState) state = NULL;
  g_autoptr(UcView) view = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GBytes) a = NULL, b = NULL, c = NULL;
  g_autofree int *heights = NULL;
  Days want;
  UcWindow *window;
  GtkWidget *picker, *search;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  for (const char *const *key = (const char *const[]) { "picked-series", "value-mode", "transform", "log-scale-views",
                                                        "hidden-event-categories", NULL }; *key; key++)
    g_settings_reset (settings, *key);
  dir = g_dir_make_tmp ("uc-save-view-XXXXXX", &error);
  g_assert_no_error (error);
  saved = g_build_filename (dir, "shock.json", NULL);
  before = g_build_filename (dir, "before.png", NULL);
  after = g_build_filename (dir, "after.png", NULL);
  headless = g_build_filename (dir, "headless.png", NULL);

  window = open_window (&app, "SaveViewTest");
  show_view (app, window, "deepseek-shock");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pick-series", NULL));
  uc_test_iterate_until (picker_shown, window);
  picker = find_widget_of_type (GTK_WIDGET (window), UC_TYPE_SERIES_PICKER);
  /* Typed, then Enter: the first match checked, before the list narrows. */
  search = find_widget_of_type (picker, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "tes");
  g_signal_emit_by_name (search, "activate");
  gtk_popover_popdown (GTK_POPOVER (picker));
  want = (Days) { window, uc_time_from_ymd (2025, 1, 6), uc_time_from_ymd (2025, 2, 14) };
  uc_time_range_set (uc_window_get_time_range (window), want.from, want.to);
  g_settings_set_string (settings, "value-mode", "rebased");
  uc_test_iterate_until (layout_ready, window);
  g_action_group_activate_action (G_ACTION_GROUP (app), "save-view", g_variant_new_string (saved));
  g_assert_true (g_file_test (saved, G_FILE_TEST_IS_REGULAR));
  g_assert_true (uc_window_export (window, before, &error));
  g_assert_no_error (error);

  /* Elsewhere, in other modes; then the file. */
  g_settings_reset (settings, "picked-series");
  g_settings_set_string (settings, "value-mode", "percent");
  show_view (app, window, "pricing");
  file = g_file_new_for_path (saved);
  uc_window_open_files (window, &file, 1);
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, window);
  uc_test_iterate_until (days_shown, &want);
  {
    g_autofree char *mode = g_settings_get_string (settings, "value-mode");
    UcChartSpec *chart = uc_chart_view_get_spec (uc_window_get_chart_view (window));

    g_assert_cmpstr (mode, ==, "rebased");
    g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (chart, uc_chart_spec_get_n_series (chart) - 1)), ==,
                     "TSLA");
  }
  uc_test_iterate_until (layout_ready, window);
  g_assert_true (uc_window_export (window, after, &error));
  g_assert_no_error (error);
  a = read_bytes (before);
  b = read_bytes (after);
  g_assert_true (g_bytes_equal (a, b));

  /* Drawn without a window, from the file. */
  state = uc_view_state_load (file, &error);
  g_assert_no_error (error);
  view = uc_view_state_load_view (state, &error);
  g_assert_no_error (error);
  charts = uc_view_state_build_charts (state, view, &error);
  g_assert_no_error (error);
  heights = g_new (int, charts->len);
  uc_view_split_height (view, 900, heights);
  g_assert_true (uc_export_charts ((UcChartSpec **) charts->pdata, NULL, heights, charts->len, uc_chart_theme_light (),
                                   headless, UC_EXPORT_PNG, 1600, 1.0, &error));
  g_assert_no_error (error);
  c = read_bytes (headless);
  g_assert_true (g_bytes_equal (a, c));

  /* The link: copied, the days moved, pasted: back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-view-link", NULL));
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_clipboard_text, &link);
  uc_test_iterate_until (text_read, &link);
  g_assert_true (g_str_has_prefix (link, UC_VIEW_STATE_LINK_PREFIX "deepseek-shock?"));
  g_assert_nonnull (strstr (link, "TSLA"));
  uc_time_range_set (uc_window_get_time_range (window), uc_time_from_ymd (2024, 6, 3), uc_time_from_ymd (2024, 9, 30));
  gtk_widget_grab_focus (GTK_WIDGET (uc_window_get_chart_view (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.paste-data", NULL));
  uc_test_iterate_until (days_shown, &want);

  gtk_window_close (GTK_WINDOW (window));
  for (const char *const *key = (const char *const[]) { "picked-series", "value-mode", NULL }; *key; key++)
    g_settings_reset (settings, *key);
  g_unlink (saved);
  g_unlink (before);
  g_unlink (after);
  g_unlink (headless);
  g_rmdir (dir);
}

static char *
transform_state (UcWindow *window)
{
  g_autoptr(GVariant) state = g_action_group_get_action_state (G_ACTION_GROUP (window), "transform");

  return g_variant_dup_string (state, NULL);
}

/* The Transform menu button in the header. */
static GtkMenuButton *
find_transform_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), "transform_button") == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_transform_button (child);

      if (found)
        return found;
    }
  return NULL;
}

/* The header names view @id and its days in full, nothing cut. */
static void
assert_header_in_full (UcWindow   *window,
                       const char *id)
{
  GtkWidget *title;
  GtkLabel *name, *days;

  settle ();
  title = find_window_title (GTK_WIDGET (window),
                             uc_view_get_title (uc_view_catalog_find (uc_window_get_views (window), id, NULL)));
  g_assert_nonnull (title);
  name = find_label_text (title, adw_window_title_get_title (ADW_WINDOW_TITLE (title)));
  days = find_label_text (title, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)));
  g_assert_nonnull (name);
  g_assert_nonnull (days);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (name)));
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (days)));
}

/* win.transform changes what the charts show, the button and the
 * crosshair's card say what, and the choice survives a view that cannot
 * take it and comes back on the next that can; a bad name changes nothing. */
static void
test_transform_states (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autofree char *state = NULL;
  UcWindow *window;
  UcChartView *chart;
  UcChartSpec *shown;
  GtkMenuButton *button;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "TransformTest");
  chart = uc_window_get_chart_view (window);
  show_view (app, window, "deepseek-shock");
  button = find_transform_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Transform");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "transform"));
  g_assert_cmpstr ((state = transform_state (window)), ==, "none");
  g_clear_pointer (&state, g_free);

  g_action_group_activate_action (G_ACTION_GROUP (window), "transform", g_variant_new_string ("mean-30"));
  shown = uc_chart_view_get_shown_spec (chart);
  g_assert_cmpint (uc_chart_spec_get_transform (shown), ==, UC_TRANSFORM_MEAN_30);
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (shown, 0)), ==, "Nvidia · 30-day mean");
  g_assert_cmpint (uc_chart_spec_get_value_format (shown), ==, UC_VALUE_MONEY);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "30-day mean");
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "value-mode"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "log-scale"));
  {
    g_autofree char *card = NULL;

    uc_test_iterate_until (layout_ready, window);
    uc_chart_view_set_crosshair (chart, TRUE, uc_time_from_ymd (2025, 1, 27));
    card = uc_chart_view_get_crosshair_card (chart);
    g_assert_nonnull (strstr (card, "Nvidia · 30-day mean  <b>$"));
    g_assert_nonnull (strstr (card, "Mean of the values of the 30 days to this one"));
    uc_chart_view_set_crosshair (chart, FALSE, 0);
  }

  /* Returns: percent, Nvidia's fall on the crash day. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "transform", g_variant_new_string ("returns"));
  shown = uc_chart_view_get_shown_spec (chart);
  g_assert_cmpint (uc_chart_spec_get_value_format (shown), ==, UC_VALUE_PERCENT);
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Daily return");
  /* The same rebased or not, and below zero: the modes and Log wait. */
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "value-mode"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "log-scale"));
  /* At the default width the header has room for it and the days shown,
   * on each view that can take it. */
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), >=, 1200);
  show_view (app, window, "hardware-evs");
  assert_header_in_full (window, "hardware-evs");
  show_view (app, window, "deepseek-shock");
  assert_header_in_full (window, "deepseek-shock");
  {
    g_autofree char *card = NULL;

    uc_test_iterate_until (layout_ready, window);
    uc_chart_view_set_crosshair (chart, TRUE, uc_time_from_ymd (2025, 1, 27));
    card = uc_chart_view_get_crosshair_card (chart);
    g_assert_nonnull (strstr (card, "Nvidia · daily return  <b>−17.0"));
    g_assert_nonnull (strstr (card, "Change from the value before, in percent"));
    uc_chart_view_set_crosshair (chart, FALSE, 0);
  }

  /* Bars and lanes cannot take it: none shown, the menu gone… */
  show_view (app, window, "model-releases");
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "transform"));
  g_assert_cmpstr ((state = transform_state (window)), ==, "none");
  g_clear_pointer (&state, g_free);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (button)));
  g_assert_cmpint (uc_chart_spec_get_transform (uc_chart_view_get_shown_spec (chart)), ==, UC_TRANSFORM_NONE);

  /* …and back on market caps the choice holds. */
  show_view (app, window, "deepseek-shock");
  g_assert_cmpstr ((state = transform_state (window)), ==, "returns");
  g_clear_pointer (&state, g_free);
  g_assert_cmpint (uc_chart_spec_get_transform (uc_chart_view_get_shown_spec (chart)), ==, UC_TRANSFORM_RETURNS);
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (uc_chart_view_get_shown_spec (chart), 0)), ==,
                   "Nvidia · daily return");

  /* A name that is no transform changes nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (window), "transform", g_variant_new_string ("weekly"));
  g_assert_cmpstr ((state = transform_state (window)), ==, "returns");
  g_clear_pointer (&state, g_free);

  /* Nor does one in the settings: it reads as none. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "transform", "weekly");
    g_assert_cmpstr ((state = transform_state (window)), ==, "none");
    g_clear_pointer (&state, g_free);
    g_assert_cmpint (uc_chart_spec_get_transform (uc_chart_view_get_shown_spec (chart)), ==, UC_TRANSFORM_NONE);
    g_settings_set_string (settings, "transform", "drawdown");
    g_assert_cmpint (uc_chart_spec_get_transform (uc_chart_view_get_shown_spec (chart)), ==, UC_TRANSFORM_DRAWDOWN);
  }

  g_action_group_activate_action (G_ACTION_GROUP (window), "transform", g_variant_new_string ("none"));
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (uc_chart_view_get_shown_spec (chart), 0)), ==, "Nvidia");
  g_assert_cmpstr (gtk_menu_button_get_label (button), ==, "Transform");
  gtk_window_close (GTK_WINDOW (window));
}


static gboolean
two_windows (gpointer data)
{
  return g_list_length (gtk_application_get_windows (data)) >= 2;
}

/* Ctrl+N: a second window on the view the first shows; each has its own
 * days and view. */
static void
test_new_window (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *first, *second = NULL;
  UcTime from, to, first_from, first_to;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  first = open_window (&app, "NewWindowTest");
  show_view (app, first, "hardware-evs");
  uc_time_range_get (uc_window_get_time_range (first), &first_from, &first_to);
  g_action_group_activate_action (G_ACTION_GROUP (app), "new-window", NULL);
  uc_test_iterate_until (two_windows, app);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (UC_IS_WINDOW (l->data) && l->data != first)
      second = l->data;
  g_assert_nonnull (second);
  g_assert_cmpstr (uc_window_get_view_id (second), ==, "hardware-evs");

  /* Another stretch in the second: the first keeps its days. */
  uc_time_range_set (uc_window_get_time_range (second), uc_time_from_ymd (2025, 3, 1), uc_time_from_ymd (2025, 3, 31));
  uc_time_range_get (uc_window_get_time_range (first), &from, &to);
  g_assert_cmpint (from, ==, first_from);
  g_assert_cmpint (to, ==, first_to);
  g_assert_true (uc_window_show_view (second, "pricing", NULL));
  g_assert_cmpstr (uc_window_get_view_id (first), ==, "hardware-evs");
  gtk_window_close (GTK_WINDOW (second));
  gtk_window_close (GTK_WINDOW (first));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/controls/keys-after-sidebar", test_keys_after_sidebar);
  g_test_add_func ("/controls/log-every-view", test_log_every_view);
  g_test_add_func ("/controls/value-mode-states", test_value_mode_states);
  g_test_add_func ("/controls/base-calendar-rebases", test_base_calendar_rebases);
  g_test_add_func ("/controls/drag-from-event-line", test_drag_from_event_line);
  g_test_add_func ("/controls/header-and-shortcut-words", test_header_and_shortcut_words);
  g_test_add_func ("/controls/header-days-at-1024", test_header_days_at_1024);
  g_test_add_func ("/controls/header-days-at-700", test_header_days_at_700);
  g_test_add_func ("/controls/category-names", test_category_names);
  g_test_add_func ("/controls/event-list-pane", test_event_list_pane);
  g_test_add_func ("/controls/range-presets-history", test_range_presets_history);
  g_test_add_func ("/controls/range-typed", test_range_typed);
  g_test_add_func ("/controls/pick-series", test_pick_series);
  g_test_add_func ("/controls/new-window", test_new_window);
  g_test_add_func ("/controls/save-view", test_save_view);
  g_test_add_func ("/controls/transform-states", test_transform_states);

  return g_test_run ();
}
