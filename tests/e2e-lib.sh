# e2e-lib.sh: what the end-to-end scripts share. Sourced once they have
# set $log (the app's log, printed on a failure); surfaces() reads $pid.

n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; echo "# app log:"; sed 's/^/# /' "$log"; exit 1; }

# Pixels of one colour (±8%) in a screenshot, or in a part of it (WxH+X+Y).
count_colour() {
  convert "$1" ${3:+-crop "$3"} -alpha off -fuzz 8% -fill '#00ff00' -opaque "$2" \
    -fill black +opaque '#00ff00' -fill white -opaque '#00ff00' \
    -format '%[fx:round(w*h*mean)]' info:
}

# The id of the first visible window whose name matches, within 15 s.
wait_for_window() {
  local name=$1 wid=
  for _ in $(seq 150); do
    wid=$(xdotool search --onlyvisible --name "$name" 2>/dev/null | head -1 || true)
    [ -n "$wid" ] && { echo "$wid"; return 0; }
    sleep 0.1
  done
  return 1
}

wait_gone() {
  for _ in $(seq 100); do
    xdotool search --onlyvisible --name "$1" >/dev/null 2>&1 || return 0
    sleep 0.1
  done
  return 1
}

action() { gapplication action io.github.undercut.Undercut "$@"; }

# The app's visible windows: a popover or a drop-down's list open is one more.
surfaces() { xdotool search --onlyvisible --pid "$pid" 2>/dev/null | wc -l; }

# The pointer over a window's header (@1, its id): without a window
# manager, the window under the pointer takes the keys.
focus_on() {
  eval "$(xdotool getwindowgeometry --shell "$1")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + 20))
}
