/* uc-series-choice.c: a series a reader may add to a chart or leave out
 *
 * Its id (the key in the data, "NVDA"), the name shown ("Nvidia"),
 * whether the view charts it of its own, and whether it is chosen now:
 * the one property a picker's check button binds to.
 */
#include "config.h"

#include "uc-series-choice.h"

#include <string.h>

struct _UcSeriesChoice
{
  GObject   parent_instance;

  char     *id;
  char     *label;
  gboolean  own;
  gboolean  chosen;
};

G_DEFINE_FINAL_TYPE (UcSeriesChoice, uc_series_choice, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_OWN,
  PROP_CHOSEN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
uc_series_choice_finalize (GObject *object)
{
  UcSeriesChoice *self = UC_SERIES_CHOICE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  G_OBJECT_CLASS (uc_series_choice_parent_class)->finalize (object);
}

static void
uc_series_choice_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UcSeriesChoice *self = UC_SERIES_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_OWN:
      g_value_set_boolean (value, self->own);
      break;
    case PROP_CHOSEN:
      g_value_set_boolean (value, self->chosen);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_series_choice_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  UcSeriesChoice *self = UC_SERIES_CHOICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    case PROP_OWN:
      self->own = g_value_get_boolean (value);
      break;
    case PROP_CHOSEN:
      uc_series_choice_set_chosen (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_series_choice_class_init (UcSeriesChoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = uc_series_choice_finalize;
  object_class->get_property = uc_series_choice_get_property;
  object_class->set_property = uc_series_choice_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OWN] =
    g_param_spec_boolean ("own", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHOSEN] =
    g_param_spec_boolean ("chosen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_series_choice_init (UcSeriesChoice *self)
{
}

UcSeriesChoice *
uc_series_choice_new (const char *id,
                      const char *label,
                      gboolean    own,
                      gboolean    chosen)
{
  g_return_val_if_fail (id != NULL, NULL);
  return g_object_new (UC_TYPE_SERIES_CHOICE, "id", id, "label", label ? label : id, "own", own,
                       "chosen", chosen, NULL);
}

const char *
uc_series_choice_get_id (UcSeriesChoice *self)
{
  g_return_val_if_fail (UC_IS_SERIES_CHOICE (self), NULL);
  return self->id;
}

const char *
uc_series_choice_get_label (UcSeriesChoice *self)
{
  g_return_val_if_fail (UC_IS_SERIES_CHOICE (self), NULL);
  return self->label;
}

gboolean
uc_series_choice_get_own (UcSeriesChoice *self)
{
  g_return_val_if_fail (UC_IS_SERIES_CHOICE (self), FALSE);
  return self->own;
}

gboolean
uc_series_choice_get_chosen (UcSeriesChoice *self)
{
  g_return_val_if_fail (UC_IS_SERIES_CHOICE (self), FALSE);
  return self->chosen;
}

void
uc_series_choice_set_chosen (UcSeriesChoice *self,
                             gboolean        chosen)
{
  g_return_if_fail (UC_IS_SERIES_CHOICE (self));

  chosen = !!chosen;
  if (self->chosen == chosen)
    return;
  self->chosen = chosen;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHOSEN]);
}

/* Whether every word of @words starts a word of the name or is in the id
 * ("ali" finds Alibaba, "hk" 9988.HK), whatever the case. */
gboolean
uc_series_choice_matches (UcSeriesChoice *self,
                          const char     *words)
{
  g_auto(GStrv) each = NULL;
  g_autofree char *label = NULL, *id = NULL;

  g_return_val_if_fail (UC_IS_SERIES_CHOICE (self), FALSE);
  if (words == NULL || *words == '\0')
    return TRUE;
  each = g_str_tokenize_and_fold (words, NULL, NULL);
  label = g_utf8_casefold (self->label, -1);
  id = g_utf8_casefold (self->id, -1);
  for (guint i = 0; each[i]; i++)
    {
      gboolean starts = FALSE;

      for (const char *at = strstr (label, each[i]); at && !starts; at = strstr (at + 1, each[i]))
        starts = at == label || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)));
      if (!starts && strstr (id, each[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}
