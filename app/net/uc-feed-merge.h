/* uc-feed-merge.h: a dataset rebuilt from the snapshot and its sources' rows
 *
 * The embedded snapshot stays the base: rows a source gave extend it (days
 * after its last, models it does not have, prices that changed), never
 * overwrite it. The result is written, with what it rests on, to the
 * datasets folder beside the sources' copies, where the catalog finds it.
 */
#pragma once

#include "uc-feed-list.h"

G_BEGIN_DECLS

char     *uc_feed_merge_dir     (const char  *cache_dir) G_GNUC_WARN_UNUSED_RESULT;
gboolean  uc_feed_merge_dataset (UcFeedList  *feeds,
                                 const char  *cache_dir,
                                 const char  *dataset,
                                 GError     **error);

G_END_DECLS
