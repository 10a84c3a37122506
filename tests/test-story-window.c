/* test-story-window.c: Test the Story on a display: the claims with their
 * Open Chart buttons, the event studies of the DeepSeek shock and of BYD's
 * announcement, the price frontier refitted, open weights as shares, the
 * event clicked studied, and a page's chart exported */
#include "config.h"

#define UC_TEST_WAIT_SECONDS 30
#include "uc-test-display.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-application.h"
#include "uc-claims-page.h"
#include "uc-frontier-page.h"
#include "uc-moves-page.h"
#include "uc-releases-page.h"
#include "uc-study-page.h"
#include "uc-story-window.h"
#include "uc-window.h"

static gboolean have_display;
static const char *view_wanted;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), view_wanted) == 0;
}

static gboolean
story_ready (gpointer data)
{
  UcStoryWindow *story = data;
  UcClaimsPage *claims = UC_CLAIMS_PAGE (uc_story_window_get_page_widget (story, "claims"));

  return !uc_story_window_get_loading (story) && uc_claims_page_get_n_claims (claims) > 0;
}

static void
assert_has (const char *text,
            const char *wanted)
{
  if (strstr (text, wanted) == NULL)
    g_error ("“%s” not in:\n%s", wanted, text);
}

static UcStoryWindow *
open_story (UcWindow *window)
{
  UcStoryWindow *story;

  g_assert_null (uc_window_get_story_window (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.test-story", NULL));
  story = uc_window_get_story_window (window);
  g_assert_nonnull (story);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (story)) == GTK_WINDOW (window));
  uc_test_iterate_until (story_ready, story);
  g_assert_cmpstr (uc_story_window_get_page (story), ==, "claims");
  return story;
}

/* The claims' buttons: a view of the main window, or a page here. */
static void
check_claims (UcWindow      *window,
              UcStoryWindow *story)
{
  UcClaimsPage *claims = UC_CLAIMS_PAGE (uc_story_window_get_page_widget (story, "claims"));

  g_assert_cmpuint (uc_claims_page_get_n_claims (claims), ==, 7);
  view_wanted = "pricing";
  g_assert_true (uc_window_show_view (window, "pricing", NULL));
  uc_test_iterate_until (view_shown, window);
  g_signal_emit_by_name (uc_claims_page_get_button (claims, 0), "clicked");
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, window);
  g_signal_emit_by_name (uc_claims_page_get_button (claims, 2), "clicked");
  g_assert_cmpstr (uc_story_window_get_page (story), ==, "study");
  g_signal_emit_by_name (uc_claims_page_get_button (claims, 3), "clicked");
  g_assert_cmpstr (uc_story_window_get_page (story), ==, "frontier");
  g_signal_emit_by_name (uc_claims_page_get_button (claims, 5), "clicked");
  g_assert_cmpstr (uc_story_window_get_page (story), ==, "releases");
}

/* The DeepSeek shock for the eight, BYD's charging for Hong Kong, and a
 * study that cannot run saying why while the last one stays. */
static void
check_study (UcStoryWindow *story)
{
  UcStudyPage *study = UC_STUDY_PAGE (uc_story_window_get_page_widget (story, "study"));
  g_autofree char *us = NULL, *hk = NULL;
  UcChartSpec *spec;

  g_assert_true (uc_story_window_open_link (story, "undercut:story/study?event=2025-01-27", NULL));
  g_assert_null (uc_study_page_get_error (study));
  us = uc_study_page_get_table_text (study);
  assert_has (us, "NVDA");
  assert_has (us, "−12.95%");
  assert_has (us, "t −2.65, p 0.009");
  assert_has (us, "Equal-weight basket");
  spec = uc_study_page_get_spec (study);
  g_assert_nonnull (spec);
  g_assert_cmpint (uc_chart_spec_get_x_kind (spec), ==, UC_X_NUMBER);

  g_assert_true (uc_story_window_open_link (story, "undercut:story/study?event=2025-03-17&companies=HK", NULL));
  g_assert_null (uc_study_page_get_error (study));
  hk = uc_study_page_get_table_text (study);
  assert_has (hk, "1211.HK");
  assert_has (hk, "+4.84%");
  spec = uc_study_page_get_spec (study);

  uc_study_page_set_companies (study, "NOSUCH");
  g_assert_nonnull (uc_study_page_get_error (study));
  assert_has (uc_study_page_get_error (study), "NOSUCH");
  g_assert_true (uc_study_page_get_spec (study) == spec);
  uc_study_page_set_companies (study, "HK");
  g_assert_null (uc_study_page_get_error (study));
}

/* 27 January 2025 was not the largest fall: 3 April was, for the eight
 * and, in money, for the nine with Broadcom. */
static void
check_moves (UcStoryWindow *story)
{
  UcMovesPage *moves = UC_MOVES_PAGE (uc_story_window_get_page_widget (story, "moves"));
  g_autofree char *eight = NULL, *nine = NULL;

  g_assert_true (uc_story_window_open_link (story, "undercut:story/moves", NULL));
  g_assert_cmpstr (uc_story_window_get_page (story), ==, "moves");
  g_assert_null (uc_moves_page_get_error (moves));
  eight = uc_moves_page_get_table_text (moves);
  assert_has (eight, "1\t3 Apr 2025\t−6.88%\t−$1.1T");
  assert_has (eight, "3\t27 Jan 2025\t−4.61%\t−$842B\t2025-01-27 DeepSeek shock");
  g_assert_true (uc_story_window_open_link (story, "undercut:story/moves?companies=NVDA,MSFT,GOOGL,META,AVGO,TSM,"
                                                   "ORCL,AAPL,AMZN&by=money", NULL));
  nine = uc_moves_page_get_table_text (moves);
  assert_has (nine, "3 Apr 2025\t−7.06%\t−$1.2T");
  uc_moves_page_set_companies (moves, "NOSUCH");
  g_assert_nonnull (uc_moves_page_get_error (moves));
  uc_moves_page_set_companies (moves, "");
  g_assert_null (uc_moves_page_get_error (moves));
}

static void
check_frontier (UcStoryWindow *story)
{
  UcFrontierPage *frontier = UC_FRONTIER_PAGE (uc_story_window_get_page_widget (story, "frontier"));
  g_autofree char *all = NULL, *deepseek = NULL;

  g_assert_true (uc_story_window_open_link (story, "undercut:story/frontier?price=output", NULL));
  all = uc_frontier_page_get_table_text (frontier);
  assert_has (all, "US\t4.4 months\t2.4 months – 14.6 months");
  assert_has (all, "China\t12.5 months");
  g_assert_true (uc_story_window_open_link (story, "undercut:story/frontier?filter=deepseek", NULL));
  deepseek = uc_frontier_page_get_table_text (frontier);
  assert_has (deepseek, "China\t13.4 months");
  g_assert_null (strstr (deepseek, "US\t"));
  g_assert_null (uc_frontier_page_get_error (frontier));
  /* The US frontier over China's, over time. */
  g_assert_true (uc_story_window_open_link (story, "undercut:story/frontier?chart=ratio&filter=", NULL));
  g_assert_cmpstr (uc_chart_spec_get_title (uc_frontier_page_get_spec (frontier)), ==, "The US frontier over China’s");
  g_assert_cmpuint (uc_series_get_length (uc_chart_spec_get_series (uc_frontier_page_get_spec (frontier), 0)), >=, 3);
  g_assert_true (uc_story_window_open_link (story, "undercut:story/frontier", NULL));
  g_assert_cmpstr (uc_chart_spec_get_title (uc_frontier_page_get_spec (frontier)), ==, "The price frontier");
}

static void
check_releases (UcStoryWindow *story)
{
  UcReleasesPage *releases = UC_RELEASES_PAGE (uc_story_window_get_page_widget (story, "releases"));
  g_autofree char *table = NULL;

  g_assert_true (uc_story_window_open_link (story, "undercut:story/releases?shares=1", NULL));
  g_assert_cmpint (uc_chart_spec_get_value_format (uc_releases_page_get_spec (releases)), ==, UC_VALUE_PERCENT);
  table = uc_releases_page_get_table_text (releases);
  assert_has (table, "2025 Q1");
  assert_has (table, "All\t");
  g_assert_false (uc_story_window_open_link (story, "undercut:story/nowhere", NULL));
}

/* The page's chart through the Export dialog, to a PNG. */
static void
check_export (UcStoryWindow *story)
{
  g_autofree char *dir = g_dir_make_tmp ("uc-story-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "study.png", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
      uc_story_window_get_page_widget (story, "study"), ADW_TYPE_VIEW_STACK)), "study");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (story), "story.export", NULL));
  g_assert_nonnull (uc_story_window_get_export_dialog (story));
  g_assert_true (uc_export_dialog_export_to (uc_story_window_get_export_dialog (story), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 1000);
  g_assert_cmpmem (data, 4, "\x89PNG", 4);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_story (void)
{
  g_autoptr (UcApplication) app = NULL;
  g_autoptr (GError) error = NULL;
  UcWindow *window;
  UcStoryWindow *story;
  UcStudyPage *study;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".StoryTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  {
    g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.test-story");
    g_assert_cmpstr (accels[0], ==, "<Shift><Control>t");
  }
  story = open_story (window);
  check_claims (window, story);
  check_study (story);
  check_moves (story);
  check_frontier (story);
  check_releases (story);
  check_export (story);

  /* An event clicked on a chart, studied. */
  study = UC_STUDY_PAGE (uc_story_window_get_page_widget (story, "study"));
  {
    g_autoptr (UcEvent) event = uc_event_new (uc_time_from_ymd (2025, 4, 3), "Tariffs", UC_EVENT_POLICY);
    g_autofree char *table = NULL;

    uc_window_focus_event (window, event);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.study-event", NULL));
    g_assert_cmpstr (uc_story_window_get_page (story), ==, "study");
    g_assert_null (uc_study_page_get_error (study));
    table = uc_study_page_get_table_text (study);
    assert_has (table, "CAR 0…+5");
  }
  gtk_window_destroy (GTK_WINDOW (story));
  g_assert_null (uc_window_get_story_window (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  g_test_add_func ("/story-window/pages", test_story);
  return g_test_run ();
}
