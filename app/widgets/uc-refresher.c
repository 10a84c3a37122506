/* uc-refresher.c: the application's refresh of its sources
 *
 * A thin layer over UcRefresh (app/net) for the window: the run's
 * progress as properties (running, current, done, total), which sources
 * came in with new rows, the datasets put into the catalog when it ends,
 * and the keys read from the settings. The fetching, reading and checking
 * are UcRefresh's: asynchronous, the parsing on a worker thread.
 */
#include "config.h"

#include "uc-refresher.h"

#include "uc-catalog.h"
#include "uc-feed-cache.h"
#include "uc-feed-list.h"
#include "uc-feed-merge.h"
#include "uc-refresh.h"

/* Long enough for a slow server, short enough that a dead one does not
 * hold the refresh for minutes. */
#define TIMEOUT_SECONDS 30

struct _UcRefresher
{
  GObject       parent_instance;

  GSettings    *settings;
  UcFeedList   *feeds;
  char         *load_error;   /* the user's sources.json could not be read */
  UcFetcher    *fetcher;
  UcRefresh    *refresh;
  char         *dir;

  /* the run, while one runs */
  GCancellable *cancellable;
  UcFeed       *current;
  guint         done, total, updated;
  char         *rows_before;        /* of the feed being refreshed: its rows' file */
  GHashTable   *datasets;           /* of the feeds that got new rows */
};

G_DEFINE_FINAL_TYPE (UcRefresher, uc_refresher, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_CURRENT,
  PROP_DONE,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  FEED_FINISHED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
uc_refresher_dispose (GObject *object)
{
  UcRefresher *self = UC_REFRESHER (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->current);
  g_clear_object (&self->refresh);
  g_clear_object (&self->fetcher);
  g_clear_object (&self->feeds);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (uc_refresher_parent_class)->dispose (object);
}

static void
uc_refresher_finalize (GObject *object)
{
  UcRefresher *self = UC_REFRESHER (object);

  g_free (self->load_error);
  g_free (self->dir);
  g_free (self->rows_before);
  g_clear_pointer (&self->datasets, g_hash_table_unref);
  G_OBJECT_CLASS (uc_refresher_parent_class)->finalize (object);
}

static void
uc_refresher_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  UcRefresher *self = UC_REFRESHER (object);

  switch (prop_id)
    {
    case PROP_RUNNING: g_value_set_boolean (value, self->cancellable != NULL); break;
    case PROP_CURRENT: g_value_set_object (value, self->current); break;
    case PROP_DONE: g_value_set_uint (value, self->done); break;
    case PROP_TOTAL: g_value_set_uint (value, self->total); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_refresher_class_init (UcRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = uc_refresher_dispose;
  object_class->finalize = uc_refresher_finalize;
  object_class->get_property = uc_refresher_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, UC_TYPE_FEED,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DONE] =
    g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A source's refresh ended: whether all its answers were kept, and
   * whether new rows came in (some may have, from a source refused in part). */
  signals[FEED_FINISHED] = g_signal_new ("feed-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 3, UC_TYPE_FEED, G_TYPE_BOOLEAN, G_TYPE_BOOLEAN);
  /* The run ended: how many sources brought new rows, and whether it was
   * cancelled. The catalog has the new rows by then. */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_BOOLEAN);
}

static void
uc_refresher_init (UcRefresher *self)
{
  self->datasets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The file of the rows of @feed's copy on disk (named by their checksum:
 * other rows, another name), or NULL. */
static char *
rows_file (UcRefresher *self,
           UcFeed      *feed)
{
  g_autoptr(UcFeedRecord) record = uc_feed_cache_read (self->dir, uc_feed_get_id (feed), NULL);

  return record ? g_strdup (record->rows_file) : NULL;
}

static void
on_feed_started (UcRefresh   *refresh,
                 UcFeed      *feed,
                 UcRefresher *self)
{
  g_set_object (&self->current, feed);
  g_free (self->rows_before);
  self->rows_before = rows_file (self, feed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/* New rows came in when the copy's rows are others than before. */
static void
on_feed_finished (UcRefresh   *refresh,
                  UcFeed      *feed,
                  gboolean     ok,
                  UcRefresher *self)
{
  g_autofree char *rows = rows_file (self, feed);
  gboolean updated = rows && g_strcmp0 (rows, self->rows_before) != 0;

  if (updated)
    {
      self->updated++;
      g_hash_table_add (self->datasets, g_strdup (uc_feed_get_dataset (feed)));
    }
  self->done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_signal_emit (self, signals[FEED_FINISHED], 0, feed, ok, updated);
}

/* The run's end: the catalog told of the datasets refreshed (the views
 * load them again), the progress cleared, "finished" emitted. */
static void
finish_run (UcRefresher *self,
            gboolean     cancelled)
{
  guint updated = self->updated;

  if (updated > 0)
    uc_catalog_reload_refreshed (uc_catalog_get_default ());
  g_clear_object (&self->cancellable);
  g_clear_object (&self->current);
  g_hash_table_remove_all (self->datasets);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0, updated, cancelled);
}

/* A cancelled run rebuilds no dataset (UcRefresh stops at once), yet the
 * sources done before kept their new copies: their datasets are rebuilt
 * here, or a next refresh finding those copies unchanged would leave
 * them out of the datasets. On a worker, as UcRefresh does: the market
 * caps are ten thousand rows. */
static void
merge_work (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  UcRefresher *self = source;
  const char * const *datasets = data;

  for (guint i = 0; datasets[i]; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!uc_feed_merge_dataset (self->feeds, self->dir, datasets[i], &error))
        g_message ("%s", error->message);
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_merged (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  UcRefresher *self = UC_REFRESHER (object);

  if (self->refresh)   /* not disposed meanwhile */
    finish_run (self, TRUE);
}

static void
merge_cancelled (UcRefresher *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, on_merged, NULL);
  GStrv datasets = (GStrv) g_hash_table_get_keys_as_array (self->datasets, NULL);

  /* The keys stay the table's: copied for the worker. */
  g_task_set_task_data (task, g_strdupv (datasets), (GDestroyNotify) g_strfreev);
  g_free (datasets);
  g_task_run_in_thread (task, merge_work);
}

static void
on_run_done (GObject      *object,
             GAsyncResult *result,
             gpointer      data)
{
  g_autoptr(UcRefresher) self = data;
  g_autoptr(GError) error = NULL;
  gboolean cancelled;

  uc_refresh_run_finish (UC_REFRESH (object), result, &error);
  cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  if (error && !cancelled)
    g_message ("refresh: %s", error->message);
  if (self->refresh == NULL)   /* disposed meanwhile */
    return;
  if (cancelled && g_hash_table_size (self->datasets) > 0)
    merge_cancelled (self);
  else
    finish_run (self, cancelled);
}

/* The refresher of the sources of data/sources.json and the user's file,
 * each showing what its copy on disk says; keys from @settings. */
UcRefresher *
uc_refresher_new (GSettings *settings)
{
  UcRefresher *self = g_object_new (UC_TYPE_REFRESHER, NULL);
  g_autoptr(GError) error = NULL;

  self->settings = g_object_ref (settings);
  self->feeds = uc_feed_list_new_default (&error);
  if (error)
    self->load_error = g_strdup (error->message);
  self->fetcher = uc_fetcher_new (TIMEOUT_SECONDS);
  self->dir = uc_feed_cache_dir ();
  self->refresh = uc_refresh_new (self->feeds, self->fetcher, self->dir);
  uc_refresh_load_state (self->refresh);
  g_signal_connect_object (self->refresh, "feed-started", G_CALLBACK (on_feed_started), self, 0);
  g_signal_connect_object (self->refresh, "feed-finished", G_CALLBACK (on_feed_finished), self, 0);
  return self;
}

/* The sources, a GListModel of UcFeed. */
GListModel *
uc_refresher_get_feeds (UcRefresher *self)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), NULL);
  return G_LIST_MODEL (self->feeds);
}

/* Why the user's sources.json was left out, or NULL. */
const char *
uc_refresher_get_load_error (UcRefresher *self)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), NULL);
  return self->load_error;
}

gboolean
uc_refresher_get_running (UcRefresher *self)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), FALSE);
  return self->cancellable != NULL;
}

/* The source being refreshed, or NULL. */
UcFeed *
uc_refresher_get_current (UcRefresher *self)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), NULL);
  return self->current;
}

/* How many sources of the run are done, of how many. */
guint
uc_refresher_get_done (UcRefresher *self)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), 0);
  return self->done;
}

guint
uc_refresher_get_total (UcRefresher *self)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), 0);
  return self->total;
}

static char *
dup_key (UcRefresher *self,
         UcFeed      *feed)
{
  g_autoptr(GVariant) keys = g_settings_get_value (self->settings, "source-keys");
  const char *key = NULL;

  if (g_variant_lookup (keys, uc_feed_get_id (feed), "&s", &key) && *key)
    return g_strdup (key);
  return NULL;
}

/* Whether @feed has what it needs to be asked: its key, SEC's contact. */
gboolean
uc_refresher_can_ask (UcRefresher *self,
                      UcFeed      *feed)
{
  g_autofree char *key = NULL;
  g_autofree char *contact = NULL;

  g_return_val_if_fail (UC_IS_REFRESHER (self), FALSE);
  if (uc_feed_get_needs_key (feed) && (key = dup_key (self, feed)) == NULL)
    return FALSE;
  contact = g_settings_get_string (self->settings, "sec-contact");
  return !uc_feed_get_needs_contact (feed) || *g_strstrip (contact) != '\0';
}

/* The ids of the sources that can be asked and were last asked more than
 * @age before @now, or never. */
GStrv
uc_refresher_dup_due (UcRefresher *self,
                      GDateTime   *now,
                      GTimeSpan    age)
{
  g_autoptr(GStrvBuilder) due = g_strv_builder_new ();
  GListModel *feeds;

  g_return_val_if_fail (UC_IS_REFRESHER (self), NULL);
  feeds = G_LIST_MODEL (self->feeds);
  for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (feeds, i);
      const char *checked = uc_feed_get_checked (feed);
      g_autoptr(GDateTime) then = checked ? g_date_time_new_from_iso8601 (checked, NULL) : NULL;

      if (uc_refresher_can_ask (self, feed) && (then == NULL || g_date_time_difference (now, then) > age))
        g_strv_builder_add (due, uc_feed_get_id (feed));
    }
  return g_strv_builder_end (due);
}

/* The keys and contact of the settings, given to the refresh; never
 * written anywhere else. */
static void
pass_keys (UcRefresher *self)
{
  GListModel *feeds = G_LIST_MODEL (self->feeds);
  g_autofree char *contact = g_settings_get_string (self->settings, "sec-contact");

  for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (feeds, i);
      g_autofree char *key = dup_key (self, feed);

      uc_refresh_set_key (self->refresh, uc_feed_get_id (feed), key);
    }
  uc_refresh_set_contact (self->refresh, g_strstrip (contact));
}

/* Refreshes the sources @ids (NULL: every one; those wanting a key not
 * given say so and keep their data). FALSE when a refresh runs already
 * or there is nothing to ask. */
gboolean
uc_refresher_start (UcRefresher        *self,
                    const char * const *ids)
{
  g_return_val_if_fail (UC_IS_REFRESHER (self), FALSE);
  if (self->cancellable)
    return FALSE;
  self->total = ids ? g_strv_length ((GStrv) ids) : g_list_model_get_n_items (G_LIST_MODEL (self->feeds));
  if (self->total == 0)
    return FALSE;
  self->done = 0;
  self->updated = 0;
  self->cancellable = g_cancellable_new ();
  pass_keys (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  uc_refresh_run_async (self->refresh, ids, self->cancellable, on_run_done, g_object_ref (self));
  return TRUE;
}

/* Stops the refresh: the source being asked keeps its last good copy. */
void
uc_refresher_cancel (UcRefresher *self)
{
  g_return_if_fail (UC_IS_REFRESHER (self));
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}
