/* uc-window-keys.c: the chart keys, wherever the focus is
 *
 * Part of UcWindow (see uc-window-private.h). The chart.* actions (zoom
 * in and out, back to the view's own days, the first and last days, a
 * month earlier or later, the crosshair to the previous or next day with
 * data) act on the chart that has the focus, else on the view's first
 * chart. Their keys (+, -, 0, Home, End, Page Up, Page Down, Left,
 * Right) are caught on the way down to the focus, so a sidebar list that
 * has the focus after a click no longer takes End for its last row; they
 * are left to text entries, popovers and the events table, which use
 * them. A click on a view in the sidebar moves the focus to its chart.
 * The shortcuts window names the keys as people read them.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <string.h>

static const struct
{
  const char     *action;
  UcChartCommand  command;
} chart_actions[] = {
  { "chart.zoom-in", UC_CHART_ZOOM_IN },
  { "chart.zoom-out", UC_CHART_ZOOM_OUT },
  { "chart.reset-zoom", UC_CHART_RESET_ZOOM },
  { "chart.first-day", UC_CHART_FIRST_DAY },
  { "chart.last-day", UC_CHART_LAST_DAY },
  { "chart.page-back", UC_CHART_PAGE_BACK },
  { "chart.page-on", UC_CHART_PAGE_ON },
  { "chart.step-back", UC_CHART_STEP_BACK },
  { "chart.step-on", UC_CHART_STEP_ON },
};

/* The keys of each command; the first is the one the shortcuts window shows. */
static const struct
{
  guint           keyval;
  UcChartCommand  command;
} chart_keys[] = {
  { GDK_KEY_plus, UC_CHART_ZOOM_IN }, { GDK_KEY_equal, UC_CHART_ZOOM_IN }, { GDK_KEY_KP_Add, UC_CHART_ZOOM_IN },
  { GDK_KEY_minus, UC_CHART_ZOOM_OUT }, { GDK_KEY_KP_Subtract, UC_CHART_ZOOM_OUT },
  { GDK_KEY_0, UC_CHART_RESET_ZOOM }, { GDK_KEY_KP_0, UC_CHART_RESET_ZOOM },
  { GDK_KEY_Home, UC_CHART_FIRST_DAY }, { GDK_KEY_End, UC_CHART_LAST_DAY },
  { GDK_KEY_Page_Up, UC_CHART_PAGE_BACK }, { GDK_KEY_Page_Down, UC_CHART_PAGE_ON },
  { GDK_KEY_Left, UC_CHART_STEP_BACK }, { GDK_KEY_Right, UC_CHART_STEP_ON },
};

/* The chart the keys act on: the one with the focus, else the first. */
static UcChartView *
target_chart (UcWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *chart = focus ? gtk_widget_get_ancestor (focus, UC_TYPE_CHART_VIEW) : NULL;

  if (chart && gtk_widget_is_ancestor (chart, GTK_WIDGET (self->charts)))
    return UC_CHART_VIEW (chart);
  return self->chart_view;
}

static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    if (g_str_equal (action_name, chart_actions[i].action))
      uc_chart_view_run_command (target_chart (self), chart_actions[i].command);
}

/* Whether a chart is on screen and the focus is not where these keys
 * mean something else: typing in an entry, a popover (the calendar, a
 * menu), the events table's rows. */
static gboolean
keys_are_the_charts (UcWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (self->view == NULL || uc_chart_view_get_spec (self->chart_view) == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->chart_view)))
    return FALSE;
  if (focus == NULL)
    return TRUE;
  return !GTK_IS_EDITABLE (focus) && gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE) == NULL &&
         gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER) == NULL &&
         gtk_widget_get_ancestor (focus, UC_TYPE_EVENT_LIST) == NULL;
}

/* A chart key: its action when the key is the charts'; else the key goes
 * on to the focus. */
static gboolean
on_chart_key (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  UcWindow *self = UC_WINDOW (widget);
  UcChartCommand command = GPOINTER_TO_UINT (user_data);

  if (!keys_are_the_charts (self))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    if (chart_actions[i].command == command)
      return gtk_widget_activate_action (widget, chart_actions[i].action, NULL);
  return FALSE;
}

/* A click (or Enter) on a view in the sidebar: its chart takes the focus,
 * so the keys that follow are the chart's. */
static void
on_view_row_activated (UcWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->chart_view));
}

/* The shortcuts window's keys as people read them: GTK 4.8 shows a key
 * without a label of its own by its keysym name ("Page_Up"). */
static void
name_keys (GtkWidget *widget,
           gboolean   in_shortcut)
{
  in_shortcut = in_shortcut || GTK_IS_SHORTCUT_LABEL (widget);
  if (in_shortcut && GTK_IS_LABEL (widget) && strchr (gtk_label_get_label (GTK_LABEL (widget)), '_'))
    {
      g_autofree char *name = g_strdup (gtk_label_get_label (GTK_LABEL (widget)));

      g_strdelimit (name, "_", ' ');
      gtk_label_set_label (GTK_LABEL (widget), name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    name_keys (child, in_shortcut);
}

/* The application loads the shortcuts window as it takes the window. */
static void
on_application_set (UcWindow   *self,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  GtkShortcutsWindow *help = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (help)
    name_keys (GTK_WIDGET (help), FALSE);
}

void
_uc_window_class_init_keys (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (chart_actions); i++)
    gtk_widget_class_install_action (widget_class, chart_actions[i].action, NULL, chart_action);
}

void
_uc_window_init_keys (UcWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Before the focus sees them: on the way down, not on the way back up. */
  gtk_event_controller_set_name (controller, "uc-chart-keys");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (chart_keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (chart_keys[i].keyval, 0),
                                                            gtk_callback_action_new (on_chart_key,
                                                                                     GUINT_TO_POINTER (chart_keys[i].command),
                                                                                     NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
  g_signal_connect_swapped (self->view_list, "row-activated", G_CALLBACK (on_view_row_activated), self);
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_set), NULL);
}
