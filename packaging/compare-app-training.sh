#!/usr/bin/env bash
# In the app: Start to a live >= 99% model (the Train tab's default run), against the PyTorch 2.13
# peer's whole process run just before it (../shared/peers, set up with its setup-torch-peer.sh).
# Each round: a peer run, then a fresh app (its own DigitPad home, a weak model live so the new one
# goes live without a question) under Xvfb, where xdotool opens the Train tab and presses Start twice
# (the first run after start, then the next). Times come from the app's log: "Training ... for"
# (Start pressed) to "Training run ended" (the new model live), or to the app's question whether a
# less accurate model should go live (the script then keeps the live one). A peer run before the
# first round is not counted: it brings the peer's files into the page cache, as the weak model's
# training does for the app's.
#   packaging/compare-app-training.sh [--runs N] [--app LAUNCHER] [--python PY] [--peers DIR]
# Needs xvfb, xdotool and /usr/bin/time; LAUNCHER defaults to the app image's
# (target/jpackage/DigitPad/bin/DigitPad, built by `mvn -Ppackage -DskipTests package`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=3
app="$root/target/jpackage/DigitPad/bin/DigitPad"
python="$HOME/.cache/digitpad-peer-venv/bin/python"
peers="$root/../shared/peers"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --app) app=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --peers) peers=$2; shift 2 ;;
    *) echo "usage: compare-app-training.sh [--runs N] [--app LAUNCHER] [--python PY] [--peers DIR]" >&2; exit 2 ;;
  esac
done
for tool in Xvfb xdotool /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "compare-app-training.sh: needs $tool" >&2; exit 1; }
done
cli="$(dirname "$app")/digitpad"   # the image's command line, beside its launcher
for f in "$app" "$cli" "$python" "$peers/peer_torch_fastcnn.py" "$peers/run.py"; do
  [ -e "$f" ] || { echo "compare-app-training.sh: $f is missing" >&2; exit 1; }
done
work=$(mktemp -d)
pid=
xvfb=
trap 'kill $pid $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for display in $(seq 90 120); do
  [ -e "/tmp/.X11-unix/X$display" ] && continue
  Xvfb ":$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  kill -0 "$xvfb" 2>/dev/null && break
  xvfb=
done
[ -n "$xvfb" ] || { echo "compare-app-training.sh: Xvfb did not start" >&2; exit 1; }
export DISPLAY=:$display
"$cli" train --train-limit 3000 --out "$work/weak.dpmodel" >"$work/weak.out" 2>&1 \
    || { echo "compare-app-training.sh: could not train the weak model:" >&2; cat "$work/weak.out" >&2; exit 1; }

# The peer's whole process, its wall time in $work/peer.time.
peer_run() {
  (cd "$peers" && /usr/bin/time -f '%e' -o "$work/peer.time" "$python" run.py peer_torch_fastcnn.py "$root/assets/mnist" 1 128 fast) \
      >"$work/peer.out" 2>&1 || { echo "compare-app-training.sh: the peer failed:" >&2; cat "$work/peer.out" >&2; exit 1; }
}
# One peer run first, not counted: the weak model above read the app's files into the page cache,
# and this does the same for the peer's (PyTorch's libraries are a gigabyte), so no round's peer
# starts cold.
peer_run

seconds() { awk '{split($2, t, ":"); printf "%.3f\n", t[1] * 3600 + t[2] * 60 + t[3]}'; }
for round in $(seq "$runs"); do
  peer_run
  peer=$(cat "$work/peer.time")
  home="$work/home$round"
  mkdir -p "$home"
  printf '{"liveModel": "%s"}\n' "$work/weak.dpmodel" > "$home/settings.json"
  JDK_JAVA_OPTIONS="-Ddigitpad.home=$home" "$app" >"$work/app.out" 2>&1 &
  pid=$!
  wid=
  for _ in $(seq 120); do
    wid=$(xdotool search --name '^DigitPad' 2>/dev/null | head -1) && [ -n "$wid" ] && break
    sleep 0.5
  done
  [ -n "$wid" ] || { echo "compare-app-training.sh: no DigitPad window" >&2; cat "$work/app.out" >&2; exit 1; }
  sleep 3
  xdotool windowmove "$wid" 0 0 windowsize "$wid" 1180 760; sleep 1
  xdotool mousemove 97 57 click 1; sleep 4          # the Train tab; MNIST loads meanwhile
  log="$home/logs/digitpad.log"
  for n in 1 2; do
    xdotool mousemove 71 536 click 1                 # Start
    for _ in $(seq 240); do
      ended=$(grep -c 'Training run ended' "$log" 2>/dev/null || true)
      [ "${ended:-0}" -ge $n ] && break
      if [ "$(grep -c 'asking which goes live' "$log" 2>/dev/null || true)" -ge 1 ] \
          && dialog=$(xdotool search --name 'less accurate' 2>/dev/null | head -1) && [ -n "$dialog" ]; then
        xdotool key --window "$dialog" Return || true  # keep the live model (the question's default)
      fi
      sleep 0.5
    done
    sleep 2
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  pid=
  # A run ends when its model is live, or when the app asks whether a less accurate one should be
  # (where a run does not repeat the first one's figure to the last digit).
  starts=($(grep 'Training fast-cnn for' "$log" | seconds || true))
  ends=($(grep -E 'Training run ended: DONE|asking which goes live' "$log" \
      | awk '/asking/ {asked = 1; print; next} !asked {print} {asked = 0}' | seconds || true))
  accuracy=$(grep -o 'Done: [0-9.]*%' "$log" | tr '\n' ' ' || true)
  [ ${#starts[@]} -eq 2 ] && [ ${#ends[@]} -eq 2 ] \
      || { echo "compare-app-training.sh: round $round did not finish two runs:" >&2; tail -5 "$log" >&2; exit 1; }
  awk -v r="$round" -v p="$peer" -v s1="${starts[0]}" -v e1="${ends[0]}" -v s2="${starts[1]}" -v e2="${ends[1]}" -v a="$accuracy" \
      'BEGIN {printf "round %d: peer %.2f s | app, Start to live: first run %.2f s (%.2fx), next %.2f s (%.2fx) | %s\n",
              r, p, e1 - s1, (e1 - s1) / p, e2 - s2, (e2 - s2) / p, a}'
done
