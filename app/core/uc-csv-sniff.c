/* uc-csv-sniff.c: the layout of the table in the text
 *
 * The delimiter, which line is the header (statistics offices put titles
 * and notes above it), a line of units under the names, and notes under
 * the table, all told from the rows themselves: their field counts, and
 * whether their cells read as values or as labels.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <string.h>

#define SNIFF_ROWS         60
#define SNIFF_CELLS        256
#define SNIFF_BYTES        ((gsize) 256 * 1024)
#define FOOTER_SCAN_BYTES  (64 * 1024)
#define FOOTER_MAX_ROWS    20

/* Whether @text is a year, 1000 to 2999, written as four digits. */
static gboolean
is_year (const char *text,
         gsize       len,
         int        *year)
{
  if (len != 4 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) ||
      !g_ascii_isdigit (text[3]) || (text[0] != '1' && text[0] != '2'))
    return FALSE;
  *year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  return TRUE;
}

/* A row of values rather than of labels: most of its non-empty cells read
 * as numbers or dates. A row whose numbers are three or more years in even
 * steps (2001;2002;…;2025) names the columns of a wide table: labels. */
static gboolean
data_like (const Input *in,
           const Cell  *cells,
           guint        n,
           GString     *scratch)
{
  guint values = 0, filled = 0, years = 0;
  int last_year = 0, step = 0;
  gboolean even_steps = TRUE;

  for (guint i = 0; i < MIN (n, SNIFF_CELLS); i++)
    {
      gsize len;
      const char *text = uc_csv_cell_text (in, &cells[i], scratch, &len);
      double d;
      int year;
      gboolean value;

      if (uc_is_missing (text, len))
        continue;
      filled++;
      value = uc_parse_number (text, len, '.', 0, TRUE, &d, NULL) || uc_parse_number (text, len, ',', 0, TRUE, &d, NULL) ||
              uc_date_formats_matching (text, len) != 0;
      values += value;
      if (value && is_year (text, len, &year))
        {
          if (years == 1)
            step = year - last_year;
          else if (years > 1 && year - last_year != step)
            even_steps = FALSE;
          last_year = year;
          years++;
        }
      else if (value)
        even_steps = FALSE;
    }
  if (years >= 3 && years == values && even_steps && step != 0 && ABS (step) <= 10)
    return FALSE;
  return values > 0 && values * 2 >= filled;
}

/* Whether a cell is a calendar day or instant in ISO form (2025-01-27):
 * what no line of units or codes holds, but a data row of mostly text
 * (an events table: a date, then titles and descriptions) does. */
static gboolean
has_iso_date (const Input *in,
              const Cell  *cells,
              guint        n,
              GString     *scratch)
{
  for (guint i = 0; i < MIN (n, SNIFF_CELLS); i++)
    {
      gsize len;
      const char *text = uc_csv_cell_text (in, &cells[i], scratch, &len);

      if (uc_date_formats_matching (text, len) &
          (UC_DATE_FORMAT_BIT (UC_DATE_ISO) | UC_DATE_FORMAT_BIT (UC_DATE_ISO_DATETIME)))
        return TRUE;
    }
  return FALSE;
}

/* Non-blank cells among the first @n, counted up to @most. */
static guint
count_filled_upto (const Input *in,
                   const Cell  *cells,
                   guint        n,
                   guint        most,
                   GString     *scratch)
{
  guint filled = 0;

  for (guint i = 0; i < MIN (n, SNIFF_CELLS) && filled < most; i++)
    {
      gsize len;
      const char *text = uc_csv_cell_text (in, &cells[i], scratch, &len);

      while (len > 0 && (*text == ' ' || *text == '\t'))
        text++, len--;
      filled += len > 0;
    }
  return filled;
}

static guint
count_filled (const Input *in,
              const Cell  *cells,
              guint        n,
              GString     *scratch)
{
  return count_filled_upto (in, cells, n, G_MAXUINT, scratch);
}

/* The first rows as one delimiter reads them. */
typedef struct
{
  guint       n;
  guint       counts[SNIFF_ROWS];   /* fields */
  guint       lines[SNIFF_ROWS];
  guint       filled[SNIFF_ROWS];   /* non-blank cells */
  gboolean    data[SNIFF_ROWS];     /* data_like */
  /* Only the first cell filled: a section's label ("Men;;;"), never units. */
  gboolean    only_first[SNIFF_ROWS];
  gboolean    dated[SNIFF_ROWS];        /* an ISO date in a cell: never units */
  const char *starts[SNIFF_ROWS];
} SniffRows;

static void
sniff_rows (const Input *base,
            char         delim,
            const char  *start,
            const char  *end,
            gsize        len,
            Cell        *cells,
            GString     *scratch,
            SniffRows   *rows)
{
  Input in;
  Tok t;
  guint nf;

  rows->n = 0;
  uc_csv_input_init (&in, base->name, base->data, base->len, delim, base->quote, FALSE);
  uc_csv_tok_init (&t, &in, start, end, 1, NULL);
  while (rows->n < SNIFF_ROWS)
    {
      const char *before = t.pos;
      guint n = rows->n;

      /* Skip blank lines to learn where the record really starts. */
      while (before < end && (*before == '\n' || *before == '\r'))
        before++;
      if (uc_csv_next_row (&t, cells, SNIFF_CELLS, &nf, NULL) != ROW_OK)
        break;
      /* A record cut off by the sample's end is not evidence. */
      if (t.pos >= end && end < start + len)
        break;
      rows->starts[n] = before;
      rows->lines[n] = t.row_line;
      rows->data[n] = data_like (&in, cells, nf, scratch);
      rows->filled[n] = count_filled (&in, cells, nf, scratch);
      rows->only_first[n] = rows->filled[n] == 1 && count_filled (&in, cells, 1, scratch) == 1;
      rows->dated[n] = has_iso_date (&in, cells, nf, scratch);
      rows->counts[n] = nf;
      rows->n = n + 1;
    }
}

/* The most common field count among rows of at least @least fields. */
static guint
count_mode (const SniffRows *rows,
            guint            least,
            guint           *mode_freq)
{
  guint mode = 0;

  *mode_freq = 0;
  for (guint i = 0; i < rows->n; i++)
    {
      guint freq = 0;

      if (rows->counts[i] < least)
        continue;
      for (guint k = 0; k < rows->n; k++)
        freq += rows->counts[k] == rows->counts[i];
      if (freq > *mode_freq || (freq == *mode_freq && rows->counts[i] > mode))
        mode = rows->counts[i], *mode_freq = freq;
    }
  return mode;
}

/* The most common field count is the table's width. Lines of one field
 * are prose when rows of one wider count are also many: a weather
 * service's legend of fifty lines above the header (KNMI) fills most of
 * the rows sniffed, but the table is the rows under it. */
static guint
table_width (const SniffRows *rows,
             guint           *mode_freq)
{
  guint mode = count_mode (rows, 1, mode_freq), wide, wide_freq;

  if (mode != 1)
    return mode;
  wide = count_mode (rows, 2, &wide_freq);
  if (wide_freq >= MAX (3u, rows->n / 10))
    {
      *mode_freq = wide_freq;
      return wide;
    }
  return mode;
}

/* The header among rows @mode fields wide, and a units line under it. */
static void
choose_header (const SniffRows *rows,
               guint            mode,
               Sniff           *out)
{
  const guint *counts = rows->counts, *lines = rows->lines, *filled = rows->filled;
  const gboolean *data = rows->data;
  int first = -1, first_data = -1, header = -1;

  for (guint i = 0; i < rows->n; i++)
    if (counts[i] == mode)
      {
        if (first < 0)
          first = (int) i;
        if (data[i] && first_data < 0)
          first_data = (int) i;
      }
  /* The first label row naming every column, else the label row
   * just above the data (titles above name only one cell). */
  for (int i = 0; i < first_data && header < 0; i++)
    if (counts[i] == mode && !data[i] && filled[i] == mode)
      header = i;
  for (int i = first_data - 1; i >= 0 && header < 0; i--)
    if (counts[i] == mode && !data[i])
      header = i;
  if (header < 0 || first_data < 0)
    header = first;
  out->header = rows->starts[header];
  out->header_line = lines[header];

  /* Two label lines: names above, units below. The names may be the
   * header found: then a narrower label line right under it, with the
   * data right under that, is its units (codes, translations). */
  if (first_data == header + 2 && counts[header + 1] <= mode && !data[header + 1] &&
      lines[header] + 1 == lines[header + 1] && filled[header + 1] > 0 &&
      filled[header + 1] < filled[header] && !rows->only_first[header + 1] && !rows->dated[header + 1])
    out->units = rows->starts[header + 1];
  else if (header > 0 && counts[header - 1] == mode && !data[header - 1] &&
      lines[header - 1] + 1 == lines[header] && filled[header - 1] >= filled[header] &&
      filled[header] < mode && !rows->dated[header])
    {
      out->units = out->header;
      out->header = rows->starts[header - 1];
      out->header_line = lines[header - 1];
    }
}

/* The delimiter whose field count is most stable over the first rows; the
 * header is the last label row of that width before the first data row
 * (statistics offices put titles and notes above it), merged with the label
 * row above it when that one names the columns and it gives their units. */
void
uc_csv_sniff_layout (const Input *base,
                     const char  *start,
                     gsize        len,
                     char         forced_delim,
                     Sniff       *out)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  const char *end = start + MIN (len, SNIFF_BYTES);
  double best_score = 0;   /* one-column readings never beat the default "," */
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree Cell *cells = g_new (Cell, SNIFF_CELLS);
  SniffRows rows;

  out->delim = forced_delim ? forced_delim : ',';
  out->header = start;
  out->header_line = 1;
  out->units = NULL;

  for (guint d = 0; d < G_N_ELEMENTS (candidates); d++)
    {
      guint mode, mode_freq;
      double share, score;

      if (forced_delim && candidates[d] != forced_delim)
        continue;
      sniff_rows (base, candidates[d], start, end, len, cells, scratch, &rows);
      if (rows.n == 0)
        continue;

      mode = table_width (&rows, &mode_freq);
      share = (double) mode_freq / rows.n;
      score = mode > 1 ? share * 1000 + MIN (mode, 999) : 0;
      if (forced_delim || score > best_score)
        {
          best_score = score;
          out->delim = candidates[d];
          out->units = NULL;
          choose_header (&rows, mode, out);
        }
    }
}

/* Where the footer search starts: the body, or in a large file the first
 * line start of its tail; NULL when that tail has a quote (a line start
 * cannot be told there). */
static const char *
footer_scan_start (Reader     *r,
                   const char *end)
{
  const char *nl;

  if ((gsize) (end - r->body) <= FOOTER_SCAN_BYTES)
    return r->body;
  nl = memchr (end - FOOTER_SCAN_BYTES, '\n', FOOTER_SCAN_BYTES);
  if (nl == NULL || memchr (nl, r->in.quote, end - nl) != NULL)
    return NULL;
  return nl + 1;
}

/* A block after a blank line under the table is notes or a legend when at
 * least half its rows are labels rather than values: then its rows that
 * read as numbers (a multiplier, a unit code) are part of it, not data.
 * Blank-separated blocks join once one of them has a label; a block of
 * values only (more data after a gap) starts again at the next blank, and
 * one mostly of values is not a footer. */
typedef struct
{
  const char *start;
  guint       line;
  guint       last_line;
  guint       n_rows;
  guint       n_labels;
} Block;

static gboolean
block_is_notes (const Block *b)
{
  return b->start != NULL && b->n_labels > 0 && b->n_labels * 2 >= b->n_rows && b->n_rows <= FOOTER_MAX_ROWS;
}

/* A row of text under the table, after a blank line (@after_blank) or not:
 * a block with no labels so far was more data, and starts again. */
static void
block_add_row (Block      *b,
               const char *row_start,
               guint       row_line,
               guint       last_line,
               gboolean    after_blank,
               gboolean    label)
{
  if (after_blank && b->n_labels == 0)
    *b = (Block) { row_start, row_line, 0, 0, 0 };
  if (b->start == NULL)
    return;
  b->n_rows++;
  b->n_labels += label;
  b->last_line = last_line;
}

/* The footer from @footer on, its first and last lines counted from the
 * scan's start: named in a warning, cut off the body. */
static const char *
cut_footer (Reader     *r,
            const char *footer,
            guint       footer_line,
            guint       last_line,
            Warnings   *warnings)
{
  guint line, column;

  uc_csv_locate (&r->in, footer, &line, &column);
  /* Translators: the first and last lines of notes under a table. */
  uc_csv_warn (warnings, N_("lines %u–%u under the table look like notes, not data; skipped"),
               line, line + (last_line - footer_line));
  return footer;
}

/* Notes under a table (a "____" rule, a copyright line, a quoted remark)
 * are rows with one filled cell, no number or date, at the very end; after
 * a blank line, a block of notes may hold rows of numbers too. Such a
 * trailing block is cut off the body, with a warning naming its lines. */
const char *
uc_csv_trim_footer (Reader     *r,
                    const char *end,
                    Warnings   *warnings)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree Cell *cells = g_try_new (Cell, r->n_columns);
  const char *from;
  const char *footer = NULL;
  guint footer_line = 0, last_line = 0, n_footer = 0;
  gboolean full_row_seen = FALSE, after_blank = FALSE;
  Block block = { NULL, 0, 0, 0, 0 };
  Tok t;

  if (r->n_columns < 2 || cells == NULL)
    return end;
  /* In a large file only its tail is looked at, from a line start. */
  from = footer_scan_start (r, end);
  if (from == NULL)
    return end;

  uc_csv_tok_init (&t, &r->in, from, end, 0, NULL);
  for (;;)
    {
      const char *row_start;
      gboolean label;
      guint nf, filled, row_last;

      while (t.pos < end && (*t.pos == '\n' || *t.pos == '\r'))
        {
          t.pos = uc_csv_eat_newline (&t, t.pos);
          after_blank = TRUE;
        }
      row_start = t.pos;
      if (uc_csv_next_row (&t, cells, r->n_columns, &nf, NULL) != ROW_OK)
        break;
      /* Only the first n_columns fields of a longer row are kept in
       * cells. Counting stops at two: a data row costs two cells here. */
      filled = count_filled_upto (&r->in, cells, MIN (nf, r->n_columns), 2, scratch);
      /* A row of empty fields is a blank line too. */
      if (filled == 0)
        {
          after_blank = TRUE;
          continue;
        }
      row_last = t.line - (t.pos > t.line_start ? 0 : 1);
      /* Whether the row is labels is asked only of rows that may be notes. */
      label = ((after_blank && full_row_seen) || block.start != NULL || (nf < r->n_columns && filled <= 1)) &&
              !data_like (&r->in, cells, MIN (nf, r->n_columns), scratch);
      block_add_row (&block, row_start, t.row_line, row_last, after_blank && full_row_seen, label);
      after_blank = FALSE;
      if (nf < r->n_columns && filled <= 1 && label)
        {
          if (footer == NULL && full_row_seen)
            {
              footer = row_start;
              footer_line = t.row_line;
              n_footer = 0;
            }
          n_footer++;
          last_line = row_last;
        }
      else
        {
          footer = NULL;
          full_row_seen = TRUE;
        }
    }

  if (footer != NULL && n_footer > FOOTER_MAX_ROWS)
    footer = NULL;
  if (block_is_notes (&block) && (footer == NULL || block.start < footer))
    return cut_footer (r, block.start, block.line, block.last_line, warnings);
  if (footer == NULL)
    return end;
  return cut_footer (r, footer, footer_line, last_line, warnings);
}
