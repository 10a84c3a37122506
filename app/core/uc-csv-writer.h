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

/* A text cell of a table whose text columns must read back as exactly
 * that text (the user's events): besides formulas, text that would read
 * as a number, a date or a missing value gets the apostrophe, and so
 * does text that would itself look marked. uc_csv_unmark_text() gives
 * back the text from what the reader read (a pointer into @text). */
void        uc_csv_append_marked_text (GString    *out,
                                       const char *text);
const char *uc_csv_unmark_text        (const char *text);

G_END_DECLS
