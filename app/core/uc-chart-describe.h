/* uc-chart-describe.h: a chart in words, for screen readers */
#pragma once

#include "uc-chart-spec.h"

G_BEGIN_DECLS

char *uc_chart_describe (UcChartSpec *spec) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
