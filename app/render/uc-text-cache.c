/* uc-text-cache.c: laid-out text kept between frames
 *
 * One cache a thread, for image surfaces drawn through the same matrix
 * and font options: a layout depends on those, so a change of either
 * starts the cache again. Vector targets (SVG, PDF) lay text out afresh,
 * as before. Entries not used for a few frames go once there are many,
 * and a frame that lays out thousands of texts (a chart's every point
 * named) lays the ones past the limit out without keeping them.
 */
#include "uc-text-cache.h"

#include <string.h>

/* Entries kept without looking at them again, and the most ever kept. */
#define SOFT_LIMIT 512
#define HARD_LIMIT 4096
/* Frames an entry may go unused before it can be let go. */
#define KEEP_FRAMES 8

typedef struct
{
  UcTextKey    key;      /* font and text owned */
  guint        hash;
  PangoLayout *layout;
  double       width, height;
  guint64      used;     /* the frame it was last used in */
} Entry;

struct _UcTextCache
{
  PangoContext         *context;
  cairo_matrix_t        matrix;
  cairo_font_options_t *options;   /* the target's, merged with the context's */
  GHashTable           *entries;   /* Entry, itself the key */
  PangoLayout          *spare;     /* for texts past HARD_LIMIT */
  guint64               frame;
};

static guint
key_hash (const UcTextKey *key)
{
  guint h = g_str_hash (key->text);

  h = h * 31 + pango_font_description_hash (key->font);
  h = h * 31 + (guint) key->width;
  h = h * 31 + (guint) key->ellipsize;
  h = h * 31 + (guint) key->height;
  return h * 31 + (guint) key->max_lines;
}

static guint
entry_hash (gconstpointer data)
{
  return ((const Entry *) data)->hash;
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const UcTextKey *x = &((const Entry *) a)->key, *y = &((const Entry *) b)->key;

  return x->width == y->width && x->ellipsize == y->ellipsize && x->height == y->height &&
         x->max_lines == y->max_lines && strcmp (x->text, y->text) == 0 &&
         pango_font_description_equal (x->font, y->font);
}

static void
entry_free (gpointer data)
{
  Entry *e = data;

  pango_font_description_free ((PangoFontDescription *) e->key.font);
  g_free ((char *) e->key.text);
  g_object_unref (e->layout);
  g_free (e);
}

static void
cache_free (gpointer data)
{
  UcTextCache *self = data;

  g_hash_table_unref (self->entries);
  g_clear_object (&self->spare);
  g_object_unref (self->context);
  cairo_font_options_destroy (self->options);
  g_free (self);
}

static GPrivate cache_key = G_PRIVATE_INIT (cache_free);

/* What a layout drawn on @cr depends on besides its own settings: the
 * matrix (without its offset) and the font options. */
static cairo_font_options_t *
options_for (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_font_options_t *own = cairo_font_options_create ();

  cairo_surface_get_font_options (cairo_get_target (cr), options);
  cairo_get_font_options (cr, own);
  cairo_font_options_merge (options, own);
  cairo_font_options_destroy (own);
  return options;
}

/* Sets up @self's context for @cr, as uc_chart_font_layout_new() sets a
 * layout's: unhinted metrics, glyphs placed to the fraction. */
static void
cache_reset (UcTextCache          *self,
             cairo_t              *cr,
             const cairo_matrix_t *matrix,
             cairo_font_options_t *options)
{
  cairo_font_options_t *unhinted = cairo_font_options_create ();

  g_hash_table_remove_all (self->entries);
  g_clear_object (&self->spare);
  g_clear_object (&self->context);
  self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_update_context (cr, self->context);
  cairo_font_options_set_hint_metrics (unhinted, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, unhinted);
  pango_context_set_round_glyph_positions (self->context, FALSE);
  cairo_font_options_destroy (unhinted);
  g_clear_pointer (&self->options, cairo_font_options_destroy);
  self->options = options;
  self->matrix = *matrix;
}

/* Lets go of entries unused for KEEP_FRAMES frames, once there are many. */
static void
cache_trim (UcTextCache *self)
{
  GHashTableIter iter;
  Entry *e;

  if (g_hash_table_size (self->entries) <= SOFT_LIMIT)
    return;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &e, NULL))
    if (e->used + KEEP_FRAMES < self->frame)
      g_hash_table_iter_remove (&iter);
}

/* The thread's cache for a chart about to be drawn on @cr, or NULL when
 * @cr is not an image surface (its text is laid out afresh). */
UcTextCache *
uc_text_cache_begin (cairo_t *cr)
{
  UcTextCache *self;
  cairo_matrix_t matrix;
  cairo_font_options_t *options;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return NULL;
  self = g_private_get (&cache_key);
  if (self == NULL)
    {
      self = g_new0 (UcTextCache, 1);
      self->entries = g_hash_table_new_full (entry_hash, entry_equal, entry_free, NULL);
      g_private_set (&cache_key, self);
    }
  cairo_get_matrix (cr, &matrix);
  matrix.x0 = matrix.y0 = 0;
  options = options_for (cr);
  if (self->context == NULL || memcmp (&matrix, &self->matrix, sizeof matrix) != 0 ||
      !cairo_font_options_equal (options, self->options))
    cache_reset (self, cr, &matrix, options);
  else
    cairo_font_options_destroy (options);
  self->frame++;
  cache_trim (self);
  return self;
}

/* Gives @layout @key's settings and text, in the order a chart always
 * set them: wrapped text past @key's lines is cut to them with an
 * ellipsis. */
void
uc_text_cache_lay_out (PangoLayout     *layout,
                       const UcTextKey *key)
{
  pango_layout_set_font_description (layout, key->font);
  pango_layout_set_text (layout, key->text, -1);
  pango_layout_set_width (layout, key->width);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, key->ellipsize);
  pango_layout_set_height (layout, key->height);
  if (key->max_lines > 0 && pango_layout_get_line_count (layout) > key->max_lines)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -key->max_lines);
    }
}

static void
extents (PangoLayout *layout,
         double      *width,
         double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) logical.width / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

/* The layout of @key, laid out now or found from an earlier frame, and
 * its logical size. It is the cache's: draw it and read it, do not set
 * anything on it. */
PangoLayout *
uc_text_cache_get (UcTextCache     *self,
                   const UcTextKey *key,
                   double          *width,
                   double          *height)
{
  Entry probe = { *key, key_hash (key), NULL, 0, 0, 0 }, *e;

  e = g_hash_table_lookup (self->entries, &probe);
  if (e == NULL && g_hash_table_size (self->entries) >= HARD_LIMIT)
    {
      if (self->spare == NULL)
        self->spare = pango_layout_new (self->context);
      uc_text_cache_lay_out (self->spare, key);
      extents (self->spare, width, height);
      return self->spare;
    }
  if (e == NULL)
    {
      e = g_new0 (Entry, 1);
      e->key = *key;
      e->key.font = pango_font_description_copy (key->font);
      e->key.text = g_strdup (key->text);
      e->hash = probe.hash;
      e->layout = pango_layout_new (self->context);
      uc_text_cache_lay_out (e->layout, key);
      extents (e->layout, &e->width, &e->height);
      g_hash_table_add (self->entries, e);
    }
  e->used = self->frame;
  *width = e->width;
  *height = e->height;
  return e->layout;
}
