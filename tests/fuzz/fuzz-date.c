/* fuzz-date.c: libFuzzer target for the date parsers
 *
 * Besides not crashing: the ISO fast path must agree with the general
 * parser whenever it accepts a cell.
 */
#include <string.h>

#include "uc-parse.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  const guint8 *nl = memchr (data, '\n', size);
  UcDateCache cache = { { 0 }, 0, FALSE };
  UcTime t, u;

  uc_date_formats_matching (text, size);
  for (UcDateFormat f = 0; f < UC_DATE_N_FORMATS; f++)
    uc_parse_date (text, size, f, &t);

  for (int allow_time = 0; allow_time < 2; allow_time++)
    if (uc_parse_iso_fast (text, size, allow_time, &cache, &t))
      {
        g_assert (uc_parse_date (text, size, allow_time ? UC_DATE_ISO_DATETIME : UC_DATE_ISO, &u));
        g_assert (t == u);
        /* The cached day must give the same answer a second time. */
        g_assert (uc_parse_iso_fast (text, size, allow_time, &cache, &u) && t == u);
      }

  /* "pattern\ncell": a user-supplied date format and a value. */
  if (nl != NULL)
    {
      g_autofree char *pattern = g_strndup (text, nl - data);

      if (uc_date_pattern_is_valid (pattern))
        uc_parse_date_pattern ((const char *) nl + 1, size - (nl - data) - 1, pattern, &t);
    }
  return 0;
}
