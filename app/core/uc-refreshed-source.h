/* uc-refreshed-source.h: a dataset compiled in, extended by refreshes */
#pragma once

#include "uc-source.h"

G_BEGIN_DECLS

#define UC_TYPE_REFRESHED_SOURCE (uc_refreshed_source_get_type ())
G_DECLARE_FINAL_TYPE (UcRefreshedSource, uc_refreshed_source, UC, REFRESHED_SOURCE, UcSource)

const char *uc_refreshed_source_get_snapshot       (UcRefreshedSource *self);
const char *uc_refreshed_source_get_refreshed_from (UcRefreshedSource *self);

G_END_DECLS
