/* uc-csv-preview.h: the first rows of a CSV file, read fast enough to
 * follow every change of the import options
 *
 * Only the start of the file is read (256 KiB, cut at the last line break
 * outside a quoted field; more when that does not hold the rows asked
 * for), so a preview of a 1 GB file costs what one of a small file does.
 * The reader sees that start as if it were the whole file: types are
 * inferred from it and the report's lines and columns are the file's.
 */
#pragma once

#include "uc-csv.h"

G_BEGIN_DECLS

#define UC_CSV_PREVIEW_BYTES (256 * 1024)

UcDataset *uc_csv_preview_file  (GFile               *file,
                                 const UcCsvOptions  *options,
                                 guint                max_rows,
                                 GCancellable        *cancellable,
                                 UcCsvReport        **report,
                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_csv_preview_bytes (GBytes              *bytes,
                                 const char          *name,
                                 const UcCsvOptions  *options,
                                 guint                max_rows,
                                 gboolean             complete,
                                 UcCsvReport        **report,
                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gsize      uc_csv_preview_cut   (const char          *data,
                                 gsize                len,
                                 const char          *encoding,
                                 char                 quote,
                                 guint               *n_lines);

/* What says a file is the one previewed: its size, modification time and
 * the SHA-256 of its first 64 KiB, as one string to compare. */
char      *uc_csv_file_stamp    (GFile               *file,
                                 GCancellable        *cancellable,
                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
