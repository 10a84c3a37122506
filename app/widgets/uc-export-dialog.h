/* uc-export-dialog.h: the Export dialog
 *
 * The charts of a view, as shown, to a PNG, SVG or PDF file: its format,
 * a size (a preset, the charts' size on screen, or any width × height),
 * a scale for PNG, a theme (as the window, light or dark) and a preview;
 * Export… asks for the file, in the folder of the last export. What was
 * chosen is kept in the settings for next time.
 */
#pragma once

#include <adwaita.h>

#include "uc-chart.h"
#include "uc-export.h"

G_BEGIN_DECLS

/* Chart @index's spec made again for the export's size, before it is
 * drawn (a remote table asked again at the export's own pixel columns);
 * NULL with @error set when that fails. */
typedef UcChartSpec *(*UcExportRefine) (UcChartSpec              *spec,
                                        guint                     index,
                                        int                       width,
                                        int                       height,
                                        double                    scale,
                                        const UcChartDrawOptions *options,
                                        gpointer                  data,
                                        GError                  **error);

#define UC_TYPE_EXPORT_DIALOG (uc_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UcExportDialog, uc_export_dialog, UC, EXPORT_DIALOG, AdwWindow)

#define UC_EXPORT_DIALOG_MIN_SIZE 200
#define UC_EXPORT_DIALOG_MAX_SIZE 10000

UcExportDialog *uc_export_dialog_new         (GtkWindow                *parent,
                                              GSettings                *settings,
                                              const char               *name);
void            uc_export_dialog_set_charts  (UcExportDialog           *self,
                                              UcChartSpec             **specs,
                                              const UcChartDrawOptions *options,
                                              const gboolean           *short_charts,
                                              guint                     n,
                                              int                       screen_width,
                                              const int                *screen_heights);
void            uc_export_dialog_set_refine  (UcExportDialog           *self,
                                              UcExportRefine            refine,
                                              gpointer                  data,
                                              GDestroyNotify            destroy);
void            uc_export_dialog_get_size    (UcExportDialog           *self,
                                              int                      *width,
                                              int                      *height,
                                              double                   *scale);
UcExportFormat  uc_export_dialog_get_format  (UcExportDialog           *self);
const UcChartTheme *uc_export_dialog_get_theme (UcExportDialog         *self);
GFile          *uc_export_dialog_get_folder  (UcExportDialog           *self) G_GNUC_WARN_UNUSED_RESULT;
GtkFileChooser *uc_export_dialog_get_chooser (UcExportDialog           *self);
void            uc_export_dialog_choose      (UcExportDialog           *self);
gboolean        uc_export_dialog_export_to   (UcExportDialog           *self,
                                              const char               *path,
                                              GError                  **error);

G_END_DECLS
