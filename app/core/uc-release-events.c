/* uc-release-events.c: a table of model releases as lane events */
#include "config.h"

#include "uc-release-events.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-format.h"
#include "uc-view-error.h"

/* The columns a table of model releases has (optional ones are -1). */
typedef struct
{
  int date, model, organization, country, open, source, parameters;
} ReleaseColumns;

static gboolean
find_release_columns (UcDataset             *releases,
                      const UcReleaseTable  *table,
                      ReleaseColumns        *c,
                      GError               **error)
{
  if ((c->date = uc_dataset_require_column (releases, "date", UC_COLUMN_DATE, error)) < 0 ||
      (c->model = uc_dataset_require_column (releases, "model", UC_COLUMN_TEXT, error)) < 0 ||
      (c->organization = uc_dataset_require_column (releases, "organization", UC_COLUMN_TEXT, error)) < 0 ||
      (c->country = uc_dataset_require_column (releases, table->country, UC_COLUMN_TEXT, error)) < 0 ||
      (c->open = uc_dataset_require_column (releases, table->open_weights, UC_COLUMN_TEXT, error)) < 0)
    return FALSE;
  c->source = uc_dataset_find_column_of_type (releases, "source", UC_COLUMN_TEXT);
  c->parameters = uc_dataset_find_column_of_type (releases, "parameters", UC_COLUMN_NUMBER);
  return TRUE;
}

/* One release as a lane event: its region's lane, a ring when its weights
 * are not open (or not known to be); NULL for a row without date or name. */
static UcEvent *
release_event (UcDataset            *releases,
               const UcReleaseTable *table,
               const ReleaseColumns *c,
               guint                 row)
{
  UcTime t = uc_dataset_get_times (releases, c->date)[row];
  const char *model = uc_dataset_get_text (releases, c->model, row);
  const char *open = uc_dataset_get_text (releases, c->open, row);
  const char *organization = uc_dataset_get_text (releases, c->organization, row);
  const char *source = c->source >= 0 ? uc_dataset_get_text (releases, c->source, row) : NULL;
  double params = c->parameters >= 0 ? uc_dataset_get_numbers (releases, c->parameters)[row] : NAN;
  g_autofree char *size = NULL;
  g_autofree char *description = NULL;
  UcEvent *event;

  if (t == UC_TIME_MISSING || model == NULL)
    return NULL;
  event = uc_event_new (t, model, UC_EVENT_MODEL_RELEASE);
  uc_event_set_lane (event, uc_regions_lookup (table->regions, uc_dataset_get_text (releases, c->country, row)));
  uc_event_set_hollow (event, g_strcmp0 (open, "yes") != 0);
  if (!isnan (params) && params > 0)
    {
      g_autofree char *count = uc_format_scaled (params, "", uc_format_unit_for (MAX (params, 1e6)), 0, "");

      /* Translators: a model's size, e.g. " · 671B parameters" */
      size = g_strdup_printf (_(" · %s parameters"), count);
    }
  else
    size = g_strdup ("");
  description = g_strdup_printf ("%s · %s%s", organization ? organization : "",
                                 g_strcmp0 (open, "yes") == 0 ? _("open weights") :
                                 g_strcmp0 (open, "no") == 0 ? _("closed weights") : _("weights: not known"),
                                 size);
  uc_event_set_description (event, description);
  /* The first of several sources. */
  if (source)
    {
      g_auto(GStrv) urls = g_strsplit (source, ",", 2);

      uc_event_set_source_url (event, g_strstrip (urls[0]));
    }
  return event;
}

/* Model releases as events on a lane chart: one lane per region, a ring
 * for releases whose weights are not open (or not known to be). */
gboolean
uc_chart_spec_add_release_events (UcChartSpec           *spec,
                                  UcDataset             *releases,
                                  const UcReleaseTable  *table,
                                  UcTime                 from,
                                  UcTime                 to,
                                  GError               **error)
{
  ReleaseColumns c;

  if (!find_release_columns (releases, table, &c, error))
    return FALSE;
  for (guint row = 0; row < uc_dataset_get_n_rows (releases); row++)
    {
      UcTime t = uc_dataset_get_times (releases, c.date)[row];
      g_autoptr(UcEvent) event = NULL;

      if (t == UC_TIME_MISSING || t < from || t > to || (event = release_event (releases, table, &c, row)) == NULL)
        continue;
      uc_chart_spec_add_event (spec, event);
    }
  return TRUE;
}

/* The releases whose lane event matches @filter's words (uc_event_matches),
 * so counts of releases narrow as the release lanes do. */
UcDataset *
uc_releases_matching (UcDataset             *releases,
                      const UcReleaseTable  *table,
                      const char            *filter,
                      GError               **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
  ReleaseColumns c;

  if (!find_release_columns (releases, table, &c, error))
    return NULL;
  for (guint row = 0; row < uc_dataset_get_n_rows (releases); row++)
    {
      g_autoptr(UcEvent) event = release_event (releases, table, &c, row);

      if (event && uc_event_matches (event, filter))
        g_array_append_val (rows, row);
    }
  return uc_dataset_select_rows (releases, (const guint *) rows->data, rows->len);
}
