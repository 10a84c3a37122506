/* uc-parse.c: number and date parsers for data cells
 *
 * Numbers take a fast exact path (Clinger's: a mantissa below 2^53 times a
 * power of ten up to 10^22 is correctly rounded by one IEEE operation) and
 * fall back to g_ascii_strtod on a normalised copy otherwise. Nothing here
 * reads the C locale.
 */
#include "uc-parse.h"

#include <math.h>
#include <string.h>

static const double pow10_exact[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t';
}

/* Length of a space-like separator at @p: ASCII space, NBSP, narrow NBSP, thin space. */
static gsize
space_len (const char *p,
           const char *end)
{
  if (p < end && *p == ' ')
    return 1;
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0xAF || (guchar) p[2] == 0x89))
    return 3;
  return 0;
}

static gsize
currency_len (const char *p,
              const char *end)
{
  if (p < end && *p == '$')
    return 1;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x82 && (guchar) p[2] == 0xAC)
    return 3;   /* € */
  if (end - p >= 2 && (guchar) p[0] == 0xC2 && ((guchar) p[1] == 0xA5 || (guchar) p[1] == 0xA3))
    return 2;   /* ¥ £ */
  return 0;
}

static gsize
minus_len (const char *p,
           const char *end)
{
  if (p < end && *p == '-')
    return 1;
  if (end - p >= 3 && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x88 && (guchar) p[2] == 0x92)
    return 3;   /* U+2212 MINUS SIGN */
  return 0;
}

static void
trim (const char **text,
      gsize       *len)
{
  const char *s = *text;
  gsize n = *len;

  while (n > 0 && is_space (*s))
    s++, n--;
  while (n > 0 && is_space (s[n - 1]))
    n--;
  *text = s;
  *len = n;
}

gboolean
uc_is_missing (const char *text,
               gsize       len)
{
  static const struct { char text[5]; guint8 len; } tokens[] = {
    { "na", 2 }, { "n/a", 3 }, { "null", 4 }, { "nan", 3 }, { "-", 1 }, { "--", 2 }, { ".", 1 }, { "...", 3 },
    { "…", 3 }, { "#n/a", 4 }, { "none", 4 },
  };

  trim (&text, &len);
  if (len == 0)
    return TRUE;
  if (len > 4)
    return FALSE;
  /* Every token starts with one of these: most cells are out at once. */
  switch (text[0])
    {
    case 'n': case 'N': case '-': case '.': case '#': case '\xE2': break;
    default: return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    if (tokens[i].len == len && g_ascii_strncasecmp (text, tokens[i].text, len) == 0)
      return TRUE;
  return FALSE;
}

/* Hot path (csv-load benchmark: inlined into the reader's per-cell loop,
 * where it and uc_parse_date are most of the time): kept whole, the fast
 * path first, so the common cell costs one pass and no call. */
gboolean
uc_parse_number (const char *text,
                 gsize       len,
                 char        decimal,
                 char        thousands,
                 gboolean    allow_suffix,
                 double     *value,
                 guint      *flags_out)
{
  const char *p, *end;
  gboolean negative = FALSE, seen_point = FALSE;
  guint flags = 0;
  guint64 mantissa = 0;
  int sig_digits = 0, exp10 = 0, int_digits = 0, group_len = -1;
  char group = 0;
  char norm[80];
  gsize nlen = 0;
  double v;
  gsize k;

  if (flags_out)
    *flags_out = 0;

  /* Fast path: [-]digits[.digits], nothing else, exactly representable. */
  if (len > 0 && len < 20)
    {
      const char *q = text, *qe = text + len;
      gboolean neg = *q == '-';
      guint64 m = 0;
      int nd = 0, frac = 0;
      gboolean point = FALSE;

      q += neg;
      while (q < qe && is_digit (*q))
        m = m * 10 + (guint64) (*q++ - '0'), nd++;
      if (q < qe && *q == decimal)
        {
          point = TRUE;
          q++;
          while (q < qe && is_digit (*q))
            m = m * 10 + (guint64) (*q++ - '0'), nd++, frac++;
        }
      if (q == qe && nd > 0 && m < ((guint64) 1 << 53))
        {
          double fv = frac ? (double) m / pow10_exact[frac] : (double) m;

          *value = neg ? -fv : fv;
          if (flags_out)
            *flags_out = point ? 0 : UC_NUMBER_INTEGER;
          return TRUE;
        }
    }

  trim (&text, &len);
  if (len == 0 || len >= sizeof norm - 8)
    return FALSE;
  p = text;
  end = text + len;

  /* inf, -Infinity, NaN: what programs print for values that are not
   * finite. They are no values, but they are not words either. */
  {
    const char *q = p;
    gsize n;

    if (q < end && *q == '+')
      q++;
    else
      q += minus_len (q, end);
    n = end - q;
    if ((n == 3 && (g_ascii_strncasecmp (q, "inf", 3) == 0 || g_ascii_strncasecmp (q, "nan", 3) == 0)) ||
        (n == 8 && g_ascii_strncasecmp (q, "infinity", 8) == 0))
      {
        if (flags_out)
          *flags_out = UC_NUMBER_NOT_FINITE;
        return FALSE;
      }
  }

  /* Accounting negatives: (1,234.00) */
  if (*p == '(' && end[-1] == ')')
    {
      negative = TRUE;
      p++, end--;
    }

  for (int pass = 0; pass < 2; pass++)
    {
      if (p < end && *p == '+')
        p++;
      else if ((k = minus_len (p, end)) > 0)
        {
          if (negative)
            return FALSE;
          negative = TRUE;
          p += k;
        }
      if ((k = currency_len (p, end)) > 0 && !(flags & UC_NUMBER_CURRENCY))
        {
          flags |= UC_NUMBER_CURRENCY;
          p += k;
          while (p < end && is_space (*p))
            p++;
        }
      else
        break;
    }

  if (p >= end || (!is_digit (*p) && *p != decimal))
    return FALSE;

  /* Integer part, with optional thousands groups of exactly three digits. */
  while (p < end)
    {
      char c = *p;

      if (is_digit (c))
        {
          if (group_len >= 0)
            group_len++;
          if (mantissa == 0 && c == '0')
            ;   /* leading zeros carry nothing */
          else if (sig_digits < 19)
            mantissa = mantissa * 10 + (guint64) (c - '0'), sig_digits++;
          else
            exp10++, sig_digits++;
          if (nlen < sizeof norm - 8)
            norm[nlen++] = c;
          int_digits++;
          p++;
          continue;
        }

      k = space_len (p, end);
      /* A separator only counts as one when a digit follows ("12 €" is not grouped). */
      if ((c == ',' || c == '.' || c == '\'' || k > 0) && c != decimal &&
          p + (k > 0 ? k : 1) < end && is_digit (p[k > 0 ? k : 1]))
        {
          char g = k > 0 ? ' ' : c;

          /* Not the separator asked for: the number ends here, and what
           * follows decides (mostly: not a number). */
          if (thousands != 0 && g != thousands)
            break;
          /* A group separator needs 1-3 digits before the first one and
           * exactly three between any two. */
          if ((group != 0 && g != group) || int_digits == 0 ||
              (group_len < 0 ? int_digits > 3 : group_len != 3))
            return FALSE;
          group = g;
          group_len = 0;
          flags |= UC_NUMBER_GROUPED;
          p += k > 0 ? k : 1;
          continue;
        }
      break;
    }
  if (group != 0 && group_len != 3)
    return FALSE;
  if (group != 0)
    flags |= group == ',' ? UC_NUMBER_GROUP_COMMA : group == '.' ? UC_NUMBER_GROUP_POINT :
             group == '\'' ? UC_NUMBER_GROUP_APOSTROPHE : UC_NUMBER_GROUP_SPACE;

  if (p < end && *p == decimal)
    {
      seen_point = TRUE;
      p++;
      if (nlen < sizeof norm - 8)
        norm[nlen++] = '.';
      while (p < end && is_digit (*p))
        {
          if (mantissa == 0 && *p == '0')
            exp10--;
          else if (sig_digits < 19)
            mantissa = mantissa * 10 + (guint64) (*p - '0'), sig_digits++, exp10--;
          else
            sig_digits++;
          if (nlen < sizeof norm - 8)
            norm[nlen++] = *p;
          int_digits++;
          p++;
        }
    }
  if (int_digits == 0)
    return FALSE;

  if (p < end && (*p == 'e' || *p == 'E') && p + 1 < end &&
      (is_digit (p[1]) || ((p[1] == '+' || p[1] == '-') && p + 2 < end && is_digit (p[2]))))
    {
      int e = 0, sign = 1;

      seen_point = TRUE;
      norm[nlen++] = 'e';
      p++;
      if (*p == '+' || *p == '-')
        {
          sign = *p == '-' ? -1 : 1;
          norm[nlen++] = *p;
          p++;
        }
      while (p < end && is_digit (*p))
        {
          if (e < 100000)
            e = e * 10 + (*p - '0');
          if (nlen < sizeof norm - 2)
            norm[nlen++] = *p;
          p++;
        }
      exp10 += sign * e;
    }

  /* Trailing decorations: currency, suffix, percent, each at most once. */
  {
    double multiplier = 1;

    if (p < end && allow_suffix && group == 0)
      {
        switch (*p)
          {
          case 'K': case 'k': multiplier = 1e3; break;
          case 'M': case 'm': multiplier = 1e6; break;
          case 'B': case 'b': multiplier = 1e9; break;
          case 'T': case 't': multiplier = 1e12; break;
          default: break;
          }
        if (multiplier != 1)
          {
            flags |= UC_NUMBER_SUFFIX;
            p++;
          }
      }
    while (p < end && is_space (*p))
      p++;
    if (p < end && !(flags & UC_NUMBER_CURRENCY) && (k = currency_len (p, end)) > 0)
      {
        flags |= UC_NUMBER_CURRENCY;
        p += k;
        while (p < end && is_space (*p))
          p++;
      }
    if (p < end && *p == '%')
      {
        flags |= UC_NUMBER_PERCENT;
        p++;
      }
    if (p != end)
      return FALSE;

    if (sig_digits <= 19 && mantissa < ((guint64) 1 << 53) && exp10 >= -22 && exp10 <= 22)
      v = exp10 < 0 ? (double) mantissa / pow10_exact[-exp10] : (double) mantissa * pow10_exact[exp10];
    else
      {
        norm[nlen] = '\0';
        v = g_ascii_strtod (norm, NULL);
      }
    v *= multiplier;
  }

  if (!isfinite (v))
    {
      if (flags_out)
        *flags_out = UC_NUMBER_NOT_FINITE;
      return FALSE;
    }
  if (!seen_point)
    flags |= UC_NUMBER_INTEGER;
  *value = negative ? -v : v;
  if (flags_out)
    *flags_out = flags;
  return TRUE;
}

/* ---- dates ---- */

static const char * const month_names[] = {
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
};

static gboolean
valid_ymd (int y, int m, int d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= uc_days_in_month (y, m);
}

/* Exactly @n digits at *p. */
static gboolean
digits (const char **p,
        const char  *end,
        int          n,
        int         *out)
{
  int v = 0;

  if (end - *p < n)
    return FALSE;
  for (int i = 0; i < n; i++)
    {
      if (!is_digit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = v;
  return TRUE;
}

/* One or two digits. */
static gboolean
digits12 (const char **p,
          const char  *end,
          int         *out)
{
  if (*p < end && is_digit (**p) && (*p + 1 >= end || !is_digit ((*p)[1])))
    return digits (p, end, 1, out);
  return digits (p, end, 2, out);
}

static gboolean
expect (const char **p,
        const char  *end,
        char         c)
{
  if (*p < end && **p == c)
    {
      (*p)++;
      return TRUE;
    }
  return FALSE;
}

/* English month name, full or abbreviated ("Sept" too), any case. */
static gboolean
month_name (const char **p,
            const char  *end,
            int         *month)
{
  const char *s = *p;
  gsize n = 0;

  while (s + n < end && g_ascii_isalpha (s[n]))
    n++;
  if (n < 3)
    return FALSE;
  for (int m = 0; m < 12; m++)
    {
      gsize full = strlen (month_names[m]);

      if ((n == 3 || n == full || (m == 8 && n == 4)) && n <= full &&
          g_ascii_strncasecmp (s, month_names[m], n) == 0)
        {
          *month = m + 1;
          *p = s + n;
          if (*p < end && **p == '.')
            (*p)++;
          return TRUE;
        }
    }
  return FALSE;
}

static int
expand_year (int y, int ndigits)
{
  if (ndigits == 2)
    return y < 69 ? 2000 + y : 1900 + y;
  return y;
}

/* Year of 4 digits, or 2 where allowed. */
static gboolean
year (const char **p,
      const char  *end,
      gboolean     allow_two,
      int         *out)
{
  int y;

  if (digits (p, end, 4, &y))
    {
      *out = y;
      return TRUE;
    }
  if (allow_two && end - *p == 2 && digits (p, end, 2, &y))
    {
      *out = expand_year (y, 2);
      return TRUE;
    }
  return FALSE;
}

static gboolean
parse_time_and_zone (const char  *p,
                     const char  *end,
                     gint64      *usec)
{
  int hh, mm, ss = 0, zh = 0, zm = 0;
  gint64 frac = 0;

  if (!digits (&p, end, 2, &hh) || !expect (&p, end, ':') || !digits (&p, end, 2, &mm))
    return FALSE;
  if (expect (&p, end, ':'))
    {
      if (!digits (&p, end, 2, &ss))
        return FALSE;
      if (p < end && (*p == '.' || *p == ','))
        {
          gint64 scale = 100000;
          int n = 0;

          p++;
          while (p < end && is_digit (*p))
            {
              if (n < 6)
                frac += (*p - '0') * scale, scale /= 10;
              n++, p++;
            }
          if (n == 0)
            return FALSE;
        }
    }
  if (hh > 24 || mm > 59 || ss > 60 || (hh == 24 && (mm || ss || frac)))
    return FALSE;

  if (p < end)
    {
      int sign = 1;

      if (*p == 'Z' && p + 1 == end)
        p++;
      else if (*p == '+' || *p == '-')
        {
          sign = *p == '-' ? -1 : 1;
          p++;
          if (!digits (&p, end, 2, &zh))
            return FALSE;
          if (expect (&p, end, ':'))
            {
              if (!digits (&p, end, 2, &zm))
                return FALSE;
            }
          else if (p < end && !digits (&p, end, 2, &zm))
            return FALSE;
          if (zh > 18 || zm > 59)
            return FALSE;
          zh *= sign;
          zm *= sign;
        }
      if (p != end)
        return FALSE;
    }

  *usec = (((gint64) hh * 60 + mm) * 60 + ss) * G_USEC_PER_SEC + frac
          - ((gint64) zh * 60 + zm) * 60 * G_USEC_PER_SEC;
  return TRUE;
}

/* Nothing more, or a space (or T) and a time of day. */
static gboolean
optional_time (const char *p,
               const char *end,
               gint64     *usec)
{
  *usec = 0;
  if (p == end)
    return TRUE;
  if (*p != ' ' && *p != 'T')
    return FALSE;
  p++;
  while (p < end && *p == ' ')
    p++;
  return parse_time_and_zone (p, end, usec);
}

static gboolean
finish (int y, int m, int d, gint64 time_usec, UcTime *value)
{
  if (!valid_ymd (y, m, d))
    return FALSE;
  *value = uc_time_from_ymd (y, m, d) + time_usec;
  return TRUE;
}

/* Hot path (csv-load benchmark), like uc_parse_number: one switch over
 * the formats, kept whole. */
gboolean
uc_parse_date (const char   *text,
               gsize         len,
               UcDateFormat  format,
               UcTime       *value)
{
  const char *p, *end;
  int y = 0, m = 0, d = 1, q;

  trim (&text, &len);
  p = text;
  end = text + len;

  switch (format)
    {
    case UC_DATE_ISO:
      if (year (&p, end, FALSE, &y) && expect (&p, end, '-') && digits (&p, end, 2, &m) &&
          expect (&p, end, '-') && digits (&p, end, 2, &d) && p == end)
        return finish (y, m, d, 0, value);
      return FALSE;

    case UC_DATE_ISO_DATETIME:
      {
        gint64 t;

        if (!(year (&p, end, FALSE, &y) && expect (&p, end, '-') && digits (&p, end, 2, &m) &&
              expect (&p, end, '-') && digits (&p, end, 2, &d)))
          return FALSE;
        /* A bare date is midnight: columns mix both. */
        if (p == end)
          return finish (y, m, d, 0, value);
        if (*p != 'T' && *p != ' ')
          return FALSE;
        p++;
        while (p < end && *p == ' ')
          p++;
        if (!parse_time_and_zone (p, end, &t))
          return FALSE;
        return finish (y, m, d, t, value);
      }

    case UC_DATE_YMD_SLASH:
      {
        gint64 t = 0;

        if (year (&p, end, FALSE, &y) && expect (&p, end, '/') && digits12 (&p, end, &m) &&
            expect (&p, end, '/') && digits12 (&p, end, &d) && optional_time (p, end, &t))
          return finish (y, m, d, t, value);
        return FALSE;
      }

    case UC_DATE_DMY_DOT:
    case UC_DATE_DMY_SLASH:
    case UC_DATE_MDY_SLASH:
    case UC_DATE_DMY_DASH:
      {
        char sep = format == UC_DATE_DMY_DOT ? '.' : format == UC_DATE_DMY_DASH ? '-' : '/';
        int a, b;

        gint64 t = 0;

        if (!(digits12 (&p, end, &a) && expect (&p, end, sep) && digits12 (&p, end, &b) &&
              expect (&p, end, sep) && year (&p, end, TRUE, &y)))
          return FALSE;
        if (!optional_time (p, end, &t))
          return FALSE;
        if (format == UC_DATE_MDY_SLASH)
          m = a, d = b;
        else
          d = a, m = b;
        return finish (y, m, d, t, value);
      }

    case UC_DATE_MON_D_Y:
      if (!month_name (&p, end, &m))
        return FALSE;
      while (p < end && *p == ' ')
        p++;
      if (!digits12 (&p, end, &d))
        return FALSE;
      expect (&p, end, ',');
      if (!expect (&p, end, ' '))
        return FALSE;
      while (p < end && *p == ' ')
        p++;
      if (!year (&p, end, FALSE, &y) || p != end)
        return FALSE;
      return finish (y, m, d, 0, value);

    case UC_DATE_D_MON_Y:
      {
        char sep;

        if (!digits12 (&p, end, &d) || p >= end || (*p != '-' && *p != ' '))
          return FALSE;
        sep = *p++;
        if (!month_name (&p, end, &m) || !expect (&p, end, sep) || !year (&p, end, TRUE, &y) || p != end)
          return FALSE;
        return finish (y, m, d, 0, value);
      }

    case UC_DATE_YEAR_MONTH:
      if (year (&p, end, FALSE, &y) && expect (&p, end, '-') && digits (&p, end, 2, &m) && p == end)
        return finish (y, m, 1, 0, value);
      return FALSE;

    case UC_DATE_QUARTER:
      if (!year (&p, end, FALSE, &y))
        return FALSE;
      expect (&p, end, '-');
      if (!expect (&p, end, 'Q') && !expect (&p, end, 'q'))
        return FALSE;
      if (!digits (&p, end, 1, &q) || q < 1 || q > 4 || p != end)
        return FALSE;
      return finish (y, (q - 1) * 3 + 1, 1, 0, value);

    case UC_DATE_YEAR:
      if (year (&p, end, FALSE, &y) && p == end)
        return finish (y, 1, 1, 0, value);
      return FALSE;

    case UC_DATE_EPOCH_S:
    case UC_DATE_EPOCH_MS:
      {
        gint64 n = 0;
        gboolean neg = expect (&p, end, '-');
        int count = 0;

        /* Up to year ±31000 either way: the result fits in 64 bits. */
        int max_digits = format == UC_DATE_EPOCH_S ? 12 : 15;

        while (p < end && is_digit (*p) && count < max_digits)
          n = n * 10 + (*p++ - '0'), count++;
        /* Whole seconds, optionally with a fraction. */
        if (format == UC_DATE_EPOCH_S && p < end && *p == '.')
          {
            gint64 frac = 0, scale = 100000;

            p++;
            while (p < end && is_digit (*p))
              {
                if (scale > 0)
                  frac += (*p - '0') * scale, scale /= 10;
                p++;
              }
            if (count == 0 || p != end)
              return FALSE;
            *value = (neg ? -1 : 1) * (n * G_USEC_PER_SEC + frac);
            return TRUE;
          }
        if (count == 0 || p != end)
          return FALSE;
        if (neg)
          n = -n;
        *value = format == UC_DATE_EPOCH_S ? n * G_USEC_PER_SEC : n * 1000;
        return TRUE;
      }

    case UC_DATE_COMPACT:
      if (digits (&p, end, 4, &y) && digits (&p, end, 2, &m) && digits (&p, end, 2, &d) && p == end)
        return finish (y, m, d, 0, value);
      return FALSE;

    case UC_DATE_N_FORMATS:
    default:
      return FALSE;
    }
}

static inline int
two (const char *p)
{
  return (p[0] - '0') * 10 + (p[1] - '0');
}

static inline gboolean
all_digits (const char *p,
            int         n)
{
  for (int i = 0; i < n; i++)
    if (!is_digit (p[i]))
      return FALSE;
  return TRUE;
}

/* The common shapes of ISO dates and datetimes without a zone:
 * YYYY-MM-DD, then optionally T or space and HH:MM or HH:MM:SS. Returns
 * FALSE for anything else, and the caller takes the general path. */
gboolean
uc_parse_iso_fast (const char  *text,
                   gsize        len,
                   gboolean     allow_time,
                   UcDateCache *cache,
                   UcTime      *value)
{
  UcTime day;
  gint64 secs = 0;

  if (len != 10 && (!allow_time || (len != 16 && len != 19)))
    return FALSE;
  if (uc_parse_iso_cached (text, len, cache, value))
    return TRUE;
  if (cache->valid && memcmp (text, cache->date, 10) == 0)
    day = cache->day;
  else
    {
      int y, m, d;

      if (text[4] != '-' || text[7] != '-' || !all_digits (text, 4) || !all_digits (text + 5, 2) || !all_digits (text + 8, 2))
        return FALSE;
      y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + two (text + 2);
      m = two (text + 5);
      d = two (text + 8);
      if (!valid_ymd (y, m, d))
        return FALSE;
      day = uc_time_from_ymd (y, m, d);
      memcpy (cache->date, text, 10);
      cache->day = day;
      cache->valid = TRUE;
    }

  if (len > 10)
    {
      int hh, mm, ss = 0;

      if ((text[10] != 'T' && text[10] != ' ') || text[13] != ':' || !all_digits (text + 11, 2) || !all_digits (text + 14, 2))
        return FALSE;
      hh = two (text + 11);
      mm = two (text + 14);
      if (len == 19)
        {
          if (text[16] != ':' || !all_digits (text + 17, 2))
            return FALSE;
          ss = two (text + 17);
        }
      if (hh > 23 || mm > 59 || ss > 59)
        return FALSE;
      secs = ((gint64) hh * 60 + mm) * 60 + ss;
    }
  *value = day + secs * G_USEC_PER_SEC;
  memcpy (cache->cell, text, len);
  cache->cell_len = (guint8) len;
  cache->cell_value = *value;
  return TRUE;
}

/* Formats a single cell can be read in; epoch and bare years need the
 * column's header to agree and are decided by the reader. */
guint
uc_date_formats_matching (const char *text,
                          gsize       len)
{
  guint mask = 0;
  UcTime t;

  trim (&text, &len);
  if (len < 6 || len > 40)
    return 0;
  /* A date starts with a digit or a month name. */
  if (!is_digit (text[0]) && !g_ascii_isalpha (text[0]))
    return 0;

  for (UcDateFormat f = UC_DATE_ISO; f <= UC_DATE_QUARTER; f++)
    if (uc_parse_date (text, len, f, &t))
      mask |= UC_DATE_FORMAT_BIT (f);
  return mask;
}

/* A YYYYMMDD cell that is a real day in 1900–2100: eight-digit codes and
 * amounts mostly are not, and a column is read as compact dates only when
 * every value is one. */
gboolean
uc_is_compact_date (const char *text,
                    gsize       len)
{
  const char *p, *end;
  int y, m, d;

  trim (&text, &len);
  p = text;
  end = text + len;
  return len == 8 && digits (&p, end, 4, &y) && digits (&p, end, 2, &m) && digits (&p, end, 2, &d) &&
         y >= 1900 && y <= 2100 && valid_ymd (y, m, d);
}

gboolean
uc_date_format_has_time (UcDateFormat format)
{
  return format == UC_DATE_ISO_DATETIME || format == UC_DATE_EPOCH_S || format == UC_DATE_EPOCH_MS;
}

const char *
uc_date_format_describe (UcDateFormat format)
{
  static const char * const names[] = {
    "%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y/%m/%d", "%d.%m.%Y", "%d/%m/%Y", "%m/%d/%Y",
    "%d-%m-%Y", "%b %d, %Y", "%d-%b-%Y", "%Y-%m", "%Y-Q%q", "%Y", "unix seconds", "unix milliseconds",
    "%Y%m%d",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == UC_DATE_N_FORMATS);

  return format < UC_DATE_N_FORMATS ? names[format] : "?";
}

gboolean
uc_date_pattern_is_valid (const char *pattern)
{
  gboolean has_year = FALSE;

  for (const char *p = pattern; *p; p++)
    {
      if (*p != '%')
        continue;
      p++;
      switch (*p)
        {
        case 'Y': case 'y': has_year = TRUE; break;
        case 'm': case 'd': case 'e': case 'b': case 'B': case 'H': case 'M': case 'S': case 'z': case '%': break;
        default: return FALSE;
        }
    }
  return has_year;
}

/* A small strptime: %Y %y %m %d %e %b %B %H %M %S %z %% and literal text;
 * a space in the pattern matches one or more spaces. */
gboolean
uc_parse_date_pattern (const char *text,
                       gsize       len,
                       const char *pattern,
                       UcTime     *value)
{
  const char *p, *end;
  int y = 1970, m = 1, d = 1, hh = 0, mi = 0, ss = 0, zone_min = 0;

  trim (&text, &len);
  p = text;
  end = text + len;

  for (const char *f = pattern; *f; f++)
    {
      if (*f == ' ')
        {
          if (!expect (&p, end, ' '))
            return FALSE;
          while (p < end && *p == ' ')
            p++;
          continue;
        }
      if (*f != '%')
        {
          if (!expect (&p, end, *f))
            return FALSE;
          continue;
        }
      f++;
      switch (*f)
        {
        case 'Y': if (!digits (&p, end, 4, &y)) return FALSE; break;
        case 'y': if (!digits (&p, end, 2, &y)) return FALSE; y = expand_year (y, 2); break;
        case 'm': if (!digits12 (&p, end, &m)) return FALSE; break;
        case 'd': case 'e': while (*f == 'e' && p < end && *p == ' ') p++; if (!digits12 (&p, end, &d)) return FALSE; break;
        case 'b': case 'B': if (!month_name (&p, end, &m)) return FALSE; break;
        case 'H': if (!digits12 (&p, end, &hh) || hh > 24) return FALSE; break;
        case 'M': if (!digits (&p, end, 2, &mi) || mi > 59) return FALSE; break;
        case 'S': if (!digits (&p, end, 2, &ss) || ss > 60) return FALSE; break;
        case 'z':
          {
            int sign, zh, zm = 0;

            if (expect (&p, end, 'Z'))
              break;
            if (p >= end || (*p != '+' && *p != '-'))
              return FALSE;
            sign = *p++ == '-' ? -1 : 1;
            if (!digits (&p, end, 2, &zh))
              return FALSE;
            expect (&p, end, ':');
            if (p < end && is_digit (*p) && !digits (&p, end, 2, &zm))
              return FALSE;
            zone_min = sign * (zh * 60 + zm);
            break;
          }
        case '%': if (!expect (&p, end, '%')) return FALSE; break;
        default: return FALSE;
        }
    }
  if (p != end || !valid_ymd (y, m, d))
    return FALSE;
  *value = uc_time_from_ymd (y, m, d) + (((gint64) hh * 60 + mi) * 60 + ss) * G_USEC_PER_SEC
           - (gint64) zone_min * 60 * G_USEC_PER_SEC;
  return TRUE;
}
