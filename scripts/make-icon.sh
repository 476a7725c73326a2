#!/usr/bin/env bash
# Draws assets/icon.png (512x512): a stack of vertebrae in a gentle S-curve
# above an exercise mat, on a rounded teal square. Needs ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-size 512x512 xc:none
  -fill '#1f6f78' -draw 'roundrectangle 16,16 496,496 96,96'
  -fill '#f4b942' -draw 'roundrectangle 86,420 426,448 14,14')
# Seven vertebrae, wider at the bottom, offset along a sine curve.
for i in 0 1 2 3 4 5 6; do
  y=$((84 + i * 46))
  w=$((40 + i * 6))
  x=$(python3 -c "import math; print(int(256 + 24*math.sin($i/6.0*2*math.pi)))")
  args+=(-fill '#fdfdf8' -draw "roundrectangle $((x - w)),$y $((x + w)),$((y + 32)) 14,14")
done
convert "${args[@]}" -depth 8 assets/icon.png
