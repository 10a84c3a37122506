/* uc-view.c: a dashboard view read from a JSON file: one or more charts
 *
 * The GObject and its steps: the file parsed (the view's own members and
 * its list of charts), the charts built once their data is loaded, and
 * what the view shows. The file is checked as it is read: an unknown kind,
 * a missing column or a malformed date is an error naming the file and
 * the member, never a chart that quietly shows something else. The rest
 * of the reader, one concern a file, is listed in uc-view-private.h; the
 * format is described in data/views/README.md.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view.h"
#include "uc-view-private.h"

#include <math.h>

#include "uc-json-load.h"
#include "uc-stack-split.h"
#include "uc-view-list.h"

G_DEFINE_FINAL_TYPE (UcView, uc_view, G_TYPE_OBJECT)

static void
uc_view_finalize (GObject *object)
{
  UcView *self = UC_VIEW (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->file, g_free);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->base_sources, g_ptr_array_unref);
  g_clear_pointer (&self->variants_label, g_free);
  g_clear_pointer (&self->variant_ids, g_ptr_array_unref);
  g_clear_pointer (&self->variant_labels, g_ptr_array_unref);
  g_clear_pointer (&self->variant_sets, g_ptr_array_unref);
  g_clear_pointer (&self->compact, g_array_unref);
  g_clear_pointer (&self->releases, uc_view_releases_free);
  g_clear_pointer (&self->datasets, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_hash_table_unref);
  g_clear_pointer (&self->table_sources, g_hash_table_unref);
  g_clear_pointer (&self->picked, g_ptr_array_unref);

  G_OBJECT_CLASS (uc_view_parent_class)->finalize (object);
}

static void
uc_view_class_init (UcViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_view_finalize;
}

static void
uc_view_init (UcView *self)
{
  self->charts = g_ptr_array_new_with_free_func (g_object_unref);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->base_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->variant_ids = g_ptr_array_new_with_free_func (g_free);
  self->variant_labels = g_ptr_array_new_with_free_func (g_free);
  self->variant_sets = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  self->compact = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->datasets = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->table_sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* The view's own members (id, title, description, what the window shows
 * beside the charts), checked with the list of its charts; a view with
 * no charts yet. */
static UcView *
read_view (Reader     *r,
           JsonObject *o)
{
  static const char * const view_members[] = { "id", "title", "description", "event_list", "event_filter", "charts",
                                               "variants", "releases", NULL };
  const char *id, *title, *description;
  gboolean event_list = FALSE, event_filter = FALSE;
  JsonNode *charts;
  UcView *self;

  if (!uc_view_only_known_members (r, NULL, o, view_members))
    return NULL;
  if (!uc_view_read_string (r, o, "id", &id) || !uc_view_read_string (r, o, "title", &title) ||
      !uc_view_read_string (r, o, "description", &description) ||
      !uc_view_read_bool (r, o, "event_list", &event_list) || !uc_view_read_bool (r, o, "event_filter", &event_filter))
    return NULL;
  if (id == NULL || title == NULL)
    return uc_view_fail (r, NULL, _("a view needs an “id” and a “title”")), NULL;
  charts = json_object_get_member (o, "charts");
  if (charts == NULL || !JSON_NODE_HOLDS_ARRAY (charts) || json_array_get_length (json_node_get_array (charts)) == 0)
    return uc_view_fail (r, "charts", _("expected a list of one or more charts")), NULL;

  self = g_object_new (UC_TYPE_VIEW, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->description = g_strdup (description);
  self->event_list = event_list;
  self->event_filter = event_filter;
  self->file = g_strdup (r->file);
  return self;
}

/* "charts": each chart's members kept as the file has them, to be built
 * once its data is loaded; whether it is compact is read now, for the
 * window's layout. */
static gboolean
read_charts (UcView    *self,
             Reader    *r,
             JsonArray *charts)
{
  for (guint i = 0; i < json_array_get_length (charts); i++)
    {
      JsonNode *item = json_array_get_element (charts, i);
      gboolean compact = FALSE;

      g_free (r->where);
      r->where = g_strdup_printf ("charts[%u]", i);
      if (!JSON_NODE_HOLDS_OBJECT (item))
        return uc_view_fail (r, NULL, _("expected an object"));
      g_ptr_array_add (self->sources, json_object_ref (json_node_get_object (item)));
      g_ptr_array_add (self->base_sources, json_object_ref (json_node_get_object (item)));
      if (!uc_view_read_bool (r, json_node_get_object (item), "compact", &compact))
        return FALSE;
      g_array_append_val (self->compact, compact);
    }
  g_clear_pointer (&r->where, g_free);
  return TRUE;
}

/* A view from its file's JSON (see uc_view_parse()): its own members, the
 * releases its charts may draw on, its charts and variants, and the
 * datasets they name. */
static UcView *
parse_root (JsonNode    *root,
            const char  *name,
            GError     **error)
{
  g_autoptr(UcView) self = NULL;
  Reader r = { name, NULL, error, NULL, FALSE, FALSE, NULL, NULL };
  JsonObject *o;
  gboolean ok;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return uc_view_fail (&r, NULL, _("expected an object")), NULL;
  o = json_node_get_object (root);
  if ((self = read_view (&r, o)) == NULL)
    return NULL;
  ok = uc_view_read_releases (self, &r, o) && read_charts (self, &r, json_object_get_array_member (o, "charts")) &&
       uc_view_read_variants (self, &r, o);
  g_clear_pointer (&r.where, g_free);
  if (!ok)
    return NULL;
  uc_view_list_datasets (self);
  return g_steal_pointer (&self);
}

/* Reads a view file without its data: what it shows, and the datasets it
 * needs (uc_view_get_datasets()), which uc_view_load_data() loads before
 * uc_view_build_charts() builds the charts. */
UcView *
uc_view_parse (GBytes      *json,
               const char  *name,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) parse_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (json, &size);

  if (!uc_json_load_data (parser, data, size, name, &parse_error))
    {
      g_set_error_literal (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, parse_error->message);
      return NULL;
    }
  return parse_root (json_parser_get_root (parser), name, error);
}

/* A view file read, its data loaded from the default catalog on this
 * thread, and its charts built: for the command line and the tests. */
UcView *
uc_view_new_from_bytes (GBytes      *json,
                        const char  *name,
                        GError     **error)
{
  g_autoptr(UcView) self = uc_view_parse (json, name, error);

  if (self == NULL || !uc_view_load_data (self, uc_catalog_get_default (), NULL, error) ||
      !uc_view_build_charts (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* A view file of the user's, read as uc_view_parse() reads one (and
 * never more than a JSON document may hold); errors name it by its path. */
UcView *
uc_view_parse_file (GFile   *file,
                    GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  if (!uc_json_load_file (parser, file, &local))
    {
      g_set_error_literal (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, local->message);
      return NULL;
    }
  name = g_file_get_parse_name (file);
  return parse_root (json_parser_get_root (parser), name, error);
}

/* A view of one chart made in memory (a file of the user's charted, say):
 * nothing to load or build. */
UcView *
uc_view_new_for_chart (const char  *id,
                       const char  *title,
                       UcChartSpec *chart)
{
  UcView *self;
  gboolean compact = FALSE;

  g_return_val_if_fail (id != NULL && title != NULL, NULL);
  g_return_val_if_fail (UC_IS_CHART_SPEC (chart), NULL);
  self = g_object_new (UC_TYPE_VIEW, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->given = TRUE;
  g_ptr_array_add (self->charts, g_object_ref (chart));
  g_ptr_array_add (self->sources, json_object_new ());
  g_ptr_array_add (self->base_sources, json_object_new ());
  g_array_append_val (self->compact, compact);
  return self;
}

/* Builds every chart anew from the loaded data, each member checked; a
 * view with variants shows its first, once each was built (so a bad one
 * is refused here, not when it is chosen). */
gboolean
uc_view_build_charts (UcView  *self,
                      GError **error)
{
  Reader r = { NULL, NULL, error, NULL, FALSE, FALSE, NULL, NULL };
  g_autoptr(GPtrArray) charts = NULL;

  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  if (self->given)
    return TRUE;
  r.file = self->file;
  r.releases = self->releases;
  r.view = self;
  charts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->base_sources->len; i++)
    {
      UcChartSpec *chart;

      g_free (r.where);
      r.where = g_strdup_printf ("charts[%u]", i);
      r.chart = i;
      chart = uc_view_build_chart (&r, g_ptr_array_index (self->base_sources, i));
      if (chart == NULL)
        {
          g_clear_pointer (&r.where, g_free);
          return FALSE;
        }
      g_ptr_array_add (charts, chart);
    }
  g_clear_pointer (&r.where, g_free);
  g_ptr_array_unref (self->charts);
  self->charts = g_steal_pointer (&charts);
  g_ptr_array_set_size (self->sources, 0);
  for (guint i = 0; i < self->base_sources->len; i++)
    g_ptr_array_add (self->sources, json_object_ref (g_ptr_array_index (self->base_sources, i)));
  self->variant = 0;
  for (guint i = self->variant_ids->len; i-- > 0;)
    if (!uc_view_build_variant (self, &r, i))
      {
        g_clear_pointer (&r.where, g_free);
        return FALSE;
      }
  return TRUE;
}

/* Every chart built again as the view shows it now (its variant, the
 * series picked), after something they are built from changed; on an
 * error the charts stay as they were. */
gboolean
uc_view_rebuild (UcView  *self,
                 GError **error)
{
  Reader r = { NULL, NULL, error, NULL, FALSE, FALSE, NULL, NULL, 0 };
  g_autoptr(GPtrArray) charts = g_ptr_array_new_with_free_func (g_object_unref);

  if (self->given)
    return TRUE;
  r.file = self->file;
  r.releases = self->releases;
  r.view = self;
  if (self->variant_ids->len > 0)
    return uc_view_build_variant (self, &r, self->variant);
  for (guint i = 0; i < self->base_sources->len; i++)
    {
      UcChartSpec *chart;

      g_free (r.where);
      r.where = g_strdup_printf ("charts[%u]", i);
      r.chart = i;
      chart = uc_view_build_chart (&r, g_ptr_array_index (self->base_sources, i));
      g_clear_pointer (&r.where, g_free);
      if (chart == NULL)
        return FALSE;
      g_ptr_array_add (charts, chart);
    }
  g_ptr_array_unref (self->charts);
  self->charts = g_steal_pointer (&charts);
  return TRUE;
}

/* The views compiled in, by id: data/views/ID.json. */
UcView *
uc_view_load (const char  *id,
              GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GBytes) bytes = uc_view_list_lookup (id);

  if (bytes == NULL)
    {
      g_auto(GStrv) ids = uc_view_list_ids ();
      g_autofree char *known = g_strjoinv (", ", ids);

      /* Translators: a view's id as given, then the known ids separated by commas. */
      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, _("unknown view “%s” (known: %s)"), id ? id : "", known);
      return NULL;
    }
  name = g_strdup_printf ("%s.json", id);
  return uc_view_new_from_bytes (bytes, name, error);
}

/* The first chart of a view: what `export --view` draws. */
UcChartSpec *
uc_view_build (const char  *id,
               GError     **error)
{
  g_autoptr(UcView) view = uc_view_load (id, error);

  return view ? g_object_ref (uc_view_get_chart (view, 0)) : NULL;
}

const char *
uc_view_get_id (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return self->id;
}

const char *
uc_view_get_title (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return uc_view_text (self->title);
}

const char *
uc_view_get_description (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  return uc_view_text (self->description);
}

/* How many charts the file has (built or not). */
guint
uc_view_get_n_charts (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), 0);
  return self->base_sources->len;
}

/* The days a view's charts are drawn on, as the window and the command
 * line draw them: the first time chart's. FALSE when every chart is on
 * a number axis (which keeps its own). */
gboolean
uc_view_get_time_range (UcView *self,
                        UcTime *from,
                        UcTime *to)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  for (guint c = 0; c < uc_view_get_n_charts (self); c++)
    if (uc_chart_spec_get_x_kind (uc_view_get_chart (self, c)) == UC_X_TIME)
      {
        uc_chart_spec_get_range (uc_view_get_chart (self, c), from, to);
        return TRUE;
      }
  return FALSE;
}

UcChartSpec *
uc_view_get_chart (UcView *self,
                   guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);
  return g_ptr_array_index (self->charts, index);
}

gboolean
uc_view_get_event_list (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  return self->event_list;
}

gboolean
uc_view_get_event_filter (UcView *self)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  return self->event_filter;
}

/* Whether chart @index is a short one under the others (a summary line). */
gboolean
uc_view_get_chart_compact (UcView *self,
                           guint   index)
{
  g_return_val_if_fail (UC_IS_VIEW (self), FALSE);
  g_return_val_if_fail (index < self->compact->len, FALSE);
  return g_array_index (self->compact, gboolean, index);
}

/* @total pixels of height shared out among the view's charts (into
 * @heights, one per chart) as the window shares them: see
 * uc_stack_split(). They add up to @total. */
void
uc_view_split_height (UcView *self,
                      int     total,
                      int    *heights)
{
  g_autofree gboolean *short_charts = NULL;

  g_return_if_fail (UC_IS_VIEW (self));
  short_charts = g_new0 (gboolean, MAX (self->charts->len, 1));
  for (guint i = 0; i < self->charts->len && i < self->compact->len; i++)
    short_charts[i] = g_array_index (self->compact, gboolean, i);
  uc_stack_split (self->charts->len, short_charts, NULL, total, heights);
}
