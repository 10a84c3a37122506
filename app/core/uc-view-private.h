/* uc-view-private.h: what the pieces of the view reader share
 *
 * Only the reader's own files include this; callers use uc-view.h. The
 * reader is split by concern, one file each:
 *
 *   uc-view.c          the GObject: a file parsed, its charts built, what it shows
 *   uc-view-reader.c   a member read as a string, flag, list, object or date;
 *                      a failure naming the file and the member
 *   uc-view-data.c     the datasets a view needs, listed from its charts and
 *                      variants, loaded through a catalog (async) and kept
 *   uc-view-chart.c    one chart built, in steps: members read and checked, options,
 *                      series from events, releases or a dataset, axis and texts
 *   uc-view-series.c   the members that make or reshape a chart's series: "series",
 *                      "blend", "group_by_region", "labels", "combine", "frontier"
 *   uc-view-x-axis.c   a chart's "x": what its x axis measures
 *   uc-view-releases.c "releases": the view's table of model releases and its
 *                      regions; charts of it narrowed to the releases matching words
 *   uc-view-variants.c "variants": read, each chart's members merged with the
 *                      chosen one's, every chart built again as it sets them
 */
#pragma once

#include <json-glib/json-glib.h>

#include "uc-chart-spec.h"
#include "uc-release-events.h"
#include "uc-time.h"

G_BEGIN_DECLS

/* UcView as uc-view.h declares it; that header is not included here, so
 * that uc-view.c, which includes this one, includes nothing that leads
 * back to itself. */
typedef struct _UcView UcView;

/* The view's "releases": the table of model releases its lanes are drawn
 * from, and which charts of rows narrow as the lanes do. */
typedef struct
{
  char           *dataset;
  UcReleaseTable  table;   /* its columns and regions owned here */
} Releases;

struct _UcView
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *description;
  char      *file;
  GPtrArray *charts;   /* UcChartSpec */
  GPtrArray *sources;  /* JsonObject: each chart's member as the variant shown sets it */
  GPtrArray *base_sources; /* JsonObject: each chart's member as the file has it */
  char      *variants_label;   /* "Price": what the variants choose; NULL without */
  GPtrArray *variant_ids;      /* char * */
  GPtrArray *variant_labels;   /* char * */
  GPtrArray *variant_sets;     /* JsonObject: the members each variant sets */
  guint      variant;          /* the one shown */
  GArray    *compact;  /* gboolean per chart: shorter, under the others */
  gboolean   event_list;   /* the window shows the table of events beside the charts */
  gboolean   event_filter; /* the window offers a text filter of the events */
  Releases  *releases;     /* NULL without */
  GPtrArray *datasets;     /* char *: the ids of the datasets it is drawn from, NULL-terminated */
  GHashTable *tables;      /* dataset id → UcDataset, once loaded */
  GHashTable *table_sources; /* dataset id → UcSource it was loaded from */
  gboolean   given;        /* its charts were given made (uc_view_new_for_chart), not built */
  GPtrArray *picked;       /* GStrv per chart: the keys a reader picked; NULL: the view's own */
};

/* Reading members, each failure naming where it is. */
typedef struct
{
  const char *file;
  char       *where;   /* "charts[0]" */
  GError    **error;
  const char *filter;   /* words a model release must match to be counted */
  gboolean    filtered; /* the chart was drawn from releases narrowed by them */
  gboolean    nothing_matched;
  const Releases *releases; /* the view's, NULL without */
  UcView     *view;     /* whose loaded tables the charts are built from */
  guint       chart;    /* the index of the chart being built */
} Reader;

/* A chart's "x" member as read: its column, and for a number axis its
 * range, or the date its trading days are counted from. */
typedef struct
{
  const char *column;
  gboolean    object;   /* given as an object, its kind said */
  UcXKind     kind;
  const char *title;
  const char *unit;
  gboolean    has_range;
  double      from, to;
  gboolean    has_day0;
  UcTime      day0;
} XAxis;

/* uc-view-reader.c */
gboolean     uc_view_fail               (Reader             *r,
                                         const char         *member,
                                         const char         *what);
gboolean     uc_view_read_string        (Reader             *r,
                                         JsonObject         *o,
                                         const char         *member,
                                         const char        **out);
gboolean     uc_view_read_bool          (Reader             *r,
                                         JsonObject         *o,
                                         const char         *member,
                                         gboolean           *out);
gboolean     uc_view_read_strings       (Reader             *r,
                                         JsonObject         *o,
                                         const char         *member,
                                         GStrv              *out);
gboolean     uc_view_read_object        (Reader             *r,
                                         JsonObject         *o,
                                         const char         *member,
                                         JsonObject        **out);
gboolean     uc_view_read_date          (Reader             *r,
                                         JsonObject         *o,
                                         const char         *member,
                                         UcTime             *out,
                                         gboolean           *present);
gboolean     uc_view_only_known_members (Reader             *r,
                                         const char         *where,
                                         JsonObject         *o,
                                         const char * const *known);
UcDataset   *uc_view_read_dataset       (Reader             *r,
                                         const char         *member,
                                         const char         *id) G_GNUC_WARN_UNUSED_RESULT;
const char  *uc_view_text               (const char         *s);

/* uc-view-data.c */
void         uc_view_list_datasets      (UcView             *self);

/* uc-view-chart.c */
UcChartSpec *uc_view_build_chart        (Reader             *r,
                                         JsonObject         *o) G_GNUC_WARN_UNUSED_RESULT;

/* uc-view-series.c */
gboolean     uc_view_add_long_series    (Reader             *r,
                                         JsonObject         *series_o,
                                         UcDataset          *data,
                                         const char         *x,
                                         UcTime              from,
                                         UcTime              to,
                                         UcChartSpec        *spec);
UcDataset   *uc_view_blend_columns      (Reader             *r,
                                         JsonObject         *o,
                                         UcDataset          *data) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_view_group_by_region    (Reader             *r,
                                         JsonObject         *o,
                                         UcChartSpec        *spec) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_view_label_series       (Reader             *r,
                                         JsonObject         *o,
                                         UcChartSpec        *spec);
UcChartSpec *uc_view_combine_series     (Reader             *r,
                                         JsonObject         *o,
                                         UcChartSpec        *spec) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_view_add_frontier       (Reader             *r,
                                         JsonObject         *o,
                                         UcChartSpec        *spec);

/* uc-view-x-axis.c */
gboolean     uc_view_read_x_axis        (Reader             *r,
                                         JsonObject         *o,
                                         XAxis              *x);
UcChartSpec *uc_view_apply_x_axis       (Reader             *r,
                                         const XAxis        *x,
                                         UcChartSpec        *spec) G_GNUC_WARN_UNUSED_RESULT;

/* uc-view-releases.c */
void         uc_view_releases_free      (Releases           *releases);
gboolean     uc_view_read_releases      (UcView             *self,
                                         Reader             *r,
                                         JsonObject         *o);
void         uc_view_narrow_to_releases (Reader             *r,
                                         const char         *dataset,
                                         UcDataset         **data);

/* uc-view.c */
gboolean     uc_view_rebuild            (UcView             *self,
                                         GError            **error);

/* uc-view-picks.c */
char        *uc_view_picked_note        (JsonObject         *series_o,
                                         GPtrArray          *all,
                                         const char * const *picked) G_GNUC_WARN_UNUSED_RESULT;
UcDataset   *uc_view_pick_groups        (UcView             *self,
                                         guint               chart,
                                         JsonObject         *o,
                                         UcDataset          *data,
                                         char              **note,
                                         GError            **error) G_GNUC_WARN_UNUSED_RESULT;

/* uc-view-variants.c */
JsonObject  *uc_view_merge_members      (JsonObject         *base,
                                         JsonObject         *set) G_GNUC_WARN_UNUSED_RESULT;
gboolean     uc_view_read_variants      (UcView             *self,
                                         Reader             *r,
                                         JsonObject         *o);
gboolean     uc_view_build_variant      (UcView             *self,
                                         Reader             *r,
                                         guint               index);

G_END_DECLS
