/* uc-axis.h: tick positions and labels for value, time and number axes */
#pragma once

#include <glib.h>

#include "uc-chart-spec.h"
#include "uc-time.h"

G_BEGIN_DECLS

/* Times beyond ±2^60 µs (some 36,000 years from 1970) are drawn as if at
 * that limit: calendar arithmetic there stays clear of int64 overflow. */
#define UC_AXIS_TIME_LIMIT ((UcTime) 1 << 60)

typedef struct
{
  double  value;      /* data value (µs for time axes) */
  char   *label;
} UcTick;

typedef enum
{
  UC_TIME_STEP_MINUTE,
  UC_TIME_STEP_HOUR,
  UC_TIME_STEP_DAY,
  UC_TIME_STEP_WEEK,
  UC_TIME_STEP_MONTH,
  UC_TIME_STEP_YEAR,
} UcTimeStepUnit;

double  uc_axis_nice_step        (double          range,
                                  int             target_ticks);
GArray *uc_axis_value_ticks      (double          min,
                                  double          max,
                                  int             target_ticks,
                                  UcValueFormat   format) G_GNUC_WARN_UNUSED_RESULT;
char   *uc_axis_value_tag        (double          v,
                                  double          axis_min,
                                  double          axis_max,
                                  gboolean        log_scale,
                                  UcValueFormat   format) G_GNUC_WARN_UNUSED_RESULT;
GArray *uc_axis_log_ticks        (double          min,
                                  double          max,
                                  int             target_ticks,
                                  UcValueFormat   format) G_GNUC_WARN_UNUSED_RESULT;
void    uc_axis_log_range        (double          lo,
                                  double          hi,
                                  int             target_ticks,
                                  double         *axis_min,
                                  double         *axis_max);
GArray *uc_axis_number_ticks     (double          from,
                                  double          to,
                                  double          width_px,
                                  double          min_spacing_px,
                                  gboolean        plus) G_GNUC_WARN_UNUSED_RESULT;
GArray *uc_axis_time_ticks       (UcTime          from,
                                  UcTime          to,
                                  double          width_px,
                                  double          min_spacing_px) G_GNUC_WARN_UNUSED_RESULT;
GArray *uc_axis_time_ticks_at_least (UcTime       from,
                                     UcTime       to,
                                     double       width_px,
                                     double       min_spacing_px,
                                     gint64       least_step) G_GNUC_WARN_UNUSED_RESULT;
void    uc_axis_time_step        (UcTime          from,
                                  UcTime          to,
                                  double          width_px,
                                  double          min_spacing_px,
                                  UcTimeStepUnit *unit,
                                  int            *count);

G_END_DECLS
