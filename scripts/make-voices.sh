#!/bin/sh
# make-voices.sh regenerates the spoken clips embedded in the binary
# (assets/voice/*.ogg): one name clip per move of the two shipped routines
# ("move-<id>") and the phrase clips prompts are composed of (numbers,
# "next", "hold", "seconds", "set", "of", "left side first", ...). It needs
# Festival with the CMU SLT HTS voice (Debian: festival festvox-us-slt-hts)
# and sox. The voice's licence (CMU ARCTIC / HTS, BSD-like) allows shipping
# what it says.
#
# Format: OGG Vorbis, mono, 44.1 kHz (the app's rate: nothing to resample
# at start-up), trimmed of leading and trailing silence and
# peak-normalized; the app decodes them at their own rate and channel count
# (jfreymuth/oggvorbis) and matches their loudness to the cue tones. Keep
# the clip names in sync with internal/cue/phrases.go (shippedNames and the
# clip constants).
#
# Usage: scripts/make-voices.sh [OUTDIR]   (default assets/voice)
set -eu

out=${1:-assets/voice}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# clips: NAME|TEXT, one per line. The spoken text spells acronyms and
# drops hyphens ("QL" -> "Q L").
cat >"$tmp/clips" <<'EOF'
move-overhead-band-stretch|Overhead Band Stretch
move-psoas-march|Psoas March
move-w-rows|W rows
move-ql-hang-stretch|Q L Hang Stretch
move-high-plank|High Plank
move-self-decompression|Self Decompression
move-glute-bridge|Glute Bridge
move-mcgill-curl-up|McGill Curl Up
move-pause-goblet-squat|Pause Goblet Squat
move-side-planks|Side Planks
move-bird-dogs|Bird Dogs
move-staggered-hip-hinge-stretch|Staggered Hip Hinge Stretch
next|Next:
get-ready|Get ready.
hold|hold
seconds|seconds
reps|reps
each-side|each side
left-side-first|left side first
set|set
of|of
last-set|last set
left|left
right|right
left-side|left side
right-side|right side
switch-sides|switch sides
rest|rest
halfway|halfway
done|Done. Well done!
this-hurts|Noted: this hurts.
stop-here|Stop here. Contact your surgeon or physiotherapist before going on.
press-stop-again|Press stop again to end.
1|one
2|two
3|three
4|four
5|five
6|six
7|seven
8|eight
9|nine
10|ten
11|eleven
12|twelve
13|thirteen
14|fourteen
15|fifteen
16|sixteen
17|seventeen
18|eighteen
19|nineteen
20|twenty
30|thirty
40|forty
50|fifty
60|sixty
70|seventy
80|eighty
90|ninety
100|one hundred
EOF

# One Festival process says every clip.
{
	echo '(voice_cmu_us_slt_arctic_hts)'
	while IFS='|' read -r name text; do
		printf '(utt.save.wave (SynthText "%s") "%s/%s.wav" (quote riff))\n' "$text" "$tmp" "$name"
	done <"$tmp/clips"
} >"$tmp/say.scm"
festival --batch "$tmp/say.scm"

rm -f "$out"/*.ogg
while IFS='|' read -r name text; do
	sox "$tmp/$name.wav" -r 44100 -c 1 -C 3 "$out/$name.ogg" \
		silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse gain -n -1
done <"$tmp/clips"

ls "$out"/*.ogg | wc -l
du -ch "$out"/*.ogg | tail -n 1
