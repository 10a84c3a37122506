/* uc-view.c: a dashboard view read from a JSON file: one or more charts
 *
 * The file is checked as it is read: an unknown kind, a missing column or
 * a malformed date is an error naming the file and the member, never a
 * chart that quietly shows something else.
 */
#include "config.h"

#include "uc-view.h"
#include "uc-view-private.h"

#include <math.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-chart-options.h"
#include "uc-column-alloc.h"
#include "uc-dataset-charts.h"
#include "uc-json-load.h"
#include "uc-parse.h"
#include "uc-regions.h"
#include "uc-release-events.h"
#include "uc-transform.h"
#include "uc-view-list.h"

static void
releases_free (Releases *releases)
{
  g_free (releases->dataset);
  g_free ((char *) releases->table.country);
  g_free ((char *) releases->table.open_weights);
  uc_regions_free (releases->table.regions);
  g_free (releases);
}

G_DEFINE_FINAL_TYPE (UcView, uc_view, G_TYPE_OBJECT)

static void
uc_view_finalize (GObject *object)
{
  UcView *self = UC_VIEW (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->base_sources, g_ptr_array_unref);
  g_clear_pointer (&self->variants_label, g_free);
  g_clear_pointer (&self->variant_ids, g_ptr_array_unref);
  g_clear_pointer (&self->variant_labels, g_ptr_array_unref);
  g_clear_pointer (&self->variant_sets, g_ptr_array_unref);
  g_clear_pointer (&self->compact, g_array_unref);
  g_clear_pointer (&self->releases, releases_free);
  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_hash_table_unref);
  g_clear_pointer (&self->table_sources, g_hash_table_unref);

  G_OBJECT_CLASS (uc_view_parent_class)->finalize (object);
}

static void
uc_view_class_init (UcViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_view_finalize;
}

static void
uc_view_init (UcView *self)
{
  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->base_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->variant_ids = g_ptr_array_new_with_free_func (g_free);
  self->variant_labels = g_ptr_array_new_with_free_func (g_free);
  self->variant_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->compact = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->datasets = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->table_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* The chart's inputs name the dataset's source, as the source tells it. */
static void
add_provenance (Reader      *r,
                UcChartSpec *spec,
                const char  *dataset)
{
  uc_source_cite (g_hash_table_lookup (r->view->table_sources, dataset), spec);
}

/* "events": the embedded events in the chart's range, of some categories;
 * "change" names events of some categories by a series' move that day. */
static gboolean
read_event_options (Reader         *r,
                    JsonObject     *events_o,
                    UcChartOptions *options)
{
  JsonObject *change_o = NULL;
  const char *change_series = NULL;

  if (events_o && (!uc_view_read_strings (r, events_o, "categories", &options->event_categories) ||
                   !uc_view_read_object (r, events_o, "change", &change_o)))
    return FALSE;
  if (change_o && (!uc_view_read_string (r, change_o, "series", &change_series) ||
                   !uc_view_read_strings (r, change_o, "categories", &options->change_categories)))
    return FALSE;
  options->change_series = g_strdup (change_series);
  options->replace_events = TRUE;
  g_set_object (&options->events_source, g_hash_table_lookup (r->view->table_sources, "events"));
  return (options->events = uc_view_read_dataset (r, "events", "events")) != NULL;
}

/* The members a chart shares with the command line and the window, read
 * into options that uc_chart_options_apply() applies as they do. */
static gboolean
read_options (Reader         *r,
              JsonObject     *o,
              JsonObject     *events_o,
              UcChartOptions *options)
{
  const char *format_name, *legend_name, *title, *y_title;
  gboolean has_rebase, flag = FALSE;

  if (!uc_view_read_strings (r, o, "emphasis", &options->emphasis) ||
      !uc_view_read_date (r, o, "rebase", &options->base, &has_rebase) ||
      !uc_view_read_string (r, o, "value_format", &format_name) ||
      !uc_view_read_string (r, o, "legend", &legend_name) ||
      !uc_view_read_string (r, o, "title", &title) || !uc_view_read_string (r, o, "y_title", &y_title))
    return FALSE;
  if (format_name && !uc_value_format_from_string (format_name, (UcValueFormat *) &options->value_format))
    return uc_view_fail (r, "value_format", "expected number, money, percent, index or per-mtok");
  if (legend_name && !uc_legend_position_from_string (legend_name, (UcLegendPosition *) &options->legend))
    return uc_view_fail (r, "legend", "expected top, inside or none");
  options->value_mode = has_rebase ? UC_VALUE_MODE_REBASED : UC_VALUE_MODE_AS_IS;
  if (!uc_view_read_bool (r, o, "log", &flag))
    return FALSE;
  options->log_scale = flag;
  if (json_object_has_member (o, "stacked") && !uc_view_read_bool (r, o, "stacked", &flag))
    return FALSE;
  options->stacked = json_object_has_member (o, "stacked") ? flag : -1;
  options->title = g_strdup (uc_view_text (title));
  options->y_title = g_strdup (uc_view_text (y_title));
  return events_o == NULL || read_event_options (r, events_o, options);
}

/* The options on the chart, a series they name missing told as the
 * member that names it. */
static UcChartSpec *
apply_options (Reader               *r,
               const UcChartOptions *options,
               UcChartSpec          *spec)
{
  g_autoptr(GError) error = NULL;
  UcChartSpec *out = uc_chart_options_apply (options, spec, &error);

  if (out == NULL && g_error_matches (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_EMPHASIS))
    return uc_view_fail (r, "emphasis", error->message), NULL;
  if (out == NULL && g_error_matches (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_CHANGE))
    return uc_view_fail (r, "events.change.series", error->message), NULL;
  if (out == NULL)
    g_propagate_error (r->error, g_steal_pointer (&error));
  return out;
}

/* @spec replaced by @with, a new reference; FALSE, to return, when @with
 * is NULL (an error). */
static gboolean
replace_spec (UcChartSpec **spec,
              UcChartSpec  *with)
{
  if (with == NULL)
    return FALSE;
  g_clear_object (spec);
  *spec = with;
  return TRUE;
}

static UcChartSpec *
build_chart (Reader     *r,
             JsonObject *o)
{
  g_autoptr(UcChartSpec) spec = NULL;
  g_autoptr(UcDataset) data = NULL;
  g_auto(GStrv) ys = NULL;
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  const char *kind_name, *dataset, *x, *group, *point_label, *count_by, *s;
  XAxis x_axis;
  JsonObject *series_o, *events_o;
  JsonNode *range;
  UcChartKind kind = UC_CHART_LINE;
  UcTime from = 0, to = 0, rebase = 0;
  gboolean has_range = FALSE, has_rebase = FALSE;

  static const char * const chart_members[] = {
    "kind", "dataset", "x", "y", "group", "group_by_region", "point_label", "count_by", "series", "range",
    "rebase", "emphasis", "value_format", "log", "stacked", "legend", "title", "subtitle", "source", "note",
    "y_title", "frontier", "combine", "events", "lanes", "compact", "blend", "labels", NULL
  };
  static const char * const series_members[] = { "key", "value", "label", "only", "missing", NULL };
  static const char * const events_members[] = { "categories", "change", NULL };
  static const char * const change_members[] = { "series", "categories", NULL };

  if (!uc_view_only_known_members (r, NULL, o, chart_members))
    return NULL;
  if (!uc_view_read_string (r, o, "kind", &kind_name) || !uc_view_read_string (r, o, "dataset", &dataset) ||
      !uc_view_read_x_axis (r, o, &x_axis) || !uc_view_read_string (r, o, "group", &group) ||
      !uc_view_read_string (r, o, "point_label", &point_label) || !uc_view_read_string (r, o, "count_by", &count_by) ||
      !uc_view_read_strings (r, o, "y", &ys) ||
      !uc_view_read_object (r, o, "series", &series_o) || !uc_view_read_object (r, o, "events", &events_o) ||
      !uc_view_read_date (r, o, "rebase", &rebase, &has_rebase))
    return NULL;
  if ((series_o && !uc_view_only_known_members (r, "series", series_o, series_members)) ||
      (events_o && !uc_view_only_known_members (r, "events", events_o, events_members)))
    return NULL;
  if (events_o && json_object_has_member (events_o, "change") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (events_o, "change")) &&
      !uc_view_only_known_members (r, "events.change", json_object_get_object_member (events_o, "change"),
                                   change_members))
    return NULL;
  if (kind_name && !uc_chart_kind_from_string (kind_name, &kind))
    return uc_view_fail (r, "kind", "expected line, step, area, scatter, bars or lanes"), NULL;
  x = x_axis.column;
  /* Events, periods and lanes are dates; a number axis has none. */
  if (x_axis.kind == UC_X_NUMBER)
    {
      const char *what = kind == UC_CHART_LANES ? "kind" : count_by ? "count_by" : events_o ? "events" : NULL;

      if (what)
        return uc_view_fail (r, what, "is for a time axis: dates have no place on a number axis"), NULL;
      if (!x_axis.has_day0 && (has_rebase || json_object_has_member (o, "range")))
        return uc_view_fail (r, has_rebase ? "rebase" : "range", "takes dates: a number axis has its range in “x” "
                             "(a date goes with “trading_days_from”)"), NULL;
    }

  range = json_object_get_member (o, "range");
  if (range != NULL)
    {
      JsonArray *pair = JSON_NODE_HOLDS_ARRAY (range) ? json_node_get_array (range) : NULL;
      const char *a = NULL, *b = NULL;

      if (pair && json_array_get_length (pair) == 2)
        {
          JsonNode *na = json_array_get_element (pair, 0), *nb = json_array_get_element (pair, 1);

          if (JSON_NODE_HOLDS_VALUE (na) && json_node_get_value_type (na) == G_TYPE_STRING &&
              JSON_NODE_HOLDS_VALUE (nb) && json_node_get_value_type (nb) == G_TYPE_STRING)
            {
              a = json_node_get_string (na);
              b = json_node_get_string (nb);
            }
        }

      if (a == NULL || b == NULL || !uc_parse_date (a, strlen (a), UC_DATE_ISO, &from) ||
          !uc_parse_date (b, strlen (b), UC_DATE_ISO, &to) || to <= from)
        return uc_view_fail (r, "range", "expected two dates in order, like [\"2024-12-02\", \"2025-03-31\"]"), NULL;
      has_range = TRUE;
    }
  if (!read_options (r, o, events_o, &options))
    return NULL;
  options.has_range = has_range;
  options.from = from;
  options.to = to;

  if (kind == UC_CHART_LANES)
    {
      const char *lanes;

      if (!uc_view_read_string (r, o, "lanes", &lanes))
        return NULL;
      if (!has_range)
        return uc_view_fail (r, "range", "a lane chart needs a range"), NULL;
      spec = uc_chart_spec_new ();
      uc_chart_spec_set_kind (spec, UC_CHART_LANES);
      uc_chart_spec_set_range (spec, from, to);
      if (lanes == NULL || g_str_equal (lanes, "events"))
        {
          /* The events are the chart: all of them unless "events" narrows. */
          if (events_o == NULL && !read_event_options (r, NULL, &options))
            return NULL;
        }
      else if (g_str_equal (lanes, "releases"))
        {
          if (r->releases == NULL)
            return uc_view_fail (r, "lanes", "release lanes need the view's “releases”"), NULL;
          if ((data = uc_view_read_dataset (r, "lanes", r->releases->dataset)) == NULL ||
              !uc_chart_spec_add_release_events (spec, data, &r->releases->table, from, to, r->error))
            return NULL;
          add_provenance (r, spec, r->releases->dataset);
        }
      else
        return uc_view_fail (r, "lanes", "expected “events” or “releases”"), NULL;
    }
  else
    {
      if ((data = uc_view_read_dataset (r, "dataset", dataset)) == NULL)
        return NULL;
      {
        UcDataset *blended = uc_view_blend_columns (r, o, data);

        if (blended == NULL)
          return NULL;
        g_set_object (&data, blended);
        g_object_unref (blended);
      }
      /* The view's table of model releases narrows as the release lanes do. */
      if (r->filter && *r->filter && r->releases && g_str_equal (dataset, r->releases->dataset))
        {
          g_autoptr(UcDataset) matching = uc_releases_matching (data, &r->releases->table, r->filter, NULL);

          /* Nothing matching: the chart is built as it is and emptied. */
          if (matching)
            r->filtered = TRUE;
          if (matching && uc_dataset_get_n_rows (matching) > 0)
            g_set_object (&data, matching);
          else if (matching)
            r->nothing_matched = TRUE;
        }
      if (count_by)
        {
          UcPeriod period;

          if (g_str_equal (count_by, "week"))
            period = UC_PERIOD_WEEK;
          else if (g_str_equal (count_by, "month"))
            period = UC_PERIOD_MONTH;
          else if (g_str_equal (count_by, "quarter"))
            period = UC_PERIOD_QUARTER;
          else
            return uc_view_fail (r, "count_by", "expected week, month or quarter"), NULL;
          spec = uc_chart_spec_count_by (data, x, group, period, r->error);
        }
      else if (series_o)
        {
          spec = uc_chart_spec_new ();
          if (!has_range)
            return uc_view_fail (r, "range", "a chart of \"series\" needs a range"), NULL;
          if (!uc_view_add_long_series (r, series_o, data, x, from, to, spec))
            return NULL;
        }
      else if (ys)
        spec = uc_chart_spec_from_dataset (data, x, (const char * const *) ys, group, point_label, r->error);
      else
        return uc_view_fail (r, NULL, "a chart needs “y”, “series” or “count_by”"), NULL;
      if (spec == NULL)
        return NULL;
      if (!replace_spec (&spec, uc_view_group_by_region (r, o, spec)))
        return NULL;
      if (kind_name || !count_by)
        uc_chart_spec_set_kind (spec, kind);
      if (has_range)
        uc_chart_spec_set_range (spec, from, to);
      add_provenance (r, spec, dataset);
    }

  if (!uc_view_label_series (r, o, spec) || !replace_spec (&spec, uc_view_combine_series (r, o, spec)) ||
      !uc_view_add_frontier (r, o, spec))
    return NULL;

  {
    UcChartSpec *applied = apply_options (r, &options, spec);

    if (applied == NULL)
      return NULL;
    g_set_object (&spec, applied);
    g_object_unref (applied);
  }
  {
    g_autoptr(UcChartSpec) on_x = uc_view_apply_x_axis (r, &x_axis, spec);

    if (on_x == NULL)
      return NULL;
    g_set_object (&spec, on_x);
  }
  if (!uc_view_read_string (r, o, "subtitle", &s))
    return NULL;
  uc_chart_spec_set_subtitle (spec, uc_view_text (s));
  if (!uc_view_read_string (r, o, "source", &s))
    return NULL;
  if (s)
    uc_chart_spec_set_source (spec, uc_view_text (s));
  if (!uc_view_read_string (r, o, "note", &s))
    return NULL;
  if (s)
    uc_chart_spec_set_note (spec, uc_view_text (s));
  return g_steal_pointer (&spec);
}

/* A chart's members with those a variant sets on top. */
static JsonObject *
merge_members (JsonObject *base,
               JsonObject *set)
{
  JsonObject *merged = json_object_new ();
  g_autoptr(GList) names = json_object_get_members (base);
  g_autoptr(GList) set_names = set ? json_object_get_members (set) : NULL;

  for (GList *m = names; m; m = m->next)
    json_object_set_member (merged, m->data, json_node_copy (json_object_get_member (base, m->data)));
  for (GList *m = set_names; m; m = m->next)
    json_object_set_member (merged, m->data, json_node_copy (json_object_get_member (set, m->data)));
  return merged;
}

/* Every chart built as variant @index sets it; on success the view shows
 * that variant. */
static gboolean
build_variant (UcView  *self,
               Reader  *r,
               guint    index)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->base_sources->len; i++)
    {
      JsonObject *merged = merge_members (g_ptr_array_index (self->base_sources, i),
                                          g_ptr_array_index (self->variant_sets, index));
      UcChartSpec *chart;

      g_ptr_array_add (sources, merged);
      g_free (r->where);
      r->where = g_strdup_printf ("variants.options[%u] on charts[%u]", index, i);
      chart = build_chart (r, merged);
      if (chart == NULL)
        {
          /* Errors from the data name the dataset, not the variant. */
          if (r->error && *r->error && !g_str_has_prefix ((*r->error)->message, r->file))
            g_prefix_error (r->error, "%s: %s: ", r->file, r->where);
          return FALSE;
        }
      g_ptr_array_add (charts, chart);
    }
  g_clear_pointer (&r->where, g_free);
  g_ptr_array_unref (self->sources);
  self->sources = g_steal_pointer (&sources);
  g_ptr_array_unref (self->charts);
  self->charts = g_steal_pointer (&charts);
  self->variant = index;
  return TRUE;
}

/* "variants": one choice of several over every chart ("Price": input,
 * output or blended), each setting chart members; the first is shown.
 * Every variant is built once here, so a bad one is refused on loading. */
static gboolean
read_variants (UcView     *self,
               Reader     *r,
               JsonObject *o)
{
  static const char * const variants_members[] = { "label", "options", NULL };
  static const char * const option_members[] = { "id", "label", "set", NULL };
  JsonObject *variants;
  JsonNode *options;
  const char *label;

  if (!uc_view_read_object (r, o, "variants", &variants))
    return FALSE;
  if (variants == NULL)
    return TRUE;
  if (!uc_view_only_known_members (r, "variants", variants, variants_members) ||
      !uc_view_read_string (r, variants, "label", &label))
    return FALSE;
  options = json_object_get_member (variants, "options");
  if (label == NULL || options == NULL || !JSON_NODE_HOLDS_ARRAY (options) ||
      json_array_get_length (json_node_get_array (options)) < 2)
    return uc_view_fail (r, "variants", "needs a “label” and two or more “options”");
  for (guint i = 0; i < json_array_get_length (json_node_get_array (options)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (options), i);
      JsonObject *option, *set;
      const char *id, *option_label;

      g_free (r->where);
      r->where = g_strdup_printf ("variants.options[%u]", i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        return uc_view_fail (r, NULL, "expected an object");
      option = json_node_get_object (item);
      if (!uc_view_only_known_members (r, NULL, option, option_members) ||
          !uc_view_read_string (r, option, "id", &id) ||
          !uc_view_read_string (r, option, "label", &option_label) || !uc_view_read_object (r, option, "set", &set))
        return FALSE;
      if (id == NULL || option_label == NULL || set == NULL)
        return uc_view_fail (r, NULL, "needs an “id”, a “label” and the members it “set”s");
      for (guint k = 0; k < self->variant_ids->len; k++)
        if (g_str_equal (g_ptr_array_index (self->variant_ids, k), id))
          return uc_view_fail (r, "id", "two variants with one id");
      g_ptr_array_add (self->variant_ids, g_strdup (id));
      g_ptr_array_add (self->variant_labels, g_strdup (uc_view_text (option_label)));
      g_ptr_array_add (self->variant_sets, json_object_ref (set));
    }
  g_clear_pointer (&r->where, g_free);
  self->variants_label = g_strdup (uc_view_text (label));
  return TRUE;
}

/* "releases": the view's table of model releases. Its lanes are regions of
 * the makers' countries, in order: a release goes to the first region that
 * lists one of its countries, and to the region listing none otherwise. */
static gboolean
read_releases (UcView     *self,
               Reader     *r,
               JsonObject *o)
{
  static const char * const releases_members[] = { "dataset", "country", "open_weights", "regions", NULL };
  static const char * const region_members[] = { "name", "countries", NULL };
  g_autoptr(UcRegions) regions = NULL;
  JsonObject *releases;
  JsonNode *list;
  const char *dataset, *country, *open_weights;
  gboolean rest = FALSE;

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
    return uc_view_fail (r, "releases", "needs a “dataset” and its “country” and “open_weights” columns");
  if (uc_catalog_find (uc_catalog_get_default (), dataset) == NULL)
    {
      g_autofree char *what = g_strdup_printf ("no embedded dataset “%s” (see “undercut datasets”)", dataset);
      return uc_view_fail (r, "releases.dataset", what);
    }
  list = json_object_get_member (releases, "regions");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return uc_view_fail (r, "releases.regions", "expected a list of regions");
  regions = uc_regions_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (list), i);
      g_auto(GStrv) countries = NULL;
      const char *name;

      g_free (r->where);
      r->where = g_strdup_printf ("releases.regions[%u]", i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        return uc_view_fail (r, NULL, "expected an object");
      if (!uc_view_only_known_members (r, NULL, json_node_get_object (item), region_members) ||
          !uc_view_read_string (r, json_node_get_object (item), "name", &name) ||
          !uc_view_read_strings (r, json_node_get_object (item), "countries", &countries))
        return FALSE;
      if (name == NULL)
        return uc_view_fail (r, "name", "is required");
      if (countries && countries[0] == NULL)
        return uc_view_fail (r, "countries", "expected one or more country codes");
      if (countries == NULL && rest)
        return uc_view_fail (r, NULL, "only one region takes the rest (has no “countries”)");
      rest = rest || countries == NULL;
      uc_regions_add (regions, uc_view_text (name), (const char * const *) countries);
    }
  g_clear_pointer (&r->where, g_free);
  if (!rest)
    return uc_view_fail (r, "releases.regions", "needs a region without “countries” for the rest");
  self->releases = g_new0 (Releases, 1);
  self->releases->dataset = g_strdup (dataset);
  self->releases->table.country = g_strdup (country);
  self->releases->table.open_weights = g_strdup (open_weights);
  self->releases->table.regions = g_steal_pointer (&regions);
  r->releases = self->releases;
  return TRUE;
}

static void
need_dataset (UcView     *self,
              const char *id)
{
  if (id && !g_ptr_array_find_with_equal_func (self->datasets, id, g_str_equal, NULL))
    g_ptr_array_add (self->datasets, g_strdup (id));
}

/* The datasets a chart's members name: its "dataset", the events table
 * for "events" and event lanes, the view's releases for release lanes.
 * Members of the wrong type are left for the build to refuse. */
static void
need_datasets_of (UcView     *self,
                  JsonObject *chart)
{
  JsonNode *kind = json_object_get_member (chart, "kind");
  JsonNode *lanes = json_object_get_member (chart, "lanes");
  JsonNode *dataset = json_object_get_member (chart, "dataset");
  gboolean lane_chart = kind && JSON_NODE_HOLDS_VALUE (kind) && json_node_get_value_type (kind) == G_TYPE_STRING &&
                        g_str_equal (json_node_get_string (kind), "lanes");
  const char *lanes_of = lanes && JSON_NODE_HOLDS_VALUE (lanes) && json_node_get_value_type (lanes) == G_TYPE_STRING
                         ? json_node_get_string (lanes) : NULL;

  if (dataset && JSON_NODE_HOLDS_VALUE (dataset) && json_node_get_value_type (dataset) == G_TYPE_STRING)
    need_dataset (self, json_node_get_string (dataset));
  if (lane_chart && g_strcmp0 (lanes_of, "releases") == 0 && self->releases)
    need_dataset (self, self->releases->dataset);
  else if ((lane_chart && g_strcmp0 (lanes_of, "releases") != 0) || json_object_has_member (chart, "events"))
    need_dataset (self, "events");
}

/* Every dataset the view's charts need, as the file has them and as each
 * variant sets them. */
static void
list_datasets (UcView *self)
{
  for (guint i = 0; i < self->base_sources->len; i++)
    {
      need_datasets_of (self, g_ptr_array_index (self->base_sources, i));
      for (guint v = 0; v < self->variant_sets->len; v++)
        {
          g_autoptr(JsonObject) merged = merge_members (g_ptr_array_index (self->base_sources, i),
                                                        g_ptr_array_index (self->variant_sets, v));

          need_datasets_of (self, merged);
        }
    }
}

/* A view from its file's JSON (see uc_view_parse()). */
static UcView *
parse_root (JsonNode    *root,
            const char  *name,
            GError     **error)
{
  g_autoptr(UcView) self = NULL;
  Reader r = { name, NULL, error, NULL, FALSE, FALSE, NULL, NULL };
  JsonNode *charts;
  JsonObject *o;
  const char *id, *title, *description;
  gboolean list_flag, filter_flag;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return uc_view_fail (&r, NULL, "expected an object"), NULL;
  o = json_node_get_object (root);
  {
    static const char * const view_members[] = { "id", "title", "description", "event_list", "event_filter", "charts",
                                                 "variants", "releases", NULL };

    if (!uc_view_only_known_members (&r, NULL, o, view_members))
      return NULL;
  }
  if (!uc_view_read_string (&r, o, "id", &id) || !uc_view_read_string (&r, o, "title", &title) ||
      !uc_view_read_string (&r, o, "description", &description))
    return NULL;
  {
    gboolean event_list = FALSE;

    if (!uc_view_read_bool (&r, o, "event_list", &event_list))
      return NULL;
    list_flag = event_list;
    event_list = FALSE;
    if (!uc_view_read_bool (&r, o, "event_filter", &event_list))
      return NULL;
    filter_flag = event_list;
  }
  if (id == NULL || title == NULL)
    return uc_view_fail (&r, NULL, "a view needs an “id” and a “title”"), NULL;
  charts = json_object_get_member (o, "charts");
  if (charts == NULL || !JSON_NODE_HOLDS_ARRAY (charts) || json_array_get_length (json_node_get_array (charts)) == 0)
    return uc_view_fail (&r, "charts", "expected a list of one or more charts"), NULL;

  self = g_object_new (UC_TYPE_VIEW, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->event_list = list_flag;
  self->event_filter = filter_flag;
  self->file = g_strdup (name);
  if (!read_releases (self, &r, o))
    {
      g_clear_pointer (&r.where, g_free);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (json_node_get_array (charts)); i++)
    {
      JsonNode *item = json_array_get_element (json_node_get_array (charts), i);

      g_free (r.where);
      r.where = g_strdup_printf ("charts[%u]", i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        {
          uc_view_fail (&r, NULL, "expected an object");
          g_clear_pointer (&r.where, g_free);
          return NULL;
        }
      g_ptr_array_add (self->sources, json_object_ref (json_node_get_object (item)));
      g_ptr_array_add (self->base_sources, json_object_ref (json_node_get_object (item)));
      {
        gboolean compact = FALSE;

        if (!uc_view_read_bool (&r, json_node_get_object (item), "compact", &compact))
          {
            g_clear_pointer (&r.where, g_free);
            return NULL;
          }
        g_array_append_val (self->compact, compact);
      }
    }
  g_clear_pointer (&r.where, g_free);
  if (!read_variants (self, &r, o))
    {
      g_clear_pointer (&r.where, g_free);
      return NULL;
    }
  list_datasets (self);
  return g_steal_pointer (&self);
}

/* Reads a view file without its data: what it shows, and the datasets it
 * needs (uc_view_get_datasets()), which uc_view_load_data() loads before
 * uc_view_build_charts() builds the charts. */
UcView *
uc_view_parse (GBytes      *json,
               const char  *name,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (!uc_json_load_data (parser, data, size, name, &parse_error))
    {
      g_set_error_literal (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, parse_error->message);
      return NULL;
    }
  return parse_root (json_parser_get_root (parser), name, error);
}

/* A view file read, its data loaded from the default catalog on this
 * thread, and its charts built: for the command line and the tests. */
UcView *
uc_view_new_from_bytes (GBytes      *json,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(UcView) self = uc_view_parse (json, name, error);

  if (self == NULL || !uc_view_load_data (self, uc_catalog_get_default (), NULL, error) ||
      !uc_view_build_charts (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* A view file of the user's, read as uc_view_parse() reads one (and
 * never more than a JSON document may hold); errors name it by its path. */
UcView *
uc_view_parse_file (GFile   *file,
                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (!uc_json_load_file (parser, file, &local))
    {
      g_set_error_literal (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, local->message);
      return NULL;
    }
  name = g_file_get_parse_name (file);
  return parse_root (json_parser_get_root (parser), name, error);
}

/* A view of one chart made in memory (a file of the user's charted, say):
 * nothing to load or build. */
UcView *
uc_view_new_for_chart (const char  *id,
                       const char  *title,
                       UcChartSpec *chart)
{
  UcView *self;
  gboolean compact = FALSE;

  g_return_val_if_fail (id != NULL && title != NULL, NULL);
  g_return_val_if_fail (UC_IS_CHART_SPEC (chart), NULL);
  self = g_object_new (UC_TYPE_VIEW, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->given = TRUE;
  g_ptr_array_add (self->charts, g_object_ref (chart));
  g_ptr_array_add (self->sources, json_object_new ());
  g_ptr_array_add (self->base_sources, json_object_new ());
  g_array_append_val (self->compact, compact);
  return self;
}

/* The ids of the datasets the view is drawn from, in the order it first
 * names them. */
const char * const *
uc_view_get_datasets (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return (const char * const *) self->datasets->pdata;
}

/* Whether some dataset of the view is still to be read from @catalog:
 * loading it would wait. */
gboolean
uc_view_needs_loading (UcView    *self,
                       UcCatalog *catalog)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  g_return_val_if_fail (UC_IS_CATALOG (catalog), FALSE);
  for (guint i = 0; i < self->datasets->len; i++)
    {
      UcSource *source = uc_catalog_find (catalog, g_ptr_array_index (self->datasets, i));

      if (source && !uc_source_is_loaded (source))
        return TRUE;
    }
  return FALSE;
}

/* A dataset loaded, for the charts to be built from. */
static void
keep_table (UcView    *self,
            UcSource  *source,
            UcDataset *table)
{
  g_hash_table_replace (self->tables, g_strdup (uc_source_get_id (source)), g_object_ref (table));
  g_hash_table_replace (self->table_sources, g_strdup (uc_source_get_id (source)), g_object_ref (source));
}

/* Loads the view's datasets from @catalog on this thread. A dataset the
 * catalog does not have is left for uc_view_build_charts() to name, with
 * the member that names it. */
gboolean
uc_view_load_data (UcView        *self,
                   UcCatalog     *catalog,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  g_return_val_if_fail (UC_IS_CATALOG (catalog), FALSE);
  for (guint i = 0; i < self->datasets->len; i++)
    {
      UcSource *source = uc_catalog_find (catalog, g_ptr_array_index (self->datasets, i));
      g_autoptr(UcDataset) table = NULL;

      if (source == NULL)
        continue;
      if ((table = uc_source_load (source, cancellable, error)) == NULL)
        return FALSE;
      keep_table (self, source, table);
    }
  return TRUE;
}

typedef struct
{
  guint   pending;
  GError *error;   /* the first */
} Loading;

static void
loading_free (Loading *loading)
{
  g_clear_error (&loading->error);
  g_free (loading);
}

static void
on_table_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Loading *loading = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) table = uc_source_load_finish (UC_SOURCE (object), result, &error);

  if (table)
    keep_table (g_task_get_source_object (task), UC_SOURCE (object), table);
  else if (loading->error == NULL)
    loading->error = g_steal_pointer (&error);
  if (--loading->pending > 0)
    return;
  if (loading->error)
    g_task_return_error (task, g_steal_pointer (&loading->error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Loads the view's datasets from @catalog, all at once, on worker
 * threads (uc_source_load_async()); as uc_view_load_data() otherwise. */
void
uc_view_load_data_async (UcView              *self,
                         UcCatalog           *catalog,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) sources = g_ptr_array_new ();
  Loading *loading;

  g_return_if_fail (UC_IS_VIEW (self));
  g_return_if_fail (UC_IS_CATALOG (catalog));
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, uc_view_load_data_async);
  for (guint i = 0; i < self->datasets->len; i++)
    {
      UcSource *source = uc_catalog_find (catalog, g_ptr_array_index (self->datasets, i));

      if (source)
        g_ptr_array_add (sources, source);
    }
  if (sources->len == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  loading = g_new0 (Loading, 1);
  loading->pending = sources->len;
  g_task_set_task_data (task, loading, (GDestroyNotify) loading_free);
  for (guint i = 0; i < sources->len; i++)
    uc_source_load_async (g_ptr_array_index (sources, i), cancellable, on_table_loaded, g_object_ref (task));
}

gboolean
uc_view_load_data_finish (UcView        *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == uc_view_load_data_async, FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Builds every chart anew from the loaded data, each member checked; a
 * view with variants shows its first, once each was built (so a bad one
 * is refused here, not when it is chosen). */
gboolean
uc_view_build_charts (UcView  *self,
                      GError **error)
{
  Reader r = { NULL, NULL, error, NULL, FALSE, FALSE, NULL, NULL };
  g_autoptr(GPtrArray) charts = NULL;

  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  if (self->given)
    return TRUE;
  r.file = self->file;
  r.releases = self->releases;
  r.view = self;
  charts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->base_sources->len; i++)
    {
      UcChartSpec *chart;

      g_free (r.where);
      r.where = g_strdup_printf ("charts[%u]", i);
      chart = build_chart (&r, g_ptr_array_index (self->base_sources, i));
      if (chart == NULL)
        {
          g_clear_pointer (&r.where, g_free);
          return FALSE;
        }
      g_ptr_array_add (charts, chart);
    }
  g_clear_pointer (&r.where, g_free);
  g_ptr_array_unref (self->charts);
  self->charts = g_steal_pointer (&charts);
  g_ptr_array_set_size (self->sources, 0);
  for (guint i = 0; i < self->base_sources->len; i++)
    g_ptr_array_add (self->sources, json_object_ref (g_ptr_array_index (self->base_sources, i)));
  self->variant = 0;
  for (guint i = self->variant_ids->len; i-- > 0;)
    if (!build_variant (self, &r, i))
      {
        g_clear_pointer (&r.where, g_free);
        return FALSE;
      }
  return TRUE;
}

/* The views compiled in, by id: data/views/ID.json. */
UcView *
uc_view_load (const char  *id,
              GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = uc_view_list_lookup (id);

  if (bytes == NULL)
    {
      g_auto(GStrv) ids = uc_view_list_ids ();
      g_autofree char *known = g_strjoinv (", ", ids);

      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, "unknown view “%s” (known: %s)", id ? id : "", known);
      return NULL;
    }
  name = g_strdup_printf ("%s.json", id);
  return uc_view_new_from_bytes (bytes, name, error);
}

/* The first chart of a view: what `export --view` draws. */
UcChartSpec *
uc_view_build (const char  *id,
               GError     **error)
{
  g_autoptr(UcView) view = uc_view_load (id, error);

  return view ? g_object_ref (uc_view_get_chart (view, 0)) : NULL;
}

const char *
uc_view_get_id (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return self->id;
}

const char *
uc_view_get_title (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return uc_view_text (self->title);
}

const char *
uc_view_get_description (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return uc_view_text (self->description);
}

/* How many charts the file has (built or not). */
guint
uc_view_get_n_charts (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), 0);
  return self->base_sources->len;
}

UcChartSpec *
uc_view_get_chart (UcView *self,
                   guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  return g_ptr_array_index (self->charts, index);
}

gboolean
uc_view_get_event_list (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  return self->event_list;
}

gboolean
uc_view_get_event_filter (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  return self->event_filter;
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
  UcChartSpec *result;
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
  built = build_chart (&r, g_ptr_array_index (self->sources, index));
  g_free (r.where);
  if (built == NULL)
    return NULL;
  if (!r.filtered)
    return g_object_ref (chart);

  result = uc_chart_spec_copy_without_series (built);
  for (guint i = 0; i < uc_chart_spec_get_n_series (chart); i++)
    {
      UcSeries *all = uc_chart_spec_get_series (chart, i);
      UcSeries *some = r.nothing_matched ? NULL : uc_chart_options_find_series (built, uc_series_get_id (all));

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

/* Whether chart @index is a short one under the others (a summary line). */
gboolean
uc_view_get_chart_compact (UcView *self,
                           guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  g_return_val_if_fail (index < self->compact->len, FALSE);
  return g_array_index (self->compact, gboolean, index);
}

/* @total pixels of height shared out among the view's charts (into
 * @heights, one per chart): a compact chart gets half the share of the
 * others. The last chart takes what rounding leaves, so they add up. */
void
uc_view_split_height (UcView *self,
                      int     total,
                      int    *heights)
{
  double weights = 0, used = 0;

  g_return_if_fail (UC_IS_VIEW (self));
  for (guint i = 0; i < self->charts->len; i++)
    weights += uc_view_get_chart_compact (self, i) ? 1 : 2;
  for (guint i = 0; i < self->charts->len; i++)
    {
      if (i + 1 == self->charts->len)
        heights[i] = total - (int) used;
      else
        heights[i] = (int) round (total * (uc_view_get_chart_compact (self, i) ? 1 : 2) / weights);
      used += heights[i];
    }
}

guint
uc_view_get_n_variants (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), 0);
  return self->variant_ids->len;
}

/* What the variants choose ("Price"), translated; NULL without variants. */
const char *
uc_view_get_variants_label (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return self->variants_label;
}

const char *
uc_view_get_variant_id (UcView *self,
                        guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->variant_ids->len, NULL);
  return g_ptr_array_index (self->variant_ids, index);
}

const char *
uc_view_get_variant_label (UcView *self,
                           guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->variant_labels->len, NULL);
  return g_ptr_array_index (self->variant_labels, index);
}

/* The index of the variant shown (0 without variants). */
guint
uc_view_get_variant (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), 0);
  return self->variant;
}

/* Shows variant @id: every chart built again as it sets them. */
gboolean
uc_view_set_variant (UcView      *self,
                     const char  *id,
                     GError     **error)
{
  Reader r = { NULL, NULL, error, NULL, FALSE, FALSE, NULL, NULL };

  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  r.file = self->file;
  r.releases = self->releases;
  r.view = self;
  for (guint i = 0; i < self->variant_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->variant_ids, i), id) == 0)
      {
        gboolean ok = i == self->variant || build_variant (self, &r, i);

        g_free (r.where);
        return ok;
      }
  {
    g_autoptr(GString) known = g_string_new (NULL);

    for (guint i = 0; i < self->variant_ids->len; i++)
      g_string_append_printf (known, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (self->variant_ids, i));
    g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, "the view “%s” has no variant “%s”%s%s%s", self->id,
                 id ? id : "", known->len ? " (known: " : " (it has none)", known->str, known->len ? ")" : "");
  }
  return FALSE;
}
