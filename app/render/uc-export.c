/* uc-export.c: writing a chart to PNG, SVG or PDF
 *
 * The file is written under a temporary name in the target's folder and
 * renamed over the target only once complete, so a failure never leaves a
 * half-written file behind, nor destroys the one that was there.
 */
#include "uc-export.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "uc-chart.h"

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
                   "%s: unknown file type (use .png, .svg or .pdf)", path);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
render (UcChartSpec        *spec,
        const UcChartTheme *theme,
        UcExportFormat      format,
        int                 width,
        int                 height,
        double              scale,
        Sink               *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  switch (format)
    {
    case UC_EXPORT_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width * scale), (int) ceil (height * scale));
      break;
    case UC_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (write_to_fd, sink, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
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
  if (format != UC_EXPORT_SVG)
    cairo_scale (cr, scale, scale);
  uc_chart_draw (cr, spec, theme, width, height, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == UC_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_to_fd, sink);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  return status;
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
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_path = NULL;
  cairo_status_t status;
  Sink sink = { -1, 0 };

  g_return_val_if_fail (UC_IS_CHART_SPEC (spec), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (width < 16 || height < 16 || !(scale > 0) || (gint64) (width * scale) * (gint64) (height * scale) > MAX_PIXELS)
    {
      g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE,
                   "%s: size %d×%d at scale %g is out of range", path, width, height, scale);
      return FALSE;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_path = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  sink.fd = g_mkstemp_full (tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: cannot write in this folder: %s", path, g_strerror (saved));
      return FALSE;
    }

  status = render (spec, theme, format, width, height, scale, &sink);

  if (status == CAIRO_STATUS_SUCCESS && fsync (sink.fd) != 0)
    sink.saved_errno = errno, status = CAIRO_STATUS_WRITE_ERROR;
  if (close (sink.fd) != 0 && status == CAIRO_STATUS_SUCCESS)
    sink.saved_errno = errno, status = CAIRO_STATUS_WRITE_ERROR;

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (tmp_path);
      if (sink.saved_errno != 0)
        g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.saved_errno),
                     "%s: %s", path, g_strerror (sink.saved_errno));
      else
        g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_DRAW,
                     "%s: %s", path, cairo_status_to_string (status));
      return FALSE;
    }

  if (g_rename (tmp_path, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
