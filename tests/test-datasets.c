/* test-datasets.c: the embedded datasets hold the sourced figures, exactly */
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-file-source.h"
#include "uc-resource-source.h"
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

/* The embedded datasets, in order, each with what sources.json says of
 * where it came from; its last date is the last date in its table. */
static void
test_catalog (void)
{
  GListModel *catalog = G_LIST_MODEL (uc_catalog_get_default ());
  const struct { const char *id; guint rows; } expected[] = {
    { "market-caps", 10873 }, { "events", 44 }, { "model-releases", 136 }, { "api-prices", 102 },
    { "index-daily", 691 },
  };

  g_assert_true (g_list_model_get_item_type (catalog) == UC_TYPE_SOURCE);
  g_assert_cmpuint (g_list_model_get_n_items (catalog), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcSource) source = g_list_model_get_item (catalog, i);
      g_autoptr(UcDataset) ds = uc_catalog_load (expected[i].id, &error);
      g_autofree char *name = g_strdup_printf ("%s.csv", expected[i].id);
      g_autofree char *location = g_strdup_printf ("resource:///io/github/undercut/Undercut/datasets/%s", name);
      g_autofree char *file_name = uc_source_dup_file_name (source);
      g_autofree char *last = NULL;
      int dc;

      g_assert_no_error (error);
      g_assert_true (UC_IS_RESOURCE_SOURCE (source));
      g_assert_true (uc_catalog_find (uc_catalog_get_default (), expected[i].id) == source);
      g_assert_cmpstr (uc_source_get_id (source), ==, expected[i].id);
      g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, expected[i].rows);
      g_assert_cmpstr (uc_source_get_location (source), ==, location);
      g_assert_cmpstr (file_name, ==, name);
      g_assert_nonnull (uc_source_get_title (source));
      g_assert_nonnull (uc_source_get_publisher (source));
      g_assert_true (g_str_has_prefix (uc_source_get_url (source), "https://"));
      g_assert_cmpstr (uc_source_get_retrieved (source), ==, "2026-12-03");
      g_assert_null (uc_source_get_modified (source));
      dc = uc_dataset_find_column (ds, "date");
      g_assert_cmpint (dc, >=, 0);
      last = uc_time_format_date (uc_dataset_get_times (ds, dc)[uc_dataset_get_n_rows (ds) - 1]);
      g_assert_cmpstr (uc_source_get_last_date (source), ==, last);
      /* Read once: every later load has the same table. */
      g_assert_true (uc_source_is_loaded (source));
      {
        g_autoptr(UcDataset) again = uc_source_load (source, NULL, &error);

        g_assert_true (again == ds);
      }
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcDataset) none = uc_catalog_load ("no-such-dataset", &error);

    g_assert_null (none);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_null (uc_catalog_find (uc_catalog_get_default (), "no-such-dataset"));
  }
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               GArray     *changes)
{
  guint change[3] = { position, removed, added };

  g_array_append_vals (changes, change, 3);
}

/* A catalog changes while it is used: a source added, replaced by one of
 * the same id, removed; each change said by items-changed. */
static void
test_catalog_changes (void)
{
  g_autoptr(UcCatalog) catalog = uc_catalog_new ();
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "stooq-nvda.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UcSource) mine = uc_file_source_new (file);
  g_autoptr(UcSource) again = uc_file_source_new (file);
  UcSource *embedded = uc_catalog_find (uc_catalog_get_default (), "events");

  g_signal_connect (catalog, "items-changed", G_CALLBACK (count_changes), changes);
  uc_catalog_add (catalog, embedded);
  uc_catalog_add (catalog, mine);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 2);
  g_assert_true (uc_catalog_find (catalog, "stooq-nvda.csv") == mine);
  uc_catalog_add (catalog, again);
  g_assert_true (uc_catalog_find (catalog, "stooq-nvda.csv") == again);
  g_assert_true (uc_catalog_remove (catalog, "events"));
  g_assert_false (uc_catalog_remove (catalog, "events"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (catalog)), ==, 1);
  {
    const guint expected[] = { 0, 0, 1,  1, 0, 1,  1, 1, 1,  0, 1, 0 };

    g_assert_cmpmem (changes->data, changes->len * sizeof (guint), expected, sizeof expected);
  }
  /* The default catalog is not touched. */
  g_assert_true (uc_catalog_find (uc_catalog_get_default (), "events") == embedded);
}

/* A file of the user's: named and dated by its file, nobody named as its
 * publisher, read by the CSV reader. */
static void
test_file_source (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "stooq-nvda.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UcSource) source = uc_file_source_new (file);
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autofree char *credit = NULL;
  const UcProvenance *p;

  g_assert_cmpstr (uc_source_get_id (source), ==, "stooq-nvda.csv");
  g_assert_null (uc_source_get_publisher (source));
  g_assert_null (uc_source_get_retrieved (source));
  g_assert_nonnull (uc_source_get_modified (source));
  g_assert_cmpstr (uc_source_get_location (source), ==, path);
  g_assert_false (uc_source_is_loaded (source));
  ds = uc_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 60);

  /* Cited once, however often: by file name, nobody as publisher, the file's date. */
  uc_source_cite (source, spec);
  uc_source_cite (source, spec);
  g_assert_cmpuint (uc_chart_spec_get_n_provenance (spec), ==, 1);
  p = uc_chart_spec_get_provenance (spec, 0);
  g_assert_cmpstr (p->name, ==, "stooq-nvda.csv");
  g_assert_null (p->source);
  g_assert_cmpstr (p->location, ==, path);
  g_assert_cmpstr (p->date, ==, uc_source_get_modified (source));
  g_assert_cmpstr (p->date_kind, ==, "modified");
  credit = uc_source_dup_credit (source);
  g_assert_true (g_str_has_prefix (credit, "Source: stooq-nvda.csv, file of "));
}

typedef struct
{
  GMainLoop *loop;
  guint      pending;
  GPtrArray *datasets;
  GError    *error;
} Loads;

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loads *loads = user_data;
  g_autoptr(GError) error = NULL;
  UcDataset *ds = uc_source_load_finish (UC_SOURCE (object), result, &error);

  if (ds)
    g_ptr_array_add (loads->datasets, ds);
  else if (loads->error == NULL)
    loads->error = g_steal_pointer (&error);
  if (--loads->pending == 0)
    g_main_loop_quit (loads->loop);
}

/* Loading on a worker thread: loads asked for together read the file
 * once and get one table; a cancelled load says so; a missing file is an
 * error naming it. */
static void
test_source_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "stooq-nvda.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UcSource) source = uc_file_source_new (file);
  Loads loads = { g_main_loop_new (NULL, FALSE), 3, g_ptr_array_new_with_free_func (g_object_unref), NULL };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();

  uc_source_load_async (source, NULL, on_loaded, &loads);
  uc_source_load_async (source, NULL, on_loaded, &loads);
  uc_source_load_async (source, cancellable, on_loaded, &loads);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (loads.loop);
  g_assert_error (loads.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&loads.error);
  g_assert_cmpuint (loads.datasets->len, ==, 2);
  g_assert_true (g_ptr_array_index (loads.datasets, 0) == g_ptr_array_index (loads.datasets, 1));
  g_assert_true (uc_source_is_loaded (source));

  /* Kept: a later load answers at once, still through the main loop. */
  loads.pending = 1;
  uc_source_load_async (source, NULL, on_loaded, &loads);
  g_assert_cmpuint (loads.datasets->len, ==, 2);
  g_main_loop_run (loads.loop);
  g_assert_cmpuint (loads.datasets->len, ==, 3);
  g_assert_true (g_ptr_array_index (loads.datasets, 2) == g_ptr_array_index (loads.datasets, 0));

  {
    g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/prices.csv");
    g_autoptr(UcSource) nowhere = uc_file_source_new (missing);

    loads.pending = 1;
    uc_source_load_async (nowhere, NULL, on_loaded, &loads);
    g_main_loop_run (loads.loop);
    g_assert_error (loads.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (loads.error->message, "prices.csv"));
    g_clear_error (&loads.error);
    g_assert_false (uc_source_is_loaded (nowhere));
  }
  g_main_loop_unref (loads.loop);
  g_ptr_array_unref (loads.datasets);
}

static void
test_market_caps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load ("market-caps", &error);
  const double *close, *cap, *shares;
  int basis, kind;
  int before, after, avgo, smic, byd, byd_next;

  g_assert_no_error (error);
  close = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "close"));
  cap = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "market_cap"));
  shares = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "shares_outstanding"));
  basis = uc_dataset_find_column (ds, "basis");
  kind = uc_dataset_find_column (ds, "shares_kind");
  g_assert_cmpint (kind, >=, 0);

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
  g_assert_cmpstr (uc_dataset_get_text (ds, kind, before), ==, "reported");

  /* Broadcom: a cap on a proxy count (the quarter's weighted average),
   * flagged as such on every row. */
  avgo = find_row (ds, "AVGO", uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpfloat (close[avgo], ==, 199.5846);
  g_assert_cmpfloat (shares[avgo], ==, 4679000000.0);   /* Q4 FY2024, as of 2024-11-03 */
  g_assert_cmpfloat (cap[avgo], ==, 933856343400.0);
  g_assert_cmpstr (uc_dataset_get_text (ds, basis, avgo), ==, "market_cap");
  {
    const UcTime *dates = uc_dataset_get_times (ds, uc_dataset_find_column (ds, "date"));
    int tc = uc_dataset_find_column (ds, "ticker");
    guint n_avgo = 0;

    for (guint i = 0; i < uc_dataset_get_n_rows (ds); i++)
      if (g_strcmp0 (uc_dataset_get_text (ds, tc, i), "AVGO") == 0)
        {
          g_assert_cmpstr (uc_dataset_get_text (ds, kind, i), ==, "proxy");
          g_assert_false (isnan (cap[i]));
          n_avgo++;
        }
    g_assert_cmpuint (n_avgo, ==, 647);
    /* Before the first count (2024-05-05), the first count. */
    g_assert_cmpfloat (shares[find_row (ds, "AVGO", uc_time_from_ymd (2024, 1, 2))], ==, 4650000000.0);
    g_assert_cmpint (dates[uc_dataset_get_n_rows (ds) - 1], ==, uc_time_from_ymd (2026, 7, 31));
  }

  /* No count in the price range: a price, flagged, never a made-up cap. */
  smic = find_row (ds, "0981.HK", uc_time_from_ymd (2025, 1, 27));
  g_assert_true (isnan (cap[smic]));
  g_assert_cmpstr (uc_dataset_get_text (ds, basis, smic), ==, "price_only");
  g_assert_null (uc_dataset_get_text (ds, kind, smic));

  /* BYD closed +4.1% the session after its five-minute charge; Hong Kong
   * caps are in HKD. */
  byd = find_row (ds, "1211.HK", uc_time_from_ymd (2025, 3, 17));
  byd_next = find_row (ds, "1211.HK", uc_time_from_ymd (2025, 3, 18));
  g_assert_cmpfloat_with_epsilon (100 * (close[byd_next] / close[byd] - 1), 4.1, 0.005);
  g_assert_cmpstr (uc_dataset_get_text (ds, uc_dataset_find_column (ds, "currency"), byd), ==, "HKD");
  /* Hong Kong closes go on to 2025-10-30 for Tencent, to 2025-05-21 for BYD. */
  g_assert_cmpint (find_row (ds, "0700.HK", uc_time_from_ymd (2025, 10, 30)), >=, 0);
  g_assert_cmpint (find_row (ds, "1211.HK", uc_time_from_ymd (2025, 5, 22)), <, 0);
}

/* The benchmark: the Nasdaq Composite as FRED publishes it, a row per US
 * trading day, on the same days as the US closes. */
static void
test_index_daily (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load ("index-daily", &error);
  g_autoptr(UcDataset) caps = uc_catalog_load ("market-caps", &error);
  UcSource *source = uc_catalog_find (uc_catalog_get_default (), "index-daily");
  const UcTime *dates, *cap_dates;
  const double *close;
  int series, name, ticker;
  guint n_nvda = 0, at = 0;

  g_assert_no_error (error);
  dates = uc_dataset_get_times (ds, uc_dataset_find_column (ds, "date"));
  close = uc_dataset_get_numbers (ds, uc_dataset_find_column (ds, "close"));
  series = uc_dataset_find_column (ds, "series");
  name = uc_dataset_find_column (ds, "name");
  g_assert_cmpint (series, >=, 0);
  g_assert_cmpint (name, >=, 0);
  g_assert_cmpint (uc_dataset_find_column (ds, "source"), >=, 0);
  g_assert_cmpstr (uc_source_get_url (source), ==, "https://fred.stlouisfed.org/series/NASDAQCOM");
  g_assert_nonnull (strstr (uc_source_get_publisher (source), "FRED"));

  g_assert_cmpint (dates[0], ==, uc_time_from_ymd (2024, 1, 2));
  g_assert_cmpfloat (close[0], ==, 14765.94);
  g_assert_cmpint (dates[uc_dataset_get_n_rows (ds) - 1], ==, uc_time_from_ymd (2026, 10, 2));
  for (guint i = 0; i < uc_dataset_get_n_rows (ds); i++)
    {
      g_assert_cmpstr (uc_dataset_get_text (ds, series, i), ==, "NASDAQCOM");
      g_assert_cmpstr (uc_dataset_get_text (ds, name, i), ==, "Nasdaq Composite");
      g_assert_false (isnan (close[i]));
      g_assert_true (i == 0 || dates[i] > dates[i - 1]);
    }

  /* The DeepSeek-shock day: 19,954.30 → 19,341.83, −3.07%. */
  for (guint i = 1; i < uc_dataset_get_n_rows (ds); i++)
    if (dates[i] == uc_time_from_ymd (2025, 1, 27))
      {
        g_assert_cmpint (dates[i - 1], ==, uc_time_from_ymd (2025, 1, 24));
        g_assert_cmpfloat (close[i - 1], ==, 19954.30);
        g_assert_cmpfloat (close[i], ==, 19341.83);
        g_assert_cmpfloat_with_epsilon (100 * (close[i] / close[i - 1] - 1), -3.07, 0.005);
        at = i;
      }
  g_assert_cmpuint (at, >, 0);

  /* Its days to 2026-07-31 are exactly Nvidia's trading days. */
  cap_dates = uc_dataset_get_times (caps, uc_dataset_find_column (caps, "date"));
  ticker = uc_dataset_find_column (caps, "ticker");
  at = 0;
  for (guint i = 0; i < uc_dataset_get_n_rows (caps); i++)
    if (g_strcmp0 (uc_dataset_get_text (caps, ticker, i), "NVDA") == 0)
      {
        g_assert_cmpint (dates[at], ==, cap_dates[i]);
        at++;
        n_nvda++;
      }
  g_assert_cmpuint (n_nvda, ==, 647);
  g_assert_cmpint (dates[n_nvda - 1], ==, uc_time_from_ymd (2026, 7, 31));
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
  g_assert_cmpint (dates[43], ==, uc_time_from_ymd (2026, 8, 13));
  /* Corrected dates: GPT-4 on 2023-03-14 and DeepSeek-V3 on 2024-12-26,
   * not the papers' days. */
  g_assert_cmpint (dates[1], ==, uc_time_from_ymd (2023, 3, 14));
  g_assert_cmpstr (uc_dataset_get_text (ds, titles, 1), ==, "GPT-4 released");
  g_assert_cmpint (dates[8], ==, uc_time_from_ymd (2024, 12, 26));
  g_assert_cmpstr (uc_dataset_get_text (ds, titles, 8), ==, "DeepSeek-V3 released (open weights)");
  g_assert_cmpint (dates[10], ==, uc_time_from_ymd (2025, 1, 20));
  g_assert_cmpstr (uc_dataset_get_text (ds, titles, 10), ==, "DeepSeek-R1 released (open weights, MIT)");
  g_assert_cmpint (dates[18], ==, uc_time_from_ymd (2025, 3, 17));
  g_assert_cmpstr (uc_dataset_get_text (ds, titles, 18), ==, "BYD Super e-Platform: 1000 kW, 400 km in 5 minutes");
}

static void
test_deepseek_view (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  const char *ids[] = { "NVDA", "MSFT", "GOOGL", "META", "AVGO", "TSM", "ORCL", "AAPL", "AMZN" };
  gboolean r1 = FALSE, crash = FALSE;
  UcTime from, to;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_chart_spec_get_n_series (spec), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (spec, i)), ==, ids[i]);
  g_assert_true (uc_series_get_emphasis (uc_chart_spec_find_series (spec, "NVDA")));
  /* Broadcom is drawn, and the chart says its cap rests on a proxy count. */
  g_assert_nonnull (strstr (uc_chart_spec_get_note (spec), "Broadcom's market cap rests on a proxy share count"));
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

  /* The combined line: the eight with counts from filings, not Broadcom's
   * proxy, lost $842B that day. */
  {
    g_autoptr(UcView) view = uc_view_load ("deepseek-shock", &error);
    UcChartSpec *combined;
    gboolean labelled = FALSE;

    g_assert_no_error (error);
    combined = uc_view_get_chart (view, 1);
    g_assert_nonnull (strstr (uc_chart_spec_get_subtitle (combined), "but Broadcom"));
    for (guint i = 0; i < uc_chart_spec_get_n_events (combined); i++)
      if (uc_event_get_time (uc_chart_spec_get_event (combined, i)) == uc_time_from_ymd (2025, 1, 27))
        {
          g_assert_cmpstr (uc_event_get_label (uc_chart_spec_get_event (combined, i)), ==,
                           "US AI stocks −4.6% · −$842B");
          labelled = TRUE;
        }
    g_assert_true (labelled);
  }
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
  g_test_add_func ("/datasets/catalog-changes", test_catalog_changes);
  g_test_add_func ("/datasets/file-source", test_file_source);
  g_test_add_func ("/datasets/source-async", test_source_async);
  g_test_add_func ("/datasets/market-caps", test_market_caps);
  g_test_add_func ("/datasets/events", test_events);
  g_test_add_func ("/datasets/index-daily", test_index_daily);
  g_test_add_func ("/views/deepseek-shock", test_deepseek_view);
  g_test_add_func ("/views/unknown", test_unknown_view);

  return g_test_run ();
}
