/* uc-range-popover.h: the days shown, typed as From and To, or picked by
 * name (the last month, the year to date…), with the way back */
#pragma once

#include <gtk/gtk.h>

#include "uc-time-range.h"

G_BEGIN_DECLS

#define UC_TYPE_RANGE_POPOVER (uc_range_popover_get_type ())
G_DECLARE_FINAL_TYPE (UcRangePopover, uc_range_popover, UC, RANGE_POPOVER, GtkPopover)

GtkWidget   *uc_range_popover_new            (void);
void         uc_range_popover_set_time_range (UcRangePopover *self,
                                              UcTimeRange    *range);
UcTimeRange *uc_range_popover_get_time_range (UcRangePopover *self);

G_END_DECLS
