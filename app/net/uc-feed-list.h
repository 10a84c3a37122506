/* uc-feed-list.h: the sources Undercut pulls data from
 *
 * A GListModel of UcFeed: the compiled data/sources.json, then a user's
 * sources.json in the config folder, whose entries change the compiled
 * ones of the same id or add new ones (a mirror, a CSV at a URL). A
 * user's file that cannot be read is reported and left out: the
 * compiled sources stand.
 */
#pragma once

#include <gio/gio.h>

#include "uc-feed.h"

G_BEGIN_DECLS

#define UC_TYPE_FEED_LIST (uc_feed_list_get_type ())
G_DECLARE_FINAL_TYPE (UcFeedList, uc_feed_list, UC, FEED_LIST, GObject)

UcFeedList *uc_feed_list_new          (void) G_GNUC_WARN_UNUSED_RESULT;
gboolean    uc_feed_list_load_data    (UcFeedList   *self,
                                       const char   *data,
                                       gsize         length,
                                       const char   *where,
                                       GError      **error);
UcFeedList *uc_feed_list_new_default  (GError      **user_error) G_GNUC_WARN_UNUSED_RESULT;
UcFeed     *uc_feed_list_find         (UcFeedList   *self,
                                       const char   *id);
char       *uc_feed_list_user_file    (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
