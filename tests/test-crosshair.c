/* test-crosshair.c: one crosshair shared by every chart of a view
 *
 * In the real window, on the DeepSeek shock view (market caps above, the
 * combined line below): a pointer move over the first chart marks its day
 * on the second, which reads its own values there; leaving clears both;
 * the arrow keys move the other chart too; Copy Values puts the day and
 * every chart's values on the clipboard as text, and copies nothing
 * without a crosshair. A chart on a number axis is never marked.
 */
#include "config.h"

/* A second toast waits for the first to go (6 s). */
#define UC_TEST_WAIT_SECONDS 20
#include "uc-test-display.h"

#include <adwaita.h>

#include "uc-application.h"
#include "uc-format.h"
#include "uc-window.h"

#include <math.h>
#include <string.h>

static gboolean have_display;

static gboolean
charts_ready (gpointer data)
{
  GtkWidget *first = GTK_WIDGET (uc_window_get_chart_view (data));
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  UcChartLayout a, b;

  return second && uc_chart_view_get_layout (UC_CHART_VIEW (first), &a) &&
         uc_chart_view_get_layout (UC_CHART_VIEW (second), &b) && a.x == b.x && a.width == b.width;
}

static const char *view_wanted;

static gboolean
view_shown (gpointer data)
{
  return !uc_window_get_loading (data) && g_strcmp0 (uc_window_get_view_id (data), view_wanted) == 0;
}

static UcWindow *
open_window (UcApplication **app,
             const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%s.%s", APP_ID, name);

  *app = uc_application_new ();
  g_application_set_application_id (G_APPLICATION (*app), id);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  return UC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;   /* the widget holds it */
    }
  g_error ("no %s on the chart", g_type_name (type));
  return NULL;
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *keys = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static GtkWidget *toast_root;
static const char *toast_wanted;

/* A label under @widget with @text in it. */
static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
toast_shown (gpointer data)
{
  return has_label (toast_root, toast_wanted);
}

/* The value of @series at @t as the cards write it. */
static char *
value_at (UcChartView *chart,
          const char  *id,
          UcTime       t)
{
  UcSeries *series = uc_chart_spec_find_series (uc_chart_view_get_shown_spec (chart), id);
  int i = uc_series_find (series, t);

  g_assert_cmpint (i, >=, 0);
  return uc_format_value_precise (uc_series_get_y (series)[i], UC_VALUE_MONEY);
}

typedef struct
{
  char    *text;
  gboolean done;
} ReadText;

static void
on_text_read (GObject      *clipboard,
              GAsyncResult *result,
              gpointer      data)
{
  ReadText *read = data;
  g_autoptr(GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (clipboard), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gboolean
read_done (gpointer data)
{
  return ((ReadText *) data)->done;
}

/* What the clipboard holds as text, read back as a paste would. */
static char *
clipboard_text (GtkWidget *widget)
{
  ReadText read = { NULL, FALSE };

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, on_text_read, &read);
  uc_test_iterate_until (read_done, &read);
  return read.text;
}

static void
test_shared_across_charts (void)
{
  g_autoptr(UcApplication) app = NULL;
  UcWindow *window;
  UcChartView *first, *second;
  GtkEventController *motion;
  UcChartLayout layout;
  UcTime crash = uc_time_from_ymd (2025, 1, 27), day, t, next;
  double x;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "CrosshairTest");
  g_action_group_activate_action (G_ACTION_GROUP (app), "show-view", g_variant_new_string ("deepseek-shock"));
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, window);
  uc_time_range_set (uc_window_get_time_range (window), uc_time_from_ymd (2024, 12, 2), uc_time_from_ymd (2025, 3, 31));
  uc_test_iterate_until (charts_ready, window);
  first = uc_window_get_chart_view (window);
  second = UC_CHART_VIEW (gtk_widget_get_next_sibling (GTK_WIDGET (first)));
  g_assert_true (uc_chart_view_get_crosshair_link (first) == uc_chart_view_get_crosshair_link (second));

  /* No crosshair: Copy Values copies nothing, and says so. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (window)), "before");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-values", NULL));
  {
    g_autofree char *text = clipboard_text (GTK_WIDGET (window));

    g_assert_cmpstr (text, ==, "before");
  }
  toast_root = GTK_WIDGET (window);
  toast_wanted = "No values to copy: point at a day on a chart first";
  uc_test_iterate_until (toast_shown, NULL);

  /* The pointer over the first chart at the crash: the second marks that
   * day with values of its own, and has no crosshair card of its own. */
  motion = find_controller (GTK_WIDGET (first), GTK_TYPE_EVENT_CONTROLLER_MOTION);
  g_assert_true (uc_chart_view_get_layout (first, &layout));
  x = uc_chart_layout_x_for_time (&layout, crash);
  g_signal_emit_by_name (motion, "enter", x, layout.y + layout.height / 2);
  g_signal_emit_by_name (motion, "motion", x, layout.y + layout.height / 2);
  g_assert_true (uc_chart_view_get_crosshair (first, &t));
  g_assert_cmpint (t, ==, crash);
  g_assert_true (uc_chart_view_get_linked_day (second, &day));
  g_assert_cmpint (day, ==, crash);
  g_assert_false (uc_chart_view_get_crosshair (second, NULL));
  g_assert_false (uc_chart_view_get_linked_day (first, NULL));
  /* The chart pointed at tags its axes: the day as the axis writes a day,
   * the value halfway up its $0 to $4T axis as its ticks write values. */
  {
    g_autofree char *time = NULL, *value = NULL;

    g_assert_true (uc_chart_view_get_axis_tags (first, &time, &value));
    g_assert_cmpstr (time, ==, "27 Jan 2025");
    g_assert_cmpfloat (layout.y_min, ==, 0);
    g_assert_cmpfloat (layout.y_max, ==, 4e12);
    g_assert_cmpstr (value, ==, "$2.00T");
    g_assert_false (uc_chart_view_get_axis_tags (second, NULL, NULL));
  }
  {
    g_autofree char *mine = uc_chart_view_get_values_text (second, day);
    g_autofree char *combined = value_at (second, "US AI stocks", crash);
    g_autofree char *nvda = value_at (first, "NVDA", crash);
    g_autofree char *want = g_strdup_printf ("US AI stocks combined\tUS AI stocks\t%s\n", combined);

    /* The second chart's own line, not the first's values. */
    g_assert_cmpstr (mine, ==, want);
    g_assert_null (strstr (mine, nvda));
  }
  /* Marked without drawing either chart again: only their overlays,
   * over the charts' kept pixels. */
  {
    guint a = uc_chart_view_get_draw_count (first), b = uc_chart_view_get_draw_count (second);
    GtkSnapshot *snapshot = gtk_snapshot_new ();
    GskRenderNode *node;

    g_signal_emit_by_name (motion, "motion", x + 3, layout.y + layout.height / 3);
    GTK_WIDGET_GET_CLASS (second)->snapshot (GTK_WIDGET (second), snapshot);
    GTK_WIDGET_GET_CLASS (first)->snapshot (GTK_WIDGET (first), snapshot);
    node = gtk_snapshot_free_to_node (snapshot);
    g_assert_nonnull (node);
    gsk_render_node_unref (node);
    g_assert_cmpuint (uc_chart_view_get_draw_count (first), ==, a);
    g_assert_cmpuint (uc_chart_view_get_draw_count (second), ==, b);
  }

  /* Ctrl+Shift+C: the day, then a line per series of every chart. */
  g_signal_emit_by_name (motion, "motion", x, layout.y + layout.height / 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-values", NULL));
  {
    g_autofree char *text = clipboard_text (GTK_WIDGET (window));
    g_autofree char *nvda = value_at (first, "NVDA", crash);
    g_autofree char *combined = value_at (second, "US AI stocks", crash);
    g_autofree char *nvda_line = g_strdup_printf ("\nThe DeepSeek shock\tNvidia\t%s\n", nvda);
    g_autofree char *combined_line = g_strdup_printf ("\nUS AI stocks combined\tUS AI stocks\t%s\n", combined);
    g_auto(GStrv) lines = NULL;

    g_assert_nonnull (text);
    g_assert_true (g_str_has_prefix (text, "27 Jan 2025\n"));
    g_assert_nonnull (strstr (text, nvda_line));
    g_assert_nonnull (strstr (text, combined_line));
    g_assert_cmpstr (nvda, ==, "$2.894T");
    /* Nine companies above, the combined line below, and the day. */
    lines = g_strsplit (text, "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 1 + 9 + 1 + 1);
    g_assert_true (g_str_has_suffix (text, "\n"));
  }
  /* The toast says what was copied. */
  toast_wanted = "Copied 10 values of 27 Jan 2025";
  uc_test_iterate_until (toast_shown, NULL);

  /* The arrow keys move the crosshair, and the other chart with it. */
  g_assert_true (press_key (GTK_WIDGET (first), GDK_KEY_Right));
  g_assert_true (uc_chart_view_get_crosshair (first, &next));
  g_assert_cmpint (next, >, crash);
  g_assert_true (uc_chart_view_get_linked_day (second, &day));
  g_assert_cmpint (day, ==, next);

  /* The keys of the other chart step on from the day marked there. */
  g_assert_true (press_key (GTK_WIDGET (second), GDK_KEY_Left));
  g_assert_true (uc_chart_view_get_crosshair (second, &t));
  g_assert_cmpint (t, ==, crash);
  g_assert_false (uc_chart_view_get_crosshair (first, NULL));
  g_assert_true (uc_chart_view_get_linked_day (first, &day));
  g_assert_cmpint (day, ==, crash);
  g_signal_emit_by_name (motion, "motion", x, layout.y + layout.height / 2);
  g_assert_true (uc_chart_view_get_crosshair (first, &t));
  g_assert_cmpint (t, ==, crash);

  /* Leaving the chart clears it everywhere. */
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (uc_chart_view_get_crosshair (first, NULL));
  g_assert_false (uc_chart_view_get_linked_day (second, NULL));

  /* Keys on the second chart start from nothing, and mark the first. */
  g_assert_true (press_key (GTK_WIDGET (second), GDK_KEY_Right));
  g_assert_true (uc_chart_view_get_crosshair (second, &t));
  g_assert_true (uc_chart_view_get_linked_day (first, &day));
  g_assert_cmpint (day, ==, t);
  /* ...and the pointer in the first then takes it over. */
  g_signal_emit_by_name (motion, "motion", x, layout.y + layout.height / 2);
  g_assert_false (uc_chart_view_get_crosshair (second, NULL));
  g_assert_true (uc_chart_view_get_linked_day (second, &day));
  g_assert_cmpint (day, ==, crash);
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (uc_chart_view_get_linked_day (second, NULL));

  gtk_window_close (GTK_WINDOW (window));
}

/* A chart on a number axis ("trading days from the event") shares no day:
 * a time chart's crosshair leaves it unmarked, and its own marks nothing. */
static const char number_view[] =
  "{ \"id\": \"crosshair-number\", \"title\": \"Number axis\", \"charts\": ["
  "  { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"market_cap\","
  "      \"only\": [\"NVDA\", \"MSFT\"] }, \"range\": [\"2024-12-02\", \"2025-03-31\"] },"
  "  { \"dataset\": \"market-caps\", \"series\": { \"key\": \"ticker\", \"value\": \"market_cap\","
  "      \"only\": [\"NVDA\", \"MSFT\"] }, \"range\": [\"2024-12-02\", \"2025-03-31\"],"
  "    \"x\": { \"kind\": \"number\", \"trading_days_from\": \"2025-01-27\", \"range\": [-10, 20],"
  "             \"title\": \"Trading days from 27 January 2025\" } }"
  "] }";

static void
test_number_axis_unmarked (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (number_view, strlen (number_view));
  g_autoptr(UcView) view = NULL;
  UcWindow *window;
  UcChartView *first, *second;
  UcTime t;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "CrosshairNumberTest");
  view = uc_view_new_from_bytes (bytes, "crosshair-number.json", &error);
  g_assert_no_error (error);
  uc_window_set_view (window, view);
  uc_test_iterate_until (charts_ready, window);
  first = uc_window_get_chart_view (window);
  second = UC_CHART_VIEW (gtk_widget_get_next_sibling (GTK_WIDGET (first)));
  g_assert_cmpint (uc_chart_spec_get_x_kind (uc_chart_view_get_spec (second)), ==, UC_X_NUMBER);

  uc_chart_view_set_crosshair (first, TRUE, uc_time_from_ymd (2025, 1, 27));
  g_assert_false (uc_chart_view_get_linked_day (second, NULL));
  g_assert_null (uc_chart_view_get_values_text (second, uc_time_from_ymd (2025, 1, 27)));
  uc_chart_view_set_crosshair (first, FALSE, 0);
  uc_chart_view_set_crosshair (second, TRUE, 3 * UC_USEC_PER_DAY);
  g_assert_true (uc_chart_view_get_crosshair (second, &t));
  g_assert_false (uc_chart_view_get_linked_day (first, NULL));
  uc_chart_view_set_crosshair (second, FALSE, 0);
  gtk_window_close (GTK_WINDOW (window));
}

/* A text node's place: its baseline's start and its advance, in the
 * widget's coordinates. */
typedef struct
{
  double x, y, width;
} Text;

static void
collect_text (GskRenderNode *node,
              double         dx,
              double         dy,
              GArray        *texts)
{
  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        collect_text (gsk_container_node_get_child (node, i), dx, dy, texts);
      break;
    case GSK_TRANSFORM_NODE:
      {
        float tx = 0, ty = 0;

        g_assert_cmpint (gsk_transform_get_category (gsk_transform_node_get_transform (node)), >=,
                         GSK_TRANSFORM_CATEGORY_2D_TRANSLATE);
        gsk_transform_to_translate (gsk_transform_node_get_transform (node), &tx, &ty);
        collect_text (gsk_transform_node_get_child (node), dx + tx, dy + ty, texts);
      }
      break;
    case GSK_CLIP_NODE:
      collect_text (gsk_clip_node_get_child (node), dx, dy, texts);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      collect_text (gsk_rounded_clip_node_get_child (node), dx, dy, texts);
      break;
    case GSK_OPACITY_NODE:
      collect_text (gsk_opacity_node_get_child (node), dx, dy, texts);
      break;
    case GSK_TEXT_NODE:
      {
        const PangoGlyphInfo *glyphs = gsk_text_node_get_glyphs (node, NULL);
        Text t = { dx + gsk_text_node_get_offset (node)->x, dy + gsk_text_node_get_offset (node)->y, 0 };

        for (guint i = 0; i < gsk_text_node_get_num_glyphs (node); i++)
          t.width += (double) glyphs[i].geometry.width / PANGO_SCALE;
        g_array_append_val (texts, t);
      }
      break;
    default:
      break;
    }
}

/* The crosshair's card in columns: a value per series, right-aligned on
 * one edge, with the changes on the day on another, each on its name's
 * baseline, the rows evenly spaced. */
static void
test_card_columns (void)
{
  g_autoptr(UcApplication) app = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (Text));
  g_autoptr(GArray) edges = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) column = g_array_new (FALSE, FALSE, sizeof (Text));
  g_autofree char *card = NULL;
  UcWindow *window;
  UcChartView *first;
  guint shown = 0;
  double names_x = -1, values_edge = G_MAXDOUBLE;

  if (!have_display)
    {
      uc_test_skip_or_fail_without_display ();
      return;
    }
  window = open_window (&app, "CrosshairCardTest");
  view_wanted = "deepseek-shock";
  uc_test_iterate_until (view_shown, window);
  uc_test_iterate_until (charts_ready, window);
  first = uc_window_get_chart_view (window);
  uc_chart_view_set_crosshair (first, TRUE, uc_time_from_ymd (2025, 1, 27));
  card = uc_chart_view_get_crosshair_card (first);
  for (const char *p = card; (p = strstr (p, "  <b>")); p++)
    shown++;
  g_assert_cmpuint (shown, >=, 8);

  GTK_WIDGET_GET_CLASS (first)->snapshot (GTK_WIDGET (first), snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  collect_text (node, 0, 0, texts);
  /* The edges a row's worth of texts end at: the columns of numbers. */
  for (guint i = 0; i < texts->len; i++)
    {
      double right = g_array_index (texts, Text, i).x + g_array_index (texts, Text, i).width;
      guint n = 0;

      for (guint k = 0; k < texts->len; k++)
        n += fabs (g_array_index (texts, Text, k).x + g_array_index (texts, Text, k).width - right) < 0.01;
      if (n == shown && fabs (right - values_edge) >= 0.01)
        {
          gboolean known = FALSE;

          for (guint e = 0; e < edges->len; e++)
            known |= fabs (g_array_index (edges, double, e) - right) < 0.01;
          if (!known)
            g_array_append_val (edges, right);
          values_edge = MIN (values_edge, right);
        }
    }
  /* Values, changes on the day, changes since the base. */
  g_assert_cmpuint (edges->len, ==, 3);
  for (guint i = 0; i < texts->len; i++)
    if (fabs (g_array_index (texts, Text, i).x + g_array_index (texts, Text, i).width - values_edge) < 0.01)
      g_array_append_val (column, g_array_index (texts, Text, i));
  g_assert_cmpuint (column->len, ==, shown);
  for (guint r = 1; r < shown; r++)
    g_assert_cmpfloat_with_epsilon (g_array_index (column, Text, r).y - g_array_index (column, Text, r - 1).y,
                                    g_array_index (column, Text, 1).y - g_array_index (column, Text, 0).y, 0.01);
  g_assert_cmpfloat (g_array_index (column, Text, 1).y, >, g_array_index (column, Text, 0).y);
  /* Each value's row has its name, starting at one edge left of it. */
  for (guint r = 0; r < shown; r++)
    {
      const Text *value = &g_array_index (column, Text, r);
      gboolean named = FALSE;

      for (guint i = 0; i < texts->len; i++)
        {
          const Text *t = &g_array_index (texts, Text, i);

          if (fabs (t->y - value->y) < 0.01 && t->x + t->width < value->x && (names_x < 0 || fabs (t->x - names_x) < 0.01))
            {
              names_x = t->x;
              named = TRUE;
            }
        }
      g_assert_true (named);
    }
  uc_chart_view_set_crosshair (first, FALSE, 0);
  gtk_window_close (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();
  if (have_display)
    adw_init ();

  g_test_add_func ("/crosshair/shared-across-charts", test_shared_across_charts);
  g_test_add_func ("/crosshair/number-axis-unmarked", test_number_axis_unmarked);
  g_test_add_func ("/crosshair/card-columns", test_card_columns);

  return g_test_run ();
}
