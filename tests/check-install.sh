#!/bin/bash
# meson install into a staged root (DESTDIR), and the installed copy run
# from there as it will run once installed: found through the usual
# variables (PATH, XDG_DATA_DIRS, MANPATH), nothing from the source or
# build tree. The installed undercut must find the installed undercut-gui,
# schema and translations (a staged copy finds them under its root, see
# app/uc-install.c).
#   tests/check-install.sh MESON BUILDDIR SRCDIR VERSION PREFIX BINDIR LIBEXECDIR DATADIR LOCALEDIR MANDIR COMPLETIONSDIR
# (the directories absolute, as configured). Prints TAP.
set -euo pipefail

meson=$1 builddir=$2 srcdir=$3 version=$4 prefix=$5 bindir=$6 libexecdir=$7 datadir=$8 localedir=$9
mandir=${10} completionsdir=${11}
app_id=io.github.undercut.Undercut
icon_sizes="16 24 32 48 64 128 256 512"

tmp=$(mktemp -d)
root=$tmp/root
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$tmp"; }
trap cleanup EXIT
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $1"; shift; printf '# %s\n' "$@"; echo "1..$n"; exit 1; }
# "check WHAT COMMAND…": ok if the command succeeds, else fail with its output.
check() {
  local what=$1 out
  shift
  if out=$("$@" 2>&1); then ok "$what"; else fail "$what" "$out"; fi
}

png_size() { /usr/bin/python3 -c '
import struct, sys
data = open(sys.argv[1], "rb").read(24)
if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
    sys.exit("%s: not a PNG" % sys.argv[1])
print("%dx%d" % struct.unpack(">II", data[16:24]))' "$1"; }

# 1. Install.
check "meson install --destdir into a clean root" \
  env -u DESTDIR "$meson" install -C "$builddir" --no-rebuild --quiet --destdir "$root"
outside=$(cd "$root" && find . -type f -o -type l | sed 's|^\.||' | grep -v "^$prefix/" || true)
[ -z "$outside" ] || fail "every file is installed under the prefix $prefix" "$outside"
ok "every file is installed under the prefix $prefix ($(find "$root" -type f | wc -l) files)"

# 2. What is installed.
[ -x "$root$bindir/undercut" ] || fail "undercut in bindir"
[ -x "$root$libexecdir/undercut-gui" ] || fail "undercut-gui in libexecdir"
[ ! -e "$root$bindir/undercut-gui" ] || fail "undercut-gui not in bindir"
ok "undercut in $bindir, undercut-gui in $libexecdir"
desktop=$root$datadir/applications/$app_id.desktop
metainfo=$root$datadir/metainfo/$app_id.metainfo.xml
check "desktop-file-validate the installed desktop file" desktop-file-validate "$desktop"
check "appstreamcli validate --no-net the installed metainfo" appstreamcli validate --no-net "$metainfo"
check "appstream-util validate-relax --nonet the installed metainfo" appstream-util validate-relax --nonet "$metainfo"
exec_program=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
[ -x "$root$bindir/$exec_program" ] || fail "the desktop file's Exec ($exec_program) is installed in bindir"
ok "the desktop file's Exec ($exec_program) is installed in bindir"
icon=$(sed -n 's/^Icon=//p' "$desktop")
hicolor=$root$datadir/icons/hicolor
[ "$icon" = "$app_id" ] && [ -f "$hicolor/scalable/apps/$icon.svg" ] && [ -f "$hicolor/symbolic/apps/$icon-symbolic.svg" ] ||
  fail "the desktop file's icon ($icon) is installed as scalable and symbolic SVGs"
ok "the desktop file's icon ($icon) is installed as scalable and symbolic SVGs"
for size in $icon_sizes; do
  png=$hicolor/${size}x$size/apps/$icon.png
  [ -f "$png" ] || fail "the icon at ${size}x$size" "no $png"
  [ "$(png_size "$png")" = "${size}x$size" ] || fail "the icon at ${size}x$size" "$(png_size "$png")"
done
ok "the icon as PNG at every hicolor size: $icon_sizes"
schemas=$root$datadir/glib-2.0/schemas
[ -f "$schemas/$app_id.gschema.xml" ] || fail "the GSettings schema is installed"
# What a package's trigger (or meson's post-install, skipped for a staged root) does.
check "the installed schema compiles" glib-compile-schemas --strict "$schemas"
ok "the GSettings schema is installed"
languages=$(sed 's/#.*//' "$srcdir/po/LINGUAS" | tr -s ' \n' '\n' | sed '/^$/d' || true)
for lang in $languages; do
  [ -f "$root$localedir/$lang/LC_MESSAGES/undercut.mo" ] || fail "the $lang translation is installed"
done
ok "the translations of po/LINGUAS are installed (${languages:-none listed yet})"
[ -f "$root$completionsdir/undercut" ] || fail "the bash completion is installed in $completionsdir"
ok "the bash completion is installed in $completionsdir"

# 3. The installed copy run as installed: its folders on the usual paths, a
# home of its own, nothing of the source or build tree, from another folder.
run_env=(env -u GSETTINGS_SCHEMA_DIR -u UNDERCUT_LOCALEDIR -u UNDERCUT_DATA_DIR -u UNDERCUT_BIN
         -u G_TEST_SRCDIR -u G_TEST_BUILDDIR -u LANGUAGE
         HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
         XDG_CACHE_HOME="$tmp/home/.cache" XDG_DATA_DIRS="$root$datadir:/usr/share"
         PATH="$root$bindir:$PATH" MANPATH="$root$mandir")
mkdir -p "$tmp/home" "$tmp/work"
cd "$tmp/work"
[ "$("${run_env[@]}" bash -c 'command -v undercut')" = "$root$bindir/undercut" ] ||
  fail "undercut on PATH is the installed one"
out=$("${run_env[@]}" undercut --version)
[ "$out" = "undercut $version" ] || fail "undercut --version" "$out"
ok "undercut --version: $out"
check "undercut export of the DeepSeek shock view into a PNG" \
  "${run_env[@]}" undercut export --view deepseek-shock --width 800 --height 450 --output "$tmp/work/shock.png"
size=$(png_size "$tmp/work/shock.png") || fail "the export is a PNG" "$size"
[ "$size" = 800x450 ] || fail "the export is a PNG of 800x450" "$size"
ok "the export is a PNG of $size"

# Translations: those of po/LINGUAS, and a stand-in language in the
# installed locale folder, read by both programs (not from the build tree,
# which has none of it).
english=$("${run_env[@]}" LC_ALL=C.UTF-8 undercut --help)
for lang in $languages; do
  [ "$("${run_env[@]}" LC_ALL=C.UTF-8 LANGUAGE="$lang" undercut --help)" != "$english" ] ||
    fail "undercut --help in $lang"
  ok "undercut --help in $lang"
done
mkdir -p "$root$localedir/x-test/LC_MESSAGES"
cat >"$tmp/x-test.po" <<'PO'
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\n"

msgid "Print the version and exit"
msgstr "X-TEST version"

msgid "Print how long the window took to draw its first chart, then quit"
msgstr "X-TEST timings"
PO
msgfmt -o "$root$localedir/x-test/LC_MESSAGES/undercut.mo" "$tmp/x-test.po"
"${run_env[@]}" LC_ALL=C.UTF-8 LANGUAGE=x-test undercut --help | grep -q "X-TEST version" ||
  fail "undercut reads the translations in the installed $localedir"
ok "undercut reads the translations in the installed $localedir"
"${run_env[@]}" LC_ALL=C.UTF-8 LANGUAGE=x-test "$root$libexecdir/undercut-gui" --help | grep -q "X-TEST timings" ||
  fail "undercut-gui reads the translations in the installed $localedir"
ok "undercut-gui reads the translations in the installed $localedir"
rm -r "$root$localedir/x-test"

# Manual pages by name, and the completion.
page=$("${run_env[@]}" man -w undercut-export 2>&1) || true
[ "$page" = "$root$mandir/man1/undercut-export.1" ] || fail "man finds undercut-export(1) in the installed $mandir" "$page"
for command in '' $("${run_env[@]}" undercut --help | sed -n '/Commands (each has --help)/,/^$/p' | sed -nE 's/^  ([a-z]+)  +.*/\1/p'); do
  [ -f "$root$mandir/man1/undercut${command:+-$command}.1" ] || fail "a manual page for every command" "no undercut${command:+-$command}.1"
done
ok "man finds the installed pages, one for undercut and each command"
words=$("${run_env[@]}" bash --norc --noprofile -c '. "$0"; COMP_WORDS=(undercut ex); COMP_CWORD=1
  _undercut undercut ex undercut; echo "${COMPREPLY[*]}"' "$root$completionsdir/undercut")
[ "$words" = export ] || fail "the installed completion completes undercut ex to export" "$words"
ok "the installed completion completes undercut ex to export"

# 4. The window: the installed undercut hands over to the installed
# undercut-gui, which reads the installed schema and draws its first chart.
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "ok $((n + 1)) # SKIP the window: no display"
  echo "1..$((n + 1))"
  exit 0
fi
log=$tmp/window.log
# A bus of its own: the window is the application's only instance.
"${run_env[@]}" dbus-run-session -- bash -c 'echo "$$" >"$0"; exec undercut --timings' "$tmp/pid" >"$log" 2>&1 &
pids+=($!)
exe=
for _ in $(seq 600); do
  pid=$(cat "$tmp/pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null || true)
    case $exe in *undercut-gui) break ;; esac
  fi
  kill -0 "${pids[0]}" 2>/dev/null || break
  sleep 0.05
done
status=0
wait "${pids[0]}" || status=$?
pids=()
grep -q "first chart drawn" "$log" && [ $status -eq 0 ] ||
  fail "the installed window starts, draws its first chart and quits" "exit $status" "$(cat "$log")"
case $exe in
  "$root$libexecdir/undercut-gui") seen="seen running as $exe" ;;
  "") # Gone before it was seen: no other undercut-gui it could have been.
      [ ! -e "$libexecdir/undercut-gui" ] || fail "the window is the installed undercut-gui" "not seen; $libexecdir/undercut-gui exists too"
      seen="the only one there is" ;;
  *) fail "the window is the installed undercut-gui" "it was $exe" ;;
esac
ok "the installed undercut started the installed undercut-gui ($seen), which drew its first chart and quit"
# Without the installed folder on XDG_DATA_DIRS the schema is not found:
# the window read the one installed (unless this machine has it elsewhere).
if ! ls /usr/share/glib-2.0/schemas/$app_id.gschema.xml /usr/local/share/glib-2.0/schemas/$app_id.gschema.xml >/dev/null 2>&1; then
  status=0
  "${run_env[@]}" XDG_DATA_DIRS=/usr/share dbus-run-session -- undercut --timings >"$log" 2>&1 || status=$?
  [ $status -ne 0 ] && grep -q "$app_id" "$log" ||
    fail "without the installed schema on XDG_DATA_DIRS, the window does not start" "exit $status" "$(cat "$log")"
  ok "without the installed schema on XDG_DATA_DIRS, the window does not start: it read the installed one"
fi
echo "1..$n"
