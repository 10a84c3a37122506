/* bench-refresh.c: a full refresh of every keyless source from a local server
 *
 *   bench-refresh TESTS_DIR
 *
 * The local server (tests/uc-test-server.c) replays the recorded answers,
 * plus models.dev at its real size (about 4 MB: the recorded providers
 * repeated under other ids, which the adapter reads past). Prints per
 * source the time from asking to the copy kept, the time its answer takes
 * to read and check (best of 5, on this thread), and the longest stall of
 * the main loop during the refresh (a 1 ms timer's largest gap): the
 * window draws on that loop.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "uc-feed-adapt.h"
#include "uc-feed-cache.h"
#include "uc-feed-list.h"
#include "uc-refresh.h"
#include "uc-test-server.h"

static const struct
{
  const char *id;
  const char *path;
  const char *fixture;
  const char *type;
  const char *series;
} played[] = {
  { "fred", "/fred/SP500", "fredgraph_sp500.csv", "text/csv", "SP500" },
  { "fred", "/fred/DEXCHUS", "fredgraph_dexchus_2024-09.csv", "text/csv", "DEXCHUS" },
  { "models-dev", "/models", NULL, "application/json", "" },
  { "openrouter", "/openrouter", "openrouter_models.json", "application/json", "" },
};

static GBytes *bodies[G_N_ELEMENTS (played)];

/* models.dev at its live size: the recorded providers, repeated under
 * other ids (which the adapter reads past, as it does resellers). */
static GBytes *
models_dev_full (void)
{
  g_autoptr(GBytes) sample = uc_test_fixture ("modelsdev_2026-05-10.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  JsonObject *full = json_object_new ();
  JsonObject *recorded;
  gsize length = 0;
  char *text;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (sample, NULL), g_bytes_get_size (sample), NULL))
    g_error ("modelsdev_2026-05-10.json does not parse");
  recorded = json_node_get_object (json_parser_get_root (parser));
  json_node_take_object (root, full);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  for (guint copy = 0; length < 4u << 20; copy++)
    {
      g_autoptr(GList) members = json_object_get_members (recorded);

      for (GList *l = members; l; l = l->next)
        {
          g_autofree char *id = copy ? g_strdup_printf ("%s-copy%u", (char *) l->data, copy) : g_strdup (l->data);

          json_object_set_member (full, id, json_node_copy (json_object_get_member (recorded, l->data)));
        }
      if (copy % 16 == 15 || copy == 0)
        {
          g_autofree char *probe = json_generator_to_data (generator, &length);
        }
    }
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

typedef struct
{
  gint64   last, longest;
  gboolean done;
  GHashTable *started;   /* id → start time */
} Watch;

static gboolean
on_tick (gpointer data)
{
  Watch *w = data;
  gint64 now = g_get_monotonic_time ();

  if (w->last && now - w->last > w->longest)
    w->longest = now - w->last;
  w->last = now;
  return G_SOURCE_CONTINUE;
}

static void
on_started (UcRefresh *refresh,
            UcFeed    *feed,
            Watch     *w)
{
  g_hash_table_replace (w->started, g_strdup (uc_feed_get_id (feed)), g_memdup2 ((gint64[]) { g_get_monotonic_time () }, sizeof (gint64)));
}

static void
on_finished (UcRefresh *refresh,
             UcFeed    *feed,
             gboolean   ok,
             Watch     *w)
{
  gint64 *start = g_hash_table_lookup (w->started, uc_feed_get_id (feed));

  g_print ("refresh %-11s %8.2f ms from asking to the copy kept (%s, %u rows)\n", uc_feed_get_id (feed),
           (g_get_monotonic_time () - *start) / 1000.0, ok ? "fresh" : uc_feed_get_message (feed),
           uc_feed_get_n_rows (feed));
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  Watch *w = data;
  g_autoptr(GError) error = NULL;

  uc_refresh_run_finish (UC_REFRESH (object), result, &error);
  g_assert_no_error (error);
  w->done = TRUE;
}

/* Reading and checking one answer, as the worker does, best of 5. */
static void
time_parse (UcFeedList *feeds)
{
  for (guint i = 0; i < G_N_ELEMENTS (played); i++)
    {
      UcFeed *feed = uc_feed_list_find (feeds, played[i].id);
      double best = G_MAXDOUBLE;

      for (int run = 0; run < 5; run++)
        {
          g_autoptr(GError) error = NULL;
          gint64 start = g_get_monotonic_time ();
          g_autoptr(UcFeedRows) rows = uc_feed_adapt (feed, played[i].series, bodies[i], "bench", "2026-12-03", &error);

          g_assert_no_error (error);
          best = MIN (best, (g_get_monotonic_time () - start) / 1000.0);
        }
      g_print ("parse   %-11s %8.2f ms to read and check %s (%.1f kB)\n", played[i].id, best,
               played[i].fixture ? played[i].fixture : "models.dev api.json at full size",
               g_bytes_get_size (bodies[i]) / 1024.0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("undercut-bench-refresh-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (home, "sources", NULL);
  g_autoptr(UcTestServer) server = NULL;
  g_autoptr(UcFeedList) feeds = uc_feed_list_new_default (NULL);
  g_autoptr(UcFetcher) fetcher = uc_fetcher_new (10);
  g_autoptr(UcRefresh) refresh = NULL;
  g_autofree char *base = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "fred", "models-dev", "openrouter", NULL };
  Watch w = { 0 };
  gint64 start;
  guint tick;

  if (argc != 2)
    {
      g_printerr ("usage: bench-refresh TESTS_DIR\n");
      return 2;
    }
  g_setenv ("G_TEST_SRCDIR", argv[1], TRUE);
  g_setenv ("UNDERCUT_DATA_DIR", home, TRUE);
  server = uc_test_server_new ();
  for (guint i = 0; i < G_N_ELEMENTS (played); i++)
    {
      bodies[i] = played[i].fixture ? uc_test_fixture (played[i].fixture) : models_dev_full ();
      uc_test_server_set (server, played[i].path, UC_TEST_ANSWER, 200, played[i].type, bodies[i], NULL);
    }
  base = uc_test_server_url (server, "");
  json = g_strdup_printf ("{\"sources\": ["
                          "{\"id\": \"fred\", \"url\": \"%s/fred/{series}\", \"series\": [\"SP500\", \"DEXCHUS\"], \"insecure_http\": true},"
                          "{\"id\": \"models-dev\", \"url\": \"%s/models\", \"insecure_http\": true},"
                          "{\"id\": \"openrouter\", \"url\": \"%s/openrouter\", \"insecure_http\": true}]}",
                          base, base, base);
  if (!uc_feed_list_load_data (feeds, json, strlen (json), "bench", &error))
    g_error ("%s", error->message);
  refresh = uc_refresh_new (feeds, fetcher, dir);
  w.started = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_signal_connect (refresh, "feed-started", G_CALLBACK (on_started), &w);
  g_signal_connect (refresh, "feed-finished", G_CALLBACK (on_finished), &w);
  tick = g_timeout_add (1, on_tick, &w);
  start = g_get_monotonic_time ();
  uc_refresh_run_async (refresh, ids, NULL, on_done, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  g_print ("refresh all keyless sources: %.2f ms, longest main-loop stall %.2f ms\n",
           (g_get_monotonic_time () - start) / 1000.0, w.longest / 1000.0);
  g_source_remove (tick);
  time_parse (feeds);
  g_hash_table_unref (w.started);
  for (guint i = 0; i < G_N_ELEMENTS (played); i++)
    g_bytes_unref (bodies[i]);
  return 0;
}
