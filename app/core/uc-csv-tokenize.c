/* uc-csv-tokenize.c: the field and row scanner
 *
 * Rows are read in place: a Cell points into the input, its quotes resolved
 * only when its text is asked for (uc_csv_cell_text). Quoted fields may span
 * lines; the scanner counts them so that messages name the right line.
 * Rows of quote-free chunks are read by uc-csv-convert.c's own loop instead.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <string.h>

void
uc_csv_input_init (Input      *in,
                   const char *name,
                   const char *data,
                   gsize       len,
                   char        delim,
                   char        quote,
                   gboolean    strict)
{
  in->name = name;
  in->data = data;
  in->len = len;
  in->delim = delim;
  in->quote = quote;
  in->strict = strict;
  memset (in->special, 0, sizeof in->special);
  in->special[(guchar) delim] = 1;
  in->special[(guchar) quote] = 1;
  in->special['\n'] = 1;
  in->special['\r'] = 1;
}

void
uc_csv_tok_init (Tok         *t,
                 const Input *in,
                 const char  *start,
                 const char  *end,
                 guint        line,
                 Warnings    *warnings)
{
  memset (t, 0, sizeof *t);
  t->in = in;
  t->pos = start;
  t->end = end;
  t->line = line;
  t->line_start = start;
  t->warnings = warnings;
}

static guint
column_at (Tok        *t,
           const char *at)
{
  return uc_csv_chars_between (t->line_start, at) + 1;
}

/* One record: its fields into @cells (at most @max), their count in
 * *n_fields. Blank lines before it are skipped.
 * Hot path (every row of a file with quotes; measured on a quoted csv-load file): kept whole. */
RowStatus
uc_csv_next_row (Tok     *t,
                 Cell    *cells,
                 guint    max,
                 guint   *n_fields,
                 GError **error)
{
  const Input *in = t->in;
  const char *p = t->pos, *end = t->end;
  const char delim = in->delim, quote = in->quote;
  guint n = 0;

  while (p < end && (*p == '\n' || *p == '\r'))
    p = uc_csv_eat_newline (t, p);
  if (p >= end)
    {
      t->pos = p;
      return ROW_END;
    }

  t->row_line = t->line;
  t->row_line_start = t->line_start;
  t->extra_nonempty = FALSE;
  t->extra_at = NULL;

  for (;;)
    {
      Cell c;

      if (p < end && *p == quote)
        {
          const char *open = p, *s = p + 1;
          gboolean escaped = FALSE;

          p = s;
          for (;;)
            {
              const char *q = memchr (p, quote, end - p);

              if (q == NULL)
                {
                  if (error)
                    uc_csv_set_error_at (in, open, error, UC_CSV_ERROR_UNTERMINATED_QUOTE,
                                         _("quoted field is never closed"));
                  t->pos = end;
                  return ROW_ERROR;
                }
              uc_csv_count_lines (t, p, q);
              if (q + 1 < end && q[1] == quote)
                {
                  escaped = TRUE;
                  p = q + 2;
                  continue;
                }
              p = q + 1;
              break;
            }
          c.p = s;
          c.len = (guint32) MIN ((gsize) (p - 1 - s), G_MAXUINT32);
          c.flags = CELL_QUOTED | (escaped ? CELL_ESCAPED : 0);

          if (p < end && *p != delim && *p != '\n' && *p != '\r')
            {
              if (in->strict)
                {
                  if (error)
                    uc_csv_set_error_at (in, p, error, UC_CSV_ERROR_BAD_QUOTE,
                                         _("unexpected text after the closing quote"));
                  return ROW_ERROR;
                }
              if (t->warnings)
                uc_csv_warn (t->warnings, N_("line %u, column %u: text after a closing quote; read as part of the field"),
                             t->line, column_at (t, p));
              while (p < end && *p != delim && *p != '\n' && *p != '\r')
                p++;
              c.p = open;
              c.len = (guint32) MIN ((gsize) (p - open), G_MAXUINT32);
              c.flags = CELL_MESSY;
            }
          if ((gsize) (p - s) > G_MAXUINT32)
            {
              if (error)
                uc_csv_set_error_at (in, open, error, UC_CSV_ERROR_TOO_LARGE, _("field is larger than 4 GB"));
              return ROW_ERROR;
            }
        }
      else
        {
          const char *s = p;

          for (;;)
            {
              while (p < end && !in->special[(guchar) *p])
                p++;
              if (p < end && *p == quote)
                {
                  if (in->strict)
                    {
                      if (error)
                        uc_csv_set_error_at (in, p, error, UC_CSV_ERROR_BAD_QUOTE,
                                             _("quote inside an unquoted field (quote the whole field and double the quote)"));
                      return ROW_ERROR;
                    }
                  if (t->warnings)
                    uc_csv_warn (t->warnings, N_("line %u, column %u: quote inside an unquoted field; read literally"),
                                 t->line, column_at (t, p));
                  p++;
                  continue;
                }
              break;
            }
          if ((gsize) (p - s) > G_MAXUINT32)
            {
              if (error)
                uc_csv_set_error_at (in, s, error, UC_CSV_ERROR_TOO_LARGE, _("field is larger than 4 GB"));
              return ROW_ERROR;
            }
          c.p = s;
          c.len = (guint32) (p - s);
          c.flags = 0;
        }

      if (n < max)
        cells[n] = c;
      else
        {
          if (n == max)
            t->extra_at = c.flags & (CELL_QUOTED | CELL_MESSY) && c.flags != CELL_MESSY ? c.p - 1 : c.p;
          if (c.len > 0)
            t->extra_nonempty = TRUE;
        }
      n += n < G_MAXUINT;   /* saturates: a count past any width is refused later */

      if (p < end && *p == delim)
        {
          p++;
          continue;
        }
      t->row_end = p;
      if (p < end)
        p = uc_csv_eat_newline (t, p);
      break;
    }

  t->pos = p;
  *n_fields = n;
  return ROW_OK;
}

/* The cell's text with quotes resolved; points into @scratch if it had to change. */
const char *
uc_csv_cell_text (const Input *in,
                  const Cell  *c,
                  GString     *scratch,
                  gsize       *len)
{
  if (!(c->flags & (CELL_ESCAPED | CELL_MESSY)))
    {
      *len = c->len;
      return c->p;
    }

  g_string_truncate (scratch, 0);
  if (c->flags & CELL_ESCAPED)
    {
      for (gsize i = 0; i < c->len; i++)
        {
          g_string_append_c (scratch, c->p[i]);
          if (c->p[i] == in->quote && i + 1 < c->len && c->p[i + 1] == in->quote)
            i++;
        }
    }
  else
    {
      gboolean inside = FALSE;

      for (gsize i = 0; i < c->len; i++)
        {
          if (c->p[i] == in->quote)
            {
              if (inside && i + 1 < c->len && c->p[i + 1] == in->quote)
                g_string_append_c (scratch, c->p[i++]);
              else
                inside = !inside;
            }
          else
            g_string_append_c (scratch, c->p[i]);
        }
    }
  *len = scratch->len;
  return scratch->str;
}

