/* uc-application.c: the Undercut application */
#include "config.h"

#include "uc-application.h"

#include <glib/gi18n.h>

#include "uc-catalog.h"
#include "uc-ui-resources.h"
#include "uc-chart-view.h"
#include "uc-refresher.h"
#include "uc-window.h"

/* Refresh on start: sources last asked longer ago than this; and how
 * long after the first chart is on screen (the refresh's own start costs
 * the window nothing it would show). */
#define REFRESH_AGE       (24 * G_TIME_SPAN_HOUR)
#define REFRESH_DELAY_MS  500

struct _UcApplication
{
  AdwApplication parent_instance;

  char          *pending_view;   /* asked for before the window exists */
  gboolean       timings;
  gint64         start;          /* monotonic µs when the undercut command started */
  gint64         loaded;         /* when the window's program was loaded and running */
  GSettings     *settings;
  UcRefresher   *refresher;      /* made with the first window */
  guint          start_refresh;  /* the refresh on start, waiting to begin */
};

G_DEFINE_FINAL_TYPE (UcApplication, uc_application, ADW_TYPE_APPLICATION)

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The Undercut developers", NULL };
  static const char *data_sources[] = {
    "Daily closes: Yahoo Finance data via public GitHub snapshots (dsturdy/Factor_Attribution_5_csvs, Georgelikechen/George-portfolio_optimization)",
    "Shares outstanding: SEC EDGAR XBRL company facts and 10-K/10-Q covers; HKEX filings",
    "Model releases: Epoch AI, models.dev, simonw/llm-prices",
    "API prices: simonw/llm-prices, models.dev",
    "Events: BIS, company announcements and news reports (one source per event)",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Undercut"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", "The Undercut developers",
                        "developers", developers,
                        "comments", _("Is China commoditizing AI with cheap open-weight models, and what does that do to markets? "
                                      "Undercut charts the sourced figures so you can judge for yourself."),
                        "website", "https://github.com/undercut/undercut",
                        "issue-url", "https://github.com/undercut/undercut/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Undercut developers",
                        NULL);
  adw_about_window_add_credit_section (ADW_ABOUT_WINDOW (about), _("Data Sources"), data_sources);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Close windows properly so each one saves its state. */
  while (windows)
    {
      GList *next = windows->next;

      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

/* The main window focused last (a dialog may be focused now). */
static UcWindow *
active_window (UcApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (UC_IS_WINDOW (l->data))
      return UC_WINDOW (l->data);
  return NULL;
}

/* app.show-view('pricing'): scripts and `undercut --view` drive the window. */
static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  UcApplication *self = user_data;
  const char *id = g_variant_get_string (parameter, NULL);
  UcWindow *window = active_window (self);
  g_autoptr(GError) error = NULL;

  if (window == NULL)
    {
      g_free (self->pending_view);
      self->pending_view = g_strdup (id);
      return;
    }
  if (!uc_window_show_view (window, id, &error))
    g_message ("app.show-view: %s", error->message);
}

/* app.set-range('2025-01-01/2025-03-31'): every chart shows those days. */
static void
set_range_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  UcWindow *window = active_window (user_data);
  UcTime from, to;

  if (!uc_time_range_parse (g_variant_get_string (parameter, NULL), &from, &to))
    {
      g_message ("app.set-range: “%s” is not a range like 2025-01-01/2025-03-31", g_variant_get_string (parameter, NULL));
      return;
    }
  if (window)
    uc_time_range_set (uc_window_get_time_range (window), from, to);
}

/* app.export('/path/chart.png'): the first chart, as shown, to that file. */
static void
export_path_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UcWindow *window = active_window (user_data);
  g_autoptr(GError) error = NULL;

  if (window && !uc_window_export (window, g_variant_get_string (parameter, NULL), &error))
    g_message ("app.export: %s", error->message);
}

/* app.save-view('/path/view.json'): what the window shows, as a view
 * state, for scripts. */
static void
save_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  UcWindow *window = active_window (user_data);
  g_autoptr(GError) error = NULL;

  if (window && !uc_window_save_state (window, g_variant_get_string (parameter, NULL), &error))
    g_message ("app.save-view: %s", error->message);
}

/* app.refresh (F5): every source asked for new data. */
static void
refresh_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  UcApplication *self = user_data;

  if (self->refresher)
    uc_refresher_start (self->refresher, NULL);
}

/* app.cancel-refresh: the refresh stops; what it got so far is kept. */
static void
cancel_refresh_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  UcApplication *self = user_data;

  if (self->refresher)
    uc_refresher_cancel (self->refresher);
}

/* app.new-window (Ctrl+N): another window, on the view the focused one
 * shows, to set two views (or two stretches of one) side by side. Each
 * window has its own days; the modes are the application's. */
static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  UcApplication *self = user_data;
  UcWindow *focused = active_window (self);
  UcWindow *window = uc_window_new_on_view (ADW_APPLICATION (self), focused ? uc_window_get_view_id (focused) : NULL);

  if (self->refresher)
    uc_window_set_refresher (window, self->refresher);
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "new-window", new_window_action },
  { "refresh", refresh_action },
  { "cancel-refresh", cancel_refresh_action },
  { "about", about_action },
  { "quit", quit_action },
  { "show-view", show_view_action, "s" },
  { "set-range", set_range_action, "s" },
  { "export", export_path_action, "s" },
  { "save-view", save_view_action, "s" },
};

static void
uc_application_startup (GApplication *application)
{
  UcApplication *self = UC_APPLICATION (application);
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.new-window", { "<Control>n", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.log-scale", { "<Control>l", NULL } },
    { "win.copy", { "<Control>c", NULL } },
    { "win.copy-values", { "<Control><Shift>c", NULL } },
    { "win.fix-values", { "<Control><Shift>h", NULL } },
    { "win.add-event", { "<Control>m", NULL } },
    { "win.reset-range", { "<Control>0", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "app.refresh", { "F5", NULL } },
    { "win.show-sources", { "<Control>i", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.chart-clickhouse", { "<Control><Shift>o", NULL } },
    { "win.save-view", { "<Control>s", NULL } },
    { "win.copy-view-link", { "<Control><Shift>l", NULL } },
    { "win.paste-data", { "<Control>v", NULL } },
    { "win.show-table", { "<Control>t", NULL } },
    { "win.test-story", { "<Control><Shift>t", NULL } },
    { "win.study-event", { "<Control><Shift>a", NULL } },
    { "win.open-events", { "<Control><Shift>e", NULL } },
    { "win.type-range", { "<Control>g", NULL } },
    { "win.pick-series", { "<Control>k", NULL } },
    { "win.range-back", { "<Alt>Left", NULL } },
    { "win.range-forward", { "<Alt>Right", NULL } },
    { "win.show-range('1m')", { "<Alt>1", NULL } },
    { "win.show-range('3m')", { "<Alt>2", NULL } },
    { "win.show-range('6m')", { "<Alt>3", NULL } },
    { "win.show-range('ytd')", { "<Alt>4", NULL } },
    { "win.show-range('1y')", { "<Alt>5", NULL } },
    { "win.show-range('5y')", { "<Alt>6", NULL } },
    { "win.show-range('all')", { "<Alt>7", NULL } },
    { "win.show-range('event')", { "<Alt>8", NULL } },
  };
  g_autoptr(GAction) on_start = NULL;

  G_APPLICATION_CLASS (uc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  /* The menu's toggle is the setting itself. */
  self->settings = g_settings_new (APP_ID);
  on_start = g_settings_create_action (self->settings, "refresh-on-start");
  g_action_map_add_action (G_ACTION_MAP (application), on_start);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);
}

/* --timings: once the first chart is on screen, say when, and quit. */
static void
on_after_paint (GdkFrameClock *clock,
                UcApplication *self)
{
  UcWindow *window = active_window (self);

  if (window == NULL || uc_chart_view_get_draw_count (uc_window_get_chart_view (window)) == 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_print ("undercut: %-24s %7.1f ms after start\n", "first chart drawn", (g_get_monotonic_time () - self->start) / 1000.0);
  g_application_quit (G_APPLICATION (self));
}

static void
on_window_realized (GtkWidget     *window,
                    UcApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
}

/* The refresh on start: the sources that can be asked and were last
 * asked more than a day ago, if the setting still says so. */
static gboolean
refresh_on_start (gpointer data)
{
  UcApplication *self = data;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_auto(GStrv) due = NULL;

  self->start_refresh = 0;
  if (self->refresher == NULL || !g_settings_get_boolean (self->settings, "refresh-on-start"))
    return G_SOURCE_REMOVE;
  due = uc_refresher_dup_due (self->refresher, now, REFRESH_AGE);
  if (due[0])
    uc_refresher_start (self->refresher, (const char * const *) due);
  return G_SOURCE_REMOVE;
}

/* Only once the first chart is on screen, and a moment later: the
 * refresh never delays the first chart. */
static void
on_first_paint (GdkFrameClock *clock,
                UcApplication *self)
{
  UcWindow *window = active_window (self);

  if (window == NULL || uc_chart_view_get_draw_count (uc_window_get_chart_view (window)) == 0)
    return;
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, self);
  if (self->start_refresh == 0)
    self->start_refresh = g_timeout_add (REFRESH_DELAY_MS, refresh_on_start, self);
}

static void
schedule_refresh_on_start (GtkWidget     *window,
                           UcApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (clock)
    g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
}

/* The window goes on screen with its first view drawn, not blank while
 * that view's data loads (on worker threads, while GTK builds the rest). */
static void
present_when_loaded (GtkWindow     *window,
                     GParamSpec    *pspec,
                     UcApplication *self)
{
  if (uc_window_get_loading (UC_WINDOW (window)))
    return;
  g_signal_handlers_disconnect_by_func (window, present_when_loaded, self);
  if (self->timings)
    g_print ("undercut: %-24s %7.1f ms after start\n", "window and view built", (g_get_monotonic_time () - self->start) / 1000.0);
  gtk_window_present (window);
}

static void
uc_application_activate (GApplication *application)
{
  UcApplication *self = UC_APPLICATION (application);
  GtkWindow *window = GTK_WINDOW (active_window (self));

  if (window == NULL)
    {
      if (self->timings)
        {
          g_print ("undercut: %-24s %7.1f ms after start\n", "window program loaded", (self->loaded - self->start) / 1000.0);
          g_print ("undercut: %-24s %7.1f ms after start\n", "toolkit ready", (g_get_monotonic_time () - self->start) / 1000.0);
        }
      /* Opened on the view asked for, without building the last one first. */
      window = GTK_WINDOW (uc_window_new_on_view (ADW_APPLICATION (application), self->pending_view));
      if (self->pending_view && uc_view_catalog_find (uc_window_get_views (UC_WINDOW (window)), self->pending_view, NULL))
        g_clear_pointer (&self->pending_view, g_free);
      if (self->refresher == NULL)
        self->refresher = uc_refresher_new (self->settings);
      uc_window_set_refresher (UC_WINDOW (window), self->refresher);
      if (self->timings)
        g_signal_connect_after (window, "realize", G_CALLBACK (on_window_realized), self);
      else if (g_settings_get_boolean (self->settings, "refresh-on-start"))
        g_signal_connect_after (window, "realize", G_CALLBACK (schedule_refresh_on_start), self);
    }
  if (self->pending_view)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_steal_pointer (&self->pending_view);

      if (!uc_window_show_view (UC_WINDOW (window), id, &error))
        g_printerr ("undercut: %s\n", error->message);
    }
  if (!gtk_widget_get_visible (GTK_WIDGET (window)) && uc_window_get_loading (UC_WINDOW (window)))
    {
      g_signal_handlers_disconnect_by_func (window, present_when_loaded, self);
      g_signal_connect (window, "notify::loading", G_CALLBACK (present_when_loaded), self);
    }
  else
    present_when_loaded (window, NULL, self);
}

/* `undercut FILE…` and the file manager's Open With: the window (made if
 * need be), each file in the import dialog in turn. */
static void
uc_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  UcWindow *window;

  g_application_activate (application);
  window = active_window (UC_APPLICATION (application));
  if (window)
    uc_window_open_files (window, files, (guint) n_files);
}

/* --view ID: shown by this process's window, or by the running one's. */
static int
uc_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  const char *view = NULL;
  g_autoptr(GError) error = NULL;

  UC_APPLICATION (application)->timings = g_variant_dict_contains (options, "timings");
  if (g_variant_dict_lookup (options, "view", "&s", &view))
    {
      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("undercut: %s\n", error->message);
          return 1;
        }
      g_action_group_activate_action (G_ACTION_GROUP (application), "show-view", g_variant_new_string (view));
    }
  return -1;
}

/* A refresh running is stopped: its sources keep their last good copies. */
static void
uc_application_shutdown (GApplication *application)
{
  UcApplication *self = UC_APPLICATION (application);

  g_clear_handle_id (&self->start_refresh, g_source_remove);
  if (self->refresher)
    uc_refresher_cancel (self->refresher);
  G_APPLICATION_CLASS (uc_application_parent_class)->shutdown (application);
}

static void
uc_application_finalize (GObject *object)
{
  UcApplication *self = UC_APPLICATION (object);

  g_clear_object (&self->refresher);
  g_clear_object (&self->settings);
  g_free (self->pending_view);
  G_OBJECT_CLASS (uc_application_parent_class)->finalize (object);
}

static void
uc_application_class_init (UcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = uc_application_startup;
  app_class->activate = uc_application_activate;
  app_class->open = uc_application_open;
  app_class->shutdown = uc_application_shutdown;
  app_class->handle_local_options = uc_application_handle_local_options;
  G_OBJECT_CLASS (klass)->finalize = uc_application_finalize;
}

static void
uc_application_init (UcApplication *self)
{
  static gsize once;

  const GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open on this view (deepseek-shock, hardware-evs, model-releases, pricing, events)"), N_("ID") },
    { "timings", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print how long the window took to draw its first chart, then quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  {
    const char *start = g_getenv ("UNDERCUT_START_USEC");

    self->start = start ? g_ascii_strtoll (start, NULL, 10) : g_get_monotonic_time ();
    if (self->start <= 0 || self->start > g_get_monotonic_time ())
      self->start = g_get_monotonic_time ();
    self->loaded = g_get_monotonic_time ();
  }
  uc_catalog_register_resources ();
  if (g_once_init_enter (&once))
    {
      uc_ui_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

/* The refresh of the sources, made with the first window (NULL before). */
UcRefresher *
uc_application_get_refresher (UcApplication *self)
{
  g_return_val_if_fail (UC_IS_APPLICATION (self), NULL);
  return self->refresher;
}

UcApplication *
uc_application_new (void)
{
  return g_object_new (UC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
