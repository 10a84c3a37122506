/* uc-frontier-page.c: the price frontier and its halving time in the window
 *
 * The cheapest price on offer per region for the models the filter keeps,
 * a trend fitted over the span typed, its halving time with the bootstrap
 * interval, and the US frontier over China's. Refitted as the filter, the
 * kind of price or the span changes.
 */
#include "config.h"

#include "uc-frontier-page.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "uc-a11y.h"
#include "uc-chart-view.h"
#include "uc-format.h"
#include "uc-price-frontier.h"
#include "uc-story-parts.h"

struct _UcFrontierPage
{
  GtkBox          parent_instance;

  GtkDropDown    *kind_dropdown;
  GtkDropDown    *chart_dropdown;
  GtkEditable    *filter_entry;
  GtkEditable    *from_entry;
  GtkEditable    *to_entry;
  GtkCheckButton *all_check;
  GtkLabel       *error_label;
  UcChartView    *chart;
  GtkGrid        *table;
  GtkBox         *notes;

  UcDataset      *prices;
  UcChartSpec    *spec;
  char           *error;
};

G_DEFINE_FINAL_TYPE (UcFrontierPage, uc_frontier_page, GTK_TYPE_BOX)

static const UcPriceKind kinds[] = { UC_PRICE_OUTPUT, UC_PRICE_INPUT, UC_PRICE_BLENDED };

/* A typed day, or G_MININT64 for an empty entry (the data's own end). */
static gboolean
entry_day (GtkEditable *entry,
           const char  *what,
           gint64      *day,
           GError     **error)
{
  const char *text = gtk_editable_get_text (entry);
  UcTime t;

  *day = G_MININT64;
  if (*text == '\0')
    return TRUE;
  if (!uc_time_parse_date (text, strlen (text), &t))
    return g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s: “%s” is not a date (YYYY-MM-DD)"),
                        what, text), FALSE;
  *day = t / UC_USEC_PER_DAY;
  return TRUE;
}

static char *
months (double v)
{
  g_autofree char *number = uc_format_decimal (v, 1);

  /* Translators: a number of months, e.g. "4.4 months" */
  return isfinite (v) ? g_strdup_printf (_("%s months"), number) : g_strdup (_("no fall"));
}

static void
fill_row (GtkGrid    *table,
          int         row,
          UcFrontier *f)
{
  UcFrontierStep *last = &g_array_index (f->steps, UcFrontierStep, f->steps->len - 1);
  g_autofree char *half = f->fitted ? months (f->halving_months) : g_strdup ("–");
  g_autofree char *lo = months (f->halving_lo), *hi = months (f->halving_hi);
  g_autofree char *interval = f->fitted ? g_strdup_printf ("%s – %s", lo, hi) : g_strdup (_("too few samples"));
  g_autofree char *f_mid = uc_format_significant (f->yearly_factor, 3);
  g_autofree char *f_lo = uc_format_significant (f->factor_lo, 3), *f_hi = uc_format_significant (f->factor_hi, 3);
  g_autofree char *factor = f->fitted && isfinite (f->yearly_factor)
    ? g_strdup_printf ("×%s (×%s – ×%s)", f_mid, f_lo, f_hi) : g_strdup ("–");
  g_autofree char *day = uc_format_day (last->day * UC_USEC_PER_DAY);
  /* Cents as a price list writes them: $0.30, $0.075. */
  g_autofree char *digits = fabs (last->price * 100 - round (last->price * 100)) < 1e-9
    ? uc_format_decimal (last->price, 2) : uc_format_significant (last->price, 6);
  g_autofree char *price = uc_format_dollars (digits);
  g_autofree char *cheapest = g_strdup_printf ("%s %s\n%s, %s%s", price, last->model, last->vendor, day,
                                               last->tracker_date ? _(" (tracker’s date)") : "");
  g_autofree char *samples = g_strdup_printf ("%u", f->n_fit);
  g_autofree char *tracker = g_strdup_printf ("%u", f->n_tracker);

  uc_story_grid_cell (table, 0, row, f->region, FALSE, FALSE);
  uc_story_grid_cell (table, 1, row, half, FALSE, TRUE);
  uc_story_grid_cell (table, 2, row, interval, FALSE, TRUE);
  uc_story_grid_cell (table, 3, row, factor, FALSE, TRUE);
  uc_story_grid_cell (table, 4, row, samples, FALSE, TRUE);
  uc_story_grid_cell (table, 5, row, tracker, FALSE, TRUE);
  uc_story_grid_cell (table, 6, row, cheapest, FALSE, FALSE);
}

static void
fill (UcFrontierPage *self,
      UcPriceTrend   *trend)
{
  /* xgettext:no-c-format */
  const char *heads[] = { _("Region"), _("Halving time"), _("95% interval"), _("Per year"), _("Samples"),
                          _("Tracker-dated steps"), _("Cheapest now") };
  guint tracker = 0;

  uc_story_grid_clear (self->table);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    uc_story_grid_cell (self->table, (int) i, 0, heads[i], TRUE, i > 0 && i < 6);
  for (guint i = 0; i < trend->regions->len; i++)
    {
      UcFrontier *f = g_ptr_array_index (trend->regions, i);

      fill_row (self->table, 1 + (int) i, f);
      tracker += f->n_tracker;
    }
  uc_story_notes_clear (self->notes);
  if (trend->ratio->len)
    {
      UcFrontierRatio *r = &g_array_index (trend->ratio, UcFrontierRatio, trend->ratio->len - 1);
      g_autofree char *day = uc_format_day (r->day * UC_USEC_PER_DAY);
      g_autofree char *ratio = uc_format_significant (r->ratio, 3);
      /* Translators: a ratio such as "3.2", then a day */
      g_autofree char *text = g_strdup_printf (_("The cheapest US price is %s× the cheapest Chinese one, since %s."),
                                               ratio, day);

      uc_story_notes_add (self->notes, text);
    }
  if (tracker)
    uc_story_notes_add (self->notes, _("Some steps are dated by a tracker’s first sight of the price (llm-prices, models.dev), not "
                      "by the vendor: the fall may have come earlier."));
  if (trend->n_part_time)
    {
      g_autofree char *text = g_strdup_printf (_("Left out: %u time-of-day or promotional prices, which the table "
                                                 "gives no end date."), trend->n_part_time);

      uc_story_notes_add (self->notes, text);
    }
  {
    g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, trend->seed);
    /* Translators: the last %s is the random generator's seed, a number */
    g_autofree char *how = g_strdup_printf (_("Halving time: months for the frontier’s price to halve, from a "
                                              "least-squares line through log2 of the frontier sampled every %d "
                                              "days of the span. Intervals: %u moving-block bootstrap resamples "
                                              "(blocks of %d samples), seed %s."),
                                            UC_FRONTIER_SAMPLE_DAYS, trend->resamples, UC_FRONTIER_BLOCK, seed);

    uc_story_notes_add (self->notes, how);
  }
}

static void
run (UcFrontierPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UcPriceTrend) trend = NULL;
  guint k = gtk_drop_down_get_selected (self->kind_dropdown);
  gint64 from, to;

  if (self->prices == NULL)
    return;
  /* Translators: the fields of the span's first and last day */
  if (entry_day (self->from_entry, C_("span", "From"), &from, &error) && entry_day (self->to_entry, C_("span", "To"), &to, &error))
    trend = uc_price_trend_new (self->prices, kinds[MIN (k, G_N_ELEMENTS (kinds) - 1)],
                                gtk_editable_get_text (self->filter_entry), from, to,
                                gtk_check_button_get_active (self->all_check), UC_FRONTIER_DEFAULT_RESAMPLES,
                                UC_FRONTIER_DEFAULT_SEED, &error);
  if (trend == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not fit the frontier: %s"), error->message);

      uc_story_set_error (self->error_label, &self->error, message);
      return;
    }
  uc_story_set_error (self->error_label, &self->error, NULL);
  g_clear_object (&self->spec);
  self->spec = gtk_drop_down_get_selected (self->chart_dropdown) == 1 ? uc_price_trend_build_ratio_chart (trend)
                                                                      : uc_price_trend_build_chart (trend);
  uc_chart_view_set_spec (self->chart, self->spec);
  fill (self, trend);
}

void
uc_frontier_page_set_data (UcFrontierPage *self,
                           UcDataset      *prices)
{
  g_return_if_fail (UC_IS_FRONTIER_PAGE (self));
  g_set_object (&self->prices, prices);
  run (self);
}

/* The models whose vendor, name, country or region hold every word. */
void
uc_frontier_page_set_filter (UcFrontierPage *self,
                             const char     *filter)
{
  g_return_if_fail (UC_IS_FRONTIER_PAGE (self));
  gtk_editable_set_text (self->filter_entry, filter ? filter : "");
  run (self);
}

/* The US frontier over China's (@ratio), or the frontiers and trends. */
void
uc_frontier_page_set_ratio (UcFrontierPage *self,
                            gboolean        ratio)
{
  g_return_if_fail (UC_IS_FRONTIER_PAGE (self));
  gtk_drop_down_set_selected (self->chart_dropdown, ratio ? 1 : 0);
}

/* "output", "input" or "blended". */
void
uc_frontier_page_set_kind (UcFrontierPage *self,
                           const char     *kind)
{
  UcPriceKind k;

  g_return_if_fail (UC_IS_FRONTIER_PAGE (self));
  if (kind && uc_price_kind_from_string (kind, &k))
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      if (kinds[i] == k)
        gtk_drop_down_set_selected (self->kind_dropdown, i);
}

/* The chart as shown, whose export options an export takes. */
GtkWidget *
uc_frontier_page_get_chart (UcFrontierPage *self)
{
  g_return_val_if_fail (UC_IS_FRONTIER_PAGE (self), NULL);
  return GTK_WIDGET (self->chart);
}

UcChartSpec *
uc_frontier_page_get_spec (UcFrontierPage *self)
{
  g_return_val_if_fail (UC_IS_FRONTIER_PAGE (self), NULL);
  return self->spec;
}

const char *
uc_frontier_page_get_error (UcFrontierPage *self)
{
  g_return_val_if_fail (UC_IS_FRONTIER_PAGE (self), NULL);
  return self->error;
}

char *
uc_frontier_page_get_table_text (UcFrontierPage *self)
{
  g_return_val_if_fail (UC_IS_FRONTIER_PAGE (self), NULL);
  return uc_story_grid_text (self->table);
}

static void
uc_frontier_page_dispose (GObject *object)
{
  UcFrontierPage *self = UC_FRONTIER_PAGE (object);

  g_clear_object (&self->prices);
  g_clear_object (&self->spec);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (uc_frontier_page_parent_class)->dispose (object);
}

static void
uc_frontier_page_class_init (UcFrontierPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = uc_frontier_page_dispose;
}

static GtkEditable *
date_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 11);
  gtk_widget_set_tooltip_text (entry, _("A day as YYYY-MM-DD, or empty for the data’s own end; Enter to refit"));
  return GTK_EDITABLE (entry);
}

static GtkWidget *
build_controls (UcFrontierPage *self)
{
  GtkWidget *controls = uc_story_controls_new ();
  GtkWidget *filter = gtk_search_entry_new ();

  self->kind_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
      (const char *[]) { _("Output"), _("Input"), _("Blended 3:1"), NULL }));
  self->filter_entry = GTK_EDITABLE (filter);
  gtk_editable_set_width_chars (self->filter_entry, 20);
  g_object_set (filter, "placeholder-text", _("deepseek, open, mistral…"), NULL);
  gtk_widget_set_tooltip_text (filter, _("Only models whose vendor, name, country or region hold every word"));
  self->from_entry = date_entry (_("first price"));
  self->to_entry = date_entry (_("last price"));
  self->all_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Time-of-day and promotional prices")));
  uc_a11y_fix_names (GTK_WIDGET (self->all_check));
  uc_story_controls_add (controls, _("_Price"), GTK_WIDGET (self->kind_dropdown));
  uc_story_controls_add (controls, _("_Models"), filter);
  uc_story_controls_add (controls, _("_From"), GTK_WIDGET (self->from_entry));
  uc_story_controls_add (controls, _("T_o"), GTK_WIDGET (self->to_entry));
  uc_story_controls_add (controls, _("Include"), GTK_WIDGET (self->all_check));
  self->chart_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (
      (const char *[]) { _("Frontiers and trends"), _("US over China"), NULL }));
  uc_story_controls_add (controls, _("C_hart"), GTK_WIDGET (self->chart_dropdown));
  g_signal_connect_swapped (self->chart_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (filter, "search-changed", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->all_check, "toggled", G_CALLBACK (run), self);
  return controls;
}

static void
uc_frontier_page_init (UcFrontierPage *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->error_label = uc_story_page_fill (GTK_BOX (self), build_controls (self), (GtkWidget **) &self->chart, &self->table,
                                          &self->notes);
}

GtkWidget *
uc_frontier_page_new (void)
{
  return g_object_new (UC_TYPE_FRONTIER_PAGE, NULL);
}
