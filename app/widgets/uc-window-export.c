/* uc-window-export.c: the window's exports
 *
 * Part of UcWindow (see uc-window-private.h). Every chart of the view, as
 * shown, one under the other: to a file through the Export dialog (with
 * a size and scale) or uc_window_export(), or as an image on the
 * clipboard. All are drawn light, at the command line's size, so the
 * window's export equals `undercut export` of the same view and days.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "uc-chart-theme.h"
#include "uc-export.h"

static const struct
{
  const char     *name;
  const char     *pattern;
  const char     *extension;
} export_types[] = {
  { N_("PNG image"), "*.png", ".png" },
  { N_("SVG vector image"), "*.svg", ".svg" },
  { N_("PDF document"), "*.pdf", ".pdf" },
};

/* What exports and copies draw: every chart of the view as shown (how
 * each draws in @draw), one under the other in @height pixels shared as
 * the command line shares them. */
static GPtrArray *
export_specs (UcWindow            *self,
              int                  height,
              int                **heights,
              UcChartDrawOptions **draw)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *options = g_array_new (FALSE, FALSE, sizeof (UcChartDrawOptions));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      UcChartSpec *shown = uc_chart_view_get_shown_spec (UC_CHART_VIEW (child));
      UcChartDrawOptions how = uc_chart_view_get_export_options (UC_CHART_VIEW (child));

      if (shown == NULL)
        continue;
      g_ptr_array_add (specs, g_object_ref (shown));
      g_array_append_val (options, how);
    }
  *draw = (UcChartDrawOptions *) g_array_free (options, FALSE);
  *heights = g_new (int, MAX (specs->len, 1));
  if (self->view && specs->len == uc_view_get_n_charts (self->view))
    uc_view_split_height (self->view, height, *heights);
  else
    for (guint i = 0; i < specs->len; i++)   /* shared evenly, the last takes what rounding leaves */
      (*heights)[i] = i + 1 < specs->len ? height / (int) specs->len : height - (int) (specs->len - 1) * (height / (int) specs->len);
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

/* @path as chosen, with the extension of the chosen file type when none
 * was typed; its format in @format. */
static char *
path_with_extension (GtkFileChooser *chooser,
                     const char     *path,
                     UcExportFormat *format)
{
  GtkFileFilter *filter = gtk_file_chooser_get_filter (chooser);
  const char *ext = ".png";
  char *with_ext;

  if (uc_export_format_from_path (path, format, NULL))
    return g_strdup (path);
  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    if (filter && g_strcmp0 (gtk_file_filter_get_name (filter), _(export_types[i].name)) == 0)
      ext = export_types[i].extension;
  with_ext = g_strconcat (path, ext, NULL);
  uc_export_format_from_path (with_ext, format, NULL);
  return with_ext;
}

/* The size and scale chosen beside the file name; the export's size and
 * 1× when they make no sense. */
static void
chosen_size (GtkFileChooser *chooser,
             int            *width,
             int            *height,
             double         *scale)
{
  const char *size = gtk_file_chooser_get_choice (chooser, "size");
  const char *scale_text = gtk_file_chooser_get_choice (chooser, "scale");

  if (size == NULL || sscanf (size, "%dx%d", width, height) != 2 || *width < 16 || *height < 16)
    *width = UC_WINDOW_EXPORT_WIDTH, *height = UC_WINDOW_EXPORT_HEIGHT;
  *scale = scale_text ? g_ascii_strtod (scale_text, NULL) : 1;
  if (!(*scale >= 1 && *scale <= 4))
    *scale = 1;
}

/* The charts to @path, said in a toast either way. */
static void
export_chosen (UcWindow       *self,
               GtkFileChooser *chooser,
               const char     *path,
               UcExportFormat  format)
{
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree int *heights = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *message = NULL;
  int width, height;
  double scale;

  chosen_size (chooser, &width, &height, &scale);
  specs = export_specs (self, height, &heights, &draw);
  if (specs->len > 0 &&
      uc_export_charts ((UcChartSpec **) specs->pdata, draw, heights, specs->len, uc_chart_theme_light (), path, format,
                        width, scale, &error))
    message = g_strdup_printf (_("Exported “%s”"), basename);
  else
    message = g_strdup_printf (_("Could not export: %s"), error ? error->message : _("no chart"));
  _uc_window_toast (self, message);
}

static void
on_export_response (UcWindow             *self,
                    int                   response,
                    GtkFileChooserNative *native)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (native);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *with_ext = NULL;
      UcExportFormat format;

      if (path == NULL)
        _uc_window_toast (self, _("Export needs a local folder"));
      else
        {
          with_ext = path_with_extension (chooser, path, &format);
          export_chosen (self, chooser, with_ext, format);
        }
    }
  g_clear_object (&self->export_chooser);
}

static void
add_file_types (GtkFileChooser *chooser)
{
  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_types[i].name));
      gtk_file_filter_add_pattern (filter, export_types[i].pattern);
      gtk_file_chooser_add_filter (chooser, filter);
    }
}

/* Size and scale beside the file name (PNG pixels are size × scale). */
static void
add_size_choices (GtkFileChooser *chooser)
{
  const char *sizes[] = { "1600x900", "1200x675", "1920x1080", "800x450", "1080x1080", NULL };
  const char *size_labels[] = { N_("1600 × 900 (slides)"), N_("1200 × 675 (articles)"), N_("1920 × 1080 (HD)"),
                                N_("800 × 450 (small)"), N_("1080 × 1080 (square)"), NULL };
  const char *scales[] = { "1", "2", "3.125", NULL };
  const char *scale_labels[] = { N_("1× (screen)"), N_("2× (sharp)"), N_("300 dpi (print)"), NULL };
  g_autofree const char **sizes_l = g_new0 (const char *, G_N_ELEMENTS (size_labels));
  g_autofree const char **scales_l = g_new0 (const char *, G_N_ELEMENTS (scale_labels));

  for (guint i = 0; size_labels[i]; i++)
    sizes_l[i] = _(size_labels[i]);
  for (guint i = 0; scale_labels[i]; i++)
    scales_l[i] = _(scale_labels[i]);
  gtk_file_chooser_add_choice (chooser, "size", _("Size"), sizes, sizes_l);
  gtk_file_chooser_set_choice (chooser, "size", "1600x900");
  gtk_file_chooser_add_choice (chooser, "scale", _("Scale"), scales, scales_l);
  gtk_file_chooser_set_choice (chooser, "scale", "1");
}

/* Ctrl+E: the Export dialog, on the view's id as file name; one at a time. */
void
_uc_window_open_export_dialog (UcWindow *self)
{
  const char *view_id = uc_window_get_view_id (self);
  g_autofree char *name = NULL;

  if (self->export_chooser != NULL || uc_chart_view_get_spec (self->chart_view) == NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export View"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  add_file_types (GTK_FILE_CHOOSER (self->export_chooser));
  name = g_strdup_printf ("%s.png", view_id ? view_id : "chart");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);
  add_size_choices (GTK_FILE_CHOOSER (self->export_chooser));
  g_signal_connect_swapped (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}
