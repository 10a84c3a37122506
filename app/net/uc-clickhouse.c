/* uc-clickhouse.c: a table in a ClickHouse server, charted where it lives
 *
 * See uc-clickhouse.h. Every query is one POST to the server's HTTP
 * interface with the SQL as the body and the answer as TabSeparated text.
 * The server is asked to stop after the timeout, and an answer past the
 * size limit is not read. Credentials go in ClickHouse's own headers and
 * are never part of a URL or a message.
 */
#include "config.h"

#include "uc-clickhouse.h"
#include "uc-clickhouse-private.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#define DEFAULT_TIMEOUT 30
#define DEFAULT_MAX_SIZE (64 * 1024 * 1024)
#define MAX_IDENTIFIER 128
/* A frame over fewer rows is read whole: a scan of them costs less than
 * the rollup's extra work (about 95 ns a row, see the README). */
#define DEFAULT_ROLLUP_ROWS 500000


G_DEFINE_FINAL_TYPE (UcClickhouse, uc_clickhouse, G_TYPE_OBJECT)

static void
uc_clickhouse_finalize (GObject *object)
{
  UcClickhouse *self = UC_CLICKHOUSE (object);

  g_free (self->url);
  g_free (self->database);
  g_free (self->table);
  g_free (self->x);
  g_free (self->x_sql);
  g_free (self->y);
  g_free (self->group);
  g_free (self->user);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  g_clear_object (&self->session);
  g_clear_pointer (&self->rollups, g_array_unref);
  g_clear_pointer (&self->helpers, g_ptr_array_unref);
  G_OBJECT_CLASS (uc_clickhouse_parent_class)->finalize (object);
}

static void
uc_clickhouse_class_init (UcClickhouseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_clickhouse_finalize;
}

static void
uc_clickhouse_init (UcClickhouse *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->max_size = DEFAULT_MAX_SIZE;
  self->rollups = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rollup_min_rows = DEFAULT_ROLLUP_ROWS;
}

/* @run on each of @n parts (@size bytes each, from @parts) side by side:
 * the first on this thread, the others on threads of their own, each on
 * its own connection; back when all are done. A frame's lines, or its
 * levels, then share the server's cores. */
void
uc_clickhouse_run_side_by_side (GThreadFunc run,
                                gpointer    parts,
                                gsize       size,
                                guint       n)
{
  g_autofree GThread **threads = g_new0 (GThread *, MAX (n, 1));

  for (guint i = 1; i < n; i++)
    threads[i] = g_thread_new ("uc-clickhouse-part", run, (char *) parts + i * size);
  if (n > 0)
    run (parts);
  for (guint i = 1; i < n; i++)
    g_thread_join (threads[i]);
}

/* A name ClickHouse takes unquoted: a letter or underscore, then letters,
 * digits and underscores. Only such names are ever put in a query. */
gboolean
uc_clickhouse_identifier_ok (const char *name)
{
  gsize n;

  if (name == NULL || !(g_ascii_isalpha (name[0]) || name[0] == '_'))
    return FALSE;
  for (n = 1; name[n]; n++)
    if (!(g_ascii_isalnum (name[n]) || name[n] == '_'))
      return FALSE;
  return n <= MAX_IDENTIFIER;
}

/* @value as a ClickHouse string literal: quotes and backslashes escaped,
 * control bytes written as \xHH. */
char *
uc_clickhouse_quote_string (const char *value)
{
  GString *quoted = g_string_new ("'");

  for (const guchar *p = (const guchar *) value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_printf (quoted, "\\%c", *p);
      else if (*p < 0x20 || *p == 0x7f)
        g_string_append_printf (quoted, "\\x%02X", *p);
      else
        g_string_append_c (quoted, (char) *p);
    }
  g_string_append_c (quoted, '\'');
  return g_string_free (quoted, FALSE);
}

static gboolean
check_identifier (const char  *what,
                  const char  *name,
                  GError     **error)
{
  if (uc_clickhouse_identifier_ok (name))
    return TRUE;
  /* Translators: %s is what the name is for ("table", "time column"…), then the name given */
  g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
               _("the %s name “%s” is not a plain name (letters, digits and _ only, not starting with a digit)"),
               what, name ? name : "");
  return FALSE;
}

/* The server's address, checked: http or https, a host, no credentials
 * or query of its own. */
static char *
check_url (const char  *url,
           GError     **error)
{
  g_autoptr(GUri) uri = url ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT,
                   _("“%s” is not a server address like http://localhost:8123/"), url ? url : "");
      return NULL;
    }
  if (g_uri_get_userinfo (uri) || g_uri_get_query (uri))
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT,
                   _("the server address must not hold a user, password or query; give the user and password apart"));
      return NULL;
    }
  return g_uri_to_string_partial (uri, G_URI_HIDE_PASSWORD);
}

/* A table's series: time column @x, value column @y, one series per value
 * of @group (NULL: the whole table is one series). */
UcClickhouse *
uc_clickhouse_new (const char  *url,
                   const char  *database,
                   const char  *table,
                   const char  *x,
                   const char  *y,
                   const char  *group,
                   GError     **error)
{
  g_autoptr(UcClickhouse) self = NULL;
  g_autofree char *checked = check_url (url, error);

  /* No table: a connection to list the database's tables and columns. */
  if (checked == NULL || !check_identifier (_("database"), database ? database : "default", error) ||
      (table && (!check_identifier (_("table"), table, error) || !check_identifier (_("time column"), x, error) ||
                 !check_identifier (_("value column"), y, error))) ||
      (table && group && !check_identifier (_("group column"), group, error)))
    return NULL;
  self = g_object_new (UC_TYPE_CLICKHOUSE, NULL);
  self->url = g_steal_pointer (&checked);
  self->database = g_strdup (database ? database : "default");
  self->table = g_strdup (table);
  self->x = g_strdup (x);
  self->x_sql = g_strdup_printf ("`%s`", x);
  self->y = g_strdup (y);
  self->group = g_strdup (group);
  self->session = soup_session_new_with_options ("user-agent", "Undercut/" PACKAGE_VERSION, NULL);
  soup_session_set_timeout (self->session, self->timeout);
  return g_steal_pointer (&self);
}

/* The same table and settings on a connection of its own: for queries
 * run side by side (one series each), each on its own session. */
UcClickhouse *
uc_clickhouse_dup (UcClickhouse *self)
{
  UcClickhouse *copy;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self), NULL);
  copy = uc_clickhouse_new (self->url, self->database, self->table, self->x, self->y, self->group, NULL);
  g_return_val_if_fail (copy != NULL, NULL);   /* the names were checked already */
  uc_clickhouse_set_credentials (copy, self->user, self->password);
  uc_clickhouse_set_timeout (copy, self->timeout);
  copy->max_size = self->max_size;
  copy->rollup_min_rows = self->rollup_min_rows;
  copy->nullable = self->nullable;
  g_free (copy->x_sql);
  copy->x_sql = g_strdup (self->x_sql);
  return copy;
}

void
uc_clickhouse_set_credentials (UcClickhouse *self,
                               const char   *user,
                               const char   *password)
{
  /* Either may be the one held now: copied before the old go. */
  char *new_user = g_strdup (user), *new_password = g_strdup (password);

  g_return_if_fail (UC_IS_CLICKHOUSE (self));
  g_free (self->user);
  if (self->password)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  self->user = new_user;
  self->password = new_password;
}

void
uc_clickhouse_set_timeout (UcClickhouse *self,
                           guint         seconds)
{
  g_return_if_fail (UC_IS_CLICKHOUSE (self));
  self->timeout = MAX (seconds, 1);
  soup_session_set_timeout (self->session, self->timeout);
}

void
uc_clickhouse_set_max_size (UcClickhouse *self,
                            gsize         max_bytes)
{
  g_return_if_fail (UC_IS_CLICKHOUSE (self));
  self->max_size = max_bytes;
}

const char *
uc_clickhouse_get_url (UcClickhouse *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE (self), NULL);
  return self->url;
}

/* The names the connection reads: its database, table and columns (the
 * table's are NULL on a connection without one, the group's when the
 * table has none), and its user (NULL: the server's default). */
void
uc_clickhouse_get_names (UcClickhouse  *self,
                         const char   **database,
                         const char   **table,
                         const char   **x,
                         const char   **y,
                         const char   **group,
                         const char   **user)
{
  g_return_if_fail (UC_IS_CLICKHOUSE (self));
  *database = self->database;
  *table = self->table;
  *x = self->x;
  *y = self->y;
  *group = self->group;
  *user = self->user;
}

gboolean
uc_clickhouse_has_password (UcClickhouse *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE (self), FALSE);
  return self->password != NULL && *self->password != '\0';
}

/* What the source is, for the Sources page and a pack: "db.table (x, y by
 * group) at URL", without credentials. */
char *
uc_clickhouse_describe (UcClickhouse *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE (self), NULL);
  if (self->table == NULL)
    /* Translators: a ClickHouse database, then the server's address */
    return g_strdup_printf (_("database %s at %s"), self->database, self->url);
  if (self->group)
    /* Translators: a ClickHouse table: database.table (time column, value column by group column) at server */
    return g_strdup_printf (_("%s.%s (%s, %s by %s) at %s"), self->database, self->table, self->x, self->y,
                            self->group, self->url);
  /* Translators: a ClickHouse table: database.table (time column, value column) at server */
  return g_strdup_printf (_("%s.%s (%s, %s) at %s"), self->database, self->table, self->x, self->y, self->url);
}

/* The source line of a chart of the table: what it is, where, and the
 * day it was read (@read: an ISO 8601 date, or a date and time). */
char *
uc_clickhouse_credit (UcClickhouse *self,
                      const char   *read)
{
  g_autofree char *described = uc_clickhouse_describe (self);

  /* Translators: a ClickHouse table as described (“db.t (ts, price) at
   * http://host:8123/”), then the day it was read (YYYY-MM-DD). */
  return g_strdup_printf (_("Source: ClickHouse table %s, read %.10s"), described, read);
}

/* The query a chart's frames answer, for a report pack's inputs: the
 * server, the table, the columns, the groups, the stretch of time and
 * the pixel columns asked for (whose first, lowest, highest and last rows
 * were sent, or every row where few were left). */
char *
uc_clickhouse_describe_query (UcClickhouse           *self,
                              const char * const     *groups,
                              UcTime                  from,
                              UcTime                  to,
                              const UcClickhouseGrid *grid)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) a = g_date_time_new_from_unix_utc (from / G_USEC_PER_SEC);
  g_autoptr(GDateTime) b = g_date_time_new_from_unix_utc (to / G_USEC_PER_SEC);
  g_autofree char *start = a ? g_date_time_format_iso8601 (a) : g_strdup ("?");
  g_autofree char *end = b ? g_date_time_format_iso8601 (b) : g_strdup ("?");

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self) && self->table, NULL);
  g_string_append_printf (text, "ClickHouse %s: `%s`.`%s`, `%s` by `%s`", self->url, self->database, self->table,
                          self->y, self->x);
  if (self->group && groups && groups[0])
    {
      g_string_append_printf (text, " where `%s` in (", self->group);
      for (guint g = 0; groups[g]; g++)
        {
          g_autofree char *quoted = uc_clickhouse_quote_string (groups[g]);

          g_string_append_printf (text, "%s%s", g ? ", " : "", quoted);
        }
      g_string_append_c (text, ')');
    }
  g_string_append_printf (text, ", from %s to %s", start, end);
  if (grid)
    g_string_append_printf (text, ", the first, lowest, highest and last row of each of %.0f pixel columns "
                            "(every row where at most two fall in one)", grid->width);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The server's own words in an error answer, one line, not too long. */
static char *
server_message (GBytes *body)
{
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : NULL;
  g_autofree char *text = data ? g_utf8_make_valid (data, (gssize) MIN (size, 300)) : g_strdup ("");

  g_strdelimit (text, "\r\n\t", ' ');
  return g_strstrip (g_steal_pointer (&text));
}

/* The answer's body, at most the size limit. */
static GBytes *
read_body (UcClickhouse  *self,
           GInputStream  *stream,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(GByteArray) body = g_byte_array_new ();
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      if (body->len + (gsize) n > self->max_size)
        {
          g_autofree char *limit = g_format_size (self->max_size);

          g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TOO_LARGE, _("%s: the answer is larger than %s; not read"),
                       self->url, limit);
          return NULL;
        }
      g_byte_array_append (body, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* Runs @sql (blocking) and returns the answer's body. */
GBytes *
uc_clickhouse_query (UcClickhouse  *self,
                     const char    *sql,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autofree char *target = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GBytes) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local = NULL;
  guint status;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self), NULL);
  /* The server stops a query that runs past the timeout itself. */
  target = g_strdup_printf ("%s%sdatabase=%s&max_execution_time=%u&max_query_size=%u", self->url,
                            strchr (self->url, '?') ? "&" : "?", self->database, self->timeout, 4u << 20);
  /* A header's value cannot hold a line break (nor should a name). */
  if ((self->user && strpbrk (self->user, "\r\n")) || (self->password && strpbrk (self->password, "\r\n")))
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT,
                   _("%s: the user name or password holds a line break"), self->url);
      return NULL;
    }
  message = soup_message_new (SOUP_METHOD_POST, target);
  request = g_bytes_new (sql, strlen (sql));
  soup_message_set_request_body_from_bytes (message, "text/plain; charset=utf-8", request);
  if (self->user)
    soup_message_headers_replace (soup_message_get_request_headers (message), "X-ClickHouse-User", self->user);
  if (self->password)
    soup_message_headers_replace (soup_message_get_request_headers (message), "X-ClickHouse-Key", self->password);
  stream = soup_session_send (self->session, message, cancellable, &local);
  if (stream == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_TRANSPORT, _("%s: no answer: %s"), self->url, local->message);
      return NULL;
    }
  body = read_body (self, stream, cancellable, error);
  if (body == NULL)
    return NULL;
  status = soup_message_get_status (message);
  if (status != SOUP_STATUS_OK)
    {
      g_autofree char *said = server_message (body);

      /* Translators: the server's address, the HTTP status and what the server said */
      g_set_error (error, UC_NET_ERROR, status == 401 || status == 403 ? UC_NET_ERROR_REFUSED : UC_NET_ERROR_HTTP,
                   _("%s answered %u: %s"), self->url, status, said);
      return NULL;
    }
  return g_steal_pointer (&body);
}

/* A TabSeparated answer as rows of fields, the escapes undone. */
typedef struct
{
  GPtrArray *rows;   /* GStrv each */
} Table;

static char *
unescape_field (const char *field)
{
  GString *out = g_string_sized_new (strlen (field));

  for (const char *p = field; *p; p++)
    {
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      switch (*p)
        {
        case 't': g_string_append_c (out, '\t'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case '0': g_string_append_c (out, '\0'); break;
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        default: g_string_append_c (out, *p); break;
        }
    }
  return g_string_free (out, FALSE);
}

/* Runs @sql and reads its answer as rows of @columns fields each. */
GPtrArray *
_uc_clickhouse_query_rows (UcClickhouse  *self,
                           const char    *sql,
                           guint          columns,
                           gsize         *bytes,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(GBytes) body = uc_clickhouse_query (self, sql, cancellable, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  gsize size;

  if (body == NULL)
    return NULL;
  size = g_bytes_get_size (body);
  if (bytes)
    *bytes += size;
  text = size ? g_strndup (g_bytes_get_data (body, NULL), size) : g_strdup ("");
  lines = g_strsplit (text, "\n", -1);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; lines[i] && (lines[i][0] || lines[i + 1]); i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (fields) != columns)
        {
          /* Translators: the server's address, a line number and two counts */
          g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
                       _("%s: line %u of the answer has %u fields, not %u"), self->url, i + 1,
                       g_strv_length (fields), columns);
          return NULL;
        }
      for (guint f = 0; f < columns; f++)
        {
          char *plain = unescape_field (fields[f]);

          g_free (fields[f]);
          fields[f] = plain;
        }
      g_ptr_array_add (rows, g_steal_pointer (&fields));
    }
  return g_steal_pointer (&rows);
}

gboolean
_uc_clickhouse_parse_int (UcClickhouse  *self,
                          const char    *text,
                          gint64        *out,
                          GError       **error)
{
  char *end = NULL;

  errno = 0;
  *out = g_ascii_strtoll (text, &end, 10);
  if (errno == 0 && end != text && *end == '\0')
    return TRUE;
  g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: “%s” in the answer is not a whole number"), self->url, text);
  return FALSE;
}

gboolean
_uc_clickhouse_parse_double (UcClickhouse  *self,
                             const char    *text,
                             double        *out,
                             GError       **error)
{
  char *end = NULL;

  if (g_str_equal (text, "nan") || g_str_equal (text, "-nan") || g_str_equal (text, "\\N"))
    {
      *out = NAN;
      return TRUE;
    }
  *out = g_ascii_strtod (text, &end);
  if (end != text && *end == '\0')
    return TRUE;
  g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: “%s” in the answer is not a number"), self->url, text);
  return FALSE;
}

/* The table as a query names it. */
char *
_uc_clickhouse_table_ref (UcClickhouse *self)
{
  return g_strdup_printf ("`%s`.`%s`", self->database, self->table);
}

/* The rows of @group ("1" with no group column): a condition. */
char *
_uc_clickhouse_group_condition (UcClickhouse *self,
                                const char   *group)
{
  g_autofree char *quoted = NULL;

  if (self->group == NULL || group == NULL)
    return g_strdup ("1");
  quoted = uc_clickhouse_quote_string (group);
  return g_strdup_printf ("`%s` = %s", self->group, quoted);
}

/* The rows of @group a chart draws: those with a time and a value (a
 * NULL is no observation). Said only of Nullable columns: ClickHouse 18
 * tests even a plain column row by row (a count of 30M rows goes from 20
 * to 150 ms). */
char *
_uc_clickhouse_row_condition (UcClickhouse *self,
                              const char   *group)
{
  g_autofree char *in_group = _uc_clickhouse_group_condition (self, group);

  if (!self->nullable)
    return g_steal_pointer (&in_group);
  return g_strdup_printf ("isNotNull(%s) AND isNotNull(`%s`) AND %s", self->x_sql, self->y, in_group);
}

static int
compare_table_names (gconstpointer a,
                     gconstpointer b)
{
  return strcmp ((*(char ***) a)[0], (*(char ***) b)[0]);
}

static gboolean
numeric_type (const char *type)
{
  static const char *const ok[] = { "Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64",
                                    "Float32", "Float64", NULL };

  return g_strv_contains (ok, type) || g_str_has_prefix (type, "Decimal");
}

/* @type without Nullable( ) around it (a new string), and whether it had it. */
static char *
unwrap_nullable (const char *type,
                 gboolean   *nullable)
{
  gsize n = strlen (type);

  *nullable = g_str_has_prefix (type, "Nullable(") && n > 10 && type[n - 1] == ')';
  return *nullable ? g_strndup (type + 9, n - 10) : g_strdup (type);
}

/* The columns named exist, with types this source reads: the time a
 * DateTime or a Date, the values numbers (either may be Nullable). */
gboolean
uc_clickhouse_check_table (UcClickhouse  *self,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *db = NULL, *table = NULL, *sql = NULL, *x_plain = NULL, *y_plain = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *x_type = NULL, *y_type = NULL;
  gboolean group_found = self->group == NULL, x_null = FALSE, y_null = FALSE;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self) && self->table, FALSE);
  db = uc_clickhouse_quote_string (self->database);
  table = uc_clickhouse_quote_string (self->table);
  sql = g_strdup_printf ("SELECT name, type FROM system.columns WHERE database = %s AND table = %s "
                         "FORMAT TabSeparated", db, table);
  if ((rows = _uc_clickhouse_query_rows (self, sql, 2, NULL, cancellable, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      x_type = g_str_equal (row[0], self->x) ? row[1] : x_type;
      y_type = g_str_equal (row[0], self->y) ? row[1] : y_type;
      group_found |= self->group && g_str_equal (row[0], self->group);
    }
  x_plain = x_type ? unwrap_nullable (x_type, &x_null) : NULL;
  y_plain = y_type ? unwrap_nullable (y_type, &y_null) : NULL;
  if (rows->len == 0)
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s has no table %s.%s"), self->url, self->database,
                 self->table);
  else if (x_type == NULL || y_type == NULL || !group_found)
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s.%s has no column %s"), self->database, self->table,
                 x_type == NULL ? self->x : y_type == NULL ? self->y : self->group);
  else if (!g_str_has_prefix (x_plain, "DateTime") && !g_str_equal (x_plain, "Date"))
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s.%s: the time column %s is a %s, not a DateTime or Date"),
                 self->database, self->table, self->x, x_type);
  else if (!numeric_type (y_plain))
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s.%s: the value column %s is a %s, not a number"),
                 self->database, self->table, self->y, y_type);
  else
    {
      self->nullable = x_null || y_null;
      g_free (self->x_sql);
      /* A day number: toDateTime(Date) would take the server's time zone. */
      self->x_sql = g_str_equal (x_plain, "Date") ? g_strdup_printf ("toDateTime(toUInt32(`%s`) * 86400)", self->x)
                                                  : g_strdup_printf ("`%s`", self->x);
      return TRUE;
    }
  return FALSE;
}

UcClickhouseRole
uc_clickhouse_column_role (const char *column_type)
{
  gboolean nullable;
  g_autofree char *type = unwrap_nullable (column_type, &nullable);

  /* A NULL time or value leaves its row out; a NULL group is no group. */
  if (g_str_has_prefix (type, "DateTime") || g_str_equal (type, "Date"))
    return UC_CLICKHOUSE_ROLE_TIME;
  if (numeric_type (type))
    return UC_CLICKHOUSE_ROLE_NUMBER;
  if (g_str_equal (type, "String") || g_str_has_prefix (type, "FixedString") || g_str_has_prefix (type, "Enum") ||
      g_str_equal (type, "LowCardinality(String)"))
    return UC_CLICKHOUSE_ROLE_TEXT;
  return UC_CLICKHOUSE_ROLE_OTHER;
}

/* A rollup or one being built (TABLE_m4_<N>s, TABLE_m4_<N>s_new): this
 * source's own, not the user's. */
static gboolean
is_rollup_name (const char *name)
{
  const char *m4 = g_strrstr (name, "_m4_");
  const char *p;

  if (m4 == NULL || !g_ascii_isdigit (m4[4]))
    return FALSE;
  for (p = m4 + 4; g_ascii_isdigit (*p); p++)
    ;
  return g_str_equal (p, "s") || g_str_equal (p, "s_new");
}

/* The database's tables and their columns, as rows {table, column, type},
 * tables in name order, columns in the table's order; rollups left out.
 * For the dialog that sets a table's column roles. */
GPtrArray *
uc_clickhouse_list_columns (UcClickhouse  *self,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *db = NULL, *sql = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *kept;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self), NULL);
  db = uc_clickhouse_quote_string (self->database);
  sql = g_strdup_printf ("SELECT table, name, type FROM system.columns WHERE database = %s FORMAT TabSeparated", db);
  if ((rows = _uc_clickhouse_query_rows (self, sql, 3, NULL, cancellable, error)) == NULL)
    return NULL;
  kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < rows->len; i++)
    if (!is_rollup_name (((char **) g_ptr_array_index (rows, i))[0]))
      g_ptr_array_add (kept, g_strdupv (g_ptr_array_index (rows, i)));
  /* Stable: a table's columns keep the server's order. */
  g_ptr_array_sort (kept, compare_table_names);
  return kept;
}

/* The group column's values, in order, at most @limit. */
GStrv
uc_clickhouse_list_groups (UcClickhouse  *self,
                           guint          limit,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *table = _uc_clickhouse_table_ref (self);
  g_autofree char *sql = NULL, *db = NULL, *name = NULL, *column = NULL, *type_sql = NULL, *present = NULL;
  g_autoptr(GPtrArray) rows = NULL, types = NULL;
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();
  gboolean nullable;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self) && self->group, NULL);
  /* A NULL is no group (and would read as "N"): left out, but only of a
   * Nullable column, as the server tests even a plain one row by row. */
  db = uc_clickhouse_quote_string (self->database);
  name = uc_clickhouse_quote_string (self->table);
  column = uc_clickhouse_quote_string (self->group);
  type_sql = g_strdup_printf ("SELECT type FROM system.columns WHERE database = %s AND table = %s AND name = %s "
                              "FORMAT TabSeparated", db, name, column);
  if ((types = _uc_clickhouse_query_rows (self, type_sql, 1, NULL, cancellable, error)) == NULL)
    return NULL;
  nullable = types->len == 1 && g_str_has_prefix (((char **) g_ptr_array_index (types, 0))[0], "Nullable(");
  present = nullable ? g_strdup_printf ("isNotNull(`%s`)", self->group) : g_strdup ("1");
  sql = g_strdup_printf ("SELECT DISTINCT `%1$s` FROM %2$s WHERE %3$s ORDER BY `%1$s` LIMIT %4$u FORMAT TabSeparated",
                         self->group, table, present, limit);
  if ((rows = _uc_clickhouse_query_rows (self, sql, 1, NULL, cancellable, error)) == NULL)
    return NULL;
  for (guint i = 0; i < rows->len; i++)
    g_strv_builder_add (groups, ((char **) g_ptr_array_index (rows, i))[0]);
  return g_strv_builder_end (groups);
}

/* The first and last time of @group's rows. */
gboolean
uc_clickhouse_get_span (UcClickhouse  *self,
                        const char    *group,
                        UcTime        *first,
                        UcTime        *last,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *table = _uc_clickhouse_table_ref (self);
  g_autofree char *where = _uc_clickhouse_row_condition (self, group);
  g_autofree char *sql = g_strdup_printf ("SELECT ifNull(toInt64(min(%1$s)), 0), ifNull(toInt64(max(%1$s)), 0), count() FROM %2$s "
                                          "WHERE %3$s FORMAT TabSeparated", self->x_sql, table, where);
  g_autoptr(GPtrArray) rows = _uc_clickhouse_query_rows (self, sql, 3, NULL, cancellable, error);
  gint64 a, b, n;
  char **row;

  if (rows == NULL)
    return FALSE;
  row = rows->len == 1 ? g_ptr_array_index (rows, 0) : NULL;
  if (row == NULL || !_uc_clickhouse_parse_int (self, row[0], &a, error) || !_uc_clickhouse_parse_int (self, row[1], &b, error) ||
      !_uc_clickhouse_parse_int (self, row[2], &n, error))
    {
      if (row == NULL)
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: the answer is empty"), self->url);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s.%s has no rows for %s"), self->database, self->table,
                   group ? group : self->y);
      return FALSE;
    }
  *first = a * G_USEC_PER_SEC;
  *last = b * G_USEC_PER_SEC;
  return TRUE;
}


/* The rollup of @seconds buckets as a query names it. */
char *
_uc_clickhouse_rollup_ref (UcClickhouse *self,
                           guint         seconds)
{
  return g_strdup_printf ("`%s`.`%s_m4_%us`", self->database, self->table, seconds);
}

void
uc_clickhouse_set_rollup_min_rows (UcClickhouse *self,
                                   gint64        rows)
{
  g_return_if_fail (UC_IS_CLICKHOUSE (self));
  self->rollup_min_rows = rows;
}

/* A single number a query answers. */
static gboolean
query_number (UcClickhouse  *self,
              const char    *sql,
              gint64        *out,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GPtrArray) rows = _uc_clickhouse_query_rows (self, sql, 1, NULL, cancellable, error);

  if (rows == NULL)
    return FALSE;
  if (rows->len != 1)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: the answer is empty"), self->url);
      return FALSE;
    }
  return _uc_clickhouse_parse_int (self, ((char **) g_ptr_array_index (rows, 0))[0], out, error);
}

static int
compare_larger_first (gconstpointer a,
                      gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x < y) - (x > y);
}

/* The table's rollups that hold every row it has now (one rows behind is
 * one that would draw a wrong line: it is not read). */
static gboolean
find_rollups (UcClickhouse  *self,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *db = uc_clickhouse_quote_string (self->database);
  g_autofree char *prefix = g_strdup_printf ("%s_m4_", self->table);
  g_autofree char *quoted_prefix = uc_clickhouse_quote_string (prefix);
  g_autofree char *sql = g_strdup_printf ("SELECT name FROM system.tables WHERE database = %s AND startsWith(name, %s) "
                                          "ORDER BY name FORMAT TabSeparated", db, quoted_prefix);
  g_autofree char *table = _uc_clickhouse_table_ref (self);
  g_autofree char *rows_drawn = _uc_clickhouse_row_condition (self, NULL);
  g_autofree char *count_sql = g_strdup_printf ("SELECT toInt64(count()) FROM %s WHERE %s FORMAT TabSeparated", table,
                                                rows_drawn);
  g_autoptr(GPtrArray) names = _uc_clickhouse_query_rows (self, sql, 1, NULL, cancellable, error);
  gint64 total;

  if (names == NULL || !query_number (self, count_sql, &total, cancellable, error))
    return FALSE;
  g_array_set_size (self->rollups, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = ((char **) g_ptr_array_index (names, i))[0] + strlen (prefix);
      char *end = NULL;
      guint64 seconds = g_ascii_strtoull (name, &end, 10);
      g_autofree char *ref = NULL, *held_sql = NULL;
      guint bucket;
      gint64 held;

      if (seconds == 0 || seconds > G_MAXUINT32 || g_strcmp0 (end, "s") != 0)
        continue;
      bucket = (guint) seconds;
      ref = _uc_clickhouse_rollup_ref (self, bucket);
      held_sql = g_strdup_printf ("SELECT toInt64(sum(rows)) FROM %s FORMAT TabSeparated", ref);
      if (!query_number (self, held_sql, &held, cancellable, error))
        return FALSE;
      if (held == total)
        g_array_append_val (self->rollups, bucket);
    }
  g_array_sort (self->rollups, compare_larger_first);
  self->rollups_known = TRUE;
  return TRUE;
}

/* The rollups a frame on @grid reads (bucket seconds, largest first): the
 * largest with two buckets or more a pixel column, then each smaller one
 * that divides the one before (a bucket an edge splits is read at the
 * next). Empty when none fits; NULL when the server could not say. */
GArray *
_uc_clickhouse_pick_rollups (UcClickhouse           *self,
                             const UcClickhouseGrid *grid,
                             GCancellable           *cancellable,
                             GError                **error)
{
  double column = grid->span / grid->width / G_USEC_PER_SEC;
  GArray *levels = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!self->rollups_known && !find_rollups (self, cancellable, error))
    {
      g_array_unref (levels);
      return NULL;
    }
  /* find_rollups() keeps them largest first. */
  for (guint i = 0; i < self->rollups->len; i++)
    {
      guint bucket = g_array_index (self->rollups, guint, i);
      guint above = levels->len ? g_array_index (levels, guint, levels->len - 1) : 0;

      if (above ? above % bucket == 0 : 2.0 * bucket <= column)
        g_array_append_val (levels, bucket);
    }
  return levels;
}

/* Runs @sql, a statement whose answer says nothing. */
static gboolean
run_statement (UcClickhouse  *self,
               const char    *sql,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GBytes) answer = uc_clickhouse_query (self, sql, cancellable, error);

  return answer != NULL;
}

/* Makes (or makes again) the table's rollup of @seconds buckets: for each
 * group and bucket, the first, lowest, highest and last row and how many
 * there are. Built beside the old one, which it then replaces, so a
 * frame never reads one half made. Run again after the table grows. */
gboolean
uc_clickhouse_make_rollup (UcClickhouse  *self,
                           guint          seconds,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autofree char *table = NULL, *ref = NULL, *fresh = NULL, *old = NULL, *group = NULL, *create = NULL, *swap = NULL;
  g_autofree char *drop_fresh = NULL, *drop_old = NULL, *exists_sql = NULL, *settle = NULL, *rows_drawn = NULL;
  gint64 exists;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self) && seconds > 0, FALSE);
  table = _uc_clickhouse_table_ref (self);
  ref = _uc_clickhouse_rollup_ref (self, seconds);
  fresh = g_strdup_printf ("`%s`.`%s_m4_%us_new`", self->database, self->table, seconds);
  old = g_strdup_printf ("`%s`.`%s_m4_%us_old`", self->database, self->table, seconds);
  group = self->group ? g_strdup_printf ("`%s`, ", self->group) : g_strdup ("");
  rows_drawn = _uc_clickhouse_row_condition (self, NULL);
  drop_fresh = g_strdup_printf ("DROP TABLE IF EXISTS %s", fresh);
  drop_old = g_strdup_printf ("DROP TABLE IF EXISTS %s", old);
  /* A sorting key takes no Nullable column: assumeNotNull() on the time,
   * whose NULLs rows_drawn left out. */
  create = g_strdup_printf (
    "CREATE TABLE %1$s ENGINE = MergeTree() ORDER BY (%2$sbucket) AS SELECT %2$s"
    "toDateTime(intDiv(toUInt32(assumeNotNull(%3$s)), %4$u) * %4$u) AS bucket, min(%3$s) AS first_t, "
    "argMin(toFloat64(`%5$s`), %3$s) AS first_v, max(%3$s) AS last_t, argMax(toFloat64(`%5$s`), %3$s) AS last_v, "
    "argMin(%3$s, (toFloat64(`%5$s`), %3$s)) AS low_t, min(toFloat64(`%5$s`)) AS low_v, "
    "argMax(%3$s, (toFloat64(`%5$s`), -toInt64(%3$s))) AS high_t, max(toFloat64(`%5$s`)) AS high_v, "
    "count() AS rows FROM %6$s WHERE %7$s GROUP BY %2$sbucket",
    fresh, group, self->x_sql, seconds, self->y, table, rows_drawn);
  if (strlen (self->table) + 20 > MAX_IDENTIFIER)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("the table name “%s” is too long for a rollup's"),
                   self->table);
      return FALSE;
    }
  /* Merged into whole parts before it is read: a frame then opens a few
   * parts, not the many an INSERT … SELECT writes (nor waits on merges). */
  settle = g_strdup_printf ("OPTIMIZE TABLE %s FINAL", fresh);
  if (!run_statement (self, drop_fresh, cancellable, error) || !run_statement (self, create, cancellable, error) ||
      !run_statement (self, settle, cancellable, error) || !run_statement (self, drop_old, cancellable, error))
    return FALSE;
  exists_sql = g_strdup_printf ("EXISTS TABLE %s FORMAT TabSeparated", ref);
  if (!query_number (self, exists_sql, &exists, cancellable, error))
    return FALSE;
  /* RENAME of several tables is one step for the server. */
  swap = exists ? g_strdup_printf ("RENAME TABLE %s TO %s, %s TO %s", ref, old, fresh, ref)
                : g_strdup_printf ("RENAME TABLE %s TO %s", fresh, ref);
  if (!run_statement (self, swap, cancellable, error) || !run_statement (self, drop_old, cancellable, error))
    return FALSE;
  self->rollups_known = FALSE;
  return TRUE;
}
