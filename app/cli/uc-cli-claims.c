/* uc-cli-claims.c: `undercut claims` and `undercut releases`
 *
 * claims prints the story's checkable claims with the figure the data
 * gives each; releases the open-weight counts one of them rests on.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-catalog.h"
#include "uc-claims.h"
#include "uc-cli.h"
#include "uc-cli-text.h"
#include "uc-open-weights.h"

static gboolean
parse_simple (const char  *command,
              const char  *summary,
              GOptionEntry *entries,
              int          argc,
              char       **argv,
              int         *status)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) rest = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, command, argc, argv, &rest, &error))
    {
      *status = uc_cli_usage_error (command, error->message);
      return FALSE;
    }
  if (rest[1] != NULL)
    {
      /* Translators: %s is a word on the command line that no option takes. */
      g_autofree char *msg = g_strdup_printf (_("unexpected argument “%s”"), rest[1]);

      *status = uc_cli_usage_error (command, msg);
      return FALSE;
    }
  return TRUE;
}

static void
print_wrapped (const char *label,
               const char *text)
{
  g_autofree char *safe = uc_cli_escape (text ? text : "–", -1, FALSE);

  g_print ("  %-8s %s\n", label, safe);
}

int
uc_cli_claims (int argc, char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  const char *ids[] = { "market-caps", "index-daily", "events", "api-prices", "model-releases" };
  UcDataset *tables[G_N_ELEMENTS (ids)] = { NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  int status = UC_EXIT_OK;

  if (!parse_simple ("claims", _("The story’s checkable claims (DeepSeek’s trillion-dollar shock, collapsing "
                                 "prices, a blitz of Chinese open models…), each with the figure the data gives, "
                                 "a verdict, the reason and how it was computed."), entries, argc, argv, &status))
    return status;
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    if ((tables[i] = uc_catalog_load (ids[i], &error)) == NULL)
      {
        g_printerr ("undercut claims: %s\n", error->message);
        status = UC_EXIT_FAILURE;
        goto out;
      }
  claims = uc_claims_check (&(UcClaimData) { tables[0], tables[1], tables[2], tables[3], tables[4] }, &error);
  if (claims == NULL)
    {
      g_printerr ("undercut claims: %s\n", error->message);
      status = UC_EXIT_FAILURE;
      goto out;
    }
  if (json)
    {
      g_autofree char *text = uc_claims_to_json (claims);

      g_print ("%s\n", text);
    }
  else
    for (guint i = 0; i < claims->len; i++)
      {
        UcClaim *c = g_ptr_array_index (claims, i);
        g_autofree char *claim = uc_cli_escape (c->claim, -1, FALSE);

        g_print ("%s%u. %s\n", i ? "\n" : "", i + 1, claim);
        print_wrapped (_("Verdict"), uc_verdict_get_name (c->verdict));
        print_wrapped (_("Data"), c->figure);
        print_wrapped (_("Why"), c->reason);
        print_wrapped (_("How"), c->method);
        print_wrapped (_("From"), c->source);
        print_wrapped (_("Chart"), c->link);
      }
out:
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_clear_object (&tables[i]);
  return status;
}

int
uc_cli_releases (int argc, char **argv)
{
  gboolean json = FALSE, yearly = FALSE;
  GOptionEntry entries[] = {
    { "yearly", 'y', 0, G_OPTION_ARG_NONE, &yearly, N_("Count by year instead of by quarter"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (UcDataset) releases = NULL;
  g_autoptr (UcReleaseCounts) counts = NULL;
  int status = UC_EXIT_OK;

  if (!parse_simple ("releases", _("Model releases per quarter by region, open weights or not, as counts and as "
                                   "each region’s share of the open-weight releases."), entries, argc, argv, &status))
    return status;
  releases = uc_catalog_load ("model-releases", &error);
  if (releases)
    counts = uc_release_counts_new (releases, yearly, &error);
  if (counts == NULL)
    {
      g_printerr ("undercut releases: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  if (json)
    {
      g_autofree char *text = uc_release_counts_to_json (counts);

      g_print ("%s\n", text);
      return UC_EXIT_OK;
    }
  g_print (_("Releases in the model list by region: open weights / closed or not known, and each region’s share "
             "of the open-weight releases.\n\n"));
  {
    g_autofree char *period = uc_cli_pad (yearly ? _("year") : _("quarter"), 8, TRUE);

    g_print ("%s", period);
  }
  for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
    {
      g_autofree char *region = uc_cli_pad (_(uc_release_region_name (r)), 13, FALSE);

      g_print ("  %s", region);
    }
  g_print ("  %s\n", _("China’s share of open"));
  for (guint i = 0; i <= counts->periods->len; i++)
    {
      gboolean total = i == counts->periods->len;
      const UcReleasePeriod *p = total ? NULL : &g_array_index (counts->periods, UcReleasePeriod, i);
      const guint *open = total ? counts->open : p->open, *closed = total ? counts->closed : p->closed;
      g_autofree char *name = total ? g_strdup (_("all")) : uc_release_period_name (counts, p->start);
      guint all_open = 0;

      for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
        all_open += open[r];
      g_autofree char *cell = uc_cli_pad (name, 8, TRUE);

      g_print ("%s", cell);
      for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
        g_print ("  %5u / %5u", open[r], closed[r]);
      if (all_open)
        /* Translators: China's share in percent of the open-weight releases, then how many there were. */
        g_print (_("  %3.0f%% of %u\n"), 100.0 * open[1] / all_open, all_open);
      else
        g_print ("  –\n");
    }
  g_print (_("\nThe list is curated, not complete: notable releases from the Epoch AI database and vendors’ pages "
             "(after a refresh from Epoch AI, its notability rule). A joint company counts in the first region "
             "of its countries, US before China before Europe.\n"));
  return UC_EXIT_OK;
}
