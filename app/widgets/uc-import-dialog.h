/* uc-import-dialog.h: a CSV file checked before it joins the library
 *
 * What the reader detected (delimiter, decimal mark, thousands separator,
 * header line, encoding, dates), shown and changeable; the first rows
 * previewed as they will be read, re-read on every change; the reader's
 * warnings listed and their cells highlighted; each column's role in a
 * chart; all of it remembered for files named alike when the user asks
 * (uc-import-presets.h), and started with when one opens. "import" is emitted
 * when the user presses Import and the file is still the one previewed;
 * the handler adds it to the library and closes the dialog, or calls
 * uc_import_dialog_show_error() and leaves it open.
 */
#pragma once

#include <adwaita.h>

#include "uc-chart-spec.h"
#include "uc-csv.h"

G_BEGIN_DECLS

#define UC_TYPE_IMPORT_DIALOG (uc_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UcImportDialog, uc_import_dialog, UC, IMPORT_DIALOG, AdwWindow)

UcImportDialog     *uc_import_dialog_new               (GtkWindow      *parent,
                                                        GFile          *file,
                                                        const char     *title);
void                uc_import_dialog_show_error        (UcImportDialog *self,
                                                        const GError   *error);
GFile              *uc_import_dialog_get_file          (UcImportDialog *self);
const char         *uc_import_dialog_get_title         (UcImportDialog *self);
void                uc_import_dialog_get_options       (UcImportDialog *self,
                                                        UcCsvOptions   *options);
gboolean            uc_import_dialog_get_copy          (UcImportDialog *self);
const char         *uc_import_dialog_get_time_column   (UcImportDialog *self);
const char * const *uc_import_dialog_get_value_columns (UcImportDialog *self);
const char         *uc_import_dialog_get_group_column  (UcImportDialog *self);
const char         *uc_import_dialog_get_label_column  (UcImportDialog *self);
UcValueFormat       uc_import_dialog_get_value_format  (UcImportDialog *self);

/* For tests and the window: the preview as last read (NULL while there is
 * none), whether Import can be pressed, whether a read is pending. */
UcDataset          *uc_import_dialog_get_preview       (UcImportDialog *self);
gboolean            uc_import_dialog_get_can_import    (UcImportDialog *self);
gboolean            uc_import_dialog_is_reading        (UcImportDialog *self);

G_END_DECLS
