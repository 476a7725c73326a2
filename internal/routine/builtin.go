package routine

import (
	"fmt"

	"spineroutine/assets"
)

// Default returns the default twelve-move routine embedded in the binary,
// with Source "default". Each call returns a fresh copy.
func Default() *Routine { return mustParse("default", assets.RoutineTOML) }

// Big3 returns McGill's Big 3, the short routine for bad days, embedded in
// the binary, with Source "big3". Each call returns a fresh copy.
func Big3() *Routine { return mustParse("big3", assets.Big3TOML) }

// mustParse parses an embedded routine; it panics only if the file shipped
// in the binary is invalid, which the package tests rule out.
func mustParse(name string, data []byte) *Routine {
	r, err := Parse(name, data, nil) // figures: see internal/figure's tests
	if err != nil {
		panic(fmt.Sprintf("routine: embedded %s routine is invalid:\n%v", name, err))
	}
	return r
}
