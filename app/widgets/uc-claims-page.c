/* uc-claims-page.c: the story's checkable claims, tested against the data
 *
 * One card per claim: the sentence, its verdict, the figure the data gives
 * and why, how it was computed, the article it comes from and a button
 * that opens the chart showing it (the story.open-link action).
 */
#include "config.h"

#include "uc-claims-page.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "uc-a11y.h"
#include "uc-claims.h"
#include "uc-story-parts.h"

struct _UcClaimsPage
{
  GtkBox      parent_instance;

  GtkLabel   *intro;
  GtkListBox *list;
  GPtrArray  *buttons;   /* each claim's Open Chart button */
};

G_DEFINE_FINAL_TYPE (UcClaimsPage, uc_claims_page, GTK_TYPE_BOX)

static const char *
verdict_class (UcVerdict verdict)
{
  switch (verdict)
    {
    case UC_VERDICT_SUPPORTS: return "success";
    case UC_VERDICT_PARTLY: return "warning";
    case UC_VERDICT_DOES_NOT: return "error";
    case UC_VERDICT_CANNOT_TEST:
    default: return "dim-label";
    }
}

static GtkWidget *
claim_head (UcClaim *c,
            guint    number)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *text = g_strdup_printf ("%u. %s", number, c->claim);
  GtkWidget *claim = uc_story_wrapped_label (text, "heading");
  GtkWidget *verdict = gtk_label_new (uc_verdict_get_name (c->verdict));

  gtk_widget_set_hexpand (claim, TRUE);
  gtk_widget_set_valign (verdict, GTK_ALIGN_START);
  gtk_widget_add_css_class (verdict, "verdict");
  gtk_widget_add_css_class (verdict, verdict_class (c->verdict));
  gtk_box_append (GTK_BOX (box), claim);
  gtk_box_append (GTK_BOX (box), verdict);
  return box;
}

static GtkWidget *
claim_foot (UcClaimsPage *self,
            UcClaim      *c)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *from = g_strdup_printf (_("From: %s"), c->source);
  GtkWidget *source = uc_story_wrapped_label (from, "caption");
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Open Chart"));
  g_autofree char *name = g_strdup_printf (_("Open the chart of claim: %s"), c->claim);

  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_set_hexpand (source, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "story.open-link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", c->link);
  gtk_widget_set_tooltip_text (button, c->link);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_box_append (GTK_BOX (box), source);
  gtk_box_append (GTK_BOX (box), button);
  g_ptr_array_add (self->buttons, button);
  return box;
}

static GtkWidget *
claim_row (UcClaimsPage *self,
           UcClaim      *c,
           guint         number)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *how = gtk_expander_new_with_mnemonic (_("_How it was computed"));

  gtk_expander_set_child (GTK_EXPANDER (how), uc_story_wrapped_label (c->method, "caption"));
  uc_a11y_fix_names (how);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 14);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_box_append (GTK_BOX (box), claim_head (c, number));
  gtk_box_append (GTK_BOX (box), uc_story_wrapped_label (c->figure, NULL));
  gtk_box_append (GTK_BOX (box), uc_story_wrapped_label (c->reason, "dim-label"));
  gtk_box_append (GTK_BOX (box), how);
  gtk_box_append (GTK_BOX (box), claim_foot (self, c));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
clear (UcClaimsPage *self)
{
  GtkWidget *child;

  g_ptr_array_set_size (self->buttons, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

/* @claims (UcClaim) as checked against the data dated @data_date. */
void
uc_claims_page_set_claims (UcClaimsPage *self,
                           GPtrArray    *claims,
                           const char   *data_date)
{
  g_autofree char *intro = NULL;

  g_return_if_fail (UC_IS_CLAIMS_PAGE (self));
  clear (self);
  for (guint i = 0; i < claims->len; i++)
    gtk_list_box_append (self->list, claim_row (self, g_ptr_array_index (claims, i), i + 1));
  intro = g_strdup_printf (_("Each claim of the story in one sentence, the figure the data give and whether they "
                             "support it. The figures are computed now, from %s."), data_date);
  gtk_label_set_text (self->intro, intro);
  gtk_widget_remove_css_class (GTK_WIDGET (self->intro), "error");
}

void
uc_claims_page_set_error (UcClaimsPage *self,
                          const char   *message)
{
  g_autofree char *text = g_strdup_printf (_("The claims could not be checked: %s"), message);

  g_return_if_fail (UC_IS_CLAIMS_PAGE (self));
  clear (self);
  gtk_label_set_text (self->intro, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->intro), "error");
}

guint
uc_claims_page_get_n_claims (UcClaimsPage *self)
{
  g_return_val_if_fail (UC_IS_CLAIMS_PAGE (self), 0);
  return self->buttons->len;
}

/* The Open Chart button of the claim at @index (tests press it). */
GtkWidget *
uc_claims_page_get_button (UcClaimsPage *self,
                           guint         index)
{
  g_return_val_if_fail (UC_IS_CLAIMS_PAGE (self), NULL);
  return index < self->buttons->len ? g_ptr_array_index (self->buttons, index) : NULL;
}

static void
uc_claims_page_finalize (GObject *object)
{
  g_clear_pointer (&UC_CLAIMS_PAGE (object)->buttons, g_ptr_array_unref);
  G_OBJECT_CLASS (uc_claims_page_parent_class)->finalize (object);
}

static void
uc_claims_page_class_init (UcClaimsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_claims_page_finalize;
}

static void
uc_claims_page_init (UcClaimsPage *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (_("The Story, Checked"));

  self->buttons = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-2");
  self->intro = GTK_LABEL (uc_story_wrapped_label ("", NULL));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->intro));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self), scrolled);
}

GtkWidget *
uc_claims_page_new (void)
{
  return g_object_new (UC_TYPE_CLAIMS_PAGE, NULL);
}
