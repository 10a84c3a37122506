/* uc-export.h: writing a chart to PNG, SVG or PDF */
#pragma once

#include <gio/gio.h>

#include "uc-chart.h"
#include "uc-chart-spec.h"
#include "uc-chart-theme.h"

G_BEGIN_DECLS

typedef enum
{
  UC_EXPORT_PNG,
  UC_EXPORT_SVG,
  UC_EXPORT_PDF,
} UcExportFormat;

#define UC_EXPORT_ERROR (uc_export_error_quark ())

typedef enum
{
  UC_EXPORT_ERROR_FORMAT,
  UC_EXPORT_ERROR_SIZE,
  UC_EXPORT_ERROR_DRAW,
} UcExportError;

GQuark   uc_export_error_quark       (void);
gboolean uc_export_format_from_path  (const char          *path,
                                      UcExportFormat      *format,
                                      GError             **error);
gboolean uc_export_chart             (UcChartSpec         *spec,
                                      const UcChartTheme  *theme,
                                      const char          *path,
                                      UcExportFormat       format,
                                      int                  width,
                                      int                  height,
                                      double               scale,
                                      GError             **error);

gboolean uc_export_charts            (UcChartSpec        **specs,
                                      const UcChartDrawOptions *options,
                                      const int           *heights,
                                      guint                n,
                                      const UcChartTheme  *theme,
                                      const char          *path,
                                      UcExportFormat       format,
                                      int                  width,
                                      double               scale,
                                      GError             **error);

gboolean uc_export_charts_to_fd      (UcChartSpec        **specs,
                                      const UcChartDrawOptions *options,
                                      const int           *heights,
                                      guint                n,
                                      const UcChartTheme  *theme,
                                      int                  fd,
                                      const char          *name,
                                      UcExportFormat       format,
                                      int                  width,
                                      double               scale,
                                      GError             **error);

gboolean uc_export_pack              (UcChartSpec         *spec,
                                      const UcChartTheme  *theme,
                                      const char          *dir,
                                      int                  width,
                                      int                  height,
                                      double               scale,
                                      GError             **error);

G_END_DECLS
