/* uc-csv.h: reading real-world CSV files into a UcDataset
 *
 * The reader detects the dialect (encoding, delimiter, header row, decimal
 * mark), infers a type per column from its values, and reads the file in
 * parallel where it safely can. Everything it decides can be forced through
 * UcCsvOptions; everything it doubted is in the UcCsvReport.
 */
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
  UC_CSV_ERROR_OPTION,
} UcCsvError;

/* UcCsvOptions.thousands: digits are never grouped. */
#define UC_CSV_NO_THOUSANDS '\x01'

/* Zero (or NULL) everywhere means "detect". */
typedef struct
{
  char        delimiter;     /* ',' ';' '\t' '|' … */
  char        quote;         /* '"' unless set */
  char        decimal;       /* '.' or ',' */
  char        thousands;     /* ',' '.' '\'' ' ' (any space): only that one groups digits;
                              * UC_CSV_NO_THOUSANDS: none does ("1,234" is no number) */
  guint       header_row;    /* 1-based line number of the header */
  const char *encoding;      /* "UTF-8", "UTF-16", "WINDOWS-1252", "ISO-8859-1", … */
  const char *date_format;   /* strptime-like, e.g. "%d/%m/%Y", for date columns */
  gboolean    strict;        /* ragged rows and stray quotes are errors, not warnings */
  const char * const *columns;  /* only these columns, by header name (NULL: all) */
  guint       n_threads;     /* 0: as many as there are processors (at most 8) */
} UcCsvOptions;

/* A cell that a kept warning names, in the file and in the dataset. */
typedef struct
{
  guint warning;   /* index in UcCsvReport.warnings */
  guint line;      /* 1-based line of the file */
  guint column;    /* 1-based character of that line */
  guint row;       /* 0-based row of the dataset */
  guint field;     /* 0-based column of the dataset */
  char *text;      /* the cell as the file has it (shortened): what the warning quotes, in any language */
} UcCsvCellWarning;

typedef struct
{
  char        *delimiter;     /* as text: ",", ";", "\t" */
  char         quote;
  char         decimal;
  char         thousands;     /* what grouped the number columns' digits: ',' '.' '\'' ' ', or 0: nothing */
  char        *encoding;      /* "UTF-8", "UTF-8 with BOM", "UTF-16LE", "WINDOWS-1252" */
  const char  *line_ending;   /* "LF", "CRLF", "CR" */
  guint        header_row;    /* 1-based line number */
  guint        n_rows;
  GPtrArray   *formats;       /* per column: how its cells were read, e.g. "%d/%m/%Y" */
  GPtrArray   *warnings;      /* the first warnings, each naming line and column */
  guint        n_warnings;    /* all warnings, including those not kept */
  GArray      *cells;         /* UcCsvCellWarning: the cells that kept warnings name */
  gboolean     day_month_guessed;  /* a column's a/b/yyyy dates read as month/day though every one
                                    * reads both ways (a warning says so, in the user's language) */
} UcCsvReport;

/* Called on the reading thread with the share of the input done (0..1). */
typedef void (*UcCsvProgress) (double fraction, gpointer user_data);

GQuark       uc_csv_error_quark   (void);
void         uc_csv_options_init  (UcCsvOptions        *options);
void         uc_csv_report_free   (UcCsvReport         *report);
const char  *uc_csv_thousands_to_string   (char         thousands);
gboolean     uc_csv_thousands_from_string (const char  *text,
                                           char        *thousands);
UcDataset   *uc_csv_read_bytes    (GBytes              *bytes,
                                   const char          *name,
                                   const UcCsvOptions  *options,
                                   UcCsvReport        **report,
                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset   *uc_csv_read_file     (GFile               *file,
                                   const UcCsvOptions  *options,
                                   UcCsvProgress        progress,
                                   gpointer             progress_data,
                                   GCancellable        *cancellable,
                                   UcCsvReport        **report,
                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset   *uc_csv_read_stream   (GInputStream        *stream,
                                   const char          *name,
                                   const UcCsvOptions  *options,
                                   GCancellable        *cancellable,
                                   UcCsvReport        **report,
                                   GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void         uc_csv_read_file_async  (GFile               *file,
                                      const UcCsvOptions  *options,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
UcDataset   *uc_csv_read_file_finish (GAsyncResult        *result,
                                      UcCsvReport        **report,
                                      GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcCsvReport, uc_csv_report_free)

G_END_DECLS
