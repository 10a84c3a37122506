/* uc-feed-mirror.h: every source's last good copy, as files a web server serves
 *
 * `undercut refresh --output DIR` writes, for each source, the answers as
 * the source gave them (DIR/ID/SERIES.csv or .json), the datasets they
 * extend (DIR/datasets/), and DIR/manifest.json naming each file with its
 * source, when it was retrieved, the date its data reach and its SHA-256.
 * A desktop points a source at the mirror by changing its URL in its own
 * sources.json (https://mirror.example/undercut/fred/{series}.csv): the
 * same adapter reads it. Keys never reach the mirror.
 */
#pragma once

#include "uc-feed-list.h"

G_BEGIN_DECLS

gboolean uc_feed_mirror_write (UcFeedList  *feeds,
                               const char  *cache_dir,
                               const char  *out_dir,
                               guint       *n_files,
                               GError     **error);

G_END_DECLS
