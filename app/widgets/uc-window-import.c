/* uc-window-import.c: bringing the user's files in
 *
 * Part of UcWindow (see uc-window-private.h). A file comes by Open…
 * (Ctrl+O), by a drop on the window, by Ctrl+V of a table copied from a
 * spreadsheet or a web page (kept as a file of its own), or from the
 * command line and the file manager (uc_window_open_files()). Files wait
 * in a queue and are imported one at a time: read on a worker thread with
 * a progress bar and Cancel, then named in the library, and the new
 * dataset is shown. Nothing the library had is touched by a failure.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "uc-fetch.h"
#include "uc-import-dialog.h"
#include "uc-library.h"
#include "uc-paste.h"
#include "uc-safe-file.h"

/* A CSV at an address: fetched whole into memory before it is kept. */
#define MAX_DOWNLOAD (256u << 20)
#define DOWNLOAD_TIMEOUT_S 60

/* One import under way: what the worker reads and what it made. */
typedef struct
{
  UcLibrary      *library;
  GFile          *file;
  UcLibraryEntry *reimport;      /* the entry read again, or NULL for a new import */
  char           *id;
  char           *title;
  UcLibraryMode   mode;
  UcCsvOptions    options;
  char           *encoding;      /* the options' strings, owned here */
  char           *date_format;
  char          **columns;
  UcLibraryRoles  roles;
  UcWindow       *window;        /* weak: for the progress, on the main thread */
  GMutex          lock;
  double          fraction;
  guint           progress_idle;
  /* UNDERCUT_IMPORT_TIMINGS: how the window kept up while the file was read */
  gint64          started;
  gint64          frame_start;
  gint64          longest_frame;  /* layout and paint of one frame, µs */
  gint64          last_tick;
  gint64          longest_stall;  /* the main loop late for a 4 ms tick, µs */
  guint           n_frames;
  guint           tick;
  gulong          before_paint, after_paint;
} Import;

static void
import_free (Import *import)
{
  g_clear_object (&import->library);
  g_clear_object (&import->file);
  g_clear_object (&import->reimport);
  g_free (import->id);
  g_free (import->title);
  g_free (import->encoding);
  g_free (import->date_format);
  g_strfreev (import->columns);
  uc_library_roles_clear (&import->roles);
  g_mutex_clear (&import->lock);
  g_free (import);
}

static void start_next (UcWindow *self);

/* With UNDERCUT_IMPORT_TIMINGS set, the longest frame and the longest
 * stall of the main loop while a file is read are printed when it ends:
 * what the import benchmark reads. */
static void
on_before_paint (GdkFrameClock *clock,
                 Import        *import)
{
  import->frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock,
                Import        *import)
{
  if (import->frame_start)
    import->longest_frame = MAX (import->longest_frame, g_get_monotonic_time () - import->frame_start);
  import->n_frames++;
}

static gboolean
on_tick (gpointer data)
{
  Import *import = data;
  gint64 now = g_get_monotonic_time ();

  import->longest_stall = MAX (import->longest_stall, now - import->last_tick - 4000);
  import->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
watch_frames (Import   *import,
              UcWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  import->started = g_get_monotonic_time ();
  if (g_getenv ("UNDERCUT_IMPORT_TIMINGS") == NULL || clock == NULL)
    return;
  import->before_paint = g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), import);
  import->after_paint = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), import);
  import->last_tick = import->started;
  import->tick = g_timeout_add (4, on_tick, import);
}

static void
report_frames (Import   *import,
               UcWindow *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (import->tick == 0)
    return;
  g_clear_handle_id (&import->tick, g_source_remove);
  if (clock)
    {
      g_clear_signal_handler (&import->before_paint, clock);
      g_clear_signal_handler (&import->after_paint, clock);
    }
  g_print ("undercut: import read in %.0f ms; %u frames, longest %.1f ms; main loop late by at most %.1f ms\n",
           (g_get_monotonic_time () - import->started) / 1000.0, import->n_frames, import->longest_frame / 1000.0,
           import->longest_stall / 1000.0);
}

static gboolean
show_progress (gpointer data)
{
  Import *import = data;
  double fraction;

  g_mutex_lock (&import->lock);
  fraction = import->fraction;
  import->progress_idle = 0;
  g_mutex_unlock (&import->lock);
  if (import->window && import->window->importing)
    gtk_progress_bar_set_fraction (import->window->import_progress, fraction);
  return G_SOURCE_REMOVE;
}

/* On the worker: at most one update waits for the main loop at a time. */
static void
on_read_progress (double   fraction,
                  gpointer data)
{
  Import *import = data;

  g_mutex_lock (&import->lock);
  import->fraction = fraction;
  if (import->progress_idle == 0)
    import->progress_idle = g_idle_add (show_progress, import);
  g_mutex_unlock (&import->lock);
}

/* The reader's threads (this one and those it starts, which inherit its
 * nice value) give way to the window's: with every core reading, the main
 * thread waited for its turn in the middle of a frame, and a frame of 7 ms
 * of work took 18 to 24 ms. A nice value is a thread's own on Linux, so
 * this thread is the import's alone and ends with it (a pool thread would
 * keep the value for other work: it cannot be lowered back). */
static void
give_way (void)
{
#ifdef __linux__
  if (setpriority (PRIO_PROCESS, 0, 10) != 0)
    g_debug ("import priority: %s", g_strerror (errno));
#endif
}

static gpointer
import_thread (gpointer data)
{
  g_autoptr(GTask) task = data;
  Import *import = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;
  UcLibraryEntry *entry;

  give_way ();
  if (import->reimport)
    entry = uc_library_prepare_reimport (import->library, import->reimport, on_read_progress, import, cancellable,
                                         &error);
  else
    entry = uc_library_prepare (import->library, import->file, import->id, import->mode, import->title,
                                &import->options, &import->roles, on_read_progress, import, cancellable, &error);
  if (entry)
    g_task_return_pointer (task, entry, g_object_unref);
  else
    g_task_return_error (task, error);
  return NULL;
}

static void
end_import (UcWindow *self)
{
  g_clear_object (&self->importing);
  g_clear_object (&self->import_dialog);
  gtk_revealer_set_reveal_child (self->import_bar, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->import_bar), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

/* A failed import: said in its dialog, shown again, or in a toast. */
static void
import_failed (UcWindow     *self,
               const char   *name,
               const GError *error)
{
  if (self->import_dialog)
    {
      uc_import_dialog_show_error (self->import_dialog, error);
      gtk_widget_set_visible (GTK_WIDGET (self->import_dialog), TRUE);
      g_clear_object (&self->import_dialog);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not import %s: %s"), name, error->message);

      _uc_window_toast (self, message);
    }
}

/* A file read again: in place of its entry (the sidebar's view and the
 * catalog's source follow the library, and the views showing it are
 * loaded again with the new data), or said with the file and line. */
static void
reimport_done (UcWindow       *self,
               Import         *import,
               UcLibraryEntry *entry,
               GError         *error)
{
  g_autofree char *message = NULL;
  g_autoptr(GError) local = NULL;
  const char *title = uc_library_entry_get_title (import->reimport);

  if (entry && !uc_library_commit_reimport (import->library, entry, &local))
    error = local;
  else if (entry)
    {
      message = g_strdup_printf (_("“%s” read again"), uc_library_entry_get_title (entry));
      _uc_window_toast (self, message);
      /* A built-in view showing the entry's series beside its own reads
       * them again (the entry's own view is replaced in the sidebar, and
       * shown again by that). */
      if (self->view && uc_library_view_entry_id (uc_view_get_id (self->view)) == NULL &&
          _uc_window_view_has_added (self, uc_view_get_id (self->view), uc_library_entry_get_id (entry)))
        _uc_window_reshow (self);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    message = g_strdup_printf (_("“%s” not read again: cancelled"), title);
  else
    message = g_strdup_printf (_("Could not read “%s” again: %s"), title, error->message);
  _uc_window_toast (self, message);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UcWindow) self = user_data;
  Import *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(UcLibraryEntry) entry = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *name = g_file_get_basename (import->file);

  g_mutex_lock (&import->lock);
  g_clear_handle_id (&import->progress_idle, g_source_remove);
  import->window = NULL;
  g_mutex_unlock (&import->lock);
  report_frames (import, self);
  /* Cancelled as the read ended: what it wrote goes, nothing is added. */
  if (entry && g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    {
      if (import->reimport)
        uc_library_discard_reimport (import->library, entry);
      else
        uc_library_discard (import->library, entry);
      g_clear_object (&entry);
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
    }
  if (import->reimport)
    {
      reimport_done (self, import, entry, error);
      end_import (self);
      start_next (self);
      return;
    }
  /* A downloaded file is credited to its address, not to the local copy. */
  if (entry && g_object_get_data (G_OBJECT (import->file), "uc-import-origin"))
    uc_library_entry_set_origin (entry, g_object_get_data (G_OBJECT (import->file), "uc-import-origin"),
                                 g_object_get_data (G_OBJECT (import->file), "uc-import-downloaded"));
  if (entry && !uc_library_commit (import->library, entry, &error))
    {
      uc_library_discard (import->library, entry);
      g_clear_object (&entry);
    }
  if (entry)
    {
      g_autofree char *view_id = uc_library_view_id (uc_library_entry_get_id (entry));
      g_autoptr(GError) shown = NULL;

      if (self->import_dialog)
        gtk_window_destroy (GTK_WINDOW (self->import_dialog));
      if (!uc_window_show_view (self, view_id, &shown))
        _uc_window_toast (self, shown->message);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    import_failed (self, name, error);
  else if (self->import_dialog)
    gtk_widget_set_visible (GTK_WIDGET (self->import_dialog), TRUE);
  end_import (self);
  start_next (self);
}

/* Starts @import (owned from now) on a worker, the window's bar showing
 * @label, how far it got and Cancel. */
static void
run_import (UcWindow   *self,
            Import     *import,
            const char *label)
{
  g_autoptr(GTask) task = NULL;

  import->window = self;
  self->importing = g_cancellable_new ();
  gtk_label_set_text (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_bar), TRUE);
  gtk_revealer_set_reveal_child (self->import_bar, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", TRUE);
  watch_frames (import, self);
  task = g_task_new (NULL, self->importing, on_import_done, g_object_ref (self));
  /* The entry made comes back even when cancelled, for its copy to go. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, import, (GDestroyNotify) import_free);
  g_thread_unref (g_thread_new ("uc-import", import_thread, g_steal_pointer (&task)));   /* it owns the task */
}

/* Reads @file into the library on a worker, the window's bar showing how
 * far it got; @dialog (or NULL) waits hidden, to come back on an error. */
static void
begin_import (UcWindow             *self,
              GFile                *file,
              const char           *title,
              UcLibraryMode         mode,
              const UcCsvOptions   *options,
              const UcLibraryRoles *roles,
              UcImportDialog       *dialog)
{
  Import *import = g_new0 (Import, 1);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Importing %s…"), name);

  g_mutex_init (&import->lock);
  import->library = g_object_ref (self->library);
  import->file = g_object_ref (file);
  import->id = uc_library_make_id (self->library, path ? path : "data");
  import->title = g_strdup (title);
  import->mode = mode;
  uc_csv_options_init (&import->options);
  if (options)
    {
      import->options = *options;
      import->options.encoding = import->encoding = g_strdup (options->encoding);
      import->options.date_format = import->date_format = g_strdup (options->date_format);
      import->options.columns = (const char * const *) (import->columns = g_strdupv ((char **) options->columns));
    }
  if (roles)
    uc_library_roles_copy (&import->roles, roles);
  g_set_object (&self->import_dialog, dialog);
  if (dialog)
    gtk_widget_set_visible (GTK_WIDGET (dialog), FALSE);
  run_import (self, import, label);
}

/* Reads the file again on a worker, with the bar and its Cancel as for an
 * import; nothing is touched before it is read whole. */
static void
begin_reimport (UcWindow       *self,
                UcLibraryEntry *entry,
                GFile          *file)
{
  Import *import = g_new0 (Import, 1);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Reading %s again…"), name);

  g_mutex_init (&import->lock);
  import->library = g_object_ref (self->library);
  import->file = g_object_ref (file);
  import->reimport = g_object_ref (entry);
  import->id = g_strdup (uc_library_entry_get_id (entry));
  uc_csv_options_init (&import->options);
  run_import (self, import, label);
}

static void
on_dialog_import (UcImportDialog *dialog,
                  UcWindow       *self)
{
  UcLibraryRoles roles = { 0 };
  UcCsvOptions options;

  if (self->importing)
    return;
  uc_import_dialog_get_options (dialog, &options);
  roles.time = (char *) uc_import_dialog_get_time_column (dialog);
  roles.values = (char **) uc_import_dialog_get_value_columns (dialog);
  roles.group = (char *) uc_import_dialog_get_group_column (dialog);
  roles.label = (char *) uc_import_dialog_get_label_column (dialog);
  roles.format = uc_import_dialog_get_value_format (dialog);
  begin_import (self, uc_import_dialog_get_file (dialog), uc_import_dialog_get_title (dialog),
                uc_import_dialog_get_copy (dialog) ? UC_LIBRARY_COPY : UC_LIBRARY_REFERENCE, &options, &roles,
                dialog);
}

/* The next file waiting, in the import dialog; the queue goes on when
 * it is imported or closed. */
static void
on_dialog_destroyed (UcWindow *self)
{
  self->dialog_open = FALSE;
  if (self->importing == NULL)
    start_next (self);
}

static gboolean
start_next_idle (gpointer data)
{
  g_autoptr(UcWindow) self = data;

  start_next (self);
  return G_SOURCE_REMOVE;
}

/* After the window is raised as it is presented, not under it. */
static void
on_mapped (UcWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_mapped, self);
  g_timeout_add (100, start_next_idle, g_object_ref (self));
}

static void
start_next (UcWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *title = NULL;
  UcImportDialog *dialog;

  if (self->importing || self->dialog_open || g_queue_is_empty (&self->pending_files))
    return;
  /* Files given at start wait for the window: the dialog goes over it. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      g_signal_handlers_disconnect_by_func (self, on_mapped, self);
      g_signal_connect (self, "map", G_CALLBACK (on_mapped), self);
      return;
    }
  file = g_queue_pop_head (&self->pending_files);
  if (g_object_get_data (G_OBJECT (file), "uc-reimport"))
    {
      UcLibraryEntry *entry = uc_library_find (self->library, g_object_get_data (G_OBJECT (file), "uc-reimport"));

      /* Removed while it waited: nothing to read. */
      if (entry)
        begin_reimport (self, entry, file);
      else
        start_next (self);
      return;
    }
  title = g_object_steal_data (G_OBJECT (file), "uc-import-title");
  dialog = uc_import_dialog_new (GTK_WINDOW (self), file, title);
  self->dialog_open = TRUE;
  g_signal_connect_object (dialog, "import", G_CALLBACK (on_dialog_import), self, 0);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_dialog_destroyed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
queue_file (UcWindow   *self,
            GFile      *file,
            const char *title)
{
  GFile *queued = g_object_ref (file);

  if (title)
    g_object_set_data_full (G_OBJECT (queued), "uc-import-title", g_strdup (title), g_free);
  g_queue_push_tail (&self->pending_files, queued);
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  /* The fetcher's own reference, taken in download(), goes with it. */
  g_autoptr(UcFetcher) fetcher = UC_FETCHER (source);
  g_autoptr(UcWindow) self = g_object_ref (g_object_get_data (G_OBJECT (source), "window"));
  g_autofree char *url = g_strdup (g_object_get_data (G_OBJECT (source), "url"));
  /* Said without the user name and password the address may carry. */
  g_autofree char *shown = uc_library_clean_url (url);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcFetchResult) fetched = uc_fetcher_get_finish (UC_FETCHER (source), result, &error);
  g_autofree char *dir = uc_paste_default_dir ();
  g_autofree char *base = NULL, *name = NULL, *path = NULL;
  g_autoptr(GFile) file = NULL;
  gsize size = 0;
  const char *data;

  if (fetched == NULL || fetched->body == NULL)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_printf (message, _("Could not download %s: %s"), shown ? shown : "",
                       error ? error->message : _("no data"));
      /* The fetcher's message may quote the address as given. */
      g_string_replace (message, url, shown ? shown : "", 0);
      _uc_window_toast (self, message->str);
      return;
    }
  /* Kept beside the pasted tables, named as the address names it. */
  {
    g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
    const char *upath = uri ? g_uri_get_path (uri) : NULL;

    base = upath && *upath && !g_str_has_suffix (upath, "/") ? g_path_get_basename (upath) : g_strdup ("download.csv");
    g_strcanon (base, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.", '-');
  }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

    name = g_strdup_printf ("downloaded-%s-%s", stamp, base);
  }
  path = g_build_filename (dir, name, NULL);
  data = g_bytes_get_data (fetched->body, &size);
  if (g_mkdir_with_parents (dir, 0700) != 0 || !uc_safe_file_set_contents (path, NULL, data ? data : "", size, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep %s: %s"), shown ? shown : "",
                                                  error ? error->message : g_strerror (errno));

      _uc_window_toast (self, message);
      return;
    }
  file = g_file_new_for_path (path);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    g_object_set_data_full (G_OBJECT (file), "uc-import-origin", g_steal_pointer (&url), g_free);
    g_object_set_data_full (G_OBJECT (file), "uc-import-downloaded", g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ"),
                            g_free);
  }
  queue_file (self, file, base);
  start_next (self);
}

/* An address given instead of a file: fetched (HTTPS, or plain HTTP
 * since the user chose it), kept as a file, then imported like one. */
static void
download (UcWindow   *self,
          const char *url)
{
  UcFetcher *fetcher = uc_fetcher_new (DOWNLOAD_TIMEOUT_S);
  g_autofree char *shown = uc_library_clean_url (url);
  g_autofree char *message = g_strdup_printf (_("Downloading %s…"), shown ? shown : "");

  uc_fetcher_set_allow_http (fetcher, TRUE);
  g_object_set_data_full (G_OBJECT (fetcher), "url", g_strdup (url), g_free);
  g_object_set_data_full (G_OBJECT (fetcher), "window", g_object_ref (self), g_object_unref);
  _uc_window_toast (self, message);
  uc_fetcher_get_async (fetcher, url, NULL, NULL, MAX_DOWNLOAD, NULL, on_downloaded, NULL);
}

/* Entry @id's file read again, after the imports waiting, on a worker
 * (see begin_reimport()). */
void
_uc_window_queue_reimport (UcWindow   *self,
                           const char *id)
{
  UcLibraryEntry *entry = uc_library_find (self->library, id);
  const char *path;
  GFile *file;

  if (entry == NULL)
    return;
  path = uc_library_entry_get_mode (entry) == UC_LIBRARY_COPY && uc_library_entry_get_original (entry)
         ? uc_library_entry_get_original (entry) : uc_library_entry_get_path (entry);
  file = g_file_new_for_path (path);
  g_object_set_data_full (G_OBJECT (file), "uc-reimport", g_strdup (id), g_free);
  g_queue_push_tail (&self->pending_files, file);
  start_next (self);
}

/* Opens @files for import, one after the other, each in the import
 * dialog: the command line's and the file manager's files, and drops;
 * an http(s) address is downloaded first. A .json file is a saved view,
 * shown (uc-window-state.c). */
void
uc_window_open_files (UcWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_return_if_fail (UC_IS_WINDOW (self));
  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *uri = NULL;

      if (_uc_window_open_state_file (self, files[i]))
        continue;
      if (path == NULL)
        {
          g_autofree char *message = NULL;

          uri = g_file_get_uri (files[i]);
          if (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://"))
            {
              download (self, uri);
              continue;
            }
          message = g_strdup_printf (_("Could not open %s: only files on this computer and web addresses can be imported"), uri);
          _uc_window_toast (self, message);
          continue;
        }
      queue_file (self, files[i], NULL);
    }
  start_next (self);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  UcWindow        *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      uc_window_open_files (self, (GFile **) list->pdata, list->len);
    }
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->open_chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *first_type,
            ...)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  va_list args;

  gtk_file_filter_set_name (filter, name);
  va_start (args, first_type);
  for (const char *type = first_type; type; type = va_arg (args, const char *))
    if (type[0] == '*')
      gtk_file_filter_add_pattern (filter, type);
    else
      gtk_file_filter_add_mime_type (filter, type);
  va_end (args);
  gtk_file_chooser_add_filter (chooser, filter);
}

/* win.open (Ctrl+O): one or more CSV files, each then in the import
 * dialog, or a view saved by Save View. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  GtkFileChooser *chooser;

  if (self->open_chooser)
    return;
  self->open_chooser = gtk_file_chooser_native_new (_("Open Tables or Saved Views"), GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->open_chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->open_chooser), TRUE);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  add_filter (chooser, _("Tables and saved views"), "text/csv", "text/tab-separated-values", "text/plain",
              "*.csv", "*.tsv", "*.txt", "*.json", "*.CSV", "*.TSV", "*.TXT", "*.JSON", NULL);
  add_filter (chooser, _("CSV files"), "text/csv", "*.csv", "*.CSV", NULL);
  add_filter (chooser, _("TSV files"), "text/tab-separated-values", "*.tsv", "*.TSV", NULL);
  add_filter (chooser, _("Saved views (JSON)"), "*.json", "*.JSON", NULL);
  add_filter (chooser, _("All files"), "*", NULL);
  g_signal_connect (self->open_chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->open_chooser));
}

/* win.cancel-import: the read stops; nothing is added. */
static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (self->importing)
    g_cancellable_cancel (self->importing);
}

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(UcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;

  if (text == NULL || *text == '\0')
    {
      _uc_window_toast (self, _("The clipboard holds no table to paste"));
      return;
    }
  if (_uc_window_open_link (self, text))
    return;
  dir = uc_paste_default_dir ();
  file = uc_paste_save (text, dir, &error);
  if (file == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not keep the pasted table: %s"), error->message);

      _uc_window_toast (self, message);
      return;
    }
  queue_file (self, file, _("Pasted data"));
  start_next (self);
}

/* win.paste-data (Ctrl+V): a table copied from a spreadsheet or a web
 * page, kept as a file and imported like one; or a view's link (Copy
 * View Link), opened. In a text entry, Ctrl+V
 * pastes there as it always does. */
static void
paste_data_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  if (focus && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus)))
    {
      gtk_widget_activate_action (focus, "clipboard.paste", NULL);
      return;
    }
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_clipboard_text, g_object_ref (self));
}

/* Files dropped on the window, from the file manager. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         UcWindow      *self)
{
  GSList *files;
  g_autoptr(GPtrArray) list = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    g_ptr_array_add (list, l->data);
  uc_window_open_files (self, (GFile **) list->pdata, list->len);
  return list->len > 0;
}

/* Whether a file is being read (imported, or read again). */
gboolean
uc_window_get_importing (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  return self->importing != NULL;
}

void
_uc_window_init_import (UcWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_queue_init (&self->pending_files);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", FALSE);
}

void
_uc_window_dispose_import (UcWindow *self)
{
  if (self->open_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->open_chooser));
  g_clear_object (&self->open_chooser);
  if (self->importing)
    g_cancellable_cancel (self->importing);
  g_clear_object (&self->importing);
  g_clear_object (&self->import_dialog);
  g_queue_clear_full (&self->pending_files, g_object_unref);
}

void
_uc_window_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.paste-data", NULL, paste_data_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
}
