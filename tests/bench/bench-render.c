/* bench-render.c: time to draw one 1920×1080 line chart frame from the
 * min/max index, for 10k, 1M and 10M points (median of 15 frames each, after
 * one warm-up frame that also builds the index). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "uc-chart.h"

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
frame_ms (gsize n)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) series = uc_series_new ("price", "Price");
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
  GRand *rand = g_rand_new_with_seed (42);
  UcTime t0 = uc_time_from_ymd (2015, 1, 2);
  double v = 100, times[15];

  for (gsize i = 0; i < n; i++)
    {
      v *= exp (g_rand_double_range (rand, -0.001, 0.001));
      uc_series_append (series, t0 + (gint64) i * 60 * G_USEC_PER_SEC, v);
    }
  g_rand_free (rand);
  uc_chart_spec_add_series (spec, series);
  uc_chart_spec_set_title (spec, "Price");
  uc_chart_spec_set_range (spec, t0, t0 + (gint64) n * 60 * G_USEC_PER_SEC);

  for (int k = -1; k < 15; k++)
    {
      cairo_t *cr = cairo_create (surface);
      gint64 start = g_get_monotonic_time ();

      uc_chart_draw (cr, spec, NULL, 1920, 1080, NULL);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      if (k >= 0)
        times[k] = (g_get_monotonic_time () - start) / 1000.0;
    }
  cairo_surface_destroy (surface);
  qsort (times, 15, sizeof (double), compare);
  return times[7];
}

int
main (void)
{
  double t10k = frame_ms (10000), t1m = frame_ms (1000000), t10m = frame_ms (10000000);
  gboolean ok = t10m < 4.0 && t10m <= 1.5 * t10k;

  printf ("1920x1080 line chart frame (median of 15):\n");
  printf ("  10k points  %6.2f ms\n  1M points   %6.2f ms\n  10M points  %6.2f ms (%.2fx the 10k time)\n",
          t10k, t1m, t10m, t10m / t10k);
  printf ("targets (under 4 ms at 10M, at most 1.5x the 10k time): %s\n", ok ? "met" : "NOT met");
  return ok ? 0 : 1;
}
