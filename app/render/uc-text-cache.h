/* uc-text-cache.h: laid-out text kept between frames
 *
 * A zoom step moves a chart's text more often than it changes it: the
 * title, legend, axis titles, footer and most tick labels come back with
 * the same words in the same font. Laying them out is most of what text
 * costs a frame, so layouts drawn on image surfaces are kept here, per
 * thread, and found again by their text, font and wrapping.
 */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

typedef struct _UcTextCache UcTextCache;

/* How a text is laid out: its layout's settings, all of them. */
typedef struct
{
  const PangoFontDescription *font;
  const char                 *text;
  int                         width;      /* pango units, -1: none */
  PangoEllipsizeMode          ellipsize;
  int                         height;     /* pango_layout_set_height() */
  int                         max_lines;  /* more lines than this: cut to them with an ellipsis (0: no limit) */
} UcTextKey;

UcTextCache *uc_text_cache_begin (cairo_t         *cr);
PangoLayout *uc_text_cache_get   (UcTextCache     *self,
                                  const UcTextKey *key,
                                  double          *width,
                                  double          *height);

void         uc_text_cache_lay_out (PangoLayout     *layout,
                                    const UcTextKey *key);

G_END_DECLS
