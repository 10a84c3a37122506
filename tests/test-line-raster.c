/* test-line-raster.c: the line rasteriser against its reference, to the bit
 *
 * uc_line_raster_stroke() reorders and shares its work for speed; every
 * pixel must still get what the plain version (line-raster-reference.c)
 * gives it. Random lines of every kind a chart draws (scattered points,
 * series, dense columns of M4, pieces of dashes) on images of random
 * sizes, formats, transforms, clips, colours and widths, and a frame-sized
 * dense line that the helper threads share.
 */
#include <math.h>
#include <string.h>

#include "uc-line-raster.h"

gboolean uc_line_raster_reference (cairo_t *cr, const cairo_rectangle_t *clip, const UcPathPoint *points,
                                   gsize n_points, double line_width, const UcColor *color);

typedef enum
{
  SCATTERED,   /* anywhere, off the image too, pieces started now and then */
  SERIES,      /* left to right, wandering */
  COLUMNS,     /* four points a pixel column, tall: M4 */
  DASHES,      /* short pieces along a series */
  N_SHAPES
} Shape;

static UcPathPoint *
make_line (GRand *rand,
           Shape  shape,
           int    width,
           int    height,
           int   *n)
{
  UcPathPoint *p;
  double v = height / 2.0;

  *n = shape == COLUMNS ? width * 4 : g_rand_int_range (rand, 2, 3000);
  p = g_new (UcPathPoint, *n);
  for (int i = 0; i < *n; i++)
    switch (shape)
      {
      case SCATTERED:
        p[i] = (UcPathPoint) { g_rand_double_range (rand, -50, width + 50), g_rand_double_range (rand, -50, height + 50),
                               g_rand_int_range (rand, 0, 20) == 0 };
        break;
      case SERIES:
        v = CLAMP (v + g_rand_double_range (rand, -height / 20.0, height / 20.0), -10, height + 10);
        p[i] = (UcPathPoint) { (double) i * width / *n, v, g_rand_int_range (rand, 0, 200) == 0 };
        break;
      case COLUMNS:
        v = CLAMP (v + g_rand_double_range (rand, -height / 8.0, height / 8.0), 0, height);
        p[i] = (UcPathPoint) { i / 4 + g_rand_double (rand), v, i == 0 };
        break;
      case DASHES:
      default:
        v = CLAMP (v + g_rand_double_range (rand, -3, 3), 0, height);
        p[i] = (UcPathPoint) { (double) i * width / *n, v, i % 3 == 0 };
        break;
      }
  return p;
}

/* Draws @points both ways on two copies of one background; TRUE when the
 * images are the same to the byte. */
static gboolean
same_both_ways (cairo_format_t           format,
                int                      width,
                int                      height,
                const cairo_matrix_t    *matrix,
                const cairo_rectangle_t *clip,
                const UcPathPoint       *points,
                int                      n,
                double                   line_width,
                const UcColor           *background,
                const UcColor           *color)
{
  cairo_surface_t *images[2];
  gboolean same = TRUE;

  for (int k = 0; k < 2; k++)
    {
      cairo_t *cr;

      images[k] = cairo_image_surface_create (format, width, height);
      cr = cairo_create (images[k]);
      cairo_set_source_rgba (cr, background->red, background->green, background->blue, background->alpha);
      cairo_paint (cr);
      cairo_set_matrix (cr, matrix);
      if (k == 0)
        g_assert_true (uc_line_raster_reference (cr, clip, points, n, line_width, color));
      else
        g_assert_true (uc_line_raster_stroke (cr, clip, points, n, line_width, color));
      cairo_destroy (cr);
      cairo_surface_flush (images[k]);
    }
  for (int y = 0; y < height && same; y++)
    {
      gsize row = (gsize) cairo_image_surface_get_stride (images[0]) * y;

      same = memcmp (cairo_image_surface_get_data (images[0]) + row, cairo_image_surface_get_data (images[1]) + row,
                     (gsize) width * 4) == 0;
    }
  cairo_surface_destroy (images[0]);
  cairo_surface_destroy (images[1]);
  return same;
}

static void
random_color (GRand   *rand,
              UcColor *c,
              gboolean opaque)
{
  *c = (UcColor) { g_rand_double (rand), g_rand_double (rand), g_rand_double (rand),
                   opaque ? 1 : g_rand_double (rand) };
}

static void
test_random_lines (void)
{
  for (int seed = 1; seed <= 400; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      int width = g_rand_int_range (rand, 10, 700), height = g_rand_int_range (rand, 10, 500), n;
      Shape shape = (Shape) (seed % N_SHAPES);
      cairo_format_t format = g_rand_boolean (rand) ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24;
      double scale = g_rand_boolean (rand) ? 1 : g_rand_double_range (rand, 0.5, 3);
      cairo_matrix_t matrix;
      cairo_rectangle_t clip = { g_rand_double_range (rand, -10, width / 2.0), g_rand_double_range (rand, -10, height / 2.0),
                                 g_rand_double_range (rand, 0, width), g_rand_double_range (rand, 0, height) };
      double line_width = g_rand_double_range (rand, 0.3, 6);
      UcColor background, color;
      g_autofree UcPathPoint *points = NULL;

      cairo_matrix_init (&matrix, scale, 0, 0, scale, g_rand_double_range (rand, -20, 20),
                         g_rand_double_range (rand, -20, 20));
      random_color (rand, &background, FALSE);
      random_color (rand, &color, g_rand_boolean (rand));
      points = make_line (rand, shape, width, height, &n);
      if (!same_both_ways (format, width, height, &matrix, &clip, points, n, line_width, &background, &color))
        g_error ("seed %d (shape %d, %dx%d, %d points, width %.2f): the images differ", seed, shape, width, height, n,
                 line_width);
    }
}

/* A frame's dense line, with coverage enough to be shared out. */
static void
test_frame_line (void)
{
  for (int seed = 1; seed <= 6; seed++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
      cairo_matrix_t matrix;
      cairo_rectangle_t clip = { 30, 60, 1850, 960 };
      UcColor background = { 1, 1, 1, 1 }, color;
      g_autofree UcPathPoint *points = NULL;
      int n;

      cairo_matrix_init_translate (&matrix, 0, 0);
      random_color (rand, &color, TRUE);
      points = make_line (rand, seed % 2 ? COLUMNS : SERIES, 1920, 1080, &n);
      g_assert_true (same_both_ways (CAIRO_FORMAT_ARGB32, 1920, 1080, &matrix, &clip, points, n, 1.5 + seed * 0.2,
                                     &background, &color));
    }
}

/* Lines that cover nothing (far off the image, or a point): the first
 * stroke of a thread has no coverage to draw into yet. */
static void
test_nothing_covered (void)
{
  static const UcPathPoint off[] = { { -500, -500, TRUE }, { -400, -450, FALSE }, { 5000, 20, FALSE } };
  static const UcPathPoint point[] = { { 10, 10, TRUE } };
  cairo_matrix_t matrix;
  cairo_rectangle_t clip = { 0, 0, 100, 80 };
  UcColor background = { 1, 1, 1, 1 }, color = { 0, 0, 0, 1 };

  cairo_matrix_init_identity (&matrix);
  g_assert_true (same_both_ways (CAIRO_FORMAT_RGB24, 100, 80, &matrix, &clip, off, 2, 2, &background, &color));
  g_assert_true (same_both_ways (CAIRO_FORMAT_RGB24, 100, 80, &matrix, &clip, point, 1, 2, &background, &color));
  g_assert_true (same_both_ways (CAIRO_FORMAT_RGB24, 100, 80, &matrix, &clip, off, 3, 2, &background, &color));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* First: a fresh thread's scratch. */
  g_test_add_func ("/line-raster/nothing-covered", test_nothing_covered);
  g_test_add_func ("/line-raster/random-lines", test_random_lines);
  g_test_add_func ("/line-raster/frame-line", test_frame_line);
  return g_test_run ();
}
