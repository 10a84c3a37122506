/* uc-models-dev.h: models.dev's api.json read as list prices
 *
 * models.dev lists every model under every provider that serves it
 * (resellers too) with its cost per million tokens, and keeps no history:
 * each read is a dated observation of today's prices. Only the providers
 * asked for (the models' own vendors) are read.
 */
#pragma once

#include "uc-net-error.h"
#include "uc-time.h"

G_BEGIN_DECLS

typedef struct
{
  char     *provider;       /* "deepseek" */
  char     *model;          /* "deepseek-chat" */
  char     *name;           /* "DeepSeek Chat" */
  UcTime    released;       /* UC_TIME_MISSING when not given */
  gboolean  released_month; /* given as YYYY-MM: the first of the month stands for it */
  double    input, output;  /* USD per million tokens; NaN when not listed */
  gboolean  open_weights;
  gboolean  hosted;         /* a hosting provider's price (OpenRouter), not the vendor's list price */
} UcListPrice;

void       uc_list_price_free (UcListPrice *price);
GPtrArray *uc_models_dev_read (GBytes             *body,
                               const char * const *providers,
                               const char         *url,
                               GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcListPrice, uc_list_price_free)

G_END_DECLS
