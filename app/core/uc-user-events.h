/* uc-user-events.h: the user's own events file, marked on every chart
 *
 * A CSV with `date` and `title` columns (and `end`, `description`,
 * `source_url` when present), as `undercut export --events FILE` reads
 * it; checked, then kept as a copy in <data dir>/events/your-events.csv,
 * its events drawn on every time chart as one category of their own
 * (UC_EVENT_USER), whatever their `category` column says (kept as the
 * event's tag). The window edits them as a list of UcEvent, written back
 * whole (uc_user_events_save()) after each change.
 */
#pragma once

#include "uc-chart-spec.h"
#include "uc-dataset.h"

G_BEGIN_DECLS

char      *uc_user_events_default_path (void) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_user_events_read         (GFile        *file,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_user_events_install      (GFile        *file,
                                        const char   *path,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_user_events_load         (const char   *path,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;
char      *uc_user_events_dup_name     (const char   *path) G_GNUC_WARN_UNUSED_RESULT;
gboolean   uc_user_events_remove       (const char   *path,
                                        GError      **error);
guint      uc_user_events_add_to       (UcChartSpec  *spec,
                                        UcDataset    *events,
                                        const char   *name);


UcEvent   *uc_user_event_new           (UcTime        time,
                                        UcTime        end,
                                        const char   *title,
                                        const char   *description,
                                        const char   *tag,
                                        const char   *source_url) G_GNUC_WARN_UNUSED_RESULT;
gboolean   uc_user_event_equal         (UcEvent      *a,
                                        UcEvent      *b);
GPtrArray *uc_user_events_list         (UcDataset    *events) G_GNUC_WARN_UNUSED_RESULT;
int        uc_user_events_find         (GPtrArray    *list,
                                        UcEvent      *event);
GBytes    *uc_user_events_format       (GPtrArray    *list) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_user_events_save         (GPtrArray    *list,
                                        const char   *path,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset *uc_user_events_from_list    (GPtrArray    *list,
                                        const char   *name,
                                        GError      **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   uc_user_events_check_url    (const char   *url,
                                        GError      **error);

G_END_DECLS
