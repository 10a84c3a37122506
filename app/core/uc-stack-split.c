/* uc-stack-split.c: the charts of a view, one under the other
 *
 * The charts below the first take their share (a short summary chart
 * UC_STACK_SHORT_HEIGHT), and when the first would get less than
 * UC_STACK_MAIN_SHARE of the height they give up what they have above
 * their minimum. The window lays its charts out with this and exports
 * split their height with it, so an export at the window's size has the
 * window's proportions.
 */
#include "config.h"

#include "uc-stack-split.h"

/* A chart's least height in the window: a summary chart (a title, a line
 * and little else) gives up more on a small window, so that the main
 * plot keeps room for the text around it. */
int
uc_stack_min_height (gboolean short_chart)
{
  return short_chart ? UC_STACK_SHORT_MIN_HEIGHT : UC_STACK_MIN_HEIGHT;
}

/* @height shared among @n charts into @heights: chart i short when
 * @short_charts[i] (NULL: none is), at least @minimums[i] tall (NULL:
 * uc_stack_min_height()). Minimums that do not fit are scaled down to
 * @height, so the heights always add up to it. */
void
uc_stack_split (guint           n,
                const gboolean *short_charts,
                const int      *minimums,
                int             height,
                int            *heights)
{
  g_autofree int *mins = NULL, *wants = NULL;
  gint64 min_sum = 0;
  int others = 0, slack = 0, goal, y;

  if (n == 0)
    return;
  height = MAX (height, 0);
  mins = g_new0 (int, n);
  wants = g_new0 (int, n);
  for (guint i = 0; i < n; i++)
    {
      mins[i] = MAX (minimums ? minimums[i] : uc_stack_min_height (short_charts && short_charts[i]), 0);
      min_sum += mins[i];
    }
  /* An export smaller than the window's least height: the minimums shrink
   * alike. The window itself is never given less than their sum. */
  if (min_sum > height)
    for (guint i = 0; i < n; i++)
      mins[i] = (int) ((gint64) mins[i] * height / min_sum);

  for (guint i = 1; i < n; i++)
    {
      gboolean is_short = short_charts != NULL && short_charts[i];

      wants[i] = is_short ? UC_STACK_SHORT_HEIGHT : (int) (height * (1 - UC_STACK_MAIN_SHARE) / (n - 1));
      wants[i] = MAX (wants[i], mins[i]);
      others += wants[i];
      slack += wants[i] - mins[i];
    }
  /* Short of room, the charts below give up what they have above their
   * minimum until the first has its share. */
  goal = n == 1 ? height : (int) (height * UC_STACK_MAIN_SHARE);
  if (height - others < goal && slack > 0)
    {
      int give = MIN (goal - (height - others), slack);

      for (guint i = 1; i < n; i++)
        {
          int part = (int) ((double) give * (wants[i] - mins[i]) / slack);

          wants[i] -= part;
          others -= part;
        }
    }
  heights[0] = MAX (height - others, mins[0]);
  y = heights[0];
  for (guint i = 1; i < n; i++)
    {
      heights[i] = i == n - 1 ? MAX (height - y, mins[i]) : wants[i];
      y += heights[i];
    }
}
