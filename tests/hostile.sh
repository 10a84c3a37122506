#!/bin/bash
# Hostile input and hostile places to write, through the real command line.
# Every case runs under a timeout and a memory limit, and must end with a
# clear one-line error (exit 1) or a sensible drawing (exit 0), never a hang,
# a crash or a destroyed file.
#
#   tests/hostile.sh UNDERCUT [sanitized]
#
# Time: 1 s a case (a million columns: 2 s); a sanitizer build runs ten times
# slower, so it gets ten times as long. Memory: 1 GB of address space, or
# with AddressSanitizer (which reserves terabytes of it) 1 GB resident.
set -uo pipefail

bin=$(realpath "$1")
sanitized=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

slow=1
if [ -n "$sanitized" ]; then
  slow=10
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}hard_rss_limit_mb=1024:allocator_may_return_null=1"
fi
mem_kb=1048576

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $*"; sed 's/^/# /' err.txt 2>/dev/null | head -5; }

# run LIMIT_S CMD…: sets rc, secs; stdout in out.txt, stderr in err.txt.
run() {
  local limit=$1 start end
  shift
  start=$(date +%s%N)
  if [ -n "$sanitized" ]; then
    timeout -s KILL $((limit * slow + 5)) "$@" >out.txt 2>err.txt
  else
    ( ulimit -v $mem_kb; exec timeout -s KILL $((limit + 5)) "$@" ) >out.txt 2>err.txt
  fi
  rc=$?
  end=$(date +%s%N)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  within=$(awk -v s="$secs" -v l="$limit" -v k="$slow" 'BEGIN { print (s <= l * k) ? 1 : 0 }')
}

# A sensible drawing, or one clear line naming what is wrong.
expect_drawing_or_error() {
  local what=$1 out=$2
  shift 2
  run 1 "$@"
  if [ "$within" != 1 ]; then not_ok "$what: took ${secs}s (rc $rc)"; return; fi
  case $rc in
    0)
      if [ -s "$out" ] || [ "$out" = - ]; then ok "$what: drawn in ${secs}s"; else not_ok "$what: exit 0 but no $out"; fi ;;
    1)
      if [ "$(grep -c . err.txt)" = 1 ] && grep -q '^undercut [a-z]*: ' err.txt; then
        ok "$what: refused in ${secs}s: $(cat err.txt)"
      else
        not_ok "$what: exit 1 without one clear line"
      fi ;;
    *) not_ok "$what: exit $rc after ${secs}s" ;;
  esac
}

expect_drawing() {
  local what=$1 out=$2
  shift 2
  rm -f "$out"
  run "${limit:-1}" "$@"
  if [ "$out" = - ]; then out=out.txt; fi
  if [ "$within" = 1 ] && [ $rc = 0 ] && [ -s "$out" ]; then
    ok "$what: drawn in ${secs}s$( [ -s err.txt ] && echo "; said: $(head -1 err.txt)")"
  else
    not_ok "$what: exit $rc after ${secs}s"
  fi
}

# expect_error WHAT PATTERN CMD…: exit 1, one line on stderr matching PATTERN.
expect_error() {
  local what=$1 pattern=$2
  shift 2
  run "${limit:-1}" "$@"
  if [ "$within" = 1 ] && [ $rc = 1 ] && [ "$(grep -c . err.txt)" = 1 ] && grep -q -- "$pattern" err.txt; then
    ok "$what: refused in ${secs}s: $(cat err.txt)"
  else
    not_ok "$what: exit $rc after ${secs}s, wanted one line matching “$pattern”"
  fi
}

small=small.csv
printf 'date,v\n2025-01-01,1\n2025-01-20,2\n2025-02-01,3\n' > $small

# 1. Values at the ends of a double's range, and sums and rebasing past them.
printf 'date,v\n2025-01-01,1e308\n2025-01-02,-1e308\n' > huge.csv
printf 'date,a,b\n2025-01-01,1e308,1e308\n2025-01-02,1.7e308,1.7e308\n2025-01-03,-1e308,1e308\n' > stack.csv
printf 'date,v\n2025-01-01,1e-320\n2025-01-02,1\n2025-01-03,2\n' > tiny.csv
printf 'date,v\n2025-01-01,1e999\n2025-01-02,inf\n2025-01-03,-1e400\n2025-01-04,nan\n2025-01-05,1\n2025-01-06,2\n' > overflow.csv
expect_drawing "±1e308 line" huge.png "$bin" export --csv huge.csv --x date --y v --output huge.png
for kind in step area scatter bars; do
  expect_drawing "±1e308 $kind" huge.png "$bin" export --csv huge.csv --x date --y v --kind $kind --output huge.png
done
expect_drawing "±1e308 log" huge.png "$bin" export --csv huge.csv --x date --y v --log --output huge.png
expect_drawing "±1e308 on a right axis" huge.png "$bin" export --csv stack.csv --x date --y a,b --right b --output huge.png
expect_drawing "±1e308 as money" huge.svg "$bin" export --csv huge.csv --x date --y v --value-format money --output huge.svg
expect_drawing "±1e308 as percent" huge.pdf "$bin" export --csv huge.csv --x date --y v --value-format percent --output huge.pdf
for kind in area bars; do
  expect_drawing "stacked $kind past DBL_MAX" s.png "$bin" export --csv stack.csv --x date --y a,b --kind $kind --stacked --output s.png
done
expect_drawing "rebased on 1e-320" r.png "$bin" export --csv tiny.csv --x date --y v --rebase 2025-01-01 --output r.png
expect_drawing "event change on 1e308" ev.png "$bin" export --csv huge.csv --x date --y v --event-change v --events builtin --output ev.png
# A number x axis at the ends of its reach (±10^12, six decimals): past
# them, and NaN, left out; a millionth apart still two numbers.
printf 'x,v\n1e308,1\n-1e12,2\nnan,3\n1e12,4\n1e-6,5\n0,6\n' > numx.csv
expect_drawing "number x axis from -1e12 to 1e12" nx.png "$bin" export --csv numx.csv --x x --y v --output nx.png
for kind in bars scatter area; do
  expect_drawing "number x axis, $kind" nx.png "$bin" export --csv numx.csv --x x --y v --kind $kind --from=-1e-6 --to 2e-6 --output nx.png
done
expect_drawing "cells past a double's range" o.png "$bin" export --csv overflow.csv --x date --y v --output o.png
if grep -q 'overflow.csv: line 2, column [0-9]*: “1e999”' err.txt; then ok "the overflowing cell is named"; else not_ok "the overflowing cell is named"; fi

# 2. Headers: many columns, many copies of one name.
/usr/bin/python3 - <<'EOF'
def table(path, names):
    with open(path, 'w') as f:
        f.write(','.join(names) + '\n')
        f.write(','.join(['2025-01-01'] + ['1'] * (len(names) - 1)) + '\n')
        f.write(','.join(['2025-01-02'] + ['2'] * (len(names) - 1)) + '\n')
table('cols100k.csv', ['date'] + ['c%d' % i for i in range(100000)])
table('cols1m.csv', ['date'] + ['c%d' % i for i in range(1000000)])
table('dup.csv', ['date'] + ['name'] * 4000)
table('dup-suffix.csv', ['date'] + ['a', 'a_2', 'a', 'a_3', 'a_2'] * 20000)
EOF
expect_drawing "100,000 columns, inspect" out.txt "$bin" inspect cols100k.csv
limit=2 expect_drawing "1,000,000 columns, inspect" out.txt "$bin" inspect cols1m.csv
limit=2 expect_drawing "1,000,000 columns, export" c.png "$bin" export --csv cols1m.csv --x date --y c999999 --output c.png
expect_drawing "4,000 copies of one name" out.txt "$bin" inspect dup.csv
expect_drawing "100,000 names colliding with renamed ones" out.txt "$bin" inspect dup-suffix.csv

# 3. Long texts and crowded events.
title=$(head -c 100000 /dev/zero | tr '\0' x)
expect_drawing "100,000-character title" t.png "$bin" export --csv $small --x date --y v --title "$title" --output t.png
/usr/bin/python3 - <<'EOF'
with open('events100k.csv', 'w') as f:
    f.write('date,title\n')
    for i in range(100000):
        f.write('2025-01-15,Event %d\n' % i)
EOF
expect_drawing "100,000 events on one day" e.png "$bin" export --csv $small --x date --y v --events events100k.csv --output e.png
expect_drawing "100,000 events in lanes" e.png "$bin" export --kind lanes --events events100k.csv --from 2025-01-01 --to 2025-02-01 --output e.png
rm -rf pack && "$bin" export --csv $small --x date --y v --pack pack >/dev/null 2>&1
/usr/bin/python3 - <<'EOF'
import json
spec = json.load(open('pack/chart.json'))
spec['title'] = 'T' * 5000000
spec['subtitle'] = 'S ' * 1000000
json.dump(spec, open('pack/chart.json', 'w'))
EOF
expect_drawing "5 MB title in a pack" p.png "$bin" export --spec pack/chart.json --output p.png

# 4. Files that are not text, and files larger than anything they could hold.
truncate -s 5G sparse.csv
expect_error "5 GB of NUL bytes" "sparse.csv: line 1, column 1: " "$bin" inspect sparse.csv
expect_error "5 GB of NUL bytes, export" "sparse.csv" "$bin" export --csv sparse.csv --x a --y b --output x.png
rm -f sparse.csv
head -c 65536 /dev/urandom > random.csv
expect_error "random bytes" "random.csv" "$bin" inspect random.csv
printf 'date,v\n2025-01-01,1\n' > nul-late.csv
head -c 100000 /dev/zero >> nul-late.csv
expect_error "NUL bytes after a good start" "nul-late.csv" "$bin" inspect nul-late.csv

# 5. Every width and height the command line takes.
printf 'date,a,b\n2025-01-01,1,300\n2025-01-20,2,200\n2025-02-01,3,100\n' > two.csv
bad=
for w in $(seq 16 90); do
  cases=("--csv $small --x date --y v" "--csv two.csv --x date --y a,b --right b")
  [ $((w % 3)) = 0 ] && cases+=("--view deepseek-shock")
  for args in "${cases[@]}"; do
    # shellcheck disable=SC2086
    run 1 "$bin" export $args --width $w --height $(( w < 40 ? 16 : w )) --output w.png
    [ $rc = 0 ] || [ $rc = 1 ] || bad="$bad $w:$rc"
    [ $rc = 1 ] && ! grep -q '^undercut export: ' err.txt && bad="$bad $w:message"
  done
done
if [ -z "$bad" ]; then ok "widths 16 to 90: no crash"; else not_ok "widths:$bad"; fi

# 6. Nesting deeper than any chart needs.
mkdir -p deep && head -c 400000 /dev/zero | tr '\0' '[' > deep/chart.json
expect_error "200,000 nested [ in chart.json" "nested more than" "$bin" export --spec deep/chart.json --output d.png
{ printf '/*"*/'; head -c 400000 /dev/zero | tr '\0' '['; } > deep/chart.json
expect_error "nesting behind a comment" "not JSON" "$bin" export --spec deep/chart.json --output d.png

# 7. Places that are not regular files, and files that must not change.
mkfifo fifo.png
expect_error "a FIFO as output" "fifo.png" "$bin" export --csv $small --x date --y v --output fifo.png
[ -p fifo.png ] && ok "the FIFO is still a FIFO" || not_ok "the FIFO is still a FIFO"
printf 'keep' > readonly.png && chmod 0444 readonly.png
expect_error "a read-only file" "readonly.png" "$bin" export --csv $small --x date --y v --output readonly.png
[ "$(cat readonly.png)" = keep ] && ok "the read-only file is unchanged" || not_ok "the read-only file is unchanged"
printf 'old' > private.png && chmod 0600 private.png
run 1 "$bin" export --csv $small --x date --y v --output private.png
[ $rc = 0 ] && head -c 4 private.png | grep -q PNG && ok "a private file replaced" || not_ok "a private file replaced (rc $rc)"
[ "$(stat -c %a private.png)" = 600 ] && ok "its mode stays 0600" || not_ok "its mode is $(stat -c %a private.png)"
expect_drawing "standard output" - "$bin" export --csv $small --x date --y v --format png --output -
head -c 4 out.txt | grep -q PNG && ok "standard output holds a PNG" || not_ok "standard output holds a PNG"
ls -A | grep -q '^\.' && not_ok "no temporary file left: $(ls -A | grep '^\.' | head -3)" || ok "no temporary file left"

# 10. Packs of intraday charts draw again; a pack from a FIFO does not hang.
printf 'time,v\n2025-01-27T06:30:00Z,1\n2025-01-27T07:00:00Z,2\n2025-01-27T08:15:00Z,1.5\n' > intraday.csv
rm -rf ipack
run 1 "$bin" export --csv intraday.csv --x time --y v --pack ipack
expect_drawing "an intraday pack drawn again" i.png "$bin" export --spec ipack/chart.json --output i.png
cmp -s i.png ipack/chart.png && ok "the same image as the pack's" || not_ok "the same image as the pack's"
mkfifo in.csv
# The writer gives up after a while, so that a reader that never opens the
# FIFO fails this case instead of hanging the script.
timeout 10 sh -c "cat $small > in.csv" &
limit=1 expect_drawing "a pack from a FIFO" fpack/chart.png "$bin" export --csv in.csv --x date --y v --pack fpack
wait 2>/dev/null
grep -q '"sha256": "[0-9a-f]\{64\}"' fpack/chart.json 2>/dev/null && ok "its input is hashed" || not_ok "its input is hashed"

# 11. One impossible date among good ones.
{ echo 'date,v'; for d in $(seq 1 28); do printf '2020-02-%02d,%d\n' "$d" "$d"; done; echo '2020-02-30,5'; } > baddate.csv
expect_drawing "one impossible date" b.png "$bin" export --csv baddate.csv --x date --y v --output b.png
grep -q 'line 30, column 1' err.txt && ok "the bad date is named" || not_ok "the bad date is named"

# 12. Escape sequences in a CSV never reach the terminal.
printf 'date,"\033]0;pwned\007ti\033[2Jtle"\n2025-01-01,"\033[31mred\302\233"\n' > escape.csv
run 1 "$bin" inspect escape.csv
if ! grep -q $'[\033\007]' out.txt && ! grep -q $'\302\233' out.txt && grep -q 'pwned' out.txt; then
  ok "inspect escapes control characters"
else
  not_ok "inspect escapes control characters"
fi
run 1 "$bin" export --csv escape.csv --x date --y $'\033[2J' --output x.png
if [ $rc != 0 ] && [ -s err.txt ] && ! grep -q $'\033' err.txt; then ok "error messages escape them"; else not_ok "error messages escape them (rc $rc)"; fi

echo "1..$n"
[ $failed = 0 ]
