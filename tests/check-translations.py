#!/usr/bin/python3
"""Every language in po/LINGUAS translates every string the sources mark
today, and each translation keeps what the program relies on.

  tests/check-translations.py TOP

The template is extracted afresh (as meson's undercut-pot does, into a
temporary folder) and each .po merged with it, so a string added to the
code without a translation fails here. Checked per message: no fuzzy or
untranslated entry; msgfmt's format check; date formats that are still
g_date_time_format() formats and show the same fields; the same other
%-conversions where xgettext did not see a C format; one access key where
the original has one; the same leading and trailing blanks and newlines;
a number-unit list the formatter can read.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    "--from-code=UTF-8", "--add-comments",
    "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
    "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
    "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
    "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
    "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
    "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
    "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_log:3:c-format",
    "--flag=g_print:1:c-format", "--flag=g_printerr:1:c-format", "--flag=g_printf:1:c-format",
    "--flag=g_fprintf:2:c-format", "--flag=g_sprintf:2:c-format", "--flag=g_snprintf:3:c-format",
    # po/meson.build's own: the CSV reader's warnings
    "--keyword=uc_csv_warn_n:3,4", "--flag=uc_csv_warn:2:c-format", "--flag=uc_csv_warn_n:3:c-format",
    "--flag=uc_csv_warn_n:4:c-format", "--flag=uc_csv_warn_cell:6:c-format",
]
DATE_CONTEXTS = {"day", "period", "time axis", "feed day", "feed time"}
DATE_CONVERSION = re.compile(r"%[-_0]?([a-zA-Z%])")
YEAR, MONTH, DAY, TIME = set("YyGg"), set("mbBh"), set("de"), set("HIMSpl")


def parse_po(path):
    """Entries as dicts: ctxt, id, plural, strs (list), flags (set)."""
    entries, cur, field = [], None, None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip():
                if cur:
                    entries.append(cur)
                cur, field = None, None
                continue
            if cur is None:
                cur = {"ctxt": None, "id": None, "plural": None, "strs": {}, "flags": set(), "obsolete": False}
            if line.startswith("#~"):
                cur["obsolete"] = True
                continue
            if line.startswith("#,"):
                cur["flags"] |= {f.strip() for f in line[2:].split(",")}
                continue
            if line.startswith("#"):
                continue
            m = re.match(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?) (".*")$', line)
            if m:
                key, index, value = m.group(1), m.group(2), json.loads(m.group(3))
                if key == "msgctxt":
                    field = ("ctxt", None)
                elif key == "msgid":
                    field = ("id", None)
                elif key == "msgid_plural":
                    field = ("plural", None)
                else:
                    field = ("strs", int(index or 0))
                set_field(cur, field, value)
            elif line.startswith('"') and field:
                set_field(cur, field, get_field(cur, field) + json.loads(line))
    if cur:
        entries.append(cur)
    return [e for e in entries if not e["obsolete"] and e["id"] is not None]


def set_field(entry, field, value):
    name, index = field
    if name == "strs":
        entry["strs"][index] = value
    else:
        entry[name] = value


def get_field(entry, field):
    name, index = field
    return entry["strs"][index] if name == "strs" else entry[name]


PRINTF_CONVERSION = re.compile(r"%(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?(?:l|ll|h|z)?[diouxXeEfgGcsp]")


def edges(text):
    """The newlines a message starts and ends with (blanks may differ:
    Chinese sets no space between words)."""
    return (len(text) - len(text.lstrip("\n")), len(text) - len(text.rstrip("\n")))


def access_key(text):
    """The message's one access key, "_E" in "_Export" or "(_E)"; None
    where it has no underscore or several (identifiers, not a label)."""
    keys = re.findall(r"_\w", text)
    return keys[0] if len(keys) == 1 and text.count("_") == 1 else None


def units_ok(text):
    last = 19
    for part in text.split("|"):
        m = re.match(r"^(\d+):(.+)$", part)
        if not m or not 1 <= int(m.group(1)) < last:
            return False
        last = int(m.group(1))
    return bool(text)


def check_entry(lang, e, problems):
    where = f"{lang}: {e['ctxt'] + ' | ' if e['ctxt'] else ''}{e['id'][:70]!r}"
    for index, text in sorted(e["strs"].items()):
        original = e["id"] if index == 0 or e["plural"] is None else e["plural"]
        if e["ctxt"] in DATE_CONTEXTS and "c-format" not in e["flags"]:
            used = DATE_CONVERSION.findall(text)
            wanted = DATE_CONVERSION.findall(original)
            stray = re.sub(r"%[-_0]?[a-zA-Z%]", "", text)
            if "%" in stray:
                problems.append(f"{where}: “{text}” has a % that is no date conversion")
            # A field may be added (a start day that names its year), never dropped.
            for group, name in ((YEAR, "year"), (MONTH, "month"), (DAY, "day"), (TIME, "time")):
                if set(wanted) & group and not set(used) & group:
                    problems.append(f"{where}: “{text}” drops the {name}")
        elif "c-format" not in e["flags"] and "%" in original:
            if sorted(PRINTF_CONVERSION.findall(original)) != sorted(PRINTF_CONVERSION.findall(text)):
                problems.append(f"{where}: “{text}” has other %-conversions than the original")
        if access_key(original) and not access_key(text):
            problems.append(f"{where}: “{text}” has no single access key, the original {access_key(original)}")
        if edges(original) != edges(text):
            problems.append(f"{where}: “{text}” starts or ends with other newlines than the original")
        if e["ctxt"] == "number units" and not units_ok(text):
            problems.append(f"{where}: “{text}” is not a list like 12:T|9:B|6:M|3:K")


def main():
    top = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(top, "po")
    with open(os.path.join(po_dir, "LINGUAS"), encoding="utf-8") as f:
        langs = [w for line in f for w in line.split("#")[0].split()]
    problems = []
    if not langs:
        problems.append("po/LINGUAS lists no language")
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "undercut.pot")
        subprocess.run(["xgettext", "--package-name=undercut", "-f", os.path.join(po_dir, "POTFILES.in"),
                        "-D", top, "-k_", "-o", pot] + XGETTEXT_ARGS, check=True)
        n_template = len([e for e in parse_po(pot) if e["id"]])
        for lang in langs:
            merged = os.path.join(tmp, lang + ".po")
            subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged,
                            os.path.join(po_dir, lang + ".po"), pot], check=True)
            fmt = subprocess.run(["msgfmt", "-c", "--check-format", "--statistics", "-o", os.devnull, merged],
                                 capture_output=True, text=True)
            stats = fmt.stderr.strip().splitlines()[-1] if fmt.stderr.strip() else ""
            if fmt.returncode != 0:
                problems.append(f"{lang}: msgfmt -c --check-format fails:\n{fmt.stderr.strip()}")
            entries = [e for e in parse_po(merged) if e["id"]]
            for e in entries:
                if "fuzzy" in e["flags"] or not all(e["strs"].values()):
                    problems.append(f"{lang}: untranslated or fuzzy: "
                                    f"{e['ctxt'] + ' | ' if e['ctxt'] else ''}{e['id'][:90]!r}")
                else:
                    check_entry(lang, e, problems)
            print(f"{lang}: {len(entries)} of {n_template} messages; msgfmt: {stats}")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems" if problems else "every language translates every message")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
