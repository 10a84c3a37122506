/* uc-parse.h: number and date parsers for data cells
 *
 * Pure functions over (pointer, length), no allocation and no locale: the
 * CSV reader calls them once per cell, the fuzzers call them directly.
 */
#pragma once

#include <glib.h>
#include <string.h>

#include "uc-time.h"

G_BEGIN_DECLS

/* What a number cell carried besides digits. */
typedef enum
{
  UC_NUMBER_PERCENT   = 1 << 0,   /* "12.5%": kept as 12.5, the column is a percentage */
  UC_NUMBER_CURRENCY  = 1 << 1,   /* "$", "€", "¥", "£" */
  UC_NUMBER_SUFFIX    = 1 << 2,   /* "1.2M": multiplied out */
  UC_NUMBER_GROUPED   = 1 << 3,   /* thousands separators */
  UC_NUMBER_INTEGER   = 1 << 4,   /* no decimal mark, no exponent */
  UC_NUMBER_NOT_FINITE = 1 << 5,  /* a number by its form, past a double's range ("1e999"), or
                                   * inf/infinity/nan spelt out: not read (FALSE), only this flag set */
  /* Which character grouped the thousands, with UC_NUMBER_GROUPED. */
  UC_NUMBER_GROUP_COMMA      = 1 << 6,
  UC_NUMBER_GROUP_POINT      = 1 << 7,
  UC_NUMBER_GROUP_APOSTROPHE = 1 << 8,
  UC_NUMBER_GROUP_SPACE      = 1 << 9,   /* a space, no-break or narrow no-break space */
} UcNumberFlags;

#define UC_NUMBER_GROUP_MASK (UC_NUMBER_GROUP_COMMA | UC_NUMBER_GROUP_POINT | \
                              UC_NUMBER_GROUP_APOSTROPHE | UC_NUMBER_GROUP_SPACE)

/* @thousands for uc_parse_number: no character groups the thousands. */
#define UC_NUMBER_NO_GROUPS '\x01'

/* @thousands: 0 accepts any of ',' '.' '\'' and spaces as the group
 * separator (one per number, never @decimal); a character accepts only that
 * one (' ' stands for every space); UC_NUMBER_NO_GROUPS accepts none. */
gboolean uc_parse_number  (const char *text,
                           gsize       len,
                           char        decimal,
                           char        thousands,
                           gboolean    allow_suffix,
                           double     *value,
                           guint      *flags);
gboolean uc_is_missing    (const char *text,
                           gsize       len);

/* Date and time layouts a column can be in. Dates are midnight UTC;
 * datetimes without a zone are read as UTC wall time. */
typedef enum
{
  UC_DATE_ISO,            /* 2025-01-27 */
  UC_DATE_ISO_DATETIME,   /* 2025-01-27T14:30[:00[.000]][Z|+08:00] or with a space */
  UC_DATE_YMD_SLASH,      /* 2025/01/27 */
  UC_DATE_DMY_DOT,        /* 27.01.2025 */
  UC_DATE_DMY_SLASH,      /* 27/01/2025 */
  UC_DATE_MDY_SLASH,      /* 01/27/2025 */
  UC_DATE_DMY_DASH,       /* 27-01-2025 */
  UC_DATE_MON_D_Y,        /* Jan 27, 2025 / January 27 2025 */
  UC_DATE_D_MON_Y,        /* 27-Jan-2025 / 27 Jan 2025 */
  UC_DATE_YEAR_MONTH,     /* 2025-01 */
  UC_DATE_QUARTER,        /* 2025-Q1 / 2025Q1 */
  UC_DATE_YEAR,           /* 2025 (only for columns whose header says so) */
  UC_DATE_EPOCH_S,        /* Unix seconds (header says timestamp/unix/epoch) */
  UC_DATE_EPOCH_MS,       /* Unix milliseconds */
  UC_DATE_COMPACT,        /* 20250127 (ISO 8601 basic; decided by the reader from a whole column) */
  UC_DATE_N_FORMATS
} UcDateFormat;

#define UC_DATE_FORMAT_BIT(f) (1u << (f))

const char *uc_date_format_describe (UcDateFormat  format);
gboolean    uc_date_format_has_time (UcDateFormat  format);
gboolean    uc_is_compact_date      (const char   *text,
                                     gsize         len);
guint       uc_date_formats_matching (const char  *text,
                                      gsize        len);
gboolean    uc_parse_date           (const char   *text,
                                     gsize         len,
                                     UcDateFormat  format,
                                     UcTime       *value);
/* Remembers the last calendar day seen, for columns sorted by time, and
 * the last whole cell with its value: tick data repeats each timestamp
 * once per symbol. */
typedef struct
{
  char   date[10];
  UcTime day;
  gboolean valid;
  char   cell[19];
  guint8 cell_len;     /* 0 until a cell is remembered */
  UcTime cell_value;
} UcDateCache;

gboolean    uc_parse_iso_fast       (const char   *text,
                                     gsize         len,
                                     gboolean      allow_time,
                                     UcDateCache  *cache,
                                     UcTime       *value);

/* Whether @text is the last cell uc_parse_iso_fast read into @cache, and
 * then its value: inline, as tick files repeat each time once per symbol.
 * Its @len bytes (10, 16 or 19) compared as words that may overlap. */
static inline gboolean
uc_parse_iso_cached (const char        *text,
                     gsize              len,
                     const UcDateCache *cache,
                     UcTime            *value)
{
  guint64 a0, b0, a1, b1, a2 = 0, b2 = 0;

  /* Shorter cells (a year, a month) are not remembered: the words read
   * would run past them. */
  if (len != cache->cell_len || len < 8)
    return FALSE;
  memcpy (&a0, text, 8);
  memcpy (&b0, cache->cell, 8);
  memcpy (&a1, text + len - 8, 8);
  memcpy (&b1, cache->cell + len - 8, 8);
  if (len > 16)
    {
      memcpy (&a2, text + 8, 8);
      memcpy (&b2, cache->cell + 8, 8);
    }
  if (((a0 ^ b0) | (a1 ^ b1) | (a2 ^ b2)) != 0)
    return FALSE;
  *value = cache->cell_value;
  return TRUE;
}
gboolean    uc_parse_date_pattern   (const char   *text,
                                     gsize         len,
                                     const char   *pattern,
                                     UcTime       *value);
gboolean    uc_date_pattern_is_valid (const char  *pattern);

/* uc_parse_iso_fast's common case, inline: a datetime (HH:MM or HH:MM:SS)
 * on the day of the last cell read into @cache, as tick files go on from
 * minute to minute. FALSE for anything else, which uc_parse_iso_fast then
 * reads (and refuses where this does). */
static inline gboolean
uc_parse_iso_same_day (const char  *text,
                       gsize        len,
                       UcDateCache *cache,
                       UcTime      *value)
{
#define UC_ISO_DIGIT(i) ((unsigned) (text[i] - '0') < 10)
  int hh, mm, ss = 0;

  if ((len != 16 && len != 19) || !cache->valid || memcmp (text, cache->date, 10) != 0 ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      !UC_ISO_DIGIT (11) || !UC_ISO_DIGIT (12) || !UC_ISO_DIGIT (14) || !UC_ISO_DIGIT (15))
    return FALSE;
  hh = (text[11] - '0') * 10 + (text[12] - '0');
  mm = (text[14] - '0') * 10 + (text[15] - '0');
  if (len == 19)
    {
      if (text[16] != ':' || !UC_ISO_DIGIT (17) || !UC_ISO_DIGIT (18))
        return FALSE;
      ss = (text[17] - '0') * 10 + (text[18] - '0');
    }
#undef UC_ISO_DIGIT
  if (hh > 23 || mm > 59 || ss > 59)
    return FALSE;
  *value = cache->day + (((gint64) hh * 60 + mm) * 60 + ss) * G_USEC_PER_SEC;
  memcpy (cache->cell, text, len);
  cache->cell_len = (guint8) len;
  cache->cell_value = *value;
  return TRUE;
}

G_END_DECLS
