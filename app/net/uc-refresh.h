/* uc-refresh.h: pulling every source's new data, without losing the old
 *
 * A refresh asks each source (conditionally: an unchanged source costs
 * one round trip), reads and checks the answers on a worker thread, and
 * keeps them only once they read and pass the checks: expected columns,
 * dates not in the future, a row count not collapsing against the copy on
 * disk. A source that fails keeps its last good copy and says why; the
 * datasets it feeds are then rebuilt from the embedded snapshot and every
 * source's last good rows.
 */
#pragma once

#include <gio/gio.h>

#include "uc-feed-list.h"
#include "uc-fetch.h"

G_BEGIN_DECLS

#define UC_TYPE_REFRESH (uc_refresh_get_type ())
G_DECLARE_FINAL_TYPE (UcRefresh, uc_refresh, UC, REFRESH, GObject)

UcRefresh *uc_refresh_new          (UcFeedList          *feeds,
                                    UcFetcher           *fetcher,
                                    const char          *dir) G_GNUC_WARN_UNUSED_RESULT;
void       uc_refresh_set_key      (UcRefresh           *self,
                                    const char          *feed_id,
                                    const char          *key);
void       uc_refresh_set_contact  (UcRefresh           *self,
                                    const char          *contact);
void       uc_refresh_set_now      (UcRefresh           *self,
                                    GDateTime           *now);
void       uc_refresh_load_state   (UcRefresh           *self);
void       uc_refresh_run_async    (UcRefresh           *self,
                                    const char * const  *ids,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
guint      uc_refresh_run_finish   (UcRefresh           *self,
                                    GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
