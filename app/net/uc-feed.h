/* uc-feed.h: one source of data pulled over the network
 *
 * A feed is one entry of sources.json: who publishes the data, under what
 * licence, the URL to ask (a template when one feed is several requests,
 * one per series), how the answer is read (its adapter) and which dataset
 * it extends. It also carries what is known of its last refresh, which
 * the Sources page and `undercut sources` show.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  UC_FEED_NEVER,       /* never fetched: the embedded snapshot stands */
  UC_FEED_FRESH,       /* fetched, or found unchanged, by the last refresh */
  UC_FEED_CACHED,      /* a copy on disk from an earlier refresh */
  UC_FEED_REFUSED,     /* the last refresh failed: the last good copy stands */
  UC_FEED_NEEDS_KEY,   /* a key or contact is needed and not given */
} UcFeedState;

GType uc_feed_state_get_type (void);
#define UC_TYPE_FEED_STATE (uc_feed_state_get_type ())
const char *uc_feed_state_to_string (UcFeedState state);

#define UC_TYPE_FEED (uc_feed_get_type ())
G_DECLARE_FINAL_TYPE (UcFeed, uc_feed, UC, FEED, GObject)

UcFeed      *uc_feed_new_from_json   (JsonObject  *object,
                                      const char  *where,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_feed_update_from_json (UcFeed     *self,
                                      JsonObject  *object,
                                      const char  *where,
                                      GError     **error);

const char  *uc_feed_get_id          (UcFeed *self);
const char  *uc_feed_get_title       (UcFeed *self);
const char  *uc_feed_get_publisher   (UcFeed *self);
const char  *uc_feed_get_licence     (UcFeed *self);
const char  *uc_feed_get_attribution (UcFeed *self);
const char  *uc_feed_get_url         (UcFeed *self);
const char  *uc_feed_get_adapter     (UcFeed *self);
const char  *uc_feed_get_dataset     (UcFeed *self);
guint        uc_feed_get_refresh_hours (UcFeed *self);
gsize        uc_feed_get_max_bytes   (UcFeed *self);
gboolean     uc_feed_get_needs_key   (UcFeed *self);
gboolean     uc_feed_get_needs_contact (UcFeed *self);
gboolean     uc_feed_get_allow_http  (UcFeed *self);
gboolean     uc_feed_get_keeps_history (UcFeed *self);
double       uc_feed_get_requests_per_second (UcFeed *self);
const char * const *uc_feed_get_series (UcFeed *self);
const char  *uc_feed_get_series_label (UcFeed    *self,
                                       const char *series);
JsonObject  *uc_feed_get_options     (UcFeed *self);

char        *uc_feed_expand_url      (UcFeed      *self,
                                      const char  *series,
                                      const char  *key) G_GNUC_WARN_UNUSED_RESULT;
char        *uc_feed_redact_url      (UcFeed      *self,
                                      const char  *url) G_GNUC_WARN_UNUSED_RESULT;

UcFeedState  uc_feed_get_state       (UcFeed *self);
const char  *uc_feed_get_message     (UcFeed *self);
const char  *uc_feed_get_retrieved   (UcFeed *self);
const char  *uc_feed_get_checked     (UcFeed *self);
const char  *uc_feed_get_data_as_of  (UcFeed *self);
guint        uc_feed_get_n_rows      (UcFeed *self);
void         uc_feed_set_status      (UcFeed      *self,
                                      UcFeedState  state,
                                      const char  *message,
                                      const char  *retrieved,
                                      const char  *checked,
                                      const char  *data_as_of,
                                      guint        n_rows);

G_END_DECLS
