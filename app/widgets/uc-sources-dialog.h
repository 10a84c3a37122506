/* uc-sources-dialog.h: the Sources page
 *
 * Every source the refresh asks: its title, publisher, licence and
 * address, when it was retrieved, the day its data reach, how many rows,
 * and its state in words, kept current while a refresh runs. Where a
 * source needs a key (Stooq) or a contact address (SEC), a row to enter
 * it, kept in the settings.
 */
#pragma once

#include <adwaita.h>

#include "uc-refresher.h"

G_BEGIN_DECLS

#define UC_TYPE_SOURCES_DIALOG (uc_sources_dialog_get_type ())
G_DECLARE_FINAL_TYPE (UcSourcesDialog, uc_sources_dialog, UC, SOURCES_DIALOG, AdwPreferencesWindow)

GtkWidget *uc_sources_dialog_new (GtkWindow   *parent,
                                  UcRefresher *refresher,
                                  GSettings   *settings);

G_END_DECLS
