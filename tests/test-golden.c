/* test-golden.c: charts compared with reviewed reference images
 *
 * Each case draws a chart specification into a PNG and compares it with
 * tests/golden/NAME.png: at most 0.2% of pixels may differ by more than
 * 32/255 in a channel (font hinting and antialiasing may move by a step).
 * On a mismatch the drawing and a difference image are written to the
 * build folder. After a deliberate change, regenerate the references with
 *
 *   UC_GOLDEN_UPDATE=1 meson test -C build golden
 *
 * and look at every changed image before committing it.
 *
 * The overview strip under the window's charts is checked the same way
 * (tests/golden/overview-*.png), and so are views of several charts
 * drawn as one picture (tests/golden/view-*.png).
 *
 * Also checked here: the SVG and PDF exports, rasterised by rsvg-convert and
 * pdftoppm, show the same picture as the PNG export, light and dark.
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-chart-font.h"
#include "uc-chart.h"
#include "uc-export.h"
#include "uc-overview-strip.h"
#include "uc-transform.h"
#include "uc-dataset-charts.h"
#include "uc-event-label.h"
#include "uc-event-table.h"
#include "uc-release-events.h"
#include "uc-view.h"

typedef struct
{
  const char *name;
  int         width;
  int         height;
  UcChartSpec *(*build) (void);
  gboolean    dark;
} Case;

static UcChartSpec *
deepseek (void)
{
  g_autoptr(GError) error = NULL;
  UcChartSpec *spec = uc_view_build ("deepseek-shock", &error);

  g_assert_no_error (error);
  return spec;
}

static UcChartSpec *
deepseek_rebased (void)
{
  g_autoptr(UcChartSpec) spec = deepseek ();
  g_autoptr(GError) error = NULL;
  UcChartSpec *rebased = uc_chart_spec_rebase (spec, uc_time_from_ymd (2025, 1, 24), &error);

  g_assert_no_error (error);
  return rebased;
}

static UcChartSpec *
deepseek_kind (UcChartKind kind,
               gboolean    stacked)
{
  UcChartSpec *spec = deepseek ();

  uc_chart_spec_set_kind (spec, kind);
  uc_chart_spec_set_stacked (spec, stacked);
  return spec;
}

static UcChartSpec *deepseek_step (void) { return deepseek_kind (UC_CHART_STEP, FALSE); }
static UcChartSpec *deepseek_area_stacked (void) { return deepseek_kind (UC_CHART_AREA, TRUE); }

/* Every API price on a log axis, as dots named by model. */
static UcChartSpec *
prices_scatter_log (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load ("api-prices", &error);
  const char *ys[] = { "output_usd_per_mtok", NULL };
  UcChartSpec *spec = uc_chart_spec_from_dataset (ds, "date", ys, NULL, "model", &error);

  g_assert_no_error (error);
  uc_chart_spec_set_kind (spec, UC_CHART_SCATTER);
  uc_chart_spec_set_log_scale (spec, TRUE);
  uc_chart_spec_set_value_format (spec, UC_VALUE_PER_MTOK);
  uc_chart_spec_set_title (spec, "Output price per million tokens");
  return spec;
}

/* Every event of early 2025 on one chart: labels must find rows. */
static UcChartSpec *
crowded_events (void)
{
  g_autoptr(UcChartSpec) base = deepseek ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = uc_catalog_load ("events", &error);
  UcChartSpec *spec = uc_chart_spec_new ();
  int dc = uc_dataset_find_column (events, "date"), tc = uc_dataset_find_column (events, "title");
  int cc = uc_dataset_find_column (events, "category");

  uc_chart_spec_add_series (spec, uc_chart_spec_find_series (base, "NVDA"));
  for (guint r = 0; r < uc_dataset_get_n_rows (events); r++)
    {
      g_autoptr(UcEvent) event = uc_event_new (uc_dataset_get_times (events, dc)[r],
                                               uc_dataset_get_text (events, tc, r),
                                               uc_event_category_from_string (uc_dataset_get_text (events, cc, r)));
      uc_chart_spec_add_event (spec, event);
    }
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2024, 12, 15), uc_time_from_ymd (2025, 4, 30));
  uc_chart_spec_set_value_format (spec, UC_VALUE_MONEY);
  uc_chart_spec_set_title (spec, "Nvidia and every event, December 2024 – April 2025");
  return spec;
}

/* Releases per quarter, stacked by country. */
static UcChartSpec *
releases_bars (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_catalog_load ("model-releases", &error);
  UcChartSpec *spec = uc_chart_spec_count_by (ds, "date", "country", UC_PERIOD_QUARTER, &error);

  g_assert_no_error (error);
  uc_chart_spec_set_stacked (spec, TRUE);
  uc_chart_spec_set_title (spec, "Notable model releases per quarter, by country");
  return spec;
}

/* Every event on its lane, and 2025's model releases by region with
 * closed-weight releases as rings. */
static UcChartSpec *
events_lanes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = uc_catalog_load ("events", &error);
  UcChartSpec *spec = uc_chart_spec_new ();

  uc_chart_spec_set_kind (spec, UC_CHART_LANES);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2024, 11, 1), uc_time_from_ymd (2025, 9, 30));
  g_assert_true (uc_chart_spec_add_events_from (spec, events, uc_time_from_ymd (2024, 11, 1),
                                                uc_time_from_ymd (2025, 9, 30), NULL, &error));
  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      g_autofree char *label = uc_event_short_label (uc_event_get_title (event));

      uc_event_set_label (event, label);
    }
  uc_chart_spec_set_title (spec, "Events, November 2024 – September 2025");
  uc_chart_spec_set_source (spec, "Source: Undercut events table (data/datasets/SOURCES.md)");
  return spec;
}

/* The regions of data/views/model-releases.json. */
static UcChartSpec *
releases_lanes (void)
{
  static const char * const us[] = { "US", NULL }, * const cn[] = { "CN", NULL };
  static const char * const europe[] = { "AT", "BE", "CH", "DE", "DK", "ES", "FI", "FR", "GB", "IE", "IT", "NL",
                                         "NO", "PL", "SE", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) releases = uc_catalog_load ("model-releases", &error);
  g_autoptr(UcRegions) regions = uc_regions_new ();
  UcReleaseTable table = { "country", "open_weights", regions };
  UcChartSpec *spec = uc_chart_spec_new ();

  uc_regions_add (regions, "US", us);
  uc_regions_add (regions, "China", cn);
  uc_regions_add (regions, "Europe", europe);
  uc_regions_add (regions, "Other", NULL);
  uc_chart_spec_set_kind (spec, UC_CHART_LANES);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 12, 31));
  g_assert_true (uc_chart_spec_add_release_events (spec, releases, &table, uc_time_from_ymd (2025, 1, 1),
                                                   uc_time_from_ymd (2025, 12, 31), &error));
  uc_chart_spec_set_title (spec, "Model releases in 2025 by region");
  uc_chart_spec_set_subtitle (spec, "● open weights   ○ closed or not known");
  return spec;
}

/* An event study's axis: change since the last close before Nvidia's
 * record loss, by trading day from it (day 0, 27 January 2025), for a few
 * companies. Numbers on x, 1-2-5 steps, signed, with an axis title. */
static UcChartSpec *
trading_days (void)
{
  g_autoptr(UcChartSpec) base = deepseek ();
  g_autoptr(UcChartSpec) some = uc_chart_spec_copy_without_series (base);
  g_autoptr(UcChartSpec) change = NULL;
  g_autoptr(GError) error = NULL;
  const char *tickers[] = { "NVDA", "TSM", "ORCL", "MSFT", "META" };
  UcChartSpec *spec;

  for (guint i = 0; i < G_N_ELEMENTS (tickers); i++)
    uc_chart_spec_add_series (some, uc_chart_spec_find_series (base, tickers[i]));
  change = uc_chart_spec_change_since (some, uc_time_from_ymd (2025, 1, 24), &error);
  g_assert_no_error (error);
  spec = uc_chart_spec_trading_days (change, uc_time_from_ymd (2025, 1, 27), -10, 20);
  g_assert_cmpint (uc_chart_spec_get_x_kind (spec), ==, UC_X_NUMBER);
  g_assert_cmpuint (uc_chart_spec_get_n_events (spec), ==, 0);
  uc_chart_spec_set_title (spec, "Around Nvidia's record one-day loss");
  uc_chart_spec_set_subtitle (spec, "Market capitalisation, change since the close of Friday 24 January 2025");
  uc_chart_spec_set_x_title (spec, "Trading days from Monday 27 January 2025");
  uc_chart_spec_set_note (spec, NULL);
  return spec;
}

static const Case cases[] = {
  { "deepseek-shock", 1600, 900, deepseek, FALSE },
  { "deepseek-shock-dark", 1600, 900, deepseek, TRUE },
  { "deepseek-rebased", 1200, 700, deepseek_rebased, FALSE },
  { "deepseek-step", 1200, 700, deepseek_step, FALSE },
  { "deepseek-area-stacked", 1200, 700, deepseek_area_stacked, FALSE },
  { "api-prices-scatter-log", 1200, 700, prices_scatter_log, FALSE },
  { "crowded-events", 1200, 700, crowded_events, FALSE },
  { "thumbnail", 320, 180, deepseek, FALSE },
  { "releases-bars-stacked", 1200, 700, releases_bars, FALSE },
  { "events-lanes", 1200, 700, events_lanes, FALSE },
  { "releases-lanes", 1200, 700, releases_lanes, FALSE },
  { "releases-lanes-thumbnail", 320, 180, releases_lanes, FALSE },
  { "trading-days", 1200, 700, trading_days, FALSE },
};

/* The overview strip under the window's charts, as the window shows it
 * on opening a view: the whole span of every chart's data, the first
 * chart's days framed, on the theme's background. */
typedef struct
{
  const char *name;
  const char *view;
  gboolean    dark;
} StripCase;

#define STRIP_WIDTH 960
#define STRIP_HEIGHT 48

static const StripCase strip_cases[] = {
  { "overview-deepseek-shock", "deepseek-shock", FALSE },
  { "overview-deepseek-shock-dark", "deepseek-shock", TRUE },
  { "overview-pricing", "pricing", FALSE },               /* log scale, points and a line */
  { "overview-model-releases", "model-releases", FALSE }, /* a dot per release, a row per region */
};

static cairo_surface_t *
render_strip (const StripCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load (c->view, &error);
  const UcChartTheme *theme = c->dark ? uc_chart_theme_dark () : uc_chart_theme_light ();
  UcOverviewStrip strip = { STRIP_WIDTH, STRIP_HEIGHT, G_MAXINT64, G_MININT64, 0, 0 };
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, STRIP_WIDTH, STRIP_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  g_assert_no_error (error);
  for (guint i = 0; i < uc_view_get_n_charts (view); i++)
    {
      UcChartSpec *spec = uc_view_get_chart (view, i);

      uc_chart_spec_get_range (spec, &strip.from, &strip.to);
      strip.lower = MIN (strip.lower, strip.from);
      strip.upper = MAX (strip.upper, strip.to);
      for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
        {
          UcSeries *series = uc_chart_spec_get_series (spec, s);
          guint n = uc_series_get_length (series);

          if (n > 0)
            {
              strip.lower = MIN (strip.lower, uc_series_get_x (series)[0]);
              strip.upper = MAX (strip.upper, uc_series_get_x (series)[n - 1]);
            }
        }
    }
  uc_chart_spec_get_range (uc_view_get_chart (view, 0), &strip.from, &strip.to);
  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_paint (cr);
  uc_overview_strip_draw (cr, &strip, uc_view_get_chart (view, 0), theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* A view of several charts exported as one picture, as the window and
 * `undercut export --view` draw it: the height shared as the window shares
 * it, the plots at one x, the source the charts share printed once. */
typedef struct
{
  const char *name;
  const char *view;
  int         width;
  int         height;
  gboolean    dark;
} StackCase;

static const StackCase stack_cases[] = {
  { "view-deepseek-shock", "deepseek-shock", 1600, 900, FALSE },   /* a summary chart under the main one */
  { "view-deepseek-shock-dark", "deepseek-shock", 1600, 900, TRUE },
  { "view-model-releases", "model-releases", 1600, 900, FALSE },   /* lanes over bars */
};

static cairo_surface_t *
render_stack (const StackCase *c)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load (c->view, &error);
  g_autoptr(GPtrArray) specs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree int *heights = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, c->width, c->height);
  cairo_t *cr = cairo_create (surface);
  UcTime from, to;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_view_get_n_charts (view), >, 1);
  /* On the first chart's days, as the window and the command line show them. */
  uc_chart_spec_get_range (uc_view_get_chart (view, 0), &from, &to);
  for (guint i = 0; i < uc_view_get_n_charts (view); i++)
    {
      UcChartSpec *copy = uc_chart_spec_copy (uc_view_get_chart (view, i));

      uc_chart_spec_set_range (copy, from, to);
      g_ptr_array_add (specs, copy);
    }
  heights = g_new (int, specs->len);
  uc_view_split_height (view, c->height, heights);
  uc_chart_draw_stack (cr, (UcChartSpec **) specs->pdata, NULL, heights, specs->len,
                       c->dark ? uc_chart_theme_dark () : uc_chart_theme_light (), c->width);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
render (const Case *c)
{
  g_autoptr(UcChartSpec) spec = c->build ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, c->width, c->height);
  cairo_t *cr = cairo_create (surface);

  uc_chart_draw (cr, spec, c->dark ? uc_chart_theme_dark () : uc_chart_theme_light (), c->width, c->height, NULL);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels differing by more than @threshold in some channel; writes a
 * difference image (red where they differ) when @diff_path is given. */
static double
compare (cairo_surface_t *a,
         cairo_surface_t *b,
         int              threshold,
         const char      *diff_path)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  cairo_surface_t *diff = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  guint8 *da = cairo_image_surface_get_data (a), *db = cairo_image_surface_get_data (b), *dd;
  int sa = cairo_image_surface_get_stride (a), sb = cairo_image_surface_get_stride (b), sd;
  guint differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, w);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, h);
  cairo_surface_flush (diff);
  dd = cairo_image_surface_get_data (diff);
  sd = cairo_image_surface_get_stride (diff);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(guint32 *) (da + y * sa + x * 4), pb = *(guint32 *) (db + y * sb + x * 4);
        int worst = 0;

        for (int shift = 0; shift < 24; shift += 8)
          worst = MAX (worst, abs ((int) ((pa >> shift) & 0xff) - (int) ((pb >> shift) & 0xff)));
        differ += worst > threshold;
        *(guint32 *) (dd + y * sd + x * 4) = worst > threshold ? 0xff0000 : (pa & 0xfefefe) >> 1 | 0x808080;
      }
  cairo_surface_mark_dirty (diff);
  if (diff_path && differ > 0)
    cairo_surface_write_to_png (diff, diff_path);
  cairo_surface_destroy (diff);
  return 100.0 * differ / ((double) w * h);
}

/* @drawn (taken) against tests/golden/@name.png. */
static void
check_golden (const char      *name,
              cairo_surface_t *drawn)
{
  g_autofree char *file = g_strdup_printf ("%s.png", name);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", file, NULL);
  int width = cairo_image_surface_get_width (drawn), height = cairo_image_surface_get_height (drawn);
  cairo_surface_t *reference;
  double share;

  if (g_getenv ("UC_GOLDEN_UPDATE"))
    {
      g_assert_cmpint (cairo_surface_write_to_png (drawn, golden), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", golden);
      cairo_surface_destroy (drawn);
      return;
    }

  reference = cairo_image_surface_create_from_png (golden);
  g_assert_cmpint (cairo_surface_status (reference), ==, CAIRO_STATUS_SUCCESS);
  {
    g_autofree char *out = g_strdup_printf ("golden-%s-drawn.png", name);
    g_autofree char *diff = g_strdup_printf ("golden-%s-diff.png", name);
    cairo_surface_t *ref24 = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
    cairo_t *cr = cairo_create (ref24);

    cairo_set_source_surface (cr, reference, 0, 0);
    cairo_paint (cr);
    cairo_destroy (cr);
    cairo_surface_flush (ref24);
    share = compare (drawn, ref24, 32, diff);
    g_test_message ("%s: %.3f%% of pixels differ", name, share);
    if (share > 0.2)
      cairo_surface_write_to_png (drawn, out);
    cairo_surface_destroy (ref24);
  }
  cairo_surface_destroy (reference);
  cairo_surface_destroy (drawn);
  g_assert_cmpfloat (share, <=, 0.2);
}

static void
test_golden (gconstpointer data)
{
  const Case *c = data;

  check_golden (c->name, render (c));
}

static void
test_stack_golden (gconstpointer data)
{
  const StackCase *c = data;

  check_golden (c->name, render_stack (c));
}

static void
test_strip_golden (gconstpointer data)
{
  const StripCase *c = data;

  check_golden (c->name, render_strip (c));
}

static cairo_surface_t *
load_png (const char *path)
{
  cairo_surface_t *png = cairo_image_surface_create_from_png (path);
  cairo_surface_t *rgb;
  cairo_t *cr;

  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  rgb = cairo_image_surface_create (CAIRO_FORMAT_RGB24, cairo_image_surface_get_width (png),
                                    cairo_image_surface_get_height (png));
  cr = cairo_create (rgb);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (png);
  cairo_surface_flush (rgb);
  return rgb;
}

/* Vector exports rasterised by other programs show what the PNG shows,
 * in the light theme and the dark one (@data: the theme). */
static void
test_vector_matches_png (gconstpointer data)
{
  const UcChartTheme *theme = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = deepseek ();
  g_autofree char *dir = g_dir_make_tmp ("uc-golden-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autofree char *svg_png = g_build_filename (dir, "svg.png", NULL);
  g_autofree char *pdf_base = g_build_filename (dir, "pdf", NULL);
  g_autofree char *pdf_png = g_build_filename (dir, "pdf.png", NULL);
  cairo_surface_t *a, *b, *c;
  int status;
  double svg_share, pdf_share;

  g_assert_no_error (error);
  g_assert_true (uc_export_chart (spec, theme, png, UC_EXPORT_PNG, 1200, 675, 1, &error));
  g_assert_true (uc_export_chart (spec, theme, svg, UC_EXPORT_SVG, 1200, 675, 1, &error));
  g_assert_true (uc_export_chart (spec, theme, pdf, UC_EXPORT_PDF, 1200, 675, 1, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { "rsvg-convert", "-w", "1200", "-h", "675", "-o", svg_png, svg, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  {
    /* 1200 px at 96 dpi is 900 pt; 96 dpi gives the same pixels back. */
    const char *argv[] = { "pdftoppm", "-png", "-r", "96", "-singlefile", pdf, pdf_base, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }

  a = load_png (png);
  b = load_png (svg_png);
  c = load_png (pdf_png);
  g_assert_cmpint (cairo_image_surface_get_width (c), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (c), ==, 675);
  /* Other rasterisers hint text differently: compare what is clearly ink. */
  svg_share = compare (a, b, 96, NULL);
  pdf_share = compare (a, c, 96, NULL);
  g_test_message ("SVG differs on %.2f%%, PDF on %.2f%% of pixels", svg_share, pdf_share);
  g_assert_cmpfloat (svg_share, <=, 1.0);
  g_assert_cmpfloat (pdf_share, <=, 1.0);
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
  cairo_surface_destroy (c);

  {
    const char *files[] = { png, svg, pdf, svg_png, pdf_png };
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      g_unlink (files[i]);
    g_rmdir (dir);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Text at GNOME's default size (11 pt at 96 dpi), whatever this
   * machine's desktop says. */
  uc_chart_font_set_fixed_px (uc_chart_font_px_for_points (11, 96, 1));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/golden/%s", cases[i].name);
      g_test_add_data_func (path, &cases[i], test_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (strip_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/golden/%s", strip_cases[i].name);
      g_test_add_data_func (path, &strip_cases[i], test_strip_golden);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stack_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/golden/%s", stack_cases[i].name);
      g_test_add_data_func (path, &stack_cases[i], test_stack_golden);
    }
  g_test_add_data_func ("/golden/vector-matches-png", uc_chart_theme_light (), test_vector_matches_png);
  g_test_add_data_func ("/golden/vector-matches-png-dark", uc_chart_theme_dark (), test_vector_matches_png);
  return g_test_run ();
}
