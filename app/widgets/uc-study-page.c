/* uc-study-page.c: an event study in the window
 *
 * An event from the list (or the day clicked on a chart), the companies
 * (a preset or typed), the benchmark and the windows; the CAR by trading
 * day with the basket's 95% band, and a table per company: the market
 * model and, per window, the CAR with its t, p and money. It runs again as
 * soon as a choice changes; a study that cannot run says why and the last
 * one stays.
 */
#include "config.h"

#include "uc-study-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-chart-view.h"
#include "uc-event-study.h"
#include "uc-format.h"
#include "uc-story-parts.h"

struct _UcStudyPage
{
  GtkBox         parent_instance;

  GtkDropDown   *event_dropdown;
  GtkStringList *event_names;
  GArray        *event_days;     /* gint64 per name */
  GtkDropDown   *preset_dropdown;
  GtkEntry      *companies_entry;
  GtkDropDown   *benchmark_dropdown;
  GtkEntry      *windows_entry;
  GtkEntry      *estimation_entry;
  GtkLabel      *error_label;
  UcChartView   *chart;
  GtkGrid       *table;
  GtkBox        *notes;

  UcDataset     *prices, *index, *events;
  UcStudy       *study;
  UcChartSpec   *spec;
  char          *error;
  gboolean       filling;        /* the controls set from code: no run for each */
};

G_DEFINE_FINAL_TYPE (UcStudyPage, uc_study_page, GTK_TYPE_BOX)

/* The presets of the companies list; the last is whatever was typed. */
static const struct { const char *name; const char *companies; } presets[] = {
  { N_("Eight US AI stocks"), NULL },
  { N_("All US listings"), "US" },
  { N_("Hong Kong listings"), "HK" },
  { N_("As typed"), "" },
};

static gboolean
parse_windows (const char     *text,
               GArray         *windows,
               GError        **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i]; i++)
    {
      UcStudyWindow w;

      if (*g_strstrip (parts[i]) == '\0')
        continue;
      if (windows->len == UC_STUDY_MAX_WINDOWS)
        return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("at most %d windows"),
                            UC_STUDY_MAX_WINDOWS), FALSE;
      if (!uc_study_window_parse (parts[i], &w, error))
        return FALSE;
      g_array_append_val (windows, w);
    }
  if (windows->len == 0)
    return g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                                _("give at least one window, as -1,1; 0,5")), FALSE;
  return TRUE;
}

static UcStudy *
run_study (UcStudyPage *self,
           GError     **error)
{
  g_autoptr (GArray) windows = g_array_new (FALSE, FALSE, sizeof (UcStudyWindow));
  g_auto (GStrv) list = uc_story_split_list (gtk_editable_get_text (GTK_EDITABLE (self->companies_entry)));
  guint position = gtk_drop_down_get_selected (self->event_dropdown);
  UcStudyOptions o;

  uc_study_options_init (&o);
  if (self->prices == NULL || position >= self->event_days->len)
    return g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("no event to study")), NULL;
  if (!uc_study_window_parse (gtk_editable_get_text (GTK_EDITABLE (self->estimation_entry)), &o.estimation, error) ||
      !parse_windows (gtk_editable_get_text (GTK_EDITABLE (self->windows_entry)), windows, error))
    return NULL;
  o.event = g_array_index (self->event_days, gint64, position);
  o.companies = list[0] ? (const char *const *) list : uc_study_us_ai_stocks;
  o.benchmark = gtk_drop_down_get_selected (self->benchmark_dropdown) == 1 ? "basket" : NULL;
  o.windows = (UcStudyWindow *) windows->data;
  o.n_windows = windows->len;
  return uc_study_run (self->prices, self->index, self->events, &o, error);
}

/* "α −0.05%/day  β 1.92" and "R² 0.61, 100 days". */
static char *
model_text (UcStudyLine *line)
{
  g_autofree char *alpha = uc_story_percent (line->model.alpha, 2);
  g_autofree char *beta = uc_format_decimal (line->model.beta, 2);
  g_autofree char *r2 = uc_format_decimal (line->model.r2, 2);

  if (!line->ok)
    return g_strdup (line->why ? line->why : "–");
  /* Translators: α is a percentage, β and R² numbers such as "1.92" */
  if (line->is_basket)
    return g_strdup_printf (_("α %s a day, β %s\n%u days"), alpha, beta, (guint) line->model.n);
  return g_strdup_printf (_("α %s a day, β %s\nR² %s, %u days"), alpha, beta, r2, (guint) line->model.n);
}

static char *
car_text (UcStudyLine *line,
          UcStudyCar  *car)
{
  g_autofree char *pct = NULL, *money = NULL, *t = NULL, *p = NULL;

  if (!line->ok)
    return g_strdup ("–");
  if (!car->ok)
    return g_strdup (car->why ? car->why : "–");
  pct = uc_story_percent (car->car, 2);
  money = isfinite (car->money) ? uc_format_money_change_in (car->money, line->currency) : NULL;
  t = uc_format_decimal (car->t, 2);
  p = uc_format_decimal (car->p, 3);
  return g_strdup_printf ("%s\nt %s, p %s%s%s", pct, t, p, money ? "\n" : "", money ? money : "");
}

static void
fill_table (UcStudyPage *self)
{
  UcStudy *s = self->study;

  uc_story_grid_clear (self->table);
  uc_story_grid_cell (self->table, 0, 0, _("Company"), TRUE, FALSE);
  uc_story_grid_cell (self->table, 1, 0, _("Market model"), TRUE, FALSE);
  for (guint w = 0; w < s->windows->len; w++)
    {
      g_autofree char *name = uc_study_window_format (&g_array_index (s->windows, UcStudyWindow, w));
      g_autofree char *head = g_strdup_printf (_("CAR %s"), name);

      uc_story_grid_cell (self->table, 2 + (int) w, 0, head, TRUE, TRUE);
    }
  for (guint i = 0; i < s->lines->len; i++)
    {
      UcStudyLine *line = g_ptr_array_index (s->lines, i);
      g_autofree char *who = line->is_basket ? g_strdup_printf ("%s\n%s", line->name, line->benchmark)
                                             : g_strdup_printf ("%s\n%s", line->id, line->name);
      g_autofree char *model = model_text (line);
      GtkWidget *cell = uc_story_grid_cell (self->table, 0, 1 + (int) i, who, FALSE, FALSE);

      gtk_widget_set_tooltip_text (cell, line->benchmark);
      if (line->is_basket)
        gtk_widget_add_css_class (cell, "heading");
      uc_story_grid_cell (self->table, 1, 1 + (int) i, model, FALSE, FALSE);
      for (guint w = 0; w < s->windows->len; w++)
        {
          g_autofree char *text = car_text (line, &line->cars[w]);

          uc_story_grid_cell (self->table, 2 + (int) w, 1 + (int) i, text, FALSE, TRUE);
        }
    }
}

static void
fill_notes (UcStudyPage *self)
{
  uc_story_notes_clear (self->notes);
  for (guint i = 0; i < self->study->notes->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("• %s", (char *) g_ptr_array_index (self->study->notes, i));

      uc_story_notes_add (self->notes, text);
    }
}

static gboolean
any_line_ok (UcStudy *study)
{
  for (guint i = 0; i < study->lines->len; i++)
    if (((UcStudyLine *) g_ptr_array_index (study->lines, i))->ok)
      return TRUE;
  return FALSE;
}

static void
run (UcStudyPage *self)
{
  g_autoptr (GError) error = NULL;
  UcStudy *study;

  if (self->filling || self->prices == NULL)
    return;
  study = run_study (self, &error);
  if (study == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not run the study: %s"), error->message);

      uc_story_set_error (self->error_label, &self->error, message);
      return;
    }
  if (!any_line_ok (study))
    {
      UcStudyLine *first = g_ptr_array_index (study->lines, 0);
      g_autofree char *message = g_strdup_printf (_("Could not run the study: no company could be measured (%s: %s)"),
                                                  first->id, first->why ? first->why : "");

      uc_study_free (study);
      uc_story_set_error (self->error_label, &self->error, message);
      return;
    }
  uc_story_set_error (self->error_label, &self->error, NULL);
  g_clear_pointer (&self->study, uc_study_free);
  self->study = study;
  g_clear_object (&self->spec);
  self->spec = uc_study_build_chart (study);
  uc_chart_view_set_spec (self->chart, self->spec);
  fill_table (self);
  fill_notes (self);
}

static void
on_preset_changed (UcStudyPage *self)
{
  guint i = gtk_drop_down_get_selected (self->preset_dropdown);
  g_autofree char *text = NULL;

  if (i >= G_N_ELEMENTS (presets) || (presets[i].companies && *presets[i].companies == '\0'))
    return;
  text = presets[i].companies ? g_strdup (presets[i].companies)
                              : g_strjoinv (", ", (char **) uc_study_us_ai_stocks);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->companies_entry), text);
  self->filling = FALSE;
  run (self);
}

/* Typed companies: the preset says so. */
static void
on_companies_changed (UcStudyPage *self)
{
  if (self->filling)
    return;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->preset_dropdown, G_N_ELEMENTS (presets) - 1);
  self->filling = FALSE;
}

/* The first and last day of the price table. */
static void
price_span (UcDataset *prices,
            UcTime    *first,
            UcTime    *last)
{
  int c = uc_dataset_find_column_of_type (prices, "date", UC_COLUMN_DATE);
  const UcTime *days = c >= 0 ? uc_dataset_get_times (prices, c) : NULL;

  *first = G_MAXINT64;
  *last = G_MININT64;
  for (guint row = 0; days && row < uc_dataset_get_n_rows (prices); row++)
    if (days[row] != UC_TIME_MISSING)
      {
        *first = MIN (*first, days[row]);
        *last = MAX (*last, days[row]);
      }
}

/* The events a study can be asked of: those with half a year of prices
 * before them (the estimation window) and a day after. */
static void
fill_events (UcStudyPage *self)
{
  int c_date = uc_dataset_find_column_of_type (self->events, "date", UC_COLUMN_DATE);
  int c_title = uc_dataset_find_column_of_type (self->events, "title", UC_COLUMN_TEXT);
  guint n = uc_dataset_get_n_rows (self->events);
  const UcTime *days;
  UcTime first, last;

  g_array_set_size (self->event_days, 0);
  gtk_string_list_splice (self->event_names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->event_names)), NULL);
  if (c_date < 0 || c_title < 0)
    return;
  days = uc_dataset_get_times (self->events, c_date);
  price_span (self->prices, &first, &last);
  for (guint row = 0; row < n; row++)
    {
      g_autofree char *day = NULL, *name = NULL;
      gint64 d = days[row] / UC_USEC_PER_DAY;

      if (days[row] == UC_TIME_MISSING || days[row] < first + 180 * UC_USEC_PER_DAY || days[row] >= last)
        continue;
      day = uc_format_day (days[row]);
      /* The title first: GTK 4.8's drop-down search matches the start. */
      name = g_strdup_printf ("%s · %s", uc_dataset_get_text (self->events, c_title, row), day);
      gtk_string_list_append (self->event_names, name);
      g_array_append_val (self->event_days, d);
    }
}

/* The tables studied: market caps (with close prices), the benchmark
 * indexes and the events. The DeepSeek shock is studied first. */
void
uc_study_page_set_data (UcStudyPage *self,
                        UcDataset   *prices,
                        UcDataset   *index,
                        UcDataset   *events)
{
  gint64 shown = 0;
  guint position = gtk_drop_down_get_selected (self->event_dropdown);

  g_return_if_fail (UC_IS_STUDY_PAGE (self));
  if (position < self->event_days->len)
    shown = g_array_index (self->event_days, gint64, position);
  g_set_object (&self->prices, prices);
  g_set_object (&self->index, index);
  g_set_object (&self->events, events);
  self->filling = TRUE;
  fill_events (self);
  self->filling = FALSE;
  uc_study_page_set_event (self, shown ? shown : uc_days_from_civil (2025, 1, 27));
}

/* The event of @day (days since 1970) studied: the list's, or the day
 * itself when no event is on it (a day clicked on a chart). */
void
uc_study_page_set_event (UcStudyPage *self,
                         gint64       day)
{
  guint i;

  g_return_if_fail (UC_IS_STUDY_PAGE (self));
  for (i = 0; i < self->event_days->len; i++)
    if (g_array_index (self->event_days, gint64, i) == day)
      break;
  if (i == self->event_days->len)
    {
      g_autofree char *date = uc_format_day (day * UC_USEC_PER_DAY);
      g_autofree char *name = g_strdup_printf (_("The day chosen · %s"), date);

      self->filling = TRUE;
      gtk_string_list_append (self->event_names, name);
      g_array_append_val (self->event_days, day);
      self->filling = FALSE;
    }
  if (gtk_drop_down_get_selected (self->event_dropdown) == i)
    run (self);
  else
    gtk_drop_down_set_selected (self->event_dropdown, i);
}

/* Companies as typed (tickers, or US or HK for a whole market). */
void
uc_study_page_set_companies (UcStudyPage *self,
                             const char  *companies)
{
  g_return_if_fail (UC_IS_STUDY_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->companies_entry), companies);
  run (self);
}

/* The chart as shown, whose export options an export takes. */
GtkWidget *
uc_study_page_get_chart (UcStudyPage *self)
{
  g_return_val_if_fail (UC_IS_STUDY_PAGE (self), NULL);
  return GTK_WIDGET (self->chart);
}

UcChartSpec *
uc_study_page_get_spec (UcStudyPage *self)
{
  g_return_val_if_fail (UC_IS_STUDY_PAGE (self), NULL);
  return self->spec;
}

const char *
uc_study_page_get_error (UcStudyPage *self)
{
  g_return_val_if_fail (UC_IS_STUDY_PAGE (self), NULL);
  return self->error;
}

/* The table as tab-separated text: a row per company, a cell per column. */
char *
uc_study_page_get_table_text (UcStudyPage *self)
{
  g_return_val_if_fail (UC_IS_STUDY_PAGE (self), NULL);
  return uc_story_grid_text (self->table);
}

static void
uc_study_page_dispose (GObject *object)
{
  UcStudyPage *self = UC_STUDY_PAGE (object);

  g_clear_object (&self->prices);
  g_clear_object (&self->index);
  g_clear_object (&self->events);
  g_clear_object (&self->spec);
  g_clear_pointer (&self->study, uc_study_free);
  G_OBJECT_CLASS (uc_study_page_parent_class)->dispose (object);
}

static void
uc_study_page_finalize (GObject *object)
{
  UcStudyPage *self = UC_STUDY_PAGE (object);

  g_clear_pointer (&self->event_days, g_array_unref);
  g_free (self->error);
  G_OBJECT_CLASS (uc_study_page_parent_class)->finalize (object);
}

static void
uc_study_page_class_init (UcStudyPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = uc_study_page_dispose;
  G_OBJECT_CLASS (klass)->finalize = uc_study_page_finalize;
}

static GtkEntry *
small_entry (const char *text,
             int         chars,
             const char *tooltip)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_widget_set_tooltip_text (entry, tooltip);
  return GTK_ENTRY (entry);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 48);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkStringObject *name = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

/* The event's whole name in the list; on the button, as much as fits
 * (and all of it in the tooltip), so a narrow window keeps its width. */
static void
set_event_factories (GtkDropDown *dropdown)
{
  g_autoptr (GtkListItemFactory) button = gtk_signal_list_item_factory_new ();
  g_autoptr (GtkListItemFactory) list = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (TRUE));
  g_signal_connect (button, "bind", G_CALLBACK (bind_label), NULL);
  g_signal_connect (list, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (list, "bind", G_CALLBACK (bind_label), NULL);
  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

static void
on_event_changed (UcStudyPage *self)
{
  GtkStringObject *name = gtk_drop_down_get_selected_item (self->event_dropdown);

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->event_dropdown), name ? gtk_string_object_get_string (name) : NULL);
  run (self);
}

static GtkWidget *
build_controls (UcStudyPage *self)
{
  GtkWidget *controls = uc_story_controls_new ();
  g_autoptr (GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  const char *preset_names[G_N_ELEMENTS (presets) + 1] = { NULL };

  self->event_names = gtk_string_list_new (NULL);
  self->event_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->event_names), NULL));
  gtk_drop_down_set_enable_search (self->event_dropdown, TRUE);
  gtk_drop_down_set_expression (self->event_dropdown, expression);
  set_event_factories (self->event_dropdown);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    preset_names[i] = _(presets[i].name);
  self->preset_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (preset_names));
  self->companies_entry = small_entry ("", 28, _("Tickers separated by commas, or US or HK for a whole market; "
                                                  "Enter to run"));
  self->benchmark_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
      (const char *[]) { _("Each market’s index"), _("Equal-weight basket"), NULL }));
  self->windows_entry = small_entry ("-1,1; 0,5; 0,20", 14, _("Event windows in trading days from the event, "
                                                              "first and last, separated by semicolons"));
  self->estimation_entry = small_entry ("-120,-11", 8, _("The estimation window in trading days from the event"));
  uc_story_controls_add (controls, _("_Event"), GTK_WIDGET (self->event_dropdown));
  uc_story_controls_add (controls, _("_Companies"), GTK_WIDGET (self->preset_dropdown));
  uc_story_controls_add (controls, _("_Tickers"), GTK_WIDGET (self->companies_entry));
  uc_story_controls_add (controls, _("_Benchmark"), GTK_WIDGET (self->benchmark_dropdown));
  uc_story_controls_add (controls, _("_Windows"), GTK_WIDGET (self->windows_entry));
  uc_story_controls_add (controls, _("E_stimation"), GTK_WIDGET (self->estimation_entry));
  g_signal_connect_swapped (self->event_dropdown, "notify::selected", G_CALLBACK (on_event_changed), self);
  g_signal_connect_swapped (self->preset_dropdown, "notify::selected", G_CALLBACK (on_preset_changed), self);
  g_signal_connect_swapped (self->benchmark_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->companies_entry, "changed", G_CALLBACK (on_companies_changed), self);
  g_signal_connect_swapped (self->companies_entry, "activate", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->windows_entry, "activate", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->estimation_entry, "activate", G_CALLBACK (run), self);
  return controls;
}

static void
uc_study_page_init (UcStudyPage *self)
{
  self->event_days = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->error_label = uc_story_page_fill (GTK_BOX (self), build_controls (self), (GtkWidget **) &self->chart, &self->table,
                                          &self->notes);
  self->filling = TRUE;
  on_preset_changed (self);
  self->filling = FALSE;
}

GtkWidget *
uc_study_page_new (void)
{
  return g_object_new (UC_TYPE_STUDY_PAGE, NULL);
}
