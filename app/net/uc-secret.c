/* uc-secret.c: a server's password in the desktop's keyring
 *
 * Kept by the Secret Service (GNOME Keyring, KWallet) under the server's
 * address and the user's name, so the settings hold neither it nor a
 * trace of it. Blocking: called on workers. Where no keyring answers, the
 * caller keeps the password for the session and says so.
 */
#include "config.h"

#include "uc-secret.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

static const SecretSchema *
schema (void)
{
  static const SecretSchema clickhouse = {
    "io.github.undercut.Undercut.Server", SECRET_SCHEMA_NONE,
    {
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, 0, 0, 0, 0, 0, 0, 0
  };

  return &clickhouse;
}

gboolean
uc_secret_store (const char    *server,
                 const char    *user,
                 const char    *password,
                 GCancellable  *cancellable,
                 GError       **error)
{
  /* Translators: the keyring's name for a password, then the user and server */
  g_autofree char *label = g_strdup_printf (_("Undercut: %s at %s"), user, server);

  g_return_val_if_fail (server && user && password, FALSE);
  return secret_password_store_sync (schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable, error,
                                     "server", server, "user", user, NULL);
}

/* The password kept for @user at @server, or NULL (with @error unset
 * when none is kept). */
char *
uc_secret_lookup (const char    *server,
                  const char    *user,
                  GCancellable  *cancellable,
                  GError       **error)
{
  char *secret;
  char *password;

  g_return_val_if_fail (server && user, NULL);
  secret = secret_password_lookup_sync (schema (), cancellable, error, "server", server, "user", user, NULL);
  if (secret == NULL)
    return NULL;
  /* Ours to free with g_free(); the keyring's copy is wiped. */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

gboolean
uc_secret_clear (const char    *server,
                 const char    *user,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GError *local = NULL;

  g_return_val_if_fail (server && user, FALSE);
  secret_password_clear_sync (schema (), cancellable, &local, "server", server, "user", user, NULL);
  if (local)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  return TRUE;
}
