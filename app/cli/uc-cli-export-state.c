/* uc-cli-export-state.c: `undercut export --spec STATE`, a saved window drawn
 *
 * A view state saved by the window says what is charted and how it
 * reads: the view, its variant and picks, the days, the base day, the
 * value mode, the log axis, the transform, the filter, the categories and
 * series hidden, the user's events. The command line then only says
 * where the image goes and how large; an option that would change what
 * the state decides is refused rather than quietly overriding it.
 */
#include "config.h"

#include "uc-cli-export-state.h"

#include "uc-view-state.h"

/* Whether @path names a view state (a regular file whose "format" says
 * so); a report pack's chart.json and anything unreadable do not. */
gboolean
uc_cli_export_is_state (const char *path)
{
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return FALSE;
  file = g_file_new_for_commandline_arg (path);
  return uc_view_state_file_looks_like (file);
}

/* The state at @path read, its view loaded and its charts built as the
 * window shows them; NULL with @error naming the file. */
GPtrArray *
uc_cli_export_state_charts (const char  *path,
                            UcView     **view,
                            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(UcViewState) state = uc_view_state_load (file, error);
  g_autofree char *name = g_file_get_parse_name (file);
  GPtrArray *charts;

  if (state == NULL)
    return NULL;
  if ((*view = uc_view_state_load_view (state, error)) == NULL)
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  if ((charts = uc_view_state_build_charts (state, *view, error)) == NULL)
    g_prefix_error (error, "%s: ", name);
  return charts;
}
