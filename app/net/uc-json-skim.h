/* uc-json-skim.h: the members of a large JSON object, found without parsing them
 *
 * models.dev answers about 4 MB for 145 providers, of which Undercut reads
 * ten. Skimming finds each top-level member's bytes (strings and nesting
 * followed, nothing built), so only the members wanted are parsed.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @name is the member's name as written between its quotes. */
typedef void (*UcJsonSkimFunc) (const char *name,
                                gsize       name_length,
                                const char *value,
                                gsize       value_length,
                                gpointer    user_data);

gboolean uc_json_skim_object (const char     *data,
                              gsize           length,
                              UcJsonSkimFunc  func,
                              gpointer        user_data,
                              const char    **problem,
                              gsize          *offset);

G_END_DECLS
