/* uc-cli-clickhouse.c: a chart of a ClickHouse table, for `undercut export`
 *
 * The server sends, per pixel column of the plot, the first, lowest,
 * highest and last row (uc-clickhouse.c). Which columns those are depends
 * on the plot's place, which depends on the values' range (the width of
 * the axis labels): so a first round at even columns gives the range
 * (every column's extremes are in it), the plot is laid out from it, and
 * a second round asks for the plot's own columns. A table with a rollup
 * (--rollup, uc_clickhouse_make_rollup) is read from it at wide zooms.
 */
#include "config.h"

#include "uc-cli-clickhouse.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <math.h>

#include "uc-chart.h"
#include "uc-chart-theme.h"
#include "uc-clickhouse.h"

#define MAX_GROUPS 24

/* The series @groups name (NULL: one, the whole table) over the range
 * with the given column edges, into a new spec; with each line's row at
 * or before @base when it is not 0. */
static UcChartSpec *
fetch_spec (UcClickhouse          *ch,
            const UcCliClickhouse *r,
            GStrv                  groups,
            const UcClickhouseGrid *grid,
            UcTime                 base,
            GError               **error)
{
  g_autoptr(UcChartSpec) spec = uc_chart_spec_new ();
  g_autofree char *title = g_strdup_printf ("%s.%s", r->database ? r->database : "default", r->table);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *read = g_date_time_format_iso8601 (now);
  g_autofree char *source = uc_clickhouse_credit (ch, read);

  uc_chart_spec_set_title (spec, title);
  uc_chart_spec_set_source (spec, source);
  for (guint g = 0; groups == NULL ? g < 1 : groups[g] != NULL; g++)
    {
      g_autoptr(UcSeries) series = uc_clickhouse_fetch_frame (ch, groups ? groups[g] : NULL, r->from, r->to, grid, NULL,
                                                               NULL, error);

      if (series == NULL)
        return NULL;
      /* A rebase divides by that day's row, not a column's extreme
       * drawn before it. */
      if (base != 0)
        {
          gboolean found = FALSE;
          UcTime x;
          double y;

          if (!uc_clickhouse_fetch_point (ch, groups ? groups[g] : NULL, base, &found, &x, &y, NULL, error))
            return NULL;
          if (found)
            uc_series_insert (series, x, y);
        }
      uc_chart_spec_add_series (spec, series);
    }
  uc_chart_spec_set_range (spec, r->from, r->to);
  /* A pack names the query its data answer, and when it was read. */
  {
    g_autofree char *query = uc_clickhouse_describe_query (ch, (const char * const *) groups, r->from, r->to, grid);

    uc_chart_spec_add_provenance (spec, title, query, NULL, read, "retrieved");
  }
  return g_steal_pointer (&spec);
}

/* The plot @spec is laid out in at the export's size. */
static void
measure (UcChartSpec           *spec,
         const UcCliClickhouse *r,
         UcChartLayout         *layout)
{
  /* Text measured at the export's scale, as the export will. */
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  UcChartDrawOptions options = UC_CHART_DRAW_OPTIONS_INIT;

  cairo_scale (cr, r->scale, r->scale);
  options.font_px = r->font_px;
  uc_chart_draw_full (cr, spec, uc_chart_theme_light (), r->width, r->height, &options, layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static gboolean
find_range (UcClickhouse           *ch,
            UcCliClickhouse        *r,
            GStrv                   groups,
            GError                **error)
{
  for (guint g = 0; groups == NULL ? g < 1 : groups[g] != NULL; g++)
    {
      UcTime a, b;

      if (!uc_clickhouse_get_span (ch, groups ? groups[g] : NULL, &a, &b, NULL, error))
        return FALSE;
      r->from = g == 0 ? a : MIN (r->from, a);
      r->to = g == 0 ? b : MAX (r->to, b);
    }
  if (r->to <= r->from)
    r->to = r->from + G_USEC_PER_SEC;
  return TRUE;
}

UcChartSpec *
uc_cli_spec_from_clickhouse (const UcCliClickhouse *request,
                             GError               **error)
{
  UcCliClickhouse r = *request;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (r.url, r.database, r.table, r.x, r.y, r.group, error);
  g_autoptr(UcChartSpec) first = NULL;
  g_auto(GStrv) groups = NULL;
  UcClickhouseGrid grid;
  UcChartLayout layout;

  if (ch == NULL)
    return NULL;
  /* The password only from the environment: never on a command line. */
  uc_clickhouse_set_credentials (ch, r.user, r.user ? g_getenv ("UNDERCUT_CLICKHOUSE_PASSWORD") : NULL);
  if (!uc_clickhouse_check_table (ch, NULL, error))
    return NULL;
  if (r.rollup > 0)
    {
      /* Over billions of rows this is the server's work of minutes. */
      uc_clickhouse_set_timeout (ch, 3600);
      if (!uc_clickhouse_make_rollup (ch, r.rollup, NULL, error))
        return NULL;
      uc_clickhouse_set_timeout (ch, 30);
    }
  if (r.group && (groups = uc_clickhouse_list_groups (ch, MAX_GROUPS, NULL, error)) == NULL)
    return NULL;
  if (!r.has_range && !find_range (ch, &r, groups, error))
    return NULL;
  /* Even columns over the whole width first: they hold every extreme. */
  grid = (UcClickhouseGrid) { r.from, (double) r.to - (double) r.from, MAX (r.width, 16) * r.scale,
                              (guint) (MAX (r.width, 16) * r.scale) + 3 };
  /* Only laid out, not drawn: the base day's row waits for the second. */
  if ((first = fetch_spec (ch, &r, groups, &grid, 0, error)) == NULL)
    return NULL;
  measure (first, &r, &layout);
  uc_chart_layout_get_column_grid (&layout, r.scale, &grid.from, &grid.span, &grid.width, &grid.n_edges);
  return fetch_spec (ch, &r, groups, &grid, r.base, error);
}
