/* fuzz-draw.c: libFuzzer target for drawing a CSV file
 *
 * The first eight bytes choose how the chart is drawn (kind, stacking,
 * rebasing, log axis, a right axis, legend, value format, theme, size from
 * 16 pixels up, image or vector target, one chart or a stack of two), the
 * rest is the CSV file. The reader, the transforms and the drawing all run:
 * whatever the values (±1e308, sums past the range of a double, a rebase on
 * a value near zero) and whatever the size, drawing ends, in bounded time
 * and memory, with the cairo context in a good state.
 */
#include <math.h>
#include <string.h>

#include "fuzz-common.h"
#include "uc-chart.h"
#include "uc-csv.h"
#include "uc-transform.h"
#include "uc-dataset-charts.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define N_OPTIONS 8
#define MAX_Y 8

static UcChartSpec *
build_spec (UcDataset    *ds,
            const guint8 *o)
{
  static const UcChartKind kinds[] = { UC_CHART_LINE, UC_CHART_STEP, UC_CHART_AREA, UC_CHART_SCATTER, UC_CHART_BARS,
                                       UC_CHART_LINE, UC_CHART_AREA, UC_CHART_BARS };
  static const UcLegendPosition legends[] = { UC_LEGEND_TOP, UC_LEGEND_INSIDE, UC_LEGEND_NONE, UC_LEGEND_TOP };
  const char *x = NULL, *label = NULL, *group = NULL;
  const char *ys[MAX_Y + 1] = { NULL };
  guint n_y = 0;
  g_autoptr(UcChartSpec) spec = NULL;
  UcValueFormat format;

  for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
    {
      const char *name = uc_dataset_get_column_name (ds, c);

      switch (uc_dataset_get_column_type (ds, c))
        {
        case UC_COLUMN_DATE:
        case UC_COLUMN_DATETIME:
          if (x == NULL)
            x = name;
          break;
        case UC_COLUMN_NUMBER:
          if (n_y < MAX_Y)
            ys[n_y++] = name;
          break;
        default:
          if (label == NULL)
            label = name;
          break;
        }
    }
  if (x == NULL || n_y == 0)
    return NULL;
  /* A text column: names the points, or makes one series per value. */
  if (label && (o[1] & 0x40))
    group = label, label = NULL, ys[1] = NULL;
  spec = uc_chart_spec_from_dataset (ds, x, ys, group, label, NULL);
  if (spec == NULL)
    return NULL;

  uc_chart_spec_set_kind (spec, kinds[o[0] & 7]);
  uc_chart_spec_set_stacked (spec, (o[0] & 8) != 0);
  uc_chart_spec_set_log_scale (spec, (o[0] & 16) != 0);
  uc_chart_spec_set_legend_position (spec, legends[(o[0] >> 5) & 3]);
  if (uc_value_format_from_string ((const char *[]) { "number", "money", "percent", "index", "per-mtok", "number",
                                                      "money", "number" }[o[2] & 7], &format))
    uc_chart_spec_set_value_format (spec, format);
  if ((o[1] & 1) && uc_chart_spec_get_n_series (spec) > 1)
    uc_series_set_right_axis (uc_chart_spec_get_series (spec, uc_chart_spec_get_n_series (spec) - 1), TRUE);
  if (o[1] & 2)
    uc_chart_spec_set_title (spec, uc_dataset_get_column_name (ds, 0));

  /* Rebase on the day of some row (a value near zero there is the case). */
  if ((o[1] & 4) && uc_chart_spec_get_n_series (spec) > 0)
    {
      UcSeries *first = uc_chart_spec_get_series (spec, 0);

      if (uc_series_get_length (first) > 0)
        {
          UcTime base = uc_series_get_x (first)[o[3] % uc_series_get_length (first)];
          UcChartSpec *rebased = uc_chart_spec_rebase (spec, base, NULL);

          if (rebased)
            g_set_object (&spec, rebased), g_object_unref (rebased);
        }
    }
  /* Zoomed: part of the range, or far beyond it. */
  if (o[1] & 8)
    {
      UcTime from, to;
      gint64 span;

      uc_chart_spec_get_range (spec, &from, &to);
      span = to - from;
      if (span > 0 && span < G_MAXINT64 / 512)
        {
          UcTime a = from + span / 256 * (o[3] & 0x7f) - (o[3] & 0x80 ? span * 2 : 0);
          UcTime b = a + MAX (span / 256 * (o[2] >> 3), 1);

          uc_chart_spec_set_range (spec, a, b);
        }
    }
  return g_steal_pointer (&spec);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  const UcChartTheme *theme;
  cairo_surface_t *surface;
  cairo_t *cr;
  UcCsvOptions options;
  int width, height;

  fuzz_make_criticals_fatal ();
  if (size < N_OPTIONS)
    return 0;

  uc_csv_options_init (&options);
  options.n_threads = 1;
  bytes = g_bytes_new (data + N_OPTIONS, size - N_OPTIONS);
  ds = uc_csv_read_bytes (bytes, "fuzz.csv", &options, NULL, NULL);
  if (ds == NULL)
    return 0;
  spec = build_spec (ds, data);
  if (spec == NULL)
    return 0;

  width = fuzz_pick_size (data[4]);
  height = fuzz_pick_size (data[5]);
  theme = data[6] & 1 ? uc_chart_theme_dark () : uc_chart_theme_light ();
  /* Vector targets take cairo's own strokes, images the line rasteriser. */
  if (data[6] & 2)
    surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  else
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (data[6] & 4)
    {
      /* A view of two: the chart above a copy of itself as bars. */
      g_autoptr(UcChartSpec) other = uc_chart_spec_copy (spec);
      UcChartSpec *specs[2] = { spec, other };
      int heights[2] = { height, fuzz_pick_size (data[7]) };

      uc_chart_spec_set_kind (other, UC_CHART_BARS);
      uc_chart_draw_stack (cr, specs, NULL, heights, 2, theme, width);
    }
  else
    {
      UcChartLayout layout;
      UcChartDrawOptions how = UC_CHART_DRAW_OPTIONS_INIT;

      how.flags = data[7] & 1 ? UC_CHART_DRAW_EVERY_POINT : 0;
      uc_chart_draw_full (cr, spec, theme, width, height, &how, &layout);
      g_assert (layout.width >= 0 && layout.height >= 0);
      g_assert (isfinite (layout.y_min) && isfinite (layout.y_max));
    }
  g_assert (cairo_status (cr) == CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return 0;
}
