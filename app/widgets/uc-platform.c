/* uc-platform.c: what the window adapts to the machine it runs on
 *
 * GTK 4.8 composites with OpenGL even where the only OpenGL is Mesa's
 * software rasteriser: no GPU device (virtual machines, remote sessions,
 * a sandbox without one). There, setting GL up costs a few hundred
 * milliseconds of start-up and each frame takes longer than with GTK's
 * cairo renderer; GTK 4.14 makes the same choice by itself. Widgets that
 * draw their own pixels hand them to whichever renderer it is as it
 * composites them best. */
#include "config.h"

#include "uc-platform.h"

#include <locale.h>

#include "uc-chart-font.h"

static gboolean gl_disabled_here;

static gboolean
has_gpu_device (void)
{
  static const char *const devices[] = { "/dev/nvidiactl", "/dev/dxg" };
  g_autoptr(GDir) dri = g_dir_open ("/dev/dri", 0, NULL);
  const char *name;

  while (dri && (name = g_dir_read_name (dri)))
    if (g_str_has_prefix (name, "renderD"))
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (devices); i++)
    if (g_file_test (devices[i], G_FILE_TEST_EXISTS))
      return TRUE;
  return FALSE;
}

static gboolean
software_gl_forced (void)
{
  const char *value = g_getenv ("LIBGL_ALWAYS_SOFTWARE");

  return value && *value && g_strcmp0 (value, "0") != 0 && g_ascii_strcasecmp (value, "false") != 0;
}

/* Before GTK starts: the user's language, dates and money, but the C
 * locale's numbers for the process, so nothing written for a machine
 * (CSV, JSON, links, settings) takes a decimal comma. The charts and
 * the window write numbers the user's way through uc-format.c. */
void
uc_platform_init_locale (void)
{
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  gtk_disable_setlocale ();
}

/* Before GTK starts. What the user set in GSK_RENDERER or GDK_DEBUG wins. */
void
uc_platform_choose_renderer (void)
{
  if (g_getenv ("GSK_RENDERER") || g_getenv ("GDK_DEBUG"))
    return;
  if (has_gpu_device () && !software_gl_forced ())
    return;
  /* GDK then skips probing GL as the display opens; GSK goes straight to
   * cairo instead of failing with GL first and saying so. */
  g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  gl_disabled_here = TRUE;
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Opens @uri in the user's browser; @callback is told whether it could
 * (no program for the address is an error, where GTK 4.8's
 * gtk_show_uri() says nothing). Programs started from here do not
 * inherit the renderer choice made for this window. */
void
uc_platform_show_uri_async (GtkWidget           *widget,
                            const char          *uri,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GAppLaunchContext) context =
    G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, uc_platform_show_uri_async);
  if (gl_disabled_here)
    {
      g_app_launch_context_unsetenv (context, "GDK_DEBUG");
      g_app_launch_context_unsetenv (context, "GSK_RENDERER");
    }
  g_app_info_launch_default_for_uri_async (uri, context, cancellable, on_launched, task);
}

gboolean
uc_platform_show_uri_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_shown (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autofree char *uri = user_data;
  g_autoptr(GError) error = NULL;

  if (!uc_platform_show_uri_finish (result, &error))
    g_message ("Could not open %s: %s", uri, error->message);
}

/* Opens @uri, a failure only logged. */
void
uc_platform_show_uri (GtkWidget  *widget,
                      const char *uri)
{
  uc_platform_show_uri_async (widget, uri, NULL, on_shown, g_strdup (uri));
}

/* A texture of @surface's pixels (an ARGB32 image surface), sharing them:
 * the surface lives as long as the texture and must not be drawn on again. */
GdkTexture *
uc_platform_texture_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int stride, height;

  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  height = cairo_image_surface_get_height (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (surface));
  return gdk_memory_texture_new (cairo_image_surface_get_width (surface), height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/* @pixels, an image surface a widget drew (and keeps unchanged), over
 * @bounds. GSK's cairo renderer makes a texture node a cairo surface again
 * at every frame the window draws, each pixel converted through floats, even
 * when what changed is a progress bar far away (two charts of 969 × 352 and
 * 969 × 250 cost 4 ms at every step of an import's bar), and it replays a
 * recorded drawing at each frame that shows it: it is given the surface
 * itself, painted only where the frame draws. GL renderers get a texture,
 * uploaded once, made on the first call and kept in @texture. */
void
uc_platform_append_pixels (GtkWidget             *widget,
                           GtkSnapshot           *snapshot,
                           cairo_surface_t       *pixels,
                           GdkTexture           **texture,
                           const graphene_rect_t *bounds)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;

  if (renderer && GSK_IS_CAIRO_RENDERER (renderer))
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, bounds);

      cairo_set_source_surface (cr, pixels, bounds->origin.x, bounds->origin.y);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  if (*texture == NULL)
    *texture = uc_platform_texture_for_surface (pixels);
  gtk_snapshot_append_texture (snapshot, *texture, bounds);
}

/* The size of the window's body text in pixels, as charts take it: the
 * font @settings name (gtk-font-name) at their dots per inch
 * (gtk-xft-dpi, which carries the desktop's text scaling; -1 when none
 * is set: 96); and its caption size (libadwaita's .caption, 9 pt at the
 * same dpi). UNDERCUT_CHART_FONT fixes them instead, as it does for the
 * command line, so a window and `undercut export` can be compared. */
void
uc_platform_chart_font (GtkSettings *settings,
                        double      *body_px,
                        double      *caption_px)
{
  g_autofree char *name = NULL;
  int xft_dpi = -1;
  double dpi;

  if (uc_chart_font_env_px () > 0 || settings == NULL)
    {
      uc_chart_font_desktop (body_px, caption_px);
      return;
    }
  g_object_get (settings, "gtk-font-name", &name, "gtk-xft-dpi", &xft_dpi, NULL);
  dpi = xft_dpi > 0 ? xft_dpi / 1024.0 : UC_CHART_FONT_DEFAULT_DPI;
  *body_px = uc_chart_font_px_for_name (name, dpi, 1);
  *caption_px = uc_chart_font_px_for_points (UC_CHART_CAPTION_POINTS, dpi, 1);
}
