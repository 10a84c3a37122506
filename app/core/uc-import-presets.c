/* uc-import-presets.c: reading options remembered for files named alike
 *
 * The file: {"version": 1, "presets": [{"pattern": "KSH_*-*.csv",
 * "delimiter": ";", "decimal": ",", "thousands": "space", "header_row": 1,
 * "encoding": "WINDOWS-1250", "date_format": "%Y-%m-%d",
 * "columns": [{"name": "Datum", "role": "time"}, …]}]}. Options left to
 * detection are not written. A file that cannot be read leaves no presets
 * (and the error to the caller); the next change writes it anew.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-import-presets.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-json-load.h"
#include "uc-json-writer.h"
#include "uc-safe-file.h"

#define PRESETS_VERSION 1

/* --- one preset --- */

UcImportPreset *
uc_import_preset_new (const char *pattern)
{
  UcImportPreset *preset = g_new0 (UcImportPreset, 1);

  g_return_val_if_fail (pattern != NULL, NULL);
  preset->pattern = g_strdup (pattern);
  return preset;
}

UcImportPreset *
uc_import_preset_copy (const UcImportPreset *preset)
{
  UcImportPreset *copy = uc_import_preset_new (preset->pattern);

  copy->delimiter = preset->delimiter;
  copy->decimal = preset->decimal;
  copy->thousands = preset->thousands;
  copy->header_row = preset->header_row;
  copy->encoding = g_strdup (preset->encoding);
  copy->date_format = g_strdup (preset->date_format);
  copy->columns = g_strdupv (preset->columns);
  copy->roles = g_strdupv (preset->roles);
  return copy;
}

void
uc_import_preset_free (UcImportPreset *preset)
{
  if (preset == NULL)
    return;
  g_free (preset->pattern);
  g_free (preset->encoding);
  g_free (preset->date_format);
  g_strfreev (preset->columns);
  g_strfreev (preset->roles);
  g_free (preset);
}

/* The reading options of @options (not its columns, which are roles here). */
void
uc_import_preset_set_options (UcImportPreset     *preset,
                              const UcCsvOptions *options)
{
  preset->delimiter = options->delimiter;
  preset->decimal = options->decimal;
  preset->thousands = options->thousands;
  preset->header_row = options->header_row;
  g_free (preset->encoding);
  preset->encoding = g_strdup (options->encoding);
  g_free (preset->date_format);
  preset->date_format = g_strdup (options->date_format);
}

/* @options' strings are the preset's. */
void
uc_import_preset_get_options (const UcImportPreset *preset,
                              UcCsvOptions         *options)
{
  uc_csv_options_init (options);
  options->delimiter = preset->delimiter;
  options->decimal = preset->decimal;
  options->thousands = preset->thousands;
  options->header_row = preset->header_row;
  options->encoding = preset->encoding;
  options->date_format = preset->date_format;
}

const char *
uc_import_preset_get_role (const UcImportPreset *preset,
                           const char           *column)
{
  for (guint i = 0; preset->columns && preset->columns[i] && preset->roles && preset->roles[i]; i++)
    if (g_str_equal (preset->columns[i], column))
      return preset->roles[i];
  return NULL;
}

/* --- patterns --- */

/* Each run of ASCII digits becomes one `*`: the dates and numbers that
 * tell a series of downloads apart. */
char *
uc_import_pattern_from_name (const char *name)
{
  GString *pattern = g_string_new (NULL);

  for (const char *p = name; *p; p++)
    {
      if (!g_ascii_isdigit (*p))
        g_string_append_c (pattern, *p);
      else if (p == name || !g_ascii_isdigit (p[-1]))
        g_string_append_c (pattern, '*');
    }
  return g_string_free (pattern, FALSE);
}

static char *
fold (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  return g_utf8_casefold (valid, -1);
}

/* Whether @name (a file's name) fits @pattern, case aside: a `*` stands
 * for one or more digits, as uc_import_pattern_from_name() made it (so
 * "*.csv" is a year's file, not every CSV file). */
gboolean
uc_import_pattern_matches (const char *pattern,
                           const char *name)
{
  g_autofree char *p = NULL, *n = NULL;
  const char *a, *b;

  g_return_val_if_fail (pattern != NULL && name != NULL, FALSE);
  p = fold (pattern);
  n = fold (name);
  for (a = p, b = n; *a; a++)
    {
      if (*a == '*')
        {
          if (!g_ascii_isdigit (*b))
            return FALSE;
          while (g_ascii_isdigit (*b))
            b++;
        }
      else if (*a == *b)
        b++;
      else
        return FALSE;
    }
  return *b == '\0';
}

/* --- the file --- */

struct _UcImportPresets
{
  GObject    parent_instance;

  char      *path;
  GPtrArray *presets;    /* UcImportPreset, newest last */
};

G_DEFINE_FINAL_TYPE (UcImportPresets, uc_import_presets, G_TYPE_OBJECT)

static void
uc_import_presets_finalize (GObject *object)
{
  UcImportPresets *self = UC_IMPORT_PRESETS (object);

  g_free (self->path);
  g_ptr_array_unref (self->presets);
  G_OBJECT_CLASS (uc_import_presets_parent_class)->finalize (object);
}

static void
uc_import_presets_class_init (UcImportPresetsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_import_presets_finalize;
}

static void
uc_import_presets_init (UcImportPresets *self)
{
  self->presets = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_import_preset_free);
}

char *
uc_import_presets_default_path (void)
{
  return uc_catalog_data_dir ("import-presets.json");
}

/* Presets kept in @path (NULL: uc_import_presets_default_path()), none
 * until uc_import_presets_load(). */
UcImportPresets *
uc_import_presets_new (const char *path)
{
  UcImportPresets *self = g_object_new (UC_TYPE_IMPORT_PRESETS, NULL);

  self->path = path ? g_strdup (path) : uc_import_presets_default_path ();
  return self;
}

/* The user's presets, read once: a file that cannot be read is said once
 * and left for the next change to replace. */
UcImportPresets *
uc_import_presets_get_default (void)
{
  static UcImportPresets *presets;

  if (g_once_init_enter (&presets))
    {
      UcImportPresets *made = uc_import_presets_new (NULL);
      g_autoptr(GError) error = NULL;

      if (!uc_import_presets_load (made, &error))
        g_message ("%s; the settings remembered for files are ignored", error->message);
      g_once_init_leave (&presets, made);
    }
  return presets;
}

const char *
uc_import_presets_get_path (UcImportPresets *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_PRESETS (self), NULL);
  return self->path;
}

guint
uc_import_presets_get_n (UcImportPresets *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_PRESETS (self), 0);
  return self->presets->len;
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

static void
read_columns (UcImportPreset *preset,
              JsonObject     *o)
{
  JsonNode *node = json_object_get_member (o, "columns");
  JsonArray *array = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();

  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *column = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *name = column ? member_string (column, "name") : NULL;
      const char *role = column ? member_string (column, "role") : NULL;

      if (name && *name && role && *role)
        {
          g_strv_builder_add (names, name);
          g_strv_builder_add (roles, role);
        }
    }
  preset->columns = g_strv_builder_end (names);
  preset->roles = g_strv_builder_end (roles);
}

static UcImportPreset *
read_preset (JsonNode *node)
{
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *pattern = o ? member_string (o, "pattern") : NULL;
  JsonNode *header = o ? json_object_get_member (o, "header_row") : NULL;
  UcImportPreset *preset;

  if (pattern == NULL || *pattern == '\0')
    return NULL;
  preset = uc_import_preset_new (pattern);
  preset->delimiter = member_char (o, "delimiter");
  preset->decimal = member_char (o, "decimal");
  if (preset->decimal != '.' && preset->decimal != ',')
    preset->decimal = 0;
  if (!uc_csv_thousands_from_string (member_string (o, "thousands"), &preset->thousands))
    preset->thousands = 0;
  if (header && JSON_NODE_HOLDS_VALUE (header) && json_node_get_value_type (header) == G_TYPE_INT64)
    preset->header_row = (guint) CLAMP (json_node_get_int (header), 0, 10000);
  preset->encoding = g_strdup (member_string (o, "encoding"));
  preset->date_format = g_strdup (member_string (o, "date_format"));
  read_columns (preset, o);
  return preset;
}

/* Reads the file again; none is no presets. On an error there are none. */
gboolean
uc_import_presets_load (UcImportPresets  *self,
                        GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  JsonNode *list;

  g_return_val_if_fail (UC_IS_IMPORT_PRESETS (self), FALSE);
  g_ptr_array_set_size (self->presets, 0);
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;
  file = g_file_new_for_path (self->path);
  if (!uc_json_load_file (parser, file, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", self->path, local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  list = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "presets")
                                                : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not a file of import settings"), self->path);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      UcImportPreset *preset = read_preset (json_array_get_element (json_node_get_array (list), i));

      if (preset)
        g_ptr_array_add (self->presets, preset);
    }
  return TRUE;
}

/* The preset for a file named @name (its base name), or NULL; of two that
 * fit, the one remembered last. */
const UcImportPreset *
uc_import_presets_find (UcImportPresets *self,
                        const char      *name)
{
  g_return_val_if_fail (UC_IS_IMPORT_PRESETS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  for (guint i = self->presets->len; i > 0; i--)
    {
      UcImportPreset *preset = g_ptr_array_index (self->presets, i - 1);

      if (uc_import_pattern_matches (preset->pattern, name))
        return preset;
    }
  return NULL;
}

static void
write_string (UcJsonWriter *w,
              const char   *key,
              const char   *value)
{
  if (value == NULL)
    return;
  uc_json_key (w, key);
  uc_json_string (w, value);
}

static void
write_preset (UcJsonWriter         *w,
              const UcImportPreset *preset)
{
  char delimiter[2] = { preset->delimiter, 0 }, decimal[2] = { preset->decimal, 0 };

  uc_json_begin_object (w);
  write_string (w, "pattern", preset->pattern);
  write_string (w, "delimiter", preset->delimiter ? delimiter : NULL);
  write_string (w, "decimal", preset->decimal ? decimal : NULL);
  write_string (w, "thousands", uc_csv_thousands_to_string (preset->thousands));
  if (preset->header_row)
    {
      uc_json_key (w, "header_row");
      uc_json_int (w, preset->header_row);
    }
  write_string (w, "encoding", preset->encoding);
  write_string (w, "date_format", preset->date_format);
  uc_json_key (w, "columns");
  uc_json_begin_array (w);
  for (guint i = 0; preset->columns && preset->columns[i] && preset->roles && preset->roles[i]; i++)
    {
      uc_json_begin_object (w);
      write_string (w, "name", preset->columns[i]);
      write_string (w, "role", preset->roles[i]);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_end_object (w);
}

static gboolean
save (UcImportPresets  *self,
      GError          **error)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *text = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  uc_json_begin_object (w);
  uc_json_key (w, "version");
  uc_json_int (w, PRESETS_VERSION);
  uc_json_key (w, "presets");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->presets->len; i++)
    write_preset (w, g_ptr_array_index (self->presets, i));
  uc_json_end_array (w);
  uc_json_end_object (w);
  text = uc_json_writer_steal (w);
  return uc_safe_file_set_contents (self->path, NULL, text, strlen (text), error);
}

static gboolean
remove_pattern (UcImportPresets *self,
                const char      *pattern)
{
  for (guint i = 0; i < self->presets->len; i++)
    {
      UcImportPreset *preset = g_ptr_array_index (self->presets, i);

      if (g_str_equal (preset->pattern, pattern))
        {
          g_ptr_array_remove_index (self->presets, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Keeps @preset (taken), in place of one of the same pattern, and writes
 * the file. */
gboolean
uc_import_presets_remember (UcImportPresets  *self,
                            UcImportPreset   *preset,
                            GError          **error)
{
  g_return_val_if_fail (UC_IS_IMPORT_PRESETS (self), FALSE);
  g_return_val_if_fail (preset != NULL && preset->pattern != NULL, FALSE);
  remove_pattern (self, preset->pattern);
  g_ptr_array_add (self->presets, preset);
  return save (self, error);
}

/* Drops the preset of @pattern, if there is one, and writes the file. */
gboolean
uc_import_presets_forget (UcImportPresets  *self,
                          const char       *pattern,
                          GError          **error)
{
  g_return_val_if_fail (UC_IS_IMPORT_PRESETS (self), FALSE);
  g_return_val_if_fail (pattern != NULL, FALSE);
  if (!remove_pattern (self, pattern))
    return TRUE;
  return save (self, error);
}
