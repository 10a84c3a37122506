/* uc-paste.h: a table pasted from the clipboard, kept as a file
 *
 * Cells copied from a spreadsheet or a web page arrive as text, usually
 * tab-separated. Kept as a file of its own, the pasted table is imported
 * like any other: the reader detects its dialect, the import dialog shows
 * it, and the library keeps a copy.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UC_PASTE_MAX_BYTES (256u << 20)

char  *uc_paste_default_dir (void) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_paste_normalize   (const char  *text,
                             GError     **error) G_GNUC_WARN_UNUSED_RESULT;
GFile *uc_paste_save        (const char  *text,
                             const char  *dir,
                             GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
