/* uc-dataset-charts.c: chart specifications made from a dataset's columns */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-dataset-charts.h"

#include "uc-view-error.h"

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

  if ((tc = uc_dataset_require_column (dataset, time_column, UC_COLUMN_DATE, error)) < 0 ||
      (kc = uc_dataset_require_column (dataset, key_column, UC_COLUMN_TEXT, error)) < 0 ||
      (vc = uc_dataset_require_column (dataset, value_column, UC_COLUMN_NUMBER, error)) < 0)
    return NULL;
  if (label_column && (lc = uc_dataset_require_column (dataset, label_column, UC_COLUMN_TEXT, error)) < 0)
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
                       /* Translators: a table's name, a row's number, a series' name, a date. */
                       _("%s: row %u: %s on %s is out of date order or repeated"),
                       uc_dataset_get_name (dataset), row + 2, key, date);
          return NULL;
        }
      uc_series_append (series, times[row], values[row]);
    }

  return g_steal_pointer (&result);
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

/* The columns named exist with the right types; the x column's index. */
static int
check_columns (UcDataset          *dataset,
               const char         *x_column,
               const char * const *y_columns,
               const char         *group_column,
               const char         *label_column,
               gboolean            one_date_is_enough,
               int                *gc,
               int                *lc,
               GError            **error)
{
  int xc = uc_dataset_find_column (dataset, x_column);
  UcColumnType x_type = xc >= 0 ? uc_dataset_get_column_type (dataset, xc) : UC_COLUMN_TEXT;

  if (xc < 0 || x_type == UC_COLUMN_TEXT || (x_type == UC_COLUMN_NUMBER && one_date_is_enough))
    {
      const char *name = uc_dataset_get_name (dataset);

      if (xc < 0 && one_date_is_enough)
        g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                     /* Translators: a table's name, then a column's name as given. */
                     _("%s: no column “%s” (the x axis needs a date or datetime column)"), name, x_column);
      else if (xc < 0)
        g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                     /* Translators: a table's name, then a column's name as given. */
                     _("%s: no column “%s” (the x axis needs a date, datetime or number column)"), name, x_column);
      else if (one_date_is_enough)
        g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                     /* Translators: a table's name, then a column's name. */
                     _("%s: not a date column: “%s” (the x axis needs a date or datetime column)"), name, x_column);
      else
        g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                     /* Translators: a table's name, then a column's name. */
                     _("%s: not a date column: “%s” (the x axis needs a date, datetime or number column)"),
                     name, x_column);
      return -1;
    }
  if (group_column && (*gc = uc_dataset_require_column (dataset, group_column, UC_COLUMN_TEXT, error)) < 0)
    return -1;
  if (label_column && (*lc = uc_dataset_require_column (dataset, label_column, UC_COLUMN_TEXT, error)) < 0)
    return -1;
  for (guint k = 0; y_columns[k]; k++)
    if (uc_dataset_require_column (dataset, y_columns[k], UC_COLUMN_NUMBER, error) < 0)
      return -1;
  return xc;
}

/* A number axis: the numbers scaled into the time axis's int64s, a number
 * out of reach missing; the axis named and read by the column. */
static UcTime *
scale_numbers (UcDataset   *dataset,
               int          xc,
               const char  *x_column,
               UcChartSpec *spec)
{
  const double *numbers = uc_dataset_get_numbers (dataset, xc);
  guint n = uc_dataset_get_n_rows (dataset);
  UcTime *scaled = g_new (UcTime, MAX (n, 1));

  for (guint r = 0; r < n; r++)
    if (!uc_x_from_number (numbers[r], &scaled[r]))
      scaled[r] = UC_TIME_MISSING;
  uc_chart_spec_set_x_kind (spec, UC_X_NUMBER);
  uc_chart_spec_set_x_unit (spec, x_column);
  uc_chart_spec_set_x_title (spec, x_column);
  return scaled;
}

/* Sorted, complete and not grouped: the series borrow the columns as they
 * are. Checked on the column itself, before building a row order that a
 * million-row file would pay for in page faults. FALSE when not so. */
static gboolean
borrow_columns (UcDataset          *dataset,
                const UcTime       *times,
                const char * const *y_columns,
                int                 lc,
                UcChartSpec        *spec)
{
  guint n = uc_dataset_get_n_rows (dataset);

  if (n == 0 || times[0] == UC_TIME_MISSING)
    return FALSE;
  for (guint r = 1; r < n; r++)
    if (times[r] == UC_TIME_MISSING || times[r - 1] > times[r])
      return FALSE;
  for (guint k = 0; y_columns[k]; k++)
    {
      int yc = uc_dataset_find_column (dataset, y_columns[k]);
      g_autoptr(UcSeries) series = uc_series_new_borrowed (y_columns[k], y_columns[k], times,
                                                           uc_dataset_get_numbers (dataset, yc), n, G_OBJECT (dataset));

      for (guint r = 0; lc >= 0 && r < n; r++)
        uc_series_set_point_label (series, r, uc_dataset_get_text (dataset, lc, r));
      uc_chart_spec_add_series (spec, series);
    }
  return TRUE;
}

/* The dated rows in time order (downloads often list the newest first). */
static GArray *
rows_in_time_order (const UcTime *times,
                    guint         n)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  gboolean sorted = TRUE;

  for (guint r = 0; r < n; r++)
    if (times[r] != UC_TIME_MISSING)
      g_array_append_val (order, r);
  for (guint i = 1; i < order->len && sorted; i++)
    sorted = times[g_array_index (order, guint, i - 1)] <= times[g_array_index (order, guint, i)];
  if (!sorted)
    g_array_sort_with_data (order, compare_rows_by_time, (gpointer) times);
  return order;
}

/* Column @y_name (NULL: every row counts as one) as one series, or one
 * per group code in the order the groups appear. */
static void
add_series_of_column (UcDataset    *dataset,
                      const UcTime *times,
                      GArray       *order,
                      const char   *y_name,
                      gboolean      several_y,
                      int           gc,
                      int           lc,
                      UcChartSpec  *spec)
{
  const double *values = y_name ? uc_dataset_get_numbers (dataset, uc_dataset_find_column (dataset, y_name)) : NULL;
  const guint32 *codes = gc >= 0 ? uc_dataset_get_codes (dataset, gc) : NULL;
  UcStringTable *groups = gc >= 0 ? uc_dataset_get_string_table (dataset, gc) : NULL;
  g_autofree UcSeries **by_code = g_new0 (UcSeries *, (groups ? uc_string_table_size (groups) : 0) + 1);

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
          const char *name = y_name ? y_name : "rows";
          g_autofree char *key = group ? (several_y ? g_strdup_printf ("%s · %s", group, name) : g_strdup (group))
                                       : g_strdup (name);
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

  xc = check_columns (dataset, x_column, y_columns, group_column, label_column, one_date_is_enough, &gc, &lc, error);
  if (xc < 0)
    return NULL;
  /* A number axis's rows are always copied: the fast path borrows the
   * dataset's own time column. */
  if (uc_dataset_get_column_type (dataset, xc) == UC_COLUMN_NUMBER)
    scaled = scale_numbers (dataset, xc, x_column, spec);
  times = scaled ? scaled : uc_dataset_get_times (dataset, xc);
  if (gc < 0 && y_columns[0] && scaled == NULL && borrow_columns (dataset, times, y_columns, lc, spec))
    {
      lo = times[0];
      hi = times[n - 1];
    }
  else
    {
      order = rows_in_time_order (times, n);
      /* No y column: every row counts as one (for counting per period). */
      for (guint k = 0; k == 0 || (y_columns[0] && y_columns[k]); k++)
        add_series_of_column (dataset, times, order, y_columns[0] ? y_columns[k] : NULL, y_columns[0] && y_columns[1],
                              gc, lc, spec);
      if (order->len > 0)
        {
          lo = times[g_array_index (order, guint, 0)];
          hi = times[g_array_index (order, guint, order->len - 1)];
        }
    }
  if (one_date_is_enough && lo == hi)
    hi = lo + 1;
  if (lo >= hi)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                   /* Translators: a table's name, then a column's name. */
                   scaled ? _("%s: column “%s” needs at least two different numbers")
                          /* Translators: a table's name, then a column's name. */
                          : _("%s: column “%s” needs at least two different dates"),
                   uc_dataset_get_name (dataset), x_column);
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
