/* uc-cli.h: the headless commands (no display, no GTK) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses shared by every command. */
#define UC_EXIT_OK      0
#define UC_EXIT_FAILURE 1   /* data or I/O error */
#define UC_EXIT_USAGE   2   /* unknown option or bad value */

void     uc_cli_timing      (const char      *step);
int      uc_cli_usage_error (const char      *command,
                             const char      *message);
gboolean uc_cli_parse       (GOptionContext  *context,
                             const char      *command,
                             int              argc,
                             char           **argv,
                             GStrv           *rest,
                             GError         **error);

int uc_cli_export   (int argc, char **argv);
int uc_cli_inspect  (int argc, char **argv);
int uc_cli_datasets (int argc, char **argv);
int uc_cli_refresh  (int argc, char **argv);
int uc_cli_sources  (int argc, char **argv);
int uc_cli_library  (int argc, char **argv);
int uc_cli_study    (int argc, char **argv);
int uc_cli_moves    (int argc, char **argv);
int uc_cli_frontier (int argc, char **argv);
int uc_cli_releases (int argc, char **argv);
int uc_cli_claims   (int argc, char **argv);

G_END_DECLS
