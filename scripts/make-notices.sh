#!/usr/bin/env bash
# make-notices.sh writes assets/NOTICES, the third-party notices the binary
# embeds (Settings → About → Licences) and the package installs
# (share/doc/spineroutine/NOTICES): the licence of every Go module linked
# into the program, of the fonts Fyne embeds in it, and of the voice
# clips, with where the clips came from. Only the headings and that note
# are written here; every licence text is copied from its source:
#
# - Go modules: go-licenses (github.com/google/go-licenses/v2, pinned in
#   scripts/notices/go.mod, installed by scripts/setup.sh) lists the
#   licence file of every package linked into cmd/spineroutine as the
#   Makefile builds it (tag no_emoji) for Linux and for Windows ("make
#   windows" links beep's oto player there), and names its licences (SPDX
#   ids). The app's own packages are left out: they are GPL-3.0-or-later
#   (LICENSE).
# - Fonts: the font files fyne.io/fyne/v2/theme embeds with that tag (go
#   list), their names and copyright notices from their name tables
#   (scripts/notices/fontinfo), and the licence file Fyne ships for each.
# - Voice: the Debian copyright files of festvox-us-slt-hts (the CMU SLT
#   HTS voice) and festival, which made the English clips
#   assets/voice/*.ogg, and of espeak-ng-data (espeak-ng's voices, the
#   same text as espeak-ng's), which made the German, Spanish and French
#   ones, assets/voice/<lang>/*.ogg (scripts/make-voices.sh).
# - Last, the app's own licence, LICENSE, so that the app shows it offline.
#
# What ships is what is linked: go.sum also lists modules only tests use
# (testify, go-spew, ...), modules for other platforms (the browser's
# gl-js, glfw-js, go-indexeddb, safejs; x/mobile) and modules of packages
# nothing in the app imports, most only for their go.mod (x/exp, beep's
# decoders, ...); none of them is in the binary, so none is listed.
# assets/notices_test.go checks the committed file against go.sum and go
# list, offline.
#
# Usage: scripts/make-notices.sh [OUT]   (default assets/NOTICES)
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-assets/NOTICES}
tags=no_emoji
rule=$(printf '=%.0s' {1..80})

die() {
  echo "make-notices: $*" >&2
  exit 1
}

tool=$(command -v go-licenses || echo "$(go env GOPATH)/bin/go-licenses")
[[ -x $tool ]] || die "go-licenses is not installed: run scripts/setup.sh notices"
voice_copyright=/usr/share/doc/festvox-us-slt-hts/copyright
festival_copyright=/usr/share/doc/festival/copyright
espeak_copyright=/usr/share/doc/espeak-ng-data/copyright
for f in "$voice_copyright" "$festival_copyright" "$espeak_copyright"; do
  [[ -r $f ]] || die "$f is missing: install festival, festvox-us-slt-hts and espeak-ng-data (scripts/setup.sh notices)"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
modcache=$(go env GOMODCACHE)

# text FILE: the file as it is, ending in one newline.
text() {
  sed -e '$a\' "$1"
}

# The libraries go-licenses finds: "name|version|SPDX id|licence file",
# one line per licence found in a file.
printf '%s\n' '{{range .}}{{.Name}}|{{.Version}}|{{.LicenseName}}|{{.LicensePath}}' '{{end}}' >"$tmp/libs.tmpl"
for goos in linux windows; do
  if ! GOOS=$goos CGO_ENABLED=1 GOFLAGS="${GOFLAGS:-} -tags=$tags" \
    "$tool" report ./cmd/spineroutine --ignore spineroutine --template "$tmp/libs.tmpl" \
    >>"$tmp/libs" 2>"$tmp/log"; then
    cat "$tmp/log" >&2
    die "go-licenses failed for GOOS=$goos"
  fi
done
sort -u -o "$tmp/libs" "$tmp/libs"
sed -i '/^$/d' "$tmp/libs"
if grep -q '|Unknown' "$tmp/libs"; then
  grep '|Unknown' "$tmp/libs" | cut -d'|' -f1 | sed 's/^/make-notices: no licence found for /' >&2
  exit 1
fi

# modules: "library|module|version|file in module|ids" (ids joined by ", "),
# one line per library; the module and the file come from the licence
# file's path in the module cache (module@version/file, "!x" for "X").
while IFS='|' read -r lib version id path; do
  rel=${path#"$modcache"/}
  [[ $rel != "$path" && $rel == *@"$version"/* ]] ||
    die "$lib: licence file $path is not in the module cache ($modcache) under version $version"
  mod=$(sed -E 's/!([a-z])/\U\1/g' <<<"${rel%%@*}")
  echo "$lib|$mod|$version|${rel#*@"$version"/}|$id"
done <"$tmp/libs" |
  awk -F'|' '{
    key = $1 "|" $2 "|" $3 "|" $4
    if (key == prev) { ids = ids ", " $5; next }
    if (prev != "") print prev "|" ids
    prev = key; ids = $5
  } END { if (prev != "") print prev "|" ids }' | sort -t'|' -k2,2 -k1,1 >"$tmp/modules"

# The fonts Fyne embeds, grouped by licence file: "licence file|SPDX ids".
fyne_dir=$(go list -m -f '{{.Dir}}' fyne.io/fyne/v2)
fyne_version=$(go list -m -f '{{.Version}}' fyne.io/fyne/v2)
font_licence() {
  case $1 in
  font/NotoSans-*) echo "font/LICENSE.txt|OFL-1.1" ;;
  font/Inter*) echo "font/LICENSE_Inter.txt|OFL-1.1" ;;
  font/DejaVuSansMono-*) echo "font/LICENSE_DejaVu-Powerline.txt|Bitstream-Vera, Arev" ;;
  font/EmojiOneColor.*) echo "font/LICENSE_EmojiOneColor.txt|MIT" ;;
  *) return 1 ;;
  esac
}
go list -tags "$tags" -f '{{range .EmbedFiles}}{{println .}}{{end}}' fyne.io/fyne/v2/theme |
  grep -E '\.(ttf|otf)$' >"$tmp/fonts" || die "fyne.io/fyne/v2/theme embeds no font"
while read -r font; do
  lic=$(font_licence "$font") || die "no licence known for Fyne's $font: add it to font_licence in $0"
  echo "$lic|$font"
done <"$tmp/fonts" | sort >"$tmp/fontlics"

{
  cat <<EOF
Spine Routine: licences
=======================

Spine Routine is free software: you can redistribute it and/or modify it
under the terms of the GNU General Public License as published by the Free
Software Foundation, either version 3 of the License, or (at your option)
any later version (GPL-3.0-or-later). It is distributed in the hope that it
will be useful, but WITHOUT ANY WARRANTY; without even the implied warranty
of MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE. The licence's text
is at the end of this file (part 4), in LICENSE, installed beside this
file (share/doc/spineroutine), and at https://www.gnu.org/licenses/. The
GPL covers the app's code and its own assets: routines, poses, figures,
icon and screenshots.

The program also contains parts made by others, listed below with their
licences, in three parts: the Go modules linked into it, the fonts Fyne
embeds in it, and the voice clips.

This file is made by "make notices" (scripts/make-notices.sh) from the
module graph (go-licenses), the font files and the voice's Debian
copyright files; do not edit it by hand.


Part 1: Go modules linked into the program
==========================================

EOF
  while IFS='|' read -r lib mod version file ids; do
    printf '%s\nGo module %s %s\n  packages: %s\n  licence: %s (file %s)\n%s\n\n' \
      "$rule" "$mod" "$version" "$lib" "$ids" "$file" "$rule"
    text "$modcache/$(sed -E 's/([A-Z])/!\L\1/g' <<<"$mod")@$version/$file"
    echo
  done <"$tmp/modules"

  cat <<EOF

Part 2: Fonts
=============

Fyne (fyne.io/fyne/v2 $fyne_version) embeds these fonts in the program
to draw its text.

EOF
  cut -d'|' -f1,2 "$tmp/fontlics" | uniq | while IFS='|' read -r file ids; do
    mapfile -t fonts < <(grep -F "$file|$ids|" "$tmp/fontlics" | cut -d'|' -f3)
    names=$(printf '%s\n' "${fonts[@]}" | xargs -n1 basename | paste -sd, | sed 's/,/, /g')
    printf '%s\nFonts %s (fyne.io/fyne/v2 %s, theme/font)\n' "$rule" "$names" "$fyne_version"
    go -C scripts/notices run ./fontinfo "${fonts[@]/#/$fyne_dir/theme/}"
    printf '  licence: %s (file theme/%s)\n%s\n\n' "$ids" "$file" "$rule"
    text "$fyne_dir/theme/$file"
    echo
  done

  clips=$(find assets/voice -maxdepth 1 -name '*.ogg' | wc -l)
  langs=""
  for d in assets/voice/*/; do
    langs="$langs, $(basename "$d") $(find "$d" -name '*.ogg' | wc -l)"
  done
  cat <<EOF

Part 3: Voice clips
===================

$rule
Voice clips assets/voice/*.ogg ($clips clips)
Voice clips assets/voice/<lang>/*.ogg (${langs#, } clips)
$rule

The English words and move names the app speaks were recorded with the
Festival speech synthesis system (University of Edinburgh, Centre for
Speech Technology Research) speaking with the CMU SLT HTS voice (Carnegie
Mellon University and Nagoya Institute of Technology), the Debian
packages festival and festvox-us-slt-hts; the German, Spanish and French
ones with espeak-ng (its de, es and fr-fr voices, the Debian packages
espeak-ng and espeak-ng-data, GPL-3.0-or-later); all by
scripts/make-voices.sh, then trimmed of silence and normalized with SoX
and encoded as Ogg Vorbis. The licences below allow using, copying and
distributing the voices and what they say, with their notices kept. Names
of moves in routines of your own are spoken by the Festival or espeak-ng
installed on your computer, if any; nothing of those is shipped.

EOF
  for f in "$voice_copyright" "$festival_copyright" "$espeak_copyright"; do
    pkg=$(basename "$(dirname "$f")")
    ids=$(sed -n 's/^License: *\([^ ]\+\) *$/\1/p' "$f" | sort -u | paste -sd, | sed 's/,/, /g')
    printf '%s\nCopyright of %s %s (Debian: %s)\n' "$rule" "$pkg" \
      "$(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null || echo '(version unknown)')" "$f"
    [[ -z $ids ]] || printf '  licence: %s\n' "$ids"
    printf '%s\n\n' "$rule"
    text "$f"
    echo
  done

  cat <<EOF

Part 4: The app's licence
=========================

$rule
GNU General Public License, version 3 (LICENSE)
$rule

EOF
  text LICENSE
} >"$tmp/notices"

mkdir -p "$(dirname "$out")"
mv "$tmp/notices" "$out"
echo "make-notices: $out: $(wc -l <"$tmp/modules") Go libraries, $(wc -l <"$tmp/fonts") fonts, the voice; $(wc -c <"$out") bytes"
