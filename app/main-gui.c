/* main-gui.c: undercut-gui, the window
 *
 * Started by the undercut command when there is no headless command to run,
 * with the same arguments; it is the only program that links GTK.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-application.h"
#include "uc-install.h"
#include "uc-platform.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(UcApplication) app = NULL;
  g_autofree char *localedir = uc_install_path (LIBEXECDIR, LOCALEDIR);

  uc_platform_init_locale ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("UNDERCUT_LOCALEDIR") ? g_getenv ("UNDERCUT_LOCALEDIR") : localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* The window's name in process lists and the shell stays "undercut". */
  g_set_prgname ("undercut");
  uc_platform_choose_renderer ();
  app = uc_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
