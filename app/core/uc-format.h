/* uc-format.h: numbers as people read them on charts and in tables */
#pragma once

#include "uc-chart-spec.h"

G_BEGIN_DECLS

typedef struct
{
  double      divisor;
  const char *suffix;
} UcUnit;

void   uc_format_use_locale    (const char    *name);
const char *uc_format_decimal_mark (void);
void   uc_format_append_grouped (GString      *out,
                                 const char   *digits);
UcUnit uc_format_unit_for      (double         magnitude);
char  *uc_format_decimal       (double         value,
                                int            decimals) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_significant   (double         value,
                                int            digits) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_dollars       (const char    *number) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_scaled        (double         value,
                                const char    *prefix,
                                UcUnit         unit,
                                int            decimals,
                                const char    *suffix) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_value         (double         value,
                                UcValueFormat  format) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_value_precise (double         value,
                                UcValueFormat  format) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_day           (UcTime         t) G_GNUC_WARN_UNUSED_RESULT;
gboolean uc_format_parse_day   (const char    *text,
                                UcTime        *out);
char  *uc_format_period        (UcTime         from,
                                UcTime         to) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_period_name   (UcTime         start,
                                UcChartPeriod  period) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_subtitle      (UcChartSpec   *spec) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_money_change  (double         value) G_GNUC_WARN_UNUSED_RESULT;
char  *uc_format_money_change_in (double        value,
                                 const char    *currency) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
