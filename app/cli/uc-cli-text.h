/* uc-cli-text.h: text from files made safe for a terminal
 *
 * A CSV can hold escape sequences that retitle or clear the terminal it is
 * inspected in. Everything the commands print goes through here.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *uc_cli_escape                (const char *text,
                                    gssize      len,
                                    gboolean    keep_newlines) G_GNUC_WARN_UNUSED_RESULT;
char *uc_cli_clip                  (const char *text,
                                    guint       max_chars) G_GNUC_WARN_UNUSED_RESULT;
int   uc_cli_width                 (const char *text);
char *uc_cli_pad                   (const char *text,
                                    int         width,
                                    gboolean    left) G_GNUC_WARN_UNUSED_RESULT;
void  uc_cli_install_print_handlers (void);

G_END_DECLS
