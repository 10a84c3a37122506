/* uc-window-settings.c: what the window keeps between runs
 *
 * Part of UcWindow (see uc-window-private.h). Its size and maximized
 * state (read once when it opens, written when it closes), the view shown
 * last and its days (the first view shown takes them, once), the variant
 * each view showed last, and the options of every chart: value mode, log
 * axis (for each view) and the event categories switched off. The value
 * mode and log axis toggles (uc-window-controls.c) change the settings,
 * which change the charts.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <string.h>

#include "uc-core-enums.h"
#include "uc-enum.h"

/* The settings, and the size and state the window had last: read once,
 * not followed, as the window keeps its own size until it closes (and
 * stays sensitive whether or not the keys are writable). */
void
_uc_window_init_settings (UcWindow *self)
{
  const GSettingsBindFlags once = G_SETTINGS_BIND_GET | G_SETTINGS_BIND_GET_NO_CHANGES |
                                  G_SETTINGS_BIND_NO_SENSITIVITY;

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", once);
  g_settings_bind (self->settings, "window-height", self, "default-height", once);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", once);
  g_signal_connect_swapped (self->settings, "changed::value-mode", G_CALLBACK (_uc_window_apply_options), self);
  g_signal_connect_swapped (self->settings, "changed::transform", G_CALLBACK (_uc_window_apply_options), self);
  g_signal_connect_swapped (self->settings, "changed::hidden-event-categories", G_CALLBACK (_uc_window_apply_options), self);
}

/* On closing: the size (unless maximized, which keeps the size to go back
 * to), the maximized state, and the days shown, to be shown again with
 * this view next time; written at once. */
void
_uc_window_save_state (UcWindow *self)
{
  GtkWindow *window = GTK_WINDOW (self);
  UcTime from, to;
  g_autofree char *a = NULL, *b = NULL, *range = NULL;
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  uc_time_range_get (self->time_range, &from, &to);
  a = uc_time_format_date (from);
  b = uc_time_format_date (to);
  range = g_strdup_printf ("%s/%s", a, b);
  g_settings_set_string (self->settings, "last-range", range);
  g_settings_apply (self->settings);
}

/* The view shown when the window last closed, else the first (NULL when
 * there is none); the first view shown takes the days of last time too
 * (see _uc_window_remember_view()). */
UcView *
_uc_window_remembered_view (UcWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-view");
  UcView *view = uc_view_catalog_find (self->views, last, NULL);

  self->restore_range = TRUE;
  return view ? g_object_ref (view) : g_list_model_get_item (G_LIST_MODEL (self->views), 0);
}

/* The variant @view showed last, if it has one by that id. */
void
_uc_window_restore_variant (UcWindow *self,
                            UcView   *view)
{
  g_autoptr(GVariant) variants = g_settings_get_value (self->settings, "view-variants");
  const char *variant = NULL;

  if (g_variant_lookup (variants, uc_view_get_id (view), "&s", &variant))
    uc_view_set_variant (view, variant, NULL);
}

/* The series picked for @view's charts last time; a pick the data no
 * longer has a series of (or a chart that cannot pick) is left out. */
void
_uc_window_restore_picks (UcWindow *self,
                          UcView   *view)
{
  g_autoptr(GVariant) picks = g_settings_get_value (self->settings, "picked-series");
  g_autofree char *prefix = g_strdup_printf ("%s/", uc_view_get_id (view));
  GVariantIter iter;
  const char *key;
  g_autofree const char **ids = NULL;

  g_variant_iter_init (&iter, picks);
  while (g_variant_iter_next (&iter, "{&s^a&s}", &key, &ids))
    {
      guint64 chart;

      if (g_str_has_prefix (key, prefix) && ids[0] &&
          g_ascii_string_to_unsigned (key + strlen (prefix), 10, 0, G_MAXUINT, &chart, NULL))
        uc_view_set_picked (view, (guint) chart, ids, NULL);
      g_clear_pointer (&ids, g_free);
    }
}

/* The series picked for the charts of the view shown, for next time. */
void
_uc_window_remember_picks (UcWindow *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "picked-series");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sas}"));
  g_autofree char *prefix = g_strdup_printf ("%s/", uc_view_get_id (self->view));
  GVariantIter iter;
  const char *key;
  GVariant *ids;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &ids))
    {
      if (!g_str_has_prefix (key, prefix))
        g_variant_builder_add (&builder, "{s@as}", key, ids);
      g_variant_unref (ids);
    }
  for (guint i = 0; i < uc_view_get_n_charts (self->view); i++)
    {
      const char * const *picked = uc_view_get_picked (self->view, i);
      g_autofree char *chart_key = g_strdup_printf ("%s%u", prefix, i);

      if (picked)
        g_variant_builder_add (&builder, "{s^as}", chart_key, picked);
    }
  g_settings_set_value (self->settings, "picked-series", g_variant_builder_end (&builder));
}

/* The view shown, for next time; and the first view shown opens on the
 * days shown last time, once. */
void
_uc_window_remember_view (UcWindow *self)
{
  g_autofree char *range = NULL;
  UcTime from, to;

  g_settings_set_string (self->settings, "last-view", uc_view_get_id (self->view));
  if (!self->restore_range)
    return;
  range = g_settings_get_string (self->settings, "last-range");
  /* A bad value is ignored: the view's own range stays. */
  if (uc_time_range_parse (range, &from, &to))
    uc_time_range_set (self->time_range, from, to);
  self->restore_range = FALSE;
}

/* The variant shown, by view, for the next time. */
void
_uc_window_remember_variant (UcWindow *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "view-variants");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  const char *id = uc_view_get_id (self->view), *key, *value;
  GVariantIter iter;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, id))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", id, uc_view_get_variant_id (self->view, uc_view_get_variant (self->view)));
  g_settings_set_value (self->settings, "view-variants", g_variant_builder_end (&builder));
}

/* The options every chart is shown with, as the settings say: the value
 * mode and transform, the log axis chosen for the view shown (none chosen: each
 * chart's own, which may be logarithmic), the event categories switched
 * off, the user's events. */
void
_uc_window_chart_options (UcWindow       *self,
                          UcChartOptions *options)
{
  g_autofree char *mode_name = g_settings_get_string (self->settings, "value-mode");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-event-categories");
  int mode;

  /* The settings' schema has the enum's nicks as its choices. */
  if (uc_enum_from_nick (UC_TYPE_VALUE_MODE, mode_name, &mode))
    options->value_mode = mode;
  options->transform = _uc_window_transform_choice (self);
  options->log_scale = _uc_window_log_choice (self);
  for (guint i = 0; hidden[i]; i++)
    options->hidden_categories |= 1u << uc_event_category_from_string (hidden[i]);
  _uc_window_user_events_options (self, options);
}
