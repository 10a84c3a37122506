#!/bin/bash
# undercut export --clickhouse, headless, against a server of the test's
# own (clickhouse-serve: three symbols a minute for 20 days from
# 2 Jan 2025): a PNG at its own pixels, a report pack whose source line
# names the table, the server and the day it was read and whose inputs
# name the query; a rebase on a day whose row no column draws divides by
# that row; a hostile table name, an unknown column, a wrong password and
# a dead server each give an error naming them.
set -euo pipefail

bin=$1
serve=$2
n=0
work=$(mktemp -d)
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; [ -f "$work/err" ] && sed 's/^/# /' "$work/err"; exit 1; }
cleanup() {
  exec 3>&- 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

coproc SERVER { "$serve"; }
exec 3>&"${SERVER[1]}"
read -r -t 90 url <&"${SERVER[0]}" || fail "the ClickHouse server starts"
ok "a ClickHouse server with a tick table at $url"

table=(--clickhouse "$url" --table ticks --x ts --y price --group symbol)

# A PNG's width and height, from its header.
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{ print $1*16777216+$2*65536+$3*256+$4 "x" $5*16777216+$6*65536+$7*256+$8 }'; }

"$bin" export "${table[@]}" --from 2025-01-05 --to 2025-01-06 --scale 2 -o "$work/day.png" 2>"$work/err" ||
  fail "a day of the table exports"
size=$(png_size "$work/day.png")
[ "$size" = 3200x1800 ] || fail "the PNG is 3200x1800 at scale 2 ($size)"
ok "a day of the table exports as a 2x PNG ($size)"

"$bin" export "${table[@]}" --rebase 2025-01-10 --pack "$work/pack" 2>"$work/err" || fail "a rebased pack exports"
today=$(date -u +%Y-%m-%d)
grep -q "Source: ClickHouse table default.ticks (ts, price by symbol) at ${url}, read $today" "$work/pack/chart.json" ||
  fail "the pack's source line names the table, the server and the day it was read"
ok "the source line names the table, the server and the day it was read"
grep -q "ClickHouse ${url}: \`default\`.\`ticks\`" "$work/pack/chart.json" || fail "the pack names the query"
ok "the pack names the query its data answer"
for s in BYDDY NVDA TSM; do
  grep -qx "$s,2025-01-10,100" "$work/pack/data.csv" || fail "$s is 100 at its row of 2025-01-10"
done
ok "rebased on 2025-01-10, every series is 100 at its own row of that day"

for hostile in 'ticks; DROP TABLE ticks' 'ticks` UNION ALL SELECT 1' "ticks' OR '1"; do
  if "$bin" export --clickhouse "$url" --table "$hostile" --x ts --y price -o "$work/x.png" 2>"$work/err"; then
    fail "the table name “$hostile” is refused"
  fi
  grep -q "not a plain name" "$work/err" || fail "the error for “$hostile” says why"
done
"$bin" export "${table[@]}" -o "$work/after.png" 2>"$work/err" || fail "the table is still there"
ok "table names that would inject SQL are refused, and the table is untouched"

if "$bin" export --clickhouse "$url" --table ticks --x ts --y nope -o "$work/x.png" 2>"$work/err"; then
  fail "an unknown column is refused"
fi
grep -q "has no column nope" "$work/err" || fail "the error names the column"
ok "an unknown column is named"

if UNDERCUT_CLICKHOUSE_PASSWORD=not-it "$bin" export "${table[@]}" --user analyst -o "$work/x.png" 2>"$work/err"; then
  fail "a wrong password is refused"
fi
grep -q "Wrong password" "$work/err" || fail "the server's refusal is said"
! grep -q "not-it" "$work/err" || fail "the password is never printed"
UNDERCUT_CLICKHOUSE_PASSWORD=s3cret-analyst "$bin" export "${table[@]}" --user analyst -o "$work/user.png" \
  2>"$work/err" || fail "the right password, from the environment, is taken"
ok "the password comes from the environment; a wrong one is refused and never printed"

# The server stops once nothing can write to its input.
pid=$SERVER_PID
exec 3>&- {SERVER[1]}>&-
wait "$pid" 2>/dev/null || true
if "$bin" export "${table[@]}" -o "$work/x.png" 2>"$work/err"; then
  fail "a stopped server gives an error"
fi
grep -qF "$url" "$work/err" || fail "the error names the server"
ok "a stopped server gives an error naming it"
echo "1..$n"
