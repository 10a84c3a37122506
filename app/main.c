/* main.c: the undercut command
 *
 * "undercut export …" and the other headless commands run here, without a
 * display and without GTK loaded at all: a one-shot export should not pay
 * for mapping the toolkit. Without a command, this program becomes
 * undercut-gui, the window, with the same arguments.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "uc-cli.h"
#include "uc-cli-text.h"
#include "uc-install.h"

static const struct
{
  const char *name;
  int       (*run) (int argc, char **argv);
} commands[] = {
  { "export", uc_cli_export },
  { "inspect", uc_cli_inspect },
  { "datasets", uc_cli_datasets },
  { "refresh", uc_cli_refresh },
  { "sources", uc_cli_sources },
  { "library", uc_cli_library },
  { "study", uc_cli_study },
  { "moves", uc_cli_moves },
  { "frontier", uc_cli_frontier },
  { "releases", uc_cli_releases },
  { "claims", uc_cli_claims },
};

static const char *const summary =
  N_("Explore how cheap open-weight AI models move markets.\n"
      "\n"
      "Without a command, opens the window (or shows a view in the one already open); with CSV files, opens them\n"
      "there to import. Commands (each has --help):\n"
      "  export    Draw a chart view into a PNG, SVG or PDF file, without a display\n"
      "  inspect   Show how a CSV file is read: dialect, types, missing values, ranges\n"
      "  datasets  List the embedded datasets\n"
      "  refresh   Pull new data from the sources; keep the last good copy of each\n"
      "  sources   List the sources, with when each was retrieved and how current it is\n"
      "  library   List, add or remove the CSV files you imported (kept across restarts)\n"
      "  study     An event study: how far companies moved around an event beyond their market\n"
      "  moves     The largest one-day moves of a company or a basket, with the events near each\n"
      "  frontier  The cheapest API price on offer by region, and how fast it halves\n"
      "  releases  Model releases by quarter and region, open weights or not\n"
      "  claims    The story's claims, each checked against the data");

static gboolean
have_display (void)
{
  const char *x11 = g_getenv ("DISPLAY");
  const char *wayland = g_getenv ("WAYLAND_DISPLAY");

  return (x11 && *x11) || (wayland && *wayland);
}

/* undercut-gui beside this program (the build tree), else where it is
 * installed (in libexecdir, of a staged copy if this is one). */
static char *
find_gui (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *libexecdir = NULL;

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "undercut-gui", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  libexecdir = uc_install_path (BINDIR, LIBEXECDIR);
  return g_build_filename (libexecdir, "undercut-gui", NULL);
}

/* "undercut prices.csv": a file (or an address) the window opens for
 * import, as the file manager's "Open With" does; anything else that is
 * not a command is a mistyped one. */
static gboolean
is_file_argument (const char *arg)
{
  g_autofree char *scheme = g_uri_parse_scheme (arg);

  return scheme != NULL || g_file_test (arg, G_FILE_TEST_EXISTS);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *gui = NULL;
  gboolean version = FALSE, timings = FALSE;
  g_autofree char *view = NULL;
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  g_auto(GStrv) args = NULL;
  g_autofree char *localedir = uc_install_path (BINDIR, LOCALEDIR);
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    /* Read by the window (undercut-gui); listed here for --help. */
    { "view", 0, 0, G_OPTION_ARG_STRING, &view, N_("Open on this view: deepseek-shock, hardware-evs, model-releases, pricing or events"), N_("ID") },
    { "timings", 0, 0, G_OPTION_ARG_NONE, &timings, N_("Print how long the window took to draw its first chart, then quit"), NULL },
    { NULL }
  };

  /* The user's language and dates; the C locale's numbers, so CSV and
   * --json never take a decimal comma (charts localize theirs). */
  setlocale (LC_ALL, "");
  setlocale (LC_NUMERIC, "C");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UNDERCUT_LOCALEDIR") ? g_getenv ("UNDERCUT_LOCALEDIR") : localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  uc_cli_install_print_handlers ();

  if (argc > 1 && argv[1][0] != '-')
    {
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (strcmp (argv[1], commands[i].name) == 0)
          return commands[i].run (argc - 1, argv + 1);
      if (!is_file_argument (argv[1]))
        {
          /* Translators: %s is what was typed after “undercut”; “undercut” is the command's name. */
          g_printerr (_("undercut: “%s” is neither a command nor a file (see “undercut --help”)\n"), argv[1]);
          return UC_EXIT_USAGE;
        }
    }

  context = g_option_context_new (_("[COMMAND … | FILE …]"));
  g_option_context_set_summary (context, _(summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    {
      /* Translators: %s is an error message about the command line's options. */
      g_printerr (_("undercut: %s (see “undercut --help”)\n"), error->message);
      return UC_EXIT_USAGE;
    }
  if (version)
    {
      printf ("undercut %s\n", PACKAGE_VERSION);
      return UC_EXIT_OK;
    }
  for (guint i = 1; args[i]; i++)
    if (!is_file_argument (args[i]))
      {
        /* Translators: %s is a file name given on the command line. */
        g_printerr (_("undercut: “%s”: no such file (see “undercut --help”)\n"), args[i]);
        return UC_EXIT_USAGE;
      }
  if (!have_display ())
    {
      g_printerr (_("undercut: no display (DISPLAY and WAYLAND_DISPLAY are unset); "
                    "without one, use the headless commands, e.g. “undercut export --help”\n"));
      return UC_EXIT_FAILURE;
    }

  gui = find_gui ();
  /* The window measures its start-up from here (monotonic time survives exec). */
  g_setenv ("UNDERCUT_START_USEC", start, TRUE);
  execv (gui, argv);
  /* Translators: the first %s is the window program's file name, the second why it could not start. */
  g_printerr (_("undercut: cannot start the window (%s): %s\n"), gui, g_strerror (errno));
  return UC_EXIT_FAILURE;
}
