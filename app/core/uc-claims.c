/* uc-claims.c: the story's claims, each with the figure the data gives
 *
 * One function per claim. Each computes its figure with the analyses the
 * views show (uc-big-moves, uc-event-study, uc-price-frontier,
 * uc-open-weights), so the sentence and the chart agree.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>

#include "uc-big-moves.h"
#include "uc-claims.h"
#include "uc-event-study.h"
#include "uc-format.h"
#include "uc-json-writer.h"
#include "uc-open-weights.h"
#include "uc-price-frontier.h"
#include "uc-stats.h"

#define SOURCE_ARTICLE N_("Balaji Srinivasan, “Is China About To Wreck U.S. Tech?”, and the commentary around it")

static const char *const us_nine[] = { "NVDA", "MSFT", "GOOGL", "META", "AVGO", "TSM", "ORCL", "AAPL", "AMZN", NULL };

static const struct { UcVerdict verdict; const char *nick; const char *name; } verdicts[] = {
  { UC_VERDICT_SUPPORTS, "supports", N_("Supports") },
  { UC_VERDICT_PARTLY, "partly-supports", N_("Partly supports") },
  { UC_VERDICT_DOES_NOT, "does-not-support", N_("Does not support") },
  { UC_VERDICT_CANNOT_TEST, "cannot-test", N_("Cannot test") },
};

const char *
uc_verdict_to_string (UcVerdict verdict)
{
  return verdict < G_N_ELEMENTS (verdicts) ? verdicts[verdict].nick : "cannot-test";
}

const char *
uc_verdict_get_name (UcVerdict verdict)
{
  return verdict < G_N_ELEMENTS (verdicts) ? _(verdicts[verdict].name) : _("Cannot test");
}

static void
claim_free (UcClaim *c)
{
  g_free (c->id);
  g_free (c->claim);
  g_free (c->source);
  g_free (c->figure);
  g_free (c->reason);
  g_free (c->method);
  g_free (c->link);
  g_free (c);
}

static UcClaim *
claim_new (const char *id,
           const char *claim,
           const char *link)
{
  UcClaim *c = g_new0 (UcClaim, 1);

  c->id = g_strdup (id);
  c->claim = g_strdup (claim);
  c->source = g_strdup (_(SOURCE_ARTICLE));
  c->link = g_strdup (link);
  c->verdict = UC_VERDICT_CANNOT_TEST;
  return c;
}

static char *
day_text (gint64 day)
{
  return uc_format_day (day * UC_USEC_PER_DAY);
}

/* "$1.04T", "$842B": a loss, so without a sign. */
static char *
money_lost (double v)
{
  double a = fabs (v);

  if (a >= 1e12)
    return uc_format_scaled (a, "$", uc_format_unit_for (a), 2, "");
  return uc_format_scaled (a, "$", uc_format_unit_for (MAX (a, 1e6)), 0, "");
}

/* "$0.55", "$12.5": three significant digits, as a price list reads. */
static char *
money_sig (double v)
{
  g_autofree char *number = uc_format_significant (v, 3);

  return uc_format_dollars (number);
}

static char *
pct (double v)
{
  return uc_format_scaled (v * 100, v < 0 ? "" : "+", (UcUnit) { 1, "" }, 1, "%");
}

static char *
t_text (double t)
{
  g_autofree char *number = uc_format_decimal (t, 2);

  return g_strconcat ("t ", number, NULL);
}

/* The DeepSeek shock's size: the nine's fall on 27 January 2025, and
 * whether it was their largest. */
static UcClaim *
claim_trillion (const UcClaimData *d)
{
  UcClaim *c = claim_new ("trillion", _("DeepSeek’s release knocked about $1 trillion off US tech stocks."),
                          "undercut:view/deepseek-shock?from=2024-12-02&to=2025-04-30");
  gint64 day = uc_days_from_civil (2025, 1, 27);
  g_autoptr (UcMoves) nine = uc_moves_find (d->caps, d->events, us_nine, UC_MOVES_FALLS, TRUE, 0, NULL);
  g_autoptr (UcMoves) eight = uc_moves_find (d->caps, d->events, uc_study_us_ai_stocks, UC_MOVES_FALLS, TRUE, 0, NULL);
  const UcMove *m9 = nine ? uc_moves_find_day (nine, day) : NULL;
  const UcMove *m8 = eight ? uc_moves_find_day (eight, day) : NULL;

  c->method = g_strdup (_("The combined market cap (close × shares) of the nine US-listed companies of the "
                          "DeepSeek shock view, from 24 to 27 January 2025; their days ranked by the dollars lost."));
  if (m9 == NULL || m8 == NULL || nine->moves->len == 0)
    {
      c->figure = g_strdup (_("The data has no caps for 24 and 27 January 2025."));
      c->reason = g_strdup (_("No figure to test it with."));
      return c;
    }
  {
    g_autofree char *loss9 = money_lost (m9->money);
    g_autofree char *loss8 = money_lost (m8->money);
    g_autofree char *p9 = pct (m9->change);
    const UcMove *top = &g_array_index (nine->moves, UcMove, 0);
    g_autofree char *top_day = day_text (top->day);
    g_autofree char *top_loss = money_lost (top->money);

    if (m9->rank == 1)
      /* Translators: an amount of money (“$1.04T”), a percentage, then another amount. */
      c->figure = g_strdup_printf (_("The nine lost %s (%s) on 2025-01-27, %s without Broadcom, whose cap rests on a "
                                     "proxy share count: their largest one-day fall in dollars in the data."),
                                   loss9, p9, loss8);
    else
      /* Translators: an amount of money (“$1.04T”), a percentage, another amount, a date, an amount, then the
       * day's rank and the number of days. */
      c->figure = g_strdup_printf (_("The nine lost %s (%s) on 2025-01-27, %s without Broadcom, whose cap rests on a "
                                     "proxy share count. It was not their largest fall: on %s they lost %s, and "
                                     "2025-01-27 ranks %u of %u days in dollars."),
                                   loss9, p9, loss8, top_day, top_loss, m9->rank, nine->n_days);
    if (fabs (m9->money) >= 0.8e12 && m9->rank == 1)
      c->verdict = UC_VERDICT_SUPPORTS;
    else if (fabs (m9->money) >= 0.8e12 || fabs (m8->money) >= 0.8e12)
      c->verdict = UC_VERDICT_PARTLY;
    else
      c->verdict = UC_VERDICT_DOES_NOT;
    c->reason = g_strdup (c->verdict == UC_VERDICT_PARTLY
                          ? _("The size holds: about $1T that day. But the day was not the largest fall of these "
                              "stocks, and a one-day loss does not say what caused it.")
                          : c->verdict == UC_VERDICT_SUPPORTS
                          ? _("The size holds, and no day in the data was worse; a one-day loss does not say what "
                              "caused it.")
                          : _("The loss that day was well under $1T."));
  }
  return c;
}

/* Nvidia's loss: the largest one-day fall in dollars of any company in the data? */
static UcClaim *
claim_nvidia_record (const UcClaimData *d)
{
  UcClaim *c = claim_new ("nvidia-record", _("Nvidia suffered the largest one-day loss of market value in history."),
                          "undercut:view/deepseek-shock?from=2025-01-06&to=2025-02-14");
  const char *worst_ticker = NULL;
  const UcMove *worst = NULL;
  g_autoptr (GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_moves_free);
  const UcMove *nvda = NULL;

  for (guint i = 0; us_nine[i]; i++)
    {
      const char *one[] = { us_nine[i], NULL };
      UcMoves *m = uc_moves_find (d->caps, NULL, one, UC_MOVES_FALLS, TRUE, 0, NULL);

      if (m == NULL || m->moves->len == 0)
        {
          uc_moves_free (m);
          continue;
        }
      g_ptr_array_add (keep, m);
      if (worst == NULL || g_array_index (m->moves, UcMove, 0).money < worst->money)
        {
          worst = &g_array_index (m->moves, UcMove, 0);
          worst_ticker = us_nine[i];
        }
      if (g_str_equal (us_nine[i], "NVDA"))
        nvda = &g_array_index (m->moves, UcMove, 0);
    }
  c->method = g_strdup (_("Each of the nine US-listed companies’ one-day changes in market cap (close × shares), "
                          "every day of the data; the largest fall in dollars."));
  if (worst == NULL || nvda == NULL)
    {
      c->figure = g_strdup (_("The data has no market caps for these companies."));
      c->reason = g_strdup (_("No figure to test it with."));
      return c;
    }
  {
    g_autofree char *day = day_text (worst->day);
    g_autofree char *loss = money_lost (worst->money);
    g_autofree char *p = pct (worst->change);

    /* Translators: a company, an amount of money, a percentage, then a date. */
    c->figure = g_strdup_printf (_("The largest one-day fall in dollars of the nine in the data: %s lost %s (%s) on %s."),
                                 worst_ticker, loss, p, day);
    c->verdict = g_str_equal (worst_ticker, "NVDA") ? UC_VERDICT_PARTLY : UC_VERDICT_DOES_NOT;
    c->reason = g_strdup (c->verdict == UC_VERDICT_PARTLY
                          ? _("No company in the data lost more in a day; the data covers 2024 on and nine "
                              "companies, so it cannot show a record in all of history.")
                          : _("Another company in the data lost more in one day."));
  }
  return c;
}

/* Beyond the market: the eight against the Nasdaq, by the event study. */
static UcClaim *
claim_beyond_market (const UcClaimData *d)
{
  UcClaim *c = claim_new ("beyond-market", _("The DeepSeek shock hit US AI stocks, not just the market."),
                          "undercut:story/study?event=2025-01-27");
  UcStudyOptions o;
  UcStudyWindow window = { 0, 5 };
  g_autoptr (UcStudy) study = NULL;
  g_autoptr (GString) fell = g_string_new (NULL);
  UcStudyLine *basket = NULL;
  guint n_fell = 0;

  uc_study_options_init (&o);
  o.event = uc_days_from_civil (2025, 1, 27);
  o.companies = uc_study_us_ai_stocks;
  o.windows = &window;
  o.n_windows = 1;
  study = uc_study_run (d->caps, d->index, NULL, &o, NULL);
  c->method = g_strdup (_("A market-model event study of the eight (Broadcom left out) against the Nasdaq "
                          "Composite: alpha and beta over trading days −120 to −11, abnormal returns added up over "
                          "days 0 to +5, t with n − 2 degrees of freedom; and the eight as an equal-weight basket."));
  for (guint i = 0; study && i < study->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (study->lines, i);

      if (line->is_basket)
        basket = line->ok ? line : NULL;
      else if (line->ok && line->cars[0].ok && line->cars[0].car < 0 && line->cars[0].p < 0.05)
        {
          g_autofree char *car = pct (line->cars[0].car);
          g_autofree char *t = t_text (line->cars[0].t);

          g_string_append_printf (fell, "%s%s %s (%s)", n_fell ? ", " : "", line->id, car, t);
          n_fell++;
        }
    }
  if (basket == NULL || !basket->cars[0].ok)
    {
      c->figure = g_strdup (_("The data does not cover the study’s days."));
      c->reason = g_strdup (_("No figure to test it with."));
      return c;
    }
  {
    g_autofree char *car = pct (basket->cars[0].car);
    g_autofree char *t = t_text (basket->cars[0].t);
    gboolean basket_fell = basket->cars[0].car < 0 && basket->cars[0].p < 0.05;

    c->figure = n_fell
      /* Translators: a percentage, a t statistic (“t −2.10”), then companies with their moves and t. */
      ? g_strdup_printf (_("Over days 0 to +5 the eight as a basket moved %s beyond what the Nasdaq explains (%s); "
                           "alone, %s fell beyond it."), car, t, fell->str)
      /* Translators: a percentage, then a t statistic (“t −2.10”). */
      : g_strdup_printf (_("Over days 0 to +5 the eight as a basket moved %s beyond what the Nasdaq explains (%s), "
                           "and none of them fell significantly beyond it."), car, t);
    c->verdict = basket_fell ? UC_VERDICT_SUPPORTS : n_fell ? UC_VERDICT_PARTLY : UC_VERDICT_DOES_NOT;
    c->reason = g_strdup (_("The Nasdaq holds these companies, so a fall they share moves the benchmark too and "
                            "the abnormal returns understate it; the test is of a fall beyond the market’s."));
  }
  return c;
}

static UcPriceTrend *
trend (const UcClaimData *d,
       UcPriceKind        kind)
{
  return uc_price_trend_new (d->prices, kind, NULL, G_MININT64, G_MININT64, FALSE, UC_FRONTIER_DEFAULT_RESAMPLES,
                             UC_FRONTIER_DEFAULT_SEED, NULL);
}

static char *
halving_text (UcFrontier *f)
{
  g_autofree char *lo = isfinite (f->halving_lo) ? uc_format_decimal (f->halving_lo, 0) : g_strdup ("–");
  g_autofree char *hi = isfinite (f->halving_hi) ? uc_format_decimal (f->halving_hi, 0) : g_strdup (_("no fall"));
  g_autofree char *months = uc_format_decimal (f->halving_months, 0);

  if (!isfinite (f->halving_months))
    /* Translators: %s is a region: US, China, Europe or Other. */
    return g_strdup_printf (_("%s: no fall"), _(f->region));
  /* Translators: a region (US, China, Europe or Other), then months as
   * numbers, e.g. "US: halves every 4 months (95% interval 2 to 15)" */
  return g_strdup_printf (_("%s: halves every %s months (95%% interval %s to %s)"), _(f->region), months, lo, hi);
}

/* Prices per token collapse: the halving time of the cheapest price on offer. */
static UcClaim *
claim_prices_collapse (const UcClaimData *d)
{
  UcClaim *c = claim_new ("prices-collapse", _("The price of AI per token is collapsing."),
                          "undercut:story/frontier?price=output");
  g_autoptr (UcPriceTrend) t = trend (d, UC_PRICE_OUTPUT);
  UcFrontier *us = t ? uc_price_trend_find (t, "US") : NULL;
  UcFrontier *cn = t ? uc_price_trend_find (t, "China") : NULL;

  c->method = g_strdup (_("The cheapest output price on offer each day per region (a model’s price on offer until "
                          "its next), sampled every 30 days; a least-squares line through log2 of it over the whole "
                          "table; a moving-block bootstrap interval (2,000 resamples, fixed seed)."));
  if (us == NULL || cn == NULL || !us->fitted || !cn->fitted)
    {
      c->figure = g_strdup (_("Too few prices for a trend in the US or China."));
      c->reason = g_strdup (_("No figure to test it with."));
      return c;
    }
  {
    g_autofree char *a = halving_text (us);
    g_autofree char *b = halving_text (cn);
    gboolean us_falls = isfinite (us->halving_hi), cn_falls = isfinite (cn->halving_hi);

    /* Translators: each region's halving time (“US: halves every 9 months…”), for two regions. */
    c->figure = g_strdup_printf (_("The cheapest output price per million tokens: %s; %s."), a, b);
    c->verdict = us_falls && cn_falls ? UC_VERDICT_SUPPORTS : us_falls || cn_falls ? UC_VERDICT_PARTLY
                                                                                 : UC_VERDICT_DOES_NOT;
    c->reason = g_strdup (c->verdict == UC_VERDICT_SUPPORTS
                          ? _("The whole interval is a fall in both. The cheapest model is not the same model over "
                              "time, and some dates are when a tracker first saw a price.")
                          : _("In a region, the interval includes no fall at all."));
  }
  return c;
}

/* The latest blended price of each model priced in the table's last year,
 * by region: the cheapest and the median. */
typedef struct
{
  GArray     *prices;     /* double */
  double      cheapest;
  const char *cheapest_model;
} RegionPrices;

static double
median (GArray *values)
{
  return uc_stats_percentile ((double *) values->data, values->len, 0.5);
}

static gint64
recent_prices (UcDataset    *table,
               RegionPrices *us,
               RegionPrices *cn)
{
  int c_date = uc_dataset_find_column_of_type (table, "date", UC_COLUMN_DATE);
  int c_vendor = uc_dataset_find_column_of_type (table, "vendor", UC_COLUMN_TEXT);
  int c_model = uc_dataset_find_column_of_type (table, "model", UC_COLUMN_TEXT);
  int c_country = uc_dataset_find_column_of_type (table, "country", UC_COLUMN_TEXT);
  int c_in = uc_dataset_find_column_of_type (table, "input_usd_per_mtok", UC_COLUMN_NUMBER);
  int c_out = uc_dataset_find_column_of_type (table, "output_usd_per_mtok", UC_COLUMN_NUMBER);
  g_autoptr (GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = uc_dataset_get_n_rows (table);
  gint64 last = G_MININT64;
  GHashTableIter iter;
  gpointer key, value;

  if (c_date < 0 || c_vendor < 0 || c_model < 0 || c_country < 0 || c_in < 0 || c_out < 0)
    return G_MININT64;
  for (guint row = 0; row < n; row++)
    if (uc_dataset_get_times (table, c_date)[row] != UC_TIME_MISSING)
      last = MAX (last, uc_dataset_get_times (table, c_date)[row] / UC_USEC_PER_DAY);
  /* A model's latest row within the year; on one date, the later row. */
  for (guint row = 0; row < n; row++)
    {
      UcTime t = uc_dataset_get_times (table, c_date)[row];
      const char *model = uc_dataset_get_text (table, c_model, row);
      gpointer before;

      if (t == UC_TIME_MISSING || t / UC_USEC_PER_DAY < last - 365 || model == NULL || uc_price_is_part_time (model))
        continue;
      key = g_strconcat (uc_dataset_get_text (table, c_vendor, row) ?: "", "\x1f", model, NULL);
      before = g_hash_table_lookup (latest, key);
      if (before == NULL || uc_dataset_get_times (table, c_date)[GPOINTER_TO_UINT (before) - 1] <= t)
        g_hash_table_insert (latest, key, GUINT_TO_POINTER (row + 1));
      else
        g_free (key);
    }
  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint row = GPOINTER_TO_UINT (value) - 1;
      const char *country = uc_dataset_get_text (table, c_country, row);
      RegionPrices *rp = g_strcmp0 (country, "US") == 0 ? us : g_strcmp0 (country, "CN") == 0 ? cn : NULL;
      double price = (3 * uc_dataset_get_numbers (table, c_in)[row] + uc_dataset_get_numbers (table, c_out)[row]) / 4;

      if (rp == NULL || !isfinite (price))
        continue;
      g_array_append_val (rp->prices, price);
      if (rp->cheapest_model == NULL || price < rp->cheapest ||
          (price == rp->cheapest && g_strcmp0 (uc_dataset_get_text (table, c_model, row), rp->cheapest_model) < 0))
        {
          rp->cheapest = price;
          rp->cheapest_model = uc_dataset_get_text (table, c_model, row);
        }
    }
  return last;
}

/* Chinese models undercut US prices: the cheapest and the median price of
 * the models priced in the last year, US against China. */
static UcClaim *
claim_undercut (const UcClaimData *d)
{
  UcClaim *c = claim_new ("undercut", _("Chinese labs sell AI far cheaper than US labs."),
                          "undercut:view/pricing?variant=blended");
  g_autoptr (GArray) us_prices = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cn_prices = g_array_new (FALSE, FALSE, sizeof (double));
  RegionPrices us = { us_prices, NAN, NULL }, cn = { cn_prices, NAN, NULL };
  gint64 last = recent_prices (d->prices, &us, &cn);

  c->method = g_strdup (_("Each model’s latest blended list price (three parts input to one part output) among the "
                          "prices dated in the table’s last 365 days, time-of-day and promotional prices left out; "
                          "the cheapest and the median per region, US over China."));
  if (last == G_MININT64 || us.prices->len == 0 || cn.prices->len == 0)
    {
      c->figure = g_strdup (_("The table has no US or no Chinese price in its last year."));
      c->reason = g_strdup (_("No figure to test it with."));
      return c;
    }
  {
    g_autofree char *since = day_text (last - 365);
    guint n_us = us.prices->len, n_cn = cn.prices->len;
    double med_us = median (us.prices), med_cn = median (cn.prices);
    double r_cheap = us.cheapest / cn.cheapest, r_med = med_us / med_cn;
    g_autofree char *us_cheap = money_sig (us.cheapest), *cn_cheap = money_sig (cn.cheapest);
    g_autofree char *us_med = money_sig (med_us), *cn_med = money_sig (med_cn);
    g_autofree char *apart_cheap = uc_format_decimal (r_cheap, 1), *apart_med = uc_format_decimal (r_med, 1);

    /* Translators: the prices are amounts such as "$0.55", the "apart"
     * figures ratios such as "3.2" */
    c->figure = g_strdup_printf (_("Models priced since %s, blended per million tokens: the cheapest US model "
                                   "(%s) %s and the cheapest Chinese one (%s) %s, %s× apart; the medians "
                                   "%s (%u US models) and %s (%u Chinese), %s× apart."),
                                 since, us.cheapest_model, us_cheap, cn.cheapest_model, cn_cheap, apart_cheap,
                                 us_med, n_us, cn_med, n_cn, apart_med);
    c->verdict = r_cheap > 2 && r_med > 2 ? UC_VERDICT_SUPPORTS
               : r_cheap > 1 || r_med > 1 ? UC_VERDICT_PARTLY : UC_VERDICT_DOES_NOT;
    c->reason = g_strdup (_("List prices only: they say nothing of what the models can do, of discounts, or of "
                            "the price of serving them."));
  }
  return c;
}

/* A blitz of Chinese open models: China's share of open-weight releases. */
static UcClaim *
claim_open_models (const UcClaimData *d)
{
  UcClaim *c = claim_new ("open-models", _("China is flooding the world with open-weight models."),
                          "undercut:story/releases?shares=1");
  g_autoptr (UcReleaseCounts) years = uc_release_counts_new (d->releases, TRUE, NULL);
  g_autoptr (GString) by_year = g_string_new (NULL);
  guint all = 0;
  double share = NAN;
  g_autofree char *share_text = NULL;

  c->method = g_strdup (_("Releases in the model list with open weights, counted by region (a company’s first "
                          "listed country) and year; China’s share of them."));
  if (years == NULL || years->periods->len == 0)
    {
      c->figure = g_strdup (_("The data has no releases."));
      c->reason = g_strdup (_("No figure to test it with."));
      return c;
    }
  for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
    all += years->open[r];
  for (guint i = 0; i < years->periods->len; i++)
    {
      UcReleasePeriod *p = &g_array_index (years->periods, UcReleasePeriod, i);
      guint year_open = 0;
      g_autofree char *name = uc_release_period_name (years, p->start);

      for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
        year_open += p->open[r];
      if (year_open)
        {
          if (by_year->len)
            /* Translators: between the years of a list, as in “2024: 5 of 9; 2025: 12 of 15”. */
            g_string_append (by_year, C_("list of years", "; "));
          /* Translators: a year, then China's open-weight releases that year of all the year's. */
          g_string_append_printf (by_year, _("%s: %u of %u"), name, p->open[1], year_open);
        }
    }
  share = all ? (double) years->open[1] / all : NAN;
  share_text = uc_format_scaled (share * 100, "", (UcUnit) { 1, "" }, 0, "%");
  /* Translators: the third %s is a percentage such as "62%", the last lists
   * China's releases of each year's (“2024: 5 of 9; 2025: 12 of 15”). */
  c->figure = g_strdup_printf (_("China made %u of the list’s %u open-weight releases (%s); by year, %s."),
                               years->open[1], all, share_text, by_year->str);
  c->verdict = share > 0.5 ? UC_VERDICT_PARTLY : UC_VERDICT_DOES_NOT;
  c->reason = g_strdup (_("Most open-weight releases in the list are Chinese. But the list is curated (notable "
                          "models only), so it shows China’s share of those, not the number of all releases."));
  return c;
}

/* Hardware as with cars: nothing in the data measures it. */
static UcClaim *
claim_hardware (const UcClaimData *d)
{
  UcClaim *c = claim_new ("hardware", _("China will win on AI hardware as it did with electric cars."),
                          "undercut:view/hardware-evs?from=2025-02-17&to=2025-04-17");
  const char *byd[] = { "1211.HK", NULL };
  UcStudyOptions o;
  UcStudyWindow window = { 0, 5 };
  g_autoptr (UcStudy) study = NULL;
  UcStudyLine *line;

  uc_study_options_init (&o);
  o.event = uc_days_from_civil (2025, 3, 17);
  o.companies = byd;
  o.windows = &window;
  o.n_windows = 1;
  study = uc_study_run (d->caps, d->index, NULL, &o, NULL);
  line = study && study->lines->len ? g_ptr_array_index (study->lines, 0) : NULL;
  c->method = g_strdup (_("No test: the data has share prices, not sales, shipments or market shares. For "
                          "context, an event study of BYD around its 5-minute charging announcement against an "
                          "equal-weight basket of the other Hong Kong listings, days 0 to +5."));
  if (line && line->ok && line->cars[0].ok)
    {
      g_autofree char *car = pct (line->cars[0].car);
      g_autofree char *t = t_text (line->cars[0].t);

      /* Translators: a percentage, then a t statistic (“t −2.10”). */
      c->figure = g_strdup_printf (_("BYD moved %s beyond the other Hong Kong listings in the six days from its "
                                     "announcement on 2025-03-17 (%s)."), car, t);
    }
  else
    c->figure = g_strdup (_("The data does not cover BYD’s announcement."));
  c->verdict = UC_VERDICT_CANNOT_TEST;
  c->reason = g_strdup (_("Winning a market is a matter of sales and shares, which the data does not hold; a share "
                          "price’s move is not one."));
  return c;
}

GPtrArray *
uc_claims_check (const UcClaimData *data,
                 GError           **error)
{
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);

  if (data->caps == NULL || data->prices == NULL || data->releases == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("the claims need caps, prices and releases"));
      return NULL;
    }
  g_ptr_array_add (claims, claim_trillion (data));
  g_ptr_array_add (claims, claim_nvidia_record (data));
  g_ptr_array_add (claims, claim_beyond_market (data));
  g_ptr_array_add (claims, claim_prices_collapse (data));
  g_ptr_array_add (claims, claim_undercut (data));
  g_ptr_array_add (claims, claim_open_models (data));
  g_ptr_array_add (claims, claim_hardware (data));
  return g_steal_pointer (&claims);
}

char *
uc_claims_to_json (GPtrArray *claims)
{
  g_autoptr (UcJsonWriter) w = uc_json_writer_new (TRUE);

  uc_json_begin_array (w);
  for (guint i = 0; i < claims->len; i++)
    {
      UcClaim *c = g_ptr_array_index (claims, i);
      const char *keys[] = { "id", "claim", "source", "figure", "verdict", "reason", "method", "link" };
      const char *values[] = { c->id, c->claim, c->source, c->figure, uc_verdict_to_string (c->verdict), c->reason,
                               c->method, c->link };

      uc_json_begin_object (w);
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        {
          uc_json_key (w, keys[k]);
          if (values[k])
            uc_json_string (w, values[k]);
          else
            uc_json_null (w);
        }
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  return uc_json_writer_steal (w);
}
