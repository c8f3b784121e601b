#!/usr/bin/env bash
# Draws the app icon with ImageMagick 6 (`convert`): a blue rounded square with a white "door" frame
# and a "1" (Một cửa = one door). Writes resources/icons/icon.png (512x512) and icon.ico (16–256 px).
# The smallest sizes drop the frame: at 16–32 px its thin lines blur into the digit.
set -euo pipefail
cd "$(dirname "$0")/.."
out=resources/icons
font=resources/fonts/Arimo-Bold.ttf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

convert -size 1024x1024 xc:none \
  -fill '#1456b8' -draw "roundrectangle 40,40 983,983 200,200" \
  -fill none -stroke white -strokewidth 36 -draw "roundrectangle 262,170 762,900 60,60" \
  -stroke none -fill white -font "$font" -pointsize 600 -gravity center -annotate +0+40 "1" \
  "$tmp/full.png"
convert -size 1024x1024 xc:none \
  -fill '#1456b8' -draw "roundrectangle 24,24 999,999 200,200" \
  -fill white -font "$font" -pointsize 820 -gravity center -annotate +0+30 "1" \
  "$tmp/small.png"

for s in 16 24 32; do convert "$tmp/small.png" -resize ${s}x${s} -depth 8 "PNG32:$tmp/size-$s.png"; done
for s in 48 64 128 256; do convert "$tmp/full.png" -resize ${s}x${s} -depth 8 "PNG32:$tmp/size-$s.png"; done
convert "$tmp/full.png" -resize 512x512 -depth 8 "PNG32:$out/icon.png"
convert "$tmp"/size-16.png "$tmp"/size-24.png "$tmp"/size-32.png "$tmp"/size-48.png \
  "$tmp"/size-64.png "$tmp"/size-128.png "$tmp"/size-256.png "$out/icon.ico"
echo "icons written to $out"
