/* uc-net-error.h: why a source's answer was refused */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define UC_NET_ERROR (uc_net_error_quark ())

typedef enum
{
  UC_NET_ERROR_NOT_CSV,     /* an HTML page, or no text at all */
  UC_NET_ERROR_REFUSED,     /* the source said no: a limit reached, a key needed */
  UC_NET_ERROR_NO_DATA,     /* the source has nothing for what was asked */
  UC_NET_ERROR_SCHEMA,      /* not the columns or members expected */
  UC_NET_ERROR_DATA,        /* dates out of order, no value at all */
} UcNetError;

GQuark uc_net_error_quark (void);

G_END_DECLS
