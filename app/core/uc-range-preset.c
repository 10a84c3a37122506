/* uc-range-preset.c: named stretches of time, counted back from the last
 * day the data has
 *
 * "1m" is a calendar month back from the last day (31 Mar → 28 Feb, as
 * a reader counts), "ytd" the year of the last day from its 1 January,
 * "all" every day the data has. A stretch longer than the data is cut
 * to where the data begins.
 */
#include "uc-range-preset.h"

#include <string.h>

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
