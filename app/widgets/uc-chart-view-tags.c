/* uc-chart-view-tags.c: the crosshair's tags on the axes
 *
 * Part of UcChartView (see uc-chart-view-private.h). The chart pointed at
 * shows the time under the crosshair on its x axis (the day as the axis
 * writes a day) and the value under the pointer on its value axes (as
 * their ticks write values), in boxes of the text's colour that read in
 * light and dark alike. Their text, and the linked charts' values, are
 * laid out in layouts the widget keeps between moves and drawn as text
 * nodes, not pixels of our own.
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-chart-view-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-axis.h"          /* uc_axis_value_tag */
#include "uc-format.h"
#include "uc-json-writer.h"   /* uc_format_double_shortest */

/* Text @index of those kept between moves (the tags', the linked
 * values'), holding @text: set again only when its text changes. */
UcQuickText *
_uc_chart_view_text_layout (UcChartView        *self,
                            const UcChartTheme *theme,
                            guint               index,
                            const char         *text)
{
  UcQuickText *line;

  if (self->tag_layouts == NULL)
    {
      g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (theme->font_family);
      /* The axis labels' size (uc-chart-axes.c), never below the caption's. */
      double px = MAX (uc_chart_view_get_font_px (self) * 0.85, uc_chart_view_get_caption_px (self));

      pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
      g_clear_pointer (&self->tag_font, uc_quick_font_unref);
      self->tag_font = uc_quick_font_new (GTK_WIDGET (self), desc);
      self->tag_layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_quick_text_free);
    }
  while (self->tag_layouts->len <= index)
    g_ptr_array_add (self->tag_layouts, uc_quick_text_new (self->tag_font));
  line = g_ptr_array_index (self->tag_layouts, index);
  uc_quick_text_set_text (line, text);
  return line;
}

/* @text with its ink's top left at (@x, @y): a text node, which
 * renderers draw from their glyph caches, not pixels of our own. */
void
_uc_chart_view_snapshot_text (GtkSnapshot   *snapshot,
                              UcQuickText   *text,
                              const UcColor *color,
                              double         x,
                              double         y)
{
  PangoRectangle extent;

  uc_quick_text_get_extents (text, &extent, NULL);
  uc_quick_text_snapshot (text, snapshot, &(GdkRGBA) { color->red, color->green, color->blue, 1 }, x - extent.x,
                          y - extent.y);
}

/* A tag on an axis: the text in the chart's background colour on a box of
 * its text colour, so it reads in light and dark alike and stands out of
 * the labels it covers. (@x, @y) is its box's top left. */
static void
snapshot_tag (GtkSnapshot        *snapshot,
              const UcChartTheme *theme,
              UcQuickText        *layout,
              double              x,
              double              y)
{
  PangoRectangle extent;
  const UcColor *fg = &theme->foreground;

  uc_quick_text_get_extents (layout, &extent, NULL);
  x = round (x);
  y = round (y);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { fg->red, fg->green, fg->blue, 1 },
                             &GRAPHENE_RECT_INIT (x, y, extent.width + 2 * _UC_CHART_VIEW_TAG_PAD, extent.height + 2));
  _uc_chart_view_snapshot_text (snapshot, layout, &theme->background, x + _UC_CHART_VIEW_TAG_PAD, y + 1);
}

/* What the x axis's tag says: the card's heading (a day, with the time
 * when the point has one, or a period's name), or on a number axis the
 * number as its ticks write it ("+3"). */
static char *
time_tag (UcChartView *self)
{
  if (uc_chart_spec_get_x_kind (self->spec) == UC_X_NUMBER)
    {
      double v = uc_x_to_number (self->cross_time);
      g_autofree char *number = uc_format_double_shortest (fabs (v));

      return g_strconcat (v < 0 ? "−" : v > 0 && uc_chart_spec_get_x_signed (self->spec) ? "+" : "", number, NULL);
    }
  return uc_chart_view_get_crosshair_label (self);
}

/* Whether the pointer is over the plot of a chart with a value axis, as
 * laid out now: a window resized under a still pointer moves the plot
 * away from where the pointer was seen last. */
static gboolean
pointer_on_plot (UcChartView *self)
{
  const UcChartLayout *l = &self->layout;

  return self->pointer_in_plot && uc_chart_spec_get_kind (self->spec) != UC_CHART_LANES &&
         self->pointer_y >= l->y && self->pointer_y <= l->y + l->height;
}

/* What @axis's tag says at the pointer's height: the value there, as
 * its ticks write values; NULL where the axis has none. */
static char *
value_tag (UcChartView         *self,
           const UcChartLayout *axis)
{
  UcValueFormat format = uc_chart_spec_get_value_format (_uc_chart_view_shown_spec (self));
  double v = uc_chart_layout_value_for_y (axis, self->pointer_y);

  return isfinite (v) ? uc_axis_value_tag (v, axis->y_min, axis->y_max, axis->log_scale, format) : NULL;
}

/* What the tags on the axes say (for tests and assistive technologies):
 * the time under the crosshair on the x axis, and the value under the
 * pointer on the (left) value axis, NULL when the pointer is not over the
 * plot. FALSE, and nothing set, when the crosshair is not shown here. */
gboolean
uc_chart_view_get_axis_tags (UcChartView  *self,
                             char        **time,
                             char        **value)
{
  g_return_val_if_fail (UC_IS_CHART_VIEW (self), FALSE);
  if (!self->has_cross || self->spec == NULL || !self->has_layout)
    return FALSE;
  if (time)
    *time = time_tag (self);
  if (value)
    *value = pointer_on_plot (self) ? value_tag (self, &self->layout) : NULL;
  return TRUE;
}

/* A value axis's tag at the pointer's height: the value there, written as
 * that axis's ticks are, beside the plot's edge @edge (on its left side,
 * or its right one with @right). */
static void
snapshot_value_tag (UcChartView         *self,
                    GtkSnapshot         *snapshot,
                    const UcChartTheme  *theme,
                    const UcChartLayout *axis,
                    guint                index,
                    double               edge,
                    gboolean             right)
{
  g_autofree char *text = value_tag (self, axis);
  UcQuickText *layout;
  PangoRectangle extent;

  if (text == NULL)
    return;
  layout = _uc_chart_view_text_layout (self, theme, index, text);
  uc_quick_text_get_extents (layout, &extent, NULL);
  snapshot_tag (snapshot, theme, layout, right ? edge + 2 : edge - 2 - extent.width - 2 * _UC_CHART_VIEW_TAG_PAD,
                self->pointer_y - (extent.height + 2) / 2.0);
}

/* The chart pointed at: the time under the crosshair on the x axis, and
 * the value under the pointer on the value axes, with a faint level line
 * between them. */
void
_uc_chart_view_snapshot_axis_tags (UcChartView        *self,
                                   GtkSnapshot        *snapshot,
                                   const UcChartTheme *theme,
                                   double              x,
                                   int                 width)
{
  const UcChartLayout *l = &self->layout;
  g_autofree char *when = time_tag (self);
  UcQuickText *layout = _uc_chart_view_text_layout (self, theme, 0, when ? when : "");
  PangoRectangle extent;
  double w;

  uc_quick_text_get_extents (layout, &extent, NULL);
  w = extent.width + 2 * _UC_CHART_VIEW_TAG_PAD;
  snapshot_tag (snapshot, theme, layout, CLAMP (x - w / 2, 0, MAX (width - w, 0)), round (l->y + l->height) + 1);

  if (!pointer_on_plot (self))
    return;
  {
    GdkRGBA level = { theme->foreground.red, theme->foreground.green, theme->foreground.blue, 0.25 };

    gtk_snapshot_append_color (snapshot, &level, &GRAPHENE_RECT_INIT (l->x, round (self->pointer_y), l->width, 1));
  }
  snapshot_value_tag (self, snapshot, theme, l, 1, l->x, FALSE);
  if (l->has_y2)
    {
      UcChartLayout right = *l;

      right.y_min = l->y2_min;
      right.y_max = l->y2_max;
      snapshot_value_tag (self, snapshot, theme, &right, 2, l->x + l->width, TRUE);
    }
}
