#!/bin/sh
# make-voices.sh regenerates the spoken clips of one language embedded in
# the binary: English in assets/voice/*.ogg, German, Spanish and French in
# assets/voice/<lang>/*.ogg. The clips are one name clip per move of the
# two shipped routines ("move-<id>"), the phrase clips prompts are
# composed of ("next", "hold", "seconds", "left side first", ...; their
# texts are in assets/lang/voice.<lang>.json, which translators edit) and
# the numbers the language's grammar says (internal/cue/numbers.go).
# scripts/voiceclips (go run) lists them.
#
# The voices: the clearest free voice Debian has for each language whose
# licence lets its output ship in a GPL-3.0-or-later program.
#   en  Festival with the CMU SLT HTS voice (festival festvox-us-slt-hts;
#       CMU ARCTIC / HTS, BSD-like), a natural HMM voice.
#   de, es, fr  espeak-ng (GPL-3.0-or-later) with its de, es and fr-fr
#       voices, at 150 words a minute (clearer than its default 175).
#       Debian 12 has no Festival voice for German, Spanish or French
#       (apt-cache search festvox: Spanish festvox-ellpc11k is no longer
#       packaged); the MBROLA voices (non-free: mbrola-de*, -es*, -fr*)
#       sound better, but their licence allows only non-commercial,
#       non-military use, which a GPL program cannot impose on what it
#       ships: they do not qualify.
# Needs: festival festvox-us-slt-hts (en) or espeak-ng (de, es, fr), sox,
# and Go (scripts/voiceclips).
#
# Format: OGG Vorbis, mono, 44.1 kHz (the app's rate: nothing to resample
# at start-up; espeak-ng's 22.05 kHz clips were a third smaller but took
# the app 3 times as long to decode, resampled), trimmed of leading and
# trailing silence and peak-normalized; the app decodes them at their own
# rate and channel count (jfreymuth/oggvorbis) and matches their loudness
# to the cue tones.
#
# Usage: scripts/make-voices.sh [LANG [CLIP...]]   (default: en, every clip)
# With CLIP names, only those are made again (the others are kept).
set -eu

lang=${1:-en}
[ $# -gt 0 ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go run ./scripts/voiceclips "$lang" >"$tmp/list"
out=assets/$(sed -n 's/^dir //p' "$tmp/list")
festival_voice=$(sed -n 's/^festival //p' "$tmp/list")
espeak_voice=$(sed -n 's/^espeak //p' "$tmp/list")
# clips: NAME|TEXT, one per line (only the CLIP names asked for, if any).
sed -n 's/^clip //p' "$tmp/list" >"$tmp/all"
if [ $# -gt 0 ]; then
	for name in "$@"; do
		grep -m 1 "^$name|" "$tmp/all" || { echo "make-voices: $lang has no clip $name" >&2; exit 1; }
	done >"$tmp/clips"
else
	cp "$tmp/all" "$tmp/clips"
fi
mkdir -p "$out"

if [ -n "$festival_voice" ]; then
	# One Festival process says every clip.
	{
		echo "($festival_voice)"
		while IFS='|' read -r name text; do
			printf '(utt.save.wave (SynthText "%s") "%s/%s.wav" (quote riff))\n' "$text" "$tmp" "$name"
		done <"$tmp/clips"
	} >"$tmp/say.scm"
	festival --batch "$tmp/say.scm"
else
	while IFS='|' read -r name text; do
		espeak-ng -v "$espeak_voice" -s 150 -w "$tmp/$name.wav" "$text"
	done <"$tmp/clips"
fi

# espeak-ng's clips are gently compressed (2:1 above -12 dBFS) first: its
# plosive peaks left a few clips, peak-normalized, over 3 dB quieter than
# the rest (the app raises a clip to the tones' loudness only as far as
# its peak allows).
compress=""
if [ -z "$festival_voice" ]; then
	compress="compand 0.002,0.05 6:-60,-60,-12,-12,0,-6 0 -90 0.002"
fi
if [ $# -eq 0 ]; then
	rm -f "$out"/*.ogg
fi
while IFS='|' read -r name text; do
	# shellcheck disable=SC2086 # $compress is several words, or none
	sox "$tmp/$name.wav" -r 44100 -c 1 -C 3 "$out/$name.ogg" $compress \
		silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse gain -n -1
done <"$tmp/clips"

ls "$out"/*.ogg | wc -l
du -ch "$out"/*.ogg | tail -n 1
