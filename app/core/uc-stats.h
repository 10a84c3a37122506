/* uc-stats.h: the statistics the analysis views rest on
 *
 * Plain functions on arrays of doubles: least squares of y on x, Student's t
 * distribution, a log-linear trend and a seeded bootstrap. Each is checked
 * against numpy and scipy in tests/stats-check.py.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* y = alpha + beta x + e, by ordinary least squares. */
typedef struct
{
  guint  n;
  double alpha;
  double beta;
  double s2;        /* residual variance, SSR / (n - 2) */
  double mean_x;
  double sxx;       /* sum of (x - mean x)^2 */
  double r2;
  double se_alpha;
  double se_beta;
} UcOls;

gboolean uc_stats_ols              (const double *x,
                                    const double *y,
                                    guint         n,
                                    UcOls        *out);
double   uc_stats_incomplete_beta  (double        a,
                                    double        b,
                                    double        x);
double   uc_stats_t_two_sided_p    (double        t,
                                    double        df);
double   uc_stats_t_quantile       (double        p,
                                    double        df);

/* A 64-bit generator with a fixed seed, so an interval reads the same on
 * every machine and in the test that checks it. */
typedef struct
{
  guint64 state;
} UcRandom;

void     uc_random_seed            (UcRandom     *self,
                                    guint64       seed);
guint64  uc_random_next            (UcRandom     *self);
guint    uc_random_below           (UcRandom     *self,
                                    guint         n);

double   uc_stats_percentile       (double       *values,
                                    guint         n,
                                    double        p);

G_END_DECLS
