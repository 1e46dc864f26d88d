#!/usr/bin/env bash
# Starts a packaged DigitPad under a private Xvfb display, waits until its window is visible and
# its first prediction has run, prints the times on one line, optionally takes a screenshot, and
# stops the app. Exits 1 if the window or the prediction does not come within the timeout.
#   packaging/gui-start.sh [--screenshot FILE] [--timeout SECONDS] [LAUNCHER]
# LAUNCHER defaults to target/jpackage/DigitPad/bin/DigitPad. Needs xvfb, xauth, xdotool and
# libgtk-3-0 (ImageMagick's `import` for --screenshot). Times count from the launch:
#   window visible    the X window is mapped (xdotool), measured from outside;
#   window shown      the app's own WINDOW_SHOWN event, since the process started;
#   model live        the bundled model is loaded and warmed up;
#   first prediction  one more prediction on a blank pad came back (inference thread).
# The last three come from the app's log with -Ddigitpad.startupTiming=true (app.StartupTiming).
set -euo pipefail
screenshot=""
timeout=180
launcher=target/jpackage/DigitPad/bin/DigitPad
while [ $# -gt 0 ]; do
  case "$1" in
    --screenshot) screenshot=$2; shift 2 ;;
    --timeout) timeout=$2; shift 2 ;;
    *) launcher=$1; shift ;;
  esac
done
if [ -z "${DIGITPAD_GUI_START_INNER:-}" ]; then
  # a fresh display for this run only; xvfb-run stops it afterwards
  args=(--timeout "$timeout")
  [ -n "$screenshot" ] && args+=(--screenshot "$(realpath -m "$screenshot")")
  DIGITPAD_GUI_START_INNER=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "${args[@]}" "$(realpath "$launcher")"
fi

log=$(mktemp)
start=$(date +%s%N)
JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Ddigitpad.startupTiming=true" "$launcher" >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap 'stop; rm -f "$log"' EXIT

visible=""
deadline=$(( $(date +%s) + timeout ))
while :; do
  if [ -z "$visible" ] && xdotool search --onlyvisible --name '^DigitPad$' >/dev/null 2>&1; then
    visible=$(( ($(date +%s%N) - start) / 1000000 ))
  fi
  if [ -n "$visible" ] && grep -q "first prediction after" "$log"; then
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "DigitPad exited before its first prediction:" >&2; cat "$log" >&2; exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "DigitPad: no visible window and first prediction within ${timeout} s:" >&2; cat "$log" >&2; exit 1
  fi
  sleep 0.05
done
# CPU the app used so far (user + system, clock ticks): less affected by other load than wall time
read -r -a stat < "/proc/$pid/stat"
cpu=$(( (stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK) ))
shown=$(sed -n 's/.*window shown after \([0-9]*\) ms.*/\1/p' "$log")
live=$(sed -n 's/.*model live after \([0-9]*\) ms.*/\1/p' "$log")
first=$(sed -n 's/.*first prediction after \([0-9]*\) ms.*/\1/p' "$log")
if [ -n "$screenshot" ]; then
  sleep 1 # let the status bar and the model's name render
  import -window root "$screenshot"
fi
echo "window visible after ${visible} ms (app: shown after ${shown} ms), model live after ${live} ms, first prediction after ${first} ms (${cpu} ms CPU)"
