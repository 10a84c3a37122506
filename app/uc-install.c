/* uc-install.c: where the installed programs find each other
 *
 * The folders meson was configured with (LIBEXECDIR, LOCALEDIR) are where
 * the files are once installed. A copy staged under another folder (meson
 * install --destdir, a package being built) keeps that layout under it: a
 * program running from ROOT/usr/local/bin finds the window and the
 * translations under ROOT too, so a staged copy runs as it will once
 * installed, and an installed one runs from where it was configured to.
 */
#include "uc-install.h"

#include <string.h>

/* @path (an installed file or folder, absolute) for the program running
 * now, which was configured to run from @own_dir: under the same root as
 * the program if it runs from a staged copy and @path is there, else
 * @path itself. */
char *
uc_install_path (const char *own_dir,
                 const char *path)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *staged = NULL;
  size_t dir_len, own_len;

  g_return_val_if_fail (g_path_is_absolute (own_dir) && g_path_is_absolute (path), NULL);

  if (self == NULL || !g_path_is_absolute (self))
    return g_strdup (path);
  dir = g_path_get_dirname (self);
  dir_len = strlen (dir);
  own_len = strlen (own_dir);
  /* Running where it was installed, or from a build tree. */
  if (dir_len <= own_len || strcmp (dir + dir_len - own_len, own_dir) != 0)
    return g_strdup (path);
  staged = g_strdup_printf ("%.*s%s", (int) (dir_len - own_len), dir, path);
  if (!g_file_test (staged, G_FILE_TEST_EXISTS))
    return g_strdup (path);
  return g_steal_pointer (&staged);
}
