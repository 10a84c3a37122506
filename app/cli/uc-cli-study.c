/* uc-cli-study.c: `undercut study`, an event study printed as a table or JSON
 *
 * The same study the window draws, for scripts and for a check against an
 * independent computation (tests/stats-check.py).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-cli.h"
#include "uc-cli-input.h"
#include "uc-cli-text.h"
#include "uc-event-study.h"
#include "uc-format.h"


typedef struct
{
  char  *event;
  char  *companies;
  char  *benchmark;
  char  *estimation;
  char **windows;
  char  *days;
  char  *prices;
  char  *index;
  char  *events;
  UcCliChartOut out;
  gboolean json;
} StudyArgs;

static void
study_args_clear (StudyArgs *a)
{
  g_free (a->event);
  g_free (a->companies);
  g_free (a->benchmark);
  g_free (a->estimation);
  g_strfreev (a->windows);
  g_free (a->days);
  g_free (a->prices);
  g_free (a->index);
  g_free (a->events);
  uc_cli_chart_out_clear (&a->out);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StudyArgs, study_args_clear)

static char *
percent (double v)
{
  if (!isfinite (v))
    return g_strdup ("–");
  return g_strdup_printf ("%s%.2f%%", v < 0 ? "−" : v > 0 ? "+" : "", fabs (v) * 100);
}

static char *
signed_number (double v,
               int    decimals)
{
  if (!isfinite (v))
    return g_strdup ("–");
  return g_strdup_printf ("%s%.*f", v < 0 ? "−" : "", decimals, fabs (v));
}

static char *
p_value (double p)
{
  if (!isfinite (p))
    return g_strdup ("–");
  if (p < 0.0001)
    return g_strdup ("<0.0001");
  return g_strdup_printf ("%.4f", p);
}


/* Padded to a width in characters, not bytes: "−" is three bytes. */
static void
print_cell (const char *text,
            int         width,
            gboolean    left)
{
  g_autofree char *cell = uc_cli_pad (text, width, left);

  g_print ("%s", cell);
}

static void
print_window (UcStudy *study,
              guint    j,
              int      name_width)
{
  UcStudyWindow *win = &g_array_index (study->windows, UcStudyWindow, j);
  g_autofree char *name = uc_study_window_format (win);

  /* Translators: %s is a window of trading days around the event, e.g. “−1…+1”. */
  g_print (_("\nWindow %s\n"), name);
  print_cell (_("Company"), name_width, TRUE);
  g_print ("  %9s  %7s  %7s  %8s  %s\n", _("CAR"), _("s.e."), _("t"), _("p"), _("in money"));
  for (guint i = 0; i < study->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (study->lines, i);
      UcStudyCar *car = &line->cars[j];
      g_autofree char *label = line->is_basket ? g_strdup (line->name)
                                               : g_strdup_printf ("%s (%s)", line->name, line->id);
      g_autofree char *clipped = uc_cli_clip (label, name_width);

      if (!line->ok)
        continue;
      print_cell (clipped, name_width, TRUE);
      if (!car->ok)
        {
          g_autofree char *why = uc_cli_escape (car->why ? car->why : "–", -1, FALSE);

          g_print ("  %s\n", why);
          continue;
        }
      {
        g_autofree char *c = percent (car->car);
        g_autofree char *se = g_strdup_printf ("%.2f%%", car->se * 100);
        g_autofree char *t = signed_number (car->t, 2);
        g_autofree char *p = p_value (car->p);
        g_autofree char *m = uc_format_money_change_in (car->money, line->currency);

        g_print ("  ");
        print_cell (c, 9, FALSE);
        g_print ("  ");
        print_cell (se, 7, FALSE);
        g_print ("  ");
        print_cell (t, 7, FALSE);
        g_print ("  ");
        print_cell (p, 8, FALSE);
        g_print ("  %s\n", m);
      }
    }
}

static void
print_study (UcStudy *study)
{
  g_autofree char *day = uc_time_format_date (study->event * UC_USEC_PER_DAY);
  g_autofree char *est = uc_study_window_format (&study->estimation);
  int name_width = 10;

  for (guint i = 0; i < study->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (study->lines, i);
      g_autofree char *label = line->is_basket ? g_strdup (line->name)
                                               : g_strdup_printf ("%s (%s)", line->name, line->id);

      name_width = MAX (name_width, (int) g_utf8_strlen (label, -1));
    }
  name_width = MIN (name_width, 34);

  if (study->event_title)
    /* Translators: the event's date, then its title. */
    g_print (_("Event study: %s (%s)\n"), day, study->event_title);
  else
    /* Translators: %s is the event's date. */
    g_print (_("Event study: %s\n"), day);
  /* Translators: %s is the estimation window of trading days, e.g. “−120…−11”. */
  g_print (_("Market model over trading days %s, simple daily returns; CAR = sum of abnormal returns.\n\n"), est);

  print_cell (_("Company"), name_width, TRUE);
  g_print ("  %-10s  %8s  %6s  %5s  %4s  %s\n", _("day 0"), _("alpha/d"), _("beta"), _("R²"), _("days"),
           _("benchmark"));
  for (guint i = 0; i < study->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (study->lines, i);
      g_autofree char *label = line->is_basket ? g_strdup (line->name)
                                               : g_strdup_printf ("%s (%s)", line->name, line->id);
      g_autofree char *clipped = uc_cli_clip (label, name_width);
      g_autofree char *day0 = line->event_day != G_MININT64
                              ? uc_time_format_date (line->event_day * UC_USEC_PER_DAY) : g_strdup ("–");
      g_autofree char *alpha = percent (line->model.alpha);
      g_autofree char *beta = signed_number (line->model.beta, 2);
      g_autofree char *r2 = signed_number (line->model.r2, 2);
      g_autofree char *bench = uc_cli_escape (line->benchmark ? line->benchmark : "–", -1, FALSE);

      print_cell (clipped, name_width, TRUE);
      g_print ("  %-10s  ", day0);
      print_cell (alpha, 8, FALSE);
      g_print ("  ");
      print_cell (beta, 6, FALSE);
      g_print ("  ");
      print_cell (r2, 5, FALSE);
      g_print ("  %4u  %s\n", line->model.n, bench);
      if (!line->ok && line->why)
        {
          g_autofree char *why = uc_cli_escape (line->why, -1, FALSE);

          g_print ("    %s\n", why);
        }
    }

  for (guint j = 0; j < study->windows->len; j++)
    print_window (study, j, name_width);
  if (study->notes->len)
    g_print ("\n");
  for (guint i = 0; i < study->notes->len; i++)
    {
      g_autofree char *note = uc_cli_escape (g_ptr_array_index (study->notes, i), -1, FALSE);

      g_print ("%s\n", note);
    }
  g_print (_("\nIn money: the CAR times the market cap on the trading day before the window, in the listing’s "
             "currency; the basket’s is its members’ sum.\n"));
}

/* --theme, --width, --height checked; --event, --estimation, --window and
 * --days into @o and @windows. */
static gboolean
read_spans (StudyArgs      *a,
            UcStudyOptions *o,
            GArray         *windows,
            GError        **error)
{
  UcStudyWindow d;
  UcTime event;
  g_autoptr (GError) local = NULL;

  if (!uc_cli_chart_out_check (&a->out, error))
    return FALSE;
  if (a->event == NULL || !uc_time_parse_date (a->event, strlen (a->event), &event))
    {
      if (a->event)
        /* Translators: %s is what was given to --event. */
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--event: “%s” is not a date (YYYY-MM-DD)"),
                     a->event);
      else
        g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--event DATE is required"));
      return FALSE;
    }
  o->event = event / UC_USEC_PER_DAY;
  if (a->estimation && !uc_study_window_parse (a->estimation, &o->estimation, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--estimation: %s", local->message);
      return FALSE;
    }
  for (guint i = 0; a->windows && a->windows[i]; i++)
    {
      UcStudyWindow w;

      if (!uc_study_window_parse (a->windows[i], &w, &local))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--window: %s", local->message);
          return FALSE;
        }
      g_array_append_val (windows, w);
    }
  if (a->days == NULL)
    return TRUE;
  if (!uc_study_window_parse (a->days, &d, &local))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--days: %s", local->message);
      return FALSE;
    }
  o->path_from = d.from;
  o->path_to = d.to;
  return TRUE;
}

/* The prices, the benchmark index and the events, as the options say. */
static gboolean
load_inputs (StudyArgs  *a,
             UcDataset **prices,
             UcDataset **index,
             UcDataset **events,
             GError    **error)
{
  *prices = uc_cli_load_table (a->prices, "market-caps", error);
  if (*prices == NULL)
    return FALSE;
  if (a->index || a->prices == NULL)
    {
      *index = uc_cli_load_table (a->index, "index-daily", error);
      if (*index == NULL)
        return FALSE;
    }
  if (g_strcmp0 (a->events, "none") != 0)
    {
      *events = uc_cli_load_events (a->events ? a->events : "builtin", NULL, error);
      if (*events == NULL)
        return FALSE;
    }
  return TRUE;
}

int
uc_cli_study (int argc, char **argv)
{
  g_auto (StudyArgs) a = { .out = UC_CLI_CHART_OUT_INIT };
  GOptionEntry entries[] = {
    { "event", 'e', 0, G_OPTION_ARG_STRING, &a.event, N_("The event's date; day 0 is each market's first trading day on or after it"), N_("DATE") },
    { "companies", 'c', 0, G_OPTION_ARG_STRING, &a.companies, N_("Tickers, or a market (US, HK) for all its listings, separated by commas (default: the eight US AI stocks of the DeepSeek shock view)"), N_("A,B,…") },
    { "benchmark", 'b', 0, G_OPTION_ARG_STRING, &a.benchmark, N_("An index series (NASDAQCOM), or basket for an equal-weight basket of the market's other listings (default: the market's index where the data has one)"), N_("ID") },
    { "estimation", 0, 0, G_OPTION_ARG_STRING, &a.estimation, N_("The estimation window in trading days from the event (default -120,-11)"), N_("FROM,TO") },
    { "window", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &a.windows, N_("An event window, repeatable (default -1,1 0,5 0,20)"), N_("FROM,TO") },
    { "days", 0, 0, G_OPTION_ARG_STRING, &a.days, N_("The days the CAR path covers, added up from the first (default -10,20)"), N_("FROM,TO") },
    { "prices", 0, 0, G_OPTION_ARG_FILENAME, &a.prices, N_("Daily closes to study instead of the embedded ones: date, ticker and close columns; company, market, currency and market_cap if known"), N_("FILE") },
    { "index", 0, 0, G_OPTION_ARG_FILENAME, &a.index, N_("Benchmark closes instead of the embedded index: date, series and close columns; name and market if known"), N_("FILE") },
    { "events", 0, 0, G_OPTION_ARG_STRING, &a.events, N_("Events named beside the study: builtin (default), none or a CSV file"), N_("builtin|none|FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &a.json, N_("Print JSON for scripts"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.out.output, N_("Also draw the CAR by trading day, with the 95% band, into a PNG, SVG or PDF file"), N_("FILE") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &a.out.pack, N_("Also write that chart as a report pack into this folder: PNG, SVG, PDF, the data as CSV (with each band's low and high) and a JSON file with the chart and its sources"), N_("DIR") },
    { "width", 0, 0, G_OPTION_ARG_INT, &a.out.width, N_("With --output or --pack: width in pixels (default 1600)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_INT, &a.out.height, N_("With --output or --pack: height in pixels (default 900)"), N_("PX") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &a.out.theme, N_("With --output or --pack: light (default) or dark"), N_("THEME") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) rest = NULL;
  g_auto (GStrv) companies = NULL;
  g_autoptr (UcDataset) prices = NULL;
  g_autoptr (UcDataset) index = NULL;
  g_autoptr (UcDataset) events = NULL;
  g_autoptr (UcStudy) study = NULL;
  g_autoptr (UcChartSpec) spec = NULL;
  g_autoptr (GArray) windows = g_array_new (FALSE, FALSE, sizeof (UcStudyWindow));
  UcStudyOptions o;

  g_option_context_set_summary (context, _("How far companies moved around an event beyond what their market explains: "
                                           "a market-model event study, with each company's alpha and beta, and per "
                                           "window the cumulative abnormal return, its standard error, t and p."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "study", argc, argv, &rest, &error))
    return uc_cli_usage_error ("study", error->message);
  if (rest[1] != NULL)
    {
      /* Translators: %s is a word on the command line that no option takes. */
      g_autofree char *msg = g_strdup_printf (_("unexpected argument “%s”"), rest[1]);

      return uc_cli_usage_error ("study", msg);
    }
  uc_study_options_init (&o);
  if (!read_spans (&a, &o, windows, &error))
    return uc_cli_usage_error ("study", error->message);
  o.windows = (const UcStudyWindow *) windows->data;
  o.n_windows = windows->len;
  o.benchmark = a.benchmark;
  companies = a.companies ? uc_cli_split_list (a.companies) : NULL;
  o.companies = companies ? (const char *const *) companies : a.prices ? NULL : uc_study_us_ai_stocks;

  if (!load_inputs (&a, &prices, &index, &events, &error))
    {
      g_printerr ("undercut study: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  study = uc_study_run (prices, index, events, &o, &error);
  if (study == NULL && g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
    return uc_cli_usage_error ("study", error->message);
  spec = study && (a.out.output || a.out.pack) ? uc_study_build_chart (study) : NULL;
  if (study == NULL || (spec && !uc_cli_chart_out_write (&a.out, spec, &error)))
    {
      g_printerr ("undercut study: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  if (a.json)
    {
      g_autofree char *json = uc_study_to_json (study);

      g_print ("%s\n", json);
    }
  else
    print_study (study);
  return UC_EXIT_OK;
}
