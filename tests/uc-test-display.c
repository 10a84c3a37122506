/* uc-test-display.c: what the tests on a display share */
#include "uc-test-display.h"

#include <adwaita.h>
#include <string.h>

void
uc_test_skip_or_fail_without_display (void)
{
  /* build-aux/test runs under Xvfb: there a missing display is a failure. */
  if (g_getenv ("UC_TEST_REQUIRE_DISPLAY"))
    g_error ("no display, but UC_TEST_REQUIRE_DISPLAY is set");
  g_test_skip ("no display");
}

/* The main loop run until @done (@data) says so; a failure after @seconds. */
void
uc_test_iterate_until_for (gboolean (*done) (gpointer),
                           gpointer   data,
                           int        seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the window");
      g_usleep (1000);
    }
}

/* Lets the main loop run for @ms. */
void
uc_test_iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

/* The first widget of @type under @root (itself included) whose text (a
 * label's, a row's title) contains @text, or any when @text is NULL. */
GtkWidget *
uc_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *text)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    {
      const char *t = GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root))
                      : ADW_IS_PREFERENCES_ROW (root) ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root))
                      : NULL;

      if (text == NULL || (t && strstr (t, text)))
        return root;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = uc_test_find_widget (child, type, text);

      if (found)
        return found;
    }
  return NULL;
}

/* The open window of @type, or NULL. */
GtkWidget *
uc_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) top = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (top, type))
        return top;
    }
  return NULL;
}
