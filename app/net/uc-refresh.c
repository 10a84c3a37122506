/* uc-refresh.c: pulling every source's new data, without losing the old */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-refresh.h"

#include <string.h>

#include "uc-feed-adapt.h"
#include "uc-feed-cache.h"
#include "uc-feed-merge.h"
#include "uc-net-error.h"

/* Fewer rows than this share of the copy on disk is a collapse. */
#define COLLAPSE_SHARE 0.5
#define COLLAPSE_FLOOR 20

struct _UcRefresh
{
  GObject      parent_instance;

  UcFeedList  *feeds;
  UcFetcher   *fetcher;
  char        *dir;
  GHashTable  *keys;      /* feed id → key: never written anywhere */
  char        *contact;
  GDateTime   *now;       /* tests fix the clock */
};

G_DEFINE_FINAL_TYPE (UcRefresh, uc_refresh, G_TYPE_OBJECT)

enum
{
  FEED_STARTED,
  FEED_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
uc_refresh_finalize (GObject *object)
{
  UcRefresh *self = UC_REFRESH (object);

  g_clear_object (&self->feeds);
  g_clear_object (&self->fetcher);
  g_free (self->dir);
  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_free (self->contact);
  g_clear_pointer (&self->now, g_date_time_unref);
  G_OBJECT_CLASS (uc_refresh_parent_class)->finalize (object);
}

static void
uc_refresh_class_init (UcRefreshClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_refresh_finalize;
  /* A source's refresh begins; ends, TRUE when all its answers were kept. */
  signals[FEED_STARTED] = g_signal_new ("feed-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                        NULL, G_TYPE_NONE, 1, UC_TYPE_FEED);
  signals[FEED_FINISHED] = g_signal_new ("feed-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                         NULL, G_TYPE_NONE, 2, UC_TYPE_FEED, G_TYPE_BOOLEAN);
}

static void
uc_refresh_init (UcRefresh *self)
{
  self->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* @dir: the folder of the sources' copies (uc_feed_cache_dir()). */
UcRefresh *
uc_refresh_new (UcFeedList *feeds,
                UcFetcher  *fetcher,
                const char *dir)
{
  UcRefresh *self = g_object_new (UC_TYPE_REFRESH, NULL);

  self->feeds = g_object_ref (feeds);
  self->fetcher = g_object_ref (fetcher);
  self->dir = g_strdup (dir);
  return self;
}

void
uc_refresh_set_key (UcRefresh  *self,
                    const char *feed_id,
                    const char *key)
{
  if (key && *key)
    g_hash_table_replace (self->keys, g_strdup (feed_id), g_strdup (key));
  else
    g_hash_table_remove (self->keys, feed_id);
}

void
uc_refresh_set_contact (UcRefresh  *self,
                        const char *contact)
{
  g_free (self->contact);
  self->contact = contact && *contact ? g_strdup (contact) : NULL;
}

void
uc_refresh_set_now (UcRefresh *self,
                    GDateTime *now)
{
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now ? g_date_time_ref (now) : NULL;
}

/* Every feed shows what its copy on disk says (or that it has none). */
void
uc_refresh_load_state (UcRefresh *self)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->feeds)); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (G_LIST_MODEL (self->feeds), i);
      g_autoptr(GError) error = NULL;
      g_autoptr(UcFeedRecord) record = uc_feed_cache_read (self->dir, uc_feed_get_id (feed), &error);

      uc_feed_cache_apply (feed, record);
      if (error)
        uc_feed_set_status (feed, UC_FEED_REFUSED, error->message, NULL, NULL, NULL, 0);
    }
}

/* One answer, read and checked on a worker thread. */
typedef struct
{
  UcFeed         *feed;
  char           *series, *url, *today, *dir;
  UcFetchResult  *fetched;     /* NULL: the fetch failed */
  GError         *fetch_error;
  UcFeedItem     *previous;    /* or NULL */
  /* out */
  UcFeedRows     *rows;
  UcFeedItem     *item;
  char           *failure;
  gboolean        new_data;
} Answer;

/* One run: the feeds asked for, one after the other. */
typedef struct
{
  GPtrArray    *queue;       /* UcFeed */
  guint         next;
  guint         failed;
  GHashTable   *datasets;    /* datasets whose feeds changed */
  char         *now, *today;
  /* the feed being refreshed */
  UcFeed       *feed;
  UcFeedRecord *previous, *record;
  UcFeedRows   *rows;
  const char * const *series;
  guint         series_next;
  GString      *failures;
  gboolean      any_new;
  Answer       *pending;
} Run;

static void
answer_free (Answer *a)
{
  g_clear_object (&a->feed);
  g_free (a->series);
  g_free (a->url);
  g_free (a->today);
  g_free (a->dir);
  g_clear_pointer (&a->fetched, uc_fetch_result_free);
  g_clear_error (&a->fetch_error);
  g_clear_pointer (&a->previous, uc_feed_item_free);
  g_clear_pointer (&a->rows, uc_feed_rows_free);
  g_clear_pointer (&a->item, uc_feed_item_free);
  g_free (a->failure);
  g_free (a);
}

static void
run_clear_feed (Run *run)
{
  g_clear_object (&run->feed);
  g_clear_pointer (&run->previous, uc_feed_record_free);
  g_clear_pointer (&run->record, uc_feed_record_free);
  g_clear_pointer (&run->rows, uc_feed_rows_free);
  g_clear_pointer (&run->pending, answer_free);
  if (run->failures)
    g_string_free (run->failures, TRUE);
  run->failures = NULL;
  run->any_new = FALSE;
}

static void
run_free (Run *run)
{
  run_clear_feed (run);
  g_ptr_array_unref (run->queue);
  g_hash_table_unref (run->datasets);
  g_free (run->now);
  g_free (run->today);
  g_free (run);
}

/* Web pages, images and the like are refused before they are read. */
static gboolean
check_content_type (const char  *type,
                    const char  *url,
                    GError     **error)
{
  if (type == NULL || g_str_has_prefix (type, "text/") || g_str_has_suffix (type, "json") ||
      g_str_has_suffix (type, "csv") || g_str_equal (type, "application/octet-stream"))
    {
      if (type == NULL || (!g_str_equal (type, "text/html") && !g_str_equal (type, "application/xhtml+xml")))
        return TRUE;
    }
  /* Translators: an address (URL), then the kind of answer (text/html, image/png…). */
  g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV, _("%s: the server answered %s, not data"), url, type);
  return FALSE;
}

/* The checks every answer passes before it replaces anything. */
static gboolean
check_rows (Answer      *a,
            UcFeedRows  *rows,
            GError     **error)
{
  g_autofree char *last = uc_feed_rows_last_date (rows);
  guint before = a->previous ? a->previous->rows : 0;

  if (rows->rows->len == 0)
    {
      /* Translators: %s is an address (URL). */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("%s: no rows"), a->url);
      return FALSE;
    }
  if (last && strncmp (last, a->today, 10) > 0)
    {
      /* Translators: an address (URL), the answer's last date, then today's. */
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA, _("%s: dated %s, after today (%s)"), a->url, last, a->today);
      return FALSE;
    }
  if (before >= COLLAPSE_FLOOR && rows->rows->len < before * COLLAPSE_SHARE)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_DATA,
                   /* Translators: an address (URL), the rows it answered, then the rows of the copy on disk. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: answered %u row where the copy on disk has %u; kept the copy",
                                "%s: answered %u rows where the copy on disk has %u; kept the copy", rows->rows->len),
                   a->url, rows->rows->len, before);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_new (Answer  *a,
          GError **error)
{
  UcFetchResult *f = a->fetched;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(UcFeedRows) rows = NULL;
  g_autofree char *name = NULL;
  g_autofree char *sum = NULL;

  if (f->not_modified && a->previous)
    body = uc_feed_cache_load (a->dir, uc_feed_get_id (a->feed), a->previous->body, a->previous->sha256, error);
  else if (f->not_modified)
    /* Translators: %s is an address (URL). */
    g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_HTTP, _("%s: answered 304 (not modified) with no copy on disk"), a->url);
  else if (check_content_type (f->content_type, a->url, error))
    body = g_bytes_ref (f->body);
  if (body == NULL)
    return FALSE;
  rows = uc_feed_adapt (a->feed, a->series, body, a->url, a->today, error);
  if (rows == NULL || !check_rows (a, rows, error))
    return FALSE;
  if (f->not_modified)
    {
      a->item = uc_feed_item_copy (a->previous);
      a->rows = g_steal_pointer (&rows);
      return TRUE;
    }
  name = uc_feed_cache_store (a->dir, uc_feed_get_id (a->feed), a->series, "body", body, &sum, error);
  if (name == NULL)
    return FALSE;
  a->item = g_new0 (UcFeedItem, 1);
  a->item->series = g_strdup (a->series);
  a->item->url = g_strdup (a->url);
  a->item->etag = g_strdup (f->etag);
  a->item->last_modified = g_strdup (f->last_modified);
  a->item->body = g_steal_pointer (&name);
  a->item->sha256 = g_steal_pointer (&sum);
  a->item->rows = rows->rows->len;
  a->rows = g_steal_pointer (&rows);
  a->new_data = TRUE;
  return TRUE;
}

/* The last good copy, read again, when the new answer was refused. */
static void
read_previous (Answer *a)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (a->previous == NULL)
    return;
  body = uc_feed_cache_load (a->dir, uc_feed_get_id (a->feed), a->previous->body, a->previous->sha256, &error);
  a->rows = body ? uc_feed_adapt (a->feed, a->series, body, a->previous->url, a->today, &error) : NULL;
  if (a->rows)
    a->item = uc_feed_item_copy (a->previous);
  else
    g_message ("source %s: the copy on disk cannot be read again: %s", uc_feed_get_id (a->feed), error->message);
}

static void
answer_work (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Answer *a = data;
  g_autoptr(GError) error = NULL;

  if (a->fetched == NULL || !read_new (a, &error))
    {
      a->failure = g_strdup (a->fetch_error ? a->fetch_error->message : error->message);
      read_previous (a);
    }
  g_task_return_boolean (task, TRUE);
}

static void run_next_feed (GTask *task);
static void next_series (GTask *task);

static void
on_answer_read (GObject      *object,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(GTask) task = data;
  Run *run = g_task_get_task_data (task);
  Answer *a = g_task_get_task_data (G_TASK (result));

  if (a->failure)
    g_string_append_printf (run->failures, "%s%s", run->failures->len ? "\n" : "", a->failure);
  if (a->rows)
    {
      if (run->rows == NULL)
        run->rows = uc_feed_rows_new ((const char * const *) a->rows->header);
      uc_feed_rows_extend (run->rows, a->rows);
      g_ptr_array_add (run->record->items, g_steal_pointer (&a->item));
    }
  run->any_new |= a->new_data;
  next_series (g_steal_pointer (&task));
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  g_autoptr(GTask) task = data;
  Run *run = g_task_get_task_data (task);
  Answer *a = g_steal_pointer (&run->pending);
  g_autoptr(GTask) work = NULL;
  GCancellable *cancellable;

  a->fetched = uc_fetcher_get_finish (UC_FETCHER (object), result, &a->fetch_error);
  if (g_error_matches (a->fetch_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      answer_free (a);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("the refresh was cancelled"));
      return;
    }
  cancellable = g_task_get_cancellable (task);
  work = g_task_new (NULL, cancellable, on_answer_read, g_steal_pointer (&task));
  g_task_set_task_data (work, a, (GDestroyNotify) answer_free);
  g_task_run_in_thread (work, answer_work);
}

static char *
dup_key (UcRefresh *self,
         UcFeed    *feed)
{
  return g_strdup (g_hash_table_lookup (self->keys, uc_feed_get_id (feed)));
}

static void
fetch_series (GTask *task)
{
  UcRefresh *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  const char *series = run->series[run->series_next] ? run->series[run->series_next] : "";
  g_autofree char *key = dup_key (self, run->feed);
  g_autofree char *url = uc_feed_expand_url (run->feed, series, key);
  Answer *a = g_new0 (Answer, 1);
  UcFetchRequest request = { 0 };
  UcFeedItem *previous = uc_feed_record_find (run->previous, series);

  a->feed = g_object_ref (run->feed);
  a->series = g_strdup (series);
  a->url = uc_feed_redact_url (run->feed, url);
  a->today = g_strdup (run->today);
  a->dir = g_strdup (self->dir);
  a->previous = previous ? uc_feed_item_copy (previous) : NULL;
  run->pending = a;
  run->series_next++;
  request.url = url;
  request.shown_url = a->url;
  request.etag = previous ? previous->etag : NULL;
  request.last_modified = previous ? previous->last_modified : NULL;
  request.max_size = uc_feed_get_max_bytes (run->feed);
  request.contact = uc_feed_get_needs_contact (run->feed) ? self->contact : NULL;
  request.allow_http = uc_feed_get_allow_http (run->feed);
  uc_fetcher_request_async (self->fetcher, &request, g_task_get_cancellable (task), on_fetched, task);
}

static gboolean
on_paced (gpointer data)
{
  fetch_series (data);
  return G_SOURCE_REMOVE;
}

static void finish_feed (GTask *task);

/* The feed's next request, no sooner than its rate allows. */
static void
next_series (GTask *task)
{
  Run *run = g_task_get_task_data (task);
  double rate = uc_feed_get_requests_per_second (run->feed);
  gboolean single = run->series[0] == NULL;

  if ((single && run->series_next > 0) || (!single && run->series[run->series_next] == NULL))
    {
      finish_feed (task);
      return;
    }
  if (run->series_next > 0 && rate > 0)
    g_timeout_add_full (G_PRIORITY_DEFAULT, (guint) (1000 / rate), on_paced, task, NULL);
  else
    fetch_series (task);
}

static char *
time_text (GDateTime *t)
{
  return g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ");
}

/* Sources of today's prices only ("history": true) keep every change
 * seen: the last copy's rows, and today's where a price moved. */
static void
keep_history (UcRefresh *self,
              Run       *run)
{
  static const char * const keys[] = { "vendor", "model", "price_basis", NULL };
  static const char * const values[] = { "input_usd_per_mtok", "output_usd_per_mtok", NULL };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcFeedRows) history = NULL;
  g_autoptr(GError) error = NULL;

  if (run->rows == NULL || !uc_feed_get_keeps_history (run->feed) ||
      run->previous == NULL || run->previous->rows_file == NULL)
    return;
  bytes = uc_feed_cache_load (self->dir, uc_feed_get_id (run->feed), run->previous->rows_file, NULL, &error);
  history = bytes ? uc_feed_rows_from_csv (bytes, run->previous->rows_file, &error) : NULL;
  if (history == NULL)
    {
      g_message ("source %s: its price history cannot be read: %s", uc_feed_get_id (run->feed), error->message);
      return;
    }
  uc_feed_rows_observe (history, run->rows, keys, values);
  uc_feed_rows_free (run->rows);
  run->rows = g_steal_pointer (&history);
}

/* The record of the feed after this refresh. New data only where an
 * answer passed every check; what failed keeps its last good copy. */
static void
commit_feed (UcRefresh *self,
             Run       *run)
{
  UcFeedRecord *r = run->record;
  g_autoptr(GError) error = NULL;

  r->state = run->failures->len ? UC_FEED_REFUSED : UC_FEED_FRESH;
  r->message = run->failures->len ? g_strdup (run->failures->str) : NULL;
  r->checked = g_strdup (run->now);
  r->retrieved = g_strdup (run->any_new ? run->now : run->previous ? run->previous->retrieved : NULL);
  for (guint i = 0; run->any_new && i < r->items->len; i++)
    {
      UcFeedItem *item = g_ptr_array_index (r->items, i);

      if (item->retrieved == NULL)
        item->retrieved = g_strdup (run->now);
    }
  keep_history (self, run);
  if (run->rows)
    {
      g_autoptr(GBytes) csv = uc_feed_rows_to_csv (run->rows);

      r->rows = run->rows->rows->len;
      r->data_as_of = uc_feed_rows_last_date (run->rows);
      r->rows_file = uc_feed_cache_store (self->dir, uc_feed_get_id (run->feed), "rows", "csv", csv, NULL, &error);
    }
  if ((run->rows && r->rows_file == NULL) || !uc_feed_cache_commit (self->dir, uc_feed_get_id (run->feed), r, &error))
    {
      r->state = UC_FEED_REFUSED;
      g_free (r->message);
      /* Translators: a source's id, then why its copy could not be written. */
      r->message = g_strdup_printf (_("source %s: its copy could not be written: %s"), uc_feed_get_id (run->feed),
                                    error->message);
    }
  uc_feed_set_status (run->feed, r->state, r->message, r->retrieved, r->checked, r->data_as_of, r->rows);
}

static void
finish_feed (GTask *task)
{
  UcRefresh *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  gboolean ok;

  commit_feed (self, run);
  ok = run->feed && uc_feed_get_state (run->feed) == UC_FEED_FRESH;
  if (!ok)
    run->failed++;
  if (run->any_new)
    g_hash_table_add (run->datasets, g_strdup (uc_feed_get_dataset (run->feed)));
  /* Market caps are closes × share counts: new counts change them too. */
  if (run->any_new && g_strcmp0 (uc_feed_get_adapter (run->feed), "sec-shares") == 0)
    g_hash_table_add (run->datasets, g_strdup ("market-caps"));
  g_signal_emit (self, signals[FEED_FINISHED], 0, run->feed, ok);
  run_clear_feed (run);
  run_next_feed (task);
}

/* A feed that cannot be asked without a key or contact says so, and
 * keeps what it had. */
static gboolean
lacks_key (UcRefresh *self,
           Run       *run)
{
  g_autofree char *key = dup_key (self, run->feed);
  const char *why = uc_feed_get_needs_key (run->feed) && key == NULL ? "needs a key"
                    : uc_feed_get_needs_contact (run->feed) && self->contact == NULL
                    ? "needs a contact address for the user agent" : NULL;

  if (why == NULL)
    return FALSE;
  uc_feed_set_status (run->feed, UC_FEED_NEEDS_KEY, why, run->previous ? run->previous->retrieved : NULL, run->now,
                      run->previous ? run->previous->data_as_of : NULL, run->previous ? run->previous->rows : 0);
  return TRUE;
}

static void
start_feed (GTask  *task,
            UcFeed *feed)
{
  UcRefresh *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  run->feed = g_object_ref (feed);
  run->previous = uc_feed_cache_read (self->dir, uc_feed_get_id (feed), &error);
  if (error)
    g_message ("%s", error->message);
  run->record = uc_feed_record_new ();
  run->failures = g_string_new (NULL);
  run->series = uc_feed_get_series (feed);
  run->series_next = 0;
  g_signal_emit (self, signals[FEED_STARTED], 0, feed);
  if (lacks_key (self, run))
    {
      run->failed++;
      g_signal_emit (self, signals[FEED_FINISHED], 0, feed, FALSE);
      run_clear_feed (run);
      run_next_feed (task);
      return;
    }
  next_series (task);
}

/* The datasets that got new rows, rebuilt on a worker: the market caps
 * are ten thousand rows read and written. */
static void
merge_work (GTask        *work,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  UcRefresh *self = source;
  GTask *task = data;
  Run *run = g_task_get_task_data (task);
  GHashTableIter iter;
  gpointer dataset;

  g_hash_table_iter_init (&iter, run->datasets);
  while (g_hash_table_iter_next (&iter, &dataset, NULL))
    {
      g_autoptr(GError) error = NULL;

      if (!uc_feed_merge_dataset (self->feeds, self->dir, dataset, &error))
        g_message ("%s", error->message);
    }
  g_task_return_boolean (work, TRUE);
}

static void
on_merged (GObject      *object,
           GAsyncResult *result,
           gpointer      data)
{
  GTask *task = data;
  Run *run = g_task_get_task_data (task);

  g_task_return_int (task, run->failed);
  g_object_unref (task);
}

static void
run_next_feed (GTask *task)
{
  UcRefresh *self = g_task_get_source_object (task);
  Run *run = g_task_get_task_data (task);
  g_autoptr(GTask) work = NULL;

  if (run->next < run->queue->len)
    {
      start_feed (task, g_ptr_array_index (run->queue, run->next++));
      return;
    }
  /* Not cancellable: once copies are kept, the datasets match them. */
  work = g_task_new (self, NULL, on_merged, task);
  g_task_set_task_data (work, task, NULL);
  g_task_run_in_thread (work, merge_work);
}

/* Refreshes the feeds @ids (NULL: every feed), one after the other, and
 * rebuilds the datasets that got new rows. */
void
uc_refresh_run_async (UcRefresh           *self,
                      const char * const  *ids,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);
  g_autoptr(GDateTime) now = self->now ? g_date_time_ref (self->now) : g_date_time_new_now_utc ();
  GListModel *feeds = G_LIST_MODEL (self->feeds);

  run->queue = g_ptr_array_new_with_free_func (g_object_unref);
  run->datasets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->now = time_text (now);
  run->today = g_date_time_format (now, "%Y-%m-%d");
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  for (guint i = 0; ids && ids[i]; i++)
    {
      UcFeed *feed = uc_feed_list_find (self->feeds, ids[i]);

      if (feed == NULL)
        {
          /* Translators: %s is a source's id as given. */
          g_task_return_new_error (task, UC_NET_ERROR, UC_NET_ERROR_NO_DATA, _("no source called “%s”"), ids[i]);
          g_object_unref (task);
          return;
        }
      g_ptr_array_add (run->queue, g_object_ref (feed));
    }
  for (guint i = 0; ids == NULL && i < g_list_model_get_n_items (feeds); i++)
    g_ptr_array_add (run->queue, g_list_model_get_item (feeds, i));
  run_next_feed (task);
}

/* The number of feeds that kept their old data (refused, or a key
 * missing); an error only when cancelled or asked for an unknown one. */
guint
uc_refresh_run_finish (UcRefresh     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  gssize failed = g_task_propagate_int (G_TASK (result), error);

  return failed < 0 ? 0 : failed;
}
