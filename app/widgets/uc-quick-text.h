/* uc-quick-text.h: short lines of text that change at every pointer move
 *
 * A crosshair's values, days and tags are new text at every move. Laid
 * out by pango each time, a dozen of them cost most of a move. UcQuickFont
 * keeps a font's glyphs by character, so a line of digits, signs and
 * Latin letters is set by looking its glyphs up; any other text is laid
 * out by pango as before.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _UcQuickFont UcQuickFont;
typedef struct _UcQuickText UcQuickText;

UcQuickFont *uc_quick_font_new         (GtkWidget                  *widget,
                                        const PangoFontDescription *desc);
UcQuickFont *uc_quick_font_ref         (UcQuickFont                *font);
void         uc_quick_font_unref       (UcQuickFont                *font);
int          uc_quick_font_get_height  (UcQuickFont                *font);
int          uc_quick_font_get_baseline (UcQuickFont               *font);

UcQuickText *uc_quick_text_new         (UcQuickFont                *font);
void         uc_quick_text_free        (UcQuickText                *text);
void         uc_quick_text_set_text    (UcQuickText                *text,
                                        const char                 *str);
const char  *uc_quick_text_get_text    (UcQuickText                *text);
void         uc_quick_text_get_extents (UcQuickText                *text,
                                        PangoRectangle             *ink,
                                        PangoRectangle             *logical);
void         uc_quick_text_snapshot    (UcQuickText                *text,
                                        GtkSnapshot                *snapshot,
                                        const GdkRGBA              *color,
                                        double                      x,
                                        double                      y);
int          uc_quick_text_get_baseline (UcQuickText               *text);
gboolean     uc_quick_text_is_quick    (UcQuickText                *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcQuickFont, uc_quick_font_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcQuickText, uc_quick_text_free)

G_END_DECLS
