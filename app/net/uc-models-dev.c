/* uc-models-dev.c: models.dev's api.json read as list prices */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-models-dev.h"

#include <math.h>
#include <string.h>

#include "uc-json-skim.h"
#include "uc-net-answer.h"

void
uc_list_price_free (UcListPrice *price)
{
  g_free (price->provider);
  g_free (price->model);
  g_free (price->name);
  g_free (price);
}

/* A cost: a number of dollars per million tokens, not below zero. */
static double
cost_member (JsonObject *cost,
             const char *member)
{
  JsonNode *node = cost ? json_object_get_member (cost, member) : NULL;
  double v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return NAN;
  v = json_node_get_double (node);
  return isfinite (v) && v >= 0 ? v : NAN;
}

/* "2025-01-20", or "2025-01" for a month only. */
static void
read_release (const char  *text,
              UcListPrice *price)
{
  g_autofree char *day = NULL;

  price->released = UC_TIME_MISSING;
  if (text == NULL)
    return;
  if (strlen (text) == 7)
    {
      day = g_strconcat (text, "-01", NULL);
      price->released_month = TRUE;
      text = day;
    }
  if (!uc_time_parse_date (text, strlen (text), &price->released))
    {
      price->released = UC_TIME_MISSING;
      price->released_month = FALSE;
    }
}

static UcListPrice *
read_model (const char *provider,
            const char *key,
            JsonObject *o)
{
  UcListPrice *price = g_new0 (UcListPrice, 1);
  JsonNode *cost = json_object_get_member (o, "cost");
  JsonObject *costs = cost && JSON_NODE_HOLDS_OBJECT (cost) ? json_node_get_object (cost) : NULL;
  JsonNode *open = json_object_get_member (o, "open_weights");

  price->provider = g_strdup (provider);
  price->model = g_strdup (uc_net_json_string (o, "id") ? uc_net_json_string (o, "id") : key);
  price->name = g_strdup (uc_net_json_string (o, "name") ? uc_net_json_string (o, "name") : price->model);
  read_release (uc_net_json_string (o, "release_date"), price);
  price->input = cost_member (costs, "input");
  price->output = cost_member (costs, "output");
  price->open_weights = open && JSON_NODE_HOLDS_VALUE (open) && json_node_get_value_type (open) == G_TYPE_BOOLEAN &&
                        json_node_get_boolean (open);
  return price;
}

/* One provider's "models", in the order served. */
static gboolean
read_provider (JsonObject  *root,
               const char  *provider,
               GPtrArray   *prices,
               const char  *url,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, provider);
  JsonNode *models = node && JSON_NODE_HOLDS_OBJECT (node)
                     ? json_object_get_member (json_node_get_object (node), "models") : NULL;
  g_autoptr(GList) keys = NULL;

  if (node == NULL)
    return TRUE;   /* a provider can leave the catalogue */
  if (models == NULL || !JSON_NODE_HOLDS_OBJECT (models))
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “%s” has no “models” object"), url, provider);
      return FALSE;
    }
  keys = json_object_get_members (json_node_get_object (models));
  for (GList *k = keys; k; k = k->next)
    {
      JsonNode *model = json_object_get_member (json_node_get_object (models), k->data);

      if (JSON_NODE_HOLDS_OBJECT (model))
        g_ptr_array_add (prices, read_model (provider, k->data, json_node_get_object (model)));
    }
  return TRUE;
}

typedef struct
{
  const char * const *providers;
  GString            *wanted;   /* {"deepseek": {…}, …}: the providers asked for */
} Skim;

static void
on_member (const char *name,
           gsize       name_length,
           const char *value,
           gsize       value_length,
           gpointer    data)
{
  Skim *skim = data;

  for (guint i = 0; skim->providers[i]; i++)
    if (strlen (skim->providers[i]) == name_length && memcmp (skim->providers[i], name, name_length) == 0)
      {
        g_string_append_printf (skim->wanted, "%s\"%s\":", skim->wanted->len > 1 ? "," : "", skim->providers[i]);
        g_string_append_len (skim->wanted, value, value_length);
        return;
      }
}

/* The providers asked for, cut out of the whole answer unparsed (it is
 * mostly others') and parsed alone. */
static JsonNode *
parse_wanted (JsonParser          *parser,
              GBytes              *body,
              const char * const  *providers,
              const char          *url,
              GError             **error)
{
  Skim skim = { providers, g_string_new ("{") };
  g_autoptr(GBytes) wanted = NULL;
  const char *problem;
  gsize length, offset;
  const char *data = g_bytes_get_data (body, &length);

  if (!uc_net_answer_is_text (body, url, error))
    {
      g_string_free (skim.wanted, TRUE);
      return NULL;
    }
  if (!uc_json_skim_object (data, length, on_member, &skim, &problem, &offset))
    {
      g_autofree char *at = g_strdup_printf ("%" G_GSIZE_FORMAT, offset + 1);

      if (g_str_equal (problem, "expected an object"))
        /* Translators: an address (URL), then a byte's position in the answer (a number). */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: byte %s: expected an object of providers"), url,
                     at);
      else
        /* Translators: an address (URL), a byte's position in the answer (a number), then what is wrong there. */
        g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: byte %s: %s"), url, at, _(problem));
      g_string_free (skim.wanted, TRUE);
      return NULL;
    }
  g_string_append_c (skim.wanted, '}');
  wanted = g_string_free_to_bytes (skim.wanted);
  return uc_net_answer_parse_json (parser, wanted, url, error);
}

/* The models of @providers in @body, each an observation of its list
 * price; errors name @url. None of them found is an error: the answer is
 * not the catalogue it should be. */
GPtrArray *
uc_models_dev_read (GBytes             *body,
                    const char * const *providers,
                    const char         *url,
                    GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) prices = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_list_price_free);
  JsonNode *root;

  g_return_val_if_fail (body != NULL && providers != NULL && url != NULL, NULL);

  if ((root = parse_wanted (parser, body, providers, url, error)) == NULL)
    return NULL;
  for (guint i = 0; providers[i]; i++)
    if (!read_provider (json_node_get_object (root), providers[i], prices, url, error))
      return NULL;
  if (prices->len == 0)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s: none of the providers asked for has a model"), url);
      return NULL;
    }
  return g_steal_pointer (&prices);
}
