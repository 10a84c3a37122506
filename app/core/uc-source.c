/* uc-source.c: where a dataset comes from, and reading it
 *
 * The table is read once: loads asked for while one is under way wait for
 * it instead of reading the same bytes again, and every later load gets
 * the table kept.
 */
#include "config.h"

#include "uc-source.h"

#include <glib/gi18n.h>

typedef struct
{
  char      *id;
  char      *title;
  char      *publisher;
  char      *licence;
  char      *url;
  char      *retrieved;   /* YYYY-MM-DD: when the data was fetched from its publisher */
  char      *modified;    /* YYYY-MM-DD: when the publisher last changed it (a file's time) */
  char      *last_date;   /* YYYY-MM-DD: the last day the data covers */
  char      *location;    /* a resource:// URI or a file path: what a pack checksums */

  GMutex     lock;
  UcDataset *dataset;     /* once loaded */
  GPtrArray *waiting;     /* GTask: loads waiting for the reading under way; NULL when none */
} UcSourcePrivate;

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_LICENCE,
  PROP_URL,
  PROP_RETRIEVED,
  PROP_MODIFIED,
  PROP_LAST_DATE,
  PROP_LOCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (UcSource, uc_source, G_TYPE_OBJECT)

static char **
field (UcSourcePrivate *priv,
       guint            prop_id)
{
  switch (prop_id)
    {
    case PROP_ID: return &priv->id;
    case PROP_TITLE: return &priv->title;
    case PROP_PUBLISHER: return &priv->publisher;
    case PROP_LICENCE: return &priv->licence;
    case PROP_URL: return &priv->url;
    case PROP_RETRIEVED: return &priv->retrieved;
    case PROP_MODIFIED: return &priv->modified;
    case PROP_LAST_DATE: return &priv->last_date;
    case PROP_LOCATION: return &priv->location;
    default: return NULL;
    }
}

static void
uc_source_finalize (GObject *object)
{
  UcSourcePrivate *priv = uc_source_get_instance_private (UC_SOURCE (object));

  for (guint p = PROP_ID; p < N_PROPS; p++)
    g_clear_pointer (field (priv, p), g_free);
  g_clear_object (&priv->dataset);
  g_assert (priv->waiting == NULL);   /* each waiting task holds a reference */
  g_mutex_clear (&priv->lock);

  G_OBJECT_CLASS (uc_source_parent_class)->finalize (object);
}

static void
uc_source_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UcSourcePrivate *priv = uc_source_get_instance_private (UC_SOURCE (object));
  char **text = field (priv, prop_id);

  if (text == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *text);
}

static void
uc_source_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UcSourcePrivate *priv = uc_source_get_instance_private (UC_SOURCE (object));
  char **text = field (priv, prop_id);

  if (text == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    {
      g_free (*text);
      *text = g_value_dup_string (value);
    }
}

static void
uc_source_class_init (UcSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = uc_source_finalize;
  object_class->get_property = uc_source_get_property;
  object_class->set_property = uc_source_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, construct);
  properties[PROP_LICENCE] = g_param_spec_string ("licence", NULL, NULL, NULL, construct);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, construct);
  properties[PROP_RETRIEVED] = g_param_spec_string ("retrieved", NULL, NULL, NULL, construct);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, construct);
  properties[PROP_LAST_DATE] = g_param_spec_string ("last-date", NULL, NULL, NULL, construct);
  properties[PROP_LOCATION] = g_param_spec_string ("location", NULL, NULL, NULL, construct);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_source_init (UcSource *self)
{
  UcSourcePrivate *priv = uc_source_get_instance_private (self);

  g_mutex_init (&priv->lock);
}

#define GETTER(name, member)                                           \
  const char *                                                         \
  uc_source_get_##name (UcSource *self)                                \
  {                                                                    \
    g_return_val_if_fail (UC_IS_SOURCE (self), NULL);                  \
    return ((UcSourcePrivate *) uc_source_get_instance_private (self))->member; \
  }

GETTER (id, id)
GETTER (title, title)
GETTER (publisher, publisher)
GETTER (licence, licence)
GETTER (url, url)
GETTER (retrieved, retrieved)
GETTER (modified, modified)
GETTER (last_date, last_date)
GETTER (location, location)

#undef GETTER

/* The name a chart's inputs list it by: its file's ("market-caps.csv"). */
char *
uc_source_dup_file_name (UcSource *self)
{
  UcSourcePrivate *priv;

  g_return_val_if_fail (UC_IS_SOURCE (self), NULL);
  priv = uc_source_get_instance_private (self);
  return priv->location ? g_path_get_basename (priv->location) : g_strdup (priv->id);
}

/* The table as read with @options, not kept: what `inspect` shows. */
UcDataset *
uc_source_read (UcSource            *self,
                const UcCsvOptions  *options,
                GCancellable        *cancellable,
                UcCsvReport        **report,
                GError             **error)
{
  g_return_val_if_fail (UC_IS_SOURCE (self), NULL);
  return UC_SOURCE_GET_CLASS (self)->read (self, options, cancellable, report, error);
}

/* Whether the table is in memory: loading it would not wait. */
gboolean
uc_source_is_loaded (UcSource *self)
{
  UcSourcePrivate *priv;
  gboolean loaded;

  g_return_val_if_fail (UC_IS_SOURCE (self), FALSE);
  priv = uc_source_get_instance_private (self);
  g_mutex_lock (&priv->lock);
  loaded = priv->dataset != NULL;
  g_mutex_unlock (&priv->lock);
  return loaded;
}

/* Keeps @dataset as the table, unless one was kept meanwhile; returns
 * the one kept. */
static UcDataset *
keep (UcSource  *self,
      UcDataset *dataset)
{
  UcSourcePrivate *priv = uc_source_get_instance_private (self);
  UcDataset *kept;

  g_mutex_lock (&priv->lock);
  if (priv->dataset == NULL)
    priv->dataset = g_object_ref (dataset);
  kept = g_object_ref (priv->dataset);
  g_mutex_unlock (&priv->lock);
  return kept;
}

/* The table, read on this thread unless it is kept already: for the
 * command line, which has nothing else to do meanwhile. */
UcDataset *
uc_source_load (UcSource      *self,
                GCancellable  *cancellable,
                GError       **error)
{
  UcSourcePrivate *priv;
  g_autoptr(UcDataset) dataset = NULL;

  g_return_val_if_fail (UC_IS_SOURCE (self), NULL);
  priv = uc_source_get_instance_private (self);
  g_mutex_lock (&priv->lock);
  if (priv->dataset)
    dataset = g_object_ref (priv->dataset);
  g_mutex_unlock (&priv->lock);
  if (dataset)
    return g_steal_pointer (&dataset);
  dataset = uc_source_read (self, NULL, cancellable, NULL, error);
  return dataset ? keep (self, dataset) : NULL;
}

/* The worker thread: reads, keeps the table and answers every load that
 * waited for it (each in its own main context, as GTask does). */
static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  UcSource *self = source_object;
  UcSourcePrivate *priv = uc_source_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) read = uc_source_read (self, NULL, NULL, NULL, &error);
  g_autoptr(UcDataset) kept = read ? keep (self, read) : NULL;
  g_autoptr(GPtrArray) waiting = NULL;

  g_mutex_lock (&priv->lock);
  waiting = g_steal_pointer (&priv->waiting);
  g_mutex_unlock (&priv->lock);
  for (guint i = 0; i < waiting->len; i++)
    {
      GTask *waiter = g_ptr_array_index (waiting, i);

      if (g_task_return_error_if_cancelled (waiter))
        continue;
      if (kept)
        g_task_return_pointer (waiter, g_object_ref (kept), g_object_unref);
      else
        g_task_return_error (waiter, g_error_copy (error));
    }
  g_task_return_boolean (task, TRUE);
}

/* Loads the table on a worker thread (at once when it is kept). A load
 * cancelled ends with G_IO_ERROR_CANCELLED when the reading under way
 * ends: other loads may be waiting for the same reading. */
void
uc_source_load_async (UcSource            *self,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  UcSourcePrivate *priv;
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) reading = NULL;
  g_autoptr(UcDataset) kept = NULL;
  gboolean start = FALSE;

  g_return_if_fail (UC_IS_SOURCE (self));
  priv = uc_source_get_instance_private (self);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, uc_source_load_async);
  if (g_task_return_error_if_cancelled (task))
    return;

  g_mutex_lock (&priv->lock);
  if (priv->dataset)
    kept = g_object_ref (priv->dataset);
  else
    {
      start = priv->waiting == NULL;
      if (start)
        priv->waiting = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (priv->waiting, g_steal_pointer (&task));
    }
  g_mutex_unlock (&priv->lock);

  if (kept)
    {
      g_task_return_pointer (task, g_steal_pointer (&kept), g_object_unref);
      return;
    }
  if (!start)
    return;
  reading = g_task_new (self, NULL, NULL, NULL);
  g_task_set_source_tag (reading, read_in_thread);
  g_task_run_in_thread (reading, read_in_thread);
}

UcDataset *
uc_source_load_finish (UcSource      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == uc_source_load_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Lists the source among @spec's inputs (once): what a report pack says
 * of where the chart's data came from. */
void
uc_source_cite (UcSource    *self,
                UcChartSpec *spec)
{
  UcSourcePrivate *priv;
  g_autofree char *name = NULL;
  const char *date, *kind;

  g_return_if_fail (UC_IS_SOURCE (self));
  g_return_if_fail (UC_IS_CHART_SPEC (spec));
  priv = uc_source_get_instance_private (self);
  name = uc_source_dup_file_name (self);
  for (guint i = 0; i < uc_chart_spec_get_n_provenance (spec); i++)
    if (g_strcmp0 (uc_chart_spec_get_provenance (spec, i)->name, name) == 0)
      return;
  date = priv->retrieved ? priv->retrieved : priv->modified;
  kind = priv->retrieved ? "retrieved" : priv->modified ? "modified" : NULL;
  uc_chart_spec_add_provenance (spec, name, priv->publisher, priv->location, date, kind);
}

/* A footer's line for a chart of this source alone: its publisher, or,
 * for a file nobody is named for, the file and its date. */
char *
uc_source_dup_credit (UcSource *self)
{
  UcSourcePrivate *priv;
  g_autofree char *name = NULL;

  g_return_val_if_fail (UC_IS_SOURCE (self), NULL);
  priv = uc_source_get_instance_private (self);
  if (priv->publisher)
    return g_strdup_printf (_("Source: %s"), priv->publisher);
  name = uc_source_dup_file_name (self);
  /* Translators: a file's name, then the day it was last changed. */
  return priv->modified ? g_strdup_printf (_("Source: %s, file of %s"), name, priv->modified)
                        : g_strdup_printf (_("Source: %s"), name);
}
