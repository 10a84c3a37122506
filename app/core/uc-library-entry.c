/* uc-library-entry.c: one dataset of the user's library
 *
 * The manifest names a copy by its file name in the library folder (the
 * folder can move with the user's data) and a reference by its absolute
 * path. A reference is hashed again when checked: a file rewritten in
 * place with the same size is still seen as changed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "uc-file-source.h"
#include "uc-library-entry.h"

struct _UcLibraryEntry
{
  GObject         parent_instance;

  char           *id;
  char           *title;
  UcLibraryMode   mode;
  char           *file;       /* the copy's name, or the reference's path */
  char           *path;       /* absolute: where the data is read */
  char           *original;
  guint64         size;
  char           *sha256;
  char           *imported_at;
  char           *origin_url;  /* the address a downloaded file came from, without credentials */
  char           *downloaded_at;
  gint64          mtime;      /* of the file when hashed, ns; 0: unknown */
  guint64         inode;      /* of the file when hashed (a file replaced by rename is another) */
  char            delimiter;
  char            decimal;
  char            thousands;
  guint           header_row;
  char           *encoding;
  char           *date_format;
  UcLibraryRoles  roles;
  UcLibraryState  state;
};

G_DEFINE_FINAL_TYPE (UcLibraryEntry, uc_library_entry, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
uc_library_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UcLibraryEntry *self = UC_LIBRARY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_library_entry_finalize (GObject *object)
{
  UcLibraryEntry *self = UC_LIBRARY_ENTRY (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->file);
  g_free (self->path);
  g_free (self->original);
  g_free (self->sha256);
  g_free (self->imported_at);
  g_free (self->origin_url);
  g_free (self->downloaded_at);
  g_free (self->encoding);
  g_free (self->date_format);
  uc_library_roles_clear (&self->roles);
  G_OBJECT_CLASS (uc_library_entry_parent_class)->finalize (object);
}

static void
uc_library_entry_class_init (UcLibraryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = uc_library_entry_get_property;
  object_class->finalize = uc_library_entry_finalize;
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, UC_LIBRARY_OK, UC_LIBRARY_CHANGED, UC_LIBRARY_OK,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_library_entry_init (UcLibraryEntry *self)
{
}

const char *
uc_library_mode_to_string (UcLibraryMode mode)
{
  return mode == UC_LIBRARY_REFERENCE ? "reference" : "copy";
}

const char *
uc_library_state_to_string (UcLibraryState state)
{
  static const char *names[] = { "ok", "missing", "changed" };

  return state <= UC_LIBRARY_CHANGED ? names[state] : "unknown";
}

/* The SHA-256 of the file at @path, in hex, and its @size. */
char *
uc_library_hash_file (const char  *path,
                      guint64     *size,
                      GError     **error)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, error);
  g_autoptr(GChecksum) sum = NULL;

  if (mapped == NULL)
    return NULL;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (sum, (const guchar *) g_mapped_file_get_contents (mapped), g_mapped_file_get_length (mapped));
  *size = g_mapped_file_get_length (mapped);
  return g_strdup (g_checksum_get_string (sum));
}

static void
set_path (UcLibraryEntry *self,
          const char     *dir)
{
  g_free (self->path);
  self->path = self->mode == UC_LIBRARY_COPY ? g_build_filename (dir, self->file, NULL) : g_strdup (self->file);
}

static void
set_options (UcLibraryEntry     *self,
             const UcCsvOptions *options)
{
  if (options == NULL)
    return;
  self->delimiter = options->delimiter;
  self->decimal = options->decimal;
  self->thousands = options->thousands;
  self->header_row = options->header_row;
  self->encoding = g_strdup (options->encoding);
  self->date_format = g_strdup (options->date_format);
}

static gint64
stat_mtime (const struct stat *st)
{
  return (gint64) st->st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st->st_mtim.tv_nsec;
}

static void
stamp_file (UcLibraryEntry *self)
{
  struct stat st;

  if (stat (self->path, &st) == 0)
    {
      self->mtime = stat_mtime (&st);
      self->inode = (guint64) st.st_ino;
    }
}

/* A new entry, imported now; its state is not checked (it was just read). */
UcLibraryEntry *
uc_library_entry_new (const char         *id,
                      const char         *title,
                      UcLibraryMode       mode,
                      const char         *file,
                      const char         *original,
                      guint64             size,
                      const char         *sha256,
                      const UcCsvOptions *options,
                      const char         *dir)
{
  UcLibraryEntry *self = g_object_new (UC_TYPE_LIBRARY_ENTRY, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->mode = mode;
  self->file = g_strdup (file);
  self->original = g_strdup (original);
  self->size = size;
  self->sha256 = g_strdup (sha256);
  self->imported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  set_options (self, options);
  set_path (self, dir);
  stamp_file (self);
  return self;
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

static char
member_char (JsonObject *o,
             const char *name)
{
  const char *s = member_string (o, name);

  return s && strlen (s) == 1 ? s[0] : 0;
}

static gint64
member_int (JsonObject *o,
            const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64
         ? json_node_get_int (node) : -1;
}

/* A file name the manifest names as a copy must stay in the folder. */
static gboolean
valid_file (UcLibraryMode  mode,
            const char    *file)
{
  if (file == NULL || *file == '\0')
    return FALSE;
  if (mode == UC_LIBRARY_REFERENCE)
    return g_path_is_absolute (file);
  return strchr (file, '/') == NULL && strcmp (file, ".") != 0 && strcmp (file, "..") != 0;
}

static void
read_options (UcLibraryEntry *self,
              JsonObject     *o)
{
  JsonNode *node = json_object_get_member (o, "options");
  JsonObject *options = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  if (options == NULL)
    return;
  self->delimiter = member_char (options, "delimiter");
  self->decimal = member_char (options, "decimal");
  /* An unknown word (a later version's) is detection, as if not there. */
  if (!uc_csv_thousands_from_string (member_string (options, "thousands"), &self->thousands))
    self->thousands = 0;
  self->header_row = (guint) CLAMP (member_int (options, "header_row"), 0, G_MAXINT);
  self->encoding = g_strdup (member_string (options, "encoding"));
  self->date_format = g_strdup (member_string (options, "date_format"));
}

static char *
dup_member_string (JsonObject *o,
                   const char *name)
{
  const char *s = member_string (o, name);

  return s && *s ? g_strdup (s) : NULL;
}

/* What the manifest says each column is for; a manifest of an earlier
 * version has none, and the entry is charted by guessing (see
 * uc_library_roles_guess()). */
static void
read_roles (UcLibraryEntry *self,
            JsonObject     *o)
{
  JsonNode *node = json_object_get_member (o, "roles");
  JsonObject *roles = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *values = roles ? json_object_get_member (roles, "values") : NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *format;

  if (roles == NULL)
    return;
  self->roles.time = dup_member_string (roles, "time");
  self->roles.group = dup_member_string (roles, "group");
  self->roles.label = dup_member_string (roles, "label");
  format = member_string (roles, "value_format");
  if (format == NULL || !uc_value_format_from_string (format, &self->roles.format))
    self->roles.format = UC_VALUE_NUMBER;
  if (values && JSON_NODE_HOLDS_ARRAY (values))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (values)); i++)
      {
        JsonNode *v = json_array_get_element (json_node_get_array (values), i);

        if (JSON_NODE_HOLDS_VALUE (v) && json_node_get_value_type (v) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_node_get_string (v));
      }
  self->roles.values = g_strv_builder_end (builder);
}

/* An entry as the manifest in @dir lists it; its state is checked. */
UcLibraryEntry *
uc_library_entry_new_from_json (JsonObject  *o,
                                const char  *dir,
                                GError     **error)
{
  g_autoptr(UcLibraryEntry) self = g_object_new (UC_TYPE_LIBRARY_ENTRY, NULL);
  const char *mode = member_string (o, "mode");

  self->id = g_strdup (member_string (o, "id"));
  self->mode = g_strcmp0 (mode, "reference") == 0 ? UC_LIBRARY_REFERENCE : UC_LIBRARY_COPY;
  self->file = g_strdup (member_string (o, "file"));
  if (self->id == NULL || !valid_file (self->mode, self->file) ||
      (g_strcmp0 (mode, "copy") != 0 && g_strcmp0 (mode, "reference") != 0))
    {
      if (self->id)
        /* Translators: %s is a library entry's id. */
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("an entry %s lacks an id, a mode or a valid file"),
                     self->id);
      else
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                             _("an entry lacks an id, a mode or a valid file"));
      return NULL;
    }
  self->title = g_strdup (member_string (o, "title") ? member_string (o, "title") : self->id);
  self->original = g_strdup (member_string (o, "original"));
  self->size = (guint64) MAX (member_int (o, "size"), 0);
  self->sha256 = g_strdup (member_string (o, "sha256"));
  self->imported_at = g_strdup (member_string (o, "imported_at"));
  /* Cleaned again: a manifest edited by hand may carry a password. */
  self->origin_url = uc_library_clean_url (member_string (o, "origin_url"));
  self->downloaded_at = self->origin_url ? g_strdup (member_string (o, "downloaded_at")) : NULL;
  self->mtime = MAX (member_int (o, "mtime"), 0);
  self->inode = (guint64) MAX (member_int (o, "inode"), 0);
  read_options (self, o);
  read_roles (self, o);
  set_path (self, dir);
  uc_library_entry_check (self);
  return g_steal_pointer (&self);
}

static void
write_member (UcJsonWriter *w,
              const char   *key,
              const char   *value)
{
  uc_json_key (w, key);
  if (value)
    uc_json_string (w, value);
  else
    uc_json_null (w);
}

static void
write_options (UcLibraryEntry *self,
               UcJsonWriter   *w)
{
  char delimiter[2] = { self->delimiter, 0 }, decimal[2] = { self->decimal, 0 };

  uc_json_key (w, "options");
  uc_json_begin_object (w);
  if (self->delimiter)
    write_member (w, "delimiter", delimiter);
  if (self->decimal)
    write_member (w, "decimal", decimal);
  if (self->thousands)
    write_member (w, "thousands", uc_csv_thousands_to_string (self->thousands));
  if (self->header_row)
    {
      uc_json_key (w, "header_row");
      uc_json_int (w, self->header_row);
    }
  if (self->encoding)
    write_member (w, "encoding", self->encoding);
  if (self->date_format)
    write_member (w, "date_format", self->date_format);
  uc_json_end_object (w);
}

static void
write_roles (UcLibraryEntry *self,
             UcJsonWriter   *w)
{
  if (self->roles.time == NULL && self->roles.values == NULL)
    return;
  uc_json_key (w, "roles");
  uc_json_begin_object (w);
  if (self->roles.time)
    write_member (w, "time", self->roles.time);
  uc_json_key (w, "values");
  uc_json_begin_array (w);
  for (guint i = 0; self->roles.values && self->roles.values[i]; i++)
    uc_json_string (w, self->roles.values[i]);
  uc_json_end_array (w);
  if (self->roles.group)
    write_member (w, "group", self->roles.group);
  if (self->roles.label)
    write_member (w, "label", self->roles.label);
  write_member (w, "value_format", uc_value_format_to_string (self->roles.format));
  uc_json_end_object (w);
}

/* The entry as the manifest keeps it (the state is not kept: it is
 * checked on every load). */
void
uc_library_entry_write_json (UcLibraryEntry *self,
                             UcJsonWriter   *w)
{
  g_return_if_fail (UC_IS_LIBRARY_ENTRY (self));
  uc_json_begin_object (w);
  write_member (w, "id", self->id);
  write_member (w, "title", self->title);
  write_member (w, "mode", uc_library_mode_to_string (self->mode));
  write_member (w, "file", self->file);
  write_member (w, "original", self->original);
  uc_json_key (w, "size");
  uc_json_int (w, (gint64) self->size);
  write_member (w, "sha256", self->sha256);
  write_member (w, "imported_at", self->imported_at);
  if (self->origin_url)
    {
      write_member (w, "origin_url", self->origin_url);
      write_member (w, "downloaded_at", self->downloaded_at);
    }
  if (self->mtime)
    {
      uc_json_key (w, "mtime");
      uc_json_int (w, self->mtime);
      uc_json_key (w, "inode");
      uc_json_int (w, (gint64) self->inode);
    }
  write_options (self, w);
  write_roles (self, w);
  uc_json_end_object (w);
}

/* Looks at the file again: gone, changed (a reference whose size or
 * SHA-256 differ from the import's), or as imported. */
UcLibraryState
uc_library_entry_check (UcLibraryEntry *self)
{
  UcLibraryState state = UC_LIBRARY_OK;
  g_autofree char *sha256 = NULL;
  struct stat st;
  guint64 size = 0;

  g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self), UC_LIBRARY_MISSING);
  if (stat (self->path, &st) != 0 || !S_ISREG (st.st_mode))
    state = UC_LIBRARY_MISSING;
  else if ((guint64) st.st_size != self->size)
    state = UC_LIBRARY_CHANGED;
  /* Hashed again only when its time changed: a library of large
   * references is checked at every start without reading them. */
  else if (self->mode == UC_LIBRARY_REFERENCE &&
           (self->mtime == 0 || stat_mtime (&st) != self->mtime || (guint64) st.st_ino != self->inode))
    {
      sha256 = uc_library_hash_file (self->path, &size, NULL);
      if (sha256 == NULL)
        state = UC_LIBRARY_MISSING;
      else if (g_strcmp0 (sha256, self->sha256) != 0)
        state = UC_LIBRARY_CHANGED;
    }
  if (state != self->state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  return state;
}

void
uc_library_entry_get_options (UcLibraryEntry *self,
                              UcCsvOptions   *options)
{
  g_return_if_fail (UC_IS_LIBRARY_ENTRY (self));
  uc_csv_options_init (options);
  options->delimiter = self->delimiter;
  options->decimal = self->decimal;
  options->thousands = self->thousands;
  options->header_row = self->header_row;
  options->encoding = self->encoding;
  options->date_format = self->date_format;
}

/* A source that reads the entry's file with the import's options, under
 * the entry's id and title. */
UcSource *
uc_library_entry_create_source (UcLibraryEntry *self)
{
  g_autoptr(GFile) file = NULL;
  UcCsvOptions options;

  g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self), NULL);
  file = g_file_new_for_path (self->path);
  uc_library_entry_get_options (self, &options);
  return uc_file_source_new_full (file, self->id, self->title, &options);
}

/* A copy of @self, to change before it replaces @self in its library. */
UcLibraryEntry *
uc_library_entry_copy (UcLibraryEntry *self)
{
  UcLibraryEntry *copy = g_object_new (UC_TYPE_LIBRARY_ENTRY, NULL);

  g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self), NULL);
  copy->id = g_strdup (self->id);
  copy->title = g_strdup (self->title);
  copy->mode = self->mode;
  copy->file = g_strdup (self->file);
  copy->path = g_strdup (self->path);
  copy->original = g_strdup (self->original);
  copy->size = self->size;
  copy->sha256 = g_strdup (self->sha256);
  copy->imported_at = g_strdup (self->imported_at);
  copy->origin_url = g_strdup (self->origin_url);
  copy->downloaded_at = g_strdup (self->downloaded_at);
  copy->mtime = self->mtime;
  copy->inode = self->inode;
  copy->delimiter = self->delimiter;
  copy->decimal = self->decimal;
  copy->thousands = self->thousands;
  copy->header_row = self->header_row;
  copy->encoding = g_strdup (self->encoding);
  copy->date_format = g_strdup (self->date_format);
  uc_library_roles_copy (&copy->roles, &self->roles);
  copy->state = self->state;
  return copy;
}

/* For an entry not yet in a library (a new one, or a copy). */
void
uc_library_entry_set_title (UcLibraryEntry *self,
                            const char     *title)
{
  g_return_if_fail (UC_IS_LIBRARY_ENTRY (self) && title && *title);
  g_free (self->title);
  self->title = g_strdup (title);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* @url without the user name and password it may carry ("https://user:
 * secret@host/x.csv" gives "https://host/x.csv"): what the manifest
 * keeps and the credit shows. NULL for NULL, an empty or an unparsable
 * address (nothing of it is kept, in case it hides a secret). */
char *
uc_library_clean_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0' || (uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL)) == NULL)
    return NULL;
  return g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
}

/* Where a downloaded file came from (cleaned by uc_library_clean_url())
 * and when it was fetched (ISO 8601, UTC; NULL: now). For an entry not
 * yet in a library. */
void
uc_library_entry_set_origin (UcLibraryEntry *self,
                             const char     *url,
                             const char     *downloaded_at)
{
  g_return_if_fail (UC_IS_LIBRARY_ENTRY (self));
  g_clear_pointer (&self->origin_url, g_free);
  g_clear_pointer (&self->downloaded_at, g_free);
  self->origin_url = uc_library_clean_url (url);
  if (self->origin_url == NULL)
    return;
  if (downloaded_at)
    self->downloaded_at = g_strdup (downloaded_at);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

      self->downloaded_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
    }
}

/* The file's size, time and inode taken again (a copy put in place by a
 * rename is another file). For an entry not yet in a library. */
void
uc_library_entry_stamp (UcLibraryEntry *self)
{
  g_return_if_fail (UC_IS_LIBRARY_ENTRY (self));
  stamp_file (self);
}

const UcLibraryRoles *
uc_library_entry_get_roles (UcLibraryEntry *self)
{
  g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self), NULL);
  return &self->roles;
}

void
uc_library_entry_set_roles (UcLibraryEntry       *self,
                            const UcLibraryRoles *roles)
{
  g_return_if_fail (UC_IS_LIBRARY_ENTRY (self) && roles);
  if (roles == &self->roles)
    return;
  uc_library_roles_clear (&self->roles);
  uc_library_roles_copy (&self->roles, roles);
}

#define GETTER(type, name, field) \
  type uc_library_entry_get_##name (UcLibraryEntry *self) \
  { \
    g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self), 0); \
    return self->field; \
  }

GETTER (const char *, id, id)
GETTER (const char *, title, title)
GETTER (UcLibraryMode, mode, mode)
GETTER (const char *, file, file)
GETTER (const char *, path, path)
GETTER (const char *, original, original)
GETTER (guint64, size, size)
GETTER (const char *, sha256, sha256)
GETTER (const char *, imported_at, imported_at)
GETTER (const char *, origin_url, origin_url)
GETTER (const char *, downloaded_at, downloaded_at)
GETTER (UcLibraryState, state, state)
