/* uc-file-source.h: a CSV file of the user's */
#pragma once

#include "uc-source.h"

G_BEGIN_DECLS

#define UC_TYPE_FILE_SOURCE (uc_file_source_get_type ())
G_DECLARE_FINAL_TYPE (UcFileSource, uc_file_source, UC, FILE_SOURCE, UcSource)

UcSource *uc_file_source_new      (GFile        *file) G_GNUC_WARN_UNUSED_RESULT;
UcSource *uc_file_source_new_full (GFile              *file,
                                   const char         *id,
                                   const char         *title,
                                   const UcCsvOptions *options) G_GNUC_WARN_UNUSED_RESULT;
GFile    *uc_file_source_get_file (UcFileSource *self);

G_END_DECLS
