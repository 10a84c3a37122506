/* uc-event-study.c: market-model event studies over each market's trading days
 *
 * The method is the textbook one (Campbell, Lo and MacKinlay, ch. 4): OLS of
 * a company's simple daily returns on the benchmark's over the estimation
 * window; abnormal return AR = R − (alpha + beta Rm); CAR the sum over the
 * window; its variance s² (L + L²/n + (ΣRm − L·mean Rm)² / Sxx), which adds
 * the error of the estimated alpha and beta to the L days' residual
 * variance; t = CAR / se with n − 2 degrees of freedom.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-event-study.h"
#include "uc-event-table.h"
#include "uc-json-writer.h"

#define NO_DAY G_MININT64

typedef struct
{
  char   *ticker;
  char   *name;
  char   *market;
  char   *currency;
  GArray *days;      /* gint64, as the rows come */
  GArray *closes;    /* double */
  GArray *caps;      /* double */
} Ticker;

typedef struct
{
  char    *market;
  GArray  *days;     /* sorted, distinct */
} Calendar;

static void
ticker_free (Ticker *t)
{
  g_free (t->ticker);
  g_free (t->name);
  g_free (t->market);
  g_free (t->currency);
  g_array_unref (t->days);
  g_array_unref (t->closes);
  g_array_unref (t->caps);
  g_free (t);
}

static void
calendar_free (Calendar *c)
{
  g_free (c->market);
  g_array_unref (c->days);
  g_free (c);
}

static void
line_free (UcStudyLine *line)
{
  g_free (line->id);
  g_free (line->name);
  g_free (line->market);
  g_free (line->currency);
  g_free (line->benchmark);
  g_free (line->why);
  for (guint i = 0; line->cars && i < UC_STUDY_MAX_WINDOWS; i++)
    g_free (line->cars[i].why);
  g_free (line->cars);
  g_free (line->path_car);
  g_free (line->path_se);
  g_free (line->path_days);
  g_free (line);
}

void
uc_study_free (UcStudy *self)
{
  if (self == NULL)
    return;
  g_free (self->event_title);
  g_clear_pointer (&self->windows, g_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

void
uc_study_options_init (UcStudyOptions *options)
{
  *options = (UcStudyOptions) {
    .event = NO_DAY,
    .estimation = { -120, -11 },
    .path_from = -10,
    .path_to = 20,
  };
}

const char *const uc_study_us_ai_stocks[] = { "NVDA", "MSFT", "GOOGL", "META", "TSM", "ORCL", "AAPL", "AMZN", NULL };

static const UcStudyWindow default_windows[] = { { -1, 1 }, { 0, 5 }, { 0, 20 } };

static char *
format_day (gint64 day)
{
  return uc_time_format_date (day * UC_USEC_PER_DAY);
}

/* "−1…+1": the signs a reader of event studies expects. */
char *
uc_study_window_format (const UcStudyWindow *w)
{
  return g_strdup_printf ("%s%d…%s%d", w->from < 0 ? "−" : w->from > 0 ? "+" : "", ABS (w->from),
                          w->to < 0 ? "−" : w->to > 0 ? "+" : "", ABS (w->to));
}

/* "-1,1" or "0,5": two whole numbers of trading days. */
gboolean
uc_study_window_parse (const char    *text,
                       UcStudyWindow *window,
                       GError       **error)
{
  g_auto (GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  gint64 v[2];

  if (g_strv_length (parts) != 2)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is a window as given (“-1,1”). */
                   _("“%s” is not a window: give its first and last trading day, as -1,1"), text);
      return FALSE;
    }
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *s = g_strstrip (g_strdup (parts[i]));

      if (!g_ascii_string_to_signed (s, 10, -UC_STUDY_MAX_SPAN, UC_STUDY_MAX_SPAN, &v[i], NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: a part of a window as given, then the whole window (“-1,x”); the numbers are
                        * limits. */
                       _("“%s” in “%s” is not a whole number of trading days from −%d to %d"),
                       s, text, UC_STUDY_MAX_SPAN, UC_STUDY_MAX_SPAN);
          return FALSE;
        }
    }
  if (v[0] > v[1])
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is a window as given (“5,1”). */
                   _("the window “%s” ends before it starts"), text);
      return FALSE;
    }
  window->from = (int) v[0];
  window->to = (int) v[1];
  return TRUE;
}

static int
text_column (UcDataset  *ds,
             const char *name)
{
  return uc_dataset_find_column_of_type (ds, name, UC_COLUMN_TEXT);
}

/* A column of the prices, or an error naming what is missing. */
static gboolean
need_column (UcDataset   *ds,
             const char  *name,
             UcColumnType type,
             int         *column,
             GError     **error)
{
  *column = uc_dataset_find_column_of_type (ds, name, type);
  if (*column >= 0)
    return TRUE;
  if (type == UC_COLUMN_DATE)
    /* Translators: a table's name, then a column's name. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the prices “%s” has no date column “%s”"),
                 uc_dataset_get_name (ds), name);
  else if (type == UC_COLUMN_NUMBER)
    /* Translators: a table's name, then a column's name. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the prices “%s” has no number column “%s”"),
                 uc_dataset_get_name (ds), name);
  else
    /* Translators: a table's name, then a column's name. */
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the prices “%s” has no text column “%s”"),
                 uc_dataset_get_name (ds), name);
  return FALSE;
}

static const char *
text_or (UcDataset  *ds,
         int         column,
         guint       row,
         const char *fallback)
{
  const char *s = column >= 0 ? uc_dataset_get_text (ds, column, row) : NULL;

  return s && *s ? s : fallback;
}

/* The tickers in the order their first row comes. */
static gboolean
read_prices (UcDataset  *ds,
             GPtrArray  *tickers,
             GHashTable *by_ticker,
             GError    **error)
{
  int c_date, c_ticker, c_close;
  int c_name = text_column (ds, "company"), c_market = text_column (ds, "market");
  int c_currency = text_column (ds, "currency");
  int c_cap = uc_dataset_find_column_of_type (ds, "market_cap", UC_COLUMN_NUMBER);
  const UcTime *dates;
  const double *closes, *caps;
  guint n = uc_dataset_get_n_rows (ds);

  if (!need_column (ds, "date", UC_COLUMN_DATE, &c_date, error) ||
      !need_column (ds, "ticker", UC_COLUMN_TEXT, &c_ticker, error) ||
      !need_column (ds, "close", UC_COLUMN_NUMBER, &c_close, error))
    return FALSE;
  dates = uc_dataset_get_times (ds, c_date);
  closes = uc_dataset_get_numbers (ds, c_close);
  caps = c_cap >= 0 ? uc_dataset_get_numbers (ds, c_cap) : NULL;
  for (guint row = 0; row < n; row++)
    {
      const char *id = uc_dataset_get_text (ds, c_ticker, row);
      Ticker *t;
      gint64 day;
      double cap;

      if (id == NULL || *id == '\0' || dates[row] == UC_TIME_MISSING)
        continue;
      t = g_hash_table_lookup (by_ticker, id);
      if (t == NULL)
        {
          t = g_new0 (Ticker, 1);
          t->ticker = g_strdup (id);
          t->name = g_strdup (text_or (ds, c_name, row, id));
          t->market = g_strdup (text_or (ds, c_market, row, ""));
          t->currency = g_strdup (text_or (ds, c_currency, row, ""));
          t->days = g_array_new (FALSE, FALSE, sizeof (gint64));
          t->closes = g_array_new (FALSE, FALSE, sizeof (double));
          t->caps = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (tickers, t);
          g_hash_table_insert (by_ticker, t->ticker, t);
        }
      day = dates[row] / UC_USEC_PER_DAY;
      cap = caps ? caps[row] : NAN;
      g_array_append_val (t->days, day);
      g_array_append_val (t->closes, closes[row]);
      g_array_append_val (t->caps, cap);
    }
  return TRUE;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* A market's trading days: the days any of its listings has a close. */
static Calendar *
calendar_for (GPtrArray  *tickers,
              const char *market)
{
  Calendar *c = g_new0 (Calendar, 1);
  guint kept = 0;

  c->market = g_strdup (market);
  c->days = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < tickers->len; i++)
    {
      Ticker *t = g_ptr_array_index (tickers, i);

      if (g_strcmp0 (t->market, market) != 0)
        continue;
      for (guint j = 0; j < t->days->len; j++)
        if (!isnan (g_array_index (t->closes, double, j)))
          g_array_append_val (c->days, g_array_index (t->days, gint64, j));
    }
  g_array_sort (c->days, compare_days);
  for (guint i = 0; i < c->days->len; i++)
    if (kept == 0 || g_array_index (c->days, gint64, i) != g_array_index (c->days, gint64, kept - 1))
      g_array_index (c->days, gint64, kept++) = g_array_index (c->days, gint64, i);
  g_array_set_size (c->days, kept);
  return c;
}

static gint
calendar_index (Calendar *c,
                gint64    day)
{
  guint lo = 0, hi = c->days->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (c->days, gint64, mid) < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < c->days->len && g_array_index (c->days, gint64, lo) == day ? (gint) lo : -1;
}

/* Values placed on a calendar (NaN where the series has no row that day). */
static double *
on_calendar (Calendar     *c,
             GArray       *days,
             GArray       *values)
{
  double *out = g_new (double, c->days->len);

  for (guint k = 0; k < c->days->len; k++)
    out[k] = NAN;
  for (guint j = 0; j < days->len; j++)
    {
      gint k = calendar_index (c, g_array_index (days, gint64, j));

      if (k >= 0)
        out[k] = g_array_index (values, double, j);
    }
  return out;
}

/* Simple returns from one trading day of the market to the next; a day
 * without a close leaves both returns it touches missing. */
static double *
returns_of (const double *closes,
            guint         n)
{
  double *r = g_new (double, n);

  for (guint k = 0; k < n; k++)
    r[k] = k > 0 && closes[k - 1] > 0 && isfinite (closes[k]) ? closes[k] / closes[k - 1] - 1 : NAN;
  return r;
}

typedef struct
{
  Calendar *calendar;
  double   *returns;   /* the benchmark's, per calendar day */
  char     *label;
} Benchmark;

static void
benchmark_clear (Benchmark *b)
{
  g_free (b->returns);
  g_free (b->label);
  b->returns = NULL;
  b->label = NULL;
}

/* Benchmarks the built-in index file carries, by market. */
static const struct { const char *market; const char *series; } known_indexes[] = {
  { "US", "NASDAQCOM" },
};

static gboolean
is_known_index (const char *series)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_indexes); i++)
    if (g_strcmp0 (known_indexes[i].series, series) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
index_series (UcDataset   *index,
              const char  *series,
              GArray     **days_out,
              GArray     **closes_out,
              char       **name_out)
{
  int c_date = uc_dataset_find_column_of_type (index, "date", UC_COLUMN_DATE);
  int c_series = text_column (index, "series");
  int c_close = uc_dataset_find_column_of_type (index, "close", UC_COLUMN_NUMBER);
  int c_name = text_column (index, "name");
  guint n = uc_dataset_get_n_rows (index);
  const UcTime *dates;
  const double *closes;

  if (c_date < 0 || c_series < 0 || c_close < 0)
    return FALSE;
  dates = uc_dataset_get_times (index, c_date);
  closes = uc_dataset_get_numbers (index, c_close);
  *days_out = g_array_new (FALSE, FALSE, sizeof (gint64));
  *closes_out = g_array_new (FALSE, FALSE, sizeof (double));
  *name_out = NULL;
  for (guint row = 0; row < n; row++)
    if (dates[row] != UC_TIME_MISSING && g_strcmp0 (uc_dataset_get_text (index, c_series, row), series) == 0)
      {
        gint64 day = dates[row] / UC_USEC_PER_DAY;

        g_array_append_val (*days_out, day);
        g_array_append_val (*closes_out, closes[row]);
        if (*name_out == NULL)
          *name_out = g_strdup (text_or (index, c_name, row, series));
      }
  if ((*days_out)->len == 0)
    {
      g_clear_pointer (days_out, g_array_unref);
      g_clear_pointer (closes_out, g_array_unref);
      g_clear_pointer (name_out, g_free);
      return FALSE;
    }
  return TRUE;
}

/* The index series for a market: one asked for, the index file's
 * `market` column, or the built-in table. */
static const char *
index_for_market (UcDataset  *index,
                  const char *market)
{
  int c_series, c_market;

  if (index == NULL)
    return NULL;
  c_series = text_column (index, "series");
  c_market = text_column (index, "market");
  if (c_series < 0)
    return NULL;
  if (c_market >= 0)
    {
      for (guint row = 0; row < uc_dataset_get_n_rows (index); row++)
        if (g_strcmp0 (uc_dataset_get_text (index, c_market, row), market) == 0)
          return uc_dataset_get_text (index, c_series, row);
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (known_indexes); i++)
    if (g_strcmp0 (known_indexes[i].market, market) == 0)
      {
        UcStringTable *table = uc_dataset_get_string_table (index, c_series);

        if (uc_string_table_lookup (table, known_indexes[i].series, strlen (known_indexes[i].series)) != 0)
          return known_indexes[i].series;
      }
  return NULL;
}

static const char *
market_name (const char *market)
{
  if (g_strcmp0 (market, "US") == 0)
    return _("US");
  if (g_strcmp0 (market, "HK") == 0)
    return _("Hong Kong");
  return market && *market ? market : _("data’s");
}

/* The equal-weight mean of the returns of a market's listings outside
 * @members, each day: the benchmark where the data has no index. */
static gboolean
basket_benchmark (GPtrArray   *tickers,
                  Calendar    *c,
                  GHashTable  *members,
                  Benchmark   *out)
{
  guint n = c->days->len, used = 0;
  double *sum = g_new0 (double, n);
  guint *count = g_new0 (guint, n);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < tickers->len; i++)
    {
      Ticker *t = g_ptr_array_index (tickers, i);
      g_autofree double *closes = NULL;
      g_autofree double *r = NULL;

      if (g_strcmp0 (t->market, c->market) != 0 || g_hash_table_contains (members, t->ticker))
        continue;
      closes = on_calendar (c, t->days, t->closes);
      r = returns_of (closes, n);
      for (guint k = 0; k < n; k++)
        if (isfinite (r[k]))
          {
            sum[k] += r[k];
            count[k]++;
          }
      if (used < 6)
        g_string_append_printf (names, "%s%s", used ? ", " : "", t->ticker);
      used++;
    }
  if (used == 0)
    {
      g_free (sum);
      g_free (count);
      return FALSE;
    }
  for (guint k = 0; k < n; k++)
    sum[k] = count[k] ? sum[k] / count[k] : NAN;
  g_free (count);
  out->calendar = c;
  out->returns = sum;
  if (used > 6)
    {
      /* Translators: the first six tickers of a basket, separated by commas, then how many more it holds. */
      g_autofree char *all = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more", "%s and %u more",
                                                           used - 6), names->str, used - 6);

      g_string_assign (names, all);
    }
  if (c->market == NULL || *c->market == '\0')
    /* Translators: how many listings, then their tickers (“NVDA, AMD and 3 more”). */
    out->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "equal-weight basket of %u other listing (%s)",
                                               "equal-weight basket of %u other listings (%s)", used),
                                  used, names->str);
  else
    /* Translators: how many listings, a market (US, Hong Kong), then the listings' tickers. */
    out->label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "equal-weight basket of %u other %s listing (%s)",
                                               "equal-weight basket of %u other %s listings (%s)", used),
                                  used, market_name (c->market), names->str);
  return TRUE;
}

static gboolean
index_benchmark (UcDataset   *index,
                 const char  *series,
                 Calendar    *c,
                 Benchmark   *out)
{
  g_autoptr (GArray) days = NULL;
  g_autoptr (GArray) closes = NULL;
  g_autofree char *name = NULL;
  g_autofree double *on = NULL;

  if (index == NULL || !index_series (index, series, &days, &closes, &name))
    return FALSE;
  on = on_calendar (c, days, closes);
  out->calendar = c;
  out->returns = returns_of (on, c->days->len);
  out->label = g_strcmp0 (name, series) == 0 ? g_strdup (series)
                                              : g_strdup_printf ("%s (%s)", name, series);
  return TRUE;
}

static void
set_why (char       **why,
         const char  *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
set_why (char       **why,
         const char  *format,
         ...)
{
  va_list args;

  if (*why)
    return;
  va_start (args, format);
  *why = g_strdup_vprintf (format, args);
  va_end (args);
}

/* The variance factor of a CAR over @len days whose benchmark returns add
 * up to @sum_rm: the window's days plus the model's estimation error. */
static double
car_se (UcStudyLine *line,
        double       len,
        double       sum_rm)
{
  double d = sum_rm - len * line->model.mean_x;

  return sqrt (line->model.s2 * (len + len * len / line->model.n + d * d / line->model.sxx));
}

static void
window_car (UcStudyLine         *line,
            UcStudyCar          *car,
            Calendar            *c,
            const double        *r,
            const double        *rm,
            const double        *caps,
            gint                 k0,
            const UcStudyWindow *w)
{
  gint last = c->days->len - 1;
  double sum = 0, sum_rm = 0, len = w->to - w->from + 1;

  if (k0 + w->to > last)
    {
      g_autofree char *end = format_day (g_array_index (c->days, gint64, last));

      /* Translators: %s is a date. */
      set_why (&car->why, _("the window runs past the prices, which end on %s"), end);
      return;
    }
  for (int tau = w->from; tau <= w->to; tau++)
    {
      gint k = k0 + tau;
      g_autofree char *day = k >= 0 ? format_day (g_array_index (c->days, gint64, k)) : NULL;

      if (k < 1)
        set_why (&car->why, _("the window starts before the prices do"));
      else if (!isfinite (r[k]))
        /* Translators: %s is a date. */
        set_why (&car->why, _("no return on %s"), day);
      else if (!isfinite (rm[k]))
        /* Translators: %s is a date. */
        set_why (&car->why, _("no benchmark return on %s"), day);
      else
        {
          sum += r[k] - line->model.alpha - line->model.beta * rm[k];
          sum_rm += rm[k];
        }
    }
  if (car->why)
    return;
  car->ok = TRUE;
  car->n_days = (guint) len;
  car->car = sum;
  car->se = car_se (line, len, sum_rm);
  car->t = car->car / car->se;
  car->p = uc_stats_t_two_sided_p (car->t, line->model.n - 2);
  if (caps && k0 + w->from - 1 >= 0)
    car->cap_before = caps[k0 + w->from - 1];
  car->money = car->car * car->cap_before;
}

/* The path the chart draws: CAR from path_from to each day after it. */
static void
study_path (UcStudyLine          *line,
            Calendar             *c,
            const double         *r,
            const double         *rm,
            gint                  k0,
            const UcStudyOptions *o)
{
  gint last = c->days->len - 1;
  double sum = 0, sum_rm = 0;
  gboolean broken = FALSE;

  line->path_from = o->path_from;
  line->n_path = o->path_to - o->path_from + 1;
  line->path_car = g_new (double, line->n_path);
  line->path_se = g_new (double, line->n_path);
  line->path_days = g_new (gint64, line->n_path);
  for (guint i = 0; i < line->n_path; i++)
    {
      gint k = k0 + o->path_from + (gint) i;

      line->path_days[i] = k >= 0 && k <= last ? g_array_index (c->days, gint64, k) : NO_DAY;
      if (k < 1 || k > last || !isfinite (r[k]) || !isfinite (rm[k]))
        broken = TRUE;
      if (broken)
        {
          line->path_car[i] = line->path_se[i] = NAN;
          continue;
        }
      sum += r[k] - line->model.alpha - line->model.beta * rm[k];
      sum_rm += rm[k];
      line->path_car[i] = sum;
      line->path_se[i] = car_se (line, i + 1, sum_rm);
    }
}

/* Fits the model and adds up the windows; @r and @rm are per calendar day. */
static void
study_line (UcStudyLine          *line,
            Calendar             *c,
            const double         *r,
            const double         *rm,
            const double         *caps,
            const UcStudyOptions *o,
            const UcStudyWindow  *windows,
            guint                 n_windows)
{
  gint n = c->days->len, k0 = -1, last;
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  guint m = 0;

  line->cars = g_new0 (UcStudyCar, UC_STUDY_MAX_WINDOWS);
  for (guint w = 0; w < n_windows; w++)
    line->cars[w] = (UcStudyCar) { .window = windows[w], .car = NAN, .se = NAN, .t = NAN, .p = NAN,
                                   .cap_before = NAN, .money = NAN };
  line->model = (UcOls) { .alpha = NAN, .beta = NAN, .s2 = NAN, .mean_x = NAN, .sxx = NAN, .r2 = NAN,
                          .se_alpha = NAN, .se_beta = NAN };
  line->t_crit = NAN;
  line->event_day = line->estimation_first = line->estimation_last = NO_DAY;
  for (gint k = 0; k < n; k++)
    if (g_array_index (c->days, gint64, k) >= o->event)
      {
        k0 = k;
        break;
      }
  last = n - 1;
  if (k0 < 0)
    {
      g_autofree char *end = n ? format_day (g_array_index (c->days, gint64, last)) : g_strdup ("–");

      /* Translators: a market (US, Hong Kong), then a date. */
      set_why (&line->why, _("the %s prices end on %s, before the event"), market_name (c->market), end);
      return;
    }
  line->event_day = g_array_index (c->days, gint64, k0);

  x = g_new (double, o->estimation.to - o->estimation.from + 1);
  y = g_new (double, o->estimation.to - o->estimation.from + 1);
  for (int tau = o->estimation.from; tau <= o->estimation.to; tau++)
    {
      gint k = k0 + tau;

      if (k < 1 || !isfinite (r[k]) || !isfinite (rm[k]))
        continue;
      if (line->estimation_first == NO_DAY)
        line->estimation_first = g_array_index (c->days, gint64, k);
      line->estimation_last = g_array_index (c->days, gint64, k);
      x[m] = rm[k];
      y[m] = r[k];
      m++;
    }
  if (m < UC_STUDY_MIN_ESTIMATION_DAYS || !uc_stats_ols (x, y, m, &line->model))
    {
      set_why (&line->why,
               _("only %u of the estimation window’s %d trading days have a return, and at least %d are needed"),
               m, o->estimation.to - o->estimation.from + 1, UC_STUDY_MIN_ESTIMATION_DAYS);
      line->model.n = m;
      return;
    }
  line->ok = TRUE;
  line->t_crit = uc_stats_t_quantile (0.05, m - 2);

  for (guint w = 0; w < n_windows; w++)
    window_car (line, &line->cars[w], c, r, rm, caps, k0, &windows[w]);
  study_path (line, c, r, rm, k0, o);
}


static UcStudyLine *
new_line (const char *id,
          const char *name,
          const char *market,
          const char *currency)
{
  UcStudyLine *line = g_new0 (UcStudyLine, 1);

  line->id = g_strdup (id);
  line->name = g_strdup (name);
  line->market = g_strdup (market);
  line->currency = g_strdup (currency);
  return line;
}

/* Which tickers: each name a ticker, or a market for all of its listings. */
static GPtrArray *
resolve_companies (const UcStudyOptions *o,
                   GPtrArray            *tickers,
                   GHashTable           *by_ticker,
                   GError              **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (o->companies == NULL || o->companies[0] == NULL)
    for (guint i = 0; i < tickers->len; i++)
      g_ptr_array_add (out, g_ptr_array_index (tickers, i));
  for (guint i = 0; o->companies && o->companies[i]; i++)
    {
      const char *want = o->companies[i];
      Ticker *t = g_hash_table_lookup (by_ticker, want);
      gboolean found = t != NULL;

      if (t && g_hash_table_add (seen, t->ticker))
        g_ptr_array_add (out, t);
      for (guint j = 0; !t && j < tickers->len; j++)
        {
          Ticker *u = g_ptr_array_index (tickers, j);

          if (g_ascii_strcasecmp (u->market, want) == 0 || g_ascii_strcasecmp (u->ticker, want) == 0)
            {
              found = TRUE;
              if (g_hash_table_add (seen, u->ticker))
                g_ptr_array_add (out, u);
            }
        }
      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is a ticker or a market as given (NVDA, HK…). */
                       _("no ticker or market “%s” in the prices"), want);
          return NULL;
        }
    }
  if (out->len > UC_STUDY_MAX_COMPANIES)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE,
                                /* Translators: how many companies were asked for, then the most a study takes. */
                                "%u company: at most %d can be studied at once; name them with --companies",
                                "%u companies: at most %d can be studied at once; name them with --companies", out->len),
                   out->len, UC_STUDY_MAX_COMPANIES);
      return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  const UcStudyOptions *o;
  const UcStudyWindow  *windows;
  guint                 n_windows;
  UcDataset            *index;
  UcDataset            *events;
  GPtrArray            *tickers;    /* Ticker, every one in the prices */
  GPtrArray            *chosen;     /* Ticker, the companies studied */
  GHashTable           *calendars;  /* market → Calendar */
  GPtrArray            *markets;    /* the chosen companies' markets, in their order */
  UcStudy              *study;
} Run;

static gboolean
check_options (const UcStudyOptions  *o,
               const UcStudyWindow  **windows,
               guint                 *n_windows,
               GError               **error)
{
  int first_window = G_MAXINT;

  if (o->event == NO_DAY)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no event date"));
      return FALSE;
    }
  *windows = o->n_windows ? o->windows : default_windows;
  *n_windows = o->n_windows ? o->n_windows : G_N_ELEMENTS (default_windows);
  if (*n_windows > UC_STUDY_MAX_WINDOWS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   g_dngettext (GETTEXT_PACKAGE, "at most %d window", "at most %d windows", UC_STUDY_MAX_WINDOWS),
                   UC_STUDY_MAX_WINDOWS);
      return FALSE;
    }
  for (guint w = 0; w < *n_windows; w++)
    first_window = MIN (first_window, (*windows)[w].from);
  if (o->estimation.from >= o->estimation.to ||
      o->estimation.to - o->estimation.from + 1 < UC_STUDY_MIN_ESTIMATION_DAYS ||
      ABS (o->estimation.from) > UC_STUDY_MAX_SPAN || ABS (o->estimation.to) > UC_STUDY_MAX_SPAN)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: the fewest trading days of the estimation window, then how far from the event it
                    * may reach. */
                   _("the estimation window must span at least %d trading days, within ±%d of the event"),
                   UC_STUDY_MIN_ESTIMATION_DAYS, UC_STUDY_MAX_SPAN);
      return FALSE;
    }
  if (o->estimation.to >= first_window || o->estimation.to >= o->path_from)
    {
      g_autofree char *est = uc_study_window_format (&o->estimation);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: a window of trading days (“-120…-11”), then a day's number. */
                   _("the estimation window %s must end before the first event window and the chart start (day %d)"),
                   est, MIN (first_window, o->path_from));
      return FALSE;
    }
  if (o->path_from > o->path_to || o->path_to - o->path_from > UC_STUDY_MAX_SPAN)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("the chart's days are out of order"));
      return FALSE;
    }
  return TRUE;
}

/* The index series @o names, none for "basket", else the market's own. */
static const char *
series_for (Run        *run,
            const char *market)
{
  const char *asked = run->o->benchmark;

  if (asked)
    return g_strcmp0 (asked, "basket") != 0 ? asked : NULL;
  return index_for_market (run->index, market);
}

/* Each company against its market's index, or the other listings. */
static gboolean
study_companies (Run     *run,
                 GError **error)
{
  g_autoptr (GHashTable) noted = g_hash_table_new (g_str_hash, g_str_equal);
  UcStudy *study = run->study;

  for (guint i = 0; i < run->chosen->len; i++)
    {
      Ticker *t = g_ptr_array_index (run->chosen, i);
      Calendar *c = g_hash_table_lookup (run->calendars, t->market);
      UcStudyLine *line = new_line (t->ticker, t->name, t->market, t->currency);
      const char *series = series_for (run, t->market);
      Benchmark b = { 0 };
      g_autofree double *closes = on_calendar (c, t->days, t->closes);
      g_autofree double *caps = on_calendar (c, t->days, t->caps);
      g_autofree double *r = returns_of (closes, c->days->len);

      g_ptr_array_add (study->lines, line);
      if (series && !index_benchmark (run->index, series, c, &b))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is an index series as given (NASDAQCOM…). */
                       _("no index series “%s” in the benchmarks"), series);
          return FALSE;
        }
      if (series == NULL)
        {
          g_autoptr (GHashTable) self_only = g_hash_table_new (g_str_hash, g_str_equal);

          g_hash_table_add (self_only, t->ticker);
          if (!basket_benchmark (run->tickers, c, self_only, &b))
            {
              line->benchmark = g_strdup (_("none"));
              line->cars = g_new0 (UcStudyCar, UC_STUDY_MAX_WINDOWS);
              /* Translators: %s is a market: US, Hong Kong, or the data's. */
              set_why (&line->why, _("no index for the %s market, and no other listing to make a basket of"),
                       market_name (t->market));
              continue;
            }
          if (!run->o->benchmark && g_hash_table_add (noted, t->market))
            g_ptr_array_add (study->notes,
                             *t->market
                             /* Translators: %s is a market: US, Hong Kong, or the data's. */
                             ? g_strdup_printf (_("The data has no index of the %s market: each company there "
                                                  "is measured against an equal-weight basket of the market’s "
                                                  "other listings in the data, a rough stand-in for an index."),
                                                market_name (t->market))
                             : g_strdup (_("No index was given: each company is measured against an equal-weight "
                                           "basket of the other listings in the data, a rough stand-in for an "
                                           "index.")));
        }
      if (series && is_known_index (series) && g_hash_table_add (noted, t->market))
        g_ptr_array_add (study->notes,
                         /* Translators: %s is an index's name (the Nasdaq Composite…). */
                         g_strdup_printf (_("The benchmark, %s, holds the largest companies it is measured "
                                            "against: a fall they share moves the index too, so their "
                                            "abnormal returns understate a shock that hit them together."),
                                          b.label));
      line->benchmark = g_steal_pointer (&b.label);
      line->against_others = series == NULL;
      study_line (line, c, r, b.returns, caps, run->o, run->windows, run->n_windows);
      benchmark_clear (&b);
    }
  return TRUE;
}

/* The companies as one equal-weight portfolio. */
static void
study_basket (Run *run)
{
  const char *market = g_ptr_array_index (run->markets, 0);
  Calendar *c = g_hash_table_lookup (run->calendars, market);
  guint n = c->days->len;
  g_autofree double *sum = g_new0 (double, n);
  g_autofree guint *count = g_new0 (guint, n);
  g_autoptr (GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);
  const char *series = series_for (run, market);
  Benchmark b = { 0 };
  UcStudyLine *line;

  if (run->markets->len > 1)
    {
      g_ptr_array_add (run->study->notes, g_strdup (_("No basket line: the companies trade in different markets, "
                                                      "on different days.")));
      return;
    }
  for (guint i = 0; i < run->chosen->len; i++)
    {
      Ticker *t = g_ptr_array_index (run->chosen, i);
      g_autofree double *closes = on_calendar (c, t->days, t->closes);
      g_autofree double *r = returns_of (closes, n);

      g_hash_table_add (members, t->ticker);
      for (guint k = 0; k < n; k++)
        if (isfinite (r[k]))
          {
            sum[k] += r[k];
            count[k]++;
          }
    }
  for (guint k = 0; k < n; k++)
    sum[k] = count[k] ? sum[k] / count[k] : NAN;

  if (!(series ? index_benchmark (run->index, series, c, &b) : basket_benchmark (run->tickers, c, members, &b)))
    {
      g_ptr_array_add (run->study->notes,
                       /* Translators: %s is a market: US, Hong Kong, or the data's. */
                       g_strdup_printf (_("No basket line: the %s market has no index in the data and no "
                                          "listing outside the companies to stand in for one."),
                                        market_name (market)));
      return;
    }
  line = new_line ("basket", _("Equal-weight basket"), market,
                   ((Ticker *) g_ptr_array_index (run->chosen, 0))->currency);
  line->is_basket = TRUE;
  line->benchmark = g_steal_pointer (&b.label);
  study_line (line, c, sum, b.returns, NULL, run->o, run->windows, run->n_windows);
  benchmark_clear (&b);
  /* A basket's money is its members': an equal-weight return times their
   * combined cap would weigh the small ones like the large. */
  for (guint w = 0; w < run->n_windows; w++)
    {
      double money = 0;

      for (guint i = 0; i < run->chosen->len; i++)
        money += ((UcStudyLine *) g_ptr_array_index (run->study->lines, i))->cars[w].money;
      line->cars[w].money = line->cars[w].ok ? money : NAN;
    }
  g_ptr_array_add (run->study->lines, line);
}

/* What a reader must know to trust the figures: day 0 per market, and the
 * other events the windows hold. */
static void
study_notes (Run *run)
{
  UcStudy *study = run->study;

  for (guint m = 0; m < run->markets->len; m++)
    {
      Calendar *c = g_hash_table_lookup (run->calendars, g_ptr_array_index (run->markets, m));
      UcStudyLine *any = NULL;
      gint64 wfrom = NO_DAY, wto = NO_DAY;
      char *list;
      gint k0;

      for (guint i = 0; i < study->lines->len && any == NULL; i++)
        {
          UcStudyLine *line = g_ptr_array_index (study->lines, i);

          if (g_strcmp0 (line->market, c->market) == 0 && line->ok)
            any = line;
        }
      if (any == NULL)
        continue;
      if (run->markets->len > 1 || any->event_day != run->o->event)
        {
          g_autofree char *day = format_day (any->event_day);

          g_ptr_array_add (study->notes,
                           /* Translators: a market (US, Hong Kong), then a date. */
                           g_strdup_printf (_("Day 0 in the %s market is %s, its first trading day on or after "
                                              "the event; days are counted in that market’s own trading days "
                                              "(the days its listings have a close), so holidays elsewhere do "
                                              "not shift them."), market_name (c->market), day));
        }
      list = uc_event_table_list_between (run->events, any->estimation_first, any->estimation_last, NO_DAY);
      if (list)
        g_ptr_array_add (study->notes,
                         /* Translators: a market, then events with their dates. */
                         g_strdup_printf (_("Other events inside the %s estimation window, which may bend "
                                            "alpha and beta: %s."), market_name (c->market), list));
      g_clear_pointer (&list, g_free);
      k0 = calendar_index (c, any->event_day);
      for (guint w = 0; w < run->n_windows; w++)
        {
          gint a = CLAMP (k0 + run->windows[w].from, 0, (gint) c->days->len - 1);
          gint z = CLAMP (k0 + run->windows[w].to, 0, (gint) c->days->len - 1);

          if (wfrom == NO_DAY || g_array_index (c->days, gint64, a) < wfrom)
            wfrom = g_array_index (c->days, gint64, a);
          if (wto == NO_DAY || g_array_index (c->days, gint64, z) > wto)
            wto = g_array_index (c->days, gint64, z);
        }
      list = uc_event_table_list_between (run->events, wfrom, wto, run->o->event);
      if (list)
        g_ptr_array_add (study->notes,
                         /* Translators: a market, then events with their dates. */
                         g_strdup_printf (_("Other events inside the %s event windows, whose moves the CARs "
                                            "include: %s."), market_name (c->market), list));
      g_clear_pointer (&list, g_free);
    }
}

static char *
event_title (UcDataset *events,
             gint64     day)
{
  int c_date, c_title;

  if (events == NULL)
    return NULL;
  c_date = uc_dataset_find_column_of_type (events, "date", UC_COLUMN_DATE);
  c_title = text_column (events, "title");
  for (guint row = 0; c_date >= 0 && c_title >= 0 && row < uc_dataset_get_n_rows (events); row++)
    if (uc_dataset_get_times (events, c_date)[row] / UC_USEC_PER_DAY == day)
      return g_strdup (text_or (events, c_title, row, NULL));
  return NULL;
}

UcStudy *
uc_study_run (UcDataset            *prices,
              UcDataset            *index,
              UcDataset            *events,
              const UcStudyOptions *o,
              GError              **error)
{
  g_autoptr (GPtrArray) tickers = g_ptr_array_new_with_free_func ((GDestroyNotify) ticker_free);
  g_autoptr (GHashTable) by_ticker = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) calendars = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) calendar_free);
  g_autoptr (GPtrArray) markets = g_ptr_array_new ();
  g_autoptr (GPtrArray) chosen = NULL;
  g_autoptr (UcStudy) study = NULL;
  Run run = { .o = o, .index = index, .events = events, .tickers = tickers, .calendars = calendars,
              .markets = markets };

  if (!check_options (o, &run.windows, &run.n_windows, error) ||
      !read_prices (prices, tickers, by_ticker, error))
    return NULL;
  chosen = resolve_companies (o, tickers, by_ticker, error);
  if (chosen == NULL)
    return NULL;
  if (chosen->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("the prices have no rows"));
      return NULL;
    }
  run.chosen = chosen;

  study = g_new0 (UcStudy, 1);
  study->event = o->event;
  study->event_title = event_title (events, o->event);
  study->estimation = o->estimation;
  study->windows = g_array_new (FALSE, FALSE, sizeof (UcStudyWindow));
  g_array_append_vals (study->windows, run.windows, run.n_windows);
  study->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  study->notes = g_ptr_array_new_with_free_func (g_free);
  run.study = study;

  for (guint i = 0; i < chosen->len; i++)
    {
      Ticker *t = g_ptr_array_index (chosen, i);

      if (!g_hash_table_contains (calendars, t->market))
        {
          g_hash_table_insert (calendars, t->market, calendar_for (tickers, t->market));
          g_ptr_array_add (markets, t->market);
        }
    }
  if (!study_companies (&run, error))
    return NULL;
  if (chosen->len > 1)
    study_basket (&run);
  study_notes (&run);
  return g_steal_pointer (&study);
}

static void
json_date (UcJsonWriter *w,
           const char   *key,
           gint64        day)
{
  uc_json_key (w, key);
  if (day == NO_DAY)
    uc_json_null (w);
  else
    {
      g_autofree char *s = format_day (day);

      uc_json_string (w, s);
    }
}

static void
line_to_json (UcJsonWriter *w,
              UcStudy      *self,
              UcStudyLine  *line)
{
  uc_json_begin_object (w);
  uc_json_member_string (w, "id", line->id);
  uc_json_member_string (w, "name", line->name);
  uc_json_member_string (w, "market", line->market);
  uc_json_member_string (w, "currency", line->currency);
  uc_json_key (w, "basket");
  uc_json_bool (w, line->is_basket);
  uc_json_member_string (w, "benchmark", line->benchmark);
  uc_json_key (w, "ok");
  uc_json_bool (w, line->ok);
  uc_json_member_string (w, "why", line->why);
  json_date (w, "event_day", line->event_day);
  json_date (w, "estimation_first", line->estimation_first);
  json_date (w, "estimation_last", line->estimation_last);
  uc_json_key (w, "estimation_days");
  uc_json_int (w, line->model.n);
  uc_json_member_number (w, "alpha", line->model.alpha);
  uc_json_member_number (w, "beta", line->model.beta);
  uc_json_member_number (w, "se_alpha", line->model.se_alpha);
  uc_json_member_number (w, "se_beta", line->model.se_beta);
  uc_json_member_number (w, "residual_sd", sqrt (line->model.s2));
  uc_json_member_number (w, "r2", line->model.r2);
  uc_json_member_number (w, "t_crit", line->t_crit);
  uc_json_key (w, "windows");
  uc_json_begin_array (w);
  for (guint j = 0; j < self->windows->len; j++)
    {
      UcStudyCar *car = &line->cars[j];

      uc_json_begin_object (w);
      uc_json_key (w, "from");
      uc_json_int (w, g_array_index (self->windows, UcStudyWindow, j).from);
      uc_json_key (w, "to");
      uc_json_int (w, g_array_index (self->windows, UcStudyWindow, j).to);
      uc_json_key (w, "ok");
      uc_json_bool (w, car->ok);
      uc_json_member_string (w, "why", car->why);
      uc_json_member_number (w, "car", car->car);
      uc_json_member_number (w, "se", car->se);
      uc_json_member_number (w, "t", car->t);
      uc_json_member_number (w, "p", car->p);
      uc_json_member_number (w, "cap_before", car->cap_before);
      uc_json_member_number (w, "money", car->money);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  if (line->ok)
    {
      uc_json_key (w, "path");
      uc_json_begin_array (w);
      for (guint j = 0; j < line->n_path; j++)
        {
          uc_json_begin_object (w);
          uc_json_key (w, "day");
          uc_json_int (w, line->path_from + (int) j);
          json_date (w, "date", line->path_days[j]);
          uc_json_member_number (w, "car", line->path_car[j]);
          uc_json_member_number (w, "se", line->path_se[j]);
          uc_json_end_object (w);
        }
      uc_json_end_array (w);
    }
  uc_json_end_object (w);
}

char *
uc_study_to_json (UcStudy *self)
{
  g_autoptr (UcJsonWriter) w = uc_json_writer_new (TRUE);

  uc_json_begin_object (w);
  json_date (w, "event", self->event);
  uc_json_member_string (w, "event_title", self->event_title);
  uc_json_key (w, "estimation");
  uc_json_begin_array (w);
  uc_json_int (w, self->estimation.from);
  uc_json_int (w, self->estimation.to);
  uc_json_end_array (w);
  uc_json_key (w, "method");
  uc_json_string (w, "market model, OLS of simple daily returns on the benchmark's over the estimation window; "
                     "CAR variance s2 (L + L2/n + (sum Rm - L mean Rm)2 / Sxx); t with n - 2 degrees of freedom");
  uc_json_key (w, "lines");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->lines->len; i++)
    line_to_json (w, self, g_ptr_array_index (self->lines, i));
  uc_json_end_array (w);
  uc_json_key (w, "notes");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->notes->len; i++)
    uc_json_string (w, g_ptr_array_index (self->notes, i));
  uc_json_end_array (w);
  uc_json_end_object (w);
  return uc_json_writer_steal (w);
}
