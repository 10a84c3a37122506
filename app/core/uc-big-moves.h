/* uc-big-moves.h: the largest one-day moves of a company or a basket
 *
 * A basket's value is its members' market caps added up on the days all of
 * them have one; a day's move is from the trading day before. Each move
 * lists the events within a few days of it, so a reader sees what else
 * moved markets then.
 */
#pragma once

#include <glib.h>

#include "uc-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  UC_MOVES_FALLS,
  UC_MOVES_RISES,
  UC_MOVES_BOTH,
} UcMovesDirection;

typedef struct
{
  gint64  day;          /* days since 1970-01-01 */
  gint64  day_before;
  double  value_before;
  double  value;
  double  change;       /* a fraction: −0.17 */
  double  money;        /* in the currency of the caps; NaN when prices only */
  guint   rank;         /* 1 is the largest */
  char   *events;       /* "2025-01-27 DeepSeek shock…; …", or NULL */
} UcMove;

typedef struct
{
  char      *label;       /* "NVDA" or "8 companies (NVDA, MSFT, …)" */
  char      *currency;
  gboolean   by_cap;      /* market caps; else closes (no share count) */
  guint      n_days;      /* days with a move */
  gint64     first_day;
  gint64     last_day;
  GArray    *moves;       /* UcMove, every day's, largest first */
} UcMoves;

UcMoves *uc_moves_find   (UcDataset          *prices,
                          UcDataset          *events,
                          const char * const *companies,
                          UcMovesDirection    direction,
                          gboolean            by_money,
                          guint               event_days,
                          GError            **error) G_GNUC_WARN_UNUSED_RESULT;
const UcMove *uc_moves_find_day (UcMoves     *self,
                                 gint64       day);
void     uc_moves_free   (UcMoves            *self);
char    *uc_moves_to_json (UcMoves           *self,
                          guint              top) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcMoves, uc_moves_free)

G_END_DECLS
