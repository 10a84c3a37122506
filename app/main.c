/* main.c: the undercut command
 *
 * "undercut" opens the window; "undercut export …" and the other headless
 * commands run without a display and never initialise GTK.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "uc-application.h"
#include "uc-cli.h"

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} commands[] = {
  { "export", uc_cli_export },
  { "inspect", uc_cli_inspect },
  { "datasets", uc_cli_datasets },
};

static gboolean
have_display (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 && *x11) || (wayland && *wayland);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcApplication) app = NULL;
  gboolean version = FALSE;
  g_auto(GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { NULL }
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UNDERCUT_LOCALEDIR") ? g_getenv ("UNDERCUT_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (strcmp (argv[1], commands[i].name) == 0)
          return commands[i].run (argc - 1, argv + 1);
      g_printerr ("undercut: unknown command “%s” (see “undercut --help”)\n", argv[1]);
      return UC_EXIT_USAGE;
    }

  context = g_option_context_new (_("[COMMAND …]"));
  g_option_context_set_summary (context,
    _("Explore how cheap open-weight AI models move markets.\n"
      "\n"
      "Without a command, opens the window. Commands (each has --help):\n"
      "  export    Draw a chart view into a PNG, SVG or PDF file, without a display\n"
      "  inspect   Show how a CSV file is read: dialect, types, missing values, ranges\n"
      "  datasets  List the embedded datasets"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      g_printerr ("undercut: %s (see “undercut --help”)\n", error->message);
      return UC_EXIT_USAGE;
    }
  if (version)
    {
      printf ("undercut %s\n", PACKAGE_VERSION);
      return UC_EXIT_OK;
    }
  if (g_strv_length (args) > 1)
    {
      g_printerr ("undercut: unexpected argument “%s” (see “undercut --help”)\n", args[1]);
      return UC_EXIT_USAGE;
    }
  if (!have_display ())
    {
      g_printerr ("undercut: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                  "without one, use the headless commands, e.g. “undercut export --help”\n");
      return UC_EXIT_FAILURE;
    }

  app = uc_application_new ();
  return g_application_run (G_APPLICATION (app), 1, argv);
}
