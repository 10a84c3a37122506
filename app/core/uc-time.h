/* uc-time.h: calendar arithmetic on UcTime (microseconds since 1970-01-01 UTC)
 *
 * Charts and columns share one time unit so that dates, datetimes and epoch
 * columns can be drawn on the same axis without conversions in the frame.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gint64 UcTime;

#define UC_TIME_MISSING G_MININT64
#define UC_USEC_PER_DAY ((gint64) 86400 * G_USEC_PER_SEC)

gint64   uc_days_from_civil  (int year, int month, int day);
int      uc_days_in_month    (int year, int month);
void     uc_civil_from_days  (gint64 days, int *year, int *month, int *day);
UcTime   uc_time_from_ymd    (int year, int month, int day);
void     uc_time_to_ymd      (UcTime t, int *year, int *month, int *day);
gboolean uc_time_parse_date  (const char *text, gsize len, UcTime *out);
UcTime   uc_time_add_months  (UcTime t, int months);
char    *uc_time_format_date (UcTime t) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
