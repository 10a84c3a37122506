/* uc-chart-spec-json.c: a chart specification written to a report pack and read back */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-chart-spec-json.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-glib/json-glib.h>
#include <math.h>

#include "uc-csv.h"
#include "uc-dataset.h"
#include "uc-enum.h"
#include "uc-format.h"
#include "uc-json-load.h"
#include "uc-json-writer.h"
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

/* A series' band as data.csv gives it, point by point. Kept apart until
 * every point is in, since appending a point drops a series' band. */
typedef struct
{
  UcSeries *series;   /* borrowed: the labels' table holds it */
  GArray   *low;      /* double */
  GArray   *high;
} Band;

static Band *
band_new (UcSeries *series)
{
  Band *band = g_new0 (Band, 1);

  band->series = series;
  band->low = g_array_new (FALSE, FALSE, sizeof (double));
  band->high = g_array_new (FALSE, FALSE, sizeof (double));
  return band;
}

static void
band_free (Band *band)
{
  g_array_unref (band->low);
  g_array_unref (band->high);
  g_free (band);
}

/* A cell of data.csv named by line and column, as "line 7, column 4
 * (“low”): …". */
static gboolean G_GNUC_PRINTF (6, 7)
fail_at (GError    **error,
         GFile      *csv,
         guint       line,
         UcDataset  *table,
         int         column,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  g_autofree char *where = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a line and a column of data.csv, the column's name, and what is wrong there. */
  where = g_strdup_printf (_("line %u, column %d (“%s”): %s"), line, column + 1,
                           uc_dataset_get_column_name (table, column), what);
  return fail (error, csv, where);
}

/* A band cell as a number, NaN when empty. Only columns that
 * check_band_column() let through come here. */
static double
band_cell (UcDataset *table,
           int        column,
           guint      row)
{
  const char *text;
  double value;
  guint flags;

  if (uc_dataset_is_missing (table, column, row))
    return NAN;
  if (uc_dataset_get_column_type (table, column) == UC_COLUMN_NUMBER)
    return uc_dataset_get_numbers (table, column)[row];
  text = uc_dataset_get_text (table, column, row);
  return uc_parse_number (text, strlen (text), '.', UC_NUMBER_NO_GROUPS, FALSE, &value, &flags) ? value : NAN;
}

/* The "low" or "high" column holds numbers or nothing: the first cell
 * that is no finite number is named. The reader reads such a cell in a
 * column of numbers as missing, saying so in @report; in a column it took
 * for text, each cell is tried. */
static gboolean
check_band_column (UcDataset   *table,
                   UcCsvReport *report,
                   GFile       *csv,
                   int          column,
                   GError     **error)
{
  UcColumnType type = uc_dataset_get_column_type (table, column);

  for (guint i = 0; report && report->cells && i < report->cells->len; i++)
    {
      UcCsvCellWarning *cell = &g_array_index (report->cells, UcCsvCellWarning, i);

      if ((int) cell->field == column)
        /* Translators: %s is a cell's text. */
        return fail_at (error, csv, cell->line, table, column, _("“%s” is not a finite number"),
                        cell->text ? cell->text : "?");
    }
  if (type == UC_COLUMN_NUMBER || uc_dataset_count_missing (table, column) == uc_dataset_get_n_rows (table))
    return TRUE;
  /* Text or dates: the first cell that is no number, as the file has it. */
  for (guint row = 0; row < uc_dataset_get_n_rows (table); row++)
    {
      g_autofree char *text = NULL;
      double value;
      guint flags;

      if (uc_dataset_is_missing (table, column, row))
        continue;
      text = uc_dataset_format_cell (table, column, row);
      if (type != UC_COLUMN_TEXT ||
          !uc_parse_number (text, strlen (text), '.', UC_NUMBER_NO_GROUPS, FALSE, &value, &flags))
        /* Translators: %s is a cell's text. */
        return fail_at (error, csv, row + 2, table, column, _("“%s” is not a number"), text);
    }
  return TRUE;
}

/* data.csv's "low" and "high" columns, both or neither (-1), checked;
 * a pack whose chart.json gives a series a band must have them. */
static gboolean
band_columns (UcDataset   *table,
              UcCsvReport *report,
              GFile       *csv,
              GHashTable  *bands,
              int         *low,
              int         *high,
              GError     **error)
{
  *low = uc_dataset_find_column (table, "low");
  *high = uc_dataset_find_column (table, "high");
  if ((*low < 0) != (*high < 0))
    return fail (error, csv, *low < 0 ? _("a “high” column needs a “low” column beside it")
                                      : _("a “low” column needs a “high” column beside it"));
  if (*low < 0 && g_hash_table_size (bands) > 0)
    {
      GHashTableIter iter;
      const char *label;
      g_autofree char *what = NULL;

      g_hash_table_iter_init (&iter, bands);
      g_hash_table_iter_next (&iter, (gpointer *) &label, NULL);
      /* Translators: %s is a series' name; chart.json is a file's name, “low” and “high” columns' names. */
      what = g_strdup_printf (_("chart.json gives “%s” a band, but there are no “low” and “high” columns"), label);
      return fail (error, csv, what);
    }
  return *low < 0 ||
         (check_band_column (table, report, csv, *low, error) && check_band_column (table, report, csv, *high, error));
}

/* Row @row's low and high (NaN where empty); a band on a series that
 * chart.json gives none, or a low above its high, is refused. */
static gboolean
read_band_row (UcDataset  *table,
               GFile      *csv,
               int         low_col,
               int         high_col,
               guint       row,
               Band       *band,
               const char *label,
               double     *low,
               double     *high,
               GError    **error)
{
  *low = *high = NAN;
  if (low_col < 0)
    return TRUE;
  *low = band_cell (table, low_col, row);
  *high = band_cell (table, high_col, row);
  if (band == NULL && !(isnan (*low) && isnan (*high)))
    return fail_at (error, csv, row + 2, table, isnan (*low) ? high_col : low_col,
                    /* Translators: %s is a series' name; chart.json is a file's name. */
                    _("“%s” has no band in chart.json"), label);
  if (*low > *high)
    {
      g_autofree char *a = uc_format_double_shortest (*low), *b = uc_format_double_shortest (*high);

      /* Translators: two numbers, a band's low and high. */
      return fail_at (error, csv, row + 2, table, low_col, _("the low, %s, is above the high, %s"), a, b);
    }
  return TRUE;
}

/* The x values of data.csv's date (or, on a number axis, "x") column, and
 * its values, checked; @scaled keeps a number axis's x values. */
static gboolean
point_columns (UcDataset     *table,
               GFile         *csv,
               UcXKind        x_kind,
               int           *series_col,
               int           *value_col,
               const UcTime **times,
               UcTime       **scaled,
               GError       **error)
{
  int date_col = uc_dataset_find_column (table, x_kind == UC_X_NUMBER ? "x" : "date");

  *series_col = uc_dataset_find_column (table, "series");
  *value_col = uc_dataset_find_column (table, "value");
  if (*series_col < 0 || date_col < 0 || *value_col < 0)
    return fail (error, csv, x_kind == UC_X_NUMBER ? _("needs the columns series, x and value")
                                                   : _("needs the columns series, date and value"));
  if (uc_dataset_get_n_rows (table) == 0)
    return TRUE;
  if (x_kind == UC_X_NUMBER)
    {
      if (uc_dataset_get_column_type (table, date_col) != UC_COLUMN_NUMBER ||
          uc_dataset_get_column_type (table, *value_col) != UC_COLUMN_NUMBER)
        return fail (error, csv, _("the x or value column does not hold numbers"));
      *times = *scaled = scaled_numbers (table, date_col);
    }
  else if ((uc_dataset_get_column_type (table, date_col) != UC_COLUMN_DATE &&
            uc_dataset_get_column_type (table, date_col) != UC_COLUMN_DATETIME) ||
           uc_dataset_get_column_type (table, *value_col) != UC_COLUMN_NUMBER)
    return fail (error, csv, _("the date or value column does not hold dates or numbers"));
  else
    *times = uc_dataset_get_times (table, date_col);
  return TRUE;
}

/* The points of data.csv (series label, date or number, value, and a low
 * and a high where the series has a band) into the series of the same
 * label, and the bands of @bands set once every point is in. */
static gboolean
load_points (GHashTable  *by_label,
             GHashTable  *bands,
             GFile       *csv,
             UcXKind      x_kind,
             GError     **error)
{
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) table = uc_csv_read_file (csv, NULL, NULL, NULL, NULL, &report, error);
  g_autofree UcTime *scaled = NULL;
  int series_col, value_col, label_col, low_col, high_col;
  const UcTime *times = NULL;
  GHashTableIter iter;
  Band *band;

  if (table == NULL || !point_columns (table, csv, x_kind, &series_col, &value_col, &times, &scaled, error) ||
      !band_columns (table, report, csv, bands, &low_col, &high_col, error))
    return FALSE;
  /* Point names (scatter charts), when the pack has them. */
  label_col = uc_dataset_find_column_of_type (table, "label", UC_COLUMN_TEXT);
  for (guint row = 0; row < uc_dataset_get_n_rows (table); row++)
    {
      g_autofree char *label = uc_dataset_format_cell (table, series_col, row);
      UcSeries *series = g_hash_table_lookup (by_label, label);
      double value = uc_dataset_get_numbers (table, value_col)[row], low, high;
      guint n;

      band = g_hash_table_lookup (bands, label);
      if (series == NULL)
        {
          /* Translators: a line of data.csv, then a series' name; chart.json is a file's name. */
          g_autofree char *what = g_strdup_printf (_("line %u: no series “%s” in chart.json"), row + 2, label);
          return fail (error, csv, what);
        }
      if (!read_band_row (table, csv, low_col, high_col, row, band, label, &low, &high, error))
        return FALSE;
      if (times[row] == UC_TIME_MISSING)
        continue;
      n = uc_series_get_length (series);
      if (n > 0 && uc_series_get_x (series)[n - 1] > times[row])
        {
          g_autofree char *what = x_kind == UC_X_NUMBER
                                  /* Translators: a line of data.csv, then a series' name. */
                                  ? g_strdup_printf (_("line %u: the x values of “%s” go back"), row + 2, label)
                                  /* Translators: a line of data.csv, then a series' name. */
                                  : g_strdup_printf (_("line %u: dates of “%s” go back"), row + 2, label);
          return fail (error, csv, what);
        }
      uc_series_append (series, times[row], uc_dataset_is_missing (table, value_col, row) ? NAN : value);
      if (label_col >= 0)
        uc_series_set_point_label (series, n, uc_dataset_get_text (table, label_col, row));
      if (band != NULL)
        {
          g_array_append_val (band->low, low);
          g_array_append_val (band->high, high);
        }
    }
  g_hash_table_iter_init (&iter, bands);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &band))
    uc_series_set_band (band->series, (double *) band->low->data, (double *) band->high->data, band->low->len);
  return TRUE;
}

/* The chart's own members: titles, kind, legend, axes, and the size it
 * was written at. */
static gboolean
read_chart_members (JsonObject  *root,
                    GFile       *chart_json,
                    UcChartSpec *spec,
                    int         *width,
                    int         *height,
                    double      *scale,
                    GError     **error)
{
  UcChartKind kind = UC_CHART_LINE;
  UcLegendPosition legend = UC_LEGEND_TOP;
  UcValueFormat value_format;
  UcTime from, to;
  const char *text;

  uc_chart_spec_set_title (spec, member_string (root, "title"));
  uc_chart_spec_set_subtitle (spec, member_string (root, "subtitle"));
  uc_chart_spec_set_x_title (spec, member_string (root, "x_title"));
  uc_chart_spec_set_y_title (spec, member_string (root, "y_title"));
  uc_chart_spec_set_source (spec, member_string (root, "source"));
  uc_chart_spec_set_note (spec, member_string (root, "note"));
  if ((text = member_string (root, "kind")) != NULL && !uc_chart_kind_from_string (text, &kind))
    return fail (error, chart_json, _("unknown chart kind"));
  uc_chart_spec_set_kind (spec, kind);
  if ((text = member_string (root, "legend")) != NULL && !uc_legend_position_from_string (text, &legend))
    return fail (error, chart_json, _("unknown legend position"));
  uc_chart_spec_set_legend_position (spec, legend);
  uc_chart_spec_set_stacked (spec, member_bool (root, "stacked"));
  uc_chart_spec_set_log_scale (spec, member_bool (root, "log_scale"));
  if (uc_value_format_from_string (member_string (root, "value_format"), &value_format))
    uc_chart_spec_set_value_format (spec, value_format);
  if ((text = member_string (root, "transform")) != NULL)
    {
      int transform;

      if (!uc_enum_from_nick (UC_TYPE_TRANSFORM, text, &transform))
        return fail (error, chart_json, _("unknown “transform”"));
      uc_chart_spec_set_transform (spec, transform);
    }
  if (!read_x_axis (root, spec, &from, &to))
    return fail (error, chart_json, uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER
                                    ? _("“from” and “to” must be numbers, “from” first")
                                    : _("“from” and “to” must be dates, “from” first"));
  uc_chart_spec_set_range (spec, from, to);
  /* Out of any sane range reads as not given; the caller bounds-checks. */
  if (width)
    *width = (int) CLAMP (member_number (root, "width"), 0, 1e6);
  if (height)
    *height = (int) CLAMP (member_number (root, "height"), 0, 1e6);
  if (scale)
    *scale = isfinite (member_number (root, "scale")) ? member_number (root, "scale") : 0;
  return TRUE;
}

/* A series' "color": "foreground" or a palette slot. */
static gboolean
read_series_color (JsonObject *o,
                   UcSeries   *series)
{
  JsonNode *color = json_object_get_member (o, "color");

  if (color == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (color) && json_node_get_value_type (color) == G_TYPE_STRING &&
      g_strcmp0 (json_node_get_string (color), "foreground") == 0)
    uc_series_set_color (series, UC_SERIES_COLOR_FOREGROUND);
  else if (JSON_NODE_HOLDS_VALUE (color) && json_node_get_value_type (color) == G_TYPE_INT64 &&
           json_node_get_int (color) >= 0 && json_node_get_int (color) < 1000)
    uc_series_set_color (series, (int) json_node_get_int (color));
  else
    return FALSE;
  return TRUE;
}

/* A series' own "kind" ("step" for a frontier among trend lines), drawn
 * instead of the chart's. */
static gboolean
read_series_kind (JsonObject *o,
                  UcSeries   *series)
{
  const char *text = member_string (o, "kind");
  UcChartKind kind;

  if (text == NULL)
    return json_object_get_member (o, "kind") == NULL;
  if (!uc_chart_kind_from_string (text, &kind))
    return FALSE;
  uc_series_set_kind (series, kind);
  return TRUE;
}

/* "series": each one's id, label and look, and "band": true for those
 * with a band; their points (and bands) come from data.csv, found there
 * by label. */
static gboolean
read_series (JsonObject  *root,
             GFile       *chart_json,
             UcChartSpec *spec,
             GHashTable  *by_label,
             GHashTable  *bands,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "series");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, chart_json, _("no “series” list"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (node), i);
      g_autoptr(UcSeries) series = NULL;
      JsonObject *o;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (item) || (id = member_string (json_node_get_object (item), "id")) == NULL)
        return fail (error, chart_json, _("a series without an “id”"));
      o = json_node_get_object (item);
      series = uc_series_new (id, member_string (o, "label"));
      uc_series_set_emphasis (series, member_bool (o, "emphasis"));
      uc_series_set_right_axis (series, g_strcmp0 (member_string (o, "axis"), "right") == 0);
      if (!read_series_color (o, series))
        return fail (error, chart_json, _("a series “color” is “foreground” or a palette slot (0, 1, …)"));
      if (!read_series_kind (o, series))
        return fail (error, chart_json, _("unknown series “kind”"));
      if (g_hash_table_contains (by_label, uc_series_get_label (series)))
        return fail (error, chart_json, _("two series with the same label"));
      g_hash_table_insert (by_label, g_strdup (uc_series_get_label (series)), g_object_ref (series));
      if (member_bool (o, "band"))
        g_hash_table_insert (bands, g_strdup (uc_series_get_label (series)), band_new (series));
      uc_chart_spec_add_series (spec, series);
    }
  return TRUE;
}

/* One of "events": NULL with @error unless it has a date and a title. */
static UcEvent *
read_event (JsonObject *o,
            GFile      *chart_json,
            GError    **error)
{
  UcEvent *event;
  UcTime at, end;
  JsonNode *hollow = json_object_get_member (o, "hollow");

  if (!parse_time (member_string (o, "date"), &at) || member_string (o, "title") == NULL)
    return fail (error, chart_json, _("an event needs a “date” and a “title”")), NULL;
  event = uc_event_new (at, member_string (o, "title"), uc_event_category_from_string (member_string (o, "category")));
  if (parse_time (member_string (o, "end"), &end) && end > at)
    uc_event_set_end (event, end);
  if (member_string (o, "label"))
    uc_event_set_label (event, member_string (o, "label"));
  uc_event_set_source_url (event, member_string (o, "source_url"));
  uc_event_set_lane (event, member_string (o, "lane"));
  uc_event_set_description (event, member_string (o, "description"));
  if (hollow && JSON_NODE_HOLDS_VALUE (hollow) && json_node_get_value_type (hollow) == G_TYPE_BOOLEAN)
    uc_event_set_hollow (event, json_node_get_boolean (hollow));
  return event;
}

static gboolean
read_events (JsonObject  *root,
             GFile       *chart_json,
             UcChartSpec *spec,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, "events");
  JsonArray *events = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  /* Events and lanes are dates: a number axis has no place for them. */
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER &&
      (uc_chart_spec_get_kind (spec) == UC_CHART_LANES || (events && json_array_get_length (events) > 0)))
    return fail (error, chart_json, _("a chart on a number axis has no events or lanes (they are dates)"));
  for (guint i = 0; events && i < json_array_get_length (events); i++)
    {
      JsonNode *item = json_array_get_element (events, i);
      g_autoptr(UcEvent) event = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        continue;
      if ((event = read_event (json_node_get_object (item), chart_json, error)) == NULL)
        return FALSE;
      uc_chart_spec_add_event (spec, event);
    }
  return TRUE;
}

/* "inputs": the chart's provenance, carried into a pack made from it. */
static void
read_inputs (JsonObject  *root,
             UcChartSpec *spec)
{
  JsonNode *node = json_object_get_member (root, "inputs");

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
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
  g_autoptr(GHashTable) bands = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) band_free);
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) csv = NULL;
  JsonObject *root;
  JsonNode *node;

  g_return_val_if_fail (G_IS_FILE (chart_json), NULL);

  if (!uc_json_load_file (parser, chart_json, error))
    return NULL;
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, chart_json, _("not a chart specification (no object at the top)")), NULL;
  root = json_node_get_object (node);
  if (!read_chart_members (root, chart_json, spec, width, height, scale, error) ||
      !read_series (root, chart_json, spec, by_label, bands, error) || !read_events (root, chart_json, spec, error))
    return NULL;
  read_inputs (root, spec);
  /* An event lane chart's data.csv lists its events, which chart.json has. */
  dir = g_file_get_parent (chart_json);
  csv = g_file_get_child (dir, "data.csv");
  if (uc_chart_spec_get_kind (spec) != UC_CHART_LANES &&
      !load_points (by_label, bands, csv, uc_chart_spec_get_x_kind (spec), error))
    return NULL;
  return g_steal_pointer (&spec);
}

/* Writing a pack: its data.csv and chart.json, which the reader above
 * reads back into the same chart. */

/* SHA-256 of a provenance location: a resource:// URI or a regular file.
 * Anything else (a pipe, a device) is not opened: it could block, and
 * reading it again would not give the bytes the chart was drawn from. A
 * reader that hashes what it reads sets the checksum instead. */
static char *
checksum_location (const char *location)
{
  g_autoptr(GChecksum) checksum = NULL;

  if (location == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (g_str_has_prefix (location, "resource://"))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (location + strlen ("resource://"), 0, NULL);
      gsize size;
      const guint8 *data;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &size);
      g_checksum_update (checksum, data, size);
    }
  else
    {
      guint8 buffer[64 * 1024];
      struct stat st;
      ssize_t n;
      int fd = open (location, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

      if (fd < 0)
        return NULL;
      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          close (fd);
          return NULL;
        }
      while ((n = read (fd, buffer, sizeof buffer)) != 0)
        {
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            break;
          g_checksum_update (checksum, buffer, n);
        }
      close (fd);
      if (n < 0)
        return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
format_time (UcTime t)
{
  int y, m, d;

  uc_time_to_ymd (t, &y, &m, &d);
  if (t % UC_USEC_PER_DAY == 0)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  {
    gint64 secs = (t - uc_time_from_ymd (y, m, d)) / G_USEC_PER_SEC;
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                            (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  }
}

/* An x value as the pack writes it: a date (with its time when it has
 * one), or on a number axis the number, as short as reads back exactly. */
static char *
format_x (UcChartSpec *spec,
          UcTime       x)
{
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    return uc_format_double_shortest (uc_x_to_number (x));
  return format_time (x);
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* An event lane chart's data.csv: the events shown. */
static void
append_lane_events (GString     *csv,
                    UcChartSpec *spec,
                    UcTime       from,
                    UcTime       to)
{
  g_string_assign (csv, "date,end,title,category,lane,hollow\n");
  for (guint e = 0; e < uc_chart_spec_get_n_events (spec); e++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, e);
      UcTime end = uc_event_get_end (event);
      g_autofree char *date = format_time (uc_event_get_time (event));
      g_autofree char *end_date = end ? format_time (end) : g_strdup ("");

      if ((end ? end : uc_event_get_time (event)) < from || uc_event_get_time (event) > to)
        continue;
      g_string_append_printf (csv, "%s,%s,", date, end_date);
      csv_field (csv, uc_event_get_title (event));
      g_string_append_printf (csv, ",%s,", uc_event_category_to_string (uc_event_get_category (event)));
      csv_field (csv, uc_event_get_lane (event) ? uc_event_get_lane (event) : "");
      g_string_append (csv, uc_event_get_hollow (event) ? ",yes\n" : ",no\n");
    }
}

/* A band's low or high as a cell: empty where there is no band or no
 * finite value (which draws nothing either). */
static void
append_band_cell (GString      *csv,
                  const double *values,
                  int           i)
{
  g_string_append_c (csv, ',');
  if (values != NULL && isfinite (values[i]))
    {
      g_autofree char *text = uc_format_double_shortest (values[i]);

      g_string_append (csv, text);
    }
}

/* @series' rows of data.csv: the points in the range, with those just
 * outside it that a line is drawn from, so the pack redraws the same
 * picture; their names with @labels, their band's low and high with
 * @bands. */
static void
append_series_rows (GString     *csv,
                    UcChartSpec *spec,
                    UcSeries    *series,
                    gboolean     labels,
                    gboolean     bands)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  const double *low = NULL, *high = NULL;
  UcTime from, to;
  int i, last, n = (int) uc_series_get_length (series);
  gboolean joined = uc_chart_spec_get_kind (spec) != UC_CHART_SCATTER && uc_chart_spec_get_kind (spec) != UC_CHART_BARS;

  uc_chart_spec_get_range (spec, &from, &to);
  i = uc_series_find_before (series, from);
  last = uc_series_find_before (series, to);
  if (!uc_series_get_band (series, &low, &high))
    low = high = NULL;
  if (i < 0 || (x[i] < from && !joined))
    i++;
  if (last < n - 1 && joined)
    last++;
  for (i = MAX (i, 0); i <= last && i < n; i++)
    {
      g_autofree char *date = format_x (spec, x[i]);
      g_autofree char *value = isnan (y[i]) ? g_strdup ("") : uc_format_double_shortest (y[i]);

      csv_field (csv, uc_series_get_label (series));
      g_string_append_printf (csv, ",%s,%s", date, value);
      if (labels)
        {
          g_string_append_c (csv, ',');
          csv_field (csv, uc_series_get_point_label (series, i) ? uc_series_get_point_label (series, i) : "");
        }
      if (bands)
        {
          append_band_cell (csv, low, i);
          append_band_cell (csv, high, i);
        }
      g_string_append_c (csv, '\n');
    }
}

/* A pack's data.csv: exactly the points drawn, one row each, as
 *
 *   series,date,value[,label][,low,high]
 *
 * "x" in place of "date" on a number axis (a number, as short as reads
 * back exactly); "label" when points are named (scatter charts); "low"
 * and "high" when a series has a band (its 95% interval), empty on the
 * rows of a series without one, and for a point without it. The columns
 * that are not needed are left out, so older packs read as they were.
 * For an event lane chart, the events shown. */
char *
uc_chart_spec_to_pack_csv (UcChartSpec *spec)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  gboolean labels = FALSE, bands = FALSE;
  UcTime from, to;

  uc_chart_spec_get_range (spec, &from, &to);
  if (uc_chart_spec_get_kind (spec) == UC_CHART_LANES)
    {
      append_lane_events (csv, spec, from, to);
      return g_string_free (g_steal_pointer (&csv), FALSE);
    }
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      const double *low, *high;

      labels = labels || uc_series_has_point_labels (series);
      bands = bands || uc_series_get_band (series, &low, &high);
    }
  g_string_append (csv, uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER ? "series,x,value" : "series,date,value");
  g_string_append (csv, labels ? ",label" : "");
  g_string_append (csv, bands ? ",low,high\n" : "\n");
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    append_series_rows (csv, spec, uc_chart_spec_get_series (spec, s), labels, bands);
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

/* The stretch shown: numbers on a number axis (which alone says its
 * kind, so a time chart's chart.json is as it was), else dates. */
static void
write_x_axis (UcJsonWriter *w,
              UcChartSpec  *spec)
{
  UcTime from, to;

  uc_chart_spec_get_range (spec, &from, &to);
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    {
      uc_json_key (w, "x");
      uc_json_begin_object (w);
      uc_json_key (w, "kind"); uc_json_string (w, uc_x_kind_to_string (UC_X_NUMBER));
      uc_json_key (w, "unit"); uc_json_string (w, uc_chart_spec_get_x_unit (spec));
      uc_json_end_object (w);
      uc_json_key (w, "from"); uc_json_number (w, uc_x_to_number (from));
      uc_json_key (w, "to"); uc_json_number (w, uc_x_to_number (to));
    }
  else
    {
      g_autofree char *a = format_time (from), *b = format_time (to);

      uc_json_key (w, "from"); uc_json_string (w, a);
      uc_json_key (w, "to"); uc_json_string (w, b);
    }
}

static void
write_series (UcJsonWriter *w,
              UcChartSpec  *spec)
{
  uc_json_begin_array (w);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      const double *low, *high;

      uc_json_begin_object (w);
      uc_json_key (w, "id"); uc_json_string (w, uc_series_get_id (series));
      uc_json_key (w, "label"); uc_json_string (w, uc_series_get_label (series));
      uc_json_key (w, "emphasis"); uc_json_bool (w, uc_series_get_emphasis (series));
      uc_json_key (w, "axis"); uc_json_string (w, uc_series_get_right_axis (series) ? "right" : "left");
      if (uc_series_get_kind (series) >= 0)
        {
          uc_json_key (w, "kind"); uc_json_string (w, uc_chart_kind_to_string (uc_series_get_kind (series)));
        }
      /* Its low and high are in data.csv; said only when there is one. */
      if (uc_series_get_band (series, &low, &high))
        {
          uc_json_key (w, "band"); uc_json_bool (w, TRUE);
        }
      /* Written only when set, so charts without one keep their files. */
      if (uc_series_get_color (series) == UC_SERIES_COLOR_FOREGROUND)
        {
          uc_json_key (w, "color"); uc_json_string (w, "foreground");
        }
      else if (uc_series_get_color (series) >= 0)
        {
          uc_json_key (w, "color"); uc_json_int (w, uc_series_get_color (series));
        }
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
}

static void
write_event (UcJsonWriter *w,
             UcEvent      *event)
{
  g_autofree char *date = format_time (uc_event_get_time (event));

  uc_json_begin_object (w);
  uc_json_key (w, "date"); uc_json_string (w, date);
  uc_json_key (w, "title"); uc_json_string (w, uc_event_get_title (event));
  uc_json_key (w, "category"); uc_json_string (w, uc_event_category_to_string (uc_event_get_category (event)));
  if (uc_event_get_end (event) > uc_event_get_time (event))
    {
      g_autofree char *end = format_time (uc_event_get_end (event));

      uc_json_key (w, "end"); uc_json_string (w, end);
    }
  uc_json_key (w, "label"); uc_json_string (w, uc_event_get_label (event));
  if (uc_event_get_lane (event))
    {
      uc_json_key (w, "lane"); uc_json_string (w, uc_event_get_lane (event));
    }
  if (uc_event_get_hollow (event))
    {
      uc_json_key (w, "hollow"); uc_json_bool (w, TRUE);
    }
  if (uc_event_get_description (event))
    {
      uc_json_key (w, "description"); uc_json_string (w, uc_event_get_description (event));
    }
  uc_json_key (w, "source_url"); uc_json_string (w, uc_event_get_source_url (event));
  uc_json_end_object (w);
}

/* The events of the stretch shown; a span counts when any part of it is. */
static void
write_events (UcJsonWriter *w,
              UcChartSpec  *spec)
{
  UcTime from, to;

  uc_chart_spec_get_range (spec, &from, &to);
  uc_json_begin_array (w);
  for (guint e = 0; e < uc_chart_spec_get_n_events (spec); e++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, e);

      if ((uc_event_get_end (event) ? uc_event_get_end (event) : uc_event_get_time (event)) < from ||
          uc_event_get_time (event) > to)
        continue;
      write_event (w, event);
    }
  uc_json_end_array (w);
}

static void
write_inputs (UcJsonWriter *w,
              UcChartSpec  *spec)
{
  uc_json_begin_array (w);
  for (guint i = 0; i < uc_chart_spec_get_n_provenance (spec); i++)
    {
      const UcProvenance *p = uc_chart_spec_get_provenance (spec, i);
      g_autofree char *sha = p->sha256 ? g_strdup (p->sha256) : checksum_location (p->location);

      uc_json_begin_object (w);
      uc_json_key (w, "name"); uc_json_string (w, p->name);
      uc_json_key (w, "source"); uc_json_string (w, p->source);
      uc_json_key (w, p->date_kind ? p->date_kind : "date"); uc_json_string (w, p->date);
      uc_json_key (w, "sha256"); uc_json_string (w, sha);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
}

/* A pack's chart.json: the chart's specification, the size it was drawn
 * at, and the provenance (source, date, SHA-256) of every input. @files
 * are the pack's other files. Ends with a newline. */
char *
uc_chart_spec_to_pack_json (UcChartSpec        *spec,
                            int                 width,
                            int                 height,
                            double              scale,
                            const char * const *files)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autofree char *json = NULL;

  uc_json_begin_object (w);
  uc_json_key (w, "generator"); uc_json_string (w, "Undercut " PACKAGE_VERSION);
  uc_json_key (w, "title"); uc_json_string (w, uc_chart_spec_get_title (spec));
  uc_json_key (w, "subtitle"); uc_json_string (w, uc_chart_spec_get_subtitle (spec));
  uc_json_key (w, "x_title"); uc_json_string (w, uc_chart_spec_get_x_title (spec));
  uc_json_key (w, "y_title"); uc_json_string (w, uc_chart_spec_get_y_title (spec));
  uc_json_key (w, "kind"); uc_json_string (w, uc_chart_kind_to_string (uc_chart_spec_get_kind (spec)));
  uc_json_key (w, "legend"); uc_json_string (w, uc_legend_position_to_string (uc_chart_spec_get_legend_position (spec)));
  uc_json_key (w, "stacked"); uc_json_bool (w, uc_chart_spec_get_stacked (spec));
  uc_json_key (w, "log_scale"); uc_json_bool (w, uc_chart_spec_get_log_scale (spec));
  uc_json_key (w, "value_format"); uc_json_string (w, uc_value_format_to_string (uc_chart_spec_get_value_format (spec)));
  /* Written only when set, so packs of charts as they are keep their
   * files; the data is the transformed values, this says what they are. */
  if (uc_chart_spec_get_transform (spec) != UC_TRANSFORM_NONE)
    {
      uc_json_key (w, "transform");
      uc_json_string (w, uc_enum_to_nick (UC_TYPE_TRANSFORM, uc_chart_spec_get_transform (spec), "none"));
    }
  write_x_axis (w, spec);
  uc_json_key (w, "width"); uc_json_int (w, width);
  uc_json_key (w, "height"); uc_json_int (w, height);
  uc_json_key (w, "scale"); uc_json_number (w, scale);
  uc_json_key (w, "series");
  write_series (w, spec);
  uc_json_key (w, "events");
  write_events (w, spec);
  uc_json_key (w, "source"); uc_json_string (w, uc_chart_spec_get_source (spec));
  uc_json_key (w, "note"); uc_json_string (w, uc_chart_spec_get_note (spec));
  uc_json_key (w, "inputs");
  write_inputs (w, spec);
  uc_json_key (w, "files");
  uc_json_begin_array (w);
  for (guint i = 0; files && files[i]; i++)
    uc_json_string (w, files[i]);
  uc_json_end_array (w);
  uc_json_end_object (w);
  json = uc_json_writer_steal (w);
  return g_strconcat (json, "\n", NULL);
}
