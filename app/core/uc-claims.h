/* uc-claims.h: the story's checkable claims, each tested against the data
 *
 * The figures are computed from the datasets given (the embedded ones, or
 * refreshed copies), so a verdict follows the data. Verdicts are careful:
 * the data supports, partly supports, does not support or cannot test a
 * claim, and each says why and how the figure was computed.
 */
#pragma once

#include <glib.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  UC_VERDICT_SUPPORTS,
  UC_VERDICT_PARTLY,
  UC_VERDICT_DOES_NOT,
  UC_VERDICT_CANNOT_TEST,
} UcVerdict;

const char *uc_verdict_to_string (UcVerdict verdict);   /* "supports", "partly-supports", … */
const char *uc_verdict_get_name  (UcVerdict verdict);   /* "Partly supports", translated */

typedef struct
{
  char      *id;
  char      *claim;     /* one plain sentence */
  char      *source;    /* the article it comes from */
  char      *figure;    /* what the data gives */
  UcVerdict  verdict;
  char      *reason;
  char      *method;
  char      *link;      /* an undercut:view/… link that opens the chart showing it */
} UcClaim;

typedef struct
{
  UcDataset *caps;       /* market-caps */
  UcDataset *index;      /* index-daily */
  UcDataset *events;
  UcDataset *prices;     /* api-prices */
  UcDataset *releases;   /* model-releases */
} UcClaimData;

GPtrArray *uc_claims_check   (const UcClaimData *data,
                              GError           **error) G_GNUC_WARN_UNUSED_RESULT;
char      *uc_claims_to_json (GPtrArray         *claims) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
