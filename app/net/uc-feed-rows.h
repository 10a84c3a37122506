/* uc-feed-rows.h: rows a source gave, in the columns of the dataset it feeds
 *
 * What an adapter makes of an answer, and what is kept on disk between
 * runs (a small CSV of our own writing) to extend a dataset with.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GStrv      header;
  GPtrArray *rows;        /* GStrv, each as long as the header */
  guint      skipped;     /* records the adapter could not use */
} UcFeedRows;

UcFeedRows *uc_feed_rows_new       (const char * const *header) G_GNUC_WARN_UNUSED_RESULT;
void        uc_feed_rows_free      (UcFeedRows         *rows);
void        uc_feed_rows_add       (UcFeedRows         *rows,
                                    ...) G_GNUC_NULL_TERMINATED;
void        uc_feed_rows_add_strv  (UcFeedRows         *rows,
                                    GStrv               cells);
void        uc_feed_rows_extend    (UcFeedRows         *rows,
                                    const UcFeedRows   *more);
void        uc_feed_rows_add_column (UcFeedRows       *rows,
                                    const char         *name);
const char *uc_feed_rows_cell      (const UcFeedRows   *rows,
                                    char              **row,
                                    const char         *name);
int         uc_feed_rows_column    (const UcFeedRows   *rows,
                                    const char         *name);
char       *uc_feed_rows_last_date (const UcFeedRows   *rows) G_GNUC_WARN_UNUSED_RESULT;
GBytes     *uc_feed_rows_to_csv    (const UcFeedRows   *rows) G_GNUC_WARN_UNUSED_RESULT;
UcFeedRows *uc_feed_rows_from_csv  (GBytes             *csv,
                                    const char         *where,
                                    GError            **error) G_GNUC_WARN_UNUSED_RESULT;
guint       uc_feed_rows_observe   (UcFeedRows         *history,
                                    const UcFeedRows   *today,
                                    const char * const *keys,
                                    const char * const *values);
void        uc_feed_csv_append_cell (GString           *out,
                                     const char        *cell);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcFeedRows, uc_feed_rows_free)

G_END_DECLS
