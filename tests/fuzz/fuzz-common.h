/* fuzz-common.h: what the fuzz targets share
 *
 * A critical or a warning is a finding. GLib makes fatal messages a
 * breakpoint trap, which libFuzzer does not catch, so the input that caused
 * one would be lost: abort instead, which it saves.
 */
#pragma once

#include <glib.h>
#include <stdlib.h>

static GLogWriterOutput
fuzz_fatal_writer (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  g_log_writer_standard_streams (level, fields, n_fields, user_data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

static inline void
fuzz_make_criticals_fatal (void)
{
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_log_set_writer_func (fuzz_fatal_writer, NULL, NULL);
      g_once_init_leave (&once, 1);
    }
}

/* Sizes the command line takes: from 16 pixels, mostly small ones. */
static inline int
fuzz_pick_size (guint8 b)
{
  return b & 0x80 ? 16 + (b & 0x7f) * 6 : 16 + (b & 0x7f);
}
