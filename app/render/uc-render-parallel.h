/* uc-render-parallel.h: a frame's heavy loops on more than one core
 *
 * The line rasteriser and the background fill split their pixels into
 * parts that touch disjoint memory; the parts run on the drawing thread
 * and on helper threads kept for the purpose. UNDERCUT_RENDER_THREADS=1
 * keeps everything on the drawing thread.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Does part @part of @n_parts of the work @data describes. */
typedef void (*UcPartFunc) (gpointer data,
                            guint    part,
                            guint    n_parts);

guint uc_render_parallel_parts (void);
void  uc_render_parallel_run   (UcPartFunc func,
                                gpointer   data,
                                guint      n_parts);

G_END_DECLS
