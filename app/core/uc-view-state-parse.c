/* uc-view-state-parse.c: a view state read from its file, whatever is in it
 *
 * The bytes are measured before json-glib sees them (uc-json-load.h);
 * then every member is checked for its type, its value and its size.
 * Any that does not fit refuses the whole file, its message naming the
 * file and the member ("state.json: “range.from”: not a date:
 * “2025-13-01”"); members this version does not know are left alone, for
 * files of later versions that only add to it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view-state.h"
#include "uc-view-state-private.h"

#include <stdio.h>
#include <string.h>

#include "uc-enum.h"
#include "uc-json-load.h"
#include "uc-user-events.h"

typedef struct
{
  const char *name;
  GError    **error;
} Reader;

/* "NAME: “member”: what", the error of a member that does not fit. */
static gboolean G_GNUC_PRINTF (3, 4)
refuse (Reader     *r,
        const char *member,
        const char *format,
        ...)
{
  g_autofree char *what = NULL;
  g_autofree char *where = g_strdup_printf ("%s: ", r->name);
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  return uc_view_state_refuse (r->error, UC_VIEW_STATE_ERROR_MEMBER, where, member, "%s", what);
}

static const char *
type_of (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    /* Translators: what a member of a file holds, as in “a string, not a list”. */
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("a list");
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN: return _("true or false");
    case G_TYPE_STRING: return _("a string");
    default: return _("a number");
    }
}

/* Member @key of @o: absent (NULL), or of @type; anything else refused,
 * saying it should be @expected. */
static gboolean
get_member (Reader       *r,
            JsonObject   *o,
            const char   *key,
            JsonNodeType  type,
            const char   *expected,
            JsonNode    **out)
{
  *out = json_object_get_member (o, key);
  if (*out == NULL || JSON_NODE_TYPE (*out) == type)
    return TRUE;
  /* Translators: this and the state file's other errors follow a member's name, as in ““range”: a list, not an
   * object with “from” and “to””: what the member holds, then what it should hold. */
  return refuse (r, key, _("%s, not %s"), type_of (*out), expected);
}

/* A string member: absent (NULL, TRUE) or text of a sane size. */
static gboolean
read_string (Reader      *r,
             JsonNode    *node,
             const char  *member,
             const char **out)
{
  const char *text;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    /* Translators: %s is what the member holds: a number, a list… */
    return refuse (r, member, _("%s, not a string"), type_of (node));
  text = json_node_get_string (node);
  if (strlen (text) > UC_VIEW_STATE_MAX_STRING)
    return refuse (r, member, _("longer than %u KiB"), UC_VIEW_STATE_MAX_STRING / 1024);
  if (!g_utf8_validate (text, -1, NULL))
    return refuse (r, member, _("not UTF-8 text"));
  *out = text;
  return TRUE;
}

static gboolean
read_member_string (Reader      *r,
                    JsonObject  *o,
                    const char  *key,
                    const char  *member,
                    const char **out)
{
  return read_string (r, json_object_get_member (o, key), member ? member : key, out);
}

/* A list of strings, absent or empty: NULL. */
static gboolean
read_strings (Reader     *r,
              JsonNode   *node,
              const char *member,
              char     ***out)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  *out = NULL;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    /* Translators: %s is what the member holds: a number, an object… */
    return refuse (r, member, _("%s, not a list of strings"), type_of (node));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > UC_VIEW_STATE_MAX_IDS)
    return refuse (r, member, g_dngettext (GETTEXT_PACKAGE, "more than %u entry", "more than %u entries",
                                           UC_VIEW_STATE_MAX_IDS), UC_VIEW_STATE_MAX_IDS);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *at = g_strdup_printf ("%s[%u]", member, i);
      const char *text;

      if (!read_string (r, json_array_get_element (array, i), at, &text))
        return FALSE;
      if (*text == '\0')
        /* Translators: said of a member of a file, as in ““datasets[0]”: empty”. */
        return refuse (r, at, _("empty"));
      g_strv_builder_add (builder, text);
    }
  if (json_array_get_length (array) > 0)
    *out = g_strv_builder_end (builder);
  return TRUE;
}

static gboolean
read_time (Reader     *r,
           JsonObject *o,
           const char *key,
           const char *member,
           UcTime     *out)
{
  const char *text;

  if (!read_member_string (r, o, key, member, &text))
    return FALSE;
  if (text == NULL)
    /* Translators: said of a member of a file, as in ““range.from”: missing”. */
    return refuse (r, member, _("missing"));
  if (!uc_view_state_parse_time (text, out))
    return refuse (r, member, _("not a date: “%s”"), text);
  return TRUE;
}

static gboolean
read_enum (Reader     *r,
           JsonObject *o,
           const char *key,
           GType       type,
           int        *out)
{
  const char *text;

  if (!read_member_string (r, o, key, NULL, &text))
    return FALSE;
  if (text && !uc_enum_from_nick (type, text, out))
    return refuse (r, key, _("no such value: “%s”"), text);
  return TRUE;
}

static gboolean
read_range (Reader      *r,
            JsonObject  *o,
            UcViewState *state)
{
  JsonNode *node;
  JsonObject *range;

  if (!get_member (r, o, "range", JSON_NODE_OBJECT, _("an object with “from” and “to”"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  range = json_node_get_object (node);
  if (!read_time (r, range, "from", "range.from", &state->from) || !read_time (r, range, "to", "range.to", &state->to))
    return FALSE;
  if (state->to <= state->from)
    return refuse (r, "range.to", _("not after “range.from”"));
  state->has_range = TRUE;
  return TRUE;
}

static gboolean
read_log (Reader      *r,
          JsonObject  *o,
          UcViewState *state)
{
  JsonNode *node = json_object_get_member (o, "log");

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    /* Translators: %s is what the member holds: a string, a number… */
    return refuse (r, "log", _("%s, not true or false"), type_of (node));
  state->log_scale = json_node_get_boolean (node) ? 1 : 0;
  return TRUE;
}

static gboolean
read_categories (Reader      *r,
                 JsonObject  *o,
                 UcViewState *state)
{
  g_auto(GStrv) names = NULL;
  const char *bad;

  if (!read_strings (r, json_object_get_member (o, "hidden-categories"), "hidden-categories", &names))
    return FALSE;
  if (!uc_view_state_category_bits ((const char * const *) names, &state->hidden_categories, &bad))
    return refuse (r, "hidden-categories", _("no such category: “%s”"), bad);
  return TRUE;
}

/* What the reader shows: days, base, modes, filter, categories. */
static gboolean
read_reading (Reader      *r,
              JsonObject  *o,
              UcViewState *state)
{
  const char *filter;
  int mode = UC_VALUE_MODE_AS_IS, transform = UC_TRANSFORM_NONE;

  if (!read_range (r, o, state) || (json_object_has_member (o, "base") &&
                                    !read_time (r, o, "base", "base", &state->base)) ||
      !read_enum (r, o, "value-mode", UC_TYPE_VALUE_MODE, &mode) ||
      !read_enum (r, o, "transform", UC_TYPE_TRANSFORM, &transform) || !read_log (r, o, state) ||
      !read_member_string (r, o, "filter", NULL, &filter) || !read_categories (r, o, state))
    return FALSE;
  state->value_mode = mode;
  state->transform = transform;
  state->filter = filter && *filter ? g_strdup (filter) : NULL;
  return TRUE;
}

static gboolean
read_charts (Reader      *r,
             JsonObject  *o,
             UcViewState *state)
{
  JsonNode *node;
  JsonArray *charts;

  if (!get_member (r, o, "charts", JSON_NODE_ARRAY, _("a list"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  charts = json_node_get_array (node);
  if (json_array_get_length (charts) > UC_VIEW_STATE_MAX_CHARTS)
    return refuse (r, "charts", g_dngettext (GETTEXT_PACKAGE, "more than %u chart", "more than %u charts",
                                             UC_VIEW_STATE_MAX_CHARTS), UC_VIEW_STATE_MAX_CHARTS);
  for (guint c = 0; c < json_array_get_length (charts); c++)
    {
      JsonNode *chart = json_array_get_element (charts, c);
      g_autofree char *at = g_strdup_printf ("charts[%u]", c);
      g_autofree char *picked_at = g_strdup_printf ("charts[%u].picked", c);
      g_autofree char *hidden_at = g_strdup_printf ("charts[%u].hidden", c);
      g_auto(GStrv) picked = NULL, hidden = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (chart))
        /* Translators: %s is what the member holds: a string, a list… */
        return refuse (r, at, _("%s, not an object"), type_of (chart));
      if (!read_strings (r, json_object_get_member (json_node_get_object (chart), "picked"), picked_at, &picked) ||
          !read_strings (r, json_object_get_member (json_node_get_object (chart), "hidden"), hidden_at, &hidden))
        return FALSE;
      uc_view_state_set_picked (state, c, (const char * const *) picked);
      uc_view_state_set_hidden (state, c, (const char * const *) hidden);
    }
  return TRUE;
}

static gboolean
blank (const char *text)
{
  for (; *text; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* One of the user's events: a date and a title at least. */
static UcEvent *
read_event (Reader   *r,
            JsonNode *node,
            guint     i)
{
  g_autofree char *at = g_strdup_printf ("events[%u]", i);
  g_autofree char *date_at = g_strconcat (at, ".date", NULL), *end_at = g_strconcat (at, ".end", NULL);
  g_autofree char *title_at = g_strconcat (at, ".title", NULL), *url_at = g_strconcat (at, ".url", NULL);
  g_autofree char *description_at = g_strconcat (at, ".description", NULL);
  g_autofree char *category_at = g_strconcat (at, ".category", NULL);
  g_autoptr(GError) bad_url = NULL;
  const char *title, *description, *category, *url;
  JsonObject *o;
  UcTime date, end = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    /* Translators: %s is what the member holds: a string, a list… */
    return refuse (r, at, _("%s, not an object"), type_of (node)), NULL;
  o = json_node_get_object (node);
  if (!read_time (r, o, "date", date_at, &date) ||
      (json_object_has_member (o, "end") && !read_time (r, o, "end", end_at, &end)) ||
      !read_member_string (r, o, "title", title_at, &title) ||
      !read_member_string (r, o, "description", description_at, &description) ||
      !read_member_string (r, o, "category", category_at, &category) ||
      !read_member_string (r, o, "url", url_at, &url))
    return NULL;
  if (title == NULL || blank (title))
    return refuse (r, title_at, _("missing: an event needs a title")), NULL;
  if (json_object_has_member (o, "end") && end < date)
    return refuse (r, end_at, _("before the event's date")), NULL;
  if (url && *url && !uc_user_events_check_url (url, &bad_url))
    return refuse (r, url_at, "%s", bad_url->message), NULL;
  return uc_user_event_new (date, end, title, description, category, url);
}

static gboolean
read_events (Reader      *r,
             JsonObject  *o,
             UcViewState *state)
{
  JsonNode *node;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local = NULL;
  const char *name;
  JsonArray *events;

  if (!read_member_string (r, o, "events-name", NULL, &name))
    return FALSE;
  state->events_name = name && *name ? g_strdup (name) : NULL;
  if (!get_member (r, o, "events", JSON_NODE_ARRAY, _("a list"), &node))
    return FALSE;
  if (node == NULL)
    return TRUE;
  events = json_node_get_array (node);
  if (json_array_get_length (events) > UC_VIEW_STATE_MAX_EVENTS)
    return refuse (r, "events", g_dngettext (GETTEXT_PACKAGE, "more than %u event", "more than %u events",
                                             UC_VIEW_STATE_MAX_EVENTS), UC_VIEW_STATE_MAX_EVENTS);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      UcEvent *event = read_event (r, json_array_get_element (events, i), i);

      if (event == NULL)
        return FALSE;
      g_ptr_array_add (list, event);
    }
  if (list->len > 0 && (state->events = uc_user_events_from_list (list, r->name, &local)) == NULL)
    return refuse (r, "events", "%s", local->message);
  return TRUE;
}

/* "format" and "version": a state this Undercut reads. */
static gboolean
read_header (Reader     *r,
             JsonNode   *root)
{
  JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *format = o ? json_object_get_member (o, "format") : NULL;
  JsonNode *version = o ? json_object_get_member (o, "version") : NULL;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (format), UC_VIEW_STATE_FORMAT) != 0)
    {
      /* Translators: %s is a file's name. */
      g_set_error (r->error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_SYNTAX, _("%s: not an Undercut view state"),
                   r->name);
      return FALSE;
    }
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) < 1)
    /* Translators: %s is what the member holds (a string…), or “missing”. */
    return refuse (r, "version", _("%s, not a version number (1)"), version ? type_of (version) : _("missing"));
  if (json_node_get_int (version) > UC_VIEW_STATE_VERSION)
    {
      g_autofree char *written = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));

      g_set_error (r->error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_VERSION,
                   /* Translators: a file's name, the version it was written in (a number), then the version this one
                    * reads; “version” is a word of the file, kept. */
                   _("%s: “version”: %s, written by a later Undercut (this one reads version %d)"),
                   r->name, written, UC_VIEW_STATE_VERSION);
      return FALSE;
    }
  return TRUE;
}

static UcViewState *
read_state (Reader     *r,
            JsonObject *o)
{
  g_autoptr(UcViewState) state = uc_view_state_new ();
  const char *view, *variant;

  if (!read_member_string (r, o, "view", NULL, &view) || !read_member_string (r, o, "variant", NULL, &variant) ||
      !read_strings (r, json_object_get_member (o, "datasets"), "datasets", &state->datasets))
    return NULL;
  if (view == NULL || *view == '\0')
    return refuse (r, "view", _("missing: a state names its view")), NULL;
  state->view = g_strdup (view);
  state->variant = variant && *variant ? g_strdup (variant) : NULL;
  if (!read_reading (r, o, state) || !read_charts (r, o, state) || !read_events (r, o, state))
    return NULL;
  return g_steal_pointer (&state);
}

/* json-glib's "<data>:3:8: Parse error: …" as "NAME: line 3, column 8: …". */
static void
syntax_error (Reader *r,
              GError *parse_error)
{
  const char *message = parse_error->message;
  const char *rest = strstr (message, ": ");
  unsigned line, column;
  int used = 0;

  if (g_str_has_prefix (message, "<data>:") && sscanf (message + 7, "%u:%u:%n", &line, &column, &used) == 2 && used > 0)
    {
      rest = message + 7 + used;
      rest += g_str_has_prefix (rest, " Parse error:") ? strlen (" Parse error:") : 0;
      /* Translators: a file's name, a line and a column of it, then what the JSON parser said (after a space). */
      g_set_error (r->error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_SYNTAX, _("%s: line %u, column %u:%s"), r->name,
                   line, column, rest);
    }
  else
    /* Translators: a file's name, then what the JSON parser said. */
    g_set_error (r->error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_SYNTAX, _("%s: not JSON: %s"), r->name,
                 rest ? rest + 2 : message);
}

/* The state in @json, every member checked; @name (a path or URI) is
 * what the errors name. */
UcViewState *
uc_view_state_parse (GBytes      *json,
                     const char  *name,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  Reader r = { name ? name : _("view state"), error };
  gsize size;
  const char *data;

  g_return_val_if_fail (json != NULL, NULL);
  data = g_bytes_get_data (json, &size);
  if (!uc_json_check (data ? data : "", data ? size : 0, r.name, &local))
    {
      g_set_error_literal (error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_SYNTAX, local->message);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data ? data : "", data ? (gssize) size : 0, &local))
    {
      syntax_error (&r, local);
      return NULL;
    }
  if (!read_header (&r, json_parser_get_root (parser)))
    return NULL;
  return read_state (&r, json_node_get_object (json_parser_get_root (parser)));
}

/* Cheap: a JSON object whose "format" is a view state's (the first
 * members of a file Undercut wrote, but found wherever it is). */
gboolean
uc_view_state_looks_like (GBytes *json)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root, *format;
  gsize size;
  const char *data;

  if (json == NULL)
    return FALSE;
  data = g_bytes_get_data (json, &size);
  while (size > 0 && g_ascii_isspace (*data))
    data++, size--;
  if (size == 0 || *data != '{' || !uc_json_check (data, size, "", NULL))
    return FALSE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) size, NULL))
    return FALSE;
  root = json_parser_get_root (parser);
  format = root && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "format") : NULL;
  return format && JSON_NODE_HOLDS_VALUE (format) && json_node_get_value_type (format) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (format), UC_VIEW_STATE_FORMAT) == 0;
}

/* @file read and parsed; errors name it by its parse name. */
UcViewState *
uc_view_state_load (GFile   *file,
                    GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  name = g_file_get_parse_name (file);
  if ((bytes = uc_json_read_file (file, error)) == NULL)
    return NULL;
  return uc_view_state_parse (bytes, name, error);
}

/* Whether @file is a regular file that looks like a view state (one
 * that is not, such as a named pipe, is never read here). */
gboolean
uc_view_state_file_looks_like (GFile *file)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL || g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    return FALSE;
  bytes = uc_json_read_file (file, NULL);
  return bytes && uc_view_state_looks_like (bytes);
}
