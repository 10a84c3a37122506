/* uc-format.c: numbers as people read them on charts and in tables
 *
 * Compact money ($3.5T, $850B, $0.27), signed changes, percentages.
 * Output never depends on the C locale's decimal mark.
 */
#include "uc-format.h"

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

/* A signed change in dollars, e.g. −$593B or +$12.4B. */
char *
uc_format_money_change (double value)
{
  g_autofree char *abs_text = uc_format_value (fabs (value), UC_VALUE_MONEY);

  return g_strdup_printf ("%s%s", value < 0 ? "−" : "+", abs_text);
}

