/* uc-event-list.h: every event in a sortable table, filtered by category */
#pragma once

#include <gtk/gtk.h>

#include "uc-event.h"

G_BEGIN_DECLS

#define UC_TYPE_EVENT_LIST (uc_event_list_get_type ())
G_DECLARE_FINAL_TYPE (UcEventList, uc_event_list, UC, EVENT_LIST, GtkWidget)

GtkWidget  *uc_event_list_new        (void);
void        uc_event_list_set_events (UcEventList *self,
                                      GListModel  *events);
GListModel *uc_event_list_get_shown  (UcEventList *self);
void        uc_event_list_set_filter (UcEventList *self,
                                      int          category);
gboolean    uc_event_list_select     (UcEventList *self,
                                      UcEvent     *event);
void        uc_event_list_activate_tool (UcEventList *self,
                                         gboolean     delete);

G_END_DECLS
