/* fuzz-csv.c: libFuzzer target for the CSV reader
 *
 * The first byte picks the options (strict mode, delimiter, decimal mark,
 * threads, encoding), the rest is the file. Every cell of a successful read
 * is formatted, so conversions and column memory are exercised too.
 */
#include <string.h>

#include "uc-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char delimiters[] = { 0, ',', ';', '\t' };
  static const char *encodings[] = { NULL, NULL, "UTF-8", "WINDOWS-1252" };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  UcCsvOptions options;
  guint8 pick;

  if (size < 1)
    return 0;
  pick = data[0];
  uc_csv_options_init (&options);
  options.strict = pick & 1;
  options.delimiter = delimiters[(pick >> 1) & 3];
  options.decimal = (pick & 8) ? ',' : 0;
  options.n_threads = (pick & 16) ? 2 : 1;
  options.encoding = encodings[(pick >> 5) & 3];
  if (pick & 0x80)
    options.date_format = "%d/%m/%Y";

  bytes = g_bytes_new (data + 1, size - 1);
  ds = uc_csv_read_bytes (bytes, "fuzz.csv", &options, &report, &error);
  if (ds == NULL)
    {
      g_assert (error != NULL);
      g_assert (strncmp (error->message, "fuzz.csv", 8) == 0);
      return 0;
    }

  g_assert (report != NULL);
  g_assert (report->n_rows == uc_dataset_get_n_rows (ds));
  g_assert (report->formats->len == uc_dataset_get_n_columns (ds));
  for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
    for (guint r = 0; r < uc_dataset_get_n_rows (ds); r++)
      {
        g_autofree char *cell = uc_dataset_format_cell (ds, c, r);

        g_assert ((cell == NULL) == uc_dataset_is_missing (ds, c, r));
        if (cell)
          g_assert (g_utf8_validate (cell, -1, NULL));
      }
  return 0;
}
