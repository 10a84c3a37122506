#!/bin/bash
# End to end: Show Data Table in the real binary with real input (xdotool):
# Ctrl+T opens market caps, two clicks on the date header sort it newest
# first, typed letters filter it, Export CSV… and the save dialog write the
# rows shown, which are read back here. Screenshots land in
# $G_TEST_BUILDDIR/e2e-table/.
set -euo pipefail

bin=$1
data=$2
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-table
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
xdotool key ctrl+t
twid=$(wait_for_window '^Daily market capitalisation') || fail "Ctrl+T opens the market caps table"
ok "Ctrl+T opens the market caps table"
# Mapped is not yet drawn, least of all in the sanitizer build.
sleep 2.5
eval "$(xdotool getwindowgeometry --shell "$twid")"

# The date header, clicked twice (apart: not a double click): oldest
# first, then newest first.
xdotool mousemove $((X + 40)) $((Y + 110)) click 1
sleep 1
xdotool mousemove $((X + 45)) $((Y + 112)) click 1
sleep 1
# Typed with the pointer over the table: the search entry takes it.
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
xdotool type --delay 20 "nvda"
sleep 3
import -window "$twid" "$out/table.png"

# Export CSV… (the bar's right end), then the save dialog.
xdotool mousemove $((X + WIDTH - 70)) $((Y + 73)) click 1
dlg=$(wait_for_window '^Export Rows as CSV$') || fail "Export CSV… opens the save dialog"
ok "Export CSV… opens the save dialog"
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$dlg")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 10))
xdotool key ctrl+a
xdotool type --delay 5 "$export_dir/nvda.csv"
xdotool key Return
for _ in $(seq 50); do [ -s "$export_dir/nvda.csv" ] && break; sleep 0.1; done
[ -s "$export_dir/nvda.csv" ] || fail "the dialog writes the CSV"
ok "the dialog writes the CSV"

head -1 "$export_dir/nvda.csv" | grep -qx "$(head -1 "$data")" || fail "every column, the header as read"
ok "every column, the header as read"
want=$(grep -ci nvda "$data")
got=$(($(wc -l < "$export_dir/nvda.csv") - 1))
[ "$got" -eq "$want" ] || fail "the rows with nvda ($got, want $want)"
ok "the rows with nvda ($got)"
tail -n +2 "$export_dir/nvda.csv" | cut -d, -f1 > "$out/dates"
sort -r "$out/dates" | cmp -s - "$out/dates" ||
  fail "newest first, as sorted by the header (first $(head -1 "$out/dates"), last $(tail -1 "$out/dates"))"
newest=$(grep -i nvda "$data" | cut -d, -f1 | sort | tail -1)
[ "$(head -1 "$out/dates")" = "$newest" ] || fail "the newest day first ($(head -1 "$out/dates"), want $newest)"
ok "newest first, as sorted by the header ($newest)"

eval "$(xdotool getwindowgeometry --shell "$twid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) key ctrl+w
sleep 0.5
xdotool search --onlyvisible --name '^Daily market capitalisation' >/dev/null 2>&1 && fail "Ctrl+W closes the table"
ok "Ctrl+W closes the table"
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q quits"
pid=
ok "Ctrl+Q quits"
echo "1..$n"
