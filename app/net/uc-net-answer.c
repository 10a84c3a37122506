/* uc-net-answer.c: checks every source's answer goes through */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-net-answer.h"

#include <math.h>

#include "uc-json-load.h"

/* Text, not nothing and not a web page (a refusal, a key asked for, a
 * proof-of-work page), whatever the HTTP status said. */
gboolean
uc_net_answer_is_text (GBytes      *body,
                       const char  *url,
                       GError     **error)
{
  gsize len, i = 0;
  const char *data = g_bytes_get_data (body, &len);

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i == len)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV, _("%s: the answer is empty"), url);
      return FALSE;
    }
  if (data[i] == '<')
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV, _("%s: the answer is a web page, not a CSV file"), url);
      return FALSE;
    }
  return TRUE;
}

/* A JSON answer's root, the document bounded before it is parsed (a
 * recursive parser meets "[[[[…" otherwise); NULL with @error. */
JsonNode *
uc_net_answer_parse_json (JsonParser  *parser,
                          GBytes      *body,
                          const char  *url,
                          GError     **error)
{
  gsize len;
  const char *data;
  JsonNode *root;

  if (!uc_net_answer_is_text (body, url, error))
    return NULL;
  data = g_bytes_get_data (body, &len);
  if (!uc_json_load_data (parser, data, len, url, error))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL)
    /* Translators: %s is an address (URL). */
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: the answer holds no JSON value"), url);
  return root;
}

/* A string member, or NULL when absent or of another type. */
const char *
uc_net_json_string (JsonObject *o,
                    const char *member)
{
  JsonNode *node = o ? json_object_get_member (o, member) : NULL;

  return node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

/* A dated column of numbers as a series, its rows in order; a day without
 * a value a gap. Dates that go back or repeat, or no value at all, are
 * refused: a source never answers so. */
UcSeries *
uc_net_answer_to_series (UcDataset   *table,
                         int          date_column,
                         int          value_column,
                         const char  *id,
                         const char  *url,
                         GError     **error)
{
  g_autoptr(UcSeries) series = uc_series_new (id, id);
  const UcTime *dates = uc_dataset_get_times (table, date_column);
  const double *values = uc_dataset_get_numbers (table, value_column);
  guint n = uc_dataset_get_n_rows (table), with_value = 0;

  uc_series_reserve (series, n);
  for (guint r = 0; r < n; r++)
    {
      gboolean missing = uc_dataset_is_missing (table, value_column, r);

      if (dates[r] == UC_TIME_MISSING || (r > 0 && dates[r] <= dates[r - 1]))
        {
          if (dates[r] == UC_TIME_MISSING)
            /* Translators: an address (URL), then a line of the answer. */
            g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: line %u: no date"), url, r + 2);
          else
            /* Translators: an address (URL), then a line of the answer. */
            g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: line %u: the dates go back or repeat"), url,
                         r + 2);
          return NULL;
        }
      uc_series_append (series, dates[r], missing ? NAN : values[r]);
      with_value += !missing;
    }
  if (with_value == 0)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: no value for %s on any day"), url, id);
      return NULL;
    }
  return g_steal_pointer (&series);
}
