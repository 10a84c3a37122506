/* uc-clickhouse-dialog.c: a ClickHouse table picked, with its columns' roles
 *
 * The user gives the server and credentials and connects; the database's
 * tables are listed with their columns (one query, on a worker), and each
 * role offers only the columns of a type it can take: a DateTime or Date for the
 * time, a number for the value, text for the group. With a group column,
 * its values are listed (the first few checked) to pick the series from.
 */
#include "config.h"

#include "uc-clickhouse-dialog.h"

#include "uc-clickhouse-source.h"

#include <glib/gi18n.h>

#define MAX_GROUPS 40
#define CHECKED_GROUPS 5

struct _UcClickhouseDialog
{
  AdwWindow            parent_instance;

  AdwEntryRow         *url_row;
  AdwEntryRow         *database_row;
  AdwEntryRow         *user_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *status_label;
  GtkSpinner          *spinner;
  GtkWidget           *chart_button;
  GtkWidget           *table_group;
  GtkWidget           *series_group;
  AdwComboRow         *table_row;
  AdwComboRow         *time_row;
  AdwComboRow         *value_row;
  AdwComboRow         *group_row;
  GtkListBox          *series_list;

  GPtrArray           *columns;   /* {table, column, type}, as listed */
  GCancellable        *busy;      /* a listing under way */
  GPtrArray           *checks;    /* the series list's check buttons */
  GStrv                groups;    /* their values */
};

G_DEFINE_FINAL_TYPE (UcClickhouseDialog, uc_clickhouse_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_CHART,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
combo_text (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item ? gtk_string_object_get_string (item) : NULL;
}

static void
set_status_text (UcClickhouseDialog *self,
                 char               *text)
{
  gtk_label_set_text (self->status_label, text);
  g_free (text);
}

static void
set_busy (UcClickhouseDialog *self,
          GCancellable       *busy)
{
  if (self->busy)
    g_cancellable_cancel (self->busy);
  g_set_object (&self->busy, busy);
  gtk_spinner_set_spinning (self->spinner, busy != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clickhouse.connect", busy == NULL);
}

static void
update_can_chart (UcClickhouseDialog *self)
{
  guint checked = 0;

  for (guint i = 0; self->checks && i < self->checks->len; i++)
    checked += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  if (checked > UC_CLICKHOUSE_SOURCE_MAX_GROUPS)
    /* Translators: %d is the most lines a chart of a table takes */
    set_status_text (self, g_strdup_printf (_("A chart takes at most %d series"), UC_CLICKHOUSE_SOURCE_MAX_GROUPS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clickhouse.chart",
                                 combo_text (self->time_row) && combo_text (self->value_row) &&
                                 (self->groups == NULL ? adw_combo_row_get_selected (self->group_row) == 0
                                                       : checked > 0 && checked <= UC_CLICKHOUSE_SOURCE_MAX_GROUPS));
}

/* The server as given: a connection without a table, to list tables. */
static UcClickhouse *
server_connection (UcClickhouseDialog *self,
                   const char         *table,
                   GError            **error)
{
  const char *database = gtk_editable_get_text (GTK_EDITABLE (self->database_row));
  const char *user = uc_clickhouse_dialog_get_user (self);
  guint group = adw_combo_row_get_selected (self->group_row);
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                                  *database ? database : NULL, table,
                                                  table ? combo_text (self->time_row) : NULL,
                                                  table ? combo_text (self->value_row) : NULL,
                                                  table && group > 0 && group != GTK_INVALID_LIST_POSITION
                                                  ? combo_text (self->group_row) : NULL, error);

  if (ch == NULL)
    return NULL;
  uc_clickhouse_set_credentials (ch, user, user ? uc_clickhouse_dialog_get_password (self) : NULL);
  uc_clickhouse_set_timeout (ch, 15);
  return g_steal_pointer (&ch);
}

/* Columns of the table selected whose type takes @role, into @row
 * (after "None" when @none). */
static void
fill_role (UcClickhouseDialog *self,
           AdwComboRow        *row,
           UcClickhouseRole    role,
           gboolean            none)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *table = combo_text (self->table_row);

  if (none)
    gtk_string_list_append (names, _("None: one series"));
  for (guint i = 0; table && self->columns && i < self->columns->len; i++)
    {
      char **c = g_ptr_array_index (self->columns, i);

      if (g_str_equal (c[0], table) && uc_clickhouse_column_role (c[2]) == role && uc_clickhouse_identifier_ok (c[1]))
        gtk_string_list_append (names, c[1]);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
}

static void
clear_series (UcClickhouseDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->series_list))) != NULL)
    gtk_list_box_remove (self->series_list, child);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_strfreev);
  gtk_widget_set_visible (self->series_group, FALSE);
}

static void
show_groups (UcClickhouseDialog *self,
             GStrv               groups)
{
  clear_series (self);
  self->groups = groups;
  self->checks = g_ptr_array_new ();
  for (guint i = 0; groups[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), groups[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i < CHECKED_GROUPS);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_can_chart), self);
      g_ptr_array_add (self->checks, check);
      gtk_list_box_append (self->series_list, row);
    }
  gtk_widget_set_visible (self->series_group, TRUE);
}

static void
list_groups_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  GStrv groups = uc_clickhouse_list_groups (data, MAX_GROUPS, cancellable, &error);

  if (groups)
    g_task_return_pointer (task, groups, (GDestroyNotify) g_strfreev);
  else
    g_task_return_error (task, error);
}

static void
on_groups_listed (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UcClickhouseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GStrv groups = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, NULL);
  if (groups == NULL)
    uc_clickhouse_dialog_show_error (self, error);
  else
    {
      gtk_label_set_text (self->status_label, "");
      show_groups (self, groups);
    }
  update_can_chart (self);
}

/* A group column picked: its values listed, to pick series from. */
static void
on_group_selected (UcClickhouseDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = NULL;
  g_autoptr(GCancellable) busy = NULL;
  g_autoptr(GTask) task = NULL;
  guint group = adw_combo_row_get_selected (self->group_row);

  clear_series (self);
  update_can_chart (self);
  if (group == 0 || group == GTK_INVALID_LIST_POSITION || !combo_text (self->time_row) || !combo_text (self->value_row))
    return;
  if ((ch = server_connection (self, combo_text (self->table_row), &error)) == NULL)
    {
      uc_clickhouse_dialog_show_error (self, error);
      return;
    }
  busy = g_cancellable_new ();
  set_busy (self, busy);
  task = g_task_new (NULL, busy, on_groups_listed, g_object_ref (self));
  g_task_set_task_data (task, g_steal_pointer (&ch), g_object_unref);
  g_task_run_in_thread (task, list_groups_thread);
}

static void
on_table_selected (UcClickhouseDialog *self)
{
  g_signal_handlers_block_by_func (self->group_row, on_group_selected, self);
  fill_role (self, self->time_row, UC_CLICKHOUSE_ROLE_TIME, FALSE);
  fill_role (self, self->value_row, UC_CLICKHOUSE_ROLE_NUMBER, FALSE);
  fill_role (self, self->group_row, UC_CLICKHOUSE_ROLE_TEXT, TRUE);
  g_signal_handlers_unblock_by_func (self->group_row, on_group_selected, self);
  on_group_selected (self);
}

/* The tables with a time and a number column: the ones a chart can take. */
static void
show_tables (UcClickhouseDialog *self)
{
  g_autoptr(GtkStringList) tables = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) timed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) valued = g_hash_table_new (g_str_hash, g_str_equal);
  const char *last = NULL;

  for (guint i = 0; i < self->columns->len; i++)
    {
      char **c = g_ptr_array_index (self->columns, i);
      UcClickhouseRole role = uc_clickhouse_column_role (c[2]);

      if (role == UC_CLICKHOUSE_ROLE_TIME)
        g_hash_table_add (timed, c[0]);
      else if (role == UC_CLICKHOUSE_ROLE_NUMBER)
        g_hash_table_add (valued, c[0]);
    }
  for (guint i = 0; i < self->columns->len; i++)
    {
      const char *table = ((char **) g_ptr_array_index (self->columns, i))[0];

      if (g_strcmp0 (table, last) != 0 && g_hash_table_contains (timed, table) &&
          g_hash_table_contains (valued, table) && uc_clickhouse_identifier_ok (table))
        gtk_string_list_append (tables, table);
      last = table;
    }
  g_signal_handlers_block_by_func (self->table_row, on_table_selected, self);
  adw_combo_row_set_model (self->table_row, G_LIST_MODEL (tables));
  g_signal_handlers_unblock_by_func (self->table_row, on_table_selected, self);
  gtk_widget_set_sensitive (self->table_group, TRUE);
  if (g_list_model_get_n_items (G_LIST_MODEL (tables)) == 0)
    gtk_label_set_text (self->status_label, _("No table here has both a time column (DateTime or Date) and a number column."));
  else
    gtk_label_set_text (self->status_label, _("Connected. Pick a table and what its columns are for."));
  on_table_selected (self);
}

static void
list_columns_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *columns = uc_clickhouse_list_columns (data, cancellable, &error);

  if (columns)
    g_task_return_pointer (task, columns, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, error);
}

static void
on_columns_listed (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(UcClickhouseDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *columns = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, NULL);
  if (columns == NULL)
    {
      uc_clickhouse_dialog_show_error (self, error);
      return;
    }
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = columns;
  show_tables (self);
}

static void
connect_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  UcClickhouseDialog *self = UC_CLICKHOUSE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = server_connection (self, NULL, &error);
  g_autoptr(GCancellable) busy = NULL;
  g_autoptr(GTask) task = NULL;

  if (ch == NULL)
    {
      uc_clickhouse_dialog_show_error (self, error);
      return;
    }
  busy = g_cancellable_new ();
  set_busy (self, busy);
  gtk_label_set_text (self->status_label, _("Connecting…"));
  task = g_task_new (NULL, busy, on_columns_listed, g_object_ref (self));
  g_task_set_task_data (task, g_steal_pointer (&ch), g_object_unref);
  g_task_run_in_thread (task, list_columns_thread);
}

/* Enter in a server field connects, as the button does. */
static void
on_server_entered (UcClickhouseDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "clickhouse.connect", NULL);
}

static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_CHART], 0);
}

static void
uc_clickhouse_dialog_dispose (GObject *object)
{
  UcClickhouseDialog *self = UC_CLICKHOUSE_DIALOG (object);

  if (self->busy)
    g_cancellable_cancel (self->busy);
  g_clear_object (&self->busy);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_strfreev);
  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_CLICKHOUSE_DIALOG);
  G_OBJECT_CLASS (uc_clickhouse_dialog_parent_class)->dispose (object);
}

static void
uc_clickhouse_dialog_class_init (UcClickhouseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_clickhouse_dialog_dispose;
  /* The user asked for the table picked to be charted. */
  signals[SIGNAL_CHART] = g_signal_new ("chart", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/undercut/Undercut/ui/uc-clickhouse-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, chart_button);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, table_group);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, series_group);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, table_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, UcClickhouseDialog, series_list);
  gtk_widget_class_install_action (widget_class, "clickhouse.connect", NULL, connect_action);
  gtk_widget_class_install_action (widget_class, "clickhouse.chart", NULL, chart_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
uc_clickhouse_dialog_init (UcClickhouseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->table_row, "notify::selected", G_CALLBACK (on_table_selected), self);
  g_signal_connect_swapped (self->group_row, "notify::selected", G_CALLBACK (on_group_selected), self);
  g_signal_connect_swapped (self->time_row, "notify::selected", G_CALLBACK (update_can_chart), self);
  g_signal_connect_swapped (self->value_row, "notify::selected", G_CALLBACK (on_group_selected), self);
  g_signal_connect_swapped (self->url_row, "entry-activated", G_CALLBACK (on_server_entered), self);
  g_signal_connect_swapped (self->database_row, "entry-activated", G_CALLBACK (on_server_entered), self);
  g_signal_connect_swapped (self->user_row, "entry-activated", G_CALLBACK (on_server_entered), self);
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (on_server_entered), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "clickhouse.chart", FALSE);
}

UcClickhouseDialog *
uc_clickhouse_dialog_new (GtkWindow *parent)
{
  return g_object_new (UC_TYPE_CLICKHOUSE_DIALOG, "transient-for", parent, NULL);
}

/* The server last used, to start from. */
void
uc_clickhouse_dialog_set_server (UcClickhouseDialog *self,
                                 const char         *url,
                                 const char         *database,
                                 const char         *user)
{
  g_return_if_fail (UC_IS_CLICKHOUSE_DIALOG (self));
  if (url && *url)
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  if (database && *database)
    gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
}

/* The table picked, with its columns' roles and the credentials given. */
UcClickhouse *
uc_clickhouse_dialog_create_connection (UcClickhouseDialog *self,
                                        GError            **error)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE_DIALOG (self), NULL);
  if (combo_text (self->table_row) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("No table picked"));
      return NULL;
    }
  return server_connection (self, combo_text (self->table_row), error);
}

/* The group values checked, or NULL: one series (no group column). */
GStrv
uc_clickhouse_dialog_dup_groups (UcClickhouseDialog *self)
{
  g_autoptr(GStrvBuilder) picked = g_strv_builder_new ();

  g_return_val_if_fail (UC_IS_CLICKHOUSE_DIALOG (self), NULL);
  if (self->groups == NULL)
    return NULL;
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_strv_builder_add (picked, self->groups[i]);
  return g_strv_builder_end (picked);
}

/* The user given, or NULL: the server's default user. */
const char *
uc_clickhouse_dialog_get_user (UcClickhouseDialog *self)
{
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));

  return *user ? user : NULL;
}

const char *
uc_clickhouse_dialog_get_password (UcClickhouseDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

void
uc_clickhouse_dialog_show_error (UcClickhouseDialog *self,
                                 const GError       *error)
{
  g_return_if_fail (UC_IS_CLICKHOUSE_DIALOG (self));
  gtk_label_set_text (self->status_label, error->message);
}

/* Whether a listing is under way: for tests, to wait on. */
gboolean
uc_clickhouse_dialog_is_busy (UcClickhouseDialog *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE_DIALOG (self), FALSE);
  return self->busy != NULL;
}

/* What the dialog says under the server's fields: for tests. */
const char *
uc_clickhouse_dialog_get_status (UcClickhouseDialog *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE_DIALOG (self), NULL);
  return gtk_label_get_text (self->status_label);
}
