/* uc-charts-layout.c: the charts of a view, one under the other
 *
 * A box shares its height equally (or gives a summary chart a fixed
 * height), so on a small window the second chart of a view grew as tall
 * as the first, or taller, and the first lost its labels. Here the charts
 * below the first take their share (a summary chart SHORT_CHART), and
 * when the first would get less than MAIN_SHARE of the height they give
 * up what they have above their minimum.
 */
#include "config.h"

#include "uc-charts-layout.h"

#define MAIN_SHARE 0.62
#define SHORT_CHART 250   /* a summary chart's height when there is room */

struct _UcChartsLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (UcChartsLayout, uc_charts_layout, GTK_TYPE_LAYOUT_MANAGER)

static void
uc_charts_layout_measure (GtkLayoutManager *manager,
                          GtkWidget        *widget,
                          GtkOrientation    orientation,
                          int               for_size,
                          int              *minimum,
                          int              *natural,
                          int              *minimum_baseline,
                          int              *natural_baseline)
{
  *minimum = *natural = 0;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int min = 0, nat = 0;

      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_measure (c, orientation, -1, &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_VERTICAL)
        {
          *minimum += min;
          *natural += nat;
        }
      else
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
    }
  *minimum_baseline = *natural_baseline = -1;
}

static void
uc_charts_layout_allocate (GtkLayoutManager *manager,
                           GtkWidget        *widget,
                           int               width,
                           int               height,
                           int               baseline)
{
  g_autofree int *mins = NULL, *wants = NULL;
  GtkWidget *c;
  int n = 0, i = 0, y = 0, others = 0, slack = 0, main_h, goal;

  for (c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_should_layout (c);
  if (n == 0)
    return;
  mins = g_new0 (int, n);
  wants = g_new0 (int, n);
  /* What each chart below the first would take: a short one (it does not
   * expand) SHORT_CHART, the others their share of the rest. */
  for (c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_should_layout (c))
      {
        gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &mins[i], NULL, NULL, NULL);
        if (i > 0)
          {
            wants[i] = gtk_widget_get_vexpand (c) ? (int) (height * (1 - MAIN_SHARE) / (n - 1)) : SHORT_CHART;
            wants[i] = MAX (wants[i], mins[i]);
            others += wants[i];
            slack += wants[i] - mins[i];
          }
        i++;
      }
  /* Short of room, the charts below give up what they have above their
   * minimum until the first has its share. */
  goal = n == 1 ? height : (int) (height * MAIN_SHARE);
  if (height - others < goal && slack > 0)
    {
      int give = MIN (goal - (height - others), slack);

      for (i = 1; i < n; i++)
        {
          int part = (int) ((double) give * (wants[i] - mins[i]) / slack);

          wants[i] -= part;
          others -= part;
        }
    }
  main_h = MAX (height - others, mins[0]);
  i = 0;
  for (c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      int h;

      if (!gtk_widget_should_layout (c))
        continue;
      h = i == 0 ? main_h : i == n - 1 ? MAX (height - y, mins[i]) : wants[i];
      gtk_widget_size_allocate (c, &(GtkAllocation) { 0, y, width, h }, -1);
      y += h;
      i++;
    }
}

static GtkSizeRequestMode
uc_charts_layout_get_request_mode (GtkLayoutManager *manager,
                                   GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
uc_charts_layout_class_init (UcChartsLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->measure = uc_charts_layout_measure;
  manager_class->allocate = uc_charts_layout_allocate;
  manager_class->get_request_mode = uc_charts_layout_get_request_mode;
}

static void
uc_charts_layout_init (UcChartsLayout *self)
{
}

GtkLayoutManager *
uc_charts_layout_new (void)
{
  return g_object_new (UC_TYPE_CHARTS_LAYOUT, NULL);
}
