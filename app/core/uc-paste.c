/* uc-paste.c: a table pasted from the clipboard, kept as a file */
#include "config.h"

#include <glib/gi18n.h>

#include <errno.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-csv.h"
#include "uc-paste.h"
#include "uc-safe-file.h"

/* Where pasted tables are kept until (and after) their import. */
char *
uc_paste_default_dir (void)
{
  return uc_catalog_data_dir ("pasted");
}

static gboolean
blank_line (const char *line)
{
  for (; *line; line++)
    if (!g_ascii_isspace (*line))
      return FALSE;
  return TRUE;
}

/* The pasted text as a file's: blank lines before and after the table
 * dropped, trailing spaces a spreadsheet adds after the last cell kept
 * (a tab there is an empty cell), one line ending (LF), a final newline.
 * An error when it is not text or not a table: fewer than two lines (a
 * header and a row), or more than UC_PASTE_MAX_BYTES. */
char *
uc_paste_normalize (const char  *text,
                    GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = NULL;
  guint first = 0, last, n, kept = 0;
  gsize length = strlen (text);

  if (length > UC_PASTE_MAX_BYTES)
    {
      g_autofree char *size = g_strdup_printf ("%" G_GSIZE_FORMAT, length >> 20);

      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                   /* Translators: the pasted text's size in megabytes (a number), then the largest size pasted. */
                   _("the pasted text is %s MB; more than %u MB is better saved as a file and opened"),
                   size, UC_PASTE_MAX_BYTES >> 20);
      return NULL;
    }
  if (!g_utf8_validate (text, (gssize) length, NULL) || memchr (text, '\0', length) != NULL)
    {
      g_set_error_literal (error, UC_CSV_ERROR, UC_CSV_ERROR_ENCODING, _("the pasted data is not text"));
      return NULL;
    }
  lines = g_strsplit (text, "\n", -1);
  n = g_strv_length (lines);
  for (guint i = 0; i < n; i++)
    {
      gsize l = strlen (lines[i]);

      if (l > 0 && lines[i][l - 1] == '\r')
        lines[i][l - 1] = '\0';
    }
  while (first < n && blank_line (lines[first]))
    first++;
  last = n;
  while (last > first && blank_line (lines[last - 1]))
    last--;
  out = g_string_sized_new (length + 2);
  for (guint i = first; i < last; i++, kept++)
    {
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  if (kept < 2)
    {
      g_set_error_literal (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY,
                           _("the pasted text is not a table: it needs a header line and at least one row"));
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Keeps @text (see uc_paste_normalize()) as a new file in @dir, named by
 * the time of the paste, .tsv when its lines hold tabs: written whole or
 * not at all. */
GFile *
uc_paste_save (const char  *text,
               const char  *dir,
               GError     **error)
{
  g_autofree char *table = uc_paste_normalize (text, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = NULL, *path = NULL;

  if (table == NULL)
    return NULL;
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
      return NULL;
    }
  stamp = g_date_time_format (now, "pasted-%Y%m%d-%H%M%S");
  for (guint n = 1; path == NULL || g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.%s", stamp, strchr (table, '\t') ? "tsv" : "csv")
                                     : g_strdup_printf ("%s-%u.%s", stamp, n, strchr (table, '\t') ? "tsv" : "csv");

      g_free (path);
      path = g_build_filename (dir, name, NULL);
    }
  if (!uc_safe_file_set_contents (path, NULL, table, strlen (table), error))
    return NULL;
  return g_file_new_for_path (path);
}
