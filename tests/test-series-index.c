/* test-series-index.c: range extremes agree with a plain scan, the
 * earliest of equal ones, as the line's decimation draws them */
#include <math.h>

#include "uc-series-index.h"

static void
check (const double *y, gsize n, UcSeriesIndex *index, gsize from, gsize to)
{
  gsize argmin = 0, argmax = 0, emin = G_MAXSIZE, emax = G_MAXSIZE;
  gboolean gap = FALSE, egap = FALSE;
  gboolean found = uc_series_index_range (index, from, to, &argmin, &argmax, &gap);

  for (gsize i = from; i < MIN (to, n); i++)
    {
      if (isnan (y[i]))
        {
          egap = TRUE;
          continue;
        }
      if (emin == G_MAXSIZE || y[i] < y[emin])
        emin = i;
      if (emax == G_MAXSIZE || y[i] > y[emax])
        emax = i;
    }
  g_assert_cmpint (found, ==, emin != G_MAXSIZE);
  if (found)
    {
      g_assert_cmpuint (argmin, ==, emin);
      g_assert_cmpuint (argmax, ==, emax);
      g_assert_cmpint (gap, ==, egap);
    }
}

static void
test_random_ranges (gconstpointer data)
{
  int levels = GPOINTER_TO_INT (data);   /* 0: any value; else this many, so extremes tie */
  gsize sizes[] = { 0, 1, 63, 64, 65, 1000, 4097, 100000 };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s];
      g_autofree double *y = g_new (double, MAX (n, 1));
      g_autoptr(UcSeriesIndex) index = NULL;

      for (gsize i = 0; i < n; i++)
        y[i] = g_rand_int_range (rand, 0, 50) == 0 ? NAN
             : levels ? g_rand_int_range (rand, 0, levels) : g_rand_double_range (rand, -1000, 1000);
      index = uc_series_index_new (y, n);
      for (int k = 0; k < 2000; k++)
        {
          gsize a = n ? g_rand_int_range (rand, 0, n + 1) : 0;
          gsize b = n ? g_rand_int_range (rand, 0, n + 1) : 0;

          check (y, n, index, MIN (a, b), MAX (a, b));
        }
      check (y, n, index, 0, n);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_data_func ("/series-index/random-ranges", GINT_TO_POINTER (0), test_random_ranges);
  g_test_add_data_func ("/series-index/ties", GINT_TO_POINTER (4), test_random_ranges);
  return g_test_run ();
}
