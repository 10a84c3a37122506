/* uc-import-dialog.c: a CSV file checked before it joins the library
 *
 * Every change of a reading option re-reads the preview: 50 ms after the
 * last change (a spin button held down, a combo scrolled through), on a
 * worker thread, the read before it cancelled. A preview reads only the
 * start of the file (uc-csv-preview.h), so this stays within 100 ms of
 * the change whatever the file's size. The stamp of the file (size, time,
 * first 64 KiB) is taken with each preview and again on Import: a file
 * changed in between is read again and shown, not imported unseen.
 *
 * The roles and the preview's table are in uc-import-dialog-columns.c.
 */
#include "config.h"

#include "uc-import-dialog.h"
#include "uc-import-dialog-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-csv-preview.h"

#define DEBOUNCE_MS      50

G_DEFINE_FINAL_TYPE (UcImportDialog, uc_import_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the combo rows offer, in the order of their items; item 0 is
 * "Detected" (0 or NULL: the reader decides). */
static const char delimiters[] = { 0, ',', ';', '\t', '|', ' ' };
static const char decimals[] = { 0, '.', ',' };
static const char * const encodings[] = { NULL, "UTF-8", "UTF-16", "WINDOWS-1252", "WINDOWS-1250", "ISO-8859-1" };
static const char * const date_formats[] = { NULL, "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y%m%d" };

static const char *
delimiter_name (const char *delimiter)
{
  switch (delimiter ? delimiter[0] : 0)
    {
    case ',': return _("comma");
    case ';': return _("semicolon");
    case '\t': return _("tab");
    case '|': return _("vertical bar");
    case ' ': return _("space");
    default: return delimiter;
    }
}

/* The options the controls say; columns are never limited in a preview. */
static void
controls_options (UcImportDialog *self,
                  UcCsvOptions   *options)
{
  uc_csv_options_init (options);
  options->delimiter = delimiters[MIN (adw_combo_row_get_selected (self->delimiter_row), G_N_ELEMENTS (delimiters) - 1)];
  options->decimal = decimals[MIN (adw_combo_row_get_selected (self->decimal_row), G_N_ELEMENTS (decimals) - 1)];
  options->header_row = (guint) gtk_spin_button_get_value_as_int (self->header_spin);
  options->encoding = encodings[MIN (adw_combo_row_get_selected (self->encoding_row), G_N_ELEMENTS (encodings) - 1)];
  options->date_format = date_formats[MIN (adw_combo_row_get_selected (self->date_row),
                                           G_N_ELEMENTS (date_formats) - 1)];
}

/* The message above the preview: an error (red) or a note. */
void
uc_import_dialog_set_message (UcImportDialog *self,
                              const char     *text,
                              gboolean        error)
{
  GtkWidget *label = GTK_WIDGET (self->message_label);

  gtk_label_set_text (self->message_label, text ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text);
  if (error)
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

/* --- the read on a worker thread --- */

typedef struct
{
  GFile        *file;
  UcCsvOptions  options;
  UcDataset    *dataset;
  UcCsvReport  *report;
  char         *stamp;
  gint64        read_us;   /* on the worker: the stamp and the preview */
} PreviewJob;

static void
preview_job_free (gpointer data)
{
  PreviewJob *job = data;

  g_clear_object (&job->file);
  g_clear_object (&job->dataset);
  g_clear_pointer (&job->report, uc_csv_report_free);
  g_free (job->stamp);
  g_free (job);
}

static void
preview_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PreviewJob *job = task_data;
  GError *error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* The stamp first: a change while the preview is read shows on Import. */
  job->stamp = uc_csv_file_stamp (job->file, cancellable, NULL);
  job->dataset = uc_csv_preview_file (job->file, &job->options, UC_IMPORT_PREVIEW_ROWS, cancellable,
                                      &job->report, &error);
  job->read_us = g_get_monotonic_time () - start;
  if (job->dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
preview_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  UcImportDialog *self = UC_IMPORT_DIALOG (source);
  GTask *task = G_TASK (result);
  PreviewJob *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* A read cancelled by a newer one, or by the dialog closing. */
  if (g_task_get_cancellable (task) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  g_free (self->stamp);
  self->stamp = g_steal_pointer (&job->stamp);
  self->last_read_us = job->read_us;
  if (!g_task_propagate_boolean (task, &error))
    uc_import_dialog_show_preview (self, NULL, NULL, error);
  else
    uc_import_dialog_show_preview (self, job->dataset, g_steal_pointer (&job->report), NULL);

  if (self->import_when_read)
    {
      self->import_when_read = FALSE;
      if (uc_import_dialog_get_can_import (self))
        gtk_widget_activate (GTK_WIDGET (self->import_button));
    }
}

static void
start_read (UcImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  PreviewJob *job = g_new0 (PreviewJob, 1);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job->file = g_object_ref (self->file);
  controls_options (self, &job->options);   /* its strings are static */
  task = g_task_new (self, self->cancellable, preview_done, NULL);
  g_task_set_source_tag (task, start_read);
  g_task_set_task_data (task, job, preview_job_free);
  g_task_run_in_thread (task, preview_in_thread);
}

static gboolean
debounce_done (gpointer data)
{
  UcImportDialog *self = data;

  self->debounce_id = 0;
  start_read (self);
  return G_SOURCE_REMOVE;
}

/* A read soon: a burst of changes makes one. */
static void
schedule_read (UcImportDialog *self)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (DEBOUNCE_MS, debounce_done, self);
}

static void
on_option_changed (UcImportDialog *self)
{
  self->changed_on_disk = FALSE;
  schedule_read (self);
}

/* --- Import --- */

static void
on_import_clicked (UcImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = NULL;

  if (!uc_import_dialog_get_can_import (self))
    return;
  /* Options changed a moment ago: import what they read, once shown. */
  if (uc_import_dialog_is_reading (self))
    {
      self->import_when_read = TRUE;
      return;
    }
  stamp = uc_csv_file_stamp (self->file, NULL, &error);
  if (stamp == NULL)
    {
      uc_import_dialog_show_error (self, error);
      return;
    }
  if (g_strcmp0 (stamp, self->stamp) != 0)
    {
      self->changed_on_disk = TRUE;
      g_clear_handle_id (&self->debounce_id, g_source_remove);
      start_read (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_IMPORT], 0);
}

/* --- the header spin button: 0 is "Detected" --- */

static gboolean
on_header_output (GtkSpinButton *spin,
                  gpointer       data)
{
  int value = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *text = value > 0 ? g_strdup_printf ("%d", value) : g_strdup (_("Detected"));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static int
on_header_input (GtkSpinButton *spin,
                 double        *value,
                 gpointer       data)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (spin));
  guint64 n = 0;

  /* Anything but a line number is "Detected". */
  if (!g_ascii_string_to_unsigned (text, 10, 0, 10000, &n, NULL))
    n = 0;
  *value = (double) n;
  return TRUE;
}

/* --- the object --- */

static void
uc_import_dialog_dispose (GObject *object)
{
  UcImportDialog *self = UC_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  uc_import_dialog_clear_columns (self);
  g_clear_pointer (&self->chosen_roles, g_hash_table_unref);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->report, uc_csv_report_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->default_title, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (uc_import_dialog_parent_class)->dispose (object);
}

static void
uc_import_dialog_class_init (UcImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = uc_import_dialog_dispose;

  /**
   * UcImportDialog::import:
   *
   * The user pressed Import and the file is the one previewed. The handler
   * adds it to the library and destroys the dialog, or calls
   * uc_import_dialog_show_error() and leaves it open.
   */
  signals[SIGNAL_IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, copy_switch);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, decimal_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, header_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, header_spin);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, warnings_scroll);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, message_label);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, preview_view);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
uc_import_dialog_init (UcImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->chosen_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uc_import_dialog_init_columns (self);

  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);
  g_signal_connect (self->header_spin, "output", G_CALLBACK (on_header_output), NULL);
  g_signal_connect (self->header_spin, "input", G_CALLBACK (on_header_input), NULL);
  g_signal_connect_swapped (self->header_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->decimal_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->encoding_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->date_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  on_header_output (self->header_spin, NULL);
}

/* The file's name without its extension. */
static char *
title_from_file (GFile *file)
{
  g_autofree char *base = g_file_get_basename (file);
  char *dot = base ? strrchr (base, '.') : NULL;

  if (dot && dot != base)
    *dot = '\0';
  return g_strdup (base ? base : "");
}

/* The file as the title bar shows it: under the home folder, from "~". */
static char *
display_path (GFile *file)
{
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = g_file_get_relative_path (home, file);

  if (relative)
    return g_build_filename ("~", relative, NULL);
  return g_file_get_parse_name (file);
}

UcImportDialog *
uc_import_dialog_new (GtkWindow  *parent,
                      GFile      *file,
                      const char *title)
{
  UcImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (UC_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->file = g_object_ref (file);
  self->default_title = title && *title ? g_strdup (title) : title_from_file (file);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), self->default_title);
  name = display_path (file);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_label_set_text (self->summary_label, _("Reading…"));
  /* The Title first: Enter there imports. Left to itself the window would
   * focus Cancel, and Enter would cancel. */
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  start_read (self);
  return self;
}

void
uc_import_dialog_show_error (UcImportDialog *self,
                             const GError   *error)
{
  g_return_if_fail (UC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (error != NULL);

  uc_import_dialog_set_message (self, error->message, TRUE);
}

GFile *
uc_import_dialog_get_file (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

/* The Title entry, or the file's name when it is left empty. */
const char *
uc_import_dialog_get_title (UcImportDialog *self)
{
  const char *text;

  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), NULL);
  text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  for (const char *p = text; p && *p; p++)
    if (!g_ascii_isspace (*p))
      return text;
  return self->default_title;
}

/* The options the preview was read with: what the user chose, and where
 * the reader decided, what it decided on the start of the file (the full
 * load then reads what the preview showed). Strings are the dialog's. */
void
uc_import_dialog_get_options (UcImportDialog *self,
                              UcCsvOptions   *options)
{
  g_return_if_fail (UC_IS_IMPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  controls_options (self, options);
  if (self->report)
    {
      if (options->delimiter == 0 && self->report->delimiter)
        options->delimiter = self->report->delimiter[0];
      if (options->decimal == 0)
        options->decimal = self->report->decimal;
      if (options->header_row == 0)
        options->header_row = self->report->header_row;
    }
  options->columns = (const char * const *) self->read_columns;
}

gboolean
uc_import_dialog_get_copy (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), TRUE);
  return gtk_switch_get_active (self->copy_switch);
}

UcValueFormat
uc_import_dialog_get_value_format (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), UC_VALUE_NUMBER);
  return (UcValueFormat) MIN (adw_combo_row_get_selected (self->format_row), UC_VALUE_PER_MTOK);
}

UcDataset *
uc_import_dialog_get_preview (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), NULL);
  return self->dataset;
}

gboolean
uc_import_dialog_is_reading (UcImportDialog *self)
{
  g_return_val_if_fail (UC_IS_IMPORT_DIALOG (self), FALSE);
  return self->cancellable != NULL || self->debounce_id != 0;
}

/* The detected dialect, beside the controls that can change it. */
void
uc_import_dialog_show_detected (UcImportDialog *self,
                                UcCsvReport    *report)
{
  g_autofree char *delimiter = NULL, *decimal = NULL, *header = NULL, *encoding = NULL;

  if (report == NULL)
    {
      const char *none = _("Not read");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), none);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row), none);
      adw_action_row_set_subtitle (self->header_row, none);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), none);
      return;
    }
  /* Translators: the delimiter the reader found, e.g. "Detected: semicolon" */
  delimiter = g_strdup_printf (_("Detected: %s"), delimiter_name (report->delimiter));
  /* Translators: the decimal mark the reader found */
  decimal = g_strdup_printf (_("Detected: %s"), report->decimal == ',' ? _("comma (1,5)") : _("point (1.5)"));
  /* Translators: the line the reader took as the table's header */
  header = g_strdup_printf (_("Detected: line %u"), report->header_row);
  /* Translators: the text encoding the reader found, e.g. "Detected: UTF-8" */
  encoding = g_strdup_printf (_("Detected: %s"), report->encoding ? report->encoding : "UTF-8");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), delimiter);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row), decimal);
  adw_action_row_set_subtitle (self->header_row, header);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), encoding);
}
