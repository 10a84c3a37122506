/* uc-line-raster.c: antialiased wide polylines written straight into image surfaces
 *
 * Each pixel's coverage is how far its centre lies inside the line's edge,
 * clamped to one pixel: exact for straight edges, within a few levels of
 * cairo's scan converter elsewhere. Segments of one line overlap at every
 * join, so coverage is kept per pixel as the maximum over segments, once
 * for each side the edge faces (east, west, north, south) and composited
 * once, as a single cairo_stroke() would. Opposite sides add up: a pixel
 * in the sliver between the two arms of a spike is covered from both.
 */
#include "uc-line-raster.h"
#include "uc-render-parallel.h"

#include <math.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include <string.h>

/* Scratch kept per thread between frames. Coverage is packed by column:
 * each column holds only the rows the line can reach in it (found in a
 * first pass over the segments), so a frame's coverage is a few hundred
 * kilobytes read and written in order, not a plot-sized buffer touched
 * a few bytes a page. */
typedef struct
{
  double ax, ay, bx, by;
  int    xlo, xhi, ymin, ymax;  /* the pixels whose centres can lie within r_out */
} Segment;

typedef struct
{
  guint8  *cover;          /* four bytes per pixel, one per side: east, west, north, south; zero between calls */
  gsize    cover_size;
  gint16  *top, *bottom;   /* per column; top > bottom when untouched */
  gint32  *origin;         /* per column: where its row 0 would be in cover, in pixels */
  guint32 *work;           /* per column: rows of segments to draw there; zero between calls */
  guint8  *chunk;          /* per column: the chunk it is drawn in */
  GArray  *bucket;         /* guint32: segments by chunk */
  int      width;
  GArray  *segments;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  g_free (s->cover);
  g_free (s->top);
  g_free (s->bottom);
  g_free (s->origin);
  g_free (s->work);
  g_free (s->chunk);
  g_array_unref (s->bucket);
  g_array_unref (s->segments);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* Four bytes a pixel the line can reach: past a gigabyte (a plot 16384 px
 * square, filled), cairo's own stroke, needing little more than the image,
 * does better. */
#define MAX_COVER_PIXELS ((gsize) 1 << 28)

/* The thread's scratch for a plot @width columns wide. */
static Scratch *
scratch_get (int width)
{
  Scratch *s = g_private_get (&scratch_key);

  if (s == NULL || s->width < width)
    {
      s = g_new0 (Scratch, 1);
      s->width = width;
      s->top = g_new (gint16, width);
      s->bottom = g_new (gint16, width);
      s->origin = g_new (gint32, width);
      s->work = g_new0 (guint32, width);
      s->chunk = g_new0 (guint8, width);
      s->bucket = g_array_new (FALSE, FALSE, sizeof (guint32));
      s->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
      for (int x = 0; x < width; x++)
        {
          s->top[x] = G_MAXINT16;
          s->bottom[x] = -1;
        }
      g_private_replace (&scratch_key, s);
    }
  return s;
}

/* Room for @n_pixels of coverage, zeroed; FALSE when it cannot be had. */
static gboolean
scratch_reserve (Scratch *s,
                 gsize    n_pixels)
{
  /* Never none at all: the drawing adds offsets to it and clears it. */
  if (n_pixels * 4 <= s->cover_size && s->cover != NULL)
    return TRUE;
  g_free (s->cover);
  s->cover_size = MAX (MAX (n_pixels * 4, s->cover_size * 2), 64);
  s->cover = g_try_malloc0 (s->cover_size);
  if (s->cover == NULL)
    s->cover_size = 0;
  return s->cover != NULL;
}

typedef struct
{
  Scratch *s;
  int      x0, y0, x1, y1;    /* clip, whole device pixels, end exclusive */
  double   r_out, r_in, cap;  /* distances where coverage starts and is full */
} Raster;

/* floor() and ceil() to int without a libm call per row. */
static inline int
ifloor (double v)
{
  int i = (int) v;

  return i - (v < i);
}

static inline int
iceil (double v)
{
  int i = (int) v;

  return i + (v > i);
}

/* @v within [0, @cap], as CLAMP (v, 0, cap) but for the sign of a zero
 * (which no caller can tell): two comparisons the compiler turns into
 * min and max instructions, with no branch. */
static inline double
clamp_cap (double v,
           double cap)
{
  v = v < cap ? v : cap;
  return v > 0 ? v : 0;
}

/* Pixel (x, y)'s four coverage bytes. */
static inline guint8 *
cell_at (const Raster *r,
         int           x,
         int           y)
{
  return r->s->cover + ((gssize) r->s->origin[x - r->x0] + y) * 4;
}

/* The pixels segment @g can cover (FALSE: none), its rows marked in each
 * column it crosses. */
static gboolean
segment_bounds (Raster  *r,
                Segment *g)
{
  g->ymin = MAX (r->y0, iceil (MIN (g->ay, g->by) - r->r_out - 0.5));
  g->ymax = MIN (r->y1 - 1, ifloor (MAX (g->ay, g->by) + r->r_out - 0.5));
  g->xlo = MAX (r->x0, iceil (MIN (g->ax, g->bx) - r->r_out - 0.5));
  g->xhi = MIN (r->x1 - 1, ifloor (MAX (g->ax, g->bx) + r->r_out - 0.5));
  if (g->ymin > g->ymax)
    return FALSE;
  for (int x = g->xlo; x <= g->xhi; x++)
    {
      int col = x - r->x0;

      r->s->top[col] = (gint16) MIN (r->s->top[col], g->ymin);
      r->s->bottom[col] = (gint16) MAX (r->s->bottom[col], g->ymax);
      r->s->work[col] += (guint32) (g->ymax - g->ymin + 1);
    }
  return TRUE;
}

/* A steep segment, as its rows away from the ends see it. */
typedef struct
{
  double ax, ay, dx, dy, inv_dy;
  double across;   /* distance per pixel along a row */
  double reach;    /* half the row's width within r_out */
  double spread;   /* how far t moves across that width */
} Steep;

/* Whether row @y of a steep segment is away from its ends: the test each
 * row was put to, one row at a time. */
static inline gboolean
away_from_ends (const Steep *k,
                int          y)
{
  double tc = ((y + 0.5) - k->ay) * k->inv_dy;

  return tc - k->spread >= 0 && tc + k->spread <= 1;
}

/* The rows of @ymin … @ymax away from a steep segment's ends, as
 * @band0 … @band1 (empty when @band0 > @band1). They are a run (t grows
 * or falls with y), found from where t crosses the limits and then put to
 * the row test at its edges, so each row is in or out as it was when
 * every row was tested. */
static void
steep_band (const Steep *k,
            int          ymin,
            int          ymax,
            int         *band0,
            int         *band1)
{
  double ya = k->ay + k->spread * k->dy - 0.5, yb = k->ay + (1 - k->spread) * k->dy - 0.5;
  int a, b;

  *band0 = 1;
  *band1 = 0;
  if (!isfinite (ya) || !isfinite (yb))
    return;
  a = CLAMP (ifloor (CLAMP (MIN (ya, yb), ymin - 2, ymax + 2)) - 1, ymin, ymax);
  b = CLAMP (iceil (CLAMP (MAX (ya, yb), ymin - 2, ymax + 2)) + 1, ymin, ymax);
  /* Out to the run's true edges: a row or two either way. */
  while (a > ymin && away_from_ends (k, a - 1))
    a--;
  while (a <= b && !away_from_ends (k, a))
    a++;
  while (b < ymax && away_from_ends (k, b + 1))
    b++;
  while (b >= a && !away_from_ends (k, b))
    b--;
  *band0 = a;
  *band1 = b;
}

/* Row @y of a steep segment, away from its ends: the pixels within
 * reach of where the line crosses the row. */
static inline void
steep_row (Raster      *r,
           const Steep *k,
           int          y,
           int          xlo,
           int          xhi)
{
  double yc = y + 0.5, tc = (yc - k->ay) * k->inv_dy, xc = k->ax + tc * k->dx;
  int xmin = MAX (xlo, iceil (xc - k->reach - 0.5)), xmax = MIN (xhi, ifloor (xc + k->reach - 0.5));

  for (int x = xmin; x <= xmax; x++)
    {
      double off = x + 0.5 - xc;
      double v = clamp_cap (r->r_out - fabs (off) * k->across, r->cap);
      guint8 *cell = cell_at (r, x, y) + (off < 0);
      guint8 c = (guint8) (255 * v + 0.5);

      *cell = MAX (*cell, c);
    }
}

/* Rows @y0 … @y1 of a steep segment, all away from its ends, where the
 * distance to the line is the distance along the row times a constant.
 * Column by column: a column's rows are next to each other in the scratch,
 * and its loop runs long enough to be predicted, where a row's runs three
 * pixels or so. Each pixel gets what the row by row loop gave it, to the
 * bit; the rows a column visits are a row or two more than the line
 * reaches either side, which get nothing. Runs of a few rows are drawn row
 * by row. Hot path (render-frame and widget-frame benchmarks). */
static void
steep_rows (Raster      *r,
            const Steep *k,
            int          y0,
            int          y1,
            int          xlo,
            int          xhi)
{
  double xc0, xc1;
  int cmin, cmax;

  /* A short run, row by row: a column's loop would visit as many rows
   * to spare as rows to draw. */
  if (y1 - y0 < 8)
    {
      for (int y = y0; y <= y1; y++)
        steep_row (r, k, y, xlo, xhi);
      return;
    }
  xc0 = k->ax + ((y0 + 0.5) - k->ay) * k->inv_dy * k->dx;
  xc1 = k->ax + ((y1 + 0.5) - k->ay) * k->inv_dy * k->dx;
  cmin = MAX (xlo, iceil (MIN (xc0, xc1) - k->reach - 0.5));
  cmax = MIN (xhi, ifloor (MAX (xc0, xc1) + k->reach - 0.5));

  for (int x = cmin; x <= cmax; x++)
    {
      int ya = y0, yb = y1;
      guint8 *cell;

      if (fabs (k->dx) > 1e-9)
        {
          double ys = k->ay + (x + 0.5 - k->reach - k->ax) / k->dx * k->dy - 0.5;
          double ye = k->ay + (x + 0.5 + k->reach - k->ax) / k->dx * k->dy - 0.5;

          ya = MAX (y0, ifloor (CLAMP (MIN (ys, ye), y0 - 3, y1 + 3)) - 2);
          yb = MIN (y1, iceil (CLAMP (MAX (ys, ye), y0 - 3, y1 + 3)) + 2);
        }
      cell = ya <= yb ? cell_at (r, x, ya) : NULL;
#ifdef __SSE2__
      /* Four rows at a time, the same operations in pairs of doubles:
       * the coverage of four pixels goes to the east and west bytes of
       * their sixteen, raised with one unsigned byte max. */
      {
        __m128d ay = _mm_set1_pd (k->ay), inv_dy = _mm_set1_pd (k->inv_dy), ax = _mm_set1_pd (k->ax);
        __m128d dx = _mm_set1_pd (k->dx), across = _mm_set1_pd (k->across), r_out = _mm_set1_pd (r->r_out);
        __m128d cap = _mm_set1_pd (r->cap), zero = _mm_setzero_pd (), half = _mm_set1_pd (0.5);
        __m128d scale = _mm_set1_pd (255), px = _mm_set1_pd (x + 0.5);
        __m128d sign = _mm_set1_pd (-0.0);

        for (; ya + 3 <= yb; ya += 4, cell += 16)
          {
            __m128i words[2];

            for (int h = 0; h < 2; h++)
              {
                __m128d yc = _mm_add_pd (_mm_set_pd (ya + 2 * h + 1, ya + 2 * h), half);
                __m128d xc = _mm_add_pd (ax, _mm_mul_pd (_mm_mul_pd (_mm_sub_pd (yc, ay), inv_dy), dx));
                __m128d off = _mm_sub_pd (px, xc);
                __m128d v = _mm_sub_pd (r_out, _mm_mul_pd (_mm_andnot_pd (sign, off), across));
                __m128i c, west;

                v = _mm_max_pd (_mm_min_pd (v, cap), zero);
                c = _mm_cvttpd_epi32 (_mm_add_pd (_mm_mul_pd (scale, v), half));
                /* cvttpd gives two 32-bit lanes; the mask two 64-bit ones. */
                west = _mm_shuffle_epi32 (_mm_castpd_si128 (_mm_cmplt_pd (off, zero)), _MM_SHUFFLE (3, 3, 2, 0));
                words[h] = _mm_or_si128 (_mm_andnot_si128 (west, c), _mm_slli_epi32 (_mm_and_si128 (west, c), 8));
              }
            {
              __m128i both = _mm_unpacklo_epi64 (words[0], words[1]);
              __m128i old = _mm_loadu_si128 ((const __m128i *) (void *) cell);

              _mm_storeu_si128 ((__m128i *) (void *) cell, _mm_max_epu8 (old, both));
            }
          }
      }
#endif
      for (int y = ya; y <= yb; y++, cell += 4)
        {
          double yc = y + 0.5, tc = (yc - k->ay) * k->inv_dy, xc = k->ax + tc * k->dx;
          double off = x + 0.5 - xc;
          double v = clamp_cap (r->r_out - fabs (off) * k->across, r->cap);
          guint8 c = (guint8) (255 * v + 0.5);
          guint8 east = off < 0 ? 0 : c, west = off < 0 ? c : 0;

          cell[0] = MAX (cell[0], east);
          cell[1] = MAX (cell[1], west);
        }
    }
}

/* Hot path (render-frame benchmark): one segment's coverage in columns
 * @xlo … @xhi, called for every pair of points drawn. Branch-free per pixel where it can be: which
 * pixels are edge, inside or out changes from pixel to pixel. */
static void
segment (Raster        *r,
         const Segment *g,
         int            xlo,
         int            xhi)
{
  double ax = g->ax, ay = g->ay, bx = g->bx, by = g->by;
  double dx = bx - ax, dy = by - ay, inv_dy = dy != 0 ? 1 / dy : 0;
  double len2 = dx * dx + dy * dy;
  double inv = len2 > 0 ? 1 / len2 : 0;
  double out2 = r->r_out * r->r_out;
  double in2 = r->r_in > 0 ? r->r_in * r->r_in : -1;
  gboolean steep = fabs (dy) >= fabs (dx) && len2 > 0;
  double across = steep ? fabs (dy) / sqrt (len2) : 0;  /* distance per pixel along a row */
  double reach = steep ? r->r_out / across : 0;          /* half the row's width within r_out */
  double spread = reach * fabs (dx) * inv;               /* how far t moves across that width */
  guint8 full = (guint8) (255 * r->cap + 0.5);
  Steep line = { ax, ay, dx, dy, inv_dy, across, reach, spread };
  int band0 = 1, band1 = 0;   /* rows away from the ends */

  /* A short segment's rows are tested one by one; a long one's run of
   * rows away from its ends is found at once. */
  gboolean row_by_row = steep && g->ymax - g->ymin < 12;

  if (steep && !row_by_row)
    steep_band (&line, g->ymin, g->ymax, &band0, &band1);
  for (int y = g->ymin; y <= g->ymax; y++)
    {
      double yc = y + 0.5, lo_y = yc - r->r_out, hi_y = yc + r->r_out;
      double xa, xb, py, pdy;
      int xmin, xmax;

      /* Rows away from the ends of a steep segment: the distance to the
       * line is the distance along the row times a constant. */
      if (y == band0 && band0 <= band1)
        {
          steep_rows (r, &line, band0, band1, xlo, xhi);
          y = band1;
          continue;
        }
      if (row_by_row && away_from_ends (&line, y))
        {
          steep_row (r, &line, y, xlo, xhi);
          continue;
        }

      /* The segment's x extent over the rows within reach of this one. */
      if (fabs (dy) < 1e-12)
        {
          xa = MIN (ax, bx);
          xb = MAX (ax, bx);
        }
      else
        {
          double t0 = CLAMP ((lo_y - ay) * inv_dy, 0, 1), t1 = CLAMP ((hi_y - ay) * inv_dy, 0, 1);

          xa = ax + MIN (t0, t1) * dx;
          xb = ax + MAX (t0, t1) * dx;
        }
      xmin = MAX (xlo, iceil (xa - r->r_out - 0.5));
      xmax = MIN (xhi, ifloor (xb + r->r_out - 0.5));

      py = yc - ay;
      pdy = py * dy;
      for (int x = xmin; x <= xmax; x++)
        {
          double px = x + 0.5 - ax;
          double t = clamp_cap ((px * dx + pdy) * inv, 1);
          double ex = px - t * dx, ey = py - t * dy;
          double d2 = ex * ex + ey * ey;
          guint8 *cell;
          guint8 c;

          if (d2 >= out2)
            continue;
          if (d2 <= in2)
            {
              cell = cell_at (r, x, y);
              c = full;
            }
          else
            {
              cell = cell_at (r, x, y) + (fabs (ex) >= fabs (ey) ? (ex <= 0) : 2 + (ey <= 0));
              c = (guint8) (255 * MIN (r->r_out - sqrt (d2), r->cap) + 0.5);
            }
          *cell = MAX (*cell, c);
        }
    }

}

/* Liang–Barsky: cuts a segment to the clip grown by the pen, so far-off
 * points keep their direction and coordinates stay in int range. */
static gboolean
clip_segment (const Raster *r,
              double       *ax,
              double       *ay,
              double       *bx,
              double       *by)
{
  double m = r->r_out + 1;
  double dx = *bx - *ax, dy = *by - *ay, t0 = 0, t1 = 1;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - (r->x0 - m), (r->x1 + m) - *ax, *ay - (r->y0 - m), (r->y1 + m) - *ay };

  if (!isfinite (*ax) || !isfinite (*ay) || !isfinite (*bx) || !isfinite (*by))
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (p[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      if (p[i] < 0)
        t0 = MAX (t0, q[i] / p[i]);
      else
        t1 = MIN (t1, q[i] / p[i]);
    }
  if (t0 > t1)
    return FALSE;
  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax += t0 * dx;
  *ay += t0 * dy;
  return TRUE;
}

static inline guint8
mul255 (guint a,
        guint b)
{
  guint t = a * b + 128;

  return (guint8) ((t + (t >> 8)) >> 8);
}

/* mul255 of each of @d's four bytes by @m, two bytes a multiply: each
 * 16-bit lane holds a*m + 128 < 65536, so the lanes never carry. */
static inline guint32
mul255x4 (guint32 d,
          guint   m)
{
  guint32 rb = (d & 0x00ff00ff) * m + 0x00800080;
  guint32 ag = ((d >> 8) & 0x00ff00ff) * m + 0x00800080;

  rb = ((rb + ((rb >> 8) & 0x00ff00ff)) >> 8) & 0x00ff00ff;
  ag = (ag + ((ag >> 8) & 0x00ff00ff)) & 0xff00ff00;
  return rb | ag;
}

/* The colour's share of a pixel it covers by c/255, and what is left of
 * the pixel under it, for every c. The sum of the two never passes 255 in
 * any byte, so it is added as one word. */
typedef struct
{
  guint32 source[256];
  guint8  keep[256];
} Blend;

static void
blend_init (Blend         *b,
            const UcColor *color)
{
  guint8 sa = (guint8) lround (CLAMP (color->alpha, 0, 1) * 255);
  guint8 sr = mul255 ((guint) lround (CLAMP (color->red, 0, 1) * 255), sa);
  guint8 sg = mul255 ((guint) lround (CLAMP (color->green, 0, 1) * 255), sa);
  guint8 sb = mul255 ((guint) lround (CLAMP (color->blue, 0, 1) * 255), sa);

  for (guint c = 0; c < 256; c++)
    {
      b->source[c] = (guint32) mul255 (sa, c) << 24 | (guint32) mul255 (sr, c) << 16 |
                     (guint32) mul255 (sg, c) << 8 | mul255 (sb, c);
      b->keep[c] = 255 - mul255 (sa, c);
    }
}

/* Coverage past this many pixels is worth sharing between threads. */
#define PARALLEL_PIXELS 4096
/* Shared, it is cut into this many runs of columns of about equal work,
 * taken in turn by whichever thread is free: a helper that starts late
 * or runs slower does fewer. */
#define MAX_CHUNKS 32

/* A stroke's coverage and composite, in chunks of columns (uc-render-parallel.h). */
typedef struct
{
  Raster        *r;
  const Segment *segments;
  gsize          n_segments;
  const guint32 *bucket;                 /* the segments reaching each chunk, chunk by chunk */
  gsize          bucket_at[MAX_CHUNKS + 1];
  int            split[MAX_CHUNKS + 1];  /* chunk k takes columns split[k] … split[k + 1] − 1 */
  gsize          cover[MAX_CHUNKS + 1];  /* and the scratch's pixels cover[k] … cover[k + 1] − 1 */
  guint          n_chunks;
  gint           next;                   /* atomic: the next chunk to take */
  guint8        *data;
  int            stride;
  Blend          blend;
  double         fx0, fx1, fy0, fy1;     /* how much of the edge pixels the clip leaves */
  int            cw;
} Job;

/* Where column @col's coverage starts in the scratch, untouched or not. */
static inline gsize
start_of (const Raster *r,
          int           col)
{
  return (gsize) ((gssize) r->s->origin[col] + r->s->top[col]);
}

/* Chunk @part's columns composited onto the image, and their scratch left zero. */
static void
composite (Job  *job,
           guint part)
{
  Raster *r = job->r;
  int lo = job->split[part], hi = job->split[part + 1];

  for (int col = lo; col < hi; col++)
    {
      int x = r->x0 + col;
      double fx = (col == 0 ? job->fx0 : 1) * (col == job->cw - 1 ? job->fx1 : 1);
      const guint8 *cell = r->s->cover + start_of (r, col) * 4;

      for (int y = r->s->top[col]; y <= r->s->bottom[col]; y++, cell += 4)
        {
          guint32 *px = (guint32 *) (job->data + (gsize) y * job->stride) + x;
          guint c = MIN (255, MAX (cell[0] + cell[1], cell[2] + cell[3]));

          if (c == 0)
            continue;
          if (G_UNLIKELY (fx < 1 || y == r->y0 || y == r->y1 - 1))
            {
              double f = fx * (y == r->y0 ? job->fy0 : 1) * (y == r->y1 - 1 ? job->fy1 : 1);

              c = (guint) (c * f + 0.5);
            }
          /* Covered wholly by an opaque colour: the colour. */
          *px = job->blend.keep[c] == 0 ? job->blend.source[c]
                                        : job->blend.source[c] + mul255x4 (*px, job->blend.keep[c]);
        }
      r->s->top[col] = G_MAXINT16;
      r->s->bottom[col] = -1;
    }
  memset (r->s->cover + job->cover[part] * 4, 0, (job->cover[part + 1] - job->cover[part]) * 4);
}

/* A thread's share of a stroke: chunk after chunk, the segments that
 * reach its columns drawn in them only, then composited. Chunks touch
 * disjoint columns of the scratch and of the image. */
static void
raster_part (gpointer data,
             guint    part,
             guint    n_parts)
{
  Job *job = data;
  guint k;

  (void) part;
  (void) n_parts;
  while ((k = (guint) g_atomic_int_add (&job->next, 1)) < job->n_chunks)
    {
      int lo = job->split[k], hi = job->split[k + 1];
      int xlo = job->r->x0 + lo, xhi = job->r->x0 + hi - 1;

      if (lo >= hi)
        continue;
      for (gsize i = job->bucket_at[k]; i < job->bucket_at[k + 1]; i++)
        segment (job->r, &job->segments[job->bucket[i]], xlo, xhi);
      composite (job, k);
    }
}

/* @job's chunks: @n of about equal work (rows of segments, r->s->work,
 * left zero), and the segments reaching each, in @bucket. */
static void
split_chunks (Job     *job,
              guint    n,
              gsize    used,
              GArray  *bucket)
{
  Raster *r = job->r;
  guint64 total = 0, done = 0;
  guint k = 1;

  for (int col = 0; col < job->cw; col++)
    total += r->s->work[col];
  job->n_chunks = n;
  job->split[0] = 0;
  job->cover[0] = 0;
  for (int col = 0; col < job->cw; col++)
    {
      done += r->s->work[col];
      r->s->work[col] = 0;
      if (k < n && done * n >= total * k)
        {
          job->split[k] = col + 1;
          job->cover[k] = col + 1 < job->cw ? start_of (r, col + 1) : used;
          k++;
        }
    }
  for (; k <= n; k++)
    {
      job->split[k] = job->cw;
      job->cover[k] = used;
    }
  /* Each segment into the buckets of the chunks it reaches: counted, then placed. */
  for (guint c = 0; c < n; c++)
    for (int col = job->split[c]; col < job->split[c + 1]; col++)
      r->s->chunk[col] = (guint8) c;
  memset (job->bucket_at, 0, sizeof job->bucket_at);
  for (gsize i = 0; i < job->n_segments; i++)
    {
      const Segment *g = &job->segments[i];

      if (g->xlo <= g->xhi)
        for (int c = r->s->chunk[g->xlo - r->x0]; c <= r->s->chunk[g->xhi - r->x0]; c++)
          job->bucket_at[c + 1]++;
    }
  for (guint c = 0; c < n; c++)
    job->bucket_at[c + 1] += job->bucket_at[c];
  g_array_set_size (bucket, job->bucket_at[n]);
  {
    gsize fill[MAX_CHUNKS];
    guint32 *slots = (guint32 *) (void *) bucket->data;

    memcpy (fill, job->bucket_at, sizeof fill);
    for (gsize i = 0; i < job->n_segments; i++)
      {
        const Segment *g = &job->segments[i];

        if (g->xlo <= g->xhi)
          for (int c = r->s->chunk[g->xlo - r->x0]; c <= r->s->chunk[g->xhi - r->x0]; c++)
            slots[fill[c]++] = (guint32) i;
      }
    job->bucket = slots;
  }
}

/* Hot path (render-frame benchmark: the top of its profile): the stroke
 * of a whole decimated line, kept in one function. */
gboolean
uc_line_raster_stroke (cairo_t                 *cr,
                       const cairo_rectangle_t *clip,
                       const UcPathPoint       *points,
                       gsize                    n_points,
                       double                   line_width,
                       const UcColor           *color)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double ex0, ey0, ex1, ey1;
  double ox = 0, oy = 0, ux = 1, uy = 0, vx = 0, vy = 1, scale;
  double cx0, cy0, cx1, cy1;
  int width, height, cw, ch;
  gsize used, n_segments;
  Segment *segments;
  guint n_parts;
  Job job;
  cairo_format_t format;
  Raster r;

  /* Only plain image targets with an axis-aligned, uniform transform. */
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE || cairo_get_group_target (cr) != target
      || cairo_get_operator (cr) != CAIRO_OPERATOR_OVER || cairo_get_antialias (cr) == CAIRO_ANTIALIAS_NONE)
    return FALSE;
  format = cairo_image_surface_get_format (target);
  if (format != CAIRO_FORMAT_ARGB32 && format != CAIRO_FORMAT_RGB24)
    return FALSE;
  cairo_user_to_device (cr, &ox, &oy);
  cairo_user_to_device (cr, &ux, &uy);
  cairo_user_to_device (cr, &vx, &vy);
  scale = ux - ox;
  if (fabs (uy - oy) > 1e-9 || fabs (vx - ox) > 1e-9 || fabs ((vy - oy) - scale) > 1e-9 || scale <= 0)
    return FALSE;

  /* The caller's rectangle, within what the context's clip lets through. */
  cairo_clip_extents (cr, &ex0, &ey0, &ex1, &ey1);
  ex0 = MAX (ex0, clip->x);
  ey0 = MAX (ey0, clip->y);
  ex1 = MIN (ex1, clip->x + clip->width);
  ey1 = MIN (ey1, clip->y + clip->height);
  width = cairo_image_surface_get_width (target);
  height = cairo_image_surface_get_height (target);
  cx0 = MAX (0, ox + ex0 * scale);
  cy0 = MAX (0, oy + ey0 * scale);
  cx1 = MIN (width, ox + ex1 * scale);
  cy1 = MIN (height, oy + ey1 * scale);
  if (cx1 <= cx0 || cy1 <= cy0 || width > G_MAXINT16 || height > G_MAXINT16)
    return cx1 <= cx0 || cy1 <= cy0;

  r.x0 = ifloor (cx0);
  r.y0 = ifloor (cy0);
  r.x1 = iceil (cx1);
  r.y1 = iceil (cy1);
  cw = r.x1 - r.x0;
  ch = r.y1 - r.y0;
  r.s = scratch_get (cw);
  r.r_out = line_width * scale / 2 + 0.5;
  r.r_in = line_width * scale / 2 - 0.5;
  r.cap = MIN (1, line_width * scale);

  /* First the rows each column can be touched in, then the coverage,
   * packed by column, then one composite. */
  g_array_set_size (r.s->segments, MAX (n_points, 1));
  segments = (Segment *) (void *) r.s->segments->data;
  n_segments = 0;
  for (gsize i = 1; i < n_points; i++)
    {
      Segment *g = &segments[n_segments];

      *g = (Segment) { ox + points[i - 1].x * scale, oy + points[i - 1].y * scale, ox + points[i].x * scale,
                       oy + points[i].y * scale, 0, 0, 0, 0 };
      if (!points[i].move && clip_segment (&r, &g->ax, &g->ay, &g->bx, &g->by) && segment_bounds (&r, g))
        n_segments++;
    }
  used = 0;
  for (int col = 0; col < cw; col++)
    {
      r.s->origin[col] = (gint32) ((gssize) used - r.s->top[col]);
      if (r.s->top[col] <= r.s->bottom[col])
        used += (gsize) (r.s->bottom[col] - r.s->top[col] + 1);
    }
  if (used > MAX_COVER_PIXELS || !scratch_reserve (r.s, used))
    {
      for (int col = 0; col < cw; col++)
        {
          r.s->top[col] = G_MAXINT16;
          r.s->bottom[col] = -1;
          r.s->work[col] = 0;
        }
      return FALSE;
    }
  /* Composite once, OVER in premultiplied ARGB, and leave the scratch zero.
   * Pixels the clip cuts through are covered by the part inside it. */
  cairo_surface_flush (target);
  job = (Job) { .r = &r, .segments = segments, .n_segments = n_segments, .data = cairo_image_surface_get_data (target),
                .stride = cairo_image_surface_get_stride (target), .fx0 = 1 - (cx0 - r.x0), .fx1 = 1 - (r.x1 - cx1),
                .fy0 = 1 - (cy0 - r.y0), .fy1 = 1 - (r.y1 - cy1), .cw = cw };
  blend_init (&job.blend, color);
  /* In chunks of about equal work, taken by every core, when there is enough. */
  n_parts = used >= PARALLEL_PIXELS ? uc_render_parallel_parts () : 1;
  split_chunks (&job, n_parts > 1 ? (guint) CLAMP (cw / 32, 1, MAX_CHUNKS) : 1, used, r.s->bucket);
  uc_render_parallel_run (raster_part, &job, n_parts);
  cairo_surface_mark_dirty_rectangle (target, r.x0, r.y0, cw, ch);
  return TRUE;
}
