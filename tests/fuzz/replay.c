/* replay.c: runs a fuzz target over its seed corpus and every input that
 * once crashed it, as an ordinary test (no libFuzzer needed). */
#include <gio/gio.h>

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
replay_dir (const char *dir,
            guint      *count)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (name[0] == '.' || !g_file_get_contents (path, &contents, &len, NULL))
        continue;
      g_test_message ("%s", path);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, len);
      (*count)++;
    }
}

static void
test_replay (gconstpointer data)
{
  const char *target = data;
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz", "corpus", target, NULL);
  g_autofree char *regressions = g_test_build_filename (G_TEST_DIST, "fuzz", "regressions", target, NULL);
  guint count = 0;

  replay_dir (corpus, &count);
  replay_dir (regressions, &count);
  g_assert_cmpuint (count, >, 0);
}

int
main (int argc, char **argv)
{
  g_autofree char *path = NULL;

  g_test_init (&argc, &argv, NULL);
  path = g_strdup_printf ("/fuzz/replay/%s", FUZZ_TARGET);
  g_test_add_data_func (path, FUZZ_TARGET, test_replay);
  return g_test_run ();
}
