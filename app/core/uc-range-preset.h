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

G_END_DECLS
