/* uc-row-list.h: a dataset's rows, sorted and filtered, as a list model
 *
 * A GListModel of UcRowItem over a UcDataset: the rows shown, in the order
 * shown. It holds row indices only, and sorts and filters them itself on
 * the dataset's columns (a sort by one column, missing values last either
 * way; a filter of text contained in any cell, ignoring case), so a
 * table of a million rows stays light and quick; above a hundred thousand
 * rows, on a worker thread.
 */
#pragma once

#include <gio/gio.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_ROW_LIST (uc_row_list_get_type ())
G_DECLARE_FINAL_TYPE (UcRowList, uc_row_list, UC, ROW_LIST, GObject)

UcRowList   *uc_row_list_new          (UcDataset   *dataset) G_GNUC_WARN_UNUSED_RESULT;
UcDataset   *uc_row_list_get_dataset  (UcRowList   *self);
/* @column: -1 for the dataset's own order. */
void         uc_row_list_set_sort     (UcRowList   *self,
                                       int          column,
                                       gboolean     descending);
int          uc_row_list_get_sort_column (UcRowList *self);
gboolean     uc_row_list_get_sort_descending (UcRowList *self);
/* @text: what a cell must contain, any case; NULL or "" shows every row. */
void         uc_row_list_set_filter   (UcRowList   *self,
                                       const char  *text);
const char  *uc_row_list_get_filter   (UcRowList   *self);
const guint *uc_row_list_get_rows     (UcRowList   *self,
                                       guint       *n_rows);
guint        uc_row_list_get_n_total  (UcRowList   *self);
/* Whether a sort or filter of a large table is running on a worker: the
 * rows shown are the last ones until it is done. */
gboolean     uc_row_list_get_busy     (UcRowList   *self);

G_END_DECLS
