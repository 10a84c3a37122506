/* fuzz-net.c: libFuzzer target for the readers of sources' answers
 *
 * The first byte picks the reader (FRED, Stooq, models.dev, OpenRouter,
 * Epoch AI, SEC company facts); the rest is the answer. Each reads it or
 * refuses it with an error naming the URL; a series read has its dates in
 * order, releases have a day and a name, share counts are above zero, by
 * day, each once.
 */
#include <math.h>
#include <string.h>

#include "uc-epoch.h"
#include "uc-fred.h"
#include "uc-openrouter.h"
#include "uc-sec.h"
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

/* Epoch's and the SEC's readers refuse in UC_NET_ERROR alone. */
static void
check_releases (GPtrArray *releases,
                GError    *error)
{
  g_assert ((releases == NULL) != (error == NULL));
  if (releases == NULL)
    {
      g_assert (error->domain == UC_NET_ERROR && g_str_has_prefix (error->message, "https://fuzz.example/"));
      return;
    }
  for (guint i = 0; i < releases->len; i++)
    {
      UcModelRelease *r = g_ptr_array_index (releases, i);

      g_assert (r->date != UC_TIME_MISSING && r->date_is_paper);
      g_assert (r->model && *r->model && r->organization && *r->organization && r->countries);
      g_assert (isnan (r->parameters) || r->parameters >= 0);
      g_assert (r->link == NULL || g_str_has_prefix (r->link, "http"));
      for (guint k = 0; r->countries[k]; k++)
        g_assert (*r->countries[k] != '\0');
    }
}

static void
check_counts (GPtrArray *counts,
              GError    *error)
{
  g_assert ((counts == NULL) != (error == NULL));
  if (counts == NULL)
    {
      g_assert (error->domain == UC_NET_ERROR && g_str_has_prefix (error->message, "https://fuzz.example/"));
      return;
    }
  g_assert (counts->len > 0);
  for (guint i = 0; i < counts->len; i++)
    {
      UcShareCount *c = g_ptr_array_index (counts, i), *before = i ? g_ptr_array_index (counts, i - 1) : NULL;

      g_assert (c->shares > 0 && c->form && c->accession);
      g_assert (before == NULL || before->as_of < c->as_of ||
                (before->as_of == c->as_of && before->filed <= c->filed && before->shares != c->shares));
    }
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
  switch (data[0] % 6)
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
    case 4:
      {
        guint skipped = 0;
        g_autoptr(GPtrArray) releases = uc_epoch_read (body, "https://fuzz.example/epoch", &skipped, &error);

        check_releases (releases, error);
        break;
      }
    case 5:
      {
        g_autofree char *name = NULL;
        g_autoptr(GPtrArray) counts = uc_sec_read_shares (body, "https://fuzz.example/sec", &name, &error);

        check_counts (counts, error);
        break;
      }
    default:
      {
        g_autoptr(GPtrArray) prices = data[0] % 6 == 2
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
