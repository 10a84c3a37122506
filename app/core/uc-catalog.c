/* uc-catalog.c: the datasets embedded in Undercut
 *
 * The CSVs are compiled into the binary (GResource), so the app and the
 * headless commands work offline from the first start. Loaded datasets are
 * cached: they are immutable once read.
 */
#include "config.h"

#include "uc-catalog.h"

#include <gio/gio.h>

#include "uc-csv.h"
#include "uc-data-resources.h"

static const UcCatalogEntry entries[] = {
  { "market-caps", "Daily market capitalisation and close, AI-exposed companies",
    "Adjusted closes from public Yahoo Finance snapshots; share counts from SEC and HKEX filings" },
  { "events", "Events: model releases, market moves, hardware, policy, pricing",
    "Press releases, filings and news pages, one source per event" },
  { "model-releases", "Notable AI model releases",
    "Epoch AI model database, models.dev, llm-prices and vendor pages" },
  { "api-prices", "API list prices per million tokens",
    "simonw/llm-prices history and models.dev history" },
};

G_LOCK_DEFINE_STATIC (cache);
static GHashTable *cache;

void
uc_catalog_register_resources (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      uc_data_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

const UcCatalogEntry *
uc_catalog_entries (guint *n_entries)
{
  *n_entries = G_N_ELEMENTS (entries);
  return entries;
}

const UcCatalogEntry *
uc_catalog_lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_strcmp0 (entries[i].id, id) == 0)
      return &entries[i];
  return NULL;
}

GBytes *
uc_catalog_get_bytes (const char  *id,
                      GError     **error)
{
  g_autofree char *path = NULL;

  if (uc_catalog_lookup (id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no embedded dataset called “%s”", id);
      return NULL;
    }
  uc_catalog_register_resources ();
  path = g_strdup_printf (RESOURCE_BASE "/datasets/%s.csv", id);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

UcDataset *
uc_catalog_load (const char  *id,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  UcDataset *dataset;

  if (uc_catalog_lookup (id) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no embedded dataset called “%s”", id);
      return NULL;
    }

  G_LOCK (cache);
  if (cache && (dataset = g_hash_table_lookup (cache, id)))
    {
      g_object_ref (dataset);
      G_UNLOCK (cache);
      return dataset;
    }
  G_UNLOCK (cache);

  bytes = uc_catalog_get_bytes (id, error);
  if (bytes == NULL)
    return NULL;

  name = g_strdup_printf ("%s.csv", id);
  dataset = uc_csv_read_bytes (bytes, name, NULL, NULL, error);
  if (dataset == NULL)
    return NULL;

  G_LOCK (cache);
  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_hash_table_replace (cache, g_strdup (id), g_object_ref (dataset));
  G_UNLOCK (cache);

  return dataset;
}
