/* uc-row-item.h: one row of a dataset, as an item of a list model
 *
 * What a UcRowList hands out: only the row's index, made when asked for,
 * so a table of a million rows holds a million indices, not objects.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UC_TYPE_ROW_ITEM (uc_row_item_get_type ())
G_DECLARE_FINAL_TYPE (UcRowItem, uc_row_item, UC, ROW_ITEM, GObject)

UcRowItem *uc_row_item_new     (guint      row) G_GNUC_WARN_UNUSED_RESULT;
guint      uc_row_item_get_row (UcRowItem *self);

G_END_DECLS
