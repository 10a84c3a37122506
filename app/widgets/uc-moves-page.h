/* uc-moves-page.h: the largest one-day moves and the events near them */
#pragma once

#include <gtk/gtk.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_MOVES_PAGE (uc_moves_page_get_type ())
G_DECLARE_FINAL_TYPE (UcMovesPage, uc_moves_page, UC, MOVES_PAGE, GtkBox)

GtkWidget  *uc_moves_page_new            (void);
void        uc_moves_page_set_data       (UcMovesPage *self,
                                          UcDataset   *prices,
                                          UcDataset   *events);
void        uc_moves_page_set_companies  (UcMovesPage *self,
                                          const char  *companies);
void        uc_moves_page_set_by_money   (UcMovesPage *self,
                                          gboolean     by_money);
char       *uc_moves_page_get_table_text (UcMovesPage *self) G_GNUC_WARN_UNUSED_RESULT;
const char *uc_moves_page_get_error      (UcMovesPage *self);

G_END_DECLS
