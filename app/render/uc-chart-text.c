/* uc-chart-text.c: text on a chart: fonts, measuring (cut to fit), showing
 *
 * A chart's text can be anything a file holds (a title of a megabyte, a
 * label in broken UTF-8): it is cut to what could show before pango sees
 * it, so laying it out costs what a line costs.
 */
#include "uc-chart-private.h"

#include <string.h>

#include "uc-svg-text.h"

/* Text is cut to at most this many lines (paragraphs and wrapped lines),
 * with an ellipsis: a title of a hundred thousand characters is a title. */
#define MAX_TEXT_LINES 3
/* Before laying text out, it is cut to what could fit at glyphs this
 * narrow (thin spaces, "i" and "l" are about 0.2 of the size), and never
 * more than MAX_LINE_CHARS a line: wrapping costs pango time that grows
 * faster than the length. */
#define MIN_GLYPH_EM 0.15

/* The font for the text that follows: @size (a step of the base size),
 * never below the caption size, so that footers and tick labels stay as
 * readable as the window's own smallest text. */
void
uc_chart_set_font (Ctx        *ctx,
                   double      size,
                   PangoWeight weight)
{
  size = MAX (size, ctx->min_px);
  if (ctx->font == NULL)
    ctx->font = pango_font_description_from_string (ctx->theme->font_family);
  pango_font_description_set_absolute_size (ctx->font, size * PANGO_SCALE);
  pango_font_description_set_weight (ctx->font, weight);
  ctx->font_px = size;
}

/* @text cut to what @lines lines of @room could show at the narrowest
 * glyphs (and to @lines paragraphs), an ellipsis after the cut, and made
 * valid UTF-8; NULL when it is fine as it is. Only the part kept is
 * walked, so a text of megabytes costs what a line of it costs. */
static char *
cut_text (const char *text,
          double      room,
          double      font_px,
          int         lines)
{
  double per_line = room / (MAX (font_px, 1) * MIN_GLYPH_EM);
  gsize max_chars = (gsize) CLAMP (per_line, 1, MAX_LINE_CHARS) * lines + lines;
  gsize n = 0;
  const char *p = text;
  int breaks = 0;

  /* Byte by byte, so a malformed sequence cannot step past the end. */
  for (; *p; p++)
    {
      if (((guchar) *p & 0xc0) == 0x80)
        continue;
      if ((*p == '\n' && ++breaks >= lines) || n++ == max_chars)
        break;
    }
  if (*p == '\0')
    return g_utf8_validate (text, p - text, NULL) ? NULL : g_utf8_make_valid (text, p - text);
  {
    g_autofree char *kept = g_utf8_make_valid (text, p - text);

    return g_strconcat (kept, "…", NULL);
  }
}

/* Sets the layout's text and returns its logical size. Text is cut to
 * what fits (see cut_text) and wrapped text to MAX_TEXT_LINES lines, with
 * an ellipsis; text that fits is laid out as it always was. */
void
uc_chart_measure (Ctx        *ctx,
                  const char *text,
                  double      wrap_width,
                  double     *w,
                  double     *h)
{
  int lines = ctx->one_line && wrap_width > 0 ? 1 : MAX_TEXT_LINES;
  g_autofree char *cut = NULL;
  UcTextKey key;

  if (text == NULL)
    text = "";
  if (ctx->font == NULL)
    uc_chart_set_font (ctx, ctx->fs, PANGO_WEIGHT_NORMAL);
  cut = cut_text (text, wrap_width > 0 ? wrap_width : ctx->width, ctx->font_px, lines);

  key.font = ctx->font;
  key.text = cut ? cut : text;
  key.width = wrap_width > 0 ? (int) (MIN (wrap_width, 1e6) * PANGO_SCALE) : -1;
  key.ellipsize = ctx->one_line && wrap_width > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE;
  key.height = ctx->one_line ? -1 : -1000;
  key.max_lines = wrap_width > 0 && !ctx->one_line ? lines : 0;
  if (ctx->text_cache)
    {
      ctx->layout = uc_text_cache_get (ctx->text_cache, &key, w, h);
      return;
    }
  {
    PangoRectangle logical;

    ctx->layout = ctx->own_layout;
    uc_text_cache_lay_out (ctx->layout, &key);
    pango_layout_get_extents (ctx->layout, NULL, &logical);
    *w = (double) logical.width / PANGO_SCALE;
    *h = (double) logical.height / PANGO_SCALE;
  }
}

/* Draws the text last laid out (uc_chart_measure) at (x, y), its top-left
 * corner: all of a chart's text is shown here, so an SVG export can write
 * it as text (uc-svg-text.h) instead of glyph outlines. */
void
uc_chart_show (Ctx           *ctx,
               const UcColor *color,
               double         x,
               double         y)
{
  UcSvgText *svg_text = uc_svg_text_get (ctx->cr);

  cairo_move_to (ctx->cr, x, y);
  uc_chart_set_color (ctx->cr, color);
  if (svg_text)
    uc_svg_text_show (svg_text, ctx->cr, ctx->layout, color, x, y);
  else
    pango_cairo_show_layout (ctx->cr, ctx->layout);
}

/* Takes the characters @text costs to lay out from @budget; FALSE, taking
 * nothing, when the budget is spent. */
gboolean
uc_chart_spend (gsize      *budget,
                const char *text)
{
  gsize cost = strnlen (text, MAX_LINE_CHARS);

  if (cost > *budget)
    {
      *budget = 0;
      return FALSE;
    }
  *budget -= cost;
  return TRUE;
}

/* Sets the font, then measures and draws @text at (x, y); returns its height. */
double
uc_chart_draw_text (Ctx           *ctx,
                    const char    *text,
                    double         size,
                    PangoWeight    weight,
                    const UcColor *color,
                    double         x,
                    double         y,
                    double         wrap_width)
{
  double w, h;

  uc_chart_set_font (ctx, size, weight);
  uc_chart_measure (ctx, text, wrap_width, &w, &h);
  uc_chart_show (ctx, color, x, y);
  return h;
}

