/* uc-openrouter.c: OpenRouter's model list read as hosted prices */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-openrouter.h"

#include <math.h>
#include <string.h>

#include "uc-net-answer.h"

/* "0.00000014" per token as 0.14 per million; "-1" (variable) and
 * anything not a price, NaN. */
static double
per_million (JsonObject *pricing,
             const char *member)
{
  const char *text = uc_net_json_string (pricing, member);
  char *end;
  double v;

  if (text == NULL)
    return NAN;
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
  const char *text = uc_net_json_string (o, "id");
  JsonNode *node = json_object_get_member (o, "pricing");
  JsonObject *pricing = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *slash = text ? strchr (text, '/') : NULL;
  UcListPrice *price;

  if (text == NULL || text[0] == '~' || slash == NULL || slash == text || slash[1] == '\0')
    return NULL;
  price = g_new0 (UcListPrice, 1);
  price->provider = g_strndup (text, slash - text);
  price->model = g_strdup (slash + 1);
  price->name = g_strdup (uc_net_json_string (o, "name") ? uc_net_json_string (o, "name") : text);
  /* "created" is when OpenRouter listed it, not a release. */
  price->released = UC_TIME_MISSING;
  price->input = per_million (pricing, "prompt");
  price->output = per_million (pricing, "completion");
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

  g_return_val_if_fail (body != NULL && url != NULL, NULL);

  if ((root = uc_net_answer_parse_json (parser, body, url, error)) == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_OBJECT (root))
    data = json_object_get_member (json_node_get_object (root), "data");
  if (data == NULL || !JSON_NODE_HOLDS_ARRAY (data))
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: expected an object with a “data” list of models"), url);
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
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s: the list has no model"), url);
      return NULL;
    }
  return g_steal_pointer (&prices);
}
