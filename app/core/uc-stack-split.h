/* uc-stack-split.h: how the charts of a view, one under the other, share
 * a height; the window's layout and every export use the same rule */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UC_STACK_MAIN_SHARE   0.62   /* what the first chart keeps at least, when the others can give it */
#define UC_STACK_SHORT_HEIGHT 250    /* a short (summary) chart's height when there is room */
#define UC_STACK_MIN_HEIGHT   200    /* a chart's least height in the window */
#define UC_STACK_SHORT_MIN_HEIGHT 150  /* a short chart's */

int  uc_stack_min_height (gboolean short_chart);

void uc_stack_split (guint           n,
                     const gboolean *short_charts,
                     const int      *minimums,
                     int             height,
                     int            *heights);

G_END_DECLS
