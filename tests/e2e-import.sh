#!/bin/bash
# End to end: a user's CSV brought into the real window and kept. Started
# as `undercut FILE` (the file manager's Open With), the import dialog
# comes up over the window; another delimiter changes its preview, and the
# detected one brings it back; Import imports; the dataset is charted and listed under "Your
# Data"; Ctrl+V of a copied table opens it too; after a restart the
# library still has it, and the command line exports its view. Real input
# events (xdotool); screenshots land in $G_TEST_BUILDDIR/e2e-import/.
set -euo pipefail

bin=$1
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-import
rm -rf "$out"; mkdir -p "$out"
data=$(mktemp -d)
export UNDERCUT_DATA_DIR=$data
# Settings kept on disk, as a user's are: what is added to a view stays.
export GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME=$data/config
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid=
server=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

# app.export to $out/NAME.png, waiting for the file.
export_as() {
  action export "'$out/$1.png'"
  for _ in $(seq 50); do [ -s "$out/$1.png" ] && break; sleep 0.1; done
}

# A bank-style export: semicolons, decimal commas, day-first dates.
csv=$data/in/konto-umsaetze.csv
mkdir -p "$data/in"
printf 'Datum;Kurs;Volumen\n24.01.2025;142,62;1.200\n27.01.2025;118,42;2.900\n28.01.2025;128,99;1.700\n29.01.2025;123,70;1.400\n30.01.2025;124,65;1.100\n31.01.2025;120,07;1.300\n' >"$csv"

"$bin" "$csv" >"$log" 2>&1 &
pid=$!

wid=$(wait_for_window '^Undercut$') || fail "main window appears"
dlg=$(wait_for_window '^Import CSV$') || fail "undercut FILE opens the import dialog"
ok "undercut FILE opens the import dialog over the window"
sleep 1
import -window root "$out/dialog.png"

# The delimiter's choice (a click on it), one down: a comma, which reads
# the file as one column; the preview changes, and says so.
eval "$(xdotool getwindowgeometry --shell "$dlg")"
dx=$X dy=$Y
# The table only: the line above it says how long the read took, which varies.
preview() { import -window root -crop 590x225+$((dx + 405))+$((dy + 75)) "$1"; }
preview "$out/preview-before.png"
# A click on the delimiter's choice, then @1 (a key) and Return in its
# list once that is open: keys sent before it maps (a busy machine) would
# go to the closed button and leave the choice as it was.
choose_delimiter() {
  local closed
  closed=$(surfaces)
  for _ in 1 2 3; do
    xdotool mousemove $((dx + 330)) $((dy + 316)) click 1
    for _ in $(seq 50); do [ "$(surfaces)" -gt "$closed" ] && break 2; sleep 0.1; done
  done
  [ "$(surfaces)" -gt "$closed" ] || fail "a click on the delimiter opens its list"
  sleep 0.3
  xdotool key "$1" Return
  for _ in $(seq 50); do [ "$(surfaces)" -le "$closed" ] && return 0; sleep 0.1; done
  fail "Return in the delimiter's list chooses and closes it"
}
choose_delimiter Down
for _ in $(seq 20); do
  sleep 0.5
  preview "$out/preview-comma.png"
  cmp -s "$out/preview-before.png" "$out/preview-comma.png" || break
done
import -window root "$out/dialog-comma.png"
xdotool search --onlyvisible --name '^Import CSV$' >/dev/null || fail "choosing a delimiter keeps the dialog"
cmp -s "$out/preview-before.png" "$out/preview-comma.png" && fail "another delimiter changes the preview"
ok "another delimiter changes the preview"
# Back to what was detected: the preview is the first one again.
choose_delimiter Up
# The preview is read again on a worker: wait for it (a slow build, a busy
# machine), up to ten seconds, with the same bound.
for _ in $(seq 20); do
  sleep 0.5
  preview "$out/preview-again.png"
  changed=$(compare -metric AE "$out/preview-before.png" "$out/preview-again.png" null: 2>&1 || true)
  [ "${changed%% *}" -lt 50 ] && break
done
[ "${changed%% *}" -lt 50 ] || fail "the detected delimiter shows the first preview again ($changed px differ)"
ok "the detected delimiter shows the first preview again"
# Import (the button: the focus is on the delimiter's row).
xdotool mousemove $((dx + 946)) $((dy + 27)) click 1
wait_gone '^Import CSV$' || fail "Import imports and closes the dialog"
ok "Import imports and closes the dialog"
sleep 1.5
import -window "$wid" "$out/charted.png"

grep -q '"id" *: *"konto-umsaetze"' "$data/library/library.json" || fail "the library lists the import"
ok "the library lists the import"
grep -q '"time" *: *"Datum"' "$data/library/library.json" || fail "the library keeps the column roles"
ok "the library keeps the column roles"
# The series' first colour, drawn.
line=$(count_colour "$out/charted.png" '#332288')
[ "$line" -gt 300 ] || fail "the dataset is charted ($line px)"
ok "the dataset is charted ($line px)"

# Add to View: the row's menu, "Add to View", the first view (the DeepSeek
# shock); the view is shown with the user's series beside its own.
"$(dirname "$bin")/undercut" export --view deepseek-shock --output "$out/cli-shock.png" >>"$log" 2>&1
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 194)) $((Y + 307)) click 1
sleep 0.8
xdotool mousemove $((X + 175)) $((Y + 391)) click 1
sleep 0.8
import -window root "$out/add-to-view-menu.png"
xdotool mousemove $((X + 190)) $((Y + 391)) click 1
sleep 2
import -window "$wid" "$out/added.png"
export_as added
[ -s "$out/added.png" ] || fail "the view with the added series exports"
cmp -s "$out/added.png" "$out/cli-shock.png" && fail "Add to View draws the user's series in the DeepSeek shock"
ok "Add to View draws the user's series in the DeepSeek shock"

# A table copied from a spreadsheet, pasted with Ctrl+V, opens in the dialog.
printf 'Day\tClose\n2025-01-24\t3.1\n2025-01-27\t2.4\n2025-01-28\t2.9\n' | xclip -selection clipboard -i
# A click on the chart first: without a window manager, the closed menu
# keeps the keyboard.
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 1
sleep 0.3
xdotool key ctrl+v
dlg=$(wait_for_window '^Import CSV$') || fail "Ctrl+V of a copied table opens the import dialog"
ok "Ctrl+V of a copied table opens the import dialog"
sleep 1
focus_on "$dlg"
xdotool key Escape
wait_gone '^Import CSV$' || fail "Escape cancels the import"
ok "Escape cancels the import"
# xclip serves the clipboard until another owner takes it.
pkill -x xclip 2>/dev/null || true
[ "$(grep -c '"id"' "$data/library/library.json")" -eq 1 ] || fail "a cancelled import adds nothing"
ok "a cancelled import adds nothing"

# A web address given to the running window: downloaded, then in the dialog.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$data/in" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do python3 -c "import socket; socket.create_connection(('127.0.0.1', $port))" 2>/dev/null && break; sleep 0.1; done
"$bin" "http://127.0.0.1:$port/konto-umsaetze.csv" >>"$log" 2>&1
dlg=$(wait_for_window '^Import CSV$') || fail "an address opens its file in the import dialog"
ok "an address opens its file in the import dialog"
sleep 1
import -window root "$out/dialog-url.png"
focus_on "$dlg"
xdotool key Escape
wait_gone '^Import CSV$' || fail "Escape closes the dialog of the downloaded file"
kill "$server"; server=

focus_on "$wid"
xdotool key ctrl+q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "Ctrl+Q quits"
wait "$pid" || fail "the window exits cleanly"
pid=
ok "Ctrl+Q quits cleanly"

# A restart finds it in the library, and opens on it.
"$bin" --view library-konto-umsaetze >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "the window comes back"
sleep 1.5
import -window "$wid" "$out/restarted.png"
line=$(count_colour "$out/restarted.png" '#332288')
[ "$line" -gt 300 ] || fail "after a restart the imported dataset is charted ($line px)"
ok "after a restart the imported dataset is charted ($line px)"
kill "$pid"; wait "$pid" 2>/dev/null || true
pid=

# The view keeps the added series across the restart: the same chart.
"$bin" --view deepseek-shock >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "the window comes back on the DeepSeek shock"
sleep 1.5
export_as added-again
cmp -s "$out/added.png" "$out/added-again.png" || fail "the added series stays with the view after a restart"
ok "the added series stays with the view after a restart"
kill "$pid"; wait "$pid" 2>/dev/null || true
pid=

# The command line exports the same view.
"$bin" export --view library-konto-umsaetze --output "$out/export.png" >>"$log" 2>&1 || fail "undercut export --view library-ID"
[ -s "$out/export.png" ] || fail "the export is written"
ok "undercut export --view library-ID writes the chart"
echo "1..$n"
