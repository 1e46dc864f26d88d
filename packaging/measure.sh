#!/usr/bin/env bash
# Measures the packaged app: image and installer sizes, and cold and warm start times of the
# self-test and of the window (under Xvfb, through packaging/gui-start.sh).
#   packaging/measure.sh [--runs N] [IMAGE]    (IMAGE default target/jpackage/DigitPad, N warm runs default 3)
# "Cold" is a new user's first start: each cold run gets a fresh, empty home directory (HOME, and
# user.home for Java, which ignores HOME; no DJL_CACHE_DIR), and the warm runs reuse it. Images built up to commit 459dea8 unpacked the PyTorch natives
# (446 MB libtorch_cpu.so) from a jar into ~/.djl.ai at that start; now they lie unpacked in the
# image, and the script prints what each first start left in its HOME. The OS file cache stays warm
# either way (the image's files were just read or written).
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
homes=$(mktemp -d)
trap 'rm -rf "$homes"' EXIT
mkdir "$homes/selftest" "$homes/gui"
unset DJL_CACHE_DIR ENGINE_CACHE_DIR
# as_user HOME COMMAND...: COMMAND with HOME as the home directory, for native code and for Java
as_user() {
  local home=$1
  shift
  HOME="$home" JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Duser.home=$home" "$@"
}
# left_in HOME: what DigitPad's first start wrote there
left_in() {
  local entries
  entries=$(find "$1" -mindepth 1 -maxdepth 1 -exec du -sh {} + | sed "s|\t$1/| |" | paste -sd, - | sed 's/,/, /g')
  echo "${entries:-nothing}"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "app image $image: $(du -sh "$image" | cut -f1) ($(du -sb "$image" | cut -f1) bytes); runtime $(du -sh "$image/lib/runtime" | cut -f1), jars $(du -sh "$image/lib/app" | cut -f1)"
for deb in "$(dirname "$image")"/installer/*.deb; do
  [ -f "$deb" ] && echo "installer $(basename "$deb"): $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
done

self_test() {
  local out
  out=$( { TIMEFORMAT='%R s wall, %U s user + %S s system CPU'; time as_user "$homes/$1" "$launcher" --self-test; } 2>&1 )
  # the self-test's own line, not PyTorch's warnings around it
  echo "  $2: $(tail -1 <<<"$out"); $(grep -m1 'DigitPad self-test' <<<"$out")"
}
echo "self-test ($launcher --self-test):"
self_test selftest cold
echo "  the cold start left in its empty HOME: $(left_in "$homes/selftest")"
for i in $(seq "$runs"); do self_test selftest "warm $i"; done

echo "window under Xvfb (packaging/gui-start.sh):"
echo "  cold: $(as_user "$homes/gui" "$here/gui-start.sh" "$launcher")"
echo "  the cold start left in its empty HOME: $(left_in "$homes/gui")"
for i in $(seq "$runs"); do
  echo "  warm $i: $(as_user "$homes/gui" "$here/gui-start.sh" "$launcher")"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
