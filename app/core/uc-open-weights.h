/* uc-open-weights.h: model releases per period by region, open weights or not
 *
 * Counts of the release list's rows, so shares are of that list: a curated
 * list of notable models, not every release.
 */
#pragma once

#include <glib.h>

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_RELEASE_REGIONS 4   /* US, China, Europe, Other */

typedef struct
{
  gint64 start;                        /* the period's first day, days since 1970-01-01 */
  guint  open[UC_RELEASE_REGIONS];
  guint  closed[UC_RELEASE_REGIONS];   /* closed, or not known */
} UcReleasePeriod;

typedef struct
{
  gboolean yearly;
  GArray  *periods;                    /* UcReleasePeriod, in date order, none left out between */
  guint    open[UC_RELEASE_REGIONS];
  guint    closed[UC_RELEASE_REGIONS];
  gint64   first, last;                /* the first and last release */
} UcReleaseCounts;

const char      *uc_release_region_name (guint            region);
UcReleaseCounts *uc_release_counts_new  (UcDataset       *releases,
                                         gboolean         yearly,
                                         GError         **error) G_GNUC_WARN_UNUSED_RESULT;
void             uc_release_counts_free (UcReleaseCounts *self);
char            *uc_release_period_name (const UcReleaseCounts *self,
                                         gint64           start) G_GNUC_WARN_UNUSED_RESULT;
char            *uc_release_counts_to_json (UcReleaseCounts *self) G_GNUC_WARN_UNUSED_RESULT;

UcChartSpec     *uc_release_counts_build_chart (UcReleaseCounts *self,
                                                gboolean         open,
                                                gboolean         shares) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcReleaseCounts, uc_release_counts_free)

G_END_DECLS
