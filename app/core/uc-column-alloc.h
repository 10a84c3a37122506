/* uc-column-alloc.h: memory for column arrays
 *
 * Large columns are mapped directly and asked to use huge pages: reading a
 * million-row file otherwise spends a third of its time in page faults.
 * Image buffers and drawing scratch use it for the same reason.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gpointer uc_column_alloc  (gsize    n_bytes) G_GNUC_MALLOC G_GNUC_WARN_UNUSED_RESULT;
gpointer uc_column_alloc0 (gsize    n_bytes) G_GNUC_MALLOC G_GNUC_WARN_UNUSED_RESULT;
/* NULL rather than an abort when the memory cannot be had: for sizes that
 * come from input. */
gpointer uc_column_try_alloc (gsize n_bytes) G_GNUC_MALLOC G_GNUC_WARN_UNUSED_RESULT;
gpointer uc_column_try_alloc0 (gsize n_bytes) G_GNUC_MALLOC G_GNUC_WARN_UNUSED_RESULT;
void     uc_column_free   (gpointer data);

G_END_DECLS
