/* uc-cli-text.c: text from files made safe for a terminal */
#include "uc-cli-text.h"
#include "uc-format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* C0 and C1 controls and DEL become visible escapes (\e, \x9b); bytes that
 * are not UTF-8 become \xNN, so nothing reaches the terminal as a command. */
char *
uc_cli_escape (const char *text,
               gssize      len,
               gboolean    keep_newlines)
{
  GString *out;
  const char *p, *end;

  if (text == NULL)
    return NULL;
  if (len < 0)
    len = (gssize) strlen (text);
  out = g_string_sized_new (len);
  end = text + len;
  for (p = text; p < end;)
    {
      guchar c = (guchar) *p;
      const char *run = p;
      gunichar u;

      /* Printable ASCII in runs: most text is nothing else. */
      while (p < end && (guchar) *p >= 0x20 && (guchar) *p < 0x7f)
        p++;
      if (p > run)
        {
          g_string_append_len (out, run, p - run);
          continue;
        }
      if (c < 0x80)
        {
          if (c == '\n' && keep_newlines)
            g_string_append_c (out, '\n');
          else if (c == '\t' && keep_newlines)
            g_string_append_c (out, '\t');
          else if (c == '\n')
            g_string_append (out, "\\n");
          else if (c == '\t')
            g_string_append (out, "\\t");
          else if (c == '\r')
            g_string_append (out, "\\r");
          else if (c == 0x1b)
            g_string_append (out, "\\e");
          else if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\x%02x", c);
          else
            g_string_append_c (out, (char) c);
          p++;
          continue;
        }
      u = g_utf8_get_char_validated (p, end - p);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", c);
          p++;
          continue;
        }
      if (u >= 0x80 && u < 0xa0)
        g_string_append_printf (out, "\\x%02x", (guint) u);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

/* The columns @text takes in a terminal: two for each East Asian wide
 * character (Chinese), none for a combining mark. */
int
uc_cli_width (const char *text)
{
  int width = 0;

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

/* @text escaped and padded with spaces to @width columns, after it (@left)
 * or before: a table's cell, whatever the language. printf pads by bytes. */
char *
uc_cli_pad (const char *text,
            int         width,
            gboolean    left)
{
  g_autofree char *safe = uc_cli_escape (text ? text : "", -1, FALSE);
  int pad = MAX (width - uc_cli_width (safe), 0);
  g_autofree char *spaces = g_strnfill (pad, ' ');

  return left ? g_strconcat (safe, spaces, NULL) : g_strconcat (spaces, safe, NULL);
}

/* At most @max_chars characters of @text, escaped, an ellipsis where cut. */
char *
uc_cli_clip (const char *text,
             guint       max_chars)
{
  g_autofree char *escaped = uc_cli_escape (text, -1, FALSE);
  char *cut;

  if (escaped == NULL || g_utf8_strlen (escaped, -1) <= max_chars)
    return g_steal_pointer (&escaped);
  cut = g_utf8_offset_to_pointer (escaped, max_chars > 0 ? max_chars - 1 : 0);
  *cut = '\0';
  return g_strconcat (escaped, "…", NULL);
}

static void
print_escaped (FILE        *stream,
               const gchar *string)
{
  g_autofree char *safe = NULL;
  const char *p = string;

  while ((guchar) *p >= 0x20 ? (guchar) *p < 0x7f : *p == '\n')
    p++;
  if (*p == '\0')
    {
      fputs (string, stream);
      return;
    }
  safe = uc_cli_escape (string, -1, TRUE);
  fputs (safe, stream);
}

static void
print_out (const gchar *string)
{
  print_escaped (stdout, string);
}

static void
print_err (const gchar *string)
{
  print_escaped (stderr, string);
}

/* Messages name cells and file names taken from input: whatever prints
 * through g_print or g_printerr is escaped on its way out. */
void
uc_cli_install_print_handlers (void)
{
  g_set_print_handler (print_out);
  g_set_printerr_handler (print_err);
}

