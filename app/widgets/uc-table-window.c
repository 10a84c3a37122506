/* uc-table-window.c: a window with the table of a view's datasets
 *
 * The datasets are the catalog's, most often loaded already for the view
 * shown; one that is not is read on a worker while a spinner turns, and
 * one that cannot be read says why in place of the table.
 */
#include "config.h"

#include "uc-table-window.h"

#include <glib/gi18n.h>

#include "uc-catalog.h"

struct _UcTableWindow
{
  AdwWindow       parent_instance;

  AdwWindowTitle *title;
  GtkDropDown    *chooser;
  GtkStack       *stack;
  AdwStatusPage  *error_page;
  UcDataTable    *table;

  GStrv           ids;
  guint           shown;
  GCancellable   *loading;
};

enum
{
  PROP_0,
  PROP_DATASET_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcTableWindow, uc_table_window, ADW_TYPE_WINDOW)

static const char *
dataset_title (const char *id)
{
  UcSource *source = uc_catalog_find (uc_catalog_get_default (), id);

  return source && uc_source_get_title (source) && *uc_source_get_title (source) ? _(uc_source_get_title (source)) : id;
}

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(UcTableWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(UcDataset) dataset = uc_source_load_finish (UC_SOURCE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->loading);
  if (dataset == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  uc_data_table_set_dataset (self->table, dataset);
  gtk_stack_set_visible_child_name (self->stack, "table");
}

void
uc_table_window_show_dataset (UcTableWindow *self,
                              guint          index)
{
  UcSource *source;
  const char *title;

  g_return_if_fail (UC_IS_TABLE_WINDOW (self));
  g_return_if_fail (index < g_strv_length (self->ids));

  self->shown = index;
  if (gtk_drop_down_get_selected (self->chooser) != index)
    gtk_drop_down_set_selected (self->chooser, index);
  title = dataset_title (self->ids[index]);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->title, title);
  source = uc_catalog_find (uc_catalog_get_default (), self->ids[index]);
  adw_window_title_set_subtitle (self->title, source && uc_source_get_publisher (source)
                                              ? uc_source_get_publisher (source) : "");

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  uc_data_table_set_dataset (self->table, NULL);
  if (source == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("No dataset “%s” in the catalog"), self->ids[index]);

      adw_status_page_set_description (self->error_page, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      self->loading = g_cancellable_new ();
      gtk_stack_set_visible_child_name (self->stack, "loading");
      uc_source_load_async (source, self->loading, on_loaded, g_object_ref (self));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET_ID]);
}

static void
on_chosen (UcTableWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->chooser);

  if (selected != GTK_INVALID_LIST_POSITION && selected != self->shown)
    uc_table_window_show_dataset (self, selected);
}

UcDataTable *
uc_table_window_get_table (UcTableWindow *self)
{
  g_return_val_if_fail (UC_IS_TABLE_WINDOW (self), NULL);
  return self->table;
}

const char *
uc_table_window_get_dataset_id (UcTableWindow *self)
{
  g_return_val_if_fail (UC_IS_TABLE_WINDOW (self), NULL);
  return self->ids ? self->ids[self->shown] : NULL;
}

gboolean
uc_table_window_get_loading (UcTableWindow *self)
{
  g_return_val_if_fail (UC_IS_TABLE_WINDOW (self), FALSE);
  return self->loading != NULL;
}

UcTableWindow *
uc_table_window_new (GtkWindow          *parent,
                     const char * const *dataset_ids)
{
  UcTableWindow *self;
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  g_return_val_if_fail (dataset_ids != NULL && dataset_ids[0] != NULL, NULL);

  self = g_object_new (UC_TYPE_TABLE_WINDOW,
                       "transient-for", parent,
                       "application", parent ? gtk_window_get_application (parent) : NULL,
                       NULL);
  self->ids = g_strdupv ((char **) dataset_ids);
  /* By id: short, and the names the command line and view files use;
   * the title above says what the dataset is. */
  for (guint i = 0; self->ids[i]; i++)
    gtk_string_list_append (titles, self->ids[i]);
  gtk_drop_down_set_model (self->chooser, G_LIST_MODEL (titles));
  /* A choice only when there is one to make. */
  gtk_widget_set_visible (GTK_WIDGET (self->chooser), self->ids[1] != NULL);
  g_signal_connect_swapped (self->chooser, "notify::selected", G_CALLBACK (on_chosen), self);
  uc_table_window_show_dataset (self, 0);
  return self;
}

static void
uc_table_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  UcTableWindow *self = UC_TABLE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET_ID:
      g_value_set_string (value, uc_table_window_get_dataset_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_table_window_dispose (GObject *object)
{
  UcTableWindow *self = UC_TABLE_WINDOW (object);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);

  G_OBJECT_CLASS (uc_table_window_parent_class)->dispose (object);
}

static void
uc_table_window_finalize (GObject *object)
{
  UcTableWindow *self = UC_TABLE_WINDOW (object);

  g_clear_pointer (&self->ids, g_strfreev);

  G_OBJECT_CLASS (uc_table_window_parent_class)->finalize (object);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UcTableWindow *self = UC_TABLE_WINDOW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (uc_data_table_get_search_entry (self->table)));
}

static void
uc_table_window_class_init (UcTableWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_table_window_dispose;
  object_class->finalize = uc_table_window_finalize;
  object_class->get_property = uc_table_window_get_property;

  properties[PROP_DATASET_ID] =
    g_param_spec_string ("dataset-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "table.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "table.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "table.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "table.find", NULL);
}

static void
uc_table_window_init (UcTableWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 680);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  self->chooser = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->chooser), _("The view’s dataset shown"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->chooser));
  gtk_box_append (GTK_BOX (box), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->table = UC_DATA_TABLE (uc_data_table_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->table), "table");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (self->stack, spinner, "loading");
  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("The Data Could Not Be Read"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));

  adw_window_set_content (ADW_WINDOW (self), box);
  /* Typing anywhere in the window filters, whatever has the focus. */
  gtk_search_entry_set_key_capture_widget (GTK_SEARCH_ENTRY (uc_data_table_get_search_entry (self->table)),
                                           GTK_WIDGET (self));
}
