/* uc-window-annotations.c: the user's own events, one by one
 *
 * Part of UcWindow (see uc-window-private.h). New Event (win.add-event,
 * Ctrl+M; Ctrl+click on a day of any time chart; "Mark This Range…" on
 * the toast after a Shift-drag zoom) opens the event dialog
 * (uc-event-dialog.c) on that day or those days; an event of the user's
 * is edited or deleted from its popover on the charts or from the events
 * table, a deletion undone from its toast. Every change writes the whole
 * list back to the copy in the data dir (uc_user_events_save()) and the
 * charts take what was written. Export Your Events… writes the same CSV
 * where the user says.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-event-dialog.h"
#include "uc-format.h"
#include "uc-safe-file.h"
#include "uc-user-events.h"

/* The categories to offer: the user's own so far, then the built-in ones
 * (as an events file names them, so that `export --events` colours them). */
static GStrv
offered_categories (UcWindow *self)
{
  g_autoptr(GPtrArray) list = uc_user_events_list (self->user_events);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < list->len; i++)
    {
      const char *tag = uc_event_get_tag (g_ptr_array_index (list, i));

      if (tag && g_hash_table_add (seen, (gpointer) tag))
        g_strv_builder_add (builder, tag);
    }
  for (int c = UC_EVENT_MODEL_RELEASE; c < UC_EVENT_USER; c++)
    if (!g_hash_table_contains (seen, uc_event_category_to_string (c)))
      g_strv_builder_add (builder, uc_event_category_to_string (c));
  return g_strv_builder_end (builder);
}

/* @list written and shown on every chart; not written, the toast says
 * why and nothing changes. */
static gboolean
keep_list (UcWindow  *self,
           GPtrArray *list)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = uc_user_events_save (list, self->user_events_path, &error);

  if (error)
    {
      g_autofree char *message = g_strdup_printf (_("Your events could not be saved: %s"), error->message);

      _uc_window_toast (self, message);
      return FALSE;
    }
  _uc_window_replace_user_events (self, events);
  return TRUE;
}

/* A deletion under its toast: forgotten when the toast goes. */
static void
on_delete_toast_dismissed (AdwToast *toast,
                           UcWindow *self)
{
  g_clear_object (&self->delete_toast);
  g_clear_object (&self->deleted_event);
}

/* Not dismissed (libadwaita 1.2 asserts when a toast is dismissed while
 * one it put aside is still going): its Undo names the deletion it is
 * about, and does nothing once that is forgotten. */
static void
forget_deletion (UcWindow *self)
{
  if (self->delete_toast)
    g_signal_handlers_disconnect_by_data (self->delete_toast, self);
  g_clear_object (&self->delete_toast);
  g_clear_object (&self->deleted_event);
}

/* @event (a copy, as the charts and the table hold) off the list, under
 * a toast whose Undo puts it back where it was. */
static void
delete_event (UcWindow *self,
              UcEvent  *event)
{
  g_autoptr(GPtrArray) list = uc_user_events_list (self->user_events);
  int index = uc_user_events_find (list, event);
  g_autoptr(UcEvent) deleted = NULL;
  g_autofree char *title = NULL, *escaped = NULL;

  if (index < 0)
    return;
  deleted = g_object_ref (g_ptr_array_index (list, index));
  g_ptr_array_remove_index (list, (guint) index);
  if (!keep_list (self, list))
    return;
  forget_deletion (self);
  self->deleted_event = g_steal_pointer (&deleted);
  self->deleted_index = (guint) index;
  self->delete_serial++;
  escaped = g_markup_escape_text (uc_event_get_title (self->deleted_event), -1);
  title = g_strdup_printf (_("“%s” deleted"), escaped);
  self->delete_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->delete_toast, _("_Undo"));
  adw_toast_set_action_name (self->delete_toast, "win.undo-delete-event");
  adw_toast_set_action_target_value (self->delete_toast, g_variant_new_uint32 (self->delete_serial));
  adw_toast_set_priority (self->delete_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (self->delete_toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed), self);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->delete_toast));
}

/* win.undo-delete-event(serial): the event deleted last back in its
 * place, if it is that deletion's toast asking (0: whichever, for
 * scripts and tests). */
static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  guint serial = g_variant_get_uint32 (parameter);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(UcEvent) event = NULL;

  if (self->deleted_event == NULL || (serial != 0 && serial != self->delete_serial))
    return;
  event = g_object_ref (self->deleted_event);
  list = uc_user_events_list (self->user_events);
  g_ptr_array_insert (list, (int) MIN (self->deleted_index, list->len), g_object_ref (event));
  if (keep_list (self, list))
    forget_deletion (self);
}

/* An event just added or changed is to be seen: the user's category
 * switched on again if it was off. */
static void
show_user_category (UcWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "events-user");
  g_autoptr(GVariant) state = action ? g_action_get_state (action) : NULL;

  if (state && !g_variant_get_boolean (state))
    g_action_activate (action, NULL);
}

static void
on_dialog_response (UcEventDialog *dialog,
                    const char    *response,
                    UcWindow      *self)
{
  UcEvent *editing = uc_event_dialog_get_editing (dialog);
  g_autoptr(UcEvent) event = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int index;

  if (g_str_equal (response, "delete") && editing)
    {
      delete_event (self, editing);
      return;
    }
  if (!g_str_equal (response, "save") || (event = uc_event_dialog_dup_event (dialog, NULL)) == NULL)
    return;
  list = uc_user_events_list (self->user_events);
  index = editing ? uc_user_events_find (list, editing) : -1;
  if (index >= 0)
    {
      g_ptr_array_remove_index (list, (guint) index);
      g_ptr_array_insert (list, index, g_object_ref (event));
    }
  else
    g_ptr_array_add (list, g_object_ref (event));
  if (keep_list (self, list))
    {
      g_autofree char *message = index >= 0 ? g_strdup_printf (_("“%s” changed"), uc_event_get_title (event))
                                            : g_strdup_printf (_("“%s” added to your events"),
                                                               uc_event_get_title (event));

      show_user_category (self);
      _uc_window_toast (self, message);
    }
}

/* The event dialog for @editing, or for a new event from @from to @to
 * (days); one at a time. */
static void
open_dialog (UcWindow *self,
             UcEvent  *editing,
             UcTime    from,
             UcTime    to)
{
  g_auto(GStrv) categories = NULL;

  if (self->event_dialog)
    {
      gtk_window_present (GTK_WINDOW (self->event_dialog));
      return;
    }
  categories = offered_categories (self);
  self->event_dialog = uc_event_dialog_new (GTK_WINDOW (self), editing, from, to, (const char * const *) categories);
  g_object_add_weak_pointer (G_OBJECT (self->event_dialog), (gpointer *) &self->event_dialog);
  g_signal_connect (self->event_dialog, "response", G_CALLBACK (on_dialog_response), self);
  gtk_window_present (GTK_WINDOW (self->event_dialog));
}

/* The day of the crosshair of any chart, if one shows it. */
static gboolean
crosshair_day (UcWindow *self,
               UcTime   *day)
{
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); c; c = gtk_widget_get_next_sibling (c))
    if (UC_IS_CHART_VIEW (c) && gtk_widget_get_visible (c) && uc_chart_view_get_crosshair (UC_CHART_VIEW (c), day))
      return TRUE;
  return FALSE;
}

static UcTime
day_of (UcTime t)
{
  int y, m, d;

  uc_time_to_ymd (t, &y, &m, &d);
  return uc_time_from_ymd (y, m, d);
}

/* win.add-event (Ctrl+M): a new event on the crosshair's day; without
 * one, on the days last selected with a Shift-drag while they are shown,
 * else on the last day shown. */
static void
add_event_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  UcTime day, from = 0, to = 0;

  if (self->time_range)
    uc_time_range_get (self->time_range, &from, &to);
  if (crosshair_day (self, &day))
    open_dialog (self, NULL, day_of (day), day_of (day));
  else if (self->marked_from && self->marked_to >= self->marked_from && from == self->marked_range[0] &&
           to == self->marked_range[1])
    open_dialog (self, NULL, self->marked_from, self->marked_to);
  else
    open_dialog (self, NULL, day_of (to ? to : g_get_real_time ()), day_of (to ? to : g_get_real_time ()));
}

/* win.mark-days((from, to)): a new event on those days (the toast after
 * a Shift-drag, scripts and tests). */
static void
mark_days_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gint64 from, to;

  g_variant_get (parameter, "(xx)", &from, &to);
  open_dialog (UC_WINDOW (widget), NULL, day_of (from), day_of (MAX (from, to)));
}

/* Ctrl+click on a chart's day. */
static void
on_chart_add_event (UcWindow    *self,
                    gint64       from,
                    gint64       to,
                    UcChartView *chart)
{
  open_dialog (self, NULL, from, to);
}

/* A Shift-drag zoomed in on some days: the toast offers to mark them. */
static void
on_chart_days_selected (UcWindow    *self,
                        gint64       from,
                        gint64       to,
                        UcChartView *chart)
{
  g_autofree char *period = uc_format_period (from, to);
  g_autofree char *escaped = g_markup_escape_text (period, -1);
  g_autofree char *title = g_strdup_printf (_("Showing %s"), escaped);
  AdwToast *toast = adw_toast_new (title);

  self->marked_from = from;
  self->marked_to = to;
  if (self->time_range)
    uc_time_range_get (self->time_range, &self->marked_range[0], &self->marked_range[1]);
  adw_toast_set_button_label (toast, _("_Mark This Range…"));
  adw_toast_set_action_name (toast, "win.mark-days");
  adw_toast_set_action_target_value (toast, g_variant_new ("(xx)", from, to));
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
on_edit_event (UcWindow *self,
               UcEvent  *event)
{
  g_autoptr(GPtrArray) list = uc_user_events_list (self->user_events);
  int index = uc_user_events_find (list, event);

  /* The list's own, not the chart's copy: what is found is what is changed. */
  if (index >= 0)
    open_dialog (self, g_ptr_array_index (list, index), 0, 0);
}

static void
on_delete_event (UcWindow *self,
                 UcEvent  *event)
{
  delete_event (self, event);
}

/* A chart's Ctrl+click, Shift-drag and popover buttons, on this file's
 * handlers. */
void
_uc_window_connect_chart_annotations (UcWindow    *self,
                                      UcChartView *chart)
{
  g_signal_connect_swapped (chart, "add-event", G_CALLBACK (on_chart_add_event), self);
  g_signal_connect_swapped (chart, "days-selected", G_CALLBACK (on_chart_days_selected), self);
  g_signal_connect_swapped (chart, "edit-event", G_CALLBACK (on_edit_event), self);
  g_signal_connect_swapped (chart, "delete-event", G_CALLBACK (on_delete_event), self);
}

/* The CSV of the user's events to @path, as kept. */
static void
export_to (UcWindow   *self,
           const char *path)
{
  g_autoptr(GPtrArray) list = uc_user_events_list (self->user_events);
  g_autoptr(GBytes) bytes = uc_user_events_format (list);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (uc_safe_file_set_contents (path, NULL, data, length, &error))
    message = g_strdup_printf (ngettext ("%u event saved to %s", "%u events saved to %s", list->len), list->len, name);
  else
    message = g_strdup_printf (_("Your events could not be exported: %s"), error->message);
  _uc_window_toast (self, message);
}

static void
on_export_response (GtkNativeDialog *chooser,
                    int              response,
                    UcWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->events_export_chooser);
  if (file == NULL)
    return;
  if ((path = g_file_get_path (file)) == NULL)
    {
      _uc_window_toast (self, _("Your events can only be exported to a local file"));
      return;
    }
  export_to (self, path);
}

/* win.export-events: Export Your Events… to a CSV file chosen. */
static void
export_events_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->events_export_chooser || self->user_events == NULL)
    return;
  self->events_export_chooser = gtk_file_chooser_native_new (_("Export Your Events"), GTK_WINDOW (self),
                                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                             _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->events_export_chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->events_export_chooser), "your-events.csv");
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->events_export_chooser), csv);
  g_signal_connect (self->events_export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->events_export_chooser));
}

/* win.export-events-file('PATH'): the same, without the chooser. */
static void
export_events_file_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (self->user_events)
    export_to (self, g_variant_get_string (parameter, NULL));
}

/* What can be done follows whether there are any. */
void
_uc_window_sync_annotations (UcWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-events", self->user_events != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-events-file", self->user_events != NULL);
}

void
_uc_window_init_annotations (UcWindow *self)
{
  g_signal_connect_swapped (self->event_list, "edit-event", G_CALLBACK (on_edit_event), self);
  g_signal_connect_swapped (self->event_list, "delete-event", G_CALLBACK (on_delete_event), self);
  _uc_window_sync_annotations (self);
}

void
_uc_window_dispose_annotations (UcWindow *self)
{
  if (self->event_dialog)
    gtk_window_destroy (GTK_WINDOW (self->event_dialog));
  if (self->events_export_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->events_export_chooser));
  g_clear_object (&self->events_export_chooser);
  forget_deletion (self);
}

void
_uc_window_class_init_annotations (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-event", NULL, add_event_action);
  gtk_widget_class_install_action (widget_class, "win.mark-days", "(xx)", mark_days_action);
  gtk_widget_class_install_action (widget_class, "win.undo-delete-event", "u", undo_delete_action);
  gtk_widget_class_install_action (widget_class, "win.export-events", NULL, export_events_action);
  gtk_widget_class_install_action (widget_class, "win.export-events-file", "s", export_events_file_action);
}
