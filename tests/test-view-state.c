/* test-view-state.c: a window's state as a file and a link, read back
 * the same, hostile files refused naming the member, and drawn as the
 * command line draws the view. */
#include <glib/gstdio.h>
#include <string.h>

#include "uc-chart-theme.h"
#include "uc-export.h"
#include "uc-user-events.h"
#include "uc-view-state.h"

static UcTime
day (const char *text)
{
  UcTime t = 0;

  g_assert_true (uc_time_parse_date (text, strlen (text), &t));
  return t;
}

static UcDataset *
some_events (void)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  UcDataset *events;

  g_ptr_array_add (list, uc_user_event_new (day ("2025-01-27"), 0, "Desk note: \"sell\", then buy", "A line\nand another",
                                            "desk", "https://example.com/a?b=1&c=2"));
  g_ptr_array_add (list, uc_user_event_new (day ("2025-02-03"), day ("2025-02-07"), "=Earnings week", NULL, NULL, NULL));
  events = uc_user_events_from_list (list, "your-events.csv", &error);
  g_assert_no_error (error);
  return events;
}

/* A state with every member set. */
static UcViewState *
full_state (gboolean with_events)
{
  UcViewState *state = uc_view_state_new ();
  const char *picked[] = { "NVDA", "TSLA", NULL };
  const char *hidden[] = { "US AI stocks", NULL };
  const char *odd[] = { "a,b", "c&d=e", "ü ", NULL };

  state->view = g_strdup ("deepseek-shock");
  state->variant = g_strdup ("blended");
  state->datasets = g_strdupv ((char *[]) { "market-caps", "events", NULL });
  state->has_range = TRUE;
  state->from = day ("2025-01-02");
  state->to = day ("2025-02-28") + 14 * G_TIME_SPAN_HOUR + 30 * G_TIME_SPAN_MINUTE;
  state->value_mode = UC_VALUE_MODE_REBASED;
  state->base = day ("2025-01-24");
  state->log_scale = 0;
  state->transform = UC_TRANSFORM_MEAN_30;
  state->filter = g_strdup ("deepseek & r1 #2");
  state->hidden_categories = 1u << UC_EVENT_MARKET | 1u << UC_EVENT_POLICY;
  uc_view_state_set_picked (state, 0, picked);
  uc_view_state_set_hidden (state, 1, hidden);
  uc_view_state_set_picked (state, 3, odd);
  if (with_events)
    {
      state->events = some_events ();
      state->events_name = g_strdup ("your-events.csv");
    }
  return state;
}

static GBytes *
bytes_of (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static void
test_file_round_trip (void)
{
  g_autoptr(UcViewState) state = full_state (TRUE);
  g_autoptr(UcViewState) back = NULL;
  g_autoptr(GBytes) json = uc_view_state_to_json (state);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;
  const char *text = g_bytes_get_data (json, NULL);

  g_assert_true (g_str_has_prefix (text, "{\n  \"format\" : \"undercut-view-state\",\n  \"version\" : 1,\n") ||
                 g_str_has_prefix (text, "{\n  \"format\": \"undercut-view-state\",\n  \"version\": 1,\n"));
  g_assert_true (g_str_has_suffix (text, "}\n"));
  g_assert_nonnull (strstr (text, "\"2025-02-28T14:30:00Z\""));
  g_assert_true (uc_view_state_looks_like (json));
  back = uc_view_state_parse (json, "state.json", &error);
  g_assert_no_error (error);
  again = uc_view_state_to_json (back);
  g_assert_cmpstr (g_bytes_get_data (again, NULL), ==, text);
  g_assert_true (g_bytes_equal (json, again));

  g_assert_cmpstr (back->view, ==, "deepseek-shock");
  g_assert_cmpstr (back->variant, ==, "blended");
  g_assert_cmpstr (back->datasets[1], ==, "events");
  g_assert_true (back->has_range);
  g_assert_cmpint (back->from, ==, state->from);
  g_assert_cmpint (back->to, ==, state->to);
  g_assert_cmpint (back->base, ==, state->base);
  g_assert_cmpint (back->value_mode, ==, UC_VALUE_MODE_REBASED);
  g_assert_cmpint (back->log_scale, ==, 0);
  g_assert_cmpint (back->transform, ==, UC_TRANSFORM_MEAN_30);
  g_assert_cmpstr (back->filter, ==, "deepseek & r1 #2");
  g_assert_cmpuint (back->hidden_categories, ==, state->hidden_categories);
  g_assert_cmpstr (uc_view_state_get_picked (back, 0)[1], ==, "TSLA");
  g_assert_null (uc_view_state_get_picked (back, 1));
  g_assert_null (uc_view_state_get_picked (back, 2));
  g_assert_cmpstr (uc_view_state_get_hidden (back, 1)[0], ==, "US AI stocks");
  g_assert_cmpstr (uc_view_state_get_picked (back, 3)[2], ==, "ü ");
  g_assert_null (uc_view_state_get_picked (back, 4));
  g_assert_cmpuint (uc_view_state_get_n_charts (back), ==, 4);
  g_assert_cmpstr (back->events_name, ==, "your-events.csv");
  events = uc_user_events_list (back->events);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (uc_event_get_title (g_ptr_array_index (events, 0)), ==, "Desk note: \"sell\", then buy");
  g_assert_cmpstr (uc_event_get_description (g_ptr_array_index (events, 0)), ==, "A line\nand another");
  g_assert_cmpstr (uc_event_get_tag (g_ptr_array_index (events, 0)), ==, "desk");
  g_assert_cmpstr (uc_event_get_source_url (g_ptr_array_index (events, 0)), ==, "https://example.com/a?b=1&c=2");
  g_assert_cmpstr (uc_event_get_title (g_ptr_array_index (events, 1)), ==, "=Earnings week");
  g_assert_cmpint (uc_event_get_end (g_ptr_array_index (events, 1)), ==, day ("2025-02-07"));
}

/* The state of a view as it opens says only which view. */
static void
test_defaults (void)
{
  g_autoptr(UcViewState) state = uc_view_state_new ();
  g_autoptr(UcViewState) back = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *link = NULL;

  state->view = g_strdup ("deepseek-shock");
  json = uc_view_state_to_json (state);
  g_assert_cmpstr (g_bytes_get_data (json, NULL), ==,
                   "{\n  \"format\": \"undercut-view-state\",\n  \"version\": 1,\n  \"view\": \"deepseek-shock\",\n"
                   "  \"value-mode\": \"as-is\",\n  \"transform\": \"none\"\n}\n");
  back = uc_view_state_parse (json, "state.json", &error);
  g_assert_no_error (error);
  g_assert_false (back->has_range);
  g_assert_cmpint (back->log_scale, ==, -1);
  g_assert_null (back->events);
  g_assert_null (back->filter);
  link = uc_view_state_to_link (state);
  g_assert_cmpstr (link, ==, "undercut:view/deepseek-shock");
  /* Unknown members pass: a later version may add some. */
  g_clear_pointer (&back, uc_view_state_free);
  g_clear_pointer (&json, g_bytes_unref);
  json = bytes_of ("{\"view\": \"pricing\", \"format\": \"undercut-view-state\", \"version\": 1, \"zoom\": [1, 2],"
                   " \"charts\": [{\"picked\": [], \"sparkle\": true}]}");
  back = uc_view_state_parse (json, "state.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->view, ==, "pricing");
  g_assert_cmpuint (uc_view_state_get_n_charts (back), ==, 0);

  /* Times to the microsecond, in any zone, written in UTC. */
  g_clear_pointer (&back, uc_view_state_free);
  g_clear_pointer (&json, g_bytes_unref);
  json = bytes_of ("{\"format\": \"undercut-view-state\", \"version\": 1, \"view\": \"x\", "
                   "\"base\": \"2025-01-24T10:30:00.25+01:00\"}");
  back = uc_view_state_parse (json, "state.json", &error);
  g_assert_no_error (error);
  g_clear_pointer (&json, g_bytes_unref);
  json = uc_view_state_to_json (back);
  g_assert_nonnull (strstr (g_bytes_get_data (json, NULL), "\"base\": \"2025-01-24T09:30:00.250000Z\""));
}

static void
test_link_round_trip (void)
{
  g_autoptr(UcViewState) state = full_state (FALSE);
  g_autoptr(UcViewState) back = NULL;
  g_autoptr(UcViewState) simple = uc_view_state_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *link = uc_view_state_to_link (state);
  g_autofree char *again = NULL;
  const char *picked[] = { "NVDA", "TSLA", NULL };

  g_assert_cmpstr (link, ==, "undercut:view/deepseek-shock?variant=blended&from=2025-01-02&to=2025-02-28T14%3A30%3A00Z"
                   "&base=2025-01-24&mode=rebased&log=0&transform=mean-30&filter=deepseek%20%26%20r1%20%232"
                   "&hide=market,policy&pick0=NVDA,TSLA&hidden1=US%20AI%20stocks&pick3=a%2Cb,c%26d%3De,%C3%BC%20");
  g_assert_true (uc_view_state_is_link (link));
  back = uc_view_state_from_link (link, &error);
  g_assert_no_error (error);
  again = uc_view_state_to_link (back);
  g_assert_cmpstr (again, ==, link);
  g_assert_cmpstr (back->filter, ==, "deepseek & r1 #2");
  g_assert_cmpstr (uc_view_state_get_picked (back, 3)[0], ==, "a,b");
  g_assert_cmpstr (uc_view_state_get_picked (back, 3)[1], ==, "c&d=e");
  g_assert_cmpint (back->to, ==, state->to);
  g_assert_null (back->events);

  simple->view = g_strdup ("deepseek-shock");
  simple->has_range = TRUE;
  simple->from = day ("2025-01-02");
  simple->to = day ("2025-02-28");
  simple->value_mode = UC_VALUE_MODE_REBASED;
  simple->log_scale = 1;
  simple->hidden_categories = 1u << UC_EVENT_MARKET | 1u << UC_EVENT_POLICY;
  uc_view_state_set_picked (simple, 0, picked);
  g_clear_pointer (&link, g_free);
  link = uc_view_state_to_link (simple);
  g_assert_cmpstr (link, ==, "undercut:view/deepseek-shock?from=2025-01-02&to=2025-02-28&mode=rebased&log=1"
                   "&hide=market,policy&pick0=NVDA,TSLA");

  /* Around it, spaces; in it, parameters of a later version. */
  g_clear_pointer (&back, uc_view_state_free);
  back = uc_view_state_from_link ("  \tundercut:view/pricing?zoom=3&variant=input&pickme=1&#top \n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->view, ==, "pricing");
  g_assert_cmpstr (back->variant, ==, "input");
  g_assert_true (uc_view_state_is_link ("\n undercut:view/x"));
  g_assert_false (uc_view_state_is_link ("https://example.com/undercut:view/x"));
  g_assert_false (uc_view_state_is_link (""));
}

static void
test_bad_links (void)
{
  static const struct { const char *link, *message; } cases[] = {
    { "undercut:view/", "the link's “view”: no view named" },
    { "undercut:view/?from=2025-01-01", "the link's “view”" },
    { "undercut:view/%ZZ", "the link's “view”" },
    { "undercut:view/x%00y", "the link's “view”" },
    { "undercut:vue/x", "the link's “link”: not an Undercut link" },
    { "undercut:view/x?from=2025-13-01&to=2025-02-01", "the link's “from”: not a date: “2025-13-01”" },
    { "undercut:view/x?from=2025-01-01", "the link's “to”: missing" },
    { "undercut:view/x?to=2025-01-01", "the link's “from”: missing" },
    { "undercut:view/x?from=2025-02-01&to=2025-01-01", "the link's “to”: not after “from”" },
    { "undercut:view/x?from=2025-02-01&to=2025-02-01", "the link's “to”: not after “from”" },
    { "undercut:view/x?base=yesterday", "the link's “base”: not a date" },
    { "undercut:view/x?mode=doubled", "the link's “mode”: no such value: “doubled”" },
    { "undercut:view/x?transform=mean-8", "the link's “transform”: no such value: “mean-8”" },
    { "undercut:view/x?log=yes", "the link's “log”: 1 or 0" },
    { "undercut:view/x?hide=market,sports", "the link's “hide”: no such category: “sports”" },
    { "undercut:view/x?pick0=NVDA,,TSLA", "the link's “pick0”: an empty or unreadable id" },
    { "undercut:view/x?pick0=NV%DA", "the link's “pick0”" },
    { "undercut:view/x?hidden1000=NVDA", "the link's “hidden1000”: no chart" },
    { "undercut:view/x?pick99999999999999999999=NVDA", "the link's “pick99999999999999999999”" },
    { "undercut:view/x?pick01=NVDA", "the link's “pick01”" },
    { "undercut:view/x?filter=%C3", "the link's “filter”: not readable text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(UcViewState) state = uc_view_state_from_link (cases[i].link, &error);

      g_test_message ("%s", cases[i].link);
      g_assert_null (state);
      g_assert_error (error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_LINK);
      g_assert_true (g_str_has_prefix (error->message, cases[i].message));
    }
}

/* A state file with @members after its header. */
static GBytes *
state_with (const char *members)
{
  g_autofree char *text = g_strdup_printf ("{\n  \"format\": \"undercut-view-state\",\n  \"version\": 1,\n"
                                           "  \"view\": \"deepseek-shock\"%s%s\n}\n",
                                           *members ? ",\n  " : "", members);

  return bytes_of (text);
}

static void
check_refused (GBytes     *json,
               int         code,
               const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcViewState) state = uc_view_state_parse (json, "state.json", &error);

  g_assert_null (state);
  g_assert_error (error, UC_VIEW_STATE_ERROR, code);
  if (!g_str_has_prefix (error->message, message))
    g_error ("“%s” does not start with “%s”", error->message, message);
}

static void
test_hostile_members (void)
{
  static const struct { const char *members; const char *message; } cases[] = {
    { "\"range\": {\"from\": \"2025-13-01\", \"to\": \"2025-02-01\"}",
      "state.json: “range.from”: not a date: “2025-13-01”" },
    { "\"range\": {\"from\": \"2025-01-01\"}", "state.json: “range.to”: missing" },
    { "\"range\": {\"from\": \"2025-02-01\", \"to\": \"2025-01-01\"}", "state.json: “range.to”: not after" },
    { "\"range\": {\"from\": \"2025-02-01\", \"to\": \"2025-02-01\"}", "state.json: “range.to”: not after" },
    { "\"range\": [\"2025-01-01\", \"2025-02-01\"]", "state.json: “range”: a list, not an object" },
    { "\"range\": {\"from\": 20250101, \"to\": \"2025-02-01\"}", "state.json: “range.from”: a number, not a string" },
    { "\"base\": \"2025-02-30\"", "state.json: “base”: not a date: “2025-02-30”" },
    { "\"base\": \"9999-12-31T23:00:00-18:00\"", "state.json: “base”: not a date" },
    { "\"charts\": [{\"picked\": [\"NVDA\", \"\"]}]", "state.json: “charts[0].picked[1]”: empty" },
    { "\"value-mode\": \"doubled\"", "state.json: “value-mode”: no such value: “doubled”" },
    { "\"value-mode\": 1", "state.json: “value-mode”: a number, not a string" },
    { "\"transform\": \"mean-8\"", "state.json: “transform”: no such value: “mean-8”" },
    { "\"log\": 1", "state.json: “log”: a number, not true or false" },
    { "\"log\": \"true\"", "state.json: “log”: a string, not true or false" },
    { "\"filter\": [\"a\"]", "state.json: “filter”: a list, not a string" },
    { "\"variant\": null", "state.json: “variant”: null, not a string" },
    { "\"hidden-categories\": [\"market\", \"sports\"]", "state.json: “hidden-categories”: no such category: “sports”" },
    { "\"hidden-categories\": \"market\"", "state.json: “hidden-categories”: a string, not a list" },
    { "\"hidden-categories\": [\"market\", 3]", "state.json: “hidden-categories[1]”: a number, not a string" },
    { "\"datasets\": {}", "state.json: “datasets”: an object, not a list" },
    { "\"charts\": {}", "state.json: “charts”: an object, not a list" },
    { "\"charts\": [{}, 3]", "state.json: “charts[1]”: a number, not an object" },
    { "\"charts\": [{\"picked\": \"NVDA\"}]", "state.json: “charts[0].picked”: a string, not a list" },
    { "\"charts\": [{}, {\"hidden\": [\"NVDA\", true]}]", "state.json: “charts[1].hidden[1]”: true or false, not a string" },
    { "\"events\": {}", "state.json: “events”: an object, not a list" },
    { "\"events\": [{\"title\": \"x\"}]", "state.json: “events[0].date”: missing" },
    { "\"events\": [{\"date\": \"2025-01-27\"}]", "state.json: “events[0].title”: missing" },
    { "\"events\": [{\"date\": \"2025-01-27\", \"title\": \" \"}]", "state.json: “events[0].title”: missing" },
    { "\"events\": [{\"date\": \"27/01/2025\", \"title\": \"x\"}]", "state.json: “events[0].date”: not a date" },
    { "\"events\": [{\"date\": \"2025-01-27\", \"end\": \"2025-01-20\", \"title\": \"x\"}]",
      "state.json: “events[0].end”: before the event's date" },
    { "\"events\": [{\"date\": \"2025-01-27\", \"title\": \"x\", \"url\": \"javascript:alert(1)\"}]",
      "state.json: “events[0].url”: “javascript:alert(1)” is not a web address" },
    { "\"events\": [{\"date\": \"2025-01-27\", \"title\": \"x\", \"category\": 1}]",
      "state.json: “events[0].category”: a number, not a string" },
    { "\"events-name\": false", "state.json: “events-name”: true or false, not a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) json = state_with (cases[i].members);

      g_test_message ("%s", cases[i].members);
      check_refused (json, UC_VIEW_STATE_ERROR_MEMBER, cases[i].message);
    }
}

static void
test_hostile_files (void)
{
  static const struct { const char *text; int code; const char *message; } cases[] = {
    { "{\n  \"format\": \"undercut-view-state\",\n  \"version\": 1,\n  \"view\": x\n}", UC_VIEW_STATE_ERROR_SYNTAX,
      "state.json: not JSON: line 4, column 11: unexpected “x”" },
    { "{\"format\": \"undercut-view-state\", \"version\": 1,}", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: line 1, column" },
    { "{\"format\": \"undercut-view-state\"", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: line 1, column" },
    { "{\"a\": /* no */ 1}", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: not JSON: line 1, column 7" },
    { "{\"a\": \"\x01\"}", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: line 1, column 8: control character" },
    { "", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: not an Undercut view state" },
    { "[1, 2]", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: not an Undercut view state" },
    { "{\"version\": 1, \"view\": \"x\"}", UC_VIEW_STATE_ERROR_SYNTAX, "state.json: not an Undercut view state" },
    { "{\"format\": \"undercut-chart\", \"version\": 1}", UC_VIEW_STATE_ERROR_SYNTAX,
      "state.json: not an Undercut view state" },
    { "{\"format\": \"undercut-view-state\", \"version\": 2, \"view\": \"x\"}", UC_VIEW_STATE_ERROR_VERSION,
      "state.json: “version”: 2, written by a later Undercut" },
    { "{\"format\": \"undercut-view-state\", \"version\": \"1\", \"view\": \"x\"}", UC_VIEW_STATE_ERROR_MEMBER,
      "state.json: “version”: a string, not a version number" },
    { "{\"format\": \"undercut-view-state\", \"version\": 1}", UC_VIEW_STATE_ERROR_MEMBER,
      "state.json: “view”: missing" },
    { "{\"format\": \"undercut-view-state\", \"version\": 1, \"view\": \"\"}", UC_VIEW_STATE_ERROR_MEMBER,
      "state.json: “view”: missing" },
    { "{\"format\": \"undercut-view-state\", \"version\": 1, \"view\": \"x\xff\"}", UC_VIEW_STATE_ERROR_SYNTAX,
      "state.json: not JSON: JSON data must be UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) json = bytes_of (cases[i].text);
      /* Escaped: a byte that is no UTF-8 would break the TAP output. */
      g_autofree char *shown = g_strescape (cases[i].text, NULL);

      g_test_message ("%s", shown);
      check_refused (json, cases[i].code, cases[i].message);
    }
}

/* Absurd sizes are refused before anything is built from them. */
static void
test_absurd_sizes (void)
{
  g_autoptr(GString) members = g_string_new ("\"charts\": [");
  g_autoptr(GBytes) json = NULL;
  g_autofree char *long_text = g_strnfill (64 * 1024 + 1, 'x');
  g_autofree char *filter = g_strdup_printf ("\"filter\": \"%s\"", long_text);

  for (guint i = 0; i <= 1000; i++)
    g_string_append (members, i ? ", {}" : "{}");
  g_string_append (members, "]");
  json = state_with (members->str);
  check_refused (json, UC_VIEW_STATE_ERROR_MEMBER, "state.json: “charts”: more than 1000 charts");

  g_string_assign (members, "\"events\": [");
  for (guint i = 0; i <= 100000; i++)
    g_string_append (members, i ? ", 0" : "0");
  g_string_append (members, "]");
  g_clear_pointer (&json, g_bytes_unref);
  json = state_with (members->str);
  check_refused (json, UC_VIEW_STATE_ERROR_MEMBER, "state.json: “events”: more than 100000 events");

  g_clear_pointer (&json, g_bytes_unref);
  json = state_with (filter);
  check_refused (json, UC_VIEW_STATE_ERROR_MEMBER, "state.json: “filter”: longer than 64 KiB");

  g_string_assign (members, "");
  for (guint i = 0; i < 70; i++)
    g_string_append (members, "[");
  g_clear_pointer (&json, g_bytes_unref);
  json = bytes_of (members->str);
  check_refused (json, UC_VIEW_STATE_ERROR_SYNTAX, "state.json: line 1, column 65: nested more than 64 levels");
}

static void
test_looks_like (void)
{
  static const struct { const char *text; gboolean is; } cases[] = {
    { "{\"format\": \"undercut-view-state\", \"version\": 1}", TRUE },
    { "  \n{\"version\": 9, \"format\": \"undercut-view-state\", \"view\": []}", TRUE },
    { "{\"format\": \"undercut-view-state\"", FALSE },
    { "{\"format\": \"undercut-chart\", \"version\": 1}", FALSE },
    { "{\"format\": [\"undercut-view-state\"]}", FALSE },
    { "[{\"format\": \"undercut-view-state\"}]", FALSE },
    { "\"undercut-view-state\"", FALSE },
    { "", FALSE },
    { "date,title\n2025-01-27,x\n", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) json = bytes_of (cases[i].text);

      g_assert_true (uc_view_state_looks_like (json) == cases[i].is);
    }
  g_assert_false (uc_view_state_looks_like (NULL));
}

static void
test_save_load (void)
{
  g_autoptr(UcViewState) state = full_state (TRUE);
  g_autoptr(UcViewState) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("uc-view-state-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "state.json", NULL);
  g_autofree char *written = NULL;
  g_autoptr(GBytes) json = uc_view_state_to_json (state);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (dir);
  g_autoptr(GDir) listing = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (uc_view_state_save (state, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, g_bytes_get_data (json, NULL));
  g_assert_true (uc_view_state_file_looks_like (file));
  g_assert_false (uc_view_state_file_looks_like (missing));
  back = uc_view_state_load (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->view, ==, "deepseek-shock");
  /* Nothing but the file is left beside it. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "state.json");
  g_assert_null (g_dir_read_name (listing));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_load_view (void)
{
  g_autoptr(UcViewState) state = uc_view_state_new ();
  g_autoptr(UcView) view = NULL;
  g_autoptr(GError) error = NULL;
  const char *pick[] = { "NVDA", "TSLA", NULL };
  UcChartSpec *chart;

  state->view = g_strdup ("deepseek-shock");
  uc_view_state_set_picked (state, 0, pick);
  view = uc_view_state_load_view (state, &error);
  g_assert_no_error (error);
  chart = uc_view_get_chart (view, 0);
  g_assert_cmpuint (uc_chart_spec_get_n_series (chart), ==, 2);
  g_assert_cmpstr (uc_series_get_id (uc_chart_spec_get_series (chart, 1)), ==, "TSLA");
  g_assert_cmpstr (uc_view_get_picked (view, 0)[1], ==, "TSLA");
  g_assert_null (uc_view_get_picked (view, 1));
  g_clear_object (&view);

  uc_view_state_set_picked (state, 0, NULL);

  uc_view_state_set_picked (state, 40, pick);
  view = uc_view_state_load_view (state, &error);
  g_assert_error (error, UC_VIEW_STATE_ERROR, UC_VIEW_STATE_ERROR_MEMBER);
  g_assert_true (g_str_has_prefix (error->message, "“charts[40].picked”: the view “deepseek-shock” has 2 charts"));
  g_clear_error (&error);
  uc_view_state_set_picked (state, 40, NULL);

  state->variant = g_strdup ("nope");
  view = uc_view_state_load_view (state, &error);
  g_assert_null (view);
  g_assert_true (g_str_has_prefix (error->message, "“variant”: "));
  g_clear_error (&error);

  g_free (state->variant);
  state->variant = NULL;
  g_free (state->view);
  state->view = g_strdup ("no-such-view");
  view = uc_view_state_load_view (state, &error);
  g_assert_null (view);
  g_assert_error (error, UC_VIEW_ERROR, UC_VIEW_ERROR_UNKNOWN);
}

static void
test_fill_options (void)
{
  g_autoptr(UcViewState) state = full_state (TRUE);
  g_auto(UcChartOptions) options = UC_CHART_OPTIONS_INIT;

  options.title = g_strdup ("kept");
  uc_view_state_fill_options (state, &options);
  g_assert_cmpint (options.value_mode, ==, UC_VALUE_MODE_REBASED);
  g_assert_cmpint (options.base, ==, state->base);
  g_assert_cmpint (options.log_scale, ==, 0);
  g_assert_cmpint (options.transform, ==, UC_TRANSFORM_MEAN_30);
  g_assert_cmpuint (options.hidden_categories, ==, state->hidden_categories);
  g_assert_cmpstr (options.event_filter, ==, state->filter);
  g_assert_true (options.event_filter != state->filter);
  g_assert_true (options.added_events == state->events);
  g_assert_cmpstr (options.added_events_name, ==, "your-events.csv");
  g_assert_cmpstr (options.title, ==, "kept");
  /* Filled twice, nothing leaks. */
  uc_view_state_fill_options (state, &options);
  g_clear_pointer (&state, uc_view_state_free);
  g_assert_true (UC_IS_DATASET (options.added_events));
}

/* The charts drawn, as the command line writes them. */
static GBytes *
draw (GPtrArray  *charts,
      UcView     *view,
      const char *dir)
{
  g_autofree int *heights = g_new (int, charts->len);
  g_autofree char *path = g_build_filename (dir, "state.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = NULL;

  uc_view_split_height (view, 900, heights);
  g_assert_true (uc_export_charts ((UcChartSpec **) charts->pdata, NULL, heights, charts->len,
                                   uc_chart_theme_light (), path, UC_EXPORT_PNG, 1600, 1.0, &error));
  g_assert_no_error (error);
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return g_mapped_file_get_bytes (mapped);
}

static GBytes *
run_export (const char *dir,
            const char *first,
            ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (dir, "cli.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autofree char *data = NULL;
  gsize length;
  va_list args;

  g_assert_nonnull (g_getenv ("UNDERCUT_BIN"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("UNDERCUT_BIN"));
  g_ptr_array_add (argv, "export");
  va_start (args, first);
  for (const char *a = first; a; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, "--output");
  g_ptr_array_add (argv, path);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *) argv->pdata, G_SUBPROCESS_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (proc, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_unlink (path);
  return g_bytes_new_take (g_steal_pointer (&data), length);
}

/* A state of days only draws what `export --view --from --to` draws,
 * byte for byte; one rebased, what `--rebase` draws. */
static void
test_build_charts_as_cli (void)
{
  g_autoptr(UcViewState) state = uc_view_state_new ();
  g_autoptr(UcView) view = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("uc-view-state-XXXXXX", NULL);
  g_autoptr(GBytes) ours = NULL, cli = NULL;

  state->view = g_strdup ("deepseek-shock");
  state->has_range = TRUE;
  state->from = day ("2025-01-02");
  state->to = day ("2025-02-28");
  view = uc_view_state_load_view (state, &error);
  g_assert_no_error (error);
  charts = uc_view_state_build_charts (state, view, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (charts->len, ==, uc_view_get_n_charts (view));
  ours = draw (charts, view, dir);
  cli = run_export (dir, "--view", "deepseek-shock", "--from", "2025-01-02", "--to", "2025-02-28", NULL);
  g_assert_cmpuint (g_bytes_get_size (ours), >, 1000);
  g_assert_true (g_bytes_equal (ours, cli));

  state->value_mode = UC_VALUE_MODE_REBASED;
  state->base = day ("2025-01-24");
  state->log_scale = 1;
  g_clear_pointer (&charts, g_ptr_array_unref);
  g_clear_pointer (&ours, g_bytes_unref);
  g_clear_pointer (&cli, g_bytes_unref);
  charts = uc_view_state_build_charts (state, view, &error);
  g_assert_no_error (error);
  ours = draw (charts, view, dir);
  cli = run_export (dir, "--view", "deepseek-shock", "--from", "2025-01-02", "--to", "2025-02-28", "--rebase",
                    "2025-01-24", "--log", NULL);
  g_assert_true (g_bytes_equal (ours, cli));
  g_rmdir (dir);
}

/* Series hidden in the state are hidden in the charts drawn (rebased
 * too), never in the view's own; the filter narrows the events. */
static void
test_build_charts_hidden (void)
{
  g_autoptr(UcViewState) state = uc_view_state_new ();
  g_autoptr(UcView) view = NULL;
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  const char *hidden[] = { "MSFT", "NOT-THERE", NULL };
  UcChartSpec *chart;
  guint n_hidden = 0, n_user = 0;

  state->view = g_strdup ("deepseek-shock");
  state->value_mode = UC_VALUE_MODE_REBASED;
  state->filter = g_strdup ("nvidia");
  state->events = some_events ();
  state->events_name = g_strdup ("desk-notes.csv");
  uc_view_state_set_hidden (state, 0, hidden);
  view = uc_view_state_load_view (state, &error);
  g_assert_no_error (error);
  charts = uc_view_state_build_charts (state, view, &error);
  g_assert_no_error (error);
  chart = g_ptr_array_index (charts, 0);
  for (guint i = 0; i < uc_chart_spec_get_n_series (chart); i++)
    {
      UcSeries *series = uc_chart_spec_get_series (chart, i);

      n_hidden += uc_series_get_hidden (series);
      g_assert_true (uc_series_get_hidden (series) == g_str_has_prefix (uc_series_get_id (series), "MSFT"));
    }
  g_assert_cmpuint (n_hidden, ==, 1);
  for (guint i = 0; i < uc_chart_spec_get_n_series (uc_view_get_chart (view, 0)); i++)
    g_assert_false (uc_series_get_hidden (uc_chart_spec_get_series (uc_view_get_chart (view, 0), i)));
  g_assert_cmpuint (uc_chart_spec_get_n_events (chart), >, 0);
  for (guint i = 0; i < uc_chart_spec_get_n_events (chart); i++)
    g_assert_true (uc_event_matches (uc_chart_spec_get_event (chart, i), "nvidia"));

  /* The user's events, as a category of their own, named in the source
   * line; the filter's words narrow them too. */
  g_free (state->filter);
  state->filter = NULL;
  g_clear_pointer (&charts, g_ptr_array_unref);
  charts = uc_view_state_build_charts (state, view, &error);
  g_assert_no_error (error);
  chart = g_ptr_array_index (charts, 0);
  for (guint i = 0; i < uc_chart_spec_get_n_events (chart); i++)
    n_user += uc_event_get_category (uc_chart_spec_get_event (chart, i)) == UC_EVENT_USER;
  g_assert_cmpuint (n_user, ==, 2);
  g_assert_nonnull (strstr (uc_chart_spec_get_source (chart), "Your events: desk-notes.csv."));
  state->hidden_categories = 1u << UC_EVENT_USER;
  g_clear_pointer (&charts, g_ptr_array_unref);
  charts = uc_view_state_build_charts (state, view, &error);
  g_assert_no_error (error);
  chart = g_ptr_array_index (charts, 0);
  for (guint i = 0; i < uc_chart_spec_get_n_events (chart); i++)
    g_assert_cmpint (uc_event_get_category (uc_chart_spec_get_event (chart, i)), !=, UC_EVENT_USER);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/view-state/file-round-trip", test_file_round_trip);
  g_test_add_func ("/view-state/defaults", test_defaults);
  g_test_add_func ("/view-state/link-round-trip", test_link_round_trip);
  g_test_add_func ("/view-state/bad-links", test_bad_links);
  g_test_add_func ("/view-state/hostile-members", test_hostile_members);
  g_test_add_func ("/view-state/hostile-files", test_hostile_files);
  g_test_add_func ("/view-state/absurd-sizes", test_absurd_sizes);
  g_test_add_func ("/view-state/looks-like", test_looks_like);
  g_test_add_func ("/view-state/save-load", test_save_load);
  g_test_add_func ("/view-state/load-view", test_load_view);
  g_test_add_func ("/view-state/fill-options", test_fill_options);
  g_test_add_func ("/view-state/build-charts-as-cli", test_build_charts_as_cli);
  g_test_add_func ("/view-state/build-charts-hidden", test_build_charts_hidden);
  return g_test_run ();
}
