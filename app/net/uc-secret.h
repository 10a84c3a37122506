/* uc-secret.h: a server's password in the desktop's keyring, never in a file */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean uc_secret_store  (const char    *server,
                           const char    *user,
                           const char    *password,
                           GCancellable  *cancellable,
                           GError       **error);
char    *uc_secret_lookup (const char    *server,
                           const char    *user,
                           GCancellable  *cancellable,
                           GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean uc_secret_clear  (const char    *server,
                           const char    *user,
                           GCancellable  *cancellable,
                           GError       **error);

G_END_DECLS
