#!/usr/bin/python3
"""Refresh benchmark: ours against Python's json and csv, in the same run.

  bench-refresh.py BENCH_REFRESH TESTS_DIR

Runs bench-refresh (a full refresh of the keyless sources from a local
server replaying the recorded answers; per source, the time to read and
check its answer; the longest main-loop stall), then reads the same
answers with Python's json and csv modules (best of 5; parse only, no
checks) as the peer. The stall must stay under 16 ms: a frame.
"""
import csv
import io
import json
import subprocess
import sys
import time

bench, tests = sys.argv[1:3]
fixtures = f"{tests}/data/net"
out = subprocess.run([bench, tests], check=True, capture_output=True, text=True).stdout
print(out, end="")


def best(fn, runs=5):
    t = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        t = min(t, time.perf_counter() - start)
    return t * 1000


def csv_rows(text):
    return list(csv.reader(io.StringIO(text)))


def models_dev_full():
    raw = json.load(open(f"{fixtures}/modelsdev_2026-05-10.json", encoding="utf-8"))
    full, copy = {}, 0
    size = 0
    while size < 4 << 20:
        for k, v in raw.items():
            full[k if copy == 0 else f"{k}-copy{copy}"] = v
        if copy % 16 == 15 or copy == 0:
            size = len(json.dumps(full, indent=2))
        copy += 1
    return json.dumps(full, indent=2)


peers = [
    ("fred", "fredgraph_sp500.csv", csv_rows),
    ("fred", "fredgraph_dexchus_2024-09.csv", csv_rows),
    ("models-dev", None, json.loads),
    ("openrouter", "openrouter_models.json", json.loads),
]
for source, name, parse in peers:
    text = open(f"{fixtures}/{name}", encoding="utf-8").read() if name else models_dev_full()
    print(f"python  {source:<11} {best(lambda: parse(text)):8.2f} ms to parse {name or 'models.dev api.json at full size'}"
          f" ({len(text.encode()) / 1024:.1f} kB; json/csv module, no checks)")

stall = float(out.split("longest main-loop stall ")[1].split(" ms")[0])
print(f"longest main-loop stall during the refresh: {stall:.2f} ms (target: under 16 ms)")
sys.exit(0 if stall < 16 else 1)
