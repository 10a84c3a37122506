/* uc-view-catalog.c: the views Undercut shows, a list of UcView
 *
 * Views are kept by id: adding a view whose id is taken replaces the one
 * there, in its place (a file read again after an edit).
 */
#include "config.h"

#include "uc-view-catalog.h"

#include "uc-view-list.h"

struct _UcViewCatalog
{
  GObject    parent_instance;

  GPtrArray *views;   /* UcView */
};

static GType
uc_view_catalog_get_item_type (GListModel *model)
{
  return UC_TYPE_VIEW;
}

static guint
uc_view_catalog_get_n_items (GListModel *model)
{
  return UC_VIEW_CATALOG (model)->views->len;
}

static gpointer
uc_view_catalog_get_item (GListModel *model,
                          guint       position)
{
  UcViewCatalog *self = UC_VIEW_CATALOG (model);

  return position < self->views->len ? g_object_ref (g_ptr_array_index (self->views, position)) : NULL;
}

static void
uc_view_catalog_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = uc_view_catalog_get_item_type;
  iface->get_n_items = uc_view_catalog_get_n_items;
  iface->get_item = uc_view_catalog_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (UcViewCatalog, uc_view_catalog, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, uc_view_catalog_list_model_init))

static void
uc_view_catalog_finalize (GObject *object)
{
  g_clear_pointer (&UC_VIEW_CATALOG (object)->views, g_ptr_array_unref);
  G_OBJECT_CLASS (uc_view_catalog_parent_class)->finalize (object);
}

static void
uc_view_catalog_class_init (UcViewCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_view_catalog_finalize;
}

static void
uc_view_catalog_init (UcViewCatalog *self)
{
  self->views = g_ptr_array_new_with_free_func (g_object_unref);
}

/* No views. */
UcViewCatalog *
uc_view_catalog_new (void)
{
  return g_object_new (UC_TYPE_VIEW_CATALOG, NULL);
}

/* The views compiled in, in sidebar order. They are ours and checked by
 * the tests: one that cannot be read is a warning (fatal in the tests),
 * and is left out. */
UcViewCatalog *
uc_view_catalog_new_builtin (void)
{
  UcViewCatalog *self = uc_view_catalog_new ();
  g_auto(GStrv) ids = uc_view_list_ids ();

  for (guint i = 0; ids[i]; i++)
    {
      g_autoptr(GBytes) bytes = uc_view_list_lookup (ids[i]);
      g_autofree char *name = g_strdup_printf ("%s.json", ids[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(UcView) view = bytes ? uc_view_parse (bytes, name, &error) : NULL;

      if (view == NULL)
        g_warning ("%s", error ? error->message : name);
      else
        uc_view_catalog_add (self, view);
    }
  return self;
}

/* The view of id @id and its place, or NULL. */
UcView *
uc_view_catalog_find (UcViewCatalog *self,
                      const char    *id,
                      guint         *position)
{
  g_return_val_if_fail (UC_IS_VIEW_CATALOG (self), NULL);
  for (guint i = 0; i < self->views->len; i++)
    if (g_strcmp0 (uc_view_get_id (g_ptr_array_index (self->views, i)), id) == 0)
      {
        if (position)
          *position = i;
        return g_ptr_array_index (self->views, i);
      }
  return NULL;
}

/* Adds @view at the end, or in the place of the view of the same id. */
void
uc_view_catalog_add (UcViewCatalog *self,
                     UcView        *view)
{
  guint position;

  g_return_if_fail (UC_IS_VIEW_CATALOG (self));
  g_return_if_fail (UC_IS_VIEW (view));
  if (uc_view_catalog_find (self, uc_view_get_id (view), &position))
    {
      g_object_unref (g_ptr_array_index (self->views, position));
      g_ptr_array_index (self->views, position) = g_object_ref (view);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }
  g_ptr_array_add (self->views, g_object_ref (view));
  g_list_model_items_changed (G_LIST_MODEL (self), self->views->len - 1, 0, 1);
}

/* Adds the view in @file (uc_view_parse_file()); returns it, or NULL
 * with the reader's error. */
UcView *
uc_view_catalog_add_file (UcViewCatalog  *self,
                          GFile          *file,
                          GError        **error)
{
  g_autoptr(UcView) view = NULL;

  g_return_val_if_fail (UC_IS_VIEW_CATALOG (self), NULL);
  view = uc_view_parse_file (file, error);
  if (view == NULL)
    return NULL;
  uc_view_catalog_add (self, view);
  return view;
}

/* Whether there was a view @id to remove. */
gboolean
uc_view_catalog_remove (UcViewCatalog *self,
                        const char    *id)
{
  guint position;

  g_return_val_if_fail (UC_IS_VIEW_CATALOG (self), FALSE);
  if (!uc_view_catalog_find (self, id, &position))
    return FALSE;
  g_ptr_array_remove_index (self->views, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  return TRUE;
}

/* The ids, as "a, b, c", for a message that lists them. */
char *
uc_view_catalog_dup_ids (UcViewCatalog *self)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  g_return_val_if_fail (UC_IS_VIEW_CATALOG (self), NULL);
  for (guint i = 0; i < self->views->len; i++)
    g_string_append_printf (ids, "%s%s", i ? ", " : "", uc_view_get_id (g_ptr_array_index (self->views, i)));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}
