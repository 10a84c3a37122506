/* test-window-clickhouse.c: a ClickHouse table charted in the real window
 *
 * Starts Debian's clickhouse-server with a tick table and a table that
 * cannot be charted, and drives the window as a user does: Chart a
 * ClickHouse Table…, the server's address typed, Connect, the table and
 * its columns' roles picked, Chart. Then the chart is zoomed: each stretch
 * is asked of the server on a worker (the window's main loop keeps
 * turning meanwhile), the rows the chart holds in a short stretch are the
 * table's own, a stretch seen before comes from what was kept, and a
 * killed server leaves the last frame on screen with an error naming it.
 */
#include "config.h"

#define UC_TEST_WAIT_SECONDS 60
#include "uc-test-display.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>

#include "uc-application.h"
#include "uc-catalog.h"
#include "uc-chart-theme.h"
#include "uc-export.h"
#include <glib/gstdio.h>
#include "uc-clickhouse-dialog.h"
#include "uc-clickhouse-source.h"
#include "uc-remote-frames.h"
#include "uc-secret.h"
#include "uc-sources-dialog.h"
#include "uc-test-clickhouse.h"
#include "uc-transform.h"
#include "uc-window.h"

#define SYMBOLS 3
#define MINUTES 30000
#define T0 G_GINT64_CONSTANT (1420191000)   /* 2015-01-02 09:30 UTC */

static const char *const symbols[SYMBOLS] = { "BYDDY", "NVDA", "TSM" };
#define PASSWORD "s3cret-analyst"   /* tests/uc-test-clickhouse.c's user "analyst" */

static gboolean have_display;
static UcApplication *test_app;
static UcTestClickhouse *server;
static UcSeries *all[SYMBOLS];
static char *tmp_dir;

static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
load_tables (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (7);
  double price[SYMBOLS] = { 10, 20, 30 };

  g_free (uc_test_clickhouse_run (server, "CREATE TABLE ticks (ts DateTime, symbol String, price Float64) "
                                          "ENGINE = MergeTree() ORDER BY (symbol, ts)", NULL));
  g_free (uc_test_clickhouse_run (server, "CREATE TABLE notes (who String, what String) ENGINE = Memory", NULL));
  for (int s = 0; s < SYMBOLS; s++)
    all[s] = uc_series_new (symbols[s], symbols[s]);
  for (int m = 0; m < MINUTES; m++)
    for (int s = 0; s < SYMBOLS; s++)
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        price[s] = round (price[s] * exp (g_rand_double_range (rand, -0.002, 0.002)) * 100) / 100;
        g_string_append_printf (csv, "%" G_GINT64_FORMAT ",%s,%s\n", T0 + 60 * m, symbols[s],
                                g_ascii_formatd (number, sizeof number, "%.17g", price[s]));
        uc_series_append (all[s], (T0 + 60 * (gint64) m) * G_USEC_PER_SEC, price[s]);
      }
  g_rand_free (rand);
  g_free (uc_test_clickhouse_run (server, "INSERT INTO ticks FORMAT CSV", csv->str));
}

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
dialog_idle (gpointer data)
{
  return !uc_clickhouse_dialog_is_busy (data);
}

/* The combo row titled @title: the names it offers, in order. */
static char *
offered (GtkWidget  *dialog,
         const char *title)
{
  AdwComboRow *row = ADW_COMBO_ROW (uc_test_find_widget (dialog, ADW_TYPE_COMBO_ROW, title));
  GListModel *model = adw_combo_row_get_model (row);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; model && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (names, "%s%s", i ? "," : "", gtk_string_object_get_string (item));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
pick (GtkWidget  *dialog,
      const char *title,
      guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (uc_test_find_widget (dialog, ADW_TYPE_COMBO_ROW, title)), position);
}

static gboolean
card_has_every_series (gpointer data)
{
  g_autofree char *card = uc_chart_view_get_crosshair_card (data);

  for (guint s = 0; card && s < SYMBOLS; s++)
    if (strstr (card, symbols[s]) == NULL)
      return FALSE;
  return card != NULL;
}

static gboolean
password_kept (gpointer url)
{
  g_autofree char *password = uc_secret_lookup (url, "analyst", NULL, NULL);

  return g_strcmp0 (password, PASSWORD) == 0;
}

static gboolean
password_gone (gpointer url)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = uc_secret_lookup (url, "analyst", NULL, &error);

  g_assert_no_error (error);
  return password == NULL;
}

/* The catalog's ClickHouse table. */
static UcSource *
table_source (void)
{
  GListModel *catalog = G_LIST_MODEL (uc_catalog_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
    {
      g_autoptr(UcSource) source = g_list_model_get_item (catalog, i);

      if (UC_IS_CLICKHOUSE_SOURCE (source))
        return source;
    }
  g_assert_not_reached ();
}

typedef struct
{
  UcRemoteFrames *frames;
  guint           shown;
  UcTime          from, to;
} Wait;

static gboolean
frame_shown (gpointer data)
{
  Wait *w = data;
  UcTime from, to;

  return uc_remote_frames_get_n_shown (w->frames) > w->shown && uc_remote_frames_get_shown (w->frames, &from, &to) &&
         from == w->from && to == w->to && !uc_remote_frames_get_busy (w->frames);
}

static gboolean
failed (gpointer data)
{
  return uc_remote_frames_get_failed (data) && !uc_remote_frames_get_busy (data);
}

/* Sets the window's days to @from … @to and waits for their frame;
 * returns the longest the main loop was held meanwhile, in ms. */
static double
show_range (UcWindow       *window,
            UcRemoteFrames *frames,
            UcTime          from,
            UcTime          to)
{
  Wait w = { frames, uc_remote_frames_get_n_shown (frames), from, to };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC, last = g_get_monotonic_time ();
  double held = 0;

  uc_time_range_set (uc_window_get_time_range (window), from, to);
  while (!frame_shown (&w))
    {
      gint64 now;

      if (g_get_monotonic_time () > deadline)
        {
          UcTime a = 0, b = 0;

          uc_remote_frames_get_shown (frames, &a, &b);
          g_error ("no frame of %" G_GINT64_FORMAT " … %" G_GINT64_FORMAT ": shown %u (%" G_GINT64_FORMAT " … %"
                   G_GINT64_FORMAT "), fetched %u, busy %d, status %s", from, to, uc_remote_frames_get_n_shown (frames),
                   a, b, uc_remote_frames_get_n_fetched (frames), uc_remote_frames_get_busy (frames),
                   uc_remote_frames_get_status (frames));
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
      now = g_get_monotonic_time ();
      held = MAX (held, (now - last) / 1000.0);
      last = now;
    }
  return held;
}

/* The chart's series @s: its points between @from and @to equal the
 * table's rows there. */
static void
assert_rows (UcWindow *window,
             guint     s,
             UcTime    from,
             UcTime    to)
{
  UcChartSpec *spec = uc_chart_view_get_spec (uc_window_get_chart_view (window));
  UcSeries *shown = uc_chart_spec_find_series (spec, symbols[s]);
  const UcTime *x = uc_series_get_x (shown), *ax = uc_series_get_x (all[s]);
  const double *y = uc_series_get_y (shown), *ay = uc_series_get_y (all[s]);
  guint i = 0, j = 0, n = uc_series_get_length (shown), an = uc_series_get_length (all[s]), compared = 0;

  for (; i < n && x[i] < from; i++)
    ;
  for (; j < an && ax[j] < from; j++)
    ;
  for (; i < n && j < an && ax[j] <= to; i++, j++, compared++)
    {
      g_assert_cmpint (x[i], ==, ax[j]);
      g_assert_cmpfloat (y[i], ==, ay[j]);
    }
  g_assert_cmpuint (compared, >, 10);
}

/* A 300 dpi export of the chart as shown: asked again at its own
 * columns, it draws what every row of the table draws, to the pixel. */
static void
assert_export_exact (UcWindow       *window,
                     UcRemoteFrames *frames)
{
  UcChartView *chart = uc_window_get_chart_view (window);
  UcChartDrawOptions how = uc_chart_view_get_export_options (chart);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) refined = uc_remote_frames_refine (frames, uc_chart_view_get_shown_spec (chart), 1600, 900,
                                                            3.125, &how, &error);
  g_autoptr(UcChartSpec) truth = NULL, shown_truth = NULL;
  char *paths[2] = { g_build_filename (tmp_dir, "refined.png", NULL), g_build_filename (tmp_dir, "rows.png", NULL) };
  char *bytes[2];
  gsize sizes[2];

  g_assert_no_error (error);
  truth = uc_chart_spec_copy_without_series (refined);
  for (guint s = 0; s < uc_chart_spec_get_n_series (refined); s++)
    {
      UcSeries *made = uc_chart_spec_get_series (refined, s);
      g_autoptr(UcSeries) rows = uc_series_new (uc_series_get_id (made), uc_series_get_label (made));

      for (guint k = 0; k < SYMBOLS; k++)
        if (g_str_equal (symbols[k], uc_series_get_id (made)))
          for (guint i = 0; i < uc_series_get_length (all[k]); i++)
            uc_series_append (rows, uc_series_get_x (all[k])[i], uc_series_get_y (all[k])[i]);
      uc_series_copy_style (rows, made);
      uc_chart_spec_add_series (truth, rows);
    }
  /* As the Export dialog writes them. */
  for (guint k = 0; k < 2; k++)
    {
      UcChartSpec *spec = k == 0 ? refined : truth;
      int height = 900;

      g_assert_true (uc_export_charts (&spec, &how, &height, 1, uc_chart_theme_light (), paths[k], UC_EXPORT_PNG, 1600,
                                       3.125, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (paths[k], &bytes[k], &sizes[k], NULL));
    }
  g_assert_cmpuint (sizes[0], ==, sizes[1]);
  g_assert_true (memcmp (bytes[0], bytes[1], sizes[0]) == 0);
  for (guint k = 0; k < 2; k++)
    {
      g_unlink (paths[k]);
      g_free (paths[k]);
      g_free (bytes[k]);
    }
}

/* The shown series labelled @label (a rebased one's id has a suffix). */
static UcSeries *
shown_series (UcChartView *chart,
              const char  *label)
{
  UcChartSpec *spec = uc_chart_view_get_shown_spec (chart);

  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    if (g_str_equal (uc_series_get_label (uc_chart_spec_get_series (spec, s)), label))
      return uc_chart_spec_get_series (spec, s);
  g_assert_not_reached ();
}

/* A midnight in @from … @to whose row some series does not draw (it is
 * no column's first, lowest, highest or last): a base day the columns
 * alone would get wrong. */
static UcTime
undrawn_midnight (UcChartView *chart,
                  UcTime       from,
                  UcTime       to)
{
  UcChartSpec *spec = uc_chart_view_get_spec (chart);
  UcTime day = (from / (G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC) + 1) * G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC;

  for (; day < to; day += G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC)
    for (guint s = 0; s < SYMBOLS; s++)
      if (uc_series_find (uc_chart_spec_find_series (spec, symbols[s]), day) < 0)
        return day;
  g_assert_not_reached ();
}

/* Values rebased on @day: every series is 100 at its own row of that
 * day, and each row drawn is its value over that row's. */
static void
assert_rebased_on (UcChartView *chart,
                   UcTime       day)
{
  for (guint s = 0; s < SYMBOLS; s++)
    {
      UcSeries *rebased = shown_series (chart, symbols[s]);
      int i = uc_series_find (all[s], day);
      double base = uc_series_get_y (all[s])[i], v;
      UcTime at;

      g_assert_cmpint (i, >=, 0);
      g_assert_true (uc_series_point_on_or_before (rebased, day, &v, &at));
      g_assert_cmpint (at, ==, day);
      g_assert_cmpfloat (v, ==, 100);
      for (guint k = 0; k < uc_series_get_length (rebased); k += 97)
        {
          int j = uc_series_find (all[s], uc_series_get_x (rebased)[k]);

          g_assert_cmpint (j, >=, 0);
          g_assert_cmpfloat (uc_series_get_y (rebased)[k], ==, uc_series_get_y (all[s])[j] / base * 100);
        }
    }
}

static void
test_chart_table (void)
{
  UcApplication *app;
  g_autoptr(GError) error = NULL;
  g_autofree char *tables = NULL, *times = NULL, *values = NULL, *groups = NULL, *url = NULL;
  UcTime hour_from = (T0 + 86400 * 3) * G_USEC_PER_SEC, hour_to = hour_from + 2 * 3600 * (gint64) G_USEC_PER_SEC;
  UcTime week_from = (T0 + 86400 * 5) * G_USEC_PER_SEC, week_to = week_from + 7 * 86400 * (gint64) G_USEC_PER_SEC;
  UcRemoteFrames *frames;
  UcWindow *window;
  GtkWidget *dialog;
  UcSource *source;
  const char *id, *status;
  guint fetched;
  double held;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  app = test_app;
  g_application_set_application_id (G_APPLICATION (app), "io.github.undercut.Undercut.ClickhouseTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  uc_test_iterate_until (chart_drawn, window);

  /* The dialog: address, Connect, the tables a chart can take. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-clickhouse", NULL));
  dialog = GTK_WIDGET (uc_window_get_clickhouse_dialog (window));
  g_assert_nonnull (dialog);
  uc_test_iterate_for (100);
  gtk_editable_set_text (GTK_EDITABLE (uc_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "Address")),
                         uc_test_clickhouse_url (server));
  /* A wrong password first: the server's refusal, said in the dialog. */
  gtk_editable_set_text (GTK_EDITABLE (uc_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, "User")), "analyst");
  gtk_editable_set_text (GTK_EDITABLE (uc_test_find_widget (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password")), "wrong");
  g_assert_true (gtk_widget_activate_action (dialog, "clickhouse.connect", NULL));
  uc_test_iterate_until (dialog_idle, dialog);
  {
    g_autofree char *none = offered (dialog, "Table");

    g_assert_cmpstr (none, ==, "");
    g_test_message ("wrong password: %s", uc_clickhouse_dialog_get_status (UC_CLICKHOUSE_DIALOG (dialog)));
    g_assert_nonnull (strstr (uc_clickhouse_dialog_get_status (UC_CLICKHOUSE_DIALOG (dialog)), "Wrong password"));
  }
  gtk_editable_set_text (GTK_EDITABLE (uc_test_find_widget (dialog, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password")), PASSWORD);
  g_assert_true (gtk_widget_activate_action (dialog, "clickhouse.connect", NULL));
  uc_test_iterate_until (dialog_idle, dialog);
  tables = offered (dialog, "Table");
  g_assert_cmpstr (tables, ==, "ticks");   /* notes has no time or number column */
  times = offered (dialog, "Time");
  values = offered (dialog, "Value");
  groups = offered (dialog, "One series per");
  g_assert_cmpstr (times, ==, "ts");
  g_assert_cmpstr (values, ==, "price");
  g_assert_cmpstr (groups, ==, "None: one series,symbol");
  pick (dialog, "One series per", 1);
  uc_test_iterate_until (dialog_idle, dialog);
  g_assert_nonnull (uc_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, "NVDA"));
  g_assert_true (gtk_widget_activate_action (dialog, "clickhouse.chart", NULL));
  uc_test_iterate_for (50);
  g_assert_null (uc_window_get_clickhouse_dialog (window));

  /* Its view: in the sidebar and the catalog, loaded, asked per frame. */
  uc_test_iterate_until (not_loading, window);
  id = uc_window_get_view_id (window);
  g_assert_true (g_str_has_prefix (id, UC_CLICKHOUSE_SOURCE_PREFIX));
  g_assert_nonnull (uc_view_catalog_find (uc_window_get_views (window), id, NULL));
  source = uc_catalog_find (uc_catalog_get_default (), id);
  g_assert_true (UC_IS_CLICKHOUSE_SOURCE (source));
  url = g_strdup (uc_test_clickhouse_url (server));
  g_assert_cmpstr (uc_source_get_url (source), ==, url);
  g_assert_cmpuint (uc_chart_spec_get_n_series (uc_chart_view_get_spec (uc_window_get_chart_view (window))), ==, SYMBOLS);
  g_assert_true (strstr (uc_chart_spec_get_source (uc_chart_view_get_spec (uc_window_get_chart_view (window))),
                         "ticks") != NULL);
  frames = UC_REMOTE_FRAMES (uc_window_get_remote_frames (window));
  g_assert_nonnull (frames);

  /* The Sources page says what it is and where. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL));
  uc_test_iterate_for (100);
  {
    GtkWidget *sources = uc_test_find_toplevel (UC_TYPE_SOURCES_DIALOG);
    GtkWidget *row;

    g_assert_nonnull (sources);
    row = uc_test_find_widget (sources, ADW_TYPE_ACTION_ROW, "default.ticks");
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), url));
    gtk_window_destroy (GTK_WINDOW (sources));
  }

  /* Two hours: every row, the table's own; the main loop kept turning. */
  held = show_range (window, frames, hour_from, hour_to);
  g_test_message ("main loop held at most %.1f ms while the frame was asked", held);
  g_assert_cmpfloat (held, <, 250);
  for (guint s = 0; s < SYMBOLS; s++)
    assert_rows (window, s, hour_from, hour_to);
  status = uc_remote_frames_get_status (frames);
  g_assert_nonnull (strstr (status, "every one drawn"));

  /* A week: columns; then the two hours again, from what was kept. */
  show_range (window, frames, week_from, week_to);
  g_assert_nonnull (strstr (uc_remote_frames_get_status (frames), "per pixel column"));
  fetched = uc_remote_frames_get_n_fetched (frames);
  assert_export_exact (window, frames);

  /* The crosshair on a column's extreme: each series' own row then, asked
   * of the server, not only the series whose point it is. */
  {
    UcChartView *chart = uc_window_get_chart_view (window);
    UcSeries *nvda = uc_chart_spec_find_series (uc_chart_view_get_spec (chart), "NVDA");
    UcSeries *byd = uc_chart_spec_find_series (uc_chart_view_get_spec (chart), "BYDDY");
    int i = uc_series_find_before (nvda, week_from + 3 * 86400 * (gint64) G_USEC_PER_SEC);

    /* An extreme of NVDA's alone: BYD has no point drawn then. */
    while (uc_series_find (byd, uc_series_get_x (nvda)[i]) >= 0)
      i++;
    uc_chart_view_set_crosshair (chart, TRUE, uc_series_get_x (nvda)[i]);
    uc_test_iterate_until (card_has_every_series, chart);
  }
  show_range (window, frames, hour_from, hour_to);
  g_assert_cmpuint (uc_remote_frames_get_n_fetched (frames), ==, fetched);
  for (guint s = 0; s < SYMBOLS; s++)
    assert_rows (window, s, hour_from, hour_to);

  /* Rebased on a day, the whole span shown: the base is that day's row,
   * asked of the server, not a column's extreme drawn before it. */
  {
    UcChartView *chart = uc_window_get_chart_view (window);
    UcTime span_from = T0 * G_USEC_PER_SEC, span_to = (T0 + 60 * (gint64) (MINUTES - 1)) * G_USEC_PER_SEC, day;
    g_auto(UcChartOptions) rebased = UC_CHART_OPTIONS_INIT;
    g_auto(UcChartOptions) as_is = UC_CHART_OPTIONS_INIT;
    Wait w;

    show_range (window, frames, span_from, span_to);
    day = undrawn_midnight (chart, span_from, span_to);
    rebased.value_mode = UC_VALUE_MODE_REBASED;
    rebased.base = day;
    w = (Wait) { frames, uc_remote_frames_get_n_shown (frames), span_from, span_to };
    uc_chart_view_set_options (chart, &rebased);
    uc_test_iterate_until (frame_shown, &w);
    assert_rebased_on (chart, day);
    /* The crosshair's rows, asked of the server, rebased as the lines. */
    {
      UcSeries *nvda = uc_chart_spec_find_series (uc_chart_view_get_spec (chart), "NVDA");
      UcSeries *byd = uc_chart_spec_find_series (uc_chart_view_get_spec (chart), "BYDDY");
      int i = uc_series_find_before (nvda, day + G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC);
      g_autofree char *card = NULL;

      while (uc_series_find (byd, uc_series_get_x (nvda)[i]) >= 0)
        i++;
      uc_chart_view_set_crosshair (chart, TRUE, uc_series_get_x (nvda)[i]);
      uc_test_iterate_until (card_has_every_series, chart);
      card = uc_chart_view_get_crosshair_card (chart);
      g_test_message ("rebased card: %s", card);
      uc_chart_view_set_crosshair (chart, FALSE, 0);
    }
    w.shown = uc_remote_frames_get_n_shown (frames);
    uc_chart_view_set_options (chart, &as_is);
    uc_test_iterate_until (frame_shown, &w);
  }

  /* The settings keep the table and the user, the keyring the password. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.undercut.Undercut");
    g_autoptr(GVariant) kept = g_settings_get_value (settings, "clickhouse-tables");
    g_autofree char *printed = g_variant_print (kept, FALSE);

    g_assert_cmpuint (g_variant_n_children (kept), ==, 1);
    g_assert_nonnull (strstr (printed, "'analyst'"));
    g_assert_nonnull (strstr (printed, "'NVDA'"));
    g_assert_null (strstr (printed, PASSWORD));
    uc_test_iterate_until (password_kept, url);
  }
  gtk_window_close (GTK_WINDOW (window));
  uc_test_iterate_for (100);
}

/* Another start: the table is in the sidebar again, read with the
 * keyring's password. The server dies: an error naming it, the last frame
 * still drawn. Remove on the Sources page takes the table out of the
 * sidebar, the catalog, the settings and the keyring. */
static void
test_next_start (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.undercut.Undercut");
  g_autoptr(GVariant) tables = NULL;
  UcTime week_from = (T0 + 86400 * 5) * G_USEC_PER_SEC, week_to = week_from + 7 * 86400 * (gint64) G_USEC_PER_SEC;
  g_autofree char *url = g_strdup (uc_test_clickhouse_url (server)), *id = NULL;
  UcRemoteFrames *frames;
  UcWindow *window;
  GtkWidget *sources, *row, *remove;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  /* What the first window's process had goes with it. */
  id = g_strdup (uc_source_get_id (table_source ()));
  uc_catalog_remove (uc_catalog_get_default (), id);
  g_application_activate (G_APPLICATION (test_app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (test_app)));
  uc_test_iterate_until (chart_drawn, window);
  g_assert_nonnull (uc_view_catalog_find (uc_window_get_views (window), id, NULL));
  g_assert_true (uc_window_show_view (window, id, &error));
  g_assert_no_error (error);
  uc_test_iterate_until (not_loading, window);
  g_assert_cmpstr (uc_window_get_view_id (window), ==, id);
  frames = UC_REMOTE_FRAMES (uc_window_get_remote_frames (window));
  show_range (window, frames, week_from, week_to);

  uc_test_clickhouse_kill (server);
  uc_time_range_set (uc_window_get_time_range (window), week_from, week_to + 86400 * (gint64) G_USEC_PER_SEC);
  uc_test_iterate_until (failed, frames);
  g_assert_nonnull (strstr (uc_remote_frames_get_status (frames), url));
  g_assert_cmpuint (uc_chart_spec_get_n_series (uc_chart_view_get_spec (uc_window_get_chart_view (window))), ==, SYMBOLS);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL));
  uc_test_iterate_for (100);
  sources = uc_test_find_toplevel (UC_TYPE_SOURCES_DIALOG);
  row = uc_test_find_widget (sources, ADW_TYPE_ACTION_ROW, "default.ticks");
  g_assert_nonnull (row);
  remove = uc_test_find_widget (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  uc_test_iterate_for (100);
  gtk_window_destroy (GTK_WINDOW (sources));
  tables = g_settings_get_value (settings, "clickhouse-tables");
  g_assert_cmpuint (g_variant_n_children (tables), ==, 0);
  g_assert_null (uc_view_catalog_find (uc_window_get_views (window), id, NULL));
  g_assert_null (uc_catalog_find (uc_catalog_get_default (), id));
  g_assert_null (uc_window_get_remote_frames (window));
  uc_test_iterate_until (password_gone, url);
  gtk_window_close (GTK_WINDOW (window));
  uc_test_iterate_for (100);
}

/* A keyring of the test's own, unlocked, in its folder: the password
 * goes there, and it goes with the test. */
static GSubprocess *
start_keyring (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *home = g_build_filename (tmp_dir, "home", NULL);
  g_autofree char *runtime = g_build_filename (tmp_dir, "run", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *keyring;

  g_mkdir_with_parents (runtime, 0700);
  g_mkdir_with_parents (data, 0700);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  keyring = g_subprocess_launcher_spawn (launcher, &error, "gnome-keyring-daemon", "--foreground", "--unlock",
                                         "--components=secrets", NULL);
  g_assert_no_error (error);
  g_output_stream_write_all (g_subprocess_get_stdin_pipe (keyring), "test", 4, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (g_subprocess_get_stdin_pipe (keyring), NULL, NULL);
  return keyring;
}

int
main (int argc, char **argv)
{
  g_autofree char *config = NULL, *data = NULL, *command = NULL;
  g_autoptr(GSubprocess) keyring = NULL;
  int status;

  tmp_dir = g_dir_make_tmp ("undercut-window-clickhouse-XXXXXX", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  data = g_build_filename (tmp_dir, "data", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("UNDERCUT_DATA_DIR", data, TRUE);
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();
  keyring = start_keyring ();
  server = uc_test_clickhouse_start ();
  load_tables ();
  test_app = uc_application_new ();
  g_test_add_func ("/window-clickhouse/chart-table", test_chart_table);
  g_test_add_func ("/window-clickhouse/next-start", test_next_start);
  status = g_test_run ();
  g_clear_object (&test_app);
  uc_test_clickhouse_free (server);
  g_subprocess_force_exit (keyring);
  g_subprocess_wait (keyring, NULL, NULL);
  for (guint s = 0; s < SYMBOLS; s++)
    g_clear_object (&all[s]);
  command = g_strdup_printf ("rm -rf '%s'", tmp_dir);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
  g_free (tmp_dir);
  return status;
}
