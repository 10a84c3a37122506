/* uc-view-error.c: the error of building a view's charts from their data */
#include "config.h"

#include <glib/gi18n.h>

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
      const char *table = uc_dataset_get_name (dataset);

      switch (type)
        {
        case UC_COLUMN_NUMBER:
          /* Translators: a table's name, then a column's name. */
          g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: expected a number column called “%s”"),
                       table, name);
          break;
        case UC_COLUMN_DATE:
          /* Translators: a table's name, then a column's name. */
          g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: expected a date column called “%s”"),
                       table, name);
          break;
        case UC_COLUMN_DATETIME:
          /* Translators: a table's name, then a column's name. */
          g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: expected a datetime column called “%s”"),
                       table, name);
          break;
        case UC_COLUMN_TEXT:
        default:
          /* Translators: a table's name, then a column's name. */
          g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: expected a text column called “%s”"),
                       table, name);
          break;
        }
      return -1;
    }
  return column;
}
