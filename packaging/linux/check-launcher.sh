#!/usr/bin/env bash
# Checks the Linux image's launchers (packaging/linux/launcher.sh as IMAGE/bin/DigitPad, the window,
# and IMAGE/bin/digitpad, the command line):
#  1. each starts Java with the options, class path and main class of its own IMAGE/lib/app/<name>.cfg
#     and passes the user's arguments unchanged (spaces, empty ones, a literal $APPDIR), from a path
#     with spaces, '&' and '|' in it, and through a symbolic link elsewhere (as /usr/bin/digitpad);
#     checked against a stand-in java that prints what it got;
#  2. the real image's self-tests pass without the launchers asking dpkg or rpm anything (jpackage's
#     own launcher runs `dpkg -S` twice per start, which is what this launcher is for).
#   packaging/linux/check-launcher.sh [IMAGE]     (default target/jpackage/DigitPad)
set -euo pipefail
image=${1:-target/jpackage/DigitPad}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fake="$work/a dir & more|x"
mkdir -p "$fake/bin" "$fake/lib/app" "$fake/lib/runtime/bin" "$work/elsewhere"
printf '#!/bin/sh\nfor a in "$@"; do printf "%%s\\n" "$a"; done\n' > "$fake/lib/runtime/bin/java"
chmod +x "$fake/lib/runtime/bin/java"
app="$fake/lib/app"

# expected NAME: what java must get from bin/NAME, per lib/app/NAME.cfg
expected() {
  local cfg="$image/lib/app/$1.cfg"
  sed -n 's/^java-options=//p' "$cfg" | while IFS= read -r option; do
    printf '%s\n' "${option//\$APPDIR/"$app"}"
  done
  printf '%s\n' "-Djpackage.app-path=$fake/bin/$1" -cp
  sed -n "s/^app.classpath=//p" "$cfg" | while IFS= read -r entry; do
    printf '%s\n' "${entry//\$APPDIR/"$app"}"
  done | paste -sd: -
  sed -n 's/^app.mainclass=//p' "$cfg"
  printf '%s\n' "two words" "" 'keep $APPDIR'
}

# check NAME HOW COMMAND: COMMAND (bin/NAME, directly or through a link) started java as expected
check() {
  local got
  got=$("$3" "two words" "" 'keep $APPDIR')
  if [ "$got" != "$(expected "$1")" ]; then
    echo "check-launcher: bin/$1 ($2) started java with" >&2
    printf '  [%s]\n' "$got" >&2
    echo "check-launcher: expected" >&2
    printf '  [%s]\n' "$(expected "$1")" >&2
    exit 1
  fi
  echo "bin/$1 ($2): java got $1.cfg's $(grep -c '^java-options=' "$image/lib/app/$1.cfg") options, class path," \
    "main class $(sed -n 's/^app.mainclass=//p' "$image/lib/app/$1.cfg") and 3 arguments as given"
}

echo "== launcher arguments, from a path with spaces"
for name in DigitPad digitpad; do
  cp "$image/bin/$name" "$fake/bin/$name"
  cp "$image/lib/app/$name.cfg" "$fake/lib/app/"
  check "$name" "directly" "$fake/bin/$name"
  ln -s "$fake/bin/$name" "$work/elsewhere/$name"
  check "$name" "through a link" "$work/elsewhere/$name"
done

echo "== self-tests with dpkg and rpm that note every call"
mkdir -p "$work/spy"
for tool in dpkg dpkg-query rpm; do
  printf '#!/bin/sh\necho "%s $*" >> "%s"\nexit 1\n' "$tool" "$work/calls" > "$work/spy/$tool"
  chmod +x "$work/spy/$tool"
done
PATH="$work/spy:$PATH" "$image/bin/DigitPad" --self-test
PATH="$work/spy:$PATH" "$image/bin/digitpad" self-test
if [ -s "$work/calls" ]; then
  echo "check-launcher: starting DigitPad ran:" >&2
  cat "$work/calls" >&2
  exit 1
fi
echo "no dpkg or rpm call"
