/* test-table-window.c: Show Data Table on a display: the view's dataset
 * in a table, sorted by a column, filtered, exported and read back */
#include "config.h"

#define UC_TEST_WAIT_SECONDS 20
#include "uc-test-display.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-application.h"
#include "uc-catalog.h"
#include "uc-csv.h"
#include "uc-file-source.h"
#include "uc-table-window.h"
#include "uc-window.h"

static gboolean have_display;

static const char *view_wanted;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), view_wanted) == 0;
}

static gboolean
table_loaded (gpointer data)
{
  return !uc_table_window_get_loading (data) && uc_data_table_get_dataset (uc_table_window_get_table (data)) != NULL;
}

static const char *count_wanted;

static gboolean
count_is (gpointer data)
{
  return g_strcmp0 (uc_data_table_get_count_text (data), count_wanted) == 0;
}

static gboolean
table_drawn (gpointer data)
{
  GtkWidget *view = GTK_WIDGET (uc_data_table_get_column_view (data));

  return gtk_widget_get_mapped (view) && gtk_widget_get_height (view) > 100;
}

/* "647 of 10 873 rows": from 10 000 on, digits in groups of three divided
 * by narrow no-break spaces. */
static char *
count_text (guint shown,
            guint total)
{
  g_autofree char *a = g_strdup_printf ("%u", shown), *b = g_strdup_printf ("%u", total);
  GString *out = g_string_new (NULL);
  const char *numbers[] = { a, b };

  for (guint k = 0; k < 2; k++)
    {
      gsize len = strlen (numbers[k]);

      for (gsize i = 0; i < len; i++)
        {
          if (len >= 5 && i > 0 && (len - i) % 3 == 0)
            g_string_append (out, "\u202f");
          g_string_append_c (out, numbers[k][i]);
        }
      g_string_append (out, k == 0 ? " of " : " rows");
    }
  return g_string_free (out, FALSE);
}

/* The table window that Show Data Table opened. */
static UcTableWindow *
find_table_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (UC_IS_TABLE_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* Whether a cell of @row, as text, contains @needle (casefolded). */
static gboolean
row_contains (UcDataset  *ds,
              guint       row,
              const char *needle)
{
  for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
    {
      g_autofree char *text = uc_dataset_format_cell (ds, c, row);
      g_autofree char *folded = text ? g_utf8_casefold (text, -1) : NULL;

      if (folded && strstr (folded, needle))
        return TRUE;
    }
  return FALSE;
}

/* The title widget of a column's header (the column view's first child
 * is the header row, its children the titles in order). */
static GtkWidget *
header_title (GtkColumnView *view,
              guint          column)
{
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_first_child (GTK_WIDGET (view)));

  for (guint i = 0; title && i < column; i++)
    title = gtk_widget_get_next_sibling (title);
  return title;
}

static void
save_screenshot (GtkWidget  *window,
                 const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, name);
  cairo_surface_destroy (surface);
}

static gboolean
window_sized (gpointer data)
{
  GtkWidget *window = data;
  int *size = g_object_get_data (G_OBJECT (window), "wanted-size");

  return gtk_widget_get_width (window) == size[0] && gtk_widget_get_height (window) == size[1];
}

/* With UC_TEST_SAVE_IMAGES: the table at two sizes, light and dark. */
static void
save_screenshots (UcTableWindow *table)
{
  static const int sizes[][2] = { { 1280, 800 }, { 1024, 700 } };
  AdwStyleManager *style = adw_style_manager_get_default ();

  if (!g_getenv ("UC_TEST_SAVE_IMAGES"))
    return;
  for (guint dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        {
          g_autofree char *name = g_strdup_printf ("data-table-%dx%d-%s.png", sizes[i][0], sizes[i][1],
                                                   dark ? "dark" : "light");
          int wanted[2] = { sizes[i][0], sizes[i][1] };

          int default_w, default_h;

          /* The default size counts the frame the window is drawn in. */
          gtk_window_get_default_size (GTK_WINDOW (table), &default_w, &default_h);
          g_object_set_data (G_OBJECT (table), "wanted-size", wanted);
          gtk_window_set_default_size (GTK_WINDOW (table),
                                       sizes[i][0] + default_w - gtk_widget_get_width (GTK_WIDGET (table)),
                                       sizes[i][1] + default_h - gtk_widget_get_height (GTK_WIDGET (table)));
          uc_test_iterate_until (window_sized, table);
          uc_test_iterate_for (300);
          save_screenshot (GTK_WIDGET (table), name);
        }
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* Market caps of the DeepSeek shock view: the table opens on the view's
 * first chart's dataset, sorts by market cap (largest first, the rows
 * without one last), filters on a ticker, and exports the rows shown. */
static void
test_table_market_caps (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) back = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL, *path = NULL, *wanted = NULL;
  UcWindow *window;
  UcTableWindow *table_window;
  UcDataTable *table;
  UcDataset *ds;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) cap_column = NULL;
  const guint *rows;
  guint n, n_total, n_nvda = 0;
  int cap;
  const double *caps;
  GtkWidget *cap_title;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TableTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("deepseek-shock"));
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, window);

  /* Ctrl+T, listed in the shortcuts window and the menu. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-table");
    g_assert_cmpstr (accels[0], ==, "<Control>t");
  }
  g_assert_null (find_table_window (GTK_APPLICATION (app)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-table", NULL));
  table_window = find_table_window (GTK_APPLICATION (app));
  g_assert_nonnull (table_window);
  uc_test_iterate_until (table_loaded, table_window);
  g_assert_cmpstr (uc_table_window_get_dataset_id (table_window), ==, "market-caps");
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (table_window)) == GTK_WINDOW (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (table_window)), ==,
                   uc_source_get_title (uc_catalog_find (uc_catalog_get_default (), "market-caps")));

  table = uc_table_window_get_table (table_window);
  ds = uc_data_table_get_dataset (table);
  n_total = uc_dataset_get_n_rows (ds);
  g_assert_cmpuint (n_total, >, 10000);
  view = uc_data_table_get_column_view (table);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, uc_dataset_get_n_columns (ds));
  wanted = count_text (n_total, n_total);
  g_assert_cmpstr (uc_data_table_get_count_text (table), ==, wanted);
  uc_test_iterate_until (table_drawn, table);

  /* Sorted by a header as a click sorts (a click's button cannot be
   * faked in process): smallest market cap first, then the largest; the
   * rows without one last both ways. */
  cap = uc_dataset_find_column (ds, "market_cap");
  g_assert_cmpint (cap, >=, 0);
  caps = uc_dataset_get_numbers (ds, cap);
  cap_column = g_list_model_get_item (gtk_column_view_get_columns (view), cap);
  g_assert_cmpstr (gtk_column_view_column_get_title (cap_column), ==, "market_cap");
  cap_title = header_title (view, cap);
  g_assert_nonnull (cap_title);
  g_free (wanted);
  wanted = g_strdup_printf ("market_cap: number, %u missing", uc_dataset_count_missing (ds, cap));
  g_assert_cmpuint (uc_dataset_count_missing (ds, cap), >, 0);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (cap_title), ==, wanted);
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (header_title (view, 0)), "date"));
  gtk_column_view_sort_by_column (view, cap_column, GTK_SORT_ASCENDING);
  rows = uc_data_table_get_shown_rows (table, &n);
  g_assert_cmpuint (n, ==, n_total);
  g_assert_false (isnan (caps[rows[0]]));
  g_assert_true (isnan (caps[rows[n - 1]]));
  for (guint i = 1; i < n; i++)
    g_assert_true (isnan (caps[rows[i]]) || caps[rows[i - 1]] <= caps[rows[i]]);
  gtk_column_view_sort_by_column (view, cap_column, GTK_SORT_DESCENDING);
  rows = uc_data_table_get_shown_rows (table, &n);
  g_assert_false (isnan (caps[rows[0]]));
  g_assert_true (isnan (caps[rows[n - 1]]));
  for (guint i = 1; i < n; i++)
    g_assert_true (isnan (caps[rows[i]]) || caps[rows[i - 1]] >= caps[rows[i]]);
  /* Unsorted: the dataset's order again. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  rows = uc_data_table_get_shown_rows (table, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (rows[i], ==, i);
  gtk_column_view_sort_by_column (view, cap_column, GTK_SORT_DESCENDING);

  /* Typed into the entry: the rows with NVDA (any case) in a cell. */
  for (guint r = 0; r < n_total; r++)
    n_nvda += row_contains (ds, r, "nvda");
  g_assert_cmpuint (n_nvda, >, 100);
  g_assert_cmpuint (n_nvda, <, n_total);
  gtk_editable_set_text (uc_data_table_get_search_entry (table), "nvDA");
  g_free (wanted);
  wanted = count_text (n_nvda, n_total);
  count_wanted = wanted;
  uc_test_iterate_until (count_is, table);
  rows = uc_data_table_get_shown_rows (table, &n);
  g_assert_cmpuint (n, ==, n_nvda);
  for (guint i = 0; i < n; i++)
    {
      g_assert_true (row_contains (ds, rows[i], "nvda"));
      if (i > 0)
        g_assert_true (isnan (caps[rows[i]]) || caps[rows[i - 1]] >= caps[rows[i]]);
    }

  /* Exported: the rows shown, in the order shown, read back the same. */
  dir = g_dir_make_tmp ("uc-table-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "nvda.csv", NULL);
  g_assert_true (uc_data_table_export (table, path, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);
  back = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (back), ==, n);
  g_assert_cmpuint (uc_dataset_get_n_columns (back), ==, uc_dataset_get_n_columns (ds));
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
      {
        g_autofree char *a = uc_dataset_format_cell (ds, c, rows[i]);
        g_autofree char *b = uc_dataset_format_cell (back, c, i);

        g_assert_cmpstr (a, ==, b);
      }

  save_screenshots (table_window);

  /* The view's other dataset, chosen in the header bar. */
  uc_table_window_show_dataset (table_window, 1);
  uc_test_iterate_until (table_loaded, table_window);
  g_assert_cmpstr (uc_table_window_get_dataset_id (table_window), ==, "events");
  if (g_getenv ("UC_TEST_SAVE_IMAGES"))
    {
      uc_test_iterate_for (300);
      save_screenshot (GTK_WIDGET (table_window), "data-table-events.png");
    }
  g_assert_cmpstr (gtk_editable_get_text (uc_data_table_get_search_entry (table)), ==, "");

  gtk_window_close (GTK_WINDOW (table_window));
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

/* A user's file with cells a spreadsheet would run: exported with an
 * apostrophe, and negative numbers still numbers. */
static void
test_table_formulas (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSource) source = NULL;
  g_autoptr(GFile) csv = NULL;
  g_autofree char *dir = NULL, *in_path = NULL, *out_path = NULL, *written = NULL;
  static const char * const ids[] = { "formulas.csv", NULL };
  g_autoptr(GtkColumnViewColumn) change = NULL;
  UcWindow *window;
  UcTableWindow *table_window;
  UcDataTable *table;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  dir = g_dir_make_tmp ("uc-table-XXXXXX", &error);
  g_assert_no_error (error);
  in_path = g_build_filename (dir, "formulas.csv", NULL);
  out_path = g_build_filename (dir, "out.csv", NULL);
  g_assert_true (g_file_set_contents (in_path,
                                      "day,name,change\n"
                                      "2025-01-27,=HYPERLINK(\"\"),-17.0\n"
                                      "2025-01-28,+cmd,-0.5\n"
                                      "2025-01-29,@SUM(A1),3\n"
                                      "2025-01-30,-dash,4\n"
                                      "2025-01-31,plain,-2\n", -1, NULL));
  csv = g_file_new_for_path (in_path);
  source = uc_file_source_new (csv);
  uc_catalog_add (uc_catalog_get_default (), source);

  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TableFormulasTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  table_window = uc_table_window_new (GTK_WINDOW (window), ids);
  gtk_window_present (GTK_WINDOW (table_window));
  uc_test_iterate_until (table_loaded, table_window);
  table = uc_table_window_get_table (table_window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (table_window)), ==, "formulas.csv");

  /* Numbers sorted as numbers; filter by a negative number's text. */
  uc_data_table_set_filter (table, "-");
  g_assert_cmpstr (uc_data_table_get_count_text (table), ==, "5 of 5 rows");
  uc_data_table_set_filter (table, "−0.5");
  g_assert_cmpstr (uc_data_table_get_count_text (table), ==, "1 of 5 rows");
  uc_data_table_set_filter (table, NULL);
  change = g_list_model_get_item (gtk_column_view_get_columns (uc_data_table_get_column_view (table)), 2);
  gtk_column_view_sort_by_column (uc_data_table_get_column_view (table), change, GTK_SORT_ASCENDING);
  g_assert_true (uc_data_table_export (table, out_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==,
                   "day,name,change\n"
                   "2025-01-27,\"'=HYPERLINK(\"\"\"\")\",-17\n"
                   "2025-01-31,plain,-2\n"
                   "2025-01-28,'+cmd,-0.5\n"
                   "2025-01-29,'@SUM(A1),3\n"
                   "2025-01-30,'-dash,4\n");

  gtk_window_close (GTK_WINDOW (table_window));
  gtk_window_close (GTK_WINDOW (window));
  uc_catalog_remove (uc_catalog_get_default (), "formulas.csv");
  g_assert_cmpint (g_unlink (in_path), ==, 0);
  g_assert_cmpint (g_unlink (out_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static gboolean
table_idle (gpointer data)
{
  return !uc_data_table_get_busy (data);
}

static guint n_paints;

static void
count_paint (GdkFrameClock *clock,
             gpointer       data)
{
  n_paints++;
}

static gboolean
painted_since (gpointer data)
{
  return n_paints > GPOINTER_TO_UINT (data);
}

/* A million rows: the table opens, scrolls from end to end and sorts
 * without a long frame (the sort and the filter run on a worker). */
static void
test_table_million_rows (void)
{
  g_autoptr(GString) text = g_string_new ("day,ticker,value,note\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkColumnViewColumn) value_column = NULL;
  /* Made for its resources (the table's template), never run. */
  g_autoptr(UcApplication) app = uc_application_new ();
  static const char * const tickers[] = { "NVDA", "AMD", "TSM", "ASML", "INTC" };
  GtkWidget *window, *scrolled;
  UcDataTable *table;
  GtkAdjustment *vadj;
  GdkFrameClock *clock;
  gint64 start, longest = 0;
  const guint *rows;
  const double *values;
  guint n;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (text, "%04u-%02u-%02u,%s,%u.25,row %u\n", 1950 + i % 70, 1 + i % 12, 1 + i % 28,
                            tickers[i % 5], (i * 7919) % 100003, i);
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));
  ds = uc_csv_read_bytes (bytes, "million.csv", NULL, NULL, &error);
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  table = UC_DATA_TABLE (uc_data_table_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (table));
  start = g_get_monotonic_time ();
  uc_data_table_set_dataset (table, ds);
  g_test_message ("set a million rows: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  gtk_window_present (GTK_WINDOW (window));
  uc_test_iterate_until (table_drawn, table);
  g_assert_cmpstr (uc_data_table_get_count_text (table), ==, "1\u202f000\u202f000 of 1\u202f000\u202f000 rows");

  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (count_paint), NULL);
  scrolled = gtk_widget_get_parent (GTK_WIDGET (uc_data_table_get_column_view (table)));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (uc_data_table_get_column_view (table)));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (scrolled));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadj), >, 1e6);
  for (guint step = 0; step <= 20; step++)
    {
      double upper = gtk_adjustment_get_upper (vadj) - gtk_adjustment_get_page_size (vadj);
      guint before = n_paints;
      gint64 took;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (vadj, upper * (step % 2 ? step : 20 - step) / 20.0);
      uc_test_iterate_until (painted_since, GUINT_TO_POINTER (before));
      took = g_get_monotonic_time () - start;
      longest = MAX (longest, took);
    }
  g_test_message ("longest scroll to a frame: %" G_GINT64_FORMAT " ms", longest / 1000);
  /* A jump binds a new screenful of rows, which costs GTK about 100 ms
   * here for 2,000 rows as for a million (a scroll of a few pixels, a
   * frame's 16 ms): nothing in it grows with the rows. The bound is for
   * the sanitizer build on a shared machine. */
  g_assert_cmpint (longest, <, 1000 * 1000);

  /* Sorted as a header click sorts: the window stays live meanwhile. */
  value_column = g_list_model_get_item (gtk_column_view_get_columns (uc_data_table_get_column_view (table)), 2);
  start = g_get_monotonic_time ();
  gtk_column_view_sort_by_column (uc_data_table_get_column_view (table), value_column, GTK_SORT_DESCENDING);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * 1000);
  uc_test_iterate_until (table_idle, table);
  g_test_message ("sorted a million rows in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  rows = uc_data_table_get_shown_rows (table, &n);
  values = uc_dataset_get_numbers (ds, 2);
  g_assert_cmpuint (n, ==, 1000000);
  g_assert_cmpfloat (values[rows[0]], ==, 100002.25);

  uc_data_table_set_filter (table, "row 99999");
  uc_test_iterate_until (table_idle, table);
  g_assert_cmpstr (uc_data_table_get_count_text (table), ==, "11 of 1\u202f000\u202f000 rows");

  g_signal_handlers_disconnect_by_func (clock, count_paint, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/table-window/market-caps", test_table_market_caps);
  g_test_add_func ("/table-window/formulas", test_table_formulas);
  g_test_add_func ("/table-window/million-rows", test_table_million_rows);

  return g_test_run ();
}
