/* uc-format.c: numbers as people read them on charts and in tables
 *
 * Compact money ($3.5T, $850B, $0.27), signed changes, percentages, in the
 * user's language: the decimal mark and digit groups follow LC_NUMERIC,
 * the units, the currency's place and the percent sign the translation.
 * The process itself keeps the C locale's numbers (main.c), so files,
 * links and --json never depend on the user's locale.
 */
#include "uc-format.h"

#include <glib/gi18n.h>

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#define MAX_UNITS 6

typedef struct
{
  char  *decimal;   /* "." or "," */
  char  *group;     /* "", ",", "." or a thin space */
  UcUnit units[MAX_UNITS];   /* largest first */
  guint  n_units;
  char  *unit_text;          /* what units' suffixes point into */
} UcNumberStyle;

/* The units a language scales large numbers by, from its translation:
 * "12:T|9:B|6:M|3:K" (10^12 is "T", …). Chinese counts in 10^4 and 10^8
 * (万, 亿), German writes " Mrd.". A malformed list reads as English. */
static gboolean
parse_units_from (UcNumberStyle *style,
                  const char    *list)
{
  int last = 19;
  char *p;

  g_free (style->unit_text);
  /* Split in place, so each suffix lives as long as the style. */
  p = style->unit_text = g_strdup (list);
  style->n_units = 0;
  while (*p)
    {
      char *bar = strchr (p, '|');
      char *end = NULL;
      guint64 power = g_ascii_strtoull (p, &end, 10);

      if (bar)
        *bar = '\0';
      if (style->n_units == MAX_UNITS || end == p || *end != ':' || end[1] == '\0' || power < 1 || (int) power >= last)
        return FALSE;
      last = (int) power;
      style->units[style->n_units++] = (UcUnit) { pow (10, (double) power), end + 1 };
      if (bar == NULL)
        break;
      p = bar + 1;
    }
  return style->n_units > 0;
}

/* The units a language scales large numbers by, from its translation:
 * "12:T|9:B|6:M|3:K" (10^12 is "T", …). Chinese counts in 10^4 and 10^8
 * (万, 亿), German writes " Mrd.". A malformed list reads as English. */
static void
parse_units (UcNumberStyle *style)
{
  /* Translators: how large numbers are written on axes and in tables, as
   * powers of ten and the unit written after the number, largest first,
   * separated by "|": "12:T|9:B|6:M|3:K" writes $3.4T, 850B, 12M, 5K.
   * Put a space before a unit where your language writes one
   * ("12: Bio.|9: Mrd.|6: Mio.|3: Tsd."); use the powers your language
   * counts in ("12:万亿|8:亿|4:万"). */
  if (!parse_units_from (style, C_("number units", "12:T|9:B|6:M|3:K")))
    parse_units_from (style, "12:T|9:B|6:M|3:K");
}

static UcNumberStyle *number_style;

/* Whether the numbers of locale @name ("": the user's, as glibc resolves
 * it) are C's: no locale asked for numbers, only a language maybe. */
static gboolean
numbers_unset (const char *name)
{
  const char *set = name;

  if (*name == '\0')
    {
      set = g_getenv ("LC_ALL");
      if (set == NULL || *set == '\0')
        set = g_getenv ("LC_NUMERIC");
      if (set == NULL || *set == '\0')
        set = g_getenv ("LANG");
    }
  return set == NULL || *set == '\0' || g_str_equal (set, "POSIX") || g_str_equal (set, "C") ||
         g_str_has_prefix (set, "C.");
}

static UcNumberStyle *
number_style_new (const char *name)
{
  UcNumberStyle *style = g_new0 (UcNumberStyle, 1);
  locale_t loc = newlocale (LC_NUMERIC_MASK, name, (locale_t) 0);
  const char *decimal = loc ? nl_langinfo_l (RADIXCHAR, loc) : ".";
  const char *group = loc ? nl_langinfo_l (THOUSEP, loc) : "";
  g_auto(GStrv) marks = NULL;

  /* Started as LANGUAGE=de in the C locale: the translation's marks, so
   * German words do not come with English numbers. */
  if (numbers_unset (name))
    {
      /* Translators: the decimal mark, a "|", then the mark between groups of
       * three digits, as your language writes 1,234.5 (".|," would write
       * 1,234.5; ",|." 1.234,5). Used only where no locale sets numbers. */
      marks = g_strsplit (C_("number marks", ".|"), "|", 2);
      if (marks[0] && marks[1] && *marks[0])
        decimal = marks[0], group = marks[1];
    }
  /* A locale in another codeset than UTF-8 (or a broken one) reads as C. */
  style->decimal = g_strdup (*decimal && g_utf8_validate (decimal, -1, NULL) ? decimal : ".");
  style->group = g_strdup (g_utf8_validate (group, -1, NULL) && strcmp (group, style->decimal) != 0 ? group : "");
  if (loc)
    freelocale (loc);
  parse_units (style);
  return style;
}

/* Numbers as in locale @name ("" the user's, "C" plain): the tests set
 * each language's; everyone else gets the user's on first use. The old
 * style is kept (another thread may be reading it), on a list, so that it
 * is not taken for a leak. */
void
uc_format_use_locale (const char *name)
{
  static GMutex lock;
  static GSList *retired;
  UcNumberStyle *old;

  g_mutex_lock (&lock);
  old = g_atomic_pointer_exchange (&number_style, number_style_new (name));
  if (old)
    retired = g_slist_prepend (retired, old);
  g_mutex_unlock (&lock);
}

static const UcNumberStyle *
get_number_style (void)
{
  UcNumberStyle *style = g_atomic_pointer_get (&number_style);

  if (style == NULL)
    {
      UcNumberStyle *fresh = number_style_new ("");

      if (!g_atomic_pointer_compare_and_exchange (&number_style, NULL, fresh))
        {
          g_free (fresh->decimal);
          g_free (fresh->group);
          g_free (fresh->unit_text);
          g_free (fresh);
        }
      style = g_atomic_pointer_get (&number_style);
    }
  return style;
}

/* The decimal mark numbers are shown with: "." or ",". */
const char *
uc_format_decimal_mark (void)
{
  return get_number_style ()->decimal;
}

/* "12345.6" (from g_ascii_formatd) as the user writes it: "12.345,6". */
static void
append_localized (GString    *out,
                  const char *ascii)
{
  const UcNumberStyle *style = get_number_style ();
  const char *point = strchr (ascii, '.');
  gsize whole = point ? (gsize) (point - ascii) : strlen (ascii);

  for (gsize i = 0; i < whole; i++)
    {
      if (i > 0 && (whole - i) % 3 == 0 && whole >= 4)
        g_string_append (out, style->group);
      g_string_append_c (out, ascii[i]);
    }
  if (point)
    {
      g_string_append (out, style->decimal);
      g_string_append (out, point + 1);
    }
}

/* @digits (a number's, without its sign) onto @out, the whole part in
 * groups of three from 10 000 on, divided by narrow no-break spaces as SI
 * writes them, the decimal mark the user's. */
void
uc_format_append_grouped (GString    *out,
                          const char *digits)
{
  gsize whole = strspn (digits, "0123456789");

  if (whole >= 5 && digits[whole] != 'e')
    for (gsize i = 0; i < whole; i++)
      {
        if (i > 0 && (whole - i) % 3 == 0)
          g_string_append (out, "\u202f");
        g_string_append_c (out, digits[i]);
      }
  else
    g_string_append_len (out, digits, whole);
  if (digits[whole] == '.')
    {
      g_string_append (out, uc_format_decimal_mark ());
      whole++;
    }
  g_string_append (out, digits + whole);
}

/* @value by printf @conversion ("%.2f", "%.3g") in the user's way: their
 * decimal mark and digit groups, a true minus unless it rounds to zero. */
static char *
format_localized (double      value,
                  const char *conversion)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GString *text;

  if (isnan (value))
    return g_strdup ("–");
  if (isinf (value))
    return g_strdup (value < 0 ? "−∞" : "∞");
  g_ascii_formatd (buf, sizeof buf, conversion, fabs (value));
  text = g_string_new (value < 0 && strspn (buf, "0.") != strlen (buf) ? "−" : "");
  append_localized (text, buf);
  return g_string_free (text, FALSE);
}

char *
uc_format_decimal (double value,
                   int    decimals)
{
  char conversion[8];

  g_snprintf (conversion, sizeof conversion, "%%.%df", CLAMP (decimals, 0, 9));
  return format_localized (value, conversion);
}

/* @digits significant digits, as "%g" writes them: 0.55, 12.5, 3.2e-05. */
char *
uc_format_significant (double value,
                       int    digits)
{
  char conversion[8];

  g_snprintf (conversion, sizeof conversion, "%%.%dg", CLAMP (digits, 1, 17));
  return format_localized (value, conversion);
}

UcUnit
uc_format_unit_for (double magnitude)
{
  const UcNumberStyle *style = get_number_style ();

  for (guint i = 0; i < style->n_units; i++)
    if (magnitude >= style->units[i].divisor)
      return style->units[i];
  return (UcUnit) { 1, "" };
}

/* An amount in dollars as the user's language writes it: "$3.4T", "3,4 Bio. $". */
char *
uc_format_dollars (const char *number)
{
  /* Translators: an amount in US dollars; %s is the number with its unit, e.g. "3.4T" */
  return g_strdup_printf (C_("money", "$%s"), number);
}

/* Sign, prefix, number and suffix put together in the user's language:
 * "−$3.4T" reads "−3,4 Bio. $" in German, "+5.2%" "+5,2 %". */
static char *
compose (const char *sign,
         const char *prefix,
         const char *number,
         const char *suffix)
{
  g_autofree char *body = NULL;
  g_autofree char *signed_body = NULL;

  if (strcmp (prefix, "$") == 0)
    body = uc_format_dollars (number);
  else
    body = g_strconcat (prefix, number, NULL);
  signed_body = g_strconcat (sign, body, NULL);
  if (strcmp (suffix, "%") == 0)
    /* Translators: a percentage; %s is the number with its sign, e.g. "+5.2" */
    return g_strdup_printf (C_("percent", "%s%%"), signed_body);
  return g_strconcat (signed_body, suffix, NULL);
}

/* Past a million of the largest unit, digits stop meaning anything to a
 * reader (and 1e308 would take 309 of them): 1.5e20, as scientists write. */
static char *
format_scientific (double      value,
                   const char *prefix,
                   const char *suffix)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr(GString) number = g_string_new (NULL);
  char *e, *end;

  g_ascii_formatd (buf, sizeof buf, "%.2e", fabs (value));
  /* "1.50e+20" reads "1.5e20". */
  e = strchr (buf, 'e');
  for (end = e; end > buf && end[-1] == '0'; end--)
    ;
  if (end > buf && end[-1] == '.')
    end--;
  *end = '\0';
  append_localized (number, buf);
  g_string_append_c (number, 'e');
  g_string_append (number, e[1] == '+' ? e + 2 : e + 1);
  return compose (value < 0 ? "−" : "", prefix, number->str, suffix);
}

char *
uc_format_scaled (double      value,
                  const char *prefix,
                  UcUnit      unit,
                  int         decimals,
                  const char *suffix)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double scaled = value / unit.divisor;
  g_autoptr(GString) number = g_string_new (NULL);

  if (value == 0)
    return compose ("", prefix, "0", suffix);
  if (isnan (value))
    return g_strdup ("–");
  if (isinf (value))
    return compose (value < 0 ? "−" : "", prefix, "∞", suffix);
  if (fabs (scaled) >= 1e6 && unit.divisor >= 1e12)
    return format_scientific (value, prefix, suffix);
  if (fabs (scaled) >= 1e15)
    return format_scientific (value, prefix, suffix);
  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : decimals == 2 ? "%.2f" : "%.3f",
                   fabs (scaled));
  append_localized (number, buf);
  g_string_append (number, unit.suffix);
  return compose (scaled < 0 ? "−" : "", prefix, number->str, suffix);
}

static char *
per_mtok (const char *money)
{
  /* Translators: a price per million tokens; %s is an amount, e.g. "$0.27" */
  return g_strdup_printf (_("%s/1M tok"), money);
}

/* The decimals an amount of money takes in @unit: $850B, $3.4T, $0.27. */
static int
money_decimals (double magnitude,
                UcUnit unit)
{
  return magnitude / unit.divisor >= 100 ? 0 : unit.divisor > 1 ? 1 : 2;
}

/* A standalone value: two or three significant digits, e.g. $3.5T, $850B, $0.27. */
char *
uc_format_value (double        value,
                 UcValueFormat format)
{
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("–");

  switch (format)
    {
    case UC_VALUE_PER_MTOK:
      {
        g_autofree char *money = uc_format_value (value, UC_VALUE_MONEY);

        return per_mtok (money);
      }
    case UC_VALUE_MONEY:
      {
        UcUnit unit = uc_format_unit_for (a);

        return uc_format_scaled (value, "$", unit, money_decimals (a, unit), "");
      }
    case UC_VALUE_PERCENT:
      return uc_format_scaled (value, "", (UcUnit) { 1, "" }, a >= 10 ? 0 : 1, "%");
    case UC_VALUE_INDEX:
      return uc_format_scaled (value, "", (UcUnit) { 1, "" }, a >= 100 ? 0 : 1, "");
    case UC_VALUE_NUMBER:
    default:
      {
        UcUnit unit = uc_format_unit_for (a);
        double scaled = a / unit.divisor;

        return uc_format_scaled (value, "", unit, scaled >= 100 || (unit.divisor == 1 && scaled == floor (scaled)) ? 0 : 1, "");
      }
    }
}

/* As uc_format_value, with four significant digits where a card or a
 * table has room for them: $2.894T, $593.1B, −16.97%, 101.4. */
char *
uc_format_value_precise (double        value,
                         UcValueFormat format)
{
  double a = fabs (value);

  if (isnan (value))
    return g_strdup ("–");

  switch (format)
    {
    case UC_VALUE_PER_MTOK:
      {
        g_autofree char *money = uc_format_value_precise (value, UC_VALUE_MONEY);

        return per_mtok (money);
      }
    case UC_VALUE_MONEY:
    case UC_VALUE_NUMBER:
      {
        UcUnit unit = uc_format_unit_for (a);
        double scaled = a / unit.divisor;
        const char *prefix = format == UC_VALUE_MONEY ? "$" : "";
        int decimals = scaled >= 100 ? 1 : scaled >= 10 ? 2 : 3;

        /* Plain amounts: cents, and whole counts without a point. */
        if (unit.divisor == 1)
          decimals = format == UC_VALUE_MONEY ? 2 : scaled == floor (scaled) ? 0 : MIN (decimals, 2);
        return uc_format_scaled (value, prefix, unit, decimals, "");
      }
    case UC_VALUE_PERCENT:
      return uc_format_scaled (value, "", (UcUnit) { 1, "" }, a >= 1000 ? 0 : a >= 100 ? 1 : 2, "%");
    case UC_VALUE_INDEX:
    default:
      return uc_format_scaled (value, "", (UcUnit) { 1, "" }, a >= 1000 ? 0 : a >= 100 ? 1 : 2, "");
    }
}

/* The days from @from to @to (the last day shown) as a reader names a
 * period: "20 – 27 Jan 2025", "20 Jan – 3 Feb 2025",
 * "December 2024 – March 2025", "2019 – 2025". Two months or more are
 * named by month, six years or more by year. */
char *
uc_format_period (UcTime from,
                  UcTime to)
{
  int y1, m1, d1, y2, m2, d2;
  gint64 days;
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;

  if (to < from)
    to = from;
  uc_time_to_ymd (from, &y1, &m1, &d1);
  uc_time_to_ymd (to, &y2, &m2, &d2);
  days = uc_days_from_civil (y2, m2, d2) - uc_days_from_civil (y1, m1, d1);
  a = g_date_time_new_utc (y1, m1, d1, 0, 0, 0);
  b = g_date_time_new_utc (y2, m2, d2, 0, 0, 0);
  if (a == NULL || b == NULL)
    return g_strdup ("");
  if (days >= 6 * 365)
    return y1 == y2 ? g_strdup_printf ("%d", y1) : g_strdup_printf ("%d – %d", y1, y2);
  if (days >= 61)
    {
      /* Translators: a month of a period, see g_date_time_format() */
      g_autofree char *end = g_date_time_format (b, C_("period", "%B %Y"));
      g_autofree char *start = g_date_time_format (a, y1 == y2 ? C_("period", "%B") : C_("period", "%B %Y"));

      return y1 == y2 && m1 == m2 ? g_strdup (end) : g_strdup_printf ("%s – %s", start, end);
    }
  {
    g_autofree char *end = uc_format_day (to);
    g_autofree char *start = NULL;

    if (y1 != y2)
      start = uc_format_day (from);
    else if (m1 != m2)
      /* Translators: the first day of a period whose last day says the
       * year, see g_date_time_format() */
      start = g_date_time_format (a, C_("period", "%-d %b"));
    else
      /* Translators: the first day of a period whose last day says the
       * year and the month, see g_date_time_format() */
      /* xgettext:no-c-format */
      start = g_date_time_format (a, C_("period", "%-d"));

    return days == 0 ? g_strdup (end) : g_strdup_printf ("%s – %s", start, end);
  }
}

/* A day as Undercut writes it for people, in the window and on charts
 * alike: "27 Jan 2025" (one format; machine outputs keep ISO dates). */
char *
uc_format_day (UcTime t)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  uc_time_to_ymd (t, &y, &m, &d);
  day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  /* Translators: a day, see g_date_time_format(); one format throughout */
  return day ? g_date_time_format (day, C_("day", "%-d %b %Y")) : g_strdup ("");
}

/* Which month's name (abbreviated or full, in the user's language) @text
 * holds, 0 if none: the longest that matches, so "Juni" is not "Jun". */
static int
find_month_name (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  gsize best_len = 0;
  int best = 0;

  for (int m = 1; m <= 12; m++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_utc (2001, m, 1, 0, 0, 0);

      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *name = g_date_time_format (dt, k ? "%B" : "%b");
          g_autofree char *name_folded = name ? g_utf8_casefold (g_strstrip (name), -1) : NULL;
          gsize len = name_folded ? strlen (name_folded) : 0;

          /* Names that are only digits ("1月" reads as a number) do not count. */
          if (len > best_len && strpbrk (name_folded, "0123456789") == NULL && strstr (folded, name_folded))
            best = m, best_len = len;
        }
    }
  return best;
}

/* A day as uc_format_day writes it in the user's language ("27.01.2025",
 * "2025年1月27日", "27 Jan 2025"), read back: the order of day, month and
 * year comes from the same format. */
gboolean
uc_format_parse_day (const char *text,
                     UcTime     *out)
{
  const char *format = C_("day", "%-d %b %Y");
  char order[3];
  int n_fields = 0, numbers[3], n_numbers = 0, y = 0, m = 0, d = 0;
  gboolean month_named = FALSE;

  for (const char *p = format; *p && n_fields < 3; p++)
    {
      if (*p != '%')
        continue;
      p++;
      while (*p == '-' || *p == '_' || *p == '0')
        p++;
      if (*p == 'd' || *p == 'e')
        order[n_fields++] = 'd';
      else if (*p == 'm')
        order[n_fields++] = 'm';
      else if (*p == 'b' || *p == 'B' || *p == 'h')
        order[n_fields++] = 'b', month_named = TRUE;
      else if (*p == 'Y')
        order[n_fields++] = 'Y';
      if (*p == '\0')
        break;
    }
  if (n_fields != 3 || text == NULL)
    return FALSE;
  for (const char *p = text; *p;)
    {
      if (g_ascii_isdigit (*p))
        {
          char *end;
          guint64 v = g_ascii_strtoull (p, &end, 10);

          if (n_numbers == 3 || v > 9999)
            return FALSE;
          numbers[n_numbers++] = (int) v;
          p = end;
        }
      else
        p++;
    }
  if (month_named && (m = find_month_name (text)) == 0)
    return FALSE;
  if (n_numbers != (month_named ? 2 : 3))
    return FALSE;
  for (int i = 0, k = 0; i < 3; i++)
    switch (order[i])
      {
      case 'd': d = numbers[k++]; break;
      case 'm': m = numbers[k++]; break;
      case 'Y': y = numbers[k++]; break;
      default: break;
      }
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > uc_days_in_month (y, m))
    return FALSE;
  *out = uc_time_from_ymd (y, m, d);
  return TRUE;
}

/* A period by its name: "Q2 2025", "April 2025", "week of 7 Apr 2025". */
char *
uc_format_period_name (UcTime        start,
                       UcChartPeriod period)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  uc_time_to_ymd (start, &y, &m, &d);
  day = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (day == NULL)
    return g_strdup ("");
  switch (period)
    {
    case UC_CHART_PERIOD_QUARTER:
      /* Translators: a quarter of a year, e.g. "Q2 2025" */
      return g_strdup_printf (C_("period", "Q%d %d"), (m - 1) / 3 + 1, y);
    case UC_CHART_PERIOD_MONTH:
      return g_date_time_format (day, C_("period", "%B %Y"));
    case UC_CHART_PERIOD_WEEK:
      {
        /* Translators: the week starting on that day, see g_date_time_format() */
        return g_date_time_format (day, C_("period", "week of %-d %b %Y"));
      }
    case UC_CHART_PERIOD_NONE:
    default:
      return uc_format_day (start);
    }
}

/* @spec's subtitle as drawn: "{period}" in it named from the days shown,
 * so a zoom or an export of other days never states a period it does not
 * show. NULL without a subtitle. */
char *
uc_format_subtitle (UcChartSpec *spec)
{
  const char *subtitle = uc_chart_spec_get_subtitle (spec);
  g_auto(GStrv) parts = NULL;
  g_autofree char *period = NULL;
  UcTime from, to;

  if (subtitle == NULL || strstr (subtitle, "{period}") == NULL)
    return g_strdup (subtitle);
  uc_chart_spec_get_range (spec, &from, &to);
  period = to > from ? uc_format_period (from, to) : g_strdup ("");
  parts = g_strsplit (subtitle, "{period}", -1);
  return g_strjoinv (period, parts);
}

/* A signed change in dollars, e.g. −$593B or +$12.4B. */
char *
uc_format_money_change (double value)
{
  g_autofree char *abs_text = uc_format_value (fabs (value), UC_VALUE_MONEY);

  return g_strdup_printf ("%s%s", value < 0 ? "−" : "+", abs_text);
}

/* "−$593B", or "+48.9B HKD" for a cap in another currency: the formatter
 * writes dollars, and a Hong Kong cap is in Hong Kong dollars. */
char *
uc_format_money_change_in (double      value,
                           const char *currency)
{
  double a = fabs (value);
  UcUnit unit;
  g_autofree char *number = NULL;
  g_autofree char *amount = NULL;

  if (!isfinite (value))
    return g_strdup ("–");
  if (currency == NULL || *currency == '\0' || g_strcmp0 (currency, "USD") == 0)
    return uc_format_money_change (value);
  /* The digits as uc_format_value writes money, without the dollar. */
  unit = uc_format_unit_for (a);
  number = uc_format_scaled (a, "", unit, money_decimals (a, unit), "");
  /* Translators: an amount in a currency other than the dollar; the first
   * %s is the number with its unit ("48.9B"), the second the currency's
   * code ("HKD") */
  amount = g_strdup_printf (C_("money", "%s %s"), number, currency);
  return g_strconcat (value < 0 ? "−" : "+", amount, NULL);
}
