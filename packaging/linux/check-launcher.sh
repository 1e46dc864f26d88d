#!/usr/bin/env bash
# Checks the Linux image's launcher (packaging/linux/launcher.sh as IMAGE/bin/DigitPad):
#  1. it starts Java with the options, class path and main class of IMAGE/lib/app/DigitPad.cfg and
#     passes the user's arguments unchanged (spaces, empty ones, a literal $APPDIR), from a path with
#     spaces, '&' and '|' in it; checked against a stand-in java that prints what it got;
#  2. the real image's self-test passes without the launcher asking dpkg or rpm anything (jpackage's
#     own launcher runs `dpkg -S` twice per start, which is what this launcher is for).
#   packaging/linux/check-launcher.sh [IMAGE]     (default target/jpackage/DigitPad)
set -euo pipefail
image=${1:-target/jpackage/DigitPad}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== launcher arguments, from a path with spaces"
fake="$work/a dir & more|x"
mkdir -p "$fake/bin" "$fake/lib/app" "$fake/lib/runtime/bin"
cp "$image/bin/DigitPad" "$fake/bin/DigitPad"
cp "$image/lib/app/DigitPad.cfg" "$fake/lib/app/"
printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done\n' > "$fake/lib/runtime/bin/java"
chmod +x "$fake/lib/runtime/bin/java"
got=$("$fake/bin/DigitPad" "two words" "" 'keep $APPDIR')
app="$fake/lib/app"
expected=$(
  sed -n 's/^java-options=//p' "$image/lib/app/DigitPad.cfg" | while IFS= read -r option; do
    printf '%s\n' "${option//\$APPDIR/"$app"}"
  done
  printf '%s\n' "-Djpackage.app-path=$fake/bin/DigitPad" -cp
  sed -n "s/^app.classpath=//p" "$image/lib/app/DigitPad.cfg" | while IFS= read -r entry; do
    printf '%s\n' "${entry//\$APPDIR/"$app"}"
  done | paste -sd: -
  sed -n 's/^app.mainclass=//p' "$image/lib/app/DigitPad.cfg"
  printf '%s\n' "two words" "" 'keep $APPDIR'
)
if [ "$got" != "$expected" ]; then
  echo "check-launcher: the launcher started java with" >&2
  printf '  [%s]\n' "$got" >&2
  echo "check-launcher: expected" >&2
  printf '  [%s]\n' "$expected" >&2
  exit 1
fi
echo "java got the .cfg's $(grep -c '^java-options=' "$image/lib/app/DigitPad.cfg") options, class path, main class and 3 arguments as given"

echo "== self-test with dpkg and rpm that note every call"
mkdir -p "$work/spy"
for tool in dpkg dpkg-query rpm; do
  printf '#!/bin/sh\necho "%s $*" >> "%s"\nexit 1\n' "$tool" "$work/calls" > "$work/spy/$tool"
  chmod +x "$work/spy/$tool"
done
PATH="$work/spy:$PATH" "$image/bin/DigitPad" --self-test
if [ -s "$work/calls" ]; then
  echo "check-launcher: starting DigitPad ran:" >&2
  cat "$work/calls" >&2
  exit 1
fi
echo "no dpkg or rpm call"
