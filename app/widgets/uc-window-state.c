/* uc-window-state.c: what the window shows, saved and opened again
 *
 * Part of UcWindow (see uc-window-private.h). Save View… (win.save-view,
 * Ctrl+S) writes the view shown as a view state (uc-view-state.h): the
 * view, its variant, the days, the base day, the modes, the series picked
 * and hidden, the filter, the categories switched off and the user's
 * events. Opening one (Open…, `undercut FILE.json`, a drop) shows it
 * again; `undercut export --spec FILE.json` draws it. Copy View Link
 * (Ctrl+Shift+L) puts the same state but the events on the clipboard as
 * one line, which Ctrl+V in any window opens.
 *
 * The modes (value mode, transform, log axis, categories) are the
 * application's settings: a state opened sets them for every window, as
 * the header's toggles do.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-core-enums.h"
#include "uc-enum.h"

/* The state of the view shown; NULL when none is shown. */
UcViewState *
uc_window_dup_state (UcWindow *self)
{
  g_autoptr(UcViewState) state = NULL;
  g_autofree char *mode = NULL;
  g_auto(GStrv) hidden = NULL;
  guint i = 0;
  int value_mode;

  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  if (self->view == NULL)
    return NULL;
  state = uc_view_state_new ();
  state->view = g_strdup (uc_view_get_id (self->view));
  if (uc_view_get_n_variants (self->view) > 1)
    state->variant = g_strdup (uc_view_get_variant_id (self->view, uc_view_get_variant (self->view)));
  state->datasets = g_strdupv ((char **) uc_view_get_datasets (self->view));
  for (guint c = 0; c < uc_view_get_n_charts (self->view); c++)
    if (uc_chart_spec_get_x_kind (uc_view_get_chart (self->view, c)) == UC_X_TIME)
      state->has_range = TRUE;
  if (state->has_range)
    uc_time_range_get (self->time_range, &state->from, &state->to);
  mode = g_settings_get_string (self->settings, "value-mode");
  if (uc_enum_from_nick (UC_TYPE_VALUE_MODE, mode, &value_mode))
    state->value_mode = value_mode;
  state->base = self->base_date;
  state->log_scale = _uc_window_log_choice (self);
  state->transform = _uc_window_transform_choice (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_entry)))
    state->filter = g_strdup (gtk_editable_get_text (self->filter_entry));
  hidden = g_settings_get_strv (self->settings, "hidden-event-categories");
  for (guint k = 0; hidden[k]; k++)
    state->hidden_categories |= 1u << uc_event_category_from_string (hidden[k]);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      UcChartSpec *spec = uc_chart_view_get_spec (UC_CHART_VIEW (child));
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();

      if (i < uc_view_get_n_charts (self->view))
        uc_view_state_set_picked (state, i, uc_view_get_picked (self->view, i));
      for (guint k = 0; spec && k < uc_chart_spec_get_n_series (spec); k++)
        if (uc_series_get_hidden (uc_chart_spec_get_series (spec, k)))
          g_ptr_array_add (ids, (gpointer) uc_series_get_id (uc_chart_spec_get_series (spec, k)));
      g_ptr_array_add (ids, NULL);
      uc_view_state_set_hidden (state, i, (const char * const *) ids->pdata);
    }
  if (self->user_events)
    {
      state->events = g_object_ref (self->user_events);
      state->events_name = g_strdup (self->user_events_name);
    }
  return g_steal_pointer (&state);
}

/* The view shown, as a state, to @path (written whole or not at all). */
gboolean
uc_window_save_state (UcWindow    *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(UcViewState) state = NULL;

  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  if ((state = uc_window_dup_state (self)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no view shown to save", path);
      return FALSE;
    }
  return uc_view_state_save (state, path, error);
}

/* The modes of @state in the settings (every window follows), and its
 * variant and picks where the view, once loaded, takes them. */
static void
set_modes (UcWindow          *self,
           const UcViewState *state)
{
  g_autoptr(GVariant) logs = g_settings_get_value (self->settings, "log-scale-views");
  g_autoptr(GVariant) variants = g_settings_get_value (self->settings, "view-variants");
  g_autoptr(GVariant) picks = g_settings_get_value (self->settings, "picked-series");
  g_auto(GVariantBuilder) log_builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sb}"));
  g_auto(GVariantBuilder) variant_builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  g_auto(GVariantBuilder) pick_builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sas}"));
  g_autoptr(GPtrArray) hidden = g_ptr_array_new ();
  g_autofree char *prefix = g_strdup_printf ("%s/", state->view);
  GVariantIter iter;
  const char *key, *text;
  GVariant *ids;
  gboolean on;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "value-mode", uc_enum_to_nick (UC_TYPE_VALUE_MODE, state->value_mode, "as-is"));
  g_settings_set_string (self->settings, "transform", uc_enum_to_nick (UC_TYPE_TRANSFORM, state->transform, "none"));
  for (guint c = 0; c < UC_EVENT_USER + 1; c++)
    if (state->hidden_categories & (1u << c))
      g_ptr_array_add (hidden, (gpointer) uc_event_category_to_string (c));
  g_ptr_array_add (hidden, NULL);
  g_settings_set_strv (self->settings, "hidden-event-categories", (const char * const *) hidden->pdata);

  g_variant_iter_init (&iter, logs);
  while (g_variant_iter_next (&iter, "{&sb}", &key, &on))
    if (!g_str_equal (key, state->view))
      g_variant_builder_add (&log_builder, "{sb}", key, on);
  if (state->log_scale >= 0)
    g_variant_builder_add (&log_builder, "{sb}", state->view, state->log_scale == 1);
  g_settings_set_value (self->settings, "log-scale-views", g_variant_builder_end (&log_builder));

  g_variant_iter_init (&iter, variants);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &text))
    if (!g_str_equal (key, state->view))
      g_variant_builder_add (&variant_builder, "{ss}", key, text);
  if (state->variant)
    g_variant_builder_add (&variant_builder, "{ss}", state->view, state->variant);
  g_settings_set_value (self->settings, "view-variants", g_variant_builder_end (&variant_builder));

  g_variant_iter_init (&iter, picks);
  while (g_variant_iter_next (&iter, "{&s@as}", &key, &ids))
    {
      if (!g_str_has_prefix (key, prefix))
        g_variant_builder_add (&pick_builder, "{s@as}", key, ids);
      g_variant_unref (ids);
    }
  for (guint c = 0; state->picked && c < state->picked->len; c++)
    {
      const char * const *picked = uc_view_state_get_picked (state, c);
      g_autofree char *chart_key = g_strdup_printf ("%s%u", prefix, c);

      if (picked && picked[0])
        g_variant_builder_add (&pick_builder, "{s^as}", chart_key, picked);
    }
  g_settings_set_value (self->settings, "picked-series", g_variant_builder_end (&pick_builder));
  g_settings_apply (self->settings);
}

/* @state shown in this window: its view loaded (if need be) with its
 * variant and picks, then its days, base day, filter and series hidden;
 * its events added to the user's. */
gboolean
uc_window_open_state (UcWindow           *self,
                      const UcViewState  *state,
                      GError            **error)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (state != NULL, FALSE);

  if (uc_view_catalog_find (self->views, state->view, NULL) == NULL)
    return _uc_window_show_kept (self, state->view, NULL, error);
  if (state->events && _uc_window_take_events (self, state->events, error) < 0)
    return FALSE;
  set_modes (self, state);
  /* The days are the state's, not those of last time. */
  self->restore_range = FALSE;
  return _uc_window_show_kept (self, state->view, _uc_window_kept_from_state (state), error);
}

/* A file whose name ends in .json: opened as a view state, or refused
 * with what is wrong in it. TRUE when the file was one to open so. */
gboolean
_uc_window_open_state_file (UcWindow *self,
                            GFile    *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name ? g_ascii_strdown (name, -1) : NULL;
  g_autofree char *message = NULL;
  g_autoptr(UcViewState) state = NULL;
  g_autoptr(GError) error = NULL;

  if (lower == NULL || !g_str_has_suffix (lower, ".json"))
    return FALSE;
  if ((state = uc_view_state_load (file, &error)) == NULL || !uc_window_open_state (self, state, &error))
    message = g_strdup_printf (_("Could not open %s: %s"), name, error->message);
  else
    message = g_strdup_printf (_("Opened the view saved in %s"), name);
  _uc_window_toast (self, message);
  return TRUE;
}

/* A link pasted (Ctrl+V): opened as the state it names. TRUE when @text
 * was a link, opened or refused with why. */
gboolean
_uc_window_open_link (UcWindow   *self,
                      const char *text)
{
  g_autoptr(UcViewState) state = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_has_prefix (text, "undercut:story/"))
    {
      _uc_window_show_story (self, text);
      return TRUE;
    }
  if (!uc_view_state_is_link (text))
    return FALSE;
  if ((state = uc_view_state_from_link (text, &error)) == NULL || !uc_window_open_state (self, state, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the link: %s"), error->message);

      _uc_window_toast (self, message);
    }
  return TRUE;
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  UcWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL, *name = NULL, *message = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      name = file ? g_file_get_basename (file) : NULL;
      if (path == NULL)
        message = g_strdup (_("Could not save the view: only files on this computer can be written"));
      else if (!uc_window_save_state (self, path, &error))
        message = g_strdup_printf (_("Could not save the view: %s"), error->message);
      else
        message = g_strdup_printf (_("Saved “%s”: open it again, or draw it with undercut export --spec"), name);
      _uc_window_toast (self, message);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->save_chooser);
}

/* win.save-view (Ctrl+S): where to write the state, the view's id as
 * the file's name. */
static void
save_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->save_chooser || self->view == NULL)
    return;
  self->save_chooser = gtk_file_chooser_native_new (_("Save View"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                                    _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->save_chooser), TRUE);
  name = g_strdup_printf ("%s.json", uc_view_get_id (self->view));
  /* A library view's id ("library:…") is no file name. */
  g_strdelimit (name, ":/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->save_chooser), name);
  gtk_file_filter_set_name (filter, _("Saved views (JSON)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->save_chooser), filter);
  g_signal_connect (self->save_chooser, "response", G_CALLBACK (on_save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->save_chooser));
}

/* win.copy-view-link (Ctrl+Shift+L): the view shown as one line of text,
 * which Ctrl+V opens again. */
static void
copy_view_link_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autoptr(UcViewState) state = uc_window_dup_state (self);
  g_autofree char *link = NULL;

  if (state == NULL)
    return;
  link = uc_view_state_to_link (state);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), link);
  _uc_window_toast (self, state->events ? _("Copied a link to this view; your events are not in it: Save View keeps them")
                                        : _("Copied a link to this view: paste it in Undercut to open it"));
}

void
_uc_window_dispose_state (UcWindow *self)
{
  if (self->save_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->save_chooser));
  g_clear_object (&self->save_chooser);
}

void
_uc_window_class_init_state (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save-view", NULL, save_view_action);
  gtk_widget_class_install_action (widget_class, "win.copy-view-link", NULL, copy_view_link_action);
}
