/* uc-range-preset.h: the stretches of time a reader picks by name (the
 * last month, the year to date, all), the window's and the command's alike */
#pragma once

#include "uc-time.h"

G_BEGIN_DECLS

gboolean     uc_range_preset          (const char *id,
                                       UcTime      lower,
                                       UcTime      upper,
                                       UcTime     *from,
                                       UcTime     *to);
const char *const *uc_range_preset_ids (void);
void         uc_range_around          (UcTime      t,
                                       UcTime     *from,
                                       UcTime     *to);

#define UC_RANGE_ERROR (uc_range_error_quark ())

/* Which field of a typed range is at fault. */
typedef enum
{
  UC_RANGE_ERROR_FROM,
  UC_RANGE_ERROR_TO,
  UC_RANGE_ERROR_ORDER,   /* both: From after To */
} UcRangeError;

GQuark       uc_range_error_quark     (void);
gboolean     uc_range_parse_day       (const char *text,
                                       gboolean    last,
                                       UcTime     *out);
gboolean     uc_range_from_text       (const char *from_text,
                                       const char *to_text,
                                       UcTime      lower,
                                       UcTime      upper,
                                       UcTime     *from,
                                       UcTime     *to,
                                       GError    **error);

G_END_DECLS
