/* uc-event-label.h: what an event is called on a chart
 *
 * Its title cut short, or the move a series made that day.
 */
#pragma once

#include "uc-chart-spec.h"

G_BEGIN_DECLS

char *uc_event_short_label  (const char    *title) G_GNUC_WARN_UNUSED_RESULT;
char *uc_event_change_label (UcSeries      *series,
                             UcTime         t,
                             UcValueFormat  format) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
