#!/usr/bin/python3
"""The Flatpak manifest against what the build needs.

  tests/check-flatpak.py TOP

build-aux/io.github.undercut.Undercut.json builds Undercut on the GNOME
runtime. The runtime cannot be downloaded here, so what each GNOME runtime
ships is written down below (from the runtimes' release notes; versions
are lower bounds), and the manifest is checked against it and against the
meson files:

- its id is the app id of meson.build, the desktop file's name, the
  metainfo's id and launchable (and the GApplication's D-Bus name);
- its command is the desktop file's Exec program, a program meson installs
  to bindir;
- the runtime is org.gnome.Platform with org.gnome.Sdk, of a version listed
  below, and every dependency() of the meson files (not the tests') is in
  that runtime at the version asked for, or built by a module;
- every program the build runs (find_program, and those the gnome and i18n
  modules run) is in the Sdk or built by a module;
- the last module is undercut: meson, from this source tree, with options
  that meson_options.txt (or meson itself) has, the tests off;
- finish-args give a GUI app what it needs: Wayland with X11 as a
  fallback, IPC for X11, the GPU, the network for a refresh; and no home
  or host folders (files come through the portals).

Prints TAP.
"""
import json
import os
import re
import sys

from tap import finish, result
import xml.etree.ElementTree as ET

# What each GNOME runtime ships: pkg-config names with the versions of
# their GNOME release (lower bounds: a runtime's updates only raise them),
# and the Sdk's build tools. json-glib, libsoup 3, cairo (with PNG, SVG and
# PDF), pixman, pango, zlib and libsecret come with every one of them (zlib, pixman and
# cairo from the freedesktop base). Add a runtime here before the manifest moves to it.
RUNTIMES = {
    "47": {"glib-2.0": "2.82", "gtk4": "4.16", "libadwaita-1": "1.6", "libsoup-3.0": "3.6",
           "json-glib-1.0": "1.10", "cairo": "1.18", "pangocairo": "1.54", "zlib": "1.3", "pixman-1": "0.42",
           "libsecret-1": "0.21"},
    "48": {"glib-2.0": "2.84", "gtk4": "4.18", "libadwaita-1": "1.7", "libsoup-3.0": "3.6",
           "json-glib-1.0": "1.10", "cairo": "1.18", "pangocairo": "1.56", "zlib": "1.3", "pixman-1": "0.42",
           "libsecret-1": "0.21"},
    "49": {"glib-2.0": "2.86", "gtk4": "4.20", "libadwaita-1": "1.8", "libsoup-3.0": "3.6",
           "json-glib-1.0": "1.10", "cairo": "1.18", "pangocairo": "1.56", "zlib": "1.3", "pixman-1": "0.42",
           "libsecret-1": "0.21"},
    "50": {"glib-2.0": "2.86", "gtk4": "4.20", "libadwaita-1": "1.8", "libsoup-3.0": "3.6",
           "json-glib-1.0": "1.10", "cairo": "1.18", "pangocairo": "1.56", "zlib": "1.3", "pixman-1": "0.42",
           "libsecret-1": "0.21"},
}
# pkg-config names that come with another's package.
SAME_PACKAGE = {"gio-2.0": "glib-2.0", "gobject-2.0": "glib-2.0", "cairo-png": "cairo",
                "cairo-svg": "cairo", "cairo-pdf": "cairo"}
SDK_TOOLS = {"glib-compile-schemas", "glib-compile-resources", "glib-mkenums", "msgfmt", "xgettext",
             "rsvg-convert", "python3", "gtk4-update-icon-cache", "update-desktop-database",
             "desktop-file-validate", "appstreamcli"}
# Programs run by the meson modules' functions, when a meson file calls them.
MODULE_TOOLS = {
    "gnome.compile_resources": ["glib-compile-resources"],
    "gnome.mkenums_simple": ["glib-mkenums"],
    "i18n.gettext": ["msgfmt", "xgettext"],
    "i18n.merge_file": ["msgfmt"],
    "glib_compile_schemas: true": ["glib-compile-schemas"],
    "gtk_update_icon_cache: true": ["gtk4-update-icon-cache"],
    "update_desktop_database: true": ["update-desktop-database"],
}
# What a module of the manifest builds, by its name (none needed today).
MODULE_PROVIDES = {"json-glib": ["json-glib-1.0"], "libsoup": ["libsoup-3.0"], "libadwaita": ["libadwaita-1"]}
MESON_BUILTINS = {"buildtype", "optimization", "debug", "b_lto", "b_ndebug", "b_pie", "warning_level", "werror",
                  "prefix", "libdir", "default_library", "strip"}
FINISH_ARGS = {"--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", "--share=network"}

top = os.path.abspath(sys.argv[1])


def read(*path):
    with open(os.path.join(top, *path), encoding="utf-8") as f:
        return f.read()


def meson_files():
    for root, dirs, files in os.walk(top):
        rel = os.path.relpath(root, top)
        dirs[:] = [d for d in dirs if not d.startswith((".", "build")) and not (rel == "." and d == "tests")]
        if "meson.build" in files:
            yield os.path.relpath(os.path.join(root, "meson.build"), top)


def version_tuple(v):
    return tuple(int(x) for x in re.findall(r"\d+", v))


def string_variables(text):
    return dict(re.findall(r"^(\w+)\s*=\s*'([^']*)'\s*$", text, re.M))


def dependencies(variables):
    """(file, name, minimum version or None, required) of every dependency() call."""
    found = []
    for path in meson_files():
        text = read(path)
        for m in re.finditer(r"dependency\(\s*'([^']+)'([^)]*)\)", text):
            name, rest = m.groups()
            minimum = None
            v = re.search(r"version:\s*([^,\n)]+)", rest)
            if v:
                parts = [p.strip() for p in v.group(1).split("+")]
                value = "".join(p.strip("'") if p.startswith("'") else variables[p] for p in parts)
                minimum = re.sub(r"^>=\s*", "", value)
            required = not re.search(r"required:\s*false", rest)
            found.append((path, name, minimum, required))
    return found


def programs():
    """(file, program) the build runs outside the tests."""
    found = []
    for path in meson_files():
        text = read(path)
        for m in re.finditer(r"find_program\(((?:[^()]|\([^()]*\))*)\)", text):
            arg = m.group(1)
            literal = re.fullmatch(r"\s*'([^']+)'.*", arg, re.S)
            if literal and "/" not in literal.group(1):
                found.append((path, literal.group(1)))
            else:
                # A script of the tree: the interpreter of its #! line.
                script = os.path.join(top, *[p.strip().strip("'") for p in arg.split("/")[1:]])
                with open(script, encoding="utf-8") as f:
                    shebang = f.readline()
                found.append((path, os.path.basename(shebang[2:].split()[0])))
        for call, tools in MODULE_TOOLS.items():
            if call in text:
                found += [(path, t) for t in tools]
    return found


def main():
    manifest_path = os.path.join(top, "build-aux", "io.github.undercut.Undercut.json")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    top_meson = read("meson.build")
    variables = string_variables(top_meson)
    app_id = variables["app_id"]

    desktop_in = read("data", app_id + ".desktop.in")
    metainfo = ET.parse(os.path.join(top, "data", app_id + ".metainfo.xml.in")).getroot()
    result(manifest.get("id") == app_id == metainfo.findtext("id")
           and metainfo.findtext("launchable") == app_id + ".desktop",
           "the manifest's id is the app id, the desktop file's and the metainfo's (%s)" % app_id,
           "manifest %s, metainfo %s, launchable %s" % (manifest.get("id"), metainfo.findtext("id"),
                                                       metainfo.findtext("launchable")))
    exec_line = re.search(r"^Exec=(\S+)", desktop_in, re.M).group(1)
    app_meson = read("app", "meson.build")
    bindir_programs = [name for name, rest in re.findall(r"executable\('([^']+)',(.*?)\n\)", app_meson, re.S)
                       if "install: true" in rest and "install_dir" not in rest]
    result(manifest.get("command") == exec_line and exec_line in bindir_programs,
           "its command is the desktop file's Exec, installed to bindir (%s)" % exec_line,
           "command %s, Exec %s, bindir programs %s" % (manifest.get("command"), exec_line, bindir_programs))

    version = manifest.get("runtime-version")
    result(manifest.get("runtime") == "org.gnome.Platform" and manifest.get("sdk") == "org.gnome.Sdk"
           and version in RUNTIMES,
           "GNOME runtime and Sdk %s, a version whose contents are known here" % version,
           "runtime %s, sdk %s, known versions %s" % (manifest.get("runtime"), manifest.get("sdk"),
                                                      ", ".join(RUNTIMES)))
    runtime = RUNTIMES.get(version, {})
    modules = manifest.get("modules", [])
    built = {p for m in modules[:-1] for p in MODULE_PROVIDES.get(m.get("name"), [m.get("name")])}
    for path, name, minimum, required in dependencies(variables):
        package = SAME_PACKAGE.get(name, name)
        has = runtime.get(package)
        if name in built or package in built:
            result(True, "%s (%s) is built by a module" % (name, path))
        elif has is None and not required:
            result(True, "%s (%s) is optional, and the build does without it" % (name, path))
        elif has is None:
            result(False, "%s (%s) is in the runtime" % (name, path),
                   "GNOME %s ships no %s: add a module that builds it" % (version, name))
        else:
            result(minimum is None or version_tuple(has) >= version_tuple(minimum),
                   "%s >= %s (%s): GNOME %s has %s" % (name, minimum or "any", path, version, has),
                   "too old: add a module, or a newer runtime")
    seen = set()
    for path, program in programs():
        if program in seen:
            continue
        seen.add(program)
        result(program in SDK_TOOLS or program in built,
               "%s, which the build runs (%s), is in the Sdk" % (program, path),
               "not in org.gnome.Sdk's tools as listed here: add a module")

    undercut = modules[-1] if modules else {}
    sources = undercut.get("sources", [])
    source_dirs = [os.path.normpath(os.path.join(os.path.dirname(manifest_path), s.get("path", "")))
                   for s in sources if s.get("type") == "dir"]
    result(undercut.get("name") == "undercut" and undercut.get("buildsystem") == "meson"
           and source_dirs == [top],
           "the last module builds undercut with meson from this source tree",
           "module %s, buildsystem %s, dirs %s" % (undercut.get("name"), undercut.get("buildsystem"), source_dirs))
    options = set(re.findall(r"option\('([^']+)'", read("meson_options.txt")))
    opts = undercut.get("config-opts", [])
    unknown = []
    for opt in opts:
        m = re.fullmatch(r"(?:-D|--)([\w-]+)=(.*)", opt)
        if not m or (m.group(1) not in options and m.group(1) not in MESON_BUILTINS):
            unknown.append(opt)
    result(not unknown and "-Dtests=false" in opts,
           "its config-opts are options meson knows, the tests off (%s)" % " ".join(opts),
           "unknown: %s" % " ".join(unknown) if unknown else "no -Dtests=false")

    args = set(manifest.get("finish-args", []))
    missing = FINISH_ARGS - args
    wide = [a for a in args if a in ("--socket=x11", "--filesystem=home", "--filesystem=host")]
    result(not missing and not wide, "finish-args: %s" % " ".join(sorted(FINISH_ARGS)),
           "missing: %s; too wide: %s" % (" ".join(sorted(missing)), " ".join(wide)))
    finish()


main()
