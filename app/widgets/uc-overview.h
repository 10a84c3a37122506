/* uc-overview.h: the whole time span in a thin strip, with the shown days
 * marked; dragging the mark moves every chart */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart-spec.h"
#include "uc-time-range.h"

G_BEGIN_DECLS

#define UC_TYPE_OVERVIEW (uc_overview_get_type ())
G_DECLARE_FINAL_TYPE (UcOverview, uc_overview, UC, OVERVIEW, GtkWidget)

GtkWidget *uc_overview_new            (void);
void       uc_overview_set_spec       (UcOverview  *self,
                                       UcChartSpec *spec);
void       uc_overview_set_time_range (UcOverview  *self,
                                       UcTimeRange *range);

G_END_DECLS
