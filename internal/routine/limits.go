package routine

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Limits on what a routine file may hold, so that everything it says fits
// the window and the spoken prompts, and a hostile file is refused fast.
const (
	MaxDepth     = 8    // nesting of [ ] and { } in the file (a routine needs 3)
	MaxKeyParts  = 8    // dotted parts of one key or table header (a routine needs 1)
	MaxNameLen   = 60   // characters in the routine's and a move's name
	MaxIDLen     = 40   // characters in a move id
	MaxTextLen   = 500  // characters in about, easier and each step
	MaxSteps     = 12   // steps of one move
	MaxSets      = 20   // sets of one move (entries of reps)
	MaxLevels    = 12   // levels of one move ([[move.level]] tables)
	MaxTotalReps = 3000 // reps of the whole routine, every set of every move
)

// MaxKeys is the most key parts a routine file can need, counting each
// dotted part and table header: the routine's keys, and MaxMoves moves
// each with every key a move with levels may have (a [[move]] header, its
// keys but the dose's and "level") and MaxLevels levels, each a
// [[move.level]] header (two parts) and every key of a level but one of
// hold and tempo (they exclude each other). CheckShape refuses more.
const MaxKeys = len(topKeys) - 1 + MaxMoves*(1+len(moveKeys)-len(doseKeys)-1+MaxLevels*(2+len(levelKeys)-1))

// length checks that the text s of key is at most limit characters.
func (f *fields) length(key, what, s string, limit int) bool {
	if n := utf8.RuneCountInString(s); n > limit {
		f.errf(key, "%s is too long (%d characters; the limit is %d)", what, n, limit)
		return false
	}
	return true
}

// oneLine checks that the name s of key holds no control character (C0
// such as NUL, TAB, a line break or ESC, DEL, or C1): a name is shown on
// one line, spoken and listed, and such characters garble all three.
func (f *fields) oneLine(key, s string) {
	for i, r := range []rune(s) {
		if unicode.IsControl(r) {
			f.errf(key, "%s holds a control character (%U at character %d); a name is one line of plain text", key, r, i+1)
			return
		}
	}
}

// textLimits checks the lengths of a move's texts, and its name's
// characters.
func (f *fields) textLimits(mv *Move) {
	f.length("name", "name", mv.Name, MaxNameLen)
	f.oneLine("name", mv.Name)
	f.length("about", "about", mv.About, MaxTextLen)
	f.length("easier", "easier", mv.Easier, MaxTextLen)
	if len(mv.Steps) > MaxSteps {
		f.errf("steps", "steps has %d entries; the limit is %d", len(mv.Steps), MaxSteps)
	}
	for i, s := range mv.Steps {
		f.length("steps", fmt.Sprintf("steps: entry %d", i+1), s, MaxTextLen)
	}
}

// totalReps counts the reps of every set of every move, each move at its
// level with the most reps (so that no choice of levels passes the limit).
func totalReps(r *Routine) int {
	n := 0
	for _, m := range r.Moves {
		most := 0
		for k := 1; k <= m.LevelCount(); k++ {
			reps := 0
			for _, x := range m.AtLevel(k).Reps {
				reps += x
			}
			most = max(most, reps)
		}
		n += most
	}
	return n
}
