/* test-datasets.c: the embedded datasets hold the sourced figures, exactly */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-view.h"

static int
find_row (UcDataset  *ds,
          const char *ticker,
          UcTime      date)
{
  const UcTime *dates = uc_dataset_get_times (ds, uc_dataset_find_column (ds, "date"));
  int tc = uc_dataset_find_column (ds, "ticker");

  for (guint i = 0; i < uc_dataset_get_n_rows (ds); i++)
    if (dates[i] == date && g_strcmp0 (uc_dataset_get_text (ds, tc, i), ticker) == 0)
      return (int) i;
  return -1;
}

static void
test_catalog (void)
{
  guint n;
  const UcCatalogEntry *entries = uc_catalog_entries (&n);
  const struct { const char *id; guint rows; } expected[] = {
    { "market-caps", 10257 }, { "events", 24 }, { "model-releases", 80 }, { "api-prices", 53 },
  };

  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcDataset) ds = uc_catalog_load (entries[i].id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (entries[i].id, ==, expected[i].id);
      g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, expected[i].rows);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcDataset) none = uc_catalog_load ("no-such-dataset", &error);

    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
}

static void
test_market_caps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load ("market-caps", &error);
  const double *close, *cap, *shares;
  int basis;
  int before, after, avgo, smic;

  g_assert_no_error (error);
  close = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "close"));
  cap = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "market_cap"));
  shares = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "shares_outstanding"));
  basis = uc_dataset_find_column (ds, "basis");

  before = find_row (ds, "NVDA", uc_time_from_ymd (2025, 1, 24));
  after = find_row (ds, "NVDA", uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpint (before, >=, 0);
  g_assert_cmpint (after, >=, 0);

  /* stock_prices_daily.csv: adjusted closes, and the −16.97% move. */
  g_assert_cmpfloat (close[before], ==, 142.4073);
  g_assert_cmpfloat (close[after], ==, 118.2434);
  g_assert_cmpfloat_with_epsilon (100 * (close[after] / close[before] - 1), -16.97, 0.005);

  /* shares_outstanding.csv: the count in force on each day. */
  g_assert_cmpfloat (shares[before], ==, 24490000000.0);   /* as of 2024-11-15 */
  g_assert_cmpfloat (shares[after], ==, 24477000000.0);    /* as of 2025-01-26 */
  g_assert_cmpfloat (cap[before], ==, 3487554777000.0);
  g_assert_cmpfloat (cap[after], ==, 2894243701800.0);
  g_assert_cmpstr (uc_dataset_get_text (ds, basis, before), ==, "market_cap");

  /* No sourced share count: a price, flagged, never a made-up cap. */
  avgo = find_row (ds, "AVGO", uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpfloat (close[avgo], ==, 199.5846);
  g_assert_true (isnan (cap[avgo]));
  g_assert_cmpstr (uc_dataset_get_text (ds, basis, avgo), ==, "price_only");
  smic = find_row (ds, "0981.HK", uc_time_from_ymd (2025, 1, 27));
  g_assert_true (isnan (cap[smic]));
  g_assert_cmpstr (uc_dataset_get_text (ds, basis, smic), ==, "price_only");
}

static void
test_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load ("events", &error);
  const UcTime *dates = uc_dataset_get_times (ds, uc_dataset_find_column (ds, "date"));
  int titles = uc_dataset_find_column (ds, "title");

  g_assert_no_error (error);
  g_assert_cmpint (dates[0], ==, uc_time_from_ymd (2022, 10, 7));
  g_assert_cmpint (dates[23], ==, uc_time_from_ymd (2025, 11, 24));
  g_assert_cmpint (dates[8], ==, uc_time_from_ymd (2025, 1, 20));
  g_assert_cmpstr (uc_dataset_get_text (ds, titles, 8), ==, "DeepSeek-R1 released (open weights, MIT)");
  g_assert_cmpint (dates[13], ==, uc_time_from_ymd (2025, 3, 17));
  g_assert_cmpstr (uc_dataset_get_text (ds, titles, 13), ==, "BYD Super e-Platform: 1000 kW, 400 km in 5 minutes");
}

static void
test_deepseek_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  const char *ids[] = { "NVDA", "MSFT", "GOOGL", "META", "TSM", "ORCL", "AAPL", "AMZN" };
  gboolean r1 = FALSE, crash = FALSE;
  UcTime from, to;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_chart_spec_get_n_series (spec), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (spec, i)), ==, ids[i]);
  g_assert_true (uc_series_get_emphasis (uc_chart_spec_find_series (spec, "NVDA")));
  g_assert_null (uc_chart_spec_find_series (spec, "AVGO"));
  g_assert_nonnull (strstr (uc_chart_spec_get_note (spec), "Broadcom"));
  g_assert_cmpint (uc_chart_spec_get_value_format (spec), ==, UC_VALUE_MONEY);

  uc_chart_spec_get_range (spec, &from, &to);
  g_assert_cmpint (from, ==, uc_time_from_ymd (2024, 12, 2));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 3, 31));

  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);

      if (uc_event_get_time (event) == uc_time_from_ymd (2025, 1, 20))
        {
          r1 = TRUE;
          g_assert_cmpstr (uc_event_get_label (event), ==, "DeepSeek-R1 released");
          g_assert_cmpstr (uc_event_get_source_url (event), ==, "https://api-docs.deepseek.com/news/news250120");
        }
      if (uc_event_get_time (event) == uc_time_from_ymd (2025, 1, 27))
        {
          crash = TRUE;
          g_assert_cmpint (uc_event_get_category (event), ==, UC_EVENT_MARKET);
          g_assert_cmpstr (uc_event_get_label (event), ==, "NVDA −17.0% · −$593B");
        }
    }
  g_assert_true (r1);
  g_assert_true (crash);
}

static void
test_unknown_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("no-such-view", &error);

  g_assert_null (spec);
  g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datasets/catalog", test_catalog);
  g_test_add_func ("/datasets/market-caps", test_market_caps);
  g_test_add_func ("/datasets/events", test_events);
  g_test_add_func ("/views/deepseek-shock", test_deepseek_view);
  g_test_add_func ("/views/unknown", test_unknown_view);

  return g_test_run ();
}
