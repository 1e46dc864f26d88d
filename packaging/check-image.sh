#!/usr/bin/env bash
# Checks a built app image: its --self-test passes, and fails (non-zero, naming the problem) once
# the model inside the image's app jar is truncated, and once it is removed. Works on copies; the
# image itself is left as it was.
#   packaging/check-image.sh [IMAGE]     (default target/jpackage/DigitPad; needs zip)
set -euo pipefail
image=${1:-target/jpackage/DigitPad}
entry=digitpad/models/digitpad-default.dpmodel

echo "== self-test of $image"
"$image/bin/DigitPad" --self-test

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$image" "$work/DigitPad"
jar=$(ls "$work"/DigitPad/lib/app/digitpad-*.jar)
(cd "$work" && unzip -q "$jar" "$entry")

# expect_failure DESCRIPTION EXPECTED-TEXT: the self-test must exit non-zero and say why
expect_failure() {
  local out rc=0
  out=$("$work/DigitPad/bin/DigitPad" --self-test 2>&1) || rc=$?
  echo "$out"
  if [ "$rc" -eq 0 ]; then
    echo "check-image: the self-test passed with $1; it must fail" >&2; exit 1
  fi
  if ! grep -q "DigitPad self-test FAILED: .*$2" <<<"$out"; then
    echo "check-image: the self-test failed with $1 (exit $rc) but did not say '$2'" >&2; exit 1
  fi
  echo "(exit $rc, as expected with $1)"
}

echo "== self-test with the model in the app jar cut to its first 100 kB"
size=$(stat -c %s "$work/$entry")
head -c 100000 "$work/$entry" > "$work/cut" && mv "$work/cut" "$work/$entry"
(cd "$work" && zip -q "$jar" "$entry")
expect_failure "a truncated model ($size -> 100000 bytes)" "corrupt or truncated"

echo "== self-test with the model removed from the app jar"
zip -q -d "$jar" "$entry"
expect_failure "no model" "is missing from the application"
