/* uc-cli-library.c: `undercut library list|add FILE|remove ID|reimport ID`
 *
 * The same library as the window's (in the user data dir, or
 * $UNDERCUT_DATA_DIR/library), so scripts and tests can fill it. Listing
 * checks each file (a reference is hashed again) but reads none as CSV.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "uc-cli.h"
#include "uc-json-writer.h"
#include "uc-library.h"

/* A downloaded file's address and time follow its title. */
static void
print_entry (UcLibraryEntry *entry)
{
  const char *url = uc_library_entry_get_origin_url (entry);
  const char *downloaded = uc_library_entry_get_downloaded_at (entry);
  guint64 size = uc_library_entry_get_size (entry);
  g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, size);
  const char *id = uc_library_entry_get_id (entry);
  const char *mode = uc_library_mode_to_string (uc_library_entry_get_mode (entry));
  const char *state = uc_library_state_to_string (uc_library_entry_get_state (entry));
  const char *imported = uc_library_entry_get_imported_at (entry) ? uc_library_entry_get_imported_at (entry) : "–";
  /* A count past what gulong holds only picks a plural form. */
  gulong n = (gulong) MIN (size, G_MAXULONG);

  if (url)
    /* Translators: an entry of the library: its id, how it is kept (copy or reference), its state, its size
     * in bytes, when it was imported, its title, then the address it was downloaded from and when. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%-20s %-9s %-7s %12s byte  imported %s  %s  (from %s, downloaded %s)\n",
                          "%-20s %-9s %-7s %12s bytes  imported %s  %s  (from %s, downloaded %s)\n", n),
             id, mode, state, bytes, imported, uc_library_entry_get_title (entry), url, downloaded ? downloaded : "–");
  else
    /* Translators: an entry of the library: its id, how it is kept (copy or reference), its state, its size
     * in bytes, when it was imported and its title. */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%-20s %-9s %-7s %12s byte  imported %s  %s\n",
                          "%-20s %-9s %-7s %12s bytes  imported %s  %s\n", n),
             id, mode, state, bytes, imported, uc_library_entry_get_title (entry));
}

static void
write_entry_json (UcJsonWriter   *w,
                  UcLibraryEntry *entry)
{
  uc_json_begin_object (w);
  uc_json_member_string (w, "id", uc_library_entry_get_id (entry));
  uc_json_member_string (w, "title", uc_library_entry_get_title (entry));
  uc_json_member_string (w, "mode", uc_library_mode_to_string (uc_library_entry_get_mode (entry)));
  uc_json_member_string (w, "state", uc_library_state_to_string (uc_library_entry_get_state (entry)));
  uc_json_member_string (w, "path", uc_library_entry_get_path (entry));
  uc_json_member_string (w, "original", uc_library_entry_get_original (entry));
  uc_json_key (w, "size");
  uc_json_int (w, (gint64) uc_library_entry_get_size (entry));
  uc_json_member_string (w, "sha256", uc_library_entry_get_sha256 (entry));
  uc_json_member_string (w, "imported_at", uc_library_entry_get_imported_at (entry));
  uc_json_member_string (w, "origin_url", uc_library_entry_get_origin_url (entry));
  uc_json_member_string (w, "downloaded_at", uc_library_entry_get_downloaded_at (entry));
  {
    g_autofree char *credit = uc_library_entry_dup_credit (entry);

    uc_json_member_string (w, "credit", credit);
  }
  uc_json_end_object (w);
}

static void
print_json (UcJsonWriter *w)
{
  g_autofree char *text = uc_json_writer_steal (w);

  g_print ("%s\n", text);
}

static int
library_list (UcLibrary *library,
              gboolean   json)
{
  GListModel *model = G_LIST_MODEL (library);
  g_autoptr(UcJsonWriter) w = uc_json_writer_new (FALSE);

  uc_json_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(UcLibraryEntry) entry = g_list_model_get_item (model, i);

      if (json)
        write_entry_json (w, entry);
      else
        print_entry (entry);
    }
  uc_json_end_array (w);
  if (json)
    print_json (w);
  else if (g_list_model_get_n_items (model) == 0)
    g_print (_("The library is empty (add a file with “undercut library add FILE”).\n"));
  return UC_EXIT_OK;
}

typedef struct
{
  gboolean  reference;
  char     *title;
  char     *delimiter;
  char     *decimal;
  char     *thousands;
  char     *date_format;
} AddOptions;

static void
add_options_clear (AddOptions *a)
{
  g_free (a->title);
  g_free (a->delimiter);
  g_free (a->decimal);
  g_free (a->thousands);
  g_free (a->date_format);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AddOptions, add_options_clear)

/* "\t", "tab" or one character. */
static gboolean
one_char (const char *text,
          char       *out)
{
  if (text == NULL)
    return TRUE;
  if (strcmp (text, "\\t") == 0 || g_ascii_strcasecmp (text, "tab") == 0)
    *out = '\t';
  else if (strlen (text) == 1 && text[0] != '\n' && text[0] != '\r' && text[0] != '"')
    *out = text[0];
  else
    return FALSE;
  return TRUE;
}

static int
library_add (UcLibrary  *library,
             const char *path,
             AddOptions *a,
             gboolean    json)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry;
  UcCsvOptions options;

  uc_csv_options_init (&options);
  if (!one_char (a->delimiter, &options.delimiter))
    return uc_cli_usage_error ("library", _("--delimiter takes one character (or “tab”)"));
  if (!one_char (a->decimal, &options.decimal) || (a->decimal && options.decimal != '.' && options.decimal != ','))
    return uc_cli_usage_error ("library", _("--decimal takes “.” or “,”"));
  if (a->thousands && !uc_csv_thousands_from_string (a->thousands, &options.thousands))
    return uc_cli_usage_error ("library", _("--thousands takes , . ' space or none"));
  if (options.thousands && options.thousands == options.decimal)
    return uc_cli_usage_error ("library", _("--thousands and --decimal name the same character"));
  options.date_format = a->date_format;
  entry = uc_library_add (library, file, a->reference ? UC_LIBRARY_REFERENCE : UC_LIBRARY_COPY, a->title, &options,
                          &error);
  if (entry == NULL)
    {
      g_printerr ("undercut library: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  if (json)
    {
      g_autoptr(UcJsonWriter) w = uc_json_writer_new (FALSE);

      write_entry_json (w, entry);
      print_json (w);
    }
  else
    /* Translators: the new entry's id, how it is kept (“copy” or “reference”), and the file's name. */
    g_print (_("added %s (%s of %s)\n"), uc_library_entry_get_id (entry),
             uc_library_mode_to_string (uc_library_entry_get_mode (entry)), uc_library_entry_get_original (entry));
  return UC_EXIT_OK;
}

static int
library_remove (UcLibrary  *library,
                const char *id)
{
  g_autoptr(GError) error = NULL;

  if (!uc_library_remove (library, id, &error))
    {
      g_printerr ("undercut library: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  /* Translators: %s is a library entry's id. */
  g_print (_("removed %s\n"), id);
  return UC_EXIT_OK;
}

static int
library_reimport (UcLibrary  *library,
                  const char *id)
{
  g_autoptr(GError) error = NULL;
  UcLibraryEntry *entry = uc_library_reimport (library, id, &error);

  if (entry == NULL)
    {
      g_printerr ("undercut library: %s\n", error->message);
      return UC_EXIT_FAILURE;
    }
  /* Translators: a library entry's id, then the file's name. */
  g_print (_("re-imported %s from %s\n"), id, uc_library_entry_get_mode (entry) == UC_LIBRARY_COPY
                                              ? uc_library_entry_get_original (entry) : uc_library_entry_get_path (entry));
  return UC_EXIT_OK;
}

static int
run_action (GStrv       args,
            AddOptions *a,
            gboolean    json)
{
  guint n = g_strv_length (args);
  g_autoptr(UcLibrary) library = uc_library_new (NULL);
  g_autoptr(GError) error = NULL;
  const char *action = n > 1 ? args[1] : "list";

  if (!uc_library_load (library, &error))
    {
      g_printerr ("undercut library: %s\n", error->message);
      /* The manifest is left alone; an add writes a new one. */
      if (strcmp (action, "add") != 0)
        return UC_EXIT_FAILURE;
    }
  if (strcmp (action, "list") == 0 && n <= 2)
    return library_list (library, json);
  if (strcmp (action, "add") == 0 && n == 3)
    return library_add (library, args[2], a, json);
  if (strcmp (action, "remove") == 0 && n == 3)
    return library_remove (library, args[2]);
  if (strcmp (action, "reimport") == 0 && n == 3)
    return library_reimport (library, args[2]);
  if (strcmp (action, "list") != 0 && strcmp (action, "add") != 0 && strcmp (action, "remove") != 0 &&
      strcmp (action, "reimport") != 0)
    return uc_cli_usage_error ("library", _("the actions are list, add FILE, remove ID and reimport ID"));
  if (strcmp (action, "list") == 0)
    return uc_cli_usage_error ("library", _("list takes no arguments"));
  if (strcmp (action, "add") == 0)
    return uc_cli_usage_error ("library", _("add takes one FILE"));
  return uc_cli_usage_error ("library", _("takes one ID"));
}

int
uc_cli_library (int    argc,
                char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[list | add FILE | remove ID | reimport ID]"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  gboolean json = FALSE;
  g_auto(AddOptions) a = { 0 };
  GOptionEntry options[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON (list: an array; add: the new entry)"), NULL },
    { "reference", 0, 0, G_OPTION_ARG_NONE, &a.reference, N_("add: refer to the file where it is instead of copying it"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &a.title, N_("add: the title to show (default: the file's name)"), N_("T") },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &a.delimiter, N_("add: the field delimiter (default: detected)"), N_("C") },
    { "decimal", 0, 0, G_OPTION_ARG_STRING, &a.decimal, N_("add: the decimal mark, . or , (default: detected)"), N_("C") },
    { "thousands", 0, 0, G_OPTION_ARG_STRING, &a.thousands, N_("add: the thousands separator, , . ' space or none (default: detected)"), N_("C") },
    { "date-format", 0, 0, G_OPTION_ARG_STRING, &a.date_format, N_("add: how dates are written, e.g. %d/%m/%Y"), N_("F") },
    { NULL }
  };

  g_option_context_set_summary (context, _("The datasets you imported, kept in the user data dir: list them, add a "
                                           "CSV file (copied, or referred to with --reference), remove one, or "
                                           "re-import one whose file changed."));
  g_option_context_add_main_entries (context, options, GETTEXT_PACKAGE);
  if (!uc_cli_parse (context, "library", argc, argv, &args, &error))
    return uc_cli_usage_error ("library", error->message);
  return run_action (args, &a, json);
}
