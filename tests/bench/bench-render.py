#!/usr/bin/python3
"""The chart frame benchmark beside uPlot, same run.

  bench-render.py BENCH_RENDER SHARED_BENCH_DIR WORK_DIR

BENCH_RENDER prints, for 10k, 1M and 10M points, the median 1920x1080 frame
of a zoom step; ../shared/bench/uplot times the same steps of the same series
with uPlot 1.6 in headless Chromium. The peer is set up here: its folder is
copied into WORK_DIR/uplot, its npm packages installed there, and Debian's
chromium installed when missing and this runs as root. Where that cannot be
done the peer is skipped with a message, and only our own targets count.

Targets: 2 ms at 10k points, 3 ms at 1M and 10M, and never slower than uPlot.
"""
import json
import os
import re
import shutil
import subprocess
import sys

bench, shared, work = sys.argv[1:4]
CHROMIUM = "/usr/bin/chromium"
TARGETS = {10000: 2.0, 1000000: 3.0, 10000000: 3.0}


def setup_uplot():
    """The peer's folder, ready to run, or a reason why it is not."""
    src = os.path.join(shared, "uplot")
    dst = os.path.join(work, "uplot")
    if not os.path.isdir(src):
        return None, f"{src} not found (configure with -Dshared_dir=PATH)"
    if not shutil.which("node") or not shutil.which("npm"):
        return None, "node and npm are not installed"
    if not os.path.exists(CHROMIUM):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            return None, f"{CHROMIUM} is missing (package chromium; installing it needs root)"
        print("installing Debian's chromium for the uPlot peer…", flush=True)
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        done = subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], env=env,
                              capture_output=True, text=True, timeout=900)
        if done.returncode != 0 or not os.path.exists(CHROMIUM):
            return None, "apt-get install chromium failed: " + done.stderr.strip()[-300:]
    os.makedirs(dst, exist_ok=True)
    for name in ("bench.html", "run.js"):
        shutil.copyfile(os.path.join(src, name), os.path.join(dst, name))
    modules = os.path.join(dst, "node_modules")
    if not all(os.path.isdir(os.path.join(modules, m)) for m in ("uplot", "playwright-core")):
        print("installing uplot and playwright-core from npm…", flush=True)
        if not os.path.exists(os.path.join(dst, "package.json")):
            with open(os.path.join(dst, "package.json"), "w") as f:
                json.dump({"name": "uplot-peer", "private": True}, f)
        try:
            done = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "uplot@1.6", "playwright-core@1"],
                                  cwd=dst, capture_output=True, text=True, timeout=300)
        except subprocess.TimeoutExpired:
            return None, "npm install took more than 5 minutes (no registry?)"
        if done.returncode != 0:
            return None, "npm install failed: " + done.stderr.strip()[-300:]
    return dst, None


def run_uplot(folder):
    done = subprocess.run(["node", "run.js"], cwd=folder, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        return None, "node run.js failed: " + done.stderr.strip()[-300:]
    figures = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            figures[int(r["n"])] = float(r["frame_median_ms"])
    return figures, None


def run_ours():
    done = subprocess.run([bench], capture_output=True, text=True, timeout=600)
    sys.stdout.write(done.stdout)
    figures = {}
    for line in done.stdout.splitlines():
        m = re.match(r"\s*(\d+) points\s+([\d.]+) ms", line)
        if m:
            figures[int(m.group(1))] = float(m.group(2))
    if len(figures) != len(TARGETS):
        sys.exit(f"bench-render: unexpected output (exit {done.returncode}): {done.stderr}")
    return figures


os.makedirs(work, exist_ok=True)
folder, why = setup_uplot()
peer = None
if folder:
    peer, why = run_uplot(folder)
ours = run_ours()

failed = []
print("one 1920x1080 zoom step, median (uPlot: its own script, same series and steps):")
print(f"  {'points':>9}  {'uPlot':>8}  {'Undercut':>8}  {'uPlot / Undercut':>16}")
for n, target in TARGETS.items():
    theirs = peer.get(n) if peer else None
    ratio = f"{theirs / ours[n]:15.1f}x" if theirs else "               –"
    shown = f"{theirs:5.1f} ms" if theirs else "       –"
    print(f"  {n:9d}  {shown:>8}  {ours[n]:5.2f} ms  {ratio}")
    if ours[n] > target:
        failed.append(f"{n} points: {ours[n]:.2f} ms > {target:g} ms")
    if theirs is not None and ours[n] > theirs:
        failed.append(f"{n} points: slower than uPlot")
if peer is None:
    print(f"uPlot skipped: {why}")
print("targets (2 ms at 10k, 3 ms at 1M and 10M, ahead of uPlot): " +
      ("met" if not failed else "NOT met: " + "; ".join(failed)))
sys.exit(1 if failed else 0)
