/* uc-stats.c: least squares, Student's t, a seeded bootstrap's parts */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "uc-stats.h"

/* Sums about the means, so returns of 1e-3 lose no digits to a large
 * squared mean. */
gboolean
uc_stats_ols (const double *x,
              const double *y,
              guint         n,
              UcOls        *out)
{
  double mx = 0, my = 0, sxx = 0, sxy = 0, syy = 0, ssr = 0;

  *out = (UcOls) { .n = n, .alpha = NAN, .beta = NAN, .s2 = NAN, .mean_x = NAN, .sxx = NAN,
                   .r2 = NAN, .se_alpha = NAN, .se_beta = NAN };
  if (n < 3)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      mx += x[i];
      my += y[i];
    }
  mx /= n;
  my /= n;
  for (guint i = 0; i < n; i++)
    {
      double dx = x[i] - mx, dy = y[i] - my;

      sxx += dx * dx;
      sxy += dx * dy;
      syy += dy * dy;
    }
  if (!(sxx > 0) || !isfinite (sxx) || !isfinite (sxy))
    return FALSE;
  out->beta = sxy / sxx;
  out->alpha = my - out->beta * mx;
  for (guint i = 0; i < n; i++)
    {
      double e = y[i] - out->alpha - out->beta * x[i];

      ssr += e * e;
    }
  out->s2 = ssr / (n - 2);
  out->mean_x = mx;
  out->sxx = sxx;
  out->r2 = syy > 0 ? 1 - ssr / syy : NAN;
  out->se_beta = sqrt (out->s2 / sxx);
  out->se_alpha = sqrt (out->s2 * (1.0 / n + mx * mx / sxx));
  return TRUE;
}

/* The continued fraction of the incomplete beta function, evaluated by the
 * modified Lentz method; it converges fast for x < (a + 1) / (a + b + 2). */
static double
beta_fraction (double a,
               double b,
               double x)
{
  const double tiny = 1e-300;
  double c = 1, d = 1 - (a + b) * x / (a + 1);
  double f;

  if (fabs (d) < tiny)
    d = tiny;
  d = 1 / d;
  f = d;
  for (int m = 1; m <= 1000; m++)
    {
      double num, delta;

      /* The even step, then the odd one. */
      num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
      d = 1 + num * d;
      d = fabs (d) < tiny ? 1 / tiny : 1 / d;
      c = 1 + num / c;
      if (fabs (c) < tiny)
        c = tiny;
      f *= c * d;

      num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
      d = 1 + num * d;
      d = fabs (d) < tiny ? 1 / tiny : 1 / d;
      c = 1 + num / c;
      if (fabs (c) < tiny)
        c = tiny;
      delta = c * d;
      f *= delta;
      if (fabs (delta - 1) < 1e-16)
        break;
    }
  return f;
}

/* The regularised incomplete beta function I_x(a, b). */
double
uc_stats_incomplete_beta (double a,
                          double b,
                          double x)
{
  double front;

  if (!(a > 0) || !(b > 0) || isnan (x))
    return NAN;
  if (x <= 0)
    return 0;
  if (x >= 1)
    return 1;
  front = exp (lgamma (a + b) - lgamma (a) - lgamma (b) + a * log (x) + b * log1p (-x));
  if (x < (a + 1) / (a + b + 2))
    return front * beta_fraction (a, b, x) / a;
  return 1 - front * beta_fraction (b, a, 1 - x) / b;
}

/* P(|T| >= |t|) for Student's t with df degrees of freedom. */
double
uc_stats_t_two_sided_p (double t,
                        double df)
{
  if (isnan (t) || !(df > 0))
    return NAN;
  if (isinf (t))
    return 0;
  /* df / (df + t²) loses the small p of a large t to rounding; the
   * complementary form keeps it. */
  if (t * t < df)
    return 1 - uc_stats_incomplete_beta (0.5, df / 2, t * t / (df + t * t));
  return uc_stats_incomplete_beta (df / 2, 0.5, df / (df + t * t));
}

/* The t with P(|T| >= t) = p: bisection to a bracket, then Newton's
 * method on the density. */
double
uc_stats_t_quantile (double p,
                     double df)
{
  double lo = 0, hi = 1, t;

  if (!(p > 0) || !(p <= 1) || !(df > 0))
    return NAN;
  while (uc_stats_t_two_sided_p (hi, df) > p && hi < 1e12)
    hi *= 2;
  for (int i = 0; i < 60; i++)
    {
      double mid = (lo + hi) / 2;

      if (uc_stats_t_two_sided_p (mid, df) > p)
        lo = mid;
      else
        hi = mid;
    }
  t = (lo + hi) / 2;
  for (int i = 0; i < 4; i++)
    {
      double density = exp (lgamma ((df + 1) / 2) - lgamma (df / 2) - 0.5 * log (df * G_PI)
                            - (df + 1) / 2 * log1p (t * t / df));
      double step = (uc_stats_t_two_sided_p (t, df) - p) / (2 * density);

      if (!isfinite (step))
        break;
      t += step;
    }
  return t;
}

/* splitmix64: tiny, fast, and easy to reproduce in another language. */
void
uc_random_seed (UcRandom *self,
                guint64   seed)
{
  self->state = seed;
}

guint64
uc_random_next (UcRandom *self)
{
  guint64 z = (self->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform in [0, n), without the modulo's bias: values under 2^64 mod n
 * are drawn again. */
guint
uc_random_below (UcRandom *self,
                 guint     n)
{
  guint64 threshold, r;

  g_return_val_if_fail (n > 0, 0);
  threshold = (-(guint64) n) % n;
  do
    r = uc_random_next (self);
  while (r < threshold);
  return (guint) (r % n);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Linear between the two nearest ranks, as numpy's default: sorts @values. */
double
uc_stats_percentile (double *values,
                     guint   n,
                     double  p)
{
  double h;
  guint i;

  if (n == 0 || isnan (p))
    return NAN;
  qsort (values, n, sizeof *values, compare_doubles);
  h = (n - 1) * CLAMP (p, 0.0, 1.0);
  i = (guint) floor (h);
  if (i + 1 >= n)
    return values[n - 1];
  return values[i] + (h - i) * (values[i + 1] - values[i]);
}
