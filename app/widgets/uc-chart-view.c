/* uc-chart-view.c: a widget that shows one chart specification
 *
 * It draws with the same cairo code as the exporters, through
 * gtk_snapshot_append_cairo, with colours taken from the current style so
 * the chart follows the light or dark system theme. It shows the stretch
 * of time of a UcTimeRange it shares with the window's other charts (a
 * chart on a number axis is given a range of its own, in its units):
 * scrolling zooms around the pointer, dragging pans, a double click or 0
 * goes back to the chart's own range, + and - zoom, Home and End go to the
 * ends of the data.
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-platform.h"

#include "uc-format.h"
#include "uc-json-writer.h"
#include "uc-transform.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

struct _UcChartView
{
  GtkWidget      parent_instance;

  /* owned */
  UcChartSpec   *spec;
  UcTimeRange   *time_range;
  UcChartSpec   *shown;        /* spec as the options ask, made on demand */
  UcChartOptions options;      /* what the window asks (its range: the time range's) */
  UcChartDrawOptions draw;     /* the legend entry pointed at, a value axis held */

  /* state */
  UcChartLayout  layout;
  guint          draw_count;
  gboolean       has_layout;
  double         pointer_x;
  UcTime         drag_from, drag_to;

  /* The drawn chart, kept while only the crosshair moves. */
  GdkTexture    *texture;
  int            texture_width, texture_height;
  double         texture_scale;

  /* The crosshair: at the date with data nearest the pointer or the keys. */
  gboolean       has_cross;
  UcTime         cross_time;

  GtkWidget     *event_popover;
  int            hover_mark;   /* lane charts: the dot under the pointer, or -1 */

  /* Shift-drag: a stretch of time being selected, in widget x. */
  gboolean       selecting;
  double         select_x0, select_x1;
};

enum {
  PROP_0,
  PROP_SPEC,
  PROP_TIME_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EVENT_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UcChartView, uc_chart_view, GTK_TYPE_WIDGET)

static UcColor
to_uc_color (const GdkRGBA *rgba)
{
  return (UcColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

/* Background and text follow the widget's style; the series palette comes
 * from the matching built-in theme. */
static void
resolve_theme (UcChartView  *self,
               UcChartTheme *theme)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  GdkRGBA color;

  *theme = *(dark ? uc_chart_theme_dark () : uc_chart_theme_light ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (style, "view_bg_color", &color))
    theme->background = to_uc_color (&color);
  if (gtk_style_context_lookup_color (style, "view_fg_color", &color))
    {
      theme->foreground = to_uc_color (&color);
      color.alpha *= 0.7;
      theme->muted = to_uc_color (&color);
      color.alpha = 0.11;
      theme->grid = to_uc_color (&color);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* The day values are rebased on: the one set, else the first day shown. */
static UcTime
effective_base (UcChartView *self)
{
  UcTime from, to;

  if (self->options.base != 0)
    return self->options.base;
  if (self->time_range)
    uc_time_range_get (self->time_range, &from, &to);
  else
    uc_chart_spec_get_range (self->spec, &from, &to);
  return from;
}

/* The spec as the options ask, on the shared range's stretch of time,
 * made again when they change. A move of the range alone only sets the
 * new range on it, which is all uc_chart_options_apply() would change,
 * unless values are based on the first day shown. */
static UcChartSpec *
shown_spec (UcChartView *self)
{
  UcTime from, to;

  if (self->time_range)
    {
      uc_time_range_get (self->time_range, &from, &to);
      if (self->shown && (from != self->options.from || to != self->options.to))
        {
          if (self->options.value_mode != UC_VALUE_MODE_AS_IS && self->options.base == 0)
            g_clear_object (&self->shown);
          else
            uc_chart_spec_set_range (self->shown, from, to);
        }
      self->options.has_range = TRUE;
      self->options.from = from;
      self->options.to = to;
    }
  if (self->shown == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->shown = uc_chart_options_apply (&self->options, self->spec, &error);
      /* Only a transform can fail here (a base day with no values): the
       * chart is then shown as it is. */
      if (self->shown == NULL)
        {
          g_debug ("%s", error->message);
          self->shown = uc_chart_spec_copy (self->spec);
          if (self->options.has_range)
            uc_chart_spec_set_range (self->shown, self->options.from, self->options.to);
        }
    }
  return self->shown;
}

/* The chart must be drawn again (data, range, size or colours changed);
 * moving the crosshair alone never gets here. */
static void
invalidate (UcChartView *self)
{
  g_clear_object (&self->texture);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_range_changed (UcChartView *self)
{
  self->hover_mark = -1;
  invalidate (self);
}

/* The date with data nearest @t in any series of the chart. */
static gboolean
nearest_time (UcChartView *self,
              UcTime       t,
              UcTime      *found)
{
  UcChartSpec *spec = self->spec;
  gboolean any = FALSE;
  UcTime best = 0;

  if (spec == NULL)
    return FALSE;
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      const UcTime *x = uc_series_get_x (series);
      int n = (int) uc_series_get_length (series);
      int i = uc_series_find_before (series, t);

      for (int k = MAX (i, 0); k <= MIN (i + 1, n - 1); k++)
        if (x[k] >= self->layout.from && x[k] <= self->layout.to && (!any || llabs (x[k] - t) < llabs (best - t)))
          {
            best = x[k];
            any = TRUE;
          }
    }
  *found = best;
  return any;
}

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

static void
set_cross (UcChartView *self,
           gboolean     shown,
           UcTime       t)
{
  if (self->has_cross == shown && (!shown || self->cross_time == t))
    return;
  self->has_cross = shown;
  self->cross_time = t;
  /* Only the overlay changes: the chart's texture stays. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
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

static void
on_motion (UcChartView *self,
           double       x,
           double       y)
{
  UcTime t;

  self->pointer_x = x;
  /* Over a legend entry: its series comes forward, the others fade. */
  {
    int item = legend_item_at (self, x, y);

    if (item != self->draw.highlight)
      {
        self->draw.highlight = item;
        invalidate (self);
      }
  }
  /* Lane charts: the nearest dot within reach shows its card. */
  if (self->spec && uc_chart_spec_get_kind (self->spec) == UC_CHART_LANES)
    {
      int best = -1;
      double best_d = 8 * 8;

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
      return;
    }
  if (!self->has_layout || x < self->layout.x || x > self->layout.x + self->layout.width ||
      y < self->layout.y || y > self->layout.y + self->layout.height)
    {
      set_cross (self, FALSE, 0);
      return;
    }
  if (nearest_time (self, time_at (self, x), &t))
    set_cross (self, TRUE, t);
}

static void
on_leave (UcChartView *self)
{
  set_cross (self, FALSE, 0);
  if (self->draw.highlight >= 0)
    {
      self->draw.highlight = -1;
      invalidate (self);
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
  /* A few pixels are a slip, not a selection. */
  if (fabs (self->select_x1 - self->select_x0) >= 4 && b > a && self->time_range)
    uc_time_range_set (self->time_range, a, b);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The event whose marker line is within a few pixels of x, above the
 * plot's bottom: the nearest. */
static UcEvent *
event_at (UcChartView *self,
          double       x,
          double       y)
{
  UcChartSpec *spec = self->spec;
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

static void
on_source_clicked (GtkButton *button,
                   const char *uri)
{
  uc_platform_show_uri (GTK_WIDGET (button), uri);
}

/* "27 January 2025", as a person reads it (the tables keep ISO dates,
 * which sort). */
static char *
human_date (UcTime t)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (t / G_USEC_PER_SEC);

  /* Translators: an event's or release's day, see g_date_time_format() */
  return day ? g_date_time_format (day, C_("event date", "%-d %B %Y")) : uc_time_format_date (t);
}

static void
on_zoom_to_event_clicked (UcChartView *self,
                          GtkButton   *button)
{
  const UcTime *t = g_object_get_data (G_OBJECT (button), "uc-event-time");

  if (self->time_range && t)
    uc_time_range_set (self->time_range, *t - 14 * UC_USEC_PER_DAY, *t + 31 * UC_USEC_PER_DAY);
  gtk_popover_popdown (GTK_POPOVER (self->event_popover));
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
  GtkWidget *title = gtk_label_new (uc_event_get_title (event));
  g_autofree char *date = human_date (uc_event_get_time (event));
  GtkWidget *when = gtk_label_new (date);

  if (self->event_popover == NULL)
    {
      self->event_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->event_popover, GTK_WIDGET (self));
    }
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 48);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (when), 0);
  gtk_widget_add_css_class (when, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), when);
  if (uc_event_get_description (event))
    {
      GtkWidget *text = gtk_label_new (uc_event_get_description (event));

      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_box_append (GTK_BOX (box), text);
    }
  {
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *zoom = gtk_button_new_with_mnemonic (_("_Zoom to Event"));

    /* Two weeks before to a month after, as choosing it in the Events view. */
    gtk_widget_set_tooltip_text (zoom, _("Show every chart from two weeks before to a month after"));
    g_object_set_data_full (G_OBJECT (zoom), "uc-event-time",
                            g_memdup2 (&(UcTime) { uc_event_get_time (event) }, sizeof (UcTime)), g_free);
    g_signal_connect_swapped (zoom, "clicked", G_CALLBACK (on_zoom_to_event_clicked), self);
    gtk_box_append (GTK_BOX (buttons), zoom);
    if (uc_event_get_source_url (event) && g_str_has_prefix (uc_event_get_source_url (event), "https://"))
      {
        GtkWidget *link = gtk_button_new_with_label (_("Open Source"));

        gtk_widget_set_tooltip_text (link, uc_event_get_source_url (event));
        g_signal_connect_data (link, "clicked", G_CALLBACK (on_source_clicked),
                               g_strdup (uc_event_get_source_url (event)), (GClosureNotify) (void (*) (void)) g_free, 0);
        gtk_box_append (GTK_BOX (buttons), link);
      }
    gtk_box_append (GTK_BOX (box), buttons);
  }
  gtk_popover_set_child (GTK_POPOVER (self->event_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->event_popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->event_popover));
}

static void
on_pressed (UcChartView     *self,
            int              n_press,
            double           x,
            double           y,
            GtkGestureClick *gesture)
{
  int item = legend_item_at (self, x, y);

  /* A click on a legend entry switches its series off or on. */
  if (item >= 0 && n_press == 1)
    {
      uc_chart_view_toggle_series (self, (guint) item);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      return;
    }
  if (n_press == 2 && item < 0)
    uc_chart_view_reset_range (self);
  else if (n_press == 1 && item < 0)
    {
      UcEvent *event = event_at (self, x, y);

      if (event)
        {
          show_event (self, event, x, y);
          g_signal_emit (self, signals[EVENT_CLICKED], 0, event);
        }
    }
}

static gboolean
on_key (UcChartView           *self,
        guint                  keyval,
        guint                  keycode,
        GdkModifierType        state,
        GtkEventControllerKey *controller)
{
  UcTime from, to, lower, upper, center;

  if (self->time_range == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;
  uc_time_range_get (self->time_range, &from, &to);
  uc_time_range_get_bounds (self->time_range, &lower, &upper);
  center = from + (to - from) / 2;
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
      uc_time_range_zoom (self->time_range, 0.8, center);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      uc_time_range_zoom (self->time_range, 1.25, center);
      return TRUE;
    case GDK_KEY_0: case GDK_KEY_KP_0:
      uc_chart_view_reset_range (self);
      return TRUE;
    case GDK_KEY_Home:
      uc_time_range_set (self->time_range, lower, lower + (to - from));
      return TRUE;
    case GDK_KEY_End:
      uc_time_range_set (self->time_range, upper - (to - from), upper);
      return TRUE;
    case GDK_KEY_Page_Up:
    case GDK_KEY_Page_Down:
      {
        /* A month of time; on a number axis, what is shown. */
        UcTime page = self->spec && uc_chart_spec_get_x_kind (self->spec) == UC_X_NUMBER ? to - from
                                                                                      : 30 * UC_USEC_PER_DAY;

        uc_time_range_pan (self->time_range, keyval == GDK_KEY_Page_Up ? -page : page);
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_Right:
      {
        int direction = keyval == GDK_KEY_Right ? 1 : -1;
        UcTime next;

        /* Point by point; the range follows when the crosshair leaves it. */
        if (!self->has_cross)
          {
            if (nearest_time (self, center, &next))
              set_cross (self, TRUE, next);
            return TRUE;
          }
        if (!step_time (self, direction, &next))
          return TRUE;
        if (next < from || next > to)
          uc_time_range_pan (self->time_range, next < from ? next - from - (to - from) / 10 : next - to + (to - from) / 10);
        set_cross (self, TRUE, next);
        return TRUE;
      }
    default:
      return FALSE;
    }
}

/* A cairo context on fresh pixels for a texture of @width × @height at
 * @scale; texture_cairo_finish() makes the texture and frees the rest. */
static cairo_t *
texture_cairo_new (int    width,
                   int    height,
                   double scale)
{
  int pw = (int) ceil (width * scale), ph = (int) ceil (height * scale);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, pw);
  cairo_surface_t *surface = cairo_image_surface_create_for_data (g_malloc ((gsize) stride * ph),
                                                                  CAIRO_FORMAT_ARGB32, pw, ph, stride);
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return cr;
}

static GdkTexture *
texture_cairo_finish (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_surface_reference (cairo_get_target (cr));
  int stride = cairo_image_surface_get_stride (surface), ph = cairo_image_surface_get_height (surface);
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  bytes = g_bytes_new_take (cairo_image_surface_get_data (surface), (gsize) stride * ph);
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), ph, GDK_MEMORY_DEFAULT, bytes, stride);
  cairo_surface_destroy (surface);
  return texture;
}

/* The chart drawn into memory once, in device pixels, by the same code as
 * the exports (image surfaces get the fast line rasteriser). */
GdkTexture *
uc_chart_view_draw_texture (UcChartSpec        *spec,
                            const UcChartDrawOptions *options,
                            const UcChartTheme *theme,
                            int                 width,
                            int                 height,
                            double              scale,
                            UcChartLayout      *layout)
{
  cairo_t *cr = texture_cairo_new (width, height, scale);

  uc_chart_draw_full (cr, spec, theme, width, height, options, layout);
  return texture_cairo_finish (cr);
}

/* Several charts one under the other, as one image (Copy as Image of a view
 * of several charts). */
GdkTexture *
uc_chart_view_draw_stack_texture (UcChartSpec        **specs,
                                  const UcChartDrawOptions *options,
                                  const int           *heights,
                                  guint                n,
                                  const UcChartTheme  *theme,
                                  int                  width,
                                  double               scale)
{
  int height = 0;
  cairo_t *cr;

  for (guint i = 0; i < n; i++)
    height += heights[i];
  cr = texture_cairo_new (width, height, scale);
  uc_chart_draw_stack (cr, specs, options, heights, n, theme, width);
  return texture_cairo_finish (cr);
}

/* The crosshair card's heading: its day ("Mon 27 Jan 2025"), or on a
 * number axis its unit and number ("day +3", "day −2"); NULL when the
 * crosshair is not shown. */
char *
uc_chart_view_get_crosshair_label (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);

  if (!self->has_cross || self->spec == NULL)
    return NULL;
  if (uc_chart_spec_get_x_kind (self->spec) == UC_X_NUMBER)
    {
      double v = uc_x_to_number (self->cross_time);
      g_autofree char *number = uc_format_double_shortest (fabs (v));
      const char *sign = v < 0 ? "−" : v > 0 && uc_chart_spec_get_x_signed (self->spec) ? "+" : "";
      const char *unit = uc_chart_spec_get_x_unit (self->spec);

      return unit && *unit ? g_strdup_printf ("%s %s%s", unit, sign, number) : g_strdup_printf ("%s%s", sign, number);
    }
  {
    g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (self->cross_time / G_USEC_PER_SEC);

    /* Translators: the crosshair card's date, see g_date_time_format() */
    return date ? g_date_time_format (date, C_("crosshair", "%a %-d %b %Y")) : g_strdup ("");
  }
}

/* The crosshair: a line at the date, a dot on each series, and a card with
 * the date and every series' value there. Two small nodes (the line's
 * column and the card), so a pointer move redraws only them. */
static void
snapshot_crosshair (UcChartView        *self,
                    GtkSnapshot        *snapshot,
                    const UcChartTheme *theme,
                    int                 width)
{
  UcChartSpec *spec = shown_spec (self);
  const UcChartLayout *l = &self->layout;
  double x = round (uc_chart_layout_x_for_time (l, self->cross_time)) + 0.5;
  g_autoptr(GString) card = g_string_new (NULL);
  g_autofree char *heading = uc_chart_view_get_crosshair_label (self);
  g_autofree char *day = g_markup_escape_text (heading ? heading : "", -1);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle extent;
  double cx, cy, pad = 8, cw, ch;
  UcColor line = theme->foreground;
  gboolean any_change = FALSE;
  cairo_t *cr;

  line.alpha = 0.45;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x - 6, l->y - 6, 12, l->height + 12));
  cairo_set_source_rgba (cr, line.red, line.green, line.blue, line.alpha);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, l->y);
  cairo_line_to (cr, x, l->y + l->height);
  cairo_stroke (cr);

  g_string_append_printf (card, "<b>%s</b>", day);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      UcChartLayout sl = uc_chart_layout_for_series (l, series);
      int i = uc_series_find (series, self->cross_time);
      const UcColor *c = uc_chart_theme_series_color (theme, series, s);
      double v;
      g_autofree char *value = NULL;
      g_autofree char *name = NULL;

      if (i < 0 || uc_series_get_hidden (series) || isnan (v = uc_series_get_y (series)[i]))
        continue;
      /* Named points (a model's price): every point of that day, by name. */
      if (uc_series_has_point_labels (series))
        {
          const UcTime *xs = uc_series_get_x (series);
          int first = i, n = (int) uc_series_get_length (series);
          g_autofree char *group = g_markup_escape_text (uc_series_get_label (series), -1);

          while (first > 0 && xs[first - 1] == xs[i])
            first--;
          for (int k = first; k < n && xs[k] == xs[i]; k++)
            {
              const char *point = uc_series_get_point_label (series, (guint) k);
              double pv = uc_series_get_y (series)[k];
              g_autofree char *point_name = point ? g_markup_escape_text (point, -1) : NULL;
              g_autofree char *point_value = NULL;

              if (isnan (pv))
                continue;
              point_value = uc_format_value (pv, uc_chart_spec_get_value_format (spec));
              cairo_set_source_rgba (cr, c->red, c->green, c->blue, 1);
              cairo_arc (cr, x, CLAMP (uc_chart_layout_y_for_value (&sl, pv), l->y, l->y + l->height), 3.5, 0, 2 * G_PI);
              cairo_fill (cr);
              g_string_append_printf (card, "\n<span foreground=\"#%02x%02x%02x\">●</span> %s%s%s  <b>%s</b>",
                                      (int) (c->red * 255), (int) (c->green * 255), (int) (c->blue * 255),
                                      point_name ? point_name : "", point_name ? " · " : "", group, point_value);
            }
          continue;
        }
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 1);
      cairo_arc (cr, x, CLAMP (uc_chart_layout_y_for_value (&sl, v), l->y, l->y + l->height), 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
      value = uc_format_value (v, uc_chart_spec_get_value_format (spec));
      name = g_markup_escape_text (uc_series_get_label (series), -1);
      g_string_append_printf (card, "\n<span foreground=\"#%02x%02x%02x\">●</span> %s  <b>%s</b>",
                              (int) (c->red * 255), (int) (c->green * 255), (int) (c->blue * 255), name, value);
      /* And how far it moved since the base day (the rebase date, or the
       * first day shown), for values as they are. */
      if (self->options.value_mode == UC_VALUE_MODE_AS_IS && uc_chart_view_can_transform (self))
        {
          UcTime base = effective_base (self);
          double then;

          if (uc_series_value_on_or_before (series, base, &then) && then > 0 && self->cross_time > base)
            {
              g_autofree char *pct = uc_format_value (100 * (v / then - 1), UC_VALUE_PERCENT);

              g_string_append_printf (card, "  <span alpha=\"70%%\">%s%s</span>", v >= then ? "+" : "", pct);
              any_change = TRUE;
            }
        }
    }
  cairo_destroy (cr);
  /* What the percentages are measured from. */
  if (any_change)
    {
      g_autoptr(GDateTime) base = g_date_time_new_from_unix_utc (effective_base (self) / G_USEC_PER_SEC);
      /* Translators: the day the crosshair card's changes start from, see g_date_time_format() */
      g_autofree char *since = base ? g_date_time_format (base, C_("crosshair", "%-d %b %Y")) : g_strdup ("");
      g_autofree char *note = g_strdup_printf (_("Change since %s"), since);
      g_autofree char *escaped = g_markup_escape_text (note, -1);

      g_string_append_printf (card, "\n<span alpha=\"70%%\" size=\"small\">%s</span>", escaped);
    }

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, card->str, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extent);
  cw = extent.width + 2 * pad;
  ch = extent.height + 2 * pad;
  /* Beside the line, on the side with room. */
  cx = x + 12 + cw < width ? x + 12 : x - 12 - cw;
  cy = l->y + 8;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (cx - 1, cy - 1, cw + 2, ch + 2));
  cairo_set_source_rgba (cr, theme->background.red, theme->background.green, theme->background.blue, 1);
  cairo_rectangle (cr, cx + 0.5, cy + 0.5, cw, ch);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, line.red, line.green, line.blue, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, theme->foreground.red, theme->foreground.green, theme->foreground.blue, 1);
  cairo_move_to (cr, cx + pad, cy + pad);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
}

/* A release's or event's card beside its dot: title, date, what is known of
 * it (organization, openness, size), and any other event of that day. */
static void
snapshot_mark_card (UcChartView        *self,
                    GtkSnapshot        *snapshot,
                    const UcChartTheme *theme,
                    int                 width)
{
  const UcChartLayout *l = &self->layout;
  double x = l->marks[self->hover_mark].x, y = l->marks[self->hover_mark].y;
  UcEvent *event = uc_chart_spec_get_event (self->spec, l->marks[self->hover_mark].event);
  g_autoptr(GString) card = g_string_new (NULL);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle extent;
  double cx, cy, cw, ch, pad = 8;
  cairo_t *cr;

  for (guint i = 0; i < uc_chart_spec_get_n_events (self->spec); i++)
    {
      UcEvent *other = uc_chart_spec_get_event (self->spec, i);
      g_autofree char *title = NULL, *date = NULL, *about = NULL;

      if (other != event && (uc_event_get_time (other) != uc_event_get_time (event) ||
                             g_strcmp0 (uc_event_get_lane (other), uc_event_get_lane (event)) != 0 ||
                             uc_event_get_category (other) != uc_event_get_category (event)))
        continue;
      title = g_markup_escape_text (uc_event_get_title (other), -1);
      date = human_date (uc_event_get_time (other));
      about = uc_event_get_description (other) ? g_markup_escape_text (uc_event_get_description (other), -1) : NULL;
      g_string_append_printf (card, "%s<b>%s</b>\n<span alpha=\"70%%\">%s%s%s</span>%s%s",
                              card->len ? "\n\n" : "", title, date,
                              uc_event_get_lane (other) ? " · " : "", uc_event_get_lane (other) ? uc_event_get_lane (other) : "",
                              about ? "\n" : "", about ? about : "");
      /* Where it comes from: the source's site. */
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

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, card->str, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extent);
  cw = extent.width + 2 * pad;
  ch = extent.height + 2 * pad;
  cx = x + 14 + cw < width ? x + 14 : x - 14 - cw;
  cy = MAX (0, y - ch / 2);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (cx - 1, cy - 1, cw + 2, ch + 2));
  cairo_set_source_rgba (cr, theme->background.red, theme->background.green, theme->background.blue, 1);
  cairo_rectangle (cr, cx + 0.5, cy + 0.5, cw, ch);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, theme->foreground.red, theme->foreground.green, theme->foreground.blue, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, theme->foreground.red, theme->foreground.green, theme->foreground.blue, 1);
  cairo_move_to (cr, cx + pad, cy + pad);
  pango_cairo_show_layout (cr, layout);
  cairo_destroy (cr);
}

static void
uc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  UcChartView *self = UC_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double scale = gtk_widget_get_scale_factor (widget);
  UcChartTheme theme;

  if (self->spec == NULL || width <= 0 || height <= 0)
    return;

  resolve_theme (self, &theme);
  if (self->texture == NULL || self->texture_width != width || self->texture_height != height ||
      self->texture_scale != scale)
    {
      g_clear_object (&self->texture);
      self->texture = uc_chart_view_draw_texture (shown_spec (self), &self->draw, &theme, width, height, scale, &self->layout);
      self->texture_width = width;
      self->texture_height = height;
      self->texture_scale = scale;
      self->has_layout = TRUE;
      self->draw_count++;
    }
  gtk_snapshot_append_texture (snapshot, self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->hover_mark >= 0 && (guint) self->hover_mark < self->layout.n_marks &&
      uc_chart_spec_get_kind (self->spec) == UC_CHART_LANES)
    snapshot_mark_card (self, snapshot, &theme, width);
  if (self->hover_mark >= 0 && (guint) self->hover_mark < self->layout.n_marks &&
      uc_chart_spec_get_kind (self->spec) == UC_CHART_LANES)
    snapshot_mark_card (self, snapshot, &theme, width);
  if (self->selecting)
    {
      double x0 = CLAMP (MIN (self->select_x0, self->select_x1), self->layout.x, self->layout.x + self->layout.width);
      double x1 = CLAMP (MAX (self->select_x0, self->select_x1), self->layout.x, self->layout.x + self->layout.width);
      GdkRGBA shade = { theme.foreground.red, theme.foreground.green, theme.foreground.blue, 0.12 };

      gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x0, self->layout.y, x1 - x0, self->layout.height));
    }
  if (self->has_cross && self->cross_time >= self->layout.from && self->cross_time <= self->layout.to &&
      uc_chart_spec_get_kind (self->spec) != UC_CHART_LANES)
    snapshot_crosshair (self, snapshot, &theme, width);
}

static void
uc_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  UcChartView *self = UC_CHART_VIEW (widget);

  if (self->event_popover)
    gtk_popover_present (GTK_POPOVER (self->event_popover));
}

static void
on_dark_changed (UcChartView *self)
{
  invalidate (self);
}

static void
uc_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (uc_chart_view_parent_class)->css_changed (widget, change);
  invalidate (UC_CHART_VIEW (widget));
}

static void
uc_chart_view_dispose (GObject *object)
{
  UcChartView *self = UC_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed, self);
  g_clear_pointer (&self->event_popover, gtk_widget_unparent);
  uc_chart_view_set_time_range (self, NULL);
  g_clear_object (&self->spec);
  g_clear_object (&self->shown);
  g_clear_object (&self->texture);
  uc_chart_options_clear (&self->options);

  G_OBJECT_CLASS (uc_chart_view_parent_class)->dispose (object);
}

static void
uc_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UcChartView *self = UC_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SPEC: g_value_set_object (value, self->spec); break;
    case PROP_TIME_RANGE: g_value_set_object (value, self->time_range); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UcChartView *self = UC_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_SPEC: uc_chart_view_set_spec (self, g_value_get_object (value)); break;
    case PROP_TIME_RANGE: uc_chart_view_set_time_range (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_chart_view_class_init (UcChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_chart_view_dispose;
  object_class->get_property = uc_chart_view_get_property;
  object_class->set_property = uc_chart_view_set_property;

  widget_class->snapshot = uc_chart_view_snapshot;
  widget_class->size_allocate = uc_chart_view_size_allocate;
  widget_class->css_changed = uc_chart_view_css_changed;

  properties[PROP_SPEC] =
    g_param_spec_object ("spec", NULL, NULL, UC_TYPE_CHART_SPEC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME_RANGE] =
    g_param_spec_object ("time-range", NULL, NULL, UC_TYPE_TIME_RANGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The window rebases on the last event clicked. */
  signals[EVENT_CLICKED] = g_signal_new ("event-clicked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
  gtk_widget_class_set_css_name (widget_class, "ucchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
uc_chart_view_init (UcChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 200);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  uc_chart_options_init (&self->options);
  /* Each chart of the window takes the options it can. */
  self->options.where_it_fits = TRUE;
  self->draw = (UcChartDrawOptions) UC_CHART_DRAW_OPTIONS_INIT;
  self->hover_mark = -1;

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
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (on_zoom_scale), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
uc_chart_view_new (void)
{
  return g_object_new (UC_TYPE_CHART_VIEW, NULL);
}

UcChartSpec *
uc_chart_view_get_spec (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  return self->spec;
}

void
uc_chart_view_set_spec (UcChartView *self,
                        UcChartSpec *spec)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));
  g_return_if_fail (spec == NULL || UC_IS_CHART_SPEC (spec));

  if (!g_set_object (&self->spec, spec))
    return;
  g_clear_object (&self->shown);
  g_clear_object (&self->texture);
  g_clear_pointer (&self->options.event_filter, g_free);
  self->draw.y_min = self->draw.y_max = NAN;
  self->has_cross = FALSE;
  self->hover_mark = -1;

  self->has_layout = FALSE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spec && uc_chart_spec_get_title (spec) ? uc_chart_spec_get_title (spec) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  spec && uc_chart_spec_get_subtitle (spec) ? uc_chart_spec_get_subtitle (spec) : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
uc_chart_view_get_draw_count (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), 0);
  return self->draw_count;
}

/* Where the crosshair is, when it is shown. */
gboolean
uc_chart_view_get_crosshair (UcChartView *self,
                             UcTime      *t)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  if (self->has_cross && t)
    *t = self->cross_time;
  return self->has_cross;
}

gboolean
uc_chart_view_get_layout (UcChartView   *self,
                          UcChartLayout *layout)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);

  if (self->has_layout)
    *layout = self->layout;
  return self->has_layout;
}

UcTimeRange *
uc_chart_view_get_time_range (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  return self->time_range;
}

/* Shows @range's stretch of time, and moves it on zoom and pan. */
void
uc_chart_view_set_time_range (UcChartView *self,
                              UcTimeRange *range)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));
  g_return_if_fail (range == NULL || UC_IS_TIME_RANGE (range));

  if (self->time_range == range)
    return;
  if (self->time_range)
    g_signal_handlers_disconnect_by_func (self->time_range, on_range_changed, self);
  g_set_object (&self->time_range, range);
  if (range)
    g_signal_connect_swapped (range, "changed", G_CALLBACK (on_range_changed), self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_RANGE]);
  invalidate (self);
}

/* Back to the chart's own stretch of time. */
void
uc_chart_view_reset_range (UcChartView *self)
{
  UcTime from, to;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (self->time_range == NULL || self->spec == NULL)
    return;
  uc_chart_spec_get_range (self->spec, &from, &to);
  uc_time_range_set (self->time_range, from, to);
}

/* What the widget shows: its spec on the shared stretch of time. */
UcChartSpec *
uc_chart_view_get_shown_spec (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  return self->spec ? shown_spec (self) : NULL;
}

/* Puts the crosshair at the date with data nearest @t (FALSE: hides it),
 * as the pointer would. */
void
uc_chart_view_set_crosshair (UcChartView *self,
                             gboolean     shown,
                             UcTime       t)
{
  UcTime found;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (shown && nearest_time (self, t, &found))
    set_cross (self, TRUE, found);
  else
    set_cross (self, FALSE, 0);
}

/* Whether the values can be shown rebased or as change: lines, steps and
 * unstacked areas of positive values, not counts, prices per point or lanes. */
gboolean
uc_chart_view_can_transform (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  return self->spec != NULL && uc_chart_spec_can_transform (self->spec);
}

/* How values read (as they are, rebased to 100 or as change since
 * @options' base day, 0 following the first day shown), the value axis
 * (log_scale -1: as the chart says) and the event categories left out,
 * from options the window fills for all its charts. */
void
uc_chart_view_set_options (UcChartView          *self,
                           const UcChartOptions *options)
{
  UcChartOptions *o = &self->options;

  g_return_if_fail (UC_IS_CHART_VIEW (self));

  if (o->value_mode == options->value_mode && o->base == options->base && o->log_scale == options->log_scale &&
      o->hidden_categories == options->hidden_categories)
    return;
  /* As they are, the base day only moves the crosshair card's change. */
  if (o->value_mode != options->value_mode || options->value_mode != UC_VALUE_MODE_AS_IS ||
      o->log_scale != options->log_scale || o->hidden_categories != options->hidden_categories)
    g_clear_object (&self->shown);
  if (o->hidden_categories != options->hidden_categories)
    self->hover_mark = -1;
  o->value_mode = options->value_mode;
  o->base = options->base;
  o->log_scale = options->log_scale;
  o->hidden_categories = options->hidden_categories;
  invalidate (self);
}

/* What an export of the chart draws as shown: its value axis where the
 * reader holds it, without the passing emphasis of a legend entry. */
UcChartDrawOptions
uc_chart_view_get_export_options (UcChartView *self)
{
  UcChartDrawOptions options = UC_CHART_DRAW_OPTIONS_INIT;

  g_return_val_if_fail (UC_IS_CHART_VIEW (self), options);
  options.y_min = self->draw.y_min;
  options.y_max = self->draw.y_max;
  return options;
}

/* The options the chart is shown with. */
const UcChartOptions *
uc_chart_view_get_options (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  return &self->options;
}

/* Hides series @index, or shows it again; its legend entry stays, faint. */
void
uc_chart_view_toggle_series (UcChartView *self,
                             guint        index)
{
  UcSeries *series;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (self->spec == NULL || index >= uc_chart_spec_get_n_series (self->spec))
    return;
  series = uc_chart_spec_get_series (self->spec, index);
  uc_series_set_hidden (series, !uc_series_get_hidden (series));
  g_clear_object (&self->shown);
  invalidate (self);
}

/* Only events with every word of @filter (case does not matter) in their
 * title, description or lane are shown; NULL or "" shows all. */
void
uc_chart_view_set_event_filter (UcChartView *self,
                                const char  *filter)
{
  g_autofree char *folded = filter && *filter ? g_utf8_casefold (filter, -1) : NULL;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (g_strcmp0 (folded, self->options.event_filter) == 0)
    return;
  g_free (self->options.event_filter);
  self->options.event_filter = g_steal_pointer (&folded);
  self->hover_mark = -1;
  g_clear_object (&self->shown);
  invalidate (self);
}

/* Holds the value axis where it is now (TRUE) or lets it follow the days
 * shown again (FALSE). */
void
uc_chart_view_set_values_fixed (UcChartView *self,
                                gboolean     fixed)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));

  if (fixed && self->has_layout)
    {
      self->draw.y_min = self->layout.y_min;
      self->draw.y_max = self->layout.y_max;
    }
  else
    self->draw.y_min = self->draw.y_max = NAN;
  invalidate (self);
}
