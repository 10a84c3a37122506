/* uc-price-frontier.c: cheapest-on-offer frontiers by region, their halving times */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-json-writer.h"
#include "uc-price-frontier.h"
#include "uc-regions.h"

static const char *const kind_names[] = { "output", "input", "blended" };

gboolean
uc_price_kind_from_string (const char  *name,
                           UcPriceKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (name, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
uc_price_kind_to_string (UcPriceKind kind)
{
  return kind < G_N_ELEMENTS (kind_names) ? kind_names[kind] : "output";
}

/* The kind as a sentence names it ("the cheapest output price"),
 * translated; uc_price_kind_to_string() is the name options and JSON use. */
const char *
uc_price_kind_describe (UcPriceKind kind)
{
  switch (kind)
    {
    case UC_PRICE_INPUT: return C_("price", "input");
    case UC_PRICE_BLENDED: return C_("price", "blended");
    case UC_PRICE_OUTPUT:
    default: return C_("price", "output");
    }
}

/* A price on offer only some hours of the day, or for a promotion's few
 * weeks: the table has no end date for them, so on a frontier they would
 * stay cheapest for ever. Their names say which they are. */
gboolean
uc_price_is_part_time (const char *model)
{
  return model && ((strstr (model, "off-peak") && strstr (model, " only")) || strstr (model, ", peak ") ||
                   strstr (model, "promotion"));
}

/* The order the regions are listed in, as uc_regions_new_default names them. */
/* Their names are keys; _() of one is the name shown. */
static const char *const regions[] = { N_("US"), N_("China"), N_("Europe"), N_("Other") };

static guint
region_index (UcRegions  *map,
              const char *country)
{
  const char *name = uc_regions_lookup (map, country);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_strcmp0 (regions[i], name) == 0)
      return i;
  return G_N_ELEMENTS (regions) - 1;
}

static void
frontier_free (UcFrontier *f)
{
  for (guint i = 0; i < f->steps->len; i++)
    {
      g_free (g_array_index (f->steps, UcFrontierStep, i).vendor);
      g_free (g_array_index (f->steps, UcFrontierStep, i).model);
    }
  g_array_unref (f->steps);
  g_free (f->region);
  g_free (f);
}

void
uc_price_trend_free (UcPriceTrend *self)
{
  if (self == NULL)
    return;
  g_free (self->filter);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->ratio, g_array_unref);
  g_free (self);
}

/* Every word of the filter in the vendor, model, country or region. */
static gboolean
matches (char *const *words,
         const char  *vendor,
         const char  *model,
         const char  *country,
         const char  *region)
{
  g_autofree char *joined = g_strjoin ("\x1f", vendor ? vendor : "", model ? model : "",
                                       country ? country : "", region, NULL);
  g_autofree char *hay = g_utf8_strdown (joined, -1);

  for (guint i = 0; words && words[i]; i++)
    if (*words[i] && strstr (hay, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

typedef struct
{
  gint64      day;
  double      price;
  const char *vendor;
  const char *model;
  gboolean    tracker;
} Row;

/* The frontier's steps: each day the lowest price on offer changed. */
static void
build_steps (UcFrontier *f,
             GArray     *rows)
{
  g_autoptr (GHashTable) offers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double last = NAN;

  for (guint i = 0; i < rows->len;)
    {
      gint64 day = g_array_index (rows, Row, i).day;
      GHashTableIter iter;
      gpointer value;
      Row *best = NULL;

      for (; i < rows->len && g_array_index (rows, Row, i).day == day; i++)
        {
          Row *r = &g_array_index (rows, Row, i);

          g_hash_table_insert (offers, g_strconcat (r->vendor, "\x1f", r->model, NULL), r);
        }
      g_hash_table_iter_init (&iter, offers);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          Row *r = value;

          /* Ties go to the earliest row, so the model named never depends
           * on the table's hashing. */
          if (best == NULL || r->price < best->price ||
              (r->price == best->price && r < best))
            best = r;
        }
      if (best && best->price != last)
        {
          UcFrontierStep step = { day, best->price, g_strdup (best->vendor), g_strdup (best->model),
                                  best->tracker };

          g_array_append_val (f->steps, step);
          last = best->price;
        }
    }
}

/* log2 per year: a halving time of a billion years is no fall. */
#define UC_FRONTIER_FLAT 1e-9

/* The frontier's price on @day: the last step on or before it. */
static double
price_on (UcFrontier *f,
          gint64      day,
          guint      *step)
{
  double price = NAN;

  for (guint i = 0; i < f->steps->len && g_array_index (f->steps, UcFrontierStep, i).day <= day; i++)
    {
      price = g_array_index (f->steps, UcFrontierStep, i).price;
      *step = i;
    }
  return price;
}

/* A line through log2 of the frontier sampled every 30 days of the span,
 * so a price that stays flat for a year counts for a year; its interval
 * from a moving-block bootstrap (blocks of six samples, about half a year),
 * which keeps the runs of equal samples a step function makes. */
static void
fit_trend (UcFrontier *f,
           gint64      from,
           gint64      to,
           guint       resamples,
           guint64     seed)
{
  guint cap = (guint) ((to - from) / UC_FRONTIER_SAMPLE_DAYS) + 2, n = 0, used = 0, first_step = G_MAXUINT;
  g_autofree double *x = g_new (double, cap);
  g_autofree double *y = g_new (double, cap);
  g_autofree double *xs = g_new (double, cap + UC_FRONTIER_BLOCK);
  g_autofree double *ys = g_new (double, cap + UC_FRONTIER_BLOCK);
  g_autofree double *slopes = g_new (double, resamples + 1);
  UcRandom rng;

  f->halving_months = f->yearly_factor = NAN;
  f->factor_lo = f->factor_hi = f->halving_lo = f->halving_hi = NAN;
  for (gint64 day = from; day <= to; day += UC_FRONTIER_SAMPLE_DAYS)
    {
      guint step = 0;
      double price = price_on (f, day, &step);

      if (!(price > 0))
        continue;
      first_step = MIN (first_step, step);
      x[n] = (day - from) / 365.25;
      y[n] = log2 (price);
      n++;
    }
  for (guint i = first_step; i < f->steps->len && g_array_index (f->steps, UcFrontierStep, i).day <= to; i++)
    f->n_tracker += g_array_index (f->steps, UcFrontierStep, i).tracker_date;
  f->n_fit = n;
  if (n < UC_FRONTIER_MIN_SAMPLES || !uc_stats_ols (x, y, n, &f->fit))
    return;
  f->fitted = TRUE;
  f->yearly_factor = exp2 (f->fit.beta);
  if (f->fit.beta < -UC_FRONTIER_FLAT)
    f->halving_months = -12 / f->fit.beta;

  uc_random_seed (&rng, seed);
  for (guint b = 0; b < resamples; b++)
    {
      UcOls fit;
      guint m = 0;

      while (m < n)
        {
          guint start = uc_random_below (&rng, n - UC_FRONTIER_BLOCK + 1);

          for (guint j = 0; j < UC_FRONTIER_BLOCK && m < n; j++, m++)
            {
              xs[m] = x[start + j];
              ys[m] = y[start + j];
            }
        }
      if (uc_stats_ols (xs, ys, n, &fit))
        slopes[used++] = fit.beta;
    }
  f->resamples_used = used;
  if (used < 2)
    return;
  {
    double lo = uc_stats_percentile (slopes, used, 0.025);
    double hi = uc_stats_percentile (slopes, used, 0.975);

    f->factor_lo = exp2 (lo);
    f->factor_hi = exp2 (hi);
    /* The steepest fall halves soonest. A resample of equal prices has a
     * slope of zero give or take rounding: no fall. */
    f->halving_lo = lo < -UC_FRONTIER_FLAT ? -12 / lo : NAN;
    f->halving_hi = hi < -UC_FRONTIER_FLAT ? -12 / hi : NAN;
  }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const UcTime *dates = data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (dates[x] != dates[y])
    return dates[x] < dates[y] ? -1 : 1;
  return (x > y) - (x < y);
}

static gboolean
read_rows (UcDataset   *prices,
           UcPriceKind  kind,
           char *const *words,
           gboolean     all_prices,
           GArray     **per_region,
           guint       *n_rows,
           guint       *n_part_time,
           GError     **error)
{
  int c_date = uc_dataset_find_column_of_type (prices, "date", UC_COLUMN_DATE);
  int c_vendor = uc_dataset_find_column_of_type (prices, "vendor", UC_COLUMN_TEXT);
  int c_model = uc_dataset_find_column_of_type (prices, "model", UC_COLUMN_TEXT);
  int c_country = uc_dataset_find_column_of_type (prices, "country", UC_COLUMN_TEXT);
  int c_in = uc_dataset_find_column_of_type (prices, "input_usd_per_mtok", UC_COLUMN_NUMBER);
  int c_out = uc_dataset_find_column_of_type (prices, "output_usd_per_mtok", UC_COLUMN_NUMBER);
  int c_basis = uc_dataset_find_column_of_type (prices, "date_basis", UC_COLUMN_TEXT);
  guint n = uc_dataset_get_n_rows (prices);
  g_autofree guint *order = NULL;
  g_autoptr (UcRegions) map = uc_regions_new_default ();
  const UcTime *dates;

  if (c_date < 0 || c_vendor < 0 || c_model < 0 || c_country < 0 || c_in < 0 || c_out < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the prices need date, vendor, model, country, input_usd_per_mtok and "
                             "output_usd_per_mtok columns"));
      return FALSE;
    }
  dates = uc_dataset_get_times (prices, c_date);
  /* By date; a day's rows keep the table's order. */
  order = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_rows, (gpointer) dates);
  *n_rows = 0;
  for (guint k = 0; k < n; k++)
    {
      guint row = order[k];
      const char *vendor = uc_dataset_get_text (prices, c_vendor, row);
      const char *model = uc_dataset_get_text (prices, c_model, row);
      const char *country = uc_dataset_get_text (prices, c_country, row);
      guint ri = region_index (map, country);
      const char *region = regions[ri];
      const char *basis = c_basis >= 0 ? uc_dataset_get_text (prices, c_basis, row) : NULL;
      double in = uc_dataset_get_numbers (prices, c_in)[row];
      double out = uc_dataset_get_numbers (prices, c_out)[row];
      double price = kind == UC_PRICE_INPUT ? in : kind == UC_PRICE_OUTPUT ? out : (3 * in + out) / 4;
      Row r;

      if (dates[row] == UC_TIME_MISSING || !isfinite (price) || model == NULL ||
          !matches (words, vendor, model, country, region))
        continue;
      if (!all_prices && uc_price_is_part_time (model))
        {
          (*n_part_time)++;
          continue;
        }
      r = (Row) { dates[row] / UC_USEC_PER_DAY, price, vendor ? vendor : "", model,
                  basis && strstr (basis, "tracker") != NULL };
      g_array_append_val (per_region[ri], r);
      (*n_rows)++;
    }
  return TRUE;
}

UcPriceTrend *
uc_price_trend_new (UcDataset    *prices,
                    UcPriceKind   kind,
                    const char   *filter,
                    gint64        from,
                    gint64        to,
                    gboolean      all_prices,
                    guint         resamples,
                    guint64       seed,
                    GError      **error)
{
  g_autoptr (UcPriceTrend) self = g_new0 (UcPriceTrend, 1);
  g_autofree char *lower = g_utf8_strdown (filter ? filter : "", -1);
  g_auto (GStrv) words = g_strsplit_set (lower, " \t,", -1);
  GArray *rows[G_N_ELEMENTS (regions)];
  gboolean ok;

  if (resamples > 100000)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("at most 100000 resamples"));
      return NULL;
    }
  self->kind = kind;
  self->filter = g_strdup (filter);
  self->resamples = resamples;
  self->seed = seed;
  self->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) frontier_free);
  self->ratio = g_array_new (FALSE, FALSE, sizeof (UcFrontierRatio));
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    rows[i] = g_array_new (FALSE, FALSE, sizeof (Row));
  ok = read_rows (prices, kind, words, all_prices, rows, &self->n_rows, &self->n_part_time, error);
  if (ok && self->n_rows == 0)
    {
      /* Translators: %s is the words models were filtered by. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no price matches “%s”"), filter ? filter : "");
      ok = FALSE;
    }
  if (ok)
    {
      gint64 first = G_MAXINT64, last = G_MININT64;

      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        if (rows[i]->len)
          {
            first = MIN (first, g_array_index (rows[i], Row, 0).day);
            last = MAX (last, g_array_index (rows[i], Row, rows[i]->len - 1).day);
          }
      self->from = from != G_MININT64 ? from : first;
      self->to = to != G_MININT64 ? to : last;
      for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
        {
          UcFrontier *f;

          if (rows[i]->len == 0)
            continue;
          f = g_new0 (UcFrontier, 1);
          f->region = g_strdup (regions[i]);
          f->steps = g_array_new (FALSE, FALSE, sizeof (UcFrontierStep));
          build_steps (f, rows[i]);
          fit_trend (f, self->from, self->to, resamples, seed);
          g_ptr_array_add (self->regions, f);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_array_unref (rows[i]);
  if (!ok)
    return NULL;

  /* US over China on each day either frontier moved, once both exist. */
  {
    UcFrontier *us = uc_price_trend_find (self, "US"), *cn = uc_price_trend_find (self, "China");
    guint i = 0, j = 0;
    double a = NAN, b = NAN;

    while (us && cn && (i < us->steps->len || j < cn->steps->len))
      {
        gint64 di = i < us->steps->len ? g_array_index (us->steps, UcFrontierStep, i).day : G_MAXINT64;
        gint64 dj = j < cn->steps->len ? g_array_index (cn->steps, UcFrontierStep, j).day : G_MAXINT64;
        gint64 day = MIN (di, dj);

        if (di == day)
          a = g_array_index (us->steps, UcFrontierStep, i++).price;
        if (dj == day)
          b = g_array_index (cn->steps, UcFrontierStep, j++).price;
        if (isfinite (a) && isfinite (b) && b > 0)
          g_array_append_val (self->ratio, ((UcFrontierRatio) { day, a / b }));
      }
  }
  return g_steal_pointer (&self);
}

UcFrontier *
uc_price_trend_find (UcPriceTrend *self,
                     const char   *region)
{
  for (guint i = 0; i < self->regions->len; i++)
    if (g_strcmp0 (((UcFrontier *) g_ptr_array_index (self->regions, i))->region, region) == 0)
      return g_ptr_array_index (self->regions, i);
  return NULL;
}

static void
day_string (UcJsonWriter *w,
            const char   *key,
            gint64        day)
{
  g_autofree char *s = uc_time_format_date (day * UC_USEC_PER_DAY);

  uc_json_key (w, key);
  uc_json_string (w, s);
}

static void
frontier_to_json (UcJsonWriter *w,
                  UcFrontier   *f)
{
  uc_json_begin_object (w);
  uc_json_key (w, "region");
  uc_json_string (w, f->region);
  uc_json_key (w, "samples");
  uc_json_int (w, f->n_fit);
  uc_json_key (w, "tracker_dated");
  uc_json_int (w, f->n_tracker);
  uc_json_member_number (w, "slope_log2_per_year", f->fit.beta);
  uc_json_member_number (w, "intercept_log2", f->fit.alpha);
  uc_json_member_number (w, "r2", f->fit.r2);
  uc_json_member_number (w, "halving_months", f->halving_months);
  uc_json_member_number (w, "yearly_factor", f->yearly_factor);
  uc_json_member_number (w, "yearly_factor_lo", f->factor_lo);
  uc_json_member_number (w, "yearly_factor_hi", f->factor_hi);
  uc_json_member_number (w, "halving_months_lo", f->halving_lo);
  uc_json_member_number (w, "halving_months_hi", f->halving_hi);
  uc_json_key (w, "resamples_used");
  uc_json_int (w, f->resamples_used);
  uc_json_key (w, "steps");
  uc_json_begin_array (w);
  for (guint j = 0; j < f->steps->len; j++)
    {
      UcFrontierStep *s = &g_array_index (f->steps, UcFrontierStep, j);

      uc_json_begin_object (w);
      day_string (w, "date", s->day);
      uc_json_key (w, "price");
      uc_json_number (w, s->price);
      uc_json_key (w, "vendor");
      uc_json_string (w, s->vendor);
      uc_json_key (w, "model");
      uc_json_string (w, s->model);
      uc_json_key (w, "tracker_date");
      uc_json_bool (w, s->tracker_date);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_end_object (w);
}

char *
uc_price_trend_to_json (UcPriceTrend *self)
{
  g_autoptr (UcJsonWriter) w = uc_json_writer_new (TRUE);

  uc_json_begin_object (w);
  uc_json_key (w, "price");
  uc_json_string (w, uc_price_kind_to_string (self->kind));
  uc_json_key (w, "filter");
  uc_json_string (w, self->filter ? self->filter : "");
  day_string (w, "from", self->from);
  day_string (w, "to", self->to);
  uc_json_key (w, "rows");
  uc_json_int (w, self->n_rows);
  uc_json_key (w, "left_out_part_time");
  uc_json_int (w, self->n_part_time);
  uc_json_key (w, "sample_days");
  uc_json_int (w, UC_FRONTIER_SAMPLE_DAYS);
  uc_json_key (w, "block");
  uc_json_int (w, UC_FRONTIER_BLOCK);
  uc_json_key (w, "resamples");
  uc_json_int (w, self->resamples);
  uc_json_key (w, "seed");
  uc_json_int (w, (gint64) self->seed);
  uc_json_key (w, "method");
  uc_json_string (w, "least squares of log2(price) on years since the span's start (365.25 days), the frontier "
                     "sampled every sample_days days from the start; moving-block bootstrap of the samples "
                     "(blocks of `block`, starts uniform, splitmix64), percentiles 2.5 and 97.5 of the slope, "
                     "linear between ranks");
  uc_json_key (w, "regions");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->regions->len; i++)
    frontier_to_json (w, g_ptr_array_index (self->regions, i));
  uc_json_end_array (w);
  uc_json_key (w, "us_over_china");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->ratio->len; i++)
    {
      UcFrontierRatio *r = &g_array_index (self->ratio, UcFrontierRatio, i);

      uc_json_begin_object (w);
      day_string (w, "date", r->day);
      uc_json_key (w, "ratio");
      uc_json_number (w, r->ratio);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_end_object (w);
  return uc_json_writer_steal (w);
}
