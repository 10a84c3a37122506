/* test-overview-strip.c: the overview strip under the window's charts,
 * drawn into images without a display
 *
 * Each series fills the strip's height on its own scale, the frame stands
 * at the days shown, a log chart's strip is logarithmic, and a chart of
 * events only shows a dot per event, a row per lane.
 */
#include <math.h>

#include "uc-chart.h"
#include "uc-overview-strip.h"
#include "uc-view.h"

#define W 960
#define H 48

/* @spec's strip drawn on the theme's background, ready to read. */
static cairo_surface_t *
draw_strip (const UcOverviewStrip *strip,
            UcChartSpec           *spec)
{
  const UcChartTheme *theme = uc_chart_theme_light ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) strip->width, (int) strip->height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, theme->background.red, theme->background.green, theme->background.blue);
  cairo_paint (cr);
  uc_overview_strip_draw (cr, strip, spec, theme);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
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

/* How far a pixel is from the theme's background: the largest channel
 * difference, 0 to 255. */
static int
ink (cairo_surface_t *surface,
     int              x,
     int              y)
{
  const UcColor *bg = &uc_chart_theme_light ()->background;
  guint32 p = pixel_at (surface, x, y);
  int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

  return MAX (abs (r - (int) round (bg->red * 255)),
              MAX (abs (g - (int) round (bg->green * 255)), abs (b - (int) round (bg->blue * 255))));
}

/* The @colour at @alpha over the background, as the pixel it makes. */
static gboolean
pixel_is (cairo_surface_t *surface,
          int              x,
          int              y,
          const UcColor   *colour,
          double           alpha)
{
  const UcColor *bg = &uc_chart_theme_light ()->background;
  guint32 p = pixel_at (surface, x, y);
  double want[] = { colour->red * alpha + bg->red * (1 - alpha), colour->green * alpha + bg->green * (1 - alpha),
                    colour->blue * alpha + bg->blue * (1 - alpha) };
  int got[] = { (p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff };

  for (int c = 0; c < 3; c++)
    if (fabs (got[c] - want[c] * 255) > 3)
      return FALSE;
  return TRUE;
}

/* The topmost and bottommost rows with ink in columns [x0, x1), between
 * the frame's top and bottom edges (which cross every column); FALSE when
 * there is none. */
static gboolean
ink_rows (cairo_surface_t *surface,
          int              x0,
          int              x1,
          int             *top,
          int             *bottom)
{
  int h = cairo_image_surface_get_height (surface);

  *top = h;
  *bottom = -1;
  for (int x = x0; x < x1; x++)
    for (int y = 1; y < h - 1; y++)
      if (ink (surface, x, y) > 24)
        {
          *top = MIN (*top, y);
          *bottom = MAX (*bottom, y);
        }
  return *bottom >= 0;
}

/* The middle of the ink in column @x. */
static double
ink_middle (cairo_surface_t *surface,
            int              x)
{
  int top, bottom;

  g_assert_true (ink_rows (surface, x, x + 1, &top, &bottom));
  return (top + bottom) / 2.0;
}

/* The strip of the DeepSeek shock view as the window shows it on opening:
 * the whole span of its data, the chart's own days framed. */
static UcOverviewStrip
deepseek_strip (UcChartSpec *spec)
{
  UcOverviewStrip strip = { W, H, G_MAXINT64, G_MININT64, 0, 0 };

  uc_chart_spec_get_range (spec, &strip.from, &strip.to);
  strip.lower = strip.from;
  strip.upper = strip.to;
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      guint n = uc_series_get_length (series);

      strip.lower = MIN (strip.lower, uc_series_get_x (series)[0]);
      strip.upper = MAX (strip.upper, uc_series_get_x (series)[n - 1]);
    }
  return strip;
}

/* Every company's line fills the strip's height on its own scale: with
 * one scale for all, Oracle ($0.4T) would lie flat under Apple ($3.5T). */
static void
test_own_scales (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  UcOverviewStrip strip;
  guint n;

  g_assert_no_error (error);
  strip = deepseek_strip (spec);
  /* Nothing dimmed, so each line's ink is its own. */
  strip.from = strip.lower;
  strip.to = strip.upper;
  n = uc_chart_spec_get_n_series (spec);
  g_assert_cmpuint (n, >=, 8);
  for (guint s = 0; s < n; s++)
    {
      cairo_surface_t *surface;
      int top, bottom;

      for (guint k = 0; k < n; k++)
        uc_series_set_hidden (uc_chart_spec_get_series (spec, k), k != s);
      surface = draw_strip (&strip, spec);
      /* Inside the frame's edges; the line's lowest and highest values
       * 4 px from the strip's bottom and top (a sharp join may poke out). */
      g_assert_true (ink_rows (surface, 2, W - 2, &top, &bottom));
      g_test_message ("%s: rows %d to %d", uc_series_get_id (uc_chart_spec_get_series (spec, s)), top, bottom);
      g_assert_cmpint (top, <=, 4);
      g_assert_cmpint (bottom, >=, H - 5);
      cairo_surface_destroy (surface);
    }
}

/* The frame's edges at the x of the days shown; outside it, everything
 * is dimmed to 30% of its ink. */
static void
test_frame (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  const UcChartTheme *theme = uc_chart_theme_light ();
  UcOverviewStrip strip, whole;
  cairo_surface_t *empty, *framed, *open;
  double x0, x1;
  int left, right;

  g_assert_no_error (error);
  strip = deepseek_strip (spec);
  g_assert_cmpint (strip.lower, <, strip.from);
  x0 = uc_overview_strip_x_for_time (&strip, strip.from);
  x1 = uc_overview_strip_x_for_time (&strip, strip.to);
  left = (int) round (x0);
  right = left + (int) MAX (2, round (x1 - x0) - 1);
  g_assert_cmpint (left, >, 10);
  g_assert_cmpint (right, <, W - 10);

  /* Alone: the edges in the foreground at half strength, nothing beside
   * them (the top and bottom edges run between them). */
  empty = draw_strip (&strip, NULL);
  for (int y = 0; y < H; y++)
    {
      g_assert_true (pixel_is (empty, left, y, &theme->foreground, 0.5));
      g_assert_true (pixel_is (empty, right, y, &theme->foreground, 0.5));
      g_assert_cmpint (ink (empty, left - 2, y), ==, 0);
      g_assert_cmpint (ink (empty, right + 2, y), ==, 0);
      if (y > 0 && y < H - 1)
        g_assert_cmpint (ink (empty, left + 2, y), ==, 0);
    }
  for (int x = left; x <= right; x++)
    {
      g_assert_true (pixel_is (empty, x, 0, &theme->foreground, 0.5));
      g_assert_true (pixel_is (empty, x, H - 1, &theme->foreground, 0.5));
    }
  cairo_surface_destroy (empty);

  /* With the lines: outside the frame each pixel keeps 30% of its ink,
   * inside all of it. */
  whole = strip;
  whole.from = whole.lower;
  whole.to = whole.upper;
  framed = draw_strip (&strip, spec);
  open = draw_strip (&whole, spec);
  for (int y = 2; y < H - 2; y++)
    for (int x = 2; x < W - 2; x++)
      if (x < left - 1 || x > right + 1)
        g_assert_cmpint (abs (ink (framed, x, y) - (int) round (ink (open, x, y) * 0.3)), <=, 2);
      else if (x > left + 1 && x < right - 1)
        g_assert_cmpuint (pixel_at (framed, x, y), ==, pixel_at (open, x, y));
  cairo_surface_destroy (framed);
  cairo_surface_destroy (open);
}

/* The strip maps the data's span onto its width, as a widget maps a
 * pointer back to a time. */
static void
test_mapping (void)
{
  UcTime lower = uc_time_from_ymd (2024, 1, 1), upper = uc_time_from_ymd (2025, 1, 1);
  UcOverviewStrip strip = { 366, H, lower, upper, lower, upper };
  UcOverviewStrip flat = { 366, H, lower, lower, lower, lower };

  g_assert_cmpfloat (uc_overview_strip_x_for_time (&strip, lower), ==, 0);
  g_assert_cmpfloat (uc_overview_strip_x_for_time (&strip, upper), ==, 366);
  /* 2024 has 366 days: one pixel a day. */
  g_assert_cmpfloat_with_epsilon (uc_overview_strip_x_for_time (&strip, uc_time_from_ymd (2024, 7, 1)), 182, 1e-9);
  g_assert_cmpint (llabs (uc_overview_strip_time_for_x (&strip, 182) - uc_time_from_ymd (2024, 7, 1)), <=, 1);
  g_assert_cmpint (uc_overview_strip_time_for_x (&strip, 0), ==, lower);
  /* No span: everything at the left edge, every x at its one time. */
  g_assert_cmpfloat (uc_overview_strip_x_for_time (&flat, upper), ==, 0);
  g_assert_cmpint (uc_overview_strip_time_for_x (&flat, 100), ==, lower);
}

/* A price falling a hundredfold in even steps of ratio, and one that
 * reaches zero: on a log chart the first is a straight line (its middle
 * day at mid height) and the second has no place; on a linear one the
 * middle day lies near the bottom. */
static void
test_log (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) falling = uc_series_new ("falling", "Falling");
  g_autoptr(UcSeries) zero = uc_series_new ("zero", "To zero");
  UcTime day0 = uc_time_from_ymd (2025, 1, 1), last = day0 + 100 * UC_USEC_PER_DAY;
  UcOverviewStrip strip = { 400, H, day0, last, day0, last };
  cairo_surface_t *surface;
  double middle;
  int top, bottom;

  for (int i = 0; i <= 100; i++)
    {
      uc_series_append (falling, day0 + i * UC_USEC_PER_DAY, 100 * pow (10, -i / 50.0));
      uc_series_append (zero, day0 + i * UC_USEC_PER_DAY, 100 - i);
    }
  uc_chart_spec_add_series (spec, falling);
  uc_chart_spec_set_range (spec, day0, last);

  uc_chart_spec_set_log_scale (spec, TRUE);
  surface = draw_strip (&strip, spec);
  middle = ink_middle (surface, 200);
  g_assert_cmpfloat (fabs (middle - H / 2.0), <=, 1.5);
  /* The line runs from the top left to the bottom right. */
  g_assert_cmpfloat (ink_middle (surface, 3), <, 8);
  g_assert_cmpfloat (ink_middle (surface, 396), >, H - 8);
  cairo_surface_destroy (surface);

  uc_chart_spec_set_log_scale (spec, FALSE);
  surface = draw_strip (&strip, spec);
  /* 10 between 1 and 100: a tenth of the way up, 3.6 px above the bottom
   * margin instead of halfway. */
  g_assert_cmpfloat (fabs (ink_middle (surface, 200) - (H - 4 - 3.6)), <=, 1.5);
  cairo_surface_destroy (surface);

  /* The line that reaches zero: drawn on a linear strip, not on a log one. */
  uc_series_set_hidden (falling, TRUE);
  uc_chart_spec_add_series (spec, zero);
  surface = draw_strip (&strip, spec);
  g_assert_true (ink_rows (surface, 2, 398, &top, &bottom));
  cairo_surface_destroy (surface);
  uc_chart_spec_set_log_scale (spec, TRUE);
  surface = draw_strip (&strip, spec);
  g_assert_false (ink_rows (surface, 2, 398, &top, &bottom));
  cairo_surface_destroy (surface);
}

/* A timeline: a 3 px dot per event at its day, a row per lane in the
 * order lanes first appear; nothing else. */
static void
test_event_dots (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  const UcChartTheme *theme = uc_chart_theme_light ();
  UcTime lower = uc_time_from_ymd (2025, 1, 1), upper = uc_time_from_ymd (2025, 12, 31);
  struct { int month, day; UcEventCategory category; } events[] = {
    { 1, 20, UC_EVENT_MODEL_RELEASE }, { 1, 27, UC_EVENT_MARKET }, { 4, 5, UC_EVENT_MODEL_RELEASE },
    { 8, 7, UC_EVENT_MODEL_RELEASE }, { 10, 1, UC_EVENT_MARKET },
  };
  UcOverviewStrip strip = { W, H, lower, upper, lower, upper };
  cairo_surface_t *surface;
  guint dots[2] = { 0, 0 };

  uc_chart_spec_set_kind (spec, UC_CHART_LANES);
  uc_chart_spec_set_range (spec, lower, upper);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      g_autoptr(UcEvent) event = uc_event_new (uc_time_from_ymd (2025, events[i].month, events[i].day), "e",
                                               events[i].category);

      uc_chart_spec_add_event (spec, event);
    }
  surface = draw_strip (&strip, spec);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      int x = (int) floor (uc_overview_strip_x_for_time (&strip, uc_time_from_ymd (2025, events[i].month, events[i].day)));
      int row = events[i].category == UC_EVENT_MARKET;   /* releases came first */
      int y = (int) ((row + 0.5) * H / 2);

      /* The dot's centre pixel is covered whole; two pixels off, nothing. */
      g_assert_true (pixel_is (surface, x, y, &theme->series[0], 0.8));
      g_assert_cmpint (ink (surface, x + 3, y), ==, 0);
      g_assert_cmpint (ink (surface, x, y + 3), ==, 0);
      g_assert_cmpint (ink (surface, x, (int) ((1 - row + 0.5) * H / 2)), ==, 0);
    }
  /* Runs of ink along each lane's middle row: one per event of it. */
  for (int row = 0; row < 2; row++)
    {
      int y = (int) ((row + 0.5) * H / 2);
      gboolean in = FALSE;

      for (int x = 2; x < W - 2; x++)
        {
          gboolean lit = ink (surface, x, y) > 24;

          dots[row] += lit && !in;
          in = lit;
        }
    }
  g_assert_cmpuint (dots[0], ==, 3);
  g_assert_cmpuint (dots[1], ==, 2);
  cairo_surface_destroy (surface);
}

/* Scatter charts stay points: ink at each point's column, none between. */
static void
test_points (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) prices = uc_series_new ("p", "Prices");
  UcTime day0 = uc_time_from_ymd (2025, 1, 1), last = day0 + 40 * UC_USEC_PER_DAY;
  UcOverviewStrip strip = { 400, H, day0, last, day0, last };
  cairo_surface_t *surface;
  int top, bottom;

  uc_series_append (prices, day0 + 10 * UC_USEC_PER_DAY, 60);
  uc_series_append (prices, day0 + 20 * UC_USEC_PER_DAY, 15);
  uc_series_append (prices, day0 + 30 * UC_USEC_PER_DAY, 2);
  uc_chart_spec_add_series (spec, prices);
  uc_chart_spec_set_kind (spec, UC_CHART_SCATTER);
  surface = draw_strip (&strip, spec);
  for (int i = 1; i <= 3; i++)
    {
      int x = (int) uc_overview_strip_x_for_time (&strip, day0 + i * 10 * UC_USEC_PER_DAY);

      /* The column's points end where the column does: one column left. */
      g_assert_true (ink_rows (surface, x - 2, x + 2, &top, &bottom));
      g_assert_cmpint (bottom - top, <=, 3);
      g_assert_false (ink_rows (surface, x + 5, x + 95, &top, &bottom));
    }
  cairo_surface_destroy (surface);
}

/* Any size, times at the ends of an int64 and values at the ends of a
 * double: each draw ends with cairo content, the mapping stays finite. */
static void
test_hostile (void)
{
  const double sizes[] = { 0, -5, NAN, INFINITY, 1e12, 0.5, 48 };
  const UcTime times[][2] = { { G_MININT64, G_MAXINT64 }, { 0, 0 }, { G_MAXINT64, G_MININT64 },
                              { uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 2, 1) } };
  g_autoptr(UcChartSpec) lines = uc_chart_spec_new ();
  g_autoptr(UcChartSpec) events = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("v", "v");
  g_autoptr(UcEvent) early = uc_event_new (G_MININT64, "The first", UC_EVENT_OTHER);
  g_autoptr(UcEvent) late = uc_event_new (G_MAXINT64 - 1, "The last", UC_EVENT_OTHER);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 64, 64);

  uc_series_append (s, G_MININT64, -1e308);
  uc_series_append (s, 0, NAN);
  uc_series_append (s, 1, INFINITY);
  uc_series_append (s, uc_time_from_ymd (2025, 1, 15), 1e-320);
  uc_series_append (s, G_MAXINT64, 1e308);
  uc_chart_spec_add_series (lines, s);
  uc_chart_spec_add_event (events, early);
  uc_chart_spec_add_event (events, late);
  for (guint w = 0; w < G_N_ELEMENTS (sizes); w++)
    for (guint h = 0; h < G_N_ELEMENTS (sizes); h++)
      for (guint t = 0; t < G_N_ELEMENTS (times); t++)
        for (int variant = 0; variant < 4; variant++)
          {
            UcOverviewStrip strip = { sizes[w], sizes[h], times[t][0], times[t][1], times[t][1], times[t][0] };
            UcChartSpec *spec = variant == 3 ? events : lines;
            cairo_t *cr = cairo_create (surface);

            uc_chart_spec_set_log_scale (lines, variant == 1);
            uc_chart_spec_set_kind (lines, variant == 2 ? UC_CHART_SCATTER : UC_CHART_LINE);
            uc_overview_strip_draw (cr, &strip, spec, NULL);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            cairo_destroy (cr);
            g_assert_true (isfinite (uc_overview_strip_x_for_time (&strip, G_MININT64)));
            g_assert_true (isfinite (uc_overview_strip_x_for_time (&strip, G_MAXINT64)));
            (void) uc_overview_strip_time_for_x (&strip, sizes[w]);
            (void) uc_overview_strip_time_for_x (&strip, -1e300);
          }
  cairo_surface_destroy (surface);

  /* Events far past the strip's ends leave it empty, and a frame far past
   * them leaves only its top and bottom edges: 2^24 px past the right end
   * once wrapped around to the left in cairo's fixed point. */
  {
    UcOverviewStrip strip = { 64, H, times[3][0], times[3][1], times[3][0], times[3][1] };
    UcTime wrap = strip.lower + (UcTime) ((16777216.0 + 20) / 64 * (double) (strip.upper - strip.lower));
    g_autoptr(UcEvent) around = uc_event_new (wrap, "Around", UC_EVENT_OTHER);
    int top, bottom;

    uc_chart_spec_add_event (events, around);
    surface = draw_strip (&strip, events);
    g_assert_false (ink_rows (surface, 1, 63, &top, &bottom));   /* between the frame's sides */
    cairo_surface_destroy (surface);
    strip.from = strip.lower - (wrap - strip.lower);
    strip.to = wrap;
    surface = draw_strip (&strip, NULL);
    g_assert_false (ink_rows (surface, 0, 64, &top, &bottom));
    cairo_surface_destroy (surface);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/overview-strip/own-scales", test_own_scales);
  g_test_add_func ("/overview-strip/frame", test_frame);
  g_test_add_func ("/overview-strip/mapping", test_mapping);
  g_test_add_func ("/overview-strip/log", test_log);
  g_test_add_func ("/overview-strip/event-dots", test_event_dots);
  g_test_add_func ("/overview-strip/points", test_points);
  g_test_add_func ("/overview-strip/hostile", test_hostile);
  return g_test_run ();
}
