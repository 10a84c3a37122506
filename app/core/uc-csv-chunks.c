/* uc-csv-chunks.c: the body cut into chunks, a few per thread
 *
 * A large body is cut at line breaks into a few chunks per thread, which
 * the threads take in turn from a shared counter: a thread that the system
 * holds back (a busy machine, the window drawing) leaves its share to the
 * others instead of making them wait. The chunks' lines are counted (and
 * their UTF-8 checked) in parallel, which lays them out one after the
 * other in the column arrays; each is then read into its rows, with its
 * own state per column, and the states are merged after. With a quote
 * anywhere a row may span lines: the body is then one chunk, read in order.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <string.h>

#define CHUNKS_PER_THREAD 4

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

void
uc_csv_chunk_clear (Chunk *ch,
                    guint  n_columns)
{
  for (guint c = 0; ch->cols && c < n_columns; c++)
    {
      g_clear_pointer (&ch->cols[c].table, uc_string_table_free);
      g_clear_pointer (&ch->cols[c].date_cache, g_free);
      g_clear_pointer (&ch->cols[c].text_cache, g_free);
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
gboolean
uc_csv_chunk_init (Chunk  *ch,
                   Reader *r)
{
  memset (ch, 0, sizeof *ch);
  ch->r = r;
  ch->cols = g_try_new0 (ColState, r->n_columns);
  ch->scratch = g_string_new (NULL);
  return ch->cols != NULL;
}

/* Chunks cut at the line breaks after equal shares of the body. FALSE
 * when the state of a chunk's columns cannot be had. */
static gboolean
split_body (Chunks *cs,
            Reader *r)
{
  const char *end = r->body_end;
  char nl = next_break (r->body, end, '\n') ? '\n' : '\r';
  const char *from = r->body;
  gboolean ok = TRUE;

  for (guint k = 0; k < cs->n_chunks; k++)
    {
      Chunk *ch = &cs->chunks[k];
      const char *to = end;

      if (k + 1 < cs->n_chunks)
        {
          const char *target = r->body + (end - r->body) * (k + 1) / cs->n_chunks;
          const char *brk = target > from ? next_break (target, end, nl) : NULL;

          to = brk ? brk + 1 : end;
        }
      if (!uc_csv_chunk_init (ch, r))
        ok = FALSE;
      ch->start = from;
      ch->end = to;
      ch->report_progress = TRUE;
      ch->counted = from;
      ch->only = r->wanted;
      from = to;
    }
  return ok;
}

typedef struct
{
  Chunks *cs;
  Scan   *scans;   /* NULL: the chunks are read, not scanned */
} Work;

/* Chunks taken in turn until none is left: scanned, or read unless
 * another thread failed. */
static gpointer
work (gpointer data)
{
  Work *w = data;
  guint k;

  while ((k = (guint) g_atomic_int_add (&w->cs->next, 1)) < w->cs->n_chunks)
    if (w->scans)
      uc_csv_scan_range (&w->scans[k]);
    else if (!g_atomic_int_get (&w->cs->chunks[k].r->abort))
      uc_csv_parse_chunk (&w->cs->chunks[k]);
  return NULL;
}

/* Every chunk done by the threads, this one among them; when there are
 * others, this one first runs @alongside (if any) while they start. */
static void
run_threads (Chunks      *cs,
             Scan        *scans,
             const char  *name,
             UcCsvAlong  *alongside)
{
  guint n = MIN (cs->n_threads, cs->n_chunks);
  g_autofree GThread **threads = g_new0 (GThread *, MAX (n, 1));
  Work w = { cs, scans };

  cs->next = 0;
  for (guint t = 1; t < n; t++)
    threads[t] = g_thread_new (name, work, &w);
  if (n > 1 && alongside)
    {
      alongside->run (alongside);
      alongside->ran = TRUE;
    }
  work (&w);
  for (guint t = 1; t < n; t++)
    g_thread_join (threads[t]);
}

/* Each chunk's lines counted (and its UTF-8 checked, the first chunk's
 * from the start of the text). */
static void
run_scans (Chunks     *cs,
           Scan       *scans,
           Reader     *r,
           gboolean    validate,
           UcCsvAlong *alongside)
{
  for (guint k = 0; k < cs->n_chunks; k++)
    {
      scans[k].start = k == 0 && validate ? r->in.data : cs->chunks[k].start;
      scans[k].count_from = cs->chunks[k].start;
      scans[k].end = cs->chunks[k].end;
      scans[k].quote = r->in.quote;
      scans[k].validate = validate;
    }
  run_threads (cs, scans, "uc-scan", alongside);
}

/* One chunk for the whole body, its scan the sum of theirs. */
static void
join_chunks (Chunks *cs,
             Scan   *scans,
             Reader *r)
{
  for (guint k = 1; k < cs->n_chunks; k++)
    {
      scans[0].newlines += scans[k].newlines;
      if (scans[0].bad < 0 && scans[k].bad >= 0)
        scans[0].bad = scans[k].start - scans[0].start + scans[k].bad;
      if (scans[0].nul < 0 && scans[k].nul >= 0)
        scans[0].nul = scans[k].start - scans[0].start + scans[k].nul;
      uc_csv_chunk_clear (&cs->chunks[k], r->n_columns);
    }
  /* The one chunk has the quotes any part had: it is read as quoted. */
  scans[0].has_quote = TRUE;
  cs->chunks[0].end = r->body_end;
  cs->n_chunks = 1;
}

/* The chunks' rows one after the other, as many as each has lines: its
 * line breaks, and one more when it does not end with one (only the last
 * can). A chunk cut after a break thus leaves no gap before the next one,
 * and the merge has no rows to move. Where the first NUL and bad UTF-8
 * bytes are in the text. */
static void
place_chunks (Chunks     *cs,
              const Scan *scans,
              Reader     *r,
              gssize     *nul,
              gssize     *bad)
{
  guint line = r->body_line;

  for (guint k = 0; k < cs->n_chunks; k++)
    {
      Chunk *ch = &cs->chunks[k];
      gsize lines = scans[k].newlines;
      gboolean ends_line = ch->end > ch->start && (ch->end[-1] == '\n' || ch->end[-1] == '\r');

      if (*bad < 0 && scans[k].bad >= 0)
        *bad = scans[k].start - r->in.data + scans[k].bad;
      if (*nul < 0 && scans[k].nul >= 0)
        *nul = scans[k].start - r->in.data + scans[k].nul;
      ch->first_line = line;
      ch->row_base = cs->total_rows;
      cs->total_rows += lines + !ends_line;
      ch->row_limit = cs->total_rows;
      line += (guint) lines;
    }
}

/* Count lines (and check the encoding) in parallel, then lay the
 * chunks out one after the other in the column arrays. */
static void
scan_chunks (Chunks     *cs,
             Reader     *r,
             gboolean    validate,
             UcCsvAlong *alongside,
             gssize     *nul,
             gssize     *bad)
{
  Scan *scans = g_new0 (Scan, cs->n_chunks);

  run_scans (cs, scans, r, validate, alongside);
  /* With a quote anywhere, a row may span lines: one chunk, read in order. */
  for (guint k = 0; k < cs->n_chunks; k++)
    cs->any_quote |= scans[k].has_quote;
  if (cs->any_quote && cs->n_chunks > 1)
    join_chunks (cs, scans, r);
  for (guint k = 0; k < cs->n_chunks; k++)
    cs->chunks[k].plain = !scans[k].has_quote;
  place_chunks (cs, scans, r, nul, bad);
  g_free (scans);
}

/* The body (r->body to r->body_end) cut into chunks, their lines counted.
 * FALSE on a NUL byte (an error) or, when @validate, on bytes that are not
 * UTF-8 (where, in *bad_at: the caller reads the text again). When other
 * threads count lines, this one runs @alongside (if any) first. */
gboolean
uc_csv_chunks_lay_out (Chunks      *cs,
                       Reader      *r,
                       guint        n_threads,
                       gboolean     validate,
                       UcCsvAlong  *alongside,
                       gssize      *bad_at,
                       GError     **error)
{
  gssize nul = -1, bad = -1;

  /* Each chunk keeps a state per column: a wide table of few rows is not
   * worth splitting, and each chunk has 256 bytes a column at least. */
  gsize body = r->body_end - r->body;

  cs->n_chunks = 1;
  cs->n_threads = MAX (n_threads, 1);
  if (n_threads > 1 && body >= MIN_PARALLEL_BYTES && body / r->n_columns >= 256)
    cs->n_chunks = (guint) MAX (n_threads, MIN ((gsize) n_threads * CHUNKS_PER_THREAD, body / r->n_columns / 256));
  cs->chunks = g_new0 (Chunk, cs->n_chunks);

  if (!split_body (cs, r))
    {
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: not enough memory for %u column",
                                "%s: not enough memory for %u columns", r->n_columns), r->in.name, r->n_columns);
      return FALSE;
    }
  scan_chunks (cs, r, validate, alongside, &nul, &bad);
  if (nul >= 0 && (bad < 0 || nul < bad))
    {
      uc_csv_set_error_at (&r->in, r->in.data + nul, error, UC_CSV_ERROR_NUL_BYTE,
                           _("NUL byte in the file (is it a text file?)"));
      return FALSE;
    }
  if (bad >= 0)
    {
      *bad_at = bad;
      return FALSE;
    }
  return TRUE;
}

/* String tables and recent codes for the text columns only, and the last
 * day and cell for the date columns: a wide file of numbers would
 * otherwise pay them for every column in every chunk. */
void
uc_csv_chunks_add_tables (Chunks *cs)
{
  for (guint k = 0; k < cs->n_chunks; k++)
    {
      Chunk *ch = &cs->chunks[k];

      for (guint c = 0; c < ch->r->n_columns; c++)
        {
          if (ch->r->plans[c].kind == KIND_TEXT && ch->cols[c].table == NULL)
            ch->cols[c].table = uc_string_table_new ();
          if (ch->r->plans[c].kind == KIND_TEXT && ch->cols[c].text_cache == NULL)
            ch->cols[c].text_cache = g_new0 (TextCache, 1);
          if (ch->r->plans[c].kind == KIND_DATE && ch->cols[c].date_cache == NULL)
            ch->cols[c].date_cache = g_new0 (UcDateCache, 1);
        }
    }
}

/* Each chunk read into its rows by the threads (this one among them).
 * FALSE, with the first chunk's error, when one failed. */
gboolean
uc_csv_chunks_read (Chunks  *cs,
                    GError **error)
{
  run_threads (cs, NULL, "uc-csv", NULL);

  for (guint k = 0; k < cs->n_chunks; k++)
    if (cs->chunks[k].error)
      {
        g_propagate_error (error, g_steal_pointer (&cs->chunks[k].error));
        return FALSE;
      }
  return TRUE;
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

/* A chunk's text codes, from its own string table, to the first chunk's. */
static void
remap_codes (Plan          *plan,
             UcStringTable *to,
             UcStringTable *from,
             gsize          row_base,
             gsize          n_rows)
{
  guint size = uc_string_table_size (from);
  g_autofree guint32 *remap = g_new (guint32, size + 1);
  guint32 *codes = plan->codes;   /* local: a store could be plan->codes, as far as the compiler knows */
  gboolean same = TRUE;

  remap[0] = 0;
  for (guint32 code = 1; code <= size; code++)
    {
      const char *s = uc_string_table_get (from, code);
      remap[code] = uc_string_table_intern (to, s, strlen (s));
      same &= remap[code] == code;
    }
  if (same)
    return;
  for (gsize i = row_base; i < row_base + n_rows; i++)
    codes[i] = remap[codes[i]];
}

/* A later chunk's state of a column merged into the first chunk's. */
static void
merge_column (Plan        *plan,
              ColState    *into,
              const Chunk *ch,
              ColState    *st,
              gsize        base)
{
  guint kept = MIN (into->n_bad, MAX_BAD_KEPT);

  if (plan->kind == KIND_TEXT)
    remap_codes (plan, into->table, st->table, ch->row_base, ch->n_rows);
  /* The first few bad cells are kept, all are counted:
   * the count decides whether the column is text. */
  for (guint b = 0; b < MIN (st->n_bad, MAX_BAD_KEPT) && kept < MAX_BAD_KEPT; b++)
    {
      if (into->bad == NULL)
        into->bad = g_new0 (BadCell, MAX_BAD_KEPT);
      into->bad[kept] = st->bad[b];
      into->bad[kept++].row = st->bad[b].row - ch->row_base + base;   /* where move_rows puts it */
      st->bad[b].text = NULL;
    }
  into->n_bad += st->n_bad;
  into->n_ok += st->n_ok;
  into->n_not_finite += st->n_not_finite;
  into->n_censored += st->n_censored;
  if (into->censored_example == NULL)
    into->censored_example = g_steal_pointer (&st->censored_example);
  into->max_a = MAX (into->max_a, st->max_a);
  into->max_b = MAX (into->max_b, st->max_b);
  into->number_flags |= st->number_flags;
}

/* Close the gaps between chunks, merge string tables, column states and
 * warnings into the first chunk's; returns the number of rows read. */
gsize
uc_csv_chunks_merge (Chunks   *cs,
                     Reader   *r,
                     Warnings *warnings)
{
  gsize n_rows = 0;

  for (guint k = 0; k < cs->n_chunks; k++)
    {
      Chunk *ch = &cs->chunks[k];

      if (k > 0)
        {
          for (guint c = 0; c < r->n_columns; c++)
            merge_column (&r->plans[c], &cs->chunks[0].cols[c], ch, &ch->cols[c], n_rows);
          if (ch->row_base != n_rows)
            move_rows (r, n_rows, ch->row_base, ch->n_rows);
        }
      uc_csv_warnings_append (warnings, &ch->warnings);
      n_rows += ch->n_rows;
    }
  return n_rows;
}

void
uc_csv_chunks_clear (Chunks *cs,
                     guint   n_columns)
{
  for (guint k = 0; k < cs->n_chunks; k++)
    uc_csv_chunk_clear (&cs->chunks[k], n_columns);
  g_clear_pointer (&cs->chunks, g_free);
  cs->n_chunks = 0;
}
