/* uc-refresher.h: the application's refresh of its sources
 *
 * One for the application: the sources (a GListModel of UcFeed, which the
 * Sources page shows), one fetcher, and the refresh that runs, with its
 * progress for the window to show and a way to cancel it. Keys and SEC's
 * contact come from the settings at the start of each run.
 */
#pragma once

#include <gio/gio.h>

#include "uc-feed.h"

G_BEGIN_DECLS

#define UC_TYPE_REFRESHER (uc_refresher_get_type ())
G_DECLARE_FINAL_TYPE (UcRefresher, uc_refresher, UC, REFRESHER, GObject)

UcRefresher *uc_refresher_new          (GSettings    *settings) G_GNUC_WARN_UNUSED_RESULT;
GListModel  *uc_refresher_get_feeds    (UcRefresher  *self);
const char  *uc_refresher_get_load_error (UcRefresher *self);
gboolean     uc_refresher_get_running  (UcRefresher  *self);
UcFeed      *uc_refresher_get_current  (UcRefresher  *self);
guint        uc_refresher_get_done     (UcRefresher  *self);
guint        uc_refresher_get_total    (UcRefresher  *self);
gboolean     uc_refresher_can_ask      (UcRefresher  *self,
                                        UcFeed       *feed);
GStrv        uc_refresher_dup_due      (UcRefresher  *self,
                                        GDateTime    *now,
                                        GTimeSpan     age) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_refresher_start        (UcRefresher  *self,
                                        const char * const *ids);
void         uc_refresher_cancel       (UcRefresher  *self);

G_END_DECLS
