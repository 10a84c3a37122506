/* uc-chart-view-card.c: the crosshair's card, laid out in columns
 *
 * Part of UcChartView (see uc-chart-view-private.h). The card shows the
 * day, then a row per series: its dot, name, value and changes, then
 * notes and the day's events. A pointer move changes the day and the
 * numbers, rarely a name or a note: the names and the lines under the rows
 * are each one layout, kept while their text stays, and the day and each
 * number are quick text (uc-quick-text.c). In columns, the numbers also
 * line up, right-aligned. Every row is one line of the widget's font
 * high, so the rows stay level when a name needs another font.
 */
#include "config.h"

#include "uc-chart-view.h"
#include "uc-chart-view-private.h"

#include <math.h>

#define PAD _UC_CHART_VIEW_CARD_PAD
#define COLUMN_GAP 12

/* The columns of numbers. */
enum { VALUES, DAY, SINCE, N_COLUMNS };

/* A block of markup kept laid out while its text stays. */
typedef struct
{
  GString     *text;     /* being built */
  PangoLayout *layout;
  char        *shown;    /* the text the layout holds */
} Block;

struct _UcCrossCard
{
  UcQuickFont *regular, *bold;
  UcQuickText *heading;
  GPtrArray   *cells[N_COLUMNS];  /* UcQuickText, a row's each */
  gboolean     used[N_COLUMNS];   /* whether any row has text there */
  guint        rows;
  GArray      *colors;            /* UcColor: each row's dot */
  Block        names, footer;
};

UcCrossCard *
_uc_cross_card_new (GtkWidget *widget)
{
  UcCrossCard *card = g_new0 (UcCrossCard, 1);
  g_autoptr(PangoFontDescription) bold = pango_font_description_new ();

  /* Only the weight is set: the rest follows the widget's font. */
  pango_font_description_set_weight (bold, PANGO_WEIGHT_BOLD);
  card->regular = uc_quick_font_new (widget, NULL);
  card->bold = uc_quick_font_new (widget, bold);
  card->heading = uc_quick_text_new (card->bold);
  for (int c = 0; c < N_COLUMNS; c++)
    card->cells[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) uc_quick_text_free);
  card->colors = g_array_new (FALSE, FALSE, sizeof (UcColor));
  card->names.text = g_string_new (NULL);
  card->footer.text = g_string_new (NULL);
  return card;
}

static void
block_clear (Block *block)
{
  g_string_free (block->text, TRUE);
  g_clear_object (&block->layout);
  g_free (block->shown);
}

void
_uc_cross_card_free (UcCrossCard *card)
{
  block_clear (&card->names);
  block_clear (&card->footer);
  for (int c = 0; c < N_COLUMNS; c++)
    g_ptr_array_unref (card->cells[c]);
  g_array_unref (card->colors);
  uc_quick_text_free (card->heading);
  uc_quick_font_unref (card->regular);
  uc_quick_font_unref (card->bold);
  g_free (card);
}

/* A new card, headed by @heading (plain text, shown bold). */
void
_uc_cross_card_begin (UcCrossCard *card,
                      const char  *heading)
{
  g_string_truncate (card->names.text, 0);
  g_string_truncate (card->footer.text, 0);
  g_array_set_size (card->colors, 0);
  memset (card->used, 0, sizeof card->used);
  card->rows = 0;
  uc_quick_text_set_text (card->heading, heading);
}

/* Row @row's text in column @c. */
static void
set_cell (UcCrossCard *card,
          int          c,
          guint        row,
          const char  *text)
{
  GPtrArray *cells = card->cells[c];

  while (cells->len <= row)
    g_ptr_array_add (cells, uc_quick_text_new (c == VALUES ? card->bold : card->regular));
  uc_quick_text_set_text (g_ptr_array_index (cells, row), text);
  card->used[c] |= *text != '\0';
}

/* A row: a dot in @color, @name (markup) and @value (plain text). */
void
_uc_cross_card_add_row (UcCrossCard   *card,
                        const UcColor *color,
                        const char    *name,
                        const char    *value)
{
  if (card->rows > 0)
    g_string_append_c (card->names.text, '\n');
  g_string_append (card->names.text, name);
  set_cell (card, VALUES, card->rows, value);
  set_cell (card, DAY, card->rows, "");
  set_cell (card, SINCE, card->rows, "");
  g_array_append_val (card->colors, *color);
  card->rows++;
}

/* The last row's change on the day and since the base (either NULL). */
void
_uc_cross_card_set_changes (UcCrossCard *card,
                            const char  *day,
                            const char  *since)
{
  g_return_if_fail (card->rows > 0);
  if (day)
    set_cell (card, DAY, card->rows - 1, day);
  if (since)
    set_cell (card, SINCE, card->rows - 1, since);
}

/* A line under the rows (markup): a note or an event. */
void
_uc_cross_card_add_footer (UcCrossCard *card,
                           const char  *markup)
{
  if (card->footer.text->len > 0)
    g_string_append_c (card->footer.text, '\n');
  g_string_append (card->footer.text, markup);
}

/* @block laid out, again only when its text changed; with @line_height
 * (Pango units, 0: the font's own) for each line. NULL when empty. */
static PangoLayout *
block_layout (Block     *block,
              GtkWidget *widget,
              int        line_height)
{
  if (block->text->len == 0)
    return NULL;
  if (block->layout == NULL)
    block->layout = gtk_widget_create_pango_layout (widget, NULL);
  if (g_strcmp0 (block->shown, block->text->str) != 0)
    {
      g_free (block->shown);
      block->shown = g_strdup (block->text->str);
      pango_layout_set_markup (block->layout, block->shown, -1);
      if (line_height)
        {
          PangoAttrList *attrs = pango_layout_get_attributes (block->layout);

          attrs = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
          pango_attr_list_insert_before (attrs, pango_attr_line_height_new_absolute (line_height));
          pango_layout_set_attributes (block->layout, attrs);
          pango_attr_list_unref (attrs);
        }
    }
  return block->layout;
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               const GdkRGBA *color,
               double         x,
               double         y)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Column @c's width in pixels: its widest cell's. */
static int
column_width (UcCrossCard *card,
              int          c)
{
  int widest = 0;

  for (guint r = 0; r < card->rows; r++)
    {
      PangoRectangle logical;

      uc_quick_text_get_extents (g_ptr_array_index (card->cells[c], r), NULL, &logical);
      widest = MAX (widest, logical.width);
    }
  return widest;
}

/* The rows from (@x, @y), @row_h apart: the names, then each column of
 * numbers right-aligned, their baselines on the names'. */
static void
snapshot_rows (UcCrossCard        *card,
               GtkSnapshot        *snapshot,
               const UcChartTheme *theme,
               PangoLayout        *names,
               const int          *widths,
               double              x,
               double              y,
               double              row_h)
{
  const UcColor *fg = &theme->foreground;
  int baseline = names ? pango_layout_get_baseline (names) : uc_quick_font_get_baseline (card->regular);

  for (guint r = 0; r < card->rows; r++)
    {
      double size = round (row_h / 2.2);
      double cy = y + r * row_h + row_h / 2;

      _uc_chart_view_snapshot_dot (snapshot, &g_array_index (card->colors, UcColor, r), x + 1 + size / 2,
                                   round (cy - size / 2) + size / 2, size / 2);
    }
  x += round (row_h * 0.9);
  if (names)
    append_layout (snapshot, names, &(GdkRGBA) { fg->red, fg->green, fg->blue, 1 }, x, y);
  x += widths[N_COLUMNS];
  for (int c = 0; c < N_COLUMNS; c++)
    {
      GdkRGBA color = { fg->red, fg->green, fg->blue, c == SINCE ? 0.7 : 1 };

      if (!card->used[c])
        continue;
      x += COLUMN_GAP + widths[c];
      for (guint r = 0; r < card->rows; r++)
        {
          UcQuickText *cell = g_ptr_array_index (card->cells[c], r);
          PangoRectangle logical;

          uc_quick_text_get_extents (cell, NULL, &logical);
          uc_quick_text_snapshot (cell, snapshot, &color, x - logical.width,
                                  y + r * row_h + (double) (baseline - uc_quick_text_get_baseline (cell)) / PANGO_SCALE);
        }
    }
}

/* The card beside the line at @x (right of it when it fits in @width),
 * its top at @top: box, day, rows and the lines under them. */
void
_uc_cross_card_snapshot (UcCrossCard        *card,
                         GtkWidget          *widget,
                         GtkSnapshot        *snapshot,
                         const UcChartTheme *theme,
                         double              x,
                         double              top,
                         int                 width)
{
  const UcColor *fg = &theme->foreground;
  int line = uc_quick_font_get_height (card->regular);
  double row_h = (double) line / PANGO_SCALE;
  PangoLayout *names = card->rows ? block_layout (&card->names, widget, line) : NULL;
  PangoLayout *footer = block_layout (&card->footer, widget, 0);
  int widths[N_COLUMNS + 1] = { 0 }, rows_w = 0, head_w, head_h, foot_w = 0, foot_h = 0;
  PangoRectangle logical;
  double card_w, card_h, left;

  uc_quick_text_get_extents (card->heading, NULL, &logical);
  head_w = logical.width;
  head_h = logical.height;
  if (names)
    {
      pango_layout_get_pixel_size (names, &widths[N_COLUMNS], NULL);
      rows_w = (int) round (row_h * 0.9) + widths[N_COLUMNS];
    }
  else if (card->rows > 0)
    rows_w = (int) round (row_h * 0.9);
  for (int c = 0; c < N_COLUMNS; c++)
    if (card->used[c])
      rows_w += COLUMN_GAP + (widths[c] = column_width (card, c));
  if (footer)
    pango_layout_get_pixel_size (footer, &foot_w, &foot_h);
  card_w = MAX (MAX (head_w, rows_w), foot_w) + 2 * PAD;
  card_h = head_h + card->rows * row_h + foot_h + 2 * PAD;
  left = round (x + 12 + card_w < width ? x + 12 : x - 12 - card_w);
  top = round (top);

  _uc_chart_view_snapshot_card_box (snapshot, theme, left, top, card_w, card_h, 0.35);
  uc_quick_text_snapshot (card->heading, snapshot, &(GdkRGBA) { fg->red, fg->green, fg->blue, 1 }, left + PAD,
                          top + PAD);
  if (card->rows > 0)
    snapshot_rows (card, snapshot, theme, names, widths, left + PAD, top + PAD + head_h, row_h);
  if (footer)
    append_layout (snapshot, footer, &(GdkRGBA) { fg->red, fg->green, fg->blue, 1 }, left + PAD,
                   round (top + PAD + head_h + card->rows * row_h));
}
