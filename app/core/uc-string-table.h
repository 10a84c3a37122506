/* uc-string-table.h: interned strings for text columns
 *
 * A text column stores one 32-bit code per cell; code 0 means missing. Equal
 * strings share one code, so category columns (tickers, countries) cost four
 * bytes a cell and compare by code.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UcStringTable UcStringTable;

UcStringTable *uc_string_table_new     (void) G_GNUC_WARN_UNUSED_RESULT;
void           uc_string_table_free    (UcStringTable *self);
guint32        uc_string_table_intern  (UcStringTable *self,
                                        const char    *text,
                                        gsize          len);
guint32        uc_string_table_lookup  (UcStringTable *self,
                                        const char    *text,
                                        gsize          len);
const char    *uc_string_table_get     (UcStringTable *self,
                                        guint32        code);
guint          uc_string_table_size    (UcStringTable *self);
gsize          uc_string_table_bytes   (UcStringTable *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcStringTable, uc_string_table_free)

G_END_DECLS
