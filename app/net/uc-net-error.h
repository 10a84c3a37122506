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
  UC_NET_ERROR_HTTP,        /* an HTTP status that is not success */
  UC_NET_ERROR_TOO_LARGE,   /* a body past the source's size limit */
  UC_NET_ERROR_TRANSPORT,   /* no answer: refused, timed out, redirected round */
  UC_NET_ERROR_INSECURE,    /* http:// where only https:// is allowed */
} UcNetError;

GQuark uc_net_error_quark (void);

G_END_DECLS
