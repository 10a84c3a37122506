/* uc-library.c: the datasets the user imported, kept across restarts
 *
 * Every change writes the copy first, the manifest last (both atomically),
 * so a crash leaves at worst a copy nobody names, never a name without its
 * copy; removing goes the other way. A manifest that cannot be read is
 * reported and left alone: only the next successful add replaces it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-json-load.h"
#include "uc-json-writer.h"
#include "uc-library.h"
#include "uc-safe-file.h"

#define MANIFEST "library.json"
#define MAX_MANIFEST (16u << 20)

struct _UcLibrary
{
  GObject    parent_instance;

  char      *dir;
  GPtrArray *entries;   /* of UcLibraryEntry */
};

static void uc_library_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UcLibrary, uc_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, uc_library_list_model_init))

static GType
uc_library_get_item_type (GListModel *model)
{
  return UC_TYPE_LIBRARY_ENTRY;
}

static guint
uc_library_get_n_items (GListModel *model)
{
  return UC_LIBRARY (model)->entries->len;
}

static gpointer
uc_library_get_item (GListModel *model,
                     guint       position)
{
  UcLibrary *self = UC_LIBRARY (model);

  return position < self->entries->len ? g_object_ref (g_ptr_array_index (self->entries, position)) : NULL;
}

static void
uc_library_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = uc_library_get_item_type;
  iface->get_n_items = uc_library_get_n_items;
  iface->get_item = uc_library_get_item;
}

static void
uc_library_finalize (GObject *object)
{
  UcLibrary *self = UC_LIBRARY (object);

  g_free (self->dir);
  g_ptr_array_unref (self->entries);
  G_OBJECT_CLASS (uc_library_parent_class)->finalize (object);
}

static void
uc_library_class_init (UcLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_library_finalize;
}

static void
uc_library_init (UcLibrary *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
}

/* The same rule as the refreshed datasets' and the feeds' folders. */
char *
uc_library_default_dir (void)
{
  return uc_catalog_data_dir ("library");
}

/* An empty library kept in @dir (NULL: uc_library_default_dir()); call
 * uc_library_load() to read what it holds. */
UcLibrary *
uc_library_new (const char *dir)
{
  UcLibrary *self = g_object_new (UC_TYPE_LIBRARY, NULL);

  self->dir = dir ? g_strdup (dir) : uc_library_default_dir ();
  return self;
}

const char *
uc_library_get_dir (UcLibrary *self)
{
  g_return_val_if_fail (UC_IS_LIBRARY (self), NULL);
  return self->dir;
}

static void
replace_entries (UcLibrary *self,
                 GPtrArray *entries)
{
  guint removed = self->entries->len;

  g_ptr_array_unref (self->entries);
  self->entries = g_ptr_array_ref (entries);
  if (removed || entries->len)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, entries->len);
}

static gboolean
parse_entries (JsonNode    *root,
               const char  *dir,
               const char  *path,
               GPtrArray   *entries,
               GError     **error)
{
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *list = o ? json_object_get_member (o, "entries") : NULL;
  JsonArray *array = list && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;

  if (array == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a library manifest (no “entries” array)", path);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GError) local = NULL;
      UcLibraryEntry *entry = JSON_NODE_HOLDS_OBJECT (node)
                              ? uc_library_entry_new_from_json (json_node_get_object (node), dir, &local) : NULL;

      for (guint j = 0; entry && j < entries->len && local == NULL; j++)
        if (strcmp (uc_library_entry_get_id (g_ptr_array_index (entries, j)), uc_library_entry_get_id (entry)) == 0)
          g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "id “%s” is listed twice",
                       uc_library_entry_get_id (entry));
      if (entry == NULL || local)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: entry %u: %s", path, i + 1,
                       local ? local->message : "not an object");
          g_clear_object (&entry);
          return FALSE;
        }
      g_ptr_array_add (entries, entry);
    }
  return TRUE;
}

/* Reads the manifest (none yet is an empty library). On error the
 * library is empty and the error names the manifest. */
gboolean
uc_library_load (UcLibrary  *self,
                 GError    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  gsize length = 0;

  g_return_val_if_fail (UC_IS_LIBRARY (self), FALSE);
  path = g_build_filename (self->dir, MANIFEST, NULL);
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      gboolean absent = g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT);

      replace_entries (self, entries);
      if (!absent)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", local->message);
      return absent;
    }
  if (length > MAX_MANIFEST)
    g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: too large for a library manifest", path);
  else if (uc_json_load_data (parser, data, length, path, &local))
    parse_entries (json_parser_get_root (parser), self->dir, path, entries, &local);
  if (local)
    {
      g_ptr_array_set_size (entries, 0);
      replace_entries (self, entries);
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  replace_entries (self, entries);
  return TRUE;
}

UcLibraryEntry *
uc_library_find (UcLibrary  *self,
                 const char *id)
{
  g_return_val_if_fail (UC_IS_LIBRARY (self), NULL);
  for (guint i = 0; i < self->entries->len; i++)
    if (g_strcmp0 (uc_library_entry_get_id (g_ptr_array_index (self->entries, i)), id) == 0)
      return g_ptr_array_index (self->entries, i);
  return NULL;
}

static gboolean
write_manifest (UcLibrary  *self,
                GPtrArray  *entries,
                GError    **error)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autofree char *path = g_build_filename (self->dir, MANIFEST, NULL);
  g_autofree char *text = NULL;

  uc_json_begin_object (w);
  uc_json_key (w, "version");
  uc_json_int (w, 1);
  uc_json_key (w, "entries");
  uc_json_begin_array (w);
  for (guint i = 0; i < entries->len; i++)
    uc_library_entry_write_json (g_ptr_array_index (entries, i), w);
  uc_json_end_array (w);
  uc_json_end_object (w);
  text = uc_json_writer_steal (w);
  return uc_safe_file_set_contents (path, NULL, text, strlen (text), error);
}

/* An id from the file's name: lower case letters, digits, '-' and '_'
 * (at most 64, not starting or ending with '-'), not one a built-in
 * dataset or another entry has (suffixed -2, -3…). */
static char *
make_id (UcLibrary  *self,
         const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');
  g_autofree char *stem = NULL;
  char *start, *id;
  gsize length;

  if (dot && dot != base)
    *dot = '\0';
  stem = g_ascii_strdown (base, -1);
  g_strcanon (stem, "abcdefghijklmnopqrstuvwxyz0123456789-_", '-');
  for (start = stem; *start == '-'; start++)
    ;
  length = MIN (strlen (start), 64);
  while (length > 0 && start[length - 1] == '-')
    length--;
  start[length] = '\0';
  if (length == 0)
    start = "data";
  id = g_strdup (start);
  for (guint n = 2; uc_library_find (self, id) || uc_catalog_find (uc_catalog_get_default (), id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", start, n);
    }
  return id;
}

/* Reads @path as the CSV reader would chart it: nothing is added that
 * cannot be read. */
static gboolean
validate (const char          *path,
          const UcCsvOptions  *options,
          GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UcDataset) dataset = uc_csv_read_file (file, options, NULL, NULL, NULL, NULL, error);

  return dataset != NULL;
}

/* The SHA-256 and @size of @source, copied as @name into the library
 * folder unless @name is NULL: from one mapping, so that the copy is
 * what was hashed. */
static char *
hash_and_copy (UcLibrary   *self,
               const char  *source,
               const char  *name,
               guint64     *size,
               GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (source, FALSE, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *target = name ? g_build_filename (self->dir, name, NULL) : NULL;
  const char *data;
  gsize length;

  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (target && !uc_safe_file_set_contents (target, NULL, data ? data : "", length, error))
    return NULL;
  g_checksum_update (sum, (const guchar *) data, length);
  *size = length;
  return g_strdup (g_checksum_get_string (sum));
}

/* A copy of the entries, to write before the change is made. */
static GPtrArray *
copy_entries (UcLibrary *self)
{
  GPtrArray *entries = g_ptr_array_new_full (self->entries->len + 1, g_object_unref);

  for (guint i = 0; i < self->entries->len; i++)
    g_ptr_array_add (entries, g_object_ref (g_ptr_array_index (self->entries, i)));
  return entries;
}

static gboolean
commit_entry (UcLibrary       *self,
              UcLibraryEntry  *entry,
              GError         **error)
{
  g_autoptr(GPtrArray) entries = copy_entries (self);

  g_ptr_array_add (entries, g_object_ref (entry));
  if (!write_manifest (self, entries, error))
    return FALSE;
  g_ptr_array_add (self->entries, g_object_ref (entry));
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);
  return TRUE;
}

/* Imports @file: read first (errors name file, line and column; nothing
 * is touched then), copied into the library folder unless @mode is a
 * reference, then named in the manifest. Returns the new entry (owned by
 * the library). */
UcLibraryEntry *
uc_library_add (UcLibrary           *self,
                GFile               *file,
                UcLibraryMode        mode,
                const char          *title,
                const UcCsvOptions  *options,
                GError             **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *id = NULL, *sha256 = NULL, *name = NULL, *base = NULL;
  g_autoptr(UcLibraryEntry) entry = NULL;
  guint64 size = 0;

  g_return_val_if_fail (UC_IS_LIBRARY (self) && G_IS_FILE (file), NULL);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "only local files can be imported");
      return NULL;
    }
  if (!validate (path, options, error))
    return NULL;
  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", self->dir, g_strerror (errno));
      return NULL;
    }
  id = make_id (self, path);
  name = g_strconcat (id, ".csv", NULL);
  base = g_path_get_basename (path);
  if ((sha256 = hash_and_copy (self, path, mode == UC_LIBRARY_COPY ? name : NULL, &size, error)) == NULL)
    return NULL;
  entry = uc_library_entry_new (id, title && *title ? title : base, mode, mode == UC_LIBRARY_COPY ? name : path,
                                path, size, sha256, options, self->dir);
  if (!commit_entry (self, entry, error))
    {
      if (mode == UC_LIBRARY_COPY)
        g_unlink (uc_library_entry_get_path (entry));
      return NULL;
    }
  return entry;
}

/* Forgets entry @id: the manifest first, then its copy (a crash between
 * leaves a copy nobody names, not a name without its copy). */
gboolean
uc_library_remove (UcLibrary   *self,
                   const char  *id,
                   GError     **error)
{
  UcLibraryEntry *entry;
  guint position;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(UcLibraryEntry) removed = NULL;

  g_return_val_if_fail (UC_IS_LIBRARY (self), FALSE);
  entry = uc_library_find (self, id);
  if (entry == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no library entry called “%s”", id);
      return FALSE;
    }
  removed = g_object_ref (entry);
  entries = copy_entries (self);
  g_ptr_array_find (entries, entry, &position);
  g_ptr_array_remove_index (entries, position);
  if (!write_manifest (self, entries, error))
    return FALSE;
  g_ptr_array_remove_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  if (uc_library_entry_get_mode (removed) == UC_LIBRARY_COPY && g_unlink (uc_library_entry_get_path (removed)) != 0 &&
      errno != ENOENT)
    g_message ("%s: %s", uc_library_entry_get_path (removed), g_strerror (errno));
  return TRUE;
}

/* Reads entry @id's file again, with the import's options: a reference
 * where it is, a copy from its original path (copied again). Its size,
 * SHA-256 and import time become the file's now; on error the entry is
 * left as it was. */
UcLibraryEntry *
uc_library_reimport (UcLibrary   *self,
                     const char  *id,
                     GError     **error)
{
  UcLibraryEntry *old;
  g_autoptr(UcLibraryEntry) entry = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *sha256 = NULL;
  UcCsvOptions options;
  const char *path;
  guint64 size = 0;
  guint position;

  g_return_val_if_fail (UC_IS_LIBRARY (self), NULL);
  if ((old = uc_library_find (self, id)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no library entry called “%s”", id);
      return NULL;
    }
  uc_library_entry_get_options (old, &options);
  path = uc_library_entry_get_mode (old) == UC_LIBRARY_COPY ? uc_library_entry_get_original (old)
                                                            : uc_library_entry_get_path (old);
  if (path == NULL || !validate (path, &options, error))
    return NULL;
  /* Should the manifest not be written below, the copy is the new file
   * already, the manifest keeps the old size and SHA-256 (a copy of
   * another size then shows as changed): the data is never lost. */
  sha256 = hash_and_copy (self, path, uc_library_entry_get_mode (old) == UC_LIBRARY_COPY ? uc_library_entry_get_file (old)
                                                                                          : NULL, &size, error);
  if (sha256 == NULL)
    return NULL;
  entry = uc_library_entry_new (id, uc_library_entry_get_title (old), uc_library_entry_get_mode (old),
                                uc_library_entry_get_file (old), uc_library_entry_get_original (old), size, sha256,
                                &options, self->dir);
  entries = copy_entries (self);
  g_ptr_array_find (self->entries, old, &position);
  g_ptr_array_index (entries, position) = g_object_ref (entry);
  g_object_unref (old);
  if (!write_manifest (self, entries, error))
    return NULL;
  g_ptr_array_index (self->entries, position) = g_object_ref (entry);
  g_object_unref (old);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return entry;
}

/* Adds a source for each entry to @catalog, but for entries whose file is
 * gone and ids @catalog already has (a built-in dataset of a newer
 * version, or an entry added before). Returns how many were added. */
guint
uc_library_fill_catalog (UcLibrary *self,
                         UcCatalog *catalog)
{
  guint added = 0;

  g_return_val_if_fail (UC_IS_LIBRARY (self) && UC_IS_CATALOG (catalog), 0);
  for (guint i = 0; i < self->entries->len; i++)
    {
      UcLibraryEntry *entry = g_ptr_array_index (self->entries, i);
      g_autoptr(UcSource) source = NULL;

      if (uc_library_entry_get_state (entry) == UC_LIBRARY_MISSING ||
          uc_catalog_find (catalog, uc_library_entry_get_id (entry)) != NULL)
        continue;
      source = uc_library_entry_create_source (entry);
      uc_catalog_add (catalog, source);
      added++;
    }
  return added;
}
