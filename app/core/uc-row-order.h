/* uc-row-order.h: a dataset's rows sorted by a column, or kept by a filter
 *
 * Sorting: by the column's values, missing ones last in either direction,
 * equal ones in the dataset's order. Filtering: the rows with a cell whose
 * text (as uc_dataset_format_cell() writes it) contains the filter's,
 * ignoring case. Safe on any thread: the dataset is only read.
 */
#pragma once

#include <gio/gio.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

GArray *uc_row_order_sort   (UcDataset    *dataset,
                             int           column,
                             gboolean      descending,
                             GCancellable *cancellable) G_GNUC_WARN_UNUSED_RESULT;
char   *uc_row_order_fold   (const char   *text) G_GNUC_WARN_UNUSED_RESULT;
GArray *uc_row_order_filter (UcDataset    *dataset,
                             const guint  *rows,
                             guint         n_rows,
                             const char   *folded,
                             GCancellable *cancellable) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
