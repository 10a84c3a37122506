/* test-real-csv.c: real-world files (tests/data/real, origins in ORIGINS.md)
 * read with the right types and values, without any option. */
#include <string.h>

#include "uc-csv.h"

typedef struct
{
  const char *column;
  int         row;        /* negative counts from the end */
  const char *value;      /* as uc_dataset_format_cell gives it; NULL = missing */
} Cell;

typedef struct
{
  const char *column;
  UcColumnType type;
} Type;

typedef struct
{
  const char *file;
  guint       rows;
  guint       header_row;
  const char *delimiter;
  char        decimal;
  const char *encoding;
  Type        types[6];
  Cell        cells[8];
} Expect;

#define NUM UC_COLUMN_NUMBER
#define DATE UC_COLUMN_DATE
#define DT UC_COLUMN_DATETIME
#define TEXT UC_COLUMN_TEXT

static const Expect expectations[] = {
  { "yahoo-btc-usd.csv", 60, 1, ",", '.', "UTF-8",
    { { "Date", DATE }, { "Close", NUM }, { "Volume", NUM } },
    { { "Date", 0, "2020-08-25" }, { "Date", -1, "2020-10-23" }, { "Close", 0, "11366.134766" },
      { "Close", 45, NULL }, { "Open", 48, NULL }, { "Volume", 49, NULL }, { "Volume", 59, "28974975003" } } },
  { "stooq-nvda.csv", 60, 1, ",", '.', "UTF-8",
    { { "Date", DATE }, { "Close", NUM }, { "Volume", NUM } },
    { { "Date", 0, "2024-10-30" }, { "Date", -1, "2025-01-28" }, { "Close", 0, "139.325" }, { "Volume", 0, "179430444" } } },
  { "fred-nasdaqcom.csv", 60, 1, ",", '.', "UTF-8",
    { { "observation_date", DATE }, { "NASDAQCOM", NUM } },
    { { "observation_date", -1, "2020-06-19" }, { "NASDAQCOM", 0, "7774.15" }, { "NASDAQCOM", 9, NULL }, { "NASDAQCOM", 40, NULL } } },
  { "fred-dgs10.csv", 60, 1, ",", '.', "UTF-8",
    { { "DATE", DATE }, { "DGS10", NUM } },
    { { "DATE", 0, "1962-01-02" }, { "DGS10", 0, "4.06" }, { "DGS10", 29, NULL }, { "DGS10", 37, NULL } } },
  { "investing-btc-usd.csv", 64, 1, ",", '.', "UTF-8",
    { { "Date", DATE }, { "Price", NUM }, { "Vol.", NUM }, { "Change %", NUM } },
    { { "Date", 0, "2020-08-02" }, { "Date", -1, "2020-05-31" }, { "Price", 0, "11105.8" },
      { "Vol.", 0, "698620" }, { "Vol.", 61, "1060000" }, { "Change %", 0, "-5.91" } } },
  { "investing-btc-usd-mdy.csv", 30, 1, ",", '.', "UTF-8",
    { { "Date", DATE }, { "Price", NUM }, { "Vol.", NUM } },
    { { "Date", 0, "2024-01-19" }, { "Date", -1, "2023-12-21" }, { "Price", 0, "41903.5" }, { "Vol.", 0, "73400" } } },
  { "smard-netzlast-tag.csv", 11, 1, ";", ',', "UTF-8",
    { { "Datum von", DATE }, { "Netzlast [MWh] Berechnete Auflösungen", NUM } },
    { { "Datum von", 0, "2025-05-03" }, { "Datum von", -1, "2025-05-13" },
      { "Netzlast [MWh] Berechnete Auflösungen", 0, "1044411.5" }, { "Netzlast [MWh] Berechnete Auflösungen", 8, "948592.25" },
      { "Netzlast [MWh] Berechnete Auflösungen", 6, NULL }, { "Residuallast [MWh] Berechnete Auflösungen", 10, NULL } } },
  { "smard-netzlast-viertelstunde.csv", 60, 1, ";", ',', "UTF-8",
    { { "Datum von", DT }, { "Residuallast [MWh] Originalauflösungen", NUM } },
    { { "Datum von", 0, "2025-05-01T00:00:00Z" }, { "Datum von", -1, "2025-05-01T14:45:00Z" },
      { "Netzlast [MWh] Originalauflösungen", 0, "10493.75" }, { "Residuallast [MWh] Originalauflösungen", 47, "-139.25" },
      { "Residuallast [MWh] Originalauflösungen", 39, "2186.25" } } },
  { "worldbank-usa-wdi.csv", 14, 5, ",", '.', "UTF-8",
    { { "Indicator Name", TEXT }, { "1990", NUM }, { "2023", NUM } },
    { { "Indicator Name", 0, "Intentional homicides, female (per 100,000 female)" }, { "1990", 0, "4.07191583179498" },
      { "2023", 0, NULL }, { "2001", 1, "233" }, { "1970", 12, "42692500000" }, { "1960", 13, "0.884315459442077" } } },
  { "owid-annual-share-of-co2-emissions.csv", 60, 1, ",", '.', "UTF-8",
    { { "Year", DATE }, { "Code", TEXT }, { "Share of global annual CO₂ emissions", NUM } },
    { { "Year", 0, "1995" }, { "Year", 29, "1884" }, { "Code", 0, "AFG" }, { "Code", 29, NULL },
      { "Share of global annual CO₂ emissions", 0, "0.006022956" }, { "Share of global annual CO₂ emissions", -1, "0.61292833" } } },
  { "epoch-notable.csv", 6, 1, ",", '.', "UTF-8",
    { { "Publication date", DATE }, { "Parameters", NUM }, { "Domain", TEXT } },
    { { "Publication date", 0, "2026-04-23" }, { "Publication date", -1, "2026-04-07" }, { "Parameters", 3, "1040000000000" },
      { "Parameters", 0, NULL }, { "Domain", 0, "Multimodal,Language,Vision" } } },
  { "epoch-large-scale-multiline.csv", 5, 1, ",", '.', "UTF-8",
    { { "Training compute (FLOP)", NUM }, { "Publication date", DATE } },
    { { "Training compute (FLOP)", 0, "9.702e+24" }, { "Publication date", 0, "2026-04-24" }, { "Publication date", 4, "2026-04-17" } } },
  { "d3-aapl-close.tsv", 24, 1, "\t", '.', "UTF-8",
    { { "date", DATE }, { "close", NUM } },
    { { "date", 0, "2012-02-21" }, { "date", 7, "2012-02-09" }, { "date", -1, "2012-01-18" }, { "close", 0, "514.85" }, { "close", -1, "429.11" } } },
  { "destatis-bevoelkerung-12411-0001.csv", 60, 6, ";", '.', "UTF-8",
    { { "Date", DATE }, { "Population", NUM } },
    { { "Date", 0, "1959-12-31" }, { "Date", -1, "2018-12-31" }, { "Population", 0, "55257088" }, { "Population", 31, "79753227" } } },
  { "destatis-bevoelkerung-12411-0001-cp1252.csv", 60, 6, ";", '.', "WINDOWS-1252",
    { { "Date", DATE }, { "Population", NUM } },
    { { "Date", 0, "1959-12-31" }, { "Population", -1, "83019213" } } },
  { "destatis-vpi-61111-0002-en.csv", 60, 6, ";", '.', "UTF-8",
    { { "Consumer price index (2015=100)", NUM }, { "Change on previous month (in (%))", NUM } },
    { { "Consumer price index (2015=100)", 0, "100.6" }, { "Consumer price index (2015=100)", 54, NULL },
      { "Consumer price index (2015=100)", 59, NULL }, { "Change on previous month (in (%))", 0, "-0.6" },
      { "column 2", 0, "January" } } },
  { "statcan-potatoes-32100358.csv", 30, 1, ",", '.', "UTF-8",
    { { "VALUE", NUM }, { "GEO", TEXT } },
    { { "REF_DATE", 0, "1908" }, { "VALUE", 0, "503600" }, { "VALUE", 1, "87.9" }, { "VALUE", 3, "0.79" },
      { "GEO", 5, "Prince Edward Island" }, { "STATUS", 0, NULL } } },
  { "cryptodatadownload-bitstamp-btcusd-d.csv", 40, 2, ",", '.', "UTF-8",
    { { "unix", DT }, { "date", DT }, { "open", NUM } },
    { { "unix", 0, "2022-08-20T00:00:00Z" }, { "date", 0, "2022-08-20T00:00:00Z" }, { "date", -1, "2022-07-12T00:00:00Z" },
      { "open", 0, "20840" }, { "open", 1, "23192" } } },
  { "usgs-earthquakes-all-month.csv", 30, 1, ",", '.', "UTF-8",
    { { "time", DT }, { "mag", NUM }, { "place", TEXT } },
    { { "time", 0, "2025-06-05T09:16:03.063000Z" }, { "time", -1, "2025-06-05T05:18:38.412000Z" }, { "mag", 0, "0" },
      { "mag", -1, "4.7" }, { "place", 8, "10 km E of Pāhala, Hawaii" }, { "place", -1, "35 km NW of Mýrina, Greece" },
      { "nst", 1, NULL } } },
  { "google-trends-monthly.csv", 60, 3, ",", '.', "UTF-8",
    { { "Month", DATE }, { "gun", NUM } },
    { { "Month", 0, "2004-01" }, { "Month", 12, "2005-01" }, { "Month", -1, "2008-12" }, { "gun", 0, "41" }, { "gun", -1, "46" } } },
  { "google-trends-weekly-games.csv", 51, 3, ",", '.', "UTF-8",
    { { "Week", DATE }, { "Forspoken: (United States)", NUM }, { "Hogwarts Legacy: (United States)", NUM } },
    { { "Week", 0, "2022-06-12" }, { "Week", -1, "2023-05-28" }, { "Forspoken: (United States)", 0, NULL },
      { "Forspoken: (United States)", 26, "1" }, { "Hogwarts Legacy: (United States)", 34, "100" } } },
  { "nasdaq-aapl-historicalquotes.csv", 60, 1, ",", '.', "UTF-8",
    { { "Date", DATE }, { "Close/Last", NUM }, { "Volume", NUM } },
    { { "Date", 0, "2020-02-28" }, { "Date", -1, "2019-12-03" }, { "Close/Last", 0, "273.36" }, { "Close/Last", 8, "319" },
      { "Volume", 0, "106721200" } } },
  { "the-numbers-cost-revenue-dirty.csv", 60, 1, ",", '.', "UTF-8",
    { { "Release_Date", DATE }, { "USD_Production_Budget", NUM }, { "Movie_Title", TEXT } },
    { { "Release_Date", 0, "1915-08-02" }, { "Release_Date", 2, "1916-12-24" }, { "USD_Production_Budget", 0, "110000" },
      { "USD_Worldwide_Gross", 1, "0" }, { "USD_Worldwide_Gross", 18, "184925485" },
      { "Movie_Title", 2, "20,000 Leagues Under the Sea" }, { "Movie_Title", 17, "Charge of the Light Brigade, The" } } },
  { "ksh-nep0034-lakonepesseg-cp1250.csv", 12, 2, ";", '.', "WINDOWS-1250",
    { { "Területi egység neve", TEXT }, { "Területi egység szintje", TEXT }, { "2001", NUM }, { "2025", NUM } },
    { { "Területi egység neve", 0, "Férfi" }, { "2001", 0, NULL }, { "Területi egység szintje", 1, "főváros, régió" },
      { "2001", 1, "803889" }, { "2025", 1, "793000" }, { "Területi egység neve", 8, "Győr-Moson-Sopron" },
      { "2019", 8, "223048" }, { "2025", -1, "473419" } } },
  { "knmi-etmgeg-260-de-bilt.txt", 9, 52, ",", '.', "UTF-8",
    { { "# STN", NUM }, { "YYYYMMDD", DATE }, { "TG", NUM }, { "RH", NUM }, { "PG", NUM }, { "EV24", NUM } },
    { { "YYYYMMDD", 0, "2026-08-18" }, { "YYYYMMDD", -1, "2026-08-26" }, { "# STN", 0, "260" }, { "TG", 0, "176" },
      { "RH", 1, "41" }, { "PG", 5, "10243" }, { "Q", 6, "2221" }, { "EV24", -1, "38" } } },
  { "worldbank-bra-wdi-empty-years.csv", 3, 5, ",", '.', "UTF-8",
    { { "Indicator Name", TEXT }, { "1960", NUM }, { "2020", NUM }, { "2021", NUM }, { "2022", NUM }, { "2023", NUM } },
    { { "Indicator Code", 0, "TM.VAL.MRCH.RS.ZS" }, { "1960", 0, "16.6169844020797" }, { "2020", 0, "7.99225680095448" },
      { "2021", 0, NULL }, { "2022", 1, NULL }, { "2023", 2, NULL }, { "2020", -1, "49.0502624465035" } } },
  { "nbp-kursy-tab-a-2016-cp1250.csv", 10, 1, ";", ',', "WINDOWS-1250",
    { { "data", DATE }, { "1USD (dolar amerykański)", NUM }, { "100HUF (forint (Węgry))", NUM },
      { "10000IDR (rupia indonezyjska)", NUM }, { "nr tabeli", NUM }, { "pełny numer tabeli", TEXT } },
    { { "data", 0, "2016-01-04" }, { "data", -1, "2016-01-18" }, { "1USD (dolar amerykański)", 0, "3.9281" },
      { "1EUR (euro)", 1, "4.3176" }, { "100HUF (forint (Węgry))", -1, "1.4201" }, { "10000IDR (rupia indonezyjska)", 0, "2.8232" },
      { "nr tabeli", -1, "10" }, { "pełny numer tabeli", 0, "001/A/NBP/2016" } } },
};

static int
column (UcDataset  *ds,
        const char *name)
{
  int c = uc_dataset_find_column (ds, name);

  if (c < 0)
    g_error ("no column “%s”", name);
  return c;
}

static void
test_file (gconstpointer data)
{
  const Expect *e = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", e->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, &report, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, e->rows);
  g_assert_cmpuint (report->header_row, ==, e->header_row);
  g_assert_cmpstr (report->delimiter, ==, e->delimiter);
  g_assert_cmpint (report->decimal, ==, e->decimal);
  g_assert_cmpstr (report->encoding, ==, e->encoding);

  for (guint i = 0; i < G_N_ELEMENTS (e->types) && e->types[i].column; i++)
    {
      g_test_message ("%s: type of %s", e->file, e->types[i].column);
      g_assert_cmpstr (uc_column_type_to_string (uc_dataset_get_column_type (ds, column (ds, e->types[i].column))), ==,
                       uc_column_type_to_string (e->types[i].type));
    }
  for (guint i = 0; i < G_N_ELEMENTS (e->cells) && e->cells[i].column; i++)
    {
      int row = e->cells[i].row < 0 ? (int) e->rows + e->cells[i].row : e->cells[i].row;
      g_autofree char *value = uc_dataset_format_cell (ds, column (ds, e->cells[i].column), row);

      g_test_message ("%s: %s row %d", e->file, e->cells[i].column, e->cells[i].row);
      g_assert_cmpstr (value, ==, e->cells[i].value);
    }
}

/* The multi-line field keeps its newlines and doubled quotes. */
static void
test_epoch_multiline (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "epoch-large-scale-multiline.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  const char *abstract, *notes;
  guint newlines = 0;

  g_assert_no_error (error);
  abstract = uc_dataset_get_text (ds, column (ds, "Abstract"), 1);
  for (const char *p = abstract; *p; p++)
    newlines += *p == '\n';
  g_assert_cmpuint (newlines, ==, 12);
  notes = uc_dataset_get_text (ds, column (ds, "Parameters notes"), 4);
  g_assert_true (g_str_has_prefix (notes, "\"Supplemental training has been added to 4.3. "));
  g_assert_nonnull (strstr (notes, "\n\n"));
}

/* Every cell of the KSH table against the file itself, decoded from
 * Windows-1250 and split at “;” here: names, the section row, every
 * region's level and every population (space-grouped) of every year. */
static void
test_ksh_every_cell (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "ksh-nep0034-lakonepesseg-cp1250.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *bytes = NULL, *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize len;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  text = g_convert (bytes, len, "UTF-8", "WINDOWS-1250", NULL, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 15);   /* title, header, 12 rows, "" after the last break */
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 27);
  for (guint r = 1; r < 14; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], ";", -1);

      g_assert_cmpuint (g_strv_length (cells), ==, 27);
      for (guint c = 0; c < 27; c++)
        {
          g_autofree char *value = NULL;
          g_autofree char *expect = NULL;

          if (r == 1)
            {
              g_assert_cmpstr (uc_dataset_get_column_name (ds, c), ==, cells[c]);
              g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==, c < 2 ? UC_COLUMN_TEXT : UC_COLUMN_NUMBER);
              continue;
            }
          value = uc_dataset_format_cell (ds, c, r - 2);
          if (c < 2)
            expect = g_strdup (cells[c]);
          else
            {
              /* Populations are grouped by spaces: "803 889" is 803889. */
              GString *digits = g_string_new (NULL);

              for (const char *p = cells[c]; *p; p++)
                if (*p != ' ')
                  g_string_append_c (digits, *p);
              expect = g_string_free (digits, FALSE);
            }
          g_test_message ("row %u column %u", r - 2, c);
          g_assert_cmpstr (value, ==, expect[0] ? expect : NULL);
        }
    }
}

/* Every cell of the KNMI file against the file itself, split here: the
 * 41 names under the legend (spaces around them dropped), the compact
 * dates as days, every measurement as the integer it is. */
static void
test_knmi_every_cell (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "knmi-etmgeg-260-de-bilt.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 63);   /* 50 legend lines, blank, header, blank, 9 rows, "" */
  g_assert_true (g_str_has_prefix (lines[51], "# STN,YYYYMMDD,"));
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 41);
  for (guint l = 51; l < 62; l++)
    {
      g_auto(GStrv) cells = NULL;

      if (l == 52)
        {
          g_assert_cmpstr (lines[l], ==, "");
          continue;
        }
      cells = g_strsplit (lines[l], ",", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 41);
      for (guint c = 0; c < 41; c++)
        {
          const char *cell = g_strstrip (cells[c]);
          g_autofree char *value = NULL;
          g_autofree char *expect = NULL;

          if (l == 51)
            {
              g_assert_cmpstr (uc_dataset_get_column_name (ds, c), ==, cell);
              g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==, c == 1 ? UC_COLUMN_DATE : UC_COLUMN_NUMBER);
              continue;
            }
          value = uc_dataset_format_cell (ds, c, l - 53);
          expect = c == 1 ? g_strdup_printf ("%.4s-%.2s-%.2s", cell, cell + 4, cell + 6) : g_strdup (cell);
          g_test_message ("row %u column %u", l - 53, c);
          g_assert_cmpstr (value, ==, expect);
        }
    }
}

/* Every cell of the World Bank file against the file itself: each field
 * is quoted, so a line splits at "," once its outer quotes are off. The
 * three newest years are empty in every row and still numbers. */
static void
test_worldbank_every_cell (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "worldbank-bra-wdi-empty-years.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 9);   /* 4 metadata lines, header, 3 rows, "" */
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 68);   /* the 69th, nameless and empty, is dropped */
  for (guint l = 4; l < 8; l++)
    {
      g_autofree char *inner = NULL;
      g_auto(GStrv) cells = NULL;

      g_assert_true (g_str_has_prefix (lines[l], "\"") && g_str_has_suffix (lines[l], "\","));
      inner = g_strndup (lines[l] + 1, strlen (lines[l]) - 3);
      cells = g_strsplit (inner, "\",\"", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 68);
      for (guint c = 0; c < 68; c++)
        {
          g_autofree char *value = NULL;

          if (l == 4)
            {
              g_assert_cmpstr (uc_dataset_get_column_name (ds, c), ==, cells[c]);
              g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==, c < 4 ? UC_COLUMN_TEXT : UC_COLUMN_NUMBER);
              continue;
            }
          value = uc_dataset_format_cell (ds, c, l - 5);
          g_test_message ("row %u column %u", l - 5, c);
          g_assert_cmpstr (value, ==, cells[c][0] ? cells[c] : NULL);
          if (c >= 65)
            g_assert_null (value);   /* 2021, 2022, 2023 */
        }
    }
}

/* Every cell of the NBP table against the file itself, decoded from
 * Windows-1250 and split at ";": each currency named by its code with the
 * Polish name from the line under the header, every rate (decimal comma)
 * exactly, and nothing of the legend under the blank line, whose row of
 * units (1, 100, 10000) must not become a day of rates. */
static void
test_nbp_every_cell (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "real", "nbp-kursy-tab-a-2016-cp1250.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) ds = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_autofree char *bytes = NULL, *text = NULL;
  g_auto(GStrv) lines = NULL, names = NULL, polish = NULL;
  gsize len;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &bytes, &len, NULL));
  text = g_convert (bytes, len, "UTF-8", "WINDOWS-1250", NULL, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 17);   /* header, names, 10 rows, blank, 3 legend lines, "" */
  g_assert_cmpstr (lines[12], ==, "");
  g_assert_true (g_str_has_prefix (lines[15], "liczba jednostek;1;1;"));
  names = g_strsplit (lines[0], ";", -1);
  polish = g_strsplit (lines[1], ";", -1);
  g_assert_cmpuint (uc_dataset_get_n_columns (ds), ==, 38);   /* the 39th, after the last ";", is empty */
  g_assert_cmpuint (uc_dataset_get_n_rows (ds), ==, 10);
  for (guint c = 0; c < 38; c++)
    {
      g_autofree char *name = c >= 1 && c <= 35 ? g_strdup_printf ("%s (%s)", names[c], polish[c]) : g_strdup (names[c]);

      g_assert_cmpstr (uc_dataset_get_column_name (ds, c), ==, name);
      g_assert_cmpint (uc_dataset_get_column_type (ds, c), ==,
                       c == 0 ? UC_COLUMN_DATE : c == 37 ? UC_COLUMN_TEXT : UC_COLUMN_NUMBER);
    }
  for (guint r = 0; r < 10; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r + 2], ";", -1);
      g_autofree char *day = uc_dataset_format_cell (ds, 0, r);
      g_autofree char *expect = g_strdup_printf ("%.4s-%.2s-%.2s", cells[0], cells[0] + 4, cells[0] + 6);

      g_assert_cmpuint (g_strv_length (cells), ==, 39);
      g_assert_cmpstr (day, ==, expect);
      for (guint c = 1; c <= 36; c++)
        {
          g_test_message ("row %u column %u", r, c);
          g_strdelimit (cells[c], ",", '.');
          g_assert_cmpfloat (uc_dataset_get_numbers (ds, c)[r], ==, g_ascii_strtod (cells[c], NULL));
        }
      g_assert_cmpstr (uc_dataset_get_text (ds, 37, r), ==, cells[37]);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (expectations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/real-csv/%s", expectations[i].file);
      g_test_add_data_func (path, &expectations[i], test_file);
    }
  g_test_add_func ("/real-csv/epoch-multiline-fields", test_epoch_multiline);
  g_test_add_func ("/real-csv/ksh-every-cell", test_ksh_every_cell);
  g_test_add_func ("/real-csv/knmi-every-cell", test_knmi_every_cell);
  g_test_add_func ("/real-csv/worldbank-every-cell", test_worldbank_every_cell);
  g_test_add_func ("/real-csv/nbp-every-cell", test_nbp_every_cell);
  return g_test_run ();
}
