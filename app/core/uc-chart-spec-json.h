/* uc-chart-spec-json.h: a chart specification written to a report pack and read back
 *
 * A pack's chart.json and data.csv hold everything the chart showed, so
 * reading them back reproduces it exactly, on another machine too. The
 * writer and the reader are kept side by side so that they agree; the
 * export (app/render/uc-export.c) draws the images and writes the files.
 *
 * data.csv has a row per point, series,date,value (series,x,value on a
 * number axis), then "label" when points are named and "low,high" when a
 * series has a band, empty on the rows of the others; chart.json marks a
 * series with a band "band": true. An event lane chart's data.csv lists
 * its events instead.
 */
#pragma once

#include <gio/gio.h>

#include "uc-chart-spec.h"

G_BEGIN_DECLS

/* @width, @height and @scale (each may be NULL) get the size the pack was
 * drawn at, or 0 where chart.json does not say. */
UcChartSpec *uc_chart_spec_new_from_pack (GFile   *chart_json,
                                          int     *width,
                                          int     *height,
                                          double  *scale,
                                          GError **error) G_GNUC_WARN_UNUSED_RESULT;

char        *uc_chart_spec_to_pack_csv   (UcChartSpec        *spec) G_GNUC_WARN_UNUSED_RESULT;
char        *uc_chart_spec_to_pack_json  (UcChartSpec        *spec,
                                          int                 width,
                                          int                 height,
                                          double              scale,
                                          const char * const *files) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
