package journal

// A decoder for the lines this package writes: a flat JSON object whose
// values are plain ASCII strings without escapes, small integers, and
// arrays of those. It is several times faster than encoding/json, which
// matters when ten years of entries are read at start-up. Anything else
// (escapes, non-ASCII text, unknown keys, null, floats, odd nesting) makes
// it give up, and the caller falls back to encoding/json; so for any input
// it either agrees with encoding/json or declines.

import "time"

// fastDecode fills e from line and reports whether it could. It parses the
// timestamp into e.at when it has the plain form this package writes.
func fastDecode(line []byte, e *event, intern *interner) bool {
	p := fastParser{b: line, intern: intern}
	p.space()
	if !p.byte('{') {
		return false
	}
	p.space()
	if p.byte('}') {
		return p.end()
	}
	for {
		key, ok := p.rawString()
		if !ok {
			return false
		}
		p.space()
		if !p.byte(':') {
			return false
		}
		p.space()
		if !p.field(key, e) {
			return false
		}
		p.space()
		if p.byte(',') {
			p.space()
			continue
		}
		if p.byte('}') {
			return p.end()
		}
		return false
	}
}

type fastParser struct {
	b      []byte
	i      int
	intern *interner
}

// interner shares the strings that repeat from line to line (move ids,
// session ids, days) and the zones of timestamps, while one file is read.
type interner struct {
	strs  map[string]string
	zones map[int]*time.Location
}

func newInterner() *interner {
	return &interner{strs: make(map[string]string), zones: make(map[int]*time.Location)}
}

func (in *interner) str(b []byte) string {
	if s, ok := in.strs[string(b)]; ok { // no allocation for the lookup
		return s
	}
	if len(in.strs) >= 1024 {
		clear(in.strs) // repeats are mostly close together
	}
	s := string(b)
	in.strs[s] = s
	return s
}

func (in *interner) zone(offset int) *time.Location {
	if offset == 0 {
		return time.UTC
	}
	z := in.zones[offset]
	if z == nil {
		z = time.FixedZone("", offset)
		in.zones[offset] = z
	}
	return z
}

// parseTS parses "2006-01-02T15:04:05" followed by "Z" or "±07:00", the
// form time.RFC3339 formats whole seconds in, with time.Parse's range
// checks; anything else is declined.
func (in *interner) parseTS(b []byte) (time.Time, bool) {
	const n = len("2006-01-02T15:04:05")
	if len(b) != n+1 && len(b) != n+6 {
		return time.Time{}, false
	}
	if b[4] != '-' || b[7] != '-' || b[10] != 'T' || b[13] != ':' || b[16] != ':' {
		return time.Time{}, false
	}
	num := func(i, w int) int {
		v := 0
		for _, c := range b[i : i+w] {
			if c < '0' || c > '9' {
				return -1
			}
			v = v*10 + int(c-'0')
		}
		return v
	}
	y, mo, d, h, mi, sec := num(0, 4), num(5, 2), num(8, 2), num(11, 2), num(14, 2), num(17, 2)
	if y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, time.Month(mo)) ||
		h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59 {
		return time.Time{}, false
	}
	off := 0
	switch {
	case len(b) == n+1 && b[n] == 'Z':
	case len(b) == n+6 && (b[n] == '+' || b[n] == '-') && b[n+3] == ':':
		oh, om := num(n+1, 2), num(n+4, 2)
		if oh < 0 || oh > 23 || om < 0 || om > 59 {
			return time.Time{}, false
		}
		off = (oh*60 + om) * 60
		if b[n] == '-' {
			off = -off
		}
	default:
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, in.zone(off)), true
}

func (p *fastParser) space() {
	for p.i < len(p.b) {
		switch p.b[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *fastParser) byte(c byte) bool {
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *fastParser) end() bool {
	p.space()
	return p.i == len(p.b)
}

// rawString reads a string of printable ASCII without escapes and returns
// its bytes (not copied).
func (p *fastParser) rawString() ([]byte, bool) {
	if !p.byte('"') {
		return nil, false
	}
	start := p.i
	for p.i < len(p.b) {
		c := p.b[p.i]
		switch {
		case c == '"':
			s := p.b[start:p.i]
			p.i++
			return s, true
		case c == '\\' || c < 0x20 || c >= 0x80:
			return nil, false
		}
		p.i++
	}
	return nil, false
}

func (p *fastParser) str() (string, bool) {
	b, ok := p.rawString()
	if !ok {
		return "", false
	}
	return p.intern.str(b), true
}

// int reads an integer of at most nine digits, written as JSON writes it.
func (p *fastParser) int() (int, bool) {
	neg := p.byte('-')
	start := p.i
	n := 0
	for p.i < len(p.b) && p.b[p.i] >= '0' && p.b[p.i] <= '9' {
		n = n*10 + int(p.b[p.i]-'0')
		p.i++
	}
	digits := p.i - start
	if digits == 0 || digits > 9 || (digits > 1 && p.b[start] == '0') {
		return 0, false
	}
	if p.i < len(p.b) {
		switch p.b[p.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	return n, true
}

// bool reads true or false.
func (p *fastParser) bool() (bool, bool) {
	for _, w := range []string{"true", "false"} {
		if len(p.b)-p.i >= len(w) && string(p.b[p.i:p.i+len(w)]) == w {
			p.i += len(w)
			return w == "true", true
		}
	}
	return false, false
}

func (p *fastParser) strings() ([]string, bool) {
	if !p.byte('[') {
		return nil, false
	}
	out := []string{}
	p.space()
	if p.byte(']') {
		return out, true
	}
	for {
		s, ok := p.str()
		if !ok {
			return nil, false
		}
		out = append(out, s)
		p.space()
		if p.byte(']') {
			return out, true
		}
		if !p.byte(',') {
			return nil, false
		}
		p.space()
	}
}

func (p *fastParser) ints() ([]int, bool) {
	if !p.byte('[') {
		return nil, false
	}
	out := []int{}
	p.space()
	if p.byte(']') {
		return out, true
	}
	for {
		n, ok := p.int()
		if !ok {
			return nil, false
		}
		out = append(out, n)
		p.space()
		if p.byte(']') {
			return out, true
		}
		if !p.byte(',') {
			return nil, false
		}
		p.space()
	}
}

// field reads the value of key into e; unknown keys decline.
func (p *fastParser) field(key []byte, e *event) bool {
	var ok bool
	intp := func(slot int) *int {
		e.ints[slot], ok = p.int()
		return &e.ints[slot]
	}
	switch string(key) {
	case "v":
		e.V, ok = p.int()
	case "ts":
		var b []byte
		if b, ok = p.rawString(); ok {
			e.TS = ""
			if e.at, e.atOK = p.intern.parseTS(b); !e.atOK {
				e.TS = string(b)
			}
		}
	case "day":
		e.Day, ok = p.str()
	case "kind":
		var s string
		s, ok = p.str()
		e.Kind = Kind(s)
	case "move":
		e.Move, ok = p.str()
	case "src":
		var s string
		s, ok = p.str()
		e.Src = Source(s)
	case "session":
		e.Session, ok = p.str()
	case "reason":
		e.Reason, ok = p.str()
	case "when":
		var s string
		s, ok = p.str()
		e.When = When(s)
	case "pain":
		e.Pain = intp(0)
	case "routine":
		e.Routine, ok = p.str()
	case "moves":
		e.Moves, ok = p.strings()
	case "step":
		e.Step = intp(1)
	case "set":
		e.Set = intp(2)
	case "lines":
		e.Lines, ok = p.ints()
	case "side":
		e.Side, ok = p.str()
	case "level":
		e.Level = intp(3)
	case "today":
		e.Today, ok = p.bool()
	case "flag":
		e.Flag, ok = p.str()
	case "text":
		var b []byte
		if b, ok = p.rawString(); ok {
			e.Text = string(b) // one a day: not worth interning
		}
	case "activity":
		e.Activity, ok = p.str()
	case "score":
		e.Score = intp(4)
	}
	return ok
}
