/* uc-cli-input.c: what the command line charts from the user's files
 *
 * A CSV file read once (hashed as it is read, for a pack), a chart of its
 * columns, and a table of events, built-in or the user's.
 */
#include "config.h"

#include "uc-cli-input.h"
#include "uc-export.h"

#include <glib/gi18n.h>

#include "uc-catalog.h"
#include "uc-cli.h"
#include "uc-dataset-charts.h"
#include "uc-file-source.h"
#include "uc-hashing-stream.h"
#include "uc-transform.h"
#include "uc-view-error.h"

#define MAX_READ_WARNINGS 5

/* A CSV file read once: a regular file by the reader's own fast path, or
 * (when its SHA-256 is wanted, or it is a pipe) as a stream, hashed as it
 * is read. Opening a FIFO twice would wait for a second writer forever. */
UcDataset *
uc_cli_read_csv (GFile               *file,
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
  hashing = uc_hashing_stream_new (G_INPUT_STREAM (in));
  name = g_file_get_parse_name (file);
  ds = uc_csv_read_stream (G_INPUT_STREAM (hashing), name, options, NULL, report, error);
  if (ds && sha256)
    *sha256 = g_strdup (uc_hashing_stream_get_sha256 (hashing));
  return ds;
}

/* The cells the reader doubted, said with the image as inspect says
 * them: the first few, then how many more. */
static void
add_read_warnings (UcChartSpec *spec,
                   GFile       *file,
                   const char  *path,
                   UcCsvReport *report)
{
  g_autofree char *name = NULL;
  guint shown;

  if (report == NULL || report->n_warnings == 0)
    return;
  name = g_file_get_parse_name (file);
  shown = MIN (report->warnings->len, MAX_READ_WARNINGS);
  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *warning = g_strdup_printf ("%s: %s", name, (const char *) g_ptr_array_index (report->warnings, i));

      uc_chart_spec_add_warning (spec, warning);
    }
  if (report->n_warnings > shown)
    {
      guint n_more = report->n_warnings - shown;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: the first %s is a file's name, %u how many
                                                             * more warnings, the second %s the file's name as typed
                                                             * on the command line. */
                                                            "%s: %u more warning; “undercut inspect %s” lists them",
                                                            "%s: %u more warnings; “undercut inspect %s” lists them",
                                                            n_more), name, n_more, path);

      uc_chart_spec_add_warning (spec, more);
    }
}

/* A chart of the user's own CSV file, from --csv, --x, --y and --group;
 * with @hash, its provenance carries the SHA-256 of the bytes read. */
UcChartSpec *
uc_cli_spec_from_csv (const char  *path,
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
  ds = uc_cli_read_csv (file, &options, hash ? &sha256 : NULL, &report, error);

  uc_cli_timing ("csv read");
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
  add_read_warnings (spec, file, path, report);
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
UcDataset *
uc_cli_load_events (const char  *events,
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
  return uc_cli_read_csv (file, NULL, NULL, NULL, error);
}

/* An event lane chart of an events table alone: its range runs from the
 * first event to the last (span ends included), with a little room. */
UcChartSpec *
uc_cli_spec_from_events (const char  *events,
                         GError     **error)
{
  g_autoptr(UcDataset) table = uc_cli_load_events (events, NULL, error);
  g_autoptr(UcChartSpec) spec = NULL;
  UcTime lo = G_MAXINT64, hi = G_MININT64;
  int dc, ec;

  if (table == NULL)
    return NULL;
  dc = uc_dataset_find_column (table, "date");
  ec = uc_dataset_find_column (table, "end");
  if (dc < 0 || uc_dataset_get_column_type (table, dc) != UC_COLUMN_DATE)
    {
      /* Translators: %s is the name of a table of events; “date” is a column's name, not translated. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: expected a date column called “date”"),
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
      /* Translators: %s is the name of a table of events. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, _("%s: no dated events"), uc_dataset_get_name (table));
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

/* An embedded dataset, or the user's CSV file when a path is given. */
UcDataset *
uc_cli_load_table (const char  *path,
                   const char  *builtin,
                   GError     **error)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return uc_catalog_load (builtin, error);
  file = g_file_new_for_commandline_arg (path);
  return uc_cli_read_csv (file, NULL, NULL, NULL, error);
}

/* "NVDA, MSFT,AAPL" as its items, trimmed. */
GStrv
uc_cli_split_list (const char *text)
{
  GStrv parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    g_strstrip (parts[i]);
  return parts;
}

void
uc_cli_chart_out_clear (UcCliChartOut *out)
{
  g_clear_pointer (&out->output, g_free);
  g_clear_pointer (&out->pack, g_free);
  g_clear_pointer (&out->theme, g_free);
}

/* --theme, --width and --height, as a usage error (G_OPTION_ERROR). */
gboolean
uc_cli_chart_out_check (const UcCliChartOut  *out,
                        GError              **error)
{
  if (out->theme && g_strcmp0 (out->theme, "light") != 0 && g_strcmp0 (out->theme, "dark") != 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("--theme is light or dark"));
      return FALSE;
    }
  if (out->width < 16 || out->width > 20000 || out->height < 16 || out->height > 20000)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--width and --height are from 16 to 20000 pixels"));
      return FALSE;
    }
  return TRUE;
}

/* An analysis's chart into --output's file (its format from the
 * extension) and --pack's folder (PNG, SVG, PDF, data.csv and chart.json,
 * as `undercut export --pack` writes them), whichever are given. */
gboolean
uc_cli_chart_out_write (const UcCliChartOut  *out,
                        UcChartSpec          *spec,
                        GError              **error)
{
  const UcChartTheme *theme = g_strcmp0 (out->theme, "dark") == 0 ? uc_chart_theme_dark () : uc_chart_theme_light ();
  UcExportFormat format;

  if (out->output &&
      (!uc_export_format_from_path (out->output, &format, error) ||
       !uc_export_chart (spec, theme, out->output, format, out->width, out->height, 1, error)))
    return FALSE;
  return out->pack == NULL || uc_export_pack (spec, theme, out->pack, out->width, out->height, 1, error);
}
