/* uc-safe-file.c: writing the user's files without destroying anything
 *
 * A file is written into an unnamed file in its target's folder (O_TMPFILE)
 * and linked in only once complete, so a kill or a crash leaves nothing
 * behind; where the file system has no unnamed files, it is written under
 * a temporary name, ".NAME.undercut-XXXXXX". Every temporary of ours is
 * locked (flock) while its writer lives: one found unlocked belongs to a
 * writer that died, and the next writer in that folder removes it. (A
 * writer that finds its new temporary taken away before it could lock it
 * makes another.)
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
 * when it holds nothing but files it would hold again.
 */
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

#define STALE_INFIX "undercut-"

/* Tests set this to write as on a file system without unnamed files or
 * RENAME_EXCHANGE. */
static gboolean force_fallbacks;

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

static const char *
describe_mode (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISFIFO (mode))
    return "a named pipe";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISSOCK (mode))
    return "a socket";
  if (S_ISLNK (mode))
    return "a symbolic link";
  if (S_ISREG (mode))
    return "a regular file";
  return "something unknown";
}

static void
set_errno_error (GError    **error,
                 int           saved,
                 const char   *name,
                 const char   *context)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s%s", name, context ? context : "",
               g_strerror (saved));
}

/* The base of a temporary's name: the target's, cut so that the whole
 * name stays within NAME_MAX, and never cut inside a UTF-8 character. */
static char *
tmp_base (const char *target)
{
  g_autofree char *base = g_path_get_basename (target);
  gsize len = strlen (base);

  if (len > 100)
    {
      len = 100;
      while (len > 0 && ((guchar) base[len] & 0xC0) == 0x80)
        len--;
      base[len] = '\0';
    }
  return g_steal_pointer (&base);
}

static char *
random_tmp_name (const char *folder,
                 const char *base,
                 const char *infix)
{
  static const char letters[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  char suffix[7];

  for (guint i = 0; i < 6; i++)
    suffix[i] = letters[g_random_int_range (0, sizeof letters - 1)];
  suffix[6] = '\0';
  return g_strdup_printf ("%s/.%s.%s%s", folder, base, infix, suffix);
}

/* ".NAME.undercut-XXXXXX", exactly: nothing else is ever taken for ours. */
static gboolean
is_our_tmp_name (const char *name)
{
  gsize len = strlen (name);
  gsize infix = strlen ("." STALE_INFIX);

  if (name[0] != '.' || len < 2 + infix + 6)
    return FALSE;
  if (strncmp (name + len - 6 - infix, "." STALE_INFIX, infix) != 0)
    return FALSE;
  for (gsize i = len - 6; i < len; i++)
    if (!g_ascii_isalnum (name[i]))
      return FALSE;
  return TRUE;
}

/* Regular files in @path, then the folder itself, if nothing else is in it.
 * @names, when given, are the only files removed. */
static void
remove_flat_dir (const char         *path,
                 const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, entry, NULL);
      struct stat st;

      if (names && !g_strv_contains (names, entry))
        continue;
      if (lstat (file, &st) == 0 && S_ISREG (st.st_mode))
        g_unlink (file);
    }
  g_rmdir (path);
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

/* Temporaries of ours in @folder whose writers died: ours by their exact
 * name and owner, dead because no one holds their lock. */
void
uc_safe_file_remove_stale (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      struct stat st;
      int fd;

      if (!is_our_tmp_name (entry))
        continue;
      path = g_build_filename (folder, entry, NULL);
      if (lstat (path, &st) != 0 || st.st_uid != geteuid () || !(S_ISREG (st.st_mode) || S_ISDIR (st.st_mode)))
        continue;
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (S_ISDIR (st.st_mode) ? O_DIRECTORY : 0));
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (S_ISDIR (st.st_mode))
            remove_flat_dir (path, NULL);
          else
            g_unlink (path);
        }
      close (fd);
    }
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
          set_errno_error (error, errno, name, NULL);
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
                         "%s: a symbolic link to a missing file; not replaced", name);
          else
            set_errno_error (error, errno, name, NULL);
          return FALSE;
        }
      *target = real;
      if (stat (real, st) != 0)
        {
          set_errno_error (error, errno, name, NULL);
          return FALSE;
        }
      if (!S_ISREG (st->st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                       "%s: not a regular file (a symbolic link to %s); not replaced", name,
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
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file (%s); not replaced",
                       name, describe_mode (st->st_mode));
          return FALSE;
        }
    }
  *exists = TRUE;
  /* Without any write bit a file is meant to stay as it is, even for
   * root, whom access() lets write anything. */
  if ((st->st_mode & 0222) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s: read-only; not replaced", name);
      return FALSE;
    }
  if (faccessat (AT_FDCWD, *target, W_OK, AT_EACCESS) != 0)
    {
      if (errno == EACCES || errno == EPERM)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s: not writable by you; not replaced", name);
      else
        set_errno_error (error, errno, name, NULL);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "the file name is empty");
      return NULL;
    }
  if (!check_file_target (path, self->name, &self->target, &self->st, &self->exists, error))
    return NULL;
  self->folder = g_path_get_dirname (self->target);
  uc_safe_file_remove_stale (self->folder);

#ifdef O_TMPFILE
  /* Linking an unnamed file needs /proc (or CAP_DAC_READ_SEARCH). */
  if (!force_fallbacks && g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      self->fd = open (self->folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0666);
      if (self->fd >= 0)
        self->unnamed = TRUE;
      else if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          set_errno_error (error, errno, self->name, "cannot write in this folder: ");
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
      g_autofree char *base = tmp_base (self->target);

      self->tmp = g_strdup_printf ("%s/.%s." STALE_INFIX "XXXXXX", self->folder, base);
      self->fd = g_mkstemp_full (self->tmp, O_RDWR | O_CLOEXEC, 0666);
      if (self->fd < 0)
        {
          g_clear_pointer (&self->tmp, g_free);
          set_errno_error (error, errno, self->name, "cannot write in this folder: ");
          return NULL;
        }
      if (lock_new_tmp (self->fd, self->tmp) || tries >= 10)
        break;
      close (self->fd);
      self->fd = -1;
      g_clear_pointer (&self->tmp, g_free);
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
  const guint8 *p = data;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);
  while (length > 0)
    {
      ssize_t n = write (self->fd, p, MIN (length, (gsize) G_MAXSSIZE));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          set_errno_error (error, n < 0 ? errno : EIO, self->name, NULL);
          return FALSE;
        }
      p += n;
      length -= n;
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
      set_errno_error (error, errno, self->name, NULL);
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
          set_errno_error (error, errno, self->name, NULL);
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
      g_autofree char *base = tmp_base (self->target);

      if (!self->exists)
        {
          if (linkat (AT_FDCWD, proc, AT_FDCWD, self->target, AT_SYMLINK_FOLLOW) == 0)
            {
              self->committed = TRUE;
              return TRUE;
            }
          if (errno != EEXIST)
            {
              set_errno_error (error, errno, self->name, NULL);
              return FALSE;
            }
        }
      /* A name is needed to rename over the target: this one lives for
       * the moment between link and rename. */
      for (guint tries = 0; self->tmp == NULL; tries++)
        {
          g_autofree char *tmp = random_tmp_name (self->folder, base, STALE_INFIX);

          if (linkat (AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0)
            self->tmp = g_steal_pointer (&tmp);
          else if (errno != EEXIST || tries >= 100)
            {
              set_errno_error (error, errno, self->name, NULL);
              return FALSE;
            }
        }
    }

  /* Whatever appeared meanwhile at the target is checked again. */
  {
    struct stat now;

    if (lstat (self->target, &now) == 0 && !S_ISREG (now.st_mode))
      {
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, "%s: not a regular file (%s); not replaced",
                     self->name, describe_mode (now.st_mode));
        return FALSE;
      }
  }
  if (g_rename (self->tmp, self->target) != 0)
    {
      set_errno_error (error, errno, self->name, NULL);
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

/* A folder to write the files @names into, swapped in at @path by
 * uc_safe_dir_commit(). @path may be missing, or a folder that holds
 * nothing but some of @names (as regular files), or a link to one. */
UcSafeDir *
uc_safe_dir_new (const char          *path,
                 const char * const  *names,
                 GError             **error)
{
  g_autoptr(UcSafeDir) self = g_new0 (UcSafeDir, 1);
  g_autofree char *base = NULL;
  struct stat lst;
  gsize len;

  g_return_val_if_fail (path != NULL && names != NULL, NULL);

  self->lock_fd = -1;
  self->name = g_strdup (path);
  self->names = g_strdupv ((char **) names);
  if (*path == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME, "the folder name is empty");
      return NULL;
    }
  /* "report/" names the folder "report". */
  self->target = g_strdup (path);
  len = strlen (self->target);
  while (len > 1 && self->target[len - 1] == '/')
    self->target[--len] = '\0';

  if (lstat (self->target, &lst) != 0)
    {
      if (errno != ENOENT)
        {
          set_errno_error (error, errno, self->name, NULL);
          return NULL;
        }
    }
  else
    {
      if (S_ISLNK (lst.st_mode))
        {
          char *real = realpath (self->target, NULL);

          if (real == NULL)
            {
              if (errno == ENOENT)
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                             "%s: a symbolic link to a missing folder; not replaced", self->name);
              else
                set_errno_error (error, errno, self->name, NULL);
              return NULL;
            }
          g_free (self->target);
          self->target = real;
          if (stat (real, &lst) != 0)
            {
              set_errno_error (error, errno, self->name, NULL);
              return NULL;
            }
          if (!S_ISDIR (lst.st_mode))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                           "%s: not a folder (a symbolic link to %s); not replaced", self->name,
                           describe_mode (lst.st_mode));
              return NULL;
            }
        }
      else if (!S_ISDIR (lst.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "%s: not a folder (%s); not replaced",
                       self->name, describe_mode (lst.st_mode));
          return NULL;
        }
      self->exists = TRUE;
      self->st = lst;
      {
        g_autoptr(GError) local = NULL;
        g_autoptr(GDir) dir = g_dir_open (self->target, 0, &local);
        const char *entry;

        if (dir == NULL)
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s: %s", self->name, local->message);
            return NULL;
          }
        while ((entry = g_dir_read_name (dir)) != NULL)
          {
            g_autofree char *file = g_build_filename (self->target, entry, NULL);
            struct stat st;

            if (!g_strv_contains (names, entry) || lstat (file, &st) != 0 || !S_ISREG (st.st_mode))
              {
                g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_EMPTY,
                             "%s: not a report pack (it holds “%s”); not replaced", self->name, entry);
                return NULL;
              }
          }
      }
      if (faccessat (AT_FDCWD, self->target, W_OK, AT_EACCESS) != 0 || (lst.st_mode & 0222) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "%s: read-only folder; not replaced",
                       self->name);
          return NULL;
        }
    }

  self->parent = g_path_get_dirname (self->target);
  base = tmp_base (self->target);
  /* "reports/2025/q1" creates the folders it is in, as mkdir -p would. */
  if (!self->exists && g_mkdir_with_parents (self->parent, 0777) != 0)
    {
      set_errno_error (error, errno, self->name, NULL);
      return NULL;
    }
  uc_safe_file_remove_stale (self->parent);
  for (guint tries = 0;; tries++)
    {
      self->tmp = g_strdup_printf ("%s/.%s." STALE_INFIX "XXXXXX", self->parent, base);
      if (g_mkdtemp_full (self->tmp, 0777) == NULL)
        {
          g_clear_pointer (&self->tmp, g_free);
          set_errno_error (error, errno, self->name, "cannot write in its folder: ");
          return NULL;
        }
      self->lock_fd = open (self->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (self->lock_fd >= 0 && (lock_new_tmp (self->lock_fd, self->tmp) || tries >= 10))
        break;
      if (self->lock_fd >= 0)
        close (self->lock_fd);
      self->lock_fd = -1;
      g_clear_pointer (&self->tmp, g_free);
      if (tries >= 10)
        {
          set_errno_error (error, EAGAIN, self->name, "cannot write in its folder: ");
          return NULL;
        }
    }
  if (self->exists)
    {
      if (geteuid () == 0)
        (void) !chown (self->tmp, self->st.st_uid, self->st.st_gid);
      g_chmod (self->tmp, self->st.st_mode & 07777);
    }
  return g_steal_pointer (&self);
}

/* The temporary folder to write the files into. */
const char *
uc_safe_dir_get_path (UcSafeDir *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tmp;
}

gboolean
uc_safe_dir_commit (UcSafeDir  *self,
                    GError    **error)
{
  g_autofree char *old = NULL;

  g_return_val_if_fail (self != NULL && !self->committed, FALSE);

  if (self->lock_fd >= 0)
    fsync (self->lock_fd);
  if (!self->exists)
    {
      if (g_rename (self->tmp, self->target) != 0)
        {
          set_errno_error (error, errno, self->name, NULL);
          return FALSE;
        }
      self->committed = TRUE;
      return TRUE;
    }

#ifdef RENAME_EXCHANGE
  if (!force_fallbacks && renameat2 (AT_FDCWD, self->tmp, AT_FDCWD, self->target, RENAME_EXCHANGE) == 0)
    {
      /* The old pack is now under the temporary name. */
      self->committed = TRUE;
      remove_flat_dir (self->tmp, (const char * const *) self->names);
      return TRUE;
    }
  if (!force_fallbacks && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
    {
      set_errno_error (error, errno, self->name, NULL);
      return FALSE;
    }
#endif
  /* Without an exchange: the old folder is moved aside under a name that
   * is never taken for a stale temporary, so a kill between the two
   * renames loses neither pack. */
  {
    g_autofree char *base = tmp_base (self->target);

    for (guint tries = 0; old == NULL; tries++)
      {
        struct stat st;

        old = random_tmp_name (self->parent, base, STALE_INFIX "old-");
        if (lstat (old, &st) == 0 && tries < 100)
          g_clear_pointer (&old, g_free);
      }
  }
  if (g_rename (self->target, old) != 0)
    {
      set_errno_error (error, errno, self->name, NULL);
      return FALSE;
    }
  if (g_rename (self->tmp, self->target) != 0)
    {
      int saved = errno;

      g_rename (old, self->target);
      set_errno_error (error, saved, self->name, NULL);
      return FALSE;
    }
  self->committed = TRUE;
  remove_flat_dir (old, (const char * const *) self->names);
  return TRUE;
}

void
uc_safe_dir_free (UcSafeDir *self)
{
  if (self == NULL)
    return;
  if (!self->committed && self->tmp)
    remove_flat_dir (self->tmp, NULL);
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
