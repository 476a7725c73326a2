#!/usr/bin/env bash
# Runs the fyne tool ("fyne build", "fyne package") on cmd/spineroutine, the
# directory of main, where the tool looks for FyneApp.toml. The root's
# FyneApp.toml stays the one source: a copy of it, with its icon path made
# absolute, is put beside main for the run and removed after (the tool also
# bumps the build number in that copy; the source is left as it is).
#
#   scripts/fyne.sh build -o "$PWD/bin/spineroutine"
#   scripts/fyne.sh package -os linux --release
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
src=$root/cmd/spineroutine
copy=$src/FyneApp.toml
trap 'rm -f "$copy"' EXIT
trap 'exit 1' INT TERM HUP
sed -E "s|^([[:space:]]*Icon[[:space:]]*=[[:space:]]*\")|\1$root/|" "$root/FyneApp.toml" >"$copy"
cd "$src"
fyne "$@"
