/* fuzz-pack.c: libFuzzer target for reading a report pack back
 *
 * The input is a chart.json and a data.csv, split at the first line that
 * reads "----". Besides not crashing: a spec read back has its range the
 * right way round, points in time order, and no band's low above its high.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"
#include "uc-chart-spec-json.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *dir = NULL;
  g_autofree char *json_path = NULL, *csv_path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  const char *text = (const char *) data;
  const char *cut = g_strstr_len (text, size, "\n----\n");
  gsize json_len = cut ? (gsize) (cut - text) : size;

  if (dir == NULL)
    {
      /* A critical is a bug the reader let through: make it a finding. */
      fuzz_make_criticals_fatal ();
      dir = g_dir_make_tmp ("uc-fuzz-pack-XXXXXX", NULL);
    }
  g_assert (dir != NULL);
  json_path = g_build_filename (dir, "chart.json", NULL);
  csv_path = g_build_filename (dir, "data.csv", NULL);
  g_assert (g_file_set_contents (json_path, text, json_len, NULL));
  if (cut)
    g_assert (g_file_set_contents (csv_path, cut + 6, size - json_len - 6, NULL));
  else
    g_unlink (csv_path);

  file = g_file_new_for_path (json_path);
  spec = uc_chart_spec_new_from_pack (file, NULL, NULL, NULL, NULL);
  if (spec != NULL)
    {
      UcTime from, to;

      uc_chart_spec_get_range (spec, &from, &to);
      g_assert (from < to);
      for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
        {
          UcSeries *series = uc_chart_spec_get_series (spec, i);
          const UcTime *x = uc_series_get_x (series);
          const double *low, *high;

          for (guint k = 1; k < uc_series_get_length (series); k++)
            g_assert (x[k - 1] <= x[k]);
          for (guint k = 0; uc_series_get_band (series, &low, &high) && k < uc_series_get_length (series); k++)
            g_assert (!(low[k] > high[k]));
        }
    }
  return 0;
}
