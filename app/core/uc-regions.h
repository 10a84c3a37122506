/* uc-regions.h: country codes grouped into regions
 *
 * A cell may list several countries ("GB;Multinational;US" for a joint
 * company): it goes to the first region, in the order they were added,
 * that lists one of them, and to the region added without countries when
 * none does. Which regions there are is data: a view file says (see
 * data/views/model-releases.json).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UcRegions UcRegions;

UcRegions  *uc_regions_new    (void) G_GNUC_WARN_UNUSED_RESULT;
UcRegions  *uc_regions_new_default (void) G_GNUC_WARN_UNUSED_RESULT;
void        uc_regions_free   (UcRegions          *self);
void        uc_regions_add    (UcRegions          *self,
                               const char         *name,
                               const char * const *countries);
const char *uc_regions_lookup (UcRegions          *self,
                               const char         *countries);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcRegions, uc_regions_free)

G_END_DECLS
