/* uc-views.c: the built-in chart views, built from the embedded datasets */
#include "config.h"

#include "uc-views.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-format.h"
#include "uc-json-load.h"
#include "uc-view.h"

#include <json-glib/json-glib.h>

G_DEFINE_QUARK (uc-view-error-quark, uc_view_error)

/* Ids and titles of the views compiled in, read once from their files. */
const UcViewInfo *
uc_views_list (guint *n_views)
{
  static UcViewInfo *list;
  static guint n;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_auto(GStrv) ids = uc_view_list_ids ();
      GArray *found = g_array_new (FALSE, FALSE, sizeof (UcViewInfo));

      for (guint i = 0; ids[i]; i++)
        {
          g_autofree char *path = g_strdup_printf (RESOURCE_BASE "/views/%s.json", ids[i]);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
          g_autoptr(JsonParser) parser = json_parser_new ();
          JsonNode *root;
          UcViewInfo info;

          if (bytes == NULL || !uc_json_load_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), ids[i], NULL))
            continue;
          root = json_parser_get_root (parser);
          if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
              !json_object_has_member (json_node_get_object (root), "title"))
            continue;
          info.id = g_intern_string (ids[i]);
          info.title = g_intern_string (json_object_get_string_member (json_node_get_object (root), "title"));
          g_array_append_val (found, info);
        }
      n = found->len;
      list = (UcViewInfo *) (void *) g_array_free (found, FALSE);
      g_once_init_leave (&once, 1);
    }
  *n_views = n;
  return list;
}

static int
require_column (UcDataset    *dataset,
                const char   *name,
                UcColumnType  type,
                GError      **error)
{
  int column = uc_dataset_find_column (dataset, name);

  if (column < 0 || uc_dataset_get_column_type (dataset, column) != type)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                   "%s: expected a %s column called “%s”",
                   uc_dataset_get_name (dataset), uc_column_type_to_string (type), name);
      return -1;
    }
  return column;
}

/* Long format (one row per date and key) to one series per key, in the
 * order keys first appear. Rows must be in date order within a key. */
GPtrArray *
uc_series_from_long (UcDataset   *dataset,
                     const char  *time_column,
                     const char  *key_column,
                     const char  *value_column,
                     const char  *label_column,
                     GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  int tc, kc, vc, lc = -1;
  const UcTime *times;
  const char *key, *label;
  const double *values;

  if ((tc = require_column (dataset, time_column, UC_COLUMN_DATE, error)) < 0 ||
      (kc = require_column (dataset, key_column, UC_COLUMN_TEXT, error)) < 0 ||
      (vc = require_column (dataset, value_column, UC_COLUMN_NUMBER, error)) < 0)
    return NULL;
  if (label_column && (lc = require_column (dataset, label_column, UC_COLUMN_TEXT, error)) < 0)
    return NULL;

  times = uc_dataset_get_times (dataset, tc);
  values = uc_dataset_get_numbers (dataset, vc);

  for (guint row = 0; row < uc_dataset_get_n_rows (dataset); row++)
    {
      UcSeries *series;
      guint n;

      key = uc_dataset_get_text (dataset, kc, row);
      if (key == NULL || times[row] == UC_TIME_MISSING)
        continue;
      series = g_hash_table_lookup (by_key, key);
      if (series == NULL)
        {
          label = lc >= 0 ? uc_dataset_get_text (dataset, lc, row) : NULL;
          series = uc_series_new (key, label ? label : key);
          g_ptr_array_add (result, series);
          g_hash_table_insert (by_key, (gpointer) uc_series_get_id (series), series);
        }
      n = uc_series_get_length (series);
      if (n > 0 && uc_series_get_x (series)[n - 1] >= times[row])
        {
          g_autofree char *date = uc_time_format_date (times[row]);

          g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                       "%s: row %u: %s on %s is out of date order or repeated",
                       uc_dataset_get_name (dataset), row + 2, key, date);
          return NULL;
        }
      uc_series_append (series, times[row], values[row]);
    }

  return g_steal_pointer (&result);
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
  int dc, tc, cc, xc, uc, ec, lc;

  if ((dc = require_column (events, "date", UC_COLUMN_DATE, error)) < 0 ||
      (tc = require_column (events, "title", UC_COLUMN_TEXT, error)) < 0)
    return FALSE;
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
      const char *category = cc >= 0 ? uc_dataset_get_text (events, cc, row) : NULL;
      const char *title = uc_dataset_get_text (events, tc, row);
      g_autoptr(UcEvent) event = NULL;

      /* A span counts when any part of it is in the range. */
      if (t == UC_TIME_MISSING || (end != UC_TIME_MISSING ? end : t) < from || t > to || title == NULL ||
          (categories && !g_strv_contains (categories, category ? category : "")))
        continue;
      event = uc_event_new (t, title, uc_event_category_from_string (category));
      if (end != UC_TIME_MISSING)
        uc_event_set_end (event, end);
      if (xc >= 0)
        uc_event_set_description (event, uc_dataset_get_text (events, xc, row));
      if (uc >= 0)
        uc_event_set_source_url (event, uc_dataset_get_text (events, uc, row));
      if (lc >= 0)
        uc_event_set_lane (event, uc_dataset_get_text (events, lc, row));
      uc_chart_spec_add_event (spec, event);
    }
  return TRUE;
}

/* The lane of a release by where its makers are: "US;GB" and
 * "GB;Multinational;US" (joint or parent companies) count as US. */
const char *
uc_release_region (const char *countries)
{
  static const char * const europe[] = { "AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL",
                                         "NO", "PL", "SE", NULL };
  g_auto(GStrv) codes = g_strsplit (countries ? countries : "", ";", -1);

  if (g_strv_contains ((const char * const *) codes, "US"))
    return "US";
  if (g_strv_contains ((const char * const *) codes, "CN"))
    return _("China");
  for (guint i = 0; codes[i]; i++)
    if (g_strv_contains (europe, g_strstrip (codes[i])))
      return _("Europe");
  return _("Other");
}

/* The columns a table of model releases has (optional ones are -1). */
typedef struct
{
  int date, model, organization, country, open, source, parameters;
} ReleaseColumns;

static gboolean
find_release_columns (UcDataset       *releases,
                      ReleaseColumns  *c,
                      GError         **error)
{
  if ((c->date = require_column (releases, "date", UC_COLUMN_DATE, error)) < 0 ||
      (c->model = require_column (releases, "model", UC_COLUMN_TEXT, error)) < 0 ||
      (c->organization = require_column (releases, "organization", UC_COLUMN_TEXT, error)) < 0 ||
      (c->country = require_column (releases, "country", UC_COLUMN_TEXT, error)) < 0 ||
      (c->open = require_column (releases, "open_weights", UC_COLUMN_TEXT, error)) < 0)
    return FALSE;
  c->source = uc_dataset_find_column_of_type (releases, "source", UC_COLUMN_TEXT);
  c->parameters = uc_dataset_find_column_of_type (releases, "parameters", UC_COLUMN_NUMBER);
  return TRUE;
}

/* One release as a lane event: its region's lane, a ring when its weights
 * are not open (or not known to be); NULL for a row without date or name. */
static UcEvent *
release_event (UcDataset            *releases,
               const ReleaseColumns *c,
               guint                 row)
{
  UcTime t = uc_dataset_get_times (releases, c->date)[row];
  const char *model = uc_dataset_get_text (releases, c->model, row);
  const char *open = uc_dataset_get_text (releases, c->open, row);
  const char *organization = uc_dataset_get_text (releases, c->organization, row);
  const char *source = c->source >= 0 ? uc_dataset_get_text (releases, c->source, row) : NULL;
  double params = c->parameters >= 0 ? uc_dataset_get_numbers (releases, c->parameters)[row] : NAN;
  g_autofree char *size = NULL;
  g_autofree char *description = NULL;
  UcEvent *event;

  if (t == UC_TIME_MISSING || model == NULL)
    return NULL;
  event = uc_event_new (t, model, UC_EVENT_MODEL_RELEASE);
  uc_event_set_lane (event, uc_release_region (uc_dataset_get_text (releases, c->country, row)));
  uc_event_set_hollow (event, g_strcmp0 (open, "yes") != 0);
  size = !isnan (params) && params > 0
         ? (params >= 1e9 ? g_strdup_printf (_(" · %.0fB parameters"), params / 1e9)
                          : g_strdup_printf (_(" · %.0fM parameters"), params / 1e6))
         : g_strdup ("");
  description = g_strdup_printf ("%s · %s%s", organization ? organization : "",
                                 g_strcmp0 (open, "yes") == 0 ? _("open weights") :
                                 g_strcmp0 (open, "no") == 0 ? _("closed weights") : _("weights: not known"),
                                 size);
  uc_event_set_description (event, description);
  /* The first of several sources. */
  if (source)
    {
      g_auto(GStrv) urls = g_strsplit (source, ",", 2);

      uc_event_set_source_url (event, g_strstrip (urls[0]));
    }
  return event;
}

/* Model releases as events on a lane chart: one lane per region, a ring
 * for releases whose weights are not open (or not known to be). */
gboolean
uc_chart_spec_add_release_events (UcChartSpec  *spec,
                                  UcDataset    *releases,
                                  UcTime        from,
                                  UcTime        to,
                                  GError      **error)
{
  ReleaseColumns c;

  if (!find_release_columns (releases, &c, error))
    return FALSE;
  for (guint row = 0; row < uc_dataset_get_n_rows (releases); row++)
    {
      UcTime t = uc_dataset_get_times (releases, c.date)[row];
      g_autoptr(UcEvent) event = NULL;

      if (t == UC_TIME_MISSING || t < from || t > to || (event = release_event (releases, &c, row)) == NULL)
        continue;
      uc_chart_spec_add_event (spec, event);
    }
  return TRUE;
}

/* The releases whose lane event matches @filter's words (uc_event_matches),
 * so counts of releases narrow as the release lanes do. */
UcDataset *
uc_releases_matching (UcDataset   *releases,
                      const char  *filter,
                      GError     **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  ReleaseColumns c;

  if (!find_release_columns (releases, &c, error))
    return NULL;
  for (guint row = 0; row < uc_dataset_get_n_rows (releases); row++)
    {
      g_autoptr(UcEvent) event = release_event (releases, &c, row);

      if (event && uc_event_matches (event, filter))
        g_array_append_val (rows, row);
    }
  return uc_dataset_select_rows (releases, (const guint *) rows->data, rows->len);
}

/* "DeepSeek-R1 released (open weights, MIT)" reads as "DeepSeek-R1 released". */
char *
uc_event_short_label (const char *title)
{
  const char *cut = strstr (title, " (");
  const char *colon = strstr (title, ": ");

  if (colon && (!cut || colon < cut))
    return g_strndup (title, colon - title);
  return cut ? g_strndup (title, cut - title) : g_strdup (title);
}

/* "NVDA −17.0% · −$593B": the move into the first point at or after @t
 * (events on weekends meet the next trading day), from the point before.
 * Money adds the change in dollars. NULL when there is no such pair. */
char *
uc_event_change_label (UcSeries      *series,
                       UcTime         t,
                       UcValueFormat  format)
{
  int i = uc_series_find_before (series, t);
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  g_autofree char *pct = NULL;
  g_autofree char *dollars = NULL;
  g_autofree char *id = NULL;

  if (i < 0 || x[i] < t)
    i++;
  if (i < 1 || i >= (int) uc_series_get_length (series) || isnan (y[i]) || isnan (y[i - 1]) || y[i - 1] == 0)
    return NULL;
  pct = uc_format_scaled (100 * (y[i] / y[i - 1] - 1), y[i] > y[i - 1] ? "+" : "", (UcUnit) { 1, "" }, 1, "%");
  /* Named by the series' id as the data has it ("NVDA", not "NVDA:rebased"). */
  id = g_strndup (uc_series_get_id (series), strcspn (uc_series_get_id (series), ":"));
  if (format != UC_VALUE_MONEY)
    return g_strdup_printf ("%s %s", id, pct);
  dollars = uc_format_money_change (y[i] - y[i - 1]);
  return g_strdup_printf ("%s %s · %s", id, pct, dollars);
}

/* The first chart of a view: what `export --view` draws. */
UcChartSpec *
uc_view_build (const char  *id,
               GError     **error)
{
  g_autoptr(UcView) view = uc_view_load (id, error);

  return view ? g_object_ref (uc_view_get_chart (view, 0)) : NULL;
}

static int
compare_rows_by_time (gconstpointer a,
                      gconstpointer b,
                      gpointer      data)
{
  const UcTime *t = data;
  guint ra = *(const guint *) a, rb = *(const guint *) b;

  if (t[ra] != t[rb])
    return t[ra] < t[rb] ? -1 : 1;
  return ra < rb ? -1 : ra > rb;   /* stable: file order among equal times */
}

/* A chart of any dataset: one series per y column, or per y column and
 * group value when the table is long (ticker, country…). Rows need not be
 * sorted; missing values stay gaps. A number column as x makes a chart on
 * a number axis, named and read ("day +3") by the column. */
static UcChartSpec *
from_dataset (UcDataset          *dataset,
              const char         *x_column,
              const char * const *y_columns,
              const char         *group_column,
              const char         *label_column,
              gboolean            one_date_is_enough,
              GError            **error)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(GArray) order = NULL;
  g_autofree UcTime *scaled = NULL;
  const UcTime *times;
  int xc, gc = -1, lc = -1;
  guint n = uc_dataset_get_n_rows (dataset);
  UcTime lo = G_MAXINT64, hi = G_MININT64;
  UcColumnType x_type;

  xc = uc_dataset_find_column (dataset, x_column);
  x_type = xc >= 0 ? uc_dataset_get_column_type (dataset, xc) : UC_COLUMN_TEXT;
  if (xc < 0 || x_type == UC_COLUMN_TEXT || (x_type == UC_COLUMN_NUMBER && one_date_is_enough))
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, "%s: %s “%s” (the x axis needs a %s column)",
                   uc_dataset_get_name (dataset), xc < 0 ? "no column" : "not a date column:", x_column,
                   one_date_is_enough ? "date or datetime" : "date, datetime or number");
      return NULL;
    }
  if (group_column && (gc = require_column (dataset, group_column, UC_COLUMN_TEXT, error)) < 0)
    return NULL;
  if (label_column && (lc = require_column (dataset, label_column, UC_COLUMN_TEXT, error)) < 0)
    return NULL;
  for (guint k = 0; y_columns[k]; k++)
    if (require_column (dataset, y_columns[k], UC_COLUMN_NUMBER, error) < 0)
      return NULL;

  /* A number axis: the numbers scaled into the time axis's int64s, a
   * number out of reach missing. Its rows are always copied (the fast
   * path below borrows the dataset's own time column). */
  if (x_type == UC_COLUMN_NUMBER)
    {
      const double *numbers = uc_dataset_get_numbers (dataset, xc);

      scaled = g_new (UcTime, MAX (n, 1));
      for (guint r = 0; r < n; r++)
        if (!uc_x_from_number (numbers[r], &scaled[r]))
          scaled[r] = UC_TIME_MISSING;
      uc_chart_spec_set_x_kind (spec, UC_X_NUMBER);
      uc_chart_spec_set_x_unit (spec, x_column);
      uc_chart_spec_set_x_title (spec, x_column);
    }
  times = scaled ? scaled : uc_dataset_get_times (dataset, xc);

  /* Sorted, complete and not grouped: the series can use the columns as
   * they are. Checked on the column itself, before building a row order
   * that a million-row file would pay for in page faults. */
  if (gc < 0 && y_columns[0] && n > 0 && times[0] != UC_TIME_MISSING && scaled == NULL)
    {
      gboolean usable = TRUE;

      for (guint r = 1; r < n && usable; r++)
        usable = times[r] != UC_TIME_MISSING && times[r - 1] <= times[r];
      if (usable)
        {
          for (guint k = 0; y_columns[k]; k++)
            {
              int yc = uc_dataset_find_column (dataset, y_columns[k]);
              g_autoptr(UcSeries) series = uc_series_new_borrowed (y_columns[k], y_columns[k], times,
                                                                   uc_dataset_get_numbers (dataset, yc), n,
                                                                   G_OBJECT (dataset));

              for (guint r = 0; lc >= 0 && r < n; r++)
                uc_series_set_point_label (series, r, uc_dataset_get_text (dataset, lc, r));
              uc_chart_spec_add_series (spec, series);
            }
          goto range;
        }
    }

  order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  for (guint r = 0; r < n; r++)
    if (times[r] != UC_TIME_MISSING)
      g_array_append_val (order, r);
  /* Downloads often list the newest row first. */
  {
    gboolean sorted = TRUE;

    for (guint i = 1; i < order->len && sorted; i++)
      sorted = times[g_array_index (order, guint, i - 1)] <= times[g_array_index (order, guint, i)];
    if (!sorted)
      g_array_sort_with_data (order, compare_rows_by_time, (gpointer) times);
  }

  /* No y column: every row counts as one (for counting per period). */
  for (guint k = 0; k == 0 || (y_columns[0] && y_columns[k]); k++)
    {
      const char *y_name = y_columns[0] ? y_columns[k] : "rows";
      const double *values = y_columns[0] ? uc_dataset_get_numbers (dataset, uc_dataset_find_column (dataset, y_name)) : NULL;
      const guint32 *codes = gc >= 0 ? uc_dataset_get_codes (dataset, gc) : NULL;
      UcStringTable *groups = gc >= 0 ? uc_dataset_get_string_table (dataset, gc) : NULL;
      guint n_groups = groups ? uc_string_table_size (groups) : 0;
      /* One series per group code, created in the order groups appear. */
      g_autofree UcSeries **by_code = g_new0 (UcSeries *, n_groups + 1);

      for (guint i = 0; i < order->len; i++)
        {
          guint r = g_array_index (order, guint, i);
          guint32 code = codes ? codes[r] : 0;
          UcSeries *series;

          if (codes && code == 0)
            continue;
          series = by_code[code];
          if (series == NULL)
            {
              const char *group = codes ? uc_string_table_get (groups, code) : NULL;
              g_autofree char *key = group ? (y_columns[0] && y_columns[1] ? g_strdup_printf ("%s · %s", group, y_name) : g_strdup (group))
                                           : g_strdup (y_name);
              g_autoptr(UcSeries) created = uc_series_new (key, key);

              if (!codes)
                uc_series_reserve (created, order->len);
              uc_chart_spec_add_series (spec, created);
              series = by_code[code] = created;
            }
          uc_series_append (series, times[r], values ? values[r] : 1);
          if (lc >= 0)
            uc_series_set_point_label (series, uc_series_get_length (series) - 1, uc_dataset_get_text (dataset, lc, r));
        }
    }

range:
  if (order == NULL)
    {
      lo = times[0];
      hi = times[n - 1];
    }
  else if (order->len > 0)
    {
      lo = times[g_array_index (order, guint, 0)];
      hi = times[g_array_index (order, guint, order->len - 1)];
    }
  if (one_date_is_enough && lo == hi)
    hi = lo + 1;
  if (lo >= hi)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, "%s: column “%s” needs at least two different %s",
                   uc_dataset_get_name (dataset), x_column, scaled ? "numbers" : "dates");
      return NULL;
    }
  uc_chart_spec_set_range (spec, lo, hi);
  uc_chart_spec_set_title (spec, uc_dataset_get_name (dataset));
  return g_steal_pointer (&spec);
}

UcChartSpec *
uc_chart_spec_from_dataset (UcDataset          *dataset,
                            const char         *x_column,
                            const char * const *y_columns,
                            const char         *group_column,
                            const char         *label_column,
                            GError            **error)
{
  return from_dataset (dataset, x_column, y_columns, group_column, label_column, FALSE, error);
}

/* Each dated row as a point of value 1, one series per group: what counts
 * per period are made of. One date is enough (the periods make the range). */
UcChartSpec *
uc_chart_spec_rows_by_group (UcDataset   *dataset,
                             const char  *x_column,
                             const char  *group_column,
                             GError     **error)
{
  static const char * const none[] = { NULL };

  return from_dataset (dataset, x_column, none, group_column, NULL, TRUE, error);
}
