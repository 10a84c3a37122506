/* uc-epoch.c: Epoch AI's notable_ai_models.csv read as model releases */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-epoch.h"

#include <math.h>
#include <string.h>

#include "uc-csv.h"
#include "uc-dataset.h"
#include "uc-net-answer.h"

void
uc_model_release_free (UcModelRelease *release)
{
  g_free (release->model);
  g_free (release->organization);
  g_strfreev (release->countries);
  g_free (release->accessibility);
  g_free (release->link);
  g_free (release);
}

/* As the embedded dataset writes it. */
const char *
uc_open_weights_to_string (UcOpenWeights open_weights)
{
  switch (open_weights)
    {
    case UC_OPEN_WEIGHTS_YES: return "yes";
    case UC_OPEN_WEIGHTS_NO: return "no";
    case UC_OPEN_WEIGHTS_UNKNOWN:
    default: return "unknown";
    }
}

/* Epoch's spellings (the UN's, mostly) and the common short ones. */
static const struct { const char *name, *code; } countries[] = {
  { "United States of America", "US" }, { "United States", "US" }, { "USA", "US" }, { "US", "US" },
  { "China", "CN" }, { "People's Republic of China", "CN" },
  { "United Kingdom of Great Britain and Northern Ireland", "GB" }, { "United Kingdom", "GB" }, { "UK", "GB" },
  { "France", "FR" }, { "Germany", "DE" }, { "Canada", "CA" }, { "Israel", "IL" },
  { "Korea (Republic of)", "KR" }, { "Korea, Republic of", "KR" }, { "Republic of Korea", "KR" },
  { "South Korea", "KR" }, { "Japan", "JP" }, { "India", "IN" }, { "Switzerland", "CH" },
  { "Netherlands", "NL" }, { "Singapore", "SG" }, { "Russia", "RU" }, { "Russian Federation", "RU" },
  { "United Arab Emirates", "AE" }, { "Taiwan", "TW" }, { "Hong Kong", "HK" }, { "Finland", "FI" },
  { "Sweden", "SE" }, { "Spain", "ES" }, { "Italy", "IT" }, { "Australia", "AU" }, { "Saudi Arabia", "SA" },
  { "Poland", "PL" }, { "Czechia", "CZ" }, { "Czech Republic", "CZ" }, { "Denmark", "DK" }, { "Belgium", "BE" },
  { "Austria", "AT" }, { "Ireland", "IE" }, { "Brazil", "BR" }, { "Turkey", "TR" }, { "Türkiye", "TR" },
  { "Norway", "NO" }, { "Iran (Islamic Republic of)", "IR" }, { "Iran", "IR" }, { "Viet Nam", "VN" },
  { "Vietnam", "VN" }, { "Indonesia", "ID" }, { "Thailand", "TH" }, { "Qatar", "QA" }, { "Kazakhstan", "KZ" },
  { "Portugal", "PT" }, { "Greece", "GR" }, { "Luxembourg", "LU" }, { "Estonia", "EE" }, { "Hungary", "HU" },
  { "Ukraine", "UA" }, { "Egypt", "EG" }, { "Nigeria", "NG" }, { "Mexico", "MX" }, { "Argentina", "AR" },
  { "Chile", "CL" }, { "Malaysia", "MY" }, { "Philippines", "PH" }, { "New Zealand", "NZ" },
  { "South Africa", "ZA" }, { "Pakistan", "PK" }, { "Romania", "RO" },
};

/* A country's ISO 3166 alpha-2 code from its name as Epoch spells it
 * (case aside), or NULL when not known. */
const char *
uc_epoch_country_code (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    if (g_ascii_strcasecmp (name, countries[i].name) == 0)
      return countries[i].code;
  return NULL;
}

/* "United States of America,China" as { "US", "CN" }: in order, each once,
 * a name with a comma of its own ("Korea, Republic of") kept whole. */
static char **
split_countries (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  GPtrArray *codes = g_ptr_array_new ();

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));
      const char *code;

      if (parts[i + 1])
        {
          g_autofree char *pair = g_strstrip (g_strdup_printf ("%s,%s", parts[i], parts[i + 1]));

          if (uc_epoch_country_code (pair))
            {
              g_free (name);
              name = g_steal_pointer (&pair);
              i++;
            }
        }
      code = uc_epoch_country_code (name);
      if (*name != '\0' && !g_ptr_array_find_with_equal_func (codes, code ? code : name, g_str_equal, NULL))
        g_ptr_array_add (codes, code ? g_strdup (code) : g_steal_pointer (&name));
    }
  g_ptr_array_add (codes, NULL);
  return (char **) g_ptr_array_free (codes, FALSE);
}

/* "Yes" or "No" under "Open model weights?"; anything else not known. */
static UcOpenWeights
open_weights_answer (const char *text)
{
  if (text && g_ascii_strcasecmp (text, "yes") == 0)
    return UC_OPEN_WEIGHTS_YES;
  if (text && g_ascii_strcasecmp (text, "no") == 0)
    return UC_OPEN_WEIGHTS_NO;
  return UC_OPEN_WEIGHTS_UNKNOWN;
}

/* Before that column, the accessibility said it: "Open weights (…)" (and
 * the older "Open source", "Open access (…)") are weights one can download;
 * "API access", "Hosted access (no API)" and "Unreleased" are not. */
static UcOpenWeights
open_weights_from_accessibility (const char *text)
{
  static const char * const open[] = { "open weights", "open source", "open access" };
  static const char * const closed[] = { "api access", "api accessible", "hosted access", "unreleased" };

  for (guint i = 0; text && i < G_N_ELEMENTS (open); i++)
    if (g_ascii_strncasecmp (text, open[i], strlen (open[i])) == 0)
      return UC_OPEN_WEIGHTS_YES;
  for (guint i = 0; text && i < G_N_ELEMENTS (closed); i++)
    if (g_ascii_strncasecmp (text, closed[i], strlen (closed[i])) == 0)
      return UC_OPEN_WEIGHTS_NO;
  return UC_OPEN_WEIGHTS_UNKNOWN;
}

/* The first http(s) address of a cell that may hold several, one a line,
 * or (a slip in Epoch's data) no address at all. */
static char *
first_link (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text ? text : "", " \t\r\n,", -1);

  for (guint i = 0; words[i]; i++)
    if (g_str_has_prefix (words[i], "https://") || g_str_has_prefix (words[i], "http://"))
      return g_strdup (words[i]);
  return NULL;
}

/* Where each column is, -1 for the optional ones not there. */
typedef struct
{
  int model, organization, date;
  int country, open_weights, accessibility, parameters, link;
} Columns;

/* The first of @names the header has, or -1. */
static int
find_any (UcDataset          *table,
          const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    {
      int column = uc_dataset_find_column (table, names[i]);

      if (column >= 0)
        return column;
    }
  return -1;
}

static gboolean
find_columns (UcDataset   *table,
              Columns     *c,
              const char  *url,
              GError     **error)
{
  /* Each column's names, today's first; "System" is the 2023 files' "Model". */
  static const char * const model[] = { "Model", "System", NULL };
  static const char * const organization[] = { "Organization", "Organisation", NULL };
  static const char * const date[] = { "Publication date", NULL };
  static const char * const country[] = { "Country (of organization)", "Country (from Organization)", "Country", NULL };
  static const char * const open[] = { "Open model weights?", NULL };
  static const char * const access[] = { "Model accessibility", NULL };
  static const char * const parameters[] = { "Parameters", NULL };
  static const char * const link[] = { "Link", NULL };
  const char *missing;

  c->model = find_any (table, model);
  c->organization = find_any (table, organization);
  c->date = find_any (table, date);
  missing = c->model < 0 ? model[0] : c->organization < 0 ? organization[0] : c->date < 0 ? date[0] : NULL;
  if (missing)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_SCHEMA,
                   /* Translators: an address, then the column's name; the names in quotes are the table's, kept. */
                   _("%s: no “%s” column: not Epoch AI's table of models (it needs “Model”, “Organization” and "
                     "“Publication date”)"), url, missing);
      return FALSE;
    }
  c->country = find_any (table, country);
  c->open_weights = find_any (table, open);
  c->accessibility = find_any (table, access);
  c->parameters = find_any (table, parameters);
  c->link = find_any (table, link);
  return TRUE;
}

/* A cell as text, trimmed; NULL when missing, empty or the column absent.
 * A column the reader typed (numbers for names) is written back. */
static char *
cell_text (UcDataset *table,
           int        column,
           guint      row)
{
  char *text;

  if (column < 0 || uc_dataset_is_missing (table, column, row))
    return NULL;
  text = uc_dataset_get_column_type (table, column) == UC_COLUMN_TEXT
         ? g_strdup (uc_dataset_get_text (table, column, row)) : uc_dataset_format_cell (table, column, row);
  if (text && *g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* A day as YYYY-MM-DD, UC_TIME_MISSING otherwise (a month alone is no day). */
static UcTime
cell_date (UcDataset *table,
           int        column,
           guint      row)
{
  g_autofree char *text = NULL;
  UcTime t;

  if (uc_dataset_get_column_type (table, column) == UC_COLUMN_DATE &&
      uc_dataset_get_date_unit (table, column) == UC_DATE_UNIT_DAY)
    return uc_dataset_get_times (table, column)[row];
  text = cell_text (table, column, row);
  return text && uc_time_parse_date (text, strlen (text), &t) ? t : UC_TIME_MISSING;
}

/* A count not below zero, NaN otherwise. */
static double
cell_number (UcDataset *table,
             int        column,
             guint      row)
{
  g_autofree char *text = NULL;
  char *end;
  double v;

  if (column >= 0 && uc_dataset_get_column_type (table, column) == UC_COLUMN_NUMBER)
    v = uc_dataset_get_numbers (table, column)[row];
  else if ((text = cell_text (table, column, row)) != NULL)
    v = g_ascii_strtod (text, &end), v = *end == '\0' ? v : NAN;
  else
    v = NAN;
  return isfinite (v) && v >= 0 ? v : NAN;
}

/* Row @row as a release; NULL when it has no day, no model or no
 * organization (a row cut short). */
static UcModelRelease *
read_row (UcDataset     *table,
          const Columns *c,
          guint          row)
{
  g_autoptr(UcModelRelease) release = g_new0 (UcModelRelease, 1);
  g_autofree char *open = cell_text (table, c->open_weights, row);
  g_autofree char *country = cell_text (table, c->country, row);
  g_autofree char *link = cell_text (table, c->link, row);

  release->date = cell_date (table, c->date, row);
  release->model = cell_text (table, c->model, row);
  release->organization = cell_text (table, c->organization, row);
  if (release->date == UC_TIME_MISSING || release->model == NULL || release->organization == NULL)
    return NULL;
  release->date_is_paper = TRUE;
  release->countries = split_countries (country);
  release->accessibility = cell_text (table, c->accessibility, row);
  release->open_weights = open_weights_answer (open);
  /* Older files have no "Open model weights?", and newer ones leave it
   * empty now and then: the accessibility answers instead. */
  if (release->open_weights == UC_OPEN_WEIGHTS_UNKNOWN && open == NULL)
    {
      release->open_weights = open_weights_from_accessibility (release->accessibility);
      release->open_weights_derived = release->open_weights != UC_OPEN_WEIGHTS_UNKNOWN;
    }
  release->parameters = cell_number (table, c->parameters, row);
  release->link = first_link (link);
  return g_steal_pointer (&release);
}

/* The CSV reader's refusal as the source's: the same words (the URL,
 * line and column first), in this layer's domain. */
static void
refuse_csv (GError     *csv_error,
            GError    **error)
{
  UcNetError code = UC_NET_ERROR_NOT_CSV;

  if (g_error_matches (csv_error, UC_CSV_ERROR, UC_CSV_ERROR_TOO_LARGE))
    code = UC_NET_ERROR_TOO_LARGE;
  else if (g_error_matches (csv_error, UC_CSV_ERROR, UC_CSV_ERROR_HEADER))
    code = UC_NET_ERROR_SCHEMA;   /* two columns of one name */

  g_set_error_literal (error, UC_NET_ERROR, code, csv_error->message);
  g_error_free (csv_error);
}

/* @body as Epoch AI serves notable_ai_models.csv (or its siblings,
 * all_ai_models.csv and large_scale_ai_models.csv): one release per row
 * with a day, in the file's order; errors name @url. Rows without a
 * publication day, a model or an organization are left out and counted in
 * @n_skipped (if not NULL), for the caller to say so. */
GPtrArray *
uc_epoch_read (GBytes      *body,
               const char  *url,
               guint       *n_skipped,
               GError     **error)
{
  g_autoptr(GPtrArray) releases = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_model_release_free);
  g_autoptr(UcDataset) table = NULL;
  GError *csv_error = NULL;
  UcCsvOptions options;
  Columns columns;
  guint n;

  g_return_val_if_fail (body != NULL && url != NULL, NULL);

  if (!uc_net_answer_is_text (body, url, error))
    return NULL;
  uc_csv_options_init (&options);
  options.delimiter = ',';
  options.decimal = '.';
  options.encoding = "UTF-8";   /* Epoch's; anything else is refused, not guessed */
  options.header_row = 1;
  options.strict = TRUE;        /* a row cut short is a body cut short */
  if ((table = uc_csv_read_bytes (body, url, &options, NULL, &csv_error)) == NULL)
    return refuse_csv (csv_error, error), NULL;
  if (!find_columns (table, &columns, url, error))
    return NULL;
  n = uc_dataset_get_n_rows (table);
  for (guint r = 0; r < n; r++)
    {
      UcModelRelease *release = read_row (table, &columns, r);

      if (release)
        g_ptr_array_add (releases, release);
    }
  if (n_skipped)
    *n_skipped = n - releases->len;
  if (releases->len == 0)
    {
      g_set_error (error, UC_NET_ERROR, UC_NET_ERROR_NO_DATA,
                   /* Translators: an address, then how many rows the table has. */
                   g_dngettext (GETTEXT_PACKAGE, "%s: no model with a publication date (%u row)",
                                "%s: no model with a publication date (%u rows)", n), url, n);
      return NULL;
    }
  return g_steal_pointer (&releases);
}
