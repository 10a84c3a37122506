/* uc-view-state.c: what a window shows, saved to reopen or draw again
 *
 * The state itself and its file: written in one order, pretty-printed,
 * with the members that say something (a chart's own picks, no filter,
 * no events are left out), so the same state always writes the same
 * bytes. Reading is in uc-view-state-parse.c, the link in
 * uc-view-state-link.c, the charts in uc-view-state-charts.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view-state.h"
#include "uc-view-state-private.h"

#include <string.h>

#include "uc-enum.h"
#include "uc-event.h"
#include "uc-json-writer.h"
#include "uc-parse.h"
#include "uc-safe-file.h"
#include "uc-user-events.h"

G_DEFINE_QUARK (uc-view-state-error-quark, uc_view_state_error)

UcViewState *
uc_view_state_new (void)
{
  UcViewState *self = g_new0 (UcViewState, 1);

  self->value_mode = UC_VALUE_MODE_AS_IS;
  self->log_scale = -1;
  self->transform = UC_TRANSFORM_NONE;
  self->picked = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->hidden = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  return self;
}

void
uc_view_state_free (UcViewState *self)
{
  if (self == NULL)
    return;
  g_free (self->view);
  g_free (self->variant);
  g_strfreev (self->datasets);
  g_free (self->filter);
  g_clear_pointer (&self->picked, g_ptr_array_unref);
  g_clear_pointer (&self->hidden, g_ptr_array_unref);
  g_clear_object (&self->events);
  g_free (self->events_name);
  g_free (self);
}

/* Element @chart of @lists set to a copy of @ids (NULL when empty), the
 * array grown with NULLs to reach it. */
static void
set_list (GPtrArray          *lists,
          guint               chart,
          const char * const *ids)
{
  if (lists->len <= chart)
    {
      if (ids == NULL || ids[0] == NULL)
        return;
      g_ptr_array_set_size (lists, chart + 1);
    }
  g_strfreev (g_ptr_array_index (lists, chart));
  g_ptr_array_index (lists, chart) = ids && ids[0] ? g_strdupv ((char **) ids) : NULL;
}

static const char * const *
get_list (GPtrArray *lists,
          guint      chart)
{
  return lists && chart < lists->len ? g_ptr_array_index (lists, chart) : NULL;
}

void
uc_view_state_set_picked (UcViewState        *self,
                          guint               chart,
                          const char * const *ids)
{
  g_return_if_fail (self != NULL);
  set_list (self->picked, chart, ids);
}

const char * const *
uc_view_state_get_picked (const UcViewState *self,
                          guint              chart)
{
  g_return_val_if_fail (self != NULL, NULL);
  return get_list (self->picked, chart);
}

void
uc_view_state_set_hidden (UcViewState        *self,
                          guint               chart,
                          const char * const *ids)
{
  g_return_if_fail (self != NULL);
  set_list (self->hidden, chart, ids);
}

const char * const *
uc_view_state_get_hidden (const UcViewState *self,
                          guint              chart)
{
  g_return_val_if_fail (self != NULL, NULL);
  return get_list (self->hidden, chart);
}

/* How many charts say something of their own: past that, every chart
 * is the view's own. */
guint
uc_view_state_get_n_charts (const UcViewState *self)
{
  guint n = MAX (self->picked ? self->picked->len : 0, self->hidden ? self->hidden->len : 0);

  while (n > 0 && get_list (self->picked, n - 1) == NULL && get_list (self->hidden, n - 1) == NULL)
    n--;
  return n;
}

/* A date, or a date and time (2025-01-27T14:30:00Z), of the years a
 * date is written in (0000 to 9999). */
gboolean
uc_view_state_parse_time (const char *text,
                          UcTime     *out)
{
  gsize len = text ? strlen (text) : 0;
  UcTime t;
  int y, m, d;

  if (text == NULL || !(uc_time_parse_date (text, len, &t) || uc_parse_date (text, len, UC_DATE_ISO_DATETIME, &t)))
    return FALSE;
  uc_time_to_ymd (t, &y, &m, &d);
  if (y < 0 || y > 9999)
    return FALSE;
  *out = t;
  return TRUE;
}

/* A day as 2025-01-27, a time that is not midnight as
 * 2025-01-27T14:30:00Z (with its microseconds when it has any). */
char *
uc_view_state_format_time (UcTime t)
{
  int y, m, d;
  gint64 usecs, secs;

  uc_time_to_ymd (t, &y, &m, &d);
  usecs = t - uc_time_from_ymd (y, m, d);
  secs = usecs / G_USEC_PER_SEC;
  if (usecs == 0)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  if (usecs % G_USEC_PER_SEC == 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int) (secs / 3600), (int) (secs / 60 % 60),
                            (int) (secs % 60));
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", y, m, d, (int) (secs / 3600), (int) (secs / 60 % 60),
                          (int) (secs % 60), (int) (usecs % G_USEC_PER_SEC));
}

gboolean
uc_view_state_category_bits (const char * const  *names,
                             guint               *bits,
                             const char         **bad)
{
  *bits = 0;
  for (guint i = 0; names && names[i]; i++)
    {
      int value;

      if (!uc_enum_from_nick (UC_TYPE_EVENT_CATEGORY, names[i], &value) || value < 0 || value >= 32)
        {
          *bad = names[i];
          return FALSE;
        }
      *bits |= 1u << value;
    }
  return TRUE;
}

char **
uc_view_state_category_names (guint bits)
{
  g_autoptr(GEnumClass) categories = g_type_class_ref (UC_TYPE_EVENT_CATEGORY);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  for (guint i = 0; i < categories->n_values; i++)
    if (categories->values[i].value >= 0 && categories->values[i].value < 32 &&
        (bits & (1u << categories->values[i].value)))
      g_strv_builder_add (names, categories->values[i].value_nick);
  return g_strv_builder_end (names);
}

gboolean
uc_view_state_refuse (GError     **error,
                      int          code,
                      const char  *where,
                      const char  *part,
                      const char  *format,
                      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (where == NULL)
    /* Translators: a part of an Undercut link (“from”, “view”…), then what is wrong with it. */
    g_set_error (error, UC_VIEW_STATE_ERROR, code, _("the link's “%s”: %s"), part, what);
  else
    g_set_error (error, UC_VIEW_STATE_ERROR, code, "%s“%s”: %s", where, part, what);
  return FALSE;
}

static void
write_time (UcJsonWriter *w,
            const char   *key,
            UcTime        t)
{
  g_autofree char *text = uc_view_state_format_time (t);

  uc_json_key (w, key);
  uc_json_string (w, text);
}

static void
write_strings (UcJsonWriter       *w,
               const char         *key,
               const char * const *strings)
{
  uc_json_key (w, key);
  uc_json_begin_array (w);
  for (guint i = 0; strings && strings[i]; i++)
    uc_json_string (w, strings[i]);
  uc_json_end_array (w);
}

static void
write_charts (UcJsonWriter      *w,
              const UcViewState *self)
{
  guint n = uc_view_state_get_n_charts (self);

  if (n == 0)
    return;
  uc_json_key (w, "charts");
  uc_json_begin_array (w);
  for (guint c = 0; c < n; c++)
    {
      uc_json_begin_object (w);
      if (get_list (self->picked, c))
        write_strings (w, "picked", get_list (self->picked, c));
      if (get_list (self->hidden, c))
        write_strings (w, "hidden", get_list (self->hidden, c));
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
}

static void
write_optional (UcJsonWriter *w,
                const char   *key,
                const char   *text)
{
  if (text == NULL)
    return;
  uc_json_key (w, key);
  uc_json_string (w, text);
}

static void
write_events (UcJsonWriter      *w,
              const UcViewState *self)
{
  g_autoptr(GPtrArray) list = uc_user_events_list (self->events);

  if (list->len == 0)
    return;
  uc_json_key (w, "events");
  uc_json_begin_array (w);
  for (guint i = 0; i < list->len; i++)
    {
      UcEvent *event = g_ptr_array_index (list, i);

      uc_json_begin_object (w);
      write_time (w, "date", uc_event_get_time (event));
      if (uc_event_get_end (event) > uc_event_get_time (event))
        write_time (w, "end", uc_event_get_end (event));
      write_optional (w, "title", uc_event_get_title (event));
      write_optional (w, "description", uc_event_get_description (event));
      write_optional (w, "category", uc_event_get_tag (event));
      write_optional (w, "url", uc_event_get_source_url (event));
      uc_json_end_object (w);
    }
  uc_json_end_array (w);
  write_optional (w, "events-name", self->events_name);
}

/* What the reader shows: modes, axis, transform, events left out. */
static void
write_reading (UcJsonWriter      *w,
               const UcViewState *self)
{
  if (self->has_range)
    {
      uc_json_key (w, "range");
      uc_json_begin_object (w);
      write_time (w, "from", self->from);
      write_time (w, "to", self->to);
      uc_json_end_object (w);
    }
  if (self->base != 0)
    write_time (w, "base", self->base);
  uc_json_key (w, "value-mode");
  uc_json_string (w, uc_enum_to_nick (UC_TYPE_VALUE_MODE, self->value_mode, "as-is"));
  if (self->log_scale >= 0)
    {
      uc_json_key (w, "log");
      uc_json_bool (w, self->log_scale > 0);
    }
  uc_json_key (w, "transform");
  uc_json_string (w, uc_enum_to_nick (UC_TYPE_TRANSFORM, self->transform, "none"));
  if (self->filter && *self->filter)
    write_optional (w, "filter", self->filter);
  if (self->hidden_categories != 0)
    {
      g_auto(GStrv) names = uc_view_state_category_names (self->hidden_categories);

      write_strings (w, "hidden-categories", (const char * const *) names);
    }
}

/* The state as its file: the same state, the same bytes. */
GBytes *
uc_view_state_to_json (const UcViewState *self)
{
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (TRUE);
  g_autofree char *body = NULL;
  char *text;

  g_return_val_if_fail (self != NULL, NULL);
  uc_json_begin_object (w);
  uc_json_key (w, "format");
  uc_json_string (w, UC_VIEW_STATE_FORMAT);
  uc_json_key (w, "version");
  uc_json_int (w, UC_VIEW_STATE_VERSION);
  write_optional (w, "view", self->view);
  write_optional (w, "variant", self->variant);
  if (self->datasets)
    write_strings (w, "datasets", (const char * const *) self->datasets);
  write_reading (w, self);
  write_charts (w, self);
  write_events (w, self);
  uc_json_end_object (w);
  body = uc_json_writer_steal (w);
  text = g_strconcat (body, "\n", NULL);
  return g_bytes_new_take (text, strlen (text));
}

/* Written whole beside @path, then renamed over it. */
gboolean
uc_view_state_save (const UcViewState  *self,
                    const char         *path,
                    GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);
  bytes = uc_view_state_to_json (self);
  data = g_bytes_get_data (bytes, &length);
  return uc_safe_file_set_contents (path, NULL, data, length, error);
}
