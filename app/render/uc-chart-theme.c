/* uc-chart-theme.c: built-in light and dark chart themes
 *
 * Series colours are Paul Tol's "muted" scheme, which stays distinguishable
 * with the common forms of colour blindness; dashes add a second cue.
 */
#include "uc-chart-theme.h"

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
