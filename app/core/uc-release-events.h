/* uc-release-events.h: a table of model releases as lane events
 *
 * One lane per region of the makers, a ring for a release whose weights
 * are not open (or not known to be).
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

const char *uc_release_region                (const char   *countries);
gboolean    uc_chart_spec_add_release_events (UcChartSpec  *spec,
                                              UcDataset    *releases,
                                              UcTime        from,
                                              UcTime        to,
                                              GError      **error);
UcDataset  *uc_releases_matching             (UcDataset    *releases,
                                              const char   *filter,
                                              GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
