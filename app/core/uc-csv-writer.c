/* uc-csv-writer.c: a dataset's rows written as CSV
 *
 * Numbers are written as short as reads back exactly, with a point and no
 * thousands separators; dates as ISO dates at the precision they were read
 * (2025, 2025-Q1, 2025-01, 2025-01-27) and instants with their time in UTC,
 * so the reader infers the same types and gets the same values. A missing
 * cell is an empty field.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-writer.h"

#include <math.h>
#include <string.h>

#include "uc-json-writer.h"
#include "uc-parse.h"
#include "uc-safe-file.h"

/* Written in pieces of about this size, so a million rows never sit in
 * memory as one string. */
#define CHUNK_SIZE (256 * 1024)

typedef gboolean (*WriteFunc) (gconstpointer data, gsize length, gpointer user_data, GError **error);

/* OWASP's advice for CSV injection: a cell a spreadsheet would take for a
 * formula gets a leading apostrophe, which spreadsheets show as text. */
static gboolean
is_formula (const char *text)
{
  return text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL;
}

void
uc_csv_append_text (GString    *out,
                    const char *text)
{
  gboolean formula = is_formula (text);
  gsize len = strlen (text);
  /* Quoted when the field holds what ends it, another delimiter (which
   * could mislead the reader's guess), or spaces at its ends that a
   * reader trims from a bare field. */
  gboolean quote = strpbrk (text, ",;|\t\"\r\n") != NULL ||
                   (len > 0 && (text[0] == ' ' || text[len - 1] == ' '));

  if (!quote && !formula)
    {
      g_string_append_len (out, text, len);
      return;
    }
  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* Whether @text, written bare, would be read as something else than
 * this text: a formula a spreadsheet runs, a number, a date, a missing
 * value ("NA"), or a text that itself looks marked. */
static gboolean
needs_mark (const char *text)
{
  gsize len = strlen (text);
  double value;

  if (is_formula (text) || uc_is_missing (text, len) || uc_date_formats_matching (text, len) != 0 ||
      uc_is_compact_date (text, len) || uc_parse_number (text, len, '.', 0, TRUE, &value, NULL) ||
      uc_parse_number (text, len, ',', 0, TRUE, &value, NULL))
    return TRUE;
  return text[0] == '\'' && needs_mark (text + 1);
}

void
uc_csv_append_marked_text (GString    *out,
                           const char *text)
{
  g_autofree char *marked = NULL;

  /* uc_csv_append_text() marks formulas itself. */
  if (is_formula (text) || !needs_mark (text))
    {
      uc_csv_append_text (out, text);
      return;
    }
  marked = g_strconcat ("'", text, NULL);
  uc_csv_append_text (out, marked);
}

const char *
uc_csv_unmark_text (const char *text)
{
  if (text && text[0] == '\'' && needs_mark (text + 1))
    return text + 1;
  return text;
}

static void
append_number (GString *out,
               double   value)
{
  g_autofree char *text = NULL;

  if (isnan (value))
    return;
  /* Beyond a double's range: what the reader reads as infinite again. */
  if (isinf (value))
    {
      g_string_append (out, value > 0 ? "1e999" : "-1e999");
      return;
    }
  text = uc_format_double_shortest (value);
  g_string_append (out, text);
}

static void
append_cell (GString   *out,
             UcDataset *dataset,
             guint      column,
             guint      row)
{
  g_autofree char *text = NULL;

  switch (uc_dataset_get_column_type (dataset, column))
    {
    case UC_COLUMN_NUMBER:
      append_number (out, uc_dataset_get_numbers (dataset, column)[row]);
      break;
    case UC_COLUMN_TEXT:
      if (uc_dataset_get_text (dataset, column, row) != NULL)
        uc_csv_append_text (out, uc_dataset_get_text (dataset, column, row));
      break;
    case UC_COLUMN_DATE:
    case UC_COLUMN_DATETIME:
    default:
      /* Dates and times hold no delimiter, quote or formula sign. */
      text = uc_dataset_format_cell (dataset, column, row);
      if (text != NULL)
        g_string_append (out, text);
      break;
    }
}

static gboolean
write_all (UcDataset    *dataset,
           const guint  *rows,
           guint         n_rows,
           WriteFunc     write,
           gpointer      user_data,
           GCancellable *cancellable,
           GError      **error)
{
  g_autoptr(GString) out = g_string_sized_new (CHUNK_SIZE + 4096);
  guint n_columns = uc_dataset_get_n_columns (dataset);
  guint n_total = uc_dataset_get_n_rows (dataset);

  if (rows == NULL)
    n_rows = n_total;
  for (guint c = 0; c < n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      uc_csv_append_text (out, uc_dataset_get_column_name (dataset, c));
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n_rows; i++)
    {
      guint row = rows ? rows[i] : i;

      if (row >= n_total)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       /* Translators: a row's number, the number of rows, and the table's name. */
                       g_dngettext (GETTEXT_PACKAGE, "row %u is past the %u row of %s", "row %u is past the %u rows of %s",
                                    n_total), row, n_total, uc_dataset_get_name (dataset));
          return FALSE;
        }
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_cell (out, dataset, c, row);
        }
      g_string_append_c (out, '\n');
      if (out->len >= CHUNK_SIZE)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
              !write (out->str, out->len, user_data, error))
            return FALSE;
          g_string_truncate (out, 0);
        }
    }
  return out->len == 0 || write (out->str, out->len, user_data, error);
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
} StreamTarget;

static gboolean
write_stream (gconstpointer data,
              gsize         length,
              gpointer      user_data,
              GError      **error)
{
  StreamTarget *target = user_data;

  return g_output_stream_write_all (target->out, data, length, NULL, target->cancellable, error);
}

gboolean
uc_csv_write_rows (UcDataset     *dataset,
                   const guint   *rows,
                   guint          n_rows,
                   GOutputStream *out,
                   GCancellable  *cancellable,
                   GError       **error)
{
  StreamTarget target = { out, cancellable };

  g_return_val_if_fail (UC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  return write_all (dataset, rows, n_rows, write_stream, &target, cancellable, error);
}

static gboolean
write_safe_file (gconstpointer data,
                 gsize         length,
                 gpointer      user_data,
                 GError      **error)
{
  return uc_safe_file_write (user_data, data, length, error);
}

gboolean
uc_csv_save_rows (UcDataset   *dataset,
                  const guint *rows,
                  guint        n_rows,
                  const char  *path,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(UcSafeFile) file = NULL;

  g_return_val_if_fail (UC_IS_DATASET (dataset), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  file = uc_safe_file_new (path, name, error);
  return file != NULL &&
         write_all (dataset, rows, n_rows, write_safe_file, file, NULL, error) &&
         uc_safe_file_commit (file, error);
}
