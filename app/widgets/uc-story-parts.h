/* uc-story-parts.h: what the pages of the Test the Story window share
 *
 * Their controls in a row that wraps in a narrow window, each under a
 * caption; and tables of figures as grids of selectable labels.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *uc_story_controls_new   (void);
void       uc_story_controls_add   (GtkWidget   *controls,
                                    const char  *caption,
                                    GtkWidget   *control);
void       uc_story_grid_clear     (GtkGrid     *grid);
GtkWidget *uc_story_grid_cell      (GtkGrid     *grid,
                                    int          column,
                                    int          row,
                                    const char  *text,
                                    gboolean     header,
                                    gboolean     numeric);
GtkWidget *uc_story_wrapped_label  (const char  *text,
                                    const char  *css_class);
GtkLabel  *uc_story_page_fill      (GtkBox      *page,
                                    GtkWidget   *controls,
                                    GtkWidget  **chart,
                                    GtkGrid    **table,
                                    GtkBox     **notes);
GtkLabel  *uc_story_error_label_new (void);
void       uc_story_set_error      (GtkLabel    *label,
                                    char       **kept,
                                    const char  *message);
GStrv      uc_story_split_list     (const char  *text) G_GNUC_WARN_UNUSED_RESULT;
void       uc_story_notes_clear    (GtkBox      *notes);
void       uc_story_notes_add      (GtkBox      *notes,
                                    const char  *text);
char      *uc_story_grid_text      (GtkGrid     *grid) G_GNUC_WARN_UNUSED_RESULT;
char      *uc_story_percent        (double       fraction,
                                    int          decimals) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
