/* test-transform.c: series transforms, with exact figures */
#include <math.h>
#include <stdlib.h>

#include "uc-catalog.h"
#include "uc-chart-options.h"
#include "uc-enum.h"
#include "uc-transform.h"
#include "uc-view.h"

#define D(y, m, d) uc_time_from_ymd (y, m, d)

static UcSeries *
make (const char   *id,
      const UcTime *x,
      const double *y,
      guint         n)
{
  UcSeries *s = uc_series_new (id, id);

  for (guint i = 0; i < n; i++)
    uc_series_append (s, x[i], y[i]);
  return s;
}

static void
assert_series (UcSeries     *s,
               const UcTime *x,
               const double *y,
               guint         n)
{
  g_assert_cmpuint (uc_series_get_length (s), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpint (uc_series_get_x (s)[i], ==, x[i]);
      if (isnan (y[i]))
        g_assert_true (isnan (uc_series_get_y (s)[i]));
      else
        g_assert_cmpfloat_with_epsilon (uc_series_get_y (s)[i], y[i], 1e-9);
    }
}


/* Trading days around an event: each series counts its own points from
 * the first on or after the day (day 0), gaps of the calendar ignored. */
static void
test_trading_days (void)
{
  const UcTime xa[] = { D (2025, 1, 22), D (2025, 1, 23), D (2025, 1, 24), D (2025, 1, 27), D (2025, 1, 28), D (2025, 1, 29) };
  const double ya[] = { 1, 2, 3, 4, NAN, 6 };
  /* Another market's holidays: no point on the 27th, day 0 is the 28th. */
  const UcTime xb[] = { D (2025, 1, 23), D (2025, 1, 24), D (2025, 1, 28) };
  const double yb[] = { 10, 20, 30 };
  const UcTime xc[] = { D (2025, 1, 2) };
  const double yc[] = { 7 };
  g_autoptr(UcSeries) a = make ("a", xa, ya, 6);
  g_autoptr(UcSeries) b = make ("b", xb, yb, 3);
  g_autoptr(UcSeries) c = make ("c", xc, yc, 1);
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcChartSpec) days = NULL;
  g_autoptr(UcEvent) event = uc_event_new (D (2025, 1, 27), "Crash", UC_EVENT_MARKET);
  UcTime from, to;

  uc_chart_spec_add_series (spec, a);
  uc_chart_spec_add_series (spec, b);
  uc_chart_spec_add_series (spec, c);
  uc_chart_spec_add_event (spec, event);
  uc_chart_spec_set_range (spec, D (2025, 1, 1), D (2025, 2, 1));
  days = uc_chart_spec_trading_days (spec, D (2025, 1, 27), -2, 1);

  g_assert_cmpint (uc_chart_spec_get_x_kind (days), ==, UC_X_NUMBER);
  g_assert_cmpstr (uc_chart_spec_get_x_unit (days), ==, "day");
  g_assert_true (uc_chart_spec_get_x_signed (days));
  g_assert_false (uc_chart_spec_can_transform (days));
  g_assert_cmpuint (uc_chart_spec_get_n_events (days), ==, 0);
  uc_chart_spec_get_range (days, &from, &to);
  g_assert_cmpint (from, ==, -2 * UC_X_NUMBER_SCALE);
  g_assert_cmpint (to, ==, 1 * UC_X_NUMBER_SCALE);
  g_assert_cmpuint (uc_chart_spec_get_n_series (days), ==, 3);
  assert_series (uc_chart_spec_get_series (days, 0), (UcTime[]) { -2000000, -1000000, 0, 1000000 },
                 (double[]) { 2, 3, 4, NAN }, 4);
  assert_series (uc_chart_spec_get_series (days, 1), (UcTime[]) { -2000000, -1000000, 0 }, (double[]) { 10, 20, 30 }, 3);
  /* Nothing on or after the day: the series stays, empty. */
  g_assert_cmpuint (uc_series_get_length (uc_chart_spec_get_series (days, 2)), ==, 0);
  /* The time chart is left as it was. */
  g_assert_cmpint (uc_chart_spec_get_x_kind (spec), ==, UC_X_TIME);
  g_assert_cmpuint (uc_chart_spec_get_n_events (spec), ==, 1);

  /* Numbers as x values: six decimals, NaN and the far out refused. */
  {
    UcTime x;

    g_assert_true (uc_x_from_number (-2.5, &x));
    g_assert_cmpint (x, ==, -2500000);
    g_assert_cmpfloat (uc_x_to_number (x), ==, -2.5);
    g_assert_true (uc_x_from_number (1e12, &x));
    g_assert_false (uc_x_from_number (1.5e12, &x));
    g_assert_false (uc_x_from_number (NAN, &x));
    g_assert_false (uc_x_from_number (-INFINITY, &x));
  }
}

static void
test_rebase_and_change (void)
{
  const UcTime x[] = { D (2025, 1, 23), D (2025, 1, 24), D (2025, 1, 27), D (2025, 1, 28) };
  const double y[] = { 50, 40, 30, NAN };
  g_autoptr(UcSeries) s = make ("a", x, y, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) rebased = uc_series_rebase (s, D (2025, 1, 24), &error);
  /* A Sunday base uses Friday's close, not the first visible point. */
  g_autoptr(UcSeries) weekend = uc_series_rebase (s, D (2025, 1, 26), &error);
  g_autoptr(UcSeries) change = uc_series_change_since (s, D (2025, 1, 24), &error);
  g_autoptr(UcSeries) none = NULL;

  g_assert_no_error (error);
  assert_series (rebased, x, (double[]) { 125, 100, 75, NAN }, 4);
  assert_series (weekend, x, (double[]) { 125, 100, 75, NAN }, 4);
  assert_series (change, x, (double[]) { 25, 0, -25, NAN }, 4);

  none = uc_series_rebase (s, D (2025, 1, 1), &error);
  g_assert_null (none);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, "a has no value on or before 2025-01-01 to compare with");
}

static void
test_returns (void)
{
  const UcTime x[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3), D (2025, 1, 6) };
  const double y[] = { 100, 110, NAN, 121 };
  g_autoptr(UcSeries) s = make ("a", x, y, 4);
  g_autoptr(UcSeries) r = uc_series_returns (s);

  assert_series (r, x + 1, (double[]) { 0.1, NAN, NAN }, 3);
}

static void
test_sum (void)
{
  const UcTime xa[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3) };
  const UcTime xb[] = { D (2025, 1, 2), D (2025, 1, 3), D (2025, 1, 4) };
  g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(UcSeries) inner = NULL;
  g_autoptr(UcSeries) outer = NULL;

  g_ptr_array_add (both, make ("a", xa, (double[]) { 1, 2, 4 }, 3));
  g_ptr_array_add (both, make ("b", xb, (double[]) { 10, NAN, 40 }, 3));
  inner = uc_series_sum (both, "sum", "Sum", UC_JOIN_INNER);
  outer = uc_series_sum (both, "sum", "Sum", UC_JOIN_OUTER);
  assert_series (inner, (UcTime[]) { D (2025, 1, 2) }, (double[]) { 12 }, 1);
  assert_series (outer, (UcTime[]) { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3), D (2025, 1, 4) },
                 (double[]) { 1, 12, 4, 40 }, 4);
}

static void
test_join (void)
{
  const UcTime xa[] = { D (2025, 1, 1), D (2025, 1, 2) };
  const UcTime xb[] = { D (2025, 1, 2), D (2025, 1, 3) };
  g_autoptr(GPtrArray) both = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) inner = NULL;
  g_autoptr(GPtrArray) outer = NULL;
  const UcTime all[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3) };

  g_ptr_array_add (both, make ("a", xa, (double[]) { 1, 2 }, 2));
  g_ptr_array_add (both, make ("b", xb, (double[]) { 20, 30 }, 2));
  inner = uc_series_join (both, UC_JOIN_INNER);
  outer = uc_series_join (both, UC_JOIN_OUTER);
  assert_series (g_ptr_array_index (inner, 0), all + 1, (double[]) { 2 }, 1);
  assert_series (g_ptr_array_index (inner, 1), all + 1, (double[]) { 20 }, 1);
  assert_series (g_ptr_array_index (outer, 0), all, (double[]) { 1, 2, NAN }, 3);
  assert_series (g_ptr_array_index (outer, 1), all, (double[]) { NAN, 20, 30 }, 3);
}

static void
test_resample (void)
{
  /* Thu 30 Jan, Fri 31 Jan, Mon 3 Feb, Wed 5 Feb, Tue 1 Apr 2025 */
  const UcTime x[] = { D (2025, 1, 30), D (2025, 1, 31), D (2025, 2, 3), D (2025, 2, 5), D (2025, 4, 1) };
  const double y[] = { 1, 2, 4, NAN, 8 };
  g_autoptr(UcSeries) s = make ("a", x, y, 5);
  g_autoptr(UcSeries) weeks = uc_series_resample (s, UC_PERIOD_WEEK, UC_AGGREGATE_SUM);
  g_autoptr(UcSeries) months = uc_series_resample (s, UC_PERIOD_MONTH, UC_AGGREGATE_LAST);
  g_autoptr(UcSeries) means = uc_series_resample (s, UC_PERIOD_MONTH, UC_AGGREGATE_MEAN);
  g_autoptr(UcSeries) quarters = uc_series_resample (s, UC_PERIOD_QUARTER, UC_AGGREGATE_COUNT);

  assert_series (weeks, (UcTime[]) { D (2025, 1, 27), D (2025, 2, 3), D (2025, 3, 31) }, (double[]) { 3, 4, 8 }, 3);
  assert_series (months, (UcTime[]) { D (2025, 1, 1), D (2025, 2, 1), D (2025, 4, 1) }, (double[]) { 2, 4, 8 }, 3);
  assert_series (means, (UcTime[]) { D (2025, 1, 1), D (2025, 2, 1), D (2025, 4, 1) }, (double[]) { 1.5, 4, 8 }, 3);
  assert_series (quarters, (UcTime[]) { D (2025, 1, 1), D (2025, 4, 1) }, (double[]) { 3, 1 }, 2);
}

static void
test_rolling_mean (void)
{
  const UcTime x[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3), D (2025, 1, 4), D (2025, 1, 5), D (2025, 1, 6) };
  const double y[] = { 1, 2, 3, NAN, 5, 6 };
  g_autoptr(UcSeries) s = make ("a", x, y, 6);
  g_autoptr(UcSeries) r = uc_series_rolling_mean (s, 2);

  assert_series (r, x, (double[]) { NAN, 1.5, 2.5, NAN, NAN, 5.5 }, 6);
}

/* The combined market cap and NVDA's rebased drop, from the embedded data. */
static void
test_real_figures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  UcSeries *nvda = uc_chart_spec_find_series (spec, "NVDA");
  g_autoptr(UcSeries) rebased = uc_series_rebase (nvda, D (2025, 1, 24), &error);
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(UcSeries) total = NULL;
  int i;

  g_assert_no_error (error);
  i = uc_series_find (rebased, D (2025, 1, 27));
  /* 2,894,243,701,800 / 3,487,554,777,000 × 100 */
  g_assert_cmpfloat_with_epsilon (uc_series_get_y (rebased)[i], 82.98776326, 1e-6);

  for (guint k = 0; k < uc_chart_spec_get_n_series (spec); k++)
    g_ptr_array_add (all, uc_chart_spec_get_series (spec, k));
  total = uc_series_sum (all, "US", "US AI stocks", UC_JOIN_INNER);
  i = uc_series_find (total, D (2025, 1, 24));
  g_assert_cmpint (i, >=, 0);
  g_assert_cmpfloat (uc_series_get_y (total)[i], >, 15e12);
}

/* Releases per quarter by country, from the embedded data. */
static void
test_count_by (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) releases = uc_catalog_load ("model-releases", &error);
  g_autoptr(UcChartSpec) spec = uc_chart_spec_count_by (releases, "date", "country", UC_PERIOD_QUARTER, &error);
  g_autoptr(UcChartSpec) stacked = NULL;
  UcSeries *cn, *us;
  UcTime from, to;
  int i;

  g_assert_no_error (error);
  g_assert_cmpint (uc_chart_spec_get_kind (spec), ==, UC_CHART_BARS);
  g_assert_true (uc_chart_spec_get_periods (spec));
  cn = uc_chart_spec_find_series (spec, "CN");
  us = uc_chart_spec_find_series (spec, "US");
  i = uc_series_find (cn, D (2025, 1, 1));
  g_assert_cmpfloat (uc_series_get_y (cn)[i], ==, 8);
  i = uc_series_find (us, D (2025, 1, 1));
  g_assert_cmpfloat (uc_series_get_y (us)[i], ==, 4);
  i = uc_series_find (us, D (2023, 1, 1));
  g_assert_cmpfloat (uc_series_get_y (us)[i], ==, 1);
  uc_chart_spec_get_range (spec, &from, &to);
  g_assert_cmpint (from, ==, D (2023, 1, 1));
  g_assert_cmpint (to, ==, D (2026, 10, 1));

  /* Stacked, a quarter's top is its total: 15 releases in Q1 2025. */
  uc_chart_spec_set_stacked (spec, TRUE);
  stacked = uc_chart_spec_stack (spec);
  {
    UcSeries *top = uc_chart_spec_get_series (stacked, uc_chart_spec_get_n_series (stacked) - 1);
    g_assert_cmpfloat (uc_series_get_y (top)[uc_series_find (top, D (2025, 1, 1))], ==, 15);
  }
}

/* Stacking keeps each value axis to itself: a right-axis series stands on
 * the right-axis series before it, not on the left ones. */
static void
test_stack_by_axis (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcChartSpec) stacked = NULL;
  const char *ids[] = { "a", "b", "volume", "c" };
  const double values[] = { 1, 2, 1000, 4 };

  for (guint k = 0; k < G_N_ELEMENTS (ids); k++)
    {
      g_autoptr(UcSeries) series = uc_series_new (ids[k], ids[k]);

      for (int d = 1; d <= 3; d++)
        uc_series_append (series, uc_time_from_ymd (2025, 1, d), values[k] * d);
      uc_series_set_right_axis (series, k == 2);
      uc_series_set_emphasis (series, k == 0);
      uc_chart_spec_add_series (spec, series);
    }
  uc_chart_spec_set_kind (spec, UC_CHART_AREA);
  stacked = uc_chart_spec_stack (spec);

  g_assert_cmpfloat (uc_series_get_y (uc_chart_spec_find_series (stacked, "a"))[1], ==, 2);
  g_assert_cmpfloat (uc_series_get_y (uc_chart_spec_find_series (stacked, "b"))[1], ==, 6);
  g_assert_cmpfloat (uc_series_get_y (uc_chart_spec_find_series (stacked, "volume"))[1], ==, 2000);
  g_assert_cmpfloat (uc_series_get_y (uc_chart_spec_find_series (stacked, "c"))[1], ==, 14);
  g_assert_true (uc_series_get_right_axis (uc_chart_spec_find_series (stacked, "volume")));
  g_assert_true (uc_series_get_emphasis (uc_chart_spec_find_series (stacked, "a")));
}

/* The cheapest so far: steps down only, at the date a cheaper point appears,
 * and holds to the last date of any series. */
static void
test_running_min (void)
{
  g_autoptr(UcSeries) us = uc_series_new ("US", "US");
  g_autoptr(UcSeries) cn = uc_series_new ("CN", "CN");
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(UcSeries) frontier = NULL;

  uc_series_append (us, uc_time_from_ymd (2024, 1, 1), 60);
  uc_series_append (us, uc_time_from_ymd (2024, 6, 1), 10);
  uc_series_append (us, uc_time_from_ymd (2025, 3, 1), 15);
  uc_series_append (cn, uc_time_from_ymd (2024, 3, 1), 30);
  uc_series_append (cn, uc_time_from_ymd (2025, 1, 20), 2.19);
  uc_series_append (cn, uc_time_from_ymd (2025, 2, 1), NAN);
  g_ptr_array_add (all, us);
  g_ptr_array_add (all, cn);
  frontier = uc_series_running_min (all, "frontier", "Cheapest so far");

  g_assert_cmpuint (uc_series_get_length (frontier), ==, 5);
  g_assert_cmpfloat (uc_series_get_y (frontier)[0], ==, 60);
  g_assert_cmpfloat (uc_series_get_y (frontier)[1], ==, 30);
  g_assert_cmpfloat (uc_series_get_y (frontier)[2], ==, 10);
  g_assert_cmpfloat (uc_series_get_y (frontier)[3], ==, 2.19);
  g_assert_cmpint (uc_series_get_x (frontier)[3], ==, uc_time_from_ymd (2025, 1, 20));
  g_assert_cmpfloat (uc_series_get_y (frontier)[4], ==, 2.19);
  g_assert_cmpint (uc_series_get_x (frontier)[4], ==, uc_time_from_ymd (2025, 3, 1));
}

/* The cheapest price on offer each day: a model's price holds until its
 * next price, so DeepSeek-V3's promotional $0.28 (26 Dec 2024) stops
 * counting when its list price, $1.10, comes in on 8 Feb 2025, and the
 * line goes back up to the cheapest still on offer; a running minimum
 * stayed at the promotion for ever. */
static void
test_cheapest_on_offer (void)
{
  g_autoptr(UcSeries) us = uc_series_new ("US", "US");
  g_autoptr(UcSeries) cn = uc_series_new ("CN", "CN");
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(UcSeries) line = NULL;
  const UcTime days[] = { D (2024, 7, 18), D (2024, 12, 26), D (2025, 2, 8), D (2025, 3, 1) };
  const double lows[] = { 0.60, 0.28, 0.60, 0.40 };

  uc_series_append (us, D (2024, 7, 18), 0.60);
  uc_series_set_point_label (us, 0, "gpt-4o-mini");
  uc_series_append (us, D (2025, 3, 1), 0.40);
  uc_series_set_point_label (us, 1, "gemini-2.0-flash");
  uc_series_append (cn, D (2024, 12, 26), 0.28);
  uc_series_set_point_label (cn, 0, "deepseek-chat (DeepSeek-V3)");
  uc_series_append (cn, D (2025, 2, 8), 1.10);
  uc_series_set_point_label (cn, 1, "deepseek-chat (DeepSeek-V3)");
  g_ptr_array_add (all, us);
  g_ptr_array_add (all, cn);
  line = uc_series_cheapest_on_offer (all, "frontier", "Cheapest on offer");

  g_assert_cmpuint (uc_series_get_length (line), ==, G_N_ELEMENTS (days));
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_assert_cmpint (uc_series_get_x (line)[i], ==, days[i]);
      g_assert_cmpfloat (uc_series_get_y (line)[i], ==, lows[i]);
    }
}

/* Values a transform takes past the range of a double are left out, and
 * the chart says so, naming the transform, the line and its base. Before,
 * rebasing on 1e-320 gave infinities that hung the drawing. */
static void
test_out_of_range (void)
{
  const UcTime x[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3) };
  g_autoptr(UcSeries) tiny = make ("v", x, (double[]) { 1e-320, 1, NAN }, 3);
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcChartSpec) rebased = NULL;
  g_autoptr(UcChartSpec) changed = NULL;
  g_autoptr(UcChartSpec) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) warnings = NULL;

  uc_chart_spec_add_series (spec, tiny);
  rebased = uc_chart_spec_rebase (spec, D (2025, 1, 1), &error);
  g_assert_no_error (error);
  assert_series (uc_chart_spec_get_series (rebased, 0), x, (double[]) { 100, NAN, NAN }, 3);
  g_assert_cmpuint (uc_chart_spec_get_n_warnings (rebased), ==, 1);
  g_assert_cmpstr (uc_chart_spec_get_warning (rebased, 0), ==,
                   "rebase to 100 on 2025-01-01: v is 1e-320 there; 1 value out of range left out");
  changed = uc_chart_spec_change_since (spec, D (2025, 1, 1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_chart_spec_get_warning (changed, 0), ==,
                   "change since 2025-01-01: v is 1e-320 there; 1 value out of range left out");
  /* Copies keep what was left out; a missing value was never in range. */
  copy = uc_chart_spec_copy (rebased);
  warnings = uc_chart_spec_collect_warnings (copy);
  g_assert_cmpuint (g_strv_length (warnings), ==, 1);
  g_assert_cmpuint (uc_chart_spec_get_n_warnings (spec), ==, 0);
}

/* A rebase on a day without a close (a Sunday, or the moment before an
 * event) uses the last close before it and names that close's day. */
static void
test_rebase_names_close (void)
{
  const UcTime x[] = { D (2025, 1, 23), D (2025, 1, 24), D (2025, 1, 27) };
  g_autoptr(UcSeries) nvda = make ("nvda", x, (double[]) { 147.22, 142.62, 118.42 }, 3);
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcChartSpec) rebased = NULL;
  g_autoptr(GError) error = NULL;
  double v;
  UcTime day;

  uc_chart_spec_add_series (spec, nvda);
  uc_chart_spec_set_subtitle (spec, "Share price");
  rebased = uc_chart_spec_rebase (spec, D (2025, 1, 27) - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (uc_series_get_y (uc_chart_spec_get_series (rebased, 0))[2], 83.03, 0.005);
  g_assert_cmpstr (uc_chart_spec_get_subtitle (rebased), ==, "Share price — rebased to 100 on 24 Jan 2025");
  g_assert_true (uc_series_point_on_or_before (nvda, D (2025, 1, 26), &v, &day));
  g_assert_cmpfloat (v, ==, 142.62);
  g_assert_cmpint (day, ==, D (2025, 1, 24));
  g_assert_false (uc_series_point_on_or_before (nvda, D (2025, 1, 22), &v, &day));
}

/* Stacks whose totals pass the largest double leave those dates out of
 * every layer, and say so; sums, means and minimums keep infinities out. */
static void
test_overflowing_sums (void)
{
  const UcTime x[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3) };
  g_autoptr(UcSeries) a = make ("a", x, (double[]) { 1e308, 1, 1.7e308 }, 3);
  g_autoptr(UcSeries) b = make ("b", x, (double[]) { 1e308, 2, -1e308 }, 3);
  g_autoptr(UcSeries) c = make ("c", x, (double[]) { INFINITY, 3, 1 }, 3);
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(UcSeries) sum = NULL;
  g_autoptr(UcSeries) rolling = NULL;
  g_autoptr(UcSeries) low = NULL;

  uc_chart_spec_add_series (spec, a);
  uc_chart_spec_add_series (spec, b);
  for (int kind = UC_CHART_AREA; kind <= UC_CHART_BARS; kind += UC_CHART_BARS - UC_CHART_AREA)
    {
      g_autoptr(UcChartSpec) stacked = NULL;
      g_auto(GStrv) warnings = NULL;

      uc_chart_spec_set_kind (spec, kind);
      uc_chart_spec_set_stacked (spec, TRUE);
      g_assert_true (uc_chart_spec_stacks (spec));
      stacked = uc_chart_spec_stack (spec);
      /* 1e308 + 1e308 overflows; 1.7e308 − 1e308 does not. */
      assert_series (uc_chart_spec_get_series (stacked, 0), x, (double[]) { NAN, 1, 1.7e308 }, 3);
      assert_series (uc_chart_spec_get_series (stacked, 1), x, (double[]) { NAN, 3, 1.7e308 + -1e308 }, 3);
      warnings = uc_chart_spec_collect_warnings (spec);
      g_assert_cmpuint (g_strv_length (warnings), ==, 1);
      g_assert_cmpstr (warnings[0], ==, "stacking: the total on 2025-01-01 is out of range; 1 date left out");
    }

  g_ptr_array_add (all, a);
  g_ptr_array_add (all, b);
  g_ptr_array_add (all, c);
  sum = uc_series_sum (all, "sum", "Sum", UC_JOIN_OUTER);
  assert_series (sum, x, (double[]) { NAN, 6, 1.7e308 + -1e308 + 1 }, 3);
  low = uc_series_running_min (all, "low", "Low");
  g_assert_cmpfloat (uc_series_get_y (low)[uc_series_get_length (low) - 1], ==, -1e308);

  /* Two of 1.7e308 overflow a running sum: the mean of them does not. */
  {
    g_autoptr(UcSeries) big = make ("big", x, (double[]) { 1.7e308, 1.7e308, 1.7e308 }, 3);

    rolling = uc_series_rolling_mean (big, 2);
    assert_series (rolling, x, (double[]) { NAN, 1.7e308, 1.7e308 }, 3);
  }
  /* Nor does a mean of calendar days, and once the window holds less
   * again its mean is back to a plain one. */
  {
    const UcTime days[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3), D (2025, 1, 4), D (2025, 1, 5) };
    g_autoptr(UcSeries) big = make ("big", days, (double[]) { 1.7e308, 1.7e308, 1.7e308, 2, 4 }, 5);
    g_autoptr(UcSeries) mean = uc_series_mean_over_days (big, 2);

    assert_series (mean, days, (double[]) { NAN, 1.7e308, 1.7e308, 8.5e307 + 1, 3 }, 5);
  }
}

/* A week with a weekend and a missing Tuesday, then a new peak:
 * Thu 2 Jan 100, Fri 3 110, Mon 6 99, Tue 7 NaN, Wed 8 121, Thu 9 96.8. */
#define GAP \
  G_GNUC_UNUSED const UcTime gap_x[] = { D (2025, 1, 2), D (2025, 1, 3), D (2025, 1, 6), D (2025, 1, 7), D (2025, 1, 8), D (2025, 1, 9) }; \
  G_GNUC_UNUSED const double gap_y[] = { 100, 110, 99, NAN, 121, 96.8 }

/* Each day's change in percent from the last value before it: Monday's
 * from Friday's, Wednesday's from Monday's across the missing Tuesday. */
static void
test_daily_returns (void)
{
  GAP;
  g_autoptr(UcSeries) s = make ("a", gap_x, gap_y, 6);
  g_autoptr(UcSeries) r = uc_series_daily_returns (s);

  /* 110/100, 99/110, -, 121/99, 96.8/121 */
  assert_series (r, gap_x, (double[]) { NAN, 10, -10, NAN, 22.222222222222, -20 }, 6);
  g_assert_cmpstr (uc_series_get_id (r), ==, "a:returns");
}

/* A 7-day mean over calendar days, of the values present: on Wed 8 Jan
 * the days 2 to 8 Jan, of which Thu, Fri, Mon and Wed have values. */
static void
test_mean_over_days (void)
{
  GAP;
  g_autoptr(UcSeries) s = make ("a", gap_x, gap_y, 6);
  g_autoptr(UcSeries) week = uc_series_mean_over_days (s, 7);
  g_autoptr(UcSeries) two = uc_series_mean_over_days (s, 2);

  /* The first 7 days end on the 8th; the 9th's are 3 to 9 Jan. */
  assert_series (week, gap_x, (double[]) { NAN, NAN, NAN, NAN, (100 + 110 + 99 + 121) / 4.0,
                                           (110 + 99 + 121 + 96.8) / 4.0 }, 6);
  /* Two days: Monday's are Sunday and Monday, Monday's value alone. */
  assert_series (two, gap_x, (double[]) { NAN, 105, 99, NAN, 121, (121 + 96.8) / 2 }, 6);
  g_assert_cmpstr (uc_series_get_id (week), ==, "a:mean-7");
}

/* A 90-day mean of a minute's prices for a year, in one pass: each
 * window holds ~130,000 points, which summed afresh each minute would take
 * hours; the running sum keeps to the plain mean. */
static void
test_mean_over_days_long (void)
{
  const guint n = 525600;
  g_autoptr(UcSeries) s = uc_series_new ("m", "m");
  g_autoptr(UcSeries) mean = NULL;
  gint64 start;
  double sum = 0;
  guint count = 0;

  uc_series_reserve (s, n);
  for (guint i = 0; i < n; i++)
    uc_series_append (s, D (2024, 1, 1) + (UcTime) i * 60 * G_USEC_PER_SEC,
                      i % 97 == 0 ? NAN : 1e6 + (double) ((i * 7919u) % 1000) / 7);
  start = g_get_monotonic_time ();
  mean = uc_series_mean_over_days (s, 90);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  /* The last minute's: the points of the last 90 days, summed plainly. */
  for (guint k = 0; k < n; k++)
    if (uc_series_get_x (s)[k] > uc_series_get_x (s)[n - 1] - 90 * UC_USEC_PER_DAY && isfinite (uc_series_get_y (s)[k]))
      {
        sum += uc_series_get_y (s)[k];
        count++;
      }
  g_assert_cmpfloat_with_epsilon (uc_series_get_y (mean)[n - 1], sum / count, 1e-6);
  /* Missing until the data touch 90 calendar days: from the first
   * minute of the 90th (30 March 2024). */
  g_assert_true (isnan (uc_series_get_y (mean)[89 * 1440 - 1]));
  g_assert_false (isnan (uc_series_get_y (mean)[89 * 1440]));
}

/* Percent below the highest so far: 110 on Friday, 121 a new peak on
 * Wednesday; 0 on a peak, never above. */
static void
test_drawdown (void)
{
  GAP;
  g_autoptr(UcSeries) s = make ("a", gap_x, gap_y, 6);
  g_autoptr(UcSeries) d = uc_series_drawdown (s);
  const UcTime x[] = { D (2025, 1, 1), D (2025, 1, 2), D (2025, 1, 3) };
  g_autoptr(UcSeries) negative = make ("n", x, (double[]) { -5, -2, 4 }, 3);
  g_autoptr(UcSeries) nd = uc_series_drawdown (negative);

  assert_series (d, gap_x, (double[]) { 0, 0, -10, NAN, 0, -20 }, 6);
  for (guint i = 0; i < uc_series_get_length (d); i++)
    g_assert_true (isnan (uc_series_get_y (d)[i]) || uc_series_get_y (d)[i] <= 0);
  /* Below a peak of zero or less there is no percent. */
  assert_series (nd, x, (double[]) { NAN, NAN, 0 }, 3);
}

/* A chart of two lines with the gap, Nvidia's in money. */
static UcChartSpec *
gap_chart (void)
{
  GAP;
  UcChartSpec *spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) a = make ("NVDA", gap_x, gap_y, 6);
  g_autoptr(UcSeries) b = make ("AMD", gap_x, (double[]) { 50, 40, 45, 60, 30, 33 }, 6);

  uc_series_set_label (a, "Nvidia");
  uc_chart_spec_add_series (spec, a);
  uc_chart_spec_add_series (spec, b);
  uc_chart_spec_set_value_format (spec, UC_VALUE_MONEY);
  uc_chart_spec_set_y_title (spec, "Market cap");
  uc_chart_spec_set_range (spec, D (2025, 1, 2), D (2025, 1, 9));
  return spec;
}

/* The options' transform names itself in each legend entry and fits the
 * value axis: returns and drawdowns in percent, a mean in the unit. */
static void
test_options_transform (void)
{
  GAP;
  g_autoptr(UcChartSpec) spec = gap_chart ();
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  g_autoptr(UcChartSpec) mean = NULL, returns = NULL, drawdown = NULL;
  g_autoptr(GError) error = NULL;
  int nick;

  options.transform = UC_TRANSFORM_MEAN_30;
  mean = uc_chart_options_apply (&options, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (mean, 0)), ==, "Nvidia · 30-day mean");
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (mean, 1)), ==, "AMD · 30-day mean");
  g_assert_cmpint (uc_chart_spec_get_value_format (mean), ==, UC_VALUE_MONEY);
  g_assert_cmpstr (uc_chart_spec_get_y_title (mean), ==, "Market cap");
  g_assert_cmpint (uc_chart_spec_get_transform (mean), ==, UC_TRANSFORM_MEAN_30);

  options.transform = UC_TRANSFORM_RETURNS;
  options.log_scale = 1;
  options.where_it_fits = TRUE;
  returns = uc_chart_options_apply (&options, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (returns, 0)), ==, "Nvidia · daily return");
  g_assert_cmpint (uc_chart_spec_get_value_format (returns), ==, UC_VALUE_PERCENT);
  g_assert_cmpstr (uc_chart_spec_get_y_title (returns), ==, "Change from the day before");
  /* A log axis has no room for returns below zero: left linear. */
  g_assert_false (uc_chart_spec_get_log_scale (returns));
  assert_series (uc_chart_spec_get_series (returns, 1), gap_x, (double[]) { NAN, -20, 12.5, 33.333333333333, -50, 10 }, 6);

  options.transform = UC_TRANSFORM_DRAWDOWN;
  options.log_scale = -1;
  drawdown = uc_chart_options_apply (&options, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (drawdown, 0)), ==, "Nvidia · drawdown");
  g_assert_cmpstr (uc_chart_spec_get_y_title (drawdown), ==, "Below the highest so far");

  /* The nicks of the command line and the settings. */
  g_assert_true (uc_enum_from_nick (UC_TYPE_TRANSFORM, "mean-90", &nick));
  g_assert_cmpint (nick, ==, UC_TRANSFORM_MEAN_90);
  g_assert_cmpstr (uc_enum_to_nick (UC_TYPE_TRANSFORM, UC_TRANSFORM_NONE, NULL), ==, "none");
  g_assert_cmpstr (uc_enum_to_nick (UC_TYPE_TRANSFORM, UC_TRANSFORM_RETURNS, NULL), ==, "returns");
  g_assert_cmpstr (uc_enum_to_nick (UC_TYPE_TRANSFORM, UC_TRANSFORM_DRAWDOWN, NULL), ==, "drawdown");
  g_assert_false (uc_enum_from_nick (UC_TYPE_TRANSFORM, "mean-14", &nick));
}

/* Returns and drawdowns of a rebased line are those of the line itself,
 * to the bit; a mean of a rebased line is the rebased mean. */
static void
test_transform_rebased (void)
{
  g_autoptr(UcChartSpec) spec = gap_chart ();
  g_auto(UcChartOptions) plain = UC_CHART_OPTIONS_INIT;
  g_auto(UcChartOptions) rebased = UC_CHART_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;
  UcTransform all[] = { UC_TRANSFORM_RETURNS, UC_TRANSFORM_DRAWDOWN };

  rebased.value_mode = UC_VALUE_MODE_REBASED;
  rebased.base = D (2025, 1, 3);
  for (guint t = 0; t < G_N_ELEMENTS (all); t++)
    for (int mode = UC_VALUE_MODE_REBASED; mode <= UC_VALUE_MODE_PERCENT; mode++)
      {
        g_autoptr(UcChartSpec) a = NULL, b = NULL;

        plain.transform = rebased.transform = all[t];
        rebased.value_mode = mode;
        a = uc_chart_options_apply (&plain, spec, &error);
        b = uc_chart_options_apply (&rebased, spec, &error);
        g_assert_no_error (error);
        for (guint s = 0; s < 2; s++)
          for (guint i = 0; i < 6; i++)
            {
              double va = uc_series_get_y (uc_chart_spec_get_series (a, s))[i];
              double vb = uc_series_get_y (uc_chart_spec_get_series (b, s))[i];

              g_assert_true ((isnan (va) && isnan (vb)) || va == vb);
            }
      }
  {
    g_autoptr(UcChartSpec) mean = NULL;

    rebased.value_mode = UC_VALUE_MODE_REBASED;
    rebased.transform = UC_TRANSFORM_MEAN_7;
    mean = uc_chart_options_apply (&rebased, spec, &error);
    g_assert_no_error (error);
    /* Nvidia's mean on the 8th, 107.5, over Friday's close, 110. */
    g_assert_cmpfloat_with_epsilon (uc_series_get_y (uc_chart_spec_get_series (mean, 0))[4], 107.5 / 110 * 100, 1e-9);
    g_assert_cmpint (uc_chart_spec_get_value_format (mean), ==, UC_VALUE_INDEX);
  }
}

/* Where a chart cannot take a transform (bars of counts, event lanes, a
 * number axis, a chart transformed already) a view's chart stays as it
 * is, and a single chart asked for one says why not. */
static void
test_transform_where_it_fits (void)
{
  g_autoptr(UcChartSpec) bars = gap_chart ();
  g_autoptr(UcChartSpec) lanes = gap_chart ();
  g_autoptr(UcChartSpec) numbers = gap_chart ();
  g_autoptr(UcChartSpec) shares = gap_chart ();
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  UcChartSpec *all[] = { bars, lanes, numbers };

  uc_chart_spec_set_kind (bars, UC_CHART_BARS);
  uc_chart_spec_set_kind (lanes, UC_CHART_LANES);
  uc_chart_spec_set_x_kind (numbers, UC_X_NUMBER);
  uc_chart_spec_set_value_format (shares, UC_VALUE_PERCENT);
  options.transform = UC_TRANSFORM_RETURNS;
  for (guint c = 0; c < G_N_ELEMENTS (all); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcChartSpec) alone = uc_chart_options_apply (&options, all[c], &error);
      g_autoptr(UcChartSpec) in_view = NULL;

      g_assert_null (alone);
      g_assert_cmpstr (error->message, ==, "the chart cannot show a daily return: it takes lines of values on dates");
      options.where_it_fits = TRUE;
      in_view = uc_chart_options_apply (&options, all[c], &error);
      options.where_it_fits = FALSE;
      g_assert_nonnull (in_view);
      g_assert_cmpint (uc_chart_spec_get_transform (in_view), ==, UC_TRANSFORM_NONE);
      g_assert_cmpstr (uc_series_get_label (uc_chart_spec_get_series (in_view, 0)), ==, "Nvidia");
    }
  /* Percentages have no returns, but a mean. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcChartSpec) none = uc_chart_options_apply (&options, shares, &error);
    g_autoptr(UcChartSpec) mean = NULL, twice = NULL;

    g_assert_null (none);
    g_assert_cmpstr (error->message, ==, "the chart's values are percentages, which have no daily return");
    g_clear_error (&error);
    options.transform = UC_TRANSFORM_MEAN_90;
    mean = uc_chart_options_apply (&options, shares, &error);
    g_assert_no_error (error);
    twice = uc_chart_options_apply (&options, mean, &error);
    g_assert_null (twice);
    g_assert_cmpstr (error->message, ==, "the chart shows a 90-day mean already");
  }
  /* A log axis asked of a single chart of returns is refused. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcChartSpec) spec = gap_chart ();
    g_autoptr(UcChartSpec) none = NULL;

    options.transform = UC_TRANSFORM_DRAWDOWN;
    options.log_scale = 1;
    none = uc_chart_options_apply (&options, spec, &error);
    g_assert_null (none);
    g_assert_error (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_TRANSFORM);
  }
}

/* Events added out of order are read back in order, equal times in the
 * order added; a hundred thousand take no time. Before, each one sorted
 * them all again. */
static void
test_many_events (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *title = g_strdup_printf ("%u", i);
      g_autoptr(UcEvent) event = uc_event_new (D (2025, 1, 1) + (UcTime) ((i * 7919) % 1000) * UC_USEC_PER_DAY, title,
                                               UC_EVENT_OTHER);

      uc_chart_spec_add_event (spec, event);
    }
  for (guint i = 1; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *before = uc_chart_spec_get_event (spec, i - 1), *after = uc_chart_spec_get_event (spec, i);

      g_assert_cmpint (uc_event_get_time (before), <=, uc_event_get_time (after));
      if (uc_event_get_time (before) == uc_event_get_time (after))
        g_assert_cmpint (atoi (uc_event_get_title (before)), <, atoi (uc_event_get_title (after)));
    }
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/transform/rebase-and-change", test_rebase_and_change);
  g_test_add_func ("/transform/trading-days", test_trading_days);
  g_test_add_func ("/transform/returns", test_returns);
  g_test_add_func ("/transform/sum", test_sum);
  g_test_add_func ("/transform/join", test_join);
  g_test_add_func ("/transform/resample", test_resample);
  g_test_add_func ("/transform/rolling-mean", test_rolling_mean);
  g_test_add_func ("/transform/real-figures", test_real_figures);
  g_test_add_func ("/transform/count-by", test_count_by);
  g_test_add_func ("/transform/stack-by-axis", test_stack_by_axis);
  g_test_add_func ("/transform/running-min", test_running_min);
  g_test_add_func ("/transform/cheapest-on-offer", test_cheapest_on_offer);
  g_test_add_func ("/transform/out-of-range", test_out_of_range);
  g_test_add_func ("/transform/rebase-names-close", test_rebase_names_close);
  g_test_add_func ("/transform/overflowing-sums", test_overflowing_sums);
  g_test_add_func ("/transform/many-events", test_many_events);
  g_test_add_func ("/transform/daily-returns", test_daily_returns);
  g_test_add_func ("/transform/mean-over-days", test_mean_over_days);
  g_test_add_func ("/transform/mean-over-days-long", test_mean_over_days_long);
  g_test_add_func ("/transform/drawdown", test_drawdown);
  g_test_add_func ("/transform/options-transform", test_options_transform);
  g_test_add_func ("/transform/transform-rebased", test_transform_rebased);
  g_test_add_func ("/transform/transform-where-it-fits", test_transform_where_it_fits);

  return g_test_run ();
}
