/* uc-column-alloc.c: memory for column arrays */
#include "uc-column-alloc.h"

#include <sys/mman.h>

#define HEADER 64                       /* keeps doubles and int64s aligned */
#define MAP_THRESHOLD (1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)

typedef struct
{
  gsize size;     /* mapped bytes, or 0 when from malloc */
  gsize offset;   /* from the start of the mapping to the data */
} Header;

gpointer
uc_column_alloc (gsize n_bytes)
{
  Header *h;
  guint8 *base;

  if (n_bytes + HEADER < MAP_THRESHOLD)
    {
      base = g_malloc (n_bytes + HEADER);
      h = (Header *) base;
      h->size = 0;
      h->offset = HEADER;
      return base + HEADER;
    }

  /* Over-map by one huge page so the data can start on a 2 MiB boundary. */
  {
    gsize size = n_bytes + HEADER + HUGE_PAGE;
    guint8 *map = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    guint8 *data;

    if (map == MAP_FAILED)
      g_error ("out of memory mapping %" G_GSIZE_FORMAT " bytes", size);
    data = (guint8 *) (((guintptr) map + HEADER + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1));
#ifdef MADV_HUGEPAGE
    madvise (data, n_bytes, MADV_HUGEPAGE);
#endif
    h = (Header *) (data - HEADER);
    h->size = size;
    h->offset = data - map;
    return data;
  }
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
  else
    munmap (base, h->size);
}
