/* test-row-list.c: a dataset's rows sorted and filtered as a list model */
#include <string.h>

#include "uc-csv.h"
#include "uc-row-item.h"
#include "uc-row-list.h"

static UcDataset *
read_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  UcDataset *ds = uc_csv_read_bytes (bytes, "test.csv", NULL, NULL, &error);

  g_assert_no_error (error);
  return ds;
}

/* The rows shown, as "3,0,2". */
static char *
shown (UcRowList *list)
{
  GString *out = g_string_new (NULL);
  guint n;
  const guint *rows = uc_row_list_get_rows (list, &n);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, i ? ",%u" : "%u", rows[i]);
  return g_string_free (out, FALSE);
}

#define ASSERT_SHOWN(list, expected) \
  G_STMT_START { g_autofree char *s_ = shown (list); g_assert_cmpstr (s_, ==, expected); } G_STMT_END

static const char table[] =
  "date,ticker,close,note\n"
  "2025-01-27,NVDA,118.42,Shock\n"        /* 0 */
  "2025-01-24,nvda,142.62,\n"             /* 1 */
  ",AMD,,Ünïcode\n"                       /* 2 */
  "2025-01-28,AMD,-3.5,rebound\n"         /* 3 */
  "2025-01-29,,118.42,shockwave\n";       /* 4 */

static void
test_sort (void)
{
  g_autoptr(UcDataset) ds = read_text (table);
  g_autoptr(UcRowList) list = uc_row_list_new (ds);
  g_autoptr(UcRowItem) item = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == UC_TYPE_ROW_ITEM);
  ASSERT_SHOWN (list, "0,1,2,3,4");

  /* Numbers, ties in the dataset's order, missing last both ways. */
  uc_row_list_set_sort (list, 2, FALSE);
  ASSERT_SHOWN (list, "3,0,4,1,2");
  uc_row_list_set_sort (list, 2, TRUE);
  ASSERT_SHOWN (list, "1,0,4,3,2");
  item = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpuint (uc_row_item_get_row (item), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 5));

  /* Dates. */
  uc_row_list_set_sort (list, 0, FALSE);
  ASSERT_SHOWN (list, "1,0,3,4,2");
  uc_row_list_set_sort (list, 0, TRUE);
  ASSERT_SHOWN (list, "4,3,0,1,2");

  /* Text, in collation order (the tests' C.UTF-8: capitals first),
   * missing last. */
  uc_row_list_set_sort (list, 1, FALSE);
  ASSERT_SHOWN (list, "2,3,0,1,4");
  uc_row_list_set_sort (list, 1, TRUE);
  ASSERT_SHOWN (list, "1,0,2,3,4");

  uc_row_list_set_sort (list, -1, TRUE);
  g_assert_cmpint (uc_row_list_get_sort_column (list), ==, -1);
  g_assert_false (uc_row_list_get_sort_descending (list));
  ASSERT_SHOWN (list, "0,1,2,3,4");
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  g_assert_cmpuint (position, ==, 0);
  (*changes)++;
}

static void
test_filter (void)
{
  g_autoptr(UcDataset) ds = read_text (table);
  g_autoptr(UcRowList) list = uc_row_list_new (ds);
  guint changes = 0;

  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), &changes);

  /* Any case, any text column. */
  uc_row_list_set_filter (list, "SHOCK");
  ASSERT_SHOWN (list, "0,4");
  g_assert_cmpuint (changes, ==, 1);
  uc_row_list_set_filter (list, "Shock");
  g_assert_cmpuint (changes, ==, 1);   /* the same filter: nothing changed */
  uc_row_list_set_filter (list, "nvd");
  ASSERT_SHOWN (list, "0,1");
  uc_row_list_set_filter (list, "üNÏ");
  ASSERT_SHOWN (list, "2");

  /* Numbers and dates, as their text; the window's minus sign too. */
  uc_row_list_set_filter (list, "118.4");
  ASSERT_SHOWN (list, "0,4");
  uc_row_list_set_filter (list, "−3.5");
  ASSERT_SHOWN (list, "3");
  uc_row_list_set_filter (list, "01-2");
  ASSERT_SHOWN (list, "0,1,3,4");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);
  uc_row_list_set_filter (list, "nothing at all");
  ASSERT_SHOWN (list, "");

  /* Filtered rows keep the sort order. */
  uc_row_list_set_filter (list, "a");
  uc_row_list_set_sort (list, 2, TRUE);
  ASSERT_SHOWN (list, "1,0,4,3,2");   /* "shockwave" has an a too */
  g_assert_cmpuint (uc_row_list_get_n_total (list), ==, 5);

  uc_row_list_set_filter (list, "");
  g_assert_null (uc_row_list_get_filter (list));
  ASSERT_SHOWN (list, "1,0,4,3,2");
}

/* A large table sorts and filters on a worker: the rows shown stay until
 * the newest sort and filter are done. */
static void
wait_done (UcRowList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (uc_row_list_get_busy (list))
    {
      g_main_context_iteration (NULL, TRUE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

/* A million rows sort and filter in well under a second each, off the
 * caller's thread. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("day,ticker,value\n");
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(UcRowList) list = NULL;
  static const char * const tickers[] = { "NVDA", "AMD", "TSM", "ASML", "INTC" };
  const double *values;
  const guint *rows;
  UcRowList *weak = NULL;
  gint64 start;
  guint n;

  for (guint i = 0; i < 1000000; i++)
    g_string_append_printf (text, "%04u-%02u-%02u,%s,%u.5\n", 1950 + i % 70, 1 + i % 12, 1 + i % 28,
                            tickers[i % 5], (i * 7919) % 100003);
  ds = read_text (text->str);
  list = uc_row_list_new (ds);

  start = g_get_monotonic_time ();
  uc_row_list_set_sort (list, 2, TRUE);
  /* The caller's thread only starts it. */
  g_assert_true (uc_row_list_get_busy (list));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 50000);
  rows = uc_row_list_get_rows (list, &n);
  g_assert_cmpuint (n, ==, 1000000);
  g_assert_cmpuint (rows[0], ==, 0);
  wait_done (list);
  g_test_message ("sort by value: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  rows = uc_row_list_get_rows (list, &n);
  values = uc_dataset_get_numbers (ds, 2);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (values[rows[i - 1]], >=, values[rows[i]]);

  start = g_get_monotonic_time ();
  uc_row_list_set_sort (list, 1, FALSE);
  wait_done (list);
  g_test_message ("sort by ticker: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);

  /* A filter typed on: only the last one is shown, in the sort order. */
  start = g_get_monotonic_time ();
  uc_row_list_set_filter (list, "a");
  uc_row_list_set_filter (list, "as");
  uc_row_list_set_filter (list, "asm");
  wait_done (list);
  g_test_message ("filter by text: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  rows = uc_row_list_get_rows (list, &n);
  g_assert_cmpuint (n, ==, 200000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200000);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (uc_dataset_get_text (ds, 1, rows[i]), ==, "ASML");
  start = g_get_monotonic_time ();
  uc_row_list_set_filter (list, "1999-12");
  wait_done (list);
  g_test_message ("filter by date: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  uc_row_list_get_rows (list, &n);
  g_assert_cmpuint (n, >, 0);
  start = g_get_monotonic_time ();
  uc_row_list_set_filter (list, "1999");
  wait_done (list);
  g_test_message ("filter by digits: %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
  uc_row_list_get_rows (list, &n);
  g_assert_cmpuint (n, >, 0);

  /* A sort and a filter both asked while a sort runs: both done. */
  uc_row_list_set_sort (list, 2, FALSE);
  uc_row_list_set_filter (list, "nvda");
  wait_done (list);
  rows = uc_row_list_get_rows (list, &n);
  g_assert_cmpuint (n, ==, 200000);
  for (guint i = 1; i < n; i++)
    g_assert_cmpfloat (values[rows[i - 1]], <=, values[rows[i]]);

  /* Dropped while working: the worker's result goes nowhere, and the
   * list is freed once it is done. */
  uc_row_list_set_sort (list, 0, TRUE);
  g_assert_true (uc_row_list_get_busy (list));
  g_object_add_weak_pointer (G_OBJECT (list), (gpointer *) &weak);
  g_clear_object (&list);
  while (weak != NULL)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-list/sort", test_sort);
  g_test_add_func ("/row-list/filter", test_filter);
  g_test_add_func ("/row-list/large", test_large);

  return g_test_run ();
}
