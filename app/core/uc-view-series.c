/* uc-view-series.c: the members of a chart that make or reshape its series
 *
 * "series" (one series per key of a long table), "blend" (a column made of
 * others), "group_by_region" (countries summed into regions), "labels"
 * (names for series whose ids are codes), "combine" (the series added up)
 * and "frontier" (the lowest so far). Each reads its member and does what
 * it says, or names the member that does not fit.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view.h"
#include "uc-view-private.h"

#include <string.h>

#include "uc-chart-options.h"
#include "uc-column-alloc.h"
#include "uc-dataset-charts.h"
#include "uc-regions.h"
#include "uc-transform.h"

/* "series": one series per key of a long table, in the order "only" lists
 * them; a key with no value in the range is named in "missing". */
gboolean
uc_view_add_long_series (Reader      *r,
                         JsonObject  *series_o,
                         UcDataset   *data,
                         const char  *x,
                         UcTime       from,
                         UcTime       to,
                         UcChartSpec *spec)
{
  const char *key, *value, *label, *missing_text;
  g_auto(GStrv) only = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *picked_note = NULL, *note = NULL;
  const char * const *picked;

  if (!uc_view_read_string (r, series_o, "key", &key) || !uc_view_read_string (r, series_o, "value", &value) ||
      !uc_view_read_string (r, series_o, "label", &label) || !uc_view_read_strings (r, series_o, "only", &only) ||
      !uc_view_read_string (r, series_o, "missing", &missing_text))
    return FALSE;
  if (key == NULL || value == NULL)
    return uc_view_fail (r, "series", _("needs “key” and “value” columns"));
  if ((all = uc_series_from_long (data, x, key, value, label, r->error)) == NULL)
    return FALSE;
  /* The reader's pick, where there is one, instead of the view's own. */
  picked = r->view ? uc_view_get_picked (r->view, r->chart) : NULL;
  if (picked)
    {
      g_strfreev (only);
      only = g_strdupv ((char **) picked);
      picked_note = uc_view_picked_note (series_o, all, picked);
    }

  for (guint k = 0; only ? only[k] != NULL : k < all->len; k++)
    {
      UcSeries *found = NULL;
      double lo, hi;

      if (only == NULL)
        found = g_ptr_array_index (all, k);
      for (guint i = 0; only && i < all->len && !found; i++)
        if (g_strcmp0 (uc_series_get_id (g_ptr_array_index (all, i)), only[k]) == 0)
          found = g_ptr_array_index (all, i);
      /* Nothing in the range (e.g. no share count, no market cap): say so. */
      if (found == NULL || !uc_series_get_y_range (found, from, to, &lo, &hi))
        {
          g_string_append_printf (missing, "%s%s", missing->len ? ", " : "",
                                  found ? uc_series_get_label (found) : only[k]);
          continue;
        }
      uc_chart_spec_add_series (spec, found);
    }
  if (missing->len > 0 && missing_text)
    {
      const char *said = uc_view_text (missing_text);
      const char *at = strstr (said, "%s");

      if (at == NULL)
        /* Translators: “%s” is written as is: the place in the view file's text where the names go. */
        /* xgettext:no-c-format */
        return uc_view_fail (r, "series.missing", _("needs a %s, where the names go"));
      note = g_strdup_printf ("%.*s%s%s", (int) (at - said), said, missing->str, at + 2);
    }
  if (picked_note)
    {
      char *both = note ? g_strdup_printf ("%s %s", picked_note, note) : g_strdup (picked_note);

      g_free (note);
      note = both;
    }
  if (note)
    uc_chart_spec_set_note (spec, note);
  return TRUE;
}

/* A copy of @data with the column @name, each row the weighted mean of
 * @inputs. */
static UcDataset *
blend_rows (UcDataset     *data,
            const char    *name,
            const double **inputs,
            const double  *weights,
            guint          n,
            double         total)
{
  guint n_rows = uc_dataset_get_n_rows (data);
  g_autofree guint *rows = g_new (guint, MAX (n_rows, 1));
  g_autoptr(UcDataset) copy = NULL;
  double *values;

  for (guint i = 0; i < n_rows; i++)
    rows[i] = i;
  copy = uc_dataset_select_rows (data, rows, n_rows);
  values = uc_column_alloc (MAX (n_rows, 1) * sizeof (double));
  for (guint i = 0; i < n_rows; i++)
    {
      double sum = 0;

      for (guint k = 0; k < n; k++)
        sum += weights[k] * inputs[k][i];
      values[i] = sum / total;   /* NaN when any is missing */
    }
  uc_dataset_take_numbers (copy, name, values);
  return g_steal_pointer (&copy);
}

/* "blend": a column made of others, weighted ("blended 3:1": three parts
 * input price to one part output price), on a copy of the dataset; a row
 * missing any of them is missing. */
UcDataset *
uc_view_blend_columns (Reader     *r,
                       JsonObject *o,
                       UcDataset  *data)
{
  static const char * const blend_members[] = { "name", "columns", "weights", NULL };
  JsonObject *blend;
  JsonNode *weights_node;
  const char *name;
  g_auto(GStrv) columns = NULL;
  g_autofree double *weights = NULL;
  g_autofree const double **inputs = NULL;
  double total = 0;
  guint n;

  if (!uc_view_read_object (r, o, "blend", &blend))
    return NULL;
  if (blend == NULL)
    return g_object_ref (data);
  if (!uc_view_only_known_members (r, "blend", blend, blend_members) ||
      !uc_view_read_string (r, blend, "name", &name) ||
      !uc_view_read_strings (r, blend, "columns", &columns))
    return NULL;
  if (name == NULL || columns == NULL || (n = g_strv_length (columns)) < 2)
    return uc_view_fail (r, "blend", _("needs a “name” and two or more “columns”")), NULL;
  weights_node = json_object_get_member (blend, "weights");
  if (weights_node == NULL || !JSON_NODE_HOLDS_ARRAY (weights_node) ||
      json_array_get_length (json_node_get_array (weights_node)) != n)
    return uc_view_fail (r, "blend.weights", _("expected one number per column")), NULL;
  weights = g_new (double, n);
  inputs = g_new (const double *, n);
  for (guint k = 0; k < n; k++)
    {
      JsonNode *w = json_array_get_element (json_node_get_array (weights_node), k);
      int column = uc_dataset_find_column_of_type (data, columns[k], UC_COLUMN_NUMBER);

      if (!JSON_NODE_HOLDS_VALUE (w) || (json_node_get_value_type (w) != G_TYPE_INT64 &&
                                         json_node_get_value_type (w) != G_TYPE_DOUBLE) ||
          !(json_node_get_double (w) > 0))
        return uc_view_fail (r, "blend.weights", _("expected one number per column, each above zero")), NULL;
      weights[k] = json_node_get_double (w);
      total += weights[k];
      if (column < 0)
        {
          /* Translators: a column's name, then a dataset's. */
          g_autofree char *what = g_strdup_printf (_("no number column “%s” in “%s”"), columns[k],
                                                   uc_dataset_get_name (data));
          return uc_view_fail (r, "blend.columns", what), NULL;
        }
      inputs[k] = uc_dataset_get_numbers (data, (guint) column);
    }
  if (uc_dataset_find_column (data, name) >= 0)
    return uc_view_fail (r, "blend.name", _("the dataset already has a column of that name")), NULL;

  return blend_rows (data, name, inputs, weights, n, total);
}


/* @spec's series summed per region of @map, in the order the regions
 * first appear. */
static UcChartSpec *
sum_by_region (UcRegions   *map,
               UcChartSpec *spec)
{
  g_autoptr(UcChartSpec) summed = uc_chart_spec_copy_without_series (spec);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      const char *region = uc_regions_lookup (map, uc_series_get_id (uc_chart_spec_get_series (spec, i)));

      if (!g_ptr_array_find_with_equal_func (names, region, g_str_equal, NULL))
        g_ptr_array_add (names, (gpointer) region);
    }
  for (guint k = 0; k < names->len; k++)
    {
      g_autoptr(GPtrArray) members = g_ptr_array_new ();
      g_autoptr(UcSeries) sum = NULL;

      for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
        if (g_str_equal (uc_regions_lookup (map, uc_series_get_id (uc_chart_spec_get_series (spec, i))),
                         g_ptr_array_index (names, k)))
          g_ptr_array_add (members, uc_chart_spec_get_series (spec, i));
      sum = uc_series_sum (members, g_ptr_array_index (names, k), g_ptr_array_index (names, k), UC_JOIN_OUTER);
      uc_chart_spec_add_series (summed, sum);
    }
  return g_steal_pointer (&summed);
}

/* "group_by_region": countries ("US", "CN", "GB;Multinational;US") summed
 * into regions, as the release lanes group them. The chart (@spec itself
 * when not asked), a new reference; NULL on an error. */
UcChartSpec *
uc_view_group_by_region (Reader      *r,
                         JsonObject  *o,
                         UcChartSpec *spec)
{
  gboolean regions = FALSE;

  if (!uc_view_read_bool (r, o, "group_by_region", &regions))
    return NULL;
  if (regions && r->releases == NULL)
    return uc_view_fail (r, "group_by_region", _("needs the regions of the view's “releases”")), NULL;
  if (!regions)
    return g_object_ref (spec);
  return sum_by_region (r->releases->table.regions, spec);
}

/* "labels": names for series whose ids are codes ("CN": "China"), found
 * also after a transform renamed them ("NVDA" is "NVDA:rebased" once
 * rebased). */
gboolean
uc_view_label_series (Reader      *r,
                      JsonObject  *o,
                      UcChartSpec *spec)
{
  JsonObject *labels;
  g_autoptr(GList) ids = NULL;

  if (!uc_view_read_object (r, o, "labels", &labels))
    return FALSE;
  if (labels == NULL)
    return TRUE;
  ids = json_object_get_members (labels);
  for (GList *m = ids; m; m = m->next)
    {
      JsonNode *node = json_object_get_member (labels, m->data);
      UcSeries *series = uc_chart_options_find_series (spec, m->data);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        return uc_view_fail (r, "labels", _("expected names as strings"));
      /* Words or a reader's pick can narrow a chart to fewer series than
       * it names. */
      if (series == NULL && r->filter == NULL && !(r->view && uc_view_get_picked (r->view, r->chart)))
        {
          /* Translators: %s is a series' name as given (NVDA, US…). */
          g_autofree char *what = g_strdup_printf (_("the chart has no series “%s”"), (const char *) m->data);
          return uc_view_fail (r, "labels", what);
        }
      if (series)
        uc_series_set_label (series, uc_view_text (json_node_get_string (node)));
    }
  return TRUE;
}

/* "combine": the series summed into one line, on the days all of them
 * have a value (a missing one would read as a crash). The chart (@spec
 * itself without "combine"), a new reference; NULL on an error. */
UcChartSpec *
uc_view_combine_series (Reader      *r,
                        JsonObject  *o,
                        UcChartSpec *spec)
{
  const char *combine;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(UcSeries) sum = NULL;
  UcChartSpec *combined;

  if (!uc_view_read_string (r, o, "combine", &combine))
    return NULL;
  if (combine == NULL)
    return g_object_ref (spec);
  if (uc_chart_spec_get_n_series (spec) < 2)
    return uc_view_fail (r, "combine", _("needs two or more series to add up")), NULL;
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    g_ptr_array_add (all, uc_chart_spec_get_series (spec, i));
  sum = uc_series_sum (all, combine, uc_view_text (combine), UC_JOIN_INNER);
  uc_series_set_emphasis (sum, TRUE);
  /* A total, not one more company: drawn in the text's colour. */
  uc_series_set_color (sum, UC_SERIES_COLOR_FOREGROUND);
  combined = uc_chart_spec_copy_without_series (spec);
  uc_chart_spec_add_series (combined, sum);
  return combined;
}

/* "frontier": the lowest price on offer each day, as a step line. */
gboolean
uc_view_add_frontier (Reader      *r,
                      JsonObject  *o,
                      UcChartSpec *spec)
{
  const char *frontier;
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  g_autoptr(UcSeries) line = NULL;

  if (!uc_view_read_string (r, o, "frontier", &frontier))
    return FALSE;
  if (frontier == NULL || uc_chart_spec_get_n_series (spec) == 0)
    return TRUE;
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    g_ptr_array_add (all, uc_chart_spec_get_series (spec, i));
  line = uc_series_cheapest_on_offer (all, "frontier", uc_view_text (frontier));
  uc_series_set_kind (line, UC_CHART_STEP);
  uc_series_set_emphasis (line, TRUE);
  uc_chart_spec_add_series (spec, line);
  return TRUE;
}
