/* uc-epoch.h: Epoch AI's notable_ai_models.csv read as model releases
 *
 * Epoch's date is "Publication date": the day the paper, report or
 * announcement came out, not necessarily the day the model could be used
 * (GPT-4: arXiv 2023-03-15, announced the 14th). Every record says so
 * (date_is_paper), so no caller takes it for a release day unawares.
 *
 * Columns are found by header name, never by position: Epoch has reordered
 * and renamed them ("Country (from Organization)" became "Country (of
 * organization)"; "Open model weights?" is new in 2025). Only the model,
 * its organization and the publication date are required. Countries come
 * spelled out, several in one cell ("United States of America,China");
 * they are read as the ISO 3166 alpha-2 codes the embedded dataset uses,
 * in Epoch's order, a name not known kept as written ("Multinational").
 */
#pragma once

#include "uc-net-error.h"
#include "uc-time.h"

G_BEGIN_DECLS

typedef enum
{
  UC_OPEN_WEIGHTS_UNKNOWN,
  UC_OPEN_WEIGHTS_YES,
  UC_OPEN_WEIGHTS_NO,
} UcOpenWeights;

typedef struct
{
  UcTime         date;                  /* "Publication date" */
  gboolean       date_is_paper;         /* always TRUE here: a publication, not a release, date */
  char          *model;                 /* "DeepSeek-V4-Pro" */
  char          *organization;          /* as Epoch writes it: "Google DeepMind,Google" */
  char         **countries;             /* "US", "CN", … in Epoch's order; empty when not given */
  UcOpenWeights  open_weights;
  gboolean       open_weights_derived;  /* read from "Model accessibility", not "Open model weights?" */
  double         parameters;            /* NaN when not given */
  char          *accessibility;         /* "Open weights (unrestricted)", "API access"…; NULL when not given */
  char          *link;                  /* the first http(s) address under "Link"; NULL when none */
} UcModelRelease;

void        uc_model_release_free     (UcModelRelease *release);
const char *uc_open_weights_to_string (UcOpenWeights   open_weights);
const char *uc_epoch_country_code     (const char     *name);
GPtrArray  *uc_epoch_read             (GBytes         *body,
                                       const char     *url,
                                       guint          *n_skipped,
                                       GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcModelRelease, uc_model_release_free)

G_END_DECLS
