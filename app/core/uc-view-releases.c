/* uc-view-releases.c: a view's "releases", and its charts narrowed to some
 *
 * A view of model releases names its table of releases, which columns
 * hold the makers' countries and open weights, and the regions its lanes
 * are: data in the view file, not rules in code. Words typed in the
 * window narrow the releases the lanes show, and the charts drawn from
 * the same table narrow with them (uc_view_filter_chart()).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view.h"
#include "uc-view-private.h"

#include "uc-catalog.h"
#include "uc-chart-options.h"
#include "uc-regions.h"

void
uc_view_releases_free (Releases *releases)
{
  g_free (releases->dataset);
  g_free ((char *) releases->table.country);
  g_free ((char *) releases->table.open_weights);
  uc_regions_free (releases->table.regions);
  g_free (releases);
}

/* "regions": the lanes of the releases, in order; one of them, without
 * "countries", takes the rest. */
static UcRegions *
read_regions (Reader     *r,
              JsonObject *releases)
{
  static const char * const region_members[] = { "name", "countries", NULL };
  g_autoptr(UcRegions) regions = NULL;
  JsonNode *list = json_object_get_member (releases, "regions");
  gboolean rest = FALSE;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return uc_view_fail (r, "releases.regions", _("expected a list of regions")), NULL;
  regions = uc_regions_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (list), i);
      g_auto(GStrv) countries = NULL;
      const char *name;

      g_free (r->where);
      r->where = g_strdup_printf ("releases.regions[%u]", i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        return uc_view_fail (r, NULL, _("expected an object")), NULL;
      if (!uc_view_only_known_members (r, NULL, json_node_get_object (item), region_members) ||
          !uc_view_read_string (r, json_node_get_object (item), "name", &name) ||
          !uc_view_read_strings (r, json_node_get_object (item), "countries", &countries))
        return NULL;
      if (name == NULL)
        return uc_view_fail (r, "name", _("is required")), NULL;
      if (countries && countries[0] == NULL)
        return uc_view_fail (r, "countries", _("expected one or more country codes")), NULL;
      if (countries == NULL && rest)
        return uc_view_fail (r, NULL, _("only one region takes the rest (has no “countries”)")), NULL;
      rest = rest || countries == NULL;
      uc_regions_add (regions, uc_view_text (name), (const char * const *) countries);
    }
  g_clear_pointer (&r->where, g_free);
  if (!rest)
    return uc_view_fail (r, "releases.regions", _("needs a region without “countries” for the rest")), NULL;
  return g_steal_pointer (&regions);
}

/* "releases": the view's table of model releases. Its lanes are regions of
 * the makers' countries, in order: a release goes to the first region that
 * lists one of its countries, and to the region listing none otherwise. */
gboolean
uc_view_read_releases (UcView     *self,
                       Reader     *r,
                       JsonObject *o)
{
  static const char * const releases_members[] = { "dataset", "country", "open_weights", "regions", NULL };
  g_autoptr(UcRegions) regions = NULL;
  JsonObject *releases;
  const char *dataset, *country, *open_weights;

  if (!uc_view_read_object (r, o, "releases", &releases))
    return FALSE;
  if (releases == NULL)
    return TRUE;
  if (!uc_view_only_known_members (r, "releases", releases, releases_members) ||
      !uc_view_read_string (r, releases, "dataset", &dataset) ||
      !uc_view_read_string (r, releases, "country", &country) ||
      !uc_view_read_string (r, releases, "open_weights", &open_weights))
    return FALSE;
  if (dataset == NULL || country == NULL || open_weights == NULL)
    return uc_view_fail (r, "releases", _("needs a “dataset” and its “country” and “open_weights” columns"));
  if (uc_catalog_find (uc_catalog_get_default (), dataset) == NULL)
    {
      /* Translators: %s is a dataset's id. */
      g_autofree char *what = g_strdup_printf (_("no embedded dataset “%s” (see “undercut datasets”)"), dataset);
      return uc_view_fail (r, "releases.dataset", what);
    }
  if ((regions = read_regions (r, releases)) == NULL)
    return FALSE;
  self->releases = g_new0 (Releases, 1);
  self->releases->dataset = g_strdup (dataset);
  self->releases->table.country = g_strdup (country);
  self->releases->table.open_weights = g_strdup (open_weights);
  self->releases->table.regions = g_steal_pointer (&regions);
  r->releases = self->releases;
  return TRUE;
}

/* A chart of the view's table of model releases narrows as the release
 * lanes do, to the releases matching the words uc_view_filter_chart()
 * was given; @r says whether it did, and whether nothing matched. */
void
uc_view_narrow_to_releases (Reader     *r,
                            const char *dataset,
                            UcDataset **data)
{
  g_autoptr(UcDataset) matching = NULL;

  if (!(r->filter && *r->filter && r->releases && g_str_equal (dataset, r->releases->dataset)))
    return;
  matching = uc_releases_matching (*data, &r->releases->table, r->filter, NULL);
  /* Nothing matching: the chart is built as it is and emptied. */
  if (matching)
    r->filtered = TRUE;
  if (matching && uc_dataset_get_n_rows (matching) > 0)
    g_set_object (data, matching);
  else if (matching)
    r->nothing_matched = TRUE;
}

/* @chart's series, each as @built has it, or empty when @built has not
 * (or nothing matched), its style kept. */
static UcChartSpec *
keep_series (UcChartSpec *chart,
             UcChartSpec *built,
             gboolean     nothing_matched)
{
  UcChartSpec *result = uc_chart_spec_copy_without_series (built);

  for (guint i = 0; i < uc_chart_spec_get_n_series (chart); i++)
    {
      UcSeries *all = uc_chart_spec_get_series (chart, i);
      UcSeries *some = nothing_matched ? NULL : uc_chart_options_find_series (built, uc_series_get_id (all));

      if (some)
        {
          uc_series_copy_style (some, all);
          uc_chart_spec_add_series (result, some);
        }
      else
        {
          g_autoptr(UcSeries) none = uc_series_new (uc_series_get_id (all), uc_series_get_label (all));

          uc_series_copy_style (none, all);
          uc_chart_spec_add_series (result, none);
        }
    }
  return result;
}

/* Chart @index drawn from the model releases matching @filter's words
 * (uc_event_matches): "deepseek" counts DeepSeek's releases per quarter.
 * Each series of the chart stays, empty when nothing matches, so colours
 * and the legend do not move. Charts not drawn from a table of releases
 * (and any chart, for no words) come back as they are. */
UcChartSpec *
uc_view_filter_chart (UcView      *self,
                      guint        index,
                      const char  *filter,
                      GError     **error)
{
  UcChartSpec *chart;
  g_autoptr(UcChartSpec) built = NULL;
  Reader r = { NULL, NULL, error, filter, FALSE, FALSE, NULL, NULL };

  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  r.releases = self->releases;
  r.view = self;

  chart = g_ptr_array_index (self->charts, index);
  /* Only charts of a dataset's rows can narrow (lanes filter themselves). */
  if (filter == NULL || *filter == '\0' || !json_object_has_member (g_ptr_array_index (self->sources, index), "dataset"))
    return g_object_ref (chart);
  r.file = self->file;
  r.where = g_strdup_printf ("charts[%u]", index);
  r.chart = index;
  built = uc_view_build_chart (&r, g_ptr_array_index (self->sources, index));
  g_free (r.where);
  if (built == NULL)
    return NULL;
  if (!r.filtered)
    return g_object_ref (chart);
  return keep_series (chart, built, r.nothing_matched);
}
