/* uc-chart-view.c: a widget that shows one chart specification
 *
 * It draws with the same cairo code as the exporters, into an image kept
 * while only the crosshair moves, with colours taken from the current
 * style so the chart follows the light or dark system theme. It shows the
 * stretch of time of a UcTimeRange it shares with the window's other
 * charts (a chart on a number axis is given a range of its own, in its
 * units), with the options the window asks (value mode, log axis, event
 * categories, filter words).
 *
 * This file holds the class, its properties and the drawing; input,
 * the crosshair and the events are in files of their own (see
 * uc-chart-view-private.h).
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-chart-view-private.h"
#include "uc-chart-describe.h"
#include "uc-format.h"
#include "uc-transform.h"

#include <adwaita.h>
#include <math.h>

#include "uc-chart-font.h"
#include "uc-platform.h"

enum {
  PROP_0,
  PROP_SPEC,
  PROP_TIME_RANGE,
  PROP_FONT_PX,
  PROP_CROSSHAIR_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PLOT_INSETS_CHANGED,
  DRAWN,
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
 * from the matching built-in theme, the high-contrast one when the system
 * asks for high contrast. */
static void
resolve_theme (UcChartView  *self,
               UcChartTheme *theme)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  G_GNUC_END_IGNORE_DEPRECATIONS
  AdwStyleManager *manager = adw_style_manager_get_default ();
  gboolean dark = adw_style_manager_get_dark (manager);
  gboolean high_contrast = adw_style_manager_get_high_contrast (manager);
  GdkRGBA color;

  *theme = *(high_contrast ? uc_chart_theme_high_contrast (dark) : dark ? uc_chart_theme_dark () : uc_chart_theme_light ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (gtk_style_context_lookup_color (style, "view_bg_color", &color))
    theme->background = to_uc_color (&color);
  if (gtk_style_context_lookup_color (style, "view_fg_color", &color))
    {
      theme->foreground = to_uc_color (&color);
      color.alpha *= high_contrast ? 0.85 : 0.7;
      theme->muted = to_uc_color (&color);
      color.alpha = high_contrast ? 0.25 : 0.11;
      theme->grid = to_uc_color (&color);
    }
  G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A chart rebased on a day of its own (Hardware & EVs), rebased on
 * another day or shown as change, as the options ask; NULL when it is
 * shown as it is. Rebasing rebased values on a day gives what rebasing
 * the values themselves would; the subtitle, which names the view's own
 * day, gives way to the transform's. */
static UcChartSpec *
rebase_again (UcChartView  *self,
              GError      **error)
{
  UcTime own = uc_chart_spec_get_base (self->spec);
  UcTime base = self->options.base != 0 ? self->options.base : own;
  g_autoptr(UcChartSpec) plain = NULL;

  /* Returns and drawdowns are taken from the values as they are. */
  if (own == 0 || uc_chart_spec_get_value_format (self->spec) != UC_VALUE_INDEX ||
      self->options.value_mode == UC_VALUE_MODE_AS_IS || uc_transform_is_ratio (self->options.transform) ||
      (self->options.value_mode == UC_VALUE_MODE_REBASED && base == own))
    return NULL;
  plain = uc_chart_spec_copy (self->spec);
  uc_chart_spec_set_subtitle (plain, NULL);
  return self->options.value_mode == UC_VALUE_MODE_REBASED ? uc_chart_spec_rebase (plain, base, error)
                                                           : uc_chart_spec_change_since (plain, base, error);
}

/* The spec as the options ask, on the shared range's stretch of time,
 * made again when they change. A move of the range alone only sets the
 * new range on it, which is all uc_chart_options_apply() would change,
 * unless values are based on the first day shown. */
UcChartSpec *
_uc_chart_view_shown_spec (UcChartView *self)
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
      g_autoptr(UcChartSpec) again = rebase_again (self, &error);

      if (error == NULL)
        self->shown = uc_chart_options_apply (&self->options, again ? again : self->spec, &error);
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

static void
clear_pixels (UcChartView *self)
{
  g_clear_object (&self->texture);
  if (self->pixels)
    {
      g_clear_pointer (&self->spare[1], cairo_surface_destroy);
      self->spare[1] = self->spare[0];
      self->spare[0] = g_steal_pointer (&self->pixels);
    }
}

static void
clear_spares (UcChartView *self)
{
  clear_pixels (self);
  g_clear_pointer (&self->spare[0], cairo_surface_destroy);
  g_clear_pointer (&self->spare[1], cairo_surface_destroy);
}

/* A spare surface of @width × @height device pixels nothing else holds
 * (a texture made of it is gone), taken from the spares; NULL when none. */
static cairo_surface_t *
take_spare (UcChartView *self,
            int          width,
            int          height)
{
  for (guint k = 0; k < G_N_ELEMENTS (self->spare); k++)
    {
      cairo_surface_t *s = self->spare[k];

      if (s && cairo_surface_get_reference_count (s) == 1 && cairo_image_surface_get_width (s) == width &&
          cairo_image_surface_get_height (s) == height)
        {
          self->spare[k] = NULL;
          return s;
        }
    }
  return NULL;
}

/* What a screen reader hears of the chart: the chart in words (its
 * days, each line's first and last value and largest fall, its events),
 * told again once a zoom or pan settles rather than on every frame. */
static gboolean
describe_chart (gpointer data)
{
  UcChartView *self = data;
  g_autofree char *text = self->spec ? uc_chart_describe (_uc_chart_view_shown_spec (self)) : g_strdup ("");

  self->describe_id = 0;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  return G_SOURCE_REMOVE;
}

void
_uc_chart_view_describe_later (UcChartView *self)
{
  g_clear_handle_id (&self->describe_id, g_source_remove);
  if (self->spec != NULL)
    self->describe_id = g_timeout_add (300, describe_chart, self);
}

/* While the keyboard walks the crosshair day by day, the description is
 * the card's: the day and each line's value, read out at each step. */
void
_uc_chart_view_describe_card (UcChartView *self)
{
  g_autofree char *markup = uc_chart_view_get_crosshair_card (self);
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->describe_id, g_source_remove);
  if (markup == NULL || !pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    {
      _uc_chart_view_describe_later (self);
      return;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* The chart must be drawn again (data, range, size or colours changed);
 * moving the crosshair alone never gets here. */
void
_uc_chart_view_invalidate (UcChartView *self)
{
  clear_pixels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (!self->has_cross)
    _uc_chart_view_describe_later (self);
}

static void
on_range_changed (UcChartView *self)
{
  self->hover_mark = -1;
  _uc_chart_view_invalidate (self);
}

/* A cairo context on fresh pixels for a texture of @width × @height at
 * @scale; texture_cairo_finish() makes the texture and frees the rest. */
static cairo_t *
texture_cairo_new (int    width,
                   int    height,
                   double scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                                         (int) ceil (height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_surface_destroy (surface);
  return cr;
}

static GdkTexture *
texture_cairo_finish (cairo_t *cr)
{
  GdkTexture *texture = uc_platform_texture_for_surface (cairo_get_target (cr));

  cairo_destroy (cr);
  return texture;
}

/* The chart drawn into memory once, in device pixels, by the same code as
 * the exports (image surfaces get the fast line rasteriser). */
static cairo_surface_t *
draw_surface (UcChartSpec              *spec,
              const UcChartDrawOptions *options,
              const UcChartTheme       *theme,
              int                       width,
              int                       height,
              double                    scale,
              UcChartLayout            *layout,
              cairo_surface_t          *reuse)
{
  cairo_t *cr;
  cairo_surface_t *surface;

  /* A chart paints every pixel of its canvas: what @reuse held goes,
   * unless the background lets it show through. */
  if (reuse)
    {
      cairo_surface_set_device_scale (reuse, scale, scale);
      cr = cairo_create (reuse);
      cairo_surface_destroy (reuse);
      if (theme->background.alpha < 1)
        {
          cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
          cairo_paint (cr);
          cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        }
    }
  else
    cr = texture_cairo_new (width, height, scale);
  surface = cairo_surface_reference (cairo_get_target (cr));
  uc_chart_draw_full (cr, spec, theme, width, height, options, layout);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The same, as a texture. */
GdkTexture *
uc_chart_view_draw_texture (UcChartSpec        *spec,
                            const UcChartDrawOptions *options,
                            const UcChartTheme *theme,
                            int                 width,
                            int                 height,
                            double              scale,
                            UcChartLayout      *layout)
{
  cairo_surface_t *surface = draw_surface (spec, options, theme, width, height, scale, layout, NULL);
  GdkTexture *texture = uc_platform_texture_for_surface (surface);

  cairo_surface_destroy (surface);
  return texture;
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

/* Shift-drag: the days being selected, shaded. */
static void
snapshot_selection (UcChartView        *self,
                    GtkSnapshot        *snapshot,
                    const UcChartTheme *theme)
{
  double x0 = CLAMP (MIN (self->select_x0, self->select_x1), self->layout.x, self->layout.x + self->layout.width);
  double x1 = CLAMP (MAX (self->select_x0, self->select_x1), self->layout.x, self->layout.x + self->layout.width);
  GdkRGBA shade = { theme->foreground.red, theme->foreground.green, theme->foreground.blue, 0.12 };

  gtk_snapshot_append_color (snapshot, &shade, &GRAPHENE_RECT_INIT (x0, self->layout.y, x1 - x0, self->layout.height));
}

/* Says the plot's natural insets changed, if they still differ from
 * what was last said. Not from within a snapshot: a chart drawn earlier
 * in the same frame that is asked to draw again there is not. */
static gboolean
tell_insets (gpointer data)
{
  UcChartView *self = data;

  self->insets_idle = 0;
  if (self->layout.natural_left != self->told_left || self->layout.natural_right != self->told_right)
    {
      self->told_left = self->layout.natural_left;
      self->told_right = self->layout.natural_right;
      g_signal_emit (self, signals[PLOT_INSETS_CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static gboolean
tell_drawn (gpointer data)
{
  UcChartView *self = data;

  self->drawn_idle = 0;
  g_signal_emit (self, signals[DRAWN], 0);
  return G_SOURCE_REMOVE;
}

/* The chart's pixels, drawn again only when invalidated or resized, and
 * over them what moves with the pointer: a lane dot's card, the days being
 * selected, the crosshair. */
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
  if (self->pixels == NULL || self->texture_width != width || self->texture_height != height ||
      self->texture_scale != scale)
    {
      clear_pixels (self);
      self->draw.font_px = uc_chart_view_get_font_px (self);
      self->draw.caption_px = uc_chart_view_get_caption_px (self);
      self->pixels = draw_surface (_uc_chart_view_shown_spec (self), &self->draw, &theme, width, height, scale, &self->layout,
                                   take_spare (self, (int) ceil (width * scale), (int) ceil (height * scale)));
      self->texture_width = width;
      self->texture_height = height;
      self->texture_scale = scale;
      self->has_layout = TRUE;
      self->draw_count++;
      if (self->drawn_idle == 0)
        self->drawn_idle = g_idle_add (tell_drawn, self);
    }
  uc_platform_append_pixels (widget, snapshot, self->pixels, &self->texture, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->hover_mark >= 0 && (guint) self->hover_mark < self->layout.n_marks &&
      uc_chart_spec_get_kind (self->spec) == UC_CHART_LANES)
    _uc_chart_view_snapshot_mark_card (self, snapshot, &theme, width);
  if (self->selecting)
    snapshot_selection (self, snapshot, &theme);
  if (self->has_cross && self->cross_time >= self->layout.from && self->cross_time <= self->layout.to &&
      uc_chart_spec_get_kind (self->spec) != UC_CHART_LANES)
    _uc_chart_view_snapshot_crosshair (self, snapshot, &theme, width);
  else if (self->has_linked && self->linked_time >= self->layout.from && self->linked_time <= self->layout.to)
    _uc_chart_view_snapshot_linked (self, snapshot, &theme);

  /* The charts of a view line up their plots: the window hears what this
   * one needs and gives every chart the widest, once this frame is drawn
   * (a chart above, already drawn in it, is drawn again in the next). */
  if ((self->layout.natural_left != self->told_left || self->layout.natural_right != self->told_right) &&
      self->insets_idle == 0)
    self->insets_idle = g_idle_add (tell_insets, self);
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
  _uc_chart_view_invalidate (self);
}

/* The tags' text follows the chart's size and font, so is laid out anew. */
static void
clear_text (UcChartView *self)
{
  g_clear_pointer (&self->tag_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->tag_font, uc_quick_font_unref);
  g_clear_object (&self->card_layout);
  g_clear_pointer (&self->card_markup, g_free);
  g_clear_pointer (&self->cross_card, _uc_cross_card_free);
}

/* The desktop's font or text scaling changed: every chart takes the new
 * size (they all read the same settings, so a view keeps one size). */
static void
on_text_settings_changed (UcChartView *self)
{
  self->desktop_px = 0;
  clear_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_PX]);
  _uc_chart_view_invalidate (self);
}

static void
uc_chart_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (uc_chart_view_parent_class)->css_changed (widget, change);
  clear_text (UC_CHART_VIEW (widget));
  _uc_chart_view_invalidate (UC_CHART_VIEW (widget));
}

static void
uc_chart_view_dispose (GObject *object)
{
  UcChartView *self = UC_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed, self);
  if (gtk_settings_get_default ())
    g_signal_handlers_disconnect_by_func (gtk_settings_get_default (), on_text_settings_changed, self);
  g_clear_pointer (&self->event_popover, gtk_widget_unparent);
  g_clear_handle_id (&self->insets_idle, g_source_remove);
  g_clear_handle_id (&self->drawn_idle, g_source_remove);
  uc_chart_view_set_time_range (self, NULL);
  uc_chart_view_set_crosshair_link (self, NULL);
  clear_text (self);
  g_clear_object (&self->spec);
  g_clear_pointer (&self->exact_values, g_array_unref);
  self->has_exact = FALSE;
  g_clear_object (&self->shown);
  clear_spares (self);
  uc_chart_options_clear (&self->options);
  /* Last: letting go of the range above asks for a description again. */
  g_clear_handle_id (&self->describe_id, g_source_remove);

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
    case PROP_FONT_PX: g_value_set_double (value, uc_chart_view_get_font_px (self)); break;
    case PROP_CROSSHAIR_LINK: g_value_set_object (value, self->crosshair_link); break;
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
    case PROP_FONT_PX: uc_chart_view_set_font_px (self, g_value_get_double (value)); break;
    case PROP_CROSSHAIR_LINK: uc_chart_view_set_crosshair_link (self, g_value_get_object (value)); break;
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
  /* The chart's text size in pixels: set, or (0) the desktop's body text,
   * which is what reading it gives then. */
  properties[PROP_FONT_PX] =
    g_param_spec_double ("font-px", NULL, NULL, 0, 64, 0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The day pointed at in any chart of the view, shared by them all. */
  properties[PROP_CROSSHAIR_LINK] =
    g_param_spec_object ("crosshair-link", NULL, NULL, UC_TYPE_CROSSHAIR_LINK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The plot's natural insets changed (uc_chart_view_get_natural_insets). */
  signals[PLOT_INSETS_CHANGED] = g_signal_new ("plot-insets-changed", G_TYPE_FROM_CLASS (object_class),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The chart was drawn anew (another stretch, size or spec), after the
   * frame: its layout (uc_chart_view_get_layout()) is the one on screen. */
  signals[DRAWN] = g_signal_new ("drawn", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 0);
  _uc_chart_view_class_init_events (object_class);
  gtk_widget_class_set_css_name (widget_class, "ucchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
uc_chart_view_init (UcChartView *self)
{
  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 200);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  uc_chart_options_init (&self->options);
  /* Each chart of the window takes the options it can. */
  self->options.where_it_fits = TRUE;
  self->draw = (UcChartDrawOptions) UC_CHART_DRAW_OPTIONS_INIT;
  self->draw.flags = UC_CHART_DRAW_INTERACTIVE;
  self->told_left = self->told_right = -1;
  self->hover_mark = -1;

  _uc_chart_view_init_input (self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed), self);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::high-contrast",
                            G_CALLBACK (on_dark_changed), self);
  if (gtk_settings_get_default ())
    {
      g_signal_connect_swapped (gtk_settings_get_default (), "notify::gtk-font-name",
                                G_CALLBACK (on_text_settings_changed), self);
      g_signal_connect_swapped (gtk_settings_get_default (), "notify::gtk-xft-dpi",
                                G_CALLBACK (on_text_settings_changed), self);
    }
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
  g_autofree char *subtitle = NULL;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  g_return_if_fail (spec == NULL || UC_IS_CHART_SPEC (spec));

  if (!g_set_object (&self->spec, spec))
    return;
  g_clear_object (&self->shown);
  clear_pixels (self);
  self->has_exact = FALSE;
  g_clear_pointer (&self->options.event_filter, g_free);
  self->draw.y_min = self->draw.y_max = NAN;
  _uc_chart_view_set_cross (self, FALSE, 0);
  /* A chart now on a number axis no longer marks the day shared. */
  _uc_chart_view_link_changed (self);
  self->hover_mark = -1;

  self->has_layout = FALSE;
  /* A new chart finds its own room again, and says so when drawn. */
  self->told_left = self->told_right = -1;
  self->draw.plot_left = self->draw.plot_right = 0;
  subtitle = spec ? uc_format_subtitle (spec) : NULL;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  spec && uc_chart_spec_get_title (spec) ? uc_chart_spec_get_title (spec) : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  subtitle ? subtitle : "",
                                  -1);
  _uc_chart_view_describe_later (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The same chart over other data: a remote table's frame for the range
 * shown. What the user set on the chart (crosshair, event filter, a held
 * value axis, the plot's insets) stays, unlike with a new spec. */
void
uc_chart_view_set_frame_spec (UcChartView *self,
                              UcChartSpec *spec)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));
  g_return_if_fail (UC_IS_CHART_SPEC (spec));

  if (!g_set_object (&self->spec, spec))
    return;
  g_clear_object (&self->shown);
  clear_pixels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEC]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* How far the plot would stand from the left and right edges on its own
 * (FALSE before the chart is first drawn). */
gboolean
uc_chart_view_get_natural_insets (UcChartView *self,
                                  double      *left,
                                  double      *right)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  *left = self->layout.natural_left;
  *right = self->layout.natural_right;
  return self->has_layout;
}

/* Whether the chart prints its source line: the charts of a view that
 * share one print it once, under the last (as an export of the view
 * does), which leaves the others' footers to their notes. */
void
uc_chart_view_set_show_source (UcChartView *self,
                               gboolean     show)
{
  UcChartDrawFlags flags;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  flags = show ? self->draw.flags & ~UC_CHART_DRAW_NO_SOURCE : self->draw.flags | UC_CHART_DRAW_NO_SOURCE;
  if (flags == self->draw.flags)
    return;
  self->draw.flags = flags;
  clear_pixels (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
uc_chart_view_get_show_source (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  return (self->draw.flags & UC_CHART_DRAW_NO_SOURCE) == 0;
}

/* The plot at least @left and @right from the edges, as its neighbours
 * need, so a date falls at one x in every chart of a view. */
void
uc_chart_view_set_plot_insets (UcChartView *self,
                               double       left,
                               double       right)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (self->draw.plot_left == left && self->draw.plot_right == right)
    return;
  self->draw.plot_left = left;
  self->draw.plot_right = right;
  clear_pixels (self);
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
  _uc_chart_view_invalidate (self);
}

UcCrosshairLink *
uc_chart_view_get_crosshair_link (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), NULL);
  return self->crosshair_link;
}

/* Shares the crosshair's day with the other charts of @link: this chart's
 * crosshair sets it, and their day is marked here. */
void
uc_chart_view_set_crosshair_link (UcChartView     *self,
                                  UcCrosshairLink *link)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));
  g_return_if_fail (link == NULL || UC_IS_CROSSHAIR_LINK (link));

  if (self->crosshair_link == link)
    return;
  if (self->crosshair_link)
    {
      uc_crosshair_link_clear (self->crosshair_link, self);
      g_signal_handlers_disconnect_by_func (self->crosshair_link, _uc_chart_view_link_changed, self);
    }
  g_set_object (&self->crosshair_link, link);
  if (link)
    {
      g_signal_connect_swapped (link, "notify::day", G_CALLBACK (_uc_chart_view_link_changed), self);
      g_signal_connect_swapped (link, "notify::shown", G_CALLBACK (_uc_chart_view_link_changed), self);
    }
  _uc_chart_view_link_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CROSSHAIR_LINK]);
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
  return self->spec ? _uc_chart_view_shown_spec (self) : NULL;
}

/* Whether the values can be shown as they are, rebased or as change:
 * lines, steps and unstacked areas of positive values, not counts, prices
 * per point or lanes. */
gboolean
uc_chart_view_can_transform (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  return self->spec != NULL && uc_chart_spec_can_transform (self->spec);
}

/* Whether the chart's lines can be shown as daily returns, a rolling
 * mean or the drawdown (a mean at least: percentages have no returns). */
gboolean
uc_chart_view_can_take_transform (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  return self->spec != NULL && uc_chart_spec_can_take_transform (self->spec, UC_TRANSFORM_MEAN_7);
}

/* The day a chart rebased by itself is rebased on (it can be rebased on
 * another day, or shown as change, but not as it was), or 0. */
UcTime
uc_chart_view_get_own_base (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), 0);
  if (self->spec == NULL || uc_chart_spec_get_value_format (self->spec) != UC_VALUE_INDEX ||
      uc_chart_spec_get_x_kind (self->spec) != UC_X_TIME)
    return 0;
  return uc_chart_spec_get_base (self->spec);
}

/* How values read (as they are, rebased to 100 or as change since
 * @options' base day, 0 following the first day shown), then transformed
 * (daily returns, a rolling mean, the drawdown), the value axis
 * (log_scale -1: as the chart says), the event categories left out and
 * the events added (the user's own), from options the window fills for
 * all its charts. */
void
uc_chart_view_set_options (UcChartView          *self,
                           const UcChartOptions *options)
{
  UcChartOptions *o = &self->options;

  g_return_if_fail (UC_IS_CHART_VIEW (self));

  gboolean same_added = o->added_events == options->added_events &&
                        g_strcmp0 (o->added_events_name, options->added_events_name) == 0;

  if (o->value_mode == options->value_mode && o->base == options->base && o->log_scale == options->log_scale &&
      o->transform == options->transform && o->hidden_categories == options->hidden_categories && same_added)
    return;
  /* As they are, the base day only moves the crosshair card's change. */
  if (o->value_mode != options->value_mode || options->value_mode != UC_VALUE_MODE_AS_IS ||
      o->log_scale != options->log_scale || o->transform != options->transform ||
      o->hidden_categories != options->hidden_categories || !same_added)
    g_clear_object (&self->shown);
  if (o->hidden_categories != options->hidden_categories || !same_added)
    self->hover_mark = -1;
  g_set_object (&o->added_events, options->added_events);
  if (!same_added)
    {
      g_free (o->added_events_name);
      o->added_events_name = g_strdup (options->added_events_name);
    }
  o->value_mode = options->value_mode;
  o->base = options->base;
  o->log_scale = options->log_scale;
  o->transform = options->transform;
  o->hidden_categories = options->hidden_categories;
  _uc_chart_view_invalidate (self);
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
  options.font_px = uc_chart_view_get_font_px (self);
  options.caption_px = uc_chart_view_get_caption_px (self);
  return options;
}

static void
read_desktop_font (UcChartView *self)
{
  if (self->desktop_px <= 0)
    uc_platform_chart_font (gtk_widget_get_settings (GTK_WIDGET (self)), &self->desktop_px,
                            &self->desktop_caption_px);
}

/* The size of the chart's text in pixels: the one set, or the desktop's
 * (its font and text scaling, uc_platform_chart_font). */
double
uc_chart_view_get_font_px (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), 0);
  if (self->font_px > 0)
    return self->font_px;
  read_desktop_font (self);
  return self->desktop_px;
}

/* The size no text of the chart goes below: the window's caption size
 * (or a share of the size set). */
double
uc_chart_view_get_caption_px (UcChartView *self)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), 0);
  if (self->font_px > 0)
    return uc_chart_font_caption_px (self->font_px);
  read_desktop_font (self);
  return self->desktop_caption_px;
}

/* Text @px pixels tall (0: the desktop's). */
void
uc_chart_view_set_font_px (UcChartView *self,
                           double       px)
{
  g_return_if_fail (UC_IS_CHART_VIEW (self));
  px = MAX (px, 0);
  if (self->font_px == px)
    return;
  self->font_px = px;
  clear_text (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_PX]);
  _uc_chart_view_invalidate (self);
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
  _uc_chart_view_invalidate (self);
}

/* Series @index alone, the others hidden; when it is already the only
 * one shown, every series again (Ctrl-click on a legend entry). */
void
uc_chart_view_isolate_series (UcChartView *self,
                              guint        index)
{
  guint n;
  gboolean alone = TRUE;

  g_return_if_fail (UC_IS_CHART_VIEW (self));
  if (self->spec == NULL || index >= (n = uc_chart_spec_get_n_series (self->spec)))
    return;
  for (guint i = 0; i < n; i++)
    if (uc_series_get_hidden (uc_chart_spec_get_series (self->spec, i)) != (i != index))
      alone = FALSE;
  for (guint i = 0; i < n; i++)
    uc_series_set_hidden (uc_chart_spec_get_series (self->spec, i), !alone && i != index);
  g_clear_object (&self->shown);
  _uc_chart_view_invalidate (self);
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
  _uc_chart_view_invalidate (self);
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
  _uc_chart_view_invalidate (self);
}
