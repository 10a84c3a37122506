/* fuzz-net.c: libFuzzer target for the readers of sources' answers
 *
 * The first byte picks the reader (FRED, Stooq, models.dev, OpenRouter);
 * the rest is the answer. Each reads it or refuses it with an error
 * naming the URL; a series read has its dates in order.
 */
#include <string.h>

#include "uc-fred.h"
#include "uc-openrouter.h"
#include "uc-stooq.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
check_series (UcSeries *series,
              GError   *error)
{
  const UcTime *x;

  g_assert ((series == NULL) != (error == NULL));
  if (series == NULL)
    {
      g_assert (g_str_has_prefix (error->message, "https://fuzz.example/"));
      return;
    }
  x = uc_series_get_x (series);
  for (guint i = 1; i < uc_series_get_length (series); i++)
    g_assert (x[i - 1] < x[i]);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const vendors[] = { "deepseek", "moonshotai", NULL };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;
  body = g_bytes_new (data + 1, size - 1);
  switch (data[0] % 4)
    {
    case 0:
      {
        g_autoptr(UcSeries) s = uc_fred_read (body, "SP500", "https://fuzz.example/fred", &error);

        check_series (s, error);
        break;
      }
    case 1:
      {
        g_autoptr(UcSeries) s = uc_stooq_read (body, "nvda.us", "https://fuzz.example/stooq", &error);

        check_series (s, error);
        break;
      }
    default:
      {
        g_autoptr(GPtrArray) prices = data[0] % 4 == 2
                                      ? uc_models_dev_read (body, vendors, "https://fuzz.example/models", &error)
                                      : uc_openrouter_read (body, "https://fuzz.example/openrouter", &error);

        g_assert ((prices == NULL) != (error == NULL));
        for (guint i = 0; prices && i < prices->len; i++)
          {
            UcListPrice *p = g_ptr_array_index (prices, i);

            g_assert (p->provider && p->model && p->name);
            g_assert (!(p->input < 0) && !(p->output < 0));
          }
        break;
      }
    }
  return 0;
}
