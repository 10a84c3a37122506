#!/bin/bash
# End to end: a ClickHouse table charted in the real window with real
# input (xdotool). Ctrl+Shift+O opens the dialog; the server's address is
# typed and Enter connects; the group column is picked from its list;
# Chart closes the dialog and charts the table; the mouse wheel zooms and
# the chart is asked again (a new picture); the settings keep the table;
# after a restart the sidebar still lists it. Screenshots land in
# $G_TEST_BUILDDIR/e2e-clickhouse/.
set -euo pipefail

bin=$1
serve=$2
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-clickhouse
rm -rf "$out"; mkdir -p "$out"
data=$(mktemp -d)
export UNDERCUT_DATA_DIR=$data
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$data/config
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  exec 3>&- 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

# The server: its address on the first line; it stops when fd 3 closes.
coproc SERVER { "$serve"; }
exec 3>&"${SERVER[1]}"
read -r -t 90 url <&"${SERVER[0]}" || fail "the ClickHouse server starts"
ok "a ClickHouse server with a tick table at $url"

"$bin" >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "the main window appears"
sleep 1.5
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 700)) $((Y + 400)) click 1
xdotool key ctrl+shift+o
dlg=$(wait_for_window '^Chart a ClickHouse Table$') || fail "Ctrl+Shift+O opens Chart a ClickHouse Table"
ok "Ctrl+Shift+O opens Chart a ClickHouse Table"
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$dlg")"
dx=$X dy=$Y
# The address row, its text replaced; Enter connects.
xdotool mousemove $((dx + 250)) $((dy + 177)) click 1
sleep 0.3
xdotool key ctrl+a
xdotool type --delay 10 "$url"
xdotool key Return
sleep 2
import -window root -crop 560x720+$dx+$dy "$out/connected.png"
# The group row's list: a click opens it (one more surface), Down and
# Return pick "symbol"; its values are then listed below.
closed=$(surfaces)
for _ in 1 2 3; do
  xdotool mousemove $((dx + 440)) $((dy + 664)) click 1
  for _ in $(seq 50); do [ "$(surfaces)" -gt "$closed" ] && break 2; sleep 0.1; done
done
[ "$(surfaces)" -gt "$closed" ] || fail "Connect lists the table, and a click opens the group column's list"
ok "Connect lists the table, and a click opens the group column's list"
sleep 0.3
xdotool key Down Return
sleep 2
import -window root -crop 560x720+$dx+$dy "$out/grouped.png"
# Chart, the button at the top right.
xdotool mousemove $((dx + 511)) $((dy + 27)) click 1
wait_gone '^Chart a ClickHouse Table$' || fail "Chart closes the dialog"
ok "Chart closes the dialog"
sleep 3
import -window "$wid" "$out/charted.png"
line=$(count_colour "$out/charted.png" '#332288')
[ "$line" -gt 300 ] || fail "the table is charted ($line px of its first line)"
ok "the table is charted ($line px of its first line)"

# The wheel zooms in: the chart asks for the new stretch and draws it.
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 700)) $((Y + 400))
for _ in 1 2 3 4 5 6; do xdotool click 4; sleep 0.3; done
xdotool mousemove $((X + 700)) $((Y + 700))
sleep 3
import -window "$wid" "$out/zoomed.png"
changed=$(compare -metric AE "$out/charted.png" "$out/zoomed.png" null: 2>&1 || true)
[ "${changed%% *}" -gt 5000 ] || fail "the wheel zooms in and the chart is drawn again ($changed px differ)"
ok "the wheel zooms in and the chart is drawn again (${changed%% *} px differ)"

focus_on "$wid"
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q quits"
wait "$pid" || fail "the window exits cleanly"
pid=
ok "Ctrl+Q quits cleanly"
grep -q "'ticks'" "$data/config/glib-2.0/settings/keyfile" || fail "the settings keep the table"
ok "the settings keep the table"

# A restart opens on the table again (the view shown last), read from the
# server.
"$bin" >>"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "the window opens again"
sleep 4
import -window "$wid" "$out/restarted.png"
line=$(count_colour "$out/restarted.png" '#332288')
[ "$line" -gt 300 ] || fail "after a restart the table is shown again ($line px)"
ok "after a restart the table is shown again, read from the server ($line px)"
echo "1..$n"
