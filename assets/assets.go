// Package assets holds the files shipped inside the binary: the routines, the icon and the voice clips.
package assets

import _ "embed"

// RoutineTOML is the default twelve-move routine.
//
//go:embed routine.toml
var RoutineTOML []byte

// Big3TOML is McGill's Big 3, the quick routine for bad days.
//
//go:embed big3.toml
var Big3TOML []byte
