/* uc-charts-layout.h: the charts of a view, one under the other, the
 * first (the view's main chart) with the larger share of the height */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UC_TYPE_CHARTS_LAYOUT (uc_charts_layout_get_type ())
G_DECLARE_FINAL_TYPE (UcChartsLayout, uc_charts_layout, UC, CHARTS_LAYOUT, GtkLayoutManager)

GtkLayoutManager *uc_charts_layout_new (void);

G_END_DECLS
