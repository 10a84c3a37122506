/* uc-chart-options.c: what a reader asks of a chart, applied in one place */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-chart-options.h"

#include <string.h>

#include "uc-event-label.h"
#include "uc-event-table.h"
#include "uc-transform.h"
#include "uc-user-events.h"

G_DEFINE_QUARK (uc-chart-options-error-quark, uc_chart_options_error)

void
uc_chart_options_init (UcChartOptions *options)
{
  *options = (UcChartOptions) UC_CHART_OPTIONS_INIT;
}

void
uc_chart_options_clear (UcChartOptions *options)
{
  g_clear_object (&options->events);
  g_clear_object (&options->events_source);
  g_clear_pointer (&options->event_categories, g_strfreev);
  g_clear_object (&options->added_events);
  g_clear_pointer (&options->added_events_name, g_free);
  g_clear_pointer (&options->change_series, g_free);
  g_clear_pointer (&options->change_categories, g_strfreev);
  g_clear_pointer (&options->event_filter, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->x_title, g_free);
  g_clear_pointer (&options->y_title, g_free);
  g_clear_pointer (&options->right, g_strfreev);
  g_clear_pointer (&options->emphasis, g_strfreev);
  uc_chart_options_init (options);
}

/* A series by its id ("NVDA", also once a transform made it
 * "NVDA:rebased") or, failing that, by its label ("Nvidia"). */
UcSeries *
uc_chart_options_find_series (UcChartSpec *spec,
                              const char  *name)
{
  gsize len = strlen (name);

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, i);
      const char *id = uc_series_get_id (series);

      if (strncmp (id, name, len) == 0 && (id[len] == '\0' || id[len] == ':'))
        return series;
    }
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    if (g_strcmp0 (uc_series_get_label (uc_chart_spec_get_series (spec, i)), name) == 0)
      return uc_chart_spec_get_series (spec, i);
  return NULL;
}

static gboolean
no_such_series (UcChartOptionsError   code,
                const char           *name,
                GError              **error)
{
  /* Translators: %s is a series' name as given (NVDA, US…). */
  g_set_error (error, UC_CHART_OPTIONS_ERROR, code, _("the chart has no series “%s”"), name);
  return FALSE;
}

/* Names, values and how the chart is drawn: first, since a rebase and a
 * change label read the value format. */
static gboolean
apply_look (const UcChartOptions  *o,
            UcChartSpec           *spec,
            GError               **error)
{
  if (o->kind >= 0)
    uc_chart_spec_set_kind (spec, o->kind);
  if (o->stacked >= 0)
    uc_chart_spec_set_stacked (spec, o->stacked);
  if (o->legend >= 0)
    uc_chart_spec_set_legend_position (spec, o->legend);
  if (o->value_format >= 0)
    uc_chart_spec_set_value_format (spec, o->value_format);
  if (o->title)
    uc_chart_spec_set_title (spec, o->title);
  if (o->x_title)
    uc_chart_spec_set_x_title (spec, o->x_title);
  if (o->y_title)
    uc_chart_spec_set_y_title (spec, o->y_title);
  /* Marks on the chart's own series: callers pass charts they built. */
  for (guint i = 0; o->right && o->right[i]; i++)
    {
      UcSeries *series = uc_chart_options_find_series (spec, o->right[i]);

      if (series == NULL)
        return no_such_series (UC_CHART_OPTIONS_ERROR_RIGHT, o->right[i], error);
      uc_series_set_right_axis (series, TRUE);
    }
  for (guint i = 0; o->emphasis && o->emphasis[i]; i++)
    {
      UcSeries *series = uc_chart_options_find_series (spec, o->emphasis[i]);

      if (series == NULL)
        return no_such_series (UC_CHART_OPTIONS_ERROR_EMPHASIS, o->emphasis[i], error);
      uc_series_set_emphasis (series, TRUE);
    }
  return TRUE;
}

/* Values rebased or as change since a day: the first shown unless given. */
static UcChartSpec *
apply_values (const UcChartOptions  *o,
              UcChartSpec           *spec,
              GError               **error)
{
  UcTime from, to;

  if (o->value_mode == UC_VALUE_MODE_AS_IS || (o->where_it_fits && !uc_chart_spec_can_transform (spec)))
    return g_object_ref (spec);
  uc_chart_spec_get_range (spec, &from, &to);
  if (o->value_mode == UC_VALUE_MODE_REBASED)
    return uc_chart_spec_rebase (spec, o->base != 0 ? o->base : from, error);
  return uc_chart_spec_change_since (spec, o->base != 0 ? o->base : from, error);
}

/* Each line transformed, after the values: a mean of a rebased line is
 * the mean of the rebased values, which is the mean of the values
 * themselves over the base day's close, × 100 (and less 100 for a change
 * since it): where the average stood against that close. Returns and
 * drawdowns are ratios of a line's own values, the same rebased or not,
 * so they are taken from @plain, the values before any rebase, and a
 * change since a day (whose ratios mean nothing) never gets in the way. */
static UcChartSpec *
apply_transform (const UcChartOptions  *o,
                 UcChartSpec           *plain,
                 UcChartSpec           *valued,
                 GError               **error)
{
  g_autoptr(UcChartSpec) out = NULL;

  if (o->transform == UC_TRANSFORM_NONE ||
      (o->where_it_fits && !uc_chart_spec_can_take_transform (plain, o->transform)))
    return g_object_ref (valued);
  if (!uc_chart_spec_can_take_transform (plain, o->transform))
    {
      UcTransform already = uc_chart_spec_get_transform (plain);

      if (already != UC_TRANSFORM_NONE)
        /* Translators: %s is a transform: daily return, 7-day mean, 30-day mean, 90-day mean or drawdown. */
        g_set_error (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_TRANSFORM, _("the chart shows a %s already"),
                     uc_transform_describe (already));
      else if (uc_chart_spec_can_take_transform (plain, UC_TRANSFORM_MEAN_7))
        g_set_error (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_TRANSFORM,
                     /* Translators: %s is a transform: daily return, 7-day mean, 30-day mean, 90-day mean or
                      * drawdown. */
                     _("the chart's values are percentages, which have no %s"), uc_transform_describe (o->transform));
      else
        g_set_error (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_TRANSFORM,
                     /* Translators: %s is a transform: daily return, 7-day mean, 30-day mean, 90-day mean or
                      * drawdown. */
                     _("the chart cannot show a %s: it takes lines of values on dates"),
                     uc_transform_describe (o->transform));
      return NULL;
    }
  out = uc_chart_spec_transform (uc_transform_is_ratio (o->transform) ? plain : valued, o->transform);
  if (o->y_title)
    uc_chart_spec_set_y_title (out, o->y_title);
  if (o->log_scale > 0 && !o->where_it_fits && !uc_chart_spec_can_be_log (out))
    {
      g_set_error (error, UC_CHART_OPTIONS_ERROR, UC_CHART_OPTIONS_ERROR_TRANSFORM,
                   /* Translators: %s is a transform: daily return or drawdown. */
                   _("a logarithmic axis cannot show a %s, which reaches zero and below"),
                   uc_transform_describe (o->transform));
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
replace_events (const UcChartOptions  *o,
                UcChartSpec           *spec,
                GError               **error)
{
  /* Every event, whatever the range: a chart zoomed out shows those of
   * the days it shows, as everything else on the shared timeline does. */
  uc_chart_spec_clear_events (spec);
  if (o->events && !uc_chart_spec_add_events_from (spec, o->events, G_MININT64 + 1, G_MAXINT64,
                                                   (const char * const *) o->event_categories, error))
    return FALSE;
  if (o->events && o->events_source)
    uc_source_cite (o->events_source, spec);
  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      g_autofree char *label = uc_event_short_label (uc_event_get_title (event));

      uc_event_set_label (event, label);
    }
  return TRUE;
}

/* Events of some categories named by the move a series made that day;
 * an event with no such move keeps its name. The move is read from
 * @values, the chart before its lines were transformed: a day's move
 * in a 30-day mean is not the day's news. */
static gboolean
label_changes (const UcChartOptions  *o,
               UcChartSpec           *values,
               UcChartSpec           *spec,
               GError               **error)
{
  UcSeries *series = uc_chart_options_find_series (values, o->change_series);

  if (series == NULL)
    return no_such_series (UC_CHART_OPTIONS_ERROR_CHANGE, o->change_series, error);
  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      const char *category = uc_event_category_to_string (uc_event_get_category (event));
      g_autofree char *label = NULL;

      if (o->change_categories && !g_strv_contains ((const char * const *) o->change_categories, category))
        continue;
      label = uc_event_change_label (series, uc_event_get_time (event), uc_chart_spec_get_value_format (values));
      if (label)
        uc_event_set_computed_label (event, label);
    }
  return TRUE;
}

/* Only the events neither hidden by category nor left out by the words. */
static void
filter_events (const UcChartOptions *o,
               UcChartSpec          *spec)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    g_ptr_array_add (all, g_object_ref (uc_chart_spec_get_event (spec, i)));
  uc_chart_spec_clear_events (spec);
  for (guint i = 0; i < all->len; i++)
    {
      UcEvent *event = g_ptr_array_index (all, i);

      if ((o->hidden_categories & (1u << uc_event_get_category (event))) == 0 &&
          (o->event_filter == NULL || uc_event_matches (event, o->event_filter)))
        uc_chart_spec_add_event (spec, event);
    }
}

/* @spec as @options ask: a new chart (sharing the series it leaves as they
 * are), or NULL with @error when an option names what the chart does not
 * have or a transform cannot be made. In order: the look and the value
 * format, the range, the values and their transform, the events (and those added) and their
 * labels, the events left out, the value axis. */
UcChartSpec *
uc_chart_options_apply (const UcChartOptions  *options,
                        UcChartSpec           *spec,
                        GError               **error)
{
  g_autoptr(UcChartSpec) out = NULL;
  g_autoptr(UcChartSpec) valued = NULL;
  g_autoptr(UcChartSpec) transformed = NULL;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (UC_IS_CHART_SPEC (spec), NULL);

  out = uc_chart_spec_copy (spec);
  if (!apply_look (options, out, error))
    return NULL;
  if (options->has_range)
    uc_chart_spec_set_range (out, options->from, options->to);
  if ((valued = apply_values (options, out, error)) == NULL ||
      (transformed = apply_transform (options, out, valued, error)) == NULL)
    return NULL;
  g_set_object (&out, transformed);
  if (options->replace_events && uc_chart_spec_get_x_kind (out) == UC_X_TIME &&
      !(options->where_it_fits && uc_chart_spec_get_kind (out) == UC_CHART_LANES) &&
      !replace_events (options, out, error))
    return NULL;
  if (options->added_events)
    uc_user_events_add_to (out, options->added_events, options->added_events_name);
  if (options->change_series && !label_changes (options, valued, out, error))
    return NULL;
  if (options->hidden_categories != 0 || options->event_filter)
    filter_events (options, out);
  if (options->log_scale >= 0 && !(options->where_it_fits && !uc_chart_spec_can_be_log (out)))
    uc_chart_spec_set_log_scale (out, options->log_scale > 0);
  return g_steal_pointer (&out);
}
