/* uc-window-library.c: the user's datasets in the sidebar
 *
 * Part of UcWindow (see uc-window-private.h). Each entry of the library
 * is a view in the sidebar, under the built-in ones and a "Your Data"
 * heading, charted by its roles (uc_library_entry_create_view()). A row's
 * menu renames, reads again, shows the file or removes the entry; a
 * removal waits for its toast to go, so Undo brings the entry back whole.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-library.h"

/* A view that stands for an entry that cannot be charted (its file gone,
 * no date or number column): a row that says so when chosen. */
static UcView *
placeholder_view (UcLibraryEntry *entry)
{
  g_autofree char *id = uc_library_view_id (uc_library_entry_get_id (entry));
  g_autoptr(UcChartSpec) empty = uc_chart_spec_new ();

  return uc_view_new_for_chart (id, uc_library_entry_get_title (entry), empty);
}

/* The sidebar's library views follow the library: one per entry, in its
 * order after the built-in views, none for an entry removed (or waiting
 * to be, under its toast). */
void
_uc_window_sync_library (UcWindow *self)
{
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) stale = g_ptr_array_new_with_free_func (g_free);
  GListModel *entries = G_LIST_MODEL (self->library);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(UcLibraryEntry) entry = g_list_model_get_item (entries, i);
      const char *entry_id = uc_library_entry_get_id (entry);
      g_autofree char *id = uc_library_view_id (entry_id);
      g_autoptr(UcView) view = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (entry_id, self->removing) == 0)
        continue;
      g_hash_table_add (wanted, g_strdup (id));
      /* An entry replaced (renamed, read again) is another object. */
      if (g_hash_table_lookup (self->library_views, id) == entry)
        continue;
      g_hash_table_replace (self->library_views, g_strdup (id), entry);
      view = uc_library_entry_create_view (entry, &error);
      if (view == NULL)
        view = placeholder_view (entry);
      uc_view_catalog_add (self->views, view);
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->views)); i++)
    {
      g_autoptr(UcView) view = g_list_model_get_item (G_LIST_MODEL (self->views), i);
      const char *id = uc_view_get_id (view);

      if (uc_library_view_entry_id (id) && !g_hash_table_contains (wanted, id))
        g_ptr_array_add (stale, g_strdup (id));
    }
  for (guint i = 0; i < stale->len; i++)
    {
      g_hash_table_remove (self->library_views, g_ptr_array_index (stale, i));
      uc_view_catalog_remove (self->views, g_ptr_array_index (stale, i));
    }
  gtk_widget_set_visible (self->library_hint, g_hash_table_size (wanted) == 0);
}

/* The library entry of @view, or NULL for a built-in view. */
UcLibraryEntry *
_uc_window_entry_of_view (UcWindow *self,
                          UcView   *view)
{
  const char *entry_id = uc_library_view_entry_id (uc_view_get_id (view));

  return entry_id ? uc_library_find (self->library, entry_id) : NULL;
}

/* Why an entry's view cannot be shown, or NULL when it can. */
char *
_uc_window_why_not_shown (UcWindow *self,
                          UcView   *view)
{
  UcLibraryEntry *entry = _uc_window_entry_of_view (self, view);
  g_autoptr(UcView) charted = NULL;
  g_autoptr(GError) error = NULL;

  if (entry == NULL)
    return NULL;
  if (uc_library_entry_check (entry) == UC_LIBRARY_MISSING)
    return g_strdup_printf (_("“%s”: its file %s is gone. Put it back, or remove the dataset."),
                            uc_library_entry_get_title (entry), uc_library_entry_get_path (entry));
  charted = uc_library_entry_create_view (entry, &error);
  return charted ? NULL : g_strdup (error->message);
}

/* "Add to View": each built-in view on time, for the entry's series to
 * be drawn beside the view's own. */
static GMenuModel *
views_menu (UcWindow   *self,
            const char *entry_id)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->views)); i++)
    {
      g_autoptr(UcView) view = g_list_model_get_item (G_LIST_MODEL (self->views), i);
      g_autoptr(GMenuItem) item = NULL;

      if (uc_library_view_entry_id (uc_view_get_id (view)))
        continue;
      item = g_menu_item_new (uc_view_get_title (view), NULL);
      g_menu_item_set_action_and_target_value (item, "win.library-add-to-view",
                                               g_variant_new ("(ss)", uc_view_get_id (view), entry_id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GMenuModel *
entry_menu (UcWindow   *self,
            const char *entry_id)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuModel) views = views_menu (self, entry_id);
  static const struct { const char *label; const char *action; } items[] = {
    { N_("_Rename…"), "win.library-rename" },
    { N_("Read _Again"), "win.library-reimport" },
    { N_("_Show File"), "win.library-show-file" },
    { N_("Re_move"), "win.library-remove" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_string (entry_id));
      g_menu_append_item (menu, item);
      if (i == 0)
        g_menu_append_submenu (menu, _("_Add to View"), views);
    }
  return G_MENU_MODEL (menu);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  g_autoptr(GMenuModel) menu = NULL;

  if (gtk_menu_button_get_popover (button))
    return;
  menu = entry_menu (user_data, g_object_get_data (G_OBJECT (button), "entry-id"));
  gtk_menu_button_set_menu_model (button, menu);
}

/* A library row: its title, a mark when its file is gone, and its menu. */
GtkWidget *
_uc_window_create_library_row (UcWindow *self,
                               UcView   *view)
{
  const char *entry_id = uc_library_view_entry_id (uc_view_get_id (view));
  UcLibraryEntry *entry = uc_library_find (self->library, entry_id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (uc_view_get_title (view));
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *tooltip = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  if (entry && uc_library_entry_get_state (entry) == UC_LIBRARY_MISSING)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_set_tooltip_text (icon, _("The file is gone"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), icon);
    }
  if (entry)
    {
      tooltip = g_strdup_printf (_("%s\nImported %s"), uc_library_entry_get_path (entry),
                                 uc_library_entry_get_imported_at (entry));
      gtk_widget_set_tooltip_text (label, tooltip);
    }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  /* Made when first opened: twenty rows' menus would cost the start. */
  g_object_set_data_full (G_OBJECT (button), "entry-id", g_strdup (entry_id), g_free);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_popup, self, NULL);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Dataset Menu"));
  gtk_box_append (GTK_BOX (box), button);
  return box;
}

/* "Your Data" over the first library row. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  UcWindow *self = user_data;
  g_autoptr(UcView) view = NULL, previous = NULL;
  GtkWidget *header = gtk_list_box_row_get_header (row);
  gboolean first;

  /* The window going: its views are gone before its list box. */
  if (self->views == NULL)
    return;
  view = g_list_model_get_item (G_LIST_MODEL (self->views), (guint) gtk_list_box_row_get_index (row));
  previous = before ? g_list_model_get_item (G_LIST_MODEL (self->views), (guint) gtk_list_box_row_get_index (before))
                    : NULL;
  first = view && uc_library_view_entry_id (uc_view_get_id (view)) &&
          (previous == NULL || uc_library_view_entry_id (uc_view_get_id (previous)) == NULL);
  if (!first)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  if (header)
    return;
  header = gtk_label_new (_("Your Data"));
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "dim-label");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_list_box_row_set_header (row, header);
}

static void
on_library_changed (UcWindow *self)
{
  _uc_window_sync_library (self);
}

void
_uc_window_init_library (UcWindow *self)
{
  self->library = g_object_ref (uc_library_get_default ());
  self->library_views = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_header_func (self->view_list, update_header, self, NULL);
  _uc_window_sync_library (self);
  g_signal_connect_object (self->library, "items-changed", G_CALLBACK (on_library_changed), self, G_CONNECT_SWAPPED);
}

/* A removal waiting under its toast is carried out now. */
static void
finish_removal (UcWindow *self)
{
  g_autofree char *id = g_steal_pointer (&self->removing);
  g_autoptr(GError) error = NULL;

  if (id && !uc_library_remove (self->library, id, &error))
    g_message ("%s", error->message);
}

void
_uc_window_dispose_library (UcWindow *self)
{
  if (self->removal_toast)
    {
      g_signal_handlers_disconnect_by_data (self->removal_toast, self);
      g_clear_object (&self->removal_toast);
    }
  if (self->library)
    finish_removal (self);
  if (self->library)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->library_views, g_hash_table_unref);
}

static void
on_removal_dismissed (AdwToast *toast,
                      UcWindow *self)
{
  g_clear_object (&self->removal_toast);
  finish_removal (self);
}

static void
on_removal_undone (AdwToast *toast,
                   UcWindow *self)
{
  g_clear_pointer (&self->removing, g_free);
  g_signal_handlers_disconnect_by_func (toast, on_removal_dismissed, self);
  g_clear_object (&self->removal_toast);
  _uc_window_sync_library (self);
}

/* win.library-remove('ID'): out of the sidebar at once, out of the
 * library (and its copy deleted) when the toast goes without Undo. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  UcLibraryEntry *entry = uc_library_find (self->library, id);
  g_autofree char *title = NULL, *escaped = NULL;

  if (entry == NULL)
    return;
  /* One removal waits at a time: an earlier one is done now. */
  if (self->removal_toast)
    {
      g_signal_handlers_disconnect_by_data (self->removal_toast, self);
      adw_toast_dismiss (self->removal_toast);
      g_clear_object (&self->removal_toast);
      finish_removal (self);
      entry = uc_library_find (self->library, id);
      if (entry == NULL)
        return;
    }
  escaped = g_markup_escape_text (uc_library_entry_get_title (entry), -1);
  title = g_strdup_printf (_("“%s” removed"), escaped);
  self->removing = g_strdup (id);
  _uc_window_sync_library (self);
  self->removal_toast = adw_toast_new (title);
  adw_toast_set_button_label (self->removal_toast, _("_Undo"));
  adw_toast_set_priority (self->removal_toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (self->removal_toast, "button-clicked", G_CALLBACK (on_removal_undone), self);
  g_signal_connect (self->removal_toast, "dismissed", G_CALLBACK (on_removal_dismissed), self);
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (self->removal_toast));
}

/* win.library-reimport('ID'): the file read again with the import's
 * options, on a worker as an import is; the chart follows. */
static void
reimport_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _uc_window_queue_reimport (UC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* win.library-show-file('ID'): the folder of the file, in the file
 * manager. */
static void
show_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  UcLibraryEntry *entry = uc_library_find (self->library, g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) file = NULL, folder = NULL;
  g_autofree char *uri = NULL;

  if (entry == NULL)
    return;
  file = g_file_new_for_path (uc_library_entry_get_path (entry));
  folder = g_file_get_parent (file);
  uri = g_file_get_uri (folder ? folder : file);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_rename_response (AdwMessageDialog *dialog,
                    const char       *response,
                    UcWindow         *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *id = g_object_get_data (G_OBJECT (dialog), "entry-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0)
    return;
  if (uc_library_rename (self->library, id, gtk_editable_get_text (entry), &error) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not rename: %s"), error->message);

      _uc_window_toast (self, message);
    }
}

static void
on_rename_activate (GtkEntry         *entry,
                    AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "rename");
  gtk_window_close (GTK_WINDOW (dialog));
}

/* win.library-rename('ID'): a new title, asked in a small dialog. */
static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  UcLibraryEntry *entry = uc_library_find (self->library, id);
  GtkWidget *dialog, *text;

  if (entry == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Rename Dataset"), NULL);
  text = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (text), uc_library_entry_get_title (entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), text);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "entry-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  g_signal_connect (text, "activate", G_CALLBACK (on_rename_activate), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
pair_is (GVariant   *pair,
         const char *view_id,
         const char *entry_id)
{
  const char *v, *e;

  g_variant_get (pair, "(&s&s)", &v, &e);
  return g_strcmp0 (v, view_id) == 0 && (entry_id == NULL || g_strcmp0 (e, entry_id) == 0);
}

/* The series of the user's datasets added to @view (the settings'
 * added-series), in its first chart on time; one that cannot be drawn
 * (its file gone, a column renamed) is said in a toast and left out. */
void
_uc_window_add_user_series (UcWindow *self,
                            UcView   *view)
{
  g_autoptr(GVariant) pairs = g_settings_get_value (self->settings, "added-series");
  UcChartSpec *chart = uc_view_get_n_charts (view) ? uc_view_get_chart (view, 0) : NULL;
  GVariantIter iter;
  const char *view_id, *entry_id;

  if (chart == NULL || uc_library_view_entry_id (uc_view_get_id (view)))
    return;
  g_variant_iter_init (&iter, pairs);
  while (g_variant_iter_next (&iter, "(&s&s)", &view_id, &entry_id))
    {
      UcLibraryEntry *entry;
      UcSource *source;
      g_autoptr(UcDataset) dataset = NULL;
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (view_id, uc_view_get_id (view)) != 0 || g_strcmp0 (entry_id, self->removing) == 0 ||
          (entry = uc_library_find (self->library, entry_id)) == NULL)
        continue;
      source = uc_catalog_find (uc_catalog_get_default (), entry_id);
      if (source == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "its file %s is gone", uc_library_entry_get_path (entry));
      else
        dataset = uc_source_load (source, NULL, &error);
      if (dataset && uc_library_entry_add_series_to (entry, dataset, chart, &error) > 0)
        uc_source_cite (source, chart);
      else
        {
          g_autofree char *message = g_strdup_printf (_("Could not add “%s” to the view: %s"),
                                                      uc_library_entry_get_title (entry),
                                                      error ? error->message : _("no series"));

          _uc_window_toast (self, message);
        }
    }
}

/* Whether the view of @view_id draws entry @entry_id's series beside its
 * own (the settings' added-series). */
gboolean
_uc_window_view_has_added (UcWindow   *self,
                           const char *view_id,
                           const char *entry_id)
{
  g_autoptr(GVariant) pairs = g_settings_get_value (self->settings, "added-series");
  GVariantIter iter;
  GVariant *pair;
  gboolean found = FALSE;

  g_variant_iter_init (&iter, pairs);
  while (!found && (pair = g_variant_iter_next_value (&iter)))
    {
      found = pair_is (pair, view_id, entry_id);
      g_variant_unref (pair);
    }
  return found;
}

/* The settings' pairs of @view_id and @entry_id (NULL: every entry of
 * the view) dropped, or the one pair added. */
static void
set_added (UcWindow   *self,
           const char *view_id,
           const char *entry_id,
           gboolean    added)
{
  g_autoptr(GVariant) pairs = g_settings_get_value (self->settings, "added-series");
  g_autoptr(GVariantBuilder) next = g_variant_builder_new (G_VARIANT_TYPE ("a(ss)"));
  GVariantIter iter;
  GVariant *pair;

  g_variant_iter_init (&iter, pairs);
  while ((pair = g_variant_iter_next_value (&iter)))
    {
      if (!pair_is (pair, view_id, entry_id))
        g_variant_builder_add_value (next, pair);
      g_variant_unref (pair);
    }
  if (added)
    g_variant_builder_add (next, "(ss)", view_id, entry_id);
  g_settings_set_value (self->settings, "added-series", g_variant_builder_end (next));
}

static void
on_added_undone (AdwToast *toast,
                 UcWindow *self)
{
  const char *view_id = g_object_get_data (G_OBJECT (toast), "view-id");
  const char *entry_id = g_object_get_data (G_OBJECT (toast), "entry-id");

  set_added (self, view_id, entry_id, FALSE);
  if (self->view && g_strcmp0 (uc_view_get_id (self->view), view_id) == 0)
    _uc_window_reshow (self);
}

/* win.library-add-to-view(('deepseek-shock', 'ID')): the entry's series
 * drawn in that view, from now on; the view shown. */
static void
add_to_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  const char *view_id, *entry_id;
  UcLibraryEntry *entry;
  g_autoptr(GError) error = NULL;
  g_autofree char *escaped = NULL, *title = NULL;
  AdwToast *toast;

  g_variant_get (parameter, "(&s&s)", &view_id, &entry_id);
  if ((entry = uc_library_find (self->library, entry_id)) == NULL)
    return;
  set_added (self, view_id, entry_id, TRUE);
  if (self->view && g_strcmp0 (uc_view_get_id (self->view), view_id) == 0)
    _uc_window_reshow (self);
  else if (!uc_window_show_view (self, view_id, &error))
    _uc_window_toast (self, error->message);
  escaped = g_markup_escape_text (uc_library_entry_get_title (entry), -1);
  title = g_strdup_printf (_("“%s” added to the view, on the right axis"), escaped);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "view-id", g_strdup (view_id), g_free);
  g_object_set_data_full (G_OBJECT (toast), "entry-id", g_strdup (entry_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_added_undone), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* win.remove-added: the view shown back to its own series. */
static void
remove_added_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (self->view == NULL)
    return;
  set_added (self, uc_view_get_id (self->view), NULL, FALSE);
  _uc_window_reshow (self);
}

void
_uc_window_class_init_library (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.library-add-to-view", "(ss)", add_to_view_action);
  gtk_widget_class_install_action (widget_class, "win.remove-added", NULL, remove_added_action);
  gtk_widget_class_install_action (widget_class, "win.library-remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "win.library-reimport", "s", reimport_action);
  gtk_widget_class_install_action (widget_class, "win.library-show-file", "s", show_file_action);
  gtk_widget_class_install_action (widget_class, "win.library-rename", "s", rename_action);
}
