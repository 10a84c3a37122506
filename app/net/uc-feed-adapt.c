/* uc-feed-adapt.c: a source's answer read into the rows of its dataset */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-feed-adapt.h"

#include <math.h>

#include "uc-csv.h"
#include "uc-epoch.h"
#include "uc-fred.h"
#include "uc-json-writer.h"
#include "uc-models-dev.h"
#include "uc-net-answer.h"
#include "uc-net-error.h"
#include "uc-openrouter.h"
#include "uc-sec.h"
#include "uc-stooq.h"

typedef UcFeedRows *(*Adapter) (UcFeed *feed, const char *series, GBytes *body, const char *url, const char *today,
                                GError **error);

static const char * const SERIES_COLUMNS[] = { "date", "series", "name", "close", "source", NULL };
static const char * const PRICE_COLUMNS[] = {
  "observed_date", "vendor", "model", "country", "release_date", "input_usd_per_mtok", "output_usd_per_mtok",
  "open_weights", "price_basis", "source", NULL
};

static const char * const RELEASE_COLUMNS[] = {
  "date", "model", "organization", "country", "open_weights", "parameters", "date_basis", "source", NULL
};
static const char * const SHARE_COLUMNS[] = {
  "ticker", "as_of_date", "shares_outstanding", "form", "filed", "accession", "source", NULL
};

static char *
number_text (double value)
{
  return isfinite (value) ? uc_format_double_shortest (value) : g_strdup ("");
}

static UcFeedRows *
series_rows (UcSeries   *series,
             const char *id,
             const char *name,
             const char *source)
{
  g_autoptr(UcFeedRows) rows = uc_feed_rows_new (SERIES_COLUMNS);
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);

  for (guint i = 0; i < uc_series_get_length (series); i++)
    {
      g_autofree char *date = NULL;
      g_autofree char *value = NULL;

      if (!isfinite (y[i]))
        continue;
      date = uc_time_format_date (x[i]);
      value = number_text (y[i]);
      uc_feed_rows_add (rows, date, id, name, value, source, NULL);
    }
  return g_steal_pointer (&rows);
}

static UcFeedRows *
adapt_fred (UcFeed      *feed,
            const char  *series,
            GBytes      *body,
            const char  *url,
            const char  *today,
            GError     **error)
{
  g_autoptr(UcSeries) read = uc_fred_read (body, series, url, error);
  g_autofree char *source = g_strdup_printf ("FRED %s (fredgraph.csv)", series);

  return read ? series_rows (read, series, uc_feed_get_series_label (feed, series), source) : NULL;
}

static UcFeedRows *
adapt_stooq (UcFeed      *feed,
             const char  *series,
             GBytes      *body,
             const char  *url,
             const char  *today,
             GError     **error)
{
  g_autoptr(UcSeries) read = uc_stooq_read (body, series, url, error);
  g_autofree char *source = g_strdup_printf ("Stooq %s (daily closes, not dividend-adjusted)", series);

  return read ? series_rows (read, uc_feed_get_series_label (feed, series), uc_feed_get_series_label (feed, series),
                             source) : NULL;
}

/* The vendor's name and country for a models.dev provider id, from the
 * feed's "providers" member: {"deepseek": ["DeepSeek", "CN"], …}. */
static gboolean
vendor_of (UcFeed      *feed,
           const char  *provider,
           const char **name,
           const char **country)
{
  JsonObject *options = uc_feed_get_options (feed);
  JsonNode *providers = options ? json_object_get_member (options, "providers") : NULL;
  JsonNode *entry = providers && JSON_NODE_HOLDS_OBJECT (providers)
                    ? json_object_get_member (json_node_get_object (providers), provider) : NULL;
  JsonArray *pair = entry && JSON_NODE_HOLDS_ARRAY (entry) ? json_node_get_array (entry) : NULL;

  *name = provider;
  *country = "";
  if (pair && json_array_get_length (pair) == 2)
    {
      *name = json_array_get_string_element (pair, 0);
      *country = json_array_get_string_element (pair, 1);
    }
  return pair != NULL;
}

static UcFeedRows *
price_rows (UcFeed     *feed,
            GPtrArray  *prices,
            const char *today)
{
  g_autoptr(UcFeedRows) rows = uc_feed_rows_new (PRICE_COLUMNS);

  for (guint i = 0; i < prices->len; i++)
    {
      UcListPrice *p = g_ptr_array_index (prices, i);
      g_autofree char *released = p->released == UC_TIME_MISSING ? g_strdup ("") : uc_time_format_date (p->released);
      g_autofree char *input = number_text (p->input);
      g_autofree char *output = number_text (p->output);
      g_autofree char *source = g_strdup_printf ("%s:%s/%s", uc_feed_get_id (feed), p->provider, p->model);
      const char *vendor, *country;

      if (!isfinite (p->input) && !isfinite (p->output))
        {
          rows->skipped++;
          continue;
        }
      vendor_of (feed, p->provider, &vendor, &country);
      if (p->released_month && *released)
        released[7] = '\0';   /* "2025-03": the month is all that is known */
      uc_feed_rows_add (rows, today, vendor ? vendor : "", p->model, country ? country : "", released, input, output,
                        p->open_weights ? "yes" : "no", p->hosted ? "hosting price" : "list price", source, NULL);
    }
  return g_steal_pointer (&rows);
}

static UcFeedRows *
adapt_models_dev (UcFeed      *feed,
                  const char  *series,
                  GBytes      *body,
                  const char  *url,
                  const char  *today,
                  GError     **error)
{
  JsonObject *options = uc_feed_get_options (feed);
  JsonNode *providers = options ? json_object_get_member (options, "providers") : NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) prices = NULL;

  if (providers == NULL || !JSON_NODE_HOLDS_OBJECT (providers))
    {
      /* Translators: %s is a source's id; “providers” is a word of the sources file, kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("source %s: names no “providers” to read"),
                   uc_feed_get_id (feed));
      return NULL;
    }
  members = json_object_get_members (json_node_get_object (providers));
  for (GList *l = members; l; l = l->next)
    g_ptr_array_add (names, l->data);
  g_ptr_array_add (names, NULL);
  prices = uc_models_dev_read (body, (const char * const *) names->pdata, url, error);
  return prices ? price_rows (feed, prices, today) : NULL;
}

static UcFeedRows *
adapt_openrouter (UcFeed      *feed,
                  const char  *series,
                  GBytes      *body,
                  const char  *url,
                  const char  *today,
                  GError     **error)
{
  g_autoptr(GPtrArray) prices = uc_openrouter_read (body, url, error);

  return prices ? price_rows (feed, prices, today) : NULL;
}

/* Epoch dates models by their paper: the rows say so. */
static UcFeedRows *
adapt_epoch (UcFeed      *feed,
             const char  *series,
             GBytes      *body,
             const char  *url,
             const char  *today,
             GError     **error)
{
  guint skipped = 0;
  g_autoptr(GPtrArray) releases = uc_epoch_read (body, url, &skipped, error);
  g_autoptr(UcFeedRows) rows = NULL;

  if (releases == NULL)
    return NULL;
  rows = uc_feed_rows_new (RELEASE_COLUMNS);
  rows->skipped = skipped;
  for (guint i = 0; i < releases->len; i++)
    {
      UcModelRelease *r = g_ptr_array_index (releases, i);
      g_autofree char *date = uc_time_format_date (r->date);
      g_autofree char *countries = g_strjoinv (";", r->countries);
      g_autofree char *parameters = number_text (r->parameters);
      const char *open = r->open_weights == UC_OPEN_WEIGHTS_UNKNOWN ? "" : uc_open_weights_to_string (r->open_weights);

      uc_feed_rows_add (rows, date, r->model, r->organization ? r->organization : "", countries, open, parameters,
                        "publication date (Epoch AI)", r->link ? r->link : "Epoch AI", NULL);
    }
  return g_steal_pointer (&rows);
}

static UcFeedRows *
adapt_sec_shares (UcFeed      *feed,
                  const char  *series,
                  GBytes      *body,
                  const char  *url,
                  const char  *today,
                  GError     **error)
{
  g_autofree char *entity = NULL;
  g_autoptr(GPtrArray) counts = uc_sec_read_shares (body, url, &entity, error);
  g_autoptr(UcFeedRows) rows = NULL;
  g_autofree char *source = g_strdup_printf ("SEC EDGAR company facts, CIK %s (%s)", series, entity ? entity : "?");

  if (counts == NULL)
    return NULL;
  rows = uc_feed_rows_new (SHARE_COLUMNS);
  for (guint i = 0; i < counts->len; i++)
    {
      UcShareCount *c = g_ptr_array_index (counts, i);
      g_autofree char *as_of = uc_time_format_date (c->as_of);
      g_autofree char *filed = uc_time_format_date (c->filed);
      g_autofree char *shares = g_strdup_printf ("%" G_GINT64_FORMAT, c->shares);

      uc_feed_rows_add (rows, uc_feed_get_series_label (feed, series), as_of, shares, c->form ? c->form : "", filed,
                        c->accession ? c->accession : "", source, NULL);
    }
  return g_steal_pointer (&rows);
}

/* Any CSV at a URL, read by the same reader as a file of the user's:
 * its columns as it has them, each cell as the reader understood it. */
static UcFeedRows *
adapt_csv (UcFeed      *feed,
           const char  *series,
           GBytes      *body,
           const char  *url,
           const char  *today,
           GError     **error)
{
  UcCsvOptions options;
  g_autoptr(UcDataset) table = NULL;
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autoptr(UcFeedRows) rows = NULL;
  guint width;

  if (!uc_net_answer_is_text (body, url, error))
    return NULL;
  uc_csv_options_init (&options);
  options.n_threads = 1;
  if ((table = uc_csv_read_bytes (body, url, &options, NULL, error)) == NULL)
    return NULL;
  width = uc_dataset_get_n_columns (table);
  for (guint c = 0; c < width; c++)
    g_strv_builder_add (header, uc_dataset_get_column_name (table, c));
  names = g_strv_builder_end (header);
  rows = uc_feed_rows_new ((const char * const *) names);
  for (guint r = 0; r < uc_dataset_get_n_rows (table); r++)
    {
      char **cells = g_new0 (char *, width + 1);

      for (guint c = 0; c < width; c++)
        cells[c] = uc_dataset_is_missing (table, c, r) ? g_strdup ("") : uc_dataset_format_cell (table, c, r);
      g_ptr_array_add (rows->rows, cells);
    }
  return g_steal_pointer (&rows);
}

static const struct
{
  const char *name;
  Adapter     read;
} adapters[] = {
  { "csv", adapt_csv },
  { "epoch", adapt_epoch },
  { "sec-shares", adapt_sec_shares },
  { "fred", adapt_fred },
  { "stooq", adapt_stooq },
  { "models-dev", adapt_models_dev },
  { "openrouter", adapt_openrouter },
};

static Adapter
find_adapter (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (adapters); i++)
    if (g_strcmp0 (adapters[i].name, name) == 0)
      return adapters[i].read;
  return NULL;
}

gboolean
uc_feed_adapter_known (const char *adapter)
{
  return find_adapter (adapter) != NULL;
}

/* @url names the answer in errors (a key in it already redacted); @today
 * dates observations of sources that keep no history. */
UcFeedRows *
uc_feed_adapt (UcFeed      *feed,
               const char  *series,
               GBytes      *body,
               const char  *url,
               const char  *today,
               GError     **error)
{
  Adapter read = find_adapter (uc_feed_get_adapter (feed));

  if (read == NULL)
    {
      /* Translators: a source's id, then the name of the reader it asks for. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("source %s: no adapter called “%s”"),
                   uc_feed_get_id (feed), uc_feed_get_adapter (feed));
      return NULL;
    }
  return read (feed, series, body, url, today, error);
}
