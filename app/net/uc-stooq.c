/* uc-stooq.c: a Stooq daily CSV read as its closes */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-stooq.h"

#include <string.h>

#include "uc-csv.h"
#include "uc-net-answer.h"

/* The header in English, and as Polish clients get it; volume may be
 * left out of old index rows, so five columns are enough. */
static const char * const headers[][6] = {
  { "Date", "Open", "High", "Low", "Close", "Volume" },
  { "Data", "Otwarcie", "Najwyzszy", "Najnizszy", "Zamkniecie", "Wolumen" },
};

static gboolean
is_header (const char *line,
           gsize       len)
{
  for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_autofree char *five = g_strjoin (",", headers[h][0], headers[h][1], headers[h][2], headers[h][3],
                                         headers[h][4], NULL);

      if (len >= strlen (five) && strncmp (line, five, strlen (five)) == 0)
        return TRUE;
    }
  return FALSE;
}

/* What a body that is no table says: Stooq's own words, or a page. */
static gboolean
refused (const char  *data,
         gsize        len,
         const char  *symbol,
         const char  *url,
         GError     **error)
{
  g_autofree char *text = g_strndup (data, MIN (len, 4096));

  if (strstr (text, "Exceeded the daily hits limit"))
    /* Translators: %s is an address (URL). */
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_REFUSED, _("%s: Stooq refused: the daily hits limit is reached"), url);
  else if (g_str_has_prefix (g_strstrip (text), "No data"))
    /* Translators: %s is an address (URL). */
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s: Stooq has no data for %s"), url, symbol);
  else
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
                 /* Translators: %s is an address (URL). */
                 _("%s: not Stooq's daily table (its first line is not “Date,Open,High,Low,Close,Volume”)"), url);
  return FALSE;
}

/* @body as Stooq serves @symbol's daily prices: the closes, as a series
 * named by the symbol; errors name @url. */
UcSeries *
uc_stooq_read (GBytes      *body,
               const char  *symbol,
               const char  *url,
               GError     **error)
{
  g_autoptr(UcDataset) table = NULL;
  UcCsvOptions options;
  gsize len;
  const char *data;

  g_return_val_if_fail (body != NULL && symbol != NULL && url != NULL, NULL);

  if (!uc_net_answer_is_text (body, url, error))
    return NULL;
  data = g_bytes_get_data (body, &len);
  if (!is_header (data, len))
    return refused (data, len, symbol, url, error), NULL;
  uc_csv_options_init (&options);
  options.delimiter = ',';
  options.decimal = '.';
  /* What the source always writes, told rather than guessed: a small
   * answer is otherwise mostly guessing. */
  options.date_format = "%Y-%m-%d";
  options.encoding = "UTF-8";
  options.header_row = 1;
  options.n_threads = 1;
  table = uc_csv_read_bytes (body, url, &options, NULL, error);
  if (table == NULL)
    return NULL;
  if (uc_dataset_get_n_columns (table) < 5 || uc_dataset_get_column_type (table, 0) != UC_COLUMN_DATE ||
      uc_dataset_get_column_type (table, 4) != UC_COLUMN_NUMBER)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: expected dates and closes under the header"), url);
      return NULL;
    }
  return uc_net_answer_to_series (table, 0, 4, symbol, url, error);
}
