/* uc-hashing-stream.c: an input stream that hashes every byte read through it */
#include "uc-hashing-stream.h"

struct _UcHashingStream
{
  GFilterInputStream  parent_instance;
  GChecksum          *checksum;
};

G_DEFINE_FINAL_TYPE (UcHashingStream, uc_hashing_stream, G_TYPE_FILTER_INPUT_STREAM)

static gssize
uc_hashing_stream_read (GInputStream  *stream,
                        void          *buffer,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  UcHashingStream *self = UC_HASHING_STREAM (stream);
  GInputStream *base = g_filter_input_stream_get_base_stream (G_FILTER_INPUT_STREAM (stream));
  gssize n = g_input_stream_read (base, buffer, count, cancellable, error);

  if (n > 0)
    g_checksum_update (self->checksum, buffer, n);
  return n;
}

/* Skipped bytes are hashed too. */
static gssize
uc_hashing_stream_skip (GInputStream  *stream,
                        gsize          count,
                        GCancellable  *cancellable,
                        GError       **error)
{
  guint8 buffer[8192];

  return uc_hashing_stream_read (stream, buffer, MIN (count, sizeof buffer), cancellable, error);
}

static void
uc_hashing_stream_finalize (GObject *object)
{
  g_checksum_free (UC_HASHING_STREAM (object)->checksum);
  G_OBJECT_CLASS (uc_hashing_stream_parent_class)->finalize (object);
}

static void
uc_hashing_stream_class_init (UcHashingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = uc_hashing_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = uc_hashing_stream_read;
  G_INPUT_STREAM_CLASS (klass)->skip = uc_hashing_stream_skip;
}

static void
uc_hashing_stream_init (UcHashingStream *self)
{
  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
}

UcHashingStream *
uc_hashing_stream_new (GInputStream *base)
{
  g_return_val_if_fail (G_IS_INPUT_STREAM (base), NULL);
  return g_object_new (UC_TYPE_HASHING_STREAM, "base-stream", base, NULL);
}

/* The SHA-256 of the bytes read so far, in hex. */
const char *
uc_hashing_stream_get_sha256 (UcHashingStream *self)
{
  g_return_val_if_fail (UC_IS_HASHING_STREAM (self), NULL);
  return g_checksum_get_string (self->checksum);
}
