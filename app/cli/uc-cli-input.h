/* uc-cli-input.h: what the command line charts from the user's files */
#pragma once

#include "uc-chart-spec.h"
#include "uc-csv.h"
#include "uc-dataset.h"
#include "uc-source.h"

G_BEGIN_DECLS

UcDataset   *uc_cli_read_csv         (GFile               *file,
                                      const UcCsvOptions  *options,
                                      char               **sha256,
                                      UcCsvReport        **report,
                                      GError             **error);
UcChartSpec *uc_cli_spec_from_csv    (const char          *path,
                                      const char          *x,
                                      const char          *y,
                                      const char          *group,
                                      const char          *label,
                                      const char          *count_by,
                                      gboolean             hash,
                                      GError             **error);
UcDataset   *uc_cli_load_events      (const char          *events,
                                      UcSource           **source,
                                      GError             **error);
UcChartSpec *uc_cli_spec_from_events (const char          *events,
                                      GError             **error);
UcDataset   *uc_cli_load_table       (const char          *path,
                                      const char          *builtin,
                                      GError             **error);
GStrv        uc_cli_split_list       (const char          *text) G_GNUC_WARN_UNUSED_RESULT;

/* Where an analysis's chart goes (`study`, `frontier`): --output's file,
 * --pack's folder, their size and theme. */
typedef struct
{
  char *output;
  char *pack;
  char *theme;
  int   width;
  int   height;
} UcCliChartOut;

#define UC_CLI_CHART_OUT_INIT { NULL, NULL, NULL, 1600, 900 }

void         uc_cli_chart_out_clear  (UcCliChartOut       *out);
gboolean     uc_cli_chart_out_check  (const UcCliChartOut *out,
                                      GError             **error);
gboolean     uc_cli_chart_out_write  (const UcCliChartOut *out,
                                      UcChartSpec         *spec,
                                      GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (UcCliChartOut, uc_cli_chart_out_clear)

G_END_DECLS
