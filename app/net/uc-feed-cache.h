/* uc-feed-cache.h: what refreshes fetched, kept on disk
 *
 * Each source has a folder in the user's data folder (sources/ID/): the
 * bodies it answered, the rows read from them, and record.json naming
 * the current ones. Bodies and rows are written under names that carry
 * their checksum and never change; record.json is replaced atomically
 * and last. A refresh killed at any moment leaves the previous record,
 * and every file it names, whole.
 */
#pragma once

#include <gio/gio.h>

#include "uc-feed.h"

G_BEGIN_DECLS

typedef struct
{
  char  *series;          /* "" for a source of one request */
  char  *url;             /* as asked, a key in it redacted */
  char  *etag;
  char  *last_modified;
  char  *body;            /* file name in the source's folder */
  char  *sha256;
  char  *retrieved;       /* when the body was fetched, ISO 8601 UTC */
  guint  rows;            /* rows read from it */
} UcFeedItem;

typedef struct
{
  UcFeedState  state;
  char        *message;
  char        *retrieved;   /* last time new data came */
  char        *checked;     /* last attempt */
  char        *data_as_of;  /* newest date in the rows */
  guint        rows;
  char        *rows_file;   /* the rows read, in the dataset's columns */
  GPtrArray   *items;       /* UcFeedItem */
} UcFeedRecord;

UcFeedRecord *uc_feed_record_new      (void) G_GNUC_WARN_UNUSED_RESULT;
void          uc_feed_record_free     (UcFeedRecord *record);
UcFeedItem   *uc_feed_record_find     (UcFeedRecord *record,
                                       const char   *series);
UcFeedItem   *uc_feed_item_copy       (const UcFeedItem *item) G_GNUC_WARN_UNUSED_RESULT;
void          uc_feed_item_free       (UcFeedItem   *item);

char         *uc_feed_cache_dir       (void) G_GNUC_WARN_UNUSED_RESULT;
UcFeedRecord *uc_feed_cache_read      (const char   *dir,
                                       const char   *id,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
GBytes       *uc_feed_cache_load      (const char   *dir,
                                       const char   *id,
                                       const char   *file,
                                       const char   *sha256,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
char         *uc_feed_cache_store     (const char   *dir,
                                       const char   *id,
                                       const char   *stem,
                                       const char   *extension,
                                       GBytes       *data,
                                       char        **sha256,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      uc_feed_cache_commit    (const char   *dir,
                                       const char   *id,
                                       UcFeedRecord *record,
                                       GError      **error);
void          uc_feed_cache_apply     (UcFeed       *feed,
                                       UcFeedRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcFeedRecord, uc_feed_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcFeedItem, uc_feed_item_free)

G_END_DECLS
