/* uc-image-fill.h: a chart's background written straight into an image
 *
 * Clearing a 1920×1080 frame writes eight megabytes, a fifth of the
 * frame's time; on image surfaces with nothing clipped it is written
 * here, in row bands across cores, to the pixels cairo_paint() gives.
 */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "uc-chart-theme.h"

G_BEGIN_DECLS

void uc_image_fill (cairo_t       *cr,
                    const UcColor *color);

G_END_DECLS
