/* uc-series-choice.h: a series a reader may add to a chart or leave out,
 * as an item of the list a picker shows */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UC_TYPE_SERIES_CHOICE (uc_series_choice_get_type ())
G_DECLARE_FINAL_TYPE (UcSeriesChoice, uc_series_choice, UC, SERIES_CHOICE, GObject)

UcSeriesChoice *uc_series_choice_new        (const char     *id,
                                             const char     *label,
                                             gboolean        own,
                                             gboolean        chosen) G_GNUC_WARN_UNUSED_RESULT;
const char     *uc_series_choice_get_id     (UcSeriesChoice *self);
const char     *uc_series_choice_get_label  (UcSeriesChoice *self);
gboolean        uc_series_choice_get_own    (UcSeriesChoice *self);
gboolean        uc_series_choice_get_chosen (UcSeriesChoice *self);
void            uc_series_choice_set_chosen (UcSeriesChoice *self,
                                             gboolean        chosen);
gboolean        uc_series_choice_matches    (UcSeriesChoice *self,
                                             const char     *words);

G_END_DECLS
