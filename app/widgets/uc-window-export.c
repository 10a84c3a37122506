/* uc-window-export.c: the window's exports
 *
 * Part of UcWindow (see uc-window-private.h). Every chart of the view, as
 * shown, one under the other: to a file through the Export dialog (its
 * size, scale and theme chosen there) or uc_window_export(), or as an
 * image on the clipboard. uc_window_export() and copies are drawn light,
 * at the command line's size, so the window's export equals `undercut
 * export` of the same view and days.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-chart-theme.h"
#include "uc-export.h"
#include "uc-export-dialog.h"
#include "uc-format.h"
#include "uc-stack-split.h"

/* The charts of the view as shown: their specs, how each draws (@draw),
 * which are short summary charts (@short_charts: those that do not
 * expand) and their heights on screen (@screen_heights). */
static GPtrArray *
shown_charts (UcWindow            *self,
              UcChartDrawOptions **draw,
              gboolean           **short_charts,
              int                **screen_heights)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *options = g_array_new (FALSE, FALSE, sizeof (UcChartDrawOptions));
  GArray *shorts = g_array_new (FALSE, FALSE, sizeof (gboolean));
  GArray *on_screen = g_array_new (FALSE, FALSE, sizeof (int));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      UcChartSpec *shown = uc_chart_view_get_shown_spec (UC_CHART_VIEW (child));
      UcChartDrawOptions how = uc_chart_view_get_export_options (UC_CHART_VIEW (child));
      gboolean is_short = !gtk_widget_get_vexpand (child);
      int height = gtk_widget_get_height (child);

      if (shown == NULL || !gtk_widget_should_layout (child))
        continue;
      g_ptr_array_add (specs, g_object_ref (shown));
      g_array_append_val (options, how);
      g_array_append_val (shorts, is_short);
      g_array_append_val (on_screen, height);
    }
  *draw = (UcChartDrawOptions *) g_array_free (options, FALSE);
  *short_charts = (gboolean *) g_array_free (shorts, FALSE);
  *screen_heights = (int *) g_array_free (on_screen, FALSE);
  return specs;
}

/* What exports and copies draw: every chart of the view as shown (how
 * each draws in @draw), one under the other in @height pixels shared as
 * the window and the command line share them. */
static GPtrArray *
export_specs (UcWindow            *self,
              int                  height,
              int                **heights,
              UcChartDrawOptions **draw)
{
  g_autofree gboolean *short_charts = NULL;
  g_autofree int *screen_heights = NULL;
  GPtrArray *specs = shown_charts (self, draw, &short_charts, &screen_heights);

  *heights = g_new (int, MAX (specs->len, 1));
  if (self->view && specs->len == uc_view_get_n_charts (self->view))
    uc_view_split_height (self->view, height, *heights);
  else
    uc_stack_split (specs->len, short_charts, NULL, height, *heights);
  return specs;
}

/* The view as shown, to @path (format by its extension). */
gboolean
uc_window_export (UcWindow    *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree int *heights = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  UcExportFormat format;

  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  if (!uc_export_format_from_path (path, &format, error))
    return FALSE;
  specs = export_specs (self, UC_WINDOW_EXPORT_HEIGHT, &heights, &draw);
  if (specs->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no chart to export", path);
      return FALSE;
    }
  if (!_uc_window_refine_specs (self, specs, heights, UC_WINDOW_EXPORT_WIDTH, draw, error))
    return FALSE;
  return uc_export_charts ((UcChartSpec **) specs->pdata, draw, heights, specs->len, uc_chart_theme_light (),
                           path, format, UC_WINDOW_EXPORT_WIDTH, 1.0, error);
}

/* Ctrl+C: the view as shown, as an image on the clipboard, drawn like an
 * export (light, 1600×900) so it pastes the same everywhere. */
void
_uc_window_copy (UcWindow *self)
{
  g_autofree int *heights = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  g_autoptr(GPtrArray) specs = export_specs (self, UC_WINDOW_EXPORT_HEIGHT, &heights, &draw);
  g_autoptr(GdkTexture) texture = NULL;

  if (specs->len == 0)
    return;
  texture = uc_chart_view_draw_stack_texture ((UcChartSpec **) specs->pdata, draw, heights, specs->len,
                                              uc_chart_theme_light (), UC_WINDOW_EXPORT_WIDTH, 1);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (GTK_WIDGET (self)), texture);
  _uc_window_toast (self, _("Copied as an image"));
}

/* Ctrl+Shift+C: the values of the crosshair's day in every chart of the
 * view, as text to paste in a note or a chat: the day, then a line per
 * series, "Chart title<TAB>Series<TAB>value" (as the cards write them,
 * with their unit). Without a crosshair, or a value that day, nothing
 * is copied, and the toast says why. */
void
_uc_window_copy_values (UcWindow *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *day_name = NULL, *message = NULL;
  guint lines = 0;
  UcTime day;

  if (!uc_crosshair_link_get (self->crosshair_link, &day))
    {
      _uc_window_toast (self, _("No values to copy: point at a day on a chart first"));
      return;
    }
  day_name = uc_format_day (day);
  g_string_append_printf (text, "%s\n", day_name);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *values = UC_IS_CHART_VIEW (child) ? uc_chart_view_get_values_text (UC_CHART_VIEW (child), day)
                                                         : NULL;

      for (const char *c = values; c && *c; c++)
        lines += *c == '\n';
      if (values)
        g_string_append (text, values);
    }
  if (lines == 0)
    {
      message = g_strdup_printf (_("No values on %s to copy"), day_name);
      _uc_window_toast (self, message);
      return;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text->str);
  /* Translators: the number of values copied, and their day */
  message = g_strdup_printf (ngettext ("Copied %u value of %s", "Copied %u values of %s", lines), lines, day_name);
  _uc_window_toast (self, message);
}

static void
on_exported (UcWindow   *self,
             const char *path,
             const char *failure)
{
  g_autofree char *basename = path ? g_path_get_basename (path) : NULL;
  g_autofree char *message = NULL;

  if (failure == NULL)
    message = g_strdup_printf (_("Exported “%s”"), basename);
  else
    message = g_strdup_printf (_("Could not export: %s"), failure);
  _uc_window_toast (self, message);
}

/* Ctrl+E: the Export dialog, with the charts as shown and their size on
 * screen, the view's id as file name; one at a time. */
void
_uc_window_open_export_dialog (UcWindow *self)
{
  const char *view_id = uc_window_get_view_id (self);
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  g_autofree gboolean *short_charts = NULL;
  g_autofree int *screen_heights = NULL;

  if (self->export_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->export_dialog));
      return;
    }
  if (uc_chart_view_get_spec (self->chart_view) == NULL)
    return;
  specs = shown_charts (self, &draw, &short_charts, &screen_heights);
  if (specs->len == 0)
    return;
  self->export_dialog = uc_export_dialog_new (GTK_WINDOW (self), self->settings, view_id ? view_id : "chart");
  g_object_add_weak_pointer (G_OBJECT (self->export_dialog), (gpointer *) &self->export_dialog);
  uc_export_dialog_set_charts (self->export_dialog, (UcChartSpec **) specs->pdata, draw, short_charts, specs->len,
                               gtk_widget_get_width (GTK_WIDGET (self->charts)), screen_heights);
  _uc_window_refine_export (self, self->export_dialog);
  g_signal_connect_swapped (self->export_dialog, "exported", G_CALLBACK (on_exported), self);
  gtk_window_present (GTK_WINDOW (self->export_dialog));
}

/* The Export dialog while it is open, or NULL (tests drive it). */
UcExportDialog *
uc_window_get_export_dialog (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->export_dialog;
}
