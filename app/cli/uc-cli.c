/* uc-cli.c: what the headless commands share
 *
 * These never initialise GTK: they run on servers and in CI, where there is
 * no display. Errors are one line on stderr; the exit status tells a bad
 * command line (2) from a failure to read or write (1).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-cli.h"

/* UNDERCUT_TIMINGS=1 prints how long each step took, on stderr. */
void
uc_cli_timing (const char *step)
{
  static gint64 start;
  static int enabled = -1;
  gint64 now = g_get_monotonic_time ();

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv ("UNDERCUT_TIMINGS"), "1") == 0;
  if (start == 0)
    start = now;
  if (enabled && step)
    g_printerr ("undercut: %-18s %7.1f ms\n", step, (now - start) / 1000.0);
}

int
uc_cli_usage_error (const char *command,
                    const char *message)
{
  /* Translators: the first and last %s are the command's name (export, inspect…), the middle one what was wrong. */
  g_printerr (_("undercut %s: %s (see “undercut %s --help”)\n"), command, message, command);
  return UC_EXIT_USAGE;
}

/* Parses a command's options; GOptionContext wants argv[0] to be the program. */
gboolean
uc_cli_parse (GOptionContext  *context,
              const char      *command,
              int              argc,
              char           **argv,
              GStrv           *rest,
              GError         **error)
{
  GStrv args = g_new0 (char *, argc + 1);

  args[0] = g_strdup_printf ("undercut %s", command);
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  *rest = args;
  return g_option_context_parse_strv (context, rest, error);
}
