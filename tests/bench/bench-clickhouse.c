/* bench-clickhouse.c: zooming a 100-million-row ClickHouse table
 *
 * Starts a local clickhouse-server (uc-test-clickhouse.c), fills a tick
 * table of ten symbols a minute (100M rows, 19 years; the server makes
 * them itself, a deterministic wiggle per symbol), and zooms one symbol
 * from its whole span to a minute and back, at 1920 × 1080. Each step
 * lays the plot out with the last frame's data, asks the server for the
 * new range at the plot's columns (uc_clickhouse_fetch_frame) and draws.
 * For comparison, the same symbol's 10M rows are written to a CSV file,
 * read by the app's CSV reader, and the same steps drawn from memory.
 *
 * The table has rollups of daily and hourly buckets
 * (uc_clickhouse_make_rollup), which frames of columns two hours wide or
 * more read ("M4h": hourly; "M4d": daily, then hourly where a day is split).
 *
 * Prints each step's query and draw time, the bytes a frame moved, and
 * the slowest step against the target: every step within 300 ms.
 *
 *   bench-clickhouse [ROWS]     (default 100000000)
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "uc-chart.h"
#include "uc-chart-theme.h"
#include "uc-clickhouse.h"
#include "uc-csv.h"
#include "../uc-test-clickhouse.h"

#define WIDTH 1920
#define HEIGHT 1080
#define T0 1420191000   /* 2015-01-02 09:30 UTC */
#define MAX_STEPS 64

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* A frame of @series over @from … @to: drawn, its layout kept. */
static double
draw (UcSeries      *series,
      UcTime         from,
      UcTime         to,
      UcChartLayout *layout)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  UcChartDrawOptions options = UC_CHART_DRAW_OPTIONS_INIT;
  double start = now_ms ();

  options.font_px = 13;
  options.flags = UC_CHART_DRAW_INTERACTIVE;
  uc_chart_spec_set_title (spec, "NVDA");
  uc_chart_spec_add_series (spec, series);
  uc_chart_spec_set_range (spec, from, to);
  uc_chart_draw_full (cr, spec, uc_chart_theme_light (), WIDTH, HEIGHT, &options, layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return now_ms () - start;
}

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (const double *values,
        int           n)
{
  g_autofree double *sorted = g_memdup2 (values, sizeof (double) * n);

  qsort (sorted, n, sizeof (double), compare);
  return sorted[n / 2];
}

static double
maximum (const double *values,
         int           n)
{
  double m = 0;

  for (int i = 0; i < n; i++)
    m = MAX (m, values[i]);
  return m;
}

/* The zoom: halving the span about a point 61.8% in, to a minute or so,
 * then doubling back out. */
static int
zoom_steps (UcTime  first,
            UcTime  last,
            UcTime *from,
            UcTime *to)
{
  UcTime focus = first + (UcTime) ((last - first) * 0.618);
  double span = (double) (last - first);
  int n = 0;

  for (; span >= 60 * G_USEC_PER_SEC && n < MAX_STEPS / 2; span /= 2, n++)
    {
      from[n] = focus - (UcTime) (span * 0.618);
      to[n] = from[n] + (UcTime) span;
    }
  for (int k = n - 1; k >= 0 && n < MAX_STEPS; k--, n++)
    {
      from[n] = from[k];
      to[n] = to[k];
    }
  return n;
}

static void
fill (UcTestClickhouse *server,
      gint64            rows)
{
  g_autofree char *insert = g_strdup_printf (
    "INSERT INTO ticks SELECT toDateTime(%d + intDiv(number, 10) * 60), "
    "arrayElement(['AAPL','AMZN','AVGO','BABA','BYDDY','GOOGL','META','MSFT','NVDA','TSM'], number %% 10 + 1), "
    "round(100 * exp(0.8 * sin(intDiv(number, 10) / 400000) + 0.15 * sin(intDiv(number, 10) / 9000 + number %% 10) "
    "+ 0.03 * sin(intDiv(number, 10) / 200) + (cityHash64(number) %% 2001 - 1000) / 200000), 4) "
    "FROM system.numbers LIMIT %" G_GINT64_FORMAT, T0, rows);
  double start = now_ms ();

  g_free (uc_test_clickhouse_run (server, "CREATE TABLE ticks (ts DateTime, symbol String, price Float64) "
                                          "ENGINE = MergeTree() ORDER BY (symbol, ts)", NULL));
  g_free (uc_test_clickhouse_run (server, insert, NULL));
  g_free (uc_test_clickhouse_run (server, "OPTIMIZE TABLE ticks FINAL", NULL));
  printf ("filled: %" G_GINT64_FORMAT " rows in %.1f s (server-side, then merged)\n", rows, (now_ms () - start) / 1000);
}

/* NVDA's rows as a CSV file, read back by the app's reader. */
static UcSeries *
local_copy (UcTestClickhouse *server,
            const char       *path,
            double           *read_ms)
{
  g_autofree char *csv = uc_test_clickhouse_run (server, "SELECT ts, price FROM ticks WHERE symbol = 'NVDA' "
                                                         "ORDER BY ts FORMAT CSVWithNames", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;
  UcSeries *series;
  const UcTime *x;
  const double *y;
  double start;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  start = now_ms ();
  ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  x = uc_dataset_get_times (ds, 0);
  y = uc_dataset_get_numbers (ds, 1);
  series = uc_series_new ("NVDA", "NVDA");
  uc_series_reserve (series, uc_dataset_get_n_rows (ds));
  for (guint i = 0; i < uc_dataset_get_n_rows (ds); i++)
    uc_series_append (series, x[i], y[i]);
  *read_ms = now_ms () - start;
  return series;
}

int
main (int argc, char **argv)
{
  gint64 rows = argc > 1 ? g_ascii_strtoll (argv[1], NULL, 10) : 100000000;
  g_autofree char *csv_path = g_build_filename (g_get_tmp_dir (), "undercut-bench-clickhouse.csv", NULL);
  UcTestClickhouse *server = uc_test_clickhouse_start ();
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = NULL;
  g_autoptr(UcSeries) local = NULL, shown = NULL;
  UcTime from[MAX_STEPS], to[MAX_STEPS], first, last;
  double query[MAX_STEPS], drawn[MAX_STEPS], total[MAX_STEPS], csv_draw[MAX_STEPS], bytes[MAX_STEPS], read_ms;
  UcChartLayout layout;
  int steps;

  fill (server, rows);
  ch = uc_clickhouse_new (uc_test_clickhouse_url (server), NULL, "ticks", "ts", "price", "symbol", &error);
  g_assert_no_error (error);
  {
    double start = now_ms ();

    /* Daily and hourly buckets: the widest zooms read those, not 10M rows. */
    uc_clickhouse_set_timeout (ch, 600);
    g_assert_true (uc_clickhouse_make_rollup (ch, 3600, NULL, &error));
    g_assert_true (uc_clickhouse_make_rollup (ch, 86400, NULL, &error));
    g_assert_no_error (error);
    uc_clickhouse_set_timeout (ch, 30);
    printf ("rollups of hourly and daily buckets made in %.1f s\n", (now_ms () - start) / 1000);
  }
  g_assert_true (uc_clickhouse_get_span (ch, "NVDA", &first, &last, NULL, &error));
  steps = zoom_steps (first, last, from, to);
  local = local_copy (server, csv_path, &read_ms);
  printf ("NVDA: %u rows, %.1f years; as CSV read by the app in %.0f ms\n", uc_series_get_length (local),
          (last - first) / (365.25 * 86400 * 1e6), read_ms);
  /* The first frame's layout, from the whole span drawn from memory. */
  draw (local, from[0], to[0], &layout);
  printf ("%4s %22s %9s %9s %9s %10s %9s\n", "step", "span", "query", "draw", "total", "bytes", "from CSV");
  for (int k = 0; k < steps; k++)
    {
      UcClickhouseGrid grid;
      UcClickhouseStats stats;
      UcSeries *frame;
      double start = now_ms ();

      /* As a window does: the plot laid out with the data shown last. */
      if (shown)
        draw (shown, from[k], to[k], &layout);
      uc_chart_layout_get_column_grid (&layout, 1, &grid.from, &grid.span, &grid.width, &grid.n_edges);
      start = now_ms ();
      frame = uc_clickhouse_fetch_frame (ch, "NVDA", from[k], to[k], &grid, &stats, NULL, &error);
      g_assert_no_error (error);
      query[k] = now_ms () - start;
      g_clear_object (&shown);
      shown = frame;
      drawn[k] = draw (shown, from[k], to[k], &layout);
      total[k] = query[k] + drawn[k];
      bytes[k] = (double) stats.bytes;
      csv_draw[k] = draw (local, from[k], to[k], NULL);
      printf ("%4d %16.0f min %s %7.1f ms %6.1f ms %6.1f ms %10.0f %6.1f ms\n", k, (to[k] - from[k]) / 60e6,
              stats.rollup == 86400 ? "M4d" : stats.rollup ? "M4h" : stats.decimated ? "M4 " : "   ", query[k], drawn[k], total[k], bytes[k], csv_draw[k]);
    }
  printf ("zoom step, query and draw at %dx%d, median of %d: %.1f ms (slowest %.1f ms); from the CSV in memory: "
          "%.1f ms (slowest %.1f ms)\n", WIDTH, HEIGHT, steps, median (total, steps), maximum (total, steps),
          median (csv_draw, steps), maximum (csv_draw, steps));
  printf ("bytes a frame moved: median %.0f, most %.0f (the table: %" G_GINT64_FORMAT " rows)\n", median (bytes, steps),
          maximum (bytes, steps), rows);
  printf ("target (every step within 300 ms): %s\n", maximum (total, steps) <= 300 ? "met" : "NOT met");
  g_unlink (csv_path);
  /* To look further into the server's side by hand. */
  if (g_getenv ("UNDERCUT_BENCH_KEEP_SERVER"))
    {
      printf ("server kept at %s; stop this program to end it\n", uc_test_clickhouse_url (server));
      fflush (stdout);
      for (;;)
        g_usleep (G_USEC_PER_SEC);
    }
  uc_test_clickhouse_free (server);
  return maximum (total, steps) <= 300 ? 0 : 1;
}
