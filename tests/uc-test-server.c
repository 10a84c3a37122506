/* uc-test-server.c: a local web server playing data sources, well or badly */
#include "uc-test-server.h"

#include <string.h>

typedef struct
{
  UcTestBehaviour  behaviour;
  guint            status;
  char            *content_type;
  GBytes          *body;
  char            *headers;
  char            *etag;
  guint            hits, not_modified;
  char            *agent;     /* the last request's User-Agent */
} Route;

struct _UcTestServer
{
  GSocketService *service;
  guint16         port;
  GMutex          lock;
  GHashTable     *routes;   /* path → Route */
};

static void
route_free (Route *r)
{
  g_free (r->content_type);
  g_clear_pointer (&r->body, g_bytes_unref);
  g_free (r->headers);
  g_free (r->etag);
  g_free (r->agent);
  g_free (r);
}

GBytes *
uc_test_fixture (const char *name)
{
  /* Benchmarks are not g_test programs: they name the folder in G_TEST_SRCDIR. */
  g_autofree char *path = g_test_initialized () ? g_test_build_filename (G_TEST_DIST, "data", "net", name, NULL)
                          : g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "net", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize length;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, length);
}

static void
write_all (GOutputStream *out,
           const void    *data,
           gsize          length)
{
  g_output_stream_write_all (out, data, length, NULL, NULL, NULL);
}

static void
answer (GOutputStream *out,
        Route         *r,
        gboolean       current)
{
  gsize length = r->body ? g_bytes_get_size (r->body) : 0;
  const char *body = r->body ? g_bytes_get_data (r->body, NULL) : "";
  g_autofree char *head = NULL;

  if (current)
    {
      head = g_strdup_printf ("HTTP/1.1 304 Not Modified\r\nETag: %s\r\nConnection: close\r\n\r\n", r->etag);
      write_all (out, head, strlen (head));
      return;
    }
  head = g_strdup_printf ("HTTP/1.1 %u X\r\n%s%s%sETag: %s\r\n%sContent-Length: %zu\r\nConnection: close\r\n\r\n",
                          r->status, r->content_type ? "Content-Type: " : "", r->content_type ? r->content_type : "",
                          r->content_type ? "\r\n" : "", r->etag, r->headers ? r->headers : "", length);
  write_all (out, head, strlen (head));
  write_all (out, body, r->behaviour == UC_TEST_TRUNCATE ? length / 2 : length);
}

static gboolean
serve (GThreadedSocketService *service,
       GSocketConnection      *connection,
       GObject                *source,
       gpointer                data)
{
  UcTestServer *self = data;
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *request = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  g_autofree char *held = NULL;
  g_autofree char *agent = NULL;
  g_auto(GStrv) parts = NULL;
  Route copy = { 0 };
  Route *r;
  char *line;

  if (request == NULL)
    return TRUE;
  while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL && line[0] != '\r' && line[0] != '\0')
    {
      if (g_ascii_strncasecmp (line, "If-None-Match: ", 15) == 0)
        held = g_strstrip (g_strdup (line + 15));
      if (g_ascii_strncasecmp (line, "User-Agent: ", 12) == 0)
        agent = g_strstrip (g_strdup (line + 12));
      g_free (line);
    }
  g_free (line);
  parts = g_strsplit (request, " ", 3);
  g_mutex_lock (&self->lock);
  r = parts[1] ? g_hash_table_lookup (self->routes, parts[1]) : NULL;
  if (r)
    {
      r->hits++;
      g_free (r->agent);
      r->agent = g_steal_pointer (&agent);
      if (held && g_strcmp0 (held, r->etag) == 0)
        r->not_modified++;
      copy = *r;
      copy.content_type = g_strdup (r->content_type);
      copy.body = r->body ? g_bytes_ref (r->body) : NULL;
      copy.headers = g_strdup (r->headers);
      copy.etag = g_strdup (r->etag);
    }
  g_mutex_unlock (&self->lock);
  if (r == NULL)
    write_all (out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", 68);
  else if (copy.behaviour == UC_TEST_STALL)
    {
      g_autofree char *rest = g_data_input_stream_read_line (in, NULL, NULL, NULL);
    }
  else if (copy.behaviour == UC_TEST_LOOP)
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 302 Found\r\nLocation: %s\r\nContent-Length: 0\r\n\r\n", parts[1]);

      write_all (out, head, strlen (head));
    }
  else
    answer (out, &copy, held && g_strcmp0 (held, copy.etag) == 0 && copy.status == 200);
  g_free (copy.content_type);
  g_clear_pointer (&copy.body, g_bytes_unref);
  g_free (copy.headers);
  g_free (copy.etag);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

UcTestServer *
uc_test_server_new (void)
{
  UcTestServer *self = g_new0 (UcTestServer, 1);
  g_autoptr(GError) error = NULL;

  g_mutex_init (&self->lock);
  self->routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) route_free);
  self->service = g_threaded_socket_service_new (8);
  g_signal_connect (self->service, "run", G_CALLBACK (serve), self);
  self->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (self->service), NULL, &error);
  g_assert_no_error (error);
  g_socket_service_start (self->service);
  return self;
}

/* Stops the server and lets the last events of its connections run, so
 * nothing of them is left at exit. */
void
uc_test_server_free (UcTestServer *self)
{
  g_socket_service_stop (self->service);
  g_socket_listener_close (G_SOCKET_LISTENER (self->service));
  g_object_unref (self->service);
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 4; g_get_monotonic_time () < end;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_hash_table_unref (self->routes);
  g_mutex_clear (&self->lock);
  g_free (self);
}

char *
uc_test_server_url (UcTestServer *self,
                    const char   *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", self->port, path);
}

void
uc_test_server_set (UcTestServer    *self,
                    const char      *path,
                    UcTestBehaviour  behaviour,
                    guint            status,
                    const char      *content_type,
                    GBytes          *body,
                    const char      *headers)
{
  Route *r = g_new0 (Route, 1);
  g_autofree char *sum = body ? g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body) : g_strdup ("none");
  Route *old;

  r->behaviour = behaviour;
  r->status = status;
  r->content_type = g_strdup (content_type);
  r->body = body ? g_bytes_ref (body) : NULL;
  r->headers = g_strdup (headers);
  /* The same bytes played badly are another answer. */
  r->etag = g_strdup_printf ("\"%.12s-%d-%u\"", sum, behaviour, status);
  g_mutex_lock (&self->lock);
  old = g_hash_table_lookup (self->routes, path);
  if (old)
    {
      r->hits = old->hits;
      r->not_modified = old->not_modified;
    }
  g_hash_table_replace (self->routes, g_strdup (path), r);
  g_mutex_unlock (&self->lock);
}

void
uc_test_server_set_file (UcTestServer *self,
                         const char   *path,
                         const char   *content_type,
                         const char   *fixture)
{
  g_autoptr(GBytes) body = uc_test_fixture (fixture);

  uc_test_server_set (self, path, UC_TEST_ANSWER, 200, content_type, body, NULL);
}

static guint
count (UcTestServer *self,
       const char   *path,
       gboolean      not_modified)
{
  Route *r;
  guint n = 0;

  g_mutex_lock (&self->lock);
  r = g_hash_table_lookup (self->routes, path);
  if (r)
    n = not_modified ? r->not_modified : r->hits;
  g_mutex_unlock (&self->lock);
  return n;
}

guint
uc_test_server_hits (UcTestServer *self,
                     const char   *path)
{
  return count (self, path, FALSE);
}

guint
uc_test_server_not_modified (UcTestServer *self,
                             const char   *path)
{
  return count (self, path, TRUE);
}

char *
uc_test_server_agent (UcTestServer *self,
                      const char   *path)
{
  Route *r;
  char *agent = NULL;

  g_mutex_lock (&self->lock);
  r = g_hash_table_lookup (self->routes, path);
  if (r)
    agent = g_strdup (r->agent);
  g_mutex_unlock (&self->lock);
  return agent;
}
