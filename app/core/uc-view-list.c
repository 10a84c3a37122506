/* uc-view-list.c: the views compiled in, by id */
#include "config.h"

#include "uc-view-list.h"

#include <string.h>

#include "uc-catalog.h"

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
