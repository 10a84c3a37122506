/* uc-series-index.h: min/max over any range of a series in logarithmic time
 *
 * Charts with more points than pixels draw, per pixel column, the first,
 * last, lowest and highest point (M4); this index answers "lowest and
 * highest between points i and j" without reading every point, so a frame
 * costs the same for ten thousand points as for ten million.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UcSeriesIndex UcSeriesIndex;

UcSeriesIndex *uc_series_index_new    (const double  *y,
                                       gsize          n) G_GNUC_WARN_UNUSED_RESULT;
void           uc_series_index_free   (UcSeriesIndex *self);
gboolean       uc_series_index_range  (UcSeriesIndex *self,
                                       gsize          from,
                                       gsize          to,
                                       gsize         *argmin,
                                       gsize         *argmax,
                                       gboolean      *has_gap);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcSeriesIndex, uc_series_index_free)

G_END_DECLS
