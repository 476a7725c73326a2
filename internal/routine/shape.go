package routine

import (
	"fmt"
	"strings"
)

// CheckShape refuses TOML text whose size or shape would cost the TOML
// decoder seconds and gigabytes, before the decoder sees it: more than
// MaxFileSize bytes, [ ] and { } nested deeper than MaxDepth, or a key or
// table header of more than MaxKeyParts dotted parts (the decoder's cost
// grows with the square of a key's parts: 20 000 parts took 3 s and
// 480 MB). It scans the text once, outside strings and comments, and
// returns the line of the first problem and what it is, or 0 and "".
// Every TOML file the app reads goes through it.
func CheckShape(text string) (line int, msg string) {
	if len(text) > MaxFileSize {
		return 0, tooBig(int64(len(text)))
	}
	s := shapeScan{line: 1, lineStart: true}
	for i := 0; i < len(text); i++ {
		c := text[i]
		if s.lineStart {
			if c == ' ' || c == '\t' || c == '\r' {
				continue
			}
			s.lineStart = false
			if c == '[' {
				// A table header: its parts are a key's.
				s.header = true
				if !s.startKey() {
					return s.line, tooManyKeys()
				}
			} else if c != '\n' && c != '#' && !s.startKey() {
				return s.line, tooManyKeys()
			}
		}
		switch c {
		case '\n':
			s.line++
			s.key = false
			s.lineStart = len(s.open) == 0
		case '#':
			for i+1 < len(text) && text[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			// A string, or a quoted part of a key (its dots are its own).
			delim := string(c)
			if strings.HasPrefix(text[i:], strings.Repeat(delim, 3)) {
				delim = strings.Repeat(delim, 3)
			}
			end := closing(text, i+len(delim), delim)
			s.line += strings.Count(text[i:end], "\n")
			i = end - 1
		case '.':
			if s.key {
				if s.parts++; s.parts > MaxKeyParts {
					return s.line, tooManyParts()
				}
				if s.keys++; s.keys > MaxKeys {
					return s.line, tooManyKeys()
				}
			}
		case '=':
			s.key = false
		case '[', '{':
			if s.depth++; s.depth > MaxDepth {
				return s.line, tooDeep()
			}
			if s.header {
				continue // the second [ of [[table]]
			}
			s.open = append(s.open, c)
			// An inline table starts with a key; an array with a value.
			s.key = false
			if c == '{' && !s.startKey() {
				return s.line, tooManyKeys()
			}
		case ']', '}':
			s.depth = max(s.depth-1, 0)
			if s.header {
				s.header, s.key = false, false
				continue
			}
			if n := len(s.open); n > 0 {
				s.open = s.open[:n-1]
			}
			s.key = false
		case ',':
			// The next key of an inline table; in an array, a value.
			if n := len(s.open); n > 0 && s.open[n-1] == '{' && !s.startKey() {
				return s.line, tooManyKeys()
			}
		}
	}
	return 0, ""
}

// shapeScan is where CheckShape stands in the text.
type shapeScan struct {
	line      int
	depth     int    // open [ and { (a table header's included)
	open      []byte // the open arrays and inline tables, innermost last
	lineStart bool   // before the first character of a line outside any value
	header    bool   // inside a table header
	key       bool   // inside a key (or header), before its = (or ])
	parts     int    // dotted parts of the key so far
	keys      int    // key parts of the text so far
}

// startKey notes the start of a key, and reports whether the text still
// has no more than MaxKeys key parts.
func (s *shapeScan) startKey() bool {
	s.key, s.parts = true, 1
	s.keys++
	return s.keys <= MaxKeys
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

// tooManyParts is the message for a key or header of more than
// MaxKeyParts dotted parts.
func tooManyParts() string {
	return fmt.Sprintf("key or table header with too many dotted parts (more than %d, as in a.b.c; a routine needs 1)", MaxKeyParts)
}

// tooManyKeys is the message for more than MaxKeys key parts.
func tooManyKeys() string {
	return fmt.Sprintf("too many keys (more than %d, counting each dotted part and table header: "+
		"a routine of %d moves, each with every key and %d levels, needs no more)", MaxKeys, MaxMoves, MaxLevels)
}
