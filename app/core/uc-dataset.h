/* uc-dataset.h: a table of typed columns
 *
 * Columns are stored apart (struct of arrays) so a chart or a statistic reads
 * one contiguous array. Missing values: NaN for numbers, UC_TIME_MISSING for
 * dates and datetimes, code 0 (NULL text) for text.
 */
#pragma once

#include <glib-object.h>

#include "uc-string-table.h"
#include "uc-time.h"

G_BEGIN_DECLS

typedef enum
{
  UC_COLUMN_TEXT,
  UC_COLUMN_NUMBER,
  UC_COLUMN_DATE,       /* calendar days (or months, quarters, years), midnight UTC */
  UC_COLUMN_DATETIME,   /* instants, µs since the epoch, UTC */
} UcColumnType;

/* How finely a date column was given, so it reads back as written. */
typedef enum
{
  UC_DATE_UNIT_DAY,
  UC_DATE_UNIT_MONTH,
  UC_DATE_UNIT_QUARTER,
  UC_DATE_UNIT_YEAR,
} UcDateUnit;

const char *uc_column_type_to_string (UcColumnType type);

#define UC_TYPE_DATASET (uc_dataset_get_type ())
G_DECLARE_FINAL_TYPE (UcDataset, uc_dataset, UC, DATASET, GObject)

UcDataset          *uc_dataset_new                (const char     *name,
                                                   guint           n_rows) G_GNUC_WARN_UNUSED_RESULT;
const char         *uc_dataset_get_name           (UcDataset      *self);
guint               uc_dataset_get_n_rows         (UcDataset      *self);
guint               uc_dataset_get_n_columns      (UcDataset      *self);
const char         *uc_dataset_get_column_name    (UcDataset      *self,
                                                   guint           column);
UcColumnType        uc_dataset_get_column_type    (UcDataset      *self,
                                                   guint           column);
int                 uc_dataset_find_column        (UcDataset      *self,
                                                   const char     *name);
int                 uc_dataset_find_column_of_type (UcDataset     *self,
                                                    const char    *name,
                                                    UcColumnType   type);
const double       *uc_dataset_get_numbers        (UcDataset      *self,
                                                   guint           column);
const UcTime       *uc_dataset_get_times          (UcDataset      *self,
                                                   guint           column);
const guint32      *uc_dataset_get_codes          (UcDataset      *self,
                                                   guint           column);
UcStringTable      *uc_dataset_get_string_table   (UcDataset      *self,
                                                   guint           column);
const char         *uc_dataset_get_text           (UcDataset      *self,
                                                   guint           column,
                                                   guint           row);
gboolean            uc_dataset_is_missing         (UcDataset      *self,
                                                   guint           column,
                                                   guint           row);
guint               uc_dataset_count_missing      (UcDataset      *self,
                                                   guint           column);
const char         *uc_dataset_get_column_unit    (UcDataset      *self,
                                                   guint           column);
void                uc_dataset_set_column_unit    (UcDataset      *self,
                                                   guint           column,
                                                   const char     *unit);
UcDateUnit          uc_dataset_get_date_unit      (UcDataset      *self,
                                                   guint           column);
void                uc_dataset_set_date_unit      (UcDataset      *self,
                                                   guint           column,
                                                   UcDateUnit      unit);
gsize               uc_dataset_get_memory_size    (UcDataset      *self);
char               *uc_dataset_show_cell          (UcDataset      *self,
                                                   guint           column,
                                                   guint           row) G_GNUC_WARN_UNUSED_RESULT;
char               *uc_dataset_format_cell        (UcDataset      *self,
                                                   guint           column,
                                                   guint           row) G_GNUC_WARN_UNUSED_RESULT;

/* Building: the dataset takes ownership of @values (from uc_column_alloc, n_rows long). */
guint               uc_dataset_take_numbers       (UcDataset      *self,
                                                   const char     *name,
                                                   double         *values);
guint               uc_dataset_take_times         (UcDataset      *self,
                                                   const char     *name,
                                                   UcColumnType    type,
                                                   UcTime         *values);
UcDataset          *uc_dataset_select_rows        (UcDataset      *self,
                                                   const guint    *rows,
                                                   guint           n_rows) G_GNUC_WARN_UNUSED_RESULT;
guint               uc_dataset_take_codes         (UcDataset      *self,
                                                   const char     *name,
                                                   guint32        *codes,
                                                   UcStringTable  *table);

G_END_DECLS
