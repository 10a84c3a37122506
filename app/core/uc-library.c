/* uc-library.c: the datasets the user imported, kept across restarts
 *
 * Every change writes the copy first, the manifest last (both atomically),
 * so a crash leaves at worst a copy nobody names, never a name without its
 * copy; removing goes the other way. A manifest that cannot be read is
 * reported and left alone: only the next successful add replaces it.
 */
#include "config.h"

#include <glib/gi18n.h>

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
  GObject     parent_instance;

  char       *dir;
  GPtrArray  *entries;   /* of UcLibraryEntry */
  UcCatalog  *synced;    /* kept in step with the entries (see uc_library_sync_catalog()) */
  GHashTable *in_catalog; /* id → the UcLibraryEntry whose source @synced has */
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
  g_clear_object (&self->synced);
  g_clear_pointer (&self->in_catalog, g_hash_table_unref);
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
      /* Translators: %s is a file's name; “entries” is a word of the file, kept. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not a library manifest (no “entries” array)"),
                   path);
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
          /* Translators: %s is a library entry's id. */
          g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("id “%s” is listed twice"),
                       uc_library_entry_get_id (entry));
      if (entry == NULL || local)
        {
          /* Translators: a file's name, an entry's number in it, and what is wrong with the entry. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: entry %u: %s"), path, i + 1,
                       local ? local->message : _("not an object"));
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
    /* Translators: %s is a file's name. */
    g_set_error (&local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: too large for a library manifest"), path);
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
char *
uc_library_make_id (UcLibrary  *self,
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

/* An import's progress: the read takes the first part of the bar, the
 * hash and the copy the rest (on a large file they take as long). */
#define READ_SHARE 0.5

typedef struct
{
  UcCsvProgress progress;
  gpointer      data;
  double        scale;
} Scaled;

static void
scaled_progress (double   fraction,
                 gpointer user_data)
{
  Scaled *s = user_data;

  s->progress (fraction * s->scale, s->data);
}

/* Reads @path as the CSV reader would chart it: nothing is added that
 * cannot be read. With @roles, those not set are guessed from the table. */
static gboolean
validate (const char          *path,
          const UcCsvOptions  *options,
          UcCsvProgress        progress,
          gpointer             progress_data,
          GCancellable        *cancellable,
          UcLibraryRoles      *roles,
          GError             **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UcDataset) dataset = uc_csv_read_file (file, options, progress, progress_data, cancellable, NULL, error);

  if (dataset && roles && roles->time == NULL && roles->values == NULL)
    uc_library_roles_guess (roles, dataset);
  return dataset != NULL;
}

/* The SHA-256 and @size of @source, copied as @name into the library
 * folder unless @name is NULL: from one mapping, so that the copy is
 * what was hashed. In slices, so a large file reports @progress (from
 * @start to 1) and can be cancelled between them. */
static char *
hash_and_copy (UcLibrary     *self,
               const char    *source,
               const char    *name,
               guint64       *size,
               UcCsvProgress  progress,
               gpointer       progress_data,
               double         start,
               GCancellable  *cancellable,
               GError       **error)
{
  const gsize slice = 16 << 20;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (source, FALSE, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(UcSafeFile) copy = NULL;
  g_autofree char *target = name ? g_build_filename (self->dir, name, NULL) : NULL;
  const char *data;
  gsize length;

  if (mapped == NULL)
    return NULL;
  data = g_mapped_file_get_contents (mapped);
  length = g_mapped_file_get_length (mapped);
  if (target && (copy = uc_safe_file_new (target, NULL, error)) == NULL)
    return NULL;
  for (gsize done = 0; done < length; done += MIN (slice, length - done))
    {
      gsize n = MIN (slice, length - done);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          (copy && !uc_safe_file_write (copy, data + done, n, error)))
        return NULL;
      g_checksum_update (sum, (const guchar *) data + done, n);
      if (progress)
        progress (start + (1 - start) * (double) (done + n) / (double) length, progress_data);
    }
  if (copy && !uc_safe_file_commit (copy, error))
    return NULL;
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

/* An entry for @file under @id, not yet in the library: the file read
 * first (errors name file, line and column), then copied into the
 * library folder unless @mode is a reference. Roles not set in @roles
 * (or no @roles) are guessed from the table read. Touches no entry of
 * the library: it may run on a worker thread while the library is used,
 * and uc_library_commit() adds the entry (uc_library_discard() undoes
 * it instead). */
UcLibraryEntry *
uc_library_prepare (UcLibrary             *self,
                    GFile                 *file,
                    const char            *id,
                    UcLibraryMode          mode,
                    const char            *title,
                    const UcCsvOptions    *options,
                    const UcLibraryRoles  *roles,
                    UcCsvProgress          progress,
                    gpointer               progress_data,
                    GCancellable          *cancellable,
                    GError               **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *sha256 = NULL, *name = NULL, *base = NULL;
  UcLibraryRoles found = { 0 };
  UcLibraryEntry *entry;
  guint64 size = 0;
  Scaled scaled = { progress, progress_data, READ_SHARE };

  g_return_val_if_fail (UC_IS_LIBRARY (self) && G_IS_FILE (file) && id, NULL);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("only local files can be imported"));
      return NULL;
    }
  if (roles)
    uc_library_roles_copy (&found, roles);
  if (!validate (path, options, progress ? scaled_progress : NULL, &scaled, cancellable, &found, error))
    {
      uc_library_roles_clear (&found);
      return NULL;
    }
  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", self->dir, g_strerror (errno));
      uc_library_roles_clear (&found);
      return NULL;
    }
  name = g_strconcat (id, ".csv", NULL);
  base = g_path_get_basename (path);
  sha256 = hash_and_copy (self, path, mode == UC_LIBRARY_COPY ? name : NULL, &size, progress, progress_data,
                          READ_SHARE, cancellable, error);
  if (sha256 == NULL)
    {
      uc_library_roles_clear (&found);
      return NULL;
    }
  entry = uc_library_entry_new (id, title && *title ? title : base, mode, mode == UC_LIBRARY_COPY ? name : path,
                                path, size, sha256, options, self->dir);
  uc_library_entry_set_roles (entry, &found);
  uc_library_roles_clear (&found);
  return entry;
}

/* Forgets an entry uc_library_prepare() made and nobody will commit:
 * its copy goes. */
void
uc_library_discard (UcLibrary      *self,
                    UcLibraryEntry *entry)
{
  g_return_if_fail (UC_IS_LIBRARY (self) && UC_IS_LIBRARY_ENTRY (entry));
  if (uc_library_entry_get_mode (entry) == UC_LIBRARY_COPY && uc_library_find (self, uc_library_entry_get_id (entry)) != entry)
    g_unlink (uc_library_entry_get_path (entry));
}

/* Names @entry (from uc_library_prepare()) in the manifest and the list.
 * An id taken meanwhile (another import of a file of that name) fails:
 * prepare again under uc_library_make_id()'s next id. */
gboolean
uc_library_commit (UcLibrary       *self,
                   UcLibraryEntry  *entry,
                   GError         **error)
{
  g_return_val_if_fail (UC_IS_LIBRARY (self) && UC_IS_LIBRARY_ENTRY (entry), FALSE);
  if (uc_library_find (self, uc_library_entry_get_id (entry)))
    {
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("the library has an entry called “%s” already"),
                   uc_library_entry_get_id (entry));
      return FALSE;
    }
  return commit_entry (self, entry, error);
}

/* Imports @file at once (see uc_library_prepare()). Returns the new
 * entry (owned by the library). */
UcLibraryEntry *
uc_library_add (UcLibrary           *self,
                GFile               *file,
                UcLibraryMode        mode,
                const char          *title,
                const UcCsvOptions  *options,
                GError             **error)
{
  g_autofree char *path = NULL, *id = NULL;
  g_autoptr(UcLibraryEntry) entry = NULL;

  g_return_val_if_fail (UC_IS_LIBRARY (self) && G_IS_FILE (file), NULL);
  path = g_file_get_path (file);
  id = uc_library_make_id (self, path ? path : "data");
  entry = uc_library_prepare (self, file, id, mode, title, options, NULL, NULL, NULL, NULL, error);
  if (entry == NULL)
    return NULL;
  if (!uc_library_commit (self, entry, error))
    {
      uc_library_discard (self, entry);
      return NULL;
    }
  return entry;
}

/* Puts @entry in place of the entry of its id, manifest first. */
static gboolean
replace_entry (UcLibrary       *self,
               UcLibraryEntry  *entry,
               GError         **error)
{
  UcLibraryEntry *old = uc_library_find (self, uc_library_entry_get_id (entry));
  g_autoptr(GPtrArray) entries = NULL;
  guint position;

  if (old == NULL)
    {
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no library entry called “%s”"),
                   uc_library_entry_get_id (entry));
      return FALSE;
    }
  entries = copy_entries (self);
  g_ptr_array_find (self->entries, old, &position);
  g_object_unref (g_ptr_array_index (entries, position));
  g_ptr_array_index (entries, position) = g_object_ref (entry);
  if (!write_manifest (self, entries, error))
    return FALSE;
  g_object_unref (g_ptr_array_index (self->entries, position));
  g_ptr_array_index (self->entries, position) = g_object_ref (entry);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
  return TRUE;
}

/* Gives entry @id a new title; its file and id stay. */
UcLibraryEntry *
uc_library_rename (UcLibrary   *self,
                   const char  *id,
                   const char  *title,
                   GError     **error)
{
  UcLibraryEntry *old;
  g_autoptr(UcLibraryEntry) entry = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (title ? title : ""));

  g_return_val_if_fail (UC_IS_LIBRARY (self), NULL);
  if (*stripped == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("a title cannot be empty"));
      return NULL;
    }
  if ((old = uc_library_find (self, id)) == NULL)
    {
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no library entry called “%s”"), id);
      return NULL;
    }
  entry = uc_library_entry_copy (old);
  uc_library_entry_set_title (entry, stripped);
  return replace_entry (self, entry, error) ? entry : NULL;
}

/* Sets what entry @id's columns are for (see UcLibraryRoles). */
UcLibraryEntry *
uc_library_set_roles (UcLibrary             *self,
                      const char            *id,
                      const UcLibraryRoles  *roles,
                      GError               **error)
{
  UcLibraryEntry *old;
  g_autoptr(UcLibraryEntry) entry = NULL;

  g_return_val_if_fail (UC_IS_LIBRARY (self) && roles, NULL);
  if ((old = uc_library_find (self, id)) == NULL)
    {
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no library entry called “%s”"), id);
      return NULL;
    }
  entry = uc_library_entry_copy (old);
  uc_library_entry_set_roles (entry, roles);
  return replace_entry (self, entry, error) ? entry : NULL;
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
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no library entry called “%s”"), id);
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

/* Where a copy read again waits until it is committed: beside the copy,
 * never a name uc_library_make_id() gives (ids have no '.'). */
static char *
staged_path (UcLibrary      *self,
             UcLibraryEntry *entry)
{
  return g_strdup_printf ("%s/%s.new", self->dir, uc_library_entry_get_file (entry));
}

/* Entry @old's file read again, with the import's options (a reference
 * where it is, a copy from its original path): the new entry, not yet in
 * the library, its size, SHA-256 and import time the file's now. A copy
 * is written beside the old one, which stays in place until
 * uc_library_commit_reimport(). Touches no entry of the library: it may
 * run on a worker thread while the library is used (@old stays as it
 * is). Errors name the file, line and column; on error or cancel nothing
 * is left behind. */
UcLibraryEntry *
uc_library_prepare_reimport (UcLibrary       *self,
                             UcLibraryEntry  *old,
                             UcCsvProgress    progress,
                             gpointer         progress_data,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(UcLibraryEntry) entry = NULL;
  g_autofree char *sha256 = NULL, *staged = NULL, *staged_name = NULL;
  UcLibraryMode mode;
  UcCsvOptions options;
  const char *path;
  guint64 size = 0;
  Scaled scaled = { progress, progress_data, READ_SHARE };

  g_return_val_if_fail (UC_IS_LIBRARY (self) && UC_IS_LIBRARY_ENTRY (old), NULL);
  mode = uc_library_entry_get_mode (old);
  uc_library_entry_get_options (old, &options);
  path = mode == UC_LIBRARY_COPY ? uc_library_entry_get_original (old) : uc_library_entry_get_path (old);
  if (path == NULL)
    {
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("“%s” does not say where its file came from"),
                   uc_library_entry_get_id (old));
      return NULL;
    }
  if (!validate (path, &options, progress ? scaled_progress : NULL, &scaled, cancellable, NULL, error))
    return NULL;
  if (mode == UC_LIBRARY_COPY)
    {
      staged = staged_path (self, old);
      staged_name = g_path_get_basename (staged);
    }
  sha256 = hash_and_copy (self, path, staged_name, &size, progress, progress_data, READ_SHARE, cancellable, error);
  if (sha256 == NULL)
    return NULL;
  entry = uc_library_entry_new (uc_library_entry_get_id (old), uc_library_entry_get_title (old), mode,
                                uc_library_entry_get_file (old), uc_library_entry_get_original (old), size, sha256,
                                &options, self->dir);
  uc_library_entry_set_roles (entry, uc_library_entry_get_roles (old));
  uc_library_entry_set_origin (entry, uc_library_entry_get_origin_url (old), uc_library_entry_get_downloaded_at (old));
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      if (staged)
        g_unlink (staged);
      return NULL;
    }
  return g_steal_pointer (&entry);
}

/* Forgets an entry uc_library_prepare_reimport() made: the copy it
 * wrote goes. */
void
uc_library_discard_reimport (UcLibrary      *self,
                             UcLibraryEntry *entry)
{
  g_autofree char *staged = NULL;

  g_return_if_fail (UC_IS_LIBRARY (self) && UC_IS_LIBRARY_ENTRY (entry));
  if (uc_library_entry_get_mode (entry) != UC_LIBRARY_COPY)
    return;
  staged = staged_path (self, entry);
  g_unlink (staged);
}

/* Puts @entry (from uc_library_prepare_reimport()) in place of the entry
 * of its id: its copy first, the manifest last. A title or roles set
 * while the file was read are kept. The entry removed meanwhile fails,
 * and the copy read goes. */
gboolean
uc_library_commit_reimport (UcLibrary       *self,
                            UcLibraryEntry  *entry,
                            GError         **error)
{
  UcLibraryEntry *now;
  g_autofree char *staged = NULL;

  g_return_val_if_fail (UC_IS_LIBRARY (self) && UC_IS_LIBRARY_ENTRY (entry), FALSE);
  now = uc_library_find (self, uc_library_entry_get_id (entry));
  if (now == NULL)
    {
      uc_library_discard_reimport (self, entry);
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no library entry called “%s”"),
                   uc_library_entry_get_id (entry));
      return FALSE;
    }
  uc_library_entry_set_title (entry, uc_library_entry_get_title (now));
  uc_library_entry_set_roles (entry, uc_library_entry_get_roles (now));
  if (uc_library_entry_get_mode (entry) == UC_LIBRARY_COPY)
    {
      staged = staged_path (self, entry);
      /* Should the manifest not be written below, the copy is the new
       * file already, the manifest keeps the old size and SHA-256 (a copy
       * of another size then shows as changed): the data is never lost. */
      if (g_rename (staged, uc_library_entry_get_path (entry)) != 0)
        {
          int saved = errno;

          g_unlink (staged);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", uc_library_entry_get_path (entry),
                       g_strerror (saved));
          return FALSE;
        }
      uc_library_entry_stamp (entry);
    }
  return replace_entry (self, entry, error);
}

/* Reads entry @id's file again at once (see
 * uc_library_prepare_reimport()); on error the entry is left as it was.
 * Returns the new entry (owned by the library). */
UcLibraryEntry *
uc_library_reimport (UcLibrary   *self,
                     const char  *id,
                     GError     **error)
{
  UcLibraryEntry *old;
  g_autoptr(UcLibraryEntry) entry = NULL;

  g_return_val_if_fail (UC_IS_LIBRARY (self), NULL);
  if ((old = uc_library_find (self, id)) == NULL)
    {
      /* Translators: %s is a library entry's id. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no library entry called “%s”"), id);
      return NULL;
    }
  entry = uc_library_prepare_reimport (self, old, NULL, NULL, NULL, error);
  if (entry == NULL || !uc_library_commit_reimport (self, entry, error))
    return NULL;
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

/* @catalog gets a source for each entry whose file is there, in place of
 * an entry's older one when it changed (renamed, read again), and loses
 * the sources of entries removed or gone. */
static void
sync_catalog (UcLibrary *self)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->entries->len; i++)
    {
      UcLibraryEntry *entry = g_ptr_array_index (self->entries, i);
      const char *id = uc_library_entry_get_id (entry);
      UcSource *other = uc_catalog_find (self->synced, id);

      if (uc_library_entry_get_state (entry) == UC_LIBRARY_MISSING ||
          (other && !g_hash_table_contains (self->in_catalog, id)))
        continue;
      g_hash_table_add (keep, (gpointer) id);
      if (g_hash_table_lookup (self->in_catalog, id) != entry)
        {
          g_autoptr(UcSource) source = uc_library_entry_create_source (entry);

          g_hash_table_replace (self->in_catalog, g_strdup (id), entry);
          uc_catalog_add (self->synced, source);
        }
    }
  g_hash_table_iter_init (&iter, self->in_catalog);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (keep, key))
      {
        uc_catalog_remove (self->synced, key);
        g_hash_table_iter_remove (&iter);
      }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  sync_catalog (UC_LIBRARY (model));
}

/* Keeps @catalog in step with the library from now on: a source for each
 * entry whose file is there (an id the catalog has of its own, a built-in
 * dataset, stays the catalog's). */
void
uc_library_sync_catalog (UcLibrary *self,
                         UcCatalog *catalog)
{
  g_return_if_fail (UC_IS_LIBRARY (self) && UC_IS_CATALOG (catalog) && self->synced == NULL);
  self->synced = g_object_ref (catalog);
  self->in_catalog = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sync_catalog (self);
  g_signal_connect (self, "items-changed", G_CALLBACK (on_items_changed), NULL);
}

/* The user's library, read once (a manifest that cannot be read leaves
 * it empty, with a message), kept in step with the default catalog. */
UcLibrary *
uc_library_get_default (void)
{
  static UcLibrary *library;

  if (g_once_init_enter (&library))
    {
      UcLibrary *made = uc_library_new (NULL);
      g_autoptr(GError) error = NULL;

      if (!uc_library_load (made, &error))
        g_message ("%s", error->message);
      uc_library_sync_catalog (made, uc_catalog_get_default ());
      g_once_init_leave (&library, made);
    }
  return library;
}
