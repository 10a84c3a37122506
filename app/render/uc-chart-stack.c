/* uc-chart-stack.c: several charts one under the other, as one picture
 *
 * A view of several charts exported or copied: their text one size, their
 * plots at one x (so a date falls at one x in every chart), and the source
 * they share printed once at the bottom instead of under each chart (a
 * chart's own note stays with it).
 */
#include "uc-chart-private.h"

#include <math.h>

/* @n charts one under the other, chart i @heights[i] tall, their text
 * all one size (the first chart's options say which): a view of several charts as one picture. */
void
uc_chart_draw_stack (cairo_t            *cr,
                     UcChartSpec       **specs,
                     const UcChartDrawOptions *options,
                     const int          *heights,
                     guint               n,
                     const UcChartTheme *theme,
                     double              width)
{
  uc_chart_draw_stack_full (cr, specs, options, heights, n, theme, width, NULL);
}

/* As uc_chart_draw_stack, with where things landed in each chart (its
 * own coordinates) in @layouts_out[i]. */
void
uc_chart_draw_stack_full (cairo_t            *cr,
                          UcChartSpec       **specs,
                          const UcChartDrawOptions *options,
                          const int          *heights,
                          guint               n,
                          const UcChartTheme *theme,
                          double              width,
                          UcChartLayout      *layouts_out)
{
  double total = 0, top = 0, left = 0, right = 0, footer_h = 0, caption;
  double fs = uc_chart_options_font_px (n > 0 ? options : NULL, &caption);
  g_autofree UcChartDrawOptions *aligned = g_new (UcChartDrawOptions, MAX (n, 1));
  g_autofree double *drawn_h = g_new (double, MAX (n, 1));
  const char *source = uc_chart_specs_shared_source (specs, n);

  guint tallest = 0;

  for (guint i = 0; i < n; i++)
    {
      total += heights[i];
      drawn_h[i] = heights[i];
      if (heights[i] > heights[tallest])
        tallest = i;
    }
  /* A source all charts share goes once under the last. The tallest chart
   * gives up the room the line takes: taken from a short chart at the
   * bottom, it fell below the height at which a chart names its events. */
  if (source != NULL)
    {
      footer_h = uc_chart_draw_stack_footer (cr, specs[n - 1], source, theme, width, total, fs, caption, FALSE);
      drawn_h[tallest] = MAX (floor (heights[tallest] - footer_h), 0);
    }
  /* A first pass, drawn nowhere, finds the insets each plot needs; all
   * take the largest, so a date falls at one x in every chart. */
  for (guint i = 0; i < n; i++)
    {
      cairo_surface_t *nowhere = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *measure = cairo_create (nowhere);
      UcChartLayout l;

      aligned[i] = options ? options[i] : (UcChartDrawOptions) UC_CHART_DRAW_OPTIONS_INIT;
      if (source != NULL)
        aligned[i].flags |= UC_CHART_DRAW_NO_SOURCE;
      uc_chart_draw_sized (measure, specs[i], theme, width, drawn_h[i], fs, caption, &aligned[i], &l);
      left = MAX (left, l.natural_left);
      right = MAX (right, l.natural_right);
      cairo_destroy (measure);
      cairo_surface_destroy (nowhere);
    }
  for (guint i = 0; i < n; i++)
    {
      aligned[i].plot_left = MAX (aligned[i].plot_left, left);
      aligned[i].plot_right = MAX (aligned[i].plot_right, right);
    }
  for (guint i = 0; i < n; top += drawn_h[i], i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, top);
      /* Each chart paints its own background: kept to its own band. */
      cairo_rectangle (cr, 0, 0, width, drawn_h[i]);
      cairo_clip (cr);
      uc_chart_draw_sized (cr, specs[i], theme, width, drawn_h[i], fs, caption, &aligned[i], layouts_out ? &layouts_out[i] : NULL);
      cairo_restore (cr);
    }
  if (source != NULL)
    uc_chart_draw_stack_footer (cr, specs[n - 1], source, theme, width, total, fs, caption, TRUE);
}
