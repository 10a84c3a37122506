/* uc-platform.c: what the window adapts to the machine it runs on
 *
 * GTK 4.8 composites with OpenGL even where the only OpenGL is Mesa's
 * software rasteriser: no GPU device (virtual machines, remote sessions,
 * a sandbox without one). There, setting GL up costs a few hundred
 * milliseconds of start-up and each frame takes longer than with GTK's
 * cairo renderer; GTK 4.14 makes the same choice by itself. */
#include "config.h"

#include "uc-platform.h"

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
