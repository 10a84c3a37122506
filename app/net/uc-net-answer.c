/* uc-net-answer.c: checks every source's answer goes through */
#include "uc-net-answer.h"

#include <math.h>

/* Text, not nothing and not a web page (a refusal, a key asked for, a
 * proof-of-work page), whatever the HTTP status said. */
gboolean
uc_net_answer_is_text (GBytes      *body,
                       const char  *url,
                       GError     **error)
{
  gsize len, i = 0;
  const char *data = g_bytes_get_data (body, &len);

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i == len)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV, "%s: the answer is empty", url);
      return FALSE;
    }
  if (data[i] == '<')
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV, "%s: the answer is a web page, not a CSV file", url);
      return FALSE;
    }
  return TRUE;
}

/* A dated column of numbers as a series, its rows in order; a day without
 * a value a gap. Dates that go back or repeat, or no value at all, are
 * refused: a source never answers so. */
UcSeries *
uc_net_answer_to_series (UcDataset   *table,
                         int          date_column,
                         int          value_column,
                         const char  *id,
                         const char  *url,
                         GError     **error)
{
  g_autoptr(UcSeries) series = uc_series_new (id, id);
  const UcTime *dates = uc_dataset_get_times (table, date_column);
  const double *values = uc_dataset_get_numbers (table, value_column);
  guint n = uc_dataset_get_n_rows (table), with_value = 0;

  uc_series_reserve (series, n);
  for (guint r = 0; r < n; r++)
    {
      gboolean missing = uc_dataset_is_missing (table, value_column, r);

      if (dates[r] == UC_TIME_MISSING || (r > 0 && dates[r] <= dates[r - 1]))
        {
          g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, "%s: line %u: %s", url, r + 2,
                       dates[r] == UC_TIME_MISSING ? "no date" : "the dates go back or repeat");
          return NULL;
        }
      uc_series_append (series, dates[r], missing ? NAN : values[r]);
      with_value += !missing;
    }
  if (with_value == 0)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, "%s: no value for %s on any day", url, id);
      return NULL;
    }
  return g_steal_pointer (&series);
}
