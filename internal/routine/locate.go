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
	topKeys map[string]int          // first line of each top-level key or table
	tables  map[string][]tableLines // one per [[name]] header, in order, by name
}

// tableLines is what the locator knows of one [[name]] table.
type tableLines struct {
	line int            // line of the header
	keys map[string]int // first line of each key of the table
	// subs are the [[name.sub]] tables of this table, in order, by sub.
	subs map[string][]tableLines
}

// scanState is the lexical state carried from one line to the next.
type scanState struct {
	multi string // closing delimiter of the open multi-line string, or ""
	depth int    // open [ and { of a value spanning several lines
}

func newLocator(text string) *locator {
	l := &locator{topKeys: map[string]int{}, tables: map[string][]tableLines{}}
	text = strings.TrimPrefix(text, "\ufeff")
	var st scanState
	var cur *tableLines // [[table]] receiving keys; nil at top level or in another table
	curName := ""       // name of that [[table]]
	var sub *tableLines // [[table.sub]] of cur receiving keys, or nil
	inOther := false    // inside a table that is neither the root nor an array table
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
			case array && len(path) == 1:
				name := path[0]
				l.tables[name] = append(l.tables[name], tableLines{line: n, keys: map[string]int{}})
				cur, curName, inOther, sub = &l.tables[name][len(l.tables[name])-1], name, false, nil
			case array && len(path) == 2 && path[0] == curName && cur != nil:
				// [[move.level]] is a table of the last move, listed
				// under "level"; its keys are its own.
				setFirst(cur.keys, path[1], n)
				if cur.subs == nil {
					cur.subs = map[string][]tableLines{}
				}
				list := append(cur.subs[path[1]], tableLines{line: n, keys: map[string]int{}})
				cur.subs[path[1]] = list
				sub, inOther = &list[len(list)-1], false
			case len(path) > 1 && path[0] == curName && cur != nil:
				// [move.sub] belongs to the last move: its key is "sub".
				setFirst(cur.keys, path[1], n)
				inOther, sub = true, nil
			case len(path) > 0:
				setFirst(l.topKeys, path[0], n)
				cur, inOther, sub = nil, true, nil
			}
			continue
		}
		key, rest, ok := parseKey(s)
		if !ok {
			st.scan(s)
			continue
		}
		switch {
		case sub != nil && !inOther:
			setFirst(sub.keys, key, n)
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
func (l *locator) move(i int) int { return l.header("move", i) }

// moveKey is the line of key in move i, or the move's header line when the
// key cannot be found.
func (l *locator) moveKey(i int, key string) int { return l.key("move", i, key) }

// levels is the number of [[move.level]] headers of move i (0-based).
func (l *locator) levels(i int) int {
	if i < 0 || i >= len(l.tables["move"]) {
		return 0
	}
	return len(l.tables["move"][i].subs["level"])
}

// level is the line of the header of level k (0-based) of move i, or 0.
func (l *locator) level(i, k int) int {
	if i < 0 || i >= len(l.tables["move"]) {
		return 0
	}
	if subs := l.tables["move"][i].subs["level"]; k >= 0 && k < len(subs) {
		return subs[k].line
	}
	return 0
}

// levelKey is the line of key in level k of move i, or the level's
// header line when the key cannot be found.
func (l *locator) levelKey(i, k int, key string) int {
	if i < 0 || i >= len(l.tables["move"]) {
		return 0
	}
	subs := l.tables["move"][i].subs["level"]
	if k < 0 || k >= len(subs) {
		return 0
	}
	if n, ok := subs[k].keys[key]; ok {
		return n
	}
	return subs[k].line
}

// header is the line of the i-th (0-based) [[table]] header, or 0.
func (l *locator) header(table string, i int) int {
	if i < 0 || i >= len(l.tables[table]) {
		return 0
	}
	return l.tables[table][i].line
}

// key is the line of key in the i-th [[table]], or the table's header line
// when the key cannot be found.
func (l *locator) key(table string, i int, key string) int {
	if i < 0 || i >= len(l.tables[table]) {
		return 0
	}
	if n, ok := l.tables[table][i].keys[key]; ok {
		return n
	}
	return l.tables[table][i].line
}

// Lines finds the lines of the keys of a TOML text, for the messages of
// other data files read like routines (the pose library). It works on text
// that BurntSushi/toml has accepted.
type Lines struct{ l *locator }

// FindLines scans a TOML text for its keys and [[table]] headers.
func FindLines(text string) Lines { return Lines{newLocator(text)} }

// Top is the line of a top-level key or table, or 0.
func (x Lines) Top(key string) int { return x.l.top(key) }

// Header is the line of the i-th (0-based) [[table]] header, or 0.
func (x Lines) Header(table string, i int) int { return x.l.header(table, i) }

// Key is the line of key in the i-th [[table]], or the header's line when
// the key is not found there.
func (x Lines) Key(table string, i int, key string) int { return x.l.key(table, i, key) }

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

// Number converts a number decoded from TOML (int64 or float64) to
// float64, for other data files read like routines; ok is false for any
// other value.
func Number(v any) (float64, bool) { return number(v) }
