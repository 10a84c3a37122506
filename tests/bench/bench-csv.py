#!/usr/bin/python3
"""CSV load benchmark: Undercut's reader against pandas, in the same run.

  bench-csv.py BENCH_CSV_LOAD SHARED_BENCH_DIR WORK_DIR

Makes the tick files with the shared generator (1M and 10M rows), loads the
1M file with our reader (best of 5, its own process) and with pandas
(read_csv with the timestamp parsed and symbol as category, best of 3, the
call alone), then the 10M file once to show the cost stays linear. Prints
the figures and checks the targets: at least 10x pandas, above 700 MB/s,
peak memory at most 1.5x (typed columns + file).
"""
import os
import subprocess
import sys
import time

loader, shared, work = sys.argv[1:4]
gen = os.path.join(shared, "gen_ticks.py")
if not os.path.exists(gen):
    sys.exit(f"bench-csv: {gen} not found (configure with -Dshared_dir=PATH)")
os.makedirs(work, exist_ok=True)


def ticks(rows):
    path = os.path.join(work, f"ticks-{rows}.csv")
    if not os.path.exists(path):
        subprocess.run(["/usr/bin/python3", gen, str(rows), path + ".tmp"], check=True)
        os.replace(path + ".tmp", path)
    return path


def ours(path, runs):
    out = subprocess.run([loader, path, str(runs)], check=True, capture_output=True, text=True).stdout
    return {k: float(v) for k, v in (kv.split("=") for kv in out.split())}


def pandas_seconds(path, runs=3):
    import pandas as pd
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        df = pd.read_csv(path, parse_dates=["timestamp"], dtype={"symbol": "category"})
        best = min(best, time.perf_counter() - start)
        assert len(df) > 0
    return best


one = ticks(1_000_000)
ten = ticks(10_000_000)

a = ours(one, 5)
p = pandas_seconds(one)
b = ours(ten, 3)

ratio = p / a["seconds"]
memory_budget = 1.5 * (a["column_bytes"] + a["bytes"])
memory_share = a["peak_rss_bytes"] / (a["column_bytes"] + a["bytes"])
per_row_1m = a["seconds"] / a["rows"] * 1e9
per_row_10m = b["seconds"] / b["rows"] * 1e9

print(f"1M rows, {a['bytes'] / 1e6:.1f} MB:")
print(f"  undercut  {a['seconds'] * 1000:7.1f} ms  {a['mb_per_s']:7.0f} MB/s  {a['rows_per_s'] / 1e6:5.1f} M rows/s"
      f"  peak RSS {a['peak_rss_bytes'] / 1e6:.0f} MB ({memory_share:.2f}x columns+file;"
      f" columns {a['column_bytes'] / 1e6:.0f} MB)")
print(f"            first load in the process {a['first_seconds'] * 1000:.1f} ms (maps its memory; later loads reuse it)")
print(f"  pandas    {p * 1000:7.1f} ms  {a['bytes'] / 1e6 / p:7.0f} MB/s")
print(f"  ratio     {ratio:.1f}x faster than pandas")
print(f"10M rows, {b['bytes'] / 1e6:.0f} MB: {b['seconds'] * 1000:.0f} ms, {b['mb_per_s']:.0f} MB/s,"
      f" {per_row_10m:.1f} ns/row vs {per_row_1m:.1f} ns/row at 1M"
      f" (peak RSS {b['peak_rss_bytes'] / 1e6:.0f} MB)")

failed = []
if ratio < 10:
    failed.append(f"ratio {ratio:.1f}x < 10x")
if a["mb_per_s"] < 700:
    failed.append(f"{a['mb_per_s']:.0f} MB/s < 700 MB/s")
if a["peak_rss_bytes"] > memory_budget:
    failed.append(f"peak RSS {memory_share:.2f}x > 1.5x")
if per_row_10m > 1.5 * per_row_1m:
    failed.append("10M rows cost more than 1.5x per row")
print("targets: " + ("met" if not failed else "NOT met: " + "; ".join(failed)))
sys.exit(1 if failed else 0)
