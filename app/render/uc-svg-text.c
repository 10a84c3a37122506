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

  g_ascii_formatd (buf, sizeof buf, "%.3f", fabs (v) < 0.0005 ? 0 : v);
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

/* The words of @run (@text, @length bytes, its characters), each in a
 * <tspan> at the x pango gave it, the run starting at @x: a renderer whose
 * font metrics differ a little (hinted advances) then strays within a word,
 * not along a line. One word, or a right-to-left run, is written as is. */
static void
append_words (GString        *out,
              PangoLayoutRun *run,
              const char     *text,
              gsize           length,
              double          x)
{
  gboolean split = run != NULL && run->item->analysis.level % 2 == 0;
  guint words = 0;

  for (gsize i = 0; split && i < length; i++)
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
      words++;
  if (words < 2)
    {
      append_escaped (out, text, length);
      return;
    }
  for (gsize i = 0, start = 0; i <= length; i++)
    if (i == length || (i > start && text[i] != ' ' && text[i - 1] == ' '))
      {
        int offset;

        pango_glyph_string_index_to_x (run->glyphs, (char *) text, (int) length, &run->item->analysis, (int) start,
                                       FALSE, &offset);
        g_string_append (out, "<tspan x=\"");
        append_number (out, x + (double) offset / PANGO_SCALE);
        g_string_append (out, "\">");
        append_escaped (out, text + start, i - start);
        g_string_append (out, "</tspan>");
        start = i;
      }
}

/* What pango's rounding of glyph positions to whole pixels added to each
 * character of @run (@text, @length bytes): a renderer that places glyphs
 * where the font says (librsvg, browsers) lays a word out as wide as the
 * chart did with this letter-spacing. */
static double
rounding_spacing (PangoLayoutRun *run,
                  const char     *text,
                  gsize           length)
{
  PangoGlyphString *natural = pango_glyph_string_new ();
  glong chars = g_utf8_strlen (text, (gssize) length);
  double drawn = (double) pango_glyph_string_get_width (run->glyphs) / PANGO_SCALE, shaped;

  pango_shape_with_flags (text, (int) length, text, (int) length, &run->item->analysis, natural, PANGO_SHAPE_NONE);
  shaped = (double) pango_glyph_string_get_width (natural) / PANGO_SCALE;
  pango_glyph_string_free (natural);
  return chars > 0 ? (drawn - shaped) / chars : 0;
}

/* The <text> of one run: @text at (@x, @y), its baseline's start, in user
 * space; @matrix maps user space to the document's when it is not a
 * translation (then NULL, and the point is in the document's space).
 * @run, when not NULL, places its words (append_words). */
static void
append_run (GString                    *out,
            PangoLayoutRun             *run,
            const char                 *text,
            gsize                       length,
            const char                 *family,
            const PangoFontDescription *desc,
            const UcColor              *color,
            double                      x,
            double                      y,
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
  if (run)
    {
      double spacing = rounding_spacing (run, text, length);

      if (fabs (spacing) >= 0.001)
        {
          g_string_append (out, " letter-spacing=\"");
          append_number (out, spacing);
          g_string_append (out, "\"");
        }
    }
  g_string_append (out, " xml:space=\"preserve\">");
  append_words (out, run, text, length, x);
  g_string_append (out, "</text>\n");
}

/* Every run of every line of @layout, its top-left corner at (@x, @y) in
 * user space, as <text> elements; FALSE when it shows nothing. Ellipsized
 * lines write the ellipsis pango drew, not the text it stands for. */
static gboolean
append_layout (GString             *out,
               PangoLayout         *layout,
               const UcColor       *color,
               double               x,
               double               y,
               const cairo_matrix_t *matrix)
{
  const char *text = pango_layout_get_text (layout);
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  PangoLayoutIter *iter;
  gboolean any = FALSE;

  /* The charts always set one (uc_chart_set_font). */
  if (desc == NULL)
    desc = pango_context_get_font_description (pango_layout_get_context (layout));
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      g_autoptr(PangoFontDescription) font = NULL;
      PangoRectangle logical;
      const char *run_text;
      gsize length;
      double bx, by;

      if (run == NULL || run->glyphs == NULL || run->glyphs->num_glyphs == 0)
        continue;
      if (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
        run_text = "…", length = strlen ("…");
      else
        run_text = text + run->item->offset, length = (gsize) run->item->length;
      if (length == 0)
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      bx = x + (double) logical.x / PANGO_SCALE;
      by = y + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      font = run->item->analysis.font ? pango_font_describe (run->item->analysis.font) : NULL;
      append_run (out, (run->item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS) ? NULL : run,
                  run_text, length, font ? pango_font_description_get_family (font)
                                                : pango_font_description_get_family (desc),
                  desc, color, bx, by, matrix);
      any = TRUE;
    }
  while (pango_layout_iter_next_run (iter));
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
