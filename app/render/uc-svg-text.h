/* uc-svg-text.h: chart text written into an SVG as <text>, not outlines
 *
 * cairo's SVG surface writes every glyph as an outline <symbol>: a chart's
 * words could not be searched, selected, edited or read aloud. While an
 * UcSvgText is attached to a cairo context, the chart's text is not
 * painted there: each layout shown is recorded as <text> elements (one per
 * line, its words placed where pango put them, the font pango chose
 * named), and a marker rectangle is filled in its place, so that cairo
 * writes it where the text falls in the drawing order, inside the same
 * clip and group. Once cairo has written the SVG, uc_svg_text_rewrite()
 * puts each layout's <text> elements where its marker is.
 */
#pragma once

#include <pango/pangocairo.h>

#include "uc-chart-theme.h"

G_BEGIN_DECLS

typedef struct _UcSvgText UcSvgText;

UcSvgText *uc_svg_text_new     (void);
void       uc_svg_text_free    (UcSvgText     *self);

/* From now on, chart text shown on @cr is recorded in @self (which must
 * outlive @cr's drawing). */
void       uc_svg_text_attach  (UcSvgText     *self,
                                cairo_t       *cr);
/* What is attached to @cr; NULL when its text is painted. */
UcSvgText *uc_svg_text_get     (cairo_t       *cr);

/* Records @layout as shown in @color with its top-left corner at (@x, @y)
 * in @cr's user space, and fills its marker; leaves the current point at
 * (@x, @y), as pango_cairo_show_layout() does. */
void       uc_svg_text_show    (UcSvgText     *self,
                                cairo_t       *cr,
                                PangoLayout   *layout,
                                const UcColor *color,
                                double         x,
                                double         y);

/* The document's <title> (what a screen reader names the picture by),
 * written by uc_svg_text_rewrite(); NULL or empty: none. */
void       uc_svg_text_set_title (UcSvgText   *self,
                                  const char  *title);

/* @svg (cairo's document) with each marker replaced by its text; NULL
 * when a marker is not where it was drawn or is not understood (the caller
 * then writes the text as outlines). A marker cairo left out (its text
 * wholly clipped away) leaves its text out too. */
GString   *uc_svg_text_rewrite (UcSvgText     *self,
                                const char    *svg,
                                gsize          length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcSvgText, uc_svg_text_free)

G_END_DECLS
