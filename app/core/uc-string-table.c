/* uc-string-table.c: interned strings for text columns
 *
 * Strings live in large arena blocks; an open-addressing hash table maps
 * bytes to codes. Codes start at 1 and index the string array.
 */
#include "uc-string-table.h"

#include <string.h>

#define BLOCK_SIZE (64 * 1024)

typedef struct
{
  guint64 hash;
  guint64 prefix;   /* the first eight bytes, zero-padded */
  guint32 code;
  guint32 len;
} Slot;

typedef struct
{
  guint64 prefix;
  guint32 len;
  guint32 code;
} Recent;

#define N_RECENT_SETS 64

struct _UcStringTable
{
  /* Two ways a set, the newer first: category columns hit here. With one
   * way, two of ten symbols sharing a slot missed a fifth of the time. */
  Recent     recent[N_RECENT_SETS][2];
  GPtrArray *strings;    /* index = code; [0] = NULL */
  Slot      *slots;
  gsize      n_slots;    /* power of two */
  GSList    *blocks;
  char      *block_pos;
  gsize      block_left;
  gsize      bytes;
};

/* Eight bytes at a time: cells are short and hashing is on the hot path. */
static inline guint64
hash_bytes (const char *s,
            gsize       len)
{
  guint64 h = 0x9E3779B97F4A7C15ull ^ len;

  while (len >= 8)
    {
      guint64 w;

      memcpy (&w, s, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
      s += 8;
      len -= 8;
    }
  if (len > 0)
    {
      guint64 w = 0;

      memcpy (&w, s, len);
      h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
      h ^= h >> 29;
    }
  return h | 1;   /* 0 marks an empty slot */
}

UcStringTable *
uc_string_table_new (void)
{
  UcStringTable *self = g_new0 (UcStringTable, 1);

  self->strings = g_ptr_array_new ();
  g_ptr_array_add (self->strings, NULL);
  self->n_slots = 64;
  self->slots = g_new0 (Slot, self->n_slots);
  return self;
}

void
uc_string_table_free (UcStringTable *self)
{
  if (self == NULL)
    return;
  g_slist_free_full (self->blocks, g_free);
  g_ptr_array_unref (self->strings);
  g_free (self->slots);
  g_free (self);
}

static char *
store (UcStringTable *self,
       const char    *text,
       gsize          len)
{
  char *dest;

  if (len + 1 > self->block_left)
    {
      gsize size = MAX (BLOCK_SIZE, len + 1);

      self->block_pos = g_malloc (size);
      self->block_left = size;
      self->blocks = g_slist_prepend (self->blocks, self->block_pos);
    }
  dest = self->block_pos;
  memcpy (dest, text, len);
  dest[len] = '\0';
  self->block_pos += len + 1;
  self->block_left -= len + 1;
  self->bytes += len + 1;
  return dest;
}

static void
grow (UcStringTable *self)
{
  gsize n = self->n_slots * 2;
  Slot *slots = g_new0 (Slot, n);

  for (gsize i = 0; i < self->n_slots; i++)
    {
      Slot *s = &self->slots[i];
      gsize j;

      if (s->hash == 0)
        continue;
      for (j = s->hash & (n - 1); slots[j].hash != 0; j = (j + 1) & (n - 1))
        ;
      slots[j] = *s;
    }
  g_free (self->slots);
  self->slots = slots;
  self->n_slots = n;
}

/* The first eight bytes, zero-padded. Shorter strings are read as two
 * loads that overlap, never past their end: no loop over their bytes. */
static inline guint64
prefix_of (const char *text,
           gsize       len)
{
  guint64 w = 0;

  if (len >= 8)
    memcpy (&w, text, 8);
  else if (len >= 4)
    {
      guint32 lo, hi;

      memcpy (&lo, text, 4);
      memcpy (&hi, text + len - 4, 4);
      w = lo | (guint64) hi << (8 * (len - 4));
    }
  else if (len >= 2)
    {
      guint16 lo, hi;

      memcpy (&lo, text, 2);
      memcpy (&hi, text + len - 2, 2);
      w = lo | (guint64) hi << (8 * (len - 2));
    }
  else if (len == 1)
    w = (guchar) text[0];
  return w;
}

static Slot *
find_slot (UcStringTable *self,
           const char    *text,
           gsize          len,
           guint64        hash)
{
  gsize mask = self->n_slots - 1;
  guint64 prefix = prefix_of (text, len);

  for (gsize j = hash & mask; ; j = (j + 1) & mask)
    {
      Slot *s = &self->slots[j];

      if (s->hash == 0)
        return s;
      /* Short strings compare as one word; longer ones need the rest too. */
      if (s->hash == hash && s->len == len && s->prefix == prefix &&
          (len <= 8 || memcmp ((const char *) g_ptr_array_index (self->strings, s->code) + 8, text + 8, len - 8) == 0))
        return s;
    }
}

guint32
uc_string_table_lookup (UcStringTable *self,
                        const char    *text,
                        gsize          len)
{
  Slot *s = find_slot (self, text, len, hash_bytes (text, len));

  return s->hash ? s->code : 0;
}

guint32
uc_string_table_intern (UcStringTable *self,
                        const char    *text,
                        gsize          len)
{
  guint64 hash, prefix = prefix_of (text, len);
  Recent *set = self->recent[((prefix ^ len) * 0x9E3779B97F4A7C15ull) >> 58];
  Slot *s;

  g_return_val_if_fail (len < G_MAXUINT32, 0);

  for (guint way = 0; way < 2; way++)
    if (set[way].code != 0 && set[way].prefix == prefix && set[way].len == len &&
        (len <= 8 || memcmp ((const char *) g_ptr_array_index (self->strings, set[way].code) + 8, text + 8, len - 8) == 0))
      return set[way].code;

  hash = hash_bytes (text, len);
  s = find_slot (self, text, len, hash);
  set[1] = set[0];
  if (s->hash != 0)
    {
      set[0] = (Recent) { prefix, (guint32) len, s->code };
      return s->code;
    }

  if ((self->strings->len + 1) * 2 > self->n_slots)
    {
      grow (self);
      s = find_slot (self, text, len, hash);
    }
  s->hash = hash;
  s->prefix = prefix;
  s->len = (guint32) len;
  s->code = self->strings->len;
  g_ptr_array_add (self->strings, store (self, text, len));
  set[0] = (Recent) { prefix, (guint32) len, s->code };
  return s->code;
}

const char *
uc_string_table_get (UcStringTable *self,
                     guint32        code)
{
  g_return_val_if_fail (code < self->strings->len, NULL);
  return g_ptr_array_index (self->strings, code);
}

guint
uc_string_table_size (UcStringTable *self)
{
  return self->strings->len - 1;
}

gsize
uc_string_table_bytes (UcStringTable *self)
{
  return self->bytes + self->n_slots * sizeof (Slot) + self->strings->len * sizeof (gpointer);
}
