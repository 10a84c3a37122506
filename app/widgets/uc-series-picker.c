/* uc-series-picker.c: the series a chart of a view shows, picked
 *
 * The list is the view's (uc_view_list_choices): the chart's own series
 * first, checked, then everything else its dataset has. A check applies
 * at once, as OWID's "Edit countries" does; the last series shown cannot
 * be unchecked (an empty chart says nothing). "picked" tells the window
 * which chart to draw again and remember.
 */
#include "config.h"

#include "uc-series-picker.h"

#include <glib/gi18n.h>

#include "uc-a11y.h"
#include "uc-series-choice.h"

struct _UcSeriesPicker
{
  GtkPopover      parent_instance;

  UcView         *view;
  GArray         *charts;     /* guint: the view's charts that can pick, as the dropdown lists them */
  guint           chart;      /* the one shown */
  GListModel     *choices;
  GtkCustomFilter *filter;
  gboolean        applying;

  GtkDropDown    *chart_dropdown;
  GtkStringList  *chart_titles;
  GtkSearchEntry *search_entry;
  GtkListView    *list_view;
  GtkLabel       *empty_label;
  GtkLabel       *count_label;
};

G_DEFINE_FINAL_TYPE (UcSeriesPicker, uc_series_picker, GTK_TYPE_POPOVER)

enum
{
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

enum
{
  PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_count (UcSeriesPicker *self)
{
  guint n = self->choices ? g_list_model_get_n_items (self->choices) : 0, chosen = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UcSeriesChoice) choice = g_list_model_get_item (self->choices, i);

      chosen += uc_series_choice_get_chosen (choice);
    }
  /* Translators: how many series of all those offered a chart shows */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown", "%u of %u shown", n), chosen, n);
  gtk_label_set_text (self->count_label, text);
}

/* The choices checked, as the view takes them: NULL when they are the
 * view's own. */
static GStrv
chosen_ids (UcSeriesPicker *self,
            guint          *n_chosen)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = g_list_model_get_n_items (self->choices);
  gboolean own = TRUE;

  *n_chosen = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(UcSeriesChoice) choice = g_list_model_get_item (self->choices, i);

      if (uc_series_choice_get_chosen (choice) != uc_series_choice_get_own (choice))
        own = FALSE;
      if (uc_series_choice_get_chosen (choice))
        {
          g_strv_builder_add (ids, uc_series_choice_get_id (choice));
          (*n_chosen)++;
        }
    }
  return own ? NULL : g_strv_builder_end (ids);
}

static void
on_choice_toggled (UcSeriesPicker *self,
                   GParamSpec     *pspec,
                   UcSeriesChoice *choice)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  guint n_chosen;

  if (self->applying)
    return;
  ids = chosen_ids (self, &n_chosen);
  if (n_chosen == 0)
    {
      self->applying = TRUE;
      uc_series_choice_set_chosen (choice, TRUE);
      self->applying = FALSE;
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  if (!uc_view_set_picked (self->view, self->chart, (const char * const *) ids, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  update_count (self);
  g_signal_emit (self, signals[PICKED], 0, self->chart);
}

static gboolean
filter_choice (gpointer item,
               gpointer user_data)
{
  UcSeriesPicker *self = user_data;

  return uc_series_choice_matches (item, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* The list of chart @chart, as the view offers it now. */
static void
load_choices (UcSeriesPicker *self)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->choices)
    for (guint i = 0; i < g_list_model_get_n_items (self->choices); i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (self->choices, i);
        g_signal_handlers_disconnect_by_func (item, on_choice_toggled, self);
      }
  g_clear_object (&self->choices);
  if (self->view)
    self->choices = uc_view_list_choices (self->view, self->chart);
  for (guint i = 0; self->choices && i < g_list_model_get_n_items (self->choices); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->choices, i);
      g_signal_connect_swapped (item, "notify::chosen", G_CALLBACK (on_choice_toggled), self);
    }
  filtered = gtk_filter_list_model_new (self->choices ? g_object_ref (self->choices) : NULL,
                                        g_object_ref (GTK_FILTER (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  update_count (self);
}

static void
on_search_changed (UcSeriesPicker *self)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->list_view);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label),
                          model && g_list_model_get_n_items (G_LIST_MODEL (model)) == 0);
}

/* Enter in the search: the first series that matches checked or
 * unchecked, as a click on it would, and the words selected for the next
 * search to replace. Read from the words, not the list, whose filter
 * follows the typing a moment later. */
static void
on_search_activate (UcSeriesPicker *self)
{
  const char *words = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (guint i = 0; self->choices && *words && i < g_list_model_get_n_items (self->choices); i++)
    {
      g_autoptr(UcSeriesChoice) choice = g_list_model_get_item (self->choices, i);

      if (uc_series_choice_matches (choice, words))
        {
          uc_series_choice_set_chosen (choice, !uc_series_choice_get_chosen (choice));
          break;
        }
    }
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Escape in the search (which takes the key from the popover): the
 * words cleared first, then the picker closed. */
static void
on_stop_search (UcSeriesPicker *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_chart_selected (UcSeriesPicker *self)
{
  guint index = gtk_drop_down_get_selected (self->chart_dropdown);

  if (self->charts && index < self->charts->len && g_array_index (self->charts, guint, index) != self->chart)
    {
      self->chart = g_array_index (self->charts, guint, index);
      load_choices (self);
    }
}

static void
on_own_clicked (UcSeriesPicker *self)
{
  g_autoptr(GError) error = NULL;

  if (self->view == NULL || uc_view_get_picked (self->view, self->chart) == NULL)
    return;
  if (!uc_view_set_picked (self->view, self->chart, NULL, &error))
    {
      g_warning ("%s", error->message);
      return;
    }
  load_choices (self);
  g_signal_emit (self, signals[PICKED], 0, self->chart);
}

static void
on_setup_row (UcSeriesPicker *self,
              GtkListItem    *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *id = gtk_label_new (NULL);

  gtk_widget_set_hexpand (check, TRUE);
  gtk_widget_add_css_class (id, "dim-label");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), id);
  gtk_list_item_set_child (item, box);
  /* The check button takes the click and the keys; the row need not. */
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_bind_row (UcSeriesPicker *self,
             GtkListItem    *item)
{
  UcSeriesChoice *choice = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *id = gtk_widget_get_next_sibling (check);
  GBinding *binding;

  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), uc_series_choice_get_label (choice));
  uc_a11y_fix_names (check);
  /* The id beside the name only where it says more ("TSLA" by "Tesla", not "US" by "US"). */
  gtk_label_set_text (GTK_LABEL (id), g_strcmp0 (uc_series_choice_get_id (choice), uc_series_choice_get_label (choice))
                                      ? uc_series_choice_get_id (choice) : "");
  binding = g_object_bind_property (choice, "chosen", check, "active", G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Held, not borrowed: the check button may go before the row is unbound,
   * and a binding whose target is gone is freed with it. */
  g_object_set_data_full (G_OBJECT (item), "binding", g_object_ref (binding), g_object_unref);
}

static void
on_unbind_row (UcSeriesPicker *self,
               GtkListItem    *item)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "binding");

  if (binding)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (item), "binding", NULL);
}

/* The charts of @view whose series can be picked, in the dropdown; the
 * first of them shown. */
void
uc_series_picker_set_view (UcSeriesPicker *self,
                           UcView         *view)
{
  g_return_if_fail (UC_IS_SERIES_PICKER (self));

  g_set_object (&self->view, view);
  g_array_set_size (self->charts, 0);
  gtk_string_list_splice (self->chart_titles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->chart_titles)), NULL);
  for (guint i = 0; view && i < uc_view_get_n_charts (view); i++)
    if (uc_view_can_pick (view, i))
      {
        g_array_append_val (self->charts, i);
        gtk_string_list_append (self->chart_titles, uc_chart_spec_get_title (uc_view_get_chart (view, i)));
      }
  gtk_widget_set_visible (GTK_WIDGET (self->chart_dropdown), self->charts->len > 1);
  self->chart = self->charts->len ? g_array_index (self->charts, guint, 0) : 0;
  gtk_drop_down_set_selected (self->chart_dropdown, 0);
  load_choices (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

UcView *
uc_series_picker_get_view (UcSeriesPicker *self)
{
  g_return_val_if_fail (UC_IS_SERIES_PICKER (self), NULL);
  return self->view;
}

/* Whether the view has a chart to pick series for. */
gboolean
uc_series_picker_has_charts (UcSeriesPicker *self)
{
  g_return_val_if_fail (UC_IS_SERIES_PICKER (self), FALSE);
  return self->charts->len > 0;
}

/* Shows chart @chart's list, if it can pick. */
void
uc_series_picker_set_chart (UcSeriesPicker *self,
                            guint           chart)
{
  g_return_if_fail (UC_IS_SERIES_PICKER (self));

  for (guint i = 0; i < self->charts->len; i++)
    if (g_array_index (self->charts, guint, i) == chart)
      gtk_drop_down_set_selected (self->chart_dropdown, i);
}

GtkWidget *
uc_series_picker_new (void)
{
  return g_object_new (UC_TYPE_SERIES_PICKER, NULL);
}

static void
on_show (UcSeriesPicker *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* What the view shows now: a variant or a pick elsewhere rebuilt it. */
  load_choices (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
uc_series_picker_dispose (GObject *object)
{
  UcSeriesPicker *self = UC_SERIES_PICKER (object);

  if (self->list_view)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->choices);
  g_clear_object (&self->view);
  gtk_widget_dispose_template (GTK_WIDGET (object), UC_TYPE_SERIES_PICKER);
  G_OBJECT_CLASS (uc_series_picker_parent_class)->dispose (object);
}

static void
uc_series_picker_finalize (GObject *object)
{
  UcSeriesPicker *self = UC_SERIES_PICKER (object);

  g_clear_pointer (&self->charts, g_array_unref);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (uc_series_picker_parent_class)->finalize (object);
}

static void
uc_series_picker_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UcSeriesPicker *self = UC_SERIES_PICKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_object (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_series_picker_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UcSeriesPicker *self = UC_SERIES_PICKER (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      uc_series_picker_set_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_series_picker_class_init (UcSeriesPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_series_picker_dispose;
  object_class->finalize = uc_series_picker_finalize;
  object_class->get_property = uc_series_picker_get_property;
  object_class->set_property = uc_series_picker_set_property;

  properties[PROP_VIEW] =
    g_param_spec_object ("view", NULL, NULL, UC_TYPE_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A chart's series were picked: its index in the view. */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/undercut/Undercut/ui/uc-series-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, UcSeriesPicker, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UcSeriesPicker, chart_titles);
  gtk_widget_class_bind_template_child (widget_class, UcSeriesPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UcSeriesPicker, list_view);
  gtk_widget_class_bind_template_child (widget_class, UcSeriesPicker, empty_label);
  gtk_widget_class_bind_template_child (widget_class, UcSeriesPicker, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_own_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row);
  gtk_widget_class_bind_template_callback (widget_class, on_bind_row);
  gtk_widget_class_bind_template_callback (widget_class, on_unbind_row);
}

static void
uc_series_picker_init (UcSeriesPicker *self)
{
  self->charts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->filter = gtk_custom_filter_new (filter_choice, self, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}
