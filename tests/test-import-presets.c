/* test-import-presets.c: reading options remembered per file-name pattern:
 * patterns from names and what they match, the file written and read back,
 * a corrupt file ignored */
#include <glib/gstdio.h>
#include <string.h>

#include "uc-import-presets.h"

static char *tmp_dir;

static char *
case_path (const char *name)
{
  return g_build_filename (tmp_dir, name, "import-presets.json", NULL);
}

static void
test_pattern_from_name (void)
{
  const struct { const char *name, *pattern; } cases[] = {
    { "KSH_2024-05.csv", "KSH_*-*.csv" },
    { "prices.csv", "prices.csv" },
    { "2024.csv", "*.csv" },
    { "export 12 of 340 (v2).tsv", "export * of * (v*).tsv" },
    { "Ärger_01.CSV", "Ärger_*.CSV" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *pattern = uc_import_pattern_from_name (cases[i].name);

      g_assert_cmpstr (pattern, ==, cases[i].pattern);
      g_assert_true (uc_import_pattern_matches (pattern, cases[i].name));
    }
}

static void
test_pattern_matches (void)
{
  g_assert_true (uc_import_pattern_matches ("KSH_*-*.csv", "KSH_2025-11.csv"));
  g_assert_true (uc_import_pattern_matches ("KSH_*-*.csv", "ksh_1999-1.CSV"));
  g_assert_true (uc_import_pattern_matches ("ärger_*.csv", "ÄRGER_7.csv"));
  /* A star is digits, one at least: not any text, not nothing. */
  g_assert_false (uc_import_pattern_matches ("KSH_*-*.csv", "KSH_-05.csv"));
  g_assert_false (uc_import_pattern_matches ("KSH_*-*.csv", "KSH_ab-05.csv"));
  g_assert_false (uc_import_pattern_matches ("*.csv", "prices.csv"));
  g_assert_false (uc_import_pattern_matches ("KSH_*-*.csv", "KSH_2024-05.csv.bak"));
  g_assert_false (uc_import_pattern_matches ("KSH_*-*.csv", "KSH_2024-05.cs"));
  g_assert_true (uc_import_pattern_matches ("prices.csv", "Prices.csv"));
  g_assert_false (uc_import_pattern_matches ("prices.csv", "prices2.csv"));
}

static UcImportPreset *
sample_preset (const char *pattern)
{
  UcImportPreset *preset = uc_import_preset_new (pattern);
  const char *columns[] = { "Dátum", "Érték", "Megjegyzés", NULL };
  const char *roles[] = { "time", "value", "skip", NULL };
  UcCsvOptions options;

  uc_csv_options_init (&options);
  options.delimiter = ';';
  options.decimal = ',';
  options.thousands = ' ';
  options.header_row = 2;
  options.encoding = "WINDOWS-1250";
  options.date_format = "%Y.%m.%d";
  uc_import_preset_set_options (preset, &options);
  preset->columns = g_strdupv ((char **) columns);
  preset->roles = g_strdupv ((char **) roles);
  return preset;
}

static void
test_round_trip (void)
{
  g_autofree char *path = case_path ("round-trip");
  g_autoptr(UcImportPresets) presets = uc_import_presets_new (path);
  g_autoptr(UcImportPresets) again = uc_import_presets_new (path);
  g_autoptr(GError) error = NULL;
  const UcImportPreset *found;
  UcImportPreset *other;
  UcCsvOptions options;

  g_assert_true (uc_import_presets_load (presets, &error));   /* no file yet: none */
  g_assert_no_error (error);
  g_assert_cmpuint (uc_import_presets_get_n (presets), ==, 0);
  g_assert_true (uc_import_presets_remember (presets, sample_preset ("KSH_*-*.csv"), &error));
  g_assert_no_error (error);
  other = uc_import_preset_new ("prices.csv");
  other->thousands = UC_CSV_NO_THOUSANDS;
  g_assert_true (uc_import_presets_remember (presets, other, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_assert_true (uc_import_presets_load (again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (uc_import_presets_get_n (again), ==, 2);
  found = uc_import_presets_find (again, "ksh_2026-01.csv");
  g_assert_nonnull (found);
  g_assert_cmpstr (found->pattern, ==, "KSH_*-*.csv");
  uc_import_preset_get_options (found, &options);
  g_assert_cmpint (options.delimiter, ==, ';');
  g_assert_cmpint (options.decimal, ==, ',');
  g_assert_cmpint (options.thousands, ==, ' ');
  g_assert_cmpuint (options.header_row, ==, 2);
  g_assert_cmpstr (options.encoding, ==, "WINDOWS-1250");
  g_assert_cmpstr (options.date_format, ==, "%Y.%m.%d");
  g_assert_cmpstr (uc_import_preset_get_role (found, "Dátum"), ==, "time");
  g_assert_cmpstr (uc_import_preset_get_role (found, "Megjegyzés"), ==, "skip");
  g_assert_null (uc_import_preset_get_role (found, "Nincs"));
  found = uc_import_presets_find (again, "PRICES.csv");
  g_assert_nonnull (found);
  g_assert_cmpint (found->thousands, ==, UC_CSV_NO_THOUSANDS);
  g_assert_cmpint (found->delimiter, ==, 0);
  g_assert_null (found->encoding);
  g_assert_null (uc_import_presets_find (again, "other.csv"));

  /* Remembered again: replaced, not doubled. Forgotten: gone from the file. */
  g_assert_true (uc_import_presets_remember (again, uc_import_preset_new ("KSH_*-*.csv"), &error));
  g_assert_cmpuint (uc_import_presets_get_n (again), ==, 2);
  g_assert_cmpint (uc_import_presets_find (again, "KSH_1-2.csv")->delimiter, ==, 0);
  g_assert_true (uc_import_presets_forget (again, "KSH_*-*.csv", &error));
  g_assert_no_error (error);
  g_assert_true (uc_import_presets_forget (again, "never.csv", &error));
  g_assert_true (uc_import_presets_load (presets, &error));
  g_assert_cmpuint (uc_import_presets_get_n (presets), ==, 1);
  g_assert_null (uc_import_presets_find (presets, "KSH_2024-05.csv"));
}

/* A corrupt file: an error to say, no presets, no crash; the next change
 * replaces it with a good one. */
static void
test_corrupt (void)
{
  const char *bad[] = {
    "{\"presets\": [",
    "[1, 2, 3]",
    "{\"presets\": 5}",
    "\xff\xfe garbage",
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *name = g_strdup_printf ("corrupt-%u", i);
      g_autofree char *path = case_path (name);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(UcImportPresets) presets = uc_import_presets_new (path);
      g_autoptr(UcImportPresets) again = uc_import_presets_new (path);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_true (g_file_set_contents (path, bad[i], -1, NULL));
      g_assert_false (uc_import_presets_load (presets, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_cmpuint (uc_import_presets_get_n (presets), ==, 0);
      g_assert_null (uc_import_presets_find (presets, "x.csv"));
      g_clear_error (&error);

      g_assert_true (uc_import_presets_remember (presets, sample_preset ("x.csv"), &error));
      g_assert_no_error (error);
      g_assert_true (uc_import_presets_load (again, &error));
      g_assert_no_error (error);
      g_assert_nonnull (uc_import_presets_find (again, "X.csv"));
    }

  /* Presets that say too little are skipped, the others kept. */
  {
    g_autofree char *path = case_path ("partial");
    g_autofree char *dir = g_path_get_dirname (path);
    g_autoptr(UcImportPresets) presets = uc_import_presets_new (path);
    g_autoptr(GError) error = NULL;
    const UcImportPreset *found;

    g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
    g_assert_true (g_file_set_contents (path, "{\"presets\": [7, {\"decimal\": \",\"}, {\"pattern\": \"a*.csv\", "
                                              "\"decimal\": \"x\", \"thousands\": \"?\", \"header_row\": \"3\", "
                                              "\"columns\": [1, {\"name\": \"d\"}, {\"name\": \"v\", \"role\": \"value\"}]}]}",
                                        -1, NULL));
    g_assert_true (uc_import_presets_load (presets, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (uc_import_presets_get_n (presets), ==, 1);
    found = uc_import_presets_find (presets, "a1.csv");
    g_assert_nonnull (found);
    g_assert_cmpint (found->decimal, ==, 0);
    g_assert_cmpint (found->thousands, ==, 0);
    g_assert_cmpuint (found->header_row, ==, 0);
    g_assert_cmpuint (g_strv_length (found->columns), ==, 1);
    g_assert_cmpstr (uc_import_preset_get_role (found, "v"), ==, "value");
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("uc-presets-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  g_test_add_func ("/import-presets/pattern-from-name", test_pattern_from_name);
  g_test_add_func ("/import-presets/pattern-matches", test_pattern_matches);
  g_test_add_func ("/import-presets/round-trip", test_round_trip);
  g_test_add_func ("/import-presets/corrupt", test_corrupt);
  status = g_test_run ();
  remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
