/* uc-view-picks.c: the series a reader picks for a chart of a view
 *
 * A chart made of a long table's "series" (one line per key) charts the
 * keys its "only" lists; a reader may pick others the dataset has, or
 * fewer. The pick replaces "only" wherever the chart is built (a variant
 * chosen, words typed), and a chart drawn from a pick says so in its
 * note, so an export never passes a reader's choice off as the view's.
 * "pick_same": a column the picked keys must share with the view's own
 * ("currency": a chart of dollars offers no Hong Kong dollars).
 *
 * A chart of rows grouped by a column ("group": a series per country, or
 * per ticker of a user's long table) shows every value the data has; a
 * pick keeps the rows of the values picked. Charts grouped by region are
 * left out: their series are regions, not the column's values.
 */
#include "config.h"

#include "uc-view.h"
#include "uc-view-private.h"

#include <glib/gi18n.h>

#include "uc-series-choice.h"

/* The chart's "series" member and its dataset, if it has both. */
static JsonObject *
series_member (UcView      *self,
               guint        chart,
               UcDataset  **data)
{
  JsonObject *o, *series_o;
  JsonNode *node;
  const char *dataset;

  if (self->given || chart >= self->sources->len || self->tables == NULL)
    return NULL;
  o = g_ptr_array_index (self->sources, chart);
  node = json_object_get_member (o, "series");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  series_o = json_node_get_object (node);
  dataset = json_object_get_string_member_with_default (o, "dataset", NULL);
  *data = dataset ? g_hash_table_lookup (self->tables, dataset) : NULL;
  if (*data == NULL || json_object_get_string_member_with_default (series_o, "key", NULL) == NULL)
    return NULL;
  return series_o;
}

/* The "group" column of chart @chart and its dataset, if it is a chart
 * of grouped rows that a reader may narrow. */
static const char *
grouped_member (UcView      *self,
              guint        chart,
              UcDataset  **data)
{
  JsonObject *o;
  JsonNode *node;
  const char *dataset, *group;

  if (self->given || chart >= self->sources->len || self->tables == NULL)
    return NULL;
  o = g_ptr_array_index (self->sources, chart);
  node = json_object_get_member (o, "group_by_region");
  if (json_object_has_member (o, "series") || (node && JSON_NODE_HOLDS_VALUE (node) && json_node_get_boolean (node)))
    return NULL;
  node = json_object_get_member (o, "group");
  group = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
  node = json_object_get_member (o, "dataset");
  dataset = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
  *data = dataset ? g_hash_table_lookup (self->tables, dataset) : NULL;
  if (group == NULL || *data == NULL || uc_dataset_find_column (*data, group) < 0)
    return NULL;
  return group;
}

/* The name "labels" gives @id in chart @o ("CN": "China"), or @id. */
static const char *
label_of (JsonObject *o,
          const char *id)
{
  JsonNode *node = json_object_get_member (o, "labels");
  JsonNode *label;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      (label = json_object_get_member (json_node_get_object (node), id)) == NULL || !JSON_NODE_HOLDS_VALUE (label))
    return id;
  return json_node_get_string (label) ? json_node_get_string (label) : id;
}

/* The values of a grouped chart's column, in the order the data first
 * has them, each checked unless a pick leaves it out. */
static GListModel *
list_groups (UcView     *self,
             guint       chart,
             const char *group,
             UcDataset  *data)
{
  JsonObject *o = g_ptr_array_index (self->sources, chart);
  int col = uc_dataset_find_column (data, group);
  const char * const *picked = uc_view_get_picked (self, chart);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *list = g_list_store_new (UC_TYPE_SERIES_CHOICE);

  for (guint row = 0; row < uc_dataset_get_n_rows (data); row++)
    {
      const char *id = uc_dataset_get_text (data, col, row);
      g_autoptr(UcSeriesChoice) choice = NULL;

      if (id == NULL || *id == '\0' || g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, (gpointer) id);
      choice = uc_series_choice_new (id, label_of (o, id), TRUE, picked == NULL || g_strv_contains (picked, id));
      g_list_store_append (list, choice);
    }
  return G_LIST_MODEL (list);
}

/* Where @id is in the list @member of @o, or -1. */
static int
list_index (JsonObject *o,
            const char *member,
            const char *id)
{
  JsonNode *node = json_object_get_member (o, member);
  JsonArray *list;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return -1;
  list = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (list); i++)
    if (g_strcmp0 (json_array_get_string_element (list, i), id) == 0)
      return (int) i;
  return -1;
}

static gboolean
in_list (JsonObject *o,
         const char *member,
         const char *id)
{
  return list_index (o, member, id) >= 0;
}

/* The view's own in the order it lists them. */
static int
compare_own (gconstpointer a,
             gconstpointer b,
             gpointer      series_o)
{
  return list_index (series_o, "only", uc_series_choice_get_id ((UcSeriesChoice *) a)) -
         list_index (series_o, "only", uc_series_choice_get_id ((UcSeriesChoice *) b));
}

gboolean
uc_view_can_pick (UcView *self,
                  guint   chart)
{
  UcDataset *data;

  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  return series_member (self, chart, &data) != NULL || grouped_member (self, chart, &data) != NULL;
}

/* The keys chart @chart may show: every key of its dataset with a value,
 * in the order the data first has them, the view's own first; NULL for a
 * chart not made of a long table's series. */
GListModel *
uc_view_list_choices (UcView *self,
                      guint   chart)
{
  UcDataset *data;
  JsonObject *series_o;
  const char *value, *label, *same;
  int key_col, value_col, label_col, same_col;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) shared = g_hash_table_new (g_str_hash, g_str_equal);
  GListStore *own, *others;
  const char * const *picked;
  guint n_rows;
  const char *group;

  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  if ((series_o = series_member (self, chart, &data)) == NULL)
    return (group = grouped_member (self, chart, &data)) ? list_groups (self, chart, group, data) : NULL;
  key_col = uc_dataset_find_column (data, json_object_get_string_member (series_o, "key"));
  value = json_object_get_string_member_with_default (series_o, "value", NULL);
  value_col = value ? uc_dataset_find_column_of_type (data, value, UC_COLUMN_NUMBER) : -1;
  label = json_object_get_string_member_with_default (series_o, "label", NULL);
  label_col = label ? uc_dataset_find_column (data, label) : -1;
  same = json_object_get_string_member_with_default (series_o, "pick_same", NULL);
  same_col = same ? uc_dataset_find_column (data, same) : -1;
  if (key_col < 0)
    return NULL;
  n_rows = uc_dataset_get_n_rows (data);
  /* What the view's own keys share ("USD"). */
  for (guint row = 0; same_col >= 0 && row < n_rows; row++)
    if (in_list (series_o, "only", uc_dataset_get_text (data, key_col, row)))
      g_hash_table_add (shared, (gpointer) uc_dataset_get_text (data, same_col, row));

  picked = uc_view_get_picked (self, chart);
  own = g_list_store_new (UC_TYPE_SERIES_CHOICE);
  others = g_list_store_new (UC_TYPE_SERIES_CHOICE);
  for (guint row = 0; row < n_rows; row++)
    {
      const char *id = uc_dataset_get_text (data, key_col, row);
      g_autoptr(UcSeriesChoice) choice = NULL;
      gboolean is_own, chosen;

      if (id == NULL || *id == '\0' || g_hash_table_contains (seen, id))
        continue;
      /* A key without a value (no market cap) would draw nothing. */
      if (value_col >= 0 && uc_dataset_is_missing (data, value_col, row))
        continue;
      if (same_col >= 0 && !g_hash_table_contains (shared, uc_dataset_get_text (data, same_col, row)))
        continue;
      g_hash_table_add (seen, (gpointer) id);
      is_own = !json_object_has_member (series_o, "only") || in_list (series_o, "only", id);
      chosen = picked ? g_strv_contains (picked, id) : is_own;
      choice = uc_series_choice_new (id, label_col >= 0 ? uc_dataset_get_text (data, label_col, row) : id,
                                     is_own, chosen);
      g_list_store_append (is_own ? own : others, choice);
    }
  g_list_store_sort (own, compare_own, series_o);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (others)); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (others), i);
      g_list_store_append (own, item);
    }
  g_object_unref (others);
  return G_LIST_MODEL (own);
}

/* The keys picked for chart @chart, or NULL: the view's own. */
const char * const *
uc_view_get_picked (UcView *self,
                    guint   chart)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  if (self->picked == NULL || chart >= self->picked->len)
    return NULL;
  return g_ptr_array_index (self->picked, chart);
}

/* Chart @chart shows the keys @ids (NULL: the view's own again), built
 * anew as the view shows it now; on an error the chart stays as it was. */
gboolean
uc_view_set_picked (UcView              *self,
                    guint                chart,
                    const char * const  *ids,
                    GError             **error)
{
  UcDataset *data;
  char **was;

  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  if (series_member (self, chart, &data) == NULL && grouped_member (self, chart, &data) == NULL)
    {
      /* Translators: a chart's number, then a view's title. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("Chart %u of “%s” has no series to pick from"),
                   chart + 1, self->id);
      return FALSE;
    }
  if (self->picked == NULL)
    self->picked = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (self->picked->len <= chart)
    g_ptr_array_set_size (self->picked, chart + 1);
  was = g_ptr_array_index (self->picked, chart);
  g_ptr_array_index (self->picked, chart) = ids ? g_strdupv ((char **) ids) : NULL;
  if (!uc_view_rebuild (self, error))
    {
      g_strfreev (g_ptr_array_index (self->picked, chart));
      g_ptr_array_index (self->picked, chart) = was;
      return FALSE;
    }
  g_strfreev (was);
  return TRUE;
}

/* A note on a chart drawn from a pick: which of the view's own series
 * it leaves out and which it adds. NULL when it shows the view's own. */
char *
uc_view_picked_note (JsonObject         *series_o,
                     GPtrArray          *all,
                     const char * const *picked)
{
  g_autoptr(GString) added = g_string_new (NULL), left = g_string_new (NULL);
  JsonNode *node = json_object_get_member (series_o, "only");
  JsonArray *only = node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

  for (guint i = 0; picked[i]; i++)
    if (only == NULL || !in_list (series_o, "only", picked[i]))
      {
        const char *name = picked[i];

        for (guint k = 0; k < all->len; k++)
          if (g_str_equal (uc_series_get_id (g_ptr_array_index (all, k)), picked[i]))
            name = uc_series_get_label (g_ptr_array_index (all, k));
        g_string_append_printf (added, "%s%s", added->len ? ", " : "", name);
      }
  for (guint i = 0; only && i < json_array_get_length (only); i++)
    {
      const char *id = json_array_get_string_element (only, i), *name = id;

      if (g_strv_contains (picked, id))
        continue;
      for (guint k = 0; k < all->len; k++)
        if (g_str_equal (uc_series_get_id (g_ptr_array_index (all, k)), id))
          name = uc_series_get_label (g_ptr_array_index (all, k));
      g_string_append_printf (left, "%s%s", left->len ? ", " : "", name);
    }
  if (added->len == 0 && left->len == 0)
    return NULL;
  if (added->len && left->len)
    /* Translators: two lists of series' names, separated by commas. */
    return g_strdup_printf (_("Series picked in Undercut: added %s; left out %s."), added->str, left->str);
  /* Translators: a list of series' names, separated by commas. */
  return g_strdup_printf (added->len ? _("Series picked in Undercut: added %s.")
                                     /* Translators: a list of series' names, separated by commas. */
                                     : _("Series picked in Undercut: left out %s."),
                          added->len ? added->str : left->str);
}

/* A grouped chart drawn from a pick: @data's rows of the values picked
 * (a new reference to @data when there is no pick), and in @note the
 * values left out; NULL (and @error) when no row has a value picked. */
UcDataset *
uc_view_pick_groups (UcView      *self,
                     guint        chart,
                     JsonObject  *o,
                     UcDataset   *data,
                     char       **note,
                     GError     **error)
{
  const char * const *picked = uc_view_get_picked (self, chart);
  UcDataset *ignored;
  const char *group = grouped_member (self, chart, &ignored);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GHashTable) left = NULL;
  g_autoptr(GString) names = NULL;
  guint n_left = 0;
  int col;

  *note = NULL;
  if (picked == NULL || group == NULL || (col = uc_dataset_find_column (data, group)) < 0)
    return g_object_ref (data);
  rows = g_array_new (FALSE, FALSE, sizeof (guint));
  left = g_hash_table_new (g_str_hash, g_str_equal);
  names = g_string_new (NULL);
  for (guint row = 0; row < uc_dataset_get_n_rows (data); row++)
    {
      const char *id = uc_dataset_get_text (data, col, row);

      if (id && g_strv_contains (picked, id))
        g_array_append_val (rows, row);
      /* A user's long table may have hundreds: the first few named. */
      else if (id && *id && g_hash_table_add (left, (gpointer) id) && ++n_left <= 6)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", label_of (o, id));
    }
  if (rows->len == 0)
    {
      g_autofree char *listed = g_strjoinv (", ", (char **) picked);

      /* Translators: a column's name, then the values, separated by commas. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("The column “%s” has none of the values picked (%s)"),
                   group, listed);
      return NULL;
    }
  if (n_left > 6)
    /* Translators: after a list of names left out of a chart */
    g_string_append_printf (names, ngettext (" and %u other", " and %u others", n_left - 6), n_left - 6);
  if (names->len)
    /* Translators: a list of series' names, separated by commas. */
    *note = g_strdup_printf (_("Series picked in Undercut: left out %s."), names->str);
  return uc_dataset_select_rows (data, (const guint *) rows->data, rows->len);
}
