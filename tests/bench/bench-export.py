#!/usr/bin/python3
"""End-to-end export benchmark: `undercut export` of a 1M-row CSV against the
matplotlib script that draws the same chart, whole processes, same run.

  bench-export.py UNDERCUT SHARED_BENCH_DIR WORK_DIR

Each side runs 5 times; the median wall time and the median peak RSS are
compared. Targets: at least 10x faster, at most half of matplotlib's memory.
"""
import os
import statistics
import subprocess
import sys
import time

undercut, shared, work = sys.argv[1:4]
gen = os.path.join(shared, "gen_ticks.py")
peer = os.path.join(shared, "peer_mpl_render.py")
for f in (gen, peer):
    if not os.path.exists(f):
        sys.exit(f"bench-export: {f} not found (configure with -Dshared_dir=PATH)")
os.makedirs(work, exist_ok=True)
ticks = os.path.join(work, "ticks-1000000.csv")
if not os.path.exists(ticks):
    subprocess.run(["/usr/bin/python3", gen, "1000000", ticks + ".tmp"], check=True)
    os.replace(ticks + ".tmp", ticks)


def measure(argv, runs=5):
    walls, peaks = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + argv, check=True,
                             capture_output=True, text=True)
        walls.append(time.perf_counter() - start)
        peaks.append(int(out.stderr.strip().splitlines()[-1]) * 1024)
    return statistics.median(walls), statistics.median(peaks)


ours = measure([undercut, "export", "--csv", ticks, "--x", "timestamp", "--y", "price",
                "--width", "1920", "--height", "1080", "--output", os.path.join(work, "undercut.png")])
theirs = measure(["/usr/bin/python3", peer, ticks, os.path.join(work, "matplotlib.png")])

speed = theirs[0] / ours[0]
memory = ours[1] / theirs[1]
print("1M-row CSV to a 1920x1080 PNG, whole process (median of 5):")
print(f"  undercut    {ours[0] * 1000:7.0f} ms  peak {ours[1] / 1e6:5.0f} MB")
print(f"  matplotlib  {theirs[0] * 1000:7.0f} ms  peak {theirs[1] / 1e6:5.0f} MB")
print(f"  undercut is {speed:.1f}x faster and uses {memory:.2f}x the memory")
failed = []
if speed < 10:
    failed.append(f"{speed:.1f}x < 10x")
if memory > 0.5:
    failed.append(f"memory {memory:.2f}x > 0.5x")
print("targets: " + ("met" if not failed else "NOT met: " + "; ".join(failed)))
sys.exit(1 if failed else 0)
