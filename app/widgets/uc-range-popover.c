/* uc-range-popover.c: the days shown, typed or picked by name
 *
 * The fields show the days shown when the popover opens, as ISO days a
 * reader can edit in place; what they type is read by uc_range_from_text
 * (core), whose error names the field to mark. The named stretches and
 * the way back are the window's actions (win.show-range, win.range-back),
 * so a button here and its key do one thing.
 */
#include "config.h"

#include "uc-range-popover.h"

#include <glib/gi18n.h>

#include "uc-a11y.h"
#include "uc-range-preset.h"

struct _UcRangePopover
{
  GtkPopover   parent_instance;

  UcTimeRange *time_range;
  gulong       changed_id;
  gboolean     filling;   /* the fields are being set, not typed in */

  GtkEntry    *from_entry;
  GtkEntry    *to_entry;
  GtkWidget   *show_button;
  GtkLabel    *error_label;
  GtkBox      *preset_box;
};

G_DEFINE_FINAL_TYPE (UcRangePopover, uc_range_popover, GTK_TYPE_POPOVER)

enum
{
  PROP_0,
  PROP_TIME_RANGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (UcRangePopover *self,
            const GError   *error)
{
  gboolean from = error && (error->code == UC_RANGE_ERROR_FROM || error->code == UC_RANGE_ERROR_ORDER);
  gboolean to = error && (error->code == UC_RANGE_ERROR_TO || error->code == UC_RANGE_ERROR_ORDER);

  if (from)
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to)
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  /* A screen reader hears why nothing changed. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->from_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error && from ? error->message : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  error && to ? error->message : "", -1);
}

/* The fields say the days shown. */
static void
fill (UcRangePopover *self)
{
  UcTime from, to;
  g_autofree char *a = NULL, *b = NULL;

  if (self->time_range == NULL)
    return;
  uc_time_range_get (self->time_range, &from, &to);
  a = uc_time_format_date (from);
  b = uc_time_format_date (to);
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), a);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), b);
  self->filling = FALSE;
  show_error (self, NULL);
}

static void
on_entry_changed (UcRangePopover *self)
{
  if (!self->filling)
    show_error (self, NULL);
}

/* The days typed, shown; the popover stays open on an error, which says
 * what to type. */
static void
on_show_clicked (UcRangePopover *self)
{
  g_autoptr(GError) error = NULL;
  UcTime lower, upper, from, to;

  if (self->time_range == NULL)
    return;
  uc_time_range_get_bounds (self->time_range, &lower, &upper);
  if (!uc_range_from_text (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)),
                           gtk_editable_get_text (GTK_EDITABLE (self->to_entry)),
                           lower, upper, &from, &to, &error))
    {
      show_error (self, error);
      gtk_widget_grab_focus (GTK_WIDGET (error->code == UC_RANGE_ERROR_TO ? self->to_entry : self->from_entry));
      return;
    }
  uc_time_range_set (self->time_range, from, to);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_show (UcRangePopover *self)
{
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->from_entry));
}

void
uc_range_popover_set_time_range (UcRangePopover *self,
                                 UcTimeRange    *range)
{
  g_return_if_fail (UC_IS_RANGE_POPOVER (self));

  if (self->time_range == range)
    return;
  if (self->time_range)
    g_clear_signal_handler (&self->changed_id, self->time_range);
  g_set_object (&self->time_range, range);
  /* A preset or a step back while open: the fields follow. */
  if (range)
    self->changed_id = g_signal_connect_swapped (range, "changed", G_CALLBACK (fill), self);
  fill (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_RANGE]);
}

UcTimeRange *
uc_range_popover_get_time_range (UcRangePopover *self)
{
  g_return_val_if_fail (UC_IS_RANGE_POPOVER (self), NULL);
  return self->time_range;
}

GtkWidget *
uc_range_popover_new (void)
{
  return g_object_new (UC_TYPE_RANGE_POPOVER, NULL);
}

static void
uc_range_popover_dispose (GObject *object)
{
  uc_range_popover_set_time_range (UC_RANGE_POPOVER (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), UC_TYPE_RANGE_POPOVER);
  G_OBJECT_CLASS (uc_range_popover_parent_class)->dispose (object);
}

static void
uc_range_popover_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UcRangePopover *self = UC_RANGE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_TIME_RANGE:
      g_value_set_object (value, self->time_range);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_range_popover_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UcRangePopover *self = UC_RANGE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_TIME_RANGE:
      uc_range_popover_set_time_range (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_range_popover_class_init (UcRangePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_range_popover_dispose;
  object_class->get_property = uc_range_popover_get_property;
  object_class->set_property = uc_range_popover_set_property;

  properties[PROP_TIME_RANGE] =
    g_param_spec_object ("time-range", NULL, NULL, UC_TYPE_TIME_RANGE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/undercut/Undercut/ui/uc-range-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, UcRangePopover, from_entry);
  gtk_widget_class_bind_template_child (widget_class, UcRangePopover, to_entry);
  gtk_widget_class_bind_template_child (widget_class, UcRangePopover, show_button);
  gtk_widget_class_bind_template_child (widget_class, UcRangePopover, error_label);
  gtk_widget_class_bind_template_child (widget_class, UcRangePopover, preset_box);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_show_clicked);
}

/* The named stretches as buttons, in the order and with the names the
 * menu and keys use (Alt+1 is the first). */
static void
add_presets (UcRangePopover *self)
{
  const char *const *ids = uc_range_preset_ids ();
  /* Translators: short names of stretches of time on buttons: a month, three months, …, year to date, all */
  const char *labels[] = { N_("1M"), N_("3M"), N_("6M"), N_("YTD"), N_("1Y"), N_("5Y"), N_("All") };
  const char *names[] = { N_("The last month"), N_("The last 3 months"), N_("The last 6 months"),
                          N_("This year to date"), N_("The last year"), N_("The last 5 years"),
                          N_("All the days") };

  for (guint i = 0; ids[i] && i < G_N_ELEMENTS (labels); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(labels[i]));
      g_autofree char *tip = g_strdup_printf ("%s (Alt+%u)", _(names[i]), i + 1);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-range");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", ids[i]);
      gtk_widget_set_tooltip_text (button, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _(names[i]), -1);
      gtk_box_append (self->preset_box, button);
    }
}

static void
uc_range_popover_init (UcRangePopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  add_presets (self);
  g_signal_connect (self, "show", G_CALLBACK (on_show), NULL);
}
