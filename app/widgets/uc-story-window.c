/* uc-story-window.c: Test the Story, the window of the analyses
 *
 * Five pages over the catalog's data (embedded, or refreshed): the story's
 * claims with their verdicts, an event study, the biggest one-day moves and
 * the events near them, the price frontier with its halving time, and
 * open-weight releases by region. The data are loaded on
 * workers and the pages computed when all are in, and again when a refresh
 * brings new rows, so every figure follows the data.
 *
 * Links: undercut:story/study?event=2025-01-27&companies=HK,
 * …/moves?companies=NVDA,AVGO&by=money, …/frontier?
 * price=output&filter=deepseek, …/releases?shares=1 and …/claims open a
 * page here; any other link (a view of the main window) is the
 * "open-link" signal's.
 */
#include "config.h"

#include "uc-story-window.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-a11y.h"
#include "uc-catalog.h"
#include "uc-chart-view.h"
#include "uc-claims.h"
#include "uc-claims-page.h"
#include "uc-export-dialog.h"
#include "uc-format.h"
#include "uc-frontier-page.h"
#include "uc-moves-page.h"
#include "uc-releases-page.h"
#include "uc-study-page.h"

#define STORY_LINK "undercut:story/"

/* What the pages are computed from: the order of UcClaimData. */
static const char *const dataset_ids[] = { "market-caps", "index-daily", "events", "api-prices", "model-releases" };
#define N_DATASETS G_N_ELEMENTS (dataset_ids)

struct _UcStoryWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  AdwViewStack    *stack;
  UcClaimsPage    *claims_page;
  UcStudyPage     *study_page;
  UcMovesPage     *moves_page;
  UcFrontierPage  *frontier_page;
  UcReleasesPage  *releases_page;

  UcDataset       *data[N_DATASETS];
  guint            pending;          /* datasets still loading */
  GCancellable    *loading;
  char            *wanted_link;      /* a link asked for before the data were in */
  UcExportDialog  *export_dialog;
  GSettings       *settings;
};

enum
{
  SIGNAL_OPEN_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UcStoryWindow, uc_story_window, ADW_TYPE_WINDOW)

static void
toast (UcStoryWindow *self,
       const char    *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

/* "market caps to 21 May 2025, API prices to …": how recent the figures are. */
static char *
data_dates (void)
{
  const char *names[] = { N_("market caps"), N_("index"), NULL, N_("API prices"), N_("model releases") };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < N_DATASETS; i++)
    {
      UcSource *source = uc_catalog_find (uc_catalog_get_default (), dataset_ids[i]);
      const char *last = source ? uc_source_get_last_date (source) : NULL;
      UcTime day;
      g_autofree char *shown = NULL;

      if (names[i] == NULL || last == NULL)
        continue;
      shown = uc_time_parse_date (last, strlen (last), &day) ? uc_format_day (day) : g_strdup (last);
      if (out->len)
        /* Translators: between the items of a list, "market caps to 31 Jul 2026, API prices to …" */
        g_string_append (out, C_("list", ", "));
      /* Translators: a dataset and the last day it has, e.g. "market caps to 31 Jul 2026" */
      g_string_append_printf (out, _("%s to %s"), _(names[i]), shown);
    }
  return g_string_free (out, FALSE);
}

static void
fill_claims (UcStoryWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autofree char *dates = data_dates ();
  UcClaimData data = { self->data[0], self->data[1], self->data[2], self->data[3], self->data[4] };

  claims = uc_claims_check (&data, &error);
  if (claims)
    uc_claims_page_set_claims (self->claims_page, claims, dates);
  else
    uc_claims_page_set_error (self->claims_page, error->message);
}

static void
fill_pages (UcStoryWindow *self)
{
  g_autofree char *link = g_steal_pointer (&self->wanted_link);

  fill_claims (self);
  uc_study_page_set_data (self->study_page, self->data[0], self->data[1], self->data[2]);
  uc_moves_page_set_data (self->moves_page, self->data[0], self->data[2]);
  uc_frontier_page_set_data (self->frontier_page, self->data[3]);
  uc_releases_page_set_data (self->releases_page, self->data[4]);
  if (link)
    {
      g_autoptr (GError) error = NULL;

      if (!uc_story_window_open_link (self, link, &error))
        toast (self, error->message);
    }
}

typedef struct
{
  UcStoryWindow *self;
  guint          index;
} Loading;

static void
on_loaded (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Loading *l = user_data;
  g_autoptr (UcStoryWindow) self = l->self;
  g_autoptr (GError) error = NULL;
  UcDataset *dataset = uc_source_load_finish (UC_SOURCE (object), result, &error);
  guint index = l->index;

  g_free (l);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->data[index]);
  self->data[index] = dataset;
  if (dataset == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read %s: %s"), dataset_ids[index], error->message);

      toast (self, message);
    }
  if (--self->pending > 0)
    return;
  g_clear_object (&self->loading);
  for (guint i = 0; i < N_DATASETS; i++)
    if (self->data[i] == NULL)
      {
        uc_claims_page_set_error (self->claims_page, _("a dataset could not be read"));
        return;
      }
  fill_pages (self);
}

/* Every dataset read again, on workers; the pages follow when all are in. */
static void
load (UcStoryWindow *self)
{
  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  self->pending = N_DATASETS;
  for (guint i = 0; i < N_DATASETS; i++)
    {
      UcSource *source = uc_catalog_find (uc_catalog_get_default (), dataset_ids[i]);
      Loading *l = g_new (Loading, 1);

      *l = (Loading) { g_object_ref (self), i };
      if (source == NULL)
        {
          /* Never in a build with the embedded data; said and counted down. */
          self->pending--;
          g_object_unref (self);
          g_free (l);
          continue;
        }
      uc_source_load_async (source, self->loading, on_loaded, l);
    }
  if (self->pending == 0)
    {
      g_clear_object (&self->loading);
      uc_claims_page_set_error (self->claims_page, _("a dataset could not be read"));
    }
}

gboolean
uc_story_window_get_loading (UcStoryWindow *self)
{
  g_return_val_if_fail (UC_IS_STORY_WINDOW (self), FALSE);
  return self->loading != NULL;
}

const char *
uc_story_window_get_page (UcStoryWindow *self)
{
  g_return_val_if_fail (UC_IS_STORY_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

GtkWidget *
uc_story_window_get_page_widget (UcStoryWindow *self,
                                 const char    *name)
{
  g_return_val_if_fail (UC_IS_STORY_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->stack, name);
}

/* The Export dialog while it is open, or NULL (tests drive it). */
UcExportDialog *
uc_story_window_get_export_dialog (UcStoryWindow *self)
{
  g_return_val_if_fail (UC_IS_STORY_WINDOW (self), NULL);
  return self->export_dialog;
}

/* The event study of the event on @day (days since 1970), or of the day
 * itself: what a click on a chart's event asks. */
void
uc_story_window_study_day (UcStoryWindow *self,
                           gint64         day)
{
  g_autofree char *date = NULL;

  g_return_if_fail (UC_IS_STORY_WINDOW (self));
  date = uc_time_format_date (day * UC_USEC_PER_DAY);
  g_free (self->wanted_link);
  self->wanted_link = g_strdup_printf (STORY_LINK "study?event=%s", date);
  adw_view_stack_set_visible_child_name (self->stack, "study");
  if (self->loading == NULL)
    fill_pages (self);
}

static gboolean
open_page (UcStoryWindow *self,
           const char    *page,
           GHashTable    *query,
           GError       **error)
{
  const char *v;

  if (g_str_equal (page, "study"))
    {
      UcTime t;

      if ((v = g_hash_table_lookup (query, "companies")))
        uc_study_page_set_companies (self->study_page, v);
      if ((v = g_hash_table_lookup (query, "event")))
        {
          if (!uc_time_parse_date (v, strlen (v), &t))
            return g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a date"), v), FALSE;
          uc_study_page_set_event (self->study_page, t / UC_USEC_PER_DAY);
        }
    }
  else if (g_str_equal (page, "moves"))
    {
      if ((v = g_hash_table_lookup (query, "companies")))
        uc_moves_page_set_companies (self->moves_page, v);
      uc_moves_page_set_by_money (self->moves_page, g_strcmp0 (g_hash_table_lookup (query, "by"), "money") == 0);
    }
  else if (g_str_equal (page, "frontier"))
    {
      uc_frontier_page_set_kind (self->frontier_page, g_hash_table_lookup (query, "price"));
      uc_frontier_page_set_ratio (self->frontier_page, g_strcmp0 (g_hash_table_lookup (query, "chart"), "ratio") == 0);
      if ((v = g_hash_table_lookup (query, "filter")))
        uc_frontier_page_set_filter (self->frontier_page, v);
    }
  else if (g_str_equal (page, "releases"))
    uc_releases_page_set_shares (self->releases_page, g_strcmp0 (g_hash_table_lookup (query, "shares"), "1") == 0);
  else if (!g_str_equal (page, "claims"))
    return g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                        _("no page “%s” (claims, study, moves, frontier or releases)"), page), FALSE;
  adw_view_stack_set_visible_child_name (self->stack, page);
  return TRUE;
}

/* An undercut:story/ link opens its page here, with what it asks; any
 * other is the "open-link" signal's (a view of the main window). */
gboolean
uc_story_window_open_link (UcStoryWindow *self,
                           const char    *link,
                           GError       **error)
{
  g_autofree char *page = NULL;
  g_autoptr (GHashTable) query = NULL;
  const char *mark;

  g_return_val_if_fail (UC_IS_STORY_WINDOW (self), FALSE);
  if (!g_str_has_prefix (link, STORY_LINK))
    {
      gboolean opened = FALSE;

      g_signal_emit (self, signals[SIGNAL_OPEN_LINK], 0, link, &opened);
      if (!opened)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Could not open “%s”"), link);
      return opened;
    }
  if (self->loading)
    {
      g_free (self->wanted_link);
      self->wanted_link = g_strdup (link);
      return TRUE;
    }
  link += strlen (STORY_LINK);
  mark = strchr (link, '?');
  page = mark ? g_strndup (link, mark - link) : g_strdup (link);
  query = mark && mark[1] ? g_uri_parse_params (mark + 1, -1, "&", G_URI_PARAMS_NONE, error)
                          : g_hash_table_new (g_str_hash, g_str_equal);
  return query && open_page (self, page, query, error);
}

/* The chart of the page shown, and its spec; NULL on the claims. */
static UcChartSpec *
shown_spec (UcStoryWindow  *self,
            UcChartView   **chart)
{
  const char *page = uc_story_window_get_page (self);
  GtkWidget *view = NULL;
  UcChartSpec *spec = NULL;

  if (g_strcmp0 (page, "study") == 0)
    view = uc_study_page_get_chart (self->study_page), spec = uc_study_page_get_spec (self->study_page);
  else if (g_strcmp0 (page, "frontier") == 0)
    view = uc_frontier_page_get_chart (self->frontier_page), spec = uc_frontier_page_get_spec (self->frontier_page);
  else if (g_strcmp0 (page, "releases") == 0)
    view = uc_releases_page_get_chart (self->releases_page), spec = uc_releases_page_get_spec (self->releases_page);
  if (chart)
    *chart = view ? UC_CHART_VIEW (view) : NULL;
  return spec;
}

static void
sync_actions (UcStoryWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.export", shown_spec (self, NULL) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "story.copy-table",
                                 g_strcmp0 (uc_story_window_get_page (self), "claims") != 0);
}

static void
on_exported (UcStoryWindow *self,
             const char    *path,
             const char    *failure)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *message = failure ? g_strdup_printf (_("Could not export: %s"), failure)
                                     : g_strdup_printf (_("Exported “%s”"), name);

  toast (self, message);
}

/* The chart of the page shown in the Export dialog, named after the page. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  UcStoryWindow *self = UC_STORY_WINDOW (widget);
  UcChartView *chart = NULL;
  UcChartSpec *spec = shown_spec (self, &chart);
  UcChartDrawOptions draw;
  int height;
  g_autofree char *name = NULL;

  if (spec == NULL)
    return;
  /* As shown: the days zoomed to, the series hidden, the text's size. */
  if (uc_chart_view_get_shown_spec (chart))
    spec = uc_chart_view_get_shown_spec (chart);
  draw = uc_chart_view_get_export_options (chart);
  height = gtk_widget_get_height (GTK_WIDGET (chart));
  if (self->export_dialog)
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
  name = g_strdup_printf ("story-%s", uc_story_window_get_page (self));
  self->export_dialog = uc_export_dialog_new (GTK_WINDOW (self), self->settings, name);
  g_object_add_weak_pointer (G_OBJECT (self->export_dialog), (gpointer *) &self->export_dialog);
  uc_export_dialog_set_charts (self->export_dialog, &spec, &draw, NULL, 1, gtk_widget_get_width (GTK_WIDGET (chart)),
                               &height);
  g_signal_connect_swapped (self->export_dialog, "exported", G_CALLBACK (on_exported), self);
  gtk_window_present (GTK_WINDOW (self->export_dialog));
}

/* The page's table, tab-separated, for a spreadsheet. */
static void
copy_table_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  UcStoryWindow *self = UC_STORY_WINDOW (widget);
  const char *page = uc_story_window_get_page (self);
  g_autofree char *text = NULL;
  UcChartSpec *spec;

  if (g_strcmp0 (page, "study") == 0)
    text = uc_study_page_get_table_text (self->study_page);
  else if (g_strcmp0 (page, "frontier") == 0)
    text = uc_frontier_page_get_table_text (self->frontier_page);
  else if (g_strcmp0 (page, "releases") == 0)
    text = uc_releases_page_get_table_text (self->releases_page);
  else if (g_strcmp0 (page, "moves") == 0)
    text = uc_moves_page_get_table_text (self->moves_page);   /* headed already */
  if (text == NULL)
    return;
  /* Headed by what the table is of, so a pasted copy says so. */
  spec = shown_spec (self, NULL);
  if (spec)
    {
      g_autofree char *headed = g_strdup_printf ("%s\n%s\n%s", uc_chart_spec_get_title (spec) ?: "",
                                                 uc_chart_spec_get_subtitle (spec) ?: "", text);

      g_free (text);
      text = g_steal_pointer (&headed);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  toast (self, _("Table copied"));
}

static void
open_link_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr (GError) error = NULL;

  if (!uc_story_window_open_link (UC_STORY_WINDOW (widget), g_variant_get_string (parameter, NULL), &error))
    toast (UC_STORY_WINDOW (widget), error->message);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  adw_view_stack_set_visible_child_name (UC_STORY_WINDOW (widget)->stack, g_variant_get_string (parameter, NULL));
}

static void
uc_story_window_dispose (GObject *object)
{
  UcStoryWindow *self = UC_STORY_WINDOW (object);

  if (self->loading)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->export_dialog)
    gtk_window_destroy (GTK_WINDOW (self->export_dialog));
  for (guint i = 0; i < N_DATASETS; i++)
    g_clear_object (&self->data[i]);
  g_clear_pointer (&self->wanted_link, g_free);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_STORY_WINDOW);
  G_OBJECT_CLASS (uc_story_window_parent_class)->dispose (object);
}

static void
add_shortcuts (GtkWidgetClass *widget_class)
{
  static const char *const pages[] = { "claims", "study", "moves", "frontier", "releases" };

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "story.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "story.copy-table", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "story.show-page", "s", pages[i]);
}

static void
uc_story_window_class_init (UcStoryWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_story_window_dispose;
  /* Returns whether the link was opened. */
  signals[SIGNAL_OPEN_LINK] = g_signal_new ("open-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            g_signal_accumulator_true_handled, NULL, NULL,
                                            G_TYPE_BOOLEAN, 1, G_TYPE_STRING);
  g_type_ensure (UC_TYPE_CLAIMS_PAGE);
  g_type_ensure (UC_TYPE_STUDY_PAGE);
  g_type_ensure (UC_TYPE_MOVES_PAGE);
  g_type_ensure (UC_TYPE_FRONTIER_PAGE);
  g_type_ensure (UC_TYPE_RELEASES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-story-window.ui");
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, claims_page);
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, study_page);
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, moves_page);
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, frontier_page);
  gtk_widget_class_bind_template_child (widget_class, UcStoryWindow, releases_page);
  gtk_widget_class_install_action (widget_class, "story.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "story.copy-table", NULL, copy_table_action);
  gtk_widget_class_install_action (widget_class, "story.open-link", "s", open_link_action);
  gtk_widget_class_install_action (widget_class, "story.show-page", "s", show_page_action);
  add_shortcuts (widget_class);
}

static void
uc_story_window_init (UcStoryWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (sync_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (uc_catalog_get_default (), "items-changed", G_CALLBACK (load), self, G_CONNECT_SWAPPED);
  sync_actions (self);
  load (self);
}

UcStoryWindow *
uc_story_window_new (GtkWindow *parent)
{
  return g_object_new (UC_TYPE_STORY_WINDOW, "transient-for", parent, "application",
                       parent ? gtk_window_get_application (parent) : NULL, NULL);
}
