/* uc-row-item.c: one row of a dataset, as an item of a list model */
#include "uc-row-item.h"

struct _UcRowItem
{
  GObject parent_instance;

  guint   row;
};

G_DEFINE_FINAL_TYPE (UcRowItem, uc_row_item, G_TYPE_OBJECT)

static void
uc_row_item_class_init (UcRowItemClass *klass)
{
}

static void
uc_row_item_init (UcRowItem *self)
{
}

UcRowItem *
uc_row_item_new (guint row)
{
  UcRowItem *self = g_object_new (UC_TYPE_ROW_ITEM, NULL);

  self->row = row;
  return self;
}

guint
uc_row_item_get_row (UcRowItem *self)
{
  g_return_val_if_fail (UC_IS_ROW_ITEM (self), 0);
  return self->row;
}
