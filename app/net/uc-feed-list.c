/* uc-feed-list.c: the sources Undercut pulls data from */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-feed-list.h"

#include "uc-catalog.h"
#include "uc-json-load.h"
#include "uc-net-error.h"

#define MAX_USER_FILE (1u << 20)

struct _UcFeedList
{
  GObject    parent_instance;
  GPtrArray *feeds;   /* UcFeed */
};

static GType
uc_feed_list_get_item_type (GListModel *model)
{
  return UC_TYPE_FEED;
}

static guint
uc_feed_list_get_n_items (GListModel *model)
{
  return UC_FEED_LIST (model)->feeds->len;
}

static gpointer
uc_feed_list_get_item (GListModel *model,
                       guint       position)
{
  UcFeedList *self = UC_FEED_LIST (model);

  return position < self->feeds->len ? g_object_ref (g_ptr_array_index (self->feeds, position)) : NULL;
}

static void
uc_feed_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = uc_feed_list_get_item_type;
  iface->get_n_items = uc_feed_list_get_n_items;
  iface->get_item = uc_feed_list_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (UcFeedList, uc_feed_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, uc_feed_list_model_init))

static void
uc_feed_list_finalize (GObject *object)
{
  g_clear_pointer (&UC_FEED_LIST (object)->feeds, g_ptr_array_unref);
  G_OBJECT_CLASS (uc_feed_list_parent_class)->finalize (object);
}

static void
uc_feed_list_class_init (UcFeedListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_feed_list_finalize;
}

static void
uc_feed_list_init (UcFeedList *self)
{
  self->feeds = g_ptr_array_new_with_free_func (g_object_unref);
}

UcFeedList *
uc_feed_list_new (void)
{
  return g_object_new (UC_TYPE_FEED_LIST, NULL);
}

UcFeed *
uc_feed_list_find (UcFeedList *self,
                   const char *id)
{
  for (guint i = 0; i < self->feeds->len; i++)
    if (g_strcmp0 (uc_feed_get_id (g_ptr_array_index (self->feeds, i)), id) == 0)
      return g_ptr_array_index (self->feeds, i);
  return NULL;
}

/* One entry: changes the feed of its id, or adds one. */
static gboolean
load_entry (UcFeedList  *self,
            JsonNode    *node,
            const char  *where,
            GError     **error)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *id = o && json_object_has_member (o, "id") && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "id"))
                   ? json_object_get_string_member (o, "id") : NULL;
  UcFeed *known = id ? uc_feed_list_find (self, id) : NULL;
  g_autoptr(UcFeed) feed = NULL;

  if (o == NULL)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: not an object"), where);
      return FALSE;
    }
  if (known)
    return uc_feed_update_from_json (known, o, where, error);
  feed = uc_feed_new_from_json (o, where, error);
  if (feed == NULL)
    return FALSE;
  g_ptr_array_add (self->feeds, g_steal_pointer (&feed));
  g_list_model_items_changed (G_LIST_MODEL (self), self->feeds->len - 1, 0, 1);
  return TRUE;
}

/* Reads a sources.json: {"version": 1, "sources": [entry, …]}. Entries
 * before a bad one stay; @where names the file in errors. */
gboolean
uc_feed_list_load_data (UcFeedList  *self,
                        const char  *data,
                        gsize        length,
                        const char  *where,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root, *sources;
  JsonArray *entries;

  if (!uc_json_load_data (parser, data, length, where, error))
    return FALSE;
  root = json_parser_get_root (parser);
  sources = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "sources") : NULL;
  if (sources == NULL || !JSON_NODE_HOLDS_ARRAY (sources))
    {
      /* Translators: %s is a file's name; what is in { } is the file's syntax, kept as is. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: expected {\"version\": 1, \"sources\": […]}"), where);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (json_node_get_object (root), "version", 1) != 1)
    {
      g_autofree char *version = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                  json_object_get_int_member_with_default (json_node_get_object (root),
                                                                                           "version", 1));

      /* Translators: a file's name, then the version it names (a number). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: version %s is not one this Undercut reads"), where,
                   version);
      return FALSE;
    }
  entries = json_node_get_array (sources);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      /* Translators: a file's name, then a source's number in it; what is wrong with the source follows. */
      g_autofree char *entry = g_strdup_printf (_("%s, source %u"), where, i + 1);

      if (!load_entry (self, json_array_get_element (entries, i), entry, error))
        return FALSE;
    }
  return TRUE;
}

/* Where a user's own sources.json is read from. */
char *
uc_feed_list_user_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "undercut", "sources.json", NULL);
}

static gboolean
load_user_file (UcFeedList  *self,
                GError     **error)
{
  g_autofree char *path = uc_feed_list_user_file ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GError) local = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (g_file_info_get_size (info) > MAX_USER_FILE)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TOO_LARGE, _("%s: larger than %u bytes"), path, MAX_USER_FILE);
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  return uc_feed_list_load_data (self, data, length, path, error);
}

/* The compiled sources, changed by the user's file. A user's file that
 * cannot be read sets @user_error and leaves the compiled list whole. */
UcFeedList *
uc_feed_list_new_default (GError **user_error)
{
  g_autoptr(UcFeedList) self = uc_feed_list_new ();
  g_autoptr(UcFeedList) with_user = uc_feed_list_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  uc_catalog_register_resources ();
  bytes = g_resources_lookup_data (RESOURCE_BASE "/net/sources.json", G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  data = bytes ? g_bytes_get_data (bytes, &length) : NULL;
  /* Ours, and checked by the tests: failing here is a build's fault. */
  if (data == NULL || !uc_feed_list_load_data (self, data, length, "sources.json", &error) ||
      !uc_feed_list_load_data (with_user, data, length, "sources.json", &error))
    g_error ("%s", error->message);
  if (!load_user_file (with_user, user_error))
    return g_steal_pointer (&self);
  return g_steal_pointer (&with_user);
}
