/* test-cli.c: the undercut command as a script or a person calls it
 *
 * Every run here has DISPLAY and WAYLAND_DISPLAY removed, so the headless
 * commands are shown to work without GTK.
 */
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* Where the library tests keep theirs (NULL: the environment's). */
static char *data_dir;

/* The command with @args (NULL-terminated), without a display. */
static Result
run_argv (const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *bin = g_getenv ("UNDERCUT_BIN");
  Result r = { 0 };

  g_assert_nonnull (bin);
  g_ptr_array_add (argv, (gpointer) bin);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  if (data_dir)
    g_subprocess_launcher_setenv (launcher, "UNDERCUT_DATA_DIR", data_dir, TRUE);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r.out, &r.err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  r.status = g_subprocess_get_exit_status (proc);
  return r;
}

static Result
run (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return run_argv ((const char * const *) argv->pdata);
}

static guint32
be32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_export_png (void)
{
  g_autofree char *path = tmp_path ("uc-cli-test.png");
  g_autofree guint8 *data = NULL;
  gsize len;
  Result r;

  g_unlink (path);
  r = run ("export", "--view", "deepseek-shock", "--output", path, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpint (memcmp (data, "\x89PNG\r\n\x1a\n", 8), ==, 0);
  g_assert_cmpint (memcmp (data + 12, "IHDR", 4), ==, 0);
  g_assert_cmpuint (be32 (data + 16), ==, 1600);
  g_assert_cmpuint (be32 (data + 20), ==, 900);
  result_clear (&r);
  g_clear_pointer (&data, g_free);

  /* One chart of a view of several. */
  r = run ("export", "--view", "deepseek-shock", "--chart", "2", "--output", path, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  r = run ("export", "--view", "deepseek-shock", "--output", path, "--width", "640", "--height", "360", "--scale", "2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (be32 (data + 16), ==, 1280);
  g_assert_cmpuint (be32 (data + 20), ==, 720);
  result_clear (&r);
  g_unlink (path);
}

static void
test_export_svg (void)
{
  g_autofree char *path = tmp_path ("uc-cli-test.svg");
  g_autofree char *data = NULL;
  Result r;

  r = run ("export", "--view", "deepseek-shock", "--output", path, "--width", "1200", "--height", "700", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "<?xml"));
  g_assert_nonnull (strstr (data, "<svg"));
  g_assert_nonnull (strstr (data, "width=\"1200px\" height=\"700px\""));
  /* Both charts of the view name one source: it is printed once. */
  {
    guint sources = 0;

    for (const char *p = strstr (data, ">Source: "); p; p = strstr (p + 1, ">Source: "))
      sources++;
    g_assert_cmpuint (sources, ==, 1);
  }
  result_clear (&r);
  g_unlink (path);
}

/* --font-size sets the text's size (a title 1.5 times it), as
 * UNDERCUT_CHART_FONT does; without either, the desktop's (the tests fix
 * it at 11 pt: a title of 22 px). */
static void
test_export_font_size (void)
{
  g_autofree char *path = tmp_path ("uc-cli-font.svg"), *env_path = tmp_path ("uc-cli-font-env.svg");
  g_autofree char *data = NULL, *env_data = NULL;
  Result r;

  r = run ("export", "--view", "deepseek-shock", "--output", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "font-size=\"22"));
  g_assert_null (strstr (data, "font-size=\"30"));
  result_clear (&r);
  g_clear_pointer (&data, g_free);

  r = run ("export", "--view", "deepseek-shock", "--font-size", "20", "--output", path, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "font-size=\"30"));
  result_clear (&r);

  g_setenv ("UNDERCUT_CHART_FONT", "20px", TRUE);
  r = run ("export", "--view", "deepseek-shock", "--output", env_path, NULL);
  g_setenv ("UNDERCUT_CHART_FONT", "11pt", TRUE);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (env_path, &env_data, NULL, NULL));
  g_assert_cmpstr (env_data, ==, data);
  result_clear (&r);

  r = run ("export", "--view", "deepseek-shock", "--font-size", "3", "--output", path, NULL);
  g_assert_cmpint (r.status, !=, 0);
  g_assert_nonnull (strstr (r.err, "--font-size"));
  result_clear (&r);
  g_unlink (path);
  g_unlink (env_path);
}

static void
test_export_pdf (void)
{
  g_autofree char *path = tmp_path ("uc-cli-test.pdf");
  g_autofree char *data = NULL;
  gsize len;
  Result r;

  r = run ("export", "--view", "deepseek-shock", "--output", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));
  /* 1600×900 px at 96 px per inch is 1200×675 pt. */
  g_assert_nonnull (memmem (data, len, "/MediaBox [ 0 0 1200 675 ]", 26));
  result_clear (&r);
  g_unlink (path);
}

static void
test_bad_arguments (void)
{
  const char *cases[][8] = {
    { "--bogus", NULL },
    { "frobnicate", NULL },
    { "export", "--bogus", NULL },
    { "export", "--output", "x.png", NULL },
    { "export", "--view", "deepseek-shock", NULL },
    { "export", "--view", "no-such-view", "--output", "x.png", NULL },
    { "export", "--view", "deepseek-shock", "--output", "x.jpg", NULL },
    { "export", "--view", "deepseek-shock", "--output", "x.png", "--width", "abc", NULL },
    { "export", "--view", "deepseek-shock", "--output", "x.png", "--width", "5", NULL },
    { "export", "--view", "deepseek-shock", "--output", "x.png", "--theme", "pink", NULL },
    { "export", "--view", "deepseek-shock", "--output", "x.png", "extra", NULL },
    { "export", "--kind", "lanes", "--output", "x.png", NULL },
    { "export", "--kind", "lanes", "--events", "none", "--output", "x.png", NULL },
    { "export", "--kind", "sideways", "--events", "builtin", "--output", "x.png", NULL },
    { "export", "--view", "deepseek-shock", "--chart", "3", "--output", "x.png", NULL },
    { "export", "--view", "deepseek-shock", "--title", "T", "--output", "x.png", NULL },
    { "export", "--kind", "lanes", "--events", "builtin", "--chart", "1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char **c = cases[i];
      Result r = run (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);

      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      /* One line, naming the program. */
      g_assert_true (g_str_has_prefix (r.err, "undercut"));
      g_assert_true (g_str_has_suffix (r.err, "\n"));
      g_assert_cmpuint (strlen (strchr (r.err, '\n')), ==, 1);
      g_assert_false (g_file_test ("x.png", G_FILE_TEST_EXISTS));
      result_clear (&r);
    }
}

static void
test_io_error (void)
{
  Result r = run ("export", "--view", "deepseek-shock", "--output", "/nonexistent-dir/shock.png", NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "/nonexistent-dir/shock.png"));
  g_assert_cmpuint (strlen (strchr (r.err, '\n')), ==, 1);
  result_clear (&r);
}

static void
test_version_and_help (void)
{
  Result r = run ("--version", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "undercut "));
  result_clear (&r);

  r = run ("--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "export"));
  result_clear (&r);

  r = run ("export", "--help", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--output"));
  result_clear (&r);
}

static void
test_no_display (void)
{
  Result r = run (NULL, NULL);

  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no display"));
  g_assert_nonnull (strstr (r.err, "undercut export"));
  g_assert_cmpuint (strlen (strchr (r.err, '\n')), ==, 1);
  result_clear (&r);
}

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "real", name, NULL);
}

static void
test_inspect_json (void)
{
  g_autofree char *path = data_path ("investing-btc-usd.csv");
  Result r = run ("inspect", path, "--json", "--row", "61", "--row", "-2", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_true (g_str_has_prefix (r.out, "{"));
  g_assert_nonnull (strstr (r.out, "\"delimiter\":\",\",\"decimal\":\".\",\"encoding\":\"UTF-8\""));
  g_assert_nonnull (strstr (r.out, "\"header_row\":1,\"rows\":64"));
  g_assert_nonnull (strstr (r.out, "{\"name\":\"Vol.\",\"type\":\"number\""));
  g_assert_nonnull (strstr (r.out, "\"min\":\"2020-05-31\",\"max\":\"2020-08-02\""));
  g_assert_nonnull (strstr (r.out, "\"0\":[\"2020-08-02\",11105.8,11802.6,12061.1,10730.7,698620,-5.91]"));
  g_assert_nonnull (strstr (r.out, "\"61\":["));
  g_assert_nonnull (strstr (r.out, ",1060000,"));
  g_assert_nonnull (strstr (r.out, "\"-2\":["));
  result_clear (&r);

  r = run ("inspect", "--dataset", "market-caps", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"rows\":10873"));
  result_clear (&r);
}

static void
test_inspect_text_and_options (void)
{
  g_autofree char *path = data_path ("smard-netzlast-tag.csv");
  Result r = run ("inspect", path, NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "delimiter “;”, decimal mark “,”"));
  g_assert_nonnull (strstr (r.out, "11 rows, 6 columns"));
  result_clear (&r);

  /* Forcing a wrong decimal mark is allowed: the numbers become text. */
  r = run ("inspect", path, "--decimal", ".", "--delimiter", "semicolon", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"decimal\":\".\""));
  result_clear (&r);

  /* No grouping in the file: the report says so; forbidding it changes nothing. */
  r = run ("inspect", path, "--thousands", "none", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"thousands\":null"));
  result_clear (&r);
}

static void
test_inspect_bad (void)
{
  g_autofree char *path = data_path ("stooq-nvda.csv");
  const char *cases[][6] = {
    { "inspect", NULL },
    { "inspect", path, "--delimiter", "ab", NULL },
    { "inspect", path, "--decimal", ";", NULL },
    { "inspect", path, "--thousands", "_", NULL },
    { "inspect", path, "--row", "x", NULL },
    { "inspect", path, "--row", "60", NULL },
    { "inspect", path, "--dataset", "events", NULL },
    { "inspect", "--dataset", "nope", NULL },
    { "inspect", path, "--date-format", "%Q", NULL },
    { "datasets", "extra", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r = run (cases[i][0], cases[i][1], cases[i][2], cases[i][3], cases[i][4], NULL);

      g_test_message ("case %u: %s", i, r.err);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_cmpuint (strlen (strchr (r.err, '\n')), ==, 1);
      result_clear (&r);
    }

  {
    g_autofree char *ragged = g_test_build_filename (G_TEST_DIST, "data", "ragged.csv", NULL);
    Result r = run ("inspect", ragged, NULL);

    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, "line 3: 2 fields where the header has 3; the rest read as missing"));
    result_clear (&r);
    r = run ("inspect", ragged, "--strict", NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "line 3, column 4: 2 fields where the header has 3"));
    result_clear (&r);
  }

  {
    Result r = run ("inspect", "/nonexistent/file.csv", NULL);

    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "/nonexistent/file.csv"));
    result_clear (&r);
  }
}

static void
test_export_csv (void)
{
  g_autofree char *prices = data_path ("stooq-nvda.csv");
  g_autofree char *long_table = g_test_build_filename (G_TEST_DIST, "data", "long-prices.csv", NULL);
  g_autofree char *out = tmp_path ("uc-cli-csv.svg");
  g_autofree char *svg = NULL;
  Result r;

  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close,Open", "--log", "--rebase", "2024-11-01",
           "--from", "2024-11-01", "--to", "2025-01-28", "--title", "NVDA", "--output", out, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));
  result_clear (&r);

  r = run ("export", "--csv", long_table, "--x", "date", "--y", "close", "--group", "ticker", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* Data errors: a column that is not there, a rebase date before the data. */
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Price", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "Price"));
  result_clear (&r);
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--rebase", "2000-01-01", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  /* Rows per quarter as bars, from a long table. */
  r = run ("export", "--csv", long_table, "--x", "date", "--group", "ticker", "--count-by", "quarter", "--stacked",
           "--output", out, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run ("export", "--csv", long_table, "--x", "date", "--count-by", "decade", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run ("export", "--csv", long_table, "--x", "date", "--y", "close", "--count-by", "month", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  /* Usage errors. */
  r = run ("export", "--csv", prices, "--y", "Close", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--from", "yesterday", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  r = run ("export", "--csv", prices, "--view", "deepseek-shock", "--x", "Date", "--y", "Close", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  g_unlink (out);
}

/* The chart.json of a pack the command line writes, its folder removed. */
static char *
pack_json (const char * const *args)
{
  g_autofree char *dir = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json" };
  char *json = NULL;
  Result r;

  g_ptr_array_add (argv, (char *) "export");
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, (char *) "--pack");
  g_ptr_array_add (argv, dir);
  g_ptr_array_add (argv, NULL);
  r = run_argv ((const char * const *) argv->pdata);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      if (i + 1 == G_N_ELEMENTS (names))
        g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
      g_unlink (path);
    }
  g_rmdir (dir);
  return json;
}

/* One options pipeline: Nvidia's record loss is labelled the same by the
 * view and by a CSV chart given the same options (the window's test sees
 * the view's label on screen). */
static void
test_crash_label (void)
{
  g_autofree char *caps = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", "market-caps.csv", NULL);
  const char *view_args[] = { "--view", "deepseek-shock", "--chart", "1", NULL };
  const char *csv_args[] = { "--csv", caps, "--x", "date", "--y", "market_cap", "--group", "ticker",
                             "--value-format", "money", "--from", "2024-12-02", "--to", "2025-03-31",
                             "--events", "builtin", "--event-change", "NVDA", "--event-change-categories", "market",
                             NULL };
  const char *label = "\"label\": \"NVDA −17.0% · −$593B\"";
  g_autofree char *from_view = pack_json (view_args);
  g_autofree char *from_csv = pack_json (csv_args);

  g_assert_nonnull (strstr (from_view, label));
  g_assert_nonnull (strstr (from_csv, label));
  /* Events of other categories keep their names, in both. */
  g_assert_nonnull (strstr (from_view, "\"label\": \"DeepSeek-R1 released\""));
  g_assert_nonnull (strstr (from_csv, "\"label\": \"DeepSeek-R1 released\""));
  {
    Result r = run ("export", "--csv", caps, "--x", "date", "--y", "market_cap", "--group", "ticker", "--events",
                    "builtin", "--event-change", "NVDA", "--event-change-categories", "markets", "--output", "-",
                    "--format", "svg", NULL);

    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--event-change-categories: no category “markets”"));
    result_clear (&r);
  }
}

static void
test_export_pack (void)
{
  g_autofree char *dir = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *json = NULL, *csv = NULL, *json_path = NULL, *csv_path = NULL, *prices = data_path ("stooq-nvda.csv");
  g_autofree char *expected_sha = NULL, *file_bytes = NULL;
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json" };
  gsize len;
  Result r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--from", "2025-01-13", "--to", "2025-02-07",
                  "--pack", dir, NULL);

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  json_path = g_build_filename (dir, "chart.json", NULL);
  csv_path = g_build_filename (dir, "data.csv", NULL);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"from\": \"2025-01-13\""));
  g_assert_nonnull (strstr (json, "\"name\": \"market-caps.csv\""));
  /* Its source says when the embedded data was taken. */
  g_assert_nonnull (strstr (json, "\"retrieved\": \"2026-12-03\""));
  /* 9 companies × 19 trading days from 13 January to 7 February 2025, and
   * 10 February, which each line runs towards past the plot's right edge. */
  g_assert_true (g_str_has_prefix (csv, "series,date,value\n"));
  g_assert_nonnull (strstr (csv, "Nvidia,2025-01-27,2894243701800\n"));
  {
    guint lines = 0;
    for (const char *p = csv; *p; p++)
      lines += *p == '\n';
    g_assert_cmpuint (lines, ==, 1 + 9 * 20);
    g_assert_nonnull (strstr (csv, "Nvidia,2025-02-10,"));
  }

  /* A CSV input is named with its checksum. */
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_clear_pointer (&json, g_free);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_true (g_file_get_contents (prices, &file_bytes, &len, NULL));
  expected_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) file_bytes, len);
  g_assert_nonnull (strstr (json, expected_sha));
  g_assert_nonnull (strstr (json, "\"modified\": \""));
  /* Nobody is named as its publisher: not its path. */
  {
    g_autofree char *base = g_path_get_basename (prices);
    g_autofree char *input = g_strdup_printf ("\"name\": \"%s\",\n      \"source\": null,", base);

    g_assert_nonnull (strstr (json, input));
  }

  /* Events on a CSV chart: the built-in ones, or the user's own table. */
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--events", "builtin", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_clear_pointer (&json, g_free);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"label\": \"DeepSeek shock\""));
  g_assert_nonnull (strstr (json, "\"date\": \"2025-01-20\""));

  /* The line's move on each event day: 142.62 → 118.42 on 27 January 2025. */
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--events", "builtin", "--event-change", "Close",
           "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_clear_pointer (&json, g_free);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"label\": \"Close −17.0%\""));
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--event-change", "Nope", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  {
    g_autofree char *mine = g_test_build_filename (G_TEST_DIST, "data", "my-events.csv", NULL);

    r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--events", mine, "--pack", dir, NULL);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
    g_clear_pointer (&json, g_free);
    g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
    g_assert_nonnull (strstr (json, "\"label\": \"My note\""));
    g_assert_null (strstr (json, "DeepSeek shock"));
  }
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--events", "/nonexistent.csv", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);

  /* Layout options land in the specification; bad ones are usage errors. */
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close,Volume", "--right", "Volume", "--legend", "inside",
           "--x-title", "Trading day", "--y-title", "US$", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_clear_pointer (&json, g_free);
  g_assert_true (g_file_get_contents (json_path, &json, NULL, NULL));
  g_assert_nonnull (strstr (json, "\"axis\": \"right\""));
  g_assert_nonnull (strstr (json, "\"axis\": \"left\""));
  g_assert_nonnull (strstr (json, "\"legend\": \"inside\""));
  g_assert_nonnull (strstr (json, "\"x_title\": \"Trading day\""));
  g_assert_nonnull (strstr (json, "\"y_title\": \"US$\""));
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--right", "Nope", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "Nope"));
  result_clear (&r);
  r = run ("export", "--csv", prices, "--x", "Date", "--y", "Close", "--legend", "sideways", "--pack", dir, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* A pack's chart.json and data.csv redraw the same chart: writing a pack
 * from the read-back spec gives the same data and specification. */
/* Whether two files hold the same bytes. */
static gboolean
files_equal (const char *a,
             const char *b)
{
  g_autofree char *da = NULL, *db = NULL;
  gsize la, lb;

  g_assert_true (g_file_get_contents (a, &da, &la, NULL));
  g_assert_true (g_file_get_contents (b, &db, &lb, NULL));
  return la == lb && memcmp (da, db, la) == 0;
}

/* A view state the window saved draws what the same options on the
 * command line draw, byte for byte; a bad one names its file and member. */
static void
test_export_state (void)
{
  g_autofree char *dir = g_dir_make_tmp ("uc-state-XXXXXX", NULL);
  g_autofree char *state = g_build_filename (dir, "state.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *a = g_build_filename (dir, "a.png", NULL);
  g_autofree char *b = g_build_filename (dir, "b.png", NULL);
  g_autofree char *message = NULL;
  Result r;

  g_assert_true (g_file_set_contents (state, "{\n  \"format\": \"undercut-view-state\",\n  \"version\": 1,\n"
                                      "  \"view\": \"deepseek-shock\",\n"
                                      "  \"range\": {\"from\": \"2025-01-02\", \"to\": \"2025-02-28\"},\n"
                                      "  \"base\": \"2025-01-24\",\n  \"value-mode\": \"rebased\",\n"
                                      "  \"transform\": \"none\"\n}\n", -1, NULL));
  r = run ("export", "--spec", state, "-o", a, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run ("export", "--view", "deepseek-shock", "--from", "2025-01-02", "--to", "2025-02-28", "--rebase", "2025-01-24",
           "-o", b, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (files_equal (a, b));

  /* The size and the format are the command line's to say. */
  r = run ("export", "--spec", state, "--format", "svg", "--width", "800", "--height", "600", "-o", b, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  /* What the state decides goes without it. */
  r = run ("export", "--spec", state, "--from", "2025-01-01", "-o", a, NULL);
  g_assert_cmpint (r.status, ==, 2);
  message = g_strdup_printf ("undercut export: %s: a view state decides the view, its days and how it reads; "
                             "--from or --to goes without it", state);
  g_assert_true (g_str_has_prefix (r.err, message));
  result_clear (&r);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"undercut-view-state\", \"version\": 1, "
                                      "\"view\": \"deepseek-shock\", "
                                      "\"range\": {\"from\": \"2025-13-01\", \"to\": \"2025-02-28\"}}", -1, NULL));
  r = run ("export", "--spec", bad, "-o", a, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_clear_pointer (&message, g_free);
  message = g_strdup_printf ("undercut export: %s: “range.from”: not a date: “2025-13-01”\n", bad);
  g_assert_cmpstr (r.err, ==, message);
  result_clear (&r);

  g_assert_true (g_file_set_contents (bad, "{\"format\": \"undercut-view-state\", \"version\": 1, "
                                      "\"view\": \"no-such-view\"}", -1, NULL));
  r = run ("export", "--spec", bad, "-o", a, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_true (g_str_has_prefix (r.err, "undercut export: "));
  g_assert_nonnull (strstr (r.err, "bad.json: "));
  result_clear (&r);

  r = run ("export", "--help", NULL);
  g_assert_nonnull (strstr (r.out, "or a view state saved by the window"));
  result_clear (&r);
  g_unlink (state);
  g_unlink (bad);
  g_unlink (a);
  g_unlink (b);
  g_rmdir (dir);
}

static void
test_export_spec (void)
{
  g_autofree char *first = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (first, "chart.json", NULL);
  g_autofree char *csv_a = NULL, *csv_b = NULL, *json_a = NULL, *json_b = NULL, *path = NULL;
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json" };
  Result r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--from", "2025-01-13", "--to", "2025-02-07",
                  "--legend", "inside", "--y-title", "US$", "--pack", first, NULL);

  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);

  path = g_build_filename (first, "data.csv", NULL);
  g_assert_true (g_file_get_contents (path, &csv_a, NULL, NULL));
  g_clear_pointer (&path, g_free);
  path = g_build_filename (second, "data.csv", NULL);
  g_assert_true (g_file_get_contents (path, &csv_b, NULL, NULL));
  g_assert_cmpstr (csv_a, ==, csv_b);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (second, "chart.json", NULL);
  g_assert_true (g_file_get_contents (path, &json_b, NULL, NULL));
  g_assert_true (g_file_get_contents (json, &json_a, NULL, NULL));
  g_assert_nonnull (strstr (json_b, "\"title\": \"The DeepSeek shock\""));
  g_assert_nonnull (strstr (json_b, "\"legend\": \"inside\""));
  g_assert_nonnull (strstr (json_b, "\"y_title\": \"US$\""));
  g_assert_nonnull (strstr (json_b, "\"category\": \"model_release\""));
  g_assert_nonnull (strstr (json_b, "\"emphasis\": true"));
  /* Whole, inputs' checksums included: they carry over from the pack. */
  g_assert_cmpstr (json_a, ==, json_b);
  /* And the picture, pixel for pixel (the PNG writer is deterministic). */
  {
    g_autofree char *png_a = g_build_filename (first, "chart.png", NULL);
    g_autofree char *png_b = g_build_filename (second, "chart.png", NULL);
    g_autofree char *bytes_a = NULL, *bytes_b = NULL;
    gsize len_a, len_b;

    g_assert_true (g_file_get_contents (png_a, &bytes_a, &len_a, NULL));
    g_assert_true (g_file_get_contents (png_b, &bytes_b, &len_b, NULL));
    g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
  }

  /* The pack's own size applies unless options give one. */
  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--width", "640", "--height", "360", "--scale", "2",
           "--pack", first, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  {
    g_autofree char *png = g_build_filename (second, "chart.png", NULL);
    g_autofree char *bytes = NULL;
    gsize len;

    r = run ("export", "--spec", json, "--output", png, NULL);
    g_assert_cmpint (r.status, ==, 0);
    result_clear (&r);
    g_assert_true (g_file_get_contents (png, &bytes, &len, NULL));
    g_assert_cmpuint (len, >, 24);
    /* IHDR: big-endian width and height at bytes 16 and 20. */
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 16)), ==, 1280);
    g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (bytes + 20)), ==, 720);
  }

  /* A broken or missing specification is a data error naming the file. */
  g_assert_true (g_file_set_contents (json, "{\"title\": ", -1, NULL));
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "chart.json"));
  result_clear (&r);
  g_assert_true (g_file_set_contents (json, "{\"from\": \"2025-01-01\", \"to\": \"2025-02-01\", \"series\": []}", -1, NULL));
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "data.csv"));
  result_clear (&r);
  g_assert_true (g_file_set_contents (json, "{\"from\": \"2025-01-01\", \"to\": \"2025-02-01\", \"width\": 5, \"series\": []}", -1, NULL));
  path = (g_free (path), g_build_filename (first, "data.csv", NULL));
  g_assert_true (g_file_set_contents (path, "series,date,value\n", -1, NULL));
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "out of range"));
  result_clear (&r);
  r = run ("export", "--spec", json, "--view", "deepseek-shock", "--pack", second, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = g_build_filename (first, names[i], NULL);
      g_autofree char *b = g_build_filename (second, names[i], NULL);

      g_unlink (a);
      g_unlink (b);
    }
  g_rmdir (first);
  g_rmdir (second);
}

/* The file @name in @dir, read whole. */
static char *
pack_file (const char *dir,
           const char *name,
           gsize      *len)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, NULL));
  return contents;
}

static void
remove_pack (const char *dir)
{
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

/* An event study's pack keeps the basket's 95% band: data.csv's low and
 * high columns (empty for the companies), "band": true in chart.json, and
 * the pack drawn again from them is the same picture, pixel for pixel.
 * The same pack in the older format, without them, still reads, drawn
 * without the band. */
static void
test_study_pack_band (void)
{
  g_autofree char *first = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (first, "chart.json", NULL);
  g_autofree char *csv_path = g_build_filename (first, "data.csv", NULL);
  g_autofree char *csv = NULL, *chart = NULL, *png_a = NULL, *png_b = NULL, *csv_b = NULL, *chart_b = NULL;
  g_autoptr(GString) old_csv = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  gsize len_a, len_b;
  Result r = run ("study", "--event", "2025-01-27", "--width", "800", "--height", "450", "--pack", first, NULL);

  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  csv = pack_file (first, "data.csv", NULL);
  chart = pack_file (first, "chart.json", NULL);
  png_a = pack_file (first, "chart.png", &len_a);
  g_assert_true (g_str_has_prefix (csv, "series,x,value,low,high\nNvidia (NVDA),-10,"));
  g_assert_nonnull (strstr (csv, "\nNvidia (NVDA),0,"));
  g_assert_nonnull (strstr (csv, ",,\nEqual-weight basket,-10,"));
  g_assert_nonnull (strstr (chart, "\"label\": \"Equal-weight basket\",\n      \"emphasis\": true,\n"
                                   "      \"axis\": \"left\",\n      \"band\": true,\n"));
  g_assert_null (strstr (strstr (chart, "\"band\": true") + 1, "\"band\": true"));
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (png_a + 16)), ==, 800);

  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  png_b = pack_file (second, "chart.png", &len_b);
  csv_b = pack_file (second, "data.csv", NULL);
  chart_b = pack_file (second, "chart.json", NULL);
  g_assert_cmpmem (png_a, len_a, png_b, len_b);
  g_assert_cmpstr (csv, ==, csv_b);
  g_assert_cmpstr (chart, ==, chart_b);

  /* The older format: no low and high, no "band". */
  lines = g_strsplit (csv, "\n", -1);
  for (guint i = 0; lines[i] && *lines[i]; i++)
    {
      char *comma = strrchr (lines[i], ',');

      g_assert_nonnull (comma);
      *comma = '\0';
      g_assert_nonnull ((comma = strrchr (lines[i], ',')));
      *comma = '\0';
      g_string_append_printf (old_csv, "%s\n", lines[i]);
    }
  g_assert_true (g_str_has_prefix (old_csv->str, "series,x,value\n"));
  g_assert_true (g_file_set_contents (csv_path, old_csv->str, -1, NULL));
  {
    g_auto(GStrv) parts = g_strsplit (chart, "      \"band\": true,\n", -1);
    g_autofree char *old_chart = g_strjoinv ("", parts);

    g_assert_cmpuint (g_strv_length (parts), ==, 2);
    g_assert_true (g_file_set_contents (json, old_chart, -1, NULL));
  }
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_clear_pointer (&png_b, g_free);
  g_clear_pointer (&csv_b, g_free);
  png_b = pack_file (second, "chart.png", &len_b);
  csv_b = pack_file (second, "data.csv", NULL);
  g_assert_cmpstr (csv_b, ==, old_csv->str);
  /* The same size, the band not drawn. */
  g_assert_cmpuint (len_b, >, 24);
  g_assert_cmpmem (png_a, 24, png_b, 24);
  g_assert_false (len_a == len_b && memcmp (png_a, png_b, len_a) == 0);
  remove_pack (first);
  remove_pack (second);
}

/* Bad band cells in data.csv, each refused naming the file, line and
 * column (exit 1); a good one read. */
static void
test_pack_band_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (dir, "chart.json", NULL);
  g_autofree char *csv = g_build_filename (dir, "data.csv", NULL);
  g_autofree char *out = g_build_filename (dir, "chart.png", NULL);
  const char *cases[][2] = {
    { "series,x,value,low,high\nA,0,1,0.5,1.5\nA,1,2,1,3\nB,0,1,,\nB,1,1,,\n", NULL },
    { "series,x,value,low,high\nA,0,1,0.5,1.5\nA,1,2,3,1\nB,0,1,,\n",
      "data.csv: line 3, column 4 (“low”): the low, 3, is above the high, 1\n" },
    { "series,x,value,low,high\nA,0,1,0.5,1.5\nA,1,2,1,3\nA,2,2,1,3\nA,3,2,abc,3\nB,0,1,,\n",
      "data.csv: line 5, column 4 (“low”): “abc” is not " },
    { "series,x,value,low,high\nA,0,1,one,1.5\nA,1,2,two,3\n",
      "data.csv: line 2, column 4 (“low”): “one” is not a number\n" },
    { "series,x,value,low,high\nA,0,1,0.5,1.5\nA,1,2,1,1e999\nA,2,2,1,3\nA,3,2,1,3\n",
      "data.csv: line 3, column 5 (“high”): “1e999” is not a finite number\n" },
    { "series,x,value,low,high\nA,0,1,0.5,1.5\nB,0,1,,\nB,1,1,,2\n",
      "data.csv: line 4, column 5 (“high”): “B” has no band in chart.json\n" },
    { "series,x,value,low,high\nA,0,1,2025-01-01,1.5\nA,1,2,2025-01-02,3\n",
      "data.csv: line 2, column 4 (“low”): “2025-01-01” is not a number\n" },
    { "series,x,value\nA,0,1\nB,0,1\n",
      "data.csv: chart.json gives “A” a band, but there are no “low” and “high” columns\n" },
    { "series,x,value,low\nA,0,1,0.5\n", "data.csv: a “low” column needs a “high” column beside it\n" },
  };

  g_assert_true (g_file_set_contents (json, "{\"x\": {\"kind\": \"number\", \"unit\": \"day\"}, \"from\": 0, \"to\": 3,\n"
                                      " \"series\": [{\"id\": \"a\", \"label\": \"A\", \"band\": true},\n"
                                      "            {\"id\": \"b\", \"label\": \"B\"}]}\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Result r;

      g_assert_true (g_file_set_contents (csv, cases[i][0], -1, NULL));
      r = run ("export", "--spec", json, "--output", out, NULL);
      if (cases[i][1] == NULL)
        {
          g_assert_cmpstr (r.err, ==, "");
          g_assert_cmpint (r.status, ==, 0);
        }
      else
        {
          g_autofree char *named = g_strdup_printf ("undercut export: %s/%s", dir, cases[i][1]);

          g_assert_cmpint (r.status, ==, 1);
          g_assert_true (g_str_has_prefix (r.err, named));
          g_assert_cmpuint (strlen (strchr (r.err, '\n')), ==, 1);
        }
      result_clear (&r);
    }
  g_unlink (json);
  g_unlink (csv);
  g_unlink (out);
  g_rmdir (dir);
}

/* --transform: a bad value refused, naming it; a good one names itself in
 * each legend entry, is kept by a pack, and a pack drawn again from its
 * chart.json is the same chart, not transformed twice. */
static void
test_export_transform (void)
{
  g_autofree char *first = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (first, "chart.json", NULL);
  g_autofree char *json_a = NULL, *json_b = NULL, *path = NULL;
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json" };
  g_autofree char *releases = g_test_build_filename (G_TEST_DIST, "..", "data", "datasets", "model-releases.csv", NULL);
  Result r = run ("export", "--view", "deepseek-shock", "--transform", "weekly", "--output", "x.png", NULL);

  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--transform: no transform “weekly”"));
  g_assert_cmpuint (strlen (strchr (r.err, '\n')), ==, 1);
  g_assert_false (g_file_test ("x.png", G_FILE_TEST_EXISTS));
  result_clear (&r);

  /* Bars of counts cannot take one. */
  r = run ("export", "--csv", releases, "--x", "date", "--count-by", "quarter",
           "--transform", "returns", "--output", "x.png", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--transform: the chart cannot show a daily return"));
  result_clear (&r);

  /* The legend says it: "Nvidia · 30-day mean" (words are tspans). */
  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--format", "svg", "--output", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_null (strstr (r.out, ">30-day </tspan>"));
  result_clear (&r);
  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--transform", "mean-30", "--format", "svg",
           "--output", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, ">Nvidia </tspan>"));
  g_assert_nonnull (strstr (r.out, ">· </tspan>"));
  g_assert_nonnull (strstr (r.out, ">30-day </tspan>"));
  result_clear (&r);
  /* A whole view: each chart that can. */
  r = run ("export", "--view", "deepseek-shock", "--transform", "drawdown", "--format", "svg", "--output", "-", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, ">drawdown</tspan>"));
  g_assert_nonnull (strstr (r.out, ">Below </tspan>"));
  result_clear (&r);

  r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--transform", "returns", "--pack", first, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (json, &json_a, NULL, NULL));
  g_assert_nonnull (strstr (json_a, "\"transform\": \"returns\""));
  g_assert_nonnull (strstr (json_a, "\"label\": \"Nvidia · daily return\""));
  g_assert_nonnull (strstr (json_a, "\"value_format\": \"percent\""));
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  path = g_build_filename (second, "chart.json", NULL);
  g_assert_true (g_file_get_contents (path, &json_b, NULL, NULL));
  g_assert_cmpstr (json_a, ==, json_b);
  {
    g_autofree char *png_a = g_build_filename (first, "chart.png", NULL);
    g_autofree char *png_b = g_build_filename (second, "chart.png", NULL);
    g_autofree char *bytes_a = NULL, *bytes_b = NULL;
    gsize len_a, len_b;

    g_assert_true (g_file_get_contents (png_a, &bytes_a, &len_a, NULL));
    g_assert_true (g_file_get_contents (png_b, &bytes_b, &len_b, NULL));
    g_assert_cmpmem (bytes_a, len_a, bytes_b, len_b);
  }
  r = run ("export", "--spec", json, "--transform", "mean-7", "--pack", second, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "--transform: the chart shows a daily return already"));
  result_clear (&r);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = g_build_filename (first, names[i], NULL);
      g_autofree char *b = g_build_filename (second, names[i], NULL);

      g_unlink (a);
      g_unlink (b);
    }
  g_rmdir (first);
  g_rmdir (second);
}

/* A number column as x: a number axis (trading days around 27 January
 * 2025, closes of the embedded data), its pack read back exactly; what
 * only a time axis takes (events, rebase, lanes, dates) refused. */
static void
test_export_number_axis (void)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "data", "trading-days.csv", NULL);
  g_autofree char *first = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *second = g_dir_make_tmp ("uc-pack-XXXXXX", NULL);
  g_autofree char *json = g_build_filename (first, "chart.json", NULL);
  g_autofree char *out = tmp_path ("uc-cli-days.png");
  const char *names[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json" };
  g_autofree char *json_a = NULL, *json_b = NULL, *csv_a = NULL, *csv_b = NULL, *png_a = NULL, *png_b = NULL;
  gsize len_a, len_b;
  Result r;

  r = run ("export", "--csv", csv, "--x", "day", "--y", "change", "--group", "ticker", "--value-format", "percent",
           "--from=-3", "--to", "8", "--x-title", "Trading days from 27 January 2025", "--pack", first, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run ("export", "--spec", json, "--pack", second, NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *j = g_build_filename (i ? second : first, "chart.json", NULL);
      g_autofree char *d = g_build_filename (i ? second : first, "data.csv", NULL);
      g_autofree char *p = g_build_filename (i ? second : first, "chart.png", NULL);

      g_assert_true (g_file_get_contents (j, i ? &json_b : &json_a, NULL, NULL));
      g_assert_true (g_file_get_contents (d, i ? &csv_b : &csv_a, NULL, NULL));
      g_assert_true (g_file_get_contents (p, i ? &png_b : &png_a, i ? &len_b : &len_a, NULL));
    }
  g_assert_nonnull (strstr (json_a, "\"x\": {\n    \"kind\": \"number\",\n    \"unit\": \"day\"\n  },\n"
                                    "  \"from\": -3,\n  \"to\": 8,\n"));
  g_assert_nonnull (strstr (json_a, "\"x_title\": \"Trading days from 27 January 2025\""));
  g_assert_true (g_str_has_prefix (csv_a, "series,x,value\nNVDA,-3,3.12\nNVDA,-2,3.23\n"));
  g_assert_nonnull (strstr (csv_a, "\nNVDA,0,-16.97\n"));
  g_assert_cmpstr (json_a, ==, json_b);
  g_assert_cmpstr (csv_a, ==, csv_b);
  g_assert_cmpmem (png_a, len_a, png_b, len_b);

  /* A pack whose number axis claims events is refused (exit 1). */
  {
    g_autofree char *edited = NULL;
    g_auto(GStrv) parts = g_strsplit (json_a, "\"events\": []", 2);

    g_assert_nonnull (parts[1]);
    edited = g_strconcat (parts[0], "\"events\": [{\"date\": \"2025-01-27\", \"title\": \"Crash\"}]", parts[1], NULL);
    g_assert_true (g_file_set_contents (json, edited, -1, NULL));
    r = run ("export", "--spec", json, "--output", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "a chart on a number axis has no events"));
    result_clear (&r);
  }

  /* Dates have no place on a number axis: said, exit status 2. */
  {
    const char *refused[][3] = {
      { "--rebase", "2025-01-24", "--rebase takes a date: this chart's x axis is a number (day)" },
      { "--events", "builtin", "--events marks dates" },
      { "--kind", "lanes", "--kind lanes draws events" },
      { "--from", "2025-01-24", "--from and --to take numbers on this chart's number axis" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        r = run ("export", "--csv", csv, "--x", "day", "--y", "change", "--group", "ticker", refused[i][0],
                 refused[i][1], "--output", out, NULL);
        g_assert_cmpint (r.status, ==, 2);
        g_assert_nonnull (strstr (r.err, refused[i][2]));
        result_clear (&r);
      }
    r = run ("export", "--csv", csv, "--x", "day", "--y", "change", "--group", "ticker", "--events", "builtin",
             "--event-change", "NVDA", "--output", out, NULL);
    g_assert_cmpint (r.status, ==, 2);
    result_clear (&r);
    /* Nor is a number a date on a time axis, nor a number column a period. */
    r = run ("export", "--view", "deepseek-shock", "--chart", "1", "--from=-3", "--output", out, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--from and --to take dates"));
    result_clear (&r);
    r = run ("export", "--csv", csv, "--x", "day", "--count-by", "month", "--output", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "not a date column: “day”"));
    result_clear (&r);
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *a = g_build_filename (first, names[i], NULL);
      g_autofree char *b = g_build_filename (second, names[i], NULL);

      g_unlink (a);
      g_unlink (b);
    }
  g_rmdir (first);
  g_rmdir (second);
  g_unlink (out);
}

static void
test_datasets (void)
{
  Result r = run ("datasets", "--json", NULL);

  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "{\"id\":\"market-caps\""));
  g_assert_nonnull (strstr (r.out, "\"rows\":44,"));
  g_assert_nonnull (strstr (r.out, "\"from\":\"2023-03-15\",\"to\":\"2026-09-01\""));
  g_assert_nonnull (strstr (r.out, "{\"id\":\"index-daily\""));
  result_clear (&r);

  r = run ("datasets", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "market-caps"));
  result_clear (&r);
}

/* An event lane chart from the events table alone, and from a file of
 * one's own with lanes; its pack lists the events it shows, by date. */
static void
test_export_lanes (void)
{
  g_autofree char *png = tmp_path ("uc-cli-lanes.png");
  g_autofree char *events = tmp_path ("uc-cli-lanes-events.csv");
  g_autofree char *pack = tmp_path ("uc-cli-lanes-pack");
  g_autofree char *csv_path = g_build_filename (pack, "data.csv", NULL);
  g_autofree char *csv = NULL;
  const char *table = "date,title,category,lane\n"
                      "2025-01-20,DeepSeek-R1,model_release,China\n"
                      "2025-04-05,Llama 4,model_release,US\n"
                      "2025-01-27,Nvidia record loss,market,Markets\n";
  Result r;

  g_unlink (png);
  r = run ("export", "--kind", "lanes", "--events", "builtin", "--output", png, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_EXISTS));
  result_clear (&r);

  g_assert_true (g_file_set_contents (events, table, -1, NULL));
  r = run ("export", "--kind", "lanes", "--events", events, "--pack", pack, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_cmpstr (csv, ==, "date,end,title,category,lane,hollow\n"
                            "2025-01-20,,DeepSeek-R1,model_release,China,no\n"
                            "2025-01-27,,Nvidia record loss,market,Markets,no\n"
                            "2025-04-05,,Llama 4,model_release,US,no\n");
  g_unlink (png);
  g_unlink (events);
}

/* Named points, a price-per-token axis, and a file format chosen by
 * --format rather than by the file's extension. */
static void
test_export_scatter_labels (void)
{
  g_autofree char *csv_in = tmp_path ("uc-cli-prices.csv");
  g_autofree char *out = tmp_path ("uc-cli-prices-chart");
  g_autofree char *pack = tmp_path ("uc-cli-prices-pack");
  g_autofree char *data_csv = g_build_filename (pack, "data.csv", NULL);
  g_autofree char *svg = NULL, *csv = NULL;
  Result r;

  g_assert_true (g_file_set_contents (csv_in, "date,model,usd\n2024-05-13,gpt-4o,15\n2025-01-20,DeepSeek-R1,2.19\n", -1, NULL));
  g_unlink (out);
  r = run ("export", "--csv", csv_in, "--x", "date", "--y", "usd", "--label", "model", "--kind", "scatter",
           "--value-format", "per-mtok", "--format", "svg", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (out, &svg, NULL, NULL));
  g_assert_nonnull (strstr (svg, "<svg"));

  r = run ("export", "--csv", csv_in, "--x", "date", "--y", "usd", "--label", "model", "--kind", "scatter", "--pack", pack, NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  g_assert_true (g_file_get_contents (data_csv, &csv, NULL, NULL));
  g_assert_cmpstr (csv, ==, "series,date,value,label\nusd,2024-05-13,15,gpt-4o\nusd,2025-01-20,2.19,DeepSeek-R1\n");

  r = run ("export", "--csv", csv_in, "--x", "date", "--y", "usd", "--label", "nope", "--format", "png", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "nope"));
  result_clear (&r);
  r = run ("export", "--csv", csv_in, "--x", "date", "--y", "usd", "--value-format", "yen", "--output", out, NULL);
  g_assert_cmpint (r.status, ==, 2);
  result_clear (&r);
  g_unlink (out);
  g_unlink (csv_in);
}

/* `undercut library` in a data dir of its own, given to the commands run
 * until library_end() (setenv() is not safe once threads run). */
static char *
library_begin (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("uc-cli-library-XXXXXX", &error);

  g_assert_no_error (error);
  data_dir = dir;
  return dir;
}

static void
library_end (char *dir)
{
  g_autofree char *library = g_build_filename (dir, "library", NULL);
  g_autoptr(GDir) d = g_dir_open (library, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (library, name, NULL);

      g_unlink (path);
    }
  g_rmdir (library);
  g_rmdir (dir);
  data_dir = NULL;
  g_free (dir);
}

static void
test_library (void)
{
  char *dir = library_begin ();
  g_autofree char *input = g_build_filename (dir, "Rates.csv", NULL);
  g_autofree char *copy = g_build_filename (dir, "library", "rates.csv", NULL);
  Result r;

  g_assert_true (g_file_set_contents (input, "date;rate\n2024-01-01;1,5\n2024-01-02;2,5\n", -1, NULL));
  r = run ("library", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "empty"));
  result_clear (&r);
  r = run ("library", "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "[]\n");
  result_clear (&r);
  r = run ("library", "add", input, "--delimiter", ";", "--decimal", ",", "--title", "Rates", NULL);
  g_assert_cmpstr (r.err, ==, "");
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "added rates"));
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));
  result_clear (&r);
  r = run ("library", "add", input, "--reference", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"id\":\"rates-2\""));
  g_assert_nonnull (strstr (r.out, "\"mode\":\"reference\""));
  result_clear (&r);
  r = run ("library", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_regex_match_simple ("^rates +copy +ok +40 bytes  imported \\d{4}-.*Z  Rates$", r.out,
                                       G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("^rates-2 +reference +ok ", r.out, G_REGEX_MULTILINE, 0));
  result_clear (&r);
  /* A referred file changed is listed as such, and re-imported. */
  g_assert_true (g_file_set_contents (input, "date;rate\n2024-01-01;1,5\n2024-01-02;2,6\n", -1, NULL));
  r = run ("library", "list", NULL);
  g_assert_true (g_regex_match_simple ("^rates-2 +reference +changed ", r.out, G_REGEX_MULTILINE, 0));
  result_clear (&r);
  r = run ("library", "reimport", "rates-2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  r = run ("library", "list", NULL);
  g_assert_true (g_regex_match_simple ("^rates-2 +reference +ok ", r.out, G_REGEX_MULTILINE, 0));
  result_clear (&r);
  /* A referred file that is gone is listed as such, not an error. */
  g_assert_cmpint (g_unlink (input), ==, 0);
  r = run ("library", "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"id\":\"rates-2\",\"title\":\"Rates.csv\",\"mode\":\"reference\",\"state\":\"missing\""));
  g_assert_nonnull (strstr (r.out, "\"id\":\"rates\",\"title\":\"Rates\",\"mode\":\"copy\",\"state\":\"ok\""));
  result_clear (&r);
  r = run ("library", "remove", "rates", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
  result_clear (&r);
  r = run ("library", "remove", "rates", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "no library entry called “rates”"));
  result_clear (&r);
  r = run ("library", "remove", "rates-2", NULL);
  g_assert_cmpint (r.status, ==, 0);
  result_clear (&r);
  library_end (dir);
}

/* A downloaded file's address and time, as the window's import keeps
 * them: listed, without the password a manifest edited by hand gave. */
static void
test_library_origin (void)
{
  char *dir = library_begin ();
  g_autofree char *library = g_build_filename (dir, "library", NULL);
  g_autofree char *manifest = g_build_filename (library, "library.json", NULL);
  g_autofree char *copy = g_build_filename (library, "prices.csv", NULL);
  const char *text = "date,price\n2025-01-27,1.5\n";
  g_autofree char *json = g_strdup_printf ("{\"version\": 1, \"entries\": [{\"id\": \"prices\", \"title\": \"Prices\", "
                                           "\"mode\": \"copy\", \"file\": \"prices.csv\", \"size\": %zu, "
                                           "\"imported_at\": \"2026-12-03T10:16:00Z\", "
                                           "\"origin_url\": \"https://me:pw@example.org/data/prices.csv\", "
                                           "\"downloaded_at\": \"2026-12-03T10:15:00Z\"}]}", strlen (text));
  Result r;

  g_assert_cmpint (g_mkdir_with_parents (library, 0700), ==, 0);
  g_assert_true (g_file_set_contents (copy, text, -1, NULL));
  g_assert_true (g_file_set_contents (manifest, json, -1, NULL));
  r = run ("library", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Prices  (from https://example.org/data/prices.csv, downloaded 2026-12-03T10:15:00Z)\n"));
  g_assert_null (strstr (r.out, "pw"));
  result_clear (&r);
  r = run ("library", "list", "--json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"origin_url\":\"https://example.org/data/prices.csv\","
                                   "\"downloaded_at\":\"2026-12-03T10:15:00Z\","
                                   "\"credit\":\"Source: https://example.org/data/prices.csv, downloaded 3 Dec 2026\""));
  g_assert_null (strstr (r.out, "pw"));
  result_clear (&r);
  library_end (dir);
}

static void
test_library_errors (void)
{
  char *dir = library_begin ();
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *manifest = g_build_filename (dir, "library", "library.json", NULL);
  g_autofree char *library = g_build_filename (dir, "library", NULL);
  g_autofree char *kept = NULL;
  const char *usage[][7] = {
    { "library", "frobnicate", NULL },
    { "library", "add", NULL },
    { "library", "add", bad, bad, NULL },
    { "library", "remove", NULL },
    { "library", "reimport", NULL },
    { "library", "list", "extra", NULL },
    { "library", "add", bad, "--delimiter", "ab" },
    { "library", "add", bad, "--decimal", ";" },
    { "library", "add", bad, "--thousands", "x" },
    { "library", "add", bad, "--thousands", ".", "--decimal", "." },
    { "library", "--no-such-option", NULL },
  };
  Result r;

  for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
    {
      const char *args[8] = { 0 };

      memcpy (args, usage[i], sizeof usage[i]);
      r = run_argv (args);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, "undercut library"));
      result_clear (&r);
    }
  /* A file the CSV reader refuses: named with line and column; nothing written. */
  g_assert_true (g_file_set_contents (bad, "a,b\n1,\"2\n", -1, NULL));
  r = run ("library", "add", bad, NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "bad.csv: line 2, column"));
  g_assert_false (g_file_test (library, G_FILE_TEST_EXISTS));
  result_clear (&r);
  r = run ("library", "add", "/nonexistent/file.csv", NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  /* An unreadable manifest is named, and left alone by list and remove. */
  g_assert_cmpint (g_mkdir_with_parents (library, 0700), ==, 0);
  g_assert_true (g_file_set_contents (manifest, "not json", -1, NULL));
  r = run ("library", "list", NULL);
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.err, "library.json"));
  result_clear (&r);
  r = run ("library", "remove", "x", NULL);
  g_assert_cmpint (r.status, ==, 1);
  result_clear (&r);
  g_assert_true (g_file_get_contents (manifest, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "not json");
  g_unlink (bad);
  library_end (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/export-png", test_export_png);
  g_test_add_func ("/cli/export-svg", test_export_svg);
  g_test_add_func ("/cli/export-pdf", test_export_pdf);
  g_test_add_func ("/cli/export-font-size", test_export_font_size);
  g_test_add_func ("/cli/bad-arguments", test_bad_arguments);
  g_test_add_func ("/cli/io-error", test_io_error);
  g_test_add_func ("/cli/version-and-help", test_version_and_help);
  g_test_add_func ("/cli/no-display", test_no_display);
  g_test_add_func ("/cli/inspect-json", test_inspect_json);
  g_test_add_func ("/cli/inspect-text-and-options", test_inspect_text_and_options);
  g_test_add_func ("/cli/inspect-bad", test_inspect_bad);
  g_test_add_func ("/cli/datasets", test_datasets);
  g_test_add_func ("/cli/export-csv", test_export_csv);
  g_test_add_func ("/cli/export-pack", test_export_pack);
  g_test_add_func ("/cli/crash-label", test_crash_label);
  g_test_add_func ("/cli/export-spec", test_export_spec);
  g_test_add_func ("/cli/export-state", test_export_state);
  g_test_add_func ("/cli/export-number-axis", test_export_number_axis);
  g_test_add_func ("/cli/export-transform", test_export_transform);
  g_test_add_func ("/cli/study-pack-band", test_study_pack_band);
  g_test_add_func ("/cli/pack-band-errors", test_pack_band_errors);
  g_test_add_func ("/cli/export-lanes", test_export_lanes);
  g_test_add_func ("/cli/export-scatter-labels", test_export_scatter_labels);
  g_test_add_func ("/cli/library", test_library);
  g_test_add_func ("/cli/library-origin", test_library_origin);
  g_test_add_func ("/cli/library-errors", test_library_errors);

  return g_test_run ();
}
