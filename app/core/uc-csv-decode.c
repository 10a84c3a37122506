/* uc-csv-decode.c: the input's bytes to UTF-8 text
 *
 * A BOM, or the NUL bytes of UTF-16, tell the encoding; bytes that are not
 * UTF-8 are read in a Windows code page, as most such files come from
 * Windows spreadsheets: 1250 (Central Europe) when their letters read as
 * that, else 1252 (Western Europe); a NUL byte elsewhere refuses the file (it is not text).
 * UTF-8 is used in place, not copied, and large files are checked by the
 * same pass that counts their lines (uc_csv_scan_range), a chunk per thread.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-csv-private.h"

#include <errno.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* Length of the UTF-8 sequence at @s (1..4), or 0 when it is not valid. */
static inline guint
utf8_sequence (const guchar *s,
               const guchar *end)
{
  guint need, cp;

  if (s[0] < 0x80)
    return 1;
  if (s[0] >= 0xC2 && s[0] <= 0xDF)
    need = 1, cp = s[0] & 0x1F;
  else if (s[0] >= 0xE0 && s[0] <= 0xEF)
    need = 2, cp = s[0] & 0x0F;
  else if (s[0] >= 0xF0 && s[0] <= 0xF4)
    need = 3, cp = s[0] & 0x07;
  else
    return 0;
  if (end - s <= (gssize) need)
    return 0;
  for (guint k = 1; k <= need; k++)
    {
      if ((s[k] & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (s[k] & 0x3F);
    }
  if ((need == 1 && cp < 0x80) || (need == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
      (need == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
    return 0;
  return need + 1;
}

#if defined(__x86_64__) && defined(__GNUC__)
#define SCAN_AVX2 1
#include <immintrin.h>

/* Line breaks and quotes counted 32 bytes at a time, from *@pp while 33
 * bytes are readable (the CRLF test looks one ahead) and, when
 * validating, the bytes are ASCII without NULs: *@pp is left at the first
 * block that is not, for the loops below. Compiled for AVX2 and called
 * only where the processor has it; the scan is a fifth of a load's CPU. */
__attribute__ ((target ("avx2"))) static void
scan_avx2 (const guchar **pp,
           const guchar  *end,
           gboolean       validate,
           guchar         quote,
           gsize         *n,
           gsize         *n_cr,
           gsize         *n_crlf,
           gboolean      *has_quote)
{
  const guchar *p = *pp;
  const __m256i zero = _mm256_setzero_si256 (), vlf = _mm256_set1_epi8 ('\n'), vcr = _mm256_set1_epi8 ('\r');
  const __m256i vquote = _mm256_set1_epi8 ((char) quote);
  __m256i quotes = zero;

  while (end - p >= 33)
    {
      __m256i lf = zero, cr = zero, crlf = zero, sad;
      int i, iters = (int) MIN ((gsize) 255, (gsize) (end - p - 1) / 32);

      for (i = 0; i < iters; i++)
        {
          __m256i v = _mm256_loadu_si256 ((const __m256i *) p);
          __m256i next = _mm256_loadu_si256 ((const __m256i *) (p + 1));
          __m256i is_cr = _mm256_cmpeq_epi8 (v, vcr);

          if (validate && _mm256_movemask_epi8 (_mm256_or_si256 (v, _mm256_cmpeq_epi8 (v, zero))) != 0)
            break;
          lf = _mm256_sub_epi8 (lf, _mm256_cmpeq_epi8 (v, vlf));
          cr = _mm256_sub_epi8 (cr, is_cr);
          crlf = _mm256_sub_epi8 (crlf, _mm256_and_si256 (is_cr, _mm256_cmpeq_epi8 (next, vlf)));
          quotes = _mm256_or_si256 (quotes, _mm256_cmpeq_epi8 (v, vquote));
          p += 32;
        }
      sad = _mm256_sad_epu8 (lf, zero);
      *n += (gsize) (_mm256_extract_epi64 (sad, 0) + _mm256_extract_epi64 (sad, 1) + _mm256_extract_epi64 (sad, 2) +
                     _mm256_extract_epi64 (sad, 3));
      sad = _mm256_sad_epu8 (cr, zero);
      *n_cr += (gsize) (_mm256_extract_epi64 (sad, 0) + _mm256_extract_epi64 (sad, 1) + _mm256_extract_epi64 (sad, 2) +
                        _mm256_extract_epi64 (sad, 3));
      sad = _mm256_sad_epu8 (crlf, zero);
      *n_crlf += (gsize) (_mm256_extract_epi64 (sad, 0) + _mm256_extract_epi64 (sad, 1) + _mm256_extract_epi64 (sad, 2) +
                          _mm256_extract_epi64 (sad, 3));
      if (i < iters)
        break;
    }
  *has_quote |= _mm256_movemask_epi8 (quotes) != 0;
  *pp = p;
}

static gboolean
have_avx2 (void)
{
  static gsize checked = 0;
  static gboolean avx2;

  if (g_once_init_enter (&checked))
    {
      __builtin_cpu_init ();
      avx2 = __builtin_cpu_supports ("avx2");
      g_once_init_leave (&checked, 1);
    }
  return avx2;
}
#endif

/* One pass that counts line breaks and, when asked, checks that the bytes
 * are UTF-8 without NULs: sixteen ASCII bytes at a time, the rest one
 * character at a time.
 * Hot path (csv-load benchmark: every byte of the file): kept whole. */
gpointer
uc_csv_scan_range (gpointer data)
{
  Scan *sc = data;
  const guchar *p = (const guchar *) sc->start, *end = (const guchar *) sc->end;
  const guchar *from = (const guchar *) sc->count_from;
  gsize n = 0, n_cr = 0, n_crlf = 0;

  sc->bad = sc->nul = -1;
  while (p < from && p < end)
    {
      guint k = sc->validate ? utf8_sequence (p, end) : 1;

      if (sc->validate && *p == 0)
        {
          sc->nul = (const char *) p - sc->start;
          return NULL;
        }
      if (k == 0)
        {
          sc->bad = (const char *) p - sc->start;
          return NULL;
        }
      p += k;
    }

#ifdef SCAN_AVX2
  gboolean avx2 = have_avx2 ();
#endif

  while (p < end)
    {
#ifdef SCAN_AVX2
      if (avx2)
        scan_avx2 (&p, end, sc->validate, (guchar) sc->quote, &n, &n_cr, &n_crlf, &sc->has_quote);
#endif
#ifdef __SSE2__
      const __m128i zero = _mm_setzero_si128 (), vlf = _mm_set1_epi8 ('\n'), vcr = _mm_set1_epi8 ('\r');
      const __m128i vquote = _mm_set1_epi8 (sc->quote);
      __m128i quotes = zero;

      /* 17 bytes readable: the CRLF test looks one byte ahead. */
      while (end - p >= 17)
        {
          __m128i lf = zero, cr = zero, crlf = zero, sad;
          int i, iters = (int) MIN ((gsize) 255, (gsize) (end - p - 1) / 16);

          for (i = 0; i < iters; i++)
            {
              __m128i v = _mm_loadu_si128 ((const __m128i *) p);
              __m128i next = _mm_loadu_si128 ((const __m128i *) (p + 1));
              __m128i is_cr = _mm_cmpeq_epi8 (v, vcr);

              if (sc->validate && _mm_movemask_epi8 (_mm_or_si128 (v, _mm_cmpeq_epi8 (v, zero))) != 0)
                break;
              lf = _mm_sub_epi8 (lf, _mm_cmpeq_epi8 (v, vlf));
              cr = _mm_sub_epi8 (cr, is_cr);
              crlf = _mm_sub_epi8 (crlf, _mm_and_si128 (is_cr, _mm_cmpeq_epi8 (next, vlf)));
              quotes = _mm_or_si128 (quotes, _mm_cmpeq_epi8 (v, vquote));
              p += 16;
            }
          sad = _mm_sad_epu8 (lf, zero);
          n += (gsize) _mm_cvtsi128_si32 (sad) + (gsize) _mm_extract_epi16 (sad, 4);
          sad = _mm_sad_epu8 (cr, zero);
          n_cr += (gsize) _mm_cvtsi128_si32 (sad) + (gsize) _mm_extract_epi16 (sad, 4);
          sad = _mm_sad_epu8 (crlf, zero);
          n_crlf += (gsize) _mm_cvtsi128_si32 (sad) + (gsize) _mm_extract_epi16 (sad, 4);
          if (i < iters)
            break;
        }
      sc->has_quote |= _mm_movemask_epi8 (quotes) != 0;
#endif
      /* Scalar: a block with non-ASCII or NUL bytes, or the tail. */
      {
        const guchar *stop = MIN (end, p + 16);

        while (p < stop)
          {
            guint k = 1;

            n += *p == '\n';
            n_cr += *p == '\r';
            n_crlf += *p == '\r' && p + 1 < end && p[1] == '\n';
            sc->has_quote |= *p == (guchar) sc->quote;
            if (sc->validate)
              {
                /* The first NUL ends the scan: the file is refused there. */
                if (*p == 0)
                  {
                    sc->nul = (const char *) p - sc->start;
                    sc->newlines = n + n_cr - n_crlf;
                    return NULL;
                  }
                k = utf8_sequence (p, end);
                if (k == 0)
                  {
                    sc->bad = (const char *) p - sc->start;
                    sc->newlines = n + n_cr - n_crlf;
                    return NULL;
                  }
              }
            p += k;
          }
      }
    }
  sc->newlines = n + n_cr - n_crlf;
  return NULL;
}

static gboolean
looks_utf16 (const guchar *s,
             gsize         len,
             gboolean     *little_endian)
{
  guint even = 0, odd = 0, n = MIN (len, 400) & ~1u;

  if (n < 4)
    return FALSE;
  for (guint i = 0; i < n; i += 2)
    {
      even += s[i] == 0;
      odd += s[i + 1] == 0;
    }
  if (odd > n / 2 * 0.6 && even == 0)
    {
      *little_endian = TRUE;
      return TRUE;
    }
  if (even > n / 2 * 0.6 && odd == 0)
    {
      *little_endian = FALSE;
      return TRUE;
    }
  return FALSE;
}

typedef enum
{
  CONVERT_OK,
  CONVERT_UNKNOWN,    /* no such encoding */
  CONVERT_INVALID,    /* *read: where the input stops being valid */
  CONVERT_MEMORY,
} ConvertResult;

/* Like g_convert, but the output grows with g_try_realloc: a file too large
 * to convert is an error, not an abort. */
static ConvertResult
iconv_to_utf8 (const char  *data,
               gsize        len,
               const char  *from,
               char       **out,
               gsize       *out_len,
               gsize       *read)
{
  GIConv cd = g_iconv_open ("UTF-8", from);
  gchar *in = (gchar *) data;
  gsize in_left = len, used = 0;
  gsize size = len <= G_MAXSIZE / 4 ? len + len / 2 + 16 : 0;
  char *buf = size ? g_try_malloc (size) : NULL;
  gboolean flushed = FALSE;

  if (cd == (GIConv) -1)
    {
      g_free (buf);
      return CONVERT_UNKNOWN;
    }
  while (buf != NULL && !flushed)
    {
      gchar *outp = buf + used;
      gsize out_left = size - used - 1;   /* room for the final NUL */
      gsize result;

      if (in_left > 0)
        result = g_iconv (cd, &in, &in_left, &outp, &out_left);
      else
        {
          result = g_iconv (cd, NULL, NULL, &outp, &out_left);
          flushed = result != (gsize) -1;
        }
      used = outp - buf;
      if (result != (gsize) -1)
        continue;
      if (errno != E2BIG)
        {
          *read = len - in_left;
          g_free (buf);
          g_iconv_close (cd);
          return CONVERT_INVALID;
        }
      {
        char *grown = size <= G_MAXSIZE / 2 ? g_try_realloc (buf, size * 2) : NULL;

        if (grown == NULL)
          g_clear_pointer (&buf, g_free);
        buf = grown;
        size *= 2;
      }
    }
  g_iconv_close (cd);
  if (buf == NULL)
    return CONVERT_MEMORY;
  buf[used] = '\0';
  *out = buf;
  *out_len = used;
  return CONVERT_OK;
}

/* @data in @from to UTF-8; Windows-1252's few undefined bytes fall back to Latin-1. */
gboolean
uc_csv_convert_to_utf8 (const char  *name,
                        const char  *data,
                        gsize        len,
                        const char  *from,
                        const char **out,
                        gsize       *out_len,
                        char       **owned,
                        char       **encoding_used,
                        GError     **error)
{
  gsize read = 0, written = 0;
  char *converted = NULL;
  ConvertResult result = iconv_to_utf8 (data, len, from, &converted, &written, &read);

  if (result == CONVERT_INVALID && g_str_equal (from, "WINDOWS-1252"))
    {
      from = "ISO-8859-1";
      result = iconv_to_utf8 (data, len, from, &converted, &written, &read);
    }
  switch (result)
    {
    case CONVERT_OK:
      break;
    case CONVERT_UNKNOWN:
      /* Translators: a file's name, then the name of an encoding as given (UTF-16, WINDOWS-1252…). */
      g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION, _("%s: unknown encoding “%s”"), name, from);
      return FALSE;
    case CONVERT_INVALID:
      {
        g_autofree char *at = g_strdup_printf ("%" G_GSIZE_FORMAT, read + 1);

        /* Translators: a file's name, a byte's position in it (a number), an encoding's name (UTF-16…). */
        g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_ENCODING, _("%s: byte %s: not valid %s"), name, at, from);
        return FALSE;
      }
    case CONVERT_MEMORY:
    default:
      {
        g_autofree char *bytes = g_strdup_printf ("%" G_GSIZE_FORMAT, len);

        g_set_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE,
                     /* Translators: a file's name, its size in bytes (a number), an encoding's name (UTF-16…). */
                     _("%s: not enough memory to convert %s bytes from %s"), name, bytes, from);
        return FALSE;
      }
    }
  g_free (*owned);
  *encoding_used = g_strdup (from);
  *owned = converted;
  *out = converted;
  *out_len = written;
  return TRUE;
}


/* How much likelier each byte from 0x80 is a letter of a Windows-1250
 * language (Polish, Czech, Slovak, Hungarian, Croatian…) than of a
 * Windows-1252 one, where the two code pages differ: a letter common in
 * the one but a symbol or a rare letter in the other counts most (0xB9 is
 * ą or ¹, 0xB3 ł or ³, 0x9C ś or œ); a letter common in both (0xE8 č or è)
 * counts nothing. */
static const gint8 cp1250_bias[128] = {
   0,  0,  0, -2,  0,  0,  0,  0, -2,  0,  0,  0,  3,  5,  0,  5,   /* 0x80 */
   0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  3,  5,  0,  3,   /* 0x90 */
   0,  2,  0,  5,  0,  5,  0,  0,  0,  0,  2,  0,  0,  0,  0,  5,   /* 0xA0 */
   0,  0,  0,  5,  0,  0,  0,  0,  0,  5,  2,  0,  5,  0,  5,  5,   /* 0xB0 */
  -3,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0,  2,   /* 0xC0 */
   2,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  3,  0,  0,  2,  0,   /* 0xD0 */
  -3,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  0,  2,   /* 0xE0 */
   2,  0,  0,  0,  0,  0,  0,  0,  0,  1,  0,  3,  0,  0,  2, -2,   /* 0xF0 */
};

/* The Windows code page that non-UTF-8 @data is likelier in. Only bytes
 * right after a letter count: inside words the code pages differ most,
 * while ¿ ¡ £ ¥ º before or after words are punctuation in either. Ties
 * go to 1252, the code page of most such files, and so does text with a
 * byte 1250 leaves undefined. The whole text is looked at: it is about to
 * be converted, which costs far more.
 *
 * 0xF5 is Hungarian ő in 1250 and Portuguese or Estonian õ in 1252, both
 * common, so alone it tells nothing; but Hungarian writes it beside ö and
 * ü and has no ä or ã, while Portuguese has no ö or ü and Estonian writes
 * ä everywhere. Text with ő, ö or ü and neither ä nor ã is Hungarian: a
 * KSH table of only "főváros", "Győr" and "Közép" is otherwise read as
 * "fõváros". */
const char *
uc_csv_legacy_code_page (const char *data,
                         gsize       len)
{
  const guchar *s = (const guchar *) data;
  gint64 score = 0, o_double_acute = 0;
  gboolean o_u_umlaut = FALSE, a_umlaut_or_tilde = FALSE;

  for (gsize i = 0; i < len; i++)
    if (s[i] >= 0x80)
      {
        if (s[i] == 0x81 || s[i] == 0x83 || s[i] == 0x88 || s[i] == 0x90 || s[i] == 0x98)
          return "WINDOWS-1252";
        if (i > 0 && (s[i - 1] >= 0x80 || g_ascii_isalpha (s[i - 1])))
          {
            score += cp1250_bias[s[i] - 0x80];
            o_double_acute += (s[i] | 0x20) == 0xF5;
          }
        o_u_umlaut |= (s[i] | 0x20) == 0xF6 || (s[i] | 0x20) == 0xFC;
        a_umlaut_or_tilde |= (s[i] | 0x20) == 0xE4 || (s[i] | 0x20) == 0xE3;
      }
  if (o_u_umlaut && !a_umlaut_or_tilde)
    score += 3 * o_double_acute;
  return score > 0 ? "WINDOWS-1250" : "WINDOWS-1252";
}

static gboolean
is_utf8_name (const char *encoding)
{
  return g_ascii_strcasecmp (encoding, "UTF-8") == 0 || g_ascii_strcasecmp (encoding, "UTF8") == 0;
}

/* The encoding a BOM or UTF-16's NUL bytes tell, and the BOM's length in
 * *skip; NULL for UTF-8 (*bom when it starts with one). */
static const char *
detect_encoding (const guchar *s,
                 gsize         len,
                 gboolean      forced_utf8,
                 gsize        *skip,
                 gboolean     *bom)
{
  gboolean le;

  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
    {
      *skip = 3;
      *bom = TRUE;
    }
  else if (!forced_utf8 && len >= 2 && s[0] == 0xFF && s[1] == 0xFE)
    {
      *skip = 2;
      return "UTF-16LE";
    }
  else if (!forced_utf8 && len >= 2 && s[0] == 0xFE && s[1] == 0xFF)
    {
      *skip = 2;
      return "UTF-16BE";
    }
  else if (!forced_utf8 && looks_utf16 (s, len, &le))
    return le ? "UTF-16LE" : "UTF-16BE";
  return NULL;
}

/* UTF-8 text used as it is, not copied. */
static gboolean
borrow_utf8 (const char  *text,
             gsize        len,
             gboolean     bom,
             const char **out,
             gsize       *out_len,
             char       **encoding_used)
{
  *encoding_used = g_strdup (bom ? "UTF-8 with BOM" : "UTF-8");
  *out = text;
  *out_len = len;
  return TRUE;
}

/* Text that should be UTF-8 but has the byte at @bad that is not: an error
 * if the file said it was UTF-8 (@refuse), else a warning that it is read
 * in the code page @from. */
static gboolean
not_utf8 (const char  *name,
          const char  *text,
          gsize        len,
          gssize       bad,
          gboolean     refuse,
          const char  *from,
          Warnings    *warnings,
          GError     **error)
{
  Input in = { .name = name, .data = text, .len = len };
  guint line, column;

  if (refuse)
    {
      uc_csv_set_error_at (&in, text + bad, error, UC_CSV_ERROR_ENCODING,
                           _("invalid UTF-8 byte 0x%02X"), (guchar) text[bad]);
      return FALSE;
    }
  /* Not UTF-8: most such files come from Windows spreadsheets. */
  uc_csv_locate (&in, text + bad, &line, &column);
  /* Translators: a line and a column of the file, a byte's value, a Windows code page's number (1250, 1252). */
  uc_csv_warn (warnings, N_("line %u, column %u: not valid UTF-8 (byte 0x%02X); the file was read as Windows-%s"),
               line, column, (guchar) text[bad], from + strlen ("WINDOWS-"));
  return TRUE;
}

/* Decodes @data to UTF-8 (owned in *owned, or borrowed when already UTF-8).
 * Without a forced encoding: a BOM decides; UTF-16 is recognised by its
 * NUL bytes; bytes that are not UTF-8 are read in Windows-1250 or 1252. */
gboolean
uc_csv_decode (const char  *name,
               const char  *data,
               gsize        len,
               gssize      *nul_at,
               gboolean    *validate_later,
               const char  *encoding,
               const char **out,
               gsize       *out_len,
               char       **owned,
               char       **encoding_used,
               Warnings    *warnings,
               GError     **error)
{
  const char *from = NULL;
  gboolean forced_utf8 = FALSE, bom = FALSE;
  gsize skip = 0;

  *owned = NULL;
  *nul_at = -2;   /* not looked for */
  if (encoding && is_utf8_name (encoding))
    forced_utf8 = TRUE;
  else if (encoding)
    from = encoding;

  if (from == NULL)
    from = detect_encoding ((const guchar *) data, len, forced_utf8, &skip, &bom);

  /* Large UTF-8 files are checked while their lines are counted. */
  *validate_later = FALSE;
  if (from == NULL && len - skip >= 4 * MIN_PARALLEL_BYTES)
    {
      *validate_later = TRUE;
      *nul_at = -3;
      return borrow_utf8 (data + skip, len - skip, bom, out, out_len, encoding_used);
    }

  if (from == NULL)
    {
      Scan sc = { data + skip, data + len, data + skip, '"', TRUE, FALSE, 0, -1, -1 };

      uc_csv_scan_range (&sc);
      if (sc.bad < 0)
        {
          *nul_at = sc.nul;
          return borrow_utf8 (data + skip, len - skip, bom, out, out_len, encoding_used);
        }
      from = uc_csv_legacy_code_page (data + skip, len - skip);
      if (!not_utf8 (name, data + skip, len - skip, sc.bad, forced_utf8 || bom, from, warnings, error))
        return FALSE;
    }

  return uc_csv_convert_to_utf8 (name, data + skip, len - skip, from, out, out_len, owned, encoding_used, error);
}

/* A file that is not text is refused from its first block, before the
 * rest is read or any memory is set aside for it. NUL bytes are what
 * binary files have and text never has, except in UTF-16 (told by its BOM
 * or by its pattern of NULs) or in an encoding the user names. */
gboolean
uc_csv_check_first_block (const char         *name,
                          const char         *data,
                          gsize               len,
                          const UcCsvOptions *options,
                          GError            **error)
{
  const guchar *s = (const guchar *) data;
  const char *encoding = options ? options->encoding : NULL;
  gboolean forced_utf8 = encoding && is_utf8_name (encoding);
  gsize skip = len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0;
  const char *nul;
  gboolean le;

  if (encoding && !forced_utf8)
    return TRUE;
  if (!forced_utf8 && skip == 0 &&
      ((len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) || looks_utf16 (s, len, &le)))
    return TRUE;
  nul = memchr (data + skip, '\0', len - skip);
  if (nul != NULL)
    {
      Input in = { .name = name, .data = data + skip, .len = len - skip };

      uc_csv_set_error_at (&in, nul, error, UC_CSV_ERROR_NUL_BYTE, _("NUL byte in the file (is it a text file?)"));
      return FALSE;
    }
  return TRUE;
}
