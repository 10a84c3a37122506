/* uc-event-study.h: how far companies moved beyond what their market explains
 *
 * A market-model event study: each company's daily returns regressed on a
 * benchmark's over an estimation window before the event, then the
 * abnormal returns (return minus the model's) added up over event windows,
 * with standard errors, t statistics and p values. Days are counted in each
 * market's own trading days, so a US holiday does not shift Hong Kong's
 * count.
 */
#pragma once

#include <glib.h>

#include "uc-chart-spec.h"
#include "uc-dataset.h"
#include "uc-stats.h"

G_BEGIN_DECLS

#define UC_STUDY_MIN_ESTIMATION_DAYS 30
#define UC_STUDY_MAX_WINDOWS 16
#define UC_STUDY_MAX_SPAN 1000
#define UC_STUDY_MAX_COMPANIES 100   /* each may be measured against a basket of all the others */

typedef struct
{
  int from;   /* trading days from the event, both ends included */
  int to;
} UcStudyWindow;

typedef struct
{
  UcStudyWindow window;
  gboolean ok;
  char    *why;         /* when not ok: "the data ends on 2025-05-21" */
  guint    n_days;
  double   car;         /* cumulative abnormal return, a fraction */
  double   se;
  double   t;
  double   p;           /* two-sided, Student's t with n - 2 degrees of freedom */
  double   cap_before;  /* market cap on the trading day before the window; NaN if none */
  double   money;       /* car × cap_before, in the listing's currency */
} UcStudyCar;

typedef struct
{
  char    *id;          /* a ticker, or "basket" */
  char    *name;
  char    *market;
  char    *currency;
  char    *benchmark;   /* what the line's returns were regressed on, in words */
  gboolean is_basket;
  gboolean against_others;  /* no index: measured against a basket of its market's other listings */
  gboolean ok;
  char    *why;
  gint64   event_day;   /* day 0 in this market, days since 1970-01-01 */
  gint64   estimation_first;
  gint64   estimation_last;
  UcOls    model;       /* alpha, beta, residual variance over the estimation window */
  double   t_crit;      /* two-sided 95% t for the band */
  UcStudyCar *cars;     /* one per window */
  int      path_from;   /* CAR by trading day, added up from path_from */
  guint    n_path;
  double  *path_car;
  double  *path_se;
  gint64  *path_days;
} UcStudyLine;

typedef struct
{
  gint64         event;          /* the date asked for */
  char          *event_title;    /* from the events list, when one is on that date */
  UcStudyWindow  estimation;
  GArray        *windows;        /* UcStudyWindow */
  GPtrArray     *lines;          /* UcStudyLine: the companies, then the basket */
  GPtrArray     *notes;          /* sentences a reader needs: benchmarks, holidays, overlaps */
} UcStudy;

typedef struct
{
  gint64          event;         /* days since 1970-01-01 */
  const char     *const *companies;  /* tickers, or market names ("US", "HK") for all of one */
  const char     *benchmark;     /* NULL: the market's index, else a basket; "basket"; or an index series */
  UcStudyWindow   estimation;
  const UcStudyWindow *windows;
  guint           n_windows;
  int             path_from;
  int             path_to;
} UcStudyOptions;

/* The DeepSeek shock view's US companies less Broadcom, whose share count is
 * a proxy: the basket the story's trillion-dollar figure is about. */
extern const char *const uc_study_us_ai_stocks[];

void     uc_study_options_init     (UcStudyOptions *options);
UcStudy *uc_study_run              (UcDataset      *prices,
                                    UcDataset      *index,
                                    UcDataset      *events,
                                    const UcStudyOptions *options,
                                    GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void     uc_study_free             (UcStudy        *self);
gboolean uc_study_window_parse     (const char     *text,
                                    UcStudyWindow  *window,
                                    GError        **error);
char    *uc_study_window_format    (const UcStudyWindow *window) G_GNUC_WARN_UNUSED_RESULT;
char    *uc_study_to_json          (UcStudy        *self) G_GNUC_WARN_UNUSED_RESULT;
UcChartSpec *uc_study_build_chart  (UcStudy        *self) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcStudy, uc_study_free)

G_END_DECLS
