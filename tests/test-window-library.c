/* test-window-library.c: the user's library and events file in the window
 *
 * UNDERCUT_DATA_DIR points at a fresh temporary folder before the library
 * is read, so the cases fill a library (and an events file) of their own.
 */
#include "config.h"

#define UC_TEST_WAIT_SECONDS 30
#include "uc-test-display.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-application.h"
#include "uc-catalog.h"
#include "uc-event-list.h"
#include "uc-import-dialog.h"
#include "uc-library.h"
#include "uc-test-server.h"
#include "uc-window.h"

static gboolean have_display;
static char *root;

static const char *view_wanted;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), view_wanted) == 0;
}

static gboolean
not_importing (gpointer data)
{
  return !uc_window_get_importing (data);
}

static gboolean
not_loading (gpointer data)
{
  return !uc_window_get_loading (data) && uc_window_get_view_id (data) != NULL;
}

static UcApplication *
start (const char  *name,
       UcWindow   **window)
{
  UcApplication *app = uc_application_new ();
  g_autofree char *id = g_strconcat (APP_ID ".", name, NULL);
  g_autoptr(GError) error = NULL;

  g_application_set_application_id (G_APPLICATION (app), id);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  *window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  /* On the view an earlier case left in the settings, then the first. */
  uc_test_iterate_until (not_loading, *window);
  g_assert_true (uc_window_show_view (*window, "deepseek-shock", &error));
  g_assert_no_error (error);
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, *window);
  /* The view's own days, not those an earlier case left in the settings. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (*window), "win.reset-range", NULL));
  return app;
}

static char *
write_file (const char *name,
            const char *text,
            gssize      length)
{
  char *path = g_build_filename (root, name, NULL);

  g_assert_true (g_file_set_contents (path, text, length, NULL));
  return path;
}

static guint
points_shown (UcWindow *window)
{
  UcChartSpec *spec = uc_chart_view_get_spec (uc_window_get_chart_view (window));

  return uc_series_get_length (uc_chart_spec_get_series (spec, 0));
}

static guint right_wanted;

/* The chart shown draws a series on the right axis of @right_wanted points. */
static gboolean
right_axis_has (gpointer data)
{
  UcChartSpec *spec = uc_chart_view_get_spec (uc_window_get_chart_view (data));

  if (uc_window_get_loading (data) || spec == NULL)
    return FALSE;
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    if (uc_series_get_right_axis (uc_chart_spec_get_series (spec, i)) &&
        uc_series_get_length (uc_chart_spec_get_series (spec, i)) == right_wanted)
      return TRUE;
  return FALSE;
}

/* Read Again on a worker, as an import: the bar and Cancel while it
 * reads, the chart shown with the new rows after (the entry's own, and a
 * built-in view its series were added to); cancelled or failed, the entry
 * and its copy as they were. */
static void
test_reimport (void)
{
  static const char three[] = "date,close\n2025-01-24,142.62\n2025-01-27,118.42\n2025-01-28,128.99\n";
  static const char four[] = "date,close\n2025-01-24,142.62\n2025-01-27,118.42\n2025-01-28,128.99\n2025-01-29,123.7\n";
  static const char five[] = "date,close\n2025-01-24,142.62\n2025-01-27,118.42\n2025-01-28,128.99\n2025-01-29,123.7\n"
                             "2025-01-30,124.65\n";
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL, *copy = NULL, *staged = NULL, *sha256 = NULL, *text = NULL;
  UcLibrary *library = uc_library_get_default ();
  UcLibraryEntry *entry;
  UcWindow *window;
  GString *big;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  path = write_file ("my-closes.csv", three, -1);
  file = g_file_new_for_path (path);
  entry = uc_library_add (library, file, UC_LIBRARY_COPY, "My closes", NULL, &error);
  g_assert_no_error (error);
  copy = g_strdup (uc_library_entry_get_path (entry));
  staged = g_strconcat (copy, ".new", NULL);
  app = start ("ReimportTest", &window);
  g_assert_true (uc_window_show_view (window, "library-my-closes", &error));
  g_assert_no_error (error);
  view_wanted = "library-my-closes";
  uc_test_iterate_until (view_shown, window);
  g_assert_cmpuint (points_shown (window), ==, 3);

  /* Read again: on a worker, then the chart has the new row. */
  g_free (write_file ("my-closes.csv", four, -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.library-reimport", "s", "my-closes"));
  g_assert_true (uc_window_get_importing (window));
  g_assert_true (uc_library_find (library, "my-closes") == entry);
  uc_test_iterate_until (not_importing, window);
  g_assert_true (uc_library_find (library, "my-closes") != entry);
  entry = uc_library_find (library, "my-closes");
  g_assert_cmpuint (uc_library_entry_get_size (entry), ==, strlen (four));
  uc_test_iterate_until (view_shown, window);
  g_assert_cmpuint (points_shown (window), ==, 4);
  sha256 = g_strdup (uc_library_entry_get_sha256 (entry));

  /* A built-in view drawing the entry's series beside its own follows too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.library-add-to-view", "(ss)", "deepseek-shock",
                                             "my-closes"));
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, window);
  right_wanted = 4;
  uc_test_iterate_until (right_axis_has, window);
  g_free (write_file ("my-closes.csv", five, -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.library-reimport", "s", "my-closes"));
  uc_test_iterate_until (not_importing, window);
  right_wanted = 5;
  uc_test_iterate_until (right_axis_has, window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-added", NULL));
  entry = uc_library_find (library, "my-closes");
  g_free (sha256);
  sha256 = g_strdup (uc_library_entry_get_sha256 (entry));
  g_assert_true (uc_window_show_view (window, "library-my-closes", &error));
  g_assert_no_error (error);
  view_wanted = "library-my-closes";
  uc_test_iterate_until (view_shown, window);
  g_assert_cmpuint (points_shown (window), ==, 5);

  /* A large file, cancelled while it reads: nothing changes. */
  big = g_string_new ("date,close\n");
  for (guint i = 0; i < 400000; i++)
    g_string_append_printf (big, "%04u-%02u-%02u,%u.5\n", 1900 + i / 336, 1 + (i / 28) % 12, 1 + i % 28, i);
  g_free (write_file ("my-closes.csv", big->str, (gssize) big->len));
  g_string_free (big, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.library-reimport", "s", "my-closes"));
  g_assert_true (uc_window_get_importing (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL));
  uc_test_iterate_until (not_importing, window);
  g_assert_true (uc_library_find (library, "my-closes") == entry);
  g_assert_cmpstr (uc_library_entry_get_sha256 (entry), ==, sha256);
  g_assert_false (g_file_test (staged, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (copy, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, five);
  g_assert_cmpuint (points_shown (window), ==, 5);

  /* A file that cannot be read: said, and nothing changes. */
  g_free (write_file ("my-closes.csv", "date,close\n2025-01-24,1\n2025-01-27,\"2\n", -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.library-reimport", "s", "my-closes"));
  uc_test_iterate_until (not_importing, window);
  g_assert_true (uc_library_find (library, "my-closes") == entry);
  g_assert_false (g_file_test (staged, G_FILE_TEST_EXISTS));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (uc_library_remove (library, "my-closes", &error));
  g_unlink (path);
}

/* The user's events on the chart shown, and whether @title is one. */
static guint
user_events_shown (UcWindow   *window,
                   const char *title)
{
  UcChartSpec *shown = uc_chart_view_get_shown_spec (uc_window_get_chart_view (window));
  guint n = 0;
  gboolean found = title == NULL;

  for (guint i = 0; i < uc_chart_spec_get_n_events (shown); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (shown, i);

      if (uc_event_get_category (event) != UC_EVENT_USER)
        continue;
      n++;
      found = found || g_strcmp0 (uc_event_get_title (event), title) == 0;
    }
  g_assert_true (n == 0 || found);
  return n;
}

/* The user's events in the events table. */
static guint
user_events_listed (UcWindow *window)
{
  GListModel *list = uc_event_list_get_shown (UC_EVENT_LIST (uc_test_find_widget (GTK_WIDGET (window), UC_TYPE_EVENT_LIST, NULL)));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(UcEvent) event = g_list_model_get_item (list, i);

      n += uc_event_get_category (event) == UC_EVENT_USER;
    }
  return n;
}

static gboolean
file_gone (gpointer path)
{
  return !g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Events File… by its action with a path, as scripts and tests give it:
 * checked, kept in the data dir, drawn on the built-in view and on a
 * dataset of the library, listed, switched off and on with their
 * category; a refused file changes nothing; kept across a restart;
 * Remove Events File takes them away (Undo brings them back), the copy
 * going with the toast. */
static void
test_events_file (void)
{
  static const char closes[] = "date,close\n2025-01-24,142.62\n2025-01-27,118.42\n2025-01-28,128.99\n";
  static const char events_csv[] = "date,title,description\n"
                                   "2025-01-28,Our own launch,The day we shipped\n"
                                   "2025-01-30,Our board meeting,\n";
  g_autoptr(UcApplication) app = NULL, again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) closes_file = NULL;
  g_autofree char *events_path = NULL, *bad_path = NULL, *closes_path = NULL, *kept = NULL, *copy = NULL;
  UcLibrary *library = uc_library_get_default ();
  UcChartSpec *shown;
  UcWindow *window;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  events_path = write_file ("my-events.csv", events_csv, -1);
  bad_path = write_file ("bad-events.csv", "date,title\n2025-01-28,Fine\nlater,Not a day\n", -1);
  closes_path = write_file ("events-closes.csv", closes, -1);
  kept = g_build_filename (root, "events", "your-events.csv", NULL);
  closes_file = g_file_new_for_path (closes_path);
  g_assert_nonnull (uc_library_add (library, closes_file, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_no_error (error);

  app = start ("EventsFileTest", &window);
  g_assert_cmpuint (user_events_shown (window, NULL), ==, 0);
  /* No file yet: nothing to switch or remove. */
  g_assert_false (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "events-user")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-events-file", "s", events_path));
  g_assert_cmpuint (user_events_shown (window, "Our own launch"), ==, 2);
  g_assert_true (g_action_get_enabled (g_action_map_lookup_action (G_ACTION_MAP (window), "events-user")));
  shown = uc_chart_view_get_shown_spec (uc_window_get_chart_view (window));
  g_assert_nonnull (strstr (uc_chart_spec_get_source (shown), "Your events: my-events.csv."));
  g_assert_cmpuint (user_events_listed (window), ==, 2);
  g_assert_true (g_file_get_contents (kept, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, events_csv);

  /* A file with a bad date is refused: the events and the copy stay. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-events-file", "s", bad_path));
  g_assert_cmpuint (user_events_shown (window, "Our own launch"), ==, 2);
  g_clear_pointer (&copy, g_free);
  g_assert_true (g_file_get_contents (kept, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, events_csv);

  /* Their category switched off and on, as the menu does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.events-user", NULL));
  g_assert_cmpuint (user_events_shown (window, NULL), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.events-user", NULL));
  g_assert_cmpuint (user_events_shown (window, "Our own launch"), ==, 2);

  /* An imported dataset's chart has them too (those in its range). */
  g_assert_true (uc_window_show_view (window, "library-events-closes", &error));
  g_assert_no_error (error);
  view_wanted = "library-events-closes";
  uc_test_iterate_until (view_shown, window);
  g_assert_cmpuint (user_events_shown (window, "Our own launch"), ==, 1);
  gtk_window_close (GTK_WINDOW (window));

  /* Kept across a restart. */
  again = start ("EventsFileAgainTest", &window);
  g_assert_cmpuint (user_events_shown (window, "Our own launch"), ==, 2);
  g_assert_cmpuint (user_events_listed (window), ==, 2);

  /* Removed: off the charts at once, the copy gone with the toast (here,
   * the window closing). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-events", NULL));
  g_assert_cmpuint (user_events_shown (window, NULL), ==, 0);
  g_assert_cmpuint (user_events_listed (window), ==, 0);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  /* The toast's Undo brings them back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.restore-events", NULL));
  g_assert_cmpuint (user_events_shown (window, "Our own launch"), ==, 2);
  g_assert_cmpuint (user_events_listed (window), ==, 2);
  uc_test_iterate_for (100);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-events", NULL));
  g_assert_cmpuint (user_events_shown (window, NULL), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  uc_test_iterate_until (file_gone, kept);
  g_assert_true (uc_library_remove (library, "events-closes", &error));
}

static UcImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (UC_IS_IMPORT_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return UC_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_import_dialog () != NULL;
}

static UcLibraryEntry *
downloaded_entry (void)
{
  GListModel *entries = G_LIST_MODEL (uc_library_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(UcLibraryEntry) entry = g_list_model_get_item (entries, i);

      if (uc_library_entry_get_origin_url (entry))
        return entry;
    }
  return NULL;
}

static gboolean
downloaded (gpointer data)
{
  return downloaded_entry () != NULL && !uc_window_get_importing (data);
}

/* A file opened by its address: downloaded, imported, and credited to
 * the address (without the user name and password it carried) and the
 * day it was fetched, not to the local copy. */
static void
test_download_origin (void)
{
  static const char prices[] = "date,price\n2025-01-24,10.5\n2025-01-27,9.25\n2025-01-28,9.75\n";
  g_autoptr(UcTestServer) server = uc_test_server_new ();
  g_autoptr(GBytes) body = g_bytes_new_static (prices, sizeof prices - 1);
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GFile) address = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *url = NULL, *with_password = NULL, *credit = NULL, *expected = NULL, *day = NULL;
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;
  UcWindow *window;
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  uc_test_server_set (server, "/data/prices.csv", UC_TEST_ANSWER, 200, "text/csv", body, NULL);
  url = uc_test_server_url (server, "/data/prices.csv");
  g_assert_true (g_str_has_prefix (url, "http://"));
  with_password = g_strdup_printf ("http://me:secret@%s", url + strlen ("http://"));
  app = start ("DownloadTest", &window);
  address = g_file_new_for_uri (with_password);
  uc_window_open_files (window, &address, 1);
  /* On screen, and its preview read, as a user sees it before Import. */
  uc_test_iterate_until (dialog_shown, NULL);
  uc_test_iterate_for (300);
  g_signal_emit_by_name (find_import_dialog (), "import");
  uc_test_iterate_until (downloaded, window);
  entry = downloaded_entry ();
  g_assert_cmpstr (uc_library_entry_get_origin_url (entry), ==, url);
  g_assert_nonnull (uc_library_entry_get_downloaded_at (entry));
  now = g_date_time_new_now_utc ();
  day = g_strdup_printf ("%d %s %d", g_date_time_get_day_of_month (now), months[g_date_time_get_month (now) - 1],
                         g_date_time_get_year (now));
  expected = g_strdup_printf ("Source: %s, downloaded %s", url, day);
  credit = uc_library_entry_dup_credit (entry);
  g_assert_cmpstr (credit, ==, expected);
  /* The local copy is in the downloads folder, under the data dir. */
  g_assert_true (g_str_has_prefix (uc_library_entry_get_original (entry), root));
  g_assert_null (strstr (uc_library_entry_get_original (entry), "secret"));

  g_assert_true (uc_library_remove (uc_library_get_default (), uc_library_entry_get_id (entry), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  /* What the window's going leaves for the main loop runs while the
   * application is there (the server's end runs the loop too). */
  uc_test_iterate_for (200);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  root = g_dir_make_tmp ("uc-window-library-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("UNDERCUT_DATA_DIR", root, TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/window-library/reimport", test_reimport);
  g_test_add_func ("/window-library/events-file", test_events_file);
  g_test_add_func ("/window-library/download-origin", test_download_origin);

  status = g_test_run ();
  remove_tree (root);
  g_free (root);
  return status;
}
