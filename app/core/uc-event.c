/* uc-event.c: a dated event shown as a marker on time charts */
#include "uc-event.h"

#include "uc-enum.h"

#include <glib/gi18n.h>

#include <string.h>

struct _UcEvent
{
  GObject          parent_instance;

  UcTime           time;
  UcTime           end;          /* after time for a span, else 0 */
  UcEventCategory  category;
  char            *title;
  char            *label;        /* short text for the marker; the title when unset */
  char            *description;
  char            *source_url;
  char            *lane;         /* the row on a lane chart; the category's when unset */
  char            *tag;          /* the category its row names, as written (the user's events) */
  gboolean         hollow;       /* drawn as a ring (e.g. closed-weight releases) */
  gboolean         computed;     /* the label is a figure computed from the chart's data */
};

enum {
  PROP_0,
  PROP_TIME,
  PROP_TITLE,
  PROP_CATEGORY,
  PROP_LABEL,
  PROP_DESCRIPTION,
  PROP_SOURCE_URL,
  PROP_LANE,
  PROP_TAG,
  PROP_HOLLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcEvent, uc_event, G_TYPE_OBJECT)

UcEventCategory
uc_event_category_from_string (const char *name)
{
  int value;

  return uc_enum_from_nick (UC_TYPE_EVENT_CATEGORY, name, &value) ? (UcEventCategory) value : UC_EVENT_OTHER;
}

const char *
uc_event_category_to_string (UcEventCategory category)
{
  return uc_enum_to_nick (UC_TYPE_EVENT_CATEGORY, category, "other");
}

/* The category's name as people read it: one name for it everywhere (lane
 * titles, the events list and its menu, legends). */
const char *
uc_event_category_get_name (UcEventCategory category)
{
  switch (category)
    {
    case UC_EVENT_MODEL_RELEASE: return _("Model releases");
    case UC_EVENT_MARKET: return _("Markets");
    case UC_EVENT_HARDWARE: return _("Hardware");
    case UC_EVENT_POLICY: return _("Policy");
    case UC_EVENT_PRICING: return _("Pricing");
    case UC_EVENT_USER: return _("Your events");
    case UC_EVENT_OTHER:
    default: return _("Other");
    }
}

static void
uc_event_finalize (GObject *object)
{
  UcEvent *self = UC_EVENT (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->source_url, g_free);
  g_clear_pointer (&self->lane, g_free);
  g_clear_pointer (&self->tag, g_free);

  G_OBJECT_CLASS (uc_event_parent_class)->finalize (object);
}

static void
uc_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  UcEvent *self = UC_EVENT (object);

  switch (prop_id)
    {
    case PROP_TIME: g_value_set_int64 (value, self->time); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_CATEGORY: g_value_set_int (value, self->category); break;
    case PROP_LABEL: g_value_set_string (value, uc_event_get_label (self)); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_SOURCE_URL: g_value_set_string (value, self->source_url); break;
    case PROP_LANE: g_value_set_string (value, self->lane); break;
    case PROP_TAG: g_value_set_string (value, self->tag); break;
    case PROP_HOLLOW: g_value_set_boolean (value, self->hollow); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_event_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  UcEvent *self = UC_EVENT (object);

  switch (prop_id)
    {
    case PROP_TIME: self->time = g_value_get_int64 (value); break;
    case PROP_TITLE: g_free (self->title); self->title = g_value_dup_string (value); break;
    case PROP_CATEGORY: self->category = g_value_get_int (value); break;
    case PROP_LABEL: uc_event_set_label (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: uc_event_set_description (self, g_value_get_string (value)); break;
    case PROP_SOURCE_URL: uc_event_set_source_url (self, g_value_get_string (value)); break;
    case PROP_LANE: uc_event_set_lane (self, g_value_get_string (value)); break;
    case PROP_TAG: uc_event_set_tag (self, g_value_get_string (value)); break;
    case PROP_HOLLOW: uc_event_set_hollow (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_event_class_init (UcEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = uc_event_finalize;
  object_class->get_property = uc_event_get_property;
  object_class->set_property = uc_event_set_property;

  properties[PROP_TIME] = g_param_spec_int64 ("time", NULL, NULL, G_MININT64, G_MAXINT64, 0, construct);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_CATEGORY] = g_param_spec_int ("category", NULL, NULL, 0, UC_EVENT_USER, UC_EVENT_OTHER, construct);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, rw);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE_URL] = g_param_spec_string ("source-url", NULL, NULL, NULL, rw);
  properties[PROP_LANE] = g_param_spec_string ("lane", NULL, NULL, NULL, rw);
  properties[PROP_TAG] = g_param_spec_string ("tag", NULL, NULL, NULL, rw);
  properties[PROP_HOLLOW] = g_param_spec_boolean ("hollow", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_event_init (UcEvent *self)
{
}

UcEvent *
uc_event_new (UcTime           time,
              const char      *title,
              UcEventCategory  category)
{
  return g_object_new (UC_TYPE_EVENT, "time", time, "title", title, "category", category, NULL);
}

UcTime
uc_event_get_time (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), 0);
  return self->time;
}

const char *
uc_event_get_title (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), NULL);
  return self->title;
}

/* Spans (a rule in force, a promotion) end after they start; point events
 * have no end. */
UcTime
uc_event_get_end (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), 0);
  return self->end > self->time ? self->end : 0;
}

void
uc_event_set_end (UcEvent *self,
                  UcTime   end)
{
  g_return_if_fail (UC_IS_EVENT (self));
  self->end = end;
}

UcEventCategory
uc_event_get_category (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), UC_EVENT_OTHER);
  return self->category;
}

const char *
uc_event_get_label (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), NULL);
  return self->label ? self->label : self->title;
}

static void
set_string (UcEvent     *self,
            char       **field,
            const char  *value,
            int          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
uc_event_set_label (UcEvent    *self,
                    const char *label)
{
  g_return_if_fail (UC_IS_EVENT (self));
  set_string (self, &self->label, label, PROP_LABEL);
}

const char *
uc_event_get_description (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), NULL);
  return self->description;
}

void
uc_event_set_description (UcEvent    *self,
                          const char *description)
{
  g_return_if_fail (UC_IS_EVENT (self));
  set_string (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
uc_event_get_source_url (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), NULL);
  return self->source_url;
}

void
uc_event_set_source_url (UcEvent    *self,
                         const char *source_url)
{
  g_return_if_fail (UC_IS_EVENT (self));
  set_string (self, &self->source_url, source_url, PROP_SOURCE_URL);
}

/* The row of a lane chart this event sits in; NULL: its category's. */
const char *
uc_event_get_lane (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), NULL);
  return self->lane;
}

void
uc_event_set_lane (UcEvent    *self,
                   const char *lane)
{
  g_return_if_fail (UC_IS_EVENT (self));
  set_string (self, &self->lane, lane && *lane ? lane : NULL, PROP_LANE);
}

/* The category as the event's row names it, in the user's own words: the
 * user's events are all drawn as UC_EVENT_USER, and keep theirs for
 * their cards and their file. */
const char *
uc_event_get_tag (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), NULL);
  return self->tag;
}

void
uc_event_set_tag (UcEvent    *self,
                  const char *tag)
{
  g_return_if_fail (UC_IS_EVENT (self));
  set_string (self, &self->tag, tag, PROP_TAG);
}

gboolean
uc_event_get_hollow (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), FALSE);
  return self->hollow;
}

void
uc_event_set_hollow (UcEvent  *self,
                     gboolean  hollow)
{
  g_return_if_fail (UC_IS_EVENT (self));
  hollow = !!hollow;
  if (self->hollow == hollow)
    return;
  self->hollow = hollow;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOLLOW]);
}

/* The label as a figure the chart computed ("NVDA −17.0% · −$593B"), which
 * may differ from what the event's own source reports. */
void
uc_event_set_computed_label (UcEvent    *self,
                             const char *label)
{
  g_return_if_fail (UC_IS_EVENT (self));
  uc_event_set_label (self, label);
  self->computed = label != NULL;
}

gboolean
uc_event_get_label_computed (UcEvent *self)
{
  g_return_val_if_fail (UC_IS_EVENT (self), FALSE);
  return self->computed;
}

/* Whether @word starts a word of @text: "us" finds "US", not "GLM-4-Plus";
 * "r1" finds "DeepSeek-R1". */
static gboolean
has_word_start (const char *text,
                const char *word)
{
  for (const char *at = strstr (text, word); at; at = strstr (at + 1, word))
    {
      const char *before = at > text ? g_utf8_prev_char (at) : NULL;

      if (before == NULL || !g_unichar_isalnum (g_utf8_get_char (before)))
        return TRUE;
    }
  return FALSE;
}

/* Whether every word of @filter starts a word of the event's title,
 * description or lane, or of "open" or "closed" as it is: "china open"
 * finds China's open-weight releases. Case does not matter. */
gboolean
uc_event_matches (UcEvent    *self,
                  const char *filter)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *folded_filter = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (UC_IS_EVENT (self), FALSE);
  if (filter == NULL)
    return TRUE;
  text = g_strdup_printf ("%s %s %s %s %s", self->title, self->description ? self->description : "",
                          self->lane ? self->lane : "", self->tag ? self->tag : "", self->hollow ? "closed" : "open");
  folded = g_utf8_casefold (text, -1);
  folded_filter = g_utf8_casefold (filter, -1);
  words = g_strsplit (folded_filter, " ", -1);
  for (guint i = 0; words[i]; i++)
    if (*words[i] && !has_word_start (folded, words[i]))
      return FALSE;
  return TRUE;
}
