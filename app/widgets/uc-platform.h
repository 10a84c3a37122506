/* uc-platform.h: what the window adapts to the machine it runs on */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void uc_platform_choose_renderer (void);
void uc_platform_show_uri        (GtkWidget  *widget,
                                  const char *uri);
void uc_platform_show_uri_async  (GtkWidget           *widget,
                                  const char          *uri,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gboolean uc_platform_show_uri_finish (GAsyncResult  *result,
                                      GError       **error);

G_END_DECLS
