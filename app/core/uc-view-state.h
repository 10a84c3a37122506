/* uc-view-state.h: what a window shows, saved to reopen or draw again
 *
 * A view state is the view (by id), its variant, the days shown, the base
 * day, the value mode, log axis and transform, the event filter words and
 * the categories switched off, the series picked and hidden in each chart,
 * and the user's own events. It is written as a small JSON file ("format":
 * "undercut-view-state", "version": 1) that the window reopens and `undercut
 * export --spec` draws, and as a one-line link for chats and notes
 * ("undercut:view/ID?from=…"), which carries everything but the events.
 */
#pragma once

#include "uc-chart-options.h"
#include "uc-dataset.h"
#include "uc-view.h"

G_BEGIN_DECLS

#define UC_VIEW_STATE_FORMAT  "undercut-view-state"
#define UC_VIEW_STATE_VERSION 1
#define UC_VIEW_STATE_LINK_PREFIX "undercut:view/"

#define UC_VIEW_STATE_ERROR (uc_view_state_error_quark ())

typedef enum
{
  UC_VIEW_STATE_ERROR_SYNTAX,    /* not JSON, or not a view state; the message names file, line and column */
  UC_VIEW_STATE_ERROR_VERSION,   /* written by a later Undercut */
  UC_VIEW_STATE_ERROR_MEMBER,    /* a member of the wrong type or value; the message names it */
  UC_VIEW_STATE_ERROR_LINK,      /* a link that does not read; the message names the part */
} UcViewStateError;

GQuark uc_view_state_error_quark (void);

typedef struct
{
  char        *view;              /* a view's id, built-in or of the user's library */
  char        *variant;           /* NULL: the view's first */
  char       **datasets;          /* the datasets the view charts, by id (what a reader needs); may be NULL */

  gboolean     has_range;         /* FALSE: the view's own days */
  UcTime       from, to;          /* the days shown (time charts) */
  UcValueMode  value_mode;
  UcTime       base;              /* 0: the first day shown */
  int          log_scale;         /* 1, 0, or -1: each chart's own */
  UcTransform  transform;
  char        *filter;            /* event filter words; NULL or "": none */
  guint        hidden_categories; /* a bit per UcEventCategory switched off */

  /* Per chart of the view, in its order; an element NULL (or past the
   * array's end): the chart's own. */
  GPtrArray   *picked;            /* GStrv: the series ids picked */
  GPtrArray   *hidden;            /* GStrv: the series ids hidden (legend clicks) */

  UcDataset   *events;            /* the user's own events; NULL: none */
  char        *events_name;       /* what the source line calls them */
} UcViewState;

UcViewState *uc_view_state_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void         uc_view_state_free         (UcViewState        *self);

/* Per-chart lists; @ids NULL or empty sets the chart's own. */
void         uc_view_state_set_picked   (UcViewState        *self,
                                         guint               chart,
                                         const char * const *ids);
const char * const *uc_view_state_get_picked (const UcViewState *self,
                                              guint         chart);
void         uc_view_state_set_hidden   (UcViewState        *self,
                                         guint               chart,
                                         const char * const *ids);
const char * const *uc_view_state_get_hidden (const UcViewState *self,
                                              guint         chart);
/* How many charts have picks or hidden series of their own: past that,
 * every chart is the view's own. */
guint        uc_view_state_get_n_charts (const UcViewState  *self);

/* The JSON file. @name (a path or URI) is what errors name. */
GBytes      *uc_view_state_to_json      (const UcViewState  *self) G_GNUC_WARN_UNUSED_RESULT;
UcViewState *uc_view_state_parse        (GBytes             *json,
                                         const char         *name,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_view_state_looks_like   (GBytes             *json);
/* The same of a regular file's bytes (anything else: FALSE, unread). */
gboolean     uc_view_state_file_looks_like (GFile           *file);
UcViewState *uc_view_state_load         (GFile              *file,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Written to a temporary file beside @path, then renamed over it. */
gboolean     uc_view_state_save         (const UcViewState  *self,
                                         const char         *path,
                                         GError            **error);

/* The link: everything but the user's events. */
char        *uc_view_state_to_link      (const UcViewState  *self) G_GNUC_WARN_UNUSED_RESULT;
UcViewState *uc_view_state_from_link    (const char         *text,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_view_state_is_link      (const char         *text);

/* The view asked for, built: loaded (built-in or from the library), in
 * its variant, with the picks made; the error names what does not fit. */
UcView      *uc_view_state_load_view    (const UcViewState  *self,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* The state's modes, base day, categories, filter and events in
 * @options (which the caller has initialised). */
void         uc_view_state_fill_options (const UcViewState  *self,
                                         UcChartOptions     *options);
/* The charts of @view as the window shows them in this state: narrowed
 * by the filter words, the series hidden, on the state's days (the first
 * time chart's otherwise), the options applied where each fits. A
 * GPtrArray of UcChartSpec, ready for uc_export_charts(). */
GPtrArray   *uc_view_state_build_charts (const UcViewState  *self,
                                         UcView             *view,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcViewState, uc_view_state_free)

G_END_DECLS
