/* uc-view-state-private.h: what the view state's file, link and charts share */
#pragma once

#include "uc-time.h"

G_BEGIN_DECLS

/* What a state ever holds; more is refused as absurd, not read. */
#define UC_VIEW_STATE_MAX_CHARTS   1000
#define UC_VIEW_STATE_MAX_EVENTS   100000
#define UC_VIEW_STATE_MAX_IDS      10000    /* series ids per chart, datasets */
#define UC_VIEW_STATE_MAX_STRING   (64 * 1024)
#define UC_VIEW_STATE_MAX_LINK     (1024 * 1024)

gboolean uc_view_state_parse_time  (const char  *text,
                                    UcTime      *out);
char    *uc_view_state_format_time (UcTime       t) G_GNUC_WARN_UNUSED_RESULT;
/* The bits of UcViewState.hidden_categories for categories' names
 * ("market"); FALSE at a name that is no category, @bad set to it. */
gboolean uc_view_state_category_bits (const char * const *names,
                                      guint              *bits,
                                      const char        **bad);
/* The names of the categories of @bits, in the categories' order. */
char   **uc_view_state_category_names (guint              bits) G_GNUC_WARN_UNUSED_RESULT;
/* An error of UC_VIEW_STATE_ERROR (@code, a UcViewStateError) that names
 * the part: "@where“@part”: what", or "the link's “@part”: what" when
 * @where is NULL. Returns FALSE. */
gboolean uc_view_state_refuse (GError     **error,
                               int          code,
                               const char  *where,
                               const char  *part,
                               const char  *format,
                               ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
