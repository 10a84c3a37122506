/* uc-view-data.c: the datasets a view is drawn from, listed and loaded
 *
 * Parsing a view lists the datasets its charts name (and those its
 * variants name); they are loaded through a catalog, on this thread or on
 * worker threads, and kept with the source each came from, which the
 * charts cite. Building the charts then only looks them up.
 */
#include "config.h"

#include "uc-view.h"
#include "uc-view-private.h"

/* @id among the datasets the view needs, once. */
static void
need_dataset (UcView     *self,
              const char *id)
{
  if (id && !g_ptr_array_find_with_equal_func (self->datasets, id, g_str_equal, NULL))
    g_ptr_array_add (self->datasets, g_strdup (id));
}

/* The datasets a chart's members name: its "dataset", the events table
 * for "events" and event lanes, the view's releases for release lanes.
 * Members of the wrong type are left for the build to refuse. */
static void
need_datasets_of (UcView     *self,
                  JsonObject *chart)
{
  JsonNode *kind = json_object_get_member (chart, "kind");
  JsonNode *lanes = json_object_get_member (chart, "lanes");
  JsonNode *dataset = json_object_get_member (chart, "dataset");
  gboolean lane_chart = kind && JSON_NODE_HOLDS_VALUE (kind) && json_node_get_value_type (kind) == G_TYPE_STRING &&
                        g_str_equal (json_node_get_string (kind), "lanes");
  const char *lanes_of = lanes && JSON_NODE_HOLDS_VALUE (lanes) && json_node_get_value_type (lanes) == G_TYPE_STRING
                         ? json_node_get_string (lanes) : NULL;

  if (dataset && JSON_NODE_HOLDS_VALUE (dataset) && json_node_get_value_type (dataset) == G_TYPE_STRING)
    need_dataset (self, json_node_get_string (dataset));
  if (lane_chart && g_strcmp0 (lanes_of, "releases") == 0 && self->releases)
    need_dataset (self, self->releases->dataset);
  else if ((lane_chart && g_strcmp0 (lanes_of, "releases") != 0) || json_object_has_member (chart, "events"))
    need_dataset (self, "events");
}

/* Every dataset the view's charts need, as the file has them and as each
 * variant sets them. */
void
uc_view_list_datasets (UcView *self)
{
  for (guint i = 0; i < self->base_sources->len; i++)
    {
      need_datasets_of (self, g_ptr_array_index (self->base_sources, i));
      for (guint v = 0; v < self->variant_sets->len; v++)
        {
          g_autoptr(JsonObject) merged = uc_view_merge_members (g_ptr_array_index (self->base_sources, i),
                                                                g_ptr_array_index (self->variant_sets, v));

          need_datasets_of (self, merged);
        }
    }
}

/* The ids of the datasets the view is drawn from, in the order it first
 * names them. */
const char * const *
uc_view_get_datasets (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return (const char * const *) self->datasets->pdata;
}

/* Whether some dataset of the view is still to be read from @catalog:
 * loading it would wait. */
gboolean
uc_view_needs_loading (UcView    *self,
                       UcCatalog *catalog)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  g_return_val_if_fail (UC_IS_CATALOG (catalog), FALSE);
  for (guint i = 0; i < self->datasets->len; i++)
    {
      UcSource *source = uc_catalog_find (catalog, g_ptr_array_index (self->datasets, i));

      if (source && !uc_source_is_loaded (source))
        return TRUE;
    }
  return FALSE;
}

/* A dataset loaded, for the charts to be built from. */
static void
keep_table (UcView    *self,
            UcSource  *source,
            UcDataset *table)
{
  g_hash_table_replace (self->tables, g_strdup (uc_source_get_id (source)), g_object_ref (table));
  g_hash_table_replace (self->table_sources, g_strdup (uc_source_get_id (source)), g_object_ref (source));
}

/* Loads the view's datasets from @catalog on this thread. A dataset the
 * catalog does not have is left for uc_view_build_charts() to name, with
 * the member that names it. */
gboolean
uc_view_load_data (UcView        *self,
                   UcCatalog     *catalog,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  g_return_val_if_fail (UC_IS_CATALOG (catalog), FALSE);
  for (guint i = 0; i < self->datasets->len; i++)
    {
      UcSource *source = uc_catalog_find (catalog, g_ptr_array_index (self->datasets, i));
      g_autoptr(UcDataset) table = NULL;

      if (source == NULL)
        continue;
      if ((table = uc_source_load (source, cancellable, error)) == NULL)
        return FALSE;
      keep_table (self, source, table);
    }
  return TRUE;
}

typedef struct
{
  guint   pending;
  GError *error;   /* the first */
} Loading;

static void
loading_free (Loading *loading)
{
  g_clear_error (&loading->error);
  g_free (loading);
}

static void
on_table_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Loading *loading = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) table = uc_source_load_finish (UC_SOURCE (object), result, &error);

  if (table)
    keep_table (g_task_get_source_object (task), UC_SOURCE (object), table);
  else if (loading->error == NULL)
    loading->error = g_steal_pointer (&error);
  if (--loading->pending > 0)
    return;
  if (loading->error)
    g_task_return_error (task, g_steal_pointer (&loading->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Loads the view's datasets from @catalog, all at once, on worker
 * threads (uc_source_load_async()); as uc_view_load_data() otherwise. */
void
uc_view_load_data_async (UcView              *self,
                         UcCatalog           *catalog,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  Loading *loading;

  g_return_if_fail (UC_IS_VIEW (self));
  g_return_if_fail (UC_IS_CATALOG (catalog));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, uc_view_load_data_async);
  for (guint i = 0; i < self->datasets->len; i++)
    {
      UcSource *source = uc_catalog_find (catalog, g_ptr_array_index (self->datasets, i));

      if (source)
        g_ptr_array_add (sources, source);
    }
  if (sources->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  loading = g_new0 (Loading, 1);
  loading->pending = sources->len;
  g_task_set_task_data (task, loading, (GDestroyNotify) loading_free);
  for (guint i = 0; i < sources->len; i++)
    uc_source_load_async (g_ptr_array_index (sources, i), cancellable, on_table_loaded, g_object_ref (task));
}

gboolean
uc_view_load_data_finish (UcView        *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == uc_view_load_data_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
