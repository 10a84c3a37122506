#!/usr/bin/python3
"""The layering of app/, as README's Layout section states it.

  tests/check-layers.py TOP

1. Includes point down only: widgets -> render/net -> core and
   cli -> render/net -> core (render and net do not include each other, nor
   widgets and cli). The programs in app/ itself may include any layer.
2. Only app/widgets includes GTK or libadwaita (<gtk/...>, <gdk/...>,
   <adwaita.h>): the command line and the tests of core and render run
   without a display.
3. No file includes its way back to itself: following #include "uc-..."
   from file to file, where a .c and its .h are one unit (uc-view.c and
   uc-view.h are "uc-view"), there is no circle.
4. No function is longer than a screen (MAX_FUNCTION_LINES, braces
   included), except a measured hot path of the parsers or the renderer,
   whose comment just above says "Hot path" and names what measures it.

Prints TAP; a failure names the files.
"""
import pathlib
import re
import sys

ALLOWED = {
    "core": {"core"},
    "net": {"net", "core"},
    "render": {"render", "core"},
    "cli": {"cli", "render", "net", "core"},
    "widgets": {"widgets", "render", "net", "core"},
}
PROGRAM = "app"   # files in app/ itself: main.c, main-gui.c
MAX_FUNCTION_LINES = 80
FUNCTION = re.compile(r"^([a-z_][a-z0-9_]*) \(", re.M)
LOCAL = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
GTK = re.compile(r'^\s*#\s*include\s+[<"](gtk/[^>"]*|gdk/[^>"]*|adwaita\.h)[>"]', re.M)

top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
app = top / "app"
sources = sorted(p for p in app.rglob("*") if p.suffix in (".c", ".h") and p.is_file())


def layer(path):
    parts = path.relative_to(app).parts
    return PROGRAM if len(parts) == 1 else parts[0]


def show(path):
    return str(path.relative_to(top))


problems = {"layers": [], "gtk": [], "circles": [], "length": []}
by_name = {}
for p in sources:
    if p.name in by_name:
        problems["layers"].append(f"two files named {p.name}: {show(by_name[p.name])}, {show(p)}")
    by_name[p.name] = p

# Edges between units (a file's stem), with the include that makes each.
edges = {}
for p in sources:
    text = p.read_text(errors="replace")
    here = layer(p)
    if here != PROGRAM and here not in ALLOWED:
        problems["layers"].append(f"{show(p)}: app/{here} is not a known layer (see tests/check-layers.py)")
    if here != "widgets":
        problems["gtk"] += [f"{show(p)} includes {m}" for m in GTK.findall(text)]
    for name in LOCAL.findall(text):
        target = by_name.get(pathlib.Path(name).name)
        if target is None:   # config.h and generated resources
            continue
        there = layer(target)
        if here in ALLOWED and there not in ALLOWED[here]:
            problems["layers"].append(f"{show(p)} ({here}) includes {show(target)} ({there})")
        if target.stem != p.stem:
            edges.setdefault(p.stem, {}).setdefault(target.stem, f"{p.name} includes {target.name}")

# Function lengths: a definition's name starts a line, its body runs from
# a "{" to a "}" at the start of a line.
for p in sources:
    if p.suffix != ".c":
        continue
    lines = p.read_text(errors="replace").split("\n")
    for i, line in enumerate(lines):
        if line != "{":
            continue
        head = i - 1
        while head > 0 and not FUNCTION.match(lines[head]) and lines[head].startswith(" "):
            head -= 1
        end = lines.index("}", i) if "}" in lines[i:] else len(lines) - 1
        name = FUNCTION.match(lines[head])
        if name is None or end - i + 1 <= MAX_FUNCTION_LINES:
            continue
        above = "\n".join(lines[max(0, head - 6):head])
        if "Hot path" not in above:
            problems["length"].append(f"{show(p)}:{head + 1}: {name.group(1)} is {end - i + 1} lines")

# Circles: a depth-first search that reports each back edge's loop once.
state = {}
stack = []
seen_loops = set()


def visit(unit):
    state[unit] = "open"
    stack.append(unit)
    for nxt in sorted(edges.get(unit, {})):
        if state.get(nxt) == "open":
            loop = stack[stack.index(nxt):]
            key = frozenset(loop)
            if key not in seen_loops:
                seen_loops.add(key)
                steps = [edges[a][b] for a, b in zip(loop, loop[1:] + [nxt])]
                problems["circles"].append(" -> ".join(loop + [nxt]) + " (" + "; ".join(steps) + ")")
        elif nxt not in state:
            visit(nxt)
    stack.pop()
    state[unit] = "done"


sys.setrecursionlimit(10000)
for unit in sorted(edges):
    if unit not in state:
        visit(unit)

checks = [
    ("layers", "includes point down: widgets -> render/net -> core, cli -> render/net -> core"),
    ("gtk", "only app/widgets includes GTK or libadwaita"),
    ("circles", "no file includes its way back to itself"),
    ("length", f"no function longer than {MAX_FUNCTION_LINES} lines but the hot paths that say so"),
]
print(f"1..{len(checks)}")
failed = False
for n, (key, what) in enumerate(checks, 1):
    found = problems[key]
    print(f"{'not ok' if found else 'ok'} {n} - {what}")
    for line in found[:10]:
        print(f"# {line}")
    if len(found) > 10:
        print(f"# and {len(found) - 10} more")
    failed = failed or bool(found)
print(f"# {len(sources)} files in {len(set(layer(p) for p in sources))} folders, {sum(map(len, edges.values()))} includes between units")
sys.exit(1 if failed else 0)
