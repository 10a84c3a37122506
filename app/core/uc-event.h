/* uc-event.h: a dated event shown as a marker on time charts */
#pragma once

#include <glib-object.h>

#include "uc-time.h"

G_BEGIN_DECLS

typedef enum
{
  UC_EVENT_MODEL_RELEASE,   /*< nick=model_release >*/
  UC_EVENT_MARKET,
  UC_EVENT_HARDWARE,
  UC_EVENT_POLICY,
  UC_EVENT_PRICING,
  UC_EVENT_OTHER,
  UC_EVENT_USER,            /* the user's own events file, whatever its rows say */
} UcEventCategory;

UcEventCategory uc_event_category_from_string (const char *name);
const char     *uc_event_category_to_string   (UcEventCategory category);
const char     *uc_event_category_get_name    (UcEventCategory category);

#define UC_TYPE_EVENT (uc_event_get_type ())
G_DECLARE_FINAL_TYPE (UcEvent, uc_event, UC, EVENT, GObject)

UcEvent         *uc_event_new             (UcTime           time,
                                           const char      *title,
                                           UcEventCategory  category) G_GNUC_WARN_UNUSED_RESULT;
UcTime           uc_event_get_time        (UcEvent         *self);
UcTime           uc_event_get_end         (UcEvent         *self);
void             uc_event_set_end         (UcEvent         *self,
                                           UcTime           end);
const char      *uc_event_get_title       (UcEvent         *self);
UcEventCategory  uc_event_get_category    (UcEvent         *self);
const char      *uc_event_get_label       (UcEvent         *self);
void             uc_event_set_label       (UcEvent         *self,
                                           const char      *label);
void             uc_event_set_computed_label (UcEvent      *self,
                                              const char   *label);
gboolean         uc_event_get_label_computed (UcEvent      *self);
const char      *uc_event_get_description (UcEvent         *self);
void             uc_event_set_description (UcEvent         *self,
                                           const char      *description);
const char      *uc_event_get_source_url  (UcEvent         *self);
void             uc_event_set_source_url  (UcEvent         *self,
                                           const char      *source_url);
const char      *uc_event_get_lane        (UcEvent         *self);
void             uc_event_set_lane        (UcEvent         *self,
                                           const char      *lane);
const char      *uc_event_get_tag         (UcEvent         *self);
void             uc_event_set_tag         (UcEvent         *self,
                                           const char      *tag);
gboolean         uc_event_matches         (UcEvent         *self,
                                           const char      *filter);
gboolean         uc_event_get_hollow      (UcEvent         *self);
void             uc_event_set_hollow      (UcEvent         *self,
                                           gboolean         hollow);

G_END_DECLS
