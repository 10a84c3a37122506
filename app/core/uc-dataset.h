/* uc-dataset.h: a table of typed columns
 *
 * Columns are stored apart (struct of arrays) so a chart or a statistic reads
 * one contiguous array. Missing values: NaN for numbers, UC_TIME_MISSING for
 * dates, NULL for text.
 */
#pragma once

#include <glib-object.h>

#include "uc-time.h"

G_BEGIN_DECLS

typedef enum
{
  UC_COLUMN_TEXT,
  UC_COLUMN_NUMBER,
  UC_COLUMN_DATE,
} UcColumnType;

const char *uc_column_type_to_string (UcColumnType type);

#define UC_TYPE_DATASET (uc_dataset_get_type ())
G_DECLARE_FINAL_TYPE (UcDataset, uc_dataset, UC, DATASET, GObject)

UcDataset          *uc_dataset_new              (const char   *name,
                                                 guint         n_rows) G_GNUC_WARN_UNUSED_RESULT;
const char         *uc_dataset_get_name         (UcDataset    *self);
guint               uc_dataset_get_n_rows       (UcDataset    *self);
guint               uc_dataset_get_n_columns    (UcDataset    *self);
const char         *uc_dataset_get_column_name  (UcDataset    *self,
                                                 guint         column);
UcColumnType        uc_dataset_get_column_type  (UcDataset    *self,
                                                 guint         column);
int                 uc_dataset_find_column      (UcDataset    *self,
                                                 const char   *name);
const double       *uc_dataset_get_numbers      (UcDataset    *self,
                                                 guint         column);
const UcTime       *uc_dataset_get_times        (UcDataset    *self,
                                                 guint         column);
const char * const *uc_dataset_get_texts        (UcDataset    *self,
                                                 guint         column);
guint               uc_dataset_count_missing    (UcDataset    *self,
                                                 guint         column);

/* Building: the dataset takes ownership of @values (g_malloc'd, n_rows long). */
void                uc_dataset_take_numbers     (UcDataset    *self,
                                                 const char   *name,
                                                 double       *values);
void                uc_dataset_take_times       (UcDataset    *self,
                                                 const char   *name,
                                                 UcTime       *values);
void                uc_dataset_take_texts       (UcDataset    *self,
                                                 const char   *name,
                                                 const char  **values);
const char         *uc_dataset_intern           (UcDataset    *self,
                                                 const char   *text,
                                                 gssize        len);

G_END_DECLS
