/* uc-test-display.h: what the tests on a display share: failing (not
 * skipping) without one where it is required, waiting on the main loop,
 * and finding widgets and windows */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How long a test waits for the window before it fails; a file may set
 * its own before including this. */
#ifndef UC_TEST_WAIT_SECONDS
#define UC_TEST_WAIT_SECONDS 10
#endif

void uc_test_skip_or_fail_without_display (void);
void uc_test_iterate_until_for            (gboolean (*done) (gpointer),
                                           gpointer   data,
                                           int        seconds);

void       uc_test_iterate_for   (guint       ms);
GtkWidget *uc_test_find_widget   (GtkWidget  *root,
                                  GType       type,
                                  const char *text);
GtkWidget *uc_test_find_toplevel (GType       type);

#define uc_test_iterate_until(done, data) uc_test_iterate_until_for ((done), (data), UC_TEST_WAIT_SECONDS)

G_END_DECLS
