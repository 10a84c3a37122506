/* uc-event-dialog.h: the New Event and Edit Event dialog
 *
 * One of the user's own events as a form: the day (and the last day of a
 * span), a title, a description, a category in the user's words (the ones
 * already used offered), and a web address for its source. Its responses:
 * "cancel", "save" (enabled only while the form makes an event) and, for
 * an event edited, "delete".
 */
#pragma once

#include <adwaita.h>

#include "uc-event.h"

G_BEGIN_DECLS

#define UC_TYPE_EVENT_DIALOG (uc_event_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UcEventDialog, uc_event_dialog, UC, EVENT_DIALOG, AdwMessageDialog)

UcEventDialog *uc_event_dialog_new         (GtkWindow          *parent,
                                            UcEvent            *editing,
                                            UcTime              day,
                                            UcTime              end,
                                            const char * const *categories);
UcEvent       *uc_event_dialog_get_editing (UcEventDialog      *self);
UcEvent       *uc_event_dialog_dup_event   (UcEventDialog      *self,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;
GtkEditable   *uc_event_dialog_get_field   (UcEventDialog      *self,
                                            const char         *name);
GtkTextBuffer *uc_event_dialog_get_description (UcEventDialog  *self);

G_END_DECLS
