/* uc-open-weights.c: releases counted by period, region and openness */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "uc-format.h"
#include "uc-json-writer.h"
#include "uc-open-weights.h"
#include "uc-regions.h"

/* Keys in data and JSON; _() of one is the name shown. */
static const char *const region_names[UC_RELEASE_REGIONS] = { N_("US"), N_("China"), N_("Europe"), N_("Other") };

const char *
uc_release_region_name (guint region)
{
  return region < UC_RELEASE_REGIONS ? region_names[region] : NULL;
}

void
uc_release_counts_free (UcReleaseCounts *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->periods, g_array_unref);
  g_free (self);
}

static gint64
period_start (gint64   day,
              gboolean yearly)
{
  int y, m, d;

  uc_civil_from_days (day, &y, &m, &d);
  return uc_days_from_civil (y, yearly ? 1 : (m - 1) / 3 * 3 + 1, 1);
}

static gint64
next_period (gint64   start,
             gboolean yearly)
{
  return uc_time_add_months (start * UC_USEC_PER_DAY, yearly ? 12 : 3) / UC_USEC_PER_DAY;
}

/* "2025 Q1", or "2025". */
char *
uc_release_period_name (const UcReleaseCounts *self,
                        gint64                 start)
{
  int y, m, d;

  uc_civil_from_days (start, &y, &m, &d);
  return self->yearly ? g_strdup_printf ("%d", y) : g_strdup_printf ("%d Q%d", y, (m - 1) / 3 + 1);
}

UcReleaseCounts *
uc_release_counts_new (UcDataset *releases,
                       gboolean   yearly,
                       GError   **error)
{
  int c_date = uc_dataset_find_column_of_type (releases, "date", UC_COLUMN_DATE);
  int c_country = uc_dataset_find_column_of_type (releases, "country", UC_COLUMN_TEXT);
  int c_open = uc_dataset_find_column_of_type (releases, "open_weights", UC_COLUMN_TEXT);
  g_autoptr (UcRegions) map = uc_regions_new_default ();
  g_autoptr (UcReleaseCounts) self = g_new0 (UcReleaseCounts, 1);
  guint n = uc_dataset_get_n_rows (releases);
  const UcTime *dates;
  gint64 first = G_MAXINT64, last = G_MININT64;

  if (c_date < 0 || c_country < 0 || c_open < 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("the releases need date, country and open_weights columns"));
      return NULL;
    }
  dates = uc_dataset_get_times (releases, c_date);
  for (guint row = 0; row < n; row++)
    if (dates[row] != UC_TIME_MISSING)
      {
        first = MIN (first, dates[row] / UC_USEC_PER_DAY);
        last = MAX (last, dates[row] / UC_USEC_PER_DAY);
      }
  self->yearly = yearly;
  self->periods = g_array_new (FALSE, TRUE, sizeof (UcReleasePeriod));
  if (first > last)
    return g_steal_pointer (&self);
  self->first = first;
  self->last = last;
  for (gint64 p = period_start (first, yearly); p <= last; p = next_period (p, yearly))
    g_array_append_val (self->periods, ((UcReleasePeriod) { .start = p }));
  for (guint row = 0; row < n; row++)
    {
      const char *region;
      gboolean open;
      gint64 p;
      guint r = UC_RELEASE_REGIONS - 1, i = 0;

      if (dates[row] == UC_TIME_MISSING)
        continue;
      region = uc_regions_lookup (map, uc_dataset_get_text (releases, c_country, row));
      for (guint k = 0; k < UC_RELEASE_REGIONS; k++)
        if (g_strcmp0 (region, region_names[k]) == 0)
          r = k;
      open = g_ascii_strcasecmp (uc_dataset_get_text (releases, c_open, row) ?: "", "yes") == 0;
      p = period_start (dates[row] / UC_USEC_PER_DAY, yearly);
      while (g_array_index (self->periods, UcReleasePeriod, i).start != p)
        i++;
      if (open)
        {
          g_array_index (self->periods, UcReleasePeriod, i).open[r]++;
          self->open[r]++;
        }
      else
        {
          g_array_index (self->periods, UcReleasePeriod, i).closed[r]++;
          self->closed[r]++;
        }
    }
  return g_steal_pointer (&self);
}

static void
counts_json (UcJsonWriter *w,
             const guint  *open,
             const guint  *closed)
{
  guint all_open = 0;

  for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
    all_open += open[r];
  uc_json_key (w, "regions");
  uc_json_begin_object (w);
  for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
    {
      uc_json_key (w, region_names[r]);
      uc_json_begin_object (w);
      uc_json_key (w, "open");
      uc_json_int (w, open[r]);
      uc_json_key (w, "closed_or_unknown");
      uc_json_int (w, closed[r]);
      uc_json_key (w, "share_of_open");
      if (all_open)
        uc_json_number (w, (double) open[r] / all_open);
      else
        uc_json_null (w);
      uc_json_end_object (w);
    }
  uc_json_end_object (w);
}

char *
uc_release_counts_to_json (UcReleaseCounts *self)
{
  g_autoptr (UcJsonWriter) w = uc_json_writer_new (TRUE);

  uc_json_begin_object (w);
  uc_json_key (w, "by");
  uc_json_string (w, self->yearly ? "year" : "quarter");
  counts_json (w, self->open, self->closed);
  uc_json_key (w, "periods");
  uc_json_begin_array (w);
  for (guint i = 0; i < self->periods->len; i++)
    {
      UcReleasePeriod *p = &g_array_index (self->periods, UcReleasePeriod, i);
      g_autofree char *name = uc_release_period_name (self, p->start);

      uc_json_begin_object (w);
      uc_json_key (w, "period");
      uc_json_string (w, name);
      counts_json (w, p->open, p->closed);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  uc_json_end_object (w);
  return uc_json_writer_steal (w);
}

/* One bar per period, stacked by region: the open-weight releases, or
 * (@shares) each region's percent of them. @open: open weights; else the
 * closed (or not known) ones. */
UcChartSpec *
uc_release_counts_build_chart (UcReleaseCounts *self,
                               gboolean         open,
                               gboolean         shares)
{
  g_autoptr (UcChartSpec) spec = uc_chart_spec_new ();
  g_autofree char *first = NULL, *last = NULL, *subtitle = NULL;

  for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
    {
      g_autoptr (UcSeries) series = uc_series_new (region_names[r], _(region_names[r]));

      for (guint i = 0; i < self->periods->len; i++)
        {
          UcReleasePeriod *p = &g_array_index (self->periods, UcReleasePeriod, i);
          const guint *counts = open ? p->open : p->closed;
          guint total = 0;

          for (guint k = 0; k < UC_RELEASE_REGIONS; k++)
            total += counts[k];
          /* A share of nothing is no bar, not a bar of zero. */
          if (shares && total == 0)
            continue;
          uc_series_append (series, p->start * UC_USEC_PER_DAY,
                            shares ? 100.0 * counts[r] / total : (double) counts[r]);
        }
      uc_series_set_color (series, (int) r);
      uc_chart_spec_add_series (spec, series);
    }
  uc_chart_spec_set_kind (spec, UC_CHART_BARS);
  uc_chart_spec_set_stacked (spec, TRUE);
  /* Periods are drawn as bars of quarters; years as plain dates. */
  if (self->periods->len)
    {
      UcTime from = g_array_index (self->periods, UcReleasePeriod, 0).start * UC_USEC_PER_DAY;
      UcTime last_start = g_array_index (self->periods, UcReleasePeriod, self->periods->len - 1).start * UC_USEC_PER_DAY;

      if (!self->yearly)
        uc_chart_spec_set_period (spec, UC_CHART_PERIOD_QUARTER, self->first * UC_USEC_PER_DAY,
                                  self->last * UC_USEC_PER_DAY);
      uc_chart_spec_set_range (spec, from, uc_time_add_months (last_start, self->yearly ? 12 : 3) - UC_USEC_PER_DAY);
    }
  first = uc_format_day (self->first * UC_USEC_PER_DAY);
  last = uc_format_day (self->last * UC_USEC_PER_DAY);
  uc_chart_spec_set_title (spec, open ? (shares ? _("Open-weight releases: each region’s share")
                                                : _("Open-weight releases, by region"))
                                      : (shares ? _("Closed releases: each region’s share")
                                                : _("Closed releases, by region")));
  subtitle = g_strdup_printf (self->yearly ? _("Releases per year in the release list, %s to %s")
                                           : _("Releases per quarter in the release list, %s to %s"), first, last);
  uc_chart_spec_set_subtitle (spec, subtitle);
  uc_chart_spec_set_value_format (spec, shares ? UC_VALUE_PERCENT : UC_VALUE_NUMBER);
  uc_chart_spec_set_legend_position (spec, UC_LEGEND_TOP);
  uc_chart_spec_set_note (spec, _("A curated list of notable models, not every release; after a refresh from Epoch "
                                  "AI, the models its notability rule admits. “Closed” includes weights not known "
                                  "to be open."));
  uc_chart_spec_set_source (spec, _("Source: Epoch AI model database, models.dev, llm-prices, OpenRouter and vendor "
                                    "pages (model-releases.csv)."));
  return g_steal_pointer (&spec);
}
