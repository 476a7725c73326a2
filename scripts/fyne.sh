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
# Build tags: no_emoji leaves out Fyne's 4.2 MB emoji font, which Fyne
# parses again for each text style and theme scope (about 46 MB of heap);
# no string the app shows needs it (text and symbol fonts cover them).
case ${1:-} in
build | package) set -- "$1" --tags no_emoji "${@:2}" ;;
esac
fyne "$@"
