/* uc-clickhouse-frame.c: a frame's queries
 *
 * Part of UcClickhouse (see uc-clickhouse-private.h): what is around the
 * range, then the rows themselves or the server's M4 columns on the
 * renderer's pixel grid.
 */
#include "config.h"

#include "uc-clickhouse.h"
#include "uc-clickhouse-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* Seconds at or before @t (µs), within what a DateTime holds. */
static gint64
seconds_of (UcTime t)
{
  gint64 s = t >= 0 ? t / G_USEC_PER_SEC : -((-t + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);

  return CLAMP (s, 0, (gint64) G_MAXUINT32);
}

/* What is around and in the frame: the last row at or before @from and
 * the first after @to (as the renderer takes one point past each end of
 * the range), and how many rows are between. */
typedef struct
{
  gboolean has_before, has_after;
  gint64   before, after;   /* seconds */
  gint64   inside;
} Around;

/* Asks for the neighbours within @before and @after seconds of the range
 * (0: as far as the table goes) and the count between. A bounded window reads only
 * the few blocks of rows near the range (the table's order finds them);
 * ClickHouse 18's ORDER BY … LIMIT 1 read every row before it. */
static gboolean
query_around_within (UcClickhouse      *self,
                     const char        *table,
                     const char        *where,
                     gint64             from_s,
                     gint64             to_s,
                     gint64             before,
                     gint64             after,
                     gboolean           count,
                     Around            *around,
                     UcClickhouseStats *stats,
                     GCancellable      *cancellable,
                     GError           **error)
{
  /* No row on a side: a Nullable column's max() is NULL, a plain one's 0. */
  gint64 low = before ? MAX (from_s - before, 0) : 0, high = after ? MIN (to_s + after, (gint64) G_MAXUINT32) : G_MAXUINT32;
  g_autofree char *between = count ? g_strdup_printf ("UNION ALL SELECT 1, toInt64(count()), toInt64(count()) FROM %2$s "
                                                     "WHERE %3$s AND %1$s > toDateTime(%4$" G_GINT64_FORMAT ") "
                                                     "AND %1$s <= toDateTime(%5$" G_GINT64_FORMAT ") ",
                                                     self->x_sql, table, where, from_s, to_s)
                                   : g_strdup ("");
  g_autofree char *sql = g_strdup_printf (
    "SELECT 0, ifNull(toInt64(max(%1$s)), 0), toInt64(count()) FROM %2$s WHERE %3$s AND %1$s <= toDateTime(%4$" G_GINT64_FORMAT ") "
    "AND %1$s >= toDateTime(%6$" G_GINT64_FORMAT ") "
    "UNION ALL SELECT 2, ifNull(toInt64(min(%1$s)), 0), toInt64(count()) FROM %2$s WHERE %3$s AND %1$s > toDateTime(%5$" G_GINT64_FORMAT ") "
    "AND %1$s <= toDateTime(%7$" G_GINT64_FORMAT ") %8$sFORMAT TabSeparated",
    self->x_sql, table, where, from_s, to_s, low, high, between);
  g_autoptr(GPtrArray) rows = _uc_clickhouse_query_rows (self, sql, 3, &stats->bytes, cancellable, error);

  stats->queries++;
  if (rows == NULL)
    return FALSE;
  /* Not counted here: the count the caller has (a rollup's) stands. */
  *around = (Around) { FALSE, FALSE, 0, 0, count ? 0 : around->inside };
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      gint64 part, value, found;

      if (!_uc_clickhouse_parse_int (self, row[0], &part, error) || !_uc_clickhouse_parse_int (self, row[1], &value, error) ||
          !_uc_clickhouse_parse_int (self, row[2], &found, error))
        return FALSE;
      if (part == 0 && found > 0)
        around->has_before = TRUE, around->before = value;
      else if (part == 2 && found > 0)
        around->has_after = TRUE, around->after = value;
      else if (part == 1)
        around->inside = value;
    }
  stats->rows = around->inside;
  return TRUE;
}

/* The neighbours within the range's own span either side, and only on a
 * side where none is found there, anywhere (past the data's ends, where
 * the table's order leaves nothing to read); with @count, the rows between
 * (else @around's count is kept). */
static gboolean
query_around (UcClickhouse      *self,
              const char        *table,
              const char        *where,
              gint64             from_s,
              gint64             to_s,
              gboolean           count,
              Around            *around,
              UcClickhouseStats *stats,
              GCancellable      *cancellable,
              GError           **error)
{
  gint64 window = MAX (to_s - from_s, 3600);
  gint64 inside = around->inside;
  Around wide = *around;

  if (!query_around_within (self, table, where, from_s, to_s, window, window, count, around, stats, cancellable, error))
    return FALSE;
  if (around->has_before && around->has_after)
    return TRUE;
  if (!query_around_within (self, table, where, from_s, to_s, around->has_before ? window : 0,
                            around->has_after ? window : 0, count, &wide, stats, cancellable, error))
    return FALSE;
  *around = wide;
  if (!count)
    around->inside = inside;
  return TRUE;
}

/* The column a row at time t (µs) falls in, as the renderer finds it: how
 * many of @grid's edges are at or before t (0: left of the first). An
 * estimate, mended by the edges on each side, computed as the renderer
 * computes them (the same double arithmetic, truncated). */
static void
append_column_expr (GString                *sql,
                    const UcClickhouseGrid *grid)
{
  char width[G_ASCII_DTOSTR_BUF_SIZE], span[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (width, sizeof width, "%.17g", grid->width);
  g_ascii_formatd (span, sizeof span, "%.17g", grid->span);
  g_string_append_printf (sql,
    "WITH least(greatest(toInt64(floor((t - %1$" G_GINT64_FORMAT ") / %3$s * %2$s)) + 1, 0), %4$u) AS est, "
    "est + ((est < %4$u) AND (%1$" G_GINT64_FORMAT " + toInt64(est / %2$s * %3$s) <= t)) "
    "- ((est > 0) AND (%1$" G_GINT64_FORMAT " + toInt64((est - 1) / %2$s * %3$s) > t)) AS k ",
    grid->from, width, span, grid->n_edges);
}

static gboolean
read_point (UcClickhouse  *self,
            char         **row,
            guint          at,
            UcTime        *t,
            double        *v,
            GError       **error)
{
  gint64 seconds;

  if (!_uc_clickhouse_parse_int (self, row[at], &seconds, error) || !_uc_clickhouse_parse_double (self, row[at + 1], v, error))
    return FALSE;
  *t = seconds * G_USEC_PER_SEC;
  return TRUE;
}

/* Rows of (time, value) pairs from field @at: a point each. */
static gboolean
append_points (UcClickhouse  *self,
               UcSeries      *series,
               GPtrArray     *rows,
               guint          pairs,
               GError       **error)
{
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      UcTime last_t = G_MININT64;
      double last_v = NAN;

      for (guint p = 0; p < pairs; p++)
        {
          UcTime t;
          double v;

          if (!read_point (self, row, 1 + 2 * p - (pairs == 1), &t, &v, error))
            return FALSE;
          /* A column's first may also be its lowest, and so on. */
          if (t == last_t && (v == last_v || (isnan (v) && isnan (last_v))))
            continue;
          uc_series_append (series, t, v);
          last_t = t;
          last_v = v;
        }
    }
  return TRUE;
}

/* M4 over the rows @rows_sql gives (columns s, in seconds, and v). */
static GPtrArray *
query_m4_over (UcClickhouse           *self,
               const char             *rows_sql,
               const UcClickhouseGrid *grid,
               UcClickhouseStats      *stats,
               GCancellable           *cancellable,
               GError                **error)
{
  g_autoptr(GString) sql = g_string_new (
    "SELECT k, sf, vf, if(sn <= sx, sn, sx), if(sn <= sx, vn, vx), if(sn <= sx, sx, sn), if(sn <= sx, vx, vn), sl, vl "
    "FROM (SELECT k, min(s) AS sf, argMin(v, s) AS vf, argMin(s, (v, s)) AS sn, min(v) AS vn, "
    "argMax(s, (v, -s)) AS sx, max(v) AS vx, max(s) AS sl, argMax(v, s) AS vl FROM (");

  append_column_expr (sql, grid);
  g_string_append_printf (sql, "SELECT k, s, v FROM (SELECT s, s * 1000000 AS t, v FROM (%s))) GROUP BY k) ORDER BY k "
                          "FORMAT TabSeparated", rows_sql);
  stats->queries++;
  stats->decimated = TRUE;
  return _uc_clickhouse_query_rows (self, sql->str, 9, &stats->bytes, cancellable, error);
}

/* Per column of @grid, in time order: the first row, the lowest and the
 * highest (the earliest of equals, as the renderer picks), the last. */
static GPtrArray *
query_m4 (UcClickhouse           *self,
          const char             *table,
          const char             *where,
          gint64                  lo,
          gint64                  hi,
          const UcClickhouseGrid *grid,
          UcClickhouseStats      *stats,
          GCancellable           *cancellable,
          GError                **error)
{
  g_autofree char *rows = g_strdup_printf ("SELECT toInt64(%1$s) AS s, toFloat64(`%2$s`) AS v FROM %3$s WHERE %4$s "
                                           "AND %1$s >= toDateTime(%5$" G_GINT64_FORMAT ") "
                                           "AND %1$s <= toDateTime(%6$" G_GINT64_FORMAT ")",
                                           self->x_sql, self->y, table, where, lo, hi);

  return query_m4_over (self, rows, grid, stats, cancellable, error);
}

static GPtrArray *
query_raw (UcClickhouse  *self,
           const char    *table,
           const char    *where,
           gint64         lo,
           gint64         hi,
           UcClickhouseStats *stats,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT toInt64(%1$s), toFloat64(`%2$s`) FROM %3$s WHERE %4$s "
                                          "AND %1$s >= toDateTime(%5$" G_GINT64_FORMAT ") "
                                          "AND %1$s <= toDateTime(%6$" G_GINT64_FORMAT ") ORDER BY %1$s "
                                          "FORMAT TabSeparated", self->x_sql, self->y, table, where, lo, hi);

  stats->queries++;
  return _uc_clickhouse_query_rows (self, sql, 2, &stats->bytes, cancellable, error);
}

/* How many rows the rollup of @seconds holds in the buckets that meet
 * (@from_s, @to_s]: the rows there, give or take a bucket each end. */
static gboolean
rollup_rows (UcClickhouse      *self,
             const char        *where,
             guint              seconds,
             gint64             from_s,
             gint64             to_s,
             gint64            *rows,
             UcClickhouseStats *stats,
             GCancellable      *cancellable,
             GError           **error)
{
  g_autofree char *rollup = _uc_clickhouse_rollup_ref (self, seconds);
  g_autofree char *sql = g_strdup_printf ("SELECT toInt64(sum(rows)) FROM %s WHERE %s AND bucket >= toDateTime(%" G_GINT64_FORMAT
                                          ") AND bucket <= toDateTime(%" G_GINT64_FORMAT ") FORMAT TabSeparated",
                                          rollup, where, from_s - from_s % seconds, to_s);
  g_autoptr(GPtrArray) answer = _uc_clickhouse_query_rows (self, sql, 1, &stats->bytes, cancellable, error);

  stats->queries++;
  if (answer == NULL)
    return FALSE;
  return answer->len == 1 && _uc_clickhouse_parse_int (self, ((char **) g_ptr_array_index (answer, 0))[0], rows, error);
}

/* The buckets of @seconds that hold an edge of @grid inside them (their
 * rows fall in two columns), and those of @lo and @hi (partly outside the
 * frame): these are read row by row. Sorted, each once. */
static GArray *
split_buckets (const UcClickhouseGrid *grid,
               guint                   seconds,
               gint64                  lo,
               gint64                  hi)
{
  GArray *buckets = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 b = lo - lo % seconds;

  g_array_append_val (buckets, b);
  for (guint m = 0; m < grid->n_edges; m++)
    {
      /* As the renderer computes edge m (uc_chart_layout_column_end). */
      UcTime edge = grid->from + (UcTime) ((double) m / grid->width * grid->span);
      gint64 second = edge >= 0 ? (edge + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC : 0;

      b = second - second % seconds;
      if (second % seconds != 0 && b >= lo - lo % seconds && b <= hi &&
          b != g_array_index (buckets, gint64, buckets->len - 1))
        g_array_append_val (buckets, b);
    }
  b = hi - hi % seconds;
  if (b != g_array_index (buckets, gint64, buckets->len - 1))
    g_array_append_val (buckets, b);
  return buckets;
}

/* @buckets (of @seconds) as a list for IN, each divided by @divide. */
static void
append_list (GString *sql,
             GArray  *buckets,
             guint    divide)
{
  g_string_append_c (sql, '(');
  for (guint i = 0; i < buckets->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (buckets, gint64, i) / divide);
  g_string_append_c (sql, ')');
}

static gint
compare_column_keys (gconstpointer a,
                     gconstpointer b)
{
  gint64 x = g_ascii_strtoll (a, NULL, 10), y = g_ascii_strtoll (b, NULL, 10);

  return x < y ? -1 : x > y;
}

/* Per column of @grid, over the rows @rows_sql gives: k, the first row's
 * time and value, the lowest's (the earliest of equals), the highest's
 * (the earliest of equals), the last's; unordered. */
static char *
m4_parts_sql (const char             *rows_sql,
              const UcClickhouseGrid *grid)
{
  GString *sql = g_string_new ("SELECT k, min(s), argMin(v, s), argMin(s, (v, s)), min(v), argMax(s, (v, -s)), max(v), "
                               "max(s), argMax(v, s) FROM (");

  append_column_expr (sql, grid);
  g_string_append_printf (sql, "SELECT k, s, v FROM (SELECT s, s * 1000000 AS t, v FROM (%s))) GROUP BY k "
                          "FORMAT TabSeparated", rows_sql);
  return g_string_free (sql, FALSE);
}

typedef struct
{
  UcClickhouse *connection;
  char         *sql;
  GCancellable *cancellable;
  GPtrArray    *rows;
  gsize         bytes;
  GError       *error;
} Part;

static gpointer
run_part (gpointer data)
{
  Part *part = data;

  part->rows = _uc_clickhouse_query_rows (part->connection, part->sql, 9, &part->bytes, part->cancellable,
                                          &part->error);
  return NULL;
}

/* A column's four rows from one part, as numbers to compare. */
typedef struct
{
  char  **fields;   /* the part's row: k, sf, vf, sn, vn, sx, vx, sl, vl */
  gint64  sf, sn, sx, sl;
  double  vn, vx;
} Column;

/* A column across parts: the rows picked so far (first, lowest, highest,
 * last), as the parts' rows that hold them. */
typedef struct
{
  Column  c;
  char  **picked[4];
} Merged;

static gboolean
read_column (UcClickhouse  *self,
             char         **fields,
             Column        *c,
             GError       **error)
{
  c->fields = fields;
  return _uc_clickhouse_parse_int (self, fields[1], &c->sf, error) &&
         _uc_clickhouse_parse_int (self, fields[3], &c->sn, error) &&
         _uc_clickhouse_parse_double (self, fields[4], &c->vn, error) &&
         _uc_clickhouse_parse_int (self, fields[5], &c->sx, error) &&
         _uc_clickhouse_parse_double (self, fields[6], &c->vx, error) &&
         _uc_clickhouse_parse_int (self, fields[7], &c->sl, error);
}

/* @into's column with @c's rows taken in: the first and last by time, the
 * lowest and highest by value, the earliest of equals, as one query over
 * both parts' rows picks them (the parts hold different rows). */
static void
merge_column (Column       *into,
              const Column *c,
              char       ***picked)
{
  char **first = c->sf < into->sf ? c->fields : picked[0];
  char **low = c->vn < into->vn || (c->vn == into->vn && c->sn < into->sn) ? c->fields : picked[1];
  char **high = c->vx > into->vx || (c->vx == into->vx && c->sx < into->sx) ? c->fields : picked[2];
  char **last = c->sl > into->sl ? c->fields : picked[3];

  if (c->sf < into->sf)
    into->sf = c->sf;
  if (low == c->fields)
    into->vn = c->vn, into->sn = c->sn;
  if (high == c->fields)
    into->vx = c->vx, into->sx = c->sx;
  if (c->sl > into->sl)
    into->sl = c->sl;
  picked[0] = first;
  picked[1] = low;
  picked[2] = high;
  picked[3] = last;
}

/* The parts' columns merged, in column order, as query_m4_over() gives
 * them: k, the first row, the lowest and highest in time order, the last. */
static GPtrArray *
merge_parts (UcClickhouse  *self,
             Part          *parts,
             guint          n,
             GError       **error)
{
  g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GList) keys = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint p = 0; p < n; p++)
    for (guint i = 0; i < parts[p].rows->len; i++)
      {
        char **fields = g_ptr_array_index (parts[p].rows, i);
        Merged *had = g_hash_table_lookup (columns, fields[0]);
        Column c;

        if (!read_column (self, fields, &c, error))
          {
            g_ptr_array_unref (out);
            return NULL;
          }
        if (had == NULL)
          {
            had = g_new0 (Merged, 1);
            had->c = c;
            for (guint f = 0; f < 4; f++)
              had->picked[f] = fields;
            g_hash_table_insert (columns, fields[0], had);
          }
        else
          merge_column (&had->c, &c, had->picked);
      }
  keys = g_hash_table_get_keys (columns);
  keys = g_list_sort (keys, compare_column_keys);
  for (GList *l = keys; l; l = l->next)
    {
      Merged *had = g_hash_table_lookup (columns, l->data);
      gboolean low_first = had->c.sn <= had->c.sx;
      char **low = had->picked[1], **high = had->picked[2];
      char **row = g_new0 (char *, 10);

      row[0] = g_strdup (l->data);
      row[1] = g_strdup (had->picked[0][1]);
      row[2] = g_strdup (had->picked[0][2]);
      row[3] = g_strdup (low_first ? low[3] : high[5]);
      row[4] = g_strdup (low_first ? low[4] : high[6]);
      row[5] = g_strdup (low_first ? high[5] : low[3]);
      row[6] = g_strdup (low_first ? high[6] : low[4]);
      row[7] = g_strdup (had->picked[3][7]);
      row[8] = g_strdup (had->picked[3][8]);
      g_ptr_array_add (out, row);
    }
  return out;
}

/* @self's helpers, @n of them: connections of their own to the same
 * table. */
static UcClickhouse *
helper (UcClickhouse *self,
        guint         i)
{
  if (self->helpers == NULL)
    self->helpers = g_ptr_array_new_with_free_func (g_object_unref);
  while (self->helpers->len <= i)
    g_ptr_array_add (self->helpers, uc_clickhouse_dup (self));
  return g_ptr_array_index (self->helpers, i);
}

/* M4 over the union of @n row sets, each asked on a connection of its
 * own, side by side, and the columns merged here: the server's cores
 * share the work of one frame. */
static GPtrArray *
query_m4_parts (UcClickhouse           *self,
                GPtrArray              *rows_sql,
                const UcClickhouseGrid *grid,
                UcClickhouseStats      *stats,
                GCancellable           *cancellable,
                GError                **error)
{
  guint n = rows_sql->len;
  g_autofree Part *parts = g_new0 (Part, n);
  GPtrArray *merged = NULL;
  GError *failed = NULL;

  for (guint p = 0; p < n; p++)
    parts[p] = (Part) { p == 0 ? self : helper (self, p - 1), m4_parts_sql (g_ptr_array_index (rows_sql, p), grid),
                        cancellable, NULL, 0, NULL };
  uc_clickhouse_run_side_by_side (run_part, parts, sizeof *parts, n);
  for (guint p = 0; p < n; p++)
    {
      stats->queries++;
      stats->bytes += parts[p].bytes;
      if (parts[p].error && failed == NULL)
        failed = g_steal_pointer (&parts[p].error);
      g_clear_error (&parts[p].error);
    }
  if (failed == NULL)
    merged = merge_parts (self, parts, n, &failed);
  for (guint p = 0; p < n; p++)
    {
      g_free (parts[p].sql);
      g_clear_pointer (&parts[p].rows, g_ptr_array_unref);
    }
  stats->decimated = TRUE;
  if (failed)
    g_propagate_error (error, failed);
  return merged;
}

/* M4 from rollups of @levels (bucket seconds, largest first, each dividing
 * the one before): a bucket whole inside a column gives its first,
 * lowest, highest and last row (kept in the rollup); a bucket an edge
 * splits is read at the next level down, and at the last, row by row. The
 * columns come out as from every row, ties included. Each level and the
 * rows are asked side by side (query_m4_parts()). @where picks the table's
 * rows, @in_group the rollups' buckets. */
static GPtrArray *
query_m4_rollup (UcClickhouse           *self,
                 const char             *table,
                 const char             *where,
                 const char             *in_group,
                 gint64                  lo,
                 gint64                  hi,
                 GArray                 *levels,
                 const UcClickhouseGrid *grid,
                 UcClickhouseStats      *stats,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) split = NULL;
  GString *rows;
  guint seconds = 0;

  for (guint j = 0; j < levels->len; j++)
    {
      guint parent = seconds;
      g_autofree char *rollup = NULL;
      g_autoptr(GArray) parents = g_steal_pointer (&split);

      seconds = g_array_index (levels, guint, j);
      rollup = _uc_clickhouse_rollup_ref (self, seconds);
      split = split_buckets (grid, seconds, lo, hi);
      rows = g_string_new (NULL);
      g_string_append_printf (rows, "SELECT p.1 AS s, p.2 AS v FROM (SELECT arrayJoin([(toInt64(first_t), first_v), "
                              "(toInt64(low_t), low_v), (toInt64(high_t), high_v), (toInt64(last_t), last_v)]) AS p FROM %s "
                              "WHERE %s AND bucket >= toDateTime(%" G_GINT64_FORMAT ") AND bucket <= toDateTime(%" G_GINT64_FORMAT ") ",
                              rollup, in_group, g_array_index (split, gint64, 0), hi);
      if (parents)
        {
          g_string_append_printf (rows, "AND intDiv(toUInt32(bucket), %u) IN ", parent);
          append_list (rows, parents, parent);
        }
      g_string_append (rows, " AND toUInt32(bucket) NOT IN ");
      append_list (rows, split, 1);
      g_string_append_c (rows, ')');
      g_ptr_array_add (parts, g_string_free (rows, FALSE));
    }
  /* The last level's split buckets' rows: a set looked up a row (the
   * table's blocks are often wider than a pixel column, so its order
   * cannot skip to them). */
  rows = g_string_new (NULL);
  g_string_append_printf (rows, "SELECT toInt64(%1$s) AS s, toFloat64(`%2$s`) AS v FROM %3$s WHERE %4$s "
                          "AND %1$s >= toDateTime(%5$" G_GINT64_FORMAT ") AND %1$s <= toDateTime(%6$" G_GINT64_FORMAT ") "
                          "AND intDiv(toUInt32(%1$s), %7$u) IN ", self->x_sql, self->y, table, where, lo, hi, seconds);
  append_list (rows, split, seconds);
  g_ptr_array_add (parts, g_string_free (rows, FALSE));
  stats->rollup = g_array_index (levels, guint, 0);
  return query_m4_parts (self, parts, grid, stats, cancellable, error);
}

/* @group's series as a frame from @from to @to draws it: for a plot whose
 * pixel columns are @grid (the renderer's, the first edge at the plot's
 * left), the first, lowest, highest and last row of
 * each column, or every row when they are few enough (at most two a
 * column, when the renderer draws each). With the row before @from and
 * the one after @to, the line is drawn as from the whole table. */
UcSeries *
uc_clickhouse_fetch_frame (UcClickhouse      *self,
                           const char        *group,
                           UcTime             from,
                           UcTime             to,
                           const UcClickhouseGrid *grid,
                           UcClickhouseStats *stats,
                           GCancellable      *cancellable,
                           GError           **error)
{
  g_autofree char *table = NULL, *where = NULL, *in_group = NULL;
  g_autoptr(UcSeries) series = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  UcClickhouseStats own = { 0 };
  gint64 from_s = seconds_of (from), to_s = seconds_of (to), lo, hi;
  g_autoptr(GArray) levels = NULL;
  guint bucket;
  Around around;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self) && self->table, NULL);
  g_return_val_if_fail (grid != NULL && grid->n_edges >= 2 && grid->width > 0 && grid->span > 0, NULL);
  stats = stats ? stats : &own;
  *stats = (UcClickhouseStats) { 0 };
  table = _uc_clickhouse_table_ref (self);
  where = _uc_clickhouse_row_condition (self, group);
  in_group = _uc_clickhouse_group_condition (self, group);   /* a rollup's buckets */
  /* Wide and many rows: a rollup's count says so without counting rows. */
  around.inside = 0;
  levels = _uc_clickhouse_pick_rollups (self, grid, cancellable, error);
  if (levels == NULL)
    return NULL;
  bucket = levels->len ? g_array_index (levels, guint, 0) : 0;
  if (bucket && !rollup_rows (self, in_group, bucket, from_s, to_s, &around.inside, stats, cancellable, error))
    return NULL;
  if (around.inside < MAX (self->rollup_min_rows, 2 * (gint64) grid->n_edges))
    bucket = 0;
  if (!query_around (self, table, where, from_s, to_s, bucket == 0, &around, stats, cancellable, error))
    return NULL;
  lo = around.has_before ? around.before : from_s + 1;
  hi = around.has_after ? around.after : to_s;
  if (bucket > 0)
    rows = query_m4_rollup (self, table, where, in_group, lo, hi, levels, grid, stats, cancellable, error);
  else if (around.inside + around.has_before + around.has_after <= 2 * (gint64) (grid->n_edges - 1))
    rows = query_raw (self, table, where, lo, hi, stats, cancellable, error);
  else
    rows = query_m4 (self, table, where, lo, hi, grid, stats, cancellable, error);
  if (rows == NULL)
    return NULL;
  series = uc_series_new (group ? group : self->y, group ? group : self->y);
  uc_series_set_decimated (series, stats->decimated);
  uc_series_reserve (series, rows->len * (stats->decimated ? 4 : 1));
  if (!append_points (self, series, rows, stats->decimated ? 4 : 1, error))
    return NULL;
  return g_steal_pointer (&series);
}

/* The last row of @group at or before @t: its time and value, FALSE in
 * @found when there is none. Looked for a minute back, then a day, a
 * year, and only then anywhere: the table's order finds a near window's
 * blocks, and ClickHouse 18's ORDER BY … LIMIT 1 reads all it is given.
 * For the crosshair, where the chart draws only columns' extremes. */
gboolean
uc_clickhouse_fetch_point (UcClickhouse  *self,
                           const char    *group,
                           UcTime         t,
                           gboolean      *found,
                           UcTime        *x,
                           double        *y,
                           GCancellable  *cancellable,
                           GError       **error)
{
  static const gint64 windows[] = { 60, 86400, 366 * 86400, 0 };
  g_autofree char *table = NULL, *where = NULL;
  gint64 t_s = seconds_of (t);

  g_return_val_if_fail (UC_IS_CLICKHOUSE (self) && self->table, FALSE);
  table = _uc_clickhouse_table_ref (self);
  where = _uc_clickhouse_row_condition (self, group);
  *found = FALSE;
  for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT toInt64(%1$s), `%2$s` FROM %3$s WHERE %4$s AND %1$s <= toDateTime(%5$" G_GINT64_FORMAT ") "
        "AND %1$s > toDateTime(%6$" G_GINT64_FORMAT ") ORDER BY %1$s DESC LIMIT 1 FORMAT TabSeparated",
        self->x_sql, self->y, table, where, t_s, windows[w] ? MAX (t_s - windows[w], 0) : 0);
      g_autoptr(GPtrArray) rows = _uc_clickhouse_query_rows (self, sql, 2, NULL, cancellable, error);
      gint64 seconds;

      if (rows == NULL)
        return FALSE;
      if (rows->len == 0)
        continue;
      if (!_uc_clickhouse_parse_int (self, ((char **) g_ptr_array_index (rows, 0))[0], &seconds, error) ||
          !_uc_clickhouse_parse_double (self, ((char **) g_ptr_array_index (rows, 0))[1], y, error))
        return FALSE;
      *x = seconds * G_USEC_PER_SEC;
      *found = TRUE;
      return TRUE;
    }
  return TRUE;
}
