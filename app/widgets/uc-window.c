/* uc-window.c: the main window
 *
 * Holds the header bar and the chart, exports what the chart shows, and
 * remembers its size and maximized state between runs.
 */
#include "config.h"

#include "uc-window.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "uc-chart-theme.h"
#include "uc-export.h"
#include "uc-catalog.h"
#include "uc-core-enums.h"
#include "uc-enum.h"
#include "uc-event-list.h"
#include "uc-overview.h"
#include "uc-view.h"
#include "uc-view-catalog.h"
#include "uc-event-table.h"

#define EXPORT_WIDTH  1600
#define EXPORT_HEIGHT 900

enum
{
  PROP_0,
  PROP_INITIAL_VIEW,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

struct _UcWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *view_list;
  GtkWidget            *content;
  GtkBox               *charts;
  UcEventList          *event_list;
  GtkWidget            *value_mode_box;
  GtkWidget            *log_button;
  UcOverview           *overview;
  UcView               *view;
  char                 *initial_view;   /* construct-only: the view to open on */
  GtkEditable          *filter_entry;
  GtkCalendar          *base_calendar;
  GtkMenuButton        *base_button;
  GtkDropDown          *variant_dropdown;
  GtkStringList        *variant_labels;
  AdwWindowTitle       *window_title;
  AdwToastOverlay      *toast_overlay;
  UcChartView          *chart_view;   /* the view's first chart */

  /* owned */
  GSettings            *settings;
  GtkFileChooserNative *export_chooser;
  UcViewCatalog        *views;        /* the sidebar's */
  GCancellable         *loading;      /* the data of the view asked for, being loaded; NULL when none */
  gboolean              restore_range; /* the first view shown takes the days of last time */
  GListStore           *events;       /* every event, for the table */
  gboolean              events_filled; /* with the events table, once it is loaded */
  UcTimeRange          *time_range;   /* shared by every chart shown */
  char                 *view_id;
  UcTime                base_date;    /* the last event clicked, to rebase on; 0: the first day shown */
};

G_DEFINE_FINAL_TYPE (UcWindow, uc_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (UcWindow   *self,
       const char *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static const struct
{
  const char     *name;
  const char     *pattern;
  const char     *extension;
} export_types[] = {
  { N_("PNG image"), "*.png", ".png" },
  { N_("SVG vector image"), "*.svg", ".svg" },
  { N_("PDF document"), "*.pdf", ".pdf" },
};

/* What exports and copies draw: every chart of the view as shown (how
 * each draws in @draw), one under the other in @height pixels shared as
 * the command line shares them. */
static GPtrArray *
export_specs (UcWindow            *self,
              int                  height,
              int                **heights,
              UcChartDrawOptions **draw)
{
  GPtrArray *specs = g_ptr_array_new_with_free_func (g_object_unref);
  GArray *options = g_array_new (FALSE, FALSE, sizeof (UcChartDrawOptions));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      UcChartSpec *shown = uc_chart_view_get_shown_spec (UC_CHART_VIEW (child));
      UcChartDrawOptions how = uc_chart_view_get_export_options (UC_CHART_VIEW (child));

      if (shown == NULL)
        continue;
      g_ptr_array_add (specs, g_object_ref (shown));
      g_array_append_val (options, how);
    }
  *draw = (UcChartDrawOptions *) g_array_free (options, FALSE);
  *heights = g_new (int, MAX (specs->len, 1));
  if (self->view && specs->len == uc_view_get_n_charts (self->view))
    uc_view_split_height (self->view, height, *heights);
  else
    for (guint i = 0; i < specs->len; i++)   /* shared evenly, the last takes what rounding leaves */
      (*heights)[i] = i + 1 < specs->len ? height / (int) specs->len : height - (int) (specs->len - 1) * (height / (int) specs->len);
  return specs;
}

static void
on_export_response (UcWindow             *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  int width, height;
  double scale;
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree int *heights = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  UcExportFormat format;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Export needs a local folder"));
      goto out;
    }

  /* No extension typed: take the one of the chosen file type. */
  if (!uc_export_format_from_path (path, &format, NULL))
    {
      GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
      const char *ext = ".png";

      for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
        if (filter && g_strcmp0 (gtk_file_filter_get_name (filter), _(export_types[i].name)) == 0)
          ext = export_types[i].extension;
      {
        char *with_ext = g_strconcat (path, ext, NULL);
        g_free (path);
        path = with_ext;
      }
      uc_export_format_from_path (path, &format, NULL);
    }

  basename = g_path_get_basename (path);
  {
    const char *size = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "size");
    const char *scale_text = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "scale");

    if (size == NULL || sscanf (size, "%dx%d", &width, &height) != 2 || width < 16 || height < 16)
      width = EXPORT_WIDTH, height = EXPORT_HEIGHT;
    scale = scale_text ? g_ascii_strtod (scale_text, NULL) : 1;
    if (!(scale >= 1 && scale <= 4))
      scale = 1;
  }
  specs = export_specs (self, height, &heights, &draw);
  if (specs->len > 0 &&
      uc_export_charts ((UcChartSpec **) specs->pdata, draw, heights, specs->len, uc_chart_theme_light (), path, format,
                        width, scale, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Exported “%s”"), basename);
      toast (self, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("Could not export: %s"), error ? error->message : _("no chart"));
      toast (self, message);
    }

out:
  g_clear_object (&self->export_chooser);
}

/* The view as shown, to @path (format by its extension). */
gboolean
uc_window_export (UcWindow    *self,
                  const char  *path,
                  GError     **error)
{
  g_autoptr(GPtrArray) specs = NULL;
  g_autofree int *heights = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  UcExportFormat format;

  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  if (!uc_export_format_from_path (path, &format, error))
    return FALSE;
  specs = export_specs (self, EXPORT_HEIGHT, &heights, &draw);
  if (specs->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: no chart to export", path);
      return FALSE;
    }
  return uc_export_charts ((UcChartSpec **) specs->pdata, draw, heights, specs->len, uc_chart_theme_light (),
                           path, format, EXPORT_WIDTH, 1.0, error);
}

/* Ctrl+C: the view as shown, as an image on the clipboard, drawn like an
 * export (light, 1600×900) so it pastes the same everywhere. */
static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autofree int *heights = NULL;
  g_autofree UcChartDrawOptions *draw = NULL;
  g_autoptr(GPtrArray) specs = export_specs (self, EXPORT_HEIGHT, &heights, &draw);
  g_autoptr(GdkTexture) texture = NULL;

  if (specs->len == 0)
    return;
  texture = uc_chart_view_draw_stack_texture ((UcChartSpec **) specs->pdata, draw, heights, specs->len,
                                              uc_chart_theme_light (), EXPORT_WIDTH, 1);
  gdk_clipboard_set_texture (gtk_widget_get_clipboard (widget), texture);
  toast (self, _("Copied as an image"));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  g_autofree char *name = NULL;

  if (self->export_chooser != NULL || uc_chart_view_get_spec (self->chart_view) == NULL)
    return;

  self->export_chooser = gtk_file_chooser_native_new (_("Export View"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SAVE,
                                                      _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->export_chooser), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (export_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(export_types[i].name));
      gtk_file_filter_add_pattern (filter, export_types[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->export_chooser), filter);
    }
  name = g_strdup_printf ("%s.png", self->view_id ? self->view_id : "chart");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->export_chooser), name);

  /* Size and scale beside the file name (PNG pixels are size × scale). */
  {
    const char *sizes[] = { "1600x900", "1200x675", "1920x1080", "800x450", "1080x1080", NULL };
    const char *size_labels[] = { N_("1600 × 900 (slides)"), N_("1200 × 675 (articles)"), N_("1920 × 1080 (HD)"),
                                  N_("800 × 450 (small)"), N_("1080 × 1080 (square)"), NULL };
    const char *scales[] = { "1", "2", "3.125", NULL };
    const char *scale_labels[] = { N_("1× (screen)"), N_("2× (sharp)"), N_("300 dpi (print)"), NULL };
    g_autofree const char **sizes_l = g_new0 (const char *, G_N_ELEMENTS (size_labels));
    g_autofree const char **scales_l = g_new0 (const char *, G_N_ELEMENTS (scale_labels));

    for (guint i = 0; size_labels[i]; i++)
      sizes_l[i] = _(size_labels[i]);
    for (guint i = 0; scale_labels[i]; i++)
      scales_l[i] = _(scale_labels[i]);
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "size", _("Size"), sizes, sizes_l);
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "size", "1600x900");
    gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (self->export_chooser), "scale", _("Scale"), scales, scales_l);
    gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (self->export_chooser), "scale", "1");
  }

  g_signal_connect_swapped (self->export_chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->export_chooser));
}

static void apply_toggles (UcWindow *self);
static void fill_events (UcWindow *self);
static void update_subtitle (UcWindow *self);
static void on_event_clicked (UcWindow    *self,
                              UcEvent     *event,
                              UcChartView *chart);
static void on_variant_selected (UcWindow *self);
static void on_row_selected (UcWindow      *self,
                             GtkListBoxRow *row);
static void on_filter_changed (UcWindow *self);
static void apply_toggles (UcWindow *self);

/* The stretch of a chart and its data: what its range may show. */
static void
chart_extent (UcChartSpec *spec,
              UcTime      *lower,
              UcTime      *upper)
{
  UcTime from, to;

  uc_chart_spec_get_range (spec, &from, &to);
  *lower = MIN (*lower, from);
  *upper = MAX (*upper, to);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      UcSeries *series = uc_chart_spec_get_series (spec, s);
      guint n = uc_series_get_length (series);

      if (n > 0)
        {
          *lower = MIN (*lower, uc_series_get_x (series)[0]);
          *upper = MAX (*upper, uc_series_get_x (series)[n - 1]);
        }
    }
}

/* A chart on a number axis ("trading days from an event") does not share
 * the time charts' range: it zooms and pans a range of its own, bounded
 * by its data, down to a hundredth of that. */
static UcTimeRange *
own_range (UcChartSpec *spec)
{
  UcTimeRange *range = uc_time_range_new ();
  UcTime lower = G_MAXINT64, upper = G_MININT64, from, to;

  chart_extent (spec, &lower, &upper);
  uc_chart_spec_get_range (spec, &from, &to);
  uc_time_range_set_min_span (range, MAX ((upper - lower) / 100, 1));
  uc_time_range_set_bounds (range, lower, upper);
  uc_time_range_set (range, from, to);
  return range;
}

/* The first chart on time, whose days the others share; NULL when every
 * chart is on a number axis. */
static UcChartSpec *
first_time_chart (UcView *view)
{
  for (guint i = 0; i < uc_view_get_n_charts (view); i++)
    if (uc_chart_spec_get_x_kind (uc_view_get_chart (view, i)) == UC_X_TIME)
      return uc_view_get_chart (view, i);
  return NULL;
}

/* The sidebar's row of the view shown, selected without showing it again. */
static void
select_shown (UcWindow *self)
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

/* Every chart of @view, its data loaded, one under the other, on one
 * shared stretch of time whose bounds take in all their data. */
static gboolean
show_loaded (UcWindow  *self,
             UcView    *view,
             GError   **error)
{
  const char *view_id = uc_view_get_id (view);

  if (!uc_view_build_charts (view, error))
    return FALSE;
  {
    g_autoptr(GVariant) variants = g_settings_get_value (self->settings, "view-variants");
    const char *variant = NULL;

    if (g_variant_lookup (variants, view_id, "&s", &variant))
      uc_view_set_variant (view, variant, NULL);
  }
  uc_window_set_view (self, view);
  g_settings_set_string (self->settings, "last-view", view_id);
  /* Opened where it was left: the days shown last time, once. */
  if (self->restore_range)
    {
      g_autofree char *range = g_settings_get_string (self->settings, "last-range");
      UcTime from, to;

      /* A bad value is ignored: the view's own range stays. */
      if (uc_time_range_parse (range, &from, &to))
        uc_time_range_set (self->time_range, from, to);
      self->restore_range = FALSE;
    }
  return TRUE;
}

/* Every chart of @view (read already: from the resources, a file, or made
 * in memory), one under the other. The time charts share one stretch of
 * time whose bounds take in all their data; a chart on a number axis
 * keeps a range of its own. */
void
uc_window_set_view (UcWindow *self,
                    UcView   *view)
{
  GtkWidget *child;
  UcChartSpec *timed;
  UcTime lower = G_MAXINT64, upper = G_MININT64, from, to;
  const char *view_id;

  g_return_if_fail (UC_IS_WINDOW (self));
  g_return_if_fail (UC_IS_VIEW (view));

  g_set_object (&self->view, view);
  view_id = uc_view_get_id (view);
  g_free (self->view_id);
  self->view_id = g_strdup (view_id);
  self->base_date = 0;
  fill_events (self);

  /* Keep the first chart widget (the tests and export hold it); drop the rest. */
  while ((child = gtk_widget_get_next_sibling (GTK_WIDGET (self->chart_view))) != NULL)
    gtk_box_remove (self->charts, child);
  for (guint i = 0; i < uc_view_get_n_charts (view); i++)
    {
      UcChartSpec *spec = uc_view_get_chart (view, i);
      UcChartView *chart = self->chart_view;

      if (uc_chart_spec_get_x_kind (spec) == UC_X_TIME)
        chart_extent (spec, &lower, &upper);
      if (i > 0)
        {
          chart = UC_CHART_VIEW (uc_chart_view_new ());
          g_signal_connect_swapped (chart, "event-clicked", G_CALLBACK (on_event_clicked), self);
          gtk_widget_set_hexpand (GTK_WIDGET (chart), TRUE);
          gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
          gtk_box_append (self->charts, GTK_WIDGET (chart));
        }
      uc_chart_view_set_spec (chart, spec);
      if (uc_chart_spec_get_x_kind (spec) == UC_X_NUMBER)
        {
          g_autoptr(UcTimeRange) own = own_range (spec);

          uc_chart_view_set_time_range (chart, own);
        }
      else
        uc_chart_view_set_time_range (chart, self->time_range);
      /* A summary chart stays short; the others share the rest of the height. */
      gtk_widget_set_vexpand (GTK_WIDGET (chart), !uc_view_get_chart_compact (view, i));
      gtk_widget_set_size_request (GTK_WIDGET (chart), -1, uc_view_get_chart_compact (view, i) ? 250 : -1);
    }

  timed = first_time_chart (view);
  if (timed)
    {
      uc_chart_spec_get_range (timed, &from, &to);
      uc_time_range_set_bounds (self->time_range, lower, upper);
      uc_time_range_set (self->time_range, from, to);
    }
  uc_overview_set_time_range (self->overview, self->time_range);
  update_subtitle (self);
  uc_overview_set_spec (self->overview, timed);

  /* The sidebar shows which view this is. */
  select_shown (self);
  gtk_widget_set_visible (GTK_WIDGET (self->event_list), uc_view_get_event_list (view));
  gtk_editable_set_text (self->filter_entry, "");
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "fix-values"))
    g_simple_action_set_state (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "fix-values")),
                               g_variant_new_boolean (FALSE));
  gtk_widget_set_visible (GTK_WIDGET (self->filter_entry), uc_view_get_event_filter (view));
  /* The view's variants ("Price": output, input, blended) in the header. */
  g_signal_handlers_block_by_func (self->variant_dropdown, on_variant_selected, self);
  {
    guint n = uc_view_get_n_variants (view);
    g_autofree const char **labels = g_new0 (const char *, n + 1);

    for (guint i = 0; i < n; i++)
      labels[i] = uc_view_get_variant_label (view, i);
    gtk_string_list_splice (self->variant_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->variant_labels)),
                            labels);
    gtk_drop_down_set_selected (self->variant_dropdown, uc_view_get_variant (view));
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->variant_dropdown), uc_view_get_variants_label (view));
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->variant_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    uc_view_get_variants_label (view) ? uc_view_get_variants_label (view) : "", -1);
    gtk_widget_set_visible (GTK_WIDGET (self->variant_dropdown), n > 0);
  }
  g_signal_handlers_unblock_by_func (self->variant_dropdown, on_variant_selected, self);
  if (g_action_map_lookup_action (G_ACTION_MAP (self), "value-mode"))
    apply_toggles (self);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
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
      g_autofree char *message = g_strdup_printf (_("Could not show the view: %s"), error->message);

      toast (self, message);
      select_shown (self);
    }
}

/* Shows @view: at once when its data is in memory; else the data is
 * loaded on worker threads while the view shown stays, and @view replaces
 * it when ready ("loading" is TRUE meanwhile). A view asked for while
 * another loads takes its place. */
static gboolean
show (UcWindow  *self,
      UcView    *view,
      GError   **error)
{
  UcCatalog *catalog = uc_catalog_get_default ();
  g_autoptr(GCancellable) loading = NULL;

  set_loading (self, NULL);
  if (!uc_view_needs_loading (view, catalog))
    return uc_view_load_data (view, catalog, NULL, error) && show_loaded (self, view, error);
  loading = g_cancellable_new ();
  set_loading (self, loading);
  uc_view_load_data_async (view, catalog, loading, on_view_loaded, g_object_ref (self));
  return TRUE;
}

/* The view of id @view_id among the sidebar's, shown (see show()). */
gboolean
uc_window_show_view (UcWindow    *self,
                     const char  *view_id,
                     GError     **error)
{
  UcView *view;

  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  view = uc_view_catalog_find (self->views, view_id, NULL);
  if (view == NULL)
    {
      g_autofree char *known = uc_view_catalog_dup_ids (self->views);

      g_set_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN, "unknown view “%s” (known: %s)",
                   view_id ? view_id : "", known);
      return FALSE;
    }
  return show (self, view, error);
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
      select_shown (self);
      return;
    }
  first = g_list_model_get_item (G_LIST_MODEL (self->views), 0);
  now = now ? now : first;
  if (now && !show (self, now, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not show the view: %s"), error->message);

      toast (self, message);
    }
}

/* Whether the data of a view asked for is being loaded. */
gboolean
uc_window_get_loading (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

/* The views of the sidebar: add one and it is listed, remove it and it
 * goes (and the window shows the first view if it was shown). */
UcViewCatalog *
uc_window_get_views (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->views;
}

/* Series hidden by legend clicks stay hidden in the chart that replaces
 * their chart (narrowed by words, or another variant). */
static void
carry_hidden (UcChartSpec *from,
              UcChartSpec *to)
{
  for (guint i = 0; from && i < uc_chart_spec_get_n_series (to); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (to, i);
      UcSeries *before = uc_chart_spec_find_series (from, uc_series_get_id (series));

      if (before)
        uc_series_set_hidden (series, uc_series_get_hidden (before));
    }
}

/* A chart replaced: its held value axis would hold the old chart's. */
static void
release_held_axis (UcWindow *self)
{
  GAction *fix = g_action_map_lookup_action (G_ACTION_MAP (self), "fix-values");

  if (fix)
    g_simple_action_set_state (G_SIMPLE_ACTION (fix), g_variant_new_boolean (FALSE));
}

/* The variant shown, by view, for the next time. */
static void
remember_variant (UcWindow *self)
{
  g_autoptr(GVariant) old = g_settings_get_value (self->settings, "view-variants");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  const char *id = uc_view_get_id (self->view), *key, *value;
  GVariantIter iter;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, id))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", id, uc_view_get_variant_id (self->view, uc_view_get_variant (self->view)));
  g_settings_set_value (self->settings, "view-variants", g_variant_builder_end (&builder));
}

/* Another variant of the view: every chart built again, on the same days,
 * with the same filter. */
static void
on_variant_selected (UcWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint index = gtk_drop_down_get_selected (self->variant_dropdown), i = 0;

  if (self->view == NULL || index >= uc_view_get_n_variants (self->view))
    return;
  if (!uc_view_set_variant (self->view, uc_view_get_variant_id (self->view, index), &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not show the view: %s"), error->message);

      toast (self, message);
      /* The menu says what is shown. */
      g_signal_handlers_block_by_func (self->variant_dropdown, on_variant_selected, self);
      gtk_drop_down_set_selected (self->variant_dropdown, uc_view_get_variant (self->view));
      g_signal_handlers_unblock_by_func (self->variant_dropdown, on_variant_selected, self);
      return;
    }
  remember_variant (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    if (i < uc_view_get_n_charts (self->view))
      {
        carry_hidden (uc_chart_view_get_spec (UC_CHART_VIEW (child)), uc_view_get_chart (self->view, i));
        uc_chart_view_set_spec (UC_CHART_VIEW (child), uc_view_get_chart (self->view, i));
      }
  release_held_axis (self);
  uc_overview_set_spec (self->overview, first_time_chart (self->view));
  on_filter_changed (self);
  apply_toggles (self);
}

/* Every chart on two weeks before an event to a month after it. */
void
uc_window_focus_event (UcWindow *self,
                       UcEvent  *event)
{
  UcTime t;

  g_return_if_fail (UC_IS_WINDOW (self));
  g_return_if_fail (UC_IS_EVENT (event));
  t = uc_event_get_time (event);
  uc_time_range_set (self->time_range, t - 14 * UC_USEC_PER_DAY, t + 31 * UC_USEC_PER_DAY);
}

/* The filter's words, on every chart of the view: lanes show the events
 * that match, counts of model releases count the releases that match. */
static void
on_filter_changed (UcWindow *self)
{
  const char *words = gtk_editable_get_text (self->filter_entry);
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcChartSpec) spec = NULL;

      if (self->view && i < uc_view_get_n_charts (self->view))
        {
          spec = uc_view_filter_chart (self->view, i, words, &error);
          if (spec && spec != uc_chart_view_get_spec (UC_CHART_VIEW (child)))
            {
              carry_hidden (uc_chart_view_get_spec (UC_CHART_VIEW (child)), spec);
              uc_chart_view_set_spec (UC_CHART_VIEW (child), spec);
              release_held_axis (self);
            }
          else if (spec == NULL)
            {
              g_autofree char *message = g_strdup_printf (_("Could not filter the chart: %s"), error->message);

              toast (self, message);
            }
        }
      uc_chart_view_set_event_filter (UC_CHART_VIEW (child), words);
    }
}

/* A day picked in the calendar becomes the day values are rebased on;
 * values shown as they are switch to rebased, which is what picking a
 * base day asks for. */
static void
on_base_day_selected (UcWindow    *self,
                      GtkCalendar *calendar)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (calendar);
  g_autofree char *mode = g_settings_get_string (self->settings, "value-mode");

  self->base_date = uc_time_from_ymd (g_date_time_get_year (day), g_date_time_get_month (day),
                                      g_date_time_get_day_of_month (day));
  if (g_str_equal (mode, "as-is"))
    g_settings_set_string (self->settings, "value-mode", "rebased");
  apply_toggles (self);
}

/* The calendar opens on the day values are rebased on now (the first day
 * shown when none was picked), not on today, years after the data. */
static void
on_base_popover_show (UcWindow *self)
{
  UcTime from, to, base = self->base_date;
  g_autoptr(GDateTime) day = NULL;

  if (base == 0)
    {
      uc_time_range_get (self->time_range, &from, &to);
      base = from;
    }
  day = g_date_time_new_from_unix_utc (base / G_USEC_PER_SEC);
  g_signal_handlers_block_by_func (self->base_calendar, on_base_day_selected, self);
  gtk_calendar_select_day (self->base_calendar, day);
  g_signal_handlers_unblock_by_func (self->base_calendar, on_base_day_selected, self);
}

/* win.fix-values: every chart's value axis held where it is, or freed. */
static void
fix_values_changed (GSimpleAction *action,
                    GVariant      *state,
                    gpointer       user_data)
{
  UcWindow *self = user_data;

  g_simple_action_set_state (action, state);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    uc_chart_view_set_values_fixed (UC_CHART_VIEW (child), g_variant_get_boolean (state));
}

static void
base_first_day_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  self->base_date = 0;
  apply_toggles (self);
}

/* The window's subtitle: the view and the days shown. */
static void
update_subtitle (UcWindow *self)
{
  const char *title = self->view ? uc_view_get_title (self->view) : "";
  UcTime from, to;
  g_autoptr(GDateTime) a = NULL, b = NULL;
  g_autofree char *fa = NULL, *fb = NULL, *subtitle = NULL;

  /* Only charts on number axes: no days to tell. */
  if (self->view && first_time_chart (self->view) == NULL)
    {
      adw_window_title_set_subtitle (self->window_title, title);
      return;
    }
  uc_time_range_get (self->time_range, &from, &to);
  a = g_date_time_new_from_unix_utc (from / G_USEC_PER_SEC);
  b = g_date_time_new_from_unix_utc (to / G_USEC_PER_SEC);
  /* Translators: the days shown, see g_date_time_format() */
  fa = a ? g_date_time_format (a, C_("range", "%-d %b %Y")) : g_strdup ("");
  fb = b ? g_date_time_format (b, C_("range", "%-d %b %Y")) : g_strdup ("");
  subtitle = g_strdup_printf ("%s · %s – %s", title, fa, fb);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/* An event clicked on a chart becomes the date values are rebased on. */
static void
on_event_clicked (UcWindow    *self,
                  UcEvent     *event,
                  UcChartView *chart)
{
  self->base_date = uc_event_get_time (event);
  apply_toggles (self);
}

static void
on_event_activated (UcWindow    *self,
                    UcEvent     *event,
                    UcEventList *list)
{
  uc_window_focus_event (self, event);
}

/* All the embedded events, in the table, once they are loaded (a view
 * shown fills it too, so it never shows the table empty for a moment);
 * a failure leaves it empty. */
static void
fill_events (UcWindow *self)
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
}

static void
on_events_loaded (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(UcWindow) self = user_data;
  g_autoptr(UcDataset) table = uc_source_load_finish (UC_SOURCE (object), result, NULL);

  if (table)
    fill_events (self);
}

static void
load_events (UcWindow *self)
{
  UcSource *source = uc_catalog_find (uc_catalog_get_default (), "events");

  uc_event_list_set_events (self->event_list, G_LIST_MODEL (self->events));
  if (source)
    uc_source_load_async (source, NULL, on_events_loaded, g_object_ref (self));
}

const char *
uc_window_get_view_id (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->view_id;
}

UcTimeRange *
uc_window_get_time_range (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->time_range;
}

static GtkWidget *
create_view_row (gpointer item,
                 gpointer user_data)
{
  GtkWidget *label = gtk_label_new (uc_view_get_title (item));

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

  if (row == NULL)
    return;
  view = g_list_model_get_item (G_LIST_MODEL (self->views), (guint) gtk_list_box_row_get_index (row));
  if (view == self->view)
    {
      set_loading (self, NULL);   /* back to the view shown: one asked for since is not wanted */
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }
  if (!show (self, view, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not show the view: %s"), error->message);
      toast (self, message);
    }
}

/* The value mode and log scale, applied to every chart that can take
 * them; the base date is the first day shown when the mode is chosen. */
static void
apply_toggles (UcWindow *self)
{
  g_autofree char *mode_name = g_settings_get_string (self->settings, "value-mode");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-event-categories");
  UcChartOptions options = UC_CHART_OPTIONS_INIT;
  gboolean any_values = FALSE, any_axis = FALSE;
  int mode;

  /* The settings' schema has the enum's nicks as its choices. */
  if (uc_enum_from_nick (UC_TYPE_VALUE_MODE, mode_name, &mode))
    options.value_mode = mode;
  options.base = self->base_date;
  /* Off: each chart's own axis, which may be logarithmic. */
  options.log_scale = g_settings_get_boolean (self->settings, "log-scale") ? 1 : -1;
  for (guint i = 0; hidden[i]; i++)
    options.hidden_categories |= 1u << uc_event_category_from_string (hidden[i]);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      UcChartView *chart = UC_CHART_VIEW (child);

      uc_chart_view_set_options (chart, &options);
      any_axis = any_axis || uc_chart_spec_can_be_log (uc_chart_view_get_spec (chart));
      any_values = any_values || uc_chart_view_can_transform (chart);
    }
  /* The settings' actions cannot be disabled: their buttons can. */
  gtk_widget_set_sensitive (self->value_mode_box, any_values);
  gtk_widget_set_sensitive (self->log_button, any_axis);

  for (int c = 0; c < UC_EVENT_OTHER; c++)
    {
      g_autofree char *name = g_strdup_printf ("events-%s", uc_event_category_to_string (c));
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

      if (action)
        g_simple_action_set_state (G_SIMPLE_ACTION (action),
                                   g_variant_new_boolean ((options.hidden_categories & (1u << c)) == 0));
    }
}

/* win.events-CATEGORY: that category's markers on or off. */
static void
toggle_category (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  UcWindow *self = user_data;
  const char *category = g_action_get_name (G_ACTION (action)) + strlen ("events-");
  g_auto(GStrv) hidden = g_settings_get_strv (self->settings, "hidden-event-categories");
  g_autoptr(GStrvBuilder) next = g_strv_builder_new ();
  gboolean was_hidden = g_strv_contains ((const char * const *) hidden, category);
  g_auto(GStrv) result = NULL;

  for (guint i = 0; hidden[i]; i++)
    if (!g_str_equal (hidden[i], category))
      g_strv_builder_add (next, hidden[i]);
  if (!was_hidden)
    g_strv_builder_add (next, category);
  result = g_strv_builder_end (next);
  g_settings_set_strv (self->settings, "hidden-event-categories", (const char * const *) result);
}

static void
show_views_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Every chart back to its own range: the time charts to the first time
 * chart's days, a chart on a number axis to its own. */
static void
reset_range_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);
  UcChartView *first_timed = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->charts)); child;
       child = gtk_widget_get_next_sibling (child))
    if (uc_chart_view_get_time_range (UC_CHART_VIEW (child)) != self->time_range)
      uc_chart_view_reset_range (UC_CHART_VIEW (child));
    else if (first_timed == NULL)
      first_timed = UC_CHART_VIEW (child);
  if (first_timed)
    uc_chart_view_reset_range (first_timed);
}

/* Ctrl+F: to the filter, in the views that have one. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  UcWindow *self = UC_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->filter_entry)))
    gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}

static gboolean
uc_window_close_request (GtkWindow *window)
{
  UcWindow *self = UC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  /* The days shown, to be shown again with this view next time. */
  {
    UcTime from, to;
    g_autofree char *a = NULL, *b = NULL, *range = NULL;

    uc_time_range_get (self->time_range, &from, &to);
    a = uc_time_format_date (from);
    b = uc_time_format_date (to);
    range = g_strdup_printf ("%s/%s", a, b);
    g_settings_set_string (self->settings, "last-range", range);
  }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (uc_window_parent_class)->close_request (window);
}

static void
uc_window_dispose (GObject *object)
{
  UcWindow *self = UC_WINDOW (object);

  if (self->export_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  /* Not set_loading (): nothing is to be told of a window going away. */
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->settings);
  g_clear_object (&self->views);
  g_clear_object (&self->events);
  g_clear_object (&self->time_range);
  g_clear_object (&self->view);
  g_clear_pointer (&self->view_id, g_free);

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

static void uc_window_constructed (GObject *object);

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
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, view_list);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, content);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, charts);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, event_list);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, value_mode_box);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, log_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, base_calendar);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, base_button);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, variant_dropdown);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, variant_labels);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UcWindow, chart_view);

  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.base-first-day", NULL, base_first_day_action);
  gtk_widget_class_install_action (widget_class, "win.show-views", NULL, show_views_action);
  gtk_widget_class_install_action (widget_class, "win.reset-range", NULL, reset_range_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);

}

static void
uc_window_init (UcWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->time_range = uc_time_range_new ();
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The toggles are the settings themselves: remembered as they change. */
  for (guint i = 0; i < 2; i++)
    {
      const char *key = i == 0 ? "value-mode" : "log-scale";
      g_autoptr(GAction) action = g_settings_create_action (self->settings, key);
      g_autofree char *signal = g_strdup_printf ("changed::%s", key);

      g_action_map_add_action (G_ACTION_MAP (self), action);
      g_signal_connect_swapped (self->settings, signal, G_CALLBACK (apply_toggles), self);
    }

  for (int c = 0; c < UC_EVENT_OTHER; c++)
    {
      g_autofree char *name = g_strdup_printf ("events-%s", uc_event_category_to_string (c));
      g_autoptr(GSimpleAction) action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (TRUE));

      g_signal_connect (action, "activate", G_CALLBACK (toggle_category), self);
      g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (action));
    }
  g_signal_connect_swapped (self->settings, "changed::hidden-event-categories", G_CALLBACK (apply_toggles), self);
  {
    g_autoptr(GSimpleAction) fix = g_simple_action_new_stateful ("fix-values", NULL, g_variant_new_boolean (FALSE));

    g_signal_connect (fix, "change-state", G_CALLBACK (fix_values_changed), self);
    g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (fix));
  }

  self->events = g_list_store_new (UC_TYPE_EVENT);
  load_events (self);
  g_signal_connect_swapped (self->event_list, "event-activated", G_CALLBACK (on_event_activated), self);
  g_signal_connect_swapped (self->chart_view, "event-clicked", G_CALLBACK (on_event_clicked), self);
  g_signal_connect_swapped (self->filter_entry, "search-changed", G_CALLBACK (on_filter_changed), self);
  g_signal_connect_swapped (self->base_calendar, "day-selected", G_CALLBACK (on_base_day_selected), self);
  g_signal_connect_swapped (self->variant_dropdown, "notify::selected", G_CALLBACK (on_variant_selected), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->base_button), "show",
                            G_CALLBACK (on_base_popover_show), self);
  g_signal_connect_swapped (self->time_range, "changed", G_CALLBACK (update_subtitle), self);

  self->views = uc_view_catalog_new_builtin ();
  gtk_list_box_bind_model (self->view_list, G_LIST_MODEL (self->views), create_view_row, self, NULL);
  g_signal_connect_swapped (self->view_list, "row-selected", G_CALLBACK (on_row_selected), self);
  /* After the list box has its rows for the change. */
  g_signal_connect_object (self->views, "items-changed", G_CALLBACK (on_views_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

/* The view asked for, else the one of last time, else the first: shown
 * once the properties are set, so a window opened on a view builds no
 * other first. */
static void
uc_window_constructed (GObject *object)
{
  UcWindow *self = UC_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(UcView) first = NULL;
  UcView *view = NULL;

  G_OBJECT_CLASS (uc_window_parent_class)->constructed (object);

  if (self->initial_view)
    view = uc_view_catalog_find (self->views, self->initial_view, NULL);
  if (view == NULL)
    {
      g_autofree char *last = g_settings_get_string (self->settings, "last-view");

      first = g_list_model_get_item (G_LIST_MODEL (self->views), 0);
      view = uc_view_catalog_find (self->views, last, NULL);
      view = view ? view : first;
      self->restore_range = TRUE;
    }
  if (view && !show (self, view, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not load the chart: %s"), error->message);

      toast (self, message);
      self->restore_range = FALSE;
    }
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

UcChartView *
uc_window_get_chart_view (UcWindow *self)
{
  g_return_val_if_fail (UC_IS_WINDOW (self), NULL);
  return self->chart_view;
}
