/* uc-remote-frames.c: a chart of a ClickHouse table, asked again per frame
 *
 * The view's own data is the table at a few thousand columns over its
 * whole span (UcClickhouseSource). Whenever the chart's plot shows another
 * stretch of time or another width, the table is asked for that stretch at
 * the plot's own pixel columns, on a worker, and the answer replaces the
 * rows in that stretch: so a zoom into a billion rows draws every row
 * once few are left, and M4 columns, pixel-exact, before.
 *
 * The window never waits: until an answer comes the chart draws what it
 * has (the last frame, the overview around it); one query runs at a time,
 * and a newer stretch cancels it. Answers are kept by stretch and width,
 * so zooming back out shows a frame at once.
 */
#include "config.h"

#include "uc-remote-frames.h"

#include <glib/gi18n.h>
#include <math.h>

#include "uc-chart-theme.h"
#include "uc-format.h"

#define MAX_KEPT 48
/* A query still out after this long is said in the status line. */
#define BUSY_HINT_MS 150
/* The same stretch asked again (the plot moved because the values' labels
 * did) at most this many times. */
#define MAX_REASKS 2
/* An export's questions, in seconds. */
#define EXPORT_TIMEOUT 10

typedef struct
{
  UcTime from, to;
  UcClickhouseGrid grid;
  /* The day values are rebased on (0: none, or the first day shown): its
   * row is asked too, wherever it is, so the base is the table's own row
   * there, not a column's extreme drawn before it. */
  UcTime base;
} Key;

/* A series' row at or before the base day. */
typedef struct
{
  gboolean found;
  UcTime   x;
  double   y;
} Row;

typedef struct
{
  Key        key;
  GPtrArray *frames;   /* UcSeries, one per group (NULL: a group not charted) */
  GArray    *base_rows;   /* Row, one per group */
  UcClickhouseStats stats;
  gint64     rows;
  double     ms;
} Frame;

struct _UcRemoteFrames
{
  GObject             parent_instance;

  GtkWidget          *chart;   /* weak */
  UcClickhouseSource *source;
  UcClickhouse       *connection;
  GPtrArray          *connections;   /* one per series of base, for queries side by side */
  GPtrArray          *point_connections;   /* ...and for the crosshair's, beside the frames' */
  GCancellable       *pointing;      /* the crosshair's values being asked */
  UcTime              point_time;    /* ...at this time */
  gboolean            has_point;
  UcChartSpec        *base;      /* the view's spec: the overview */
  UcChartSpec        *applied;   /* the last spec this set */
  GStrv               groups;    /* per series of base: its group, or "" */

  GHashTable         *kept;      /* Key → Frame */
  GQueue              order;     /* the keys kept, oldest first */
  Key                 shown, asked, queued;
  Key                 wanted;    /* the plot's stretch and columns last seen */
  gboolean            has_shown, has_asked, has_queued;
  Key                 last_range;
  guint               reasks;
  GCancellable       *inflight;
  gint64              asked_at;
  guint               hint;

  char               *status;
  gboolean            busy, failed;
  guint               n_fetched, n_shown;
};

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcRemoteFrames, uc_remote_frames, G_TYPE_OBJECT)

static guint
key_hash (gconstpointer p)
{
  const Key *k = p;

  return g_int64_hash (&k->from) ^ (g_int64_hash (&k->to) * 31) ^ (guint) k->grid.n_edges ^
         g_double_hash (&k->grid.width) ^ g_int64_hash (&k->grid.from) ^ g_int64_hash (&k->base);
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->from == y->from && x->to == y->to && x->grid.from == y->grid.from && x->grid.span == y->grid.span &&
         x->grid.width == y->grid.width && x->grid.n_edges == y->grid.n_edges && x->base == y->base;
}

/* The same stretch, width and base, maybe other columns: a plot that
 * moved because a frame's labels did. */
static gboolean
same_place (const Key *a,
            const Key *b)
{
  return a->from == b->from && a->to == b->to && a->grid.width == b->grid.width && a->base == b->base;
}

static void
frame_free (Frame *frame)
{
  g_ptr_array_unref (frame->frames);
  g_array_unref (frame->base_rows);
  g_free (frame);
}

static void
set_status (UcRemoteFrames *self,
            const char     *status,
            gboolean        busy,
            gboolean        failed)
{
  self->failed = failed;
  if (g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (busy != self->busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

/* @base's series @s with the frame's points in place of its own between
 * the frame's first and last, and the base day's row among them. */
static UcSeries *
merge (UcSeries   *base,
       UcSeries   *frame,
       const Row  *base_row)
{
  guint n = uc_series_get_length (base), m = uc_series_get_length (frame);
  const UcTime *bx = uc_series_get_x (base), *fx = uc_series_get_x (frame);
  const double *by = uc_series_get_y (base), *fy = uc_series_get_y (frame);
  UcSeries *merged = uc_series_new (uc_series_get_id (base), uc_series_get_label (base));
  guint i = 0;

  uc_series_copy_style (merged, base);
  uc_series_set_decimated (merged, uc_series_get_decimated (frame));
  uc_series_reserve (merged, n + m + 1);
  for (; i < n && (m == 0 || bx[i] < fx[0]); i++)
    uc_series_append (merged, bx[i], by[i]);
  for (guint j = 0; j < m; j++)
    uc_series_append (merged, fx[j], fy[j]);
  for (; m > 0 && i < n && bx[i] <= fx[m - 1]; i++)
    ;
  for (; i < n; i++)
    uc_series_append (merged, bx[i], by[i]);
  if (base_row->found)
    uc_series_insert (merged, base_row->x, base_row->y);
  return merged;
}

/* The view's spec with @frame's rows in place of its own in the frame's
 * stretch, the series the user hid hidden. */
static UcChartSpec *
frame_spec (UcRemoteFrames *self,
            Frame          *frame)
{
  UcChartSpec *now = uc_chart_view_get_spec (UC_CHART_VIEW (self->chart));
  UcChartSpec *spec = uc_chart_spec_copy_without_series (self->base);
  UcTime from, to;

  for (guint s = 0; s < uc_chart_spec_get_n_series (self->base); s++)
    {
      UcSeries *base = uc_chart_spec_get_series (self->base, s);
      UcSeries *part = s < frame->frames->len ? g_ptr_array_index (frame->frames, s) : NULL;
      static const Row none = { FALSE, 0, 0 };
      const Row *row = s < frame->base_rows->len ? &g_array_index (frame->base_rows, Row, s) : &none;
      g_autoptr(UcSeries) merged = part ? merge (base, part, row) : g_object_ref (base);

      /* What the user hid stays hidden. */
      if (now && s < uc_chart_spec_get_n_series (now))
        uc_series_set_hidden (merged, uc_series_get_hidden (uc_chart_spec_get_series (now, s)));
      uc_chart_spec_add_series (spec, merged);
    }
  uc_chart_spec_get_range (self->base, &from, &to);
  uc_chart_spec_set_range (spec, from, to);
  return spec;
}

static void
show_frame (UcRemoteFrames *self,
            Frame          *frame)
{
  UcChartView *chart = UC_CHART_VIEW (self->chart);
  g_autoptr(UcChartSpec) spec = frame_spec (self, frame);
  g_autofree char *rows = NULL, *kb = NULL, *status = NULL;

  g_set_object (&self->applied, spec);
  self->shown = frame->key;
  self->has_shown = TRUE;
  self->n_shown++;
  uc_chart_view_set_frame_spec (chart, spec);
  {
    g_autoptr(GString) grouped = g_string_new (NULL);
    g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, frame->rows);

    uc_format_append_grouped (grouped, digits);
    rows = g_string_free (g_steal_pointer (&grouped), FALSE);
  }
  kb = g_format_size (frame->stats.bytes);
  status = frame->stats.decimated
           /* Translators: rows in the table's stretch shown, the bytes read, the milliseconds taken */
           ? g_strdup_printf (_("%s rows in view, as first, lowest, highest and last per pixel column · %s in %.0f ms"),
                              rows, kb, frame->ms)
           /* Translators: rows in the table's stretch shown, the bytes read, the milliseconds taken */
           : g_strdup_printf (_("%s rows in view, every one drawn · %s in %.0f ms"), rows, kb, frame->ms);
  set_status (self, status, FALSE, FALSE);
}

/* One series of a frame, asked on its own connection, side by side with
 * the others: a step takes the slowest series' time, not their sum. */
typedef struct
{
  UcClickhouse      *connection;
  const char        *group;   /* NULL: the whole table */
  const Key         *key;
  GCancellable      *cancellable;
  UcSeries          *series;
  Row                base_row;
  UcClickhouseStats  stats;
  GError            *error;
} Part;

typedef struct
{
  GPtrArray *connections;   /* one per group */
  GStrv      groups;
  Key        key;
} Ask;

static void
ask_free (Ask *ask)
{
  g_ptr_array_unref (ask->connections);
  g_strfreev (ask->groups);
  g_free (ask);
}

static gpointer
fetch_part (gpointer data)
{
  Part *part = data;

  part->series = uc_clickhouse_fetch_frame (part->connection, part->group, part->key->from, part->key->to,
                                            &part->key->grid, &part->stats, part->cancellable, &part->error);
  if (part->series && part->key->base != 0 &&
      !uc_clickhouse_fetch_point (part->connection, part->group, part->key->base, &part->base_row.found,
                                  &part->base_row.x, &part->base_row.y, part->cancellable, &part->error))
    g_clear_object (&part->series);
  return NULL;
}

/* A frame of every group at @key, each on its connection of
 * @connections, side by side; blocking. */
static Frame *
fetch_frames (GPtrArray     *connections,
              GStrv          groups,
              const Key     *key,
              GCancellable  *cancellable,
              GError       **error)
{
  guint n = g_strv_length (groups);
  g_autofree Part *parts = g_new0 (Part, MAX (n, 1));
  Frame *frame = g_new0 (Frame, 1);
  gint64 start = g_get_monotonic_time ();
  GError *failed = NULL;

  frame->key = *key;
  frame->frames = g_ptr_array_new_with_free_func (g_object_unref);
  frame->base_rows = g_array_sized_new (FALSE, TRUE, sizeof (Row), n);
  for (guint g = 0; g < n; g++)
    parts[g] = (Part) { g_ptr_array_index (connections, g), *groups[g] ? groups[g] : NULL, key, cancellable, NULL,
                        { 0 }, { 0 }, NULL };
  uc_clickhouse_run_side_by_side (fetch_part, parts, sizeof *parts, n);
  for (guint g = 0; g < n; g++)
    {
      if (parts[g].series == NULL && failed == NULL)
        failed = g_steal_pointer (&parts[g].error);
      g_clear_error (&parts[g].error);
      if (parts[g].series)
        g_ptr_array_add (frame->frames, parts[g].series);
      g_array_append_val (frame->base_rows, parts[g].base_row);
      frame->stats.bytes += parts[g].stats.bytes;
      frame->stats.queries += parts[g].stats.queries;
      frame->stats.decimated |= parts[g].stats.decimated;
      frame->rows += parts[g].stats.rows;
    }
  if (failed)
    {
      frame_free (frame);
      g_propagate_error (error, failed);
      return NULL;
    }
  frame->ms = (g_get_monotonic_time () - start) / 1000.0;
  return frame;
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      data,
              GCancellable *cancellable)
{
  Ask *ask = data;
  GError *error = NULL;
  Frame *frame = fetch_frames (ask->connections, ask->groups, &ask->key, cancellable, &error);

  if (frame)
    g_task_return_pointer (task, frame, (GDestroyNotify) frame_free);
  else
    g_task_return_error (task, error);
}

static void ask (UcRemoteFrames *self, const Key *key);
static void on_crosshair (UcRemoteFrames *self);

/* @frame (taken) among the frames kept, the oldest going past MAX_KEPT;
 * the one kept for its stretch and width. */
static Frame *
keep (UcRemoteFrames *self,
      Frame          *frame)
{
  Frame *had = g_hash_table_lookup (self->kept, &frame->key);

  if (had)
    {
      frame_free (frame);
      return had;
    }
  if (g_queue_get_length (&self->order) >= MAX_KEPT)
    g_hash_table_remove (self->kept, g_queue_pop_head (&self->order));
  g_hash_table_insert (self->kept, &frame->key, frame);
  g_queue_push_tail (&self->order, &frame->key);
  return frame;
}

static void
on_fetched (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(UcRemoteFrames) self = user_data;
  g_autoptr(GError) error = NULL;
  Frame *frame = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_object (&self->inflight);
  g_clear_handle_id (&self->hint, g_source_remove);
  self->has_asked = FALSE;
  if (self->chart == NULL)
    {
      g_clear_pointer (&frame, frame_free);
      return;
    }
  if (frame)
    {
      g_debug ("frame of %" G_GINT64_FORMAT " s at %.0f columns: %" G_GINT64_FORMAT " rows, %s, %" G_GSIZE_FORMAT
               " bytes in %u queries, %.1f ms", (frame->key.to - frame->key.from) / G_USEC_PER_SEC, frame->key.grid.width,
               frame->rows, frame->stats.decimated ? "M4" : "rows", frame->stats.bytes, frame->stats.queries, frame->ms);
      self->n_fetched++;
      frame = keep (self, frame);
      /* Not a stretch left since (another shown from what was kept). */
      if (!self->has_queued && key_equal (&frame->key, &self->wanted))
        show_frame (self, frame);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is the error, naming the server */
      g_autofree char *status = g_strdup_printf (_("%s. The chart shows the last frame read."), error->message);

      set_status (self, status, FALSE, TRUE);
    }
  if (self->has_queued)
    {
      Key next = self->queued;

      self->has_queued = FALSE;
      ask (self, &next);
    }
}

static gboolean
show_busy (gpointer data)
{
  UcRemoteFrames *self = data;

  self->hint = 0;
  set_status (self, _("Asking the server for this stretch…"), TRUE, FALSE);
  return G_SOURCE_REMOVE;
}

/* One query at a time: a newer stretch cancels the one out and waits
 * for it to end. */
static void
ask (UcRemoteFrames *self,
     const Key      *key)
{
  g_autoptr(GTask) task = NULL;
  Ask *data;

  if (self->inflight)
    {
      self->queued = *key;
      self->has_queued = TRUE;
      g_cancellable_cancel (self->inflight);
      return;
    }
  data = g_new0 (Ask, 1);
  data->connections = g_ptr_array_ref (self->connections);
  data->groups = g_strdupv (self->groups);
  data->key = *key;
  self->asked = *key;
  self->has_asked = TRUE;
  self->inflight = g_cancellable_new ();
  self->asked_at = g_get_monotonic_time ();
  if (self->hint == 0)
    self->hint = g_timeout_add (BUSY_HINT_MS, show_busy, self);
  task = g_task_new (NULL, self->inflight, on_fetched, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) ask_free);
  g_task_run_in_thread (task, fetch_thread);
}

/* The view changed the chart's spec (another variant, a filter): the new
 * one is the base, its series in its order. */
static void
take_base (UcRemoteFrames *self,
           UcChartSpec    *spec)
{
  g_autoptr(GStrvBuilder) groups = g_strv_builder_new ();

  g_set_object (&self->base, spec);
  for (guint s = 0; s < uc_chart_spec_get_n_series (spec); s++)
    {
      const char *group = uc_clickhouse_source_group_of (self->source, uc_series_get_id (uc_chart_spec_get_series (spec, s)));

      g_strv_builder_add (groups, group ? group : "");
    }
  g_strfreev (self->groups);
  self->groups = g_strv_builder_end (groups);
  /* Kept from frame to frame: each knows its table's rollups by then. */
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_pointer (&self->point_connections, g_ptr_array_unref);
  self->connections = g_ptr_array_new_with_free_func (g_object_unref);
  self->point_connections = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint s = 0; self->groups[s]; s++)
    {
      /* Not the source's own: a reload of the view uses that one. */
      g_ptr_array_add (self->connections, uc_clickhouse_dup (self->connection));
      g_ptr_array_add (self->point_connections, uc_clickhouse_dup (self->connection));
    }
  self->has_point = FALSE;
  self->has_shown = FALSE;
  g_hash_table_remove_all (self->kept);
  g_queue_clear (&self->order);
}

typedef struct
{
  UcClickhouse *connection;
  const char   *group;
  UcTime        t;
  GCancellable *cancellable;
  double        value;
  GError       *error;
} PointPart;

typedef struct
{
  GPtrArray *connections;
  GStrv      groups;
  UcTime     t;
} PointAsk;

static void
point_ask_free (PointAsk *ask)
{
  g_ptr_array_unref (ask->connections);
  g_strfreev (ask->groups);
  g_free (ask);
}

static gpointer
fetch_point_part (gpointer data)
{
  PointPart *part = data;
  gboolean found = FALSE;
  UcTime x;

  part->value = NAN;
  if (uc_clickhouse_fetch_point (part->connection, part->group, part->t, &found, &x, &part->value, part->cancellable,
                                 &part->error) && !found)
    part->value = NAN;
  return NULL;
}

static void
point_thread (GTask        *task,
              gpointer      source_object,
              gpointer      data,
              GCancellable *cancellable)
{
  PointAsk *ask = data;
  guint n = g_strv_length (ask->groups);
  g_autofree PointPart *parts = g_new0 (PointPart, MAX (n, 1));
  GArray *values = g_array_sized_new (FALSE, FALSE, sizeof (double), n);
  GError *error = NULL;

  for (guint g = 0; g < n; g++)
    parts[g] = (PointPart) { g_ptr_array_index (ask->connections, g), *ask->groups[g] ? ask->groups[g] : NULL, ask->t,
                             cancellable, NAN, NULL };
  uc_clickhouse_run_side_by_side (fetch_point_part, parts, sizeof *parts, n);
  for (guint g = 0; g < n; g++)
    {
      if (parts[g].error && error == NULL)
        error = g_steal_pointer (&parts[g].error);
      g_clear_error (&parts[g].error);
      g_array_append_val (values, parts[g].value);
    }
  if (error)
    {
      g_array_unref (values);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, values, (GDestroyNotify) g_array_unref);
}

static void
on_point (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(UcRemoteFrames) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = g_task_propagate_pointer (G_TASK (result), &error);
  PointAsk *ask = g_task_get_task_data (G_TASK (result));

  g_clear_object (&self->pointing);
  /* A failure is said by the next frame's; the card keeps the drawn points. */
  if (values && self->chart)
    uc_chart_view_set_exact_values (UC_CHART_VIEW (self->chart), ask->t, (const double *) values->data, values->len);
  /* The crosshair moved on meanwhile: where it is now. */
  on_crosshair (self);
}

/* The crosshair moved to @t: each series' row at or before it, asked
 * when no other such question is out (its answer asks for where the
 * crosshair is by then). */
static void
ask_point (UcRemoteFrames *self,
           UcTime          t)
{
  g_autoptr(GTask) task = NULL;
  PointAsk *data;

  if (self->pointing || (self->has_point && self->point_time == t) || self->point_connections == NULL)
    return;
  data = g_new0 (PointAsk, 1);
  data->connections = g_ptr_array_ref (self->point_connections);
  data->groups = g_strdupv (self->groups);
  data->t = t;
  self->point_time = t;
  self->has_point = TRUE;
  self->pointing = g_cancellable_new ();
  task = g_task_new (NULL, self->pointing, on_point, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) point_ask_free);
  g_task_run_in_thread (task, point_thread);
}

static void
on_crosshair (UcRemoteFrames *self)
{
  UcTime t;

  if (self->chart && uc_chart_view_get_crosshair (UC_CHART_VIEW (self->chart), &t))
    ask_point (self, t);
}

/* The day @chart's values are rebased on, or shown as change since; 0
 * for none or the first day shown (whose row is the frame's neighbour). */
static UcTime
base_day (UcChartView *chart)
{
  const UcChartOptions *o = uc_chart_view_get_options (chart);

  return o->value_mode != UC_VALUE_MODE_AS_IS ? o->base : 0;
}

/* The chart drawn anew: the plot on screen,
 * compared with the frame shown. */
static void
on_drawn (UcRemoteFrames *self)
{
  GtkWidget *widget = self->chart;
  UcChartView *chart = UC_CHART_VIEW (widget);
  UcChartSpec *spec = uc_chart_view_get_spec (chart);
  UcChartLayout layout;
  UcTime cross;
  Frame *kept;
  Key key = { 0 };

  if (spec == NULL || !uc_chart_view_get_layout (chart, &layout) || layout.width < 2 || layout.to <= layout.from)
    return;
  /* The view set its own spec again (a filter, a variant): a new one is
   * the base; the same one needs the frame put back in it. */
  if (spec != self->applied && spec != self->base)
    take_base (self, spec);
  else if (spec != self->applied)
    self->has_shown = FALSE;
  if (uc_chart_view_get_crosshair (chart, &cross))
    ask_point (self, cross);
  key.from = layout.from;
  key.to = layout.to;
  key.base = base_day (chart);
  uc_chart_layout_get_column_grid (&layout, gtk_widget_get_scale_factor (widget), &key.grid.from, &key.grid.span,
                                   &key.grid.width, &key.grid.n_edges);
  self->wanted = key;
  if ((self->has_shown && key_equal (&key, &self->shown)) || (self->has_asked && key_equal (&key, &self->asked)) ||
      (self->has_queued && key_equal (&key, &self->queued)))
    return;
  /* A frame can move the plot (its values' labels are wider): asked again
   * for the new columns, but not without end. */
  if (same_place (&self->last_range, &key) && ++self->reasks > MAX_REASKS)
    return;
  if (!same_place (&self->last_range, &key))
    self->reasks = 0;
  self->last_range = key;
  if ((kept = g_hash_table_lookup (self->kept, &key)) != NULL)
    {
      self->has_queued = FALSE;
      if (self->inflight)
        g_cancellable_cancel (self->inflight);
      show_frame (self, kept);
      return;
    }
  ask (self, &key);
}

static void
uc_remote_frames_dispose (GObject *object)
{
  UcRemoteFrames *self = UC_REMOTE_FRAMES (object);

  if (self->chart)
    {
      g_signal_handlers_disconnect_by_data (self->chart, self);
      g_object_remove_weak_pointer (G_OBJECT (self->chart), (gpointer *) &self->chart);
      self->chart = NULL;
    }
  if (self->inflight)
    g_cancellable_cancel (self->inflight);
  if (self->pointing)
    g_cancellable_cancel (self->pointing);
  g_clear_object (&self->inflight);
  g_clear_object (&self->pointing);
  g_clear_handle_id (&self->hint, g_source_remove);
  G_OBJECT_CLASS (uc_remote_frames_parent_class)->dispose (object);
}

static void
uc_remote_frames_finalize (GObject *object)
{
  UcRemoteFrames *self = UC_REMOTE_FRAMES (object);

  g_clear_object (&self->source);
  g_clear_object (&self->connection);
  g_clear_pointer (&self->connections, g_ptr_array_unref);
  g_clear_pointer (&self->point_connections, g_ptr_array_unref);
  g_clear_object (&self->base);
  g_clear_object (&self->applied);
  g_strfreev (self->groups);
  g_hash_table_unref (self->kept);
  g_queue_clear (&self->order);
  g_free (self->status);
  G_OBJECT_CLASS (uc_remote_frames_parent_class)->finalize (object);
}

static void
uc_remote_frames_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  UcRemoteFrames *self = UC_REMOTE_FRAMES (object);

  switch (prop_id)
    {
    case PROP_STATUS: g_value_set_string (value, self->status); break;
    case PROP_BUSY: g_value_set_boolean (value, self->busy); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_remote_frames_class_init (UcRemoteFramesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = uc_remote_frames_dispose;
  object_class->finalize = uc_remote_frames_finalize;
  object_class->get_property = uc_remote_frames_get_property;
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
uc_remote_frames_init (UcRemoteFrames *self)
{
  self->kept = g_hash_table_new_full (key_hash, key_equal, NULL, (GDestroyNotify) frame_free);
  g_queue_init (&self->order);
}

/* Asks @source's table for every frame @chart draws of it, from now on
 * until this goes or the chart does. */
UcRemoteFrames *
uc_remote_frames_new (UcChartView        *chart,
                      UcClickhouseSource *source)
{
  UcRemoteFrames *self;

  g_return_val_if_fail (UC_IS_CHART_VIEW (chart), NULL);
  g_return_val_if_fail (UC_IS_CLICKHOUSE_SOURCE (source), NULL);
  self = g_object_new (UC_TYPE_REMOTE_FRAMES, NULL);
  self->chart = GTK_WIDGET (chart);
  g_object_add_weak_pointer (G_OBJECT (chart), (gpointer *) &self->chart);
  self->source = g_object_ref (source);
  self->connection = g_object_ref (uc_clickhouse_source_get_connection (source));
  if (uc_chart_view_get_spec (chart))
    take_base (self, uc_chart_view_get_spec (chart));
  g_signal_connect_swapped (self->chart, "drawn", G_CALLBACK (on_drawn), self);
  /* A crosshair moves without drawing the chart anew; it tells the link. */
  if (uc_chart_view_get_crosshair_link (chart))
    g_signal_connect_object (uc_chart_view_get_crosshair_link (chart), "notify::day", G_CALLBACK (on_crosshair), self,
                             G_CONNECT_SWAPPED);
  return self;
}

/* The chart as an export of @width × @height at @scale draws it (drawn
 * as @options say), its frame asked again at the export's own pixel
 * columns, so a 300 dpi PNG has every column's extremes; the view's
 * options applied as on screen. Blocking: an export waits for it. */
UcChartSpec *
uc_remote_frames_refine (UcRemoteFrames            *self,
                         UcChartSpec               *shown,
                         int                        width,
                         int                        height,
                         double                     scale,
                         const UcChartDrawOptions  *options,
                         GError                   **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  UcChartLayout layout;
  g_autoptr(GPtrArray) connections = NULL;
  g_autoptr(UcChartSpec) raw = NULL;
  Frame *frame;
  Key key = { 0 };

  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), NULL);
  if (self->chart == NULL || self->base == NULL || self->groups == NULL)
    return g_object_ref (shown);
  /* Laid out as the export draws it: text measured at its scale. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  uc_chart_draw_full (cr, shown, uc_chart_theme_light (), width, height, options, &layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  if (layout.width < 2 || layout.to <= layout.from)
    return g_object_ref (shown);
  key.from = layout.from;
  key.to = layout.to;
  key.base = base_day (UC_CHART_VIEW (self->chart));
  uc_chart_layout_get_column_grid (&layout, scale, &key.grid.from, &key.grid.span, &key.grid.width, &key.grid.n_edges);
  /* Connections of its own: the window's may be asking for a frame. */
  connections = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint s = 0; self->groups[s]; s++)
    {
      UcClickhouse *ch = uc_clickhouse_dup (self->connection);

      /* The window waits for it: a server that hangs is given up sooner. */
      uc_clickhouse_set_timeout (ch, EXPORT_TIMEOUT);
      g_ptr_array_add (connections, ch);
    }
  if ((frame = fetch_frames (connections, self->groups, &key, NULL, error)) == NULL)
    return NULL;
  raw = frame_spec (self, frame);
  frame_free (frame);
  return uc_chart_options_apply (uc_chart_view_get_options (UC_CHART_VIEW (self->chart)), raw, error);
}

/* What the chart shows: how many rows, read how, how fast; or what went
 * wrong. */
const char *
uc_remote_frames_get_status (UcRemoteFrames *self)
{
  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), NULL);
  return self->status;
}

gboolean
uc_remote_frames_get_busy (UcRemoteFrames *self)
{
  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), FALSE);
  return self->busy || self->inflight != NULL;
}

gboolean
uc_remote_frames_get_failed (UcRemoteFrames *self)
{
  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), FALSE);
  return self->failed;
}

guint
uc_remote_frames_get_n_fetched (UcRemoteFrames *self)
{
  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), 0);
  return self->n_fetched;
}

guint
uc_remote_frames_get_n_shown (UcRemoteFrames *self)
{
  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), 0);
  return self->n_shown;
}

/* The stretch of the frame shown, FALSE before the first. */
gboolean
uc_remote_frames_get_shown (UcRemoteFrames *self,
                            UcTime         *from,
                            UcTime         *to)
{
  g_return_val_if_fail (UC_IS_REMOTE_FRAMES (self), FALSE);
  *from = self->shown.from;
  *to = self->shown.to;
  return self->has_shown;
}
