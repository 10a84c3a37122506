/* uc-import-dialog-private.h: what the import dialog's two files share
 *
 *   uc-import-dialog.c          the object, the reading options, the read on a worker, the
 *                               settings remembered for files like this one, Import
 *   uc-import-dialog-columns.c  a read shown: the preview table, the columns' roles, the warnings
 *
 * Only those files include this header, after uc-import-dialog.h (which it
 * does not include: the two would then include each other).
 */
#pragma once

#include <adwaita.h>

#include "uc-csv.h"
#include "uc-import-presets.h"

G_BEGIN_DECLS

#define UC_IMPORT_PREVIEW_ROWS   200
#define UC_IMPORT_SHOWN_COLUMNS  300   /* in the table and the roles; the rest keep their preset roles */

typedef enum
{
  UC_ROLE_TIME,
  UC_ROLE_VALUE,
  UC_ROLE_GROUP,
  UC_ROLE_LABEL,
  UC_ROLE_SKIP,
} UcImportRole;

/* One column of the preview: its role row on the side, its column in the table. */
typedef struct
{
  UcImportDialog      *dialog;
  guint                index;
  char                *name;
  UcColumnType         type;
  UcImportRole         role;
  UcImportRole         allowed[5];
  guint                n_allowed;
  AdwComboRow         *row;
  GtkColumnViewColumn *view_column;
} UcImportColumn;

struct _UcImportDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  AdwEntryRow         *title_row;
  GtkSwitch           *copy_switch;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *decimal_row;
  AdwComboRow         *thousands_row;
  AdwActionRow        *header_row;
  GtkSpinButton       *header_spin;
  AdwComboRow         *encoding_row;
  AdwComboRow         *date_row;
  AdwPreferencesGroup *columns_group;
  AdwComboRow         *format_row;
  GtkScrolledWindow   *warnings_scroll;
  GtkListBox          *warnings_list;
  GtkLabel            *message_label;
  GtkLabel            *summary_label;
  GtkColumnView       *preview_view;
  GtkWidget           *preset_note;
  GtkLabel            *preset_label;
  GtkButton           *forget_button;
  GtkCheckButton      *remember_check;
  GtkLabel            *remember_label;

  /* owned */
  GFile               *file;
  char                *default_title;
  char                *stamp;            /* of the file as previewed */
  UcDataset           *dataset;          /* the preview, or NULL */
  UcCsvReport         *report;
  GCancellable        *cancellable;      /* of the read running, or NULL */
  guint                debounce_id;
  gint64               last_read_us;
  gboolean             import_when_read;
  gboolean             changed_on_disk;
  gboolean             can_import;
  guint                updating;         /* roles set by the dialog, not the user */
  GPtrArray           *columns;          /* UcImportColumn */
  GHashTable          *chosen_roles;     /* column name → role + 1, as the user set them */
  GHashTable          *bad_cells;        /* row × n_columns + column + 1 → warning + 1 */
  char                *time_column;
  char                *group_column;
  char                *label_column;
  GStrv                value_columns;
  GStrv                read_columns;     /* NULL: all */
  char                *pattern;          /* of the file's name, for "files like this" */
  UcImportPreset      *preset;           /* the remembered settings the controls started with */
  gboolean             preset_unchecked; /* the preset's columns not yet looked for in a preview */
  guint                applying;         /* controls set by the dialog: no read for each */
};

/* uc-import-dialog.c */
void  uc_import_dialog_set_message    (UcImportDialog *self,
                                       const char     *text,
                                       gboolean        error);
void  uc_import_dialog_show_detected  (UcImportDialog *self,
                                       UcCsvReport    *report);

/* uc-import-dialog-columns.c */
void  uc_import_dialog_init_columns   (UcImportDialog *self);
void  uc_import_dialog_roles_to_preset   (UcImportDialog *self,
                                          UcImportPreset *preset);
void  uc_import_dialog_roles_from_preset (UcImportDialog *self,
                                          const UcImportPreset *preset);
void  uc_import_dialog_clear_columns  (UcImportDialog *self);
void  uc_import_dialog_show_preview   (UcImportDialog *self,
                                       UcDataset      *dataset,
                                       UcCsvReport    *report,   /* taken */
                                       const GError   *error);

G_END_DECLS
