/* uc-library.h: the datasets the user imported, kept across restarts
 *
 * A GListModel of UcLibraryEntry, kept in <data dir>/library/: a manifest,
 * library.json, and the copies it names. The data dir is
 * $UNDERCUT_DATA_DIR when set, else the user data dir's "undercut".
 */
#pragma once

#include <gio/gio.h>

#include "uc-catalog.h"
#include "uc-csv.h"
#include "uc-library-entry.h"

G_BEGIN_DECLS

#define UC_TYPE_LIBRARY (uc_library_get_type ())
G_DECLARE_FINAL_TYPE (UcLibrary, uc_library, UC, LIBRARY, GObject)

char           *uc_library_default_dir (void) G_GNUC_WARN_UNUSED_RESULT;
UcLibrary      *uc_library_new         (const char          *dir) G_GNUC_WARN_UNUSED_RESULT;
const char     *uc_library_get_dir     (UcLibrary           *self);
gboolean        uc_library_load        (UcLibrary           *self,
                                        GError             **error);
UcLibraryEntry *uc_library_add         (UcLibrary           *self,
                                        GFile               *file,
                                        UcLibraryMode        mode,
                                        const char          *title,
                                        const UcCsvOptions  *options,
                                        GError             **error);
gboolean        uc_library_remove      (UcLibrary           *self,
                                        const char          *id,
                                        GError             **error);
UcLibraryEntry *uc_library_reimport    (UcLibrary           *self,
                                        const char          *id,
                                        GError             **error);
UcLibraryEntry *uc_library_find        (UcLibrary           *self,
                                        const char          *id);
guint           uc_library_fill_catalog (UcLibrary          *self,
                                         UcCatalog          *catalog);

G_END_DECLS
