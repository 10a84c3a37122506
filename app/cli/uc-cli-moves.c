/* uc-cli-moves.c: `undercut moves`, the largest one-day moves and what happened near them */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-big-moves.h"
#include "uc-catalog.h"
#include "uc-cli.h"
#include "uc-cli-input.h"
#include "uc-cli-text.h"
#include "uc-event-study.h"
#include "uc-format.h"


static void
print_moves (UcMoves *moves,
             guint    top)
{
  g_autofree char *label = uc_cli_escape (moves->label, -1, FALSE);
  g_autofree char *first = uc_time_format_date (moves->first_day * UC_USEC_PER_DAY);
  g_autofree char *last = uc_time_format_date (moves->last_day * UC_USEC_PER_DAY);

  /* Translators: %s is a company's ticker or a basket's name, then two dates; %u is a number of trading days. */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Largest one-day moves of %s, %s to %s (%u day)\n",
                        "Largest one-day moves of %s, %s to %s (%u days)\n", moves->n_days),
           label, first, last, moves->n_days);
  g_print (moves->by_cap ? _("Each from the trading day before; market caps (close × shares).\n\n")
                         : _("Each from the trading day before; closes (no share count, so no money figure).\n\n"));
  {
    g_autofree char *rank = uc_cli_pad (_("rank"), 4, FALSE), *date = uc_cli_pad (_("date"), 10, TRUE);
    g_autofree char *change = uc_cli_pad (_("change"), 8, FALSE), *money = uc_cli_pad (_("money"), 11, FALSE);

    g_print ("%s  %s  %s  %s  %s\n", rank, date, change, money, _("events within a few days"));
  }
  for (guint i = 0; i < moves->moves->len && i < top; i++)
    {
      UcMove *m = &g_array_index (moves->moves, UcMove, i);
      g_autofree char *day = uc_time_format_date (m->day * UC_USEC_PER_DAY);
      g_autofree char *change = g_strdup_printf ("%s%.2f%%", m->change < 0 ? "−" : "+", fabs (m->change) * 100);
      g_autofree char *money = uc_format_money_change_in (m->money, moves->currency);
      g_autofree char *events = uc_cli_escape (m->events ? m->events : "–", -1, FALSE);
      int pad_change = 8 - uc_cli_width (change);
      int pad_money = 11 - uc_cli_width (money);

      g_print ("%4u  %-10s  %*s%s  %*s%s  %s\n", m->rank, day, MAX (pad_change, 0), "", change,
               MAX (pad_money, 0), "", money, events);
    }
}

static gboolean
load_inputs (const char  *prices_path,
             const char  *events_arg,
             UcDataset  **prices,
             UcDataset  **events,
             GError     **error)
{
  *prices = uc_cli_load_table (prices_path, "market-caps", error);
  if (*prices == NULL)
    return FALSE;
  if (g_strcmp0 (events_arg, "none") != 0)
    *events = uc_cli_load_events (events_arg ? events_arg : "builtin", NULL, error);
  return g_strcmp0 (events_arg, "none") == 0 || *events != NULL;
}

static gboolean
direction_from (const char       *name,
                UcMovesDirection *direction)
{
  if (name == NULL || g_str_equal (name, "both"))
    *direction = UC_MOVES_BOTH;
  else if (g_str_equal (name, "falls"))
    *direction = UC_MOVES_FALLS;
  else if (g_str_equal (name, "rises"))
    *direction = UC_MOVES_RISES;
  else
    return FALSE;
  return TRUE;
}

int
uc_cli_moves (int argc, char **argv)
{
  g_autofree char *companies_arg = NULL;
  g_autofree char *direction_arg = NULL;
  g_autofree char *by_arg = NULL;
  g_autofree char *prices_path = NULL;
  g_autofree char *events_arg = NULL;
  int top = 10, near = 3;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "companies", 'c', 0, G_OPTION_ARG_STRING, &companies_arg, N_("One ticker, or several added up by market cap, separated by commas (default: the eight US AI stocks of the DeepSeek shock view)"), N_("A,B,…") },
    { "direction", 'd', 0, G_OPTION_ARG_STRING, &direction_arg, N_("falls, rises or both (default both)"), N_("WHICH") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by_arg, N_("Rank by percent (default) or money"), N_("percent|money") },
    { "top", 'n', 0, G_OPTION_ARG_INT, &top, N_("How many days to list (default 10)"), N_("N") },
    { "near", 0, 0, G_OPTION_ARG_INT, &near, N_("List the events this many calendar days either side (default 3)"), N_("DAYS") },
    { "prices", 0, 0, G_OPTION_ARG_FILENAME, &prices_path, N_("Daily closes instead of the embedded ones: date, ticker and close columns, market_cap and currency if known"), N_("FILE") },
    { "events", 0, 0, G_OPTION_ARG_STRING, &events_arg, N_("Events listed beside the moves: builtin (default), none or a CSV file"), N_("builtin|none|FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) rest = NULL;
  g_auto (GStrv) companies = NULL;
  g_autoptr (UcDataset) prices = NULL;
  g_autoptr (UcDataset) events = NULL;
  g_autoptr (UcMoves) moves = NULL;
  UcMovesDirection direction = UC_MOVES_BOTH;

  g_option_context_set_summary (context, _("The largest one-day moves of a company, or of several companies' combined "
                                           "market cap, each with the events near it."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "moves", argc, argv, &rest, &error))
    return uc_cli_usage_error ("moves", error->message);
  if (rest[1] != NULL)
    {
      /* Translators: %s is a word on the command line that no option takes. */
      g_autofree char *msg = g_strdup_printf (_("unexpected argument “%s”"), rest[1]);

      return uc_cli_usage_error ("moves", msg);
    }
  if (!direction_from (direction_arg, &direction))
    return uc_cli_usage_error ("moves", _("--direction is falls, rises or both"));
  if (by_arg && g_strcmp0 (by_arg, "percent") != 0 && g_strcmp0 (by_arg, "money") != 0)
    return uc_cli_usage_error ("moves", _("--by is percent or money"));
  if (top < 1 || top > 100000)
    return uc_cli_usage_error ("moves", _("--top is from 1 to 100000"));
  if (near < 0 || near > 366)
    return uc_cli_usage_error ("moves", _("--near is from 0 to 366 days"));
  if (companies_arg)
    {
      companies = uc_cli_split_list (companies_arg);
    }
  else if (prices_path)
    return uc_cli_usage_error ("moves", _("--prices needs --companies"));

  if (!load_inputs (prices_path, events_arg, &prices, &events, &error))
    {
      g_printerr ("undercut moves: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  moves = uc_moves_find (prices, events, companies ? (const char *const *) companies : uc_study_us_ai_stocks,
                         direction, g_strcmp0 (by_arg, "money") == 0, near, &error);
  if (moves == NULL)
    {
      if (g_error_matches (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE))
        return uc_cli_usage_error ("moves", error->message);
      g_printerr ("undercut moves: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  if (json)
    {
      g_autofree char *text = uc_moves_to_json (moves, top);

      g_print ("%s\n", text);
    }
  else
    print_moves (moves, top);
  return UC_EXIT_OK;
}
