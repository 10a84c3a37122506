/* uc-application.c: the Undercut application */
#include "config.h"

#include "uc-application.h"

#include <glib/gi18n.h>

#include "uc-catalog.h"
#include "uc-ui-resources.h"
#include "uc-window.h"

struct _UcApplication
{
  AdwApplication parent_instance;
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

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "quit", quit_action },
};

static void
uc_application_startup (GApplication *application)
{
  static const struct { const char *action; const char *accels[2]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.export", { "<Control>e", NULL } },
  };

  G_APPLICATION_CLASS (uc_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application), accels[i].action, accels[i].accels);
}

static void
uc_application_activate (GApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));

  if (window == NULL)
    window = GTK_WINDOW (uc_window_new (ADW_APPLICATION (application)));
  gtk_window_present (window);
}

static void
uc_application_class_init (UcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = uc_application_startup;
  app_class->activate = uc_application_activate;
}

static void
uc_application_init (UcApplication *self)
{
  static gsize once;

  uc_catalog_register_resources ();
  if (g_once_init_enter (&once))
    {
      uc_ui_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

UcApplication *
uc_application_new (void)
{
  return g_object_new (UC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}
