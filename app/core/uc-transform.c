/* uc-transform.c: transforms on time series */
#include "config.h"

#include "uc-transform.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-dataset.h"
#include "uc-dataset-charts.h"
#include "uc-format.h"

#define UC_TRANSFORM_ERROR (g_quark_from_static_string ("uc-transform-error"))

static UcSeries *
derived (UcSeries   *from,
         const char *suffix)
{
  g_autofree char *id = g_strconcat (uc_series_get_id (from), suffix, NULL);
  UcSeries *series = uc_series_new (id, uc_series_get_label (from));

  uc_series_copy_style (series, from);
  return series;
}

/* The last value on or before @date (markets close on weekends). */
gboolean
uc_series_value_on_or_before (UcSeries *series,
                              UcTime    date,
                              double   *value)
{
  UcTime day;

  return uc_series_point_on_or_before (series, date, value, &day);
}

/* The last finite value at or before @date, and the day it is from: the
 * close a rebase on a weekend or on an event's eve really uses. */
gboolean
uc_series_point_on_or_before (UcSeries *series,
                              UcTime    date,
                              double   *value,
                              UcTime   *day)
{
  const double *y = uc_series_get_y (series);

  for (int i = uc_series_find_before (series, date); i >= 0; i--)
    if (isfinite (y[i]))
      {
        *value = y[i];
        *day = uc_series_get_x (series)[i];
        return TRUE;
      }
  return FALSE;
}

/* @series as y / base * @scale + @offset, base its value at @base_date.
 * Results past the range of a double (a base of 1e-320) are left out as
 * missing, counted in @n_out; the day of the base value goes to @day_out. */
static UcSeries *
relative (UcSeries    *series,
          UcTime       base_date,
          double       scale,
          double       offset,
          const char  *suffix,
          double      *base_out,
          UcTime      *day_out,
          guint       *n_out,
          GError     **error)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  UcSeries *out;
  double base = NAN;
  UcTime day = 0;
  guint n = 0;

  if (!uc_series_point_on_or_before (series, base_date, &base, &day) || base == 0)
    {
      g_autofree char *date = uc_time_format_date (base_date);

      if (isnan (base))
        /* Translators: a series' name (NVDA…), then a date. */
        g_set_error (error, UC_TRANSFORM_ERROR, 0, _("%s has no value on or before %s to compare with"),
                     uc_series_get_label (series), date);
      else
        /* Translators: a series' name (NVDA…), then a date. */
        g_set_error (error, UC_TRANSFORM_ERROR, 0, _("%s has no non-zero value on or before %s to compare with"),
                     uc_series_get_label (series), date);
      return NULL;
    }

  out = derived (series, suffix);
  uc_series_reserve (out, uc_series_get_length (series));
  for (guint i = 0; i < uc_series_get_length (series); i++)
    {
      double v = y[i] / base * scale + offset;

      if (!isfinite (v) && !isnan (y[i]))
        {
          v = NAN;
          n++;
        }
      uc_series_append (out, x[i], v);
    }
  if (base_out)
    *base_out = base;
  if (day_out)
    *day_out = day;
  if (n_out)
    *n_out = n;
  return out;
}

/* Rebased to 100 at @base_date, whatever part of the series is visible. */
UcSeries *
uc_series_rebase (UcSeries    *series,
                  UcTime       base_date,
                  GError     **error)
{
  return relative (series, base_date, 100, 0, ":rebased", NULL, NULL, NULL, error);
}

/* Percent change since @base_date. */
UcSeries *
uc_series_change_since (UcSeries    *series,
                        UcTime       base_date,
                        GError     **error)
{
  return relative (series, base_date, 100, -100, ":change", NULL, NULL, NULL, error);
}

/* Simple returns from one point (a row) to the next, as fractions,
 * missing next to a missing value. For charts, see
 * uc_series_daily_returns(). */
UcSeries *
uc_series_returns (UcSeries *series)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  UcSeries *out = derived (series, ":returns");

  for (guint i = 1; i < uc_series_get_length (series); i++)
    uc_series_append (out, x[i], y[i - 1] == 0 ? NAN : y[i] / y[i - 1] - 1);
  return out;
}

/* The union (outer) or intersection (inner) of the series' dates. */
static GArray *
common_dates (GPtrArray *series,
              UcJoin     join)
{
  GArray *dates = g_array_new (FALSE, FALSE, sizeof (UcTime));
  g_autofree guint *pos = g_new0 (guint, series->len);

  for (;;)
    {
      UcTime next = G_MAXINT64;
      guint have = 0;

      for (guint s = 0; s < series->len; s++)
        {
          UcSeries *one = g_ptr_array_index (series, s);

          if (pos[s] < uc_series_get_length (one))
            next = MIN (next, uc_series_get_x (one)[pos[s]]);
        }
      if (next == G_MAXINT64)
        break;
      for (guint s = 0; s < series->len; s++)
        {
          UcSeries *one = g_ptr_array_index (series, s);

          if (pos[s] < uc_series_get_length (one) && uc_series_get_x (one)[pos[s]] == next)
            {
              if (isfinite (uc_series_get_y (one)[pos[s]]))
                have++;
              pos[s]++;
            }
        }
      if (join == UC_JOIN_OUTER ? have > 0 : have == series->len)
        g_array_append_val (dates, next);
    }
  return dates;
}

static double
value_at (UcSeries *series,
          UcTime    t)
{
  int i = uc_series_find (series, t);

  return i < 0 ? NAN : uc_series_get_y (series)[i];
}

/* Sum across series on shared dates: inner keeps dates where every series
 * has a value (no jumps when one is missing); outer sums what is there. */
UcSeries *
uc_series_sum (GPtrArray  *series,
               const char *id,
               const char *label,
               UcJoin      join)
{
  g_autoptr(GArray) dates = common_dates (series, join);
  UcSeries *out = uc_series_new (id, label);

  for (guint i = 0; i < dates->len; i++)
    {
      UcTime t = g_array_index (dates, UcTime, i);
      double total = 0;

      for (guint s = 0; s < series->len; s++)
        {
          double v = value_at (g_ptr_array_index (series, s), t);

          if (isfinite (v))
            total += v;
        }
      /* A total past the largest double is no total. */
      uc_series_append (out, t, isfinite (total) ? total : NAN);
    }
  return out;
}

/* Each series on the same dates; outer joins leave gaps as NaN. */
GPtrArray *
uc_series_join (GPtrArray *series,
                UcJoin     join)
{
  g_autoptr(GArray) dates = common_dates (series, join);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint s = 0; s < series->len; s++)
    {
      UcSeries *one = g_ptr_array_index (series, s);
      UcSeries *joined = derived (one, "");

      for (guint i = 0; i < dates->len; i++)
        {
          UcTime t = g_array_index (dates, UcTime, i);
          uc_series_append (joined, t, value_at (one, t));
        }
      g_ptr_array_add (out, joined);
    }
  return out;
}

UcTime
uc_period_start (UcTime   t,
                 UcPeriod period)
{
  int y, m, d;
  gint64 days;

  uc_time_to_ymd (t, &y, &m, &d);
  switch (period)
    {
    case UC_PERIOD_WEEK:
      days = uc_days_from_civil (y, m, d);
      /* 1970-01-01 was a Thursday: Monday is day 4 of that week. */
      return (days - ((days % 7 + 7 + 3) % 7)) * UC_USEC_PER_DAY;
    case UC_PERIOD_QUARTER:
      return uc_time_from_ymd (y, (m - 1) / 3 * 3 + 1, 1);
    case UC_PERIOD_MONTH:
    default:
      return uc_time_from_ymd (y, m, 1);
    }
}

/* One point per period, dated at the period's start. Missing values are
 * left out of every aggregate; a period with none stays missing (count: 0). */
UcSeries *
uc_series_resample (UcSeries    *series,
                    UcPeriod     period,
                    UcAggregate  aggregate)
{
  static const char * const suffixes[] = { ":week", ":month", ":quarter" };
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  guint n = uc_series_get_length (series);
  UcSeries *out = derived (series, suffixes[period]);
  guint i = 0;

  while (i < n)
    {
      UcTime start = uc_period_start (x[i], period);
      double sum = 0, last = NAN;
      guint count = 0;

      for (; i < n && uc_period_start (x[i], period) == start; i++)
        if (isfinite (y[i]))
          {
            sum += y[i];
            last = y[i];
            count++;
          }
      switch (aggregate)
        {
        case UC_AGGREGATE_LAST: uc_series_append (out, start, last); break;
        case UC_AGGREGATE_MEAN: uc_series_append (out, start, count && isfinite (sum) ? sum / count : NAN); break;
        case UC_AGGREGATE_SUM: uc_series_append (out, start, count && isfinite (sum) ? sum : NAN); break;
        case UC_AGGREGATE_COUNT:
        default: uc_series_append (out, start, count); break;
        }
    }
  return out;
}

/* Mean of the last @window points (rows, whatever days they fall on);
 * missing until the window is full and wherever a missing value is inside
 * it. For charts, see uc_series_mean_over_days(). */
UcSeries *
uc_series_rolling_mean (UcSeries *series,
                        guint     window)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  guint n = uc_series_get_length (series);
  UcSeries *out = derived (series, ":rolling");
  double sum = 0;
  guint missing = 0;
  gboolean scaled = FALSE;

  g_return_val_if_fail (window > 0, out);

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (y[i]))
        missing++;
      if (i >= window && !isfinite (y[i - window]))
        missing--;
      if (!scaled)
        {
          if (isfinite (y[i]))
            sum += y[i];
          if (i >= window && isfinite (y[i - window]))
            sum -= y[i - window];
        }
      /* A sum past the largest double stays infinite for good: from then
       * on the window is summed in shares of the mean, which cannot
       * overflow (once, afresh, then rolling: the old share out first). */
      if (!scaled && !isfinite (sum))
        {
          scaled = TRUE;
          sum = 0;
          for (guint k = i + 1 > window ? i + 1 - window : 0; k <= i; k++)
            if (isfinite (y[k]))
              sum += y[k] / window;
        }
      else if (scaled)
        {
          if (i >= window && isfinite (y[i - window]))
            sum -= y[i - window] / window;
          if (isfinite (y[i]))
            sum += y[i] / window;
        }
      uc_series_append (out, x[i], i + 1 >= window && missing == 0 ? (scaled ? sum : sum / window) : NAN);
    }
  return out;
}

/* Daily returns in percent: each value's change from the last value
 * before it (Friday's close for a Monday; the close before a missing day
 * for the day after it). A missing value stays missing, and so does the
 * first, which has nothing before it, and a change from zero. The ratio of
 * two values, so a rebased line has the same returns as its own values. */
UcSeries *
uc_series_daily_returns (UcSeries *series)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  guint n = uc_series_get_length (series);
  UcSeries *out = derived (series, ":returns");
  double before = NAN;

  uc_series_reserve (out, n);
  for (guint i = 0; i < n; i++)
    {
      double v = NAN;

      if (isfinite (y[i]) && isfinite (before) && before != 0)
        v = (y[i] / before - 1) * 100;
      uc_series_append (out, x[i], isfinite (v) ? v : NAN);
      if (isfinite (y[i]))
        before = y[i];
    }
  return out;
}

/* A running sum with Neumaier's compensation: values leave it as they
 * came in, and the rounding of each step is carried, not piled up. */
typedef struct
{
  double sum, carry;
  guint  count;
} RunningSum;

static void
running_add (RunningSum *r,
             double      v)
{
  double t = r->sum + v;

  r->carry += fabs (r->sum) >= fabs (v) ? (r->sum - t) + v : (v - t) + r->sum;
  r->sum = t;
}

/* Summed afresh from @first to @last: once a running sum has passed the
 * largest double it stays infinite, while the window may not. */
static RunningSum
sum_afresh (const double *y,
            guint         first,
            guint         last)
{
  RunningSum r = { 0, 0, 0 };

  for (guint k = first; k <= last; k++)
    if (isfinite (y[k]))
      {
        running_add (&r, y[k]);
        r.count++;
      }
  return r;
}

/* The mean over @days calendar days ending on each day (a 30-day mean on
 * 31 March: the values of 2 to 31 March), of the values present there: a
 * weekend or a missing day counts as a day but adds no value. Missing
 * where the value itself is, and until the series spans @days days. One
 * pass, whatever the number of points a window holds (minutes too). */
UcSeries *
uc_series_mean_over_days (UcSeries *series,
                          guint     days)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  guint n = uc_series_get_length (series);
  UcSeries *out = derived (series, days == 7 ? ":mean-7" : days == 30 ? ":mean-30" : days == 90 ? ":mean-90" : ":mean");
  UcTime span = (UcTime) days * UC_USEC_PER_DAY;
  RunningSum window = { 0, 0, 0 };
  guint first = 0;

  g_return_val_if_fail (days > 0, out);

  uc_series_reserve (out, n);
  for (guint i = 0; i < n; i++)
    {
      double mean = NAN;

      if (isfinite (y[i]))
        {
          running_add (&window, y[i]);
          window.count++;
        }
      for (; x[first] <= x[i] - span; first++)
        if (isfinite (y[first]))
          {
            running_add (&window, -y[first]);
            window.count--;
          }
      /* An empty window starts again from nothing, rounding and all. */
      if (window.count == 0)
        window = (RunningSum) { 0, 0, 0 };
      if (!isfinite (window.sum) || !isfinite (window.carry))
        window = sum_afresh (y, first, i);
      if (isfinite (y[i]) && x[i] - span + UC_USEC_PER_DAY >= x[0])
        {
          if (isfinite (window.sum) && isfinite (window.carry))
            mean = (window.sum + window.carry) / window.count;
          else
            {
              /* A sum past the largest double: the mean of shares is not. */
              mean = 0;
              for (guint k = first; k <= i; k++)
                if (isfinite (y[k]))
                  mean += y[k] / window.count;
            }
        }
      uc_series_append (out, x[i], mean);
    }
  return out;
}

/* The drawdown in percent: how far each value is below the highest one
 * so far (0 on a new high, never above). A missing value stays missing;
 * so does one below a peak of zero or less, where no percent is. */
UcSeries *
uc_series_drawdown (UcSeries *series)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  guint n = uc_series_get_length (series);
  UcSeries *out = derived (series, ":drawdown");
  double peak = -INFINITY;

  uc_series_reserve (out, n);
  for (guint i = 0; i < n; i++)
    {
      double v = NAN;

      if (isfinite (y[i]))
        {
          peak = MAX (peak, y[i]);
          if (peak > 0)
            v = (y[i] / peak - 1) * 100;
        }
      uc_series_append (out, x[i], v);
    }
  return out;
}

/* How a legend names a transform: "Nvidia · 30-day mean". */
const char *
uc_transform_describe (UcTransform transform)
{
  switch (transform)
    {
    case UC_TRANSFORM_RETURNS: return _("daily return");
    case UC_TRANSFORM_MEAN_7: return _("7-day mean");
    case UC_TRANSFORM_MEAN_30: return _("30-day mean");
    case UC_TRANSFORM_MEAN_90: return _("90-day mean");
    case UC_TRANSFORM_DRAWDOWN: return _("drawdown");
    case UC_TRANSFORM_NONE:
    default: return NULL;
    }
}

/* Whether the transform is a ratio of a line's own values (returns,
 * drawdown), the same whatever they are rebased on: such a line is
 * transformed from its values as they are. */
gboolean
uc_transform_is_ratio (UcTransform transform)
{
  return transform == UC_TRANSFORM_RETURNS || transform == UC_TRANSFORM_DRAWDOWN;
}

/* Whether @spec's lines can be transformed: lines of values on dates (not
 * counts, bars, scatters of named points or event lanes; a mean of days
 * means nothing on a number axis), not transformed already. Returns and
 * drawdowns are of levels, so not of percentages (a share, a change);
 * an index is a level. */
gboolean
uc_chart_spec_can_take_transform (UcChartSpec *spec,
                                  UcTransform  transform)
{
  UcChartKind kind = uc_chart_spec_get_kind (spec);

  if (transform == UC_TRANSFORM_NONE)
    return TRUE;
  if (!(kind == UC_CHART_LINE || kind == UC_CHART_STEP || (kind == UC_CHART_AREA && !uc_chart_spec_get_stacked (spec))) ||
      uc_chart_spec_get_x_kind (spec) != UC_X_TIME || uc_chart_spec_get_transform (spec) != UC_TRANSFORM_NONE)
    return FALSE;
  if (uc_transform_is_ratio (transform) && uc_chart_spec_get_value_format (spec) == UC_VALUE_PERCENT)
    return FALSE;
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    if (uc_series_has_point_labels (uc_chart_spec_get_series (spec, i)))
      return FALSE;
  return TRUE;
}

/* The same chart with every line transformed, each legend entry saying
 * so ("Nvidia · 30-day mean"). Returns and drawdowns are percentages,
 * titled as such, on a linear axis (they reach zero and below); a mean
 * keeps the chart's unit, format and axis. */
UcChartSpec *
uc_chart_spec_transform (UcChartSpec *spec,
                         UcTransform  transform)
{
  g_autoptr(UcChartSpec) out = NULL;

  g_return_val_if_fail (UC_IS_CHART_SPEC (spec), NULL);
  if (transform == UC_TRANSFORM_NONE)
    return g_object_ref (spec);
  out = uc_chart_spec_copy_without_series (spec);
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *one = uc_chart_spec_get_series (spec, i);
      g_autoptr(UcSeries) made = NULL;
      g_autofree char *label = NULL;

      switch (transform)
        {
        case UC_TRANSFORM_RETURNS: made = uc_series_daily_returns (one); break;
        case UC_TRANSFORM_MEAN_7: made = uc_series_mean_over_days (one, 7); break;
        case UC_TRANSFORM_MEAN_30: made = uc_series_mean_over_days (one, 30); break;
        case UC_TRANSFORM_MEAN_90: made = uc_series_mean_over_days (one, 90); break;
        case UC_TRANSFORM_DRAWDOWN:
        case UC_TRANSFORM_NONE:
        default: made = uc_series_drawdown (one); break;
        }
      label = g_strdup_printf ("%s · %s", uc_series_get_label (one), uc_transform_describe (transform));
      uc_series_set_label (made, label);
      uc_chart_spec_add_series (out, made);
    }
  uc_chart_spec_set_transform (out, transform);
  if (uc_transform_is_ratio (transform))
    {
      uc_chart_spec_set_value_format (out, UC_VALUE_PERCENT);
      uc_chart_spec_set_y_title (out, transform == UC_TRANSFORM_RETURNS ? _("Change from the day before")
                                                                       : _("Below the highest so far"));
      uc_chart_spec_set_log_scale (out, FALSE);
    }
  return g_steal_pointer (&out);
}

/* The warning of a line that a rebase (@rebased) or a change since a day
 * took past the range of a double in @n values. */
static char *
relative_warning (gboolean    rebased,
                  const char *date,
                  const char *label,
                  double      base,
                  guint       n)
{
  if (rebased)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: a date, a series' name, its value that day, and how many
                                          * values were left out. */
                                         "rebase to 100 on %s: %s is %.3g there; %u value out of range left out",
                                         "rebase to 100 on %s: %s is %.3g there; %u values out of range left out", n),
                            date, label, base, n);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: a date, a series' name, its value that day, and how many values
                                        * were left out. */
                                       "change since %s: %s is %.3g there; %u value out of range left out",
                                       "change since %s: %s is %.3g there; %u values out of range left out", n),
                          date, label, base, n);
}

/* The subtitle of a chart rebased (@rebased) or made a change since a
 * day: @subtitle, the chart's own (or NULL), with the day's @date. */
static char *
relative_subtitle (gboolean    rebased,
                   const char *subtitle,
                   const char *date)
{
  if (subtitle && rebased)
    /* Translators: a chart's subtitle (“Share price”), then a date. */
    return g_strdup_printf (_("%s — rebased to 100 on %s"), subtitle, date);
  if (subtitle)
    /* Translators: a chart's subtitle (“Market capitalisation”), then a date. */
    return g_strdup_printf (_("%s — change since %s"), subtitle, date);
  if (rebased)
    /* Translators: %s is a date. */
    return g_strdup_printf (_("Rebased to 100 on %s"), date);
  /* Translators: %s is a date. */
  return g_strdup_printf (_("Change since %s"), date);
}

/* The same chart with every line made relative to @base_date (y / base
 * × @scale + @offset), in @format, the subtitle saying so: rebased to 100
 * (@rebased) or a change since the day. Values the transform takes past
 * the range of a double are left out, and the chart says so in a warning
 * per line. */
static UcChartSpec *
relative_spec (UcChartSpec   *spec,
               UcTime         base_date,
               double         scale,
               double         offset,
               const char    *suffix,
               UcValueFormat  format,
               gboolean       rebased,
               GError       **error)
{
  g_autoptr(UcChartSpec) out = uc_chart_spec_copy_without_series (spec);
  g_autofree char *date = uc_time_format_date (base_date);
  g_autofree char *subtitle = NULL;
  UcTime latest = G_MININT64;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *one = uc_chart_spec_get_series (spec, i);
      double base;
      UcTime day;
      guint n_out;
      g_autoptr(UcSeries) series = relative (one, base_date, scale, offset, suffix, &base, &day, &n_out, error);

      if (series == NULL)
        return NULL;
      latest = MAX (latest, day);
      if (n_out > 0)
        {
          g_autofree char *warning = relative_warning (rebased, date, uc_series_get_label (one), base, n_out);

          uc_chart_spec_add_warning (out, warning);
        }
      uc_chart_spec_add_series (out, series);
    }
  uc_chart_spec_set_value_format (out, format);
  /* The subtitle names the close used (Friday's, for a Sunday or the eve
   * of an event), not the moment asked for. */
  g_free (date);
  date = uc_format_period (latest != G_MININT64 ? latest : base_date, latest != G_MININT64 ? latest : base_date);
  uc_chart_spec_set_base (out, latest != G_MININT64 ? latest : base_date);
  subtitle = relative_subtitle (rebased, uc_chart_spec_get_subtitle (spec), date);
  uc_chart_spec_set_subtitle (out, subtitle);
  return g_steal_pointer (&out);
}

/* The same chart with every line rebased to 100 at @base_date. */
UcChartSpec *
uc_chart_spec_rebase (UcChartSpec  *spec,
                      UcTime        base_date,
                      GError      **error)
{
  return relative_spec (spec, base_date, 100, 0, ":rebased", UC_VALUE_INDEX, TRUE, error);
}

static gint
compare_points_by_time (gconstpointer a,
                        gconstpointer b)
{
  gint64 ta = *(const gint64 *) a, tb = *(const gint64 *) b;
  double va = *(const double *) ((const char *) a + sizeof (gint64)), vb = *(const double *) ((const char *) b + sizeof (gint64));

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return va < vb ? -1 : va > vb;
}

/* The lowest value of any of @series up to each date: the cheapest price
 * on offer so far, stepping down as cheaper models appear. */
UcSeries *
uc_series_running_min (GPtrArray  *series,
                       const char *id,
                       const char *label)
{
  UcSeries *out = uc_series_new (id, label);
  typedef struct { UcTime t; double v; } Point;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Point));
  double best = INFINITY;

  for (guint s = 0; s < series->len; s++)
    {
      UcSeries *one = g_ptr_array_index (series, s);

      for (guint i = 0; i < uc_series_get_length (one); i++)
        if (isfinite (uc_series_get_y (one)[i]))
          g_array_append_val (all, ((Point) { uc_series_get_x (one)[i], uc_series_get_y (one)[i] }));
    }
  g_array_sort (all, compare_points_by_time);
  for (guint i = 0; i < all->len; i++)
    {
      Point *p = &g_array_index (all, Point, i);
      guint n = uc_series_get_length (out);

      if (p->v >= best)
        continue;
      best = p->v;
      /* Two prices on one day: the day ends at the lower. */
      if (n > 0 && uc_series_get_x (out)[n - 1] == p->t)
        continue;
      uc_series_append (out, p->t, best);
    }
  /* The step holds to the last date there is. */
  if (all->len > 0 && uc_series_get_length (out) > 0 &&
      g_array_index (all, Point, all->len - 1).t > uc_series_get_x (out)[uc_series_get_length (out) - 1])
    uc_series_append (out, g_array_index (all, Point, all->len - 1).t, best);
  return out;
}

typedef struct
{
  UcTime      t;
  double      v;
  const char *offer;   /* the point's label (a model); NULL: an offer of its own */
} Offer;

static gint
compare_offers_by_time (gconstpointer a,
                        gconstpointer b)
{
  const Offer *x = a, *y = b;

  return x->t < y->t ? -1 : x->t > y->t;
}

/* The lowest price on offer each day among @series' points: a point is a
 * model's price from its date until the next point of the same label
 * (the same model), so a promotion that ended stops counting when the
 * model's next price comes in, unlike a running minimum. As a step line,
 * held to the last date there is. */
UcSeries *
uc_series_cheapest_on_offer (GPtrArray  *series,
                             const char *id,
                             const char *label)
{
  UcSeries *out = uc_series_new (id, label);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (Offer));
  g_autoptr(GHashTable) current = g_hash_table_new (g_str_hash, g_str_equal);
  double lone = INFINITY;   /* the lowest unlabelled point so far */

  for (guint s = 0; s < series->len; s++)
    {
      UcSeries *one = g_ptr_array_index (series, s);

      for (guint i = 0; i < uc_series_get_length (one); i++)
        if (isfinite (uc_series_get_y (one)[i]))
          g_array_append_val (all, ((Offer) { uc_series_get_x (one)[i], uc_series_get_y (one)[i],
                                              uc_series_get_point_label (one, i) }));
    }
  /* Stable: points of one day keep the order the data gives them. */
  g_array_sort (all, compare_offers_by_time);
  for (guint i = 0; i < all->len;)
    {
      UcTime day = g_array_index (all, Offer, i).t;
      GHashTableIter iter;
      gpointer value;
      double best;
      guint n = uc_series_get_length (out);

      for (; i < all->len && g_array_index (all, Offer, i).t == day; i++)
        {
          Offer *o = &g_array_index (all, Offer, i);

          if (o->offer == NULL || *o->offer == '\0')
            lone = MIN (lone, o->v);
          else
            g_hash_table_insert (current, (gpointer) o->offer, o);
        }
      best = lone;
      g_hash_table_iter_init (&iter, current);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        best = MIN (best, ((Offer *) value)->v);
      if (n == 0 || best != uc_series_get_y (out)[n - 1])
        uc_series_append (out, day, best);
    }
  if (all->len > 0 && uc_series_get_length (out) > 0 &&
      g_array_index (all, Offer, all->len - 1).t > uc_series_get_x (out)[uc_series_get_length (out) - 1])
    uc_series_append (out, g_array_index (all, Offer, all->len - 1).t,
                      uc_series_get_y (out)[uc_series_get_length (out) - 1]);
  return out;
}

/* Every series as its percent change since @base_date (0 on that date). */
UcChartSpec *
uc_chart_spec_change_since (UcChartSpec  *spec,
                            UcTime        base_date,
                            GError      **error)
{
  return relative_spec (spec, base_date, 100, -100, ":change", UC_VALUE_PERCENT, FALSE, error);
}

/* The chart on a number axis of trading days around @day0, as an event
 * study reads it: each series' points counted from its first on or after
 * @day0 (day 0; the point before it is day −1), whatever the calendar
 * gaps between them, and those from day @first to day @last kept. Each
 * series counts its own trading days (Hong Kong's holidays are not New
 * York's). Events are dates and are left out; a series with no point on
 * or after @day0 stays, empty, so legends and colours do not move. */
UcChartSpec *
uc_chart_spec_trading_days (UcChartSpec *spec,
                            UcTime       day0,
                            int          first,
                            int          last)
{
  g_autoptr(UcChartSpec) out = NULL;

  g_return_val_if_fail (UC_IS_CHART_SPEC (spec), NULL);
  g_return_val_if_fail (first < last, NULL);

  out = uc_chart_spec_copy_without_series (spec);
  uc_chart_spec_clear_events (out);
  uc_chart_spec_set_x_kind (out, UC_X_NUMBER);
  uc_chart_spec_set_x_unit (out, _("day"));
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *one = uc_chart_spec_get_series (spec, s);
      const UcTime *x = uc_series_get_x (one);
      const double *y = uc_series_get_y (one);
      gint64 n = uc_series_get_length (one);
      gint64 zero = uc_series_find_before (one, day0);
      g_autoptr(UcSeries) days = derived (one, ":days");

      if (zero < 0 || x[zero] < day0)
        zero++;
      for (gint64 k = MAX (0, zero + first); zero < n && k <= MIN (n - 1, zero + last); k++)
        uc_series_append (days, (k - zero) * UC_X_NUMBER_SCALE, y[k]);
      uc_chart_spec_add_series (out, days);
    }
  uc_chart_spec_set_range (out, (UcTime) first * UC_X_NUMBER_SCALE, (UcTime) last * UC_X_NUMBER_SCALE);
  return g_steal_pointer (&out);
}

/* For stacked areas and bars: the series on their common dates, each
 * holding the running total of itself and those before it. Counts stack on
 * every date (a group absent from a period counted zero there); measured
 * values only on dates where every series has one. A date whose total
 * passes the largest double is left out of every layer, and the chart
 * says so in a warning. */
UcChartSpec *
uc_chart_spec_stack (UcChartSpec *spec)
{
  gboolean counts = uc_chart_spec_get_kind (spec) == UC_CHART_BARS;
  UcChartSpec *stacked = uc_chart_spec_copy_without_series (spec);
  g_autoptr(GPtrArray) input = g_ptr_array_new ();
  g_autoptr(GPtrArray) joined = NULL;
  g_autofree double *totals = NULL;
  g_autofree gboolean *out_of_range = NULL;
  guint n, n_out = 0, first_out = 0;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    g_ptr_array_add (input, uc_chart_spec_get_series (spec, i));
  joined = uc_series_join (input, counts ? UC_JOIN_OUTER : UC_JOIN_INNER);
  n = joined->len > 0 ? uc_series_get_length (g_ptr_array_index (joined, 0)) : 0;
  /* One running total per value axis: a right-axis series stacks only on
   * other right-axis series. */
  totals = g_new0 (double, 2 * MAX (n, 1));
  out_of_range = g_new0 (gboolean, MAX (n, 1));

  /* The dates whose total overflows, first: once past the largest double
   * a running total stays infinite, so the whole sum tells. */
  for (guint s = 0; s < joined->len; s++)
    {
      UcSeries *one = g_ptr_array_index (joined, s);
      double *total = totals + (uc_series_get_right_axis (g_ptr_array_index (input, s)) ? MAX (n, 1) : 0);

      for (guint i = 0; i < n; i++)
        {
          double v = uc_series_get_y (one)[i];

          total[i] += !isfinite (v) && counts ? 0 : v;
        }
    }
  for (guint i = 0; i < n; i++)
    if (!isfinite (totals[i]) || !isfinite (totals[MAX (n, 1) + i]))
      {
        if (n_out++ == 0)
          first_out = i;
        out_of_range[i] = TRUE;
      }
  memset (totals, 0, 2 * MAX (n, 1) * sizeof (double));

  for (guint s = 0; s < joined->len; s++)
    {
      UcSeries *one = g_ptr_array_index (joined, s);
      UcSeries *original = g_ptr_array_index (input, s);
      g_autoptr(UcSeries) layer = uc_series_new (uc_series_get_id (one), uc_series_get_label (one));
      double *total = totals + (uc_series_get_right_axis (original) ? MAX (n, 1) : 0);

      uc_series_copy_style (layer, original);
      uc_series_reserve (layer, n);
      for (guint i = 0; i < n; i++)
        {
          double v = uc_series_get_y (one)[i];

          total[i] += !isfinite (v) && counts ? 0 : v;
          uc_series_append (layer, uc_series_get_x (one)[i], out_of_range[i] ? NAN : total[i]);
        }
      uc_chart_spec_add_series (stacked, layer);
    }
  if (n_out > 0)
    {
      g_autofree char *date = uc_time_format_date (uc_series_get_x (g_ptr_array_index (joined, 0))[first_out]);
      g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               /* Translators: a date, then how many dates were left
                                                                * out. */
                                                               "stacking: the total on %s is out of range; %u date left out",
                                                               "stacking: the total on %s is out of range; %u dates left out",
                                                               n_out), date, n_out);

      uc_chart_spec_add_warning (stacked, warning);
    }
  return stacked;
}

/* Whether a chart is drawn stacked: areas or bars, stacked, of two or
 * more series (the drawing stacks them, see uc_chart_spec_stack()). */
gboolean
uc_chart_spec_stacks (UcChartSpec *spec)
{
  return (uc_chart_spec_get_kind (spec) == UC_CHART_AREA || uc_chart_spec_get_kind (spec) == UC_CHART_BARS) &&
         uc_chart_spec_get_stacked (spec) && uc_chart_spec_get_n_series (spec) > 1;
}

/* Everything drawing @spec leaves out, one line each, in order: the
 * warnings of the transforms that made it, and the totals stacking could
 * not add up. For the command line, which tells the user. */
GStrv
uc_chart_spec_collect_warnings (UcChartSpec *spec)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(UcChartSpec) drawn = uc_chart_spec_stacks (spec) ? uc_chart_spec_stack (spec) : g_object_ref (spec);

  for (guint i = 0; i < uc_chart_spec_get_n_warnings (drawn); i++)
    g_strv_builder_add (builder, uc_chart_spec_get_warning (drawn, i));
  return g_strv_builder_end (builder);
}

/* Rows per period, one series per group (or one in all): "releases per
 * quarter by country". Each series is dated at the periods' starts. */
UcChartSpec *
uc_chart_spec_count_by (UcDataset   *dataset,
                        const char  *x_column,
                        const char  *group_column,
                        UcPeriod     period,
                        GError     **error)
{
  g_autoptr(UcChartSpec) rows = NULL;
  UcChartSpec *spec;

  /* One point per row with the value 1, then counted per period. */
  rows = uc_chart_spec_rows_by_group (dataset, x_column, group_column, error);
  if (rows == NULL)
    return NULL;
  spec = uc_chart_spec_copy_without_series (rows);
  for (guint i = 0; i < uc_chart_spec_get_n_series (rows); i++)
    {
      g_autoptr(UcSeries) counted = uc_series_resample (uc_chart_spec_get_series (rows, i), period, UC_AGGREGATE_COUNT);
      g_autoptr(UcSeries) named = uc_series_new (uc_series_get_id (uc_chart_spec_get_series (rows, i)),
                                                 uc_series_get_label (uc_chart_spec_get_series (rows, i)));

      for (guint k = 0; k < uc_series_get_length (counted); k++)
        uc_series_append (named, uc_series_get_x (counted)[k], uc_series_get_y (counted)[k]);
      uc_chart_spec_add_series (spec, named);
    }
  uc_chart_spec_set_kind (spec, UC_CHART_BARS);
  {
    UcTime first = G_MAXINT64, last = G_MININT64;

    /* The days the rows cover: from the first row's to the last's. */
    for (guint i = 0; i < uc_chart_spec_get_n_series (rows); i++)
      {
        UcSeries *one = uc_chart_spec_get_series (rows, i);

        for (guint k = 0; k < uc_series_get_length (one); k++)
          {
            first = MIN (first, uc_series_get_x (one)[k]);
            last = MAX (last, uc_series_get_x (one)[k]);
          }
      }
    G_STATIC_ASSERT ((int) UC_CHART_PERIOD_QUARTER == (int) UC_PERIOD_QUARTER + 1);
    uc_chart_spec_set_period (spec, (UcChartPeriod) (period + 1), first <= last ? first : 0, first <= last ? last : 0);
  }
  {
    UcTime from, to;

    /* The last period is shown whole. */
    uc_chart_spec_get_range (spec, &from, &to);
    from = uc_period_start (from, period);
    to = period == UC_PERIOD_WEEK ? uc_period_start (to, period) + 7 * UC_USEC_PER_DAY
                                  : uc_time_add_months (uc_period_start (to, period), period == UC_PERIOD_MONTH ? 1 : 3);
    uc_chart_spec_set_range (spec, from, to);
  }
  return spec;
}
