/* uc-import-dialog-columns.c: a preview shown in the import dialog
 *
 * The table of its first rows (a GtkColumnView, each header saying the
 * column's type and role), a role row per column on the side, and the
 * reader's warnings, the cells they name highlighted in the table with
 * the text that was there. Roles start from what was read: the first date
 * column is the time axis, numbers are values, the rest is skipped; what
 * the user sets is kept by column name across re-reads.
 */
#include "config.h"

#include "uc-import-dialog.h"
#include "uc-import-dialog-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-library-entry.h"

static const char *
role_name (UcImportRole role)
{
  switch (role)
    {
    case UC_ROLE_TIME: return _("Time");
    case UC_ROLE_VALUE: return _("Value");
    case UC_ROLE_GROUP: return _("Group");
    case UC_ROLE_LABEL: return _("Label");
    case UC_ROLE_SKIP:
    default: return _("Skip");
    }
}

static const char *
type_name (UcColumnType type)
{
  switch (type)
    {
    case UC_COLUMN_DATE: return _("date");
    case UC_COLUMN_DATETIME: return _("date and time");
    case UC_COLUMN_NUMBER: return _("number");
    case UC_COLUMN_TEXT:
    default: return _("text");
    }
}

static void
uc_import_column_free (gpointer data)
{
  UcImportColumn *col = data;

  g_free (col->name);
  g_free (col);
}

/* What a column of its type can be in a chart. */
static void
set_allowed (UcImportColumn *col)
{
  static const UcImportRole dates[] = { UC_ROLE_TIME, UC_ROLE_SKIP };
  static const UcImportRole numbers[] = { UC_ROLE_VALUE, UC_ROLE_GROUP, UC_ROLE_LABEL, UC_ROLE_SKIP };
  static const UcImportRole texts[] = { UC_ROLE_GROUP, UC_ROLE_LABEL, UC_ROLE_SKIP };
  const UcImportRole *roles = col->type == UC_COLUMN_NUMBER ? numbers : col->type == UC_COLUMN_TEXT ? texts : dates;

  col->n_allowed = col->type == UC_COLUMN_NUMBER ? G_N_ELEMENTS (numbers) :
                   col->type == UC_COLUMN_TEXT ? G_N_ELEMENTS (texts) : G_N_ELEMENTS (dates);
  memcpy (col->allowed, roles, col->n_allowed * sizeof *roles);
}

static int
allowed_index (UcImportColumn *col,
               UcImportRole    role)
{
  for (guint i = 0; i < col->n_allowed; i++)
    if (col->allowed[i] == role)
      return (int) i;
  return -1;
}

static gboolean
is_single (UcImportRole role)
{
  return role == UC_ROLE_TIME || role == UC_ROLE_GROUP || role == UC_ROLE_LABEL;
}

/* "close · number · Value" */
static void
update_header (UcImportColumn *col)
{
  g_autofree char *title = g_strdup_printf ("%s\n%s · %s", col->name, type_name (col->type), role_name (col->role));

  if (col->view_column)
    gtk_column_view_column_set_title (col->view_column, title);
}

static void
set_role (UcImportColumn *col,
          UcImportRole    role)
{
  int index = allowed_index (col, role);

  col->role = role;
  if (col->row == NULL)
    return;
  col->dialog->updating++;
  adw_combo_row_set_selected (col->row, index < 0 ? col->n_allowed - 1 : (guint) index);
  col->dialog->updating--;
}

static const char *
first_name_of_type (UcImportDialog *self,
                    UcColumnType    type)
{
  for (guint c = 0; c < self->columns->len; c++)
    {
      UcImportColumn *col = g_ptr_array_index (self->columns, c);

      if (col->type == type || (type == UC_COLUMN_DATE && col->type == UC_COLUMN_DATETIME))
        return col->name;
    }
  return NULL;
}

/* Why Import cannot be pressed, or NULL; *error: it is the file's fault. */
static char *
blocker (UcImportDialog *self,
         gboolean       *error)
{
  const char *name = uc_dataset_get_name (self->dataset);
  guint header = self->report ? self->report->header_row : 1;

  *error = TRUE;
  if (first_name_of_type (self, UC_COLUMN_DATE) == NULL)
    /* Translators: a file without any date column; %s the file, %u its header's line */
    return g_strdup_printf (_("%s: line %u, column 1: no column holds dates, so there is nothing to chart over time. "
                              "If the dates are there, choose their format or the header's line."), name, header);
  if (first_name_of_type (self, UC_COLUMN_NUMBER) == NULL)
    /* Translators: a file of text and dates only */
    return g_strdup_printf (_("%s: line %u, column 1: no column holds numbers, only text and dates: "
                              "there are no values to chart. Check the delimiter and the decimal mark."),
                            name, header);
  *error = FALSE;
  if (self->time_column == NULL)
    return g_strdup (_("Choose the column that is the time axis (Time)."));
  if (self->value_columns == NULL || self->value_columns[0] == NULL)
    return g_strdup (_("Choose at least one column of values (Value)."));
  return NULL;
}

/* The roles read into the getters, the table's headers, and whether
 * Import can be pressed (and if not, why). */
static void
update_roles (UcImportDialog *self)
{
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) read = g_strv_builder_new ();
  g_autofree char *why = NULL;
  gboolean any_skipped = FALSE, error = FALSE;

  g_clear_pointer (&self->time_column, g_free);
  g_clear_pointer (&self->group_column, g_free);
  g_clear_pointer (&self->label_column, g_free);
  for (guint c = 0; c < self->columns->len; c++)
    {
      UcImportColumn *col = g_ptr_array_index (self->columns, c);

      update_header (col);
      if (col->role == UC_ROLE_SKIP)
        {
          any_skipped = TRUE;
          continue;
        }
      g_strv_builder_add (read, col->name);
      if (col->role == UC_ROLE_VALUE)
        g_strv_builder_add (values, col->name);
      else if (col->role == UC_ROLE_TIME && self->time_column == NULL)
        self->time_column = g_strdup (col->name);
      else if (col->role == UC_ROLE_GROUP && self->group_column == NULL)
        self->group_column = g_strdup (col->name);
      else if (col->role == UC_ROLE_LABEL && self->label_column == NULL)
        self->label_column = g_strdup (col->name);
    }
  g_strfreev (self->value_columns);
  self->value_columns = g_strv_builder_end (values);
  g_clear_pointer (&self->read_columns, g_strfreev);
  if (any_skipped)
    self->read_columns = g_strv_builder_end (read);

  if (self->dataset == NULL)
    return;   /* the read's error is shown */
  why = blocker (self, &error);
  self->can_import = why == NULL;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), self->can_import);
  if (why == NULL && self->changed_on_disk)
    {
      g_autofree char *name = g_file_get_parse_name (self->file);

      /* Translators: %s is a file; Import found it changed since the preview */
      why = g_strdup_printf (_("%s changed on disk since it was previewed; it was read again. "
                               "Check the preview and press Import again."), name);
    }
  uc_import_dialog_set_message (self, why, error);
}

static void
on_role_selected (AdwComboRow    *row,
                  GParamSpec     *pspec,
                  UcImportColumn *col)
{
  UcImportDialog *self = col->dialog;
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || selected >= col->n_allowed)
    return;
  col->role = col->allowed[selected];
  g_hash_table_replace (self->chosen_roles, g_strdup (col->name), GUINT_TO_POINTER (col->role + 1));
  /* One time axis, one group, one label: the one chosen before is skipped. */
  if (is_single (col->role))
    for (guint c = 0; c < self->columns->len; c++)
      {
        UcImportColumn *other = g_ptr_array_index (self->columns, c);

        if (other != col && other->role == col->role)
          {
            set_role (other, other->type == UC_COLUMN_NUMBER && col->role != UC_ROLE_TIME ? UC_ROLE_VALUE
                                                                                          : UC_ROLE_SKIP);
            g_hash_table_replace (self->chosen_roles, g_strdup (other->name), GUINT_TO_POINTER (other->role + 1));
          }
      }
  update_roles (self);
}

void
uc_import_dialog_clear_columns (UcImportDialog *self)
{
  GListModel *view_columns = gtk_column_view_get_columns (self->preview_view);

  for (guint c = 0; self->columns && c < self->columns->len; c++)
    {
      UcImportColumn *col = g_ptr_array_index (self->columns, c);

      if (col->row == NULL)
        continue;
      g_signal_handlers_disconnect_by_data (col->row, col);
      adw_preferences_group_remove (self->columns_group, GTK_WIDGET (col->row));
    }
  if (self->columns)
    g_ptr_array_set_size (self->columns, 0);
  while (view_columns && g_list_model_get_n_items (view_columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (view_columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }
  g_clear_pointer (&self->bad_cells, g_hash_table_unref);
  g_clear_pointer (&self->time_column, g_free);
  g_clear_pointer (&self->group_column, g_free);
  g_clear_pointer (&self->label_column, g_free);
  g_clear_pointer (&self->value_columns, g_strfreev);
  g_clear_pointer (&self->read_columns, g_strfreev);
}

/* --- the table --- */

static void
cell_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            UcImportColumn           *col)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), col->type == UC_COLUMN_NUMBER ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           UcImportColumn           *col)
{
  UcImportDialog *self = col->dialog;
  GtkWidget *label = gtk_list_item_get_child (item);
  guint row = gtk_list_item_get_position (item);
  guint n_columns = uc_dataset_get_n_columns (self->dataset);
  gpointer bad = self->bad_cells ? g_hash_table_lookup (self->bad_cells,
                                                        GUINT_TO_POINTER (row * n_columns + col->index + 1)) : NULL;
  g_autofree char *text = NULL;

  if (bad)
    {
      UcCsvCellWarning *cell = &g_array_index (self->report->cells, UcCsvCellWarning, GPOINTER_TO_UINT (bad) - 1);
      const char *warning = g_ptr_array_index (self->report->warnings, cell->warning);

      /* The cell as the file has it, whatever the warning's language. */
      text = g_strdup (cell->text);
      gtk_widget_add_css_class (label, "import-bad-cell");
      gtk_widget_set_tooltip_text (label, warning);
    }
  else
    text = uc_dataset_show_cell (self->dataset, col->index, row);
  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
}

static void
cell_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             UcImportColumn           *col)
{
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_widget_remove_css_class (label, "import-bad-cell");
  gtk_widget_set_tooltip_text (label, NULL);
}

/* A row in the side column for @col's role. */
static void
add_role_row (UcImportDialog *self,
              UcImportColumn *col)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  guint missing = uc_dataset_count_missing (self->dataset, col->index);
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < col->n_allowed; i++)
    gtk_string_list_append (roles, role_name (col->allowed[i]));
  if (missing > 0)
    /* Translators: a column's type and how many of its cells in the preview are empty */
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u missing", "%s · %u missing", missing),
                                type_name (col->type), missing);
  col->row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (col->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (col->row), col->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (col->row), subtitle ? subtitle : type_name (col->type));
  adw_combo_row_set_model (col->row, G_LIST_MODEL (roles));
  set_role (col, col->role);
  g_signal_connect (col->row, "notify::selected", G_CALLBACK (on_role_selected), col);
  adw_preferences_group_add (self->columns_group, GTK_WIDGET (col->row));
}

static void
add_view_column (UcImportDialog *self,
                 UcImportColumn *col)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup), col);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind), col);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind), col);
  col->view_column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_column_set_resizable (col->view_column, TRUE);
  gtk_column_view_append_column (self->preview_view, col->view_column);
  g_object_unref (col->view_column);   /* the view holds it */
}

/* Roles as the user set them where they still fit, else as the library
 * guesses them (a long table's text column of fewest values is its
 * group), else from the types. */
static void
preset_roles (UcImportDialog *self)
{
  gboolean have[UC_ROLE_SKIP + 1] = { FALSE };
  UcLibraryRoles guess = { 0 };

  uc_library_roles_guess (&guess, self->dataset);

  for (guint c = 0; c < self->columns->len; c++)
    {
      UcImportColumn *col = g_ptr_array_index (self->columns, c);
      guint chosen = GPOINTER_TO_UINT (g_hash_table_lookup (self->chosen_roles, col->name));

      col->role = UC_ROLE_SKIP + 1;   /* not yet */
      if (chosen > 0 && allowed_index (col, chosen - 1) >= 0 && !(is_single (chosen - 1) && have[chosen - 1]))
        {
          col->role = chosen - 1;
          have[col->role] = TRUE;
        }
    }
  for (guint c = 0; c < self->columns->len; c++)
    {
      UcImportColumn *col = g_ptr_array_index (self->columns, c);

      if (col->role <= UC_ROLE_SKIP)
        continue;
      if (g_strcmp0 (col->name, guess.group) == 0 && !have[UC_ROLE_GROUP])
        col->role = UC_ROLE_GROUP;
      else if (col->type == UC_COLUMN_NUMBER)
        /* A price table's close alone; every other table's numbers all. */
        col->role = guess.values && guess.values[0] && guess.values[1] == NULL && uc_library_is_close_column (guess.values[0]) &&
                    g_strcmp0 (guess.values[0], col->name) != 0 ? UC_ROLE_SKIP : UC_ROLE_VALUE;
      else if (col->type != UC_COLUMN_TEXT && !have[UC_ROLE_TIME])
        col->role = UC_ROLE_TIME;
      else
        col->role = UC_ROLE_SKIP;
      have[col->role] = TRUE;
    }
  uc_library_roles_clear (&guess);
}

static void
build_columns (UcImportDialog *self)
{
  guint n_columns = uc_dataset_get_n_columns (self->dataset);
  guint n_rows = uc_dataset_get_n_rows (self->dataset);
  g_autofree const char **blank = g_new0 (const char *, n_rows + 1);
  g_autoptr(GtkStringList) rows = NULL;
  GtkNoSelection *model;

  for (guint c = 0; c < n_columns; c++)
    {
      UcImportColumn *col = g_new0 (UcImportColumn, 1);

      col->dialog = self;
      col->index = c;
      col->name = g_strdup (uc_dataset_get_column_name (self->dataset, c));
      col->type = uc_dataset_get_column_type (self->dataset, c);
      set_allowed (col);
      g_ptr_array_add (self->columns, col);
    }
  preset_roles (self);
  /* A row and a table column each cost a few widgets: a file thousands of
   * columns wide shows its first ones (the others keep the preset roles). */
  for (guint c = 0; c < MIN (n_columns, UC_IMPORT_SHOWN_COLUMNS); c++)
    {
      add_role_row (self, g_ptr_array_index (self->columns, c));
      add_view_column (self, g_ptr_array_index (self->columns, c));
    }

  /* The table's items only count rows: cells are read from the dataset. */
  for (guint r = 0; r < n_rows; r++)
    blank[r] = "";
  rows = gtk_string_list_new (blank);
  model = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_column_view_set_model (self->preview_view, GTK_SELECTION_MODEL (model));
  g_object_unref (model);
}

/* --- warnings --- */

/* The cells the warnings name, looked up as the table's cells are bound
 * (which may be as soon as the table has its model). */
static void
mark_bad_cells (UcImportDialog *self)
{
  UcCsvReport *report = self->report;
  guint n_columns = uc_dataset_get_n_columns (self->dataset);

  for (guint i = 0; report->cells && i < report->cells->len; i++)
    {
      UcCsvCellWarning *cell = &g_array_index (report->cells, UcCsvCellWarning, i);

      if (self->bad_cells == NULL)
        self->bad_cells = g_hash_table_new (NULL, NULL);
      if (cell->field < n_columns)
        g_hash_table_insert (self->bad_cells, GUINT_TO_POINTER (cell->row * n_columns + cell->field + 1),
                             GUINT_TO_POINTER (i + 1));
    }
}

/* The table's rows scrolled to @row: GTK 4.8 has no call for it on a
 * column view, but the list view inside has the action. */
static void
scroll_to_row (UcImportDialog *self,
               guint           row)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_view)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", row);
        return;
      }
}

static void
on_warning_activated (GtkListBox     *list,
                      GtkListBoxRow  *row,
                      UcImportDialog *self)
{
  guint table_row = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "uc-table-row"));

  if (table_row > 0)
    scroll_to_row (self, table_row - 1);
}

void
uc_import_dialog_init_columns (UcImportDialog *self)
{
  self->columns = g_ptr_array_new_with_free_func (uc_import_column_free);
  g_signal_connect (self->warnings_list, "row-activated", G_CALLBACK (on_warning_activated), self);
}

/* The first row of the table a warning names a cell in, + 1; 0 if none. */
static guint
warning_table_row (UcImportDialog *self,
                   guint           warning)
{
  UcCsvReport *report = self->report;
  guint n_rows = uc_dataset_get_n_rows (self->dataset);

  for (guint i = 0; report->cells && i < report->cells->len; i++)
    {
      UcCsvCellWarning *cell = &g_array_index (report->cells, UcCsvCellWarning, i);

      if (cell->warning == warning && cell->row < n_rows)
        return cell->row + 1;
    }
  return 0;
}

static void
add_warning_row (UcImportDialog *self,
                 const char     *text,
                 guint           table_row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (icon, "warning");
  /* One line each, the whole text in the tooltip: wrapped labels in a
   * scrolled list ask for the height of their narrowest wrap. */
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_tooltip_text (label, text);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A warning about a cell shows it when activated. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), table_row > 0);
  g_object_set_data (G_OBJECT (row), "uc-table-row", GUINT_TO_POINTER (table_row));
  gtk_list_box_append (self->warnings_list, row);
}

/* Every warning kept, line and column first as the reader words them,
 * above the table; the count of those not kept. */
static void
show_warnings (UcImportDialog *self)
{
  UcCsvReport *report = self->report;
  guint kept = report && report->warnings ? report->warnings->len : 0;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->warnings_list))))
    gtk_list_box_remove (self->warnings_list, child);
  for (guint i = 0; i < kept; i++)
    add_warning_row (self, g_ptr_array_index (report->warnings, i), warning_table_row (self, i));
  if (report && report->n_warnings > kept)
    {
      guint more = report->n_warnings - kept;
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more warning", "%u more warnings",
                                                             more), more);

      add_warning_row (self, title, 0);
    }
  /* A scroll bar's own height would leave a gap under one or two warnings:
   * only a list taller than a few rows gets one. */
  gtk_scrolled_window_set_policy (self->warnings_scroll, GTK_POLICY_NEVER,
                                  kept > 4 ? GTK_POLICY_AUTOMATIC : GTK_POLICY_NEVER);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_scroll), kept > 0);
}

/* The dates' format as read, and a word when day and month could not be told apart. */
static void
show_dates (UcImportDialog *self)
{
  UcCsvReport *report = self->report;
  const char *format = NULL;
  g_autofree char *subtitle = NULL;

  for (guint c = 0; self->dataset && c < uc_dataset_get_n_columns (self->dataset); c++)
    if (uc_dataset_get_column_type (self->dataset, c) != UC_COLUMN_TEXT &&
        uc_dataset_get_column_type (self->dataset, c) != UC_COLUMN_NUMBER &&
        report->formats && c < report->formats->len)
      {
        format = g_ptr_array_index (report->formats, c);
        break;
      }
  if (report && report->day_month_guessed && format)
    /* Translators: %s is a date format such as %m/%d/%Y */
    subtitle = g_strdup_printf (_("Day and month cannot be told apart: read as %s; choose the order"), format);
  else if (format)
    /* Translators: %s is a date format such as %Y-%m-%d */
    subtitle = g_strdup_printf (_("Detected: %s"), format);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_row), subtitle ? subtitle : _("No dates found"));
  if (report && report->day_month_guessed && format)
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "import-ambiguous");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "import-ambiguous");
}

/* "First 200 rows · 5 columns · read in 1 ms · Import reads the whole file" */
static char *
summary_text (UcDataset *dataset,
              gint64     read_us)
{
  guint n_rows = uc_dataset_get_n_rows (dataset);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "First %u row · %u columns · read in %.0f ms · Import reads the whole file",
                                       "First %u rows · %u columns · read in %.0f ms · Import reads the whole file",
                                       n_rows),
                          n_rows, uc_dataset_get_n_columns (dataset), read_us / 1000.0);
}

/* A read shown: its table, roles, warnings and dialect (@report is
 * taken), or its error. */
void
uc_import_dialog_show_preview (UcImportDialog *self,
                               UcDataset      *dataset,
                               UcCsvReport    *report,
                               const GError   *error)
{
  g_autofree char *summary = NULL;

  uc_import_dialog_clear_columns (self);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->report, uc_csv_report_free);
  gtk_column_view_set_model (self->preview_view, NULL);
  if (dataset == NULL)
    {
      uc_csv_report_free (report);
      self->can_import = FALSE;
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      uc_import_dialog_set_message (self, error ? error->message : NULL, TRUE);
      uc_import_dialog_show_detected (self, NULL);
      show_warnings (self);
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  self->dataset = g_object_ref (dataset);
  self->report = report;

  mark_bad_cells (self);
  build_columns (self);
  show_warnings (self);
  show_dates (self);
  uc_import_dialog_show_detected (self, self->report);
  update_roles (self);
  if (uc_dataset_get_n_columns (dataset) > UC_IMPORT_SHOWN_COLUMNS)
    {
      g_autofree char *first = summary_text (dataset, self->last_read_us);

      /* Translators: the preview's summary, then how many columns the table shows */
      summary = g_strdup_printf (_("%s · the first %u shown"), first, UC_IMPORT_SHOWN_COLUMNS);
    }
  else
    summary = summary_text (dataset, self->last_read_us);
  gtk_label_set_text (self->summary_label, summary);
}

/* --- roles remembered for files like this one --- */

/* As the presets file writes them, in UcImportRole's order. */
static const char * const role_words[] = { "time", "value", "group", "label", "skip" };

G_STATIC_ASSERT (G_N_ELEMENTS (role_words) == UC_ROLE_SKIP + 1);

/* Every column's role, by its header, into @preset. */
void
uc_import_dialog_roles_to_preset (UcImportDialog *self,
                                  UcImportPreset *preset)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) roles = g_strv_builder_new ();

  for (guint c = 0; c < self->columns->len; c++)
    {
      UcImportColumn *col = g_ptr_array_index (self->columns, c);

      g_strv_builder_add (names, col->name);
      g_strv_builder_add (roles, role_words[MIN (col->role, UC_ROLE_SKIP)]);
    }
  g_strfreev (preset->columns);
  g_strfreev (preset->roles);
  preset->columns = g_strv_builder_end (names);
  preset->roles = g_strv_builder_end (roles);
}

/* The roles @preset names, as if the user had chosen them: the next
 * preview starts with them where a column's type allows. */
void
uc_import_dialog_roles_from_preset (UcImportDialog       *self,
                                    const UcImportPreset *preset)
{
  g_hash_table_remove_all (self->chosen_roles);
  for (guint i = 0; preset->columns && preset->columns[i] && preset->roles && preset->roles[i]; i++)
    for (guint r = 0; r < G_N_ELEMENTS (role_words); r++)
      if (g_str_equal (preset->roles[i], role_words[r]))
        g_hash_table_replace (self->chosen_roles, g_strdup (preset->columns[i]), GUINT_TO_POINTER (r + 1));
}

/* --- getters --- */

const char *
uc_import_dialog_get_time_column (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), NULL);
  return self->time_column;
}

const char * const *
uc_import_dialog_get_value_columns (UcImportDialog *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), none);
  return self->value_columns ? (const char * const *) self->value_columns : none;
}

const char *
uc_import_dialog_get_group_column (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), NULL);
  return self->group_column;
}

const char *
uc_import_dialog_get_label_column (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), NULL);
  return self->label_column;
}

gboolean
uc_import_dialog_get_can_import (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), FALSE);
  return self->can_import;
}
