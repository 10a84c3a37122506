/* uc-row-list.c: a dataset's rows, sorted and filtered, as a list model
 *
 * Two arrays of row indices: every row in the sort order, and those of
 * them the filter keeps (worked out by uc-row-order.c). Items are made
 * when asked for, so only the rows on screen ever exist as objects.
 */
#include "uc-row-list.h"

#include "uc-row-item.h"
#include "uc-row-order.h"

struct _UcRowList
{
  GObject    parent_instance;

  UcDataset *dataset;
  GArray    *sorted;       /* guint: every row, in the sort order */
  GArray    *shown;        /* guint: the rows of @sorted the filter keeps */
  int        sort_column;  /* -1: the dataset's order */
  gboolean   descending;
  gboolean   sort_dirty;   /* @sorted is not in that order yet */
  char      *filter;       /* casefolded; NULL: none */
  GCancellable *working;   /* the worker's sort and filter, while it runs */
  guint      generation;   /* of the newest sort and filter asked for */
  gboolean   busy;
};

static void uc_row_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (UcRowList, uc_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, uc_row_list_model_init))

enum
{
  PROP_0,
  PROP_DATASET,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
uc_row_list_get_item_type (GListModel *model)
{
  return UC_TYPE_ROW_ITEM;
}

static guint
uc_row_list_get_n_items (GListModel *model)
{
  return UC_ROW_LIST (model)->shown->len;
}

static gpointer
uc_row_list_get_item (GListModel *model,
                      guint       position)
{
  UcRowList *self = UC_ROW_LIST (model);

  if (position >= self->shown->len)
    return NULL;
  return uc_row_item_new (g_array_index (self->shown, guint, position));
}

static void
uc_row_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = uc_row_list_get_item_type;
  iface->get_n_items = uc_row_list_get_n_items;
  iface->get_item = uc_row_list_get_item;
}

static void
uc_row_list_finalize (GObject *object)
{
  UcRowList *self = UC_ROW_LIST (object);

  g_cancellable_cancel (self->working);
  g_clear_object (&self->working);
  g_clear_object (&self->dataset);
  g_clear_pointer (&self->sorted, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (uc_row_list_parent_class)->finalize (object);
}

static void
uc_row_list_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  UcRowList *self = UC_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_row_list_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  UcRowList *self = UC_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
natural_order (GArray *rows,
               guint   n)
{
  g_array_set_size (rows, n);
  for (guint i = 0; i < n; i++)
    g_array_index (rows, guint, i) = i;
}

static void
uc_row_list_constructed (GObject *object)
{
  UcRowList *self = UC_ROW_LIST (object);
  guint n = self->dataset ? uc_dataset_get_n_rows (self->dataset) : 0;

  G_OBJECT_CLASS (uc_row_list_parent_class)->constructed (object);
  natural_order (self->sorted, n);
  g_array_append_vals (self->shown, self->sorted->data, n);
}

static void
uc_row_list_class_init (UcRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = uc_row_list_finalize;
  object_class->get_property = uc_row_list_get_property;
  object_class->set_property = uc_row_list_set_property;
  object_class->constructed = uc_row_list_constructed;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, UC_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Sorting or filtering on a worker; the rows shown are the last ones. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_row_list_init (UcRowList *self)
{
  self->sorted = g_array_new (FALSE, FALSE, sizeof (guint));
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->sort_column = -1;
}

UcRowList *
uc_row_list_new (UcDataset *dataset)
{
  g_return_val_if_fail (UC_IS_DATASET (dataset), NULL);
  return g_object_new (UC_TYPE_ROW_LIST, "dataset", dataset, NULL);
}

UcDataset *
uc_row_list_get_dataset (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), NULL);
  return self->dataset;
}

/* Refreshing: below this many rows on the caller's thread, at once;
 * above, on a worker (a million rows take a few hundred milliseconds to
 * filter on numbers), the rows shown staying until it is done and a
 * newer sort or filter superseding it. */
#define WORKER_ROWS 100000

typedef struct
{
  UcDataset *dataset;
  int        column;
  gboolean   descending;
  GArray    *sorted;     /* NULL: to be sorted */
  char      *filter;
  guint      generation;
} Work;

typedef struct
{
  GArray *sorted;
  GArray *shown;
} Done;

static void
work_free (Work *work)
{
  g_clear_object (&work->dataset);
  g_clear_pointer (&work->sorted, g_array_unref);
  g_free (work->filter);
  g_free (work);
}

static void
done_free (Done *done)
{
  g_clear_pointer (&done->sorted, g_array_unref);
  g_clear_pointer (&done->shown, g_array_unref);
  g_free (done);
}

static Done *
compute (Work         *work,
         GCancellable *cancellable)
{
  Done *done = g_new0 (Done, 1);

  done->sorted = work->sorted ? g_array_ref (work->sorted)
                              : uc_row_order_sort (work->dataset, work->column, work->descending, cancellable);
  done->shown = uc_row_order_filter (work->dataset, (const guint *) done->sorted->data, done->sorted->len,
                                     work->filter, cancellable);
  return done;
}

static void
apply (UcRowList *self,
       Done      *done)
{
  guint before = self->shown->len;

  g_array_unref (self->sorted);
  self->sorted = g_array_ref (done->sorted);
  g_array_unref (self->shown);
  self->shown = g_array_ref (done->shown);
  self->sort_dirty = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->shown->len);
}

static void
set_busy (UcRowList *self,
          gboolean   busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
compute_in_thread (GTask        *task,
                   gpointer      source,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Done *done = compute (task_data, cancellable);

  if (g_cancellable_is_cancelled (cancellable))
    {
      done_free (done);
      g_task_return_error_if_cancelled (task);
      return;
    }
  g_task_return_pointer (task, done, (GDestroyNotify) done_free);
}

static void
computed (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  UcRowList *self = UC_ROW_LIST (object);
  Work *work = g_task_get_task_data (G_TASK (result));
  Done *done = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Only the newest sort and filter are shown. */
  if (done == NULL || work->generation != self->generation)
    {
      g_clear_pointer (&done, done_free);
      return;
    }
  g_clear_object (&self->working);
  apply (self, done);
  done_free (done);
  set_busy (self, FALSE);
}

static void
refresh (UcRowList *self)
{
  Work *work = g_new0 (Work, 1);
  g_autoptr(GTask) task = NULL;

  work->dataset = g_object_ref (self->dataset);
  work->column = self->sort_column;
  work->descending = self->descending;
  work->sorted = self->sort_dirty ? NULL : g_array_ref (self->sorted);
  work->filter = g_strdup (self->filter);
  work->generation = ++self->generation;

  g_cancellable_cancel (self->working);
  g_clear_object (&self->working);
  if (uc_dataset_get_n_rows (self->dataset) <= WORKER_ROWS)
    {
      Done *done = compute (work, NULL);

      apply (self, done);
      done_free (done);
      work_free (work);
      set_busy (self, FALSE);
      return;
    }
  self->working = g_cancellable_new ();
  task = g_task_new (self, self->working, computed, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, compute_in_thread);
}

void
uc_row_list_set_sort (UcRowList *self,
                      int        column,
                      gboolean   descending)
{
  g_return_if_fail (UC_IS_ROW_LIST (self));
  g_return_if_fail (column < (int) uc_dataset_get_n_columns (self->dataset));

  if (column < 0)
    descending = FALSE;
  if (column == self->sort_column && descending == self->descending)
    return;
  self->sort_column = column;
  self->descending = descending;
  self->sort_dirty = TRUE;
  refresh (self);
}

int
uc_row_list_get_sort_column (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), -1);
  return self->sort_column;
}

gboolean
uc_row_list_get_sort_descending (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), FALSE);
  return self->descending;
}

void
uc_row_list_set_filter (UcRowList  *self,
                        const char *text)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (UC_IS_ROW_LIST (self));

  folded = uc_row_order_fold (text);
  if (g_strcmp0 (folded, self->filter) == 0)
    return;
  g_free (self->filter);
  self->filter = g_steal_pointer (&folded);
  refresh (self);
}

const char *
uc_row_list_get_filter (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), NULL);
  return self->filter;
}

const guint *
uc_row_list_get_rows (UcRowList *self,
                      guint     *n_rows)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), NULL);
  if (n_rows)
    *n_rows = self->shown->len;
  return (const guint *) self->shown->data;
}

gboolean
uc_row_list_get_busy (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), FALSE);
  return self->busy;
}

guint
uc_row_list_get_n_total (UcRowList *self)
{
  g_return_val_if_fail (UC_IS_ROW_LIST (self), 0);
  return self->dataset ? uc_dataset_get_n_rows (self->dataset) : 0;
}
