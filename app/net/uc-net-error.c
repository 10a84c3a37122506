/* uc-net-error.c: why a source's answer was refused */
#include "uc-net-error.h"

G_DEFINE_QUARK (uc-net-error-quark, uc_net_error)
