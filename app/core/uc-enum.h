/* uc-enum.h: enum values by their names
 *
 * The nicks of the registered enum types (uc-core-enums.h) are the names
 * view files, report packs and the command line use: "bars", "per-mtok",
 * "model_release". One table, so the three never disagree.
 */
#pragma once

#include <glib-object.h>

#include "uc-core-enums.h"

G_BEGIN_DECLS

gboolean    uc_enum_from_nick (GType       type,
                               const char *nick,
                               int        *value);
const char *uc_enum_to_nick   (GType       type,
                               int         value,
                               const char *fallback);

G_END_DECLS
