/* uc-csv-writer.h: a dataset's rows written as CSV
 *
 * What the table window exports: the rows shown, in the order shown, and
 * every column, as comma-separated UTF-8 that our reader reads back to the
 * same values. Text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, a tab or a carriage return) is written with a leading
 * apostrophe; numbers, negative ones included, stay numbers.
 */
#pragma once

#include <gio/gio.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

/* @rows: indices of the rows to write, in that order; NULL: every row. */
gboolean  uc_csv_write_rows   (UcDataset      *dataset,
                               const guint    *rows,
                               guint           n_rows,
                               GOutputStream  *out,
                               GCancellable   *cancellable,
                               GError        **error);
/* Through a temporary file beside @path, renamed over it once complete
 * (uc-safe-file.h); @name names the file in messages (NULL: @path). */
gboolean  uc_csv_save_rows    (UcDataset      *dataset,
                               const guint    *rows,
                               guint           n_rows,
                               const char     *path,
                               const char     *name,
                               GError        **error);
/* One text cell as written: escaped against formulas, quoted when needed. */
void      uc_csv_append_text  (GString        *out,
                               const char     *text);

G_END_DECLS
