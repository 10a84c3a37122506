/* uc-cli-clickhouse.h: a chart of a ClickHouse table, for `undercut export` */
#pragma once

#include "uc-chart-spec.h"

G_BEGIN_DECLS

typedef struct
{
  const char *url, *database, *table, *x, *y, *group, *user;
  gboolean    has_range;
  UcTime      from, to;
  int         width, height;
  double      scale;    /* device pixels a unit: the PNG's; 1 for vectors */
  double      font_px;
  guint       rollup;   /* make the rollup of these seconds first; 0: no */
  UcTime      base;     /* the day values are rebased on (0: none): its row is read too */
} UcCliClickhouse;

UcChartSpec *uc_cli_spec_from_clickhouse (const UcCliClickhouse *request,
                                          GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
