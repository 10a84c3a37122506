/* uc-window-refresh.c: the refresh of the sources, in the window
 *
 * Part of UcWindow (see uc-window-private.h). The application's refresher
 * (uc-refresher.c) runs the refresh, off this thread where it parses; the
 * window shows it: the header's Refresh button turns into a spinner that
 * cancels, and a bar under the header bar says which source is asked, n
 * of m, with a Cancel button. When it ends, toasts name the sources that
 * kept their old data and why, or say how many brought new rows. The new
 * rows reach the charts through the catalog (uc-window.c loads the view
 * shown again). The Sources page opens from here.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-feed-text.h"
#include "uc-sources-dialog.h"

static void
on_toast_dismissed (UcWindow *self,
                    AdwToast *toast)
{
  if (self->refresh_toast == toast)
    g_clear_object (&self->refresh_toast);
}

/* What a refresh has to say, @text, in a toast with a button to the
 * Sources page; wrapped, as a source's failure can be long. One toast for
 * the refreshes: the last one's, still shown or waiting its turn, says the
 * new text, rather than a queue of toasts saying what is no longer so. */
static void
toast_refresh (UcWindow   *self,
               const char *text)
{
  AdwToast *toast;
  GtkWidget *label;

  if (self->refresh_toast)
    {
      gtk_label_set_text (GTK_LABEL (adw_toast_get_custom_title (self->refresh_toast)), text);
      return;
    }
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Its natural width is its text on one line: it wraps only when the
   * toast, as wide as the window, is narrower. */
  gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_NONE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  toast = adw_toast_new ("");
  adw_toast_set_custom_title (toast, label);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Sources"));
  adw_toast_set_action_name (toast, "win.show-sources");
  self->refresh_toast = g_object_ref (toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_toast_dismissed), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_progress (UcWindow *self)
{
  gboolean running = uc_refresher_get_running (self->refresher);
  UcFeed *current = uc_refresher_get_current (self->refresher);
  guint done = uc_refresher_get_done (self->refresher), total = uc_refresher_get_total (self->refresher);
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->refresh_stack, running ? "running" : "idle");
  gtk_spinner_set_spinning (self->refresh_spinner, running);
  gtk_revealer_set_reveal_child (self->refresh_bar, running);
  if (!running)
    return;
  if (current)
    /* Translators: the source being asked for new data, which of how many */
    text = g_strdup_printf (_("Refreshing %s (%u of %u)…"), uc_feed_get_publisher (current), MIN (done + 1, total),
                            total);
  gtk_label_set_text (self->refresh_label, text ? text : _("Refreshing…"));
  gtk_progress_bar_set_fraction (self->refresh_progress, total ? (double) done / total : 0);
}

static void
on_feed_finished (UcWindow    *self,
                  UcFeed      *feed,
                  gboolean     ok,
                  gboolean     updated,
                  UcRefresher *refresher)
{
  /* A source wanting a key says so on the Sources page, not in a toast
   * at every refresh. */
  if (uc_feed_get_state (feed) == UC_FEED_REFUSED)
    g_ptr_array_add (self->refused, g_object_ref (feed));
}

/* The source refused and why ("models.dev: the server answered HTTP 503;
 * showing data of 2 December"), or the sources refused, named (the
 * Sources page says why); NULL when none was. */
static char *
refused_text (UcWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) names = g_string_new (NULL);

  if (self->refused->len == 0)
    return NULL;
  if (self->refused->len == 1)
    return uc_feed_text_refused (g_ptr_array_index (self->refused, 0), now);
  for (guint i = 0; i < self->refused->len; i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", uc_feed_get_publisher (g_ptr_array_index (self->refused, i)));
  /* Translators: how many sources failed, and their names */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source could not be refreshed (%s); its last good data are shown",
                                       "%u sources could not be refreshed (%s); their last good data are shown",
                                       self->refused->len),
                          self->refused->len, names->str);
}

/* The refresh ended: how many sources brought new rows, which could not
 * be refreshed, whether it was cancelled, in one toast. */
static void
on_finished (UcWindow    *self,
             guint        updated,
             gboolean     cancelled,
             UcRefresher *refresher)
{
  g_autofree char *refused = refused_text (self);
  g_autofree char *news = NULL;
  g_autofree char *text = NULL;

  if (updated > 0)
    news = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Data refreshed: %u source updated",
                                         "Data refreshed: %u sources updated", updated), updated);
  else if (cancelled)
    news = g_strdup (_("Refresh cancelled"));
  else if (refused == NULL)
    news = g_strdup (_("No new data: the sources have nothing newer"));
  if (news && refused)
    /* Translators: what a refresh could not do, then what it brought */
    text = g_strdup_printf (C_("refresh toast", "%s. %s"), refused, news);
  toast_refresh (self, text ? text : news ? news : refused);
  g_ptr_array_set_size (self->refused, 0);
}

/* The application's refresher, whose runs the window shows (and whose
 * sources the Sources page lists). */
void
uc_window_set_refresher (UcWindow    *self,
                         UcRefresher *refresher)
{
  g_return_if_fail (UC_IS_WINDOW (self));
  g_return_if_fail (UC_IS_REFRESHER (refresher));
  if (self->refresher)
    g_signal_handlers_disconnect_by_data (self->refresher, self);
  g_set_object (&self->refresher, refresher);
  if (self->refused == NULL)
    self->refused = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_object (refresher, "notify::running", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (refresher, "notify::current", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (refresher, "notify::done", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (refresher, "feed-finished", G_CALLBACK (on_feed_finished), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (refresher, "finished", G_CALLBACK (on_finished), self, G_CONNECT_SWAPPED);
  update_progress (self);
  if (uc_refresher_get_load_error (refresher))
    {
      /* Translators: why the user's list of sources was left out */
      g_autofree char *text = g_strdup_printf (_("Your sources could not be read: %s; the built-in sources are used"),
                                               uc_refresher_get_load_error (refresher));

      toast_refresh (self, text);
    }
}

/* win.show-sources: the Sources page, one for the window. */
void
_uc_window_show_sources (UcWindow *self)
{
  if (self->refresher == NULL)
    return;
  if (self->sources_dialog == NULL)
    {
      self->sources_dialog = GTK_WINDOW (uc_sources_dialog_new (GTK_WINDOW (self), self->refresher, self->settings));
      g_object_add_weak_pointer (G_OBJECT (self->sources_dialog), (gpointer *) &self->sources_dialog);
    }
  gtk_window_present (self->sources_dialog);
}

void
_uc_window_dispose_refresh (UcWindow *self)
{
  if (self->sources_dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->sources_dialog), (gpointer *) &self->sources_dialog);
      gtk_window_destroy (self->sources_dialog);
      self->sources_dialog = NULL;
    }
  g_clear_object (&self->refresher);
  g_clear_pointer (&self->refused, g_ptr_array_unref);
  if (self->refresh_toast)
    g_signal_handlers_disconnect_by_data (self->refresh_toast, self);
  g_clear_object (&self->refresh_toast);
}
