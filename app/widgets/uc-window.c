/* uc-window.c: the main window
 *
 * A sidebar of views and, beside it, the charts of the view shown under a
 * header bar, with the table of events for the views that list them. This
 * file holds the class and its template, the sidebar (a list model of
 * views that may change while the window is open), showing a view once
 * its data is loaded (on worker threads), and the events table. The
 * charts, the actions, the exports and the settings are in files of their
 * own (see uc-window-private.h).
 */
#include "config.h"

#include "uc-window.h"
#include "uc-charts-layout.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

#include "uc-a11y.h"
#include "uc-catalog.h"
#include "uc-event-table.h"
#include "uc-range-preset.h"

enum
{
  PROP_0,
  PROP_INITIAL_VIEW,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcWindow, uc_window, ADW_TYPE_APPLICATION_WINDOW)

/* A toast of @message, plain text (a toast's title is markup: a file
 * name or an address with “&” in it would not show). */
void
_uc_window_toast (UcWindow   *self,
                  const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  AdwToast *t = adw_toast_new (escaped);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

/* "Could not show the view: …" */
static void
toast_not_shown (UcWindow *self,
                 GError   *error)
{
  g_autofree char *message = g_strdup_printf (_("Could not show the view: %s"), error->message);

  _uc_window_toast (self, message);
}

static void
set_loading (UcWindow     *self,
             GCancellable *loading)
{
  gboolean was = self->loading != NULL;

  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_set_object (&self->loading, loading);
  if (was != (loading != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Every chart of @view, its data loaded, in the variant it showed last;
 * remembered for next time. */
static gboolean
show_loaded (UcWindow  *self,
             UcView    *view,
             GError   **error)
{
  g_autoptr(UcWindowKept) kept = g_steal_pointer (&self->kept);

  if (!uc_view_build_charts (view, error))
    return FALSE;
  _uc_window_add_user_series (self, view);
  _uc_window_restore_variant (self, view);
  _uc_window_restore_picks (self, view);
  if (kept)
    _uc_window_carry_hidden (kept, view);
  uc_window_set_view (self, view);
  if (kept)
    _uc_window_restore_shown (self, kept);
  _uc_window_remember_view (self);
  return TRUE;
}

static void
on_view_loaded (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(UcWindow) self = user_data;
  UcView *view = UC_VIEW (object);
  g_autoptr(GError) error = NULL;
  gboolean loaded = uc_view_load_data_finish (view, result, &error);

  /* Another view was asked for meanwhile, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      self->loading == NULL || g_cancellable_is_cancelled (self->loading))
    return;
  loaded = loaded && show_loaded (self, view, &error);
  /* Only now: the window waits for this to go on screen (see uc-application.c). */
  set_loading (self, NULL);
  if (!loaded)
    {
      toast_not_shown (self, error);
      _uc_window_select_shown (self);
    }
}

/* Shows @view: at once when its data is in memory; else the data is
 * loaded on worker threads while the view shown stays, and @view replaces
 * it when ready ("loading" is TRUE meanwhile). A view asked for while
 * another loads takes its place. @kept: what the view showed before, to
 * show again (its data loaded again), or NULL. */
static gboolean
show_keeping (UcWindow      *self,
              UcView        *view,
              UcWindowKept  *kept,
              GError       **error)
{
  UcCatalog *catalog = uc_catalog_get_default ();
  g_autoptr(GCancellable) loading = NULL;

  set_loading (self, NULL);
  _uc_window_kept_free (self->kept);
  self->kept = kept;
  if (!uc_view_needs_loading (view, catalog))
    return uc_view_load_data (view, catalog, NULL, error) && show_loaded (self, view, error);
  loading = g_cancellable_new ();
  set_loading (self, loading);
  uc_view_load_data_async (view, catalog, loading, on_view_loaded, g_object_ref (self));
  return TRUE;
}

static gboolean
show (UcWindow  *self,
      UcView    *view,
      GError   **error)
{
  return show_keeping (self, view, NULL, error);
}

/* The view shown, built again (the user's series added to it changed),
 * keeping what the user chose. */
void
_uc_window_reshow (UcWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->view && !show_keeping (self, self->view, _uc_window_keep_shown (self), &error))
    toast_not_shown (self, error);
}

/* The catalog changed (a refresh brought new rows): the view shown, if
 * its data changed, is loaded again and shown with the new rows, keeping
 * what the user chose (see _uc_window_keep_shown()). */
static gboolean
reload_view (gpointer data)
{
  UcWindow *self = data;
  g_autoptr(GError) error = NULL;

  self->reload_idle = 0;
  /* A view being loaded reads the catalog as it is now. */
  if (self->view == NULL || self->loading || !uc_view_needs_loading (self->view, uc_catalog_get_default ()))
    return G_SOURCE_REMOVE;
  if (!show_keeping (self, self->view, _uc_window_keep_shown (self), &error))
    toast_not_shown (self, error);
  return G_SOURCE_REMOVE;
}

/* One reload for all the datasets a refresh put in (the catalog puts
 * them in one after the other, before the main loop runs again); not at
 * idle priority, which the frames of an animation can hold off. */
static void
on_catalog_changed (UcWindow *self)
{
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT, reload_view, self, NULL);
}

/* The view of id @view_id among the sidebar's, shown with what @kept
 * (taken; may be NULL) says (see show_keeping()). */
gboolean
_uc_window_show_kept (UcWindow      *self,
                      const char    *view_id,
                      UcWindowKept  *kept,
                      GError       **error)
{
  g_autoptr(UcWindowKept) owned = kept;
  g_autofree char *why = NULL;
  UcView *view = uc_view_catalog_find (self->views, view_id, NULL);

  if (view == NULL)
    {
      g_autofree char *known = uc_view_catalog_dup_ids (self->views);

      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, "unknown view “%s” (known: %s)",
                   view_id ? view_id : "", known);
      return FALSE;
    }
  if ((why = _uc_window_why_not_shown (self, view)) != NULL)
    {
      g_set_error_literal (error, UC_VIEW_ERROR, UC_VIEW_ERROR_DATA, why);
      return FALSE;
    }
  return show_keeping (self, view, g_steal_pointer (&owned), error);
}

/* The view of id @view_id among the sidebar's, shown (see show()). */
gboolean
uc_window_show_view (UcWindow    *self,
                     const char  *view_id,
                     GError     **error)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  return _uc_window_show_kept (self, view_id, NULL, error);
}

/* Whether the data of a view asked for is being loaded. */
gboolean
uc_window_get_loading (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

static GtkWidget *
create_view_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *label;

  if (uc_library_view_entry_id (uc_view_get_id (item)))
    return _uc_window_create_library_row (user_data, item);
  label = gtk_label_new (uc_view_get_title (item));

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static void
on_row_selected (UcWindow      *self,
                 GtkListBoxRow *row)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = NULL;
  g_autofree char *why = NULL;

  if (row == NULL)
    return;
  view = g_list_model_get_item (G_LIST_MODEL (self->views), (guint) gtk_list_box_row_get_index (row));
  why = _uc_window_why_not_shown (self, view);
  if (why)
    {
      _uc_window_toast (self, why);
      _uc_window_select_shown (self);
      return;
    }
  if (view == self->view)
    {
      set_loading (self, NULL);   /* back to the view shown: one asked for since is not wanted */
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }
  if (!show (self, view, &error))
    toast_not_shown (self, error);
}

/* The sidebar's row of the view shown, selected without showing it again. */
void
_uc_window_select_shown (UcWindow *self)
{
  GtkListBoxRow *row;
  guint position;

  if (self->view == NULL || uc_view_catalog_find (self->views, uc_view_get_id (self->view), &position) != self->view)
    return;
  row = gtk_list_box_get_row_at_index (self->view_list, (int) position);
  if (row == NULL || gtk_list_box_get_selected_row (self->view_list) == row)
    return;
  g_signal_handlers_block_by_func (self->view_list, on_row_selected, self);
  gtk_list_box_select_row (self->view_list, row);
  g_signal_handlers_unblock_by_func (self->view_list, on_row_selected, self);
}

/* The sidebar's views changed: the view shown stays selected; removed,
 * the first view takes its place, and replaced (a file read again), the
 * new one. */
static void
on_views_changed (UcWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) first = NULL;
  UcView *now;

  if (self->view == NULL)
    return;
  now = uc_view_catalog_find (self->views, uc_view_get_id (self->view), NULL);
  if (now == self->view)
    {
      _uc_window_select_shown (self);
      return;
    }
  first = g_list_model_get_item (G_LIST_MODEL (self->views), 0);
  now = now ? now : first;
  if (now && !show (self, now, &error))
    toast_not_shown (self, error);
}

/* The views of the sidebar: add one and it is listed, remove it and it
 * goes (and the window shows the first view if it was shown). */
UcViewCatalog *
uc_window_get_views (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->views;
}

/* All the embedded events, in the table, once they are loaded (a view
 * shown fills it too, so it never shows the table empty for a moment);
 * a failure leaves it empty. */
void
_uc_window_fill_events (UcWindow *self)
{
  UcSource *source = uc_catalog_find (uc_catalog_get_default (), "events");
  g_autoptr(UcDataset) table = NULL;
  g_autoptr(UcChartSpec) scratch = NULL;

  if (self->events == NULL || self->events_filled || source == NULL || !uc_source_is_loaded (source))
    return;
  self->events_filled = TRUE;
  table = uc_source_load (source, NULL, NULL);
  scratch = uc_chart_spec_new ();
  if (table && uc_chart_spec_add_events_from (scratch, table, G_MININT64 / 2, G_MAXINT64 / 2, NULL, NULL))
    for (guint i = 0; i < uc_chart_spec_get_n_events (scratch); i++)
      g_list_store_append (self->events, uc_chart_spec_get_event (scratch, i));
  _uc_window_list_user_events (self);
}

static void
on_events_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UcWindow) self = user_data;
  g_autoptr(UcDataset) table = uc_source_load_finish (UC_SOURCE (object), result, NULL);

  if (table)
    _uc_window_fill_events (self);
}

static void
load_events (UcWindow *self)
{
  UcSource *source = uc_catalog_find (uc_catalog_get_default (), "events");

  uc_event_list_set_events (self->event_list, G_LIST_MODEL (self->events));
  if (source)
    uc_source_load_async (source, NULL, on_events_loaded, g_object_ref (self));
}

/* Every chart on the days around an event (uc_range_around). */
void
uc_window_focus_event (UcWindow *self,
                       UcEvent  *event)
{
  UcTime from, to;

  g_return_if_fail (UC_IS_WINDOW (self));
  g_return_if_fail (UC_IS_EVENT (event));
  self->selected_event = uc_event_get_time (event);
  uc_range_around (self->selected_event, &from, &to);
  uc_time_range_set (self->time_range, from, to);
}

static void
on_event_activated (UcWindow    *self,
                    UcEvent     *event,
                    UcEventList *list)
{
  uc_window_focus_event (self, event);
}

const char *
uc_window_get_view_id (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->view ? uc_view_get_id (self->view) : NULL;
}

UcTimeRange *
uc_window_get_time_range (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->time_range;
}

UcChartView *
uc_window_get_chart_view (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->chart_view;
}

static gboolean
uc_window_close_request (GtkWindow *window)
{
  _uc_window_save_state (UC_WINDOW (window));
  return GTK_WINDOW_CLASS (uc_window_parent_class)->close_request (window);
}

static void
uc_window_dispose (GObject *object)
{
  UcWindow *self = UC_WINDOW (object);

  if (self->export_dialog)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->export_dialog), (gpointer *) &self->export_dialog);
      gtk_window_destroy (GTK_WINDOW (self->export_dialog));
      self->export_dialog = NULL;
    }
  /* Not set_loading (): nothing is to be told of a window going away. */
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_clear_pointer (&self->kept, _uc_window_kept_free);
  _uc_window_dispose_refresh (self);
  _uc_window_dispose_import (self);
  _uc_window_dispose_library (self);
  _uc_window_dispose_annotations (self);
  _uc_window_dispose_state (self);
  _uc_window_dispose_story (self);
  _uc_window_dispose_events (self);
  _uc_window_dispose_clickhouse (self);
  /* The settings may outlive the window (actions made from them hold
   * them): what they tell must no longer reach it. */
  if (self->settings)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->views);
  g_clear_object (&self->events);
  if (self->time_range)
    g_signal_handlers_disconnect_by_data (self->time_range, self);
  g_clear_object (&self->time_range);
  g_clear_object (&self->crosshair_link);
  g_clear_pointer (&self->range_back, g_array_unref);
  g_clear_pointer (&self->range_forward, g_array_unref);
  g_clear_object (&self->view);

  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_WINDOW);

  G_OBJECT_CLASS (uc_window_parent_class)->dispose (object);
}

static void
uc_window_finalize (GObject *object)
{
  g_free (UC_WINDOW (object)->initial_view);
  G_OBJECT_CLASS (uc_window_parent_class)->finalize (object);
}

static void
uc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_INITIAL_VIEW: g_value_set_string (value, UC_WINDOW (object)->initial_view); break;
    case PROP_LOADING: g_value_set_boolean (value, UC_WINDOW (object)->loading != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_INITIAL_VIEW: UC_WINDOW (object)->initial_view = g_value_dup_string (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The view asked for, else the one of last time, else the first: shown
 * once the properties are set, so a window opened on a view builds no
 * other first. */
static void
uc_window_constructed (GObject *object)
{
  UcWindow *self = UC_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) view = NULL;
  UcView *asked = NULL;

  G_OBJECT_CLASS (uc_window_parent_class)->constructed (object);

  if (self->initial_view)
    asked = uc_view_catalog_find (self->views, self->initial_view, NULL);
  view = asked ? g_object_ref (asked) : _uc_window_remembered_view (self);
  if (view && !show (self, view, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the chart: %s"), error->message);

      _uc_window_toast (self, message);
      self->restore_range = FALSE;
    }
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, view_list);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, content);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, charts);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, value_as_is_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, value_rebased_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, value_percent_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, log_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, transform_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, event_paned);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, value_mode_box);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, base_calendar);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, base_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, variant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, variant_labels);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, range_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, range_popover);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, series_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, series_picker);
  gtk_widget_class_bind_template_callback (widget_class, _uc_window_on_series_picked);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, chart_view);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, refresh_spinner);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, refresh_bar);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, refresh_label);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, refresh_progress);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, import_progress);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, library_hint);
}

static void
uc_window_class_init (UcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = uc_window_dispose;
  object_class->finalize = uc_window_finalize;
  object_class->constructed = uc_window_constructed;
  object_class->set_property = uc_window_set_property;
  object_class->get_property = uc_window_get_property;

  properties[PROP_INITIAL_VIEW] =
    g_param_spec_string ("initial-view", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  window_class->close_request = uc_window_close_request;

  g_type_ensure (UC_TYPE_CHART_VIEW);
  g_type_ensure (UC_TYPE_EVENT_LIST);
  g_type_ensure (UC_TYPE_OVERVIEW);
  g_type_ensure (UC_TYPE_RANGE_POPOVER);
  g_type_ensure (UC_TYPE_SERIES_PICKER);
  bind_template (widget_class);
  _uc_window_class_init_actions (widget_class);
  _uc_window_class_init_keys (widget_class);
  _uc_window_class_init_import (widget_class);
  _uc_window_class_init_library (widget_class);
  _uc_window_class_init_clickhouse (widget_class);
  _uc_window_class_init_events (widget_class);
  _uc_window_class_init_annotations (widget_class);
  _uc_window_class_init_state (widget_class);
  _uc_window_class_init_story (widget_class);
}

static void
uc_window_init (UcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  /* The view's main chart keeps the larger share of the height. */
  gtk_widget_set_layout_manager (GTK_WIDGET (self->charts), uc_charts_layout_new ());

  self->time_range = uc_time_range_new ();
  self->crosshair_link = uc_crosshair_link_new ();
  uc_range_popover_set_time_range (self->range_popover, self->time_range);
  _uc_window_init_settings (self);
  _uc_window_init_actions (self);

  self->events = g_list_store_new (UC_TYPE_EVENT);
  load_events (self);
  _uc_window_init_events (self);
  g_signal_connect_swapped (self->event_list, "event-activated", G_CALLBACK (on_event_activated), self);
  _uc_window_init_annotations (self);
  _uc_window_init_charts (self);
  _uc_window_init_range_history (self);
  _uc_window_init_keys (self);

  self->views = uc_view_catalog_new_builtin ();
  gtk_list_box_bind_model (self->view_list, G_LIST_MODEL (self->views), create_view_row, self, NULL);
  _uc_window_init_library (self);
  _uc_window_init_clickhouse (self);
  _uc_window_init_import (self);
  g_signal_connect_swapped (self->view_list, "row-selected", G_CALLBACK (on_row_selected), self);
  /* After the list box has its rows for the change. */
  g_signal_connect_object (self->views, "items-changed", G_CALLBACK (on_views_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (uc_catalog_get_default (), "items-changed", G_CALLBACK (on_catalog_changed), self,
                           G_CONNECT_SWAPPED);
}

UcWindow *
uc_window_new (AdwApplication *application)
{
  return g_object_new (UC_TYPE_WINDOW, "application", application, NULL);
}

/* A window that opens on @view_id (an unknown id: as uc_window_new()). */
UcWindow *
uc_window_new_on_view (AdwApplication *application,
                       const char     *view_id)
{
  return g_object_new (UC_TYPE_WINDOW, "application", application, "initial-view", view_id, NULL);
}
