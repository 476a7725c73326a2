package routine

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what a routine file may hold, so that everything it says fits
// the window and the spoken prompts, and a hostile file is refused fast.
const (
	MaxDepth     = 8    // nesting of [ ] and { } in the file (a routine needs 3)
	MaxNameLen   = 60   // characters in the routine's and a move's name
	MaxIDLen     = 40   // characters in a move id
	MaxTextLen   = 500  // characters in about, easier and each step
	MaxSteps     = 12   // steps of one move
	MaxSets      = 20   // sets of one move (entries of reps)
	MaxLevels    = 12   // levels of one move ([[move.level]] tables)
	MaxTotalReps = 3000 // reps of the whole routine, every set of every move
)

// checkNesting scans the raw text for [ ] and { } nested deeper than
// MaxDepth, outside strings and comments, before the TOML decoder sees it
// (deep nesting costs the decoder seconds and gigabytes). It returns the
// line of the first bracket too deep, or 0.
func checkNesting(text string) (line int) {
	line = 1
	depth := 0
	for i := 0; i < len(text); i++ {
		switch c := text[i]; c {
		case '\n':
			line++
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			delim := string(c)
			if strings.HasPrefix(text[i:], strings.Repeat(delim, 3)) {
				delim = strings.Repeat(delim, 3)
			}
			end := closing(text, i+len(delim), delim)
			line += strings.Count(text[i:end], "\n")
			i = end - 1
		case '[', '{':
			if depth++; depth > MaxDepth {
				return line
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return 0
}

// closing returns the index just after the delimiter that closes a string
// opened before from; backslash escapes count in basic strings (") only.
// An unclosed string runs to the end of its line (a single-line string)
// or of the text.
func closing(text string, from int, delim string) int {
	escapes := delim[0] == '"'
	for i := from; i < len(text); i++ {
		switch {
		case escapes && text[i] == '\\':
			i++
		case len(delim) == 1 && text[i] == '\n':
			return i
		case strings.HasPrefix(text[i:], delim):
			// A multi-line string may end with up to two more quotes.
			end := i + len(delim)
			for n := 0; n < 2 && len(delim) == 3 && end < len(text) && text[end] == delim[0]; n++ {
				end++
			}
			return end
		}
	}
	return len(text)
}

// tooDeep is the message for nesting deeper than MaxDepth.
func tooDeep() string {
	return fmt.Sprintf("brackets nested too deep (more than %d levels of [ ] and { }; a routine needs 3)", MaxDepth)
}

// length checks that the text s of key is at most limit characters.
func (f *fields) length(key, what, s string, limit int) bool {
	if n := utf8.RuneCountInString(s); n > limit {
		f.errf(key, "%s is too long (%d characters; the limit is %d)", what, n, limit)
		return false
	}
	return true
}

// textLimits checks the lengths of a move's texts.
func (f *fields) textLimits(mv *Move) {
	f.length("name", "name", mv.Name, MaxNameLen)
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
