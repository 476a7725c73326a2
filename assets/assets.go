// Package assets holds the files shipped inside the binary: the routines, the icon and the voice clips.
package assets

import "embed"

// RoutineTOML is the default twelve-move routine.
//
//go:embed routine.toml
var RoutineTOML []byte

// Big3TOML is McGill's Big 3, the quick routine for bad days.
//
//go:embed big3.toml
var Big3TOML []byte

// Voice holds the spoken prompts, voice/*.ogg (OGG Vorbis, mono, 22.05 kHz),
// made by scripts/make-voices.sh: "next-<move id>" for every move of the two
// shipped routines and the generic words (left-side, right-side,
// switch-sides, rest, last-set, halfway, done).
//
//go:embed voice
var Voice embed.FS

// PosesTOML is the pose library: the key poses of the figures drawn for
// the moves (see internal/figure).
//
//go:embed poses.toml
var PosesTOML []byte
