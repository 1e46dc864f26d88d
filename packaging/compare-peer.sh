#!/usr/bin/env bash
# DigitPad's training against the same job written directly in PyTorch 2.13 (Python), the peer in
# ../shared/peers (set up once with its setup-torch-peer.sh). Whole processes, run in turn, N rounds;
# each round runs four, in a rotating order, since this machine's speed drifts by 2x:
#   identical  digitpad train with the peer's recipe (fast-cnn, batch 128, peak lr 0.012, 1 epoch)
#   float32    the same with -Ddigitpad.bf16=false: 32-bit arithmetic throughout, as the peer
#              (identical also where the CPU has no bfloat16 arithmetic)
#   default    digitpad train as a user runs it (DigitPad's best recipe for a >= 99% model)
#   peer       peer_torch_fastcnn.py (fast-cnn, batch 128, peak lr 0.012, 1 epoch)
# Prints each run, then medians and DigitPad/peer ratios: wall time of the whole process (to a saved
# model, or to the peer's end), CPU seconds, peak RSS, the training loop's images/s and test accuracy.
#   packaging/compare-peer.sh [--runs N] [--digitpad CMD] [--python PY] [--peers DIR]
# CMD defaults to the app image's command line (target/jpackage/DigitPad/bin/digitpad, built by
# `mvn -Ppackage -DskipTests package`), PY to ~/.cache/digitpad-peer-venv/bin/python.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=3
digitpad="$root/target/jpackage/DigitPad/bin/digitpad"
python="$HOME/.cache/digitpad-peer-venv/bin/python"
peers="$root/../shared/peers"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --digitpad) digitpad=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --peers) peers=$2; shift 2 ;;
    *) echo "usage: compare-peer.sh [--runs N] [--digitpad CMD] [--python PY] [--peers DIR]" >&2; exit 2 ;;
  esac
done
for f in "$peers/peer_torch_fastcnn.py" "$peers/run.py" "$python"; do
  [ -e "$f" ] || { echo "compare-peer.sh: $f is missing (see ../shared/peers/README.md)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "compare-peer.sh: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run KIND: one whole process; appends "wall cpu rss_mb img_s acc" to $work/KIND
run() {
  local kind=$1 out="$work/$1.out" line
  case $kind in
    identical) /usr/bin/time -f '%e %U %S %M' -o "$work/time" $digitpad train --batch 128 --lr 0.012 --out "$work/m.dpmodel" >"$out" 2>&1 ;;
    float32) JDK_JAVA_OPTIONS=-Ddigitpad.bf16=false /usr/bin/time -f '%e %U %S %M' -o "$work/time" $digitpad train --batch 128 --lr 0.012 --out "$work/m.dpmodel" >"$out" 2>&1 ;;
    default) /usr/bin/time -f '%e %U %S %M' -o "$work/time" $digitpad train --out "$work/m.dpmodel" >"$out" 2>&1 ;;
    peer) (cd "$peers" && /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$python" run.py peer_torch_fastcnn.py "$root/assets/mnist" 1 128 fast) >"$out" 2>&1 ;;
  esac
  if [ $kind = peer ]; then
    # "epoch 1 6.5s (9238 img/s) test 99.15% at 7.0s"
    line=$(sed -n 's/^epoch 1 .*(\([0-9]*\) img\/s) test \([0-9.]*\)%.*/\1 \2/p' "$out")
  else
    # "epoch 1/1: ... acc 99.09% | 10,248 img/s | 0:06 elapsed"
    line=$(sed -n 's/^epoch 1\/1:.*test loss [0-9.]* acc \([0-9.]*\)% | \([0-9,]*\) img\/s.*/\2 \1/p' "$out" | tr -d ,)
  fi
  [ -n "$line" ] || { echo "compare-peer.sh: $kind run printed no epoch line:" >&2; cat "$out" >&2; exit 1; }
  read -r wall user sys rss < "$work/time"
  read -r imgs acc <<<"$line"
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
  echo "$wall $cpu $((rss / 1024)) $imgs $acc" >> "$work/$kind"
  printf '%-9s wall %6.2f s  CPU %6.2f s  peak RSS %5d MB  loop %6d img/s  test %s%%\n' "$kind" "$wall" "$cpu" $((rss / 1024)) "$imgs" "$acc"
}
kinds=(identical peer default float32)
for round in $(seq "$runs"); do
  echo "round $round of $runs"
  for i in 0 1 2 3; do
    run "${kinds[$(((i + round) % 4))]}"
  done
done
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
col() { cut -d' ' -f"$2" "$work/$1" | median; }
echo
printf '%-9s %10s %10s %14s %12s %8s\n' median wall CPU "peak RSS" "loop img/s" test
for kind in identical float32 default peer; do
  printf '%-9s %8.2f s %8.2f s %11d MB %12.0f %7.2f%%\n' "$kind" "$(col $kind 1)" "$(col $kind 2)" "$(col $kind 3)" "$(col $kind 4)" "$(col $kind 5)"
done
echo
for kind in identical float32 default; do
  awk -v k="$kind" -v w="$(col $kind 1)" -v c="$(col $kind 2)" -v r="$(col $kind 3)" -v i="$(col $kind 4)" \
      -v pw="$(col peer 1)" -v pc="$(col peer 2)" -v pr="$(col peer 3)" -v pi="$(col peer 4)" \
      'BEGIN {printf "%-9s / peer: wall %.2fx  CPU %.2fx  peak RSS %.2fx  loop throughput %.2fx\n", k, w / pw, c / pc, r / pr, i / pi}'
done
echo "(wall of a DigitPad run: start to a saved model; its model is >= 99.0% when its test column says so)"
