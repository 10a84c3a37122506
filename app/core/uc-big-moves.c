/* uc-big-moves.c: a company's or a basket's days ranked by their move */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-big-moves.h"
#include "uc-event-table.h"
#include "uc-json-writer.h"

void
uc_moves_free (UcMoves *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; self->moves && i < self->moves->len; i++)
    g_free (g_array_index (self->moves, UcMove, i).events);
  g_clear_pointer (&self->moves, g_array_unref);
  g_free (self->label);
  g_free (self->currency);
  g_free (self);
}

typedef struct
{
  UcMovesDirection direction;
  gboolean         by_money;
} Order;

static double
size_of (const UcMove *m,
         const Order  *o)
{
  double v = o->by_money ? m->money : m->change;

  switch (o->direction)
    {
    case UC_MOVES_FALLS:
      return -v;
    case UC_MOVES_RISES:
      return v;
    case UC_MOVES_BOTH:
    default:
      return fabs (v);
    }
}

static int
compare_moves (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  double x = size_of (a, data), y = size_of (b, data);

  if (x != y)
    return x < y ? 1 : -1;
  /* Ties by date, so the order never depends on the sort. */
  return (((const UcMove *) a)->day > ((const UcMove *) b)->day) - (((const UcMove *) a)->day < ((const UcMove *) b)->day);
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* Each member's value by day; FALSE with @error when a member is unknown,
 * or a basket member has no cap. */
static GPtrArray *
member_values (UcDataset          *prices,
               const char * const *companies,
               gboolean           *by_cap,
               char              **currency,
               GError            **error)
{
  int c_date = uc_dataset_find_column_of_type (prices, "date", UC_COLUMN_DATE);
  int c_ticker = uc_dataset_find_column_of_type (prices, "ticker", UC_COLUMN_TEXT);
  int c_close = uc_dataset_find_column_of_type (prices, "close", UC_COLUMN_NUMBER);
  int c_cap = uc_dataset_find_column_of_type (prices, "market_cap", UC_COLUMN_NUMBER);
  int c_currency = uc_dataset_find_column_of_type (prices, "currency", UC_COLUMN_TEXT);
  guint n = uc_dataset_get_n_rows (prices), n_members = g_strv_length ((char **) companies);
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  if (c_date < 0 || c_ticker < 0 || c_close < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the prices need date, ticker and close columns"));
      return NULL;
    }
  *by_cap = c_cap >= 0;
  for (guint m = 0; m < n_members; m++)
    {
      GHashTable *values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      gboolean any_cap = FALSE, any = FALSE;

      g_ptr_array_add (out, values);
      for (guint row = 0; row < n; row++)
        {
          UcTime t = uc_dataset_get_times (prices, c_date)[row];
          double cap = c_cap >= 0 ? uc_dataset_get_numbers (prices, c_cap)[row] : NAN;

          if (t == UC_TIME_MISSING || g_strcmp0 (uc_dataset_get_text (prices, c_ticker, row), companies[m]) != 0)
            continue;
          any = TRUE;
          any_cap |= isfinite (cap);
          if (*currency == NULL && c_currency >= 0)
            *currency = g_strdup (uc_dataset_get_text (prices, c_currency, row));
          else if (c_currency >= 0 && g_strcmp0 (*currency, uc_dataset_get_text (prices, c_currency, row)) != 0)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           /* Translators: two currencies' codes (USD, HKD…). */
                           _("the companies' caps are in different currencies (%s and %s), which the data "
                             "cannot add up without an exchange rate"), *currency,
                           uc_dataset_get_text (prices, c_currency, row));
              return NULL;
            }
          g_hash_table_insert (values, g_memdup2 (&(gint64) { t / UC_USEC_PER_DAY }, sizeof (gint64)),
                               g_memdup2 (&(double[2]) { uc_dataset_get_numbers (prices, c_close)[row], cap },
                                          2 * sizeof (double)));
        }
      if (!any)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is a ticker as given (NVDA…). */
                       _("no ticker “%s” in the prices"), companies[m]);
          return NULL;
        }
      if (!any_cap && n_members > 1)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is a ticker (NVDA…). */
                       _("“%s” has no market cap (no share count), so it cannot be added to a basket"),
                       companies[m]);
          return NULL;
        }
      *by_cap &= any_cap;
    }
  return g_steal_pointer (&out);
}

static char *
label_of (const char * const *companies,
          guint               n)
{
  g_autofree char *list = g_strjoinv (", ", (char **) companies);

  if (n > 1)
    /* Translators: %u is how many companies (two or more), %s their tickers separated by commas. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u company’s combined cap (%s)",
                                         "%u companies’ combined cap (%s)", n), n, list);
  return g_steal_pointer (&list);
}

/* The days every member has a value, in order. */
static void
common_days (GPtrArray *members,
             gboolean   by_cap,
             GArray    *days)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, g_ptr_array_index (members, 0));
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean all = TRUE;

      for (guint m = 0; m < members->len && all; m++)
        {
          double *v = g_hash_table_lookup (g_ptr_array_index (members, m), key);

          all = v && isfinite (v[by_cap ? 1 : 0]);
        }
      if (all)
        g_array_append_val (days, *(gint64 *) key);
    }
  g_array_sort (days, compare_days);
}

UcMoves *
uc_moves_find (UcDataset          *prices,
               UcDataset          *events,
               const char * const *companies,
               UcMovesDirection    direction,
               gboolean            by_money,
               guint               event_days,
               GError            **error)
{
  g_autoptr (UcMoves) self = g_new0 (UcMoves, 1);
  g_autoptr (GPtrArray) members = NULL;
  g_autoptr (GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));
  Order order = { direction, by_money };
  double before = NAN;
  gint64 day_before = 0;

  if (companies == NULL || companies[0] == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("no companies"));
      return NULL;
    }
  members = member_values (prices, companies, &self->by_cap, &self->currency, error);
  if (members == NULL)
    return NULL;
  if (by_money && !self->by_cap)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is a ticker (NVDA…). */
                   _("“%s” has no market cap, so its moves have no money figure to rank by"), companies[0]);
      return NULL;
    }

  common_days (members, self->by_cap, days);
  self->moves = g_array_new (FALSE, TRUE, sizeof (UcMove));
  for (guint i = 0; i < days->len; i++)
    {
      gint64 day = g_array_index (days, gint64, i);
      double value = 0;

      for (guint m = 0; m < members->len; m++)
        value += ((double *) g_hash_table_lookup (g_ptr_array_index (members, m), &day))[self->by_cap ? 1 : 0];
      if (i > 0 && before > 0)
        {
          UcMove move = {
            .day = day,
            .day_before = day_before,
            .value_before = before,
            .value = value,
            .change = value / before - 1,
            .money = self->by_cap ? value - before : NAN,
          };

          g_array_append_val (self->moves, move);
        }
      before = value;
      day_before = day;
    }
  self->n_days = self->moves->len;
  if (days->len)
    {
      self->first_day = g_array_index (days, gint64, 0);
      self->last_day = g_array_index (days, gint64, days->len - 1);
    }
  g_array_sort_with_data (self->moves, compare_moves, &order);
  for (guint i = 0; i < self->moves->len; i++)
    {
      UcMove *m = &g_array_index (self->moves, UcMove, i);

      m->rank = i + 1;
      m->events = uc_event_table_list_between (events, m->day - event_days, m->day + event_days, G_MININT64);
    }

  self->label = label_of (companies, members->len);
  return g_steal_pointer (&self);
}

const UcMove *
uc_moves_find_day (UcMoves *self,
                   gint64   day)
{
  for (guint i = 0; i < self->moves->len; i++)
    if (g_array_index (self->moves, UcMove, i).day == day)
      return &g_array_index (self->moves, UcMove, i);
  return NULL;
}

char *
uc_moves_to_json (UcMoves *self,
                  guint    top)
{
  g_autoptr (UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autofree char *first = uc_time_format_date (self->first_day * UC_USEC_PER_DAY);
  g_autofree char *last = uc_time_format_date (self->last_day * UC_USEC_PER_DAY);

  uc_json_begin_object (w);
  uc_json_key (w, "label");
  uc_json_string (w, self->label);
  uc_json_key (w, "measure");
  uc_json_string (w, self->by_cap ? "market_cap" : "close");
  uc_json_key (w, "currency");
  if (self->currency)
    uc_json_string (w, self->currency);
  else
    uc_json_null (w);
  uc_json_key (w, "days");
  uc_json_int (w, self->n_days);
  uc_json_key (w, "first");
  uc_json_string (w, first);
  uc_json_key (w, "last");
  uc_json_string (w, last);
  uc_json_key (w, "moves");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->moves->len && i < top; i++)
    {
      UcMove *m = &g_array_index (self->moves, UcMove, i);
      g_autofree char *day = uc_time_format_date (m->day * UC_USEC_PER_DAY);
      g_autofree char *before = uc_time_format_date (m->day_before * UC_USEC_PER_DAY);

      uc_json_begin_object (w);
      uc_json_key (w, "rank");
      uc_json_int (w, m->rank);
      uc_json_key (w, "date");
      uc_json_string (w, day);
      uc_json_key (w, "from");
      uc_json_string (w, before);
      uc_json_key (w, "value_before");
      uc_json_number (w, m->value_before);
      uc_json_key (w, "value");
      uc_json_number (w, m->value);
      uc_json_key (w, "change");
      uc_json_number (w, m->change);
      uc_json_key (w, "money");
      if (isfinite (m->money))
        uc_json_number (w, m->money);
      else
        uc_json_null (w);
      uc_json_key (w, "events");
      if (m->events)
        uc_json_string (w, m->events);
      else
        uc_json_null (w);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_end_object (w);
  return uc_json_writer_steal (w);
}
