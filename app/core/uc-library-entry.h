/* uc-library-entry.h: one dataset of the user's library
 *
 * A CSV file imported once: either copied into the library folder, or
 * referred to where it is (and read again from there). The entry keeps
 * where it came from (path, size, SHA-256, when it was imported; the
 * address of a downloaded file) and the reading options the import used,
 * and says whether its file is still there as it was.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "uc-chart-spec.h"
#include "uc-csv.h"
#include "uc-json-writer.h"
#include "uc-source.h"
#include "uc-view.h"

G_BEGIN_DECLS

typedef enum
{
  UC_LIBRARY_COPY,
  UC_LIBRARY_REFERENCE,
} UcLibraryMode;

typedef enum
{
  UC_LIBRARY_OK,
  UC_LIBRARY_MISSING,   /* the copy or the referred file is gone */
  UC_LIBRARY_CHANGED,   /* the referred file's size or SHA-256 differ */
} UcLibraryState;

/* What the columns of an imported table are for, as the user set them on
 * import (or as guessed): the dates the values are placed by, the number
 * columns drawn, a text column that splits a long table into one series
 * per value, and one that names points. */
typedef struct
{
  char          *time;
  char         **values;   /* NULL-terminated; NULL when none was set */
  char          *group;
  char          *label;
  UcValueFormat  format;
} UcLibraryRoles;

void uc_library_roles_clear (UcLibraryRoles       *roles);
void uc_library_roles_copy  (UcLibraryRoles       *dest,
                             const UcLibraryRoles *src);
void uc_library_roles_guess (UcLibraryRoles       *roles,
                             UcDataset            *dataset);
gboolean uc_library_is_close_column (const char   *name);

#define UC_TYPE_LIBRARY_ENTRY (uc_library_entry_get_type ())
G_DECLARE_FINAL_TYPE (UcLibraryEntry, uc_library_entry, UC, LIBRARY_ENTRY, GObject)

UcLibraryEntry *uc_library_entry_new_from_json (JsonObject          *object,
                                                const char          *dir,
                                                GError             **error) G_GNUC_WARN_UNUSED_RESULT;
UcLibraryEntry *uc_library_entry_new           (const char          *id,
                                                const char          *title,
                                                UcLibraryMode        mode,
                                                const char          *file,
                                                const char          *original,
                                                guint64              size,
                                                const char          *sha256,
                                                const UcCsvOptions  *options,
                                                const char          *dir) G_GNUC_WARN_UNUSED_RESULT;
void            uc_library_entry_write_json    (UcLibraryEntry      *self,
                                                UcJsonWriter        *writer);

const char     *uc_library_entry_get_id          (UcLibraryEntry *self);
const char     *uc_library_entry_get_title       (UcLibraryEntry *self);
UcLibraryMode   uc_library_entry_get_mode        (UcLibraryEntry *self);
const char     *uc_library_entry_get_file        (UcLibraryEntry *self);
const char     *uc_library_entry_get_path        (UcLibraryEntry *self);
const char     *uc_library_entry_get_original    (UcLibraryEntry *self);
guint64         uc_library_entry_get_size        (UcLibraryEntry *self);
const char     *uc_library_entry_get_sha256      (UcLibraryEntry *self);
const char     *uc_library_entry_get_imported_at (UcLibraryEntry *self);
const char     *uc_library_entry_get_origin_url  (UcLibraryEntry *self);
const char     *uc_library_entry_get_downloaded_at (UcLibraryEntry *self);
void            uc_library_entry_set_origin      (UcLibraryEntry *self,
                                                  const char     *url,
                                                  const char     *downloaded_at);
void            uc_library_entry_stamp           (UcLibraryEntry *self);
void            uc_library_entry_get_options     (UcLibraryEntry *self,
                                                  UcCsvOptions   *options);
UcLibraryEntry *uc_library_entry_copy            (UcLibraryEntry *self) G_GNUC_WARN_UNUSED_RESULT;
void            uc_library_entry_set_title       (UcLibraryEntry *self,
                                                  const char     *title);
const UcLibraryRoles *uc_library_entry_get_roles (UcLibraryEntry *self);
void            uc_library_entry_set_roles       (UcLibraryEntry *self,
                                                  const UcLibraryRoles *roles);
UcView         *uc_library_make_view             (const char     *id,
                                                  const char     *title,
                                                  const char     *name,
                                                  const char     *dataset,
                                                  const UcLibraryRoles *roles,
                                                  const char     *credit,
                                                  GError        **error) G_GNUC_WARN_UNUSED_RESULT;
UcView         *uc_library_entry_create_view     (UcLibraryEntry *self,
                                                  GError        **error) G_GNUC_WARN_UNUSED_RESULT;
guint           uc_library_entry_add_series_to   (UcLibraryEntry *self,
                                                  UcDataset      *dataset,
                                                  UcChartSpec    *chart,
                                                  GError        **error);
char           *uc_library_entry_dup_credit      (UcLibraryEntry *self) G_GNUC_WARN_UNUSED_RESULT;
char           *uc_library_view_id               (const char     *entry_id) G_GNUC_WARN_UNUSED_RESULT;
const char     *uc_library_view_entry_id         (const char     *view_id);
UcLibraryState  uc_library_entry_get_state       (UcLibraryEntry *self);
UcLibraryState  uc_library_entry_check           (UcLibraryEntry *self);
UcSource       *uc_library_entry_create_source   (UcLibraryEntry *self) G_GNUC_WARN_UNUSED_RESULT;

const char     *uc_library_mode_to_string        (UcLibraryMode   mode);
const char     *uc_library_state_to_string       (UcLibraryState  state);
char           *uc_library_clean_url             (const char     *url) G_GNUC_WARN_UNUSED_RESULT;
char           *uc_library_hash_file             (const char     *path,
                                                  guint64        *size,
                                                  GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
