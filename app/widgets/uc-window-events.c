/* uc-window-events.c: the user's own events file on every chart
 *
 * Part of UcWindow (see uc-window-private.h). Events File… (win.open-events,
 * Ctrl+Shift+E) takes a CSV with date and title columns, as `undercut
 * export --events FILE` does: checked first (a file refused changes
 * nothing), kept as a copy in the data dir (uc-user-events.c), and its
 * events drawn on every time chart of every view, built-in or imported,
 * as "Your events" (a colour and a category switch of their own), the
 * file named in the source line. Remove Events File takes them away under
 * an Undo toast; the copy goes when the toast does.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-event-table.h"
#include "uc-user-events.h"

/* The events table (self->events) lists the user's events with the
 * built-in ones: taken out and put back whenever the file changes. */
static void
list_user_events (UcWindow *self)
{
  g_autoptr(UcChartSpec) scratch = NULL;
  guint n;

  if (self->events == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(UcEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i - 1);

      if (uc_event_get_category (event) == UC_EVENT_USER)
        g_list_store_remove (self->events, i - 1);
    }
  if (self->user_events == NULL)
    return;
  scratch = uc_chart_spec_new ();
  uc_chart_spec_add_events_as (scratch, self->user_events, G_MININT64 / 2, G_MAXINT64 / 2, UC_EVENT_USER, NULL);
  for (guint i = 0; i < uc_chart_spec_get_n_events (scratch); i++)
    g_list_store_append (self->events, uc_chart_spec_get_event (scratch, i));
}

/* The events table and the actions follow @events (NULL: none), named
 * @name; the charts do when they next take their options. */
static void
keep_user_events (UcWindow   *self,
                  UcDataset  *events,
                  const char *name)
{
  GAction *action;

  g_set_object (&self->user_events, events);
  g_free (self->user_events_name);
  self->user_events_name = events ? g_strdup (name) : NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-events", events != NULL);
  /* Their switch in the menu means something only while there are some. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "events-user");
  if (action)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), events != NULL);
  list_user_events (self);
  _uc_window_sync_annotations (self);
}

/* ...and every chart of the view shown, at once. */
static void
set_user_events (UcWindow   *self,
                 UcDataset  *events,
                 const char *name)
{
  keep_user_events (self, events, name);
  _uc_window_apply_options (self);
}

/* The user's events, for every chart's options. */
void
_uc_window_user_events_options (UcWindow       *self,
                                UcChartOptions *options)
{
  g_set_object (&options->added_events, self->user_events);
  g_free (options->added_events_name);
  options->added_events_name = g_strdup (self->user_events_name);
}

/* After the built-in events are in the table. */
void
_uc_window_list_user_events (UcWindow *self)
{
  list_user_events (self);
}

/* A removal under its toast: given up (the toast gone from view) without
 * deleting the copy, or carried out. */
static void
end_removal (UcWindow *self,
             gboolean  delete)
{
  g_autoptr(GError) error = NULL;

  if (self->events_toast)
    {
      g_signal_handlers_disconnect_by_data (self->events_toast, self);
      adw_toast_dismiss (self->events_toast);
      g_clear_object (&self->events_toast);
    }
  if (delete && !uc_user_events_remove (self->user_events_path, &error))
    g_message ("%s", error->message);
}

/* @events (NULL: none left) as the user's, after a change made in the
 * window and written already; a removal waiting under its toast is
 * given up (its copy is the file just written). */
void
_uc_window_replace_user_events (UcWindow  *self,
                                UcDataset *events)
{
  g_autofree char *name = NULL;

  end_removal (self, FALSE);
  g_clear_object (&self->removed_events);
  if (events)
    name = self->user_events_name ? g_strdup (self->user_events_name) : uc_user_events_dup_name (self->user_events_path);
  set_user_events (self, events, name);
}

static void
show_refusal (UcWindow     *self,
              const GError *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         _("Events File Not Used"), NULL));

  adw_message_dialog_format_body (dialog, _("%s\n\nAn events file is a CSV table with a “date” and a “title” column; "
                                            "the events marked before are kept."), error->message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* @events added to the user's own, those already there (field by field)
 * not twice, and written back (with none yet, they become the user's).
 * The number added, or -1 (and @error) when they could not be kept. */
int
_uc_window_take_events (UcWindow   *self,
                        UcDataset  *events,
                        GError    **error)
{
  g_autoptr(GPtrArray) list = self->user_events ? uc_user_events_list (self->user_events)
                                                : g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) incoming = uc_user_events_list (events);
  g_autoptr(UcDataset) merged = NULL;
  int added = 0;

  for (guint i = 0; i < incoming->len; i++)
    if (uc_user_events_find (list, g_ptr_array_index (incoming, i)) < 0)
      {
        g_ptr_array_add (list, g_object_ref (g_ptr_array_index (incoming, i)));
        added++;
      }
  if (added == 0)
    return 0;
  if ((merged = uc_user_events_save (list, self->user_events_path, error)) == NULL)
    return -1;
  _uc_window_replace_user_events (self, merged);
  return added;
}

/* @events (read from the file @name) added to the user's own. */
static void
merge_events (UcWindow   *self,
              UcDataset  *events,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  int added = _uc_window_take_events (self, events, &error);

  if (added < 0)
    {
      message = g_strdup_printf (_("Your events could not be saved: %s"), error->message);
      _uc_window_toast (self, message);
      return;
    }
  message = g_strdup_printf (ngettext ("%u event from %s added to yours", "%u events from %s added to yours", added),
                             (guint) added, name);
  _uc_window_toast (self, message);
}

/* @file checked and kept as the user's events, or, with some already,
 * added to them (nothing the user made is lost); refused, the events
 * shown before stay and the refusal is said with its line and column. */
static void
use_file (UcWindow *self,
          GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;

  if (self->user_events)
    {
      if ((events = uc_user_events_read (file, &error)) == NULL)
        show_refusal (self, error);
      else
        merge_events (self, events, name);
      return;
    }
  events = uc_user_events_install (file, self->user_events_path, &error);
  if (events == NULL)
    {
      show_refusal (self, error);
      return;
    }
  /* A removal waiting under its toast: the new file took the copy's place. */
  end_removal (self, FALSE);
  g_clear_object (&self->removed_events);
  set_user_events (self, events, name);
  message = g_strdup_printf (_("Your events from %s are marked on the charts"), name);
  _uc_window_toast (self, message);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     UcWindow        *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->events_chooser);
  if (file)
    use_file (self, file);
}

/* win.open-events (Ctrl+Shift+E): a CSV file of the user's events. */
static void
open_events_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooser *chooser;

  if (self->events_chooser)
    return;
  self->events_chooser = gtk_file_chooser_native_new (_("Open an Events File"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->events_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->events_chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files with date and title columns"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_add_pattern (csv, "*.CSV");
  gtk_file_chooser_add_filter (chooser, csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
  g_signal_connect (self->events_chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->events_chooser));
}

/* win.open-events-file('PATH'): the same, without the chooser (scripts
 * and tests). */
static void
open_events_file_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  use_file (UC_WINDOW (widget), file);
}

static void
on_removal_dismissed (AdwToast *toast,
                      UcWindow *self)
{
  g_clear_object (&self->events_toast);
  g_clear_object (&self->removed_events);
  end_removal (self, TRUE);
}

/* win.restore-events: the toast's Undo; the events back on every chart. */
static void
restore_events_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autoptr(UcDataset) events = g_steal_pointer (&self->removed_events);
  g_autofree char *name = g_steal_pointer (&self->removed_events_name);

  if (events == NULL)
    return;
  end_removal (self, FALSE);
  set_user_events (self, events, name);
}

/* win.remove-events: off every chart at once; the copy deleted when the
 * toast goes without Undo (win.restore-events). */
static void
remove_events_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autofree char *title = NULL, *escaped = NULL;

  if (self->user_events == NULL)
    return;
  g_set_object (&self->removed_events, self->user_events);
  g_free (self->removed_events_name);
  self->removed_events_name = g_strdup (self->user_events_name);
  escaped = g_markup_escape_text (self->user_events_name ? self->user_events_name : "", -1);
  title = g_strdup_printf (_("Your events from %s removed"), escaped);
  set_user_events (self, NULL, NULL);
  self->events_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->events_toast, _("_Undo"));
  adw_toast_set_action_name (self->events_toast, "win.restore-events");
  adw_toast_set_priority (self->events_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (self->events_toast, "dismissed", G_CALLBACK (on_removal_dismissed), self);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->events_toast));
}

/* The events kept last time; a copy that can no longer be read is said
 * and left for the user to replace or remove. */
void
_uc_window_init_events (UcWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = NULL;

  self->user_events_path = uc_user_events_default_path ();
  events = uc_user_events_load (self->user_events_path, &error);
  if (events)
    {
      g_autofree char *name = uc_user_events_dup_name (self->user_events_path);

      /* The charts have no view yet: they take them when it is shown. */
      keep_user_events (self, events, name);
      return;
    }
  keep_user_events (self, NULL, NULL);
  if (error)
    {
      g_autofree char *message = g_strdup_printf (_("Your events file cannot be read: %s"), error->message);

      _uc_window_toast (self, message);
    }
}

void
_uc_window_dispose_events (UcWindow *self)
{
  if (self->events_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->events_chooser));
  g_clear_object (&self->events_chooser);
  /* A removal under its toast is carried out. */
  if (self->events_toast)
    end_removal (self, TRUE);
  g_clear_object (&self->user_events);
  g_clear_object (&self->removed_events);
  g_clear_pointer (&self->user_events_name, g_free);
  g_clear_pointer (&self->removed_events_name, g_free);
  g_clear_pointer (&self->user_events_path, g_free);
}

void
_uc_window_class_init_events (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-events", NULL, open_events_action);
  gtk_widget_class_install_action (widget_class, "win.open-events-file", "s", open_events_file_action);
  gtk_widget_class_install_action (widget_class, "win.remove-events", NULL, remove_events_action);
  gtk_widget_class_install_action (widget_class, "win.restore-events", NULL, restore_events_action);
}
