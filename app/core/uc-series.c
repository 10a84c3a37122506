/* uc-series.c: one named time series, sorted by time
 *
 * Missing values are kept as NaN points, so a chart draws them as gaps.
 */
#include "uc-series.h"

#include "uc-series-index.h"

#include <math.h>

struct _UcSeries
{
  GObject  parent_instance;

  char    *id;
  char    *label;
  GArray  *x;   /* UcTime, ascending */
  GArray  *y;   /* double */
  UcSeriesIndex *index;   /* built on first use, dropped on change */
  /* Borrowed storage: another object's arrays, kept alive by a reference. */
  GObject *owner;
  const UcTime *borrowed_x;
  const double *borrowed_y;
  guint borrowed_n;
  GPtrArray *point_labels;   /* char *, by point; NULL when no point has one */
  GArray  *band_lo;   /* double, by point: a shaded band (a 95% interval); NULL when none */
  GArray  *band_hi;
  guint    emphasis : 1;
  guint    right_axis : 1;
  guint    hidden : 1;
  guint    decimated : 1;
  int      kind;        /* a UcChartKind drawn instead of the chart's, or -1 */
  int      color;       /* a palette slot or UC_SERIES_COLOR_* */
};

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_EMPHASIS,
  PROP_RIGHT_AXIS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcSeries, uc_series, G_TYPE_OBJECT)

static inline const UcTime *
xs_of (UcSeries *self)
{
  return self->owner ? self->borrowed_x : (const UcTime *) self->x->data;
}

static inline const double *
ys_of (UcSeries *self)
{
  return self->owner ? self->borrowed_y : (const double *) self->y->data;
}

static inline guint
len_of (UcSeries *self)
{
  return self->owner ? self->borrowed_n : self->x->len;
}

/* Copies borrowed points into owned arrays before a change. */
static void
own (UcSeries *self)
{
  if (self->owner == NULL)
    return;
  g_array_set_size (self->x, 0);
  g_array_set_size (self->y, 0);
  g_array_append_vals (self->x, self->borrowed_x, self->borrowed_n);
  g_array_append_vals (self->y, self->borrowed_y, self->borrowed_n);
  g_clear_object (&self->owner);
  self->borrowed_x = NULL;
  self->borrowed_y = NULL;
  self->borrowed_n = 0;
}

static void
uc_series_finalize (GObject *object)
{
  UcSeries *self = UC_SERIES (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->x, g_array_unref);
  g_clear_pointer (&self->y, g_array_unref);
  g_clear_pointer (&self->index, uc_series_index_free);
  g_clear_pointer (&self->point_labels, g_ptr_array_unref);
  g_clear_pointer (&self->band_lo, g_array_unref);
  g_clear_pointer (&self->band_hi, g_array_unref);
  g_clear_object (&self->owner);

  G_OBJECT_CLASS (uc_series_parent_class)->finalize (object);
}

static void
uc_series_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  UcSeries *self = UC_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_EMPHASIS: g_value_set_boolean (value, self->emphasis); break;
    case PROP_RIGHT_AXIS: g_value_set_boolean (value, self->right_axis); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_series_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  UcSeries *self = UC_SERIES (object);

  switch (prop_id)
    {
    case PROP_ID: g_free (self->id); self->id = g_value_dup_string (value); break;
    case PROP_LABEL: uc_series_set_label (self, g_value_get_string (value)); break;
    case PROP_EMPHASIS: uc_series_set_emphasis (self, g_value_get_boolean (value)); break;
    case PROP_RIGHT_AXIS: uc_series_set_right_axis (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_series_class_init (UcSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = uc_series_finalize;
  object_class->get_property = uc_series_get_property;
  object_class->set_property = uc_series_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPHASIS] =
    g_param_spec_boolean ("emphasis", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RIGHT_AXIS] =
    g_param_spec_boolean ("right-axis", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_series_init (UcSeries *self)
{
  self->kind = -1;
  self->color = UC_SERIES_COLOR_BY_ORDER;
  self->x = g_array_new (FALSE, FALSE, sizeof (UcTime));
  self->y = g_array_new (FALSE, FALSE, sizeof (double));
}

UcSeries *
uc_series_new (const char *id,
               const char *label)
{
  return g_object_new (UC_TYPE_SERIES, "id", id, "label", label ? label : id, NULL);
}

const char *
uc_series_get_id (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), NULL);
  return self->id;
}

const char *
uc_series_get_label (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), NULL);
  return self->label;
}

/* The name shown for the series (legend, card, data.csv): "China" for
 * the id "CN". */
void
uc_series_set_label (UcSeries   *self,
                     const char *label)
{
  g_return_if_fail (UC_IS_SERIES (self));
  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

/* How @from is drawn (emphasis, axis, hidden, colour, own kind), for a
 * series made from it: rebased, stacked, filtered. */
void
uc_series_copy_style (UcSeries *self,
                      UcSeries *from)
{
  g_return_if_fail (UC_IS_SERIES (self));
  g_return_if_fail (UC_IS_SERIES (from));
  uc_series_set_emphasis (self, from->emphasis);
  uc_series_set_right_axis (self, from->right_axis);
  uc_series_set_hidden (self, uc_series_get_hidden (from));
  self->color = from->color;
  self->kind = from->kind;
}

/* Whether the points are already a decimation's (M4: per pixel column
 * its first, lowest, highest and last), as a remote table's frame is:
 * drawn per column as such whatever their number, as every row would be. */
gboolean
uc_series_get_decimated (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  return self->decimated;
}

void
uc_series_set_decimated (UcSeries *self,
                         gboolean  decimated)
{
  g_return_if_fail (UC_IS_SERIES (self));
  self->decimated = !!decimated;
}

gboolean
uc_series_get_emphasis (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  return self->emphasis;
}

void
uc_series_set_emphasis (UcSeries *self,
                        gboolean  emphasis)
{
  g_return_if_fail (UC_IS_SERIES (self));

  emphasis = !!emphasis;
  if (self->emphasis == (guint) emphasis)
    return;
  self->emphasis = emphasis;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMPHASIS]);
}

/* Drawn against the chart's second value axis, for a unit that differs
 * from the first (a share price next to a market cap). */
gboolean
uc_series_get_right_axis (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  return self->right_axis;
}

void
uc_series_set_right_axis (UcSeries *self,
                          gboolean  right_axis)
{
  g_return_if_fail (UC_IS_SERIES (self));

  right_axis = !!right_axis;
  if (self->right_axis == (guint) right_axis)
    return;
  self->right_axis = right_axis;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RIGHT_AXIS]);
}

/* Points must come in time order (equal times allowed, as in tick data);
 * the chart and the look-ups rely on it. */
void
uc_series_append (UcSeries *self,
                  UcTime    x,
                  double    y)
{
  g_return_if_fail (UC_IS_SERIES (self));
  own (self);
  g_return_if_fail (self->x->len == 0 || x >= g_array_index (self->x, UcTime, self->x->len - 1));

  g_array_append_val (self->x, x);
  g_array_append_val (self->y, y);
  g_clear_pointer (&self->index, uc_series_index_free);
  /* A band belongs to the points it was set for. */
  g_clear_pointer (&self->band_lo, g_array_unref);
  g_clear_pointer (&self->band_hi, g_array_unref);
}

/* Puts a point at @x among the others, in order; where one is at @x
 * already, that one stays and this returns FALSE. */
gboolean
uc_series_insert (UcSeries *self,
                  UcTime    x,
                  double    y)
{
  int before;
  guint at;

  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  if (uc_series_find (self, x) >= 0)
    return FALSE;
  before = uc_series_find_before (self, x);
  own (self);
  at = (guint) (before + 1);
  g_array_insert_val (self->x, at, x);
  g_array_insert_val (self->y, at, y);
  if (self->point_labels && at < self->point_labels->len)
    g_ptr_array_insert (self->point_labels, (int) at, NULL);
  g_clear_pointer (&self->index, uc_series_index_free);
  g_clear_pointer (&self->band_lo, g_array_unref);
  g_clear_pointer (&self->band_hi, g_array_unref);
  return TRUE;
}

/* A band around the line, one low and one high value per point (NaN for
 * none), shaded under it and counted in the value axis's range. */
void
uc_series_set_band (UcSeries     *self,
                    const double *lo,
                    const double *hi,
                    guint         n)
{
  g_return_if_fail (UC_IS_SERIES (self));
  g_return_if_fail (n == len_of (self));
  g_clear_pointer (&self->band_lo, g_array_unref);
  g_clear_pointer (&self->band_hi, g_array_unref);
  if (lo == NULL || hi == NULL)
    return;
  self->band_lo = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  self->band_hi = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (self->band_lo, lo, n);
  g_array_append_vals (self->band_hi, hi, n);
}

gboolean
uc_series_get_band (UcSeries      *self,
                    const double **lo,
                    const double **hi)
{
  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  if (self->band_lo == NULL || self->band_lo->len != len_of (self))
    return FALSE;
  *lo = (const double *) self->band_lo->data;
  *hi = (const double *) self->band_hi->data;
  return TRUE;
}

/* The min/max index over the values, for drawing more points than pixels. */
UcSeriesIndex *
uc_series_get_index (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), NULL);

  if (self->index == NULL)
    self->index = uc_series_index_new (ys_of (self), len_of (self));
  return self->index;
}

/* A series over another object's arrays (a dataset's columns), without
 * copying them; @owner is kept alive while the series uses them. */
UcSeries *
uc_series_new_borrowed (const char   *id,
                        const char   *label,
                        const UcTime *x,
                        const double *y,
                        guint         n,
                        GObject      *owner)
{
  UcSeries *self = uc_series_new (id, label);

  g_return_val_if_fail (G_IS_OBJECT (owner), self);
  for (guint i = 1; i < n; i++)
    g_return_val_if_fail (x[i - 1] <= x[i], self);

  self->owner = g_object_ref (owner);
  self->borrowed_x = x;
  self->borrowed_y = y;
  self->borrowed_n = n;
  return self;
}

/* Room for @n points, so appending a long column does not reallocate. */
void
uc_series_reserve (UcSeries *self,
                   guint     n)
{
  GArray *x, *y;

  g_return_if_fail (UC_IS_SERIES (self));

  own (self);
  if (n <= self->x->len)
    return;
  x = g_array_sized_new (FALSE, FALSE, sizeof (UcTime), n);
  y = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  g_array_append_vals (x, self->x->data, self->x->len);
  g_array_append_vals (y, self->y->data, self->y->len);
  g_array_unref (self->x);
  g_array_unref (self->y);
  self->x = x;
  self->y = y;
}

guint
uc_series_get_length (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), 0);
  return len_of (self);
}

const UcTime *
uc_series_get_x (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), NULL);
  return xs_of (self);
}

const double *
uc_series_get_y (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), NULL);
  return ys_of (self);
}

/* Index of the last point at or before @x, or -1. */
int
uc_series_find_before (UcSeries *self,
                       UcTime    x)
{
  const UcTime *xs;
  int lo = 0, hi;

  g_return_val_if_fail (UC_IS_SERIES (self), -1);

  xs = xs_of (self);
  hi = (int) len_of (self);
  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;

      if (xs[mid] <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo - 1;
}

/* Index of the point exactly at @x, or -1. */
int
uc_series_find (UcSeries *self,
                UcTime    x)
{
  int i = uc_series_find_before (self, x);

  if (i >= 0 && xs_of (self)[i] == x)
    return i;
  return -1;
}

gboolean
uc_series_get_y_range (UcSeries *self,
                       UcTime    from,
                       UcTime    to,
                       double   *min,
                       double   *max)
{
  const double *ys;
  int first, last;
  gsize argmin, argmax;
  gboolean gap;

  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);

  /* Points in [from, to], found by binary search; extremes from the index. */
  first = uc_series_find_before (self, from);
  if (first < 0 || xs_of (self)[first] < from)
    first++;
  while (first > 0 && xs_of (self)[first - 1] >= from)
    first--;
  last = uc_series_find_before (self, to);
  if (last < first)
    return FALSE;

  ys = ys_of (self);
  if (!uc_series_index_range (uc_series_get_index (self), first, last + 1, &argmin, &argmax, &gap))
    return FALSE;
  *min = ys[argmin];
  *max = ys[argmax];
  if (self->band_lo && self->band_lo->len == len_of (self))
    for (int i = first; i <= last; i++)
      {
        double lo = g_array_index (self->band_lo, double, i), hi = g_array_index (self->band_hi, double, i);

        if (isfinite (lo))
          *min = MIN (*min, lo);
        if (isfinite (hi))
          *max = MAX (*max, hi);
      }
  return TRUE;
}

/* A name for one point, shown beside it on scatter charts (a model on a
 * price chart); NULL clears it. */
void
uc_series_set_point_label (UcSeries   *self,
                           guint       index,
                           const char *label)
{
  g_return_if_fail (UC_IS_SERIES (self));
  g_return_if_fail (index < len_of (self));

  if (self->point_labels == NULL)
    {
      if (label == NULL)
        return;
      self->point_labels = g_ptr_array_new_with_free_func (g_free);
    }
  if (self->point_labels->len <= index)
    g_ptr_array_set_size (self->point_labels, index + 1);
  g_free (g_ptr_array_index (self->point_labels, index));
  g_ptr_array_index (self->point_labels, index) = g_strdup (label);
}

const char *
uc_series_get_point_label (UcSeries *self,
                           guint     index)
{
  g_return_val_if_fail (UC_IS_SERIES (self), NULL);

  if (self->point_labels == NULL || index >= self->point_labels->len)
    return NULL;
  return g_ptr_array_index (self->point_labels, index);
}

gboolean
uc_series_has_point_labels (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  return self->point_labels != NULL;
}

/* A hidden series keeps its place (and colour) in the legend but is not
 * drawn and does not count for the value axis: the reader switched it off. */
gboolean
uc_series_get_hidden (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), FALSE);
  return self->hidden;
}

void
uc_series_set_hidden (UcSeries *self,
                      gboolean  hidden)
{
  g_return_if_fail (UC_IS_SERIES (self));
  self->hidden = !!hidden;
}

/* Drawn as @kind (a UcChartKind) whatever the chart's kind, or -1 for the
 * chart's: a step line of the cheapest price among scatter points. */
int
uc_series_get_color (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), UC_SERIES_COLOR_BY_ORDER);
  return self->color;
}

void
uc_series_set_color (UcSeries *self,
                     int       color)
{
  g_return_if_fail (UC_IS_SERIES (self));
  g_return_if_fail (color >= UC_SERIES_COLOR_FOREGROUND);
  self->color = color;
}

int
uc_series_get_kind (UcSeries *self)
{
  g_return_val_if_fail (UC_IS_SERIES (self), -1);
  return self->kind;
}

void
uc_series_set_kind (UcSeries *self,
                    int       kind)
{
  g_return_if_fail (UC_IS_SERIES (self));
  self->kind = kind;
}
