/* uc-event-dialog.c: the New Event and Edit Event dialog
 *
 * An AdwMessageDialog with the form as its extra child (libadwaita 1.2
 * has no toolbar views or alert dialogs). The form is checked as it is
 * typed: the line under it says what is missing or wrong, and Save waits
 * until nothing is.
 */
#include "config.h"

#include "uc-event-dialog.h"

#include <glib/gi18n.h>

#include "uc-user-events.h"

struct _UcEventDialog
{
  AdwMessageDialog  parent_instance;

  UcEvent          *editing;    /* NULL: a new event */
  GtkEditable      *date;
  GtkEditable      *end;
  GtkEditable      *title;
  GtkTextBuffer    *description;
  GtkComboBoxText  *category;
  GtkEditable      *source;
  GtkLabel         *problem;
};

G_DEFINE_FINAL_TYPE (UcEventDialog, uc_event_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* A day typed as 2025-01-27 (spaces around it forgiven). */
static gboolean
parse_day (GtkEditable *entry,
           UcTime      *day)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  return uc_time_parse_date (text, strlen (text), day);
}

static gboolean
is_blank (GtkEditable *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  return *text == '\0';
}

static char *
dup_stripped (GtkEditable *entry)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (entry)));
}

/* The event the form makes, or NULL with what keeps it from making one. */
UcEvent *
uc_event_dialog_dup_event (UcEventDialog  *self,
                           GError        **error)
{
  g_autofree char *title = NULL, *category = NULL, *source = NULL, *description = NULL;
  GtkTextIter start, stop;
  UcTime day, end = 0;

  g_return_val_if_fail (UC_IS_EVENT_DIALOG (self), NULL);
  if (!parse_day (self->date, &day))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("The date is a day such as 2025-01-27."));
      return NULL;
    }
  if (!is_blank (self->end) && (!parse_day (self->end, &end) || end < day))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The end date, when there is one, is a day such as 2025-01-31, not before the date."));
      return NULL;
    }
  title = dup_stripped (self->title);
  if (*title == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("An event needs a title."));
      return NULL;
    }
  source = dup_stripped (self->source);
  if (*source && !uc_user_events_check_url (source, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The source is a web address starting with https:// or http://."));
      return NULL;
    }
  category = dup_stripped (GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (self->category))));
  gtk_text_buffer_get_bounds (self->description, &start, &stop);
  description = gtk_text_buffer_get_text (self->description, &start, &stop, FALSE);
  g_strchomp (description);
  return uc_user_event_new (day, end, title, description, category, source);
}

/* As typed: the line under the form says the first thing wrong, and Save
 * waits for it to be put right. */
static void
check (UcEventDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcEvent) event = uc_event_dialog_dup_event (self, &error);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "save", event != NULL);
  gtk_label_set_label (self->problem, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem), error != NULL);
}

static GtkEditable *
add_entry (GtkGrid    *grid,
           int         row,
           const char *label_text,
           const char *placeholder)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return GTK_EDITABLE (entry);
}

static GtkWidget *
form_label (GtkGrid    *grid,
            int         row,
            const char *text)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  return label;
}

static void
build_form (UcEventDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *category = gtk_combo_box_text_new_with_entry ();

  gtk_grid_set_row_spacing (grid, 8);
  gtk_grid_set_column_spacing (grid, 12);
  self->date = add_entry (grid, 0, _("_Date"), "2025-01-27");
  self->end = add_entry (grid, 1, _("_Until"), _("optional: the last day of a span"));
  self->title = add_entry (grid, 2, _("_Title"), _("required"));

  gtk_label_set_mnemonic_widget (GTK_LABEL (form_label (grid, 3, _("D_escription"))), text_view);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  self->description = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, -1, 84);
  gtk_grid_attach (grid, scrolled, 1, 3, 1, 1);

  gtk_label_set_mnemonic_widget (GTK_LABEL (form_label (grid, 4, _("_Category"))), category);
  self->category = GTK_COMBO_BOX_TEXT (category);
  gtk_entry_set_activates_default (GTK_ENTRY (gtk_combo_box_get_child (GTK_COMBO_BOX (category))), TRUE);
  gtk_grid_attach (grid, category, 1, 4, 1, 1);

  self->source = add_entry (grid, 5, _("_Source"), "https://…");
  gtk_widget_set_size_request (GTK_WIDGET (grid), 420, -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (grid));

  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_label_set_xalign (self->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->problem));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  g_signal_connect_swapped (self->date, "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (self->end, "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (self->title, "changed", G_CALLBACK (check), self);
  g_signal_connect_swapped (self->source, "changed", G_CALLBACK (check), self);
}

static void
uc_event_dialog_dispose (GObject *object)
{
  UcEventDialog *self = UC_EVENT_DIALOG (object);

  g_clear_object (&self->editing);
  G_OBJECT_CLASS (uc_event_dialog_parent_class)->dispose (object);
}

static void
uc_event_dialog_class_init (UcEventDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = uc_event_dialog_dispose;
}

static void
uc_event_dialog_init (UcEventDialog *self)
{
  build_form (self);
}

static void
set_day (GtkEditable *entry,
         UcTime       day)
{
  g_autofree char *text = uc_time_format_date (day);

  gtk_editable_set_text (entry, text);
}

/* A dialog for @editing (one of the user's events), or for a new event
 * on @day (to @end when after it). @categories: the categories to offer. */
UcEventDialog *
uc_event_dialog_new (GtkWindow          *parent,
                     UcEvent            *editing,
                     UcTime              day,
                     UcTime              end,
                     const char * const *categories)
{
  UcEventDialog *self;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (editing == NULL || UC_IS_EVENT (editing), NULL);
  self = g_object_new (UC_TYPE_EVENT_DIALOG, "transient-for", parent, "modal", TRUE, "destroy-with-parent", TRUE,
                       "heading", editing ? _("Edit Event") : _("New Event"), NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  adw_message_dialog_set_body (dialog, _("Your events are marked on every chart, and kept for next time."));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  if (editing)
    {
      adw_message_dialog_add_response (dialog, "delete", _("_Delete"));
      adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (dialog, "save", editing ? _("_Save") : _("_Add"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");

  for (guint i = 0; categories && categories[i]; i++)
    gtk_combo_box_text_append_text (self->category, categories[i]);
  if (editing)
    {
      self->editing = g_object_ref (editing);
      day = uc_event_get_time (editing);
      end = uc_event_get_end (editing);
      gtk_editable_set_text (self->title, uc_event_get_title (editing));
      gtk_text_buffer_set_text (self->description, uc_event_get_description (editing) ? uc_event_get_description (editing) : "", -1);
      gtk_editable_set_text (GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (self->category))),
                             uc_event_get_tag (editing) ? uc_event_get_tag (editing) : "");
      gtk_editable_set_text (self->source, uc_event_get_source_url (editing) ? uc_event_get_source_url (editing) : "");
    }
  set_day (self->date, day);
  if (end > day)
    set_day (self->end, end);
  check (self);
  /* The title is what is left to type (the day came from the chart). */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title));
  return self;
}

/* The event being edited, or NULL for a new one. */
UcEvent *
uc_event_dialog_get_editing (UcEventDialog *self)
{
  g_return_val_if_fail (UC_IS_EVENT_DIALOG (self), NULL);
  return self->editing;
}

/* A field of the form, for tests and scripts: "date", "end", "title",
 * "category" or "source". */
GtkEditable *
uc_event_dialog_get_field (UcEventDialog *self,
                           const char    *name)
{
  g_return_val_if_fail (UC_IS_EVENT_DIALOG (self), NULL);
  if (g_str_equal (name, "date"))
    return self->date;
  if (g_str_equal (name, "end"))
    return self->end;
  if (g_str_equal (name, "title"))
    return self->title;
  if (g_str_equal (name, "category"))
    return GTK_EDITABLE (gtk_combo_box_get_child (GTK_COMBO_BOX (self->category)));
  if (g_str_equal (name, "source"))
    return self->source;
  g_return_val_if_reached (NULL);
}

GtkTextBuffer *
uc_event_dialog_get_description (UcEventDialog *self)
{
  g_return_val_if_fail (UC_IS_EVENT_DIALOG (self), NULL);
  return self->description;
}
