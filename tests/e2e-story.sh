#!/bin/bash
# End to end: Test the Story in the real binary with real input (xdotool):
# Ctrl+Shift+T opens it on the claims, Alt+2 the event study of the
# DeepSeek shock, tickers typed run BYD's announcement against the Hong
# Kong listings, Ctrl+Shift+C copies the table (read back from the
# clipboard), Ctrl+E exports the chart to a PNG through the dialogs, and
# the crash marker's Event Study opens the study of that event.
# Screenshots land in $G_TEST_BUILDDIR/e2e-story/.
set -euo pipefail

bin=$1
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-story
rm -rf "$out"; mkdir -p "$out"
export_dir=$(mktemp -d)
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$export_dir"; }
trap cleanup EXIT

"$bin" --view deepseek-shock >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "main window appears"
ok "main window appears"
sleep 1.5

# No window manager: keys follow the pointer.
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 1
xdotool key ctrl+shift+t
swid=$(wait_for_window '^Test the Story$') || fail "Ctrl+Shift+T opens Test the Story"
ok "Ctrl+Shift+T opens Test the Story"
sleep 2.5
eval "$(xdotool getwindowgeometry --shell "$swid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
import -window "$swid" "$out/claims.png"
# The verdicts' badges: "Supports" in the success colour, "Partly
# supports" in the warning colour (Adwaita's, light).
green=$(count_colour "$out/claims.png" '#1b8553')
amber=$(count_colour "$out/claims.png" '#9c6e03')
[ "$green" -gt 20 ] && [ "$amber" -gt 20 ] || fail "the claims show their verdicts ($green green, $amber amber pixels)"
ok "the claims show their verdicts ($green green, $amber amber pixels)"

xdotool key alt+2
sleep 2
import -window "$swid" "$out/study-us.png"
diff=$(compare -metric AE "$out/claims.png" "$out/study-us.png" null: 2>&1 || true)
[ "${diff%% *}" -gt 100000 ] || fail "Alt+2 shows the event study ($diff pixels differ)"
ok "Alt+2 shows the event study"
xdotool key ctrl+shift+c
sleep 0.5
xclip -selection clipboard -o > "$out/us.tsv" 2>/dev/null || true
grep -q $'^NVDA Nvidia\t.*−12.95%' "$out/us.tsv" || fail "Ctrl+Shift+C copies the study's table (NVDA −12.95%)"
ok "Ctrl+Shift+C copies the study's table (NVDA −12.95%)"

# The Tickers field by its mnemonic, typed over.
xdotool key alt+t
xdotool key ctrl+a
xdotool type --delay 20 "HK"
xdotool key Return
sleep 1
# The event: its list opened (Space), searched by typing (the search
# field is above the list: Shift+Tab), the one found picked.
xdotool key alt+e
sleep 0.5
xdotool key space
sleep 1
xdotool key shift+Tab
xdotool type --delay 30 "BYD Super"
sleep 1
xdotool key Down Return
sleep 2
import -window "$swid" "$out/study-hk.png"
xdotool key ctrl+shift+c
sleep 0.5
xclip -selection clipboard -o > "$out/hk.tsv" 2>/dev/null || true
grep -q $'^1211.HK BYD\t.*+4.84%' "$out/hk.tsv" || fail "typed tickers and a searched event give BYD's study (+4.84%)"
ok "typed tickers and a searched event give BYD's study (+4.84%)"

xdotool key ctrl+e
dlg=$(wait_for_window '^Export View$') || fail "Ctrl+E opens the export dialog"
ok "Ctrl+E opens the export dialog"
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$dlg")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 10))
xdotool key Return
chooser=$(wait_for_window '^Export As$') || fail "Enter in the export dialog opens the file chooser"
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$chooser")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 10))
xdotool key ctrl+a
xdotool type --delay 5 "$export_dir/byd.png"
xdotool key Return
for _ in $(seq 50); do [ -s "$export_dir/byd.png" ] && break; sleep 0.1; done
file "$export_dir/byd.png" | grep -q 'PNG image' || fail "the dialog writes the study's chart as PNG"
ok "the dialog writes the study's chart as PNG ($(stat -c %s "$export_dir/byd.png") bytes)"
cp "$export_dir/byd.png" "$out/exported.png"

eval "$(xdotool getwindowgeometry --shell "$swid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) key ctrl+w
wait_gone '^Test the Story$' || fail "Ctrl+W closes Test the Story"
ok "Ctrl+W closes Test the Story"
# An event clicked on a chart: the crash marker's popover, its Event Study.
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 703)) $((Y + 300)) click 1
sleep 0.6
import -window root "$out/event-popover.png"
xdotool mousemove $((X + 706)) $((Y + 487)) click 1
swid=$(wait_for_window '^Test the Story$') || fail "the marker's Event Study opens Test the Story"
sleep 2.5
eval "$(xdotool getwindowgeometry --shell "$swid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 40)) key ctrl+shift+c
sleep 0.5
xclip -selection clipboard -o > "$out/marker.tsv" 2>/dev/null || true
head -1 "$out/marker.tsv" | grep -q 'DeepSeek shock.*(27 Jan 2025)' || fail "the marker's Event Study studies the DeepSeek shock"
ok "the marker's Event Study studies the DeepSeek shock"
xdotool key ctrl+w
wait_gone '^Test the Story$' || fail "Ctrl+W closes Test the Story again"
grep -q $'^1211.HK BYD\t' "$out/marker.tsv" || fail "closed and opened again, Test the Story keeps the companies chosen"
ok "closed and opened again, Test the Story keeps the companies chosen (Hong Kong's)"

eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q quits"
pid=
ok "Ctrl+Q quits"
echo "1..$n"
