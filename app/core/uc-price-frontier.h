/* uc-price-frontier.h: the cheapest price on offer, by region, and how fast it halves
 *
 * Each model's list price counts as on offer from its date until the
 * model's next price. A region's frontier is the lowest price on offer each
 * day; its trend is a least-squares line through log2 of the frontier,
 * sampled every 30 days of a span, read as a halving time and a yearly
 * factor, with a block-bootstrap 95% interval from a fixed seed.
 */
#pragma once

#include <glib.h>

#include "uc-chart-spec.h"
#include "uc-dataset.h"
#include "uc-stats.h"

G_BEGIN_DECLS

typedef enum
{
  UC_PRICE_OUTPUT,
  UC_PRICE_INPUT,
  UC_PRICE_BLENDED,   /* three parts input to one part output */
} UcPriceKind;

gboolean    uc_price_kind_from_string (const char  *name,
                                       UcPriceKind *kind);
const char *uc_price_kind_to_string   (UcPriceKind  kind);
const char *uc_price_kind_describe    (UcPriceKind  kind);

typedef struct
{
  gint64   day;          /* days since 1970-01-01 */
  double   price;        /* dollars per million tokens */
  char    *vendor;
  char    *model;
  gboolean tracker_date; /* the date is a tracker's first sight, not the vendor's */
} UcFrontierStep;

typedef struct
{
  char    *region;       /* "US", "China", "Europe", "Other" */
  GArray  *steps;        /* UcFrontierStep, each day the frontier moved */
  guint    n_fit;        /* samples of the span with a price */
  guint    n_tracker;    /* steps in force in the span dated by a tracker */
  gboolean fitted;
  UcOls    fit;          /* log2(price) on years since the span's start */
  double   halving_months;   /* NaN unless the price falls */
  double   yearly_factor;    /* 2^slope: 0.1 is ten times cheaper a year */
  double   factor_lo, factor_hi;     /* 95% bootstrap interval */
  double   halving_lo, halving_hi;   /* months; NaN where the interval allows no fall */
  guint    resamples_used;
} UcFrontier;

typedef struct
{
  gint64  day;
  double  ratio;         /* US frontier over China's */
} UcFrontierRatio;

typedef struct
{
  UcPriceKind  kind;
  char        *filter;
  gint64       from, to;     /* the span fitted, days */
  guint        resamples;
  guint64      seed;
  guint        n_rows;       /* rows the filter kept */
  guint        n_part_time;  /* rows left out as time-of-day or promotional prices */
  GPtrArray   *regions;      /* UcFrontier, in the order US, China, Europe, Other */
  GArray      *ratio;        /* UcFrontierRatio, each day either moved */
} UcPriceTrend;

#define UC_FRONTIER_DEFAULT_RESAMPLES 2000
#define UC_FRONTIER_SAMPLE_DAYS 30
#define UC_FRONTIER_BLOCK 6
#define UC_FRONTIER_MIN_SAMPLES 8
#define UC_FRONTIER_DEFAULT_SEED 20250120

UcPriceTrend *uc_price_trend_new     (UcDataset    *prices,
                                      UcPriceKind   kind,
                                      const char   *filter,
                                      gint64        from,
                                      gint64        to,
                                      gboolean      all_prices,
                                      guint         resamples,
                                      guint64       seed,
                                      GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean      uc_price_is_part_time  (const char   *model);
UcFrontier   *uc_price_trend_find    (UcPriceTrend *self,
                                      const char   *region);
void          uc_price_trend_free    (UcPriceTrend *self);
char         *uc_price_trend_to_json (UcPriceTrend *self) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec  *uc_price_trend_build_chart (UcPriceTrend *self) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec  *uc_price_trend_build_ratio_chart (UcPriceTrend *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcPriceTrend, uc_price_trend_free)

G_END_DECLS
