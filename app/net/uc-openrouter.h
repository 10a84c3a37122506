/* uc-openrouter.h: OpenRouter's model list (/api/v1/models) read as prices
 *
 * These are what OpenRouter charges for hosting a model, not its vendor's
 * list price: each price read says so (hosted), and is kept apart from
 * list prices. Prices come per token, as strings: "-1" is a variable
 * price (no price), "0" free.
 */
#pragma once

#include "uc-models-dev.h"

G_BEGIN_DECLS

GPtrArray *uc_openrouter_read (GBytes      *body,
                               const char  *url,
                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
