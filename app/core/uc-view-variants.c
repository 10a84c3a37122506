/* uc-view-variants.c: a view's "variants", one choice over every chart
 *
 * A variant sets chart members on top of the file's ("Price": input,
 * output or blended), chosen from a menu in the header; each chart is
 * built from its members merged with the variant's. Every variant is built
 * once when the view is, so a bad one is refused then, not when chosen.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view.h"
#include "uc-view-private.h"

/* A chart's members with those a variant sets on top. */
JsonObject *
uc_view_merge_members (JsonObject *base,
                       JsonObject *set)
{
  JsonObject *merged = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (base);
  g_autoptr(GList) set_names = set ? json_object_get_members (set) : NULL;

  for (GList *m = names; m; m = m->next)
    json_object_set_member (merged, m->data, json_node_copy (json_object_get_member (base, m->data)));
  for (GList *m = set_names; m; m = m->next)
    json_object_set_member (merged, m->data, json_node_copy (json_object_get_member (set, m->data)));
  return merged;
}

/* Every chart built as variant @index sets it; on success the view shows
 * that variant. */
gboolean
uc_view_build_variant (UcView  *self,
                       Reader  *r,
                       guint    index)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->base_sources->len; i++)
    {
      JsonObject *merged = uc_view_merge_members (g_ptr_array_index (self->base_sources, i),
                                                  g_ptr_array_index (self->variant_sets, index));
      UcChartSpec *chart;

      g_ptr_array_add (sources, merged);
      g_free (r->where);
      r->where = g_strdup_printf ("variants.options[%u] on charts[%u]", index, i);
      r->chart = i;
      chart = uc_view_build_chart (r, merged);
      if (chart == NULL)
        {
          /* Errors from the data name the dataset, not the variant. */
          if (r->error && *r->error && !g_str_has_prefix ((*r->error)->message, r->file))
            g_prefix_error (r->error, "%s: %s: ", r->file, r->where);
          g_clear_pointer (&r->where, g_free);
          return FALSE;
        }
      g_ptr_array_add (charts, chart);
    }
  g_clear_pointer (&r->where, g_free);
  g_ptr_array_unref (self->sources);
  self->sources = g_steal_pointer (&sources);
  g_ptr_array_unref (self->charts);
  self->charts = g_steal_pointer (&charts);
  self->variant = index;
  return TRUE;
}

/* "variants": one choice of several over every chart ("Price": input,
 * output or blended), each setting chart members; the first is shown.
 * Every variant is built once here, so a bad one is refused on loading. */
gboolean
uc_view_read_variants (UcView     *self,
                       Reader     *r,
                       JsonObject *o)
{
  static const char * const variants_members[] = { "label", "options", NULL };
  static const char * const option_members[] = { "id", "label", "set", NULL };
  JsonObject *variants;
  JsonNode *options;
  const char *label;

  if (!uc_view_read_object (r, o, "variants", &variants))
    return FALSE;
  if (variants == NULL)
    return TRUE;
  if (!uc_view_only_known_members (r, "variants", variants, variants_members) ||
      !uc_view_read_string (r, variants, "label", &label))
    return FALSE;
  options = json_object_get_member (variants, "options");
  if (label == NULL || options == NULL || !JSON_NODE_HOLDS_ARRAY (options) ||
      json_array_get_length (json_node_get_array (options)) < 2)
    return uc_view_fail (r, "variants", _("needs a “label” and two or more “options”"));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (options)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (options), i);
      JsonObject *option, *set;
      const char *id, *option_label;

      g_free (r->where);
      r->where = g_strdup_printf ("variants.options[%u]", i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        return uc_view_fail (r, NULL, _("expected an object"));
      option = json_node_get_object (item);
      if (!uc_view_only_known_members (r, NULL, option, option_members) ||
          !uc_view_read_string (r, option, "id", &id) ||
          !uc_view_read_string (r, option, "label", &option_label) || !uc_view_read_object (r, option, "set", &set))
        return FALSE;
      if (id == NULL || option_label == NULL || set == NULL)
        return uc_view_fail (r, NULL, _("needs an “id”, a “label” and the members it “set”s"));
      for (guint k = 0; k < self->variant_ids->len; k++)
        if (g_str_equal (g_ptr_array_index (self->variant_ids, k), id))
          return uc_view_fail (r, "id", _("two variants with one id"));
      g_ptr_array_add (self->variant_ids, g_strdup (id));
      g_ptr_array_add (self->variant_labels, g_strdup (uc_view_text (option_label)));
      g_ptr_array_add (self->variant_sets, json_object_ref (set));
    }
  g_clear_pointer (&r->where, g_free);
  self->variants_label = g_strdup (uc_view_text (label));
  return TRUE;
}

guint
uc_view_get_n_variants (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), 0);
  return self->variant_ids->len;
}

/* What the variants choose ("Price"), translated; NULL without variants. */
const char *
uc_view_get_variants_label (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return self->variants_label;
}

const char *
uc_view_get_variant_id (UcView *self,
                        guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->variant_ids->len, NULL);
  return g_ptr_array_index (self->variant_ids, index);
}

const char *
uc_view_get_variant_label (UcView *self,
                           guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->variant_labels->len, NULL);
  return g_ptr_array_index (self->variant_labels, index);
}

/* The index of the variant shown (0 without variants). */
guint
uc_view_get_variant (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), 0);
  return self->variant;
}

/* Shows variant @id: every chart built again as it sets them. */
gboolean
uc_view_set_variant (UcView      *self,
                     const char  *id,
                     GError     **error)
{
  Reader r = { NULL, NULL, error, NULL, FALSE, FALSE, NULL, NULL };

  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  r.file = self->file;
  r.releases = self->releases;
  r.view = self;
  for (guint i = 0; i < self->variant_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->variant_ids, i), id) == 0)
      {
        gboolean ok = i == self->variant || uc_view_build_variant (self, &r, i);

        g_free (r.where);
        return ok;
      }
  {
    g_autoptr(GString) known = g_string_new (NULL);

    for (guint i = 0; i < self->variant_ids->len; i++)
      g_string_append_printf (known, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (self->variant_ids, i));
    if (known->len)
      /* Translators: a view's id, the variant asked for, then the view's variants, separated by commas. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, _("the view “%s” has no variant “%s” (known: %s)"),
                   self->id, id ? id : "", known->str);
    else
      /* Translators: a view's id, then the variant asked for. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, _("the view “%s” has no variant “%s” (it has none)"),
                   self->id, id ? id : "");
  }
  return FALSE;
}
