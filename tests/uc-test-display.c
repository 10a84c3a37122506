/* uc-test-display.c: what the tests on a display share */
#include "uc-test-display.h"

void
uc_test_skip_or_fail_without_display (void)
{
  /* build-aux/test runs under Xvfb: there a missing display is a failure. */
  if (g_getenv ("UC_TEST_REQUIRE_DISPLAY"))
    g_error ("no display, but UC_TEST_REQUIRE_DISPLAY is set");
  g_test_skip ("no display");
}

/* The main loop run until @done (@data) says so; a failure after @seconds. */
void
uc_test_iterate_until_for (gboolean (*done) (gpointer),
                           gpointer   data,
                           int        seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for the window");
      g_usleep (1000);
    }
}
