/* uc-json-skim.c: the members of a large JSON object, found without parsing them
 *
 * Hot path: every byte of a large answer passes here once.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-json-skim.h"

#include <string.h>

#define MAX_DEPTH 512

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* Past the string starting at @p (its opening quote); NULL if unclosed. */
static const char *
skip_string (const char *p,
             const char *end)
{
  for (p++; p < end; p++)
    {
      const char *stop = memchr (p, '"', end - p);
      const char *back;

      if (stop == NULL)
        return NULL;
      /* A quote ends the string unless an odd run of backslashes precedes it. */
      for (back = stop; back > p && back[-1] == '\\'; back--)
        ;
      if ((stop - back) % 2 == 0)
        return stop + 1;
      p = stop;
    }
  return NULL;
}

static gboolean
ends_scalar (char c)
{
  return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/* Past the value starting at @p: an object, array, string or scalar.
 * Brackets are only counted, not matched: the value is parsed later. */
static const char *
skip_value (const char  *p,
            const char  *end,
            const char **problem)
{
  guint depth = 0;

  if (p < end && *p != '{' && *p != '[' && *p != '"')
    {
      while (p < end && !ends_scalar (*p))
        p++;
      if (p < end)
        return p;
    }
  while (p < end)
    {
      if (*p == '"')
        {
          if ((p = skip_string (p, end)) == NULL)
            break;
          if (depth == 0)
            return p;
          continue;
        }
      if (*p == '{' || *p == '[')
        {
          if (++depth > MAX_DEPTH)
            {
              *problem = N_("nested too deeply");
              return NULL;
            }
        }
      else if ((*p == '}' || *p == ']') && --depth == 0)
        return p + 1;
      p++;
    }
  *problem = N_("the answer is cut short");
  return NULL;
}

/* Calls @func for each member of the object @data holds. FALSE, with
 * @problem (in English, marked for translation) and the byte @offset,
 * when it is not one or is cut short. */
gboolean
uc_json_skim_object (const char      *data,
                     gsize            length,
                     UcJsonSkimFunc   func,
                     gpointer         user_data,
                     const char     **problem,
                     gsize           *offset)
{
  const char *end = data + length;
  const char *p = skip_space (data, end);

  *problem = NULL;
  if (p >= end || *p != '{')
    {
      *problem = N_("expected an object");
      *offset = p - data;
      return FALSE;
    }
  p = skip_space (p + 1, end);
  while (p < end && *p != '}')
    {
      const char *name = p, *name_end, *value, *value_end;

      if (*p != '"' || (name_end = skip_string (p, end)) == NULL)
        break;
      p = skip_space (name_end, end);
      if (p >= end || *p != ':')
        break;
      value = skip_space (p + 1, end);
      if ((value_end = skip_value (value, end, problem)) == NULL)
        break;
      func (name + 1, name_end - name - 2, value, value_end - value, user_data);
      p = skip_space (value_end, end);
      if (p < end && *p == ',')
        p = skip_space (p + 1, end);
      else if (p >= end || *p != '}')
        break;
    }
  if (p < end && *p == '}' && skip_space (p + 1, end) == end)
    return TRUE;
  if (*problem == NULL)
    *problem = p >= end ? N_("the answer is cut short") : N_("not a JSON object");
  *offset = p - data;
  return FALSE;
}
