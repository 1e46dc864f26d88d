#!/usr/bin/env bash
# Draws DigitPad's icon (a hand-drawn 2 on a pad, with a probability bar) and derives the per-OS
# formats from it. Needs ImageMagick 6 (`convert`); the .icns also needs icnsutils (`png2icns`).
#   bash packaging/icons/make-icons.sh
# The results are committed, so building packages does not need these tools.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# 1024x1024 master, scaled down at the end for smooth edges.
convert -size 1024x1024 xc:none \
  -fill '#0969da' -draw 'roundrectangle 32,32 992,992 190,190' \
  -fill '#ffffff' -draw 'roundrectangle 150,120 874,844 70,70' \
  -stroke '#d0d7de' -strokewidth 6 -fill none \
  -draw 'line 150,361 874,361' -draw 'line 150,602 874,602' \
  -draw 'line 391,120 391,844' -draw 'line 632,120 632,844' \
  -stroke '#1f2328' -strokewidth 92 -fill none \
  -draw "stroke-linecap round stroke-linejoin round path 'M 330,330 C 360,200 640,190 660,330 C 680,450 480,560 330,700 L 700,700'" \
  -stroke none -fill '#1a7f37' -draw 'roundrectangle 150,890 874,950 30,30' \
  "$work/master.png"

convert "$work/master.png" -resize 256x256 linux/DigitPad.png
convert "$work/master.png" -define icon:auto-resize=256,128,64,48,32,16 windows/DigitPad.ico
if command -v png2icns >/dev/null; then
  for s in 16 32 128 256 512; do convert "$work/master.png" -resize ${s}x${s} "$work/icon_$s.png"; done
  png2icns macos/DigitPad.icns "$work"/icon_{16,32,128,256,512}.png >/dev/null
else
  echo "png2icns not found (apt-get install icnsutils): macos/DigitPad.icns not regenerated" >&2
fi
