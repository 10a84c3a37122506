/* uc-event-label.c: what an event is called on a chart */
#include "uc-event-label.h"

#include <math.h>
#include <string.h>

#include "uc-format.h"

/* "DeepSeek-R1 released (open weights, MIT)" reads as "DeepSeek-R1 released". */
char *
uc_event_short_label (const char *title)
{
  const char *cut = strstr (title, " (");
  const char *colon = strstr (title, ": ");

  if (colon && (!cut || colon < cut))
    return g_strndup (title, colon - title);
  return cut ? g_strndup (title, cut - title) : g_strdup (title);
}

/* "NVDA −17.0% · −$593B": the move into the first point at or after @t
 * (events on weekends meet the next trading day), from the point before.
 * Money adds the change in dollars. NULL when there is no such pair. */
char *
uc_event_change_label (UcSeries      *series,
                       UcTime         t,
                       UcValueFormat  format)
{
  int i = uc_series_find_before (series, t);
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  g_autofree char *pct = NULL;
  g_autofree char *dollars = NULL;
  g_autofree char *id = NULL;

  if (i < 0 || x[i] < t)
    i++;
  if (i < 1 || i >= (int) uc_series_get_length (series) || isnan (y[i]) || isnan (y[i - 1]) || y[i - 1] == 0)
    return NULL;
  pct = uc_format_scaled (100 * (y[i] / y[i - 1] - 1), y[i] > y[i - 1] ? "+" : "", (UcUnit) { 1, "" }, 1, "%");
  /* Named by the series' id as the data has it ("NVDA", not "NVDA:rebased"). */
  id = g_strndup (uc_series_get_id (series), strcspn (uc_series_get_id (series), ":"));
  if (format != UC_VALUE_MONEY)
    return g_strdup_printf ("%s %s", id, pct);
  dollars = uc_format_money_change (y[i] - y[i - 1]);
  return g_strdup_printf ("%s %s · %s", id, pct, dollars);
}
