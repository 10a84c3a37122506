/* uc-chart-view-input.c: the chart widget's pointer, keys and gestures
 *
 * Part of UcChartView (see uc-chart-view-private.h). Scrolling zooms
 * around the pointer (sideways, or with Shift, it moves through time),
 * dragging pans (from an event line too: only a click, a press released
 * within a drag's threshold, opens the event's popover), Shift-drag selects days to zoom into, a pinch zooms, a
 * double click or 0 goes back to the chart's own range, + and - zoom,
 * Home and End go to the ends of the data, Page Up and Down move a month,
 * the arrow keys move the crosshair point by point. Pointing at a legend
 * entry brings its series forward; a click on it hides or shows it.
 * Ctrl+click on a day asks for a new event of the user's there; the days
 * of a Shift-drag are offered for one.
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-chart-view-private.h"

#include <math.h>

/* The next or previous date with data from the crosshair's, in any series. */
static gboolean
step_time (UcChartView *self,
           int          direction,
           UcTime      *found)
{
  gboolean any = FALSE;
  UcTime best = 0;

  for (guint s = 0; self->spec && s < uc_chart_spec_get_n_series (self->spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (self->spec, s);
      const UcTime *x = uc_series_get_x (series);
      int n = (int) uc_series_get_length (series);
      int i = uc_series_find_before (series, self->cross_time);
      int k = direction > 0 ? i + 1 : (i >= 0 && x[i] == self->cross_time ? i - 1 : i);

      if (k < 0 || k >= n)
        continue;
      if (!any || (direction > 0 ? x[k] < best : x[k] > best))
        {
          best = x[k];
          any = TRUE;
        }
    }
  *found = best;
  return any;
}

/* The time at widget x, on the last drawn layout. */
static UcTime
time_at (UcChartView *self,
         double       x)
{
  double f = self->layout.width > 0 ? (x - self->layout.x) / self->layout.width : 0.5;

  return self->layout.from + (UcTime) (CLAMP (f, 0, 1) * (double) (self->layout.to - self->layout.from));
}

static void
zoom (UcChartView *self,
      double       factor,
      UcTime       anchor)
{
  if (self->time_range && self->has_layout)
    uc_time_range_zoom (self->time_range, factor, anchor);
}

/* The series whose legend entry is at (x, y), or -1. */
static int
legend_item_at (UcChartView *self,
                double       x,
                double       y)
{
  for (guint i = 0; self->has_layout && i < self->layout.n_legend_items; i++)
    {
      const double *r = &self->layout.legend_items[i].x;

      if (x >= r[0] && x <= r[0] + r[2] && y >= r[1] && y <= r[1] + r[3])
        return (int) i;
    }
  return -1;
}

/* Over a legend entry: its series comes forward, the others fade. */
static void
highlight_legend (UcChartView *self,
                  double       x,
                  double       y)
{
  int item = legend_item_at (self, x, y);

  if (item != self->draw.highlight)
    {
      self->draw.highlight = item;
      _uc_chart_view_invalidate (self);
    }
}

/* The pointer moved: the legend entry under it comes forward, a lane's
 * dot shows its card, or the crosshair goes to the nearest date with data. */
static void
on_motion (UcChartView *self,
           double       x,
           double       y)
{
  gboolean in_plot = self->has_layout && x >= self->layout.x && x <= self->layout.x + self->layout.width &&
                     y >= self->layout.y && y <= self->layout.y + self->layout.height;
  UcTime t;

  self->pointer_x = x;
  /* The value axis's tag follows the pointer up and down on one day too. */
  if (in_plot != self->pointer_in_plot || (in_plot && y != self->pointer_y))
    {
      self->pointer_in_plot = in_plot;
      self->pointer_y = y;
      if (self->has_cross)
        gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  highlight_legend (self, x, y);
  if (_uc_chart_view_hover_mark (self, x, y))
    return;
  if (!in_plot)
    {
      _uc_chart_view_set_cross (self, FALSE, 0);
      return;
    }
  if (_uc_chart_view_nearest_time (self, time_at (self, x), &t))
    _uc_chart_view_set_cross (self, TRUE, t);
}

static void
on_leave (UcChartView *self)
{
  self->pointer_in_plot = FALSE;
  _uc_chart_view_set_cross (self, FALSE, 0);
  if (self->draw.highlight >= 0)
    {
      self->draw.highlight = -1;
      _uc_chart_view_invalidate (self);
    }
  if (self->hover_mark >= 0)
    {
      self->hover_mark = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_scroll (UcChartView              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean sideways = (state & GDK_SHIFT_MASK) != 0 || fabs (dx) > fabs (dy);

  if (self->time_range == NULL || !self->has_layout || (dx == 0 && dy == 0))
    return FALSE;
  /* Sideways (a touchpad's two fingers, or Shift with the wheel) moves
   * through time, a tenth of the days shown per notch. */
  if (sideways)
    {
      UcTime from, to;

      uc_time_range_get (self->time_range, &from, &to);
      uc_time_range_pan (self->time_range, (UcTime) ((fabs (dx) >= fabs (dy) ? dx : dy) * (double) (to - from) / 10));
      return TRUE;
    }
  /* Down widens, up narrows; one wheel notch is a fifth. */
  zoom (self, pow (1.25, dy), time_at (self, self->pointer_x));
  return TRUE;
}

static void
on_zoom_scale (UcChartView    *self,
               double          scale,
               GtkGestureZoom *gesture)
{
  double cx, cy;

  if (scale <= 0 || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &cx, &cy))
    return;
  /* Relative to the drag start, like a pan: pinching out narrows. */
  if (self->time_range && self->has_layout)
    {
      UcTime anchor = time_at (self, cx);

      uc_time_range_set (self->time_range, self->drag_from, self->drag_to);
      uc_time_range_zoom (self->time_range, 1 / scale, anchor);
    }
}

static void
on_pinch_begin (UcChartView *self)
{
  if (self->time_range)
    uc_time_range_get (self->time_range, &self->drag_from, &self->drag_to);
}

static void
on_drag_begin (UcChartView    *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (self->time_range)
    uc_time_range_get (self->time_range, &self->drag_from, &self->drag_to);
  /* With Shift, a drag selects the days to zoom into. */
  self->selecting = (state & GDK_SHIFT_MASK) != 0 && self->has_layout;
  self->select_x0 = self->select_x1 = x;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (UcChartView    *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  UcTime shift;

  if (self->time_range == NULL || !self->has_layout || self->layout.width <= 0)
    return;
  /* Past a drag's threshold, a press on an event line was a drag, not a click. */
  if (self->click_pending)
    {
      int threshold = 8;

      g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
      if (hypot (dx, dy) >= threshold)
        self->click_pending = FALSE;
    }
  if (self->selecting)
    {
      self->select_x1 = self->select_x0 + dx;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  /* The time under the pointer follows it. */
  shift = (UcTime) (-dx / self->layout.width * (double) (self->drag_to - self->drag_from));
  uc_time_range_set (self->time_range, self->drag_from + shift, self->drag_to + shift);
}

static void
on_drag_end (UcChartView    *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  UcTime a, b;

  if (!self->selecting)
    return;
  self->selecting = FALSE;
  a = time_at (self, MIN (self->select_x0, self->select_x1));
  b = time_at (self, MAX (self->select_x0, self->select_x1));
  /* A few pixels are a slip, not a selection. The days selected can
   * then be marked as an event of the user's (the window offers it). */
  if (fabs (self->select_x1 - self->select_x0) >= 4 && b > a && self->time_range)
    {
      uc_time_range_set (self->time_range, a, b);
      _uc_chart_view_mark_days (self, a, b, FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_pressed (UcChartView     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int item = legend_item_at (self, x, y);

  /* A click on a legend entry switches its series off or on; with Ctrl,
   * shows it alone (or, alone already, every series again). */
  if (item >= 0 && n_press == 1)
    {
      if (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_CONTROL_MASK)
        uc_chart_view_isolate_series (self, (guint) item);
      else
        uc_chart_view_toggle_series (self, (guint) item);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  /* Ctrl+click on the plot: a new event of the user's on that day (on
   * a legend entry, Ctrl keeps isolating its series, above). */
  if (item < 0 && n_press == 1 && self->has_layout &&
      (gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)) & GDK_CONTROL_MASK) &&
      x >= self->layout.x && x <= self->layout.x + self->layout.width && y >= self->layout.y &&
      y <= self->layout.y + self->layout.height)
    {
      UcTime day = time_at (self, x);

      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      _uc_chart_view_mark_days (self, day, day, TRUE);
      return;
    }
  /* An event line's popover waits for the release: a press that moves
   * further than a drag's threshold pans instead. */
  self->click_pending = n_press == 1 && item < 0;
  self->press_x = x;
  self->press_y = y;
  if (n_press == 2 && item < 0)
    uc_chart_view_reset_range (self);
}

static void
on_released (UcChartView     *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  int threshold = 8;

  if (!self->click_pending)
    return;
  self->click_pending = FALSE;
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-dnd-drag-threshold", &threshold, NULL);
  if (hypot (x - self->press_x, y - self->press_y) < threshold)
    _uc_chart_view_click_event (self, self->press_x, self->press_y);
}

/* Page Up (-1) or Down (1): a month of time; on a number axis, what is
 * shown. */
static void
page (UcChartView *self,
      int          direction)
{
  UcTime from, to, page;

  uc_time_range_get (self->time_range, &from, &to);
  page = self->spec && uc_chart_spec_get_x_kind (self->spec) == UC_X_NUMBER ? to - from : 30 * UC_USEC_PER_DAY;
  uc_time_range_pan (self->time_range, direction < 0 ? -page : page);
}

/* Left (-1) or Right (1): the crosshair point by point (shown first in the
 * middle, or from the day another chart points at); the range follows
 * when the crosshair leaves it. The other charts follow it through their
 * link. */
static void
step_crosshair (UcChartView *self,
                int          direction)
{
  UcTime from, to, next;

  uc_time_range_get (self->time_range, &from, &to);
  if (!self->has_cross && !(self->has_linked && _uc_chart_view_nearest_time (self, self->linked_time, &next)))
    {
      if (_uc_chart_view_nearest_time (self, from + (to - from) / 2, &next))
        _uc_chart_view_set_cross (self, TRUE, next);
      _uc_chart_view_describe_card (self);
      return;
    }
  if (!self->has_cross)
    self->cross_time = next;
  if (!step_time (self, direction, &next))
    {
      _uc_chart_view_set_cross (self, TRUE, self->cross_time);
      _uc_chart_view_describe_card (self);
      return;
    }
  if (next < from || next > to)
    uc_time_range_pan (self->time_range, next < from ? next - from - (to - from) / 10 : next - to + (to - from) / 10);
  _uc_chart_view_set_cross (self, TRUE, next);
  _uc_chart_view_describe_card (self);
}

/* What a key asks of the chart (see uc_chart_view_run_command()): the
 * window's chart.* actions and the chart's own keys end here. */
gboolean
uc_chart_view_run_command (UcChartView    *self,
                           UcChartCommand  command)
{
  UcTime from, to, lower, upper, center;

  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  if (self->time_range == NULL)
    return FALSE;
  uc_time_range_get (self->time_range, &from, &to);
  uc_time_range_get_bounds (self->time_range, &lower, &upper);
  center = from + (to - from) / 2;
  switch (command)
    {
    case UC_CHART_ZOOM_IN:
      uc_time_range_zoom (self->time_range, 0.8, center);
      break;
    case UC_CHART_ZOOM_OUT:
      uc_time_range_zoom (self->time_range, 1.25, center);
      break;
    case UC_CHART_RESET_ZOOM:
      uc_chart_view_reset_range (self);
      break;
    case UC_CHART_FIRST_DAY:
      uc_time_range_set (self->time_range, lower, lower + (to - from));
      break;
    case UC_CHART_LAST_DAY:
      uc_time_range_set (self->time_range, upper - (to - from), upper);
      break;
    case UC_CHART_PAGE_BACK:
    case UC_CHART_PAGE_ON:
      page (self, command == UC_CHART_PAGE_BACK ? -1 : 1);
      break;
    case UC_CHART_STEP_BACK:
    case UC_CHART_STEP_ON:
      step_crosshair (self, command == UC_CHART_STEP_ON ? 1 : -1);
      break;
    case UC_CHART_HIDE_CROSSHAIR:
      /* Escape leaves the window's own use of it alone when there is no crosshair. */
      if (!self->has_cross)
        return FALSE;
      _uc_chart_view_set_cross (self, FALSE, 0);
      break;
    default:
      return FALSE;
    }
  return TRUE;
}

/* The command of @keyval without Ctrl or Alt, or -1. */
int
uc_chart_command_for_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add: return UC_CHART_ZOOM_IN;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract: return UC_CHART_ZOOM_OUT;
    case GDK_KEY_0: case GDK_KEY_KP_0: return UC_CHART_RESET_ZOOM;
    case GDK_KEY_Home: return UC_CHART_FIRST_DAY;
    case GDK_KEY_End: return UC_CHART_LAST_DAY;
    case GDK_KEY_Page_Up: return UC_CHART_PAGE_BACK;
    case GDK_KEY_Page_Down: return UC_CHART_PAGE_ON;
    case GDK_KEY_Left: return UC_CHART_STEP_BACK;
    case GDK_KEY_Right: return UC_CHART_STEP_ON;
    case GDK_KEY_Escape: return UC_CHART_HIDE_CROSSHAIR;
    default: return -1;
    }
}

static gboolean
on_key (UcChartView           *self,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        GtkEventControllerKey *controller)
{
  int command = uc_chart_command_for_key (keyval);

  if (command < 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  return uc_chart_view_run_command (self, command);
}

/* The controllers of every kind of input above. */
void
_uc_chart_view_init_input (UcChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (on_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (on_pressed), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (on_zoom_scale), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
