/* uc-json-load.h: JSON documents from outside, checked before json-glib sees them
 *
 * json-glib parses recursively, so a few hundred kilobytes of "[[[[" overflow
 * the stack. Documents are measured first: their size, their nesting and
 * their bytes (no NUL, no raw control characters inside strings).
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define UC_JSON_MAX_DEPTH 64
#define UC_JSON_MAX_SIZE  ((gsize) 64 * 1024 * 1024)

gboolean uc_json_check        (const char  *data,
                               gsize        size,
                               const char  *name,
                               GError     **error);
gboolean uc_json_load_data    (JsonParser  *parser,
                               const char  *data,
                               gsize        size,
                               const char  *name,
                               GError     **error);
GBytes  *uc_json_read_file    (GFile       *file,
                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean uc_json_load_file    (JsonParser  *parser,
                               GFile       *file,
                               GError     **error);

G_END_DECLS
