/* bench-render.c: one 1920×1080 line chart frame after a zoom step, at 10k,
 * 1M and 10M points.
 *
 * The series and the steps are uPlot's benchmark's (../shared/bench/uplot):
 * the same random walk of one price a minute from 2015-01-02 09:30 UTC,
 * and ten windows of half the data, from 0/40 to 9/40 of the way in. Each
 * window is drawn three times over (the frames change, so nothing of the
 * last frame's plot can be kept); the median of the 30 frames is printed,
 * with the first frame, which builds the index. bench-render.py runs it
 * beside uPlot. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "uc-chart.h"
#include "uc-view.h"

#define WINDOWS 10
#define PASSES 3

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* uPlot's series: its LCG in doubles, as JavaScript computes it. */
static UcSeries *
walk (gsize n)
{
  UcSeries *series = uc_series_new ("price", "Price");
  double v = 100, s = 42;

  for (gsize i = 0; i < n; i++)
    {
      /* The product and sum are whole numbers below 2^63, rounded as
       * JavaScript rounds them; the remainder by 2^31 is then a mask. */
      double product = s * 1103515245.0;
      double sum = product + 12345.0;

      s = (double) ((guint64) sum & 0x7fffffff);
      v *= 1 + (s / 2147483648.0 - 0.5) * 0.002;
      uc_series_append (series, ((gint64) 1420191000 + (gint64) i * 60) * G_USEC_PER_SEC, v);
    }
  return series;
}

static double
draw_ms (cairo_surface_t *surface,
         UcChartSpec     *spec)
{
  cairo_t *cr = cairo_create (surface);
  gint64 start = g_get_monotonic_time ();

  uc_chart_draw (cr, spec, NULL, 1920, 1080, NULL);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The median zoom step's frame for @n points; the first frame in @first. */
static double
frame_ms (gsize   n,
          double *first)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) series = walk (n);
  const UcTime *xs = uc_series_get_x (series);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  double times[WINDOWS * PASSES];

  uc_chart_spec_add_series (spec, series);
  uc_chart_spec_set_title (spec, "Price");
  uc_chart_spec_set_range (spec, xs[0], xs[n - 1]);
  *first = draw_ms (surface, spec);
  for (int p = 0; p < PASSES; p++)
    for (int k = 0; k < WINDOWS; k++)
      {
        uc_chart_spec_set_range (spec, xs[n * k / 40], xs[(gsize) (n * (k / 40.0 + 0.5)) - 1]);
        times[p * WINDOWS + k] = draw_ms (surface, spec);
      }
  cairo_surface_destroy (surface);
  qsort (times, WINDOWS * PASSES, sizeof (double), compare);
  return times[WINDOWS * PASSES / 2];
}

int
main (int    argc,
      char **argv)
{
  static const gsize sizes[] = { 10000, 1000000, 10000000 };
  static const double targets[] = { 2, 3, 3 };
  gboolean ok = TRUE;

  /* bench-render VIEW CHART ROUNDS: a view's chart at 1920x830, zoomed
   * in and out over its days, for a profiler. */
  if (argc == 4)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcView) view = uc_view_load (argv[1], &error);
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 830);
      UcChartSpec *spec;
      UcTime from, to;

      if (view == NULL || !uc_view_get_time_range (view, &from, &to))
        return 1;
      spec = uc_view_get_chart (view, (guint) atoi (argv[2]));
      for (int i = 0; i < atoi (argv[3]); i++)
        {
          double times[WINDOWS];

          for (int k = 0; k < WINDOWS; k++)
            {
              UcTime span = to - from, pad = span / 20 * (k % 5);

              uc_chart_spec_set_range (spec, from - pad, to + pad);
              times[k] = draw_ms (surface, spec);
            }
          qsort (times, WINDOWS, sizeof (double), compare);
          printf ("%.3f ms\n", times[WINDOWS / 2]);
        }
      cairo_surface_destroy (surface);
      return 0;
    }
  /* bench-render N ROUNDS: N points only, for a profiler. */
  if (argc == 3)
    {
      gsize n = g_ascii_strtoull (argv[1], NULL, 10);
      double first;

      for (int i = atoi (argv[2]); i > 0 && n >= 40; i--)
        printf ("%.3f ms\n", frame_ms (n, &first));
      return 0;
    }
  printf ("1920x1080 line chart, one zoom step (median of %d frames; first frame in brackets):\n",
          WINDOWS * PASSES);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      double first, ms = frame_ms (sizes[i], &first);

      printf ("  %8" G_GSIZE_FORMAT " points  %6.2f ms  (%.2f ms)  target %.0f ms: %s\n", sizes[i], ms, first,
              targets[i], ms <= targets[i] ? "met" : "NOT met");
      ok = ok && ms <= targets[i];
    }
  return ok ? 0 : 1;
}
