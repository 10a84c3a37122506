/* uc-hashing-stream.h: an input stream that hashes every byte read through it
 *
 * The checksum of a report pack's input is of the bytes charted, read
 * once, so a pipe or a FIFO works as well as a file.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define UC_TYPE_HASHING_STREAM (uc_hashing_stream_get_type ())
G_DECLARE_FINAL_TYPE (UcHashingStream, uc_hashing_stream, UC, HASHING_STREAM, GFilterInputStream)

UcHashingStream *uc_hashing_stream_new        (GInputStream    *base) G_GNUC_WARN_UNUSED_RESULT;
const char      *uc_hashing_stream_get_sha256 (UcHashingStream *self);

G_END_DECLS
