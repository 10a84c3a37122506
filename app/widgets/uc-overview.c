/* uc-overview.c: the whole time span in a thin strip, with the shown days
 * marked; dragging the mark moves every chart
 *
 * Each series is drawn from its min/max index at one point pair per pixel
 * column, so the strip costs the same for any length of data.
 */
#include "config.h"

#include "uc-overview.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "uc-chart.h"
#include "uc-chart-theme.h"

#define HEIGHT 48

struct _UcOverview
{
  GtkWidget    parent_instance;

  UcChartSpec *spec;
  UcTimeRange *range;
  UcTime       drag_from, drag_to;
};

G_DEFINE_FINAL_TYPE (UcOverview, uc_overview, GTK_TYPE_WIDGET)

static double
x_for (UcOverview *self,
       UcTime      t,
       int         width)
{
  UcTime lower, upper;

  uc_time_range_get_bounds (self->range, &lower, &upper);
  return upper > lower ? (double) (t - lower) / (double) (upper - lower) * width : 0;
}

static void
uc_overview_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  UcOverview *self = UC_OVERVIEW (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const UcChartTheme *theme = dark ? uc_chart_theme_dark () : uc_chart_theme_light ();
  UcTime lower, upper, from, to;
  gboolean log_scale = self->spec && uc_chart_spec_get_log_scale (self->spec);
  double x0, x1;
  cairo_t *cr;

  if (self->range == NULL || width <= 0)
    return;
  uc_time_range_get_bounds (self->range, &lower, &upper);
  uc_time_range_get (self->range, &from, &to);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Each series' lowest and highest value per column, scaled on its own
   * (logarithmically when the chart is: prices falling tenfold). */
  for (guint s = 0; self->spec && s < uc_chart_spec_get_n_series (self->spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (self->spec, s);
      const UcColor *c = uc_chart_theme_series_color (theme, series, s);
      double lo, hi;
      int i = 0, n = (int) uc_series_get_length (series);
      const double *ys = uc_series_get_y (series);
      gboolean pen = FALSE;
      gboolean dots = uc_chart_spec_get_kind (self->spec) == UC_CHART_SCATTER && uc_series_get_kind (series) < 0;

      if (uc_series_get_hidden (series) || !uc_series_get_y_range (series, lower, upper, &lo, &hi) || hi <= lo)
        continue;
      if (log_scale && !(lo > 0))
        continue;
      if (log_scale)
        lo = log10 (lo), hi = log10 (hi);
      cairo_set_source_rgba (cr, c->red, c->green, c->blue, 0.8);
      cairo_set_line_width (cr, 1);
      for (int col = 0; col < width && i < n; col++)
        {
          UcTime edge = lower + (UcTime) ((double) (col + 1) / width * (double) (upper - lower));
          int j = uc_series_find_before (series, edge) + 1;
          gsize argmin, argmax;
          gboolean gap;

          if (j <= i)
            continue;
          if (uc_series_index_range (uc_series_get_index (series), i, j, &argmin, &argmax, &gap))
            {
              double va = log_scale ? log10 (ys[argmin]) : ys[argmin];
              double vb = log_scale ? log10 (ys[argmax]) : ys[argmax];
              double ya = height - 4 - (va - lo) / (hi - lo) * (height - 8);
              double yb = height - 4 - (vb - lo) / (hi - lo) * (height - 8);

              /* Points stay points; lines join their columns. */
              if (dots)
                {
                  cairo_rectangle (cr, col, ya - 1, 2, 2);
                  cairo_rectangle (cr, col, yb - 1, 2, 2);
                }
              else
                {
                  if (pen)
                    cairo_line_to (cr, col + 0.5, ya);
                  else
                    cairo_move_to (cr, col + 0.5, ya);
                  cairo_line_to (cr, col + 0.5, yb);
                  pen = TRUE;
                }
            }
          i = j;
        }
      if (dots)
        cairo_fill (cr);
      else
        cairo_stroke (cr);
    }

  /* A chart of events only (lanes): a dot per event, a row per lane. */
  if (self->spec && uc_chart_spec_get_n_series (self->spec) == 0 && uc_chart_spec_get_n_events (self->spec) > 0)
    {
      guint n = uc_chart_spec_get_n_events (self->spec);
      g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
      g_autofree guint *rows = g_new (guint, n);

      for (guint i = 0; i < n; i++)
        {
          const char *lane = uc_chart_event_lane (uc_chart_spec_get_event (self->spec, i));

          if (!g_ptr_array_find_with_equal_func (lanes, lane, g_str_equal, &rows[i]))
            {
              rows[i] = lanes->len;
              g_ptr_array_add (lanes, (gpointer) lane);
            }
        }
      cairo_set_source_rgba (cr, theme->series[0].red, theme->series[0].green, theme->series[0].blue, 0.8);
      for (guint i = 0; i < n; i++)
        cairo_rectangle (cr, floor (x_for (self, uc_event_get_time (uc_chart_spec_get_event (self->spec, i)), width)) - 1,
                         (rows[i] + 0.5) * height / lanes->len - 1.5, 3, 3);
      cairo_fill (cr);
    }

  /* The days not shown are dimmed; the shown ones framed. */
  x0 = x_for (self, from, width);
  x1 = x_for (self, to, width);
  cairo_set_source_rgba (cr, theme->background.red, theme->background.green, theme->background.blue, 0.7);
  cairo_rectangle (cr, 0, 0, x0, height);
  cairo_rectangle (cr, x1, 0, width - x1, height);
  cairo_fill (cr);
  cairo_set_source_rgba (cr, theme->foreground.red, theme->foreground.green, theme->foreground.blue, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, round (x0) + 0.5, 0.5, MAX (2, round (x1 - x0) - 1), height - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
on_drag_begin (UcOverview     *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  UcTime lower, upper;

  if (self->range == NULL || width <= 0)
    return;
  uc_time_range_get (self->range, &self->drag_from, &self->drag_to);
  uc_time_range_get_bounds (self->range, &lower, &upper);
  /* A press outside the mark moves it there first. */
  if (x < x_for (self, self->drag_from, width) || x > x_for (self, self->drag_to, width))
    {
      UcTime center = lower + (UcTime) (x / width * (double) (upper - lower));
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
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  UcTime lower, upper, shift;

  if (self->range == NULL || width <= 0)
    return;
  uc_time_range_get_bounds (self->range, &lower, &upper);
  shift = (UcTime) (dx / width * (double) (upper - lower));
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
