/* uc-series-index.c: min/max over any range of a series in logarithmic time
 *
 * Level 0 summarises blocks of BLOCK points; each level above halves the
 * count. A query scans at most two partial blocks point by point and
 * combines O(log n) whole blocks. Gaps are remembered per block: missing
 * values (NaN), and infinities, which no axis can hold, count as gaps.
 */
#include "uc-series-index.h"

#include <math.h>

/* A query scans up to two partial blocks point by point: 32 points keep
 * that short for an M4 column (render-frame benchmark), at two bytes of
 * index a point. */
#define BLOCK 32

/* The extremes' values travel with their offsets: comparing them then
 * needs no lookup into the series, which at ten million points is a cache
 * miss each. */
typedef struct
{
  double  min, max;
  guint32 argmin;   /* offsets of the extremes, from the series' start */
  guint32 argmax;
  guint8  gap;
  guint8  empty;    /* every point missing */
} Summary;

struct _UcSeriesIndex
{
  const double *y;
  gsize         n;
  GPtrArray    *levels;   /* Summary arrays; level k covers BLOCK·2^k points each */
  GArray       *lengths;  /* gsize per level */
};

static inline Summary
combine (Summary a,
         Summary b)
{
  Summary s;

  if (a.empty)
    {
      b.gap = b.gap || a.gap;
      return b;
    }
  if (b.empty)
    {
      a.gap = a.gap || b.gap;
      return a;
    }
  /* Of equal extremes the earliest, whatever order the parts come in: a
   * range is put together from both ends. */
  if (b.min < a.min || (b.min == a.min && b.argmin < a.argmin))
    {
      s.min = b.min;
      s.argmin = b.argmin;
    }
  else
    {
      s.min = a.min;
      s.argmin = a.argmin;
    }
  if (b.max > a.max || (b.max == a.max && b.argmax < a.argmax))
    {
      s.max = b.max;
      s.argmax = b.argmax;
    }
  else
    {
      s.max = a.max;
      s.argmax = a.argmax;
    }
  s.gap = a.gap || b.gap;
  s.empty = FALSE;
  return s;
}

static Summary
scan (const double *y,
      gsize         from,
      gsize         to)
{
  Summary s = { INFINITY, -INFINITY, 0, 0, FALSE, TRUE };

  for (gsize i = from; i < to; i++)
    {
      double v = y[i];

      if (!isfinite (v))
        {
          s.gap = TRUE;
          continue;
        }
      if (v < s.min)
        {
          s.min = v;
          s.argmin = (guint32) i;
        }
      if (v > s.max)
        {
          s.max = v;
          s.argmax = (guint32) i;
        }
    }
  s.empty = !(s.min <= s.max);
  return s;
}

UcSeriesIndex *
uc_series_index_new (const double *y,
                     gsize         n)
{
  UcSeriesIndex *self = g_new0 (UcSeriesIndex, 1);
  gsize count = (n + BLOCK - 1) / BLOCK;
  Summary *level;

  g_return_val_if_fail (n < G_MAXUINT32, self);

  self->y = y;
  self->n = n;
  self->levels = g_ptr_array_new_with_free_func (g_free);
  self->lengths = g_array_new (FALSE, FALSE, sizeof (gsize));

  level = g_new (Summary, MAX (count, 1));
  for (gsize b = 0; b < count; b++)
    level[b] = scan (y, b * BLOCK, MIN (n, (b + 1) * BLOCK));
  g_ptr_array_add (self->levels, level);
  g_array_append_val (self->lengths, count);

  while (count > 1)
    {
      const Summary *below = level;
      gsize up = (count + 1) / 2;

      level = g_new (Summary, up);
      for (gsize b = 0; b < up; b++)
        level[b] = 2 * b + 1 < count ? combine (below[2 * b], below[2 * b + 1]) : below[2 * b];
      g_ptr_array_add (self->levels, level);
      g_array_append_val (self->lengths, up);
      count = up;
    }
  return self;
}

void
uc_series_index_free (UcSeriesIndex *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->levels);
  g_array_unref (self->lengths);
  g_free (self);
}

/* Extremes of points [from, to); FALSE when all of them are missing. */
gboolean
uc_series_index_range (UcSeriesIndex *self,
                       gsize          from,
                       gsize          to,
                       gsize         *argmin,
                       gsize         *argmax,
                       gboolean      *has_gap)
{
  Summary s = { INFINITY, -INFINITY, 0, 0, FALSE, TRUE };
  gsize b0, b1;

  to = MIN (to, self->n);
  if (from >= to)
    return FALSE;

  b0 = (from + BLOCK - 1) / BLOCK;   /* first whole block */
  b1 = to / BLOCK;                   /* one past the last whole block */
  if (b0 >= b1)
    s = scan (self->y, from, to);
  else
    {
      s = combine (s, scan (self->y, from, b0 * BLOCK));
      /* Whole blocks, climbing levels while aligned. */
      {
        gsize lo = b0, hi = b1;
        guint level = 0;

        while (lo < hi)
          {
            const Summary *summaries = g_ptr_array_index (self->levels, level);

            if (lo & 1)
              s = combine (s, summaries[lo++]);
            if (hi & 1)
              s = combine (s, summaries[--hi]);
            lo /= 2;
            hi /= 2;
            level++;
          }
      }
      s = combine (s, scan (self->y, b1 * BLOCK, to));
    }

  *has_gap = s.gap;
  if (s.empty)
    return FALSE;
  *argmin = s.argmin;
  *argmax = s.argmax;
  return TRUE;
}
