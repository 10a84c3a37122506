/* uc-view-list.c: the views compiled in, by id */
#include "config.h"

#include "uc-view-list.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-json-load.h"

#define VIEWS_PATH RESOURCE_BASE "/views"

/* The file of view @id (data/views/ID.json), or NULL when there is no such
 * view. An id is a name, never a path. */
GBytes *
uc_view_list_lookup (const char *id)
{
  g_autofree char *path = NULL;

  uc_catalog_register_resources ();
  if (id == NULL || *id == '\0' || strchr (id, '/') != NULL)
    return NULL;
  path = g_strdup_printf (VIEWS_PATH "/%s.json", id);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* View ids in sidebar order: as the file views/order lists them, one per
 * line, else by name. */
GStrv
uc_view_list_ids (void)
{
  g_autoptr(GBytes) order = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  uc_catalog_register_resources ();
  order = g_resources_lookup_data (VIEWS_PATH "/order", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (order != NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (order, NULL), g_bytes_get_size (order));

      return g_strsplit_set (g_strstrip (text), "\n", -1);
    }
  names = g_resources_enumerate_children (VIEWS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  for (guint i = 0; names && names[i]; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (ids, g_strndup (names[i], strlen (names[i]) - 5));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

/* Ids and titles of the views compiled in, read once from their files. */
const UcViewInfo *
uc_view_list_titles (guint *n_views)
{
  static UcViewInfo *list;
  static guint n;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_auto(GStrv) ids = uc_view_list_ids ();
      GArray *found = g_array_new (FALSE, FALSE, sizeof (UcViewInfo));

      for (guint i = 0; ids[i]; i++)
        {
          g_autoptr(GBytes) bytes = uc_view_list_lookup (ids[i]);
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonNode *root;
          UcViewInfo info;

          if (bytes == NULL || !uc_json_load_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), ids[i], NULL))
            continue;
          root = json_parser_get_root (parser);
          if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
              !json_object_has_member (json_node_get_object (root), "title"))
            continue;
          info.id = g_intern_string (ids[i]);
          info.title = g_intern_string (json_object_get_string_member (json_node_get_object (root), "title"));
          g_array_append_val (found, info);
        }
      n = found->len;
      list = (UcViewInfo *) (void *) g_array_free (found, FALSE);
      g_once_init_leave (&once, 1);
    }
  *n_views = n;
  return list;
}
