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
char           *uc_library_make_id     (UcLibrary           *self,
                                        const char          *path) G_GNUC_WARN_UNUSED_RESULT;
UcLibraryEntry *uc_library_prepare     (UcLibrary           *self,
                                        GFile               *file,
                                        const char          *id,
                                        UcLibraryMode        mode,
                                        const char          *title,
                                        const UcCsvOptions  *options,
                                        const UcLibraryRoles *roles,
                                        UcCsvProgress        progress,
                                        gpointer             progress_data,
                                        GCancellable        *cancellable,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        uc_library_commit      (UcLibrary           *self,
                                        UcLibraryEntry      *entry,
                                        GError             **error);
void            uc_library_discard     (UcLibrary           *self,
                                        UcLibraryEntry      *entry);
UcLibraryEntry *uc_library_rename      (UcLibrary           *self,
                                        const char          *id,
                                        const char          *title,
                                        GError             **error);
UcLibraryEntry *uc_library_set_roles   (UcLibrary           *self,
                                        const char          *id,
                                        const UcLibraryRoles *roles,
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
UcLibraryEntry *uc_library_prepare_reimport (UcLibrary      *self,
                                             UcLibraryEntry *old,
                                             UcCsvProgress   progress,
                                             gpointer        progress_data,
                                             GCancellable   *cancellable,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        uc_library_commit_reimport  (UcLibrary      *self,
                                             UcLibraryEntry *entry,
                                             GError        **error);
void            uc_library_discard_reimport (UcLibrary      *self,
                                             UcLibraryEntry *entry);
UcLibraryEntry *uc_library_find        (UcLibrary           *self,
                                        const char          *id);
void            uc_library_sync_catalog (UcLibrary         *self,
                                         UcCatalog         *catalog);
UcLibrary      *uc_library_get_default (void);
UcView         *uc_library_load_view   (const char          *view_id,
                                        GError             **error) G_GNUC_WARN_UNUSED_RESULT;
guint           uc_library_fill_catalog (UcLibrary          *self,
                                         UcCatalog          *catalog);

G_END_DECLS
