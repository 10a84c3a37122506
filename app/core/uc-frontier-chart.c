/* uc-frontier-chart.c: the price frontiers drawn, each with its trend
 *
 * A step line per region (the cheapest price on offer) and, over the span
 * fitted, the straight line of its trend on the log axis, named by its
 * halving time.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-format.h"
#include "uc-price-frontier.h"

static UcSeries *
steps_series (UcFrontier *f,
              gint64      last_day,
              int         slot)
{
  g_autoptr (UcSeries) series = uc_series_new (f->region, _(f->region));

  for (guint i = 0; i < f->steps->len; i++)
    {
      UcFrontierStep *step = &g_array_index (f->steps, UcFrontierStep, i);

      uc_series_append (series, step->day * UC_USEC_PER_DAY, step->price);
    }
  /* The last price holds to the table's end. */
  if (f->steps->len && g_array_index (f->steps, UcFrontierStep, f->steps->len - 1).day < last_day)
    uc_series_append (series, last_day * UC_USEC_PER_DAY,
                      g_array_index (f->steps, UcFrontierStep, f->steps->len - 1).price);
  uc_series_set_kind (series, UC_CHART_STEP);
  uc_series_set_color (series, slot);
  uc_series_set_emphasis (series, TRUE);
  return g_steal_pointer (&series);
}

static UcSeries *
trend_series (UcFrontier *f,
              gint64      from,
              gint64      to,
              int         slot)
{
  g_autofree char *id = g_strdup_printf ("%s-trend", f->region);
  g_autofree char *months = uc_format_decimal (f->halving_months, 1);
  g_autofree char *label = isfinite (f->halving_months)
    /* Translators: %s is a region (US, China, Europe, Other), then a number of months */
    ? g_strdup_printf (_("%s trend: halves every %s months"), _(f->region), months)
    /* Translators: %s is a region (US, China, Europe, Other). */
    : g_strdup_printf (_("%s trend: no fall"), _(f->region));
  g_autoptr (UcSeries) series = uc_series_new (id, label);

  for (gint64 day = from; ; day = to)
    {
      double years = (day - from) / 365.25;

      uc_series_append (series, day * UC_USEC_PER_DAY, exp2 (f->fit.alpha + f->fit.beta * years));
      if (day == to)
        break;
    }
  uc_series_set_kind (series, UC_CHART_LINE);
  uc_series_set_color (series, slot);
  return g_steal_pointer (&series);
}

UcChartSpec *
uc_price_trend_build_chart (UcPriceTrend *self)
{
  g_autoptr (UcChartSpec) spec = uc_chart_spec_new ();
  g_autofree char *from = uc_format_day (self->from * UC_USEC_PER_DAY);
  g_autofree char *to = uc_format_day (self->to * UC_USEC_PER_DAY);
  g_autofree char *subtitle = NULL;
  g_autofree char *note = NULL;
  gint64 first = G_MAXINT64, last = G_MININT64;
  guint tracker = 0;

  for (guint i = 0; i < self->regions->len; i++)
    {
      UcFrontier *f = g_ptr_array_index (self->regions, i);

      first = MIN (first, g_array_index (f->steps, UcFrontierStep, 0).day);
      last = MAX (last, g_array_index (f->steps, UcFrontierStep, f->steps->len - 1).day);
      tracker += f->n_tracker;
    }
  last = MAX (last, self->to);
  for (guint i = 0; i < self->regions->len; i++)
    {
      UcFrontier *f = g_ptr_array_index (self->regions, i);
      g_autoptr (UcSeries) steps = steps_series (f, last, (int) i);

      uc_chart_spec_add_series (spec, steps);
      if (f->fitted)
        {
          g_autoptr (UcSeries) trend = trend_series (f, self->from, self->to, (int) i);

          uc_chart_spec_add_series (spec, trend);
        }
    }
  if (self->filter && *self->filter)
    /* Translators: the kind of price (output, input or blended), two dates, and the words models were filtered by. */
    subtitle = g_strdup_printf (_("The cheapest %s price on offer per million tokens, by vendor region, and its "
                                  "trend fitted %s to %s (log scale); models matching %s"),
                                uc_price_kind_describe (self->kind), from, to, self->filter);
  else
    /* Translators: the kind of price (output, input or blended), then two dates. */
    subtitle = g_strdup_printf (_("The cheapest %s price on offer per million tokens, by vendor region, and its "
                                  "trend fitted %s to %s (log scale)"),
                                uc_price_kind_describe (self->kind), from, to);
  if (tracker)
    note = g_strdup_printf (_("Trend: least squares through log2 of the frontier sampled every %d days; 95%% "
                              "intervals in “undercut frontier”. A model’s price counts as on offer until its next "
                              "price; time-of-day and promotional prices are left out. Some steps are dated by a "
                              "tracker’s first sight of the price, not the vendor’s date."), UC_FRONTIER_SAMPLE_DAYS);
  else
    note = g_strdup_printf (_("Trend: least squares through log2 of the frontier sampled every %d days; 95%% "
                              "intervals in “undercut frontier”. A model’s price counts as on offer until its next "
                              "price; time-of-day and promotional prices are left out."), UC_FRONTIER_SAMPLE_DAYS);
  uc_chart_spec_set_title (spec, _("The price frontier"));
  uc_chart_spec_set_subtitle (spec, subtitle);
  uc_chart_spec_set_note (spec, note);
  uc_chart_spec_set_source (spec, _("Source: simonw/llm-prices and models.dev histories, DeepSeek’s pricing pages "
                                    "and public pages (api-prices.csv)."));
  uc_chart_spec_set_value_format (spec, UC_VALUE_PER_MTOK);
  uc_chart_spec_set_log_scale (spec, TRUE);
  uc_chart_spec_set_legend_position (spec, UC_LEGEND_TOP);
  if (first < last)
    uc_chart_spec_set_range (spec, first * UC_USEC_PER_DAY, last * UC_USEC_PER_DAY);
  return g_steal_pointer (&spec);
}

/* The US frontier over China's, each day either moved: above 1, the
 * cheapest US price is dearer. */
UcChartSpec *
uc_price_trend_build_ratio_chart (UcPriceTrend *self)
{
  g_autoptr (UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr (UcSeries) ratio = uc_series_new ("us-over-china", _("US cheapest over China’s"));
  g_autoptr (UcSeries) even = uc_series_new ("even", _("As cheap (1×)"));
  g_autofree char *subtitle = NULL;
  guint n = self->ratio->len;

  for (guint i = 0; i < n; i++)
    {
      UcFrontierRatio *r = &g_array_index (self->ratio, UcFrontierRatio, i);

      uc_series_append (ratio, r->day * UC_USEC_PER_DAY, r->ratio);
    }
  if (n)
    {
      gint64 first = g_array_index (self->ratio, UcFrontierRatio, 0).day;
      gint64 last = MAX (g_array_index (self->ratio, UcFrontierRatio, n - 1).day, self->to);

      /* The last ratio holds to the span's end, as the prices do. */
      if (last > g_array_index (self->ratio, UcFrontierRatio, n - 1).day)
        uc_series_append (ratio, last * UC_USEC_PER_DAY, g_array_index (self->ratio, UcFrontierRatio, n - 1).ratio);
      uc_series_append (even, first * UC_USEC_PER_DAY, 1);
      uc_series_append (even, last * UC_USEC_PER_DAY, 1);
      if (first < last)
        uc_chart_spec_set_range (spec, first * UC_USEC_PER_DAY, last * UC_USEC_PER_DAY);
    }
  uc_series_set_kind (ratio, UC_CHART_STEP);
  uc_series_set_emphasis (ratio, TRUE);
  uc_series_set_color (even, UC_SERIES_COLOR_FOREGROUND);
  uc_chart_spec_add_series (spec, ratio);
  uc_chart_spec_add_series (spec, even);
  if (self->filter && *self->filter)
    /* Translators: the kind of price (output, input or blended), then the words models were filtered by. */
    subtitle = g_strdup_printf (_("The cheapest %s price on offer from a US vendor over the cheapest from a Chinese "
                                  "one, each day either moved (log scale); models matching %s"),
                                uc_price_kind_describe (self->kind), self->filter);
  else
    /* Translators: %s is the kind of price: output, input or blended. */
    subtitle = g_strdup_printf (_("The cheapest %s price on offer from a US vendor over the cheapest from a Chinese "
                                  "one, each day either moved (log scale)"), uc_price_kind_describe (self->kind));
  uc_chart_spec_set_title (spec, _("The US frontier over China’s"));
  uc_chart_spec_set_subtitle (spec, subtitle);
  uc_chart_spec_set_y_title (spec, _("US over China, ×"));
  uc_chart_spec_set_note (spec, _("Above 1×, the cheapest US model costs more than the cheapest Chinese one. A "
                                  "model’s price counts as on offer until its next price."));
  uc_chart_spec_set_source (spec, _("Source: simonw/llm-prices and models.dev histories, DeepSeek’s pricing pages "
                                    "and public pages (api-prices.csv)."));
  uc_chart_spec_set_value_format (spec, UC_VALUE_NUMBER);
  uc_chart_spec_set_log_scale (spec, TRUE);
  uc_chart_spec_set_legend_position (spec, UC_LEGEND_TOP);
  return g_steal_pointer (&spec);
}
