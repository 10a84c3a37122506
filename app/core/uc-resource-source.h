/* uc-resource-source.h: a dataset compiled into Undercut */
#pragma once

#include "uc-source.h"

G_BEGIN_DECLS

#define UC_TYPE_RESOURCE_SOURCE (uc_resource_source_get_type ())
G_DECLARE_FINAL_TYPE (UcResourceSource, uc_resource_source, UC, RESOURCE_SOURCE, UcSource)

G_END_DECLS
