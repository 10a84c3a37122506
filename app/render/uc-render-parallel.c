/* uc-render-parallel.c: a frame's heavy loops on more than one core
 *
 * Helper threads start on first use. A frame runs a few such loops a
 * millisecond apart, and waking a sleeping thread takes tens of
 * microseconds, so a helper that has finished a part watches for the next
 * one for a little while (SPIN_USEC) before it sleeps. Runs from two
 * drawing threads at once do not share helpers: the second does all its
 * parts itself.
 */
#include "uc-render-parallel.h"

#define MAX_PARTS 4
#define SPIN_USEC 1000

typedef struct
{
  GThread   *thread;
  UcPartFunc func;
  gpointer   data;
  guint      part, n_parts;
  gint       pending;   /* atomic: a part is waiting for this helper, or running */
} Helper;

static GMutex run_lock;     /* held by the run using the helpers */
static GMutex sleep_lock;
static GCond  wake;
static Helper helpers[MAX_PARTS - 1];

static inline void
pause_a_moment (void)
{
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause ();
#endif
}

/* Waits for a part for @h: watching for SPIN_USEC, then asleep. */
static void
wait_for_part (Helper *h)
{
  gint64 until = g_get_monotonic_time () + SPIN_USEC;

  for (guint spins = 0; !g_atomic_int_get (&h->pending); spins++)
    {
      pause_a_moment ();
      if (spins % 64 == 63 && g_get_monotonic_time () > until)
        {
          g_mutex_lock (&sleep_lock);
          while (!g_atomic_int_get (&h->pending))
            g_cond_wait (&wake, &sleep_lock);
          g_mutex_unlock (&sleep_lock);
          return;
        }
    }
}

static gpointer
helper_main (gpointer data)
{
  Helper *h = data;

  for (;;)
    {
      wait_for_part (h);
      h->func (h->data, h->part, h->n_parts);
      g_atomic_int_set (&h->pending, 0);
    }
  return NULL;
}

/* How many parts a frame's loop is worth splitting into here: one a
 * core, up to MAX_PARTS, or what UNDERCUT_RENDER_THREADS says. */
guint
uc_render_parallel_parts (void)
{
  static gsize once = 0;
  static guint parts;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("UNDERCUT_RENDER_THREADS");
      guint64 asked = env ? g_ascii_strtoull (env, NULL, 10) : 0;

      parts = asked > 0 ? (guint) MIN (asked, MAX_PARTS) : (guint) CLAMP (g_get_num_processors (), 1, MAX_PARTS);
      g_once_init_leave (&once, 1);
    }
  return parts;
}

/* Runs @func's parts 0 … @n_parts − 1 (at most MAX_PARTS), the first
 * here and the others on helper threads, and returns when all are done. */
void
uc_render_parallel_run (UcPartFunc func,
                        gpointer   data,
                        guint      n_parts)
{
  n_parts = CLAMP (n_parts, 1, MAX_PARTS);
  if (n_parts == 1 || !g_mutex_trylock (&run_lock))
    {
      for (guint k = 0; k < n_parts; k++)
        func (data, k, n_parts);
      return;
    }
  for (guint k = 1; k < n_parts; k++)
    {
      Helper *h = &helpers[k - 1];

      h->func = func;
      h->data = data;
      h->part = k;
      h->n_parts = n_parts;
      if (h->thread == NULL)
        h->thread = g_thread_new ("undercut-render", helper_main, h);
      g_atomic_int_set (&h->pending, 1);
    }
  g_mutex_lock (&sleep_lock);
  g_cond_broadcast (&wake);
  g_mutex_unlock (&sleep_lock);

  func (data, 0, n_parts);
  for (guint k = 1; k < n_parts; k++)
    for (guint spins = 0; g_atomic_int_get (&helpers[k - 1].pending); spins++)
      if (spins < 4096)
        pause_a_moment ();
      else
        g_thread_yield ();
  g_mutex_unlock (&run_lock);
}
