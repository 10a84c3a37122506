/* test-axis.c: calendar arithmetic, value formats and axis ticks */
#include "uc-axis.h"
#include "uc-chart.h"
#include "uc-chart-describe.h"
#include "uc-format.h"

#include <math.h>
#include <string.h>

static void
test_civil (void)
{
  int y, m, d;
  UcTime t;

  g_assert_cmpint (uc_days_from_civil (1970, 1, 1), ==, 0);
  g_assert_cmpint (uc_days_from_civil (2025, 1, 27), ==, 20115);
  g_assert_cmpint (uc_days_from_civil (1969, 12, 31), ==, -1);
  uc_civil_from_days (20115, &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 20250127);
  uc_time_to_ymd (-1, &y, &m, &d);
  g_assert_cmpint (y * 10000 + m * 100 + d, ==, 19691231);

  g_assert_true (uc_time_parse_date ("2024-02-29", 10, &t));
  g_assert_cmpint (t, ==, uc_time_from_ymd (2024, 2, 29));
  g_assert_false (uc_time_parse_date ("2025-02-29", 10, &t));
  g_assert_false (uc_time_parse_date ("2025-13-01", 10, &t));
  g_assert_false (uc_time_parse_date ("2025-1-01", 9, &t));
  g_assert_false (uc_time_parse_date ("2025/01/01", 10, &t));

  g_assert_cmpint (uc_time_add_months (uc_time_from_ymd (2025, 1, 31), 1), ==, uc_time_from_ymd (2025, 2, 28));
  g_assert_cmpint (uc_time_add_months (uc_time_from_ymd (2025, 1, 15), -2), ==, uc_time_from_ymd (2024, 11, 15));
}

static void
test_format_money (void)
{
  const struct { double v; const char *s; } cases[] = {
    { 3.4876e12, "$3.5T" }, { 3.4e12, "$3.4T" }, { 850e9, "$850B" }, { 593.3e9, "$593B" },
    { 12.5e9, "$12.5B" }, { 0.27, "$0.27" }, { 15, "$15.00" }, { 150, "$150" }, { 0, "$0" },
    { -2.1e12, "−$2.1T" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *s = uc_format_value (cases[i].v, UC_VALUE_MONEY);
      g_assert_cmpstr (s, ==, cases[i].s);
    }
  {
    g_autofree char *loss = uc_format_money_change (-593.3e9);
    g_autofree char *gain = uc_format_money_change (12.4e9);

    g_assert_cmpstr (loss, ==, "−$593B");
    g_assert_cmpstr (gain, ==, "+$12.4B");
  }
}

static void
test_nice_step (void)
{
  g_assert_cmpfloat (uc_axis_nice_step (3.9e12, 8), ==, 0.5e12);
  g_assert_cmpfloat (uc_axis_nice_step (100, 10), ==, 10);
  g_assert_cmpfloat (uc_axis_nice_step (7, 5), ==, 2);
  g_assert_cmpfloat (uc_axis_nice_step (0.3, 3), ==, 0.1);
}

static void
test_value_ticks (void)
{
  g_autoptr(GArray) ticks = uc_axis_value_ticks (0, 4e12, 8, UC_VALUE_MONEY);
  g_autoptr(GArray) whole = uc_axis_value_ticks (0, 4e12, 4, UC_VALUE_MONEY);
  g_autoptr(GArray) pct = uc_axis_value_ticks (-20, 10, 3, UC_VALUE_PERCENT);
  const char *expected[] = { "$0", "$0.5T", "$1.0T", "$1.5T", "$2.0T", "$2.5T", "$3.0T", "$3.5T", "$4.0T" };
  const char *expected_whole[] = { "$0", "$1T", "$2T", "$3T", "$4T" };
  const char *expected_pct[] = { "−20%", "−10%", "0%", "+10%" };

  g_assert_cmpuint (ticks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < ticks->len; i++)
    g_assert_cmpstr (g_array_index (ticks, UcTick, i).label, ==, expected[i]);
  g_assert_cmpuint (whole->len, ==, G_N_ELEMENTS (expected_whole));
  for (guint i = 0; i < whole->len; i++)
    g_assert_cmpstr (g_array_index (whole, UcTick, i).label, ==, expected_whole[i]);
  g_assert_cmpuint (pct->len, ==, G_N_ELEMENTS (expected_pct));
  for (guint i = 0; i < pct->len; i++)
    g_assert_cmpstr (g_array_index (pct, UcTick, i).label, ==, expected_pct[i]);
}

static void
test_log_ticks (void)
{
  g_autoptr(GArray) wide = uc_axis_log_ticks (0.1, 100, 12, UC_VALUE_MONEY);
  g_autoptr(GArray) narrow = uc_axis_log_ticks (1, 1e12, 6, UC_VALUE_NUMBER);
  const char *wide_labels[] = { "$0.10", "$0.20", "$0.50", "$1", "$2", "$5", "$10", "$20", "$50", "$100" };

  g_assert_cmpuint (wide->len, ==, G_N_ELEMENTS (wide_labels));
  for (guint i = 0; i < wide->len; i++)
    g_assert_cmpstr (g_array_index (wide, UcTick, i).label, ==, wide_labels[i]);
  /* Twelve decades in six ticks: every other power of ten. */
  g_assert_cmpuint (narrow->len, ==, 7);
  g_assert_cmpfloat (g_array_index (narrow, UcTick, 1).value, ==, 100);
  g_assert_cmpstr (g_array_index (narrow, UcTick, 2).label, ==, "10K");
  g_assert_cmpstr (g_array_index (narrow, UcTick, 6).label, ==, "1T");
}

/* Log axis ends: the data fill the plot. Market caps from $0.4T to $3.9T
 * got $100B to $10T (a third of the height used); now the neighbouring
 * ticks of the finest set that fits, and every end is a labelled tick. */
static void
test_log_range (void)
{
  const struct { double lo, hi; int target; double min, max; guint n; const char *first, *last; } cases[] = {
    { 0.4e12, 3.9e12, 12, 0.4e12, 4e12, 9, "$400B", "$4T" },
    { 0.4e12, 3.9e12, 5, 0.2e12, 5e12, 5, "$200B", "$5T" },
    { 2.19, 60, 16, 2, 60, 13, "$2", "$60" },
    { 0.07, 75, 11, 0.05, 100, 11, "$0.05", "$100" },
    /* Too many decades for 1-2-5: whole decades, every other one labelled. */
    { 3e-3, 4e9, 6, 1e-3, 1e10, 7, "$0.001", "$1B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double min = 0, max = 0;
      g_autoptr(GArray) ticks = NULL;

      uc_axis_log_range (cases[i].lo, cases[i].hi, cases[i].target, &min, &max);
      g_assert_cmpfloat_with_epsilon (min / cases[i].min, 1, 1e-9);
      g_assert_cmpfloat_with_epsilon (max / cases[i].max, 1, 1e-9);
      ticks = uc_axis_log_ticks (min, max, cases[i].target, UC_VALUE_MONEY);
      g_assert_cmpuint (ticks->len, ==, cases[i].n);
      g_assert_cmpuint (ticks->len, <=, (guint) cases[i].target + 1);
      g_assert_cmpstr (g_array_index (ticks, UcTick, 0).label, ==, cases[i].first);
      g_assert_cmpstr (g_array_index (ticks, UcTick, ticks->len - 1).label, ==, cases[i].last);
    }
}

/* Values with the digits a card needs, and periods named from the days
 * shown: a subtitle with {period} follows a zoom, exports included. */
static void
test_format_precise_and_period (void)
{
  const struct { double v; UcValueFormat f; const char *s; } values[] = {
    { 2.8942e12, UC_VALUE_MONEY, "$2.894T" }, { 5.931e11, UC_VALUE_MONEY, "$593.1B" },
    { 2.19, UC_VALUE_MONEY, "$2.19" }, { -17.0147, UC_VALUE_PERCENT, "−17.01%" },
    { 82.9853, UC_VALUE_INDEX, "82.99" }, { 42, UC_VALUE_NUMBER, "42" },
  };
  const struct { int y1, m1, d1, y2, m2, d2; const char *s; } periods[] = {
    { 2024, 12, 2, 2025, 3, 31, "December 2024 – March 2025" },
    { 2025, 1, 2, 2025, 3, 31, "January – March 2025" },
    { 2025, 1, 20, 2025, 1, 27, "20 – 27 Jan 2025" },
    { 2025, 1, 20, 2025, 2, 3, "20 Jan – 3 Feb 2025" },
    { 2024, 12, 30, 2025, 1, 3, "30 Dec 2024 – 3 Jan 2025" },
    { 2025, 1, 27, 2025, 1, 27, "27 Jan 2025" },
    { 2019, 1, 1, 2025, 6, 30, "2019 – 2025" },
  };
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autofree char *shown = NULL, *zoomed = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *s = uc_format_value_precise (values[i].v, values[i].f);

      g_assert_cmpstr (s, ==, values[i].s);
    }
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *s = uc_format_period (uc_time_from_ymd (periods[i].y1, periods[i].m1, periods[i].d1),
                                             uc_time_from_ymd (periods[i].y2, periods[i].m2, periods[i].d2));

      g_assert_cmpstr (s, ==, periods[i].s);
    }
  /* One way of writing a day for people: the header, the card, event
   * popovers, footers and subtitles all write it so. */
  {
    g_autofree char *day = uc_format_day (uc_time_from_ymd (2025, 1, 27));
    g_autofree char *one = uc_format_period (uc_time_from_ymd (2025, 1, 27), uc_time_from_ymd (2025, 1, 27));

    g_assert_cmpstr (day, ==, "27 Jan 2025");
    g_assert_cmpstr (one, ==, day);
  }
  uc_chart_spec_set_subtitle (spec, "Market cap, daily close, {period}");
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2024, 12, 2), uc_time_from_ymd (2025, 3, 31));
  shown = uc_format_subtitle (spec);
  g_assert_cmpstr (shown, ==, "Market cap, daily close, December 2024 – March 2025");
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2024, 1, 2), uc_time_from_ymd (2026, 7, 31));
  zoomed = uc_format_subtitle (spec);
  g_assert_cmpstr (zoomed, ==, "Market cap, daily close, January 2024 – July 2026");
}

static void
check_ticks (GArray      *ticks,
             const char **labels,
             guint        n)
{
  g_assert_cmpuint (ticks->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (g_array_index (ticks, UcTick, i).label, ==, labels[i]);
}

/* A number x axis: 1-2-5 steps, only within the range, and with a plus on
 * positive numbers when it counts from an event. */
static void
test_number_ticks (void)
{
  g_autoptr(GArray) days = uc_axis_number_ticks (-10, 20, 600, 100, TRUE);
  g_autoptr(GArray) plain = uc_axis_number_ticks (0.5, 3.2, 150, 50, FALSE);
  g_autoptr(GArray) big = uc_axis_number_ticks (-1500, 4000, 600, 100, TRUE);
  const char *days_labels[] = { "−10", "−5", "0", "+5", "+10", "+15", "+20" };
  const char *plain_labels[] = { "1", "2", "3" };
  const char *big_labels[] = { "−1K", "0", "+1K", "+2K", "+3K", "+4K" };

  check_ticks (days, days_labels, G_N_ELEMENTS (days_labels));
  g_assert_cmpfloat (g_array_index (days, UcTick, 3).value, ==, 5);
  check_ticks (plain, plain_labels, G_N_ELEMENTS (plain_labels));
  check_ticks (big, big_labels, G_N_ELEMENTS (big_labels));
  /* Down to the six decimals a number axis holds. */
  {
    g_autoptr(GArray) fine = uc_axis_number_ticks (0, 0.00002, 250, 50, FALSE);
    const char *fine_labels[] = { "0", "0.000005", "0.000010", "0.000015", "0.000020" };

    check_ticks (fine, fine_labels, G_N_ELEMENTS (fine_labels));
  }
    /* Nothing to label in a range of nothing, NaN or a pixel. */
  {
    g_autoptr(GArray) none = uc_axis_number_ticks (NAN, 3, 300, 50, TRUE);
    g_autoptr(GArray) tiny = uc_axis_number_ticks (1, 1, 1, 50, TRUE);

    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (tiny->len, <=, 1);
  }
}

static void
test_time_ticks (void)
{
  UcTime from = uc_time_from_ymd (2024, 12, 2);
  UcTime to = uc_time_from_ymd (2025, 3, 31);
  UcTimeStepUnit unit;
  int count;

  /* Wide: weeks, starting on Mondays, the year said once and where it changes. */
  {
    g_autoptr(GArray) ticks = uc_axis_time_ticks (from, to, 1500, 70);

    uc_axis_time_step (from, to, 1500, 70, &unit, &count);
    g_assert_cmpint (unit, ==, UC_TIME_STEP_WEEK);
    g_assert_cmpint (count, ==, 1);
    g_assert_cmpstr (g_array_index (ticks, UcTick, 0).label, ==, "2 Dec 2024");
    g_assert_cmpstr (g_array_index (ticks, UcTick, 1).label, ==, "9 Dec");
    g_assert_cmpstr (g_array_index (ticks, UcTick, 5).label, ==, "6 Jan 2025");
    g_assert_cmpint ((gint64) g_array_index (ticks, UcTick, 8).value, ==, uc_time_from_ymd (2025, 1, 27));
    g_assert_cmpuint (ticks->len, ==, 18);
  }
  /* Narrow: months. */
  {
    g_autoptr(GArray) ticks = uc_axis_time_ticks (from, to, 400, 70);
    const char *labels[] = { "Jan 2025", "Feb", "Mar" };

    check_ticks (ticks, labels, G_N_ELEMENTS (labels));
  }
  /* Years over a decade. */
  {
    g_autoptr(GArray) ticks = uc_axis_time_ticks (uc_time_from_ymd (2015, 6, 1), uc_time_from_ymd (2025, 6, 1), 800, 70);
    const char *labels[] = { "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024", "2025" };

    check_ticks (ticks, labels, G_N_ELEMENTS (labels));
  }
  /* Hours within a day. */
  {
    UcTime day = uc_time_from_ymd (2025, 1, 27);
    g_autoptr(GArray) ticks = uc_axis_time_ticks (day + (gint64) 9 * 3600 * G_USEC_PER_SEC, day + (gint64) 16 * 3600 * G_USEC_PER_SEC, 800, 70);

    g_assert_cmpstr (g_array_index (ticks, UcTick, 0).label, ==, "27 Jan 09:00");
    g_assert_cmpstr (g_array_index (ticks, UcTick, 1).label, ==, "10:00");
  }
  /* Three days of daily closes zoomed in: days, not "06:00" that no
   * point has. */
  {
    g_autoptr(GArray) ticks = uc_axis_time_ticks_at_least (uc_time_from_ymd (2025, 1, 27), uc_time_from_ymd (2025, 1, 29),
                                                           1200, 70, UC_USEC_PER_DAY);
    const char *labels[] = { "27 Jan 2025", "28 Jan", "29 Jan" };

    check_ticks (ticks, labels, G_N_ELEMENTS (labels));
  }
}

static void
assert_ticks_sane (GArray *ticks,
                   double  min,
                   double  max)
{
  /* Within the range, give or take a rounding of the step. */
  double slack = max / 2 - min / 2;

  g_assert_cmpuint (ticks->len, <=, 10000);
  for (guint i = 0; i < ticks->len; i++)
    {
      UcTick *tick = &g_array_index (ticks, UcTick, i);

      g_assert_true (isfinite (tick->value));
      g_assert_cmpfloat (tick->value, >=, min - slack);
      g_assert_cmpfloat (tick->value, <=, max + slack);
      g_assert_nonnull (tick->label);
      /* Labels stay short whatever the value: 1e308 has 309 digits. */
      g_assert_cmpuint (strlen (tick->label), <, 24);
    }
}

/* Ranges at the ends of a double's range, ranges whose span overflows,
 * ranges too narrow to step through, and no range at all: ticks end,
 * finite, within the range. Before, -1e308 to 1e308 stepped from NaN
 * forever. */
static void
test_hostile_ranges (void)
{
  const double ranges[][2] = {
    { -1e308, 1e308 }, { -G_MAXDOUBLE, G_MAXDOUBLE }, { 0, G_MAXDOUBLE }, { 1e308, 1.7e308 },
    { 1e300, 1e300 }, { 0, 5e-324 }, { 1e-320, 1e-319 }, { -1e-310, 1e-310 }, { 1, 1 },
    { NAN, 1 }, { 0, INFINITY }, { -INFINITY, INFINITY }, { 1e16, 1e16 + 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    for (int target = 1; target <= 1000; target *= 10)
      for (int format = UC_VALUE_NUMBER; format <= UC_VALUE_PER_MTOK; format++)
        {
          g_autoptr(GArray) ticks = uc_axis_value_ticks (ranges[i][0], ranges[i][1], target, format);
          g_autoptr(GArray) log_ticks = uc_axis_log_ticks (ranges[i][0], ranges[i][1], target, format);

          if (isfinite (ranges[i][0]) && isfinite (ranges[i][1]) && ranges[i][1] > ranges[i][0])
            {
              assert_ticks_sane (ticks, ranges[i][0], ranges[i][1]);
              g_assert_cmpuint (ticks->len, >=, 1);
            }
          else
            g_assert_cmpuint (ticks->len, <=, 10000);
          if (isfinite (ranges[i][1]) && ranges[i][0] > 0)
            assert_ticks_sane (log_ticks, ranges[i][0], ranges[i][1]);
          else
            g_assert_cmpuint (log_ticks->len, <=, 10000);
        }

  /* A span past the largest double still steps in 1-2-5, and both ends
   * of ±1e308 are ticks. */
  {
    g_autoptr(GArray) ticks = uc_axis_value_ticks (-1e308, 1e308, 10, UC_VALUE_NUMBER);

    g_assert_cmpfloat (uc_axis_nice_step (INFINITY, 10), ==, 2e307);
    g_assert_cmpfloat (uc_axis_nice_step (G_MAXDOUBLE, 1), ==, 1e308);
    g_assert_cmpuint (ticks->len, ==, 11);
    g_assert_cmpfloat (g_array_index (ticks, UcTick, 0).value, ==, -1e308);
    g_assert_cmpfloat (g_array_index (ticks, UcTick, 10).value, ==, 1e308);
    g_assert_cmpstr (g_array_index (ticks, UcTick, 10).label, ==, "1e308");
    g_assert_cmpstr (g_array_index (ticks, UcTick, 0).label, ==, "−1e308");
  }

  /* Time: from the first to the last microsecond, and a minute over a
   * century at a width no screen has. */
  {
    g_autoptr(GArray) all = uc_axis_time_ticks (G_MININT64, G_MAXINT64, 1000, 60);
    g_autoptr(GArray) dense = uc_axis_time_ticks (uc_time_from_ymd (1950, 1, 1), uc_time_from_ymd (2050, 1, 1), 1e15, 1);

    g_assert_cmpuint (all->len, <=, 10000);
    g_assert_cmpuint (dense->len, <=, 10000);
  }
}

/* Values no reader can take in digit by digit read in powers of ten. */
static void
test_format_extremes (void)
{
  g_autofree char *huge_money = uc_format_value (1.5e308, UC_VALUE_MONEY);
  g_autofree char *huge_number = uc_format_value (-1e20, UC_VALUE_NUMBER);
  g_autofree char *big_percent = uc_format_value (2.5e15, UC_VALUE_PERCENT);
  g_autofree char *inf_money = uc_format_value (-INFINITY, UC_VALUE_MONEY);
  g_autofree char *nan_index = uc_format_value (NAN, UC_VALUE_INDEX);
  g_autofree char *trillions = uc_format_value (999e15, UC_VALUE_MONEY);

  g_assert_cmpstr (huge_money, ==, "$1.5e308");
  g_assert_cmpstr (huge_number, ==, "−1e20");
  g_assert_cmpstr (big_percent, ==, "2.5e15%");
  g_assert_cmpstr (inf_money, ==, "−$∞");
  g_assert_cmpstr (nan_index, ==, "–");
  /* Below a million of the largest unit, as before. */
  g_assert_cmpstr (trillions, ==, "$999000T");
}

/* The crosshair's tag on a value axis: written as the ticks are, with a
 * digit more than a tick there, and at the value the pointer's y maps to. */
static void
test_value_tag (void)
{
  struct { double v, min, max; gboolean log; UcValueFormat format; const char *want; } cases[] = {
    { 2.634e12, 0, 4e12, FALSE, UC_VALUE_MONEY, "$2.63T" },
    { 98.43, 60, 120, FALSE, UC_VALUE_INDEX, "98.4" },
    { -12.34, -40, 20, FALSE, UC_VALUE_PERCENT, "−12.3%" },
    { 5, -40, 20, FALSE, UC_VALUE_PERCENT, "+5.0%" },
    { 1234, 0, 5000, FALSE, UC_VALUE_NUMBER, "1.23K" },
    { 0.2834, 0.1, 100, TRUE, UC_VALUE_PER_MTOK, "$0.283" },
    { 37.5, 0.1, 100, TRUE, UC_VALUE_MONEY, "$37.5" },
  };
  UcChartLayout l = { .x = 50, .y = 10, .width = 400, .height = 200, .y_min = 0, .y_max = 4e12 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tag = uc_axis_value_tag (cases[i].v, cases[i].min, cases[i].max, cases[i].log, cases[i].format);

      g_assert_cmpstr (tag, ==, cases[i].want);
    }
  /* The pointer's y read back as the value drawn there, linear and log. */
  g_assert_cmpfloat_with_epsilon (uc_chart_layout_value_for_y (&l, uc_chart_layout_y_for_value (&l, 2.5e12)), 2.5e12, 1);
  g_assert_cmpfloat (uc_chart_layout_value_for_y (&l, 10), ==, 4e12);
  l.log_scale = TRUE;
  l.y_min = 0.1;
  l.y_max = 100;
  g_assert_cmpfloat_with_epsilon (uc_chart_layout_value_for_y (&l, uc_chart_layout_y_for_value (&l, 3)), 3, 1e-9);
}

/* A chart in words: the days shown, each line's first and last value and
 * largest fall in a day, the events; a narrower range says less. */
static void
test_describe (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) nvda = uc_series_new ("NVDA", "Nvidia");
  g_autoptr(UcSeries) msft = uc_series_new ("MSFT", "Microsoft");
  g_autoptr(UcEvent) r1 = uc_event_new (uc_time_from_ymd (2025, 1, 20), "DeepSeek-R1 released", UC_EVENT_MODEL_RELEASE);
  g_autofree char *all = NULL, *after = NULL;
  const double caps[] = { 3.4e12, 3.5e12, 2.9e12, 2.7e12 };
  const int days[] = { 2, 24, 27, 31 };

  for (guint i = 0; i < G_N_ELEMENTS (caps); i++)
    {
      uc_series_append (nvda, uc_time_from_ymd (2025, 1, days[i]), caps[i]);
      uc_series_append (msft, uc_time_from_ymd (2025, 1, days[i]), 3.1e12);
    }
  uc_chart_spec_set_title (spec, "The DeepSeek shock");
  uc_chart_spec_set_value_format (spec, UC_VALUE_MONEY);
  uc_chart_spec_add_series (spec, nvda);
  uc_chart_spec_add_series (spec, msft);
  uc_chart_spec_add_event (spec, r1);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 2), uc_time_from_ymd (2025, 1, 31));
  all = uc_chart_describe (spec);
  g_assert_cmpstr (all, ==, "The DeepSeek shock, 2 – 31 Jan 2025. Nvidia: from $3.4T to $2.7T; largest daily fall "
                            "−17.1% on 27 Jan 2025. Microsoft: from $3.1T to $3.1T. "
                            "1 event marked: DeepSeek-R1 released on 20 Jan 2025.");
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 27), uc_time_from_ymd (2025, 1, 31));
  after = uc_chart_describe (spec);
  g_assert_cmpstr (after, ==, "The DeepSeek shock, 27 – 31 Jan 2025. Nvidia: from $2.9T to $2.7T; largest daily fall "
                              "−6.9% on 31 Jan 2025. Microsoft: from $3.1T to $3.1T.");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time/civil", test_civil);
  g_test_add_func ("/format/money", test_format_money);
  g_test_add_func ("/axis/nice-step", test_nice_step);
  g_test_add_func ("/axis/value-ticks", test_value_ticks);
  g_test_add_func ("/axis/time-ticks", test_time_ticks);
  g_test_add_func ("/axis/log-ticks", test_log_ticks);
  g_test_add_func ("/axis/log-range", test_log_range);
  g_test_add_func ("/axis/number-ticks", test_number_ticks);
  g_test_add_func ("/axis/hostile-ranges", test_hostile_ranges);
  g_test_add_func ("/axis/value-tag", test_value_tag);
  g_test_add_func ("/format/extremes", test_format_extremes);
  g_test_add_func ("/format/precise-and-period", test_format_precise_and_period);
  g_test_add_func ("/format/describe", test_describe);

  return g_test_run ();
}
