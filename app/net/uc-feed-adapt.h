/* uc-feed-adapt.h: a source's answer read into the rows of its dataset
 *
 * Each feed names an adapter (sources.json "adapter"); the adapter reads
 * one answer (one series of the feed) and returns its rows in the
 * columns of the dataset it extends, each row saying where it came from.
 */
#pragma once

#include <glib.h>

#include "uc-feed.h"
#include "uc-feed-rows.h"

G_BEGIN_DECLS

gboolean    uc_feed_adapter_known (const char  *adapter);
UcFeedRows *uc_feed_adapt         (UcFeed      *feed,
                                   const char  *series,
                                   GBytes      *body,
                                   const char  *url,
                                   const char  *today,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
