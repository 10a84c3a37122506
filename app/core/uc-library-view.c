/* uc-library-view.c: what an imported table's columns are for, and the
 * view that charts it
 *
 * An imported dataset is charted by a view like the built-in ones, written
 * as view JSON from the entry's roles and read by the same strict reader:
 * a column that is not there, or of the wrong type, is the reader's error,
 * said with the view, not a chart drawn wrong.
 */
#include "config.h"

#include <glib/gi18n.h>

#include <json-glib/json-glib.h>
#include <string.h>

#include "uc-dataset-charts.h"
#include "uc-library.h"

#define VIEW_PREFIX "library-"
/* More lines than this read as noise; the user picks others on import. */
#define MAX_GUESSED_VALUES 8
/* A text column with more values than this names rows, not groups. */
#define MAX_GROUPS 40

void
uc_library_roles_clear (UcLibraryRoles *roles)
{
  g_clear_pointer (&roles->time, g_free);
  g_clear_pointer (&roles->values, g_strfreev);
  g_clear_pointer (&roles->group, g_free);
  g_clear_pointer (&roles->label, g_free);
  roles->format = UC_VALUE_NUMBER;
}

void
uc_library_roles_copy (UcLibraryRoles       *dest,
                       const UcLibraryRoles *src)
{
  dest->time = g_strdup (src->time);
  dest->values = g_strdupv (src->values);
  dest->group = g_strdup (src->group);
  dest->label = g_strdup (src->label);
  dest->format = src->format;
}

/* Whether a date repeats in @column: a long table, one row per date and
 * key. Dates are read sorted or not; a hash set counts either. */
static gboolean
dates_repeat (UcDataset *dataset,
              guint      column)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  const UcTime *times = uc_dataset_get_times (dataset, column);
  guint n = MIN (uc_dataset_get_n_rows (dataset), 10000);

  for (guint r = 0; r < n; r++)
    {
      if (times[r] == UC_TIME_MISSING)
        continue;
      if (g_hash_table_contains (seen, &times[r]))
        return TRUE;
      g_hash_table_add (seen, (gpointer) &times[r]);
    }
  return FALSE;
}

/* The text column with the fewest distinct values (two or more), to
 * split a long table by. */
static int
guess_group (UcDataset *dataset)
{
  int best = -1;
  guint best_size = MAX_GROUPS + 1;

  for (guint c = 0; c < uc_dataset_get_n_columns (dataset); c++)
    {
      guint size;

      if (uc_dataset_get_column_type (dataset, c) != UC_COLUMN_TEXT)
        continue;
      size = uc_string_table_size (uc_dataset_get_string_table (dataset, c));
      if (size >= 2 && size < best_size)
        {
          best = (int) c;
          best_size = size;
        }
    }
  return best;
}

static gboolean
name_has (const char *name,
          const char *word)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  return strstr (lower, word) != NULL;
}

/* Every value column's name says the same unit. */
static UcValueFormat
guess_format (char **values)
{
  gboolean percent = values && values[0], money = values && values[0];

  for (guint i = 0; values && values[i]; i++)
    {
      percent = percent && (strchr (values[i], '%') || name_has (values[i], "percent"));
      money = money && (strchr (values[i], '$') || name_has (values[i], "usd") || name_has (values[i], "eur") ||
                        name_has (values[i], "price") || name_has (values[i], "close"));
    }
  return percent ? UC_VALUE_PERCENT : money ? UC_VALUE_MONEY : UC_VALUE_NUMBER;
}

/* The names of a price table's closing column (Date, Open, High, Low,
 * Close, Volume): the one line such a table is charted by. */
static const char *close_names[] = { "adj close", "adj. close", "adjusted close", "close", "closing price", "price" };

gboolean
uc_library_is_close_column (const char *name)
{
  for (guint i = 0; name && i < G_N_ELEMENTS (close_names); i++)
    if (g_ascii_strcasecmp (name, close_names[i]) == 0)
      return TRUE;
  return FALSE;
}

static int
find_close (UcDataset *dataset)
{
  for (guint i = 0; i < G_N_ELEMENTS (close_names); i++)
    for (guint c = 0; c < uc_dataset_get_n_columns (dataset); c++)
      if (uc_dataset_get_column_type (dataset, c) == UC_COLUMN_NUMBER &&
          g_ascii_strcasecmp (uc_dataset_get_column_name (dataset, c), close_names[i]) == 0)
        return (int) c;
  return -1;
}

/* Roles from the columns' types, for a table read with the import's
 * options: the first date column places the values, the number columns
 * (the first few; of a price table, its close alone) are drawn, and a
 * long table (dates repeating) is split by its text column of fewest
 * values. */
void
uc_library_roles_guess (UcLibraryRoles *roles,
                        UcDataset      *dataset)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  guint n_values = 0;
  int time = -1, group;

  int close = find_close (dataset);

  uc_library_roles_clear (roles);
  if (close >= 0)
    g_strv_builder_add (values, uc_dataset_get_column_name (dataset, (guint) close));
  for (guint c = 0; c < uc_dataset_get_n_columns (dataset); c++)
    {
      UcColumnType type = uc_dataset_get_column_type (dataset, c);

      if (time < 0 && (type == UC_COLUMN_DATE || type == UC_COLUMN_DATETIME))
        time = (int) c;
      else if (close < 0 && type == UC_COLUMN_NUMBER && n_values < MAX_GUESSED_VALUES &&
               uc_dataset_count_missing (dataset, c) < uc_dataset_get_n_rows (dataset))
        {
          g_strv_builder_add (values, uc_dataset_get_column_name (dataset, c));
          n_values++;
        }
    }
  roles->values = g_strv_builder_end (values);
  if (time < 0)
    return;
  roles->time = g_strdup (uc_dataset_get_column_name (dataset, (guint) time));
  if (dates_repeat (dataset, (guint) time) && (group = guess_group (dataset)) >= 0)
    roles->group = g_strdup (uc_dataset_get_column_name (dataset, (guint) group));
  roles->format = guess_format (roles->values);
}

char *
uc_library_view_id (const char *entry_id)
{
  return g_strconcat (VIEW_PREFIX, entry_id, NULL);
}

/* The entry's id of a library view's id, or NULL for any other view. */
const char *
uc_library_view_entry_id (const char *view_id)
{
  return view_id && g_str_has_prefix (view_id, VIEW_PREFIX) ? view_id + strlen (VIEW_PREFIX) : NULL;
}

static void
add_string (JsonBuilder *b,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, key);
  json_builder_add_string_value (b, value);
}

/* The one chart: the values by the time column, split by the group, with
 * every embedded event on its days, as a built-in view marks them. */
/* "3 Dec 2026" from an ISO 8601 time, in English as the rest of the
 * credit (not the locale's month names); NULL when it cannot be read. */
static char *
format_day (const char *iso)
{
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autoptr(GDateTime) time = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;

  if (time == NULL)
    return NULL;
  return g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (time),
                          months[g_date_time_get_month (time) - 1], g_date_time_get_year (time));
}

/* "Source: prices.csv, imported 2026-12-03": the user's file as they
 * know it, and when it was taken in; for a downloaded file, "Source:
 * https://example.org/prices.csv, downloaded 3 Dec 2026" (the local copy
 * in the downloads folder tells a reader nothing). */
char *
uc_library_entry_dup_credit (UcLibraryEntry *self)
{
  const char *original = uc_library_entry_get_original (self);
  const char *url = uc_library_entry_get_origin_url (self);
  g_autofree char *name = NULL, *day = NULL, *downloaded = NULL;

  if (url)
    {
      downloaded = format_day (uc_library_entry_get_downloaded_at (self));
      return downloaded
             /* Translators: the address a file was downloaded from, then the day. */
             ? g_strdup_printf (_("Source: %s, downloaded %s"), url, downloaded)
             /* Translators: %s is the address a file was downloaded from. */
             : g_strdup_printf (_("Source: %s"), url);
    }
  name = g_path_get_basename (original ? original : uc_library_entry_get_path (self));
  day = g_strndup (uc_library_entry_get_imported_at (self) ? uc_library_entry_get_imported_at (self) : "", 10);
  return *day
         /* Translators: a file's name, then the day it was imported (YYYY-MM-DD). */
         ? g_strdup_printf (_("Source: %s, imported %s"), name, day)
         /* Translators: %s is a file's name. */
         : g_strdup_printf (_("Source: %s"), name);
}

static void
add_chart (JsonBuilder          *b,
           const char           *title,
           const char           *dataset,
           const UcLibraryRoles *roles,
           const char           *credit)
{
  json_builder_begin_object (b);
  add_string (b, "title", title);
  add_string (b, "dataset", dataset);
  add_string (b, "x", roles->time);
  json_builder_set_member_name (b, "y");
  json_builder_begin_array (b);
  for (guint i = 0; roles->values && roles->values[i]; i++)
    json_builder_add_string_value (b, roles->values[i]);
  json_builder_end_array (b);
  add_string (b, "group", roles->group);
  add_string (b, "point_label", roles->label);
  add_string (b, "value_format", uc_value_format_to_string (roles->format));
  add_string (b, "source", credit);
  json_builder_set_member_name (b, "events");
  json_builder_begin_object (b);
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* A view of id @id and title @title with one chart of @dataset by
 * @roles, credited to @credit: an imported file's, or a table charted
 * where it lives (a ClickHouse table's). */
UcView *
uc_library_make_view (const char           *id,
                      const char           *title,
                      const char           *name,
                      const char           *dataset,
                      const UcLibraryRoles *roles,
                      const char           *credit,
                      GError              **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *text;

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "title", title);
  json_builder_set_member_name (b, "charts");
  json_builder_begin_array (b);
  add_chart (b, title, dataset, roles, credit);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  bytes = g_bytes_new_take (text, strlen (text));
  return uc_view_parse (bytes, name, error);
}

/* The view of the sidebar that charts the entry (id "library-" and the
 * entry's), by its roles; an error when it has no date column or no
 * number column to chart. */
UcView *
uc_library_entry_create_view (UcLibraryEntry  *self,
                              GError         **error)
{
  const UcLibraryRoles *roles;
  g_autofree char *id = NULL, *name = NULL, *credit = NULL;

  g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self), NULL);
  roles = uc_library_entry_get_roles (self);
  if (roles->time == NULL || roles->values == NULL || roles->values[0] == NULL)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                   /* Translators: %s is a dataset's title. */
                   roles->time == NULL ? _("%s: no date column to place the values by")
                                       /* Translators: %s is a dataset's title. */
                                       : _("%s: no number column to chart"), uc_library_entry_get_title (self));
      return NULL;
    }
  id = uc_library_view_id (uc_library_entry_get_id (self));
  name = g_strconcat (uc_library_entry_get_title (self), " (", uc_library_entry_get_id (self), ")", NULL);
  credit = uc_library_entry_dup_credit (self);
  return uc_library_make_view (id, uc_library_entry_get_title (self), name, uc_library_entry_get_id (self), roles,
                               credit, error);
}

/* The view of the default library's entry @view_id ("library-ID"), its
 * data loaded and its chart built: `undercut export --view library-ID`. */
UcView *
uc_library_load_view (const char  *view_id,
                      GError     **error)
{
  const char *id = uc_library_view_entry_id (view_id);
  UcLibraryEntry *entry = id ? uc_library_find (uc_library_get_default (), id) : NULL;
  g_autoptr(UcView) view = NULL;

  if (entry == NULL)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN,
                   /* Translators: %s is a view's id as given. */
                   _("unknown view “%s” (“undercut library list” lists the datasets you imported)"), view_id);
      return NULL;
    }
  if (uc_library_entry_check (entry) == UC_LIBRARY_MISSING)
    {
      /* Translators: a dataset's title, then a file's name. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: the file %s is gone"),
                   uc_library_entry_get_title (entry), uc_library_entry_get_path (entry));
      return NULL;
    }
  view = uc_library_entry_create_view (entry, error);
  if (view == NULL || !uc_view_load_data (view, uc_catalog_get_default (), NULL, error) ||
      !uc_view_build_charts (view, error))
    return NULL;
  return g_steal_pointer (&view);
}

/* The entry's series, as its own view draws them, added to @chart (a
 * chart on time) on a value axis of their own at the right: the user's
 * price beside a market cap. Their names say whose they are. Returns how
 * many were added. */
guint
uc_library_entry_add_series_to (UcLibraryEntry  *self,
                                UcDataset       *dataset,
                                UcChartSpec     *chart,
                                GError         **error)
{
  const UcLibraryRoles *roles = uc_library_entry_get_roles (self);
  g_autoptr(UcChartSpec) own = NULL;
  guint n;

  g_return_val_if_fail (UC_IS_LIBRARY_ENTRY (self) && UC_IS_CHART_SPEC (chart), 0);
  if (uc_chart_spec_get_x_kind (chart) != UC_X_TIME)
    {
      /* Translators: %s is a dataset's title. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: the chart does not run on dates"),
                   uc_library_entry_get_title (self));
      return 0;
    }
  if (roles->time == NULL || roles->values == NULL || roles->values[0] == NULL)
    {
      /* Translators: %s is a dataset's title. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: no date and number columns to draw"),
                   uc_library_entry_get_title (self));
      return 0;
    }
  own = uc_chart_spec_from_dataset (dataset, roles->time, (const char * const *) roles->values, roles->group,
                                    roles->label, error);
  if (own == NULL)
    return 0;
  n = uc_chart_spec_get_n_series (own);
  for (guint i = 0; i < n; i++)
    {
      UcSeries *series = uc_chart_spec_get_series (own, i);
      g_autofree char *label = n == 1 && roles->group == NULL && g_strv_length (roles->values) == 1
                               ? g_strdup (uc_library_entry_get_title (self))
                               : g_strdup_printf ("%s: %s", uc_library_entry_get_title (self),
                                                  uc_series_get_label (series));
      /* An id of its own: the user's "NVDA" is not the chart's. */
      g_autofree char *id = g_strdup_printf ("%s:%s", uc_library_entry_get_id (self), uc_series_get_id (series));
      g_autoptr(UcSeries) added = uc_series_new_borrowed (id, label, uc_series_get_x (series), uc_series_get_y (series),
                                                          uc_series_get_length (series), G_OBJECT (series));

      uc_series_set_right_axis (added, TRUE);
      uc_chart_spec_add_series (chart, added);
    }
  /* Whose the right axis is, under the chart's own sources. */
  {
    g_autofree char *credit = uc_library_entry_dup_credit (self);
    const char *note = uc_chart_spec_get_note (chart);
    /* Translators: a dataset's title, then where it came from (“Source: prices.csv, imported 2025-02-01”). */
    g_autofree char *line = g_strdup_printf (_("Right axis: %s. %s."), uc_library_entry_get_title (self), credit);
    g_autofree char *joined = note && *note ? g_strconcat (note, "\n", line, NULL) : g_strdup (line);

    uc_chart_spec_set_note (chart, joined);
  }
  return n;
}
