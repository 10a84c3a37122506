/* uc-window-private.h: what the files of UcWindow share
 *
 * UcWindow is one type in several files, each about one thing:
 *   uc-window.c           the class, its template, the sidebar of views and
 *                         loading the view asked for; the events table
 *   uc-window-charts.c    the charts of the view shown, one under the other,
 *                         their shared range, and what the header bar asks
 *                         of them (variant, filter words, base day, options)
 *   uc-window-keys.c      the chart keys and their chart.* actions, wherever
 *                         the focus is (but in entries and popovers)
 *   uc-window-controls.c  the value-mode and Log toggles, as the charts are
 *   uc-window-actions.c   the window's own win.* actions (their shortcuts
 *                         are the application's, in uc-application.c)
 *   uc-window-export.c    export to a file, the Export dialog, Copy as Image,
 *                         Copy Values (the crosshair's day in every chart)
 *   uc-window-settings.c  what is kept between runs: size, last view and
 *                         days, variants, value mode, log axis, categories
 *   uc-window-refresh.c   the refresh of the sources: its progress, its
 *                         toasts, the Sources page
 *   uc-window-import.c    the user's files brought in: Open, drop, paste,
 *                         the import dialog and the read on a worker (a
 *                         library entry's file read again too)
 *   uc-window-library.c   the user's datasets in the sidebar, and their
 *                         menu: rename, read again, show, remove
 *   uc-window-table.c     the data of the view shown, in a table window
 *   uc-window-events.c    the user's own events file, on every chart
 *   uc-window-annotations.c  the user's events one by one: New Event,
 *                         edit, delete and undo, Export Your Events…
 *   uc-window-state.c     the view shown saved as a file or a link, and
 *                         opened again
 *   uc-window-story.c     Test the Story, the window of the analyses
 *   uc-window-clickhouse.c  a ClickHouse table charted: the dialog, its
 *                         view in the sidebar, a frame asked per zoom
 * Only those files include this header.
 */
#pragma once

#include <adwaita.h>

#include "uc-chart-view.h"
#include "uc-event-list.h"
#include "uc-export-dialog.h"
#include "uc-import-dialog.h"
#include "uc-library.h"
#include "uc-overview.h"
#include "uc-range-popover.h"
#include "uc-series-picker.h"
#include "uc-story-window.h"
#include "uc-refresher.h"
#include "uc-table-window.h"
#include "uc-view.h"
#include "uc-view-catalog.h"
#include "uc-view-state.h"

G_BEGIN_DECLS

/* The type is declared by uc-window.h, which this header does not
 * include: the two would then include each other, and the layering checks
 * count that as a circle. */
typedef struct _UcWindow UcWindow;

/* What exports and copies draw, as the command line does. */
#define UC_WINDOW_EXPORT_WIDTH  1600
#define UC_WINDOW_EXPORT_HEIGHT 900

struct _UcWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *view_list;
  GtkWidget            *content;
  GtkBox               *charts;
  UcEventList          *event_list;
  GtkPaned             *event_paned;
  GtkWidget            *value_as_is_button;
  GtkWidget            *value_rebased_button;
  GtkWidget            *value_percent_button;
  GtkWidget            *log_button;
  GtkMenuButton        *transform_button;
  GtkWidget            *value_mode_box;
  UcOverview           *overview;
  GtkEditable          *filter_entry;
  GtkCalendar          *base_calendar;
  GtkMenuButton        *base_button;
  GtkDropDown          *variant_dropdown;
  GtkStringList        *variant_labels;
  AdwWindowTitle       *window_title;
  GtkMenuButton        *range_button;
  UcRangePopover       *range_popover;
  GtkMenuButton        *series_button;
  UcSeriesPicker       *series_picker;
  AdwToastOverlay      *toast_overlay;
  UcChartView          *chart_view;   /* the view's first chart */
  GtkStack             *refresh_stack;
  GtkSpinner           *refresh_spinner;
  GtkRevealer          *refresh_bar;
  GtkLabel             *refresh_label;
  GtkProgressBar       *refresh_progress;
  GtkRevealer          *import_bar;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GtkWidget            *library_hint;
  GtkWidget            *remote_bar;
  GtkLabel             *remote_label;
  GtkSpinner           *remote_spinner;

  /* owned */
  GtkWindow            *clickhouse_dialog;   /* while it is open */
  guint                 keyring_timeout;   /* a password being stored, cancelled if the keyring takes this long */
  GObject              *remote;       /* the view's table asked per frame (UcRemoteFrames), or NULL */
  char                 *initial_view;   /* construct-only: the view to open on */
  UcView               *view;         /* the view shown */
  GSettings            *settings;
  UcExportDialog       *export_dialog;   /* while it is open */
  UcViewCatalog        *views;        /* the sidebar's */
  GCancellable         *loading;      /* the data of the view asked for, being loaded; NULL when none */
  gboolean              restore_range; /* the first view shown takes the days of last time */
  GListStore           *events;       /* every event, for the table */
  gboolean              events_filled; /* with the events table, once it is loaded */
  UcTimeRange          *time_range;   /* shared by every chart on time */
  UcCrosshairLink      *crosshair_link; /* the day pointed at, shared by every chart of the view */
  GArray               *range_back;   /* UcTime pairs: the days shown before, newest last (Alt+Left) */
  GArray               *range_forward; /* ...and those gone back from (Alt+Right) */
  UcTime                range_shown[2]; /* the days shown, as last told */
  gint64                range_changed_at; /* monotonic time of the last change */
  gboolean              range_navigating; /* a change made by going back or forward */
  UcTime                base_date;    /* the last event clicked, to rebase on; 0: the first day shown */
  UcTime                selected_event; /* the day of the event last clicked or activated; 0: none */
  UcRefresher          *refresher;    /* the application's */
  GPtrArray            *refused;      /* UcFeed: the sources the refresh running could not refresh */
  AdwToast             *refresh_toast; /* what the last refresh said, while shown or waiting */
  GtkWindow            *sources_dialog; /* while it is open */
  guint                 reload_idle;  /* the view shown, to be loaded again with the catalog's new data */
  struct _UcWindowKept *kept;         /* what the view shown showed, kept across its reload; or NULL */
  UcLibrary            *library;      /* the user's datasets (the default library) */
  GHashTable           *library_views; /* view id → the UcLibraryEntry its sidebar view was made of */
  char                 *removing;     /* the entry removed under a toast, until it goes (Undo brings it back) */
  AdwToast             *removal_toast;
  GQueue                pending_files; /* GFile: to import (or, with "uc-reimport", to read again), one after the other */
  GtkFileChooserNative *open_chooser;
  UcImportDialog       *import_dialog; /* hidden while its import reads */
  gboolean              dialog_open;
  gboolean              fitting_event_list;   /* the list's width set to fit, not by the user */
  gboolean              event_list_fit_queued;
  GCancellable         *importing;    /* the import reading, or NULL */
  char                 *user_events_path; /* where the copy of the user's events file is kept */
  UcDataset            *user_events;  /* its events, on every chart; NULL: none */
  char                 *user_events_name; /* the user's file they came from, for the source line */
  UcDataset            *removed_events; /* taken off the charts, under an Undo toast */
  char                 *removed_events_name;
  AdwToast             *events_toast;
  GtkFileChooserNative *events_chooser;
  struct _UcEventDialog *event_dialog; /* while it is open */
  UcEvent              *deleted_event; /* the user's event deleted last, under its Undo toast */
  guint                 deleted_index; /* its place in the list */
  guint                 delete_serial; /* counts deletions: a toast's Undo names its own */
  AdwToast             *delete_toast;
  UcTime                marked_from, marked_to; /* the days of the last Shift-drag zoom; 0: none */
  UcTime                marked_range[2]; /* the range it zoomed to */
  GtkFileChooserNative *events_export_chooser;
  GtkFileChooserNative *save_chooser; /* Save View's, while open */
  UcStoryWindow        *story_window; /* Test the Story, once opened */
};

/* What a view showed before its data were loaded again (uc-window-charts.c). */
typedef struct _UcWindowKept UcWindowKept;

/* uc-window.c */
void      _uc_window_toast                (UcWindow       *self,
                                           const char     *message);
void      _uc_window_select_shown         (UcWindow       *self);
void      _uc_window_fill_events          (UcWindow       *self);
void      _uc_window_reshow               (UcWindow       *self);

/* uc-window.c, for uc-window-state.c */
gboolean  _uc_window_show_kept            (UcWindow       *self,
                                           const char     *view_id,
                                           UcWindowKept   *kept,
                                           GError        **error);

/* uc-window-charts.c */
void      _uc_window_init_charts          (UcWindow       *self);
UcWindowKept *_uc_window_keep_shown       (UcWindow       *self);
UcWindowKept *_uc_window_kept_from_state  (const UcViewState *state);
void      _uc_window_carry_hidden         (UcWindowKept   *kept,
                                           UcView         *view);
void      _uc_window_restore_shown        (UcWindow       *self,
                                           UcWindowKept   *kept);
void      _uc_window_kept_free            (UcWindowKept   *kept);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (UcWindowKept, _uc_window_kept_free)
void      _uc_window_apply_options        (UcWindow       *self);
void      _uc_window_set_base_date        (UcWindow       *self,
                                           UcTime          base);

/* uc-window-actions.c */
void      _uc_window_class_init_actions   (GtkWidgetClass *widget_class);
void      _uc_window_init_actions         (UcWindow       *self);
void      _uc_window_release_held_axis    (UcWindow       *self);

/* uc-window-keys.c */
void      _uc_window_class_init_keys      (GtkWidgetClass *widget_class);
void      _uc_window_init_keys            (UcWindow       *self);

/* uc-window-controls.c */
void      _uc_window_init_controls        (UcWindow       *self);
void      _uc_window_sync_controls        (UcWindow       *self,
                                           gboolean        any_values,
                                           gboolean        any_rebased,
                                           gboolean        any_axis,
                                           gboolean        any_transform);
UcTransform _uc_window_transform_choice   (UcWindow       *self);
int       _uc_window_log_choice           (UcWindow       *self);

/* uc-window-export.c */
void      _uc_window_open_export_dialog   (UcWindow       *self);
void      _uc_window_copy                 (UcWindow       *self);
void      _uc_window_copy_values          (UcWindow       *self);

/* uc-window-table.c */
UcTableWindow *_uc_window_show_table      (UcWindow       *self);
void      _uc_window_show_table_action    (GtkWidget      *widget,
                                           const char     *action_name,
                                           GVariant       *parameter);

/* uc-window-refresh.c */
void      _uc_window_show_sources         (UcWindow       *self);
void      _uc_window_dispose_refresh      (UcWindow       *self);

/* uc-window-import.c */
void      _uc_window_class_init_import    (GtkWidgetClass *widget_class);
void      _uc_window_init_import          (UcWindow       *self);
void      _uc_window_dispose_import       (UcWindow       *self);
void      _uc_window_queue_reimport       (UcWindow       *self,
                                           const char     *id);

/* uc-window-library.c */
void      _uc_window_class_init_clickhouse (GtkWidgetClass *widget_class);
void      _uc_window_sync_remote          (UcWindow       *self);
void      _uc_window_init_clickhouse      (UcWindow       *self);
void      _uc_window_dispose_clickhouse   (UcWindow       *self);
void      _uc_window_refine_export        (UcWindow       *self,
                                           UcExportDialog *dialog);
gboolean  _uc_window_refine_specs         (UcWindow       *self,
                                           GPtrArray      *specs,
                                           const int      *heights,
                                           int             width,
                                           const UcChartDrawOptions *draw,
                                           GError        **error);
void      _uc_window_class_init_library   (GtkWidgetClass *widget_class);
void      _uc_window_init_library         (UcWindow       *self);
void      _uc_window_dispose_library      (UcWindow       *self);
void      _uc_window_sync_library         (UcWindow       *self);
UcLibraryEntry *_uc_window_entry_of_view  (UcWindow       *self,
                                           UcView         *view);
char     *_uc_window_why_not_shown        (UcWindow       *self,
                                           UcView         *view);
GtkWidget *_uc_window_create_library_row  (UcWindow       *self,
                                           UcView         *view);
void      _uc_window_add_user_series      (UcWindow       *self,
                                           UcView         *view);
gboolean  _uc_window_view_has_added       (UcWindow       *self,
                                           const char     *view_id,
                                           const char     *entry_id);

/* uc-window-events.c */
void      _uc_window_class_init_events    (GtkWidgetClass *widget_class);
void      _uc_window_init_events          (UcWindow       *self);
void      _uc_window_dispose_events       (UcWindow       *self);
void      _uc_window_user_events_options  (UcWindow       *self,
                                           UcChartOptions *options);
void      _uc_window_list_user_events     (UcWindow       *self);
void      _uc_window_replace_user_events  (UcWindow       *self,
                                           UcDataset      *events);
int       _uc_window_take_events          (UcWindow       *self,
                                           UcDataset      *events,
                                           GError        **error);

/* uc-window-state.c */
void      _uc_window_class_init_state     (GtkWidgetClass *widget_class);
void      _uc_window_dispose_state        (UcWindow       *self);
gboolean  _uc_window_open_state_file      (UcWindow       *self,
                                           GFile          *file);
gboolean  _uc_window_open_link            (UcWindow       *self,
                                           const char     *text);

/* uc-window-story.c */
void      _uc_window_class_init_story     (GtkWidgetClass *widget_class);
void      _uc_window_dispose_story        (UcWindow       *self);
void      _uc_window_show_story           (UcWindow       *self,
                                           const char     *link);

/* uc-window-annotations.c */
void      _uc_window_class_init_annotations (GtkWidgetClass *widget_class);
void      _uc_window_init_annotations     (UcWindow       *self);
void      _uc_window_dispose_annotations  (UcWindow       *self);
void      _uc_window_sync_annotations     (UcWindow       *self);
void      _uc_window_connect_chart_annotations (UcWindow    *self,
                                                UcChartView *chart);

/* uc-window-settings.c */
void      _uc_window_init_settings        (UcWindow       *self);
void      _uc_window_init_range_history   (UcWindow       *self);
void      _uc_window_clear_range_history  (UcWindow       *self);
void      _uc_window_save_state           (UcWindow       *self);
UcView   *_uc_window_remembered_view      (UcWindow       *self);
void      _uc_window_restore_variant      (UcWindow       *self,
                                           UcView         *view);
void      _uc_window_remember_view        (UcWindow       *self);
void      _uc_window_remember_variant     (UcWindow       *self);
void      _uc_window_restore_picks        (UcWindow       *self,
                                           UcView         *view);
void      _uc_window_remember_picks       (UcWindow       *self);
void      _uc_window_on_series_picked     (UcWindow       *self,
                                           guint           chart);
void      _uc_window_sync_series_button   (UcWindow       *self);
void      _uc_window_chart_options        (UcWindow       *self,
                                           UcChartOptions *options);

G_END_DECLS
