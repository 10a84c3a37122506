/* uc-view-error.h: the error of building a view's charts from their data
 *
 * Raised by the view reader and by the builders it calls (dataset charts,
 * event and release tables), which do not include the reader: a file of its
 * own keeps the includes pointing one way.
 */
#pragma once

#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_VIEW_ERROR (uc_view_error_quark ())

typedef enum
{
  UC_VIEW_ERROR_UNKNOWN,   /* no view or variant of that name */
  UC_VIEW_ERROR_DATA,      /* a file, member or column that does not fit */
} UcViewError;

GQuark uc_view_error_quark        (void);
int    uc_dataset_require_column  (UcDataset     *dataset,
                                   const char    *name,
                                   UcColumnType   type,
                                   GError       **error);

G_END_DECLS
