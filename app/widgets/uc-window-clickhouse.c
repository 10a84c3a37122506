/* uc-window-clickhouse.c: a ClickHouse table charted in the window
 *
 * Part of UcWindow (see uc-window-private.h). Chart a ClickHouse Table…
 * (win.chart-clickhouse, Ctrl+Shift+O) opens the dialog; the table picked
 * joins the catalog as a source (the Sources page lists it) and the
 * sidebar as a view, loaded like any other. While it is shown, its first
 * chart asks the table again for each stretch and width it draws
 * (UcRemoteFrames), and the line under the charts says what the frame is.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-clickhouse-dialog.h"
#include "uc-clickhouse-source.h"
#include "uc-remote-frames.h"
#include "uc-secret.h"
#include "uc-window.h"
#include "uc-window-private.h"

#define REMOTE_MIN_SPAN ((UcTime) 10 * G_USEC_PER_SEC)

#define TABLES_KEY "clickhouse-tables"
#define KEYRING_SECONDS 10

static void
clear_thread (GTask        *task,
              gpointer      object,
              gpointer      data,
              GCancellable *cancellable)
{
  char **key = data;
  g_autoptr(GError) error = NULL;

  if (!uc_secret_clear (key[0], key[1], cancellable, &error))
    g_debug ("keyring: %s", error->message);
  g_task_return_boolean (task, TRUE);
}

/* A table removed: its password leaves the keyring, unless another
 * table of @tables (the settings' now) is read as the same user on the
 * same server. */
static void
forget_password (GVariant           *tables,
                 UcClickhouseSource *gone)
{
  UcClickhouse *ch = uc_clickhouse_source_get_connection (gone);
  const char *database, *table, *x, *y, *group, *user;
  g_autoptr(GTask) task = NULL;
  GVariantIter iter;
  GVariant *entry;

  uc_clickhouse_get_names (ch, &database, &table, &x, &y, &group, &user);
  if (user == NULL)
    return;
  g_variant_iter_init (&iter, tables);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) owned = entry;
      const char *other_url, *other_user;

      g_variant_get_child (entry, 0, "&s", &other_url);
      g_variant_get_child (entry, 6, "&s", &other_user);
      if (g_str_equal (other_url, uc_clickhouse_get_url (ch)) && g_str_equal (other_user, user))
        return;
    }
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_task_data (task, g_strdupv ((char *[]) { (char *) uc_clickhouse_get_url (ch), (char *) user, NULL }),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, clear_thread);
}

/* Every table of the settings in the catalog and the sidebar, and only
 * those: a table added or removed in any window shows in all. */
static void
sync_tables (UcWindow *self)
{
  g_autoptr(GVariant) tables = g_settings_get_value (self->settings, TABLES_KEY);
  g_autoptr(GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  UcCatalog *catalog = uc_catalog_get_default ();
  GVariantIter iter;
  GVariant *entry;

  g_variant_iter_init (&iter, tables);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) owned = entry;
      g_autoptr(GError) error = NULL;
      g_autoptr(UcSource) source = uc_clickhouse_source_new_from_variant (entry, &error);
      g_autoptr(UcView) view = NULL;
      const char *id;

      if (source == NULL)
        {
          g_message ("%s: %s", TABLES_KEY, error->message);
          continue;
        }
      id = uc_source_get_id (source);
      g_hash_table_add (wanted, g_strdup (id));
      if (uc_catalog_find (catalog, id) == NULL)
        uc_catalog_add (catalog, source);
      if (uc_view_catalog_find (self->views, id, NULL) != NULL)
        continue;
      if ((view = uc_clickhouse_source_create_view (UC_CLICKHOUSE_SOURCE (uc_catalog_find (catalog, id)), &error)))
        uc_view_catalog_add (self->views, view);
      else
        g_message ("%s: %s", TABLES_KEY, error->message);
    }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->views)); i-- > 0;)
    {
      g_autoptr(UcView) view = g_list_model_get_item (G_LIST_MODEL (self->views), i);
      const char *id = uc_view_get_id (view);

      if (g_str_has_prefix (id, UC_CLICKHOUSE_SOURCE_PREFIX) && !g_hash_table_contains (wanted, id))
        {
          UcSource *gone = uc_catalog_find (catalog, id);

          if (UC_IS_CLICKHOUSE_SOURCE (gone))
            forget_password (tables, UC_CLICKHOUSE_SOURCE (gone));
          uc_view_catalog_remove (self->views, id);
          uc_catalog_remove (catalog, id);
        }
    }
}

/* @source in the settings, in place of the one of the same table. */
static void
save_table (UcWindow           *self,
            UcClickhouseSource *source)
{
  g_autoptr(GVariant) tables = g_settings_get_value (self->settings, TABLES_KEY);

  g_settings_set_value (self->settings, TABLES_KEY,
                        uc_clickhouse_source_list_replace (tables, uc_source_get_id (UC_SOURCE (source)), source));
}

static void
store_thread (GTask        *task,
              gpointer      object,
              gpointer      data,
              GCancellable *cancellable)
{
  UcClickhouse *ch = data;
  g_autofree char *password = NULL;
  const char *database, *table, *x, *y, *group, *user;
  GError *error = NULL;

  uc_clickhouse_get_names (ch, &database, &table, &x, &y, &group, &user);
  password = g_strdup (g_object_get_data (G_OBJECT (task), "password"));
  if (uc_secret_store (uc_clickhouse_get_url (ch), user, password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
  memset (password, 0, strlen (password));
}

static void
wipe (gpointer data)
{
  memset (data, 0, strlen (data));
  g_free (data);
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean stored = g_task_propagate_boolean (G_TASK (result), &error);

  /* A window closed meanwhile has nothing to say it in. */
  if (self->settings == NULL)
    return;
  g_clear_handle_id (&self->keyring_timeout, g_source_remove);
  if (stored)
    return;
  /* Translators: %s says why the keyring did not keep the password */
  message = g_strdup_printf (_("The password is not kept in the keyring (%s): it is used until Undercut quits"),
                             error->message);
  _uc_window_toast (self, message);
}

static gboolean
keyring_too_slow (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* @ch's password into the keyring, on a worker (a keyring may ask the
 * user to unlock it); said in a toast when it cannot be kept. */
static void
store_password (UcWindow     *self,
                UcClickhouse *ch,
                const char   *password)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, on_stored, g_object_ref (self));

  g_object_set_data_full (G_OBJECT (task), "password", g_strdup (password), wipe);
  g_task_set_task_data (task, g_object_ref (ch), g_object_unref);
  g_clear_handle_id (&self->keyring_timeout, g_source_remove);
  self->keyring_timeout = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, KEYRING_SECONDS, keyring_too_slow,
                                                      g_object_ref (cancellable), g_object_unref);
  g_task_run_in_thread (task, store_thread);
}

static void
on_dialog_chart (UcClickhouseDialog *dialog,
                 UcWindow           *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) connection = uc_clickhouse_dialog_create_connection (dialog, &error);
  g_auto(GStrv) groups = uc_clickhouse_dialog_dup_groups (dialog);
  g_autoptr(UcSource) source = NULL;
  UcCatalog *catalog = uc_catalog_get_default ();
  const char *id, *password = uc_clickhouse_dialog_get_password (dialog);

  if (connection == NULL)
    {
      uc_clickhouse_dialog_show_error (dialog, error);
      return;
    }
  source = uc_clickhouse_source_new (connection, (const char * const *) groups);
  id = uc_source_get_id (source);
  /* The same table again (new credentials, say): the new source in place
   * of the old, before the settings bring its view to every window. */
  uc_catalog_remove (catalog, id);
  uc_catalog_add (catalog, source);
  uc_view_catalog_remove (self->views, id);
  save_table (self, UC_CLICKHOUSE_SOURCE (source));
  sync_tables (self);
  if (uc_clickhouse_dialog_get_user (dialog) && password && *password)
    store_password (self, connection, password);
  gtk_window_destroy (GTK_WINDOW (dialog));
  if (!uc_window_show_view (self, id, &error))
    _uc_window_toast (self, error->message);
}

static void
on_dialog_destroyed (UcWindow *self)
{
  self->clickhouse_dialog = NULL;
}

/* win.chart-clickhouse (Ctrl+Shift+O): the dialog, or the one open. */
static void
chart_clickhouse_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  UcClickhouseDialog *dialog;

  if (self->clickhouse_dialog)
    {
      gtk_window_present (self->clickhouse_dialog);
      return;
    }
  dialog = uc_clickhouse_dialog_new (GTK_WINDOW (self));
  self->clickhouse_dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "chart", G_CALLBACK (on_dialog_chart), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_remote_status (UcWindow *self)
{
  UcRemoteFrames *remote = UC_REMOTE_FRAMES (self->remote);
  const char *status = uc_remote_frames_get_status (remote);

  gtk_label_set_text (self->remote_label, status ? status : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->remote_label), status);
  gtk_spinner_set_spinning (self->remote_spinner, uc_remote_frames_get_busy (remote));
  gtk_widget_set_visible (GTK_WIDGET (self->remote_spinner), uc_remote_frames_get_busy (remote));
  if (uc_remote_frames_get_failed (remote))
    gtk_widget_add_css_class (GTK_WIDGET (self->remote_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->remote_label), "error");
}

static void
clear_remote (UcWindow *self)
{
  if (self->remote)
    g_signal_handlers_disconnect_by_data (self->remote, self);
  g_clear_object (&self->remote);
}

/* The view just shown: a ClickHouse table's is asked per frame, and says
 * what it shows; any other has no line for it. */
void
_uc_window_sync_remote (UcWindow *self)
{
  const char *id = self->view ? uc_view_get_id (self->view) : NULL;
  UcSource *source = id && g_str_has_prefix (id, UC_CLICKHOUSE_SOURCE_PREFIX)
                     ? uc_catalog_find (uc_catalog_get_default (), id) : NULL;

  clear_remote (self);
  gtk_widget_set_visible (self->remote_bar, UC_IS_CLICKHOUSE_SOURCE (source));
  /* A table of ticks is zoomed to its minutes and seconds; days are the
   * finest the other views have. */
  uc_time_range_set_min_span (self->time_range, UC_IS_CLICKHOUSE_SOURCE (source) ? REMOTE_MIN_SPAN
                                                                               : UC_TIME_RANGE_MIN_SPAN);
  if (!UC_IS_CLICKHOUSE_SOURCE (source))
    return;
  self->remote = G_OBJECT (uc_remote_frames_new (self->chart_view, UC_CLICKHOUSE_SOURCE (source)));
  g_signal_connect_swapped (self->remote, "notify::status", G_CALLBACK (on_remote_status), self);
  g_signal_connect_swapped (self->remote, "notify::busy", G_CALLBACK (on_remote_status), self);
  on_remote_status (self);
}

/* The tables of the settings in the sidebar, kept in step with them. */
void
_uc_window_init_clickhouse (UcWindow *self)
{
  g_signal_connect_swapped (self->settings, "changed::" TABLES_KEY, G_CALLBACK (sync_tables), self);
  sync_tables (self);
}

void
_uc_window_dispose_clickhouse (UcWindow *self)
{
  g_clear_handle_id (&self->keyring_timeout, g_source_remove);
  clear_remote (self);
  if (self->clickhouse_dialog)
    gtk_window_destroy (self->clickhouse_dialog);
}

static UcChartSpec *
refine_remote (UcChartSpec              *spec,
               guint                     index,
               int                       width,
               int                       height,
               double                    scale,
               const UcChartDrawOptions *options,
               gpointer                  data,
               GError                  **error)
{
  /* The view's first chart is the table's; the others are not remote. */
  if (index != 0)
    return g_object_ref (spec);
  return uc_remote_frames_refine (data, spec, width, height, scale, options, error);
}

/* An export of a ClickHouse table's view asks the table again at the
 * export's own size (a 300 dpi PNG has 3.125 times the columns). */
void
_uc_window_refine_export (UcWindow       *self,
                          UcExportDialog *dialog)
{
  if (self->remote)
    uc_export_dialog_set_refine (dialog, refine_remote, g_object_ref (self->remote), g_object_unref);
}

/* uc_window_export()'s charts, the table's made again at @width × its
 * height (see _uc_window_refine_export()). */
gboolean
_uc_window_refine_specs (UcWindow                 *self,
                         GPtrArray                *specs,
                         const int                *heights,
                         int                       width,
                         const UcChartDrawOptions *draw,
                         GError                  **error)
{
  UcChartSpec *made;

  if (self->remote == NULL || specs->len == 0)
    return TRUE;
  if ((made = refine_remote (g_ptr_array_index (specs, 0), 0, width, heights[0], 1, &draw[0], self->remote, error)) == NULL)
    return FALSE;
  g_object_unref (g_ptr_array_index (specs, 0));
  g_ptr_array_index (specs, 0) = made;
  return TRUE;
}

/* For tests: the frames of the table shown, or NULL. */
GObject *
uc_window_get_remote_frames (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->remote;
}

GtkWindow *
uc_window_get_clickhouse_dialog (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->clickhouse_dialog;
}

void
_uc_window_class_init_clickhouse (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.chart-clickhouse", NULL, chart_clickhouse_action);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, remote_bar);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, remote_label);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, remote_spinner);
}
