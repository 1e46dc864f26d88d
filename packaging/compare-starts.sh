#!/usr/bin/env bash
# Compares the warm start of two or more packaged apps: starts them in turn, N rounds, each through
# packaging/gui-start.sh (its own Xvfb), and prints for each launcher the median, range and count
# under 3 s of "model live", and the median CPU. Alternating matters on a machine whose speed
# drifts: each round measures all of them within a few seconds of each other.
# --cold: every start is a new user's first, with a fresh empty home directory (HOME, and user.home
# for Java), as in packaging/measure.sh.
#   packaging/compare-starts.sh [--runs N] [--cold] LAUNCHER LAUNCHER...     (N default 10)
# e.g. an image built from an older commit against the current one:
#   packaging/compare-starts.sh --runs 15 /tmp/old/target/jpackage/DigitPad/bin/DigitPad target/jpackage/DigitPad/bin/DigitPad
set -euo pipefail
runs=10
cold=false
launchers=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --cold) cold=true; shift ;;
    *) launchers+=("$1"); shift ;;
  esac
done
[ ${#launchers[@]} -ge 1 ] || { echo "usage: compare-starts.sh [--runs N] [--cold] LAUNCHER LAUNCHER..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq "$runs"); do
  for i in "${!launchers[@]}"; do
    if $cold; then
      home=$(mktemp -d "$work/home.XXXXXX")
      line=$(HOME="$home" JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Duser.home=$home" \
        "$here/gui-start.sh" "${launchers[$i]}" | tail -1)
      rm -rf "$home"
    else
      line=$("$here/gui-start.sh" "${launchers[$i]}" | tail -1)
    fi
    # "... model live after 2711 ms, ... (3560 ms CPU)" -> "2711 3560"
    sed -n 's/.*model live after \([0-9]*\) ms.*(\([0-9]*\) ms CPU).*/\1 \2/p' <<<"$line" >> "$work/$i"
  done
  echo "round $round of $runs done" >&2
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2)}'; }
for i in "${!launchers[@]}"; do
  live=$(cut -d' ' -f1 "$work/$i")
  echo "${launchers[$i]}: model live median $(median <<<"$live") ms, range $(sort -n <<<"$live" | head -1)-$(sort -n <<<"$live" | tail -1) ms," \
    "$(awk '$1 < 3000' <<<"$live" | wc -l) of $(wc -l <<<"$live") under 3 s; CPU median $(cut -d' ' -f2 "$work/$i" | median) ms"
  echo "  model live, in order: $(tr '\n' ' ' <<<"$live")"
done
