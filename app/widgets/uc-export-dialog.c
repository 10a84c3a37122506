/* uc-export-dialog.c: the Export dialog
 *
 * The window hands over its charts as shown (specs, how each draws, which
 * are short summary charts, their size on screen); the dialog draws them
 * at the size chosen, sharing the height by uc_stack_split() as the
 * window and `undercut export` do, so a file of the window's aspect has
 * the window's proportions and a preset size gives the command line's
 * bytes. The file itself is asked for last, in the folder of the last
 * export (or Pictures), named after the view.
 */
#include "config.h"

#include "uc-export-dialog.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "uc-a11y.h"
#include "uc-platform.h"
#include "uc-stack-split.h"

#define PREVIEW_WIDTH  400
#define PREVIEW_HEIGHT 200

static const struct
{
  const char *id;          /* in the settings */
  const char *extension;
  const char *filter;      /* the chooser's file type */
  const char *pattern;
} formats[] = {
  { "png", ".png", N_("PNG image"), "*.png" },
  { "svg", ".svg", N_("SVG vector image"), "*.svg" },
  { "pdf", ".pdf", N_("PDF document"), "*.pdf" },
};

/* The size row: the presets, then the charts' size on screen, then any. */
static const struct
{
  const char *id;
  const char *label;
} presets[] = {
  { "1600x900", N_("1600 × 900 (slides)") },
  { "1200x675", N_("1200 × 675 (articles)") },
  { "1920x1080", N_("1920 × 1080 (HD)") },
  { "800x450", N_("800 × 450 (small)") },
  { "1080x1080", N_("1080 × 1080 (square)") },
};
#define SIZE_SCREEN G_N_ELEMENTS (presets)
#define SIZE_CUSTOM (SIZE_SCREEN + 1)

static const struct
{
  const char *id;
  double      scale;
} scales[] = {
  { "1x", 1 },
  { "2x", 2 },
  { "300dpi", 3.125 },   /* 300 dpi where a pixel of the size is 1/96 inch */
};

static const char * const themes[] = { "window", "light", "dark" };

struct _UcExportDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  GtkPicture           *preview;
  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  GtkStringList        *size_labels;
  AdwActionRow         *width_row;
  AdwActionRow         *height_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwComboRow          *scale_row;
  AdwComboRow          *theme_row;

  /* owned */
  GSettings            *settings;
  char                 *name;        /* the file's name, without extension */
  GPtrArray            *specs;       /* UcChartSpec: the charts as shown */
  UcChartDrawOptions   *options;     /* how each draws */
  gboolean             *short_charts;
  int                  *screen_heights;
  int                   screen_width;
  UcExportRefine        refine;
  gpointer              refine_data;
  GDestroyNotify        refine_destroy;
  GtkFileChooserNative *chooser;     /* while it is open */
  guint                 preview_idle;
};

G_DEFINE_FINAL_TYPE (UcExportDialog, uc_export_dialog, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_SETTINGS,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
screen_height (UcExportDialog *self)
{
  int height = 0;

  for (guint i = 0; self->specs && i < self->specs->len; i++)
    height += self->screen_heights[i];
  return height;
}

static gboolean
has_screen_size (UcExportDialog *self)
{
  return self->screen_width > 0 && screen_height (self) > 0;
}

UcExportFormat
uc_export_dialog_get_format (UcExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  g_return_val_if_fail (UC_IS_EXPORT_DIALOG (self), UC_EXPORT_PNG);
  return i == 1 ? UC_EXPORT_SVG : i == 2 ? UC_EXPORT_PDF : UC_EXPORT_PNG;
}

/* The size chosen, and the scale (PNG only: 1 for the others). */
void
uc_export_dialog_get_size (UcExportDialog *self,
                           int            *width,
                           int            *height,
                           double         *scale)
{
  guint size = adw_combo_row_get_selected (self->size_row);
  guint s = adw_combo_row_get_selected (self->scale_row);

  g_return_if_fail (UC_IS_EXPORT_DIALOG (self));
  *width = 1600, *height = 900;
  if (size < G_N_ELEMENTS (presets))
    sscanf (presets[size].id, "%dx%d", width, height);
  else if (size == SIZE_SCREEN && has_screen_size (self))
    *width = self->screen_width, *height = screen_height (self);
  else if (size == SIZE_CUSTOM)
    {
      *width = CLAMP (gtk_spin_button_get_value_as_int (self->width_spin), UC_EXPORT_DIALOG_MIN_SIZE,
                      UC_EXPORT_DIALOG_MAX_SIZE);
      *height = CLAMP (gtk_spin_button_get_value_as_int (self->height_spin), UC_EXPORT_DIALOG_MIN_SIZE,
                       UC_EXPORT_DIALOG_MAX_SIZE);
    }
  *scale = uc_export_dialog_get_format (self) == UC_EXPORT_PNG && s < G_N_ELEMENTS (scales) ? scales[s].scale : 1;
}

/* "As the window": dark when the window is. */
const UcChartTheme *
uc_export_dialog_get_theme (UcExportDialog *self)
{
  guint t = adw_combo_row_get_selected (self->theme_row);
  gboolean dark = t == 2 || (t == 0 && adw_style_manager_get_dark (adw_style_manager_get_default ()));

  return dark ? uc_chart_theme_dark () : uc_chart_theme_light ();
}

/* Each chart's height in @height: on screen, as it is there; otherwise
 * shared as the window shares it. */
static int *
chart_heights (UcExportDialog *self,
               int             height)
{
  guint n = self->specs ? self->specs->len : 0;
  int *heights = g_new0 (int, MAX (n, 1));

  if (adw_combo_row_get_selected (self->size_row) == SIZE_SCREEN && has_screen_size (self))
    memcpy (heights, self->screen_heights, n * sizeof (int));
  else
    uc_stack_split (n, self->short_charts, NULL, height, heights);
  return heights;
}

/* The charts at the size chosen, shrunk into the preview. */
static gboolean
draw_preview (gpointer data)
{
  UcExportDialog *self = data;
  int width, height, pw, ph, factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  double scale, fit;
  g_autofree int *heights = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  self->preview_idle = 0;
  if (self->specs == NULL || self->specs->len == 0)
    return G_SOURCE_REMOVE;
  uc_export_dialog_get_size (self, &width, &height, &scale);
  heights = chart_heights (self, height);
  fit = MIN ((double) PREVIEW_WIDTH / width, (double) PREVIEW_HEIGHT / height);
  pw = MAX ((int) (width * fit), 1);
  ph = MAX ((int) (height * fit), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw * factor, ph * factor);
  cr = cairo_create (surface);
  /* Drawn at the export's size and scaled: the text takes the room it will. */
  cairo_scale (cr, fit * factor, fit * factor);
  uc_chart_draw_stack (cr, (UcChartSpec **) self->specs->pdata, self->options, heights, self->specs->len,
                       uc_export_dialog_get_theme (self), width);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  texture = uc_platform_texture_for_surface (surface);
  cairo_surface_destroy (surface);
  gtk_picture_set_paintable (self->preview, GDK_PAINTABLE (texture));
  return G_SOURCE_REMOVE;
}

/* The rows that apply to what is chosen, and the preview drawn again. */
static void
update (UcExportDialog *self)
{
  gboolean custom = adw_combo_row_get_selected (self->size_row) == SIZE_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->width_row), custom);
  gtk_widget_set_visible (GTK_WIDGET (self->height_row), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), uc_export_dialog_get_format (self) == UC_EXPORT_PNG);
  if (self->preview_idle == 0)
    self->preview_idle = g_idle_add (draw_preview, self);
}

/* Where the chooser opens: the last export's folder while it is there,
 * else Pictures, else home. */
GFile *
uc_export_dialog_get_folder (UcExportDialog *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "export-folder");
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);

  g_return_val_if_fail (UC_IS_EXPORT_DIALOG (self), NULL);
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (last);
  if (pictures != NULL && g_file_test (pictures, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (pictures);
  return g_file_new_for_path (g_get_home_dir ());
}

static guint
index_of (const char *value,
          const char *first,
          gsize       stride,
          guint       n)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (*(const char * const *) (first + i * stride), value) == 0)
      return i;
  return 0;
}

/* What was chosen last time. */
static void
load_settings (UcExportDialog *self)
{
  g_autofree char *format = g_settings_get_string (self->settings, "export-format");
  g_autofree char *size = g_settings_get_string (self->settings, "export-size");
  g_autofree char *scale = g_settings_get_string (self->settings, "export-scale");
  g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");
  guint s = 0;

  adw_combo_row_set_selected (self->format_row,
                              index_of (format, (const char *) &formats[0].id, sizeof formats[0], G_N_ELEMENTS (formats)));
  if (g_str_equal (size, "screen"))
    s = SIZE_SCREEN;
  else if (g_str_equal (size, "custom"))
    s = SIZE_CUSTOM;
  else
    s = index_of (size, (const char *) &presets[0].id, sizeof presets[0], G_N_ELEMENTS (presets));
  adw_combo_row_set_selected (self->size_row, s);
  gtk_spin_button_set_value (self->width_spin, g_settings_get_int (self->settings, "export-width"));
  gtk_spin_button_set_value (self->height_spin, g_settings_get_int (self->settings, "export-height"));
  adw_combo_row_set_selected (self->scale_row,
                              index_of (scale, (const char *) &scales[0].id, sizeof scales[0], G_N_ELEMENTS (scales)));
  adw_combo_row_set_selected (self->theme_row, index_of (theme, (const char *) &themes[0], sizeof themes[0],
                                                         G_N_ELEMENTS (themes)));
}

/* What was chosen, for next time, with the folder written to. */
static void
save_settings (UcExportDialog *self,
               const char     *path)
{
  guint size = adw_combo_row_get_selected (self->size_row);
  guint format = adw_combo_row_get_selected (self->format_row);
  guint scale = adw_combo_row_get_selected (self->scale_row);
  guint theme = adw_combo_row_get_selected (self->theme_row);
  g_autofree char *folder = g_path_get_dirname (path);

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format", formats[MIN (format, G_N_ELEMENTS (formats) - 1)].id);
  g_settings_set_string (self->settings, "export-size",
                         size == SIZE_SCREEN ? "screen" : size == SIZE_CUSTOM ? "custom"
                         : presets[MIN (size, G_N_ELEMENTS (presets) - 1)].id);
  g_settings_set_int (self->settings, "export-width", gtk_spin_button_get_value_as_int (self->width_spin));
  g_settings_set_int (self->settings, "export-height", gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_string (self->settings, "export-scale", scales[MIN (scale, G_N_ELEMENTS (scales) - 1)].id);
  g_settings_set_string (self->settings, "export-theme", themes[MIN (theme, G_N_ELEMENTS (themes) - 1)]);
  if (g_path_is_absolute (folder))
    g_settings_set_string (self->settings, "export-folder", folder);
  g_settings_apply (self->settings);
}

/* The charts to @path (its format by its extension) as chosen; what was
 * chosen is kept for next time. */
gboolean
uc_export_dialog_export_to (UcExportDialog  *self,
                            const char      *path,
                            GError         **error)
{
  g_autofree int *heights = NULL;
  g_autoptr(GPtrArray) specs = NULL;
  UcExportFormat format;
  int width, height;
  double scale;

  g_return_val_if_fail (UC_IS_EXPORT_DIALOG (self), FALSE);
  if (!uc_export_format_from_path (path, &format, error))
    return FALSE;
  if (self->specs == NULL || self->specs->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no chart to export", path);
      return FALSE;
    }
  uc_export_dialog_get_size (self, &width, &height, &scale);
  if (format != UC_EXPORT_PNG)
    scale = 1;
  heights = chart_heights (self, height);
  specs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->specs->len; i++)
    {
      UcChartSpec *spec = g_ptr_array_index (self->specs, i);
      UcChartSpec *made = self->refine ? self->refine (spec, i, width, heights[i], scale, &self->options[i],
                                                       self->refine_data, error)
                                       : g_object_ref (spec);

      if (made == NULL)
        return FALSE;
      g_ptr_array_add (specs, made);
    }
  if (!uc_export_charts ((UcChartSpec **) specs->pdata, self->options, heights, specs->len,
                         uc_export_dialog_get_theme (self), path, format, width, scale, error))
    return FALSE;
  save_settings (self, path);
  return TRUE;
}

/* @path as chosen, with the format's extension when it has none of ours. */
static char *
path_with_extension (UcExportDialog *self,
                     const char     *path)
{
  if (uc_export_format_from_path (path, &(UcExportFormat) { 0 }, NULL))
    return g_strdup (path);
  return g_strconcat (path, formats[uc_export_dialog_get_format (self)].extension, NULL);
}

static void
on_chooser_response (UcExportDialog       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL, *with_ext = NULL;
  g_autoptr(GError) error = NULL;
  gboolean done;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
    }
  g_clear_object (&self->chooser);
  if (response != GTK_RESPONSE_ACCEPT)
    return;
  if (path == NULL)
    {
      g_signal_emit (self, signals[EXPORTED], 0, NULL, _("Export needs a local folder"));
      return;
    }
  with_ext = path_with_extension (self, path);
  done = uc_export_dialog_export_to (self, with_ext, &error);
  g_signal_emit (self, signals[EXPORTED], 0, with_ext, done ? NULL : error->message);
  if (done)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* Export…: the file asked for, named after the view, in the last folder. */
void
uc_export_dialog_choose (UcExportDialog *self)
{
  UcExportFormat format;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (UC_IS_EXPORT_DIALOG (self));
  if (self->chooser != NULL)
    return;
  format = uc_export_dialog_get_format (self);
  /* Translators: the title of the file chooser of the Export dialog */
  self->chooser = gtk_file_chooser_native_new (_("Export As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].filter));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
      if (i == format)
        gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->chooser), filter);
    }
  folder = uc_export_dialog_get_folder (self);
  if (!gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, &error))
    g_debug ("export folder: %s", error->message);   /* the chooser opens where it likes */
  name = g_strconcat (self->name ? self->name : "chart", formats[format].extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The file chooser while it is open (tests look at its folder), or NULL. */
GtkFileChooser *
uc_export_dialog_get_chooser (UcExportDialog *self)
{
  g_return_val_if_fail (UC_IS_EXPORT_DIALOG (self), NULL);
  return self->chooser ? GTK_FILE_CHOOSER (self->chooser) : NULL;
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  uc_export_dialog_choose (UC_EXPORT_DIALOG (widget));
}

/* @refine remakes each chart for the export's size before it is drawn
 * (see UcExportRefine); NULL: the charts are drawn as given. */
void
uc_export_dialog_set_refine (UcExportDialog *self,
                             UcExportRefine  refine,
                             gpointer        data,
                             GDestroyNotify  destroy)
{
  g_return_if_fail (UC_IS_EXPORT_DIALOG (self));
  if (self->refine_destroy)
    self->refine_destroy (self->refine_data);
  self->refine = refine;
  self->refine_data = data;
  self->refine_destroy = destroy;
}

/* The charts to export, as the window shows them: @n specs, how each
 * draws (@options), which are short summary charts, and their size on
 * screen (@screen_width, @screen_heights; 0 and NULL when not shown). */
void
uc_export_dialog_set_charts (UcExportDialog           *self,
                             UcChartSpec             **specs,
                             const UcChartDrawOptions *options,
                             const gboolean           *short_charts,
                             guint                     n,
                             int                       screen_width,
                             const int                *screen_heights)
{
  g_autofree char *screen = NULL;

  g_return_if_fail (UC_IS_EXPORT_DIALOG (self));
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  g_clear_pointer (&self->options, g_free);
  g_clear_pointer (&self->short_charts, g_free);
  g_clear_pointer (&self->screen_heights, g_free);
  self->specs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (self->specs, g_object_ref (specs[i]));
  self->options = g_new (UcChartDrawOptions, MAX (n, 1));
  self->short_charts = g_new0 (gboolean, MAX (n, 1));
  self->screen_heights = g_new0 (int, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      self->options[i] = options ? options[i] : (UcChartDrawOptions) UC_CHART_DRAW_OPTIONS_INIT;
      self->short_charts[i] = short_charts && short_charts[i];
      self->screen_heights[i] = screen_heights ? MAX (screen_heights[i], 0) : 0;
    }
  self->screen_width = screen_heights ? MAX (screen_width, 0) : 0;
  /* Translators: the size of the charts in the window, in pixels */
  screen = has_screen_size (self) ? g_strdup_printf (_("As on screen (%d × %d)"), self->screen_width,
                                                     screen_height (self))
                                  : g_strdup (_("As on screen"));
  gtk_string_list_splice (self->size_labels, SIZE_SCREEN, 1, (const char *[]) { screen, NULL });
  update (self);
}

static void
on_changed (UcExportDialog *self)
{
  update (self);
}

static void
uc_export_dialog_constructed (GObject *object)
{
  UcExportDialog *self = UC_EXPORT_DIALOG (object);

  G_OBJECT_CLASS (uc_export_dialog_parent_class)->constructed (object);
  if (self->settings)
    load_settings (self);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->size_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->width_spin, "value-changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (self->height_spin, "value-changed", G_CALLBACK (on_changed), self);
  update (self);
}

static void
uc_export_dialog_dispose (GObject *object)
{
  UcExportDialog *self = UC_EXPORT_DIALOG (object);

  g_clear_handle_id (&self->preview_idle, g_source_remove);
  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (uc_export_dialog_parent_class)->dispose (object);
}

static void
uc_export_dialog_finalize (GObject *object)
{
  UcExportDialog *self = UC_EXPORT_DIALOG (object);

  g_clear_object (&self->settings);
  g_free (self->name);
  g_clear_pointer (&self->specs, g_ptr_array_unref);
  g_free (self->options);
  g_free (self->short_charts);
  g_free (self->screen_heights);
  if (self->refine_destroy)
    self->refine_destroy (self->refine_data);
  G_OBJECT_CLASS (uc_export_dialog_parent_class)->finalize (object);
}

static void
uc_export_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UcExportDialog *self = UC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UcExportDialog *self = UC_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_export_dialog_class_init (UcExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = uc_export_dialog_constructed;
  object_class->dispose = uc_export_dialog_dispose;
  object_class->finalize = uc_export_dialog_finalize;
  object_class->set_property = uc_export_dialog_set_property;
  object_class->get_property = uc_export_dialog_get_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * UcExportDialog::exported:
   * @path: (nullable): the file written, or tried
   * @message: (nullable): why it failed; %NULL when it was written
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/undercut/Undercut/ui/uc-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, size_labels);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, height_row);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, UcExportDialog, theme_row);
  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_action);
}

static void
uc_export_dialog_init (UcExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  /* The size labels are ours: translated, with a place for the screen's size. */
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    gtk_string_list_append (self->size_labels, _(presets[i].label));
  gtk_string_list_append (self->size_labels, _("As on screen"));
  gtk_string_list_append (self->size_labels, _("Custom"));
  /* Enter in a size exports, as anywhere in the dialog. */
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->width_spin))), TRUE);
  gtk_text_set_activates_default (GTK_TEXT (gtk_editable_get_delegate (GTK_EDITABLE (self->height_spin))), TRUE);
}

UcExportDialog *
uc_export_dialog_new (GtkWindow  *parent,
                      GSettings  *settings,
                      const char *name)
{
  return g_object_new (UC_TYPE_EXPORT_DIALOG, "transient-for", parent, "settings", settings, "name", name, NULL);
}
