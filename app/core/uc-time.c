/* uc-time.c: calendar arithmetic without GDateTime allocations
 *
 * The civil/days conversions follow the well-known proleptic Gregorian
 * era algorithm; they are exact for every date a dataset can hold.
 */
#include "uc-time.h"

gint64
uc_days_from_civil (int year, int month, int day)
{
  gint64 y = (gint64) year - (month <= 2);
  gint64 era = (y >= 0 ? y : y - 399) / 400;
  gint64 yoe = y - era * 400;
  gint64 mp = (month + 9) % 12;
  gint64 doy = (153 * mp + 2) / 5 + day - 1;
  gint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return era * 146097 + doe - 719468;
}

void
uc_civil_from_days (gint64 days, int *year, int *month, int *day)
{
  gint64 z = days + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = (int) (doy - (153 * mp + 2) / 5 + 1);
  int m = (int) (mp < 10 ? mp + 3 : mp - 9);

  *year = (int) (yoe + era * 400 + (m <= 2));
  *month = m;
  *day = d;
}

UcTime
uc_time_from_ymd (int year, int month, int day)
{
  return uc_days_from_civil (year, month, day) * UC_USEC_PER_DAY;
}

void
uc_time_to_ymd (UcTime t, int *year, int *month, int *day)
{
  gint64 days = t / UC_USEC_PER_DAY;

  if (t < 0 && t % UC_USEC_PER_DAY != 0)
    days--;
  uc_civil_from_days (days, year, month, day);
}

int
uc_days_in_month (int year, int month)
{
  static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return month == 2 && leap ? 29 : days[month - 1];
}

static gboolean
parse_digits (const char *p, int n, int *out)
{
  int v = 0;

  for (int i = 0; i < n; i++)
    {
      if (p[i] < '0' || p[i] > '9')
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/* Strict ISO 8601 calendar date, YYYY-MM-DD, nothing before or after. */
gboolean
uc_time_parse_date (const char *text, gsize len, UcTime *out)
{
  int y, m, d;

  if (len != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || !parse_digits (text + 8, 2, &d))
    return FALSE;
  if (m < 1 || m > 12 || d < 1 || d > uc_days_in_month (y, m))
    return FALSE;

  *out = uc_time_from_ymd (y, m, d);
  return TRUE;
}

UcTime
uc_time_add_months (UcTime t, int months)
{
  int y, m, d;
  gint64 day_start;
  UcTime time_of_day;
  int total;

  uc_time_to_ymd (t, &y, &m, &d);
  day_start = uc_time_from_ymd (y, m, d);
  time_of_day = t - day_start;
  total = y * 12 + (m - 1) + months;
  y = total >= 0 ? total / 12 : (total - 11) / 12;
  m = total - y * 12 + 1;
  d = MIN (d, uc_days_in_month (y, m));

  return uc_time_from_ymd (y, m, d) + time_of_day;
}

char *
uc_time_format_date (UcTime t)
{
  int y, m, d;

  uc_time_to_ymd (t, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}
