/* uc-json-load.c: JSON documents from outside, checked before json-glib sees them */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-json-load.h"

#include <string.h>

static gboolean
refuse (GError    **error,
        const char *name,
        const char *data,
        const char *at,
        const char *what)
{
  guint line = 1, column = 1;

  for (const char *p = data; p < at; p++)
    {
      if (*p == '\n')
        line++, column = 1;
      else if (((guchar) *p & 0xC0) != 0x80)
        column++;
    }
  /* Translators: a file's name, a line and column in it, and what is wrong there. */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: line %u, column %u: %s"), name, line, column, what);
  return FALSE;
}

/* One pass over the bytes. Strings are skipped as RFC 8259 defines them; a
 * raw control character ends the check there, so nothing json-glib might
 * read as structure can hide inside what is taken here for a string. */
gboolean
uc_json_check (const char  *data,
               gsize        size,
               const char  *name,
               GError     **error)
{
  const char *end = data + size;
  gboolean in_string = FALSE;
  guint depth = 0;

  if (size > UC_JSON_MAX_SIZE)
    {
      /* Translators: a file's name, then a size in megabytes. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: larger than %u MB, not read"), name,
                   (guint) (UC_JSON_MAX_SIZE >> 20));
      return FALSE;
    }
  for (const char *p = data; p < end; p++)
    {
      guchar c = (guchar) *p;

      if (c == 0)
        return refuse (error, name, data, p, _("NUL byte (is it a text file?)"));
      if (in_string)
        {
          if (c == '\\' && p + 1 < end)
            p++;
          else if (c == '"')
            in_string = FALSE;
          else if (c < 0x20)
            return refuse (error, name, data, p, _("control character inside a string"));
          continue;
        }
      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > UC_JSON_MAX_DEPTH)
            {
              g_autofree char *what = g_strdup_printf (_("nested more than %d levels deep"), UC_JSON_MAX_DEPTH);

              return refuse (error, name, data, p, what);
            }
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          /* json-glib also takes comments and single-quoted strings, in
           * which a '"' would hide the nesting from this count: only what
           * strict JSON has outside strings passes. */
          if (strchr (" \t\n\r:,0123456789+-.eEtrufalsn", c) == NULL)
            {
              /* Translators: %s is a file's name; a place in it and what is wrong there follow. */
              g_autofree char *where = g_strdup_printf (_("%s: not JSON"), name);
              g_autofree char *what = c < 0x80 && g_ascii_isprint (c)
                                        /* Translators: %c is a character of the file. */
                                        ? g_strdup_printf (_("unexpected “%c”"), c)
                                        : g_strdup_printf (_("unexpected byte 0x%02x"), c);

              return refuse (error, where, data, p, what);
            }
          break;
        }
    }
  if (in_string)
    {
      /* Translators: %s is a file's name; a place in it and what is wrong there follow. */
      g_autofree char *where = g_strdup_printf (_("%s: not JSON"), name);

      return refuse (error, where, data, end, _("a string is not closed"));
    }
  return TRUE;
}

gboolean
uc_json_load_data (JsonParser  *parser,
                   const char  *data,
                   gsize        size,
                   const char  *name,
                   GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!uc_json_check (data ? data : "", data ? size : 0, name, error))
    return FALSE;
  if (!json_parser_load_from_data (parser, data ? data : "", data ? (gssize) size : 0, &local))
    {
      /* Translators: a file's name, then what the JSON parser said. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not JSON: %s"), name, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Read whole, but never more than a document may hold: a FIFO or a huge
 * file is cut after UC_JSON_MAX_SIZE bytes (which uc_json_check() then
 * refuses), not buffered without end. Errors name the file. */
GBytes *
uc_json_read_file (GFile   *file,
                   GError **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) buffer = NULL;
  gsize got = 0;

  if (in == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  buffer = g_byte_array_sized_new (64 * 1024);
  for (;;)
    {
      gssize n;

      g_byte_array_set_size (buffer, got + 64 * 1024);
      n = g_input_stream_read (G_INPUT_STREAM (in), buffer->data + got, 64 * 1024, NULL, error);
      if (n < 0)
        {
          g_prefix_error (error, "%s: ", name);
          return NULL;
        }
      if (n == 0)
        break;
      got += n;
      if (got > UC_JSON_MAX_SIZE)
        break;
    }
  g_byte_array_set_size (buffer, got);
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

gboolean
uc_json_load_file (JsonParser  *parser,
                   GFile       *file,
                   GError     **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GBytes) bytes = uc_json_read_file (file, error);
  const char *data;
  gsize size;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return uc_json_load_data (parser, data ? data : "", size, name, error);
}
