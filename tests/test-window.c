/* test-window.c: the real window opens on a display and its chart draws */
#include "config.h"

#include "uc-test-display.h"

#include <adwaita.h>

#include "uc-application.h"
#include "uc-catalog.h"
#include "uc-file-source.h"
#include "uc-window.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static gboolean have_display;

static gboolean
chart_drawn (gpointer data)
{
  return uc_chart_view_get_draw_count (uc_window_get_chart_view (data)) > 0;
}

/* Every chart of the window drawn, with one plot x for all. */
static gboolean
charts_aligned (gpointer data)
{
  GtkWidget *first = GTK_WIDGET (uc_window_get_chart_view (data));
  UcChartLayout a, b;

  if (!uc_chart_view_get_layout (UC_CHART_VIEW (first), &a))
    return FALSE;
  for (GtkWidget *c = gtk_widget_get_next_sibling (first); c; c = gtk_widget_get_next_sibling (c))
    if (UC_IS_CHART_VIEW (c) && (!uc_chart_view_get_layout (UC_CHART_VIEW (c), &b) || b.x != a.x || b.width != a.width))
      return FALSE;
  return TRUE;
}

static gboolean
layout_ready (gpointer data)
{
  UcChartLayout layout;

  return uc_chart_view_get_layout (uc_window_get_chart_view (data), &layout);
}

/* Renders the chart widget the way GTK put it on screen, into cairo. */
static cairo_surface_t *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cairo_t *cr = cairo_create (surface);

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint
count_color (cairo_surface_t *surface,
             guint32          rgb)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint n = 0;

  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
        int dr = (int) (p >> 16) - (int) (rgb >> 16);
        int dg = (int) ((p >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff);
        int db = (int) (p & 0xff) - (int) (rgb & 0xff);

        n += abs (dr) + abs (dg) + abs (db) < 40;
      }
  return n;
}

/* At the moment the window maps, its chart has its data: the first frame
 * shows the view, not a blank chart while the data loads. */
static void
check_chart_at_map (GtkWidget *window,
                    gboolean  *checked)
{
  g_assert_nonnull (uc_chart_view_get_spec (uc_window_get_chart_view (UC_WINDOW (window))));
  g_assert_false (uc_window_get_loading (UC_WINDOW (window)));
  *checked = TRUE;
}

static void
test_window_draws_chart (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  cairo_surface_t *surface;
  UcWindow *window;
  UcChartView *view;
  UcChartLayout layout;
  gboolean checked = FALSE;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  app = uc_application_new ();
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  if (gtk_widget_get_mapped (GTK_WIDGET (window)))
    check_chart_at_map (GTK_WIDGET (window), &checked);
  else
    g_signal_connect (window, "map", G_CALLBACK (check_chart_at_map), &checked);
  uc_test_iterate_until (chart_drawn, window);
  /* The charts line up their plots once each has been drawn: the first
   * is drawn again when the second's labels need more room. */
  uc_test_iterate_until (charts_aligned, window);
  g_assert_true (checked);
  g_signal_handlers_disconnect_by_func (window, check_chart_at_map, &checked);

  view = uc_window_get_chart_view (window);
  g_assert_true (uc_chart_view_get_layout (view, &layout));
  g_assert_cmpfloat (layout.width, >, 300);
  g_assert_cmpfloat (layout.height, >, 200);
  /* The source both charts share is printed once, under the last; the
   * first chart's footer keeps its note whole. */
  {
    GtkWidget *second = gtk_widget_get_next_sibling (GTK_WIDGET (view));

    g_assert_true (UC_IS_CHART_VIEW (second));
    g_assert_false (uc_chart_view_get_show_source (view));
    g_assert_true (uc_chart_view_get_show_source (UC_CHART_VIEW (second)));
  }

  /* The chart follows the window: all its width but the sidebar's. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, gtk_widget_get_width (GTK_WIDGET (window)) - 260);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (view)), >=, 900);

  surface = render_widget (GTK_WIDGET (view));
  if (g_getenv ("UC_TEST_SAVE_IMAGES"))
    cairo_surface_write_to_png (surface, "test-window.png");
  /* Nvidia's line (Tol indigo) is on screen, and the crash marker (red)
   * runs down the plot at 27 January: dashes on 58% of its length, about
   * 35% of the plot's height in full colour once their ends blend. */
  g_assert_cmpuint (count_color (surface, 0x332288), >, 500);
  {
    int x = (int) uc_chart_layout_x_for_time (&layout, uc_time_from_ymd (2025, 1, 27));
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);
    guint red = 0;

    for (int y = (int) layout.y; y < (int) (layout.y + layout.height); y++)
      for (int dx = -1; dx <= 1; dx++)
        {
          guint32 p = *(const guint32 *) (data + y * stride + (x + dx) * 4) & 0xffffff;

          red += abs ((int) (p >> 16) - 0xc0) + abs ((int) ((p >> 8) & 0xff) - 0x1c) + abs ((int) (p & 0xff) - 0x28) < 40;
        }
    g_assert_cmpuint (red, >, layout.height * 0.3);
  }
  cairo_surface_destroy (surface);

  /* Every menu command is a working action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "win.show-help-overlay", NULL));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "about"));
  g_assert_nonnull (g_action_map_lookup_action (G_ACTION_MAP (app), "quit"));
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.export");
    g_assert_cmpstr (accels[0], ==, "<Control>e");
  }

  /* Closing saves the size for next time. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1111, 777);
  gtk_window_close (GTK_WINDOW (window));
  settings = g_settings_new (APP_ID);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1111);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 777);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static gboolean
second_chart_drawn (gpointer data)
{
  GtkWidget *next = gtk_widget_get_next_sibling (GTK_WIDGET (uc_window_get_chart_view (data)));

  return next && uc_chart_view_get_draw_count (UC_CHART_VIEW (next)) > 0;
}

/* The first widget of @type that is shown (a drop-down's popup has a
 * search entry of its own, hidden). */
static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_is_visible (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found)
        return found;
    }
  return NULL;
}

static double
count_of_releases (UcChartSpec *spec)
{
  double total = 0;

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    for (guint k = 0; k < uc_series_get_length (uc_chart_spec_get_series (spec, i)); k++)
      total += uc_series_get_y (uc_chart_spec_get_series (spec, i))[k];
  return total;
}

/* A key as the widget's key controller gets it; whether it was taken. */
static gboolean
press_key_with (GtkWidget       *widget,
                guint            keyval,
                GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  return handled;
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  return press_key_with (widget, keyval, 0);
}

static const char *view_wanted;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), view_wanted) == 0;
}

/* The size text of @widget is drawn at, in pixels (its CSS font). */
static double
widget_font_px (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *desc = pango_context_get_font_description (context);
  double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  double dpi = pango_cairo_context_get_resolution (context);

  if (pango_font_description_get_size_is_absolute (desc))
    return size;
  return size * (dpi > 0 ? dpi : 96) / 72;
}

/* The window's caption size: a label with libadwaita's .caption style. */
static double
window_caption_px (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Source");
  double px;

  gtk_widget_add_css_class (label, "caption");
  gtk_window_set_child (GTK_WINDOW (window), label);
  px = widget_font_px (label);
  gtk_window_destroy (GTK_WINDOW (window));
  return px;
}

static guint draws_before;

static gboolean
chart_drawn_again (gpointer data)
{
  return uc_chart_view_get_draw_count (uc_window_get_chart_view (data)) > draws_before;
}

/* Chart text at 1200×760: one size for every chart of each view, the
 * window's body size, nothing under the window's caption size (before:
 * 8 px, and 15 px beside 8 px at 1920); it follows the desktop's font
 * and text scaling while the window is open. */
static void
test_window_chart_text_size (void)
{
  static const char *const views[] = { "deepseek-shock", "hardware-evs", "model-releases", "pricing" };
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *font_name = NULL;
  g_autoptr(GSettings) settings_size = NULL;
  GtkSettings *settings;
  UcWindow *window;
  UcChartView *first;
  double caption, px;
  int xft_dpi;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  /* The default size (an earlier test left its own). */
  settings_size = g_settings_new (APP_ID);
  g_settings_set_int (settings_size, "window-width", 1200);
  g_settings_set_int (settings_size, "window-height", 760);
  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TextSizeTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  uc_test_iterate_until (chart_drawn, window);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 1180);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), >=, 740);

  caption = window_caption_px ();
  g_assert_cmpfloat (caption, >=, 11);   /* 9 pt at 96 dpi: 12 px */
  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      guint n = 0;

      g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string (views[v]));
      view_wanted = views[v];
      uc_test_iterate_until (view_shown, window);
      uc_test_iterate_until (charts_aligned, window);
      first = uc_window_get_chart_view (window);
      px = uc_chart_view_get_font_px (first);
      g_assert_cmpfloat_with_epsilon (px, 44.0 / 3, 1e-9);   /* the tests' 11 pt */
      for (GtkWidget *c = GTK_WIDGET (first); c; c = gtk_widget_get_next_sibling (c))
        if (UC_IS_CHART_VIEW (c))
          {
            g_assert_cmpfloat (uc_chart_view_get_font_px (UC_CHART_VIEW (c)), ==, px);
            g_assert_cmpfloat (uc_chart_view_get_caption_px (UC_CHART_VIEW (c)), >=, caption - 0.01);
            g_assert_cmpfloat (uc_chart_view_get_export_options (UC_CHART_VIEW (c)).font_px, ==, px);
            n++;
          }
      /* The shock and the releases: two charts each. */
      g_assert_cmpuint (n, >=, v == 0 || v == 2 ? 2 : 1);
    }

  /* The desktop's text made larger (13 pt, text scaling 1.25: 120 dpi):
   * every chart follows, and is drawn again. */
  g_unsetenv ("UNDERCUT_CHART_FONT");
  settings = gtk_settings_get_default ();
  g_object_get (settings, "gtk-font-name", &font_name, "gtk-xft-dpi", &xft_dpi, NULL);
  draws_before = uc_chart_view_get_draw_count (first);
  g_object_set (settings, "gtk-font-name", "Cantarell 13", "gtk-xft-dpi", 120 * 1024, NULL);
  for (GtkWidget *c = GTK_WIDGET (first); c; c = gtk_widget_get_next_sibling (c))
    if (UC_IS_CHART_VIEW (c))
      {
        g_assert_cmpfloat_with_epsilon (uc_chart_view_get_font_px (UC_CHART_VIEW (c)), 13 * 120 / 72.0, 1e-9);
        g_assert_cmpfloat_with_epsilon (uc_chart_view_get_caption_px (UC_CHART_VIEW (c)), 9 * 120 / 72.0, 1e-9);
      }
  uc_test_iterate_until (chart_drawn_again, window);
  g_assert_cmpfloat (uc_chart_view_get_caption_px (first), >=, window_caption_px () - 0.01);

  g_object_set (settings, "gtk-font-name", font_name, "gtk-xft-dpi", xft_dpi, NULL);
  g_setenv ("UNDERCUT_CHART_FONT", "11pt", TRUE);
  gtk_window_close (GTK_WINDOW (window));
}

/* app.show-view, as scripts send it, for a view whose data is not loaded
 * yet: the view shown stays while it loads, then the new one is shown. */
static void
show_view_loading (UcApplication *app,
                   UcWindow      *window,
                   const char    *id)
{
  const char *before = uc_window_get_view_id (window);

  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string (id));
  g_assert_true (uc_window_get_loading (window));
  g_assert_cmpstr (uc_window_get_view_id (window), ==, before);
  view_wanted = id;
  uc_test_iterate_until (view_shown, window);
}

static UcChartSpec *bars_before_filter;
static double bars_wanted;   /* releases counted, or -1: any other count than bars_before_filter's */

/* Setting a search entry's text empties it first, so the filter may see
 * no words for a moment: wait for the count wanted, not for any change. */
static gboolean
bars_refiltered (gpointer data)
{
  UcChartSpec *spec = uc_chart_view_get_spec (data);

  if (bars_wanted >= 0)
    return count_of_releases (spec) == bars_wanted;
  return spec != bars_before_filter && count_of_releases (spec) != count_of_releases (bars_before_filter);
}

/* Views by action, as `gapplication action` sends them; every chart of a
 * view on one shared stretch of time; ranges by action; the last view
 * remembered; an unknown view refused without harm. */
static void
test_window_views_and_range (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = NULL;
  UcWindow *window;
  UcChartView *first, *second;
  UcTime from, to, spec_from, spec_to;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  /* Its own bus name: the first test's application may still hold the usual one. */
  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".ViewsTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  show_view_loading (app, window, "model-releases");
  g_assert_cmpstr (uc_window_get_view_id (window), ==, "model-releases");
  uc_test_iterate_until (second_chart_drawn, window);
  first = uc_window_get_chart_view (window);
  second = UC_CHART_VIEW (gtk_widget_get_next_sibling (GTK_WIDGET (first)));
  g_assert_true (uc_chart_view_get_time_range (first) == uc_chart_view_get_time_range (second));
  g_assert_cmpint (uc_chart_spec_get_kind (uc_chart_view_get_spec (first)), ==, UC_CHART_LANES);
  g_assert_cmpint (uc_chart_spec_get_kind (uc_chart_view_get_spec (second)), ==, UC_CHART_BARS);

  /* One range for both: what one shows, the other shows. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-range", g_variant_new_string ("2025-01-01/2025-03-31"));
  uc_time_range_get (uc_window_get_time_range (window), &from, &to);
  g_assert_cmpint (from, ==, uc_time_from_ymd (2025, 1, 1));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 4, 1) - 1);
  uc_chart_spec_get_range (uc_chart_view_get_shown_spec (second), &spec_from, &spec_to);
  g_assert_cmpint (spec_from, ==, from);
  g_assert_cmpint (spec_to, ==, to);

  /* Zoom in around a date, then back to the view's own range. */
  uc_time_range_zoom (uc_window_get_time_range (window), 0.5, uc_time_from_ymd (2025, 1, 27));
  uc_time_range_get (uc_window_get_time_range (window), &from, &to);
  g_assert_cmpint (to - from, <, 50 * UC_USEC_PER_DAY);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.reset-range", NULL));
  uc_time_range_get (uc_window_get_time_range (window), &from, &to);
  uc_chart_spec_get_range (uc_chart_view_get_spec (first), &spec_from, &spec_to);
  g_assert_cmpint (from, ==, spec_from);
  g_assert_cmpint (to, ==, spec_to);

  /* The filter keeps the releases with every word: DeepSeek's open ones. */
  uc_chart_view_set_event_filter (first, "DeepSeek OPEN");
  {
    UcChartSpec *shown = uc_chart_view_get_shown_spec (first);

    g_assert_cmpuint (uc_chart_spec_get_n_events (shown), >=, 4);
    for (guint i = 0; i < uc_chart_spec_get_n_events (shown); i++)
      {
        UcEvent *event = uc_chart_spec_get_event (shown, i);

        g_assert_nonnull (strstr (uc_event_get_description (event), "DeepSeek"));
        g_assert_false (uc_event_get_hollow (event));
      }
  }
  uc_chart_view_set_event_filter (first, NULL);
  g_assert_cmpuint (uc_chart_spec_get_n_events (uc_chart_view_get_shown_spec (first)), ==,
                    uc_chart_spec_get_n_events (uc_chart_view_get_spec (first)));

  /* Typed in the window's filter, the words narrow the lanes and the
   * releases counted per quarter alike; cleared, everything is back. */
  {
    GtkEditable *entry = GTK_EDITABLE (find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY));
    double all = count_of_releases (uc_chart_view_get_spec (second));
    guint n_deepseek = 0;

    bars_before_filter = uc_chart_view_get_spec (second);
    bars_wanted = -1;
    gtk_editable_set_text (entry, "deepseek");
    uc_test_iterate_until (bars_refiltered, second);
    for (guint i = 0; i < uc_chart_spec_get_n_events (uc_chart_view_get_shown_spec (first)); i++)
      g_assert_nonnull (strstr (uc_event_get_description (uc_chart_spec_get_event (uc_chart_view_get_shown_spec (first), i)),
                                "DeepSeek"));
    for (guint i = 0; i < uc_chart_spec_get_n_events (uc_chart_view_get_spec (first)); i++)
      n_deepseek += strstr (uc_event_get_description (uc_chart_spec_get_event (uc_chart_view_get_spec (first), i)),
                            "DeepSeek") != NULL;
    g_assert_cmpuint (uc_chart_spec_get_n_events (uc_chart_view_get_shown_spec (first)), ==, n_deepseek);
    g_assert_cmpfloat (count_of_releases (uc_chart_view_get_spec (second)), >=, n_deepseek);
    g_assert_cmpfloat (count_of_releases (uc_chart_view_get_spec (second)), <, all);
    /* A region hidden from the legend stays hidden as the words change. */
    uc_chart_view_toggle_series (second, 0);
    bars_wanted = count_of_releases (uc_chart_view_get_spec (second)) - 1;   /* R1-Lite-Preview is not open */
    gtk_editable_set_text (entry, "deepseek open");
    uc_test_iterate_until (bars_refiltered, second);
    g_assert_true (uc_series_get_hidden (uc_chart_spec_get_series (uc_chart_view_get_spec (second), 0)));
    bars_wanted = all;
    gtk_editable_set_text (entry, "");
    uc_test_iterate_until (bars_refiltered, second);
    g_assert_cmpfloat (count_of_releases (uc_chart_view_get_spec (second)), ==, all);
    g_assert_true (uc_series_get_hidden (uc_chart_spec_get_series (uc_chart_view_get_spec (second), 0)));
    uc_chart_view_toggle_series (second, 0);
  }

  /* Pricing pressure's Price menu builds the chart again from blended prices. */
  show_view_loading (app, window, "pricing");
  {
    GtkDropDown *prices = GTK_DROP_DOWN (find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN));

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (prices)));
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (prices)), ==, 3);
    g_assert_nonnull (strstr (uc_chart_spec_get_subtitle (uc_chart_view_get_spec (first)), "output tokens"));
    gtk_drop_down_set_selected (prices, 2);
    g_assert_nonnull (strstr (uc_chart_spec_get_subtitle (uc_chart_view_get_spec (first)), "three parts input"));
    g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("model-releases"));
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (prices)));
    /* Remembered: back on Pricing pressure, blended prices again. */
    g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("pricing"));
    g_assert_cmpuint (gtk_drop_down_get_selected (prices), ==, 2);
    g_assert_nonnull (strstr (uc_chart_spec_get_subtitle (uc_chart_view_get_spec (first)), "three parts input"));
    gtk_drop_down_set_selected (prices, 0);
    g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("model-releases"));
  }

  /* Ctrl+C's action puts the chart on the clipboard as an image. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.copy", NULL));
  g_assert_true (gdk_content_formats_contain_gtype (gdk_clipboard_get_formats (gtk_widget_get_clipboard (GTK_WIDGET (first))),
                                                    GDK_TYPE_TEXTURE));

  /* Releases per quarter: the crosshair names the quarter under the
   * pointer, and says when the data covers only part of it. */
  {
    GtkWidget *bars = gtk_widget_get_next_sibling (GTK_WIDGET (first));
    g_autofree char *q2 = NULL, *q3 = NULL;
    UcTime was_from, was_to;

    g_assert_true (UC_IS_CHART_VIEW (bars));
    g_assert_true (uc_chart_spec_get_periods (uc_chart_view_get_spec (UC_CHART_VIEW (bars))));
    uc_time_range_get (uc_window_get_time_range (window), &was_from, &was_to);
    uc_time_range_set (uc_window_get_time_range (window), uc_time_from_ymd (2024, 7, 1), uc_time_from_ymd (2026, 10, 1));
    uc_test_iterate_until (charts_aligned, window);
    uc_chart_view_set_crosshair (UC_CHART_VIEW (bars), TRUE, uc_time_from_ymd (2025, 6, 20));
    q2 = uc_chart_view_get_crosshair_label (UC_CHART_VIEW (bars));
    g_assert_cmpstr (q2, ==, "Q2 2025");
    uc_chart_view_set_crosshair (UC_CHART_VIEW (bars), TRUE, uc_time_from_ymd (2026, 8, 1));
    q3 = uc_chart_view_get_crosshair_label (UC_CHART_VIEW (bars));
    g_assert_cmpstr (q3, ==, "Q3 2026 (partial)");
    uc_chart_view_set_crosshair (UC_CHART_VIEW (bars), FALSE, 0);
    uc_time_range_set (uc_window_get_time_range (window), was_from, was_to);
  }

  /* A bad view or range changes nothing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("no-such-view"));
  g_assert_cmpstr (uc_window_get_view_id (window), ==, "model-releases");
  g_action_group_activate_action (G_ACTION_GROUP (app), "set-range", g_variant_new_string ("last week"));
  uc_time_range_get (uc_window_get_time_range (window), &from, &to);
  g_assert_cmpint (from, ==, spec_from);

  /* Rebased and back: the value axis follows; lanes and bars are left as they are. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("deepseek-shock"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("rebased"));
  g_assert_cmpint (uc_chart_spec_get_value_format (uc_chart_view_get_shown_spec (first)), ==, UC_VALUE_INDEX);
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("percent"));
  g_assert_cmpint (uc_chart_spec_get_value_format (uc_chart_view_get_shown_spec (first)), ==, UC_VALUE_PERCENT);
  g_action_group_activate_action (G_ACTION_GROUP (window), "log-scale", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("as-is"));
  g_assert_cmpint (uc_chart_spec_get_value_format (uc_chart_view_get_shown_spec (first)), ==, UC_VALUE_MONEY);
  g_assert_true (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (first)));
  g_action_group_activate_action (G_ACTION_GROUP (window), "log-scale", NULL);
  g_assert_false (uc_chart_spec_get_log_scale (uc_chart_view_get_shown_spec (first)));
  /* The view's two charts ($4.0T and $20T labels) share one plot x, so
   * 27 January falls at one x in both (before: 12 px apart). */
  uc_test_iterate_until (charts_aligned, window);
  {
    GtkWidget *below = gtk_widget_get_next_sibling (GTK_WIDGET (first));
    UcChartLayout a, b;
    UcTime crash = uc_time_from_ymd (2025, 1, 27);

    g_assert_true (UC_IS_CHART_VIEW (below));
    g_assert_true (uc_chart_view_get_layout (first, &a) && uc_chart_view_get_layout (UC_CHART_VIEW (below), &b));
    g_assert_cmpfloat (uc_chart_layout_x_for_time (&a, crash), ==, uc_chart_layout_x_for_time (&b, crash));
  }
  /* Holding the value axis: it stays while the days change; freed, it follows. */
  uc_test_iterate_until (layout_ready, window);
  g_action_group_change_action_state (G_ACTION_GROUP (window), "fix-values", g_variant_new_boolean (TRUE));
  {
    UcChartDrawOptions held = uc_chart_view_get_export_options (first);

    /* A drawing option, which exports keep: never part of the chart. */
    g_assert_cmpfloat (held.y_max, >, held.y_min);
    g_assert_cmpint (held.highlight, ==, -1);
    g_action_group_change_action_state (G_ACTION_GROUP (window), "fix-values", g_variant_new_boolean (FALSE));
    held = uc_chart_view_get_export_options (first);
    g_assert_true (isnan (held.y_min) && isnan (held.y_max));
  }

  /* Market events off and on again: the crash marker goes and comes back. */
  {
    UcChartSpec *shown = uc_chart_view_get_shown_spec (first);
    guint before = uc_chart_spec_get_n_events (shown), after, market = 0;

    /* The crash and the other market events of the data (markers keep to
     * the days shown, the chart holds them all). */
    for (guint i = 0; i < before; i++)
      market += uc_event_get_category (uc_chart_spec_get_event (shown, i)) == UC_EVENT_MARKET;
    g_assert_cmpuint (market, >=, 1);
    g_action_group_activate_action (G_ACTION_GROUP (window), "events-market", NULL);
    after = uc_chart_spec_get_n_events (uc_chart_view_get_shown_spec (first));
    g_assert_cmpuint (after, ==, before - market);
    for (guint i = 0; i < after; i++)
      g_assert_cmpint (uc_event_get_category (uc_chart_spec_get_event (uc_chart_view_get_shown_spec (first), i)), !=, UC_EVENT_MARKET);
    g_action_group_activate_action (G_ACTION_GROUP (window), "events-market", NULL);
    g_assert_cmpuint (uc_chart_spec_get_n_events (uc_chart_view_get_shown_spec (first)), ==, before);
  }
  /* One options pipeline: the crash reads as the view export and the
   * command line's CSV chart label it (test /cli/crash-label). */
  {
    UcChartSpec *shown = uc_chart_view_get_shown_spec (first);
    UcTime crash;
    gboolean found = FALSE;

    g_assert_true (uc_time_parse_date ("2025-01-27", strlen ("2025-01-27"), &crash));
    for (guint i = 0; i < uc_chart_spec_get_n_events (shown); i++)
      if (uc_event_get_time (uc_chart_spec_get_event (shown, i)) == crash)
        {
          g_assert_cmpstr (uc_event_get_label (uc_chart_spec_get_event (shown, i)), ==, "NVDA −17.0% · −$593B");
          /* A computed figure, which the popover sets beside the source's ~$589B. */
          g_assert_true (uc_event_get_label_computed (uc_chart_spec_get_event (shown, i)));
          g_assert_nonnull (strstr (uc_event_get_title (uc_chart_spec_get_event (shown, i)), "$589B"));
          found = TRUE;
        }
    g_assert_true (found);
  }
  /* The crash clicked: values rebase on the last close before it (24 Jan,
   * a Friday), so the rebased crash day shows the fall, and the card
   * gives the day's change and the change since that named close, both
   * the marker's −17.0% read to two decimals. */
  {
    UcChartSpec *shown = uc_chart_view_get_shown_spec (first);
    g_autofree char *card = NULL, *rebased = NULL;
    UcTime crash = uc_time_from_ymd (2025, 1, 27);

    for (guint i = 0; i < uc_chart_spec_get_n_events (shown); i++)
      if (uc_event_get_time (uc_chart_spec_get_event (shown, i)) == crash)
        g_signal_emit_by_name (first, "event-clicked", uc_chart_spec_get_event (shown, i));
    uc_test_iterate_until (layout_ready, window);
    uc_chart_view_set_crosshair (first, TRUE, crash);
    card = uc_chart_view_get_crosshair_card (first);
    g_assert_nonnull (strstr (card, "Nvidia  <b>$2.894T</b>  −17.01%  <span alpha=\"70%\">−17.01%</span>"));
    g_assert_nonnull (strstr (card, "Change on the day, then since the 24 Jan 2025 close"));
    /* And the day's event by its full title. */
    g_assert_nonnull (strstr (card, "DeepSeek shock: Nvidia loses ~$589B in one day"));
    g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("rebased"));
    uc_test_iterate_until (layout_ready, window);
    uc_chart_view_set_crosshair (first, TRUE, crash);
    rebased = uc_chart_view_get_crosshair_card (first);
    g_assert_nonnull (strstr (rebased, "Nvidia  <b>82.99</b>  −17.01%"));
    g_assert_nonnull (strstr (rebased, "100 = 24 Jan 2025 close; change on the day"));
    g_action_group_activate_action (G_ACTION_GROUP (window), "value-mode", g_variant_new_string ("as-is"));
    g_action_group_activate_action (G_ACTION_GROUP (window), "base-first-day", NULL);
    uc_chart_view_set_crosshair (first, FALSE, 0);
  }
  /* The keyboard, as the chart's key controller receives it. */
  {
    UcTimeRange *range = uc_window_get_time_range (window);
    UcSeries *nvda = uc_chart_spec_find_series (uc_chart_view_get_spec (first), "NVDA");
    UcTime own_from, own_to, lower, upper, t1, t2, t3;
    int k;

    uc_time_range_get (range, &own_from, &own_to);
    uc_time_range_get_bounds (range, &lower, &upper);
    g_assert_false (uc_chart_view_get_crosshair (first, NULL));
    /* Right shows the crosshair on a day with data, then steps to the next one. */
    g_assert_true (press_key (GTK_WIDGET (first), GDK_KEY_Right));
    g_assert_true (uc_chart_view_get_crosshair (first, &t1));
    k = uc_series_find (nvda, t1);
    g_assert_cmpint (k, >=, 0);
    press_key (GTK_WIDGET (first), GDK_KEY_Right);
    g_assert_true (uc_chart_view_get_crosshair (first, &t2));
    g_assert_cmpint (t2, ==, uc_series_get_x (nvda)[k + 1]);
    press_key (GTK_WIDGET (first), GDK_KEY_Left);
    g_assert_true (uc_chart_view_get_crosshair (first, &t3));
    g_assert_cmpint (t3, ==, t1);
    /* + narrows the days shown to four fifths around their middle, − widens. */
    press_key (GTK_WIDGET (first), GDK_KEY_plus);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpfloat (fabs ((double) (to - from) - 0.8 * (double) (own_to - own_from)), <, 2 * UC_USEC_PER_DAY);
    press_key (GTK_WIDGET (first), GDK_KEY_minus);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpfloat (fabs ((double) (to - from) - (double) (own_to - own_from)), <, 2 * UC_USEC_PER_DAY);
    /* Page Down: a month later; Page Up: back. */
    press_key (GTK_WIDGET (first), GDK_KEY_0);
    press_key (GTK_WIDGET (first), GDK_KEY_Page_Down);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpint (from, ==, own_from + 30 * UC_USEC_PER_DAY);
    press_key (GTK_WIDGET (first), GDK_KEY_Page_Up);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpint (from, ==, own_from);
    /* Home and End: the start and the end of the data, the span kept. */
    press_key (GTK_WIDGET (first), GDK_KEY_Home);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpint (from, ==, lower);
    g_assert_cmpint (to - from, ==, own_to - own_from);
    press_key (GTK_WIDGET (first), GDK_KEY_End);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpint (to, ==, upper);
    /* 0: the view's own days again, on every chart of it. */
    press_key (GTK_WIDGET (first), GDK_KEY_0);
    uc_time_range_get (range, &from, &to);
    g_assert_cmpint (from, ==, own_from);
    g_assert_cmpint (to, ==, own_to);
    /* Keys with Ctrl are the window's, not the chart's. */
    g_assert_false (press_key_with (GTK_WIDGET (first), GDK_KEY_plus, GDK_CONTROL_MASK));

    /* A legend entry's click hides its series, a second shows it. */
    uc_chart_view_toggle_series (first, 0);
    g_assert_true (uc_series_get_hidden (uc_chart_spec_get_series (uc_chart_view_get_shown_spec (first), 0)));
    g_assert_false (uc_series_get_hidden (uc_chart_spec_get_series (uc_chart_view_get_shown_spec (first), 1)));
    uc_chart_view_toggle_series (first, 0);
    g_assert_false (uc_series_get_hidden (uc_chart_spec_get_series (uc_chart_view_get_shown_spec (first), 0)));

    /* Ctrl-click isolates a series; on the series alone, shows them all;
     * on another, that one alone. */
    {
      UcChartSpec *shown;
      guint n;

      uc_chart_view_isolate_series (first, 2);
      shown = uc_chart_view_get_shown_spec (first);
      n = uc_chart_spec_get_n_series (shown);
      g_assert_cmpuint (n, >, 3);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (uc_series_get_hidden (uc_chart_spec_get_series (shown, i)), ==, i != 2);
      uc_chart_view_isolate_series (first, 1);
      shown = uc_chart_view_get_shown_spec (first);
      for (guint i = 0; i < n; i++)
        g_assert_cmpint (uc_series_get_hidden (uc_chart_spec_get_series (shown, i)), ==, i != 1);
      uc_chart_view_isolate_series (first, 1);
      shown = uc_chart_view_get_shown_spec (first);
      for (guint i = 0; i < n; i++)
        g_assert_false (uc_series_get_hidden (uc_chart_spec_get_series (shown, i)));
    }
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("model-releases"));

  settings = g_settings_new (APP_ID);
  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "model-releases");
  gtk_window_close (GTK_WINDOW (window));
  g_settings_set_string (settings, "last-view", "deepseek-shock");
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n))
    n++;
  return n;
}

/* A view file of the user's, of a CSV file of the user's, added while the
 * window is open: listed in the sidebar, shown when picked there (its
 * data loaded meanwhile), and gone when removed, the window back on the
 * first view. */
static void
test_window_user_views (void)
{
  static const char prices[] = "date,close\n2025-01-24,142.62\n2025-01-27,118.42\n2025-01-28,128.99\n";
  static const char json[] = "{\"id\": \"my-prices\", \"title\": \"My prices\", \"charts\": [{\"dataset\": "
                             "\"my-prices.csv\", \"y\": [\"close\"], \"title\": \"Close\", \"source\": \"Mine\"}]}";
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *csv_path = NULL, *json_path = NULL;
  g_autoptr(GFile) csv = NULL, view_file = NULL;
  g_autoptr(UcSource) source = NULL;
  UcViewCatalog *views;
  UcWindow *window;
  GtkListBox *sidebar;
  GtkListBoxRow *row;
  UcChartSpec *shown;
  guint n;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  dir = g_dir_make_tmp ("uc-window-XXXXXX", NULL);
  csv_path = g_build_filename (dir, "my-prices.csv", NULL);
  json_path = g_build_filename (dir, "my-prices.json", NULL);
  g_assert_true (g_file_set_contents (csv_path, prices, -1, NULL));
  g_assert_true (g_file_set_contents (json_path, json, -1, NULL));
  csv = g_file_new_for_path (csv_path);
  view_file = g_file_new_for_path (json_path);

  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".UserViewsTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  uc_test_iterate_until (chart_drawn, window);
  views = uc_window_get_views (window);
  sidebar = GTK_LIST_BOX (find_widget_of_type (GTK_WIDGET (window), GTK_TYPE_LIST_BOX));
  n = g_list_model_get_n_items (G_LIST_MODEL (views));
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpuint (count_rows (sidebar), ==, n);

  /* The CSV file joins the datasets, the view file the sidebar. */
  source = uc_file_source_new (csv);
  uc_catalog_add (uc_catalog_get_default (), source);
  g_assert_nonnull (uc_view_catalog_add_file (views, view_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, n + 1);
  g_assert_cmpuint (count_rows (sidebar), ==, n + 1);
  row = gtk_list_box_get_row_at_index (sidebar, (int) n);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_list_box_row_get_child (row))), ==, "My prices");
  g_assert_cmpstr (uc_window_get_view_id (window), ==, "deepseek-shock");

  /* Picked in the sidebar: its file is read on a worker thread, then shown. */
  gtk_list_box_select_row (sidebar, row);
  g_assert_true (uc_window_get_loading (window));
  view_wanted = "my-prices";
  uc_test_iterate_until (view_shown, window);
  shown = uc_chart_view_get_spec (uc_window_get_chart_view (window));
  g_assert_cmpstr (uc_chart_spec_get_title (shown), ==, "Close");
  g_assert_cmpuint (uc_chart_spec_get_n_series (shown), ==, 1);
  g_assert_cmpuint (uc_series_get_length (uc_chart_spec_get_series (shown, 0)), ==, 3);
  g_assert_cmpstr (uc_chart_spec_get_provenance (shown, 0)->name, ==, "my-prices.csv");
  g_assert_null (uc_chart_spec_get_provenance (shown, 0)->source);
  g_assert_null (gtk_widget_get_next_sibling (GTK_WIDGET (uc_window_get_chart_view (window))));

  /* Removed: out of the sidebar, and the first view is shown again. */
  g_assert_true (uc_view_catalog_remove (views, "my-prices"));
  g_assert_cmpuint (count_rows (sidebar), ==, n);
  g_assert_cmpstr (uc_window_get_view_id (window), ==, "deepseek-shock");
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == gtk_list_box_get_row_at_index (sidebar, 0));
  g_assert_false (uc_view_catalog_remove (views, "my-prices"));

  gtk_window_close (GTK_WINDOW (window));
  g_assert_true (uc_catalog_remove (uc_catalog_get_default (), "my-prices.csv"));
  g_unlink (csv_path);
  g_unlink (json_path);
  g_rmdir (dir);
}

/* A view of a time chart and one on a number axis (trading days around
 * 27 January 2025), as a view file gives them. */
static const char number_view[] =
  "{ \"id\": \"number-axis-test\", \"title\": \"Number axis\", \"charts\": ["
  "  { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"market_cap\","
  "      \"only\": [\"NVDA\", \"MSFT\"] }, \"range\": [\"2024-12-02\", \"2025-03-31\"] },"
  "  { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"market_cap\","
  "      \"only\": [\"NVDA\", \"MSFT\"] }, \"range\": [\"2024-12-02\", \"2025-03-31\"],"
  "    \"rebase\": \"2025-01-24\","
  "    \"x\": { \"kind\": \"number\", \"trading_days_from\": \"2025-01-27\", \"range\": [-10, 20],"
  "             \"title\": \"Trading days from 27 January 2025\" } }"
  "] }";

/* A chart on a number axis keeps its own range: zooming the time chart
 * leaves it alone and zooming it leaves the time charts alone; its
 * crosshair reads "day +3", not a date. */
static void
test_window_number_axis (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (number_view, strlen (number_view));
  g_autoptr(UcView) view = NULL;
  UcWindow *window;
  UcChartView *first, *second;
  UcTimeRange *shared, *own;
  UcTime from, to, days_from, days_to, shared_from, shared_to;
  const UcTime day = UC_X_NUMBER_SCALE;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }

  app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".NumberAxisTest");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));

  view = uc_view_new_from_bytes (bytes, "number-axis-test.json", &error);
  g_assert_no_error (error);
  uc_window_set_view (window, view);
  uc_test_iterate_until (second_chart_drawn, window);
  first = uc_window_get_chart_view (window);
  second = UC_CHART_VIEW (gtk_widget_get_next_sibling (GTK_WIDGET (first)));
  shared = uc_window_get_time_range (window);
  own = uc_chart_view_get_time_range (second);
  g_assert_true (uc_chart_view_get_time_range (first) == shared);
  g_assert_nonnull (own);
  g_assert_true (own != shared);
  uc_time_range_get (shared, &shared_from, &shared_to);
  g_assert_cmpint (shared_from, ==, uc_time_from_ymd (2024, 12, 2));
  g_assert_cmpint (shared_to, ==, uc_time_from_ymd (2025, 3, 31));
  uc_time_range_get (own, &days_from, &days_to);
  g_assert_cmpint (days_from, ==, -10 * day);
  g_assert_cmpint (days_to, ==, 20 * day);
  /* Rebasing and change since a date are for the time chart only. */
  g_assert_true (uc_chart_view_can_transform (first));
  g_assert_false (uc_chart_view_can_transform (second));

  /* The crosshair card: a day number on the number axis, a date on time. */
  {
    g_autofree char *after = NULL, *before = NULL, *date = NULL;

    uc_chart_view_set_crosshair (second, TRUE, 3 * day);
    after = uc_chart_view_get_crosshair_label (second);
    g_assert_cmpstr (after, ==, "day +3");
    uc_chart_view_set_crosshair (second, TRUE, -2 * day);
    before = uc_chart_view_get_crosshair_label (second);
    g_assert_cmpstr (before, ==, "day −2");
    uc_chart_view_set_crosshair (first, TRUE, uc_time_from_ymd (2025, 1, 27));
    date = uc_chart_view_get_crosshair_label (first);
    g_assert_cmpstr (date, ==, "27 Jan 2025");
    uc_chart_view_set_crosshair (first, FALSE, 0);
    uc_chart_view_set_crosshair (second, FALSE, 0);
  }

  /* Zooming the time chart (its + key) leaves the number axis alone. */
  g_assert_true (press_key (GTK_WIDGET (first), GDK_KEY_plus));
  uc_time_range_get (shared, &from, &to);
  g_assert_cmpint (to - from, <, shared_to - shared_from);
  uc_time_range_get (own, &from, &to);
  g_assert_cmpint (from, ==, days_from);
  g_assert_cmpint (to, ==, days_to);
  uc_chart_spec_get_range (uc_chart_view_get_shown_spec (second), &from, &to);
  g_assert_cmpint (from, ==, days_from);
  g_assert_cmpint (to, ==, days_to);

  /* And zooming or paging the number axis leaves the time charts alone. */
  uc_time_range_get (shared, &shared_from, &shared_to);
  g_assert_true (press_key (GTK_WIDGET (second), GDK_KEY_plus));
  uc_time_range_get (own, &from, &to);
  g_assert_cmpint (to - from, ==, 24 * day);
  g_assert_true (press_key (GTK_WIDGET (second), GDK_KEY_Page_Down));
  uc_time_range_get (own, &days_from, &days_to);
  g_assert_cmpint (days_to, ==, 20 * day);
  g_assert_cmpint (days_to - days_from, ==, 24 * day);
  uc_chart_spec_get_range (uc_chart_view_get_shown_spec (second), &from, &to);
  g_assert_cmpint (from, ==, days_from);
  g_assert_cmpint (to, ==, days_to);
  uc_time_range_get (shared, &from, &to);
  g_assert_cmpint (from, ==, shared_from);
  g_assert_cmpint (to, ==, shared_to);
  uc_chart_spec_get_range (uc_chart_view_get_shown_spec (first), &from, &to);
  g_assert_cmpint (from, ==, shared_from);
  g_assert_cmpint (to, ==, shared_to);

  /* Back to their own ranges, each. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (first), "win.reset-range", NULL));
  uc_time_range_get (own, &from, &to);
  g_assert_cmpint (from, ==, -10 * day);
  g_assert_cmpint (to, ==, 20 * day);
  uc_time_range_get (shared, &from, &to);
  g_assert_cmpint (from, ==, uc_time_from_ymd (2024, 12, 2));
  g_assert_cmpint (to, ==, uc_time_from_ymd (2025, 3, 31));

  gtk_window_close (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/window/draws-chart", test_window_draws_chart);
  g_test_add_func ("/window/views-and-range", test_window_views_and_range);
  g_test_add_func ("/window/number-axis", test_window_number_axis);
  g_test_add_func ("/window/user-views", test_window_user_views);
  g_test_add_func ("/window/chart-text-size", test_window_chart_text_size);

  return g_test_run ();
}
