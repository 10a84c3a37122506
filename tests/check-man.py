#!/usr/bin/python3
"""The manual pages against the programs they describe.

  tests/check-man.py UNDERCUT MANDIR

For undercut and each command its --help lists: MANDIR has its page, with
NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXIT STATUS, EXAMPLES and SEE ALSO in
that order; OPTIONS lists every option --help lists (short and long, with
its argument) and no other; SEE ALSO names only pages that exist; and
groff (-ww, every warning) and man render it without a word on stderr.
The options are read from --help here, apart from the generator's reading.
Prints TAP.
"""
import os
import re
import shutil
import subprocess
import sys

from tap import finish, result

SECTIONS = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "EXAMPLES", "SEE ALSO"]

undercut, mandir = sys.argv[1], sys.argv[2]
env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
env.pop("LANGUAGE", None)


def help_text(command):
    args = [undercut] + ([command] if command else []) + ["--help"]
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


def help_options(text):
    """{'--long': 'ARG' or None, '-s': 'ARG' or None} of every option line."""
    found = {}
    for line in text.splitlines():
        m = re.match(r"^  (?:-(\w), )?--([\w-]+)(?:=(\S+))?(?:\s{2,}|$)", line)
        if m:
            short, long, arg = m.groups()
            found["--" + long] = arg
            if short:
                found["-" + short] = arg
    return found


def commands():
    lines = help_text(None).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("there to import. Commands"))
    names = []
    for line in lines[start + 1:]:
        m = re.match(r"^  ([a-z]+)\s{2,}\S", line)
        if not m:
            break
        names.append(m.group(1))
    return names


def plain(troff):
    """Text of troff source without font changes and escapes."""
    text = re.sub(r"\\f[BIRP]", "", troff)
    text = text.replace("\\-", "-").replace("\\&", "").replace("\\e", "\\")
    return re.sub(r"\\\[u([0-9A-F]{4})\]", lambda m: chr(int(m.group(1), 16)), text)


def sections(source):
    found, current = {}, None
    for line in source.splitlines():
        if line.startswith(".SH "):
            current = line[4:].strip().strip('"')
            found[current] = []
        elif current:
            found[current].append(line)
    return found


def page_options(lines):
    """Options of an OPTIONS section: each .TP's tag line."""
    found = {}
    for i, line in enumerate(lines):
        if line == ".TP" and i + 1 < len(lines):
            tag = plain(lines[i + 1])   # "-v, --view=ID": the argument is both's
            arg = re.search(r"=(\S+)$", tag)
            for option in re.findall(r"(?:^|, )(--[\w-]+|-\w)", tag):
                found[option] = arg.group(1) if arg else None
    return found


def check_page(command, pages):
    name = "undercut" + ("-" + command if command else "")
    path = os.path.join(mandir, name + ".1")
    if not os.path.exists(path):
        result(False, "%s has a page" % name, "no %s" % path)
        return
    with open(path, encoding="ascii") as f:
        source = f.read()
    found = sections(source)
    order = [s for s in found if s in SECTIONS]
    result(order == SECTIONS, "%s(1) has %s in order" % (name, ", ".join(SECTIONS)),
           "sections: %s" % ", ".join(found))

    wanted = help_options(help_text(command))
    listed = page_options(found.get("OPTIONS", []))
    missing = ["%s%s" % (o, "=" + a if a else "") for o, a in wanted.items() if o not in listed]
    extra = [o for o in listed if o not in wanted]
    wrong = ["%s: %s in the page, %s in --help" % (o, listed[o], a)
             for o, a in wanted.items() if o in listed and listed[o] != a]
    result(not missing and not extra and not wrong,
           "%s(1) lists the %d options of its --help, with their arguments" % (name, len(wanted)),
           "".join("missing from the page: %s\n" % o for o in missing) +
           "".join("in the page, not in --help: %s\n" % o for o in extra) + "\n".join(wrong))

    refs = re.findall(r"^\.BR (undercut(?:\\-[a-z]+)?) \(1\)", "\n".join(found.get("SEE ALSO", [])), re.M)
    unknown = [r for r in refs if plain(r) not in pages]
    result(refs and not unknown, "%s(1) sees also %d pages that exist" % (name, len(refs)),
           "no such page: %s" % ", ".join(unknown) if unknown else "SEE ALSO names no undercut page")

    groff = subprocess.run(["groff", "-ww", "-man", "-Tutf8", "-z", path], env=env,
                           capture_output=True, text=True)
    result(groff.returncode == 0 and not groff.stderr, "%s(1): groff -ww warns of nothing" % name, groff.stderr)
    man = subprocess.run(["man", "--warnings", "-l", "-P", "cat", path], env=env, capture_output=True, text=True)
    title = name.upper() + "(1)"
    result(man.returncode == 0 and not man.stderr and man.stdout.startswith(title),
           "man -l renders %s(1)" % name, man.stderr or man.stdout[:200])


def main():
    for tool in ("groff", "man"):
        if shutil.which(tool) is None:
            print("Bail out! %s is missing (build-aux/debian-packages.txt lists it)" % tool)
            sys.exit(1)
    names = commands()
    pages = {"undercut"} | {"undercut-" + c for c in names}
    on_disk = {f[:-2] for f in os.listdir(mandir) if f.endswith(".1")}
    result(len(names) >= 11 and on_disk == pages, "a page for undercut and each of its %d commands" % len(names),
           "pages without a command: %s\ncommands without a page: %s"
           % (", ".join(sorted(on_disk - pages)), ", ".join(sorted(pages - on_disk))))
    for command in [None] + names:
        check_page(command, pages)
    finish()


main()
