/* fuzz-events.c: libFuzzer target for an events file drawn on a chart
 *
 * The first four bytes choose the chart (a line with event markers, or the
 * event lanes alone), its size from 16 pixels up, its days and its theme;
 * the rest is the events CSV (date, title, and the optional end, category,
 * lane columns). Thousands of events on one day, spans that end before they
 * start and titles of any length must all draw in bounded time.
 */
#include <string.h>

#include "fuzz-common.h"
#include "uc-chart.h"
#include "uc-csv.h"
#include "uc-event-label.h"
#include "uc-event-table.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define N_OPTIONS 4

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcDataset) table = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  g_autoptr(UcSeries) series = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  UcCsvOptions options;
  UcTime from, to;
  int width, height;

  fuzz_make_criticals_fatal ();
  if (size < N_OPTIONS)
    return 0;

  uc_csv_options_init (&options);
  options.n_threads = 1;
  bytes = g_bytes_new (data + N_OPTIONS, size - N_OPTIONS);
  table = uc_csv_read_bytes (bytes, "events.csv", &options, NULL, NULL);
  if (table == NULL)
    return 0;

  /* January 2025, or a stretch of it, or a day, or years around it. */
  from = uc_time_from_ymd (2025, 1, 1);
  switch (data[2] & 3)
    {
    case 0: to = uc_time_from_ymd (2025, 2, 1); break;
    case 1: to = from + UC_USEC_PER_DAY; break;
    case 2: from = uc_time_from_ymd (1900, 1, 1), to = uc_time_from_ymd (2100, 1, 1); break;
    default: from += (data[2] >> 2) * UC_USEC_PER_DAY / 2, to = from + (1 + (data[3] & 0x3f)) * (gint64) G_USEC_PER_SEC * 60; break;
    }

  spec = uc_chart_spec_new ();
  uc_chart_spec_set_range (spec, from, to);
  if (data[2] & 0x80)
    uc_chart_spec_set_kind (spec, UC_CHART_LANES);
  else
    {
      series = uc_series_new ("v", "Value");
      for (int day = 0; day < 31; day++)
        uc_series_append (series, uc_time_from_ymd (2025, 1, 1 + day), 100 + (day * 37 % 11));
      uc_chart_spec_add_series (spec, series);
    }
  if (!uc_chart_spec_add_events_from (spec, table, from, to, NULL, NULL))
    return 0;
  /* Short labels, as the command line gives them, on every other input. */
  if (data[3] & 0x40)
    for (guint i = 0; i < uc_chart_spec_get_n_events (spec); i++)
      {
        UcEvent *event = uc_chart_spec_get_event (spec, i);
        g_autofree char *label = uc_event_short_label (uc_event_get_title (event));

        uc_event_set_label (event, label);
      }

  width = fuzz_pick_size (data[0]);
  height = fuzz_pick_size (data[1]);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  uc_chart_draw (cr, spec, data[3] & 0x80 ? uc_chart_theme_dark () : uc_chart_theme_light (), width, height, NULL);
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
