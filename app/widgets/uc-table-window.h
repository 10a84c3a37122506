/* uc-table-window.h: a window with the table of a view's datasets
 *
 * Opened by the main window's Show Data Table (win.show-table): the table
 * of the first dataset of the view shown, and a drop-down to choose
 * another when the view draws on several (market caps and events).
 */
#pragma once

#include <adwaita.h>

#include "uc-data-table.h"

G_BEGIN_DECLS

#define UC_TYPE_TABLE_WINDOW (uc_table_window_get_type ())
G_DECLARE_FINAL_TYPE (UcTableWindow, uc_table_window, UC, TABLE_WINDOW, AdwWindow)

/* @dataset_ids: ids in the default catalog (uc-catalog.h), the first shown. */
UcTableWindow *uc_table_window_new            (GtkWindow           *parent,
                                               const char * const  *dataset_ids);
UcDataTable   *uc_table_window_get_table      (UcTableWindow       *self);
void           uc_table_window_show_dataset   (UcTableWindow       *self,
                                               guint                index);
const char    *uc_table_window_get_dataset_id (UcTableWindow       *self);
/* Whether the dataset chosen is still being read. */
gboolean       uc_table_window_get_loading    (UcTableWindow       *self);

G_END_DECLS
