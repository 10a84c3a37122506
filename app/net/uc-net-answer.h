/* uc-net-answer.h: checks every source's answer goes through */
#pragma once

#include <json-glib/json-glib.h>

#include "uc-dataset.h"
#include "uc-net-error.h"
#include "uc-series.h"

G_BEGIN_DECLS

gboolean  uc_net_answer_is_text   (GBytes      *body,
                                   const char  *url,
                                   GError     **error);
JsonNode *uc_net_answer_parse_json (JsonParser  *parser,
                                    GBytes      *body,
                                    const char  *url,
                                    GError     **error);
const char *uc_net_json_string    (JsonObject  *o,
                                   const char  *member);
UcSeries *uc_net_answer_to_series (UcDataset   *table,
                                   int          date_column,
                                   int          value_column,
                                   const char  *id,
                                   const char  *url,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
