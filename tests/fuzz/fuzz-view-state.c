/* fuzz-view-state.c: libFuzzer target for reading a view state
 *
 * The input is read as a state file and as a link. Besides not crashing
 * or leaking: whatever reads writes back to what reads the same, as a
 * file and as a link (the same state, the same bytes).
 */
#include <string.h>

#include "fuzz-common.h"
#include "uc-view-state.h"
#include "uc-view-state-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* @state's link read back writes the same link. */
static void
check_link (UcViewState *state)
{
  g_autofree char *link = uc_view_state_to_link (state);
  g_autoptr(UcViewState) back = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GError) error = NULL;

  if (strlen (link) > UC_VIEW_STATE_MAX_LINK)
    return;
  back = uc_view_state_from_link (link, &error);
  g_assert_no_error (error);
  again = uc_view_state_to_link (back);
  g_assert_cmpstr (again, ==, link);
}

static void
check_file (UcViewState *state)
{
  g_autoptr(GBytes) json = uc_view_state_to_json (state);
  g_autoptr(UcViewState) back = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (uc_view_state_looks_like (json));
  back = uc_view_state_parse (json, "fuzz.json", &error);
  g_assert_no_error (error);
  again = uc_view_state_to_json (back);
  g_assert_true (g_bytes_equal (json, again));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(UcViewState) state = NULL;
  g_autoptr(UcViewState) linked = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) link_error = NULL;

  /* A critical is a bug the reader let through: make it a finding. */
  fuzz_make_criticals_fatal ();
  state = uc_view_state_parse (bytes, "fuzz.json", &error);
  g_assert ((state == NULL) == (error != NULL));
  if (state)
    {
      check_file (state);
      check_link (state);
    }
  else
    g_assert (error->domain == UC_VIEW_STATE_ERROR && g_str_has_prefix (error->message, "fuzz.json: "));
  linked = uc_view_state_from_link (text, &link_error);
  g_assert ((linked == NULL) == (link_error != NULL));
  if (linked)
    {
      check_link (linked);
      check_file (linked);
    }
  else
    g_assert (link_error->domain == UC_VIEW_STATE_ERROR);
  return 0;
}
