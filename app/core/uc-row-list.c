/* uc-row-list.c: a dataset's rows, sorted and filtered, as a list model
 *
 * Two arrays of row indices: every row in the sort order, and those of
 * them the filter keeps. Items are made when asked for, so only the rows
 * on screen ever exist as objects.
 */
#include "uc-row-list.h"

#include <math.h>
#include <string.h>

#include "uc-row-item.h"

struct _UcRowList
{
  GObject    parent_instance;

  UcDataset *dataset;
  GArray    *sorted;       /* guint: every row, in the sort order */
  GArray    *shown;        /* guint: the rows of @sorted the filter keeps */
  int        sort_column;  /* -1: the dataset's order */
  gboolean   descending;
  char      *filter;       /* casefolded; NULL: none */
};

static void uc_row_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UcRowList, uc_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, uc_row_list_model_init))

enum
{
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
uc_row_list_get_item_type (GListModel *model)
{
  return UC_TYPE_ROW_ITEM;
}

static guint
uc_row_list_get_n_items (GListModel *model)
{
  return UC_ROW_LIST (model)->shown->len;
}

static gpointer
uc_row_list_get_item (GListModel *model,
                      guint       position)
{
  UcRowList *self = UC_ROW_LIST (model);

  if (position >= self->shown->len)
    return NULL;
  return uc_row_item_new (g_array_index (self->shown, guint, position));
}

static void
uc_row_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = uc_row_list_get_item_type;
  iface->get_n_items = uc_row_list_get_n_items;
  iface->get_item = uc_row_list_get_item;
}

static void
uc_row_list_finalize (GObject *object)
{
  UcRowList *self = UC_ROW_LIST (object);

  g_clear_object (&self->dataset);
  g_clear_pointer (&self->sorted, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (uc_row_list_parent_class)->finalize (object);
}

static void
uc_row_list_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UcRowList *self = UC_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_row_list_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UcRowList *self = UC_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
natural_order (GArray *rows,
               guint   n)
{
  g_array_set_size (rows, n);
  for (guint i = 0; i < n; i++)
    g_array_index (rows, guint, i) = i;
}

static void
uc_row_list_constructed (GObject *object)
{
  UcRowList *self = UC_ROW_LIST (object);
  guint n = self->dataset ? uc_dataset_get_n_rows (self->dataset) : 0;

  G_OBJECT_CLASS (uc_row_list_parent_class)->constructed (object);
  natural_order (self->sorted, n);
  g_array_append_vals (self->shown, self->sorted->data, n);
}

static void
uc_row_list_class_init (UcRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = uc_row_list_finalize;
  object_class->get_property = uc_row_list_get_property;
  object_class->set_property = uc_row_list_set_property;
  object_class->constructed = uc_row_list_constructed;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, UC_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_row_list_init (UcRowList *self)
{
  self->sorted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sort_column = -1;
}

UcRowList *
uc_row_list_new (UcDataset *dataset)
{
  g_return_val_if_fail (UC_IS_DATASET (dataset), NULL);
  return g_object_new (UC_TYPE_ROW_LIST, "dataset", dataset, NULL);
}

UcDataset *
uc_row_list_get_dataset (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), NULL);
  return self->dataset;
}

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

static void
sort_rows (UcRowList *self)
{
  guint n = uc_dataset_get_n_rows (self->dataset);
  int column = self->sort_column;
  UcColumnType type;
  g_autofree Keyed *keyed = NULL;
  g_autofree guint *ranks = NULL;
  const double *numbers = NULL;
  const UcTime *times = NULL;
  const guint32 *codes = NULL;
  guint n_keyed = 0, n_missing = 0;
  guint *out;

  natural_order (self->sorted, n);
  if (column < 0)
    return;
  type = uc_dataset_get_column_type (self->dataset, column);
  if (type == UC_COLUMN_NUMBER)
    numbers = uc_dataset_get_numbers (self->dataset, column);
  else if (type == UC_COLUMN_TEXT)
    {
      codes = uc_dataset_get_codes (self->dataset, column);
      ranks = rank_codes (uc_dataset_get_string_table (self->dataset, column));
    }
  else
    times = uc_dataset_get_times (self->dataset, column);

  keyed = g_new (Keyed, MAX (n, 1));
  out = (guint *) self->sorted->data;
  /* The rows with a value get keys; the missing ones go last, filled
   * in from the end. */
  for (guint row = 0; row < n; row++)
    {
      Keyed *k = &keyed[n_keyed];

      if (numbers && !isnan (numbers[row]))
        k->key.number = self->descending ? -numbers[row] : numbers[row];
      else if (times && times[row] != UC_TIME_MISSING)
        k->key.integer = self->descending ? -times[row] : times[row];
      else if (codes && codes[row] != 0)
        k->key.integer = self->descending ? -(gint64) ranks[codes[row]] : (gint64) ranks[codes[row]];
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
  qsort (keyed, n_keyed, sizeof (Keyed), numbers ? compare_numbers : compare_integers);
  for (guint i = 0; i < n_keyed; i++)
    out[i] = keyed[i].row;
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
row_matches (UcRowList    *self,
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
        text = format_time (self->dataset, c->column, c->times[row], buf, sizeof buf);
      if (text && contains_folded (text, self->filter))
        return TRUE;
    }
  return FALSE;
}

static void
filter_rows (UcRowList *self)
{
  guint n_columns = uc_dataset_get_n_columns (self->dataset);
  g_autofree FilterColumn *columns = NULL;
  guint n_tested = 0;

  g_array_set_size (self->shown, 0);
  if (self->filter == NULL)
    {
      g_array_append_vals (self->shown, self->sorted->data, self->sorted->len);
      return;
    }
  columns = g_new0 (FilterColumn, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      UcColumnType type = uc_dataset_get_column_type (self->dataset, c);
      FilterColumn *fc = &columns[n_tested];

      if ((type == UC_COLUMN_NUMBER && !could_be_number (self->filter)) ||
          ((type == UC_COLUMN_DATE || type == UC_COLUMN_DATETIME) && !could_be_date (self->filter)))
        continue;
      fc->column = c;
      fc->type = type;
      if (type == UC_COLUMN_TEXT)
        {
          UcStringTable *table = uc_dataset_get_string_table (self->dataset, c);
          guint n_codes = uc_string_table_size (table);

          fc->codes = uc_dataset_get_codes (self->dataset, c);
          fc->matches = g_new0 (guint8, n_codes + 1);
          for (guint code = 1; code <= n_codes; code++)
            fc->matches[code] = contains_folded (uc_string_table_get (table, code), self->filter);
        }
      else if (type == UC_COLUMN_NUMBER)
        fc->numbers = uc_dataset_get_numbers (self->dataset, c);
      else
        fc->times = uc_dataset_get_times (self->dataset, c);
      n_tested++;
    }
  for (guint i = 0; i < self->sorted->len; i++)
    {
      guint row = g_array_index (self->sorted, guint, i);

      if (row_matches (self, columns, n_tested, row))
        g_array_append_val (self->shown, row);
    }
  for (guint i = 0; i < n_tested; i++)
    g_free (columns[i].matches);
}

static void
refresh (UcRowList *self,
         gboolean   sort)
{
  guint before = self->shown->len;

  if (sort)
    sort_rows (self);
  filter_rows (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->shown->len);
}

void
uc_row_list_set_sort (UcRowList *self,
                      int        column,
                      gboolean   descending)
{
  g_return_if_fail (UC_IS_ROW_LIST (self));
  g_return_if_fail (column < (int) uc_dataset_get_n_columns (self->dataset));

  if (column < 0)
    descending = FALSE;
  if (column == self->sort_column && descending == self->descending)
    return;
  self->sort_column = column;
  self->descending = descending;
  refresh (self, TRUE);
}

int
uc_row_list_get_sort_column (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), -1);
  return self->sort_column;
}

gboolean
uc_row_list_get_sort_descending (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), FALSE);
  return self->descending;
}

void
uc_row_list_set_filter (UcRowList  *self,
                        const char *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (UC_IS_ROW_LIST (self));

  if (text && *text)
    {
      /* The minus sign the window shows, typed or pasted, is the hyphen
       * of the values' text. */
      g_auto(GStrv) parts = g_strsplit (text, "−", -1);
      g_autofree char *joined = g_strjoinv ("-", parts);

      folded = g_utf8_casefold (joined, -1);
    }
  if (g_strcmp0 (folded, self->filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_steal_pointer (&folded);
  refresh (self, FALSE);
}

const char *
uc_row_list_get_filter (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), NULL);
  return self->filter;
}

const guint *
uc_row_list_get_rows (UcRowList *self,
                      guint     *n_rows)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), NULL);
  if (n_rows)
    *n_rows = self->shown->len;
  return (const guint *) self->shown->data;
}

guint
uc_row_list_get_n_total (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), 0);
  return self->dataset ? uc_dataset_get_n_rows (self->dataset) : 0;
}
