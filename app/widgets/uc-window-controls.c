/* uc-window-controls.c: the header's value and axis toggles
 *
 * Part of UcWindow (see uc-window-private.h). The value-mode buttons ($,
 * 100, %) and Log show what the charts of the view shown really show, and
 * are insensitive, saying why, where what they offer cannot apply:
 *   - win.value-mode asks every chart for values as they are, rebased or
 *     as change (remembered for all views in the settings); its state is
 *     what the view shows: the mode asked for where a chart can take it,
 *     else the charts' own ("100" on a view rebased by itself);
 *   - win.log-scale turns the log axis on or off for the view shown, from
 *     its own (Pricing pressure is logarithmic): the choice is remembered
 *     for each view, a view not chosen for keeping its own;
 *   - win.transform('mean-30') shows every chart of values that can take
 *     it as daily returns, a rolling mean or the drawdown (remembered for
 *     all views); the Transform menu beside the toggles names the choice.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-enum.h"
#include "uc-transform.h"

/* The mode a chart shows by itself, whatever is asked. */
static const char *
own_mode (UcChartSpec *spec)
{
  switch (uc_chart_spec_get_value_format (spec))
    {
    case UC_VALUE_INDEX: return "rebased";
    case UC_VALUE_PERCENT: return "percent";
    default: return "as-is";
    }
}

/* Whether the view's charts draw on a log axis by themselves. */
static gboolean
view_log_default (UcWindow *self)
{
  for (guint i = 0; self->view && i < uc_view_get_n_charts (self->view); i++)
    if (uc_chart_spec_get_log_scale (uc_view_get_chart (self->view, i)))
      return TRUE;
  return FALSE;
}

/* The log axis chosen for the view shown: 1 on, 0 off, -1 its own. */
int
_uc_window_log_choice (UcWindow *self)
{
  g_autoptr(GVariant) chosen = g_settings_get_value (self->settings, "log-scale-views");
  gboolean on;

  if (self->view && g_variant_lookup (chosen, uc_view_get_id (self->view), "b", &on))
    return on ? 1 : 0;
  return -1;
}

/* win.log-scale: the view shown's axis the other way; back to the view's
 * own, the choice is forgotten. */
static void
log_scale_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UcWindow *self = user_data;
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "log-scale-views");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sb}"));
  g_autoptr(GVariant) state = g_action_get_state (G_ACTION (action));
  gboolean wanted = !g_variant_get_boolean (state);
  const char *key;
  gboolean value;
  GVariantIter iter;

  if (self->view == NULL)
    return;
  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&sb}", &key, &value))
    if (!g_str_equal (key, uc_view_get_id (self->view)))
      g_variant_builder_add (&builder, "{sb}", key, value);
  if (wanted != view_log_default (self))
    g_variant_builder_add (&builder, "{sb}", uc_view_get_id (self->view), wanted);
  g_settings_set_value (self->settings, "log-scale-views", g_variant_builder_end (&builder));
}

/* win.value-mode('rebased'): asked of every chart, and remembered. */
static void
value_mode_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  UcWindow *self = user_data;
  const char *mode = g_variant_get_string (parameter, NULL);

  if (g_str_equal (mode, "as-is") || g_str_equal (mode, "rebased") || g_str_equal (mode, "percent"))
    g_settings_set_string (self->settings, "value-mode", mode);
}

/* The transform chosen, as the settings say: an unknown one is none. */
UcTransform
_uc_window_transform_choice (UcWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "transform");
  int transform;

  return uc_enum_from_nick (UC_TYPE_TRANSFORM, name, &transform) ? (UcTransform) transform : UC_TRANSFORM_NONE;
}

/* win.transform('returns'): asked of every chart, and remembered. */
static void
transform_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  UcWindow *self = user_data;
  const char *name = g_variant_get_string (parameter, NULL);
  int transform;

  if (uc_enum_from_nick (UC_TYPE_TRANSFORM, name, &transform))
    g_settings_set_string (self->settings, "transform", name);
}

/* Below this width (the default's) the header has no room for the
 * Transform button beside the view's name and days: the main menu's
 * Transform stands for it. */
#define TRANSFORM_BUTTON_MIN_WIDTH 1200

static void
show_transform_button (UcWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "transform");
  GdkSurface *surface = gtk_widget_get_realized (GTK_WIDGET (self)) ? gtk_native_get_surface (GTK_NATIVE (self)) : NULL;
  int width = surface ? gdk_surface_get_width (surface) : 0;

  gtk_widget_set_visible (GTK_WIDGET (self->transform_button),
                          g_action_get_enabled (action) && width >= TRANSFORM_BUTTON_MIN_WIDTH);
}

static void
on_realize (UcWindow *self)
{
  g_signal_connect_object (gtk_native_get_surface (GTK_NATIVE (self)), "notify::width",
                           G_CALLBACK (show_transform_button), self, G_CONNECT_SWAPPED);
  show_transform_button (self);
}

/* On a narrow (folded) window the base-day calendar and the series
 * picker leave the header to the view's name and days (an event clicked
 * still sets the base; the main menu and Ctrl+K still pick series). */
static void
on_folded (UcWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->base_button), gtk_widget_get_visible (self->value_mode_box) && !folded);
  _uc_window_sync_series_button (self);
}

void
_uc_window_sync_series_button (UcWindow *self)
{
  gboolean can = uc_series_picker_has_charts (self->series_picker);

  gtk_widget_set_visible (GTK_WIDGET (self->series_button), can && !adw_leaflet_get_folded (self->leaflet));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pick-series", can);
}

void
_uc_window_init_controls (UcWindow *self)
{
  g_autoptr(GSimpleAction) value_mode = g_simple_action_new_stateful ("value-mode", G_VARIANT_TYPE_STRING,
                                                                      g_variant_new_string ("as-is"));
  g_autoptr(GSimpleAction) log_scale = g_simple_action_new_stateful ("log-scale", NULL, g_variant_new_boolean (FALSE));
  g_autoptr(GSimpleAction) transform = g_simple_action_new_stateful ("transform", G_VARIANT_TYPE_STRING,
                                                                     g_variant_new_string ("none"));

  g_signal_connect (value_mode, "activate", G_CALLBACK (value_mode_activated), self);
  g_signal_connect (transform, "activate", G_CALLBACK (transform_activated), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (transform));
  g_signal_connect (log_scale, "activate", G_CALLBACK (log_scale_activated), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (value_mode));
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (log_scale));
  g_signal_connect_swapped (self->settings, "changed::log-scale-views", G_CALLBACK (_uc_window_apply_options), self);
  g_signal_connect_swapped (self->leaflet, "notify::folded", G_CALLBACK (on_folded), self);
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), "uc-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* @widget's tooltip, given when asked: gtk_widget_set_tooltip_text()
 * queries the tooltip at once, which showed it under the pointer after a
 * click and, run while the window's surface went away, made GDK report a
 * critical. The accessible description says the same. */
static void
set_tooltip (GtkWidget  *widget,
             const char *tooltip)
{
  if (g_strcmp0 (g_object_get_data (G_OBJECT (widget), "uc-tooltip"), tooltip) == 0)
    return;
  if (g_object_get_data (G_OBJECT (widget), "uc-tooltip-asked") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), "uc-tooltip-asked", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), "uc-tooltip", g_strdup (tooltip), g_free);
  gtk_widget_set_has_tooltip (widget, tooltip != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip ? tooltip : "",
                                  -1);
}

/* A value-mode button: sensitive, with its own tooltip, or not and why. */
static void
set_mode_button (GtkWidget  *button,
                 gboolean    can,
                 const char *tooltip,
                 const char *why_not)
{
  gtk_widget_set_sensitive (button, can);
  set_tooltip (button, can ? tooltip : why_not);
}

/* The Transform menu as the charts are: its choice where one can take it
 * (@any), named on the button, else none and gone from the header (and
 * insensitive in the main menu). */
static void
sync_transform (UcWindow *self,
                gboolean  any)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "transform");
  UcTransform shown = any ? _uc_window_transform_choice (self) : UC_TRANSFORM_NONE;
  g_autofree char *label = NULL;

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_string (uc_enum_to_nick (UC_TYPE_TRANSFORM, shown, "none")));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), any);
  show_transform_button (self);
  if (shown != UC_TRANSFORM_NONE)
    {
      const char *what = uc_transform_describe (shown);
      gunichar first = g_unichar_totitle (g_utf8_get_char (what));
      char head[8] = { 0 };

      g_unichar_to_utf8 (first, head);
      label = g_strconcat (head, g_utf8_next_char (what), NULL);
    }
  gtk_menu_button_set_label (self->transform_button, label ? label : _("Transform"));
  set_tooltip (GTK_WIDGET (self->transform_button),
               _("Daily returns, a rolling mean or the drawdown from the peak, in place of the values"));
}

/* The toggles as the charts of the view shown are: @any_values, whether
 * a chart can be shown as it is, rebased or as change; @any_rebased,
 * whether one is rebased on a day of its own (which can move, or become a
 * change since it, but not go); @any_axis, whether one has an axis that
 * can be logarithmic; @any_transform, whether one can be transformed. */
void
_uc_window_sync_controls (UcWindow *self,
                          gboolean  any_values,
                          gboolean  any_rebased,
                          gboolean  any_axis,
                          gboolean  any_transform)
{
  g_autofree char *asked = g_settings_get_string (self->settings, "value-mode");
  GAction *value_mode = g_action_map_lookup_action (G_ACTION_MAP (self), "value-mode");
  GAction *log_scale = g_action_map_lookup_action (G_ACTION_MAP (self), "log-scale");
  const char *shown = asked, *why_not;
  int log = _uc_window_log_choice (self);
  gboolean relative = any_values || any_rebased;
  /* Returns and drawdowns are the same rebased or not, and reach below
   * zero: while they are shown, the value modes and Log wait. */
  gboolean ratio = any_transform && uc_transform_is_ratio (_uc_window_transform_choice (self));
  gboolean modes = relative && !ratio, axis = any_axis && !ratio;

  if (!any_values)
    {
      /* Nothing shows values as they are: the charts' own mode, unless
       * they can take the one asked. */
      const char *own = "as-is";

      for (guint i = 0; self->view && i < uc_view_get_n_charts (self->view); i++)
        if (!g_str_equal (own_mode (uc_view_get_chart (self->view, i)), "as-is"))
          own = own_mode (uc_view_get_chart (self->view, i));
      if (!any_rebased || g_str_equal (asked, "as-is"))
        shown = own;
    }
  g_simple_action_set_state (G_SIMPLE_ACTION (value_mode), g_variant_new_string (shown));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (value_mode), modes);
  why_not = ratio ? _("Daily returns and drawdowns are the same whatever the values are rebased on")
            : any_rebased ? _("This view’s values are rebased on a day of their own, which its subtitle names: pick another in the calendar")
                          : _("Nothing in this view can be rebased: counts, prices of single models and event lanes are shown as they are");
  set_mode_button (self->value_as_is_button, any_values && !ratio, _("Values as they are"), why_not);
  set_mode_button (self->value_rebased_button, modes,
                   _("Rebased to 100 on the last event clicked, else the first day shown"), why_not);
  set_mode_button (self->value_percent_button, modes,
                   _("Change in percent since the last event clicked, else the first day shown"), why_not);
  gtk_widget_set_sensitive (GTK_WIDGET (self->base_button), modes);
  set_tooltip (GTK_WIDGET (self->base_button), modes ? _("The day values are rebased on") : why_not);
  /* Where no mode can ever apply (counts, single prices, lanes) the
   * toggles go: the header's room is the days shown's. */
  gtk_widget_set_visible (self->value_mode_box, relative);
  gtk_widget_set_visible (GTK_WIDGET (self->base_button), relative && !adw_leaflet_get_folded (self->leaflet));

  g_simple_action_set_state (G_SIMPLE_ACTION (log_scale),
                             g_variant_new_boolean (axis && (log >= 0 ? log > 0 : view_log_default (self))));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (log_scale), axis);
  gtk_widget_set_sensitive (self->log_button, axis);
  gtk_widget_set_visible (self->log_button, any_axis);
  set_tooltip (self->log_button,
               axis ? _("Logarithmic value axis (Ctrl+L)")
               : ratio ? _("Daily returns and drawdowns reach zero and below, which a logarithmic axis cannot show")
               : _("This view has no value axis that can be logarithmic: bars stand on zero, lanes have none"));
  sync_transform (self, any_transform);
}
