/* uc-axis.c: tick positions and labels for value, time and number axes
 *
 * Value ticks use 1-2-5 steps, and so do number x axes. Time ticks use calendar units (a month is a
 * month, not 30 days), so labels fall on the first of a month or a year.
 */
#include "uc-axis.h"

#include <glib/gi18n.h>

#include "uc-format.h"

#include <math.h>

static void
clear_tick (gpointer data)
{
  g_clear_pointer (&((UcTick *) data)->label, g_free);
}

static GArray *
tick_array_new (void)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (UcTick));

  g_array_set_clear_func (ticks, clear_tick);
  return ticks;
}

/* Every tick loop stops here whatever its input: more ticks than this
 * would not fit on any canvas a chart is drawn on. */
#define MAX_TICKS 10000

double
uc_axis_nice_step (double range,
                   int    target_ticks)
{
  double raw, mag, norm, step;

  if (!(range > 0) || target_ticks < 1)
    return 1;
  /* A span past the largest double (-1e308 to 1e308) steps as the largest. */
  raw = MIN (range, G_MAXDOUBLE) / target_ticks;
  /* Below the normal doubles, steps lose their digits: none finer. */
  if (raw < G_MINDOUBLE)
    return G_MINDOUBLE;
  mag = pow (10, floor (log10 (raw)));
  norm = raw / mag;
  if (norm <= 1)
    step = mag;
  else if (norm <= 2)
    step = 2 * mag;
  else if (norm <= 5)
    step = 5 * mag;
  else
    step = 10 * mag;
  /* 2e308 overflows: the power of ten below it is the coarsest step. */
  return isfinite (step) ? step : mag;
}

GArray *
uc_axis_value_ticks (double        min,
                     double        max,
                     int           target_ticks,
                     UcValueFormat format)
{
  GArray *ticks = tick_array_new ();
  double step, first;
  UcUnit unit = { 1, "" };
  int decimals;

  if (!isfinite (min) || !isfinite (max))
    return ticks;
  if (!(max > min))
    max = min + 1;
  /* Where adding one changes nothing (|min| past 2^53), a span that does. */
  if (!(max > min))
    max = min + fabs (min) * 0.5;
  if (!isfinite (max))
    return ticks;
  step = uc_axis_nice_step (max - min, target_ticks);
  first = ceil (min / step - 1e-9) * step;

  /* Axes of prices per million tokens read as money; the unit goes in
   * the axis title. */
  if (format == UC_VALUE_PER_MTOK)
    format = UC_VALUE_MONEY;
  if (format == UC_VALUE_MONEY || format == UC_VALUE_NUMBER)
    unit = uc_format_unit_for (MAX (fabs (min), fabs (max)));
  decimals = (int) CLAMP (-floor (log10 (step / unit.divisor) + 1e-9), 0, 3);

  /* Counted, not stepped until past the end: a step lost in rounding
   * (1e300 + 1) or a first tick that overflowed still ends the loop. */
  for (int i = 0; i < MAX_TICKS; i++)
    {
      double v = first + i * step;
      UcTick tick;

      /* i × step alone can pass the largest double (9 × 2e307): in halves. */
      if (G_UNLIKELY (!isfinite (v)))
        v = 2 * (first / 2 + i * (step / 2));
      if (!isfinite (v) || !(v <= max + step * 1e-9))
        break;
      if (fabs (v) < step * 1e-9)
        v = 0;
      tick.value = v;
      switch (format)
        {
        case UC_VALUE_MONEY: tick.label = uc_format_scaled (v, "$", unit, decimals, ""); break;
        case UC_VALUE_PERCENT: tick.label = uc_format_scaled (v, v > 0 ? "+" : "", unit, decimals, "%"); break;
        case UC_VALUE_INDEX:
        case UC_VALUE_NUMBER:
        default: tick.label = uc_format_scaled (v, "", unit, decimals, ""); break;
        }
      g_array_append_val (ticks, tick);
    }
  return ticks;
}

/* A value read off an axis over [@axis_min, @axis_max] (the crosshair's tag
 * on it): written as its ticks are, the same sign, unit and suffix, with
 * a digit more than a tick of a 1-2-5 step there, so a reader sees where
 * between two ticks the pointer is ($2.63T between $2T and $3T). A log
 * axis writes three significant digits in the unit of the value itself,
 * as its ticks do. */
char *
uc_axis_value_tag (double        v,
                   double        axis_min,
                   double        axis_max,
                   gboolean      log_scale,
                   UcValueFormat format)
{
  UcUnit unit = { 1, "" };
  double resolution;
  int decimals;

  if (format == UC_VALUE_PER_MTOK)
    format = UC_VALUE_MONEY;
  if (log_scale)
    {
      if (format == UC_VALUE_MONEY || format == UC_VALUE_NUMBER)
        unit = uc_format_unit_for (fabs (v));
      resolution = fabs (v) / unit.divisor / 100;
    }
  else
    {
      if (format == UC_VALUE_MONEY || format == UC_VALUE_NUMBER)
        unit = uc_format_unit_for (MAX (fabs (axis_min), fabs (axis_max)));
      /* Ticks step about a tenth of the axis; a hundredth is the digit more. */
      resolution = (axis_max - axis_min) / unit.divisor / 100;
    }
  decimals = isfinite (resolution) && resolution > 0 ? (int) CLAMP (ceil (-log10 (resolution) - 1e-9), 0, 3) : 0;
  switch (format)
    {
    case UC_VALUE_MONEY: return uc_format_scaled (v, "$", unit, decimals, "");
    case UC_VALUE_PERCENT: return uc_format_scaled (v, v > 0 ? "+" : "", unit, decimals, "%");
    case UC_VALUE_INDEX:
    case UC_VALUE_NUMBER:
    default: return uc_format_scaled (v, "", unit, decimals, "");
    }
}

/* A number x axis (trading days from an event): 1-2-5 steps as the value
 * axis takes, as many as fit @min_spacing_px apart, only those in
 * [@from, @to]; with @plus, positive numbers read "+5". */
GArray *
uc_axis_number_ticks (double   from,
                      double   to,
                      double   width_px,
                      double   min_spacing_px,
                      gboolean plus)
{
  int target = (int) CLAMP (width_px / MAX (min_spacing_px, 1), 1, 100);
  GArray *ticks = uc_axis_value_ticks (from, to, target, UC_VALUE_NUMBER);
  double step = ticks->len >= 2 ? g_array_index (ticks, UcTick, 1).value - g_array_index (ticks, UcTick, 0).value : 1;
  /* Value labels stop at three decimals; a number axis holds six. */
  int decimals = step < 1e-3 ? (int) CLAMP (ceil (-log10 (step) - 1e-9), 4, 6) : 0;

  for (guint i = ticks->len; i-- > 0;)
    {
      UcTick *tick = &g_array_index (ticks, UcTick, i);

      if (decimals > 0 && tick->value != 0)
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (buf, sizeof buf, decimals == 4 ? "%.4f" : decimals == 5 ? "%.5f" : "%.6f", fabs (tick->value));
          g_free (tick->label);
          tick->label = g_strconcat (tick->value < 0 ? "−" : "", buf, NULL);
        }
      if (!(tick->value >= from && tick->value <= to))
        g_array_remove_index (ticks, i);
      else if (plus && tick->value > 0)
        {
          char *signed_label = g_strconcat ("+", tick->label, NULL);

          g_free (tick->label);
          tick->label = signed_label;
        }
    }
  return ticks;
}

/* 1-2-5 values need no more digits than they have: $50, $0.20, $1K, 5%. */
static char *
log_tick_label (double        v,
                UcValueFormat format)
{
  UcUnit unit;
  double scaled;
  int decimals = 0;

  if (format == UC_VALUE_PER_MTOK)
    format = UC_VALUE_MONEY;
  unit = format == UC_VALUE_MONEY || format == UC_VALUE_NUMBER ? uc_format_unit_for (v) : (UcUnit) { 1, "" };
  scaled = v / unit.divisor;

  while (decimals < 6 && fabs (scaled * pow (10, decimals) - round (scaled * pow (10, decimals))) > 1e-9 * pow (10, decimals))
    decimals++;
  if (format == UC_VALUE_MONEY && unit.divisor == 1 && scaled < 1)
    decimals = MAX (decimals, 2);
  return uc_format_scaled (v, format == UC_VALUE_MONEY ? "$" : "", unit, decimals,
                           format == UC_VALUE_PERCENT ? "%" : "");
}

/* Log axes step through one of these mantissa sets per decade, the finest
 * whose ticks fit; nested, so a coarser set keeps every tick it shares. */
static const double log_sets[][8] = {
  { 1, 1.5, 2, 3, 4, 5, 6, 8 },
  { 1, 2, 3, 5 },
  { 1, 2, 5 },
  { 1 },
};
static const int log_set_len[] = { 8, 4, 3, 1 };

static gboolean
near_or_above (double v, double bound)
{
  return v >= bound * (1 - 1e-9);
}

static gboolean
near_or_below (double v, double bound)
{
  return v <= bound * (1 + 1e-9);
}

/* How many ticks of set s lie in [min, max]. */
static int
log_count (double min,
           double max,
           int    s)
{
  int lo = (int) floor (log10 (min) + 1e-9), hi = (int) ceil (log10 (max) - 1e-9), n = 0;

  for (int e = lo; e <= hi; e++)
    for (int k = 0; k < log_set_len[s]; k++)
      {
        double v = log_sets[s][k] * pow (10, e);

        if (isfinite (v) && near_or_above (v, min) && near_or_below (v, max))
          n++;
      }
  return n;
}

/* The largest value of set s at or below v, and the smallest at or above. */
static double
log_floor (double v,
           int    s)
{
  int e = (int) floor (log10 (v) + 1e-9);

  for (int k = log_set_len[s] - 1; k >= 0; k--)
    if (near_or_below (log_sets[s][k] * pow (10, e), v))
      return log_sets[s][k] * pow (10, e);
  return log_sets[s][log_set_len[s] - 1] * pow (10, e - 1);
}

static double
log_ceil (double v,
          int    s)
{
  int e = (int) floor (log10 (v) + 1e-9);

  for (int k = 0; k < log_set_len[s]; k++)
    if (near_or_above (log_sets[s][k] * pow (10, e), v))
      return log_sets[s][k] * pow (10, e);
  return pow (10, e + 1);
}

/* The ends of a log axis for data from lo to hi: the neighbouring ticks
 * of the finest set that fits, so the data fill the plot ($0.4T to $3.9T
 * gets $0.4T to $4T, not $100B to $10T), or whole decades when even
 * powers of ten are too many. */
void
uc_axis_log_range (double  lo,
                   double  hi,
                   int     target_ticks,
                   double *axis_min,
                   double *axis_max)
{
  for (int s = 0; s < (int) G_N_ELEMENTS (log_set_len) - 1 && lo > 0 && hi > lo && isfinite (hi); s++)
    {
      double min = log_floor (lo, s), max = log_ceil (hi, s);

      if (min > 0 && isfinite (max) && max > min && log_count (min, max, s) <= target_ticks)
        {
          *axis_min = min;
          *axis_max = max;
          return;
        }
    }
  *axis_min = pow (10, floor (log10 (lo) + 1e-9));
  *axis_max = pow (10, ceil (log10 (hi) - 1e-9));
  if (*axis_max <= *axis_min)
    *axis_max = *axis_min * 10;
  /* The decades round the smallest subnormal down to zero and values
   * past 1e308 up to infinity: the data's own ends instead. */
  if (!(*axis_min > 0))
    *axis_min = lo;
  if (!isfinite (*axis_max))
    *axis_max = G_MAXDOUBLE;
}

/* Log axes: the finest mantissa set whose ticks fit, or every other power
 * of ten (or fewer) when not even the powers do. */
GArray *
uc_axis_log_ticks (double        min,
                   double        max,
                   int           target_ticks,
                   UcValueFormat format)
{
  GArray *ticks = tick_array_new ();
  int lo, hi, decades, stride = 1, s = 0;

  if (!(min > 0) || !(max > min) || !isfinite (max))
    return ticks;
  /* Both within ±324 for any positive finite double: few decades. */
  lo = (int) floor (log10 (min) + 1e-9);
  hi = (int) ceil (log10 (max) - 1e-9);
  decades = MAX (1, hi - lo);
  while (s < (int) G_N_ELEMENTS (log_set_len) - 1 && log_count (min, max, s) > target_ticks)
    s++;
  if (log_count (min, max, s) > target_ticks)
    while (decades / stride > target_ticks)
      stride++;

  for (int e = lo; e <= hi; e++)
    {
      if ((e - lo) % stride != 0)
        continue;
      for (int k = 0; k < log_set_len[s]; k++)
        {
          double v = log_sets[s][k] * pow (10, e);
          UcTick tick;

          if (!isfinite (v) || !near_or_above (v, min) || !near_or_below (v, max))
            continue;
          tick.value = v;
          tick.label = log_tick_label (v, format);
          g_array_append_val (ticks, tick);
        }
    }
  return ticks;
}

typedef struct
{
  UcTimeStepUnit unit;
  int            count;
  gint64         approx_usec;
} TimeStep;

#define MINUTE ((gint64) 60 * G_USEC_PER_SEC)
#define HOUR (60 * MINUTE)
#define DAY (24 * HOUR)

static const TimeStep time_steps[] = {
  { UC_TIME_STEP_MINUTE, 1, MINUTE },
  { UC_TIME_STEP_MINUTE, 5, 5 * MINUTE },
  { UC_TIME_STEP_MINUTE, 15, 15 * MINUTE },
  { UC_TIME_STEP_MINUTE, 30, 30 * MINUTE },
  { UC_TIME_STEP_HOUR, 1, HOUR },
  { UC_TIME_STEP_HOUR, 3, 3 * HOUR },
  { UC_TIME_STEP_HOUR, 6, 6 * HOUR },
  { UC_TIME_STEP_HOUR, 12, 12 * HOUR },
  { UC_TIME_STEP_DAY, 1, DAY },
  { UC_TIME_STEP_DAY, 2, 2 * DAY },
  { UC_TIME_STEP_WEEK, 1, 7 * DAY },
  { UC_TIME_STEP_WEEK, 2, 14 * DAY },
  { UC_TIME_STEP_MONTH, 1, 30 * DAY },
  { UC_TIME_STEP_MONTH, 2, 61 * DAY },
  { UC_TIME_STEP_MONTH, 3, 91 * DAY },
  { UC_TIME_STEP_MONTH, 6, 182 * DAY },
  { UC_TIME_STEP_YEAR, 1, 365 * DAY },
  { UC_TIME_STEP_YEAR, 2, 730 * DAY },
  { UC_TIME_STEP_YEAR, 5, 1826 * DAY },
  { UC_TIME_STEP_YEAR, 10, 3652 * DAY },
  { UC_TIME_STEP_YEAR, 25, 9131 * DAY },
  { UC_TIME_STEP_YEAR, 50, 18262 * DAY },
  { UC_TIME_STEP_YEAR, 100, 36524 * DAY },
};

/* The step of at least @least_step usec whose ticks fall
 * @min_spacing_px apart or more. */
static void
time_step_at_least (UcTime          from,
                    UcTime          to,
                    double          width_px,
                    double          min_spacing_px,
                    gint64          least_step,
                    UcTimeStepUnit *unit,
                    int            *count)
{
  /* In doubles: the difference of two far-apart times overflows an int64. */
  double usec_per_px = ((double) to - (double) from) / MAX (width_px, 1);
  guint i;

  for (i = 0; i < G_N_ELEMENTS (time_steps) - 1; i++)
    if (time_steps[i].approx_usec >= least_step && time_steps[i].approx_usec / usec_per_px >= min_spacing_px)
      break;
  *unit = time_steps[i].unit;
  *count = time_steps[i].count;
}

void
uc_axis_time_step (UcTime          from,
                   UcTime          to,
                   double          width_px,
                   double          min_spacing_px,
                   UcTimeStepUnit *unit,
                   int            *count)
{
  time_step_at_least (from, to, width_px, min_spacing_px, 0, unit, count);
}

/* The first tick boundary at or after @t. */
static UcTime
align_up (UcTime         t,
          UcTimeStepUnit unit,
          int            count)
{
  int y, m, d;
  gint64 days = t >= 0 ? t / DAY : -((-t + DAY - 1) / DAY);
  UcTime start;

  switch (unit)
    {
    case UC_TIME_STEP_MINUTE:
    case UC_TIME_STEP_HOUR:
      {
        gint64 step = (unit == UC_TIME_STEP_MINUTE ? MINUTE : HOUR) * count;
        gint64 q = t / step;

        start = q * step;
        return start < t ? start + step : start;
      }
    case UC_TIME_STEP_DAY:
      start = days * DAY;
      return start < t ? start + DAY : start;
    case UC_TIME_STEP_WEEK:
      {
        /* Weeks start on Monday; 1970-01-01 was a Thursday. */
        gint64 dow = ((days % 7) + 7 + 3) % 7;

        start = (days - dow) * DAY;
        while (start < t)
          start += 7 * DAY;
        return start;
      }
    case UC_TIME_STEP_MONTH:
      uc_time_to_ymd (t, &y, &m, &d);
      m = ((m - 1) / count) * count + 1;
      start = uc_time_from_ymd (y, m, 1);
      while (start < t)
        start = uc_time_add_months (start, count);
      return start;
    case UC_TIME_STEP_YEAR:
    default:
      uc_time_to_ymd (t, &y, &m, &d);
      y = (int) (floor ((double) y / count) * count);
      start = uc_time_from_ymd (y, 1, 1);
      while (start < t)
        start = uc_time_add_months (start, 12 * count);
      return start;
    }
}

static UcTime
advance (UcTime         t,
         UcTimeStepUnit unit,
         int            count)
{
  switch (unit)
    {
    case UC_TIME_STEP_MINUTE: return t + count * MINUTE;
    case UC_TIME_STEP_HOUR: return t + count * HOUR;
    case UC_TIME_STEP_DAY: return t + count * DAY;
    case UC_TIME_STEP_WEEK: return t + count * 7 * DAY;
    case UC_TIME_STEP_MONTH: return uc_time_add_months (t, count);
    case UC_TIME_STEP_YEAR:
    default: return uc_time_add_months (t, 12 * count);
    }
}

/* Labels say the year once, at the first tick and where it changes. The
 * formats are translatable: the order of day, month and year and the
 * month names follow the user's language. */
static char *
time_label (UcTime          t,
            UcTimeStepUnit  unit,
            gboolean        show_year,
            gboolean        show_day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (t / G_USEC_PER_SEC - (t % G_USEC_PER_SEC < 0));
  const char *format;

  if (dt == NULL)
    return g_strdup ("");
  switch (unit)
    {
    case UC_TIME_STEP_MINUTE:
    case UC_TIME_STEP_HOUR:
      /* Translators: a time axis label, see g_date_time_format(); e.g. "27 Jan 14:30" */
      format = show_day ? C_("time axis", "%-d %b %H:%M") : C_("time axis", "%H:%M");
      break;
    case UC_TIME_STEP_DAY:
    case UC_TIME_STEP_WEEK:
      /* Translators: a time axis label, see g_date_time_format(); e.g. "27 Jan 2025" and "27 Jan",
       * the day written as everywhere else (uc_format_day) */
      format = show_year ? C_("time axis", "%-d %b %Y") : C_("time axis", "%-d %b");
      break;
    case UC_TIME_STEP_MONTH:
      /* Translators: a time axis label, see g_date_time_format(); e.g. "Jan 2025" and "Jan" */
      format = show_year ? C_("time axis", "%b %Y") : C_("time axis", "%b");
      break;
    case UC_TIME_STEP_YEAR:
    default:
      format = "%Y";
      break;
    }
  return g_date_time_format (dt, format);
}

GArray *
uc_axis_time_ticks (UcTime from,
                    UcTime to,
                    double width_px,
                    double min_spacing_px)
{
  return uc_axis_time_ticks_at_least (from, to, width_px, min_spacing_px, 0);
}

/* As uc_axis_time_ticks, no two ticks closer than @least_step usec: a
 * chart of daily closes keeps to days however far it is zoomed in. */
GArray *
uc_axis_time_ticks_at_least (UcTime from,
                             UcTime to,
                             double width_px,
                             double min_spacing_px,
                             gint64 least_step)
{
  GArray *ticks = tick_array_new ();
  UcTimeStepUnit unit;
  int count;
  int last_year = G_MININT, last_day = G_MININT;

  if (to <= from)
    return ticks;
  /* Calendar steps from the far ends of the int64 range would overflow;
   * no calendar reaches there anyway. */
  from = CLAMP (from, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  to = CLAMP (to, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  if (to <= from)
    return ticks;

  time_step_at_least (from, to, width_px, min_spacing_px, least_step, &unit, &count);
  for (UcTime t = align_up (from, unit, count); t <= to && ticks->len < MAX_TICKS; t = advance (t, unit, count))
    {
      int y, m, d;
      UcTick tick;

      uc_time_to_ymd (t, &y, &m, &d);
      tick.value = (double) t;
      tick.label = time_label (t, unit, y != last_year, y * 400 + m * 32 + d != last_day);
      g_array_append_val (ticks, tick);
      last_year = y;
      last_day = y * 400 + m * 32 + d;
    }
  return ticks;
}
