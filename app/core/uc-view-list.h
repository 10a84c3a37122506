/* uc-view-list.h: the views compiled in, by id
 *
 * One JSON file each in data/views/, in the order data/views/order gives.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GStrv   uc_view_list_ids    (void) G_GNUC_WARN_UNUSED_RESULT;
GBytes *uc_view_list_lookup (const char *id) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
