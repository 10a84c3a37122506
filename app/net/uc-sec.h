/* uc-sec.h: SEC EDGAR company facts read as share counts
 *
 * data.sec.gov/api/xbrl/companyfacts/CIK##########.json holds every XBRL
 * fact a filer reported; the shares outstanding are the cover page's
 * dei:EntityCommonStockSharesOutstanding, one count per filing, as
 * reported (not adjusted for later splits). A count repeated by several
 * filings (same day, same count) is kept once, from the first filing.
 */
#pragma once

#include "uc-net-error.h"
#include "uc-time.h"

G_BEGIN_DECLS

typedef struct
{
  UcTime  as_of;       /* "end": the day the count was taken */
  gint64  shares;      /* "val": more than zero */
  char   *form;        /* "10-Q", "10-K", … */
  UcTime  filed;       /* the day the filing reached the SEC */
  char   *accession;   /* "accn": "0001045810-26-000052" */
} UcShareCount;

void       uc_share_count_free     (UcShareCount  *count);
char      *uc_sec_companyfacts_url (guint64        cik) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *uc_sec_read_shares      (GBytes        *body,
                                    const char    *url,
                                    char         **entity_name,
                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcShareCount, uc_share_count_free)

G_END_DECLS
