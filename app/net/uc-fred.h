/* uc-fred.h: a FRED graph CSV (fredgraph.csv?id=SP500) read as one series
 *
 * FRED has served two forms: `DATE,ID` with "." on days without a value
 * (until about 2024), and `observation_date,ID` with an empty value. Both
 * read the same; anything else is refused, naming the URL.
 */
#pragma once

#include "uc-series.h"

G_BEGIN_DECLS

#define UC_FRED_ERROR (uc_fred_error_quark ())

typedef enum
{
  UC_FRED_ERROR_NOT_CSV,       /* an HTML page, or no text at all */
  UC_FRED_ERROR_SCHEMA,        /* not the two columns of that series */
  UC_FRED_ERROR_DATA,          /* dates out of order, or no value at all */
} UcFredError;

GQuark    uc_fred_error_quark (void);
UcSeries *uc_fred_read        (GBytes      *body,
                               const char  *series_id,
                               const char  *url,
                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
