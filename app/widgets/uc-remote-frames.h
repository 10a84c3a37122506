/* uc-remote-frames.h: a chart of a ClickHouse table, asked again per frame */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart-view.h"
#include "uc-clickhouse-source.h"

G_BEGIN_DECLS

#define UC_TYPE_REMOTE_FRAMES (uc_remote_frames_get_type ())
G_DECLARE_FINAL_TYPE (UcRemoteFrames, uc_remote_frames, UC, REMOTE_FRAMES, GObject)

UcRemoteFrames *uc_remote_frames_new        (UcChartView        *chart,
                                             UcClickhouseSource *source) G_GNUC_WARN_UNUSED_RESULT;
const char     *uc_remote_frames_get_status (UcRemoteFrames     *self);
gboolean        uc_remote_frames_get_busy   (UcRemoteFrames     *self);
gboolean        uc_remote_frames_get_failed (UcRemoteFrames     *self);
guint           uc_remote_frames_get_n_fetched (UcRemoteFrames  *self);
guint           uc_remote_frames_get_n_shown   (UcRemoteFrames  *self);
gboolean        uc_remote_frames_get_shown  (UcRemoteFrames     *self,
                                             UcTime             *from,
                                             UcTime             *to);
UcChartSpec    *uc_remote_frames_refine     (UcRemoteFrames     *self,
                                             UcChartSpec        *shown,
                                             int                 width,
                                             int                 height,
                                             double              scale,
                                             const UcChartDrawOptions *options,
                                             GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
