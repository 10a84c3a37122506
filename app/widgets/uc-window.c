/* uc-window.c: the main window
 *
 * Holds the header bar and the chart, exports what the chart shows, and
 * remembers its size and maximized state between runs.
 */
#include "config.h"

#include "uc-window.h"

#include <glib/gi18n.h>

#include "uc-chart-theme.h"
#include "uc-export.h"
#include "uc-views.h"

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 900

struct _UcWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  UcChartView          *chart_view;

  /* owned */
  GSettings            *settings;
  GtkFileChooserNative *export_chooser;
  char                 *view_id;
};

G_DEFINE_FINAL_TYPE (UcWindow, uc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (UcWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

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

static void
on_export_response (UcWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  UcExportFormat format;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Export needs a local folder"));
      goto out;
    }

  /* No extension typed: take the one of the chosen file type. */
  if (!uc_export_format_from_path (path, &format, NULL))
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      const char *ext = ".png";

      for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
        if (filter && g_strcmp0 (gtk_file_filter_get_name (filter), _(export_types[i].name)) == 0)
          ext = export_types[i].extension;
      {
        char *with_ext = g_strconcat (path, ext, NULL);
        g_free (path);
        path = with_ext;
      }
      uc_export_format_from_path (path, &format, NULL);
    }

  basename = g_path_get_basename (path);
  if (uc_export_chart (uc_chart_view_get_spec (self->chart_view), uc_chart_theme_light (),
                       path, format, EXPORT_WIDTH, EXPORT_HEIGHT, 1.0, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
      toast (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error->message);
      toast (self, message);
    }

out:
  g_clear_object (&self->export_chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->export_chooser != NULL || uc_chart_view_get_spec (self->chart_view) == NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_types[i].name));
      gtk_file_filter_add_pattern (filter, export_types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
    }
  name = g_strdup_printf ("%s.png", self->view_id ? self->view_id : "chart");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);

  g_signal_connect_swapped (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

gboolean
uc_window_show_view (UcWindow    *self,
                     const char  *view_id,
                     GError     **error)
{
  g_autoptr(UcChartSpec) spec = NULL;
  guint n_views;
  const UcViewInfo *views = uc_views_list (&n_views);

  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);

  spec = uc_view_build (view_id, error);
  if (spec == NULL)
    return FALSE;

  g_free (self->view_id);
  self->view_id = g_strdup (view_id);
  for (guint i = 0; i < n_views; i++)
    if (g_str_equal (views[i].id, view_id))
      adw_window_title_set_subtitle (self->window_title, _(views[i].title));
  uc_chart_view_set_spec (self->chart_view, spec);
  return TRUE;
}

static gboolean
uc_window_close_request (GtkWindow *window)
{
  UcWindow *self = UC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (uc_window_parent_class)->close_request (window);
}

static void
uc_window_dispose (GObject *object)
{
  UcWindow *self = UC_WINDOW (object);

  if (self->export_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->view_id, g_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_WINDOW);

  G_OBJECT_CLASS (uc_window_parent_class)->dispose (object);
}

static void
uc_window_class_init (UcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = uc_window_dispose;
  window_class->close_request = uc_window_close_request;

  g_type_ensure (UC_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, chart_view);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
}

static void
uc_window_init (UcWindow *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  if (!uc_window_show_view (self, "deepseek-shock", &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the chart: %s"), error->message);
      toast (self, message);
    }
}

UcWindow *
uc_window_new (AdwApplication *application)
{
  return g_object_new (UC_TYPE_WINDOW, "application", application, NULL);
}

UcChartView *
uc_window_get_chart_view (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->chart_view;
}
