/* uc-view-state-link.c: a view state as one line, for chats and notes
 *
 * "undercut:view/deepseek-shock?from=2025-01-02&to=2025-02-28&mode=rebased
 * &hide=market&pick0=NVDA,TSLA": the view, then only what differs from
 * its own, each value percent-encoded (the ids of a list one by one,
 * then joined by commas). Everything but the user's events, which are
 * too long for a line. Unknown parameters are left alone; a value that
 * does not read refuses the link, naming the parameter.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "uc-view-state.h"
#include "uc-view-state-private.h"

#include <stdlib.h>
#include <string.h>

#include "uc-enum.h"

static void
append_param (GString    *out,
              const char *key,
              const char *value)
{
  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_string_append_printf (out, "%c%s=%s", strchr (out->str, '?') ? '&' : '?', key, escaped);
}

static void
append_time (GString    *out,
             const char *key,
             UcTime      t)
{
  g_autofree char *text = uc_view_state_format_time (t);

  append_param (out, key, text);
}

/* Each id escaped, commas between them. */
static void
append_list (GString            *out,
             const char         *key,
             const char * const *ids)
{
  g_string_append_printf (out, "%c%s=", strchr (out->str, '?') ? '&' : '?', key);
  for (guint i = 0; ids[i]; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (ids[i], NULL, FALSE);

      g_string_append_printf (out, "%s%s", i ? "," : "", escaped);
    }
}

static void
append_charts (GString           *out,
               const UcViewState *self)
{
  guint n = uc_view_state_get_n_charts (self);

  for (guint c = 0; c < n; c++)
    {
      const char * const *picked = uc_view_state_get_picked (self, c);
      const char * const *hidden = uc_view_state_get_hidden (self, c);
      g_autofree char *pick_key = g_strdup_printf ("pick%u", c);
      g_autofree char *hidden_key = g_strdup_printf ("hidden%u", c);

      if (picked)
        append_list (out, pick_key, picked);
      if (hidden)
        append_list (out, hidden_key, hidden);
    }
}

/* The state as a link: the view, then what differs from its own. */
char *
uc_view_state_to_link (const UcViewState *self)
{
  g_autofree char *view = NULL;
  GString *out;

  g_return_val_if_fail (self != NULL && self->view != NULL, NULL);
  view = g_uri_escape_string (self->view, NULL, FALSE);
  out = g_string_new (UC_VIEW_STATE_LINK_PREFIX);
  g_string_append (out, view);
  if (self->variant)
    append_param (out, "variant", self->variant);
  if (self->has_range)
    {
      append_time (out, "from", self->from);
      append_time (out, "to", self->to);
    }
  if (self->base != 0)
    append_time (out, "base", self->base);
  if (self->value_mode != UC_VALUE_MODE_AS_IS)
    append_param (out, "mode", uc_enum_to_nick (UC_TYPE_VALUE_MODE, self->value_mode, "as-is"));
  if (self->log_scale >= 0)
    append_param (out, "log", self->log_scale ? "1" : "0");
  if (self->transform != UC_TRANSFORM_NONE)
    append_param (out, "transform", uc_enum_to_nick (UC_TYPE_TRANSFORM, self->transform, "none"));
  if (self->filter && *self->filter)
    append_param (out, "filter", self->filter);
  if (self->hidden_categories)
    {
      g_auto(GStrv) names = uc_view_state_category_names (self->hidden_categories);

      append_list (out, "hide", (const char * const *) names);
    }
  append_charts (out, self);
  return g_string_free (out, FALSE);
}

gboolean
uc_view_state_is_link (const char *text)
{
  while (text && g_ascii_isspace (*text))
    text++;
  return text && g_str_has_prefix (text, UC_VIEW_STATE_LINK_PREFIX);
}

/* "the link's “part”: what". */
#define refuse(error, part, ...) \
  uc_view_state_refuse ((error), UC_VIEW_STATE_ERROR_LINK, NULL, (part), __VA_ARGS__)

/* @text unescaped, as UTF-8 without NULs, or NULL. */
static char *
unescape (const char *text,
          const char *end)
{
  g_autofree char *out = g_uri_unescape_segment (text, end, NULL);

  if (out == NULL || !g_utf8_validate (out, -1, NULL))
    return NULL;
  return g_steal_pointer (&out);
}

/* A list of ids separated by commas, each unescaped; empty: NULL. */
static gboolean
read_list (const char  *key,
           const char  *value,
           GStrv       *out,
           GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (value, ",", -1);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; parts[i]; i++, n++)
    {
      g_autofree char *id = unescape (parts[i], NULL);

      if (id == NULL || *id == '\0')
        /* Translators: this and the link's other errors follow “the link's “part”: ”; %s is the part's value. */
        return refuse (error, key, _("an empty or unreadable id in “%s”"), value);
      if (n >= UC_VIEW_STATE_MAX_IDS)
        return refuse (error, key, g_dngettext (GETTEXT_PACKAGE, "more than %u id", "more than %u ids",
                                                UC_VIEW_STATE_MAX_IDS), UC_VIEW_STATE_MAX_IDS);
      g_strv_builder_add (ids, id);
    }
  g_strfreev (*out);
  *out = n ? g_strv_builder_end (ids) : NULL;
  return TRUE;
}

/* "pick3" and "hidden3": chart 3; FALSE for any other key. */
static gboolean
chart_key (const char *key,
           const char *prefix,
           gint64     *chart)
{
  const char *digits = key + strlen (prefix);

  if (!g_str_has_prefix (key, prefix) || *digits == '\0')
    return FALSE;
  for (const char *p = digits; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  *chart = strlen (digits) > 6 || (digits[0] == '0' && digits[1] != '\0') ? G_MAXINT64 : strtol (digits, NULL, 10);
  return TRUE;
}

/* "pickN" or "hiddenN"; any other key starting so is left alone. */
static gboolean
read_chart_param (UcViewState  *state,
                  const char   *key,
                  const char   *value,
                  GError      **error)
{
  g_auto(GStrv) ids = NULL;
  gboolean pick;
  gint64 chart;

  if (!(pick = chart_key (key, "pick", &chart)) && !chart_key (key, "hidden", &chart))
    return TRUE;
  if (chart >= UC_VIEW_STATE_MAX_CHARTS)
    return refuse (error, key, _("no chart of a view is numbered so"));
  if (!read_list (key, value, &ids, error))
    return FALSE;
  if (pick)
    uc_view_state_set_picked (state, chart, (const char * const *) ids);
  else
    uc_view_state_set_hidden (state, chart, (const char * const *) ids);
  return TRUE;
}

static gboolean
read_enum_param (const char *key,
                 const char *value,
                 GType       type,
                 int        *out,
                 GError    **error)
{
  if (!uc_enum_from_nick (type, value, out))
    /* Translators: %s is the value in the link. */
    return refuse (error, key, _("no such value: “%s”"), value);
  return TRUE;
}

static gboolean
read_time_param (const char *key,
                 const char *value,
                 UcTime     *out,
                 GError    **error)
{
  if (!uc_view_state_parse_time (value, out))
    /* Translators: %s is the value in the link. */
    return refuse (error, key, _("not a date: “%s”"), value);
  return TRUE;
}

static gboolean
read_hide (UcViewState *state,
           const char  *value,
           GError     **error)
{
  g_auto(GStrv) names = NULL;
  const char *bad;

  if (!read_list ("hide", value, &names, error))
    return FALSE;
  if (!uc_view_state_category_bits ((const char * const *) names, &state->hidden_categories, &bad))
    /* Translators: %s is a category as the link names it. */
    return refuse (error, "hide", _("no such category: “%s”"), bad);
  return TRUE;
}

static void
set_text (char       **member,
          const char  *value)
{
  g_free (*member);
  *member = *value ? g_strdup (value) : NULL;
}

/* One "key=value" of the link; keys this version does not know pass. */
static gboolean
read_param (UcViewState  *state,
            const char   *key,
            const char   *raw,
            GError      **error)
{
  static const char * const plain[] = { "variant", "filter", "from", "to", "base", "mode", "transform", "log", NULL };
  g_autofree char *value = NULL;
  int number;

  if (g_str_equal (key, "hide"))
    return read_hide (state, raw, error);
  if (g_str_has_prefix (key, "pick") || g_str_has_prefix (key, "hidden"))
    return read_chart_param (state, key, raw, error);
  if (!g_strv_contains (plain, key))
    return TRUE;
  if ((value = unescape (raw, NULL)) == NULL)
    return refuse (error, key, _("not readable text"));
  if (g_str_equal (key, "variant"))
    set_text (&state->variant, value);
  else if (g_str_equal (key, "filter"))
    set_text (&state->filter, value);
  else if (g_str_equal (key, "from") || g_str_equal (key, "to") || g_str_equal (key, "base"))
    return read_time_param (key, value, key[0] == 'f' ? &state->from : key[0] == 't' ? &state->to : &state->base,
                            error);
  else if (g_str_equal (key, "mode") && read_enum_param (key, value, UC_TYPE_VALUE_MODE, &number, error))
    state->value_mode = number;
  else if (g_str_equal (key, "transform") && read_enum_param (key, value, UC_TYPE_TRANSFORM, &number, error))
    state->transform = number;
  else if (g_str_equal (key, "log") && (g_str_equal (value, "1") || g_str_equal (value, "0")))
    state->log_scale = value[0] == '1';
  else
    /* Translators: %s is the value in the link. */
    return g_str_equal (key, "log") ? refuse (error, key, _("1 or 0, not “%s”"), value) : FALSE;
  return TRUE;
}

/* "from" and "to" come together, the one after the other. */
static gboolean
check_range (UcViewState  *state,
             gboolean      from,
             gboolean      to,
             GError      **error)
{
  if (from != to)
    return refuse (error, from ? "to" : "from", _("missing: a link gives “from” and “to” together"));
  if (from && state->to <= state->from)
    return refuse (error, "to", _("not after “from”"));
  state->has_range = from;
  return TRUE;
}

static gboolean
read_query (UcViewState  *state,
            const char   *query,
            GError      **error)
{
  g_auto(GStrv) params = g_strsplit (query, "&", -1);
  gboolean from = FALSE, to = FALSE;

  for (guint i = 0; params[i]; i++)
    {
      char *eq = strchr (params[i], '=');
      g_autofree char *key = NULL;

      if (params[i][0] == '\0')
        continue;
      key = eq ? unescape (params[i], eq) : unescape (params[i], NULL);
      if (key == NULL)
        return refuse (error, params[i], _("not readable text"));
      if (!read_param (state, key, eq ? eq + 1 : "", error))
        return FALSE;
      from = from || g_str_equal (key, "from");
      to = to || g_str_equal (key, "to");
    }
  return check_range (state, from, to, error);
}

/* The state a link carries; NULL with UC_VIEW_STATE_ERROR_LINK naming
 * the part that does not read. */
UcViewState *
uc_view_state_from_link (const char  *text,
                         GError     **error)
{
  g_autoptr(UcViewState) state = uc_view_state_new ();
  g_autofree char *link = NULL;
  char *view, *query, *fragment;

  g_return_val_if_fail (text != NULL, NULL);
  if (strlen (text) > UC_VIEW_STATE_MAX_LINK)
    return refuse (error, "link", _("longer than %u KiB"), UC_VIEW_STATE_MAX_LINK / 1024), NULL;
  link = g_strstrip (g_strdup (text));
  if (!g_str_has_prefix (link, UC_VIEW_STATE_LINK_PREFIX))
    /* Translators: %s is how the app's links start: undercut:view/ */
    return refuse (error, "link", _("not an Undercut link (one starting with “%s”)"), UC_VIEW_STATE_LINK_PREFIX),
           NULL;
  view = link + strlen (UC_VIEW_STATE_LINK_PREFIX);
  if ((fragment = strchr (view, '#')) != NULL)
    *fragment = '\0';
  if ((query = strchr (view, '?')) != NULL)
    *query++ = '\0';
  state->view = unescape (view, NULL);
  if (state->view == NULL || state->view[0] == '\0')
    /* Translators: follows “the link's “view”: ”. */
    return refuse (error, "view", _("no view named")), NULL;
  if (query && !read_query (state, query, error))
    return NULL;
  return g_steal_pointer (&state);
}
