/* test-preview.c: the import dialog's preview of a file's first rows, and
 * the cells the reader's warnings name */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-csv-preview.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("uc-preview-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        g_rmdir (path);
      else
        g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* "date,value\n" and @n rows, each @pad characters wider than needed. */
static GString *
rows_text (guint n,
           guint pad)
{
  GString *s = g_string_new ("date,value,note\n");
  g_autofree char *padding = g_strnfill (pad, 'x');

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "2024-%02u-%02u,%u.5,%s\n", 1 + i / 28 % 12, 1 + i % 28, i, padding);
  return s;
}

static void
test_max_rows (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GString) text = rows_text (5000, 10);
  g_autoptr(GFile) file = write_file (f, "many.csv", text->str, text->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = uc_csv_preview_file (file, NULL, 200, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 200);
  g_assert_cmpuint (report->n_rows, ==, 200);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 3);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[199], ==, 199.5);
  g_assert_cmpstr (report->delimiter, ==, ",");
}

/* Rows so long that 256 KiB holds fewer than asked: more is read. */
static void
test_long_rows (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GString) text = rows_text (400, 4000);
  g_autoptr(GFile) file = write_file (f, "wide.csv", text->str, text->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_preview_file (file, NULL, 200, NULL, NULL, &error);

  g_assert_cmpuint (text->len, >, 4 * UC_CSV_PREVIEW_BYTES);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 200);
}

static void
test_options (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "semi.csv", "day;price\n03/02/2025;1,5\n04/02/2025;2,25\n", -1);
  g_autoptr(GFile) other = write_file (f, "other.csv", "a;b\n1;2\n3;4\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcCsvReport) forced_report = NULL;
  g_autoptr(UcDataset) detected = uc_csv_preview_file (file, NULL, 200, NULL, &report, &error);
  g_autoptr(UcDataset) forced = NULL;
  g_autoptr(UcDataset) us = NULL;
  UcCsvOptions options;

  g_assert_no_error (error);
  g_assert_cmpstr (report->delimiter, ==, ";");
  g_assert_cmpint (report->decimal, ==, ',');
  g_assert_cmpuint (uc_dataset_get_n_columns (detected), ==, 2);
  g_assert_cmpfloat (uc_dataset_get_numbers (detected, 1)[1], ==, 2.25);

  /* A forced comma makes one column of "a;b". */
  uc_csv_options_init (&options);
  options.delimiter = ',';
  forced = uc_csv_preview_file (other, &options, 200, NULL, &forced_report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (forced_report->delimiter, ==, ",");
  g_assert_cmpuint (uc_dataset_get_n_columns (forced), ==, 1);
  g_assert_cmpstr (uc_dataset_get_column_name (forced, 0), ==, "a;b");

  /* A date format is honoured: day first, where detection said month first. */
  uc_csv_options_init (&options);
  options.date_format = "%d/%m/%Y";
  us = uc_csv_preview_file (file, &options, 200, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_times (detected, 0)[0], ==, G_GINT64_CONSTANT (1740873600) * G_USEC_PER_SEC);
  g_assert_cmpint (uc_dataset_get_times (us, 0)[0], ==, G_GINT64_CONSTANT (1738540800) * G_USEC_PER_SEC);
}

/* The thousands separator reaches the preview: reported, forced, forbidden. */
static void
test_thousands (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "swiss.csv", "day,price\n2025-02-03,1'250.5\n2025-02-04,12'000\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) detected = uc_csv_preview_file (file, NULL, 200, NULL, &report, &error);
  g_autoptr(UcDataset) forbidden = NULL;
  UcCsvOptions options;

  g_assert_no_error (error);
  g_assert_cmpint (report->thousands, ==, '\'');
  g_assert_cmpfloat (uc_dataset_get_numbers (detected, 1)[1], ==, 12000);
  uc_csv_options_init (&options);
  options.thousands = UC_CSV_NO_THOUSANDS;
  forbidden = uc_csv_preview_file (file, &options, 200, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (forbidden, 1), ==, UC_COLUMN_TEXT);
}

static void
test_cut (void)
{
  const char *text = "a,b\n1,\"x\ny\"\n2,\"p\nq";
  const char *stray = "a,b\n5\" screen,1\n6,2\n7";
  const char *crlf = "a,b\r\n1,2\r\n3,4";
  const char utf16[] = "\xff\xfe" "a\0,\0b\0\n\0" "1\0,\0\"\0x\0\n\0y\0\"\0\n\0" "2\0,\0\"\0p\0\n\0q\0";
  guint n;

  g_assert_cmpuint (uc_csv_preview_cut (text, strlen (text), NULL, 0, &n), ==, strlen ("a,b\n1,\"x\ny\"\n"));
  g_assert_cmpuint (n, ==, 2);
  /* A quote inside an unquoted field is no quoted field. */
  g_assert_cmpuint (uc_csv_preview_cut (stray, strlen (stray), NULL, 0, &n), ==, strlen ("a,b\n5\" screen,1\n6,2\n"));
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (uc_csv_preview_cut (crlf, strlen (crlf), NULL, 0, &n), ==, strlen ("a,b\r\n1,2\r\n"));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (uc_csv_preview_cut ("abc", 3, NULL, 0, &n), ==, 0);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpuint (uc_csv_preview_cut (utf16, sizeof utf16 - 1, NULL, 0, &n), ==, 2 + 2 * strlen ("a,b\n1,\"x\ny\"\n"));
  g_assert_cmpuint (n, ==, 2);
}

/* A field spanning lines where the first 256 KiB end: its row is left out
 * whole, and nothing is read as an unterminated quote. */
static void
test_quoted_newline_at_cut (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("date,value,note\n");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(GBytes) start = NULL;
  guint rows = 0;

  while (text->len < UC_CSV_PREVIEW_BYTES - 40)
    {
      g_string_append_printf (text, "2024-01-%02u,%u,plain\n", 1 + rows % 28, rows);
      rows++;
    }
  /* This row's note starts before the cut and ends after it. */
  g_string_append (text, "2024-02-01,1,\"");
  while (text->len < UC_CSV_PREVIEW_BYTES + 100)
    g_string_append (text, "a long note\n");
  g_string_append (text, "\"\n2024-02-02,2,after\n");
  file = write_file (f, "quoted.csv", text->str, text->len);

  /* The start as the file preview reads it, all rows asked for. */
  start = g_bytes_new (text->str, UC_CSV_PREVIEW_BYTES);
  ds = uc_csv_preview_bytes (start, "quoted.csv", NULL, G_MAXUINT, FALSE, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, rows);
  g_assert_cmpuint (report->n_warnings, ==, 0);
  g_clear_object (&ds);

  /* All of it, when the file is read to its end. */
  ds = uc_csv_preview_file (file, NULL, G_MAXUINT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, rows + 2);
  g_assert_cmpstr (uc_dataset_get_text (ds, 2, rows + 1), ==, "after");
}

static void
test_one_line (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "one.csv", "date,value", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_preview_file (file, NULL, 200, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 0);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 2);
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 1), ==, "value");
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) empty = write_file (f, "empty.csv", "", 0);
  g_autoptr(GFile) binary = write_file (f, "binary.csv", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  g_autofree char *dir_path = g_build_filename (f->dir, "folder.csv", NULL);
  g_autofree char *missing_path = g_build_filename (f->dir, "missing.csv", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  GError *error = NULL;

  g_assert_null (uc_csv_preview_file (empty, NULL, 200, NULL, NULL, &error));
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.csv: line 1, column 1"));
  g_clear_error (&error);

  g_assert_null (uc_csv_preview_file (binary, NULL, 200, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "binary.csv"));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  g_assert_null (uc_csv_preview_file (dir, NULL, 200, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "folder.csv: is a folder"));
  g_clear_error (&error);

  g_assert_null (uc_csv_preview_file (missing, NULL, 200, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.csv"));
  g_clear_error (&error);
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "c.csv", "a,b\n1,2\n", -1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GError *error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_null (uc_csv_preview_file (file, NULL, 200, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
}

/* The cells that warnings name, by dataset row and column: in one chunk
 * and across the chunks of a parallel read. */
static void
test_warning_cells (void)
{
  g_autoptr(GString) text = g_string_new ("date,name,value\n");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  UcCsvOptions options;
  guint bad_rows[] = { 7, 60000, 99000 };
  guint k = 0;

  for (guint i = 0; i < 100000; i++)
    {
      if (k < G_N_ELEMENTS (bad_rows) && i == bad_rows[k])
        {
          g_string_append_printf (text, "2024-01-01,n%u,oops\n", i);
          k++;
        }
      else
        g_string_append_printf (text, "2024-01-01,n%u,%u\n", i, i);
    }
  bytes = g_bytes_new (text->str, text->len);
  uc_csv_options_init (&options);
  options.n_threads = 4;
  ds = uc_csv_read_bytes (bytes, "cells.csv", &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_nonnull (report->cells);
  g_assert_cmpuint (report->cells->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      UcCsvCellWarning *cell = &g_array_index (report->cells, UcCsvCellWarning, i);
      const char *warning = g_ptr_array_index (report->warnings, cell->warning);

      g_assert_cmpuint (cell->row, ==, bad_rows[i]);
      g_assert_cmpuint (cell->line, ==, bad_rows[i] + 2);
      g_assert_cmpuint (cell->field, ==, 2);
      g_assert_true (isnan (uc_dataset_get_numbers (ds, 2)[cell->row]));
      g_assert_nonnull (strstr (warning, "“oops”"));
      g_assert_cmpstr (cell->text, ==, "oops");
    }
}

static void
test_stamp (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "s.csv", "a,b\n1,2\n", -1);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = uc_csv_file_stamp (file, NULL, &error);
  g_autofree char *again = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) changed = NULL;

  g_assert_no_error (error);
  again = uc_csv_file_stamp (file, NULL, &error);
  g_assert_cmpstr (before, ==, again);
  /* The same size and, on a coarse clock, the same time: the bytes tell. */
  changed = write_file (f, "s.csv", "a,b\n1,3\n", -1);
  after = uc_csv_file_stamp (changed, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (before, !=, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/preview/max-rows", Fixture, NULL, fixture_set_up, test_max_rows, fixture_tear_down);
  g_test_add ("/preview/long-rows", Fixture, NULL, fixture_set_up, test_long_rows, fixture_tear_down);
  g_test_add ("/preview/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add ("/preview/thousands", Fixture, NULL, fixture_set_up, test_thousands, fixture_tear_down);
  g_test_add_func ("/preview/cut", test_cut);
  g_test_add ("/preview/quoted-newline-at-cut", Fixture, NULL, fixture_set_up, test_quoted_newline_at_cut,
              fixture_tear_down);
  g_test_add ("/preview/one-line", Fixture, NULL, fixture_set_up, test_one_line, fixture_tear_down);
  g_test_add ("/preview/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/preview/cancelled", Fixture, NULL, fixture_set_up, test_cancelled, fixture_tear_down);
  g_test_add_func ("/preview/warning-cells", test_warning_cells);
  g_test_add ("/preview/stamp", Fixture, NULL, fixture_set_up, test_stamp, fixture_tear_down);

  return g_test_run ();
}
