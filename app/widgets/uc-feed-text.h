/* uc-feed-text.h: what the window says of a source, in words
 *
 * Shared by the Sources page and the refresh's toasts: a source's state,
 * its dates as a reader writes them, and why its refresh failed without
 * the address the net layer puts first.
 */
#pragma once

#include <glib.h>

#include "uc-feed.h"

G_BEGIN_DECLS

const char *uc_feed_text_state   (UcFeed      *feed,
                                  gboolean     can_ask);
char       *uc_feed_text_time    (const char  *iso) G_GNUC_WARN_UNUSED_RESULT;
char       *uc_feed_text_day     (const char  *iso,
                                  GDateTime   *now) G_GNUC_WARN_UNUSED_RESULT;
char       *uc_feed_text_reason  (UcFeed      *feed) G_GNUC_WARN_UNUSED_RESULT;
char       *uc_feed_text_refused (UcFeed      *feed,
                                  GDateTime   *now) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
