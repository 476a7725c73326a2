package routine

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"

	"spineroutine/assets"
	"spineroutine/internal/i18n"
)

// The words of the built-in routines in another language live in one
// overlay file per language, assets/routines.<lang>.toml: only words, no
// dose, keyed by move id, so that a translator has one file to write and
// the Big 3's moves (the default routine's, word for word) are translated
// once.
//
//	copy_suffix = " (meine Kopie)"     # ends the name of an edited copy
//
//	[names]                            # the routines' names, by Source
//	default = "Tägliche Rückenroutine"
//	big3 = "McGill Big 3 (...)"
//
//	[focus]                            # the words of the focus values
//	mobility = "Mobilität"
//	...
//
//	[move.bird-dogs]                   # one table per move id
//	name = "Bird-Dog"
//	about = "..."
//	steps = ["...", "..."]             # as many as in English
//	easier = "..."
//
// Level notes are comments of the English files, never shown: overlays
// have none.

// words is one overlay file, decoded.
type words struct {
	CopySuffix string               `toml:"copy_suffix"`
	Names      map[string]string    `toml:"names"`
	Focus      map[string]string    `toml:"focus"`
	Moves      map[string]moveWords `toml:"move"`

	data []byte // the file's text, for the lines of problems
}

// moveWords are the words of one move.
type moveWords struct {
	Name   string   `toml:"name"`
	About  string   `toml:"about"`
	Steps  []string `toml:"steps"`
	Easier string   `toml:"easier"`
}

// wordsFile is the overlay file of lang.
func wordsFile(lang i18n.Lang) string { return "routines." + string(lang) + ".toml" }

// Languages lists the languages the built-in routines are written in:
// English (the routine files themselves) first, then those of the overlay
// files, sorted.
func Languages() []i18n.Lang {
	names, err := fs.Glob(assets.RoutineWords, "routines.*.toml")
	if err != nil { // only a malformed pattern fails
		panic(err)
	}
	var more []string
	for _, n := range names {
		more = append(more, strings.TrimSuffix(strings.TrimPrefix(n, "routines."), ".toml"))
	}
	sort.Strings(more)
	out := []i18n.Lang{i18n.English}
	for _, l := range more {
		out = append(out, i18n.Lang(l))
	}
	return out
}

// loadWords reads the overlay of lang; ok is false when lang has none
// (English, an unknown language).
func loadWords(lang i18n.Lang) (w *words, ok bool, err error) {
	if lang == i18n.English || lang == "" || strings.ContainsAny(string(lang), "/.*?[\\") {
		return nil, false, nil
	}
	name := wordsFile(lang)
	data, err := fs.ReadFile(assets.RoutineWords, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("routine words: %w", err)
	}
	w, err = parseWords(name, data)
	return w, err == nil, err
}

// parseWords decodes an overlay file, refusing keys it does not know.
func parseWords(name string, data []byte) (*words, error) {
	var w words
	md, err := toml.Decode(string(data), &w)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, Errors{&Error{File: name, Line: pe.Position.Line, Msg: pe.Message}}
		}
		return nil, Errors{&Error{File: name, Msg: err.Error()}}
	}
	var errs Errors
	for _, k := range md.Undecoded() {
		e := &Error{File: name, Msg: fmt.Sprintf("unknown key %q", k.String())}
		if len(k) >= 2 && k[0] == "move" {
			e.Move, e.Line = k[1], lineOf(data, "[move."+k[1]+"]")
		}
		errs = append(errs, e)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	w.data = data
	return &w, nil
}

// lineOf is the 1-based line of the first line of data that is s, 0 when
// none is.
func lineOf(data []byte, s string) int {
	for i, l := range bytes.Split(data, []byte("\n")) {
		if string(bytes.TrimSpace(l)) == s {
			return i + 1
		}
	}
	return 0
}

// apply returns a copy of r (an English built-in routine, whose Source
// names it in [names]) with the words of w: the routine's name and each
// move's name, about, steps and easier variant. Doses, ids and order are
// r's. It fails when a move of r has no words, misses a text English has,
// or has another number of steps.
func (w *words) apply(file string, r *Routine) (*Routine, error) {
	c := *r
	var errs Errors
	fail := func(move, field, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: lineOf(w.data, "[move."+move+"]"), Move: move, Field: field,
			Msg: fmt.Sprintf(format, args...)})
	}
	if n := w.Names[r.Source]; n != "" {
		c.Name = n
	} else {
		fail("", "names", "names has no name for the routine %q", r.Source)
	}
	move := func(m Move) Move {
		t, ok := w.Moves[m.ID]
		if !ok {
			fail(m.ID, "", "no words for the move %q", m.ID)
			return m
		}
		for _, f := range []struct{ key, en, tr string }{
			{"name", m.Name, t.Name}, {"about", m.About, t.About}, {"easier", m.Easier, t.Easier},
		} {
			if f.en != "" && f.tr == "" {
				fail(m.ID, f.key, "%s is missing (English: %q)", f.key, f.en)
			}
		}
		if len(t.Steps) != len(m.Steps) {
			fail(m.ID, "steps", "steps has %d entries; English has %d", len(t.Steps), len(m.Steps))
		}
		m.Name, m.About, m.Easier = t.Name, t.About, t.Easier
		m.Steps = append([]string(nil), t.Steps...)
		return m
	}
	c.mapMoves(move)
	if len(errs) > 0 {
		return nil, errs
	}
	return &c, nil
}

// mustWords is the overlay of lang, nil for none; it panics only if the
// file shipped in the binary is invalid, which the package tests rule out.
func mustWords(lang i18n.Lang) *words {
	w, _, err := loadWords(lang)
	if err != nil {
		panic(fmt.Sprintf("routine: embedded words of %q are invalid:\n%v", lang, err))
	}
	return w
}

// FocusName is the word for f in lang: the focus value itself in English
// and in a language without an overlay or a word for it.
func FocusName(f Focus, lang i18n.Lang) string {
	if w := mustWords(lang); w != nil && w.Focus[string(f)] != "" {
		return w.Focus[string(f)]
	}
	return string(f)
}

// CopySuffix ends the name of the copy saved when a built-in routine is
// edited, in lang: " (my copy)" in English and in a language without an
// overlay.
func CopySuffix(lang i18n.Lang) string {
	if w := mustWords(lang); w != nil && w.CopySuffix != "" {
		return w.CopySuffix
	}
	return englishCopySuffix
}

// englishCopySuffix is CopySuffix in English.
const englishCopySuffix = " (my copy)"
