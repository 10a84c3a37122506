/* uc-view-catalog.h: the views Undercut shows, a list of UcView
 *
 * A GListModel of views (the window's sidebar) that can change while the
 * program runs: a view file of the user's added, one removed. Views in it
 * are parsed, not built: a view's data is loaded when it is shown.
 */
#pragma once

#include <gio/gio.h>

#include "uc-view.h"

G_BEGIN_DECLS

#define UC_TYPE_VIEW_CATALOG (uc_view_catalog_get_type ())
G_DECLARE_FINAL_TYPE (UcViewCatalog, uc_view_catalog, UC, VIEW_CATALOG, GObject)

UcViewCatalog *uc_view_catalog_new         (void) G_GNUC_WARN_UNUSED_RESULT;
UcViewCatalog *uc_view_catalog_new_builtin (void) G_GNUC_WARN_UNUSED_RESULT;
void           uc_view_catalog_add         (UcViewCatalog  *self,
                                            UcView         *view);
UcView        *uc_view_catalog_add_file    (UcViewCatalog  *self,
                                            GFile          *file,
                                            GError        **error);
gboolean       uc_view_catalog_remove      (UcViewCatalog  *self,
                                            const char     *id);
UcView        *uc_view_catalog_find        (UcViewCatalog  *self,
                                            const char     *id,
                                            guint          *position);
char          *uc_view_catalog_dup_ids     (UcViewCatalog  *self) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
