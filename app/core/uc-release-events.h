/* uc-release-events.h: a table of model releases as lane events
 *
 * The table has a `date` and a `model` (the event), an `organization`, and
 * when present `parameters` and `source` (URLs, the first one linked). One
 * lane per region of the makers' countries; a ring for a release whose
 * weights are not open (or not known to be). Which column holds the
 * countries, which one says open weights, and the regions come from the
 * view file (its "releases" member), not from here.
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"
#include "uc-regions.h"

G_BEGIN_DECLS

typedef struct
{
  const char *country;        /* column of country codes, ";" between several */
  const char *open_weights;   /* column: "yes", "no", anything else not known */
  UcRegions  *regions;        /* the lanes: regions of those countries */
} UcReleaseTable;

gboolean    uc_chart_spec_add_release_events (UcChartSpec           *spec,
                                              UcDataset             *releases,
                                              const UcReleaseTable  *table,
                                              UcTime                 from,
                                              UcTime                 to,
                                              GError               **error);
UcDataset  *uc_releases_matching             (UcDataset             *releases,
                                              const UcReleaseTable  *table,
                                              const char            *filter,
                                              GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
