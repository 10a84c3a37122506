/* uc-install.h: where the installed programs find each other */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *uc_install_path (const char *own_dir,
                       const char *path);

G_END_DECLS
