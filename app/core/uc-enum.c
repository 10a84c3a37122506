/* uc-enum.c: enum values by their names */
#include "uc-enum.h"

gboolean
uc_enum_from_nick (GType       type,
                   const char *nick,
                   int        *value)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  if (found)
    *value = found->value;
  g_type_class_unref (klass);
  return found != NULL;
}

/* The nick of @value, or @fallback for a value the type does not have.
 * Enum classes of static types live as long as the program, and so do
 * their nicks. */
const char *
uc_enum_to_nick (GType       type,
                 int         value,
                 const char *fallback)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);
  const char *nick = found ? found->value_nick : fallback;

  g_type_class_unref (klass);
  return nick;
}
