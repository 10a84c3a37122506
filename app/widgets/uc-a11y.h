/* uc-a11y.h: accessible names GTK 4.8 gets wrong */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *uc_a11y_strip_mnemonic  (const char *label) G_GNUC_WARN_UNUSED_RESULT;
void  uc_a11y_fix_names  (GtkWidget  *root);

G_END_DECLS
