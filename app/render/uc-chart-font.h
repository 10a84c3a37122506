/* uc-chart-font.h: the size of a chart's text, from the desktop's, and
 * the pango layout all of it is laid out in */
#pragma once

#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* GNOME's own default, for where no desktop says otherwise. */
#define UC_CHART_FONT_DEFAULT_POINTS 11.0
#define UC_CHART_FONT_DEFAULT_DPI    96.0
/* libadwaita's .caption: 9 pt, 82% of GNOME's 11 pt body text (the
 * share stands for it where only a size in pixels is known). */
#define UC_CHART_CAPTION_POINTS      9.0
#define UC_CHART_CAPTION_SHARE       0.82
/* A fixed size for tests and reproducible exports: "14.5" or "14.5px"
 * (pixels) or "11pt" (points at 96 dpi). */
#define UC_CHART_FONT_ENV            "UNDERCUT_CHART_FONT"

double       uc_chart_font_px_for_points (double      points,
                                          double      dpi,
                                          double      scaling);
double       uc_chart_font_px_for_name   (const char *font_name,
                                          double      dpi,
                                          double      scaling);
double       uc_chart_font_caption_px    (double      body_px);
double       uc_chart_font_parse_px      (const char *text);
double       uc_chart_font_env_px        (void);
void         uc_chart_font_set_fixed_px  (double      px);
double       uc_chart_font_desktop_px    (void);
void         uc_chart_font_desktop       (double     *body_px,
                                          double     *caption_px);
PangoLayout *uc_chart_font_layout_new    (cairo_t    *cr) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
