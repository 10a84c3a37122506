/* test-csv-writer.c: a dataset's rows written as CSV and read back */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-csv.h"
#include "uc-csv-writer.h"

static UcDataset *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  UcDataset *ds = uc_csv_read_bytes (bytes, "test.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ds);
  return ds;
}

static char *
write_text (UcDataset   *ds,
            const guint *rows,
            guint        n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) bytes = NULL;

  g_assert_true (uc_csv_write_rows (ds, rows, n_rows, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Every cell of @b as in @a: same types, same missing cells, same values. */
static void
assert_same (UcDataset *a,
             UcDataset *b)
{
  g_assert_cmpuint (uc_dataset_get_n_columns (a), ==, uc_dataset_get_n_columns (b));
  g_assert_cmpuint (uc_dataset_get_n_rows (a), ==, uc_dataset_get_n_rows (b));
  for (guint c = 0; c < uc_dataset_get_n_columns (a); c++)
    {
      UcColumnType type = uc_dataset_get_column_type (a, c);

      g_assert_cmpstr (uc_dataset_get_column_name (a, c), ==, uc_dataset_get_column_name (b, c));
      g_assert_cmpstr (uc_column_type_to_string (uc_dataset_get_column_type (b, c)), ==,
                       uc_column_type_to_string (type));
      if (type == UC_COLUMN_DATE)
        g_assert_cmpint (uc_dataset_get_date_unit (a, c), ==, uc_dataset_get_date_unit (b, c));
      for (guint r = 0; r < uc_dataset_get_n_rows (a); r++)
        {
          g_assert_cmpint (uc_dataset_is_missing (a, c, r), ==, uc_dataset_is_missing (b, c, r));
          if (uc_dataset_is_missing (a, c, r))
            continue;
          switch (type)
            {
            case UC_COLUMN_NUMBER:
              g_assert_cmpfloat (uc_dataset_get_numbers (a, c)[r], ==, uc_dataset_get_numbers (b, c)[r]);
              break;
            case UC_COLUMN_DATE:
            case UC_COLUMN_DATETIME:
              g_assert_cmpint (uc_dataset_get_times (a, c)[r], ==, uc_dataset_get_times (b, c)[r]);
              break;
            case UC_COLUMN_TEXT:
            default:
              g_assert_cmpstr (uc_dataset_get_text (a, c, r), ==, uc_dataset_get_text (b, c, r));
              break;
            }
        }
    }
}

/* Every column type, every date precision, missing cells: read, written,
 * read again, and nothing changed. */
static void
test_round_trip (void)
{
  static const char *files[] = {
    "date,ticker,close,volume,note\n"
    "2025-01-24,NVDA,142.4073,1.5e9,first\n"
    "2025-01-27,NVDA,118.2434,,\"the \"\"shock\"\"\"\n"
    "2025-01-28,,-0.000125,-3,\"a, b\"\n"
    ",AMD,1e-300,12345678901234567,\"two\nlines\"\n"
    "2025-01-30,TSM,0.1,0, padded \n",

    "month,value\n2024-11,1.25\n2024-12,-2.5\n2025-01,\n",
    "quarter,value\n2024-Q3,1\n2024-Q4,2\n2025-Q1,3\n",
    "year,value\n2021,1\n2022,2\n2023,\n",
    "time,price\n2025-01-27T14:30:00Z,1.5\n2025-01-27T14:31:05.250000Z,2\n,3\n",
    "label,x\nplain,1\ncafé ünïcode ✓,2\ntab\there,3\nsemi;colon,4\npipe|bar,5\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(UcDataset) a = read_text (files[i]);
      g_autofree char *text = write_text (a, NULL, 0);
      g_autoptr(UcDataset) b = read_text (text);

      g_test_message ("file %u written as:\n%s", i, text);
      assert_same (a, b);
    }
}

/* The exact bytes: header, quotes doubled, missing cells empty. */
static void
test_bytes (void)
{
  g_autoptr(UcDataset) ds = read_text ("date,name,value\n"
                                       "2025-01-27,\"Nvidia, Inc.\",-593000000000\n"
                                       "2025-01-28,\"say \"\"hi\"\"\",\n"
                                       ",plain,0.5\n");
  g_autofree char *text = write_text (ds, NULL, 0);

  g_assert_cmpstr (text, ==, "date,name,value\n"
                             "2025-01-27,\"Nvidia, Inc.\",-593000000000\n"
                             "2025-01-28,\"say \"\"hi\"\"\",\n"
                             ",plain,0.5\n");
}

/* Cells a spreadsheet would run as formulas get an apostrophe; numbers,
 * negative ones included, stay numbers. */
static void
test_formulas (void)
{
  g_autoptr(UcDataset) ds = read_text ("name,change\n"
                                       "=HYPERLINK(\"http://x\";\"y\"),-17\n"
                                       "+1 555 0100,-0.5\n"
                                       "-rate,+3\n"
                                       "@SUM(A1:A2),4\n"
                                       "\"\tindented\",5\n"
                                       "safe=1,6\n"
                                       "=1+2,-1e-5\n");
  g_autofree char *text = NULL;
  g_autoptr(UcDataset) back = NULL;

  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  text = write_text (ds, NULL, 0);
  g_assert_cmpstr (text, ==, "name,change\n"
                             "\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",-17\n"
                             "'+1 555 0100,-0.5\n"
                             "'-rate,3\n"
                             "'@SUM(A1:A2),4\n"
                             "\"'\tindented\",5\n"
                             "safe=1,6\n"
                             "'=1+2,-0.00001\n");

  back = read_text (text);
  g_assert_cmpint (uc_dataset_get_column_type (back, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (back, 1)[0], ==, -17);
  g_assert_cmpfloat (uc_dataset_get_numbers (back, 1)[6], ==, -1e-5);
  g_assert_cmpstr (uc_dataset_get_text (back, 0, 0), ==, "'=HYPERLINK(\"http://x\";\"y\")");
  g_assert_cmpstr (uc_dataset_get_text (back, 0, 2), ==, "'-rate");
  g_assert_cmpstr (uc_dataset_get_text (back, 0, 5), ==, "safe=1");
  for (guint r = 0; r < uc_dataset_get_n_rows (back); r++)
    {
      const char *cell = uc_dataset_get_text (back, 0, r);

      g_assert_false (strchr ("=+-@\t\r", cell[0]) != NULL);
    }
}

/* A header that starts like a formula is escaped too. */
static void
test_formula_header (void)
{
  GString *out = g_string_new (NULL);

  uc_csv_append_text (out, "=cmd|' /C calc'!A0");
  uc_csv_append_text (out, ",");
  uc_csv_append_text (out, "-");
  g_assert_cmpstr (out->str, ==, "\"'=cmd|' /C calc'!A0\"\",\"'-");
  g_string_free (out, TRUE);
}

/* The rows asked for, in the order asked for. */
static void
test_rows (void)
{
  g_autoptr(UcDataset) ds = read_text ("k,v\na,1\nb,2\nc,3\nd,4\n");
  static const guint rows[] = { 3, 0, 2 };
  g_autofree char *text = write_text (ds, rows, G_N_ELEMENTS (rows));
  g_autofree char *none = write_text (ds, rows, 0);

  g_assert_cmpstr (text, ==, "k,v\nd,4\na,1\nc,3\n");
  g_assert_cmpstr (none, ==, "k,v\n");
}

static void
test_bad_row (void)
{
  g_autoptr(UcDataset) ds = read_text ("k,v\na,1\n");
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  static const guint rows[] = { 0, 7 };

  g_assert_false (uc_csv_write_rows (ds, rows, G_N_ELEMENTS (rows), out, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

/* A table larger than the pieces it is written in. */
static void
test_large (void)
{
  g_autoptr(GString) in = g_string_new ("day,value,name\n");
  g_autoptr(UcDataset) a = NULL, b = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 40000; i++)
    g_string_append_printf (in, "%04u-%02u-%02u,%g,n%u\n", 1900 + i / 365 % 200, 1 + i % 12, 1 + i % 28,
                            (i % 7 ? 1.0 : -1.0) * i / 3.0, i);
  a = read_text (in->str);
  text = write_text (a, NULL, 0);
  b = read_text (text);
  assert_same (a, b);
}

static void
test_save_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("uc-csv-writer-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "rows.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(UcDataset) ds = read_text ("k,v\na,1\nb,-2\n");
  static const guint rows[] = { 1 };
  const char *entry;
  GDir *listing;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (uc_csv_save_rows (ds, rows, 1, path, "rows.csv", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "k,v\nb,-2\n");

  /* Nothing left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  while ((entry = g_dir_read_name (listing)) != NULL)
    n++;
  g_dir_close (listing);
  g_assert_cmpuint (n, ==, 1);

  /* A folder is not replaced. */
  g_assert_false (uc_csv_save_rows (ds, NULL, 0, dir, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv-writer/round-trip", test_round_trip);
  g_test_add_func ("/csv-writer/bytes", test_bytes);
  g_test_add_func ("/csv-writer/formulas", test_formulas);
  g_test_add_func ("/csv-writer/formula-header", test_formula_header);
  g_test_add_func ("/csv-writer/rows", test_rows);
  g_test_add_func ("/csv-writer/bad-row", test_bad_row);
  g_test_add_func ("/csv-writer/large", test_large);
  g_test_add_func ("/csv-writer/save-file", test_save_file);

  return g_test_run ();
}
