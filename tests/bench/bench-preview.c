/* bench-preview.c: the import dialog's preview of a file, once, in a fresh
 * process.
 *
 *   bench-preview FILE [ROWS] [--evict]
 *
 * Prints one line of key=value pairs: the wall time of the preview of the
 * first ROWS rows (200), the rows and columns it has, and the file's size.
 * --evict first drops the file's start from the page cache, so that the
 * preview reads it from the disk.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uc-csv-preview.h"

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;
  guint rows = argc > 2 && argv[2][0] != '-' ? (guint) atoi (argv[2]) : 200;
  gboolean evict = argc > 2 && strcmp (argv[argc - 1], "--evict") == 0;
  struct stat st;
  gint64 start;
  double seconds;

  if (argc < 2 || stat (argv[1], &st) != 0)
    {
      fprintf (stderr, "usage: bench-preview FILE [ROWS] [--evict]\n");
      return 2;
    }
  if (evict)
    {
      int fd = open (argv[1], O_RDONLY);

      /* The first 64 MiB: all a preview could read. */
      if (fd < 0 || posix_fadvise (fd, 0, 64 << 20, POSIX_FADV_DONTNEED) != 0)
        {
          fprintf (stderr, "bench-preview: cannot evict %s from the page cache\n", argv[1]);
          return 1;
        }
      close (fd);
    }
  file = g_file_new_for_path (argv[1]);

  start = g_get_monotonic_time ();
  ds = uc_csv_preview_file (file, NULL, rows, NULL, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  if (ds == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("bytes=%lld seconds=%.6f rows=%u columns=%u\n", (long long) st.st_size, seconds,
          uc_dataset_get_n_rows (ds), uc_dataset_get_n_columns (ds));
  return 0;
}
