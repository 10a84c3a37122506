/* uc-source.h: where a dataset comes from, and reading it
 *
 * A source is one table of data with what is known of its origin: an id,
 * a title, who publishes it, under what licence, where (a URL), when it
 * was retrieved and the last date its data covers. Subclasses say where
 * the bytes are: compiled in (UcResourceSource), a file of the user's
 * (UcFileSource); a download and its mirror are to come. Loading runs on a
 * worker thread and is done once: the table is kept (it is immutable).
 */
#pragma once

#include <gio/gio.h>

#include "uc-chart-spec.h"
#include "uc-csv.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

#define UC_TYPE_SOURCE (uc_source_get_type ())
G_DECLARE_DERIVABLE_TYPE (UcSource, uc_source, UC, SOURCE, GObject)

struct _UcSourceClass
{
  GObjectClass parent_class;

  /* Reads the table, blocking: called on a worker thread by
   * uc_source_load_async(), or on the caller's by uc_source_read(). */
  UcDataset *(*read) (UcSource            *self,
                      const UcCsvOptions  *options,
                      GCancellable        *cancellable,
                      UcCsvReport        **report,
                      GError             **error);

  gpointer padding[8];
};

const char *uc_source_get_id        (UcSource *self);
const char *uc_source_get_title     (UcSource *self);
const char *uc_source_get_publisher (UcSource *self);
const char *uc_source_get_licence   (UcSource *self);
const char *uc_source_get_url       (UcSource *self);
const char *uc_source_get_retrieved (UcSource *self);
const char *uc_source_get_modified  (UcSource *self);
const char *uc_source_get_last_date (UcSource *self);
const char *uc_source_get_location  (UcSource *self);
char       *uc_source_dup_file_name (UcSource *self) G_GNUC_WARN_UNUSED_RESULT;

UcDataset  *uc_source_read          (UcSource            *self,
                                     const UcCsvOptions  *options,
                                     GCancellable        *cancellable,
                                     UcCsvReport        **report,
                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    uc_source_is_loaded     (UcSource            *self);
UcDataset  *uc_source_load          (UcSource            *self,
                                     GCancellable        *cancellable,
                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void        uc_source_load_async    (UcSource            *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
UcDataset  *uc_source_load_finish   (UcSource            *self,
                                     GAsyncResult        *result,
                                     GError             **error) G_GNUC_WARN_UNUSED_RESULT;

void        uc_source_cite          (UcSource            *self,
                                     UcChartSpec         *spec);
char       *uc_source_dup_credit    (UcSource            *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
