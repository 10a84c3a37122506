/* uc-chart-view.c: a widget that shows one chart specification
 *
 * It draws with the same cairo code as the exporters, through
 * gtk_snapshot_append_cairo, with colours taken from the current style so
 * the chart follows the light or dark system theme.
 */
#include "config.h"

#include "uc-chart-view.h"

#include <adwaita.h>

struct _UcChartView
{
  GtkWidget      parent_instance;

  /* owned */
  UcChartSpec   *spec;

  /* state */
  UcChartLayout  layout;
  guint          draw_count;
  gboolean       has_layout;
};

enum {
  PROP_0,
  PROP_SPEC,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
uc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  UcChartView *self = UC_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  UcChartTheme theme;
  cairo_t *cr;

  if (self->spec == NULL || width <= 0 || height <= 0)
    return;

  resolve_theme (self, &theme);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  uc_chart_draw (cr, self->spec, &theme, width, height, &self->layout);
  cairo_destroy (cr);

  self->has_layout = TRUE;
  self->draw_count++;
}

static void
on_dark_changed (UcChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
uc_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (uc_chart_view_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
uc_chart_view_dispose (GObject *object)
{
  UcChartView *self = UC_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed, self);
  g_clear_object (&self->spec);

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
  widget_class->css_changed = uc_chart_view_css_changed;

  properties[PROP_SPEC] =
    g_param_spec_object ("spec", NULL, NULL, UC_TYPE_CHART_SPEC,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "ucchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
uc_chart_view_init (UcChartView *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 200);
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

gboolean
uc_chart_view_get_layout (UcChartView   *self,
                          UcChartLayout *layout)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);

  if (self->has_layout)
    *layout = self->layout;
  return self->has_layout;
}
