/* uc-chart-font.c: the size of a chart's text, from the desktop's
 *
 * A chart's text is as big as the desktop's own: its font size in points
 * at the display's dots per inch, times the text scaling the reader chose
 * (a window passes what GtkSettings says; here, without GTK, the same is
 * read from GSettings when the desktop's schema is there). Smaller text
 * (tick labels, footers) never goes below the window's caption size.
 */
#include "uc-chart-font.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>

/* Sizes beyond these are a broken setting, not a choice. */
#define MIN_PX 6.0
#define MAX_PX 64.0

static double
sane_px (double px)
{
  return isfinite (px) ? CLAMP (px, MIN_PX, MAX_PX) : uc_chart_font_px_for_points (UC_CHART_FONT_DEFAULT_POINTS,
                                                                                  UC_CHART_FONT_DEFAULT_DPI, 1);
}

/* @points at @dpi, times @scaling: 11 pt at 96 dpi is 14.67 px. */
double
uc_chart_font_px_for_points (double points,
                             double dpi,
                             double scaling)
{
  if (!(points > 0))
    points = UC_CHART_FONT_DEFAULT_POINTS;
  if (!(dpi > 0))
    dpi = UC_CHART_FONT_DEFAULT_DPI;
  if (!(scaling > 0))
    scaling = 1;
  return sane_px (points * dpi / 72.0 * scaling);
}

/* The size of a font name as GTK and GNOME write it ("Cantarell 11",
 * "Sans 15px"): points at @dpi times @scaling, or pixels times @scaling;
 * the default size when the name gives none. */
double
uc_chart_font_px_for_name (const char *font_name,
                           double      dpi,
                           double      scaling)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  double size;

  if (font_name == NULL || *font_name == '\0')
    return uc_chart_font_px_for_points (0, dpi, scaling);
  desc = pango_font_description_from_string (font_name);
  size = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  if (!(pango_font_description_get_set_fields (desc) & PANGO_FONT_MASK_SIZE) || !(size > 0))
    return uc_chart_font_px_for_points (0, dpi, scaling);
  if (pango_font_description_get_size_is_absolute (desc))
    return sane_px (size * (scaling > 0 ? scaling : 1));
  return uc_chart_font_px_for_points (size, dpi, scaling);
}

/* The caption size for body text of @body_px, where the dpi is not
 * known (a size given in pixels). */
double
uc_chart_font_caption_px (double body_px)
{
  return body_px * UC_CHART_CAPTION_SHARE;
}

/* "14.5", "14.5px" (pixels) or "11pt" (points at 96 dpi); 0 when @text
 * is none of these. */
double
uc_chart_font_parse_px (const char *text)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return 0;
  value = g_ascii_strtod (text, &end);
  if (end == text || !(value > 0) || !isfinite (value))
    return 0;
  if (g_ascii_strcasecmp (end, "pt") == 0)
    return uc_chart_font_px_for_points (value, UC_CHART_FONT_DEFAULT_DPI, 1);
  if (*end == '\0' || g_ascii_strcasecmp (end, "px") == 0)
    return sane_px (value);
  return 0;
}

/* The size UNDERCUT_CHART_FONT fixes, or 0. */
double
uc_chart_font_env_px (void)
{
  return uc_chart_font_parse_px (g_getenv (UC_CHART_FONT_ENV));
}

/* The desktop's text size from org.gnome.desktop.interface, when that
 * schema is installed, and its caption size (9 pt at the same scaling):
 * read once, they do not change under a command. */
static double
gsettings_px (double *caption_px)
{
  static gsize once = 0;
  static double px, caption;

  if (g_once_init_enter (&once))
    {
      double scaling = 1;

      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema =
        source ? g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE) : NULL;

      px = uc_chart_font_px_for_points (0, 0, 0);
      if (schema && g_settings_schema_has_key (schema, "font-name") &&
          g_settings_schema_has_key (schema, "text-scaling-factor"))
        {
          g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
          g_autofree char *name = g_settings_get_string (settings, "font-name");

          scaling = g_settings_get_double (settings, "text-scaling-factor");
          px = uc_chart_font_px_for_name (name, UC_CHART_FONT_DEFAULT_DPI, scaling);
        }
      caption = uc_chart_font_px_for_points (UC_CHART_CAPTION_POINTS, UC_CHART_FONT_DEFAULT_DPI, scaling);
      g_once_init_leave (&once, 1);
    }
  if (caption_px)
    *caption_px = caption;
  return px;
}

/* The size a command was told (undercut export --font-size), 0: none. */
static double fixed_px;

/* Every chart drawn without a size of its own is drawn at @px (0: the
 * desktop's again): a command's --font-size, set before it draws. */
void
uc_chart_font_set_fixed_px (double px)
{
  fixed_px = px > 0 ? sane_px (px) : 0;
}

/* The chart text size without a window: the size a command was told,
 * UNDERCUT_CHART_FONT, else the desktop's, else 11 pt at 96 dpi. */
double
uc_chart_font_desktop_px (void)
{
  double px = fixed_px > 0 ? fixed_px : uc_chart_font_env_px ();

  return px > 0 ? px : gsettings_px (NULL);
}

/* The same, with the caption size no text goes below: the desktop's
 * (9 pt at its scaling), or, for a size given in pixels, its share. */
void
uc_chart_font_desktop (double *body_px,
                       double *caption_px)
{
  double px = fixed_px > 0 ? fixed_px : uc_chart_font_env_px ();

  if (px > 0)
    {
      *body_px = px;
      *caption_px = uc_chart_font_caption_px (px);
    }
  else
    *body_px = gsettings_px (caption_px);
}

/* A layout with unhinted metrics and glyph positions kept to the
 * fraction, on every surface: a PNG and an SVG or PDF of the same chart
 * lay out to the same positions, and at small sizes rounding each glyph
 * to whole pixels took a third of a space's width while widening the
 * letters around it, so words ran together ("Financedatain"). */
PangoLayout *
uc_chart_font_layout_new (cairo_t *cr)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  cairo_font_options_t *font_options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, font_options);
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (font_options);
  return layout;
}
