/* uc-fetch.h: one HTTP GET of a source, bounded and conditional
 *
 * One SoupSession for the application: a user agent naming Undercut and
 * its version, connect and I/O timeouts, the system proxy. A fetch sends
 * the ETag and Last-Modified of the copy on disk, so an unchanged source
 * costs one round trip (304: not modified), reads at most a size limit,
 * and fails with an error naming the URL and what happened.
 */
#pragma once

#include <gio/gio.h>

#include "uc-net-error.h"

G_BEGIN_DECLS

#define UC_TYPE_FETCHER (uc_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (UcFetcher, uc_fetcher, UC, FETCHER, GObject)

typedef struct
{
  gboolean  not_modified;   /* 304: the copy on disk is current; no body */
  GBytes   *body;
  char     *etag;
  char     *last_modified;
  char     *content_type;
} UcFetchResult;

void       uc_fetch_result_free (UcFetchResult *result);

typedef struct
{
  const char *url;
  const char *shown_url;       /* what errors name; NULL: the URL */
  const char *etag;            /* of the copy on disk, or NULL */
  const char *last_modified;
  gsize       max_size;
  const char *contact;         /* added to the user agent, or NULL */
  gboolean    allow_http;      /* the source says plain http:// is fine */
} UcFetchRequest;

UcFetcher *uc_fetcher_new          (guint                timeout_seconds);
void       uc_fetcher_set_allow_http (UcFetcher          *self,
                                      gboolean            allow);
void       uc_fetcher_get_async    (UcFetcher           *self,
                                    const char          *url,
                                    const char          *etag,
                                    const char          *last_modified,
                                    gsize                max_size,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
void       uc_fetcher_request_async (UcFetcher            *self,
                                     const UcFetchRequest *request,
                                     GCancellable         *cancellable,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
UcFetchResult *uc_fetcher_get_finish (UcFetcher         *self,
                                      GAsyncResult      *result,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcFetchResult, uc_fetch_result_free)

G_END_DECLS
