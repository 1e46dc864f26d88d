#!/usr/bin/env bash
# Regenerates packaging/linux/cds-classes.txt, the classes the class-data-sharing archive holds
# (packaging/linux/cds-archive.sh): starts a built app image under Xvfb with
# -XX:DumpLoadedClassList until the window is shown and the first prediction is back
# (packaging/gui-start.sh), so the list is what a real start loads. Run it after changes that load
# other classes at start-up (new screens, libraries); a stale list only makes the start slower:
# cds-archive.sh reports how many listed classes it no longer finds.
#   packaging/linux/cds-classlist.sh [IMAGE]     (default target/jpackage/DigitPad)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$(realpath "${1:-target/jpackage/DigitPad}")
out="$here/cds-classes.txt"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A copy of the image, whose archive (written for the original's path) the JVM then does not use:
# the run is a start without class-data sharing, and every class it loads is listed.
cp -a "$image" "$work/DigitPad"
JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.txt" "$here/../gui-start.sh" "$work/DigitPad/bin/DigitPad"
raw="$work/classes.txt"
# JVM-generated lambda forms and proxies are recreated at dump time from the @ lines; drop comments.
grep -v '^#' "$raw" > "$out"
echo "$out: $(grep -c '^[^@]' "$out") classes, $(grep -c '^@' "$out") lambda lines"
