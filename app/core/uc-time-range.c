/* uc-time-range.c: the visible stretch of time, shared by every chart of a window */
#include "uc-time-range.h"

#include <math.h>
#include <string.h>

#include "uc-parse.h"


struct _UcTimeRange
{
  GObject parent_instance;

  UcTime  lower, upper;   /* bounds: from ≥ lower, to ≤ upper */
  UcTime  from, to;
  UcTime  min_span;       /* UC_TIME_RANGE_MIN_SPAN for time; a number axis sets its own */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (UcTimeRange, uc_time_range, G_TYPE_OBJECT)

static void
uc_time_range_class_init (UcTimeRangeClass *klass)
{
  /* One signal for both ends: a zoom moves them together. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
uc_time_range_init (UcTimeRange *self)
{
  self->upper = self->to = UC_USEC_PER_DAY;
  self->min_span = UC_TIME_RANGE_MIN_SPAN;
}

UcTimeRange *
uc_time_range_new (void)
{
  return g_object_new (UC_TYPE_TIME_RANGE, NULL);
}

/* Clamps [from, to] into the bounds, keeping its span when it fits. */
static void
apply (UcTimeRange *self,
       UcTime       from,
       UcTime       to)
{
  UcTime span = to - from, bounds = self->upper - self->lower;

  span = CLAMP (span, MIN (self->min_span, bounds), bounds);
  if (to - from != span)
    {
      UcTime middle = from + (to - from) / 2;

      from = middle - span / 2;
      to = from + span;
    }
  if (from < self->lower)
    {
      from = self->lower;
      to = from + span;
    }
  if (to > self->upper)
    {
      to = self->upper;
      from = to - span;
    }
  if (from == self->from && to == self->to)
    return;
  self->from = from;
  self->to = to;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
uc_time_range_set_bounds (UcTimeRange *self,
                          UcTime       lower,
                          UcTime       upper)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  g_return_if_fail (upper > lower);

  self->lower = lower;
  self->upper = upper;
  apply (self, self->from, self->to);
}

/* The narrowest the range gets: six hours of time by default. A chart on
 * a number axis keeps a range of its own, in its scaled units, and sets
 * how far in it zooms. */
void
uc_time_range_set_min_span (UcTimeRange *self,
                            UcTime       span)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  g_return_if_fail (span > 0);

  self->min_span = span;
  apply (self, self->from, self->to);
}

void
uc_time_range_get_bounds (UcTimeRange *self,
                          UcTime      *lower,
                          UcTime      *upper)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  *lower = self->lower;
  *upper = self->upper;
}

void
uc_time_range_set (UcTimeRange *self,
                   UcTime       from,
                   UcTime       to)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  g_return_if_fail (to > from);
  apply (self, from, to);
}

void
uc_time_range_get (UcTimeRange *self,
                   UcTime      *from,
                   UcTime      *to)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  *from = self->from;
  *to = self->to;
}

/* Narrows (factor < 1) or widens the range so that @anchor stays where it
 * is on screen: the time under the pointer does not move. */
void
uc_time_range_zoom (UcTimeRange *self,
                    double       factor,
                    UcTime       anchor)
{
  double left, right;

  g_return_if_fail (UC_IS_TIME_RANGE (self));
  if (!(factor > 0) || !isfinite (factor))
    return;
  anchor = CLAMP (anchor, self->from, self->to);
  left = (double) (anchor - self->from) * factor;
  right = (double) (self->to - anchor) * factor;
  /* At the minimum span or the full bounds, a zoom changes nothing. */
  if (left + right < self->min_span && self->to - self->from <= self->min_span)
    return;
  apply (self, anchor - (UcTime) llround (left), anchor + (UcTime) llround (right));
}

void
uc_time_range_pan (UcTimeRange *self,
                   UcTime       delta)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  apply (self, self->from + delta, self->to + delta);
}

void
uc_time_range_reset (UcTimeRange *self)
{
  g_return_if_fail (UC_IS_TIME_RANGE (self));
  apply (self, self->lower, self->upper);
}

/* "2025-01-01/2025-03-31": both dates inclusive, the second after the first. */
gboolean
uc_time_range_parse (const char *text,
                     UcTime     *from,
                     UcTime     *to)
{
  const char *slash = text ? strchr (text, '/') : NULL;

  if (slash == NULL ||
      !uc_parse_date (text, slash - text, UC_DATE_ISO, from) ||
      !uc_parse_date (slash + 1, strlen (slash + 1), UC_DATE_ISO, to) || *to <= *from)
    return FALSE;
  *to += UC_USEC_PER_DAY - 1;
  return TRUE;
}
