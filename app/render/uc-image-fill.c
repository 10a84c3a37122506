/* uc-image-fill.c: a chart's background written straight into an image
 *
 * The pixel is cairo's for an opaque colour: each channel taken to 16
 * bits as cairo does (d × 65535 + 0.5) and its top byte kept. Anything
 * else (a clip, a group, a colour that lets the image show through, other
 * surfaces) goes to cairo_paint().
 */
#include "uc-image-fill.h"

#include "uc-render-parallel.h"

#include <pixman.h>

/* Fills of fewer pixels are not worth a second thread. */
#define PARALLEL_PIXELS (256 * 1024)

typedef struct
{
  guint8 *data;
  int     stride, width, height;
  guint32 pixel;
} Fill;

static void
fill_part (gpointer data,
           guint    part,
           guint    n_parts)
{
  Fill *f = data;
  int from = (int) ((gint64) f->height * part / n_parts), to = (int) ((gint64) f->height * (part + 1) / n_parts);

  pixman_fill ((uint32_t *) (void *) f->data, f->stride / 4, 32, 0, from, f->width, to - from, f->pixel);
}

static guint32
channel (double value)
{
  return (guint32) ((guint16) (CLAMP (value, 0, 1) * 65535.0 + 0.5) >> 8);
}

/* Whether @cr paints every pixel of its target: no clip, no group. */
static gboolean
paints_everything (cairo_t *cr,
                   int      width,
                   int      height)
{
  cairo_rectangle_list_t *rects;
  gboolean whole = FALSE;
  double x0, y0, x1, y1;

  if (cairo_get_group_target (cr) != cairo_get_target (cr))
    return FALSE;
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  if (MIN (x0, x1) > 0 || MIN (y0, y1) > 0 || MAX (x0, x1) < width || MAX (y0, y1) < height)
    return FALSE;
  rects = cairo_copy_clip_rectangle_list (cr);
  whole = rects->status == CAIRO_STATUS_SUCCESS && rects->num_rectangles == 1;
  cairo_rectangle_list_destroy (rects);
  return whole;
}

/* Paints @cr's target (within its clip) with @color, as cairo_paint()
 * with @color as the source would. */
void
uc_image_fill (cairo_t       *cr,
               const UcColor *color)
{
  cairo_surface_t *target = cairo_get_target (cr);
  Fill f;

  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE && color->alpha >= 1 &&
      (cairo_get_operator (cr) == CAIRO_OPERATOR_OVER || cairo_get_operator (cr) == CAIRO_OPERATOR_SOURCE) &&
      (cairo_image_surface_get_format (target) == CAIRO_FORMAT_ARGB32 ||
       cairo_image_surface_get_format (target) == CAIRO_FORMAT_RGB24))
    {
      f.width = cairo_image_surface_get_width (target);
      f.height = cairo_image_surface_get_height (target);
      if (paints_everything (cr, f.width, f.height))
        {
          cairo_surface_flush (target);
          f.data = cairo_image_surface_get_data (target);
          f.stride = cairo_image_surface_get_stride (target);
          f.pixel = 0xffu << 24 | channel (color->red) << 16 | channel (color->green) << 8 | channel (color->blue);
          uc_render_parallel_run (fill_part, &f,
                                  (gint64) f.width * f.height >= PARALLEL_PIXELS ? uc_render_parallel_parts () : 1);
          cairo_surface_mark_dirty (target);
          return;
        }
    }
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
  cairo_paint (cr);
}
