/* test-window-refresh.c: the real window refreshes its sources
 *
 * From a local server playing every source (tests/uc-test-server.c; no
 * test leaves the machine): the refresh on start begins only once the
 * first chart is drawn; F5's new rows reach the chart shown, on the days
 * the user zoomed to; the Sources page says each source's state in words
 * and follows a refresh while it runs; a key entered there goes to the
 * settings; a server answering 503 makes a toast naming the source, and
 * the rows had before stay; Cancel stops a refresh stalled on a server.
 */
#include "config.h"

#define UC_TEST_WAIT_SECONDS 20
#include "uc-test-display.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "uc-application.h"
#include "uc-catalog.h"
#include "uc-feed-list.h"
#include "uc-refreshed-source.h"
#include "uc-sources-dialog.h"
#include "uc-test-server.h"
#include "uc-window.h"

static gboolean have_display;
static UcTestServer *server;
static char *tmp_dir;

static gboolean
chart_drawn (gpointer data)
{
  return uc_chart_view_get_draw_count (uc_window_get_chart_view (data)) > 0;
}

static gboolean
not_loading (gpointer data)
{
  return !uc_window_get_loading (data);
}

static gboolean
refresher_idle (gpointer data)
{
  return !uc_refresher_get_running (data);
}

/* The label of a toast shown that says @text. */
static GtkWidget *
toast_saying (UcWindow   *window,
              const char *text)
{
  GtkWidget *overlay = uc_test_find_widget (GTK_WIDGET (window), ADW_TYPE_TOAST_OVERLAY, NULL);

  g_assert_nonnull (overlay);
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *label = child == adw_toast_overlay_get_child (ADW_TOAST_OVERLAY (overlay)) ? NULL
                         : uc_test_find_widget (child, GTK_TYPE_LABEL, text);

      if (label)
        return label;
    }
  return NULL;
}

/* The Sources page's row of the source titled @title: its subtitle. */
static const char *
source_state (GtkWidget  *dialog,
              const char *title)
{
  GtkWidget *row = uc_test_find_widget (dialog, ADW_TYPE_EXPANDER_ROW, title);

  g_assert_nonnull (row);
  return adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
}

/* Every point of the chart shown. */
static guint
n_points (UcWindow *window)
{
  UcChartSpec *spec = uc_chart_view_get_spec (uc_window_get_chart_view (window));
  guint n = 0;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    n += uc_series_get_length (uc_chart_spec_get_series (spec, i));
  return n;
}

static void
write_sources (void)
{
  const char *paths[] = { "fred/{series}.csv", "modelsdev.json", "openrouter.json", "epoch.csv", "sec/{series}.json",
                          "stooq/{series}.csv?apikey={key}" };
  const char *ids[] = { "fred", "models-dev", "openrouter", "epoch", "sec", "stooq" };
  g_autoptr(GString) json = g_string_new ("{ \"version\": 1, \"sources\": [\n");
  g_autofree char *dir = g_build_filename (tmp_dir, "config", "undercut", NULL);
  g_autofree char *file = g_build_filename (dir, "sources.json", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *path = g_strconcat ("/", paths[i], NULL);
      g_autofree char *url = uc_test_server_url (server, path);

      g_string_append_printf (json, "  { \"id\": \"%s\", \"url\": \"%s\", \"insecure_http\": true%s }%s\n", ids[i], url,
                              i == 0 ? ", \"series\": { \"SP500\": \"S&P 500\" }" : "",
                              i + 1 < G_N_ELEMENTS (ids) ? "," : "");
    }
  g_string_append (json, "] }\n");
  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (file, json->str, -1, &error);
  g_assert_no_error (error);
}

/* models.dev's recorded answer with one more DeepSeek model, @id, out
 * yesterday at $0.10/$0.20: news no embedded snapshot can have. */
static GBytes *
models_dev_with (const char *id)
{
  g_autoptr(GBytes) recorded = uc_test_fixture ("modelsdev_sample.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autofree char *day = g_date_time_format (yesterday, "%Y-%m-%d");
  g_autoptr(GError) error = NULL;
  JsonObject *models, *model, *cost;
  JsonNode *copy;
  char *text;
  gsize length;

  json_parser_load_from_data (parser, g_bytes_get_data (recorded, NULL), g_bytes_get_size (recorded), &error);
  g_assert_no_error (error);
  models = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "deepseek"), "models");
  copy = json_node_copy (json_object_get_member (models, "deepseek-v4-pro"));
  model = json_node_get_object (copy);
  json_object_set_string_member (model, "id", id);
  json_object_set_string_member (model, "name", id);
  json_object_set_string_member (model, "release_date", day);
  json_object_set_string_member (model, "last_updated", day);
  cost = json_object_get_object_member (model, "cost");
  json_object_set_double_member (cost, "input", 0.1);
  json_object_set_double_member (cost, "output", 0.2);
  json_object_set_member (models, id, copy);
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
serve_models_dev_with (const char *id)
{
  g_autoptr(GBytes) body = models_dev_with (id);

  uc_test_server_set (server, "/modelsdev.json", UC_TEST_ANSWER, 200, "application/json", body, NULL);
}

static void
serve_good_answers (void)
{
  uc_test_server_set_file (server, "/fred/SP500.csv", "text/csv", "fredgraph_sp500.csv");
  uc_test_server_set_file (server, "/modelsdev.json", "application/json", "modelsdev_sample.json");
  uc_test_server_set_file (server, "/openrouter.json", "application/json", "openrouter_models.json");
}

static void
serve_503 (const char *path)
{
  g_autoptr(GBytes) body = g_bytes_new_static ("busy\n", 5);

  uc_test_server_set (server, path, UC_TEST_ANSWER, 503, "text/plain", body, "Retry-After: 120\r\n");
}

/* The window of @app, registered as @id (each test its own bus name: a
 * test's application may still hold the last one's). */
static UcWindow *
open_window (UcApplication *app,
             const char    *id)
{
  g_autoptr(GError) error = NULL;
  UcWindow *window;

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  uc_test_iterate_until (chart_drawn, window);
  return window;
}

/* The refresh on start waits for the first chart. */
static void
on_running (UcRefresher *refresher,
            GParamSpec  *pspec,
            UcWindow    *window)
{
  if (uc_refresher_get_running (refresher))
    g_assert_cmpuint (uc_chart_view_get_draw_count (uc_window_get_chart_view (window)), >, 0);
}

static void
test_refresh_on_start (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  UcRefresher *refresher;
  UcWindow *window;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  serve_good_answers ();
  serve_503 ("/epoch.csv");
  g_settings_set_boolean (settings, "refresh-on-start", TRUE);
  app = uc_application_new ();
  window = open_window (app, APP_ID ".OnStartTest");
  refresher = uc_application_get_refresher (app);
  g_assert_nonnull (refresher);
  g_signal_connect (refresher, "notify::running", G_CALLBACK (on_running), window);
  /* Never refreshed: every source that can be asked is due. */
  for (guint i = 0; i < 500 && !uc_refresher_get_running (refresher); i++)
    uc_test_iterate_for (10);
  g_assert_true (uc_refresher_get_running (refresher));
  g_assert_cmpuint (uc_refresher_get_total (refresher), ==, 4);   /* not SEC nor Stooq: no contact, no key */
  uc_test_iterate_until (refresher_idle, refresher);
  g_assert_cmpuint (uc_test_server_hits (server, "/modelsdev.json"), ==, 1);
  g_assert_nonnull (toast_saying (window, "Epoch AI: the server answered HTTP 503"));
  g_signal_handlers_disconnect_by_func (refresher, on_running, window);
  g_settings_set_boolean (settings, "refresh-on-start", FALSE);
  gtk_window_close (GTK_WINDOW (window));
  uc_test_iterate_for (100);
}

/* F5 brings new rows into the chart shown, on the days shown; the Sources
 * page says what each source did; models.dev answering 503 keeps them. */
static void
test_refresh_and_sources (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) before = NULL;
  UcTime from = uc_time_from_ymd (2024, 6, 1), to = uc_time_from_ymd (2025, 6, 1), a, b;
  UcRefresher *refresher;
  UcWindow *window;
  GtkWidget *dialog;
  guint points;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  /* The copies of the first test stand; models.dev has news. */
  serve_models_dev_with ("deepseek-v5-test");
  app = uc_application_new ();
  window = open_window (app, APP_ID ".RefreshTest");
  refresher = uc_application_get_refresher (app);
  g_assert_true (uc_window_show_view (window, "pricing", &error));
  g_assert_no_error (error);
  uc_test_iterate_until (not_loading, window);
  points = n_points (window);
  before = g_object_ref (uc_chart_view_get_spec (uc_window_get_chart_view (window)));
  uc_time_range_set (uc_window_get_time_range (window), from, to);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL));
  dialog = uc_test_find_toplevel (UC_TYPE_SOURCES_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (source_state (dialog, "API list prices"), "From an earlier refresh · retrieved "));
  g_assert_true (g_str_has_prefix (source_state (dialog, "Notable AI models"),
                                   "Refused: the built-in data are shown · the server answered HTTP 503"));
  g_assert_cmpstr (source_state (dialog, "Daily closes"), ==, "Needs a key");
  g_assert_cmpstr (source_state (dialog, "Shares outstanding"), ==, "Needs a contact address");

  /* F5's refresh: the page follows it as it goes. */
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "refresh"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  g_assert_true (uc_refresher_get_running (refresher));
  uc_test_iterate_until (refresher_idle, refresher);
  g_assert_true (g_str_has_prefix (source_state (dialog, "API list prices"), "Fresh · retrieved "));
  g_assert_true (strstr (source_state (dialog, "API list prices"), " · data to ") != NULL);
  g_assert_true (g_str_has_prefix (source_state (dialog, "Benchmark indices"), "Fresh · retrieved "));
  g_assert_true (UC_IS_REFRESHED_SOURCE (uc_catalog_find (uc_catalog_get_default (), "api-prices")));

  /* The chart shown drawn again with the new rows, on the days shown. */
  uc_test_iterate_for (200);
  uc_test_iterate_until (not_loading, window);
  g_assert_true (uc_chart_view_get_spec (uc_window_get_chart_view (window)) != before);
  g_assert_cmpuint (n_points (window), >, points);
  uc_time_range_get (uc_window_get_time_range (window), &a, &b);
  g_assert_cmpint (a, ==, from);
  g_assert_cmpint (b, ==, to);
  g_assert_nonnull (toast_saying (window, "Data refreshed: "));
  points = n_points (window);

  /* models.dev answers 503: a toast names it; its rows stay. */
  serve_503 ("/modelsdev.json");
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  uc_test_iterate_until (refresher_idle, refresher);
  uc_test_iterate_for (300);
  g_assert_true (g_str_has_prefix (source_state (dialog, "API list prices"),
                                   "Refused: the last good copy is shown · the server answered HTTP 503"));
  g_assert_nonnull (toast_saying (window, "models.dev"));
  g_assert_cmpuint (n_points (window), ==, points);

  /* A key entered on the page: kept in the settings, and Stooq can be asked. */
  {
    GtkWidget *key = uc_test_find_widget (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
    g_autoptr(GVariant) keys = NULL;
    const char *kept = NULL;

    g_assert_nonnull (key);
    gtk_editable_set_text (GTK_EDITABLE (key), "not-a-real-key");
    g_signal_emit_by_name (key, "apply");
    keys = g_settings_get_value (settings, "source-keys");
    g_assert_true (g_variant_lookup (keys, "stooq", "&s", &kept));
    g_assert_cmpstr (kept, ==, "not-a-real-key");
    g_assert_true (uc_refresher_can_ask (refresher, uc_feed_list_find ((UcFeedList *) uc_refresher_get_feeds (refresher), "stooq")));
    g_assert_cmpstr (source_state (dialog, "Daily closes"), ==, "To be asked at the next refresh");
    gtk_editable_set_text (GTK_EDITABLE (key), "");
    g_signal_emit_by_name (key, "apply");
    g_assert_cmpstr (source_state (dialog, "Daily closes"), ==, "Needs a key");
  }

  /* Cancelled on a server that never answers, after models.dev brought
   * news: those rows are kept, and shown. */
  serve_models_dev_with ("deepseek-v5-test-2");
  uc_test_server_set (server, "/openrouter.json", UC_TEST_STALL, 200, "application/json", NULL, NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "refresh", NULL);
  for (guint i = 0; i < 500 && strcmp (source_state (dialog, "Hosting prices"), "Refreshing…") != 0; i++)
    uc_test_iterate_for (10);
  g_assert_cmpstr (source_state (dialog, "Hosting prices"), ==, "Refreshing…");
  g_assert_true (g_str_has_prefix (source_state (dialog, "API list prices"), "Fresh · retrieved "));
  g_action_group_activate_action (G_ACTION_GROUP (app), "cancel-refresh", NULL);
  uc_test_iterate_until (refresher_idle, refresher);
  g_assert_true (g_str_has_prefix (source_state (dialog, "Hosting prices"), "Fresh · retrieved "));
  g_assert_cmpuint (uc_test_server_hits (server, "/epoch.csv"), ==, 3);   /* not asked a fourth time */
  uc_test_iterate_for (200);
  uc_test_iterate_until (not_loading, window);
  g_assert_cmpuint (n_points (window), >, points);
  g_assert_nonnull (toast_saying (window, "Data refreshed: 1 source updated"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (window));
  uc_test_iterate_for (100);
}

int
main (int argc, char **argv)
{
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  int status;

  /* Before anything reads them: the user's sources and copies are the test's. */
  tmp_dir = g_dir_make_tmp ("undercut-window-refresh-XXXXXX", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("UNDERCUT_DATA_DIR", data, TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  server = uc_test_server_new ();
  write_sources ();

  g_test_add_func ("/window-refresh/on-start", test_refresh_on_start);
  g_test_add_func ("/window-refresh/refresh-and-sources", test_refresh_and_sources);

  status = g_test_run ();
  uc_test_server_free (server);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", tmp_dir);

    g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  }
  g_free (tmp_dir);
  return status;
}
