/* uc-feed-merge.c: a dataset rebuilt from the snapshot and its sources' rows */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-feed-merge.h"

#include <string.h>

#include "uc-catalog.h"
#include "uc-feed-cache.h"
#include "uc-feed-caps.h"
#include "uc-feed-rows.h"
#include "uc-json-writer.h"
#include "uc-net-error.h"
#include "uc-safe-file.h"

/* The snapshot's rows, with the columns rows from sources add. */
static UcFeedRows *
read_base (const char  *dataset,
           char       **snapshot,
           GError     **error)
{
  g_autofree char *location = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcFeedRows) rows = NULL;
  g_autoptr(UcFeedRows) wide = NULL;
  g_autoptr(GStrvBuilder) header = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  if (!uc_catalog_get_snapshot (dataset, &location, snapshot))
    return NULL;   /* no snapshot: the sources' rows are all there is */
  bytes = g_resources_lookup_data (location + strlen ("resource://"), G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  rows = bytes ? uc_feed_rows_from_csv (bytes, location, error) : NULL;
  if (rows == NULL)
    return NULL;
  g_strv_builder_addv (header, (const char **) rows->header);
  if (uc_feed_rows_column (rows, "retrieved") < 0)
    g_strv_builder_add (header, "retrieved");
  names = g_strv_builder_end (header);
  wide = uc_feed_rows_new ((const char * const *) names);
  uc_feed_rows_extend (wide, rows);
  return g_steal_pointer (&wide);
}

/* The last date of each key (a series, a model) in @rows. */
static GHashTable *
last_dates (const UcFeedRows *rows,
            const char       *key_column,
            const char       *date_column)
{
  GHashTable *last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint r = 0; r < rows->rows->len; r++)
    {
      char **row = g_ptr_array_index (rows->rows, r);
      g_autofree char *key = g_utf8_casefold (key_column ? uc_feed_rows_cell (rows, row, key_column) : "", -1);
      const char *date = uc_feed_rows_cell (rows, row, date_column);
      const char *known = g_hash_table_lookup (last, key);

      if (known == NULL || strcmp (date, known) > 0)
        g_hash_table_replace (last, g_steal_pointer (&key), g_strdup (date));
    }
  return last;
}

static void
add_row (UcFeedRows       *out,
         const UcFeedRows *from,
         char            **row,
         const char       *retrieved,
         const char      **overrides)
{
  guint width = g_strv_length (out->header);
  char **cells = g_new0 (char *, width + 1);

  for (guint c = 0; c < width; c++)
    {
      const char *value = uc_feed_rows_cell (from, row, out->header[c]);

      for (guint o = 0; overrides && overrides[o]; o += 2)
        if (g_str_equal (overrides[o], out->header[c]))
          value = overrides[o + 1];
      if (g_str_equal (out->header[c], "retrieved") && retrieved)
        value = retrieved;
      cells[c] = g_strdup (value ? value : "");
    }
  g_ptr_array_add (out->rows, cells);
}

/* Rows of a source dated after the snapshot's last day of their key (a
 * series, a ticker); models the snapshot lacks, released after its last. */
static guint
extend_by_date (UcFeedRows       *out,
                const UcFeedRows *fetched,
                const char       *key_column,
                const char       *date_column,
                const char       *retrieved)
{
  g_autoptr(GHashTable) last = last_dates (out, key_column, date_column);
  const char *all_last = NULL;
  guint added = 0;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, last);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_strcmp0 (value, all_last) > 0)
      all_last = value;
  for (guint r = 0; r < fetched->rows->len; r++)
    {
      char **row = g_ptr_array_index (fetched->rows, r);
      g_autofree char *key = g_utf8_casefold (key_column ? uc_feed_rows_cell (fetched, row, key_column) : "", -1);
      const char *since = g_hash_table_lookup (last, key);
      const char *date = uc_feed_rows_cell (fetched, row, date_column);

      /* A model is released once: one the snapshot has is never added again. */
      if (g_strcmp0 (key_column, "model") == 0 && since)
        continue;
      if (*date && strcmp (date, since ? since : (key_column && g_str_equal (key_column, "model") ? all_last : "")) > 0)
        {
          add_row (out, fetched, row, retrieved, NULL);
          added++;
        }
    }
  return added;
}

/* "4" and "4.0" are one price; an empty cell is no price. */
static gboolean
same_price (const char *a,
            const char *b)
{
  if (*a == '\0' || *b == '\0')
    return *a == *b;
  return g_ascii_strtod (a, NULL) == g_ascii_strtod (b, NULL);
}

/* "deepseek-v4-pro (DeepSeek-V4-Pro), list price" is the model the
 * source calls deepseek-v4-pro: names are compared up to a bracket or comma. */
static char *
model_key (const char *name)
{
  g_autofree char *bare = g_strndup (name, strcspn (name, "(,"));

  return g_utf8_casefold (g_strstrip (bare), -1);
}

/* Prices a source observed today: a change of a model's last known price
 * is a new row dated the day it was seen; a model launched after the
 * snapshot's last day comes in at its release. Hosting prices stay out
 * of list prices. */
static guint
extend_prices (UcFeedRows       *out,
               const UcFeedRows *fetched,
               const char       *retrieved)
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *all_last = "";
  guint added = 0;

  for (guint r = 0; r < out->rows->len; r++)
    {
      char **row = g_ptr_array_index (out->rows, r);
      /* "deepseek-chat / deepseek-reasoner (…)" is the price of both. */
      g_auto(GStrv) names = g_strsplit (uc_feed_rows_cell (out, row, "model"), " / ", -1);

      for (guint n = 0; names[n]; n++)
        {
          g_autofree char *key = model_key (names[n]);
          char **known = g_hash_table_lookup (last, key);

          if (known == NULL || strcmp (uc_feed_rows_cell (out, row, "date"), uc_feed_rows_cell (out, known, "date")) >= 0)
            g_hash_table_replace (last, g_steal_pointer (&key), row);
        }
      if (strcmp (uc_feed_rows_cell (out, row, "date"), all_last) > 0)
        all_last = uc_feed_rows_cell (out, row, "date");
    }
  for (guint r = 0; r < fetched->rows->len; r++)
    {
      char **row = g_ptr_array_index (fetched->rows, r);
      g_autofree char *key = model_key (uc_feed_rows_cell (fetched, row, "model"));
      char **known = g_hash_table_lookup (last, key);
      const char *input = uc_feed_rows_cell (fetched, row, "input_usd_per_mtok");
      const char *output = uc_feed_rows_cell (fetched, row, "output_usd_per_mtok");
      g_autofree char *released = g_strdup (uc_feed_rows_cell (fetched, row, "release_date"));
      const char *observed = uc_feed_rows_cell (fetched, row, "observed_date");

      if (!g_str_equal (uc_feed_rows_cell (fetched, row, "price_basis"), "list price"))
        continue;
      if (known && (!same_price (input, uc_feed_rows_cell (out, known, "input_usd_per_mtok")) ||
                    !same_price (output, uc_feed_rows_cell (out, known, "output_usd_per_mtok"))) &&
          strcmp (observed, uc_feed_rows_cell (out, known, "date")) > 0)
        {
          const char *changed[] = { "date", observed, "change", "observed", "date_basis", "day a refresh saw it", NULL };

          add_row (out, fetched, row, retrieved, changed);
          g_hash_table_replace (last, g_steal_pointer (&key), g_ptr_array_index (out->rows, out->rows->len - 1));
          added++;
        }
      else if (known == NULL && strlen (released) >= 7 && strcmp (released, all_last) > 0)
        {
          g_autofree char *day = strlen (released) == 7 ? g_strconcat (released, "-01", NULL) : g_strdup (released);
          const char *launched[] = { "date", day, "change", "launch", "date_basis",
                                     strlen (released) == 7 ? "release month (source)" : "release date (source)", NULL };

          add_row (out, fetched, row, retrieved, launched);
          g_hash_table_replace (last, g_steal_pointer (&key), g_ptr_array_index (out->rows, out->rows->len - 1));
          added++;
        }
    }
  return added;
}

static guint
extend (UcFeedRows       *out,
        const char       *dataset,
        const char       *retrieved,
        const UcFeedRows *fetched,
        const UcFeedRows *shares)
{
  if (g_str_equal (dataset, "market-caps"))
    return uc_feed_extend_caps (out, fetched, shares, retrieved);
  if (g_str_equal (dataset, "api-prices"))
    return extend_prices (out, fetched, retrieved);
  if (g_str_equal (dataset, "model-releases"))
    return extend_by_date (out, fetched, "model", "date", retrieved);
  if (uc_feed_rows_column (out, "series") >= 0)
    return extend_by_date (out, fetched, "series", "date", retrieved);
  if (uc_feed_rows_column (out, "ticker") >= 0 && uc_feed_rows_column (out, "date") >= 0)
    return extend_by_date (out, fetched, "ticker", "date", retrieved);
  uc_feed_rows_extend (out, fetched);
  return fetched->rows->len;
}

char *
uc_feed_merge_dir (const char *cache_dir)
{
  g_autofree char *parent = g_path_get_dirname (cache_dir);

  return g_build_filename (parent, "datasets", NULL);
}

static gboolean
write_dataset (const char        *cache_dir,
               const char        *dataset,
               const UcFeedRows  *rows,
               const char        *sidecar,
               GError           **error)
{
  g_autofree char *dir = uc_feed_merge_dir (cache_dir);
  g_autofree char *csv_name = g_strconcat (dataset, ".csv", NULL);
  g_autofree char *json_name = g_strconcat (dataset, ".json", NULL);
  g_autofree char *csv_path = g_build_filename (dir, csv_name, NULL);
  g_autofree char *json_path = g_build_filename (dir, json_name, NULL);
  g_autoptr(GBytes) csv = uc_feed_rows_to_csv (rows);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: cannot be made"), dir);
      return FALSE;
    }
  /* The sidecar goes last: a copy without a current sidecar is not used. */
  return uc_safe_file_set_contents (csv_path, NULL, g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), error) &&
         uc_safe_file_set_contents (json_path, NULL, sidecar, strlen (sidecar), error);
}

/* The last good rows of @feed, or NULL. */
static UcFeedRows *
feed_rows (UcFeed      *feed,
           const char  *cache_dir,
           char       **retrieved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcFeedRecord) record = uc_feed_cache_read (cache_dir, uc_feed_get_id (feed), &error);
  g_autoptr(GBytes) bytes = record && record->rows_file
                            ? uc_feed_cache_load (cache_dir, uc_feed_get_id (feed), record->rows_file, NULL, &error) : NULL;
  UcFeedRows *rows = bytes ? uc_feed_rows_from_csv (bytes, record->rows_file, &error) : NULL;

  if (error)
    g_message ("%s", error->message);
  if (rows && retrieved)
    *retrieved = g_strdup (record->retrieved);
  return rows;
}

/* Every share count the SEC sources gave: market caps need them. */
static UcFeedRows *
all_share_counts (UcFeedList *feeds,
                  const char *cache_dir)
{
  UcFeedRows *all = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);
      g_autoptr(UcFeedRows) rows = g_strcmp0 (uc_feed_get_adapter (feed), "sec-shares") == 0
                                   ? feed_rows (feed, cache_dir, NULL) : NULL;

      if (rows && all == NULL)
        all = g_steal_pointer (&rows);
      else if (rows)
        uc_feed_rows_extend (all, rows);
    }
  return all;
}

/* One merge: the rows so far, and the sidecar saying what they rest on. */
typedef struct
{
  const char   *dataset;
  UcFeedRows   *out;
  UcFeedRows   *shares;
  UcJsonWriter *w;
  char         *newest;
  UcFeed       *first;
} Merge;

/* @feed's last good rows added to the dataset, and named in the sidecar. */
static void
merge_feed (Merge      *m,
            UcFeed     *feed,
            const char *cache_dir)
{
  g_autofree char *retrieved = NULL;
  g_autoptr(UcFeedRows) fetched = feed_rows (feed, cache_dir, &retrieved);
  guint added;

  if (m->first == NULL)
    m->first = feed;
  if (fetched == NULL)
    return;
  if (m->out == NULL)
    m->out = uc_feed_rows_new ((const char * const *) fetched->header);
  /* What a source says that the snapshot does not (a date's basis) is kept. */
  for (guint c = 0; g_strcmp0 (m->dataset, "market-caps") != 0 && fetched->header[c]; c++)
    if (g_strcmp0 (fetched->header[c], "source") != 0 && g_strcmp0 (fetched->header[c], "observed_date") != 0)
      uc_feed_rows_add_column (m->out, fetched->header[c]);
  added = extend (m->out, m->dataset, retrieved, fetched, m->shares);
  if (g_strcmp0 (retrieved, m->newest) > 0)
    {
      g_free (m->newest);
      m->newest = g_strdup (retrieved);
    }
  uc_json_begin_object (m->w);
  uc_json_key (m->w, "id");
  uc_json_string (m->w, uc_feed_get_id (feed));
  uc_json_key (m->w, "attribution");
  uc_json_string (m->w, uc_feed_get_attribution (feed));
  uc_json_key (m->w, "retrieved");
  uc_json_string (m->w, retrieved ? retrieved : "");
  uc_json_key (m->w, "rows_added");
  uc_json_int (m->w, added);
  uc_json_end_object (m->w);
}

/* The sidecar's end: when, how far, how many; a dataset only sources make
 * (a CSV at a URL) named as its first source names it. */
static char *
finish_sidecar (Merge      *m,
                gboolean    has_snapshot)
{
  g_autofree char *last = uc_feed_rows_last_date (m->out);

  if (!has_snapshot && m->first)
    {
      uc_json_key (m->w, "title");
      uc_json_string (m->w, uc_feed_get_title (m->first));
      uc_json_key (m->w, "licence");
      uc_json_string (m->w, uc_feed_get_licence (m->first) ? uc_feed_get_licence (m->first) : "");
      uc_json_key (m->w, "url");
      uc_json_string (m->w, uc_feed_get_url (m->first));
    }
  uc_json_key (m->w, "retrieved");
  uc_json_string (m->w, m->newest ? m->newest : "");
  uc_json_key (m->w, "last_date");
  uc_json_string (m->w, last ? last : "");
  uc_json_key (m->w, "rows");
  uc_json_int (m->w, m->out->rows->len);
  uc_json_end_object (m->w);
  return uc_json_writer_steal (m->w);
}

/* Rebuilds @dataset from the snapshot and the last good rows of every
 * feed that extends it. */
gboolean
uc_feed_merge_dataset (UcFeedList  *feeds,
                       const char  *cache_dir,
                       const char  *dataset,
                       GError     **error)
{
  g_autofree char *snapshot = NULL;
  g_autoptr(UcFeedRows) out = read_base (dataset, &snapshot, error);
  g_autoptr(UcFeedRows) shares = g_strcmp0 (dataset, "market-caps") == 0 ? all_share_counts (feeds, cache_dir) : NULL;
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autofree char *sidecar = NULL;
  g_autofree char *newest = NULL;
  Merge m = { dataset, NULL, shares, w, NULL, NULL };

  if (error && *error)
    return FALSE;
  m.out = g_steal_pointer (&out);
  uc_json_begin_object (w);
  uc_json_key (w, "version");
  uc_json_int (w, 1);
  uc_json_key (w, "dataset");
  uc_json_string (w, dataset);
  if (snapshot)
    {
      uc_json_key (w, "snapshot");
      uc_json_string (w, snapshot);
    }
  uc_json_key (w, "sources");
  uc_json_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);

      if (g_strcmp0 (uc_feed_get_dataset (feed), dataset) == 0)
        merge_feed (&m, feed, cache_dir);
    }
  uc_json_end_array (w);
  out = m.out;
  newest = m.newest;   /* both freed here, the Merge only borrows them */
  if (out == NULL)
    return TRUE;
  sidecar = finish_sidecar (&m, snapshot != NULL);
  return write_dataset (cache_dir, dataset, out, sidecar, error);
}
