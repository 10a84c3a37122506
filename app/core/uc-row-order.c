/* uc-row-order.c: a dataset's rows sorted by a column, or kept by a filter
 *
 * What UcRowList shows, worked out apart from it: plain functions of an
 * immutable dataset, so they may run on a worker thread, and give up when
 * cancelled (the result is then not to be used).
 */
#include "uc-row-order.h"

#include <math.h>
#include <string.h>

/* Sorting: by the column's values, missing ones last in either order,
 * equal ones in the dataset's order. Each row is sorted with its key
 * beside it (a number, or an instant or a text's rank as an integer),
 * negated for a descending sort, and its index to break ties. */

typedef struct
{
  union
  {
    double number;
    gint64 integer;
  } key;
  guint row;
} Keyed;

static int
compare_numbers (const void *a,
                 const void *b)
{
  const Keyed *x = a, *y = b;

  if (x->key.number != y->key.number)
    return x->key.number < y->key.number ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

static int
compare_integers (const void *a,
                  const void *b)
{
  const Keyed *x = a, *y = b;

  if (x->key.integer != y->key.integer)
    return x->key.integer < y->key.integer ? -1 : 1;
  return (x->row > y->row) - (x->row < y->row);
}

typedef struct
{
  guint32  code;
  char    *key;
} CodeKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (((const CodeKey *) a)->key, ((const CodeKey *) b)->key);
}

/* Each distinct text once, in the order of the user's language: a
 * million rows of a few tickers sort on a few collation keys. */
static guint *
rank_codes (UcStringTable *table)
{
  guint n = uc_string_table_size (table);
  CodeKey *keys = g_new (CodeKey, n);
  guint *ranks = g_new0 (guint, n + 1);

  for (guint i = 0; i < n; i++)
    {
      keys[i].code = i + 1;
      keys[i].key = g_utf8_collate_key (uc_string_table_get (table, i + 1), -1);
    }
  qsort (keys, n, sizeof *keys, compare_keys);
  for (guint i = 0; i < n; i++)
    {
      ranks[keys[i].code] = i;
      g_free (keys[i].key);
    }
  g_free (keys);
  return ranks;
}

/* Every row of @dataset in the order of @column (-1: the dataset's). */
GArray *
uc_row_order_sort (UcDataset    *dataset,
                   int           column,
                   gboolean      descending,
                   GCancellable *cancellable)
{
  guint n = uc_dataset_get_n_rows (dataset);
  GArray *sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  UcColumnType type;
  g_autofree Keyed *keyed = NULL;
  g_autofree guint *ranks = NULL;
  const double *numbers = NULL;
  const UcTime *times = NULL;
  const guint32 *codes = NULL;
  guint n_keyed = 0, n_missing = 0;
  guint *out;

  g_array_set_size (sorted, n);
  out = (guint *) sorted->data;
  for (guint i = 0; i < n; i++)
    out[i] = i;
  if (column < 0 || g_cancellable_is_cancelled (cancellable))
    return sorted;
  type = uc_dataset_get_column_type (dataset, column);
  if (type == UC_COLUMN_NUMBER)
    numbers = uc_dataset_get_numbers (dataset, column);
  else if (type == UC_COLUMN_TEXT)
    {
      codes = uc_dataset_get_codes (dataset, column);
      ranks = rank_codes (uc_dataset_get_string_table (dataset, column));
    }
  else
    times = uc_dataset_get_times (dataset, column);

  keyed = g_new (Keyed, MAX (n, 1));
  /* The rows with a value get keys; the missing ones go last, filled
   * in from the end. */
  for (guint row = 0; row < n; row++)
    {
      Keyed *k = &keyed[n_keyed];

      if (numbers && !isnan (numbers[row]))
        k->key.number = descending ? -numbers[row] : numbers[row];
      else if (times && times[row] != UC_TIME_MISSING)
        k->key.integer = descending ? -times[row] : times[row];
      else if (codes && codes[row] != 0)
        k->key.integer = descending ? -(gint64) ranks[codes[row]] : (gint64) ranks[codes[row]];
      else
        {
          out[n - 1 - n_missing++] = row;
          continue;
        }
      k->row = row;
      n_keyed++;
    }
  /* Back in the dataset's order. */
  for (guint i = n_keyed, j = n - 1; n_missing > 1 && i < j; i++, j--)
    {
      guint t = out[i];

      out[i] = out[j];
      out[j] = t;
    }
  if (g_cancellable_is_cancelled (cancellable))
    return sorted;
  qsort (keyed, n_keyed, sizeof (Keyed), numbers ? compare_numbers : compare_integers);
  for (guint i = 0; i < n_keyed; i++)
    out[i] = keyed[i].row;
  return sorted;
}

/* Filtering: a row is kept when one of its cells, as text, contains the
 * filter's text, ignoring case. Text columns are tested once per
 * distinct text; numbers and dates only when the filter could be part of
 * one (digits, signs, points, e, T, Z, Q, colons). */

typedef struct
{
  guint          column;
  UcColumnType   type;
  const guint32 *codes;
  guint8        *matches;     /* text: per code */
  const double  *numbers;
  const UcTime  *times;
} FilterColumn;

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = NULL;

  for (const char *p = haystack; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        folded = g_utf8_casefold (haystack, -1);
        return strstr (folded, needle) != NULL;
      }
  /* ASCII: no need for a folded copy. */
  for (const char *p = haystack; *p; p++)
    {
      gsize i = 0;

      while (needle[i] && p[i] && g_ascii_tolower (p[i]) == needle[i])
        i++;
      if (needle[i] == '\0')
        return TRUE;
    }
  return FALSE;
}

/* Whether @needle could be part of a number's text: digits, a point, an
 * exponent, and a sign only where a number has one (at its start or its
 * exponent's). */
static gboolean
could_be_number (const char *needle)
{
  if (needle[strspn (needle, "0123456789.-+e")] != '\0')
    return FALSE;
  for (const char *p = needle + 1; *p; p++)
    if ((*p == '-' || *p == '+') && p[-1] != 'e')
      return FALSE;
  return TRUE;
}

/* Or of a date's or an instant's: 2025-01-27t14:30:00z, 2025-q1. */
static gboolean
could_be_date (const char *needle)
{
  return needle[strspn (needle, "0123456789-:.tzq")] == '\0';
}

/* A number as uc_dataset_format_cell() writes it (as short as reads back
 * exactly), without an allocation: the filter formats a million of them. */
static const char *
format_number (double  value,
               char   *buf,
               gsize   size)
{
  if (isnan (value))
    return NULL;
  for (int precision = 15; precision <= 17; precision++)
    {
      g_snprintf (buf, size, "%.*g", precision, value);
      if (precision == 17 || g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return buf;
}

/* A date or an instant as uc_dataset_format_cell() writes it. */
static const char *
format_time (UcDataset *dataset,
             guint      column,
             UcTime     t,
             char      *buf,
             gsize      size)
{
  int y, m, d;

  if (t == UC_TIME_MISSING)
    return NULL;
  uc_time_to_ymd (t, &y, &m, &d);
  if (uc_dataset_get_column_type (dataset, column) == UC_COLUMN_DATETIME)
    {
      gint64 secs = (t - uc_time_from_ymd (y, m, d)) / G_USEC_PER_SEC;

      g_snprintf (buf, size, "%04d-%02d-%02dt%02d:%02d:%02dz", y, m, d,
                  (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
      return buf;
    }
  switch (uc_dataset_get_date_unit (dataset, column))
    {
    case UC_DATE_UNIT_YEAR: g_snprintf (buf, size, "%04d", y); break;
    case UC_DATE_UNIT_QUARTER: g_snprintf (buf, size, "%04d-q%d", y, (m - 1) / 3 + 1); break;
    case UC_DATE_UNIT_MONTH: g_snprintf (buf, size, "%04d-%02d", y, m); break;
    case UC_DATE_UNIT_DAY:
    default: g_snprintf (buf, size, "%04d-%02d-%02d", y, m, d); break;
    }
  return buf;
}

static gboolean
row_matches (UcDataset    *dataset,
             const char   *filter,
             FilterColumn *columns,
             guint         n_columns,
             guint         row)
{
  for (guint i = 0; i < n_columns; i++)
    {
      FilterColumn *c = &columns[i];
      char buf[64];
      const char *text;

      if (c->type == UC_COLUMN_TEXT)
        {
          if (c->matches[c->codes[row]])
            return TRUE;
          continue;
        }
      if (c->type == UC_COLUMN_NUMBER)
        text = format_number (c->numbers[row], buf, sizeof buf);
      else
        text = format_time (dataset, c->column, c->times[row], buf, sizeof buf);
      if (text && contains_folded (text, filter))
        return TRUE;
    }
  return FALSE;
}

/* The rows of @rows (in their order) with a cell containing @folded
 * (from uc_row_order_fold()); NULL: all of them. */
GArray *
uc_row_order_filter (UcDataset    *dataset,
                     const guint  *rows,
                     guint         n_rows,
                     const char   *folded,
                     GCancellable *cancellable)
{
  guint n_columns = uc_dataset_get_n_columns (dataset);
  g_autofree FilterColumn *columns = NULL;
  GArray *shown = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_tested = 0;

  if (folded == NULL)
    {
      g_array_append_vals (shown, rows, n_rows);
      return shown;
    }
  columns = g_new0 (FilterColumn, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      UcColumnType type = uc_dataset_get_column_type (dataset, c);
      FilterColumn *fc = &columns[n_tested];

      if ((type == UC_COLUMN_NUMBER && !could_be_number (folded)) ||
          ((type == UC_COLUMN_DATE || type == UC_COLUMN_DATETIME) && !could_be_date (folded)))
        continue;
      fc->column = c;
      fc->type = type;
      if (type == UC_COLUMN_TEXT)
        {
          UcStringTable *table = uc_dataset_get_string_table (dataset, c);
          guint n_codes = uc_string_table_size (table);

          fc->codes = uc_dataset_get_codes (dataset, c);
          fc->matches = g_new0 (guint8, n_codes + 1);
          for (guint code = 1; code <= n_codes; code++)
            fc->matches[code] = contains_folded (uc_string_table_get (table, code), folded);
        }
      else if (type == UC_COLUMN_NUMBER)
        fc->numbers = uc_dataset_get_numbers (dataset, c);
      else
        fc->times = uc_dataset_get_times (dataset, c);
      n_tested++;
    }
  for (guint i = 0; i < n_rows; i++)
    {
      /* A filter typed on is given up between blocks of rows. */
      if (i % 65536 == 0 && g_cancellable_is_cancelled (cancellable))
        break;
      if (row_matches (dataset, folded, columns, n_tested, rows[i]))
        g_array_append_val (shown, rows[i]);
    }
  for (guint i = 0; i < n_tested; i++)
    g_free (columns[i].matches);
  return shown;
}

/* What a filter's text is compared as: casefolded, the window's minus
 * sign as the hyphen of the values' text; NULL for no filter. */
char *
uc_row_order_fold (const char *text)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  parts = g_strsplit (text, "−", -1);
  joined = g_strjoinv ("-", parts);
  return g_utf8_casefold (joined, -1);
}
