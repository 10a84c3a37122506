/* uc-dataset.c: a table of typed columns */
#include "uc-dataset.h"

#include <math.h>
#include <string.h>

#include "uc-column-alloc.h"
#include "uc-format.h"
#include "uc-json-writer.h"

typedef struct
{
  char          *name;
  UcColumnType   type;
  gpointer       values;
  UcStringTable *table;    /* text columns */
  char          *unit;     /* "%", "$", … or NULL */
  UcDateUnit     date_unit;
} Column;

struct _UcDataset
{
  GObject  parent_instance;

  char    *name;
  guint    n_rows;
  GArray  *columns;   /* of Column */
};

G_DEFINE_FINAL_TYPE (UcDataset, uc_dataset, G_TYPE_OBJECT)

const char *
uc_column_type_to_string (UcColumnType type)
{
  switch (type)
    {
    case UC_COLUMN_TEXT: return "text";
    case UC_COLUMN_NUMBER: return "number";
    case UC_COLUMN_DATE: return "date";
    case UC_COLUMN_DATETIME: return "datetime";
    default: g_return_val_if_reached ("text");
    }
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_clear_pointer (&column->name, g_free);
  g_clear_pointer (&column->values, uc_column_free);
  g_clear_pointer (&column->table, uc_string_table_free);
  g_clear_pointer (&column->unit, g_free);
}

static void
uc_dataset_finalize (GObject *object)
{
  UcDataset *self = UC_DATASET (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (uc_dataset_parent_class)->finalize (object);
}

static void
uc_dataset_class_init (UcDatasetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_dataset_finalize;
}

static void
uc_dataset_init (UcDataset *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, clear_column);
}

UcDataset *
uc_dataset_new (const char *name,
                guint       n_rows)
{
  UcDataset *self = g_object_new (UC_TYPE_DATASET, NULL);

  self->name = g_strdup (name);
  self->n_rows = n_rows;
  return self;
}

const char *
uc_dataset_get_name (UcDataset *self)
{
  g_return_val_if_fail (UC_IS_DATASET (self), NULL);
  return self->name;
}

guint
uc_dataset_get_n_rows (UcDataset *self)
{
  g_return_val_if_fail (UC_IS_DATASET (self), 0);
  return self->n_rows;
}

guint
uc_dataset_get_n_columns (UcDataset *self)
{
  g_return_val_if_fail (UC_IS_DATASET (self), 0);
  return self->columns->len;
}

static Column *
get_column (UcDataset *self,
            guint      column)
{
  g_return_val_if_fail (UC_IS_DATASET (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, Column, column);
}

const char *
uc_dataset_get_column_name (UcDataset *self,
                            guint      column)
{
  Column *c = get_column (self, column);
  return c ? c->name : NULL;
}

UcColumnType
uc_dataset_get_column_type (UcDataset *self,
                            guint      column)
{
  Column *c = get_column (self, column);
  return c ? c->type : UC_COLUMN_TEXT;
}

int
uc_dataset_find_column (UcDataset  *self,
                        const char *name)
{
  g_return_val_if_fail (UC_IS_DATASET (self), -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_strcmp0 (g_array_index (self->columns, Column, i).name, name) == 0)
      return (int) i;
  return -1;
}

/* An optional column: its index when it is there and of @type, else -1. */
int
uc_dataset_find_column_of_type (UcDataset    *self,
                                const char   *name,
                                UcColumnType  type)
{
  int column = uc_dataset_find_column (self, name);

  return column >= 0 && uc_dataset_get_column_type (self, (guint) column) == type ? column : -1;
}

const double *
uc_dataset_get_numbers (UcDataset *self,
                        guint      column)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL && c->type == UC_COLUMN_NUMBER, NULL);
  return c->values;
}

const UcTime *
uc_dataset_get_times (UcDataset *self,
                      guint      column)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL && (c->type == UC_COLUMN_DATE || c->type == UC_COLUMN_DATETIME), NULL);
  return c->values;
}

const guint32 *
uc_dataset_get_codes (UcDataset *self,
                      guint      column)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL && c->type == UC_COLUMN_TEXT, NULL);
  return c->values;
}

UcStringTable *
uc_dataset_get_string_table (UcDataset *self,
                             guint      column)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL && c->type == UC_COLUMN_TEXT, NULL);
  return c->table;
}

const char *
uc_dataset_get_text (UcDataset *self,
                     guint      column,
                     guint      row)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL && c->type == UC_COLUMN_TEXT, NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  return uc_string_table_get (c->table, ((guint32 *) c->values)[row]);
}

gboolean
uc_dataset_is_missing (UcDataset *self,
                       guint      column,
                       guint      row)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL, TRUE);
  g_return_val_if_fail (row < self->n_rows, TRUE);

  switch (c->type)
    {
    case UC_COLUMN_NUMBER: return isnan (((double *) c->values)[row]);
    case UC_COLUMN_DATE:
    case UC_COLUMN_DATETIME: return ((UcTime *) c->values)[row] == UC_TIME_MISSING;
    case UC_COLUMN_TEXT:
    default: return ((guint32 *) c->values)[row] == 0;
    }
}

guint
uc_dataset_count_missing (UcDataset *self,
                          guint      column)
{
  guint missing = 0;

  for (guint i = 0; i < self->n_rows; i++)
    missing += uc_dataset_is_missing (self, column, i);
  return missing;
}

const char *
uc_dataset_get_column_unit (UcDataset *self,
                            guint      column)
{
  Column *c = get_column (self, column);
  return c ? c->unit : NULL;
}

void
uc_dataset_set_column_unit (UcDataset  *self,
                            guint       column,
                            const char *unit)
{
  Column *c = get_column (self, column);

  g_return_if_fail (c != NULL);
  g_free (c->unit);
  c->unit = g_strdup (unit);
}

UcDateUnit
uc_dataset_get_date_unit (UcDataset *self,
                          guint      column)
{
  Column *c = get_column (self, column);
  return c ? c->date_unit : UC_DATE_UNIT_DAY;
}

void
uc_dataset_set_date_unit (UcDataset  *self,
                          guint       column,
                          UcDateUnit  unit)
{
  Column *c = get_column (self, column);

  g_return_if_fail (c != NULL);
  c->date_unit = unit;
}

gsize
uc_dataset_get_memory_size (UcDataset *self)
{
  gsize total = 0;

  g_return_val_if_fail (UC_IS_DATASET (self), 0);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *c = &g_array_index (self->columns, Column, i);

      total += (gsize) self->n_rows * (c->type == UC_COLUMN_TEXT ? sizeof (guint32) : 8);
      if (c->table)
        total += uc_string_table_bytes (c->table);
    }
  return total;
}

/* A cell as text: numbers shortest round-trip, dates as written (month,
 * quarter, year), datetimes in ISO 8601 UTC; NULL when missing. */
/* A cell as a table shows it to people: a number in full, as the charts
 * write numbers (a true minus sign, % for percentages, the user's decimal
 * mark), its digits grouped; dates as ISO dates, text as it is; NULL for a
 * missing value. Files keep uc_dataset_format_cell()'s. */
char *
uc_dataset_show_cell (UcDataset *self,
                      guint      column,
                      guint      row)
{
  g_autofree char *digits = NULL;
  const char *p;
  GString *out;

  if (uc_dataset_is_missing (self, column, row))
    return NULL;
  if (uc_dataset_get_column_type (self, column) != UC_COLUMN_NUMBER)
    return uc_dataset_format_cell (self, column, row);
  digits = uc_format_double_shortest (uc_dataset_get_numbers (self, column)[row]);
  p = digits;
  out = g_string_new (NULL);
  if (*p == '-')
    {
      g_string_append (out, "−");
      p++;
    }
  uc_format_append_grouped (out, p);
  if (g_strcmp0 (uc_dataset_get_column_unit (self, column), "%") == 0)
    g_string_append (out, "%");
  return g_string_free (out, FALSE);
}

char *
uc_dataset_format_cell (UcDataset *self,
                        guint      column,
                        guint      row)
{
  Column *c = get_column (self, column);
  int y, m, d;

  g_return_val_if_fail (c != NULL, NULL);
  if (uc_dataset_is_missing (self, column, row))
    return NULL;

  switch (c->type)
    {
    case UC_COLUMN_NUMBER:
      return uc_format_double_shortest (((double *) c->values)[row]);
    case UC_COLUMN_DATE:
      uc_time_to_ymd (((UcTime *) c->values)[row], &y, &m, &d);
      switch (c->date_unit)
        {
        case UC_DATE_UNIT_YEAR: return g_strdup_printf ("%04d", y);
        case UC_DATE_UNIT_QUARTER: return g_strdup_printf ("%04d-Q%d", y, (m - 1) / 3 + 1);
        case UC_DATE_UNIT_MONTH: return g_strdup_printf ("%04d-%02d", y, m);
        case UC_DATE_UNIT_DAY:
        default: return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
        }
    case UC_COLUMN_DATETIME:
      {
        UcTime t = ((UcTime *) c->values)[row];
        gint64 day = t >= 0 ? t / UC_USEC_PER_DAY : -((-t + UC_USEC_PER_DAY - 1) / UC_USEC_PER_DAY);
        gint64 rest = t - day * UC_USEC_PER_DAY;
        gint64 secs = rest / G_USEC_PER_SEC, usec = rest % G_USEC_PER_SEC;

        uc_civil_from_days (day, &y, &m, &d);
        if (usec)
          return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", y, m, d,
                                  (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60), (int) usec);
        return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                                (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
      }
    case UC_COLUMN_TEXT:
    default:
      return g_strdup (uc_string_table_get (c->table, ((guint32 *) c->values)[row]));
    }
}

static guint
take_column (UcDataset     *self,
             const char    *name,
             UcColumnType   type,
             gpointer       values,
             UcStringTable *table)
{
  Column c = { g_strdup (name), type, values, table, NULL, UC_DATE_UNIT_DAY };

  g_array_append_val (self->columns, c);
  return self->columns->len - 1;
}

guint
uc_dataset_take_numbers (UcDataset  *self,
                         const char *name,
                         double     *values)
{
  g_return_val_if_fail (UC_IS_DATASET (self), 0);
  return take_column (self, name, UC_COLUMN_NUMBER, values, NULL);
}

guint
uc_dataset_take_times (UcDataset    *self,
                       const char   *name,
                       UcColumnType  type,
                       UcTime       *values)
{
  g_return_val_if_fail (UC_IS_DATASET (self), 0);
  g_return_val_if_fail (type == UC_COLUMN_DATE || type == UC_COLUMN_DATETIME, 0);
  return take_column (self, name, type, values, NULL);
}

guint
uc_dataset_take_codes (UcDataset     *self,
                       const char    *name,
                       guint32       *codes,
                       UcStringTable *table)
{
  g_return_val_if_fail (UC_IS_DATASET (self), 0);
  g_return_val_if_fail (table != NULL, 0);
  return take_column (self, name, UC_COLUMN_TEXT, codes, table);
}

/* A new dataset of @rows (indexes into @self, in that order): what a
 * filter keeps. Text columns get tables of their own. */
UcDataset *
uc_dataset_select_rows (UcDataset   *self,
                        const guint *rows,
                        guint        n_rows)
{
  UcDataset *copy;

  g_return_val_if_fail (UC_IS_DATASET (self), NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  for (guint i = 0; i < n_rows; i++)
    g_return_val_if_fail (rows[i] < self->n_rows, NULL);
  copy = uc_dataset_new (self->name, n_rows);
  for (guint k = 0; k < self->columns->len; k++)
    {
      Column *c = &g_array_index (self->columns, Column, k);
      Column *added;
      guint index;

      if (c->type == UC_COLUMN_NUMBER)
        {
          double *values = uc_column_alloc (MAX (n_rows, 1) * sizeof (double));

          for (guint i = 0; i < n_rows; i++)
            values[i] = ((double *) c->values)[rows[i]];
          index = take_column (copy, c->name, c->type, values, NULL);
        }
      else if (c->type == UC_COLUMN_TEXT)
        {
          UcStringTable *table = uc_string_table_new ();
          guint32 *codes = uc_column_alloc (MAX (n_rows, 1) * sizeof (guint32));

          for (guint i = 0; i < n_rows; i++)
            {
              const char *text = uc_string_table_get (c->table, ((guint32 *) c->values)[rows[i]]);

              codes[i] = text ? uc_string_table_intern (table, text, strlen (text)) : 0;
            }
          index = take_column (copy, c->name, c->type, codes, table);
        }
      else
        {
          UcTime *values = uc_column_alloc (MAX (n_rows, 1) * sizeof (UcTime));

          for (guint i = 0; i < n_rows; i++)
            values[i] = ((UcTime *) c->values)[rows[i]];
          index = take_column (copy, c->name, c->type, values, NULL);
        }
      added = &g_array_index (copy->columns, Column, index);
      added->unit = g_strdup (c->unit);
      added->date_unit = c->date_unit;
    }
  return copy;
}
