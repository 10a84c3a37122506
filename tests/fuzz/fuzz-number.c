/* fuzz-number.c: libFuzzer target for the number parser
 *
 * Plain decimals must read exactly as strtod reads them, with '.' or ','
 * as the decimal mark, whatever thousands separator is asked for.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "uc-parse.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static gboolean
plain_decimal (const char *s,
               size_t      n,
               char        mark)
{
  size_t i = 0, digits = 0;

  if (i < n && s[i] == '-')
    i++;
  while (i < n && g_ascii_isdigit (s[i]))
    i++, digits++;
  if (i < n && s[i] == mark)
    {
      i++;
      while (i < n && g_ascii_isdigit (s[i]))
        i++, digits++;
    }
  return i == n && digits > 0 && n < 60;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char separators[] = { 0, ',', '.', '\'', ' ', UC_NUMBER_NO_GROUPS };
  const char *text = (const char *) data;
  double v;
  guint flags;

  uc_is_missing (text, size);
  for (int mark = 0; mark < 2; mark++)
    for (int suffix = 0; suffix < 2; suffix++)
      for (guint t = 0; t < G_N_ELEMENTS (separators); t++)
        {
          char decimal = mark ? ',' : '.';
          gboolean ok;

          if (separators[t] == decimal)
            continue;
          ok = uc_parse_number (text, size, decimal, separators[t], suffix, &v, &flags);
          /* Grouped by the one asked for, or by none. */
          if (ok && separators[t] != 0 && (flags & UC_NUMBER_GROUPED))
            g_assert ((flags & UC_NUMBER_GROUP_MASK) ==
                      (separators[t] == ',' ? UC_NUMBER_GROUP_COMMA : separators[t] == '.' ? UC_NUMBER_GROUP_POINT :
                       separators[t] == ' ' ? UC_NUMBER_GROUP_SPACE : UC_NUMBER_GROUP_APOSTROPHE));
          if (ok && separators[t] == UC_NUMBER_NO_GROUPS)
            g_assert (!(flags & UC_NUMBER_GROUPED));

          if (ok)
            g_assert (isfinite (v));
          if (plain_decimal (text, size, decimal))
            {
              char buf[64];
              double expect;

              memcpy (buf, text, size);
              buf[size] = '\0';
              for (size_t i = 0; i < size; i++)
                if (buf[i] == ',')
                  buf[i] = '.';
              expect = g_ascii_strtod (buf, NULL);
              if (isfinite (expect))
                {
                  g_assert (ok);
                  g_assert (v == expect);
                }
            }
        }
  return 0;
}
