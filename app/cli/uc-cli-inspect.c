/* uc-cli-inspect.c: "undercut inspect" and "undercut datasets"
 *
 * inspect shows what the reader decided about a file (dialect, encoding,
 * header row, a type per column) and what it doubted, so a user can check a
 * download before charting it, or script the check with --json.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "uc-catalog.h"
#include "uc-cli.h"
#include "uc-cli-text.h"
#include "uc-csv.h"
#include "uc-json-writer.h"

/* A terminal's worth: wider files are listed whole by --json. */
#define MAX_LISTED_COLUMNS 1000

/* Min and max of a column as text (numbers shortest, dates as written). */
static void
column_range (UcDataset  *ds,
              guint       column,
              char      **min_out,
              char      **max_out,
              double     *min_num,
              double     *max_num)
{
  guint n = uc_dataset_get_n_rows (ds);
  gint64 lo_row = -1, hi_row = -1;

  *min_num = NAN;
  *max_num = NAN;
  switch (uc_dataset_get_column_type (ds, column))
    {
    case UC_COLUMN_NUMBER:
      {
        const double *v = uc_dataset_get_numbers (ds, column);

        for (guint i = 0; i < n; i++)
          if (!isnan (v[i]))
            {
              if (lo_row < 0 || v[i] < v[lo_row])
                lo_row = i;
              if (hi_row < 0 || v[i] > v[hi_row])
                hi_row = i;
            }
        if (lo_row >= 0)
          {
            *min_num = v[lo_row];
            *max_num = v[hi_row];
          }
        break;
      }
    case UC_COLUMN_DATE:
    case UC_COLUMN_DATETIME:
      {
        const UcTime *v = uc_dataset_get_times (ds, column);

        for (guint i = 0; i < n; i++)
          if (v[i] != UC_TIME_MISSING)
            {
              if (lo_row < 0 || v[i] < v[lo_row])
                lo_row = i;
              if (hi_row < 0 || v[i] > v[hi_row])
                hi_row = i;
            }
        break;
      }
    case UC_COLUMN_TEXT:
    default:
      {
        UcStringTable *table = uc_dataset_get_string_table (ds, column);
        const char *lo = NULL, *hi = NULL;

        /* Over the distinct values only. */
        for (guint code = 1; code <= uc_string_table_size (table); code++)
          {
            const char *s = uc_string_table_get (table, code);

            if (lo == NULL || g_utf8_collate (s, lo) < 0)
              lo = s;
            if (hi == NULL || g_utf8_collate (s, hi) > 0)
              hi = s;
          }
        *min_out = g_strdup (lo);
        *max_out = g_strdup (hi);
        return;
      }
    }
  *min_out = lo_row >= 0 ? uc_dataset_format_cell (ds, column, lo_row) : NULL;
  *max_out = hi_row >= 0 ? uc_dataset_format_cell (ds, column, hi_row) : NULL;
}

static void
json_cell (UcJsonWriter *w,
           UcDataset    *ds,
           guint         column,
           guint         row)
{
  if (uc_dataset_is_missing (ds, column, row))
    uc_json_null (w);
  else if (uc_dataset_get_column_type (ds, column) == UC_COLUMN_NUMBER)
    uc_json_number (w, uc_dataset_get_numbers (ds, column)[row]);
  else
    {
      g_autofree char *text = uc_dataset_format_cell (ds, column, row);
      uc_json_string (w, text);
    }
}

static const char *
delimiter_name (const char *d)
{
  if (g_str_equal (d, "\t"))
    return C_("delimiter", "tab");
  return d;
}

static gboolean
parse_char_option (const char *value,
                   char       *out)
{
  if (value == NULL)
    return TRUE;
  if (g_str_equal (value, "tab") || g_str_equal (value, "\\t") || g_str_equal (value, "\t"))
    *out = '\t';
  else if (g_str_equal (value, "comma"))
    *out = ',';
  else if (g_str_equal (value, "semicolon"))
    *out = ';';
  else if (g_str_equal (value, "pipe"))
    *out = '|';
  else if (g_str_equal (value, "space"))
    *out = ' ';
  else if (strlen (value) == 1 && value[0] != '"' && value[0] != '\n' && value[0] != '\r' && (guchar) value[0] < 0x80)
    *out = value[0];
  else
    return FALSE;
  return TRUE;
}

typedef struct
{
  char    *dataset_id, *delimiter, *decimal, *thousands, *date_format, *encoding;
  GStrv    rows;
  gboolean json, strict;
  int      header_row;
  UcCsvOptions options;
} Inspect;

static void
inspect_clear (Inspect *in)
{
  g_clear_pointer (&in->dataset_id, g_free);
  g_clear_pointer (&in->delimiter, g_free);
  g_clear_pointer (&in->decimal, g_free);
  g_clear_pointer (&in->thousands, g_free);
  g_clear_pointer (&in->date_format, g_free);
  g_clear_pointer (&in->encoding, g_free);
  g_clear_pointer (&in->rows, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Inspect, inspect_clear)

static GOptionContext *
inspect_context (Inspect *in)
{
  GOptionEntry entries[] = {
    { "dataset", 0, 0, G_OPTION_ARG_STRING, &in->dataset_id, N_("Inspect an embedded dataset (see “undercut datasets”)"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &in->json, N_("Print one JSON object"), NULL },
    { "row", 0, 0, G_OPTION_ARG_STRING_ARRAY, &in->rows, N_("Also show data row N (0 is the first, −1 the last); repeatable"), N_("N") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &in->delimiter, N_("Field delimiter: a character, or tab, comma, semicolon, pipe"), N_("C") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &in->decimal, N_("Decimal mark: . or ,"), N_("C") },
    { "thousands", 0, 0, G_OPTION_ARG_STRING, &in->thousands, N_("Thousands separator: , . ' space or none"), N_("C") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &in->date_format, N_("Date format for date columns, e.g. %d/%m/%Y"), N_("FMT") },
    { "header-row", 0, 0, G_OPTION_ARG_INT, &in->header_row, N_("Line number of the header (1 is the first line)"), N_("N") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &in->encoding, N_("Text encoding, e.g. UTF-8, WINDOWS-1252, UTF-16"), N_("NAME") },
    { "strict", 0, 0, G_OPTION_ARG_NONE, &in->strict, N_("Treat ragged rows, stray quotes and bad header names as errors"), NULL },
    { NULL }
  };
  GOptionContext *context = g_option_context_new (_("[FILE]"));

  g_option_context_set_summary (context, _("Show how a CSV file is read: dialect, encoding, header row, and per column "
                                          "its type, missing values, minimum and maximum."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return context;
}

/* The reader's options from the command line's; -1 when they hold. */
static int
check_options (Inspect *in,
               GArray  *sample_rows)
{
  uc_csv_options_init (&in->options);
  if (!parse_char_option (in->delimiter, &in->options.delimiter))
    return uc_cli_usage_error ("inspect", _("--delimiter takes one character, or tab, comma, semicolon, pipe"));
  if (in->decimal && !(g_str_equal (in->decimal, ".") || g_str_equal (in->decimal, ",")))
    return uc_cli_usage_error ("inspect", _("--decimal takes . or ,"));
  if (in->decimal)
    in->options.decimal = in->decimal[0];
  if (in->thousands && !uc_csv_thousands_from_string (in->thousands, &in->options.thousands))
    return uc_cli_usage_error ("inspect", _("--thousands takes , . ' space or none"));
  if (in->options.thousands && in->options.thousands == in->options.decimal)
    return uc_cli_usage_error ("inspect", _("--thousands and --decimal name the same character"));
  if (in->header_row < 0)
    return uc_cli_usage_error ("inspect", _("--header-row takes a line number from 1"));
  in->options.header_row = (guint) in->header_row;
  in->options.encoding = in->encoding;
  in->options.date_format = in->date_format;
  in->options.strict = in->strict;
  for (guint i = 0; in->rows && in->rows[i]; i++)
    {
      char *end = NULL;
      gint64 n = g_ascii_strtoll (in->rows[i], &end, 10);

      if (end == in->rows[i] || *end != '\0')
        {
          /* Translators: %s is what was given to --row. */
          g_autofree char *message = g_strdup_printf (_("--row takes a whole number, not “%s”"), in->rows[i]);
          return uc_cli_usage_error ("inspect", message);
        }
      g_array_append_val (sample_rows, n);
    }
  return -1;
}

/* The embedded dataset or the file, read with the options. */
static UcDataset *
read_input (Inspect      *in,
            const char   *path,
            UcCsvReport **report,
            int          *status)
{
  g_autoptr(GError) error = NULL;
  UcDataset *ds;

  if (in->dataset_id)
    {
      UcSource *embedded = uc_catalog_find (uc_catalog_get_default (), in->dataset_id);

      if (embedded == NULL)
        {
          /* Translators: %s is the id given to --dataset. */
          g_autofree char *message = g_strdup_printf (_("no embedded dataset called “%s”"), in->dataset_id);

          *status = uc_cli_usage_error ("inspect", message);
          return NULL;
        }
      ds = uc_source_read (embedded, &in->options, NULL, report, &error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      ds = uc_csv_read_file (file, &in->options, NULL, NULL, NULL, report, &error);
    }
  if (ds == NULL && g_error_matches (error, UC_CSV_ERROR, UC_CSV_ERROR_OPTION))
    *status = uc_cli_usage_error ("inspect", error->message);
  else if (ds == NULL)
    {
      g_printerr ("undercut inspect: %s\n", error->message);
      *status = UC_EXIT_FAILURE;
    }
  return ds;
}

/* The rows to show: first, last, and any asked for, once each, with the
 * numbers they were asked by; -1 when all exist. */
static int
pick_rows (guint      n_rows,
           GArray    *sample_rows,
           GPtrArray *sample_keys)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first = 0, last = -1;

  g_array_append_val (wanted, first);
  g_array_append_val (wanted, last);
  g_array_append_vals (wanted, sample_rows->data, sample_rows->len);
  g_array_set_size (sample_rows, 0);
  for (guint i = 0; i < wanted->len; i++)
    {
      gint64 n = g_array_index (wanted, gint64, i);
      gint64 row = n < 0 ? (gint64) n_rows + n : n;
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, n);
      gboolean seen = FALSE;

      if (row < 0 || row >= (gint64) n_rows)
        {
          g_autofree char *message = NULL;

          if (i < 2)
            continue;
          /* Translators: the first number is what was given to --row, the second how many data rows the file has. */
          message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "--row %s: the file has %u data row",
                                                  "--row %s: the file has %u data rows", n_rows), key, n_rows);
          return uc_cli_usage_error ("inspect", message);
        }
      for (guint k = 0; k < sample_keys->len; k++)
        seen |= g_str_equal (g_ptr_array_index (sample_keys, k), key);
      if (!seen)
        {
          g_ptr_array_add (sample_keys, g_steal_pointer (&key));
          g_array_append_val (sample_rows, row);
        }
    }
  return -1;
}

static void
json_columns (UcJsonWriter *w,
              UcDataset    *ds,
              UcCsvReport  *report)
{
  uc_json_begin_array (w);
  for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
    {
      g_autofree char *lo = NULL, *hi = NULL;
      double lo_num, hi_num;
      gboolean numbers = uc_dataset_get_column_type (ds, c) == UC_COLUMN_NUMBER;

      column_range (ds, c, &lo, &hi, &lo_num, &hi_num);
      uc_json_begin_object (w);
      uc_json_key (w, "name"); uc_json_string (w, uc_dataset_get_column_name (ds, c));
      uc_json_key (w, "type"); uc_json_string (w, uc_column_type_to_string (uc_dataset_get_column_type (ds, c)));
      uc_json_key (w, "format"); uc_json_string (w, g_ptr_array_index (report->formats, c));
      uc_json_key (w, "unit"); uc_json_string (w, uc_dataset_get_column_unit (ds, c));
      uc_json_key (w, "missing"); uc_json_int (w, uc_dataset_count_missing (ds, c));
      uc_json_key (w, "min");
      if (numbers && !isnan (lo_num))
        uc_json_number (w, lo_num);
      else
        uc_json_string (w, lo);
      uc_json_key (w, "max");
      if (numbers && !isnan (hi_num))
        uc_json_number (w, hi_num);
      else
        uc_json_string (w, hi);
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
}

static void
print_json (const char  *source,
            UcDataset   *ds,
            UcCsvReport *report,
            GArray      *sample_rows,
            GPtrArray   *sample_keys)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (FALSE);
  g_autofree char *text = NULL;
  char decimal[2] = { report->decimal, 0 };

  uc_json_begin_object (w);
  uc_json_key (w, "source"); uc_json_string (w, source);
  uc_json_key (w, "delimiter"); uc_json_string (w, report->delimiter);
  uc_json_key (w, "decimal"); uc_json_string (w, decimal);
  uc_json_key (w, "encoding"); uc_json_string (w, report->encoding);
  uc_json_key (w, "line_ending"); uc_json_string (w, report->line_ending);
  uc_json_key (w, "header_row"); uc_json_int (w, report->header_row);
  uc_json_key (w, "rows"); uc_json_int (w, uc_dataset_get_n_rows (ds));
  uc_json_key (w, "thousands");
  if (report->thousands)
    uc_json_string (w, uc_csv_thousands_to_string (report->thousands));
  else
    uc_json_null (w);
  uc_json_key (w, "columns");
  json_columns (w, ds, report);
  uc_json_key (w, "warnings");
  uc_json_begin_array (w);
  for (guint i = 0; i < report->warnings->len; i++)
    uc_json_string (w, g_ptr_array_index (report->warnings, i));
  uc_json_end_array (w);
  uc_json_key (w, "warning_count"); uc_json_int (w, report->n_warnings);
  uc_json_key (w, "sample");
  uc_json_begin_object (w);
  for (guint i = 0; i < sample_keys->len; i++)
    {
      guint row = (guint) g_array_index (sample_rows, gint64, i);

      uc_json_key (w, g_ptr_array_index (sample_keys, i));
      uc_json_begin_array (w);
      for (guint c = 0; c < uc_dataset_get_n_columns (ds); c++)
        json_cell (w, ds, c, row);
      uc_json_end_array (w);
    }
  uc_json_end_object (w);
  uc_json_end_object (w);
  text = uc_json_writer_steal (w);
  g_print ("%s\n", text);
}

/* Lines are gathered and printed a block at a time: a file can have a
 * million columns. */
static void
flush_if_full (GString *out)
{
  if (out->len > (1 << 20))
    {
      g_print ("%s", out->str);
      g_string_truncate (out, 0);
    }
}

static void
text_columns (GString     *out,
              UcDataset   *ds,
              UcCsvReport *report,
              guint        n_listed)
{
  for (guint c = 0; c < n_listed; c++)
    {
      g_autofree char *lo = NULL, *hi = NULL;
      g_autofree char *lo_text = NULL, *hi_text = NULL, *name = NULL;
      double lo_num, hi_num;

      column_range (ds, c, &lo, &hi, &lo_num, &hi_num);
      lo_text = !isnan (lo_num) ? uc_format_double_shortest (lo_num) : uc_cli_clip (lo ? lo : "–", 60);
      hi_text = !isnan (hi_num) ? uc_format_double_shortest (hi_num) : uc_cli_clip (hi ? hi : "–", 60);
      name = uc_cli_clip (uc_dataset_get_column_name (ds, c), 60);
      g_string_append_printf (out, "  %-3u %-24s %-9s %-28s %8u  %-22s %s\n", c + 1, name,
                              uc_column_type_to_string (uc_dataset_get_column_type (ds, c)),
                              (const char *) g_ptr_array_index (report->formats, c),
                              uc_dataset_count_missing (ds, c), lo_text, hi_text);
      flush_if_full (out);
    }
}

static void
text_rows (GString   *out,
           UcDataset *ds,
           guint      n_listed,
           GArray    *sample_rows,
           GPtrArray *sample_keys)
{
  for (guint i = 0; i < sample_keys->len; i++)
    {
      guint row = (guint) g_array_index (sample_rows, gint64, i);

      /* Translators: %s is a row's number as asked for by --row (1, -1…), followed by the row's cells. */
      g_string_append_printf (out, _("  row %s:"), (const char *) g_ptr_array_index (sample_keys, i));
      for (guint c = 0; c < n_listed; c++)
        {
          g_autofree char *cell = uc_dataset_format_cell (ds, c, row);
          g_autofree char *shown = uc_cli_clip (cell ? cell : _("(missing)"), 40);

          if (c)
            g_string_append_c (out, ',');
          g_string_append_c (out, ' ');
          g_string_append (out, shown);
          flush_if_full (out);
        }
      if (n_listed < uc_dataset_get_n_columns (ds))
        g_string_append (out, ", …");
      g_string_append_c (out, '\n');
    }
}

/* Names and cells come from the file: escaped (g_print's handler does
 * that too) and clipped to a readable width. */
static void
print_text (const char  *source,
            UcDataset   *ds,
            UcCsvReport *report,
            GArray      *sample_rows,
            GPtrArray   *sample_keys)
{
  g_autoptr(GString) out = g_string_sized_new (1 << 20);
  guint n_columns = uc_dataset_get_n_columns (ds);
  guint n_listed = MIN (n_columns, MAX_LISTED_COLUMNS);

  g_print ("%s\n", source);
  /* Translators: how a CSV file was read: its encoding (UTF-8…), its delimiter (“,” or “tab”), its decimal
   * mark, its line endings (LF, CRLF or CR) and the line its header is on. */
  g_print (_("  encoding %s, delimiter “%s”, decimal mark “%c”, %s line endings, header on line %u\n"),
           report->encoding, delimiter_name (report->delimiter), report->decimal, report->line_ending, report->header_row);
  if (report->thousands == ' ')
    g_print (_("  thousands grouped with spaces\n"));
  else if (report->thousands)
    /* Translators: %c is the character that groups thousands: “,” “.” or “'”. */
    g_print (_("  thousands grouped with “%c”\n"), report->thousands);
  {
    guint n_rows = uc_dataset_get_n_rows (ds);
    g_autofree char *rows = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n_rows), n_rows);
    g_autofree char *columns = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u column", "%u columns", n_columns),
                                                n_columns);

    /* Translators: the file's size, e.g. “11 rows, 6 columns”. */
    g_print (_("  %s, %s\n\n"), rows, columns);
  }
  /* Translators: the headings of the table of a file's columns; keep each within its width. */
  g_print ("  %-3s %-24s %-9s %-28s %8s  %-22s %s\n", "#", C_("inspect heading", "column"),
           C_("inspect heading", "type"), C_("inspect heading", "format"), C_("inspect heading", "missing"),
           C_("inspect heading", "min"), C_("inspect heading", "max"));
  text_columns (out, ds, report, n_listed);
  if (n_listed < n_columns)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  … and %u more column (--json lists them all)\n",
                                              "  … and %u more columns (--json lists them all)\n", n_columns - n_listed),
                            n_columns - n_listed);
  g_string_append_c (out, '\n');
  text_rows (out, ds, n_listed, sample_rows, sample_keys);
  g_print ("%s", out->str);
  if (report->n_warnings == 0)
    return;
  if (report->warnings->len < report->n_warnings)
    /* Translators: how many warnings the reader gave, then how many of them follow. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "\n  %u warning (first %u shown):\n", "\n  %u warnings (first %u shown):\n",
                          report->n_warnings), report->n_warnings, report->warnings->len);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "\n  %u warning:\n", "\n  %u warnings:\n", report->n_warnings),
             report->n_warnings);
  for (guint i = 0; i < report->warnings->len; i++)
    {
      g_autofree char *warning = uc_cli_escape (g_ptr_array_index (report->warnings, i), -1, FALSE);

      g_print ("    %s\n", warning);
    }
}

int
uc_cli_inspect (int    argc,
                char **argv)
{
  g_auto(Inspect) in = { 0 };
  g_autoptr(GOptionContext) context = inspect_context (&in);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcCsvReport) report = NULL;
  g_autoptr(UcDataset) ds = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(GArray) sample_rows = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) sample_keys = g_ptr_array_new_with_free_func (g_free);
  int status = -1;

  if (!uc_cli_parse (context, "inspect", argc, argv, &args, &error))
    return uc_cli_usage_error ("inspect", error->message);
  if ((in.dataset_id == NULL) == (g_strv_length (args) != 2))
    return uc_cli_usage_error ("inspect", g_strv_length (args) > 2 ? _("give one file")
                                                                   : _("give a file or --dataset ID, not both"));
  if ((status = check_options (&in, sample_rows)) >= 0 ||
      (ds = read_input (&in, args[1], &report, &status)) == NULL ||
      (status = pick_rows (uc_dataset_get_n_rows (ds), sample_rows, sample_keys)) >= 0)
    return status;
  if (in.json)
    print_json (in.dataset_id ? in.dataset_id : args[1], ds, report, sample_rows, sample_keys);
  else
    print_text (in.dataset_id ? in.dataset_id : args[1], ds, report, sample_rows, sample_keys);
  return UC_EXIT_OK;
}

int
uc_cli_datasets (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcJsonWriter) w = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  UcCatalog *catalog = uc_catalog_get_default ();
  GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("List the datasets embedded in Undercut."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "datasets", argc, argv, &args, &error))
    return uc_cli_usage_error ("datasets", error->message);
  if (g_strv_length (args) > 1)
    return uc_cli_usage_error ("datasets", _("takes no arguments"));

  w = uc_json_writer_new (FALSE);
  uc_json_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (catalog)); i++)
    {
      g_autoptr(UcSource) source = g_list_model_get_item (G_LIST_MODEL (catalog), i);
      g_autoptr(UcDataset) ds = uc_source_load (source, NULL, &error);
      g_autofree char *first = NULL, *last = NULL;
      int date = ds ? uc_dataset_find_column (ds, "date") : -1;
      /* Shown to people in their language; --json keeps the title as listed. */
      const char *title = uc_source_get_title (source) && *uc_source_get_title (source)
                          ? _(uc_source_get_title (source)) : "";

      if (ds == NULL)
        {
          g_printerr ("undercut datasets: %s\n", error->message);
          return UC_EXIT_FAILURE;
        }
      if (date >= 0)
        {
          double a, b;
          column_range (ds, date, &first, &last, &a, &b);
        }
      if (json)
        {
          uc_json_begin_object (w);
          uc_json_key (w, "id"); uc_json_string (w, uc_source_get_id (source));
          uc_json_key (w, "title"); uc_json_string (w, uc_source_get_title (source));
          uc_json_key (w, "rows"); uc_json_int (w, uc_dataset_get_n_rows (ds));
          uc_json_key (w, "columns"); uc_json_int (w, uc_dataset_get_n_columns (ds));
          uc_json_key (w, "from"); uc_json_string (w, first);
          uc_json_key (w, "to"); uc_json_string (w, last);
          uc_json_key (w, "source"); uc_json_string (w, uc_source_get_publisher (source));
          uc_json_key (w, "licence"); uc_json_string (w, uc_source_get_licence (source));
          uc_json_key (w, "url"); uc_json_string (w, uc_source_get_url (source));
          uc_json_key (w, "retrieved"); uc_json_string (w, uc_source_get_retrieved (source));
          uc_json_end_object (w);
        }
      else
        /* Translators: a dataset's id, its number of rows, its first and last dates, its title; on the next line,
         * after 15 spaces (the empty %15s), its publisher. */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%-15s %6u row  %s → %s  %s\n%15s source: %s\n",
                              "%-15s %6u rows  %s → %s  %s\n%15s source: %s\n", uc_dataset_get_n_rows (ds)),
                 uc_source_get_id (source), uc_dataset_get_n_rows (ds),
                 first ? first : "?", last ? last : "?", title, "", uc_source_get_publisher (source));
    }
  uc_json_end_array (w);
  if (json)
    {
      g_autofree char *text = uc_json_writer_steal (w);
      g_print ("%s\n", text);
    }
  return UC_EXIT_OK;
}
