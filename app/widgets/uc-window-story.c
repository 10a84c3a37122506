/* uc-window-story.c: Test the Story, opened from the main window
 *
 * One story window per main window. Its Open Chart buttons come back here
 * as view links; an event clicked on a chart is studied there
 * (win.study-event).
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-story-window.h"

static gboolean
on_story_link (UcWindow      *self,
               const char    *link,
               UcStoryWindow *story)
{
  if (!_uc_window_open_link (self, link))
    return FALSE;
  gtk_window_present (GTK_WINDOW (self));
  return TRUE;
}

static UcStoryWindow *
story_window (UcWindow *self)
{
  if (self->story_window == NULL)
    {
      self->story_window = uc_story_window_new (GTK_WINDOW (self));
      g_object_add_weak_pointer (G_OBJECT (self->story_window), (gpointer *) &self->story_window);
      g_signal_connect_object (self->story_window, "open-link", G_CALLBACK (on_story_link), self, G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (self->story_window));
  return self->story_window;
}

/* An undercut:story/ link: its page in the story window. */
void
_uc_window_show_story (UcWindow   *self,
                       const char *link)
{
  g_autoptr (GError) error = NULL;

  if (!uc_story_window_open_link (story_window (self), link, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the link: %s"), error->message);

      _uc_window_toast (self, message);
    }
}

/* The story window, for tests; NULL until opened. */
UcStoryWindow *
uc_window_get_story_window (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->story_window;
}

static void
test_story_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  story_window (UC_WINDOW (widget));
}

/* The event last clicked on a chart or in the events table, studied. */
static void
study_event_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (self->selected_event == 0)
    {
      _uc_window_toast (self, _("Click an event on a chart first: its event study opens"));
      return;
    }
  uc_story_window_study_day (story_window (self), self->selected_event / UC_USEC_PER_DAY);
}

void
_uc_window_class_init_story (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.test-story", NULL, test_story_action);
  gtk_widget_class_install_action (widget_class, "win.study-event", NULL, study_event_action);
}

void
_uc_window_dispose_story (UcWindow *self)
{
  if (self->story_window)
    gtk_window_destroy (GTK_WINDOW (self->story_window));
}
