/* uc-cli-frontier.c: `undercut frontier`, the cheapest price on offer by region and its halving time */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-cli.h"
#include "uc-cli-input.h"
#include "uc-cli-text.h"
#include "uc-price-frontier.h"

static char *
months (double v)
{
  return isfinite (v) ? g_strdup_printf ("%.1f", v) : g_strdup ("–");
}

/* What was fitted, over which days, and the table's headings. */
static void
print_heading (UcPriceTrend *trend)
{
  g_autofree char *from = uc_time_format_date (trend->from * UC_USEC_PER_DAY);
  g_autofree char *to = uc_time_format_date (trend->to * UC_USEC_PER_DAY);
  g_autofree char *filter = uc_cli_escape (trend->filter ? trend->filter : "", -1, FALSE);
  const char *interval;

  if (*filter)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: the first %s is the kind of price (output, input or blended), the next two
                           * are dates, the fourth the words models were filtered by; %u is how many prices were
                           * fitted. */
                          "Cheapest %s price on offer per million tokens, by region; fitted %s to %s, "
                          "models matching “%s” (%u price)\n\n",
                          "Cheapest %s price on offer per million tokens, by region; fitted %s to %s, "
                          "models matching “%s” (%u prices)\n\n", trend->n_rows),
             uc_price_kind_describe (trend->kind), from, to, filter, trend->n_rows);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: the first %s is the kind of price (output, input or blended), the other two
                           * are dates; %u is how many prices were fitted. */
                          "Cheapest %s price on offer per million tokens, by region; fitted %s to %s (%u price)\n\n",
                          "Cheapest %s price on offer per million tokens, by region; fitted %s to %s (%u prices)\n\n",
                          trend->n_rows),
             uc_price_kind_describe (trend->kind), from, to, trend->n_rows);
  /* xgettext:no-c-format */
  interval = _("95% interval");
  /* Padded by columns, not bytes, for Chinese: the widths of the rows'. */
  {
    g_autofree char *region = uc_cli_pad (_("region"), 7, TRUE), *samples = uc_cli_pad (_("samples"), 7, FALSE);
    g_autofree char *halving = uc_cli_pad (_("halving"), 9, FALSE), *months = uc_cli_pad (interval, 17, TRUE);
    g_autofree char *per_year = uc_cli_pad (_("per year"), 8, FALSE), *factors = uc_cli_pad (interval, 15, TRUE);

    g_print ("%s %s  %s  %s  %s  %s  %s\n", region, samples, halving, months, per_year, factors,
             _("latest cheapest"));
  }
}

/* The ratio of the last day, what was left out, and how the figures were
 * had. */
static void
print_notes (UcPriceTrend *trend)
{
  if (trend->ratio->len)
    {
      UcFrontierRatio *r = &g_array_index (trend->ratio, UcFrontierRatio, trend->ratio->len - 1);
      g_autofree char *day = uc_time_format_date (r->day * UC_USEC_PER_DAY);

      /* Translators: a ratio, then the date it holds since. */
      g_print (_("\nThe US's cheapest over China's: %.3g× since %s.\n"), r->ratio, day);
    }
  if (trend->n_part_time)
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "\nLeft out: %u time-of-day or promotional price, which the table gives no end date "
                          "(--all-prices keeps them).\n",
                          "\nLeft out: %u time-of-day or promotional prices, which the table gives no end date "
                          "(--all-prices keeps them).\n", trend->n_part_time), trend->n_part_time);
  {
    g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, trend->seed);

    g_print (g_dngettext (GETTEXT_PACKAGE,
                          /* Translators: the first %d is a number of days, %u the number of bootstrap resamples, the
                           * second %d the samples in a block, %s the bootstrap's seed (a number). */
                          "\nHalving time: months for the frontier's price to halve, from a least-squares line "
                          "through log2 of the frontier sampled every %d days of the span; per year: the factor "
                          "the price is multiplied by each year. Intervals: %u moving-block bootstrap resample "
                          "(blocks of %d samples), seed %s. A model's price counts as on offer from its date until "
                          "its next price.\n",
                          "\nHalving time: months for the frontier's price to halve, from a least-squares line "
                          "through log2 of the frontier sampled every %d days of the span; per year: the factor "
                          "the price is multiplied by each year. Intervals: %u moving-block bootstrap resamples "
                          "(blocks of %d samples), seed %s. A model's price counts as on offer from its date until "
                          "its next price.\n", trend->resamples),
             UC_FRONTIER_SAMPLE_DAYS, trend->resamples, UC_FRONTIER_BLOCK, seed);
  }
}

static void
print_trend (UcPriceTrend *trend)
{
  print_heading (trend);
  for (guint i = 0; i < trend->regions->len; i++)
    {
      UcFrontier *f = g_ptr_array_index (trend->regions, i);
      UcFrontierStep *last = &g_array_index (f->steps, UcFrontierStep, f->steps->len - 1);
      g_autofree char *half = months (f->halving_months);
      g_autofree char *lo = months (f->halving_lo);
      g_autofree char *hi = isfinite (f->halving_hi) ? months (f->halving_hi) : g_strdup (_("no fall"));
      /* Translators: a range of months, “mo” short for months; the second %s may be “no fall”. */
      g_autofree char *interval = f->fitted ? g_strdup_printf (_("%s–%s mo"), lo, hi) : g_strdup ("–");
      g_autofree char *factor = isfinite (f->yearly_factor) ? g_strdup_printf ("×%.3g", f->yearly_factor)
                                                            : g_strdup ("–");
      g_autofree char *factors = isfinite (f->factor_lo) ? g_strdup_printf ("×%.3g–×%.3g", f->factor_lo, f->factor_hi)
                                                         : g_strdup ("–");
      g_autofree char *day = uc_time_format_date (last->day * UC_USEC_PER_DAY);
      g_autofree char *model = uc_cli_escape (last->model, -1, FALSE);
      g_autofree char *vendor = uc_cli_escape (last->vendor, -1, FALSE);

      /* Translators: a row of the table under the headings region, samples, halving, 95% interval, per year,
       * 95% interval, latest cheapest; “mo” is short for months; the last three %s are the cheapest model's
       * name, its vendor and the date of its price. Keep the widths. */
      g_autofree char *region = uc_cli_pad (_(f->region), 7, TRUE);
      g_autofree char *interval_cell = uc_cli_pad (interval, 17, TRUE);
      g_autofree char *factor_cell = uc_cli_pad (factor, 8, FALSE), *factors_cell = uc_cli_pad (factors, 15, TRUE);

      /* The cells come padded by columns (× and – are wider in bytes), so the format's widths leave them be. */
      g_print (_("%-7s %7u  %6s mo  %-17s  %8s  %-15s  $%g %s (%s, %s)\n"), region, f->n_fit,
               half, interval_cell, factor_cell, factors_cell, last->price, model, vendor, day);
      if (f->n_tracker)
        g_print (g_dngettext (GETTEXT_PACKAGE, "        %u of its steps is dated by a tracker's first sight of the price, "
                                               "not the vendor's date.\n",
                              "        %u of its steps are dated by a tracker's first sight of the price, "
                              "not the vendor's date.\n", f->n_tracker), f->n_tracker);
      if (!f->fitted)
        g_print (_("        too few samples with a price in the span for a trend\n"));
    }
  print_notes (trend);
}

/* A date option as days since 1970, or G_MININT64 when not given. */
static gboolean
day_of (const char  *arg,
        const char  *option,
        gint64      *day,
        GError     **error)
{
  UcTime t;

  *day = G_MININT64;
  if (arg == NULL)
    return TRUE;
  if (!uc_time_parse_date (arg, strlen (arg), &t))
    {
      /* Translators: the first %s is an option (--from, --to), the second what was given for it. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s: “%s” is not a date (YYYY-MM-DD)"), option, arg);
      return FALSE;
    }
  *day = t / UC_USEC_PER_DAY;
  return TRUE;
}

int
uc_cli_frontier (int argc, char **argv)
{
  g_autofree char *price_arg = NULL;
  g_autofree char *filter = NULL;
  g_autofree char *from_arg = NULL;
  g_autofree char *to_arg = NULL;
  g_autofree char *prices_path = NULL;
  g_auto (UcCliChartOut) d = UC_CLI_CHART_OUT_INIT;
  int resamples = UC_FRONTIER_DEFAULT_RESAMPLES;
  gint64 seed = UC_FRONTIER_DEFAULT_SEED;
  gboolean json = FALSE, all_prices = FALSE;
  GOptionEntry entries[] = {
    { "price", 'p', 0, G_OPTION_ARG_STRING, &price_arg, N_("output (default), input, or blended (three parts input to one part output)"), N_("KIND") },
    { "filter", 'f', 0, G_OPTION_ARG_STRING, &filter, N_("Only models whose vendor, name, country or region hold every word (deepseek, china, mistral)"), N_("WORDS") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_arg, N_("The span fitted starts on this date (default: the first price)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_arg, N_("…and ends on this one (default: the last price)"), N_("DATE") },
    { "resamples", 0, 0, G_OPTION_ARG_INT, &resamples, N_("Bootstrap resamples for the intervals (default 2000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT64, &seed, N_("The bootstrap's seed, so intervals can be reproduced"), N_("N") },
    { "all-prices", 0, 0, G_OPTION_ARG_NONE, &all_prices, N_("Keep time-of-day and promotional prices (off-peak hours, launch promotions), which the table gives no end date"), NULL },
    { "prices", 0, 0, G_OPTION_ARG_FILENAME, &prices_path, N_("Prices instead of the embedded ones, with api-prices.csv's columns"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &d.output, N_("Also draw the frontiers and their trends into a PNG, SVG or PDF file"), N_("FILE") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &d.pack, N_("Also write that chart as a report pack into this folder: PNG, SVG, PDF, the data as CSV and a JSON file with the chart and its sources"), N_("DIR") },
    { "width", 0, 0, G_OPTION_ARG_INT, &d.width, N_("With --output or --pack: width in pixels (default 1600)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &d.height, N_("With --output or --pack: height in pixels (default 900)"), N_("PX") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &d.theme, N_("With --output or --pack: light (default) or dark"), N_("THEME") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) rest = NULL;
  g_autoptr (UcDataset) prices = NULL;
  g_autoptr (UcPriceTrend) trend = NULL;
  g_autoptr (UcChartSpec) spec = NULL;
  UcPriceKind kind = UC_PRICE_OUTPUT;
  gint64 from = G_MININT64, to = G_MININT64;

  g_option_context_set_summary (context, _("The cheapest API price on offer each day, one frontier per region (US, "
                                           "China, Europe), how fast each halves, and the US's over China's."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "frontier", argc, argv, &rest, &error) ||
      (rest[1] && (g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                /* Translators: %s is a word on the command line that no option takes. */
                                _("unexpected argument “%s”"), rest[1]), TRUE)))
    return uc_cli_usage_error ("frontier", error->message);
  if (!uc_cli_chart_out_check (&d, &error))
    return uc_cli_usage_error ("frontier", error->message);
  if (price_arg && !uc_price_kind_from_string (price_arg, &kind))
    return uc_cli_usage_error ("frontier", _("--price is output, input or blended"));
  if (resamples < 0 || resamples > 100000)
    return uc_cli_usage_error ("frontier", _("--resamples is from 0 to 100000"));
  if (!day_of (from_arg, "--from", &from, &error) || !day_of (to_arg, "--to", &to, &error))
    return uc_cli_usage_error ("frontier", error->message);
  if (from != G_MININT64 && to != G_MININT64 && from >= to)
    return uc_cli_usage_error ("frontier", _("--from must come before --to"));

  prices = uc_cli_load_table (prices_path, "api-prices", &error);
  if (prices)
    trend = uc_price_trend_new (prices, kind, filter, from, to, all_prices, resamples, (guint64) seed, &error);
  /* The trend's refusals of the options are usage errors; the rest, and
   * the files', data or I/O errors. */
  if (trend == NULL && g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
    return uc_cli_usage_error ("frontier", error->message);
  spec = trend && (d.output || d.pack) ? uc_price_trend_build_chart (trend) : NULL;
  if (trend == NULL || (spec && !uc_cli_chart_out_write (&d, spec, &error)))
    {
      g_printerr ("undercut frontier: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  if (json)
    {
      g_autofree char *text = uc_price_trend_to_json (trend);

      g_print ("%s\n", text);
    }
  else
    print_trend (trend);
  return UC_EXIT_OK;
}
