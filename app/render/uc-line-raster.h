/* uc-line-raster.h: antialiased wide polylines written straight into image surfaces
 *
 * A dense chart line is thousands of short segments; cairo 1.16 strokes
 * them at tens of milliseconds a frame. On image surfaces the line is drawn
 * here instead, as the union of round-capped segments (what a round-joined
 * stroke covers), with coverage from each pixel's distance to the line.
 * Other targets (SVG, PDF, recordings) keep cairo's vector stroke.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "uc-chart-theme.h"

G_BEGIN_DECLS

typedef struct
{
  double   x, y;  /* user space */
  gboolean move;  /* starts a new piece: no segment from the point before */
} UcPathPoint;

/* Strokes @points with round joins and caps, clipped to @clip (user
 * space), and returns TRUE; returns FALSE, drawing nothing, when the target
 * is not an image surface drawn through a plain scale. The context's own
 * clip is honoured by its extents only: a caller clipping to anything but
 * a rectangle strokes with cairo instead. */
gboolean uc_line_raster_stroke (cairo_t                 *cr,
                                const cairo_rectangle_t *clip,
                                const UcPathPoint       *points,
                                gsize                    n_points,
                                double                   line_width,
                                const UcColor           *color);

G_END_DECLS
