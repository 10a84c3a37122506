/* uc-sources-dialog.c: the Sources page
 *
 * One expander row a source: collapsed, its title, its state in words and
 * how current it is; opened, its publisher, licence, address, series,
 * dates and rows, what went wrong last, and the key or contact it needs.
 * The rows follow the UcFeed's properties, which the refresh sets as it
 * goes, so the page changes while a refresh runs.
 */
#include "config.h"

#include "uc-sources-dialog.h"

#include "uc-catalog.h"
#include "uc-clickhouse-source.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-a11y.h"
#include "uc-feed-list.h"
#include "uc-feed-text.h"

struct _UcSourcesDialog
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkStack             *refresh_stack;
  AdwActionRow         *progress_row;
  GtkProgressBar       *progress_bar;
  GtkSwitch            *on_start_switch;
  AdwPreferencesGroup  *sources_group;
  AdwPreferencesGroup  *tables_group;
  guint                 n_tables;
  AdwActionRow         *user_file_row;

  /* owned */
  UcRefresher          *refresher;
  GSettings            *settings;
  GPtrArray            *rows;       /* SourceRow */
};

G_DEFINE_FINAL_TYPE (UcSourcesDialog, uc_sources_dialog, ADW_TYPE_PREFERENCES_WINDOW)

/* The widgets of one source's row that change with it. */
typedef struct
{
  UcSourcesDialog *dialog;
  UcFeed          *feed;
  AdwExpanderRow  *row;
  GtkImage        *icon;
  AdwActionRow    *retrieved;
  AdwActionRow    *as_of;
  AdwActionRow    *n_rows;
  AdwActionRow    *message;
} SourceRow;

static void
source_row_free (SourceRow *sr)
{
  g_signal_handlers_disconnect_by_data (sr->feed, sr);
  g_object_unref (sr->feed);
  g_free (sr);
}

static const char *
state_icon (UcFeedState  state,
            const char **style)
{
  *style = NULL;
  switch (state)
    {
    case UC_FEED_FRESH: *style = "success"; return "emblem-ok-symbolic";
    case UC_FEED_CACHED: return "document-open-recent-symbolic";
    case UC_FEED_REFUSED: *style = "warning"; return "dialog-warning-symbolic";
    case UC_FEED_NEEDS_KEY: return "dialog-password-symbolic";
    case UC_FEED_NEVER:
    default: return "action-unavailable-symbolic";
    }
}

/* "Fresh · retrieved 3 Dec 2026, 15:24 · data to 3 Dec 2026 · 21 rows" */
static char *
summary (SourceRow *sr,
         gboolean   can_ask)
{
  UcFeed *feed = sr->feed;
  guint n = uc_feed_get_n_rows (feed);
  g_autofree char *retrieved = uc_feed_text_time (uc_feed_get_retrieved (feed));
  g_autofree char *as_of = uc_feed_text_day (uc_feed_get_data_as_of (feed), NULL);
  /* Translators: when a source's copy was fetched */
  g_autofree char *when = retrieved ? g_strdup_printf (_("retrieved %s"), retrieved) : NULL;
  /* Translators: the last day of a source's data */
  g_autofree char *to = as_of ? g_strdup_printf (_("data to %s"), as_of) : NULL;
  g_autofree char *rows = retrieved || n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", n), n)
                                         : NULL;
  g_autofree char *reason = uc_feed_get_state (feed) == UC_FEED_REFUSED ? uc_feed_text_reason (feed) : NULL;
  const char *parts[] = { uc_feed_text_state (feed, can_ask), reason, when, to, rows };
  g_autoptr(GString) text = g_string_new (NULL);

  if (uc_refresher_get_current (sr->dialog->refresher) == feed)
    return g_strdup (_("Refreshing…"));
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i])
      g_string_append_printf (text, "%s%s", text->len ? " · " : "", parts[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Everything of @sr that follows its source. */
static void
update_row (SourceRow *sr)
{
  UcFeed *feed = sr->feed;
  gboolean can_ask = uc_refresher_can_ask (sr->dialog->refresher, feed);
  UcFeedState state = uc_feed_get_state (feed);
  const char *style = NULL, *icon;
  g_autofree char *text = summary (sr, can_ask);
  g_autofree char *retrieved = uc_feed_text_time (uc_feed_get_retrieved (feed));
  g_autofree char *checked = uc_feed_text_time (uc_feed_get_checked (feed));
  g_autofree char *as_of = uc_feed_text_day (uc_feed_get_data_as_of (feed), NULL);
  g_autofree char *rows = g_strdup_printf ("%u", uc_feed_get_n_rows (feed));
  const char *message = uc_feed_get_message (feed);

  if (state == UC_FEED_NEVER && !can_ask)
    state = UC_FEED_NEEDS_KEY;
  else if (state == UC_FEED_NEEDS_KEY && can_ask)
    state = UC_FEED_NEVER;
  icon = state_icon (state, &style);
  if (uc_refresher_get_current (sr->dialog->refresher) == feed)
    {
      icon = "emblem-synchronizing-symbolic";
      style = NULL;
    }
  gtk_image_set_from_icon_name (sr->icon, icon);
  gtk_widget_remove_css_class (GTK_WIDGET (sr->icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (sr->icon), "warning");
  if (style)
    gtk_widget_add_css_class (GTK_WIDGET (sr->icon), style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sr->icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  uc_feed_text_state (feed, can_ask), -1);
  adw_expander_row_set_subtitle (sr->row, text);
  adw_action_row_set_subtitle (sr->retrieved, retrieved ? retrieved : _("Never"));
  /* A source wanting a key was not asked, whatever the time it says. */
  if (checked && g_strcmp0 (checked, retrieved) != 0 && uc_feed_get_state (feed) != UC_FEED_NEEDS_KEY)
    {
      /* Translators: a source's copy was fetched at one time, last asked at another */
      g_autofree char *both = g_strdup_printf (_("%s; last asked %s"), retrieved ? retrieved : _("never"), checked);

      adw_action_row_set_subtitle (sr->retrieved, both);
    }
  adw_action_row_set_subtitle (sr->as_of, as_of ? as_of : "–");
  adw_action_row_set_subtitle (sr->n_rows, rows);
  adw_action_row_set_subtitle (sr->message, message ? message : "");
  /* Why it was refused; what a source lacks, the rows beside say. */
  gtk_widget_set_visible (GTK_WIDGET (sr->message), message && *message && uc_feed_get_state (feed) == UC_FEED_REFUSED);
}

static void
on_feed_notify (UcFeed     *feed,
                GParamSpec *pspec,
                SourceRow  *sr)
{
  update_row (sr);
}

/* A row of @title and @value under @expander; @value is plain text. */
static AdwActionRow *
add_detail (AdwExpanderRow *expander,
            const char     *title,
            const char     *value)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, value ? value : "");
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

/* The address to open for a source: its first request without a key, or
 * the site when its address needs one. */
static char *
browse_uri (UcFeed *feed)
{
  const char * const *series = uc_feed_get_series (feed);
  char *url = uc_feed_expand_url (feed, series[0] ? series[0] : "", NULL);
  const char *template = uc_feed_get_url (feed), *host, *end;

  if (url)
    return url;
  host = strstr (template, "://");
  end = host ? strchr (host + 3, '/') : NULL;
  return end ? g_strndup (template, end - template + 1) : g_strdup (template);
}

static void
add_address (SourceRow *sr)
{
  g_autofree char *uri = browse_uri (sr->feed);
  AdwActionRow *row = add_detail (sr->row, _("Address"), uc_feed_get_url (sr->feed));
  GtkWidget *link = gtk_link_button_new (uri);

  gtk_button_set_icon_name (GTK_BUTTON (link), "adw-external-link-symbolic");
  gtk_widget_set_valign (link, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (link, uri);
  gtk_accessible_update_property (GTK_ACCESSIBLE (link), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Open the address"), -1);
  adw_action_row_add_suffix (row, link);
  adw_action_row_set_activatable_widget (row, link);
}

/* "Nasdaq Composite, Nasdaq-100, S&P 500": what a source of several
 * requests asks for; NULL for a source of one. */
static char *
series_text (UcFeed *feed)
{
  const char * const *series = uc_feed_get_series (feed);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; series[i]; i++)
    g_string_append_printf (text, "%s%s", i ? ", " : "", uc_feed_get_series_label (feed, series[i]));
  return text->len ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
save_key (AdwEntryRow *entry,
          SourceRow   *sr)
{
  GSettings *settings = sr->dialog->settings;
  g_autoptr(GVariant) old = g_settings_get_value (settings, "source-keys");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  const char *id = uc_feed_get_id (sr->feed), *k, *v;
  GVariantIter iter;

  g_variant_iter_init (&iter, old);
  while (g_variant_iter_next (&iter, "{&s&s}", &k, &v))
    if (!g_str_equal (k, id))
      g_variant_builder_add (&builder, "{ss}", k, v);
  if (*key)
    g_variant_builder_add (&builder, "{ss}", id, key);
  g_settings_set_value (settings, "source-keys", g_variant_builder_end (&builder));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (sr->dialog),
                                    adw_toast_new (*key ? _("Key saved") : _("Key removed")));
}

static void
save_contact (AdwEntryRow *entry,
              SourceRow   *sr)
{
  g_autofree char *contact = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_settings_set_string (sr->dialog->settings, "sec-contact", contact);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (sr->dialog),
                                    adw_toast_new (*contact ? _("Contact address saved") : _("Contact address removed")));
}

/* The row to enter what @sr's source needs: a key, kept out of sight, or
 * the contact address SEC asks for. */
static void
add_credentials (SourceRow *sr)
{
  GtkWidget *entry;

  if (uc_feed_get_needs_key (sr->feed))
    {
      g_autoptr(GVariant) keys = g_settings_get_value (sr->dialog->settings, "source-keys");
      const char *key = NULL;

      entry = adw_password_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Key"));
      if (g_variant_lookup (keys, uc_feed_get_id (sr->feed), "&s", &key))
        gtk_editable_set_text (GTK_EDITABLE (entry), key);
      g_signal_connect (entry, "apply", G_CALLBACK (save_key), sr);
    }
  else if (uc_feed_get_needs_contact (sr->feed))
    {
      g_autofree char *contact = g_settings_get_string (sr->dialog->settings, "sec-contact");

      entry = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Contact e-mail address, which SEC asks for"));
      adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (entry), GTK_INPUT_PURPOSE_EMAIL);
      gtk_editable_set_text (GTK_EDITABLE (entry), contact);
      g_signal_connect (entry, "apply", G_CALLBACK (save_contact), sr);
    }
  else
    return;
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  adw_expander_row_add_row (sr->row, entry);
}

/* @feed's row, its details inside. */
static SourceRow *
add_source (UcSourcesDialog *self,
            UcFeed          *feed)
{
  SourceRow *sr = g_new0 (SourceRow, 1);
  g_autofree char *series = series_text (feed);

  sr->dialog = self;
  sr->feed = g_object_ref (feed);
  sr->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (sr->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (sr->row), _(uc_feed_get_title (feed)));
  sr->icon = GTK_IMAGE (gtk_image_new ());
  adw_expander_row_add_prefix (sr->row, GTK_WIDGET (sr->icon));
  add_detail (sr->row, _("Publisher"), uc_feed_get_publisher (feed));
  add_detail (sr->row, _("Licence"), uc_feed_get_licence (feed));
  add_address (sr);
  if (series)
    add_detail (sr->row, _("Series"), series);
  sr->retrieved = add_detail (sr->row, _("Retrieved"), NULL);
  sr->as_of = add_detail (sr->row, _("Data as of"), NULL);
  sr->n_rows = add_detail (sr->row, _("Rows"), NULL);
  sr->message = add_detail (sr->row, _("Last refresh"), NULL);
  add_credentials (sr);
  uc_a11y_fix_names (GTK_WIDGET (sr->row));
  adw_preferences_group_add (self->sources_group, GTK_WIDGET (sr->row));
  g_signal_connect (feed, "notify", G_CALLBACK (on_feed_notify), sr);
  update_row (sr);
  return sr;
}

static void
update_rows (UcSourcesDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    update_row (g_ptr_array_index (self->rows, i));
}

/* The refresh's progress, and the source being asked. */
static void
update_progress (UcSourcesDialog *self)
{
  gboolean running = uc_refresher_get_running (self->refresher);
  UcFeed *current = uc_refresher_get_current (self->refresher);
  guint done = uc_refresher_get_done (self->refresher), total = uc_refresher_get_total (self->refresher);
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->refresh_stack, running ? "running" : "idle");
  gtk_widget_set_visible (GTK_WIDGET (self->progress_row), running);
  if (current)
    text = g_strdup_printf (_("Refreshing %s (%u of %u)…"), uc_feed_get_publisher (current), MIN (done + 1, total),
                            total);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->progress_row), text ? text : _("Refreshing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 0);
  update_rows (self);
}

static void
show_user_file (UcSourcesDialog *self)
{
  g_autofree char *path = uc_feed_list_user_file ();
  g_autofree char *text = NULL;

  if (uc_refresher_get_load_error (self->refresher))
    /* Translators: why the user's list of sources was left out */
    text = g_strdup_printf (_("Could not be read: %s; the built-in sources are used"),
                            uc_refresher_get_load_error (self->refresher));
  else
    /* Translators: the file where a user adds sources or changes them */
    text = g_strdup_printf (_("Add sources, or change these, in %s"), path);
  adw_action_row_set_subtitle (self->user_file_row, text);
}

static void
uc_sources_dialog_dispose (GObject *object)
{
  UcSourcesDialog *self = UC_SOURCES_DIALOG (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->refresher);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_SOURCES_DIALOG);
  G_OBJECT_CLASS (uc_sources_dialog_parent_class)->dispose (object);
}

static void
uc_sources_dialog_class_init (UcSourcesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = uc_sources_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-sources-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, progress_row);
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, on_start_switch);
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, sources_group);
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, tables_group);
  gtk_widget_class_bind_template_child (widget_class, UcSourcesDialog, user_file_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
uc_sources_dialog_init (UcSourcesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) source_row_free);
}

/* A table's Remove: out of the settings, and so out of every window's
 * sidebar and the catalog (see uc-window-clickhouse.c), its row too. */
static void
remove_table (UcSourcesDialog *self,
              GtkWidget       *button)
{
  const char *id = g_object_get_data (G_OBJECT (button), "source-id");
  g_autoptr(GVariant) tables = g_settings_get_value (self->settings, "clickhouse-tables");
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  if (row)
    adw_preferences_group_remove (self->tables_group, row);
  if (row && --self->n_tables == 0)
    gtk_widget_set_visible (GTK_WIDGET (self->tables_group), FALSE);
  g_settings_set_value (self->settings, "clickhouse-tables", uc_clickhouse_source_list_replace (tables, id, NULL));
}

/* The ClickHouse tables charted (the catalog's): what each is, where,
 * and since when. */
static void
show_tables (UcSourcesDialog *self)
{
  GListModel *catalog = G_LIST_MODEL (uc_catalog_get_default ());

  for (guint i = 0; i < g_list_model_get_n_items (catalog); i++)
    {
      g_autoptr(UcSource) source = g_list_model_get_item (catalog, i);
      g_autofree char *subtitle = NULL, *tooltip = NULL;
      GtkWidget *row, *remove;

      if (!UC_IS_CLICKHOUSE_SOURCE (source))
        continue;
      /* Translators: a ClickHouse table as described (“db.t (ts, price by
       * symbol) at http://host:8123/”), then when it was first charted */
      subtitle = g_strdup_printf (_("%s\nCharted since %.10s; each frame read from the server"),
                                  uc_source_get_location (source), uc_source_get_retrieved (source));
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), uc_source_get_title (source));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("network-server-symbolic"));
      remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      /* Translators: a tooltip; %s is a ClickHouse table's title */
      tooltip = g_strdup_printf (_("Remove %s from Undercut (the table stays on its server)"), uc_source_get_title (source));
      gtk_widget_set_tooltip_text (remove, tooltip);
      g_object_set_data_full (G_OBJECT (remove), "source-id", g_strdup (uc_source_get_id (source)), g_free);
      g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_table), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->tables_group, row);
      self->n_tables++;
      gtk_widget_set_visible (GTK_WIDGET (self->tables_group), TRUE);
    }
}

/* The Sources page of @refresher's sources, over @parent; @settings
 * keeps the keys, the contact address and the refresh on start. */
GtkWidget *
uc_sources_dialog_new (GtkWindow   *parent,
                       UcRefresher *refresher,
                       GSettings   *settings)
{
  UcSourcesDialog *self = g_object_new (UC_TYPE_SOURCES_DIALOG, "transient-for", parent,
                                        "application", gtk_window_get_application (parent), NULL);
  GListModel *feeds = uc_refresher_get_feeds (refresher);

  self->refresher = g_object_ref (refresher);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "refresh-on-start", self->on_start_switch, "active", G_SETTINGS_BIND_DEFAULT);
  for (guint i = 0; i < g_list_model_get_n_items (feeds); i++)
    {
      g_autoptr(UcFeed) feed = g_list_model_get_item (feeds, i);

      g_ptr_array_add (self->rows, add_source (self, feed));
    }
  g_signal_connect_object (refresher, "notify::running", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (refresher, "notify::current", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (refresher, "notify::done", G_CALLBACK (update_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::source-keys", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::sec-contact", G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED);
  show_tables (self);
  show_user_file (self);
  update_progress (self);
  return GTK_WIDGET (self);
}
