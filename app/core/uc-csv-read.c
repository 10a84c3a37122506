/* uc-csv-read.c: reading real-world CSV files into a UcDataset
 *
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
#include "uc-csv-private.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "uc-column-alloc.h"

#define MAP_MIN_BYTES      ((gsize) 64 << 20)   /* copied up to this size, mapped above */

/* The next @nl from @p, looked for a window at a time: NULL at a NUL byte
 * (the scan stops there and refuses the file) as at the end, so that a
 * file of NULs is not searched to its end for a line break. */
static const char *
next_break (const char *p,
            const char *end,
            char        nl)
{
  while (p < end)
    {
      gsize window = MIN ((gsize) (end - p), (gsize) 65536);
      const char *brk = memchr (p, nl, window);

      if (memchr (p, '\0', brk ? (gsize) (brk - p) : window))
        return NULL;
      if (brk)
        return brk;
      p += window;
    }
  return NULL;
}

static void
chunk_clear (Chunk *ch,
             guint  n_columns)
{
  for (guint c = 0; ch->cols && c < n_columns; c++)
    {
      g_clear_pointer (&ch->cols[c].table, uc_string_table_free);
      g_clear_pointer (&ch->cols[c].censored_example, g_free);
      for (guint k = 0; k < MIN (ch->cols[c].n_bad, MAX_BAD_KEPT); k++)
        g_free (ch->cols[c].bad[k].text);
      g_free (ch->cols[c].bad);
    }
  g_clear_pointer (&ch->cols, g_free);
  uc_csv_warnings_clear (&ch->warnings);
  if (ch->scratch)
    g_string_free (ch->scratch, TRUE);
  ch->scratch = NULL;
  g_clear_error (&ch->error);
}

/* FALSE when the state for every column cannot be had. */
static gboolean
chunk_init (Chunk  *ch,
            Reader *r)
{
  memset (ch, 0, sizeof *ch);
  ch->r = r;
  ch->cols = g_try_new0 (ColState, r->n_columns);
  ch->scratch = g_string_new (NULL);
  return ch->cols != NULL;
}

/* String tables for the text columns only: a wide file of numbers would
 * otherwise pay a table for every column in every chunk. */
static void
chunk_add_tables (Chunk *ch)
{
  for (guint c = 0; c < ch->r->n_columns; c++)
    if (ch->r->plans[c].kind == KIND_TEXT && ch->cols[c].table == NULL)
      ch->cols[c].table = uc_string_table_new ();
}

/* The column's array for @rows rows (a count that comes from the input):
 * FALSE when that much memory cannot be had. */
static gboolean
alloc_plan (Plan  *plan,
            gsize  rows)
{
  rows = MAX (rows, 1);
  g_clear_pointer (&plan->numbers, uc_column_free);
  g_clear_pointer (&plan->times, uc_column_free);
  g_clear_pointer (&plan->codes, uc_column_free);
  if (rows > G_MAXSIZE / sizeof (double))
    return FALSE;
  switch (plan->kind)
    {
    case KIND_SKIP: return TRUE;
    case KIND_NUMBER: return (plan->numbers = uc_column_try_alloc (rows * sizeof (double))) != NULL;
    case KIND_TEXT: return (plan->codes = uc_column_try_alloc (rows * sizeof (guint32))) != NULL;
    default: return (plan->times = uc_column_try_alloc (rows * sizeof (UcTime))) != NULL;
    }
}

/* Moves @n rows of every column from @from to @to. */
static void
move_rows (Reader *r,
           gsize   to,
           gsize   from,
           gsize   n)
{
  for (guint c = 0; c < r->n_columns; c++)
    {
      Plan *p = &r->plans[c];

      if (p->numbers)
        memmove (p->numbers + to, p->numbers + from, n * sizeof (double));
      if (p->times)
        memmove (p->times + to, p->times + from, n * sizeof (UcTime));
      if (p->codes)
        memmove (p->codes + to, p->codes + from, n * sizeof (guint32));
    }
}

static char *
describe_format (Plan     *plan,
                 ColState *st,
                 char      decimal,
                 const char *pattern)
{
  GString *s;

  /* The usual descriptions as they are: one small string per column. */
  if (plan->kind == KIND_TEXT)
    return g_strdup ("text");
  if (plan->kind == KIND_NUMBER && decimal != ',' &&
      !(st->number_flags & (UC_NUMBER_GROUPED | UC_NUMBER_CURRENCY | UC_NUMBER_PERCENT | UC_NUMBER_SUFFIX)))
    return g_strdup ("number");

  s = g_string_new (NULL);
  switch (plan->kind)
    {
    case KIND_NUMBER:
      g_string_append (s, decimal == ',' ? "number, decimal comma" : "number");
      if (st->number_flags & UC_NUMBER_GROUPED)
        g_string_append (s, ", thousands separators");
      if (st->number_flags & UC_NUMBER_CURRENCY)
        g_string_append (s, ", currency sign");
      if (st->number_flags & UC_NUMBER_PERCENT)
        g_string_append (s, ", percent");
      if (st->number_flags & UC_NUMBER_SUFFIX)
        g_string_append (s, ", K/M/B/T suffixes");
      break;
    case KIND_DATE:
      g_string_append (s, uc_date_format_describe (plan->date_format));
      if (plan->type == UC_COLUMN_DATETIME && !uc_date_format_has_time (plan->date_format))
        g_string_append (s, " %H:%M:%S");
      break;
    case KIND_DATE_PATTERN:
      g_string_append (s, pattern);
      break;
    case KIND_DATE_SLASH:
      g_string_append (s, uc_date_format_describe (plan->date_format));
      if (plan->type == UC_COLUMN_DATETIME)
        g_string_append (s, " %H:%M:%S");
      break;
    case KIND_TEXT:
    default:
      g_string_append (s, "text");
      break;
    }
  {
    char *out = g_strndup (s->str, s->len);   /* not the string's larger buffer */

    g_string_free (s, TRUE);
    return out;
  }
}

/* Turns the y·10⁴ + a·10² + b values into dates once the order is known. */
static void
resolve_slash_dates (Reader   *r,
                     Plan     *plan,
                     ColState *st,
                     gsize     n_rows,
                     Warnings *warnings)
{
  gboolean day_first;
  guint invalid = 0;

  if (st->max_a > 12 && st->max_b > 12)
    {
      uc_csv_warn (warnings, "column “%s”: dates like %d/%d/… and …/%d/… cannot both be valid; read as day/month/year",
                   plan->name, st->max_a, st->max_b, st->max_b);
      day_first = TRUE;
    }
  else if (st->max_a > 12)
    day_first = TRUE;
  else if (st->max_b > 12)
    day_first = FALSE;
  else
    {
      uc_csv_warn (warnings, "column “%s”: every date reads both as day/month and as month/day; read as month/day/year "
                   "(set the date format, e.g. %%d/%%m/%%Y, if that is wrong)", plan->name);
      day_first = FALSE;
    }
  plan->date_format = day_first ? UC_DATE_DMY_SLASH : UC_DATE_MDY_SLASH;

  for (gsize i = 0; i < n_rows; i++)
    {
      gint64 v = plan->times[i], secs;
      int y, a, b, d, m;
      char text[32];

      if (v == UC_TIME_MISSING)
        continue;
      secs = v % 86400;
      v /= 86400;
      y = (int) (v / 10000);
      a = (int) (v / 100 % 100);
      b = (int) (v % 100);
      d = day_first ? a : b;
      m = day_first ? b : a;
      g_snprintf (text, sizeof text, "%04d-%02d-%02d", y, m, d);
      if (!uc_parse_date (text, strlen (text), UC_DATE_ISO, &plan->times[i]))
        {
          plan->times[i] = UC_TIME_MISSING;
          invalid++;
        }
      else
        plan->times[i] += secs * G_USEC_PER_SEC;
    }
  if (invalid > 0)
    uc_csv_warn (warnings, "column “%s”: %u dates are not valid as %s and were read as missing",
                 plan->name, invalid, day_first ? "day/month/year" : "month/day/year");
  (void) r;
}

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
  g_autoptr(UcDataset) dataset = NULL;
  Reader r = { 0 };
  Sniff sniff;
  Chunk *chunks;
  guint n_chunks = 1, n_threads;
  gsize total_rows = 0;
  gboolean any_quote = FALSE;
  const char *end = data + len;
  const char *start = data;
  gboolean ok = TRUE;

  uc_csv_input_init (&r.in, name, data, len, options->delimiter ? options->delimiter : ',',
                     options->quote ? options->quote : '"', options->strict);
  r.date_pattern = options->date_format;
  r.cancellable = cancellable;
  r.progress = progress;
  r.progress_data = progress_data;

  /* The header is forced, or it is the first line of the stable layout. */
  if (options->header_row > 0)
    {
      guint line = 1;

      while (line < options->header_row && start < end)
        {
          const char *nl = memchr (start, '\n', end - start);
          const char *cr = memchr (start, '\r', end - start);
          const char *brk = nl && cr ? MIN (nl, cr) : nl ? nl : cr;

          if (brk == NULL)
            {
              start = end;
              break;
            }
          start = brk + (brk[0] == '\r' && brk + 1 < end && brk[1] == '\n' ? 2 : 1);
          line++;
        }
      if (start >= end)
        {
          g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                       "%s: header row %u is past the end of the file", name, options->header_row);
          return NULL;
        }
      uc_csv_sniff_layout (&r.in, start, end - start, options->delimiter, &sniff);
      sniff.header = start;
      sniff.header_line = options->header_row;
    }
  else
    uc_csv_sniff_layout (&r.in, data, len, options->delimiter, &sniff);

  uc_csv_input_init (&r.in, name, data, len, sniff.delim, r.in.quote, options->strict);

  if (!uc_csv_read_header (&r, &sniff, warnings, error))
    {
      reader_clear (&r);
      return NULL;
    }
  if (sniff.header_line > 1 && options->header_row == 0)
    uc_csv_warn (warnings, "lines 1–%u are not part of the table (the header is on line %u); skipped",
                 sniff.header_line - 1, sniff.header_line);
  if (options->columns)
    {
      r.wanted = g_new0 (guint8, r.n_columns);
      for (guint k = 0; options->columns[k]; k++)
        {
          int found = uc_csv_find_name (&r, options->columns[k]);

          if (found < 0)
            {
              g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION, "%s: no column called “%s”", name, options->columns[k]);
              reader_clear (&r);
              return NULL;
            }
          r.wanted[found] = 1;
        }
    }
  if (!options->strict)
    end = uc_csv_trim_footer (&r, end, warnings);
  r.body_end = end;

  /* Threads where the body is large; they stay only if it has no quotes. */
  n_threads = options->n_threads ? options->n_threads : MIN (g_get_num_processors (), MAX_THREADS);
  /* Each chunk keeps a state per column: a wide table of few rows is not
   * worth splitting. */
  if (n_threads > 1 && (gsize) (end - r.body) >= MIN_PARALLEL_BYTES &&
      (gsize) (end - r.body) / r.n_columns >= 256)
    n_chunks = n_threads;

  chunks = g_new0 (Chunk, n_chunks);
  {
    char nl = next_break (r.body, end, '\n') ? '\n' : '\r';
    const char *from = r.body;
    guint line = r.body_line;

    gsize lines;

    for (guint k = 0; k < n_chunks; k++)
      {
        const char *to = end;

        if (k + 1 < n_chunks)
          {
            const char *target = r.body + (end - r.body) * (k + 1) / n_chunks;
            const char *brk = target > from ? next_break (target, end, nl) : NULL;

            to = brk ? brk + 1 : end;
          }
        if (!chunk_init (&chunks[k], &r))
          ok = FALSE;
        chunks[k].start = from;
        chunks[k].end = to;
        chunks[k].report_progress = k == 0;
        chunks[k].only = r.wanted;
        from = to;
      }

    /* Count lines (and check the encoding) in parallel, then lay the
     * chunks out one after the other in the column arrays. */
    if (!ok)
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE, "%s: not enough memory for %u columns",
                   name, r.n_columns);
    else
      {
        Scan *scans = g_new0 (Scan, n_chunks);
        GThread **threads = g_new0 (GThread *, n_chunks);
        gssize nul = -1, bad = -1;

        for (guint k = 0; k < n_chunks; k++)
          {
            scans[k].start = k == 0 && validate ? data : chunks[k].start;
            scans[k].count_from = chunks[k].start;
            scans[k].end = chunks[k].end;
            scans[k].quote = r.in.quote;
            scans[k].validate = validate;
          }
        for (guint k = 1; k < n_chunks; k++)
          threads[k] = g_thread_new ("uc-scan", uc_csv_scan_range, &scans[k]);
        uc_csv_scan_range (&scans[0]);
        for (guint k = 1; k < n_chunks; k++)
          g_thread_join (threads[k]);

        /* With a quote anywhere, a row may span lines: one chunk, read in order. */
        {
          for (guint k = 0; k < n_chunks; k++)
            any_quote |= scans[k].has_quote;
          if (any_quote && n_chunks > 1)
            {
              for (guint k = 1; k < n_chunks; k++)
                {
                  scans[0].newlines += scans[k].newlines;
                  if (scans[0].bad < 0 && scans[k].bad >= 0)
                    scans[0].bad = scans[k].start - scans[0].start + scans[k].bad;
                  if (scans[0].nul < 0 && scans[k].nul >= 0)
                    scans[0].nul = scans[k].start - scans[0].start + scans[k].nul;
                  chunk_clear (&chunks[k], r.n_columns);
                }
              chunks[0].end = end;
              n_chunks = 1;
            }
          for (guint k = 0; k < n_chunks; k++)
            chunks[k].plain = !scans[k].has_quote;
        }

        for (guint k = 0; k < n_chunks; k++)
          {
            if (bad < 0 && scans[k].bad >= 0)
              bad = scans[k].start - data + scans[k].bad;
            if (nul < 0 && scans[k].nul >= 0)
              nul = scans[k].start - data + scans[k].nul;
            chunks[k].first_line = line;
            chunks[k].row_base = total_rows;
            lines = scans[k].newlines;
            total_rows += lines + 1;
            chunks[k].row_limit = total_rows;
            line += (guint) lines;
          }
        g_free (scans);
        g_free (threads);

        if (nul >= 0 && (bad < 0 || nul < bad))
          {
            uc_csv_set_error_at (&r.in, data + nul, error, UC_CSV_ERROR_NUL_BYTE, "NUL byte in the file (is it a text file?)");
            ok = FALSE;
          }
        else if (bad >= 0)
          {
            *bad_at = bad;
            ok = FALSE;
          }
      }
  }

  if (!ok)
    {
      for (guint k = 0; k < n_chunks; k++)
        chunk_clear (&chunks[k], r.n_columns);
      g_free (chunks);
      reader_clear (&r);
      return NULL;
    }

  /* Types from a sample. */
  if (!uc_csv_infer_types (&r, options, sniff.delim, any_quote, error))
    {
      for (guint k = 0; k < n_chunks; k++)
        chunk_clear (&chunks[k], r.n_columns);
      g_free (chunks);
      reader_clear (&r);
      return NULL;
    }

  for (guint k = 0; k < n_chunks; k++)
    chunk_add_tables (&chunks[k]);
  for (guint c = 0; c < r.n_columns; c++)
    if (!alloc_plan (&r.plans[c], total_rows))
      {
        g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                     "%s: not enough memory for %" G_GSIZE_FORMAT " rows × %u columns", name, total_rows, r.n_columns);
        for (guint k = 0; k < n_chunks; k++)
          chunk_clear (&chunks[k], r.n_columns);
        g_free (chunks);
        reader_clear (&r);
        return NULL;
      }

  {
    GThread **threads = g_new0 (GThread *, n_chunks);

    for (guint k = 1; k < n_chunks; k++)
      threads[k] = g_thread_new ("uc-csv", uc_csv_parse_chunk, &chunks[k]);
    uc_csv_parse_chunk (&chunks[0]);
    for (guint k = 1; k < n_chunks; k++)
      g_thread_join (threads[k]);
    g_free (threads);
  }

  for (guint k = 0; k < n_chunks && ok; k++)
    if (chunks[k].error)
      {
        g_propagate_error (error, g_steal_pointer (&chunks[k].error));
        ok = FALSE;
      }
  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok)
    {
      gsize n_rows = 0;

      /* Close the gaps between chunks, merge string tables and warnings. */
      for (guint k = 0; k < n_chunks; k++)
        {
          Chunk *ch = &chunks[k];

          if (k > 0)
            {
              for (guint c = 0; c < r.n_columns; c++)
                {
                  Plan *plan = &r.plans[c];
                  ColState *main = &chunks[0].cols[c], *st = &ch->cols[c];

                  if (plan->kind == KIND_TEXT)
                    {
                      guint size = uc_string_table_size (st->table);
                      g_autofree guint32 *remap = g_new (guint32, size + 1);

                      remap[0] = 0;
                      for (guint32 code = 1; code <= size; code++)
                        {
                          const char *s = uc_string_table_get (st->table, code);
                          remap[code] = uc_string_table_intern (main->table, s, strlen (s));
                        }
                      for (gsize i = ch->row_base; i < ch->row_base + ch->n_rows; i++)
                        plan->codes[i] = remap[plan->codes[i]];
                    }
                  /* The first few bad cells are kept, all are counted:
                   * the count decides whether the column is text. */
                  {
                    guint kept = MIN (main->n_bad, MAX_BAD_KEPT);

                    for (guint b = 0; b < MIN (st->n_bad, MAX_BAD_KEPT) && kept < MAX_BAD_KEPT; b++)
                      {
                        if (main->bad == NULL)
                          main->bad = g_new0 (BadCell, MAX_BAD_KEPT);
                        main->bad[kept++] = st->bad[b];
                        st->bad[b].text = NULL;
                      }
                    main->n_bad += st->n_bad;
                  }
                  main->n_ok += st->n_ok;
                  main->n_not_finite += st->n_not_finite;
                  main->n_censored += st->n_censored;
                  if (main->censored_example == NULL)
                    main->censored_example = g_steal_pointer (&st->censored_example);
                  main->max_a = MAX (main->max_a, st->max_a);
                  main->max_b = MAX (main->max_b, st->max_b);
                  main->number_flags |= st->number_flags;
                }
              if (ch->row_base != n_rows)
                move_rows (&r, n_rows, ch->row_base, ch->n_rows);
            }
          uc_csv_warnings_append (warnings, &ch->warnings);
          n_rows += ch->n_rows;
        }

      /* Columns with too many cells of the wrong kind are text after all. */
      {
        g_autofree guint8 *again = g_new0 (guint8, r.n_columns);
        Chunk redo;
        gboolean any = FALSE;

        for (guint c = 0; c < r.n_columns; c++)
          {
            Plan *plan = &r.plans[c];
            ColState *st = &chunks[0].cols[c];

            /* Numbers past a double's range are still numbers: they do not
             * make the column text. */
            if (plan->kind != KIND_TEXT && plan->kind != KIND_SKIP && st->n_bad > st->n_not_finite &&
                st->n_bad - st->n_not_finite > (st->n_bad + st->n_ok) * 0.05)
              {
                again[c] = 1;
                any = TRUE;
                plan->kind = KIND_TEXT;
                plan->type = UC_COLUMN_TEXT;
                if (!alloc_plan (plan, n_rows) && ok)
                  {
                    g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                                 "%s: not enough memory for %" G_GSIZE_FORMAT " rows of text", name, n_rows);
                    ok = FALSE;
                  }
                for (guint b = 0; b < MIN (st->n_bad, MAX_BAD_KEPT); b++)
                  g_clear_pointer (&st->bad[b].text, g_free);
                st->n_bad = 0;
                st->n_not_finite = 0;
              }
          }
        if (any && ok && !chunk_init (&redo, &r))
          {
            chunk_clear (&redo, r.n_columns);
            g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE, "%s: not enough memory for %u columns",
                         name, r.n_columns);
            ok = FALSE;
          }
        if (any && ok)
          {
            redo.start = r.body;
            redo.end = end;
            redo.first_line = r.body_line;
            redo.row_limit = n_rows;
            redo.only = again;
            redo.plain = !any_quote;
            for (guint c = 0; c < r.n_columns; c++)
              if (again[c])
                {
                  redo.cols[c].table = chunks[0].cols[c].table ? chunks[0].cols[c].table : uc_string_table_new ();
                  chunks[0].cols[c].table = NULL;
                }
            uc_csv_parse_chunk (&redo);
            for (guint c = 0; c < r.n_columns; c++)
              if (again[c])
                {
                  chunks[0].cols[c].table = redo.cols[c].table;
                  redo.cols[c].table = NULL;
                }
            if (redo.error)
              {
                g_propagate_error (error, g_steal_pointer (&redo.error));
                ok = FALSE;
              }
            chunk_clear (&redo, r.n_columns);
          }
      }

      if (ok && n_rows > G_MAXUINT)
        {
          g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                       "%s: more than %u rows", name, G_MAXUINT);
          ok = FALSE;
        }
      if (ok)
        {
          dataset = uc_dataset_new (name, (guint) n_rows);
          report->formats = g_ptr_array_new_with_free_func (g_free);

          for (guint c = 0; c < r.n_columns; c++)
            {
              Plan *plan = &r.plans[c];
              ColState *st = &chunks[0].cols[c];
              guint index;

              if (plan->kind == KIND_SKIP)
                continue;

              if (plan->kind == KIND_DATE_SLASH)
                resolve_slash_dates (&r, plan, st, n_rows, warnings);

              for (guint b = 0; b < MIN (st->n_bad, MAX_BAD_KEPT); b++)
                uc_csv_warn (warnings, "line %u, column %u: “%s” in column “%s” is not %s; read as missing",
                             st->bad[b].line, st->bad[b].column, st->bad[b].text, plan->name,
                             st->bad[b].not_finite ? "a finite number" :
                             plan->kind == KIND_NUMBER ? "a number" :
                             plan->type == UC_COLUMN_DATETIME ? "a date and time" : "a date");
              if (st->n_bad > MAX_BAD_KEPT)
                uc_csv_warn (warnings, "column “%s”: %u more bad %s read as missing", plan->name,
                             st->n_bad - MAX_BAD_KEPT, st->n_bad - MAX_BAD_KEPT == 1 ? "cell was" : "cells were");
              if (st->n_censored > 0 && plan->kind == KIND_NUMBER)
                uc_csv_warn (warnings, "column “%s”: %u values like “%s” (beyond what the source reports) read as missing",
                             plan->name, st->n_censored, st->censored_example);

              /* A nameless column with nothing in it is a trailing delimiter. */
              if (plan->unnamed && plan->kind == KIND_TEXT && uc_string_table_size (st->table) == 0)
                {
                  uc_csv_warn (warnings, "column %u has no name and no values; dropped", c + 1);
                  continue;
                }

              g_ptr_array_add (report->formats, describe_format (plan, st, r.decimal, r.date_pattern));
              switch (plan->kind)
                {
                case KIND_NUMBER:
                  index = uc_dataset_take_numbers (dataset, plan->name, g_steal_pointer (&plan->numbers));
                  if (st->number_flags & UC_NUMBER_PERCENT)
                    uc_dataset_set_column_unit (dataset, index, "%");
                  break;
                case KIND_TEXT:
                  index = uc_dataset_take_codes (dataset, plan->name, g_steal_pointer (&plan->codes),
                                                 g_steal_pointer (&st->table));
                  break;
                default:
                  index = uc_dataset_take_times (dataset, plan->name, plan->type, g_steal_pointer (&plan->times));
                  uc_dataset_set_date_unit (dataset, index, plan->unit);
                  break;
                }
            }

          report->delimiter = g_strndup (&sniff.delim, 1);
          report->quote = r.in.quote;
          report->decimal = r.decimal;
          report->header_row = sniff.header_line;
          report->n_rows = (guint) n_rows;
        }
    }

  for (guint k = 0; k < n_chunks; k++)
    chunk_clear (&chunks[k], r.n_columns);
  g_free (chunks);
  reader_clear (&r);

  if (ok && progress)
    progress (1.0, progress_data);
  return ok ? g_steal_pointer (&dataset) : NULL;
}

static UcDataset *
read_buffer (const char          *name,
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
  Warnings warnings = { NULL, 0 };
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
  if (options->date_format && !uc_date_pattern_is_valid (options->date_format))
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                   "date format “%s” is not valid (use %%Y %%y %%m %%d %%b %%H %%M %%S %%z)", options->date_format);
      return NULL;
    }
  if (options->decimal && options->decimal != '.' && options->decimal != ',')
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION, "decimal mark must be “.” or “,”");
      return NULL;
    }

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

      /* After decoding, a NUL byte means this is not a text table. */
      if (nul == -2)
        {
          const char *at = text_len > 0 ? memchr (text, '\0', text_len) : NULL;

          nul = at ? at - text : -1;
        }
      if (nul >= 0)
        {
          Input in = { .name = name, .data = text, .len = text_len };

          uc_csv_set_error_at (&in, text + nul, error, UC_CSV_ERROR_NUL_BYTE, "NUL byte in the file (is it a text file?)");
          uc_csv_warnings_clear (&warnings);
          return NULL;
        }

      {
        const char *lf = text_len ? memchr (text, '\n', MIN (text_len, 65536)) : NULL;

        if (lf && lf > text && lf[-1] == '\r')
          report->line_ending = "CRLF";
        else if (lf)
          report->line_ending = "LF";
        else if (text_len && memchr (text, '\r', MIN (text_len, 65536)))
          report->line_ending = "CR";
        else
          report->line_ending = "LF";
      }

      {
        gboolean blank = TRUE;

        for (gsize i = 0; i < text_len && blank; i++)
          blank = text[i] == '\n' || text[i] == '\r' || text[i] == ' ' || text[i] == '\t';
        if (blank)
          {
            g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY,
                         "%s: line 1, column 1: the file is empty (expected a header row)", name);
            uc_csv_warnings_clear (&warnings);
            return NULL;
          }
      }

      dataset = read_decoded (name, text, text_len, validate_later, &bad_at, options, report, &warnings,
                              progress, progress_data, cancellable, error);
      if (dataset != NULL)
        break;
      if (bad_at < 0 || !validate_later)
        {
          uc_csv_warnings_clear (&warnings);
          return NULL;
        }

      /* Not UTF-8 after all: read again, as the encoding it then most
       * likely is, or fail if the file said it was UTF-8. */
      {
        const char *base = text;
        gsize base_len = text_len;
        gboolean bom = g_str_equal (report->encoding, "UTF-8 with BOM");
        gboolean forced = options->encoding != NULL;
        Input in = { .name = name, .data = base, .len = base_len };
        guint line, column;

        if (bom || forced)
          {
            uc_csv_set_error_at (&in, base + bad_at, error, UC_CSV_ERROR_ENCODING,
                                 "invalid UTF-8 byte 0x%02X", (guchar) base[bad_at]);
            uc_csv_warnings_clear (&warnings);
            return NULL;
          }
        uc_csv_locate (&in, base + bad_at, &line, &column);
        uc_csv_warnings_clear (&warnings);
        uc_csv_warn (&warnings, "line %u, column %u: not valid UTF-8 (byte 0x%02X); the file was read as Windows-1252",
                     line, column, (guchar) base[bad_at]);
        g_clear_pointer (&report->encoding, g_free);
        if (!uc_csv_convert_to_utf8 (name, base, base_len, "WINDOWS-1252", &text, &text_len, &owned,
                                     &report->encoding, error))
          {
            uc_csv_warnings_clear (&warnings);
            return NULL;
          }
        validate_later = FALSE;
        nul = -2;
      }
    }

  report->warnings = warnings.kept ? warnings.kept : g_ptr_array_new_with_free_func (g_free);
  report->n_warnings = warnings.count;
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
  return read_buffer (name ? name : "CSV", data ? data : "", size, options, NULL, NULL, NULL, report, error);
}

/* ---- reading files and streams ---- */

typedef gssize (*ReadFunc) (gpointer      source,
                            char         *buffer,
                            gsize         size,
                            GCancellable *cancellable,
                            GError      **error);

/* Everything @read_fn gives until its end, in memory that grows as it
 * comes. The first block is checked before more is read; memory that
 * cannot be had is an error, not an abort. */
static char *
read_all (ReadFunc             read_fn,
          gpointer             source,
          const char          *name,
          const UcCsvOptions  *options,
          GCancellable        *cancellable,
          gsize               *len_out,
          GError             **error)
{
  char *data = NULL;
  gsize len = 0, size = 0;
  gboolean checked = FALSE;

  for (;;)
    {
      gssize n;

      if (len == size)
        {
          gsize want = size == 0 ? FIRST_BLOCK : size <= G_MAXSIZE / 2 ? size * 2 : 0;
          char *grown = want ? g_try_realloc (data, want) : NULL;

          if (grown == NULL)
            {
              g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                           "%s: not enough memory to read more than %" G_GSIZE_FORMAT " bytes", name, len);
              g_free (data);
              return NULL;
            }
          data = grown;
          size = want;
        }
      n = read_fn (source, data + len, size - len, cancellable, error);
      if (n < 0)
        {
          g_free (data);
          return NULL;
        }
      if (n == 0)
        break;
      len += n;
      if (!checked && len >= FIRST_BLOCK)
        {
          checked = TRUE;
          if (!uc_csv_check_first_block (name, data, FIRST_BLOCK, options, error))
            {
              g_free (data);
              return NULL;
            }
        }
    }
  if (!checked && !uc_csv_check_first_block (name, data, len, options, error))
    {
      g_free (data);
      return NULL;
    }
  *len_out = len;
  return data;
}

static gssize
read_from_stream (gpointer      source,
                  char         *buffer,
                  gsize         size,
                  GCancellable *cancellable,
                  GError      **error)
{
  return g_input_stream_read (source, buffer, MIN (size, G_MAXSSIZE), cancellable, error);
}

typedef struct
{
  int         fd;
  const char *name;
} FdSource;

static gssize
read_from_fd (gpointer      source,
              char         *buffer,
              gsize         size,
              GCancellable *cancellable,
              GError      **error)
{
  FdSource *src = source;

  for (;;)
    {
      ssize_t n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      n = read (src->fd, buffer, MIN (size, (gsize) 1 << 30));
      if (n >= 0)
        return n;
      if (errno != EINTR)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", src->name, g_strerror (saved));
          return -1;
        }
    }
}

typedef struct
{
  int     fd;
  char   *dest;
  gsize   offset;
  gsize   len;
  int     error;
} ReadPart;

static gpointer
read_part (gpointer data)
{
  ReadPart *part = data;
  gsize done = 0;

  while (done < part->len)
    {
      ssize_t n = pread (part->fd, part->dest + done, part->len - done, part->offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          part->error = n < 0 ? errno : -1;   /* -1: ended early */
          return NULL;
        }
      done += n;
    }
  return NULL;
}

static gboolean
read_range (int         fd,
            char       *dest,
            gsize       offset,
            gsize       len,
            const char *name,
            GError    **error)
{
  ReadPart parts[2];
  GThread *other = NULL;
  guint n_parts = len >= 8 * MIN_PARALLEL_BYTES && g_get_num_processors () > 1 ? 2 : 1;

  for (guint k = 0; k < n_parts; k++)
    {
      parts[k].fd = fd;
      parts[k].offset = offset + len * k / n_parts;
      parts[k].len = offset + len * (k + 1) / n_parts - parts[k].offset;
      parts[k].dest = dest + (parts[k].offset - offset);
      parts[k].error = 0;
    }
  if (n_parts > 1)
    other = g_thread_new ("uc-read", read_part, &parts[1]);
  read_part (&parts[0]);
  if (other)
    g_thread_join (other);
  for (guint k = 0; k < n_parts; k++)
    if (parts[k].error)
      {
        if (parts[k].error < 0)
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: the file became shorter while it was read", name);
        else
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (parts[k].error), "%s: %s", name,
                       g_strerror (parts[k].error));
        return FALSE;
      }
  return TRUE;
}

/* A regular file of @size bytes, its first block checked before anything
 * is set aside for the rest. Up to MAP_MIN_BYTES it is read, in parallel,
 * into column-pool memory: a copy cannot be cut short by another program
 * truncating the file while it is read (a mapping would fault, SIGBUS), and
 * a second read of the same size reuses the block. Larger files are mapped,
 * not copied, so that they take no memory of their own (*mapped is then
 * TRUE); for them that risk is taken. */
static char *
read_regular (int                  fd,
              gsize                size,
              const char          *name,
              const UcCsvOptions  *options,
              gboolean            *mapped,
              GError             **error)
{
  gsize first = MIN (size, FIRST_BLOCK);
  char *data;

  *mapped = FALSE;
  if (size <= MAP_MIN_BYTES)
    {
      data = uc_column_try_alloc (size);
      if (data == NULL)
        {
          g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                       "%s: not enough memory to read %" G_GSIZE_FORMAT " bytes", name, size);
          return NULL;
        }
      if (!read_range (fd, data, 0, first, name, error) ||
          !uc_csv_check_first_block (name, data, first, options, error) ||
          !read_range (fd, data + first, first, size - first, name, error))
        {
          uc_column_free (data);
          return NULL;
        }
      return data;
    }

  {
    g_autofree char *block = g_malloc (first);

    if (!read_range (fd, block, 0, first, name, error) ||
        !uc_csv_check_first_block (name, block, first, options, error))
      return NULL;
  }
  data = mmap (NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (data == MAP_FAILED)
    {
      int saved = errno;

      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE, "%s: cannot map %" G_GSIZE_FORMAT " bytes into memory (%s)",
                   name, size, g_strerror (saved));
      return NULL;
    }
#ifdef MADV_WILLNEED
  madvise (data, size, MADV_WILLNEED);
#endif
  *mapped = TRUE;
  return data;
}

UcDataset *
uc_csv_read_file (GFile               *file,
                  const UcCsvOptions  *options,
                  UcCsvProgress        progress,
                  gpointer             progress_data,
                  GCancellable        *cancellable,
                  UcCsvReport        **report,
                  GError             **error)
{
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  UcDataset *dataset;
  gboolean mapped = FALSE, pooled = FALSE;
  gsize size = 0;
  char *data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  path = g_file_get_path (file);

  if (path == NULL)
    {
      g_autoptr(GFileInputStream) in = g_file_read (file, cancellable, error);

      if (in == NULL)
        return NULL;
      data = read_all (read_from_stream, in, name, options, cancellable, &size, error);
    }
  else
    {
      int fd = open (path, O_RDONLY | O_CLOEXEC);
      struct stat st;

      if (fd < 0 || fstat (fd, &st) != 0)
        {
          int saved = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", name, g_strerror (saved));
          if (fd >= 0)
            close (fd);
          return NULL;
        }
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, "%s: is a folder, not a file", name);
          close (fd);
          return NULL;
        }
      if (S_ISREG (st.st_mode) && st.st_size > 0)
        {
          size = (gsize) st.st_size;
          data = read_regular (fd, size, name, options, &mapped, error);
          pooled = !mapped;
        }
      else
        {
          /* A pipe, a device, or a file that does not tell its size (as
           * in /proc): read as a stream, checked the same way. */
          FdSource src = { fd, name };

          data = read_all (read_from_fd, &src, name, options, cancellable, &size, error);
        }
      close (fd);
    }
  if (data == NULL)
    return NULL;

  dataset = read_buffer (name, data, size, options, progress, progress_data, cancellable, report, error);
  if (mapped)
    munmap (data, size);
  else if (pooled)
    uc_column_free (data);
  else
    g_free (data);
  return dataset;
}

UcDataset *
uc_csv_read_stream (GInputStream        *stream,
                    const char          *name,
                    const UcCsvOptions  *options,
                    GCancellable        *cancellable,
                    UcCsvReport        **report,
                    GError             **error)
{
  g_autofree char *data = NULL;
  gsize size = 0;

  if (name == NULL)
    name = "CSV";
  data = read_all (read_from_stream, stream, name, options, cancellable, &size, error);
  if (data == NULL)
    return NULL;
  return read_buffer (name, data, size, options, NULL, NULL, cancellable, report, error);
}
