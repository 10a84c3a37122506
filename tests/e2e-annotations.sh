#!/bin/bash
# End to end: an event of the user's own added in the real window with real
# input (xdotool). Ctrl+click on a day of the chart opens New Event on
# that day; a title typed and Enter add it, written to the data dir and
# drawn in the user's colour; Ctrl+M opens the dialog again and Escape
# leaves it; after a restart the event is drawn again. Screenshots land in
# $G_TEST_BUILDDIR/e2e-annotations/.
set -euo pipefail

bin=$1
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-annotations
rm -rf "$out"; mkdir -p "$out"
data=$(mktemp -d)
export UNDERCUT_DATA_DIR=$data
kept=$data/events/your-events.csv
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

# The user's colour (#e66100) in a screenshot of the window.
user_colour() {
  import -window "$1" "$out/$2.png"
  count_colour "$out/$2.png" '#e66100'
}

"$bin" >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "main window appears"
ok "main window appears"
sleep 1.5
before=$(user_colour "$wid" before)
[ "$before" -lt 20 ] || fail "no event of the user's drawn before ($before px)"
ok "no event of the user's drawn before ($before px)"

# Ctrl+click in the first chart's plot (no window manager: the keys go
# where the pointer is).
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH * 58 / 100)) $((Y + HEIGHT * 38 / 100))
sleep 0.3
xdotool keydown ctrl click 1 keyup ctrl
dlg=$(wait_for_window '^New Event$') || fail "Ctrl+click on a day opens New Event"
ok "Ctrl+click on a day opens New Event"
sleep 0.5
import -window root "$out/dialog.png"

# The title has the focus; Enter adds the event.
xdotool type --delay 15 'Ours, "quoted" =1'
xdotool key Return
wait_gone '^New Event$' || fail "Enter adds the event and closes the dialog"
ok "Enter adds the event and closes the dialog"
[ -s "$kept" ] || fail "the event is written to the data dir"
grep -qF '"Ours, ""quoted"" =1"' "$kept" || fail "the title is written as typed ($(cat "$kept"))"
head -1 "$kept" | grep -qx 'date,end,title,description,category,source_url' || fail "the file's columns"
ok "the event is written to the data dir, its title quoted as CSV"
sleep 0.8
after=$(user_colour "$wid" added)
[ "$after" -gt "$before" ] || fail "the event is drawn in the user's colour ($before → $after px)"
ok "the event is drawn in the user's colour ($before → $after px)"

# Ctrl+M: New Event again; Escape leaves it without a change.
cp "$kept" "$out/kept-before.csv"
xdotool key ctrl+m
wait_for_window '^New Event$' >/dev/null || fail "Ctrl+M opens New Event"
sleep 0.3
xdotool key Escape
wait_gone '^New Event$' || fail "Escape closes New Event"
cmp -s "$kept" "$out/kept-before.csv" || fail "Escape changes nothing"
ok "Ctrl+M opens New Event, Escape closes it without a change"

xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q quits"
wait "$pid" || fail "the window exits cleanly"
pid=

# The next start draws it again.
"$bin" >>"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "main window appears again"
sleep 1.5
again=$(user_colour "$wid" again)
[ "$again" -gt "$before" ] || fail "the event is drawn after a restart ($again px)"
ok "the event is drawn after a restart ($again px)"
kill "$pid"; wait "$pid" 2>/dev/null || true
pid=
echo "1..$n"
