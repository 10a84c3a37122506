/* uc-catalog.c: the datasets Undercut knows, a list of sources
 *
 * The CSVs are compiled into the binary (GResource), so the app and the
 * headless commands work offline from the first start; what is known of
 * where each came from is in sources.json beside them, not in code.
 * Sources keep their table once loaded, and the default catalog lives as
 * long as the program, so each embedded table is read once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-catalog.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "uc-data-resources.h"
#include "uc-json-load.h"
#include "uc-refreshed-source.h"
#include "uc-resource-source.h"

#define DATASETS_PATH RESOURCE_BASE "/datasets"

struct _UcCatalog
{
  GObject    parent_instance;

  GPtrArray *sources;   /* UcSource */
};

static GType
uc_catalog_get_item_type (GListModel *model)
{
  return UC_TYPE_SOURCE;
}

static guint
uc_catalog_get_n_items (GListModel *model)
{
  return UC_CATALOG (model)->sources->len;
}

static gpointer
uc_catalog_get_item (GListModel *model,
                     guint       position)
{
  UcCatalog *self = UC_CATALOG (model);

  return position < self->sources->len ? g_object_ref (g_ptr_array_index (self->sources, position)) : NULL;
}

static void
uc_catalog_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = uc_catalog_get_item_type;
  iface->get_n_items = uc_catalog_get_n_items;
  iface->get_item = uc_catalog_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (UcCatalog, uc_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, uc_catalog_list_model_init))

static void
uc_catalog_finalize (GObject *object)
{
  g_clear_pointer (&UC_CATALOG (object)->sources, g_ptr_array_unref);
  G_OBJECT_CLASS (uc_catalog_parent_class)->finalize (object);
}

static void
uc_catalog_class_init (UcCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_catalog_finalize;
}

static void
uc_catalog_init (UcCatalog *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
}

/* An empty catalog. */
UcCatalog *
uc_catalog_new (void)
{
  return g_object_new (UC_TYPE_CATALOG, NULL);
}

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

static const char *
member_string (JsonObject *o,
               const char *member)
{
  JsonNode *node = json_object_get_member (o, member);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* @folder of what Undercut keeps for the user (refreshed datasets, the
 * sources' copies, the library): in UNDERCUT_DATA_DIR when set (a
 * server's refresh, the tests), else in the user's data folder. */
char *
uc_catalog_data_dir (const char *folder)
{
  const char *dir = g_getenv ("UNDERCUT_DATA_DIR");

  if (dir && *dir)
    return g_build_filename (dir, folder, NULL);
  return g_build_filename (g_get_user_data_dir (), "undercut", folder, NULL);
}

/* Where refreshes leave the datasets they extended. */
char *
uc_catalog_refreshed_dir (void)
{
  return uc_catalog_data_dir ("datasets");
}

/* The sidecar of dataset @id's refreshed copy, if there is one made from
 * this build's snapshot (@snapshot: its "retrieved"): a copy made from
 * an older snapshot is left until the next refresh rebuilds it. */
static JsonObject *
read_sidecar (const char *id,
              const char *snapshot,
              char      **csv_path)
{
  g_autofree char *dir = uc_catalog_refreshed_dir ();
  g_autofree char *json_name = g_strconcat (id, ".json", NULL);
  g_autofree char *csv_name = g_strconcat (id, ".csv", NULL);
  g_autofree char *json_path = g_build_filename (dir, json_name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  JsonNode *root;
  JsonObject *o;

  if (!g_file_get_contents (json_path, &data, &length, NULL) || length > (1u << 20))
    return NULL;
  if (!uc_json_load_data (parser, data, length, json_path, &error))
    {
      g_message ("%s", error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  if (o == NULL || g_strcmp0 (member_string (o, "dataset"), id) != 0 ||
      g_strcmp0 (member_string (o, "snapshot"), snapshot) != 0)
    return NULL;
  *csv_path = g_build_filename (dir, csv_name, NULL);
  if (!g_file_test (*csv_path, G_FILE_TEST_IS_REGULAR))
    {
      g_clear_pointer (csv_path, g_free);
      return NULL;
    }
  return json_object_ref (o);
}

/* "models.dev, OpenRouter": who the rows refreshes added come from. */
static char *
refreshed_publishers (JsonObject *sidecar,
                      const char *separator)
{
  JsonNode *sources = json_object_get_member (sidecar, "sources");
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; sources && JSON_NODE_HOLDS_ARRAY (sources) && i < json_array_get_length (json_node_get_array (sources)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (sources), i);
      const char *name = JSON_NODE_HOLDS_OBJECT (item) ? member_string (json_node_get_object (item), "attribution") : NULL;

      if (name)
        g_string_append_printf (names, "%s%s", names->len ? separator : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* An embedded dataset, or its refreshed copy where one was made from it. */
static UcSource *
make_source (JsonObject *o)
{
  g_autofree char *location = g_strdup_printf ("resource://" DATASETS_PATH "/%s", member_string (o, "file"));
  g_autofree char *csv_path = NULL;
  g_autoptr(JsonObject) sidecar = read_sidecar (member_string (o, "id"), member_string (o, "retrieved"), &csv_path);
  g_autofree char *publisher = NULL;
  g_autofree char *from = NULL;
  g_autofree char *retrieved = NULL;

  if (sidecar == NULL)
    return g_object_new (UC_TYPE_RESOURCE_SOURCE,
                         "id", member_string (o, "id"),
                         "title", member_string (o, "title"),
                         "publisher", member_string (o, "publisher"),
                         "licence", member_string (o, "licence"),
                         "url", member_string (o, "url"),
                         "retrieved", member_string (o, "retrieved"),
                         "last-date", member_string (o, "last_date"),
                         "location", location,
                         NULL);
  from = refreshed_publishers (sidecar, ", ");
  publisher = *from ? g_strdup_printf ("%s; %s", member_string (o, "publisher"), from)
                    : g_strdup (member_string (o, "publisher"));
  retrieved = g_strndup (member_string (sidecar, "retrieved") ? member_string (sidecar, "retrieved") : "", 10);
  return g_object_new (UC_TYPE_REFRESHED_SOURCE,
                       "id", member_string (o, "id"),
                       "title", member_string (o, "title"),
                       "publisher", publisher,
                       "licence", member_string (o, "licence"),
                       "url", member_string (o, "url"),
                       "retrieved", *retrieved ? retrieved : member_string (o, "retrieved"),
                       "last-date", member_string (sidecar, "last_date"),
                       "location", csv_path,
                       "snapshot", location,
                       "refreshed-from", from,
                       NULL);
}

/* Datasets only sources make (a CSV at a URL a user added): named as the
 * sidecar names them. */
static void
add_refreshed_only (UcCatalog  *self,
                    GHashTable *embedded)
{
  g_autofree char *dir = uc_catalog_refreshed_dir ();
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *id = g_str_has_suffix (name, ".json") ? g_strndup (name, strlen (name) - 5) : NULL;
      g_autofree char *csv_path = NULL;
      g_autoptr(JsonObject) sidecar = NULL;
      g_autofree char *from = NULL;
      g_autofree char *retrieved = NULL;
      g_autoptr(UcSource) source = NULL;

      if (id == NULL || g_hash_table_contains (embedded, id) ||
          (sidecar = read_sidecar (id, NULL, &csv_path)) == NULL || member_string (sidecar, "title") == NULL)
        continue;
      from = refreshed_publishers (sidecar, ", ");
      retrieved = g_strndup (member_string (sidecar, "retrieved") ? member_string (sidecar, "retrieved") : "", 10);
      source = g_object_new (UC_TYPE_REFRESHED_SOURCE,
                             "id", id,
                             "title", member_string (sidecar, "title"),
                             "publisher", from,
                             "licence", member_string (sidecar, "licence"),
                             "url", member_string (sidecar, "url"),
                             "retrieved", retrieved,
                             "last-date", member_string (sidecar, "last_date"),
                             "location", csv_path,
                             "refreshed-from", from,
                             NULL);
      uc_catalog_add (self, source);
    }
}

/* The embedded datasets as sources.json lists them (or their refreshed
 * copies). The file is ours and checked by the tests: an entry it cannot
 * read is a warning (fatal in the tests), and is left out. With
 * @changed_only, only sources whose copy changed are put in. */
static void
add_embedded (UcCatalog *self,
              gboolean   changed_only)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) embedded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *root;

  uc_catalog_register_resources ();
  bytes = g_resources_lookup_data (DATASETS_PATH "/sources.json", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !uc_json_load_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "sources.json", &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  root = json_parser_get_root (parser);
  for (guint i = 0; root && JSON_NODE_HOLDS_ARRAY (root) && i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (root), i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;
      g_autoptr(UcSource) source = NULL;
      UcSource *known;

      if (o == NULL || member_string (o, "id") == NULL || member_string (o, "file") == NULL)
        {
          g_warning ("sources.json: entry %u needs an “id” and a “file”", i);
          continue;
        }
      g_hash_table_add (embedded, g_strdup (member_string (o, "id")));
      source = make_source (o);
      known = uc_catalog_find (self, member_string (o, "id"));
      /* A refreshed copy may have changed under the same name: put in again. */
      if (changed_only && known && UC_IS_RESOURCE_SOURCE (known) && UC_IS_RESOURCE_SOURCE (source))
        continue;
      uc_catalog_add (self, source);
    }
  add_refreshed_only (self, embedded);
}

/* Where dataset @id's compiled snapshot is (a resource:// location) and
 * the day it was retrieved, as sources.json says. */
gboolean
uc_catalog_get_snapshot (const char  *id,
                         char       **location,
                         char       **retrieved)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  uc_catalog_register_resources ();
  bytes = g_resources_lookup_data (DATASETS_PATH "/sources.json", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  for (guint i = 0; root && JSON_NODE_HOLDS_ARRAY (root) && i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (root), i);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      if (o && g_strcmp0 (member_string (o, "id"), id) == 0 && member_string (o, "file"))
        {
          *location = g_strdup_printf ("resource://" DATASETS_PATH "/%s", member_string (o, "file"));
          *retrieved = g_strdup (member_string (o, "retrieved"));
          return TRUE;
        }
    }
  return FALSE;
}

/* After a refresh: the embedded datasets whose refreshed copies changed
 * are put in again, so their next load reads the new rows. */
void
uc_catalog_reload_refreshed (UcCatalog *self)
{
  g_return_if_fail (UC_IS_CATALOG (self));
  add_embedded (self, TRUE);
}

/* The program's catalog: the embedded datasets, and whatever is added to
 * it. Made on first use, from any thread; changed only from the main one. */
UcCatalog *
uc_catalog_get_default (void)
{
  static UcCatalog *catalog;

  if (g_once_init_enter (&catalog))
    {
      UcCatalog *made = uc_catalog_new ();

      add_embedded (made, FALSE);
      g_once_init_leave (&catalog, made);
    }
  return catalog;
}

static gboolean
find_position (UcCatalog  *self,
               const char *id,
               guint      *position)
{
  for (guint i = 0; i < self->sources->len; i++)
    if (g_strcmp0 (uc_source_get_id (g_ptr_array_index (self->sources, i)), id) == 0)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

/* Adds @source at the end, or in the place of the source of the same id. */
void
uc_catalog_add (UcCatalog *self,
                UcSource  *source)
{
  guint position;

  g_return_if_fail (UC_IS_CATALOG (self));
  g_return_if_fail (UC_IS_SOURCE (source));
  if (find_position (self, uc_source_get_id (source), &position))
    {
      g_object_unref (g_ptr_array_index (self->sources, position));
      g_ptr_array_index (self->sources, position) = g_object_ref (source);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }
  g_ptr_array_add (self->sources, g_object_ref (source));
  g_list_model_items_changed (G_LIST_MODEL (self), self->sources->len - 1, 0, 1);
}

/* Whether there was a source @id to remove. */
gboolean
uc_catalog_remove (UcCatalog  *self,
                   const char *id)
{
  guint position;

  g_return_val_if_fail (UC_IS_CATALOG (self), FALSE);
  if (!find_position (self, id, &position))
    return FALSE;
  g_ptr_array_remove_index (self->sources, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* The source @id, or NULL. */
UcSource *
uc_catalog_find (UcCatalog  *self,
                 const char *id)
{
  guint position;

  g_return_val_if_fail (UC_IS_CATALOG (self), NULL);
  return find_position (self, id, &position) ? g_ptr_array_index (self->sources, position) : NULL;
}

/* The default catalog's dataset @id, read on this thread if it is not
 * loaded yet: for the command line and the tests. */
UcDataset *
uc_catalog_load (const char  *id,
                 GError     **error)
{
  UcSource *source = uc_catalog_find (uc_catalog_get_default (), id);

  if (source == NULL)
    {
      /* Translators: %s is a dataset's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no embedded dataset called “%s”"), id);
      return NULL;
    }
  return uc_source_load (source, NULL, error);
}
