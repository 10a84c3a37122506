/* test-clickhouse.c: a ClickHouse table charted where it lives
 *
 * Starts Debian's clickhouse-server on free local ports with a data path
 * of its own, loads a tick table (ten symbols, a random walk a minute),
 * and checks that a frame drawn from the server's M4 columns (or rows,
 * zoomed in) is the frame drawn from every row, to the pixel, at several
 * ranges and widths; that a table or group name cannot inject SQL; that
 * an answer past the size limit is refused; and that a killed server gives
 * an error naming it.
 */
#include "config.h"

#include <cairo.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "uc-chart.h"
#include "uc-clickhouse.h"
#include "uc-chart-theme.h"
#include "uc-test-clickhouse.h"

#define SYMBOLS 10
#define MINUTES 20000

static const char *const symbols[SYMBOLS] = { "AAPL", "AMZN", "AVGO", "BABA", "BYDDY", "GOOGL", "META", "MSFT", "NVDA", "TSM" };

typedef struct
{
  UcTestClickhouse *ch;
  const char       *url;
  UcSeries         *all[SYMBOLS];   /* every row, as read from a file */
} Server;

static Server server;

static char *
run (const char *sql,
     const char *data)
{
  return uc_test_clickhouse_run (server.ch, sql, data);
}

/* The tick table: ten symbols a minute from 2015-01-02 09:30 UTC, each a
 * random walk, as CSV into the server and as series here. */
static void
load_ticks (void)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *answer = NULL;
  GRand *rand = g_rand_new_with_seed (42);
  double price[SYMBOLS];
  gint64 t0 = 1420191000;

  g_free (run ("CREATE TABLE ticks (ts DateTime, symbol String, price Float64) ENGINE = MergeTree() "
               "ORDER BY (symbol, ts)", NULL));
  for (int s = 0; s < SYMBOLS; s++)
    {
      price[s] = 100;
      server.all[s] = uc_series_new (symbols[s], symbols[s]);
    }
  for (int m = 0; m < MINUTES; m++)
    for (int s = 0; s < SYMBOLS; s++)
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        /* Ties now and then: the lowest and highest pick the earliest. */
        price[s] = round (price[s] * exp (g_rand_double_range (rand, -0.002, 0.002)) * 100) / 100;
        g_string_append_printf (csv, "%" G_GINT64_FORMAT ",%s,%s\n", t0 + 60 * m, symbols[s],
                                g_ascii_formatd (number, sizeof number, "%.17g", price[s]));
        uc_series_append (server.all[s], (t0 + 60 * m) * G_USEC_PER_SEC, price[s]);
      }
  g_rand_free (rand);
  g_free (run ("INSERT INTO ticks FORMAT CSV", csv->str));
  answer = run ("SELECT count() FROM ticks", NULL);
  g_assert_cmpint (g_ascii_strtoll (answer, NULL, 10), ==, SYMBOLS * MINUTES);
}

static void
start_server (void)
{
  server.ch = uc_test_clickhouse_start ();
  server.url = uc_test_clickhouse_url (server.ch);
  load_ticks ();
}

static void
stop_server (void)
{
  uc_test_clickhouse_free (server.ch);
  for (int s = 0; s < SYMBOLS; s++)
    g_clear_object (&server.all[s]);
}

/* A line chart of @series (n of them) over @from … @to, drawn at
 * @width × @height: its pixels, and its layout. */
static cairo_surface_t *
draw_scaled (UcSeries      **series,
             guint           n,
             UcTime          from,
             UcTime          to,
             int             width,
             int             height,
             double          scale,
             UcChartLayout  *layout)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr = cairo_create (surface);
  UcChartDrawOptions options = UC_CHART_DRAW_OPTIONS_INIT;

  options.font_px = 13;
  cairo_scale (cr, scale, scale);
  uc_chart_spec_set_title (spec, "Ticks");
  for (guint s = 0; s < n; s++)
    uc_chart_spec_add_series (spec, series[s]);
  uc_chart_spec_set_range (spec, from, to);
  uc_chart_draw_full (cr, spec, uc_chart_theme_light (), width, height, &options, layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_same_pixels (cairo_surface_t *a,
                    cairo_surface_t *b)
{
  int h = cairo_image_surface_get_height (a), stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  int differ = 0;

  g_assert_cmpint (cairo_image_surface_get_width (a), ==, cairo_image_surface_get_width (b));
  for (int i = 0; i < h * stride; i++)
    differ += pa[i] != pb[i];
  g_assert_cmpint (differ, ==, 0);
}

/* A frame from the server's columns equals the frame from every row. */
static void
check_frame_scaled (UcTime    from,
                    UcTime    to,
                    int       width,
                    double    scale,
                    gboolean  decimated,
                    guint     rollup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  UcSeries *remote[3];
  UcChartLayout layout, remote_layout;
  cairo_surface_t *local, *drawn;
  UcClickhouseGrid grid;

  g_test_message ("%d px at %gx from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT, width, scale, from, to);
  g_assert_no_error (error);
  uc_clickhouse_set_rollup_min_rows (ch, 0);
  local = draw_scaled (server.all + 7, 3, from, to, width, 500, scale, &layout);
  uc_chart_layout_get_column_grid (&layout, scale, &grid.from, &grid.span, &grid.width, &grid.n_edges);
  for (int s = 0; s < 3; s++)
    {
      UcClickhouseStats stats;

      remote[s] = uc_clickhouse_fetch_frame (ch, symbols[7 + s], layout.from, layout.to, &grid, &stats, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (stats.decimated, ==, decimated);
      g_assert_cmpuint (stats.rollup, ==, rollup);
      g_assert_cmpuint (uc_series_get_length (remote[s]), <=, 4 * grid.n_edges);
    }
  drawn = draw_scaled (remote, 3, from, to, width, 500, scale, &remote_layout);
  g_assert_cmpfloat (remote_layout.x, ==, layout.x);
  g_assert_cmpfloat (remote_layout.width, ==, layout.width);
  assert_same_pixels (local, drawn);
  for (int s = 0; s < 3; s++)
    g_object_unref (remote[s]);
  cairo_surface_destroy (local);
  cairo_surface_destroy (drawn);
}

static void
check_frame_read (UcTime    from,
                  UcTime    to,
                  int       width,
                  gboolean  decimated,
                  guint     rollup)
{
  check_frame_scaled (from, to, width, 1, decimated, rollup);
}

static void
check_frame (UcTime    from,
             UcTime    to,
             int       width,
             gboolean  decimated)
{
  check_frame_read (from, to, width, decimated, 0);
}

static void
test_frames_match_rows (void)
{
  UcTime t0 = (UcTime) 1420191000 * G_USEC_PER_SEC, minute = 60 * G_USEC_PER_SEC;

  /* Everything, a week, a few hours (decimated), an hour and ten
   * minutes (the rows themselves), at three widths. */
  check_frame (t0, t0 + MINUTES * minute, 1920, TRUE);
  check_frame (t0, t0 + MINUTES * minute, 800, TRUE);
  check_frame (t0 + 1000 * minute, t0 + 11080 * minute, 333, TRUE);
  check_frame (t0 + 5003 * minute, t0 + 5003 * minute + 7 * 24 * 60 * minute, 1024, TRUE);
  check_frame (t0 + 12345 * minute, t0 + 12405 * minute, 1920, FALSE);
  check_frame (t0 + 19990 * minute, t0 + 20010 * minute, 640, FALSE);
  /* Before the first row and past the last. */
  check_frame (t0 - 500 * minute, t0 + 1500 * minute, 700, TRUE);
  /* A PNG at 2× and at 300 dpi: its own pixels' columns. */
  check_frame_scaled (t0, t0 + MINUTES * minute, 800, 2, TRUE, 0);
  check_frame_scaled (t0 + 1000 * minute, t0 + 11080 * minute, 500, 300 / 96.0, TRUE, 0);
}

/* @ch's frame of @group over @from … @to at @width px equals @truth's. */
static void
assert_same_frame (UcClickhouse *ch,
                   UcClickhouse *truth,
                   const char   *group,
                   UcTime        from,
                   UcTime        to,
                   int           width,
                   guint         rollup)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) a = NULL, b = NULL;
  UcClickhouseStats stats;
  UcChartLayout layout;
  UcClickhouseGrid grid;
  cairo_surface_t *surface = draw_scaled (server.all + 8, 1, from, to, width, 400, 1, &layout);

  cairo_surface_destroy (surface);
  uc_chart_layout_get_column_grid (&layout, 1, &grid.from, &grid.span, &grid.width, &grid.n_edges);
  a = uc_clickhouse_fetch_frame (ch, group, layout.from, layout.to, &grid, &stats, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.rollup, ==, rollup);
  b = uc_clickhouse_fetch_frame (truth, group, layout.from, layout.to, &grid, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_series_get_length (a), ==, uc_series_get_length (b));
  g_assert_cmpuint (uc_series_get_length (a), >, 2);
  for (guint i = 0; i < uc_series_get_length (a); i++)
    {
      g_assert_cmpint (uc_series_get_x (a)[i], ==, uc_series_get_x (b)[i]);
      g_assert_cmpfloat (uc_series_get_y (a)[i], ==, uc_series_get_y (b)[i]);
    }
}

/* @ch, a table holding the tick table's rows (and maybe rows drawn
 * from nowhere), reads as the tick table @truth: NVDA's whole span and 50
 * minutes, its crosshair row half a minute past a minute (that minute's),
 * and a rollup of 10-minute buckets made from it (@rollup, dropped after). */
static void
assert_reads_as_ticks (UcClickhouse *ch,
                       UcClickhouse *truth,
                       const char   *rollup)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *drop = g_strdup_printf ("DROP TABLE %s", rollup);
  gint64 t0 = 1420191000;
  UcTime minute = 60 * G_USEC_PER_SEC, x;
  gboolean found;
  double y;

  assert_same_frame (ch, truth, "NVDA", t0 * G_USEC_PER_SEC, (t0 + 60 * MINUTES) * G_USEC_PER_SEC, 800, 0);
  assert_same_frame (ch, truth, "NVDA", (t0 + 600) * G_USEC_PER_SEC, (t0 + 600) * G_USEC_PER_SEC + 50 * minute, 900, 0);
  g_assert_true (uc_clickhouse_fetch_point (ch, "NVDA", (t0 + 60 * 7 + 30) * G_USEC_PER_SEC, &found, &x, &y, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (x, ==, (t0 + 60 * 7) * G_USEC_PER_SEC);
  g_assert_cmpfloat (y, ==, uc_series_get_y (server.all[8])[7]);
  g_assert_true (uc_clickhouse_make_rollup (ch, 600, NULL, &error));
  g_assert_no_error (error);
  assert_same_frame (ch, truth, "NVDA", t0 * G_USEC_PER_SEC, (t0 + 60 * MINUTES) * G_USEC_PER_SEC, 333, 600);
  g_free (run (drop, NULL));
}

/* Nullable time and value columns: a row without a time or a value is no
 * observation. The table below is the tick table with such rows added
 * (huge values, between the minutes): its frames, rows, rollups and
 * crosshair rows are the tick table's. */
static void
test_nullable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks_null", "ts", "price", "symbol", &error);
  g_autoptr(UcClickhouse) truth = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  g_autoptr(GString) nulls = g_string_new (NULL);
  gint64 t0 = 1420191000;
  UcTime first, last;

  g_assert_cmpint (uc_clickhouse_column_role ("Nullable(Float64)"), ==, UC_CLICKHOUSE_ROLE_NUMBER);
  g_assert_cmpint (uc_clickhouse_column_role ("Nullable(DateTime)"), ==, UC_CLICKHOUSE_ROLE_TIME);
  g_assert_cmpint (uc_clickhouse_column_role ("Nullable(String)"), ==, UC_CLICKHOUSE_ROLE_TEXT);
  g_free (run ("CREATE TABLE ticks_null (ts Nullable(DateTime), symbol String, price Nullable(Float64)) "
               "ENGINE = MergeTree() ORDER BY symbol", NULL));
  g_free (run ("INSERT INTO ticks_null SELECT ts, symbol, price FROM ticks", NULL));
  for (int m = 0; m < MINUTES; m += 7)
    g_string_append_printf (nulls, "%" G_GINT64_FORMAT "\tNVDA\t\\N\n\\N\tNVDA\t%d\n", t0 + 60 * m + 30, 1000000 + m);
  g_free (run ("INSERT INTO ticks_null FORMAT TabSeparated", nulls->str));
  /* Checking the table tells the connection its columns are Nullable. */
  g_assert_true (uc_clickhouse_check_table (ch, NULL, &error));
  g_assert_no_error (error);
  uc_clickhouse_set_rollup_min_rows (ch, 0);

  g_assert_true (uc_clickhouse_get_span (ch, "NVDA", &first, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, t0 * G_USEC_PER_SEC);
  g_assert_cmpint (last, ==, (t0 + 60 * (MINUTES - 1)) * G_USEC_PER_SEC);
  /* Frames, the crosshair's row (not the row without a value half a
   * minute later), a rollup of the rows with both; a copy asked side by
   * side knows the columns are Nullable too. */
  assert_reads_as_ticks (ch, truth, "ticks_null_m4_600s");
  {
    g_autoptr(UcClickhouse) copy = uc_clickhouse_dup (ch);

    assert_same_frame (copy, truth, "NVDA", t0 * G_USEC_PER_SEC, (t0 + 60 * 5000) * G_USEC_PER_SEC, 640, 0);
  }
  g_free (run ("DROP TABLE ticks_null", NULL));

  /* A Nullable group column: a NULL is no group. */
  g_free (run ("CREATE TABLE by_null (ts DateTime, symbol Nullable(String), price Float64) ENGINE = MergeTree() "
               "ORDER BY ts", NULL));
  g_free (run ("INSERT INTO by_null VALUES (1, 'A', 1), (2, NULL, 2), (3, 'N', 3), (4, 'A', 4)", NULL));
  {
    g_autoptr(UcClickhouse) by = uc_clickhouse_new (server.url, NULL, "by_null", "ts", "price", "symbol", &error);
    g_auto(GStrv) groups = NULL;

    g_assert_no_error (error);
    groups = uc_clickhouse_list_groups (by, 10, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (groups), ==, 2);
    g_assert_cmpstr (groups[0], ==, "A");
    g_assert_cmpstr (groups[1], ==, "N");   /* the text "N", not the NULL */
    groups = (g_strfreev (groups), uc_clickhouse_list_groups (truth, 3, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_strv_length (groups), ==, 3);
  }
  g_free (run ("DROP TABLE by_null", NULL));
}

/* A Date time column: each row at its day's midnight UTC, as a DateTime
 * table of the same rows has it. */
static void
test_date (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "daily", "day", "close", "symbol", &error);
  g_autoptr(UcClickhouse) truth = uc_clickhouse_new (server.url, NULL, "daily_dt", "ts", "close", "symbol", &error);
  g_autoptr(GString) by_day = g_string_new (NULL), by_time = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (5);
  gint64 d0 = 10957;   /* 2000-01-01 */
  UcTime day = G_GINT64_CONSTANT (86400) * G_USEC_PER_SEC, first, last, x;
  gboolean found;
  double y, price[2] = { 50, 80 };

  g_assert_cmpint (uc_clickhouse_column_role ("Date"), ==, UC_CLICKHOUSE_ROLE_TIME);
  g_free (run ("CREATE TABLE daily (day Date, symbol String, close Float64) ENGINE = MergeTree() ORDER BY (symbol, day)",
               NULL));
  g_free (run ("CREATE TABLE daily_dt (ts DateTime, symbol String, close Float64) ENGINE = MergeTree() "
               "ORDER BY (symbol, ts)", NULL));
  for (gint64 d = d0; d < d0 + 9000; d++)
    for (int s = 0; s < 2; s++)
      {
        g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (d * 86400);
        g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        price[s] = round (price[s] * exp (g_rand_double_range (rand, -0.02, 0.02)) * 100) / 100;
        g_ascii_formatd (number, sizeof number, "%.17g", price[s]);
        g_string_append_printf (by_day, "%s,%s,%s\n", date, s ? "TSM" : "NVDA", number);
        g_string_append_printf (by_time, "%" G_GINT64_FORMAT ",%s,%s\n", d * 86400, s ? "TSM" : "NVDA", number);
      }
  g_rand_free (rand);
  g_free (run ("INSERT INTO daily FORMAT CSV", by_day->str));
  g_free (run ("INSERT INTO daily_dt FORMAT CSV", by_time->str));
  g_assert_true (uc_clickhouse_check_table (ch, NULL, &error));
  g_assert_no_error (error);
  uc_clickhouse_set_rollup_min_rows (ch, 0);

  g_assert_true (uc_clickhouse_get_span (ch, "TSM", &first, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, d0 * day);
  g_assert_cmpint (last, ==, (d0 + 8999) * day);
  assert_same_frame (ch, truth, "NVDA", d0 * day, (d0 + 9000) * day, 1200, 0);
  assert_same_frame (ch, truth, "TSM", (d0 + 300) * day, (d0 + 2000) * day, 333, 0);
  assert_same_frame (ch, truth, "TSM", (d0 + 1234) * day, (d0 + 1334) * day, 800, 0);
  g_assert_true (uc_clickhouse_fetch_point (ch, "NVDA", (d0 + 20) * day + G_GINT64_CONSTANT (3600) * G_USEC_PER_SEC, &found, &x, &y, NULL,
                                            &error));
  g_assert_no_error (error);
  g_assert_true (found);
  g_assert_cmpint (x, ==, (d0 + 20) * day);
  /* Weeks, made from the days. */
  g_assert_true (uc_clickhouse_make_rollup (ch, 7 * 86400, NULL, &error));
  g_assert_no_error (error);
  assert_same_frame (ch, truth, "NVDA", d0 * day, (d0 + 9000) * day, 300, 7 * 86400);
  g_free (run ("DROP TABLE daily_m4_604800s", NULL));
  g_free (run ("DROP TABLE daily", NULL));
  g_free (run ("DROP TABLE daily_dt", NULL));
}

/* A sharded table: the tick table split over two shards (every other
 * minute on each, so every pixel column takes rows of both), read through
 * a Distributed table with the same source, unchanged: its frames, its
 * rollup's and its crosshair rows are the tick table's. */
static void
test_sharded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks_all", "ts", "price", "symbol", &error);
  g_autoptr(UcClickhouse) truth = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  g_autofree char *one = NULL, *two = NULL;
  gint64 t0 = 1420191000;
  UcTime minute = 60 * G_USEC_PER_SEC;

  for (int k = 1; k <= 2; k++)
    {
      g_autofree char *create = g_strdup_printf ("CREATE DATABASE shard%d", k);
      g_autofree char *table = g_strdup_printf ("CREATE TABLE shard%d.ticks AS default.ticks", k);
      g_autofree char *fill = g_strdup_printf ("INSERT INTO shard%d.ticks SELECT * FROM default.ticks "
                                               "WHERE intDiv(toUInt32(ts), 60) %% 2 = %d", k, k - 1);

      g_free (run (create, NULL));
      g_free (run (table, NULL));
      g_free (run (fill, NULL));
    }
  g_free (run ("CREATE TABLE ticks_all AS ticks ENGINE = Distributed(two_shards, '', ticks)", NULL));
  one = run ("SELECT count() FROM shard1.ticks", NULL);
  two = run ("SELECT count() FROM shard2.ticks", NULL);
  g_assert_cmpint (g_ascii_strtoll (one, NULL, 10), ==, SYMBOLS * MINUTES / 2);
  g_assert_cmpint (g_ascii_strtoll (two, NULL, 10), ==, SYMBOLS * MINUTES / 2);
  g_assert_true (uc_clickhouse_check_table (ch, NULL, &error));
  g_assert_no_error (error);
  uc_clickhouse_set_rollup_min_rows (ch, 0);

  assert_same_frame (ch, truth, "TSM", (t0 + 6000) * G_USEC_PER_SEC, (t0 + 6000) * G_USEC_PER_SEC + 7 * 1440 * minute,
                     1920, 0);
  /* Its rollup is made from the Distributed table, on this server. */
  assert_reads_as_ticks (ch, truth, "ticks_all_m4_600s");
  g_free (run ("DROP TABLE ticks_all", NULL));
  g_free (run ("DROP DATABASE shard1", NULL));
  g_free (run ("DROP DATABASE shard2", NULL));
}

/* A rollup of 10-minute buckets: wide frames read it (a bucket whole in a
 * column by its four rows, a bucket an edge splits row by row) and come
 * out as from every row; with one of 50-minute buckets too, the widest
 * read both; once the table has a row the rollups lack, neither is read. */
static void
test_rollup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  UcTime t0 = (UcTime) 1420191000 * G_USEC_PER_SEC, minute = 60 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  g_assert_true (uc_clickhouse_make_rollup (ch, 600, NULL, &error));
  g_assert_no_error (error);
  /* Again: the old one replaced. */
  g_assert_true (uc_clickhouse_make_rollup (ch, 600, NULL, &error));
  g_assert_no_error (error);
  check_frame_read (t0, t0 + MINUTES * minute, 333, TRUE, 600);
  check_frame_read (t0 + 77 * minute, t0 + 19001 * minute, 200, TRUE, 600);
  check_frame_read (t0 - 500 * minute, t0 + 15000 * minute, 97, TRUE, 600);
  /* Columns under two buckets wide: the rows. */
  check_frame_read (t0, t0 + MINUTES * minute, 1920, TRUE, 0);
  /* Two levels: 50-minute buckets, the split ones read as 10-minute ones. */
  g_assert_true (uc_clickhouse_make_rollup (ch, 3000, NULL, &error));
  g_assert_no_error (error);
  check_frame_read (t0, t0 + MINUTES * minute, 97, TRUE, 3000);
  check_frame_read (t0 + 3 * minute, t0 + 19997 * minute, 150, TRUE, 3000);
  check_frame_read (t0, t0 + MINUTES * minute, 333, TRUE, 600);
  g_free (run ("INSERT INTO ticks VALUES (1420191000, 'ZZZ', 1)", NULL));
  check_frame_read (t0, t0 + MINUTES * minute, 333, TRUE, 0);
}

/* Names that are not plain identifiers are refused before any query;
 * a group value is a string, whatever it holds. */
static void
test_no_injection (void)
{
  static const char *const tables[] = { "ticks; DROP TABLE ticks", "ticks`", "ticks--", "t icks", "", "1ticks",
                                        "ticks)", "system.tables", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = NULL;
  g_autofree char *count = NULL;
  UcTime first, last;

  for (guint i = 0; tables[i]; i++)
    {
      g_autoptr(UcClickhouse) refused = uc_clickhouse_new (server.url, NULL, tables[i], "ts", "price", NULL, &error);

      g_assert_null (refused);
      g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA);
      g_clear_error (&error);
    }
  g_assert_null (uc_clickhouse_new (server.url, "default; DROP", "ticks", "ts", "price", NULL, &error));
  g_clear_error (&error);
  g_assert_null (uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol' OR '1'='1", &error));
  g_clear_error (&error);
  g_assert_null (uc_clickhouse_new ("http://user:pass@127.0.0.1:1/", NULL, "ticks", "ts", "price", NULL, &error));
  g_clear_error (&error);
  g_assert_null (uc_clickhouse_new ("file:///etc/passwd", NULL, "ticks", "ts", "price", NULL, &error));
  g_clear_error (&error);

  ch = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  g_assert_no_error (error);
  g_assert_false (uc_clickhouse_get_span (ch, "NVDA' OR '1'='1", &first, &last, NULL, &error));
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_false (uc_clickhouse_get_span (ch, "x\\' OR 1 --\n", &first, &last, NULL, &error));
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_true (uc_clickhouse_get_span (ch, "NVDA", &first, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, ==, (UcTime) 1420191000 * G_USEC_PER_SEC);
  count = run ("SELECT count() FROM ticks", NULL);
  g_assert_cmpint (g_ascii_strtoll (count, NULL, 10), ==, SYMBOLS * MINUTES);
}

static void
test_table_checked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) good = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  g_autoptr(UcClickhouse) no_table = uc_clickhouse_new (server.url, NULL, "nothing", "ts", "price", NULL, &error);
  g_autoptr(UcClickhouse) text_values = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "symbol", NULL, &error);
  g_autoptr(UcClickhouse) no_column = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "volume", NULL, &error);
  g_auto(GStrv) groups = NULL;

  g_assert_no_error (error);
  g_assert_true (uc_clickhouse_check_table (good, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (uc_clickhouse_check_table (no_table, NULL, &error));
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA);
  g_clear_error (&error);
  g_assert_false (uc_clickhouse_check_table (text_values, NULL, &error));
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA);
  g_clear_error (&error);
  g_assert_false (uc_clickhouse_check_table (no_column, NULL, &error));
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA);
  g_clear_error (&error);
  groups = uc_clickhouse_list_groups (good, 100, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (groups), ==, SYMBOLS);
  g_assert_cmpstr (groups[8], ==, "NVDA");
}

static void
test_size_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", NULL, &error);
  g_autoptr(GBytes) answer = NULL;

  uc_clickhouse_set_max_size (ch, 1000);
  answer = uc_clickhouse_query (ch, "SELECT * FROM ticks", NULL, &error);
  g_assert_null (answer);
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, server.url));
}

/* Credentials: a user with a password signs in; a line break in a name
 * (a header's end, then a header of the sender's) is refused before
 * anything is sent; the connection's own user can be set again with a
 * new password; the tables listed leave out rollups. */
static void
test_credentials (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  g_autoptr(UcClickhouse) browse = uc_clickhouse_new (server.url, NULL, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) columns = NULL;
  const char *database, *table, *x, *y, *group, *user;

  g_assert_no_error (error);
  uc_clickhouse_set_credentials (ch, "analyst", "wrong");
  g_assert_false (uc_clickhouse_check_table (ch, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Wrong password"));
  g_clear_error (&error);
  uc_clickhouse_get_names (ch, &database, &table, &x, &y, &group, &user);
  uc_clickhouse_set_credentials (ch, user, "s3cret-analyst");
  g_assert_true (uc_clickhouse_check_table (ch, NULL, &error));
  g_assert_no_error (error);
  uc_clickhouse_set_credentials (ch, "analyst\r\nX-ClickHouse-User: default", "s3cret-analyst");
  g_assert_false (uc_clickhouse_check_table (ch, NULL, &error));
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT);
  g_assert_nonnull (strstr (error->message, "line break"));
  g_clear_error (&error);

  /* What a pack records: the server, the table and the groups, quoted. */
  {
    const char *const picked[] = { "NVDA", "it's", NULL };
    UcClickhouseGrid grid = { 0, 1e9, 640, 643 };
    g_autofree char *query = uc_clickhouse_describe_query (ch, picked, 0, 1000 * G_USEC_PER_SEC, &grid);

    g_assert_nonnull (strstr (query, server.url));
    g_assert_nonnull (strstr (query, "`default`.`ticks`, `price` by `ts` where `symbol` in ('NVDA', 'it\\'s')"));
    g_assert_nonnull (strstr (query, "from 1970-01-01T00:00:00Z to 1970-01-01T00:16:40Z"));
    g_assert_nonnull (strstr (query, "640 pixel columns"));
  }
  columns = uc_clickhouse_list_columns (browse, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < columns->len; i++)
    {
      char **row = g_ptr_array_index (columns, i);

      g_assert_null (strstr (row[0], "_m4_"));
      if (g_str_equal (row[0], "ticks") && g_str_equal (row[1], "ts"))
        g_assert_cmpint (uc_clickhouse_column_role (row[2]), ==, UC_CLICKHOUSE_ROLE_TIME);
      if (g_str_equal (row[0], "ticks") && g_str_equal (row[1], "symbol"))
        g_assert_cmpint (uc_clickhouse_column_role (row[2]), ==, UC_CLICKHOUSE_ROLE_TEXT);
    }
}

/* Last: the server killed, the next frame is an error naming it. */
static void
test_killed_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server.url, NULL, "ticks", "ts", "price", "symbol", &error);
  UcClickhouseGrid grid = { 0, 2 * G_USEC_PER_SEC, 2, 5 };
  g_autoptr(UcSeries) series = NULL;

  uc_test_clickhouse_kill (server.ch);
  uc_clickhouse_set_timeout (ch, 5);
  series = uc_clickhouse_fetch_frame (ch, "NVDA", 0, 2 * G_USEC_PER_SEC, &grid, NULL, NULL, &error);
  g_assert_null (series);
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT);
  g_assert_nonnull (strstr (error->message, server.url));
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  start_server ();
  g_test_add_func ("/clickhouse/frames-match-rows", test_frames_match_rows);
  g_test_add_func ("/clickhouse/nullable", test_nullable);   /* before the rollups: the tick table as loaded */
  g_test_add_func ("/clickhouse/sharded", test_sharded);
  g_test_add_func ("/clickhouse/date", test_date);
  g_test_add_func ("/clickhouse/no-injection", test_no_injection);
  g_test_add_func ("/clickhouse/table-checked", test_table_checked);
  g_test_add_func ("/clickhouse/size-limit", test_size_limit);
  g_test_add_func ("/clickhouse/rollup", test_rollup);
  g_test_add_func ("/clickhouse/credentials", test_credentials);   /* after the rollups: not listed */
  g_test_add_func ("/clickhouse/killed-server", test_killed_server);
  status = g_test_run ();
  stop_server ();
  return status;
}
