/* test-write.c: writing the user's files without destroying anything
 *
 * Everything here happens in a fresh temporary folder, with named pipes,
 * sockets, links and files made for the test: never a real device. Before
 * the writer checked what it replaces, a test run as root against
 * /dev/null would have turned the machine's /dev/null into a PNG.
 */
#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "uc-chart-theme.h"
#include "uc-export.h"
#include "uc-safe-file.h"

/* ---- helpers ---- */

static char *
make_folder (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("uc-write-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Everything in @dir (no subfolders but packs of flat files), then @dir. */
static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      struct stat st;

      if (lstat (path, &st) == 0 && S_ISDIR (st.st_mode))
        remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Names in @dir other than @keep (NULL-terminated), sorted, as one string. */
static char *
others_in (const char         *dir,
           const char * const *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (keep == NULL || !g_strv_contains (keep, name))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (d);
  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
write_file (const char *path,
            const char *text,
            mode_t      mode)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
assert_text (const char *path,
             const char *expected)
{
  g_autofree char *text = read_text (path);

  g_assert_cmpstr (text, ==, expected);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  g_assert_cmpint (lstat (path, &st), ==, 0);
  return st.st_mode;
}

/* ---- the writer, in process ---- */

static void
test_refuses_what_is_not_a_file (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.png", NULL);
  g_autofree char *sock = g_build_filename (dir, "sock.png", NULL);
  g_autofree char *sub = g_build_filename (dir, "folder.png", NULL);
  g_autofree char *to_fifo = g_build_filename (dir, "to-fifo.png", NULL);
  g_autofree char *dangling = g_build_filename (dir, "dangling.png", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.png", NULL);
  struct sockaddr_un addr = { .sun_family = AF_UNIX };
  int s = socket (AF_UNIX, SOCK_STREAM, 0);
  const struct { const char *path, *message; } cases[] = {
    { fifo, "not a regular file (a named pipe); not replaced" },
    { sock, "not a regular file (a socket); not replaced" },
    { sub, "not a regular file (a folder); not replaced" },
    { to_fifo, "not a regular file (a symbolic link to a named pipe); not replaced" },
    { dangling, "a symbolic link to a missing file; not replaced" },
  };

  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_cmpint (s, >=, 0);
  g_assert_cmpuint (strlen (sock), <, sizeof addr.sun_path);
  strcpy (addr.sun_path, sock);
  g_assert_cmpint (bind (s, (struct sockaddr *) &addr, sizeof addr), ==, 0);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  g_assert_cmpint (symlink (fifo, to_fifo), ==, 0);
  g_assert_cmpint (symlink (missing, dangling), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf ("%s: %s", cases[i].path, cases[i].message);

      g_assert_false (uc_safe_file_set_contents (cases[i].path, NULL, "x", 1, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
      g_assert_cmpstr (error->message, ==, expected);
    }
  /* Each is still what it was, and nothing was left beside them. */
  g_assert_true (S_ISFIFO (mode_of (fifo)));
  g_assert_true (S_ISSOCK (mode_of (sock)));
  g_assert_true (S_ISDIR (mode_of (sub)));
  g_assert_true (S_ISLNK (mode_of (to_fifo)));
  g_assert_true (S_ISLNK (mode_of (dangling)));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "fifo.png", "sock.png", "folder.png",
                                                                    "to-fifo.png", "dangling.png", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  close (s);
  remove_folder (dir);
}

static void
test_read_only (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *path = g_build_filename (dir, "ro.png", NULL);
  g_autoptr(GError) error = NULL;

  /* No write bit: refused even for root, whom access() lets write. */
  write_file (path, "old", 0444);
  g_assert_false (uc_safe_file_set_contents (path, "shown.png", "new", 3, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (error->message, ==, "shown.png: read-only; not replaced");
  assert_text (path, "old");
  g_assert_cmpint (mode_of (path) & 07777, ==, 0444);
  remove_folder (dir);
}

/* Root can write anything: a file of root's that the user "nobody" may
 * not write is refused to nobody, though the folder lets them rename. */
static void
test_not_writable_by_user (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (geteuid () != 0)
    {
      g_test_skip ("needs root, to write as another user");
      return;
    }
  dir = make_folder ();
  path = g_build_filename (dir, "root.png", NULL);
  write_file (path, "root's", 0644);
  g_assert_cmpint (g_chmod (dir, 01777 & ~01000), ==, 0);
  if (fork () == 0)
    {
      GError *error = NULL;

      if (setgid (65534) != 0 || setuid (65534) != 0)
        _exit (3);
      if (uc_safe_file_set_contents (path, NULL, "nobody's", 8, &error))
        _exit (1);
      _exit (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) &&
             g_str_has_suffix (error->message, ": not writable by you; not replaced") ? 0 : 2);
    }
  {
    int status;

    g_assert_cmpint (wait (&status), >, 0);
    g_assert_true (WIFEXITED (status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }
  assert_text (path, "root's");
  remove_folder (dir);
}

static void
check_keeps_mode_and_links (gboolean fallbacks)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *priv = g_build_filename (dir, "private.png", NULL);
  g_autofree char *group = g_build_filename (dir, "group.png", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.png", NULL);
  g_autofree char *target = g_build_filename (dir, "target.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);

  uc_safe_file_force_fallbacks (fallbacks);
  write_file (priv, "old", 0600);
  write_file (group, "old", 0664);
  write_file (target, "old", 0640);
  g_assert_cmpint (symlink ("target.png", link), ==, 0);

  g_assert_true (uc_safe_file_set_contents (priv, NULL, "new", 3, &error));
  g_assert_true (uc_safe_file_set_contents (group, NULL, "new", 3, &error));
  g_assert_true (uc_safe_file_set_contents (fresh, NULL, "new", 3, &error));
  /* A link stays a link: the file it points to is replaced. */
  g_assert_true (uc_safe_file_set_contents (link, NULL, "through", 7, &error));
  g_assert_no_error (error);

  assert_text (priv, "new");
  g_assert_cmpint (mode_of (priv) & 07777, ==, 0600);
  g_assert_cmpint (mode_of (group) & 07777, ==, 0664);
  g_assert_cmpint (mode_of (fresh) & 07777, ==, 0644);
  g_assert_true (S_ISLNK (mode_of (link)));
  assert_text (target, "through");
  g_assert_cmpint (mode_of (target) & 07777, ==, 0640);
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "private.png", "group.png", "new.png",
                                                                    "target.png", "link.png", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  umask (mask);
  uc_safe_file_force_fallbacks (FALSE);
  remove_folder (dir);
}

static void
test_keeps_mode_and_links (void)
{
  check_keeps_mode_and_links (FALSE);
}

static void
test_keeps_mode_and_links_fallbacks (void)
{
  check_keeps_mode_and_links (TRUE);
}

/* A writer given up (a failed export) leaves the target as it was and
 * nothing beside it; until committed, nothing is visible. */
static void
check_abandoned (gboolean fallbacks)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *old = g_build_filename (dir, "old.png", NULL);
  g_autofree char *fresh = g_build_filename (dir, "new.png", NULL);
  g_autoptr(GError) error = NULL;

  uc_safe_file_force_fallbacks (fallbacks);
  write_file (old, "old", 0644);
  {
    g_autoptr(UcSafeFile) a = uc_safe_file_new (old, NULL, &error);
    g_autoptr(UcSafeFile) b = uc_safe_file_new (fresh, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (uc_safe_file_write (a, "half", 4, &error));
    g_assert_true (uc_safe_file_write (b, "half", 4, &error));
    g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  }
  assert_text (old, "old");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "old.png", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  uc_safe_file_force_fallbacks (FALSE);
  remove_folder (dir);
}

static void
test_abandoned (void)
{
  check_abandoned (FALSE);
}

static void
test_abandoned_fallbacks (void)
{
  check_abandoned (TRUE);
}

/* A full disk, as the kernel reports it to a writer past its file size
 * limit: the old file stays whole and no temporary remains. */
static void
test_disk_full (void)
{
  if (g_test_subprocess ())
    {
      const char *dir = g_getenv ("UC_TEST_DIR");
      g_autofree char *path = g_build_filename (dir, "out.png", NULL);
      g_autofree char *big = g_malloc0 (64 * 1024);
      struct rlimit limit = { 16 * 1024, 16 * 1024 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (int fallbacks = 0; fallbacks < 2; fallbacks++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *expected = g_strdup_printf ("%s: %s", path, g_strerror (EFBIG));

          uc_safe_file_force_fallbacks (fallbacks);
          g_assert_false (uc_safe_file_set_contents (path, NULL, big, 64 * 1024, &error));
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, ==, expected);
        }
      return;
    }
  {
    g_autofree char *dir = make_folder ();
    g_autofree char *path = g_build_filename (dir, "out.png", NULL);

    write_file (path, "old", 0644);
    g_setenv ("UC_TEST_DIR", dir, TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed ();
    assert_text (path, "old");
    {
      g_autofree char *left = others_in (dir, (const char * const[]) { "out.png", NULL });
      g_assert_cmpstr (left, ==, "");
    }
    remove_folder (dir);
  }
}

static const char * const pack_names[] = { "chart.png", "data.csv", NULL };

/* A child that starts writing a pack at @pack (a file in it whole and,
 * with @half, one half written) and dies: what a kill leaves. */
static void
die_writing_pack (const char *pack,
                  gboolean    half)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      UcSafeDir *d;
      g_autofree char *png = NULL, *csv = NULL;

      /* A forked child starts from its parent's random state. */
      g_random_set_seed (g_random_int () ^ (guint32) getpid ());
      d = uc_safe_dir_new (pack, pack_names, NULL);
      if (d == NULL)
        _exit (1);
      png = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);
      csv = g_build_filename (uc_safe_dir_get_path (d), "data.csv", NULL);
      if (!uc_safe_file_set_contents (png, NULL, "dead png", 8, NULL))
        _exit (2);
      if (half)
        {
          UcSafeFile *f = uc_safe_file_new (csv, NULL, NULL);

          if (f == NULL || !uc_safe_file_write (f, "half", 4, NULL))
            _exit (3);
        }
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* The name in @dir that starts with @prefix (there must be one), or NULL. */
static char *
entry_with_prefix (const char *dir,
                   const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_strdup (name);
  return NULL;
}

/* Temporaries of ours left by a writer that died go at the next write in
 * their folder, files and pack folders; anything else stays: a live
 * writer's (locked), other programs' names, a folder moved aside. Ours
 * are ".NAME.undercut-tmp-" and 16 lowercase hex digits: names of the
 * earlier form (".NAME.undercut-" and 6 letters) could be anyone's, as
 * ".keep.undercut-backup" is, and stay. */
static void
test_stale_temporaries (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  const char *stale[] = { ".out.png.undercut-tmp-0123456789abcdef", ".other.svg.undercut-tmp-ffffffffffffffff",
                          ".x.undercut-tmp-0000000000000000" };
  const char *kept[] = { ".out.png.Ab3dE9", ".out.png.undercut-Ab3dE", "out.png.undercut-Ab3dE9",
                         ".out.png.undercut-Ab3dE9x", ".locked.png.undercut-tmp-bbbbbbbbbbbbbbbb",
                         ".out.png.undercut-old-cccccc", ".out.png.undercut-Ab3dE9",
                         ".out.png.undercut-tmp-0123456789ABCDEF", ".out.png.undercut-tmp-0123456789abcde",
                         "out.png.undercut-tmp-0123456789abcdef", ".pack.undercut-dddddd" };
  g_autofree char *stale_dir = g_build_filename (dir, ".pack.undercut-dddddd", NULL);
  g_autofree char *stale_file_in_dir = g_build_filename (stale_dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  int locked;

  for (guint i = 0; i < G_N_ELEMENTS (stale); i++)
    {
      g_autofree char *path = g_build_filename (dir, stale[i], NULL);

      write_file (path, "left by a kill", 0644);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    {
      g_autofree char *path = g_build_filename (dir, kept[i], NULL);

      if (strcmp (kept[i], ".pack.undercut-dddddd") != 0)
        write_file (path, "someone's", 0644);
    }
  g_assert_cmpint (g_mkdir (stale_dir, 0755), ==, 0);
  write_file (stale_file_in_dir, "half a pack", 0644);
  {
    g_autofree char *path = g_build_filename (dir, ".locked.png.undercut-tmp-bbbbbbbbbbbbbbbb", NULL);

    locked = open (path, O_RDONLY);
    g_assert_cmpint (flock (locked, LOCK_EX), ==, 0);
  }
  {
    g_autofree char *path = g_build_filename (dir, ".empty.png.undercut-tmp-eeeeeeeeeeeeeeee", NULL);

    write_file (path, "", 0644);
  }
  /* Pack folders of writers that died, one with a file half written
   * (under a temporary name: without unnamed files). Each is made apart,
   * since each writer would remove the other's. */
  for (int half = 0; half < 2; half++)
    {
      g_autofree char *apart = make_folder ();
      g_autofree char *pack = g_build_filename (apart, "pack", NULL);
      g_autofree char *name = NULL, *from = NULL, *to = NULL;

      uc_safe_file_force_fallbacks (half);
      die_writing_pack (pack, half);
      uc_safe_file_force_fallbacks (FALSE);
      name = entry_with_prefix (apart, ".pack.undercut-tmp-");
      g_assert_nonnull (name);
      from = g_build_filename (apart, name, NULL);
      to = g_build_filename (dir, name, NULL);
      g_assert_cmpint (g_rename (from, to), ==, 0);
      g_assert_cmpint (g_rmdir (apart), ==, 0);
    }
  g_assert_cmpuint (count_entries (dir), ==, G_N_ELEMENTS (stale) + G_N_ELEMENTS (kept) + 3);

  g_assert_true (uc_safe_file_set_contents (out, NULL, "new", 3, &error));
  g_assert_no_error (error);
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "out.png", NULL });
    g_auto(GStrv) got = g_strsplit (left, " ", -1);

    g_assert_cmpuint (g_strv_length (got), ==, G_N_ELEMENTS (kept));
    for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
      g_assert_true (g_strv_contains ((const char * const *) got, kept[i]));
  }
  close (locked);
  remove_folder (dir);
}

/* ---- folders swapped in whole ---- */

static void
check_dir (gboolean fallbacks)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autofree char *png = g_build_filename (pack, "chart.png", NULL);
  g_autofree char *csv = g_build_filename (pack, "data.csv", NULL);
  g_autoptr(GError) error = NULL;
  struct stat before, after;

  uc_safe_file_force_fallbacks (fallbacks);
  /* A new folder, and its missing parents. */
  {
    g_autofree char *deep = g_build_filename (dir, "a", "b", "pack", NULL);
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (deep, pack_names, &error);
    g_autofree char *in = NULL;

    g_assert_no_error (error);
    in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);
    g_assert_true (uc_safe_file_set_contents (in, NULL, "png", 3, &error));
    g_assert_true (uc_safe_dir_commit (d, &error));
    g_assert_no_error (error);
    g_free (in);
    in = g_build_filename (deep, "chart.png", NULL);
    assert_text (in, "png");
  }

  g_assert_cmpint (g_mkdir (pack, 0750), ==, 0);
  write_file (png, "old png", 0644);
  write_file (csv, "old csv", 0644);
  g_assert_cmpint (stat (pack, &before), ==, 0);

  /* Abandoned: the old pack is untouched, nothing is left. */
  {
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (pack, pack_names, &error);
    g_autofree char *in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);

    g_assert_true (uc_safe_file_set_contents (in, NULL, "new png", 7, &error));
  }
  assert_text (png, "old png");
  assert_text (csv, "old csv");

  /* Swapped in whole, with the old folder's mode; the old one is gone. */
  {
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (pack, pack_names, &error);
    g_autofree char *in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);

    g_assert_no_error (error);
    g_assert_true (uc_safe_file_set_contents (in, NULL, "new png", 7, &error));
    assert_text (png, "old png");
    g_assert_true (uc_safe_dir_commit (d, &error));
    g_assert_no_error (error);
  }
  assert_text (png, "new png");
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_cmpint (stat (pack, &after), ==, 0);
  g_assert_cmpuint (before.st_ino, !=, after.st_ino);
  g_assert_cmpint (after.st_mode & 07777, ==, 0750);
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "pack", "a", NULL });
    g_assert_cmpstr (left, ==, "");
  }

  /* Through a link: the link stays, the folder it names is replaced. */
  {
    g_autofree char *link = g_build_filename (dir, "link", NULL);
    g_autofree char *in = NULL;
    g_autoptr(UcSafeDir) d = NULL;

    g_assert_cmpint (symlink ("pack", link), ==, 0);
    d = uc_safe_dir_new (link, pack_names, &error);
    g_assert_no_error (error);
    in = g_build_filename (uc_safe_dir_get_path (d), "data.csv", NULL);
    g_assert_true (uc_safe_file_set_contents (in, NULL, "linked", 6, &error));
    g_assert_true (uc_safe_dir_commit (d, &error));
    g_assert_true (S_ISLNK (mode_of (link)));
    assert_text (csv, "linked");
  }
  uc_safe_file_force_fallbacks (FALSE);
  remove_folder (dir);
}

static void
test_dir (void)
{
  check_dir (FALSE);
}

static void
test_dir_fallbacks (void)
{
  check_dir (TRUE);
}

/* Never a folder that holds anything but the files it would hold again. */
static void
test_dir_refuses (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *mine = g_build_filename (dir, "mine", NULL);
  g_autofree char *notes = g_build_filename (mine, "notes.txt", NULL);
  g_autofree char *png = g_build_filename (mine, "chart.png", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *subdir = g_build_filename (dir, "sub", NULL);
  g_autofree char *inner = g_build_filename (subdir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;

  g_assert_cmpint (g_mkdir (mine, 0755), ==, 0);
  write_file (notes, "my notes", 0644);
  write_file (png, "png", 0644);
  g_assert_null (uc_safe_dir_new (mine, pack_names, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  g_assert_true (g_str_has_suffix (error->message, "/mine: not a report pack (it holds “notes.txt”); not replaced"));
  g_clear_error (&error);
  assert_text (notes, "my notes");

  /* A pack's name, but a folder. */
  g_assert_cmpint (g_mkdir (subdir, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (inner, 0755), ==, 0);
  g_assert_null (uc_safe_dir_new (subdir, pack_names, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  write_file (file, "a file", 0644);
  g_assert_null (uc_safe_dir_new (file, pack_names, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_true (g_str_has_suffix (error->message, "/file: not a folder (a regular file); not replaced"));
  g_clear_error (&error);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  g_assert_null (uc_safe_dir_new (fifo, pack_names, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_clear_error (&error);

  left = others_in (dir, (const char * const[]) { "mine", "file", "fifo", "sub", NULL });
  g_assert_cmpstr (left, ==, "");
  remove_folder (dir);
}

/* A file the user adds to the pack folder while the new pack is written
 * is theirs: the export fails naming it, and the folder keeps it with the
 * old pack. (It was swapped away with the old pack, into a hidden folder
 * the next export in that folder emptied.) */
static void
check_dir_added_during_write (gboolean fallbacks)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autofree char *png = g_build_filename (pack, "chart.png", NULL);
  g_autofree char *csv = g_build_filename (pack, "data.csv", NULL);
  g_autofree char *notes = g_build_filename (pack, "notes.txt", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: not a report pack (it holds “notes.txt”); not replaced", pack);
  g_autoptr(GError) error = NULL;

  uc_safe_file_force_fallbacks (fallbacks);
  g_assert_cmpint (g_mkdir (pack, 0755), ==, 0);
  write_file (png, "old png", 0644);
  write_file (csv, "old csv", 0644);
  {
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (pack, pack_names, &error);
    g_autofree char *in = NULL;

    g_assert_no_error (error);
    in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);
    g_assert_true (uc_safe_file_set_contents (in, NULL, "new png", 7, &error));
    write_file (notes, "mine", 0644);
    g_assert_false (uc_safe_dir_commit (d, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY);
    g_assert_cmpstr (error->message, ==, expected);
    g_clear_error (&error);
  }
  assert_text (notes, "mine");
  assert_text (png, "old png");
  assert_text (csv, "old csv");
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "pack", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  /* Later writes beside it leave it be. */
  {
    g_autofree char *out = g_build_filename (dir, "out.png", NULL);
    g_autofree char *other = g_build_filename (dir, "other", NULL);
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (other, pack_names, &error);

    g_assert_no_error (error);
    g_assert_true (uc_safe_dir_commit (d, &error));
    g_assert_true (uc_safe_file_set_contents (out, NULL, "new", 3, &error));
    g_assert_no_error (error);
  }
  assert_text (notes, "mine");
  uc_safe_file_force_fallbacks (FALSE);
  remove_folder (dir);
}

static void
test_dir_added_during_write (void)
{
  check_dir_added_during_write (FALSE);
}

static void
test_dir_added_during_write_fallbacks (void)
{
  check_dir_added_during_write (TRUE);
}

/* Names of our form's earlier shape and names that merely look like ours
 * are someone's, and the target's own name is never a leftover, whatever
 * its form: ".keep.undercut-backup" (a folder) went at any export beside
 * it, and a pack at ".q1.undercut-report" went at its second export. A
 * folder of ours that holds anything but pack files is left whole. */
static void
test_stale_keeps_others (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *keep = g_build_filename (dir, ".keep.undercut-backup", NULL);
  g_autofree char *keep_file = g_build_filename (keep, "a.txt", NULL);
  g_autofree char *keep_png = g_build_filename (keep, "chart.png", NULL);
  g_autofree char *backup = g_build_filename (dir, ".notes.undercut-backup", NULL);
  g_autofree char *linked = g_build_filename (dir, ".l.png.undercut-tmp-1111111111111111", NULL);
  g_autofree char *linked_too = g_build_filename (dir, "l.png", NULL);
  g_autofree char *fifo = g_build_filename (dir, ".f.png.undercut-tmp-2222222222222222", NULL);
  g_autofree char *dead = g_build_filename (dir, "dead", NULL);
  g_autofree char *dead_tmp = NULL, *dead_notes = NULL, *dead_png = NULL;
  g_autofree char *out = g_build_filename (dir, "z.png", NULL);
  const char *packs[] = { ".q1.undercut-report", ".q2.undercut-tmp-0123456789abcdef", "plain" };
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (keep, 0755), ==, 0);
  write_file (keep_file, "x", 0644);
  write_file (keep_png, "someone's png", 0644);
  write_file (backup, "x", 0644);
  write_file (linked, "two names", 0644);
  g_assert_cmpint (link (linked, linked_too), ==, 0);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  /* A dead writer's folder, into which someone put a file. */
  {
    g_autofree char *name = NULL;

    die_writing_pack (dead, FALSE);
    name = entry_with_prefix (dir, ".dead.undercut-tmp-");
    g_assert_nonnull (name);
    dead_tmp = g_build_filename (dir, name, NULL);
    dead_notes = g_build_filename (dead_tmp, "notes.txt", NULL);
    dead_png = g_build_filename (dead_tmp, "chart.png", NULL);
    write_file (dead_notes, "mine", 0644);
  }

  /* Each pack twice: the second replaces the first. */
  for (guint i = 0; i < G_N_ELEMENTS (packs); i++)
    for (int round = 0; round < 2; round++)
      {
        g_autofree char *pack = g_build_filename (dir, packs[i], NULL);
        g_autofree char *png = g_build_filename (pack, "chart.png", NULL);
        g_autofree char *text = g_strdup_printf ("round %d", round);
        g_autoptr(UcSafeDir) d = uc_safe_dir_new (pack, pack_names, &error);
        g_autofree char *in = NULL;

        g_assert_no_error (error);
        in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);
        g_assert_true (uc_safe_file_set_contents (in, NULL, text, strlen (text), &error));
        g_assert_true (uc_safe_dir_commit (d, &error));
        g_assert_no_error (error);
        assert_text (png, text);
      }
  /* A file of our form as the target, twice. */
  for (int round = 0; round < 2; round++)
    {
      g_autofree char *sub = g_build_filename (dir, "sub", NULL);
      g_autofree char *file = g_build_filename (sub, ".z.undercut-tmp-0123456789abcdef", NULL);

      g_assert_cmpint (g_mkdir_with_parents (sub, 0755), ==, 0);
      g_assert_true (uc_safe_file_set_contents (file, NULL, round ? "2" : "1", 1, &error));
      g_assert_no_error (error);
      assert_text (file, round ? "2" : "1");
    }
  /* A link to a file of our form: the file it points to is the target. */
  {
    g_autofree char *sub = g_build_filename (dir, "sub", NULL);
    g_autofree char *to = g_build_filename (sub, ".t.png.undercut-tmp-abcdefabcdefabcd", NULL);
    g_autofree char *via = g_build_filename (sub, "via.png", NULL);

    write_file (to, "old", 0644);
    g_assert_cmpint (symlink (".t.png.undercut-tmp-abcdefabcdefabcd", via), ==, 0);
    g_assert_true (uc_safe_file_set_contents (via, NULL, "through", 7, &error));
    g_assert_no_error (error);
    assert_text (to, "through");
  }
  g_assert_true (uc_safe_file_set_contents (out, NULL, "new", 3, &error));
  g_assert_no_error (error);

  assert_text (keep_file, "x");
  assert_text (keep_png, "someone's png");
  assert_text (backup, "x");
  assert_text (linked, "two names");
  g_assert_true (S_ISFIFO (mode_of (fifo)));
  assert_text (dead_notes, "mine");
  assert_text (dead_png, "dead png");
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { ".keep.undercut-backup",
                                                                    ".notes.undercut-backup", ".q1.undercut-report",
                                                                    ".q2.undercut-tmp-0123456789abcdef", "plain",
                                                                    "sub", "z.png", NULL });
    g_autofree char *expected = g_strdup_printf ("%s .f.png.undercut-tmp-2222222222222222 "
                                                 ".l.png.undercut-tmp-1111111111111111 l.png",
                                                 strrchr (dead_tmp, '/') + 1);

    g_assert_cmpstr (left, ==, expected);
  }
  remove_folder (dir);
}

/* Killed at each moment of a commit, a pack is the old one or the new one
 * once the next writer in its folder has run. Without RENAME_EXCHANGE,
 * killed between its two renames, a commit left no pack at all: the old
 * one moved aside for ever, the new one in a temporary folder the next
 * writer removed. Now any writer beside it puts the old one back. */
static gboolean killed_at_moment;
static const char *kill_moment;

static void
kill_at (const char *moment)
{
  if (g_strcmp0 (moment, kill_moment) == 0)
    _exit (0);
}

/* A child that writes a new pack at @pack and dies at @moment of its
 * commit. */
static void
die_committing_pack (const char *pack,
                     gboolean    fallbacks,
                     const char *moment)
{
  int status;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      UcSafeDir *d;
      g_autofree char *in = NULL;

      g_random_set_seed (g_random_int () ^ (guint32) getpid ());
      uc_safe_file_force_fallbacks (fallbacks);
      kill_moment = moment;
      uc_safe_file_set_test_hook (kill_at);
      d = uc_safe_dir_new (pack, pack_names, NULL);
      if (d == NULL)
        _exit (1);
      in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);
      if (!uc_safe_file_set_contents (in, NULL, "new png", 7, NULL))
        _exit (2);
      uc_safe_dir_commit (d, NULL);
      _exit (3);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  killed_at_moment = TRUE;
}

static void
check_dir_killed (gboolean    fallbacks,
                  const char *moment,
                  gboolean    new_pack)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autofree char *png = g_build_filename (pack, "chart.png", NULL);
  g_autofree char *csv = g_build_filename (pack, "data.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (pack, 0755), ==, 0);
  write_file (png, "old png", 0644);
  write_file (csv, "old csv", 0644);
  die_committing_pack (pack, fallbacks, moment);

  if (g_strcmp0 (moment, "moved-aside") == 0)
    {
      /* No pack: the old one aside, the new one in its temporary. */
      g_autofree char *aside = entry_with_prefix (dir, ".pack.undercut-old-");

      g_assert_false (g_file_test (pack, G_FILE_TEST_EXISTS));
      g_assert_nonnull (aside);
      g_assert_cmpuint (count_entries (dir), ==, 2);
    }
  /* Any writer beside it, not knowing what a pack holds, puts the old pack
   * back and removes nothing of either. */
  g_assert_true (uc_safe_file_set_contents (out, NULL, "new", 3, &error));
  g_assert_no_error (error);
  assert_text (png, new_pack ? "new png" : "old png");
  if (new_pack)
    g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  else
    assert_text (csv, "old csv");
  /* The next pack writer removes the rest. */
  {
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (pack, pack_names, &error);

    g_assert_no_error (error);
  }
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "pack", "out.png", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  assert_text (png, new_pack ? "new png" : "old png");
  remove_folder (dir);
}

static void
test_dir_killed (void)
{
  check_dir_killed (FALSE, "exchanged", TRUE);
  check_dir_killed (TRUE, "moved-aside", FALSE);
  check_dir_killed (TRUE, "replaced", TRUE);
  g_assert_true (killed_at_moment);
}

/* Written through a link to a folder elsewhere and killed between the two
 * renames, the link dangles: the next pack written through it puts the
 * old pack back first, and replaces it. */
static void
test_dir_killed_through_link (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *real = g_build_filename (dir, "real", NULL);
  g_autofree char *pack = g_build_filename (real, "pack", NULL);
  g_autofree char *png = g_build_filename (pack, "chart.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (pack, 0755), ==, 0);
  write_file (png, "old png", 0644);
  g_assert_cmpint (symlink ("real/pack", link), ==, 0);
  die_committing_pack (link, TRUE, "moved-aside");
  g_assert_false (g_file_test (pack, G_FILE_TEST_EXISTS));
  {
    g_autoptr(UcSafeDir) d = uc_safe_dir_new (link, pack_names, &error);
    g_autofree char *in = NULL;

    g_assert_no_error (error);
    assert_text (png, "old png");
    in = g_build_filename (uc_safe_dir_get_path (d), "chart.png", NULL);
    g_assert_true (uc_safe_file_set_contents (in, NULL, "newer", 5, &error));
    g_assert_true (uc_safe_dir_commit (d, &error));
    g_assert_no_error (error);
  }
  assert_text (png, "newer");
  g_assert_true (S_ISLNK (mode_of (link)));
  {
    g_autofree char *left = others_in (real, (const char * const[]) { "pack", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  remove_folder (dir);
}

/* ---- the command line ---- */

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static void
limit_file_size (gpointer data)
{
  struct rlimit limit = { 32 * 1024, 32 * 1024 };

  /* Writes past the limit fail with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &limit);
}

/* @args run by the command undercut; with @watchdog, under timeout(1), so
 * a writer that hangs fails the test instead of holding it. */
static GSubprocess *
spawn (gboolean    small_disk,
       gboolean    watchdog,
       GPtrArray  *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("UNDERCUT_BIN");
  GSubprocess *proc;

  g_assert_nonnull (bin);
  if (watchdog)
    {
      g_ptr_array_add (argv, (gpointer) "timeout");
      g_ptr_array_add (argv, (gpointer) "60");
    }
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; i < args->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (args, i));
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (small_disk)
    g_subprocess_launcher_set_child_setup (launcher, limit_file_size, NULL, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return proc;
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize len = g_bytes_get_size (bytes);
  char *text = g_malloc (len + 1);

  if (len > 0)
    memcpy (text, g_bytes_get_data (bytes, NULL), len);
  text[len] = '\0';
  return text;
}

static Result
run_args (gboolean    small_disk,
          GPtrArray  *args)
{
  g_autoptr(GSubprocess) proc = spawn (small_disk, TRUE, args);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL, err = NULL;
  Result r = { 0 };

  g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r.status = g_subprocess_get_exit_status (proc);
  r.out = bytes_to_string (out);
  r.err = bytes_to_string (err);
  return r;
}

static GPtrArray *
args_new (const char *first,
          va_list     ap)
{
  GPtrArray *args = g_ptr_array_new ();

  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  return args;
}

static Result G_GNUC_NULL_TERMINATED
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = args_new (first, ap);
  va_end (ap);
  return run_args (FALSE, args);
}

static Result G_GNUC_NULL_TERMINATED
run_on_small_disk (const char *first,
                   ...)
{
  g_autoptr(GPtrArray) args = NULL;
  va_list ap;

  va_start (ap, first);
  args = args_new (first, ap);
  va_end (ap);
  return run_args (TRUE, args);
}

static void
assert_png (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 20);
  g_assert_cmpint (memcmp (data, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  /* Whole: it ends with its IEND chunk. */
  g_assert_cmpint (memcmp (data + len - 8, "IEND", 4), ==, 0);
}

static void
test_cli_output (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *fifo = g_build_filename (dir, "fifo.png", NULL);
  g_autofree char *priv = g_build_filename (dir, "private.png", NULL);
  g_autofree char *ro = g_build_filename (dir, "ro.png", NULL);
  g_autofree char *target = g_build_filename (dir, "target.png", NULL);
  g_autofree char *link = g_build_filename (dir, "link.png", NULL);
  g_autofree char *expected = NULL;
  Result r;

  /* A named pipe: refused at once, without opening it (which would wait
   * for a reader forever) and without replacing it. */
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  r = run ("export", "--view", "deepseek-shock", "--output", fifo, NULL);
  expected = g_strdup_printf ("undercut export: %s: not a regular file (a named pipe); not replaced\n", fifo);
  g_assert_cmpstr (r.err, ==, expected);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (S_ISFIFO (mode_of (fifo)));
  result_clear (&r);

  write_file (priv, "old", 0600);
  r = run ("export", "--view", "deepseek-shock", "--output", priv, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  assert_png (priv);
  g_assert_cmpint (mode_of (priv) & 07777, ==, 0600);
  result_clear (&r);

  write_file (ro, "old", 0444);
  r = run ("export", "--view", "deepseek-shock", "--output", ro, NULL);
  g_assert_nonnull (strstr (r.err, "ro.png: read-only; not replaced"));
  g_assert_cmpint (r.status, ==, 1);
  assert_text (ro, "old");
  result_clear (&r);

  write_file (target, "old", 0644);
  g_assert_cmpint (symlink ("target.png", link), ==, 0);
  r = run ("export", "--view", "deepseek-shock", "--output", link, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (S_ISLNK (mode_of (link)));
  assert_png (target);
  result_clear (&r);

  /* Standard output, in the format asked for. */
  r = run ("export", "--view", "deepseek-shock", "--format", "svg", "--output", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "<?xml"));
  g_assert_nonnull (strstr (r.out, "</svg>"));
  result_clear (&r);
  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--format", "png", "-o", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (memcmp (r.out, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  result_clear (&r);
  r = run ("export", "--view", "deepseek-shock", "--output", "-", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--output - (standard output) needs --format"));
  result_clear (&r);
  g_assert_false (g_file_test ("-", G_FILE_TEST_EXISTS));

  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "fifo.png", "private.png", "ro.png",
                                                                    "target.png", "link.png", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  remove_folder (dir);
}

/* A CSV read from a named pipe into a pack: read once, hashed as read. */
typedef struct
{
  const char *fifo;
  const char *text;
} Feed;

static gpointer
feed_fifo (gpointer data)
{
  Feed *feed = data;
  int fd = open (feed->fifo, O_WRONLY);

  if (fd >= 0)
    {
      g_assert_cmpint (write (fd, feed->text, strlen (feed->text)), ==, (gssize) strlen (feed->text));
      close (fd);
    }
  return NULL;
}

static void
test_cli_pack_from_fifo (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *fifo = g_build_filename (dir, "prices.csv", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autofree char *json_path = g_build_filename (pack, "chart.json", NULL);
  g_autofree char *json = NULL;
  g_autofree char *sha = NULL;
  GString *text = g_string_new ("date,close\n");
  Feed feed;
  GThread *writer;
  Result r;

  /* More than a pipe holds, so the writer must be read to the end. */
  for (int i = 0; i < 20000; i++)
    g_string_append_printf (text, "%04d-%02d-%02d,%d\n", 1950 + i / 336, 1 + i / 28 % 12, 1 + i % 28, i);
  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text->str, text->len);
  g_assert_cmpint (mkfifo (fifo, 0644), ==, 0);
  feed.fifo = fifo;
  feed.text = text->str;
  writer = g_thread_new ("feed", feed_fifo, &feed);
  r = run ("export", "--csv", fifo, "--x", "date", "--y", "close", "--pack", pack, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_thread_join (writer);
  json = read_text (json_path);
  g_assert_nonnull (strstr (json, sha));
  g_string_free (text, TRUE);
  remove_folder (dir);
}

static void
test_cli_pack_refuses (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *notes = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *expected = g_strdup_printf ("undercut export: %s: not a report pack (it holds “notes.txt”); not replaced\n", dir);
  Result r;

  write_file (notes, "mine", 0644);
  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--pack", dir, NULL);
  g_assert_cmpstr (r.err, ==, expected);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  assert_text (notes, "mine");
  {
    g_autofree char *left = others_in (dir, NULL);
    g_assert_cmpstr (left, ==, "notes.txt");
  }
  remove_folder (dir);
}

/* Full disk: the old file and the old pack stay whole; nothing is left. */
static void
test_cli_disk_full (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *out = g_build_filename (dir, "out.svg", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autofree char *csv = g_build_filename (pack, "data.csv", NULL);
  g_autofree char *old_csv = NULL;
  Result r;

  write_file (out, "old", 0644);
  r = run_on_small_disk ("export", "--view", "deepseek-shock", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "out.svg: File too large\n"));
  result_clear (&r);
  assert_text (out, "old");

  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--width", "400", "--height", "300",
           "--from", "2025-01-20", "--pack", pack, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  old_csv = read_text (csv);
  r = run_on_small_disk ("export", "--view", "deepseek-shock", "--chart", "1", "--width", "400", "--height", "300",
                         "--pack", pack, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "File too large\n"));
  result_clear (&r);
  assert_text (csv, old_csv);
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "out.svg", "pack", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  remove_folder (dir);
}

static guint
count_others (const char         *dir,
              const char * const *keep)
{
  g_autofree char *left = others_in (dir, keep);
  g_auto(GStrv) names = g_strsplit (left, " ", -1);

  if (*left)
    g_test_message ("left in %s: %s", dir, left);
  return *left ? g_strv_length (names) : 0;
}

/* Runs @argv, killed (SIGKILL) at a moment drawn from 0 to 1.25 times
 * @duration microseconds. */
static void
run_killed (GPtrArray *argv,
            gint64     duration)
{
  g_autoptr(GSubprocess) proc = spawn (FALSE, FALSE, argv);

  g_usleep (g_random_int_range (0, (gint32) MIN (duration * 5 / 4, G_MAXINT32)));
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, NULL);
}

static gint64
timed_run (GPtrArray *argv)
{
  gint64 start = g_get_monotonic_time ();
  Result r = run_args (FALSE, argv);

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  return g_get_monotonic_time () - start;
}

/* A file written into a pack folder while an export replaces the pack
 * stays there, whatever the moment: the export fails naming it if it came
 * before the swap. It was swapped away into a hidden folder, and the next
 * export beside it deleted it. */
static void
test_cli_pack_added_during_export (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *csv = g_build_filename (dir, "big.csv", NULL);
  g_autofree char *pack = g_build_filename (dir, "packA", NULL);
  g_autofree char *notes = g_build_filename (pack, "notes.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "z.png", NULL);
  g_autofree char *expected = g_strdup_printf ("undercut export: %s: not a report pack (it holds “notes.txt”); not "
                                               "replaced\n", pack);
  const char *args[] = { "export", "--csv", csv, "--x", "date", "--y", "close", "--pack", pack };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autofree char *err_text = NULL;
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new ("date,close\n");
  gboolean seen = FALSE;
  Result r;

  /* Long enough to draw that the file comes while the pack is written. */
  for (int i = 0; i < 200000; i++)
    g_string_append_printf (text, "%04d-%02d-%02d,%d\n", 1900 + i / 336 % 120, 1 + i / 28 % 12, 1 + i % 28, i);
  write_file (csv, text->str, 0644);
  g_string_free (text, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  timed_run (argv);

  proc = spawn (FALSE, TRUE, argv);
  for (int waited = 0; waited < 20000 && !seen; waited++)
    {
      g_autofree char *tmp = entry_with_prefix (dir, ".packA.undercut-");

      seen = tmp != NULL;
      if (!seen)
        g_usleep (1000);
    }
  write_file (notes, "mine", 0644);
  g_subprocess_communicate (proc, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  err_text = bytes_to_string (err);
  if (g_subprocess_get_exit_status (proc) == 0)
    g_test_message ("the export was done before the file came: it is in the new pack");
  else
    {
      g_assert_cmpstr (err_text, ==, expected);
      g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 1);
    }
  assert_text (notes, "mine");

  r = run ("export", "--view", "deepseek-shock", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  assert_text (notes, "mine");
  {
    g_autofree char *left = others_in (dir, (const char * const[]) { "big.csv", "packA", "z.png", NULL });
    g_assert_cmpstr (left, ==, "");
  }
  remove_folder (dir);
}

/* Names that merely look like our temporaries are the user's: a folder
 * ".keep.undercut-backup" beside an export, a pack at
 * ".q1.undercut-report" written twice. */
static void
test_cli_names_like_ours (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *keep = g_build_filename (dir, ".keep.undercut-backup", NULL);
  g_autofree char *keep_file = g_build_filename (keep, "a.txt", NULL);
  g_autofree char *out = g_build_filename (dir, "z.png", NULL);
  g_autofree char *pack = g_build_filename (dir, ".q1.undercut-report", NULL);
  g_autofree char *json = g_build_filename (pack, "chart.json", NULL);
  Result r;

  g_assert_cmpint (g_mkdir (keep, 0755), ==, 0);
  write_file (keep_file, "x", 0644);
  r = run ("export", "--view", "deepseek-shock", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  assert_text (keep_file, "x");
  for (int round = 0; round < 2; round++)
    {
      r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--pack", pack, NULL);
      g_assert_cmpstr (r.err, ==, "");
      g_assert_cmpint (r.status, ==, 0);
      result_clear (&r);
      g_assert_true (g_file_test (json, G_FILE_TEST_IS_REGULAR));
    }
  assert_text (keep_file, "x");
  {
    g_autofree char *left = others_in (dir, NULL);
    g_assert_cmpstr (left, ==, ".keep.undercut-backup .q1.undercut-report z.png");
  }
  remove_folder (dir);
}

/* Killed at any moment, 40 times, an export leaves the old file or the new
 * one, whole, and no temporary file. */
static void
test_cli_killed_output (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);
  const char *args[] = { "export", "--view", "deepseek-shock", "--scale", "2", "--output", out };
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char * const keep[] = { "out.png", NULL };
  gint64 duration;

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  duration = timed_run (argv);
  for (guint k = 0; k < 40; k++)
    {
      run_killed (argv, duration);
      assert_png (out);
    }
  /* Unnamed files leave nothing; a name exists only for the moment
   * between link and rename, and the next export removes one left then. */
  g_assert_cmpuint (count_others (dir, keep), <=, 1);
  timed_run (argv);
  g_assert_cmpuint (count_others (dir, keep), ==, 0);
  remove_folder (dir);
}

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *x = NULL, *y = NULL;
  gsize nx, ny;

  return g_file_get_contents (a, &x, &nx, NULL) && g_file_get_contents (b, &y, &ny, NULL) && nx == ny &&
         memcmp (x, y, nx) == 0;
}

/* The pack at @pack is exactly the one at @ref (the PDF, which records
 * when it was made, by its title). */
static gboolean
same_pack (const char *pack,
           const char *ref,
           const char *title)
{
  static const char * const files[] = { "chart.json", "data.csv", "chart.png", "chart.svg" };
  g_autofree char *names = others_in (pack, NULL);
  g_autofree char *ref_names = others_in (ref, NULL);
  g_autofree char *pdf = g_build_filename (pack, "chart.pdf", NULL);
  g_autofree char *pdf_data = NULL;
  g_autofree char *pdf_title = g_strdup_printf ("/Title (%s)", title);
  gsize len;

  if (g_strcmp0 (names, ref_names) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *a = g_build_filename (pack, files[i], NULL);
      g_autofree char *b = g_build_filename (ref, files[i], NULL);

      if (!same_file (a, b))
        return FALSE;
    }
  /* memmem: a PDF holds NUL bytes. */
  return g_file_get_contents (pdf, &pdf_data, &len, NULL) && memmem (pdf_data, len, pdf_title, strlen (pdf_title)) &&
         memmem (pdf_data + len - MIN (len, 16), MIN (len, 16), "%%EOF", 5);
}

static GPtrArray *
pack_args (const char *title,
           const char *from,
           const char *dir)
{
  GPtrArray *argv = g_ptr_array_new ();
  const char *args[] = { "export", "--view", "deepseek-shock", "--chart", "1", "--width", "800", "--height", "450",
                         "--title", title, "--from", from, "--pack", dir };

  for (guint i = 0; i < G_N_ELEMENTS (args); i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  return argv;
}

/* Killed at any moment, 20 times, writing a pack over an old one leaves
 * the old pack whole or the new one whole, never new images beside the
 * old data. */
static void
test_cli_killed_pack (void)
{
  g_autofree char *dir = make_folder ();
  g_autofree char *old_ref = g_build_filename (dir, "old-ref", NULL);
  g_autofree char *new_ref = g_build_filename (dir, "new-ref", NULL);
  g_autofree char *pack = g_build_filename (dir, "pack", NULL);
  g_autoptr(GPtrArray) make_old_ref = pack_args ("Old", "2025-01-06", old_ref);
  g_autoptr(GPtrArray) make_new_ref = pack_args ("New", "2025-01-13", new_ref);
  g_autoptr(GPtrArray) make_old = pack_args ("Old", "2025-01-06", pack);
  g_autoptr(GPtrArray) make_new = pack_args ("New", "2025-01-13", pack);
  const char * const keep[] = { "old-ref", "new-ref", "pack", NULL };
  guint olds = 0, news = 0;
  gint64 duration;

  timed_run (make_old_ref);
  duration = timed_run (make_new_ref);
  timed_run (make_old);
  g_assert_true (same_pack (pack, old_ref, "Old"));
  for (guint k = 0; k < 20; k++)
    {
      run_killed (make_new, duration);
      if (same_pack (pack, new_ref, "New"))
        {
          news++;
          timed_run (make_old);
        }
      else
        {
          g_assert_true (same_pack (pack, old_ref, "Old"));
          olds++;
        }
    }
  g_test_message ("20 kills: %u left the old pack, %u the new one", olds, news);
  timed_run (make_new);
  g_assert_true (same_pack (pack, new_ref, "New"));
  g_assert_cmpuint (count_others (dir, keep), ==, 0);
  remove_folder (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/write/refuses-what-is-not-a-file", test_refuses_what_is_not_a_file);
  g_test_add_func ("/write/read-only", test_read_only);
  g_test_add_func ("/write/not-writable-by-user", test_not_writable_by_user);
  g_test_add_func ("/write/keeps-mode-and-links", test_keeps_mode_and_links);
  g_test_add_func ("/write/keeps-mode-and-links-fallbacks", test_keeps_mode_and_links_fallbacks);
  g_test_add_func ("/write/abandoned", test_abandoned);
  g_test_add_func ("/write/abandoned-fallbacks", test_abandoned_fallbacks);
  g_test_add_func ("/write/disk-full", test_disk_full);
  g_test_add_func ("/write/stale-temporaries", test_stale_temporaries);
  g_test_add_func ("/write/dir", test_dir);
  g_test_add_func ("/write/dir-fallbacks", test_dir_fallbacks);
  g_test_add_func ("/write/dir-refuses", test_dir_refuses);
  g_test_add_func ("/write/dir-added-during-write", test_dir_added_during_write);
  g_test_add_func ("/write/dir-added-during-write-fallbacks", test_dir_added_during_write_fallbacks);
  g_test_add_func ("/write/stale-keeps-others", test_stale_keeps_others);
  g_test_add_func ("/write/dir-killed", test_dir_killed);
  g_test_add_func ("/write/dir-killed-through-link", test_dir_killed_through_link);
  g_test_add_func ("/write/cli-output", test_cli_output);
  g_test_add_func ("/write/cli-pack-from-fifo", test_cli_pack_from_fifo);
  g_test_add_func ("/write/cli-pack-refuses", test_cli_pack_refuses);
  g_test_add_func ("/write/cli-disk-full", test_cli_disk_full);
  g_test_add_func ("/write/cli-pack-added-during-export", test_cli_pack_added_during_export);
  g_test_add_func ("/write/cli-names-like-ours", test_cli_names_like_ours);
  g_test_add_func ("/write/cli-killed-output", test_cli_killed_output);
  g_test_add_func ("/write/cli-killed-pack", test_cli_killed_pack);

  return g_test_run ();
}
