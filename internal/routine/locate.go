package routine

import (
	"strconv"
	"strings"
)

// locator finds the line of a key in the raw text of a routine file, so
// that errors found after decoding can point at a line. It is not a
// parser: BurntSushi/toml has already accepted the text; the locator only
// tells statement lines (keys and table headers) from lines inside
// multi-line strings and arrays. When it cannot tell, it answers 0.
type locator struct {
	topKeys map[string]int // first line of each top-level key or table
	moves   []moveBlock    // one per [[move]] header, in order
}

// moveBlock is what the locator knows of one [[move]] table.
type moveBlock struct {
	line int            // line of the [[move]] header
	keys map[string]int // first line of each key of the move
}

// scanState is the lexical state carried from one line to the next.
type scanState struct {
	multi string // closing delimiter of the open multi-line string, or ""
	depth int    // open [ and { of a value spanning several lines
}

func newLocator(text string) *locator {
	l := &locator{topKeys: map[string]int{}}
	text = strings.TrimPrefix(text, "\ufeff")
	var st scanState
	var cur *moveBlock // move receiving keys; nil at top level or in another table
	inOther := false   // inside a table that is neither the root nor a move
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		line = strings.TrimSuffix(line, "\r")
		if st.multi != "" || st.depth > 0 {
			st.scan(line)
			continue
		}
		s := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(s, "[") {
			path, array := parseHeader(s)
			switch {
			case array && len(path) == 1 && path[0] == "move":
				l.moves = append(l.moves, moveBlock{line: n, keys: map[string]int{}})
				cur, inOther = &l.moves[len(l.moves)-1], false
			case len(path) > 1 && path[0] == "move" && cur != nil:
				// [move.sub] belongs to the last move: its key is "sub".
				setFirst(cur.keys, path[1], n)
				inOther = true
			case len(path) > 0:
				setFirst(l.topKeys, path[0], n)
				cur, inOther = nil, true
			}
			continue
		}
		key, rest, ok := parseKey(s)
		if !ok {
			st.scan(s)
			continue
		}
		switch {
		case cur != nil && !inOther:
			setFirst(cur.keys, key, n)
		case cur == nil && !inOther:
			setFirst(l.topKeys, key, n)
		}
		st.scan(rest)
	}
	return l
}

func setFirst(m map[string]int, key string, line int) {
	if _, ok := m[key]; !ok {
		m[key] = line
	}
}

// top is the line of a top-level key, or 0.
func (l *locator) top(key string) int { return l.topKeys[key] }

// move is the line of the header of move i (0-based), or 0.
func (l *locator) move(i int) int {
	if i < 0 || i >= len(l.moves) {
		return 0
	}
	return l.moves[i].line
}

// moveKey is the line of key in move i, or the move's header line when the
// key cannot be found.
func (l *locator) moveKey(i int, key string) int {
	if i < 0 || i >= len(l.moves) {
		return 0
	}
	if n, ok := l.moves[i].keys[key]; ok {
		return n
	}
	return l.moves[i].line
}

// scan follows strings, comments and brackets through one line of value
// text, updating the state for the next line.
func (st *scanState) scan(s string) {
	for i := 0; i < len(s); {
		if st.multi != "" {
			if st.multi == `"""` && s[i] == '\\' {
				i += 2
				continue
			}
			if strings.HasPrefix(s[i:], st.multi) {
				i += 3
				// Up to two quotes may stand just before the closing three.
				for extra := 0; extra < 2 && i < len(s) && s[i] == st.multi[0]; extra++ {
					i++
				}
				st.multi = ""
				continue
			}
			i++
			continue
		}
		switch c := s[i]; c {
		case '#':
			return
		case '"', '\'':
			if q := strings.Repeat(string(c), 3); strings.HasPrefix(s[i:], q) {
				st.multi = q
				i += 3
				continue
			}
			i = skipString(s, i) + 1
			continue
		case '[', '{':
			st.depth++
		case ']', '}':
			if st.depth > 0 {
				st.depth--
			}
		}
		i++
	}
}

// skipString returns the index of the quote closing the one-line string
// that opens at s[i], or len(s) when it is not closed.
func skipString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q == '"' && s[j] == '\\':
			j++
		case s[j] == q:
			return j
		}
	}
	return len(s)
}

// parseKey reads the (possibly dotted) key that starts a statement line and
// returns its first part and the text after the '='.
func parseKey(s string) (first, rest string, ok bool) {
	parts, rest := keyParts(s)
	rest = strings.TrimLeft(rest, " \t")
	if len(parts) == 0 || !strings.HasPrefix(rest, "=") {
		return "", "", false
	}
	return parts[0], rest[1:], true
}

// parseHeader reads a table header line: "[a.b]" or "[[a.b]]".
func parseHeader(s string) (path []string, array bool) {
	s = strings.TrimPrefix(s, "[")
	if strings.HasPrefix(s, "[") {
		array = true
		s = s[1:]
	}
	path, rest := keyParts(s)
	if !strings.HasPrefix(strings.TrimLeft(rest, " \t"), "]") {
		return nil, false
	}
	return path, array
}

// keyParts reads dot-separated key parts (bare, "basic" or 'literal') from
// the start of s and returns them with the text that follows.
func keyParts(s string) (parts []string, rest string) {
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return parts, s
		}
		var part string
		switch s[0] {
		case '"', '\'':
			end := skipString(s, 0)
			if end >= len(s) {
				return nil, s
			}
			part = s[1:end]
			if s[0] == '"' {
				if u, err := strconv.Unquote(s[:end+1]); err == nil {
					part = u
				}
			}
			s = s[end+1:]
		default:
			n := 0
			for n < len(s) && isBareKeyChar(s[n]) {
				n++
			}
			if n == 0 {
				return nil, s
			}
			part, s = s[:n], s[n:]
		}
		parts = append(parts, part)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return parts, s
		}
		s = s[1:]
	}
}

func isBareKeyChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
