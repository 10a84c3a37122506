/* uc-releases-page.h: open-weight releases by region in the window */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_RELEASES_PAGE (uc_releases_page_get_type ())
G_DECLARE_FINAL_TYPE (UcReleasesPage, uc_releases_page, UC, RELEASES_PAGE, GtkBox)

GtkWidget   *uc_releases_page_new         (void);
void         uc_releases_page_set_data    (UcReleasesPage *self,
                                           UcDataset      *releases);
void         uc_releases_page_set_shares  (UcReleasesPage *self,
                                           gboolean        shares);
GtkWidget   *uc_releases_page_get_chart    (UcReleasesPage *self);
UcChartSpec *uc_releases_page_get_spec    (UcReleasesPage *self);
char        *uc_releases_page_get_table_text (UcReleasesPage *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
