/* test-locale.c: dates, numbers and money in German, Chinese and C, as the
 * window and the exports write them, and typed dates read back.
 *
 * Needs the locales build-aux/setup compiles (de_DE, zh_CN) and the
 * translations built in po/; a missing locale fails, it does not skip. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "uc-axis.h"
#include "uc-format.h"
#include "uc-range-preset.h"

/* The language a user would start the app in: LC_ALL for everything but
 * the process's numbers, as main.c does. */
static gboolean
use_language (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_test_message ("locale %s is not installed (build-aux/setup compiles it)", name);
      g_test_fail ();
      return FALSE;
    }
  setlocale (LC_NUMERIC, "C");
  uc_format_use_locale (name);
  return TRUE;
}

static void
check_day (const char *typed,
           UcTime      expected)
{
  UcTime t = 0;

  g_assert_true (uc_range_parse_day (typed, FALSE, &t));
  g_assert_cmpint (t, ==, expected);
}

typedef struct
{
  const char *locale;
  const char *day;          /* 27 Jan 2025 */
  const char *period;       /* 20 to 27 Jan 2025 */
  const char *decimal;      /* 1234.5 */
  const char *money;        /* 3.4e12 dollars */
  const char *percent;      /* −16.97 percent */
  const char *change_hkd;   /* +48.9e9 HKD */
  const char *tick;         /* the second tick of a 0…$4T axis */
} Expected;

static const Expected languages[] = {
  { "C.UTF-8", "27 Jan 2025", "20 – 27 Jan 2025", "1234.5", "$3.4T", "−17%", "+48.9B HKD", "$1T" },
  { "de_DE.UTF-8", "27.01.2025", "20. – 27.01.2025", "1.234,5", "3,4 Bio. $", "−17 %", "+48,9 Mrd. HKD",
    "1 Bio. $" },
  { "zh_CN.UTF-8", "2025年1月27日", "2025年1月20日 – 2025年1月27日", "1,234.5", "$3.4万亿", "−17%", "+489亿 HKD",
    "$1万亿" },
};

static void
test_language (gconstpointer data)
{
  const Expected *e = data;
  UcTime day = uc_time_from_ymd (2025, 1, 27);
  g_autofree char *text_day = NULL, *period = NULL, *decimal = NULL, *money = NULL, *percent = NULL;
  g_autofree char *hkd = NULL;
  g_autoptr(GArray) ticks = NULL;

  if (!use_language (e->locale))
    return;
  text_day = uc_format_day (day);
  g_assert_cmpstr (text_day, ==, e->day);
  period = uc_format_period (uc_time_from_ymd (2025, 1, 20), day);
  g_assert_cmpstr (period, ==, e->period);
  decimal = uc_format_decimal (1234.5, 1);
  g_assert_cmpstr (decimal, ==, e->decimal);
  money = uc_format_value (3.4e12, UC_VALUE_MONEY);
  g_assert_cmpstr (money, ==, e->money);
  percent = uc_format_value (-16.97, UC_VALUE_PERCENT);
  g_assert_cmpstr (percent, ==, e->percent);
  hkd = uc_format_money_change_in (48.9e9, "HKD");
  g_assert_cmpstr (hkd, ==, e->change_hkd);
  ticks = uc_axis_value_ticks (0, 4e12, 4, UC_VALUE_MONEY);
  g_assert_cmpuint (ticks->len, >=, 2);
  g_assert_cmpstr (g_array_index (ticks, UcTick, 1).label, ==, e->tick);

  /* A day as shown reads back, as does ISO everywhere. */
  check_day (e->day, day);
  check_day ("2025-01-27", day);
  check_day ("27 Jan 2025", day);
}

/* LANGUAGE=de in the C.UTF-8 locale (a language asked for, no locale):
 * German words, and German numbers from the translation rather than C's. */
static void
test_language_alone (void)
{
  g_autofree char *decimal = NULL, *money = NULL, *day = NULL;

  if (!use_language ("C.UTF-8"))
    return;
  g_setenv ("LANGUAGE", "de", TRUE);
  uc_format_use_locale ("C.UTF-8");
  decimal = uc_format_decimal (1234.5, 1);
  money = uc_format_value (3.4e12, UC_VALUE_MONEY);
  day = uc_format_day (uc_time_from_ymd (2025, 1, 27));
  g_unsetenv ("LANGUAGE");
  uc_format_use_locale ("C.UTF-8");
  g_assert_cmpstr (decimal, ==, "1.234,5");
  g_assert_cmpstr (money, ==, "3,4 Bio. $");
  g_assert_cmpstr (day, ==, "27.01.2025");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *po = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);

  g_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, po);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/locale/%s", languages[i].locale);

      g_test_add_data_func (path, &languages[i], test_language);
    }
  g_test_add_func ("/locale/language-alone", test_language_alone);
  return g_test_run ();
}
