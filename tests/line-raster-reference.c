/* line-raster-reference.c: the line rasteriser as first written, kept as
 * the reference app/render/uc-line-raster.c must match to the bit
 *
 * One segment at a time, row by row, every pixel's distance computed the
 * plain way, into a plot-sized coverage buffer, on one thread. The fast
 * rasteriser reorders and splits this work (packed coverage, runs of rows
 * column by column, SSE2, chunks of columns on helper threads) but must
 * give every pixel the same bytes: test-line-raster draws random lines
 * both ways.
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

#include <math.h>

#include "uc-column-alloc.h"
#include <string.h>

/* Coverage scratch kept per thread between frames, all zero between calls,
 * with the rows each column touched, so a frame only visits and clears
 * the pixels near the line. Stored by column: chart lines run mostly up
 * and down, and a column's pixels then share cache lines and pages. */
typedef struct
{
  guint8 *cover;         /* four bytes per pixel, one per side: east, west, north, south */
  gint16 *top, *bottom;  /* per column; top > bottom when untouched */
  int     width, height;
} Scratch;

static void
scratch_free (gpointer data)
{
  Scratch *s = data;

  uc_column_free (s->cover);
  g_free (s->top);
  g_free (s->bottom);
  g_free (s);
}

static GPrivate scratch_key = G_PRIVATE_INIT (scratch_free);

/* Four bytes a pixel of plot: a plot 16384 px square takes 1 GB, which
 * is where cairo's own stroke, needing little more than the image, does
 * better. */
#define MAX_SCRATCH_BYTES ((gsize) 1 << 30)

/* NULL for a plot past MAX_SCRATCH_BYTES or when the memory cannot be
 * had: the caller then strokes with cairo. */
static Scratch *
scratch_get (int width,
             int height)
{
  Scratch *s = g_private_get (&scratch_key);

  if ((gsize) width * height * 4 > MAX_SCRATCH_BYTES)
    return NULL;
  if (s == NULL || s->width < width || s->height < height)
    {
      guint8 *cover = uc_column_try_alloc0 ((gsize) width * height * 4);

      if (cover == NULL)
        return NULL;
      s = g_new0 (Scratch, 1);
      s->width = width;
      s->height = height;
      s->cover = cover;
      s->top = g_new (gint16, width);
      s->bottom = g_new (gint16, width);
      for (int x = 0; x < width; x++)
        {
          s->top[x] = G_MAXINT16;
          s->bottom[x] = -1;
        }
      g_private_replace (&scratch_key, s);
    }
  return s;
}

typedef struct
{
  Scratch *s;
  int      stride;            /* of the coverage buffer's columns */
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

/* Raises one side's coverage of pixel (x, y) to @c. */
static inline void
put (Raster *r,
     int     x,
     int     y,
     guint8  c,
     int     side)
{
  guint8 *cell = r->s->cover + ((gsize) (x - r->x0) * r->stride + (y - r->y0)) * 4 + side;

  *cell = MAX (*cell, c);
}

/* One segment's coverage, for every pair of points drawn. */
static void
segment (Raster *r,
         double  ax,
         double  ay,
         double  bx,
         double  by)
{
  double dx = bx - ax, dy = by - ay, inv_dy = dy != 0 ? 1 / dy : 0;
  double len2 = dx * dx + dy * dy;
  double inv = len2 > 0 ? 1 / len2 : 0;
  double out2 = r->r_out * r->r_out;
  double in2 = r->r_in > 0 ? r->r_in * r->r_in : -1;
  gboolean steep = fabs (dy) >= fabs (dx) && len2 > 0;
  double across = steep ? fabs (dy) / sqrt (len2) : 0;  /* distance per pixel along a row */
  double reach = steep ? r->r_out / across : 0;          /* half the row's width within r_out */
  double spread = reach * fabs (dx) * inv;               /* how far t moves across that width */
  /* Only pixels whose centres can lie within r_out of the line. */
  int ymin = MAX (r->y0, iceil (MIN (ay, by) - r->r_out - 0.5));
  int ymax = MIN (r->y1 - 1, ifloor (MAX (ay, by) + r->r_out - 0.5));
  guint8 full = (guint8) (255 * r->cap + 0.5);
  int xlo = MAX (r->x0, iceil (MIN (ax, bx) - r->r_out - 0.5));
  int xhi = MIN (r->x1 - 1, ifloor (MAX (ax, bx) + r->r_out - 0.5));

  if (ymin > ymax)
    return;
  /* The rows each column may have been touched in, for compositing. */
  for (int x = xlo; x <= xhi; x++)
    {
      int col = x - r->x0;

      r->s->top[col] = (gint16) MIN (r->s->top[col], ymin);
      r->s->bottom[col] = (gint16) MAX (r->s->bottom[col], ymax);
    }

  for (int y = ymin; y <= ymax; y++)
    {
      double yc = y + 0.5, lo_y = yc - r->r_out, hi_y = yc + r->r_out;
      double xa, xb;
      int xmin, xmax;

      /* Rows away from the ends of a steep segment: the distance to the
       * line is the distance along the row times a constant. */
      if (steep)
        {
          double tc = (yc - ay) * inv_dy, xc = ax + tc * dx;

          if (tc - spread >= 0 && tc + spread <= 1)
            {
              /* Pixels whose centres lie within reach; branch-free, as which
               * of them are edge or inside changes from row to row. */
              xmin = MAX (r->x0, iceil (xc - reach - 0.5));
              xmax = MIN (r->x1 - 1, ifloor (xc + reach - 0.5));
              for (int x = xmin; x <= xmax; x++)
                {
                  double off = x + 0.5 - xc;
                  double v = CLAMP (r->r_out - fabs (off) * across, 0, r->cap);

                  put (r, x, y, (guint8) (255 * v + 0.5), off < 0);
                }
              continue;
            }
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
      xmin = MAX (r->x0, iceil (xa - r->r_out - 0.5));
      xmax = MIN (r->x1 - 1, ifloor (xb + r->r_out - 0.5));

      for (int x = xmin; x <= xmax; x++)
        {
          double px = x + 0.5 - ax, py = yc - ay;
          double t = CLAMP ((px * dx + py * dy) * inv, 0, 1);
          double ex = px - t * dx, ey = py - t * dy;
          double d2 = ex * ex + ey * ey;

          if (d2 >= out2)
            continue;
          if (d2 <= in2)
            put (r, x, y, full, 0);
          else
            put (r, x, y, (guint8) (255 * MIN (r->r_out - sqrt (d2), r->cap) + 0.5),
                 fabs (ex) >= fabs (ey) ? (ex > 0 ? 0 : 1) : (ey > 0 ? 2 : 3));
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

gboolean uc_line_raster_reference (cairo_t *cr, const cairo_rectangle_t *clip, const UcPathPoint *points,
                                   gsize n_points, double line_width, const UcColor *color);

/* The stroke of a whole line, as uc_line_raster_stroke(). */
gboolean
uc_line_raster_reference (cairo_t                 *cr,
                       const cairo_rectangle_t *clip,
                       const UcPathPoint       *points,
                       gsize                    n_points,
                       double                   line_width,
                       const UcColor           *color)
{
  cairo_surface_t *target = cairo_get_target (cr);
  double ex0, ey0, ex1, ey1;
  double ox = 0, oy = 0, ux = 1, uy = 0, vx = 0, vy = 1, scale;
  double cx0, cy0, cx1, cy1, fx0, fy0, fx1, fy1;
  int width, height, stride, cw, ch;
  guint8 *data, sr, sg, sb, sa;
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
  r.s = scratch_get (cw, ch);
  if (r.s == NULL)
    return FALSE;
  r.stride = r.s->height;
  r.r_out = line_width * scale / 2 + 0.5;
  r.r_in = line_width * scale / 2 - 0.5;
  r.cap = MIN (1, line_width * scale);

  for (gsize i = 1; i < n_points; i++)
    {
      double ax = ox + points[i - 1].x * scale, ay = oy + points[i - 1].y * scale;
      double bx = ox + points[i].x * scale, by = oy + points[i].y * scale;

      if (!points[i].move && clip_segment (&r, &ax, &ay, &bx, &by))
        segment (&r, ax, ay, bx, by);
    }

  /* Composite once, OVER in premultiplied ARGB, and leave the scratch zero.
   * Pixels the clip cuts through are covered by the part inside it. */
  cairo_surface_flush (target);
  data = cairo_image_surface_get_data (target);
  stride = cairo_image_surface_get_stride (target);
  sa = (guint8) lround (CLAMP (color->alpha, 0, 1) * 255);
  sr = mul255 ((guint) lround (CLAMP (color->red, 0, 1) * 255), sa);
  sg = mul255 ((guint) lround (CLAMP (color->green, 0, 1) * 255), sa);
  sb = mul255 ((guint) lround (CLAMP (color->blue, 0, 1) * 255), sa);
  fx0 = 1 - (cx0 - r.x0);
  fx1 = 1 - (r.x1 - cx1);
  fy0 = 1 - (cy0 - r.y0);
  fy1 = 1 - (r.y1 - cy1);
  for (int col = 0; col < cw; col++)
    {
      int x = r.x0 + col;
      double fx = (col == 0 ? fx0 : 1) * (col == cw - 1 ? fx1 : 1);

      if (r.s->top[col] > r.s->bottom[col])
        continue;
      for (int y = r.s->top[col]; y <= r.s->bottom[col]; y++)
        {
          guint8 *cell = r.s->cover + ((gsize) col * r.stride + (y - r.y0)) * 4;
          guint32 *px = (guint32 *) (data + (gsize) y * stride) + x;
          guint c = MIN (255, MAX (cell[0] + cell[1], cell[2] + cell[3])), m, d;

          if (c == 0)
            continue;
          memset (cell, 0, 4);
          if (G_UNLIKELY (fx < 1 || y == r.y0 || y == r.y1 - 1))
            {
              double f = fx * (y == r.y0 ? fy0 : 1) * (y == r.y1 - 1 ? fy1 : 1);

              c = (guint) (c * f + 0.5);
            }
          m = 255 - mul255 (sa, c);
          d = *px;
          *px = (guint32) (mul255 (sa, c) + mul255 (d >> 24, m)) << 24
                | (guint32) (mul255 (sr, c) + mul255 ((d >> 16) & 0xff, m)) << 16
                | (guint32) (mul255 (sg, c) + mul255 ((d >> 8) & 0xff, m)) << 8
                | (guint32) (mul255 (sb, c) + mul255 (d & 0xff, m));
        }
      r.s->top[col] = G_MAXINT16;
      r.s->bottom[col] = -1;
    }
  cairo_surface_mark_dirty_rectangle (target, r.x0, r.y0, cw, ch);
  return TRUE;
}
