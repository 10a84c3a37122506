/* uc-fred.c: a FRED graph CSV read as one series */
#include "uc-fred.h"

#include <math.h>
#include <string.h>

#include "uc-csv.h"

G_DEFINE_QUARK (uc-fred-error-quark, uc_fred_error)

/* A web page where a CSV was asked for: a refusal, whatever its status. */
static gboolean
looks_like_html (const char *data,
                 gsize       len)
{
  gsize i = 0;

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return i < len && data[i] == '<';
}

/* Every cell of the value column missing: "." alone reads as text. */
static gboolean
no_values (UcDataset *table)
{
  gboolean text = uc_dataset_get_column_type (table, 1) == UC_COLUMN_TEXT;

  for (guint r = 0; r < uc_dataset_get_n_rows (table); r++)
    {
      const char *cell = text ? uc_dataset_get_text (table, 1, r) : NULL;

      if (!uc_dataset_is_missing (table, 1, r) && !(text && cell && (g_str_equal (cell, ".") || *cell == '\0')))
        return FALSE;
    }
  return TRUE;
}

/* The table has exactly the date column and the series' number column. */
static gboolean
check_columns (UcDataset   *table,
               const char  *series_id,
               const char  *url,
               GError     **error)
{
  const char *first, *second;

  if (uc_dataset_get_n_columns (table) != 2)
    {
      g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_SCHEMA, "%s: expected 2 columns (date and %s), found %u",
                   url, series_id, uc_dataset_get_n_columns (table));
      return FALSE;
    }
  first = uc_dataset_get_column_name (table, 0);
  second = uc_dataset_get_column_name (table, 1);
  if ((g_strcmp0 (first, "observation_date") != 0 && g_strcmp0 (first, "DATE") != 0) ||
      g_strcmp0 (second, series_id) != 0)
    {
      g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_SCHEMA,
                   "%s: expected the header “observation_date,%s” (or “DATE,%s”), found “%s,%s”",
                   url, series_id, series_id, first, second);
      return FALSE;
    }
  if (no_values (table))
    {
      g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_DATA, "%s: no value for %s on any day", url, series_id);
      return FALSE;
    }
  if (uc_dataset_get_column_type (table, 0) != UC_COLUMN_DATE ||
      uc_dataset_get_column_type (table, 1) != UC_COLUMN_NUMBER)
    {
      g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_SCHEMA, "%s: expected dates and numbers under “%s,%s”",
                   url, first, second);
      return FALSE;
    }
  return TRUE;
}

/* The rows as points, in order; a day without a value a gap. */
static UcSeries *
to_series (UcDataset   *table,
           const char  *series_id,
           const char  *url,
           GError     **error)
{
  g_autoptr(UcSeries) series = uc_series_new (series_id, series_id);
  const UcTime *dates = uc_dataset_get_times (table, 0);
  const double *values = uc_dataset_get_numbers (table, 1);
  guint n = uc_dataset_get_n_rows (table), with_value = 0;

  uc_series_reserve (series, n);
  for (guint r = 0; r < n; r++)
    {
      gboolean missing = uc_dataset_is_missing (table, 1, r);

      if (dates[r] == UC_TIME_MISSING || (r > 0 && dates[r] <= dates[r - 1]))
        {
          g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_DATA, "%s: line %u: %s", url, r + 2,
                       dates[r] == UC_TIME_MISSING ? "no date" : "the dates go back or repeat");
          return NULL;
        }
      uc_series_append (series, dates[r], missing ? NAN : values[r]);
      with_value += !missing;
    }
  if (with_value == 0)
    {
      g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_DATA, "%s: no value for %s on any day", url, series_id);
      return NULL;
    }
  return g_steal_pointer (&series);
}

/* @body as FRED serves series @series_id; errors name @url. The reader is
 * the one local files go through, in its strict mode: a ragged row is an
 * error, not a guess. */
UcSeries *
uc_fred_read (GBytes      *body,
              const char  *series_id,
              const char  *url,
              GError     **error)
{
  g_autoptr(UcDataset) table = NULL;
  UcCsvOptions options;
  gsize len;
  const char *data;

  g_return_val_if_fail (body != NULL && series_id != NULL && url != NULL, NULL);

  data = g_bytes_get_data (body, &len);
  if (len == 0 || looks_like_html (data, len))
    {
      g_set_error (error, UC_FRED_ERROR, UC_FRED_ERROR_NOT_CSV, "%s: %s", url,
                   len == 0 ? "the answer is empty" : "the answer is a web page, not a CSV file");
      return NULL;
    }
  uc_csv_options_init (&options);
  options.delimiter = ',';
  options.decimal = '.';
  options.strict = TRUE;
  table = uc_csv_read_bytes (body, url, &options, NULL, error);
  if (table == NULL || !check_columns (table, series_id, url, error))
    return NULL;
  return to_series (table, series_id, url, error);
}
