/* uc-chart-view.h: a widget that shows one chart specification */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart.h"
#include "uc-chart-options.h"
#include "uc-crosshair-link.h"
#include "uc-time-range.h"

G_BEGIN_DECLS

/* What the chart keys ask (+, -, 0, Home, End, Page Up, Page Down, Left,
 * Right), from the chart's own keys or the window's chart.* actions. */
typedef enum
{
  UC_CHART_ZOOM_IN,
  UC_CHART_ZOOM_OUT,
  UC_CHART_RESET_ZOOM,
  UC_CHART_FIRST_DAY,
  UC_CHART_LAST_DAY,
  UC_CHART_PAGE_BACK,
  UC_CHART_PAGE_ON,
  UC_CHART_STEP_BACK,
  UC_CHART_STEP_ON,
  UC_CHART_HIDE_CROSSHAIR,
} UcChartCommand;

#define UC_TYPE_CHART_VIEW (uc_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (UcChartView, uc_chart_view, UC, CHART_VIEW, GtkWidget)

GtkWidget   *uc_chart_view_new            (void);
GdkTexture  *uc_chart_view_draw_texture   (UcChartSpec        *spec,
                                           const UcChartDrawOptions *options,
                                           const UcChartTheme *theme,
                                           int                 width,
                                           int                 height,
                                           double              scale,
                                           UcChartLayout      *layout) G_GNUC_WARN_UNUSED_RESULT;
GdkTexture  *uc_chart_view_draw_stack_texture (UcChartSpec       **specs,
                                               const UcChartDrawOptions *options,
                                               const int          *heights,
                                               guint               n,
                                               const UcChartTheme *theme,
                                               int                 width,
                                               double              scale) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_chart_view_get_spec       (UcChartView   *self);
UcChartSpec *uc_chart_view_get_shown_spec (UcChartView   *self);
void         uc_chart_view_set_spec       (UcChartView   *self,
                                           UcChartSpec   *spec);
void         uc_chart_view_set_frame_spec (UcChartView   *self,
                                           UcChartSpec   *spec);
guint        uc_chart_view_get_draw_count (UcChartView   *self);
UcTimeRange *uc_chart_view_get_time_range (UcChartView   *self);
void         uc_chart_view_set_time_range (UcChartView   *self,
                                           UcTimeRange   *range);
void         uc_chart_view_reset_range    (UcChartView   *self);
gboolean     uc_chart_view_can_transform  (UcChartView   *self);
gboolean     uc_chart_view_can_take_transform (UcChartView *self);
UcTime       uc_chart_view_get_own_base   (UcChartView   *self);
void         uc_chart_view_toggle_series  (UcChartView   *self,
                                           guint          index);
void         uc_chart_view_isolate_series (UcChartView  *self,
                                           guint         index);
void         uc_chart_view_set_options    (UcChartView          *self,
                                           const UcChartOptions *options);
const UcChartOptions *uc_chart_view_get_options (UcChartView *self);
UcChartDrawOptions uc_chart_view_get_export_options (UcChartView *self);
void         uc_chart_view_set_values_fixed (UcChartView *self,
                                             gboolean     fixed);
void         uc_chart_view_set_event_filter (UcChartView *self,
                                             const char  *filter);
void         uc_chart_view_set_crosshair  (UcChartView   *self,
                                           gboolean       shown,
                                           UcTime         t);
void         uc_chart_view_set_exact_values (UcChartView  *self,
                                             UcTime        t,
                                             const double *values,
                                             guint         n);
gboolean     uc_chart_view_get_crosshair  (UcChartView   *self,
                                           UcTime        *t);
UcCrosshairLink *uc_chart_view_get_crosshair_link (UcChartView *self);
void         uc_chart_view_set_crosshair_link (UcChartView     *self,
                                               UcCrosshairLink *link);
gboolean     uc_chart_view_get_linked_day (UcChartView   *self,
                                           UcTime        *day);
char        *uc_chart_view_get_values_text (UcChartView  *self,
                                            UcTime        day) G_GNUC_WARN_UNUSED_RESULT;
char        *uc_chart_view_get_crosshair_label (UcChartView *self) G_GNUC_WARN_UNUSED_RESULT;
char        *uc_chart_view_get_crosshair_card  (UcChartView *self) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_chart_view_get_axis_tags  (UcChartView   *self,
                                           char         **time,
                                           char         **value);
gboolean     uc_chart_view_run_command    (UcChartView   *self,
                                           UcChartCommand command);
int          uc_chart_command_for_key     (guint          keyval);
gboolean     uc_chart_view_get_layout     (UcChartView   *self,
                                           UcChartLayout *layout);
gboolean     uc_chart_view_get_natural_insets (UcChartView *self,
                                               double      *left,
                                               double      *right);
void         uc_chart_view_set_show_source (UcChartView *self,
                                            gboolean     show);
gboolean     uc_chart_view_get_show_source (UcChartView *self);
void         uc_chart_view_set_plot_insets (UcChartView  *self,
                                            double        left,
                                            double        right);
double       uc_chart_view_get_font_px    (UcChartView   *self);
double       uc_chart_view_get_caption_px (UcChartView   *self);
void         uc_chart_view_set_font_px    (UcChartView   *self,
                                           double         px);

G_END_DECLS
