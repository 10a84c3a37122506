/* uc-import-presets.h: reading options remembered for files named alike
 *
 * "Use these settings for files like this": the import dialog's options
 * and column roles, kept for a pattern made from a file's name (each run
 * of digits a `*`, so KSH_2024-05.csv gives KSH_*-*.csv), matched without
 * regard to case. They live in one small JSON file in the user data dir,
 * written whole and atomically at each change.
 */
#pragma once

#include <glib-object.h>

#include "uc-csv.h"

G_BEGIN_DECLS

typedef struct
{
  char   *pattern;        /* "KSH_*-*.csv" */
  char    delimiter;      /* 0: detected, as UcCsvOptions */
  char    decimal;
  char    thousands;
  guint   header_row;
  char   *encoding;
  char   *date_format;
  GStrv   columns;        /* column names, by header… */
  GStrv   roles;          /* …and what each is: "time" "value" "group" "label" "skip" */
} UcImportPreset;

UcImportPreset *uc_import_preset_new         (const char           *pattern);
UcImportPreset *uc_import_preset_copy        (const UcImportPreset *preset);
void            uc_import_preset_free        (UcImportPreset       *preset);
void            uc_import_preset_set_options (UcImportPreset       *preset,
                                              const UcCsvOptions   *options);
void            uc_import_preset_get_options (const UcImportPreset *preset,
                                              UcCsvOptions         *options);
const char     *uc_import_preset_get_role    (const UcImportPreset *preset,
                                              const char           *column);

char           *uc_import_pattern_from_name  (const char           *name) G_GNUC_WARN_UNUSED_RESULT;
gboolean        uc_import_pattern_matches    (const char           *pattern,
                                              const char           *name);

#define UC_TYPE_IMPORT_PRESETS (uc_import_presets_get_type ())
G_DECLARE_FINAL_TYPE (UcImportPresets, uc_import_presets, UC, IMPORT_PRESETS, GObject)

char                 *uc_import_presets_default_path (void) G_GNUC_WARN_UNUSED_RESULT;
UcImportPresets      *uc_import_presets_new      (const char       *path) G_GNUC_WARN_UNUSED_RESULT;
UcImportPresets      *uc_import_presets_get_default (void);
const char           *uc_import_presets_get_path (UcImportPresets  *self);
gboolean              uc_import_presets_load     (UcImportPresets  *self,
                                                  GError          **error);
guint                 uc_import_presets_get_n    (UcImportPresets  *self);
const UcImportPreset *uc_import_presets_find     (UcImportPresets  *self,
                                                  const char       *name);
gboolean              uc_import_presets_remember (UcImportPresets  *self,
                                                  UcImportPreset   *preset,
                                                  GError          **error);
gboolean              uc_import_presets_forget   (UcImportPresets  *self,
                                                  const char       *pattern,
                                                  GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcImportPreset, uc_import_preset_free)

G_END_DECLS
