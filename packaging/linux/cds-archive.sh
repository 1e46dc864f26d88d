#!/bin/sh
# Writes the class-data-sharing archive of a Linux DigitPad image: IMAGE/lib/app/digitpad.jsa, the
# JDK, JavaFX, DJL and DigitPad classes a start loads (listed in IMAGE/lib/app/cds-classes.txt),
# parsed and verified once here instead of at every start. The launcher's options name it
# (-XX:SharedArchiveFile=$APPDIR/digitpad.jsa, packaging/linux/jpackage.txt).
#   sh cds-archive.sh IMAGE        (IMAGE: the folder with bin/DigitPad and lib/, e.g. /opt/digitpad)
# Run by the Maven build for target/jpackage/DigitPad, and by the .deb's postinst for /opt/digitpad:
# Java 17 accepts an archive only where the class path is the one it was written for, so an archive
# cannot be built once and moved. Where it is missing or does not fit (an image copied elsewhere),
# the JVM starts without class-data sharing, silently: slower (about 0.5 s here), nothing else.
# POSIX sh: the postinst runs it with /bin/sh.
set -eu
image=${1:?usage: cds-archive.sh IMAGE}
app="$image/lib/app"
java="$image/lib/runtime/bin/java"
cfg="$app/DigitPad.cfg"
list="$app/cds-classes.txt"
archive="$app/digitpad.jsa"
for f in "$java" "$cfg" "$list"; do
  [ -e "$f" ] || { echo "cds-archive: $f is missing" >&2; exit 1; }
done
# The class path exactly as the launcher builds it from its .cfg ($APPDIR is lib/app), and the heap
# size (-Xmx) it passes, which the archive's layout depends on.
classpath=$(sed -n "s|^app.classpath=\$APPDIR/|$app/|p" "$cfg" | paste -sd: -)
heap=$(sed -n 's/^java-options=\(-Xmx.*\)$/\1/p' "$cfg" | tail -n 1)
tmp="$archive.tmp.$$"
log="$archive.log.$$"
trap 'rm -f "$tmp" "$log"' EXIT
if ! "$java" -Xshare:dump ${heap:+"$heap"} -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" \
    -cp "$classpath" >"$log" 2>&1; then
  cat "$log" >&2
  echo "cds-archive: java -Xshare:dump failed for $image" >&2
  exit 1
fi
mv -f "$tmp" "$archive"
listed=$(grep -c '^[^#@]' "$list" || true)
missing=$(grep -c 'Preload Warning: Cannot find' "$log" || true)
echo "cds-archive: $archive ($(du -h "$archive" | cut -f1)), $listed classes listed, $missing of them not found"
