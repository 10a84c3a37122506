#!/bin/bash
# End to end: start the real undercut binary on the X display, look at it,
# export through the menu shortcut and the save dialog, and quit, all with
# real input events (xdotool). Screenshots land in $G_TEST_BUILDDIR/e2e/.
set -euo pipefail

bin=$1
if [ -z "${DISPLAY:-}" ]; then
  if [ -n "${UC_TEST_REQUIRE_DISPLAY:-}" ]; then echo "Bail out! no display"; exit 1; fi
  echo "1..0 # SKIP no display"; exit 0
fi

out=${G_TEST_BUILDDIR:-$PWD}/e2e
rm -rf "$out"; mkdir -p "$out"
export_dir=$(mktemp -d)
log=$out/app.log
. "$(dirname "$0")/e2e-lib.sh"
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; rm -rf "$export_dir"; }
trap cleanup EXIT

"$bin" >"$log" 2>&1 &
pid=$!

wid=$(wait_for_window '^Undercut$') || fail "main window appears"
ok "main window appears"
sleep 1.5
import -window "$wid" "$out/window.png"
nvda=$(count_colour "$out/window.png" '#332288')
crash=$(count_colour "$out/window.png" '#c01c28')
[ "$nvda" -gt 500 ] || fail "Nvidia line visible ($nvda px)"
ok "Nvidia line visible ($nvda px)"
[ "$crash" -gt 100 ] || fail "crash marker visible ($crash px)"
ok "crash marker visible ($crash px)"

# Ctrl+E with the pointer over the window (no window manager: keys follow the pointer).
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 1
xdotool key ctrl+e
dlg=$(wait_for_window '^Export View$') || fail "Ctrl+E opens the export dialog"
ok "Ctrl+E opens the export dialog"
sleep 0.5
import -window "$dlg" "$out/export-dialog.png"
# Enter in the dialog asks for the file.
eval "$(xdotool getwindowgeometry --shell "$dlg")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 10))
xdotool key Return
chooser=$(wait_for_window '^Export As$') || fail "Enter in the export dialog opens the file chooser"
ok "Enter in the export dialog opens the file chooser"
sleep 0.5
eval "$(xdotool getwindowgeometry --shell "$chooser")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 10))
xdotool key ctrl+a
xdotool type --delay 5 "$export_dir/report.svg"
xdotool key Return
for _ in $(seq 50); do [ -s "$export_dir/report.svg" ] && break; sleep 0.1; done
[ -s "$export_dir/report.svg" ] || fail "the dialog writes the SVG"
head -c 200 "$export_dir/report.svg" | grep -q '<svg' || fail "the export is an SVG"
ok "the dialog writes the SVG ($(stat -c %s "$export_dir/report.svg") bytes)"
ls -A "$export_dir" | grep -q '^\.' && fail "no temporary file left"
ok "no temporary file left"
# The dialog went once the file was written; opened again, Escape closes it.
xdotool search --onlyvisible --name '^Export View$' >/dev/null 2>&1 && fail "the export dialog closes once it has exported"
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
xdotool key ctrl+e
dlg=$(wait_for_window '^Export View$') || fail "Ctrl+E opens the export dialog again"
eval "$(xdotool getwindowgeometry --shell "$dlg")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + 10))
xdotool key Escape
for _ in $(seq 50); do xdotool search --onlyvisible --name '^Export View$' >/dev/null 2>&1 || break; sleep 0.1; done
xdotool search --onlyvisible --name '^Export View$' >/dev/null 2>&1 && fail "Escape closes the export dialog"
ok "Escape closes the export dialog"
sleep 0.5
import -window "$wid" "$out/after-export.png"

# The window exports what it shows (app.export, as scripts send it): the
# app.export to $export_dir/NAME.png, waiting for the file.
export_as() {
  action export "'$export_dir/$1.png'"
  for _ in $(seq 50); do [ -s "$export_dir/$1.png" ] && break; sleep 0.1; done
}
cli_bin=$(dirname "$bin")/undercut
"$cli_bin" export --view deepseek-shock --output "$export_dir/cli-shock.png"
"$cli_bin" export --view pricing --output "$export_dir/cli-pricing.png"
"$cli_bin" export --view pricing --variant blended --output "$export_dir/cli-pricing-blended.png"
"$cli_bin" export --view deepseek-shock --from 2025-01-13 --to 2025-02-27 --output "$export_dir/cli-crash-weeks.png"
export_as shock
cmp -s "$export_dir/shock.png" "$export_dir/cli-shock.png" || fail "the window's export equals the command line's"
ok "the window's export equals the command line's"

# Scrolling over the chart zooms in around the pointer; 0 goes back.
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH * 2 / 3)) $((Y + HEIGHT / 2))
sleep 0.2
xdotool click 4 click 4 click 4
sleep 0.5
import -window "$wid" "$out/zoomed.png"
export_as zoomed
cmp -s "$export_dir/zoomed.png" "$export_dir/shock.png" && fail "scrolling zooms the chart"
ok "scrolling zooms the chart"
xdotool key 0
sleep 0.3
export_as reset
cmp -s "$export_dir/reset.png" "$export_dir/shock.png" || fail "0 resets the range"
ok "0 resets the range"

# Dragging pans: the range moves, and a double click brings it back.
xdotool mousedown 1 mousemove $((X + WIDTH / 3)) $((Y + HEIGHT / 2)) mouseup 1
sleep 0.3
export_as panned
cmp -s "$export_dir/panned.png" "$export_dir/shock.png" && fail "dragging pans the chart"
ok "dragging pans the chart"
import -window "$wid" "$out/panned.png"
xdotool click --repeat 2 --delay 60 1
sleep 0.3

# Shift-drag selects days to zoom into; 0 goes back.
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
xdotool keydown shift mousedown 1 mousemove $((X + WIDTH / 2 + 150)) $((Y + HEIGHT / 2)) mouseup 1 keyup shift
sleep 0.4
import -window "$wid" "$out/selected.png"
export_as selected
cmp -s "$export_dir/selected.png" "$export_dir/shock.png" && fail "shift-drag zooms into the selected days"
ok "shift-drag zooms into the selected days"
xdotool key 0
sleep 0.3

# A click on Nvidia's legend entry hides its line; another shows it again.
xdotool mousemove $((X + 290)) $((Y + 112)) click 1
sleep 0.4
import -window "$wid" "$out/nvidia-hidden.png"
hidden=$(count_colour "$out/nvidia-hidden.png" '#332288')
[ "$hidden" -lt 200 ] || fail "a legend click hides Nvidia's line ($hidden px left)"
ok "a legend click hides Nvidia's line ($hidden px left)"
xdotool click 1
sleep 0.4
export_as shown-again
cmp -s "$export_dir/shown-again.png" "$export_dir/shock.png" || fail "a second click shows it again"
ok "a second click shows it again"

# Dragging the frame in the overview strip moves the days shown; Ctrl+0 brings them back.
# The press is left of the export's toast, which may still cover the
# strip's middle: pressing beside the frame moves it there, then it follows.
xdotool mousemove $((X + 300)) $((Y + 725)); sleep 0.1
xdotool mousedown 1; sleep 0.1
xdotool mousemove $((X + 380)) $((Y + 725)); sleep 0.1
xdotool mousemove $((X + 450)) $((Y + 725)); sleep 0.1
xdotool mouseup 1
sleep 0.4
import -window "$wid" "$out/overview-dragged.png"
export_as overview-dragged
cmp -s "$export_dir/overview-dragged.png" "$export_dir/shock.png" && fail "dragging the overview's frame moves the days shown"
ok "dragging the overview's frame moves the days shown"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) key ctrl+0
sleep 0.3
export_as back-again
cmp -s "$export_dir/back-again.png" "$export_dir/shock.png" || fail "Ctrl+0 brings the view's own days back"
ok "Ctrl+0 brings the view's own days back"

# Scrolling sideways (a touchpad's two fingers, Shift and the wheel) moves through time.
xdotool mousemove $((X + WIDTH * 2 / 3)) $((Y + HEIGHT / 2))
xdotool click 7 click 7
sleep 0.4
export_as sideways
cmp -s "$export_dir/sideways.png" "$export_dir/shock.png" && fail "scrolling sideways moves the days shown"
ok "scrolling sideways moves the days shown"
xdotool key ctrl+0
sleep 0.3

# The calendar opens on the first day shown; a day picked there rebases
# every line on it, as the command line's --rebase does; $ goes back.
"$cli_bin" export --view deepseek-shock --rebase 2024-12-17 --output "$export_dir/cli-rebased.png"
xdotool mousemove $((X + 413)) $((Y + 27)) click 1
sleep 0.8
import -window root "$out/calendar.png"
xdotool mousemove $((X + 380)) $((Y + 209)) click 1
sleep 0.4
xdotool key Escape
sleep 0.3
export_as rebased
cmp -s "$export_dir/rebased.png" "$export_dir/cli-rebased.png" || fail "a day picked in the calendar rebases the lines on it"
ok "a day picked in the calendar rebases the lines on it"
xdotool mousemove $((X + 256)) $((Y + 27)) click 1
sleep 0.4
export_as dollars
cmp -s "$export_dir/dollars.png" "$export_dir/shock.png" || fail "\$ shows the values as they are again"
ok "\$ shows the values as they are again"

# The Transform menu's choice (win.transform, sent here over D-Bus as the
# menu sends it) draws what the command line's --transform draws, byte
# for byte; As They Are goes back.
win_action() {
  gdbus call --session --dest io.github.undercut.Undercut --object-path /io/github/undercut/Undercut/window/1 \
    --method org.gtk.Actions.Activate "$1" "[<$2>]" "{}" >/dev/null
}
"$cli_bin" export --view deepseek-shock --transform mean-30 --output "$export_dir/cli-mean-30.png"
win_action transform "'mean-30'"
sleep 0.4
export_as mean-30
cmp -s "$export_dir/mean-30.png" "$export_dir/cli-mean-30.png" || fail "Transform → 30-Day Mean exports as --transform mean-30"
ok "Transform → 30-Day Mean exports as --transform mean-30"
win_action transform "'none'"
sleep 0.4
export_as untransformed
cmp -s "$export_dir/untransformed.png" "$export_dir/shock.png" || fail "Transform → As They Are shows the values again"
ok "Transform → As They Are shows the values again"

# A click on the crash marker (27 January) opens its popover.
popovers() { xdotool search --onlyvisible --pid "$pid" 2>/dev/null | wc -l; }
before=$(popovers)
xdotool mousemove $((X + 703)) $((Y + 300)) click 1
sleep 0.6
import -window root "$out/event-popover.png"
[ "$(popovers)" -gt "$before" ] || fail "a click on the crash marker opens its popover"
ok "a click on the crash marker opens its popover"
# Its Zoom to Event shows two weeks before to a month after, as the command line's --from/--to.
xdotool mousemove $((X + 566)) $((Y + 487)) click 1
sleep 0.5
[ "$(popovers)" -eq "$before" ] || fail "Zoom to Event closes the popover"
export_as crash-weeks
cmp -s "$export_dir/crash-weeks.png" "$export_dir/cli-crash-weeks.png" || fail "Zoom to Event shows 13 January to 27 February"
ok "Zoom to Event shows 13 January to 27 February"
xdotool key ctrl+0
sleep 0.3

# The sidebar: a click shows Pricing pressure, exported as the command line draws it.
xdotool mousemove $((X + 100)) $((Y + 189)) click 1
sleep 1
import -window "$wid" "$out/pricing.png"
export_as pricing
cmp -s "$export_dir/pricing.png" "$export_dir/cli-pricing.png" || fail "a click in the sidebar shows Pricing pressure"
ok "a click in the sidebar shows Pricing pressure"

# The header's Price menu: blended prices, as the command line's --variant draws them.
xdotool mousemove $((X + 345)) $((Y + 27)) click 1
sleep 0.8
xdotool mousemove $((X + 355)) $((Y + 148)) click 1
sleep 0.8
import -window "$wid" "$out/pricing-blended.png"
export_as pricing-blended
cmp -s "$export_dir/pricing-blended.png" "$export_dir/cli-pricing-blended.png" || fail "the Price menu shows blended prices"
ok "the Price menu shows blended prices"

# A view by action, as `gapplication action … show-view` sends it.
action show-view "'model-releases'"
sleep 1
import -window "$wid" "$out/model-releases.png"
ok "app.show-view shows Model releases"

# Pointing at DeepSeek-R1's dot shows its card.
xdotool mousemove $((X + 527)) $((Y + 311)); sleep 0.2; xdotool mousemove $((X + 528)) $((Y + 311))
sleep 0.6
import -window "$wid" "$out/release-card.png"
changed=$(compare -metric AE "$out/model-releases.png" "$out/release-card.png" null: 2>&1 || true)
[ "${changed%% *}" -gt 2000 ] || fail "pointing at a release shows its card ($changed px changed)"
ok "pointing at a release shows its card (${changed%% *} px changed)"

# Ctrl+F goes to the filter; typed words narrow the releases, cleared they come back.
export_as releases
xdotool key ctrl+f
sleep 0.3
xdotool type --delay 30 "deepseek"
sleep 0.8
import -window "$wid" "$out/releases-filtered.png"
export_as releases-filtered
cmp -s "$export_dir/releases-filtered.png" "$export_dir/releases.png" && fail "words typed after Ctrl+F narrow the releases"
ok "words typed after Ctrl+F narrow the releases"
xdotool key ctrl+a BackSpace
sleep 0.8
export_as releases-unfiltered
cmp -s "$export_dir/releases-unfiltered.png" "$export_dir/releases.png" || fail "an empty filter shows every release again"
ok "an empty filter shows every release again"

# The shortcuts window (it sets no X window name) opens with Ctrl+? and closes with Escape.
before=$(popovers)
xdotool key ctrl+question
for _ in $(seq 30); do [ "$(popovers)" -gt "$before" ] && break; sleep 0.1; done
[ "$(popovers)" -gt "$before" ] || fail "Ctrl+? shows the keyboard shortcuts"
sleep 0.5
import -window root "$out/shortcuts.png"
ok "Ctrl+? shows the keyboard shortcuts"
xdotool key Escape
sleep 0.3
[ "$(popovers)" -eq "$before" ] || fail "Escape closes the shortcuts"
ok "Escape closes the shortcuts"

# Ctrl+Q quits cleanly (and any GTK warning would have aborted: G_DEBUG=fatal-warnings).
eval "$(xdotool getwindowgeometry --shell "$wid")"
xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2))
xdotool key ctrl+q
status=0
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid" || status=$?
pid=
[ "$status" -eq 0 ] || fail "Ctrl+Q quits with status 0 (got $status)"
ok "Ctrl+Q quits with status 0"
if grep -E 'WARNING|CRITICAL' "$log"; then fail "no GTK warnings"; fi
ok "no GTK warnings"
echo "1..$n"
