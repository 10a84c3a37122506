/* uc-crosshair-link.c: the day pointed at, shared by every chart of a view
 *
 * See uc-crosshair-link.h. The source is an identity, not a reference:
 * a chart clears the link (uc_crosshair_link_clear) when its crosshair
 * goes, and before it goes itself.
 */
#include "config.h"

#include "uc-crosshair-link.h"

struct _UcCrosshairLink
{
  GObject  parent_instance;

  gboolean shown;
  UcTime   day;
  gpointer source;   /* not owned: the chart whose crosshair it is */
};

enum {
  PROP_0,
  PROP_SHOWN,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcCrosshairLink, uc_crosshair_link, G_TYPE_OBJECT)

static void
uc_crosshair_link_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  UcCrosshairLink *self = UC_CROSSHAIR_LINK (object);

  switch (prop_id)
    {
    case PROP_SHOWN: g_value_set_boolean (value, self->shown); break;
    case PROP_DAY: g_value_set_int64 (value, self->day); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_crosshair_link_class_init (UcCrosshairLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = uc_crosshair_link_get_property;

  /* Read-only as properties: a change needs its source said with it. */
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DAY] =
    g_param_spec_int64 ("day", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_crosshair_link_init (UcCrosshairLink *self)
{
}

UcCrosshairLink *
uc_crosshair_link_new (void)
{
  return g_object_new (UC_TYPE_CROSSHAIR_LINK, NULL);
}

/* @source's crosshair is on @day: every chart watching marks it. */
void
uc_crosshair_link_set (UcCrosshairLink *self,
                       gpointer         source,
                       UcTime           day)
{
  gboolean was_shown;

  g_return_if_fail (UC_IS_CROSSHAIR_LINK (self));
  if (self->shown && self->day == day && self->source == source)
    return;
  was_shown = self->shown;
  g_object_freeze_notify (G_OBJECT (self));
  self->source = source;
  self->shown = TRUE;
  self->day = day;
  /* Told on a new source too: the chart that had it draws it as linked. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
  if (!was_shown)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
  g_object_thaw_notify (G_OBJECT (self));
}

/* @source's crosshair went: cleared, unless another source set it since
 * (the pointer entered the next chart before it left this one). */
void
uc_crosshair_link_clear (UcCrosshairLink *self,
                         gpointer         source)
{
  g_return_if_fail (UC_IS_CROSSHAIR_LINK (self));
  if (!self->shown || self->source != source)
    return;
  self->shown = FALSE;
  self->source = NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

/* Whether a crosshair is shown, and on which day. */
gboolean
uc_crosshair_link_get (UcCrosshairLink *self,
                       UcTime          *day)
{
  g_return_val_if_fail (UC_IS_CROSSHAIR_LINK (self), FALSE);
  if (self->shown && day)
    *day = self->day;
  return self->shown;
}

/* The chart whose crosshair it is (an identity only), or NULL. */
gpointer
uc_crosshair_link_get_source (UcCrosshairLink *self)
{
  g_return_val_if_fail (UC_IS_CROSSHAIR_LINK (self), NULL);
  return self->shown ? self->source : NULL;
}
