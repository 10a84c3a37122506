/* test-stats.c: the statistics against values known in closed form
 *
 * tests/stats-check.py compares whole studies with numpy and scipy; these
 * pin the parts where the answer is exact.
 */
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-claims.h"
#include "uc-event-study.h"
#include "uc-stats.h"
#include "uc-view-state.h"
#include "uc-view.h"

static void
assert_rel (double got,
            double want,
            double rel)
{
  if (!(fabs (got - want) <= rel * fabs (want)))
    g_error ("%.17g is not %.17g (to %g relative)", got, want, rel);
}

static void
test_ols (void)
{
  /* y = 2 + 3x ± 1: the errors cancel in the slope and sum to 0. */
  const double x[] = { 0, 1, 2, 3 };
  const double y[] = { 3, 4, 9, 10 };
  UcOls m;

  g_assert_true (uc_stats_ols (x, y, 4, &m));
  assert_rel (m.beta, 2.6, 1e-15);
  assert_rel (m.alpha, 2.6, 1e-15);
  assert_rel (m.s2, 3.2 / 2, 1e-14);
  assert_rel (m.sxx, 5, 1e-15);
  /* Too few points, or no spread in x, is no fit. */
  g_assert_false (uc_stats_ols (x, y, 2, &m));
  g_assert_false (uc_stats_ols ((const double[]) { 1, 1, 1 }, y, 3, &m));
  g_assert_true (isnan (m.beta));
}

static void
test_t_distribution (void)
{
  /* One degree of freedom is Cauchy, two has a closed form. */
  assert_rel (uc_stats_t_two_sided_p (1, 1), 0.5, 1e-14);
  assert_rel (uc_stats_t_two_sided_p (2, 2), 1 - 2 / sqrt (6), 1e-14);
  assert_rel (uc_stats_t_quantile (0.05, 1), tan (G_PI * 0.475), 1e-12);
  assert_rel (uc_stats_t_quantile (0.05, 2), sqrt (1.805 / 0.0975), 1e-12);
  assert_rel (uc_stats_incomplete_beta (2, 3, 0.5), 11.0 / 16, 1e-14);
  /* Symmetry, the far tail and the edges. */
  assert_rel (uc_stats_t_two_sided_p (-3, 40), uc_stats_t_two_sided_p (3, 40), 1e-15);
  g_assert_cmpfloat (uc_stats_t_two_sided_p (40, 100), >, 0);
  g_assert_cmpfloat (uc_stats_t_two_sided_p (40, 100), <, 1e-60);
  g_assert_cmpfloat (uc_stats_t_two_sided_p (0, 10), ==, 1);
  g_assert_cmpfloat (uc_stats_t_two_sided_p (INFINITY, 10), ==, 0);
  g_assert_true (isnan (uc_stats_t_two_sided_p (NAN, 10)));
  g_assert_true (isnan (uc_stats_t_two_sided_p (1, 0)));
  g_assert_true (isnan (uc_stats_t_quantile (0, 10)));
}

static void
test_random (void)
{
  /* splitmix64's published first outputs for seed 0. */
  UcRandom r;

  uc_random_seed (&r, 0);
  g_assert_cmphex (uc_random_next (&r), ==, G_GUINT64_CONSTANT (0xe220a8397b1dcdaf));
  g_assert_cmphex (uc_random_next (&r), ==, G_GUINT64_CONSTANT (0x6e789e6aa1b965f4));
  for (int i = 0; i < 1000; i++)
    g_assert_cmpuint (uc_random_below (&r, 7), <, 7);
}

static void
test_percentile (void)
{
  double v[] = { 4, 1, 3, 2 };

  g_assert_cmpfloat (uc_stats_percentile (v, 4, 0.5), ==, 2.5);
  g_assert_cmpfloat (uc_stats_percentile (v, 4, 0.25), ==, 1.75);
  g_assert_cmpfloat (uc_stats_percentile (v, 4, 1), ==, 4);
  g_assert_cmpfloat (uc_stats_percentile (v, 1, 0.3), ==, 1);
  g_assert_true (isnan (uc_stats_percentile (v, 0, 0.5)));
}

static void
test_windows (void)
{
  UcStudyWindow w;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (uc_study_window_parse (" -1, 1", &w, NULL));
  g_assert_cmpint (w.from, ==, -1);
  g_assert_cmpint (w.to, ==, 1);
  text = uc_study_window_format (&w);
  g_assert_cmpstr (text, ==, "−1…+1");
  g_assert_false (uc_study_window_parse ("1", &w, &error));
  g_clear_error (&error);
  g_assert_false (uc_study_window_parse ("3,1", &w, &error));
  g_clear_error (&error);
  g_assert_false (uc_study_window_parse ("0,99999999999", &w, &error));
  g_clear_error (&error);
  g_assert_false (uc_study_window_parse ("a,b", &w, &error));
}

/* Every claim has its parts, a verdict, and a link that opens its view, or
 * a page of the story window (opened by the window's tests). */
static void
test_claims (void)
{
  const char *ids[] = { "market-caps", "index-daily", "events", "api-prices", "model-releases" };
  UcDataset *t[G_N_ELEMENTS (ids)];
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      t[i] = uc_catalog_load (ids[i], &error);
      g_assert_no_error (error);
    }
  claims = uc_claims_check (&(UcClaimData) { t[0], t[1], t[2], t[3], t[4] }, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, >=, 6);
  for (guint i = 0; i < claims->len; i++)
    {
      UcClaim *c = g_ptr_array_index (claims, i);
      g_autoptr (UcViewState) state = NULL;
      g_autoptr (UcView) view = NULL;

      g_assert_true (c->id && *c->id && c->claim && *c->claim && c->source && *c->source);
      g_assert_true (c->figure && *c->figure && c->reason && *c->reason && c->method && *c->method);
      g_assert_cmpint (c->verdict, <=, UC_VERDICT_CANNOT_TEST);
      if (g_str_has_prefix (c->link, "undercut:story/"))
        {
          g_assert_true (g_regex_match_simple ("^undercut:story/(claims|study|frontier|releases)([?].*)?$",
                                               c->link, 0, 0));
          continue;
        }
      state = uc_view_state_from_link (c->link, &error);
      g_assert_no_error (error);
      view = uc_view_state_load_view (state, &error);
      g_assert_no_error (error);
      g_assert_nonnull (view);
    }
  /* The figures the story's sentences rest on. */
  g_assert_nonnull (strstr (((UcClaim *) g_ptr_array_index (claims, 0))->figure, "$1.04T"));
  g_assert_nonnull (strstr (((UcClaim *) g_ptr_array_index (claims, 0))->figure, "$842B"));
  g_assert_nonnull (strstr (((UcClaim *) g_ptr_array_index (claims, 0))->figure, "3 Apr 2025"));
  g_assert_cmpint (((UcClaim *) g_ptr_array_index (claims, 0))->verdict, ==, UC_VERDICT_PARTLY);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_object_unref (t[i]);
}

/* The study drawn: a line per company and the basket, the basket banded by
 * ±t·se, the value axis wide enough for the band. */
static void
test_study_chart (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UcDataset) caps = uc_catalog_load ("market-caps", &error);
  g_autoptr (UcDataset) index = uc_catalog_load ("index-daily", &error);
  const char *companies[] = { "NVDA", "MSFT", "AAPL", NULL };
  UcStudyOptions o;
  g_autoptr (UcStudy) study = NULL;
  g_autoptr (UcChartSpec) spec = NULL;
  UcSeries *basket;
  UcStudyLine *line;
  const double *lo, *hi;
  double min, max;
  UcTime from, to;

  g_assert_no_error (error);
  uc_study_options_init (&o);
  o.event = uc_days_from_civil (2025, 1, 27);
  o.companies = companies;
  study = uc_study_run (caps, index, NULL, &o, &error);
  g_assert_no_error (error);
  spec = uc_study_build_chart (study);
  g_assert_cmpuint (uc_chart_spec_get_n_series (spec), ==, 4);
  g_assert_cmpint (uc_chart_spec_get_x_kind (spec), ==, UC_X_NUMBER);
  basket = uc_chart_spec_get_series (spec, 3);
  line = g_ptr_array_index (study->lines, 3);
  g_assert_cmpstr (uc_series_get_id (basket), ==, "basket");
  g_assert_false (uc_series_get_band (uc_chart_spec_get_series (spec, 0), &lo, &hi));
  g_assert_true (uc_series_get_band (basket, &lo, &hi));
  g_assert_cmpuint (uc_series_get_length (basket), ==, 31);
  for (guint i = 0; i < 31; i++)
    {
      assert_rel (hi[i] - uc_series_get_y (basket)[i], line->t_crit * line->path_se[i] * 100, 1e-12);
      assert_rel (uc_series_get_y (basket)[i] - lo[i], line->t_crit * line->path_se[i] * 100, 1e-12);
    }
  uc_chart_spec_get_range (spec, &from, &to);
  g_assert_true (uc_series_get_y_range (basket, from, to, &min, &max));
  for (guint i = 0; i < 31; i++)
    g_assert_true (min <= lo[i] && hi[i] <= max);
  g_assert_nonnull (strstr (uc_chart_spec_get_subtitle (spec), "95% band"));
  /* Points added later drop the band they no longer match. */
  uc_series_append (basket, to + 1, 0);
  g_assert_false (uc_series_get_band (basket, &lo, &hi));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats/ols", test_ols);
  g_test_add_func ("/stats/t-distribution", test_t_distribution);
  g_test_add_func ("/stats/random", test_random);
  g_test_add_func ("/stats/percentile", test_percentile);
  g_test_add_func ("/stats/study-windows", test_windows);
  g_test_add_func ("/stats/claims", test_claims);
  g_test_add_func ("/stats/study-chart", test_study_chart);
  return g_test_run ();
}
