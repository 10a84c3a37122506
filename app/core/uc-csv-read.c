/* uc-csv-read.c: reading real-world CSV files into a UcDataset, in steps
 *
 * This file runs the steps; the files named in uc-csv-private.h do them.
 * Steps: decode to UTF-8; sniff the delimiter, header row and decimal mark
 * from the first lines; infer each column's type from a sample of rows;
 * then convert every row straight into typed column arrays. When the body
 * has no quote characters, rows cannot span lines, so the body is split at
 * line boundaries and read by several threads, each into its own slice of
 * the same arrays. Cells that do not fit their column's type become missing
 * and are reported; a column with too many of them is read again as text.
 *
 * Positions in messages are 1-based lines and characters, as an editor shows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <string.h>

#include "uc-column-alloc.h"

#define MAX_THREADS        8

static void
reader_clear (Reader *r)
{
  for (guint c = 0; r->plans && c < r->n_columns; c++)
    {
      g_free (r->plans[c].name);
      uc_column_free (r->plans[c].numbers);
      uc_column_free (r->plans[c].times);
      uc_column_free (r->plans[c].codes);
    }
  g_clear_pointer (&r->names, g_free);
  g_clear_pointer (&r->plans, g_free);
  g_clear_pointer (&r->wanted, g_free);
}

/* Where line @n starts (1-based; LF, CRLF or a lone CR ends a line), or
 * @end when the text has fewer lines. */
static const char *
line_start (const char *start,
            const char *end,
            guint       n)
{
  guint line = 1;

  while (line < n && start < end)
    {
      const char *nl = memchr (start, '\n', end - start);
      const char *cr = memchr (start, '\r', end - start);
      const char *brk = nl && cr ? MIN (nl, cr) : nl ? nl : cr;

      if (brk == NULL)
        return end;
      start = brk + (brk[0] == '\r' && brk + 1 < end && brk[1] == '\n' ? 2 : 1);
      line++;
    }
  return start;
}

/* The header is forced, or it is the first line of the stable layout. */
static gboolean
find_layout (Reader              *r,
             const UcCsvOptions  *options,
             Sniff               *sniff,
             GError             **error)
{
  const char *end = r->in.data + r->in.len;
  const char *start;

  if (options->header_row == 0)
    {
      uc_csv_sniff_layout (&r->in, r->in.data, r->in.len, options->delimiter, sniff);
      return TRUE;
    }
  start = line_start (r->in.data, end, options->header_row);
  if (start >= end)
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                   /* Translators: a file's name, then the line asked for as its header. */
                   _("%s: header row %u is past the end of the file"), r->in.name, options->header_row);
      return FALSE;
    }
  uc_csv_sniff_layout (&r->in, start, end - start, options->delimiter, sniff);
  sniff->header = start;
  sniff->header_line = options->header_row;
  return TRUE;
}

/* The header read, and the columns asked for (if any) found by name. */
static gboolean
read_columns (Reader              *r,
              Sniff               *sniff,
              const UcCsvOptions  *options,
              Warnings            *warnings,
              GError             **error)
{
  if (!uc_csv_read_header (r, sniff, warnings, error))
    return FALSE;
  if (sniff->header_line > 1 && options->header_row == 0)
    /* Translators: the last line above the table, then the header's line. */
    uc_csv_warn (warnings, N_("lines 1–%u are not part of the table (the header is on line %u); skipped"),
                 sniff->header_line - 1, sniff->header_line);
  if (options->columns == NULL)
    return TRUE;
  r->wanted = g_new0 (guint8, r->n_columns);
  for (guint k = 0; options->columns[k]; k++)
    {
      int found = uc_csv_find_name (r, options->columns[k]);

      if (found < 0)
        {
          /* Translators: a file's name, then the column asked for. */
          g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION, _("%s: no column called “%s”"), r->in.name,
                       options->columns[k]);
          return FALSE;
        }
      r->wanted[found] = 1;
    }
  return TRUE;
}

/* The chunks, once read, merged and made a dataset: columns with too many
 * bad cells read again as text, the dialect in @report. */
static UcDataset *
make_dataset (Reader       *r,
              Chunks       *body,
              const Sniff  *sniff,
              UcCsvReport  *report,
              Warnings     *warnings,
              GError      **error)
{
  ColState *cols = body->chunks[0].cols;
  gsize n_rows = uc_csv_chunks_merge (body, r, warnings);
  UcDataset *dataset;

  if (!uc_csv_columns_retype (r, cols, n_rows, body->any_quote, error))
    return NULL;
  if (n_rows > G_MAXUINT)
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name. */
                   _("%s: more than %u rows"), r->in.name, G_MAXUINT);
      return NULL;
    }
  dataset = uc_csv_columns_to_dataset (r, cols, n_rows, report, warnings);
  report->delimiter = g_strndup (&sniff->delim, 1);
  report->quote = r->in.quote;
  report->decimal = r->decimal;
  report->header_row = sniff->header_line;
  report->n_rows = (guint) n_rows;
  return dataset;
}

/* The types inferred while other threads count the body's lines, as if
 * it had no quotes (the count says; with quotes they are inferred again). */
typedef struct
{
  UcCsvAlong          along;
  Reader             *r;
  const UcCsvOptions *options;
  char                delim;
  gboolean            ok;
  GError             *error;
} EarlyTypes;

static void
infer_early (UcCsvAlong *along)
{
  EarlyTypes *e = (EarlyTypes *) along;

  e->ok = uc_csv_infer_types (e->r, e->options, e->delim, FALSE, &e->error);
}

/* Types for the body laid out in @body: those inferred early when they
 * were, and its lines are rows (no quotes); else inferred now. */
static gboolean
body_types (Reader              *r,
            const Chunks        *body,
            EarlyTypes          *early,
            const UcCsvOptions  *options,
            char                 delim,
            GError             **error)
{
  if (early->along.ran && !body->any_quote)
    {
      if (early->ok)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&early->error));
      return FALSE;
    }
  g_clear_error (&early->error);
  return uc_csv_infer_types (r, options, delim, body->any_quote, error);
}

/* UTF-8 text (checked as it is read when @validate; *bad_at then says
 * where it is not) read into a dataset. */
static UcDataset *
read_decoded (const char          *name,
              const char          *data,
              gsize                len,
              gboolean             validate,
              gssize              *bad_at,
              const UcCsvOptions  *options,
              UcCsvReport         *report,
              Warnings            *warnings,
              UcCsvProgress        progress,
              gpointer             progress_data,
              GCancellable        *cancellable,
              GError             **error)
{
  UcDataset *dataset = NULL;
  Reader r = { 0 };
  Chunks body = { 0 };
  EarlyTypes early = { { infer_early, FALSE }, &r, options, 0, FALSE, NULL };
  Sniff sniff;
  guint n_threads;
  gboolean ok;

  uc_csv_input_init (&r.in, name, data, len, options->delimiter ? options->delimiter : ',',
                     options->quote ? options->quote : '"', options->strict);
  r.date_pattern = options->date_format;
  r.thousands = options->thousands;
  r.cancellable = cancellable;
  r.progress = progress;
  r.progress_data = progress_data;
  r.progress_thread = g_thread_self ();

  if (!find_layout (&r, options, &sniff, error))
    return NULL;
  uc_csv_input_init (&r.in, name, data, len, sniff.delim, r.in.quote, options->strict);
  if (!read_columns (&r, &sniff, options, warnings, error))
    {
      reader_clear (&r);
      return NULL;
    }
  r.body_end = options->strict ? data + len : uc_csv_trim_footer (&r, data + len, warnings);
  r.progress_total = r.body_end - r.body;

  /* Threads where the body is large; they stay only if it has no quotes.
   * Then types from a sample, and the rows read into the typed columns. */
  n_threads = options->n_threads ? options->n_threads : MIN (g_get_num_processors (), MAX_THREADS);
  early.delim = sniff.delim;
  ok = uc_csv_chunks_lay_out (&body, &r, n_threads, validate, &early.along, bad_at, error) &&
       body_types (&r, &body, &early, options, sniff.delim, error);
  g_clear_error (&early.error);
  if (ok)
    {
      uc_csv_chunks_add_tables (&body);
      ok = uc_csv_columns_alloc (&r, body.total_rows, error) &&
           uc_csv_chunks_read (&body, error) &&
           !g_cancellable_set_error_if_cancelled (cancellable, error);
    }
  if (ok)
    dataset = make_dataset (&r, &body, &sniff, report, warnings, error);

  uc_csv_chunks_clear (&body, r.n_columns);
  reader_clear (&r);
  if (dataset && progress)
    progress (1.0, progress_data);
  return dataset;
}

static gboolean
check_options (const UcCsvOptions  *options,
               GError             **error)
{
  if (options->date_format && !uc_date_pattern_is_valid (options->date_format))
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                   /* Translators: %s is a date format as given (%d/%m/%Y); the %%Y… are the parts it may hold, kept. */
                   _("date format “%s” is not valid (use %%Y %%y %%m %%d %%b %%H %%M %%S %%z)"), options->date_format);
      return FALSE;
    }
  if (options->decimal && options->decimal != '.' && options->decimal != ',')
    {
      g_set_error_literal (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION, _("decimal mark must be “.” or “,”"));
      return FALSE;
    }
  if (options->thousands && !strchr (",.' ", options->thousands) && options->thousands != UC_CSV_NO_THOUSANDS)
    {
      g_set_error_literal (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                           _("thousands separator must be “,”, “.”, “'”, a space or none"));
      return FALSE;
    }
  if (options->thousands && options->thousands == options->decimal)
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                   _("the decimal mark and the thousands separator are both “%c”"), options->decimal);
      return FALSE;
    }
  return TRUE;
}

/* The line ending of the first line, for the report. */
static const char *
line_ending (const char *text,
             gsize       text_len)
{
  const char *lf = text_len ? memchr (text, '\n', MIN (text_len, 65536)) : NULL;

  if (lf && lf > text && lf[-1] == '\r')
    return "CRLF";
  if (lf)
    return "LF";
  if (text_len && memchr (text, '\r', MIN (text_len, 65536)))
    return "CR";
  return "LF";
}

/* Decoded text that is a table: no NUL byte (@nul: where the decoder saw
 * one, -1 none, -2 not looked for yet, -3 looked for as lines are counted),
 * not only blanks; its line ending noted in @report. */
static gboolean
check_text (const char   *name,
            const char   *text,
            gsize         text_len,
            gssize        nul,
            UcCsvReport  *report,
            GError      **error)
{
  gboolean blank = TRUE;

  /* After decoding, a NUL byte means this is not a text table. */
  if (nul == -2)
    {
      const char *at = text_len > 0 ? memchr (text, '\0', text_len) : NULL;

      nul = at ? at - text : -1;
    }
  if (nul >= 0)
    {
      Input in = { .name = name, .data = text, .len = text_len };

      uc_csv_set_error_at (&in, text + nul, error, UC_CSV_ERROR_NUL_BYTE, _("NUL byte in the file (is it a text file?)"));
      return FALSE;
    }

  report->line_ending = line_ending (text, text_len);

  for (gsize i = 0; i < text_len && blank; i++)
    blank = text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t';
  if (blank)
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY,
                   /* Translators: %s is a file's name. */
                   _("%s: line 1, column 1: the file is empty (expected a header row)"), name);
      return FALSE;
    }
  return TRUE;
}

/* Not UTF-8 after all (the byte at @bad_at, found as the lines were
 * counted): the text converted from the Windows code page it then most
 * likely is, or an error if the file said it was UTF-8. */
static gboolean
reread_as_code_page (const char          *name,
                        const UcCsvOptions  *options,
                        UcCsvReport         *report,
                        gssize               bad_at,
                        const char         **text,
                        gsize               *text_len,
                        char               **owned,
                        Warnings            *warnings,
                        GError             **error)
{
  const char *base = *text;
  gsize base_len = *text_len;
  gboolean bom = g_str_equal (report->encoding, "UTF-8 with BOM");
  gboolean forced = options->encoding != NULL;
  Input in = { .name = name, .data = base, .len = base_len };
  const char *from;
  guint line, column;

  if (bom || forced)
    {
      uc_csv_set_error_at (&in, base + bad_at, error, UC_CSV_ERROR_ENCODING,
                           _("invalid UTF-8 byte 0x%02X"), (guchar) base[bad_at]);
      return FALSE;
    }
  from = uc_csv_legacy_code_page (base, base_len);
  uc_csv_locate (&in, base + bad_at, &line, &column);
  uc_csv_warnings_clear (warnings);
  /* Translators: a line and a column of the file, a byte's value, a Windows code page's number (1250, 1252). */
  uc_csv_warn (warnings, N_("line %u, column %u: not valid UTF-8 (byte 0x%02X); the file was read as Windows-%s"),
               line, column, (guchar) base[bad_at], from + strlen ("WINDOWS-"));
  g_clear_pointer (&report->encoding, g_free);
  return uc_csv_convert_to_utf8 (name, base, base_len, from, text, text_len, owned,
                                 &report->encoding, error);
}

/* The bytes of a file, stream or GBytes read into a dataset. */
UcDataset *
uc_csv_read_buffer (const char          *name,
                    const char          *data,
                    gsize                len,
                    const UcCsvOptions  *options,
                    UcCsvProgress        progress,
                    gpointer             progress_data,
                    GCancellable        *cancellable,
                    UcCsvReport        **report_out,
                    GError             **error)
{
  g_autoptr(UcCsvReport) report = g_new0 (UcCsvReport, 1);
  g_autofree char *owned = NULL;
  UcCsvOptions defaults;
  Warnings warnings = { 0 };
  UcDataset *dataset = NULL;
  const char *text;
  gsize text_len;
  gssize nul;
  gboolean validate_later;

  if (options == NULL)
    {
      uc_csv_options_init (&defaults);
      options = &defaults;
    }
  if (!check_options (options, error))
    return NULL;

  /* Refused from its first block (files and streams were checked there
   * before the rest was read). */
  if (!uc_csv_check_first_block (name, data, MIN (len, FIRST_BLOCK), options, error))
    return NULL;

  if (!uc_csv_decode (name, data, len, &nul, &validate_later, options->encoding, &text, &text_len,
                      &owned, &report->encoding, &warnings, error))
    {
      uc_csv_warnings_clear (&warnings);
      return NULL;
    }

  for (;;)
    {
      gssize bad_at = -1;

      if (!check_text (name, text, text_len, nul, report, error))
        break;
      dataset = read_decoded (name, text, text_len, validate_later, &bad_at, options, report, &warnings,
                              progress, progress_data, cancellable, error);
      if (dataset != NULL || bad_at < 0 || !validate_later ||
          !reread_as_code_page (name, options, report, bad_at, &text, &text_len, &owned, &warnings, error))
        break;
      validate_later = FALSE;
      nul = -2;
    }
  if (dataset == NULL)
    {
      uc_csv_warnings_clear (&warnings);
      return NULL;
    }

  report->warnings = warnings.kept ? warnings.kept : g_ptr_array_new_with_free_func (g_free);
  report->n_warnings = warnings.count;
  report->cells = warnings.cells ? warnings.cells : g_array_new (FALSE, FALSE, sizeof (UcCsvCellWarning));
  if (report_out)
    *report_out = g_steal_pointer (&report);
  return dataset;
}

UcDataset *
uc_csv_read_bytes (GBytes              *bytes,
                   const char          *name,
                   const UcCsvOptions  *options,
                   UcCsvReport        **report,
                   GError             **error)
{
  gsize size;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  return uc_csv_read_buffer (name ? name : "CSV", data ? data : "", size, options, NULL, NULL, NULL, report, error);
}
