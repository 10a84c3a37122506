/* uc-clickhouse-dialog.h: a ClickHouse table picked, with its columns' roles */
#pragma once

#include <adwaita.h>

#include "uc-clickhouse.h"

G_BEGIN_DECLS

#define UC_TYPE_CLICKHOUSE_DIALOG (uc_clickhouse_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UcClickhouseDialog, uc_clickhouse_dialog, UC, CLICKHOUSE_DIALOG, AdwWindow)

UcClickhouseDialog *uc_clickhouse_dialog_new          (GtkWindow          *parent);
void                uc_clickhouse_dialog_set_server   (UcClickhouseDialog *self,
                                                       const char         *url,
                                                       const char         *database,
                                                       const char         *user);
UcClickhouse       *uc_clickhouse_dialog_create_connection (UcClickhouseDialog *self,
                                                       GError            **error) G_GNUC_WARN_UNUSED_RESULT;
GStrv               uc_clickhouse_dialog_dup_groups   (UcClickhouseDialog *self) G_GNUC_WARN_UNUSED_RESULT;
const char         *uc_clickhouse_dialog_get_user     (UcClickhouseDialog *self);
const char         *uc_clickhouse_dialog_get_password (UcClickhouseDialog *self);
void                uc_clickhouse_dialog_show_error   (UcClickhouseDialog *self,
                                                       const GError       *error);
const char         *uc_clickhouse_dialog_get_status   (UcClickhouseDialog *self);
gboolean            uc_clickhouse_dialog_is_busy      (UcClickhouseDialog *self);

G_END_DECLS
