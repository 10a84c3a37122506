/* uc-clickhouse-source.c: a ClickHouse table as a dataset of the catalog
 *
 * The dataset holds the table's chosen series over their whole span, at
 * OVERVIEW_COLUMNS M4 columns each (every column's first, lowest, highest
 * and last row): enough for the overview strip and a first frame, and
 * small whatever the table's size. Its columns keep the table's names, so
 * the view reads it as it would read the same rows from a file.
 */
#include "config.h"

#include "uc-clickhouse-source.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-clickhouse-private.h"
#include "uc-column-alloc.h"
#include "uc-library-entry.h"
#include "uc-secret.h"
#include "uc-string-table.h"

#define OVERVIEW_COLUMNS 4096

struct _UcClickhouseSource
{
  UcSource      parent_instance;

  UcClickhouse *connection;
  GStrv         groups;   /* NULL: the table is one series */
  GMutex        lock;
  UcTime        first, last;
};

G_DEFINE_FINAL_TYPE (UcClickhouseSource, uc_clickhouse_source, UC_TYPE_SOURCE)

static gboolean
find_span (UcClickhouseSource *self,
           UcTime             *first,
           UcTime             *last,
           GCancellable       *cancellable,
           GError            **error)
{
  for (guint g = 0; self->groups == NULL ? g < 1 : self->groups[g] != NULL; g++)
    {
      UcTime a, b;

      if (!uc_clickhouse_get_span (self->connection, self->groups ? self->groups[g] : NULL, &a, &b, cancellable, error))
        return FALSE;
      *first = g == 0 ? a : MIN (*first, a);
      *last = g == 0 ? b : MAX (*last, b);
    }
  if (*last <= *first)
    *last = *first + G_USEC_PER_SEC;
  return TRUE;
}

/* The series' overview frames, one after the other, as a long table. */
static UcDataset *
to_dataset (UcClickhouseSource *self,
            GPtrArray          *frames)
{
  UcClickhouse *ch = self->connection;
  g_autoptr(UcStringTable) names = self->groups ? uc_string_table_new () : NULL;
  g_autoptr(UcDataset) dataset = NULL;
  guint n = 0, row = 0;
  UcTime *x;
  double *y;
  guint32 *codes = NULL;

  for (guint g = 0; g < frames->len; g++)
    n += uc_series_get_length (g_ptr_array_index (frames, g));
  dataset = uc_dataset_new (uc_source_get_title (UC_SOURCE (self)), n);
  x = uc_column_alloc (MAX (n, 1) * sizeof *x);
  y = uc_column_alloc (MAX (n, 1) * sizeof *y);
  if (names)
    codes = uc_column_alloc (MAX (n, 1) * sizeof *codes);
  for (guint g = 0; g < frames->len; g++)
    {
      UcSeries *series = g_ptr_array_index (frames, g);
      guint32 code = names ? uc_string_table_intern (names, self->groups[g], strlen (self->groups[g])) : 0;

      memcpy (x + row, uc_series_get_x (series), uc_series_get_length (series) * sizeof *x);
      memcpy (y + row, uc_series_get_y (series), uc_series_get_length (series) * sizeof *y);
      for (guint i = 0; codes && i < uc_series_get_length (series); i++)
        codes[row + i] = code;
      row += uc_series_get_length (series);
    }
  uc_dataset_take_times (dataset, ch->x, UC_COLUMN_DATETIME, x);
  if (names)
    uc_dataset_take_codes (dataset, ch->group, codes, g_steal_pointer (&names));
  uc_dataset_take_numbers (dataset, ch->y, y);
  return g_steal_pointer (&dataset);
}

static UcDataset *
uc_clickhouse_source_read (UcSource            *source,
                           const UcCsvOptions  *options,
                           GCancellable        *cancellable,
                           UcCsvReport        **report,
                           GError             **error)
{
  UcClickhouseSource *self = UC_CLICKHOUSE_SOURCE (source);
  g_autoptr(GPtrArray) frames = g_ptr_array_new_with_free_func (g_object_unref);
  UcClickhouseGrid grid;
  UcTime first = 0, last = 0;

  /* A table added in an earlier session: its password from the keyring
   * (none there, or no keyring, and the server says what it misses). */
  if (self->connection->user && !uc_clickhouse_has_password (self->connection))
    {
      g_autofree char *password = uc_secret_lookup (self->connection->url, self->connection->user, cancellable, NULL);

      if (password)
        uc_clickhouse_set_credentials (self->connection, self->connection->user, password);
      if (password)
        memset (password, 0, strlen (password));
    }
  if (!uc_clickhouse_check_table (self->connection, cancellable, error) ||
      !find_span (self, &first, &last, cancellable, error))
    return NULL;
  grid = (UcClickhouseGrid) { first, (double) last - (double) first, OVERVIEW_COLUMNS, OVERVIEW_COLUMNS + 1 };
  for (guint g = 0; self->groups == NULL ? g < 1 : self->groups[g] != NULL; g++)
    {
      UcSeries *frame = uc_clickhouse_fetch_frame (self->connection, self->groups ? self->groups[g] : NULL, first, last,
                                                   &grid, NULL, cancellable, error);

      if (frame == NULL)
        return NULL;
      g_ptr_array_add (frames, frame);
    }
  g_mutex_lock (&self->lock);
  self->first = first;
  self->last = last;
  g_mutex_unlock (&self->lock);
  return to_dataset (self, frames);
}

static void
uc_clickhouse_source_finalize (GObject *object)
{
  UcClickhouseSource *self = UC_CLICKHOUSE_SOURCE (object);

  g_clear_object (&self->connection);
  g_strfreev (self->groups);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (uc_clickhouse_source_parent_class)->finalize (object);
}

static void
uc_clickhouse_source_class_init (UcClickhouseSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_clickhouse_source_finalize;
  UC_SOURCE_CLASS (klass)->read = uc_clickhouse_source_read;
}

static void
uc_clickhouse_source_init (UcClickhouseSource *self)
{
  g_mutex_init (&self->lock);
}

/* The same table, columns and groups on the same server: one id, so a
 * table added again replaces its view rather than doubling it. */
static char *
make_id (UcClickhouse       *ch,
         const char * const *groups)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *sum = NULL;

  g_string_append_printf (key, "%s\n%s\n%s\n%s\n%s\n%s\n", ch->url, ch->database, ch->table, ch->x, ch->y,
                          ch->group ? ch->group : "");
  for (guint g = 0; groups && groups[g]; g++)
    g_string_append_printf (key, "%s\n", groups[g]);
  sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key->str, -1);
  return g_strdup_printf (UC_CLICKHOUSE_SOURCE_PREFIX "%.12s", sum);
}

/* A source charting @connection's table (given one) for @groups, the
 * values of its group column to chart (NULL or empty: one series, or the
 * first values when the table has a group column). */
UcSource *
uc_clickhouse_source_new (UcClickhouse       *connection,
                          const char * const *groups)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *id = NULL, *title = NULL, *location = NULL, *retrieved = g_date_time_format_iso8601 (now);
  UcClickhouseSource *self;

  g_return_val_if_fail (UC_IS_CLICKHOUSE (connection) && connection->table, NULL);
  id = make_id (connection, groups);
  title = g_strdup_printf ("%s.%s", connection->database, connection->table);
  location = uc_clickhouse_describe (connection);
  self = g_object_new (UC_TYPE_CLICKHOUSE_SOURCE, "id", id, "title", title, "publisher", _("ClickHouse server"),
                       "url", connection->url, "retrieved", retrieved, "location", location, NULL);
  self->connection = g_object_ref (connection);
  /* The settings are input too: no more lines than a chart takes. */
  if (connection->group && groups && groups[0])
    {
      guint n = MIN (g_strv_length ((char **) groups), UC_CLICKHOUSE_SOURCE_MAX_GROUPS);

      self->groups = g_new0 (char *, n + 1);
      for (guint g = 0; g < n; g++)
        self->groups[g] = g_strdup (groups[g]);
    }
  return UC_SOURCE (self);
}

UcClickhouse *
uc_clickhouse_source_get_connection (UcClickhouseSource *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE_SOURCE (self), NULL);
  return self->connection;
}

/* The group value a series of the view charts (its id), or NULL: the
 * whole table. */
const char *
uc_clickhouse_source_group_of (UcClickhouseSource *self,
                               const char         *series_id)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE_SOURCE (self), NULL);
  for (guint g = 0; self->groups && self->groups[g]; g++)
    if (g_strcmp0 (self->groups[g], series_id) == 0)
      return self->groups[g];
  return NULL;
}

/* The group values charted, or NULL: the table as one series. */
const char * const *
uc_clickhouse_source_get_groups (UcClickhouseSource *self)
{
  g_return_val_if_fail (UC_IS_CLICKHOUSE_SOURCE (self), NULL);
  return (const char * const *) self->groups;
}

guint
uc_clickhouse_source_get_columns (UcClickhouseSource *self)
{
  return OVERVIEW_COLUMNS;
}

/* The first and last time of the series, as the last read found them. */
void
uc_clickhouse_source_get_span (UcClickhouseSource *self,
                               UcTime             *first,
                               UcTime             *last)
{
  g_return_if_fail (UC_IS_CLICKHOUSE_SOURCE (self));
  g_mutex_lock (&self->lock);
  *first = self->first;
  *last = self->last;
  g_mutex_unlock (&self->lock);
}

/* The view charting the table (id and dataset: the source's), one chart
 * of the value by the time, a series per group, credited to the table
 * and server and the day it was added. */
UcView *
uc_clickhouse_source_create_view (UcClickhouseSource *self,
                                  GError            **error)
{
  UcClickhouse *ch = self->connection;
  char *values[] = { ch->y, NULL };
  UcLibraryRoles roles = { ch->x, values, self->groups ? ch->group : NULL, NULL, UC_VALUE_NUMBER };
  g_autofree char *credit = NULL;
  const char *id = uc_source_get_id (UC_SOURCE (self)), *title = uc_source_get_title (UC_SOURCE (self));

  g_return_val_if_fail (UC_IS_CLICKHOUSE_SOURCE (self), NULL);
  credit = uc_clickhouse_credit (ch, uc_source_get_retrieved (UC_SOURCE (self)));
  return uc_library_make_view (id, title, title, id, &roles, credit, error);
}

/* The source as the settings keep it (UC_CLICKHOUSE_SOURCE_VARIANT):
 * server, database, table, time, value, group or "", user or "", the
 * group values. Never the password. */
GVariant *
uc_clickhouse_source_to_variant (UcClickhouseSource *self)
{
  UcClickhouse *ch = self->connection;

  g_return_val_if_fail (UC_IS_CLICKHOUSE_SOURCE (self), NULL);
  return g_variant_new ("(ssssss@s@as)", ch->url, ch->database, ch->table, ch->x, ch->y, ch->group ? ch->group : "",
                        g_variant_new_string (ch->user ? ch->user : ""),
                        g_variant_new_strv ((const char * const *) self->groups, self->groups ? -1 : 0));
}

/* The source @entry describes, or NULL (with @error) when an address or
 * a name in it cannot be taken: the settings are input too. */
UcSource *
uc_clickhouse_source_new_from_variant (GVariant  *entry,
                                       GError   **error)
{
  const char *url, *database, *table, *x, *y, *group, *user;
  g_autofree const char **groups = NULL;
  g_autoptr(UcClickhouse) ch = NULL;

  g_return_val_if_fail (g_variant_is_of_type (entry, G_VARIANT_TYPE (UC_CLICKHOUSE_SOURCE_VARIANT)), NULL);
  g_variant_get (entry, "(&s&s&s&s&s&s&s^a&s)", &url, &database, &table, &x, &y, &group, &user, &groups);
  if ((ch = uc_clickhouse_new (url, *database ? database : NULL, table, x, y, *group ? group : NULL, error)) == NULL)
    return NULL;
  uc_clickhouse_set_credentials (ch, *user ? user : NULL, NULL);
  return uc_clickhouse_source_new (ch, groups);
}

/* @list (a settings' list of UC_CLICKHOUSE_SOURCE_VARIANT) without the
 * table of id @id, and with @source at its end when not NULL: a floating
 * variant. An entry that cannot be read is dropped too. */
GVariant *
uc_clickhouse_source_list_replace (GVariant           *list,
                                   const char         *id,
                                   UcClickhouseSource *source)
{
  g_autoptr(GVariantBuilder) kept = g_variant_builder_new (G_VARIANT_TYPE ("a" UC_CLICKHOUSE_SOURCE_VARIANT));
  GVariantIter iter;
  GVariant *entry;

  g_variant_iter_init (&iter, list);
  while ((entry = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_autoptr(GVariant) owned = entry;
      g_autoptr(UcSource) other = uc_clickhouse_source_new_from_variant (entry, NULL);

      if (other && !g_str_equal (uc_source_get_id (other), id))
        g_variant_builder_add_value (kept, entry);
    }
  if (source)
    g_variant_builder_add_value (kept, uc_clickhouse_source_to_variant (source));
  return g_variant_builder_end (kept);
}
