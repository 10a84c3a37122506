#!/usr/bin/python3
"""First-load benchmark: one load per fresh process, against pandas.

  bench-first-load.py BENCH_CSV_LOAD SHARED_BENCH_DIR WORK_DIR [PROCESSES]

Opening a file in the window is the first load in its process: nothing of
an earlier load (mapped memory, faulted pages, started threads) is there to
reuse. So our reader loads the 1M-row tick file once in each of PROCESSES
fresh processes (default 9) and the median and the worst are printed, with
the page faults each took. pandas reads the same file with the same typed
columns (timestamp parsed, symbol as category) in its own process: its first
call there, and the best of 3. Target: our median at least 10x faster than
pandas' best and our worst at least 10x faster than pandas' first call.
"""
import os
import statistics
import subprocess
import sys
import time

loader, shared, work = sys.argv[1:4]
processes = int(sys.argv[4]) if len(sys.argv) > 4 else 9
gen = os.path.join(shared, "gen_ticks.py")
if not os.path.exists(gen):
    sys.exit(f"bench-first-load: {gen} not found (configure with -Dshared_dir=PATH)")
os.makedirs(work, exist_ok=True)

# The same file as the csv-load benchmark, made by the shared generator.
path = os.path.join(work, "ticks-1000000.csv")
if not os.path.exists(path):
    subprocess.run(["/usr/bin/python3", gen, "1000000", path + ".tmp"], check=True)
    os.replace(path + ".tmp", path)


def fresh_load():
    start = time.perf_counter()
    out = subprocess.run([loader, path, "1"], check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    figures = {k: float(v) for k, v in (kv.split("=") for kv in out.split())}
    figures["process_seconds"] = wall
    return figures


# pandas in a process of its own, as it would be the first time a user asks:
# the import is not timed, the first read_csv call and the best of 3 are.
PANDAS = """
import sys, time
import pandas as pd
times = []
for _ in range(3):
    start = time.perf_counter()
    df = pd.read_csv(sys.argv[1], parse_dates=["timestamp"], dtype={"symbol": "category"})
    times.append(time.perf_counter() - start)
    assert len(df) == 1000000 and str(df["timestamp"].dtype).startswith("datetime64")
print(times[0], min(times))
"""

fresh_load()   # the file into the page cache, as it is when the user has just saved it
loads = [fresh_load() for _ in range(processes)]
pandas_first, pandas_best = map(float, subprocess.run(["/usr/bin/python3", "-c", PANDAS, path], check=True,
                                                       capture_output=True, text=True).stdout.split())

seconds = sorted(f["seconds"] for f in loads)
median = statistics.median(seconds)
worst = seconds[-1]
faults = statistics.median(f.get("minor_faults", 0) for f in loads)
process = statistics.median(f["process_seconds"] for f in loads)
size = loads[0]["bytes"]

print(f"1M rows, {size / 1e6:.1f} MB, one load in each of {processes} fresh processes:")
print(f"  undercut  median {median * 1000:6.1f} ms  worst {worst * 1000:6.1f} ms"
      f"  best {seconds[0] * 1000:6.1f} ms  ({size / 1e6 / median:.0f} MB/s;"
      f" {faults:.0f} page faults; whole process {process * 1000:.0f} ms)")
print(f"  pandas    first call {pandas_first * 1000:6.1f} ms  best of 3 {pandas_best * 1000:6.1f} ms")
print(f"  ratio     median {pandas_best / median:.1f}x pandas' best, worst {pandas_first / worst:.1f}x pandas' first")

failed = []
if pandas_best / median < 10:
    failed.append(f"median {pandas_best / median:.1f}x < 10x pandas' best")
if pandas_first / worst < 10:
    failed.append(f"worst {pandas_first / worst:.1f}x < 10x pandas' first call")
print("target: " + ("met" if not failed else "NOT met: " + "; ".join(failed)))
sys.exit(1 if failed else 0)
