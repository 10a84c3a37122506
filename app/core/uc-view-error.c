/* uc-view-error.c: the error of building a view's charts from their data */
#include "uc-view-error.h"

G_DEFINE_QUARK (uc-view-error-quark, uc_view_error)

/* The index of column @name of @type, or -1 with an error naming the
 * dataset. */
int
uc_dataset_require_column (UcDataset     *dataset,
                           const char    *name,
                           UcColumnType   type,
                           GError       **error)
{
  int column = uc_dataset_find_column (dataset, name);

  if (column < 0 || uc_dataset_get_column_type (dataset, column) != type)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA,
                   "%s: expected a %s column called “%s”",
                   uc_dataset_get_name (dataset), uc_column_type_to_string (type), name);
      return -1;
    }
  return column;
}
