/* uc-feed-rows.c: rows a source gave, in the columns of the dataset it feeds */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-feed-rows.h"

#include <stdarg.h>
#include <string.h>

#include "uc-net-error.h"
#include "uc-time.h"

UcFeedRows *
uc_feed_rows_new (const char * const *header)
{
  UcFeedRows *rows = g_new0 (UcFeedRows, 1);

  rows->header = g_strdupv ((char **) header);
  rows->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return rows;
}

void
uc_feed_rows_free (UcFeedRows *rows)
{
  g_strfreev (rows->header);
  g_ptr_array_unref (rows->rows);
  g_free (rows);
}

/* Takes @cells; a row shorter than the header is padded with empty cells. */
void
uc_feed_rows_add_strv (UcFeedRows *rows,
                       GStrv       cells)
{
  guint width = g_strv_length (rows->header), n = g_strv_length (cells);

  if (n != width)
    {
      cells = g_renew (char *, cells, width + 1);
      for (guint i = n; i < width; i++)
        cells[i] = g_strdup ("");
      for (guint i = width; i < n; i++)
        g_free (cells[i]);
      cells[width] = NULL;
    }
  g_ptr_array_add (rows->rows, cells);
}

/* One row, its cells in the header's order (NULL for an empty cell is
 * not possible: pass ""). */
void
uc_feed_rows_add (UcFeedRows *rows,
                  ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;
  const char *cell;

  va_start (args, rows);
  while ((cell = va_arg (args, const char *)))
    g_strv_builder_add (builder, cell);
  va_end (args);
  uc_feed_rows_add_strv (rows, g_strv_builder_end (builder));
}

/* The cell of @row (a row of @rows) under @name; "" when there is no such column. */
const char *
uc_feed_rows_cell (const UcFeedRows *rows,
                   char            **row,
                   const char       *name)
{
  int at = uc_feed_rows_column (rows, name);

  return at >= 0 ? row[at] : "";
}

/* @row of @from added, its cells matched to @rows' columns by name. */
static void
add_matched (UcFeedRows       *rows,
             const UcFeedRows *from,
             char            **row)
{
  guint width = g_strv_length (rows->header);
  char **cells = g_new0 (char *, width + 1);

  for (guint c = 0; c < width; c++)
    cells[c] = g_strdup (uc_feed_rows_cell (from, row, rows->header[c]));
  g_ptr_array_add (rows->rows, cells);
}

/* Adds @more's rows, matched by column name. */
void
uc_feed_rows_extend (UcFeedRows       *rows,
                     const UcFeedRows *more)
{
  for (guint r = 0; r < more->rows->len; r++)
    add_matched (rows, more, g_ptr_array_index (more->rows, r));
  rows->skipped += more->skipped;
}

int
uc_feed_rows_column (const UcFeedRows *rows,
                     const char       *name)
{
  for (guint c = 0; rows->header[c]; c++)
    if (g_str_equal (rows->header[c], name))
      return c;
  return -1;
}

/* The first column of ISO dates ("2026-01-05"), by its first row. */
static int
date_column (const UcFeedRows *rows)
{
  char **first = rows->rows->len ? g_ptr_array_index (rows->rows, 0) : NULL;
  UcTime t;

  for (guint c = 0; first && rows->header[c]; c++)
    if (strlen (first[c]) == 10 && uc_time_parse_date (first[c], 10, &t))
      return c;
  return -1;
}

/* The newest of the dates in the first column whose name ends in "date"
 * (or, in a table of someone else's, the first column of dates). */
char *
uc_feed_rows_last_date (const UcFeedRows *rows)
{
  const char *last = NULL;
  int column = -1;

  for (guint c = 0; rows->header[c] && column < 0; c++)
    if (g_str_has_suffix (rows->header[c], "date"))
      column = c;
  if (column < 0)
    column = date_column (rows);
  for (guint r = 0; column >= 0 && r < rows->rows->len; r++)
    {
      const char *cell = ((char **) g_ptr_array_index (rows->rows, r))[column];

      if (*cell && g_strcmp0 (cell, last) > 0)
        last = cell;
    }
  return g_strdup (last);
}

void
uc_feed_csv_append_cell (GString    *out,
                         const char *cell)
{
  if (cell[strcspn (cell, ",\"\r\n")] == '\0')
    {
      g_string_append (out, cell);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = cell; *c; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString    *out,
            char      **cells)
{
  for (guint c = 0; cells[c]; c++)
    {
      if (c)
        g_string_append_c (out, ',');
      uc_feed_csv_append_cell (out, cells[c]);
    }
  g_string_append_c (out, '\n');
}

GBytes *
uc_feed_rows_to_csv (const UcFeedRows *rows)
{
  GString *out = g_string_new (NULL);

  append_row (out, rows->header);
  for (guint r = 0; r < rows->rows->len; r++)
    append_row (out, g_ptr_array_index (rows->rows, r));
  return g_string_free_to_bytes (out);
}

/* One record of a CSV of ours: quoted cells may hold commas, quotes and
 * line breaks. Returns the cells and moves *at past the record. */
static GStrv
next_record (const char **at,
             const char  *end)
{
  g_autoptr(GStrvBuilder) cells = g_strv_builder_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = *at;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (quoted && *p == '"' && p + 1 < end && p[1] == '"')
        g_string_append_c (cell, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && (*p == ',' || *p == '\n'))
        {
          g_strv_builder_add (cells, cell->str);
          g_string_truncate (cell, 0);
          if (*p == '\n')
            break;
        }
      else
        g_string_append_c (cell, *p);
    }
  if (p >= end && (cell->len || p > *at))
    g_strv_builder_add (cells, cell->str);
  *at = p < end ? p + 1 : end;
  return g_strv_builder_end (cells);
}

UcFeedRows *
uc_feed_rows_from_csv (GBytes      *csv,
                       const char  *where,
                       GError     **error)
{
  gsize length;
  const char *at = g_bytes_get_data (csv, &length), *end = at + length;
  g_auto(GStrv) header = NULL;
  g_autoptr(UcFeedRows) rows = NULL;

  if (at == NULL || length == 0 || !g_utf8_validate (at, length, NULL))
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: empty or not UTF-8"), where);
      return NULL;
    }
  header = next_record (&at, end);
  rows = uc_feed_rows_new ((const char * const *) header);
  while (at < end)
    {
      GStrv cells = next_record (&at, end);

      if (g_strv_length (cells) != g_strv_length (header))
        {
          guint n_cells = g_strv_length (cells);

          g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA,
                       /* Translators: a file's name, a row's number, its number of cells, then the header's. */
                       g_dngettext (GETTEXT_PACKAGE, "%s: row %u has %u cell, the header %u",
                                    "%s: row %u has %u cells, the header %u", n_cells),
                       where, rows->rows->len + 2, n_cells, g_strv_length (header));
          g_strfreev (cells);
          return NULL;
        }
      g_ptr_array_add (rows->rows, cells);
    }
  return g_steal_pointer (&rows);
}

static char *
key_of (const UcFeedRows *rows,
        char            **row,
        const char * const *columns)
{
  GString *key = g_string_new (NULL);

  for (guint k = 0; columns[k]; k++)
    {
      g_string_append (key, uc_feed_rows_cell (rows, row, columns[k]));
      g_string_append_c (key, '\x1f');
    }
  return g_string_free (key, FALSE);
}

/* A source that keeps no history (today's prices only) builds one: the
 * rows of @today whose @values differ from the last observation of their
 * @keys in @history are added to it. Observations that repeat the last
 * one add nothing: a row says from when a price was seen. */
guint
uc_feed_rows_observe (UcFeedRows          *history,
                      const UcFeedRows    *today,
                      const char * const  *keys,
                      const char * const  *values)
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint before = history->rows->len;

  for (guint r = 0; r < history->rows->len; r++)
    {
      char **row = g_ptr_array_index (history->rows, r);

      g_hash_table_replace (last, key_of (history, row, keys), key_of (history, row, values));
    }
  for (guint r = 0; r < today->rows->len; r++)
    {
      char **row = g_ptr_array_index (today->rows, r);
      g_autofree char *key = key_of (today, row, keys);
      g_autofree char *value = key_of (today, row, values);

      if (g_strcmp0 (g_hash_table_lookup (last, key), value) == 0)
        continue;
      g_hash_table_replace (last, g_steal_pointer (&key), g_steal_pointer (&value));
      add_matched (history, today, row);
    }
  return history->rows->len - before;
}

/* A column more, empty in the rows there are. */
void
uc_feed_rows_add_column (UcFeedRows *rows,
                         const char *name)
{
  guint width = g_strv_length (rows->header);

  if (uc_feed_rows_column (rows, name) >= 0)
    return;
  rows->header = g_renew (char *, rows->header, width + 2);
  rows->header[width] = g_strdup (name);
  rows->header[width + 1] = NULL;
  for (guint r = 0; r < rows->rows->len; r++)
    {
      char **cells = g_renew (char *, g_ptr_array_index (rows->rows, r), width + 2);

      cells[width] = g_strdup ("");
      cells[width + 1] = NULL;
      g_ptr_array_index (rows->rows, r) = cells;
    }
}
