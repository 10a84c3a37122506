/* test-refresh.c: sources.json, the refresh and its copies on disk, against a local server
 *
 * Every source is played by tests/uc-test-server.c replaying recorded
 * answers (tests/data/net), then playing hostile servers: each failure
 * must name the source's URL and cost nothing the user had.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-feed-cache.h"
#include "uc-feed-list.h"
#include "uc-feed-merge.h"
#include "uc-feed-mirror.h"
#include "uc-feed-rows.h"
#include "uc-json-writer.h"
#include "uc-net-error.h"
#include "uc-refresh.h"
#include "uc-test-server.h"
#include "uc-view.h"

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static void
test_sources_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcFeedList) feeds = uc_feed_list_new_default (&error);
  static const char *ids[] = { "fred", "models-dev", "openrouter", "epoch", "sec", "stooq" };
  static const struct { const char *json; const char *message; } bad[] = {
    { "[]", "expected {\"version\": 1" },
    { "{\"version\": 2, \"sources\": []}", "version 2 is not one" },
    { "{\"sources\": [{\"id\": \"x\"}]}", "source “x” needs a “title”" },
    { "{\"sources\": [{\"id\": \"../x\"}]}", "a source needs an “id”" },
    { "{\"sources\": [{\"id\": \"fred\", \"series\": [\"a/b\"]}]}", "a series id must be" },
    { "{\"sources\": [{\"id\": \"fred\", \"max_bytes\": \"big\"}]}", "“max_bytes” must be a number" },
    { "{\"sources\": [{\"id\": \"fred\", \"max_bytes\": 1e12}]}", "“max_bytes” must be a number" },
    { "{\"sources\": [{\"id\": \"fred\", \"needs_key\": 1}]}", "“needs_key” must be true or false" },
    { "{\"sources\": [{\"id\": \"n\", \"title\": \"t\", \"publisher\": \"p\", \"url\": \"https://x/{series}\", "
      "\"adapter\": \"csv\", \"dataset\": \"d\"}]}", "has {series} in its URL and no series" },
    { "{\"sources\": [", "sources.json" },
  };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (feeds)), ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      UcFeed *feed = uc_feed_list_find (feeds, ids[i]);

      g_assert_nonnull (feed);
      g_assert_nonnull (uc_feed_get_publisher (feed));
      g_assert_nonnull (uc_feed_get_licence (feed));
      g_assert_true (g_str_has_prefix (uc_feed_get_url (feed), "https://"));
      g_assert_cmpint (uc_feed_get_state (feed), ==, UC_FEED_NEVER);
    }
  g_assert_true (uc_feed_get_needs_key (uc_feed_list_find (feeds, "stooq")));
  g_assert_true (uc_feed_get_needs_contact (uc_feed_list_find (feeds, "sec")));
  g_assert_cmpstr (uc_feed_get_series_label (uc_feed_list_find (feeds, "sec"), "0001045810"), ==, "NVDA");

  /* A user's entry changes what it names and leaves the rest. */
  {
    static const char user[] = "{\"version\": 1, \"sources\": [{\"id\": \"fred\", \"url\": \"https://mirror.example/fred/{series}.csv\"}]}";

    g_assert_true (uc_feed_list_load_data (feeds, user, strlen (user), "user", &error));
    g_assert_no_error (error);
    g_assert_cmpstr (uc_feed_get_url (uc_feed_list_find (feeds, "fred")), ==, "https://mirror.example/fred/{series}.csv");
    g_assert_cmpstr (uc_feed_get_publisher (uc_feed_list_find (feeds, "fred")), ==, "Federal Reserve Bank of St. Louis (FRED)");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(UcFeedList) list = uc_feed_list_new_default (NULL);

      g_assert_false (uc_feed_list_load_data (list, bad[i].json, strlen (bad[i].json), "user sources.json", &error));
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, bad[i].message));
      g_assert_true (g_str_has_prefix (error->message, "user sources.json"));
      g_clear_error (&error);
    }
}

static void
test_keys_redacted (void)
{
  g_autoptr(UcFeedList) feeds = uc_feed_list_new_default (NULL);
  UcFeed *stooq = uc_feed_list_find (feeds, "stooq");
  g_autofree char *none = uc_feed_expand_url (stooq, "nvda.us", NULL);
  g_autofree char *url = uc_feed_expand_url (stooq, "nvda.us", "s3cr&t");
  g_autofree char *shown = uc_feed_redact_url (stooq, url);

  g_assert_null (none);
  g_assert_cmpstr (url, ==, "https://stooq.com/q/d/l/?s=nvda.us&i=d&apikey=s3cr%26t");
  g_assert_cmpstr (shown, ==, "https://stooq.com/q/d/l/?s=nvda.us&i=d&apikey=…");
}

/* A test's world: a server, feeds pointing at it, a folder of copies. */
typedef struct
{
  UcTestServer *server;
  UcFeedList   *feeds;
  UcFetcher    *fetcher;
  UcRefresh    *refresh;
  char         *home;
  char         *dir;
} World;

static const char FEEDS[] =
  "{\"version\": 1, \"sources\": ["
  "{\"id\": \"fred\", \"url\": \"%s/fred/{series}\", \"series\": {\"SP500\": \"S&P 500\", \"DEXCHUS\": \"CNY per USD\"},"
  " \"insecure_http\": true},"
  "{\"id\": \"models-dev\", \"url\": \"%s/models\", \"insecure_http\": true},"
  "{\"id\": \"openrouter\", \"url\": \"%s/openrouter\", \"insecure_http\": true},"
  "{\"id\": \"stooq\", \"url\": \"%s/stooq?s={series}&apikey={key}\", \"series\": {\"nvda.us\": \"NVDA\"},"
  " \"requests_per_second\": 0, \"insecure_http\": true},"
  "{\"id\": \"epoch\", \"url\": \"%s/epoch.csv\", \"insecure_http\": true},"
  "{\"id\": \"sec\", \"url\": \"%s/sec/CIK{series}.json\", \"series\": {\"0001045810\": \"NVDA\"}, \"insecure_http\": true}"
  "]}";

static void
world_serve_recorded (World *w)
{
  uc_test_server_set_file (w->server, "/fred/SP500", "text/csv", "fredgraph_sp500.csv");
  uc_test_server_set_file (w->server, "/fred/DEXCHUS", "text/csv", "fredgraph_dexchus_2024-09.csv");
  uc_test_server_set_file (w->server, "/models", "application/json", "modelsdev_2026-05-10.json");
  uc_test_server_set_file (w->server, "/openrouter", "application/json", "openrouter_models.json");
  uc_test_server_set_file (w->server, "/stooq?s=nvda.us&apikey=k3y", "text/csv", "stooq_nvda_us_d.csv");
  uc_test_server_set_file (w->server, "/epoch.csv", "text/csv", "epoch_notable_2026-07.csv");
  uc_test_server_set_file (w->server, "/sec/CIK0001045810.json", "application/json", "sec_companyfacts_nvda.json");
}

static World *
world_new (void)
{
  World *w = g_new0 (World, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 12, 3, 12, 0, 0);

  w->home = g_dir_make_tmp ("undercut-refresh-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("UNDERCUT_DATA_DIR", w->home, TRUE);
  w->dir = uc_feed_cache_dir ();
  w->server = uc_test_server_new ();
  base = uc_test_server_url (w->server, "");
  json = g_strdup_printf (FEEDS, base, base, base, base, base, base);
  w->feeds = uc_feed_list_new_default (NULL);
  g_assert_true (uc_feed_list_load_data (w->feeds, json, strlen (json), "test", &error));
  g_assert_no_error (error);
  w->fetcher = uc_fetcher_new (1);
  w->refresh = uc_refresh_new (w->feeds, w->fetcher, w->dir);
  uc_refresh_set_key (w->refresh, "stooq", "k3y");
  uc_refresh_set_contact (w->refresh, "Analyst analyst@example.org");
  uc_refresh_set_now (w->refresh, now);
  world_serve_recorded (w);
  return w;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
world_free (World *w)
{
  g_clear_object (&w->refresh);
  g_clear_object (&w->fetcher);
  g_clear_object (&w->feeds);
  uc_test_server_free (w->server);
  remove_tree (w->home);
  g_unsetenv ("UNDERCUT_DATA_DIR");
  g_free (w->home);
  g_free (w->dir);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

typedef struct
{
  gboolean done;
  guint    failed;
  GError  *error;
} Done;

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  Done *d = data;

  d->failed = uc_refresh_run_finish (UC_REFRESH (object), result, &d->error);
  d->done = TRUE;
}

static guint
run (World      *w,
     const char *only)
{
  const char *played[] = { "fred", "models-dev", "openrouter", "stooq", "epoch", "sec", NULL };
  const char *ids[] = { only, NULL };
  Done d = { 0 };

  uc_refresh_run_async (w->refresh, only ? ids : played, NULL, on_done, &d);
  while (!d.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (d.error);
  return d.failed;
}

static UcFeed *
feed (World      *w,
      const char *id)
{
  return uc_feed_list_find (w->feeds, id);
}

static char *
dataset_text (World      *w,
              const char *name)
{
  g_autofree char *dir = uc_feed_merge_dir (w->dir);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return read_text (path);
}

static void
test_refresh_recorded (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UcFeedRecord) record = NULL;
  g_autofree char *prices = NULL;
  g_autofree char *index = NULL;
  g_autofree char *retrieved = NULL;

  g_assert_cmpuint (run (w, NULL), ==, 0);
  g_assert_cmpint (uc_feed_get_state (feed (w, "fred")), ==, UC_FEED_FRESH);
  /* 289 S&P 500 days with a value (11 holidays empty) and 288 CNY (12 "."). */
  g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "fred")), ==, 289 + 288);
  g_assert_cmpstr (uc_feed_get_data_as_of (feed (w, "fred")), ==, "2026-04-14");
  g_assert_cmpstr (uc_feed_get_retrieved (feed (w, "fred")), ==, "2026-12-03T12:00:00Z");
  g_assert_cmpint (uc_feed_get_state (feed (w, "models-dev")), ==, UC_FEED_FRESH);
  g_assert_cmpint (uc_feed_get_state (feed (w, "openrouter")), ==, UC_FEED_FRESH);
  g_assert_cmpint (uc_feed_get_state (feed (w, "stooq")), ==, UC_FEED_FRESH);
  g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "stooq")), ==, 299);
  g_assert_cmpstr (uc_feed_get_data_as_of (feed (w, "stooq")), ==, "2026-01-09");

  /* The copy on disk says the same, and names no key. */
  record = uc_feed_cache_read (w->dir, "stooq", &error);
  g_assert_no_error (error);
  g_assert_cmpint (record->state, ==, UC_FEED_FRESH);
  g_assert_cmpuint (record->items->len, ==, 1);
  g_assert_null (strstr (((UcFeedItem *) g_ptr_array_index (record->items, 0))->url, "k3y"));

  /* Prices: the datasets the refresh extended, each added row dated. */
  prices = dataset_text (w, "api-prices.csv");
  g_assert_nonnull (strstr (prices, ",models-dev:deepseek/deepseek-v4-pro,2026-12-03T12:00:00Z,"));
  g_assert_null (strstr (prices, "openrouter:"));
  index = dataset_text (w, "index-daily.csv");
  g_assert_nonnull (strstr (index, "2026-04-14,SP500,S&P 500,"));

  /* Epoch's July 2026 file is not newer than the snapshot's releases
   * (to 2026-07-16): it adds nothing, and repeats nothing. SEC's share
   * counts are asked with the contact SEC wants. */
  g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "epoch")), ==, 40);
  g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "sec")), ==, 68);
  g_assert_cmpstr (uc_feed_get_data_as_of (feed (w, "epoch")), ==, "2026-07-15");
  {
    g_autofree char *releases = dataset_text (w, "model-releases.csv");
    g_autofree char *agent = uc_test_server_agent (w->server, "/sec/CIK0001045810.json");
    g_autofree char *plain = uc_test_server_agent (w->server, "/epoch.csv");

    g_autofree char *sidecar = dataset_text (w, "model-releases.json");

    g_assert_null (strstr (releases, "publication date (Epoch AI)"));
    g_assert_nonnull (strstr (sidecar, "\"rows_added\": 0"));
    g_test_message ("agent: %s", agent);
    g_assert_true (g_str_has_prefix (agent, "Undercut/"));
    g_assert_nonnull (strstr (agent, "analyst@example.org"));
    g_assert_null (strstr (plain, "analyst@example.org"));
  }

  /* Again: every source unchanged costs one 304 and keeps its date. */
  retrieved = g_strdup (uc_feed_get_retrieved (feed (w, "fred")));
  {
    g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 4, 12, 0, 0);

    uc_refresh_set_now (w->refresh, later);
  }
  g_assert_cmpuint (run (w, NULL), ==, 0);
  g_assert_cmpuint (uc_test_server_not_modified (w->server, "/fred/SP500"), ==, 1);
  g_assert_cmpuint (uc_test_server_not_modified (w->server, "/models"), ==, 1);
  g_assert_cmpint (uc_feed_get_state (feed (w, "fred")), ==, UC_FEED_FRESH);
  g_assert_cmpstr (uc_feed_get_retrieved (feed (w, "fred")), ==, retrieved);
  g_assert_cmpstr (uc_feed_get_checked (feed (w, "fred")), ==, "2026-12-04T12:00:00Z");
  g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "fred")), ==, 289 + 288);
}

/* models.dev a month later: prices moved in place; the history keeps
 * both, and the list prices gain a row dated the day the change was seen. */
static void
test_price_history (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 10, 9, 0, 0);
  g_autoptr(UcFeedRecord) record = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcFeedRows) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *prices = NULL;
  guint first;

  g_assert_cmpuint (run (w, "models-dev"), ==, 0);
  first = uc_feed_get_n_rows (feed (w, "models-dev"));
  uc_test_server_set_file (w->server, "/models", "application/json", "modelsdev_sample.json");
  uc_refresh_set_now (w->refresh, later);
  g_assert_cmpuint (run (w, "models-dev"), ==, 0);
  g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "models-dev")), >, first);

  record = uc_feed_cache_read (w->dir, "models-dev", &error);
  g_assert_no_error (error);
  bytes = uc_feed_cache_load (w->dir, "models-dev", record->rows_file, NULL, &error);
  g_assert_no_error (error);
  history = uc_feed_rows_from_csv (bytes, "rows", &error);
  g_assert_no_error (error);
  /* deepseek-v4-pro: 1.74/3.48 seen on 3 December, 0.435/0.87 on 10 December. */
  {
    guint seen = 0;

    for (guint r = 0; r < history->rows->len; r++)
      {
        char **row = g_ptr_array_index (history->rows, r);

        if (!g_str_equal (row[uc_feed_rows_column (history, "model")], "deepseek-v4-pro"))
          continue;
        g_assert_cmpstr (row[0], ==, seen == 0 ? "2026-12-03" : "2026-12-10");
        g_assert_cmpstr (row[uc_feed_rows_column (history, "input_usd_per_mtok")], ==, seen == 0 ? "1.74" : "0.435");
        seen++;
      }
    g_assert_cmpuint (seen, ==, 2);
  }
  prices = dataset_text (w, "api-prices.csv");
  g_assert_nonnull (strstr (prices, "2026-12-10,DeepSeek,deepseek-v4-pro,CN,0.435,0.87,,observed,day a refresh saw it,"));
}

typedef struct
{
  const char      *name;
  const char      *path;
  UcTestBehaviour  behaviour;
  guint            status;
  const char      *type;
  const char      *body;       /* text, or a fixture's name after "@" */
  const char      *headers;
  const char      *message;
} Hostile;

static const Hostile hostile[] = {
  { "404", "/fred/SP500", UC_TEST_ANSWER, 404, NULL, "", NULL, "HTTP 404" },
  { "500", "/fred/SP500", UC_TEST_ANSWER, 500, "text/plain", "oops", NULL, "HTTP 500" },
  { "503 Retry-After", "/models", UC_TEST_ANSWER, 503, NULL, "", "Retry-After: 120\r\n", "HTTP 503 (try again after 120 s)" },
  { "HTML page", "/fred/SP500", UC_TEST_ANSWER, 200, "text/html", "<html><body>Sign in</body></html>", NULL, "answered text/html" },
  { "HTML as CSV", "/fred/SP500", UC_TEST_ANSWER, 200, "text/csv", "<!DOCTYPE html><html><body>x</body></html>\n", NULL, "" },
  { "truncated", "/fred/SP500", UC_TEST_TRUNCATE, 200, "text/csv", "@fredgraph_sp500.csv", NULL, "" },
  { "stall", "/models", UC_TEST_STALL, 200, NULL, NULL, NULL, "" },
  { "redirect loop", "/openrouter", UC_TEST_LOOP, 302, NULL, NULL, NULL, "" },
  { "image", "/openrouter", UC_TEST_ANSWER, 200, "image/png", "\x89PNG\r\n", NULL, "answered image/png" },
  { "invalid UTF-8", "/fred/SP500", UC_TEST_ANSWER, 200, "text/csv", "observation_date,SP500\n2026-04-15,\xff\xfe\n", NULL, "" },
  { "JSON renamed", "/models", UC_TEST_ANSWER, 200, "application/json", "{\"deepseek\": {\"id\": \"deepseek\", \"modelle\": {}}}", NULL, "" },
  { "JSON wrong types", "/openrouter", UC_TEST_ANSWER, 200, "application/json", "{\"data\": [{\"id\": 5, \"pricing\": \"free\"}]}", NULL, "" },
  { "columns renamed", "/fred/SP500", UC_TEST_ANSWER, 200, "text/csv", "date,value\n2026-04-15,6000\n", NULL, "expected the header" },
  { "collapse", "/fred/SP500", UC_TEST_ANSWER, 200, "text/csv",
    "observation_date,SP500\n2026-04-15,6000\n2026-04-16,6010\n2026-04-17,6020\n", NULL, "answered 3 rows where the copy on disk has 289" },
  { "future", "/fred/SP500", UC_TEST_ANSWER, 200, "text/csv",
    "observation_date,SP500\n2027-04-15,6000\n", NULL, "after today" },
  { "Stooq refusal", "/stooq?s=nvda.us&apikey=k3y", UC_TEST_ANSWER, 200, "text/csv", "@stooq_refusal.txt", NULL, "" },
  { "Stooq no data", "/stooq?s=nvda.us&apikey=k3y", UC_TEST_ANSWER, 200, "text/csv", "@stooq_nodata.txt", NULL, "" },
  { "schema version", "/models", UC_TEST_ANSWER, 200, "application/json", "[1, 2, 3]", NULL, "" },
  { "too large", "/openrouter", UC_TEST_ANSWER, 200, "application/json", "!", NULL, "larger than" },
};

static const char *
feed_of (const char *path)
{
  return g_str_has_prefix (path, "/fred") ? "fred" : g_str_has_prefix (path, "/models") ? "models-dev"
         : g_str_has_prefix (path, "/stooq") ? "stooq" : "openrouter";
}

static GBytes *
hostile_body (const Hostile *h,
              gsize          limit)
{
  if (h->body == NULL)
    return NULL;
  if (g_str_equal (h->body, "!"))
    {
      /* Ten times the source's limit. */
      char *big = g_malloc (limit * 10);

      memset (big, ' ', limit * 10);
      return g_bytes_new_take (big, limit * 10);
    }
  if (h->body[0] == '@')
    return uc_test_fixture (h->body + 1);
  return g_bytes_new_static (h->body, strlen (h->body));
}

/* After a good refresh, each hostile answer is refused with a message
 * naming the URL, and the copy on disk, its rows and the datasets built
 * from it stay as they were. */
static void
test_hostile (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(GError) error = NULL;

  /* A small limit for OpenRouter, so ten times it is quick to send. */
  {
    static const char small[] = "{\"sources\": [{\"id\": \"openrouter\", \"max_bytes\": 200000}]}";

    g_assert_true (uc_feed_list_load_data (w->feeds, small, strlen (small), "test", &error));
  }
  g_assert_cmpuint (run (w, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      const Hostile *h = &hostile[i];
      const char *id = feed_of (h->path);
      UcFeed *f = feed (w, id);
      g_autoptr(GBytes) body = hostile_body (h, uc_feed_get_max_bytes (f));
      g_autoptr(UcFeedRecord) before = uc_feed_cache_read (w->dir, id, &error);
      g_autoptr(UcFeedRecord) after = NULL;
      g_autofree char *prices = dataset_text (w, "api-prices.csv");
      g_autofree char *index = dataset_text (w, "index-daily.csv");
      g_autofree char *prices_after = NULL;
      g_autofree char *index_after = NULL;
      g_autofree char *url = uc_test_server_url (w->server, h->path);
      g_autofree char *shown = uc_feed_redact_url (f, url);

      g_test_message ("%s", h->name);
      uc_test_server_set (w->server, h->path, h->behaviour, h->status, h->type, body, h->headers);
      g_assert_cmpuint (run (w, id), ==, 1);
      g_test_message ("  %s", uc_feed_get_message (f));
      g_assert_cmpint (uc_feed_get_state (f), ==, UC_FEED_REFUSED);
      g_assert_true (g_str_has_prefix (uc_feed_get_message (f), shown));
      g_assert_nonnull (strstr (uc_feed_get_message (f), h->message));
      g_assert_null (strstr (uc_feed_get_message (f), "k3y"));
      /* Nothing the user had is lost. */
      after = uc_feed_cache_read (w->dir, id, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (after->rows_file, ==, before->rows_file);
      g_assert_cmpuint (after->rows, ==, before->rows);
      g_assert_cmpstr (after->retrieved, ==, before->retrieved);
      g_assert_cmpstr (after->message, ==, uc_feed_get_message (f));
      g_assert_cmpuint (uc_feed_get_n_rows (f), ==, before->rows);
      prices_after = dataset_text (w, "api-prices.csv");
      index_after = dataset_text (w, "index-daily.csv");
      g_assert_cmpstr (prices_after, ==, prices);
      g_assert_cmpstr (index_after, ==, index);
      world_serve_recorded (w);
      g_assert_cmpuint (run (w, id), ==, 0);
      g_assert_cmpint (uc_feed_get_state (f), ==, UC_FEED_FRESH);
    }
}

/* Sources wanting a key or contact nobody gave are not asked. */
static void
test_needs_key (void)
{
  g_autoptr(World) w = world_new ();

  uc_refresh_set_key (w->refresh, "stooq", NULL);
  g_assert_cmpuint (run (w, "stooq"), ==, 1);
  g_assert_cmpint (uc_feed_get_state (feed (w, "stooq")), ==, UC_FEED_NEEDS_KEY);
  g_assert_cmpuint (uc_test_server_hits (w->server, "/stooq?s=nvda.us&apikey=k3y"), ==, 0);
}

/* A copy on disk changed behind the refresh's back is not data. */
static void
test_tampered_copy (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(UcFeedRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  UcFeedItem *item;

  g_assert_cmpuint (run (w, "fred"), ==, 0);
  record = uc_feed_cache_read (w->dir, "fred", &error);
  item = g_ptr_array_index (record->items, 0);
  path = g_build_filename (w->dir, "fred", item->body, NULL);
  g_assert_true (g_file_set_contents (path, "observation_date,SP500\n", -1, NULL));
  /* The server says "unchanged"; the copy is not what was kept: refused. */
  g_assert_cmpuint (run (w, "fred"), ==, 1);
  g_assert_nonnull (strstr (uc_feed_get_message (feed (w, "fred")), "changed on disk"));
}

/* A mirror written from one machine's copies serves another's refresh. */
static void
test_mirror (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (w->home, "mirror", NULL);
  g_autofree char *manifest = NULL;
  g_autofree char *manifest_path = g_build_filename (out, "manifest.json", NULL);
  guint n_files = 0;

  g_assert_cmpuint (run (w, NULL), ==, 0);
  g_assert_true (uc_feed_mirror_write (w->feeds, w->dir, out, &n_files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_files, >=, 6);
  manifest = read_text (manifest_path);
  g_assert_nonnull (strstr (manifest, "\"path\": \"fred/SP500.csv\""));
  g_assert_nonnull (strstr (manifest, "\"path\": \"models-dev/data.json\""));
  g_assert_nonnull (strstr (manifest, "\"sha256\": "));
  g_assert_null (strstr (manifest, "k3y"));
  /* Served back, the mirror's files read as the sources' own. */
  {
    g_autofree char *sp500_path = g_build_filename (out, "fred", "SP500.csv", NULL);
    g_autofree char *sp500 = read_text (sp500_path);
    g_autoptr(GBytes) body = g_bytes_new (sp500, strlen (sp500));
    g_autofree char *base = uc_test_server_url (w->server, "/mirror/fred/{series}.csv");
    g_autofree char *json = g_strdup_printf ("{\"sources\": [{\"id\": \"fred\", \"url\": \"%s\", \"series\": [\"SP500\"]}]}", base);

    uc_test_server_set (w->server, "/mirror/fred/SP500.csv", UC_TEST_ANSWER, 200, "text/csv", body, NULL);
    g_assert_true (uc_feed_list_load_data (w->feeds, json, strlen (json), "test", &error));
    g_assert_cmpuint (run (w, "fred"), ==, 0);
    g_assert_cmpuint (uc_test_server_hits (w->server, "/mirror/fred/SP500.csv"), ==, 1);
    g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "fred")), ==, 289);
  }
}

/* A refresh's datasets stand in for the embedded ones in the catalog,
 * the snapshot's rows first. */
static void
test_catalog_uses_refreshed (void)
{
  g_autoptr(World) w = world_new ();
  UcCatalog *catalog = uc_catalog_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) embedded = uc_catalog_load ("api-prices", &error);
  g_autoptr(UcDataset) refreshed = NULL;
  UcSource *source;
  guint n;

  g_assert_no_error (error);
  n = uc_dataset_get_n_rows (embedded);
  {
    g_autoptr(GDateTime) later = g_date_time_new_utc (2026, 12, 24, 8, 0, 0);

    uc_refresh_set_now (w->refresh, later);
  }
  g_assert_cmpuint (run (w, "models-dev"), ==, 0);
  uc_catalog_reload_refreshed (catalog);
  source = uc_catalog_find (catalog, "api-prices");
  g_assert_cmpstr (uc_source_get_retrieved (source), ==, "2026-12-24");
  g_assert_nonnull (strstr (uc_source_get_publisher (source), "models.dev"));
  refreshed = uc_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (refreshed), >, n);
  g_assert_cmpint (uc_dataset_find_column (refreshed, "retrieved"), >=, 0);

  /* A broken copy falls back to the snapshot. */
  {
    g_autofree char *dir = uc_feed_merge_dir (w->dir);
    g_autofree char *path = g_build_filename (dir, "api-prices.csv", NULL);
    g_autoptr(UcDataset) fallback = NULL;

    g_assert_true (g_file_set_contents (path, "", 0, NULL));
    uc_catalog_reload_refreshed (catalog);
    fallback = uc_source_load (uc_catalog_find (catalog, "api-prices"), NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (uc_dataset_get_n_rows (fallback), ==, n);
  }
  /* Gone: the embedded dataset again. */
  remove_tree (w->home);
  uc_catalog_reload_refreshed (catalog);
  g_assert_true (g_str_has_prefix (uc_source_get_location (uc_catalog_find (catalog, "api-prices")), "resource://"));
}

/* Every file a record names is whole: what a killed refresh must leave. */
static void
assert_copies_whole (World *w)
{
  static const char *ids[] = { "fred", "models-dev", "openrouter", "epoch" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcFeedRecord) record = uc_feed_cache_read (w->dir, ids[i], &error);

      g_assert_no_error (error);
      if (record == NULL)
        continue;
      for (guint k = 0; k < record->items->len; k++)
        {
          UcFeedItem *item = g_ptr_array_index (record->items, k);
          g_autoptr(GBytes) body = uc_feed_cache_load (w->dir, ids[i], item->body, item->sha256, &error);

          g_assert_no_error (error);
        }
      if (record->rows_file)
        {
          g_autoptr(GBytes) bytes = uc_feed_cache_load (w->dir, ids[i], record->rows_file, NULL, &error);
          g_autoptr(UcFeedRows) rows = bytes ? uc_feed_rows_from_csv (bytes, "rows", &error) : NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (rows->rows->len, ==, record->rows);
        }
    }
}

/* `undercut refresh` killed at any moment leaves the last good copies. */
static void
test_killed (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_build_filename (w->home, "config", "undercut", NULL);
  g_autofree char *user = g_build_filename (config, "sources.json", NULL);
  g_autofree char *config_home = g_build_filename (w->home, "config", NULL);
  g_autofree char *base = uc_test_server_url (w->server, "");
  g_autofree char *json = g_strdup_printf (FEEDS, base, base, base, base, base, base);
  const char *bin = g_getenv ("UNDERCUT_BIN");
  GRand *rand = g_rand_new_with_seed (12);
  guint killed = 0;

  g_assert_nonnull (bin);
  g_assert_cmpint (g_mkdir_with_parents (config, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user, json, -1, NULL));
  for (guint round = 0; round < 24; round++)
    {
      const char *argv[] = { bin, "refresh", "--source", "fred", "--source", "models-dev", "--source", "openrouter",
                             "--source", "epoch", NULL };
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                          G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_autoptr(GSubprocess) child = NULL;

      /* Each round has something new to write. */
      uc_test_server_set_file (w->server, "/models", "application/json",
                               round % 2 ? "modelsdev_sample.json" : "modelsdev_2026-05-10.json");
      uc_test_server_set_file (w->server, "/openrouter", "application/json",
                               round % 2 ? "openrouter_models_2025-12.json" : "openrouter_models.json");
      g_subprocess_launcher_setenv (launcher, "UNDERCUT_DATA_DIR", w->home, TRUE);
      g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
      child = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      /* The server accepts on this thread's main context: keep it turning. */
      for (gint64 end = g_get_monotonic_time () + g_rand_int_range (rand, 0, 70000); g_get_monotonic_time () < end;)
        if (!g_main_context_iteration (NULL, FALSE))
          g_usleep (200);
      g_subprocess_force_exit (child);
      g_subprocess_wait (child, NULL, &error);
      g_assert_no_error (error);
      killed += g_subprocess_get_if_signaled (child);
      assert_copies_whole (w);
    }
  g_test_message ("%u of 24 refreshes killed midway", killed);
  g_rand_free (rand);
  /* And the next refresh takes up from what was left. */
  g_assert_cmpuint (run (w, "models-dev"), ==, 0);
  assert_copies_whole (w);
}

/* Any CSV at a URL a user names: read by the CSV reader, its dialect
 * found as for a file, and a dataset of its own in the catalog. */
static void
test_csv_at_url (void)
{
  g_autoptr(World) w = world_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = uc_test_server_url (w->server, "/mine.csv");
  g_autofree char *json = g_strdup_printf ("{\"sources\": [{\"id\": \"mine\", \"title\": \"Prices I keep\", "
                                           "\"publisher\": \"A reader\", \"url\": \"%s\", \"adapter\": \"csv\", "
                                           "\"dataset\": \"my-prices\", \"insecure_http\": true}]}", url);
  static const char table[] = "Datum;Preis;Anbieter\r\n2026-01-02;1,5;\"A; B\"\r\n2026-01-05;1,25;C\r\n";
  g_autoptr(GBytes) body = g_bytes_new_static (table, strlen (table));
  g_autoptr(UcDataset) data = NULL;
  UcCatalog *catalog = uc_catalog_get_default ();
  UcSource *source;

  g_assert_true (uc_feed_list_load_data (w->feeds, json, strlen (json), "user", &error));
  uc_test_server_set (w->server, "/mine.csv", UC_TEST_ANSWER, 200, "text/csv", body, NULL);
  g_assert_cmpuint (run (w, "mine"), ==, 0);
  uc_catalog_reload_refreshed (catalog);
  source = uc_catalog_find (catalog, "my-prices");
  g_assert_nonnull (source);
  g_assert_cmpstr (uc_source_get_title (source), ==, "Prices I keep");
  g_assert_cmpstr (uc_source_get_last_date (source), ==, "2026-01-05");
  data = uc_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (data), ==, 2);
  g_assert_cmpfloat (uc_dataset_get_numbers (data, uc_dataset_find_column (data, "Preis"))[1], ==, 1.25);

  /* A page where the CSV was: refused, the dataset kept. */
  {
    static const char page[] = "<!doctype html><html><body>Moved</body></html>";
    g_autoptr(GBytes) html = g_bytes_new_static (page, strlen (page));

    uc_test_server_set (w->server, "/mine.csv", UC_TEST_ANSWER, 200, "text/csv", html, NULL);
    g_assert_cmpuint (run (w, "mine"), ==, 1);
    g_assert_cmpuint (uc_feed_get_n_rows (feed (w, "mine")), ==, 2);
  }
  uc_catalog_remove (catalog, "my-prices");
}

/* Closes from a source on another basis are rescaled at the join, never
 * spliced as they are. The answer here is made up for the test (round
 * numbers around the snapshot's last day), not a recorded one. */
static void
test_caps_joined (void)
{
  g_autoptr(World) w = world_new ();
  static const char made_up[] =
    "Date,Open,High,Low,Close,Volume\r\n"
    "2026-07-30,200,202,198,199,1000\r\n"
    "2026-07-31,200,202,198,201,1000\r\n"
    "2026-08-03,204,206,203,205,1000\r\n"
    "2026-08-04,205,207,204,206,1000\r\n";
  g_autoptr(GBytes) body = g_bytes_new_static (made_up, strlen (made_up));
  g_autofree char *caps = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *close_text = NULL;
  double ratio = 200.75 / 201, close = round (205 * ratio * 10000) / 10000;

  uc_test_server_set (w->server, "/stooq?s=nvda.us&apikey=k3y", UC_TEST_ANSWER, 200, "text/csv", body, NULL);
  g_assert_cmpuint (run (w, "sec"), ==, 0);
  g_assert_cmpuint (run (w, "stooq"), ==, 0);
  caps = dataset_text (w, "market-caps.csv");
  /* The snapshot ends on 2026-07-31 at $200.75: its day is not replaced. */
  g_assert_nonnull (strstr (caps, "\n2026-07-31,NVDA,Nvidia,US,USD,200.75,24200000000,2026-05-15,reported,4858150000000,market_cap,"));
  g_assert_null (strstr (caps, "\n2026-07-31,NVDA,Nvidia,US,USD,201"));
  close_text = uc_format_double_shortest (close);
  expected = g_strdup_printf ("\n2026-08-03,NVDA,Nvidia,US,USD,%s,24200000000,2026-05-15,reported,%.0f,"
                              "\"market_cap; joined: Stooq nvda.us (daily closes, not dividend-adjusted) rescaled ×%.6f at 2026-07-31\",",
                              close_text, round (close * 24200000000.0), ratio);
  g_test_message ("%s", expected);
  g_assert_nonnull (strstr (caps, expected));
  g_assert_nonnull (strstr (caps, "\n2026-08-04,NVDA,"));
  g_assert_null (strstr (caps, "\n2026-08-03,MSFT,"));

  /* A chart of the joined caps marks the join's day. */
  {
    static const char view_json[] =
      "{\"id\": \"joined\", \"title\": \"Joined\", \"charts\": [{\"title\": \"Nvidia\", \"dataset\": \"market-caps\","
      " \"series\": {\"key\": \"ticker\", \"value\": \"market_cap\", \"only\": [\"NVDA\"]},"
      " \"range\": [\"2026-07-01\", \"latest\"], \"source\": \"Source: test.\"}]}";
    g_autoptr(GBytes) json = g_bytes_new_static (view_json, strlen (view_json));
    g_autoptr(GError) error = NULL;
    g_autoptr(UcView) view = NULL;
    UcChartSpec *chart;
    gboolean marked = FALSE;

    uc_catalog_reload_refreshed (uc_catalog_get_default ());
    view = uc_view_new_from_bytes (json, "joined.json", &error);
    g_assert_no_error (error);
    chart = uc_view_get_chart (view, 0);
    for (guint i = 0; i < uc_chart_spec_get_n_events (chart); i++)
      {
        UcEvent *event = uc_chart_spec_get_event (chart, i);
        g_autofree char *day = uc_time_format_date (uc_event_get_time (event));

        marked |= g_str_equal (day, "2026-07-31") && strstr (uc_event_get_title (event), "joined") != NULL;
      }
    g_assert_true (marked);
    g_assert_nonnull (strstr (uc_chart_spec_get_source (chart), "refreshed 3 Dec 2026 from Stooq"));
  }

  /* No close on the join day: no join, nothing added. */
  {
    static const char gap[] = "Date,Open,High,Low,Close,Volume\r\n2026-08-03,204,206,203,205,1000\r\n";
    g_autoptr(GBytes) gap_body = g_bytes_new_static (gap, strlen (gap));
    g_autofree char *after = NULL;

    uc_test_server_set (w->server, "/stooq?s=nvda.us&apikey=k3y", UC_TEST_ANSWER, 200, "text/csv", gap_body, NULL);
    g_assert_cmpuint (run (w, "stooq"), ==, 0);
    after = dataset_text (w, "market-caps.csv");
    g_assert_null (strstr (after, "\n2026-08-03,NVDA,"));
    g_assert_nonnull (strstr (after, "\n2026-07-31,NVDA,Nvidia,US,USD,200.75,"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = g_dir_make_tmp ("undercut-config-XXXXXX", NULL);
  int status;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: the system's proxy settings schema,
   * which the session reads, is found through XDG_DATA_DIRS. A user's
   * own sources.json must not reach the tests. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/refresh/sources-json", test_sources_json);
  g_test_add_func ("/refresh/keys-redacted", test_keys_redacted);
  g_test_add_func ("/refresh/recorded", test_refresh_recorded);
  g_test_add_func ("/refresh/price-history", test_price_history);
  g_test_add_func ("/refresh/hostile", test_hostile);
  g_test_add_func ("/refresh/needs-key", test_needs_key);
  g_test_add_func ("/refresh/tampered-copy", test_tampered_copy);
  g_test_add_func ("/refresh/mirror", test_mirror);
  g_test_add_func ("/refresh/killed", test_killed);
  g_test_add_func ("/refresh/catalog", test_catalog_uses_refreshed);
  g_test_add_func ("/refresh/csv-at-url", test_csv_at_url);
  g_test_add_func ("/refresh/caps-joined", test_caps_joined);
  status = g_test_run ();
  g_rmdir (config);
  return status;
}
