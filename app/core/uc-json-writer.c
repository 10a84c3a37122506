/* uc-json-writer.c: compact, exact JSON output */
#include "uc-json-writer.h"

#include <math.h>
#include <string.h>

struct _UcJsonWriter
{
  GString *out;
  GArray  *first;    /* gboolean per open container: nothing written yet */
  gboolean pretty;
  gboolean after_key;
};

UcJsonWriter *
uc_json_writer_new (gboolean pretty)
{
  UcJsonWriter *self = g_new0 (UcJsonWriter, 1);

  self->out = g_string_new (NULL);
  self->first = g_array_new (FALSE, FALSE, sizeof (gboolean));
  self->pretty = pretty;
  return self;
}

void
uc_json_writer_free (UcJsonWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->out, TRUE);
  g_array_unref (self->first);
  g_free (self);
}

char *
uc_json_writer_steal (UcJsonWriter *self)
{
  char *text = g_string_free (self->out, FALSE);

  self->out = g_string_new (NULL);
  return text;
}

static void
indent (UcJsonWriter *self)
{
  if (!self->pretty)
    return;
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < self->first->len; i++)
    g_string_append (self->out, "  ");
}

/* Separator and indentation before a value or a key. */
static void
before_item (UcJsonWriter *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->first->len > 0)
    {
      gboolean *first = &g_array_index (self->first, gboolean, self->first->len - 1);

      if (!*first)
        g_string_append_c (self->out, ',');
      *first = FALSE;
      indent (self);
    }
}

static void
open_container (UcJsonWriter *self,
                char          c)
{
  gboolean first = TRUE;

  before_item (self);
  g_string_append_c (self->out, c);
  g_array_append_val (self->first, first);
}

static void
close_container (UcJsonWriter *self,
                 char          c)
{
  gboolean empty;

  g_return_if_fail (self->first->len > 0);
  empty = g_array_index (self->first, gboolean, self->first->len - 1);
  g_array_set_size (self->first, self->first->len - 1);
  if (!empty)
    indent (self);
  g_string_append_c (self->out, c);
}

void uc_json_begin_object (UcJsonWriter *self) { open_container (self, '{'); }
void uc_json_end_object (UcJsonWriter *self) { close_container (self, '}'); }
void uc_json_begin_array (UcJsonWriter *self) { open_container (self, '['); }
void uc_json_end_array (UcJsonWriter *self) { close_container (self, ']'); }

static void
append_escaped (GString    *out,
                const char *s)
{
  g_string_append_c (out, '"');
  for (; *s; s++)
    {
      guchar c = (guchar) *s;
      const char *run = s;

      /* Plain characters in runs, not one by one. */
      while (*s && (guchar) *s >= 0x20 && *s != '"' && *s != '\\' && *s != 0x7f && (guchar) *s != 0xc2)
        s++;
      if (s > run)
        {
          g_string_append_len (out, run, s - run);
          s--;
          continue;
        }
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          /* Controls, DEL and C1 too: output that reaches a terminal must
           * not carry commands for it. */
          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (out, "\\u%04x", c);
          else if (c == 0xc2 && (guchar) s[1] >= 0x80 && (guchar) s[1] < 0xa0)
            g_string_append_printf (out, "\\u%04x", (guchar) *++s);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

void
uc_json_key (UcJsonWriter *self,
             const char   *key)
{
  before_item (self);
  append_escaped (self->out, key);
  g_string_append (self->out, self->pretty ? ": " : ":");
  self->after_key = TRUE;
}

void
uc_json_string (UcJsonWriter *self,
                const char   *value)
{
  if (value == NULL)
    {
      uc_json_null (self);
      return;
    }
  before_item (self);
  append_escaped (self->out, value);
}

/* The fewest significant digits that read back as the same double, in
 * plain notation for everyday magnitudes (100, not 1e+02). */
char *
uc_format_double_shortest (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 32];
  int precision;

  if (!isfinite (value))
    return g_strdup ("null");
  if (value == 0)
    return g_strdup ("0");
  /* Whole numbers print as they are: the loop below would find the same
   * digits, at a cost that shows in a table of a million columns. */
  if (value == floor (value) && fabs (value) < 1e15)
    {
      guint64 whole = (guint64) fabs (value);
      char *p = buf + sizeof buf;

      *--p = '\0';
      do
        *--p = (char) ('0' + whole % 10);
      while ((whole /= 10) > 0);
      if (value < 0)
        *--p = '-';
      return g_strdup (p);
    }
  for (precision = 1; precision < 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  if (precision == 17)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);

  if (strchr (buf, 'e') && fabs (value) >= 1e-5 && fabs (value) < 1e15)
    {
      int decimals = MAX (0, precision - 1 - (int) floor (log10 (fabs (value))));
      char format[8];

      g_snprintf (format, sizeof format, "%%.%df", decimals);
      g_ascii_formatd (buf, sizeof buf, format, value);
    }
  return g_strdup (buf);
}

void
uc_json_number (UcJsonWriter *self,
                double        value)
{
  g_autofree char *text = uc_format_double_shortest (value);

  before_item (self);
  g_string_append (self->out, text);
}

void
uc_json_int (UcJsonWriter *self,
             gint64        value)
{
  char buf[24], *p = buf + sizeof buf;
  guint64 whole = value < 0 ? -(guint64) value : (guint64) value;

  *--p = '\0';
  do
    *--p = (char) ('0' + whole % 10);
  while ((whole /= 10) > 0);
  if (value < 0)
    *--p = '-';
  before_item (self);
  g_string_append (self->out, p);
}

void
uc_json_bool (UcJsonWriter *self,
              gboolean      value)
{
  before_item (self);
  g_string_append (self->out, value ? "true" : "false");
}

void
uc_json_null (UcJsonWriter *self)
{
  before_item (self);
  g_string_append (self->out, "null");
}

/* A member whose value may be missing: null then, so readers see the key. */
void
uc_json_member_string (UcJsonWriter *self,
                       const char   *key,
                       const char   *value)
{
  uc_json_key (self, key);
  if (value)
    uc_json_string (self, value);
  else
    uc_json_null (self);
}

/* NaN and the infinities, which JSON cannot hold, as null. */
void
uc_json_member_number (UcJsonWriter *self,
                       const char   *key,
                       double        value)
{
  uc_json_key (self, key);
  if (isfinite (value))
    uc_json_number (self, value);
  else
    uc_json_null (self);
}
