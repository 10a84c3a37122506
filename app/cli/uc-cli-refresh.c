/* uc-cli-refresh.c: `undercut refresh` and `undercut sources`
 *
 * The same refresh as the window's, run to its end on this thread's main
 * loop. Keys come from the environment (UNDERCUT_KEY_<SOURCE>, e.g.
 * UNDERCUT_KEY_STOOQ) and SEC's contact from UNDERCUT_CONTACT: never from
 * the command line, where other users could read them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "uc-cli.h"
#include "uc-feed-cache.h"
#include "uc-feed-list.h"
#include "uc-feed-merge.h"
#include "uc-feed-mirror.h"
#include "uc-json-writer.h"
#include "uc-refresh.h"

#define TIMEOUT_SECONDS 30

static UcFeedList *
load_feeds (const char *command)
{
  g_autoptr(GError) error = NULL;
  UcFeedList *feeds = uc_feed_list_new_default (&error);

  if (error)
    /* Translators: the first %s is the command (sources or refresh), the second why the list of sources could not be
     * read. */
    g_printerr (_("undercut %s: %s; the built-in sources are used\n"), command, error->message);
  return feeds;
}

static char *
key_variable (UcFeed *feed)
{
  g_autofree char *upper = g_ascii_strup (uc_feed_get_id (feed), -1);

  g_strcanon (upper, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", '_');
  return g_strconcat ("UNDERCUT_KEY_", upper, NULL);
}

static void
print_feed (UcFeed *feed)
{
  const char *message = uc_feed_get_message (feed);

  /* Translators: a source's id and state (fresh, stale…), when it was retrieved (a time, or “never”), the date
   * its data reaches, its number of rows and its publisher. Keep the widths. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%-11s %-9s retrieved %-20s data to %-10s %6u row  %s\n",
                        "%-11s %-9s retrieved %-20s data to %-10s %6u rows  %s\n", uc_feed_get_n_rows (feed)),
           uc_feed_get_id (feed), uc_feed_state_to_string (uc_feed_get_state (feed)),
           uc_feed_get_retrieved (feed) ? uc_feed_get_retrieved (feed) : C_("retrieved", "never"),
           uc_feed_get_data_as_of (feed) ? uc_feed_get_data_as_of (feed) : "–", uc_feed_get_n_rows (feed),
           uc_feed_get_publisher (feed));
  if (message && uc_feed_get_state (feed) != UC_FEED_FRESH)
    g_print ("%11s %s\n", "", message);
}

static void
write_feed_json (UcJsonWriter *w,
                 UcFeed       *feed)
{
  const char *keys[] = { "id", "title", "publisher", "licence", "attribution", "url", "dataset", "retrieved", "checked",
                         "data_as_of", "message" };
  const char *values[] = { uc_feed_get_id (feed), uc_feed_get_title (feed), uc_feed_get_publisher (feed),
                           uc_feed_get_licence (feed), uc_feed_get_attribution (feed), uc_feed_get_url (feed),
                           uc_feed_get_dataset (feed), uc_feed_get_retrieved (feed), uc_feed_get_checked (feed),
                           uc_feed_get_data_as_of (feed), uc_feed_get_message (feed) };

  uc_json_begin_object (w);
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      uc_json_key (w, keys[k]);
      if (values[k])
        uc_json_string (w, values[k]);
      else
        uc_json_null (w);
    }
  uc_json_key (w, "state");
  uc_json_string (w, uc_feed_state_to_string (uc_feed_get_state (feed)));
  uc_json_key (w, "rows");
  uc_json_int (w, uc_feed_get_n_rows (feed));
  uc_json_key (w, "needs_key");
  uc_json_bool (w, uc_feed_get_needs_key (feed));
  uc_json_key (w, "refresh_hours");
  uc_json_int (w, uc_feed_get_refresh_hours (feed));
  uc_json_end_object (w);
}

static void
print_feeds (UcFeedList *feeds,
             gboolean    json)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (FALSE);

  uc_json_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);

      if (json)
        write_feed_json (w, feed);
      else
        print_feed (feed);
    }
  uc_json_end_array (w);
  if (json)
    {
      g_autofree char *text = uc_json_writer_steal (w);

      g_print ("%s\n", text);
    }
}

int
uc_cli_sources (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  g_autoptr(UcFeedList) feeds = NULL;
  g_autoptr(UcFetcher) fetcher = NULL;
  g_autoptr(UcRefresh) refresh = NULL;
  g_autofree char *dir = uc_feed_cache_dir ();
  GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  g_option_context_set_summary (context, _("List the sources Undercut pulls data from, and how current each copy is."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "sources", argc, argv, &args, &error))
    return uc_cli_usage_error ("sources", error->message);
  if (g_strv_length (args) > 1)
    return uc_cli_usage_error ("sources", _("takes no arguments"));
  feeds = load_feeds ("sources");
  fetcher = uc_fetcher_new (TIMEOUT_SECONDS);
  refresh = uc_refresh_new (feeds, fetcher, dir);
  uc_refresh_load_state (refresh);
  print_feeds (feeds, json);
  return UC_EXIT_OK;
}

typedef struct
{
  GMainLoop *loop;
  guint      failed;
  GError    *error;
  gboolean   quiet;
} Wait;

static void
on_finished (UcRefresh *refresh,
             UcFeed    *feed,
             gboolean   ok,
             Wait      *wait)
{
  if (!wait->quiet)
    print_feed (feed);
}

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      data)
{
  Wait *wait = data;

  wait->failed = uc_refresh_run_finish (UC_REFRESH (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* The feeds to ask: those named, or every one that has what it needs
 * (a feed wanting a key nobody gave is listed, not asked). */
static GStrv
feeds_to_ask (UcFeedList *feeds,
              GStrv       named)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  if (named)
    return g_strdupv (named);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);
      g_autofree char *variable = key_variable (feed);

      if ((uc_feed_get_needs_key (feed) && !g_getenv (variable)) ||
          (uc_feed_get_needs_contact (feed) && !g_getenv ("UNDERCUT_CONTACT")))
        {
          if (uc_feed_get_needs_key (feed))
            /* Translators: a source's id, then the environment variable that holds its key. */
            g_print (_("%-11s skipped: needs a key (set %s)\n"), uc_feed_get_id (feed), variable);
          else
            /* Translators: a source's id, then the environment variable that holds the contact address. */
            g_print (_("%-11s skipped: needs a contact address (set %s)\n"), uc_feed_get_id (feed), "UNDERCUT_CONTACT");
          continue;
        }
      g_strv_builder_add (ids, uc_feed_get_id (feed));
    }
  return g_strv_builder_end (ids);
}

static guint
run_refresh (UcRefresh   *refresh,
             UcFeedList  *feeds,
             GStrv        ids,
             GError     **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  Wait wait = { 0 };

  g_main_context_push_thread_default (context);
  wait.loop = g_main_loop_new (context, FALSE);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);
      g_autofree char *variable = key_variable (feed);

      uc_refresh_set_key (refresh, uc_feed_get_id (feed), g_getenv (variable));
    }
  uc_refresh_set_contact (refresh, g_getenv ("UNDERCUT_CONTACT"));
  g_signal_connect (refresh, "feed-finished", G_CALLBACK (on_finished), &wait);
  uc_refresh_run_async (refresh, (const char * const *) ids, NULL, on_done, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  g_main_context_pop_thread_default (context);
  if (wait.error)
    g_propagate_error (error, wait.error);
  return wait.failed;
}

static int
rebuild_offline (UcFeedList  *feeds,
                 const char  *dir)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (feeds), i);
      g_autoptr(GError) error = NULL;

      if (!g_hash_table_add (done, (gpointer) uc_feed_get_dataset (feed)))
        continue;
      if (!uc_feed_merge_dataset (feeds, dir, uc_feed_get_dataset (feed), &error))
        {
          g_printerr ("undercut refresh: %s\n", error->message);
          return UC_EXIT_FAILURE;
        }
    }
  return UC_EXIT_OK;
}

int
uc_cli_refresh (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_auto(GStrv) named = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *output = NULL;
  gboolean offline = FALSE;
  g_autoptr(UcFeedList) feeds = NULL;
  g_autoptr(UcFetcher) fetcher = NULL;
  g_autoptr(UcRefresh) refresh = NULL;
  g_autofree char *dir = uc_feed_cache_dir ();
  guint failed = 0, n_files = 0;
  GOptionEntry options[] = {
    { "source", 0, 0, G_OPTION_ARG_STRING_ARRAY, &named, N_("Refresh only this source (repeatable; see “undercut sources”)"), N_("ID") },
    { "offline", 0, 0, G_OPTION_ARG_NONE, &offline, N_("Ask no server: rebuild the datasets from the copies on disk"), NULL },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Then write every copy, the datasets and a manifest into DIR, for a web server to serve as a mirror"), N_("DIR") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Pull new data from the sources (see “undercut sources”). A source that fails "
                                           "keeps its last good copy. Keys come from UNDERCUT_KEY_<SOURCE>, SEC's contact "
                                           "address from UNDERCUT_CONTACT."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "refresh", argc, argv, &args, &error))
    return uc_cli_usage_error ("refresh", error->message);
  if (g_strv_length (args) > 1)
    return uc_cli_usage_error ("refresh", _("takes no arguments"));
  if (offline && named)
    return uc_cli_usage_error ("refresh", _("--offline asks no source: drop --source"));
  feeds = load_feeds ("refresh");
  for (guint i = 0; named && named[i]; i++)
    if (uc_feed_list_find (feeds, named[i]) == NULL)
      {
        /* Translators: %s is the id given to --source. */
        g_autofree char *message = g_strdup_printf (_("no source called “%s”"), named[i]);

        return uc_cli_usage_error ("refresh", message);
      }
  fetcher = uc_fetcher_new (TIMEOUT_SECONDS);
  refresh = uc_refresh_new (feeds, fetcher, dir);
  uc_refresh_load_state (refresh);
  if (offline)
    {
      int status = rebuild_offline (feeds, dir);

      if (status != UC_EXIT_OK)
        return status;
      print_feeds (feeds, FALSE);
    }
  else
    {
      ids = feeds_to_ask (feeds, named);
      failed = run_refresh (refresh, feeds, ids, &error);
      if (error)
        {
          g_printerr ("undercut refresh: %s\n", error->message);
          return UC_EXIT_FAILURE;
        }
    }
  if (output && !uc_feed_mirror_write (feeds, dir, output, &n_files, &error))
    {
      g_printerr ("undercut refresh: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  if (output)
    /* Translators: %u is a number of files, %s a folder; manifest.json is a file's name. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "mirror: %u file and manifest.json in %s\n",
                          "mirror: %u files and manifest.json in %s\n", n_files), n_files, output);
  return failed ? UC_EXIT_FAILURE : UC_EXIT_OK;
}
