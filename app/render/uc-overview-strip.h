/* uc-overview-strip.h: the whole time span in a thin strip, with the days
 * shown framed
 *
 * Drawn under a window's charts: each series scaled on its own, so every
 * line shows its shape whatever its size; a chart of events only (lanes)
 * as a dot per event. The strip's x mapping is the one a widget maps
 * pointer positions with.
 */
#pragma once

#include <cairo.h>

#include "uc-chart-spec.h"
#include "uc-chart-theme.h"

G_BEGIN_DECLS

typedef struct
{
  double width, height;   /* the strip, from (0, 0) */
  UcTime lower, upper;    /* its ends: the whole span of the data */
  UcTime from, to;        /* the days shown, framed */
} UcOverviewStrip;

/* Draws @spec's series (or its events, when it has no series) and the
 * frame; no background: the strip lies on what is under it. @spec may be
 * NULL: the frame alone. */
void   uc_overview_strip_draw       (cairo_t               *cr,
                                     const UcOverviewStrip *strip,
                                     UcChartSpec           *spec,
                                     const UcChartTheme    *theme);
double uc_overview_strip_x_for_time (const UcOverviewStrip *strip,
                                     UcTime                 t);
UcTime uc_overview_strip_time_for_x (const UcOverviewStrip *strip,
                                     double                 x);

G_END_DECLS
