/* clickhouse-serve.c: a ClickHouse server with a small tick table, for
 * the end-to-end script (e2e-clickhouse.sh): prints the server's address,
 * then serves until its standard input closes. */
#include "config.h"

#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include "uc-test-clickhouse.h"

int
main (void)
{
  static const char *const symbols[] = { "BYDDY", "NVDA", "TSM" };
  UcTestClickhouse *server = uc_test_clickhouse_start ();
  g_autoptr(GString) csv = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (11);
  double price[] = { 10, 20, 30 };
  char buffer[64];

  g_free (uc_test_clickhouse_run (server, "CREATE TABLE ticks (ts DateTime, symbol String, price Float64) "
                                          "ENGINE = MergeTree() ORDER BY (symbol, ts)", NULL));
  /* A minute each for 20 days from 2 Jan 2025. */
  for (int m = 0; m < 20 * 1440; m++)
    for (int s = 0; s < 3; s++)
      {
        char number[G_ASCII_DTOSTR_BUF_SIZE];

        price[s] *= exp (g_rand_double_range (rand, -0.002, 0.002));
        g_string_append_printf (csv, "%d,%s,%s\n", 1735776000 + 60 * m, symbols[s],
                                g_ascii_formatd (number, sizeof number, "%.4f", price[s]));
      }
  g_rand_free (rand);
  g_free (uc_test_clickhouse_run (server, "INSERT INTO ticks FORMAT CSV", csv->str));
  printf ("%s\n", uc_test_clickhouse_url (server));
  fflush (stdout);
  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;
  uc_test_clickhouse_free (server);
  return 0;
}
