#!/bin/bash
# Import benchmark: a 10M-row file (the tick generator's) imported in the
# real window under Xvfb. Prints how long the read took and the longest
# frame while it ran (target: under 16 ms), and how late the main loop
# was at most.
#
#   bench-import.sh UNDERCUT GEN_TICKS WORK_DIR SCHEMA_DIR
set -euo pipefail

inner=
if [ "${1:-}" = --inner ]; then inner=1; shift; fi
bin=$1 gen=$2 work=$3 schemas=$4
mkdir -p "$work"
file=$work/ticks-10000000.csv
if [ -z "$inner" ] && [ ! -s "$file" ]; then
  /usr/bin/python3 "$gen" 10000000 "$file.tmp"
  mv "$file.tmp" "$file"
fi

run() {
  local data log wid dlg line
  data=$(mktemp -d)
  log=$data/app.log
  UNDERCUT_DATA_DIR=$data GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$schemas GDK_BACKEND=x11 GTK_A11Y=none \
    UNDERCUT_IMPORT_TIMINGS=1 "$bin" "$file" >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 100); do
    dlg=$(xdotool search --onlyvisible --name '^Import CSV$' 2>/dev/null | head -1 || true)
    [ -n "$dlg" ] && break
    sleep 0.1
  done
  [ -n "$dlg" ] || { echo "bench-import: the import dialog did not open"; cat "$log"; kill $pid; exit 1; }
  sleep 1
  eval "$(xdotool getwindowgeometry --shell "$dlg")"
  xdotool mousemove $((X + 946)) $((Y + 27)) click 1
  for _ in $(seq 1200); do
    line=$(grep -m1 'import read in' "$log" || true)
    [ -n "$line" ] && break
    sleep 0.1
  done
  kill $pid 2>/dev/null || true
  wait $pid 2>/dev/null || true
  rm -rf "$data"
  [ -n "$line" ] || { echo "bench-import: no report"; exit 1; }
  echo "$line"
}

# On the private X server, this script again, to run the window there.
if [ -n "$inner" ]; then run; exit 0; fi
out=$(xvfb-run -a -s '-screen 0 1280x1024x24 -nolisten tcp' dbus-run-session -- "$0" --inner "$@")
echo "10M rows ($(du -m "$file" | cut -f1) MB) imported in the window, under Xvfb:"
echo "  $out"
frame=$(echo "$out" | sed -E 's/.*longest ([0-9.]+) ms.*/\1/')
if awk "BEGIN { exit !($frame < 16) }"; then
  echo "target (every frame under 16 ms while the file is read): met ($frame ms)"
else
  echo "target (every frame under 16 ms while the file is read): NOT met ($frame ms)"
  exit 1
fi
