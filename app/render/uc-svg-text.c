/* uc-svg-text.c: chart text written into an SVG as <text>, not outlines
 *
 * A marker is a rectangle over the layout's logical extents (so that cairo
 * keeps it wherever some of the text is inside the clip) filled in a
 * colour that numbers it and an opacity nothing else is drawn in. cairo
 * 1.16 writes a fill as
 *   <path style=" stroke:none;fill-rule:nonzero;fill:rgb(R%,G%,B%);fill-opacity:A;" d="M x y …"/>
 * in device space; the rewrite finds each by its opacity, reads its number
 * from the colour and checks that it starts where its text was shown.
 */
#include "uc-svg-text.h"

#include <math.h>
#include <string.h>

/* An opacity the charts never draw in, as cairo prints it. */
#define MARKER_ALPHA 0.987654
#define MARKER_OPACITY "fill-opacity:0.987654;"
/* Markers are numbered in 24 bits of colour. */
#define MAX_MARKERS (1 << 24)
/* cairo's SVG coordinates are 24.8 fixed point, printed to 6 digits. */
#define POSITION_SLACK 0.02

typedef struct
{
  double  x, y;   /* where the marker starts, in device space */
  char   *xml;    /* the layout's <text> elements */
} Shown;

struct _UcSvgText
{
  GArray  *shown;   /* Shown, by marker number */
  gboolean full;    /* more text than markers can number */
  char    *title;
};

static const cairo_user_data_key_t svg_text_key;

static void
shown_clear (gpointer data)
{
  Shown *s = data;

  g_free (s->xml);
}

UcSvgText *
uc_svg_text_new (void)
{
  UcSvgText *self = g_new0 (UcSvgText, 1);

  self->shown = g_array_new (FALSE, FALSE, sizeof (Shown));
  g_array_set_clear_func (self->shown, shown_clear);
  return self;
}

void
uc_svg_text_free (UcSvgText *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->shown);
  g_free (self->title);
  g_free (self);
}

void
uc_svg_text_attach (UcSvgText *self,
                    cairo_t   *cr)
{
  cairo_set_user_data (cr, &svg_text_key, self, NULL);
}

UcSvgText *
uc_svg_text_get (cairo_t *cr)
{
  return cairo_get_user_data (cr, &svg_text_key);
}

/* @v in the shortest form that keeps a thousandth of a pixel. */
static void
append_number (GString *out,
               double   v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.3f", !isfinite (v) || fabs (v) < 0.0005 ? 0 : v);
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (out, buf);
}

/* @text (valid UTF-8, @length bytes) escaped for XML 1.0, where control
 * characters cannot be written even as references: they become U+FFFD,
 * as a box stands for them in the picture. */
static void
append_escaped (GString    *out,
                const char *text,
                gsize       length)
{
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '&')
        g_string_append (out, "&amp;");
      else if (c == '<')
        g_string_append (out, "&lt;");
      else if (c == '>')
        g_string_append (out, "&gt;");
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xfffe || c == 0xffff)
        g_string_append (out, "\xef\xbf\xbd");
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
}

/* A font family as a CSS name in an attribute: quoted, without the
 * characters that would end the quote or the attribute. */
static void
append_family (GString    *out,
               const char *family)
{
  g_string_append_c (out, '\'');
  for (const char *p = family ? family : ""; *p; p++)
    if (*p != '\'' && *p != '"' && *p != '\\' && *p != '<' && *p != '&' && (guchar) *p >= 0x20)
      g_string_append_c (out, *p);
  g_string_append (out, "', sans-serif");
}

/* A run of a line: its characters (the ellipsis, for the run pango put in
 * place of cut text), its font and where it starts. */
typedef struct
{
  PangoLayoutRun *run;      /* NULL: the ellipsis */
  const char     *text;
  gsize           length;
  char           *family;
  double          x;
} Piece;

static void
piece_clear (gpointer data)
{
  Piece *piece = data;

  g_free (piece->family);
}

/* @x as a <tspan>'s start, then @text. */
static void
append_placed (GString    *out,
               double      x,
               const char *text,
               gsize       length)
{
  g_string_append (out, "<tspan x=\"");
  append_number (out, x);
  g_string_append (out, "\">");
  append_escaped (out, text, length);
  g_string_append (out, "</tspan>");
}

/* The words of @piece, each in a <tspan> at the x pango gave it: a
 * renderer whose font metrics differ a little (hinted advances) then
 * strays within a word, not along a line. A piece of one word (or
 * right-to-left) is placed whole when @placed, else written as is. */
static void
append_words (GString     *out,
              const Piece *piece,
              gboolean     placed)
{
  PangoLayoutRun *run = piece->run;
  const char *text = piece->text;
  gsize length = piece->length;
  gboolean split = run != NULL && run->item->analysis.level % 2 == 0;
  guint words = 0;

  for (gsize i = 0; split && i < length; i++)
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
      words++;
  if (words < 2)
    {
      if (placed)
        append_placed (out, piece->x, text, length);
      else
        append_escaped (out, text, length);
      return;
    }
  for (gsize i = 0, start = 0; i <= length; i++)
    if (i == length || (i > start && text[i] != ' ' && text[i - 1] == ' '))
      {
        int offset;

        pango_glyph_string_index_to_x (run->glyphs, (char *) text, (int) length, &run->item->analysis, (int) start,
                                       FALSE, &offset);
        append_placed (out, piece->x + (double) offset / PANGO_SCALE, text + start, i - start);
        start = i;
      }
}

/* What pango's rounding of glyph positions to whole pixels added to each
 * character of @piece: a renderer that places glyphs where the font says
 * (librsvg, browsers) lays a word out as wide as the chart did with this
 * letter-spacing. */
static double
rounding_spacing (const Piece *piece)
{
  PangoGlyphString *natural;
  glong chars;
  double drawn, shaped;

  if (piece->run == NULL)
    return 0;
  natural = pango_glyph_string_new ();
  chars = g_utf8_strlen (piece->text, (gssize) piece->length);
  drawn = (double) pango_glyph_string_get_width (piece->run->glyphs) / PANGO_SCALE;
  pango_shape_with_flags (piece->text, (int) piece->length, piece->text, (int) piece->length,
                          &piece->run->item->analysis, natural, PANGO_SHAPE_NONE);
  shaped = (double) pango_glyph_string_get_width (natural) / PANGO_SCALE;
  pango_glyph_string_free (natural);
  return chars > 0 ? (drawn - shaped) / chars : 0;
}

/* The attributes of a <text>: its start (@x, @y), its font and colour;
 * @matrix maps user space to the document's when it is not a translation
 * (then NULL, and the point is in the document's space). */
static void
append_text_start (GString                    *out,
                   double                      x,
                   double                      y,
                   const char                 *family,
                   const PangoFontDescription *desc,
                   const UcColor              *color,
                   double                      spacing,
                   const cairo_matrix_t       *matrix)
{
  double size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;

  if (!pango_font_description_get_size_is_absolute (desc))
    size *= 96.0 / 72.0;
  g_string_append (out, "<text x=\"");
  append_number (out, x);
  g_string_append (out, "\" y=\"");
  append_number (out, y);
  g_string_append (out, "\" font-family=\"");
  append_family (out, family);
  g_string_append (out, "\" font-size=\"");
  append_number (out, size);
  g_string_append_printf (out, "px\" font-weight=\"%d\"", (int) pango_font_description_get_weight (desc));
  if (pango_font_description_get_style (desc) != PANGO_STYLE_NORMAL)
    g_string_append (out, " font-style=\"italic\"");
  g_string_append_printf (out, " fill=\"#%02x%02x%02x\"", (int) round (CLAMP (color->red, 0, 1) * 255),
                          (int) round (CLAMP (color->green, 0, 1) * 255), (int) round (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    {
      g_string_append (out, " fill-opacity=\"");
      append_number (out, CLAMP (color->alpha, 0, 1));
      g_string_append_c (out, '"');
    }
  if (fabs (spacing) >= 0.001)
    {
      g_string_append (out, " letter-spacing=\"");
      append_number (out, spacing);
      g_string_append_c (out, '"');
    }
  if (matrix)
    {
      const double m[] = { matrix->xx, matrix->yx, matrix->xy, matrix->yy, matrix->x0, matrix->y0 };

      g_string_append (out, " transform=\"matrix(");
      for (guint i = 0; i < G_N_ELEMENTS (m); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_number (out, m[i]);
        }
      g_string_append (out, ")\"");
    }
  g_string_append (out, " xml:space=\"preserve\">");
}

/* One line of text, @pieces its runs, as one <text> at its baseline @y:
 * of several runs, one in another font than the first (a fallback font)
 * or whose rounding needs letter-spacing is a <tspan> of its own. */
static void
append_line (GString                    *out,
             GArray                     *pieces,
             double                      y,
             const PangoFontDescription *desc,
             const UcColor              *color,
             const cairo_matrix_t       *matrix)
{
  const Piece *first = &g_array_index (pieces, Piece, 0);

  /* A line of one run: its spacing is the line's. */
  if (pieces->len == 1)
    {
      append_text_start (out, first->x, y, first->family, desc, color, rounding_spacing (first), matrix);
      append_words (out, first, FALSE);
      g_string_append (out, "</text>\n");
      g_array_set_size (pieces, 0);
      return;
    }
  append_text_start (out, first->x, y, first->family, desc, color, 0, matrix);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *piece = &g_array_index (pieces, Piece, i);
      gboolean other_font = g_strcmp0 (piece->family, first->family) != 0;
      double spacing = rounding_spacing (piece);
      gboolean own = other_font || fabs (spacing) >= 0.001;

      if (own)
        {
          g_string_append (out, "<tspan");
          if (other_font)
            {
              g_string_append (out, " font-family=\"");
              append_family (out, piece->family);
              g_string_append_c (out, '"');
            }
          if (fabs (spacing) >= 0.001)
            {
              g_string_append (out, " letter-spacing=\"");
              append_number (out, spacing);
              g_string_append_c (out, '"');
            }
          g_string_append_c (out, '>');
        }
      append_words (out, piece, pieces->len > 1);
      if (own)
        g_string_append (out, "</tspan>");
    }
  g_string_append (out, "</text>\n");
  g_array_set_size (pieces, 0);
}

/* Every line of @layout, its top-left corner at (@x, @y) in user space, as
 * a <text> element; FALSE when it shows nothing. Ellipsized lines write the
 * ellipsis pango drew, not the text it stands for. */
static gboolean
append_layout (GString              *out,
               PangoLayout          *layout,
               const UcColor        *color,
               double                x,
               double                y,
               const cairo_matrix_t *matrix)
{
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  g_autoptr(GArray) pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  PangoLayoutIter *iter;
  gboolean any = FALSE, more;
  double baseline = 0;

  g_array_set_clear_func (pieces, piece_clear);
  /* The charts always set one (uc_chart_set_font). */
  if (desc == NULL)
    desc = pango_context_get_font_description (pango_layout_get_context (layout));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      /* No run: the end of a line. */
      if (run == NULL)
        {
          if (pieces->len > 0)
            append_line (out, pieces, baseline, desc, color, matrix);
        }
      else if (run->glyphs != NULL && run->glyphs->num_glyphs > 0 && run->item->length > 0)
        {
          g_autoptr(PangoFontDescription) font = run->item->analysis.font ? pango_font_describe (run->item->analysis.font)
                                                                          : NULL;
          Piece piece = { run, text + run->item->offset, (gsize) run->item->length, NULL, 0 };
          PangoRectangle logical;

          if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
            piece.run = NULL, piece.text = "…", piece.length = strlen ("…");
          piece.family = g_strdup (pango_font_description_get_family (font ? font : desc));
          pango_layout_iter_get_run_extents (iter, NULL, &logical);
          piece.x = x + (double) logical.x / PANGO_SCALE;
          baseline = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
          g_array_append_val (pieces, piece);
          any = TRUE;
        }
      more = pango_layout_iter_next_run (iter);
      if (!more && pieces->len > 0)
        append_line (out, pieces, baseline, desc, color, matrix);
    }
  while (more);
  pango_layout_iter_free (iter);
  return any;
}

void
uc_svg_text_show (UcSvgText     *self,
                  cairo_t       *cr,
                  PangoLayout   *layout,
                  const UcColor *color,
                  double         x,
                  double         y)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  cairo_matrix_t ctm, device;
  PangoRectangle logical;
  gboolean translation;
  double ox = 0, oy = 0, mx, my;
  guint index;
  Shown shown;

  g_return_if_fail (self != NULL && cr != NULL && PANGO_IS_LAYOUT (layout));
  index = self->shown->len;

  {
    cairo_surface_t *target = cairo_get_group_target (cr);
    double sx, sy, dx, dy;

    cairo_surface_get_device_scale (target, &sx, &sy);
    cairo_surface_get_device_offset (target, &dx, &dy);
    cairo_matrix_init (&device, sx, 0, 0, sy, dx, dy);
  }

  /* User space to the space cairo writes in: a group's (push_group) is
   * offset from the page's by its device offset. */
  cairo_user_to_device (cr, &ox, &oy);
  ctm = (cairo_matrix_t) { 1, 0, 0, 1, ox, oy };
  cairo_user_to_device_distance (cr, &ctm.xx, &ctm.yx);
  cairo_user_to_device_distance (cr, &ctm.xy, &ctm.yy);
  cairo_matrix_multiply (&ctm, &ctm, &device);
  ox = ctm.x0;
  oy = ctm.y0;
  translation = ctm.xx == 1 && ctm.yx == 0 && ctm.xy == 0 && ctm.yy == 1;

  cairo_move_to (cr, x, y);
  if (index >= MAX_MARKERS)
    {
      self->full = TRUE;
      return;
    }
  if (!append_layout (xml, layout, color, translation ? x + ox : x, translation ? y + oy : y,
                      translation ? NULL : &ctm))
    return;

  pango_layout_get_extents (layout, NULL, &logical);
  mx = x + (double) logical.x / PANGO_SCALE;
  my = y + (double) logical.y / PANGO_SCALE;
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_rectangle (cr, mx, my, MAX ((double) logical.width / PANGO_SCALE, 1),
                   MAX ((double) logical.height / PANGO_SCALE, 1));
  cairo_set_source_rgba (cr, ((index >> 16) & 0xff) / 255.0, ((index >> 8) & 0xff) / 255.0, (index & 0xff) / 255.0,
                         MARKER_ALPHA);
  cairo_fill (cr);
  cairo_restore (cr);
  cairo_move_to (cr, x, y);

  cairo_user_to_device (cr, &mx, &my);
  cairo_matrix_transform_point (&device, &mx, &my);
  shown.x = mx;
  shown.y = my;
  shown.xml = g_string_free (g_steal_pointer (&xml), FALSE);
  g_array_append_val (self->shown, shown);
}

void
uc_svg_text_set_title (UcSvgText  *self,
                       const char *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = title && *title && g_utf8_validate (title, -1, NULL) ? g_strdup (title) : NULL;
}

/* <title> after the root element's start tag, if there is a title. */
static void
insert_title (UcSvgText *self,
              GString   *svg)
{
  g_autoptr(GString) title = NULL;
  const char *root = strstr (svg->str, "<svg");
  const char *end = root ? strchr (root, '>') : NULL;

  if (self->title == NULL || end == NULL)
    return;
  title = g_string_new ("\n<title>");
  append_escaped (title, self->title, strlen (self->title));
  g_string_append (title, "</title>");
  g_string_insert_len (svg, end + 1 - svg->str, title->str, (gssize) title->len);
}

/* A colour channel cairo printed as a percentage, back to 0…255; -1 when
 * it is not one. */
static int
channel (const char **p)
{
  char *end;
  double pct = g_ascii_strtod (*p, &end);
  double v = pct * 255 / 100;

  if (end == *p || *end != '%' || !(v >= -0.01 && v <= 255.01) || fabs (v - round (v)) > 0.01)
    return -1;
  *p = end + 1;
  return (int) round (v);
}

/* The marker whose opacity is at @opacity, within @start…: its number and
 * where its path starts; -1 when it is not one. */
static gint64
read_marker (const char *start,
             const char *opacity,
             double     *x,
             double     *y)
{
  const char *p = g_strstr_len (start, opacity - start, "fill:rgb(");
  const char *d;
  char *end;
  int r, g, b;

  if (p == NULL)
    return -1;
  p += strlen ("fill:rgb(");
  if ((r = channel (&p)) < 0 || *p++ != ',' || (g = channel (&p)) < 0 || *p++ != ',' || (b = channel (&p)) < 0 ||
      strncmp (p, ");", 2) != 0 || p + 2 != opacity)
    return -1;
  d = opacity + strlen (MARKER_OPACITY);
  if (strncmp (d, "\" d=\"M ", 7) != 0)
    return -1;
  d += 7;
  *x = g_ascii_strtod (d, &end);
  if (end == d || *end != ' ')
    return -1;
  d = end + 1;
  *y = g_ascii_strtod (d, &end);
  if (end == d)
    return -1;
  return ((gint64) r << 16) | (g << 8) | b;
}

GString *
uc_svg_text_rewrite (UcSvgText  *self,
                     const char *svg,
                     gsize       length)
{
  g_autoptr(GString) out = NULL;
  g_autofree gboolean *placed = NULL;
  const char *end = svg + length, *from = svg, *p;

  g_return_val_if_fail (self != NULL && svg != NULL, NULL);

  if (self->full)
    return NULL;
  out = g_string_sized_new (length + length / 4);
  placed = g_new0 (gboolean, self->shown->len + 1);
  while ((p = g_strstr_len (from, end - from, MARKER_OPACITY)) != NULL)
    {
      /* The element around it: "<path" before, "/>" after. */
      const char *open = g_strrstr_len (from, p - from, "<path ");
      const char *close = g_strstr_len (p, end - p, "/>");
      Shown *shown;
      gint64 index;
      double x, y;

      if (open == NULL || close == NULL || memchr (open, '>', p - open) != NULL)
        return NULL;
      index = read_marker (open, p, &x, &y);
      if (index < 0 || index >= self->shown->len || placed[index])
        return NULL;
      shown = &g_array_index (self->shown, Shown, index);
      if (fabs (x - shown->x) > POSITION_SLACK || fabs (y - shown->y) > POSITION_SLACK)
        return NULL;
      placed[index] = TRUE;
      g_string_append_len (out, from, open - from);
      g_string_append (out, shown->xml);
      from = close + 2;
      /* The <text> elements end in a line of their own already. */
      if (from < end && *from == '\n')
        from++;
    }
  g_string_append_len (out, from, end - from);
  insert_title (self, out);
  return g_steal_pointer (&out);
}
