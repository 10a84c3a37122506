/* uc-view-state-charts.c: the view and its charts as a state has them
 *
 * The same steps the window takes, in the same order, so that a state
 * drawn by `undercut export --spec` is what the window showed: the view
 * loaded (built-in or of the user's library) in its variant with its
 * picks; each chart narrowed by the filter words, its series hidden, on
 * the days of the state (else the first time chart's, which every time
 * chart shares), the options applied where each fits.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view-state.h"
#include "uc-view-state-private.h"

#include "uc-library.h"

/* The view the state names, loaded, in its variant, with its picks. */
UcView *
uc_view_state_load_view (const UcViewState  *self,
                         GError            **error)
{
  g_autoptr(UcView) view = NULL;

  g_return_val_if_fail (self != NULL && self->view != NULL, NULL);
  view = uc_library_view_entry_id (self->view) ? uc_library_load_view (self->view, error)
                                               : uc_view_load (self->view, error);
  if (view == NULL)
    return NULL;
  if (self->variant && !uc_view_set_variant (view, self->variant, error))
    {
      g_prefix_error (error, "“variant”: ");
      return NULL;
    }
  for (guint c = 0; c < uc_view_state_get_n_charts (self); c++)
    {
      const char * const *picked = uc_view_state_get_picked (self, c);

      if (picked == NULL)
        continue;
      if (c >= uc_view_get_n_charts (view))
        {
          guint n = uc_view_get_n_charts (view);

          g_set_error (error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_MEMBER,
                       /* Translators: a chart's index in the file (from 0), a view's id, then how many charts the
                        * view has; “charts[%u].picked” names a member of the file, kept. */
                       g_dngettext (GETTEXT_PACKAGE, "“charts[%u].picked”: the view “%s” has %u chart",
                                    "“charts[%u].picked”: the view “%s” has %u charts", n), c, self->view, n);
          return NULL;
        }
      if (!uc_view_set_picked (view, c, picked, error))
        {
          g_prefix_error (error, "“charts[%u].picked”: ", c);
          return NULL;
        }
    }
  return g_steal_pointer (&view);
}

/* The state's modes, base day, categories, filter and events; the
 * caller's other options (and @options' ownership) are left as they are. */
void
uc_view_state_fill_options (const UcViewState *self,
                            UcChartOptions    *options)
{
  g_return_if_fail (self != NULL && options != NULL);
  options->value_mode = self->value_mode;
  options->base = self->base;
  options->log_scale = self->log_scale;
  options->transform = self->transform;
  options->hidden_categories = self->hidden_categories;
  g_free (options->event_filter);
  options->event_filter = self->filter && *self->filter ? g_strdup (self->filter) : NULL;
  g_set_object (&options->added_events, self->events);
  g_free (options->added_events_name);
  options->added_events_name = g_strdup (self->events_name);
}

/* A series like @series, hidden: a copy sharing its points, so the
 * view's own chart keeps its series as they were. */
static UcSeries *
hidden_copy (UcSeries *series)
{
  UcSeries *copy = uc_series_new_borrowed (uc_series_get_id (series), uc_series_get_label (series),
                                           uc_series_get_x (series), uc_series_get_y (series),
                                           uc_series_get_length (series), G_OBJECT (series));

  uc_series_copy_style (copy, series);
  for (guint i = 0; i < uc_series_get_length (series); i++)
    if (uc_series_get_point_label (series, i))
      uc_series_set_point_label (copy, i, uc_series_get_point_label (series, i));
  uc_series_set_hidden (copy, TRUE);
  return copy;
}

/* @spec with the series of @ids hidden (as legend clicks hide them);
 * ids the chart does not have are passed over: the data may have moved
 * on since the state was saved. */
static UcChartSpec *
hide_series (UcChartSpec        *spec,
             const char * const *ids)
{
  UcChartSpec *out = uc_chart_spec_copy_without_series (spec);

  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, i);

      if (ids && g_strv_contains (ids, uc_series_get_id (series)) && !uc_series_get_hidden (series))
        {
          g_autoptr(UcSeries) copy = hidden_copy (series);

          uc_chart_spec_add_series (out, copy);
        }
      else
        uc_chart_spec_add_series (out, series);
    }
  return out;
}

/* Chart @c as the window shows it in this state. */
static UcChartSpec *
build_chart (const UcViewState *self,
             UcView            *view,
             guint              c,
             UcChartOptions    *options,
             GError           **error)
{
  g_autoptr(UcChartSpec) filtered = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  gboolean timed;
  UcTime from, to;
  UcChartSpec *applied;

  filtered = self->filter && *self->filter ? uc_view_filter_chart (view, c, self->filter, error)
                                           : g_object_ref (uc_view_get_chart (view, c));
  if (filtered == NULL)
    return NULL;
  spec = hide_series (filtered, uc_view_state_get_hidden (self, c));
  timed = uc_chart_spec_get_x_kind (spec) == UC_X_TIME;
  if (timed && uc_view_get_time_range (view, &from, &to))
    uc_chart_spec_set_range (spec, from, to);
  options->has_range = timed && self->has_range;
  options->from = self->from;
  options->to = self->to;
  if ((applied = uc_chart_options_apply (options, spec, error)) == NULL)
    /* Translators: put before what is wrong with a chart; %u is the chart's number, from 1. */
    g_prefix_error (error, _("chart %u: "), c + 1);
  return applied;
}

/* Every chart of @view as the window shows it in this state, ready for
 * uc_export_charts(). */
GPtrArray *
uc_view_state_build_charts (const UcViewState  *self,
                            UcView             *view,
                            GError            **error)
{
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (self != NULL && UC_IS_VIEW (view), NULL);
  n = uc_view_get_n_charts (view);
  uc_view_state_fill_options (self, &options);
  /* As the window: a chart that cannot take a mode stays as it is. */
  options.where_it_fits = TRUE;
  for (guint c = 0; c < n; c++)
    {
      UcChartSpec *chart = build_chart (self, view, c, &options, error);

      if (chart == NULL)
        return NULL;
      g_ptr_array_add (charts, chart);
    }
  return g_steal_pointer (&charts);
}
