/* uc-feed-mirror.c: every source's last good copy, as files a web server serves */
#include "config.h"

#include "uc-feed-mirror.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-feed-cache.h"
#include "uc-feed-merge.h"
#include "uc-json-writer.h"
#include "uc-safe-file.h"

static const char *
extension_of (GBytes *body)
{
  gsize length;
  const char *data = g_bytes_get_data (body, &length);
  gsize i = 0;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  return i < length && (data[i] == '{' || data[i] == '[') ? "json" : "csv";
}

static gboolean
write_file (const char    *out_dir,
            const char    *folder,
            const char    *name,
            GBytes        *data,
            UcJsonWriter  *manifest,
            const char    *source,
            const char    *retrieved,
            const char    *data_as_of,
            GError       **error)
{
  g_autofree char *dir = g_build_filename (out_dir, folder, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *relative = g_build_filename (folder, name, NULL);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  gsize length;
  const char *bytes = g_bytes_get_data (data, &length);

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  if (!uc_safe_file_set_contents (path, NULL, bytes ? bytes : "", length, error))
    return FALSE;
  uc_json_begin_object (manifest);
  uc_json_key (manifest, "path");
  uc_json_string (manifest, relative);
  uc_json_key (manifest, "source");
  uc_json_string (manifest, source);
  uc_json_key (manifest, "retrieved");
  uc_json_string (manifest, retrieved ? retrieved : "");
  uc_json_key (manifest, "data_as_of");
  uc_json_string (manifest, data_as_of ? data_as_of : "");
  uc_json_key (manifest, "bytes");
  uc_json_int (manifest, length);
  uc_json_key (manifest, "sha256");
  uc_json_string (manifest, sum);
  uc_json_end_object (manifest);
  return TRUE;
}

static gboolean
write_feed (UcFeed        *feed,
            const char    *cache_dir,
            const char    *out_dir,
            UcJsonWriter  *manifest,
            guint         *n_files,
            GError       **error)
{
  const char *id = uc_feed_get_id (feed);
  g_autoptr(UcFeedRecord) record = uc_feed_cache_read (cache_dir, id, error);

  if (record == NULL)
    return error == NULL || *error == NULL;
  for (guint i = 0; i < record->items->len; i++)
    {
      UcFeedItem *item = g_ptr_array_index (record->items, i);
      g_autoptr(GBytes) body = uc_feed_cache_load (cache_dir, id, item->body, item->sha256, error);
      g_autofree char *name = NULL;

      if (body == NULL)
        return FALSE;
      name = g_strdup_printf ("%s.%s", *item->series ? item->series : "data", extension_of (body));
      if (!write_file (out_dir, id, name, body, manifest, id, item->retrieved, record->data_as_of, error))
        return FALSE;
      (*n_files)++;
    }
  return TRUE;
}

static gboolean
write_datasets (const char    *cache_dir,
                const char    *out_dir,
                UcJsonWriter  *manifest,
                guint         *n_files,
                GError       **error)
{
  g_autofree char *dir = uc_feed_merge_dir (cache_dir);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *data = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_str_has_suffix (name, ".csv") && !g_str_has_suffix (name, ".json"))
        continue;
      if (!g_file_get_contents (path, &data, &length, error))
        return FALSE;
      bytes = g_bytes_new_take (g_steal_pointer (&data), length);
      if (!write_file (out_dir, "datasets", name, bytes, manifest, "undercut", NULL, NULL, error))
        return FALSE;
      (*n_files)++;
    }
  return TRUE;
}

/* Writes the mirror into @out_dir; manifest.json last, so a mirror is
 * complete whenever its manifest names a file. */
gboolean
uc_feed_mirror_write (UcFeedList  *feeds,
                      const char  *cache_dir,
                      const char  *out_dir,
                      guint       *n_files,
                      GError     **error)
{
  g_autoptr(UcJsonWriter) manifest = uc_json_writer_new (TRUE);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *generated = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *json = NULL;
  g_autofree char *path = g_build_filename (out_dir, "manifest.json", NULL);
  guint count = 0;

  uc_json_begin_object (manifest);
  uc_json_key (manifest, "version");
  uc_json_int (manifest, 1);
  uc_json_key (manifest, "generated");
  uc_json_string (manifest, generated);
  uc_json_key (manifest, "files");
  uc_json_begin_array (manifest);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);

      if (!write_feed (feed, cache_dir, out_dir, manifest, &count, error))
        return FALSE;
    }
  if (!write_datasets (cache_dir, out_dir, manifest, &count, error))
    return FALSE;
  uc_json_end_array (manifest);
  uc_json_end_object (manifest);
  json = uc_json_writer_steal (manifest);
  if (!uc_safe_file_set_contents (path, NULL, json, strlen (json), error))
    return FALSE;
  if (n_files)
    *n_files = count;
  return TRUE;
}
