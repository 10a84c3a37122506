#!/usr/bin/python3
"""What a screen reader finds in Undercut, and a keyboard-only path.

  tests/e2e-a11y.py UNDERCUT-GUI OUTDIR

Starts the real window with GTK's AT-SPI bridge on the test's private
D-Bus session and reads its accessible tree (Debian's python3-pyatspi):

- every view of the main window, the export dialog, the sources dialog,
  the data table, the story window's pages and the import dialog: each
  focusable control showing has a name, not a toolkit class name
  ("GtkMenuButton") nor a raw access key ("_Cancel"); each chart is an
  image named by its title whose description says what it shows;
- the chart's description follows the days shown, and while the keyboard
  walks the crosshair it reads out the day and the values;
- with the keyboard alone (xdotool keys, no clicks): from the start, Tab
  to the list of views, pick the third, export it through the export
  dialog and the file chooser, and find the file written.

Trees are written to OUTDIR/tree-*.txt. TAP on stdout.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

# G_DEBUG=fatal-warnings is for the app, not for this reader: libatspi warns
# when it asks a window for its tree a moment too early ("Object does not
# exist at path …/cache"), and GLib reads G_DEBUG when it is loaded, so the
# script starts again without it, keeping it for the app.
if "fatal-warnings" in os.environ.get("G_DEBUG", "") and "UC_APP_G_DEBUG" not in os.environ:
    env = dict(os.environ, UC_APP_G_DEBUG=os.environ["G_DEBUG"],
               G_DEBUG=",".join(f for f in os.environ["G_DEBUG"].split(",") if f != "fatal-warnings"))
    os.execve(sys.executable, [sys.executable] + sys.argv, env)

import pyatspi  # noqa: E402 (after the G_DEBUG above)

INTERACTIVE = {
    "push button", "toggle button", "check box", "radio button", "combo box", "text", "entry",
    "password text", "spin button", "slider", "menu item", "check menu item", "radio menu item",
    "page tab", "link", "toggle switch", "switch", "list item", "table cell", "tree item",
}
CLASS_NAME = re.compile(r"^(Gtk|Adw)[A-Z]\w+$")
MNEMONIC = re.compile(r"(^|[\s(])_\w")

n = 0


def ok(what):
    global n
    n += 1
    print(f"ok {n} - {what}", flush=True)


def fail(what, detail=""):
    global n
    n += 1
    print(f"not ok {n} - {what}", flush=True)
    for line in detail.splitlines():
        print(f"# {line}")
    sys.exit(1)


def until(what, test, timeout=15, detail=None):
    end = time.time() + timeout
    while time.time() < end:
        try:
            value = test()
        except Exception:  # the tree changes under us while windows open
            value = None
        if value:
            return value
        time.sleep(0.1)
    fail(what, detail() if detail else "")


def xdo(*args):
    subprocess.run(["xdotool"] + list(args), check=True)


def states(node):
    try:
        return node.getState()
    except Exception:
        return None


def showing(node):
    """GTK 4.8 sets SHOWING on windows only: VISIBLE is what it tells (a
    page of a stack not shown is still "visible", so it is checked too)."""
    s = states(node)
    return s is not None and s.contains(pyatspi.STATE_VISIBLE)


def children(node):
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


def walk(node, depth=0):
    """(depth, node) of everything showing, depth first, read afresh (GTK
    4.8 does not tell every change of a name or description)."""
    if depth == 0:
        node.clearCache()
    yield depth, node
    for child in children(node):
        if showing(child):
            yield from walk(child, depth + 1)


def text_of(node):
    """A list item's name, or the text of the labels inside it."""
    if node.name and not CLASS_NAME.match(node.name):
        return node.name
    return " ".join(t for t in (text_of(c) for c in children(node) if c.getRoleName() == "label" or c.childCount)
                    if t)


def said_twice(name):
    """"Import Import", "Header on line (0: detected) Header on line": a
    name GTK 4.8 put together from a label and the same label again."""
    words = name.split()
    return any(words[:k] == words[-k:] for k in range(1, len(words) // 2 + 1))


def check_tree(root, where, out_dir):
    """Lists the tree into a file; returns the problems found."""
    problems, lines, charts = [], [], 0
    for depth, node in walk(root):
        role = node.getRoleName()
        name, desc = node.name or "", node.description or ""
        lines.append(f"{'  ' * depth}[{role}] {name!r}" + (f" — {desc!r}" if desc else ""))
        s = states(node)
        focusable = s is not None and s.contains(pyatspi.STATE_FOCUSABLE)
        label = text_of(node) if role in ("list item", "table cell", "tree item") else name
        if role in INTERACTIVE and focusable:
            if not label.strip():
                problems.append(f"{where}: an unnamed {role} (under {node.parent.getRoleName()} {node.parent.name!r})")
            elif CLASS_NAME.match(label):
                problems.append(f"{where}: a {role} named by its class, {label!r}")
            elif MNEMONIC.search(label):
                problems.append(f"{where}: a {role} named with its access key, {label!r}")
            elif said_twice(label):
                problems.append(f"{where}: a {role} whose name says it twice, {label!r}")
        if role == "image" and focusable:
            charts += 1
            if not name or CLASS_NAME.match(name):
                problems.append(f"{where}: a chart without a name")
            elif not desc.startswith(name) or len(desc) <= len(name) + 10:
                problems.append(f"{where}: chart {name!r} says too little: {desc!r}")
    safe = re.sub(r"[^\w.-]+", "-", where).strip("-")
    with open(os.path.join(out_dir, f"tree-{safe}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return problems, charts, len(lines)


def find(root, role=None, name=None, pred=None):
    for _, node in walk(root):
        if role and node.getRoleName() != role:
            continue
        if name is not None and (node.name or "") != name and not (callable(name) and name(node.name or "")):
            continue
        if pred and not pred(node):
            continue
        return node
    return None


def described(node):
    node.clearCache()
    return node.description or ""


def chart_names(root):
    return [node.name for _, node in walk(root) if node.getRoleName() == "image" and node.name]


def app_node():
    desk = pyatspi.Registry.getDesktop(0)
    for app in children(desk):
        if app.name == "undercut":
            return app
    return None


def frame(title):
    app = app_node()
    if app is None:
        return None
    app.clearCache()
    for win in children(app):
        if showing(win) and (win.name == title or (callable(title) and title(win.name or ""))):
            return win
    return None


def focused(root=None):
    """The focus in @root (else anywhere: each window keeps its own)."""
    for _, node in walk(root if root is not None else app_node()):
        s = states(node)
        if s is not None and s.contains(pyatspi.STATE_FOCUSED):
            return node
    return None


def window_id(name):
    out = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True)
    ids = out.stdout.split()
    return ids[0] if ids else None


def point_at(name):
    """Keys go where the pointer is (no window manager): over the window."""
    wid = until(f"window {name} is on screen", lambda: window_id(name))
    geo = subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid], capture_output=True, text=True).stdout
    g = dict(line.split("=") for line in geo.split())
    xdo("mousemove", str(int(g["X"]) + int(g["WIDTH"]) // 2), str(int(g["Y"]) + 8))
    return wid


def press(*keys):
    for key in keys:
        xdo("key", key)
        time.sleep(0.15)


def check_and_report(root, where, out_dir, want_charts=0):
    problems, charts, count = check_tree(root, where, out_dir)
    if problems:
        fail(f"{where}: every control named", "\n".join(problems))
    if charts < want_charts:
        fail(f"{where}: {want_charts} charts described", f"found {charts}")
    ok(f"{where}: {count} nodes, every focusable control named" + (f", {charts} charts described" if charts else ""))


def die_with_reader():
    """The app goes when this script goes, even killed: a window left open
    would take the next test's file (one instance per D-Bus session)."""
    import ctypes
    import signal

    ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def main():
    gui, out_dir = sys.argv[1], sys.argv[2]
    if not os.environ.get("DISPLAY"):
        if os.environ.get("UC_TEST_REQUIRE_DISPLAY"):
            print("Bail out! no display")
            return 1
        print("1..0 # SKIP no display")
        return 0
    os.makedirs(out_dir, exist_ok=True)
    tmp = tempfile.mkdtemp()
    # A data folder of its own: the file imported goes into the library there.
    env = dict(os.environ, GTK_A11Y="atspi", UNDERCUT_DATA_DIR=os.path.join(tmp, "data"))
    if "UC_APP_G_DEBUG" in env:
        env["G_DEBUG"] = env.pop("UC_APP_G_DEBUG")
    env.pop("NO_AT_BRIDGE", None)
    csv = os.path.join(tmp, "prices.csv")
    with open(csv, "w") as f:
        f.write("date,price\n2025-01-02,10\n2025-01-03,11.5\n2025-01-06,9.75\n")
    log = open(os.path.join(out_dir, "app.log"), "w")
    proc = subprocess.Popen([gui], env=env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_reader)
    try:
        return run(proc, out_dir, tmp, csv, gui, env, log)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(tmp, ignore_errors=True)


def run(proc, out_dir, tmp, csv, gui, env, log):
    main_win = until("the window appears on the accessibility bus", lambda: frame("Undercut"))
    until("its charts are drawn", lambda: find(main_win, "image", pred=lambda c: len(c.description or "") > 40))
    ok("the window is on the accessibility bus")

    # The chart in words follows the days shown; the crosshair reads out.
    first_charts = chart_names(main_win)
    chart = until("the first chart", lambda: find(main_win, "image", first_charts[0]))
    before = until("the chart is told in words", lambda: ": from " in described(chart) and described(chart))
    point_at("^Undercut$")
    press("alt+1")
    until("the description follows a zoom", lambda: described(chart) != before and "–" in described(chart))
    ok(f"the chart's description follows the days shown: {described(chart)[:90]!r}…")
    press("ctrl+0")
    tab_to("the first chart", lambda node: node.getRoleName() == "image" and node.name == chart.name, root=main_win)
    press("Right")
    first = until("the crosshair reads out its day", lambda: re.search(r"\d{4}", described(chart) or "") and
                  "$" in described(chart) and described(chart),
                  detail=lambda: f"focus on {focused().name!r}; the chart says {described(chart)[:200]!r}")
    press("Right")
    second = until("the next day reads out", lambda: described(chart) != first and described(chart))
    ok(f"the crosshair's card reads out day by day: {first.splitlines()[0]!r}, then {second.splitlines()[0]!r}")
    press("Escape")

    # The series picker, a popover of the window: its rows' check buttons.
    point_at("^Undercut$")
    press("ctrl+k")
    until("Ctrl+K opens the series picker", lambda: find(main_win, "check box"))
    time.sleep(0.5)
    check_and_report(main_win, "series picker", out_dir)
    press("Escape")

    views = find(main_win, "list", "Views")
    if views is None:
        fail("the list of views is named", "no list named “Views”")
    items = [c for c in children(views) if c.getRoleName() == "list item"]
    names = [text_of(i) for i in items]
    shown = chart_names(main_win)
    view_charts = []
    for i, item in enumerate(items):
        if i > 0:
            views.querySelection().selectChild(i)
            shown = until(f"view {names[i]} opens", lambda: chart_names(main_win) not in (shown, []) and
                          chart_names(main_win))
        view_charts.append(shown)
        time.sleep(0.8)
        check_and_report(main_win, f"view {names[i]}", out_dir, want_charts=1)

    for keys, title, where, charts in (("ctrl+e", "Export View", "export dialog", 0),
                                       ("ctrl+i", "Sources", "sources dialog", 0),
                                       ("ctrl+t", lambda t: t not in ("Undercut", ""), "data table", 0)):
        point_at("^Undercut$")
        press(keys)
        win = until(f"the {where} opens", lambda: frame(title))
        time.sleep(0.8)
        check_and_report(win, where, out_dir, charts)
        point_at(f"^{win.name}$")
        press("Escape" if where != "data table" else "ctrl+w")
        until(f"the {where} closes", lambda: frame(title) is None)

    point_at("^Undercut$")
    press("ctrl+shift+t")
    story = until("the story window opens", lambda: frame("Test the Story"))
    until("the story is computed", lambda: find(story, "image", pred=lambda c: c.description))
    for page in range(1, 6):
        point_at("^Test the Story$")
        press(f"alt+{page}")
        time.sleep(0.8)
        check_and_report(story, f"story page {page}", out_dir, 0 if page == 1 else 1)
    press("ctrl+w")
    until("the story window closes", lambda: frame("Test the Story") is None)

    # A CSV given to the command opens the import dialog in the window.
    subprocess.Popen([gui, csv], env=env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_reader)
    dialog = until("the import dialog opens", lambda: frame(lambda t: t.startswith("Import")))
    time.sleep(1)
    check_and_report(dialog, "import dialog", out_dir)
    point_at(f"^{dialog.name}$")
    press("Escape")
    until("the import dialog closes", lambda: frame(lambda t: t.startswith("Import")) is None)

    keyboard_path(main_win, tmp, view_charts[2])
    keyboard_import(main_win, csv)
    print(f"1..{n}")
    return 0


def tab_to(what, wanted, limit=80, root=None):
    """Tab until the focus is on what @wanted accepts."""
    seen = []
    for _ in range(limit):
        node = focused(root)
        if node is not None and wanted(node):
            ok(f"Tab reaches {what}")
            return node
        seen.append(f"{node.getRoleName()} {node.name!r}" if node is not None else "nothing")
        press("Tab")
    fail(f"Tab reaches {what}", "the focus went through: " + ", ".join(seen[:40]))


def keyboard_path(main_win, tmp, third_charts):
    """From the start to an export, with keys only."""
    point_at("^Undercut$")
    tab_to("the list of views", lambda node: node.getRoleName() == "list item" and node.parent.name == "Views",
           root=main_win)
    # The window shows the last view (Events): two up is the third. Home
    # and End stay the charts' keys here, as after a click in the list.
    press("Up", "Up", "Return")
    until("Down and Enter open the third view", lambda: chart_names(main_win) == third_charts,
          detail=lambda: f"charts shown: {chart_names(main_win)}, wanted {third_charts}")
    ok(f"Down and Enter open the third view ({', '.join(third_charts)})")
    target = os.path.join(tmp, "releases.png")
    press("ctrl+e")
    until("Ctrl+E opens the export dialog", lambda: frame("Export View"))
    point_at("^Export View$")
    press("Return")
    until("Enter asks where to save", lambda: frame("Export As"))
    point_at("^Export As$")
    press("ctrl+a")
    xdo("type", "--delay", "5", target)
    press("Return")
    until("the export is written", lambda: os.path.exists(target) and os.path.getsize(target) > 1000, 20)
    with open(target, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fail("the export is a PNG")
    ok(f"keyboard alone: a view picked and exported to PNG ({os.path.getsize(target)} bytes)")


def keyboard_import(main_win, csv):
    """A CSV file opened, read and charted, with keys only."""
    before = chart_names(main_win)
    point_at("^Undercut$")
    press("ctrl+o")
    until("Ctrl+O asks for a file", lambda: frame(lambda t: t.startswith("Open")))
    point_at("^Open")
    press("ctrl+l")
    xdo("type", "--delay", "5", csv)
    time.sleep(0.5)
    press("Return")
    dialog = until("the file opens in the import dialog", lambda: frame(lambda t: t.startswith("Import")))
    point_at(f"^{dialog.name}$")
    tab_to("the Import button", lambda node: node.getRoleName() == "push button" and node.name == "Import",
           root=dialog)
    press("Return")
    until("Enter on Import imports and closes the dialog", lambda: frame(lambda t: t.startswith("Import")) is None)
    shown = until("the file is charted", lambda: chart_names(main_win) != before and chart_names(main_win))
    ok(f"keyboard alone: a CSV file opened, imported and charted ({', '.join(shown)})")


if __name__ == "__main__":
    sys.exit(main())
