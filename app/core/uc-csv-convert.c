/* uc-csv-convert.c: rows converted into typed column arrays
 *
 * Each chunk of the body (all of it, or a thread's share) is read row by
 * row straight into the columns' arrays: numbers, times, string-table
 * codes. A quote-free chunk takes a fast path that scans and converts in
 * one pass; other rows go through the scanner (uc-csv-tokenize.c). Cells
 * that do not fit their column's kind become missing and are counted.
 * This is the reader's hot path: the csv-load benchmark measures it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <math.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define CHECK_EVERY_ROWS   16384

static const double pow10_table[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
};

/* "<1", ">100": a value outside what the source reports (censored). */
gboolean
uc_csv_is_censored (const char *text,
                    gsize       len,
                    char        decimal,
                    char        thousands)
{
  double d;

  while (len > 0 && (*text == ' ' || *text == '\t'))
    text++, len--;
  return len > 1 && (*text == '<' || *text == '>') && uc_parse_number (text + 1, len - 1, decimal, thousands, FALSE, &d, NULL);
}

/* a/b/yy[yy] with an optional time; the time comes back in seconds. */
static gboolean
parse_slash (const char *text,
             gsize       len,
             int        *a,
             int        *b,
             int        *y,
             gint64     *secs)
{
  int v[3] = { 0, 0, 0 }, nd[3] = { 0, 0, 0 }, k = 0;
  gsize i;

  while (len > 0 && (*text == ' ' || *text == '\t'))
    text++, len--;
  while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t'))
    len--;
  for (i = 0; i < len; i++)
    {
      if (text[i] == '/')
        {
          if (++k > 2)
            return FALSE;
        }
      else if (text[i] >= '0' && text[i] <= '9' && nd[k] < 4)
        v[k] = v[k] * 10 + (text[i] - '0'), nd[k]++;
      else if (k == 2 && (text[i] == ' ' || text[i] == 'T'))
        break;
      else
        return FALSE;
    }
  if (k != 2 || nd[0] < 1 || nd[0] > 2 || nd[1] < 1 || nd[1] > 2 || (nd[2] != 4 && nd[2] != 2))
    return FALSE;
  *secs = 0;
  if (i < len)
    {
      char iso[48];
      UcTime t;

      /* The time part, checked by the ISO parser on a made-up day. */
      if (len - i > 30)
        return FALSE;
      g_snprintf (iso, sizeof iso, "2000-01-01%.*s", (int) (len - i), text + i);
      if (!uc_parse_date (iso, strlen (iso), UC_DATE_ISO_DATETIME, &t))
        return FALSE;
      *secs = (t - uc_time_from_ymd (2000, 1, 1)) / G_USEC_PER_SEC;
      if (*secs < 0 || *secs >= 86400)
        return FALSE;
    }
  *a = v[0];
  *b = v[1];
  *y = nd[2] == 2 ? (v[2] < 69 ? 2000 + v[2] : 1900 + v[2]) : v[2];
  return *a >= 1 && *b >= 1 && *a <= 31 && *b <= 31;
}

/* A cell that does not read as its column's kind: counted, and the first
 * MAX_BAD_KEPT kept with their place for the warnings. */
static void
record_bad (Chunk       *ch,
            Tok         *t,
            guint        column,
            const Cell  *cell,
            gsize        row,
            const char  *text,
            gsize        len,
            gboolean     not_finite)
{
  ColState *st = &ch->cols[column];

  if (st->n_bad < MAX_BAD_KEPT)
    {
      const char *at = cell->flags & (CELL_QUOTED | CELL_MESSY) ? cell->p - 1 : cell->p;
      Tok probe = *t;
      BadCell *b;

      if (st->bad == NULL)
        st->bad = g_new0 (BadCell, MAX_BAD_KEPT);
      b = &st->bad[st->n_bad];

      /* Count from the row's start: an earlier field may have spanned lines. */
      probe.line = t->row_line;
      probe.line_start = t->row_line_start;
      uc_csv_count_lines (&probe, t->row_line_start, at);
      b->line = probe.line;
      b->column = uc_csv_chars_between (probe.line_start, at) + 1;
      b->row = row;
      b->text = uc_csv_excerpt (text, len);
      b->not_finite = not_finite;
    }
  st->n_bad++;
  st->n_not_finite += not_finite;
}

/* One cell into its column's array at @row; a bad one becomes missing.
 * Hot path (every cell of a file with quotes; measured on a quoted csv-load file): kept whole. */
static inline void
convert_cell (Chunk      *ch,
              Tok        *t,
              guint       column,
              const Cell *cell,
              gsize       row)
{
  Reader *r = ch->r;
  Plan *plan = &r->plans[column];
  ColState *st = &ch->cols[column];
  gsize len;
  const char *text = uc_csv_cell_text (&r->in, cell, ch->scratch, &len);

  switch (plan->kind)
    {
    case KIND_NUMBER:
      {
        guint flags = 0;

        if (uc_parse_number (text, len, r->decimal, r->thousands, plan->allow_suffix, &plan->numbers[row], &flags))
          {
            st->number_flags |= flags;
            st->n_ok++;
            return;
          }
        plan->numbers[row] = NAN;
        /* 1e999, inf: kept out of the data, and said. "NaN" is how numpy,
         * pandas and MATLAB write a missing value: missing, silently. */
        if ((flags & UC_NUMBER_NOT_FINITE) && !uc_is_missing (text, len))
          {
            record_bad (ch, t, column, cell, row, text, len, TRUE);
            return;
          }
        break;
      }
    case KIND_DATE:
      if (((plan->date_format == UC_DATE_ISO || plan->date_format == UC_DATE_ISO_DATETIME) && st->date_cache &&
           uc_parse_iso_fast (text, len, plan->date_format == UC_DATE_ISO_DATETIME, st->date_cache, &plan->times[row])) ||
          uc_parse_date (text, len, plan->date_format, &plan->times[row]))
        {
          st->n_ok++;
          return;
        }
      plan->times[row] = UC_TIME_MISSING;
      break;
    case KIND_DATE_PATTERN:
      if (uc_parse_date_pattern (text, len, r->date_pattern, &plan->times[row]))
        {
          st->n_ok++;
          return;
        }
      plan->times[row] = UC_TIME_MISSING;
      break;
    case KIND_DATE_SLASH:
      {
        int a, b, y;

        gint64 secs;

        /* Kept as (y·10⁴ + a·10² + b)·86400 + seconds until the whole
         * column says which of a and b is the day. */
        if (parse_slash (text, len, &a, &b, &y, &secs))
          {
            plan->times[row] = ((gint64) y * 10000 + a * 100 + b) * 86400 + secs;
            st->max_a = MAX (st->max_a, a);
            st->max_b = MAX (st->max_b, b);
            st->n_ok++;
            return;
          }
        plan->times[row] = UC_TIME_MISSING;
        break;
      }
    case KIND_TEXT:
    default:
      plan->codes[row] = len == 0 ? 0 : uc_string_table_intern (st->table, text, len);
      return;
    }

  if (uc_is_missing (text, len))
    return;
  if (plan->kind == KIND_NUMBER && uc_csv_is_censored (text, len, r->decimal, r->thousands))
    {
      if (st->n_censored++ == 0)
        st->censored_example = uc_csv_excerpt (text, len);
      return;
    }
  record_bad (ch, t, column, cell, row, text, len, FALSE);
}

static void
set_missing (Plan  *plan,
             gsize  row)
{
  switch (plan->kind)
    {
    case KIND_NUMBER: plan->numbers[row] = NAN; break;
    case KIND_TEXT: plan->codes[row] = 0; break;
    default: plan->times[row] = UC_TIME_MISSING; break;
    }
}

/* The next delimiter or line break in a quote-free chunk. */
static inline const char *
find_field_end (const char *p,
                const char *end,
                char        delim,
                const guint8 *special)
{
#ifdef __SSE2__
  const __m128i vd = _mm_set1_epi8 (delim), vlf = _mm_set1_epi8 ('\n'), vcr = _mm_set1_epi8 ('\r');

  while (end - p >= 16)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) p);
      int mask = _mm_movemask_epi8 (_mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, vd), _mm_cmpeq_epi8 (v, vlf)),
                                                  _mm_cmpeq_epi8 (v, vcr)));

      if (mask != 0)
        return p + __builtin_ctz ((unsigned) mask);
      p += 16;
    }
#endif
  while (p < end && !special[(guchar) *p])
    p++;
  return p;
}

/* The code of the text cell @s to @e, a short one from @cache when it was
 * seen lately: eight bytes read at once where the chunk has them, the
 * cell's own kept, the rest zeroed. Any other goes to the string table. */
static inline guint32
text_code (ColState   *st,
           const char *s,
           const char *e,
           const char *end)
{
  gsize len = e - s;
  TextCache *cache = st->text_cache;
  guint64 w;
  guint slot;

  if (len == 0)
    return 0;
  if (cache == NULL || len > 8 || end - s < 8)
    return uc_string_table_intern (st->table, s, len);
  memcpy (&w, s, 8);
  w &= ~(guint64) 0 >> (64 - 8 * len);
  slot = (guint) (((w ^ len) * 0x9E3779B97F4A7C15ull) >> 56);
  if (cache->len[slot] != len || cache->word[slot] != w)
    {
      cache->code[slot] = uc_string_table_intern (st->table, s, len);
      cache->word[slot] = w;
      cache->len[slot] = (guint8) len;
    }
  return cache->code[slot];
}

/* The plain decimal at @p (-?digits[.digits], at most 18 digits, the
 * mantissa exact in a double): its value, and where it ends; NULL when it
 * is not one. m / 10^k of two exact doubles is rounded once, as strtod
 * rounds: the same value uc_parse_number gives. */
static inline const char *
loop_decimal (const char *p,
              const char *end,
              char        decimal,
              double     *value,
              gboolean   *integer)
{
  const char *q = p, *digits, *point = NULL;
  gboolean neg = q < end && *q == '-';
  guint64 m = 0;
  unsigned d;
  gsize nd, frac;
  double v;

  q += neg;
  digits = q;
  while (q < end && (d = (unsigned) (*q - '0')) < 10)
    m = m * 10 + d, q++;
  if (q < end && *q == decimal)
    {
      point = q++;
      while (q < end && (d = (unsigned) (*q - '0')) < 10)
        m = m * 10 + d, q++;
    }
  nd = (gsize) (q - digits) - (point != NULL);
  if (nd == 0 || nd > 18 || m >= ((guint64) 1 << 53))
    return NULL;
  frac = point ? (gsize) (q - point - 1) : 0;
  v = frac > 0 ? (double) m / pow10_table[frac] : (double) m;
  *value = neg ? -v : v;
  *integer = point == NULL;
  return q;
}

/* A row of a quote-free chunk, read and converted in one pass; numbers are
 * accumulated while scanning. FALSE, with nothing consumed, when the row
 * does not have exactly one field per column: the general path takes it.
 * Hot path (csv-load benchmark: every row of a quote-free file): kept whole, inlined in its loop. */
static inline gboolean
parse_plain_row (Chunk       *ch,
                 Tok         *t,
                 gsize        row)
{
  Reader *r = ch->r;
  const Input *in = &r->in;
  const char *p = t->pos, *end = t->end;
  const char delim = in->delim, decimal = r->decimal;
  guint n_columns = r->n_columns;

  t->row_line = t->line;
  t->row_line_start = p;

  for (guint c = 0; c < n_columns; c++)
    {
      Plan *plan = &r->plans[c];
      const char *s = p;
      Cell cell;

      if (plan->kind == KIND_NUMBER && (!ch->only || ch->only[c]))
        {
          gboolean integer;
          double v;
          const char *q = loop_decimal (p, end, decimal, &v, &integer);

          if (q && (q == end || *q == delim || *q == '\n' || *q == '\r'))
            {
              plan->numbers[row] = v;
              ch->cols[c].n_ok++;
              if (integer)
                ch->cols[c].number_flags |= UC_NUMBER_INTEGER;
              p = q;
              goto next;
            }
        }

      /* Text and ISO dates are common enough to skip the general converter. */
      if ((plan->kind == KIND_TEXT || (plan->kind == KIND_DATE && plan->date_format <= UC_DATE_ISO_DATETIME)) &&
          (!ch->only || ch->only[c]))
        {
          p = find_field_end (p, end, delim, in->special);
          if (plan->kind == KIND_TEXT)
            {
              plan->codes[row] = text_code (&ch->cols[c], s, p, end);
              goto next;
            }
          if (ch->cols[c].date_cache &&
              (uc_parse_iso_cached (s, p - s, ch->cols[c].date_cache, &plan->times[row]) ||
               uc_parse_iso_fast (s, p - s, plan->date_format == UC_DATE_ISO_DATETIME, ch->cols[c].date_cache,
                                  &plan->times[row])))
            {
              ch->cols[c].n_ok++;
              goto next;
            }
          cell.p = s;
          cell.len = (guint32) MIN ((gsize) (p - s), G_MAXUINT32);
          cell.flags = 0;
          convert_cell (ch, t, c, &cell, row);
          goto next;
        }

      p = find_field_end (p, end, delim, in->special);
      if (!ch->only || ch->only[c])
        {
          cell.p = s;
          cell.len = (guint32) MIN ((gsize) (p - s), G_MAXUINT32);
          cell.flags = 0;
          convert_cell (ch, t, c, &cell, row);
        }

    next:
      if (c + 1 < n_columns)
        {
          if (p >= end || *p != delim)
            return FALSE;
          p++;
        }
      else if (p < end && *p == delim)
        return FALSE;
    }

  if (p < end)
    {
      if (*p == '\r' && p + 1 < end && p[1] == '\n')
        p += 2;
      else
        p++;
      t->line++;
    }
  t->line_start = p;
  t->pos = p;
  return TRUE;
}

#if defined(__SSE2__) && G_BYTE_ORDER == G_LITTLE_ENDIAN
#define ROW_WINDOW 64   /* bytes of a row whose structure is read at once */
#define ROW_MARGIN 80   /* readable past a row's start: its window and an 8-byte word at any field */

/* Each byte of @w that is not an ASCII digit, as its top bit. A byte of
 * 0x8A or more carries into the ones after it, which are then wrong: only
 * the lowest bit set is used. */
static inline guint64
non_digits (guint64 w)
{
  guint64 x = w ^ 0x3030303030303030ull;

  return ((x + 0x7676767676767676ull) | x) & 0x8080808080808080ull;
}

/* The value of the @n ASCII digits (1 to 8) in the low bytes of @w, the
 * bytes above them ignored: the digits shifted to the top, zeros before
 * them, and summed in pairs, fours and eights. */
static inline guint64
word_value (guint64 w,
            guint   n)
{
  w = (w - 0x3030303030303030ull) << (8 * (8 - n));
  w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFull;
  w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFull;
  return (w * 10000 + (w >> 32)) & 0xFFFFFFFFull;
}

/* A decimal's digits m (at most 8), its sign and its k digits after the
 * mark, kept in a signalling NaN's payload until unbox_decimals divides:
 * no parser ever gives that NaN. */
#define BOXED    ((guint64) 0x7FF4 << 48)
#define BOX_MASK ((guint64) 0xFFFF << 48)

/* The plain decimal @s to @e (-?digits[.digits], at most 8 bytes after the
 * sign, 8 of them readable), read as loop_decimal reads it from one word:
 * every byte checked at once, the decimal mark taken out, the digits
 * converted together. Its value's bits in *@bits, or, with digits after
 * the mark, m and k boxed for unbox_decimals, which makes the same
 * m / 10^k: the same bytes in an export. FALSE for anything else, which
 * loop_decimal or the converter then takes. */
static inline gboolean
swar_decimal (const char *s,
              const char *e,
              char        decimal,
              guint64    *bits,
              gboolean   *integer)
{
  gboolean neg = *s == '-';
  const char *q = s + neg;
  guint n = (guint) (e - q), a, b;
  guint64 w, nd, m;
  double v;

  if (n - 1 >= 8)
    return FALSE;
  memcpy (&w, q, 8);
  nd = non_digits (w) & (~(guint64) 0 >> (64 - 8 * n));
  if (nd == 0)
    {
      m = word_value (w, n);
      *integer = TRUE;
      v = neg ? -(double) m : (double) m;
      memcpy (bits, &v, sizeof v);
      return TRUE;
    }
  a = (guint) __builtin_ctzll (nd) / 8;
  if (q[a] != decimal || (nd & (nd - 1)) != 0 || n == 1)
    return FALSE;
  b = n - 1 - a;
  /* The mark taken out: the digits after it moved down a byte. */
  w = (w & ((((guint64) 1 << (8 * a)) - 1))) | ((w >> 8) & ~((((guint64) 1 << (8 * a)) - 1)));
  m = word_value (w, n - 1);
  *integer = FALSE;
  if (b > 0)
    {
      *bits = BOXED | (guint64) neg << 47 | m << 3 | b;
      return TRUE;
    }
  v = neg ? -(double) m : (double) m;
  memcpy (bits, &v, sizeof v);
  return TRUE;
}

/* The decimals swar_decimal left boxed in @numbers from @from to @to made
 * m / 10^k: the divisions, done here a column at a time, no longer hold up
 * the row loop (a division is slow to finish, and the rows after it wait). */
static void
unbox_decimals (double *numbers,
                gsize   from,
                gsize   to)
{
  guint64 *bits = (guint64 *) numbers;

  for (gsize i = from; i < to; i++)
    if ((bits[i] & BOX_MASK) == BOXED)
      {
        double v = (double) ((bits[i] >> 3) & 0x7FFFFFF) / pow10_table[bits[i] & 7];

        numbers[i] = bits[i] >> 47 & 1 ? -v : v;
      }
}

/* The delimiters (in *delims) and line breaks of the ROW_WINDOW bytes at @p,
 * a bit each. */
static inline void
row_structure (const char *p,
               char        delim,
               guint64    *delims,
               guint64    *breaks)
{
  const __m128i vd = _mm_set1_epi8 (delim), vlf = _mm_set1_epi8 ('\n'), vcr = _mm_set1_epi8 ('\r');
  guint64 d = 0, b = 0;

  for (int k = 0; k < ROW_WINDOW / 16; k++)
    {
      __m128i v = _mm_loadu_si128 ((const __m128i *) (p + 16 * k));

      d |= (guint64) (guint) _mm_movemask_epi8 (_mm_cmpeq_epi8 (v, vd)) << (16 * k);
      b |= (guint64) (guint) _mm_movemask_epi8 (_mm_or_si128 (_mm_cmpeq_epi8 (v, vlf), _mm_cmpeq_epi8 (v, vcr)))
           << (16 * k);
    }
  *delims = d;
  *breaks = b;
}

/* What parse_window_row does with each column, worked out once a chunk:
 * the build does not assume strict aliasing, so anything read through the
 * chunk or its plans is read again after every store into a column. */
typedef enum
{
  WINDOW_CONVERT,     /* through convert_cell */
  WINDOW_SKIP,        /* not asked for */
  WINDOW_NUMBER,
  WINDOW_TEXT,
  WINDOW_ISO_DATE,
  WINDOW_ISO_TIME,
} WindowOp;

typedef struct
{
  WindowOp  op;
  ColState *st;
  gpointer  data;   /* the column's numbers, times or codes */
} WindowCol;

/* The columns' ops for @ch, in @wc (ROW_WINDOW of them at most: a row in
 * the window has no more fields). FALSE when the chunk has more columns. */
static gboolean
window_columns (Chunk     *ch,
                WindowCol *wc)
{
  Reader *r = ch->r;

  if (r->n_columns > ROW_WINDOW)
    return FALSE;
  for (guint c = 0; c < r->n_columns; c++)
    {
      Plan *plan = &r->plans[c];

      wc[c].st = &ch->cols[c];
      wc[c].data = plan->kind == KIND_NUMBER ? (gpointer) plan->numbers
                 : plan->kind == KIND_TEXT ? (gpointer) plan->codes : (gpointer) plan->times;
      if (ch->only && !ch->only[c])
        wc[c].op = WINDOW_SKIP;
      else if (plan->kind == KIND_NUMBER)
        wc[c].op = WINDOW_NUMBER;
      else if (plan->kind == KIND_TEXT)
        wc[c].op = WINDOW_TEXT;
      else if (plan->kind == KIND_DATE && plan->date_format <= UC_DATE_ISO_DATETIME && wc[c].st->date_cache)
        wc[c].op = plan->date_format == UC_DATE_ISO_DATETIME ? WINDOW_ISO_TIME : WINDOW_ISO_DATE;
      else
        wc[c].op = WINDOW_CONVERT;
    }
  return TRUE;
}

/* A row of a quote-free chunk that fits in ROW_WINDOW bytes with exactly
 * one field per column, the chunk readable ROW_MARGIN bytes past its start:
 * where its fields end is read for the whole row at once, then each is
 * converted as parse_plain_row does, to the same values. FALSE, with
 * nothing written, for any other row: parse_plain_row takes it.
 * Hot path (csv-load benchmark: nearly every row of a quote-free file): kept whole. */
static inline gboolean
parse_window_row (Chunk           *ch,
                  const WindowCol *wc,
                  Tok             *t,
                  gsize            row)
{
  Reader *r = ch->r;
  const char *const row_start = t->pos, *const end = t->end;
  const char *s = row_start, *p;
  const char delim = r->in.delim, decimal = r->decimal;
  const guint n_columns = r->n_columns;
  guint64 delims, breaks, last;
  guint brk;

  row_structure (row_start, delim, &delims, &breaks);
  if (breaks == 0)
    return FALSE;
  brk = (guint) __builtin_ctzll (breaks);
  delims &= ((guint64) 1 << brk) - 1;
  /* n_columns - 1 delimiters before it: with all but one cleared, one is
   * left (a count without the popcount instruction, which x86-64 lacks). */
  last = delims;
  for (guint c = 0; c + 2 < n_columns && last; c++)
    last &= last - 1;
  if (n_columns == 1 ? delims != 0 : last == 0 || (last & (last - 1)) != 0)
    return FALSE;

  t->row_line = t->line;
  t->row_line_start = row_start;
  delims |= (guint64) 1 << brk;   /* each field's end, the last one's too */
  for (guint c = 0; c < n_columns; c++)
    {
      const WindowCol *w = &wc[c];
      const char *e = row_start + __builtin_ctzll (delims);
      Cell cell;

      delims &= delims - 1;
      switch (w->op)
        {
        case WINDOW_NUMBER:
          {
            gboolean integer = FALSE;
            double v = 0;
            guint64 bits;

            if (swar_decimal (s, e, decimal, &bits, &integer))
              {
                ((guint64 *) w->data)[row] = bits;
                w->st->n_ok++;
                if (integer)
                  w->st->number_flags |= UC_NUMBER_INTEGER;
                goto next;
              }
            if (loop_decimal (s, e, decimal, &v, &integer) == e)
              {
                ((double *) w->data)[row] = v;
                w->st->n_ok++;
                if (integer)
                  w->st->number_flags |= UC_NUMBER_INTEGER;
                goto next;
              }
            break;
          }
        case WINDOW_TEXT:
          ((guint32 *) w->data)[row] = text_code (w->st, s, e, end);
          goto next;
        case WINDOW_ISO_DATE:
        case WINDOW_ISO_TIME:
          if (uc_parse_iso_cached (s, e - s, w->st->date_cache, &((UcTime *) w->data)[row]) ||
              (w->op == WINDOW_ISO_TIME && uc_parse_iso_same_day (s, e - s, w->st->date_cache, &((UcTime *) w->data)[row])) ||
              uc_parse_iso_fast (s, e - s, w->op == WINDOW_ISO_TIME, w->st->date_cache, &((UcTime *) w->data)[row]))
            {
              w->st->n_ok++;
              goto next;
            }
          break;
        case WINDOW_SKIP:
          goto next;
        case WINDOW_CONVERT:
        default:
          break;
        }
      cell.p = s;
      cell.len = (guint32) (e - s);
      cell.flags = 0;
      convert_cell (ch, t, c, &cell, row);
    next:
      s = e + 1;
    }

  p = row_start + brk;
  p += *p == '\r' && p[1] == '\n' ? 2 : 1;
  t->line++;
  t->line_start = p;
  t->pos = p;
  return TRUE;
}
#endif

/* Past the last row the arrays hold only blank lines may be left: FALSE,
 * with an error, if anything else is. */
static gboolean
only_blank_lines_left (Chunk *ch,
                       Tok   *t)
{
  while (t->pos < t->end && (*t->pos == '\n' || *t->pos == '\r'))
    t->pos = uc_csv_eat_newline (t, t->pos);
  if (t->pos < t->end)
    {
      g_set_error (&ch->error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name, %u a line of it. */
                   _("%s: line %u: more rows than lines (please report this file)"), ch->r->in.name, t->line);
      g_atomic_int_set (&ch->r->abort, 1);
      return FALSE;
    }
  return TRUE;
}

typedef enum
{
  FIT_OK,
  FIT_SKIP,    /* warned about; not read */
  FIT_ABORT,   /* an error, when strict */
} Fit;

/* A row of the wrong width: empty fields past the last column are dropped
 * (said once), a row with more is skipped, a short one read with the rest
 * missing; each said in a warning, or an error when strict. */
static Fit
fit_row (Chunk    *ch,
         Tok      *t,
         guint    *n_fields,
         gboolean *warned_trailing)
{
  Reader *r = ch->r;
  guint n_columns = r->n_columns;

  if (*n_fields > n_columns)
    {
      if (t->extra_nonempty)
        {
          if (r->in.strict)
            {
              uc_csv_set_error_at (&r->in, t->extra_at, &ch->error, UC_CSV_ERROR_FIELD_COUNT,
                                   /* Translators: %u is the number of the header's fields. */
                                   g_dngettext (GETTEXT_PACKAGE, "too many fields: the header has %u",
                                                "too many fields: the header has %u", n_columns), n_columns);
              return FIT_ABORT;
            }
          /* Translators: a line of the file, its number of fields, the header's. */
          uc_csv_warn_n (&ch->warnings, *n_fields, "line %u: %u field where the header has %u; row skipped",
                         "line %u: %u fields where the header has %u; row skipped", t->row_line, *n_fields, n_columns);
          return FIT_SKIP;
        }
      if (!*warned_trailing)
        /* Translators: %u is a line of the file. */
        uc_csv_warn (&ch->warnings, N_("line %u: empty fields after the last column; ignored"), t->row_line);
      *warned_trailing = TRUE;
      *n_fields = n_columns;
    }
  else if (*n_fields < n_columns)
    {
      if (r->in.strict)
        {
          uc_csv_set_error_at (&r->in, t->row_end,
                               &ch->error, UC_CSV_ERROR_FIELD_COUNT,
                               /* Translators: the row's number of fields, then the header's. */
                               g_dngettext (GETTEXT_PACKAGE, "%u field where the header has %u",
                                            "%u fields where the header has %u", *n_fields), *n_fields, n_columns);
          return FIT_ABORT;
        }
      /* Translators: a line of the file, its number of fields, the header's. */
      uc_csv_warn_n (&ch->warnings, *n_fields, "line %u: %u field where the header has %u; the rest read as missing",
                     "line %u: %u fields where the header has %u; the rest read as missing",
                     t->row_line, *n_fields, n_columns);
    }
  return FIT_OK;
}

/* Every CHECK_EVERY_ROWS rows: FALSE when another thread failed or the
 * read was cancelled; else the bytes read added to the reader's progress,
 * which the caller's thread tells. */
static gboolean
keep_going (Chunk     *ch,
            const Tok *t)
{
  Reader *r = ch->r;

  if (g_atomic_int_get (&r->abort) || g_cancellable_is_cancelled (r->cancellable))
    {
      g_atomic_int_set (&r->abort, 1);
      return FALSE;
    }
  if (ch->report_progress && r->progress)
    {
      gssize read = t->pos - ch->counted;
      gsize done = (gsize) g_atomic_pointer_add (&r->progress_done, read) + read;

      ch->counted = t->pos;
      if (g_thread_self () == r->progress_thread)
        r->progress ((double) done / MAX (1, r->progress_total), r->progress_data);
    }
  return TRUE;
}

/* A chunk's rows into the column arrays from its row_base on (a thread's
 * share of the body, or all of it).
 * Hot path (csv-load benchmark: the loop over every row); its rare cases are the helpers above. */
gpointer
uc_csv_parse_chunk (gpointer data)
{
  Chunk *ch = data;
  Reader *r = ch->r;
  guint n_columns = r->n_columns;
  g_autofree Cell *cells = g_try_new (Cell, n_columns);
  gboolean warned_trailing = FALSE;
  gsize row = ch->row_base;
  guint since_check = 0;
  Tok t;
#ifdef ROW_WINDOW
  WindowCol wc[ROW_WINDOW];
  gboolean window;
#endif

  if (cells == NULL)
    {
      g_set_error (&ch->error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: not enough memory for %u column",
                                "%s: not enough memory for %u columns", n_columns), r->in.name, n_columns);
      g_atomic_int_set (&r->abort, 1);
      return NULL;
    }

  uc_csv_tok_init (&t, &r->in, ch->start, ch->end, ch->first_line, &ch->warnings);
#ifdef ROW_WINDOW
  window = ch->plain && window_columns (ch, wc);
#endif

  for (;;)
    {
      guint n_fields = 0;
      RowStatus status;

      /* Rows never outnumber line breaks; if they did, stop rather than overflow. */
      if (row >= ch->row_limit)
        {
          if (!only_blank_lines_left (ch, &t))
            return NULL;
          break;
        }

      if (ch->plain)
        {
          while (t.pos < t.end && (*t.pos == '\n' || *t.pos == '\r'))
            t.pos = uc_csv_eat_newline (&t, t.pos);
          if (t.pos >= t.end)
            break;
#ifdef ROW_WINDOW
          if (window && t.end - t.pos >= ROW_MARGIN && parse_window_row (ch, wc, &t, row))
            {
              row++;
              goto checkpoint;
            }
#endif
          if (parse_plain_row (ch, &t, row))
            {
              row++;
              goto checkpoint;
            }
        }

      status = uc_csv_next_row (&t, cells, n_columns, &n_fields, &ch->error);

      if (status == ROW_END)
        break;
      if (status == ROW_ERROR)
        {
          g_atomic_int_set (&r->abort, 1);
          return NULL;
        }

      if (n_fields != n_columns)
        {
          Fit fit = fit_row (ch, &t, &n_fields, &warned_trailing);

          if (fit == FIT_ABORT)
            {
              g_atomic_int_set (&r->abort, 1);
              return NULL;
            }
          if (fit == FIT_SKIP)
            continue;
        }

      for (guint c = 0; c < n_columns; c++)
        {
          if (ch->only && !ch->only[c])
            continue;
          if (c < n_fields)
            convert_cell (ch, &t, c, &cells[c], row);
          else
            set_missing (&r->plans[c], row);
        }
      row++;

    checkpoint:
      if (++since_check >= CHECK_EVERY_ROWS)
        {
          since_check = 0;
          if (!keep_going (ch, &t))
            return NULL;
        }
    }

  ch->n_rows = row - ch->row_base;
#ifdef ROW_WINDOW
  for (guint c = 0; window && c < n_columns; c++)
    if (wc[c].op == WINDOW_NUMBER)
      unbox_decimals (wc[c].data, ch->row_base, row);
#endif
  return NULL;
}
