/* uc-dataset.c: a table of typed columns */
#include "uc-dataset.h"

#include <math.h>

typedef struct
{
  char         *name;
  UcColumnType  type;
  gpointer      values;
} Column;

struct _UcDataset
{
  GObject       parent_instance;

  char         *name;
  guint         n_rows;
  GArray       *columns;   /* of Column */
  GStringChunk *strings;   /* interned text cells, shared by all text columns */
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
    default: g_return_val_if_reached ("text");
    }
}

static void
clear_column (gpointer data)
{
  Column *column = data;

  g_clear_pointer (&column->name, g_free);
  g_clear_pointer (&column->values, g_free);
}

static void
uc_dataset_finalize (GObject *object)
{
  UcDataset *self = UC_DATASET (object);

  g_clear_pointer (&self->columns, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
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
  self->strings = g_string_chunk_new (4096);
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

static gpointer
get_values (UcDataset    *self,
            guint         column,
            UcColumnType  type)
{
  Column *c = get_column (self, column);

  g_return_val_if_fail (c != NULL, NULL);
  g_return_val_if_fail (c->type == type, NULL);
  return c->values;
}

const double *
uc_dataset_get_numbers (UcDataset *self,
                        guint      column)
{
  return get_values (self, column, UC_COLUMN_NUMBER);
}

const UcTime *
uc_dataset_get_times (UcDataset *self,
                      guint      column)
{
  return get_values (self, column, UC_COLUMN_DATE);
}

const char * const *
uc_dataset_get_texts (UcDataset *self,
                      guint      column)
{
  return get_values (self, column, UC_COLUMN_TEXT);
}

guint
uc_dataset_count_missing (UcDataset *self,
                          guint      column)
{
  Column *c = get_column (self, column);
  guint missing = 0;

  g_return_val_if_fail (c != NULL, 0);

  for (guint i = 0; i < self->n_rows; i++)
    {
      gboolean m = FALSE;

      switch (c->type)
        {
        case UC_COLUMN_NUMBER: m = isnan (((double *) c->values)[i]); break;
        case UC_COLUMN_DATE: m = ((UcTime *) c->values)[i] == UC_TIME_MISSING; break;
        case UC_COLUMN_TEXT: m = ((const char **) c->values)[i] == NULL; break;
        default: g_assert_not_reached ();
        }
      missing += m;
    }
  return missing;
}

static void
take_column (UcDataset    *self,
             const char   *name,
             UcColumnType  type,
             gpointer      values)
{
  Column c = { g_strdup (name), type, values };

  g_return_if_fail (UC_IS_DATASET (self));
  g_array_append_val (self->columns, c);
}

void
uc_dataset_take_numbers (UcDataset  *self,
                         const char *name,
                         double     *values)
{
  take_column (self, name, UC_COLUMN_NUMBER, values);
}

void
uc_dataset_take_times (UcDataset  *self,
                       const char *name,
                       UcTime     *values)
{
  take_column (self, name, UC_COLUMN_DATE, values);
}

void
uc_dataset_take_texts (UcDataset    *self,
                       const char   *name,
                       const char  **values)
{
  take_column (self, name, UC_COLUMN_TEXT, values);
}

/* Category-like columns repeat a few values many times: store each once. */
const char *
uc_dataset_intern (UcDataset  *self,
                   const char *text,
                   gssize      len)
{
  g_autofree char *copy = NULL;

  g_return_val_if_fail (UC_IS_DATASET (self), NULL);

  if (len < 0)
    return g_string_chunk_insert_const (self->strings, text);

  copy = g_strndup (text, len);
  return g_string_chunk_insert_const (self->strings, copy);
}
