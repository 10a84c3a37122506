/* uc-fred.h: a FRED graph CSV (fredgraph.csv?id=SP500) read as one series
 *
 * FRED has served two forms: `DATE,ID` with "." on days without a value
 * (until about 2024), and `observation_date,ID` with an empty value. Both
 * read the same; anything else is refused, naming the URL.
 */
#pragma once

#include "uc-net-error.h"
#include "uc-series.h"

G_BEGIN_DECLS

UcSeries *uc_fred_read (GBytes      *body,
                        const char  *series_id,
                        const char  *url,
                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
