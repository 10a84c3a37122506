/* uc-chart-draw.c: drawing a chart (on time, or a number axis) with cairo and pango
 *
 * The drawing calls, and a whole chart laid out: title, legend and footer,
 * then the room between them shared by the axes' text, the event lane and
 * the plot (or the lanes of a lane chart). The parts are drawn by the
 * files uc-chart-private.h lists. Sizes derive from one base font size
 * that follows the desktop (uc-chart-font.c), so a window and its export
 * read alike.
 */
#include "uc-chart-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-axis.h"
#include "uc-chart-font.h"
#include "uc-format.h"
#include "uc-image-fill.h"
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

/* What surrounds a chart's plot: the margin, where the legend goes, and
 * the room the text around the plot takes, measured before it is placed. */
typedef struct
{
  double           margin;
  UcLegendPosition legend;
  double           footer_h;    /* source and note */
  double           x_label_h;   /* the x axis's tick labels */
  double           x_title_h;
  const char      *y_title;     /* right above the plot, under the event lane */
  double           y_title_h;
} Frame;

/* The drawing context of one chart of @width × @height, its text
 * @font_size pixels (in user units), none under @caption_size. */
static void
ctx_init (Ctx                      *ctx,
          cairo_t                  *cr,
          PangoLayout              *layout,
          const UcChartTheme       *theme,
          UcChartSpec              *spec,
          double                    width,
          double                    height,
          double                    font_size,
          double                    caption_size,
          const UcChartDrawOptions *options)
{
  static const UcChartDrawOptions plain = UC_CHART_DRAW_OPTIONS_INIT;

  if (options == NULL)
    options = &plain;
  ctx->cr = cr;
  ctx->layout = layout;
  ctx->own_layout = layout;
  ctx->text_cache = layout ? NULL : uc_text_cache_begin (cr);
  ctx->font = NULL;
  ctx->theme = theme;
  ctx->fs = font_size;
  ctx->min_px = caption_size;
  ctx->decimate = !(options->flags & UC_CHART_DRAW_EVERY_POINT);
  ctx->interactive = (options->flags & UC_CHART_DRAW_INTERACTIVE) != 0;
  ctx->no_source = (options->flags & UC_CHART_DRAW_NO_SOURCE) != 0;
  ctx->highlight = options->highlight;
  ctx->held_min = options->y_min;
  ctx->held_max = options->y_max;
  ctx->plot_left = isfinite (options->plot_left) ? MAX (options->plot_left, 0) : 0;
  ctx->plot_right = isfinite (options->plot_right) ? MAX (options->plot_right, 0) : 0;
  ctx->compact = width < 480 || height < 240;
  ctx->one_line = FALSE;
  ctx->dual = uc_chart_is_dual (spec);
  ctx->stacked = FALSE;
  ctx->legend_out = NULL;
  ctx->font_px = ctx->fs;
  ctx->bar_spacing = NAN;
  ctx->width = width;
  ctx->height = height;
}

/* One row of the header as it fills: where it starts, how tall it is,
 * where its text ends, and its first line's baseline. */
typedef struct
{
  double y, height, right, baseline;
} HeaderRow;

/* @text at @size and @weight, in @color, on the header: beside what @row
 * holds when it fits there on one line, its baseline on the row's (the
 * header keeps to fewer rows, and the plot the height), else on a row of
 * its own at (@margin, @y), wrapped to @room; returns the height it
 * added. */
static double
header_text (Ctx           *ctx,
             const char    *text,
             double         size,
             PangoWeight    weight,
             const UcColor *color,
             HeaderRow     *row,
             double         margin,
             double         y,
             double         room)
{
  double w, h;

  uc_chart_set_font (ctx, size, weight);
  if (row->height > 0)
    {
      uc_chart_measure (ctx, text, -1, &w, &h);
      if (row->right + ctx->fs + w <= margin + room)
        {
          double baseline = (double) pango_layout_get_baseline (ctx->layout) / PANGO_SCALE;

          uc_chart_show (ctx, color, row->right + ctx->fs, round (row->baseline - baseline));
          row->right += ctx->fs + w;
          return 0;
        }
    }
  uc_chart_measure (ctx, text, room, &w, &h);
  row->y = y;
  row->height = pango_layout_get_line_count (ctx->layout) == 1 ? h : 0;
  row->right = margin + w;
  row->baseline = y + (double) pango_layout_get_baseline (ctx->layout) / PANGO_SCALE;
  uc_chart_show (ctx, color, margin, y);
  return h;
}

/* Title, subtitle and a legend on top (@f->legend says where it goes):
 * the subtitle beside the title, and the legend at the right of their
 * last row, when they fit; returns where the room under them starts. */
static double
draw_header (Ctx         *ctx,
             UcChartSpec *spec,
             Frame       *f)
{
  const UcChartTheme *theme = ctx->theme;
  double margin = f->margin, room = ctx->width - 2 * margin;
  double y = margin * 0.8, legend_h = 0, legend_w = 0;
  g_autofree char *subtitle = ctx->compact ? NULL : uc_format_subtitle (spec);
  HeaderRow row = { 0 };
  const char *text;

  if ((text = uc_chart_spec_get_title (spec)) != NULL)
    y += header_text (ctx, text, ctx->fs * 1.5, PANGO_WEIGHT_BOLD, &theme->foreground, &row, margin, y, room);
  if (subtitle != NULL)
    y += header_text (ctx, subtitle, ctx->fs, PANGO_WEIGHT_NORMAL, &theme->muted, &row, margin, y, room);
  y += ctx->fs * 0.6;
  /* A thumbnail has no room for a box in the plot: its legend stays on top. */
  f->legend = uc_chart_spec_get_legend_position (spec);
  if (f->legend == UC_LEGEND_INSIDE && ctx->compact)
    f->legend = UC_LEGEND_TOP;
  if (f->legend == UC_LEGEND_TOP)
    {
      /* One row of entries, measured unwrapped: beside the header's text
       * when it fits there, right-aligned. */
      double row_h = row.height > 0 ? uc_chart_draw_legend (ctx, spec, 0, 0, MAX_CANVAS, FALSE, &legend_w) : 0;

      if (row.height > 0 && row_h <= row.height * 1.2 && row.right + ctx->fs * 2 + legend_w <= margin + room)
        uc_chart_draw_legend (ctx, spec, ceil (margin + room - legend_w), round (row.y + (row.height - row_h) / 2),
                              legend_w + 1, TRUE, NULL);
      else
        legend_h = uc_chart_draw_legend (ctx, spec, margin, y, room, TRUE, NULL);
    }
  y += legend_h + ctx->fs * 0.5;
  return y;
}

/* Footer: source and note, bottom up, wrapped, unless they would take
 * more than 15% of a short chart: then one line, the two joined and
 * ended with "…" (the plot comes first); a thumbnail keeps the source's
 * line. Their height goes into @f->footer_h; drawn when @really_draw. */
static void
draw_footer (Ctx         *ctx,
             UcChartSpec *spec,
             Frame       *f,
             gboolean     really_draw)
{
  /* Without the source (a stack prints the one its charts share), a
   * thumbnail's one line keeps the note. */
  const char *source = ctx->no_source ? NULL : uc_chart_spec_get_source (spec);
  const char *note = ctx->compact && source ? NULL : uc_chart_spec_get_note (spec);
  double room = ctx->width - 2 * f->margin, w, h, fy;
  gboolean was_one_line = ctx->one_line;
  g_autofree char *both = NULL;
  const char *texts[2];
  int n = 0;

  uc_chart_set_font (ctx, ctx->fs * 0.78, PANGO_WEIGHT_NORMAL);
  for (int pass = 0; pass < 2; pass++)
    {
      n = 0;
      if (ctx->one_line && source && note)
        texts[n++] = both = g_strdup_printf ("%s · %s", source, note);
      else
        {
          if (source)
            texts[n++] = source;
          if (note)
            texts[n++] = note;
        }
      f->footer_h = 0;
      for (int i = 0; i < n; i++)
        {
          uc_chart_measure (ctx, texts[i], room, &w, &h);
          f->footer_h += h;
        }
      if (ctx->one_line || f->footer_h <= ctx->height * 0.15)
        break;
      ctx->one_line = TRUE;
    }
  fy = ctx->height - f->margin * 0.7 - f->footer_h;
  for (int i = 0; i < n && really_draw; i++)
    fy += uc_chart_draw_text (ctx, texts[i], ctx->fs * 0.78, PANGO_WEIGHT_NORMAL, &ctx->theme->muted, f->margin, fy,
                              room);
  ctx->one_line = was_one_line;
}

/* The x range shown: the spec's, within what a layout maps, never empty. */
static void
x_range (UcChartSpec   *spec,
         UcChartLayout *l)
{
  uc_chart_spec_get_range (spec, &l->from, &l->to);
  l->from = CLAMP (l->from, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  l->to = CLAMP (l->to, -UC_AXIS_TIME_LIMIT, UC_AXIS_TIME_LIMIT);
  if (l->to <= l->from)
    l->to = l->from + (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER ? UC_X_NUMBER_SCALE : UC_USEC_PER_DAY);
}

/* The room the axes' text takes: the x axis's labels and title, and the
 * value axis's title (drawn once the event lane is placed). A price per
 * token names its unit even when no title is given. */
static void
measure_axis_text (Ctx         *ctx,
                   UcChartSpec *spec,
                   Frame       *f)
{
  double room = ctx->width - 2 * f->margin, w, h;
  const char *x_title;

  uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
  uc_chart_measure (ctx, "Dec 30, 2024", -1, &w, &f->x_label_h);

  f->y_title = uc_chart_spec_get_y_title (spec);
  if ((f->y_title == NULL || *f->y_title == '\0') && uc_chart_spec_get_value_format (spec) == UC_VALUE_PER_MTOK)
    f->y_title = _("US dollars per million tokens");
  f->y_title_h = 0;
  if (f->y_title != NULL && *f->y_title != '\0')
    {
      uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
      ctx->one_line = TRUE;
      uc_chart_measure (ctx, f->y_title, room, &w, &h);
      ctx->one_line = FALSE;
      /* Clear of the top tick label, which is centred on the plot's edge. */
      f->y_title_h = h + ctx->fs * 0.9;
    }
  f->x_title_h = 0;
  if ((x_title = uc_chart_spec_get_x_title (spec)) != NULL && *x_title != '\0' && !ctx->compact)
    {
      uc_chart_set_font (ctx, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL);
      uc_chart_measure (ctx, x_title, room, &w, &h);
      f->x_title_h = h + ctx->fs * 0.3;
    }
}

/* A lane chart: the lanes set the plot's left edge (after their names),
 * then the time axis, with a grid, and the lanes are drawn. */
static void
draw_lane_chart (Ctx           *ctx,
                 UcChartSpec   *spec,
                 const Frame   *f,
                 UcChartLayout *l)
{
  uc_chart_draw_lanes (ctx, spec, l, f->margin, 0);
  if (too_small (ctx, l, l->width, l->height, ctx->height))
    {
      draw_too_small (ctx, ctx->width, ctx->height);
      return;
    }
  uc_chart_draw_time_axis (ctx, spec, l, f->margin, f->x_label_h, f->x_title_h, TRUE);
  uc_chart_draw_lanes (ctx, spec, l, f->margin, 1);
}

/* The event lane sits between the legend and the plot, the value axis's
 * title between the two; the value axes' labels set the plot's edges.
 * The lane is measured on the canvas' width first, then again on the
 * plot's, narrower once those labels take their room: there its labels
 * may need more rows, which would otherwise climb into the legend. Sets
 * the plot in @l and its value ticks; returns the room left for it (the
 * plot keeps two lines of text at the least). */
static double
place_under_events (Ctx           *ctx,
                    UcChartSpec   *spec,
                    const Frame   *f,
                    UcChartLayout *l,
                    GArray       **y_ticks,
                    GArray       **y2_ticks)
{
  double top = l->y, full = l->height, lane_h = 0, room_h = full;

  for (int pass = 0; pass < 3; pass++)
    {
      double need = uc_chart_place_event_labels (ctx, spec, l, top, 0);

      if (pass > 0 && need <= lane_h)
        break;
      lane_h = need;
      l->y = top + lane_h + f->y_title_h;
      room_h = full - lane_h;
      l->height = MAX (room_h, ctx->fs * 2);
      g_clear_pointer (y_ticks, g_array_unref);
      g_clear_pointer (y2_ticks, g_array_unref);
      *y_ticks = uc_chart_value_axes (ctx, spec, l, y2_ticks);
      uc_chart_fit_value_labels (ctx, l, f->margin, *y_ticks, *y2_ticks);
    }
  if (f->y_title_h > 0)
    {
      ctx->one_line = TRUE;
      uc_chart_draw_text (ctx, f->y_title, ctx->fs * 0.85, PANGO_WEIGHT_NORMAL, &ctx->theme->muted, f->margin,
                          l->y - f->y_title_h, ctx->width - 2 * f->margin);
      ctx->one_line = FALSE;
    }
  return room_h;
}

/* A chart with a plot: the value axes' labels set its edges, then the
 * axes, event markers, series, names and legend are drawn, and the event
 * labels last, over them. */
static void
draw_plot_chart (Ctx           *ctx,
                 UcChartSpec   *spec,
                 const Frame   *f,
                 UcChartLayout *l)
{
  g_autoptr(GArray) y_ticks = NULL;
  g_autoptr(GArray) y2_ticks = NULL;
  double room_h;

  room_h = place_under_events (ctx, spec, f, l, &y_ticks, &y2_ticks);
  if (too_small (ctx, l, l->width, room_h, ctx->height))
    {
      draw_too_small (ctx, ctx->width, ctx->height);
      l->width = MAX (l->width, 1);
      return;
    }

  uc_chart_draw_value_axes (ctx, l, y_ticks, y2_ticks);
  uc_chart_draw_time_axis (ctx, spec, l, f->margin, f->x_label_h, f->x_title_h, FALSE);
  uc_chart_place_event_labels (ctx, spec, l, l->y - f->y_title_h, 1);
  uc_chart_draw_series (ctx, spec, l);
  if (uc_chart_spec_get_kind (spec) == UC_CHART_SCATTER)
    uc_chart_draw_point_labels (ctx, spec, l);
  if (f->legend == UC_LEGEND_INSIDE)
    uc_chart_draw_legend_inside (ctx, spec, l);
  uc_chart_place_event_labels (ctx, spec, l, l->y - f->y_title_h, 2);
}

/* One chart: header and footer first, then the room between them is
 * shared by the axes' text and the plot (or the lanes). */
void
uc_chart_draw_sized (cairo_t                  *cr,
                     UcChartSpec              *spec,
                     const UcChartTheme       *theme,
                     double                    width,
                     double                    height,
                     double                    font_size,
                     double                    caption_size,
                     const UcChartDrawOptions *options,
                     UcChartLayout            *layout_out)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(UcChartSpec) stacked = NULL;
  UcChartLayout l = { 0 };
  Ctx ctx;
  Frame f;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (UC_IS_CHART_SPEC (spec));

  /* Any size a caller passes: a negative or absurd one draws nothing much. */
  width = isfinite (width) ? CLAMP (width, 0, MAX_CANVAS) : 0;
  height = isfinite (height) ? CLAMP (height, 0, MAX_CANVAS) : 0;
  if (uc_chart_spec_stacks (spec))
    spec = stacked = uc_chart_spec_stack (spec);
  if (theme == NULL)
    theme = uc_chart_theme_light ();
  /* Text on an image is laid out once and kept (uc-text-cache.h). */
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    layout = uc_chart_font_layout_new (cr);
  ctx_init (&ctx, cr, layout, theme, spec, width, height, font_size, caption_size, options);
  ctx.stacked = stacked != NULL;
  ctx.legend_out = &l;
  f.margin = round (ctx.fs * 1.4);

  cairo_save (cr);
  uc_image_fill (cr, &theme->background);
  ctx.one_line = ctx.compact;
  l.y = draw_header (&ctx, spec, &f);
  draw_footer (&ctx, spec, &f, FALSE);

  x_range (spec, &l);
  measure_axis_text (&ctx, spec, &f);
  l.height = height - f.margin * 0.7 - f.footer_h - ctx.fs * 0.8 - f.x_label_h - ctx.fs * 0.5 - f.x_title_h - l.y -
             f.y_title_h;
  l.x = f.margin;
  l.width = width - 2 * f.margin;
  /* A thumbnail is the plot first: a footer that would leave it (under
   * the event lane) less than two lines of text is left out, or the axis
   * labels would run into it. */
  if (ctx.compact && f.footer_h > 0 && uc_chart_spec_get_kind (spec) != UC_CHART_LANES &&
      l.height - uc_chart_place_event_labels (&ctx, spec, &l, l.y, 0) < ctx.fs * 2)
    {
      l.height += f.footer_h;
      f.footer_h = 0;
    }
  else
    draw_footer (&ctx, spec, &f, TRUE);
  ctx.one_line = FALSE;
  if (uc_chart_spec_get_kind (spec) == UC_CHART_LANES)
    draw_lane_chart (&ctx, spec, &f, &l);
  else
    draw_plot_chart (&ctx, spec, &f, &l);
  cairo_restore (cr);
  g_clear_pointer (&ctx.font, pango_font_description_free);

  if (layout_out)
    *layout_out = l;
}

/* The text size @options ask, or the desktop's, and the caption size. */
double
uc_chart_options_font_px (const UcChartDrawOptions *options,
                          double                   *caption_px)
{
  double px;

  if (options && options->font_px > 0)
    {
      *caption_px = options->caption_px > 0 ? options->caption_px : uc_chart_font_caption_px (options->font_px);
      return options->font_px;
    }
  uc_chart_font_desktop (&px, caption_px);
  return px;
}

/* A chart of @width × @height, drawn with @options (NULL: plainly); where
 * things landed goes into @layout_out. */
void
uc_chart_draw_full (cairo_t            *cr,
                    UcChartSpec        *spec,
                    const UcChartTheme *theme,
                    double              width,
                    double              height,
                    const UcChartDrawOptions *options,
                    UcChartLayout      *layout_out)
{
  double caption, fs = uc_chart_options_font_px (options, &caption);

  uc_chart_draw_sized (cr, spec, theme, width, height, fs, caption, options, layout_out);
}

/* The line under a stack of charts, @text (the source they share), at
 * the foot of a @width × @height canvas as a chart's own footer would be:
 * drawn when @draw. Returns its height, what the last chart gives up. */
double
uc_chart_draw_stack_footer (cairo_t            *cr,
                            UcChartSpec        *spec,
                            const char         *text,
                            const UcChartTheme *theme,
                            double              width,
                            double              height,
                            double              font_size,
                            double              caption_size,
                            gboolean            draw)
{
  g_autoptr(PangoLayout) layout = uc_chart_font_layout_new (cr);
  double margin, room, w, h, y;
  Ctx ctx;

  if (theme == NULL)
    theme = uc_chart_theme_light ();
  ctx_init (&ctx, cr, layout, theme, spec, width, height, font_size, caption_size, NULL);
  margin = round (ctx.fs * 1.4);
  room = width - 2 * margin;
  uc_chart_set_font (&ctx, ctx.fs * 0.78, PANGO_WEIGHT_NORMAL);
  /* Wrapped, unless that takes more than 15% of the picture (as a chart's footer). */
  ctx.one_line = ctx.compact;
  uc_chart_measure (&ctx, text, room, &w, &h);
  if (!ctx.one_line && h > height * 0.15)
    {
      ctx.one_line = TRUE;
      uc_chart_measure (&ctx, text, room, &w, &h);
    }
  if (draw)
    {
      y = height - margin * 0.7 - h;
      cairo_save (cr);
      uc_chart_set_color (cr, &theme->background);
      cairo_rectangle (cr, 0, y, width, height - y);
      cairo_fill (cr);
      uc_chart_draw_text (&ctx, text, ctx.fs * 0.78, PANGO_WEIGHT_NORMAL, &theme->muted, margin, y, room);
      cairo_restore (cr);
    }
  g_clear_pointer (&ctx.font, pango_font_description_free);
  return h;
}
