/* uc-feed-caps.c: market caps extended by newer closes and share counts */
#include "config.h"

#include "uc-feed-caps.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "uc-json-writer.h"

typedef struct
{
  char   *as_of;
  double  shares;
  char   *kind;
} Count;

static void
count_free (Count *c)
{
  g_free (c->as_of);
  g_free (c->kind);
  g_free (c);
}

static void
add_count (GHashTable *counts,
           const char *ticker,
           const char *as_of,
           const char *shares,
           const char *kind)
{
  GPtrArray *list = g_hash_table_lookup (counts, ticker);
  Count *c;

  if (*as_of == '\0' || *shares == '\0')
    return;
  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) count_free);
      g_hash_table_insert (counts, g_strdup (ticker), list);
    }
  c = g_new0 (Count, 1);
  c->as_of = g_strdup (as_of);
  c->shares = g_ascii_strtod (shares, NULL);
  c->kind = g_strdup (kind);
  g_ptr_array_add (list, c);
}

/* The latest count of @ticker dated on or before @day. */
static Count *
count_on (GHashTable *counts,
          const char *ticker,
          const char *day)
{
  GPtrArray *list = g_hash_table_lookup (counts, ticker);
  Count *best = NULL;

  for (guint i = 0; list && i < list->len; i++)
    {
      Count *c = g_ptr_array_index (list, i);

      if (strcmp (c->as_of, day) <= 0 && (best == NULL || strcmp (c->as_of, best->as_of) > 0))
        best = c;
    }
  return best;
}

/* The snapshot's last row of each ticker, and every share count known. */
static void
index_snapshot (const UcFeedRows *caps,
                const UcFeedRows *shares,
                GHashTable       *last,
                GHashTable       *counts)
{
  for (guint r = 0; r < caps->rows->len; r++)
    {
      char **row = g_ptr_array_index (caps->rows, r);
      const char *ticker = uc_feed_rows_cell (caps, row, "ticker");
      char **known = g_hash_table_lookup (last, ticker);

      if (known == NULL || strcmp (uc_feed_rows_cell (caps, row, "date"), uc_feed_rows_cell (caps, known, "date")) > 0)
        g_hash_table_replace (last, (gpointer) ticker, row);
      add_count (counts, ticker, uc_feed_rows_cell (caps, row, "shares_as_of"), uc_feed_rows_cell (caps, row, "shares_outstanding"),
                 uc_feed_rows_cell (caps, row, "shares_kind"));
    }
  for (guint r = 0; shares && r < shares->rows->len; r++)
    {
      char **row = g_ptr_array_index (shares->rows, r);

      add_count (counts, uc_feed_rows_cell (shares, row, "ticker"), uc_feed_rows_cell (shares, row, "as_of_date"),
                 uc_feed_rows_cell (shares, row, "shares_outstanding"), "reported");
    }
}

/* The ratio that puts the source's closes on the snapshot's basis: the
 * two closes of the join day; 0 when the source has no close that day. */
static double
join_ratio (const UcFeedRows *closes,
            const char       *ticker,
            const char       *day,
            double            snapshot_close)
{
  for (guint r = 0; r < closes->rows->len; r++)
    {
      char **row = g_ptr_array_index (closes->rows, r);
      double close;

      if (strcmp (uc_feed_rows_cell (closes, row, "series"), ticker) != 0 || strcmp (uc_feed_rows_cell (closes, row, "date"), day) != 0)
        continue;
      close = g_ascii_strtod (uc_feed_rows_cell (closes, row, "close"), NULL);
      return close > 0 && snapshot_close > 0 ? snapshot_close / close : 0;
    }
  return 0;
}

static void
add_cap_row (UcFeedRows       *caps,
             char            **last,
             char            **close_row,
             const UcFeedRows *closes,
             double            ratio,
             Count            *count,
             const char       *retrieved)
{
  guint width = g_strv_length (caps->header);
  char **cells = g_new0 (char *, width + 1);
  /* The close as written, to 4 decimals; the cap is that close × the count. */
  double close = round (g_ascii_strtod (uc_feed_rows_cell (closes, close_row, "close"), NULL) * ratio * 10000) / 10000;
  g_autofree char *close_text = uc_format_double_shortest (close);
  g_autofree char *shares = count ? g_strdup_printf ("%.0f", count->shares) : g_strdup ("");
  g_autofree char *cap = count ? g_strdup_printf ("%.0f", round (close * count->shares)) : g_strdup ("");
  g_autofree char *basis = g_strdup_printf ("%s; joined: %s rescaled ×%.6f at %s", count ? "market_cap" : "price_only",
                                            uc_feed_rows_cell (closes, close_row, "source"), ratio, uc_feed_rows_cell (caps, last, "date"));

  for (guint c = 0; c < width; c++)
    {
      const char *name = caps->header[c];
      const char *value = g_str_equal (name, "date") ? uc_feed_rows_cell (closes, close_row, "date")
                          : g_str_equal (name, "close") ? close_text
                          : g_str_equal (name, "shares_outstanding") ? shares
                          : g_str_equal (name, "shares_as_of") ? (count ? count->as_of : "")
                          : g_str_equal (name, "shares_kind") ? (count ? count->kind : "")
                          : g_str_equal (name, "market_cap") ? cap
                          : g_str_equal (name, "basis") ? basis
                          : g_str_equal (name, "retrieved") ? retrieved
                          : last[c];

      cells[c] = g_strdup (value ? value : "");
    }
  g_ptr_array_add (caps->rows, cells);
}

/* Adds the days after the snapshot's last that @closes has, per ticker
 * the snapshot has, joined as the header says. */
guint
uc_feed_extend_caps (UcFeedRows       *caps,
                     const UcFeedRows *closes,
                     const UcFeedRows *shares,
                     const char       *retrieved)
{
  g_autoptr(GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) ratios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint before = caps->rows->len;

  index_snapshot (caps, shares, last, counts);
  for (guint r = 0; r < closes->rows->len; r++)
    {
      char **row = g_ptr_array_index (closes->rows, r);
      const char *ticker = uc_feed_rows_cell (closes, row, "series");
      char **known = g_hash_table_lookup (last, ticker);
      double *ratio;

      /* Only the snapshot's rows are joined to, never rows added here. */
      if (known == NULL || strcmp (uc_feed_rows_cell (closes, row, "date"), uc_feed_rows_cell (caps, known, "date")) <= 0 ||
          *uc_feed_rows_cell (caps, known, "close") == '\0')
        continue;
      if ((ratio = g_hash_table_lookup (ratios, ticker)) == NULL)
        {
          ratio = g_new (double, 1);
          *ratio = join_ratio (closes, ticker, uc_feed_rows_cell (caps, known, "date"), g_ascii_strtod (uc_feed_rows_cell (caps, known, "close"), NULL));
          g_hash_table_insert (ratios, g_strdup (ticker), ratio);
        }
      if (*ratio > 0)
        add_cap_row (caps, known, row, closes, *ratio, count_on (counts, ticker, uc_feed_rows_cell (closes, row, "date")), retrieved);
    }
  return caps->rows->len - before;
}
