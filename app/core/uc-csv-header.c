/* uc-csv-header.c: the columns' names
 *
 * The header row is counted, then read; a units line under it is joined
 * on ("Price (USD)"); blank names become "column N" and repeated ones get
 * a suffix ("close_2"), each said in a warning (or refused when strict).
 * Names are found again through a hash seeded at random, so that no file
 * can make renaming or --columns slow.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <string.h>

#define MAX_COLUMNS        (1u << 21)   /* 2,097,152: far past any spreadsheet, and a bound on memory */

static guint64
name_hash (const char *s,
           guint64     seed)
{
  gsize len = strlen (s);
  guint64 h = seed ^ len;

  for (; len >= 8; s += 8, len -= 8)
    {
      guint64 w;

      memcpy (&w, s, 8);
      h = (h ^ w) * 0x9E3779B97F4A7C15ull;
      h ^= h >> 29;
    }
  if (len > 0)
    {
      guint64 w = 0;

      memcpy (&w, s, len);
      h = (h ^ w) * 0x9E3779B97F4A7C15ull;
    }
  h = (h ^ (h >> 31)) * 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 32);
}

/* The slot of @name in the name hash: where it is, or where it would go. */
static guint64 *
name_slot (Reader     *r,
           const char *name)
{
  guint64 h = name_hash (name, r->names_seed);
  guint32 i = (guint32) h & r->names_mask;

  h &= G_GUINT64_CONSTANT (0xFFFFFFFF00000000);
  for (;; i = (i + 1) & r->names_mask)
    {
      guint64 v = r->names[i];

      if (v == 0)
        {
          r->names[i] = h;   /* claimed; the caller sets the index */
          return &r->names[i];
        }
      if ((v & G_GUINT64_CONSTANT (0xFFFFFFFF00000000)) == h && (guint32) v != 0 &&
          strcmp (r->plans[(guint32) v - 1].name, name) == 0)
        return &r->names[i];
    }
}

/* Index of the column called @name, or -1. */
int
uc_csv_find_name (Reader     *r,
                  const char *name)
{
  guint64 *slot = name_slot (r, name);
  int found = (int) (guint32) *slot - 1;

  if (found < 0)
    *slot = 0;
  return found;
}

/* The header row's cells, and a plan for each column; @t is left after
 * the row. Counted first, then read: a header can be wide (World Bank:
 * 60+ years). */
static Cell *
header_cells (Reader   *r,
              Sniff    *sniff,
              Tok      *t,
              GError  **error)
{
  const char *end = r->in.data + r->in.len;
  g_autofree Cell *cells = NULL;
  guint n_fields = 0;

  uc_csv_tok_init (t, &r->in, sniff->header, end, sniff->header_line, NULL);
  if (uc_csv_next_row (t, NULL, 0, &n_fields, error) != ROW_OK)
    {
      if (error && *error == NULL)
        g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY,
                     /* Translators: %s is a file's name. */
                     _("%s: line 1, column 1: the file is empty (expected a header row)"), r->in.name);
      return NULL;
    }
  if (n_fields > MAX_COLUMNS)
    {
      uc_csv_set_error_at (&r->in, sniff->header, error, UC_CSV_ERROR_TOO_LARGE,
                           _("the header has more than %u columns"), MAX_COLUMNS);
      return NULL;
    }
  cells = g_try_new (Cell, n_fields);
  r->plans = g_try_new0 (Plan, n_fields);
  if (cells == NULL || r->plans == NULL)
    {
      uc_csv_set_error_at (&r->in, sniff->header, error, UC_CSV_ERROR_TOO_LARGE,
                           g_dngettext (GETTEXT_PACKAGE, "not enough memory for %u column",
                                        "not enough memory for %u columns", n_fields), n_fields);
      return NULL;
    }
  r->n_columns = n_fields;
  uc_csv_tok_init (t, &r->in, sniff->header, end, sniff->header_line, NULL);
  uc_csv_next_row (t, cells, n_fields, &n_fields, error);
  return g_steal_pointer (&cells);
}

/* The units line under the names, @n_fields cells (a short one leaves the
 * rest of its cells empty); NULL when it cannot be read. */
static Cell *
read_units (Tok   *t,
            guint  n_fields)
{
  Cell *units = g_try_new0 (Cell, n_fields);
  guint n_units = 0;

  if (units && uc_csv_next_row (t, units, n_fields, &n_units, NULL) != ROW_OK)
    g_clear_pointer (&units, g_free);
  for (guint c = n_units; units && c < n_fields; c++)
    units[c].len = 0, units[c].flags = 0, units[c].p = "";
  return units;
}

/* Names are checked against a hash of those taken so far, and each
 * repeated name remembers the next suffix to try: renaming stays linear
 * even when names collide with the suffixed ones. */
static gboolean
names_init (Reader   *r,
            Sniff    *sniff,
            GError  **error)
{
  r->names_seed = ((guint64) g_random_int () << 32) | g_random_int ();
  r->names_mask = 15;
  while (r->names_mask / 2 < r->n_columns)
    r->names_mask = r->names_mask * 2 + 1;
  r->names = g_try_new0 (guint64, (gsize) r->names_mask + 1);
  if (r->names == NULL)
    {
      uc_csv_set_error_at (&r->in, sniff->header, error, UC_CSV_ERROR_TOO_LARGE,
                           g_dngettext (GETTEXT_PACKAGE, "not enough memory for %u column",
                                        "not enough memory for %u columns", r->n_columns), r->n_columns);
      return FALSE;
    }
  return TRUE;
}

/* The name in @cell, stripped, with the unit in @ucell (if any) joined on. */
static char *
cell_name (Reader     *r,
           const Cell *cell,
           const Cell *ucell,
           GString    *scratch)
{
  gsize len;
  const char *text = uc_csv_cell_text (&r->in, cell, scratch, &len);
  char *name = g_strstrip (g_strndup (text, len));
  g_autofree char *unit = NULL;

  if (ucell == NULL)
    return name;
  text = uc_csv_cell_text (&r->in, ucell, scratch, &len);
  unit = g_strstrip (g_strndup (text, len));
  if (unit[0] != '\0')
    {
      char *joined = name[0] ? g_strdup_printf ("%s (%s)", name, unit) : g_strdup (unit);

      g_free (name);
      name = joined;
    }
  return name;
}

/* @name (taken) is already a column's, the one *slot holds: the first free
 * "name_N" instead, its slot in *slot. NULL (and @name freed) when strict. */
static char *
rename_repeat (Reader      *r,
               char        *name,
               guint64    **slot,
               const Cell  *cell,
               Cursor      *cursor,
               Warnings    *warnings,
               GError     **error)
{
  Plan *first = &r->plans[(guint32) **slot - 1];
  char *renamed;
  guint suffix, line, column;

  if (r->in.strict)
    {
      uc_csv_set_error_at (&r->in, cell->p, error, UC_CSV_ERROR_HEADER,
                           /* Translators: %s is a column's name. */
                           _("column name “%s” appears twice in the header"), name);
      g_free (name);
      return NULL;
    }
  /* The first column of that name remembers the next suffix to
   * try: those below it are all taken, and stay so. */
  for (suffix = MAX (first->next_suffix, 2);; suffix++)
    {
      renamed = g_strdup_printf ("%s_%u", name, suffix);
      *slot = name_slot (r, renamed);
      if ((guint32) **slot == 0)
        break;
      g_free (renamed);
    }
  first->next_suffix = suffix + 1;
  uc_csv_cursor_locate (cursor, cell->p, &line, &column);
  /* Translators: a line and column of the file, a column's name, and the name it is given instead. */
  uc_csv_warn (warnings, N_("line %u, column %u: column name “%s” appears twice; this one is called “%s”"),
               line, column, name, renamed);
  g_free (name);
  return renamed;
}

/* Column @c named: blank names numbered, repeated ones suffixed. */
static gboolean
name_column (Reader      *r,
             guint        c,
             const Cell  *cell,
             const Cell  *ucell,
             GString     *scratch,
             Cursor      *cursor,
             Warnings    *warnings,
             GError     **error)
{
  char *name = cell_name (r, cell, ucell, scratch);
  guint64 *slot;

  if (name[0] == '\0')
    {
      if (r->in.strict)
        {
          uc_csv_set_error_at (&r->in, cell->p, error, UC_CSV_ERROR_HEADER,
                               _("column %u has no name in the header"), c + 1);
          g_free (name);
          return FALSE;
        }
      g_free (name);
      name = g_strdup_printf ("column %u", c + 1);
      r->plans[c].unnamed = TRUE;
    }
  slot = name_slot (r, name);
  if ((guint32) *slot != 0)
    {
      name = rename_repeat (r, name, &slot, cell, cursor, warnings, error);
      if (name == NULL)
        return FALSE;
    }
  *slot |= c + 1;
  r->plans[c].name = name;
  return TRUE;
}

/* The header row (and units line) at @sniff read into the columns' plans;
 * the body starts after them. */
gboolean
uc_csv_read_header (Reader   *r,
                    Sniff    *sniff,
                    Warnings *warnings,
                    GError  **error)
{
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autofree Cell *cells = NULL;
  g_autofree Cell *units = NULL;
  Cursor cursor;
  Tok t;

  cells = header_cells (r, sniff, &t, error);
  if (cells == NULL)
    return FALSE;
  /* A units line under the names: read it too, the body starts after it. */
  if (sniff->units)
    units = read_units (&t, r->n_columns);

  r->body = t.pos;
  r->body_line = t.line;

  if (!names_init (r, sniff, error))
    return FALSE;
  uc_csv_cursor_init (&cursor, &r->in);
  for (guint c = 0; c < r->n_columns; c++)
    if (!name_column (r, c, &cells[c], units ? &units[c] : NULL, scratch, &cursor, warnings, error))
      return FALSE;
  return TRUE;
}
