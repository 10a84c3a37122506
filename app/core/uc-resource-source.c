/* uc-resource-source.c: a dataset compiled into Undercut
 *
 * Its bytes are in the binary (GResource), at the path its "location"
 * (resource:///…) names, so it reads offline and never fails but for a
 * broken build. What is known of its origin comes from sources.json; see
 * UcCatalog.
 */
#include "config.h"

#include "uc-resource-source.h"

#include <string.h>

struct _UcResourceSource
{
  UcSource parent_instance;
};

G_DEFINE_FINAL_TYPE (UcResourceSource, uc_resource_source, UC_TYPE_SOURCE)

static UcDataset *
uc_resource_source_read (UcSource            *source,
                         const UcCsvOptions  *options,
                         GCancellable        *cancellable,
                         UcCsvReport        **report,
                         GError             **error)
{
  const char *location = uc_source_get_location (source);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = uc_source_dup_file_name (source);

  g_return_val_if_fail (g_str_has_prefix (location, "resource://"), NULL);
  bytes = g_resources_lookup_data (location + strlen ("resource://"), G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return uc_csv_read_bytes (bytes, name, options, report, error);
}

static void
uc_resource_source_class_init (UcResourceSourceClass *klass)
{
  UC_SOURCE_CLASS (klass)->read = uc_resource_source_read;
}

static void
uc_resource_source_init (UcResourceSource *self)
{
}
