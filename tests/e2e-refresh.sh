#!/bin/bash
# End to end: the real undercut binary refreshes its sources from a local
# server replaying recorded answers (tests/replay-server.py; nothing leaves
# the machine), driven with real input (xdotool): F5, the progress bar, the
# new rows in the Pricing view, the Sources page (Ctrl+I), a server
# answering 503 (a toast, the old data kept), and Cancel. Screenshots land
# in $G_TEST_BUILDDIR/e2e-refresh/.
set -euo pipefail

bin=$1
srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e-refresh
rm -rf "$out"; mkdir -p "$out"
tmp=$(mktemp -d)
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid= server=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  n=$((n + 1)); echo "not ok $n - $*"
  echo "# app log:"; sed 's/^/# /' "$log"
  echo "# server log:"; sed 's/^/# /' "$tmp/server.log"
  exit 1
}

# The server: the recorded answers, on a port of its choosing.
mkdir -p "$tmp/srv" "$tmp/config/undercut" "$tmp/data" "$tmp/none" "$tmp/exports"
cp "$srcdir"/data/net/openrouter_models.json "$srcdir"/data/net/fredgraph_sp500.csv "$tmp/srv/"
# models.dev's recorded answer with one more DeepSeek model, out yesterday
# at $0.10/$0.20: news no embedded snapshot can have.
/usr/bin/python3 - "$srcdir/data/net/modelsdev_sample.json" "$tmp/srv/modelsdev_sample.json" <<'EOF'
import copy, datetime, json, sys
answer = json.load(open(sys.argv[1]))
models = answer["deepseek"]["models"]
model = copy.deepcopy(models["deepseek-v4-pro"])
day = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=1)).strftime("%Y-%m-%d")
model.update(id="deepseek-v5-test", name="deepseek-v5-test", release_date=day, last_updated=day)
model["cost"].update(input=0.1, output=0.2)
models["deepseek-v5-test"] = model
json.dump(answer, open(sys.argv[2], "w"))
EOF
"$srcdir/replay-server.py" "$tmp/srv" >"$tmp/port" 2>"$tmp/server.log" &
server=$!
for _ in $(seq 50); do grep -q '^PORT' "$tmp/port" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/^PORT/ {print $2}' "$tmp/port")
[ -n "$port" ] || fail "the replay server starts"
ok "the replay server listens on 127.0.0.1:$port"

# Every source pointed at it: Epoch AI answers 503; SEC and Stooq, with no
# contact or key given, are not asked (their addresses are local all the same).
url="http://127.0.0.1:$port"
cat >"$tmp/config/undercut/sources.json" <<EOF
{ "version": 1, "sources": [
  { "id": "fred", "url": "$url/fredgraph_sp500.csv?id={series}", "series": { "SP500": "S&P 500" }, "insecure_http": true },
  { "id": "models-dev", "url": "$url/modelsdev_sample.json", "insecure_http": true },
  { "id": "openrouter", "url": "$url/openrouter_models.json", "insecure_http": true },
  { "id": "epoch", "url": "$url/notable_ai_models.csv", "insecure_http": true },
  { "id": "sec", "url": "$url/sec/CIK{series}.json", "insecure_http": true },
  { "id": "stooq", "url": "$url/stooq/{series}.csv?apikey={key}", "insecure_http": true }
] }
EOF
echo 503 >"$tmp/srv/notable_ai_models.csv.status"
echo 2 >"$tmp/srv/modelsdev_sample.json.delay"
export XDG_CONFIG_HOME=$tmp/config UNDERCUT_DATA_DIR=$tmp/data

cli_bin=$(dirname "$bin")/undercut
# app.export to $tmp/exports/NAME.png, waiting for the file.
export_as() {
  rm -f "$tmp/exports/$1.png"
  action export "'$tmp/exports/$1.png'"
  for _ in $(seq 50); do [ -s "$tmp/exports/$1.png" ] && break; sleep 0.1; done
}
# The window's export, until it equals file $2 (the view redrawn), as $1.
wait_export_equals() {
  for _ in $(seq 30); do
    export_as "$1"
    cmp -s "$tmp/exports/$1.png" "$2" && return 0
    sleep 0.3
  done
  return 1
}
# A source's field in `undercut sources --json`.
source_field() {
  "$cli_bin" sources --json | /usr/bin/python3 -c \
    "import json, sys; f = [s for s in json.load(sys.stdin) if s['id'] == '$1'][0]; print(f['$2'])"
}
# Waits until source $1 was asked after $2 (ISO time), i.e. its refresh ended.
wait_asked_after() {
  for _ in $(seq 100); do
    checked=$(source_field "$1" checked)
    [ "$checked" != None ] && [[ "$checked" > "$2" || "$checked" == "$2" ]] && return 0
    sleep 0.2
  done
  return 1
}
now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

UNDERCUT_DATA_DIR=$tmp/none "$cli_bin" export --view pricing --output "$tmp/exports/cli-embedded.png"
UNDERCUT_DATA_DIR=$tmp/none "$cli_bin" export --view model-releases --output "$tmp/exports/cli-releases.png"

"$bin" --view pricing >"$log" 2>&1 &
pid=$!
wid=$(wait_for_window '^Undercut$') || fail "main window appears"
sleep 1.5
import -window "$wid" "$out/start.png"
export_as before
cmp -s "$tmp/exports/before.png" "$tmp/exports/cli-embedded.png" || fail "before a refresh, Pricing shows the embedded data"
ok "before a refresh, Pricing shows the embedded data"

# F5, with the pointer on the sidebar (no window manager: keys follow it).
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 110)) $((Y + HEIGHT - 60)) click 1
started=$(now)
xdotool key F5
sleep 0.8
import -window "$wid" "$out/progress.png"
bar=$(count_colour "$out/progress.png" '#3584e4' "$((WIDTH - 220))x50+220+48")
[ "$bar" -gt 100 ] || fail "F5 shows the refresh's progress under the header bar ($bar px of bar)"
ok "F5 shows the refresh's progress under the header bar ($bar px of bar)"

wait_asked_after epoch "$started" || fail "the refresh reaches the last source"
for _ in $(seq 50); do [ -s "$tmp/data/datasets/hosted-prices.json" ] && break; sleep 0.1; done
UNDERCUT_DATA_DIR=$tmp/data "$cli_bin" export --view pricing --output "$tmp/exports/cli-refreshed.png"
cmp -s "$tmp/exports/cli-refreshed.png" "$tmp/exports/cli-embedded.png" && fail "the refreshed prices change the chart"
grep -q ',deepseek-v5-test,' "$tmp/data/datasets/api-prices.csv" || fail "the refreshed prices have the new model"
ok "the refresh brings a model the embedded data lack"
wait_export_equals after "$tmp/exports/cli-refreshed.png" || fail "the Pricing view is redrawn with the new rows"
ok "the Pricing view is redrawn with the new rows, as the command line draws them"
import -window "$wid" "$out/after.png"
toast=$(count_colour "$out/after.png" '#4c4c4c' "${WIDTH}x90+0+$((HEIGHT - 90))")
[ "$toast" -gt 5000 ] || fail "Epoch AI's 503 shows a toast ($toast px)"
ok "Epoch AI's 503 shows a toast ($toast px)"
[ "$(source_field epoch state)" = refused ] || fail "Epoch AI is refused"
[ "$(source_field models-dev retrieved)" != None ] || fail "models.dev has a retrieved time"
ok "the sources say what happened (models.dev retrieved, Epoch AI refused)"

# Epoch AI refused: Model releases still shows the embedded releases.
action show-view "'model-releases'"
sleep 1
export_as releases
cmp -s "$tmp/exports/releases.png" "$tmp/exports/cli-releases.png" || fail "Epoch AI's 503 leaves the embedded releases"
ok "Epoch AI's 503 leaves the embedded releases"
action show-view "'pricing'"
sleep 0.8

# The Sources page: three sources fresh (green), Epoch AI refused (amber).
xdotool mousemove $((X + 110)) $((Y + HEIGHT - 60)) click 1
xdotool key ctrl+i
dlg=$(wait_for_window '^Sources$') || fail "Ctrl+I opens the Sources page"
ok "Ctrl+I opens the Sources page"
sleep 0.8
import -window "$dlg" "$out/sources.png"
green=$(count_colour "$out/sources.png" '#1b8553')
amber=$(count_colour "$out/sources.png" '#9c6e03')
[ "$green" -gt 45 ] || fail "the Sources page marks the fresh sources ($green px)"
[ "$amber" -gt 40 ] || fail "the Sources page marks the refused one ($amber px)"
ok "the Sources page marks three sources fresh and one refused ($green and $amber px)"
eval "$(xdotool getwindowgeometry --shell "$dlg")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 300)) key Escape
sleep 0.5
xdotool search --onlyvisible --name '^Sources$' >/dev/null 2>&1 && fail "Escape closes the Sources page"
ok "Escape closes the Sources page"

# models.dev answers 503: a toast, and the prices refreshed before stay.
echo 503 >"$tmp/srv/modelsdev_sample.json.status"
rm -f "$tmp/srv/modelsdev_sample.json.delay"
retrieved=$(source_field models-dev retrieved)
sleep 1   # a second later: the next check's time differs from the last
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + 110)) $((Y + HEIGHT - 60)) click 1
started=$(now)
xdotool key F5
wait_asked_after epoch "$started" || fail "the second refresh ends"
sleep 0.5
import -window "$wid" "$out/refused.png"
toast=$(count_colour "$out/refused.png" '#4c4c4c' "${WIDTH}x90+0+$((HEIGHT - 90))")
[ "$toast" -gt 5000 ] || fail "models.dev's 503 shows a toast ($toast px)"
# One toast names both sources refused now: not the first refresh's.
toasts="${WIDTH}x90+0+$((HEIGHT - 90))"
convert "$out/after.png" -crop "$toasts" +repage "$tmp/toast-1.png"
convert "$out/refused.png" -crop "$toasts" +repage "$tmp/toast-2.png"
changed=$(compare -metric AE "$tmp/toast-1.png" "$tmp/toast-2.png" null: 2>&1 || true)
[ "${changed%% *}" -gt 1000 ] || fail "the toast is a new one, naming models.dev ($changed px changed)"
ok "models.dev's 503 shows a toast ($toast px, ${changed%% *} px unlike the first refresh's)"
[ "$(source_field models-dev state)" = refused ] || fail "models.dev is refused"
[ "$(source_field models-dev retrieved)" = "$retrieved" ] || fail "models.dev keeps its copy of $retrieved"
ok "models.dev is refused and keeps its copy of $retrieved"
export_as kept
cmp -s "$tmp/exports/kept.png" "$tmp/exports/cli-refreshed.png" || fail "the prices refreshed before stay on the chart"
ok "the prices refreshed before stay on the chart"

# A slow server and Cancel: the refresh stops, nothing is lost.
rm -f "$tmp/srv/modelsdev_sample.json.status"
echo 20 >"$tmp/srv/fredgraph_sp500.csv.delay"
fred_checked=$(source_field fred checked)
xdotool key F5
sleep 0.8
xdotool mousemove $((X + WIDTH - 60)) $((Y + 74)) click 1
sleep 1
import -window "$wid" "$out/cancelled.png"
bar=$(count_colour "$out/cancelled.png" '#3584e4' "$((WIDTH - 220))x50+220+48")
[ "$bar" -lt 20 ] || fail "Cancel stops the refresh at once ($bar px of bar left)"
[ "$(source_field fred checked)" = "$fred_checked" ] || fail "the cancelled source keeps its record"
ok "Cancel stops the refresh at once; the source asked keeps its record"
asked=$(grep -c GET "$tmp/server.log" || true)
sleep 2
[ "$(grep -c GET "$tmp/server.log" || true)" -eq "$asked" ] || fail "no source is asked after Cancel"
ok "no source is asked after Cancel"
export_as after-cancel
cmp -s "$tmp/exports/after-cancel.png" "$tmp/exports/cli-refreshed.png" || fail "a cancelled refresh leaves the chart as it was"
ok "a cancelled refresh leaves the chart as it was"

# Ctrl+Q quits cleanly (and any GTK warning would have aborted: G_DEBUG=fatal-warnings).
xdotool mousemove $((X + 110)) $((Y + HEIGHT - 60)) key ctrl+q
status=0
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid" || status=$?
pid=
[ "$status" -eq 0 ] || fail "Ctrl+Q quits with status 0 (got $status)"
ok "Ctrl+Q quits with status 0"
if grep -E 'WARNING|CRITICAL' "$log"; then fail "no GTK warnings"; fi
ok "no GTK warnings"
echo "1..$n"
