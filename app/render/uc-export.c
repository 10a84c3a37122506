/* uc-export.c: writing a chart to PNG, SVG or PDF
 *
 * Files go through UcSafeFile: written unnamed beside the target and put
 * in place only once complete, so a failure or a kill never leaves a
 * half-written file, nor destroys the one that was there; and nothing but
 * a regular file is ever replaced. A report pack is written as a folder and
 * swapped in whole.
 */
#include "uc-export.h"

#include <errno.h>
#include <math.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "config.h"

#include "uc-chart.h"
#include "uc-column-alloc.h"
#include "uc-json-writer.h"
#include "uc-png-writer.h"
#include "uc-safe-file.h"

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

static gboolean
png_write_cb (const guint8 *data,
              gsize         length,
              gpointer      user_data)
{
  Sink *sink = user_data;

  return write_to_fd (sink, data, (unsigned int) length) == CAIRO_STATUS_SUCCESS;
}

static const cairo_user_data_key_t pixels_key;

/* @n charts one under the other, chart i @heights[i] tall. */
static cairo_status_t
render (UcChartSpec       **specs,
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
  uc_chart_draw_stack (cr, specs, heights, n, theme, width);
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
                       "%s: a chart %d pixels tall is too small", name, heights[i]);
          return FALSE;
        }
      height += heights[i];
    }
  if (width < 16 || height < 16 || !(scale > 0) || (gint64) (width * scale) * (gint64) (height * scale) > MAX_PIXELS)
    {
      g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE,
                   "%s: size %d×%d at scale %g is out of range", name, width, height, scale);
      return FALSE;
    }
  *height_out = height;
  return TRUE;
}

static gboolean
render_to_fd (UcChartSpec        **specs,
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
  cairo_status_t status = render (specs, heights, n, theme, format, width, height, scale, &sink);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  if (sink.saved_errno != 0)
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (sink.saved_errno),
                 "%s: %s", name, g_strerror (sink.saved_errno));
  else if (status == CAIRO_STATUS_NO_MEMORY && format == UC_EXPORT_PNG)
    g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE, "%s: not enough memory for an image of %.0f × %.0f pixels",
                 name, ceil (width * scale), ceil (height * scale));
  else if (status == CAIRO_STATUS_INVALID_SIZE && format == UC_EXPORT_PNG)
    g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_SIZE, "%s: an image of %.0f × %.0f pixels is more than 32767 a side",
                 name, ceil (width * scale), ceil (height * scale));
  else
    g_set_error (error, UC_EXPORT_ERROR, UC_EXPORT_ERROR_DRAW, "%s: %s", name, cairo_status_to_string (status));
  return FALSE;
}

/* To @path, named @name in messages. */
static gboolean
export_to_path (UcChartSpec        **specs,
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
         render_to_fd (specs, heights, n, theme, format, width, height, scale, uc_safe_file_get_fd (file), name, error) &&
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
  return uc_export_charts (&spec, &height, 1, theme, path, format, width, scale, error);
}

/* Several charts in one file, one under the other, chart i @heights[i]
 * pixels tall: a view of several charts as the window shows it. What is at
 * @path is replaced only if it is a regular file the user may write (or a
 * symbolic link to one: then its target is), keeping its mode. */
gboolean
uc_export_charts (UcChartSpec        **specs,
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

  return export_to_path (specs, heights, n, theme, path, path, format, width, scale, error);
}

/* The same, written to an open file descriptor (standard output), named
 * @name in messages. */
gboolean
uc_export_charts_to_fd (UcChartSpec        **specs,
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
         render_to_fd (specs, heights, n, theme, format, width, height, scale, fd, name, error);
}

/* SHA-256 of a provenance location: a resource:// URI or a regular file.
 * Anything else (a pipe, a device) is not opened: it could block, and
 * reading it again would not give the bytes the chart was drawn from. A
 * reader that hashes what it reads sets the checksum instead. */
static char *
checksum_location (const char *location)
{
  g_autoptr(GChecksum) checksum = NULL;

  if (location == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  if (g_str_has_prefix (location, "resource://"))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (location + strlen ("resource://"), 0, NULL);
      gsize size;
      const guint8 *data;

      if (bytes == NULL)
        return NULL;
      data = g_bytes_get_data (bytes, &size);
      g_checksum_update (checksum, data, size);
    }
  else
    {
      guint8 buffer[64 * 1024];
      struct stat st;
      ssize_t n;
      int fd = open (location, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

      if (fd < 0)
        return NULL;
      if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
        {
          close (fd);
          return NULL;
        }
      while ((n = read (fd, buffer, sizeof buffer)) != 0)
        {
          if (n < 0 && errno == EINTR)
            continue;
          if (n < 0)
            break;
          g_checksum_update (checksum, buffer, n);
        }
      close (fd);
      if (n < 0)
        return NULL;
    }
  return g_strdup (g_checksum_get_string (checksum));
}

static char *
format_time (UcTime t)
{
  int y, m, d;

  uc_time_to_ymd (t, &y, &m, &d);
  if (t % UC_USEC_PER_DAY == 0)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  {
    gint64 secs = (t - uc_time_from_ymd (y, m, d)) / G_USEC_PER_SEC;
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
                            (int) (secs / 3600), (int) (secs / 60 % 60), (int) (secs % 60));
  }
}

/* An x value as the pack writes it: a date (with its time when it has
 * one), or on a number axis the number, as short as reads back exactly. */
static char *
format_x (UcChartSpec *spec,
          UcTime       x)
{
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    return uc_format_double_shortest (uc_x_to_number (x));
  return format_time (x);
}

static void
csv_field (GString    *out,
           const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
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
  static const char * const pack_files[] = { "chart.png", "chart.svg", "chart.pdf", "data.csv", "chart.json", NULL };
  g_autoptr(GString) csv = g_string_new ("series,date,value\n");
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autoptr(UcSafeDir) out = NULL;
  g_autofree char *json = NULL;
  g_autofree char *csv_path = NULL, *csv_name = g_build_filename (dir, "data.csv", NULL);
  g_autofree char *json_path = NULL, *json_name = g_build_filename (dir, "chart.json", NULL);
  gboolean labels = FALSE;
  UcTime from, to;

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
      if (!export_to_path (&spec, &height, 1, theme, path, name, format, width, scale, error))
        return FALSE;
    }

  /* Exactly the points drawn; for an event lane chart, the events shown. */
  uc_chart_spec_get_range (spec, &from, &to);
  if (uc_chart_spec_get_kind (spec) == UC_CHART_LANES)
    {
      g_string_assign (csv, "date,end,title,category,lane,hollow\n");
      for (guint e = 0; e < uc_chart_spec_get_n_events (spec); e++)
        {
          UcEvent *event = uc_chart_spec_get_event (spec, e);
          UcTime end = uc_event_get_end (event);
          g_autofree char *date = format_time (uc_event_get_time (event));
          g_autofree char *end_date = end ? format_time (end) : g_strdup ("");

          if ((end ? end : uc_event_get_time (event)) < from || uc_event_get_time (event) > to)
            continue;
          g_string_append_printf (csv, "%s,%s,", date, end_date);
          csv_field (csv, uc_event_get_title (event));
          g_string_append_printf (csv, ",%s,", uc_event_category_to_string (uc_event_get_category (event)));
          csv_field (csv, uc_event_get_lane (event) ? uc_event_get_lane (event) : "");
          g_string_append (csv, uc_event_get_hollow (event) ? ",yes\n" : ",no\n");
        }
    }
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    labels = labels || uc_series_has_point_labels (uc_chart_spec_get_series (spec, s));
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    g_string_assign (csv, labels ? "series,x,value,label\n" : "series,x,value\n");
  else if (labels)
    g_string_assign (csv, "series,date,value,label\n");
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      const UcTime *x = uc_series_get_x (series);
      const double *y = uc_series_get_y (series);
      int i = uc_series_find_before (series, from);
      int n = (int) uc_series_get_length (series);
      int last = uc_series_find_before (series, to);
      gboolean joined = uc_chart_spec_get_kind (spec) != UC_CHART_SCATTER && uc_chart_spec_get_kind (spec) != UC_CHART_BARS;

      /* A line entering or leaving the range is drawn from the points just
       * outside it: those go in too, so the pack redraws the same picture. */
      if (i < 0 || (x[i] < from && !joined))
        i++;
      if (last < n - 1 && joined)
        last++;
      for (i = MAX (i, 0); i <= last && i < n; i++)
        {
          g_autofree char *date = format_x (spec, x[i]);
          g_autofree char *value = isnan (y[i]) ? g_strdup ("") : uc_format_double_shortest (y[i]);

          csv_field (csv, uc_series_get_label (series));
          g_string_append_printf (csv, ",%s,%s", date, value);
          if (labels)
            {
              g_string_append_c (csv, ',');
              csv_field (csv, uc_series_get_point_label (series, i) ? uc_series_get_point_label (series, i) : "");
            }
          g_string_append_c (csv, '\n');
        }
    }
  if (!uc_safe_file_set_contents (csv_path, csv_name, csv->str, csv->len, error))
    return FALSE;

  uc_json_begin_object (w);
  uc_json_key (w, "generator"); uc_json_string (w, "Undercut " PACKAGE_VERSION);
  uc_json_key (w, "title"); uc_json_string (w, uc_chart_spec_get_title (spec));
  uc_json_key (w, "subtitle"); uc_json_string (w, uc_chart_spec_get_subtitle (spec));
  uc_json_key (w, "x_title"); uc_json_string (w, uc_chart_spec_get_x_title (spec));
  uc_json_key (w, "y_title"); uc_json_string (w, uc_chart_spec_get_y_title (spec));
  uc_json_key (w, "kind"); uc_json_string (w, uc_chart_kind_to_string (uc_chart_spec_get_kind (spec)));
  uc_json_key (w, "legend"); uc_json_string (w, uc_legend_position_to_string (uc_chart_spec_get_legend_position (spec)));
  uc_json_key (w, "stacked"); uc_json_bool (w, uc_chart_spec_get_stacked (spec));
  uc_json_key (w, "log_scale"); uc_json_bool (w, uc_chart_spec_get_log_scale (spec));
  uc_json_key (w, "value_format"); uc_json_string (w, uc_value_format_to_string (uc_chart_spec_get_value_format (spec)));
  /* Only a number axis says so: a time chart's chart.json is as it was. */
  if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    {
      uc_json_key (w, "x");
      uc_json_begin_object (w);
      uc_json_key (w, "kind"); uc_json_string (w, uc_x_kind_to_string (UC_X_NUMBER));
      uc_json_key (w, "unit"); uc_json_string (w, uc_chart_spec_get_x_unit (spec));
      uc_json_end_object (w);
      uc_json_key (w, "from"); uc_json_number (w, uc_x_to_number (from));
      uc_json_key (w, "to"); uc_json_number (w, uc_x_to_number (to));
    }
  else
    {
      g_autofree char *a = format_time (from), *b = format_time (to);

      uc_json_key (w, "from"); uc_json_string (w, a);
      uc_json_key (w, "to"); uc_json_string (w, b);
    }
  uc_json_key (w, "width"); uc_json_int (w, width);
  uc_json_key (w, "height"); uc_json_int (w, height);
  uc_json_key (w, "scale"); uc_json_number (w, scale);
  uc_json_key (w, "series");
  uc_json_begin_array (w);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);

      uc_json_begin_object (w);
      uc_json_key (w, "id"); uc_json_string (w, uc_series_get_id (series));
      uc_json_key (w, "label"); uc_json_string (w, uc_series_get_label (series));
      uc_json_key (w, "emphasis"); uc_json_bool (w, uc_series_get_emphasis (series));
      uc_json_key (w, "axis"); uc_json_string (w, uc_series_get_right_axis (series) ? "right" : "left");
      /* Written only when set, so charts without one keep their files. */
      if (uc_series_get_color (series) == UC_SERIES_COLOR_FOREGROUND)
        {
          uc_json_key (w, "color"); uc_json_string (w, "foreground");
        }
      else if (uc_series_get_color (series) >= 0)
        {
          uc_json_key (w, "color"); uc_json_int (w, uc_series_get_color (series));
        }
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_key (w, "events");
  uc_json_begin_array (w);
  for (guint e = 0; e < uc_chart_spec_get_n_events (spec); e++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, e);
      g_autofree char *date = format_time (uc_event_get_time (event));

      /* A span counts when any part of it is shown. */
      if ((uc_event_get_end (event) ? uc_event_get_end (event) : uc_event_get_time (event)) < from ||
          uc_event_get_time (event) > to)
        continue;
      uc_json_begin_object (w);
      uc_json_key (w, "date"); uc_json_string (w, date);
      uc_json_key (w, "title"); uc_json_string (w, uc_event_get_title (event));
      uc_json_key (w, "category"); uc_json_string (w, uc_event_category_to_string (uc_event_get_category (event)));
      if (uc_event_get_end (event) > uc_event_get_time (event))
        {
          g_autofree char *end = format_time (uc_event_get_end (event));

          uc_json_key (w, "end"); uc_json_string (w, end);
        }
      uc_json_key (w, "label"); uc_json_string (w, uc_event_get_label (event));
      if (uc_event_get_lane (event))
        {
          uc_json_key (w, "lane"); uc_json_string (w, uc_event_get_lane (event));
        }
      if (uc_event_get_hollow (event))
        {
          uc_json_key (w, "hollow"); uc_json_bool (w, TRUE);
        }
      if (uc_event_get_description (event))
        {
          uc_json_key (w, "description"); uc_json_string (w, uc_event_get_description (event));
        }
      uc_json_key (w, "source_url"); uc_json_string (w, uc_event_get_source_url (event));
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_key (w, "source"); uc_json_string (w, uc_chart_spec_get_source (spec));
  uc_json_key (w, "note"); uc_json_string (w, uc_chart_spec_get_note (spec));
  uc_json_key (w, "inputs");
  uc_json_begin_array (w);
  for (guint i = 0; i < uc_chart_spec_get_n_provenance (spec); i++)
    {
      const UcProvenance *p = uc_chart_spec_get_provenance (spec, i);
      g_autofree char *sha = p->sha256 ? g_strdup (p->sha256) : checksum_location (p->location);

      uc_json_begin_object (w);
      uc_json_key (w, "name"); uc_json_string (w, p->name);
      uc_json_key (w, "source"); uc_json_string (w, p->source);
      uc_json_key (w, p->date_kind ? p->date_kind : "date"); uc_json_string (w, p->date);
      uc_json_key (w, "sha256"); uc_json_string (w, sha);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_key (w, "files");
  uc_json_begin_array (w);
  for (guint i = 0; i < G_N_ELEMENTS (images); i++)
    uc_json_string (w, images[i]);
  uc_json_string (w, "data.csv");
  uc_json_end_array (w);
  uc_json_end_object (w);
  json = uc_json_writer_steal (w);
  {
    g_autofree char *with_newline = g_strconcat (json, "\n", NULL);

    return uc_safe_file_set_contents (json_path, json_name, with_newline, strlen (with_newline), error) &&
           uc_safe_dir_commit (out, error);
  }
}
