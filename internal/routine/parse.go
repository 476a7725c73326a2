package routine

import (
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"spineroutine/internal/regfile"
)

// Load reads and validates the routine file at path, its figures against
// figs (nil: none). On failure the error is an Errors whose entries name
// path.
func Load(path string, figs Figures) (*Routine, error) {
	fail := func(msg string, err error) (*Routine, error) {
		return nil, Errors{{File: path, Msg: msg, Err: err}}
	}
	// A FIFO or a device is refused before it is opened for reading (a
	// FIFO would block until something writes to it).
	f, info, err := regfile.Open(path)
	if errors.Is(err, regfile.ErrNotRegular) {
		return fail("is "+regfile.Kind(info.Mode())+", not a routine file", nil)
	}
	if err != nil {
		return fail("cannot open: "+regfile.Cause(err), err)
	}
	defer f.Close()
	if info.Size() > MaxFileSize {
		return fail(tooBig(info.Size()), nil)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail("cannot read: "+regfile.Cause(err), err)
	}
	return Parse(path, data, figs)
}

func tooBig(size int64) string {
	return fmt.Sprintf("file is too big (%d bytes; the limit is %d bytes, %d MiB)", size, MaxFileSize, MaxFileSize>>20)
}

// Parse reads and validates a routine from the TOML text data, its
// figures against figs (nil: none). name is the file name used in error
// messages and kept as the routine's Source. On failure the error is an
// Errors listing every problem found.
func Parse(name string, data []byte, figs Figures) (*Routine, error) {
	p := &parser{file: name}
	r := p.parse(data)
	if len(p.errs) == 0 {
		r.Source = name
		p.errs = checkFigures(r, figs)
	}
	if len(p.errs) > 0 {
		return nil, p.result()
	}
	return r, nil
}

// parser collects the problems of one file.
type parser struct {
	file string
	loc  *locator
	errs Errors
}

func (p *parser) add(line, index int, move, field, format string, args ...any) {
	p.errs = append(p.errs, &Error{
		File: p.file, Line: line, Move: move, Index: index, Field: field,
		Msg: fmt.Sprintf(format, args...),
	})
}

// result sorts the problems by line and caps their number.
func (p *parser) result() Errors {
	es := p.errs
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	if len(es) > MaxErrors {
		more := len(es) - MaxErrors + 1
		es = append(es[:MaxErrors-1:MaxErrors-1], &Error{File: p.file, Msg: fmt.Sprintf("... and %d more problems", more)})
	}
	return es
}

func (p *parser) parse(data []byte) *Routine {
	if len(data) > MaxFileSize {
		p.add(0, 0, "", "", "%s", tooBig(int64(len(data))))
		return nil
	}
	if line, msg := badText(data); msg != "" {
		p.add(line, 0, "", "", "%s", msg)
		return nil
	}
	text := string(data)
	if strings.TrimSpace(strings.TrimPrefix(text, "\ufeff")) == "" {
		p.add(0, 0, "", "", "empty file")
		return nil
	}
	if line, msg := CheckShape(text); msg != "" {
		p.add(line, 0, "", "", "%s", msg)
		return nil
	}
	doc, err := decode(text)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			p.add(pe.Position.Line, 0, "", "", "%s", plainSyntax(pe.Message))
		} else {
			p.add(0, 0, "", "", "TOML: %v", err)
		}
		return nil
	}
	p.loc = newLocator(text)
	return p.routine(doc)
}

// decode parses TOML text into a generic tree. Decoding into a map rather
// than a struct lets validation report every problem at once (a struct
// decode stops at the first wrong type) and match keys exactly (struct
// fields match case-insensitively).
func decode(text string) (doc map[string]any, err error) {
	defer func() {
		// The TOML library should never panic; if it does, the file is
		// reported as unreadable rather than crashing the app.
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("cannot parse the file (%v)", r)
		}
	}()
	_, err = toml.Decode(text, &doc)
	return doc, err
}

// badText finds the first byte that cannot be in a text file: a NUL or a
// byte that is not UTF-8.
func badText(data []byte) (line int, msg string) {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			msg = fmt.Sprintf("not UTF-8 text (byte 0x%02X); save the file as UTF-8", data[i])
		case r == 0:
			msg = "not a text file (it contains a NUL byte)"
		}
		if msg != "" {
			return 1 + strings.Count(string(data[:i]), "\n"), msg
		}
		i += size
	}
	return 0, ""
}

// Keys of the file, in the order of the documentation (arrays: MaxKeys
// counts them).
var (
	topKeys  = [...]string{"name", "get_ready", "rest", "switch", "between_sets", "move"}
	moveKeys = [...]string{"id", "name", "focus", "about", "steps", "easier", "sides", "reps", "hold", "tempo", "between_reps",
		"between_sets", "rest", "off", "figure", "start_level", "top_level", "level"}
	levelKeys = [...]string{"reps", "hold", "tempo", "between_reps", "easier"}
	// doseKeys are the keys of a move's dose that its levels replace.
	doseKeys = [...]string{"reps", "hold", "tempo", "between_reps"}
)

var idPattern = regexp.MustCompile(`^[a-z0-9-]+$`)

// fields reads the values of one table (the routine or a move), reporting
// problems with the right line and move.
type fields struct {
	p     *parser
	m     map[string]any
	index int    // 1-based move index, 0 for the routine
	level int    // 1-based level of the move, 0 for the move itself
	id    string // move id once known to be usable
	line  func(key string) int
}

func (f *fields) errf(key, format string, args ...any) {
	f.p.errs = append(f.p.errs, &Error{
		File: f.p.file, Line: f.line(key), Move: f.id, Index: f.index, Level: f.level, Field: key,
		Msg: fmt.Sprintf(format, args...),
	})
}

// unknown reports the keys that are not in known, in line order.
func (f *fields) unknown(known []string) {
	var bad []string
	for k := range f.m {
		if !contains(known, k) {
			bad = append(bad, k)
		}
	}
	sort.Slice(bad, func(i, j int) bool {
		li, lj := f.line(bad[i]), f.line(bad[j])
		return li < lj || li == lj && bad[i] < bad[j]
	})
	for _, k := range bad {
		if s := suggest(k, known); s != "" {
			f.errf(k, "unknown key %s (did you mean %q?)", quote(k), s)
		} else {
			f.errf(k, "unknown key %s", quote(k))
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the known key that k probably misspells, or "".
func suggest(k string, known []string) string {
	norm := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(k)), "-", "_")
	best, bestDist := "", 3
	if len(norm) < 5 {
		bestDist = 2
	}
	for _, c := range known {
		if d := editDistance(norm, c); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between two short keys.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return len(a) + len(b)
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// quote quotes a value from the file for a message, shortened to stay
// readable in the GUI.
func quote(s string) string {
	const max = 40
	if utf8.RuneCountInString(s) > max {
		s = string([]rune(s)[:max]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// typeName names the TOML type of a decoded value in plain words.
func typeName(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case []any:
		return "a list"
	case map[string]any:
		return "a table"
	case []map[string]any:
		return "a list of tables"
	default:
		return "a date or time"
	}
}

// str reads a text value; ok is false when it is absent or wrong.
func (f *fields) str(key string, required bool) (string, bool) {
	v, present := f.m[key]
	if !present {
		if required {
			f.errf(key, "%s is missing", key)
		}
		return "", false
	}
	s, ok := v.(string)
	if !ok {
		f.errf(key, "%s must be text, not %s", key, typeName(v))
		return "", false
	}
	if required && strings.TrimSpace(s) == "" {
		f.errf(key, "%s is empty", key)
		return "", false
	}
	return s, true
}

// flag reads an optional true/false value (false when absent or wrong).
func (f *fields) flag(key string) bool {
	v, present := f.m[key]
	if !present {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		f.errf(key, "%s must be true or false, not %s", key, typeName(v))
	}
	return b
}

// texts reads a list of non-empty texts.
func (f *fields) texts(key string) []string {
	v, present := f.m[key]
	if !present {
		return nil
	}
	list, ok := v.([]any)
	if !ok {
		f.errf(key, "%s must be a list of texts, like [\"first\", \"second\"]", key)
		return nil
	}
	out := make([]string, 0, len(list))
	for i, x := range list {
		s, ok := x.(string)
		switch {
		case !ok:
			f.errf(key, "%s: entry %d must be text, not %s", key, i+1, typeName(x))
		case strings.TrimSpace(s) == "":
			f.errf(key, "%s: entry %d is empty", key, i+1)
		default:
			out = append(out, s)
		}
	}
	return out
}

// number converts a decoded TOML number to float64.
func number(v any) (float64, bool) {
	switch n := v.(type) {
	case int64:
		return float64(n), true
	case float64:
		return n, true
	}
	return 0, false
}

// seconds checks a duration value in seconds and rounds it to the
// millisecond. what names the value in messages ("hold", "tempo phase 2").
func (f *fields) seconds(key, what string, v any, allowZero bool) (time.Duration, bool) {
	s, ok := number(v)
	switch {
	case !ok:
		f.errf(key, "%s must be a number of seconds (like 10), not %s", what, typeName(v))
	case math.IsNaN(s) || math.IsInf(s, 0):
		f.errf(key, "%s must be a number of seconds", what)
	case s < 0:
		f.errf(key, "%s must not be negative", what)
	case s > MaxDuration.Seconds():
		f.errf(key, "%s is too long (the limit is %s)", what, hours(MaxDuration))
	default:
		d := time.Duration(math.Round(s*1000)) * time.Millisecond
		if d == 0 && !allowZero {
			if s == 0 {
				f.errf(key, "%s must be more than 0", what)
			} else {
				f.errf(key, "%s must be at least 0.001 s", what)
			}
			return 0, false
		}
		return d, true
	}
	return 0, false
}

// duration reads an optional duration key, returning def when absent.
func (f *fields) duration(key string, def time.Duration) time.Duration {
	v, present := f.m[key]
	if !present {
		return def
	}
	d, _ := f.seconds(key, key, v, true)
	return d
}

func hours(d time.Duration) string {
	return fmt.Sprintf("%g hours", d.Hours())
}

func (p *parser) routine(doc map[string]any) *Routine {
	top := &fields{p: p, m: doc, line: p.loc.top}
	top.unknown(topKeys[:])
	r := &Routine{}
	r.Name, _ = top.str("name", true)
	top.length("name", "name", r.Name, MaxNameLen)
	top.oneLine("name", r.Name)
	r.GetReady = top.duration("get_ready", DefaultGetReady)
	r.Rest = top.duration("rest", DefaultRest)
	r.Switch = top.duration("switch", DefaultSwitch)
	r.BetweenSets = top.duration("between_sets", DefaultBetweenSets)

	moves, ok := p.moveTables(top)
	if !ok {
		return r
	}
	if len(moves) > MaxMoves {
		p.add(0, 0, "", "move", "too many moves (%d; the limit is %d)", len(moves), MaxMoves)
		return r
	}
	// The locator's lines are only trusted when it saw one header per move
	// (it does not see moves written as inline tables).
	moveLine := p.loc.move
	moveKey := p.loc.moveKey
	if len(p.loc.tables["move"]) != len(moves) {
		moveLine = func(int) int { return 0 }
		moveKey = func(int, string) int { return 0 }
	}
	seen := map[string]int{} // id -> 1-based index of its first move
	for i, m := range moves {
		f := &fields{p: p, m: m, index: i + 1, line: func(key string) int { return moveKey(i, key) }}
		mv := f.move(r, seen, i)
		mv.Line = moveLine(i)
		if f.flag("off") {
			r.Off = append(r.Off, OffMove{Move: mv, At: i})
		} else {
			r.Moves = append(r.Moves, mv)
		}
	}
	if len(r.Moves) == 0 && len(p.errs) == 0 {
		p.add(0, 0, "", "off", "every move is switched off; switch at least one on")
	}
	if len(p.errs) == 0 {
		if _, ok := boundedDuration(r); !ok {
			p.add(0, 0, "", "", "the routine lasts more than %s, the limit", hours(MaxDuration))
		}
		if n := totalReps(r); n > MaxTotalReps {
			p.add(0, 0, "", "reps", "the routine has %d reps in all; the limit is %d", n, MaxTotalReps)
		}
	}
	return r
}

// moveTables returns the [[move]] tables, reporting when there are none.
func (p *parser) moveTables(top *fields) ([]map[string]any, bool) {
	v, present := top.m["move"]
	if !present {
		p.add(0, 0, "", "move", "no moves: add at least one [[move]] table")
		return nil, false
	}
	switch t := v.(type) {
	case []map[string]any:
		if len(t) == 0 {
			break
		}
		return t, true
	case []any:
		out := make([]map[string]any, 0, len(t))
		for _, x := range t {
			m, ok := x.(map[string]any)
			if !ok {
				top.errf("move", "move must be a list of [[move]] tables, not %s", typeName(v))
				return nil, false
			}
			out = append(out, m)
		}
		if len(out) == 0 {
			break
		}
		return out, true
	default:
		top.errf("move", "move must be a list of [[move]] tables, not %s", typeName(v))
		return nil, false
	}
	top.errf("move", "no moves: add at least one [[move]] table")
	return nil, false
}

// move reads and checks one move table, move i (0-based) of the file.
func (f *fields) move(r *Routine, seen map[string]int, i int) Move {
	var mv Move
	// The id labels every other message, so it is checked first.
	if id, ok := f.str("id", true); ok {
		switch first, dup := seen[id]; {
		case !idPattern.MatchString(id):
			f.errf("id", "id %s may only use a-z, 0-9 and -", quote(id))
		case len(id) > MaxIDLen:
			f.errf("id", "id %s is too long (%d characters; the limit is %d)", quote(id), len(id), MaxIDLen)
		case dup:
			f.errf("id", "id %q is already used by move %d", id, first)
		default:
			seen[id] = f.index
			f.id, mv.ID = id, id
		}
	}
	f.unknown(moveKeys[:])
	mv.Name, _ = f.str("name", true)
	mv.Focus = Focus(f.choice("focus", true, "", focusNames()))
	mv.About, _ = f.str("about", false)
	mv.Steps = f.texts("steps")
	mv.Easier, _ = f.str("easier", false)
	mv.Sides = Sides(f.choice("sides", false, string(NoSides), []string{string(NoSides), string(Each), string(Alternate)}))
	f.textLimits(&mv)
	f.dose(&mv, i)
	mv.BetweenSets = f.duration("between_sets", r.BetweenSets)
	mv.Rest = f.duration("rest", r.Rest)
	if fig, ok := f.str("figure", false); ok {
		mv.Figure, mv.FigureLine = fig, f.line("figure")
	}
	return mv
}

func focusNames() []string {
	out := make([]string, len(Focuses))
	for i, x := range Focuses {
		out[i] = string(x)
	}
	return out
}

// choice reads a text that must be one of valid.
func (f *fields) choice(key string, required bool, def string, valid []string) string {
	s, ok := f.str(key, false)
	if !ok {
		if _, present := f.m[key]; !present && required {
			f.errf(key, "%s is missing (one of %s)", key, strings.Join(valid, ", "))
		}
		return def
	}
	if !contains(valid, s) {
		f.errf(key, "%s %s is not one of %s", key, quote(s), strings.Join(valid, ", "))
		return def
	}
	return s
}

// reps reads the reps: one whole number or a list of them.
func (f *fields) reps() []int {
	v, present := f.m["reps"]
	if !present {
		return []int{1}
	}
	var list []any
	switch t := v.(type) {
	case []any:
		if len(t) == 0 {
			f.errf("reps", "reps is empty; give a number or a list like [6, 4, 2]")
			return nil
		}
		if len(t) > MaxSets {
			f.errf("reps", "reps has %d sets; the limit is %d", len(t), MaxSets)
			return nil
		}
		list = t
	default:
		list = []any{v}
	}
	out := make([]int, 0, len(list))
	for i, x := range list {
		what := "reps"
		if len(list) > 1 {
			what = fmt.Sprintf("reps of set %d", i+1)
		}
		n, ok := x.(int64)
		switch {
		case !ok:
			if _, isNum := x.(float64); isNum {
				f.errf("reps", "%s must be a whole number", what)
			} else if len(list) == 1 && !isList(v) {
				f.errf("reps", "reps must be a number or a list like [6, 4, 2], not %s", typeName(x))
			} else {
				f.errf("reps", "%s must be a whole number, not %s", what, typeName(x))
			}
		case n < 1:
			f.errf("reps", "%s must be at least 1", what)
		case n > MaxReps:
			f.errf("reps", "%s is %d; the limit is %d", what, n, MaxReps)
		default:
			out = append(out, int(n))
			continue
		}
		return nil
	}
	return out
}

func isList(v any) bool {
	_, ok := v.([]any)
	return ok
}

// holdOrTempo reads exactly one of hold and tempo into mv.
func (f *fields) holdOrTempo(mv *Move) {
	hold, hasHold := f.m["hold"]
	tempo, hasTempo := f.m["tempo"]
	switch {
	case hasHold && hasTempo:
		key := "tempo"
		if f.line("hold") > f.line("tempo") {
			key = "hold"
		}
		f.errf(key, "tempo and hold are both set; choose one")
	case !hasHold && !hasTempo:
		f.errf("hold", "set hold (seconds each rep is held) or tempo (seconds of each phase)")
	case hasHold:
		mv.Hold, _ = f.seconds("hold", "hold", hold, false)
	default:
		list, ok := tempo.([]any)
		if !ok {
			if _, isNum := number(tempo); isNum {
				f.errf("tempo", "tempo must be a list of seconds, like [3, 3, 2]; for one phase use hold")
			} else {
				f.errf("tempo", "tempo must be a list of seconds, like [3, 3, 2], not %s", typeName(tempo))
			}
			return
		}
		if len(list) == 0 {
			f.errf("tempo", "tempo is empty; give the seconds of each phase, like [3, 3, 2]")
			return
		}
		phases := make([]time.Duration, 0, len(list))
		for i, x := range list {
			what := fmt.Sprintf("tempo phase %d", i+1)
			d, ok := f.seconds("tempo", what, x, false)
			if !ok {
				return
			}
			phases = append(phases, d)
		}
		mv.Tempo = phases
	}
}

// boundedDuration computes the routine's length like Routine.Duration,
// each move at its longest level (so that no choice of levels passes the
// limit), but gives up (ok false) as soon as it exceeds MaxDuration, so
// that absurd files cannot overflow time.Duration.
func boundedDuration(r *Routine) (total time.Duration, ok bool) {
	total = r.GetReady
	if total > MaxDuration {
		return total, false
	}
	for i, m := range r.Moves {
		var longest time.Duration
		for k := 1; k <= m.LevelCount(); k++ {
			d, ok := boundedMove(m.AtLevel(k), r.Switch, MaxDuration-total)
			if !ok {
				return total, false
			}
			longest = max(longest, d)
		}
		total += longest
		if i < len(r.Moves)-1 {
			total += m.Rest
		}
		if total > MaxDuration {
			return total, false
		}
	}
	return total, true
}

// boundedMove is m.Duration, or ok false as soon as it exceeds limit.
func boundedMove(m Move, switchTime, limit time.Duration) (total time.Duration, ok bool) {
	var w time.Duration
	for _, p := range m.Tempo {
		if w += p; w > limit {
			return total, false
		}
	}
	if m.Tempo == nil {
		w = m.Hold
	}
	if w > limit {
		return total, false
	}
	for s := range m.Reps {
		if s > 0 {
			total += m.BetweenSets
		}
		if total += m.SetDuration(s, switchTime); total > limit {
			return total, false
		}
	}
	return total, true
}
