/* test-import-dialog.c: the import dialog on a display, driven through its
 * own controls: the preview follows the delimiter, the getters say what
 * the controls show, bad files are named in the dialog, and a file changed
 * after the preview is read again before it can be imported. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "uc-import-dialog.h"
#include "uc-import-presets.h"
#include "uc-ui-resources.h"

static gboolean have_display;
static char *data_dir;   /* the user data dir: where "files like this" are remembered */

typedef struct
{
  char *dir;
} Fixture;

static gboolean
skip_without_display (void)
{
  if (have_display)
    return FALSE;
  /* build-aux/test runs under Xvfb: there a missing display is a failure. */
  if (g_getenv ("UC_TEST_REQUIRE_DISPLAY"))
    g_error ("no display, but UC_TEST_REQUIRE_DISPLAY is set");
  g_test_skip ("no display");
  return TRUE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("uc-import-XXXXXX", &error);
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
            const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

/* Until the preview of the last change is in the dialog; returns how long
 * that took (the frame that draws it comes after). */
static double
wait_read (UcImportDialog *dialog)
{
  gint64 start = g_get_monotonic_time ();
  gint64 deadline = start + 10 * G_USEC_PER_SEC;
  double ms;

  /* One turn at least: a change schedules its read on the main loop. */
  do
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the preview");
      if (uc_import_dialog_is_reading (dialog))
        g_usleep (500);
    }
  while (uc_import_dialog_is_reading (dialog));
  ms = (g_get_monotonic_time () - start) / 1000.0;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return ms;
}

/* The first widget under @widget that @match accepts. */
static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (widget, data))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
is_row_titled (GtkWidget    *widget,
               gconstpointer title)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

static gboolean
is_switch (GtkWidget    *widget,
           gconstpointer data)
{
  return GTK_IS_SWITCH (widget);
}

static gboolean
is_column_view (GtkWidget    *widget,
                gconstpointer data)
{
  return GTK_IS_COLUMN_VIEW (widget);
}

static gboolean
is_bad_cell (GtkWidget    *widget,
             gconstpointer text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "import-bad-cell") &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_visible_label_with (GtkWidget    *widget,
                       gconstpointer needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
         strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

static AdwComboRow *
combo (UcImportDialog *dialog,
       const char     *title)
{
  GtkWidget *row = find_widget (GTK_WIDGET (dialog), is_row_titled, title);

  g_assert_nonnull (row);
  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* Selects the item of @row whose text is @item. */
static void
choose (AdwComboRow *row,
        const char  *item)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), item) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  g_error ("no item “%s”", item);
}

static guint
n_view_columns (UcImportDialog *dialog)
{
  GtkWidget *view = find_widget (GTK_WIDGET (dialog), is_column_view, NULL);

  return g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (view)));
}

static void
on_import (UcImportDialog *dialog,
           guint          *count)
{
  (*count)++;
}

/* Enter: the default widget (Import) activated; a button says "clicked"
 * once its pressed look has shown, a moment later. */
static void
press_enter (UcImportDialog *dialog)
{
  gint64 until = g_get_monotonic_time () + 400 * 1000;

  g_assert_true (gtk_widget_activate (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static UcImportDialog *
open_dialog (GFile *file)
{
  UcImportDialog *dialog = uc_import_dialog_new (NULL, file, NULL);

  gtk_window_present (GTK_WINDOW (dialog));
  wait_read (dialog);
  return dialog;
}

static void
test_delimiter_and_roles (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "long-prices.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  UcImportDialog *dialog;
  UcCsvOptions options;
  const char * const *values;
  guint imported = 0;

  if (skip_without_display ())
    return;
  dialog = open_dialog (file);
  g_signal_connect (dialog, "import", G_CALLBACK (on_import), &imported);

  /* The Title has the focus (Enter there imports). */
  g_assert_nonnull (gtk_window_get_focus (GTK_WINDOW (dialog)));
  g_assert_true (gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (dialog)),
                                         find_widget (GTK_WIDGET (dialog), is_row_titled, "_Title")));

  /* As detected: date, ticker, close. */
  g_assert_nonnull (uc_import_dialog_get_preview (dialog));
  g_assert_cmpuint (n_view_columns (dialog), ==, 3);
  g_assert_cmpuint (uc_dataset_get_n_rows (uc_import_dialog_get_preview (dialog)), ==, 4);
  g_assert_cmpstr (uc_import_dialog_get_title (dialog), ==, "long-prices");
  g_assert_true (uc_import_dialog_get_file (dialog) == file);
  g_assert_true (uc_import_dialog_get_copy (dialog));
  g_assert_cmpstr (uc_import_dialog_get_time_column (dialog), ==, "date");
  values = uc_import_dialog_get_value_columns (dialog);
  g_assert_cmpstr (values[0], ==, "close");
  g_assert_null (values[1]);
  /* A long table (dates repeat): its text column of fewest values is
   * the group, as the library guesses it. */
  g_assert_cmpstr (uc_import_dialog_get_group_column (dialog), ==, "ticker");
  g_assert_null (uc_import_dialog_get_label_column (dialog));
  g_assert_cmpint (uc_import_dialog_get_value_format (dialog), ==, UC_VALUE_NUMBER);
  g_assert_true (uc_import_dialog_get_can_import (dialog));
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.delimiter, ==, ',');
  g_assert_cmpint (options.decimal, ==, '.');
  g_assert_cmpuint (options.header_row, ==, 1);
  g_assert_null (options.encoding);
  g_assert_null (options.date_format);
  g_assert_null (options.columns);   /* nothing skipped */

  /* ticker skipped: the options leave it out. */
  choose (combo (dialog, "ticker"), "Skip");
  g_assert_null (uc_import_dialog_get_group_column (dialog));
  uc_import_dialog_get_options (dialog, &options);
  g_assert_nonnull (options.columns);
  g_assert_cmpstrv (options.columns, ((const char *[]) { "date", "close", NULL }));

  /* The full read with those options reads what the preview showed. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(UcDataset) full = uc_csv_read_file (file, &options, NULL, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (uc_dataset_get_n_columns (full), ==, 2);
    g_assert_cmpuint (uc_dataset_get_n_rows (full), ==, 4);
    g_assert_cmpint (uc_dataset_get_column_type (full, 0), ==, UC_COLUMN_DATE);
    g_assert_cmpint (uc_dataset_get_column_type (full, 1), ==, UC_COLUMN_NUMBER);
  }

  /* A semicolon: one column, nothing to chart. */
  choose (combo (dialog, "_Delimiter"), "Semicolon");
  g_test_message ("a change of delimiter in the preview %.1f ms later (50 ms of it waiting for more changes)",
                  wait_read (dialog));
  g_assert_cmpuint (n_view_columns (dialog), ==, 1);
  g_assert_false (uc_import_dialog_get_can_import (dialog));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "no column holds dates"));
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.delimiter, ==, ';');

  /* Back to commas; ticker made the group, by its row. */
  choose (combo (dialog, "_Delimiter"), "Comma");
  wait_read (dialog);
  g_assert_cmpuint (n_view_columns (dialog), ==, 3);
  choose (combo (dialog, "ticker"), "Group");
  choose (combo (dialog, "_Values are"), "Money");
  gtk_switch_set_active (GTK_SWITCH (find_widget (GTK_WIDGET (dialog), is_switch, NULL)), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), is_row_titled, "_Title")), "Prices");
  g_assert_cmpstr (uc_import_dialog_get_group_column (dialog), ==, "ticker");
  g_assert_cmpint (uc_import_dialog_get_value_format (dialog), ==, UC_VALUE_MONEY);
  g_assert_false (uc_import_dialog_get_copy (dialog));
  g_assert_cmpstr (uc_import_dialog_get_title (dialog), ==, "Prices");
  uc_import_dialog_get_options (dialog, &options);
  g_assert_null (options.columns);   /* nothing skipped */

  /* The role survives a re-read; a second group takes over from the first. */
  choose (combo (dialog, "Dat_es"), "Year-month-day");
  wait_read (dialog);
  g_assert_cmpstr (uc_import_dialog_get_group_column (dialog), ==, "ticker");
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.date_format, ==, "%Y-%m-%d");
  choose (combo (dialog, "close"), "Group");
  g_assert_cmpstr (uc_import_dialog_get_group_column (dialog), ==, "close");
  g_assert_null (uc_import_dialog_get_value_columns (dialog)[0]);
  g_assert_false (uc_import_dialog_get_can_import (dialog));
  choose (combo (dialog, "close"), "Value");
  g_assert_true (uc_import_dialog_get_can_import (dialog));
  g_assert_null (uc_import_dialog_get_group_column (dialog));

  press_enter (dialog);
  g_assert_cmpuint (imported, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_changed_on_disk (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "prices.csv", "date,close\n2025-01-24,1\n2025-01-27,2\n");
  g_autoptr(GFile) again = NULL;
  UcImportDialog *dialog;
  guint imported = 0;

  if (skip_without_display ())
    return;
  dialog = open_dialog (file);
  g_signal_connect (dialog, "import", G_CALLBACK (on_import), &imported);
  g_assert_true (uc_import_dialog_get_can_import (dialog));

  again = write_file (f, "prices.csv", "date,close\n2025-01-24,1\n2025-01-27,2\n2025-01-28,3\n");
  press_enter (dialog);
  g_assert_cmpuint (imported, ==, 0);
  wait_read (dialog);
  g_assert_cmpuint (uc_dataset_get_n_rows (uc_import_dialog_get_preview (dialog)), ==, 3);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "changed on disk"));

  press_enter (dialog);
  g_assert_cmpuint (imported, ==, 1);

  /* The handler's failure is shown, and the dialog stays. */
  {
    g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "library: no space left on the disk");

    uc_import_dialog_show_error (dialog, error);
    g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "no space left"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) text = write_file (f, "names.csv", "name,city\nAda,London\nGrace,New York\n");
  g_autoptr(GFile) empty = write_file (f, "empty.csv", "");
  g_autofree char *dir_path = g_build_filename (f->dir, "folder.csv", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (dir_path);
  struct { GFile *file; const char *says; } cases[] = {
    { text, "names.csv: line 1, column 1: no column holds dates" },
    { empty, "empty.csv: line 1, column 1: the file is empty" },
    { dir, "folder.csv: is a folder" },
  };

  if (skip_without_display ())
    return;
  g_assert_cmpint (g_mkdir (dir_path, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      UcImportDialog *dialog = open_dialog (cases[i].file);

      g_assert_false (uc_import_dialog_get_can_import (dialog));
      g_assert_false (gtk_widget_get_sensitive (gtk_window_get_default_widget (GTK_WINDOW (dialog))));
      if (find_widget (GTK_WIDGET (dialog), is_visible_label_with, cases[i].says) == NULL)
        g_error ("the dialog does not say “%s”", cases[i].says);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

/* A file wider than the table shows: the table shows the first columns, the
 * roles cover all. */
static void
test_wide (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("date");
  g_autoptr(GFile) file = NULL;
  UcImportDialog *dialog;

  if (skip_without_display ())
    return;
  for (guint c = 1; c < 400; c++)
    g_string_append_printf (text, ",v%u", c);
  for (guint r = 1; r <= 3; r++)
    {
      g_string_append_printf (text, "\n2025-01-%02u", r);
      for (guint c = 1; c < 400; c++)
        g_string_append_printf (text, ",%u", r * c);
    }
  g_string_append_c (text, '\n');
  file = write_file (f, "wide.csv", text->str);
  dialog = open_dialog (file);
  g_assert_cmpuint (uc_dataset_get_n_columns (uc_import_dialog_get_preview (dialog)), ==, 400);
  g_assert_cmpuint (n_view_columns (dialog), ==, 300);
  g_assert_cmpuint (g_strv_length ((GStrv) uc_import_dialog_get_value_columns (dialog)), ==, 399);
  g_assert_cmpstr (uc_import_dialog_get_time_column (dialog), ==, "date");
  g_assert_true (uc_import_dialog_get_can_import (dialog));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "the first 300 shown"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_activatable_row (GtkWidget    *widget,
                    gconstpointer data)
{
  /* A warning's row, not one of the side column's. */
  return GTK_IS_LIST_BOX_ROW (widget) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (widget)) &&
         gtk_widget_has_css_class (gtk_widget_get_parent (widget), "import-warnings");
}

/* A cell that a warning names is highlighted, with the text it held; the
 * warning, activated, scrolls the table to it. */
static void
test_warning_cell (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("date,close\n");
  g_autoptr(GFile) file = NULL;
  UcImportDialog *dialog;
  GtkWidget *view, *warning;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (skip_without_display ())
    return;
  /* One bad cell in 190, far down: the column stays numbers. */
  for (guint i = 0; i < 190; i++)
    g_string_append_printf (text, "2025-01-%02u,%s\n", i % 28 + 1, i == 150 ? "n/q" : "1.5");
  file = write_file (f, "bad.csv", text->str);
  dialog = open_dialog (file);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with,
                                 "line 152, column 12: “n/q” in column “close” is not a number"));
  view = find_widget (GTK_WIDGET (dialog), is_column_view, NULL);
  g_assert_cmpfloat (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))), ==, 0);

  warning = find_widget (GTK_WIDGET (dialog), is_activatable_row, NULL);
  g_assert_nonnull (warning);
  gtk_widget_activate (warning);
  while (find_widget (GTK_WIDGET (dialog), is_bad_cell, "n/q") == NULL ||
         gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view))) == 0)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > deadline)
        g_error ("the highlighted cell was not scrolled to");
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_row_subtitled (GtkWidget    *widget,
                  gconstpointer needle)
{
  const char *subtitle = ADW_IS_ACTION_ROW (widget) ? adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) : NULL;

  return subtitle != NULL && strstr (subtitle, needle) != NULL;
}

/* Dates that read both ways are said to be so by the Dates row, and the
 * order chosen there is the one read. */
static void
test_ambiguous_dates (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_file (f, "dates.csv", "day,value\n03/02/2025,1\n04/02/2025,2\n05/02/2025,3\n");
  UcImportDialog *dialog;
  UcDataset *preview;
  UcCsvOptions options;

  if (skip_without_display ())
    return;
  dialog = open_dialog (file);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_row_subtitled, "Day and month cannot be told apart"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (combo (dialog, "Dat_es")), "import-ambiguous"));

  choose (combo (dialog, "Dat_es"), "Day/month/year");
  wait_read (dialog);
  preview = uc_import_dialog_get_preview (dialog);
  g_assert_cmpint (uc_dataset_get_times (preview, 0)[0], ==, G_GINT64_CONSTANT (1738540800) * G_USEC_PER_SEC);
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_row_subtitled, "Day and month cannot be told apart"));
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.date_format, ==, "%d/%m/%Y");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_check_button (GtkWidget    *widget,
                 gconstpointer data)
{
  return GTK_IS_CHECK_BUTTON (widget);
}

static gboolean
is_button_labelled (GtkWidget    *widget,
                    gconstpointer label)
{
  return GTK_IS_BUTTON (widget) && !GTK_IS_CHECK_BUTTON (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static double
number_at (UcImportDialog *dialog,
           guint           column,
           guint           row)
{
  UcDataset *preview = uc_import_dialog_get_preview (dialog);

  g_assert_nonnull (preview);
  g_assert_cmpint (uc_dataset_get_column_type (preview, column), ==, UC_COLUMN_NUMBER);
  return uc_dataset_get_numbers (preview, column)[row];
}

/* The thousands separator: detected and said, changed, forbidden; the
 * same character as the decimal mark is an error in the dialog. */
static void
test_thousands (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GFile) file = NULL;
  UcImportDialog *dialog;
  UcCsvOptions options;

  if (skip_without_display ())
    return;
  file = write_file (f, "grouped.csv", "date,value\n2025-01-01,\"1,234\"\n2025-01-02,\"2,500\"\n2025-01-03,\"3,750\"\n");
  dialog = open_dialog (file);
  g_assert_cmpfloat (number_at (dialog, 1, 0), ==, 1234);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (combo (dialog, "Thousands _separator"))), ==,
                   "Detected: comma");
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.thousands, ==, 0);

  /* None: "1,234" is no number, the column text, nothing to chart. */
  choose (combo (dialog, "Thousands _separator"), "None (1000)");
  wait_read (dialog);
  g_assert_cmpint (uc_dataset_get_column_type (uc_import_dialog_get_preview (dialog), 1), ==, UC_COLUMN_TEXT);
  g_assert_false (uc_import_dialog_get_can_import (dialog));
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.thousands, ==, UC_CSV_NO_THOUSANDS);

  /* A point groups: the comma is the decimal mark, 1,234 is 1.234. */
  choose (combo (dialog, "Thousands _separator"), "Point (1.000)");
  wait_read (dialog);
  g_assert_cmpfloat (number_at (dialog, 1, 0), ==, 1.234);
  g_assert_cmpfloat (number_at (dialog, 1, 1), ==, 2.5);
  g_assert_true (uc_import_dialog_get_can_import (dialog));
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.thousands, ==, '.');
  g_assert_cmpint (options.decimal, ==, ',');

  /* The decimal mark a comma, the separator too: said, Import off, no read. */
  choose (combo (dialog, "Decimal _mark"), "Comma (1,5)");
  choose (combo (dialog, "Thousands _separator"), "Comma (1,000)");
  wait_read (dialog);
  g_assert_false (uc_import_dialog_get_can_import (dialog));
  g_assert_null (uc_import_dialog_get_preview (dialog));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "are the same character"));

  /* A comma and the point for decimals: back to 1234. */
  choose (combo (dialog, "Decimal _mark"), "Point (1.5)");
  wait_read (dialog);
  g_assert_true (uc_import_dialog_get_can_import (dialog));
  g_assert_cmpfloat (number_at (dialog, 1, 2), ==, 3750);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

#define KSH_HEADER "D\xc3\xa1tum;\xc3\x89rt\xc3\xa9k;Megjegyz\xc3\xa9s\n"

/* "Use these settings for files like this": checked at Import, the next
 * file of the same pattern opens with them; one they no longer fit falls
 * back to detection and says why; Forget drops them. */
static void
test_remember (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GFile) first = NULL, second = NULL, third = NULL;
  UcImportPresets *presets = uc_import_presets_get_default ();
  UcImportDialog *dialog;
  GtkWidget *check, *forget;
  UcCsvOptions options;
  guint imported = 0;

  if (skip_without_display ())
    return;
  first = write_file (f, "KSH_2024-05.csv", KSH_HEADER "2024-05-01;1 234,5;a\n2024-05-02;2 345,25;b\n"
                                            "2024-05-03;3 456,75;c\n");
  second = write_file (f, "ksh_2024-06.csv", KSH_HEADER "2024-06-01;10;x\n2024-06-02;20;y\n2024-06-03;30;z\n");
  third = write_file (f, "KSH_2024-07.csv", "D\xc3\xa1tum;\xc3\x89rt\xc3\xa9k\n2024-07-01;1\n2024-07-02;2\n");

  dialog = open_dialog (first);
  g_signal_connect (dialog, "import", G_CALLBACK (on_import), &imported);
  check = find_widget (GTK_WIDGET (dialog), is_check_button, NULL);
  g_assert_nonnull (check);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_nonnull (find_widget (check, is_visible_label_with, "files like KSH_*-*.csv"));
  g_assert_null (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "Settings remembered"));
  g_assert_cmpfloat (number_at (dialog, 1, 0), ==, 1234.5);
  /* Choices of the user's own: spaces group, the notes are labels. */
  choose (combo (dialog, "Thousands _separator"), "Space (1 000)");
  wait_read (dialog);
  choose (combo (dialog, "Megjegyz\xc3\xa9s"), "Label");
  g_assert_cmpstr (uc_import_dialog_get_label_column (dialog), ==, "Megjegyz\xc3\xa9s");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  /* Clicked at once: what Enter does, without waiting for its pressed look. */
  g_signal_emit_by_name (find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Import"), "clicked");
  g_assert_cmpuint (imported, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_nonnull (uc_import_presets_find (presets, "KSH_2030-01.csv"));
  {
    g_autofree char *path = g_build_filename (data_dir, "import-presets.json", NULL);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  /* The next month's file (its name in lower case): the settings remembered. */
  dialog = open_dialog (second);
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with,
                                 "Settings remembered for files like KSH_*-*.csv"));
  check = find_widget (GTK_WIDGET (dialog), is_check_button, NULL);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_cmpuint (adw_combo_row_get_selected (combo (dialog, "Thousands _separator")), ==, 4);   /* Space */
  g_assert_cmpuint (adw_combo_row_get_selected (combo (dialog, "_Delimiter")), ==, 2);   /* Semicolon */
  uc_import_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.delimiter, ==, ';');
  g_assert_cmpint (options.decimal, ==, ',');
  g_assert_cmpint (options.thousands, ==, ' ');
  g_assert_cmpuint (options.header_row, ==, 1);
  g_assert_cmpstr (uc_import_dialog_get_time_column (dialog), ==, "D\xc3\xa1tum");
  g_assert_cmpstr (uc_import_dialog_get_label_column (dialog), ==, "Megjegyz\xc3\xa9s");
  g_assert_cmpfloat (number_at (dialog, 1, 2), ==, 30);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* A file of the pattern without the notes column: detected, and said why. */
  dialog = open_dialog (third);
  wait_read (dialog);   /* the read with detection, after the preset's */
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "do not fit this file"));
  g_assert_nonnull (find_widget (GTK_WIDGET (dialog), is_visible_label_with, "Megjegyz\xc3\xa9s"));
  g_assert_cmpuint (adw_combo_row_get_selected (combo (dialog, "Thousands _separator")), ==, 0);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (find_widget (GTK_WIDGET (dialog), is_check_button,
                                                                              NULL))));
  g_assert_true (uc_import_dialog_get_can_import (dialog));
  g_assert_cmpfloat (number_at (dialog, 1, 1), ==, 2);

  /* Forget: gone from the file; the note too. */
  forget = find_widget (GTK_WIDGET (dialog), is_button_labelled, "_Forget");
  g_assert_nonnull (forget);
  g_signal_emit_by_name (forget, "clicked");
  g_assert_false (gtk_widget_is_visible (forget));
  wait_read (dialog);
  g_assert_null (uc_import_presets_find (presets, "KSH_2024-05.csv"));
  {
    g_autoptr(UcImportPresets) reread = uc_import_presets_new (uc_import_presets_get_path (presets));

    g_assert_true (uc_import_presets_load (reread, NULL));
    g_assert_cmpuint (uc_import_presets_get_n (reread), ==, 0);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Settings remembered by these tests stay in them. */
  data_dir = g_dir_make_tmp ("uc-import-data-XXXXXX", NULL);
  g_assert_nonnull (data_dir);
  g_setenv ("UNDERCUT_DATA_DIR", data_dir, TRUE);
  have_display = gtk_init_check ();
  if (have_display)
    {
      adw_init ();
      uc_ui_register_resource ();
    }

  g_test_add_func ("/import-dialog/delimiter-and-roles", test_delimiter_and_roles);
  g_test_add ("/import-dialog/changed-on-disk", Fixture, NULL, fixture_set_up, test_changed_on_disk,
              fixture_tear_down);
  g_test_add ("/import-dialog/bad-files", Fixture, NULL, fixture_set_up, test_bad_files, fixture_tear_down);
  g_test_add ("/import-dialog/ambiguous-dates", Fixture, NULL, fixture_set_up, test_ambiguous_dates,
              fixture_tear_down);
  g_test_add ("/import-dialog/wide", Fixture, NULL, fixture_set_up, test_wide, fixture_tear_down);
  g_test_add ("/import-dialog/warning-cell", Fixture, NULL, fixture_set_up, test_warning_cell, fixture_tear_down);
  g_test_add ("/import-dialog/thousands", Fixture, NULL, fixture_set_up, test_thousands, fixture_tear_down);
  g_test_add ("/import-dialog/remember", Fixture, NULL, fixture_set_up, test_remember, fixture_tear_down);

  status = g_test_run ();
  {
    g_autofree char *presets = g_build_filename (data_dir, "import-presets.json", NULL);

    g_unlink (presets);
    g_rmdir (data_dir);
    g_free (data_dir);
  }
  return status;
}
