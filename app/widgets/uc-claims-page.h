/* uc-claims-page.h: the story's claims, each with its figure and verdict */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define UC_TYPE_CLAIMS_PAGE (uc_claims_page_get_type ())
G_DECLARE_FINAL_TYPE (UcClaimsPage, uc_claims_page, UC, CLAIMS_PAGE, GtkBox)

GtkWidget  *uc_claims_page_new        (void);
void        uc_claims_page_set_claims (UcClaimsPage *self,
                                       GPtrArray    *claims,
                                       const char   *data_date);
void        uc_claims_page_set_error  (UcClaimsPage *self,
                                       const char   *message);
guint       uc_claims_page_get_n_claims (UcClaimsPage *self);
GtkWidget  *uc_claims_page_get_button (UcClaimsPage *self,
                                       guint         index);

G_END_DECLS
