/* uc-csv-file.c: files, pipes and streams read into memory for the reader
 *
 * The first block is checked before the rest is read or any memory set
 * aside, so that a binary file is refused at once. A regular file is mapped
 * while the reader holds a read lease on it (a file of ours that nobody has
 * open for writing); otherwise it is read by its size (two threads for a
 * large one) into column-pool memory, or mapped above MAP_MIN_BYTES; pipes
 * and streams grow a buffer as they come.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uc-column-alloc.h"

#define MAP_MIN_BYTES      ((gsize) 64 << 20)   /* copied up to this size, mapped above */

typedef gssize (*ReadFunc) (gpointer      source,
                            char         *buffer,
                            gsize         size,
                            GCancellable *cancellable,
                            GError      **error);

/* Everything @read_fn gives until its end, in memory that grows as it
 * comes. The first block is checked before more is read; memory that
 * cannot be had is an error, not an abort. */
static char *
read_all (ReadFunc             read_fn,
          gpointer             source,
          const char          *name,
          const UcCsvOptions  *options,
          GCancellable        *cancellable,
          gsize               *len_out,
          GError             **error)
{
  char *data = NULL;
  gsize len = 0, size = 0;
  gboolean checked = FALSE;

  for (;;)
    {
      gssize n;

      if (len == size)
        {
          gsize want = size == 0 ? FIRST_BLOCK : size <= G_MAXSIZE / 2 ? size * 2 : 0;
          char *grown = want ? g_try_realloc (data, want) : NULL;

          if (grown == NULL)
            {
              g_autofree char *bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, len);

              g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                           /* Translators: a file's name, then a number of bytes. */
                           _("%s: not enough memory to read more than %s bytes"), name, bytes);
              g_free (data);
              return NULL;
            }
          data = grown;
          size = want;
        }
      n = read_fn (source, data + len, size - len, cancellable, error);
      if (n < 0)
        {
          g_free (data);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
      if (!checked && len >= FIRST_BLOCK)
        {
          checked = TRUE;
          if (!uc_csv_check_first_block (name, data, FIRST_BLOCK, options, error))
            {
              g_free (data);
              return NULL;
            }
        }
    }
  if (!checked && !uc_csv_check_first_block (name, data, len, options, error))
    {
      g_free (data);
      return NULL;
    }
  *len_out = len;
  return data;
}

static gssize
read_from_stream (gpointer      source,
                  char         *buffer,
                  gsize         size,
                  GCancellable *cancellable,
                  GError      **error)
{
  return g_input_stream_read (source, buffer, MIN (size, G_MAXSSIZE), cancellable, error);
}

typedef struct
{
  int         fd;
  const char *name;
} FdSource;

static gssize
read_from_fd (gpointer      source,
              char         *buffer,
              gsize         size,
              GCancellable *cancellable,
              GError      **error)
{
  FdSource *src = source;

  for (;;)
    {
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = read (src->fd, buffer, MIN (size, (gsize) 1 << 30));
      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", src->name, g_strerror (saved));
          return -1;
        }
    }
}

typedef struct
{
  int          fd;
  char        *dest;
  gsize        offset;
  gsize        len;
  guint        n_parts;
  gint         next;     /* the next part a thread takes (atomic) */
  gint         error;    /* the first errno, -1 when the file ended early (atomic) */
} ReadParts;

/* Parts of the range read in turn until none is left or one failed: a
 * thread the system holds back leaves its share to the other. */
static gpointer
read_parts (gpointer data)
{
  ReadParts *rp = data;
  guint k;

  while ((k = (guint) g_atomic_int_add (&rp->next, 1)) < rp->n_parts && !g_atomic_int_get (&rp->error))
    {
      gsize from = rp->len * k / rp->n_parts, to = rp->len * (k + 1) / rp->n_parts, done = 0;

      while (done < to - from)
        {
          ssize_t n = pread (rp->fd, rp->dest + from + done, to - from - done, rp->offset + from + done);

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            {
              g_atomic_int_compare_and_exchange (&rp->error, 0, n < 0 ? errno : -1);
              return NULL;
            }
          done += n;
        }
    }
  return NULL;
}

static gboolean
read_range (int         fd,
            char       *dest,
            gsize       offset,
            gsize       len,
            const char *name,
            GError    **error)
{
  gboolean two = len >= 8 * MIN_PARALLEL_BYTES && g_get_num_processors () > 1;
  ReadParts rp = { fd, dest, offset, len, two ? (guint) MIN ((gsize) 8, len / (4 * MIN_PARALLEL_BYTES)) : 1, 0, 0 };
  GThread *other = NULL;

  if (two)
    other = g_thread_new ("uc-read", read_parts, &rp);
  read_parts (&rp);
  if (other)
    g_thread_join (other);
  if (rp.error < 0)
    /* Translators: %s is a file's name. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: the file became shorter while it was read"), name);
  else if (rp.error > 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (rp.error), "%s: %s", name, g_strerror (rp.error));
  return rp.error == 0;
}

/* A read lease on @fd, for as long as it stays open: a program that then
 * opens the file to write it, or truncates it, waits until the lease is
 * given up (the kernel tells the holder with a signal, here SIGURG, which
 * is ignored unless handled; past /proc/sys/fs/lease-break-time, 45 s, it
 * goes ahead anyway). Granted only on a file we own (or with CAP_LEASE)
 * that nobody has open for writing, and where the file system has leases. */
static gboolean
take_read_lease (int fd)
{
  return fcntl (fd, F_SETSIG, SIGURG) == 0 && fcntl (fd, F_SETLEASE, F_RDLCK) == 0;
}

/* A regular file of @size bytes, its first block checked before anything
 * is set aside for the rest. Under a read lease (@leased) it is mapped:
 * nothing is copied and no memory is zeroed for it, and no one can
 * truncate it while it is read (a mapping past a file's new end faults,
 * SIGBUS). Its page tables are filled as the threads that count its lines
 * first read it, in parallel, not all at once here on one thread (1 ms
 * for 37 MB, while the other processors wait). Else up to
 * MAP_MIN_BYTES it is read, in parallel, into column-pool memory: a copy
 * cannot be cut short that way, and a second read of the same size reuses
 * the block. Larger files are mapped all the same, so that they take no
 * memory of their own; for them that risk is taken. *mapped is TRUE when
 * the file is mapped. */
static char *
read_regular (int                  fd,
              gsize                size,
              gboolean             leased,
              const char          *name,
              const UcCsvOptions  *options,
              gboolean            *mapped,
              GError             **error)
{
  gsize first = MIN (size, FIRST_BLOCK);
  char *data;

  *mapped = FALSE;
  if (size <= MAP_MIN_BYTES && !leased)
    {
      data = uc_column_try_alloc (size);
      if (data == NULL)
        {
          g_autofree char *bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, size);

          /* Translators: a file's name, then a number of bytes. */
          g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE, _("%s: not enough memory to read %s bytes"),
                       name, bytes);
          return NULL;
        }
      if (!read_range (fd, data, 0, first, name, error) ||
          !uc_csv_check_first_block (name, data, first, options, error) ||
          !read_range (fd, data + first, first, size - first, name, error))
        {
          uc_column_free (data);
          return NULL;
        }
      return data;
    }

  {
    g_autofree char *block = g_malloc (first);

    if (!read_range (fd, block, 0, first, name, error) ||
        !uc_csv_check_first_block (name, block, first, options, error))
      return NULL;
  }
  data = mmap (NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED)
    {
      int saved = errno;
      g_autofree char *bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, size);

      /* Translators: a file's name, a number of bytes, and why they could not be mapped. */
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE, _("%s: cannot map %s bytes into memory (%s)"),
                   name, bytes, g_strerror (saved));
      return NULL;
    }
#ifdef MADV_WILLNEED
  madvise (data, size, MADV_WILLNEED);
#endif
  *mapped = TRUE;
  return data;
}

/* A local file by its path: a regular one read (or mapped) by its size,
 * anything else as a stream. *mapped or *pooled say how to free it; a
 * file mapped under a lease leaves its descriptor in *leased_fd, to be
 * closed (which gives the lease up) once the reader is done with it. */
static char *
read_path (const char          *path,
           const char          *name,
           const UcCsvOptions  *options,
           GCancellable        *cancellable,
           gsize               *size,
           gboolean            *mapped,
           gboolean            *pooled,
           int                 *leased_fd,
           GError             **error)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  struct stat st;
  char *data;

  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", name, g_strerror (saved));
      if (fd >= 0)
        close (fd);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a file"), name);
      close (fd);
      return NULL;
    }
  if (S_ISREG (st.st_mode) && st.st_size > 0)
    {
      gboolean leased = take_read_lease (fd);

      *size = (gsize) st.st_size;
      data = read_regular (fd, *size, leased, name, options, mapped, error);
      *pooled = !*mapped;
      if (data && *mapped && leased)
        {
          *leased_fd = fd;
          return data;
        }
    }
  else
    {
      /* A pipe, a device, or a file that does not tell its size (as
       * in /proc): read as a stream, checked the same way. */
      FdSource src = { fd, name };

      data = read_all (read_from_fd, &src, name, options, cancellable, size, error);
    }
  close (fd);
  return data;
}

UcDataset *
uc_csv_read_file (GFile               *file,
                  const UcCsvOptions  *options,
                  UcCsvProgress        progress,
                  gpointer             progress_data,
                  GCancellable        *cancellable,
                  UcCsvReport        **report,
                  GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  UcDataset *dataset;
  gboolean mapped = FALSE, pooled = FALSE;
  int leased_fd = -1;
  gsize size = 0;
  char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);

      if (in == NULL)
        return NULL;
      data = read_all (read_from_stream, in, name, options, cancellable, &size, error);
    }
  else
    data = read_path (path, name, options, cancellable, &size, &mapped, &pooled, &leased_fd, error);
  if (data == NULL)
    return NULL;

  dataset = uc_csv_read_buffer (name, data, size, options, progress, progress_data, cancellable, report, error);
  if (mapped)
    munmap (data, size);
  else if (pooled)
    uc_column_free (data);
  else
    g_free (data);
  if (leased_fd >= 0)
    close (leased_fd);
  return dataset;
}

UcDataset *
uc_csv_read_stream (GInputStream        *stream,
                    const char          *name,
                    const UcCsvOptions  *options,
                    GCancellable        *cancellable,
                    UcCsvReport        **report,
                    GError             **error)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (name == NULL)
    name = "CSV";
  data = read_all (read_from_stream, stream, name, options, cancellable, &size, error);
  if (data == NULL)
    return NULL;
  return uc_csv_read_buffer (name, data, size, options, NULL, NULL, cancellable, report, error);
}
