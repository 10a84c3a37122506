/* uc-releases-page.c: open-weight releases by region in the window
 *
 * Releases per quarter (or year) of the release list, stacked by region,
 * open weights or closed, as counts or as each region's share; a table of
 * the counts and China's share of the open-weight ones; and what the list
 * covers, since every share is of that list.
 */
#include "config.h"

#include "uc-releases-page.h"

#include <glib/gi18n.h>

#include "uc-chart-view.h"
#include "uc-format.h"
#include "uc-open-weights.h"
#include "uc-story-parts.h"

struct _UcReleasesPage
{
  GtkBox           parent_instance;

  GtkDropDown     *which_dropdown;
  GtkDropDown     *as_dropdown;
  GtkDropDown     *period_dropdown;
  GtkLabel        *error_label;
  UcChartView     *chart;
  GtkGrid         *table;
  GtkBox          *notes;

  UcDataset       *releases;
  UcChartSpec     *spec;
};

G_DEFINE_FINAL_TYPE (UcReleasesPage, uc_releases_page, GTK_TYPE_BOX)

static char *
share_text (guint part,
            guint whole)
{
  return whole ? uc_format_scaled (100.0 * part / whole, "", (UcUnit) { 1, "" }, 0, "%") : g_strdup ("–");
}

static void
fill_table (UcReleasesPage  *self,
            UcReleaseCounts *counts)
{
  int col = 1;

  uc_story_grid_clear (self->table);
  uc_story_grid_cell (self->table, 0, 0, counts->yearly ? _("Year") : _("Quarter"), TRUE, FALSE);
  for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
    {
      g_autofree char *head = g_strdup_printf (_("%s\nopen / closed"), uc_release_region_name (r));

      uc_story_grid_cell (self->table, col++, 0, head, TRUE, TRUE);
    }
  uc_story_grid_cell (self->table, col, 0, _("China’s share\nof open weights"), TRUE, TRUE);
  for (guint i = 0; i <= counts->periods->len; i++)
    {
      gboolean total = i == counts->periods->len;
      UcReleasePeriod *p = total ? NULL : &g_array_index (counts->periods, UcReleasePeriod, i);
      const guint *open = total ? counts->open : p->open, *closed = total ? counts->closed : p->closed;
      g_autofree char *name = total ? g_strdup (_("All")) : uc_release_period_name (counts, p->start);
      guint all_open = 0;
      int row = 1 + (int) i;

      uc_story_grid_cell (self->table, 0, row, name, total, FALSE);
      for (guint r = 0; r < UC_RELEASE_REGIONS; r++)
        {
          g_autofree char *cell = g_strdup_printf ("%u / %u", open[r], closed[r]);

          uc_story_grid_cell (self->table, 1 + (int) r, row, cell, FALSE, TRUE);
          all_open += open[r];
        }
      {
        g_autofree char *share = share_text (open[1], all_open);

        uc_story_grid_cell (self->table, 1 + UC_RELEASE_REGIONS, row, share, FALSE, TRUE);
      }
    }
}

static void
run (UcReleasesPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (UcReleaseCounts) counts = NULL;
  gboolean yearly = gtk_drop_down_get_selected (self->period_dropdown) == 1;

  if (self->releases == NULL)
    return;
  counts = uc_release_counts_new (self->releases, yearly, &error);
  if (counts == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not count the releases: %s"), error->message);

      uc_story_set_error (self->error_label, NULL, message);
      return;
    }
  uc_story_set_error (self->error_label, NULL, NULL);
  g_clear_object (&self->spec);
  self->spec = uc_release_counts_build_chart (counts, gtk_drop_down_get_selected (self->which_dropdown) == 0,
                                              gtk_drop_down_get_selected (self->as_dropdown) == 1);
  uc_chart_view_set_spec (self->chart, self->spec);
  fill_table (self, counts);
  uc_story_notes_clear (self->notes);
  uc_story_notes_add (self->notes, _("The release list is curated: notable models from Epoch AI’s database and "
                                     "vendors’ pages, not every release; after a refresh from Epoch AI, the models "
                                     "its notability rule admits. Shares are of that list. “Closed” counts weights "
                                     "not known to be open."));
}

void
uc_releases_page_set_data (UcReleasesPage *self,
                           UcDataset      *releases)
{
  g_return_if_fail (UC_IS_RELEASES_PAGE (self));
  g_set_object (&self->releases, releases);
  run (self);
}

void
uc_releases_page_set_shares (UcReleasesPage *self,
                             gboolean        shares)
{
  g_return_if_fail (UC_IS_RELEASES_PAGE (self));
  gtk_drop_down_set_selected (self->as_dropdown, shares ? 1 : 0);
}

/* The chart as shown, whose export options an export takes. */
GtkWidget *
uc_releases_page_get_chart (UcReleasesPage *self)
{
  g_return_val_if_fail (UC_IS_RELEASES_PAGE (self), NULL);
  return GTK_WIDGET (self->chart);
}

UcChartSpec *
uc_releases_page_get_spec (UcReleasesPage *self)
{
  g_return_val_if_fail (UC_IS_RELEASES_PAGE (self), NULL);
  return self->spec;
}

char *
uc_releases_page_get_table_text (UcReleasesPage *self)
{
  g_return_val_if_fail (UC_IS_RELEASES_PAGE (self), NULL);
  return uc_story_grid_text (self->table);
}

static void
uc_releases_page_dispose (GObject *object)
{
  UcReleasesPage *self = UC_RELEASES_PAGE (object);

  g_clear_object (&self->releases);
  g_clear_object (&self->spec);
  G_OBJECT_CLASS (uc_releases_page_parent_class)->dispose (object);
}

static void
uc_releases_page_class_init (UcReleasesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = uc_releases_page_dispose;
}

static GtkDropDown *
choice (GtkWidget   *controls,
        const char  *caption,
        const char **names)
{
  GtkWidget *dropdown = gtk_drop_down_new_from_strings (names);

  uc_story_controls_add (controls, caption, dropdown);
  return GTK_DROP_DOWN (dropdown);
}

static void
uc_releases_page_init (UcReleasesPage *self)
{
  GtkWidget *controls = uc_story_controls_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->which_dropdown = choice (controls, _("_Releases"), (const char *[]) { _("Open weights"), _("Closed"), NULL });
  self->as_dropdown = choice (controls, _("_As"), (const char *[]) { _("Counts"), _("Shares"), NULL });
  self->period_dropdown = choice (controls, _("_Per"), (const char *[]) { _("Quarter"), _("Year"), NULL });
  g_signal_connect_swapped (self->which_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->as_dropdown, "notify::selected", G_CALLBACK (run), self);
  g_signal_connect_swapped (self->period_dropdown, "notify::selected", G_CALLBACK (run), self);
  self->error_label = uc_story_page_fill (GTK_BOX (self), controls, (GtkWidget **) &self->chart, &self->table,
                                          &self->notes);
}

GtkWidget *
uc_releases_page_new (void)
{
  return g_object_new (UC_TYPE_RELEASES_PAGE, NULL);
}
