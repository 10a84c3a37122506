/* uc-charts-layout.c: the charts of a view, one under the other
 *
 * A box shares its height equally (or gives a summary chart a fixed
 * height), so on a small window the second chart of a view grew as tall
 * as the first, or taller, and the first lost its labels. Here the height
 * is shared by uc_stack_split(), the rule exports use too, so an export
 * at the window's size has the window's proportions.
 */
#include "config.h"

#include "uc-charts-layout.h"

#include "uc-stack-split.h"

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
  g_autofree int *mins = NULL, *heights = NULL;
  g_autofree gboolean *short_charts = NULL;
  GtkWidget *c;
  int n = 0, i = 0, y = 0;

  for (c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_should_layout (c);
  if (n == 0)
    return;
  mins = g_new0 (int, n);
  heights = g_new0 (int, n);
  short_charts = g_new0 (gboolean, n);
  /* A chart that does not expand is a short (summary) one. */
  for (c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (gtk_widget_should_layout (c))
      {
        gtk_widget_measure (c, GTK_ORIENTATION_VERTICAL, width, &mins[i], NULL, NULL, NULL);
        short_charts[i] = !gtk_widget_get_vexpand (c);
        i++;
      }
  uc_stack_split (n, short_charts, mins, MAX (height, 0), heights);
  i = 0;
  for (c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      if (!gtk_widget_should_layout (c))
        continue;
      gtk_widget_size_allocate (c, &(GtkAllocation) { 0, y, width, heights[i] }, -1);
      y += heights[i];
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
