/* uc-study-page.h: an event study in the window */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_STUDY_PAGE (uc_study_page_get_type ())
G_DECLARE_FINAL_TYPE (UcStudyPage, uc_study_page, UC, STUDY_PAGE, GtkBox)

GtkWidget   *uc_study_page_new          (void);
void         uc_study_page_set_data     (UcStudyPage *self,
                                         UcDataset   *prices,
                                         UcDataset   *index,
                                         UcDataset   *events);
void         uc_study_page_set_event    (UcStudyPage *self,
                                         gint64       day);
void         uc_study_page_set_companies (UcStudyPage *self,
                                          const char  *companies);
GtkWidget   *uc_study_page_get_chart    (UcStudyPage *self);
UcChartSpec *uc_study_page_get_spec     (UcStudyPage *self);
char        *uc_study_page_get_table_text (UcStudyPage *self) G_GNUC_WARN_UNUSED_RESULT;
const char  *uc_study_page_get_error    (UcStudyPage *self);

G_END_DECLS
