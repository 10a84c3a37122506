#!/usr/bin/python3
"""The command line in German and Chinese: its words are translated, its
machine-readable output is not localized, and Chinese reaches exports.

  tests/check-cli-locale.py UNDERCUT LOCALEDIR

- Every --json output holds the same numbers, keys and ISO dates in
  de_DE.UTF-8 and zh_CN.UTF-8 as in C (texts meant for people may be
  translated); a report pack's data.csv is byte for byte the same.
- --help is translated in each language.
- A chart exported in Chinese names a CJK font: in the SVG's font-family
  and among the PDF's embedded fonts (pdffonts).
"""
import json
import os
import re
import subprocess
import sys
import tempfile

LANGS = ["de_DE.UTF-8", "zh_CN.UTF-8"]
JSON_COMMANDS = [
    ["study", "--event", "2025-01-27", "--json"],
    ["moves", "--json"],
    ["frontier", "--json"],
    ["releases", "--json"],
    ["claims", "--json"],
    ["datasets", "--json"],
]
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
HELP_WORD = {"de_DE.UTF-8": "Befehl", "zh_CN.UTF-8": "命令"}


def run(undercut, locale_dir, lang, args):
    env = dict(os.environ, LC_ALL=lang, LANGUAGE="", UNDERCUT_LOCALEDIR=locale_dir)
    # cairo 1.16 loses two buffers of a CJK font's subset when it writes a
    # PDF or SVG's fonts (in cairo_surface_finish); LeakSanitizer's fast
    # unwinding cannot tell that stack from Undercut's own, so Chinese
    # exports run without leak checks here. The same exports in C, in the
    # cli and render tests, keep them.
    if lang.startswith("zh") and args[0] == "export" and "ASAN_OPTIONS" in env:
        env["ASAN_OPTIONS"] += ":detect_leaks=0"
    out = subprocess.run([undercut] + args, env=env, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"{lang}: undercut {' '.join(args)} failed ({out.returncode}): {out.stderr.strip()}")
    return out.stdout


def skeleton(value):
    """What a script reads: numbers, booleans, keys, ISO dates and ids; a
    text for people (with a space or non-ASCII letter) as a placeholder."""
    if isinstance(value, dict):
        return {k: skeleton(v) for k, v in value.items()}
    if isinstance(value, list):
        return [skeleton(v) for v in value]
    if isinstance(value, str):
        if ISO_DAY.match(value) or re.fullmatch(r"[A-Za-z0-9_.:/?&=+-]*", value):
            return value
        return "<text>"
    return value


def first_difference(a, b, path="$"):
    if type(a) is not type(b):
        return f"{path}: {a!r} vs {b!r}"
    if isinstance(a, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a)} vs {sorted(b)}"
        for k in a:
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
    elif isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
    elif a != b and not (a == "<text>" or b == "<text>"):
        return f"{path}: {a!r} vs {b!r}"
    return None


def main():
    undercut, locale_dir = sys.argv[1], sys.argv[2]
    problems, checks = [], 0
    for args in JSON_COMMANDS:
        plain = skeleton(json.loads(run(undercut, locale_dir, "C.UTF-8", args)))
        for lang in LANGS:
            text = run(undercut, locale_dir, lang, args)
            d = first_difference(plain, skeleton(json.loads(text)))
            checks += 1
            if d:
                problems.append(f"{lang}: undercut {' '.join(args)}: {d}")
    with tempfile.TemporaryDirectory() as tmp:
        packs = {}
        for lang in ["C.UTF-8"] + LANGS:
            pack = os.path.join(tmp, "pack-" + lang)
            run(undercut, locale_dir, lang, ["export", "--view", "deepseek-shock", "--chart", "1", "--pack", pack])
            with open(os.path.join(pack, "data.csv"), "rb") as f:
                packs[lang] = f.read()
        for lang in LANGS:
            checks += 1
            if packs[lang] != packs["C.UTF-8"]:
                problems.append(f"{lang}: a pack's data.csv differs from the C locale's")
        for lang in LANGS:
            checks += 1
            if HELP_WORD[lang] not in run(undercut, locale_dir, lang, ["--help"]):
                problems.append(f"{lang}: undercut --help is not translated (no “{HELP_WORD[lang]}”)")
        svg = os.path.join(tmp, "zh.svg")
        pdf = os.path.join(tmp, "zh.pdf")
        run(undercut, locale_dir, "zh_CN.UTF-8", ["export", "--view", "deepseek-shock", "-o", svg])
        run(undercut, locale_dir, "zh_CN.UTF-8", ["export", "--view", "deepseek-shock", "-o", pdf])
        with open(svg, encoding="utf-8") as f:
            families = set(re.findall(r'font-family="([^"]*)"', f.read()))
        checks += 2
        if not any("CJK" in f for f in families):
            problems.append(f"zh_CN: the SVG names no CJK font, only {sorted(families)}")
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
        if "CJK" not in fonts:
            problems.append(f"zh_CN: the PDF embeds no CJK font:\n{fonts}")
    for p in problems:
        print(p)
    print(f"{checks} checks, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
