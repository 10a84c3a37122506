/* test-csv.c: the CSV reader on good files and on every kind of bad input */
#include <math.h>
#include <string.h>

#include "uc-csv.h"

static UcDataset *
read_text (const char  *text,
           gssize       len,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return uc_csv_read_bytes (bytes, "test.csv", NULL, error);
}

static void
test_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = read_text ("date,ticker,close\n2025-01-24,NVDA,142.4073\n2025-01-27,NVDA,118.2434\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 3);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_cmpint (uc_dataset_find_column (ds, "close"), ==, 2);
  g_assert_cmpint (uc_dataset_find_column (ds, "volume"), ==, -1);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[1], ==, uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpstr (uc_dataset_get_texts (ds, 1)[0], ==, "NVDA");
  /* Interned: equal cells share one string. */
  g_assert_true (uc_dataset_get_texts (ds, 1)[0] == uc_dataset_get_texts (ds, 1)[1]);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 142.4073);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, 118.2434);
}

static void
test_quoting (void)
{
  g_autoptr(GError) error = NULL;
  const char *text =
    "\xEF\xBB\xBF" "title,description,value\r\n"
    "\"DeepSeek-R1 released (open weights, MIT)\",\"She said \"\"cheap\"\"\",\"1.5\"\r\n"
    "plain,\"two\r\nlines\",-2e3\r\n";
  g_autoptr(UcDataset) ds = read_text (text, -1, &error);
  const char * const *desc;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  /* The byte order mark is not part of the first name. */
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 0), ==, "title");
  g_assert_cmpstr (uc_dataset_get_texts (ds, 0)[0], ==, "DeepSeek-R1 released (open weights, MIT)");
  desc = uc_dataset_get_texts (ds, 1);
  g_assert_cmpstr (desc[0], ==, "She said \"cheap\"");
  g_assert_cmpstr (desc[1], ==, "two\r\nlines");
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 1.5);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, -2000);
}

static void
test_line_endings (void)
{
  const char *variants[] = {
    "a,b\n1,x\n2,y\n",
    "a,b\r\n1,x\r\n2,y\r\n",
    "a,b\r1,x\r2,y\r",
    "a,b\n1,x\n2,y",          /* no final newline */
    "a,b\n\n1,x\n\n2,y\n\n",  /* blank lines */
  };

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcDataset) ds = read_text (variants[i], -1, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
      g_assert_cmpfloat (uc_dataset_get_numbers (ds, 0)[1], ==, 2);
      g_assert_cmpstr (uc_dataset_get_texts (ds, 1)[1], ==, "y");
    }
}

static void
test_missing_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = read_text ("date,value,note\n2025-01-01,1,\n,,x\n2025-01-03, 3 ,y\n", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 3);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[1], ==, UC_TIME_MISSING);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 1)[1]));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[2], ==, 3);
  g_assert_null (uc_dataset_get_texts (ds, 2)[0]);
  g_assert_cmpuint (uc_dataset_count_missing (ds, 0), ==, 1);
  g_assert_cmpuint (uc_dataset_count_missing (ds, 1), ==, 1);
  g_assert_cmpuint (uc_dataset_count_missing (ds, 2), ==, 1);
}

static void
test_type_inference (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = read_text ("a,b,c,d\n2025-02-30,1,inf,0x10\n2025-01-01,x,nan,1\n", -1, &error);

  g_assert_no_error (error);
  /* An impossible date, a word, inf/nan and hex all keep a column as text. */
  for (guint c = 0; c < 4; c++)
    g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==, UC_COLUMN_TEXT);
}

typedef struct
{
  const char *name;
  const char *text;
  gssize      len;
  UcCsvError  code;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", 0, UC_CSV_ERROR_EMPTY,
    "test.csv: line 1, column 1: the file is empty (expected a header row)" },
  { "only-blank-lines", "\n\r\n\n", -1, UC_CSV_ERROR_EMPTY,
    "test.csv: line 1, column 1: the file is empty (expected a header row)" },
  { "unterminated-quote", "a,b\n1,\"never closed\n2,3\n", -1, UC_CSV_ERROR_UNTERMINATED_QUOTE,
    "test.csv: line 2, column 3: quoted field is never closed" },
  { "text-after-quote", "a,b\n1,2\n\"x\"y,3\n", -1, UC_CSV_ERROR_BAD_QUOTE,
    "test.csv: line 3, column 4: unexpected text after the closing quote" },
  { "quote-in-field", "a,b\n1,5\" screen\n", -1, UC_CSV_ERROR_BAD_QUOTE,
    "test.csv: line 2, column 4: quote inside an unquoted field (quote the whole field and double the quote)" },
  { "too-many-fields", "a,b\n1,2\n3,4,5\n", -1, UC_CSV_ERROR_FIELD_COUNT,
    "test.csv: line 3, column 5: too many fields: the header has 2" },
  { "too-few-fields", "a,b,c\r\n1,2,3\r\n4,5\r\n", -1, UC_CSV_ERROR_FIELD_COUNT,
    "test.csv: line 3, column 4: 2 fields where the header has 3" },
  { "invalid-utf8", "a,b\n1,caf\xe9\n", -1, UC_CSV_ERROR_ENCODING,
    "test.csv: line 2, column 6: invalid UTF-8 byte 0xE9" },
  { "nul-byte", "a,b\n1,2\n3,\0\n", 11, UC_CSV_ERROR_NUL_BYTE,
    "test.csv: line 3, column 3: NUL byte in the file (is it a text file?)" },
  { "empty-header-name", "date,,close\n2025-01-01,a,1\n", -1, UC_CSV_ERROR_HEADER,
    "test.csv: line 1, column 6: column 2 has no name in the header" },
  { "duplicate-header", "date,close,close\n2025-01-01,1,2\n", -1, UC_CSV_ERROR_HEADER,
    "test.csv: line 1, column 12: column name “close” appears twice in the header" },
  { "position-after-multiline-field", "a,b\n\"x\ny\",1\n2,3,4\n", -1, UC_CSV_ERROR_FIELD_COUNT,
    "test.csv: line 4, column 5: too many fields: the header has 2" },
  { "column-counts-characters", "a,b\n\"é€\"x,1\n", -1, UC_CSV_ERROR_BAD_QUOTE,
    "test.csv: line 2, column 5: unexpected text after the closing quote" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = read_text (bad->text, bad->len, &error);

  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, (int) bad->code);
  g_assert_cmpstr (error->message, ==, bad->message);
}

static void
test_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quoted-crlf.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, &error);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/file.csv");
  g_autoptr(UcDataset) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 3);
  g_assert_cmpstr (uc_dataset_get_texts (ds, 1)[2], ==, "Says \"hi\", twice");

  none = uc_csv_read_file (missing, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/simple", test_simple);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/missing-values", test_missing_values);
  g_test_add_func ("/csv/type-inference", test_type_inference);
  g_test_add_func ("/csv/file", test_file);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
