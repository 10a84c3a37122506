/* uc-refreshed-source.c: a dataset compiled in, extended by refreshes
 *
 * Its rows are the embedded snapshot's and those sources added (written
 * by the net layer into the datasets folder, beside a sidecar that says
 * what it rests on). A refreshed copy that cannot be read is not a
 * reason to show nothing: the compiled snapshot ("snapshot", a
 * resource:// location) is read instead, and the reason logged.
 */
#include "config.h"

#include "uc-refreshed-source.h"

#include <string.h>

struct _UcRefreshedSource
{
  UcSource  parent_instance;

  char     *snapshot;   /* resource:// of the compiled copy */
  char     *refreshed_from;   /* "models.dev, OpenRouter" */
};

G_DEFINE_FINAL_TYPE (UcRefreshedSource, uc_refreshed_source, UC_TYPE_SOURCE)

enum
{
  PROP_0,
  PROP_SNAPSHOT,
  PROP_REFRESHED_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static UcDataset *
uc_refreshed_source_read (UcSource            *source,
                          const UcCsvOptions  *options,
                          GCancellable        *cancellable,
                          UcCsvReport        **report,
                          GError             **error)
{
  UcRefreshedSource *self = UC_REFRESHED_SOURCE (source);
  g_autoptr(GFile) file = g_file_new_for_path (uc_source_get_location (source));
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  UcDataset *table = uc_csv_read_file (file, options, NULL, NULL, cancellable, report, &local);

  if (table || self->snapshot == NULL || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      return table;
    }
  g_message ("%s: %s; showing the embedded snapshot", uc_source_get_id (source), local->message);
  if (report)
    g_clear_pointer (report, uc_csv_report_free);
  bytes = g_resources_lookup_data (self->snapshot + strlen ("resource://"), G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  name = g_path_get_basename (self->snapshot);
  return bytes ? uc_csv_read_bytes (bytes, name, options, report, error) : NULL;
}

static void
uc_refreshed_source_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  UcRefreshedSource *self = UC_REFRESHED_SOURCE (object);

  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_free (self->snapshot);
      self->snapshot = g_value_dup_string (value);
      break;
    case PROP_REFRESHED_FROM:
      g_free (self->refreshed_from);
      self->refreshed_from = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_refreshed_source_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SNAPSHOT:
      g_value_set_string (value, UC_REFRESHED_SOURCE (object)->snapshot);
      break;
    case PROP_REFRESHED_FROM:
      g_value_set_string (value, UC_REFRESHED_SOURCE (object)->refreshed_from);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_refreshed_source_finalize (GObject *object)
{
  g_free (UC_REFRESHED_SOURCE (object)->snapshot);
  g_free (UC_REFRESHED_SOURCE (object)->refreshed_from);
  G_OBJECT_CLASS (uc_refreshed_source_parent_class)->finalize (object);
}

static void
uc_refreshed_source_class_init (UcRefreshedSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->set_property = uc_refreshed_source_set_property;
  object_class->get_property = uc_refreshed_source_get_property;
  object_class->finalize = uc_refreshed_source_finalize;
  UC_SOURCE_CLASS (klass)->read = uc_refreshed_source_read;
  properties[PROP_SNAPSHOT] = g_param_spec_string ("snapshot", NULL, NULL, NULL,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REFRESHED_FROM] = g_param_spec_string ("refreshed-from", NULL, NULL, NULL,
                                                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_refreshed_source_init (UcRefreshedSource *self)
{
}

const char *
uc_refreshed_source_get_snapshot (UcRefreshedSource *self)
{
  g_return_val_if_fail (UC_IS_REFRESHED_SOURCE (self), NULL);
  return self->snapshot;
}

/* Who added rows to the snapshot: "models.dev, OpenRouter". */
const char *
uc_refreshed_source_get_refreshed_from (UcRefreshedSource *self)
{
  g_return_val_if_fail (UC_IS_REFRESHED_SOURCE (self), NULL);
  return self->refreshed_from;
}
