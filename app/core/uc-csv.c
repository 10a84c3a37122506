/* uc-csv.c: the CSV reader's options, report and error domain, and a file
 * read on a worker thread
 *
 * The reading itself is in uc-csv-read.c and the files it names; this one
 * needs none of their internals.
 */
#include "uc-csv.h"

#include <string.h>

G_DEFINE_QUARK (uc-csv-error-quark, uc_csv_error)

void
uc_csv_options_init (UcCsvOptions *options)
{
  memset (options, 0, sizeof *options);
}

/* The thousands separator as the command line and the stored options
 * write it: ",", ".", "'", "space" or "none"; NULL for 0 (detect). */
const char *
uc_csv_thousands_to_string (char thousands)
{
  switch (thousands)
    {
    case ',': return ",";
    case '.': return ".";
    case '\'': return "'";
    case ' ': return "space";
    case UC_CSV_NO_THOUSANDS: return "none";
    default: return NULL;
    }
}

/* The reverse; " " is a space too. FALSE for anything else. */
gboolean
uc_csv_thousands_from_string (const char *text,
                              char       *thousands)
{
  if (text == NULL)
    return FALSE;
  if (g_str_equal (text, ",") || g_str_equal (text, ".") || g_str_equal (text, "'"))
    *thousands = text[0];
  else if (g_str_equal (text, "space") || g_str_equal (text, " "))
    *thousands = ' ';
  else if (g_str_equal (text, "none"))
    *thousands = UC_CSV_NO_THOUSANDS;
  else
    return FALSE;
  return TRUE;
}

void
uc_csv_report_free (UcCsvReport *report)
{
  if (report == NULL)
    return;
  g_free (report->delimiter);
  g_free (report->encoding);
  g_clear_pointer (&report->formats, g_ptr_array_unref);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_clear_pointer (&report->cells, g_array_unref);
  g_free (report);
}

typedef struct
{
  GFile        *file;
  UcCsvOptions  options;
  char         *encoding;
  char         *date_format;
  UcCsvReport  *report;
} ReadTask;

static void
read_task_free (gpointer data)
{
  ReadTask *rt = data;

  g_clear_object (&rt->file);
  g_free (rt->encoding);
  g_free (rt->date_format);
  uc_csv_report_free (rt->report);
  g_free (rt);
}

static void
read_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ReadTask *rt = task_data;
  GError *error = NULL;
  UcDataset *dataset = uc_csv_read_file (rt->file, &rt->options, NULL, NULL, cancellable, &rt->report, &error);

  if (dataset)
    g_task_return_pointer (task, dataset, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
uc_csv_read_file_async (GFile               *file,
                        const UcCsvOptions  *options,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadTask *rt = g_new0 (ReadTask, 1);

  rt->file = g_object_ref (file);
  if (options)
    rt->options = *options;
  rt->encoding = g_strdup (rt->options.encoding);
  rt->date_format = g_strdup (rt->options.date_format);
  rt->options.encoding = rt->encoding;
  rt->options.date_format = rt->date_format;
  g_task_set_source_tag (task, uc_csv_read_file_async);
  g_task_set_task_data (task, rt, read_task_free);
  g_task_run_in_thread (task, read_in_thread);
}

UcDataset *
uc_csv_read_file_finish (GAsyncResult  *result,
                         UcCsvReport  **report,
                         GError       **error)
{
  GTask *task = G_TASK (result);
  ReadTask *rt = g_task_get_task_data (task);
  UcDataset *dataset = g_task_propagate_pointer (task, error);

  if (dataset && report)
    *report = g_steal_pointer (&rt->report);
  return dataset;
}
