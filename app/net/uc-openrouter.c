/* uc-openrouter.c: OpenRouter's model list read as hosted prices */
#include "uc-openrouter.h"

#include <math.h>
#include <string.h>

#include "uc-json-load.h"
#include "uc-net-answer.h"

/* "0.00000014" per token as 0.14 per million; "-1" (variable) and
 * anything not a price, NaN. */
static double
per_million (JsonObject *pricing,
             const char *member)
{
  JsonNode *node = pricing ? json_object_get_member (pricing, member) : NULL;
  const char *text;
  char *end;
  double v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NAN;
  text = json_node_get_string (node);
  v = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (v) || v < 0)
    return NAN;
  return v * 1e6;
}

/* "deepseek/deepseek-v4-pro": vendor and model; aliases ("~x-ai/…") and
 * ids without a vendor are no model of their own. */
static UcListPrice *
read_model (JsonObject *o)
{
  JsonNode *id = json_object_get_member (o, "id");
  JsonNode *name = json_object_get_member (o, "name");
  JsonNode *pricing = json_object_get_member (o, "pricing");
  const char *text, *slash;
  UcListPrice *price;

  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (id);
  slash = strchr (text, '/');
  if (text[0] == '~' || slash == NULL || slash == text || slash[1] == '\0')
    return NULL;
  price = g_new0 (UcListPrice, 1);
  price->provider = g_strndup (text, slash - text);
  price->model = g_strdup (slash + 1);
  price->name = g_strdup (name && JSON_NODE_HOLDS_VALUE (name) && json_node_get_value_type (name) == G_TYPE_STRING
                          ? json_node_get_string (name) : text);
  /* "created" is when OpenRouter listed it, not a release. */
  price->released = UC_TIME_MISSING;
  price->input = per_million (pricing && JSON_NODE_HOLDS_OBJECT (pricing) ? json_node_get_object (pricing) : NULL, "prompt");
  price->output = per_million (pricing && JSON_NODE_HOLDS_OBJECT (pricing) ? json_node_get_object (pricing) : NULL,
                               "completion");
  price->hosted = TRUE;
  return price;
}

/* Every model of @body's "data" with a vendor, in the order served;
 * errors name @url. */
GPtrArray *
uc_openrouter_read (GBytes      *body,
                    const char  *url,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) prices = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_list_price_free);
  JsonNode *root, *data = NULL;
  JsonArray *models;
  gsize len;
  const char *bytes;

  g_return_val_if_fail (body != NULL && url != NULL, NULL);

  if (!uc_net_answer_is_text (body, url, error))
    return NULL;
  bytes = g_bytes_get_data (body, &len);
  if (!uc_json_load_data (parser, bytes, len, url, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root && JSON_NODE_HOLDS_OBJECT (root))
    data = json_object_get_member (json_node_get_object (root), "data");
  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data))
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, "%s: expected an object with a “data” list of models", url);
      return NULL;
    }
  models = json_node_get_array (data);
  for (guint i = 0; i < json_array_get_length (models); i++)
    {
      JsonNode *model = json_array_get_element (models, i);
      UcListPrice *price = JSON_NODE_HOLDS_OBJECT (model) ? read_model (json_node_get_object (model)) : NULL;

      if (price)
        g_ptr_array_add (prices, price);
    }
  if (prices->len == 0)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, "%s: the list has no model", url);
      return NULL;
    }
  return g_steal_pointer (&prices);
}
