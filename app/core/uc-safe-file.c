/* uc-safe-file.c: writing the user's files without destroying anything
 *
 * A file is written into an unnamed file in its target's folder (O_TMPFILE)
 * and linked in only once complete, so a kill or a crash leaves nothing
 * behind; where the file system has no unnamed files, it is written under
 * a temporary name. Every temporary of ours is locked (flock) while its
 * writer lives: one found unlocked belongs to a writer that died, and the
 * next writer in that folder removes it. (A writer that finds its new
 * temporary taken away before it could lock it makes another.)
 *
 * Our temporaries are ".NAME.undercut-tmp-" and 16 lowercase hex digits
 * (".NAME.undercut-old-…" for a pack moved aside): a form no one gives a
 * file by chance, as ".keep.undercut-backup" once matched. The name is not
 * all: a file is ours only if we own it, it is a regular file with one
 * link and no one holds its lock; a folder is emptied only if everything in
 * it is a file a pack holds, and never is the target's own name touched.
 *
 * What is at the target is checked first. Only a regular file that the user
 * may write is replaced, keeping its mode (and, for root, its owner). A
 * symbolic link to a regular file stays a link: its target is replaced.
 * Devices, pipes, sockets and folders are refused, so an export to
 * /dev/null or a FIFO never turns it into a PNG. Replacing a file that has
 * several hard links gives this name a new file; the other names keep the
 * old one, as with any editor that saves safely.
 *
 * A folder (a report pack) is written into a temporary folder beside it and
 * exchanged with the old one in one step (renameat2 RENAME_EXCHANGE), so it
 * is always either the old pack or the new one. A folder is replaced only
 * when it holds nothing but files it would hold again, checked when the
 * writer starts and again once the old folder is out of the way, since the
 * user may add a file while the pack is written.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-safe-file.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define TMP_INFIX  ".undercut-tmp-"
#define OLD_INFIX  ".undercut-old-"
#define INFIX_LEN  14
#define RANDOM_LEN 16
/* Longest target name kept whole in a temporary's name (NAME_MAX is 255). */
#define BASE_MAX   200
/* Made first in a temporary pack folder, listing the files it will hold:
 * what lets any writer in that folder empty it once its writer died. */
#define MARKER     ".undercut-temporary"
#define MARKER_MAX 4096

typedef enum
{
  NOT_OURS,
  OUR_TMP,
  OUR_OLD,
} TmpKind;

/* Tests set this to write as on a file system without unnamed files or
 * RENAME_EXCHANGE. */
static gboolean force_fallbacks;
/* Tests set this to stop (as if killed) at a moment of a pack's commit. */
static UcSafeFileTestHook test_hook;

struct _UcSafeFile
{
  char        *name;       /* as the user gave it, for messages */
  char        *target;     /* the file replaced: a link's target */
  char        *folder;
  char        *tmp;        /* named temporary, or NULL while unnamed */
  struct stat  st;         /* of the target, when it exists */
  gboolean     exists;
  gboolean     unnamed;
  gboolean     committed;
  int          fd;
};

struct _UcSafeDir
{
  char        *name;
  char        *target;
  char        *parent;
  char        *tmp;
  char       **names;
  struct stat  st;
  gboolean     exists;
  gboolean     committed;
  int          lock_fd;
};

/* What a path is, as messages say it in parentheses: "not a regular
 * file (a folder)". */
static const char *
describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return C_("file type", "a folder");
  if (S_ISFIFO (mode))
    return C_("file type", "a named pipe");
  if (S_ISCHR (mode))
    return C_("file type", "a character device");
  if (S_ISBLK (mode))
    return C_("file type", "a block device");
  if (S_ISSOCK (mode))
    return C_("file type", "a socket");
  if (S_ISLNK (mode))
    return C_("file type", "a symbolic link");
  if (S_ISREG (mode))
    return C_("file type", "a regular file");
  return C_("file type", "something unknown");
}

/* What could not be done when the system said no. */
typedef enum
{
  ERRNO_PLAIN,         /* "report.png: Permission denied" */
  ERRNO_THIS_FOLDER,   /* the file's folder, for a file */
  ERRNO_ITS_FOLDER,    /* the folder a pack's folder is in */
} ErrnoContext;

static void
set_errno_error (GError       **error,
                 int            saved,
                 const char    *name,
                 ErrnoContext   context)
{
  GIOErrorEnum code = g_io_error_from_errno (saved);

  switch (context)
    {
    case ERRNO_THIS_FOLDER:
      /* Translators: a file's name, then why (“Permission denied”). */
      g_set_error (error, G_IO_ERROR, code, _("%s: cannot write in this folder: %s"), name, g_strerror (saved));
      break;
    case ERRNO_ITS_FOLDER:
      /* Translators: a folder's name, then why (“Permission denied”). */
      g_set_error (error, G_IO_ERROR, code, _("%s: cannot write in its folder: %s"), name, g_strerror (saved));
      break;
    case ERRNO_PLAIN:
    default:
      g_set_error (error, G_IO_ERROR, code, "%s: %s", name, g_strerror (saved));
      break;
    }
}

/* The base of a temporary's name: the target's, cut so that the whole
 * name stays within NAME_MAX, and never cut inside a UTF-8 character. */
static char *
tmp_base (const char *target)
{
  g_autofree char *base = g_path_get_basename (target);
  gsize len = strlen (base);

  if (len > BASE_MAX)
    {
      len = BASE_MAX;
      while (len > 0 && ((guchar) base[len] & 0xC0) == 0x80)
        len--;
      base[len] = '\0';
    }
  return g_steal_pointer (&base);
}

/* A new temporary's name beside @target (in @folder); 64 random bits make
 * it all but certainly unused, and callers still create it exclusively. */
static char *
tmp_name (const char *folder,
          const char *target,
          const char *infix)
{
  g_autofree char *base = tmp_base (target);

  return g_strdup_printf ("%s/.%s%s%08x%08x", folder, base, infix, g_random_int (), g_random_int ());
}

/* Which of our forms @name has, exactly; *base (when asked) is the
 * target's name as the temporary holds it (perhaps cut, see tmp_base). */
static TmpKind
parse_tmp_name (const char  *name,
                char       **base)
{
  gsize len = strlen (name);
  const char *infix;
  TmpKind kind;

  if (name[0] != '.' || len < 2 + INFIX_LEN + RANDOM_LEN)
    return NOT_OURS;
  for (gsize i = len - RANDOM_LEN; i < len; i++)
    if (!g_ascii_isdigit (name[i]) && !(name[i] >= 'a' && name[i] <= 'f'))
      return NOT_OURS;
  infix = name + len - RANDOM_LEN - INFIX_LEN;
  if (strncmp (infix, TMP_INFIX, INFIX_LEN) == 0)
    kind = OUR_TMP;
  else if (strncmp (infix, OLD_INFIX, INFIX_LEN) == 0)
    kind = OUR_OLD;
  else
    return NOT_OURS;
  if (base)
    *base = g_strndup (name + 1, infix - name - 1);
  return kind;
}

static int
write_all (int         fd,
           const void *data,
           gsize       length)
{
  const guint8 *p = data;

  while (length > 0)
    {
      ssize_t n = write (fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return n < 0 ? errno : EIO;
      p += n;
      length -= n;
    }
  return 0;
}

/* The names a temporary pack folder's marker lists, or NULL. */
static char **
read_marker (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, MARKER, NULL);
  g_autofree char *text = NULL;
  struct stat st;
  gsize got = 0;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    return NULL;
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size <= MARKER_MAX)
    {
      text = g_malloc0 (st.st_size + 1);
      while (got < (gsize) st.st_size)
        {
          ssize_t n = read (fd, text + got, st.st_size - got);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            break;
          got += n;
        }
    }
  close (fd);
  return text && got == (gsize) st.st_size ? g_strsplit (text, "\n", -1) : NULL;
}

/* Whether @entry of @folder is a file a pack folder may hold: a regular
 * file named in @names, or, in a temporary folder of ours (@ours), our
 * marker, a name it lists (@listed) or a temporary of ours. */
static gboolean
is_pack_file (const char         *folder,
              const char         *entry,
              const char * const *names,
              const char * const *listed,
              gboolean            ours)
{
  g_autofree char *path = g_build_filename (folder, entry, NULL);
  struct stat st;

  if (lstat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  if (names && g_strv_contains (names, entry))
    return TRUE;
  return ours && (strcmp (entry, MARKER) == 0 || (listed && g_strv_contains (listed, entry)) ||
                  parse_tmp_name (entry, NULL) == OUR_TMP);
}

/* Whether everything in @folder is a pack file (see is_pack_file); if not,
 * *stranger (when asked) names the first thing that is not. */
static gboolean
holds_only_pack_files (const char         *folder,
                       const char * const *names,
                       const char * const *listed,
                       gboolean            ours,
                       char              **stranger,
                       GError            **error)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  const char *entry;

  if (dir == NULL)
    return FALSE;
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (!is_pack_file (folder, entry, names, listed, ours))
      {
        if (stranger)
          *stranger = g_strdup (entry);
        return FALSE;
      }
  return TRUE;
}

/* Empties and removes a pack folder we no longer want (a temporary of ours
 * when @ours, else an old pack), but only if everything in it is a pack
 * file: a folder that holds anything else is left whole, so a file someone
 * put there is never lost. */
static void
remove_pack_dir (const char         *folder,
                 const char * const *names,
                 gboolean            ours)
{
  g_auto(GStrv) listed = ours ? read_marker (folder) : NULL;
  g_autofree char *marker = g_build_filename (folder, MARKER, NULL);
  g_autoptr(GDir) dir = NULL;
  const char *entry;

  if (!holds_only_pack_files (folder, names, (const char * const *) listed, ours, NULL, NULL))
    return;
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return;
  /* Only pack files, whatever appeared since the check; the marker last,
   * so a folder half emptied by a kill is still known for ours. */
  while ((entry = g_dir_read_name (dir)) != NULL)
    if (strcmp (entry, MARKER) != 0 && is_pack_file (folder, entry, names, (const char * const *) listed, ours))
      {
        g_autofree char *file = g_build_filename (folder, entry, NULL);

        g_unlink (file);
      }
  if (ours && is_pack_file (folder, MARKER, NULL, NULL, TRUE))
    g_unlink (marker);
  g_rmdir (folder);
}

/* Takes the lock of a temporary just made at @path. Between making it and
 * locking it, another writer may have taken it for stale and removed it:
 * then the lock fails, or @path no longer names the file, and the caller
 * makes another. */
static gboolean
lock_new_tmp (int         fd,
              const char *path)
{
  struct stat a, b;

  return flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &a) == 0 && lstat (path, &b) == 0 &&
         a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* A pack moved aside (@path) by a commit that died before the new pack
 * took its name goes back to its name, which is then missing; once the new
 * pack is in, the old one is only in the way. */
static void
put_back_or_remove_old (const char         *folder,
                        const char         *path,
                        const char         *base,
                        const char * const *names)
{
  g_autofree char *name = g_build_filename (folder, base, NULL);
  struct stat st;

  /* A name that long may have been cut: whose pack it was is unknown. */
  if (strlen (base) + 3 >= BASE_MAX)
    return;
  if (lstat (name, &st) == 0)
    remove_pack_dir (path, names, FALSE);
  else if (errno == ENOENT)
    g_rename (path, name);
}

/* What writers that died left in @folder, except @keep (the target's own
 * name, whatever its form). A temporary is taken for ours only by its
 * exact name, its owner (us), its kind (a regular file with one link, or a
 * folder) and its lock (no one holds it); a folder is emptied only if it
 * holds nothing but the pack files @names (or its marker lists). */
static void
remove_stale (const char         *folder,
              const char         *keep,
              const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *base = NULL;
      g_autofree char *path = NULL;
      TmpKind kind = parse_tmp_name (entry, &base);
      struct stat st, now;
      int fd;

      if (kind == NOT_OURS || g_strcmp0 (entry, keep) == 0)
        continue;
      path = g_build_filename (folder, entry, NULL);
      if (lstat (path, &st) != 0 || st.st_uid != geteuid ())
        continue;
      if (!(S_ISDIR (st.st_mode) || (S_ISREG (st.st_mode) && st.st_nlink == 1 && kind == OUR_TMP)))
        continue;
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (S_ISDIR (st.st_mode) ? O_DIRECTORY : 0));
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0 && fstat (fd, &now) == 0 && now.st_ino == st.st_ino &&
          now.st_dev == st.st_dev)
        {
          if (S_ISREG (st.st_mode))
            g_unlink (path);
          else if (kind == OUR_TMP)
            remove_pack_dir (path, names, TRUE);
          else
            put_back_or_remove_old (folder, path, base, names);
        }
      close (fd);
    }
}

/* Clean-up beside @path (in its folder), never touching @path itself. */
static void
remove_stale_beside (const char         *path,
                     const char * const *names)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *keep = g_path_get_basename (path);

  remove_stale (folder, keep, names);
}

void
uc_safe_file_remove_stale (const char *folder)
{
  remove_stale (folder, NULL, NULL);
}

static void
test_moment (const char *moment)
{
  if (test_hook)
    test_hook (moment);
}

/* What is at @path may be replaced: nothing, or a regular file the user may
 * write, or a symbolic link to one (then *target is the link's target). */
static gboolean
check_file_target (const char   *path,
                   const char   *name,
                   char        **target,
                   struct stat  *st,
                   gboolean     *exists,
                   GError      **error)
{
  struct stat lst;

  *exists = FALSE;
  if (lstat (path, &lst) != 0)
    {
      if (errno != ENOENT)
        {
          set_errno_error (error, errno, name, ERRNO_PLAIN);
          return FALSE;
        }
      *target = g_strdup (path);
      return TRUE;
    }
  if (S_ISLNK (lst.st_mode))
    {
      char *real = realpath (path, NULL);

      if (real == NULL)
        {
          if (errno == ENOENT)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                         /* Translators: %s is a file's name. */
                         _("%s: a symbolic link to a missing file; not replaced"), name);
          else
            set_errno_error (error, errno, name, ERRNO_PLAIN);
          return FALSE;
        }
      *target = real;
      if (stat (real, st) != 0)
        {
          set_errno_error (error, errno, name, ERRNO_PLAIN);
          return FALSE;
        }
      if (!S_ISREG (st->st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       /* Translators: a file's name, then what its link leads to (a folder, a named pipe…). */
                       _("%s: not a regular file (a symbolic link to %s); not replaced"), name,
                       describe_mode (st->st_mode));
          return FALSE;
        }
    }
  else
    {
      *target = g_strdup (path);
      *st = lst;
      if (!S_ISREG (st->st_mode))
        {
          /* Translators: a file's name, then what it is (a folder, a named pipe…). */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("%s: not a regular file (%s); not replaced"),
                       name, describe_mode (st->st_mode));
          return FALSE;
        }
    }
  *exists = TRUE;
  /* Without any write bit a file is meant to stay as it is, even for
   * root, whom access() lets write anything. */
  if ((st->st_mode & 0222) == 0)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: read-only; not replaced"), name);
      return FALSE;
    }
  if (faccessat (AT_FDCWD, *target, W_OK, AT_EACCESS) != 0)
    {
      if (errno == EACCES || errno == EPERM)
        /* Translators: %s is a file's name. */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: not writable by you; not replaced"),
                     name);
      else
        set_errno_error (error, errno, name, ERRNO_PLAIN);
      return FALSE;
    }
  return TRUE;
}

/* A writer for @path, named @name in messages (NULL: @path). Nothing is
 * visible at @path until uc_safe_file_commit(). */
UcSafeFile *
uc_safe_file_new (const char  *path,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(UcSafeFile) self = g_new0 (UcSafeFile, 1);

  g_return_val_if_fail (path != NULL, NULL);

  self->fd = -1;
  self->name = g_strdup (name ? name : path);
  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("the file name is empty"));
      return NULL;
    }
  if (!check_file_target (path, self->name, &self->target, &self->st, &self->exists, error))
    return NULL;
  self->folder = g_path_get_dirname (self->target);
  /* Once the file replaced is known (a link's target), so that it is
   * never taken for a leftover, whatever its name. */
  remove_stale_beside (self->target, NULL);

#ifdef O_TMPFILE
  /* Linking an unnamed file needs /proc (or CAP_DAC_READ_SEARCH). */
  if (!force_fallbacks && g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      self->fd = open (self->folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
      if (self->fd >= 0)
        self->unnamed = TRUE;
      else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          set_errno_error (error, errno, self->name, ERRNO_THIS_FOLDER);
          return NULL;
        }
    }
#endif
  if (self->unnamed)
    {
      /* Held until the file is in place: the mark of a living writer,
       * taken before the file has any name. */
      flock (self->fd, LOCK_EX | LOCK_NB);
      return g_steal_pointer (&self);
    }
  for (guint tries = 0;; tries++)
    {
      int saved;

      self->tmp = tmp_name (self->folder, self->target, TMP_INFIX);
      self->fd = open (self->tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
      if (self->fd >= 0 && lock_new_tmp (self->fd, self->tmp))
        break;
      saved = self->fd >= 0 ? EAGAIN : errno;
      if (self->fd >= 0)
        close (self->fd);
      self->fd = -1;
      g_clear_pointer (&self->tmp, g_free);
      if ((saved != EEXIST && saved != EAGAIN) || tries >= 10)
        {
          set_errno_error (error, saved, self->name, ERRNO_THIS_FOLDER);
          return NULL;
        }
    }
  return g_steal_pointer (&self);
}

int
uc_safe_file_get_fd (UcSafeFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

const char *
uc_safe_file_get_name (UcSafeFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

gboolean
uc_safe_file_write (UcSafeFile  *self,
                    const void  *data,
                    gsize        length,
                    GError     **error)
{
  int saved;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);
  saved = write_all (self->fd, data, length);
  if (saved != 0)
    {
      set_errno_error (error, saved, self->name, ERRNO_PLAIN);
      return FALSE;
    }
  return TRUE;
}

/* Links the written file in under the target's name, replacing what was
 * there; on failure the target is as it was and nothing is left behind. */
gboolean
uc_safe_file_commit (UcSafeFile  *self,
                     GError     **error)
{
  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  if (fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, self->name, ERRNO_PLAIN);
      return FALSE;
    }
  if (self->exists)
    {
      /* The owner first: chown clears set-id bits, and fails where the
       * user may not give the file away (then it is theirs, as it must be). */
      if (geteuid () == 0 && (self->st.st_uid != 0 || self->st.st_gid != getegid ()))
        (void) !fchown (self->fd, self->st.st_uid, self->st.st_gid);
      else if (self->st.st_gid != getegid ())
        (void) !fchown (self->fd, (uid_t) -1, self->st.st_gid);
      if (fchmod (self->fd, self->st.st_mode & 0777) != 0)
        {
          set_errno_error (error, errno, self->name, ERRNO_PLAIN);
          return FALSE;
        }
    }
  else
    {
      /* Our own rights: umask applies as for any new file. */
    }

  if (self->unnamed)
    {
      g_autofree char *proc = g_strdup_printf ("/proc/self/fd/%d", self->fd);

      if (!self->exists)
        {
          if (linkat (AT_FDCWD, proc, AT_FDCWD, self->target, AT_SYMLINK_FOLLOW) == 0)
            {
              self->committed = TRUE;
              return TRUE;
            }
          if (errno != EEXIST)
            {
              set_errno_error (error, errno, self->name, ERRNO_PLAIN);
              return FALSE;
            }
        }
      /* A name is needed to rename over the target: this one lives for
       * the moment between link and rename. */
      for (guint tries = 0; self->tmp == NULL; tries++)
        {
          g_autofree char *tmp = tmp_name (self->folder, self->target, TMP_INFIX);

          if (linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
            self->tmp = g_steal_pointer (&tmp);
          else if (errno != EEXIST || tries >= 100)
            {
              set_errno_error (error, errno, self->name, ERRNO_PLAIN);
              return FALSE;
            }
        }
    }

  /* Whatever appeared meanwhile at the target is checked again. */
  {
    struct stat now;

    if (lstat (self->target, &now) == 0 && !S_ISREG (now.st_mode))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("%s: not a regular file (%s); not replaced"),
                     self->name, describe_mode (now.st_mode));
        return FALSE;
      }
  }
  if (g_rename (self->tmp, self->target) != 0)
    {
      set_errno_error (error, errno, self->name, ERRNO_PLAIN);
      return FALSE;
    }
  g_clear_pointer (&self->tmp, g_free);
  self->committed = TRUE;
  return TRUE;
}

void
uc_safe_file_free (UcSafeFile *self)
{
  if (self == NULL)
    return;
  if (self->tmp)
    g_unlink (self->tmp);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->name);
  g_free (self->target);
  g_free (self->folder);
  g_free (self->tmp);
  g_free (self);
}

gboolean
uc_safe_file_set_contents (const char  *path,
                           const char  *name,
                           const void  *data,
                           gsize        length,
                           GError     **error)
{
  g_autoptr(UcSafeFile) file = uc_safe_file_new (path, name, error);

  return file && uc_safe_file_write (file, data, length, error) && uc_safe_file_commit (file, error);
}

/* What writers that died left beside the target goes first, so it is
 * checked as the user last had it: a pack moved aside by a commit killed
 * halfway is back under its name (beside a link's target: a link left
 * dangling then leads to it again). */
static void
clean_up_beside (const char         *target,
                 const char * const *names)
{
  struct stat lst;

  if (lstat (target, &lst) == 0 && S_ISLNK (lst.st_mode))
    {
      g_autofree char *to = g_file_read_link (target, NULL);
      g_autofree char *from = g_path_get_dirname (target);
      g_autofree char *real = to && !g_path_is_absolute (to) ? g_build_filename (from, to, NULL) : g_strdup (to);

      if (real)
        remove_stale_beside (real, names);
    }
  else
    remove_stale_beside (target, names);
}

/* A link followed to the folder it leads to, which becomes the target. */
static gboolean
follow_link (UcSafeDir   *self,
             struct stat *lst,
             GError     **error)
{
  char *real = realpath (self->target, NULL);

  if (real == NULL)
    {
      if (errno == ENOENT)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                     /* Translators: %s is a folder's name. */
                     _("%s: a symbolic link to a missing folder; not replaced"), self->name);
      else
        set_errno_error (error, errno, self->name, ERRNO_PLAIN);
      return FALSE;
    }
  g_free (self->target);
  self->target = real;
  if (stat (real, lst) != 0)
    return set_errno_error (error, errno, self->name, ERRNO_PLAIN), FALSE;
  if (!S_ISDIR (lst->st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                   /* Translators: a folder's name, then what its link leads to (a regular file, a named pipe…). */
                   _("%s: not a folder (a symbolic link to %s); not replaced"), self->name, describe_mode (lst->st_mode));
      return FALSE;
    }
  /* A chain of links may end in yet another folder. */
  remove_stale_beside (self->target, (const char * const *) self->names);
  return TRUE;
}

/* An existing target replaced only when it is a folder (or a link to one)
 * of nothing but a pack's files, and writable. */
static gboolean
check_existing (UcSafeDir   *self,
                struct stat *lst,
                GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *stranger = NULL;

  if (S_ISLNK (lst->st_mode) && !follow_link (self, lst, error))
    return FALSE;
  if (!S_ISDIR (lst->st_mode))
    {
      /* Translators: a folder's name, then what it is (a regular file, a named pipe…). */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, _("%s: not a folder (%s); not replaced"),
                   self->name, describe_mode (lst->st_mode));
      return FALSE;
    }
  self->exists = TRUE;
  self->st = *lst;
  if (!holds_only_pack_files (self->target, (const char * const *) self->names, NULL, FALSE, &stranger, &local))
    {
      if (local)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s: %s", self->name, local->message);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY,
                     /* Translators: a folder's name, then the name of a file in it that no pack holds. */
                     _("%s: not a report pack (it holds “%s”); not replaced"), self->name, stranger);
      return FALSE;
    }
  if (faccessat (AT_FDCWD, self->target, W_OK, AT_EACCESS) != 0 || (lst->st_mode & 0222) == 0)
    {
      /* Translators: %s is a folder's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: read-only folder; not replaced"),
                   self->name);
      return FALSE;
    }
  return TRUE;
}

/* The temporary folder beside the target, made and locked as ours. */
static gboolean
make_tmp (UcSafeDir *self,
          GError   **error)
{
  for (guint tries = 0;; tries++)
    {
      int saved;

      self->tmp = tmp_name (self->parent, self->target, TMP_INFIX);
      if (g_mkdir (self->tmp, 0777) == 0)
        {
          self->lock_fd = open (self->tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
          if (self->lock_fd >= 0 && lock_new_tmp (self->lock_fd, self->tmp))
            return TRUE;
          saved = EAGAIN;
        }
      else
        saved = errno;
      if (self->lock_fd >= 0)
        close (self->lock_fd);
      self->lock_fd = -1;
      g_clear_pointer (&self->tmp, g_free);
      if ((saved != EEXIST && saved != EAGAIN) || tries >= 10)
        return set_errno_error (error, saved, self->name, ERRNO_ITS_FOLDER), FALSE;
    }
}

/* The marker before anything else: an unmarked folder of ours is only
 * ever removed when empty. It takes the old folder's owner and mode. */
static gboolean
mark_tmp (UcSafeDir *self,
          GError   **error)
{
  g_autofree char *list = g_strjoinv ("\n", self->names);
  int fd = openat (self->lock_fd, MARKER, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  int saved = fd < 0 ? errno : write_all (fd, list, strlen (list));

  if (fd >= 0)
    close (fd);
  if (saved != 0)
    return set_errno_error (error, saved, self->name, ERRNO_ITS_FOLDER), FALSE;
  if (self->exists)
    {
      if (geteuid () == 0)
        (void) !chown (self->tmp, self->st.st_uid, self->st.st_gid);
      g_chmod (self->tmp, self->st.st_mode & 07777);
    }
  return TRUE;
}

/* A folder to write the files @names into, swapped in at @path by
 * uc_safe_dir_commit(). @path may be missing, or a folder that holds
 * nothing but some of @names (as regular files), or a link to one. */
UcSafeDir *
uc_safe_dir_new (const char          *path,
                 const char * const  *names,
                 GError             **error)
{
  g_autoptr(UcSafeDir) self = g_new0 (UcSafeDir, 1);
  struct stat lst;
  gsize len;

  g_return_val_if_fail (path != NULL && names != NULL, NULL);

  self->lock_fd = -1;
  self->name = g_strdup (path);
  self->names = g_strdupv ((char **) names);
  if (*path == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, _("the folder name is empty"));
      return NULL;
    }
  /* "report/" names the folder "report". */
  self->target = g_strdup (path);
  len = strlen (self->target);
  while (len > 1 && self->target[len - 1] == '/')
    self->target[--len] = '\0';
  clean_up_beside (self->target, names);
  if (lstat (self->target, &lst) != 0)
    {
      if (errno != ENOENT)
        return set_errno_error (error, errno, self->name, ERRNO_PLAIN), NULL;
    }
  else if (!check_existing (self, &lst, error))
    return NULL;
  self->parent = g_path_get_dirname (self->target);
  /* "reports/2025/q1" creates the folders it is in, as mkdir -p would. */
  if (!self->exists && g_mkdir_with_parents (self->parent, 0777) != 0)
    return set_errno_error (error, errno, self->name, ERRNO_PLAIN), NULL;
  if (!make_tmp (self, error) || !mark_tmp (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The temporary folder to write the files into. */
const char *
uc_safe_dir_get_path (UcSafeDir *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tmp;
}

/* The old folder held @stranger (or could not be read: @local) when it was
 * out of the way, and is back under its name. */
static gboolean
refuse_pack (UcSafeDir   *self,
             const char  *stranger,
             GError      *local,
             GError     **error)
{
  if (local)
    /* Translators: a folder's name, then why it could not be read. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, _("%s: %s; not replaced"), self->name,
                 local->message);
  else
    /* Translators: a folder's name, then the name of a file in it that no pack holds. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY, _("%s: not a report pack (it holds “%s”); not replaced"),
                 self->name, stranger);
  return FALSE;
}

/* The old folder changed while the pack was written and could not be
 * given back its name: say where it is, since nothing will remove it. */
static gboolean
refuse_pack_aside (UcSafeDir   *self,
                   const char  *aside,
                   int          saved,
                   GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
               /* Translators: a folder's name, the name it has now, and why it could not be given its name back. */
               _("%s: changed while the pack was written, and could not be put back: it is now %s (%s)"), self->name,
               aside, g_strerror (saved));
  return FALSE;
}

/* Swaps the written folder in for the old one. The old folder is checked
 * again once out of the way (no one can add to it by its name any more):
 * what the user added while the pack was written sends it back under its
 * name, whole, and the export fails. */
static gboolean
swap_in (UcSafeDir  *self,
         GError    **error)
{
  const char * const *names = (const char * const *) self->names;
  g_autofree char *stranger = NULL;
  g_autofree char *old = NULL;
  g_autoptr(GError) local = NULL;

#ifdef RENAME_EXCHANGE
  if (!force_fallbacks)
    {
      if (renameat2 (AT_FDCWD, self->tmp, AT_FDCWD, self->target, RENAME_EXCHANGE) == 0)
        {
          /* The old pack is under the temporary name now. */
          test_moment ("exchanged");
          if (!holds_only_pack_files (self->tmp, names, NULL, FALSE, &stranger, &local))
            {
              if (renameat2 (AT_FDCWD, self->tmp, AT_FDCWD, self->target, RENAME_EXCHANGE) != 0)
                {
                  /* Nothing removes a folder that holds a stranger. */
                  self->committed = TRUE;
                  return refuse_pack_aside (self, self->tmp, errno, error);
                }
              return refuse_pack (self, stranger, local, error);
            }
          self->committed = TRUE;
          remove_pack_dir (self->tmp, names, FALSE);
          return TRUE;
        }
      if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
        {
          set_errno_error (error, errno, self->name, ERRNO_PLAIN);
          return FALSE;
        }
    }
#endif
  /* Without an exchange: the old folder is moved aside first. Killed
   * before the new one takes the name, the next writer in this folder
   * puts the old one back (see put_back_or_remove_old). */
  for (guint tries = 0; old == NULL; tries++)
    {
      struct stat st;

      old = tmp_name (self->parent, self->target, OLD_INFIX);
      if (lstat (old, &st) == 0 && tries < 100)
        g_clear_pointer (&old, g_free);
    }
  if (g_rename (self->target, old) != 0)
    {
      set_errno_error (error, errno, self->name, ERRNO_PLAIN);
      return FALSE;
    }
  test_moment ("moved-aside");
  if (!holds_only_pack_files (old, names, NULL, FALSE, &stranger, &local))
    {
      if (g_rename (old, self->target) != 0)
        return refuse_pack_aside (self, old, errno, error);
      return refuse_pack (self, stranger, local, error);
    }
  if (g_rename (self->tmp, self->target) != 0)
    {
      int saved = errno;

      g_rename (old, self->target);
      set_errno_error (error, saved, self->name, ERRNO_PLAIN);
      return FALSE;
    }
  self->committed = TRUE;
  test_moment ("replaced");
  remove_pack_dir (old, names, FALSE);
  return TRUE;
}

gboolean
uc_safe_dir_commit (UcSafeDir  *self,
                    GError    **error)
{
  gboolean done;
  int old_fd;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  fsync (self->lock_fd);
  /* The pack swapped in must not hold our marker. */
  unlinkat (self->lock_fd, MARKER, 0);
  if (!self->exists)
    {
      if (g_rename (self->tmp, self->target) != 0)
        {
          set_errno_error (error, errno, self->name, ERRNO_PLAIN);
          return FALSE;
        }
      self->committed = TRUE;
      return TRUE;
    }
  /* The old pack is locked as a temporary of ours is: once under a
   * temporary name, no other writer's clean-up takes it for a dead
   * writer's (nor puts it back) while it is checked and removed. */
  old_fd = open (self->target, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (old_fd >= 0)
    flock (old_fd, LOCK_EX | LOCK_NB);
  done = swap_in (self, error);
  if (old_fd >= 0)
    close (old_fd);
  return done;
}

void
uc_safe_dir_free (UcSafeDir *self)
{
  if (self == NULL)
    return;
  if (!self->committed && self->tmp)
    remove_pack_dir (self->tmp, (const char * const *) self->names, TRUE);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->name);
  g_free (self->target);
  g_free (self->parent);
  g_free (self->tmp);
  g_strfreev (self->names);
  g_free (self);
}

void
uc_safe_file_force_fallbacks (gboolean force)
{
  force_fallbacks = force;
}

void
uc_safe_file_set_test_hook (UcSafeFileTestHook hook)
{
  test_hook = hook;
}
