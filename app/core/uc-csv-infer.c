/* uc-csv-infer.c: each column's type, and the decimal mark, from a sample
 *
 * The sample is the first rows and, where lines are rows, rows spread over
 * the rest of the file. A column is of a kind when nearly all its values
 * read as that kind (the rest are bad cells, read as missing and named):
 * dates in a known format or a pattern the user gave, epoch times or years
 * when the header says so, numbers; else text.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <math.h>
#include <string.h>

#define SAMPLE_HEAD_ROWS   1000
#define SAMPLE_SPREAD_ROWS 1000
/* What the sampled cells of one column showed. The sample is visited twice
 * rather than kept: once for the decimal mark and the number of values,
 * once to classify them. Counts fit: a column has at most
 * SAMPLE_HEAD_ROWS + SAMPLE_SPREAD_ROWS sampled cells. */
typedef struct
{
  double  lo;
  double  hi;
  guint16 seen;          /* non-empty cells */
  guint16 n;             /* cells that are not missing */
  guint16 n_number;
  guint16 n_integer;
  guint16 n_pattern;
  guint16 n_with_time;
  guint16 n_not_date;    /* read in no date format */
  guint16 n_compact;     /* YYYYMMDD days in 1900–2100 */
  guint16 n_date[UC_DATE_QUARTER + 1];   /* read in each format */
  gboolean suffix;
} Infer;

typedef struct
{
  Infer *cols;
  guint  pass;
  guint  dot;
  guint  comma;
  char   thousands;   /* as asked */
} SampleState;

G_STATIC_ASSERT (SAMPLE_HEAD_ROWS + SAMPLE_SPREAD_ROWS <= G_MAXUINT16);

/* Case-insensitive (ASCII) tests of a header name, without copying it:
 * they run once per column, and a table may have a million. */
static gboolean
header_has (const char  *name,
            const char * const *words)
{
  for (const char *p = name; *p; p++)
    {
      char c = g_ascii_tolower (*p);

      for (guint i = 0; words[i]; i++)
        if (c == words[i][0] && g_ascii_strncasecmp (p, words[i], strlen (words[i])) == 0)
          return TRUE;
    }
  return FALSE;
}

static gboolean
header_is (const char  *name,
           const char * const *words)
{
  gsize len;

  while (g_ascii_isspace (*name))
    name++;
  len = strlen (name);
  while (len > 0 && g_ascii_isspace (name[len - 1]))
    len--;
  for (guint i = 0; words[i]; i++)
    if (strlen (words[i]) == len && g_ascii_strncasecmp (name, words[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* Pass 1: the decimal mark (from the first 400 values of each column) and
 * how many values there are. */
static void
sample_first (SampleState *ss,
              guint        column,
              const char  *v,
              gsize        len)
{
  Infer *f = &ss->cols[column];

  if (f->seen++ < 400 && (memchr (v, '.', len) || memchr (v, ',', len)))
    {
      double d;

      /* A mark that is the thousands separator asked for is no decimal mark. */
      ss->dot += ss->thousands != '.' && uc_parse_number (v, len, '.', ss->thousands, FALSE, &d, NULL);
      ss->comma += ss->thousands != ',' && uc_parse_number (v, len, ',', ss->thousands, FALSE, &d, NULL);
    }
  if (!uc_is_missing (v, len))
    f->n++;
}

/* Pass 2: what each value reads as, with the decimal mark known. */
static void
sample_second (Reader      *r,
               SampleState *ss,
               guint        column,
               const char  *v,
               gsize        len)
{
  Infer *f = &ss->cols[column];
  double d;
  guint flags = 0;
  UcTime t;

  if (uc_is_missing (v, len))
    return;
  if (uc_csv_is_censored (v, len, r->decimal, r->thousands))
    {
      f->n_number++;
      return;
    }
  if (memchr (v, ':', len))
    f->n_with_time++;
  if (uc_parse_number (v, len, r->decimal, r->thousands, f->suffix, &d, &flags))
    {
      f->n_number++;
      f->n_integer += (flags & UC_NUMBER_INTEGER) != 0 && !(flags & (UC_NUMBER_SUFFIX | UC_NUMBER_PERCENT | UC_NUMBER_GROUPED | UC_NUMBER_CURRENCY));
      f->lo = MIN (f->lo, d);
      f->hi = MAX (f->hi, d);
      /* Only eight-digit integers are looked at again. */
      if (d >= 19000101 && d <= 21001231 && (flags & UC_NUMBER_INTEGER))
        f->n_compact += uc_is_compact_date (v, len);
    }
  else if (flags & UC_NUMBER_NOT_FINITE)
    f->n_number++;   /* a number column still; the cell will be a bad one */
  /* Date formats are tried until more than one value in twenty is no date
   * at all: past that the column cannot be mostly dates. */
  if (f->n_not_date <= f->n / 20)
    {
      guint mask = uc_date_formats_matching (v, len);

      f->n_not_date += mask == 0;
      for (guint k = 0; mask != 0; k++, mask >>= 1)
        f->n_date[k] += mask & 1;
    }
  if (r->date_pattern && uc_parse_date_pattern (v, len, r->date_pattern, &t))
    f->n_pattern++;
}

/* A share of the values that makes a column of that kind: the rest are bad
 * cells, read as missing and named. */
static inline gboolean
mostly (guint count,
        guint n)
{
  return count > 0 && count >= n * 0.95;
}

/* The formats every value reads in; else those nearly every one does
 * (an impossible date among good ones is a bad cell, not a text column). */
static guint
date_formats (const Infer *f)
{
  guint date_mask = 0;

  for (guint k = 0; k < G_N_ELEMENTS (f->n_date); k++)
    if (f->n_date[k] == f->n)
      date_mask |= UC_DATE_FORMAT_BIT (k);
  if (date_mask == 0)
    for (guint k = 0; k < G_N_ELEMENTS (f->n_date); k++)
      if (mostly (f->n_date[k], f->n))
        date_mask |= UC_DATE_FORMAT_BIT (k);
  return date_mask;
}

/* A date column, in the first format of @date_mask by priority; a/b/yyyy
 * when nothing else fits, its order decided after reading if both do. */
static gboolean
infer_date (Plan        *plan,
            const Infer *f,
            guint        date_mask)
{
  static const UcDateFormat priority[] = {
    UC_DATE_ISO, UC_DATE_ISO_DATETIME, UC_DATE_YMD_SLASH, UC_DATE_DMY_DOT, UC_DATE_DMY_DASH,
    UC_DATE_MON_D_Y, UC_DATE_D_MON_Y, UC_DATE_YEAR_MONTH, UC_DATE_QUARTER,
  };
  guint n_with_time = f->n_with_time;

  for (guint i = 0; i < G_N_ELEMENTS (priority); i++)
    if (date_mask & UC_DATE_FORMAT_BIT (priority[i]))
      {
        plan->kind = KIND_DATE;
        plan->date_format = priority[i];
        plan->type = uc_date_format_has_time (priority[i]) || n_with_time > 0 ? UC_COLUMN_DATETIME : UC_COLUMN_DATE;
        plan->unit = priority[i] == UC_DATE_YEAR_MONTH ? UC_DATE_UNIT_MONTH :
                     priority[i] == UC_DATE_QUARTER ? UC_DATE_UNIT_QUARTER : UC_DATE_UNIT_DAY;
        return TRUE;
      }
  if (date_mask & (UC_DATE_FORMAT_BIT (UC_DATE_DMY_SLASH) | UC_DATE_FORMAT_BIT (UC_DATE_MDY_SLASH)))
    {
      plan->type = n_with_time > 0 ? UC_COLUMN_DATETIME : UC_COLUMN_DATE;
      if ((date_mask & UC_DATE_FORMAT_BIT (UC_DATE_DMY_SLASH)) && (date_mask & UC_DATE_FORMAT_BIT (UC_DATE_MDY_SLASH)))
        plan->kind = KIND_DATE_SLASH;
      else
        {
          plan->kind = KIND_DATE;
          plan->date_format = (date_mask & UC_DATE_FORMAT_BIT (UC_DATE_DMY_SLASH)) ? UC_DATE_DMY_SLASH : UC_DATE_MDY_SLASH;
        }
      return TRUE;
    }
  return FALSE;
}

/* Epoch seconds or milliseconds, only when the header says so. */
static gboolean
infer_epoch (Plan        *plan,
             const Infer *f)
{
  static const char * const epoch_words[] = { "timestamp", "unix", "epoch", NULL };
  static const char * const epoch_names[] = { "time", "ts", "t", NULL };

  if (f->n_number != f->n || !(header_has (plan->name, epoch_words) || header_is (plan->name, epoch_names)))
    return FALSE;
  if (f->lo >= 1e8 && f->hi < 1e11)
    {
      plan->kind = KIND_DATE;
      plan->date_format = UC_DATE_EPOCH_S;
      plan->type = UC_COLUMN_DATETIME;
      return TRUE;
    }
  if (f->lo >= 1e11 && f->hi < 1e14 && f->n_integer == f->n)
    {
      plan->kind = KIND_DATE;
      plan->date_format = UC_DATE_EPOCH_MS;
      plan->type = UC_COLUMN_DATETIME;
      return TRUE;
    }
  return FALSE;
}

/* Compact dates (20250127), only when every value is a day in 1900–2100:
 * an eight-digit code or amount column nearly always has one that is not. */
static gboolean
infer_compact_date (Plan        *plan,
                    const Infer *f)
{
  if (f->n_compact != f->n)
    return FALSE;
  plan->kind = KIND_DATE;
  plan->date_format = UC_DATE_COMPACT;
  plan->type = UC_COLUMN_DATE;
  plan->unit = UC_DATE_UNIT_DAY;
  return TRUE;
}

/* A bare year column: Year, Jahr, année… with whole years in it. */
static gboolean
infer_year (Plan        *plan,
            const Infer *f)
{
  static const char * const year_names[] = { "year", "yr", "jahr", "année", "annee", "año", "anno", "period", NULL };

  if (!(f->n_integer == f->n && f->lo >= 1000 && f->hi <= 2999 && header_is (plan->name, year_names)))
    return FALSE;
  plan->kind = KIND_DATE;
  plan->date_format = UC_DATE_YEAR;
  plan->type = UC_COLUMN_DATE;
  plan->unit = UC_DATE_UNIT_YEAR;
  return TRUE;
}

static void
infer_column (Reader *r,
              Plan   *plan,
              Infer  *f)
{
  guint n = f->n;
  guint date_mask;

  plan->kind = KIND_TEXT;
  plan->type = UC_COLUMN_TEXT;
  plan->allow_suffix = f->suffix;

  if (n == 0)
    return;

  /* A forced pattern wins for the columns it reads. */
  if (r->date_pattern && mostly (f->n_pattern, n))
    {
      plan->kind = KIND_DATE_PATTERN;
      plan->type = strstr (r->date_pattern, "%H") ? UC_COLUMN_DATETIME : UC_COLUMN_DATE;
      return;
    }

  date_mask = date_formats (f);
  if ((date_mask && infer_date (plan, f, date_mask)) || infer_epoch (plan, f) ||
      infer_year (plan, f) || infer_compact_date (plan, f))
    return;

  /* Mostly numbers: numeric, and the odd bad cell becomes missing (reported). */
  if (f->n_number >= n * 0.95)
    {
      plan->kind = KIND_NUMBER;
      plan->type = UC_COLUMN_NUMBER;
    }
}

/* Names of the same shape, digits aside: "2024" and "2023", "2024Q1" and
 * "2023Q4", "pop_2025" and "pop_2024". */
static gboolean
same_shape (const char *a,
            const char *b)
{
  for (; *a && *b; a++, b++)
    if (*a != *b && !(g_ascii_isdigit (*a) && g_ascii_isdigit (*b)))
      return FALSE;
  return *a == *b;
}

/* The nearest column from @c in direction @step with values in the sample. */
static const Plan *
nearest_filled (Reader      *r,
                SampleState *ss,
                guint        c,
                int          step)
{
  for (gint64 k = (gint64) c + step; k >= 0 && k < r->n_columns; k += step)
    if (r->plans[k].kind != KIND_SKIP && ss->cols[k].n != 0)
      return &r->plans[k];
  return NULL;
}

static gboolean
like_number (const Plan *plan,
             const Plan *near)
{
  return near && near->kind == KIND_NUMBER && same_shape (plan->name, near->name);
}

/* A column with no values in the sample is text, unless it is one of a
 * run like a nearest filled neighbour that is numbers (a wide table of
 * one column per year whose newest years are still empty): then it is
 * numbers, all missing, and charts and exports like its neighbours. If
 * values turn up past the sample and are not numbers, the column is read
 * again as text. */
static void
infer_empty_columns (Reader      *r,
                     SampleState *ss)
{
  for (guint c = 0; c < r->n_columns; c++)
    {
      Plan *plan = &r->plans[c];

      if (plan->kind != KIND_TEXT || ss->cols[c].n != 0 || plan->unnamed)
        continue;
      if (like_number (plan, nearest_filled (r, ss, c, -1)) || like_number (plan, nearest_filled (r, ss, c, 1)))
        {
          plan->kind = KIND_NUMBER;
          plan->type = UC_COLUMN_NUMBER;
        }
    }
}

static inline void
sample_cell (Reader      *r,
             SampleState *ss,
             guint        column,
             const char  *text,
             gsize        len)
{
  if (ss->pass == 1)
    sample_first (ss, column, text, len);
  else if (r->plans[column].kind != KIND_SKIP)
    sample_second (r, ss, column, text, len);
}

/* The sample: the first rows, and where lines are rows, rows spread over
 * the rest of the file. Each non-empty cell goes to sample_cell. */
static void
visit_samples (Reader      *r,
               SampleState *ss,
               Cell        *cells,
               GString     *scratch,
               gboolean     has_quotes)
{
  const char *end = r->body_end;
  guint rows = 0;
  Tok t;

  uc_csv_tok_init (&t, &r->in, r->body, end, r->body_line, NULL);
  while (rows < SAMPLE_HEAD_ROWS)
    {
      guint nf;

      if (uc_csv_next_row (&t, cells, r->n_columns, &nf, NULL) != ROW_OK)
        break;
      for (guint c = 0; c < MIN (nf, r->n_columns); c++)
        {
          gsize len;
          const char *text = uc_csv_cell_text (&r->in, &cells[c], scratch, &len);

          if (len > 0)
            sample_cell (r, ss, c, text, len);
        }
      rows++;
    }

  /* Rows from the rest of the file too, where lines are rows. */
  if (!has_quotes && t.pos < end)
    {
      const char *rest = t.pos;
      gsize span = end - rest;

      for (guint i = 1; i <= SAMPLE_SPREAD_ROWS && span > 0; i++)
        {
          const char *at = rest + span * i / (SAMPLE_SPREAD_ROWS + 1);
          const char *nl = memchr (at, '\n', end - at);
          Tok s;
          guint nf;

          if (nl == NULL)
            break;
          uc_csv_tok_init (&s, &r->in, nl + 1, end, 0, NULL);
          if (uc_csv_next_row (&s, cells, r->n_columns, &nf, NULL) != ROW_OK)
            break;
          for (guint c = 0; c < MIN (nf, r->n_columns); c++)
            if (cells[c].len > 0)
              sample_cell (r, ss, c, cells[c].p, cells[c].len);
        }
    }
}

/* Types from a sample, and the decimal mark unless it is forced. */

/* Types from a sample, and the decimal mark unless it is forced. */
gboolean
uc_csv_infer_types (Reader             *r,
                    const UcCsvOptions *options,
                    char                delim,
                    gboolean            has_quotes,
                    GError            **error)
{
  static const char * const volume_words[] = { "vol", "amount", "shares", "cap", "turnover", "size", "units", NULL };
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree Cell *cells = g_try_new (Cell, r->n_columns);
  SampleState ss = { g_try_new0 (Infer, r->n_columns), 1, 0, 0, options->thousands };

  if (cells == NULL || ss.cols == NULL)
    {
      g_free (ss.cols);
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: not enough memory for %u column",
                                "%s: not enough memory for %u columns", r->n_columns), r->in.name, r->n_columns);
      return FALSE;
    }
  for (guint c = 0; c < r->n_columns; c++)
    {
      /* As allocated: the types may be inferred a second time. */
      r->plans[c].date_format = 0;
      r->plans[c].unit = 0;
      if (r->wanted && !r->wanted[c])
        r->plans[c].kind = KIND_SKIP;
      else
        r->plans[c].kind = KIND_TEXT;   /* to be decided */
    }
  visit_samples (r, &ss, cells, scratch, has_quotes);
  r->decimal = options->decimal ? options->decimal : ss.comma > ss.dot ? ',' : '.';
  if (r->decimal == delim)
    r->decimal = '.';
  /* Detected, the decimal mark gives way to the thousands separator asked for. */
  if (!options->decimal && r->decimal == options->thousands)
    r->decimal = r->decimal == '.' ? ',' : '.';

  for (guint c = 0; c < r->n_columns; c++)
    if (r->plans[c].kind != KIND_SKIP)
      {
        ss.cols[c].lo = INFINITY;
        ss.cols[c].hi = -INFINITY;
        ss.cols[c].suffix = header_has (r->plans[c].name, volume_words);
      }
  ss.pass = 2;
  visit_samples (r, &ss, cells, scratch, has_quotes);
  for (guint c = 0; c < r->n_columns; c++)
    if (r->plans[c].kind != KIND_SKIP)
      infer_column (r, &r->plans[c], &ss.cols[c]);
  infer_empty_columns (r, &ss);
  g_free (ss.cols);
  return TRUE;
}
