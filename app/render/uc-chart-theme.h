/* uc-chart-theme.h: the colours and fonts a chart is drawn with
 *
 * Passed in by the caller: the window feeds it the widget theme's colours,
 * exports default to the light theme.
 */
#pragma once

#include <glib.h>

#include "uc-event.h"
#include "uc-series.h"

G_BEGIN_DECLS

typedef struct
{
  double red, green, blue, alpha;
} UcColor;

#define UC_CHART_N_COLORS 9

typedef struct
{
  UcColor     background;
  UcColor     foreground;
  UcColor     muted;        /* subtitles, axis labels, footer */
  UcColor     grid;
  UcColor     series[UC_CHART_N_COLORS];
  UcColor     events[UC_EVENT_USER + 1];
  const char *font_family;
} UcChartTheme;

const UcChartTheme *uc_chart_theme_light (void);
const UcChartTheme *uc_chart_theme_dark  (void);
const UcChartTheme *uc_chart_theme_high_contrast (gboolean on_dark);
double              uc_color_contrast   (const UcColor      *color,
                                         const UcColor      *background);
const UcColor      *uc_chart_theme_series_color (const UcChartTheme *theme,
                                                 UcSeries           *series,
                                                 guint               index);

G_END_DECLS
