/* uc-chart-view-private.h: what the files of UcChartView share
 *
 * UcChartView is one type in several files, each about one thing:
 *   uc-chart-view.c            the class, its properties, the spec as the
 *                              options ask, and the chart drawn to pixels
 *   uc-chart-view-input.c      pointer, keys and gestures: zoom, pan, select,
 *                              legend clicks
 *   uc-chart-view-crosshair.c  the crosshair: where it goes, its heading, and
 *                              its line and card over the chart
 *   uc-chart-view-tags.c       its tags on the axes, and the text layouts
 *                              kept between pointer moves
 *   uc-chart-view-linked.c     another chart's day (the crosshair link's)
 *                              marked with this chart's values
 *   uc-chart-view-events.c     event markers and lane dots: the popover of a
 *                              marker clicked, the card of a dot pointed at
 * Only those files include this header.
 */
#pragma once

#include <gtk/gtk.h>

#include "uc-chart.h"
#include "uc-chart-options.h"
#include "uc-crosshair-link.h"
#include "uc-quick-text.h"
#include "uc-time-range.h"

G_BEGIN_DECLS

/* The type is declared by uc-chart-view.h, which this header does not
 * include: the two would then include each other, and the layering
 * checks count that as a circle. */
typedef struct _UcChartView UcChartView;
typedef struct _UcCrossCard UcCrossCard;

/* The room around a card's text (the crosshair's, a lane dot's). */
#define _UC_CHART_VIEW_CARD_PAD 8
/* The room around a tag's text, on the axes and beside a linked chart's values. */
#define _UC_CHART_VIEW_TAG_PAD 3

struct _UcChartView
{
  GtkWidget      parent_instance;

  /* owned */
  UcChartSpec   *spec;
  UcTimeRange   *time_range;
  UcChartSpec   *shown;        /* spec as the options ask, made on demand */
  UcChartOptions options;      /* what the window asks (its range: the time range's) */
  UcChartDrawOptions draw;     /* the legend entry pointed at, a value axis held */
  double             told_left, told_right;   /* the natural insets last announced */
  guint              insets_idle;  /* announcing them after the frame */
  guint              drawn_idle;   /* saying the chart was drawn anew, after the frame */
  guint              describe_id;  /* the chart in words, once it settles */
  double             font_px;      /* the text size asked for; 0: the desktop's */
  double             desktop_px;   /* the desktop's, once read (GtkSettings); 0 before */
  double             desktop_caption_px;   /* and its caption size */

  /* state */
  UcChartLayout  layout;
  guint          draw_count;
  gboolean       has_layout;
  double         pointer_x;
  UcTime         drag_from, drag_to;

  /* The drawn chart, kept while only the crosshair moves: its pixels,
   * and a texture of them made for GL renderers. */
  cairo_surface_t *pixels;
  GdkTexture      *texture;
  int              texture_width, texture_height;
  double           texture_scale;
  /* Pixels drawn before, kept to draw into again: a fresh 1920×1080
   * surface costs two thousand page faults and the kernel zeroing 8 MB.
   * Two, as a frame's texture may still be on screen while the next is
   * drawn. */
  cairo_surface_t *spare[2];

  /* The crosshair: at the date with data nearest the pointer or the keys. */
  gboolean       has_cross;
  UcTime         cross_time;
  double         pointer_y;        /* where the pointer is, for the value axis's tag */
  /* Each series' value at exact_time as its source has it (a remote
   * table's row at or before then), when the drawn points are columns'
   * extremes: NaN for none. */
  gboolean       has_exact;
  UcTime         exact_time;
  GArray        *exact_values;
  gboolean       pointer_in_plot;

  /* The day another chart of the view points at, told by the link they
   * share: this chart marks it with its own values. */
  UcCrosshairLink *crosshair_link;
  gboolean       has_linked;
  UcTime         linked_time;
  PangoLayout   *card_layout;      /* the card shown (the crosshair's or a lane dot's) */
  char          *card_markup;      /* ...and its text */
  UcCrossCard   *cross_card;       /* the crosshair's card, in columns */
  GPtrArray     *tag_layouts;      /* UcQuickText: the tags' and linked values' text, kept between moves */
  UcQuickFont   *tag_font;         /* ...in the axis labels' font */

  GtkWidget     *event_popover;
  int            hover_mark;   /* lane charts: the dot under the pointer, or -1 */

  /* A press that may be a click on an event line: where, until released. */
  gboolean       click_pending;
  double         press_x, press_y;

  /* Shift-drag: a stretch of time being selected, in widget x. */
  gboolean       selecting;
  double         select_x0, select_x1;
};

/* uc-chart-view.c */
UcChartSpec *_uc_chart_view_shown_spec        (UcChartView        *self);
void         _uc_chart_view_invalidate        (UcChartView        *self);
void         _uc_chart_view_describe_card     (UcChartView        *self);
void         _uc_chart_view_describe_later    (UcChartView        *self);

/* uc-chart-view-input.c */
void         _uc_chart_view_init_input        (UcChartView        *self);

/* uc-chart-view-crosshair.c */
double       _uc_chart_view_exact_value       (UcChartView        *self,
                                               guint               series);
gboolean     _uc_chart_view_nearest_time      (UcChartView        *self,
                                               UcTime              t,
                                               UcTime             *found);
void         _uc_chart_view_set_cross         (UcChartView        *self,
                                               gboolean            shown,
                                               UcTime              t);
void         _uc_chart_view_snapshot_crosshair (UcChartView       *self,
                                                GtkSnapshot       *snapshot,
                                                const UcChartTheme *theme,
                                                int                width);
gboolean     _uc_chart_view_on_time           (UcChartView        *self);
void         _uc_chart_view_snapshot_line     (UcChartView        *self,
                                               GtkSnapshot        *snapshot,
                                               const UcChartTheme *theme,
                                               double              x);
void         _uc_chart_view_snapshot_dot      (GtkSnapshot        *snapshot,
                                               const UcColor      *color,
                                               double              x,
                                               double              y,
                                               double              radius);
double       _uc_chart_view_stacked_top       (UcChartSpec        *spec,
                                               UcTime              t,
                                               guint               s,
                                               double              v);

/* uc-chart-view-tags.c */
UcQuickText *_uc_chart_view_text_layout       (UcChartView        *self,
                                               const UcChartTheme *theme,
                                               guint               index,
                                               const char         *text);
void         _uc_chart_view_snapshot_text     (GtkSnapshot        *snapshot,
                                               UcQuickText        *text,
                                               const UcColor      *color,
                                               double              x,
                                               double              y);
void         _uc_chart_view_snapshot_axis_tags (UcChartView       *self,
                                                GtkSnapshot       *snapshot,
                                                const UcChartTheme *theme,
                                                double             x,
                                                int                width);

/* uc-chart-view-linked.c */
void         _uc_chart_view_link_changed      (UcChartView        *self);
void         _uc_chart_view_snapshot_linked   (UcChartView        *self,
                                               GtkSnapshot        *snapshot,
                                               const UcChartTheme *theme);
PangoLayout *_uc_chart_view_card_layout       (UcChartView        *self,
                                               const char         *markup,
                                               double             *width,
                                               double             *height);
void         _uc_chart_view_snapshot_card_box (GtkSnapshot        *snapshot,
                                               const UcChartTheme *theme,
                                               double              x,
                                               double              y,
                                               double              width,
                                               double              height,
                                               double              border_alpha);
void         _uc_chart_view_snapshot_card     (GtkSnapshot        *snapshot,
                                               const UcChartTheme *theme,
                                               PangoLayout        *layout,
                                               double              x,
                                               double              y,
                                               double              border_alpha);

/* uc-chart-view-card.c */
UcCrossCard *_uc_cross_card_new               (GtkWidget          *widget);
void         _uc_cross_card_free              (UcCrossCard        *card);
void         _uc_cross_card_begin             (UcCrossCard        *card,
                                               const char         *heading);
void         _uc_cross_card_add_row           (UcCrossCard        *card,
                                               const UcColor      *color,
                                               const char         *name,
                                               const char         *value);
void         _uc_cross_card_set_changes       (UcCrossCard        *card,
                                               const char         *day,
                                               const char         *since);
void         _uc_cross_card_add_footer        (UcCrossCard        *card,
                                               const char         *markup);
void         _uc_cross_card_snapshot          (UcCrossCard        *card,
                                               GtkWidget          *widget,
                                               GtkSnapshot        *snapshot,
                                               const UcChartTheme *theme,
                                               double              x,
                                               double              top,
                                               int                 width);

/* uc-chart-view-events.c */
void         _uc_chart_view_class_init_events (GObjectClass       *object_class);
void         _uc_chart_view_mark_days         (UcChartView        *self,
                                               UcTime              from,
                                               UcTime              to,
                                               gboolean            add);
void         _uc_chart_view_click_event       (UcChartView        *self,
                                               double              x,
                                               double              y);
gboolean     _uc_chart_view_hover_mark        (UcChartView        *self,
                                               double              x,
                                               double              y);
void         _uc_chart_view_snapshot_mark_card (UcChartView       *self,
                                                GtkSnapshot       *snapshot,
                                                const UcChartTheme *theme,
                                                int                width);

G_END_DECLS
