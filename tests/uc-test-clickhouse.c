/* uc-test-clickhouse.c: a ClickHouse server of a test's own */
#include "config.h"

#include "uc-test-clickhouse.h"

#include <gio/gio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "uc-clickhouse.h"

struct _UcTestClickhouse
{
  char        *dir;
  GSubprocess *process;
  char        *url;
};

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
write_config (const char *dir,
              guint16     http,
              guint16     tcp)
{
  g_autofree char *config = g_strdup_printf (
    "<?xml version=\"1.0\"?>\n<yandex>\n"
    "  <logger><level>warning</level><log>%1$s/server.log</log><errorlog>%1$s/error.log</errorlog></logger>\n"
    "  <http_port>%2$u</http_port>\n  <tcp_port>%3$u</tcp_port>\n  <listen_host>127.0.0.1</listen_host>\n"
    "  <path>%1$s/data/</path>\n  <tmp_path>%1$s/tmp/</tmp_path>\n  <user_files_path>%1$s/files/</user_files_path>\n"
    "  <users_config>%1$s/users.xml</users_config>\n  <default_profile>default</default_profile>\n"
    "  <default_database>default</default_database>\n  <mark_cache_size>268435456</mark_cache_size>\n"
    /* A cluster of two shards, each a database of this server: a
     * Distributed table over them asks both, as it would two machines. */
    "  <remote_servers><two_shards>"
    "<shard><replica><host>127.0.0.1</host><port>%3$u</port><default_database>shard1</default_database></replica></shard>"
    "<shard><replica><host>127.0.0.1</host><port>%3$u</port><default_database>shard2</default_database></replica></shard>"
    "</two_shards></remote_servers>\n</yandex>\n",
    dir, http, tcp);
  const char *users =
    "<?xml version=\"1.0\"?>\n<yandex>\n"
    "  <profiles><default><max_memory_usage>8000000000</max_memory_usage></default></profiles>\n"
    "  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile>"
    "<quota>default</quota></default>"
    /* A user with a password: the window's keyring test signs in as it. */
    "<analyst><password>s3cret-analyst</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile>"
    "<quota>default</quota></analyst></users>\n"
    "  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors>"
    "<result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>\n"
    "</yandex>\n";
  g_autofree char *config_path = g_build_filename (dir, "config.xml", NULL);
  g_autofree char *users_path = g_build_filename (dir, "users.xml", NULL);

  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));
  g_assert_true (g_file_set_contents (users_path, users, -1, NULL));
}

static gboolean
answers (UcTestClickhouse *server)
{
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server->url, NULL, "t", "x", "y", NULL, NULL);
  g_autoptr(GBytes) answer = uc_clickhouse_query (ch, "SELECT 1", NULL, NULL);

  return answer != NULL;
}

/* The server goes with the test, even one that crashes before it ends it. */
static void
die_with_parent (gpointer data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A server started and answering; a failure when it cannot be. */
UcTestClickhouse *
uc_test_clickhouse_start (void)
{
  UcTestClickhouse *server = g_new0 (UcTestClickhouse, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL, *program = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  guint16 http = free_port (), tcp = free_port ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  server->dir = g_dir_make_tmp ("undercut-clickhouse-XXXXXX", &error);
  g_assert_no_error (error);
  write_config (server->dir, http, tcp);
  config = g_strdup_printf ("--config-file=%s/config.xml", server->dir);
  /* Debian puts it in /usr/sbin, which a user's PATH may lack. */
  program = g_find_program_in_path ("clickhouse-server");
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  server->process = g_subprocess_launcher_spawn (launcher, &error, program ? program : "/usr/sbin/clickhouse-server",
                                                 config, NULL);
  g_assert_no_error (error);
  server->url = g_strdup_printf ("http://127.0.0.1:%u/", http);
  while (!answers (server))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100000);
    }
  return server;
}

const char *
uc_test_clickhouse_url (UcTestClickhouse *server)
{
  return server->url;
}

/* @sql (with @data after it, for an INSERT) run; its answer's text. */
char *
uc_test_clickhouse_run (UcTestClickhouse *server,
                        const char       *sql,
                        const char       *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(UcClickhouse) ch = uc_clickhouse_new (server->url, NULL, "t", "x", "y", NULL, &error);
  g_autofree char *all = data ? g_strconcat (sql, "\n", data, NULL) : g_strdup (sql);
  g_autoptr(GBytes) answer = NULL;

  g_assert_no_error (error);
  uc_clickhouse_set_timeout (ch, 600);
  uc_clickhouse_set_max_size (ch, (gsize) 4 << 30);
  answer = uc_clickhouse_query (ch, all, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_size (answer) ? g_bytes_get_data (answer, NULL) : "", g_bytes_get_size (answer));
}

void
uc_test_clickhouse_kill (UcTestClickhouse *server)
{
  if (server->process == NULL)
    return;
  g_subprocess_force_exit (server->process);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
}

void
uc_test_clickhouse_free (UcTestClickhouse *server)
{
  g_autofree char *command = NULL;

  uc_test_clickhouse_kill (server);
  command = g_strdup_printf ("rm -rf %s", server->dir);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_free (server->url);
  g_free (server->dir);
  g_free (server);
}
