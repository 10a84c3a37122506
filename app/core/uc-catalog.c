/* uc-catalog.c: the datasets Undercut knows, a list of sources
 *
 * The CSVs are compiled into the binary (GResource), so the app and the
 * headless commands work offline from the first start; what is known of
 * where each came from is in sources.json beside them, not in code.
 * Sources keep their table once loaded, and the default catalog lives as
 * long as the program, so each embedded table is read once.
 */
#include "config.h"

#include "uc-catalog.h"

#include <json-glib/json-glib.h>

#include "uc-data-resources.h"
#include "uc-json-load.h"
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

/* The embedded datasets as sources.json lists them. The file is ours and
 * checked by the tests: an entry it cannot read is a warning (fatal in
 * the tests), and is left out. */
static void
add_embedded (UcCatalog *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
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
      g_autofree char *location = NULL;
      g_autoptr(UcSource) source = NULL;

      if (o == NULL || member_string (o, "id") == NULL || member_string (o, "file") == NULL)
        {
          g_warning ("sources.json: entry %u needs an “id” and a “file”", i);
          continue;
        }
      location = g_strdup_printf ("resource://" DATASETS_PATH "/%s", member_string (o, "file"));
      source = g_object_new (UC_TYPE_RESOURCE_SOURCE,
                             "id", member_string (o, "id"),
                             "title", member_string (o, "title"),
                             "publisher", member_string (o, "publisher"),
                             "licence", member_string (o, "licence"),
                             "url", member_string (o, "url"),
                             "retrieved", member_string (o, "retrieved"),
                             "last-date", member_string (o, "last_date"),
                             "location", location,
                             NULL);
      uc_catalog_add (self, source);
    }
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

      add_embedded (made);
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
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no embedded dataset called “%s”", id);
      return NULL;
    }
  return uc_source_load (source, NULL, error);
}
