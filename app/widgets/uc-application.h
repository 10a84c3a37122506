/* uc-application.h: the Undercut application */
#pragma once

#include <adwaita.h>

#include "uc-refresher.h"

G_BEGIN_DECLS

#define UC_TYPE_APPLICATION (uc_application_get_type ())
G_DECLARE_FINAL_TYPE (UcApplication, uc_application, UC, APPLICATION, AdwApplication)

UcApplication *uc_application_new           (void);
UcRefresher   *uc_application_get_refresher (UcApplication *self);

G_END_DECLS
