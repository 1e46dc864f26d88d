#!/usr/bin/env bash
# Measures the packaged app: image and installer sizes, and cold and warm start times of the
# self-test and of the window (under Xvfb, through packaging/gui-start.sh).
#   packaging/measure.sh [--runs N] [IMAGE]    (IMAGE default target/jpackage/DigitPad, N warm runs default 3)
# "Cold" is the first start of a user without DJL's cache: the PyTorch natives (446 MB
# libtorch_cpu.so) are unpacked from the image's jar before the engine loads. Rather than delete
# ~/.djl.ai (shared with every other DJL program of this user), each cold run gets a fresh, empty
# DJL_CACHE_DIR, which DJL then uses in place of ~/.djl.ai; the warm runs reuse that cache. The
# OS file cache stays warm either way (the image's files were just read or written).
set -euo pipefail
runs=3
image=target/jpackage/DigitPad
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    *) image=$1; shift ;;
  esac
done
here=$(cd "$(dirname "$0")" && pwd)
launcher="$image/bin/DigitPad"
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "app image $image: $(du -sh "$image" | cut -f1) ($(du -sb "$image" | cut -f1) bytes); runtime $(du -sh "$image/lib/runtime" | cut -f1), jars $(du -sh "$image/lib/app" | cut -f1)"
for deb in "$(dirname "$image")"/installer/*.deb; do
  [ -f "$deb" ] && echo "installer $(basename "$deb"): $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
done

self_test() {
  local out
  out=$( { TIMEFORMAT='%R s wall, %U s user + %S s system CPU'; time DJL_CACHE_DIR="$cache/$1" "$launcher" --self-test; } 2>&1 )
  # the self-test's own line, not PyTorch's warnings around it
  echo "  $2: $(tail -1 <<<"$out"); $(grep -m1 'DigitPad self-test' <<<"$out")"
}
echo "self-test ($launcher --self-test):"
self_test selftest cold
for i in $(seq "$runs"); do self_test selftest "warm $i"; done

echo "window under Xvfb (packaging/gui-start.sh):"
echo "  cold: $(DJL_CACHE_DIR="$cache/gui" "$here/gui-start.sh" "$launcher")"
for i in $(seq "$runs"); do
  echo "  warm $i: $(DJL_CACHE_DIR="$cache/gui" "$here/gui-start.sh" "$launcher")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
