/* uc-format.c: numbers as people read them on charts and in tables
 *
 * Compact money ($3.5T, $850B, $0.27), signed changes, percentages.
 * Output never depends on the C locale's decimal mark.
 */
#include "uc-format.h"

#include <glib/gi18n.h>

#include <math.h>
#include <string.h>

UcUnit
uc_format_unit_for (double magnitude)
{
  if (magnitude >= 1e12) return (UcUnit) { 1e12, "T" };
  if (magnitude >= 1e9) return (UcUnit) { 1e9, "B" };
  if (magnitude >= 1e6) return (UcUnit) { 1e6, "M" };
  if (magnitude >= 1e3) return (UcUnit) { 1e3, "K" };
  return (UcUnit) { 1, "" };
}

/* Past a million of the largest unit, digits stop meaning anything to a
 * reader (and 1e308 would take 309 of them): 1.5e20, as scientists write. */
static char *
format_scientific (double      value,
                   const char *prefix,
                   const char *suffix)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  GString *text = g_string_new (value < 0 ? "−" : "");
  char *e, *end;

  g_ascii_formatd (buf, sizeof buf, "%.2e", fabs (value));
  /* "1.50e+20" reads "1.5e20". */
  e = strchr (buf, 'e');
  for (end = e; end > buf && end[-1] == '0'; end--)
    ;
  if (end > buf && end[-1] == '.')
    end--;
  g_string_append (text, prefix);
  g_string_append_len (text, buf, end - buf);
  g_string_append_c (text, 'e');
  g_string_append (text, e[1] == '+' ? e + 2 : e + 1);
  g_string_append (text, suffix);
  return g_string_free (text, FALSE);
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
  const char *sign = scaled < 0 ? "−" : "";

  if (value == 0)
    return g_strdup_printf ("%s0%s", prefix, suffix);
  if (isnan (value))
    return g_strdup ("–");
  if (isinf (value))
    return g_strdup_printf ("%s%s∞%s", value < 0 ? "−" : "", prefix, suffix);
  if (fabs (scaled) >= 1e6 && unit.divisor >= 1e12)
    return format_scientific (value, prefix, suffix);
  if (fabs (scaled) >= 1e15)
    return format_scientific (value, prefix, suffix);
  g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : decimals == 2 ? "%.2f" : "%.3f",
                   fabs (scaled));
  return g_strdup_printf ("%s%s%s%s%s", sign, prefix, buf, unit.suffix, suffix);
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

        return g_strdup_printf ("%s/1M tok", money);
      }
    case UC_VALUE_MONEY:
      {
        UcUnit unit = uc_format_unit_for (a);
        double scaled = a / unit.divisor;
        int decimals = scaled >= 100 ? 0 : unit.divisor > 1 ? 1 : 2;

        return uc_format_scaled (value, "$", unit, decimals, "");
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

        return g_strdup_printf ("%s/1M tok", money);
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
    /* Translators: the first day of a period whose last day says the year
     * (and the month), see g_date_time_format() */
    g_autofree char *end = uc_format_day (to);
    g_autofree char *start = y1 != y2 ? uc_format_day (from)
                                      : g_date_time_format (a, m1 != m2 ? C_("period", "%-d %b") : C_("period", "%-d"));

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
  g_autofree char *text = NULL;
  const char *dollar;

  if (!isfinite (value))
    return g_strdup ("–");
  text = uc_format_money_change (value);
  dollar = strchr (text, '$');
  if (currency && *currency && g_strcmp0 (currency, "USD") != 0 && dollar)
    {
      g_autofree char *sign = g_strndup (text, dollar - text);

      return g_strdup_printf ("%s%s %s", sign, dollar + 1, currency);
    }
  return g_steal_pointer (&text);
}
