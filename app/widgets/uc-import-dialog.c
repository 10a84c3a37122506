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

#include "uc-a11y.h"
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
static const char separators[] = { 0, ',', '.', '\'', ' ', UC_CSV_NO_THOUSANDS };
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
  options->thousands = separators[MIN (adw_combo_row_get_selected (self->thousands_row), G_N_ELEMENTS (separators) - 1)];
  options->header_row = (guint) gtk_spin_button_get_value_as_int (self->header_spin);
  options->encoding = encodings[MIN (adw_combo_row_get_selected (self->encoding_row), G_N_ELEMENTS (encodings) - 1)];
  options->date_format = date_formats[MIN (adw_combo_row_get_selected (self->date_row),
                                           G_N_ELEMENTS (date_formats) - 1)];
}

static guint
char_index (const char *items,
            guint       n_items,
            char        c)
{
  for (guint i = 0; i < n_items; i++)
    if (items[i] == c)
      return i;
  return 0;   /* Detected */
}

static guint
string_index (const char * const *items,
              guint               n_items,
              const char         *s)
{
  for (guint i = 1; i < n_items; i++)
    if (g_strcmp0 (items[i], s) == 0)
      return i;
  return 0;
}

/* The controls set to @options (NULL: all "Detected"), one read after. */
static void
set_controls (UcImportDialog     *self,
              const UcCsvOptions *options)
{
  UcCsvOptions detected;

  if (options == NULL)
    {
      uc_csv_options_init (&detected);
      options = &detected;
    }
  self->applying++;
  adw_combo_row_set_selected (self->delimiter_row, char_index (delimiters, G_N_ELEMENTS (delimiters), options->delimiter));
  adw_combo_row_set_selected (self->decimal_row, char_index (decimals, G_N_ELEMENTS (decimals), options->decimal));
  adw_combo_row_set_selected (self->thousands_row, char_index (separators, G_N_ELEMENTS (separators), options->thousands));
  gtk_spin_button_set_value (self->header_spin, options->header_row);
  adw_combo_row_set_selected (self->encoding_row, string_index (encodings, G_N_ELEMENTS (encodings), options->encoding));
  adw_combo_row_set_selected (self->date_row, string_index (date_formats, G_N_ELEMENTS (date_formats),
                                                            options->date_format));
  self->applying--;
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

static void     start_read   (UcImportDialog *self);
static gboolean check_preset (UcImportDialog *self,
                              const GError   *error);

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
  if (self->preset_unchecked && !check_preset (self, error))
    return;

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
  /* Not worth a read: said at once, Import stays off until one changes. */
  if (job->options.decimal && job->options.decimal == job->options.thousands)
    {
      g_autoptr(GError) error = g_error_new_literal (UC_CSV_ERROR, UC_CSV_ERROR_OPTION,
                                                     _("The decimal mark and the thousands separator are the same "
                                                       "character: change one of them."));

      preview_job_free (job);
      g_clear_object (&self->cancellable);
      uc_import_dialog_show_preview (self, NULL, NULL, error);
      return;
    }
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
  if (self->applying)
    return;
  self->changed_on_disk = FALSE;
  schedule_read (self);
}

/* --- settings remembered for files like this one --- */

static void
show_preset_note (UcImportDialog *self,
                  const char     *text)
{
  gtk_label_set_text (self->preset_label, text ? text : "");
  gtk_widget_set_visible (self->preset_note, text != NULL);
}

static void
set_remember_label (UcImportDialog *self)
{
  /* Translators: %s is a pattern of file names, e.g. KSH_*-*.csv (each * is a number) */
  g_autofree char *label = g_strdup_printf (_("Use these settings for files like %s"), self->pattern);

  gtk_label_set_text (self->remember_label, label);
  /* A check button with a label of its own is not named by it (GTK 4.8). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remember_check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The settings remembered for files named like this one, if there are
 * any: the controls and roles start with them, checked by the first
 * preview (check_preset()). */
static void
apply_preset (UcImportDialog *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *note = NULL;
  const UcImportPreset *preset;
  UcCsvOptions options;

  self->pattern = uc_import_pattern_from_name (name ? name : "");
  preset = name ? uc_import_presets_find (uc_import_presets_get_default (), name) : NULL;
  if (preset)
    {
      self->preset = uc_import_preset_copy (preset);
      self->preset_unchecked = TRUE;
      /* Remembered again under the pattern that matched, not a second one. */
      g_free (self->pattern);
      self->pattern = g_strdup (preset->pattern);
      uc_import_preset_get_options (self->preset, &options);
      set_controls (self, &options);
      uc_import_dialog_roles_from_preset (self, self->preset);
      gtk_check_button_set_active (self->remember_check, TRUE);
      /* Translators: %s is a pattern of file names, e.g. KSH_*-*.csv */
      note = g_strdup_printf (_("Settings remembered for files like %s"), self->pattern);
      show_preset_note (self, note);
    }
  set_remember_label (self);
}

/* Back to detection, with no roles chosen, read again. */
static void
drop_preset (UcImportDialog *self)
{
  g_clear_pointer (&self->preset, uc_import_preset_free);
  self->preset_unchecked = FALSE;
  g_hash_table_remove_all (self->chosen_roles);
  set_controls (self, NULL);
  gtk_check_button_set_active (self->remember_check, FALSE);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  start_read (self);
}

/* After the first preview with a preset's settings: a preset that no
 * longer fits the file (a column it names is gone, or the file does not
 * read with them) gives way to detection, and the note says why. FALSE
 * when it did (a new read is on its way). */
static gboolean
check_preset (UcImportDialog *self,
              const GError   *error)
{
  g_autofree char *why = NULL, *note = NULL;

  self->preset_unchecked = FALSE;
  if (error)
    why = g_strdup (error->message);
  for (guint i = 0; why == NULL && self->dataset && self->preset->columns && self->preset->columns[i]; i++)
    if (uc_dataset_find_column (self->dataset, self->preset->columns[i]) < 0)
      /* Translators: %s is the name of a column the remembered settings name */
      why = g_strdup_printf (_("it has no column “%s”"), self->preset->columns[i]);
  if (why == NULL)
    return TRUE;
  /* Translators: %s is a pattern of file names, then why the settings do not fit */
  note = g_strdup_printf (_("The settings remembered for files like %s do not fit this file (%s), so they were "
                            "detected again."), self->pattern, why);
  show_preset_note (self, note);
  drop_preset (self);
  return FALSE;
}

static void
on_forget_clicked (UcImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!uc_import_presets_forget (uc_import_presets_get_default (), self->pattern, &error))
    {
      uc_import_dialog_set_message (self, error->message, TRUE);
      return;
    }
  show_preset_note (self, NULL);
  if (self->preset)
    drop_preset (self);
  gtk_check_button_set_active (self->remember_check, FALSE);
  /* A pattern made from this file's name again, for the check button. */
  {
    g_autofree char *name = g_file_get_basename (self->file);

    g_free (self->pattern);
    self->pattern = uc_import_pattern_from_name (name ? name : "");
    set_remember_label (self);
  }
}

/* The settings of this import, remembered for files like it: the options
 * as read (what the reader detected where the user left it), every
 * column's role by its header. */
static void
remember (UcImportDialog *self)
{
  g_autoptr(UcImportPreset) preset = uc_import_preset_new (self->pattern);
  g_autoptr(GError) error = NULL;
  UcCsvOptions options;

  uc_import_dialog_get_options (self, &options);
  if (options.thousands == 0 && self->report)
    options.thousands = self->report->thousands;
  uc_import_preset_set_options (preset, &options);
  uc_import_dialog_roles_to_preset (self, preset);
  /* The import goes on: settings not kept are no reason to stop it. */
  if (!uc_import_presets_remember (uc_import_presets_get_default (), g_steal_pointer (&preset), &error))
    g_message ("%s", error->message);
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
  if (gtk_check_button_get_active (self->remember_check))
    remember (self);
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
  g_clear_pointer (&self->pattern, g_free);
  g_clear_pointer (&self->preset, uc_import_preset_free);
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
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, thousands_row);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, preset_note);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, preset_label);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, forget_button);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, UcImportDialog, remember_label);
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
  uc_a11y_fix_names (GTK_WIDGET (self));

  self->chosen_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  uc_import_dialog_init_columns (self);

  g_signal_connect_swapped (self->import_button, "clicked", G_CALLBACK (on_import_clicked), self);
  g_signal_connect (self->header_spin, "output", G_CALLBACK (on_header_output), NULL);
  g_signal_connect (self->header_spin, "input", G_CALLBACK (on_header_input), NULL);
  g_signal_connect_swapped (self->header_spin, "value-changed", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->decimal_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->thousands_row, "notify::selected", G_CALLBACK (on_option_changed), self);
  g_signal_connect_swapped (self->forget_button, "clicked", G_CALLBACK (on_forget_clicked), self);
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
  apply_preset (self);
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
  g_autofree char *delimiter = NULL, *decimal = NULL, *thousands = NULL, *header = NULL, *encoding = NULL;

  if (report == NULL)
    {
      const char *none = _("Not read");

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), none);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row), none);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->thousands_row), none);
      adw_action_row_set_subtitle (self->header_row, none);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), none);
      return;
    }
  /* Translators: the delimiter the reader found, e.g. "Detected: semicolon" */
  delimiter = g_strdup_printf (_("Detected: %s"), delimiter_name (report->delimiter));
  /* Translators: the decimal mark the reader found */
  decimal = g_strdup_printf (_("Detected: %s"), report->decimal == ',' ? _("comma (1,5)") : _("point (1.5)"));
  /* Translators: the thousands separator the reader found in the numbers, e.g. "Detected: comma" */
  thousands = g_strdup_printf (_("Detected: %s"), report->thousands == ',' ? _("comma") :
                               report->thousands == '.' ? _("point") : report->thousands == '\'' ? _("apostrophe") :
                               report->thousands == ' ' ? _("space") : _("none"));
  /* Translators: the line the reader took as the table's header */
  header = g_strdup_printf (_("Detected: line %u"), report->header_row);
  /* Translators: the text encoding the reader found, e.g. "Detected: UTF-8" */
  encoding = g_strdup_printf (_("Detected: %s"), report->encoding ? report->encoding : "UTF-8");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row), delimiter);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->decimal_row), decimal);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->thousands_row), thousands);
  adw_action_row_set_subtitle (self->header_row, header);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row), encoding);
}
