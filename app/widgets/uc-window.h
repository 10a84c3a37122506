/* uc-window.h: the main window */
#pragma once

#include <adwaita.h>

#include "uc-story-window.h"

#include "uc-chart-view.h"
#include "uc-export-dialog.h"
#include "uc-refresher.h"
#include "uc-view-catalog.h"
#include "uc-view.h"
#include "uc-view-state.h"

G_BEGIN_DECLS

#define UC_TYPE_WINDOW (uc_window_get_type ())
G_DECLARE_FINAL_TYPE (UcWindow, uc_window, UC, WINDOW, AdwApplicationWindow)

UcWindow    *uc_window_new            (AdwApplication *application);
UcWindow    *uc_window_new_on_view    (AdwApplication *application,
                                       const char     *view_id);
UcChartView *uc_window_get_chart_view (UcWindow       *self);
UcExportDialog *uc_window_get_export_dialog (UcWindow    *self);
const char  *uc_window_get_view_id    (UcWindow       *self);
UcTimeRange *uc_window_get_time_range (UcWindow       *self);
void         uc_window_focus_event    (UcWindow       *self,
                                       UcEvent        *event);
gboolean     uc_window_export         (UcWindow       *self,
                                       const char     *path,
                                       GError        **error);
gboolean     uc_window_show_view      (UcWindow       *self,
                                       const char     *view_id,
                                       GError        **error);
gboolean     uc_window_get_loading    (UcWindow       *self);
gboolean     uc_window_get_importing  (UcWindow       *self);
GObject     *uc_window_get_remote_frames (UcWindow     *self);
GtkWindow   *uc_window_get_clickhouse_dialog (UcWindow *self);
UcViewCatalog *uc_window_get_views    (UcWindow       *self);
void         uc_window_open_files     (UcWindow       *self,
                                       GFile         **files,
                                       guint           n_files);
void         uc_window_set_view       (UcWindow       *self,
                                       UcView         *view);
void         uc_window_set_refresher  (UcWindow       *self,
                                       UcRefresher    *refresher);
UcViewState *uc_window_dup_state      (UcWindow       *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_window_save_state     (UcWindow       *self,
                                       const char     *path,
                                       GError        **error);
gboolean     uc_window_open_state     (UcWindow       *self,
                                       const UcViewState *state,
                                       GError        **error);
UcStoryWindow *uc_window_get_story_window (UcWindow     *self);

G_END_DECLS
