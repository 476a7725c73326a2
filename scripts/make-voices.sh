#!/bin/sh
# make-voices.sh regenerates the spoken prompts embedded in the binary
# (assets/voice/*.ogg): one "Next: <move>" clip per move of the two shipped
# routines plus the generic words. It needs espeak-ng and sox.
#
# Format: OGG Vorbis, mono, 22.05 kHz (decoded with jfreymuth/oggvorbis at
# its own rate and channel count; the app
# resamples to 44.1 kHz at load time). Keep the clip names in sync with
# internal/cue/voice.go (shippedNames and genericClips).
#
# Usage: scripts/make-voices.sh [OUTDIR]   (default assets/voice)
set -eu

out=${1:-assets/voice}
voice=${VOICE:-en-us}   # espeak-ng voice
speed=${SPEED:-150}     # words per minute: calm, clear
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# say NAME TEXT: speak TEXT into $out/NAME.ogg, trimmed of leading and
# trailing silence.
say() {
	espeak-ng -v "$voice" -s "$speed" -w "$tmp/$1.wav" "$2"
	sox "$tmp/$1.wav" -r 22050 -c 1 -C 0 "$out/$1.ogg" \
		silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse
}

# The spoken text spells acronyms and drops hyphens ("QL" -> "Q L").
say next-overhead-band-stretch       "Next: Overhead Band Stretch"
say next-psoas-march                 "Next: Psoas March"
say next-w-rows                      "Next: W rows"
say next-ql-hang-stretch             "Next: Q L Hang Stretch"
say next-high-plank                  "Next: High Plank"
say next-self-decompression          "Next: Self Decompression"
say next-glute-bridge                "Next: Glute Bridge"
say next-mcgill-curl-up              "Next: McGill Curl Up"
say next-pause-goblet-squat          "Next: Pause Goblet Squat"
say next-side-planks                 "Next: Side Planks"
say next-bird-dogs                   "Next: Bird Dogs"
say next-staggered-hip-hinge-stretch "Next: Staggered Hip Hinge Stretch"

say left-side    "left side"
say right-side   "right side"
say switch-sides "switch sides"
say rest         "rest"
say last-set     "last set"
say halfway      "halfway"
say done         "done, well done"

du -ch "$out"/*.ogg | tail -n 1
