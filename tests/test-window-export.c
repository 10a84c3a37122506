/* test-window-export.c: the Export dialog on a display, and the window's
 * charts sharing their height as exports share it */
#include "config.h"

#include "uc-test-display.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-application.h"
#include "uc-charts-layout.h"
#include "uc-stack-split.h"
#include "uc-window.h"

static gboolean have_display;

/* Every chart of the window drawn. */
static gboolean
charts_drawn (gpointer data)
{
  GtkWidget *first = GTK_WIDGET (uc_window_get_chart_view (data));

  for (GtkWidget *c = first; c; c = gtk_widget_get_next_sibling (c))
    if (UC_IS_CHART_VIEW (c) && uc_chart_view_get_draw_count (UC_CHART_VIEW (c)) == 0)
      return FALSE;
  return TRUE;
}

/* The window's layout of charts and uc_stack_split(), which exports use,
 * give every chart the same height: charts as the window makes them (at
 * least uc_stack_min_height(), a summary chart that does not expand), laid out at the
 * heights of the windows the issue looks at and more. */
static void
test_layout_matches_split (void)
{
  const int totals[] = { 400, 440, 500, 560, 600, 640, 700, 760, 900, 1080, 1400 };
  const gboolean kinds[][3] = { { FALSE, TRUE }, { FALSE, FALSE }, { FALSE, FALSE, TRUE }, { FALSE } };
  const guint counts[] = { 2, 2, 3, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) shock = NULL;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  shock = uc_view_load ("deepseek-shock", &error);
  g_assert_no_error (error);
  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      GtkWidget *box = g_object_ref_sink (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      GtkWidget *charts[3];

      gtk_widget_set_layout_manager (box, uc_charts_layout_new ());
      for (guint i = 0; i < counts[k]; i++)
        {
          charts[i] = gtk_drawing_area_new ();
          gtk_widget_set_size_request (charts[i], -1, uc_stack_min_height (kinds[k][i]));
          gtk_widget_set_vexpand (charts[i], !kinds[k][i]);
          gtk_box_append (GTK_BOX (box), charts[i]);
        }
      for (guint t = 0; t < G_N_ELEMENTS (totals); t++)
        {
          int heights[3], view_heights[2], min = 0;

          gtk_widget_measure (box, GTK_ORIENTATION_VERTICAL, 1000, &min, NULL, NULL, NULL);
          if (totals[t] < min)
            continue;   /* the window is never given less */
          gtk_widget_size_allocate (box, &(GtkAllocation) { 0, 0, 1000, totals[t] }, -1);
          uc_stack_split (counts[k], kinds[k], NULL, totals[t], heights);
          for (guint i = 0; i < counts[k]; i++)
            g_assert_cmpint (gtk_widget_get_height (charts[i]), ==, heights[i]);
          if (k == 0)
            {
              uc_view_split_height (shock, totals[t], view_heights);
              g_assert_cmpint (view_heights[0], ==, heights[0]);
              g_assert_cmpint (view_heights[1], ==, heights[1]);
            }
        }
      g_object_unref (box);
    }
}

static GtkWidget *
dialog_child (UcExportDialog *dialog,
              const char     *name)
{
  GtkWidget *child = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), UC_TYPE_EXPORT_DIALOG, name));

  g_assert_nonnull (child);
  return child;
}

/* A pixel of a PNG, as 0xRRGGBB. */
static guint32
pixel (cairo_surface_t *png,
       int              x,
       int              y)
{
  const guint8 *data = cairo_image_surface_get_data (png);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (png) + x * 4) & 0xffffff;
}

static guint32
rgb (const UcColor *c)
{
  return (guint32) (c->red * 255 + 0.5) << 16 | (guint32) (c->green * 255 + 0.5) << 8 | (guint32) (c->blue * 255 + 0.5);
}

/* The file chooser has its folder once it has loaded it. */
static gboolean
chooser_has_folder (gpointer data)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (data);

  return folder != NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return uc_window_get_export_dialog (data) == NULL;
}

/* Ctrl+E's dialog: Custom 900 × 500, dark, to a PNG of that size on a
 * dark background; the choices and the folder are kept, and the file
 * chooser opens in that folder next time, on the view's name. "As on
 * screen" gives the charts' size in the window. */
static void
test_export_dialog (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *dir = NULL, *path = NULL, *screen_path = NULL, *name = NULL, *kept = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) chooser_folder = NULL;
  g_autoptr(GFile) expected = NULL;
  const char *pictures = g_get_user_special_dir (G_USER_DIRECTORY_PICTURES);
  UcExportDialog *dialog;
  GtkFileChooser *chooser;
  GtkWidget *charts;
  cairo_surface_t *png;
  UcWindow *window;
  guint32 dark = rgb (&uc_chart_theme_dark ()->background);

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  settings = g_settings_new (APP_ID);
  g_settings_reset (settings, "export-folder");
  /* On a bus name of its own: the other window tests run beside it. */
  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".WindowExport");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  uc_test_iterate_until (charts_drawn, window);
  charts = gtk_widget_get_parent (GTK_WIDGET (uc_window_get_chart_view (window)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  dialog = uc_window_get_export_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  /* Never exported: the chooser would open in Pictures (home without one). */
  folder = uc_export_dialog_get_folder (dialog);
  expected = g_file_new_for_path (pictures && g_file_test (pictures, G_FILE_TEST_IS_DIR) ? pictures
                                                                                        : g_get_home_dir ());
  g_assert_true (g_file_equal (folder, expected));
  g_clear_object (&folder);

  /* Custom 900 × 500, dark. */
  g_assert_false (gtk_widget_get_visible (dialog_child (dialog, "width_row")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "format_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "size_row")), 6);
  g_assert_true (gtk_widget_get_visible (dialog_child (dialog, "width_row")));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "width_spin")), 900);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "height_spin")), 500);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "theme_row")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "scale_row")), 0);
  /* The sizes are bounded. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "height_spin")), 20);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (dialog_child (dialog, "height_spin"))), ==,
                   UC_EXPORT_DIALOG_MIN_SIZE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (dialog_child (dialog, "height_spin")), 500);

  dir = g_dir_make_tmp ("uc-window-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "deepseek-shock.png", NULL);
  g_assert_true (uc_export_dialog_export_to (dialog, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 500);
  g_assert_cmphex (pixel (png, 3, 3), ==, dark);
  g_assert_cmphex (pixel (png, 896, 496), ==, dark);
  cairo_surface_destroy (png);

  /* Kept for next time, the folder with them. */
  kept = g_settings_get_string (settings, "export-folder");
  g_assert_cmpstr (kept, ==, dir);
  g_clear_pointer (&kept, g_free);
  kept = g_settings_get_string (settings, "export-size");
  g_assert_cmpstr (kept, ==, "custom");
  g_clear_pointer (&kept, g_free);
  kept = g_settings_get_string (settings, "export-theme");
  g_assert_cmpstr (kept, ==, "dark");
  g_assert_cmpint (g_settings_get_int (settings, "export-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "export-height"), ==, 500);

  /* Export…: the chooser opens in that folder, on the view's name. */
  uc_export_dialog_choose (dialog);
  chooser = uc_export_dialog_get_chooser (dialog);
  g_assert_nonnull (chooser);
  uc_test_iterate_until (chooser_has_folder, chooser);
  chooser_folder = gtk_file_chooser_get_current_folder (chooser);
  g_clear_object (&expected);
  expected = g_file_new_for_path (dir);
  g_assert_nonnull (chooser_folder);
  g_assert_true (g_file_equal (chooser_folder, expected));
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "deepseek-shock.png");
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  g_assert_null (uc_export_dialog_get_chooser (dialog));

  /* As on screen: the charts' size in the window, light. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "size_row")), 5);
  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "theme_row")), 1);
  screen_path = g_build_filename (dir, "screen.png", NULL);
  g_assert_true (uc_export_dialog_export_to (dialog, screen_path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (screen_path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, gtk_widget_get_width (charts));
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, gtk_widget_get_height (charts));
  g_assert_cmphex (pixel (png, 3, 3), ==, rgb (&uc_chart_theme_light ()->background));
  cairo_surface_destroy (png);

  /* A name without our extension is refused (the chooser adds one). */
  g_assert_false (uc_export_dialog_export_to (dialog, dir, &error));
  g_clear_error (&error);

  /* Closed (Escape's action), it goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  uc_test_iterate_until (no_dialog, window);

  g_unlink (path);
  g_unlink (screen_path);
  g_rmdir (dir);
  gtk_window_close (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/window-export/layout-matches-split", test_layout_matches_split);
  g_test_add_func ("/window-export/dialog", test_export_dialog);

  return g_test_run ();
}
