/* uc-sec.c: SEC EDGAR company facts read as share counts */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-sec.h"

#include <math.h>
#include <string.h>

#include "uc-net-answer.h"

/* Where the counts are, member by member. */
static const char * const shares_path[] = { "facts", "dei", "EntityCommonStockSharesOutstanding", "units", "shares" };

void
uc_share_count_free (UcShareCount *count)
{
  g_free (count->form);
  g_free (count->accession);
  g_free (count);
}

/* The company facts of filer @cik, its number written with ten digits as
 * the SEC wants it: NVIDIA's 1045810 as CIK0001045810. */
char *
uc_sec_companyfacts_url (guint64 cik)
{
  g_return_val_if_fail (cik <= G_GUINT64_CONSTANT (9999999999), NULL);

  return g_strdup_printf ("https://data.sec.gov/api/xbrl/companyfacts/CIK%010" G_GUINT64_FORMAT ".json", cik);
}

/* The parser's refusal (not JSON, nested too deep) in this layer's
 * domain, its words kept: they start with the URL and say where. */
static void
refuse_json (GError     *json_error,
             GError    **error)
{
  UcNetError code = json_error->domain == UC_NET_ERROR ? json_error->code : UC_NET_ERROR_NOT_CSV;

  g_set_error_literal (error, UC_NET_ERROR, code, json_error->message);
  g_error_free (json_error);
}

/* facts.dei.EntityCommonStockSharesOutstanding.units.shares, or NULL
 * with the first member on the way that is not there (or not what it
 * should be) named. */
static JsonArray *
find_shares (JsonNode    *root,
             const char  *url,
             GError     **error)
{
  g_autoptr(GString) walked = g_string_new (NULL);
  JsonNode *node = root;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: expected an object of company facts"), url);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (shares_path); i++)
    {
      gboolean last = i + 1 == G_N_ELEMENTS (shares_path);

      node = json_object_get_member (json_node_get_object (node), shares_path[i]);
      g_string_append_printf (walked, "%s%s", i ? "." : "", shares_path[i]);
      if (node == NULL)
        {
          /* Translators: %s is an address (URL). */
          g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: no “%s”"), url, walked->str);
          return NULL;
        }
      if (!(last ? JSON_NODE_HOLDS_ARRAY (node) : JSON_NODE_HOLDS_OBJECT (node)))
        {
          if (last)
            /* Translators: an address (URL), then a path in the answer (facts.dei…). */
            g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “%s” is not a list"), url, walked->str);
          else
            /* Translators: an address (URL), then a path in the answer (facts.dei…). */
            g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA, _("%s: “%s” is not an object"), url, walked->str);
          return NULL;
        }
    }
  return json_node_get_array (node);
}

static gboolean
read_day (JsonObject *o,
          const char *member,
          UcTime     *out)
{
  const char *text = uc_net_json_string (o, member);

  return text && uc_time_parse_date (text, strlen (text), out);
}

/* A whole number of shares, more than none; written as a JSON integer
 * (or, let be, as a float with no fraction that a double holds exactly). */
static gboolean
read_shares (JsonObject *o,
             gint64     *out)
{
  JsonNode *node = json_object_get_member (o, "val");
  double v;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (*out = json_node_get_int (node)) > 0;
  if (json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return FALSE;
  v = json_node_get_double (node);
  if (!(v >= 1 && v <= 9007199254740992.0 && v == floor (v)))
    return FALSE;
  *out = (gint64) v;
  return TRUE;
}

/* What is wrong with an entry of the list. */
typedef enum
{
  ENTRY_NOT_OBJECT,
  ENTRY_NO_END,
  ENTRY_NO_COUNT,
  ENTRY_NO_FILED,
  ENTRY_NO_FORM,
  ENTRY_NO_ACCESSION,
} EntryWrong;

/* The error of entry @index of the list at @path: a sentence each, the
 * quoted names the answer's own. */
static void
set_entry_error (GError     **error,
                 EntryWrong   wrong,
                 const char  *url,
                 guint        index,
                 const char  *path)
{
  switch (wrong)
    {
    case ENTRY_NOT_OBJECT:
      /* Translators: an address (URL), an entry's number, then the list's path in the answer (facts.dei…). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: entry %u of “%s” is not an object"), url, index, path);
      break;
    case ENTRY_NO_END:
      /* Translators: an address (URL), an entry's number, the list's path in the answer; “end” is kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: entry %u of “%s” has no day “end” (YYYY-MM-DD)"),
                   url, index, path);
      break;
    case ENTRY_NO_COUNT:
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA,
                   /* Translators: an address (URL), an entry's number, the list's path in the answer; “val” is kept. */
                   _("%s: entry %u of “%s” has no count “val” (a whole number above zero)"), url, index, path);
      break;
    case ENTRY_NO_FILED:
      /* Translators: an address (URL), an entry's number, the list's path in the answer; “filed” is kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: entry %u of “%s” has no day “filed” (YYYY-MM-DD)"),
                   url, index, path);
      break;
    case ENTRY_NO_FORM:
      /* Translators: an address (URL), an entry's number, the list's path in the answer; “form” is kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: entry %u of “%s” has no “form”"), url, index, path);
      break;
    case ENTRY_NO_ACCESSION:
    default:
      /* Translators: an address (URL), an entry's number, the list's path in the answer; “accn” is kept. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: entry %u of “%s” has no accession number “accn”"),
                   url, index, path);
      break;
    }
}

/* Entry @index of the list, each member checked; NULL with an error that
 * names the entry and the member. */
static UcShareCount *
read_entry (JsonNode    *node,
            guint        index,
            const char  *url,
            GError     **error)
{
  g_autoptr(UcShareCount) count = g_new0 (UcShareCount, 1);
  JsonObject *o = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  int wrong = -1;

  if (o == NULL)
    wrong = ENTRY_NOT_OBJECT;
  else if (!read_day (o, "end", &count->as_of))
    wrong = ENTRY_NO_END;
  else if (!read_shares (o, &count->shares))
    wrong = ENTRY_NO_COUNT;
  else if (!read_day (o, "filed", &count->filed))
    wrong = ENTRY_NO_FILED;
  else if (uc_net_json_string (o, "form") == NULL)
    wrong = ENTRY_NO_FORM;
  else if (uc_net_json_string (o, "accn") == NULL)
    wrong = ENTRY_NO_ACCESSION;
  if (wrong >= 0)
    {
      set_entry_error (error, wrong, url, index, "facts.dei.EntityCommonStockSharesOutstanding.units.shares");
      return NULL;
    }
  count->form = g_strdup (uc_net_json_string (o, "form"));
  count->accession = g_strdup (uc_net_json_string (o, "accn"));
  return g_steal_pointer (&count);
}

/* By day; a day's copies by filing, first filed first. */
static int
compare_counts (gconstpointer a,
                gconstpointer b)
{
  const UcShareCount *x = *(UcShareCount * const *) a, *y = *(UcShareCount * const *) b;

  if (x->as_of != y->as_of)
    return x->as_of < y->as_of ? -1 : 1;
  if (x->filed != y->filed)
    return x->filed < y->filed ? -1 : 1;
  return strcmp (x->accession, y->accession);
}

/* Sorted, a count reported again for the same day by a later filing
 * dropped: the first filing's copy is the one kept. */
static void
sort_and_merge (GPtrArray *counts)
{
  gsize n;
  g_autofree gpointer *all = NULL;

  g_ptr_array_sort (counts, compare_counts);
  all = g_ptr_array_steal (counts, &n);
  for (gsize i = 0; i < n; i++)
    {
      UcShareCount *c = all[i];
      gboolean again = FALSE;

      for (guint k = counts->len; k > 0 && !again; k--)
        {
          const UcShareCount *before = g_ptr_array_index (counts, k - 1);

          if (before->as_of != c->as_of)
            break;
          again = before->shares == c->shares;
        }
      if (again)
        uc_share_count_free (c);
      else
        g_ptr_array_add (counts, c);
    }
}

/* @body as data.sec.gov serves a filer's company facts: its share counts,
 * by day, each once; the filer's name in @entity_name (NULL when the
 * answer has none). Errors name @url, and the member or the entry that is
 * wrong: one wrong entry refuses the whole answer. */
GPtrArray *
uc_sec_read_shares (GBytes      *body,
                    const char  *url,
                    char       **entity_name,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_share_count_free);
  GError *json_error = NULL;
  JsonNode *root;
  JsonArray *shares;

  g_return_val_if_fail (body != NULL && url != NULL, NULL);

  if (entity_name)
    *entity_name = NULL;
  if ((root = uc_net_answer_parse_json (parser, body, url, &json_error)) == NULL)
    return refuse_json (json_error, error), NULL;
  if ((shares = find_shares (root, url, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (shares); i++)
    {
      UcShareCount *count = read_entry (json_array_get_element (shares, i), i, url, error);

      if (count == NULL)
        return NULL;
      g_ptr_array_add (counts, count);
    }
  if (counts->len == 0)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s: the list of shares outstanding is empty"), url);
      return NULL;
    }
  sort_and_merge (counts);
  if (entity_name)
    *entity_name = g_strdup (uc_net_json_string (json_node_get_object (root), "entityName"));
  return g_steal_pointer (&counts);
}
