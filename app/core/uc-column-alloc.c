/* uc-column-alloc.c: memory for column arrays
 *
 * Large blocks are mapped directly, aligned for huge pages, and kept in a
 * small pool when freed: re-reading a file (the import preview does it on
 * every option change) then finds its memory already mapped, instead of
 * paying a page fault for every 4 KiB again.
 */
#include "uc-column-alloc.h"

#include <string.h>
#include <sys/mman.h>

#define HEADER 64                       /* keeps doubles and int64s aligned */
#define MAP_THRESHOLD (1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)
#define POOL_SLOTS 16
#define POOL_MAX_BYTES ((gsize) 1 << 30)

typedef struct
{
  gsize size;     /* mapped bytes, or 0 when from malloc */
  gsize offset;   /* from the start of the mapping to the data */
} Header;

typedef struct
{
  guint8 *map;
  gsize   size;
} Block;

G_LOCK_DEFINE_STATIC (pool);
static Block pool[POOL_SLOTS];
static gsize pool_bytes;

static guint8 *
pool_take (gsize size)
{
  guint8 *map = NULL;
  int best = -1;

  G_LOCK (pool);
  for (int i = 0; i < POOL_SLOTS; i++)
    if (pool[i].map && pool[i].size >= size && pool[i].size <= size * 2 &&
        (best < 0 || pool[i].size < pool[best].size))
      best = i;
  if (best >= 0)
    {
      map = pool[best].map;
      pool_bytes -= pool[best].size;
      pool[best].map = NULL;
    }
  G_UNLOCK (pool);
  return map;
}

static gboolean
pool_give (guint8 *map,
           gsize   size)
{
  gboolean kept = FALSE;

  G_LOCK (pool);
  if (pool_bytes + size <= POOL_MAX_BYTES)
    for (int i = 0; i < POOL_SLOTS && !kept; i++)
      if (pool[i].map == NULL)
        {
          pool[i].map = map;
          pool[i].size = size;
          pool_bytes += size;
          kept = TRUE;
        }
  G_UNLOCK (pool);
  return kept;
}

/* NULL when the memory cannot be had and @may_fail; otherwise that aborts,
 * as g_malloc does. */
static gpointer
column_alloc (gsize    n_bytes,
              gboolean zeroed,
              gboolean may_fail)
{
  Header *h;
  guint8 *base;

  /* Sizes near the top of the address space would wrap below. */
  if (n_bytes > G_MAXSIZE / 2)
    {
      if (may_fail)
        return NULL;
      g_error ("cannot allocate %" G_GSIZE_FORMAT " bytes", n_bytes);
    }
  if (n_bytes + HEADER < MAP_THRESHOLD)
    {
      if (may_fail)
        base = zeroed ? g_try_malloc0 (n_bytes + HEADER) : g_try_malloc (n_bytes + HEADER);
      else
        base = zeroed ? g_malloc0 (n_bytes + HEADER) : g_malloc (n_bytes + HEADER);
      if (base == NULL)
        return NULL;
      h = (Header *) base;
      h->size = 0;
      h->offset = HEADER;
      return base + HEADER;
    }

  /* Over-map by one huge page so the data can start on a 2 MiB boundary;
   * round up so blocks of similar size can be reused for each other. */
  {
    gsize size = ((n_bytes + HEADER + HUGE_PAGE) + HUGE_PAGE - 1) & ~(gsize) (HUGE_PAGE - 1);
    guint8 *map = pool_take (size);
    guint8 *data;

    if (map == NULL)
      {
        map = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (map == MAP_FAILED)
          {
            if (may_fail)
              return NULL;
            g_error ("out of memory mapping %" G_GSIZE_FORMAT " bytes", size);
          }
      }
    else
      {
        /* Pooled blocks may be larger: note the real size below. */
        Header *old = (Header *) ((((guintptr) map + HEADER + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1)) - HEADER);
        size = old->size;
        /* Fresh mappings are zero already; reused ones are cleared. */
        if (zeroed)
          memset ((guint8 *) old + HEADER, 0, n_bytes);
      }
    data = (guint8 *) (((guintptr) map + HEADER + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
    /* Up to the next huge page: advised to @n_bytes only, the part of
     * the last one past a 2 MiB boundary took 4 KiB pages, a fault each
     * (most of the faults of a first 1M-row load). The mapping reaches
     * that far, as computed above. */
    madvise (data, (n_bytes + HUGE_PAGE - 1) & ~(gsize) (HUGE_PAGE - 1), MADV_HUGEPAGE);
#endif
    h = (Header *) (data - HEADER);
    h->size = size;
    h->offset = data - map;
    return data;
  }
}

gpointer
uc_column_alloc (gsize n_bytes)
{
  return column_alloc (n_bytes, FALSE, FALSE);
}

gpointer
uc_column_alloc0 (gsize n_bytes)
{
  return column_alloc (n_bytes, TRUE, FALSE);
}

gpointer
uc_column_try_alloc (gsize n_bytes)
{
  return column_alloc (n_bytes, FALSE, TRUE);
}

gpointer
uc_column_try_alloc0 (gsize n_bytes)
{
  return column_alloc (n_bytes, TRUE, TRUE);
}

void
uc_column_free (gpointer data)
{
  Header *h;
  guint8 *base;

  if (data == NULL)
    return;
  h = (Header *) ((guint8 *) data - HEADER);
  base = (guint8 *) data - h->offset;
  if (h->size == 0)
    g_free (base);
  else if (!pool_give (base, h->size))
    munmap (base, h->size);
}
