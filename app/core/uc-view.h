/* uc-view.h: a dashboard view read from a JSON file: one or more charts
 *
 * Views live in data/views/, one JSON file each (compiled into the
 * GResource); a new view
 * is a new file, not new code. Each chart names an embedded dataset and how
 * to turn it into series, events or lanes; see data/views/README.md.
 *
 * A view is made in steps: the file is parsed (uc_view_parse()), which
 * says the datasets it needs (uc_view_get_datasets()); they are loaded
 * through a catalog (uc_view_load_data_async()); then the charts are
 * built (uc_view_build_charts()). uc_view_new_from_bytes() and
 * uc_view_load() do all three, blocking, for the command line.
 */
#pragma once

#include <gio/gio.h>

#include "uc-catalog.h"
#include "uc-chart-spec.h"
#include "uc-view-error.h"

G_BEGIN_DECLS

#define UC_TYPE_VIEW (uc_view_get_type ())
G_DECLARE_FINAL_TYPE (UcView, uc_view, UC, VIEW, GObject)

UcView      *uc_view_parse           (GBytes      *json,
                                      const char  *name,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
UcView      *uc_view_parse_file      (GFile       *file,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
UcView      *uc_view_new_for_chart   (const char  *id,
                                      const char  *title,
                                      UcChartSpec *chart) G_GNUC_WARN_UNUSED_RESULT;
const char * const *uc_view_get_datasets (UcView *self);
gboolean     uc_view_needs_loading   (UcView      *self,
                                      UcCatalog   *catalog);
gboolean     uc_view_load_data       (UcView      *self,
                                      UcCatalog   *catalog,
                                      GCancellable *cancellable,
                                      GError     **error);
void         uc_view_load_data_async (UcView      *self,
                                      UcCatalog   *catalog,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer     user_data);
gboolean     uc_view_load_data_finish (UcView     *self,
                                       GAsyncResult *result,
                                       GError    **error);
gboolean     uc_view_build_charts    (UcView      *self,
                                      GError     **error);
UcView      *uc_view_new_from_bytes  (GBytes      *json,
                                      const char  *name,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
UcView      *uc_view_load            (const char  *id,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_view_build           (const char  *id,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
const char  *uc_view_get_id          (UcView      *self);
const char  *uc_view_get_title       (UcView      *self);
const char  *uc_view_get_description (UcView      *self);
guint        uc_view_get_n_charts    (UcView      *self);
UcChartSpec *uc_view_get_chart       (UcView      *self,
                                      guint        index);
gboolean     uc_view_get_time_range  (UcView      *self,
                                      UcTime      *from,
                                      UcTime      *to);
UcChartSpec *uc_view_filter_chart    (UcView      *self,
                                      guint        index,
                                      const char  *filter,
                                      GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_view_get_chart_compact (UcView    *self,
                                        guint      index);
void         uc_view_split_height    (UcView      *self,
                                      int          total,
                                      int         *heights);
guint        uc_view_get_n_variants  (UcView      *self);
const char  *uc_view_get_variants_label (UcView   *self);
const char  *uc_view_get_variant_id  (UcView      *self,
                                      guint        index);
const char  *uc_view_get_variant_label (UcView    *self,
                                        guint      index);
guint        uc_view_get_variant     (UcView      *self);
gboolean     uc_view_set_variant     (UcView      *self,
                                      const char  *id,
                                      GError     **error);
gboolean     uc_view_can_pick        (UcView      *self,
                                      guint        chart);
GListModel  *uc_view_list_choices    (UcView      *self,
                                      guint        chart) G_GNUC_WARN_UNUSED_RESULT;
const char * const *uc_view_get_picked (UcView    *self,
                                        guint      chart);
gboolean     uc_view_set_picked      (UcView      *self,
                                      guint        chart,
                                      const char * const *ids,
                                      GError     **error);
gboolean     uc_view_get_event_list  (UcView      *self);
gboolean     uc_view_get_event_filter (UcView     *self);

G_END_DECLS
