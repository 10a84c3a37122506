/* uc-safe-file.h: writing the user's files without destroying anything
 *
 * A file is written unnamed (or under a temporary name) beside its target
 * and takes the target's name only once complete; a folder of files (a
 * report pack) is written beside its target and swapped in whole. Nothing
 * but a regular file, or a folder holding only the files it will hold
 * again, is ever replaced, and nothing but our own temporaries is ever
 * removed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UcSafeFile UcSafeFile;
typedef struct _UcSafeDir  UcSafeDir;

/* Errors are in G_IO_ERROR: NOT_REGULAR_FILE, PERMISSION_DENIED,
 * NOT_DIRECTORY, NOT_EMPTY, or the one of the failed call. */
UcSafeFile *uc_safe_file_new          (const char   *path,
                                       const char   *name,
                                       GError      **error);
int         uc_safe_file_get_fd       (UcSafeFile   *self);
const char *uc_safe_file_get_name     (UcSafeFile   *self);
gboolean    uc_safe_file_write        (UcSafeFile   *self,
                                       const void   *data,
                                       gsize         length,
                                       GError      **error);
gboolean    uc_safe_file_commit       (UcSafeFile   *self,
                                       GError      **error);
void        uc_safe_file_free         (UcSafeFile   *self);
gboolean    uc_safe_file_set_contents (const char   *path,
                                       const char   *name,
                                       const void   *data,
                                       gsize         length,
                                       GError      **error);

UcSafeDir  *uc_safe_dir_new           (const char          *path,
                                       const char * const  *names,
                                       GError             **error);
const char *uc_safe_dir_get_path      (UcSafeDir    *self);
gboolean    uc_safe_dir_commit        (UcSafeDir    *self,
                                       GError      **error);
void        uc_safe_dir_free          (UcSafeDir    *self);

/* Removes what writers that died left in @folder (only ever temporaries of
 * ours); every writer does this in its target's folder. */
void        uc_safe_file_remove_stale (const char   *folder);
/* For tests: the paths taken where the file system lacks O_TMPFILE and
 * RENAME_EXCHANGE. */
void        uc_safe_file_force_fallbacks (gboolean   force);
/* For tests: called at moments of a pack's commit ("exchanged",
 * "moved-aside", "replaced"), where a test may stop as if killed. */
typedef void (*UcSafeFileTestHook) (const char *moment);
void        uc_safe_file_set_test_hook   (UcSafeFileTestHook hook);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcSafeFile, uc_safe_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcSafeDir, uc_safe_dir_free)

G_END_DECLS
