/* uc-feed-text.c: what the window says of a source, in words */
#include "config.h"

#include "uc-feed-text.h"

#include <glib/gi18n.h>
#include <string.h>

/* @feed's state as the Sources page says it; a source never fetched that
 * cannot be asked (@can_ask FALSE) says what it needs, and one that
 * lacked it and has it now says it will be asked. */
const char *
uc_feed_text_state (UcFeed   *feed,
                    gboolean  can_ask)
{
  UcFeedState state = uc_feed_get_state (feed);

  if ((state == UC_FEED_NEEDS_KEY || state == UC_FEED_NEVER) && !can_ask)
    return uc_feed_get_needs_key (feed) ? _("Needs a key") : _("Needs a contact address");
  /* Given what it needs since the last refresh. */
  if (state == UC_FEED_NEEDS_KEY)
    return _("To be asked at the next refresh");
  switch (state)
    {
    case UC_FEED_FRESH: return _("Fresh");
    case UC_FEED_CACHED: return _("From an earlier refresh");
    case UC_FEED_REFUSED:
      return uc_feed_get_retrieved (feed) ? _("Refused: the last good copy is shown")
                                          : _("Refused: the built-in data are shown");
    case UC_FEED_NEVER:
    case UC_FEED_NEEDS_KEY:
    default: return _("Never fetched: the built-in data are shown");
    }
}

/* "3 Dec 2026, 15:24" in local time, from ISO 8601; NULL when @iso is not. */
char *
uc_feed_text_time (const char *iso)
{
  g_autoptr(GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* Translators: a moment a source was fetched, see g_date_time_format() */
  return local ? g_date_time_format (local, C_("feed time", "%-d %b %Y, %H:%M")) : NULL;
}

/* "3 Dec", or "3 Dec 2025" when not in the year of @now (NULL:
 * always with the year), from a day ("2025-12-03") or a moment in ISO
 * 8601 (its day where the user is). */
char *
uc_feed_text_day (const char *iso,
                  GDateTime  *now)
{
  g_autofree char *midnight = NULL;
  g_autoptr(GDateTime) moment = NULL;
  g_autoptr(GDateTime) day = NULL;

  if (iso == NULL || strlen (iso) < 10)
    return NULL;
  if (strlen (iso) > 10 && (moment = g_date_time_new_from_iso8601 (iso, NULL)) != NULL)
    day = g_date_time_to_local (moment);
  else
    {
      midnight = g_strdup_printf ("%.10sT00:00:00Z", iso);
      day = g_date_time_new_from_iso8601 (midnight, NULL);
    }
  if (day == NULL)
    return NULL;
  if (now && g_date_time_get_year (now) == g_date_time_get_year (day))
    /* Translators: a day this year, see g_date_time_format() */
    return g_date_time_format (day, C_("feed day", "%-d %b"));
  /* Translators: a day, see g_date_time_format() */
  return g_date_time_format (day, C_("feed day", "%-d %b %Y"));
}

/* Why @feed's last refresh failed, in a line: its message's first line
 * without the address the net layer begins it with ("https://…: the
 * server answered HTTP 503"), and how many more there are. NULL when
 * there is no message. */
char *
uc_feed_text_reason (UcFeed *feed)
{
  const char *message = uc_feed_get_message (feed);
  g_auto(GStrv) lines = NULL;
  const char *first, *colon;
  guint more;

  if (message == NULL || *message == '\0')
    return NULL;
  lines = g_strsplit (message, "\n", -1);
  first = lines[0];
  colon = strstr (first, ": ");
  if (colon && (g_str_has_prefix (first, "https://") || g_str_has_prefix (first, "http://")))
    first = colon + 2;
  more = g_strv_length (lines) - 1;
  if (more == 0)
    return g_strdup (first);
  /* Translators: a source's first failure, and how many of its requests failed too */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (and %u more)", "%s (and %u more)", more), first, more);
}

/* The toast of a source refused: "models.dev: the server answered HTTP
 * 503; showing data of 2 December". */
char *
uc_feed_text_refused (UcFeed    *feed,
                      GDateTime *now)
{
  g_autofree char *reason = uc_feed_text_reason (feed);
  g_autofree char *day = uc_feed_text_day (uc_feed_get_retrieved (feed), now);

  if (reason == NULL)
    reason = g_strdup (_("refused"));
  if (day)
    /* Translators: a source, why its refresh failed, and the day of the copy shown instead */
    return g_strdup_printf (_("%s: %s; showing data of %s"), uc_feed_get_publisher (feed), reason, day);
  /* Translators: a source, and why its refresh failed */
  return g_strdup_printf (_("%s: %s; showing the built-in data"), uc_feed_get_publisher (feed), reason);
}
