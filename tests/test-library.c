/* test-library.c: the library of imported datasets
 *
 * UNDERCUT_DATA_DIR points at a fresh temporary folder before anything
 * reads it; each case keeps its library in a folder of its own.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "uc-library.h"
#include "uc-paste.h"

static char *root;

static const char csv_text[] = "date,value\n2024-01-01,1.5\n2024-01-02,2.5\n2024-01-03,3.5\n";

/* A folder for one case's library (not created: the library makes it). */
static char *
case_dir (const char *name)
{
  return g_build_filename (root, name, "library", NULL);
}

/* A CSV file of @text named @name in a folder of the case's. */
static GFile *
write_input (const char *folder,
             const char *name,
             const char *text)
{
  g_autofree char *dir = g_build_filename (root, folder, "inputs", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static char *
read_text (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  return text;
}

static UcLibrary *
reload (const char *dir)
{
  g_autoptr(GError) error = NULL;
  UcLibrary *library = uc_library_new (dir);

  g_assert_true (uc_library_load (library, &error));
  g_assert_no_error (error);
  return library;
}

static void
test_default_dir (void)
{
  g_autofree char *dir = uc_library_default_dir ();
  g_autofree char *expected = g_build_filename (root, "library", NULL);
  g_autoptr(UcLibrary) library = uc_library_new (NULL);

  g_assert_cmpstr (dir, ==, expected);
  g_assert_cmpstr (uc_library_get_dir (library), ==, expected);
}

static void
test_add_copy (void)
{
  g_autofree char *dir = case_dir ("copy");
  g_autoptr(GFile) input = write_input ("copy", "Prices.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSource) source = NULL;
  g_autoptr(UcDataset) dataset = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *manifest = NULL;
  g_autofree char *input_path = g_file_get_path (input);
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, csv_text, -1);
  UcLibraryEntry *entry;

  entry = uc_library_add (library, input, UC_LIBRARY_COPY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_cmpstr (uc_library_entry_get_id (entry), ==, "prices");
  g_assert_cmpstr (uc_library_entry_get_title (entry), ==, "Prices.csv");
  g_assert_cmpstr (uc_library_entry_get_file (entry), ==, "prices.csv");
  g_assert_cmpstr (uc_library_entry_get_original (entry), ==, input_path);
  g_assert_cmpuint (uc_library_entry_get_size (entry), ==, strlen (csv_text));
  g_assert_cmpstr (uc_library_entry_get_sha256 (entry), ==, sha256);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       uc_library_entry_get_imported_at (entry), 0, 0));
  g_assert_cmpint (uc_library_entry_get_state (entry), ==, UC_LIBRARY_OK);
  copy = read_text (dir, "prices.csv");
  g_assert_cmpstr (copy, ==, csv_text);
  manifest = read_text (dir, "library.json");
  g_assert_nonnull (strstr (manifest, "\"prices\""));
  /* The copy is what is read: the original may go. */
  g_assert_cmpint (g_unlink (input_path), ==, 0);
  source = uc_library_entry_create_source (entry);
  g_assert_cmpstr (uc_source_get_id (source), ==, "prices");
  g_assert_cmpstr (uc_source_get_title (source), ==, "Prices.csv");
  dataset = uc_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (dataset), ==, 3);
}

static void
test_add_reference (void)
{
  g_autofree char *dir = case_dir ("reference");
  g_autoptr(GFile) input = write_input ("reference", "semi.csv", "date;value\n2024-01-01;1,5\n2024-01-02;2,5\n");
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSource) source = NULL;
  g_autoptr(UcDataset) dataset = NULL;
  g_autofree char *input_path = g_file_get_path (input);
  g_autofree char *copy = NULL;
  UcCsvOptions options, kept;
  UcLibraryEntry *entry;

  uc_csv_options_init (&options);
  options.delimiter = ';';
  options.decimal = ',';
  entry = uc_library_add (library, input, UC_LIBRARY_REFERENCE, "Semicolons", &options, &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_library_entry_get_mode (entry), ==, UC_LIBRARY_REFERENCE);
  g_assert_cmpstr (uc_library_entry_get_title (entry), ==, "Semicolons");
  g_assert_cmpstr (uc_library_entry_get_file (entry), ==, input_path);
  g_assert_cmpstr (uc_library_entry_get_path (entry), ==, input_path);
  copy = read_text (dir, "semi.csv");
  g_assert_null (copy);
  uc_library_entry_get_options (entry, &kept);
  g_assert_cmpint (kept.delimiter, ==, ';');
  g_assert_cmpint (kept.decimal, ==, ',');
  source = uc_library_entry_create_source (entry);
  dataset = uc_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (dataset), ==, 2);
}

/* What one library wrote, another (as after a restart) reads the same. */
static void
test_persist (void)
{
  g_autofree char *dir = case_dir ("persist");
  g_autoptr(GFile) a = write_input ("persist", "a.csv", csv_text);
  g_autoptr(GFile) b = write_input ("persist", "b.csv", "when|n\n2024-05-01|1\n");
  g_autoptr(UcLibrary) first = reload (dir);
  g_autoptr(UcLibrary) second = NULL;
  g_autoptr(GError) error = NULL;
  UcCsvOptions options, kept;

  uc_csv_options_init (&options);
  options.delimiter = '|';
  options.header_row = 1;
  options.encoding = "UTF-8";
  options.date_format = "%Y-%m-%d";
  options.thousands = UC_CSV_NO_THOUSANDS;
  g_assert_nonnull (uc_library_add (first, a, UC_LIBRARY_COPY, "First", NULL, &error));
  g_assert_nonnull (uc_library_add (first, b, UC_LIBRARY_REFERENCE, NULL, &options, &error));
  g_assert_no_error (error);
  second = reload (dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(UcLibraryEntry) was = g_list_model_get_item (G_LIST_MODEL (first), i);
      g_autoptr(UcLibraryEntry) is = g_list_model_get_item (G_LIST_MODEL (second), i);

      g_assert_cmpstr (uc_library_entry_get_id (is), ==, uc_library_entry_get_id (was));
      g_assert_cmpstr (uc_library_entry_get_title (is), ==, uc_library_entry_get_title (was));
      g_assert_cmpint (uc_library_entry_get_mode (is), ==, uc_library_entry_get_mode (was));
      g_assert_cmpstr (uc_library_entry_get_path (is), ==, uc_library_entry_get_path (was));
      g_assert_cmpstr (uc_library_entry_get_original (is), ==, uc_library_entry_get_original (was));
      g_assert_cmpuint (uc_library_entry_get_size (is), ==, uc_library_entry_get_size (was));
      g_assert_cmpstr (uc_library_entry_get_sha256 (is), ==, uc_library_entry_get_sha256 (was));
      g_assert_cmpstr (uc_library_entry_get_imported_at (is), ==, uc_library_entry_get_imported_at (was));
      g_assert_cmpint (uc_library_entry_get_state (is), ==, UC_LIBRARY_OK);
    }
  uc_library_entry_get_options (uc_library_find (second, "b"), &kept);
  g_assert_cmpint (kept.delimiter, ==, '|');
  g_assert_cmpint (kept.decimal, ==, 0);
  g_assert_cmpuint (kept.header_row, ==, 1);
  g_assert_cmpstr (kept.encoding, ==, "UTF-8");
  g_assert_cmpstr (kept.date_format, ==, "%Y-%m-%d");
  g_assert_cmpint (kept.thousands, ==, UC_CSV_NO_THOUSANDS);
  uc_library_entry_get_options (uc_library_find (second, "a"), &kept);
  g_assert_cmpint (kept.delimiter, ==, 0);
  g_assert_cmpint (kept.thousands, ==, 0);
  g_assert_null (kept.date_format);
}

static void
test_remove (void)
{
  g_autofree char *dir = case_dir ("remove");
  g_autoptr(GFile) input = write_input ("remove", "gone.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "gone.csv", NULL);

  g_assert_nonnull (uc_library_add (library, input, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_true (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (uc_library_remove (library, "gone", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  g_assert_false (g_file_test (copy_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_query_exists (input, NULL));
  again = reload (dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 0);
  g_assert_false (uc_library_remove (library, "gone", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_missing_reference (void)
{
  g_autofree char *dir = case_dir ("missing");
  g_autoptr(GFile) input = write_input ("missing", "away.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(UcSource) source = NULL;
  g_autoptr(UcDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;

  g_assert_nonnull (uc_library_add (library, input, UC_LIBRARY_REFERENCE, NULL, NULL, &error));
  g_assert_true (g_file_delete (input, NULL, NULL));
  again = reload (dir);
  entry = uc_library_find (again, "away");
  g_assert_nonnull (entry);
  g_assert_cmpint (uc_library_entry_get_state (entry), ==, UC_LIBRARY_MISSING);
  g_assert_cmpstr (uc_library_state_to_string (uc_library_entry_get_state (entry)), ==, "missing");
  /* Charting it fails with the reason, it does not crash. */
  source = uc_library_entry_create_source (entry);
  dataset = uc_source_load (source, NULL, &error);
  g_assert_null (dataset);
  g_assert_nonnull (error);
  /* It comes back when the file does. */
  g_assert_true (g_file_replace_contents (input, csv_text, strlen (csv_text), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_cmpint (uc_library_entry_check (entry), ==, UC_LIBRARY_OK);
}

static void
test_changed_reference (void)
{
  g_autofree char *dir = case_dir ("changed");
  g_autoptr(GFile) input = write_input ("changed", "moving.csv", csv_text);
  g_autofree char *same_size = g_strdup (csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;

  g_assert_nonnull (uc_library_add (library, input, UC_LIBRARY_REFERENCE, NULL, NULL, &error));
  /* The same size, another value: only the SHA-256 tells. */
  same_size[strlen (same_size) - 2] = '9';
  g_assert_true (g_file_replace_contents (input, same_size, strlen (same_size), NULL, FALSE, 0, NULL, NULL, NULL));
  again = reload (dir);
  entry = uc_library_find (again, "moving");
  g_assert_cmpint (uc_library_entry_get_state (entry), ==, UC_LIBRARY_CHANGED);
  g_assert_true (g_file_replace_contents (input, "date,value\n", 11, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_cmpint (uc_library_entry_check (entry), ==, UC_LIBRARY_CHANGED);
  g_assert_cmpuint (uc_library_entry_get_size (entry), ==, strlen (csv_text));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
test_reimport (void)
{
  g_autofree char *dir = case_dir ("reimport");
  g_autoptr(GFile) ref = write_input ("reimport", "ref.csv", csv_text);
  g_autoptr(GFile) orig = write_input ("reimport", "orig.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *more = "date,value\n2024-01-01,1.5\n2024-01-02,2.5\n2024-01-03,3.5\n2024-01-04,4.5\n";
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, more, -1);
  g_autofree char *copy = NULL;
  UcLibraryEntry *entry;

  g_assert_nonnull (uc_library_add (library, ref, UC_LIBRARY_REFERENCE, "Kept title", NULL, &error));
  g_assert_nonnull (uc_library_add (library, orig, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_true (g_file_replace_contents (ref, more, strlen (more), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_true (g_file_replace_contents (orig, more, strlen (more), NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_cmpint (uc_library_entry_check (uc_library_find (library, "ref")), ==, UC_LIBRARY_CHANGED);
  entry = uc_library_reimport (library, "ref", &error);
  g_assert_no_error (error);
  g_assert_cmpint (uc_library_entry_get_state (entry), ==, UC_LIBRARY_OK);
  g_assert_cmpstr (uc_library_entry_get_sha256 (entry), ==, sha256);
  g_assert_cmpstr (uc_library_entry_get_title (entry), ==, "Kept title");
  entry = uc_library_reimport (library, "orig", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_library_entry_get_size (entry), ==, strlen (more));
  copy = read_text (dir, "orig.csv");
  g_assert_cmpstr (copy, ==, more);
  again = reload (dir);
  g_assert_cmpstr (uc_library_entry_get_sha256 (uc_library_find (again, "ref")), ==, sha256);
  g_assert_cmpint (uc_library_entry_get_state (uc_library_find (again, "ref")), ==, UC_LIBRARY_OK);
  /* A file no longer readable is not re-imported; the entry stays. */
  g_assert_true (g_file_replace_contents (ref, "a,b\n1,\"2\n", 9, NULL, FALSE, 0, NULL, NULL, NULL));
  g_assert_null (uc_library_reimport (again, "ref", &error));
  g_assert_nonnull (strstr (error->message, "ref.csv"));
  g_clear_error (&error);
  g_assert_cmpstr (uc_library_entry_get_sha256 (uc_library_find (again, "ref")), ==, sha256);
  g_assert_null (uc_library_reimport (again, "nope", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Every file of @dir with its contents, to compare before and after. */
static char *
snapshot (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *all = g_string_new (NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *text = read_text (dir, g_ptr_array_index (names, i));

      g_string_append_printf (all, "%s:%s\n", (char *) g_ptr_array_index (names, i), text ? text : "");
    }
  return g_string_free (all, FALSE);
}

static void
test_bad_csv (void)
{
  g_autofree char *dir = case_dir ("bad");
  g_autoptr(GFile) good = write_input ("bad", "good.csv", csv_text);
  g_autoptr(GFile) bad = write_input ("bad", "broken.csv", "date,value\n2024-01-01,\"2\n2024-01-02,3\n");
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;

  g_assert_nonnull (uc_library_add (library, good, UC_LIBRARY_COPY, NULL, NULL, &error));
  before = snapshot (dir);
  for (int mode = UC_LIBRARY_COPY; mode <= UC_LIBRARY_REFERENCE; mode++)
    {
      g_assert_null (uc_library_add (library, bad, mode, NULL, NULL, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "broken.csv"));
      g_assert_nonnull (strstr (error->message, "line 2"));
      g_assert_nonnull (strstr (error->message, "column"));
      g_clear_error (&error);
    }
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
}

static void
test_unreadable_manifest (void)
{
  g_autofree char *dir = case_dir ("unreadable");
  g_autofree char *path = g_build_filename (dir, "library.json", NULL);
  g_autoptr(GFile) input = write_input ("unreadable", "fresh.csv", csv_text);
  g_autoptr(UcLibrary) library = uc_library_new (dir);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL, *rewritten = NULL;
  g_autoptr(UcLibrary) again = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, "{\"entries\": [ {\"id\": ", -1, NULL));
  g_assert_false (uc_library_load (library, &error));
  g_assert_nonnull (strstr (error->message, "library.json"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  kept = read_text (dir, "library.json");
  g_assert_cmpstr (kept, ==, "{\"entries\": [ {\"id\": ");
  /* Not a manifest's shape is as unreadable. */
  g_assert_true (g_file_set_contents (path, "[1, 2]", -1, NULL));
  g_assert_false (uc_library_load (library, &error));
  g_assert_nonnull (strstr (error->message, "library.json"));
  g_clear_error (&error);
  /* Nor is one listing an id twice, or a copy outside the folder. */
  g_assert_true (g_file_set_contents (path, "{\"entries\": [{\"id\": \"a\", \"mode\": \"copy\", \"file\": \"a.csv\"},"
                                            " {\"id\": \"a\", \"mode\": \"copy\", \"file\": \"b.csv\"}]}", -1, NULL));
  g_assert_false (uc_library_load (library, &error));
  g_assert_nonnull (strstr (error->message, "listed twice"));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "{\"entries\": [{\"id\": \"a\", \"mode\": \"copy\", \"file\": \"../a.csv\"}]}",
                                      -1, NULL));
  g_assert_false (uc_library_load (library, &error));
  g_assert_nonnull (strstr (error->message, "entry 1"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  /* The next add writes a manifest of what the library holds now. */
  g_assert_nonnull (uc_library_add (library, input, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_no_error (error);
  again = reload (dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 1);
  rewritten = read_text (dir, "library.json");
  g_assert_nonnull (strstr (rewritten, "\"fresh\""));
}

static void
test_unique_ids (void)
{
  g_autofree char *dir = case_dir ("ids");
  g_autoptr(GFile) a = write_input ("ids", "Same Name (1).CSV", csv_text);
  g_autoptr(GFile) dot = write_input ("ids", ".csv", csv_text);
  g_autoptr(GFile) dots = write_input ("ids", "..csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(GError) error = NULL;
  const char *expected[] = { "same-name--1", "same-name--1-2", "same-name--1-3", "csv", "data", NULL };

  g_assert_nonnull (uc_library_add (library, a, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_nonnull (uc_library_add (library, a, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_nonnull (uc_library_add (library, a, UC_LIBRARY_REFERENCE, NULL, NULL, &error));
  g_assert_nonnull (uc_library_add (library, dot, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_nonnull (uc_library_add (library, dots, UC_LIBRARY_COPY, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; expected[i]; i++)
    {
      g_autoptr(UcLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (library), i);

      g_assert_cmpstr (uc_library_entry_get_id (entry), ==, expected[i]);
    }
  /* Each copy has a file of its own. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(UcLibraryEntry) entry = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *name = g_strconcat (expected[i], ".csv", NULL);

      g_assert_cmpstr (uc_library_entry_get_file (entry), ==, name);
      g_assert_true (g_file_test (uc_library_entry_get_path (entry), G_FILE_TEST_IS_REGULAR));
    }
}

/* A file named like a built-in dataset does not take its id. */
static void
test_builtin_ids (void)
{
  g_autofree char *dir = case_dir ("builtin");
  g_autoptr(GFile) input = write_input ("builtin", "market-caps.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;

  g_assert_nonnull (uc_catalog_find (uc_catalog_get_default (), "market-caps"));
  entry = uc_library_add (library, input, UC_LIBRARY_COPY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_library_entry_get_id (entry), ==, "market-caps-2");
}

static void
test_fill_catalog (void)
{
  g_autofree char *dir = case_dir ("catalog");
  g_autoptr(GFile) a = write_input ("catalog", "alpha.csv", csv_text);
  g_autoptr(GFile) b = write_input ("catalog", "beta.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcCatalog) catalog = uc_catalog_new ();
  g_autoptr(UcDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  UcSource *source;

  g_assert_nonnull (uc_library_add (library, a, UC_LIBRARY_COPY, "Alpha", NULL, &error));
  g_assert_nonnull (uc_library_add (library, b, UC_LIBRARY_REFERENCE, NULL, NULL, &error));
  g_assert_true (g_file_delete (b, NULL, NULL));
  uc_library_entry_check (uc_library_find (library, "beta"));
  /* An id the catalog has already is left to the catalog's source. */
  g_assert_cmpuint (uc_library_fill_catalog (library, catalog), ==, 1);
  g_assert_cmpuint (uc_library_fill_catalog (library, catalog), ==, 0);
  source = uc_catalog_find (catalog, "alpha");
  g_assert_nonnull (source);
  g_assert_cmpstr (uc_source_get_title (source), ==, "Alpha");
  g_assert_null (uc_catalog_find (catalog, "beta"));
  dataset = uc_source_load (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (dataset), ==, 3);
}

/* Roles guessed on import: dates place, numbers are drawn; a long table
 * is split by its text column; and the manifest keeps them. */
static void
test_roles (void)
{
  g_autofree char *dir = case_dir ("roles");
  g_autoptr(GFile) wide = write_input ("roles", "wide.csv",
                                       "label,date,Price USD,volume,empty\n"
                                       "a,2024-01-01,1.5,10,\nb,2024-01-02,2.5,20,\n");
  g_autoptr(GFile) longer = write_input ("roles", "long.csv",
                                         "date,ticker,close\n2024-01-01,A,1\n2024-01-01,B,2\n"
                                         "2024-01-02,A,3\n2024-01-02,B,4\n");
  g_autoptr(GFile) text = write_input ("roles", "text.csv", "name,kind\na,b\nc,d\n");
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;
  const UcLibraryRoles *roles;
  const char *both[] = { "Price USD", "volume", NULL };

  entry = uc_library_add (library, wide, UC_LIBRARY_COPY, NULL, NULL, &error);
  g_assert_no_error (error);
  roles = uc_library_entry_get_roles (entry);
  g_assert_cmpstr (roles->time, ==, "date");
  g_assert_true (g_strv_equal ((const char * const *) roles->values, both));
  g_assert_null (roles->group);
  g_assert_cmpint (roles->format, ==, UC_VALUE_NUMBER);

  entry = uc_library_add (library, longer, UC_LIBRARY_COPY, NULL, NULL, &error);
  g_assert_no_error (error);
  roles = uc_library_entry_get_roles (entry);
  g_assert_cmpstr (roles->group, ==, "ticker");
  g_assert_cmpint (roles->format, ==, UC_VALUE_MONEY);

  /* No dates: imported, but a view of it says why it cannot chart. */
  entry = uc_library_add (library, text, UC_LIBRARY_COPY, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (uc_library_entry_get_roles (entry)->time);
  g_assert_null (uc_library_entry_create_view (entry, &error));
  g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "no date column"));
  g_clear_error (&error);

  again = reload (dir);
  roles = uc_library_entry_get_roles (uc_library_find (again, "long"));
  g_assert_cmpstr (roles->time, ==, "date");
  g_assert_cmpstr (roles->values[0], ==, "close");
  g_assert_cmpstr (roles->group, ==, "ticker");
  g_assert_cmpint (roles->format, ==, UC_VALUE_MONEY);
}

/* The view of an entry charts its dataset through the catalog: one line
 * per ticker, cited by the file's name and the day of import. */
static void
test_view (void)
{
  g_autofree char *dir = case_dir ("view");
  g_autoptr(GFile) input = write_input ("view", "long prices.csv",
                                        "date,ticker,close\n2024-01-01,A,1\n2024-01-01,B,2\n"
                                        "2024-01-02,A,3\n2024-01-02,B,4\n");
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcCatalog) catalog = uc_catalog_new ();
  g_autoptr(UcView) view = NULL;
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;
  UcChartSpec *chart;

  /* The events a library view marks are the built-in ones. */
  uc_catalog_add (catalog, uc_catalog_find (uc_catalog_get_default (), "events"));
  uc_library_sync_catalog (library, catalog);
  entry = uc_library_add (library, input, UC_LIBRARY_COPY, "My prices", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uc_catalog_find (catalog, "long-prices"));
  view = uc_library_entry_create_view (entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_view_get_id (view), ==, "library-long-prices");
  g_assert_cmpstr (uc_library_view_entry_id (uc_view_get_id (view)), ==, "long-prices");
  g_assert_null (uc_library_view_entry_id ("pricing"));
  g_assert_cmpstr (uc_view_get_title (view), ==, "My prices");
  g_assert_true (uc_view_load_data (view, catalog, NULL, &error));
  g_assert_no_error (error);
  uc_view_build_charts (view, &error);
  g_assert_no_error (error);
  chart = uc_view_get_chart (view, 0);
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 2);
  g_assert_true (g_str_has_prefix (uc_chart_spec_get_source (chart), "Source: long prices.csv, imported 20"));

  /* Removed from the library, gone from the catalog it keeps in step. */
  g_assert_true (uc_library_remove (library, "long-prices", &error));
  g_assert_null (uc_catalog_find (catalog, "long-prices"));
}

/* Rename and roles set later keep the file and id, and persist. */
static void
test_rename (void)
{
  g_autofree char *dir = case_dir ("rename");
  g_autoptr(GFile) input = write_input ("rename", "series.csv", "date,a,b\n2024-01-01,1,2\n2024-01-02,3,4\n");
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  char *only_b[] = { "b", NULL };
  UcLibraryRoles roles = { .time = "date", .values = only_b, .format = UC_VALUE_PERCENT };
  UcLibraryEntry *entry;

  g_assert_nonnull (uc_library_add (library, input, UC_LIBRARY_COPY, NULL, NULL, &error));
  entry = uc_library_rename (library, "series", "  Two series ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_library_entry_get_title (entry), ==, "Two series");
  g_assert_null (uc_library_rename (library, "series", " ", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_null (uc_library_rename (library, "nothing", "x", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_nonnull (uc_library_set_roles (library, "series", &roles, &error));
  g_assert_no_error (error);
  again = reload (dir);
  entry = uc_library_find (again, "series");
  g_assert_cmpstr (uc_library_entry_get_title (entry), ==, "Two series");
  g_assert_cmpstr (uc_library_entry_get_roles (entry)->values[0], ==, "b");
  g_assert_null (uc_library_entry_get_roles (entry)->values[1]);
  g_assert_cmpint (uc_library_entry_get_roles (entry)->format, ==, UC_VALUE_PERCENT);
  g_assert_cmpint (uc_library_entry_get_state (entry), ==, UC_LIBRARY_OK);
  /* Read again, the roles stay. */
  entry = uc_library_reimport (again, "series", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uc_library_entry_get_roles (entry)->values[0], ==, "b");
}

/* A prepared entry nobody commits leaves no copy; a cancelled read adds
 * nothing; an id taken meanwhile is refused at commit. */
static void
test_prepare (void)
{
  g_autofree char *dir = case_dir ("prepare");
  g_autoptr(GFile) input = write_input ("prepare", "p.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibraryEntry) entry = NULL, twin = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = uc_library_make_id (library, "/x/p.csv");

  g_cancellable_cancel (cancelled);
  g_assert_null (uc_library_prepare (library, input, id, UC_LIBRARY_COPY, NULL, NULL, NULL, NULL, NULL, cancelled,
                                     &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  entry = uc_library_prepare (library, input, id, UC_LIBRARY_COPY, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (uc_library_entry_get_path (entry), G_FILE_TEST_EXISTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 0);
  twin = uc_library_prepare (library, input, id, UC_LIBRARY_REFERENCE, NULL, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_true (uc_library_commit (library, twin, &error));
  g_assert_false (uc_library_commit (library, entry, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  uc_library_discard (library, entry);
  g_assert_false (g_file_test (uc_library_entry_get_path (entry), G_FILE_TEST_EXISTS));
}

static void
record_progress (double   fraction,
                 gpointer user_data)
{
  g_array_append_val ((GArray *) user_data, fraction);
}

/* The progress of an import covers its whole work: the read up to half
 * way, then the hash and the copy up to the end (the bar stood at 100%
 * for seconds while a large file was hashed and copied). */
static void
test_prepare_progress (void)
{
  g_autofree char *dir = case_dir ("progress");
  g_autoptr(GFile) input = write_input ("progress", "p.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibraryEntry) entry = NULL;
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = uc_library_make_id (library, "/x/p.csv");
  gboolean past_read = FALSE;

  entry = uc_library_prepare (library, input, id, UC_LIBRARY_COPY, NULL, NULL, NULL, record_progress, seen, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen->len, >=, 1);
  for (guint i = 0; i < seen->len; i++)
    {
      double f = g_array_index (seen, double, i);

      g_assert_cmpfloat (f, >=, 0);
      g_assert_cmpfloat (f, <=, 1);
      if (i > 0)
        g_assert_cmpfloat (f, >=, g_array_index (seen, double, i - 1));
      past_read |= f > 0.5;
    }
  g_assert_true (past_read);
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1);
  uc_library_discard (library, entry);
}

/* What a spreadsheet or a web page puts on the clipboard becomes a file
 * the reader types like any other. */
static void
test_paste (void)
{
  g_autofree char *dir = g_build_filename (root, "pasted", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL, again = NULL;
  g_autoptr(UcDataset) dataset = NULL;
  g_autofree char *path = NULL, *path2 = NULL, *normal = NULL;

  /* Spreadsheet cells: tabs, CRLF, a blank line before and after, an
   * empty last cell, a decimal comma. */
  file = uc_paste_save ("\r\nDate\tClose\tNote\r\n2025-01-24\t142,62\t\r\n2025-01-27\t118,42\tDeepSeek\r\n\r\n", dir, &error);
  g_assert_no_error (error);
  path = g_file_get_path (file);
  g_assert_true (g_str_has_suffix (path, ".tsv"));
  dataset = uc_csv_read_file (file, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (dataset), ==, 2);
  g_assert_cmpint (uc_dataset_get_column_type (dataset, 0), ==, UC_COLUMN_DATE);
  g_assert_cmpint (uc_dataset_get_column_type (dataset, 1), ==, UC_COLUMN_NUMBER);
  g_assert_cmpfloat (uc_dataset_get_numbers (dataset, 1)[1], ==, 118.42);
  /* Two pastes in one second get two files. */
  again = uc_paste_save ("a,b\n1,2\n", dir, &error);
  g_assert_no_error (error);
  path2 = g_file_get_path (again);
  g_assert_cmpstr (path, !=, path2);
  normal = uc_paste_normalize ("x,y\r\n1,2", &error);
  g_assert_cmpstr (normal, ==, "x,y\n1,2\n");
  /* Not a table. */
  g_assert_null (uc_paste_save ("just one line\n", dir, &error));
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (uc_paste_save ("\n \n", dir, &error));
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_null (uc_paste_save ("a,b\n\xff\xfe,1\n", dir, &error));
  g_assert_error (error, UC_CSV_ERROR, UC_CSV_ERROR_ENCODING);
}

/* A downloaded file's address and time: cleaned of credentials, kept
 * in the manifest, by a rename and a re-import, and in the credit. */
static void
test_origin (void)
{
  g_autofree char *dir = case_dir ("origin");
  g_autoptr(GFile) input = write_input ("origin", "downloaded-20261203-101500-prices.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(UcLibrary) again = NULL;
  g_autoptr(UcLibraryEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *manifest = NULL, *credit = NULL, *clean = NULL;
  UcLibraryEntry *kept;

  clean = uc_library_clean_url ("https://user:secret@example.org:8443/data/prices.csv?x=1#top");
  g_assert_cmpstr (clean, ==, "https://example.org:8443/data/prices.csv?x=1#top");
  g_clear_pointer (&clean, g_free);
  clean = uc_library_clean_url ("http://example.org/a%20b.csv");
  g_assert_cmpstr (clean, ==, "http://example.org/a%20b.csv");
  g_assert_null (uc_library_clean_url (""));
  g_assert_null (uc_library_clean_url (NULL));
  g_assert_null (uc_library_clean_url ("not an address"));

  entry = uc_library_prepare (library, input, "prices", UC_LIBRARY_COPY, "Prices", NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (uc_library_entry_get_origin_url (entry));
  uc_library_entry_set_origin (entry, "https://me:pw@example.org/prices.csv", "2026-12-03T10:15:00Z");
  g_assert_cmpstr (uc_library_entry_get_origin_url (entry), ==, "https://example.org/prices.csv");
  g_assert_cmpstr (uc_library_entry_get_downloaded_at (entry), ==, "2026-12-03T10:15:00Z");
  credit = uc_library_entry_dup_credit (entry);
  g_assert_cmpstr (credit, ==, "Source: https://example.org/prices.csv, downloaded 3 Dec 2026");
  g_assert_true (uc_library_commit (library, entry, &error));
  g_assert_no_error (error);
  manifest = read_text (dir, "library.json");
  g_assert_nonnull (strstr (manifest, "\"origin_url\": \"https://example.org/prices.csv\""));
  g_assert_nonnull (strstr (manifest, "\"downloaded_at\": \"2026-12-03T10:15:00Z\""));
  g_assert_null (strstr (manifest, "pw@"));

  g_assert_nonnull (uc_library_rename (library, "prices", "Renamed", &error));
  g_assert_nonnull (uc_library_reimport (library, "prices", &error));
  g_assert_no_error (error);
  again = reload (dir);
  kept = uc_library_find (again, "prices");
  g_assert_cmpstr (uc_library_entry_get_title (kept), ==, "Renamed");
  g_assert_cmpstr (uc_library_entry_get_origin_url (kept), ==, "https://example.org/prices.csv");
  g_assert_cmpstr (uc_library_entry_get_downloaded_at (kept), ==, "2026-12-03T10:15:00Z");
  g_clear_pointer (&credit, g_free);
  credit = uc_library_entry_dup_credit (kept);
  g_assert_cmpstr (credit, ==, "Source: https://example.org/prices.csv, downloaded 3 Dec 2026");
  {
    g_autoptr(UcLibraryEntry) copy = uc_library_entry_copy (kept);

    g_assert_cmpstr (uc_library_entry_get_origin_url (copy), ==, "https://example.org/prices.csv");
  }
  /* A file not downloaded has no address, and its credit names it. */
  {
    g_autoptr(GFile) local = write_input ("origin", "local.csv", csv_text);
    UcLibraryEntry *plain = uc_library_add (again, local, UC_LIBRARY_COPY, NULL, NULL, &error);
    g_autofree char *plain_credit = NULL;

    g_assert_no_error (error);
    g_assert_null (uc_library_entry_get_origin_url (plain));
    g_assert_null (uc_library_entry_get_downloaded_at (plain));
    plain_credit = uc_library_entry_dup_credit (plain);
    g_assert_true (g_str_has_prefix (plain_credit, "Source: local.csv, imported "));
  }
  /* A manifest written by hand with a password in the address: dropped on reading. */
  {
    g_autofree char *hand = g_build_filename (root, "origin-hand", "library", NULL);
    g_autofree char *path = g_build_filename (hand, "library.json", NULL);
    g_autofree char *file = g_build_filename (hand, "x.csv", NULL);
    g_autoptr(UcLibrary) handmade = NULL;

    g_assert_cmpint (g_mkdir_with_parents (hand, 0700), ==, 0);
    g_assert_true (g_file_set_contents (file, csv_text, -1, NULL));
    g_assert_true (g_file_set_contents (path, "{\"entries\": [{\"id\": \"x\", \"mode\": \"copy\", \"file\": \"x.csv\", "
                                              "\"origin_url\": \"https://a:b@example.org/x.csv\"}]}", -1, NULL));
    handmade = reload (hand);
    g_assert_cmpstr (uc_library_entry_get_origin_url (uc_library_find (handmade, "x")), ==, "https://example.org/x.csv");
  }
}

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
} Canceller;

static void
cancel_on_progress (double   fraction,
                    gpointer data)
{
  Canceller *c = data;

  c->calls++;
  g_cancellable_cancel (c->cancellable);
}

/* Read again in two steps, as the window does on a worker: nothing of the
 * library changes before the commit; a cancel or an error leaves no file
 * behind and the entry as it was. */
static void
test_reimport_steps (void)
{
  g_autofree char *dir = case_dir ("reimport-steps");
  g_autoptr(GFile) orig = write_input ("reimport-steps", "steps.csv", csv_text);
  g_autoptr(UcLibrary) library = reload (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcLibraryEntry) entry = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL, *after = NULL, *copy = NULL;
  const char *more = "date,value\n2024-01-01,1.5\n2024-01-02,2.5\n2024-01-03,3.5\n2024-01-04,9.5\n";
  UcLibraryEntry *old;
  Canceller canceller = { cancellable, 0 };
  g_autofree char *staged = g_build_filename (dir, "steps.csv.new", NULL);
  GString *big;

  g_assert_nonnull (uc_library_add (library, orig, UC_LIBRARY_COPY, NULL, NULL, &error));
  old = uc_library_find (library, "steps");
  g_assert_true (g_file_replace_contents (orig, more, strlen (more), NULL, FALSE, 0, NULL, NULL, NULL));
  before = snapshot (dir);
  entry = uc_library_prepare_reimport (library, old, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (uc_library_find (library, "steps") == old);
  copy = read_text (dir, "steps.csv");
  g_assert_cmpstr (copy, ==, csv_text);
  g_assert_true (uc_library_commit_reimport (library, entry, &error));
  g_assert_no_error (error);
  g_assert_true (uc_library_find (library, "steps") == entry);
  g_clear_pointer (&copy, g_free);
  copy = read_text (dir, "steps.csv");
  g_assert_cmpstr (copy, ==, more);
  g_assert_false (g_file_test (staged, G_FILE_TEST_EXISTS));
  g_assert_cmpint (uc_library_entry_check (entry), ==, UC_LIBRARY_OK);
  g_clear_object (&entry);

  /* Cancelled while it reads: nothing changes, nothing is left. */
  big = g_string_new ("date,value\n");
  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (big, "%04u-01-01,%u\n", 1000 + i % 9000, i);
  g_assert_true (g_file_replace_contents (orig, big->str, big->len, NULL, FALSE, 0, NULL, NULL, NULL));
  g_string_free (big, TRUE);
  g_clear_pointer (&before, g_free);
  before = snapshot (dir);
  old = uc_library_find (library, "steps");
  entry = uc_library_prepare_reimport (library, old, cancel_on_progress, &canceller, cancellable, &error);
  g_assert_null (entry);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (uc_library_find (library, "steps") == old);

  /* A bad file: the error names it and its line; nothing changes. */
  g_assert_true (g_file_replace_contents (orig, "date,value\n2024-01-01,1\n2024-01-02,\"2\n", 38, NULL, FALSE, 0,
                                          NULL, NULL, NULL));
  entry = uc_library_prepare_reimport (library, old, NULL, NULL, NULL, &error);
  g_assert_null (entry);
  g_assert_nonnull (strstr (error->message, "steps.csv"));
  g_assert_nonnull (strstr (error->message, "line"));
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = snapshot (dir);
  g_assert_cmpstr (after, ==, before);

  /* Prepared, then the entry removed: the commit fails and leaves nothing. */
  g_assert_true (g_file_replace_contents (orig, more, strlen (more), NULL, FALSE, 0, NULL, NULL, NULL));
  entry = uc_library_prepare_reimport (library, old, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (uc_library_remove (library, "steps", &error));
  g_assert_false (uc_library_commit_reimport (library, entry, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (staged, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) d = g_dir_open (path, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
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
  g_autoptr(GError) error = NULL;
  int status;

  root = g_dir_make_tmp ("uc-library-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("UNDERCUT_DATA_DIR", root, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/library/default-dir", test_default_dir);
  g_test_add_func ("/library/add-copy", test_add_copy);
  g_test_add_func ("/library/add-reference", test_add_reference);
  g_test_add_func ("/library/persist", test_persist);
  g_test_add_func ("/library/remove", test_remove);
  g_test_add_func ("/library/missing-reference", test_missing_reference);
  g_test_add_func ("/library/changed-reference", test_changed_reference);
  g_test_add_func ("/library/reimport", test_reimport);
  g_test_add_func ("/library/bad-csv", test_bad_csv);
  g_test_add_func ("/library/unreadable-manifest", test_unreadable_manifest);
  g_test_add_func ("/library/unique-ids", test_unique_ids);
  g_test_add_func ("/library/builtin-ids", test_builtin_ids);
  g_test_add_func ("/library/fill-catalog", test_fill_catalog);
  g_test_add_func ("/library/roles", test_roles);
  g_test_add_func ("/library/view", test_view);
  g_test_add_func ("/library/rename", test_rename);
  g_test_add_func ("/library/prepare", test_prepare);
  g_test_add_func ("/library/prepare-progress", test_prepare_progress);
  g_test_add_func ("/library/paste", test_paste);
  g_test_add_func ("/library/origin", test_origin);
  g_test_add_func ("/library/reimport-steps", test_reimport_steps);
  status = g_test_run ();
  remove_tree (root);
  g_free (root);
  return status;
}
