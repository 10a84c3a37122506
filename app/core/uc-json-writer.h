/* uc-json-writer.h: compact, exact JSON output
 *
 * Numbers are written with the fewest digits that read back to the same
 * double (142.4073, not 142.40729999999999), strings escaped per RFC 8259.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _UcJsonWriter UcJsonWriter;

UcJsonWriter *uc_json_writer_new          (gboolean      pretty) G_GNUC_WARN_UNUSED_RESULT;
void          uc_json_writer_free         (UcJsonWriter *self);
char         *uc_json_writer_steal        (UcJsonWriter *self) G_GNUC_WARN_UNUSED_RESULT;
void          uc_json_begin_object        (UcJsonWriter *self);
void          uc_json_end_object          (UcJsonWriter *self);
void          uc_json_begin_array         (UcJsonWriter *self);
void          uc_json_end_array           (UcJsonWriter *self);
void          uc_json_key                 (UcJsonWriter *self,
                                           const char   *key);
void          uc_json_string              (UcJsonWriter *self,
                                           const char   *value);
void          uc_json_number              (UcJsonWriter *self,
                                           double        value);
void          uc_json_int                 (UcJsonWriter *self,
                                           gint64        value);
void          uc_json_bool                (UcJsonWriter *self,
                                           gboolean      value);
void          uc_json_null                (UcJsonWriter *self);
void          uc_json_member_string       (UcJsonWriter *self,
                                           const char   *key,
                                           const char   *value);
void          uc_json_member_number       (UcJsonWriter *self,
                                           const char   *key,
                                           double        value);
char         *uc_format_double_shortest   (double        value) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcJsonWriter, uc_json_writer_free)

G_END_DECLS
