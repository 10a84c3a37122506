/* uc-catalog.h: the datasets Undercut knows, a list of sources
 *
 * A GListModel of UcSource that can change while the program runs (a
 * file of the user's added, a download removed). The default catalog
 * starts with the datasets compiled in, as data/datasets/sources.json
 * describes them.
 */
#pragma once

#include <gio/gio.h>

#include "uc-dataset.h"
#include "uc-source.h"

G_BEGIN_DECLS

#define UC_TYPE_CATALOG (uc_catalog_get_type ())
G_DECLARE_FINAL_TYPE (UcCatalog, uc_catalog, UC, CATALOG, GObject)

UcCatalog *uc_catalog_new         (void) G_GNUC_WARN_UNUSED_RESULT;
UcCatalog *uc_catalog_get_default (void);
void       uc_catalog_add         (UcCatalog   *self,
                                   UcSource    *source);
gboolean   uc_catalog_remove      (UcCatalog   *self,
                                   const char  *id);
UcSource  *uc_catalog_find        (UcCatalog   *self,
                                   const char  *id);
UcDataset *uc_catalog_load        (const char  *id,
                                   GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void       uc_catalog_register_resources (void);
void       uc_catalog_reload_refreshed (UcCatalog *self);
gboolean   uc_catalog_get_snapshot  (const char  *id,
                                     char       **location,
                                     char       **retrieved);
char      *uc_catalog_data_dir      (const char  *folder) G_GNUC_WARN_UNUSED_RESULT;
char      *uc_catalog_refreshed_dir (void) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
