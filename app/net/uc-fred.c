/* uc-fred.c: a FRED graph CSV read as one series */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-fred.h"

#include <math.h>
#include <string.h>

#include "uc-csv.h"
#include "uc-net-answer.h"

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
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: expected 2 columns (date and %s), found %u"),
                   url, series_id, uc_dataset_get_n_columns (table));
      return FALSE;
    }
  first = uc_dataset_get_column_name (table, 0);
  second = uc_dataset_get_column_name (table, 1);
  if ((g_strcmp0 (first, "observation_date") != 0 && g_strcmp0 (first, "DATE") != 0) ||
      g_strcmp0 (second, series_id) != 0)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
                   /* Translators: %s is an address (URL). */
                   _("%s: expected the header “observation_date,%s” (or “DATE,%s”), found “%s,%s”"),
                   url, series_id, series_id, first, second);
      return FALSE;
    }
  if (no_values (table))
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: no value for %s on any day"), url, series_id);
      return FALSE;
    }
  if (uc_dataset_get_column_type (table, 0) != UC_COLUMN_DATE ||
      uc_dataset_get_column_type (table, 1) != UC_COLUMN_NUMBER)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: expected dates and numbers under “%s,%s”"),
                   url, first, second);
      return FALSE;
    }
  return TRUE;
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

  g_return_val_if_fail (body != NULL && series_id != NULL && url != NULL, NULL);

  if (!uc_net_answer_is_text (body, url, error))
    return NULL;
  uc_csv_options_init (&options);
  options.delimiter = ',';
  options.decimal = '.';
  /* What the source always writes, told rather than guessed: a small
   * answer is otherwise mostly guessing. */
  options.date_format = "%Y-%m-%d";
  options.encoding = "UTF-8";
  options.header_row = 1;
  options.n_threads = 1;
  options.strict = TRUE;
  table = uc_csv_read_bytes (body, url, &options, NULL, error);
  if (table == NULL || !check_columns (table, series_id, url, error))
    return NULL;
  return uc_net_answer_to_series (table, 0, 1, series_id, url, error);
}
