#!/usr/bin/env bash
# Draws the app icon: a stack of vertebrae in a gentle S-curve above an
# exercise mat, on a rounded teal square. From one set of shapes it writes
# assets/icon.svg (the scalable icon), assets/icon.png (512x512, the icon of
# FyneApp.toml) and assets/linux/icons/SIZE.png (the hicolor sizes the
# package installs). Needs ImageMagick and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each shape: x0 y0 x1 y1 corner-radius colour, on a 512x512 canvas.
shapes=("16 16 496 496 96 #1f6f78" "86 420 426 448 14 #f4b942")
# Seven vertebrae, wider at the bottom, offset along a sine curve.
for i in 0 1 2 3 4 5 6; do
  y=$((84 + i * 46))
  w=$((40 + i * 6))
  x=$(python3 -c "import math; print(int(256 + 24*math.sin($i/6.0*2*math.pi)))")
  shapes+=("$((x - w)) $y $((x + w)) $((y + 32)) 14 #fdfdf8")
done

args=(-size 512x512 xc:none)
{
  echo '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">'
  for s in "${shapes[@]}"; do
    read -r x0 y0 x1 y1 r fill <<<"$s"
    args+=(-fill "$fill" -draw "roundrectangle $x0,$y0 $x1,$y1 $r,$r")
    echo "  <rect x=\"$x0\" y=\"$y0\" width=\"$((x1 - x0))\" height=\"$((y1 - y0))\" rx=\"$r\" fill=\"$fill\"/>"
  done
  echo '</svg>'
} >assets/icon.svg
convert "${args[@]}" -depth 8 assets/icon.png

mkdir -p assets/linux/icons
for size in 16 24 32 48 64 128 256 512; do
  convert assets/icon.png -resize "${size}x${size}" -depth 8 "assets/linux/icons/$size.png"
done
