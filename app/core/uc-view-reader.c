/* uc-view-reader.c: a view file's members read, each failure naming where
 *
 * A member of the wrong type, or one the reader does not know, is an error
 * naming the file and the member ("pricing.json: charts[0].blend.weights:
 * …"); an absent member is not, and reads as NULL or is left as it was.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view-private.h"

#include <string.h>

#include "uc-catalog.h"
#include "uc-parse.h"
#include "uc-view-error.h"

/* Sets the error, "file: where.member: what"; FALSE, to return. */
gboolean
uc_view_fail (Reader     *r,
              const char *member,
              const char *what)
{
  /* "file: charts[0].kind: expected …": @what, translated by the caller,
   * reads after a member's name. */
  g_set_error (r->error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, "%s: %s%s%s: %s", r->file, r->where ? r->where : "",
               r->where && member ? "." : "", member ? member : "", what);
  return FALSE;
}

/* A string member: NULL when absent; a member of another type fails. */
gboolean
uc_view_read_string (Reader      *r,
                     JsonObject  *o,
                     const char  *member,
                     const char **out)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    /* Translators: this and the view file's other errors follow the name of a member of the file (“kind”,
     * “charts[0].range”…), as in “charts[0].kind: expected a string”. */
    return uc_view_fail (r, member, _("expected a string"));
  *out = json_node_get_string (node);
  return TRUE;
}

gboolean
uc_view_read_bool (Reader     *r,
                   JsonObject *o,
                   const char *member,
                   gboolean   *out)
{
  JsonNode *node = json_object_get_member (o, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return uc_view_fail (r, member, _("expected true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A member the reader does not know is an error, not a setting quietly
 * ignored: "stakced": true would otherwise draw another chart. */
gboolean
uc_view_only_known_members (Reader             *r,
                            const char         *where,
                            JsonObject         *o,
                            const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (o);

  for (GList *m = members; m; m = m->next)
    if (!g_strv_contains (known, m->data))
      {
        /* Translators: %s is the name of a member of a view file. */
        g_autofree char *what = g_strdup_printf (_("unknown member “%s”"), (const char *) m->data);

        return uc_view_fail (r, where, what);
      }
  return TRUE;
}

/* An array of strings: NULL when absent. */
gboolean
uc_view_read_strings (Reader      *r,
                      JsonObject  *o,
                      const char  *member,
                      GStrv       *out)
{
  JsonNode *node = json_object_get_member (o, member);
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return uc_view_fail (r, member, _("expected a list of strings"));
  array = json_node_get_array (node);
  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return uc_view_fail (r, member, _("expected a list of strings"));
      g_strv_builder_add (builder, json_node_get_string (item));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
uc_view_read_object (Reader      *r,
                     JsonObject  *o,
                     const char  *member,
                     JsonObject **out)
{
  JsonNode *node = json_object_get_member (o, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return uc_view_fail (r, member, _("expected an object"));
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
uc_view_read_date (Reader     *r,
                   JsonObject *o,
                   const char *member,
                   UcTime     *out,
                   gboolean   *present)
{
  const char *text;

  *present = FALSE;
  if (!uc_view_read_string (r, o, member, &text))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!uc_parse_date (text, strlen (text), UC_DATE_ISO, out))
    return uc_view_fail (r, member, _("expected a date like 2025-01-27"));
  *present = TRUE;
  return TRUE;
}

/* Texts in view files are English; a translation catalogue can carry them. */
const char *
uc_view_text (const char *s)
{
  return s ? g_dgettext (GETTEXT_PACKAGE, s) : NULL;
}

/* Dataset @id as the view loaded it (uc_view_load_data()). */
UcDataset *
uc_view_read_dataset (Reader     *r,
                      const char *member,
                      const char *id)
{
  UcDataset *table;

  if (id == NULL)
    /* Translators: follows the name of a member of a view file, as in “charts[0].dataset: is required”. */
    return uc_view_fail (r, member, _("is required")), NULL;
  table = g_hash_table_lookup (r->view->tables, id);
  if (table == NULL && uc_catalog_find (uc_catalog_get_default (), id) == NULL)
    {
      /* Translators: %s is a dataset's id. */
      g_autofree char *what = g_strdup_printf (_("no embedded dataset “%s” (see “undercut datasets”)"), id);
      return uc_view_fail (r, member, what), NULL;
    }
  if (table == NULL)
    {
      /* Translators: %s is a dataset's id. */
      g_autofree char *what = g_strdup_printf (_("the dataset “%s” was not loaded"), id);
      return uc_view_fail (r, member, what), NULL;
    }
  return g_object_ref (table);
}
