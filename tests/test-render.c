/* test-render.c: the chart puts things where the data says, and exports */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-chart-font.h"
#include "uc-chart.h"
#include "uc-export.h"
#include "uc-line-raster.h"
#include "uc-png-writer.h"
#include "uc-view.h"

#define W 1600
#define H 900

typedef struct
{
  cairo_surface_t *surface;
  UcChartLayout    layout;
  UcChartSpec     *spec;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  cairo_t *cr;

  f->spec = uc_view_build ("deepseek-shock", &error);
  g_assert_no_error (error);
  f->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cr = cairo_create (f->surface);
  uc_chart_draw (cr, f->spec, uc_chart_theme_light (), W, H, &f->layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (f->surface);

  if (g_getenv ("UC_TEST_SAVE_IMAGES"))
    cairo_surface_write_to_png (f->surface, "test-render.png");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  cairo_surface_destroy (f->surface);
  g_clear_object (&f->spec);
}

static gboolean
pixel_near (Fixture       *f,
            int            x,
            int            y,
            const UcColor *c,
            int            tolerance)
{
  const guint8 *data = cairo_image_surface_get_data (f->surface);
  int stride = cairo_image_surface_get_stride (f->surface);
  guint32 p = *(const guint32 *) (data + y * stride + x * 4);
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return abs (r - (int) (c->red * 255)) + abs (g - (int) (c->green * 255)) + abs (b - (int) (c->blue * 255)) <= tolerance;
}

static int
count_in_column (Fixture       *f,
                 int            x,
                 const UcColor *c)
{
  int n = 0;

  for (int y = (int) f->layout.y; y < (int) (f->layout.y + f->layout.height); y++)
    n += pixel_near (f, x, y, c, 60);
  return n;
}

/* Centre of the run of @c pixels nearest to @expect_y in column @x. */
static double
find_line (Fixture       *f,
           int            x,
           const UcColor *c,
           double         expect_y)
{
  double best = -1;

  for (int y = (int) f->layout.y; y < (int) (f->layout.y + f->layout.height); y++)
    if (pixel_near (f, x, y, c, 60))
      {
        int start = y;

        while (y < H && pixel_near (f, x, y, c, 60))
          y++;
        if (best < 0 || fabs ((start + y - 1) / 2.0 - expect_y) < fabs (best - expect_y))
          best = (start + y - 1) / 2.0;
      }
  return best;
}

static void
test_layout (Fixture       *f,
             gconstpointer  data)
{
  g_assert_cmpfloat (f->layout.x, >, 40);
  g_assert_cmpfloat (f->layout.width, >, W * 0.8);
  g_assert_cmpfloat (f->layout.height, >, H * 0.6);
  g_assert_cmpfloat (f->layout.y_min, ==, 0);
  /* Apple peaked near $3.9T in this window; the axis rounds up to $4T. */
  g_assert_cmpfloat (f->layout.y_max, ==, 4e12);
  g_assert_cmpint (f->layout.from, ==, uc_time_from_ymd (2024, 12, 2));
}

static void
test_crash_marker (Fixture       *f,
                   gconstpointer  data)
{
  const UcColor *market = &uc_chart_theme_light ()->events[UC_EVENT_MARKET];
  double x = uc_chart_layout_x_for_time (&f->layout, uc_time_from_ymd (2025, 1, 27));
  int column = (int) floor (round (x) + 0.5);
  int on = count_in_column (f, column, market);

  /* A dashed line down the whole plot: about half its pixels are lit. */
  g_assert_cmpint (on, >, f->layout.height * 0.35);
  /* ...and only there. */
  g_assert_cmpint (count_in_column (f, column - 5, market), <, 5);
  g_assert_cmpint (count_in_column (f, column + 5, market), <, 5);
}

static void
test_nvda_drop (Fixture       *f,
                gconstpointer  data)
{
  const UcColor *nvda_color = &uc_chart_theme_light ()->series[0];
  UcSeries *nvda = uc_chart_spec_find_series (f->spec, "NVDA");
  const double *y = uc_series_get_y (nvda);
  UcTime d24 = uc_time_from_ymd (2025, 1, 24), d27 = uc_time_from_ymd (2025, 1, 27);
  double expect24 = uc_chart_layout_y_for_value (&f->layout, y[uc_series_find (nvda, d24)]);
  double expect27 = uc_chart_layout_y_for_value (&f->layout, y[uc_series_find (nvda, d27)]);
  double x24 = uc_chart_layout_x_for_time (&f->layout, d24);
  double x27 = uc_chart_layout_x_for_time (&f->layout, d27);
  double found24 = find_line (f, (int) x24, nvda_color, expect24);
  double found27 = find_line (f, (int) x27, nvda_color, expect27);

  g_assert_cmpfloat (fabs (found24 - expect24), <=, 3);
  g_assert_cmpfloat (fabs (found27 - expect27), <=, 3);
  /* $3.49T to $2.89T on a $0–4T axis of ~600 px: a drop of ~90 px. */
  g_assert_cmpfloat (found27 - found24, >, 0.13 * f->layout.height);
}

/* The chart's text size from the desktop's: points at its dpi times its
 * text scaling, a font name's size, the caption size under which nothing
 * goes, and a size fixed by a command or the environment. */
static void
test_font_size (void)
{
  double body, caption;

  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_points (11, 96, 1), 44.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_points (11, 96, 1.25), 55.0 / 3, 1e-9);
  /* gtk-xft-dpi carries the text scaling: 10 pt at 120 dpi. */
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_points (10, 120, 1), 50.0 / 3, 1e-9);
  /* Nothing known: GNOME's 11 pt at 96 dpi. */
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_points (0, -1, 0), 44.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_name ("Cantarell 11", 96, 1.5), 22, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_name ("Noto Sans Bold 12", 96, 1), 16, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_name ("Sans 15px", 96, 1), 15, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_name ("Sans", 96, 1), 44.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_name (NULL, 96, 1), 44.0 / 3, 1e-9);
  /* A broken setting is not a chart of giant or invisible text. */
  g_assert_cmpfloat (uc_chart_font_px_for_points (1000, 96, 1), <=, 64);
  g_assert_cmpfloat (uc_chart_font_px_for_name ("Sans 0.01", 96, 1), >=, 6);
  /* libadwaita's caption: 9 pt, 12 px at 96 dpi; 82% of a size in pixels. */
  g_assert_cmpfloat_with_epsilon (uc_chart_font_px_for_points (UC_CHART_CAPTION_POINTS, 96, 1), 12, 1e-9);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_caption_px (44.0 / 3), 12.03, 0.01);

  g_assert_cmpfloat (uc_chart_font_parse_px ("14.5"), ==, 14.5);
  g_assert_cmpfloat (uc_chart_font_parse_px ("14.5px"), ==, 14.5);
  g_assert_cmpfloat_with_epsilon (uc_chart_font_parse_px ("11pt"), 44.0 / 3, 1e-9);
  g_assert_cmpfloat (uc_chart_font_parse_px ("big"), ==, 0);
  g_assert_cmpfloat (uc_chart_font_parse_px ("-3"), ==, 0);
  g_assert_cmpfloat (uc_chart_font_parse_px ("12em"), ==, 0);
  g_assert_cmpfloat (uc_chart_font_parse_px (""), ==, 0);
  g_assert_cmpfloat (uc_chart_font_parse_px (NULL), ==, 0);

  uc_chart_font_set_fixed_px (20);
  uc_chart_font_desktop (&body, &caption);
  g_assert_cmpfloat (body, ==, 20);
  g_assert_cmpfloat_with_epsilon (caption, 16.4, 1e-9);
  g_assert_cmpfloat (uc_chart_font_desktop_px (), ==, 20);
  uc_chart_font_set_fixed_px (uc_chart_font_px_for_points (11, 96, 1));
}

/* A word space keeps its width at the smallest sizes: glyph positions
 * rounded to whole pixels made a 1.37 px space 1 px at 6 px while the
 * letters beside it grew, and words ran together ("Financedatain"). The
 * space takes the same share of the size as at 100 px. */
static void
test_word_spaces (void)
{
  static const char text[] = "Finance data in";
  const double sizes[] = { 100, 4.92, 6, 6.24, 8, 12.03 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 50);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = uc_chart_font_layout_new (cr);
  double share_at_100 = 0;

  pango_layout_set_text (layout, text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (uc_chart_theme_light ()->font_family);
      PangoRectangle space, before, after;
      double share;

      pango_font_description_set_absolute_size (desc, sizes[i] * PANGO_SCALE);
      pango_layout_set_font_description (layout, desc);
      pango_layout_index_to_pos (layout, 7, &space);    /* "Finance| data" */
      pango_layout_index_to_pos (layout, 6, &before);   /* its "e" */
      pango_layout_index_to_pos (layout, 8, &after);    /* the "d" */
      share = (double) space.width / PANGO_SCALE / sizes[i];
      g_assert_cmpint (space.width, >, 0);
      g_assert_cmpint (after.x, ==, space.x + space.width);
      g_assert_cmpint (space.x, ==, before.x + before.width);
      if (i == 0)
        share_at_100 = share;
      else
        g_assert_cmpfloat (fabs (share - share_at_100), <, share_at_100 * 0.05);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Every text of a view's export, in every chart, at one size for each
 * role and none under the caption size: the SVG's <text> say so. */
static void
test_text_sizes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("deepseek-shock", &error);
  g_autofree char *dir = g_dir_make_tmp ("uc-render-XXXXXX", &error);
  g_autofree char *path = NULL, *svg = NULL;
  g_autoptr(GHashTable) sizes = g_hash_table_new (g_str_hash, g_str_equal);
  UcChartSpec *specs[2];
  UcChartDrawOptions options[2] = { UC_CHART_DRAW_OPTIONS_INIT, UC_CHART_DRAW_OPTIONS_INIT };
  int heights[2] = { 560, 340 };
  guint n = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_charts (view), ==, 2);
  specs[0] = uc_view_get_chart (view, 0);
  specs[1] = uc_view_get_chart (view, 1);
  /* A small body size, under a larger caption: the caption wins. */
  options[0].font_px = 10;
  options[0].caption_px = 12;
  path = g_build_filename (dir, "view.svg", NULL);
  g_assert_true (uc_export_charts (specs, options, heights, 2, NULL, path, UC_EXPORT_SVG, 1200, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
  for (const char *p = svg; (p = strstr (p, "font-size=\"")) != NULL; n++)
    {
      double size;

      p += strlen ("font-size=\"");
      size = g_ascii_strtod (p, NULL);
      g_assert_cmpfloat (size, >=, 12 - 1e-3);
      g_hash_table_add (sizes, (gpointer) p);
    }
  g_assert_cmpuint (n, >, 20);
  /* Titles 15 (1.5 × 10), the rest at the caption size: two sizes for all
   * the text of both charts. */
  {
    g_autoptr(GPtrArray) distinct = g_ptr_array_new_with_free_func (g_free);
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, sizes);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_autofree char *value = g_strndup (key, strcspn (key, "\""));
        gboolean seen = FALSE;

        for (guint i = 0; i < distinct->len && !seen; i++)
          seen = g_ascii_strtod (g_ptr_array_index (distinct, i), NULL) == g_ascii_strtod (value, NULL);
        if (!seen)
          g_ptr_array_add (distinct, g_steal_pointer (&value));
      }
    g_assert_cmpuint (distinct->len, ==, 2);
  }
  g_unlink (path);
  g_rmdir (dir);
}

/* The baseline of the <text> of @svg whose words start with @words. */
static double
svg_text_y (const char *svg,
            const char *words)
{
  const char *at = strstr (svg, words), *text = at;

  g_assert_nonnull (at);
  while (text > svg && !g_str_has_prefix (text, "<text "))
    text--;
  text = strstr (text, " y=\"");
  g_assert_true (text != NULL && text < at);
  return g_ascii_strtod (text + strlen (" y=\""), NULL);
}

/* The event labels' rows, measured on the canvas' width, needed more
 * over a plot narrowed by a neighbour's wider value labels (the window
 * at 1024×700): the extra row climbed into the legend. They are measured
 * again on the plot, and sit under the legend's last row. */
static void
test_event_rows_under_legend (void)
{
  const int widths[] = { 776, 798, 900 };
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("deepseek-shock", &error);
  g_autofree char *dir = g_dir_make_tmp ("uc-render-XXXXXX", &error);
  g_autofree char *path = NULL;
  UcChartSpec *spec;

  g_assert_no_error (error);
  spec = uc_view_get_chart (view, 0);
  path = g_build_filename (dir, "chart.svg", NULL);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (double left = 52; left <= 84; left += 4)   /* "$20T" of the chart below, and wider */
      {
        g_autofree char *svg = NULL;
        UcChartDrawOptions options = UC_CHART_DRAW_OPTIONS_INIT;
        int height = 378;
        double legend_y;

        options.plot_left = left;
        g_assert_true (uc_export_charts (&spec, &options, &height, 1, NULL, path, UC_EXPORT_SVG, widths[w], 1, &error));
        g_assert_no_error (error);
        g_assert_true (g_file_get_contents (path, &svg, NULL, &error));
        legend_y = MAX (svg_text_y (svg, ">Nvidia"), svg_text_y (svg, ">Amazon"));
        /* A line of labels (0.85 of 14.7 px) under the legend's baseline. */
        g_assert_cmpfloat (svg_text_y (svg, ">DeepSeek-R1 "), >=, legend_y + 12);
        g_assert_cmpfloat (svg_text_y (svg, ">Alibaba "), >=, legend_y + 12);
        g_assert_cmpfloat (svg_text_y (svg, ">DeepSeek-V3 "), >=, legend_y + 12);
        g_assert_cmpfloat (svg_text_y (svg, ">NVDA "), >=, legend_y + 12);
      }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_formats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  g_autofree char *dir = g_dir_make_tmp ("uc-render-XXXXXX", &error);
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf" };
  const char *magic[] = { "\x89PNG", "<?xml", "%PDF" };
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autofree char *contents = NULL;
      UcExportFormat format;
      gsize len;

      g_assert_true (uc_export_format_from_path (path, &format, &error));
      g_assert_true (uc_export_chart (spec, NULL, path, format, 800, 450, 1, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
      g_assert_cmpint (memcmp (contents, magic[i], strlen (magic[i])), ==, 0);
    }
  {
    g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
    cairo_surface_t *s = cairo_image_surface_create_from_png (png);

    g_assert_cmpint (cairo_image_surface_get_width (s), ==, 800);
    g_assert_cmpint (cairo_image_surface_get_height (s), ==, 450);
    cairo_surface_destroy (s);
  }

  /* No temporary files are left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing))
    n_files++;
  g_assert_cmpuint (n_files, ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_export_failures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  g_autofree char *dir = g_dir_make_tmp ("uc-render-XXXXXX", &error);
  g_autofree char *existing = g_build_filename (dir, "keep.png", NULL);
  g_autofree char *contents = NULL;
  UcExportFormat format;

  /* Unknown extension. */
  g_assert_false (uc_export_format_from_path ("chart.jpg", &format, &error));
  g_assert_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  /* A folder that does not exist. */
  g_assert_false (uc_export_chart (spec, NULL, "/nonexistent-dir/chart.png", UC_EXPORT_PNG, 800, 450, 1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/chart.png"));
  g_clear_error (&error);

  /* A failed export leaves the file that was there untouched. */
  g_assert_true (g_file_set_contents (existing, "previous", -1, NULL));
  g_assert_false (uc_export_chart (spec, NULL, existing, UC_EXPORT_PNG, 100000, 100000, 1, &error));
  g_assert_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "previous");

  /* Wider than an image can be: a clear error, not cairo's words. */
  g_clear_error (&error);
  g_assert_false (uc_export_chart (spec, NULL, existing, UC_EXPORT_PNG, 32768, 16, 1, &error));
  g_assert_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE);
  g_assert_nonnull (strstr (error->message, "more than 32767 a side"));
  g_clear_error (&error);

  g_unlink (existing);
  g_rmdir (dir);
}

/* On a log axis equal ratios are equally spaced, zero is a gap, and the
 * ends are the 1-2-5 (or finer) neighbours of the data, not whole decades:
 * prices from $2.19 to $60 fill the plot instead of a third of $1 to $100. */
static void
test_log_axis (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("prices", "Price per 1M tokens");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  UcChartLayout l;
  double y2, y20, y6, y60;

  uc_series_append (s, uc_time_from_ymd (2023, 3, 15), 60);
  uc_series_append (s, uc_time_from_ymd (2024, 5, 13), 15);
  uc_series_append (s, uc_time_from_ymd (2024, 12, 26), 0);
  uc_series_append (s, uc_time_from_ymd (2025, 1, 20), 2.19);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_log_scale (spec, TRUE);
  uc_chart_spec_set_value_format (spec, UC_VALUE_MONEY);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2023, 1, 1), uc_time_from_ymd (2025, 6, 1));
  uc_chart_draw (cr, spec, NULL, 800, 500, &l);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_true (l.log_scale);
  g_assert_cmpfloat (l.y_min, ==, 2);
  g_assert_cmpfloat (l.y_max, ==, 60);
  y2 = uc_chart_layout_y_for_value (&l, 2);
  y20 = uc_chart_layout_y_for_value (&l, 20);
  y6 = uc_chart_layout_y_for_value (&l, 6);
  y60 = uc_chart_layout_y_for_value (&l, 60);
  g_assert_cmpfloat_with_epsilon (y2 - y20, y6 - y60, 1e-9);
  g_assert_cmpfloat_with_epsilon (y2, l.y + l.height, 1e-9);
  g_assert_cmpfloat_with_epsilon (y60, l.y, 1e-9);
}

/* A hidden series keeps a faint entry to click in a window, and has none
 * in an export: the exported legend lists only what is drawn, with the
 * other entries where they would be. */
static void
test_hidden_series_legend (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  const char *names[] = { "Nvidia", "Microsoft", "Alphabet" };
  UcChartDrawOptions window = UC_CHART_DRAW_OPTIONS_INIT;
  UcChartLayout in_window, exported;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(UcSeries) s = uc_series_new (names[i], names[i]);

      uc_series_append (s, uc_time_from_ymd (2025, 1, 24), 1 + i);
      uc_series_append (s, uc_time_from_ymd (2025, 1, 27), 2 + i);
      uc_series_set_hidden (s, i == 1);
      uc_chart_spec_add_series (spec, s);
    }
  uc_chart_spec_set_legend_position (spec, UC_LEGEND_TOP);
  window.flags = UC_CHART_DRAW_INTERACTIVE;
  uc_chart_draw_full (cr, spec, NULL, 800, 500, &window, &in_window);
  uc_chart_draw_full (cr, spec, NULL, 800, 500, NULL, &exported);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  g_assert_cmpfloat (in_window.legend_items[1].width, >, 0);
  g_assert_cmpfloat (exported.legend_items[1].width, ==, 0);
  g_assert_cmpfloat (exported.legend_items[0].width, >, 0);
  g_assert_cmpfloat (exported.legend_items[2].width, >, 0);
  /* Alphabet moves up to where Microsoft's entry was. */
  g_assert_cmpfloat (exported.legend_items[2].x, ==, in_window.legend_items[1].x);
}

/* Legend dots of a scatter chart are closed circles: before, each dot's
 * path began with a line from the previous entry's label, drawn as a
 * hairline between entries by PDF and SVG viewers. Every filled path of
 * curves in the SVG (the dots) has no straight segment. */
static void
test_scatter_legend_paths (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  const char *names[] = { "US", "China", "France" };
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "uc-scatter-legend-XXXXXX.svg", NULL);
  g_autofree char *svg = NULL;
  g_autoptr(GError) error = NULL;
  guint dots = 0;
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(UcSeries) s = uc_series_new (names[i], names[i]);

      uc_series_append (s, uc_time_from_ymd (2025, 1, 20 + i), 1 + i);
      uc_chart_spec_add_series (spec, s);
    }
  uc_chart_spec_set_kind (spec, UC_CHART_SCATTER);
  uc_chart_spec_set_legend_position (spec, UC_LEGEND_TOP);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 2, 1));
  g_assert_true (uc_export_chart (spec, NULL, path, UC_EXPORT_SVG, 800, 500, 1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_unlink (path);
  for (const char *p = strstr (svg, "<path"); p; p = strstr (p + 1, "<path"))
    {
      const char *end = strstr (p, "/>");
      g_autofree char *element = g_strndup (p, end ? (gsize) (end - p) : strlen (p));
      const char *d = strstr (element, " d=\"");

      if (strstr (element, "fill:rgb(") == NULL || d == NULL || strstr (d, " C ") == NULL)
        continue;
      dots++;
      g_assert_null (strstr (d, " L "));
    }
  /* Three dots in the plot, three in the legend. */
  g_assert_cmpuint (dots, >=, 6);
}

/* No label dropped without a sign: a crowded chart names the computed
 * moves and the newest events first and counts the markers it could not
 * name ("+N unnamed"); the DeepSeek shock at 1600 px names them all. */
static void
test_unnamed_events (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) shock = uc_view_build ("deepseek-shock", &error);
  g_autoptr(UcChartSpec) crowded = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("v", "Value");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1600, 900);
  cairo_t *cr = cairo_create (surface);
  UcChartLayout l;

  g_assert_no_error (error);
  uc_chart_draw (cr, shock, NULL, 1600, 900, &l);
  g_assert_cmpuint (l.n_unnamed_events, ==, 0);

  for (int d = 0; d < 60; d++)
    uc_series_append (s, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, d);
  uc_chart_spec_add_series (crowded, s);
  for (int d = 0; d < 40; d++)
    {
      g_autofree char *title = g_strdup_printf ("A long event title number %d", d);
      g_autoptr(UcEvent) event = uc_event_new (uc_time_from_ymd (2025, 1, 2) + d * UC_USEC_PER_DAY, title, UC_EVENT_MODEL_RELEASE);

      uc_chart_spec_add_event (crowded, event);
    }
  uc_chart_spec_set_range (crowded, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  uc_chart_draw (cr, crowded, NULL, 600, 400, &l);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpuint (l.n_unnamed_events, >, 0);
  g_assert_cmpuint (l.n_unnamed_events, <, 40);

  /* A lane chart too: its crowded lane counts what it could not name
   * (under the lane's name), a lane of three far-apart events none. */
  uc_chart_spec_set_kind (crowded, UC_CHART_LANES);
  uc_chart_draw (cr, crowded, NULL, 600, 300, &l);
  g_assert_cmpuint (l.n_unnamed_events, >, 0);
  g_assert_cmpuint (l.n_unnamed_events, <, 40);
  {
    g_autoptr(UcChartSpec) few = uc_chart_spec_new ();

    uc_chart_spec_set_kind (few, UC_CHART_LANES);
    for (int m = 0; m < 3; m++)
      {
        g_autoptr(UcEvent) event = uc_event_new (uc_time_from_ymd (2025, 1 + 4 * m, 10), "Released", UC_EVENT_MODEL_RELEASE);

        uc_chart_spec_add_event (few, event);
      }
    uc_chart_spec_set_range (few, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 12, 31));
    uc_chart_draw (cr, few, NULL, 600, 300, &l);
    g_assert_cmpuint (l.n_unnamed_events, ==, 0);
  }

  /* Named points of a scatter chart: those with no free place beside them
   * are counted too ("+N unnamed" in the plot's corner). */
  {
    g_autoptr(UcChartSpec) scatter = uc_chart_spec_new ();
    g_autoptr(UcSeries) prices = uc_series_new ("p", "Price");

    uc_chart_spec_set_kind (scatter, UC_CHART_SCATTER);
    for (int d = 0; d < 50; d++)
      {
        g_autofree char *name = g_strdup_printf ("model number %d", d);

        uc_series_append (prices, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 10 + d % 3);
        uc_series_set_point_label (prices, d, name);
      }
    uc_series_set_kind (prices, UC_CHART_SCATTER);
    uc_chart_spec_add_series (scatter, prices);
    uc_chart_spec_set_range (scatter, uc_time_from_ymd (2024, 12, 25), uc_time_from_ymd (2025, 2, 25));
    uc_chart_draw (cr, scatter, NULL, 600, 400, &l);
    g_assert_cmpuint (l.n_unnamed_events, >, 0);
    g_assert_cmpuint (l.n_unnamed_events, <, 50);
  }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* Stacked charts share one plot x: the DeepSeek shock's two charts
 * ($4.0T and $20T labels) and Model releases' lanes over its bars put
 * 27 January 2025 at one x (before: 12 and 36 px apart in exports). */
static void
test_stack_aligned (void)
{
  const char *views[] = { "deepseek-shock", "model-releases" };

  for (guint v = 0; v < G_N_ELEMENTS (views); v++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcView) view = uc_view_load (views[v], &error);
      g_autoptr(GPtrArray) specs = g_ptr_array_new ();
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 1000);
      cairo_t *cr = cairo_create (surface);
      int heights[8];
      UcChartLayout layouts[8];
      UcTime day = uc_time_from_ymd (2025, 1, 27);

      g_assert_no_error (error);
      for (guint i = 0; i < uc_view_get_n_charts (view); i++)
        g_ptr_array_add (specs, uc_view_get_chart (view, i));
      g_assert_cmpuint (specs->len, >=, 2);
      g_assert_cmpuint (specs->len, <=, G_N_ELEMENTS (heights));
      for (guint i = 0; i < specs->len; i++)
        heights[i] = i == 0 ? 600 : 400 / (specs->len - 1);
      uc_chart_draw_stack_full (cr, (UcChartSpec **) specs->pdata, NULL, heights, specs->len, NULL, 1200, layouts);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      for (guint i = 1; i < specs->len; i++)
        {
          g_assert_cmpfloat (layouts[i].x, ==, layouts[0].x);
          g_assert_cmpfloat (layouts[i].width, ==, layouts[0].width);
          if (layouts[i].from == layouts[0].from && layouts[i].to == layouts[0].to)
            g_assert_cmpfloat (uc_chart_layout_x_for_time (&layouts[i], day), ==,
                               uc_chart_layout_x_for_time (&layouts[0], day));
        }
    }
}

/* The source a stack's charts share is printed once at the bottom; its
 * room comes from the tallest chart. Taken from the short chart at the
 * bottom, it left that chart too short to name its events. */
static void
test_stack_footer_room (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("deepseek-shock", &error);
  UcChartSpec *specs[2];
  const int heights[2] = { 700, 250 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1400, 950);
  cairo_t *cr = cairo_create (surface);
  UcChartDrawOptions alone = UC_CHART_DRAW_OPTIONS_INIT;
  UcChartLayout stacked[2], single[2];

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_charts (view), ==, 2);
  for (guint i = 0; i < 2; i++)
    specs[i] = uc_view_get_chart (view, i);
  uc_chart_draw_stack_full (cr, specs, NULL, heights, 2, NULL, 1400, stacked);
  alone.flags = UC_CHART_DRAW_NO_SOURCE;
  for (guint i = 0; i < 2; i++)
    {
      alone.plot_left = stacked[i].x;
      alone.plot_right = 1400 - stacked[i].x - stacked[i].width;
      uc_chart_draw_full (cr, specs[i], NULL, 1400, heights[i], &alone, &single[i]);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  /* The short chart keeps its whole height, and with it its event
   * labels; the tall one is shorter by the source line. */
  g_assert_cmpfloat (stacked[1].height, ==, single[1].height);
  g_assert_cmpuint (stacked[1].n_unnamed_events, ==, single[1].n_unnamed_events);
  g_assert_cmpfloat (stacked[0].height, <, single[0].height);
  g_assert_cmpfloat (stacked[0].height, >, single[0].height - 60);
}

/* The Events view's lanes use the room they have: at these sizes at most
 * two events go without their whole name, and none is cut to a stub
 * ("Open…"): a label that would be is counted as unnamed. It stood at 7
 * unnamed and 4 cut (two of them stubs) at 1400×890, with rows to spare
 * below. */
static void
test_lane_labels_room (void)
{
  const int sizes[][2] = { { 1400, 890 }, { 1920, 1020 } };

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcView) view = uc_view_load ("events", &error);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, sizes[k][0], sizes[k][1]);
      cairo_t *cr = cairo_create (surface);
      UcChartLayout l;

      g_assert_no_error (error);
      uc_chart_draw (cr, uc_view_get_chart (view, 0), NULL, sizes[k][0], sizes[k][1], &l);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpuint (l.n_unnamed_events + l.n_shortened_labels, <=, 2);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data = cairo_image_surface_get_data (surface);

  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xffffff;
}

/* Zoomed in until points stand far apart, a line marks each point with
 * a dot; a dense line does not. */
static void
test_line_dots (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("v", "Value");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1200, 600);
  cairo_t *cr = cairo_create (surface);
  UcChartLayout l;
  double x, y;
  guint32 above;

  for (int d = 0; d < 40; d++)
    uc_series_append (s, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 10);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 10), uc_time_from_ymd (2025, 1, 14));
  uc_chart_draw (cr, spec, NULL, 1200, 600, &l);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);
  x = round (uc_chart_layout_x_for_time (&l, uc_time_from_ymd (2025, 1, 12)));
  y = round (uc_chart_layout_y_for_value (&l, 10));
  /* A flat line: only a dot reaches a few pixels above it. */
  above = pixel_at (surface, (int) x, (int) y - 3);
  g_assert_cmphex (above, !=, 0xffffff);
  g_assert_cmphex (pixel_at (surface, (int) x + 40, (int) y - 3), ==, 0xffffff);

  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 2, 9));
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  uc_chart_draw (cr, spec, NULL, 1200, 600, &l);
  cairo_surface_flush (surface);
  x = round (uc_chart_layout_x_for_time (&l, uc_time_from_ymd (2025, 1, 12)));
  y = round (uc_chart_layout_y_for_value (&l, 10));
  g_assert_cmphex (pixel_at (surface, (int) x, (int) y - 3), ==, 0xffffff);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}


/* A period bar spans its period (it stood narrow, mid-quarter), and a
 * period the data only partly covers is drawn lighter. */
static void
test_period_bars (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("us", "US");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  const guint32 white = 0xffffff;
  UcChartLayout l;
  guint32 full, partial;
  int y;

  for (int q = 0; q < 4; q++)
    uc_series_append (s, uc_time_from_ymd (2025, 1 + 3 * q, 1), 10);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_kind (spec, UC_CHART_BARS);
  uc_chart_spec_set_period (spec, UC_CHART_PERIOD_QUARTER, uc_time_from_ymd (2024, 6, 3), uc_time_from_ymd (2025, 11, 14));
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2026, 1, 1));
  uc_chart_draw (cr, spec, NULL, 800, 500, &l);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  y = (int) uc_chart_layout_y_for_value (&l, 5);
  /* From a week into the quarter to a week before its end. */
  full = pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, uc_time_from_ymd (2025, 4, 8)), y);
  g_assert_cmpuint (full, !=, white);
  g_assert_cmpuint (pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, uc_time_from_ymd (2025, 6, 23)), y), ==, full);
  g_assert_cmpuint (pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, uc_time_from_ymd (2025, 5, 15)), y), ==, full);
  /* Q4 2025: data to 14 November, lighter. */
  partial = pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, uc_time_from_ymd (2025, 11, 15)), y);
  g_assert_cmpuint (partial, !=, white);
  g_assert_cmpuint (partial, !=, full);
  g_assert_true (uc_chart_spec_period_is_partial (spec, uc_time_from_ymd (2025, 10, 1)));
  g_assert_false (uc_chart_spec_period_is_partial (spec, uc_time_from_ymd (2025, 7, 1)));
  cairo_surface_destroy (surface);
}

/* @spec drawn at @width × @height on a white image, ready to read. */
static cairo_surface_t *
draw_sized (UcChartSpec   *spec,
            int            width,
            int            height,
            UcChartLayout *layout)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  uc_chart_draw (cr, spec, NULL, width, height, layout);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Area: ink below the line down to zero, none above. Stacked: the second
 * layer's top is at the sum. Scatter: a dot at each point, nothing between. */
static void
test_kinds (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) a = uc_series_new ("a", "A");
  g_autoptr(UcSeries) b = uc_series_new ("b", "B");
  UcTime t0 = uc_time_from_ymd (2025, 1, 1), t1 = uc_time_from_ymd (2025, 3, 1);
  UcTime mid = uc_time_from_ymd (2025, 1, 30);
  cairo_surface_t *surface;
  UcChartLayout l;
  guint32 white = 0xffffff;
  int x;

  uc_series_append (a, t0, 10);
  uc_series_append (a, t1, 10);
  uc_series_append (b, t0, 20);
  uc_series_append (b, t1, 20);
  uc_chart_spec_add_series (spec, a);
  uc_chart_spec_add_series (spec, b);
  uc_chart_spec_set_range (spec, t0, t1);

  /* Stacked areas: A from 0 to 10, B from 10 to 30. */
  uc_chart_spec_set_kind (spec, UC_CHART_AREA);
  uc_chart_spec_set_stacked (spec, TRUE);
  surface = draw_sized (spec, 800, 500, &l);
  x = (int) uc_chart_layout_x_for_time (&l, mid);
  g_assert_cmpfloat (l.y_min, ==, 0);
  g_assert_cmpfloat (l.y_max, >=, 30);
  g_assert_cmpuint (pixel_at (surface, x, (int) uc_chart_layout_y_for_value (&l, 5)), !=, white);
  g_assert_cmpuint (pixel_at (surface, x, (int) uc_chart_layout_y_for_value (&l, 25)), !=, white);
  g_assert_cmpuint (pixel_at (surface, x, (int) uc_chart_layout_y_for_value (&l, 5)), !=,
                    pixel_at (surface, x, (int) uc_chart_layout_y_for_value (&l, 25)));
  g_assert_cmpuint (pixel_at (surface, x, (int) uc_chart_layout_y_for_value (&l, 30) - 6), ==, white);
  cairo_surface_destroy (surface);

  /* Scatter: dots at the ends, nothing in the middle. */
  uc_chart_spec_set_kind (spec, UC_CHART_SCATTER);
  uc_chart_spec_set_stacked (spec, FALSE);
  surface = draw_sized (spec, 800, 500, &l);
  g_assert_cmpuint (pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, t0) + 1,
                              (int) uc_chart_layout_y_for_value (&l, 20)), !=, white);
  /* Grid lines are light grey; the dots are dark. */
  g_assert_cmpuint (pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, mid),
                              (int) uc_chart_layout_y_for_value (&l, 20)) & 0xff, >, 200);
  cairo_surface_destroy (surface);
}

/* A span is shaded across the plot from its start to its end, and only there. */
static void
test_event_span (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("a", "A");
  g_autoptr(UcEvent) span = uc_event_new (uc_time_from_ymd (2025, 1, 13), "AI Diffusion rule in force", UC_EVENT_POLICY);
  cairo_surface_t *surface;
  UcChartLayout l;
  int y;

  uc_series_append (s, uc_time_from_ymd (2025, 1, 1), 1);
  uc_series_append (s, uc_time_from_ymd (2025, 3, 1), 1);
  uc_chart_spec_add_series (spec, s);
  uc_event_set_end (span, uc_time_from_ymd (2025, 2, 13));
  uc_chart_spec_add_event (spec, span);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  surface = draw_sized (spec, 800, 500, &l);

  /* Seven pixels down a column: all shaded inside; outside, at most a grid line. */
  y = (int) (l.y + l.height * 0.8);
  {
    const UcTime probes[] = { uc_time_from_ymd (2025, 1, 28), uc_time_from_ymd (2025, 2, 20), uc_time_from_ymd (2025, 1, 8) };
    guint shaded[3] = { 0, 0, 0 };

    for (guint k = 0; k < 3; k++)
      for (int dy = 0; dy < 7; dy++)
        shaded[k] += pixel_at (surface, (int) uc_chart_layout_x_for_time (&l, probes[k]), y + dy) != 0xffffff;
    g_assert_cmpuint (shaded[0], ==, 7);
    g_assert_cmpuint (shaded[1], <=, 1);
    g_assert_cmpuint (shaded[2], <=, 1);
  }
  cairo_surface_destroy (surface);
}

static guint
ink_in (cairo_surface_t *surface,
        int              x0,
        int              y0,
        int              x1,
        int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += pixel_at (surface, x, y) != 0xffffff;
  return n;
}

/* Axis titles take their own room (the plot shrinks rather than text
 * overlapping it), and the plot's top and bottom edges carry labelled
 * ticks: 3.83–4.13 once left the top edge at an unlabelled 4.14. */
static void
test_axis_titles (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("y", "Yield");
  cairo_surface_t *plain, *titled;
  UcChartLayout l0, l1;

  uc_series_append (s, uc_time_from_ymd (2025, 1, 1), 4.13);
  uc_series_append (s, uc_time_from_ymd (2025, 3, 1), 3.83);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));

  plain = draw_sized (spec, 1600, 900, &l0);
  uc_chart_spec_set_y_title (spec, "Percent");
  uc_chart_spec_set_x_title (spec, "Trading day");
  titled = draw_sized (spec, 1600, 900, &l1);

  g_assert_cmpfloat (l1.y, >, l0.y + 10);
  g_assert_cmpfloat (l1.y + l1.height, <, l0.y + l0.height - 10);

  /* Labels at both edges of the value axis, left of the plot. */
  g_assert_cmpuint (ink_in (plain, 0, (int) l0.y - 4, (int) l0.x - 4, (int) l0.y + 4), >, 0);
  g_assert_cmpuint (ink_in (plain, 0, (int) (l0.y + l0.height) - 4, (int) l0.x - 4, (int) (l0.y + l0.height) + 4), >, 0);
  g_assert_cmpuint (ink_in (titled, 0, (int) l1.y - 4, (int) l1.x - 4, (int) l1.y + 4), >, 0);
  g_assert_cmpuint (ink_in (titled, 0, (int) (l1.y + l1.height) - 4, (int) l1.x - 4, (int) (l1.y + l1.height) + 4), >, 0);

  /* The y title above the top label; the x title under the date labels,
   * where the untitled chart had plot. */
  g_assert_cmpuint (ink_in (titled, 0, (int) l0.y - 30, 200, (int) l1.y - 12), >, 0);
  g_assert_cmpuint (ink_in (titled, 600, (int) (l1.y + l1.height) + 30, 1000, (int) (l0.y + l0.height) + 30), >, 0);
  g_assert_cmpuint (ink_in (plain, 600, (int) (l1.y + l1.height) + 30, 1000, (int) (l0.y + l0.height) + 30), <,
                    ink_in (titled, 600, (int) (l1.y + l1.height) + 30, 1000, (int) (l0.y + l0.height) + 30));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (titled);
}

static UcChartLayout
draw_with_legend (UcChartSpec      *spec,
                  UcLegendPosition  position)
{
  UcChartLayout l;

  uc_chart_spec_set_legend_position (spec, position);
  cairo_surface_destroy (draw_sized (spec, 1200, 700, &l));
  return l;
}

/* An inside legend goes to the corner the data leaves empty. */
static void
test_legend_inside (void)
{
  g_autoptr(UcChartSpec) falling = uc_chart_spec_new ();
  g_autoptr(UcChartSpec) rising = uc_chart_spec_new ();
  g_autoptr(UcSeries) down = uc_series_new ("down", "Price per 1M tokens");
  g_autoptr(UcSeries) up = uc_series_new ("up", "Open-weight share");
  UcChartLayout top, none, l;

  for (int d = 0; d < 60; d++)
    {
      uc_series_append (down, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 100 - d);
      uc_series_append (up, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 40 + d);
    }
  uc_chart_spec_add_series (falling, down);
  uc_chart_spec_add_series (rising, up);
  uc_chart_spec_set_range (falling, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  uc_chart_spec_set_range (rising, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));

  /* Falling from the top left: the box moves to the top right. */
  l = draw_with_legend (falling, UC_LEGEND_INSIDE);
  g_assert_cmpfloat (l.legend_width, >, 0);
  g_assert_cmpfloat (l.legend_x, >, l.x + l.width / 2);
  g_assert_cmpfloat (l.legend_y, <, l.y + l.height / 2);
  g_assert_cmpfloat (l.legend_x + l.legend_width, <=, l.x + l.width);

  /* Rising: the top left is free, and a reader looks there first. */
  l = draw_with_legend (rising, UC_LEGEND_INSIDE);
  g_assert_cmpfloat (l.legend_x, <, l.x + l.width / 2);
  g_assert_cmpfloat (l.legend_y, <, l.y + l.height / 2);
  g_assert_cmpfloat (l.legend_x, >=, l.x);

  /* Outside or no legend: nothing in the plot; no legend gives the plot its row. */
  top = draw_with_legend (rising, UC_LEGEND_TOP);
  none = draw_with_legend (rising, UC_LEGEND_NONE);
  g_assert_cmpfloat (top.legend_width, ==, 0);
  g_assert_cmpfloat (none.legend_width, ==, 0);
  g_assert_cmpfloat (none.y, <, top.y);
  g_assert_cmpfloat_with_epsilon (l.y, none.y, 1e-9);
}

/* Two units on one chart: each series spans the plot against its own axis,
 * and the right axis carries labels right of the plot. */
static void
test_second_axis (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) price = uc_series_new ("close", "Close");
  g_autoptr(UcSeries) volume = uc_series_new ("volume", "Volume");
  cairo_surface_t *surface;
  UcChartLayout l, lp, lv;

  for (int d = 0; d < 30; d++)
    {
      uc_series_append (price, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 118 + d % 7);
      uc_series_append (volume, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 1.5e8 + d * 2e7);
    }
  uc_series_set_right_axis (volume, TRUE);
  uc_chart_spec_add_series (spec, price);
  uc_chart_spec_add_series (spec, volume);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 1, 30));
  surface = draw_sized (spec, 1200, 700, &l);

  g_assert_true (l.has_y2);
  g_assert_cmpfloat (l.y_max, <, 1000);
  g_assert_cmpfloat (l.y2_min, <=, 1.5e8);
  g_assert_cmpfloat (l.y2_max, >=, 1.5e8 + 29 * 2e7);
  lp = uc_chart_layout_for_series (&l, price);
  lv = uc_chart_layout_for_series (&l, volume);
  g_assert_cmpfloat (lp.y_max, ==, l.y_max);
  g_assert_cmpfloat (lv.y_max, ==, l.y2_max);
  /* The top volume lies in the upper fifth of the plot, not squashed flat. */
  g_assert_cmpfloat (uc_chart_layout_y_for_value (&lv, 1.5e8 + 29 * 2e7), <, l.y + l.height * 0.2);
  /* Labels right of the plot. */
  g_assert_cmpuint (ink_in (surface, (int) (l.x + l.width) + 4, (int) l.y, 1200, (int) (l.y + l.height)), >, 0);
  cairo_surface_destroy (surface);

  /* One side only: no second axis. */
  uc_series_set_right_axis (price, TRUE);
  cairo_surface_destroy (draw_sized (spec, 400, 300, &l));
  g_assert_false (l.has_y2);
}

static cairo_surface_t *
draw_spec (UcChartSpec      *spec,
           UcChartDrawFlags  flags)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  UcChartDrawOptions options = UC_CHART_DRAW_OPTIONS_INIT;

  options.flags = flags;
  uc_chart_draw_full (cr, spec, uc_chart_theme_light (), W, H, &options, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* M4 decimation draws the picture every point gives, both drawn by the same
 * rasteriser. Antialiased 2 px lines are not pixel-identical: inside a
 * column the 200k-point line zigzags at x positions the 4 kept points do
 * not have, which moves edge pixels by fractions of a level (about 2% of
 * pixels differ by at least 1/255, measured here). What is asserted is
 * that at most 0.5% of pixels differ visibly, by more than 48/255. */
static void
test_decimation_matches (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) walk = uc_series_new ("walk", "Random walk");
  g_autoptr(UcSeries) gappy = uc_series_new ("gappy", "With gaps");
  GRand *rand = g_rand_new_with_seed (7);
  UcTime t0 = uc_time_from_ymd (2025, 1, 1);
  double v = 100, w = 50;
  cairo_surface_t *all, *m4;
  const guint8 *a, *b;
  int stride;
  guint differ = 0, differ_any = 0;

  for (int i = 0; i < 200000; i++)
    {
      UcTime t = t0 + (gint64) i * 60 * G_USEC_PER_SEC;

      v += g_rand_double_range (rand, -1, 1);
      w += g_rand_double_range (rand, -0.5, 0.5);
      uc_series_append (walk, t, v);
      uc_series_append (gappy, t, (i / 20000) % 3 == 1 && i % 20000 < 3000 ? NAN : w);
    }
  g_rand_free (rand);
  uc_chart_spec_add_series (spec, walk);
  uc_chart_spec_add_series (spec, gappy);
  uc_chart_spec_set_title (spec, "200,000 points");
  uc_chart_spec_set_range (spec, t0, t0 + (gint64) 200000 * 60 * G_USEC_PER_SEC);

  all = draw_spec (spec, UC_CHART_DRAW_EVERY_POINT);
  m4 = draw_spec (spec, 0);
  a = cairo_image_surface_get_data (all);
  b = cairo_image_surface_get_data (m4);
  stride = cairo_image_surface_get_stride (all);
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++)
      {
        guint32 pa = *(const guint32 *) (a + y * stride + x * 4);
        guint32 pb = *(const guint32 *) (b + y * stride + x * 4);
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          worst = MAX (worst, abs ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)));
        differ_any += worst > 0;
        differ += worst > 48;
      }
  if (g_getenv ("UC_TEST_SAVE_IMAGES"))
    {
      cairo_surface_write_to_png (all, "decimation-all.png");
      cairo_surface_write_to_png (m4, "decimation-m4.png");
    }
  g_test_message ("%u of %d pixels differ visibly (%.3f%%), %u at all (%.3f%%)", differ, W * H,
                  100.0 * differ / (W * H), differ_any, 100.0 * differ_any / (W * H));
  g_assert_cmpfloat (100.0 * differ / (W * H), <=, 0.5);
  cairo_surface_destroy (all);
  cairo_surface_destroy (m4);
}


/* The direct rasteriser draws what cairo_stroke() draws with round joins
 * and caps: same polyline, same pen, compared pixel by pixel. Includes
 * spikes (two arms closer than a pixel), gaps, a point far outside the
 * clip and a clip edge through the line. Visible means by more than 48/255
 * in any channel, as in decimation-matches. (cairo's 24.8 fixed point wraps
 * beyond ±8 million, so farther points are checked on their own.) */
static void
test_line_raster (void)
{
  const int w = 800, h = 400;
  const double widths[] = { 1.0, 1.95, 3.5 };
  GRand *rand = g_rand_new_with_seed (11);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (UcPathPoint));
  UcColor color = { 0.2, 0.3, 0.7, 1 };
  cairo_rectangle_t clip = { 0, 20.5, 800, 339.75 };
  double v = 200;

  for (int i = 0; i < 6000; i++)
    {
      UcPathPoint p = { 20 + 760.0 * i / 6000, v, i == 0 || i == 3000 };

      v = CLAMP (v + g_rand_double_range (rand, -6, 6), 30, 370);
      if (i % 997 == 0)
        p.y = i == 1994 ? 1e5 : 10;   /* spikes, one far off the canvas */
      g_array_append_val (points, p);
    }
  g_rand_free (rand);

  for (guint k = 0; k < G_N_ELEMENTS (widths); k++)
    {
      cairo_surface_t *a = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_surface_t *b = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
      cairo_surface_t *targets[] = { a, b };
      guint visible = 0, any = 0;

      for (int t = 0; t < 2; t++)
        {
          cairo_t *cr = cairo_create (targets[t]);

          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_rectangle (cr, clip.x, clip.y, clip.width, clip.height);
          cairo_clip (cr);
          if (t == 0)
            {
              for (guint i = 0; i < points->len; i++)
                {
                  const UcPathPoint *p = &g_array_index (points, UcPathPoint, i);

                  if (p->move)
                    cairo_move_to (cr, p->x, p->y);
                  else
                    cairo_line_to (cr, p->x, p->y);
                }
              cairo_set_source_rgba (cr, color.red, color.green, color.blue, color.alpha);
              cairo_set_line_width (cr, widths[k]);
              cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
              cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
              cairo_stroke (cr);
            }
          else
            g_assert_true (uc_line_raster_stroke (cr, &clip, (UcPathPoint *) (void *) points->data, points->len,
                                                  widths[k], &color));
          cairo_destroy (cr);
          cairo_surface_flush (targets[t]);
        }

      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            const guint8 *pa = cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + x * 4;
            const guint8 *pb = cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + x * 4;
            int worst = 0;

            for (int c = 0; c < 4; c++)
              worst = MAX (worst, abs ((int) pa[c] - (int) pb[c]));
            any += worst > 0;
            visible += worst > 48;
          }
      g_test_message ("pen %.2f: %u pixels differ visibly, %u at all", widths[k], visible, any);
      if (g_getenv ("UC_TEST_SAVE_IMAGES"))
        {
          g_autofree char *name_a = g_strdup_printf ("line-raster-cairo-%u.png", k);
          g_autofree char *name_b = g_strdup_printf ("line-raster-direct-%u.png", k);

          cairo_surface_write_to_png (a, name_a);
          cairo_surface_write_to_png (b, name_b);
        }
      /* Seen: 3 to 11 single pixels in the crook of sharp turns, where
       * coverage from two sides is added rather than united exactly. */
      g_assert_cmpfloat (100.0 * visible / (w * h), <=, 0.01);
      cairo_surface_destroy (a);
      cairo_surface_destroy (b);
    }

  /* A point a trillion pixels below still draws a line straight down to
   * the clip's edge, and nothing is written outside the clip. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
    cairo_t *cr = cairo_create (surface);
    UcPathPoint far[] = { { 400.5, 100, TRUE }, { 400.5, 1e12, FALSE }, { 100, 200, TRUE }, { 700, -1e15, FALSE } };
    const guint8 *data;
    int stride;

    g_assert_true (uc_line_raster_stroke (cr, &clip, far, G_N_ELEMENTS (far), 2, &color));
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    data = cairo_image_surface_get_data (surface);
    stride = cairo_image_surface_get_stride (surface);
    g_assert_cmpuint (data[(int) (clip.y + clip.height - 2) * stride + 400 * 4 + 3], ==, 255);
    g_assert_cmpuint (data[250 * stride + 400 * 4 + 3], ==, 255);
    for (int x = 0; x < w; x++)
      {
        g_assert_cmpuint (data[19 * stride + x * 4 + 3], ==, 0);
        g_assert_cmpuint (data[(h - 1) * stride + x * 4 + 3], ==, 0);
      }
    cairo_surface_destroy (surface);
  }

  /* Vector targets keep cairo's own stroke. */
  {
    cairo_surface_t *recording = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *cr = cairo_create (recording);

    g_assert_false (uc_line_raster_stroke (cr, &clip, (UcPathPoint *) (void *) points->data, points->len, 2, &color));
    cairo_destroy (cr);
    cairo_surface_destroy (recording);
  }
}

static gboolean
append_bytes (const guint8 *data,
              gsize         length,
              gpointer      user_data)
{
  g_byte_array_append (user_data, data, (guint) length);
  return TRUE;
}

typedef struct
{
  GByteArray *bytes;
  gsize       at;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *data,
            unsigned int   length)
{
  Reader *reader = closure;

  if (reader->at + length > reader->bytes->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->bytes->data + reader->at, length);
  reader->at += length;
  return CAIRO_STATUS_SUCCESS;
}

/* PNGs compressed in parts on several threads decode (with libpng, through
 * cairo) to exactly the pixels written, at sizes from one pixel to more
 * rows than any one part takes. */
static void
test_png_writer (void)
{
  const int sizes[][2] = { { 1, 1 }, { 3, 700 }, { 1920, 1080 }, { 333, 1031 } };
  GRand *rand = g_rand_new_with_seed (5);

  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      int w = sizes[k][0], h = sizes[k][1];
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
      g_autoptr(GByteArray) png = g_byte_array_new ();
      Reader reader = { png, 0 };
      cairo_surface_t *back;
      guint8 *data = cairo_image_surface_get_data (image);
      int stride = cairo_image_surface_get_stride (image);

      /* Flat runs (as charts have) and noise. */
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          ((guint32 *) (data + y * stride))[x] = (y / 7) % 3 == 0 ? g_rand_int (rand) & 0xffffff : 0xf0f0f0u + (guint32) (x / 50);
      cairo_surface_mark_dirty (image);
      g_assert_true (uc_png_write_rgb (data, w, h, stride, 300, append_bytes, png));

      back = cairo_image_surface_create_from_png_stream (read_bytes, &reader);
      g_assert_cmpint (cairo_surface_status (back), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (back), ==, w);
      g_assert_cmpint (cairo_image_surface_get_height (back), ==, h);
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 a = ((guint32 *) (data + y * stride))[x] & 0xffffff;
            guint32 b = ((guint32 *) (cairo_image_surface_get_data (back) + y * cairo_image_surface_get_stride (back)))[x] & 0xffffff;

            if (a != b)
              g_error ("%dx%d: pixel (%d, %d) is %06x, written %06x", w, h, x, y, b, a);
          }
      cairo_surface_destroy (back);
      cairo_surface_destroy (image);
    }
  g_rand_free (rand);
}

/* Event lanes: each dot at the x of its date, lanes in category order,
 * a ring for a hollow event, and nothing of a lane's colour elsewhere. */
static void
test_lanes (void)
{
  Fixture f = { 0 };
  const UcChartTheme *theme = uc_chart_theme_light ();
  UcTime r1 = uc_time_from_ymd (2025, 1, 20), crash = uc_time_from_ymd (2025, 1, 27), v3 = uc_time_from_ymd (2025, 2, 20);
  g_autoptr(UcEvent) release = uc_event_new (r1, "DeepSeek-R1 released", UC_EVENT_MODEL_RELEASE);
  g_autoptr(UcEvent) market = uc_event_new (crash, "Nvidia −17%", UC_EVENT_MARKET);
  g_autoptr(UcEvent) ring = uc_event_new (v3, "A closed model", UC_EVENT_MODEL_RELEASE);
  int first_release = -1, first_market = -1, x, x_ring;
  cairo_t *cr;

  f.spec = uc_chart_spec_new ();
  uc_chart_spec_set_kind (f.spec, UC_CHART_LANES);
  uc_chart_spec_set_range (f.spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  uc_event_set_hollow (ring, TRUE);
  uc_chart_spec_add_event (f.spec, market);   /* added first, drawn in the second lane */
  uc_chart_spec_add_event (f.spec, release);
  uc_chart_spec_add_event (f.spec, ring);
  f.surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cr = cairo_create (f.surface);
  uc_chart_draw_full (cr, f.spec, theme, W, H, NULL, &f.layout);
  cairo_destroy (cr);
  cairo_surface_flush (f.surface);

  x = (int) uc_chart_layout_x_for_time (&f.layout, r1);
  for (int y = (int) f.layout.y; y < f.layout.y + f.layout.height && first_release < 0; y++)
    if (pixel_near (&f, x, y, &theme->events[UC_EVENT_MODEL_RELEASE], 40))
      first_release = y;
  x = (int) uc_chart_layout_x_for_time (&f.layout, crash);
  for (int y = (int) f.layout.y; y < f.layout.y + f.layout.height && first_market < 0; y++)
    if (pixel_near (&f, x, y, &theme->events[UC_EVENT_MARKET], 40))
      first_market = y;
  g_assert_cmpint (first_release, >=, 0);
  g_assert_cmpint (first_market, >, first_release);
  /* A dot, not a line: a few pixels tall. */
  g_assert_cmpint (count_in_column (&f, (int) uc_chart_layout_x_for_time (&f.layout, r1), &theme->events[UC_EVENT_MODEL_RELEASE]), <, 20);
  g_assert_cmpint (count_in_column (&f, (int) uc_chart_layout_x_for_time (&f.layout, r1) + 30, &theme->events[UC_EVENT_MODEL_RELEASE]), ==, 0);
  /* The ring's centre is the background, its edge the colour. */
  x_ring = (int) round (uc_chart_layout_x_for_time (&f.layout, v3));
  {
    int lit = count_in_column (&f, x_ring, &theme->events[UC_EVENT_MODEL_RELEASE]);
    int centre_y = -1;

    for (int y = (int) f.layout.y; y < f.layout.y + f.layout.height && centre_y < 0; y++)
      if (pixel_near (&f, x_ring, y, &theme->events[UC_EVENT_MODEL_RELEASE], 40))
        centre_y = y;
    g_assert_cmpint (lit, >, 0);
    /* Just inside the ring's top edge (a 4.8 px radius at this size): background. */
    g_assert_true (pixel_near (&f, x_ring, centre_y + 4, &theme->background, 30));
  }
  fixture_tear_down (&f, NULL);
}

/* A chart of two lines over sixty days, with three events (one a span,
 * one on a lane of its own), drawn as @variant: each kind the command
 * line can draw, and with a right axis, a log axis, legends in and out. */
#define N_SIZE_VARIANTS 14

static UcChartSpec *
size_spec (int variant)
{
  UcChartSpec *spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) a = uc_series_new ("a", "Alpha");
  g_autoptr(UcSeries) b = uc_series_new ("b", "Beta, a series with a longer name");
  g_autoptr(UcEvent) e1 = uc_event_new (uc_time_from_ymd (2025, 1, 20), "DeepSeek-R1 released", UC_EVENT_MODEL_RELEASE);
  g_autoptr(UcEvent) e2 = uc_event_new (uc_time_from_ymd (2025, 1, 27), "Nvidia −17%", UC_EVENT_MARKET);
  g_autoptr(UcEvent) e3 = uc_event_new (uc_time_from_ymd (2025, 2, 3), "A rule in force", UC_EVENT_POLICY);
  const UcChartKind kinds[] = { UC_CHART_LINE, UC_CHART_STEP, UC_CHART_AREA, UC_CHART_AREA, UC_CHART_SCATTER,
                                UC_CHART_BARS, UC_CHART_BARS, UC_CHART_LANES, UC_CHART_LINE, UC_CHART_AREA,
                                UC_CHART_LINE, UC_CHART_LINE, UC_CHART_SCATTER, UC_CHART_LINE };

  for (int d = 0; d < 60; d++)
    {
      uc_series_append (a, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, 100 + 10 * sin (d / 5.0));
      uc_series_append (b, uc_time_from_ymd (2025, 1, 1) + d * UC_USEC_PER_DAY, d % 9 == 4 ? NAN : 50 + d);
      if (d % 3 == 0)
        uc_series_set_point_label (a, d, "gpt-4o-mini (2024-07-18)");
    }
  uc_chart_spec_add_series (spec, a);
  uc_chart_spec_add_series (spec, b);
  uc_event_set_end (e3, uc_time_from_ymd (2025, 2, 20));
  uc_event_set_lane (e2, "Markets and money");
  uc_chart_spec_add_event (spec, e1);
  uc_chart_spec_add_event (spec, e2);
  uc_chart_spec_add_event (spec, e3);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  uc_chart_spec_set_title (spec, "A chart drawn at every size");
  uc_chart_spec_set_subtitle (spec, "Its subtitle");
  uc_chart_spec_set_source (spec, "Source: made up for the test");
  uc_chart_spec_set_y_title (spec, "Dollars");
  uc_chart_spec_set_x_title (spec, "Day");
  uc_chart_spec_set_kind (spec, kinds[variant]);
  uc_chart_spec_set_stacked (spec, variant == 3 || variant == 6);
  if (variant == 8 || variant == 12)
    uc_series_set_right_axis (b, TRUE);
  uc_chart_spec_set_log_scale (spec, variant == 9 || variant == 12);
  if (variant == 10)
    uc_chart_spec_set_legend_position (spec, UC_LEGEND_INSIDE);
  if (variant == 11)
    uc_chart_spec_set_legend_position (spec, UC_LEGEND_NONE);
  return spec;
}

static void
assert_layout_finite (const UcChartLayout *l,
                      int                  variant,
                      int                  width,
                      int                  height)
{
  const double values[] = { l->x, l->y, l->width, l->height, l->y_min, l->y_max, l->y2_min, l->y2_max,
                            l->legend_x, l->legend_y, l->legend_width, l->legend_height };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (!isfinite (values[i]))
      g_error ("variant %d at %d×%d: layout value %u is %g", variant, width, height, i, values[i]);
  if (!(l->width > 0) || !(l->to > l->from))
    g_error ("variant %d at %d×%d: a plot %g wide from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT,
             variant, width, height, l->width, l->from, l->to);
}

static void
draw_size_variant (cairo_surface_t *surface,
                   UcChartSpec    **specs,
                   int              v,
                   int              w,
                   int              h)
{
  cairo_t *cr = cairo_create (surface);
  UcChartLayout l;

  if (v == N_SIZE_VARIANTS - 1)
    {
      /* A view: three charts sharing the height. */
      UcChartSpec *stack[] = { specs[0], specs[6], specs[7] };
      const int heights[] = { h - 2 * (h / 3), h / 3, h / 3 };

      uc_chart_draw_stack (cr, stack, NULL, heights, 3, NULL, w);
    }
  else
    {
      uc_chart_draw (cr, specs[v], NULL, w, h, &l);
      assert_layout_finite (&l, v, w, h);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

/* Every size the command line takes, up to 200 px, draws: each kind and
 * each axis and legend variant at every width from 16 (with heights from
 * 16 to 200 in turn) and every height (with widths in turn), and at the
 * four corners; a view of several charts, one under the other, too.
 * Before, a plot of negative width asked for 128 GiB for its line at
 * widths 16 to 33. */
static void
test_every_size (void)
{
  const int others[] = { 16, 17, 20, 25, 33, 40, 60, 100, 150, 200 };
  UcChartSpec *specs[N_SIZE_VARIANTS];
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 200);

  for (int v = 0; v < N_SIZE_VARIANTS; v++)
    specs[v] = size_spec (v);

  for (int v = 0; v < N_SIZE_VARIANTS; v++)
    {
      for (int s = 16; s <= 200; s++)
        {
          draw_size_variant (surface, specs, v, s, others[(s + v) % G_N_ELEMENTS (others)]);
          draw_size_variant (surface, specs, v, others[(s + v) % G_N_ELEMENTS (others)], s);
        }
      draw_size_variant (surface, specs, v, 16, 16);
      draw_size_variant (surface, specs, v, 16, 200);
      draw_size_variant (surface, specs, v, 200, 16);
      draw_size_variant (surface, specs, v, 200, 200);
    }

  for (int v = 0; v < N_SIZE_VARIANTS; v++)
    g_object_unref (specs[v]);
  cairo_surface_destroy (surface);
}

/* Sizes no command line passes, through the API: nothing, negative,
 * not a number, and more than any canvas. */
static void
test_absurd_sizes (void)
{
  g_autoptr(UcChartSpec) spec = size_spec (0);
  const double sizes[] = { 0, -5, NAN, INFINITY, 1e12, 0.5 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 64);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      {
        cairo_t *cr = cairo_create (surface);
        UcChartLayout l;

        uc_chart_draw (cr, spec, NULL, sizes[i], sizes[k], &l);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        g_assert_true (isfinite (l.width) && isfinite (l.height) && isfinite (l.y_min) && isfinite (l.y_max));
        cairo_destroy (cr);
      }
  cairo_surface_destroy (surface);
}

/* A chart of @values on consecutive days from 2025-01-01. */
static UcChartSpec *
values_spec (const double *values,
             guint         n)
{
  UcChartSpec *spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("v", "v");

  for (guint i = 0; i < n; i++)
    uc_series_append (s, uc_time_from_ymd (2025, 1, 1) + (UcTime) i * UC_USEC_PER_DAY, values[i]);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 1, 1) + (UcTime) MAX (n, 2) * UC_USEC_PER_DAY);
  return spec;
}

/* Values at the ends of a double's range, and values no axis holds, drawn
 * every way: each draw ends, with a finite axis that holds the finite
 * values. Before, ±1e308 gave the tick loop a non-finite start, and it
 * grew memory until the kernel killed it. */
static void
test_huge_values (void)
{
  const double huge[] = { 1e308, -1e308 };
  const double inf[] = { 1, INFINITY, 2, -INFINITY, NAN, 3 };
  const double top[] = { G_MAXDOUBLE, G_MAXDOUBLE };
  const double tiny[] = { 1e-320, 5e-324, 4.9e-324 };
  const double big_same[] = { 1e300, 1e300 };
  struct { const double *values; guint n; } cases[] = { { huge, 2 }, { inf, 6 }, { top, 2 }, { tiny, 3 }, { big_same, 2 } };
  const UcValueFormat formats[] = { UC_VALUE_NUMBER, UC_VALUE_MONEY, UC_VALUE_PERCENT, UC_VALUE_INDEX, UC_VALUE_PER_MTOK };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (int kind = UC_CHART_LINE; kind <= UC_CHART_BARS; kind++)
      for (int log = 0; log < 2; log++)
        {
          g_autoptr(UcChartSpec) spec = values_spec (cases[c].values, cases[c].n);
          UcChartLayout l;

          uc_chart_spec_set_kind (spec, kind);
          uc_chart_spec_set_log_scale (spec, log);
          uc_chart_spec_set_value_format (spec, formats[(c + kind) % G_N_ELEMENTS (formats)]);
          cairo_surface_destroy (draw_sized (spec, 400, 300, &l));
          g_assert_true (isfinite (l.y_min) && isfinite (l.y_max) && l.y_max > l.y_min);
          for (guint i = 0; i < cases[c].n; i++)
            {
              double y = uc_chart_layout_y_for_value (&l, cases[c].values[i]);

              g_assert_true (isfinite (y));
              /* Finite values lie on the axis (a log axis shows the positive ones). */
              if (isfinite (cases[c].values[i]) && (!log || cases[c].values[i] > 0) && cases[c].values[i] >= 1e-300)
                {
                  g_assert_cmpfloat (y, >=, l.y - 1e-6 * l.height);
                  g_assert_cmpfloat (y, <=, l.y + l.height * (1 + 1e-6));
                }
            }
        }

  /* ±1e308: the axis spans both, with ticks at both ends. */
  {
    g_autoptr(UcChartSpec) spec = values_spec (huge, 2);
    UcChartLayout l;

    cairo_surface_destroy (draw_sized (spec, 800, 450, &l));
    g_assert_cmpfloat (l.y_min, ==, -1e308);
    g_assert_cmpfloat (l.y_max, ==, 1e308);
    g_assert_cmpfloat_with_epsilon (uc_chart_layout_y_for_value (&l, 1e308), l.y, 1e-6);
    g_assert_cmpfloat_with_epsilon (uc_chart_layout_y_for_value (&l, 0), l.y + l.height / 2, 1e-6);
  }

  /* On a second axis, the same. */
  {
    g_autoptr(UcChartSpec) spec = values_spec (huge, 2);
    g_autoptr(UcSeries) right = uc_series_new ("r", "r");
    UcChartLayout l;

    uc_series_append (right, uc_time_from_ymd (2025, 1, 1), -1.7e308);
    uc_series_append (right, uc_time_from_ymd (2025, 1, 2), 1.7e308);
    uc_series_set_right_axis (right, TRUE);
    uc_chart_spec_add_series (spec, right);
    cairo_surface_destroy (draw_sized (spec, 800, 450, &l));
    g_assert_true (l.has_y2);
    g_assert_true (isfinite (l.y2_min) && isfinite (l.y2_max) && l.y2_max > l.y2_min);
    g_assert_cmpfloat (l.y2_max, >=, 1.7e308);
  }

  /* Stacked sums past the largest double: those dates are left out. */
  for (int kind = UC_CHART_AREA; kind <= UC_CHART_BARS; kind += UC_CHART_BARS - UC_CHART_AREA)
    {
      g_autoptr(UcChartSpec) spec = values_spec (huge, 2);
      g_autoptr(UcSeries) b = uc_series_new ("b", "b");
      UcChartLayout l;

      uc_series_append (b, uc_time_from_ymd (2025, 1, 1), 1e308);
      uc_series_append (b, uc_time_from_ymd (2025, 1, 2), 1.7e308);
      uc_chart_spec_add_series (spec, b);
      uc_chart_spec_set_kind (spec, kind);
      uc_chart_spec_set_stacked (spec, TRUE);
      cairo_surface_destroy (draw_sized (spec, 400, 300, &l));
      g_assert_true (isfinite (l.y_min) && isfinite (l.y_max) && l.y_max > l.y_min);
    }
}

/* Times at the ends of an int64, through the API: a range from the first
 * to the last representable microsecond, and points out there. */
static void
test_extreme_times (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("v", "v");
  g_autoptr(UcEvent) early = uc_event_new (G_MININT64, "The first", UC_EVENT_OTHER);
  g_autoptr(UcEvent) late = uc_event_new (G_MAXINT64 - 1, "The last", UC_EVENT_OTHER);
  UcChartLayout l;

  uc_series_append (s, G_MININT64, 1);
  uc_series_append (s, 0, 2);
  uc_series_append (s, G_MAXINT64, 3);
  uc_chart_spec_add_series (spec, s);
  uc_event_set_end (early, G_MAXINT64);
  uc_chart_spec_add_event (spec, early);
  uc_chart_spec_add_event (spec, late);
  uc_chart_spec_set_range (spec, G_MININT64, G_MAXINT64);
  for (int kind = UC_CHART_LINE; kind <= UC_CHART_LANES; kind++)
    {
      uc_chart_spec_set_kind (spec, kind);
      cairo_surface_destroy (draw_sized (spec, 400, 300, &l));
      g_assert_cmpint (l.to, >, l.from);
      g_assert_true (isfinite (uc_chart_layout_x_for_time (&l, G_MAXINT64)));
    }
}

static double
seconds_to_draw (UcChartSpec *spec,
                 int          width,
                 int          height)
{
  gint64 start = g_get_monotonic_time ();

  cairo_surface_destroy (draw_sized (spec, width, height, NULL));
  return (g_get_monotonic_time () - start) / 1e6;
}

/* Text of any length costs what fits: a 5 MB title, subtitle, axis
 * titles, source, note, legend entry, lane name, event and point label,
 * of one word or of many lines. Before, a 100,000-character title took
 * 6 s and 5 MB never finished. */
static void
test_long_texts (void)
{
  gsize n = 5 * 1000 * 1000;
  g_autofree char *word = g_malloc (n + 1);
  g_autofree char *lines = g_malloc (n + 1);
  g_autofree char *broken = g_malloc (n + 1);

  memset (word, 'x', n);
  word[n] = '\0';
  for (gsize i = 0; i < n; i++)
    lines[i] = i % 2 ? '\n' : 'y';
  lines[n] = '\0';
  /* Malformed UTF-8 too: a lead byte with nothing after it, at the end. */
  memset (broken, 'z', n);
  broken[n - 1] = (char) 0xf0;
  broken[n] = '\0';

  for (int t = 0; t < 3; t++)
    for (int kind = UC_CHART_LINE; kind <= UC_CHART_LANES; kind++)
      {
        const char *text = t == 0 ? word : t == 1 ? lines : broken;
        g_autoptr(UcChartSpec) spec = size_spec (kind == UC_CHART_LANES ? 7 : 0);
        g_autoptr(UcEvent) event = uc_event_new (uc_time_from_ymd (2025, 2, 10), text, UC_EVENT_HARDWARE);
        double seconds;

        uc_chart_spec_set_kind (spec, kind);
        uc_chart_spec_set_title (spec, text);
        uc_chart_spec_set_subtitle (spec, text);
        uc_chart_spec_set_x_title (spec, text);
        uc_chart_spec_set_y_title (spec, text);
        uc_chart_spec_set_source (spec, text);
        uc_chart_spec_set_note (spec, text);
        uc_series_set_label (uc_chart_spec_get_series (spec, 0), text);
        uc_series_set_point_label (uc_chart_spec_get_series (spec, 0), 10, text);
        uc_event_set_lane (event, text);
        uc_chart_spec_add_event (spec, event);
        seconds = seconds_to_draw (spec, 1600, 900) + seconds_to_draw (spec, 320, 180);
        g_test_message ("text %d, kind %d: %.3f s", t, kind, seconds);
        /* Some tens of milliseconds; a sanitizer build takes longer. */
        g_assert_cmpfloat (seconds, <, 5);
      }
}

/* Crowds: a hundred thousand events on one day, on a line chart and in
 * lanes (one lane, and a lane each, interleaved), and a hundred thousand
 * named points. Each is placed as far as there is room and counted past
 * that. Before, events on one day never finished, and the dots alone
 * took cairo over a second. */
static void
test_crowds (void)
{
  g_autoptr(UcChartSpec) line = size_spec (0);
  g_autoptr(UcChartSpec) lanes = size_spec (7);
  g_autoptr(UcChartSpec) many_lanes = size_spec (7);
  g_autoptr(UcChartSpec) scatter = uc_chart_spec_new ();
  g_autoptr(UcSeries) points = uc_series_new ("p", "Points");
  g_autofree char *long_name = g_strnfill (300, 'n');

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *title = g_strdup_printf ("Event %u", i);
      g_autoptr(UcEvent) event = uc_event_new (uc_time_from_ymd (2025, 1, 15), title, UC_EVENT_OTHER);
      g_autoptr(UcEvent) spread = uc_event_new (uc_time_from_ymd (2025, 1, 1) + (UcTime) i * 25 * G_USEC_PER_SEC, title,
                                                UC_EVENT_OTHER);
      g_autofree char *lane = g_strdup_printf ("Lane %u", i % 2 ? i : 0);

      uc_chart_spec_add_event (line, event);
      uc_chart_spec_add_event (lanes, event);
      uc_event_set_lane (spread, lane);
      uc_chart_spec_add_event (many_lanes, spread);
      uc_series_append (points, uc_time_from_ymd (2025, 1, 1) + (UcTime) (i / 300) * UC_USEC_PER_DAY, (i * 7919) % 1000);
      uc_series_set_point_label (points, i, long_name);
    }
  uc_chart_spec_add_series (scatter, points);
  uc_chart_spec_set_kind (scatter, UC_CHART_SCATTER);
  uc_chart_spec_set_range (scatter, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2026, 1, 1));

  {
    UcChartSpec *specs[] = { line, lanes, many_lanes, scatter };

    for (guint k = 0; k < G_N_ELEMENTS (specs); k++)
      {
        double seconds = seconds_to_draw (specs[k], 1600, 900);

        g_test_message ("crowd %u: %.3f s", k, seconds);
        g_assert_cmpfloat (seconds, <, 10);
      }
  }
}

static double
min_contrast (const UcColor *colors,
              guint          n,
              const UcColor *background)
{
  double least = 21;

  for (guint i = 0; i < n; i++)
    least = MIN (least, uc_color_contrast (&colors[i], background));
  return least;
}

/* Text reads at 4.5:1 in every theme (WCAG AA), event lines stand out at
 * 3:1 (non-text); with the system's high contrast, every series and event
 * colour reaches 4.5:1 on its background, light and dark. The ordinary
 * palette keeps Tol's pale hues (its second cue is the dash) and is
 * reported. */
static void
test_theme_contrast (void)
{
  const UcChartTheme *themes[] = {
    uc_chart_theme_light (), uc_chart_theme_dark (), uc_chart_theme_high_contrast (FALSE),
    uc_chart_theme_high_contrast (TRUE),
  };
  const char *names[] = { "light", "dark", "high-contrast light", "high-contrast dark" };

  g_assert_cmpfloat_with_epsilon (uc_color_contrast (&(UcColor) { 0, 0, 0, 1 }, &(UcColor) { 1, 1, 1, 1 }), 21, 1e-9);
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      const UcChartTheme *t = themes[i];
      double series = min_contrast (t->series, UC_CHART_N_COLORS, &t->background);
      double events = min_contrast (t->events, G_N_ELEMENTS (t->events), &t->background);

      g_test_message ("%s: text %.1f, muted %.1f, events >= %.1f, series >= %.1f", names[i],
                      uc_color_contrast (&t->foreground, &t->background),
                      uc_color_contrast (&t->muted, &t->background), events, series);
      g_assert_cmpfloat (uc_color_contrast (&t->foreground, &t->background), >=, 4.5);
      g_assert_cmpfloat (uc_color_contrast (&t->muted, &t->background), >=, 4.5);
      g_assert_cmpfloat (events, >=, i >= 2 ? 4.5 : 3);
      if (i >= 2)
        g_assert_cmpfloat (series, >=, 4.5);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Text at GNOME's default size (11 pt at 96 dpi), whatever this
   * machine's desktop says. */
  uc_chart_font_set_fixed_px (uc_chart_font_px_for_points (11, 96, 1));

  g_test_add ("/render/layout", Fixture, NULL, fixture_set_up, test_layout, fixture_tear_down);
  g_test_add ("/render/crash-marker", Fixture, NULL, fixture_set_up, test_crash_marker, fixture_tear_down);
  g_test_add ("/render/nvda-drop", Fixture, NULL, fixture_set_up, test_nvda_drop, fixture_tear_down);
  g_test_add_func ("/render/theme-contrast", test_theme_contrast);
  g_test_add_func ("/render/decimation-matches", test_decimation_matches);
  g_test_add_func ("/render/line-raster", test_line_raster);
  g_test_add_func ("/render/log-axis", test_log_axis);
  g_test_add_func ("/render/kinds", test_kinds);
  g_test_add_func ("/render/event-span", test_event_span);
  g_test_add_func ("/render/axis-titles", test_axis_titles);
  g_test_add_func ("/render/legend-inside", test_legend_inside);
  g_test_add_func ("/render/second-axis", test_second_axis);
  g_test_add_func ("/render/lanes", test_lanes);
  g_test_add_func ("/export/formats", test_export_formats);
  g_test_add_func ("/export/png-writer", test_png_writer);
  g_test_add_func ("/export/failures", test_export_failures);
  g_test_add_func ("/render/every-size", test_every_size);
  g_test_add_func ("/render/absurd-sizes", test_absurd_sizes);
  g_test_add_func ("/render/huge-values", test_huge_values);
  g_test_add_func ("/render/extreme-times", test_extreme_times);
  g_test_add_func ("/render/long-texts", test_long_texts);
  g_test_add_func ("/render/crowds", test_crowds);
  g_test_add_func ("/render/hidden-series-legend", test_hidden_series_legend);
  g_test_add_func ("/render/scatter-legend-paths", test_scatter_legend_paths);
  g_test_add_func ("/render/stack-aligned", test_stack_aligned);
  g_test_add_func ("/render/stack-footer-room", test_stack_footer_room);
  g_test_add_func ("/render/unnamed-events", test_unnamed_events);
  g_test_add_func ("/render/lane-labels-room", test_lane_labels_room);
  g_test_add_func ("/render/line-dots", test_line_dots);
  g_test_add_func ("/render/period-bars", test_period_bars);
  g_test_add_func ("/render/font-size", test_font_size);
  g_test_add_func ("/render/word-spaces", test_word_spaces);
  g_test_add_func ("/render/text-sizes", test_text_sizes);
  g_test_add_func ("/render/event-rows-under-legend", test_event_rows_under_legend);

  return g_test_run ();
}
