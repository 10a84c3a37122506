/* uc-csv.h: reading CSV files into a UcDataset */
#pragma once

#include <gio/gio.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_CSV_ERROR (uc_csv_error_quark ())

typedef enum
{
  UC_CSV_ERROR_EMPTY,
  UC_CSV_ERROR_ENCODING,
  UC_CSV_ERROR_NUL_BYTE,
  UC_CSV_ERROR_UNTERMINATED_QUOTE,
  UC_CSV_ERROR_BAD_QUOTE,
  UC_CSV_ERROR_FIELD_COUNT,
  UC_CSV_ERROR_HEADER,
  UC_CSV_ERROR_TOO_LARGE,
} UcCsvError;

/* Every choice the reader makes can be forced here; zero means "default". */
typedef struct
{
  char delimiter;   /* ',' by default */
  char quote;       /* '"' by default */
} UcCsvOptions;

GQuark     uc_csv_error_quark (void);
void       uc_csv_options_init (UcCsvOptions        *options);
UcDataset *uc_csv_read_bytes  (GBytes              *bytes,
                               const char          *name,
                               const UcCsvOptions  *options,
                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_csv_read_file   (GFile               *file,
                               const UcCsvOptions  *options,
                               GCancellable        *cancellable,
                               GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
