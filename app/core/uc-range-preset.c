/* uc-range-preset.c: named stretches of time, counted back from the last
 * day the data has
 *
 * "1m" is a calendar month back from the last day (31 Mar → 28 Feb, as
 * a reader counts), "ytd" the year of the last day from its 1 January,
 * "all" every day the data has. A stretch longer than the data is cut
 * to where the data begins.
 */
#include "config.h"

#include "uc-range-preset.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "uc-format.h"

static const struct
{
  const char *id;
  int         months;   /* back from the last day; 0: see the id */
} presets[] = {
  { "1m", 1 }, { "3m", 3 }, { "6m", 6 }, { "ytd", 0 }, { "1y", 12 }, { "5y", 60 }, { "all", 0 },
};

/* The ids in the order a menu lists them. */
const char *const *
uc_range_preset_ids (void)
{
  static const char *ids[G_N_ELEMENTS (presets) + 1];

  if (ids[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
      ids[i] = presets[i].id;
  return ids;
}

/* The days preset @id names in data from @lower to @upper, into @from and
 * @to; FALSE for an unknown id or an empty span. */
gboolean
uc_range_preset (const char *id,
                 UcTime      lower,
                 UcTime      upper,
                 UcTime     *from,
                 UcTime     *to)
{
  int y, m, d;

  g_return_val_if_fail (from != NULL && to != NULL, FALSE);
  if (id == NULL || upper < lower)
    return FALSE;
  *to = upper;
  if (strcmp (id, "all") == 0)
    {
      *from = lower;
      return TRUE;
    }
  if (strcmp (id, "ytd") == 0)
    {
      uc_time_to_ymd (upper, &y, &m, &d);
      *from = MAX (lower, uc_time_from_ymd (y, 1, 1));
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    if (presets[i].months > 0 && strcmp (id, presets[i].id) == 0)
      {
        *from = MAX (lower, uc_time_add_months (upper, -presets[i].months));
        return TRUE;
      }
  return FALSE;
}

/* The days around a day @t, as "Zoom to Event" shows them: two weeks
 * before it to a month after. */
void
uc_range_around (UcTime  t,
                 UcTime *from,
                 UcTime *to)
{
  *from = t - 14 * UC_USEC_PER_DAY;
  *to = t + 31 * UC_USEC_PER_DAY;
}

/* A day as typed: "2025-01-27", "2025-01" or "2025" (the first day of the
 * month or year, or with @last its last day), or as the window writes
 * days in English ("27 Jan 2025") or the user's language ("27.01.2025").
 * Blanks around it are fine. */
gboolean
uc_range_parse_day (const char *text,
                    gboolean    last,
                    UcTime     *out)
{
  static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  gsize len = strlen (t);
  int y = 0, m = 0, d = 0, used = 0;
  char month[4] = "";

  if (len == 10 && uc_time_parse_date (t, len, out))
    return TRUE;
  if (len == 7 && sscanf (t, "%4d-%2d%n", &y, &m, &used) == 2 && used == 7 && t[4] == '-' && m >= 1 && m <= 12)
    d = last ? uc_days_in_month (y, m) : 1;
  else if (len == 4 && sscanf (t, "%4d%n", &y, &used) == 1 && used == 4 && g_ascii_isdigit (t[0]))
    m = last ? 12 : 1, d = last ? 31 : 1;
  else if (sscanf (t, "%2d %3s %4d%n", &d, month, &y, &used) == 3 && (gsize) used == len)
    {
      const char *at;

      for (guint i = 0; month[i]; i++)
        month[i] = g_ascii_tolower (month[i]);
      at = strlen (month) == 3 ? strstr (months, month) : NULL;

      if (at == NULL || (at - months) % 3 != 0)
        return FALSE;
      m = (int) (at - months) / 3 + 1;
    }
  else
    return uc_format_parse_day (t, out);
  if (y < 1 || y > 9999 || d < 1 || d > uc_days_in_month (y, m))
    return FALSE;
  *out = uc_time_from_ymd (y, m, d);
  return TRUE;
}

G_DEFINE_QUARK (uc-range-error-quark, uc_range_error)

/* The days typed in From and To, in data from @lower to @upper: a blank
 * From is the first day of the data, a blank To its last. An error names
 * the field at fault in its code. */
gboolean
uc_range_from_text (const char  *from_text,
                    const char  *to_text,
                    UcTime       lower,
                    UcTime       upper,
                    UcTime      *from,
                    UcTime      *to,
                    GError     **error)
{
  g_autofree char *day = NULL, *first = NULL, *last = NULL;
  const char *example = "2025-01-27";

  *from = lower;
  *to = upper;
  if (from_text && *from_text && !uc_range_parse_day (from_text, FALSE, from))
    {
      g_set_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_FROM,
                   /* Translators: what was typed, then today's date as an example. */
                   _("“%s” is not a day: type one as %s, 2025-01 or 2025"), from_text, example);
      return FALSE;
    }
  if (to_text && *to_text && !uc_range_parse_day (to_text, TRUE, to))
    {
      g_set_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_TO,
                   /* Translators: what was typed, then today's date as an example. */
                   _("“%s” is not a day: type one as %s, 2025-01 or 2025"), to_text, example);
      return FALSE;
    }
  if (*from > upper || *to < lower)
    {
      gboolean late = *from > upper;

      day = uc_format_day (late ? *from : *to);
      first = uc_format_day (lower), last = uc_format_day (upper);
      g_set_error (error, UC_RANGE_ERROR, late ? UC_RANGE_ERROR_FROM : UC_RANGE_ERROR_TO,
                   /* Translators: three dates. */
                   late ? _("No data from %s on: the data runs from %s to %s")
                        /* Translators: three dates. */
                        : _("No data up to %s: the data runs from %s to %s"), day, first, last);
      return FALSE;
    }
  if (*from > *to)
    {
      g_set_error_literal (error, UC_RANGE_ERROR, UC_RANGE_ERROR_ORDER, _("From is after To"));
      return FALSE;
    }
  return TRUE;
}
