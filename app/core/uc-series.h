/* uc-series.h: one named time series, sorted by time */
#pragma once

#include <glib-object.h>

#include "uc-series-index.h"
#include "uc-time.h"

G_BEGIN_DECLS

#define UC_TYPE_SERIES (uc_series_get_type ())
G_DECLARE_FINAL_TYPE (UcSeries, uc_series, UC, SERIES, GObject)

UcSeries     *uc_series_new           (const char *id,
                                       const char *label) G_GNUC_WARN_UNUSED_RESULT;
UcSeries     *uc_series_new_borrowed  (const char   *id,
                                       const char   *label,
                                       const UcTime *x,
                                       const double *y,
                                       guint         n,
                                       GObject      *owner) G_GNUC_WARN_UNUSED_RESULT;
const char   *uc_series_get_id        (UcSeries   *self);
const char   *uc_series_get_label     (UcSeries   *self);
void          uc_series_set_label     (UcSeries   *self,
                                       const char *label);
void          uc_series_copy_style    (UcSeries   *self,
                                       UcSeries   *from);
gboolean      uc_series_get_decimated (UcSeries   *self);
void          uc_series_set_decimated (UcSeries   *self,
                                       gboolean    decimated);
gboolean      uc_series_get_emphasis  (UcSeries   *self);
void          uc_series_set_emphasis  (UcSeries   *self,
                                       gboolean    emphasis);
gboolean      uc_series_get_right_axis (UcSeries  *self);
void          uc_series_set_right_axis (UcSeries  *self,
                                        gboolean   right_axis);
/* Colours: a slot of the theme's palette, or one of these. */
#define UC_SERIES_COLOR_BY_ORDER   (-1)   /* the slot of its place in the chart */
#define UC_SERIES_COLOR_FOREGROUND (-2)   /* the text colour: totals and summaries */
int           uc_series_get_color     (UcSeries   *self);
void          uc_series_set_color     (UcSeries   *self,
                                       int         color);
int           uc_series_get_kind      (UcSeries   *self);
void          uc_series_set_kind      (UcSeries   *self,
                                       int         kind);
gboolean      uc_series_get_hidden    (UcSeries   *self);
void          uc_series_set_hidden    (UcSeries   *self,
                                       gboolean    hidden);
void          uc_series_set_band      (UcSeries     *self,
                                       const double *lo,
                                       const double *hi,
                                       guint         n);
gboolean      uc_series_get_band      (UcSeries      *self,
                                       const double **lo,
                                       const double **hi);
void          uc_series_append        (UcSeries   *self,
                                       UcTime      x,
                                       double      y);
gboolean      uc_series_insert        (UcSeries   *self,
                                       UcTime      x,
                                       double      y);
void          uc_series_reserve       (UcSeries   *self,
                                       guint       n);
guint         uc_series_get_length    (UcSeries   *self);
const UcTime *uc_series_get_x         (UcSeries   *self);
const double *uc_series_get_y         (UcSeries   *self);
int           uc_series_find          (UcSeries   *self,
                                       UcTime      x);
int           uc_series_find_before   (UcSeries   *self,
                                       UcTime      x);
UcSeriesIndex *uc_series_get_index    (UcSeries   *self);
void          uc_series_set_point_label (UcSeries   *self,
                                         guint       index,
                                         const char *label);
const char   *uc_series_get_point_label (UcSeries   *self,
                                         guint       index);
gboolean      uc_series_has_point_labels (UcSeries  *self);
gboolean      uc_series_get_y_range   (UcSeries   *self,
                                       UcTime      from,
                                       UcTime      to,
                                       double     *min,
                                       double     *max);

G_END_DECLS
