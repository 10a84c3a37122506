/* bench-widget.c: the chart widget with a million points, driven offscreen.
 *
 * Times one frame's work for the widget after a pointer move (the crosshair moves, the chart stays) and after a
 * zoom or pan step (the chart is drawn again), median of 41 each; and the work a pointer move gives a second chart
 * of the view that shares the crosshair's day (nine series, each marked with its value), for reference.
 * Targets: pointer 2 ms, zoom or pan 8 ms. Needs a display (run under
 * xvfb-run by bench-widget.sh). */
#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "uc-chart-view.h"

#define RUNS 41

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static GskRenderer *renderer;

/* Renders @node's pixels now (cairo nodes otherwise draw later, in the
 * renderer), at its own bounds. */
static void
render (GskRenderNode *node)
{
  graphene_rect_t bounds;
  GdkTexture *pixels;

  gsk_render_node_get_bounds (node, &bounds);
  pixels = gsk_renderer_render_texture (renderer, node, &bounds);
  g_object_unref (pixels);
}

/* One frame's work for the widget: its snapshot, which draws the chart into
 * its texture when the chart changed, and the crosshair's nodes drawn to
 * pixels. Compositing the window (the GPU's job) is not counted; @full
 * times it too, through GSK's software renderer, for reference. */
static double
frame_ms (GtkWidget *view,
          double    *full)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  gint64 start = g_get_monotonic_time ();
  GskRenderNode *node;
  double ms;

  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node && gsk_render_node_get_node_type (node) == GSK_CONTAINER_NODE)
    for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
      if (gsk_render_node_get_node_type (gsk_container_node_get_child (node, i)) == GSK_CAIRO_NODE)
        render (gsk_container_node_get_child (node, i));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  if (full && node)
    {
      gint64 t = g_get_monotonic_time ();

      render (node);
      *full = ms + (g_get_monotonic_time () - t) / 1000.0;
    }
  if (node)
    gsk_render_node_unref (node);
  return ms;
}

int
main (int argc, char **argv)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) series = uc_series_new ("price", "Price");
  g_autoptr(UcTimeRange) range = uc_time_range_new ();
  GRand *rand = g_rand_new_with_seed (42);
  UcTime t0 = uc_time_from_ymd (2015, 1, 2), span = (UcTime) 1000000 * 60 * G_USEC_PER_SEC;
  GtkWidget *window, *view;
  double pointer[RUNS], zoom[RUNS], pointer_full[RUNS], zoom_full[RUNS], v = 100;
  gboolean ok;

  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-widget: no display (run it under xvfb-run)\n");
      return 1;
    }
  adw_init ();
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, NULL))
    {
      fprintf (stderr, "bench-widget: no software renderer\n");
      return 1;
    }

  for (int i = 0; i < 1000000; i++)
    {
      v *= exp (g_rand_double_range (rand, -0.001, 0.001));
      uc_series_append (series, t0 + (gint64) i * 60 * G_USEC_PER_SEC, v);
    }
  g_rand_free (rand);
  uc_chart_spec_add_series (spec, series);
  uc_chart_spec_set_title (spec, "Price");
  uc_chart_spec_set_range (spec, t0, t0 + span);
  uc_time_range_set_bounds (range, t0, t0 + span);
  uc_time_range_set (range, t0, t0 + span);

  window = gtk_window_new ();
  view = uc_chart_view_new ();
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  uc_chart_view_set_spec (UC_CHART_VIEW (view), spec);
  uc_chart_view_set_time_range (UC_CHART_VIEW (view), range);
  gtk_widget_realize (window);
  gtk_widget_size_allocate (view, &(GtkAllocation) { 0, 0, 1920, 1080 }, -1);
  frame_ms (view, NULL);   /* first frame: builds the index */

  for (int k = 0; k < RUNS; k++)
    {
      uc_chart_view_set_crosshair (UC_CHART_VIEW (view), TRUE, t0 + span / RUNS * k);
      pointer[k] = frame_ms (view, &pointer_full[k]);
    }
  for (int k = 0; k < RUNS; k++)
    {
      UcTime from, to;

      uc_time_range_get (range, &from, &to);
      if (k % 2 == 0)
        uc_time_range_zoom (range, k % 4 == 0 ? 0.8 : 1.25, from + (to - from) / 3);
      else
        uc_time_range_pan (range, (to - from) / 10 * (k % 4 == 1 ? 1 : -1));
      zoom[k] = frame_ms (view, &zoom_full[k]);
    }
  /* A second chart sharing the crosshair's day: nine series of four
   * years of daily values, as the DeepSeek shock's first chart has. */
  {
    g_autoptr(UcChartSpec) nine = uc_chart_spec_new ();
    g_autoptr(UcCrosshairLink) link = uc_crosshair_link_new ();
    GtkWidget *other_window = gtk_window_new (), *other = uc_chart_view_new ();
    double linked[RUNS];

    for (int s = 0; s < 9; s++)
      {
        g_autofree char *id = g_strdup_printf ("s%d", s);
        g_autoptr(UcSeries) daily = uc_series_new (id, id);

        for (int d = 0; d < 1500; d++)
          uc_series_append (daily, t0 + (gint64) d * UC_USEC_PER_DAY, 1e12 * (1 + s) * (1 + 0.1 * sin (d / 30.0)));
        uc_chart_spec_add_series (nine, daily);
      }
    uc_chart_spec_set_title (nine, "Nine");
    uc_chart_spec_set_value_format (nine, UC_VALUE_MONEY);
    uc_chart_spec_set_range (nine, t0, t0 + 1500 * UC_USEC_PER_DAY);
    uc_chart_view_set_spec (UC_CHART_VIEW (other), nine);
    uc_chart_view_set_time_range (UC_CHART_VIEW (other), range);
    gtk_window_set_child (GTK_WINDOW (other_window), other);
    gtk_widget_realize (other_window);
    gtk_widget_size_allocate (other, &(GtkAllocation) { 0, 0, 1920, 540 }, -1);
    uc_chart_view_set_crosshair_link (UC_CHART_VIEW (view), link);
    uc_chart_view_set_crosshair_link (UC_CHART_VIEW (other), link);
    frame_ms (other, NULL);
    for (int k = 0; k < RUNS; k++)
      {
        UcTime from, to, day;
        gint64 start;

        uc_time_range_get (range, &from, &to);
        start = g_get_monotonic_time ();
        uc_chart_view_set_crosshair (UC_CHART_VIEW (view), TRUE, from + (to - from) / (RUNS + 1) * (k + 1));
        linked[k] = (g_get_monotonic_time () - start) / 1000.0 + frame_ms (other, NULL);
        g_assert_true (uc_chart_view_get_linked_day (UC_CHART_VIEW (other), &day));
      }
    qsort (linked, RUNS, sizeof (double), compare);
    printf ("a second chart marking the same day (nine values), per pointer move: %6.2f ms\n", linked[RUNS / 2]);
    uc_chart_view_set_crosshair_link (UC_CHART_VIEW (view), NULL);
    gtk_window_destroy (GTK_WINDOW (other_window));
  }
  qsort (pointer, RUNS, sizeof (double), compare);
  qsort (zoom, RUNS, sizeof (double), compare);
  qsort (pointer_full, RUNS, sizeof (double), compare);
  qsort (zoom_full, RUNS, sizeof (double), compare);
  ok = pointer[RUNS / 2] <= 2 && zoom[RUNS / 2] <= 8;
  printf ("1M-point chart widget, 1920x1080, one frame (median of %d):\n", RUNS);
  printf ("  pointer move (crosshair only)  %6.2f ms\n", pointer[RUNS / 2]);
  printf ("  zoom or pan step (redrawn)     %6.2f ms\n", zoom[RUNS / 2]);
  printf ("  with the whole 1920x1080 frame composited in software (GSK cairo renderer, for reference):\n"
          "    pointer %6.2f ms, zoom or pan %6.2f ms\n", pointer_full[RUNS / 2], zoom_full[RUNS / 2]);
  printf ("targets (pointer 2 ms, zoom or pan 8 ms): %s\n", ok ? "met" : "NOT met");
  gtk_window_destroy (GTK_WINDOW (window));
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  return ok ? 0 : 1;
}
