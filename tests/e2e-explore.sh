#!/bin/bash
# End to end: a reader's own way through the DeepSeek shock, with real
# input (xdotool), saved and opened again. Ctrl+K picks Tesla (typed, then
# Enter); Ctrl+G shows the days typed; Ctrl+click adds an event of the
# reader's; app.save-view writes the state; after another view and a
# restart, `undercut FILE.json` shows it again, its export byte for byte
# the one before; `undercut export --spec FILE.json` draws the same bytes.
# Screenshots land in $G_TEST_BUILDDIR/e2e-explore/.
set -euo pipefail

bin=$1
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-explore
rm -rf "$out"; mkdir -p "$out"
data=$(mktemp -d)
export UNDERCUT_DATA_DIR=$data
# Settings kept on disk, as a user's are, across the restart.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$data/config
saved=$out/shock.json
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

# Until the app has @1 visible windows.
wait_surfaces() {
  for _ in $(seq 50); do [ "$(surfaces)" -eq "$1" ] && return 0; sleep 0.1; done
  return 1
}

# app.export to $out/NAME.png, waiting for the file.
export_as() {
  rm -f "$out/$1.png"
  action export "'$out/$1.png'"
  for _ in $(seq 50); do [ -s "$out/$1.png" ] && break; sleep 0.1; done
  [ -s "$out/$1.png" ]
}

quit() {
  xdotool key ctrl+q
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q quits"
  wait "$pid" || fail "the window exits cleanly"
  pid=
}

"$bin" >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "main window appears"
ok "main window appears on the DeepSeek shock"
sleep 1.5
eval "$(xdotool getwindowgeometry --shell "$wid")"
# No window manager: the keys go where the pointer is.
xdotool mousemove $((X + WIDTH * 58 / 100)) $((Y + HEIGHT * 38 / 100))
closed=$(surfaces)

# Ctrl+K, "tesla", Enter: Tesla checked; Escape clears the search, and
# again closes the picker.
xdotool key ctrl+k
wait_surfaces $((closed + 1)) || fail "Ctrl+K opens Choose Series"
sleep 0.3
xdotool type --delay 20 tesla
xdotool key Return
sleep 0.5
import -window root "$out/picker.png"
xdotool key Escape
sleep 0.3
[ "$(surfaces)" -gt "$closed" ] || fail "the first Escape clears the search and leaves Choose Series open"
xdotool key Escape
wait_surfaces "$closed" || fail "a second Escape closes Choose Series"
grep -q "TSLA" "$data/config/glib-2.0/settings/keyfile" || fail "Enter in the search picks Tesla, kept in the settings"
ok "Ctrl+K, tesla, Enter picks Tesla"

# Ctrl+G: From and To typed; Enter shows those days.
xdotool key ctrl+g
wait_surfaces $((closed + 1)) || fail "Ctrl+G opens the days"
sleep 0.3
xdotool key ctrl+a
xdotool type --delay 20 2025-01-06
xdotool key Tab ctrl+a
xdotool type --delay 20 2025-02-14
xdotool key Return
wait_surfaces "$closed" || fail "Enter shows the days typed and closes the popover"
ok "Ctrl+G, From and To typed, Enter"

# Ctrl+click on a day: New Event; a title and Enter add it.
xdotool keydown ctrl click 1 keyup ctrl
wait_for_window '^New Event$' >/dev/null || fail "Ctrl+click on a day opens New Event"
sleep 0.5
xdotool type --delay 15 'Desk note: Tesla holds up'
xdotool key Return
wait_gone '^New Event$' || fail "Enter adds the event"
ok "Ctrl+click, a title, Enter adds an event"
sleep 1
import -window "$wid" "$out/explored.png"

action save-view "'$saved'"
for _ in $(seq 50); do [ -s "$saved" ] && break; sleep 0.1; done
[ -s "$saved" ] || fail "app.save-view writes the state"
grep -q '"view" *: *"deepseek-shock"' "$saved" || fail "the state names the view"
grep -q 'TSLA' "$saved" || fail "the state has the pick"
grep -q '2025-01-06' "$saved" && grep -q '2025-02-14' "$saved" || fail "the state has the days typed"
grep -q 'Desk note: Tesla holds up' "$saved" || fail "the state has the event"
ok "app.save-view writes the view, the pick, the days and the event"
export_as before || fail "app.export of the state shown"

# Elsewhere, then quit: the next start would show Pricing pressure.
action show-view "'pricing'"
sleep 1
quit
ok "another view shown, then Ctrl+Q"

"$bin" "$saved" >>"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "undercut FILE.json opens the window"
sleep 2
import -window "$wid" "$out/reopened.png"
export_as after || fail "app.export after reopening"
cmp -s "$out/before.png" "$out/after.png" || fail "undercut FILE.json shows the state again: its export is the same bytes"
ok "undercut FILE.json shows the state again: its export is the same bytes"
quit

"$bin" export --spec "$saved" -o "$out/headless.png" 2>>"$log" || fail "undercut export --spec draws the state"
cmp -s "$out/before.png" "$out/headless.png" || fail "undercut export --spec draws the window's bytes"
ok "undercut export --spec FILE.json draws the window's export byte for byte"
echo "1..$n"
