/* uc-platform.h: what the window adapts to the machine it runs on */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        uc_platform_init_locale     (void);
void        uc_platform_choose_renderer (void);
void        uc_platform_show_uri        (GtkWidget             *widget,
                                         const char            *uri);
GdkTexture *uc_platform_texture_for_surface (cairo_surface_t   *surface) G_GNUC_WARN_UNUSED_RESULT;
void        uc_platform_append_pixels   (GtkWidget             *widget,
                                         GtkSnapshot           *snapshot,
                                         cairo_surface_t       *pixels,
                                         GdkTexture           **texture,
                                         const graphene_rect_t *bounds);
void        uc_platform_show_uri_async  (GtkWidget             *widget,
                                         const char            *uri,
                                         GCancellable          *cancellable,
                                         GAsyncReadyCallback    callback,
                                         gpointer               user_data);
gboolean    uc_platform_show_uri_finish (GAsyncResult          *result,
                                         GError               **error);
void        uc_platform_chart_font      (GtkSettings           *settings,
                                         double                *body_px,
                                         double                *caption_px);

G_END_DECLS
