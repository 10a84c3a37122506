/* uc-a11y.c: accessible names GTK 4.8 gets wrong
 *
 * A button whose label has an access key ("_Cancel") is named on the
 * accessibility bus by the raw label and, through the relation to its
 * label, the label's text again: "_Cancel Cancel", which a screen reader
 * reads out as it stands. Each such control is named by its label without
 * the access key, and only by that.
 * A drop-down's inner button, which takes the focus, is named by its
 * class ("GtkToggleButton"): it is labelled by the drop-down instead. So
 * are a button showing only an icon ("GtkImage", as in libadwaita's own
 * rows) and a search entry without a placeholder: they take their tooltip
 * and "Search".
 */
#include "config.h"

#include "uc-a11y.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

/* "_Cancel" → "Cancel", "导出(_E)" → "导出", "Save __as" → "Save _as". */
char *
uc_a11y_strip_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label ? label : ""; *p; p++)
    {
      /* The CJK form: the key in parentheses after the text. */
      if (p[0] == '(' && p[1] == '_' && p[2] && p[2] != '_' && p[3] == ')')
        {
          p += 3;
          continue;
        }
      if (*p == '_' && p[1] == '_')
        p++;
      else if (*p == '_')
        continue;
      g_string_append_c (out, *p);
    }
  return g_strstrip (g_string_free (out, FALSE));
}

/* The label a control is named by twice (see above): a button's with an
 * access key, any check button's. */
static const char *
mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_use_underline (GTK_MENU_BUTTON (widget)))
    return gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  if (GTK_IS_EXPANDER (widget) && gtk_expander_get_use_underline (GTK_EXPANDER (widget)))
    return gtk_expander_get_label (GTK_EXPANDER (widget));
  return NULL;
}

static void
label_inner_buttons (GtkWidget *widget,
                     GtkWidget *by)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY, by, NULL, -1);
      else if (!GTK_IS_POPOVER (child))
        label_inner_buttons (child, by);
    }
}

/* "Refresh data (F5)" → "Refresh data": the key is said apart. */
static void
name_from_tooltip (GtkWidget *widget)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);
  const char *paren;
  g_autofree char *name = NULL;

  if (tooltip == NULL || *tooltip == '\0')
    return;
  paren = g_str_has_suffix (tooltip, ")") ? strrchr (tooltip, '(') : NULL;
  name = g_strstrip (paren && paren > tooltip ? g_strndup (tooltip, paren - tooltip) : g_strdup (tooltip));
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static gboolean
shows_only_an_icon (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) == NULL &&
         GTK_IS_IMAGE (child) && gtk_widget_get_next_sibling (child) == NULL;
}

/* Names every control under @root (and @root) whose label has an access
 * key by that label without it, every drop-down's inner button by the
 * drop-down, icon buttons by their tooltip, search entries without a
 * placeholder "Search". Run once a window or a popover is built. */
void
uc_a11y_fix_names (GtkWidget *root)
{
  const char *label = mnemonic_label (root);

  /* libadwaita 1.2's expander row is a list row around its own list:
   * named by its title, as the row inside it is. */
  if (ADW_IS_EXPANDER_ROW (root))
    gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), -1);
  if (GTK_IS_DROP_DOWN (root))
    label_inner_buttons (root, root);
  else if (shows_only_an_icon (root))
    name_from_tooltip (root);
  else if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_label (GTK_MENU_BUTTON (root)) == NULL &&
           gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (root)) != NULL)
    {
      name_from_tooltip (root);
      label_inner_buttons (root, root);
    }
  else if (GTK_IS_SEARCH_ENTRY (root))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (root, "placeholder-text", &placeholder, NULL);
      if (placeholder == NULL || *placeholder == '\0')
        gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
    }
  if (label && (strchr (label, '_') || GTK_IS_CHECK_BUTTON (root)))
    {
      g_autofree char *name = uc_a11y_strip_mnemonic (label);

      gtk_accessible_reset_relation (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_update_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    uc_a11y_fix_names (child);
}
