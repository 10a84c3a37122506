/* uc-data-table.c: any dataset as a table, sortable, filterable, exportable
 *
 * The rows are a UcRowList (app/core): row indices, sorted and filtered
 * there, with an item made only for each row on screen, so a million rows
 * scroll as lightly as ten. Cells are labels bound to the dataset's
 * columns. GTK 4.8 does not say which column its sorter sorts by: each
 * column's sorter answers a probe comparison with its own index, and the
 * column view's sorter, asked to compare two probes, says which one it
 * asked first and in which direction.
 */
#include "config.h"

#include "uc-data-table.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-a11y.h"
#include "uc-csv-writer.h"
#include "uc-format.h"
#include "uc-json-writer.h"
#include "uc-row-item.h"
#include "uc-row-list.h"

/* Columns are as wide as their widest cell among those sampled (the
 * first and last rows), within these bounds; the user may resize them. */
#define SAMPLE_ROWS      200
#define MIN_COLUMN_WIDTH 64
#define MAX_COLUMN_WIDTH 360
/* Text longer than this has its cell's tooltip show it whole. */
#define LONG_TEXT        40

struct _UcDataTable
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkSearchEntry       *search_entry;
  GtkSpinner           *busy_spinner;
  GtkLabel             *count_label;
  GtkButton            *export_button;
  AdwToastOverlay      *toast_overlay;
  GtkColumnView        *column_view;

  /* owned */
  UcDataset            *dataset;
  UcRowList            *rows;
  char                 *count_text;
  GtkFileChooserNative *chooser;
  UcRowItem            *probes[2];     /* compared to learn the sort (the same item twice is equal, unasked) */
  int                   probed_column;
  gulong                sorter_changed;
};

typedef struct
{
  UcDataTable *table;   /* not a reference: the table owns the column */
  guint        column;
} ColumnRef;

enum
{
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (UcDataTable, uc_data_table, GTK_TYPE_WIDGET)

static void
update_count (UcDataTable *self)
{
  guint shown = self->rows ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
  guint total = self->rows ? uc_row_list_get_n_total (self->rows) : 0;
  char number[16];
  g_autoptr(GString) a = g_string_new (NULL), b = g_string_new (NULL);

  g_snprintf (number, sizeof number, "%u", shown);
  uc_format_append_grouped (a, number);
  g_snprintf (number, sizeof number, "%u", total);
  uc_format_append_grouped (b, number);
  g_free (self->count_text);
  /* Translators: rows shown of all the dataset's rows, e.g. "12 of 10 873 rows" */
  self->count_text = g_strdup_printf (ngettext ("%s of %s row", "%s of %s rows", total), a->str, b->str);
  gtk_label_set_label (self->count_label, self->count_text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), self->rows != NULL);
}

/* A large table sorts and filters on a worker: a spinner meanwhile. */
static void
update_busy (UcDataTable *self)
{
  gboolean busy = self->rows && uc_row_list_get_busy (self->rows);

  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ColumnRef                *ref)
{
  GtkWidget *label = gtk_label_new (NULL);
  UcColumnType type = uc_dataset_get_column_type (ref->table->dataset, ref->column);

  if (type == UC_COLUMN_NUMBER)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ColumnRef                *ref)
{
  UcDataset *dataset = ref->table->dataset;
  guint row = uc_row_item_get_row (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = uc_dataset_show_cell (dataset, ref->column, row);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  /* A number also as the charts show it; long text whole. */
  if (text && uc_dataset_get_column_type (dataset, ref->column) == UC_COLUMN_NUMBER)
    tooltip = uc_format_value (uc_dataset_get_numbers (dataset, ref->column)[row],
                               g_strcmp0 (uc_dataset_get_column_unit (dataset, ref->column), "%") == 0
                               ? UC_VALUE_PERCENT : UC_VALUE_NUMBER);
  else if (text && g_utf8_strlen (text, -1) > LONG_TEXT)
    tooltip = g_steal_pointer (&text);
  gtk_widget_set_tooltip_text (label, tooltip);
}

/* The probe: who asks is the column compared first. */
static int
probe_column (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  ColumnRef *ref = user_data;

  if (ref->table->probed_column < 0)
    ref->table->probed_column = (int) ref->column;
  return GTK_ORDERING_SMALLER;
}

static void
on_sorter_changed (UcDataTable *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  GtkOrdering order;

  if (self->rows == NULL)
    return;
  self->probed_column = -1;
  order = gtk_sorter_compare (sorter, self->probes[0], self->probes[1]);
  uc_row_list_set_sort (self->rows, order == GTK_ORDERING_EQUAL ? -1 : self->probed_column,
                        order == GTK_ORDERING_LARGER);
}

static int
column_width (UcDataTable *self,
              guint        column)
{
  guint n = uc_dataset_get_n_rows (self->dataset);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->column_view),
                                                                  uc_dataset_get_column_name (self->dataset, column));
  int width, header, widest = 0;

  pango_layout_get_pixel_size (layout, &header, NULL);
  for (guint i = 0; i < MIN (n, 2 * SAMPLE_ROWS); i++)
    {
      guint row = i < SAMPLE_ROWS ? i : n - 1 - (i - SAMPLE_ROWS);
      g_autofree char *text = uc_dataset_show_cell (self->dataset, column, row);

      if (text == NULL)
        continue;
      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &width, NULL);
      widest = MAX (widest, width);
      if (widest >= MAX_COLUMN_WIDTH)
        break;
    }
  /* The title's padding and sort arrow; the cell's padding. */
  return CLAMP (MAX (header + 36, widest + 28), MIN_COLUMN_WIDTH, MAX_COLUMN_WIDTH);
}

/* GTK 4.8 has no tooltip for a column's header: its title widgets, in the
 * column view's header row, are given one in the columns' order. */
static void
set_header_tooltips (UcDataTable *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
  guint column = 0;

  for (GtkWidget *title = header ? gtk_widget_get_first_child (header) : NULL;
       title && column < uc_dataset_get_n_columns (self->dataset);
       title = gtk_widget_get_next_sibling (title), column++)
    {
      UcColumnType type = uc_dataset_get_column_type (self->dataset, column);
      const char *unit = uc_dataset_get_column_unit (self->dataset, column);
      g_autofree char *tooltip = NULL;
      guint missing = uc_dataset_count_missing (self->dataset, column);

      if (missing)
        /* Translators: a column's header tooltip: its name, its type (text, number, date, datetime) and how many cells are empty */
        tooltip = g_strdup_printf (ngettext ("%s: %s%s%s, %u missing", "%s: %s%s%s, %u missing", missing),
                                   uc_dataset_get_column_name (self->dataset, column), uc_column_type_to_string (type),
                                   unit ? " " : "", unit ? unit : "", missing);
      else
        tooltip = g_strdup_printf ("%s: %s%s%s", uc_dataset_get_column_name (self->dataset, column),
                                   uc_column_type_to_string (type), unit ? " " : "", unit ? unit : "");
      gtk_widget_set_tooltip_text (title, tooltip);
    }
}

static void
remove_columns (UcDataTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
}

static void
add_column (UcDataTable *self,
            guint        index)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ColumnRef *ref = g_new (ColumnRef, 1);
  g_autoptr(GtkColumnViewColumn) column = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  ref->table = self;
  ref->column = index;
  /* Each of the factory's handlers and the sorter has its own copy. */
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell), g_memdup2 (ref, sizeof *ref),
                         (GClosureNotify) g_free, 0);
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell), g_memdup2 (ref, sizeof *ref),
                         (GClosureNotify) g_free, 0);
  sorter = GTK_SORTER (gtk_custom_sorter_new (probe_column, ref, g_free));
  column = gtk_column_view_column_new (uc_dataset_get_column_name (self->dataset, index), factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, column_width (self, index));
  /* The last column takes the room left, so the rows' lines go across. */
  gtk_column_view_column_set_expand (column, index + 1 == uc_dataset_get_n_columns (self->dataset));
  gtk_column_view_append_column (self->column_view, column);
}

void
uc_data_table_set_dataset (UcDataTable *self,
                           UcDataset   *dataset)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (UC_IS_DATA_TABLE (self));
  g_return_if_fail (dataset == NULL || UC_IS_DATASET (dataset));

  if (dataset == self->dataset)
    return;
  gtk_column_view_set_model (self->column_view, NULL);
  if (self->rows)
    {
      g_signal_handlers_disconnect_by_func (self->rows, update_count, self);
      g_signal_handlers_disconnect_by_func (self->rows, update_busy, self);
    }
  g_clear_object (&self->rows);
  remove_columns (self);
  g_set_object (&self->dataset, dataset);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  if (dataset)
    {
      self->rows = uc_row_list_new (dataset);
      g_signal_connect_swapped (self->rows, "items-changed", G_CALLBACK (update_count), self);
      g_signal_connect_swapped (self->rows, "notify::busy", G_CALLBACK (update_busy), self);
      for (guint c = 0; c < uc_dataset_get_n_columns (dataset); c++)
        add_column (self, c);
      set_header_tooltips (self);
      selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->rows)));
      gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
    }
  update_count (self);
  update_busy (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

UcDataset *
uc_data_table_get_dataset (UcDataTable *self)
{
  g_return_val_if_fail (UC_IS_DATA_TABLE (self), NULL);
  return self->dataset;
}

GtkColumnView *
uc_data_table_get_column_view (UcDataTable *self)
{
  g_return_val_if_fail (UC_IS_DATA_TABLE (self), NULL);
  return self->column_view;
}

GtkEditable *
uc_data_table_get_search_entry (UcDataTable *self)
{
  g_return_val_if_fail (UC_IS_DATA_TABLE (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

void
uc_data_table_set_filter (UcDataTable *self,
                          const char  *text)
{
  g_return_if_fail (UC_IS_DATA_TABLE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  if (self->rows)
    uc_row_list_set_filter (self->rows, text);
}

static void
on_search_changed (UcDataTable *self)
{
  if (self->rows)
    uc_row_list_set_filter (self->rows, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

const char *
uc_data_table_get_count_text (UcDataTable *self)
{
  g_return_val_if_fail (UC_IS_DATA_TABLE (self), NULL);
  return self->count_text;
}

gboolean
uc_data_table_get_busy (UcDataTable *self)
{
  g_return_val_if_fail (UC_IS_DATA_TABLE (self), FALSE);
  return self->rows && uc_row_list_get_busy (self->rows);
}

const guint *
uc_data_table_get_shown_rows (UcDataTable *self,
                              guint       *n_rows)
{
  g_return_val_if_fail (UC_IS_DATA_TABLE (self), NULL);
  if (self->rows == NULL)
    {
      if (n_rows)
        *n_rows = 0;
      return NULL;
    }
  return uc_row_list_get_rows (self->rows, n_rows);
}

gboolean
uc_data_table_export (UcDataTable  *self,
                      const char   *path,
                      GError      **error)
{
  g_autofree char *name = NULL;
  const guint *rows;
  guint n;

  g_return_val_if_fail (UC_IS_DATA_TABLE (self), FALSE);
  g_return_val_if_fail (self->rows != NULL, FALSE);

  name = g_filename_display_basename (path);
  rows = uc_row_list_get_rows (self->rows, &n);
  return uc_csv_save_rows (self->dataset, rows, n, path, name, error);
}

static void
on_export_response (UcDataTable          *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL, *name = NULL, *message = NULL;
  guint n = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  name = g_file_get_basename (file);
  uc_data_table_get_shown_rows (self, &n);
  if (uc_data_table_export (self, path, &error))
    /* Translators: after an export, e.g. "12 rows saved to prices.csv" */
    message = g_strdup_printf (ngettext ("%u row saved to %s", "%u rows saved to %s", n), n, name);
  else
    message = g_strdup_printf (_("Could not save %s: %s"), name, error->message);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
on_export_clicked (UcDataTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->rows == NULL || self->chooser)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Rows as CSV"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  name = g_str_has_suffix (uc_dataset_get_name (self->dataset), ".csv")
         ? g_strdup (uc_dataset_get_name (self->dataset))
         : g_strconcat (uc_dataset_get_name (self->dataset), ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
uc_data_table_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  UcDataTable *self = UC_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_data_table_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  UcDataTable *self = UC_DATA_TABLE (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      uc_data_table_set_dataset (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
uc_data_table_dispose (GObject *object)
{
  UcDataTable *self = UC_DATA_TABLE (object);
  GtkWidget *child;

  if (self->chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->column_view && self->sorter_changed)
    g_clear_signal_handler (&self->sorter_changed, gtk_column_view_get_sorter (self->column_view));
  if (self->rows)
    {
      g_signal_handlers_disconnect_by_func (self->rows, update_count, self);
      g_signal_handlers_disconnect_by_func (self->rows, update_busy, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), UC_TYPE_DATA_TABLE);
  /* The template's unnamed children too (the bar above the table). */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->rows);
  g_clear_object (&self->dataset);
  g_clear_object (&self->probes[0]);
  g_clear_object (&self->probes[1]);
  g_clear_pointer (&self->count_text, g_free);

  G_OBJECT_CLASS (uc_data_table_parent_class)->dispose (object);
}

static void
uc_data_table_class_init (UcDataTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = uc_data_table_dispose;
  object_class->get_property = uc_data_table_get_property;
  object_class->set_property = uc_data_table_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL, UC_TYPE_DATASET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/uc-data-table.ui");
  gtk_widget_class_bind_template_child (widget_class, UcDataTable, search_entry);
  gtk_widget_class_bind_template_child (widget_class, UcDataTable, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, UcDataTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, UcDataTable, export_button);
  gtk_widget_class_bind_template_child (widget_class, UcDataTable, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, UcDataTable, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);
  gtk_widget_class_set_css_name (widget_class, "ucdatatable");
}

static void
uc_data_table_init (UcDataTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  uc_a11y_fix_names (GTK_WIDGET (self));
  self->probes[0] = uc_row_item_new (0);
  self->probes[1] = uc_row_item_new (0);
  self->probed_column = -1;
  self->sorter_changed = g_signal_connect_swapped (gtk_column_view_get_sorter (self->column_view), "changed",
                                                   G_CALLBACK (on_sorter_changed), self);
  /* Typing anywhere in the table filters (its window may widen that). */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  update_count (self);
}

GtkWidget *
uc_data_table_new (void)
{
  return g_object_new (UC_TYPE_DATA_TABLE, NULL);
}
