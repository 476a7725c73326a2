package routine

import (
	"fmt"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
)

// Default returns the default twelve-move routine embedded in the binary,
// in English, with Source "default". Each call returns a fresh copy.
func Default() *Routine { return mustParse("default", assets.RoutineTOML) }

// Big3 returns McGill's Big 3, the short routine for bad days, embedded in
// the binary, in English, with Source "big3". Each call returns a fresh
// copy.
func Big3() *Routine { return mustParse("big3", assets.Big3TOML) }

// DefaultIn returns the default routine with its words in lang (see
// Languages): the same moves, ids and doses as Default, its names and
// texts from the language's overlay. A language without one gives the
// English routine.
func DefaultIn(lang i18n.Lang) *Routine { return mustLang(Default(), lang) }

// Big3In returns the Big 3 with its words in lang, as DefaultIn.
func Big3In(lang i18n.Lang) *Routine { return mustLang(Big3(), lang) }

// mustParse parses an embedded routine; it panics only if the file shipped
// in the binary is invalid, which the package tests rule out.
func mustParse(name string, data []byte) *Routine {
	r, err := Parse(name, data, nil) // figures: see internal/figure's tests
	if err != nil {
		panic(fmt.Sprintf("routine: embedded %s routine is invalid:\n%v", name, err))
	}
	return r
}

// mustLang returns r, an embedded English routine, with the words of lang;
// it panics only if the overlay shipped in the binary does not fit r,
// which the package tests rule out.
func mustLang(r *Routine, lang i18n.Lang) *Routine {
	w := mustWords(lang)
	if w == nil {
		return r
	}
	t, err := w.apply(wordsFile(lang), r)
	if err != nil {
		panic(fmt.Sprintf("routine: embedded words of %q do not fit the %s routine:\n%v", lang, r.Source, err))
	}
	return t
}
