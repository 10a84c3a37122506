/* test-csv.c: the CSV reader on good files, odd dialects and bad input */
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "uc-csv.h"
#include "uc-parse.h"

static UcDataset *
read_opts (const char          *text,
           gssize               len,
           const UcCsvOptions  *options,
           UcCsvReport        **report,
           GError             **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);

  return uc_csv_read_bytes (bytes, "test.csv", options, report, error);
}

static UcDataset *
read_text (const char  *text,
           gssize       len,
           GError     **error)
{
  return read_opts (text, len, NULL, NULL, error);
}

static const char *
text_at (UcDataset *ds, guint c, guint r)
{
  return uc_dataset_get_text (ds, c, r);
}

static gboolean
report_has (UcCsvReport *report,
            const char  *needle)
{
  for (guint i = 0; i < report->warnings->len; i++)
    if (strstr (g_ptr_array_index (report->warnings, i), needle))
      return TRUE;
  return FALSE;
}

static void
test_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("date,ticker,close\n2025-01-24,NVDA,142.4073\n2025-01-27,NVDA,118.2434\n",
                                       -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 3);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_cmpint (uc_dataset_find_column (ds, "close"), ==, 2);
  g_assert_cmpint (uc_dataset_find_column (ds, "volume"), ==, -1);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[1], ==, uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpstr (text_at (ds, 1, 0), ==, "NVDA");
  /* Interned: equal cells share one code. */
  g_assert_cmpuint (uc_dataset_get_codes (ds, 1)[0], ==, uc_dataset_get_codes (ds, 1)[1]);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 142.4073);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, 118.2434);

  g_assert_cmpstr (report->delimiter, ==, ",");
  g_assert_cmpint (report->decimal, ==, '.');
  g_assert_cmpstr (report->encoding, ==, "UTF-8");
  g_assert_cmpstr (report->line_ending, ==, "LF");
  g_assert_cmpuint (report->header_row, ==, 1);
  g_assert_cmpuint (report->n_warnings, ==, 0);
}

static void
test_quoting (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  const char *text =
    "\xEF\xBB\xBF" "title,description,value\r\n"
    "\"DeepSeek-R1 released (open weights, MIT)\",\"She said \"\"cheap\"\"\",\"1.5\"\r\n"
    "plain,\"two\r\nlines\",-2e3\r\n";
  g_autoptr(UcDataset) ds = read_opts (text, -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  /* The byte order mark is not part of the first name. */
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 0), ==, "title");
  g_assert_cmpstr (text_at (ds, 0, 0), ==, "DeepSeek-R1 released (open weights, MIT)");
  g_assert_cmpstr (text_at (ds, 1, 0), ==, "She said \"cheap\"");
  g_assert_cmpstr (text_at (ds, 1, 1), ==, "two\r\nlines");
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 1.5);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, -2000);
  g_assert_cmpstr (report->encoding, ==, "UTF-8 with BOM");
  g_assert_cmpstr (report->line_ending, ==, "CRLF");
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
      g_assert_cmpstr (text_at (ds, 1, 1), ==, "y");
    }
}

static void
test_missing_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("date,value,note\n2025-01-01,1,\n NA ,.,x\n2025-01-03, 3 ,NA\n2025-01-04,#N/A,-\n2025-01-05,null,y\n",
                                       -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[1], ==, UC_TIME_MISSING);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 1)[1]));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[2], ==, 3);
  g_assert_cmpuint (uc_dataset_count_missing (ds, 1), ==, 3);
  /* In a text column "NA" may be Namibia: only empty cells are missing. */
  g_assert_null (text_at (ds, 2, 0));
  g_assert_cmpstr (text_at (ds, 2, 2), ==, "NA");
  g_assert_cmpuint (report->n_warnings, ==, 0);
}

static void
test_mostly_numbers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(GString) csv = g_string_new ("id,value\n");
  g_autoptr(UcDataset) ds = NULL;

  for (int i = 0; i < 100; i++)
    g_string_append_printf (csv, "%d,%s\n", i, i == 41 ? "n.a." : i == 77 ? "oops" : "1.5");
  ds = read_opts (csv->str, -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 1)[41]));
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 1)[77]));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[42], ==, 1.5);
  /* Each bad cell is named with its line and column. */
  g_assert_true (report_has (report, "line 43, column 4: “n.a.” in column “value” is not a number"));
  g_assert_true (report_has (report, "line 79, column 4: “oops”"));
  g_assert_cmpuint (report->n_warnings, ==, 2);
}

static void
test_mostly_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("code\n");
  g_autoptr(UcDataset) ds = NULL;

  /* Numbers at the start, words later: the sample misleads, the reader recovers. */
  for (int i = 0; i < 3000; i++)
    g_string_append_printf (csv, i < 1500 ? "%d\n" : "X%d\n", i);
  ds = read_text (csv->str, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_TEXT);
  g_assert_cmpstr (text_at (ds, 0, 0), ==, "0");
  g_assert_cmpstr (text_at (ds, 0, 2999), ==, "X2999");
}

static void
test_type_inference (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = read_text ("a,b,c,d\n2025-02-30,1,inf,0x10\n2025-01-01,x,nan,1\n", -1, &error);

  g_assert_no_error (error);
  /* Half the values impossible dates, a word, hex: these columns are text. */
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 3), ==, UC_COLUMN_TEXT);
  /* inf is a number that is not finite: a bad cell of a number column. */
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 2)[0]));
}

static void
test_semicolon_decimal_comma (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("Datum;Wert;Anteil\n27.01.2025;1.234,5;12,5 %\n28.01.2025;-3,25;7 %\n",
                                       -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->delimiter, ==, ";");
  g_assert_cmpint (report->decimal, ==, ',');
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 1234.5);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[1], ==, -3.25);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 12.5);
  g_assert_cmpstr (uc_dataset_get_column_unit (ds, 2), ==, "%");
}

static void
test_tab_and_pipe (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcCsvReport) report2 = NULL;
  g_autoptr(UcDataset) tsv = read_opts ("time\tvalue, with comma\n2025-01\t1\n2025-02\t2\n", -1, NULL, &report, &error);
  g_autoptr(UcDataset) psv = read_opts ("a|b\n1|2\n3|4\n", -1, NULL, &report2, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (report->delimiter, ==, "\t");
  g_assert_cmpstr (uc_dataset_get_column_name (tsv, 1), ==, "value, with comma");
  g_assert_cmpint (uc_dataset_get_date_unit (tsv, 0), ==, UC_DATE_UNIT_MONTH);
  g_assert_cmpint (uc_dataset_get_times (tsv, 0)[1], ==, uc_time_from_ymd (2025, 2, 1));
  g_assert_cmpstr (report2->delimiter, ==, "|");
  g_assert_cmpfloat (uc_dataset_get_numbers (psv, 1)[1], ==, 4);
}

static void
test_metadata_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  const char *text =
    "\"Data Source\",\"World Development Indicators\",\n"
    "\n"
    "\"Last Updated Date\",\"2024-12-16\",\n"
    "\n"
    "\"Country Name\",\"Country Code\",\"Indicator Name\",\"Indicator Code\",\"2022\",\"2023\",\n"
    "\"China\",\"CHN\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"17881782683707.3\",\"17794782039552\",\n"
    "\"Germany\",\"DEU\",\"GDP (current US$)\",\"NY.GDP.MKTP.CD\",\"4163596357879.39\",\"\",\n";
  g_autoptr(UcDataset) ds = read_opts (text, -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->header_row, ==, 5);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  /* The trailing comma's nameless empty column is dropped. */
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 6);
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 4), ==, "2022");
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 4)[0], ==, 17881782683707.3);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 5)[1]));
  g_assert_true (report_has (report, "lines 1–4 are not part of the table"));
}

static void
test_dates (void)
{
  const struct { const char *csv; UcColumnType type; UcTime first; const char *warning; } cases[] = {
    { "d\n2025/01/27\n2025/02/03\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 27), NULL },
    { "d\n27.01.2025\n03.02.2025\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 27), NULL },
    { "d\n01/27/2025\n02/03/2025\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 27), NULL },
    { "d\n03/02/2025\n27/01/2025\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 2, 3), NULL },
    { "d\n01/02/2025\n03/04/2025\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 2), "read as month/day/year" },
    { "d\n\"Jan 27, 2025\"\n\"Feb 3, 2025\"\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 27), NULL },
    { "d\n27-Jan-2025\n03-Feb-2025\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 27), NULL },
    { "d\n2025-Q1\n2025-Q2\n", UC_COLUMN_DATE, uc_time_from_ymd (2025, 1, 1), NULL },
    { "Year,v\n2023,1\n2024,2\n", UC_COLUMN_DATE, uc_time_from_ymd (2023, 1, 1), NULL },
    { "t\n2025-01-27T14:30:00Z\n2025-01-27T06:30:00+08:00\n", UC_COLUMN_DATETIME,
      uc_time_from_ymd (2025, 1, 27) + (gint64) (14 * 60 + 30) * 60 * G_USEC_PER_SEC, NULL },
    { "timestamp,v\n1737988200,1\n1737988260,2\n", UC_COLUMN_DATETIME,
      (gint64) 1737988200 * G_USEC_PER_SEC, NULL },
    { "unix_ms,v\n1737988200000,1\n1737988260000,2\n", UC_COLUMN_DATETIME,
      (gint64) 1737988200 * G_USEC_PER_SEC, NULL },
    /* A number column not called a timestamp stays a number. */
    { "count,v\n1737988200,1\n1737988260,2\n", UC_COLUMN_NUMBER, 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcCsvReport) report = NULL;
      g_autoptr(UcDataset) ds = read_opts (cases[i].csv, -1, NULL, &report, &error);

      g_test_message ("case %u: %s", i, cases[i].csv);
      g_assert_no_error (error);
      g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, cases[i].type);
      if (cases[i].type != UC_COLUMN_NUMBER)
        g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, cases[i].first);
      if (cases[i].warning)
        g_assert_true (report_has (report, cases[i].warning));
      else
        g_assert_cmpuint (report->n_warnings, ==, 0);
      /* Said apart from the warning, whose words a translation changes. */
      g_assert_cmpint (report->day_month_guessed, ==, cases[i].warning != NULL);
    }

  /* 06:30 at +08:00 is 22:30 UTC the day before: 16 hours earlier. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcDataset) ds = read_text (cases[9].csv, -1, &error);
    g_assert_cmpint (uc_dataset_get_times (ds, 0)[0] - uc_dataset_get_times (ds, 0)[1], ==, (gint64) 16 * 3600 * G_USEC_PER_SEC);
  }
}

static void
test_date_format_option (void)
{
  g_autoptr(GError) error = NULL;
  UcCsvOptions options;
  g_autoptr(UcDataset) ds = NULL;

  uc_csv_options_init (&options);
  options.date_format = "%d/%m/%Y";
  ds = read_opts ("d,v\n01/02/2025,1\n03/04/2025,2\n", -1, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, uc_time_from_ymd (2025, 2, 1));

  options.date_format = "%Q";
  g_clear_object (&ds);
  ds = read_opts ("d\n1\n", -1, &options, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION);
}

static void
test_money_and_suffixes (void)
{
  g_autoptr(GError) error = NULL;
  const char *text =
    "\"Date\",\"Price\",\"Vol.\",\"Change %\",\"Cap\"\n"
    "\"01/27/2025\",\"$1,234.56\",\"1.23M\",\"-0.54%\",\"€2,5\"\n"
    "\"01/24/2025\",\"$987.00\",\"850.1K\",\"+1.20%\",\"3\"\n";
  g_autoptr(UcDataset) ds = read_text (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 1234.56);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 1230000);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, 850100);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 3)[0], ==, -0.54);
  g_assert_cmpstr (uc_dataset_get_column_unit (ds, 3), ==, "%");
  /* "€2,5" is not a number with a decimal point here: the column is text. */
  g_assert_cmpint (uc_dataset_get_column_type (ds, 4), ==, UC_COLUMN_TEXT);
}

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  /* "Stadt;Wert\nKöln;1\nMünchen;2\n" in Windows-1252 */
  const char cp1252[] = "Stadt;Wert\nK\xf6ln;1\nM\xfcnchen;2\n\x80;3\n";
  g_autoptr(UcDataset) ds = read_opts (cp1252, -1, NULL, &report, &error);
  g_autoptr(UcCsvReport) report16 = NULL;
  g_autoptr(UcDataset) ds16 = NULL;
  g_autofree char *utf16 = NULL;
  gsize len16;
  GString *with_bom;

  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (text_at (ds, 0, 0), ==, "Köln");
  g_assert_cmpstr (text_at (ds, 0, 1), ==, "München");
  g_assert_cmpstr (text_at (ds, 0, 2), ==, "€");
  g_assert_true (report_has (report, "line 2, column 2: not valid UTF-8 (byte 0xF6)"));

  utf16 = g_convert ("name,v\nÖl,1\n", -1, "UTF-16LE", "UTF-8", NULL, &len16, NULL);
  with_bom = g_string_new_len ("\xff\xfe", 2);
  g_string_append_len (with_bom, utf16, len16);
  ds16 = read_opts (with_bom->str, with_bom->len, NULL, &report16, &error);
  g_string_free (with_bom, TRUE);
  g_assert_no_error (error);
  g_assert_cmpstr (report16->encoding, ==, "UTF-16LE");
  g_assert_cmpstr (text_at (ds16, 0, 0), ==, "Öl");
}

static void
test_header_fixes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("date,,close,close\n2025-01-01,a,1,2\n", -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 1), ==, "column 2");
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 3), ==, "close_2");
  g_assert_true (report_has (report, "line 1, column 13: column name “close” appears twice"));
}

static void
test_ragged_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12,,\n", -1, NULL, &report, &error);

  g_assert_no_error (error);
  /* Short rows are padded, rows with extra values are skipped, empty extras ignored. */
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 3);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 0)[1], ==, 4);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 2)[1]));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 0)[2], ==, 10);
  g_assert_true (report_has (report, "line 3: 2 fields where the header has 3; the rest read as missing"));
  g_assert_true (report_has (report, "line 4: 4 fields where the header has 3; row skipped"));
  g_assert_true (report_has (report, "line 5: empty fields after the last column; ignored"));
}

static void
test_lenient_quotes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("a,b\n5\" screen,\"x\"y\n", -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text_at (ds, 0, 0), ==, "5\" screen");
  g_assert_cmpstr (text_at (ds, 1, 0), ==, "xy");
  g_assert_true (report_has (report, "line 2, column 2: quote inside an unquoted field"));
  g_assert_true (report_has (report, "line 2, column 14: text after a closing quote"));
}

static void
test_big_field (void)
{
  g_autoptr(GError) error = NULL;
  gsize n = 10 * 1024 * 1024;
  GString *csv = g_string_sized_new (n + 64);
  g_autoptr(UcDataset) ds = NULL;

  g_string_append (csv, "id,blob\n1,\"");
  for (gsize i = 0; i < n; i++)
    g_string_append_c (csv, i % 1000 == 999 ? '\n' : 'x');
  g_string_append (csv, "\"\n2,small\n");
  ds = read_text (csv->str, csv->len, &error);
  g_string_free (csv, TRUE);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpuint (strlen (text_at (ds, 1, 0)), ==, n);
  g_assert_cmpstr (text_at (ds, 1, 1), ==, "small");
}

static void
test_parallel_matches_serial (void)
{
  g_autoptr(GString) csv = g_string_new ("timestamp,symbol,price,volume\n");
  const char *syms[] = { "NVDA", "MSFT", "BYDDY" };
  UcCsvOptions one, many;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) a = NULL;
  g_autoptr(UcDataset) b = NULL;

  for (int i = 0; i < 60000; i++)
    g_string_append_printf (csv, "2015-01-02T%02d:%02d,%s,%d.%04d,%d\n", 9 + i / 3600 % 10, i / 60 % 60,
                            syms[i % 3], 100 + i % 7, i % 10000, i);
  g_string_append (csv, "2015-01-03T10:00,NEW,bad,5\n");
  uc_csv_options_init (&one);
  uc_csv_options_init (&many);
  one.n_threads = 1;
  many.n_threads = 4;
  a = read_opts (csv->str, csv->len, &one, NULL, &error);
  g_assert_no_error (error);
  b = read_opts (csv->str, csv->len, &many, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (uc_dataset_get_n_rows (a), ==, 60001);
  g_assert_cmpuint (uc_dataset_get_n_rows (b), ==, 60001);
  for (guint r = 0; r < 60001; r++)
    {
      g_assert_cmpint (uc_dataset_get_times (a, 0)[r], ==, uc_dataset_get_times (b, 0)[r]);
      g_assert_cmpstr (text_at (a, 1, r), ==, text_at (b, 1, r));
      if (r < 60000)
        g_assert_cmpfloat (uc_dataset_get_numbers (a, 2)[r], ==, uc_dataset_get_numbers (b, 2)[r]);
      g_assert_cmpfloat (uc_dataset_get_numbers (a, 3)[r], ==, uc_dataset_get_numbers (b, 3)[r]);
    }
  g_assert_true (isnan (uc_dataset_get_numbers (b, 2)[60000]));
  /* Codes are shared across threads: four distinct symbols. */
  g_assert_cmpuint (uc_string_table_size (uc_dataset_get_string_table (b, 1)), ==, 4);
}

/* Plain decimals of every short shape, read by the quote-free fast paths,
 * come out as the general reader (a file with a quote) and strtod read
 * them: bit for bit, the sign of zero too. */
static void
test_plain_numbers_exact (void)
{
  g_autoptr(GString) plain = g_string_new ("n,x,tail\n");
  g_autoptr(GString) quoted = g_string_new ("n,x,tail\n-1,0,\"quoted\"\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (char *));
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) a = NULL;
  g_autoptr(UcDataset) b = NULL;
  UcCsvOptions options;

  for (guint r = 0; r < 40000; r++)
    {
      GString *cell = g_string_new (g_rand_boolean (rand) && g_rand_int_range (rand, 0, 4) == 0 ? "-" : "");
      int whole = g_rand_int_range (rand, 0, 11), frac = g_rand_int_range (rand, -1, 11);
      char *text;

      for (int k = 0; k < whole; k++)
        g_string_append_c (cell, (char) ('0' + g_rand_int_range (rand, 0, 10)));
      if (frac >= 0)
        g_string_append_c (cell, '.');
      for (int k = 0; k < frac; k++)
        g_string_append_c (cell, (char) ('0' + g_rand_int_range (rand, 0, 10)));
      if (whole + MAX (frac, 0) == 0)
        g_string_append_c (cell, '7');
      text = g_string_free (cell, FALSE);
      g_array_append_val (texts, text);
      /* Rows of every length about the fast path's 64-byte window. */
      g_string_append_printf (plain, "%u,%s,%.*s\n", r, text, (int) (r % 70), "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt");
      g_string_append_printf (quoted, "%u,%s,%.*s\n", r, text, (int) (r % 70), "tttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt");
    }
  uc_csv_options_init (&options);
  options.n_threads = 1;
  a = read_opts (plain->str, plain->len, &options, NULL, &error);
  g_assert_no_error (error);
  b = read_opts (quoted->str, quoted->len, &options, NULL, &error);
  g_assert_no_error (error);
  for (guint r = 0; r < texts->len; r++)
    {
      const char *text = g_array_index (texts, char *, r);
      double want = g_ascii_strtod (text, NULL);
      double got = uc_dataset_get_numbers (a, 1)[r], general = uc_dataset_get_numbers (b, 1)[r + 1];

      if (memcmp (&got, &want, sizeof got) != 0 || memcmp (&general, &want, sizeof got) != 0)
        g_error ("row %u: “%s” read as %.17g (general %.17g), strtod %.17g", r, text, got, general, want);
    }
  for (guint r = 0; r < texts->len; r++)
    g_free (g_array_index (texts, char *, r));
}

/* Lines counted 16 or 32 bytes at a time, whatever the processor has:
 * accented text (which sends the scan to its byte-at-a-time loop and back)
 * and CRLF pairs at every offset, the line of a bad cell near the end
 * named right when read in parallel. */
static void
test_scan_line_numbers (void)
{
  const char *words[] = { "café", "naïve", "plain", "Zürich €" };
  g_autoptr(GString) csv = g_string_new ("n,word,v\r\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autofree char *named = NULL;
  g_autofree char *before = NULL;
  UcCsvOptions options;
  guint rows = 0, line = 1;

  for (; csv->len < 3 * 1024 * 1024; rows++, line++)
    {
      if (rows % 1000 == 999)
        {
          g_string_append (csv, "\r\n");   /* a blank line */
          line++;
        }
      g_string_append_printf (csv, "%u,%s,%u%s\r\n", rows, words[rows % 3 == 0 ? (rows / 3) % 4 : 2],
                              rows % 97, rows % 7 == 0 ? "" : ".5");
    }
  g_string_append_printf (csv, "%u,plain,oops\r\n", rows++);
  line++;
  uc_csv_options_init (&options);
  options.n_threads = 3;
  ds = read_opts (csv->str, csv->len, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, rows);
  g_assert_cmpstr (text_at (ds, 1, 3), ==, "naïve");
  g_assert_cmpstr (text_at (ds, 1, rows - 3), ==, words[(rows - 3) % 3 == 0 ? ((rows - 3) / 3) % 4 : 2]);
  before = g_strdup_printf ("%u,plain,", rows - 1);
  named = g_strdup_printf ("line %u, column %u: “oops”", line, (guint) strlen (before) + 1);
  g_assert_true (report_has (report, named));
}

/* Chunks are laid out one after the other with no gap between them, as
 * many rows as each has lines: whatever the line ending, with or without a
 * last line break and with blank lines, the threads read what one does. */
static void
test_parallel_line_endings (void)
{
  const char *endings[] = { "\n", "\r\n", "\r" };

  for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
    for (guint last = 0; last < 2; last++)
      {
        g_autoptr(GString) csv = g_string_new ("day,symbol,price");
        UcCsvOptions one, many;
        g_autoptr(GError) error = NULL;
        g_autoptr(UcDataset) a = NULL;
        g_autoptr(UcDataset) b = NULL;
        guint rows = 0;

        for (; csv->len < 2 * 1024 * 1024; rows++)
          {
            g_string_append (csv, endings[e]);
            if (rows % 5000 == 4999)
              g_string_append (csv, endings[e]);   /* a blank line */
            g_string_append_printf (csv, "%u,%s,%u.%02u", rows, rows % 3 ? "NVDA" : "MSFT", rows % 977, rows % 100);
          }
        if (last)
          g_string_append (csv, endings[e]);
        uc_csv_options_init (&one);
        uc_csv_options_init (&many);
        one.n_threads = 1;
        many.n_threads = 4;
        a = read_opts (csv->str, csv->len, &one, NULL, &error);
        g_assert_no_error (error);
        b = read_opts (csv->str, csv->len, &many, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (uc_dataset_get_n_rows (a), ==, rows);
        g_assert_cmpuint (uc_dataset_get_n_rows (b), ==, rows);
        for (guint r = 0; r < rows; r++)
          {
            g_assert_cmpfloat (uc_dataset_get_numbers (b, 0)[r], ==, r);
            g_assert_cmpstr (text_at (b, 1, r), ==, r % 3 ? "NVDA" : "MSFT");
            g_assert_cmpfloat (uc_dataset_get_numbers (b, 2)[r], ==, uc_dataset_get_numbers (a, 2)[r]);
          }
      }
}

/* The string table's short strings are read as overlapping words and
 * remembered two to a set: strings of every length up to past a word that
 * share their first bytes, met again in another order, keep their codes. */
static void
test_string_table_short (void)
{
  UcStringTable *table = uc_string_table_new ();
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint32 *codes = NULL;
  const char letters[] = "ab\001";

  for (guint n = 1; n <= 3000; n++)
    {
      GString *t = g_string_new (NULL);

      /* n in base 3 over three letters, one of them a control byte. */
      for (guint v = n; v > 0; v /= 3)
        g_string_append_c (t, letters[v % 3]);
      g_ptr_array_add (texts, g_string_free (t, FALSE));
    }
  codes = g_new (guint32, texts->len);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = texts->pdata[i];

      codes[i] = uc_string_table_intern (table, t, strlen (t));
      g_assert_cmpuint (codes[i], ==, i + 1);   /* each one new */
      g_assert_cmpstr (uc_string_table_get (table, codes[i]), ==, t);
    }
  g_assert_cmpuint (uc_string_table_size (table), ==, texts->len);
  for (guint k = 0; k < 4 * texts->len; k++)
    {
      guint i = (k * 7919) % texts->len;
      const char *t = texts->pdata[i];

      g_assert_cmpuint (uc_string_table_intern (table, t, strlen (t)), ==, codes[i]);
      g_assert_cmpuint (uc_string_table_lookup (table, t, strlen (t)), ==, codes[i]);
    }
  /* Same first bytes, one longer: not the same string. */
  g_assert_cmpuint (uc_string_table_intern (table, "abab\0", 5), !=, uc_string_table_lookup (table, "abab", 4));
  uc_string_table_free (table);
}

/* ISO cells remembered whole (ticks repeat each time once per symbol):
 * a cell that differs from the last one only in its seconds, minutes or
 * day still reads as itself. */
static void
test_iso_cell_cache (void)
{
  const char *cells[] = { "2015-01-02T09:30", "2015-01-02T09:30", "2015-01-02T09:31", "2015-01-03T09:31",
                          "2015-01-02 09:31:59", "2015-01-02 09:31:58", "2015-01-02T09:31", "2015-01-02" };
  g_autoptr(GString) csv = g_string_new ("time,v\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    g_string_append_printf (csv, "%s,%u\n", cells[i], i);
  ds = read_opts (csv->str, csv->len, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      UcTime t;

      g_assert_true (uc_parse_date (cells[i], strlen (cells[i]),
                                    strlen (cells[i]) == 10 ? UC_DATE_ISO : UC_DATE_ISO_DATETIME, &t));
      g_assert_cmpint (uc_dataset_get_times (ds, 0)[i], ==, t);
    }
}

/* Times on the day of the cell before (read inline) are checked as any:
 * an hour past 24, a minute past 59 or a letter make the cell missing
 * (24:00 and a leap second are read by the general parser, as before). */
static void
test_iso_same_day (void)
{
  const char *bad[] = { "2015-01-02T25:00", "2015-01-02T09:61", "2015-01-02T09:3x", "2015-01-02 09:31:7x",
                        "2015-01-02T09:31:5" };
  g_autoptr(GString) csv = g_string_new ("time,v\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;
  guint rows = 0;

  for (guint i = 0; i < 200; i++, rows++)
    {
      if (i % 40 == 20)
        g_string_append_printf (csv, "%s,%u\n", bad[i / 40], i);
      else
        g_string_append_printf (csv, "2015-01-02%c%02u:%02u%s,%u\n", i % 3 ? 'T' : ' ', 9 + i / 60, i % 60,
                                i % 2 ? ":07" : "", i);
    }
  ds = read_opts (csv->str, csv->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATETIME);
  for (guint i = 0; i < rows; i++)
    if (i % 40 == 20)
      g_assert_cmpint (uc_dataset_get_times (ds, 0)[i], ==, UC_TIME_MISSING);
    else
      g_assert_cmpint (uc_dataset_get_times (ds, 0)[i], ==,
                       uc_time_from_ymd (2015, 1, 2) + (gint64) (((9 + i / 60) * 60 + i % 60) * 60 + (i % 2 ? 7 : 0)) * G_USEC_PER_SEC);
}

/* Short text cells are coded from a cache of the last ones seen, by their
 * bytes: cells of every length up to past eight bytes that share their
 * first bytes, the last one at the very end of the file, in one chunk or
 * in several, read back as themselves. */
static void
test_text_cache (void)
{
  const char *words[] = { "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi",
                          "AB1", "AB2", "BYDDY", "NVDA", "N", "abcdefgi" };
  g_autoptr(GString) csv = g_string_new ("n,sym");
  guint rows = 0;

  for (; csv->len < 1536 * 1024; rows++)
    g_string_append_printf (csv, "\n%u,%s", rows, words[(rows * 7 + rows / 3) % G_N_ELEMENTS (words)]);
  for (guint threads = 1; threads <= 4; threads += 3)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcDataset) ds = NULL;
      UcCsvOptions options;

      uc_csv_options_init (&options);
      options.n_threads = threads;
      ds = read_opts (csv->str, csv->len, &options, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, rows);
      for (guint r = 0; r < rows; r++)
        g_assert_cmpstr (text_at (ds, 1, r), ==, words[(r * 7 + r / 3) % G_N_ELEMENTS (words)]);
      g_assert_cmpuint (uc_string_table_size (uc_dataset_get_string_table (ds, 1)), ==, G_N_ELEMENTS (words));
    }
}

/* Quotes only late in a file read in parallel: the chunks are joined into
 * one, read as quoted text, so a quoted cell loses its quotes as it does
 * in a serial read. */
static void
test_parallel_late_quotes (void)
{
  g_autoptr(GString) csv = g_string_new ("date,ticker,note\n");
  UcCsvOptions one, many;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) a = NULL;
  g_autoptr(UcDataset) b = NULL;
  guint rows = 0;

  for (; csv->len < 3 * 1024 * 1024; rows++)
    g_string_append_printf (csv, "2015-01-%02u,%s,%s\n", 1 + rows % 28, rows % 2 ? "NVDA" : "MSFT",
                            csv->len < 2 * 1024 * 1024 ? "plain" : "\"S3, quoted\"");
  uc_csv_options_init (&one);
  uc_csv_options_init (&many);
  one.n_threads = 1;
  many.n_threads = 4;
  a = read_opts (csv->str, csv->len, &one, NULL, &error);
  g_assert_no_error (error);
  b = read_opts (csv->str, csv->len, &many, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (b), ==, rows);
  g_assert_cmpstr (text_at (a, 2, rows - 1), ==, "S3, quoted");
  for (guint r = 0; r < rows; r++)
    g_assert_cmpstr (text_at (a, 2, r), ==, text_at (b, 2, r));
}

typedef struct
{
  const char *name;
  const char *text;
  gssize      len;
  gboolean    strict;
  UcCsvError  code;
  const char *message;
} BadCase;

static const BadCase bad_cases[] = {
  { "empty", "", 0, FALSE, UC_CSV_ERROR_EMPTY,
    "test.csv: line 1, column 1: the file is empty (expected a header row)" },
  { "only-blank-lines", "\n\r\n\n", -1, FALSE, UC_CSV_ERROR_EMPTY,
    "test.csv: line 1, column 1: the file is empty (expected a header row)" },
  { "unterminated-quote", "a,b\n1,\"never closed\n2,3\n", -1, FALSE, UC_CSV_ERROR_UNTERMINATED_QUOTE,
    "test.csv: line 2, column 3: quoted field is never closed" },
  { "text-after-quote", "a,b\n1,2\n\"x\"y,3\n", -1, TRUE, UC_CSV_ERROR_BAD_QUOTE,
    "test.csv: line 3, column 4: unexpected text after the closing quote" },
  { "quote-in-field", "a,b\n1,5\" screen\n", -1, TRUE, UC_CSV_ERROR_BAD_QUOTE,
    "test.csv: line 2, column 4: quote inside an unquoted field (quote the whole field and double the quote)" },
  { "too-many-fields", "a,b\n1,2\n3,4,5\n", -1, TRUE, UC_CSV_ERROR_FIELD_COUNT,
    "test.csv: line 3, column 5: too many fields: the header has 2" },
  { "too-few-fields", "a,b,c\r\n1,2,3\r\n4,5\r\n", -1, TRUE, UC_CSV_ERROR_FIELD_COUNT,
    "test.csv: line 3, column 4: 2 fields where the header has 3" },
  { "invalid-utf8-with-bom", "\xEF\xBB\xBF" "a,b\n1,caf\xe9\n", -1, FALSE, UC_CSV_ERROR_ENCODING,
    "test.csv: line 2, column 6: invalid UTF-8 byte 0xE9" },
  { "nul-byte", "a,b\n1,2\n3,\0\n", 11, FALSE, UC_CSV_ERROR_NUL_BYTE,
    "test.csv: line 3, column 3: NUL byte in the file (is it a text file?)" },
  { "empty-header-name", "date,,close\n2025-01-01,a,1\n", -1, TRUE, UC_CSV_ERROR_HEADER,
    "test.csv: line 1, column 6: column 2 has no name in the header" },
  { "duplicate-header", "date,close,close\n2025-01-01,1,2\n", -1, TRUE, UC_CSV_ERROR_HEADER,
    "test.csv: line 1, column 12: column name “close” appears twice in the header" },
  { "position-after-multiline-field", "a,b\n\"x\ny\",1\n2,3,4\n", -1, TRUE, UC_CSV_ERROR_FIELD_COUNT,
    "test.csv: line 4, column 5: too many fields: the header has 2" },
  { "column-counts-characters", "a,b\n\"é€\"x,1\n", -1, TRUE, UC_CSV_ERROR_BAD_QUOTE,
    "test.csv: line 2, column 5: unexpected text after the closing quote" },
  { "unterminated-quote-in-header", "a,\"b\n1,2\n", -1, FALSE, UC_CSV_ERROR_UNTERMINATED_QUOTE,
    "test.csv: line 1, column 3: quoted field is never closed" },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *bad = data;
  g_autoptr(GError) error = NULL;
  UcCsvOptions options;
  g_autoptr(UcDataset) ds = NULL;

  uc_csv_options_init (&options);
  options.strict = bad->strict;
  ds = read_opts (bad->text, bad->len, &options, NULL, &error);
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
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/file.csv");
  g_autoptr(UcDataset) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 3);
  g_assert_cmpstr (text_at (ds, 1, 2), ==, "Says \"hi\", twice");

  none = uc_csv_read_file (missing, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  UcDataset **out = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;

  *out = uc_csv_read_file_finish (result, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
}

static void
test_async_and_cancel (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "quoted-crlf.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  UcDataset *ds = NULL;
  UcDataset *none;

  uc_csv_read_file_async (file, NULL, NULL, on_read, &ds);
  while (ds == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 3);
  g_object_unref (ds);

  g_cancellable_cancel (cancellable);
  none = uc_csv_read_file (file, NULL, NULL, NULL, cancellable, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static GThread *progress_thread;

/* Progress rises to 1, told by the thread that asked for the read only,
 * though several read the chunks. */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_true (g_thread_self () == progress_thread);
  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_progress_and_stream (void)
{
  g_autoptr(GString) csv = g_string_new ("t,v\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(UcDataset) from_stream = NULL;
  g_autoptr(GInputStream) stream = NULL;
  UcCsvOptions options;
  int fd;
  double last = 0;

  for (int i = 0; i < 200000; i++)
    g_string_append_printf (csv, "%d,%d.5\n", i, i);
  fd = g_file_open_tmp ("uc-progress-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  file = g_file_new_for_path (path);

  progress_thread = g_thread_self ();
  uc_csv_options_init (&options);
  options.n_threads = 4;
  ds = uc_csv_read_file (file, &options, on_progress, &last, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 200000);
  g_assert_cmpfloat (last, ==, 1.0);

  stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
  from_stream = uc_csv_read_stream (stream, "stream.csv", NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (from_stream), ==, 200000);
  g_assert_cmpfloat (uc_dataset_get_numbers (from_stream, 1)[199999], ==, 199999.5);
  g_unlink (path);
}

static const char *lease_path;
static gboolean writer_held_back;

/* During the read, a writer that will not wait is turned away. Tried at
 * the first report from the reading thread: halfway, or when the helper
 * threads took every chunk, at the end (1.0, still within the lease). */
static void
try_to_write (double   fraction,
              gpointer user_data)
{
  int fd;

  if (fraction <= 0 || writer_held_back)
    return;
  fd = open (lease_path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd >= 0)
    close (fd);
  else
    writer_held_back = errno == EWOULDBLOCK;
}

/* A file of ours is mapped while a read lease keeps writers out: one that
 * does not wait is turned away during the read, and let in after it. A
 * file someone has open for writing gets no lease: it is copied, and read
 * the same. */
static void
test_read_lease (void)
{
  g_autoptr(GString) csv = g_string_new ("t,v\n");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) leased = NULL;
  g_autoptr(UcDataset) copied = NULL;
  gboolean leases;
  int fd, writer;

  for (int i = 0; i < 200000; i++)
    g_string_append_printf (csv, "%d,%d.25\n", i, i);
  fd = g_file_open_tmp ("uc-lease-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
  file = g_file_new_for_path (path);
  /* Not every file system has leases (NFS, some FUSE): then only the read. */
  fd = open (path, O_RDONLY | O_CLOEXEC);
  leases = fcntl (fd, F_SETLEASE, F_RDLCK) == 0;
  close (fd);
  if (!leases)
    g_test_message ("no leases on %s: the writer is not checked", path);

  lease_path = path;
  writer_held_back = FALSE;
  leased = uc_csv_read_file (file, NULL, try_to_write, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (leased), ==, 200000);
  g_assert_true (writer_held_back || !leases);
  writer = open (path, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  g_assert_cmpint (writer, >=, 0);

  /* Open for writing: no lease, a copy. */
  copied = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (copied), ==, 200000);
  g_assert_cmpfloat (uc_dataset_get_numbers (copied, 1)[199999], ==, 199999.25);
  close (writer);
  g_unlink (path);
}

/* Large files are checked for UTF-8 while lines are counted: a bad byte
 * deep inside still switches the whole file to Windows-1252. */
/* Text in a legacy code page: Windows-1250 when its letters read as
 * Polish, Czech or Hungarian there, else Windows-1252. */
static void
check_code_page (const char *utf8,
                 const char *code_page,
                 const char *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  gsize len = 0;
  g_autofree char *bytes = g_convert (utf8, -1, code_page, "UTF-8", NULL, &len, &error);
  g_autofree char *warning = g_strdup_printf ("the file was read as Windows-%s", code_page + strlen ("WINDOWS-"));

  g_assert_no_error (error);
  ds = read_opts (bytes, len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, code_page);
  g_assert_true (report_has (report, warning));
  g_assert_cmpstr (text_at (ds, 0, 0), ==, first);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 1);
}

static void
test_code_pages (void)
{
  check_code_page ("miasto,ludność\nŁódź,1\nKraków,2\nGdańsk,3\nBiałystok,4\nCzęstochowa,5\n",
                   "WINDOWS-1250", "Łódź");
  check_code_page ("obec,počet\nPlzeň,1\nČeské Budějovice,2\nÚstí nad Labem,3\nHradec Králové,4\n",
                   "WINDOWS-1250", "Plzeň");
  check_code_page ("város,érték\nGyőr,1\nSzékesfehérvár,2\nHódmezővásárhely,3\nTűzoltó,4\n",
                   "WINDOWS-1250", "Győr");
  /* ő (0xF5, õ in 1252) beside ö and ü, with no ű to tell: still Hungarian. */
  check_code_page ("terület,lakos\nfőváros,1\nGyőr-Moson-Sopron,2\nKözép-Dunántúl,3\nVeszprém,4\n",
                   "WINDOWS-1250", "főváros");
  /* õ beside ä is Estonian, beside ã Portuguese: 1252. */
  check_code_page ("linn,väärtus\nVõru,1\nPõltsamaa,2\nKärdla,3\nJõhvi,4\n",
                   "WINDOWS-1252", "Võru");
  check_code_page ("cidade,valor\nPõe,1\nMüller,2\nMaranhão,3\n",
                   "WINDOWS-1252", "Põe");
  check_code_page ("ville,valeur\nForêt-Noire,1\nPère-Lachaise,2\nà côté,3\nCréteil,4\n",
                   "WINDOWS-1252", "Forêt-Noire");
  check_code_page ("ciudad,valor\n¿Señor?,1\nEspaña,2\nCoruña,3\n¡Olé!,4\n",
                   "WINDOWS-1252", "¿Señor?");
  check_code_page ("Stadt,Wert\nMünchen,1\nKöln,2\nGroß-Gerau,3\n",
                   "WINDOWS-1252", "München");
  check_code_page ("by,værdi\nKøbenhavn,1\nÅrhus,2\nÆrø,3\n",
                   "WINDOWS-1252", "København");
  check_code_page ("cidade,valor\nSão Paulo,1\nInformações,2\nAção,3\n",
                   "WINDOWS-1252", "São Paulo");
  check_code_page ("città,valore\nCittà,1\nCosì,2\nPerché,3\n",
                   "WINDOWS-1252", "Città");
}

/* A large file found not to be UTF-8 while its lines are counted. */
static void
test_large_cp1250 (void)
{
  g_autoptr(GString) csv = g_string_new ("miasto,v\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;

  for (int i = 0; i < 400000; i++)
    g_string_append_printf (csv, i == 300000 ? "\xA3\xF3" "d\x9F,%d\n" : "Warszawa,%d\n", i);
  ds = read_opts (csv->str, csv->len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "WINDOWS-1250");
  g_assert_cmpstr (text_at (ds, 0, 300000), ==, "Łódź");
  g_assert_true (report_has (report, "line 300002, column 1: not valid UTF-8 (byte 0xA3); the file was read as Windows-1250"));
}

static void
test_large_not_utf8 (void)
{
  g_autoptr(GString) csv = g_string_new ("name,v\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  UcCsvOptions utf8;

  for (int i = 0; i < 400000; i++)
    g_string_append_printf (csv, i == 300000 ? "M\xfcnchen,%d\n" : "Berlin,%d\n", i);
  ds = read_opts (csv->str, csv->len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (report->encoding, ==, "WINDOWS-1252");
  g_assert_cmpstr (text_at (ds, 0, 300000), ==, "München");
  g_assert_true (report_has (report, "line 300002, column 2: not valid UTF-8 (byte 0xFC)"));

  uc_csv_options_init (&utf8);
  utf8.encoding = "UTF-8";
  g_clear_object (&ds);
  ds = read_opts (csv->str, csv->len, &utf8, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==, "test.csv: line 300002, column 2: invalid UTF-8 byte 0xFC");
}

/* Names checked against a hash: a repeated name and names that collide
 * with the suffixed ones are renamed, as before, and all end up unique. */
static void
test_duplicate_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("a,a,a_2,a,a_3,a_2\n1,2,3,4,5,6\n", -1, NULL, &report, &error);
  const char *expect[] = { "a", "a_2", "a_2_2", "a_3", "a_3_2", "a_2_3" };

  g_assert_no_error (error);
  for (guint c = 0; c < G_N_ELEMENTS (expect); c++)
    g_assert_cmpstr (uc_dataset_get_column_name (ds, c), ==, expect[c]);
  g_assert_true (report_has (report, "line 1, column 3: column name “a” appears twice; this one is called “a_2”"));
  g_assert_true (report_has (report, "line 1, column 11: column name “a_3” appears twice; this one is called “a_3_2”"));
  g_assert_cmpuint (report->n_warnings, ==, 5);
}

/* Headers took time growing with the square of their width, and the cube
 * with repeated names: 4,000 copies of one name took 74 s, 100,000 columns
 * 21 s. Sizes here stay small for the sanitizer build; the command line's
 * hostile tests read a million columns. */
static void
test_wide_header (void)
{
  const guint n = 8000;
  g_autoptr(GString) csv = g_string_new ("date");
  g_autoptr(GString) same = g_string_new ("date");
  g_autoptr(GString) copies = g_string_new ("date");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(UcDataset) picked = NULL;
  const char *wanted[] = { "c7999", "date", NULL };
  UcCsvOptions options;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, ",c%u", i);
      /* a, a_2, a, a_3, …: every other name collides with a renamed one */
      if (i % 2 == 0)
        g_string_append (same, ",a");
      else
        g_string_append_printf (same, ",a_%u", i / 2 + 2);
      if (i < 4000)
        g_string_append (copies, ",name");
    }
  g_string_append (csv, "\n2025-01-01");
  g_string_append (same, "\n2025-01-01");
  g_string_append (copies, "\n2025-01-01");
  for (guint i = 0; i < n; i++)
    {
      g_string_append (csv, ",1");
      g_string_append (same, ",1");
      if (i < 4000)
        g_string_append (copies, ",1");
    }
  g_string_append_c (csv, '\n');
  g_string_append_c (same, '\n');
  g_string_append_c (copies, '\n');

  ds = read_opts (csv->str, csv->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, n + 1);
  g_assert_cmpstr (uc_dataset_get_column_name (ds, n), ==, "c7999");
  g_assert_cmpint (uc_dataset_get_column_type (ds, n), ==, UC_COLUMN_NUMBER);

  /* Asked-for columns are found by name, not by a walk over all of them. */
  uc_csv_options_init (&options);
  options.columns = wanted;
  picked = read_opts (csv->str, csv->len, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_find_column (picked, "c7999"), >=, 0);

  g_clear_object (&ds);
  ds = read_opts (same->str, same->len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, n + 1);
  for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
    g_assert_true (g_hash_table_add (seen, (gpointer) uc_dataset_get_column_name (ds, c)));
  g_assert_cmpuint (report->n_warnings, >=, n / 2);

  g_clear_object (&ds);
  g_clear_pointer (&report, uc_csv_report_free);
  ds = read_opts (copies->str, copies->len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_dataset_get_column_name (ds, 4000), ==, "name_4000");
  g_assert_cmpuint (report->n_warnings, ==, 3999);
}

/* The width of a header bounds what is set aside per column: past two
 * million columns the file is refused, with a message, before any of it. */
static void
test_too_many_columns (void)
{
  const gsize n = 2097153;
  g_autoptr(GString) csv = g_string_sized_new (2 * n + 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = NULL;

  g_string_append_c (csv, 'a');
  for (gsize i = 1; i < n; i++)
    g_string_append (csv, ",b");
  g_string_append (csv, "\n1\n");
  ds = read_opts (csv->str, csv->len, NULL, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "test.csv: line 1, column 1: the header has more than 2097152 columns");
}

/* One impossible date among good ones is a bad cell, named, and the column
 * stays a date column; so for datetimes. */
/* YYYYMMDD columns are dates only when every value is a day in 1900–2100;
 * eight-digit codes and amounts stay numbers; a pattern always wins. */
static void
test_compact_dates (void)
{
  const char *csv = "date,amount,id,when\n"
                    "20250127,12345678,20251399,20250127\n"
                    "20250128,23456789,20250101,20250128\n"
                    "20250131,34567890,20250102,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts (csv, -1, NULL, &report, &error);
  UcCsvOptions options;

  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpstr (g_ptr_array_index (report->formats, 0), ==, "%Y%m%d");
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, uc_time_from_ymd (2025, 1, 27));
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[2], ==, uc_time_from_ymd (2025, 1, 31));
  /* 12345678 is no date: the whole column stays numbers. */
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 12345678);
  /* 20251399 is no calendar day. */
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, 20250101);
  /* Missing cells do not stop a date column. */
  g_assert_cmpint (uc_dataset_get_column_type (ds, 3), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 3)[2], ==, UC_TIME_MISSING);
  g_assert_cmpuint (report->n_warnings, ==, 0);
  g_clear_object (&ds);
  g_clear_pointer (&report, uc_csv_report_free);

  /* Out of 1900–2100: numbers. */
  ds = read_opts ("k,v\n18991231,1\n21010101,2\n", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_NUMBER);
  g_clear_object (&ds);

  /* A given format forces the reading, either way. */
  uc_csv_options_init (&options);
  options.date_format = "%Y%m%d";
  ds = read_opts ("k,v\n18991231,1\n21010101,2\n", -1, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, uc_time_from_ymd (1899, 12, 31));
  g_clear_object (&ds);
  options.date_format = "%Y%d%m";
  ds = read_opts ("k,v\n20250201,1\n20251301,2\n", -1, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, uc_time_from_ymd (2025, 1, 2));
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[1], ==, uc_time_from_ymd (2025, 1, 13));
}

/* A wide table of one column per year whose newest years are still empty:
 * those stay numbers (all missing) like their neighbours; an empty column
 * unlike them (notes) stays text. */
static void
test_empty_year_columns (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("country,2021,2022,2023,2024,2025,notes\n"
                                       "PL,1.5,2,3,,,\n"
                                       "CZ,4,5,6,,,\n", -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 7);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_TEXT);
  for (guint c = 1; c <= 5; c++)
    g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 3)[1], ==, 6);
  for (guint c = 4; c <= 5; c++)
    {
      g_assert_cmpuint (uc_dataset_count_missing (ds, c), ==, 2);
      g_assert_true (isnan (uc_dataset_get_numbers (ds, c)[0]));
    }
  g_assert_cmpint (uc_dataset_get_column_type (ds, 6), ==, UC_COLUMN_TEXT);
  g_assert_cmpuint (uc_dataset_count_missing (ds, 6), ==, 2);
  g_assert_cmpuint (report->n_warnings, ==, 0);
  g_clear_object (&ds);

  /* An empty first year takes its right neighbour's kind. */
  ds = read_opts ("country;2020;2021\nPL;;1,5\n", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 1.5);
}

/* Notes or a legend after a blank line under the table are a footer, even
 * with a row of numbers in it (a multiplier must not become data); more
 * data after a blank line is still data. */
static void
test_footer_block (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("Date,Price,Volume\n"
                                       "2025-01-02,1.5,100\n"
                                       "2025-01-03,2.5,200\n"
                                       "\n"
                                       "Notes:\n"
                                       "Multiplier,1000,1\n"
                                       "1,1000,1000\n"
                                       ",,\n"
                                       "Source: a statistics office\n", -1, NULL, &report, &error);
  double lo, hi;

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  lo = MIN (uc_dataset_get_numbers (ds, 2)[0], uc_dataset_get_numbers (ds, 2)[1]);
  hi = MAX (uc_dataset_get_numbers (ds, 2)[0], uc_dataset_get_numbers (ds, 2)[1]);
  g_assert_cmpfloat (lo, ==, 100);
  g_assert_cmpfloat (hi, ==, 200);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[1], ==, 2.5);
  g_assert_true (report_has (report, "lines 5–9 under the table look like notes, not data; skipped"));
  g_assert_cmpuint (report->n_warnings, ==, 1);
  g_clear_object (&ds);
  g_clear_pointer (&report, uc_csv_report_free);

  /* More rows of values after a gap, with one label among them: data. */
  ds = read_opts ("Date,Price,Volume\n"
                  "2025-01-02,1.5,100\n"
                  "\n"
                  "2025-01-03,2.5,200\n"
                  "2025-01-04,3.5,300\n"
                  "2025-01-05,n/a,400\n", -1, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 4);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[3], ==, 400);
  g_assert_false (report_has (report, "notes"));
}

/* A narrower label line under a full header is its units, not a row. */
static void
test_units_under_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("Date,Price,Volume\n"
                                       ",USD,shares\n"
                                       "2025-01-02,1.5,100\n"
                                       "2025-01-03,2.5,200\n", -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_NUMBER);
  /* Units are joined on the names, as for a units line found above. */
  g_assert_cmpint (uc_dataset_find_column (ds, "Date"), ==, 0);
  g_assert_cmpint (uc_dataset_find_column (ds, "Price (USD)"), ==, 1);
  g_assert_cmpint (uc_dataset_find_column (ds, "Volume (shares)"), ==, 2);
  g_assert_cmpint (uc_dataset_get_times (ds, 0)[0], ==, uc_time_from_ymd (2025, 1, 2));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[1], ==, 200);
  g_assert_cmpuint (report->header_row, ==, 1);
  g_assert_cmpuint (report->n_warnings, ==, 0);
  g_clear_object (&ds);
  g_clear_pointer (&report, uc_csv_report_free);

  /* A short first row of values is data, and so is one of text above
   * rows that are not values. */
  ds = read_opts ("id,name,score\n1,,\n2,Bob,3\n", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpint (uc_dataset_find_column (ds, "name"), ==, 1);
  g_clear_object (&ds);
  ds = read_opts ("name,city,country\nBob,,\nAlice,Paris,France\n", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpstr (text_at (ds, 0, 0), ==, "Bob");
}

/* A statistics office's wide table: a title padded to the table's width
 * above a header whose names are years (which read as numbers), and rows
 * that only name a section ("Men;;;") under it. The header is the row of
 * years, not the title; a section row is data (its values missing), not
 * a units line. A first row of years that are not in even steps is data. */
static void
test_year_header_under_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("Population by sex and region, 1 January;;;;\n"
                                       "Region;Level;2023;2024;2025\n"
                                       "Men;;;;\n"
                                       "Budapest;capital;782 385;792 495;793 000\n"
                                       "Pest;county;647 178;649 530;651 002\n"
                                       "Women;;;;\n"
                                       "Budapest;capital;888 619;893 727;892 209\n", -1, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->header_row, ==, 2);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 5);
  g_assert_cmpint (uc_dataset_find_column (ds, "Region"), ==, 0);
  g_assert_cmpint (uc_dataset_find_column (ds, "2023"), ==, 2);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_TEXT);
  for (guint c = 2; c <= 4; c++)
    g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==, UC_COLUMN_NUMBER);
  g_assert_cmpstr (text_at (ds, 0, 0), ==, "Men");
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 2)[0]));
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 4)[1], ==, 793000);
  g_assert_cmpstr (text_at (ds, 0, 3), ==, "Women");
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[4], ==, 888619);
  g_clear_object (&ds);

  /* Years as values: uneven, or beside other numbers, they are data. */
  ds = read_opts ("a;b;c\n1990;2003;2004\n1991;2005;2010\n", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_clear_object (&ds);
  ds = read_opts ("id,from,to,until\n7,2001,2002,2003\n8,2004,2005,2006\n", -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 2001);
}

/* A legend of many one-field lines (and a few with commas in their prose)
 * above the header fills most of the rows sniffed, as in KNMI's daily
 * files: the table is still the wide rows under it. */
static void
test_long_legend_above_table (void)
{
  g_autoptr(GString) csv = g_string_new ("SOURCE: A WEATHER SERVICE\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;

  for (guint i = 0; i < 50; i++)
    g_string_append_printf (csv, i % 10 == 3 ? "P%u = pressure (north, east, south)\n" : "P%u = a quantity in 0.1 units\n", i);
  g_string_append (csv, "\n# STN,YYYYMMDD,   TG,   RH\n\n");
  for (guint d = 1; d <= 6; d++)
    g_string_append_printf (csv, "  260,202608%02u,  17%u,   -1\n", d, d);
  ds = read_opts (csv->str, csv->len, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->header_row, ==, 53);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 6);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 4);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_times (ds, 1)[5], ==, uc_time_from_ymd (2026, 8, 6));
  g_assert_cmpint (uc_dataset_find_column (ds, "TG"), ==, 2);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[0], ==, 171);
  g_clear_object (&ds);

  /* A one-column list with a few commas in it stays one column. */
  g_string_assign (csv, "name\n");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (csv, i == 7 || i == 20 ? "Smith, J%u\n" : "Person %u\n", i);
  ds = read_opts (csv->str, csv->len, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 1);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), >=, 38);
}

static void
test_bad_dates (void)
{
  const char *bad[] = { "2020-02-30", "0000-01-01" };

  for (guint k = 0; k < G_N_ELEMENTS (bad); k++)
    {
      g_autoptr(GString) csv = g_string_new ("date,v\n");
      g_autoptr(GError) error = NULL;
      g_autoptr(UcCsvReport) report = NULL;
      g_autoptr(UcDataset) ds = NULL;
      g_autofree char *named = g_strdup_printf ("line 79, column 1: “%s” in column “date” is not a date; read as missing",
                                                bad[k]);

      for (int i = 0; i < 200; i++)
        {
          if (i == 77)
            g_string_append_printf (csv, "%s,%d\n", bad[k], i);
          else
            g_string_append_printf (csv, "%04d-%02d-%02d,%d\n", 2000 + i / 12, i % 12 + 1, i % 28 + 1, i);
        }
      ds = read_opts (csv->str, -1, NULL, &report, &error);
      g_assert_no_error (error);
      g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATE);
      g_assert_cmpint (uc_dataset_get_times (ds, 0)[77], ==, UC_TIME_MISSING);
      g_assert_cmpint (uc_dataset_get_times (ds, 0)[78], ==, uc_time_from_ymd (2006, 7, 23));
      g_assert_true (report_has (report, named));
      g_assert_cmpuint (report->n_warnings, ==, 1);
    }

  {
    g_autoptr(GString) csv = g_string_new ("time,v\n");
    g_autoptr(GError) error = NULL;
    g_autoptr(UcCsvReport) report = NULL;
    g_autoptr(UcDataset) ds = NULL;

    for (int i = 0; i < 200; i++)
      g_string_append_printf (csv, "2020-01-%02dT%02d:00:00Z,%d\n", i / 24 + 1, i == 50 ? 25 : i % 24, i);
    ds = read_opts (csv->str, -1, NULL, &report, &error);
    g_assert_no_error (error);
    g_assert_cmpint (uc_dataset_get_column_type (ds, 0), ==, UC_COLUMN_DATETIME);
    g_assert_cmpint (uc_dataset_get_times (ds, 0)[50], ==, UC_TIME_MISSING);
    g_assert_true (report_has (report, "line 52, column 1: “2020-01-03T25:00:00Z” in column “time” is not a date and time"));
  }
}

/* Numbers past a double's range and inf/nan spelt out never become values
 * that are not finite: each is a bad cell, named, missing in the data. The
 * largest doubles stay as they are. */
static void
test_not_finite (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = read_opts ("date,v\n2025-01-01,1e999\n2025-01-02,inf\n2025-01-03,-1e400\n2025-01-04,nan\n"
                                       "2025-01-05,1e308\n2025-01-06,-1.7976931348623157e308\n2025-01-07,2\n",
                                       -1, NULL, &report, &error);
  const double *v;

  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  v = uc_dataset_get_numbers (ds, 1);
  for (int i = 0; i < 4; i++)
    g_assert_true (isnan (v[i]));
  g_assert_cmpfloat (v[4], ==, 1e308);
  g_assert_cmpfloat (v[5], ==, -G_MAXDOUBLE);
  g_assert_cmpfloat (v[6], ==, 2);
  g_assert_true (report_has (report, "line 2, column 12: “1e999” in column “v” is not a finite number; read as missing"));
  g_assert_true (report_has (report, "line 3, column 12: “inf” in column “v” is not a finite number"));
  g_assert_true (report_has (report, "line 4, column 12: “-1e400” in column “v” is not a finite number"));
  /* "nan" is how numpy and pandas write a missing value: no warning. */
  g_assert_cmpuint (report->n_warnings, ==, 3);
}

/* Bad cells are counted across the chunks read in parallel: two "inf" in
 * each half once made the count wrap around and the column text. */
static void
test_not_finite_parallel (void)
{
  g_autoptr(GString) text = g_string_new ("i,value\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  UcCsvOptions options;

  for (guint i = 0; i < 120000; i++)
    g_string_append_printf (text, "%u,%s\n", i,
                            i == 10 || i == 20 || i == 119980 || i == 119990 ? "inf" : "1.5");
  g_assert_cmpuint (text->len, >, 1 << 20);
  uc_csv_options_init (&options);
  options.n_threads = 2;
  ds = read_opts (text->str, text->len, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_true (isnan (uc_dataset_get_numbers (ds, 1)[119990]));
  g_assert_true (report_has (report, "column “value”: 1 more bad cell was read as missing"));
}

/* A file that is not text is refused from its first block: nothing past it
 * is read, however large the file (before: 5 GB read into memory, then
 * "field is larger than 4 GB"). */
static void
test_not_text (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autofree char *expect = NULL;
  const char start[] = "date,v\n2025-01-01,1\n";
  int fd;

  /* 5 GB of NUL bytes (a sparse file: no disk is used). */
  fd = g_file_open_tmp ("uc-sparse-XXXXXX.csv", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t) 5 << 30), ==, 0);
  file = g_file_new_for_path (path);
  ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_NUL_BYTE);
  expect = g_strdup_printf ("%s: line 1, column 1: NUL byte in the file (is it a text file?)", path);
  g_assert_cmpstr (error->message, ==, expect);
  g_clear_error (&error);

  /* A good start, then NUL bytes: larger than is copied, so mapped. */
  g_assert_cmpint (pwrite (fd, start, strlen (start), 0), ==, (gssize) strlen (start));
  ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_NUL_BYTE);
  g_assert_nonnull (strstr (error->message, ": line 3, column 1: NUL byte"));
  g_clear_error (&error);
  close (fd);
  g_unlink (path);

  /* Endless NULs from a device and from a stream: the first block says. */
  ds = uc_csv_read_file (zero, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_NUL_BYTE);
  g_assert_cmpstr (error->message, ==, "/dev/zero: line 1, column 1: NUL byte in the file (is it a text file?)");
  g_clear_error (&error);
  stream = G_INPUT_STREAM (g_file_read (zero, NULL, &error));
  g_assert_no_error (error);
  ds = uc_csv_read_stream (stream, "stdin", NULL, NULL, NULL, &error);
  g_assert_null (ds);
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_NUL_BYTE);
  g_assert_cmpstr (error->message, ==, "stdin: line 1, column 1: NUL byte in the file (is it a text file?)");
}

/* UTF-16 has NUL bytes of its own: from a file, with and without a BOM. */
static void
test_utf16_file (void)
{
  g_autofree char *utf16 = g_convert ("date,v\n2025-01-01,1\n2025-01-02,2\n", -1, "UTF-16LE", "UTF-8", NULL, NULL, NULL);
  gsize len16 = 2 * strlen ("date,v\n2025-01-01,1\n2025-01-02,2\n");

  for (int bom = 0; bom < 2; bom++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GFile) file = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(UcCsvReport) report = NULL;
      g_autoptr(UcDataset) ds = NULL;
      g_autoptr(GString) bytes = g_string_new_len (bom ? "\xff\xfe" : "", bom ? 2 : 0);
      int fd = g_file_open_tmp ("uc-utf16-XXXXXX.csv", &path, &error);

      g_assert_no_error (error);
      close (fd);
      g_string_append_len (bytes, utf16, len16);
      g_assert_true (g_file_set_contents (path, bytes->str, bytes->len, NULL));
      file = g_file_new_for_path (path);
      ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, &report, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (report->encoding, ==, "UTF-16LE");
      g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 2);
      g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[1], ==, 2);
      g_unlink (path);
    }
}

/* Thousands separators: detected and reported, forced to one character,
 * or forbidden, when "1,234" is then no number. */
static void
test_thousands_option (void)
{
  const char *text = "date,value,count\n2025-01-01,\"1,234\",1'000\n2025-01-02,\"2,500\",2'000\n"
                     "2025-01-03,\"3,750\",3'000\n";
  const char *spaced = "date;value\n2025-01-01;1 234,5\n2025-01-02;12 000,25\n2025-01-03;7,5\n";
  g_autoptr(GError) error = NULL;
  UcCsvOptions options;
  UcCsvReport *report = NULL;
  UcDataset *ds;

  /* Detected: each column its own, the report names the most used. */
  ds = read_opts (text, -1, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 1234);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 2)[2], ==, 3000);
  g_assert_cmpint (report->decimal, ==, '.');
  g_assert_true (report->thousands == ',' || report->thousands == '\'');
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);

  /* Forced to ",": the apostrophes no longer group, that column is text. */
  uc_csv_options_init (&options);
  options.thousands = ',';
  ds = read_opts (text, -1, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[1], ==, 2500);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (report->thousands, ==, ',');
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);

  /* Forbidden: "1,234" is no number, "1'000" neither. */
  options.thousands = UC_CSV_NO_THOUSANDS;
  options.decimal = '.';
  ds = read_opts (text, -1, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 1), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (uc_dataset_get_column_type (ds, 2), ==, UC_COLUMN_TEXT);
  g_assert_cmpint (report->thousands, ==, 0);
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);

  /* A forced "," makes a detected decimal mark the point: "1,234" is 1234. */
  options.decimal = 0;
  options.thousands = ',';
  ds = read_opts ("date;value\n2025-01-01;1,234\n2025-01-02;2,345\n", -1, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->decimal, ==, '.');
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 1234);
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);

  /* Spaces with a decimal comma, detected and then forced. */
  ds = read_opts (spaced, -1, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->decimal, ==, ',');
  g_assert_cmpint (report->thousands, ==, ' ');
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[1], ==, 12000.25);
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);
  options.thousands = ' ';
  ds = read_opts (spaced, -1, &options, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (uc_dataset_get_numbers (ds, 1)[0], ==, 1234.5);
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);

  /* No grouping at all: the report says none. */
  ds = read_opts ("a,b\n1,2\n3,4\n", -1, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpint (report->thousands, ==, 0);
  g_clear_pointer (&report, uc_csv_report_free);
  g_object_unref (ds);

  /* The same character as the decimal mark, or an unknown one: an error. */
  options.decimal = ',';
  options.thousands = ',';
  g_assert_null (read_opts (text, -1, &options, NULL, &error));
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION);
  g_clear_error (&error);
  options.decimal = 0;
  options.thousands = '_';
  g_assert_null (read_opts (text, -1, &options, NULL, &error));
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION);
  g_clear_error (&error);
}

static void
test_thousands_names (void)
{
  char c = 0;

  g_assert_true (uc_csv_thousands_from_string ("none", &c));
  g_assert_cmpint (c, ==, UC_CSV_NO_THOUSANDS);
  g_assert_cmpstr (uc_csv_thousands_to_string (c), ==, "none");
  g_assert_true (uc_csv_thousands_from_string ("space", &c));
  g_assert_cmpint (c, ==, ' ');
  g_assert_cmpstr (uc_csv_thousands_to_string (c), ==, "space");
  g_assert_true (uc_csv_thousands_from_string ("'", &c));
  g_assert_cmpint (c, ==, '\'');
  g_assert_false (uc_csv_thousands_from_string ("_", &c));
  g_assert_false (uc_csv_thousands_from_string (NULL, &c));
  g_assert_null (uc_csv_thousands_to_string (0));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/simple", test_simple);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/missing-values", test_missing_values);
  g_test_add_func ("/csv/mostly-numbers", test_mostly_numbers);
  g_test_add_func ("/csv/mostly-text", test_mostly_text);
  g_test_add_func ("/csv/type-inference", test_type_inference);
  g_test_add_func ("/csv/semicolon-decimal-comma", test_semicolon_decimal_comma);
  g_test_add_func ("/csv/tab-and-pipe", test_tab_and_pipe);
  g_test_add_func ("/csv/metadata-lines", test_metadata_lines);
  g_test_add_func ("/csv/dates", test_dates);
  g_test_add_func ("/csv/date-format-option", test_date_format_option);
  g_test_add_func ("/csv/money-and-suffixes", test_money_and_suffixes);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/header-fixes", test_header_fixes);
  g_test_add_func ("/csv/ragged-rows", test_ragged_rows);
  g_test_add_func ("/csv/lenient-quotes", test_lenient_quotes);
  g_test_add_func ("/csv/big-field", test_big_field);
  g_test_add_func ("/csv/parallel-matches-serial", test_parallel_matches_serial);
  g_test_add_func ("/csv/string-table-short", test_string_table_short);
  g_test_add_func ("/csv/iso-cell-cache", test_iso_cell_cache);
  g_test_add_func ("/csv/iso-same-day", test_iso_same_day);
  g_test_add_func ("/csv/text-cache", test_text_cache);
  g_test_add_func ("/csv/parallel-line-endings", test_parallel_line_endings);
  g_test_add_func ("/csv/plain-numbers-exact", test_plain_numbers_exact);
  g_test_add_func ("/csv/scan-line-numbers", test_scan_line_numbers);
  g_test_add_func ("/csv/parallel-late-quotes", test_parallel_late_quotes);
  g_test_add_func ("/csv/file", test_file);
  g_test_add_func ("/csv/async-and-cancel", test_async_and_cancel);
  g_test_add_func ("/csv/progress-and-stream", test_progress_and_stream);
  g_test_add_func ("/csv/read-lease", test_read_lease);
  g_test_add_func ("/csv/large-not-utf8", test_large_not_utf8);
  g_test_add_func ("/csv/code-pages", test_code_pages);
  g_test_add_func ("/csv/large-cp1250", test_large_cp1250);
  g_test_add_func ("/csv/duplicate-names", test_duplicate_names);
  g_test_add_func ("/csv/wide-header", test_wide_header);
  g_test_add_func ("/csv/too-many-columns", test_too_many_columns);
  g_test_add_func ("/csv/bad-dates", test_bad_dates);
  g_test_add_func ("/csv/compact-dates", test_compact_dates);
  g_test_add_func ("/csv/empty-year-columns", test_empty_year_columns);
  g_test_add_func ("/csv/footer-block", test_footer_block);
  g_test_add_func ("/csv/units-under-header", test_units_under_header);
  g_test_add_func ("/csv/year-header-under-title", test_year_header_under_title);
  g_test_add_func ("/csv/long-legend-above-table", test_long_legend_above_table);
  g_test_add_func ("/csv/not-finite", test_not_finite);
  g_test_add_func ("/csv/not-finite-parallel", test_not_finite_parallel);
  g_test_add_func ("/csv/not-text", test_not_text);
  g_test_add_func ("/csv/utf16-file", test_utf16_file);
  g_test_add_func ("/csv/thousands-option", test_thousands_option);
  g_test_add_func ("/csv/thousands-names", test_thousands_names);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/csv/bad/%s", bad_cases[i].name);
      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }

  return g_test_run ();
}
