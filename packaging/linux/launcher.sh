#!/bin/sh
# DigitPad's Linux launcher: the build puts it in the app image as bin/DigitPad (the window) and
# bin/digitpad (the command line), in place of the native launchers jpackage writes; the .deb installs
# them in /opt/digitpad/bin/ and links /usr/bin/digitpad to the second. Each reads the .cfg of its own
# name (lib/app/DigitPad.cfg, lib/app/digitpad.cfg), as jpackage's launchers do.
# Why: before it starts Java, jpackage's Linux launcher asks rpm and then dpkg which package owns
# it (`dpkg -S`, twice per start). dpkg answers by reading the file list of every installed
# package: 0.33 s of every start on the build machine (761 packages), more on a desktop with more.
# This script starts the same JVM the same way: the options, class path and main class come from
# the .cfg file jpackage's launcher reads, with $APPDIR, $BINDIR and $ROOTDIR
# expanded, and -Djpackage.app-path set as jpackage's launcher sets it. Arguments pass unchanged.
# POSIX sh, one fork (readlink): a few milliseconds.
set -eu
launcher=$(readlink -f "$0")
bin=${launcher%/*}
root=${bin%/*}
app="$root/lib/app"
cfg="$app/${launcher##*/}.cfg"
java="$root/lib/runtime/bin/java"
for f in "$cfg" "$java"; do
  [ -e "$f" ] || { echo "DigitPad: $f is missing; reinstall DigitPad" >&2; exit 1; }
done

# expanded=$1 with every $NAME of the three replaced (no sed: a path may hold any character)
expand() {
  expanded=$1
  for name in APPDIR BINDIR ROOTDIR; do
    case $name in APPDIR) dir=$app ;; BINDIR) dir=$bin ;; ROOTDIR) dir=$root ;; esac
    rest=$expanded
    expanded=
    while :; do
      case $rest in
        *"\$$name"*) expanded="$expanded${rest%%"\$$name"*}$dir"; rest=${rest#*"\$$name"} ;;
        *) expanded="$expanded$rest"; break ;;
      esac
    done
  done
}

# The user's arguments stay first in "$@" while the JVM's options are appended, then move behind them.
user_args=$#
classpath=
main=
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    app.classpath=*) expand "${line#app.classpath=}"; classpath=${classpath:+$classpath:}$expanded ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) expand "${line#java-options=}"; set -- "$@" "$expanded" ;;
  esac
done < "$cfg"
[ -n "$main" ] || { echo "DigitPad: $cfg names no main class; reinstall DigitPad" >&2; exit 1; }
set -- "$@" "-Djpackage.app-path=$launcher" -cp "$classpath" "$main"
i=0
while [ "$i" -lt "$user_args" ]; do
  set -- "$@" "$1"
  shift
  i=$((i + 1))
done
exec "$java" "$@"
