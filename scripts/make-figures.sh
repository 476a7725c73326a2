#!/usr/bin/env bash
# Draws assets/figures.png, the contact sheet of the README: every key pose
# of the default routine (spineroutine figures), labelled <move id>-<n>, in
# routine order. Needs Go and ImageMagick (montage).
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./cmd/spineroutine figures --out "$tmp" --size 400 | while read -r file _; do
  echo "$file"
done >"$tmp/order"
font=()
if fc-list | grep -q 'DejaVuSans\.ttf'; then
  font=(-font "$(fc-list | grep 'DejaVuSans\.ttf' | head -1 | cut -d: -f1)")
fi
# shellcheck disable=SC2046
montage "${font[@]}" -label '%t' -pointsize 12 -geometry 220x150+8+4 -tile 7x \
  $(cat "$tmp/order") -depth 8 assets/figures.png
echo "wrote assets/figures.png ($(wc -l <"$tmp/order") poses)"
