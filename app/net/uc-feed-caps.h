/* uc-feed-caps.h: market caps extended by newer closes and share counts
 *
 * Closes a source gives (Stooq: not dividend-adjusted) are never spliced
 * onto the snapshot's adjusted closes as they are: they are rescaled at
 * the join, the snapshot's last day, by the ratio of the two closes that
 * day, and every row after it says so ("joined"). A ticker whose source
 * has no close on the join day is not extended. Caps are close × the
 * latest share count dated on or before the day, from the snapshot or
 * from SEC filings, whichever is newer.
 */
#pragma once

#include "uc-feed-rows.h"

G_BEGIN_DECLS

guint uc_feed_extend_caps (UcFeedRows       *caps,
                           const UcFeedRows *closes,
                           const UcFeedRows *shares,
                           const char       *retrieved);

G_END_DECLS
