/* uc-csv-columns.c: the typed columns
 *
 * Each column's array is set aside for as many rows as the body has line
 * breaks; a column with too many cells of the wrong kind is made text and
 * read again; slash dates become dates once the whole column tells their
 * order; and the columns go to the dataset, with the format each was read
 * in and a warning for the cells that were not.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <string.h>

#include "uc-column-alloc.h"

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

/* Every column's array for @n_rows rows. */
gboolean
uc_csv_columns_alloc (Reader  *r,
                      gsize    n_rows,
                      GError **error)
{
  for (guint c = 0; c < r->n_columns; c++)
    if (!alloc_plan (&r->plans[c], n_rows))
      {
        g_autofree char *rows = g_strdup_printf ("%" G_GSIZE_FORMAT, n_rows);

        g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                     /* Translators: a file's name, a number of rows (a large number), %u a number of columns. */
                     g_dngettext (GETTEXT_PACKAGE, "%s: not enough memory for %s rows × %u column",
                                  "%s: not enough memory for %s rows × %u columns", r->n_columns),
                     r->in.name, rows, r->n_columns);
        return FALSE;
      }
  return TRUE;
}

/* Columns with too many cells of the wrong kind are text after all: marked
 * in @again, their arrays made anew, their bad cells forgotten. FALSE when
 * an array cannot be had. */
static gboolean
mark_as_text (Reader    *r,
              ColState  *cols,
              gsize      n_rows,
              guint8    *again,
              gboolean  *any,
              GError   **error)
{
  gboolean ok = TRUE;

  for (guint c = 0; c < r->n_columns; c++)
    {
      Plan *plan = &r->plans[c];
      ColState *st = &cols[c];

      /* Numbers past a double's range are still numbers: they do not
       * make the column text. */
      if (plan->kind != KIND_TEXT && plan->kind != KIND_SKIP && st->n_bad > st->n_not_finite &&
          st->n_bad - st->n_not_finite > (st->n_bad + st->n_ok) * 0.05)
        {
          again[c] = 1;
          *any = TRUE;
          plan->kind = KIND_TEXT;
          plan->type = UC_COLUMN_TEXT;
          if (!alloc_plan (plan, n_rows) && ok)
            {
              g_autofree char *rows = g_strdup_printf ("%" G_GSIZE_FORMAT, n_rows);

              /* Translators: a file's name, then a number of rows (a large number). */
              g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE, _("%s: not enough memory for %s rows of text"),
                           r->in.name, rows);
              ok = FALSE;
            }
          for (guint b = 0; b < MIN (st->n_bad, MAX_BAD_KEPT); b++)
            g_clear_pointer (&st->bad[b].text, g_free);
          st->n_bad = 0;
          st->n_not_finite = 0;
        }
    }
  return ok;
}

/* The columns marked in @again read again, as text, from the whole body. */
static gboolean
read_again (Reader        *r,
            ColState      *cols,
            const guint8  *again,
            gsize          n_rows,
            gboolean       any_quote,
            GError       **error)
{
  Chunk redo;
  gboolean ok = TRUE;

  if (!uc_csv_chunk_init (&redo, r))
    {
      uc_csv_chunk_clear (&redo, r->n_columns);
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: %s is a file's name. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: not enough memory for %u column",
                                "%s: not enough memory for %u columns", r->n_columns), r->in.name, r->n_columns);
      return FALSE;
    }
  redo.start = r->body;
  redo.end = r->body_end;
  redo.first_line = r->body_line;
  redo.row_limit = n_rows;
  redo.only = again;
  redo.plain = !any_quote;
  for (guint c = 0; c < r->n_columns; c++)
    if (again[c])
      {
        redo.cols[c].table = cols[c].table ? cols[c].table : uc_string_table_new ();
        cols[c].table = NULL;
      }
  uc_csv_parse_chunk (&redo);
  for (guint c = 0; c < r->n_columns; c++)
    if (again[c])
      {
        cols[c].table = redo.cols[c].table;
        redo.cols[c].table = NULL;
      }
  if (redo.error)
    {
      g_propagate_error (error, g_steal_pointer (&redo.error));
      ok = FALSE;
    }
  uc_csv_chunk_clear (&redo, r->n_columns);
  return ok;
}

/* Columns with too many cells of the wrong kind are text after all. */
gboolean
uc_csv_columns_retype (Reader    *r,
                       ColState  *cols,
                       gsize      n_rows,
                       gboolean   any_quote,
                       GError   **error)
{
  g_autofree guint8 *again = g_new0 (guint8, r->n_columns);
  gboolean any = FALSE;

  if (!mark_as_text (r, cols, n_rows, again, &any, error))
    return FALSE;
  return !any || read_again (r, cols, again, n_rows, any_quote, error);
}

/* The group separator most number columns used, for the report (0: none). */
static char
thousands_used (Reader   *r,
                ColState *cols)
{
  static const struct { guint flag; char c; } groups[] = {
    { UC_NUMBER_GROUP_COMMA, ',' }, { UC_NUMBER_GROUP_POINT, '.' },
    { UC_NUMBER_GROUP_APOSTROPHE, '\'' }, { UC_NUMBER_GROUP_SPACE, ' ' },
  };
  guint counts[G_N_ELEMENTS (groups)] = { 0 }, best = 0;
  char used = 0;

  for (guint c = 0; c < r->n_columns; c++)
    if (r->plans[c].kind == KIND_NUMBER)
      for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
        counts[i] += (cols[c].number_flags & groups[i].flag) != 0;
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (counts[i] > best)
      best = counts[i], used = groups[i].c;
  return used;
}

/* How a column's cells were read, for the report: "number", "%d/%m/%Y"… */
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

/* Whether the column's a/b/yyyy dates are day first: the values above 12
 * tell, else month first (as US files have it), with a warning either way
 * when the column could not tell; @guessed set when nothing told. */
static gboolean
slash_day_first (Plan     *plan,
                 ColState *st,
                 Warnings *warnings,
                 gboolean *guessed)
{
  if (st->max_a > 12 && st->max_b > 12)
    {
      /* Translators: %s is a column's name; the numbers are the largest first and second parts of its dates. */
      uc_csv_warn (warnings, N_("column “%s”: dates like %d/%d/… and …/%d/… cannot both be valid; read as day/month/year"),
                   plan->name, st->max_a, st->max_b, st->max_b);
      return TRUE;
    }
  if (st->max_a > 12)
    return TRUE;
  if (st->max_b > 12)
    return FALSE;
  *guessed = TRUE;
  /* Translators: %s is a column's name; %%d/%%m/%%Y is a date format as typed (%d/%m/%Y), keep it. */
  uc_csv_warn (warnings, N_("column “%s”: every date reads both as day/month and as month/day; read as month/day/year "
                            "(set the date format, e.g. %%d/%%m/%%Y, if that is wrong)"), plan->name);
  return FALSE;
}

/* Turns the y·10⁴ + a·10² + b values into dates once the order is known. */
static void
resolve_slash_dates (Plan     *plan,
                     ColState *st,
                     gsize     n_rows,
                     Warnings *warnings,
                     gboolean *guessed)
{
  gboolean day_first = slash_day_first (plan, st, warnings, guessed);
  guint invalid = 0;

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
  if (invalid > 0 && day_first)
    /* Translators: %s is a column's name. */
    uc_csv_warn_n (warnings, invalid, "column “%s”: %u date is not valid as day/month/year and was read as missing",
                   "column “%s”: %u dates are not valid as day/month/year and were read as missing", plan->name, invalid);
  else if (invalid > 0)
    /* Translators: %s is a column's name. */
    uc_csv_warn_n (warnings, invalid, "column “%s”: %u date is not valid as month/day/year and was read as missing",
                   "column “%s”: %u dates are not valid as month/day/year and were read as missing", plan->name, invalid);
}

/* The first bad cells of a column named, the others counted, and censored
 * values ("<1") said once. */
static void
warn_bad_cells (Plan     *plan,
                ColState *st,
                guint     field,
                Warnings *warnings)
{
  for (guint b = 0; b < MIN (st->n_bad, MAX_BAD_KEPT); b++)
    uc_csv_warn_cell (warnings, st->bad[b].line, st->bad[b].column, (guint) st->bad[b].row, field, st->bad[b].text,
                      st->bad[b].not_finite ?
                      /* Translators: a line and a column of the file, the cell's text, the column's name. Keep
                       * the cell's text first of the quoted ones and in “ ”: the import dialog looks for it there. */
                      N_("line %u, column %u: “%s” in column “%s” is not a finite number; read as missing") :
                      plan->kind == KIND_NUMBER ?
                      /* Translators: as above; keep the cell's text first, in “ ”. */
                      N_("line %u, column %u: “%s” in column “%s” is not a number; read as missing") :
                      plan->type == UC_COLUMN_DATETIME ?
                      /* Translators: as above; keep the cell's text first, in “ ”. */
                      N_("line %u, column %u: “%s” in column “%s” is not a date and time; read as missing") :
                      /* Translators: as above; keep the cell's text first, in “ ”. */
                      N_("line %u, column %u: “%s” in column “%s” is not a date; read as missing"),
                      st->bad[b].line, st->bad[b].column, st->bad[b].text, plan->name);
  if (st->n_bad > MAX_BAD_KEPT)
    /* Translators: %s is a column's name. */
    uc_csv_warn_n (warnings, st->n_bad - MAX_BAD_KEPT, "column “%s”: %u more bad cell was read as missing",
                   "column “%s”: %u more bad cells were read as missing", plan->name, st->n_bad - MAX_BAD_KEPT);
  if (st->n_censored > 0 && plan->kind == KIND_NUMBER)
    uc_csv_warn_n (warnings, st->n_censored,
                   /* Translators: a column's name, how many values, and one of them as the file has it (“<1”,
                    * “n/a”…). */
                   "column “%s”: %u value like “%s” (beyond what the source reports) read as missing",
                   "column “%s”: %u values like “%s” (beyond what the source reports) read as missing",
                   plan->name, st->n_censored, st->censored_example);
}

/* The column's array (and string table) handed to @dataset. */
static void
take_column (UcDataset *dataset,
             Plan      *plan,
             ColState  *st)
{
  guint index;

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

/* The columns in a new dataset of @n_rows rows (those not asked for, and
 * nameless empty ones, left out), their formats in @report. */
UcDataset *
uc_csv_columns_to_dataset (Reader      *r,
                           ColState    *cols,
                           gsize        n_rows,
                           UcCsvReport *report,
                           Warnings    *warnings)
{
  UcDataset *dataset = uc_dataset_new (r->in.name, (guint) n_rows);

  report->formats = g_ptr_array_new_with_free_func (g_free);
  report->thousands = thousands_used (r, cols);
  for (guint c = 0; c < r->n_columns; c++)
    {
      Plan *plan = &r->plans[c];
      ColState *st = &cols[c];

      if (plan->kind == KIND_SKIP)
        continue;

      if (plan->kind == KIND_DATE_SLASH)
        resolve_slash_dates (plan, st, n_rows, warnings, &report->day_month_guessed);
      warn_bad_cells (plan, st, uc_dataset_get_n_columns (dataset), warnings);

      /* A nameless column with nothing in it is a trailing delimiter. */
      if (plan->unnamed && plan->kind == KIND_TEXT && uc_string_table_size (st->table) == 0)
        {
          uc_csv_warn (warnings, N_("column %u has no name and no values; dropped"), c + 1);
          continue;
        }

      g_ptr_array_add (report->formats, describe_format (plan, st, r->decimal, r->date_pattern));
      take_column (dataset, plan, st);
    }
  return dataset;
}
