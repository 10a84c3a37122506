/* uc-cli.c: the headless commands
 *
 * These never initialise GTK: they run on servers and in CI, where there is
 * no display. Errors are one line on stderr; the exit status tells a bad
 * command line (2) from a failure to read or write (1).
 */
#include "config.h"

#include "uc-cli.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include <string.h>
#include <unistd.h>

#include "uc-chart-theme.h"
#include "uc-catalog.h"
#include "uc-chart-options.h"
#include "uc-chart-spec-json.h"
#include "uc-csv.h"
#include "uc-file-source.h"
#include "uc-parse.h"
#include "uc-transform.h"
#include "uc-export.h"
#include "uc-view.h"
#include "uc-dataset-charts.h"

/* UNDERCUT_TIMINGS=1 prints how long each step took, on stderr. */
static void
timing (const char *step)
{
  static gint64 start;
  static int enabled = -1;
  gint64 now = g_get_monotonic_time ();

  if (enabled < 0)
    enabled = g_strcmp0 (g_getenv ("UNDERCUT_TIMINGS"), "1") == 0;
  if (start == 0)
    start = now;
  if (enabled && step)
    g_printerr ("undercut: %-18s %7.1f ms\n", step, (now - start) / 1000.0);
}

int
uc_cli_usage_error (const char *command,
                    const char *message)
{
  g_printerr ("undercut %s: %s (see “undercut %s --help”)\n", command, message, command);
  return UC_EXIT_USAGE;
}

/* Parses a command's options; GOptionContext wants argv[0] to be the program. */
gboolean
uc_cli_parse (GOptionContext  *context,
              const char      *command,
              int              argc,
              char           **argv,
              GStrv           *rest,
              GError         **error)
{
  GStrv args = g_new0 (char *, argc + 1);

  args[0] = g_strdup_printf ("undercut %s", command);
  for (int i = 1; i < argc; i++)
    args[i] = g_strdup (argv[i]);
  *rest = args;
  return g_option_context_parse_strv (context, rest, error);
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

/* What a chart on a number axis cannot take from the command line, said
 * as one line; NULL when nothing. Events, rebase dates and event lanes
 * are dates, which a number axis has no place for. */
static char *
number_axis_refuses (UcChartSpec *spec,
                     const char  *rebase,
                     gboolean     events,
                     const char  *event_change,
                     gboolean     lanes)
{
  const char *option = rebase ? "--rebase takes a date" : events ? "--events marks dates"
                       : event_change ? "--event-change labels events, which are dates"
                       : lanes ? "--kind lanes draws events, which are dates" : NULL;

  if (option == NULL || uc_chart_spec_get_x_kind (spec) != UC_X_NUMBER)
    return NULL;
  return g_strdup_printf ("%s: this chart's x axis is a number (%s)", option,
                          uc_chart_spec_get_x_unit (spec) ? uc_chart_spec_get_x_unit (spec) : "not time");
}

/* The stretch of time a view's charts are drawn on, as in the window: the
 * first time chart's. Charts on a number axis keep their own. */
static gboolean
view_time_range (UcView *view,
                 UcTime *from,
                 UcTime *to)
{
  for (guint c = 0; c < uc_view_get_n_charts (view); c++)
    if (uc_chart_spec_get_x_kind (uc_view_get_chart (view, c)) == UC_X_TIME)
      {
        uc_chart_spec_get_range (uc_view_get_chart (view, c), from, to);
        return TRUE;
      }
  return FALSE;
}

/* An input stream that hashes every byte read through it: the checksum of
 * a report pack's input is of the bytes charted, read once, so a pipe or a
 * FIFO works as well as a file. */
#define UC_TYPE_HASHING_STREAM (uc_hashing_stream_get_type ())
G_DECLARE_FINAL_TYPE (UcHashingStream, uc_hashing_stream, UC, HASHING_STREAM, GFilterInputStream)

struct _UcHashingStream
{
  GFilterInputStream  parent_instance;
  GChecksum          *checksum;
};

G_DEFINE_FINAL_TYPE (UcHashingStream, uc_hashing_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
uc_hashing_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  UcHashingStream *self = UC_HASHING_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n = g_input_stream_read (base, buffer, count, cancellable, error);

  if (n > 0)
    g_checksum_update (self->checksum, buffer, n);
  return n;
}

/* Skipped bytes are hashed too. */
static gssize
uc_hashing_stream_skip (GInputStream  *stream,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  guint8 buffer[8192];

  return uc_hashing_stream_read (stream, buffer, MIN (count, sizeof buffer), cancellable, error);
}

static void
uc_hashing_stream_finalize (GObject *object)
{
  g_checksum_free (UC_HASHING_STREAM (object)->checksum);
  G_OBJECT_CLASS (uc_hashing_stream_parent_class)->finalize (object);
}

static void
uc_hashing_stream_class_init (UcHashingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_hashing_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = uc_hashing_stream_read;
  G_INPUT_STREAM_CLASS (klass)->skip = uc_hashing_stream_skip;
}

static void
uc_hashing_stream_init (UcHashingStream *self)
{
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
}

#define MAX_READ_WARNINGS 5

/* A CSV file read once: a regular file by the reader's own fast path, or
 * (when its SHA-256 is wanted, or it is a pipe) as a stream, hashed as it
 * is read. Opening a FIFO twice would wait for a second writer forever. */
static UcDataset *
read_csv (GFile               *file,
          const UcCsvOptions  *options,
          char               **sha256,
          UcCsvReport        **report,
          GError             **error)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(UcHashingStream) hashing = NULL;
  g_autofree char *name = NULL;
  UcDataset *ds;

  /* A missing file: the reader's own message. */
  if (info == NULL || (sha256 == NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR))
    return uc_csv_read_file (file, options, NULL, NULL, NULL, report, error);
  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  hashing = g_object_new (UC_TYPE_HASHING_STREAM, "base-stream", in, NULL);
  name = g_file_get_parse_name (file);
  ds = uc_csv_read_stream (G_INPUT_STREAM (hashing), name, options, NULL, report, error);
  if (ds && sha256)
    *sha256 = g_strdup (g_checksum_get_string (hashing->checksum));
  return ds;
}

/* A chart of the user's own CSV file, from --csv, --x, --y and --group;
 * with @hash, its provenance carries the SHA-256 of the bytes read. */
static UcChartSpec *
spec_from_csv (const char  *path,
               const char  *x,
               const char  *y,
               const char  *group,
               const char  *label,
               const char  *count_by,
               gboolean     hash,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autofree char *sha256 = NULL;
  g_auto(GStrv) ys = y ? g_strsplit (y, ",", -1) : g_new0 (char *, 1);
  g_autoptr(GStrvBuilder) wanted = g_strv_builder_new ();
  g_auto(GStrv) columns = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autofree char *base = NULL;
  UcCsvOptions options;
  UcChartSpec *spec;

  /* Only the columns charted are converted. */
  g_strv_builder_add (wanted, x);
  g_strv_builder_addv (wanted, (const char **) ys);
  if (group)
    g_strv_builder_add (wanted, group);
  if (label)
    g_strv_builder_add (wanted, label);
  columns = g_strv_builder_end (wanted);
  uc_csv_options_init (&options);
  options.columns = (const char * const *) columns;
  ds = read_csv (file, &options, hash ? &sha256 : NULL, &report, error);

  timing ("csv read");
  if (ds == NULL)
    return NULL;
  if (count_by)
    spec = uc_chart_spec_count_by (ds, x, group,
                                   g_str_equal (count_by, "week") ? UC_PERIOD_WEEK :
                                   g_str_equal (count_by, "month") ? UC_PERIOD_MONTH : UC_PERIOD_QUARTER, error);
  else
    spec = uc_chart_spec_from_dataset (ds, x, (const char * const *) ys, group, label, error);
  if (spec == NULL)
    return NULL;
  base = g_path_get_basename (path);
  uc_chart_spec_set_title (spec, base);
  /* The cells the reader doubted, said with the image as inspect says
   * them: the first few, then how many more. */
  if (report != NULL && report->n_warnings > 0)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      guint shown = MIN (report->warnings->len, MAX_READ_WARNINGS);

      for (guint i = 0; i < shown; i++)
        {
          g_autofree char *warning = g_strdup_printf ("%s: %s", name, (const char *) g_ptr_array_index (report->warnings, i));

          uc_chart_spec_add_warning (spec, warning);
        }
      if (report->n_warnings > shown)
        {
          g_autofree char *more = g_strdup_printf ("%s: %u more warnings; “undercut inspect %s” lists them", name,
                                                   report->n_warnings - shown, path);

          uc_chart_spec_add_warning (spec, more);
        }
    }
  /* Cited as the file is once read: its name and the day it was last changed. */
  {
    g_autoptr(UcSource) source = uc_file_source_new (file);
    g_autofree char *credit = uc_source_dup_credit (source);

    uc_source_cite (source, spec);
    if (sha256)
      uc_chart_spec_set_provenance_sha256 (spec, uc_chart_spec_get_n_provenance (spec) - 1, sha256);
    uc_chart_spec_set_source (spec, credit);
  }
  return spec;
}

/* The built-in events or a table of the user's; @source (optional) says
 * where they come from, for the chart to cite. */
static UcDataset *
load_events (const char  *events,
             UcSource   **source,
             GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (g_str_equal (events, "builtin"))
    {
      UcSource *builtin = uc_catalog_find (uc_catalog_get_default (), "events");

      if (source && builtin)
        *source = g_object_ref (builtin);
      return uc_catalog_load ("events", error);
    }
  file = g_file_new_for_commandline_arg (events);
  if (source)
    *source = uc_file_source_new (file);
  return read_csv (file, NULL, NULL, NULL, error);
}

/* An event lane chart of an events table alone: its range runs from the
 * first event to the last (span ends included), with a little room. */
static UcChartSpec *
spec_from_events (const char  *events,
                  GError     **error)
{
  g_autoptr(UcDataset) table = load_events (events, NULL, error);
  g_autoptr(UcChartSpec) spec = NULL;
  UcTime lo = G_MAXINT64, hi = G_MININT64;
  int dc, ec;

  if (table == NULL)
    return NULL;
  dc = uc_dataset_find_column (table, "date");
  ec = uc_dataset_find_column (table, "end");
  if (dc < 0 || uc_dataset_get_column_type (table, dc) != UC_COLUMN_DATE)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, "%s: expected a date column called “date”",
                   uc_dataset_get_name (table));
      return NULL;
    }
  for (guint r = 0; r < uc_dataset_get_n_rows (table); r++)
    {
      UcTime t = uc_dataset_get_times (table, dc)[r];
      UcTime e = ec >= 0 && uc_dataset_get_column_type (table, ec) == UC_COLUMN_DATE ? uc_dataset_get_times (table, ec)[r]
                                                                                      : UC_TIME_MISSING;

      if (t == UC_TIME_MISSING)
        continue;
      lo = MIN (lo, t);
      hi = MAX (hi, e != UC_TIME_MISSING ? MAX (e, t) : t);
    }
  if (lo > hi)
    {
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, "%s: no dated events", uc_dataset_get_name (table));
      return NULL;
    }
  {
    UcTime room = MAX ((hi - lo) / 40, UC_USEC_PER_DAY);

    spec = uc_chart_spec_new ();
    uc_chart_spec_set_kind (spec, UC_CHART_LANES);
    uc_chart_spec_set_title (spec, _("Events"));
    uc_chart_spec_set_range (spec, lo - room, hi + room);
  }
  return g_steal_pointer (&spec);
}

int
uc_cli_export (int    argc,
               char **argv)
{
  g_autofree char *view = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autofree char *group = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *rebase_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *x_title = NULL;
  g_autofree char *legend_name = NULL;
  g_autofree char *right = NULL;
  g_autofree char *spec_path = NULL;
  g_autofree char *y_title = NULL;
  g_autofree char *output = NULL;
  g_autofree char *pack = NULL;
  g_autofree char *theme_name = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *count_by = NULL;
  g_autofree char *point_label = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *value_format_name = NULL;
  UcValueFormat value_format = UC_VALUE_NUMBER;
  g_autofree char *events = NULL;
  g_autofree char *event_change = NULL;
  g_autofree char *change_categories = NULL;
  int chart_number = 0;
  g_autofree char *variant = NULL;
  gboolean log_scale = FALSE, stacked = FALSE, events_only;
  UcChartKind kind = UC_CHART_LINE;
  UcLegendPosition legend = UC_LEGEND_TOP;
  int width = 0, height = 0, dpi = 0;
  double scale = 0;   /* 0 until given: a pack's own size applies first */
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcChartSpec) spec = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(UcView) loaded_view = NULL;
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;
  g_auto(GStrv) args = NULL;
  const UcChartTheme *theme;
  UcExportFormat format;
  UcTime from = 0, to = 0, rebase = 0;
  GOptionEntry entries[] = {
    { "view", 'v', 0, G_OPTION_ARG_STRING, &view, N_("Chart view to export (deepseek-shock)"), N_("ID") },
    { "chart", 0, 0, G_OPTION_ARG_INT, &chart_number, N_("With --view: only this chart of the view (1 is the first); without it, every chart, one under the other"), N_("N") },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant, N_("With --view: one of the view's variants (pricing: output, input, blended)"), N_("ID") },
    { "spec", 0, 0, G_OPTION_ARG_FILENAME, &spec_path, N_("Redraw a report pack's chart from its chart.json (and the data.csv beside it)"), N_("FILE") },
    { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv, N_("Chart a CSV file instead of a view"), N_("FILE") },
    { "x", 0, 0, G_OPTION_ARG_STRING, &x, N_("With --csv: the date, datetime or number column (a number makes a number axis)"), N_("COL") },
    { "y", 0, 0, G_OPTION_ARG_STRING, &y, N_("With --csv: the number columns, separated by commas"), N_("COL[,COL…]") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group, N_("With --csv: one line per value of this column (long tables)"), N_("COL") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_name, N_("png, svg or pdf (default: from the --output file's extension)"), N_("FORMAT") },
    { "value-format", 0, 0, G_OPTION_ARG_STRING, &value_format_name, N_("How values read: number, money ($3.4T), percent, index or per-mtok ($ per million tokens)"), N_("FORMAT") },
    { "label", 0, 0, G_OPTION_ARG_STRING, &point_label, N_("With --csv: name each point by this column (shown on scatter charts)"), N_("COL") },
    { "count-by", 0, 0, G_OPTION_ARG_STRING, &count_by, N_("With --csv and no --y: rows per week, month or quarter, as bars"), N_("PERIOD") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("First date shown (YYYY-MM-DD), or number on a number axis"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("Last date shown (YYYY-MM-DD), or number on a number axis"), N_("DATE") },
    { "rebase", 0, 0, G_OPTION_ARG_STRING, &rebase_text, N_("Rebase every line to 100 at this date"), N_("DATE") },
    { "log", 0, 0, G_OPTION_ARG_NONE, &log_scale, N_("Logarithmic value axis"), NULL },
    { "event-change", 0, 0, G_OPTION_ARG_STRING, &event_change, N_("Label each event with this line's move that day"), N_("SERIES") },
    { "event-change-categories", 0, 0, G_OPTION_ARG_STRING, &change_categories, N_("With --event-change: only events of these categories (market, model_release, …), separated by commas"), N_("CAT[,CAT…]") },
    { "events", 0, 0, G_OPTION_ARG_FILENAME, &events, N_("Mark events: builtin, none, or a CSV file with date and title columns"), N_("builtin|none|FILE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name, N_("line (default), step, area, scatter, bars, or lanes (the events alone, one row per category)"), N_("KIND") },
    { "stacked", 0, 0, G_OPTION_ARG_NONE, &stacked, N_("With --kind area or bars: stack the series"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Chart title"), N_("TEXT") },
    { "right", 0, 0, G_OPTION_ARG_STRING, &right, N_("Series on a second value axis, on the right, separated by commas"), N_("SERIES[,SERIES…]") },
    { "legend", 0, 0, G_OPTION_ARG_STRING, &legend_name, N_("Legend above the plot (top, default), inside it, or none"), N_("top|inside|none") },
    { "x-title", 0, 0, G_OPTION_ARG_STRING, &x_title, N_("Title under the x axis"), N_("TEXT") },
    { "y-title", 0, 0, G_OPTION_ARG_STRING, &y_title, N_("Title of the value axis, e.g. its unit"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("File to write; .png, .svg or .pdf; - for standard output (with --format)"), N_("FILE") },
    { "pack", 0, 0, G_OPTION_ARG_FILENAME, &pack, N_("Write a report pack into this folder: PNG, SVG, PDF, the data as CSV and a JSON file with the chart and its sources"), N_("DIR") },
    { "width", 'W', 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (default 1600)"), N_("W") },
    { "height", 'H', 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (default 900)"), N_("H") },
    { "scale", 's', 0, G_OPTION_ARG_DOUBLE, &scale, N_("Pixel density for PNG (default 1, 2 for HiDPI)"), N_("S") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("PNG resolution in dots per inch (96 is scale 1)"), N_("D") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name, N_("light (default) or dark"), N_("THEME") },
    { NULL }
  };

  context = g_option_context_new (NULL);
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

  if (!uc_cli_parse (context, "export", argc, argv, &args, &error))
    return uc_cli_usage_error ("export", error->message);
  if (g_strv_length (args) > 1)
    {
      g_autofree char *message = g_strdup_printf ("unexpected argument “%s”", args[1]);
      return uc_cli_usage_error ("export", message);
    }
  if (kind_name && !uc_chart_kind_from_string (kind_name, &kind))
    return uc_cli_usage_error ("export", "--kind must be line, step, area, scatter, bars or lanes");
  /* An event lane chart needs no data but its events. */
  events_only = kind_name && kind == UC_CHART_LANES && !view && !csv && !spec_path && events && !g_str_equal (events, "none");
  if ((view != NULL) + (csv != NULL) + (spec_path != NULL) != 1 && !events_only)
    return uc_cli_usage_error ("export", view || csv || spec_path ? "give one of --view, --csv and --spec"
                                                                   : "--view, --csv or --spec is required (or --kind lanes with --events)");
  if (csv && (x == NULL || (y == NULL) == (count_by == NULL)))
    return uc_cli_usage_error ("export", count_by ? "--count-by goes without --y" : "--csv needs --x and --y (or --count-by)");
  if (count_by && !g_strv_contains ((const char * const[]) { "week", "month", "quarter", NULL }, count_by))
    return uc_cli_usage_error ("export", "--count-by must be week, month or quarter");
  if ((chart_number != 0 || variant) && view == NULL)
    return uc_cli_usage_error ("export", chart_number != 0 ? "--chart goes with --view" : "--variant goes with --view");
  if (view && (x || y || group || point_label))
    return uc_cli_usage_error ("export", "--x, --y, --group and --label go with --csv");
  if (point_label && count_by)
    return uc_cli_usage_error ("export", "--label goes without --count-by");
  if ((output == NULL) == (pack == NULL))
    return uc_cli_usage_error ("export", output ? "give --output or --pack, not both" : "--output or --pack is required");
  if ((width != 0 && (width < 16 || width > 32768)) || (height != 0 && (height < 16 || height > 32768)))
    return uc_cli_usage_error ("export", "--width and --height must be between 16 and 32768");
  if (dpi != 0 && (dpi < 24 || dpi > 2400))
    return uc_cli_usage_error ("export", "--dpi must be between 24 and 2400");
  if (dpi != 0)
    scale = dpi / 96.0;
  if (scale != 0 && !(scale >= 0.25 && scale <= 25))
    return uc_cli_usage_error ("export", "--scale must be between 0.25 and 25");
  if (from_text && !parse_date_arg (from_text, &from) && !parse_x_arg (from_text, UC_X_NUMBER, &from))
    return uc_cli_usage_error ("export", "--from takes a date like 2025-01-27 (a number on a number axis)");
  if (to_text && !parse_date_arg (to_text, &to) && !parse_x_arg (to_text, UC_X_NUMBER, &to))
    return uc_cli_usage_error ("export", "--to takes a date like 2025-03-31 (a number on a number axis)");
  if (rebase_text && !parse_date_arg (rebase_text, &rebase))
    return uc_cli_usage_error ("export", "--rebase takes a date like 2025-01-24");
  if (from_text && to_text && parse_date_arg (from_text, &from) && parse_date_arg (to_text, &to) && to <= from)
    return uc_cli_usage_error ("export", "--to must be after --from");
  if (legend_name && !uc_legend_position_from_string (legend_name, &legend))
    return uc_cli_usage_error ("export", "--legend must be top, inside or none");
  if (stacked && kind != UC_CHART_AREA && kind != UC_CHART_BARS && !(count_by && kind_name == NULL))
    return uc_cli_usage_error ("export", "--stacked goes with --kind area or bars");
  if (format_name)
    {
      if (!g_strv_contains ((const char * const[]) { "png", "svg", "pdf", NULL }, format_name))
        return uc_cli_usage_error ("export", "--format must be png, svg or pdf");
      if (pack)
        return uc_cli_usage_error ("export", "--format goes with --output (a pack holds every format)");
      format = g_str_equal (format_name, "png") ? UC_EXPORT_PNG : g_str_equal (format_name, "svg") ? UC_EXPORT_SVG : UC_EXPORT_PDF;
    }
  else if (output && g_str_equal (output, "-"))
    return uc_cli_usage_error ("export", "--output - (standard output) needs --format png, svg or pdf");
  else if (output && !uc_export_format_from_path (output, &format, &error))
    return uc_cli_usage_error ("export", error->message);
  /* Binary output would garble the terminal. */
  if (output && g_str_equal (output, "-") && format != UC_EXPORT_SVG && isatty (STDOUT_FILENO))
    return uc_cli_usage_error ("export", "--output -: standard output is a terminal; redirect it, or give a file");
  if (value_format_name && !uc_value_format_from_string (value_format_name, &value_format))
    return uc_cli_usage_error ("export", "--value-format must be number, money, percent, index or per-mtok");

  if (theme_name == NULL || g_str_equal (theme_name, "light"))
    theme = uc_chart_theme_light ();
  else if (g_str_equal (theme_name, "dark"))
    theme = uc_chart_theme_dark ();
  else
    return uc_cli_usage_error ("export", "--theme must be light or dark");

  timing (NULL);
  if (spec_path)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (spec_path);

      int pack_width, pack_height;
      double pack_scale;

      spec = uc_chart_spec_new_from_pack (file, &pack_width, &pack_height, &pack_scale, &error);
      if (spec && (width == 0 && height == 0))
        {
          width = pack_width;
          height = pack_height;
        }
      if (spec && scale == 0)
        scale = pack_scale;
    }
  else if (events_only)
    spec = spec_from_events (events, &error);
  else if (view)
    {
      loaded_view = uc_view_load (view, &error);
      if (loaded_view && variant && !uc_view_set_variant (loaded_view, variant, &error))
        return uc_cli_usage_error ("export", error->message);
      if (loaded_view && chart_number != 0 &&
          (chart_number < 1 || (guint) chart_number > uc_view_get_n_charts (loaded_view)))
        {
          g_autofree char *message = g_strdup_printf ("--chart: the view “%s” has %u chart%s", view,
                                                      uc_view_get_n_charts (loaded_view),
                                                      uc_view_get_n_charts (loaded_view) == 1 ? "" : "s");
          return uc_cli_usage_error ("export", message);
        }
      if (loaded_view)
        {
          UcTime a, b;

          /* On the first chart's days, as the window shows every chart. */
          spec = uc_chart_spec_copy (uc_view_get_chart (loaded_view, chart_number > 0 ? (guint) chart_number - 1 : 0));
          if (uc_chart_spec_get_x_kind (spec) == UC_X_TIME && view_time_range (loaded_view, &a, &b))
            uc_chart_spec_set_range (spec, a, b);
        }
    }
  else
    spec = spec_from_csv (csv, x, y, group, point_label, count_by, pack != NULL, &error);
  timing ("chart built");
  if (width == 0)
    width = 1600;
  if (height == 0)
    height = 900;
  if (scale == 0)
    scale = 1.0;
  /* The options were checked above: only a pack's own size can be off. */
  if (width < 16 || width > 32768 || height < 16 || height > 32768 || !(scale >= 0.25 && scale <= 25))
    {
      g_printerr ("undercut export: %s: the chart's width, height or scale is out of range\n", spec_path);
      return UC_EXIT_FAILURE;
    }
  if (spec == NULL)
    {
      if (g_error_matches (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN))
        return uc_cli_usage_error ("export", error->message);
      g_printerr ("undercut export: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }

  /* A view of several charts is drawn whole, as the window shows it;
   * options that fit one chart only then need --chart. */
  if (loaded_view && chart_number == 0 && uc_view_get_n_charts (loaded_view) > 1)
    {
      UcTime first_from, first_to;

      if (right || event_change || title || x_title || y_title || legend_name || kind_name || stacked ||
          value_format_name || pack)
        {
          g_autofree char *message = g_strdup_printf ("the view “%s” has %u charts: --right, --event-change, --title, "
                                                      "--x-title, --y-title, --legend, --kind, --stacked, "
                                                      "--value-format and --pack take one, named by --chart N",
                                                      view, uc_view_get_n_charts (loaded_view));
          return uc_cli_usage_error ("export", message);
        }
      /* On one stretch of time, the first chart's, as in the window; a
       * chart on a number axis keeps its own. */
      gboolean timed = view_time_range (loaded_view, &first_from, &first_to);

      for (guint c = 0; c < uc_view_get_n_charts (loaded_view); c++)
        {
          UcChartSpec *copy = uc_chart_spec_copy (uc_view_get_chart (loaded_view, c));

          if (timed && uc_chart_spec_get_x_kind (copy) == UC_X_TIME)
            uc_chart_spec_set_range (copy, first_from, first_to);
          g_ptr_array_add (charts, copy);
        }
    }
  else
    g_ptr_array_add (charts, g_object_ref (spec));

  /* The options asked for, applied to each chart as the view reader and
   * the window apply theirs. */
  options.where_it_fits = charts->len > 1;
  if (right)
    {
      options.right = g_strsplit (right, ",", -1);
      for (guint i = 0; options.right[i] != NULL; i++)
        g_strstrip (options.right[i]);
    }
  if (rebase_text)
    {
      options.value_mode = UC_VALUE_MODE_REBASED;
      options.base = rebase;
    }
  /* A view's own events are replaced, not doubled. */
  if (events && !g_str_equal (events, view ? "builtin" : "none"))
    {
      options.replace_events = TRUE;
      if (!g_str_equal (events, "none") && (options.events = load_events (events, &options.events_source, &error)) == NULL)
        {
          g_printerr ("undercut export: %s\n", error->message);
          return UC_EXIT_FAILURE;
        }
    }
  options.change_series = g_strdup (event_change);
  if (change_categories)
    {
      options.change_categories = g_strsplit (change_categories, ",", -1);
      for (guint i = 0; options.change_categories[i] != NULL; i++)
        {
          g_strstrip (options.change_categories[i]);
          if (uc_event_category_from_string (options.change_categories[i]) == UC_EVENT_OTHER &&
              !g_str_equal (options.change_categories[i], "other"))
            {
              g_autofree char *message = g_strdup_printf ("--event-change-categories: no category “%s”",
                                                          options.change_categories[i]);
              return uc_cli_usage_error ("export", message);
            }
        }
    }
  options.log_scale = log_scale ? 1 : -1;
  options.kind = kind_name ? (int) kind : -1;
  options.stacked = stacked ? 1 : -1;
  options.legend = legend_name ? (int) legend : -1;
  options.value_format = value_format_name ? (int) value_format : -1;
  options.title = g_strdup (title);
  options.x_title = g_strdup (x_title);
  options.y_title = g_strdup (y_title);

  for (guint c = 0; c < charts->len; c++)
    {
      g_set_object (&spec, g_ptr_array_index (charts, c));
      if (charts->len == 1)
        {
          g_autofree char *refused = number_axis_refuses (spec, rebase_text,
                                                          events && !g_str_equal (events, view ? "builtin" : "none"),
                                                          event_change, kind_name && kind == UC_CHART_LANES);

          if (refused)
            return uc_cli_usage_error ("export", refused);
        }
      if (from_text || to_text)
        {
          UcXKind x_kind = uc_chart_spec_get_x_kind (spec);
          UcTime a, b;
          gboolean fits;

          /* Dates go to time charts, numbers to number axes; in a whole
           * view, each chart takes what fits its axis. */
          uc_chart_spec_get_range (spec, &a, &b);
          fits = (!from_text || parse_x_arg (from_text, x_kind, &a)) && (!to_text || parse_x_arg (to_text, x_kind, &b));
          if (!fits && charts->len == 1)
            return uc_cli_usage_error ("export", x_kind == UC_X_NUMBER
                                                 ? "--from and --to take numbers on this chart's number axis, like --from=-10"
                                                 : "--from and --to take dates like 2025-01-27");
          if (fits && b <= a)
            return uc_cli_usage_error ("export", "the range from --from to --to is empty for this chart");
          options.has_range = fits;
          options.from = a;
          options.to = b;
        }
      {
        UcChartSpec *applied = uc_chart_options_apply (&options, spec, &error);

        if (applied == NULL && error->domain == UC_CHART_OPTIONS_ERROR)
          {
            g_autofree char *message = g_strdup_printf ("%s: %s", error->code == UC_CHART_OPTIONS_ERROR_RIGHT
                                                                  ? "--right" : "--event-change", error->message);
            return uc_cli_usage_error ("export", message);
          }
        if (applied == NULL)
          {
            g_printerr ("undercut export: %s\n", error->message);
            return UC_EXIT_FAILURE;
          }
        g_set_object (&spec, applied);
        g_object_unref (applied);
      }
      g_object_unref (g_ptr_array_index (charts, c));
      g_ptr_array_index (charts, c) = g_object_ref (spec);
    }


  {
    g_autofree int *heights = g_new (int, charts->len);
    gboolean written;

    if (charts->len > 1)
      uc_view_split_height (loaded_view, height, heights);
    else
      heights[0] = height;
    if (pack)
      written = uc_export_pack (spec, theme, pack, width, height, scale, &error);
    else if (g_str_equal (output, "-"))
      written = uc_export_charts_to_fd ((UcChartSpec **) charts->pdata, NULL, heights, charts->len, theme, STDOUT_FILENO,
                                        "standard output", format, width, scale, &error);
    else
      written = uc_export_charts ((UcChartSpec **) charts->pdata, NULL, heights, charts->len, theme, output, format, width,
                                  scale, &error);
    if (!written)
      {
        g_printerr ("undercut export: %s\n", error->message);
        return UC_EXIT_FAILURE;
      }
  }
  /* What the charts leave out (values past the range of a number), one
   * line each; the image is made all the same. */
  for (guint c = 0; c < charts->len; c++)
    {
      g_auto(GStrv) warnings = uc_chart_spec_collect_warnings (g_ptr_array_index (charts, c));

      for (guint i = 0; warnings[i] != NULL; i++)
        g_printerr ("undercut export: %s\n", warnings[i]);
    }
  timing ("written");
  return UC_EXIT_OK;
}
