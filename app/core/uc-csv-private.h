/* uc-csv-private.h: what the pieces of the CSV reader share
 *
 * Only the reader's own files include this; callers use uc-csv.h. The
 * reader is split by concern, one file each:
 *
 *   uc-csv.c           options, report, error domain; a file read on a worker thread
 *   uc-csv-file.c      files, pipes and streams into memory (copied, or mapped when large)
 *   uc-csv-read.c      a buffer read into a dataset: the steps, in order
 *   uc-csv-messages.c  line and column of a byte; errors there, warnings kept
 *   uc-csv-decode.c    encodings, BOM, UTF-16, NUL bytes; the line-counting scan (a hot path)
 *   uc-csv-tokenize.c  the field and row scanner (a hot path)
 *   uc-csv-sniff.c     delimiter, header and units lines, notes above and below the table
 *   uc-csv-header.c    column names: units joined on, blanks numbered, repeats renamed
 *   uc-csv-infer.c     the decimal mark and each column's type, from a sample
 *   uc-csv-chunks.c    the body cut into chunks, scanned and read by threads, merged
 *   uc-csv-convert.c   rows converted into typed column arrays (the hot path)
 *   uc-csv-columns.c   typed columns: allocated, retyped as text, handed to the dataset
 */
#pragma once

#include "uc-csv.h"
#include "uc-parse.h"
#include "uc-string-table.h"

G_STATIC_ASSERT (UC_CSV_NO_THOUSANDS == UC_NUMBER_NO_GROUPS);

G_BEGIN_DECLS

#define MAX_BAD_KEPT       3           /* bad cells kept per column, to be named in warnings */
#define MIN_PARALLEL_BYTES (1 << 20)
#define FIRST_BLOCK        (64 * 1024)  /* checked for NUL bytes before the rest is read */

enum {
  CELL_QUOTED  = 1 << 0,
  CELL_ESCAPED = 1 << 1,   /* holds doubled quotes */
  CELL_MESSY   = 1 << 2,   /* text after a closing quote: "x"y */
};

typedef struct
{
  const char *p;
  guint32     len;
  guint8      flags;
} Cell;

typedef struct
{
  GPtrArray *kept;
  GArray    *cells;   /* UcCsvCellWarning of kept warnings, or NULL */
  guint      count;
} Warnings;

typedef struct
{
  const char *name;
  const char *data;
  gsize       len;
  char        delim;
  char        quote;
  gboolean    strict;
  guint8      special[256];   /* bytes that end an unquoted run */
} Input;

typedef struct
{
  const Input *in;
  const char  *pos;
  const char  *end;
  guint        line;
  const char  *line_start;
  guint        row_line;
  const char  *row_line_start;
  const char  *row_end;       /* where the last row's text ended */
  const char  *extra_at;      /* first field past the ones asked for */
  gboolean     extra_nonempty;
  Warnings    *warnings;      /* NULL while sniffing */
} Tok;

typedef enum
{
  ROW_OK,
  ROW_END,
  ROW_ERROR,
} RowStatus;

typedef enum
{
  KIND_SKIP,           /* not asked for: found, never converted */
  KIND_TEXT,
  KIND_NUMBER,
  KIND_DATE,
  KIND_DATE_SLASH,     /* a/b/yyyy: day-first or month-first, decided after reading */
  KIND_DATE_PATTERN,
} Kind;

typedef struct
{
  char         *name;
  Kind          kind;
  UcDateFormat  date_format;
  UcColumnType  type;
  UcDateUnit    unit;
  gboolean      allow_suffix;
  gboolean      unnamed;
  guint         next_suffix;   /* for the next column of the same name */
  double       *numbers;
  UcTime       *times;
  guint32      *codes;
} Plan;

typedef struct
{
  guint     line;
  guint     column;
  gsize     row;          /* in the column arrays */
  char     *text;
  gboolean  not_finite;   /* a number by its form, but no finite one */
} BadCell;

/* The codes of a text column's short cells seen last, by their bytes: a
 * column of a few symbols finds its code here without a call. */
#define TEXT_CACHE_SLOTS 256

typedef struct
{
  guint64 word[TEXT_CACHE_SLOTS];   /* the cell's bytes, zero-padded */
  guint8  len[TEXT_CACHE_SLOTS];    /* 1 to 8; 0 empty */
  guint32 code[TEXT_CACHE_SLOTS];
} TextCache;

typedef struct
{
  UcStringTable *table;
  guint          n_bad;
  guint          n_not_finite;   /* of n_bad: numbers past a double's range, inf, nan */
  guint          n_ok;
  BadCell       *bad;       /* MAX_BAD_KEPT of them, once there is one */
  guint8         max_a;     /* day or month, at most 31 */
  guint8         max_b;
  guint          number_flags;
  UcDateCache   *date_cache;   /* date columns only: a wide file of numbers pays none */
  TextCache     *text_cache;   /* text columns only */
  guint          n_censored;
  char          *censored_example;
} ColState;

typedef struct _Reader Reader;

typedef struct
{
  Reader     *r;
  const char *start;
  const char *end;
  guint       first_line;
  gsize       row_base;
  gsize       row_limit;   /* one past the last row the arrays hold for us */
  gsize       n_rows;
  ColState   *cols;
  Warnings    warnings;
  GString    *scratch;
  GError     *error;
  gboolean    report_progress;   /* its bytes count towards the reader's progress */
  const char *counted;           /* bytes before this were added to it */
  gboolean    plain;    /* no quote character anywhere in the chunk */
  const guint8 *only;   /* when re-reading some columns: which ones */
} Chunk;

/* Work the calling thread does while others count lines: @run sets what
 * it found in the structure it is part of; @ran says it did run. */
typedef struct _UcCsvAlong UcCsvAlong;
struct _UcCsvAlong
{
  void     (*run) (UcCsvAlong *along);
  gboolean   ran;
};

/* The body cut into chunks, a few a thread (one when it has quotes). */
typedef struct
{
  Chunk    *chunks;
  guint     n_chunks;
  guint     n_threads;
  gint      next;         /* the next chunk a thread takes (atomic) */
  gsize     total_rows;   /* the rows the column arrays hold: a chunk's lines */
  gboolean  any_quote;
} Chunks;

/* A range of the input, its line breaks counted and (when asked) its UTF-8
 * checked, by uc_csv_scan_range. */
typedef struct
{
  const char *start;
  const char *end;
  const char *count_from;   /* newlines are counted from here */
  char        quote;
  gboolean    validate;
  gboolean    has_quote;
  gsize       newlines;     /* line breaks: LF, CRLF and lone CR */
  gssize      bad;          /* offsets from start, or -1 */
  gssize      nul;
} Scan;

/* The table's layout in the text, told by uc_csv_sniff_layout. */
typedef struct
{
  char        delim;
  guint       header_line;
  const char *header;
  const char *units;   /* a second header line, or NULL */
} Sniff;

/* Line and column of positions met in increasing order (the cells of a
 * header), each counted on from the one before: linear however wide. */
typedef struct
{
  const Input *in;
  const char  *pos;
  guint        line;
  guint        column;
} Cursor;

struct _Reader
{
  Input          in;
  const char    *body;
  const char    *body_end;
  guint          body_line;
  char           decimal;
  char           thousands;     /* as asked: 0 any, a character, UC_NUMBER_NO_GROUPS */
  guint          n_columns;
  Plan          *plans;
  const char    *date_pattern;
  guint8        *wanted;        /* per column; NULL: every column */
  guint64       *names;         /* hash of column names: index + 1 | hash bits << 32; 0 empty */
  guint32        names_mask;
  guint64        names_seed;    /* random: names cannot be chosen to collide */
  GCancellable  *cancellable;
  UcCsvProgress  progress;
  gpointer       progress_data;
  GThread       *progress_thread;   /* the caller's: the only one that tells progress */
  gsize          progress_done;     /* body bytes read, over all chunks (atomic) */
  gsize          progress_total;
  gint           abort;
};

/* uc-csv-read.c */
UcDataset   *uc_csv_read_buffer (const char          *name,
                                 const char          *data,
                                 gsize                len,
                                 const UcCsvOptions  *options,
                                 UcCsvProgress        progress,
                                 gpointer             progress_data,
                                 GCancellable        *cancellable,
                                 UcCsvReport        **report_out,
                                 GError             **error);

/* uc-csv-messages.c */
guint  uc_csv_chars_between   (const char  *from,
                               const char  *to);
void   uc_csv_locate          (const Input *in,
                               const char  *at,
                               guint       *line,
                               guint       *column);
void   uc_csv_cursor_init     (Cursor      *cur,
                               const Input *in);
void   uc_csv_cursor_locate   (Cursor      *cur,
                               const char  *at,
                               guint       *line,
                               guint       *column);
/* An error's @format comes translated (_()); it is said once. A warning's
 * comes marked only (N_(), or both forms for uc_csv_warn_n) and is
 * translated when it is kept: a file can hold a million bad rows, each
 * counted, and only the first few are worth a catalogue look-up. */
void   uc_csv_set_error_at    (const Input *in,
                               const char  *at,
                               GError     **error,
                               UcCsvError   code,
                               const char  *format,
                               ...) G_GNUC_PRINTF (5, 6);
void   uc_csv_warn            (Warnings    *w,
                               const char  *format,
                               ...) G_GNUC_PRINTF (2, 3);
void   uc_csv_warn_n          (Warnings    *w,
                               gulong       n,
                               const char  *singular,
                               const char  *plural,
                               ...) G_GNUC_PRINTF (4, 5);
void   uc_csv_warn_cell       (Warnings    *w,
                               guint        line,
                               guint        column,
                               guint        row,
                               guint        field,
                               const char  *text,
                               const char  *format,
                               ...) G_GNUC_PRINTF (7, 8);
void   uc_csv_warnings_clear  (Warnings    *w);
void   uc_csv_warnings_append (Warnings    *to,
                               Warnings    *from);
char  *uc_csv_excerpt         (const char  *text,
                               gsize        len);

/* uc-csv-decode.c */
gpointer  uc_csv_scan_range        (gpointer             data);
const char *uc_csv_legacy_code_page (const char       *data,
                                     gsize             len);
gboolean  uc_csv_convert_to_utf8   (const char          *name,
                                    const char          *data,
                                    gsize                len,
                                    const char          *from,
                                    const char         **out,
                                    gsize               *out_len,
                                    char               **owned,
                                    char               **encoding_used,
                                    GError             **error);
gboolean  uc_csv_decode            (const char          *name,
                                    const char          *data,
                                    gsize                len,
                                    gssize              *nul_at,
                                    gboolean            *validate_later,
                                    const char          *encoding,
                                    const char         **out,
                                    gsize               *out_len,
                                    char               **owned,
                                    char               **encoding_used,
                                    Warnings            *warnings,
                                    GError             **error);
gboolean  uc_csv_check_first_block (const char          *name,
                                    const char          *data,
                                    gsize                len,
                                    const UcCsvOptions  *options,
                                    GError             **error);

/* uc-csv-tokenize.c */
void         uc_csv_input_init  (Input       *in,
                                 const char  *name,
                                 const char  *data,
                                 gsize        len,
                                 char         delim,
                                 char         quote,
                                 gboolean     strict);
void         uc_csv_tok_init    (Tok         *t,
                                 const Input *in,
                                 const char  *start,
                                 const char  *end,
                                 guint        line,
                                 Warnings    *warnings);
RowStatus    uc_csv_next_row    (Tok         *t,
                                 Cell        *cells,
                                 guint        max,
                                 guint       *n_fields,
                                 GError     **error);
const char  *uc_csv_cell_text   (const Input *in,
                                 const Cell  *c,
                                 GString     *scratch,
                                 gsize       *len);

/* uc-csv-sniff.c */
void         uc_csv_sniff_layout (const Input *base,
                                  const char  *start,
                                  gsize        len,
                                  char         forced_delim,
                                  Sniff       *out);
const char  *uc_csv_trim_footer  (Reader      *r,
                                  const char  *end,
                                  Warnings    *warnings);

/* uc-csv-header.c */
gboolean     uc_csv_read_header  (Reader      *r,
                                  Sniff       *sniff,
                                  Warnings    *warnings,
                                  GError     **error);
int          uc_csv_find_name    (Reader      *r,
                                  const char  *name);

/* uc-csv-infer.c */
gboolean     uc_csv_infer_types  (Reader             *r,
                                  const UcCsvOptions *options,
                                  char                delim,
                                  gboolean            has_quotes,
                                  GError            **error);

/* uc-csv-convert.c */
gboolean     uc_csv_is_censored  (const char  *text,
                                  gsize        len,
                                  char         decimal,
                                  char         thousands);
gpointer     uc_csv_parse_chunk  (gpointer     data);

/* uc-csv-chunks.c */
gboolean     uc_csv_chunk_init         (Chunk       *ch,
                                        Reader      *r);
void         uc_csv_chunk_clear        (Chunk       *ch,
                                        guint        n_columns);
gboolean     uc_csv_chunks_lay_out     (Chunks      *cs,
                                        Reader      *r,
                                        guint        n_threads,
                                        gboolean     validate,
                                        UcCsvAlong  *alongside,
                                        gssize      *bad_at,
                                        GError     **error);
void         uc_csv_chunks_add_tables  (Chunks      *cs);
gboolean     uc_csv_chunks_read        (Chunks      *cs,
                                        GError     **error);
gsize        uc_csv_chunks_merge       (Chunks      *cs,
                                        Reader      *r,
                                        Warnings    *warnings);
void         uc_csv_chunks_clear       (Chunks      *cs,
                                        guint        n_columns);

/* uc-csv-columns.c */
gboolean     uc_csv_columns_alloc      (Reader      *r,
                                        gsize        n_rows,
                                        GError     **error);
gboolean     uc_csv_columns_retype     (Reader      *r,
                                        ColState    *cols,
                                        gsize        n_rows,
                                        gboolean     any_quote,
                                        GError     **error);
UcDataset   *uc_csv_columns_to_dataset (Reader      *r,
                                        ColState    *cols,
                                        gsize        n_rows,
                                        UcCsvReport *report,
                                        Warnings    *warnings);

/* Past the line break at @p (LF, CRLF or a lone CR), counting the line. */
static inline const char *
uc_csv_eat_newline (Tok        *t,
                    const char *p)
{
  if (*p == '\r')
    {
      p++;
      if (p < t->end && *p == '\n')
        p++;
    }
  else
    p++;
  t->line++;
  t->line_start = p;
  return p;
}

/* Lines counted from @from to @to, as a quoted field spans them. Inline,
 * like uc_csv_eat_newline: the scanner calls it for every quoted field. */
static inline void
uc_csv_count_lines (Tok        *t,
                    const char *from,
                    const char *to)
{
  for (const char *p = from; p < to; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= t->end || p[1] != '\n')))
      {
        t->line++;
        t->line_start = p + 1;
      }
}

G_END_DECLS
