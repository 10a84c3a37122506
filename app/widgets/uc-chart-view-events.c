/* uc-chart-view-events.c: the chart widget's events
 *
 * Part of UcChartView (see uc-chart-view-private.h). A click on an event's
 * marker line opens a popover with the event (title, date, description,
 * its source's address to open or copy, a toast saying so when it cannot
 * be opened, a button to zoom to it) and emits "event-clicked", which the
 * window rebases on. On a lane chart, the dot under the pointer shows a
 * card with its release or event and any other of that day.
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-format.h"
#include "uc-chart-view-private.h"

#include "uc-a11y.h"
#include "uc-platform.h"
#include "uc-range-preset.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

enum {
  EVENT_CLICKED,
  ADD_EVENT,
  DAYS_SELECTED,
  EDIT_EVENT,
  DELETE_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_uc_chart_view_class_init_events (GObjectClass *object_class)
{
  /* The window rebases on the last event clicked. */
  signals[EVENT_CLICKED] = g_signal_new ("event-clicked", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
  /* Ctrl+click on a day (from = to), for a new event of the user's;
   * a Shift-drag's days, which the window offers to mark. */
  signals[ADD_EVENT] = g_signal_new ("add-event", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  signals[DAYS_SELECTED] = g_signal_new ("days-selected", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /* The popover's Edit… and Delete, on the user's own events. */
  signals[EDIT_EVENT] = g_signal_new ("edit-event", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
  signals[DELETE_EVENT] = g_signal_new ("delete-event", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
}

/* The day @t is in (midnight UTC, as the data's dates). */
static UcTime
day_of (UcTime t)
{
  int y, m, d;

  uc_time_to_ymd (t, &y, &m, &d);
  return uc_time_from_ymd (y, m, d);
}

/* The days from @from to @to: for a new event of the user's when @add
 * (Ctrl+click), else selected (Shift-drag), which the window may offer
 * to mark. Only a chart on time has days. */
void
_uc_chart_view_mark_days (UcChartView *self,
                          UcTime       from,
                          UcTime       to,
                          gboolean     add)
{
  if (self->spec == NULL || uc_chart_spec_get_x_kind (self->spec) != UC_X_TIME)
    return;
  g_signal_emit (self, signals[add ? ADD_EVENT : DAYS_SELECTED], 0, (gint64) day_of (from), (gint64) day_of (to));
}

/* "27 Jan 2025", as a person reads it (the tables keep ISO dates,
 * which sort). */
static char *
human_date (UcTime t)
{
  return uc_format_day (t);
}

/* The address of @event's source when it is a web page to offer: on
 * https, or on http for the user's own (theirs to choose). */
static const char *
web_source (UcEvent *event)
{
  const char *url = uc_event_get_source_url (event);

  if (url && (g_str_has_prefix (url, "https://") ||
              (uc_event_get_category (event) == UC_EVENT_USER && g_str_has_prefix (url, "http://"))))
    return url;
  return NULL;
}

/* The event whose marker line is within a few pixels of x, above the
 * plot's bottom: the nearest, of those drawn (the user's events and the
 * categories shown are the shown spec's). */
static UcEvent *
event_at (UcChartView *self,
          double       x,
          double       y)
{
  UcChartSpec *spec = self->spec ? _uc_chart_view_shown_spec (self) : NULL;
  UcEvent *best = NULL;
  double best_d = 5;

  if (spec == NULL || !self->has_layout || uc_chart_spec_get_kind (spec) == UC_CHART_LANES ||
      y > self->layout.y + self->layout.height)
    return NULL;
  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      UcTime t = uc_event_get_time (event);
      double d;

      if (t < self->layout.from || t > self->layout.to)
        continue;
      d = fabs (round (uc_chart_layout_x_for_time (&self->layout, t)) + 0.5 - x);
      if (d < best_d)
        {
          best_d = d;
          best = event;
        }
    }
  return best;
}

/* A toast over the charts, if they are under a toast overlay. */
static void
toast (UcChartView     *self,
       const char      *message,
       guint            timeout,
       AdwToastPriority priority)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t;

  if (overlay == NULL)
    return;
  t = adw_toast_new (escaped);
  adw_toast_set_timeout (t, timeout);
  adw_toast_set_priority (t, priority);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
}

/* Opening failed (no program for web addresses, say): the toast says so,
 * and the address stays in the popover to copy. */
static void
on_source_opened (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UcChartView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!uc_platform_show_uri_finish (result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not open the source: %s. Copy Link copies its address."),
                                                  error->message);

      /* At once, not after a toast shown already. */
      toast (self, message, 8, ADW_TOAST_PRIORITY_HIGH);
    }
}

static void
on_source_clicked (GtkButton   *button,
                   UcChartView *self)
{
  const char *uri = g_object_get_data (G_OBJECT (button), "uc-source-url");

  uc_platform_show_uri_async (GTK_WIDGET (button), uri, NULL, on_source_opened, g_object_ref (self));
}

static void
on_copy_link_clicked (GtkButton   *button,
                      UcChartView *self)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)),
                          g_object_get_data (G_OBJECT (button), "uc-source-url"));
  toast (self, _("Link copied"), 2, ADW_TOAST_PRIORITY_NORMAL);
}

/* Edit… and Delete: the window does them; the popover goes first. */
static void
on_user_event_clicked (GtkButton   *button,
                       UcChartView *self)
{
  g_autoptr(UcEvent) event = g_object_ref (g_object_get_data (G_OBJECT (button), "uc-event"));
  gboolean delete = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "uc-delete"));

  gtk_popover_popdown (GTK_POPOVER (self->event_popover));
  g_signal_emit (self, signals[delete ? DELETE_EVENT : EDIT_EVENT], 0, event);
}

static GtkWidget *
user_event_button (UcChartView *self,
                   UcEvent     *event,
                   const char  *label,
                   const char  *tooltip,
                   gboolean     delete)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "uc-event", g_object_ref (event), g_object_unref);
  g_object_set_data (G_OBJECT (button), "uc-delete", GINT_TO_POINTER (delete));
  g_signal_connect (button, "clicked", G_CALLBACK (on_user_event_clicked), self);
  return button;
}

static void
on_zoom_to_event_clicked (UcChartView *self,
                          GtkButton   *button)
{
  const UcTime *t = g_object_get_data (G_OBJECT (button), "uc-event-time");

  UcTime from, to;

  if (self->time_range && t)
    {
      uc_range_around (*t, &from, &to);
      uc_time_range_set (self->time_range, from, to);
    }
  gtk_popover_popdown (GTK_POPOVER (self->event_popover));
}

/* A label of the popover: left-aligned, wrapped when @wrap. */
static GtkWidget *
popover_label (const char *text,
               gboolean    wrap,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* Zoom to Event, and Open Source for a source on https. */
static GtkWidget *
popover_buttons (UcChartView *self,
                 UcEvent     *event)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *zoom = gtk_button_new_with_mnemonic (_("_Zoom to Event"));
  const char *url = web_source (event);

  /* Two weeks before to a month after, as choosing it in the Events view. */
  gtk_widget_set_tooltip_text (zoom, _("Show every chart from two weeks before to a month after"));
  g_object_set_data_full (G_OBJECT (zoom), "uc-event-time",
                          g_memdup2 (&(UcTime) { uc_event_get_time (event) }, sizeof (UcTime)), g_free);
  g_signal_connect_swapped (zoom, "clicked", G_CALLBACK (on_zoom_to_event_clicked), self);
  gtk_box_append (GTK_BOX (buttons), zoom);
  /* The window's action, the marker clicked being its last event. */
  if (gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_APPLICATION_WINDOW))
    {
      GtkWidget *study = gtk_button_new_with_mnemonic (_("Event _Study"));

      gtk_widget_set_tooltip_text (study, _("How far the companies moved beyond their market around this event"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (study), "win.study-event");
      g_signal_connect_swapped (study, "clicked", G_CALLBACK (gtk_popover_popdown), self->event_popover);
      gtk_box_append (GTK_BOX (buttons), study);
    }
  if (url)
    {
      GtkWidget *link = gtk_button_new_with_mnemonic (_("_Open Source"));
      GtkWidget *copy = gtk_button_new_with_mnemonic (_("_Copy Link"));

      gtk_widget_set_tooltip_text (link, _("Open the source in the web browser"));
      g_object_set_data_full (G_OBJECT (link), "uc-source-url", g_strdup (url), g_free);
      g_signal_connect (link, "clicked", G_CALLBACK (on_source_clicked), self);
      gtk_box_append (GTK_BOX (buttons), link);
      gtk_widget_set_tooltip_text (copy, _("Copy the source’s address"));
      g_object_set_data_full (G_OBJECT (copy), "uc-source-url", g_strdup (url), g_free);
      g_signal_connect (copy, "clicked", G_CALLBACK (on_copy_link_clicked), self);
      gtk_box_append (GTK_BOX (buttons), copy);
    }
  /* The user's own events can be changed or deleted from here. */
  if (uc_event_get_category (event) == UC_EVENT_USER)
    {
      gtk_box_append (GTK_BOX (buttons), user_event_button (self, event, _("_Edit…"), _("Change this event of yours"),
                                                            FALSE));
      gtk_box_append (GTK_BOX (buttons), user_event_button (self, event, _("_Delete"), _("Delete this event of yours"),
                                                            TRUE));
    }
  uc_a11y_fix_names (buttons);
  return buttons;
}

/* A popover by the marker: the event's title, date, description and a
 * link to its source. */
static void
show_event (UcChartView *self,
            UcEvent     *event,
            double       x,
            double       y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *day = human_date (uc_event_get_time (event));
  g_autofree char *last = uc_event_get_end (event) > uc_event_get_time (event) ? human_date (uc_event_get_end (event))
                                                                               : NULL;
  /* A span's both days; the user's events, their own category too. */
  g_autofree char *date = g_strdup_printf ("%s%s%s%s%s", day, last ? " – " : "", last ? last : "",
                                           uc_event_get_tag (event) ? " · " : "",
                                           uc_event_get_tag (event) ? uc_event_get_tag (event) : "");

  if (self->event_popover == NULL)
    {
      self->event_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->event_popover, GTK_WIDGET (self));
    }
  gtk_box_append (GTK_BOX (box), popover_label (uc_event_get_title (event), TRUE, "heading"));
  gtk_box_append (GTK_BOX (box), popover_label (date, FALSE, "dim-label"));
  if (uc_event_get_description (event))
    gtk_box_append (GTK_BOX (box), popover_label (uc_event_get_description (event), TRUE, NULL));
  /* The marker's figure and the source's can differ ($593B and ~$589B):
   * both are shown, and why. */
  if (uc_event_get_label_computed (event))
    {
      g_autofree char *computed = g_strdup_printf (_("On this chart: %s, computed from its own data; reports of "
                                                     "the day may use printed closes or other share counts."),
                                                   uc_event_get_label (event));

      gtk_box_append (GTK_BOX (box), popover_label (computed, TRUE, "dim-label"));
    }
  gtk_box_append (GTK_BOX (box), popover_buttons (self, event));
  /* Under its buttons, the source's address: it can be read, and copied
   * with Copy Link, even where nothing can open it. */
  if (web_source (event))
    {
      GtkWidget *address = popover_label (web_source (event), TRUE, "dim-label");

      gtk_label_set_wrap_mode (GTK_LABEL (address), PANGO_WRAP_CHAR);
      gtk_widget_add_css_class (address, "caption");
      gtk_box_append (GTK_BOX (box), address);
    }
  gtk_popover_set_child (GTK_POPOVER (self->event_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->event_popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->event_popover));
}

/* A click at (x, y): on an event's marker, its popover, and the window
 * told. */
void
_uc_chart_view_click_event (UcChartView *self,
                            double       x,
                            double       y)
{
  UcEvent *event = event_at (self, x, y);

  if (event)
    {
      show_event (self, event, x, y);
      g_signal_emit (self, signals[EVENT_CLICKED], 0, event);
    }
}

/* Lane charts: the nearest dot within reach of (x, y) shows its card.
 * FALSE for charts without lanes. */
gboolean
_uc_chart_view_hover_mark (UcChartView *self,
                           double       x,
                           double       y)
{
  int best = -1;
  double best_d = 8 * 8;

  if (self->spec == NULL || uc_chart_spec_get_kind (self->spec) != UC_CHART_LANES)
    return FALSE;
  for (guint m = 0; self->has_layout && m < self->layout.n_marks; m++)
    {
      double dx = self->layout.marks[m].x - x, dy = self->layout.marks[m].y - y;

      if (dx * dx + dy * dy < best_d)
        {
          best_d = dx * dx + dy * dy;
          best = (int) m;
        }
    }
  if (best != self->hover_mark)
    {
      self->hover_mark = best;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return TRUE;
}

/* @other's part of a lane dot's card: title, date and lane, what is known
 * of it, and its source's site. */
static void
append_event_text (GString *card,
                   UcEvent *other)
{
  g_autofree char *title = g_markup_escape_text (uc_event_get_title (other), -1);
  g_autofree char *date = human_date (uc_event_get_time (other));
  g_autofree char *about = uc_event_get_description (other) ? g_markup_escape_text (uc_event_get_description (other), -1)
                                                            : NULL;
  const char *lane = uc_event_get_lane (other) ? uc_event_get_lane (other) : uc_event_get_tag (other);
  g_autofree char *lane_text = lane ? g_markup_escape_text (lane, -1) : NULL;

  g_string_append_printf (card, "%s<b>%s</b>\n<span alpha=\"70%%\">%s%s%s</span>%s%s",
                          card->len ? "\n\n" : "", title, date, lane ? " · " : "", lane ? lane_text : "",
                          about ? "\n" : "", about ? about : "");
  if (uc_event_get_source_url (other))
    {
      g_autoptr(GUri) uri = g_uri_parse (uc_event_get_source_url (other), G_URI_FLAGS_NONE, NULL);

      if (uri && g_uri_get_host (uri))
        {
          g_autofree char *host = g_markup_escape_text (g_uri_get_host (uri), -1);

          g_string_append_printf (card, _("\n<span alpha=\"70%%\">Source: %s</span>"), host);
        }
    }
}

/* A release's or event's card beside its dot: title, date, what is known of
 * it (organization, openness, size), and any other event of that day. */
void
_uc_chart_view_snapshot_mark_card (UcChartView        *self,
                                   GtkSnapshot        *snapshot,
                                   const UcChartTheme *theme,
                                   int                 width)
{
  const UcChartLayout *l = &self->layout;
  double x = l->marks[self->hover_mark].x, y = l->marks[self->hover_mark].y;
  /* The marks are the drawn spec's events (the user's and the categories
   * shown among them), not the chart's own. */
  UcChartSpec *shown = _uc_chart_view_shown_spec (self);
  UcEvent *event = uc_chart_spec_get_event (shown, l->marks[self->hover_mark].event);
  g_autoptr(GString) card = g_string_new (NULL);
  PangoLayout *layout;
  double cw, ch;

  for (guint i = 0; i < uc_chart_spec_get_n_events (shown); i++)
    {
      UcEvent *other = uc_chart_spec_get_event (shown, i);

      if (other == event || (uc_event_get_time (other) == uc_event_get_time (event) &&
                             g_strcmp0 (uc_event_get_lane (other), uc_event_get_lane (event)) == 0 &&
                             uc_event_get_category (other) == uc_event_get_category (event)))
        append_event_text (card, other);
    }
  layout = _uc_chart_view_card_layout (self, card->str, &cw, &ch);
  _uc_chart_view_snapshot_card (snapshot, theme, layout, x + 14 + cw < width ? x + 14 : x - 14 - cw,
                                MAX (0, y - ch / 2), 0.3);
}
