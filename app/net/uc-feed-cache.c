/* uc-feed-cache.c: what refreshes fetched, kept on disk */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-feed-cache.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-json-load.h"
#include "uc-json-writer.h"
#include "uc-net-answer.h"
#include "uc-net-error.h"
#include "uc-safe-file.h"

#define RECORD "record.json"
#define MAX_RECORD (4u << 20)

UcFeedRecord *
uc_feed_record_new (void)
{
  UcFeedRecord *record = g_new0 (UcFeedRecord, 1);

  record->items = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_feed_item_free);
  return record;
}

void
uc_feed_item_free (UcFeedItem *item)
{
  g_free (item->series);
  g_free (item->url);
  g_free (item->etag);
  g_free (item->last_modified);
  g_free (item->body);
  g_free (item->sha256);
  g_free (item->retrieved);
  g_free (item);
}

UcFeedItem *
uc_feed_item_copy (const UcFeedItem *item)
{
  UcFeedItem *copy = g_new0 (UcFeedItem, 1);

  copy->series = g_strdup (item->series);
  copy->url = g_strdup (item->url);
  copy->etag = g_strdup (item->etag);
  copy->last_modified = g_strdup (item->last_modified);
  copy->body = g_strdup (item->body);
  copy->sha256 = g_strdup (item->sha256);
  copy->retrieved = g_strdup (item->retrieved);
  copy->rows = item->rows;
  return copy;
}

void
uc_feed_record_free (UcFeedRecord *record)
{
  g_free (record->message);
  g_free (record->retrieved);
  g_free (record->checked);
  g_free (record->data_as_of);
  g_free (record->rows_file);
  g_ptr_array_unref (record->items);
  g_free (record);
}

UcFeedItem *
uc_feed_record_find (UcFeedRecord *record,
                     const char   *series)
{
  for (guint i = 0; record && i < record->items->len; i++)
    {
      UcFeedItem *item = g_ptr_array_index (record->items, i);

      if (g_strcmp0 (item->series, series ? series : "") == 0)
        return item;
    }
  return NULL;
}

/* The folder of every source's copies. */
char *
uc_feed_cache_dir (void)
{
  return uc_catalog_data_dir ("sources");
}

/* A file name the record may name: no folders, nothing hidden. */
static gboolean
plain_name (const char *name)
{
  return name && *name && *name != '.' && strchr (name, '/') == NULL && strlen (name) < 200;
}

static char *
dup_member (JsonObject *o,
            const char *member)
{
  return g_strdup (uc_net_json_string (o, member));
}

static UcFeedItem *
read_item (JsonObject  *o,
           const char  *where,
           GError     **error)
{
  g_autoptr(UcFeedItem) item = g_new0 (UcFeedItem, 1);

  item->series = dup_member (o, "series");
  item->url = dup_member (o, "url");
  item->etag = dup_member (o, "etag");
  item->last_modified = dup_member (o, "last_modified");
  item->body = dup_member (o, "body");
  item->sha256 = dup_member (o, "sha256");
  item->retrieved = dup_member (o, "retrieved");
  item->rows = CLAMP (json_object_get_int_member_with_default (o, "rows", 0), 0, G_MAXUINT);
  if (item->series == NULL || !plain_name (item->body) || item->sha256 == NULL)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: an item needs “series”, “body” and “sha256”"), where);
      return NULL;
    }
  return g_steal_pointer (&item);
}

static gboolean
read_items (UcFeedRecord  *record,
            JsonObject    *o,
            const char    *where,
            GError       **error)
{
  JsonNode *items = json_object_get_member (o, "items");

  if (items == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (items))
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “items” must be a list"), where);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (items), i);
      UcFeedItem *item = JSON_NODE_HOLDS_OBJECT (node) ? read_item (json_node_get_object (node), where, error) : NULL;

      if (item == NULL)
        {
          if (error && *error == NULL)
            /* Translators: %s is a file's name. */
            g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: item %u is not an object"), where, i + 1);
          return FALSE;
        }
      g_ptr_array_add (record->items, item);
    }
  return TRUE;
}

/* The record of source @id, or NULL and no error when there is none. A
 * record that cannot be read is an error naming the file. */
UcFeedRecord *
uc_feed_cache_read (const char  *dir,
                    const char  *id,
                    GError     **error)
{
  g_autofree char *path = g_build_filename (dir, id, RECORD, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(UcFeedRecord) record = uc_feed_record_new ();
  g_autofree char *data = NULL;
  g_autofree char *state = NULL;
  g_autoptr(GError) local = NULL;
  gsize length;
  JsonObject *o;
  GEnumValue *value;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (length > MAX_RECORD || !uc_json_load_data (parser, data, length, path, error))
    {
      if (error && *error == NULL)
        /* Translators: %s is a file's name. */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TOO_LARGE, _("%s: too large"), path);
      return NULL;
    }
  o = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (o == NULL || !read_items (record, o, path, error))
    {
      if (error && *error == NULL)
        /* Translators: %s is a file's name. */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: not an object"), path);
      return NULL;
    }
  state = dup_member (o, "state");
  value = state ? g_enum_get_value_by_nick (g_type_class_peek (UC_TYPE_FEED_STATE), state) : NULL;
  record->state = value ? value->value : UC_FEED_NEVER;
  record->message = dup_member (o, "message");
  record->retrieved = dup_member (o, "retrieved");
  record->checked = dup_member (o, "checked");
  record->data_as_of = dup_member (o, "data_as_of");
  record->rows = CLAMP (json_object_get_int_member_with_default (o, "rows", 0), 0, G_MAXUINT);
  record->rows_file = dup_member (o, "rows_file");
  if (record->rows_file && !plain_name (record->rows_file))
    g_clear_pointer (&record->rows_file, g_free);
  return g_steal_pointer (&record);
}

/* The file @file of source @id, checked against its checksum: a copy
 * changed or cut short on disk is an error, never data. */
GBytes *
uc_feed_cache_load (const char  *dir,
                    const char  *id,
                    const char  *file,
                    const char  *sha256,
                    GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (!plain_name (file))
    {
      /* Translators: %s is a source's id. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("source %s: no file named in its record"), id);
      return NULL;
    }
  path = g_build_filename (dir, id, file, NULL);
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  if (sha256 && g_strcmp0 (sum, sha256) != 0)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: changed on disk since it was written"), path);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* Writes @data as STEM.SHA.EXTENSION in source @id's folder (once: the
 * same bytes have the same name) and returns the name. */
char *
uc_feed_cache_store (const char  *dir,
                     const char  *id,
                     const char  *stem,
                     const char  *extension,
                     GBytes      *data,
                     char       **sha256,
                     GError     **error)
{
  g_autofree char *folder = g_build_filename (dir, id, NULL);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  g_autofree char *name = g_strdup_printf ("%s.%.16s.%s", *stem ? stem : "body", sum, extension);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  gsize length;
  const void *bytes = g_bytes_get_data (data, &length);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder, g_strerror (saved));
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) &&
      !uc_safe_file_set_contents (path, NULL, bytes ? bytes : "", length, error))
    return NULL;
  if (sha256)
    *sha256 = g_steal_pointer (&sum);
  return g_steal_pointer (&name);
}

static void
write_item (UcJsonWriter *w,
            UcFeedItem   *item)
{
  const char *keys[] = { "series", "url", "etag", "last_modified", "body", "sha256", "retrieved" };
  const char *values[] = { item->series, item->url, item->etag, item->last_modified, item->body, item->sha256,
                           item->retrieved };

  uc_json_begin_object (w);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    if (values[k])
      {
        uc_json_key (w, keys[k]);
        uc_json_string (w, values[k]);
      }
  uc_json_key (w, "rows");
  uc_json_int (w, item->rows);
  uc_json_end_object (w);
}

static char *
record_to_json (UcFeedRecord *record)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  const char *keys[] = { "message", "retrieved", "checked", "data_as_of", "rows_file" };
  const char *values[] = { record->message, record->retrieved, record->checked, record->data_as_of, record->rows_file };

  uc_json_begin_object (w);
  uc_json_key (w, "version");
  uc_json_int (w, 1);
  uc_json_key (w, "state");
  uc_json_string (w, uc_feed_state_to_string (record->state));
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    if (values[k])
      {
        uc_json_key (w, keys[k]);
        uc_json_string (w, values[k]);
      }
  uc_json_key (w, "rows");
  uc_json_int (w, record->rows);
  uc_json_key (w, "items");
  uc_json_begin_array (w);
  for (guint i = 0; i < record->items->len; i++)
    write_item (w, g_ptr_array_index (record->items, i));
  uc_json_end_array (w);
  uc_json_end_object (w);
  return uc_json_writer_steal (w);
}

/* Files of the folder no record names: what earlier records named. */
static void
prune (const char   *folder,
       UcFeedRecord *record)
{
  g_autoptr(GDir) d = g_dir_open (folder, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      gboolean named = g_str_equal (name, RECORD) || g_strcmp0 (name, record->rows_file) == 0;
      g_autofree char *path = NULL;

      for (guint i = 0; !named && i < record->items->len; i++)
        named = g_strcmp0 (name, ((UcFeedItem *) g_ptr_array_index (record->items, i))->body) == 0;
      if (named || !(g_str_has_suffix (name, ".body") || g_str_has_suffix (name, ".csv")))
        continue;
      path = g_build_filename (folder, name, NULL);
      g_unlink (path);
    }
}

/* Makes @record the current one of source @id (atomically), then
 * removes the files only older records named. */
gboolean
uc_feed_cache_commit (const char    *dir,
                      const char    *id,
                      UcFeedRecord  *record,
                      GError       **error)
{
  g_autofree char *folder = g_build_filename (dir, id, NULL);
  g_autofree char *path = g_build_filename (folder, RECORD, NULL);
  g_autofree char *json = record_to_json (record);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", folder, g_strerror (saved));
      return FALSE;
    }
  uc_safe_file_remove_stale (folder);
  if (!uc_safe_file_set_contents (path, NULL, json, strlen (json), error))
    return FALSE;
  prune (folder, record);
  return TRUE;
}

/* What @feed shows of @record: a copy from an earlier run is “cached”;
 * no record, “never fetched”. */
void
uc_feed_cache_apply (UcFeed       *feed,
                     UcFeedRecord *record)
{
  UcFeedState state = record == NULL ? UC_FEED_NEVER
                      : record->state == UC_FEED_FRESH ? UC_FEED_CACHED : record->state;

  if (record == NULL)
    {
      uc_feed_set_status (feed, state, NULL, NULL, NULL, NULL, 0);
      return;
    }
  uc_feed_set_status (feed, state, record->message, record->retrieved, record->checked, record->data_as_of,
                      record->rows);
}
