/* uc-crosshair-link.h: the day pointed at, shared by every chart of a view
 *
 * One small object the charts of a window share, as they share their
 * UcTimeRange: the chart under the pointer (or moved by the arrow keys)
 * says which day its crosshair is on, and every other chart on time
 * watches the "shown" and "day" properties and marks that day with its
 * own values. The charts never know each other; only the link's source,
 * the chart that set it, draws its full card.
 */
#pragma once

#include <glib-object.h>

#include "uc-time.h"

G_BEGIN_DECLS

#define UC_TYPE_CROSSHAIR_LINK (uc_crosshair_link_get_type ())
G_DECLARE_FINAL_TYPE (UcCrosshairLink, uc_crosshair_link, UC, CROSSHAIR_LINK, GObject)

UcCrosshairLink *uc_crosshair_link_new        (void) G_GNUC_WARN_UNUSED_RESULT;
void             uc_crosshair_link_set        (UcCrosshairLink *self,
                                               gpointer         source,
                                               UcTime           day);
void             uc_crosshair_link_clear      (UcCrosshairLink *self,
                                               gpointer         source);
gboolean         uc_crosshair_link_get        (UcCrosshairLink *self,
                                               UcTime          *day);
gpointer         uc_crosshair_link_get_source (UcCrosshairLink *self);

G_END_DECLS
