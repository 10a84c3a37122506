/* uc-event-list.c: every event in a sortable table, filtered by category
 *
 * Activating a row (double click or Enter) emits "event-activated"; the
 * window then shows every chart around that event. The user's own events
 * can be changed or deleted: Edit… and Delete, beside the categories
 * (and the Delete key), emit "edit-event" and "delete-event" for the row
 * selected.
 */
#include "config.h"

#include "uc-event-list.h"

#include <glib/gi18n.h>

#include "uc-format.h"

struct _UcEventList
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkDropDown        *category;
  GtkColumnView      *table;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  GtkWidget          *edit_button;
  GtkWidget          *delete_button;
  int                 shown_category;   /* -1: all */
};

enum {
  EVENT_ACTIVATED,
  EDIT_EVENT,
  DELETE_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UcEventList, uc_event_list, GTK_TYPE_WIDGET)

static gboolean
match_category (gpointer item,
                gpointer user_data)
{
  UcEventList *self = user_data;

  return self->shown_category < 0 || (int) uc_event_get_category (item) == self->shown_category;
}

static void
on_category_selected (UcEventList *self)
{
  guint selected = gtk_drop_down_get_selected (self->category);

  uc_event_list_set_filter (self, selected == 0 || selected == GTK_INVALID_LIST_POSITION ? -1 : (int) selected - 1);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_date (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  g_autofree char *date = uc_format_day (uc_event_get_time (gtk_list_item_get_item (item)));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), date);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  UcEvent *event = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_label (GTK_LABEL (label), uc_event_get_title (event));
  gtk_widget_set_tooltip_text (label, uc_event_get_description (event) ? uc_event_get_description (event)
                                                                       : uc_event_get_title (event));
}

static void
bind_category (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       uc_event_category_get_name (uc_event_get_category (gtk_list_item_get_item (item))));
}

static int
compare_times (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  UcTime ta = uc_event_get_time ((UcEvent *) a), tb = uc_event_get_time ((UcEvent *) b);

  return ta < tb ? -1 : ta > tb;
}

static int
compare_categories (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  return (int) uc_event_get_category ((UcEvent *) a) - (int) uc_event_get_category ((UcEvent *) b);
}

static GtkColumnViewColumn *
add_column (UcEventList *self,
            const char  *title,
            GCallback    bind,
            gboolean     ellipsize,
            GtkSorter   *sorter)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", bind, NULL);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, ellipsize);
  gtk_column_view_append_column (self->table, column);
  g_object_unref (sorter);
  g_object_unref (column);   /* the table holds it */
  return column;
}

static void
on_activate (UcEventList   *self,
             guint          position,
             GtkColumnView *table)
{
  g_autoptr(UcEvent) event = g_list_model_get_item (G_LIST_MODEL (gtk_column_view_get_model (table)), position);

  if (event)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, event);
}

/* The row selected when it is one of the user's events, else NULL. */
static UcEvent *
selected_user_event (UcEventList *self)
{
  UcEvent *event = gtk_single_selection_get_selected_item (self->selection);

  return event && uc_event_get_category (event) == UC_EVENT_USER ? event : NULL;
}

static void
on_selection_changed (UcEventList *self)
{
  gboolean mine = selected_user_event (self) != NULL;

  gtk_widget_set_sensitive (self->edit_button, mine);
  gtk_widget_set_sensitive (self->delete_button, mine);
}

static void
on_edit_clicked (UcEventList *self)
{
  g_autoptr(UcEvent) event = selected_user_event (self) ? g_object_ref (selected_user_event (self)) : NULL;

  if (event)
    g_signal_emit (self, signals[EDIT_EVENT], 0, event);
}

static void
on_delete_clicked (UcEventList *self)
{
  g_autoptr(UcEvent) event = selected_user_event (self) ? g_object_ref (selected_user_event (self)) : NULL;

  if (event)
    g_signal_emit (self, signals[DELETE_EVENT], 0, event);
}

/* Delete on a row of the user's deletes it, as the button does. */
static gboolean
on_table_key (UcEventList           *self,
              guint                  keyval,
              guint                  keycode,
              GdkModifierType        state,
              GtkEventControllerKey *controller)
{
  if ((keyval != GDK_KEY_Delete && keyval != GDK_KEY_KP_Delete) || selected_user_event (self) == NULL)
    return FALSE;
  on_delete_clicked (self);
  return TRUE;
}

static GtkWidget *
tool_button (UcEventList *self,
             const char  *icon,
             const char  *tooltip,
             GCallback    clicked)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_set_sensitive (button, FALSE);
  g_signal_connect_swapped (button, "clicked", clicked, self);
  return button;
}

static void
uc_event_list_dispose (GObject *object)
{
  UcEventList *self = UC_EVENT_LIST (object);

  /* The table lets go of its rows as it goes: the buttons go first. */
  if (self->box)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (uc_event_list_parent_class)->dispose (object);
}

static void
uc_event_list_class_init (UcEventListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_event_list_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "uceventlist");

  signals[EVENT_ACTIVATED] = g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
  signals[EDIT_EVENT] = g_signal_new ("edit-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
  signals[DELETE_EVENT] = g_signal_new ("delete-event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, UC_TYPE_EVENT);
}

static void
uc_event_list_init (UcEventList *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *scrolled, *tools;
  GtkColumnViewColumn *date_column;

  self->shown_category = -1;
  /* In the enum's order: an item's position is its category + 1. */
  gtk_string_list_append (names, _("All categories"));
  for (int c = UC_EVENT_MODEL_RELEASE; c <= UC_EVENT_USER; c++)
    gtk_string_list_append (names, uc_event_category_get_name (c));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_top (self->box, 6);

  self->category = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Event category"), -1);
  g_signal_connect_swapped (self->category, "notify::selected", G_CALLBACK (on_category_selected), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->category), TRUE);
  tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_end (tools, 6);
  gtk_box_append (GTK_BOX (tools), GTK_WIDGET (self->category));
  self->edit_button = tool_button (self, "document-edit-symbolic", _("Edit Your Event"), G_CALLBACK (on_edit_clicked));
  gtk_box_append (GTK_BOX (tools), self->edit_button);
  self->delete_button = tool_button (self, "user-trash-symbolic", _("Delete Your Event"),
                                     G_CALLBACK (on_delete_clicked));
  gtk_box_append (GTK_BOX (tools), self->delete_button);
  gtk_box_append (GTK_BOX (self->box), tools);

  self->table = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Events"), -1);
  gtk_column_view_set_show_row_separators (self->table, TRUE);
  date_column = add_column (self, _("Date"), G_CALLBACK (bind_date), FALSE,
                            GTK_SORTER (gtk_custom_sorter_new (compare_times, NULL, NULL)));
  add_column (self, _("Event"), G_CALLBACK (bind_title), TRUE,
              GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (UC_TYPE_EVENT, NULL, "title"))));
  add_column (self, _("Category"), G_CALLBACK (bind_category), FALSE,
              GTK_SORTER (gtk_custom_sorter_new (compare_categories, NULL, NULL)));
  g_signal_connect_swapped (self->table, "activate", G_CALLBACK (on_activate), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_swapped (keys, "key-pressed", G_CALLBACK (on_table_key), self);
    gtk_widget_add_controller (GTK_WIDGET (self->table), keys);
  }

  self->filter = gtk_custom_filter_new (match_category, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->table)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->sorted));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed), self);
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (self->selection));
  g_object_unref (self->selection);   /* the table holds it */
  gtk_column_view_sort_by_column (self->table, date_column, GTK_SORT_ASCENDING);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->table));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  g_object_unref (self->filter);
}

GtkWidget *
uc_event_list_new (void)
{
  return g_object_new (UC_TYPE_EVENT_LIST, NULL);
}

/* @events: a list of UcEvent. */
void
uc_event_list_set_events (UcEventList *self,
                          GListModel  *events)
{
  g_return_if_fail (UC_IS_EVENT_LIST (self));
  gtk_filter_list_model_set_model (self->filtered, events);
}

/* The rows as shown: filtered and sorted. */
GListModel *
uc_event_list_get_shown (UcEventList *self)
{
  g_return_val_if_fail (UC_IS_EVENT_LIST (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

/* Selects the row of @event (by identity) when shown: TRUE if it is. */
gboolean
uc_event_list_select (UcEventList *self,
                      UcEvent     *event)
{
  GListModel *shown;

  g_return_val_if_fail (UC_IS_EVENT_LIST (self), FALSE);
  shown = G_LIST_MODEL (self->sorted);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(UcEvent) item = g_list_model_get_item (shown, i);

      if (item == event)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Edit… (or Delete when @delete) on the row selected, as the buttons. */
void
uc_event_list_activate_tool (UcEventList *self,
                             gboolean     delete)
{
  g_return_if_fail (UC_IS_EVENT_LIST (self));
  if (delete)
    on_delete_clicked (self);
  else
    on_edit_clicked (self);
}

/* Only events of @category (a UcEventCategory), or all with -1. */
void
uc_event_list_set_filter (UcEventList *self,
                          int          category)
{
  g_return_if_fail (UC_IS_EVENT_LIST (self));

  if (self->shown_category == category)
    return;
  self->shown_category = category;
  gtk_drop_down_set_selected (self->category, category < 0 ? 0 : (guint) category + 1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
