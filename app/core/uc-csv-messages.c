/* uc-csv-messages.c: where a byte of the input is, and what the reader says
 * about it
 *
 * Positions in messages are 1-based lines and characters, as an editor
 * shows: errors name the line and column they stop at; warnings are
 * counted, and the first MAX_KEPT_WARNINGS kept.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#define MAX_KEPT_WARNINGS  25

guint
uc_csv_chars_between (const char *from,
                      const char *to)
{
  guint n = 0;

  for (const char *p = from; p < to; p++)
    n += ((guchar) *p & 0xC0) != 0x80;
  return n;
}

/* Line and column of any byte, by counting from the start (error paths only). */
void
uc_csv_locate (const Input *in,
               const char  *at,
               guint       *line,
               guint       *column)
{
  const char *line_start = in->data;
  guint l = 1;

  for (const char *p = in->data; p < at; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= in->data + in->len || p[1] != '\n')))
      {
        l++;
        line_start = p + 1;
      }
  *line = l;
  *column = uc_csv_chars_between (line_start, at) + 1;
}

void
uc_csv_cursor_init (Cursor      *cur,
                    const Input *in)
{
  cur->in = in;
  cur->pos = in->data;
  cur->line = 1;
  cur->column = 1;
}

void
uc_csv_cursor_locate (Cursor     *cur,
                      const char *at,
                      guint      *line,
                      guint      *column)
{
  const char *end = cur->in->data + cur->in->len;

  if (at < cur->pos)
    {
      uc_csv_locate (cur->in, at, &cur->line, &cur->column);
      cur->pos = at;
    }
  for (const char *p = cur->pos; p < at; p++)
    if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
      {
        cur->line++;
        cur->column = 1;
      }
    else
      cur->column += ((guchar) *p & 0xC0) != 0x80;
  cur->pos = at;
  *line = cur->line;
  *column = cur->column;
}

void
uc_csv_set_error_at (const Input *in,
                     const char  *at,
                     GError     **error,
                     UcCsvError   code,
                     const char  *format,
                     ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  uc_csv_locate (in, at, &line, &column);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Translators: a file's name, the line and column where reading stopped, and what was wrong there. */
  g_set_error (error, UC_CSV_ERROR, code, _("%s: line %u, column %u: %s"), in->name, line, column, message);
}

static gboolean
warn_valist (Warnings   *w,
             gulong      n,
             const char *singular,
             const char *format,
             va_list     args) G_GNUC_PRINTF (4, 0);

/* Counted, and kept while there is room: TRUE if kept. Translated only
 * when kept: @format alone, or @singular and @format as the forms for @n. */
static gboolean
warn_valist (Warnings   *w,
             gulong      n,
             const char *singular,
             const char *format,
             va_list     args)
{
  w->count++;
  if (w->kept == NULL)
    w->kept = g_ptr_array_new_with_free_func (g_free);
  if (w->kept->len >= MAX_KEPT_WARNINGS)
    return FALSE;
  g_ptr_array_add (w->kept, g_strdup_vprintf (singular ? g_dngettext (GETTEXT_PACKAGE, singular, format, n)
                                                       : _(format), args));
  return TRUE;
}

void
uc_csv_warn (Warnings   *w,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  warn_valist (w, 0, NULL, format, args);
  va_end (args);
}

/* A warning with a count, in the form for @n (uc_csv_warn_n is a
 * keyword of the message catalogue, as ngettext is). */
void
uc_csv_warn_n (Warnings   *w,
               gulong      n,
               const char *singular,
               const char *plural,
               ...)
{
  va_list args;

  va_start (args, plural);
  warn_valist (w, n, singular, plural, args);
  va_end (args);
}

static void
cell_warning_clear (gpointer data)
{
  g_free (((UcCsvCellWarning *) data)->text);
}

static GArray *
cell_warnings_new (void)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (UcCsvCellWarning));

  g_array_set_clear_func (cells, cell_warning_clear);
  return cells;
}

/* A warning about one cell, its place and @text kept beside it for those
 * who show the cell (the import dialog highlights it) or name it again:
 * the warning itself is in the user's language. */
void
uc_csv_warn_cell (Warnings   *w,
                  guint       line,
                  guint       column,
                  guint       row,
                  guint       field,
                  const char *text,
                  const char *format,
                  ...)
{
  va_list args;
  gboolean kept;

  va_start (args, format);
  kept = warn_valist (w, 0, NULL, format, args);
  va_end (args);
  if (kept)
    {
      UcCsvCellWarning cell = { w->kept->len - 1, line, column, row, field, g_strdup (text) };

      if (w->cells == NULL)
        w->cells = cell_warnings_new ();
      g_array_append_val (w->cells, cell);
    }
}

void
uc_csv_warnings_clear (Warnings *w)
{
  g_clear_pointer (&w->kept, g_ptr_array_unref);
  g_clear_pointer (&w->cells, g_array_unref);
  w->count = 0;
}

void
uc_csv_warnings_append (Warnings *to,
                        Warnings *from)
{
  guint base = to->kept ? to->kept->len : 0;

  for (guint i = 0; from->kept && i < from->kept->len; i++)
    {
      if (to->kept == NULL)
        to->kept = g_ptr_array_new_with_free_func (g_free);
      if (to->kept->len < MAX_KEPT_WARNINGS)
        g_ptr_array_add (to->kept, g_strdup (g_ptr_array_index (from->kept, i)));
    }
  for (guint i = 0; from->cells && i < from->cells->len; i++)
    {
      UcCsvCellWarning cell = g_array_index (from->cells, UcCsvCellWarning, i);

      cell.warning += base;
      if (cell.warning >= to->kept->len)
        break;
      cell.text = g_strdup (cell.text);
      if (to->cells == NULL)
        to->cells = cell_warnings_new ();
      g_array_append_val (to->cells, cell);
    }
  to->count += from->count;
}

/* Shortened cell text for messages. */
char *
uc_csv_excerpt (const char *text,
                gsize       len)
{
  const char *end = text + MIN (len, 40);

  while (end > text && end < text + len && ((guchar) *end & 0xC0) == 0x80)
    end--;
  return g_strdup_printf ("%.*s%s", (int) (end - text), text, (gsize) (end - text) < len ? "…" : "");
}

