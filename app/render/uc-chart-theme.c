/* uc-chart-theme.c: built-in light and dark chart themes
 *
 * Series colours are Paul Tol's "muted" scheme, which stays distinguishable
 * with the common forms of colour blindness; dashes add a second cue.
 * Its light colours are pale on white (sand, cyan and teal under 3:1), so
 * the high-contrast themes, for the system's high-contrast style, darken
 * (or on black lighten) each hue until it reaches 4.5:1, as text must.
 */
#include "uc-chart-theme.h"

#include <math.h>

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

static const UcChartTheme light = {
  .background = RGB (0xffffff),
  .foreground = RGB (0x1e1e24),
  .muted = RGB (0x5e5c64),
  .grid = { 0, 0, 0, 0.10 },
  .series = {
    RGB (0x332288), RGB (0xcc6677), RGB (0x117733), RGB (0x88ccee), RGB (0x882255),
    RGB (0x44aa99), RGB (0x999933), RGB (0xaa4499), RGB (0xddcc77),
  },
  .events = {
    RGB (0x1c71d8),   /* model release */
    RGB (0xc01c28),   /* market */
    RGB (0x986a44),   /* hardware */
    RGB (0x613583),   /* policy */
    RGB (0x26a269),   /* pricing */
    RGB (0x77767b),   /* other */
    RGB (0xe66100),   /* the user's own */
  },
  .font_family = "Cantarell, DejaVu Sans, Sans",
};

static const UcChartTheme dark = {
  .background = RGB (0x242424),
  .foreground = RGB (0xffffff),
  .muted = RGB (0xc0bfbc),
  .grid = { 1, 1, 1, 0.12 },
  .series = {
    RGB (0x8877ee), RGB (0xee8899), RGB (0x44bb66), RGB (0x88ccee), RGB (0xcc5588),
    RGB (0x44aa99), RGB (0xbbbb44), RGB (0xcc66bb), RGB (0xddcc77),
  },
  .events = {
    RGB (0x62a0ea),
    RGB (0xf66151),
    RGB (0xcdab8f),
    RGB (0xc061cb),
    RGB (0x57e389),
    RGB (0x9a9996),
    RGB (0xffa348),
  },
  .font_family = "Cantarell, DejaVu Sans, Sans",
};

static const UcChartTheme high_contrast_light = {
  .background = RGB (0xffffff),
  .foreground = RGB (0x000000),
  .muted = RGB (0x3d3846),
  .grid = { 0, 0, 0, 0.25 },
  .series = {
    RGB (0x332288), RGB (0xa23a4c), RGB (0x117733), RGB (0x1a6e96), RGB (0x882255),
    RGB (0x1f6f63), RGB (0x626219), RGB (0xaa4499), RGB (0x7a6511),
  },
  .events = {
    RGB (0x1a5fb4), RGB (0xa51d2d), RGB (0x865e3c), RGB (0x613583), RGB (0x1b7a4b), RGB (0x5e5c64), RGB (0xa34700),
  },
  .font_family = "Cantarell, DejaVu Sans, Sans",
};

static const UcChartTheme high_contrast_dark = {
  .background = RGB (0x000000),
  .foreground = RGB (0xffffff),
  .muted = RGB (0xdeddda),
  .grid = { 1, 1, 1, 0.30 },
  .series = {
    RGB (0xa99cff), RGB (0xff9eb0), RGB (0x5fd67f), RGB (0x9fdcff), RGB (0xf07aa8),
    RGB (0x5fd4c0), RGB (0xd9d95a), RGB (0xe88ad8), RGB (0xf0dc8a),
  },
  .events = {
    RGB (0x99c1f1), RGB (0xff7b63), RGB (0xdeddda), RGB (0xdc8add), RGB (0x8ff0a4), RGB (0xc0bfbc), RGB (0xffbe6f),
  },
  .font_family = "Cantarell, DejaVu Sans, Sans",
};

const UcChartTheme *
uc_chart_theme_high_contrast (gboolean on_dark)
{
  return on_dark ? &high_contrast_dark : &high_contrast_light;
}

static double
luminance (const UcColor *c)
{
  double rgb[3] = { c->red, c->green, c->blue }, l[3];

  for (int i = 0; i < 3; i++)
    l[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : pow ((rgb[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

/* WCAG's contrast ratio (1 to 21) of @color, laid over the opaque
 * @background with its alpha, against @background. */
double
uc_color_contrast (const UcColor *color,
                   const UcColor *background)
{
  UcColor over = {
    color->red * color->alpha + background->red * (1 - color->alpha),
    color->green * color->alpha + background->green * (1 - color->alpha),
    color->blue * color->alpha + background->blue * (1 - color->alpha),
    1,
  };
  double a = luminance (&over), b = luminance (background);

  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

const UcChartTheme *
uc_chart_theme_light (void)
{
  return &light;
}

const UcChartTheme *
uc_chart_theme_dark (void)
{
  return &dark;
}

/* The colour of @series, the @index-th of its chart: its own when it has
 * one, else its place's in the palette. */
const UcColor *
uc_chart_theme_series_color (const UcChartTheme *theme,
                             UcSeries           *series,
                             guint               index)
{
  int color = series ? uc_series_get_color (series) : UC_SERIES_COLOR_BY_ORDER;

  if (color == UC_SERIES_COLOR_FOREGROUND)
    return &theme->foreground;
  return &theme->series[(color >= 0 ? (guint) color : index) % UC_CHART_N_COLORS];
}
