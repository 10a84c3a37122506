/* uc-view-chart.c: one chart of a view file built from the loaded data
 *
 * In steps: the chart's members read and checked (kind, dataset, axis,
 * range); the members it shares with the command line and the window read
 * into UcChartOptions; its series made, from the events or the releases
 * for lanes, from a dataset otherwise; the series reshaped as the file
 * asks (uc-view-series.c); then the options applied, the chart put on its
 * x axis (uc-view-x-axis.c) and given its texts.
 */
#include "config.h"

#include "uc-view.h"
#include "uc-view-private.h"
#include "uc-format.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-chart-options.h"
#include "uc-dataset-charts.h"
#include "uc-parse.h"
#include "uc-refreshed-source.h"
#include "uc-time.h"
#include "uc-transform.h"

/* One chart's members as read, before it is built. */
typedef struct
{
  JsonObject     *o;
  const char     *kind_name;
  UcChartKind     kind;
  const char     *dataset;
  XAxis           x;
  const char     *group;
  const char     *point_label;
  const char     *count_by;
  GStrv           ys;
  JsonObject     *series_o;
  JsonObject     *events_o;
  gboolean        has_rebase;
  gboolean        has_range;
  UcTime          from, to;
  UcChartOptions  options;   /* what it shares with the command line and the window */
} Chart;

static void
chart_clear (Chart *c)
{
  g_clear_pointer (&c->ys, g_strfreev);
  uc_chart_options_clear (&c->options);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Chart, chart_clear)

/* *@object_ptr replaced by @with, a new reference; FALSE, to return, when
 * @with is NULL (an error). */
static gboolean
replace (gpointer object_ptr,
         gpointer with)
{
  GObject **object = object_ptr;

  if (with == NULL)
    return FALSE;
  g_clear_object (object);
  *object = with;
  return TRUE;
}

/* The chart's inputs name the dataset's source, as the source tells it. */
static void
add_provenance (Reader      *r,
                UcChartSpec *spec,
                const char  *dataset)
{
  uc_source_cite (g_hash_table_lookup (r->view->table_sources, dataset), spec);
}

/* "events": the embedded events in the chart's range, of some categories;
 * "change" names events of some categories by a series' move that day. */
static gboolean
read_event_options (Reader         *r,
                    JsonObject     *events_o,
                    UcChartOptions *options)
{
  JsonObject *change_o = NULL;
  const char *change_series = NULL;

  if (events_o && (!uc_view_read_strings (r, events_o, "categories", &options->event_categories) ||
                   !uc_view_read_object (r, events_o, "change", &change_o)))
    return FALSE;
  if (change_o && (!uc_view_read_string (r, change_o, "series", &change_series) ||
                   !uc_view_read_strings (r, change_o, "categories", &options->change_categories)))
    return FALSE;
  options->change_series = g_strdup (change_series);
  options->replace_events = TRUE;
  g_set_object (&options->events_source, g_hash_table_lookup (r->view->table_sources, "events"));
  return (options->events = uc_view_read_dataset (r, "events", "events")) != NULL;
}

/* The members a chart shares with the command line and the window, read
 * into options that uc_chart_options_apply() applies as they do. */
static gboolean
read_options (Reader         *r,
              JsonObject     *o,
              JsonObject     *events_o,
              UcChartOptions *options)
{
  const char *format_name, *legend_name, *title, *y_title;
  gboolean has_rebase, flag = FALSE;

  if (!uc_view_read_strings (r, o, "emphasis", &options->emphasis) ||
      !uc_view_read_date (r, o, "rebase", &options->base, &has_rebase) ||
      !uc_view_read_string (r, o, "value_format", &format_name) ||
      !uc_view_read_string (r, o, "legend", &legend_name) ||
      !uc_view_read_string (r, o, "title", &title) || !uc_view_read_string (r, o, "y_title", &y_title))
    return FALSE;
  if (format_name && !uc_value_format_from_string (format_name, (UcValueFormat *) &options->value_format))
    return uc_view_fail (r, "value_format", _("expected number, money, percent, index or per-mtok"));
  if (legend_name && !uc_legend_position_from_string (legend_name, (UcLegendPosition *) &options->legend))
    return uc_view_fail (r, "legend", _("expected top, inside or none"));
  options->value_mode = has_rebase ? UC_VALUE_MODE_REBASED : UC_VALUE_MODE_AS_IS;
  if (!uc_view_read_bool (r, o, "log", &flag))
    return FALSE;
  options->log_scale = flag;
  if (json_object_has_member (o, "stacked") && !uc_view_read_bool (r, o, "stacked", &flag))
    return FALSE;
  options->stacked = json_object_has_member (o, "stacked") ? flag : -1;
  options->title = g_strdup (uc_view_text (title));
  options->y_title = g_strdup (uc_view_text (y_title));
  return events_o == NULL || read_event_options (r, events_o, options);
}

/* The options on the chart, a series they name missing told as the
 * member that names it. */
static UcChartSpec *
apply_options (Reader               *r,
               const UcChartOptions *options,
               UcChartSpec          *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) emphasis = NULL;
  UcChartOptions shown = *options;   /* shares its members: never cleared */
  UcChartSpec *out;

  /* A reader's pick may leave out a series the view names: the chart is
   * drawn without its emphasis or its moves on event lines. */
  if (r->view && uc_view_get_picked (r->view, r->chart))
    {
      emphasis = g_ptr_array_new ();
      for (guint i = 0; options->emphasis && options->emphasis[i]; i++)
        if (uc_chart_options_find_series (spec, options->emphasis[i]))
          g_ptr_array_add (emphasis, options->emphasis[i]);
      g_ptr_array_add (emphasis, NULL);
      shown.emphasis = options->emphasis ? (char **) emphasis->pdata : NULL;
      if (options->change_series && uc_chart_options_find_series (spec, options->change_series) == NULL)
        shown.change_series = NULL;
    }
  out = uc_chart_options_apply (&shown, spec, &error);
  if (out == NULL && g_error_matches (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_EMPHASIS))
    return uc_view_fail (r, "emphasis", error->message), NULL;
  if (out == NULL && g_error_matches (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_CHANGE))
    return uc_view_fail (r, "events.change.series", error->message), NULL;
  if (out == NULL)
    g_propagate_error (r->error, g_steal_pointer (&error));
  return out;
}

/* The chart's members checked against those known, read as their types
 * say, and its kind named. */
static gboolean
read_members (Reader     *r,
              JsonObject *o,
              Chart      *c)
{
  static const char * const chart_members[] = {
    "kind", "dataset", "x", "y", "group", "group_by_region", "point_label", "count_by", "series", "range",
    "rebase", "emphasis", "value_format", "log", "stacked", "legend", "title", "subtitle", "source", "note",
    "y_title", "frontier", "combine", "events", "lanes", "compact", "blend", "labels", NULL
  };
  static const char * const series_members[] = { "key", "value", "label", "only", "missing", "pick_same", NULL };
  static const char * const events_members[] = { "categories", "change", NULL };
  static const char * const change_members[] = { "series", "categories", NULL };
  JsonObject *events_o;
  UcTime rebase;

  c->o = o;
  if (!uc_view_only_known_members (r, NULL, o, chart_members))
    return FALSE;
  if (!uc_view_read_string (r, o, "kind", &c->kind_name) || !uc_view_read_string (r, o, "dataset", &c->dataset) ||
      !uc_view_read_x_axis (r, o, &c->x) || !uc_view_read_string (r, o, "group", &c->group) ||
      !uc_view_read_string (r, o, "point_label", &c->point_label) ||
      !uc_view_read_string (r, o, "count_by", &c->count_by) || !uc_view_read_strings (r, o, "y", &c->ys) ||
      !uc_view_read_object (r, o, "series", &c->series_o) || !uc_view_read_object (r, o, "events", &c->events_o) ||
      !uc_view_read_date (r, o, "rebase", &rebase, &c->has_rebase))
    return FALSE;
  events_o = c->events_o;
  if ((c->series_o && !uc_view_only_known_members (r, "series", c->series_o, series_members)) ||
      (events_o && !uc_view_only_known_members (r, "events", events_o, events_members)))
    return FALSE;
  if (events_o && json_object_has_member (events_o, "change") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (events_o, "change")) &&
      !uc_view_only_known_members (r, "events.change", json_object_get_object_member (events_o, "change"),
                                   change_members))
    return FALSE;
  if (c->kind_name && !uc_chart_kind_from_string (c->kind_name, &c->kind))
    return uc_view_fail (r, "kind", _("expected line, step, area, scatter, bars or lanes"));
  return TRUE;
}

/* Events, periods and lanes are dates; a number axis has none. */
static gboolean
check_number_axis (Reader      *r,
                   const Chart *c)
{
  const char *what;

  if (c->x.kind != UC_X_NUMBER)
    return TRUE;
  what = c->kind == UC_CHART_LANES ? "kind" : c->count_by ? "count_by" : c->events_o ? "events" : NULL;
  if (what)
    return uc_view_fail (r, what, _("is for a time axis: dates have no place on a number axis"));
  if (!c->x.has_day0 && (c->has_rebase || json_object_has_member (c->o, "range")))
    return uc_view_fail (r, c->has_rebase ? "rebase" : "range", _("takes dates: a number axis has its range in “x” "
                                                                  "(a date goes with “trading_days_from”)"));
  return TRUE;
}

/* The newest date in column @name of @data, UC_TIME_MISSING if it has
 * none; FALSE, failing on "range", when it is not a column of dates. */
static gboolean
newest_date (Reader     *r,
             UcDataset  *data,
             const char *name,
             UcTime     *newest)
{
  int column = uc_dataset_find_column (data, name);
  UcColumnType type = column >= 0 ? uc_dataset_get_column_type (data, column) : UC_COLUMN_TEXT;
  const UcTime *times;

  if (type != UC_COLUMN_DATE && type != UC_COLUMN_DATETIME)
    {
      /* Translators: “latest” is a word of the view file, kept; a column's name, then a dataset's. */
      g_autofree char *what = g_strdup_printf (_("“latest” needs a date column “%s” in “%s”"), name,
                                               uc_dataset_get_name (data));
      return uc_view_fail (r, "range", what);
    }
  times = uc_dataset_get_times (data, column);
  for (guint row = 0; row < uc_dataset_get_n_rows (data); row++)
    if (times[row] != UC_TIME_MISSING && (*newest == UC_TIME_MISSING || times[row] > *newest))
      *newest = times[row];
  return TRUE;
}

/* A range's end "latest": the last day of the quarter that holds the
 * newest date of the table the chart is drawn from, on its x column (the
 * events' dates and span ends, or the releases' dates, for lanes). A view
 * so runs to the newest data however far the data reach; ending on a
 * quarter shows a last quarter's bars whole and leaves the newest events
 * room for their names, and a view's charts of one table end together.
 * The whole table counts, not the rows a filter leaves, so the range
 * stays put while the words change. */
static gboolean
resolve_latest (Reader *r,
                Chart  *c)
{
  g_autoptr(UcDataset) data = NULL;
  const char *lanes = NULL, *member = "dataset", *id = c->dataset, *column = c->x.column;
  UcTime newest = UC_TIME_MISSING;

  if (c->kind == UC_CHART_LANES)
    {
      if (!uc_view_read_string (r, c->o, "lanes", &lanes))
        return FALSE;
      member = "lanes";
      column = "date";
      if (g_strcmp0 (lanes, "releases") == 0 && r->releases == NULL)
        return uc_view_fail (r, "lanes", _("release lanes need the view's “releases”"));
      id = g_strcmp0 (lanes, "releases") == 0 ? r->releases->dataset : "events";
    }
  if ((data = uc_view_read_dataset (r, member, id)) == NULL || !newest_date (r, data, column, &newest))
    return FALSE;
  if (c->kind == UC_CHART_LANES && g_strcmp0 (lanes, "releases") != 0 &&
      uc_dataset_find_column (data, "end") >= 0 && !newest_date (r, data, "end", &newest))
    return FALSE;
  if (newest == UC_TIME_MISSING || newest <= c->from)
    {
      g_autofree char *last = newest == UC_TIME_MISSING ? NULL : uc_time_format_date (newest);
      g_autofree char *what = last
                              /* Translators: “latest” is a word of the view file, kept; %s is a date. */
                              ? g_strdup_printf (_("“latest” is %s, not after the range's start"), last)
                              /* Translators: “latest” is a word of the view file, kept; %s is a dataset's name. */
                              : g_strdup_printf (_("“latest”: “%s” has no dates"), uc_dataset_get_name (data));

      return uc_view_fail (r, "range", what);
    }
  c->to = uc_time_add_months (uc_period_start (newest, UC_PERIOD_QUARTER), 3) - UC_USEC_PER_DAY;
  return TRUE;
}

/* "range": two dates in order, the stretch of time shown; the second may
 * be "latest", to the newest data. */
static gboolean
read_range (Reader *r,
            Chart  *c)
{
  JsonNode *range = json_object_get_member (c->o, "range");
  JsonArray *pair;
  const char *a = NULL, *b = NULL;
  gboolean latest;

  if (range == NULL)
    return TRUE;
  pair = JSON_NODE_HOLDS_ARRAY (range) ? json_node_get_array (range) : NULL;
  if (pair && json_array_get_length (pair) == 2)
    {
      JsonNode *na = json_array_get_element (pair, 0), *nb = json_array_get_element (pair, 1);

      if (JSON_NODE_HOLDS_VALUE (na) && json_node_get_value_type (na) == G_TYPE_STRING &&
          JSON_NODE_HOLDS_VALUE (nb) && json_node_get_value_type (nb) == G_TYPE_STRING)
        {
          a = json_node_get_string (na);
          b = json_node_get_string (nb);
        }
    }
  latest = g_strcmp0 (b, "latest") == 0;
  if (a == NULL || b == NULL || !uc_parse_date (a, strlen (a), UC_DATE_ISO, &c->from) ||
      (!latest && (!uc_parse_date (b, strlen (b), UC_DATE_ISO, &c->to) || c->to <= c->from)))
    return uc_view_fail (r, "range", _("expected two dates in order, like [\"2024-12-02\", \"2025-03-31\"], "
                                       "or a date and \"latest\""));
  if (latest && !resolve_latest (r, c))
    return FALSE;
  c->has_range = TRUE;
  return TRUE;
}

/* A lane chart: the events (all of them unless "events" narrows), or the
 * view's model releases, one lane per region. All of their days, not only
 * the range's: zoomed out, the lanes show what the bars below count. */
static UcChartSpec *
build_lanes (Reader *r,
             Chart  *c)
{
  g_autoptr(UcChartSpec) spec = NULL;
  g_autoptr(UcDataset) data = NULL;
  const char *lanes;

  if (!uc_view_read_string (r, c->o, "lanes", &lanes))
    return NULL;
  if (!c->has_range)
    return uc_view_fail (r, "range", _("a lane chart needs a range")), NULL;
  spec = uc_chart_spec_new ();
  uc_chart_spec_set_kind (spec, UC_CHART_LANES);
  uc_chart_spec_set_range (spec, c->from, c->to);
  if (lanes == NULL || g_str_equal (lanes, "events"))
    {
      /* The events are the chart: all of them unless "events" narrows. */
      if (c->events_o == NULL && !read_event_options (r, NULL, &c->options))
        return NULL;
    }
  else if (g_str_equal (lanes, "releases"))
    {
      if (r->releases == NULL)
        return uc_view_fail (r, "lanes", _("release lanes need the view's “releases”")), NULL;
      if ((data = uc_view_read_dataset (r, "lanes", r->releases->dataset)) == NULL ||
          !uc_chart_spec_add_release_events (spec, data, &r->releases->table, G_MININT64 + 1, G_MAXINT64, r->error))
        return NULL;
      add_provenance (r, spec, r->releases->dataset);
    }
  else
    return uc_view_fail (r, "lanes", _("expected “events” or “releases”")), NULL;
  return g_steal_pointer (&spec);
}

/* The series of @data, as "count_by" (rows counted per period), "series"
 * (one per key of a long table) or "y" (columns) makes them. */
static UcChartSpec *
series_of_data (Reader      *r,
                const Chart *c,
                UcDataset   *data)
{
  g_autoptr(UcChartSpec) spec = NULL;
  UcPeriod period;

  if (c->count_by)
    {
      if (g_str_equal (c->count_by, "week"))
        period = UC_PERIOD_WEEK;
      else if (g_str_equal (c->count_by, "month"))
        period = UC_PERIOD_MONTH;
      else if (g_str_equal (c->count_by, "quarter"))
        period = UC_PERIOD_QUARTER;
      else
        return uc_view_fail (r, "count_by", _("expected week, month or quarter")), NULL;
      return uc_chart_spec_count_by (data, c->x.column, c->group, period, r->error);
    }
  if (c->series_o)
    {
      spec = uc_chart_spec_new ();
      if (!c->has_range)
        return uc_view_fail (r, "range", _("a chart of \"series\" needs a range")), NULL;
      if (!uc_view_add_long_series (r, c->series_o, data, c->x.column, c->from, c->to, spec))
        return NULL;
      return g_steal_pointer (&spec);
    }
  if (c->ys)
    return uc_chart_spec_from_dataset (data, c->x.column, (const char * const *) c->ys, c->group, c->point_label,
                                       r->error);
  return uc_view_fail (r, NULL, _("a chart needs “y”, “series” or “count_by”")), NULL;
}

/* A chart of a dataset's rows: "blend" first, the releases narrowed, the
 * series made and grouped by region, the kind and range set. */
static UcChartSpec *
build_of_data (Reader *r,
               Chart  *c)
{
  g_autoptr(UcDataset) data = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  g_autofree char *picked_note = NULL;

  if ((data = uc_view_read_dataset (r, "dataset", c->dataset)) == NULL ||
      !replace (&data, uc_view_blend_columns (r, c->o, data)))
    return NULL;
  uc_view_narrow_to_releases (r, c->dataset, &data);
  /* The reader's pick of a grouped chart's values: their rows only. */
  if (r->view && c->group && !replace (&data, uc_view_pick_groups (r->view, r->chart, c->o, data, &picked_note, r->error)))
    return NULL;
  if ((spec = series_of_data (r, c, data)) == NULL || !replace (&spec, uc_view_group_by_region (r, c->o, spec)))
    return NULL;
  if (picked_note)
    uc_chart_spec_set_note (spec, picked_note);
  if (c->kind_name || !c->count_by)
    uc_chart_spec_set_kind (spec, c->kind);
  if (c->has_range)
    uc_chart_spec_set_range (spec, c->from, c->to);
  add_provenance (r, spec, c->dataset);
  return g_steal_pointer (&spec);
}

static char *
day_text (const char *date)
{
  UcTime t;

  if (date == NULL || !uc_time_parse_date (date, strlen (date), &t))
    return NULL;
  return uc_format_day (t);
}

/* How current the chart's data are, after the view's own source line:
 * "Data to 31 Jul 2026 (retrieved 3 Dec 2026)", or for a dataset a
 * refresh extended, who refreshed it and when. */
static char *
currency_text (Reader     *r,
               const char *dataset)
{
  UcSource *source = dataset ? g_hash_table_lookup (r->view->table_sources, dataset) : NULL;
  g_autofree char *last = source ? day_text (uc_source_get_last_date (source)) : NULL;
  g_autofree char *retrieved = source ? day_text (uc_source_get_retrieved (source)) : NULL;
  const char *from = source && UC_IS_REFRESHED_SOURCE (source)
                     ? uc_refreshed_source_get_refreshed_from (UC_REFRESHED_SOURCE (source)) : NULL;

  if (last == NULL || retrieved == NULL)
    return NULL;
  if (from && *from)
    /* Translators: the data's last date, the day it was refreshed, then the sources' names. */
    return g_strdup_printf (_("Data to %s, refreshed %s from %s."), last, retrieved, from);
  /* Translators: the data's last date, then the day it was retrieved. */
  return g_strdup_printf (_("Data to %s (retrieved %s)."), last, retrieved);
}

/* "subtitle", "source" and "note": the chart's texts as the file has them. */
static gboolean
read_texts (Reader      *r,
            JsonObject  *o,
            const char  *dataset,
            UcChartSpec *spec)
{
  const char *s;

  if (!uc_view_read_string (r, o, "subtitle", &s))
    return FALSE;
  uc_chart_spec_set_subtitle (spec, uc_view_text (s));
  if (!uc_view_read_string (r, o, "source", &s))
    return FALSE;
  if (s)
    {
      g_autofree char *currency = currency_text (r, dataset);
      g_autofree char *line = currency ? g_strdup_printf ("%s %s", uc_view_text (s), currency) : NULL;

      uc_chart_spec_set_source (spec, line ? line : uc_view_text (s));
    }
  if (!uc_view_read_string (r, o, "note", &s))
    return FALSE;
  /* After the chart's own note, what its series said (a pick, a key
   * without values). */
  if (s)
    {
      const char *said = uc_chart_spec_get_note (spec);
      g_autofree char *both = said ? g_strdup_printf ("%s %s", uc_view_text (s), said) : NULL;

      uc_chart_spec_set_note (spec, both ? both : uc_view_text (s));
    }
  return TRUE;
}

/* Where a refresh joined a source's closes to the snapshot's (rescaled on
 * the snapshot's last day: see the row's basis), the chart marks that day,
 * so nobody takes the two bases for one. */
static void
mark_joins (Reader      *r,
            const char  *dataset,
            UcChartSpec *spec)
{
  UcDataset *data = dataset ? g_hash_table_lookup (r->view->tables, dataset) : NULL;
  int basis = data ? uc_dataset_find_column (data, "basis") : -1;
  g_autoptr(GHashTable) marked = NULL;

  if (basis < 0 || uc_dataset_get_column_type (data, basis) != UC_COLUMN_TEXT)
    return;
  marked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint row = 0; row < uc_dataset_get_n_rows (data); row++)
    {
      const char *text = uc_dataset_is_missing (data, basis, row) ? NULL : uc_dataset_get_text (data, basis, row);
      const char *joined = text ? strstr (text, "; joined: ") : NULL;
      const char *at = joined ? g_strrstr (joined, " at ") : NULL;
      g_autoptr(UcEvent) event = NULL;
      UcTime day;

      if (at == NULL || strlen (at + 4) < 10 || !uc_time_parse_date (at + 4, 10, &day) ||
          !g_hash_table_add (marked, g_strndup (at + 4, 10)))
        continue;
      event = uc_event_new (day, _("Newer closes joined here, rescaled to the snapshot's basis"), UC_EVENT_OTHER);
      uc_event_set_description (event, joined + strlen ("; joined: "));
      uc_chart_spec_add_event (spec, event);
    }
}

/* The dataset the chart draws: a lane chart's are its events or releases. */
static const char *
chart_dataset (Reader *r,
               Chart  *c)
{
  const char *lanes = NULL;

  if (c->dataset)
    return c->dataset;
  if (json_object_has_member (c->o, "lanes") && JSON_NODE_HOLDS_VALUE (json_object_get_member (c->o, "lanes")))
    lanes = json_object_get_string_member (c->o, "lanes");
  return g_strcmp0 (lanes, "releases") == 0 && r->releases ? r->releases->dataset : "events";
}

/* Chart @o of the view, every member checked, from the tables the view
 * loaded; NULL with @r's error set naming the member that does not fit. */
UcChartSpec *
uc_view_build_chart (Reader     *r,
                     JsonObject *o)
{
  g_auto(Chart) c = { .kind = UC_CHART_LINE, .options = UC_CHART_OPTIONS_INIT };
  g_autoptr(UcChartSpec) spec = NULL;

  if (!read_members (r, o, &c) || !check_number_axis (r, &c) || !read_range (r, &c) ||
      !read_options (r, o, c.events_o, &c.options))
    return NULL;
  c.options.has_range = c.has_range;
  c.options.from = c.from;
  c.options.to = c.to;
  spec = c.kind == UC_CHART_LANES ? build_lanes (r, &c) : build_of_data (r, &c);
  if (spec == NULL || !uc_view_label_series (r, o, spec) ||
      !replace (&spec, uc_view_combine_series (r, o, spec)) || !uc_view_add_frontier (r, o, spec) ||
      !replace (&spec, apply_options (r, &c.options, spec)) || !replace (&spec, uc_view_apply_x_axis (r, &c.x, spec)) ||
      !read_texts (r, o, chart_dataset (r, &c), spec))
    return NULL;
  mark_joins (r, c.dataset, spec);
  return g_steal_pointer (&spec);
}
