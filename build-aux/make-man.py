#!/usr/bin/python3
"""A manual page of the undercut command, its options from its own --help.

  build-aux/make-man.py UNDERCUT METAINFO TEMPLATE OUTPUT [COMMAND]

TEMPLATE is the page in troff (data/man/undercut-COMMAND.1.in), written by
hand but for what --help already says, filled in here so that the page
never drifts from the program:

  @TH@        the title line: name, section, the release's date (the first
              <release> of METAINFO) and the version (undercut --version)
  @NAME@      the NAME line: from the command's line in undercut --help
  @SYNOPSIS@  the usage line of --help
  @SUMMARY@   the paragraphs of --help above its options (a list of
              commands as a tagged list)
  @OPTIONS@   every option --help lists, with its argument and its text

Text is escaped for troff: dashes that start an option or a negative
number are minus signs, anything beyond ASCII a \\[uXXXX] escape.
"""
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

OPTION = re.compile(r"^  (?:-(\w), )?--([\w-]+)(?:=(\S+))?(?:\s{2,}(.*))?$")
GROUP = re.compile(r"^[A-Z][\w ]* Options:$")
ITEM = re.compile(r"^  (\w+)\s{2,}(\S.*)$")


def run_help(undercut, command):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    env.pop("LANGUAGE", None)
    # A sanitizer build's program, run at build time: its leaks are not ours to judge here.
    env["ASAN_OPTIONS"] = "detect_leaks=0"
    args = [undercut] + ([command] if command else []) + ["--help"]
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


def parse_help(text):
    """(usage, summary lines, [(short, long, arg, text)]) of GOption's --help."""
    lines = text.splitlines()
    usage = None
    summary, options = [], []
    part = "head"
    for line in lines:
        if part == "head":
            if line.startswith("  ") and usage is None:
                usage = line.strip()
                part = "summary"
            continue
        if GROUP.match(line):
            part = "options"
            continue
        if part == "summary":
            summary.append(line)
        elif part == "options":
            m = OPTION.match(line)
            if m:
                options.append(m.groups())
            elif line.strip():
                part = "epilog"   # text after the options: the template's to use
    while summary and not summary[0].strip():
        summary.pop(0)
    while summary and not summary[-1].strip():
        summary.pop()
    if usage is None or not options:
        sys.exit("make-man: no usage line or no options in --help")
    return usage, summary, options


def escape(text, code=False):
    """@text for troff; in @code every dash is a minus sign (options, values)."""
    text = text.replace("\\", "\\e")
    if code:
        text = text.replace("-", "\\-")
    else:
        # A dash starting an option (--view, -o) or a negative number (-120).
        text = re.sub(r"(?<![\w\\])-(?=[-\w])", r"\\-", text)
    # A line starting with a dot or an apostrophe would be a request.
    return "\\&" + text if text[:1] in (".", "'") else text


def non_ascii(text):
    return "".join(c if ord(c) < 128 else "\\[u%04X]" % ord(c) for c in text)


def paragraph_lines(lines):
    """Summary lines as troff: paragraphs, and "  name   text" lines as a tagged list."""
    out = []
    for line in lines:
        m = ITEM.match(line)
        if m:
            out += [".TP", "\\fB%s\\fR" % escape(m.group(1), code=True), escape(m.group(2))]
        elif not line.strip():
            out.append(".PP")
        else:
            out.append(escape(line.strip()))
    return out


def synopsis(usage):
    words = []
    for token in re.split(r"(\s+|[\[\]|])", usage):
        if re.fullmatch(r"[A-Z][A-Z0-9_]*…?", token):
            words.append("\\fI%s\\fR" % escape(token, code=True))
        elif re.fullmatch(r"[a-z][\w-]*", token):
            words.append("\\fB%s\\fR" % escape(token, code=True))
        else:
            words.append(escape(token, code=True))
    return "".join(words)


def option_lines(options):
    out = []
    for short, long, arg, text in options:
        head = ("\\fB\\-%s\\fR, " % short if short else "") + "\\fB\\-\\-%s\\fR" % escape(long, code=True)
        if arg:
            head += "=\\fI%s\\fR" % escape(arg, code=True)
        out += [".TP", head, escape(text or "")]
    return out


def name_line(undercut, command):
    if not command:
        return "undercut \\- explore how cheap open\\-weight AI models move markets"
    _, summary, _ = parse_help(run_help(undercut, None))
    for line in summary:
        m = ITEM.match(line)
        if m and m.group(1) == command:
            text = m.group(2)
            return "undercut\\-%s \\- %s" % (escape(command, code=True), escape(text[0].lower() + text[1:]))
    sys.exit("make-man: undercut --help lists no command %s" % command)


def release_date(metainfo):
    release = ET.parse(metainfo).getroot().find("releases/release")
    if release is None or not release.get("date"):
        sys.exit("make-man: %s has no dated release" % metainfo)
    return release.get("date")


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    undercut, metainfo, template, output = sys.argv[1:5]
    command = sys.argv[5] if len(sys.argv) == 6 else None
    usage, summary, options = parse_help(run_help(undercut, command))
    version = subprocess.run([undercut, "--version"], check=True, capture_output=True,
                             text=True, env=dict(os.environ, ASAN_OPTIONS="detect_leaks=0")).stdout.split()[-1]
    title = "undercut" + ("-" + command if command else "")
    fill = {
        "TH": '.TH %s 1 "%s" "undercut %s" "User Commands"' % (escape(title.upper(), code=True),
                                                             release_date(metainfo), version),
        "NAME": name_line(undercut, command),
        "SYNOPSIS": synopsis(usage),
        "SUMMARY": "\n".join(paragraph_lines(summary)),
        "OPTIONS": "\n".join(option_lines(options)),
    }
    with open(template, encoding="utf-8") as f:
        page = f.read()
    unknown = set(re.findall(r"@([A-Z]+)@", page)) - set(fill)
    if unknown:
        sys.exit("make-man: %s: unknown @%s@" % (template, "@, @".join(sorted(unknown))))
    page = re.sub(r"@([A-Z]+)@", lambda m: fill[m.group(1)], page)
    with open(output + ".tmp", "w", encoding="ascii") as f:
        f.write(non_ascii(page))
    os.replace(output + ".tmp", output)


if __name__ == "__main__":
    main()
