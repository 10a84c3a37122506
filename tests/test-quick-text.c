/* test-quick-text.c: text set from kept glyphs measures and draws as pango
 *
 * A crosshair's numbers, days and tags are set from each character's kept
 * glyph (uc-quick-text.c). Lines of digits, signs and Latin letters must
 * come out as pango lays them out: the same glyphs, advances, ink and
 * line; other text (Chinese, Arabic, a ligature) goes to pango itself; and
 * a new font in the widget is followed.
 */
#include "config.h"

#include "uc-test-display.h"
#include "uc-quick-text.h"

static gboolean have_display;

/* Pango's own glyphs and extents for @str in @font's widget and @desc. */
static void
pango_line (GtkWidget                  *widget,
            const PangoFontDescription *desc,
            const char                 *str,
            PangoRectangle             *ink,
            PangoRectangle             *logical,
            PangoGlyphString          **glyphs)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, str);
  PangoLayoutLine *line;

  pango_layout_set_font_description (layout, desc);
  pango_layout_get_pixel_extents (layout, ink, logical);
  line = pango_layout_get_line_readonly (layout, 0);
  *glyphs = line->runs && !line->runs->next ? pango_glyph_string_copy (((PangoGlyphItem *) line->runs->data)->glyphs)
                                            : NULL;
}

/* The glyphs of the node @text draws (one text node). */
static PangoGlyphString *
node_glyphs (UcQuickText *text,
             double      *x,
             double      *y)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  PangoGlyphString *glyphs;
  const PangoGlyphInfo *info;
  guint n;

  uc_quick_text_snapshot (text, snapshot, &(GdkRGBA) { 0, 0, 0, 1 }, 10, 20);
  node = gtk_snapshot_to_node (snapshot);
  g_assert_nonnull (node);
  g_assert_cmpint (gsk_render_node_get_node_type (node), ==, GSK_TEXT_NODE);
  /* The count from its own call: the getter is declared pure, so its
   * count argument may be read before it is written. */
  n = gsk_text_node_get_num_glyphs (node);
  info = gsk_text_node_get_glyphs (node, NULL);
  glyphs = pango_glyph_string_new ();
  pango_glyph_string_set_size (glyphs, (int) n);
  memcpy (glyphs->glyphs, info, n * sizeof *info);
  *x = gsk_text_node_get_offset (node)->x;
  *y = gsk_text_node_get_offset (node)->y;
  return glyphs;
}

static void
test_as_pango (void)
{
  /* Numbers, days and tags as the cards and axes write them. */
  static const char *const lines[] = {
    "$3.367T", "+3.10%", "−16.97%", "$438.7B", "17 Jan 2025", "2 Dec 2024", "27.01.2025", "1.234,5 Mrd. $",
    "−17.0%", "101.4", "$0.14", "Nvidia · 30-day mean", "$17.79T", "  ", "",
  };
  GtkWidget *label;
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans 13px");
  g_autoptr(UcQuickFont) font = NULL;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  label = g_object_ref_sink (gtk_label_new (NULL));
  font = uc_quick_font_new (label, desc);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(UcQuickText) text = uc_quick_text_new (font);
      PangoRectangle ink, logical, quick_ink, quick_logical;
      PangoGlyphString *expected, *drawn;
      double x, y;
      int baseline;

      g_test_message ("%s", lines[i]);
      uc_quick_text_set_text (text, lines[i]);
      g_assert_true (uc_quick_text_is_quick (text));
      g_assert_cmpstr (uc_quick_text_get_text (text), ==, lines[i]);
      pango_line (label, desc, lines[i], &ink, &logical, &expected);
      uc_quick_text_get_extents (text, &quick_ink, &quick_logical);
      g_assert_cmpint (quick_logical.height, ==, logical.height);
      g_assert_cmpint (quick_logical.y, ==, logical.y);
      /* Kerning is what kept glyphs drop: at most a pixel a line here. */
      g_assert_cmpint (ABS (quick_logical.width - logical.width), <=, 1);
      if (ink.width > 0)
        {
          g_assert_cmpint (quick_ink.y, ==, ink.y);
          g_assert_cmpint (quick_ink.height, ==, ink.height);
          g_assert_cmpint (ABS (quick_ink.x - ink.x), <=, 1);
          g_assert_cmpint (ABS (quick_ink.width - ink.width), <=, 1);
        }
      if (expected == NULL || ink.width == 0)
        {
          g_clear_pointer (&expected, pango_glyph_string_free);
          continue;
        }
      drawn = node_glyphs (text, &x, &y);
      baseline = uc_quick_text_get_baseline (text);
      g_assert_cmpfloat (x, ==, 10);
      g_assert_cmpfloat (y, ==, 20 + (double) baseline / PANGO_SCALE);
      g_assert_cmpint (drawn->num_glyphs, ==, expected->num_glyphs);
      for (int g = 0; g < expected->num_glyphs; g++)
        g_assert_cmpuint (drawn->glyphs[g].glyph, ==, expected->glyphs[g].glyph);
      pango_glyph_string_free (drawn);
      pango_glyph_string_free (expected);
    }
  g_object_unref (label);
}

/* Text a glyph at a time would get wrong goes to pango, which then lays
 * it out, and measures it, as its own layout does. */
static void
test_others_to_pango (void)
{
  static const char *const lines[] = {
    "2025年1月27日", "$3.4万亿", "مرحبا 2025", "office", "e\u0301", "a\tb", "\u200Fx",
  };
  GtkWidget *label;
  g_autoptr(UcQuickFont) font = NULL;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  label = g_object_ref_sink (gtk_label_new (NULL));
  font = uc_quick_font_new (label, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(UcQuickText) text = uc_quick_text_new (font);
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, lines[i]);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      PangoRectangle ink, logical, quick_ink, quick_logical;

      g_test_message ("%s", lines[i]);
      uc_quick_text_set_text (text, lines[i]);
      g_assert_false (uc_quick_text_is_quick (text));
      pango_layout_get_pixel_extents (layout, &ink, &logical);
      uc_quick_text_get_extents (text, &quick_ink, &quick_logical);
      g_assert_cmpmem (&quick_ink, sizeof ink, &ink, sizeof ink);
      g_assert_cmpmem (&quick_logical, sizeof logical, &logical, sizeof logical);
      g_assert_cmpint (uc_quick_text_get_baseline (text), ==, pango_layout_get_baseline (layout));
      uc_quick_text_snapshot (text, snapshot, &(GdkRGBA) { 0, 0, 0, 1 }, 0, 0);
      node = gtk_snapshot_to_node (snapshot);
      g_assert_nonnull (node);
    }
  g_object_unref (label);
}

/* A new font in the widget's context: the kept glyphs go, and text set
 * again (even the same text) takes the new font's size. */
static void
test_follows_font (void)
{
  GtkWidget *label;
  g_autoptr(UcQuickFont) font = NULL;
  g_autoptr(UcQuickText) text = NULL;
  g_autoptr(PangoFontDescription) big = pango_font_description_from_string ("Sans 40px");
  PangoRectangle before, after;
  int height;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  label = g_object_ref_sink (gtk_label_new (NULL));
  font = uc_quick_font_new (label, NULL);
  text = uc_quick_text_new (font);
  uc_quick_text_set_text (text, "$3.367T");
  uc_quick_text_get_extents (text, NULL, &before);
  height = uc_quick_font_get_height (font);
  pango_context_set_font_description (gtk_widget_get_pango_context (label), big);
  uc_quick_text_set_text (text, "$3.367T");
  uc_quick_text_get_extents (text, NULL, &after);
  g_assert_cmpint (after.width, >, before.width);
  g_assert_cmpint (uc_quick_font_get_height (font), >, height);
  g_object_unref (label);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/quick-text/as-pango", test_as_pango);
  g_test_add_func ("/quick-text/others-to-pango", test_others_to_pango);
  g_test_add_func ("/quick-text/follows-font", test_follows_font);
  return g_test_run ();
}
