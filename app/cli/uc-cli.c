/* uc-cli.c: the headless commands
 *
 * These never initialise GTK: they run on servers and in CI, where there is
 * no display. Errors are one line on stderr; the exit status tells a bad
 * command line (2) from a failure to read or write (1).
 */
#include "config.h"

#include "uc-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "uc-chart-theme.h"
#include "uc-export.h"
#include "uc-views.h"

static int
usage_error (const char *command,
             const char *message)
{
  g_printerr ("undercut %s: %s (see “undercut %s --help”)\n", command, message, command);
  return UC_EXIT_USAGE;
}

int
uc_cli_export (int    argc,
               char **argv)
{
  g_autofree char *view = NULL;
  g_autofree char *output = NULL;
  g_autofree char *theme_name = NULL;
  int width = 1600, height = 900;
  double scale = 1.0;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  g_auto(GStrv) args = NULL;
  const UcChartTheme *theme;
  UcExportFormat format;
  GOptionEntry entries[] = {
    { "view", 'v', 0, G_OPTION_ARG_STRING, &view, N_("Chart view to export (deepseek-shock)"), N_("ID") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write; .png, .svg or .pdf"), N_("FILE") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1600)"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 900)"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixel density for PNG (default 1, 2 for HiDPI)"), N_("S") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name, N_("light (default) or dark"), N_("THEME") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Draw a chart view into a PNG, SVG or PDF file, without a display."));
  g_option_context_set_description (context, _("Example: undercut export --view deepseek-shock --output shock.png"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* GOptionContext wants argv[0] to be the program. */
  args = g_new0 (char *, argc + 1);
  args[0] = g_strdup ("undercut export");
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error ("export", error->message);
  if (g_strv_length (args) > 1)
    {
      g_autofree char *message = g_strdup_printf ("unexpected argument “%s”", args[1]);
      return usage_error ("export", message);
    }
  if (view == NULL)
    return usage_error ("export", "--view is required");
  if (output == NULL)
    return usage_error ("export", "--output is required");
  if (width < 16 || width > 32768 || height < 16 || height > 32768)
    return usage_error ("export", "--width and --height must be between 16 and 32768");
  if (!(scale >= 0.25 && scale <= 8))
    return usage_error ("export", "--scale must be between 0.25 and 8");
  if (!uc_export_format_from_path (output, &format, &error))
    return usage_error ("export", error->message);

  if (theme_name == NULL || g_str_equal (theme_name, "light"))
    theme = uc_chart_theme_light ();
  else if (g_str_equal (theme_name, "dark"))
    theme = uc_chart_theme_dark ();
  else
    return usage_error ("export", "--theme must be light or dark");

  spec = uc_view_build (view, &error);
  if (spec == NULL)
    {
      if (g_error_matches (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN))
        return usage_error ("export", error->message);
      g_printerr ("undercut export: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }

  if (!uc_export_chart (spec, theme, output, format, width, height, scale, &error))
    {
      g_printerr ("undercut export: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  return UC_EXIT_OK;
}
