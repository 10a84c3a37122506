/* uc-story-parts.c: controls and tables shared by the story's pages */
#include "config.h"

#include "uc-story-parts.h"

#include "uc-a11y.h"
#include "uc-chart-view.h"
#include "uc-format.h"

#include <math.h>

/* A flow box: the controls go on as many rows as the width needs. */
GtkWidget *
uc_story_controls_new (void)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_widget_set_margin_start (flow, 12);
  gtk_widget_set_margin_end (flow, 12);
  gtk_widget_set_margin_top (flow, 8);
  gtk_widget_set_margin_bottom (flow, 4);
  gtk_widget_add_css_class (flow, "story-controls");
  return flow;
}

/* @control under @caption, which names it for the keyboard (its mnemonic)
 * and for screen readers. */
void
uc_story_controls_add (GtkWidget  *controls,
                       const char *caption,
                       GtkWidget  *control)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *label = gtk_label_new_with_mnemonic (caption);
  GtkWidget *child;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), control);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* A drop-down's inner button, which takes the focus, is named after the
   * drop-down's own name: the caption, without its access key. */
  if (GTK_IS_DROP_DOWN (control))
    {
      g_autofree char *name = uc_a11y_strip_mnemonic (caption);

      gtk_accessible_update_property (GTK_ACCESSIBLE (control), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      uc_a11y_fix_names (control);
    }
  gtk_flow_box_append (GTK_FLOW_BOX (controls), box);
  /* The flow box's child is not a stop of its own for Tab. */
  child = gtk_widget_get_parent (box);
  gtk_widget_set_focusable (child, FALSE);
}

void
uc_story_grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A cell of plain @text (several lines allowed), right-aligned when
 * @numeric so figures line up. */
GtkWidget *
uc_story_grid_cell (GtkGrid    *grid,
                    int         column,
                    int         row,
                    const char *text,
                    gboolean    header,
                    gboolean    numeric)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_justify (GTK_LABEL (label), numeric ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
  gtk_label_set_selectable (GTK_LABEL (label), !header);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  /* Selectable labels would each take a Tab stop. */
  gtk_widget_set_focusable (label, FALSE);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  return label;
}

GtkWidget *
uc_story_wrapped_label (const char *text,
                        const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_focusable (label, FALSE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "−12.95%", "+4.84%": a fraction as a signed percent, the minus a real one. */
char *
uc_story_percent (double fraction,
                  int    decimals)
{
  if (!isfinite (fraction))
    return g_strdup ("–");
  return uc_format_scaled (fraction * 100, fraction > 0 ? "+" : "", (UcUnit) { 1, "" }, decimals, "%");
}

/* The chart above, its table and notes below, the two split by a handle. */
static GtkWidget *
results_new (GtkWidget **chart,
             GtkGrid   **table,
             GtkBox    **notes)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  *chart = uc_chart_view_new ();
  gtk_widget_set_size_request (*chart, -1, 300);
  *table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (*table, 24);
  gtk_grid_set_row_spacing (*table, 10);
  gtk_widget_add_css_class (GTK_WIDGET (*table), "story-table");
  *notes = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*table));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*notes));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_size_request (scrolled, -1, 160);
  gtk_paned_set_start_child (GTK_PANED (paned), *chart);
  gtk_paned_set_end_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  return paned;
}

/* A label for what went wrong, hidden until something does. */
GtkLabel *
uc_story_error_label_new (void)
{
  GtkWidget *label = uc_story_wrapped_label ("", "error");

  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_visible (label, FALSE);
  return GTK_LABEL (label);
}

/* @message shown in @label, or the label hidden for NULL; kept in *@kept
 * too (tests read it), when given. */
void
uc_story_set_error (GtkLabel    *label,
                    char       **kept,
                    const char  *message)
{
  if (kept)
    {
      g_free (*kept);
      *kept = g_strdup (message);
    }
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* "NVDA, msft,, HK": the words between commas, stripped, none empty. */
GStrv
uc_story_split_list (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  g_autoptr (GStrvBuilder) kept = g_strv_builder_new ();

  for (guint i = 0; parts[i]; i++)
    if (*g_strstrip (parts[i]))
      g_strv_builder_add (kept, parts[i]);
  return g_strv_builder_end (kept);
}

/* A page: its @controls, a label for what went wrong (returned, hidden
 * until something does), and the chart over its table. In a window too
 * short for them all the page scrolls, so the chart keeps a readable
 * height. */
GtkLabel *
uc_story_page_fill (GtkBox     *page,
                    GtkWidget  *controls,
                    GtkWidget **chart,
                    GtkGrid   **table,
                    GtkBox    **notes)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *error = GTK_WIDGET (uc_story_error_label_new ());

  gtk_box_append (GTK_BOX (body), controls);
  gtk_box_append (GTK_BOX (body), error);
  gtk_box_append (GTK_BOX (body), results_new (chart, table, notes));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), body);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (page, scroller);
  return GTK_LABEL (error);
}

/* The notes under a table, one line each. */
void
uc_story_notes_clear (GtkBox *notes)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (notes))) != NULL)
    gtk_box_remove (notes, child);
}

void
uc_story_notes_add (GtkBox     *notes,
                    const char *text)
{
  gtk_box_append (notes, uc_story_wrapped_label (text, "caption"));
}

/* The grid as tab-separated text: a line per row, a cell per column. */
char *
uc_story_grid_text (GtkGrid *grid)
{
  GString *out = g_string_new (NULL);

  for (int row = 0; gtk_grid_get_child_at (grid, 0, row); row++)
    {
      for (int col = 0; gtk_grid_get_child_at (grid, col, row); col++)
        {
          g_autofree char *cell = g_strdup (gtk_label_get_text (GTK_LABEL (gtk_grid_get_child_at (grid, col, row))));

          g_strdelimit (cell, "\n\t", ' ');
          g_string_append_printf (out, "%s%s", col ? "\t" : "", cell);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
