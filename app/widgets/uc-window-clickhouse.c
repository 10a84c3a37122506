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

#include "uc-catalog.h"
#include "uc-clickhouse-dialog.h"
#include "uc-clickhouse-source.h"
#include "uc-remote-frames.h"
#include "uc-window.h"
#include "uc-window-private.h"

#define REMOTE_MIN_SPAN ((UcTime) 10 * G_USEC_PER_SEC)

static void
on_dialog_chart (UcClickhouseDialog *dialog,
                 UcWindow           *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) connection = uc_clickhouse_dialog_create_connection (dialog, &error);
  g_auto(GStrv) groups = uc_clickhouse_dialog_dup_groups (dialog);
  g_autoptr(UcSource) source = NULL;
  g_autoptr(UcView) view = NULL;
  UcCatalog *catalog = uc_catalog_get_default ();
  const char *id;

  if (connection == NULL)
    {
      uc_clickhouse_dialog_show_error (dialog, error);
      return;
    }
  source = uc_clickhouse_source_new (connection, (const char * const *) groups);
  id = uc_source_get_id (source);
  if ((view = uc_clickhouse_source_create_view (UC_CLICKHOUSE_SOURCE (source), &error)) == NULL)
    {
      uc_clickhouse_dialog_show_error (dialog, error);
      return;
    }
  /* The same table and series again: the new source and view replace the
   * old ones (new credentials, say). */
  uc_catalog_remove (catalog, id);
  uc_catalog_add (catalog, source);
  uc_view_catalog_remove (self->views, id);
  uc_view_catalog_add (self->views, view);
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

void
_uc_window_dispose_clickhouse (UcWindow *self)
{
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
