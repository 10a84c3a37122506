/* uc-fetch.c: one HTTP GET of a source, bounded and conditional */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-fetch.h"

#include <libsoup/soup.h>
#include <string.h>

#define READ_BLOCK 65536

struct _UcFetcher
{
  GObject      parent_instance;
  SoupSession *session;
  gboolean     allow_http;   /* tests against a local server */
};

G_DEFINE_FINAL_TYPE (UcFetcher, uc_fetcher, G_TYPE_OBJECT)

typedef struct
{
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  gsize          max_size;
  char          *url;
} Fetch;

static void
fetch_free (Fetch *f)
{
  g_clear_object (&f->message);
  g_clear_object (&f->stream);
  g_clear_pointer (&f->body, g_byte_array_unref);
  g_free (f->url);
  g_free (f);
}

void
uc_fetch_result_free (UcFetchResult *result)
{
  g_clear_pointer (&result->body, g_bytes_unref);
  g_free (result->etag);
  g_free (result->last_modified);
  g_free (result->content_type);
  g_free (result);
}

static void
uc_fetcher_finalize (GObject *object)
{
  UcFetcher *self = UC_FETCHER (object);

  /* Open connections closed now, not left to the process's end. */
  soup_session_abort (self->session);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (uc_fetcher_parent_class)->finalize (object);
}

static void
uc_fetcher_class_init (UcFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_fetcher_finalize;
}

static void
uc_fetcher_init (UcFetcher *self)
{
}

/* A session that names Undercut (SEC asks clients to) and gives up on a
 * source that stalls after @timeout_seconds of silence. */
UcFetcher *
uc_fetcher_new (guint timeout_seconds)
{
  UcFetcher *self = g_object_new (UC_TYPE_FETCHER, NULL);

  /* The user agent is set per request: a session's would replace it. */
  self->session = soup_session_new_with_options ("timeout", timeout_seconds,
                                                 "idle-timeout", 60,
                                                 NULL);
  return self;
}

void
uc_fetcher_set_allow_http (UcFetcher *self,
                           gboolean   allow)
{
  g_return_if_fail (UC_IS_FETCHER (self));
  self->allow_http = allow;
}

static UcFetchResult *
result_of (Fetch *f)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (f->message);
  UcFetchResult *result = g_new0 (UcFetchResult, 1);

  result->not_modified = soup_message_get_status (f->message) == SOUP_STATUS_NOT_MODIFIED;
  result->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  result->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  result->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));
  if (f->body && !result->not_modified)
    result->body = g_byte_array_free_to_bytes (g_steal_pointer (&f->body));
  return result;
}

static void read_more (GTask *task);

static void
on_read (GObject      *object,
         GAsyncResult *res,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;
  g_autoptr(GBytes) block = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), res, &error);

  if (block == NULL)
    {
      /* Translators: an address, then why the answer stopped. Keep “%s: ” first: the window shows what follows. */
      g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT, _("%s: the answer broke off: %s"), f->url,
                               error->message);
      g_error_free (error);
      return;
    }
  if (g_bytes_get_size (block) == 0)
    {
      goffset expected = soup_message_headers_get_content_length (soup_message_get_response_headers (f->message));

      /* A connection closed early is a cut answer, not a short one. */
      if (expected > 0 && (guint64) expected != f->body->len &&
          soup_message_headers_get_encoding (soup_message_get_response_headers (f->message)) == SOUP_ENCODING_CONTENT_LENGTH)
        {
          g_autofree char *total = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) expected);

          g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT,
                                   /* Translators: an address, the bytes read, then the bytes the server said it would
                                    * send (a number). */
                                   _("%s: the answer broke off after %u of %s bytes"), f->url, f->body->len, total);
          return;
        }
      g_task_return_pointer (task, result_of (f), (GDestroyNotify) uc_fetch_result_free);
      return;
    }
  g_byte_array_append (f->body, g_bytes_get_data (block, NULL), g_bytes_get_size (block));
  if (f->body->len > f->max_size)
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, f->max_size);

      g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_TOO_LARGE,
                               /* Translators: an address, then the most bytes a source may send (a number). */
                               _("%s: the answer is larger than %s bytes; not read"), f->url, limit);
      return;
    }
  read_more (g_steal_pointer (&task));
}

static void
read_more (GTask *task)
{
  Fetch *f = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (f->stream, READ_BLOCK, G_PRIORITY_DEFAULT, g_task_get_cancellable (task), on_read,
                                   task);
}

/* The status judged before the body is read: a refusal, or a body said
 * to be past the limit, ends the fetch without reading it. */
static gboolean
check_status (Fetch  *f,
              GError **error)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (f->message);
  guint status = soup_message_get_status (f->message);
  goffset length = soup_message_headers_get_content_length (headers);
  const char *retry = soup_message_headers_get_one (headers, "Retry-After");

  if (status != SOUP_STATUS_NOT_MODIFIED && !SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* Retry-After is seconds or an HTTP date. */
      gboolean seconds = retry && *retry && retry[strspn (retry, "0123456789")] == '\0';

      if (retry == NULL)
        /* Translators: an address, then an HTTP status code (404, 503…). Keep “%s: ” first. */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_HTTP, _("%s: the server answered HTTP %u"), f->url, status);
      else if (seconds)
        /* Translators: an address, an HTTP status code, then a number of seconds. Keep “%s: ” first. */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_HTTP, _("%s: the server answered HTTP %u (try again after %s s)"),
                     f->url, status, retry);
      else
        /* Translators: an address, an HTTP status code, then a date and time as the server wrote it. Keep “%s: ”
         * first. */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_HTTP, _("%s: the server answered HTTP %u (try again after %s)"),
                     f->url, status, retry);
      return FALSE;
    }
  if (length > 0 && (guint64) length > f->max_size)
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GSIZE_FORMAT, f->max_size);

      /* Translators: an address, then the most bytes a source may send (a number). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TOO_LARGE, _("%s: the answer is larger than %s bytes; not read"),
                   f->url, limit);
      return FALSE;
    }
  return TRUE;
}

static void
on_sent (GObject      *object,
         GAsyncResult *res,
         gpointer      data)
{
  g_autoptr(GTask) task = data;
  Fetch *f = g_task_get_task_data (task);
  GError *error = NULL;

  f->stream = soup_session_send_finish (SOUP_SESSION (object), res, &error);
  if (f->stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, error);
      else
        {
          g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT, "%s: %s", f->url, error->message);
          g_error_free (error);
        }
      return;
    }
  if (!check_status (f, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  f->body = g_byte_array_new ();
  read_more (g_steal_pointer (&task));
}

/* GET @url, with the validators of the copy on disk (NULL: none); at most
 * @max_size bytes of body. Only https:// unless allowed otherwise. */
void
uc_fetcher_get_async (UcFetcher           *self,
                      const char          *url,
                      const char          *etag,
                      const char          *last_modified,
                      gsize                max_size,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  UcFetchRequest request = { .url = url, .etag = etag, .last_modified = last_modified, .max_size = max_size };

  uc_fetcher_request_async (self, &request, cancellable, callback, user_data);
}

/* As uc_fetcher_get_async(), with what a source asks more: errors name
 * @request->shown_url (a key in the URL left out), and a contact is added
 * to the user agent for the hosts that ask for one (SEC). */
void
uc_fetcher_request_async (UcFetcher            *self,
                          const UcFetchRequest *request,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Fetch *f = g_new0 (Fetch, 1);
  SoupMessageHeaders *headers;
  const char *url = request->url;

  g_return_if_fail (UC_IS_FETCHER (self));
  g_return_if_fail (url != NULL);

  f->url = g_strdup (request->shown_url ? request->shown_url : url);
  f->max_size = request->max_size;
  g_task_set_task_data (task, f, (GDestroyNotify) fetch_free);
  if (!g_str_has_prefix (url, "https://") && !((self->allow_http || request->allow_http) && g_str_has_prefix (url, "http://")))
    {
      /* Translators: %s is an address. */
      g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_INSECURE, _("%s: only https:// addresses are fetched"),
                               f->url);
      return;
    }
  f->message = soup_message_new (SOUP_METHOD_GET, url);
  if (f->message == NULL)
    {
      /* Translators: %s is what was given as an address. */
      g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT, _("%s: not a web address"), f->url);
      return;
    }
  headers = soup_message_get_request_headers (f->message);
  if (request->etag)
    soup_message_headers_append (headers, "If-None-Match", request->etag);
  if (request->last_modified)
    soup_message_headers_append (headers, "If-Modified-Since", request->last_modified);
  {
    g_autofree char *agent = g_strdup_printf ("Undercut/" PACKAGE_VERSION "%s%s", request->contact ? " " : "",
                                              request->contact ? request->contact : "");

    soup_message_headers_replace (headers, "User-Agent", agent);
  }
  soup_session_send_async (self->session, f->message, G_PRIORITY_DEFAULT, cancellable, on_sent,
                           g_steal_pointer (&task));
}

UcFetchResult *
uc_fetcher_get_finish (UcFetcher     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
