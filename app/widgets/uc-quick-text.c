/* uc-quick-text.c: short lines of text set from kept glyphs
 *
 * Pango lays a line out by finding its fonts, breaking it and shaping it,
 * which for a short line is mostly fixed cost, and after the window's
 * composite has left the caches cold, several times its cost in a warm
 * loop. The text a pointer move changes (values, days, a tag) is mostly
 * digits, signs and Latin letters, which need no shaping beyond one glyph
 * per character: UcQuickFont shapes each character once, through pango,
 * and keeps its glyph, advance and ink. A line all of whose characters
 * have a kept glyph of one font becomes one text node directly; any other
 * line (another script, a character from a fallback font, a ligature) is
 * laid out by pango. What the kept glyphs drop is kerning between them.
 */
#include "config.h"

#include "uc-quick-text.h"

typedef struct
{
  PangoFont     *font;      /* NULL: a character pango must lay out */
  PangoGlyph     glyph;
  int            width;     /* advance, in Pango units */
  PangoRectangle ink;       /* from the origin on the baseline, in Pango units */
  gboolean       is_color;
} Glyph;

struct _UcQuickFont
{
  grefcount             ref;
  PangoContext         *context;
  PangoFontDescription *desc;       /* NULL: the context's */
  PangoLayout          *probe;      /* shapes one character at a time */
  guint                 serial;     /* the context's, when the glyphs were kept */
  guint                 generation; /* changes when the kept glyphs go */
  Glyph                 ascii[128];
  gboolean              known[128];
  GHashTable           *others;     /* gunichar → Glyph */
  int                   height, baseline;  /* a line's, in Pango units */
};

struct _UcQuickText
{
  UcQuickFont      *font;
  char             *str;
  guint             generation;
  gboolean          quick;
  PangoFont        *glyph_font;     /* the glyphs' font */
  PangoGlyphString *glyphs;
  PangoRectangle    ink, logical;   /* in Pango units, from the line's top left */
  PangoLayout      *layout;         /* text that is not quick */
};

static void
glyph_clear (gpointer data)
{
  Glyph *g = data;

  g_clear_object (&g->font);
}

static void
glyph_free (gpointer data)
{
  glyph_clear (data);
  g_free (data);
}

static void
forget_glyphs (UcQuickFont *font)
{
  PangoRectangle logical;

  for (int c = 0; c < 128; c++)
    if (font->known[c])
      glyph_clear (&font->ascii[c]);
  memset (font->known, 0, sizeof font->known);
  g_hash_table_remove_all (font->others);
  pango_layout_set_text (font->probe, "0", -1);
  pango_layout_get_extents (font->probe, NULL, &logical);
  font->height = logical.height;
  font->baseline = pango_layout_get_baseline (font->probe);
  font->serial = pango_context_get_serial (font->context);
  font->generation++;
}

/* Glyphs kept for @desc (NULL: the widget's font) in @widget's context,
 * which follows the widget's font and scale. */
UcQuickFont *
uc_quick_font_new (GtkWidget                  *widget,
                   const PangoFontDescription *desc)
{
  UcQuickFont *font = g_new0 (UcQuickFont, 1);

  g_ref_count_init (&font->ref);
  font->context = g_object_ref (gtk_widget_get_pango_context (widget));
  font->desc = desc ? pango_font_description_copy (desc) : NULL;
  font->probe = pango_layout_new (font->context);
  pango_layout_set_font_description (font->probe, font->desc);
  font->others = g_hash_table_new_full (NULL, NULL, NULL, glyph_free);
  forget_glyphs (font);
  return font;
}

UcQuickFont *
uc_quick_font_ref (UcQuickFont *font)
{
  g_ref_count_inc (&font->ref);
  return font;
}

void
uc_quick_font_unref (UcQuickFont *font)
{
  if (!g_ref_count_dec (&font->ref))
    return;
  for (int c = 0; c < 128; c++)
    if (font->known[c])
      glyph_clear (&font->ascii[c]);
  g_hash_table_unref (font->others);
  g_object_unref (font->probe);
  g_object_unref (font->context);
  g_clear_pointer (&font->desc, pango_font_description_free);
  g_free (font);
}

/* Whether the kept glyphs still hold: the widget's font or scale may have
 * changed the context since. */
static void
check_context (UcQuickFont *font)
{
  if (pango_context_get_serial (font->context) != font->serial)
    forget_glyphs (font);
}

/* A line's height in the font, in Pango units. */
int
uc_quick_font_get_height (UcQuickFont *font)
{
  check_context (font);
  return font->height;
}

/* Where a line's baseline is, below its top, in Pango units. */
int
uc_quick_font_get_baseline (UcQuickFont *font)
{
  check_context (font);
  return font->baseline;
}

/* Characters that need no shaping beyond their own glyph: Latin, Greek,
 * Cyrillic, punctuation, currency and mathematical signs. Not controls,
 * marks, soft hyphens or direction marks. */
static gboolean
plain_char (gunichar c)
{
  if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad)
    return FALSE;
  return c < 0x300 || (c >= 0x370 && c < 0x530) || (c >= 0x2010 && c < 0x2028) || (c >= 0x2030 && c < 0x205f) ||
         (c >= 0x20a0 && c < 0x20d0) || (c >= 0x2100 && c < 0x2300);
}

/* Character @c shaped alone: its glyph when it is one glyph, placed
 * plainly, else no font. */
static void
shape_char (UcQuickFont *font,
            gunichar     c,
            Glyph       *g)
{
  char utf8[8];
  int len = g_unichar_to_utf8 (c, utf8);
  PangoLayoutLine *line;
  PangoGlyphItem *run;
  PangoGlyphInfo *info;

  memset (g, 0, sizeof *g);
  if (!plain_char (c))
    return;
  pango_layout_set_text (font->probe, utf8, len);
  line = pango_layout_get_line_readonly (font->probe, 0);
  if (line == NULL || line->runs == NULL || line->runs->next != NULL)
    return;
  run = line->runs->data;
  if (run->glyphs->num_glyphs != 1)
    return;
  info = &run->glyphs->glyphs[0];
  if ((info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) || info->geometry.x_offset != 0 || info->geometry.y_offset != 0)
    return;
  g->font = g_object_ref (run->item->analysis.font);
  g->glyph = info->glyph;
  g->width = info->geometry.width;
  g->is_color = info->attr.is_color;
  pango_font_get_glyph_extents (g->font, g->glyph, &g->ink, NULL);
}

static const Glyph *
lookup (UcQuickFont *font,
        gunichar     c)
{
  Glyph *g;

  if (c < 128)
    {
      if (!font->known[c])
        {
          shape_char (font, c, &font->ascii[c]);
          font->known[c] = TRUE;
        }
      return &font->ascii[c];
    }
  g = g_hash_table_lookup (font->others, GUINT_TO_POINTER (c));
  if (g == NULL)
    {
      g = g_new (Glyph, 1);
      shape_char (font, c, g);
      g_hash_table_insert (font->others, GUINT_TO_POINTER (c), g);
    }
  return g;
}

UcQuickText *
uc_quick_text_new (UcQuickFont *font)
{
  UcQuickText *text = g_new0 (UcQuickText, 1);

  text->font = uc_quick_font_ref (font);
  text->glyphs = pango_glyph_string_new ();
  return text;
}

void
uc_quick_text_free (UcQuickText *text)
{
  g_clear_pointer (&text->font, uc_quick_font_unref);
  g_clear_pointer (&text->glyphs, pango_glyph_string_free);
  g_clear_object (&text->layout);
  g_clear_object (&text->glyph_font);
  g_free (text->str);
  g_free (text);
}

static void
unite (PangoRectangle       *r,
       const PangoRectangle *o)
{
  int x1 = MAX (r->x + r->width, o->x + o->width), y1 = MAX (r->y + r->height, o->y + o->height);

  r->x = MIN (r->x, o->x);
  r->y = MIN (r->y, o->y);
  r->width = x1 - r->x;
  r->height = y1 - r->y;
}

/* @text's glyphs from the kept ones, FALSE when one is not kept, or
 * belongs to another font, or two would make a ligature. */
static gboolean
set_quickly (UcQuickText *text)
{
  const char *s = text->str;
  int n = 0, x = 0;
  gboolean any_ink = FALSE;
  PangoFont *font = NULL;

  pango_glyph_string_set_size (text->glyphs, (int) g_utf8_strlen (s, -1));
  for (const char *p = s; *p; p = g_utf8_next_char (p), n++)
    {
      const Glyph *g = lookup (text->font, g_utf8_get_char (p));
      PangoGlyphInfo *info = &text->glyphs->glyphs[n];
      PangoRectangle ink = g->ink;

      if (g->font == NULL || (font && g->font != font) || (p[0] == 'f' && (p[1] == 'f' || p[1] == 'i' || p[1] == 'l')))
        return FALSE;
      font = g->font;
      info->glyph = g->glyph;
      info->geometry = (PangoGlyphGeometry) { g->width, 0, 0 };
      info->attr.is_cluster_start = 1;
      info->attr.is_color = g->is_color;
      text->glyphs->log_clusters[n] = (int) (p - s);
      if (ink.width > 0 && ink.height > 0)
        {
          ink.x += x;
          ink.y += text->font->baseline;
          if (any_ink)
            unite (&text->ink, &ink);
          else
            text->ink = ink;
          any_ink = TRUE;
        }
      x += g->width;
    }
  if (!any_ink)
    text->ink = (PangoRectangle) { 0, 0, 0, 0 };
  text->logical = (PangoRectangle) { 0, 0, x, text->font->height };
  g_set_object (&text->glyph_font, font);
  return TRUE;
}

/* Sets @str, from kept glyphs when it can, else by pango; again only
 * when the text or the font changed. */
void
uc_quick_text_set_text (UcQuickText *text,
                        const char  *str)
{
  UcQuickFont *font = text->font;

  check_context (font);
  if (text->str && strcmp (text->str, str) == 0 && text->generation == font->generation)
    return;
  g_free (text->str);
  text->str = g_strdup (str);
  text->generation = font->generation;
  text->quick = set_quickly (text);
  if (text->quick)
    return;
  if (text->layout == NULL)
    {
      text->layout = pango_layout_new (font->context);
      pango_layout_set_font_description (text->layout, font->desc);
    }
  pango_layout_set_text (text->layout, str, -1);
  pango_layout_get_extents (text->layout, &text->ink, &text->logical);
}

const char *
uc_quick_text_get_text (UcQuickText *text)
{
  return text->str ? text->str : "";
}

/* Where the text's baseline is, below its line's top, in Pango units. */
int
uc_quick_text_get_baseline (UcQuickText *text)
{
  return text->quick || text->layout == NULL ? text->font->baseline : pango_layout_get_baseline (text->layout);
}

/* Whether the text was set from kept glyphs (for tests). */
gboolean
uc_quick_text_is_quick (UcQuickText *text)
{
  return text->quick;
}

/* Extents in pixels, from the line's top left, as
 * pango_layout_get_pixel_extents() gives them. */
void
uc_quick_text_get_extents (UcQuickText    *text,
                           PangoRectangle *ink,
                           PangoRectangle *logical)
{
  if (ink)
    {
      *ink = text->ink;
      pango_extents_to_pixels (ink, NULL);
    }
  if (logical)
    {
      *logical = text->logical;
      pango_extents_to_pixels (logical, NULL);
    }
}

/* The text in @color with its line's top left at (@x, @y), in the
 * snapshot's current coordinates. */
void
uc_quick_text_snapshot (UcQuickText   *text,
                        GtkSnapshot   *snapshot,
                        const GdkRGBA *color,
                        double         x,
                        double         y)
{
  GskRenderNode *node;

  if (text->str == NULL)
    return;
  if (!text->quick)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_layout (snapshot, text->layout, color);
      gtk_snapshot_restore (snapshot);
      return;
    }
  /* NULL for a line with nothing to draw (spaces). */
  node = text->glyphs->num_glyphs > 0 && text->glyph_font
           ? gsk_text_node_new (text->glyph_font, text->glyphs, color,
                                &GRAPHENE_POINT_INIT (x, y + (double) text->font->baseline / PANGO_SCALE))
           : NULL;
  if (node)
    {
      gtk_snapshot_append_node (snapshot, node);
      gsk_render_node_unref (node);
    }
}
