/* test-user-events.c: the user's own events file, checked, kept and drawn
 *
 * UNDERCUT_DATA_DIR points at a fresh temporary folder; each case writes
 * its files there.
 */
#include <glib/gstdio.h>
#include <string.h>

#include "uc-chart-options.h"
#include "uc-user-events.h"

static char *root;

static GFile *
write_input (const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (root, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

static const char good[] = "date,title,category\n"
                           "2025-01-27,Our launch,market\n"
                           "2025-02-10,Board meeting,\n"
                           "2030-01-01,Far away,\n";

/* A time chart of 2025 (no series needed for its events). */
static UcChartSpec *
chart_2025 (void)
{
  UcChartSpec *spec = uc_chart_spec_new ();

  uc_chart_spec_set_x_kind (spec, UC_X_TIME);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 12, 31));
  uc_chart_spec_set_source (spec, "Source: somewhere.");
  return spec;
}

static void
test_read (void)
{
  g_autoptr(GFile) file = write_input ("good.csv", good);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = uc_user_events_read (file, &error);
  g_autoptr(UcChartSpec) spec = chart_2025 ();

  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (events), ==, 3);
  /* In the chart's range only, all of the user's category. */
  g_assert_cmpuint (uc_user_events_add_to (spec, events, "good.csv"), ==, 2);
  g_assert_cmpuint (uc_chart_spec_get_n_events (spec), ==, 2);
  for (guint i = 0; i < 2; i++)
    g_assert_cmpint (uc_event_get_category (uc_chart_spec_get_event (spec, i)), ==, UC_EVENT_USER);
  g_assert_cmpstr (uc_event_get_title (uc_chart_spec_get_event (spec, 0)), ==, "Our launch");
  g_assert_nonnull (uc_event_get_label (uc_chart_spec_get_event (spec, 0)));
  g_assert_cmpstr (uc_chart_spec_get_source (spec), ==, "Source: somewhere. Your events: good.csv.");
  g_assert_cmpstr (uc_event_category_to_string (UC_EVENT_USER), ==, "user");
  g_assert_cmpint (uc_event_category_from_string ("user"), ==, UC_EVENT_USER);
}

/* Each refusal names the file, and the line and column it is about. */
static void
test_refused (void)
{
  static const struct { const char *name, *text, *words[3]; } cases[] = {
    { "no-date.csv", "day,title\n2025-01-27,Launch\n", { "no-date.csv: line 1", "“date”", "day, title" } },
    { "no-title.csv", "date,name\n2025-01-27,Launch\n", { "no-title.csv: line 1", "“title”", "date, name" } },
    { "bad-date.csv", "date,title\n2025-01-27,Launch\n2025-02-30,Never\n2025-03-01,Later\n",
      { "bad-date.csv: line 3, column 1", "“2025-02-30” is not a date", NULL } },
    { "bad-date-2.csv", "title,date\nLaunch,2025-01-27\nLater,soon\n",
      { "bad-date-2.csv: line 3, column 2", "“soon”", NULL } },
    { "numbers.csv", "date,title\n1,a\n2,b\n", { "numbers.csv: column 1", "numbers", NULL } },
    { "untitled.csv", "date,title\n2025-01-27,\n", { "untitled.csv", "no row has both a date and a title", NULL } },
    { "empty.csv", "", { "empty.csv", NULL, NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_input (cases[i].name, cases[i].text);
      g_autoptr(GError) error = NULL;
      g_autoptr(UcDataset) events = uc_user_events_read (file, &error);

      g_assert_null (events);
      g_assert_nonnull (error);
      for (guint w = 0; w < G_N_ELEMENTS (cases[i].words) && cases[i].words[w]; w++)
        if (strstr (error->message, cases[i].words[w]) == NULL)
          g_error ("%s: “%s” not in “%s”", cases[i].name, cases[i].words[w], error->message);
    }
  {
    g_autoptr(GFile) dir = g_file_new_for_path (root);
    g_autoptr(GError) error = NULL;

    g_assert_null (uc_user_events_read (dir, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  }
}

/* Kept as a copy with the user's file's name; a refused file leaves the
 * copy as it was; removed, both go. */
static void
test_install (void)
{
  g_autofree char *path = uc_user_events_default_path ();
  g_autofree char *expected = g_build_filename (root, "events", "your-events.csv", NULL);
  g_autoptr(GFile) file = write_input ("my-dates.csv", good);
  g_autoptr(GFile) bad = write_input ("broken.csv", "day,title\n2025-01-27,x\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = NULL, loaded = NULL;
  g_autofree char *copy = NULL, *name = NULL;

  g_assert_cmpstr (path, ==, expected);
  g_assert_null (uc_user_events_load (path, &error));
  g_assert_no_error (error);
  events = uc_user_events_install (file, path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (events);
  g_assert_true (g_file_get_contents (path, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, good);
  name = uc_user_events_dup_name (path);
  g_assert_cmpstr (name, ==, "my-dates.csv");
  loaded = uc_user_events_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_dataset_get_n_rows (loaded), ==, 3);

  g_assert_null (uc_user_events_install (bad, path, &error));
  g_assert_nonnull (strstr (error->message, "broken.csv"));
  g_clear_error (&error);
  g_clear_pointer (&copy, g_free);
  g_assert_true (g_file_get_contents (path, &copy, NULL, NULL));
  g_assert_cmpstr (copy, ==, good);
  g_clear_pointer (&name, g_free);
  name = uc_user_events_dup_name (path);
  g_assert_cmpstr (name, ==, "my-dates.csv");

  g_assert_true (uc_user_events_remove (path, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_pointer (&name, g_free);
  name = uc_user_events_dup_name (path);
  g_assert_cmpstr (name, ==, "your-events.csv");
  g_assert_true (uc_user_events_remove (path, &error));
  g_assert_no_error (error);
}

/* Through the options every chart is shown with: added beside the
 * chart's own, hidden with their category, none on a chart not on time. */
static void
test_options (void)
{
  g_autoptr(GFile) file = write_input ("opts.csv", good);
  g_autoptr(UcDataset) events = uc_user_events_read (file, NULL);
  g_autoptr(UcChartSpec) spec = chart_2025 ();
  g_autoptr(UcChartSpec) shown = NULL, hidden = NULL, numbers = NULL, plain = NULL;
  g_autoptr(UcChartSpec) number_axis = uc_chart_spec_new ();
  g_autoptr(UcEvent) own = uc_event_new (uc_time_from_ymd (2025, 3, 1), "Built in", UC_EVENT_MARKET);
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;

  uc_chart_spec_add_event (spec, own);
  options.added_events = g_object_ref (events);
  options.added_events_name = g_strdup ("opts.csv");
  shown = uc_chart_options_apply (&options, spec, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_chart_spec_get_n_events (shown), ==, 3);
  g_assert_cmpuint (uc_chart_spec_get_n_events (spec), ==, 1);
  g_assert_cmpstr (uc_chart_spec_get_source (shown), ==, "Source: somewhere. Your events: opts.csv.");
  g_assert_cmpstr (uc_chart_spec_get_source (spec), ==, "Source: somewhere.");

  options.hidden_categories = 1u << UC_EVENT_USER;
  hidden = uc_chart_options_apply (&options, spec, &error);
  g_assert_cmpuint (uc_chart_spec_get_n_events (hidden), ==, 1);
  g_assert_cmpint (uc_event_get_category (uc_chart_spec_get_event (hidden, 0)), ==, UC_EVENT_MARKET);

  options.hidden_categories = 0;
  uc_chart_spec_set_x_kind (number_axis, UC_X_NUMBER);
  uc_chart_spec_set_range (number_axis, 0, G_MAXINT64 / 4);
  numbers = uc_chart_options_apply (&options, number_axis, &error);
  g_assert_cmpuint (uc_chart_spec_get_n_events (numbers), ==, 0);

  /* Without them, the chart as it was. */
  g_clear_object (&options.added_events);
  plain = uc_chart_options_apply (&options, spec, &error);
  g_assert_cmpuint (uc_chart_spec_get_n_events (plain), ==, 1);
  g_assert_cmpstr (uc_chart_spec_get_source (plain), ==, "Source: somewhere.");
}

/* Text a spreadsheet, the CSV reader's guesses or our own marks could
 * change: every field comes back as typed. */
static const char *const hostile[] = {
  "Say \"hi\", then leave", "=cmd|' /C calc'!A0", "+1", "-5", "@SUM(A1)", "\tTab", "42", "3,5", "1.2M",
  "2025-01-27", "27/01/2025", "Jan 27, 2025", "NA", "null", "-", "'=x", "''", "'tis", "'42", " padded ",
  "two\nlines, \"quoted\"", "semi;colon|pipe", "naïve — ünïcode ✓", "$5", "12%",
};

static UcEvent *
hostile_event (guint i)
{
  const char *text = hostile[i];
  const char *other = hostile[(i + 7) % G_N_ELEMENTS (hostile)];

  return uc_user_event_new (uc_time_from_ymd (2025, 1, 1 + (int) i), i % 3 == 0 ? uc_time_from_ymd (2025, 3, 1) : 0,
                            text, other, hostile[(i + 3) % G_N_ELEMENTS (hostile)],
                            i % 2 ? "https://example.com/a?b=1,2&c=\"d\"" : NULL);
}

static void
assert_same_list (GPtrArray *a,
                  GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      UcEvent *x = g_ptr_array_index (a, i), *y = g_ptr_array_index (b, i);

      g_assert_cmpstr (uc_event_get_title (x), ==, uc_event_get_title (y));
      g_assert_cmpstr (uc_event_get_description (x), ==, uc_event_get_description (y));
      g_assert_cmpstr (uc_event_get_tag (x), ==, uc_event_get_tag (y));
      g_assert_cmpstr (uc_event_get_source_url (x), ==, uc_event_get_source_url (y));
      g_assert_cmpint (uc_event_get_time (x), ==, uc_event_get_time (y));
      g_assert_cmpint (uc_event_get_end (x), ==, uc_event_get_end (y));
      g_assert_cmpint (uc_event_get_category (y), ==, UC_EVENT_USER);
      g_assert_true (uc_user_event_equal (x, y));
    }
}

/* The list as the file kept at @path reads back, after a fresh start. */
static GPtrArray *
reload (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) events = uc_user_events_load (path, &error);

  g_assert_no_error (error);
  return uc_user_events_list (events);
}

/* Added, changed and deleted one by one, each change written whole and
 * read back; hostile text survives every step. */
static void
test_edit (void)
{
  g_autofree char *path = uc_user_events_default_path ();
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcEvent) changed = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr(UcDataset) saved = NULL;
      g_autoptr(GPtrArray) back = NULL, again = NULL;

      g_ptr_array_add (list, hostile_event (i));
      saved = uc_user_events_save (list, path, &error);
      g_assert_no_error (error);
      back = uc_user_events_list (saved);
      assert_same_list (list, back);
      again = reload (path);
      assert_same_list (list, again);
    }
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "date,end,title,description,category,source_url\n"));
  /* No cell a spreadsheet would run. */
  g_assert_null (strstr (text, ",=cmd"));
  g_assert_null (strstr (text, ",\"=cmd"));
  g_assert_nonnull (strstr (text, ",\"'=cmd"));

  /* Changed: found by its fields (the charts hold copies), replaced. */
  {
    g_autoptr(GPtrArray) back = reload (path);

    g_assert_cmpint (uc_user_events_find (list, g_ptr_array_index (back, 4)), ==, 4);
  }
  changed = uc_user_event_new (uc_time_from_ymd (2024, 12, 31), 0, "Moved, \"renamed\"\n=again", NULL, "Mine", NULL);
  g_ptr_array_remove_index (list, 4);
  g_ptr_array_insert (list, 0, g_object_ref (changed));
  {
    g_autoptr(UcDataset) saved = uc_user_events_save (list, path, &error);
    g_autoptr(GPtrArray) back = reload (path);

    g_assert_no_error (error);
    assert_same_list (list, back);
    g_assert_cmpint (uc_user_events_find (back, changed), ==, 0);
    g_assert_cmpint (uc_user_events_find (back, g_ptr_array_index (list, 1)), ==, 1);
  }
  /* Deleted down to none: the copy goes, and nothing is loaded. */
  while (list->len > 0)
    {
      g_autoptr(UcDataset) saved = NULL;

      g_ptr_array_remove_index (list, list->len / 2);
      saved = uc_user_events_save (list, path, &error);
      g_assert_no_error (error);
      g_assert_true ((saved == NULL) == (list->len == 0));
      if (saved)
        {
          g_autoptr(GPtrArray) back = reload (path);

          assert_same_list (list, back);
        }
    }
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_null (uc_user_events_load (path, &error));
  g_assert_no_error (error);
}

/* The file written is an events file like any: `export --events` and
 * Events File… read it, and its own category names show on the events. */
static void
test_format (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(UcDataset) events = NULL;
  g_autoptr(UcChartSpec) spec = chart_2025 ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (root, "exported.csv", NULL);

  g_ptr_array_add (list, uc_user_event_new (uc_time_from_ymd (2025, 2, 3), uc_time_from_ymd (2025, 2, 7),
                                            "Offsite", "Planning, \"all\" week", "=Team", "https://example.com/x"));
  bytes = uc_user_events_format (list);
  g_assert_cmpstr (g_bytes_get_data (bytes, NULL), ==,
                   "date,end,title,description,category,source_url\n"
                   "2025-02-03,2025-02-07,Offsite,\"Planning, \"\"all\"\" week\",'=Team,https://example.com/x\n");
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  file = g_file_new_for_path (path);
  events = uc_user_events_read (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (uc_user_events_add_to (spec, events, "exported.csv"), ==, 1);
  g_assert_cmpstr (uc_event_get_tag (uc_chart_spec_get_event (spec, 0)), ==, "=Team");
  g_assert_cmpstr (uc_event_get_description (uc_chart_spec_get_event (spec, 0)), ==, "Planning, \"all\" week");
  g_assert_cmpint (uc_event_get_end (uc_chart_spec_get_event (spec, 0)), ==, uc_time_from_ymd (2025, 2, 7));
}

/* A first row of mostly text over a row of dates is the first event, not
 * a line of units under the header: every order of a few events reads
 * back (each of them first, with and without an end). */
static void
test_first_row (void)
{
  g_autofree char *path = uc_user_events_default_path ();
  g_autoptr(GError) error = NULL;

  for (guint first = 0; first < 4; first++)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(UcDataset) saved = NULL;
      g_autoptr(GPtrArray) back = NULL;

      for (guint k = 0; k < 4; k++)
        {
          guint i = (first + k) % 4;

          g_ptr_array_add (list, uc_user_event_new (uc_time_from_ymd (2025, 1, 10 + (int) k),
                                                    i % 2 ? uc_time_from_ymd (2025, 2, 1) : 0,
                                                    i < 2 ? "=cmd" : "A title", i == 1 ? NULL : "Some words, more words",
                                                    i == 3 ? NULL : "Ours", i == 0 ? "https://example.com" : NULL));
        }
      saved = uc_user_events_save (list, path, &error);
      g_assert_no_error (error);
      back = reload (path);
      assert_same_list (list, back);
    }
  g_assert_true (uc_user_events_remove (path, &error));
}

/* Text made of pieces the reader might take for something else. */
static char *
random_text (gboolean may_be_empty)
{
  static const char *const pieces[] = {
    "a", "Zed", " ", ",", ";", "|", "\t", "\"", "'", "=", "+", "-", "@", "\n", "\r\n", "0", "42", "3.5", "1,5",
    "2025-01-27", "27/01/2025", "Q1", "2025-Q1", "NA", "null", "%", "$", "€", "#", "____", "©", "é", "—", "✓",
  };
  GString *text = g_string_new (NULL);
  guint n = (guint) g_test_rand_int_range (may_be_empty ? 0 : 1, 5);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
  /* As the form keeps them: a title is stripped and never empty. */
  if (!may_be_empty)
    {
      g_strstrip (text->str);
      g_string_set_size (text, strlen (text->str));
      if (text->len == 0)
        g_string_append (text, "t");
    }
  return g_string_free (text, FALSE);
}

/* Lists of a few events of random hostile text, each written and read
 * back the same. */
static void
test_random (void)
{
  g_autofree char *path = uc_user_events_default_path ();

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(UcDataset) saved = NULL;
      g_autoptr(GPtrArray) back = NULL;
      g_autoptr(GError) error = NULL;
      guint n = (guint) g_test_rand_int_range (1, 6);

      for (guint k = 0; k < n; k++)
        {
          g_autofree char *title = random_text (FALSE);
          g_autofree char *about = random_text (TRUE);
          g_autofree char *tag = random_text (TRUE);
          UcTime day = uc_time_from_ymd (2024 + g_test_rand_int_range (0, 3), 1 + g_test_rand_int_range (0, 12),
                                         1 + (int) k);

          g_ptr_array_add (list, uc_user_event_new (day, g_test_rand_bit () ? day + 3 * UC_USEC_PER_DAY : 0, title,
                                                    about, tag, g_test_rand_bit () ? "http://example.com/?q=a,b" : NULL));
        }
      saved = uc_user_events_save (list, path, &error);
      g_assert_no_error (error);
      back = reload (path);
      /* The reader lists them by date: compare as sets, by position in the saved list. */
      g_assert_cmpuint (back->len, ==, list->len);
      for (guint k = 0; k < list->len; k++)
        if (uc_user_events_find (back, g_ptr_array_index (list, k)) < 0)
          {
            g_autoptr(GBytes) bytes = uc_user_events_format (list);

            g_error ("round %u: event %u (“%s”) not read back from:\n%s", round, k,
                     uc_event_get_title (g_ptr_array_index (list, k)), (const char *) g_bytes_get_data (bytes, NULL));
          }
    }
}

/* Only web addresses with a host. */
static void
test_url (void)
{
  static const char *const good_urls[] = { "https://example.com", "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/" };
  static const char *const bad_urls[] = { "", "example.com", "ftp://example.com", "javascript:alert(1)",
                                          "file:///etc/passwd", "https://", "https:///path", "http//x.com" };

  for (guint i = 0; i < G_N_ELEMENTS (good_urls); i++)
    g_assert_true (uc_user_events_check_url (good_urls[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (uc_user_events_check_url (bad_urls[i], &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }
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

  root = g_dir_make_tmp ("uc-user-events-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("UNDERCUT_DATA_DIR", root, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/user-events/read", test_read);
  g_test_add_func ("/user-events/refused", test_refused);
  g_test_add_func ("/user-events/install", test_install);
  g_test_add_func ("/user-events/options", test_options);
  g_test_add_func ("/user-events/edit", test_edit);
  g_test_add_func ("/user-events/format", test_format);
  g_test_add_func ("/user-events/first-row", test_first_row);
  g_test_add_func ("/user-events/random", test_random);
  g_test_add_func ("/user-events/url", test_url);
  status = g_test_run ();
  remove_tree (root);
  g_free (root);
  return status;
}
