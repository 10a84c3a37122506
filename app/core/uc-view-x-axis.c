/* uc-view-x-axis.c: a chart's "x" member, what its x axis measures
 *
 * A string names the dataset's column
 * ("date", the default); an object says more:
 *
 *   "x": { "kind": "time", "column": "date", "title": "Trading day" }
 *   "x": { "kind": "number", "column": "day", "title": "Days from launch",
 *          "unit": "day", "range": [-10, 20] }
 *   "x": { "kind": "number", "trading_days_from": "2025-01-27",
 *          "range": [-10, 20], "title": "Trading days from 27 January 2025" }
 *
 * "kind" is "time" (dates and times) or "number", and must match the
 * column ("number" for a number column). "title" goes under the axis;
 * "unit" is how a point reads in the crosshair ("day" makes "day +3"; the
 * column's name unless given). "range" is the stretch of numbers shown.
 * With "trading_days_from", the data is read on its dates (the chart's
 * "range" bounds them, "rebase" applies to them), then each series' points
 * are counted from its first on or after that day (day 0) and those in
 * "range" (whole days, required) kept: an event study's axis. A chart on
 * a number axis keeps its own range and zoom in the window, apart from the
 * time charts' shared one; it takes no "events", "count_by" or lanes,
 * which are dates, and no chart "range" or "rebase" unless its numbers are
 * counted from dates.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view-private.h"

#include <math.h>

#include "uc-transform.h"

static gboolean
read_x_object (Reader     *r,
               JsonObject *xo,
               XAxis      *x)
{
  static const char * const x_members[] = { "kind", "column", "title", "unit", "range", "trading_days_from", NULL };
  JsonNode *node;
  JsonArray *pair;
  const char *kind;

  if (!uc_view_only_known_members (r, NULL, xo, x_members) || !uc_view_read_string (r, xo, "kind", &kind) ||
      !uc_view_read_string (r, xo, "title", &x->title) || !uc_view_read_string (r, xo, "unit", &x->unit) ||
      !uc_view_read_string (r, xo, "column", &x->column) ||
      !uc_view_read_date (r, xo, "trading_days_from", &x->day0, &x->has_day0))
    return FALSE;
  if (kind == NULL || !uc_x_kind_from_string (kind, &x->kind))
    return uc_view_fail (r, "kind", _("expected time or number"));
  x->column = x->column ? x->column : "date";
  if (x->has_day0 && x->kind != UC_X_NUMBER)
    return uc_view_fail (r, "trading_days_from", _("counts days on a number axis: “kind”: “number”"));
  node = json_object_get_member (xo, "range");
  if (node == NULL)
    return x->has_day0 ? uc_view_fail (r, "range", _("is required with trading_days_from, like [-10, 20]")) : TRUE;
  if (x->kind != UC_X_NUMBER)
    return uc_view_fail (r, "range", _("is for a number axis; a time axis takes the chart's “range”"));
  pair = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  for (guint i = 0; pair && i < json_array_get_length (pair) && i < 2; i++)
    {
      JsonNode *end = json_array_get_element (pair, i);

      if (!JSON_NODE_HOLDS_VALUE (end) || (json_node_get_value_type (end) != G_TYPE_INT64 &&
                                           json_node_get_value_type (end) != G_TYPE_DOUBLE))
        pair = NULL;
      else if (i == 0)
        x->from = json_node_get_double (end);
      else
        x->to = json_node_get_double (end);
    }
  if (pair == NULL || json_array_get_length (pair) != 2 || !(x->from < x->to) ||
      !(fabs (x->from) <= UC_X_NUMBER_LIMIT && fabs (x->to) <= UC_X_NUMBER_LIMIT) ||
      (x->has_day0 && (x->from != floor (x->from) || x->to != floor (x->to) || x->to - x->from > 1e6)))
    return uc_view_fail (r, "range", x->has_day0 ? _("expected two whole numbers of days in order, like [-10, 20]")
                                                 : _("expected two numbers in order, like [-10, 20]"));
  x->has_range = TRUE;
  return TRUE;
}

/* Reads "x" into @x; a chart without one is on its "date" column. */
gboolean
uc_view_read_x_axis (Reader     *r,
                     JsonObject *o,
                     XAxis      *x)
{
  JsonNode *node = json_object_get_member (o, "x");
  char *where = r->where;
  gboolean ok;

  *x = (XAxis) { "date", FALSE, UC_X_TIME, NULL, NULL, FALSE, 0, 0, FALSE, 0 };
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return uc_view_read_string (r, o, "x", &x->column);
  x->object = TRUE;
  /* Members inside are named as "charts[0].x.kind". */
  r->where = g_strdup_printf ("%s%sx", where ? where : "", where ? "." : "");
  ok = read_x_object (r, json_node_get_object (node), x);
  g_free (r->where);
  r->where = where;
  return ok;
}

/* The chart on its number axis: days counted from a date, or the range of
 * a number column's axis; titles and unit as "x" gives them. */
UcChartSpec *
uc_view_apply_x_axis (Reader      *r,
                      const XAxis *x,
                      UcChartSpec *spec)
{
  UcChartSpec *out;

  /* A number axis is said, not found: the file reads as the chart does. */
  if (!x->object && uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
    {
      /* Translators: %s is a column's name (twice); what is in { } is view file syntax, kept as is. */
      g_autofree char *what = g_strdup_printf (_("“%s” is a number column: say so with "
                                                 "{ \"kind\": \"number\", \"column\": \"%s\" }"), x->column, x->column);
      return uc_view_fail (r, "x", what), NULL;
    }
  if (!x->object)
    return g_object_ref (spec);
  /* Days are counted from a date column; otherwise the column is what
   * "kind" says. */
  if (uc_chart_spec_get_x_kind (spec) != (x->has_day0 ? UC_X_TIME : x->kind))
    {
      g_autofree char *what = NULL;

      if (x->has_day0)
        /* Translators: %s is a column's name. */
        what = g_strdup_printf (_("“%s” is not a date column to count trading days on"), x->column);
      else if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
        /* Translators: %s is a column's name. */
        what = g_strdup_printf (_("“%s” is not a date column"), x->column);
      else
        /* Translators: %s is a column's name. */
        what = g_strdup_printf (_("“%s” is not a number column"), x->column);
      return uc_view_fail (r, "x.column", what), NULL;
    }
  out = x->has_day0 ? uc_chart_spec_trading_days (spec, x->day0, (int) x->from, (int) x->to) : g_object_ref (spec);
  if (x->has_range && !x->has_day0)
    {
      UcTime a, b;

      uc_x_from_number (x->from, &a);
      uc_x_from_number (x->to, &b);
      if (b > a)
        uc_chart_spec_set_range (out, a, b);
    }
  if (x->title)
    uc_chart_spec_set_x_title (out, uc_view_text (x->title));
  if (x->unit)
    uc_chart_spec_set_x_unit (out, uc_view_text (x->unit));
  return out;
}
