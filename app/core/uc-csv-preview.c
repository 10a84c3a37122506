/* uc-csv-preview.c: the first rows of a CSV file, read from its start alone
 *
 * The start is cut after its last line break outside quotes, so the reader
 * sees only whole rows: a field that spans lines across the cut is left
 * out with its row. Quotes count only where a field starts (after a line
 * break, a delimiter or spaces), as the reader reads them: a quote inside
 * an unquoted field (5" screen) must not make the rest of the start look
 * quoted. UTF-16 is scanned by its two-byte units.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-preview.h"

#include <string.h>

#define MAX_PREVIEW_BYTES  ((gsize) 64 << 20)   /* a start this long without the rows asked for is enough */
#define PREAMBLE_LINES     64                   /* notes above the header, a units line */
#define STAMP_BYTES        (64 * 1024)

/* 0: bytes; else UTF-16, 1 for little-endian, 2 for big-endian. */
static int
utf16_order (const guchar *s,
             gsize         len,
             const char   *encoding)
{
  guint even = 0, odd = 0, n = MIN (len, 400) & ~1u;

  if (encoding && g_ascii_strncasecmp (encoding, "UTF-16", 6) == 0)
    return g_ascii_strcasecmp (encoding, "UTF-16BE") == 0 ? 2 :
           g_ascii_strcasecmp (encoding, "UTF-16LE") == 0 ? 1 :
           len >= 2 && s[0] == 0xFE && s[1] == 0xFF ? 2 : 1;
  if (encoding)
    return 0;
  if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
    return 1;
  if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
    return 2;
  if (n < 4)
    return 0;
  for (guint i = 0; i < n; i += 2)
    {
      even += s[i] == 0;
      odd += s[i + 1] == 0;
    }
  if (odd > n / 2 * 0.6 && even == 0)
    return 1;
  if (even > n / 2 * 0.6 && odd == 0)
    return 2;
  return 0;
}

/* The ASCII character of the unit at @i, or 0x80 for anything else. */
static inline guchar
unit_at (const guchar *s,
         gsize         i,
         int           order)
{
  if (order == 0)
    return s[i];
  if (order == 1)
    return s[i + 1] == 0 && s[i] < 0x80 ? s[i] : 0x80;
  return s[i] == 0 && s[i + 1] < 0x80 ? s[i + 1] : 0x80;
}

/* The length of @data's whole lines: up to and with its last line break
 * outside a quoted field (0 when it has none); their number in *n_lines,
 * a row whose quoted field spans lines counted once. @quote 0: '"'. */
gsize
uc_csv_preview_cut (const char *data,
                    gsize       len,
                    const char *encoding,
                    char        quote,
                    guint      *n_lines)
{
  const guchar *s = (const guchar *) data;
  int order = utf16_order (s, len, encoding);
  gsize step = order ? 2 : 1;
  gsize end = order ? len & ~(gsize) 1 : len;
  gsize cut = 0;
  guint lines = 0;
  gboolean in_quotes = FALSE, field_start = TRUE;
  guchar q = quote ? (guchar) quote : '"';

  for (gsize i = 0; i < end; i += step)
    {
      guchar c = unit_at (s, i, order);

      if (in_quotes)
        {
          if (c != q)
            continue;
          if (i + step < end && unit_at (s, i + step, order) == q)
            i += step;   /* a doubled quote */
          else
            in_quotes = FALSE;
          continue;
        }
      switch (c)
        {
        case '\n':
        case '\r':
          if (c == '\n' || i + step >= end || unit_at (s, i + step, order) != '\n')
            {
              lines++;
              cut = i + step;
            }
          field_start = TRUE;
          break;
        case ',': case ';': case '\t': case '|':
          field_start = TRUE;
          break;
        case ' ':
          break;
        default:
          if (c == q && field_start)
            in_quotes = TRUE;
          field_start = FALSE;
          break;
        }
    }
  if (n_lines)
    *n_lines = lines;
  return cut;
}

/* The first @max_rows rows of @dataset (itself when it has no more). */
static UcDataset *
first_rows (UcDataset *dataset,
            guint      max_rows)
{
  guint n = uc_dataset_get_n_rows (dataset);
  g_autofree guint *rows = NULL;
  UcDataset *cut;

  if (n <= max_rows)
    return dataset;
  rows = g_new (guint, max_rows);
  for (guint i = 0; i < max_rows; i++)
    rows[i] = i;
  cut = uc_dataset_select_rows (dataset, rows, max_rows);
  g_object_unref (dataset);
  return cut;
}

/* The start of a file in @bytes (all of it when @complete) read into at
 * most @max_rows rows. */
UcDataset *
uc_csv_preview_bytes (GBytes              *bytes,
                      const char          *name,
                      const UcCsvOptions  *options,
                      guint                max_rows,
                      gboolean             complete,
                      UcCsvReport        **report,
                      GError             **error)
{
  g_autoptr(GBytes) start = NULL;
  UcCsvOptions opts;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gsize cut = len;
  UcDataset *dataset;

  if (options)
    opts = *options;
  else
    uc_csv_options_init (&opts);
  /* A few hundred kilobytes: threads would cost more than they save. */
  if (opts.n_threads == 0)
    opts.n_threads = 1;
  if (!complete && len > 0)
    {
      cut = uc_csv_preview_cut (data, len, opts.encoding, opts.quote, NULL);
      if (cut == 0)
        cut = len;   /* one line longer than all we read: shown cut */
    }
  start = g_bytes_new_from_bytes (bytes, 0, cut);
  dataset = uc_csv_read_bytes (start, name, &opts, report, error);
  if (dataset == NULL)
    return NULL;
  dataset = first_rows (dataset, max_rows);
  if (report && *report)
    (*report)->n_rows = uc_dataset_get_n_rows (dataset);
  return dataset;
}

/* Bytes of @in added to @buffer until it holds @want of them or the
 * stream ends (*eof). */
static gboolean
read_up_to (GInputStream  *in,
            GByteArray    *buffer,
            gsize          want,
            gboolean      *eof,
            GCancellable  *cancellable,
            GError       **error)
{
  while (buffer->len < want)
    {
      gsize have = buffer->len, got = 0;

      g_byte_array_set_size (buffer, want);
      if (!g_input_stream_read_all (in, buffer->data + have, want - have, &got, cancellable, error))
        {
          g_byte_array_set_size (buffer, have);
          return FALSE;
        }
      g_byte_array_set_size (buffer, have + got);
      if (got < want - have)
        {
          *eof = TRUE;
          break;
        }
    }
  return TRUE;
}

static gboolean
check_not_folder (GFile         *file,
                  const char    *name,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                                                 cancellable, NULL);

  /* Other failures are the read's to name. */
  if (info && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      /* Translators: %s is a file's name. */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder, not a file"), name);
      return FALSE;
    }
  return TRUE;
}

UcDataset *
uc_csv_preview_file (GFile               *file,
                     const UcCsvOptions  *options,
                     guint                max_rows,
                     GCancellable        *cancellable,
                     UcCsvReport        **report,
                     GError             **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  gsize want = UC_CSV_PREVIEW_BYTES;
  gboolean eof = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (!check_not_folder (file, name, cancellable, error))
    return NULL;
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  /* More of the start while it holds too few rows: long rows, or notes
   * above the table. */
  for (;;)
    {
      guint n_lines = 0;

      if (!read_up_to (G_INPUT_STREAM (in), buffer, want, &eof, cancellable, error))
        return NULL;
      if (eof || want >= MAX_PREVIEW_BYTES)
        break;
      uc_csv_preview_cut ((const char *) buffer->data, buffer->len, options ? options->encoding : NULL,
                          options ? options->quote : 0, &n_lines);
      if (n_lines >= (guint64) max_rows + PREAMBLE_LINES)
        break;
      want *= 4;
    }
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  return uc_csv_preview_bytes (bytes, name, options, max_rows, eof, report, error);
}

char *
uc_csv_file_stamp (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *block = g_malloc (STAMP_BYTES);
  g_autoptr(GDateTime) modified = NULL;
  gsize got = 0;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_TIME_MODIFIED ","
                            G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  in = g_file_read (file, cancellable, error);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), block, STAMP_BYTES, &got, cancellable, error))
    return NULL;
  g_checksum_update (sum, block, got);
  modified = g_file_info_get_modification_date_time (info);
  return g_strdup_printf ("%" G_GOFFSET_FORMAT ":%" G_GINT64_FORMAT ":%s", g_file_info_get_size (info),
                          modified ? g_date_time_to_unix (modified) * G_USEC_PER_SEC +
                                     g_date_time_get_microsecond (modified) : 0,
                          g_checksum_get_string (sum));
}
