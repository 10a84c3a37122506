/* uc-export.c: writing a chart to PNG, SVG or PDF
 *
 * Files go through UcSafeFile: written unnamed beside the target and put
 * in place only once complete, so a failure or a kill never leaves a
 * half-written file, nor destroys the one that was there; and nothing but
 * a regular file is ever replaced. A report pack is written as a folder and
 * swapped in whole.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-export.h"

#include <errno.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "uc-chart.h"
#include "uc-chart-spec-json.h"
#include "uc-column-alloc.h"
#include "uc-png-writer.h"
#include "uc-safe-file.h"
#include "uc-svg-text.h"

#define MAX_PIXELS ((gint64) 32768 * 32768)

G_DEFINE_QUARK (uc-export-error-quark, uc_export_error)

typedef struct
{
  int     fd;
  int     saved_errno;
} Sink;

static cairo_status_t
write_to_fd (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t n = write (sink->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          sink->saved_errno = n < 0 ? errno : EIO;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += n;
      length -= (unsigned int) n;
    }
  return CAIRO_STATUS_SUCCESS;
}

gboolean
uc_export_format_from_path (const char      *path,
                            UcExportFormat  *format,
                            GError         **error)
{
  const char *dot = strrchr (path, '.');

  if (dot && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = UC_EXPORT_PNG;
  else if (dot && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = UC_EXPORT_SVG;
  else if (dot && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = UC_EXPORT_PDF;
  else
    {
      g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_FORMAT,
                   /* Translators: %s is a file's name. */
                   _("%s: unknown file type (use .png, .svg or .pdf)"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
png_write_cb (const guint8 *data,
              gsize         length,
              gpointer      user_data)
{
  Sink *sink = user_data;

  return write_to_fd (sink, data, (unsigned int) length) == CAIRO_STATUS_SUCCESS;
}

static const cairo_user_data_key_t pixels_key;

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* @n charts one under the other as SVG, to @write; their text recorded in
 * @text (NULL: drawn as cairo draws it, glyph outlines). */
static cairo_status_t
draw_svg (UcChartSpec             **specs,
          const UcChartDrawOptions *options,
          const int                *heights,
          guint                     n,
          const UcChartTheme       *theme,
          int                       width,
          int                       height,
          UcSvgText                *text,
          cairo_write_func_t        write,
          void                     *closure)
{
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (write, closure, width, height);
  cairo_status_t status;
  cairo_t *cr;

  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  cr = cairo_create (surface);
  if (text)
    uc_svg_text_attach (text, cr);
  uc_chart_draw_stack (cr, specs, options, heights, n, theme, width);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* An SVG whose text is <text>, searchable and editable, in the fonts it
 * was laid out in (cairo alone writes glyph outlines): cairo's document is
 * kept, each text's marker replaced by the text (uc-svg-text.h), and then
 * written. Should a marker not be understood, the chart is drawn again
 * with outlines: the picture is never lost for its words. */
static cairo_status_t
render_svg (UcChartSpec             **specs,
            const UcChartDrawOptions *options,
            const int                *heights,
            guint                     n,
            const UcChartTheme       *theme,
            int                       width,
            int                       height,
            Sink                     *sink)
{
  g_autoptr(UcSvgText) text = uc_svg_text_new ();
  g_autoptr(GString) drawn = g_string_new (NULL);
  g_autoptr(GString) svg = NULL;
  cairo_status_t status = draw_svg (specs, options, heights, n, theme, width, height, text, append_to_string, drawn);

  if (status != CAIRO_STATUS_SUCCESS)
    return status;
  /* As a PDF's title: the first chart's. */
  uc_svg_text_set_title (text, uc_chart_spec_get_title (specs[0]));
  svg = uc_svg_text_rewrite (text, drawn->str, drawn->len);
  if (svg == NULL)
    return draw_svg (specs, options, heights, n, theme, width, height, NULL, write_to_fd, sink);
  for (gsize at = 0; at < svg->len && status == CAIRO_STATUS_SUCCESS; at += G_MAXINT / 2)
    status = write_to_fd (sink, (const unsigned char *) svg->str + at, (unsigned int) MIN (svg->len - at, G_MAXINT / 2));
  return status;
}

/* @n charts one under the other, chart i @heights[i] tall. */
static cairo_status_t
render (UcChartSpec       **specs,
        const UcChartDrawOptions *options,
        const int          *heights,
        guint               n,
        const UcChartTheme *theme,
        UcExportFormat      format,
        int                 width,
        int                 height,
        double              scale,
        Sink               *sink)
{
  UcChartSpec *spec = specs[0];
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (format == UC_EXPORT_SVG)
    return render_svg (specs, options, heights, n, theme, width, height, sink);
  switch (format)
    {
    case UC_EXPORT_PNG:
      {
        /* Pixels in huge pages: 8 MB in 4 KiB pages costs tens of
         * milliseconds of page faults, more than drawing the chart. */
        int w = (int) ceil (width * scale), h = (int) ceil (height * scale);
        int stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, w);
        /* Up to 4 GB at the largest size taken: more than some machines
         * (or a limited process) have, which is an error, not an abort. */
        guint8 *pixels = uc_column_try_alloc ((gsize) stride * h);

        if (pixels == NULL)
          return CAIRO_STATUS_NO_MEMORY;
        surface = cairo_image_surface_create_for_data (pixels, CAIRO_FORMAT_RGB24, w, h, stride);
        cairo_surface_set_user_data (surface, &pixels_key, pixels, uc_column_free);
      }
      break;
    case UC_EXPORT_PDF:
    default:
      /* A page is measured in points: 96 px per inch, as on screen. */
      surface = cairo_pdf_surface_create_for_stream (write_to_fd, sink, width * 0.75, height * 0.75);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      uc_chart_spec_get_title (spec) ? uc_chart_spec_get_title (spec) : "");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Undercut");
      scale = 0.75;
      break;
    }

  cr = cairo_create (surface);
  /* The pixels are not cleared: a size that ends inside a pixel (900 px
   * at 300 dpi is 2812.5) would leave that last row half old memory. */
  if (format == UC_EXPORT_PNG)
    {
      const UcChartTheme *paper = theme ? theme : uc_chart_theme_light ();

      cairo_set_source_rgb (cr, paper->background.red, paper->background.green, paper->background.blue);
      cairo_paint (cr);
    }
  cairo_scale (cr, scale, scale);
  uc_chart_draw_stack (cr, specs, options, heights, n, theme, width);
  status = cairo_status (cr);
  cairo_destroy (cr);

  /* Opaque charts are written as RGB, with their print resolution. */
  if (status == CAIRO_STATUS_SUCCESS && format == UC_EXPORT_PNG)
    {
      cairo_surface_flush (surface);
      if (!uc_png_write_rgb (cairo_image_surface_get_data (surface), cairo_image_surface_get_width (surface),
                             cairo_image_surface_get_height (surface), cairo_image_surface_get_stride (surface),
                             96 * scale, png_write_cb, sink))
        status = CAIRO_STATUS_WRITE_ERROR;
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
}

/* The size of @n charts one under the other, checked: @name is the file
 * in messages. */
static gboolean
check_size (UcChartSpec **specs,
            const int    *heights,
            guint         n,
            int           width,
            double        scale,
            const char   *name,
            int          *height_out,
            GError      **error)
{
  int height = 0;

  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (UC_IS_CHART_SPEC (specs[i]), FALSE);
      if (heights[i] < 16)
        {
          g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE,
                       /* Translators: a file's name, then a height in pixels. */
                       g_dngettext (GETTEXT_PACKAGE, "%s: a chart %d pixel tall is too small",
                                    "%s: a chart %d pixels tall is too small", (gulong) MAX (heights[i], 0)),
                       name, heights[i]);
          return FALSE;
        }
      height += heights[i];
    }
  if (width < 16 || height < 16 || !(scale > 0) || (gint64) (width * scale) * (gint64) (height * scale) > MAX_PIXELS)
    {
      g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE,
                   /* Translators: a file's name, a width and a height in pixels, then a scale (2 for HiDPI). */
                   _("%s: size %d×%d at scale %g is out of range"), name, width, height, scale);
      return FALSE;
    }
  *height_out = height;
  return TRUE;
}

static gboolean
render_to_fd (UcChartSpec        **specs,
              const UcChartDrawOptions *options,
              const int           *heights,
              guint                n,
              const UcChartTheme  *theme,
              UcExportFormat       format,
              int                  width,
              int                  height,
              double               scale,
              int                  fd,
              const char          *name,
              GError             **error)
{
  Sink sink = { fd, 0 };
  cairo_status_t status = render (specs, options, heights, n, theme, format, width, height, scale, &sink);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (sink.saved_errno != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.saved_errno),
                 "%s: %s", name, g_strerror (sink.saved_errno));
  else if (status == CAIRO_STATUS_NO_MEMORY && format == UC_EXPORT_PNG)
    /* Translators: a file's name, then a width and a height in pixels. */
    g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE, _("%s: not enough memory for an image of %.0f × %.0f pixels"),
                 name, ceil (width * scale), ceil (height * scale));
  else if (status == CAIRO_STATUS_INVALID_SIZE && format == UC_EXPORT_PNG)
    g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE,
                 /* Translators: a file's name, then a width and a height in pixels. */
                 _("%s: an image of %.0f × %.0f pixels is more than 32767 a side"),
                 name, ceil (width * scale), ceil (height * scale));
  else
    g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_DRAW, "%s: %s", name, cairo_status_to_string (status));
  return FALSE;
}

/* To @path, named @name in messages. */
static gboolean
export_to_path (UcChartSpec        **specs,
                const UcChartDrawOptions *options,
                const int           *heights,
                guint                n,
                const UcChartTheme  *theme,
                const char          *path,
                const char          *name,
                UcExportFormat       format,
                int                  width,
                double               scale,
                GError             **error)
{
  g_autoptr(UcSafeFile) file = NULL;
  int height;

  if (!check_size (specs, heights, n, width, scale, name, &height, error))
    return FALSE;
  file = uc_safe_file_new (path, name, error);
  return file &&
         render_to_fd (specs, options, heights, n, theme, format, width, height, scale, uc_safe_file_get_fd (file), name, error) &&
         uc_safe_file_commit (file, error);
}

gboolean
uc_export_chart (UcChartSpec         *spec,
                 const UcChartTheme  *theme,
                 const char          *path,
                 UcExportFormat       format,
                 int                  width,
                 int                  height,
                 double               scale,
                 GError             **error)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (spec), FALSE);
  return uc_export_charts (&spec, NULL, &height, 1, theme, path, format, width, scale, error);
}

/* Several charts in one file, one under the other, chart i @heights[i]
 * pixels tall: a view of several charts as the window shows it. What is at
 * @path is replaced only if it is a regular file the user may write (or a
 * symbolic link to one: then its target is), keeping its mode. */
gboolean
uc_export_charts (UcChartSpec        **specs,
                  const UcChartDrawOptions *options,
                  const int           *heights,
                  guint                n,
                  const UcChartTheme  *theme,
                  const char          *path,
                  UcExportFormat       format,
                  int                  width,
                  double               scale,
                  GError             **error)
{
  g_return_val_if_fail (n > 0 && specs != NULL && heights != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_to_path (specs, options, heights, n, theme, path, path, format, width, scale, error);
}

/* The same, written to an open file descriptor (standard output), named
 * @name in messages. */
gboolean
uc_export_charts_to_fd (UcChartSpec        **specs,
                        const UcChartDrawOptions *options,
                        const int           *heights,
                        guint                n,
                        const UcChartTheme  *theme,
                        int                  fd,
                        const char          *name,
                        UcExportFormat       format,
                        int                  width,
                        double               scale,
                        GError             **error)
{
  int height;

  g_return_val_if_fail (n > 0 && specs != NULL && heights != NULL, FALSE);
  g_return_val_if_fail (fd >= 0 && name != NULL, FALSE);

  return check_size (specs, heights, n, width, scale, name, &height, error) &&
         render_to_fd (specs, options, heights, n, theme, format, width, height, scale, fd, name, error);
}

/* A report pack: the chart as PNG, SVG and PDF, the data it shows as CSV,
 * and a JSON file with its specification and the provenance (source, date,
 * SHA-256) of every input. The pack is written whole or not at all. */
gboolean
uc_export_pack (UcChartSpec         *spec,
                const UcChartTheme  *theme,
                const char          *dir,
                int                  width,
                int                  height,
                double               scale,
                GError             **error)
{
  static const char * const images[] = { "chart.png", "chart.svg", "chart.pdf" };
  /* What chart.json lists: the images and the data. */
  static const char * const listed[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", NULL };
  static const char * const pack_files[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json", NULL };
  g_autoptr(UcSafeDir) out = NULL;
  g_autofree char *csv = NULL, *json = NULL;
  g_autofree char *csv_path = NULL, *csv_name = g_build_filename (dir, "data.csv", NULL);
  g_autofree char *json_path = NULL, *json_name = g_build_filename (dir, "chart.json", NULL);

  /* Written into a folder beside @dir and swapped in whole: @dir is always
   * the old pack or the new one, never a mix. */
  out = uc_safe_dir_new (dir, pack_files, error);
  if (out == NULL)
    return FALSE;
  csv_path = g_build_filename (uc_safe_dir_get_path (out), "data.csv", NULL);
  json_path = g_build_filename (uc_safe_dir_get_path (out), "chart.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    {
      g_autofree char *path = g_build_filename (uc_safe_dir_get_path (out), images[i], NULL);
      g_autofree char *name = g_build_filename (dir, images[i], NULL);
      UcExportFormat format;

      uc_export_format_from_path (path, &format, NULL);
      if (!export_to_path (&spec, NULL, &height, 1, theme, path, name, format, width, scale, error))
        return FALSE;
    }

  csv = uc_chart_spec_to_pack_csv (spec);
  if (!uc_safe_file_set_contents (csv_path, csv_name, csv, strlen (csv), error))
    return FALSE;
  json = uc_chart_spec_to_pack_json (spec, width, height, scale, listed);
  return uc_safe_file_set_contents (json_path, json_name, json, strlen (json), error) &&
         uc_safe_dir_commit (out, error);
}
