/* uc-user-events.c: the user's own events file, marked on every chart
 *
 * The file is read whole and checked before anything is kept: a file
 * without a date or a title column, or with a date that cannot be read,
 * is refused with its file, line and column, and the events kept before
 * stay. The copy is written atomically, and the name of the file it was
 * made from beside it (the charts' source line names the user's file,
 * not the copy).
 *
 * Events added, changed or deleted in the window are written back as a
 * file of our own (date, end, title, description, category, source_url),
 * its text marked where the reader would take it for anything but that
 * text, so that every character comes back as it was typed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-csv.h"
#include "uc-csv-writer.h"
#include "uc-event-label.h"
#include "uc-event-table.h"
#include "uc-parse.h"
#include "uc-safe-file.h"
#include "uc-user-events.h"
#include "uc-view-error.h"

/* An events file is a list a person keeps: far smaller than this. */
#define MAX_EVENTS_FILE (64u << 20)

char *
uc_user_events_default_path (void)
{
  g_autofree char *dir = uc_catalog_data_dir ("events");

  return g_build_filename (dir, "your-events.csv", NULL);
}

/* The file holding the name of the user's file a copy at @path was made
 * from. */
static char *
name_path (const char *path)
{
  return g_strconcat (path, ".name", NULL);
}

/* The first cell of date column @dc that is not a date in a layout the
 * cells above it share (the reader then took the column for text), as
 * the error naming its line and column. */
static void
find_bad_date (UcDataset    *table,
               int           dc,
               const char   *name,
               guint         header_row,
               GError      **error)
{
  guint formats = ~0u;

  for (guint row = 0; row < uc_dataset_get_n_rows (table); row++)
    {
      const char *text = uc_dataset_get_text (table, dc, row);
      gsize len = text ? strlen (text) : 0;
      guint matching;

      if (text == NULL || uc_is_missing (text, len))
        continue;
      matching = uc_date_formats_matching (text, len);
      if ((matching & formats) == 0)
        {
          /* Translators: a file's name, a line and a column of it, and the cell's text; “date” is the column's
           * name, kept. */
          g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: line %u, column %d (“date”): “%s” is not a date"),
                       name, header_row + 1 + row, dc + 1, text);
          return;
        }
      formats &= matching;
    }
  g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
               /* Translators: %s is a file's name; “date” is a column's name, kept. */
               _("%s: the “date” column's dates are not all in one layout (such as 2025-01-27)"), name);
}

/* @table's columns, for a message: "day, name". */
static char *
column_names (UcDataset *table)
{
  GString *names = g_string_new (NULL);

  for (guint c = 0; c < uc_dataset_get_n_columns (table); c++)
    g_string_append_printf (names, "%s%s", c ? ", " : "", uc_dataset_get_column_name (table, c));
  return g_string_free (names, FALSE);
}

static UcDataset *
check (UcDataset    *table,
       const char   *name,
       guint         header_row,
       GError      **error)
{
  int dc = uc_dataset_find_column (table, "date");
  int tc = uc_dataset_find_column (table, "title");
  guint dated = 0;

  if (dc < 0 || tc < 0)
    {
      g_autofree char *columns = column_names (table);

      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                   /* Translators: a file's name, its header's line, the name of the column it lacks (“date” or
                    * “title”, kept), and the columns it has, separated by commas. */
                   _("%s: line %u: no “%s” column (an events file needs a “date” and a “title” column; its columns: %s)"),
                   name, header_row, dc < 0 ? "date" : "title", columns);
      return NULL;
    }
  if (uc_dataset_get_column_type (table, dc) != UC_COLUMN_DATE)
    {
      if (uc_dataset_get_column_type (table, dc) == UC_COLUMN_TEXT)
        find_bad_date (table, dc, name, header_row, error);
      else
        g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                     uc_dataset_get_column_type (table, dc) == UC_COLUMN_NUMBER
                     /* Translators: a file's name, then a column's number; “date” is the column's name, kept. */
                     ? _("%s: column %d (“date”) holds numbers, not dates")
                     /* Translators: a file's name, then a column's number; “date” is the column's name, kept. */
                     : _("%s: column %d (“date”) holds times of day, not dates"), name, dc + 1);
      return NULL;
    }
  if (uc_dataset_get_column_type (table, tc) != UC_COLUMN_TEXT)
    {
      /* Translators: a file's name, then a column's number; “title” is the column's name, kept. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: column %d (“title”) holds no text"), name, tc + 1);
      return NULL;
    }
  for (guint row = 0; row < uc_dataset_get_n_rows (table); row++)
    dated += uc_dataset_get_times (table, dc)[row] != UC_TIME_MISSING && uc_dataset_get_text (table, tc, row) != NULL;
  if (dated == 0)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: no row has both a date and a title"), name);
      return NULL;
    }
  return g_object_ref (table);
}

static UcDataset *
read_bytes (GBytes      *bytes,
            const char  *name,
            GError     **error)
{
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) table = uc_csv_read_bytes (bytes, name, NULL, &report, error);

  if (table == NULL)
    return NULL;
  return check (table, name, report ? report->header_row : 1, error);
}

static GBytes *
load_bytes (GFile   *file,
            GError **error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, error);

  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("%s: not a file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > MAX_EVENTS_FILE)
    {
      /* Translators: a file's name, then a size in megabytes. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: too large for an events file (over %u MB)"), name,
                   MAX_EVENTS_FILE >> 20);
      return NULL;
    }
  return g_file_load_bytes (file, NULL, NULL, error);
}

/* The events of @file, checked: NULL with an error naming the file, the
 * line and the column when it has no date or title column, or a date
 * that cannot be read. */
UcDataset *
uc_user_events_read (GFile   *file,
                     GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  name = g_file_get_basename (file);
  if ((bytes = load_bytes (file, error)) == NULL)
    return NULL;
  return read_bytes (bytes, name, error);
}

/* @file checked, then copied to @path (its folder made) with its name
 * beside it, both atomically: its events, or NULL with an error and
 * @path as it was. */
UcDataset *
uc_user_events_install (GFile       *file,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *name = NULL, *dir = NULL, *names = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcDataset) events = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (file) && path, NULL);
  name = g_file_get_basename (file);
  if ((bytes = load_bytes (file, error)) == NULL || (events = read_bytes (bytes, name, error)) == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &length);
  names = name_path (path);
  if (!uc_safe_file_set_contents (path, NULL, data ? data : "", length, error) ||
      !uc_safe_file_set_contents (names, NULL, name, strlen (name), error))
    return NULL;
  return g_steal_pointer (&events);
}

/* The events kept at @path (none there: NULL, no error). */
UcDataset *
uc_user_events_load (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (path, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;
  file = g_file_new_for_path (path);
  name = uc_user_events_dup_name (path);
  if ((bytes = load_bytes (file, error)) == NULL)
    return NULL;
  return read_bytes (bytes, name, error);
}

/* The name of the user's file the copy at @path was made from (the
 * copy's own when that is not known). */
char *
uc_user_events_dup_name (const char *path)
{
  g_autofree char *names = name_path (path);
  g_autofree char *text = NULL;

  if (g_file_get_contents (names, &text, NULL, NULL) && *g_strstrip (text) && strchr (text, '/') == NULL &&
      g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&text);
  return g_path_get_basename (path);
}

/* The copy at @path and its name gone (none there is no error). */
gboolean
uc_user_events_remove (const char  *path,
                       GError     **error)
{
  g_autofree char *names = name_path (path);

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", path, g_strerror (errno));
      return FALSE;
    }
  g_unlink (names);
  return TRUE;
}

/* The events of @events in @spec's range, as UC_EVENT_USER, each
 * labelled as the chart's own are; the source line names the file
 * (@name) when any is drawn. A chart not on time gets none. Returns how
 * many were added. */
guint
uc_user_events_add_to (UcChartSpec *spec,
                       UcDataset   *events,
                       const char  *name)
{
  UcTime from, to;
  guint before, added;

  g_return_val_if_fail (UC_IS_CHART_SPEC (spec) && UC_IS_DATASET (events), 0);
  if (uc_chart_spec_get_x_kind (spec) != UC_X_TIME)
    return 0;
  uc_chart_spec_get_range (spec, &from, &to);
  before = uc_chart_spec_get_n_events (spec);
  added = uc_chart_spec_add_events_as (spec, events, from, to, UC_EVENT_USER, NULL);
  if (added == G_MAXUINT || added == 0)
    return 0;
  for (guint i = before; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      g_autofree char *label = uc_event_short_label (uc_event_get_title (event));

      uc_event_set_label (event, label);
    }
  if (name)
    {
      const char *source = uc_chart_spec_get_source (spec);
      g_autofree char *line = source && *source
                              /* Translators: a chart's source line (“Source: …”), then a file's name. */
                              ? g_strdup_printf (_("%s Your events: %s."), source, name)
                              /* Translators: %s is a file's name. */
                              : g_strdup_printf (_("Your events: %s."), name);

      uc_chart_spec_set_source (spec, line);
    }
  return added;
}

/* One of the user's events, as the window's form makes it: @end 0 (or
 * not after @time) for a single day; empty texts are none. */
UcEvent *
uc_user_event_new (UcTime      time,
                   UcTime      end,
                   const char *title,
                   const char *description,
                   const char *tag,
                   const char *source_url)
{
  UcEvent *event;

  g_return_val_if_fail (title && *title, NULL);
  event = uc_event_new (time, title, UC_EVENT_USER);
  if (end > time)
    uc_event_set_end (event, end);
  uc_event_set_description (event, description && *description ? description : NULL);
  uc_event_set_tag (event, tag && *tag ? tag : NULL);
  uc_event_set_source_url (event, source_url && *source_url ? source_url : NULL);
  return event;
}

/* Every event of @events (NULL: none), whatever its date, as a list of
 * UcEvent (UC_EVENT_USER) in date order: what the window edits. */
GPtrArray *
uc_user_events_list (UcDataset *events)
{
  g_autoptr(UcChartSpec) scratch = uc_chart_spec_new ();
  GPtrArray *list = g_ptr_array_new_with_free_func (g_object_unref);

  if (events == NULL)
    return list;
  g_return_val_if_fail (UC_IS_DATASET (events), list);
  uc_chart_spec_add_events_as (scratch, events, G_MININT64 / 2, G_MAXINT64 / 2, UC_EVENT_USER, NULL);
  for (guint i = 0; i < uc_chart_spec_get_n_events (scratch); i++)
    g_ptr_array_add (list, g_object_ref (uc_chart_spec_get_event (scratch, i)));
  return list;
}

/* Whether @a and @b are the same event of the user's file, field by
 * field (the charts hold copies of the list's events). */
gboolean
uc_user_event_equal (UcEvent *a,
                     UcEvent *b)
{
  g_return_val_if_fail (UC_IS_EVENT (a) && UC_IS_EVENT (b), FALSE);
  return uc_event_get_time (a) == uc_event_get_time (b) && uc_event_get_end (a) == uc_event_get_end (b) &&
         g_strcmp0 (uc_event_get_title (a), uc_event_get_title (b)) == 0 &&
         g_strcmp0 (uc_event_get_description (a), uc_event_get_description (b)) == 0 &&
         g_strcmp0 (uc_event_get_tag (a), uc_event_get_tag (b)) == 0 &&
         g_strcmp0 (uc_event_get_source_url (a), uc_event_get_source_url (b)) == 0;
}

/* The position in @list of an event equal to @event, or -1. */
int
uc_user_events_find (GPtrArray *list,
                     UcEvent   *event)
{
  g_return_val_if_fail (list && UC_IS_EVENT (event), -1);
  for (guint i = 0; i < list->len; i++)
    if (uc_user_event_equal (g_ptr_array_index (list, i), event))
      return (int) i;
  return -1;
}

/* @text marked (dates are written bare: they must read as dates). */
static void
append_cell (GString    *out,
             const char *text,
             gboolean    last)
{
  if (text)
    uc_csv_append_marked_text (out, text);
  g_string_append_c (out, last ? '\n' : ',');
}

/* @list (UcEvent) as an events file: date, end, title, description,
 * category, source_url, one row each, in its order. */
GBytes *
uc_user_events_format (GPtrArray *list)
{
  GString *out = g_string_new ("date,end,title,description,category,source_url\n");

  g_return_val_if_fail (list, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      UcEvent *event = g_ptr_array_index (list, i);
      g_autofree char *date = uc_time_format_date (uc_event_get_time (event));
      g_autofree char *end = uc_event_get_end (event) > uc_event_get_time (event)
                           ? uc_time_format_date (uc_event_get_end (event)) : NULL;

      g_string_append_printf (out, "%s,%s,", date, end ? end : "");
      append_cell (out, uc_event_get_title (event), FALSE);
      append_cell (out, uc_event_get_description (event), FALSE);
      append_cell (out, uc_event_get_tag (event), FALSE);
      append_cell (out, uc_event_get_source_url (event), TRUE);
    }
  return g_string_free_to_bytes (out);
}

/* @list written over the copy at @path, atomically (its folder made),
 * and its events as read back from what was written: the file and the
 * charts never differ. An empty list removes the copy: NULL, no error. */
UcDataset *
uc_user_events_save (GPtrArray   *list,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = NULL, *name = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (list && path, NULL);
  if (list->len == 0)
    {
      uc_user_events_remove (path, error);
      return NULL;
    }
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return NULL;
    }
  bytes = uc_user_events_format (list);
  data = g_bytes_get_data (bytes, &length);
  if (!uc_safe_file_set_contents (path, NULL, data, length, error))
    return NULL;
  name = uc_user_events_dup_name (path);
  return read_bytes (bytes, name, error);
}

/* @list (UcEvent) as the events a file of them holds, read back as
 * uc_user_events_save() reads what it wrote: @name is what the charts'
 * source line and errors call them. An empty list: NULL, no error. */
UcDataset *
uc_user_events_from_list (GPtrArray   *list,
                          const char  *name,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (list, NULL);
  if (list->len == 0)
    return NULL;
  bytes = uc_user_events_format (list);
  return read_bytes (bytes, name ? name : "events", error);
}

/* A source address the user's events take: http or https, with a host. */
gboolean
uc_user_events_check_url (const char  *url,
                          GError     **error)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 &&
                                        g_ascii_strcasecmp (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was typed as an address. */
                   _("“%s” is not a web address (one starting with https:// or http://)"), url ? url : "");
      return FALSE;
    }
  return TRUE;
}
