/* uc-chart-spec-json.c: a chart specification read back from a report pack */
#include "uc-chart-spec-json.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <math.h>

#include "uc-csv.h"
#include "uc-dataset.h"
#include "uc-json-load.h"
#include "uc-parse.h"
#include "uc-time.h"

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
member_bool (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_TYPE (node) == JSON_NODE_VALUE &&
         json_node_get_value_type (node) == G_TYPE_BOOLEAN && json_node_get_boolean (node);
}

static double
member_number (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double) json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return 0;
}

/* Dates, or the date and time packs of intraday charts carry
 * (2025-01-01T06:30:00Z). */
static gboolean
parse_time (const char *text,
            UcTime     *out)
{
  return text != NULL && (uc_time_parse_date (text, strlen (text), out) ||
                          uc_parse_date (text, strlen (text), UC_DATE_ISO_DATETIME, out));
}

/* "x": {"kind": "number", "unit": "day"} and numbers for "from" and "to"
 * on a number axis; dates without it. */
static gboolean
read_x_axis (JsonObject  *root,
             UcChartSpec *spec,
             UcTime      *from,
             UcTime      *to)
{
  JsonNode *node = json_object_get_member (root, "x");
  JsonObject *x = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *a = json_object_get_member (root, "from"), *b = json_object_get_member (root, "to");
  GType ta = a && JSON_NODE_HOLDS_VALUE (a) ? json_node_get_value_type (a) : G_TYPE_INVALID;
  GType tb = b && JSON_NODE_HOLDS_VALUE (b) ? json_node_get_value_type (b) : G_TYPE_INVALID;

  if (x == NULL || g_strcmp0 (member_string (x, "kind"), "number") != 0)
    return parse_time (member_string (root, "from"), from) && parse_time (member_string (root, "to"), to) && *to > *from;
  uc_chart_spec_set_x_kind (spec, UC_X_NUMBER);
  uc_chart_spec_set_x_unit (spec, member_string (x, "unit"));
  return (ta == G_TYPE_INT64 || ta == G_TYPE_DOUBLE) && (tb == G_TYPE_INT64 || tb == G_TYPE_DOUBLE) &&
         uc_x_from_number (member_number (root, "from"), from) && uc_x_from_number (member_number (root, "to"), to) &&
         *to > *from;
}

static gboolean
fail (GError    **error,
      GFile      *file,
      const char *what)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: %s", name, what);
  return FALSE;
}

/* The x values of data.csv's "x" column (a chart on a number axis),
 * scaled as series hold them; a number out of reach is missing. */
static UcTime *
scaled_numbers (UcDataset *table,
                int        column)
{
  const double *numbers = uc_dataset_get_numbers (table, column);
  guint n = uc_dataset_get_n_rows (table);
  UcTime *x = g_new (UcTime, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    if (!uc_x_from_number (numbers[i], &x[i]))
      x[i] = UC_TIME_MISSING;
  return x;
}

/* The points of data.csv (series label, date or number, value) into the
 * series of the same label. */
static gboolean
load_points (GHashTable  *by_label,
             GFile       *csv,
             UcXKind      x_kind,
             GError     **error)
{
  g_autoptr(UcDataset) table = uc_csv_read_file (csv, NULL, NULL, NULL, NULL, NULL, error);
  g_autofree UcTime *scaled = NULL;
  int series_col, date_col, value_col, label_col;
  const UcTime *times;
  const double *values;
  const char *x_name = x_kind == UC_X_NUMBER ? "x" : "date";

  if (table == NULL)
    return FALSE;
  series_col = uc_dataset_find_column (table, "series");
  date_col = uc_dataset_find_column (table, x_name);
  value_col = uc_dataset_find_column (table, "value");
  /* Point names (scatter charts), when the pack has them. */
  label_col = uc_dataset_find_column_of_type (table, "label", UC_COLUMN_TEXT);
  if (series_col < 0 || date_col < 0 || value_col < 0)
    return fail (error, csv, x_kind == UC_X_NUMBER ? "needs the columns series, x and value"
                                                   : "needs the columns series, date and value");
  if (uc_dataset_get_n_rows (table) == 0)
    return TRUE;
  if (x_kind == UC_X_NUMBER)
    {
      if (uc_dataset_get_column_type (table, date_col) != UC_COLUMN_NUMBER ||
          uc_dataset_get_column_type (table, value_col) != UC_COLUMN_NUMBER)
        return fail (error, csv, "the x or value column does not hold numbers");
      times = scaled = scaled_numbers (table, date_col);
    }
  else if ((uc_dataset_get_column_type (table, date_col) != UC_COLUMN_DATE &&
            uc_dataset_get_column_type (table, date_col) != UC_COLUMN_DATETIME) ||
           uc_dataset_get_column_type (table, value_col) != UC_COLUMN_NUMBER)
    return fail (error, csv, "the date or value column does not hold dates or numbers");
  else
    times = uc_dataset_get_times (table, date_col);
  values = uc_dataset_get_numbers (table, value_col);

  for (guint row = 0; row < uc_dataset_get_n_rows (table); row++)
    {
      g_autofree char *label = uc_dataset_format_cell (table, series_col, row);
      UcSeries *series = g_hash_table_lookup (by_label, label);
      guint n;

      if (series == NULL)
        {
          g_autofree char *what = g_strdup_printf ("line %u: no series “%s” in chart.json", row + 2, label);
          return fail (error, csv, what);
        }
      if (times[row] == UC_TIME_MISSING)
        continue;
      n = uc_series_get_length (series);
      if (n > 0 && uc_series_get_x (series)[n - 1] > times[row])
        {
          g_autofree char *what = g_strdup_printf ("line %u: %s of “%s” go back", row + 2,
                                                   x_kind == UC_X_NUMBER ? "the x values" : "dates", label);
          return fail (error, csv, what);
        }
      uc_series_append (series, times[row], uc_dataset_is_missing (table, value_col, row) ? NAN : values[row]);
      if (label_col >= 0)
        uc_series_set_point_label (series, n, uc_dataset_get_text (table, label_col, row));
    }
  return TRUE;
}

UcChartSpec *
uc_chart_spec_new_from_pack (GFile   *chart_json,
                             int     *width,
                             int     *height,
                             double  *scale,
                             GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(GHashTable) by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GFile) dir = g_file_get_parent (chart_json);
  g_autoptr(GFile) csv = NULL;
  JsonObject *root;
  JsonNode *node;
  UcChartKind kind = UC_CHART_LINE;
  UcLegendPosition legend = UC_LEGEND_TOP;
  UcValueFormat value_format;
  UcTime from, to;
  const char *text;

  g_return_val_if_fail (G_IS_FILE (chart_json), NULL);

  if (!uc_json_load_file (parser, chart_json, error))
    return NULL;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, chart_json, "not a chart specification (no object at the top)"), NULL;
  root = json_node_get_object (node);

  uc_chart_spec_set_title (spec, member_string (root, "title"));
  uc_chart_spec_set_subtitle (spec, member_string (root, "subtitle"));
  uc_chart_spec_set_x_title (spec, member_string (root, "x_title"));
  uc_chart_spec_set_y_title (spec, member_string (root, "y_title"));
  uc_chart_spec_set_source (spec, member_string (root, "source"));
  uc_chart_spec_set_note (spec, member_string (root, "note"));
  if ((text = member_string (root, "kind")) != NULL && !uc_chart_kind_from_string (text, &kind))
    return fail (error, chart_json, "unknown chart kind"), NULL;
  uc_chart_spec_set_kind (spec, kind);
  if ((text = member_string (root, "legend")) != NULL && !uc_legend_position_from_string (text, &legend))
    return fail (error, chart_json, "unknown legend position"), NULL;
  uc_chart_spec_set_legend_position (spec, legend);
  uc_chart_spec_set_stacked (spec, member_bool (root, "stacked"));
  uc_chart_spec_set_log_scale (spec, member_bool (root, "log_scale"));
  if (uc_value_format_from_string (member_string (root, "value_format"), &value_format))
    uc_chart_spec_set_value_format (spec, value_format);
  if (!read_x_axis (root, spec, &from, &to))
    return fail (error, chart_json, uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER
                                    ? "“from” and “to” must be numbers, “from” first"
                                    : "“from” and “to” must be dates, “from” first"), NULL;
  uc_chart_spec_set_range (spec, from, to);
  /* Out of any sane range reads as not given; the caller bounds-checks. */
  if (width)
    *width = (int) CLAMP (member_number (root, "width"), 0, 1e6);
  if (height)
    *height = (int) CLAMP (member_number (root, "height"), 0, 1e6);
  if (scale)
    *scale = isfinite (member_number (root, "scale")) ? member_number (root, "scale") : 0;

  node = json_object_get_member (root, "series");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, chart_json, "no “series” list"), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);
      g_autoptr(UcSeries) series = NULL;
      const char *id, *label;

      if (!JSON_NODE_HOLDS_OBJECT (item) ||
          (id = member_string (json_node_get_object (item), "id")) == NULL)
        return fail (error, chart_json, "a series without an “id”"), NULL;
      label = member_string (json_node_get_object (item), "label");
      series = uc_series_new (id, label);
      uc_series_set_emphasis (series, member_bool (json_node_get_object (item), "emphasis"));
      uc_series_set_right_axis (series, g_strcmp0 (member_string (json_node_get_object (item), "axis"), "right") == 0);
      {
        JsonNode *color = json_object_get_member (json_node_get_object (item), "color");

        if (color && JSON_NODE_HOLDS_VALUE (color) && json_node_get_value_type (color) == G_TYPE_STRING &&
            g_strcmp0 (json_node_get_string (color), "foreground") == 0)
          uc_series_set_color (series, UC_SERIES_COLOR_FOREGROUND);
        else if (color && JSON_NODE_HOLDS_VALUE (color) && json_node_get_value_type (color) == G_TYPE_INT64 &&
                 json_node_get_int (color) >= 0 && json_node_get_int (color) < 1000)
          uc_series_set_color (series, (int) json_node_get_int (color));
        else if (color)
          return fail (error, chart_json, "a series “color” is “foreground” or a palette slot (0, 1, …)"), NULL;
      }
      if (g_hash_table_contains (by_label, uc_series_get_label (series)))
        return fail (error, chart_json, "two series with the same label"), NULL;
      g_hash_table_insert (by_label, g_strdup (uc_series_get_label (series)), g_object_ref (series));
      uc_chart_spec_add_series (spec, series);
    }

  node = json_object_get_member (root, "events");
  /* Events and lanes are dates: a number axis has no place for them. */
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER &&
      (kind == UC_CHART_LANES || (node && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)))
    return fail (error, chart_json, "a chart on a number axis has no events or lanes (they are dates)"), NULL;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (node), i);
        JsonObject *o;
        g_autoptr(UcEvent) event = NULL;
        UcTime at, end;

        if (!JSON_NODE_HOLDS_OBJECT (item))
          continue;
        o = json_node_get_object (item);
        if (!parse_time (member_string (o, "date"), &at) || member_string (o, "title") == NULL)
          return fail (error, chart_json, "an event needs a “date” and a “title”"), NULL;
        event = uc_event_new (at, member_string (o, "title"), uc_event_category_from_string (member_string (o, "category")));
        if (parse_time (member_string (o, "end"), &end) && end > at)
          uc_event_set_end (event, end);
        if (member_string (o, "label"))
          uc_event_set_label (event, member_string (o, "label"));
        uc_event_set_source_url (event, member_string (o, "source_url"));
        uc_event_set_lane (event, member_string (o, "lane"));
        uc_event_set_description (event, member_string (o, "description"));
        if (json_object_has_member (o, "hollow") && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "hollow")) &&
            json_node_get_value_type (json_object_get_member (o, "hollow")) == G_TYPE_BOOLEAN)
          uc_event_set_hollow (event, json_object_get_boolean_member (o, "hollow"));
        uc_chart_spec_add_event (spec, event);
      }

  node = json_object_get_member (root, "inputs");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      {
        JsonNode *item = json_array_get_element (json_node_get_array (node), i);
        JsonObject *o;
        const char *date_kind, *sha;

        if (!JSON_NODE_HOLDS_OBJECT (item))
          continue;

        o = json_node_get_object (item);
        date_kind = member_string (o, "retrieved") ? "retrieved" : member_string (o, "modified") ? "modified" : NULL;
        uc_chart_spec_add_provenance (spec, member_string (o, "name"), member_string (o, "source"), NULL,
                                      date_kind ? member_string (o, date_kind) : member_string (o, "date"), date_kind);
        /* Only a well-formed checksum is carried into a new pack. */
        sha = member_string (o, "sha256");
        if (sha && strlen (sha) == 64 && strspn (sha, "0123456789abcdef") == 64)
          uc_chart_spec_set_provenance_sha256 (spec, uc_chart_spec_get_n_provenance (spec) - 1, sha);
      }

  /* An event lane chart's data.csv lists its events, which chart.json has. */
  csv = g_file_get_child (dir, "data.csv");
  if (uc_chart_spec_get_kind (spec) != UC_CHART_LANES &&
      !load_points (by_label, csv, uc_chart_spec_get_x_kind (spec), error))
    return NULL;
  return g_steal_pointer (&spec);
}
