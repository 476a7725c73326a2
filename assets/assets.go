// Package assets holds the files shipped inside the binary: the routines, the icon, the voice clips and
// the third-party licences.
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

// RoutineWords holds the words of the two routines above in the other
// languages, routines.<lang>.toml ("de", "es", "fr"): per move id its name,
// about, steps and easier variant, the routines' names and the focus
// words, merged over the English files by internal/routine.
//
//go:embed routines.*.toml
var RoutineWords embed.FS

// Voice holds the spoken clips prompts are composed of (OGG Vorbis, mono,
// 44.1 kHz), made by scripts/make-voices.sh: English in voice/*.ogg
// (Festival's CMU SLT HTS voice), German, Spanish and French in
// voice/<lang>/*.ogg (espeak-ng). Each language has "move-<move id>" (the
// name) for every move of the two shipped routines, the phrases of
// lang/voice.<lang>.json (next, hold, seconds, reps, set, of, left side
// first, switch sides, rest, halfway, done...) and the number words its
// grammar composes 1-100 of (internal/cue).
//
//go:embed voice
var Voice embed.FS

// Lang holds the translations, lang/<family>.<lang>.json in go-i18n's JSON
// as Fyne's lang package reads it: "window" (the window's strings, keyed
// by their English text), "report" (the PDF report's words) and "voice"
// (the spoken prompts' phrases), one file per language of i18n.Supported.
//
//go:embed lang
var Lang embed.FS

// PosesTOML is the pose library: the key poses of the figures drawn for
// the moves (see internal/figure).
//
//go:embed poses.toml
var PosesTOML []byte

// Notices is the third-party licences of what the binary contains: the Go
// modules linked into it, the fonts Fyne embeds and the voice clips, made
// by "make notices" (scripts/make-notices.sh). The app itself is
// GPL-3.0-or-later (LICENSE).
//
//go:embed NOTICES
var Notices string
