/* uc-window-table.c: the data of the view shown, as a table
 *
 * Part of UcWindow (see uc-window-private.h). Show Data Table (Ctrl+T)
 * opens a UcTableWindow on the datasets of the view shown, in the order
 * its charts name them: the first chart's first. One window per use: a
 * table is a thing to keep beside the charts, and several can be.
 */
#include "config.h"

#include "uc-window.h"
#include "uc-window-private.h"

#include <glib/gi18n.h>

UcTableWindow *
_uc_window_show_table (UcWindow *self)
{
  const char * const *ids;
  UcTableWindow *table;

  if (self->view == NULL)
    return NULL;
  ids = uc_view_get_datasets (self->view);
  if (ids == NULL || ids[0] == NULL)
    {
      _uc_window_toast (self, _("This view draws on no dataset"));
      return NULL;
    }
  table = uc_table_window_new (GTK_WINDOW (self), ids);
  gtk_window_present (GTK_WINDOW (table));
  return table;
}

/* win.show-table (Ctrl+T), installed with the window's other actions. */
void
_uc_window_show_table_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  _uc_window_show_table (UC_WINDOW (widget));
}
