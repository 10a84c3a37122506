/* test-export-text.c: exported charts keep their words as text
 *
 * An SVG export writes <text> elements (searchable, editable, read aloud)
 * in the fonts the chart was laid out in, not glyph outlines, in the
 * drawing order; a PDF's text can be extracted and its fonts are embedded
 * and named. That the SVG shows the same picture as the PNG is checked by
 * test-golden.c (vector-matches-png).
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "uc-chart.h"
#include "uc-export.h"
#include "uc-svg-text.h"
#include "uc-view.h"

#define W 1600
#define H 900

/* cairo 1.16's SVG surface leaks a group painted with alpha (a hidden
 * series' faint legend entry), with or without text in it: under
 * AddressSanitizer the stack below is drawn without one. Text in a group
 * is placed in the group's space all the same (/export-text/rewrite). */
#if defined(__SANITIZE_ADDRESS__)
#define SVG_GROUPS_LEAK 1
#else
#define SVG_GROUPS_LEAK 0
#endif

/* What an SVG holds, read with a strict XML parser. */
typedef struct
{
  GPtrArray *texts;      /* char *: each <text>'s characters, its tspans joined */
  GArray    *text_at;    /* guint: the element number of each <text> */
  GArray    *text_y;     /* double: each <text>'s y */
  GPtrArray *families;   /* char *: each <text>'s font-family */
  GString   *current;    /* inside a <text>: its characters so far */
  char      *title;      /* the document's <title> */
  gboolean   in_title;
  guint      elements;
  guint      symbols;    /* glyph outlines cairo writes as <symbol> */
  guint      longest_path_at;
  gsize      longest_path;
} Svg;

static void
svg_start (GMarkupParseContext  *context,
           const char           *name,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  Svg *svg = data;

  svg->elements++;
  if (strcmp (name, "title") == 0)
    svg->in_title = TRUE;
  else if (strcmp (name, "symbol") == 0)
    svg->symbols++;
  else if (strcmp (name, "text") == 0)
    {
      double y = NAN;

      g_assert_null (svg->current);
      svg->current = g_string_new (NULL);
      g_array_append_val (svg->text_at, svg->elements);
      for (guint i = 0; names[i]; i++)
        if (strcmp (names[i], "y") == 0)
          y = g_ascii_strtod (values[i], NULL);
        else if (strcmp (names[i], "font-family") == 0)
          g_ptr_array_add (svg->families, g_strdup (values[i]));
      g_array_append_val (svg->text_y, y);
    }
  else if (strcmp (name, "path") == 0)
    for (guint i = 0; names[i]; i++)
      if (strcmp (names[i], "d") == 0 && strlen (values[i]) > svg->longest_path)
        {
          svg->longest_path = strlen (values[i]);
          svg->longest_path_at = svg->elements;
        }
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *name,
         gpointer              data,
         GError              **error)
{
  Svg *svg = data;

  if (strcmp (name, "text") == 0)
    g_ptr_array_add (svg->texts, g_string_free (g_steal_pointer (&svg->current), FALSE));
  svg->in_title = FALSE;
}

static void
svg_chars (GMarkupParseContext  *context,
           const char           *text,
           gsize                 length,
           gpointer              data,
           GError              **error)
{
  Svg *svg = data;

  if (svg->current)
    g_string_append_len (svg->current, text, length);
  else if (svg->in_title)
    svg->title = g_strndup (text, length);
}

static void
svg_read (Svg        *svg,
          const char *path)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_chars, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  memset (svg, 0, sizeof *svg);
  svg->texts = g_ptr_array_new_with_free_func (g_free);
  svg->families = g_ptr_array_new_with_free_func (g_free);
  svg->text_at = g_array_new (FALSE, FALSE, sizeof (guint));
  svg->text_y = g_array_new (FALSE, FALSE, sizeof (double));
  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, 0, svg, NULL);
  g_markup_parse_context_parse (context, data, (gssize) length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
svg_clear (Svg *svg)
{
  g_ptr_array_unref (svg->texts);
  g_ptr_array_unref (svg->families);
  g_array_unref (svg->text_at);
  g_array_unref (svg->text_y);
  g_free (svg->title);
}

/* The place of the first <text> reading @text, or -1. */
static int
svg_find (const Svg  *svg,
          const char *text)
{
  for (guint i = 0; i < svg->texts->len; i++)
    if (strcmp (g_ptr_array_index (svg->texts, i), text) == 0)
      return (int) i;
  return -1;
}

static char *
export_sized (UcChartSpec   **specs,
              const int      *heights,
              guint           n,
              int             width,
              const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("uc-export-text-XXXXXX", &error);
  char *path = g_build_filename (dir, name, NULL);
  UcExportFormat format;

  g_assert_no_error (error);
  g_assert_true (uc_export_format_from_path (path, &format, &error));
  g_assert_true (uc_export_charts (specs, NULL, heights, n, uc_chart_theme_light (), path, format, width, 1, &error));
  g_assert_no_error (error);
  return path;
}

static char *
export_to_tmp (UcChartSpec   **specs,
               const int      *heights,
               guint           n,
               const char     *name)
{
  return export_sized (specs, heights, n, W, name);
}

static void
remove_tmp (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (dir);
}

/* The DeepSeek shock view's SVG: its title, legend and tick labels are
 * <text> in the font the chart asks for, and no glyph is an outline. */
static void
test_svg_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  g_autofree char *path = NULL;
  g_auto(GStrv) fonts = g_strsplit (uc_chart_theme_light ()->font_family, ",", 2);
  g_autofree char *family = g_strdup_printf ("'%s', sans-serif", fonts[0]);
  int height = H, title, series;
  gboolean tick = FALSE;
  Svg svg;

  g_assert_no_error (error);
  path = export_to_tmp (&spec, &height, 1, "shock.svg");
  svg_read (&svg, path);

  g_assert_cmpuint (svg.symbols, ==, 0);
  g_assert_cmpstr (svg.title, ==, "The DeepSeek shock");
  g_assert_cmpuint (svg.texts->len, >, 20);
  title = svg_find (&svg, "The DeepSeek shock");
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpint (svg_find (&svg, "Nvidia"), >=, 0);
  /* A value axis tick: "$4T", "$2.5T", … */
  for (guint i = 0; i < svg.texts->len; i++)
    {
      const char *t = g_ptr_array_index (svg.texts, i);

      tick |= g_regex_match_simple ("^\\$[0-9.]+T$", t, 0, 0);
    }
  g_assert_true (tick);
  /* The fonts pango chose are named, with a generic fallback. */
  g_assert_cmpuint (svg.families->len, ==, svg.texts->len);
  g_assert_cmpstr (g_ptr_array_index (svg.families, title), ==, family);

  /* Drawing order kept: the event labels are drawn over the series'
   * lines (the longest paths), the title before them. */
  series = svg.longest_path_at;
  g_assert_cmpuint (g_array_index (svg.text_at, guint, title), <, series);
  g_assert_cmpint (svg_find (&svg, "DeepSeek-R1 released"), >=, 0);
  g_assert_cmpuint (g_array_index (svg.text_at, guint, svg_find (&svg, "DeepSeek-R1 released")), >, series);

  svg_clear (&svg);
  remove_tmp (path);
}

/* Text from a file, markup characters and controls included, is written as
 * characters an XML reader takes back: a control becomes U+FFFD. */
static void
test_svg_escaped (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("y", "a<b>&c");
  g_autofree char *path = NULL;
  int height = 600;
  Svg svg;

  uc_series_append (s, uc_time_from_ymd (2025, 1, 1), 1);
  uc_series_append (s, uc_time_from_ymd (2025, 3, 1), 2);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  uc_chart_spec_set_title (spec, "\"Quotes\" & 'apostrophes' <tags>\x01\x7f");

  path = export_to_tmp (&spec, &height, 1, "escaped.svg");
  svg_read (&svg, path);
  g_assert_cmpuint (svg.symbols, ==, 0);
  g_assert_cmpint (svg_find (&svg, "\"Quotes\" & 'apostrophes' <tags>\xef\xbf\xbd\xef\xbf\xbd"), >=, 0);
  g_assert_cmpstr (svg.title, ==, "\"Quotes\" & 'apostrophes' <tags>\xef\xbf\xbd\xef\xbf\xbd");
  g_assert_cmpint (svg_find (&svg, "a<b>&c"), >=, 0);
  svg_clear (&svg);
  remove_tmp (path);
}

/* A title cut to one line keeps its line whole: its text, then the
 * ellipsis pango drew, in one <text>. */
static void
test_svg_ellipsis (void)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autoptr(UcSeries) s = uc_series_new ("y", "y");
  g_autofree char *path = NULL;
  int height = 200;
  gboolean cut = FALSE;
  Svg svg;

  uc_series_append (s, uc_time_from_ymd (2025, 1, 1), 1);
  uc_series_append (s, uc_time_from_ymd (2025, 3, 1), 2);
  uc_chart_spec_add_series (spec, s);
  uc_chart_spec_set_range (spec, uc_time_from_ymd (2025, 1, 1), uc_time_from_ymd (2025, 3, 1));
  uc_chart_spec_set_title (spec, "A title far too long for a thumbnail, which cuts it to one line with an ellipsis");

  path = export_sized (&spec, &height, 1, 300, "cut.svg");
  svg_read (&svg, path);
  g_assert_cmpuint (svg.symbols, ==, 0);
  for (guint i = 0; i < svg.texts->len; i++)
    {
      const char *t = g_ptr_array_index (svg.texts, i);

      if (g_str_has_prefix (t, "A title far") && g_str_has_suffix (t, "…") && strlen (t) < 80)
        cut = TRUE;
    }
  g_assert_true (cut);
  svg_clear (&svg);
  remove_tmp (path);
}

/* Charts one under the other: each chart's text lands in its own band; a
 * hidden series' legend entry (drawn faint, in a group) is text too. */
static void
test_svg_stack (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) first = uc_view_build ("deepseek-shock", &error);
  g_autoptr(UcChartSpec) second = NULL;
  UcChartSpec *specs[2];
  int heights[] = { 500, 400 };
  g_autofree char *path = NULL;
  int title;
  Svg svg;

  g_assert_no_error (error);
  second = uc_view_build ("deepseek-shock", &error);
  g_assert_no_error (error);
  uc_chart_spec_set_title (second, "The second chart");
  if (!SVG_GROUPS_LEAK)
    uc_series_set_hidden (uc_chart_spec_get_series (second, 1), TRUE);
  specs[0] = first;
  specs[1] = second;

  path = export_to_tmp (specs, heights, 2, "stack.svg");
  svg_read (&svg, path);
  g_assert_cmpuint (svg.symbols, ==, 0);
  title = svg_find (&svg, "The DeepSeek shock");
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, title), <, heights[0] / 4);
  title = svg_find (&svg, "The second chart");
  g_assert_cmpint (title, >=, 0);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, title), >, heights[0]);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, title), <, heights[0] + heights[1] / 4);
  /* The hidden series' name, in both charts' legends. */
  g_assert_cmpint (svg_find (&svg, uc_series_get_label (uc_chart_spec_get_series (second, 1))), >=, 0);
  svg_clear (&svg);
  remove_tmp (path);
}

/* How many <text>s read @text. */
static guint
svg_count (const Svg  *svg,
           const char *text)
{
  guint n = 0;

  for (guint i = 0; i < svg->texts->len; i++)
    n += strcmp (g_ptr_array_index (svg->texts, i), text) == 0;
  return n;
}

/* Charts one under the other that name one source print it once, at the
 * bottom, under every chart's own note; charts with different sources
 * keep their own lines. */
static void
test_svg_shared_source (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) first = uc_view_build ("deepseek-shock", &error);
  g_autoptr(UcChartSpec) second = NULL;
  UcChartSpec *specs[2];
  int heights[] = { 550, 350 };
  g_autofree char *path = NULL, *other_path = NULL;
  int source, note;
  Svg svg;

  g_assert_no_error (error);
  second = uc_view_build ("deepseek-shock", &error);
  g_assert_no_error (error);
  uc_chart_spec_set_source (first, "Source: one table");
  uc_chart_spec_set_source (second, "Source: one table");
  uc_chart_spec_set_note (first, "The first chart's note");
  uc_chart_spec_set_note (second, "The second chart's note");
  specs[0] = first;
  specs[1] = second;

  path = export_to_tmp (specs, heights, 2, "shared.svg");
  svg_read (&svg, path);
  g_assert_cmpuint (svg_count (&svg, "Source: one table"), ==, 1);
  source = svg_find (&svg, "Source: one table");
  g_assert_cmpfloat (g_array_index (svg.text_y, double, source), >, H - 40);
  /* Each note stays in its own chart's band, the last one above the source. */
  note = svg_find (&svg, "The first chart's note");
  g_assert_cmpint (note, >=, 0);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, note), <, heights[0]);
  note = svg_find (&svg, "The second chart's note");
  g_assert_cmpint (note, >=, 0);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, note), >, heights[0]);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, note), <, g_array_index (svg.text_y, double, source));
  svg_clear (&svg);
  remove_tmp (path);

  uc_chart_spec_set_source (second, "Source: another table");
  other_path = export_to_tmp (specs, heights, 2, "own.svg");
  svg_read (&svg, other_path);
  source = svg_find (&svg, "Source: one table");
  g_assert_cmpint (source, >=, 0);
  g_assert_cmpfloat (g_array_index (svg.text_y, double, source), <, heights[0]);
  g_assert_cmpuint (svg_count (&svg, "Source: another table"), ==, 1);
  svg_clear (&svg);
  remove_tmp (other_path);
}

/* A marker is taken only where it was drawn, and only if it is one of the
 * texts recorded: otherwise the export falls back to outlines. */
static void
test_rewrite (void)
{
  g_autoptr(UcSvgText) text = uc_svg_text_new ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string ("Sans 10px");
  const UcColor black = { 0, 0, 0, 1 };
  const char *head = "<svg>\n<path style=\" stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0%);fill-opacity:0.987654;\" d=\"M ";
  g_autofree char *good = NULL, *moved = NULL, *other = NULL, *grouped = NULL;
  g_autoptr(GString) out = NULL;
  GString *none;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, "Hello world", -1);
  uc_svg_text_attach (text, cr);
  g_assert_true (uc_svg_text_get (cr) == text);
  cairo_translate (cr, 5, 7);
  uc_svg_text_show (text, cr, layout, &black, 10, 20);

  good = g_strconcat (head, "15 27 L 20 27 Z\"/>\n</svg>\n", NULL);
  out = uc_svg_text_rewrite (text, good, strlen (good));
  g_assert_nonnull (out);
  g_assert_null (strstr (out->str, "<path"));
  g_assert_nonnull (strstr (out->str, "<text x=\"15\""));
  g_assert_nonnull (strstr (out->str, ">Hello </tspan>"));

  moved = g_strconcat (head, "16 27 L 20 27 Z\"/>\n</svg>\n", NULL);
  none = uc_svg_text_rewrite (text, moved, strlen (moved));
  g_assert_null (none);
  other = g_strdup ("<svg>\n<path style=\" stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0.392157%);"
                    "fill-opacity:0.987654;\" d=\"M 15 27 Z\"/>\n</svg>\n");
  none = uc_svg_text_rewrite (text, other, strlen (other));
  g_assert_null (none);

  /* Inside a group, cairo writes in the group's own space, which starts
   * where the group's clip does (5, 57 here): the text is placed there. */
  cairo_rectangle (cr, 0, 50, 80, 40);
  cairo_clip (cr);
  cairo_push_group (cr);
  uc_svg_text_show (text, cr, layout, &black, 10, 60);
  cairo_pattern_destroy (cairo_pop_group (cr));
  g_string_free (g_steal_pointer (&out), TRUE);
  out = uc_svg_text_rewrite (text, other, strlen (other));
  g_assert_null (out);
  grouped = g_strdup ("<svg>\n<path style=\" stroke:none;fill-rule:nonzero;fill:rgb(0%,0%,0.392157%);"
                      "fill-opacity:0.987654;\" d=\"M 10 10 Z\"/>\n</svg>\n");
  out = uc_svg_text_rewrite (text, grouped, strlen (grouped));
  g_assert_nonnull (out);
  g_assert_nonnull (strstr (out->str, "<text x=\"10\" y=\""));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A PDF's text can be extracted, and its fonts are embedded and named. */
static void
test_pdf_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = uc_view_build ("deepseek-shock", &error);
  g_autofree char *path = NULL, *text = NULL, *fonts = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) family = g_strsplit (uc_chart_theme_light ()->font_family, ",", 2);
  int height = H, status;
  guint named = 0;

  g_assert_no_error (error);
  path = export_to_tmp (&spec, &height, 1, "shock.pdf");
  {
    const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_nonnull (strstr (text, "The DeepSeek shock"));
  g_assert_nonnull (strstr (text, "Nvidia"));
  g_assert_nonnull (strstr (text, "DeepSeek-R1 released"));
  {
    const char *argv[] = { "pdffonts", path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &fonts, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  /* name type… encoding emb sub uni object: every font embedded. */
  lines = g_strsplit (fonts, "\n", -1);
  for (guint i = 2; lines[i] && *lines[i]; i++)
    {
      g_auto(GStrv) fields = g_regex_split_simple ("\\s+", lines[i], 0, 0);
      guint n = g_strv_length (fields);

      g_assert_cmpuint (n, >=, 6);
      g_assert_cmpstr (fields[n - 5], ==, "yes");
      if (strstr (fields[0], family[0]))
        named++;
    }
  g_assert_cmpuint (named, >, 0);
  remove_tmp (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export-text/svg-text", test_svg_text);
  g_test_add_func ("/export-text/svg-escaped", test_svg_escaped);
  g_test_add_func ("/export-text/svg-ellipsis", test_svg_ellipsis);
  g_test_add_func ("/export-text/svg-stack", test_svg_stack);
  g_test_add_func ("/export-text/svg-shared-source", test_svg_shared_source);
  g_test_add_func ("/export-text/rewrite", test_rewrite);
  g_test_add_func ("/export-text/pdf-text", test_pdf_text);
  return g_test_run ();
}
