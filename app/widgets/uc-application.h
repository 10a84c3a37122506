/* uc-application.h: the Undercut application */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define UC_TYPE_APPLICATION (uc_application_get_type ())
G_DECLARE_FINAL_TYPE (UcApplication, uc_application, UC, APPLICATION, AdwApplication)

UcApplication *uc_application_new (void);

G_END_DECLS
