/* test-view.c: views read from their JSON files, and bad files refused
 * with a message that names the file and the member. */
#include <string.h>

#include <glib/gstdio.h>

#include <json-glib/json-glib.h>

#include "uc-catalog.h"
#include "uc-regions.h"
#include "uc-series-choice.h"
#include "uc-stack-split.h"
#include "uc-range-preset.h"
#include "uc-time-range.h"
#include "uc-transform.h"
#include "uc-view.h"
#include "uc-view-catalog.h"
#include "uc-view-list.h"

static void
test_builtin_views (void)
{
  g_auto(GStrv) ids = uc_view_list_ids ();
  g_autoptr(UcViewCatalog) views = uc_view_catalog_new_builtin ();
  g_autoptr(UcView) pricing = g_list_model_get_item (G_LIST_MODEL (views), 3);

  g_assert_cmpuint (g_strv_length (ids), ==, 5);
  g_assert_cmpstr (ids[0], ==, "deepseek-shock");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 5);
  g_assert_cmpstr (uc_view_get_id (pricing), ==, "pricing");
  g_assert_cmpstr (uc_view_get_title (pricing), ==, "Pricing pressure");

  for (guint i = 0; ids[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcView) view = uc_view_load (ids[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (uc_view_get_id (view), ==, ids[i]);
      g_assert_cmpuint (uc_view_get_n_charts (view), >=, 1);
      for (guint c = 0; c < uc_view_get_n_charts (view); c++)
        {
          UcChartSpec *chart = uc_view_get_chart (view, c);
          UcTime from, to;

          g_assert_nonnull (uc_chart_spec_get_title (chart));
          g_assert_nonnull (uc_chart_spec_get_source (chart));
          uc_chart_spec_get_range (chart, &from, &to);
          g_assert_cmpint (to, >, from);
          g_assert_true (uc_chart_spec_get_n_series (chart) > 0 || uc_chart_spec_get_n_events (chart) > 0);
        }
    }
}

/* What the files say ends up in the charts. */
static void
test_view_contents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) shock = uc_view_load ("deepseek-shock", &error);
  g_autoptr(UcView) releases = uc_view_load ("model-releases", &error);
  g_autoptr(UcView) hardware = uc_view_load ("hardware-evs", &error);
  UcChartSpec *chart;
  gboolean labelled = FALSE;

  g_assert_no_error (error);
  chart = uc_view_get_chart (shock, 0);
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 9);
  g_assert_true (uc_series_get_emphasis (uc_chart_spec_find_series (chart, "NVDA")));
  /* Broadcom's cap rests on a proxy share count, and the chart says so. */
  g_assert_nonnull (uc_chart_spec_find_series (chart, "AVGO"));
  g_assert_nonnull (strstr (uc_chart_spec_get_note (chart), "Broadcom"));
  for (guint i = 0; i < uc_chart_spec_get_n_events (chart); i++)
    labelled = labelled || g_strcmp0 (uc_event_get_label (uc_chart_spec_get_event (chart, i)), "NVDA −17.0% · −$593B") == 0;
  g_assert_true (labelled);

  /* The eight but Broadcom added up, on the days all eight have, in the
   * text colour; a short chart under the companies. */
  {
    UcChartSpec *combined = uc_view_get_chart (shock, 1);
    UcSeries *sum;
    UcTime crash = uc_time_from_ymd (2025, 1, 27);
    double expected = 0;
    int at;

    g_assert_cmpuint (uc_view_get_n_charts (shock), ==, 2);
    g_assert_false (uc_view_get_chart_compact (shock, 0));
    g_assert_true (uc_view_get_chart_compact (shock, 1));
    g_assert_cmpuint (uc_chart_spec_get_n_series (combined), ==, 1);
    sum = uc_chart_spec_get_series (combined, 0);
    g_assert_cmpstr (uc_series_get_id (sum), ==, "US AI stocks");
    g_assert_cmpint (uc_series_get_color (sum), ==, UC_SERIES_COLOR_FOREGROUND);
    for (guint i = 0; i < uc_chart_spec_get_n_series (chart); i++)
      {
        UcSeries *one = uc_chart_spec_get_series (chart, i);
        int k = uc_series_find (one, crash);

        g_assert_cmpint (k, >=, 0);
        if (g_strcmp0 (uc_series_get_id (one), "AVGO") != 0)
          expected += uc_series_get_y (one)[k];
      }
    at = uc_series_find (sum, crash);
    g_assert_cmpint (at, >=, 0);
    g_assert_cmpfloat_with_epsilon (uc_series_get_y (sum)[at], expected, expected * 1e-12);
    /* Rebased, it is still drawn as a total. */
    {
      g_autoptr(UcChartSpec) rebased = uc_chart_spec_rebase (combined, uc_time_from_ymd (2025, 1, 2), &error);

      g_assert_no_error (error);
      g_assert_cmpint (uc_series_get_color (uc_chart_spec_get_series (rebased, 0)), ==, UC_SERIES_COLOR_FOREGROUND);
      g_assert_true (uc_series_get_emphasis (uc_chart_spec_get_series (rebased, 0)));
    }
  }

  g_assert_cmpuint (uc_view_get_n_charts (releases), ==, 2);
  g_assert_cmpint (uc_chart_spec_get_kind (uc_view_get_chart (releases, 0)), ==, UC_CHART_LANES);
  g_assert_cmpint (uc_chart_spec_get_kind (uc_view_get_chart (releases, 1)), ==, UC_CHART_BARS);
  g_assert_true (uc_chart_spec_get_stacked (uc_view_get_chart (releases, 1)));
  /* Counted by region, as the lanes are: "GB;Multinational;US" is US. */
  g_assert_cmpuint (uc_chart_spec_get_n_series (uc_view_get_chart (releases, 1)), ==, 3);
  g_assert_nonnull (uc_chart_spec_find_series (uc_view_get_chart (releases, 1), "US"));
  g_assert_nonnull (uc_chart_spec_find_series (uc_view_get_chart (releases, 1), "China"));
  g_assert_nonnull (uc_chart_spec_find_series (uc_view_get_chart (releases, 1), "Europe"));

  chart = uc_view_get_chart (hardware, 0);
  g_assert_cmpint (uc_chart_spec_get_value_format (chart), ==, UC_VALUE_INDEX);
  g_assert_true (uc_series_get_emphasis (uc_chart_spec_get_series (chart, 0)));
}

static void
test_bad_views (void)
{
  const struct
  {
    const char *json;
    const char *message;
  } cases[] = {
    { "not json", "bad.json: not JSON" },
    { "[]", "bad.json: : expected an object" },
    { "{\"title\": \"T\", \"charts\": [{}]}", "needs an “id” and a “title”" },
    { "{\"id\": \"x\", \"title\": \"T\"}", "bad.json: charts: expected a list of one or more charts" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [1]}", "bad.json: charts[0]: expected an object" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"kind\": \"pie\", \"dataset\": \"api-prices\"}]}",
      "bad.json: charts[0].kind: expected line" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"nope\", \"y\": [\"a\"]}]}",
      "bad.json: charts[0].dataset: no embedded dataset “nope”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"no_such_column\"]}]}",
      "no_such_column" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": \"output_usd_per_mtok\"}]}",
      "bad.json: charts[0].y: expected a list of strings" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"range\": [\"2025-03-01\", \"2025-01-01\"]}]}",
      "bad.json: charts[0].range: expected two dates in order" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"emphasis\": [\"gpt-9\"]}]}",
      "bad.json: charts[0].emphasis: the chart has no series “gpt-9”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"log\": \"yes\"}]}",
      "bad.json: charts[0].log: expected true or false" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"rebase\": \"27/01/2025\"}]}",
      "bad.json: charts[0].rebase: expected a date like 2025-01-27" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"kind\": \"lanes\"}]}",
      "bad.json: charts[0].range: a lane chart needs a range" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"market-caps\", \"series\": {\"key\": \"ticker\", \"value\": \"close\", \"missing\": \"gone\"}, \"range\": [\"2025-01-01\", \"2025-02-01\"]}]}",
      NULL },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"events\": {\"change\": {\"series\": \"zz\"}}}]}",
      "bad.json: charts[0].events.change.series: the chart has no series “zz”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"chrts\": []}", "bad.json: : unknown member “chrts”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"stakced\": true}]}",
      "bad.json: charts[0]: unknown member “stakced”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"market-caps\", \"series\": {\"key\": \"ticker\", \"value\": \"close\", \"onyl\": []}, \"range\": [\"2025-01-01\", \"2025-02-01\"]}]}",
      "bad.json: charts[0].series: unknown member “onyl”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"events\": {\"change\": {\"serie\": \"zz\"}}}]}",
      "bad.json: charts[0].events.change: unknown member “serie”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"combine\": \"All\"}]}",
      "bad.json: charts[0].combine: needs two or more series to add up" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"compact\": 1}]}",
      "bad.json: charts[0].compact: expected true or false" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"blend\": {\"name\": \"b\", \"columns\": [\"input_usd_per_mtok\", \"model\"], \"weights\": [1, 1]}}]}",
      "bad.json: charts[0].blend.columns: no number column “model” in “api-prices.csv”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"blend\": {\"name\": \"b\", \"columns\": [\"input_usd_per_mtok\", \"output_usd_per_mtok\"], \"weights\": [3]}}]}",
      "bad.json: charts[0].blend.weights: expected one number per column" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"]}], \"variants\": {\"label\": \"P\", \"options\": [{\"id\": \"a\", \"label\": \"A\", \"set\": {}}]}}",
      "bad.json: variants: needs a “label” and two or more “options”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"]}], \"variants\": {\"label\": \"P\", \"options\": [{\"id\": \"a\", \"label\": \"A\", \"set\": {}}, {\"id\": \"b\", \"label\": \"B\", \"set\": {\"y\": [\"nope\"]}}]}}",
      "bad.json: variants.options[1] on charts[0]" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"group\": \"country\", \"labels\": {\"DE\": \"Germany\"}}]}",
      "bad.json: charts[0].labels: the chart has no series “DE”" },
    /* The release lanes' rules are the view's. */
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: charts[0].lanes: release lanes need the view's “releases”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"model-releases\", \"count_by\": \"quarter\", \"group\": \"country\", \"group_by_region\": true}]}",
      "bad.json: charts[0].group_by_region: needs the regions of the view's “releases”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\"}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases: needs a “dataset” and its “country” and “open_weights” columns" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"nope\", \"country\": \"country\", \"open_weights\": \"open_weights\"}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases.dataset: no embedded dataset “nope”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open_weights\"}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases.regions: expected a list of regions" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open_weights\", \"regions\": [{\"name\": \"US\", \"countries\": [\"US\"]}]}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases.regions: needs a region without “countries” for the rest" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open_weights\", \"regions\": [{\"name\": \"Other\"}, {\"name\": \"Rest\"}]}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases.regions[1]: only one region takes the rest" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open_weights\", \"regions\": [{\"name\": \"US\", \"countries\": []}, {\"name\": \"Other\"}]}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases.regions[0].countries: expected one or more country codes" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open_weights\", \"regions\": [{\"nmae\": \"US\"}]}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "bad.json: releases.regions[0]: unknown member “nmae”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open\", \"regions\": [{\"name\": \"Other\"}]}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"2025-12-31\"]}]}",
      "expected a text column called “open”" },
    /* The x axis: a number axis is said, and takes no dates. */
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"calendar\"}}]}", "bad.json: charts[0].x.kind: expected time or number" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"number\", \"colum\": \"day\"}}]}", "bad.json: charts[0].x: unknown member “colum”" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": 3}]}", "bad.json: charts[0].x: expected a string" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": \"input_usd_per_mtok\"}]}", "bad.json: charts[0].x: “input_usd_per_mtok” is a number column: say so" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"number\", \"column\": \"date\"}}]}", "bad.json: charts[0].x.column: “date” is not a number column" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"time\", \"column\": \"input_usd_per_mtok\"}}]}", "bad.json: charts[0].x.column: “input_usd_per_mtok” is not a date column" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"number\", \"column\": \"input_usd_per_mtok\"}, \"events\": {}}]}", "bad.json: charts[0].events: is for a time axis" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"number\", \"column\": \"input_usd_per_mtok\"}, \"rebase\": \"2025-01-24\"}]}", "bad.json: charts[0].rebase: takes dates" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"number\", \"column\": \"input_usd_per_mtok\"}, \"range\": [\"2025-01-01\", \"2025-02-01\"]}]}", "bad.json: charts[0].range: takes dates" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"number\", \"column\": \"input_usd_per_mtok\", \"range\": [3, 1]}}]}", "bad.json: charts[0].x.range: expected two numbers in order" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": {\"kind\": \"time\", \"range\": [1, 3]}}]}", "bad.json: charts[0].x.range: is for a number axis" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"count_by\": \"month\", \"x\": {\"kind\": \"number\", \"column\": \"input_usd_per_mtok\"}}]}", "bad.json: charts[0].count_by: is for a time axis" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"market-caps\", \"series\": {\"key\": \"ticker\", \"value\": \"close\"}, \"range\": [\"2025-01-01\", \"2025-03-01\"], \"x\": {\"kind\": \"number\", \"trading_days_from\": \"2025-01-27\"}}]}", "bad.json: charts[0].x.range: is required with trading_days_from" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"market-caps\", \"series\": {\"key\": \"ticker\", \"value\": \"close\"}, \"range\": [\"2025-01-01\", \"2025-03-01\"], \"x\": {\"kind\": \"number\", \"trading_days_from\": \"2025-01-27\", \"range\": [-2.5, 3]}}]}", "bad.json: charts[0].x.range: expected two whole numbers of days" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"market-caps\", \"series\": {\"key\": \"ticker\", \"value\": \"close\"}, \"range\": [\"2025-01-01\", \"2025-03-01\"], \"x\": {\"kind\": \"time\", \"trading_days_from\": \"2025-01-27\"}}]}", "bad.json: charts[0].x.trading_days_from: counts days on a number axis" },
    { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"market-caps\", \"series\": {\"key\": \"ticker\", \"value\": \"close\"}, \"range\": [\"2025-01-01\", \"2025-03-01\"], \"x\": {\"kind\": \"number\", \"trading_days_from\": \"27 Jan\", \"range\": [-2, 3]}}]}", "bad.json: charts[0].x.trading_days_from: expected a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(UcView) view = uc_view_new_from_bytes (bytes, "bad.json", &error);

      if (cases[i].message == NULL)
        {
          /* Well-formed: a "missing" text without %s only matters when a key is missing. */
          g_assert_no_error (error);
          continue;
        }
      g_test_message ("case %u: %s", i, error ? error->message : "(no error)");
      g_assert_null (view);
      g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  /* json-glib recurses: nesting is measured before it parses, so neither
   * 200,000 "[" nor a raw control character hiding one reach it. */
  {
    static const char * const deep_cases[][2] = {
      { "[", "bad.json: line 1, column 65: nested more than 64 levels deep" },
      { "{\"a\":", "bad.json: line 1, column 321: nested more than 64 levels deep" },
    };

    for (guint c = 0; c < G_N_ELEMENTS (deep_cases); c++)
      {
        g_autoptr(GString) json = g_string_new (NULL);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(UcView) view = NULL;

        for (guint i = 0; i < 200000; i++)
          g_string_append (json, deep_cases[c][0]);
        bytes = g_bytes_new (json->str, json->len);
        view = uc_view_new_from_bytes (bytes, "bad.json", &error);
        g_assert_null (view);
        g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
        g_assert_cmpstr (error->message, ==, deep_cases[c][1]);
      }
  }
  {
    static const char text[] = "{\"id\": \"x\n[[[\", \"title\": \"T\"}";
    g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(UcView) view = uc_view_new_from_bytes (bytes, "bad.json", &error);

    g_assert_null (view);
    g_assert_cmpstr (error->message, ==, "bad.json: line 1, column 10: control character inside a string");
  }
  /* json-glib reads comments and single quotes, which JSON has not: a '"'
   * in them would hide the nesting that follows from the count. */
  {
    static const char * const hiding[][2] = {
      { "['\"',", "bad.json: not JSON: line 1, column 2: unexpected “'”" },
      { "/*\"*/", "bad.json: not JSON: line 1, column 1: unexpected “/”" },
      { "# \"\n", "bad.json: not JSON: line 1, column 1: unexpected “#”" },
      { "[\"", "bad.json: not JSON: line 1, column 3: a string is not closed" },
    };

    for (guint c = 0; c < G_N_ELEMENTS (hiding); c++)
      {
        g_autoptr(GString) json = g_string_new (hiding[c][0]);
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autoptr(UcView) view = NULL;

        if (c < 3)
          for (guint i = 0; i < 300000; i++)
            g_string_append_c (json, '[');
        bytes = g_bytes_new (json->str, json->len);
        view = uc_view_new_from_bytes (bytes, "bad.json", &error);
        g_assert_null (view);
        g_assert_cmpstr (error->message, ==, hiding[c][1]);
      }
  }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcView) view = uc_view_load ("../etc/passwd", &error);

    g_assert_null (view);
    g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN);
    g_assert_nonnull (strstr (error->message, "known: deepseek-shock, hardware-evs"));
  }
}

/* A view of a time chart and two on number axes: trading days counted
 * from a date (after a rebase on the dates), and a number column. */
static const char number_view[] =
  "{ \"id\": \"study\", \"title\": \"Study\", \"charts\": ["
  "  { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"market_cap\","
  "      \"only\": [\"NVDA\", \"MSFT\"] }, \"range\": [\"2024-12-02\", \"2025-03-31\"] },"
  "  { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"market_cap\","
  "      \"only\": [\"NVDA\", \"MSFT\"] }, \"range\": [\"2024-12-02\", \"2025-03-31\"],"
  "    \"rebase\": \"2025-01-24\", \"emphasis\": [\"NVDA\"],"
  "    \"x\": { \"kind\": \"number\", \"trading_days_from\": \"2025-01-27\", \"range\": [-10, 20],"
  "             \"title\": \"Trading days from 27 January 2025\" } },"
  "  { \"kind\": \"scatter\", \"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"],"
  "    \"x\": { \"kind\": \"number\", \"column\": \"input_usd_per_mtok\", \"unit\": \"input\","
  "             \"range\": [0, 20] } }"
  "] }";

static void
test_number_axis (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (number_view, strlen (number_view));
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_new_from_bytes (bytes, "study.json", &error);
  UcChartSpec *time, *days, *prices;
  UcSeries *nvda;
  UcTime from, to;
  int zero;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_charts (view), ==, 3);
  time = uc_view_get_chart (view, 0);
  days = uc_view_get_chart (view, 1);
  prices = uc_view_get_chart (view, 2);
  g_assert_cmpint (uc_chart_spec_get_x_kind (time), ==, UC_X_TIME);
  g_assert_cmpint (uc_chart_spec_get_x_kind (days), ==, UC_X_NUMBER);
  g_assert_cmpint (uc_chart_spec_get_x_kind (prices), ==, UC_X_NUMBER);

  uc_chart_spec_get_range (days, &from, &to);
  g_assert_cmpint (from, ==, -10 * UC_X_NUMBER_SCALE);
  g_assert_cmpint (to, ==, 20 * UC_X_NUMBER_SCALE);
  g_assert_cmpstr (uc_chart_spec_get_x_title (days), ==, "Trading days from 27 January 2025");
  g_assert_cmpstr (uc_chart_spec_get_x_unit (days), ==, "day");
  g_assert_true (uc_chart_spec_get_x_signed (days));
  g_assert_cmpint (uc_chart_spec_get_value_format (days), ==, UC_VALUE_INDEX);
  /* Rebased on the dates, then counted: 100 on day −1, Nvidia's crash on day 0. */
  nvda = uc_chart_spec_get_series (days, 0);
  g_assert_true (uc_series_get_emphasis (nvda));
  g_assert_cmpuint (uc_series_get_length (nvda), ==, 31);
  zero = uc_series_find (nvda, 0);
  g_assert_cmpint (zero, ==, 10);
  g_assert_cmpfloat_with_epsilon (uc_series_get_y (nvda)[zero - 1], 100, 1e-9);
  g_assert_cmpfloat (uc_series_get_y (nvda)[zero], <, 84);
  g_assert_cmpfloat (uc_series_get_y (nvda)[zero], >, 82);

  uc_chart_spec_get_range (prices, &from, &to);
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 20 * UC_X_NUMBER_SCALE);
  g_assert_cmpstr (uc_chart_spec_get_x_unit (prices), ==, "input");
  g_assert_cmpstr (uc_chart_spec_get_x_title (prices), ==, "input_usd_per_mtok");
  g_assert_false (uc_chart_spec_get_x_signed (prices));
  /* Points sorted by the number, each x the price scaled. */
  {
    UcSeries *series = uc_chart_spec_get_series (prices, 0);
    const UcTime *x = uc_series_get_x (series);

    g_assert_cmpuint (uc_series_get_length (series), >, 10);
    for (guint i = 1; i < uc_series_get_length (series); i++)
      g_assert_cmpint (x[i - 1], <=, x[i]);
  }
}

/* No built-in chart puts values of two currencies on one axis: Hong Kong
 * closes and caps are in HKD, and no exchange rate is embedded to convert
 * them. Series rebased to 100 (an index) or shown as change compare each
 * in its own currency; any other chart of market-caps keeps to one. */
static void
test_one_currency (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) caps = uc_catalog_load ("market-caps", &error);
  g_autoptr(GHashTable) currency = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) ids = uc_view_list_ids ();
  int tc, cc;
  guint checked = 0;

  g_assert_no_error (error);
  tc = uc_dataset_find_column (caps, "ticker");
  cc = uc_dataset_find_column (caps, "currency");
  for (guint i = 0; i < uc_dataset_get_n_rows (caps); i++)
    g_hash_table_insert (currency, (gpointer) uc_dataset_get_text (caps, tc, i),
                         (gpointer) uc_dataset_get_text (caps, cc, i));
  g_assert_cmpstr (g_hash_table_lookup (currency, "1211.HK"), ==, "HKD");
  g_assert_cmpstr (g_hash_table_lookup (currency, "NVDA"), ==, "USD");

  for (guint v = 0; ids[v]; v++)
    {
      g_autoptr(UcView) view = uc_view_load (ids[v], &error);

      g_assert_no_error (error);
      for (guint c = 0; c < uc_view_get_n_charts (view); c++)
        {
          UcChartSpec *chart = uc_view_get_chart (view, c);
          const char *seen = NULL;

          if (uc_chart_spec_get_value_format (chart) == UC_VALUE_INDEX ||
              uc_chart_spec_get_value_format (chart) == UC_VALUE_PERCENT)
            continue;
          for (guint i = 0; i < uc_chart_spec_get_n_series (chart); i++)
            {
              const char *cur = g_hash_table_lookup (currency, uc_series_get_id (uc_chart_spec_get_series (chart, i)));

              if (cur == NULL)
                continue;
              g_test_message ("%s chart %u: %s in %s", ids[v], c, uc_series_get_id (uc_chart_spec_get_series (chart, i)), cur);
              g_assert_true (seen == NULL || g_str_equal (seen, cur));
              seen = cur;
              checked++;
            }
        }
    }
  /* The DeepSeek shock's nine, all in US dollars, were looked at. */
  g_assert_cmpuint (checked, >=, 9);
}

/* The last day of the quarter that holds dataset @id's newest @column. */
static UcTime
quarter_end_of_newest (const char *id,
                       const char *column)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load (id, &error);
  const UcTime *t;
  UcTime newest = G_MININT64;

  g_assert_no_error (error);
  t = uc_dataset_get_times (ds, uc_dataset_find_column (ds, column));
  for (guint i = 0; i < uc_dataset_get_n_rows (ds); i++)
    newest = MAX (newest, t[i]);
  return uc_time_add_months (uc_period_start (newest, UC_PERIOD_QUARTER), 3) - UC_USEC_PER_DAY;
}

/* "latest" ends a range on the last day of the quarter of the newest
 * date in the chart's table: its x column, the events' dates for event
 * lanes, the releases' for release lanes; a lane chart and a count of the
 * same table end together. Anything else there is refused. */
static void
test_range_latest (void)
{
  static const char json[] =
    "{ \"id\": \"newest\", \"title\": \"Newest\","
    "  \"releases\": { \"dataset\": \"model-releases\", \"country\": \"country\", \"open_weights\": \"open_weights\","
    "                 \"regions\": [{ \"name\": \"All\" }] },"
    "  \"charts\": ["
    "    { \"kind\": \"lanes\", \"range\": [\"2024-01-01\", \"latest\"] },"
    "    { \"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2024-01-01\", \"latest\"] },"
    "    { \"dataset\": \"model-releases\", \"count_by\": \"quarter\", \"range\": [\"2023-01-01\", \"latest\"] },"
    "    { \"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"range\": [\"2025-01-01\", \"latest\"] },"
    "    { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"close\", \"only\": [\"NVDA\"] },"
    "      \"range\": [\"2025-01-01\", \"latest\"] }"
    "] }";
  const struct { const char *dataset; int year; } expected[] = {
    { "events", 2024 }, { "model-releases", 2024 }, { "model-releases", 2023 }, { "api-prices", 2025 },
    { "market-caps", 2025 },
  };
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_new_from_bytes (bytes, "newest.json", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_charts (view), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      UcTime from, to, end = quarter_end_of_newest (expected[i].dataset, "date");
      int y, m, d;

      uc_chart_spec_get_range (uc_view_get_chart (view, i), &from, &to);
      g_assert_cmpint (from, ==, uc_time_from_ymd (expected[i].year, 1, 1));
      g_assert_cmpint (to, ==, end);
      /* A quarter's last day. */
      uc_time_to_ymd (to + UC_USEC_PER_DAY, &y, &m, &d);
      g_assert_cmpint (d, ==, 1);
      g_assert_cmpint ((m - 1) % 3, ==, 0);
    }

  /* The built-in views that follow the data: the events, the releases. */
  {
    const struct { const char *view; const char *dataset; } following[] = {
      { "events", "events" }, { "model-releases", "model-releases" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (following); i++)
      {
        g_autoptr(UcView) builtin = uc_view_load (following[i].view, &error);

        g_assert_no_error (error);
        for (guint c = 0; c < uc_view_get_n_charts (builtin); c++)
          {
            UcTime from, to;

            uc_chart_spec_get_range (uc_view_get_chart (builtin, c), &from, &to);
            g_assert_cmpint (to, ==, quarter_end_of_newest (following[i].dataset, "date"));
          }
      }
  }

  {
    const struct { const char *json; const char *message; } bad[] = {
      { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"range\": [\"latest\", \"2025-01-01\"]}]}",
        "bad.json: charts[0].range: expected two dates in order, like [\"2024-12-02\", \"2025-03-31\"], or a date and \"latest\"" },
      { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"range\": [\"2025-01-01\", \"newest\"]}]}",
        "bad.json: charts[0].range: expected two dates in order" },
      { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"range\": [\"2999-01-01\", \"latest\"]}]}",
        "bad.json: charts[0].range: “latest” is 20" },
      { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"dataset\": \"api-prices\", \"y\": [\"output_usd_per_mtok\"], \"x\": \"model\", \"range\": [\"2025-01-01\", \"latest\"]}]}",
        "bad.json: charts[0].range: “latest” needs a date column “model” in “api-prices.csv”" },
      { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"y\": [\"output_usd_per_mtok\"], \"range\": [\"2025-01-01\", \"latest\"]}]}",
        "bad.json: charts[0].dataset: is required" },
      { "{\"id\": \"x\", \"title\": \"T\", \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", \"range\": [\"2025-01-01\", \"latest\"]}]}",
        "bad.json: charts[0].lanes: release lanes need the view's “releases”" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) b = g_bytes_new_static (bad[i].json, strlen (bad[i].json));
        g_autoptr(GError) e = NULL;
        g_autoptr(UcView) v = uc_view_new_from_bytes (b, "bad.json", &e);

        g_test_message ("case %u: %s", i, e ? e->message : "(no error)");
        g_assert_null (v);
        g_assert_error (e, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
        g_assert_nonnull (strstr (e->message, bad[i].message));
      }
  }
}

static void
count_change (guint *count)
{
  (*count)++;
}

/* Zoom keeps the time under the pointer in place; pans and zooms stay in
 * the bounds; one "changed" per real change. */
static double
total_count_of (UcSeries *series)
{
  double total = 0;

  for (guint k = 0; k < uc_series_get_length (series); k++)
    total += uc_series_get_y (series)[k];
  return total;
}

static double
total_count (UcChartSpec *spec)
{
  double total = 0;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    total += total_count_of (uc_chart_spec_get_series (spec, i));
  return total;
}

/* The word filter narrows the releases counted per quarter as it narrows
 * the release lanes; the bars keep every region's series (and colour). */
static void
test_filtered_counts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("model-releases", &error);
  g_autoptr(UcDataset) releases = uc_catalog_load ("model-releases", &error);
  UcChartSpec *bars;
  int mc, oc, dc;
  guint deepseek = 0;

  g_assert_no_error (error);
  bars = uc_view_get_chart (view, 1);
  mc = uc_dataset_find_column (releases, "model");
  oc = uc_dataset_find_column (releases, "organization");
  dc = uc_dataset_find_column (releases, "date");
  for (guint row = 0; row < uc_dataset_get_n_rows (releases); row++)
    {
      g_autofree char *text = g_strdup_printf ("%s %s", uc_dataset_get_text (releases, mc, row),
                                               uc_dataset_get_text (releases, oc, row));
      g_autofree char *folded = g_utf8_casefold (text, -1);

      if (uc_dataset_get_times (releases, dc)[row] != UC_TIME_MISSING && strstr (folded, "deepseek"))
        deepseek++;
    }
  g_assert_cmpuint (deepseek, >=, 3);
  g_assert_cmpfloat (total_count (bars), ==, (double) uc_dataset_get_n_rows (releases));

  /* No words, or a chart not counted from rows: the chart as loaded. */
  {
    g_autoptr(UcChartSpec) same = uc_view_filter_chart (view, 1, "", &error);
    g_autoptr(UcChartSpec) lanes = uc_view_filter_chart (view, 0, "deepseek", &error);

    g_assert_no_error (error);
    g_assert_true (same == bars);
    g_assert_true (lanes == uc_view_get_chart (view, 0));
  }
  {
    g_autoptr(UcChartSpec) narrowed = uc_view_filter_chart (view, 1, "DeepSeek", &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (total_count (narrowed), ==, (double) deepseek);
    g_assert_cmpuint (uc_chart_spec_get_n_series (narrowed), ==, uc_chart_spec_get_n_series (bars));
    for (guint i = 0; i < uc_chart_spec_get_n_series (bars); i++)
      g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (narrowed, i)), ==,
                       uc_series_get_id (uc_chart_spec_get_series (bars, i)));
    g_assert_true (uc_chart_spec_get_stacked (narrowed));
    g_assert_cmpint (uc_chart_spec_get_kind (narrowed), ==, UC_CHART_BARS);
  }
  {
    g_autoptr(UcChartSpec) china = uc_view_filter_chart (view, 1, "china open", &error);
    g_autoptr(UcChartSpec) nothing = uc_view_filter_chart (view, 1, "no-such-model-anywhere", &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (total_count (china), >, 0);
    g_assert_cmpfloat (total_count (china), <, total_count (bars));
    for (guint i = 0; i < uc_chart_spec_get_n_series (china); i++)
      if (g_strcmp0 (uc_series_get_id (uc_chart_spec_get_series (china, i)), "China") != 0)
        g_assert_cmpfloat (total_count_of (uc_chart_spec_get_series (china, i)), ==, 0);
    g_assert_cmpfloat (total_count (nothing), ==, 0);
  }
}

/* Which region a release's countries fall in, and so its lane, is what
 * the view file says: the first region listing one of them, else the rest. */
static void
test_release_regions (void)
{
  static const char * const europe[] = { "GB", "FR", NULL }, * const us[] = { "US", NULL };
  static const char json[] =
    "{\"id\": \"x\", \"title\": \"T\", \"releases\": {\"dataset\": \"model-releases\", \"country\": \"country\", "
    "\"open_weights\": \"open_weights\", \"regions\": [{\"name\": \"Made in France\", \"countries\": [\"FR\"]}, "
    "{\"name\": \"Elsewhere\"}]}, \"charts\": [{\"kind\": \"lanes\", \"lanes\": \"releases\", "
    "\"range\": [\"2023-01-01\", \"latest\"]}, {\"dataset\": \"model-releases\", \"count_by\": \"quarter\", "
    "\"group\": \"country\", \"group_by_region\": true, \"stacked\": true}]}";
  g_autoptr(UcRegions) regions = uc_regions_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = NULL;
  UcChartSpec *lanes, *bars;
  guint french = 0;

  uc_regions_add (regions, "Europe", europe);
  uc_regions_add (regions, "US", us);
  g_assert_null (uc_regions_lookup (regions, "CN"));
  uc_regions_add (regions, "Other", NULL);
  g_assert_cmpstr (uc_regions_lookup (regions, "US"), ==, "US");
  g_assert_cmpstr (uc_regions_lookup (regions, "US;GB"), ==, "Europe");   /* Europe was added first */
  g_assert_cmpstr (uc_regions_lookup (regions, "Multinational; FR"), ==, "Europe");
  g_assert_cmpstr (uc_regions_lookup (regions, "CN"), ==, "Other");
  g_assert_cmpstr (uc_regions_lookup (regions, ""), ==, "Other");
  g_assert_cmpstr (uc_regions_lookup (regions, NULL), ==, "Other");

  view = uc_view_new_from_bytes (bytes, "regions.json", &error);
  g_assert_no_error (error);
  lanes = uc_view_get_chart (view, 0);
  bars = uc_view_get_chart (view, 1);
  g_assert_cmpuint (uc_chart_spec_get_n_events (lanes), >, 0);
  for (guint i = 0; i < uc_chart_spec_get_n_events (lanes); i++)
    {
      const char *lane = uc_event_get_lane (uc_chart_spec_get_event (lanes, i));

      g_assert_true (g_str_equal (lane, "Made in France") || g_str_equal (lane, "Elsewhere"));
      french += g_str_equal (lane, "Made in France");
    }
  g_assert_cmpuint (french, >, 0);
  g_assert_cmpuint (uc_chart_spec_get_n_series (bars), ==, 2);
  g_assert_cmpfloat (total_count_of (uc_chart_spec_find_series (bars, "Made in France")), ==, french);
}

/* Pricing pressure's prices: output, input, or blended three parts input
 * to one part output, each variant built again from the same rows. */
static void
test_variants (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("pricing", &error);
  g_autoptr(UcView) shock = uc_view_load ("deepseek-shock", &error);
  UcTime launch = uc_time_from_ymd (2023, 3, 15);
  double first[3];
  const char *ids[] = { "output", "input", "blended" };

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_variants (view), ==, 3);
  g_assert_cmpuint (uc_view_get_n_variants (shock), ==, 0);
  g_assert_cmpstr (uc_view_get_variants_label (view), ==, "Price");
  g_assert_cmpstr (uc_view_get_variant_label (view, 2), ==, "Blended 3:1");
  g_assert_cmpuint (uc_view_get_variant (view), ==, 0);
  for (guint v = 0; v < 3; v++)
    {
      UcSeries *us;
      int k;

      g_assert_true (uc_view_set_variant (view, ids[v], &error));
      g_assert_no_error (error);
      g_assert_cmpuint (uc_view_get_variant (view), ==, v);
      us = uc_chart_spec_find_series (uc_view_get_chart (view, 0), "US");
      g_assert_nonnull (us);
      /* GPT-4 (8k) at launch: $30 in, $60 out per million tokens. */
      k = uc_series_find (us, launch);
      g_assert_cmpint (k, >=, 0);
      first[v] = uc_series_get_y (us)[k];
    }
  g_assert_cmpstr (uc_series_get_label (uc_chart_spec_find_series (uc_view_get_chart (view, 0), "CN")), ==, "China");
  g_assert_cmpfloat (first[0], ==, 60);
  g_assert_cmpfloat (first[1], ==, 30);
  g_assert_cmpfloat (first[2], ==, (3 * 30 + 60) / 4.0);
  g_assert_nonnull (strstr (uc_chart_spec_get_subtitle (uc_view_get_chart (view, 0)), "three parts input"));

  g_assert_false (uc_view_set_variant (view, "median", &error));
  g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN);
  g_assert_nonnull (strstr (error->message, "known: output, input, blended"));
  g_assert_cmpuint (uc_view_get_variant (view), ==, 2);
}

/* The filter's words start words: "us" is the US lane, not "GLM-4-Plus". */
static void
test_event_words (void)
{
  g_autoptr(UcEvent) plus = uc_event_new (uc_time_from_ymd (2024, 8, 29), "GLM-4-Plus", UC_EVENT_MODEL_RELEASE);
  g_autoptr(UcEvent) r1 = uc_event_new (uc_time_from_ymd (2025, 1, 20), "DeepSeek-R1", UC_EVENT_MODEL_RELEASE);
  g_autoptr(UcEvent) o3 = uc_event_new (uc_time_from_ymd (2025, 4, 16), "o3", UC_EVENT_MODEL_RELEASE);

  uc_event_set_lane (plus, "China");
  uc_event_set_hollow (plus, TRUE);
  uc_event_set_description (plus, "Zhipu AI · closed weights");
  uc_event_set_lane (r1, "China");
  uc_event_set_description (r1, "DeepSeek · open weights · 671B parameters");
  uc_event_set_lane (o3, "US");
  uc_event_set_hollow (o3, TRUE);

  g_assert_false (uc_event_matches (plus, "us"));
  g_assert_true (uc_event_matches (o3, "US closed"));
  g_assert_true (uc_event_matches (r1, "r1"));
  g_assert_true (uc_event_matches (r1, "China OPEN"));
  g_assert_false (uc_event_matches (r1, "seek"));
  g_assert_false (uc_event_matches (r1, "china closed"));
  g_assert_true (uc_event_matches (plus, "plus zhipu"));
  g_assert_true (uc_event_matches (plus, "  "));
  g_assert_true (uc_event_matches (plus, NULL));
}

static void
test_time_range (void)
{
  g_autoptr(UcTimeRange) range = uc_time_range_new ();
  const UcTime day = UC_USEC_PER_DAY;
  UcTime from, to;
  guint changes = 0;

  g_signal_connect_swapped (range, "changed", G_CALLBACK (count_change), &changes);
  uc_time_range_set_bounds (range, 0, 100 * day);
  uc_time_range_reset (range);
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 100 * day);
  changes = 0;

  uc_time_range_zoom (range, 0.5, 10 * day);
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, 5 * day);
  g_assert_cmpint (to, ==, 55 * day);
  g_assert_cmpuint (changes, ==, 1);

  /* Past the left bound: the span stays, the range stops at the bound. */
  uc_time_range_pan (range, -30 * day);
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 50 * day);
  uc_time_range_pan (range, -1 * day);
  g_assert_cmpuint (changes, ==, 2);   /* already at the bound: no change */

  /* Zooming out past the bounds gives the bounds. */
  uc_time_range_zoom (range, 10, 25 * day);
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (from, ==, 0);
  g_assert_cmpint (to, ==, 100 * day);

  /* Never narrower than six hours. */
  for (int i = 0; i < 40; i++)
    uc_time_range_zoom (range, 0.5, 50 * day);
  uc_time_range_get (range, &from, &to);
  g_assert_cmpint (to - from, >=, 6 * 3600 * (UcTime) G_USEC_PER_SEC);
  g_assert_cmpint (from, <=, 50 * day);
  g_assert_cmpint (to, >=, 50 * day);

  /* A number axis's own range (days −10 to +20, scaled) zooms to a tenth
   * of a day, far below six hours' worth of its units. */
  {
    g_autoptr(UcTimeRange) days = uc_time_range_new ();

    uc_time_range_set_min_span (days, UC_X_NUMBER_SCALE / 10);
    uc_time_range_set_bounds (days, -10 * UC_X_NUMBER_SCALE, 20 * UC_X_NUMBER_SCALE);
    uc_time_range_reset (days);
    for (int i = 0; i < 40; i++)
      uc_time_range_zoom (days, 0.5, 3 * UC_X_NUMBER_SCALE);
    uc_time_range_get (days, &from, &to);
    g_assert_cmpint (to - from, ==, UC_X_NUMBER_SCALE / 10);
    g_assert_cmpint (from, <=, 3 * UC_X_NUMBER_SCALE);
    g_assert_cmpint (to, >=, 3 * UC_X_NUMBER_SCALE);
  }

  g_assert_true (uc_time_range_parse ("2025-01-01/2025-03-31", &from, &to));
  g_assert_cmpint (from, ==, uc_time_from_ymd (2025, 1, 1));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 4, 1) - 1);
  g_assert_false (uc_time_range_parse ("2025-03-31/2025-01-01", &from, &to));
  g_assert_false (uc_time_range_parse ("2025-01-01", &from, &to));
  g_assert_false (uc_time_range_parse ("2025-01-01/soon", &from, &to));
  g_assert_false (uc_time_range_parse (NULL, &from, &to));
}

/* Every member name in the examples' objects, at any depth. */
static void
collect_members (JsonNode   *node,
                 GHashTable *names)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *m = members; m; m = m->next)
        {
          g_hash_table_add (names, g_strdup (m->data));
          collect_members (json_object_get_member (json_node_get_object (node), m->data), names);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      collect_members (json_array_get_element (json_node_get_array (node), i), names);
}

/* The members the view reader knows, from its lists in app/core
 * (static const char * const NAME_members[] = { "…", …, NULL }). */
static GHashTable *
reader_members (void)
{
  g_autofree char *core = g_test_build_filename (G_TEST_DIST, "..", "app", "core", NULL);
  g_autoptr(GDir) dir = g_dir_open (core, 0, NULL);
  g_autoptr(GRegex) list = g_regex_new ("_members\\[\\] = \\{([^}]*)\\}", 0, 0, NULL);
  g_autoptr(GRegex) name = g_regex_new ("\"([a-z_]+)\"", 0, 0, NULL);
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *file;

  g_assert_nonnull (dir);
  while ((file = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (core, file, NULL);
      g_autofree char *source = NULL;
      g_autoptr(GMatchInfo) lists = NULL;

      if (!g_str_has_suffix (file, ".c") || !g_file_get_contents (path, &source, NULL, NULL))
        continue;
      for (g_regex_match (list, source, 0, &lists); g_match_info_matches (lists); g_match_info_next (lists, NULL))
        {
          g_autofree char *members = g_match_info_fetch (lists, 1);
          g_autoptr(GMatchInfo) names_info = NULL;

          for (g_regex_match (name, members, 0, &names_info); g_match_info_matches (names_info);
               g_match_info_next (names_info, NULL))
            g_hash_table_add (names, g_match_info_fetch (names_info, 1));
        }
    }
  return names;
}

/* One example, read as a view file is; its members noted in @used. */
static void
load_example (GString    *json,
              const char *name,
              GHashTable *used)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json->str, json->len);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_new_from_bytes (bytes, name, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_charts (view), >=, 1);
  g_assert_true (json_parser_load_from_data (parser, json->str, (gssize) json->len, &error));
  collect_members (json_parser_get_root (parser), used);
}

/* data/views/README.md documents the view format: each ```json block in it
 * is an example that must load, so the text cannot drift from the reader.
 * A block right after a line "Example view:" is a whole view; after
 * "Example chart:", one chart, read as the only chart of a view. Together
 * the examples use every member the reader knows. */
static void
test_readme_examples (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "views", "README.md", NULL);
  g_autofree char *readme = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) known = reader_members ();
  GHashTableIter iter;
  gpointer member;
  guint n_blocks = 0, n_views = 0;

  g_assert_true (g_file_get_contents (path, &readme, NULL, &error));
  lines = g_strsplit (readme, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr(GString) block = NULL;
      g_autofree char *name = g_strdup_printf ("README.md:%u", i + 1);
      gboolean whole = i > 0 && g_str_equal (lines[i - 1], "Example view:");

      if (!g_str_has_prefix (lines[i], "```json"))
        continue;
      n_blocks++;
      /* An unmarked block would be an example nothing checks. */
      if (!whole && (i == 0 || !g_str_equal (lines[i - 1], "Example chart:")))
        {
          g_test_fail_printf ("%s: a ```json block needs a line “Example view:” or “Example chart:” right before it",
                              name);
          continue;
        }
      block = g_string_new (whole ? "" : "{\"id\": \"example\", \"title\": \"Example\", \"charts\": [\n");
      for (i++; lines[i] && !g_str_has_prefix (lines[i], "```"); i++)
        g_string_append_printf (block, "%s\n", lines[i]);
      g_assert_nonnull (lines[i]);
      if (!whole)
        g_string_append (block, "]}\n");
      load_example (block, name, used);
      n_views += whole;
    }
  g_assert_cmpuint (n_views, >=, 1);
  g_assert_cmpuint (n_blocks, >, n_views);

  /* Members the reader knows that no example shows. */
  g_assert_cmpuint (g_hash_table_size (known), >, 0);
  g_hash_table_iter_init (&iter, known);
  while (g_hash_table_iter_next (&iter, &member, NULL))
    if (!g_hash_table_contains (used, member))
      g_test_fail_printf ("data/views/README.md has no example of the member “%s”", (const char *) member);
}

/* Every value of the chart enums has one name, read back to itself: view
 * files, packs and the command line share the registered nicks. */
static void
test_enum_names (void)
{
  static const char * const kinds[] = { "line", "step", "area", "scatter", "bars", "lanes" };
  static const char * const formats[] = { "number", "money", "percent", "index", "per-mtok" };
  static const char * const categories[] = { "model_release", "market", "hardware", "policy", "pricing", "other" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      UcChartKind kind;

      g_assert_true (uc_chart_kind_from_string (kinds[i], &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_cmpstr (uc_chart_kind_to_string (kind), ==, kinds[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      UcValueFormat format;

      g_assert_true (uc_value_format_from_string (formats[i], &format));
      g_assert_cmpint (format, ==, i);
      g_assert_cmpstr (uc_value_format_to_string (format), ==, formats[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      g_assert_cmpint (uc_event_category_from_string (categories[i]), ==, i);
      g_assert_cmpstr (uc_event_category_to_string (i), ==, categories[i]);
    }
  {
    UcChartKind kind = UC_CHART_STEP;
    UcLegendPosition legend;
    UcXKind x;

    g_assert_false (uc_chart_kind_from_string ("pie", &kind));
    g_assert_false (uc_chart_kind_from_string (NULL, &kind));
    g_assert_cmpint (kind, ==, UC_CHART_STEP);
    g_assert_cmpstr (uc_chart_kind_to_string (99), ==, "line");
    g_assert_true (uc_legend_position_from_string ("inside", &legend) && legend == UC_LEGEND_INSIDE);
    g_assert_cmpstr (uc_legend_position_to_string (UC_LEGEND_NONE), ==, "none");
    g_assert_true (uc_x_kind_from_string ("number", &x) && x == UC_X_NUMBER);
    g_assert_cmpstr (uc_x_kind_to_string (UC_X_TIME), ==, "time");
    g_assert_cmpint (uc_event_category_from_string ("model-release"), ==, UC_EVENT_OTHER);
  }
}

typedef struct
{
  gboolean  done;
  gboolean  loaded;
  GError   *error;
} Loading;

static void
on_data_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Loading *loading = user_data;

  loading->loaded = uc_view_load_data_finish (UC_VIEW (object), result, &loading->error);
  loading->done = TRUE;
}

/* A view in steps: parsed without its data, saying which datasets it
 * needs; loaded from a catalog on worker threads; built. */
static void
test_view_steps (void)
{
  const struct { const char *id; const char *datasets; } needs[] = {
    { "deepseek-shock", "market-caps events" },
    { "hardware-evs", "market-caps events" },
    { "model-releases", "model-releases" },
    { "pricing", "api-prices events" },
    { "events", "events" },
  };
  static const char json[] = "{\"id\": \"mine\", \"title\": \"Mine\", \"charts\": [{\"dataset\": \"api-prices\", "
                             "\"y\": [\"output_usd_per_mtok\"], \"group\": \"country\"}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(UcCatalog) catalog = uc_catalog_new ();
  g_autoptr(UcView) view = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (needs); i++)
    {
      g_autoptr(GBytes) file = uc_view_list_lookup (needs[i].id);
      g_autofree char *name = g_strdup_printf ("%s.json", needs[i].id);
      g_autoptr(UcView) parsed = uc_view_parse (file, name, &error);
      g_autofree char *datasets = NULL;

      g_assert_no_error (error);
      datasets = g_strjoinv (" ", (GStrv) uc_view_get_datasets (parsed));
      g_assert_cmpstr (datasets, ==, needs[i].datasets);
      g_assert_cmpuint (uc_view_get_n_charts (parsed), >=, 1);
    }

  /* Built before its data is loaded: refused, naming the dataset. */
  view = uc_view_parse (bytes, "mine.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_view_get_title (view), ==, "Mine");
  g_assert_false (uc_view_build_charts (view, &error));
  g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
  g_assert_cmpstr (error->message, ==, "mine.json: charts[0].dataset: the dataset “api-prices” was not loaded");
  g_clear_error (&error);

  /* Loaded from a catalog of one source, then built. */
  uc_catalog_add (catalog, uc_catalog_find (uc_catalog_get_default (), "api-prices"));
  {
    Loading loading = { FALSE, FALSE, NULL };

    uc_view_load_data_async (view, catalog, NULL, on_data_loaded, &loading);
    while (!loading.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_no_error (loading.error);
    g_assert_true (loading.loaded);
  }
  g_assert_false (uc_view_needs_loading (view, catalog));
  g_assert_true (uc_view_build_charts (view, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uc_chart_spec_get_n_series (uc_view_get_chart (view, 0)), >=, 3);
  g_assert_cmpstr (uc_chart_spec_get_provenance (uc_view_get_chart (view, 0), 0)->name, ==, "api-prices.csv");

  /* A file of the user's; its errors name its path. */
  {
    g_autofree char *dir = g_dir_make_tmp ("uc-view-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "mine.json", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(UcView) mine = NULL;

    g_assert_true (g_file_set_contents (path, json, -1, NULL));
    mine = uc_view_parse_file (file, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (uc_view_get_id (mine), ==, "mine");
    g_assert_true (g_file_set_contents (path, "{\"id\": \"x\"}", -1, NULL));
    g_clear_object (&mine);
    mine = uc_view_parse_file (file, &error);
    g_assert_null (mine);
    g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
    g_assert_true (g_str_has_prefix (error->message, path));
    g_clear_error (&error);
    g_unlink (path);
    mine = uc_view_parse_file (file, &error);
    g_assert_null (mine);
    g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
    g_assert_true (g_str_has_prefix (error->message, path));
    g_clear_error (&error);
    g_rmdir (dir);
  }

  /* A chart made in memory is a view too: nothing to load or build. */
  {
    g_autoptr(UcChartSpec) chart = uc_chart_spec_copy (uc_view_get_chart (view, 0));
    g_autoptr(UcView) made = uc_view_new_for_chart ("made", "Made", chart);
    g_autoptr(UcChartSpec) filtered = NULL;

    g_assert_null (uc_view_get_datasets (made)[0]);
    g_assert_false (uc_view_needs_loading (made, catalog));
    g_assert_true (uc_view_build_charts (made, &error));
    g_assert_cmpuint (uc_view_get_n_charts (made), ==, 1);
    g_assert_true (uc_view_get_chart (made, 0) == chart);
    filtered = uc_view_filter_chart (made, 0, "deepseek", &error);
    g_assert_true (filtered == chart);
  }
}

static void
note_change (GListModel *model,
             guint       position,
             guint       removed,
             guint       added,
             GString    *changes)
{
  g_string_append_printf (changes, "%u-%u+%u ", position, removed, added);
}

/* The sidebar's list of views changes at run time: a view added at the
 * end, one of the same id in its place, one removed. */
static void
test_view_catalog (void)
{
  static const char json[] = "{\"id\": \"mine\", \"title\": \"Mine\", \"charts\": [{\"dataset\": \"api-prices\", "
                             "\"y\": [\"output_usd_per_mtok\"]}]}";
  g_autoptr(UcViewCatalog) views = uc_view_catalog_new_builtin ();
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) mine = uc_view_parse (bytes, "mine.json", &error);
  g_autoptr(UcView) again = uc_view_parse (bytes, "mine.json", &error);
  g_autofree char *ids = NULL;
  guint position;

  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (views)) == UC_TYPE_VIEW);
  g_signal_connect (views, "items-changed", G_CALLBACK (note_change), changes);
  uc_view_catalog_add (views, mine);
  g_assert_true (uc_view_catalog_find (views, "mine", &position) == mine);
  g_assert_cmpuint (position, ==, 5);
  uc_view_catalog_add (views, again);
  g_assert_true (uc_view_catalog_find (views, "mine", NULL) == again);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 6);
  ids = uc_view_catalog_dup_ids (views);
  g_assert_cmpstr (ids, ==, "deepseek-shock, hardware-evs, model-releases, pricing, events, mine");
  g_assert_true (uc_view_catalog_remove (views, "hardware-evs"));
  g_assert_false (uc_view_catalog_remove (views, "hardware-evs"));
  g_assert_null (uc_view_catalog_find (views, "hardware-evs", NULL));
  g_assert_cmpstr (changes->str, ==, "5-0+1 5-1+1 1-1+0 ");
}

/* One timeline, one story: the release lanes hold every release, not
 * only those of the view's first range, so zoomed out to 2023 they show
 * what the bars below count (they stayed empty before mid-2024). */
static void
test_lanes_hold_all_days (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("model-releases", &error);
  UcChartSpec *lanes, *bars;
  UcTime from, to, first = G_MAXINT64;
  double in_2023 = 0;

  g_assert_no_error (error);
  lanes = uc_view_get_chart (view, 0);
  bars = uc_view_get_chart (view, 1);
  g_assert_cmpint (uc_chart_spec_get_kind (lanes), ==, UC_CHART_LANES);
  uc_chart_spec_get_range (lanes, &from, &to);
  for (guint i = 0; i < uc_chart_spec_get_n_events (lanes); i++)
    first = MIN (first, uc_event_get_time (uc_chart_spec_get_event (lanes, i)));
  g_assert_cmpint (first, <, from);
  for (guint s = 0; s < uc_chart_spec_get_n_series (bars); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (bars, s);

      for (guint i = 0; i < uc_series_get_length (series); i++)
        if (uc_series_get_x (series)[i] >= uc_time_from_ymd (2023, 1, 1) && uc_series_get_x (series)[i] < uc_time_from_ymd (2024, 1, 1))
          in_2023 += uc_series_get_y (series)[i];
    }
  /* As many releases of 2023 in the lanes as the bars count. */
  {
    guint lanes_2023 = 0;

    for (guint i = 0; i < uc_chart_spec_get_n_events (lanes); i++)
      {
        UcTime t = uc_event_get_time (uc_chart_spec_get_event (lanes, i));

        lanes_2023 += t >= uc_time_from_ymd (2023, 1, 1) && t < uc_time_from_ymd (2024, 1, 1);
      }
    g_assert_cmpfloat (in_2023, >, 0);
    g_assert_cmpfloat ((double) lanes_2023, ==, in_2023);
  }
}

/* Named stretches counted back from the data's last day, against dates
 * worked out by hand. */
static void
test_range_presets (void)
{
  UcTime lower = uc_time_from_ymd (2022, 10, 7), upper = uc_time_from_ymd (2025, 3, 31), from, to;
  const struct { const char *id; int y, m, d; } want[] = {
    { "1m", 2025, 2, 28 },    /* 31 Mar back a month: the end of February */
    { "3m", 2024, 12, 31 },
    { "6m", 2024, 9, 30 },
    { "ytd", 2025, 1, 1 },
    { "1y", 2024, 3, 31 },
    { "5y", 2022, 10, 7 },    /* longer than the data: where it begins */
    { "all", 2022, 10, 7 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      g_assert_true (uc_range_preset (want[i].id, lower, upper, &from, &to));
      g_assert_cmpint (from, ==, uc_time_from_ymd (want[i].y, want[i].m, want[i].d));
      g_assert_cmpint (to, ==, upper);
      g_assert_cmpstr (uc_range_preset_ids ()[i], ==, want[i].id);
    }
  g_assert_null (uc_range_preset_ids ()[G_N_ELEMENTS (want)]);
  /* Leap years: 29 Feb 2024 back a year is 28 Feb 2023. */
  g_assert_true (uc_range_preset ("1y", lower, uc_time_from_ymd (2024, 2, 29), &from, &to));
  g_assert_cmpint (from, ==, uc_time_from_ymd (2023, 2, 28));
  g_assert_false (uc_range_preset ("2w", lower, upper, &from, &to));
  g_assert_false (uc_range_preset (NULL, lower, upper, &from, &to));
  g_assert_false (uc_range_preset ("all", upper, lower, &from, &to));
  /* Around a day: two weeks before, a month after. */
  uc_range_around (uc_time_from_ymd (2025, 1, 27), &from, &to);
  g_assert_cmpint (from, ==, uc_time_from_ymd (2025, 1, 13));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 2, 27));
}

/* A chart of rows grouped by a column (Pricing pressure's vendor
 * countries) offers the column's values, all shown; a pick keeps the rows
 * of those picked and says which were left out. A chart grouped by region
 * (releases per quarter) offers none: its series are not the column's. */
static void
test_pick_groups (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) pricing = uc_view_load ("pricing", &error);
  g_autoptr(UcView) releases = NULL;
  g_autoptr(GListModel) choices = NULL;
  const char *pick[] = { "CN", NULL };
  UcChartSpec *chart;
  gboolean china = FALSE;

  g_assert_no_error (error);
  g_assert_true (uc_view_can_pick (pricing, 0));
  choices = uc_view_list_choices (pricing, 0);
  g_assert_cmpuint (g_list_model_get_n_items (choices), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(UcSeriesChoice) c = g_list_model_get_item (choices, i);

      g_assert_true (uc_series_choice_get_own (c));
      g_assert_true (uc_series_choice_get_chosen (c));
      if (g_str_equal (uc_series_choice_get_id (c), "CN"))
        china = g_str_equal (uc_series_choice_get_label (c), "China");
    }
  g_assert_true (china);

  uc_view_set_picked (pricing, 0, pick, &error);
  g_assert_no_error (error);
  chart = uc_view_get_chart (pricing, 0);
  for (guint i = 0; i < uc_chart_spec_get_n_series (chart); i++)
    {
      const char *id = uc_series_get_id (uc_chart_spec_get_series (chart, i));

      /* China's points, and the cheapest of them on offer each day. */
      g_assert_true (g_str_equal (id, "CN") || !g_str_equal (id, "US"));
    }
  g_assert_nonnull (strstr (uc_chart_spec_get_note (chart), "Series picked in Undercut: left out "));
  g_assert_nonnull (strstr (uc_chart_spec_get_note (chart), "US"));
  g_assert_true (g_str_has_prefix (uc_chart_spec_get_note (chart), "A model's price counts"));
  /* Another variant keeps the pick. */
  g_assert_true (uc_view_set_variant (pricing, "input", &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (uc_chart_spec_get_note (uc_view_get_chart (pricing, 0)), "left out"));
  /* A pick of values the column does not have is refused; the chart stays. */
  {
    const char *none[] = { "XX", NULL };

    g_assert_false (uc_view_set_picked (pricing, 0, none, &error));
    g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
    g_assert_nonnull (strstr (error->message, "none of the values picked (XX)"));
    g_clear_error (&error);
    g_assert_nonnull (strstr (uc_chart_spec_get_note (uc_view_get_chart (pricing, 0)), "left out"));
  }
  g_assert_true (uc_view_set_picked (pricing, 0, NULL, &error));
  g_assert_null (strstr (uc_chart_spec_get_note (uc_view_get_chart (pricing, 0)), "picked"));

  releases = uc_view_load ("model-releases", &error);
  g_assert_no_error (error);
  g_assert_false (uc_view_can_pick (releases, 1));
  g_assert_null (uc_view_list_choices (releases, 1));
}

/* A reader picks the series of a chart: every key of the dataset with a
 * value in the view's currency is offered, the view's own first and
 * chosen; a pick rebuilds the chart and its sum, and says so in the note;
 * no pick is the view's own again. */
static void
test_pick_series (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) shock = uc_view_load ("deepseek-shock", &error);
  g_autoptr(GListModel) choices = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  const char *pick[] = { "NVDA", "TSLA", NULL };
  UcChartSpec *chart;
  guint n;

  g_assert_no_error (error);
  g_assert_true (uc_view_can_pick (shock, 0));
  g_assert_true (uc_view_can_pick (shock, 1));
  g_assert_false (uc_view_can_pick (shock, 2));
  choices = uc_view_list_choices (shock, 0);
  n = g_list_model_get_n_items (choices);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UcSeriesChoice) c = g_list_model_get_item (choices, i);

      g_string_append_printf (ids, "%s%s%s", i ? " " : "", uc_series_choice_get_id (c),
                              uc_series_choice_get_chosen (c) ? "+" : "");
      g_assert_true (uc_series_choice_get_own (c) == (i < 9));
      if (g_str_equal (uc_series_choice_get_id (c), "TSLA"))
        {
          g_assert_cmpstr (uc_series_choice_get_label (c), ==, "Tesla");
          g_assert_true (uc_series_choice_matches (c, "tes"));
          g_assert_true (uc_series_choice_matches (c, "TSLA"));
          g_assert_false (uc_series_choice_matches (c, "sla motors"));
        }
    }
  /* The view's own in its order, then the other dollar listings; no Hong
   * Kong dollars, no SMIC (no market cap). */
  g_assert_cmpstr (ids->str, ==, "NVDA+ MSFT+ GOOGL+ META+ AVGO+ TSM+ ORCL+ AAPL+ AMZN+ ASML BABA BIDU TSLA");

  g_assert_true (uc_view_set_picked (shock, 0, pick, &error));
  g_assert_no_error (error);
  chart = uc_view_get_chart (shock, 0);
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 2);
  g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (chart, 1)), ==, "TSLA");
  g_assert_nonnull (strstr (uc_chart_spec_get_note (chart),
                            "Series picked in Undercut: added Tesla; left out Microsoft, Alphabet, Meta, "
                            "Broadcom, TSMC, Oracle, Apple, Amazon."));
  /* The view's own note stays first. */
  g_assert_true (g_str_has_prefix (uc_chart_spec_get_note (chart), "Broadcom's market cap"));
  g_assert_cmpstr (uc_view_get_picked (shock, 0)[1], ==, "TSLA");
  g_assert_null (uc_view_get_picked (shock, 1));
  /* The summary keeps its own. */
  g_assert_cmpuint (uc_chart_spec_get_n_series (uc_view_get_chart (shock, 1)), ==, 1);
  g_assert_null (uc_chart_spec_get_note (uc_view_get_chart (shock, 1)));

  /* A pick of the summary: the sum of the picked. */
  g_assert_true (uc_view_set_picked (shock, 1, pick, &error));
  {
    UcSeries *sum = uc_chart_spec_get_series (uc_view_get_chart (shock, 1), 0);
    UcSeries *nvda = uc_chart_spec_get_series (uc_view_get_chart (shock, 0), 0);
    UcSeries *tsla = uc_chart_spec_get_series (uc_view_get_chart (shock, 0), 1);
    UcTime day = uc_time_from_ymd (2025, 1, 27);
    double a, b, total;

    g_assert_true (uc_series_value_on_or_before (nvda, day, &a));
    g_assert_true (uc_series_value_on_or_before (tsla, day, &b));
    g_assert_true (uc_series_value_on_or_before (sum, day, &total));
    g_assert_cmpfloat_with_epsilon (total, a + b, 1);
  }

  g_assert_true (uc_view_set_picked (shock, 0, NULL, &error));
  chart = uc_view_get_chart (shock, 0);
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 9);
  g_assert_null (strstr (uc_chart_spec_get_note (chart), "picked"));
  g_assert_false (uc_view_set_picked (shock, 2, pick, &error));
  g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
}

/* Days typed in From and To, whole or in part, and the errors that
 * name the field at fault. */
static void
test_range_typed (void)
{
  UcTime lower = uc_time_from_ymd (2022, 10, 7), upper = uc_time_from_ymd (2025, 3, 31), from, to, day;
  const struct { const char *text; gboolean last; int y, m, d; } days[] = {
    { "2025-01-27", FALSE, 2025, 1, 27 },
    { " 2025-01-27 ", TRUE, 2025, 1, 27 },
    { "2024-02", FALSE, 2024, 2, 1 },
    { "2024-02", TRUE, 2024, 2, 29 },
    { "2025", FALSE, 2025, 1, 1 },
    { "2025", TRUE, 2025, 12, 31 },
    { "27 Jan 2025", FALSE, 2025, 1, 27 },
    { "3 apr 2025", TRUE, 2025, 4, 3 },
  };
  const char *bad[] = { "", "2025-13", "2025-02-30", "25", "27 Jab 2025", "27 Jan", "2025-01-27x", "-2025",
                        "31 Feb 2025", "2025-1", "Jan 2025" };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_assert_true (uc_range_parse_day (days[i].text, days[i].last, &day));
      g_assert_cmpint (day, ==, uc_time_from_ymd (days[i].y, days[i].m, days[i].d));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (uc_range_parse_day (bad[i], FALSE, &day));

  g_assert_true (uc_range_from_text ("2025-01", "2025-02", lower, upper, &from, &to, &error));
  g_assert_cmpint (from, ==, uc_time_from_ymd (2025, 1, 1));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 2, 28));
  /* Blank: where the data begins or ends. */
  g_assert_true (uc_range_from_text ("", NULL, lower, upper, &from, &to, &error));
  g_assert_cmpint (from, ==, lower);
  g_assert_cmpint (to, ==, upper);
  g_assert_false (uc_range_from_text ("2025-01-32", "", lower, upper, &from, &to, &error));
  g_assert_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_FROM);
  g_assert_nonnull (strstr (error->message, "2025-01-32"));
  g_clear_error (&error);
  g_assert_false (uc_range_from_text ("", "soon", lower, upper, &from, &to, &error));
  g_assert_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_TO);
  g_clear_error (&error);
  g_assert_false (uc_range_from_text ("2025-03", "2025-01", lower, upper, &from, &to, &error));
  g_assert_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_ORDER);
  g_clear_error (&error);
  /* Outside the data: says where the data is. */
  g_assert_false (uc_range_from_text ("2026", "", lower, upper, &from, &to, &error));
  g_assert_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_FROM);
  g_assert_nonnull (strstr (error->message, "31 Mar 2025"));
  g_clear_error (&error);
  g_assert_false (uc_range_from_text ("", "2020", lower, upper, &from, &to, &error));
  g_assert_error (error, UC_RANGE_ERROR, UC_RANGE_ERROR_TO);
}

/* The charts of a view share a height as the window lays them out: the
 * heights add up, a summary chart has its 250 px when there is room, the
 * first keeps 62% when the others can give it, no chart goes below its
 * minimum (a summary chart's is lower) unless even the minimums do not fit; and a view splits its
 * height by the same rule. */
static void
test_stack_split (void)
{
  const int totals[] = { 150, 400, 440, 560, 600, 700, 760, 900, 1080, 2000 };
  const gboolean summary[] = { FALSE, TRUE }, three[] = { FALSE, FALSE, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) shock = uc_view_load ("deepseek-shock", &error);
  g_autoptr(UcView) releases = uc_view_load ("model-releases", &error);
  int one, heights[3], view_heights[3];

  g_assert_no_error (error);
  uc_stack_split (1, NULL, NULL, 900, &one);
  g_assert_cmpint (one, ==, 900);
  g_assert_cmpuint (uc_view_get_n_charts (shock), ==, 2);
  g_assert_true (uc_view_get_chart_compact (shock, 1));
  for (guint t = 0; t < G_N_ELEMENTS (totals); t++)
    {
      int total = totals[t];

      uc_stack_split (2, summary, NULL, total, heights);
      g_assert_cmpint (heights[0] + heights[1], ==, total);
      if (total >= UC_STACK_MIN_HEIGHT + UC_STACK_SHORT_MIN_HEIGHT)
        {
          g_assert_cmpint (heights[0], >=, UC_STACK_MIN_HEIGHT);
          g_assert_cmpint (heights[1], >=, UC_STACK_SHORT_MIN_HEIGHT);
          g_assert_cmpint (heights[1], <=, UC_STACK_SHORT_HEIGHT);
          g_assert_true (heights[0] >= total * UC_STACK_MAIN_SHARE - 1 || heights[1] == UC_STACK_SHORT_MIN_HEIGHT);
        }
      else
        g_assert_cmpint (heights[0], >=, heights[1]);
      if (total >= UC_STACK_SHORT_HEIGHT / (1 - UC_STACK_MAIN_SHARE))
        g_assert_cmpint (heights[1], ==, UC_STACK_SHORT_HEIGHT);
      uc_view_split_height (shock, total, view_heights);
      g_assert_cmpmem (view_heights, sizeof (int) * 2, heights, sizeof (int) * 2);

      uc_stack_split (3, three, NULL, total, heights);
      g_assert_cmpint (heights[0] + heights[1] + heights[2], ==, total);
      g_assert_cmpint (heights[0], >=, heights[1]);
      g_assert_cmpint (heights[0], >=, heights[2]);

      /* Two charts that both expand: the second takes 38% (at least its minimum). */
      uc_stack_split (2, NULL, NULL, total, heights);
      g_assert_cmpint (heights[0] + heights[1], ==, total);
      if (total >= 2 * UC_STACK_MIN_HEIGHT)
        g_assert_cmpint (heights[1], ==, MAX ((int) (total * (1 - UC_STACK_MAIN_SHARE)), UC_STACK_MIN_HEIGHT));
      uc_view_split_height (releases, total, view_heights);
      g_assert_cmpmem (view_heights, sizeof (int) * 2, heights, sizeof (int) * 2);
    }
  /* At the window's 1600 × 900 export: 650 and 250 (the old even share was 600 and 300). */
  uc_view_split_height (shock, 900, heights);
  g_assert_cmpint (heights[0], ==, 650);
  g_assert_cmpint (heights[1], ==, 250);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view/builtin", test_builtin_views);
  g_test_add_func ("/view/contents", test_view_contents);
  g_test_add_func ("/view/bad-files", test_bad_views);
  g_test_add_func ("/view/filtered-counts", test_filtered_counts);
  g_test_add_func ("/view/release-regions", test_release_regions);
  g_test_add_func ("/view/variants", test_variants);
  g_test_add_func ("/view/event-words", test_event_words);
  g_test_add_func ("/view/time-range", test_time_range);
  g_test_add_func ("/view/readme-examples", test_readme_examples);
  g_test_add_func ("/view/enum-names", test_enum_names);
  g_test_add_func ("/view/number-axis", test_number_axis);
  g_test_add_func ("/view/range-latest", test_range_latest);
  g_test_add_func ("/view/one-currency", test_one_currency);
  g_test_add_func ("/view/steps", test_view_steps);
  g_test_add_func ("/view/catalog", test_view_catalog);
  g_test_add_func ("/view/lanes-hold-all-days", test_lanes_hold_all_days);
  g_test_add_func ("/view/stack-split", test_stack_split);
  g_test_add_func ("/view/range-presets", test_range_presets);
  g_test_add_func ("/view/range-typed", test_range_typed);
  g_test_add_func ("/view/pick-series", test_pick_series);
  g_test_add_func ("/view/pick-groups", test_pick_groups);
  return g_test_run ();
}
