/* uc-csv.c: RFC 4180 reader with per-column type inference
 *
 * The whole file is tokenised first into field spans over the original
 * bytes; only then are columns typed and converted, so a column's type can
 * depend on all of its values. Errors name the line and column (in
 * characters, 1-based) where the problem starts, as an editor shows them.
 */
#include "uc-csv.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (uc-csv-error-quark, uc_csv_error)

typedef struct
{
  gsize   offset;
  guint32 len;
  guint32 escaped : 1;  /* quoted and holds doubled quotes */
} Field;

typedef struct
{
  const char   *name;
  const char   *data;
  gsize         len;
  char          delim;
  char          quote;
  GArray       *fields;   /* Field, row after row */
  guint         n_columns;
  guint         n_rows;   /* including the header */
} Reader;

void
uc_csv_options_init (UcCsvOptions *options)
{
  memset (options, 0, sizeof *options);
  options->delimiter = ',';
  options->quote = '"';
}

/* Line and column of byte @pos, counted the way a text editor does. */
static void
position_of (Reader *r,
             gsize   pos,
             guint  *line,
             guint  *column)
{
  guint l = 1;
  gsize line_start = 0;

  for (gsize i = 0; i < pos && i < r->len; i++)
    {
      if (r->data[i] == '\n' || (r->data[i] == '\r' && (i + 1 >= r->len || r->data[i + 1] != '\n')))
        {
          l++;
          line_start = i + 1;
        }
    }

  *line = l;
  *column = 1;
  for (gsize i = line_start; i < pos && i < r->len; i++)
    if (((guchar) r->data[i] & 0xC0) != 0x80)
      (*column)++;
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (Reader      *r,
         gsize        pos,
         GError     **error,
         UcCsvError   code,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  position_of (r, pos, &line, &column);
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, UC_CSV_ERROR, code, "%s: line %u, column %u: %s",
               r->name, line, column, message);
  return FALSE;
}

static inline gboolean
is_newline (char c)
{
  return c == '\n' || c == '\r';
}

static gsize
skip_newline (Reader *r,
              gsize   pos)
{
  if (pos < r->len && r->data[pos] == '\r')
    {
      pos++;
      if (pos < r->len && r->data[pos] == '\n')
        pos++;
    }
  else if (pos < r->len && r->data[pos] == '\n')
    pos++;
  return pos;
}

/* Split the buffer into fields. Blank lines between rows are skipped. */
static gboolean
tokenise (Reader  *r,
          GError **error)
{
  gsize pos = 0;
  guint in_row = 0;

  while (pos < r->len)
    {
      Field f = { 0, 0, 0 };
      gsize start = pos;

      if (in_row == 0)
        {
          if (is_newline (r->data[pos]))
            {
              pos = skip_newline (r, pos);
              continue;
            }
        }

      if (r->data[pos] == r->quote)
        {
          gsize i = pos + 1;

          for (;;)
            {
              const char *q = memchr (r->data + i, r->quote, r->len - i);

              if (q == NULL)
                return fail_at (r, start, error, UC_CSV_ERROR_UNTERMINATED_QUOTE,
                                "quoted field is never closed");
              i = q - r->data;
              if (i + 1 < r->len && r->data[i + 1] == r->quote)
                {
                  f.escaped = 1;
                  i += 2;
                  continue;
                }
              break;
            }
          f.offset = start + 1;
          if (i - f.offset > G_MAXUINT32)
            return fail_at (r, start, error, UC_CSV_ERROR_TOO_LARGE, "field is larger than 4 GB");
          f.len = (guint32) (i - f.offset);
          pos = i + 1;
          if (pos < r->len && r->data[pos] != r->delim && !is_newline (r->data[pos]))
            return fail_at (r, pos, error, UC_CSV_ERROR_BAD_QUOTE,
                            "unexpected text after the closing quote");
        }
      else
        {
          gsize i = pos;

          while (i < r->len && r->data[i] != r->delim && !is_newline (r->data[i]))
            {
              if (r->data[i] == r->quote)
                return fail_at (r, i, error, UC_CSV_ERROR_BAD_QUOTE,
                                "quote inside an unquoted field (quote the whole field and double the quote)");
              i++;
            }
          f.offset = start;
          if (i - start > G_MAXUINT32)
            return fail_at (r, start, error, UC_CSV_ERROR_TOO_LARGE, "field is larger than 4 GB");
          f.len = (guint32) (i - start);
          pos = i;
        }

      g_array_append_val (r->fields, f);
      in_row++;

      if (r->n_rows > 0 && in_row > r->n_columns)
        return fail_at (r, start, error, UC_CSV_ERROR_FIELD_COUNT,
                        "too many fields: the header has %u", r->n_columns);

      if (pos < r->len && r->data[pos] == r->delim)
        {
          pos++;
          /* A delimiter at the very end still opens one last, empty field. */
          if (pos == r->len || is_newline (r->data[pos]))
            {
              Field empty = { pos, 0, 0 };

              g_array_append_val (r->fields, empty);
              in_row++;
              if (r->n_rows > 0 && in_row > r->n_columns)
                return fail_at (r, pos, error, UC_CSV_ERROR_FIELD_COUNT,
                                "too many fields: the header has %u", r->n_columns);
            }
          else
            continue;
        }

      /* End of row. */
      if (r->n_rows == 0)
        r->n_columns = in_row;
      else if (in_row < r->n_columns)
        return fail_at (r, pos, error, UC_CSV_ERROR_FIELD_COUNT,
                        "%u fields where the header has %u", in_row, r->n_columns);
      r->n_rows++;
      in_row = 0;
      pos = skip_newline (r, pos);
    }

  return TRUE;
}

static inline const Field *
field_at (Reader *r,
          guint   row,
          guint   column)
{
  return &g_array_index (r->fields, Field, (gsize) row * r->n_columns + column);
}

/* The field's text without surrounding spaces; doubled quotes are kept. */
static void
trimmed (Reader      *r,
         const Field *f,
         const char **text,
         gsize       *len)
{
  const char *s = r->data + f->offset;
  gsize n = f->len;

  while (n > 0 && (*s == ' ' || *s == '\t'))
    s++, n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  *text = s;
  *len = n;
}

static char *
unescape (Reader      *r,
          const Field *f)
{
  const char *s = r->data + f->offset;
  char *out = g_malloc (f->len + 1);
  gsize j = 0;

  for (gsize i = 0; i < f->len; i++)
    {
      out[j++] = s[i];
      if (f->escaped && s[i] == r->quote && i + 1 < f->len && s[i + 1] == r->quote)
        i++;
    }
  out[j] = '\0';
  return out;
}

/* A plain decimal number: sign, digits, one point, exponent. No hex, inf or nan. */
static gboolean
parse_number (const char *text,
              gsize       len,
              double     *out)
{
  char buf[64];
  char *end = NULL;
  gboolean digits = FALSE;

  if (len == 0 || len >= sizeof buf)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (c >= '0' && c <= '9')
        digits = TRUE;
      else if (c != '+' && c != '-' && c != '.' && c != 'e' && c != 'E')
        return FALSE;
    }
  if (!digits)
    return FALSE;

  memcpy (buf, text, len);
  buf[len] = '\0';
  *out = g_ascii_strtod (buf, &end);
  return end == buf + len && isfinite (*out);
}

static UcColumnType
infer_type (Reader *r,
            guint   column)
{
  gboolean maybe_date = TRUE;
  gboolean maybe_number = TRUE;
  gboolean any = FALSE;

  for (guint row = 1; row < r->n_rows && (maybe_date || maybe_number); row++)
    {
      const char *text;
      gsize len;
      UcTime t;
      double d;

      trimmed (r, field_at (r, row, column), &text, &len);
      if (len == 0)
        continue;
      any = TRUE;
      if (maybe_date && !uc_time_parse_date (text, len, &t))
        maybe_date = FALSE;
      if (maybe_number && !parse_number (text, len, &d))
        maybe_number = FALSE;
    }

  if (!any)
    return UC_COLUMN_TEXT;
  if (maybe_date)
    return UC_COLUMN_DATE;
  if (maybe_number)
    return UC_COLUMN_NUMBER;
  return UC_COLUMN_TEXT;
}

static gboolean
read_header (Reader     *r,
             char     ***names_out,
             GError    **error)
{
  g_auto(GStrv) names = g_new0 (char *, r->n_columns + 1);

  for (guint c = 0; c < r->n_columns; c++)
    {
      const Field *f = field_at (r, 0, c);
      g_autofree char *raw = unescape (r, f);

      names[c] = g_strstrip (g_steal_pointer (&raw));
      if (names[c][0] == '\0')
        return fail_at (r, f->offset, error, UC_CSV_ERROR_HEADER,
                        "column %u has no name in the header", c + 1);
      for (guint k = 0; k < c; k++)
        if (strcmp (names[k], names[c]) == 0)
          return fail_at (r, f->offset, error, UC_CSV_ERROR_HEADER,
                          "column name “%s” appears twice in the header", names[c]);
    }

  *names_out = g_steal_pointer (&names);
  return TRUE;
}

UcDataset *
uc_csv_read_bytes (GBytes              *bytes,
                   const char          *name,
                   const UcCsvOptions  *options,
                   GError             **error)
{
  g_autoptr(UcDataset) dataset = NULL;
  g_auto(GStrv) names = NULL;
  UcCsvOptions defaults;
  Reader r = { 0 };
  const char *bad_utf8;
  const char *nul;
  gsize size;
  guint n_data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      uc_csv_options_init (&defaults);
      options = &defaults;
    }

  r.name = name ? name : "CSV";
  r.data = g_bytes_get_data (bytes, &size);
  r.len = size;
  r.delim = options->delimiter ? options->delimiter : ',';
  r.quote = options->quote ? options->quote : '"';

  /* A UTF-8 byte order mark is not part of the first column's name. */
  if (r.len >= 3 && memcmp (r.data, "\xEF\xBB\xBF", 3) == 0)
    {
      r.data += 3;
      r.len -= 3;
    }

  if (r.len > 0 && (nul = memchr (r.data, '\0', r.len)) != NULL)
    {
      fail_at (&r, nul - r.data, error, UC_CSV_ERROR_NUL_BYTE, "NUL byte in the file (is it a text file?)");
      return NULL;
    }
  if (!g_utf8_validate_len (r.data, r.len, &bad_utf8))
    {
      fail_at (&r, bad_utf8 - r.data, error, UC_CSV_ERROR_ENCODING,
               "invalid UTF-8 byte 0x%02X", (guchar) *bad_utf8);
      return NULL;
    }

  r.fields = g_array_sized_new (FALSE, FALSE, sizeof (Field), 1024);
  if (!tokenise (&r, error))
    {
      g_array_unref (r.fields);
      return NULL;
    }

  if (r.n_rows == 0)
    {
      g_array_unref (r.fields);
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY,
                   "%s: line 1, column 1: the file is empty (expected a header row)", r.name);
      return NULL;
    }

  if (!read_header (&r, &names, error))
    {
      g_array_unref (r.fields);
      return NULL;
    }

  n_data = r.n_rows - 1;
  dataset = uc_dataset_new (name, n_data);

  for (guint c = 0; c < r.n_columns; c++)
    {
      UcColumnType type = infer_type (&r, c);

      if (type == UC_COLUMN_NUMBER)
        {
          double *values = g_new (double, MAX (n_data, 1));

          for (guint row = 0; row < n_data; row++)
            {
              const char *text;
              gsize len;

              trimmed (&r, field_at (&r, row + 1, c), &text, &len);
              if (len == 0 || !parse_number (text, len, &values[row]))
                values[row] = NAN;
            }
          uc_dataset_take_numbers (dataset, names[c], values);
        }
      else if (type == UC_COLUMN_DATE)
        {
          UcTime *values = g_new (UcTime, MAX (n_data, 1));

          for (guint row = 0; row < n_data; row++)
            {
              const char *text;
              gsize len;

              trimmed (&r, field_at (&r, row + 1, c), &text, &len);
              if (len == 0 || !uc_time_parse_date (text, len, &values[row]))
                values[row] = UC_TIME_MISSING;
            }
          uc_dataset_take_times (dataset, names[c], values);
        }
      else
        {
          const char **values = g_new (const char *, MAX (n_data, 1));

          for (guint row = 0; row < n_data; row++)
            {
              const Field *f = field_at (&r, row + 1, c);

              if (f->len == 0)
                values[row] = NULL;
              else if (f->escaped)
                {
                  g_autofree char *text = unescape (&r, f);
                  values[row] = uc_dataset_intern (dataset, text, -1);
                }
              else
                values[row] = uc_dataset_intern (dataset, r.data + f->offset, f->len);
            }
          uc_dataset_take_texts (dataset, names[c], values);
        }
    }

  g_array_unref (r.fields);
  return g_steal_pointer (&dataset);
}

UcDataset *
uc_csv_read_file (GFile               *file,
                  const UcCsvOptions  *options,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  name = g_file_get_parse_name (file);
  return uc_csv_read_bytes (bytes, name, options, error);
}
