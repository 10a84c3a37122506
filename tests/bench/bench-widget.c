/* bench-widget.c: the chart widget's work for one frame, driven offscreen.
 *
 * Two windows of 1920×1080: one chart of a million points, and the DeepSeek
 * shock view as the window shows it (its two charts, their events and
 * labels, one time range and one crosshair between them). For each, the
 * median of 41 frames' work after a pointer move (the crosshair moves, the
 * charts stay) and after a zoom or pan step (the charts are drawn again).
 * Targets: pointer 0.5 ms, zoom or pan 4 ms, in both. Needs a display (run
 * under xvfb-run by bench-widget.sh). */
#include <adwaita.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "uc-chart-view.h"
#include "uc-view.h"

#define RUNS 41
#define MAX_CHARTS 4

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

/* One frame's work for a widget: its snapshot, which draws the chart into
 * its pixels when the chart changed, and its cairo nodes (the crosshair,
 * labels) drawn to pixels. Compositing the window (the GPU's job) is not
 * counted; @full times it too, through GSK's software renderer, for
 * reference. */
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
      *full += (g_get_monotonic_time () - t) / 1000.0;
    }
  if (node)
    gsk_render_node_unref (node);
  return ms;
}

/* Charts in one window, sharing a time range and a crosshair. */
typedef struct
{
  GtkWidget       *window;
  GtkWidget       *views[MAX_CHARTS];
  guint            n;
  UcTimeRange     *range;
  UcCrosshairLink *link;
} Bench;

static void
bench_add (Bench       *b,
           UcChartSpec *spec,
           int          height)
{
  GtkWidget *view = uc_chart_view_new ();

  uc_chart_view_set_spec (UC_CHART_VIEW (view), spec);
  uc_chart_view_set_time_range (UC_CHART_VIEW (view), b->range);
  uc_chart_view_set_crosshair_link (UC_CHART_VIEW (view), b->link);
  gtk_box_append (GTK_BOX (gtk_window_get_child (GTK_WINDOW (b->window))), view);
  gtk_widget_set_size_request (view, 1920, height);
  b->views[b->n++] = view;
}

static void
bench_init (Bench *b)
{
  b->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (b->window), gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
  gtk_window_set_default_size (GTK_WINDOW (b->window), 1920, 1080);
  b->n = 0;
  b->range = uc_time_range_new ();
  b->link = uc_crosshair_link_new ();
}

static void
bench_clear (Bench *b)
{
  for (guint i = 0; i < b->n; i++)
    uc_chart_view_set_crosshair_link (UC_CHART_VIEW (b->views[i]), NULL);
  gtk_window_destroy (GTK_WINDOW (b->window));
  g_clear_object (&b->range);
  g_clear_object (&b->link);
}

/* The work of every chart of @b for one frame. */
static double
bench_frame (Bench  *b,
             double *full)
{
  double ms = 0;

  for (guint i = 0; i < b->n; i++)
    ms += frame_ms (b->views[i], full);
  return ms;
}

/* Medians of @b's pointer moves and of its zoom and pan steps. */
static void
bench_run (Bench  *b,
           double *pointer,
           double *zoom,
           double *pointer_full,
           double *zoom_full)
{
  double p[RUNS], z[RUNS], pf[RUNS], zf[RUNS];
  int y = 0;

  gtk_widget_realize (b->window);
  for (guint i = 0; i < b->n; i++)
    {
      int h;

      gtk_widget_get_size_request (b->views[i], NULL, &h);
      gtk_widget_size_allocate (b->views[i], &(GtkAllocation) { 0, y, 1920, h }, -1);
      y += h;
    }
  bench_frame (b, NULL);   /* first frame: builds the indexes */
  for (int k = 0; k < RUNS; k++)
    {
      UcTime from, to;
      gint64 start = g_get_monotonic_time ();

      uc_time_range_get (b->range, &from, &to);
      uc_chart_view_set_crosshair (UC_CHART_VIEW (b->views[0]), TRUE, from + (to - from) / (RUNS + 1) * (k + 1));
      pf[k] = 0;
      p[k] = (g_get_monotonic_time () - start) / 1000.0 + bench_frame (b, &pf[k]);
      pf[k] += p[k];
    }
  uc_chart_view_set_crosshair (UC_CHART_VIEW (b->views[0]), FALSE, 0);
  for (int k = 0; k < RUNS; k++)
    {
      UcTime from, to;

      uc_time_range_get (b->range, &from, &to);
      if (k % 2 == 0)
        uc_time_range_zoom (b->range, k % 4 == 0 ? 0.8 : 1.25, from + (to - from) / 3);
      else
        uc_time_range_pan (b->range, (to - from) / 10 * (k % 4 == 1 ? 1 : -1));
      zf[k] = 0;
      z[k] = bench_frame (b, &zf[k]);
      zf[k] += z[k];
    }
  qsort (p, RUNS, sizeof (double), compare);
  qsort (z, RUNS, sizeof (double), compare);
  qsort (pf, RUNS, sizeof (double), compare);
  qsort (zf, RUNS, sizeof (double), compare);
  *pointer = p[RUNS / 2];
  *zoom = z[RUNS / 2];
  *pointer_full = pf[RUNS / 2];
  *zoom_full = zf[RUNS / 2];
}

/* A million prices a minute from 2015-01-02, one chart. */
static void
million (Bench *b)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) series = uc_series_new ("price", "Price");
  GRand *rand = g_rand_new_with_seed (42);
  UcTime t0 = uc_time_from_ymd (2015, 1, 2), span = (UcTime) 1000000 * 60 * G_USEC_PER_SEC;
  double v = 100;

  for (int i = 0; i < 1000000; i++)
    {
      v *= exp (g_rand_double_range (rand, -0.001, 0.001));
      uc_series_append (series, t0 + (gint64) i * 60 * G_USEC_PER_SEC, v);
    }
  g_rand_free (rand);
  uc_chart_spec_add_series (spec, series);
  uc_chart_spec_set_title (spec, "Price");
  uc_chart_spec_set_range (spec, t0, t0 + span);
  /* The middle half: every zoom and pan step then moves the chart (at the
   * ends of the data a step out or on would change nothing). */
  uc_time_range_set_bounds (b->range, t0, t0 + span);
  uc_time_range_set (b->range, t0 + span / 4, t0 + span / 4 * 3);
  bench_add (b, spec, 1080);
}

/* The DeepSeek shock view, its charts as tall as the window makes them,
 * on its own days, within the days its data covers. */
static gboolean
deepseek_shock (Bench *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = uc_view_load ("deepseek-shock", &error);
  int heights[MAX_CHARTS];
  UcTime from, to, lo = G_MAXINT64, hi = G_MININT64;
  guint n;

  if (view == NULL)
    {
      fprintf (stderr, "bench-widget: %s\n", error->message);
      return FALSE;
    }
  n = MIN (uc_view_get_n_charts (view), MAX_CHARTS);
  uc_view_split_height (view, 1080, heights);
  for (guint i = 0; i < n; i++)
    {
      UcChartSpec *spec = uc_view_get_chart (view, i);

      for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
        {
          UcSeries *series = uc_chart_spec_get_series (spec, s);
          guint len = uc_series_get_length (series);

          if (len > 0)
            {
              lo = MIN (lo, uc_series_get_x (series)[0]);
              hi = MAX (hi, uc_series_get_x (series)[len - 1]);
            }
        }
    }
  if (!uc_view_get_time_range (view, &from, &to) || lo >= hi)
    {
      fprintf (stderr, "bench-widget: the DeepSeek shock view has no days\n");
      return FALSE;
    }
  uc_time_range_set_bounds (b->range, MIN (lo, from), MAX (hi, to));
  uc_time_range_set (b->range, from, to);
  for (guint i = 0; i < n; i++)
    bench_add (b, uc_view_get_chart (view, i), heights[i]);
  return TRUE;
}

int
main (int argc, char **argv)
{
  Bench b;
  double pointer[2], zoom[2], pointer_full[2], zoom_full[2];
  gboolean ok = TRUE;

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

  bench_init (&b);
  million (&b);
  bench_run (&b, &pointer[0], &zoom[0], &pointer_full[0], &zoom_full[0]);
  bench_clear (&b);
  bench_init (&b);
  if (!deepseek_shock (&b))
    return 1;
  bench_run (&b, &pointer[1], &zoom[1], &pointer_full[1], &zoom_full[1]);
  bench_clear (&b);

  printf ("chart widgets in a 1920x1080 window, one frame's work (median of %d):\n", RUNS);
  for (int i = 0; i < 2; i++)
    {
      printf ("  %s\n", i == 0 ? "one chart of 1M points" : "the DeepSeek shock view (two charts, events, labels)");
      printf ("    pointer move (crosshair only)  %6.2f ms\n", pointer[i]);
      printf ("    zoom or pan step (redrawn)     %6.2f ms\n", zoom[i]);
      printf ("    with the window composited in software (GSK cairo renderer, for reference): "
              "pointer %.2f ms, zoom or pan %.2f ms\n", pointer_full[i], zoom_full[i]);
      ok = ok && pointer[i] <= 0.5 && zoom[i] <= 4;
    }
  printf ("targets (pointer 0.5 ms, zoom or pan 4 ms, in both): %s\n", ok ? "met" : "NOT met");
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  return ok ? 0 : 1;
}
