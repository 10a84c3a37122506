/* test-net.c: the readers of what dataset sources answer, against
 * recorded answers and hostile ones */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "uc-epoch.h"
#include "uc-fetch.h"
#include "uc-fred.h"
#include "uc-json-skim.h"
#include "uc-models-dev.h"
#include "uc-openrouter.h"
#include "uc-sec.h"
#include "uc-stooq.h"

static GBytes *
fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "net", name, NULL);
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  return g_bytes_new_take (data, len);
}

static UcTime
day (const char *iso)
{
  UcTime t;

  g_assert_true (uc_time_parse_date (iso, strlen (iso), &t));
  return t;
}

static double
value_on (UcSeries   *series,
          const char *iso)
{
  int i = uc_series_find (series, day (iso));

  g_assert_cmpint (i, >=, 0);
  return uc_series_get_y (series)[i];
}

static guint
gaps (UcSeries *series)
{
  guint n = 0;

  for (guint i = 0; i < uc_series_get_length (series); i++)
    n += isnan (uc_series_get_y (series)[i]);
  return n;
}

/* Today's form: observation_date, an empty value on holidays. */
static void
test_fred_current (void)
{
  g_autoptr(GBytes) body = fixture ("fredgraph_sp500.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) sp500 = uc_fred_read (body, "SP500", "https://fred.example/graph/fredgraph.csv?id=SP500", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (uc_series_get_id (sp500), ==, "SP500");
  g_assert_cmpuint (uc_series_get_length (sp500), ==, 300);
  g_assert_cmpuint (gaps (sp500), ==, 11);
  g_assert_cmpfloat (value_on (sp500, "2025-02-19"), ==, 6144.15);
  g_assert_cmpfloat (value_on (sp500, "2026-04-14"), ==, 6967.38);
  g_assert_true (isnan (value_on (sp500, "2025-04-18")));
}

/* The older form: DATE, "." on holidays. */
static void
test_fred_older (void)
{
  g_autoptr(GBytes) body = fixture ("fredgraph_dexchus_2024-09.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) cny = uc_fred_read (body, "DEXCHUS", "https://fred.example/graph/fredgraph.csv?id=DEXCHUS", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_series_get_length (cny), ==, 300);
  g_assert_cmpuint (gaps (cny), ==, 12);
  g_assert_cmpfloat (value_on (cny, "2023-07-24"), ==, 7.1855);
  g_assert_true (isnan (value_on (cny, "2023-09-04")));
}

/* Each refused with a message naming the URL and what is wrong. */
static void
test_fred_hostile (void)
{
  static const struct { const char *name, *body, *series; UcNetError code; const char *message; } cases[] = {
    { "empty", "", "SP500", UC_NET_ERROR_NOT_CSV, "the answer is empty" },
    { "html", "\n<!DOCTYPE html><html><body>Service Unavailable</body></html>\n", "SP500", UC_NET_ERROR_NOT_CSV,
      "a web page, not a CSV file" },
    { "other series", "observation_date,SP500\n2025-02-19,6144.15\n2025-02-20,6117.52\n", "NASDAQCOM",
      UC_NET_ERROR_SCHEMA, "found “observation_date,SP500”" },
    { "renamed column", "day,SP500\n2025-02-19,6144.15\n2025-02-20,6117.52\n", "SP500", UC_NET_ERROR_SCHEMA,
      "expected the header “observation_date,SP500”" },
    { "extra column", "observation_date,SP500,note\n2025-02-19,6144.15,a\n2025-02-20,6117.52,b\n", "SP500",
      UC_NET_ERROR_SCHEMA, "expected 2 columns" },
    { "words for values", "observation_date,SP500\n2025-02-19,high\n2025-02-20,low\n", "SP500", UC_NET_ERROR_SCHEMA,
      "expected dates and numbers" },
    { "dates going back", "observation_date,SP500\n2025-02-20,6117.52\n2025-02-19,6144.15\n", "SP500",
      UC_NET_ERROR_DATA, "line 3: the dates go back or repeat" },
    { "no value at all", "DATE,SP500\n2025-02-19,.\n2025-02-20,.\n", "SP500", UC_NET_ERROR_DATA,
      "no value for SP500 on any day" },
  };
  const char *url = "https://fred.example/graph/fredgraph.csv?id=X";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
      g_autoptr(GError) error = NULL;
      g_autoptr(UcSeries) series = uc_fred_read (body, cases[i].series, url, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(read)");
      g_assert_null (series);
      g_assert_error (error, UC_NET_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, url));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* A body cut off mid-line, as a dropped connection leaves it. */
static void
test_fred_truncated (void)
{
  g_autoptr(GBytes) whole = fixture ("fredgraph_sp500.csv");
  gsize len;
  const char *data = g_bytes_get_data (whole, &len);
  g_autoptr(GBytes) cut = g_bytes_new (data, len - 9);   /* "2026-04-1" left of the last line */
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) series = uc_fred_read (cut, "SP500", "https://fred.example/x", &error);

  g_assert_null (series);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "https://fred.example/x: line 301,"));
}

/* Stooq's daily table: the closes, CRLF and all. */
static void
test_stooq_daily (void)
{
  g_autoptr(GBytes) body = fixture ("stooq_nvda_us_d.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) nvda = uc_stooq_read (body, "nvda.us", "https://stooq.example/q/d/l/?s=nvda.us&i=d", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (uc_series_get_id (nvda), ==, "nvda.us");
  g_assert_cmpuint (uc_series_get_length (nvda), ==, 299);
  g_assert_cmpfloat (value_on (nvda, "2024-10-30"), ==, 139.325);
  g_assert_cmpfloat (value_on (nvda, "2026-01-09"), ==, 184.86);
  g_assert_cmpuint (gaps (nvda), ==, 0);
}

/* Old index rows leave the volume out: five fields under six names. */
static void
test_stooq_five_fields (void)
{
  g_autoptr(GBytes) body = fixture ("stooq_ndq_d_2020.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(UcSeries) ndq = uc_stooq_read (body, "^ndq", "https://stooq.example/q/d/l/?s=^ndq&i=d", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (uc_series_get_length (ndq), ==, 33);
  g_assert_cmpfloat (value_on (ndq, "1938-01-03"), ==, 5.63);
  g_assert_cmpfloat (value_on (ndq, "2020-04-17"), ==, 8650.141);
}

/* Refusals come with HTTP 200: judged by the body, each told apart. */
static void
test_stooq_refusals (void)
{
  static const struct { const char *file, *text; UcNetError code; const char *message; } cases[] = {
    { "stooq_refusal.txt", NULL, UC_NET_ERROR_REFUSED, "the daily hits limit is reached" },
    { "stooq_nodata.txt", NULL, UC_NET_ERROR_NO_DATA, "Stooq has no data for nvda.us" },
    { NULL, "<html><body>Get your apikey: <a href=\"/q/d/?s=spy.us&get_apikey\">here</a></body></html>",
      UC_NET_ERROR_NOT_CSV, "a web page" },
    { NULL, "Data,Otwarcie,Najwyzszy,Najnizszy,Zamkniecie,Wolumen\r\n2026-01-08,189.11,189.55,183.71,185.04,1\r\n"
            "2026-01-09,185.08,186.34,183.67,184.86,2\r\n", 0, NULL },
    { NULL, "Symbol,Date,Close\n", UC_NET_ERROR_SCHEMA, "not Stooq's daily table" },
    { NULL, "Date,Open,High,Low,Close,Volume\r\n2026-01-09,1,2,0.5,1.5,10\r\n2026-01-08,1,2,0.5,1.5,10\r\n",
      UC_NET_ERROR_DATA, "the dates go back or repeat" },
  };
  const char *url = "https://stooq.example/q/d/l/?s=nvda.us&i=d";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = cases[i].file ? fixture (cases[i].file)
                                             : g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(UcSeries) series = uc_stooq_read (body, "nvda.us", url, &error);

      if (cases[i].message == NULL)   /* the Polish header reads as the English one */
        {
          g_assert_no_error (error);
          g_assert_cmpfloat (value_on (series, "2026-01-09"), ==, 184.86);
          continue;
        }
      g_assert_null (series);
      g_assert_error (error, UC_NET_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, url));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static const UcListPrice *
find_price (GPtrArray  *prices,
            const char *provider,
            const char *model)
{
  for (guint i = 0; i < prices->len; i++)
    {
      const UcListPrice *p = g_ptr_array_index (prices, i);

      if (g_str_equal (p->provider, provider) && g_str_equal (p->model, model))
        return p;
    }
  return NULL;
}

/* Two snapshots a month apart: the same models, a price cut between. */
static void
test_models_dev_snapshots (void)
{
  const char * const vendors[] = { "deepseek", "moonshotai", "openrouter", NULL };
  const char *url = "https://models.example/api.json";
  g_autoptr(GBytes) may = fixture ("modelsdev_2026-05-10.json");
  g_autoptr(GBytes) june = fixture ("modelsdev_sample.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = uc_models_dev_read (may, vendors, url, &error);
  g_autoptr(GPtrArray) after = NULL;
  const UcListPrice *pro, *kimi;

  g_assert_no_error (error);
  after = uc_models_dev_read (june, vendors, url, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, after->len);
  /* deepseek-v4-pro: 1.74 → 0.435 input, 3.48 → 0.87 output per million. */
  pro = find_price (before, "deepseek", "deepseek-v4-pro");
  g_assert_nonnull (pro);
  g_assert_cmpfloat (pro->input, ==, 1.74);
  g_assert_cmpfloat (pro->output, ==, 3.48);
  g_assert_true (pro->open_weights);
  g_assert_cmpint (pro->released, ==, day ("2026-04-24"));
  g_assert_false (pro->released_month);
  pro = find_price (after, "deepseek", "deepseek-v4-pro");
  g_assert_cmpfloat (pro->input, ==, 0.435);
  g_assert_cmpfloat (pro->output, ==, 0.87);
  /* A month for a release date: its first day, said to be a month. */
  kimi = find_price (after, "moonshotai", "kimi-k2.5");
  g_assert_nonnull (kimi);
  g_assert_true (kimi->released_month);
  g_assert_cmpint (kimi->released, ==, day ("2026-01-01"));
  /* Only the vendors asked for: no reseller's copy of a model. */
  g_assert_null (find_price (after, "alibaba", "qwen-max"));
}

static void
test_models_dev_hostile (void)
{
  static const struct { const char *name, *body; UcNetError code; const char *message; } cases[] = {
    { "page", "<html><body>502 Bad Gateway</body></html>", UC_NET_ERROR_NOT_CSV, "a web page" },
    { "not json", "deepseek: 0.14", 0, "" },
    { "array", "[1, 2, 3]", UC_NET_ERROR_SCHEMA, "expected an object of providers" },
    { "no models", "{\"deepseek\": {\"id\": \"deepseek\"}}", UC_NET_ERROR_SCHEMA, "“deepseek” has no “models” object" },
    { "other vendors", "{\"openai\": {\"models\": {\"gpt-4o\": {\"cost\": {\"input\": 2.5}}}}}", UC_NET_ERROR_NO_DATA,
      "none of the providers asked for has a model" },
  };
  const char * const vendors[] = { "deepseek", NULL };
  const char *url = "https://models.example/api.json";
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) prices = uc_models_dev_read (body, vendors, url, &error);

      g_assert_null (prices);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, url));
      if (cases[i].message[0])
        {
          g_assert_error (error, UC_NET_ERROR, (int) cases[i].code);
          g_assert_nonnull (strstr (error->message, cases[i].message));
        }
    }
  /* Nesting deep enough to overflow a recursive parser: refused first. */
  for (int i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  {
    g_autoptr(GBytes) body = g_bytes_new (deep->str, deep->len);
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) prices = uc_models_dev_read (body, vendors, url, &error);

    g_assert_null (prices);
    g_assert_nonnull (error);
  }
  /* Costs that are no prices are left out, not read as zero. */
  {
    const char *text = "{\"deepseek\": {\"models\": {\"x\": {\"cost\": {\"input\": -1, \"output\": \"0.28\"},"
                       " \"release_date\": \"2025-13-40\"}}}}";
    g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) prices = uc_models_dev_read (body, vendors, url, &error);
    const UcListPrice *x;

    g_assert_no_error (error);
    x = g_ptr_array_index (prices, 0);
    g_assert_true (isnan (x->input) && isnan (x->output));
    g_assert_cmpint (x->released, ==, UC_TIME_MISSING);
    g_assert_cmpstr (x->name, ==, "x");
  }
}

/* OpenRouter's list, today's shape and December 2025's: hosted prices per
 * million tokens, aliases left out, "0" free, "-1" no price. */
static void
test_openrouter (void)
{
  const char *url = "https://openrouter.example/api/v1/models";
  g_autoptr(GBytes) now = fixture ("openrouter_models.json");
  g_autoptr(GBytes) december = fixture ("openrouter_models_2025-12.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) prices = uc_openrouter_read (now, url, &error);
  g_autoptr(GPtrArray) older = NULL;
  const UcListPrice *pro, *free_glm;

  g_assert_no_error (error);
  g_assert_cmpuint (prices->len, ==, 39);   /* 40 entries, one an alias */
  pro = find_price (prices, "deepseek", "deepseek-v4-pro");
  g_assert_nonnull (pro);
  g_assert_true (pro->hosted);
  g_assert_cmpfloat_with_epsilon (pro->input, 0.435, 1e-9);
  g_assert_cmpfloat_with_epsilon (pro->output, 0.87, 1e-9);
  g_assert_cmpint (pro->released, ==, UC_TIME_MISSING);
  g_assert_null (find_price (prices, "~x-ai", "grok-latest"));

  older = uc_openrouter_read (december, url, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (older->len, ==, 8);
  free_glm = find_price (older, "z-ai", "glm-4.5-air:free");
  g_assert_nonnull (free_glm);
  g_assert_cmpfloat (free_glm->input, ==, 0);
  {
    const char *text = "{\"data\": [{\"id\": \"openrouter/auto\", \"pricing\": {\"prompt\": \"-1\", \"completion\": \"1e400\"}},"
                       " {\"id\": \"no-vendor\"}, {\"id\": 7}]}";
    g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
    g_autoptr(GPtrArray) odd = uc_openrouter_read (body, url, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (odd->len, ==, 1);
    g_assert_true (isnan (((UcListPrice *) g_ptr_array_index (odd, 0))->input));
    g_assert_true (isnan (((UcListPrice *) g_ptr_array_index (odd, 0))->output));
  }
  {
    const char *bad[] = { "{\"models\": []}", "{\"data\": []}", "<!doctype html><title>Cloudflare</title>" };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr(GBytes) body = g_bytes_new_static (bad[i], strlen (bad[i]));
        g_autoptr(GError) refused = NULL;
        g_autoptr(GPtrArray) none = uc_openrouter_read (body, url, &refused);

        g_assert_null (none);
        g_assert_nonnull (refused);
        g_assert_true (g_str_has_prefix (refused->message, url));
      }
  }
}

static const UcModelRelease *
find_release (GPtrArray  *releases,
              const char *model)
{
  for (guint i = 0; i < releases->len; i++)
    {
      const UcModelRelease *r = g_ptr_array_index (releases, i);

      if (g_str_equal (r->model, model))
        return r;
    }
  return NULL;
}

/* Epoch's notable models as served in July 2026: 40 records on 95 lines,
 * 13 of them with fields that span lines. */
static void
test_epoch_notable (void)
{
  g_autoptr(GBytes) body = fixture ("epoch_notable_2026-07.csv");
  g_autoptr(GError) error = NULL;
  guint skipped = 99, lines = 0, chinese = 0, open[3] = { 0 };
  g_autoptr(GPtrArray) releases = uc_epoch_read (body, "https://epoch.example/data/notable_ai_models.csv",
                                                 &skipped, &error);
  gsize len;
  const char *data = g_bytes_get_data (body, &len);
  const UcModelRelease *first, *last, *r;

  g_assert_no_error (error);
  for (gsize i = 0; i < len; i++)
    lines += data[i] == '\n';
  g_assert_cmpuint (lines, ==, 95);
  g_assert_cmpuint (releases->len, ==, 40);
  g_assert_cmpuint (skipped, ==, 0);
  first = g_ptr_array_index (releases, 0);
  g_assert_cmpstr (first->model, ==, "Inkling");
  g_assert_cmpstr (first->organization, ==, "Thinking Machines");
  g_assert_cmpint (first->date, ==, day ("2026-07-15"));
  g_assert_true (first->date_is_paper);
  g_assert_cmpstrv (first->countries, ((const char * const []) { "US", NULL }));
  g_assert_cmpint (first->open_weights, ==, UC_OPEN_WEIGHTS_YES);
  g_assert_false (first->open_weights_derived);
  g_assert_cmpfloat (first->parameters, ==, 975e9);
  g_assert_cmpstr (first->link, ==, "https://thinkingmachines.ai/news/introducing-inkling/");
  /* The record after Inkling's three-paragraph abstract starts where it should. */
  r = g_ptr_array_index (releases, 1);
  g_assert_cmpstr (r->model, ==, "Claude Mythos 5");
  g_assert_cmpstr (r->accessibility, ==, "Unreleased");
  g_assert_true (isnan (r->parameters));
  last = g_ptr_array_index (releases, 39);
  g_assert_cmpstr (last->model, ==, "Kimi K2.5");
  g_assert_cmpstr (last->organization, ==, "Moonshot");
  g_assert_cmpint (last->date, ==, day ("2026-02-02"));
  g_assert_cmpstrv (last->countries, ((const char * const []) { "CN", NULL }));
  /* Two addresses on two lines of one quoted field: the first. */
  r = find_release (releases, "Nemotron 3 Ultra");
  g_assert_cmpstr (r->link, ==, "https://arxiv.org/abs/2512.20856");
  /* "Korea (Republic of)"; an author list under "Link": no address. */
  r = find_release (releases, "EXAONE 4.5");
  g_assert_cmpstrv (r->countries, ((const char * const []) { "KR", NULL }));
  g_assert_null (r->link);
  g_assert_cmpfloat (r->parameters, ==, 33.2e9);
  /* Neither weights nor accessibility said: not known, not guessed. */
  r = find_release (releases, "GLM-5.1");
  g_assert_cmpint (r->open_weights, ==, UC_OPEN_WEIGHTS_UNKNOWN);
  g_assert_null (r->accessibility);
  for (guint i = 0; i < releases->len; i++)
    {
      r = g_ptr_array_index (releases, i);
      chinese += g_strv_contains ((const char * const *) r->countries, "CN");
      open[r->open_weights]++;
      g_assert_true (r->date_is_paper);
    }
  g_assert_cmpuint (chinese, ==, 17);
  g_assert_cmpuint (open[UC_OPEN_WEIGHTS_YES], ==, 13);
  g_assert_cmpuint (open[UC_OPEN_WEIGHTS_NO], ==, 22);
  g_assert_cmpuint (open[UC_OPEN_WEIGHTS_UNKNOWN], ==, 5);
}

/* A value for each column the reader knows, by name; "" for the rest. */
static const char *
epoch_cell (const char *column,
            gboolean    dated)
{
  static const char * const cells[][2] = {
    { "Model", "Mixtral \"8x7B\", base" },
    { "Organization", "Mistral AI,Google" },
    { "Country (of organization)", "France,United States of America" },
    { "Country (from Organization)", "France,United States of America" },
    { "Model accessibility", "Open weights (unrestricted)" },
    { "Open model weights?", "No" },
    { "Parameters", "46700000000.0" },
    { "Link", "https://arxiv.org/abs/2401.04088\nhttps://mistral.ai/news/mixtral-of-experts/" },
  };

  if (g_str_equal (column, "Publication date"))
    return dated ? "2023-12-11" : "";
  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    if (g_str_equal (column, cells[i][0]))
      return cells[i][1];
  return "";
}

/* A row under @columns, every field quoted, quotes doubled. */
static void
append_epoch_row (GString    *csv,
                  char      **columns,
                  gboolean    dated)
{
  g_string_append_c (csv, '\n');
  for (guint c = 0; columns[c]; c++)
    {
      g_auto(GStrv) parts = g_strsplit (epoch_cell (columns[c], dated), "\"", -1);
      g_autofree char *escaped = g_strjoinv ("\"\"", parts);

      g_string_append_printf (csv, "%s\"%s\"", c ? "," : "", escaped);
    }
}

/* Every header form Epoch has served (epoch_header.txt: the 2026 notable
 * and all-models files, the 2025 notable file, the large-scale one), each
 * over a dated row and an undated one. Where "Open model weights?" is not
 * a column, the accessibility answers, and says so. */
static void
test_epoch_headers (void)
{
  g_autoptr(GBytes) headers = fixture ("epoch_header.txt");
  g_autofree char *text = g_strndup (g_bytes_get_data (headers, NULL), g_bytes_get_size (headers));
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint forms = 0;

  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) columns = g_strsplit (lines[i], ",", -1);
      g_autoptr(GString) csv = g_string_new (lines[i]);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GPtrArray) releases = NULL;
      g_autoptr(GError) error = NULL;
      gboolean asked = g_strv_contains ((const char * const *) columns, "Open model weights?");
      const UcModelRelease *r;
      guint skipped = 0;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      append_epoch_row (csv, columns, TRUE);
      append_epoch_row (csv, columns, FALSE);
      g_string_append_c (csv, '\n');
      body = g_bytes_new (csv->str, csv->len);
      releases = uc_epoch_read (body, "https://epoch.example/x.csv", &skipped, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (releases->len, ==, 1);
      g_assert_cmpuint (skipped, ==, 1);
      r = g_ptr_array_index (releases, 0);
      g_assert_cmpstr (r->model, ==, "Mixtral \"8x7B\", base");
      g_assert_cmpstr (r->organization, ==, "Mistral AI,Google");
      g_assert_cmpint (r->date, ==, day ("2023-12-11"));
      g_assert_cmpstrv (r->countries, ((const char * const []) { "FR", "US", NULL }));
      g_assert_cmpfloat (r->parameters, ==, 46.7e9);
      g_assert_cmpstr (r->accessibility, ==, "Open weights (unrestricted)");
      g_assert_cmpint (r->open_weights, ==, asked ? UC_OPEN_WEIGHTS_NO : UC_OPEN_WEIGHTS_YES);
      g_assert_true (r->open_weights_derived == !asked);
      if (g_strv_contains ((const char * const *) columns, "Link"))
        g_assert_cmpstr (r->link, ==, "https://arxiv.org/abs/2401.04088");
      else
        g_assert_null (r->link);
      forms++;
    }
  g_assert_cmpuint (forms, ==, 4);
}

/* Spelled out, several to a cell, in Epoch's order; a name with a comma
 * of its own kept whole; one not known kept as written, never dropped. */
static void
test_epoch_countries (void)
{
  static const struct { const char *cell; const char *codes[4]; } cases[] = {
    { "United States of America,China", { "US", "CN" } },
    { "United Kingdom of Great Britain and Northern Ireland,Multinational,United States of America",
      { "GB", "Multinational", "US" } },
    { "Korea, Republic of,China", { "KR", "CN" } },
    { "Korea (Republic of)", { "KR" } },
    { " Israel , Canada ", { "IL", "CA" } },
    { "United States,United States of America", { "US" } },
    { "Atlantis,france", { "Atlantis", "FR" } },
    { "", { NULL } },
  };
  const char *url = "https://epoch.example/x.csv";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = g_strdup_printf ("Model,Organization,Publication date,Country (of organization)\n"
                                              "M,O,2024-01-02,\"%s\"\n", cases[i].cell);
      g_autoptr(GBytes) body = g_bytes_new (csv, strlen (csv));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) releases = uc_epoch_read (body, url, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpstrv (((UcModelRelease *) g_ptr_array_index (releases, 0))->countries, cases[i].codes);
    }
  g_assert_cmpstr (uc_epoch_country_code ("China"), ==, "CN");
  g_assert_cmpstr (uc_epoch_country_code ("united states of america"), ==, "US");
  g_assert_null (uc_epoch_country_code ("Multinational"));
}

/* Each refused with a message naming the URL and what is wrong; a cut
 * body where the reader stopped (line and column). */
static void
test_epoch_hostile (void)
{
  static const struct { const char *name, *body; UcNetError code; const char *message; } cases[] = {
    { "empty", "\n\n", UC_NET_ERROR_NOT_CSV, "the answer is empty" },
    { "page", "<!DOCTYPE html><html><body>Just a moment…</body></html>", UC_NET_ERROR_NOT_CSV, "a web page" },
    { "latin-1", "Model,Organization,Publication date\nMod\xe8le,Mistral AI,2023-12-11\n", UC_NET_ERROR_NOT_CSV,
      "line 2, column 4: invalid UTF-8" },
    { "no date column", "Model,Organization,Date\nX,Y,2023-12-11\n", UC_NET_ERROR_SCHEMA,
      "no “Publication date” column" },
    { "no organization", "Model,Publication date\nX,2023-12-11\n", UC_NET_ERROR_SCHEMA, "no “Organization” column" },
    { "model renamed", "Name,Organization,Publication date\nX,Y,2023-12-11\n", UC_NET_ERROR_SCHEMA,
      "no “Model” column" },
    { "json", "{\"Model\": \"X\"}", UC_NET_ERROR_NOT_CSV, "line 1, column 2: quote inside an unquoted field" },
    { "same name twice", "Model,Model,Organization,Publication date\nX,X,Y,2023-12-11\n", UC_NET_ERROR_SCHEMA, "" },
    { "header only", "Model,Organization,Publication date\n", UC_NET_ERROR_NO_DATA, "no model with a publication date" },
    { "no day", "Model,Organization,Publication date\nX,Y,\nZ,Y,2023-12\nW,Y,soon\n", UC_NET_ERROR_NO_DATA,
      "(3 rows)" },
    { "ragged", "Model,Organization,Publication date\nX,Y\n", UC_NET_ERROR_NOT_CSV, "line 2, column" },
    { "quote left open", "Model,Organization,Publication date\n\"X,Y,2023-12-11\n", UC_NET_ERROR_NOT_CSV,
      "line 2, column 1" },
  };
  const char *url = "https://epoch.example/data/notable_ai_models.csv";

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) releases = uc_epoch_read (body, url, NULL, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(read)");
      g_assert_null (releases);
      g_assert_error (error, UC_NET_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, url));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* The recorded file cut off, as a dropped connection leaves it: inside a
 * quoted abstract, and inside a record's unquoted fields. */
static void
test_epoch_truncated (void)
{
  g_autoptr(GBytes) whole = fixture ("epoch_notable_2026-07.csv");
  gsize len;
  const char *data = g_bytes_get_data (whole, &len);
  const char *cuts[] = { strstr (data, "Our model, called Inkling"), strstr (data, "\nKimi K2.5,Moonshot,2026-02") };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) releases = NULL;

      g_assert_nonnull (cuts[i]);
      cut = g_bytes_new (data, cuts[i] - data + (i == 0 ? 0 : strlen ("\nKimi K2.5,Moonshot,2026-02")));
      releases = uc_epoch_read (cut, "https://epoch.example/x.csv", NULL, &error);
      g_test_message ("%s", error ? error->message : "(read)");
      g_assert_null (releases);
      g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV);
      g_assert_true (g_str_has_prefix (error->message, "https://epoch.example/x.csv: line "));
    }
}

static const char sec_url[] = "https://sec.example/api/xbrl/companyfacts/CIK0001045810.json";

/* NVIDIA's company facts as served in July 2026: 68 cover-page counts,
 * as reported (the 2021 and 2024 splits visible), oldest first. */
static void
test_sec_nvda (void)
{
  g_autoptr(GBytes) body = fixture ("sec_companyfacts_nvda.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) counts = uc_sec_read_shares (body, sec_url, &name, &error);
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_int64_hash, g_int64_equal);
  const UcShareCount *first, *last;

  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "NVIDIA CORP");
  g_assert_cmpuint (counts->len, ==, 68);
  first = g_ptr_array_index (counts, 0);
  g_assert_cmpint (first->as_of, ==, day ("2009-08-17"));
  g_assert_cmpint (first->shares, ==, 547800000);
  g_assert_cmpstr (first->form, ==, "10-Q");
  g_assert_cmpint (first->filed, ==, day ("2009-08-20"));
  g_assert_cmpstr (first->accession, ==, "0001045810-09-000024");
  last = g_ptr_array_index (counts, counts->len - 1);
  g_assert_cmpint (last->as_of, ==, day ("2026-05-15"));
  g_assert_cmpint (last->shares, ==, G_GINT64_CONSTANT (24200000000));
  g_assert_cmpstr (last->form, ==, "10-Q");
  g_assert_cmpint (last->filed, ==, day ("2026-05-20"));
  g_assert_cmpstr (last->accession, ==, "0001045810-26-000052");
  for (guint i = 0; i < counts->len; i++)
    {
      UcShareCount *c = g_ptr_array_index (counts, i);

      g_hash_table_add (distinct, &c->shares);
      if (i > 0)
        g_assert_cmpint (((UcShareCount *) g_ptr_array_index (counts, i - 1))->as_of, <, c->as_of);
    }
  g_assert_cmpuint (g_hash_table_size (distinct), ==, 56);
}

static void
test_sec_url (void)
{
  g_autofree char *nvda = uc_sec_companyfacts_url (1045810);
  g_autofree char *avgo = uc_sec_companyfacts_url (1730168);
  g_autofree char *widest = uc_sec_companyfacts_url (G_GUINT64_CONSTANT (9999999999));

  g_assert_cmpstr (nvda, ==, "https://data.sec.gov/api/xbrl/companyfacts/CIK0001045810.json");
  g_assert_cmpstr (avgo, ==, "https://data.sec.gov/api/xbrl/companyfacts/CIK0001730168.json");
  g_assert_cmpstr (widest, ==, "https://data.sec.gov/api/xbrl/companyfacts/CIK9999999999.json");
}

/* A company-facts answer whose shares list holds @entries. */
static GBytes *
sec_answer (const char *entries)
{
  char *text = g_strdup_printf ("{\"cik\":1,\"facts\":{\"dei\":{\"EntityCommonStockSharesOutstanding\":"
                                "{\"label\":\"x\",\"units\":{\"shares\":[%s]}}}}}", entries);

  return g_bytes_new_take (text, strlen (text));
}

/* Out of order, one count filed twice (the later filing listed first), a
 * day with two different counts: sorted, the repeat kept once from its
 * first filing, both different counts kept; no entityName, no name. */
static void
test_sec_merge (void)
{
  g_autoptr(GBytes) body = sec_answer (
    "{\"end\":\"2024-05-24\",\"val\":2460000000,\"accn\":\"b\",\"form\":\"10-K\",\"filed\":\"2025-02-26\"},"
    "{\"end\":\"2024-05-24\",\"val\":2460000000,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2024-05-29\"},"
    "{\"end\":\"2024-05-24\",\"val\":2470000000.0,\"accn\":\"c\",\"form\":\"10-Q/A\",\"filed\":\"2024-06-03\"},"
    "{\"end\":\"2023-02-17\",\"val\":2470000000,\"accn\":\"d\",\"form\":\"10-K\",\"filed\":\"2023-02-24\",\"fy\":null}");
  g_autoptr(GError) error = NULL;
  char *name = (char *) "not reset";   /* an out argument, overwritten */
  g_autoptr(GPtrArray) counts = uc_sec_read_shares (body, sec_url, &name, &error);
  const UcShareCount *c;

  g_assert_no_error (error);
  g_assert_null (name);
  g_assert_cmpuint (counts->len, ==, 3);
  c = g_ptr_array_index (counts, 0);
  g_assert_cmpstr (c->accession, ==, "d");
  c = g_ptr_array_index (counts, 1);
  g_assert_cmpstr (c->accession, ==, "a");
  g_assert_cmpstr (c->form, ==, "10-Q");
  g_assert_cmpint (c->filed, ==, day ("2024-05-29"));
  g_assert_cmpint (c->shares, ==, 2460000000);
  c = g_ptr_array_index (counts, 2);
  g_assert_cmpstr (c->accession, ==, "c");
  g_assert_cmpint (c->shares, ==, 2470000000);
}

/* Each refused with a message naming the URL, and the member or the entry
 * that is wrong. */
static void
test_sec_hostile (void)
{
  static const struct { const char *name, *body; UcNetError code; const char *message; } cases[] = {
    { "page", "<html><body>Your Request Originates from an Undeclared Automated Tool</body></html>",
      UC_NET_ERROR_NOT_CSV, "a web page" },
    { "empty", "", UC_NET_ERROR_NOT_CSV, "the answer is empty" },
    { "latin-1", "{\"entityName\":\"Soci\xe9t\xe9\",\"facts\":{}}", UC_NET_ERROR_NOT_CSV, "UTF-8" },
    { "cut", "{\"cik\":1045810,\"entityName\":\"NVIDIA CORP\",\"facts\":{\"dei\":{\"EntityCommonStock",
      UC_NET_ERROR_NOT_CSV, "not JSON" },
    { "list", "[]", UC_NET_ERROR_SCHEMA, "expected an object of company facts" },
    { "no facts", "{\"cik\":1}", UC_NET_ERROR_SCHEMA, "no “facts”" },
    { "ifrs filer", "{\"facts\":{\"ifrs-full\":{}}}", UC_NET_ERROR_SCHEMA, "no “facts.dei”" },
    { "no concept", "{\"facts\":{\"dei\":{\"EntityPublicFloat\":{}}}}", UC_NET_ERROR_SCHEMA,
      "no “facts.dei.EntityCommonStockSharesOutstanding”" },
    { "no units", "{\"facts\":{\"dei\":{\"EntityCommonStockSharesOutstanding\":{\"label\":\"x\"}}}}",
      UC_NET_ERROR_SCHEMA, "no “facts.dei.EntityCommonStockSharesOutstanding.units”" },
    { "other unit", "{\"facts\":{\"dei\":{\"EntityCommonStockSharesOutstanding\":{\"units\":{\"USD\":[]}}}}}",
      UC_NET_ERROR_SCHEMA, "no “facts.dei.EntityCommonStockSharesOutstanding.units.shares”" },
    { "units a list", "{\"facts\":{\"dei\":{\"EntityCommonStockSharesOutstanding\":{\"units\":[]}}}}",
      UC_NET_ERROR_SCHEMA, "“facts.dei.EntityCommonStockSharesOutstanding.units” is not an object" },
    { "shares an object", "{\"facts\":{\"dei\":{\"EntityCommonStockSharesOutstanding\":{\"units\":{\"shares\":{}}}}}}",
      UC_NET_ERROR_SCHEMA, "“facts.dei.EntityCommonStockSharesOutstanding.units.shares” is not a list" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new_static (cases[i].body, strlen (cases[i].body));
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GPtrArray) counts = uc_sec_read_shares (body, sec_url, &name, &error);

      g_test_message ("%s: %s", cases[i].name, error ? error->message : "(read)");
      g_assert_null (counts);
      g_assert_null (name);
      g_assert_error (error, UC_NET_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, sec_url));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* Entries that are no count: the entry named by its index, the whole
 * answer refused (a count read wrong would make a market cap wrong). */
static void
test_sec_bad_entries (void)
{
  static const struct { const char *entries; UcNetError code; const char *message; } cases[] = {
    { "", UC_NET_ERROR_NO_DATA, "the list of shares outstanding is empty" },
    { "7", UC_NET_ERROR_DATA, "entry 0 of “facts.dei.EntityCommonStockSharesOutstanding.units.shares” is not an object" },
    { "{\"end\":\"2026-05-15\",\"val\":\"24200000000\",\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}",
      UC_NET_ERROR_DATA, "entry 0 of “facts.dei.EntityCommonStockSharesOutstanding.units.shares” has no count “val”" },
    { "{\"end\":\"2026-05-15\",\"val\":-5,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}",
      UC_NET_ERROR_DATA, "has no count “val”" },
    { "{\"end\":\"2026-05-15\",\"val\":0,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}",
      UC_NET_ERROR_DATA, "has no count “val”" },
    { "{\"end\":\"2026-05-15\",\"val\":2.5,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}",
      UC_NET_ERROR_DATA, "has no count “val”" },
    { "{\"end\":\"2026-05-15\",\"val\":1e30,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}",
      UC_NET_ERROR_DATA, "has no count “val”" },
    { "{\"end\":\"2026-05-15\",\"val\":null,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}",
      UC_NET_ERROR_DATA, "has no count “val”" },
    { "{\"end\":\"2026-05-15\",\"val\":5,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"},"
      "{\"end\":\"2026-02-30\",\"val\":5,\"accn\":\"b\",\"form\":\"10-K\",\"filed\":\"2026-03-02\"}",
      UC_NET_ERROR_DATA, "entry 1 of “facts.dei.EntityCommonStockSharesOutstanding.units.shares” has no day “end”" },
    { "{\"val\":5,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}", UC_NET_ERROR_DATA,
      "has no day “end”" },
    { "{\"end\":20260515,\"val\":5,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}", UC_NET_ERROR_DATA,
      "has no day “end”" },
    { "{\"end\":\"2026-05-15\",\"val\":5,\"accn\":\"a\",\"form\":\"10-Q\",\"filed\":\"20 May 2026\"}",
      UC_NET_ERROR_DATA, "has no day “filed”" },
    { "{\"end\":\"2026-05-15\",\"val\":5,\"accn\":\"a\",\"form\":10,\"filed\":\"2026-05-20\"}", UC_NET_ERROR_DATA,
      "has no “form”" },
    { "{\"end\":\"2026-05-15\",\"val\":5,\"form\":\"10-Q\",\"filed\":\"2026-05-20\"}", UC_NET_ERROR_DATA,
      "has no accession number “accn”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) body = sec_answer (cases[i].entries);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) counts = uc_sec_read_shares (body, sec_url, NULL, &error);

      g_test_message ("%u: %s", i, error ? error->message : "(read)");
      g_assert_null (counts);
      g_assert_error (error, UC_NET_ERROR, (int) cases[i].code);
      g_assert_true (g_str_has_prefix (error->message, sec_url));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* The recorded answer cut in half, as a dropped connection leaves it. */
static void
test_sec_truncated (void)
{
  g_autoptr(GBytes) whole = fixture ("sec_companyfacts_nvda.json");
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) / 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) counts = uc_sec_read_shares (cut, sec_url, NULL, &error);

  g_test_message ("%s", error ? error->message : "(read)");
  g_assert_null (counts);
  g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_NOT_CSV);
  g_assert_true (g_str_has_prefix (error->message, sec_url));
  g_assert_nonnull (strstr (error->message, "not JSON"));
}

/* A local server playing a source, well or badly: no test leaves the
 * machine. It speaks plain HTTP/1.1 from a worker thread per connection
 * (libsoup 3.2's own server leaks the connections a client closes). */
static void
respond (GOutputStream *out,
         const char    *head,
         const char    *body,
         gsize          len)
{
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  if (body)
    g_output_stream_write_all (out, body, len, NULL, NULL, NULL);
}

static gboolean
serve (GThreadedSocketService *service,
       GSocketConnection      *connection,
       GObject                *source,
       gpointer                data)
{
  g_autoptr(GDataInputStream) in = g_data_input_stream_new (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  static const char table[] = "observation_date,SP500\n2025-02-19,6144.15\n2025-02-20,6117.52\n";
  g_autofree char *request = g_data_input_stream_read_line (in, NULL, NULL, NULL);
  gboolean current = FALSE;
  char *line;

  if (request == NULL)
    return TRUE;
  /* The headers, up to the empty line; the copy the client holds. */
  while ((line = g_data_input_stream_read_line (in, NULL, NULL, NULL)) != NULL && line[0] != '\r' && line[0] != '\0')
    {
      current |= g_str_has_prefix (line, "If-None-Match: \"v1\"");
      g_free (line);
    }
  g_free (line);
  if (g_str_has_prefix (request, "GET /fred "))
    {
      g_autofree char *head = g_strdup_printf ("HTTP/1.1 %s\r\nETag: \"v1\"\r\nContent-Type: text/csv\r\n"
                                               "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                                               current ? "304 Not Modified" : "200 OK", current ? 0 : strlen (table));

      respond (out, head, current ? NULL : table, strlen (table));
    }
  else if (g_str_has_prefix (request, "GET /busy "))
    respond (out, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 120\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
             NULL, 0);
  else if (g_str_has_prefix (request, "GET /big"))
    {
      gboolean chunked = g_str_has_prefix (request, "GET /big-chunked ");
      gsize n = 2 * 1024 * 1024;
      g_autofree char *big = g_malloc (n);
      g_autofree char *head = chunked
        ? g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nTransfer-Encoding: chunked\r\n"
                           "Connection: close\r\n\r\n%zx\r\n", n)
        : g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: %zu\r\n"
                           "Connection: close\r\n\r\n", n);

      memset (big, 'x', n);
      respond (out, head, big, n);
      if (chunked)
        respond (out, "\r\n0\r\n\r\n", NULL, 0);
    }
  else if (g_str_has_prefix (request, "GET /stall "))
    {
      /* Never answers: waits for the client to give up and hang up. */
      g_autofree char *rest = g_data_input_stream_read_line (in, NULL, NULL, NULL);
    }
  else if (g_str_has_prefix (request, "GET /loop "))
    respond (out, "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n", NULL, 0);
  else
    respond (out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", NULL, 0);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

typedef struct
{
  gboolean       done;
  UcFetchResult *result;
  GError        *error;
} Wait;

static void
on_fetched (GObject      *object,
            GAsyncResult *res,
            gpointer      data)
{
  Wait *w = data;

  w->result = uc_fetcher_get_finish (UC_FETCHER (object), res, &w->error);
  w->done = TRUE;
}

static UcFetchResult *
fetch (UcFetcher   *fetcher,
       const char  *url,
       const char  *etag,
       gsize        max_size,
       GError     **error)
{
  Wait w = { 0 };

  uc_fetcher_get_async (fetcher, url, etag, NULL, max_size, NULL, on_fetched, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  if (w.error)
    g_propagate_error (error, w.error);
  return w.result;
}

static void
test_fetch (void)
{
  GSocketService *server = g_threaded_socket_service_new (8);
  g_autoptr(UcFetcher) fetcher = uc_fetcher_new (1);
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  guint16 port;
  static const struct { const char *path; UcNetError code; const char *message; } refused[] = {
    { "/missing", UC_NET_ERROR_HTTP, "the server answered HTTP 404" },
    { "/busy", UC_NET_ERROR_HTTP, "HTTP 503 (try again after 120 s)" },
    { "/big", UC_NET_ERROR_TOO_LARGE, "larger than 1048576 bytes" },
    { "/big-chunked", UC_NET_ERROR_TOO_LARGE, "larger than 1048576 bytes" },
    { "/stall", UC_NET_ERROR_TRANSPORT, "" },
    { "/loop", UC_NET_ERROR_TRANSPORT, "" },
  };

  g_signal_connect (server, "run", G_CALLBACK (serve), NULL);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server), NULL, &error);
  g_assert_no_error (error);
  g_socket_service_start (server);
  base = g_strdup_printf ("http://127.0.0.1:%u", port);

  /* Plain http is refused unless allowed (the local server speaks it). */
  {
    g_autofree char *url = g_strconcat (base, "/fred", NULL);
    g_autoptr(UcFetchResult) none = fetch (fetcher, url, NULL, 1 << 20, &error);

    g_assert_null (none);
    g_assert_error (error, UC_NET_ERROR, UC_NET_ERROR_INSECURE);
    g_clear_error (&error);
  }
  uc_fetcher_set_allow_http (fetcher, TRUE);

  /* A fresh copy, then one round trip saying it has not changed. */
  {
    g_autofree char *url = g_strconcat (base, "/fred", NULL);
    g_autoptr(UcFetchResult) first = fetch (fetcher, url, NULL, 1 << 20, &error);
    g_autoptr(UcFetchResult) again = NULL;
    g_autoptr(UcSeries) series = NULL;

    g_assert_no_error (error);
    g_assert_false (first->not_modified);
    g_assert_cmpstr (first->etag, ==, "\"v1\"");
    g_assert_cmpstr (first->content_type, ==, "text/csv");
    series = uc_fred_read (first->body, "SP500", url, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (uc_series_get_length (series), ==, 2);
    again = fetch (fetcher, url, first->etag, 1 << 20, &error);
    g_assert_no_error (error);
    g_assert_true (again->not_modified);
    g_assert_null (again->body);
  }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *url = g_strconcat (base, refused[i].path, NULL);
      gint64 start = g_get_monotonic_time ();
      g_autoptr(UcFetchResult) none = fetch (fetcher, url, NULL, 1 << 20, &error);

      g_test_message ("%s: %s", refused[i].path, error ? error->message : "(fetched)");
      g_assert_null (none);
      g_assert_error (error, UC_NET_ERROR, (int) refused[i].code);
      g_assert_true (g_str_has_prefix (error->message, url));
      g_assert_nonnull (strstr (error->message, refused[i].message));
      /* A stalled server is given up on after the timeout, not waited for. */
      g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
      g_clear_error (&error);
    }
  /* Both ends' connections closed and their last events run, so nothing
   * of them is left at exit. */
  g_clear_object (&fetcher);
  g_socket_service_stop (server);
  g_socket_listener_close (G_SOCKET_LISTENER (server));
  g_object_unref (server);
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
}

static void
on_skimmed (const char *name,
            gsize       name_length,
            const char *value,
            gsize       value_length,
            gpointer    data)
{
  g_string_append_printf (data, "[%.*s=%.*s]", (int) name_length, name, (int) value_length, value);
}

/* Members found by their bytes: strings holding quotes and brackets,
 * escapes, scalars; anything cut short or not an object refused. */
static void
test_json_skim (void)
{
  static const struct { const char *json; const char *members; const char *problem; } cases[] = {
    { "{}", "", NULL },
    { " {\"a\": 1, \"b\":true,\"c\" : null} ", "[a=1][b=true][c=null]", NULL },
    { "{\"a\": {\"x\": \"}]\\\"{\"}, \"b\": [1, [2, {\"y\": 3}]]}",
      "[a={\"x\": \"}]\\\"{\"}][b=[1, [2, {\"y\": 3}]]]", NULL },
    { "{\"q\\\"\": \"\\\\\"}", "[q\\\"=\"\\\\\"]", NULL },
    { "[1]", "", "expected an object" },
    { "", "", "expected an object" },
    { "{\"a\": {\"b\": 1}", "", "cut short" },
    { "{\"a\": \"open", "", "cut short" },
    { "{\"a\": 1", "", "cut short" },
    { "{\"a\" 1}", "", "not a JSON object" },
    { "{\"a\": 1} x", "[a=1]", "not a JSON object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) seen = g_string_new (NULL);
      const char *problem = NULL;
      gsize offset = 0;
      gboolean ok = uc_json_skim_object (cases[i].json, strlen (cases[i].json), on_skimmed, seen, &problem, &offset);

      g_test_message ("%s → %s %s", cases[i].json, seen->str, problem ? problem : "");
      g_assert_cmpint (ok, ==, cases[i].problem == NULL);
      if (ok)
        g_assert_cmpstr (seen->str, ==, cases[i].members);
      else
        g_assert_nonnull (strstr (problem, cases[i].problem));
    }
  /* Nesting past 512 levels is refused, not followed. */
  {
    g_autoptr(GString) deep = g_string_new ("{\"a\": ");
    g_autoptr(GString) seen = g_string_new (NULL);
    const char *problem = NULL;
    gsize offset;

    for (int i = 0; i < 600; i++)
      g_string_append_c (deep, '[');
    g_assert_false (uc_json_skim_object (deep->str, deep->len, on_skimmed, seen, &problem, &offset));
    g_assert_cmpstr (problem, ==, "nested too deeply");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/net/json-skim", test_json_skim);
  g_test_add_func ("/net/fred-current", test_fred_current);
  g_test_add_func ("/net/fred-older", test_fred_older);
  g_test_add_func ("/net/fred-hostile", test_fred_hostile);
  g_test_add_func ("/net/fred-truncated", test_fred_truncated);
  g_test_add_func ("/net/stooq-daily", test_stooq_daily);
  g_test_add_func ("/net/stooq-five-fields", test_stooq_five_fields);
  g_test_add_func ("/net/stooq-refusals", test_stooq_refusals);
  g_test_add_func ("/net/models-dev-snapshots", test_models_dev_snapshots);
  g_test_add_func ("/net/models-dev-hostile", test_models_dev_hostile);
  g_test_add_func ("/net/openrouter", test_openrouter);
  g_test_add_func ("/net/epoch-notable", test_epoch_notable);
  g_test_add_func ("/net/epoch-headers", test_epoch_headers);
  g_test_add_func ("/net/epoch-countries", test_epoch_countries);
  g_test_add_func ("/net/epoch-hostile", test_epoch_hostile);
  g_test_add_func ("/net/epoch-truncated", test_epoch_truncated);
  g_test_add_func ("/net/sec-nvda", test_sec_nvda);
  g_test_add_func ("/net/sec-url", test_sec_url);
  g_test_add_func ("/net/sec-merge", test_sec_merge);
  g_test_add_func ("/net/sec-hostile", test_sec_hostile);
  g_test_add_func ("/net/sec-bad-entries", test_sec_bad_entries);
  g_test_add_func ("/net/sec-truncated", test_sec_truncated);
  g_test_add_func ("/net/fetch", test_fetch);
  return g_test_run ();
}
