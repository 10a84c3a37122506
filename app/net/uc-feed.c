/* uc-feed.c: one source of data pulled over the network */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-feed.h"

#include <string.h>

#include "uc-net-answer.h"
#include "uc-net-error.h"

struct _UcFeed
{
  GObject      parent_instance;

  char        *id, *title, *publisher, *licence, *attribution;
  char        *url, *adapter, *dataset;
  GPtrArray   *series;        /* ids, NULL-terminated */
  GHashTable  *labels;        /* series id → label */
  JsonObject  *options;       /* the whole entry: adapters read their own members */
  guint        refresh_hours;
  gsize        max_bytes;
  gboolean     needs_key, needs_contact, allow_http, history;
  double       requests_per_second;

  UcFeedState  state;
  char        *message, *retrieved, *checked, *data_as_of;
  guint        n_rows;
};

G_DEFINE_FINAL_TYPE (UcFeed, uc_feed, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (UcFeedState, uc_feed_state,
                    G_DEFINE_ENUM_VALUE (UC_FEED_NEVER, "never"),
                    G_DEFINE_ENUM_VALUE (UC_FEED_FRESH, "fresh"),
                    G_DEFINE_ENUM_VALUE (UC_FEED_CACHED, "cached"),
                    G_DEFINE_ENUM_VALUE (UC_FEED_REFUSED, "refused"),
                    G_DEFINE_ENUM_VALUE (UC_FEED_NEEDS_KEY, "needs-key"))

enum
{
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_LICENCE,
  PROP_URL,
  PROP_DATASET,
  PROP_NEEDS_KEY,
  PROP_STATE,
  PROP_MESSAGE,
  PROP_RETRIEVED,
  PROP_CHECKED,
  PROP_DATA_AS_OF,
  PROP_N_ROWS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define DEFAULT_MAX_BYTES (16u << 20)
#define MAX_MAX_BYTES     (256u << 20)

/* The word the command line prints and sources --json writes. */
const char *
uc_feed_state_to_string (UcFeedState state)
{
  GEnumValue *value = g_enum_get_value (g_type_class_peek (UC_TYPE_FEED_STATE), state);

  return value ? value->value_nick : "never";
}

static void
uc_feed_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  UcFeed *self = UC_FEED (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_PUBLISHER: g_value_set_string (value, self->publisher); break;
    case PROP_LICENCE: g_value_set_string (value, self->licence); break;
    case PROP_URL: g_value_set_string (value, self->url); break;
    case PROP_DATASET: g_value_set_string (value, self->dataset); break;
    case PROP_NEEDS_KEY: g_value_set_boolean (value, self->needs_key); break;
    case PROP_STATE: g_value_set_enum (value, self->state); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_RETRIEVED: g_value_set_string (value, self->retrieved); break;
    case PROP_CHECKED: g_value_set_string (value, self->checked); break;
    case PROP_DATA_AS_OF: g_value_set_string (value, self->data_as_of); break;
    case PROP_N_ROWS: g_value_set_uint (value, self->n_rows); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_feed_finalize (GObject *object)
{
  UcFeed *self = UC_FEED (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->publisher);
  g_free (self->licence);
  g_free (self->attribution);
  g_free (self->url);
  g_free (self->adapter);
  g_free (self->dataset);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->options, json_object_unref);
  g_free (self->message);
  g_free (self->retrieved);
  g_free (self->checked);
  g_free (self->data_as_of);
  G_OBJECT_CLASS (uc_feed_parent_class)->finalize (object);
}

static void
uc_feed_class_init (UcFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->get_property = uc_feed_get_property;
  object_class->finalize = uc_feed_finalize;
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, flags);
  properties[PROP_LICENCE] = g_param_spec_string ("licence", NULL, NULL, NULL, flags);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  properties[PROP_DATASET] = g_param_spec_string ("dataset", NULL, NULL, NULL, flags);
  properties[PROP_NEEDS_KEY] = g_param_spec_boolean ("needs-key", NULL, NULL, FALSE, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, UC_TYPE_FEED_STATE, UC_FEED_NEVER, flags);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, flags);
  properties[PROP_RETRIEVED] = g_param_spec_string ("retrieved", NULL, NULL, NULL, flags);
  properties[PROP_CHECKED] = g_param_spec_string ("checked", NULL, NULL, NULL, flags);
  properties[PROP_DATA_AS_OF] = g_param_spec_string ("data-as-of", NULL, NULL, NULL, flags);
  properties[PROP_N_ROWS] = g_param_spec_uint ("n-rows", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_feed_init (UcFeed *self)
{
  self->series = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->series, NULL);
  self->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->refresh_hours = 24;
  self->max_bytes = DEFAULT_MAX_BYTES;
}

static gboolean
set_string (JsonObject  *o,
            const char  *member,
            char       **field,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “%s” must be a string"), where, member);
      return FALSE;
    }
  g_free (*field);
  *field = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
set_number (JsonObject  *o,
            const char  *member,
            double       lowest,
            double       highest,
            double      *field,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);
  double value;

  if (node == NULL)
    return TRUE;
  value = JSON_NODE_HOLDS_VALUE (node) &&
          (json_node_get_value_type (node) == G_TYPE_INT64 || json_node_get_value_type (node) == G_TYPE_DOUBLE)
          ? json_node_get_double (node) : -1;
  if (!(value >= lowest && value <= highest))
    {
      /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “%s” must be a number from %g to %g"),
                   where, member, lowest, highest);
      return FALSE;
    }
  *field = value;
  return TRUE;
}

static gboolean
set_flag (JsonObject  *o,
          const char  *member,
          gboolean    *field,
          const char  *where,
          GError     **error)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “%s” must be true or false"), where, member);
      return FALSE;
    }
  *field = json_node_get_boolean (node);
  return TRUE;
}

/* Series ids go into URLs: only what needs no escaping. */
static gboolean
series_id_ok (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *c = id; *c; c++)
    if (!g_ascii_isalnum (*c) && !strchr (".-_^", *c))
      return FALSE;
  return TRUE;
}

/* "series": {"ID": "label", …} or ["ID", …]. */
static gboolean
set_series (UcFeed      *self,
            JsonObject  *o,
            const char  *where,
            GError     **error)
{
  JsonNode *node = json_object_get_member (o, "series");
  g_autoptr(GList) ids = NULL;

  if (node == NULL)
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    ids = json_object_get_members (json_node_get_object (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
      ids = g_list_append (ids, (gpointer) json_array_get_string_element (json_node_get_array (node), i));
  else
    ids = g_list_append (ids, NULL);
  g_ptr_array_set_size (self->series, 0);
  g_hash_table_remove_all (self->labels);
  for (GList *l = ids; l; l = l->next)
    {
      const char *label = JSON_NODE_HOLDS_OBJECT (node) ? uc_net_json_string (json_node_get_object (node), l->data) : NULL;

      if (!series_id_ok (l->data))
        {
          g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
                       /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are
                        * kept. */
                       _("%s: a series id must be 1 to 64 letters, digits or “.-_^”"), where);
          g_ptr_array_add (self->series, NULL);
          return FALSE;
        }
      g_ptr_array_add (self->series, g_strdup (l->data));
      g_hash_table_replace (self->labels, g_strdup (l->data), g_strdup (label ? label : l->data));
    }
  g_ptr_array_add (self->series, NULL);
  return TRUE;
}

static gboolean
check_complete (UcFeed      *self,
                const char  *where,
                GError     **error)
{
  const char *missing = self->title == NULL ? "title" : self->publisher == NULL ? "publisher"
                        : self->url == NULL ? "url" : self->adapter == NULL ? "adapter"
                        : self->dataset == NULL ? "dataset" : NULL;

  if (missing)
    {
      /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: source “%s” needs a “%s”"), where, self->id, missing);
      return FALSE;
    }
  if (strstr (self->url, "{series}") && self->series->len <= 1)
    {
      /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: source “%s” has {series} in its URL and no series"),
                   where, self->id);
      return FALSE;
    }
  return TRUE;
}

/* Changes what @object names, leaving the rest: how a user's sources.json
 * overrides an entry of the compiled one. */
gboolean
uc_feed_update_from_json (UcFeed      *self,
                          JsonObject  *object,
                          const char  *where,
                          GError     **error)
{
  double hours = self->refresh_hours, bytes = self->max_bytes, rate = self->requests_per_second;
  g_autoptr(GList) members = NULL;

  if (!set_string (object, "title", &self->title, where, error) ||
      !set_string (object, "publisher", &self->publisher, where, error) ||
      !set_string (object, "licence", &self->licence, where, error) ||
      !set_string (object, "attribution", &self->attribution, where, error) ||
      !set_string (object, "url", &self->url, where, error) ||
      !set_string (object, "adapter", &self->adapter, where, error) ||
      !set_string (object, "dataset", &self->dataset, where, error) ||
      !set_number (object, "refresh_hours", 1, 24 * 365, &hours, where, error) ||
      !set_number (object, "max_bytes", 1024, MAX_MAX_BYTES, &bytes, where, error) ||
      !set_number (object, "requests_per_second", 0, 100, &rate, where, error) ||
      !set_flag (object, "needs_key", &self->needs_key, where, error) ||
      !set_flag (object, "needs_contact", &self->needs_contact, where, error) ||
      !set_flag (object, "insecure_http", &self->allow_http, where, error) ||
      !set_flag (object, "history", &self->history, where, error) ||
      !set_series (self, object, where, error))
    return FALSE;
  self->refresh_hours = hours;
  self->max_bytes = bytes;
  self->requests_per_second = rate;
  if (self->options == NULL)
    self->options = json_object_new ();
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    json_object_set_member (self->options, l->data, json_node_copy (json_object_get_member (object, l->data)));
  return check_complete (self, where, error);
}

/* A feed as an entry of sources.json describes it; @where names the file
 * and entry in errors. */
UcFeed *
uc_feed_new_from_json (JsonObject  *object,
                       const char  *where,
                       GError     **error)
{
  g_autoptr(UcFeed) self = g_object_new (UC_TYPE_FEED, NULL);
  const char *id = uc_net_json_string (object, "id");

  if (!series_id_ok (id))
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
                   /* Translators: %s is where in the sources file (“sources.json, source 3”); quoted names are kept. */
                   _("%s: a source needs an “id” of 1 to 64 letters, digits or “.-_^”"), where);
      return NULL;
    }
  self->id = g_strdup (id);
  if (!uc_feed_update_from_json (self, object, where, error))
    return NULL;
  return g_steal_pointer (&self);
}

const char *uc_feed_get_id (UcFeed *self) { return self->id; }
const char *uc_feed_get_title (UcFeed *self) { return self->title; }
const char *uc_feed_get_publisher (UcFeed *self) { return self->publisher; }
const char *uc_feed_get_licence (UcFeed *self) { return self->licence; }
const char *uc_feed_get_attribution (UcFeed *self) { return self->attribution ? self->attribution : self->publisher; }
const char *uc_feed_get_url (UcFeed *self) { return self->url; }
const char *uc_feed_get_adapter (UcFeed *self) { return self->adapter; }
const char *uc_feed_get_dataset (UcFeed *self) { return self->dataset; }
guint uc_feed_get_refresh_hours (UcFeed *self) { return self->refresh_hours; }
gsize uc_feed_get_max_bytes (UcFeed *self) { return self->max_bytes; }
gboolean uc_feed_get_needs_key (UcFeed *self) { return self->needs_key; }
gboolean uc_feed_get_needs_contact (UcFeed *self) { return self->needs_contact; }
gboolean uc_feed_get_allow_http (UcFeed *self) { return self->allow_http; }
gboolean uc_feed_get_keeps_history (UcFeed *self) { return self->history; }
double uc_feed_get_requests_per_second (UcFeed *self) { return self->requests_per_second; }
JsonObject *uc_feed_get_options (UcFeed *self) { return self->options; }
UcFeedState uc_feed_get_state (UcFeed *self) { return self->state; }
const char *uc_feed_get_message (UcFeed *self) { return self->message; }
const char *uc_feed_get_retrieved (UcFeed *self) { return self->retrieved; }
const char *uc_feed_get_checked (UcFeed *self) { return self->checked; }
const char *uc_feed_get_data_as_of (UcFeed *self) { return self->data_as_of; }
guint uc_feed_get_n_rows (UcFeed *self) { return self->n_rows; }

/* The series ids, or an empty list for a feed of one request. */
const char * const *
uc_feed_get_series (UcFeed *self)
{
  return (const char * const *) self->series->pdata;
}

const char *
uc_feed_get_series_label (UcFeed     *self,
                          const char *series)
{
  const char *label = g_hash_table_lookup (self->labels, series);

  return label ? label : series;
}

/* The URL for @series, with @key in place of {key}: NULL when the
 * template wants a key and none is given. */
char *
uc_feed_expand_url (UcFeed     *self,
                    const char *series,
                    const char *key)
{
  g_autoptr(GString) url = g_string_new (self->url);
  g_autofree char *escaped = key ? g_uri_escape_string (key, NULL, FALSE) : NULL;

  if (strstr (url->str, "{key}") && (key == NULL || *key == '\0'))
    return NULL;
  g_string_replace (url, "{series}", series ? series : "", 0);
  g_string_replace (url, "{key}", escaped ? escaped : "", 0);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

/* @url as errors and logs may show it: a key in it replaced by “…”. */
char *
uc_feed_redact_url (UcFeed     *self,
                    const char *url)
{
  const char *at = strstr (self->url, "{key}");
  g_autoptr(GString) out = NULL;
  const char *start, *end;
  g_autofree char *name = NULL;

  if (at == NULL || url == NULL)
    return g_strdup (url);
  /* The parameter's name is what precedes {key} in the template: "apikey=". */
  for (start = at; start > self->url && start[-1] != '?' && start[-1] != '&' && start[-1] != '/'; start--)
    ;
  name = g_strndup (start, at - start);
  out = g_string_new (url);
  start = *name ? strstr (out->str, name) : NULL;
  if (start == NULL)
    return g_strdup (self->url);
  start += strlen (name);
  end = start + strcspn (start, "&#");
  g_string_erase (out, start - out->str, end - start);
  g_string_insert (out, start - out->str, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
set_str (char       **field,
         const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

/* What the last refresh (or the copy on disk) says; NULLs clear. */
void
uc_feed_set_status (UcFeed      *self,
                    UcFeedState  state,
                    const char  *message,
                    const char  *retrieved,
                    const char  *checked,
                    const char  *data_as_of,
                    guint        n_rows)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  if (set_str (&self->message, message))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  if (set_str (&self->retrieved, retrieved))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETRIEVED]);
  if (set_str (&self->checked, checked))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
  if (set_str (&self->data_as_of, data_as_of))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA_AS_OF]);
  if (self->n_rows != n_rows)
    {
      self->n_rows = n_rows;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ROWS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
