/* uc-study-chart.c: an event study drawn: CAR by trading day from the event
 *
 * One line per company and the basket, on a number axis of trading days;
 * the basket (or a lone company) carries its 95% band, ±t·se.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-event-study.h"
#include "uc-format.h"

static UcSeries *
path_series (UcStudyLine *line,
             gboolean     with_band)
{
  g_autofree char *label = line->is_basket ? g_strdup (line->name) : g_strdup_printf ("%s (%s)", line->name, line->id);
  g_autoptr (UcSeries) series = uc_series_new (line->id, label);
  g_autofree double *lo = g_new (double, line->n_path);
  g_autofree double *hi = g_new (double, line->n_path);

  for (guint i = 0; i < line->n_path; i++)
    {
      UcTime x;
      double car = line->path_car[i] * 100, half = line->t_crit * line->path_se[i] * 100;

      if (!uc_x_from_number (line->path_from + (int) i, &x))
        continue;
      uc_series_append (series, x, car);
      lo[uc_series_get_length (series) - 1] = car - half;
      hi[uc_series_get_length (series) - 1] = car + half;
    }
  if (with_band)
    uc_series_set_band (series, lo, hi, uc_series_get_length (series));
  uc_series_set_emphasis (series, line->is_basket);
  if (line->is_basket)
    uc_series_set_color (series, UC_SERIES_COLOR_FOREGROUND);
  return g_steal_pointer (&series);
}

UcChartSpec *
uc_study_build_chart (UcStudy *self)
{
  g_autoptr (UcChartSpec) spec = uc_chart_spec_new ();
  g_autofree char *day = uc_format_day (self->event * UC_USEC_PER_DAY);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  UcStudyLine *banded = NULL;
  guint shown = 0;
  int path_from = 0, path_to = 1;
  gboolean nasdaq = FALSE, others_basket = TRUE;
  UcTime x_from, x_to;
  g_autofree char *est = uc_study_window_format (&self->estimation);
  g_autofree char *note = NULL;
  g_autofree char *start = NULL;

  for (guint i = 0; i < self->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (self->lines, i);

      if (line->ok && (line->is_basket || banded == NULL))
        banded = line;
      shown += line->ok;
    }
  if (shown > 1 && banded && !banded->is_basket)
    banded = NULL;
  for (guint i = 0; i < self->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (self->lines, i);

      if (!line->ok)
        continue;
      g_autoptr (UcSeries) series = path_series (line, line == banded);

      path_from = line->path_from;
      path_to = line->path_from + (int) line->n_path - 1;
      nasdaq |= g_strrstr (line->benchmark, "NASDAQCOM") != NULL;
      /* Where a market has no index, each listing is measured against the others. */
      others_basket &= line->against_others;
      uc_chart_spec_add_series (spec, series);
    }

  /* Translators: the event's title, then its date. */
  title = self->event_title ? g_strdup_printf (_("Event study: %s (%s)"), self->event_title, day)
                            : g_strdup_printf (_("Event study around %s"), day);
  start = g_strdup_printf ("%s%d", path_from < 0 ? "−" : path_from > 0 ? "+" : "", ABS (path_from));
  if (banded && banded->is_basket)
    subtitle = g_strdup_printf (_("Cumulative abnormal return from trading day %s, against %s; shaded: the "
                                  "basket’s 95%% band"), start, banded->benchmark);
  else if (banded)
    subtitle = g_strdup_printf (_("Cumulative abnormal return from trading day %s, against %s; shaded: its 95%% "
                                  "band"), start, banded->benchmark);
  else if (others_basket)
    subtitle = g_strdup_printf (_("Cumulative abnormal return from trading day %s, each against an equal-weight "
                                  "basket of the other listings of its market"), start);
  else
    subtitle = g_strdup_printf (_("Cumulative abnormal return from trading day %s, each against its market’s "
                                  "benchmark"), start);
  uc_chart_spec_set_title (spec, title);
  uc_chart_spec_set_subtitle (spec, subtitle);
  uc_chart_spec_set_x_kind (spec, UC_X_NUMBER);
  uc_chart_spec_set_x_unit (spec, _("day"));
  uc_chart_spec_set_x_title (spec, _("Trading days from the event (day 0: the first trading day on or after it)"));
  uc_chart_spec_set_y_title (spec, _("CAR, %"));
  uc_chart_spec_set_value_format (spec, UC_VALUE_PERCENT);
  uc_chart_spec_set_legend_position (spec, UC_LEGEND_TOP);
  /* Translators: %s is the estimation window of trading days, e.g. “−120…−11”. */
  note = g_strdup_printf (_("Market model: each company’s daily returns fitted on the benchmark’s over trading "
                            "days %s; the abnormal return is the rest. Where the band holds 0, the model cannot "
                            "tell the move from noise."), est);
  uc_chart_spec_set_note (spec, note);
  uc_chart_spec_set_source (spec, nasdaq ? _("Source: daily closes, split- and dividend-adjusted (Yahoo Finance data "
                                             "in public snapshots), and the Nasdaq Composite (FRED, NASDAQCOM).")
                                         : _("Source: daily closes, split- and dividend-adjusted (Yahoo Finance data "
                                             "in public snapshots)."));
  if (uc_x_from_number (path_from, &x_from) && uc_x_from_number (path_to, &x_to) && x_from < x_to)
    uc_chart_spec_set_range (spec, x_from, x_to);
  return g_steal_pointer (&spec);
}
