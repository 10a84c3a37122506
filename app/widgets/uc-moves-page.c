/* uc-moves-page.c: the largest one-day moves and the events near them
 *
 * A company's, or a basket's combined market cap, ranked by its one-day
 * move in percent or in money, falls, rises or both, each with the events
 * a few days around it: whether a day was the largest, and what else
 * moved markets then.
 */
#include "config.h"

#include "uc-moves-page.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-big-moves.h"
#include "uc-event-study.h"
#include "uc-format.h"
#include "uc-story-parts.h"

#define TOP 20

struct _UcMovesPage
{
  GtkBox       parent_instance;

  GtkEditable *companies_entry;
  GtkDropDown *direction_dropdown;
  GtkDropDown *by_dropdown;
  GtkSpinButton *near_spin;
  GtkLabel    *error_label;
  GtkLabel    *heading;
  GtkGrid     *table;

  UcDataset   *prices, *events;
  char        *error;
};

G_DEFINE_FINAL_TYPE (UcMovesPage, uc_moves_page, GTK_TYPE_BOX)

static const UcMovesDirection directions[] = { UC_MOVES_FALLS, UC_MOVES_RISES, UC_MOVES_BOTH };

static void
fill (UcMovesPage *self,
      UcMoves     *moves,
      guint        near)
{
  g_autofree char *first = uc_format_day (moves->first_day * UC_USEC_PER_DAY);
  g_autofree char *last = uc_format_day (moves->last_day * UC_USEC_PER_DAY);
  g_autofree char *heading = g_strdup_printf (_("Largest one-day moves of %s, %s to %s (%u days), each from the "
                                                "trading day before; %s."), moves->label, first, last, moves->n_days,
                                              moves->by_cap ? _("market caps (close × shares)")
                                                            : _("closes (no share count, so no money figure)"));
  g_autofree char *near_head = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Events within %u day",
                                                             "Events within %u days", near), near);

  gtk_label_set_text (self->heading, heading);
  uc_story_grid_clear (self->table);
  uc_story_grid_cell (self->table, 0, 0, _("Rank"), TRUE, TRUE);
  uc_story_grid_cell (self->table, 1, 0, _("Day"), TRUE, FALSE);
  uc_story_grid_cell (self->table, 2, 0, _("Change"), TRUE, TRUE);
  uc_story_grid_cell (self->table, 3, 0, _("Money"), TRUE, TRUE);
  uc_story_grid_cell (self->table, 4, 0, near_head, TRUE, FALSE);
  for (guint i = 0; i < moves->moves->len && i < TOP; i++)
    {
      UcMove *m = &g_array_index (moves->moves, UcMove, i);
      g_autofree char *rank = g_strdup_printf ("%u", m->rank);
      g_autofree char *day = uc_format_day (m->day * UC_USEC_PER_DAY);
      g_autofree char *change = uc_story_percent (m->change, 2);
      g_autofree char *money = uc_format_money_change_in (m->money, moves->currency);
      const char *events = m->events ? m->events : "–";
      GtkWidget *cell;

      uc_story_grid_cell (self->table, 0, 1 + (int) i, rank, FALSE, TRUE);
      uc_story_grid_cell (self->table, 1, 1 + (int) i, day, FALSE, FALSE);
      uc_story_grid_cell (self->table, 2, 1 + (int) i, change, FALSE, TRUE);
      uc_story_grid_cell (self->table, 3, 1 + (int) i, money, FALSE, TRUE);
      cell = uc_story_grid_cell (self->table, 4, 1 + (int) i, events, FALSE, FALSE);
      gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (cell), 70);
    }
}

static void
run (UcMovesPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UcMoves) moves = NULL;
  g_auto (GStrv) companies = uc_story_split_list (gtk_editable_get_text (self->companies_entry));
  guint d = gtk_drop_down_get_selected (self->direction_dropdown);
  guint near = (guint) gtk_spin_button_get_value_as_int (self->near_spin);

  if (self->prices == NULL)
    return;
  moves = uc_moves_find (self->prices, self->events,
                         companies[0] ? (const char *const *) companies : uc_study_us_ai_stocks,
                         directions[MIN (d, G_N_ELEMENTS (directions) - 1)],
                         gtk_drop_down_get_selected (self->by_dropdown) == 1, near, &error);
  if (moves == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not rank the days: %s"), error->message);

      uc_story_set_error (self->error_label, &self->error, message);
      return;
    }
  uc_story_set_error (self->error_label, &self->error, NULL);
  fill (self, moves, near);
}

void
uc_moves_page_set_data (UcMovesPage *self,
                        UcDataset   *prices,
                        UcDataset   *events)
{
  g_return_if_fail (UC_IS_MOVES_PAGE (self));
  g_set_object (&self->prices, prices);
  g_set_object (&self->events, events);
  run (self);
}

/* Tickers separated by commas; empty: the eight US AI stocks. */
void
uc_moves_page_set_companies (UcMovesPage *self,
                             const char  *companies)
{
  g_return_if_fail (UC_IS_MOVES_PAGE (self));
  gtk_editable_set_text (self->companies_entry, companies ? companies : "");
  run (self);
}

void
uc_moves_page_set_by_money (UcMovesPage *self,
                            gboolean     by_money)
{
  g_return_if_fail (UC_IS_MOVES_PAGE (self));
  gtk_drop_down_set_selected (self->by_dropdown, by_money ? 1 : 0);
}

const char *
uc_moves_page_get_error (UcMovesPage *self)
{
  g_return_val_if_fail (UC_IS_MOVES_PAGE (self), NULL);
  return self->error;
}

/* The heading, then the table, tab-separated. */
char *
uc_moves_page_get_table_text (UcMovesPage *self)
{
  g_autofree char *table = NULL;

  g_return_val_if_fail (UC_IS_MOVES_PAGE (self), NULL);
  table = uc_story_grid_text (self->table);
  return g_strdup_printf ("%s\n%s", gtk_label_get_text (self->heading), table);
}

static void
uc_moves_page_dispose (GObject *object)
{
  UcMovesPage *self = UC_MOVES_PAGE (object);

  g_clear_object (&self->prices);
  g_clear_object (&self->events);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (uc_moves_page_parent_class)->dispose (object);
}

static void
uc_moves_page_class_init (UcMovesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = uc_moves_page_dispose;
}

static GtkWidget *
build_controls (UcMovesPage *self)
{
  GtkWidget *controls = uc_story_controls_new ();
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *eight = g_strjoinv (", ", (char **) uc_study_us_ai_stocks);

  self->companies_entry = GTK_EDITABLE (entry);
  gtk_editable_set_text (self->companies_entry, eight);
  gtk_editable_set_width_chars (self->companies_entry, 36);
  gtk_widget_set_tooltip_text (entry, _("A ticker, or several: their market caps added up on the days all have one; "
                                        "Enter to rank"));
  self->direction_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
      (const char *[]) { _("Falls"), _("Rises"), _("Both"), NULL }));
  self->by_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
      (const char *[]) { _("Percent"), _("Money"), NULL }));
  self->near_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 30, 1));
  gtk_spin_button_set_value (self->near_spin, 3);
  uc_story_controls_add (controls, _("_Companies"), entry);
  uc_story_controls_add (controls, _("_Moves"), GTK_WIDGET (self->direction_dropdown));
  uc_story_controls_add (controls, _("_Ranked by"), GTK_WIDGET (self->by_dropdown));
  uc_story_controls_add (controls, _("Events _within (days)"), GTK_WIDGET (self->near_spin));
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->direction_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->by_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->near_spin, "value-changed", G_CALLBACK (run), self);
  return controls;
}

static void
uc_moves_page_init (UcMovesPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_append (GTK_BOX (self), build_controls (self));
  self->error_label = uc_story_error_label_new ();
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->error_label));
  self->heading = GTK_LABEL (uc_story_wrapped_label ("", NULL));
  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->table, 24);
  gtk_grid_set_row_spacing (self->table, 10);
  gtk_widget_add_css_class (GTK_WIDGET (self->table), "story-table");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->heading));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->table));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
uc_moves_page_new (void)
{
  return g_object_new (UC_TYPE_MOVES_PAGE, NULL);
}
