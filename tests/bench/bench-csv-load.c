/* bench-csv-load.c: typed load of a CSV file, as the reader does it.
 *
 *   bench-csv-load FILE [RUNS]
 *
 * Prints one line of key=value pairs: the first and the best of RUNS loads
 * (wall time; later loads reuse the memory the first one mapped),
 * throughput, rows, the bytes of the typed columns, and this process's peak
 * resident memory and minor page faults after the loads.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include "uc-csv.h"

int
main (int argc, char **argv)
{
  g_autoptr(GFile) file = NULL;
  int runs = argc > 2 ? atoi (argv[2]) : 5;
  double best = G_MAXDOUBLE, first = 0;
  guint rows = 0;
  gsize columns = 0;
  struct stat st;
  struct rusage usage;

  if (argc < 2 || stat (argv[1], &st) != 0)
    {
      fprintf (stderr, "usage: bench-csv-load FILE [RUNS]\n");
      return 2;
    }
  file = g_file_new_for_path (argv[1]);

  for (int i = 0; i < MAX (runs, 1); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
      double seconds = (g_get_monotonic_time () - start) / 1e6;

      if (ds == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      best = MIN (best, seconds);
      if (i == 0)
        first = seconds;
      rows = uc_dataset_get_n_rows (ds);
      columns = uc_dataset_get_memory_size (ds);
    }

  getrusage (RUSAGE_SELF, &usage);
  printf ("bytes=%lld rows=%u first_seconds=%.4f seconds=%.4f mb_per_s=%.1f rows_per_s=%.0f column_bytes=%" G_GSIZE_FORMAT " peak_rss_bytes=%ld minor_faults=%ld\n",
          (long long) st.st_size, rows, first, best, st.st_size / 1e6 / best, rows / best, columns, usage.ru_maxrss * 1024L,
          usage.ru_minflt);
  return 0;
}
