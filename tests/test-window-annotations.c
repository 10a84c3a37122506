/* test-window-annotations.c: the user's own events added, edited and
 * deleted in the window
 *
 * UNDERCUT_DATA_DIR points at a fresh temporary folder, so the events
 * written are the test's own; a second application on the same folder
 * stands for the next start. With UC_TEST_SAVE_IMAGES, the New Event
 * dialog over a 1200×760 window is saved, light and dark (on X11 without
 * a window manager, a window is held to the screen: a screen of 1210×770
 * makes it that size).
 */
#include "config.h"

#define UC_TEST_WAIT_SECONDS 30
#include "uc-test-display.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-application.h"
#include "uc-event-dialog.h"
#include "uc-event-list.h"
#include "uc-window.h"

static gboolean have_display;
static char *root;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), "deepseek-shock") == 0;
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
  uc_test_iterate_until (not_loading, *window);
  g_assert_true (uc_window_show_view (*window, "deepseek-shock", &error));
  g_assert_no_error (error);
  uc_test_iterate_until (view_shown, *window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (*window), "win.reset-range", NULL));
  return app;
}

/* The event dialog open, if any. */
static UcEventDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (UC_IS_EVENT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return UC_EVENT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static const char *
field (UcEventDialog *dialog,
       const char    *name)
{
  return gtk_editable_get_text (uc_event_dialog_get_field (dialog, name));
}

static void
set_field (UcEventDialog *dialog,
           const char    *name,
           const char    *text)
{
  gtk_editable_set_text (uc_event_dialog_get_field (dialog, name), text);
}

static gboolean
can_save (UcEventDialog *dialog)
{
  return adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save");
}

/* The button labelled @label under @widget. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found)
        return found;
    }
  return NULL;
}

/* The response's button clicked, as a person does: the dialog goes. */
static void
respond (UcEventDialog *dialog,
         const char    *label)
{
  GtkWidget *button = find_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  uc_test_iterate_until (dialog_gone, NULL);
}

/* The user's event titled @title on the chart shown (NULL: none), and
 * how many of the user's there are. */
static UcEvent *
chart_event (UcWindow   *window,
             const char *title,
             guint      *n)
{
  UcChartSpec *shown = uc_chart_view_get_shown_spec (uc_window_get_chart_view (window));
  UcEvent *found = NULL;

  *n = 0;
  for (guint i = 0; i < uc_chart_spec_get_n_events (shown); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (shown, i);

      if (uc_event_get_category (event) != UC_EVENT_USER)
        continue;
      (*n)++;
      if (g_strcmp0 (uc_event_get_title (event), title) == 0)
        found = event;
    }
  return found;
}

static UcEventList *
event_list (UcWindow *window)
{
  return UC_EVENT_LIST (uc_test_find_widget (GTK_WIDGET (window), UC_TYPE_EVENT_LIST, NULL));
}

/* The user's event titled @title in the events table, and how many of
 * the user's are listed. */
static UcEvent *
listed_event (UcWindow   *window,
              const char *title,
              guint      *n)
{
  GListModel *list = uc_event_list_get_shown (event_list (window));
  UcEvent *found = NULL;

  *n = 0;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(UcEvent) event = g_list_model_get_item (list, i);

      if (uc_event_get_category (event) != UC_EVENT_USER)
        continue;
      (*n)++;
      if (g_strcmp0 (uc_event_get_title (event), title) == 0)
        found = event;
    }
  return found;
}

static void
save_screenshot (GtkWidget  *window,
                 GtkWidget  *dialog,
                 const char *name)
{
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);
  int dw = gtk_widget_get_width (dialog), dh = gtk_widget_get_height (dialog);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);
  GtkWidget *widgets[] = { window, dialog };

  /* The dialog over the window's middle, as a desktop places it. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widgets[i]);
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      int pw = i ? dw : w, ph = i ? dh : h;

      gdk_paintable_snapshot (paintable, snapshot, pw, ph);
      node = gtk_snapshot_free_to_node (snapshot);
      cairo_save (cr);
      if (i)
        cairo_translate (cr, (w - dw) / 2, (h - dh) / 2);
      if (node)
        gsk_render_node_draw (node, cr);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, name);
  cairo_surface_destroy (surface);
}

static gboolean
window_sized (gpointer data)
{
  return gtk_widget_get_width (data) == 1200 && gtk_widget_get_height (data) == 760;
}

/* With UC_TEST_SAVE_IMAGES, a 1200×760 window for them. */
static void
size_for_screenshots (UcWindow *window)
{
  int default_w, default_h;

  if (!g_getenv ("UC_TEST_SAVE_IMAGES"))
    return;
  gtk_window_get_default_size (GTK_WINDOW (window), &default_w, &default_h);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200 + default_w - gtk_widget_get_width (GTK_WIDGET (window)),
                               760 + default_h - gtk_widget_get_height (GTK_WIDGET (window)));
  uc_test_iterate_until (window_sized, window);
}

/* ...and the dialog over it, light and dark. */
static void
save_screenshots (UcWindow      *window,
                  UcEventDialog *dialog)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (!g_getenv ("UC_TEST_SAVE_IMAGES"))
    return;
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *name = g_strdup_printf ("new-event-1200x760-%s.png", dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      uc_test_iterate_for (400);
      save_screenshot (GTK_WIDGET (window), GTK_WIDGET (dialog), name);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static const char description[] = "We shipped, \"finally\";\nsecond line\n=SUM(A1)";

/* Added through the dialog (its fields filled as a person types them),
 * listed and drawn; edited from the chart's popover and from the table;
 * deleted and undone; merged with an events file; exported; and read
 * again by the next start. */
static void
test_add_edit_delete (void)
{
  g_autoptr(UcApplication) app = NULL, again = NULL;
  g_autofree char *kept = g_build_filename (root, "events", "your-events.csv", NULL);
  g_autofree char *exported = g_build_filename (root, "exported.csv", NULL);
  g_autofree char *imported = g_build_filename (root, "imported.csv", NULL);
  g_autofree char *kept_text = NULL, *exported_text = NULL;
  UcWindow *window;
  UcEventDialog *dialog;
  UcEvent *event;
  guint n;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  app = start ("AnnotationsTest", &window);
  size_for_screenshots (window);
  g_assert_null (chart_event (window, NULL, &n));
  g_assert_cmpuint (n, ==, 0);
  /* None yet: nothing to export. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-events-file", "s", exported);
  g_assert_false (g_file_test (exported, G_FILE_TEST_EXISTS));

  /* The days of a Shift-drag, as the toast's Mark This Range… gives them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.mark-days", "(xx)",
                                             (gint64) uc_time_from_ymd (2025, 1, 27) + (gint64) 3600 * G_USEC_PER_SEC,
                                             (gint64) uc_time_from_ymd (2025, 1, 29)));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_null (uc_event_dialog_get_editing (dialog));
  g_assert_cmpstr (field (dialog, "date"), ==, "2025-01-27");
  g_assert_cmpstr (field (dialog, "end"), ==, "2025-01-29");
  /* No title yet: nothing to save. */
  g_assert_false (can_save (dialog));
  set_field (dialog, "title", "=Launch, \"v2\"");
  g_assert_true (can_save (dialog));
  set_field (dialog, "end", "2025-01-20");
  g_assert_false (can_save (dialog));
  set_field (dialog, "end", "");
  set_field (dialog, "source", "ftp://example.com/file");
  g_assert_false (can_save (dialog));
  set_field (dialog, "source", "javascript:alert(1)");
  g_assert_false (can_save (dialog));
  set_field (dialog, "source", "https://example.com/launch?a=1,2");
  set_field (dialog, "date", "2025-02-30");
  g_assert_false (can_save (dialog));
  set_field (dialog, "date", "2025-01-28");
  set_field (dialog, "category", "Ours; \"mine\"");
  gtk_text_buffer_set_text (uc_event_dialog_get_description (dialog), description, -1);
  g_assert_true (can_save (dialog));
  save_screenshots (window, dialog);
  respond (dialog, "_Add");

  event = chart_event (window, "=Launch, \"v2\"", &n);
  g_assert_nonnull (event);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (uc_event_get_description (event), ==, description);
  g_assert_cmpstr (uc_event_get_tag (event), ==, "Ours; \"mine\"");
  g_assert_cmpstr (uc_event_get_source_url (event), ==, "https://example.com/launch?a=1,2");
  g_assert_cmpint (uc_event_get_time (event), ==, uc_time_from_ymd (2025, 1, 28));
  g_assert_nonnull (listed_event (window, "=Launch, \"v2\"", &n));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  /* Edited from its popover on the chart (the chart's copy of it). */
  g_signal_emit_by_name (uc_window_get_chart_view (window), "edit-event", event);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (uc_event_dialog_get_editing (dialog));
  g_assert_cmpstr (field (dialog, "title"), ==, "=Launch, \"v2\"");
  g_assert_cmpstr (field (dialog, "category"), ==, "Ours; \"mine\"");
  g_assert_cmpstr (field (dialog, "date"), ==, "2025-01-28");
  g_assert_cmpstr (field (dialog, "end"), ==, "");
  set_field (dialog, "title", "Launch, renamed");
  set_field (dialog, "end", "2025-01-31");
  respond (dialog, "_Save");
  g_assert_null (chart_event (window, "=Launch, \"v2\"", &n));
  event = chart_event (window, "Launch, renamed", &n);
  g_assert_nonnull (event);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (uc_event_get_end (event), ==, uc_time_from_ymd (2025, 1, 31));
  g_assert_cmpstr (uc_event_get_description (event), ==, description);

  /* From the table: Edit… opens it, Cancel changes nothing. */
  event = listed_event (window, "Launch, renamed", &n);
  g_assert_nonnull (event);
  g_assert_true (uc_event_list_select (event_list (window), event));
  uc_event_list_activate_tool (event_list (window), FALSE);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (field (dialog, "title"), ==, "Launch, renamed");
  set_field (dialog, "title", "Not kept");
  respond (dialog, "_Cancel");
  g_assert_nonnull (chart_event (window, "Launch, renamed", &n));

  /* Deleted from the table, then undone from its toast. */
  event = listed_event (window, "Launch, renamed", &n);
  g_assert_true (uc_event_list_select (event_list (window), event));
  uc_event_list_activate_tool (event_list (window), TRUE);
  g_assert_null (chart_event (window, NULL, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (listed_event (window, NULL, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (g_file_test (kept, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-event", "u", 0));
  g_assert_nonnull (chart_event (window, "Launch, renamed", &n));
  g_assert_nonnull (listed_event (window, "Launch, renamed", &n));
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_file_test (kept, G_FILE_TEST_EXISTS));

  /* Deleted from the chart's popover too (and undone again). */
  g_signal_emit_by_name (uc_window_get_chart_view (window), "delete-event", chart_event (window, "Launch, renamed", &n));
  g_assert_null (chart_event (window, NULL, &n));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-event", "u", 0));
  g_assert_nonnull (chart_event (window, "Launch, renamed", &n));

  /* Ctrl+click on a day: a second event, that day prefilled. */
  g_signal_emit_by_name (uc_window_get_chart_view (window), "add-event", (gint64) uc_time_from_ymd (2025, 2, 3),
                         (gint64) uc_time_from_ymd (2025, 2, 3));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (field (dialog, "date"), ==, "2025-02-03");
  set_field (dialog, "title", "42");
  respond (dialog, "_Add");
  g_assert_nonnull (chart_event (window, "42", &n));
  g_assert_cmpuint (n, ==, 2);

  /* Events File… with some already: its events added to them, none
   * twice (the same file again adds nothing). */
  g_assert_true (g_file_set_contents (imported, "date,title\n2025-02-03,42\n2025-02-10,Imported one\n", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-events-file", "s", imported));
      g_assert_nonnull (chart_event (window, "Imported one", &n));
      g_assert_cmpuint (n, ==, 3);
      g_assert_nonnull (chart_event (window, "Launch, renamed", &n));
    }

  /* Export Your Events… writes what is kept. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-events-file", "s", exported));
  g_assert_true (g_file_get_contents (kept, &kept_text, NULL, NULL));
  g_assert_true (g_file_get_contents (exported, &exported_text, NULL, NULL));
  g_assert_cmpstr (exported_text, ==, kept_text);
  g_assert_true (g_str_has_prefix (kept_text, "date,end,title,description,category,source_url\n"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* The next start reads them again, every character as typed. */
  again = start ("AnnotationsAgainTest", &window);
  event = chart_event (window, "Launch, renamed", &n);
  g_assert_nonnull (event);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (uc_event_get_description (event), ==, description);
  g_assert_cmpstr (uc_event_get_tag (event), ==, "Ours; \"mine\"");
  g_assert_cmpint (uc_event_get_end (event), ==, uc_time_from_ymd (2025, 1, 31));
  g_assert_nonnull (chart_event (window, "42", &n));
  g_assert_nonnull (listed_event (window, "Imported one", &n));
  g_assert_cmpuint (n, ==, 3);
  /* Switched off as a category like the others. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.events-user", NULL));
  g_assert_null (chart_event (window, NULL, &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.events-user", NULL));
  g_assert_nonnull (chart_event (window, "42", &n));
  /* Switched off, a new event switches them on again: it is to be seen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.events-user", NULL));
  g_assert_null (chart_event (window, NULL, &n));
  g_signal_emit_by_name (uc_window_get_chart_view (window), "add-event", (gint64) uc_time_from_ymd (2025, 2, 20),
                         (gint64) uc_time_from_ymd (2025, 2, 20));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  set_field (dialog, "title", "Seen at once");
  respond (dialog, "_Add");
  g_assert_nonnull (chart_event (window, "Seen at once", &n));
  g_assert_cmpuint (n, ==, 4);
  gtk_window_destroy (GTK_WINDOW (window));
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

  root = g_dir_make_tmp ("uc-window-annotations-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("UNDERCUT_DATA_DIR", root, TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/window-annotations/add-edit-delete", test_add_edit_delete);

  status = g_test_run ();
  remove_tree (root);
  g_free (root);
  return status;
}
