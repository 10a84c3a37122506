/* uc-cli-export.c: `undercut export`, a chart drawn into a file
 *
 * In steps: the command line read and checked, the chart (a view's, a
 * pack's, a CSV file's, or an events table's) built, the options applied
 * through uc_chart_options_apply() as the view reader and the window apply
 * theirs, and the image or pack written.
 */
#include "config.h"

#include "uc-cli.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "uc-chart-font.h"
#include "uc-chart-options.h"
#include "uc-chart-spec-json.h"
#include "uc-chart-theme.h"
#include "uc-cli-export-state.h"
#include "uc-cli-input.h"
#include "uc-enum.h"
#include "uc-library.h"
#include "uc-export.h"
#include "uc-cli-clickhouse.h"
#include "uc-parse.h"
#include "uc-transform.h"
#include "uc-view.h"

/* Returned by a step when the command goes on; an exit status ends it. */
#define GO_ON (-1)

typedef struct
{
  /* What is charted */
  char *view, *variant, *spec_path, *csv, *x, *y, *group, *point_label, *count_by, *events;
  char *clickhouse, *database, *table, *user;
  int   chart_number, rollup;
  /* How */
  char *from_text, *to_text, *rebase_text, *event_change, *change_categories, *kind_name, *legend_name;
  char *value_format_name, *title, *x_title, *y_title, *right, *transform_name;
  gboolean log_scale, stacked;
  /* Where */
  char *output, *pack, *format_name, *theme_name;
  int   width, height, dpi;
  double scale;   /* 0 until given: a pack's own size applies first */
  double font_size;   /* text size in pixels; 0: the desktop's */

  /* Read from the above once checked */
  gboolean events_only;   /* an event lane chart of the events alone */
  UcChartKind kind;
  UcLegendPosition legend;
  UcValueFormat value_format;
  UcTransform transform;
  UcExportFormat format;
  const UcChartTheme *theme;
  UcTime from, to, rebase;
} Export;

static void
export_clear (Export *e)
{
  char **strings[] = {
    &e->view, &e->variant, &e->spec_path, &e->csv, &e->x, &e->y, &e->group, &e->point_label, &e->count_by,
    &e->events, &e->from_text, &e->to_text, &e->rebase_text, &e->event_change, &e->change_categories,
    &e->kind_name, &e->legend_name, &e->value_format_name, &e->title, &e->x_title, &e->y_title, &e->right,
    &e->transform_name, &e->output, &e->pack, &e->format_name, &e->theme_name, &e->clickhouse, &e->database,
    &e->table, &e->user,
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Export, export_clear)

static int
usage (const char *message)
{
  return uc_cli_usage_error ("export", message);
}

static int
failure (const char *message)
{
  g_printerr ("undercut export: %s\n", message);
  return UC_EXIT_FAILURE;
}

static gboolean
parse_date_arg (const char *text,
                UcTime     *out)
{
  return text && (uc_parse_date (text, strlen (text), UC_DATE_ISO, out) ||
                  uc_parse_date (text, strlen (text), UC_DATE_ISO_DATETIME, out));
}

/* --from and --to: a date on a time axis, a number ("-10") on a number
 * axis, as x values of that axis. */
static gboolean
parse_x_arg (const char *text,
             UcXKind     kind,
             UcTime     *out)
{
  char *end;
  double v;

  if (kind == UC_X_TIME)
    return parse_date_arg (text, out);
  v = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && uc_x_from_number (v, out);
}

static GOptionContext *
export_context (Export *e)
{
  GOptionEntry entries[] = {
    { "view", 'v', 0, G_OPTION_ARG_STRING, &e->view, N_("Chart view to export (deepseek-shock)"), N_("ID") },
    { "chart", 0, 0, G_OPTION_ARG_INT, &e->chart_number, N_("With --view: only this chart of the view (1 is the first); without it, every chart, one under the other"), N_("N") },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &e->variant, N_("With --view: one of the view's variants (pricing: output, input, blended)"), N_("ID") },
    { "spec", 0, 0, G_OPTION_ARG_FILENAME, &e->spec_path, N_("Redraw a report pack's chart.json (with the data.csv beside it), or a view state saved by the window"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &e->csv, N_("Chart a CSV file instead of a view"), N_("FILE") },
    { "clickhouse", 0, 0, G_OPTION_ARG_STRING, &e->clickhouse, N_("Chart a table of this ClickHouse server (its HTTP address) instead of a view; the server sends only what the chart shows"), N_("URL") },
    { "database", 0, 0, G_OPTION_ARG_STRING, &e->database, N_("With --clickhouse: the database (default: default)"), N_("NAME") },
    { "table", 0, 0, G_OPTION_ARG_STRING, &e->table, N_("With --clickhouse: the table"), N_("NAME") },
    { "rollup", 0, 0, G_OPTION_ARG_INT, &e->rollup, N_("With --clickhouse: first make (or make again) the table's rollup of buckets of this many seconds, which wide zooms then read (3600: hourly)"), N_("SECONDS") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &e->user, N_("With --clickhouse: the user (the password is read from UNDERCUT_CLICKHOUSE_PASSWORD)"), N_("NAME") },
    { "x", 0, 0, G_OPTION_ARG_STRING, &e->x, N_("With --csv: the date, datetime or number column (a number makes a number axis)"), N_("COL") },
    { "y", 0, 0, G_OPTION_ARG_STRING, &e->y, N_("With --csv: the number columns, separated by commas"), N_("COL[,COL…]") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &e->group, N_("With --csv: one line per value of this column (long tables)"), N_("COL") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &e->format_name, N_("png, svg or pdf (default: from the --output file's extension)"), N_("FORMAT") },
    { "value-format", 0, 0, G_OPTION_ARG_STRING, &e->value_format_name, N_("How values read: number, money ($3.4T), percent, index or per-mtok ($ per million tokens)"), N_("FORMAT") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &e->point_label, N_("With --csv: name each point by this column (shown on scatter charts)"), N_("COL") },
    { "count-by", 0, 0, G_OPTION_ARG_STRING, &e->count_by, N_("With --csv and no --y: rows per week, month or quarter, as bars"), N_("PERIOD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &e->from_text, N_("First date shown (YYYY-MM-DD), or number on a number axis"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &e->to_text, N_("Last date shown (YYYY-MM-DD), or number on a number axis"), N_("DATE") },
    { "rebase", 0, 0, G_OPTION_ARG_STRING, &e->rebase_text, N_("Rebase every line to 100 at this date"), N_("DATE") },
    { "log", 0, 0, G_OPTION_ARG_NONE, &e->log_scale, N_("Logarithmic value axis"), NULL },
    { "transform", 0, 0, G_OPTION_ARG_STRING, &e->transform_name, N_("Chart each line's daily returns (%), its mean over 7, 30 or 90 calendar days, or its drawdown below its highest so far (%)"), N_("returns|mean-7|mean-30|mean-90|drawdown") },
    { "event-change", 0, 0, G_OPTION_ARG_STRING, &e->event_change, N_("Label each event with this line's move that day"), N_("SERIES") },
    { "event-change-categories", 0, 0, G_OPTION_ARG_STRING, &e->change_categories, N_("With --event-change: only events of these categories (market, model_release, …), separated by commas"), N_("CAT[,CAT…]") },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &e->events, N_("Mark events: builtin, none, or a CSV file with date and title columns"), N_("builtin|none|FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &e->kind_name, N_("line (default), step, area, scatter, bars, or lanes (the events alone, one row per category)"), N_("KIND") },
    { "stacked", 0, 0, G_OPTION_ARG_NONE, &e->stacked, N_("With --kind area or bars: stack the series"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &e->title, N_("Chart title"), N_("TEXT") },
    { "right", 0, 0, G_OPTION_ARG_STRING, &e->right, N_("Series on a second value axis, on the right, separated by commas"), N_("SERIES[,SERIES…]") },
    { "legend", 0, 0, G_OPTION_ARG_STRING, &e->legend_name, N_("Legend above the plot (top, default), inside it, or none"), N_("top|inside|none") },
    { "x-title", 0, 0, G_OPTION_ARG_STRING, &e->x_title, N_("Title under the x axis"), N_("TEXT") },
    { "y-title", 0, 0, G_OPTION_ARG_STRING, &e->y_title, N_("Title of the value axis, e.g. its unit"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &e->output, N_("File to write; .png, .svg or .pdf; - for standard output (with --format)"), N_("FILE") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &e->pack, N_("Write a report pack into this folder: PNG, SVG, PDF, the data as CSV and a JSON file with the chart and its sources"), N_("DIR") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &e->width, N_("Width in pixels (default 1600)"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &e->height, N_("Height in pixels (default 900)"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &e->scale, N_("Pixel density for PNG (default 1, 2 for HiDPI)"), N_("S") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &e->dpi, N_("PNG resolution in dots per inch (96 is scale 1)"), N_("D") },
    { "font-size", 0, 0, G_OPTION_ARG_DOUBLE, &e->font_size, N_("Text size in pixels (default: the desktop's, as the window)"), N_("PX") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &e->theme_name, N_("light (default) or dark"), N_("THEME") },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (NULL);

  g_option_context_set_summary (context, _("Draw a chart into a PNG, SVG or PDF file, without a display."));
  g_option_context_set_description (context, _("Examples:\n"
                                              "  undercut export --view deepseek-shock --output shock.png\n"
                                              "  undercut export --csv prices.csv --x date --y close --group ticker --log --output prices.pdf\n"
                                              "  undercut export --view deepseek-shock --format svg --output - > shock.svg\n"
                                              "\n"
                                              "Writing: a file appears only once complete. Only a regular file that you may write is\n"
                                              "replaced, and it keeps its permissions; a symbolic link to one stays a link, and the file\n"
                                              "it points to is replaced. Anything else (a folder, a device, a named pipe, a read-only\n"
                                              "file, a link to a missing file) is refused. A pack folder is swapped in whole, and only\n"
                                              "replaces a folder that holds nothing but a pack's files."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* What is charted: one of a view, a pack, a CSV file, or events alone. */
static int
check_what (Export *e)
{
  e->kind = UC_CHART_LINE;
  if (e->kind_name && !uc_chart_kind_from_string (e->kind_name, &e->kind))
    return usage (_("--kind must be line, step, area, scatter, bars or lanes"));
  /* An event lane chart needs no data but its events. */
  e->events_only = e->kind_name && e->kind == UC_CHART_LANES && !e->view && !e->csv && !e->spec_path && e->events &&
                   !g_str_equal (e->events, "none");
  if ((e->view != NULL) + (e->csv != NULL) + (e->spec_path != NULL) + (e->clickhouse != NULL) != 1 && !e->events_only)
    return usage (e->view || e->csv || e->spec_path || e->clickhouse
                    ? _("give one of --view, --csv, --clickhouse and --spec")
                    : _("--view, --csv, --clickhouse or --spec is required (or --kind lanes with --events)"));
  if (e->clickhouse && (e->table == NULL || e->x == NULL || e->y == NULL || strchr (e->y, ',') || e->count_by ||
                        e->point_label))
    return usage (_("--clickhouse needs --table, --x and one --y column (and takes --group, not --label or --count-by)"));
  if (!e->clickhouse && (e->table || e->database || e->user || e->rollup))
    return usage (_("--table, --database, --user and --rollup go with --clickhouse"));
  if (e->rollup < 0 || e->rollup > 31 * 86400)
    return usage (_("--rollup takes seconds, from 1 to a month's"));
  if (e->csv && (e->x == NULL || (e->y == NULL) == (e->count_by == NULL)))
    return usage (e->count_by ? _("--count-by goes without --y") : _("--csv needs --x and --y (or --count-by)"));
  if (e->count_by && !g_strv_contains ((const char * const[]) { "week", "month", "quarter", NULL }, e->count_by))
    return usage (_("--count-by must be week, month or quarter"));
  if ((e->chart_number != 0 || e->variant) && e->view == NULL)
    return usage (e->chart_number != 0 ? _("--chart goes with --view") : _("--variant goes with --view"));
  if (e->view && (e->x || e->y || e->group || e->point_label))
    return usage (_("--x, --y, --group and --label go with --csv"));
  if (e->point_label && e->count_by)
    return usage (_("--label goes without --count-by"));
  return GO_ON;
}

/* --spec naming a view state: the state decides what is charted and how
 * it reads, the command line where it goes and how large. */
static int
check_state (Export   *e,
             gboolean *is_state)
{
  const struct { gboolean given; const char *name; } decided[] = {
    { e->view != NULL, "--view" }, { e->chart_number != 0, "--chart" }, { e->variant != NULL, "--variant" },
    { e->csv != NULL, "--csv" }, { e->x || e->y || e->group || e->point_label, N_("--x, --y, --group or --label") },
    { e->count_by != NULL, "--count-by" }, { e->from_text || e->to_text, N_("--from or --to") },
    { e->rebase_text != NULL, "--rebase" }, { e->log_scale, "--log" }, { e->transform_name != NULL, "--transform" },
    { e->events != NULL, "--events" }, { e->event_change || e->change_categories, "--event-change" },
    { e->kind_name || e->stacked, N_("--kind or --stacked") }, { e->title || e->x_title || e->y_title, N_("a title") },
    { e->right != NULL, "--right" }, { e->legend_name != NULL, "--legend" },
    { e->value_format_name != NULL, "--value-format" }, { e->pack != NULL, N_("--pack (a state draws a whole view)") },
  };

  *is_state = uc_cli_export_is_state (e->spec_path);
  for (guint i = 0; *is_state && i < G_N_ELEMENTS (decided); i++)
    if (decided[i].given)
      {
        /* Translators: the first %s is a file name, the second what was given with it: an option such as
         * “--view” or “--from or --to”, or “a title”. */
        g_autofree char *message = g_strdup_printf (_("%s: a view state decides the view, its days and how it reads; "
                                                      "%s goes without it"), e->spec_path, _(decided[i].name));

        return usage (message);
      }
  return GO_ON;
}

/* A view state's charts, as the window showed them, at the size asked
 * for (1600×900 by default). */
static int
load_state (Export     *e,
            UcView    **view,
            GPtrArray **charts)
{
  g_autoptr(GError) error = NULL;

  uc_cli_timing (NULL);
  if ((*charts = uc_cli_export_state_charts (e->spec_path, view, &error)) == NULL)
    return failure (error->message);
  uc_cli_timing ("charts built");
  e->width = e->width ? e->width : 1600;
  e->height = e->height ? e->height : 900;
  e->scale = e->scale != 0 ? e->scale : 1.0;
  return GO_ON;
}

/* Where it goes, how large, in which format and theme. */
static int
check_output (Export *e)
{
  g_autoptr(GError) error = NULL;

  if ((e->output == NULL) == (e->pack == NULL))
    return usage (e->output ? _("give --output or --pack, not both") : _("--output or --pack is required"));
  if ((e->width != 0 && (e->width < 16 || e->width > 32768)) || (e->height != 0 && (e->height < 16 || e->height > 32768)))
    return usage (_("--width and --height must be between 16 and 32768"));
  if (e->dpi != 0 && (e->dpi < 24 || e->dpi > 2400))
    return usage (_("--dpi must be between 24 and 2400"));
  if (e->dpi != 0)
    e->scale = e->dpi / 96.0;
  if (e->scale != 0 && !(e->scale >= 0.25 && e->scale <= 25))
    return usage (_("--scale must be between 0.25 and 25"));
  if (e->font_size != 0 && !(e->font_size >= 6 && e->font_size <= 64))
    return usage (_("--font-size must be between 6 and 64"));
  /* Every chart the command draws takes it, a pack's three images too. */
  uc_chart_font_set_fixed_px (e->font_size);
  if (e->format_name)
    {
      if (!g_strv_contains ((const char * const[]) { "png", "svg", "pdf", NULL }, e->format_name))
        return usage (_("--format must be png, svg or pdf"));
      if (e->pack)
        return usage (_("--format goes with --output (a pack holds every format)"));
      e->format = g_str_equal (e->format_name, "png") ? UC_EXPORT_PNG
                  : g_str_equal (e->format_name, "svg") ? UC_EXPORT_SVG : UC_EXPORT_PDF;
    }
  else if (e->output && g_str_equal (e->output, "-"))
    return usage (_("--output - (standard output) needs --format png, svg or pdf"));
  else if (e->output && !uc_export_format_from_path (e->output, &e->format, &error))
    return usage (error->message);
  /* Binary output would garble the terminal. */
  if (e->output && g_str_equal (e->output, "-") && e->format != UC_EXPORT_SVG && isatty (STDOUT_FILENO))
    return usage (_("--output -: standard output is a terminal; redirect it, or give a file"));
  if (e->theme_name == NULL || g_str_equal (e->theme_name, "light"))
    e->theme = uc_chart_theme_light ();
  else if (g_str_equal (e->theme_name, "dark"))
    e->theme = uc_chart_theme_dark ();
  else
    return usage (_("--theme must be light or dark"));
  return GO_ON;
}

/* The options' values, each read once. */
static int
check_options (Export *e)
{
  if (e->from_text && !parse_date_arg (e->from_text, &e->from) && !parse_x_arg (e->from_text, UC_X_NUMBER, &e->from))
    return usage (_("--from takes a date like 2025-01-27 (a number on a number axis)"));
  if (e->to_text && !parse_date_arg (e->to_text, &e->to) && !parse_x_arg (e->to_text, UC_X_NUMBER, &e->to))
    return usage (_("--to takes a date like 2025-03-31 (a number on a number axis)"));
  if (e->rebase_text && !parse_date_arg (e->rebase_text, &e->rebase))
    return usage (_("--rebase takes a date like 2025-01-24"));
  if (e->from_text && e->to_text && parse_date_arg (e->from_text, &e->from) && parse_date_arg (e->to_text, &e->to) &&
      e->to <= e->from)
    return usage (_("--to must be after --from"));
  e->legend = UC_LEGEND_TOP;
  if (e->legend_name && !uc_legend_position_from_string (e->legend_name, &e->legend))
    return usage (_("--legend must be top, inside or none"));
  if (e->stacked && e->kind != UC_CHART_AREA && e->kind != UC_CHART_BARS && !(e->count_by && e->kind_name == NULL))
    return usage (_("--stacked goes with --kind area or bars"));
  e->value_format = UC_VALUE_NUMBER;
  if (e->value_format_name && !uc_value_format_from_string (e->value_format_name, &e->value_format))
    return usage (_("--value-format must be number, money, percent, index or per-mtok"));
  if (e->transform_name)
    {
      int transform;

      if (!uc_enum_from_nick (UC_TYPE_TRANSFORM, e->transform_name, &transform))
        {
          /* Translators: %s is the name given to --transform. */
          g_autofree char *message = g_strdup_printf (_("--transform: no transform “%s”; it is returns, mean-7, mean-30, "
                                                        "mean-90, drawdown or none"), e->transform_name);

          return usage (message);
        }
      e->transform = transform;
    }
  return GO_ON;
}

/* A report pack's chart, drawn again at the pack's size unless given. */
static UcChartSpec *
load_pack (Export  *e,
           GError **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (e->spec_path);
  int pack_width, pack_height;
  double pack_scale;
  UcChartSpec *spec = uc_chart_spec_new_from_pack (file, &pack_width, &pack_height, &pack_scale, error);

  if (spec && e->width == 0 && e->height == 0)
    {
      e->width = pack_width;
      e->height = pack_height;
    }
  if (spec && e->scale == 0)
    e->scale = pack_scale;
  return spec;
}

/* A view, in the variant asked for; its chart --chart names (or the first)
 * on the days the window shows every chart. */
static int
load_view (Export       *e,
           UcView      **view,
           UcChartSpec **spec,
           GError      **error)
{
  UcTime a, b;

  *view = uc_library_view_entry_id (e->view) ? uc_library_load_view (e->view, error) : uc_view_load (e->view, error);
  if (*view == NULL)
    return GO_ON;
  if (e->variant && !uc_view_set_variant (*view, e->variant, error))
    return usage ((*error)->message);
  if (e->chart_number != 0 && (e->chart_number < 1 || (guint) e->chart_number > uc_view_get_n_charts (*view)))
    {
      guint n = uc_view_get_n_charts (*view);
      /* Translators: %s is a view's id (deepseek-shock, pricing…), %u how many charts it has. */
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "--chart: the view “%s” has %u chart",
                                                               "--chart: the view “%s” has %u charts", n), e->view, n);

      return usage (message);
    }
  *spec = uc_chart_spec_copy (uc_view_get_chart (*view, e->chart_number > 0 ? (guint) e->chart_number - 1 : 0));
  if (uc_chart_spec_get_x_kind (*spec) == UC_X_TIME && uc_view_get_time_range (*view, &a, &b))
    uc_chart_spec_set_range (*spec, a, b);
  return GO_ON;
}

/* The chart asked for, at the size asked for (1600×900 by default). */
/* A ClickHouse table, fetched for the export's own size and range. */
static UcChartSpec *
spec_from_clickhouse (Export  *e,
                      GError **error)
{
  UcCliClickhouse request = { e->clickhouse, e->database, e->table, e->x, e->y, e->group, e->user, FALSE, 0, 0,
                              e->width ? e->width : 1600, e->height ? e->height : 900,
                              /* A PNG's own pixels: at 300 dpi, three times the columns. */
                              e->pack || e->format == UC_EXPORT_PNG ? (e->scale != 0 ? e->scale : 1) : 1,
                              e->font_size, (guint) e->rollup, e->rebase_text ? e->rebase : 0 };

  if (e->from_text && e->to_text && parse_date_arg (e->from_text, &request.from) &&
      parse_date_arg (e->to_text, &request.to) && request.to > request.from)
    request.has_range = TRUE;
  return uc_cli_spec_from_clickhouse (&request, error);
}

static int
load_chart (Export       *e,
            UcView      **view,
            UcChartSpec **spec)
{
  g_autoptr(GError) error = NULL;
  int status = GO_ON;

  uc_cli_timing (NULL);
  if (e->spec_path)
    *spec = load_pack (e, &error);
  else if (e->events_only)
    *spec = uc_cli_spec_from_events (e->events, &error);
  else if (e->view)
    status = load_view (e, view, spec, &error);
  else if (e->clickhouse)
    *spec = spec_from_clickhouse (e, &error);
  else
    *spec = uc_cli_spec_from_csv (e->csv, e->x, e->y, e->group, e->point_label, e->count_by, e->pack != NULL, &error);
  uc_cli_timing ("chart built");
  if (status != GO_ON)
    return status;
  e->width = e->width ? e->width : 1600;
  e->height = e->height ? e->height : 900;
  e->scale = e->scale != 0 ? e->scale : 1.0;
  /* The options were checked above: only a pack's own size can be off. */
  if (e->width > 32768 || e->height > 32768 || e->width < 16 || e->height < 16 || !(e->scale >= 0.25 && e->scale <= 25))
    {
      /* Translators: %s is a report pack's file name. */
      g_autofree char *message = g_strdup_printf (_("%s: the chart's width, height or scale is out of range"), e->spec_path);

      return failure (message);
    }
  if (*spec == NULL && g_error_matches (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN))
    return usage (error->message);
  if (*spec == NULL)
    return failure (error->message);
  return GO_ON;
}

/* A view of several charts is drawn whole, as the window shows it, on one
 * stretch of time (the first chart's; a chart on a number axis keeps its
 * own); options that fit one chart only then need --chart. */
static int
gather_charts (Export      *e,
               UcView      *view,
               UcChartSpec *spec,
               GPtrArray   *charts)
{
  UcTime first_from, first_to;
  gboolean timed;

  if (view == NULL || e->chart_number != 0 || uc_view_get_n_charts (view) <= 1)
    {
      g_ptr_array_add (charts, g_object_ref (spec));
      return GO_ON;
    }
  if (e->right || e->event_change || e->title || e->x_title || e->y_title || e->legend_name || e->kind_name ||
      e->stacked || e->value_format_name || e->pack)
    {
      guint n = uc_view_get_n_charts (view);
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               /* Translators: %s is a view's id (deepseek-shock,
                                                                * pricing…), %u how many charts it has (always more
                                                                * than one). */
                                                               "the view “%s” has %u chart: --right, --event-change, --title, "
                                                               "--x-title, --y-title, --legend, --kind, --stacked, "
                                                               "--value-format and --pack take one, named by --chart N",
                                                               "the view “%s” has %u charts: --right, --event-change, --title, "
                                                               "--x-title, --y-title, --legend, --kind, --stacked, "
                                                               "--value-format and --pack take one, named by --chart N", n),
                                                  e->view, n);
      return usage (message);
    }
  timed = uc_view_get_time_range (view, &first_from, &first_to);
  for (guint c = 0; c < uc_view_get_n_charts (view); c++)
    {
      UcChartSpec *copy = uc_chart_spec_copy (uc_view_get_chart (view, c));

      if (timed && uc_chart_spec_get_x_kind (copy) == UC_X_TIME)
        uc_chart_spec_set_range (copy, first_from, first_to);
      g_ptr_array_add (charts, copy);
    }
  return GO_ON;
}

/* --event-change-categories: the categories' own names. */
static int
read_change_categories (Export         *e,
                        UcChartOptions *options)
{
  if (e->change_categories == NULL)
    return GO_ON;
  options->change_categories = g_strsplit (e->change_categories, ",", -1);
  for (guint i = 0; options->change_categories[i] != NULL; i++)
    {
      const char *name = g_strstrip (options->change_categories[i]);

      if (uc_event_category_from_string (name) == UC_EVENT_OTHER && !g_str_equal (name, "other"))
        {
          /* Translators: %s is an event category as typed (market, model_release…). */
          g_autofree char *message = g_strdup_printf (_("--event-change-categories: no category “%s”"), name);

          return usage (message);
        }
    }
  return GO_ON;
}

/* The options asked for, applied to each chart as the view reader and
 * the window apply theirs; in a whole view, each chart takes what fits. */
static int
fill_options (Export         *e,
              guint           n_charts,
              UcChartOptions *options)
{
  g_autoptr(GError) error = NULL;

  options->where_it_fits = n_charts > 1;
  if (e->right)
    {
      options->right = g_strsplit (e->right, ",", -1);
      for (guint i = 0; options->right[i] != NULL; i++)
        g_strstrip (options->right[i]);
    }
  if (e->rebase_text)
    {
      options->value_mode = UC_VALUE_MODE_REBASED;
      options->base = e->rebase;
    }
  /* A view's own events are replaced, not doubled. */
  if (e->events && !g_str_equal (e->events, e->view ? "builtin" : "none"))
    {
      options->replace_events = TRUE;
      if (!g_str_equal (e->events, "none") &&
          (options->events = uc_cli_load_events (e->events, &options->events_source, &error)) == NULL)
        return failure (error->message);
    }
  options->change_series = g_strdup (e->event_change);
  options->log_scale = e->log_scale ? 1 : -1;
  options->transform = e->transform;
  options->kind = e->kind_name ? (int) e->kind : -1;
  options->stacked = e->stacked ? 1 : -1;
  options->legend = e->legend_name ? (int) e->legend : -1;
  options->value_format = e->value_format_name ? (int) e->value_format : -1;
  options->title = g_strdup (e->title);
  options->x_title = g_strdup (e->x_title);
  options->y_title = g_strdup (e->y_title);
  return read_change_categories (e, options);
}

/* What a chart on a number axis cannot take from the command line, said
 * as one line; NULL when nothing. Events, rebase dates and event lanes
 * are dates, which a number axis has no place for. */
static char *
number_axis_refuses (Export      *e,
                     UcChartSpec *spec)
{
  gboolean events = e->events && !g_str_equal (e->events, e->view ? "builtin" : "none");
  gboolean lanes = e->kind_name && e->kind == UC_CHART_LANES;
  const char *option = e->rebase_text ? _("--rebase takes a date") : events ? _("--events marks dates")
                       : e->event_change ? _("--event-change labels events, which are dates")
                       : lanes ? _("--kind lanes draws events, which are dates") : NULL;

  if (option == NULL || uc_chart_spec_get_x_kind (spec) != UC_X_NUMBER)
    return NULL;
  /* Translators: the first %s says what an option needs (“--rebase takes a date”), the second is the unit of
   * the chart's x axis, e.g. “trading days”, or “not time”. */
  return g_strdup_printf (_("%s: this chart's x axis is a number (%s)"), option,
                          uc_chart_spec_get_x_unit (spec) ? uc_chart_spec_get_x_unit (spec) : _("not time"));
}

/* --from and --to in the chart's own units: dates on time charts, numbers
 * on number axes; in a whole view, each chart takes what fits its axis. */
static int
range_for_chart (Export         *e,
                 UcChartSpec    *spec,
                 gboolean        alone,
                 UcChartOptions *options)
{
  UcXKind x_kind = uc_chart_spec_get_x_kind (spec);
  UcTime a, b;
  gboolean fits;

  options->has_range = FALSE;
  if (!e->from_text && !e->to_text)
    return GO_ON;
  uc_chart_spec_get_range (spec, &a, &b);
  fits = (!e->from_text || parse_x_arg (e->from_text, x_kind, &a)) && (!e->to_text || parse_x_arg (e->to_text, x_kind, &b));
  if (!fits && alone)
    return usage (x_kind == UC_X_NUMBER ? _("--from and --to take numbers on this chart's number axis, like --from=-10")
                                        : _("--from and --to take dates like 2025-01-27"));
  if (fits && b <= a)
    return usage (_("the range from --from to --to is empty for this chart"));
  options->has_range = fits;
  options->from = a;
  options->to = b;
  return GO_ON;
}

/* Chart @c of @charts as the options ask. */
static int
apply_to_chart (Export         *e,
                GPtrArray      *charts,
                guint           c,
                UcChartOptions *options)
{
  UcChartSpec *spec = g_ptr_array_index (charts, c);
  g_autoptr(GError) error = NULL;
  UcChartSpec *applied;
  int status;

  if (charts->len == 1)
    {
      g_autofree char *refused = number_axis_refuses (e, spec);

      if (refused)
        return usage (refused);
    }
  if ((status = range_for_chart (e, spec, charts->len == 1, options)) != GO_ON)
    return status;
  applied = uc_chart_options_apply (options, spec, &error);
  if (applied == NULL && error->domain == UC_CHART_OPTIONS_ERROR)
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", error->code == UC_CHART_OPTIONS_ERROR_RIGHT ? "--right"
                                                            : error->code == UC_CHART_OPTIONS_ERROR_TRANSFORM ? "--transform"
                                                            : "--event-change", error->message);
      return usage (message);
    }
  if (applied == NULL)
    return failure (error->message);
  g_object_unref (spec);
  g_ptr_array_index (charts, c) = applied;
  return GO_ON;
}

/* The image (or pack) written, then what the charts leave out (values
 * past the range of a number), one line each. */
static int
write_charts (Export    *e,
              UcView    *view,
              GPtrArray *charts)
{
  g_autofree int *heights = g_new (int, charts->len);
  g_autoptr(GError) error = NULL;
  UcChartSpec **specs = (UcChartSpec **) charts->pdata;
  gboolean written;

  if (charts->len > 1)
    uc_view_split_height (view, e->height, heights);
  else
    heights[0] = e->height;
  if (e->pack)
    written = uc_export_pack (specs[0], e->theme, e->pack, e->width, e->height, e->scale, &error);
  else if (g_str_equal (e->output, "-"))
    written = uc_export_charts_to_fd (specs, NULL, heights, charts->len, e->theme, STDOUT_FILENO, _("standard output"),
                                      e->format, e->width, e->scale, &error);
  else
    written = uc_export_charts (specs, NULL, heights, charts->len, e->theme, e->output, e->format, e->width, e->scale,
                                &error);
  if (!written)
    return failure (error->message);
  for (guint c = 0; c < charts->len; c++)
    {
      g_auto(GStrv) warnings = uc_chart_spec_collect_warnings (specs[c]);

      for (guint i = 0; warnings[i] != NULL; i++)
        g_printerr ("undercut export: %s\n", warnings[i]);
    }
  uc_cli_timing ("written");
  return UC_EXIT_OK;
}

int
uc_cli_export (int    argc,
               char **argv)
{
  g_auto(Export) e = { 0 };
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  g_autoptr(GOptionContext) context = export_context (&e);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(UcView) view = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean is_state = FALSE;
  int status;

  if (!uc_cli_parse (context, "export", argc, argv, &args, &error))
    return usage (error->message);
  if (g_strv_length (args) > 1)
    {
      /* Translators: %s is a word on the command line that no option takes. */
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), args[1]);

      return usage (message);
    }
  if ((status = check_state (&e, &is_state)) != GO_ON || (status = check_what (&e)) != GO_ON ||
      (status = check_output (&e)) != GO_ON || (status = check_options (&e)) != GO_ON)
    return status;
  if (is_state)
    {
      g_clear_pointer (&charts, g_ptr_array_unref);
      status = load_state (&e, &view, &charts);
      return status != GO_ON ? status : write_charts (&e, view, charts);
    }
  if ((status = load_chart (&e, &view, &spec)) != GO_ON ||
      (status = gather_charts (&e, view, spec, charts)) != GO_ON ||
      (status = fill_options (&e, charts->len, &options)) != GO_ON)
    return status;
  for (guint c = 0; c < charts->len; c++)
    if ((status = apply_to_chart (&e, charts, c, &options)) != GO_ON)
      return status;
  return write_charts (&e, view, charts);
}
