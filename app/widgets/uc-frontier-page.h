/* uc-frontier-page.h: the price frontier and its halving time in the window */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_FRONTIER_PAGE (uc_frontier_page_get_type ())
G_DECLARE_FINAL_TYPE (UcFrontierPage, uc_frontier_page, UC, FRONTIER_PAGE, GtkBox)

GtkWidget   *uc_frontier_page_new        (void);
void         uc_frontier_page_set_data   (UcFrontierPage *self,
                                          UcDataset      *prices);
void         uc_frontier_page_set_filter (UcFrontierPage *self,
                                          const char     *filter);
void         uc_frontier_page_set_kind   (UcFrontierPage *self,
                                          const char     *kind);
GtkWidget   *uc_frontier_page_get_chart    (UcFrontierPage *self);
void         uc_frontier_page_set_ratio  (UcFrontierPage *self,
                                          gboolean        ratio);
UcChartSpec *uc_frontier_page_get_spec   (UcFrontierPage *self);
char        *uc_frontier_page_get_table_text (UcFrontierPage *self) G_GNUC_WARN_UNUSED_RESULT;
const char  *uc_frontier_page_get_error  (UcFrontierPage *self);

G_END_DECLS
