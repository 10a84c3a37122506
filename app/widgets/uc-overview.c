/* uc-overview.c: the whole time span in a thin strip, with the shown days
 * marked; dragging the mark moves every chart
 *
 * The strip is drawn by uc-overview-strip.c (render/); this widget feeds it
 * its size and the shared time range, and turns drags into new ranges.
 */
#include "config.h"

#include "uc-overview.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "uc-chart-theme.h"
#include "uc-overview-strip.h"
#include "uc-platform.h"

#define HEIGHT 48

struct _UcOverview
{
  GtkWidget    parent_instance;

  UcChartSpec *spec;
  UcTimeRange *range;
  UcTime       drag_from, drag_to;
};

G_DEFINE_FINAL_TYPE (UcOverview, uc_overview, GTK_TYPE_WIDGET)

/* The strip at the widget's size, on the range's bounds and days; FALSE
 * when there is nothing to draw or point at. */
static gboolean
get_strip (UcOverview      *self,
           UcOverviewStrip *strip)
{
  if (self->range == NULL)
    return FALSE;
  strip->width = gtk_widget_get_width (GTK_WIDGET (self));
  strip->height = gtk_widget_get_height (GTK_WIDGET (self));
  uc_time_range_get_bounds (self->range, &strip->lower, &strip->upper);
  uc_time_range_get (self->range, &strip->from, &strip->to);
  return strip->width > 0;
}

/* The strip is drawn into pixels at each snapshot: as a recorded drawing,
 * its thousands of line segments were replayed by the cairo renderer at
 * every frame that showed it (5 ms of a frame that uncovers the window). */
static void
uc_overview_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  UcOverview *self = UC_OVERVIEW (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  double scale = gtk_widget_get_scale_factor (widget);
  g_autoptr(GdkTexture) texture = NULL;
  UcOverviewStrip strip;
  cairo_surface_t *pixels;
  cairo_t *cr;

  if (!get_strip (self, &strip))
    return;
  pixels = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (strip.width * scale),
                                       (int) ceil (strip.height * scale));
  cairo_surface_set_device_scale (pixels, scale, scale);
  cr = cairo_create (pixels);
  uc_overview_strip_draw (cr, &strip, self->spec,
                          adw_style_manager_get_high_contrast (manager) ? uc_chart_theme_high_contrast (dark)
                          : dark ? uc_chart_theme_dark () : uc_chart_theme_light ());
  cairo_destroy (cr);
  uc_platform_append_pixels (widget, snapshot, pixels, &texture,
                             &GRAPHENE_RECT_INIT (0, 0, strip.width, strip.height));
  cairo_surface_destroy (pixels);
}

static void
on_drag_begin (UcOverview     *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  UcOverviewStrip strip;

  if (!get_strip (self, &strip))
    return;
  self->drag_from = strip.from;
  self->drag_to = strip.to;
  /* A press outside the mark moves it there first. */
  if (x < uc_overview_strip_x_for_time (&strip, strip.from) || x > uc_overview_strip_x_for_time (&strip, strip.to))
    {
      UcTime center = uc_overview_strip_time_for_x (&strip, x);
      UcTime half = (self->drag_to - self->drag_from) / 2;

      uc_time_range_set (self->range, center - half, center + half);
      uc_time_range_get (self->range, &self->drag_from, &self->drag_to);
    }
}

static void
on_drag_update (UcOverview     *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  UcOverviewStrip strip;
  UcTime shift;

  if (!get_strip (self, &strip))
    return;
  shift = uc_overview_strip_time_for_x (&strip, dx) - uc_overview_strip_time_for_x (&strip, 0);
  uc_time_range_set (self->range, self->drag_from + shift, self->drag_to + shift);
}

static void
on_changed (UcOverview *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
uc_overview_dispose (GObject *object)
{
  UcOverview *self = UC_OVERVIEW (object);

  uc_overview_set_time_range (self, NULL);
  g_clear_object (&self->spec);
  G_OBJECT_CLASS (uc_overview_parent_class)->dispose (object);
}

static void
uc_overview_class_init (UcOverviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_overview_dispose;
  widget_class->snapshot = uc_overview_snapshot;
  gtk_widget_class_set_css_name (widget_class, "ucoverview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_SCROLLBAR);
}

static void
uc_overview_init (UcOverview *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  gtk_widget_set_size_request (GTK_WIDGET (self), -1, HEIGHT);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("All the days: drag the frame to move every chart"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Time overview"), -1);
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
}

GtkWidget *
uc_overview_new (void)
{
  return g_object_new (UC_TYPE_OVERVIEW, NULL);
}

void
uc_overview_set_spec (UcOverview  *self,
                      UcChartSpec *spec)
{
  g_return_if_fail (UC_IS_OVERVIEW (self));
  g_set_object (&self->spec, spec);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
uc_overview_set_time_range (UcOverview  *self,
                            UcTimeRange *range)
{
  g_return_if_fail (UC_IS_OVERVIEW (self));

  if (self->range == range)
    return;
  if (self->range)
    g_signal_handlers_disconnect_by_func (self->range, on_changed, self);
  g_set_object (&self->range, range);
  if (range)
    g_signal_connect_swapped (range, "changed", G_CALLBACK (on_changed), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
