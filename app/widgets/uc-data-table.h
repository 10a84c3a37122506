/* uc-data-table.h: any dataset as a table, sortable, filterable, exportable
 *
 * One column per column of the dataset; a click on a header sorts by it,
 * the search entry keeps the rows with a cell containing its text, and
 * Export CSV… writes the rows shown, in the order shown.
 */
#pragma once

#include <gtk/gtk.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_DATA_TABLE (uc_data_table_get_type ())
G_DECLARE_FINAL_TYPE (UcDataTable, uc_data_table, UC, DATA_TABLE, GtkWidget)

GtkWidget     *uc_data_table_new           (void);
void           uc_data_table_set_dataset   (UcDataTable   *self,
                                            UcDataset     *dataset);
UcDataset     *uc_data_table_get_dataset   (UcDataTable   *self);
GtkColumnView *uc_data_table_get_column_view (UcDataTable *self);
GtkEditable   *uc_data_table_get_search_entry (UcDataTable *self);
/* Filters at once, as the entry does after a pause in typing. */
void           uc_data_table_set_filter    (UcDataTable   *self,
                                            const char    *text);
const char    *uc_data_table_get_count_text (UcDataTable  *self);
/* Whether a sort or filter of a large dataset is still running. */
gboolean       uc_data_table_get_busy      (UcDataTable   *self);
const guint   *uc_data_table_get_shown_rows (UcDataTable  *self,
                                             guint        *n_rows);
/* What the Export CSV… button writes, once a file is chosen. */
gboolean       uc_data_table_export        (UcDataTable   *self,
                                            const char    *path,
                                            GError       **error);

G_END_DECLS
