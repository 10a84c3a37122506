/* uc-file-source.c: a CSV file of the user's
 *
 * Nothing is known of who made it: it is named by its file, and dated by
 * the file's last change. Reading it goes through the CSV reader's own
 * path for files (large ones are mapped, not copied).
 */
#include "config.h"

#include "uc-file-source.h"

struct _UcFileSource
{
  UcSource  parent_instance;

  GFile    *file;
  /* Used when a read is given none (uc_source_load()): a library entry's
   * import options. */
  gboolean      has_options;
  UcCsvOptions  options;
  char         *encoding;
  char         *date_format;
};

G_DEFINE_FINAL_TYPE (UcFileSource, uc_file_source, UC_TYPE_SOURCE)

static UcDataset *
uc_file_source_read (UcSource            *source,
                     const UcCsvOptions  *options,
                     GCancellable        *cancellable,
                     UcCsvReport        **report,
                     GError             **error)
{
  UcFileSource *self = UC_FILE_SOURCE (source);

  if (options == NULL && self->has_options)
    options = &self->options;
  return uc_csv_read_file (self->file, options, NULL, NULL, cancellable, report, error);
}

static void
uc_file_source_finalize (GObject *object)
{
  g_clear_object (&UC_FILE_SOURCE (object)->file);
  g_free (UC_FILE_SOURCE (object)->encoding);
  g_free (UC_FILE_SOURCE (object)->date_format);
  G_OBJECT_CLASS (uc_file_source_parent_class)->finalize (object);
}

static void
uc_file_source_class_init (UcFileSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_file_source_finalize;
  UC_SOURCE_CLASS (klass)->read = uc_file_source_read;
}

static void
uc_file_source_init (UcFileSource *self)
{
}

/* A source of @file, named and dated as the file is now (a file that
 * cannot be looked at has no date; reading it says why). */
UcSource *
uc_file_source_new (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *date = NULL, *name = NULL, *path = NULL;
  UcFileSource *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  modified = info ? g_file_info_get_modification_date_time (info) : NULL;
  date = modified ? g_date_time_format (modified, "%Y-%m-%d") : NULL;
  name = g_file_get_basename (file);
  path = g_file_get_path (file);
  self = g_object_new (UC_TYPE_FILE_SOURCE, "id", name, "title", name, "modified", date, "location", path, NULL);
  self->file = g_object_ref (file);
  return UC_SOURCE (self);
}

/* A source of @file under @id and @title, read with @options (NULL:
 * detect everything) unless a read is given its own. */
UcSource *
uc_file_source_new_full (GFile              *file,
                         const char         *id,
                         const char         *title,
                         const UcCsvOptions *options)
{
  g_autoptr(UcSource) plain = uc_file_source_new (file);
  UcFileSource *self;

  g_return_val_if_fail (id != NULL && title != NULL, NULL);
  self = g_object_new (UC_TYPE_FILE_SOURCE, "id", id, "title", title, "modified", uc_source_get_modified (plain),
                       "location", uc_source_get_location (plain), NULL);
  self->file = g_object_ref (file);
  if (options)
    {
      self->has_options = TRUE;
      self->options = *options;
      self->options.columns = NULL;
      self->options.encoding = self->encoding = g_strdup (options->encoding);
      self->options.date_format = self->date_format = g_strdup (options->date_format);
    }
  return UC_SOURCE (self);
}

GFile *
uc_file_source_get_file (UcFileSource *self)
{
  g_return_val_if_fail (UC_IS_FILE_SOURCE (self), NULL);
  return self->file;
}
