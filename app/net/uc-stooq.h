/* uc-stooq.h: a Stooq daily CSV (q/d/l/?s=nvda.us&i=d) read as its closes
 *
 * Stooq answers refusals with HTTP 200: "No data", "Exceeded the daily
 * hits limit", or a web page asking for an API key. The body is judged,
 * never the status: an answer whose first line is not a known header is
 * a refusal, named as such.
 */
#pragma once

#include "uc-net-error.h"
#include "uc-series.h"

G_BEGIN_DECLS

UcSeries *uc_stooq_read (GBytes      *body,
                         const char  *symbol,
                         const char  *url,
                         GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
