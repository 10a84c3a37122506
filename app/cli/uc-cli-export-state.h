/* uc-cli-export-state.h: `undercut export --spec` given a view state */
#pragma once

#include "uc-view.h"

G_BEGIN_DECLS

gboolean   uc_cli_export_is_state     (const char  *path);
GPtrArray *uc_cli_export_state_charts (const char  *path,
                                       UcView     **view,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
