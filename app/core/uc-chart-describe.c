/* uc-chart-describe.c: a chart in words, for screen readers
 *
 * What a sighted reader takes in at a glance: the chart, the days shown,
 * where each line starts and ends, its largest fall in a day, the events
 * marked. Computed from the chart as shown, so it follows the range.
 */
#include "config.h"

#include "uc-chart-describe.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-format.h"

/* Lines past this many are counted, not described: a list read aloud
 * stops being an overview. */
#define MAX_DESCRIBED 8

typedef struct
{
  guint  first, last;     /* the first and last values shown, by index */
  gssize worst;           /* the day of the largest one-day fall, or -1 */
  double worst_change;    /* its change, a fraction */
} Span;

static gboolean
span_of (UcSeries *series,
         UcTime    from,
         UcTime    to,
         gboolean  falls,
         Span     *span)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  guint n = uc_series_get_length (series);
  gssize previous = -1;
  gboolean any = FALSE;

  span->worst = -1;
  span->worst_change = 0;
  for (guint i = 0; i < n; i++)
    {
      if (x[i] < from || x[i] > to || !isfinite (y[i]))
        continue;
      if (!any)
        span->first = i;
      span->last = i;
      any = TRUE;
      if (falls && previous >= 0 && y[previous] > 0)
        {
          double change = y[i] / y[previous] - 1;

          if (change < span->worst_change)
            span->worst_change = change, span->worst = i;
        }
      previous = i;
    }
  return any;
}

static char *
describe_series (UcSeries     *series,
                 UcValueFormat format,
                 gboolean      dates,
                 const Span   *span)
{
  const UcTime *x = uc_series_get_x (series);
  const double *y = uc_series_get_y (series);
  g_autofree char *from = uc_format_value (y[span->first], format);
  g_autofree char *to = uc_format_value (y[span->last], format);
  g_autofree char *text = NULL;

  if (span->first == span->last)
    /* Translators: a line of a chart with one value, e.g. "Nvidia: $2.9T" */
    text = g_strdup_printf (_("%s: %s"), uc_series_get_label (series), from);
  else
    /* Translators: a line of a chart, e.g. "Nvidia: from $3.4T to $2.7T" */
    text = g_strdup_printf (_("%s: from %s to %s"), uc_series_get_label (series), from, to);
  if (span->worst >= 0 && dates)
    {
      g_autofree char *fall = uc_format_scaled (span->worst_change * 100, "", (UcUnit) { 1, "" }, 1, "%");
      g_autofree char *day = uc_format_day (x[span->worst]);
      g_autofree char *with_fall = NULL;

      /* Translators: a line's description, then its largest fall in a day and that day,
       * e.g. "…; largest daily fall −17.0% on 27 Jan 2025" */
      with_fall = g_strdup_printf (_("%s; largest daily fall %s on %s"), text, fall, day);
      g_free (text);
      text = g_steal_pointer (&with_fall);
    }
  return g_steal_pointer (&text);
}

static void
append_events (GString     *out,
               UcChartSpec *spec,
               UcTime       from,
               UcTime       to)
{
  guint shown = 0;
  UcEvent *first = NULL;

  for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
    {
      UcEvent *event = uc_chart_spec_get_event (spec, i);
      UcTime t = uc_event_get_time (event);

      if (t < from || t > to)
        continue;
      if (first == NULL)
        first = event;
      shown++;
    }
  if (shown == 0)
    return;
  {
    g_autofree char *day = uc_format_day (uc_event_get_time (first));

    g_string_append (out, " ");
    /* Translators: events marked on a chart, with the first of them, e.g.
     * "4 events marked, the first DeepSeek-V3 released on 26 Dec 2024." */
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u event marked: %s on %s.",
                                              "%u events marked, the first %s on %s.", shown),
                            shown, uc_event_get_title (first), day);
  }
}

/* "The DeepSeek shock, 2 Dec 2024 – 31 Mar 2025. Nvidia: from $3.4T to
 * $2.7T; largest daily fall −17.0% on 27 Jan 2025. …" */
char *
uc_chart_describe (UcChartSpec *spec)
{
  GString *out = g_string_new (uc_chart_spec_get_title (spec) ? uc_chart_spec_get_title (spec) : "");
  UcValueFormat format = uc_chart_spec_get_value_format (spec);
  gboolean dates = uc_chart_spec_get_x_kind (spec) == UC_X_TIME;
  /* A fall in percent of a percentage or an index of change says nothing. */
  gboolean falls = dates && format != UC_VALUE_PERCENT && !uc_chart_spec_get_stacked (spec);
  guint described = 0, more = 0;
  UcTime from, to;

  uc_chart_spec_get_range (spec, &from, &to);
  if (!(to > from))
    from = G_MININT64, to = G_MAXINT64;
  else if (dates)
    {
      g_autofree char *period = uc_format_period (from, to);

      if (out->len)
        {
          /* Translators: a chart's title, then the days it shows */
          g_autofree char *titled = g_strdup_printf (C_("chart description", "%s, %s"), out->str, period);

          g_string_assign (out, titled);
        }
      else
        g_string_append (out, period);
    }
  if (out->len)
    {
      /* Translators: ends a sentence of a chart's description read out by a screen reader */
      g_autofree char *sentence = g_strdup_printf (C_("chart description", "%s."), out->str);

      g_string_assign (out, sentence);
    }
  for (guint i = 0; i < uc_chart_spec_get_n_series (spec); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, i);
      Span span;

      if (uc_series_get_hidden (series) || !span_of (series, from, to, falls, &span))
        continue;
      if (described == MAX_DESCRIBED)
        {
          more++;
          continue;
        }
      {
        g_autofree char *text = describe_series (series, format, dates, &span);

        if (out->len)
          g_string_append_c (out, ' ');
        g_string_append_printf (out, C_("chart description", "%s."), text);
        described++;
      }
    }
  if (more)
    {
      g_string_append (out, " ");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u more line.", "%u more lines.", more), more);
    }
  else if (described == 0)
    g_string_append (out, _("No values in the days shown."));
  if (dates)
    append_events (out, spec, from, to);
  return g_string_free (out, FALSE);
}
