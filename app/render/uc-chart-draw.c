/* uc-chart-draw.c: drawing a chart (on time, or a number axis) with cairo and pango
 *
 * One function lays out and draws everything: title, legend, event lane,
 * plot, axes and footer. Sizes derive from one base font size that follows
 * the canvas, so a window and a 1600×900 export read alike.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-axis.h"
#include "uc-transform.h"

/* Whether a plot @plot_w wide is too small to read: narrower than two
 * characters, or, at least two characters tall (text may cover it then),
 * not on the canvas. */
static gboolean
too_small (Ctx                 *ctx,
           const UcChartLayout *l,
           double               plot_w,
           double               plot_h,
           double               height)
{
  return !(plot_w >= ctx->fs * 2) || !(l->y + MAX (plot_h, ctx->fs * 2) <= height);
}

/* A chart with no room for its plot says so, on a blank canvas (or just
 * leaves it blank when even that does not fit). */
static void
draw_too_small (Ctx    *ctx,
                double  width,
                double  height)
{
  double w, h;

  uc_chart_set_color (ctx->cr, &ctx->theme->background);
  cairo_paint (ctx->cr);
  uc_chart_set_font (ctx, ctx->fs, PANGO_WEIGHT_NORMAL);
  /* Translators: drawn in place of a chart whose window or image is too small for it */
  uc_chart_measure (ctx, _("Too small"), -1, &w, &h);
  if (w <= width - 2 && h <= height - 2)
    uc_chart_show (ctx, &ctx->theme->muted, round ((width - w) / 2), round ((height - h) / 2));
}

static void
draw_chart (cairo_t            *cr,
            UcChartSpec        *spec,
            const UcChartTheme *theme,
            double              width,
            double              height,
            double              font_size,
            const UcChartDrawOptions *options,
            UcChartLayout      *layout_out)
{
  static const UcChartDrawOptions plain = UC_CHART_DRAW_OPTIONS_INIT;
  g_autoptr(GArray) y_ticks = NULL;
  g_autoptr(GArray) y2_ticks = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(UcChartSpec) stacked = NULL;
  UcChartLayout l = { 0 };
  Ctx ctx;
  double margin, y, w, h, footer_h = 0, x_label_h, x_title_h = 0, y_title_h = 0;
  double lane_h, legend_h, room_h;
  const char *y_title;
  UcLegendPosition legend_position;
  const char *text;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (UC_IS_CHART_SPEC (spec));

  /* Any size a caller passes: a negative or absurd one draws nothing much. */
  width = isfinite (width) ? CLAMP (width, 0, MAX_CANVAS) : 0;
  height = isfinite (height) ? CLAMP (height, 0, MAX_CANVAS) : 0;

  if (uc_chart_spec_stacks (spec))
    spec = stacked = uc_chart_spec_stack (spec);

  if (theme == NULL)
    theme = uc_chart_theme_light ();

  layout = pango_cairo_create_layout (cr);
  /* Unhinted metrics on every surface, so a PNG and an SVG or PDF of the
   * same chart lay out to the same positions. */
  {
    cairo_font_options_t *font_options = cairo_font_options_create ();

    cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options (pango_layout_get_context (layout), font_options);
    pango_layout_context_changed (layout);
    cairo_font_options_destroy (font_options);
  }
  ctx.cr = cr;
  ctx.layout = layout;
  ctx.theme = theme;
  ctx.fs = font_size > 0 ? font_size : uc_chart_font_size (width, height);
  if (options == NULL)
    options = &plain;
  ctx.decimate = !(options->flags & UC_CHART_DRAW_EVERY_POINT);
  ctx.highlight = options->highlight;
  ctx.held_min = options->y_min;
  ctx.held_max = options->y_max;
  ctx.compact = width < 480 || height < 240;
  ctx.one_line = FALSE;
  ctx.dual = uc_chart_is_dual (spec);
  ctx.stacked = stacked != NULL;
  ctx.legend_out = &l;
  ctx.font_px = ctx.fs;
  ctx.bar_spacing = NAN;
  ctx.width = width;
  ctx.height = height;
  margin = round (ctx.fs * 1.4);

  cairo_save (cr);
  uc_chart_set_color (cr, &theme->background);
  cairo_paint (cr);

  /* Header: title, subtitle, legend. */
  y = margin * 0.8;
  ctx.one_line = ctx.compact;
  if ((text = uc_chart_spec_get_title (spec)) != NULL)
    y += uc_chart_draw_text (&ctx, text, ctx.fs * 1.5, PANGO_WEIGHT_BOLD, &theme->foreground, margin, y, width - 2 * margin);
  if ((text = uc_chart_spec_get_subtitle (spec)) != NULL && !ctx.compact)
    y += uc_chart_draw_text (&ctx, text, ctx.fs, PANGO_WEIGHT_NORMAL, &theme->muted, margin, y, width - 2 * margin);
  y += ctx.fs * 0.6;
  /* A thumbnail has no room for a box in the plot: its legend stays on top. */
  legend_position = uc_chart_spec_get_legend_position (spec);
  if (legend_position == UC_LEGEND_INSIDE && ctx.compact)
    legend_position = UC_LEGEND_TOP;
  legend_h = legend_position == UC_LEGEND_TOP
             ? uc_chart_draw_legend (&ctx, spec, margin, y, width - 2 * margin, TRUE, NULL) : 0;
  y += legend_h + ctx.fs * 0.5;

  /* Footer: source and note, bottom up; a thumbnail keeps one line. */
  uc_chart_set_font (&ctx, ctx.fs * 0.78, PANGO_WEIGHT_NORMAL);
  for (int i = 0; i < (ctx.compact ? 1 : 2); i++)
    {
      text = i == 0 ? uc_chart_spec_get_source (spec) : uc_chart_spec_get_note (spec);
      if (text != NULL)
        {
          uc_chart_measure (&ctx, text, width - 2 * margin, &w, &h);
          footer_h += h;
        }
    }
  {
    double fy = height - margin * 0.7 - footer_h;

    for (int i = 0; i < (ctx.compact ? 1 : 2); i++)
      {
        text = i == 0 ? uc_chart_spec_get_source (spec) : uc_chart_spec_get_note (spec);
        if (text != NULL)
          fy += uc_chart_draw_text (&ctx, text, ctx.fs * 0.78, PANGO_WEIGHT_NORMAL, &theme->muted, margin, fy, width - 2 * margin);
      }
  }

  ctx.one_line = FALSE;

  /* Value axis: ticks first, since their labels set the plot's left edge. */
  uc_chart_spec_get_range (spec, &l.from, &l.to);
  l.from = CLAMP (l.from, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  l.to = CLAMP (l.to, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  if (l.to <= l.from)
    l.to = l.from + (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER ? UC_X_NUMBER_SCALE : UC_USEC_PER_DAY);

  uc_chart_set_font (&ctx, ctx.fs * 0.85, PANGO_WEIGHT_NORMAL);
  uc_chart_measure (&ctx, "Dec 30, 2024", -1, &w, &x_label_h);

  /* The value axis's title (its unit, mostly) sits above the axis, level
   * with the tick labels, so it reads without turning the head. */
  /* The value axis's title goes right above the plot, under the event
   * lane; here its room is only measured. A price per token names its
   * unit even when no title is given. */
  y_title = uc_chart_spec_get_y_title (spec);
  if ((y_title == NULL || *y_title == '\0') && uc_chart_spec_get_value_format (spec) == UC_VALUE_PER_MTOK)
    y_title = _("US dollars per million tokens");
  if (y_title != NULL && *y_title != '\0')
    {
      uc_chart_set_font (&ctx, ctx.fs * 0.85, PANGO_WEIGHT_NORMAL);
      ctx.one_line = TRUE;
      uc_chart_measure (&ctx, y_title, width - 2 * margin, &w, &h);
      ctx.one_line = FALSE;
      /* Clear of the top tick label, which is centred on the plot's edge. */
      y_title_h = h + ctx.fs * 0.9;
    }
  if ((text = uc_chart_spec_get_x_title (spec)) != NULL && *text != '\0' && !ctx.compact)
    {
      uc_chart_set_font (&ctx, ctx.fs * 0.85, PANGO_WEIGHT_NORMAL);
      uc_chart_measure (&ctx, text, width - 2 * margin, &w, &h);
      x_title_h = h + ctx.fs * 0.3;
    }

  l.y = y;
  l.height = height - margin * 0.7 - footer_h - ctx.fs * 0.8 - x_label_h - ctx.fs * 0.5 - x_title_h - l.y - y_title_h;

  /* The event lane sits between the legend and the plot; measure it on a
   * provisional layout, then shrink the plot by its height. */
  l.x = margin;
  l.width = width - 2 * margin;
  if (uc_chart_spec_get_kind (spec) == UC_CHART_LANES)
    {
      uc_chart_draw_lanes (&ctx, spec, &l, margin, 0);
      if (too_small (&ctx, &l, l.width, l.height, height))
        {
          draw_too_small (&ctx, width, height);
          cairo_restore (cr);
          if (layout_out)
            *layout_out = l;
          return;
        }
      uc_chart_draw_time_axis (&ctx, spec, &l, margin, x_label_h, x_title_h, TRUE);
      uc_chart_draw_lanes (&ctx, spec, &l, margin, 1);
      cairo_restore (cr);
      if (layout_out)
        *layout_out = l;
      return;
    }
  lane_h = uc_chart_place_event_labels (&ctx, spec, &l, l.y, 0);
  l.y += lane_h + y_title_h;
  l.height -= lane_h;
  if (y_title_h > 0)
    {
      ctx.one_line = TRUE;
      uc_chart_draw_text (&ctx, y_title, ctx.fs * 0.85, PANGO_WEIGHT_NORMAL, &theme->muted, margin, l.y - y_title_h,
                          width - 2 * margin);
      ctx.one_line = FALSE;
    }
  room_h = l.height;
  l.height = MAX (l.height, ctx.fs * 2);

  y_ticks = uc_chart_value_axes (&ctx, spec, &l, &y2_ticks);
  uc_chart_fit_value_labels (&ctx, &l, margin, y_ticks, y2_ticks);
  if (too_small (&ctx, &l, l.width, room_h, height))
    {
      draw_too_small (&ctx, width, height);
      l.width = MAX (l.width, 1);
      cairo_restore (cr);
      if (layout_out)
        *layout_out = l;
      return;
    }

  uc_chart_draw_value_axes (&ctx, &l, y_ticks, y2_ticks);
  uc_chart_draw_time_axis (&ctx, spec, &l, margin, x_label_h, x_title_h, FALSE);

  uc_chart_place_event_labels (&ctx, spec, &l, l.y - y_title_h, 1);
  uc_chart_draw_series (&ctx, spec, &l);
  if (uc_chart_spec_get_kind (spec) == UC_CHART_SCATTER)
    uc_chart_draw_point_labels (&ctx, spec, &l);
  if (legend_position == UC_LEGEND_INSIDE)
    uc_chart_draw_legend_inside (&ctx, spec, &l);
  uc_chart_place_event_labels (&ctx, spec, &l, l.y - y_title_h, 2);

  cairo_restore (cr);

  if (layout_out)
    *layout_out = l;
}

void
uc_chart_draw_full (cairo_t            *cr,
                    UcChartSpec        *spec,
                    const UcChartTheme *theme,
                    double              width,
                    double              height,
                    const UcChartDrawOptions *options,
                    UcChartLayout      *layout_out)
{
  draw_chart (cr, spec, theme, width, height, 0, options, layout_out);
}

/* @n charts one under the other, chart i @heights[i] tall, their text
 * all one size: a view of several charts as one picture. */
void
uc_chart_draw_stack (cairo_t            *cr,
                     UcChartSpec       **specs,
                     const UcChartDrawOptions *options,
                     const int          *heights,
                     guint               n,
                     const UcChartTheme *theme,
                     double              width)
{
  double total = 0, top = 0;

  for (guint i = 0; i < n; i++)
    total += heights[i];
  for (guint i = 0; i < n; top += heights[i], i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, top);
      /* Each chart paints its own background: kept to its own band. */
      cairo_rectangle (cr, 0, 0, width, heights[i]);
      cairo_clip (cr);
      draw_chart (cr, specs[i], theme, width, heights[i], uc_chart_font_size (width, total),
                  options ? &options[i] : NULL, NULL);
      cairo_restore (cr);
    }
}
