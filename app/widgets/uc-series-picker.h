/* uc-series-picker.h: the series a chart of a view shows, picked from
 * everything its dataset has, with a search */
#pragma once

#include <gtk/gtk.h>

#include "uc-view.h"

G_BEGIN_DECLS

#define UC_TYPE_SERIES_PICKER (uc_series_picker_get_type ())
G_DECLARE_FINAL_TYPE (UcSeriesPicker, uc_series_picker, UC, SERIES_PICKER, GtkPopover)

GtkWidget *uc_series_picker_new       (void);
void       uc_series_picker_set_view  (UcSeriesPicker *self,
                                       UcView         *view);
UcView    *uc_series_picker_get_view  (UcSeriesPicker *self);
gboolean   uc_series_picker_has_charts (UcSeriesPicker *self);
void       uc_series_picker_set_chart (UcSeriesPicker *self,
                                       guint           chart);

G_END_DECLS
