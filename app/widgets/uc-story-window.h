/* uc-story-window.h: Test the Story, the window of the analyses */
#pragma once

#include <adwaita.h>

#include "uc-export-dialog.h"

G_BEGIN_DECLS

#define UC_TYPE_STORY_WINDOW (uc_story_window_get_type ())
G_DECLARE_FINAL_TYPE (UcStoryWindow, uc_story_window, UC, STORY_WINDOW, AdwWindow)

UcStoryWindow *uc_story_window_new        (GtkWindow     *parent);
gboolean       uc_story_window_open_link  (UcStoryWindow *self,
                                           const char    *link,
                                           GError       **error);
void           uc_story_window_study_day  (UcStoryWindow *self,
                                           gint64         day);
gboolean       uc_story_window_get_loading (UcStoryWindow *self);
const char    *uc_story_window_get_page   (UcStoryWindow *self);
UcExportDialog *uc_story_window_get_export_dialog (UcStoryWindow *self);
GtkWidget     *uc_story_window_get_page_widget (UcStoryWindow *self,
                                                const char    *name);

G_END_DECLS
