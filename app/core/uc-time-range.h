/* uc-time-range.h: the visible stretch of time, shared by every chart of a window
 *
 * One object, like a session's visible axis: zooming or panning any chart
 * moves it, and every chart that shows it follows. It never leaves its
 * bounds (the data's extent) and never gets narrower than its minimum.
 * A chart on a number axis keeps one of its own, in its scaled units.
 */
#pragma once

#include <glib-object.h>

#include "uc-time.h"

G_BEGIN_DECLS

/* The narrowest stretch of days by default: six hours. */
#define UC_TIME_RANGE_MIN_SPAN ((UcTime) 6 * 3600 * G_USEC_PER_SEC)

#define UC_TYPE_TIME_RANGE (uc_time_range_get_type ())
G_DECLARE_FINAL_TYPE (UcTimeRange, uc_time_range, UC, TIME_RANGE, GObject)

UcTimeRange *uc_time_range_new        (void) G_GNUC_WARN_UNUSED_RESULT;
void         uc_time_range_set_bounds (UcTimeRange *self,
                                       UcTime       lower,
                                       UcTime       upper);
void         uc_time_range_set_min_span (UcTimeRange *self,
                                         UcTime       span);
void         uc_time_range_get_bounds (UcTimeRange *self,
                                       UcTime      *lower,
                                       UcTime      *upper);
void         uc_time_range_set        (UcTimeRange *self,
                                       UcTime       from,
                                       UcTime       to);
void         uc_time_range_get        (UcTimeRange *self,
                                       UcTime      *from,
                                       UcTime      *to);
void         uc_time_range_zoom       (UcTimeRange *self,
                                       double       factor,
                                       UcTime       anchor);
void         uc_time_range_pan        (UcTimeRange *self,
                                       UcTime       delta);
void         uc_time_range_reset      (UcTimeRange *self);
gboolean     uc_time_range_parse      (const char  *text,
                                       UcTime      *from,
                                       UcTime      *to);

G_END_DECLS
