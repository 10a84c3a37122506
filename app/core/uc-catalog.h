/* uc-catalog.h: the datasets embedded in Undercut */
#pragma once

#include <gio/gio.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  const char *id;
  const char *title;
  const char *source;
} UcCatalogEntry;

const UcCatalogEntry *uc_catalog_entries  (guint       *n_entries);
const UcCatalogEntry *uc_catalog_lookup   (const char  *id);
GBytes               *uc_catalog_get_bytes (const char *id,
                                            GError    **error) G_GNUC_WARN_UNUSED_RESULT;
UcDataset            *uc_catalog_load     (const char  *id,
                                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void                  uc_catalog_register_resources (void);

G_END_DECLS
