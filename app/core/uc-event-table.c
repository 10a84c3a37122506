/* uc-event-table.c: chart events read from a table of dated rows */
#include "uc-event-table.h"

#include "uc-csv-writer.h"
#include "uc-view-error.h"

/* The table's events in the range, of @categories (NULL: all), each of
 * @category_of_all when >= 0; G_MAXUINT when it cannot be read. */
static guint
add_events (UcChartSpec        *spec,
            UcDataset          *events,
            UcTime              from,
            UcTime              to,
            const char * const *categories,
            int                 category_of_all,
            GError            **error)
{
  guint added = 0;
  int dc, tc, cc, xc, uc, ec, lc;

  if ((dc = uc_dataset_require_column (events, "date", UC_COLUMN_DATE, error)) < 0 ||
      (tc = uc_dataset_require_column (events, "title", UC_COLUMN_TEXT, error)) < 0)
    return G_MAXUINT;
  ec = uc_dataset_find_column (events, "end");
  if (ec >= 0 && uc_dataset_get_column_type (events, ec) != UC_COLUMN_DATE && uc_dataset_get_column_type (events, ec) != UC_COLUMN_DATETIME)
    ec = -1;
  cc = uc_dataset_find_column_of_type (events, "category", UC_COLUMN_TEXT);
  xc = uc_dataset_find_column_of_type (events, "description", UC_COLUMN_TEXT);
  uc = uc_dataset_find_column_of_type (events, "source_url", UC_COLUMN_TEXT);
  lc = uc_dataset_find_column_of_type (events, "lane", UC_COLUMN_TEXT);

  for (guint row = 0; row < uc_dataset_get_n_rows (events); row++)
    {
      UcTime t = uc_dataset_get_times (events, dc)[row];
      UcTime end = ec >= 0 ? uc_dataset_get_times (events, ec)[row] : UC_TIME_MISSING;
      /* Text the user's events file marked to read back as written
       * (uc_csv_append_marked_text()) loses its mark. */
      const char *category = cc >= 0 ? uc_csv_unmark_text (uc_dataset_get_text (events, cc, row)) : NULL;
      const char *title = uc_csv_unmark_text (uc_dataset_get_text (events, tc, row));
      g_autoptr(UcEvent) event = NULL;

      /* A span counts when any part of it is in the range. */
      if (t == UC_TIME_MISSING || (end != UC_TIME_MISSING ? end : t) < from || t > to || title == NULL ||
          (categories && !g_strv_contains (categories, category ? category : "")))
        continue;
      event = uc_event_new (t, title, category_of_all >= 0 ? (UcEventCategory) category_of_all
                                                           : uc_event_category_from_string (category));
      if (end != UC_TIME_MISSING)
        uc_event_set_end (event, end);
      if (category_of_all >= 0)
        uc_event_set_tag (event, category);
      if (xc >= 0)
        uc_event_set_description (event, uc_csv_unmark_text (uc_dataset_get_text (events, xc, row)));
      if (uc >= 0)
        uc_event_set_source_url (event, uc_csv_unmark_text (uc_dataset_get_text (events, uc, row)));
      if (lc >= 0)
        uc_event_set_lane (event, uc_csv_unmark_text (uc_dataset_get_text (events, lc, row)));
      uc_chart_spec_add_event (spec, event);
      added++;
    }
  return added;
}

/* Events from a table with `date` and `title` columns (`end` for spans,
 * `category`, `description` and `source_url` when present), between @from and @to, of
 * the given categories (NULL: all). */
gboolean
uc_chart_spec_add_events_from (UcChartSpec        *spec,
                               UcDataset          *events,
                               UcTime              from,
                               UcTime              to,
                               const char * const *categories,
                               GError            **error)
{
  return add_events (spec, events, from, to, categories, -1, error) != G_MAXUINT;
}

/* The events of such a table between @from and @to, all of @category
 * whatever their `category` column says (the user's own events file is
 * one category of its own). Returns how many were added, or G_MAXUINT
 * with @error when the table lacks a date or title column. */
guint
uc_chart_spec_add_events_as (UcChartSpec      *spec,
                             UcDataset        *events,
                             UcTime            from,
                             UcTime            to,
                             UcEventCategory   category,
                             GError          **error)
{
  return add_events (spec, events, from, to, NULL, (int) category, error);
}

/* The events from day @from to day @to (days since 1970), all but those on
 * @skip_day, as "2024-12-26 DeepSeek-V3 released; …"; NULL when none. */
char *
uc_event_table_list_between (UcDataset *events,
                             gint64     from,
                             gint64     to,
                             gint64     skip_day)
{
  int c_date, c_title;
  const UcTime *dates;
  g_autoptr(GString) list = NULL;

  if (events == NULL || from == G_MININT64 || to == G_MININT64)
    return NULL;
  c_date = uc_dataset_find_column_of_type (events, "date", UC_COLUMN_DATE);
  c_title = uc_dataset_find_column_of_type (events, "title", UC_COLUMN_TEXT);
  if (c_date < 0 || c_title < 0)
    return NULL;
  dates = uc_dataset_get_times (events, c_date);
  for (guint row = 0; row < uc_dataset_get_n_rows (events); row++)
    {
      gint64 day = dates[row] / UC_USEC_PER_DAY;
      const char *title = uc_dataset_get_text (events, c_title, row);
      g_autofree char *date = NULL;

      if (dates[row] == UC_TIME_MISSING || day < from || day > to || day == skip_day)
        continue;
      date = uc_time_format_date (dates[row]);
      if (list == NULL)
        list = g_string_new (NULL);
      else
        g_string_append (list, "; ");
      g_string_append_printf (list, "%s %s", date, title ? title : "");
    }
  return list ? g_string_free (g_steal_pointer (&list), FALSE) : NULL;
}
