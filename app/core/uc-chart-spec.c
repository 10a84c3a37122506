/* uc-chart-spec.c: everything a chart shows, independent of how it is drawn */
#include "uc-chart-spec.h"

#include "uc-enum.h"

#include <math.h>

struct _UcChartSpec
{
  GObject        parent_instance;

  char          *title;
  char          *subtitle;
  char          *source;
  char          *note;
  char          *x_title;
  char          *y_title;
  char          *x_unit;
  UcXKind        x_kind;
  UcValueFormat  value_format;
  gboolean       log_scale;
  UcTime         base;       /* the day its values are relative to, or 0 */
  UcTransform    transform;  /* what its values were made into */
  UcChartKind    kind;
  UcLegendPosition legend;
  gboolean       stacked;
  UcChartPeriod  period;    /* x values are the starts of periods (bars fill them) */
  UcTime         covered_from, covered_to;   /* the days the counted data covers */
  UcTime         from;
  UcTime         to;
  GPtrArray     *series;   /* UcSeries */
  GPtrArray     *events;   /* UcEvent, by time once sorted */
  gboolean       events_unsorted;   /* an event came in before the last: sort on next read */
  GArray        *provenance;   /* UcProvenance */
  GPtrArray     *warnings;     /* char *: what making the chart left out, one line each */
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SOURCE,
  PROP_NOTE,
  PROP_X_TITLE,
  PROP_Y_TITLE,
  PROP_X_UNIT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcChartSpec, uc_chart_spec, G_TYPE_OBJECT)

static void sort_events (UcChartSpec *self);

static void
uc_chart_spec_finalize (GObject *object)
{
  UcChartSpec *self = UC_CHART_SPEC (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->x_title, g_free);
  g_clear_pointer (&self->y_title, g_free);
  g_clear_pointer (&self->x_unit, g_free);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_pointer (&self->provenance, g_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (uc_chart_spec_parent_class)->finalize (object);
}

static char **
string_field (UcChartSpec *self,
              guint        prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_SUBTITLE: return &self->subtitle;
    case PROP_SOURCE: return &self->source;
    case PROP_NOTE: return &self->note;
    case PROP_X_TITLE: return &self->x_title;
    case PROP_Y_TITLE: return &self->y_title;
    case PROP_X_UNIT: return &self->x_unit;
    default: return NULL;
    }
}

static void
set_string (UcChartSpec *self,
            guint        prop_id,
            const char  *value)
{
  char **field = string_field (self, prop_id);

  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
uc_chart_spec_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  char **field = string_field (UC_CHART_SPEC (object), prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field);
}

static void
uc_chart_spec_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (string_field (UC_CHART_SPEC (object), prop_id) == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    set_string (UC_CHART_SPEC (object), prop_id, g_value_get_string (value));
}

static void
clear_provenance (gpointer data)
{
  UcProvenance *p = data;

  g_clear_pointer (&p->name, g_free);
  g_clear_pointer (&p->source, g_free);
  g_clear_pointer (&p->location, g_free);
  g_clear_pointer (&p->date, g_free);
  g_clear_pointer (&p->date_kind, g_free);
  g_clear_pointer (&p->sha256, g_free);
}

static void
uc_chart_spec_class_init (UcChartSpecClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = uc_chart_spec_finalize;
  object_class->get_property = uc_chart_spec_get_property;
  object_class->set_property = uc_chart_spec_set_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties[PROP_X_TITLE] = g_param_spec_string ("x-title", NULL, NULL, NULL, rw);
  properties[PROP_Y_TITLE] = g_param_spec_string ("y-title", NULL, NULL, NULL, rw);
  properties[PROP_X_UNIT] = g_param_spec_string ("x-unit", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_chart_spec_init (UcChartSpec *self)
{
  self->series = g_ptr_array_new_with_free_func (g_object_unref);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->provenance = g_array_new (FALSE, TRUE, sizeof (UcProvenance));
  g_array_set_clear_func (self->provenance, clear_provenance);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

UcChartSpec *
uc_chart_spec_new (void)
{
  return g_object_new (UC_TYPE_CHART_SPEC, NULL);
}

/* The same chart, its series shared (not copied): a view of it can then
 * change range, scale or events without touching the original. */
UcChartSpec *
uc_chart_spec_copy (UcChartSpec *self)
{
  UcChartSpec *copy = uc_chart_spec_copy_without_series (self);

  for (guint i = 0; i < self->series->len; i++)
    g_ptr_array_add (copy->series, g_object_ref (g_ptr_array_index (self->series, i)));
  return copy;
}

/* Everything but the series: titles, format, range, scale and events. */
UcChartSpec *
uc_chart_spec_copy_without_series (UcChartSpec *self)
{
  UcChartSpec *copy;

  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);

  copy = uc_chart_spec_new ();
  copy->title = g_strdup (self->title);
  copy->subtitle = g_strdup (self->subtitle);
  copy->source = g_strdup (self->source);
  copy->note = g_strdup (self->note);
  copy->x_title = g_strdup (self->x_title);
  copy->y_title = g_strdup (self->y_title);
  copy->x_unit = g_strdup (self->x_unit);
  copy->x_kind = self->x_kind;
  copy->value_format = self->value_format;
  copy->log_scale = self->log_scale;
  copy->base = self->base;
  copy->transform = self->transform;
  copy->kind = self->kind;
  copy->legend = self->legend;
  copy->stacked = self->stacked;
  copy->period = self->period;
  copy->covered_from = self->covered_from;
  copy->covered_to = self->covered_to;
  copy->from = self->from;
  copy->to = self->to;
  sort_events (self);
  for (guint i = 0; i < self->events->len; i++)
    g_ptr_array_add (copy->events, g_object_ref (g_ptr_array_index (self->events, i)));
  for (guint i = 0; i < self->provenance->len; i++)
    {
      const UcProvenance *p = &g_array_index (self->provenance, UcProvenance, i);

      uc_chart_spec_add_provenance (copy, p->name, p->source, p->location, p->date, p->date_kind);
      uc_chart_spec_set_provenance_sha256 (copy, i, p->sha256);
    }
  for (guint i = 0; i < self->warnings->len; i++)
    uc_chart_spec_add_warning (copy, g_ptr_array_index (self->warnings, i));
  return copy;
}

/* What making the chart left out, one line each, for the reader to be
 * told: "rebase to 100 on 2025-01-01: v is 1e-320 there; 1 value out of
 * range left out". Copies and charts made from this one keep them. */
void
uc_chart_spec_add_warning (UcChartSpec *self,
                           const char  *warning)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (warning != NULL);
  g_ptr_array_add (self->warnings, g_strdup (warning));
}

guint
uc_chart_spec_get_n_warnings (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), 0);
  return self->warnings->len;
}

const char *
uc_chart_spec_get_warning (UcChartSpec *self,
                           guint        index)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  g_return_val_if_fail (index < self->warnings->len, NULL);
  return g_ptr_array_index (self->warnings, index);
}

const char *
uc_chart_spec_get_title (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->title;
}

void
uc_chart_spec_set_title (UcChartSpec *self,
                         const char  *title)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_TITLE, title);
}

const char *
uc_chart_spec_get_subtitle (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->subtitle;
}

void
uc_chart_spec_set_subtitle (UcChartSpec *self,
                            const char  *subtitle)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_SUBTITLE, subtitle);
}

const char *
uc_chart_spec_get_source (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->source;
}

/* The source every one of @n charts names, when there are several and
 * all name the same (a view's charts then print it once); NULL otherwise. */
const char *
uc_chart_specs_shared_source (UcChartSpec **specs,
                              guint         n)
{
  const char *source = n > 1 ? uc_chart_spec_get_source (specs[0]) : NULL;

  if (source == NULL || *source == '\0')
    return NULL;
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (uc_chart_spec_get_source (specs[i]), source) != 0)
      return NULL;
  return source;
}

void
uc_chart_spec_set_source (UcChartSpec *self,
                          const char  *source)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_SOURCE, source);
}

const char *
uc_chart_spec_get_note (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->note;
}

void
uc_chart_spec_set_note (UcChartSpec *self,
                        const char  *note)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_NOTE, note);
}

const char *
uc_chart_spec_get_x_title (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->x_title;
}

void
uc_chart_spec_set_x_title (UcChartSpec *self,
                           const char  *x_title)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_X_TITLE, x_title);
}

const char *
uc_chart_spec_get_y_title (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->y_title;
}

void
uc_chart_spec_set_y_title (UcChartSpec *self,
                           const char  *y_title)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_Y_TITLE, y_title);
}

UcXKind
uc_chart_spec_get_x_kind (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), UC_X_TIME);
  return self->x_kind;
}

/* Says how to read the series' x values; it converts nothing. */
void
uc_chart_spec_set_x_kind (UcChartSpec *self,
                          UcXKind      kind)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (kind <= UC_X_NUMBER);
  self->x_kind = kind;
}

const char *
uc_chart_spec_get_x_unit (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  return self->x_unit;
}

void
uc_chart_spec_set_x_unit (UcChartSpec *self,
                          const char  *unit)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  set_string (self, PROP_X_UNIT, unit);
}

/* Whether a number axis labels its positive numbers with a plus: when it
 * reaches below zero, it counts from a point (days from an event), and
 * "+5" reads as after it. Decided on the data and the chart's own range,
 * so zooming in does not change how the labels read. */
gboolean
uc_chart_spec_get_x_signed (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  if (self->x_kind != UC_X_NUMBER)
    return FALSE;
  if (self->from < 0)
    return TRUE;
  for (guint i = 0; i < self->series->len; i++)
    {
      UcSeries *series = g_ptr_array_index (self->series, i);

      if (uc_series_get_length (series) > 0 && uc_series_get_x (series)[0] < 0)
        return TRUE;
    }
  return FALSE;
}

/* A number as an x value: FALSE for NaN and for numbers past
 * ±UC_X_NUMBER_LIMIT, which a chart leaves out. */
gboolean
uc_x_from_number (double  value,
                  UcTime *x)
{
  if (!(fabs (value) <= UC_X_NUMBER_LIMIT))
    return FALSE;
  *x = (UcTime) llround (value * UC_X_NUMBER_SCALE);
  return TRUE;
}

double
uc_x_to_number (UcTime x)
{
  return (double) x / UC_X_NUMBER_SCALE;
}

UcValueFormat
uc_chart_spec_get_value_format (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), UC_VALUE_NUMBER);
  return self->value_format;
}

void
uc_chart_spec_set_value_format (UcChartSpec   *self,
                                UcValueFormat  format)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->value_format = format;
}

/* The names the enums take in view files, chart.json and on the command
 * line are their GType nicks (uc-enum.h). */
gboolean
uc_chart_kind_from_string (const char  *name,
                           UcChartKind *kind)
{
  int value;

  if (!uc_enum_from_nick (UC_TYPE_CHART_KIND, name, &value))
    return FALSE;
  *kind = (UcChartKind) value;
  return TRUE;
}

gboolean
uc_legend_position_from_string (const char       *name,
                                UcLegendPosition *position)
{
  int value;

  if (!uc_enum_from_nick (UC_TYPE_LEGEND_POSITION, name, &value))
    return FALSE;
  *position = (UcLegendPosition) value;
  return TRUE;
}

gboolean
uc_value_format_from_string (const char    *name,
                             UcValueFormat *format)
{
  int value;

  if (!uc_enum_from_nick (UC_TYPE_VALUE_FORMAT, name, &value))
    return FALSE;
  *format = (UcValueFormat) value;
  return TRUE;
}

gboolean
uc_x_kind_from_string (const char *name,
                       UcXKind    *kind)
{
  int value;

  if (!uc_enum_from_nick (UC_TYPE_XKIND, name, &value))
    return FALSE;
  *kind = (UcXKind) value;
  return TRUE;
}

const char *
uc_x_kind_to_string (UcXKind kind)
{
  return uc_enum_to_nick (UC_TYPE_XKIND, kind, "time");
}

const char *
uc_legend_position_to_string (UcLegendPosition position)
{
  return uc_enum_to_nick (UC_TYPE_LEGEND_POSITION, position, "top");
}

UcLegendPosition
uc_chart_spec_get_legend_position (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), UC_LEGEND_TOP);
  return self->legend;
}

void
uc_chart_spec_set_legend_position (UcChartSpec      *self,
                                   UcLegendPosition  position)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (position <= UC_LEGEND_NONE);
  self->legend = position;
}

UcChartKind
uc_chart_spec_get_kind (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), UC_CHART_LINE);
  return self->kind;
}

void
uc_chart_spec_set_kind (UcChartSpec *self,
                        UcChartKind  kind)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->kind = kind;
}

gboolean
uc_chart_spec_get_stacked (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  return self->stacked;
}

void
uc_chart_spec_set_stacked (UcChartSpec *self,
                           gboolean     stacked)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->stacked = !!stacked;
}

gboolean
uc_chart_spec_get_periods (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  return self->period != UC_CHART_PERIOD_NONE;
}

UcChartPeriod
uc_chart_spec_get_period (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), UC_CHART_PERIOD_NONE);
  return self->period;
}

/* Each x is the start of a @period; the data counted covers the days from
 * @covered_from to @covered_to, so a period it only partly covers can be
 * marked as such. */
void
uc_chart_spec_set_period (UcChartSpec   *self,
                          UcChartPeriod  period,
                          UcTime         covered_from,
                          UcTime         covered_to)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->period = period;
  self->covered_from = covered_from;
  self->covered_to = covered_to;
}

void
uc_chart_spec_get_covered (UcChartSpec *self,
                           UcTime      *from,
                           UcTime      *to)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  *from = self->covered_from;
  *to = self->covered_to;
}

/* The start of the next period. */
UcTime
uc_chart_period_end (UcTime        start,
                     UcChartPeriod period)
{
  switch (period)
    {
    case UC_CHART_PERIOD_WEEK: return start + 7 * UC_USEC_PER_DAY;
    case UC_CHART_PERIOD_MONTH: return uc_time_add_months (start, 1);
    case UC_CHART_PERIOD_QUARTER: return uc_time_add_months (start, 3);
    case UC_CHART_PERIOD_NONE:
    default: return start + UC_USEC_PER_DAY;
    }
}

/* Whether the data covers only part of the period starting at @start
 * (its last day is the one before the next period's start). */
gboolean
uc_chart_spec_period_is_partial (UcChartSpec *self,
                                 UcTime       start)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  if (self->period == UC_CHART_PERIOD_NONE || self->covered_to <= self->covered_from)
    return FALSE;
  return start < self->covered_from || uc_chart_period_end (start, self->period) - UC_USEC_PER_DAY > self->covered_to;
}

/* The day the values are rebased on or are a change since (a view's
 * "rebase", a transform's base day), or 0 when they are as they are. */
UcTime
uc_chart_spec_get_base (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), 0);
  return self->base;
}

void
uc_chart_spec_set_base (UcChartSpec *self,
                        UcTime       base)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->base = base;
}

gboolean
uc_chart_spec_get_log_scale (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  return self->log_scale;
}

void
uc_chart_spec_set_log_scale (UcChartSpec *self,
                             gboolean     log_scale)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->log_scale = !!log_scale;
}

void
uc_chart_spec_get_range (UcChartSpec *self,
                         UcTime      *from,
                         UcTime      *to)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  *from = self->from;
  *to = self->to;
}

void
uc_chart_spec_set_range (UcChartSpec *self,
                         UcTime       from,
                         UcTime       to)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (from < to);
  self->from = from;
  self->to = to;
}

void
uc_chart_spec_add_series (UcChartSpec *self,
                          UcSeries    *series)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (UC_IS_SERIES (series));
  g_ptr_array_add (self->series, g_object_ref (series));
}

guint
uc_chart_spec_get_n_series (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), 0);
  return self->series->len;
}

UcSeries *
uc_chart_spec_get_series (UcChartSpec *self,
                          guint        index)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);
  return g_ptr_array_index (self->series, index);
}

UcSeries *
uc_chart_spec_find_series (UcChartSpec *self,
                           const char  *id)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);

  for (guint i = 0; i < self->series->len; i++)
    if (g_strcmp0 (uc_series_get_id (g_ptr_array_index (self->series, i)), id) == 0)
      return g_ptr_array_index (self->series, i);
  return NULL;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  UcTime ta = uc_event_get_time (*(UcEvent **) a);
  UcTime tb = uc_event_get_time (*(UcEvent **) b);

  return ta < tb ? -1 : ta > tb;
}

/* Events come in date order mostly: appended as they come, and sorted
 * (stably, so equal times keep their order) once, when next read; sorting
 * after each one took minutes for a hundred thousand. */
static void
sort_events (UcChartSpec *self)
{
  if (G_LIKELY (!self->events_unsorted))
    return;
  g_ptr_array_sort (self->events, compare_events);
  self->events_unsorted = FALSE;
}

void
uc_chart_spec_add_event (UcChartSpec *self,
                         UcEvent     *event)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (UC_IS_EVENT (event));
  if (self->events->len > 0 &&
      uc_event_get_time (event) < uc_event_get_time (g_ptr_array_index (self->events, self->events->len - 1)))
    self->events_unsorted = TRUE;
  g_ptr_array_add (self->events, g_object_ref (event));
}

void
uc_chart_spec_clear_events (UcChartSpec *self)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_ptr_array_set_size (self->events, 0);
  self->events_unsorted = FALSE;
}

guint
uc_chart_spec_get_n_events (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), 0);
  return self->events->len;
}

UcEvent *
uc_chart_spec_get_event (UcChartSpec *self,
                         guint        index)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  sort_events (self);
  return g_ptr_array_index (self->events, index);
}

void
uc_chart_spec_add_provenance (UcChartSpec *self,
                              const char  *name,
                              const char  *source,
                              const char  *location,
                              const char  *date,
                              const char  *date_kind)
{
  UcProvenance p = { g_strdup (name), g_strdup (source), g_strdup (location), g_strdup (date), g_strdup (date_kind), NULL };

  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_array_append_val (self->provenance, p);
}

guint
uc_chart_spec_get_n_provenance (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), 0);
  return self->provenance->len;
}

const UcProvenance *
uc_chart_spec_get_provenance (UcChartSpec *self,
                              guint        index)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), NULL);
  g_return_val_if_fail (index < self->provenance->len, NULL);
  return &g_array_index (self->provenance, UcProvenance, index);
}

const char *
uc_value_format_to_string (UcValueFormat format)
{
  return uc_enum_to_nick (UC_TYPE_VALUE_FORMAT, format, "number");
}

const char *
uc_chart_kind_to_string (UcChartKind kind)
{
  return uc_enum_to_nick (UC_TYPE_CHART_KIND, kind, "line");
}

/* A checksum known without the input at hand: a pack's, carried over when
 * the pack is drawn again. */
void
uc_chart_spec_set_provenance_sha256 (UcChartSpec *self,
                                     guint        index,
                                     const char  *sha256)
{
  UcProvenance *p;

  g_return_if_fail (UC_IS_CHART_SPEC (self));
  g_return_if_fail (index < self->provenance->len);

  p = &g_array_index (self->provenance, UcProvenance, index);
  g_free (p->sha256);
  p->sha256 = g_strdup (sha256);
}

/* The transform its values went through (daily returns, a mean), so
 * that a pack drawn again is not transformed twice. */
UcTransform
uc_chart_spec_get_transform (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), UC_TRANSFORM_NONE);
  return self->transform;
}

void
uc_chart_spec_set_transform (UcChartSpec *self,
                             UcTransform  transform)
{
  g_return_if_fail (UC_IS_CHART_SPEC (self));
  self->transform = transform;
}

/* Whether the chart's values can be rebased or shown as change: lines of
 * values as they are (not counts, shares or an index already), on dates
 * (a base date means nothing on a number axis). */
gboolean
uc_chart_spec_can_transform (UcChartSpec *self)
{
  UcChartKind kind;
  UcValueFormat format;

  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  kind = uc_chart_spec_get_kind (self);
  format = uc_chart_spec_get_value_format (self);
  return (kind == UC_CHART_LINE || kind == UC_CHART_STEP || (kind == UC_CHART_AREA && !uc_chart_spec_get_stacked (self))) &&
         format != UC_VALUE_INDEX && format != UC_VALUE_PERCENT && self->x_kind == UC_X_TIME;
}

/* Whether the chart has a value axis that can be logarithmic (lanes have
 * none, bars stand on zero, returns and drawdowns reach zero and below). */
gboolean
uc_chart_spec_can_be_log (UcChartSpec *self)
{
  g_return_val_if_fail (UC_IS_CHART_SPEC (self), FALSE);
  return uc_chart_spec_get_kind (self) != UC_CHART_LANES && uc_chart_spec_get_kind (self) != UC_CHART_BARS &&
         self->transform != UC_TRANSFORM_RETURNS && self->transform != UC_TRANSFORM_DRAWDOWN;
}
