package routine

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Draft is a routine as a person edits it: every value is the text typed
// in its box, valid or not. Check turns it into a Routine through the
// same parser and validation as a routine file, so a draft gets the very
// messages `spineroutine check` prints; Problems places them by field.
type Draft struct {
	Name        string
	GetReady    string // seconds; "" for the default
	Rest        string // seconds; "" for the default
	Switch      string // seconds; "" for the default
	BetweenSets string // seconds; "" for the default
	// Moves are all the moves, switched off or not, in order.
	Moves []DraftMove
}

// DraftMove is one move of a Draft.
type DraftMove struct {
	// ID is the move's id, kept when it is renamed; "" for a new move,
	// whose id Check derives from its name (see FillIDs).
	ID     string
	Name   string
	Focus  string // one of Focuses, "" when not chosen
	About  string
	Steps  string // the form cues, one per line (blank lines are dropped)
	Easier string
	Sides  string // "none", "each" or "alternate"; "" means none
	// Reps are the reps of each set, like "6-4-2" or "6, 4, 2".
	Reps string
	// UseTempo says which of Hold and Tempo the move uses; the other is
	// kept as typed, but not used.
	UseTempo bool
	Hold     string // seconds
	Tempo    string // seconds of each phase, like "3-3-2"
	// BetweenReps, BetweenSets and Rest are seconds; "" leaves
	// between_reps at 0 and the other two at the routine's value.
	BetweenReps string
	BetweenSets string
	Rest        string
	Off         bool // switched off for this routine
	// Figure is the move's drawn figure in the pose library, kept as it
	// was ("" for none).
	Figure string
	// Levels are the move's dose levels, easiest first; empty when its
	// own dose (Reps to BetweenReps above) is its one level. With levels,
	// the move's own dose is kept as typed but not used.
	Levels []DraftLevel
	// StartLevel and TopLevel are 1-based levels; 0 leaves them to the
	// file's defaults (the first level, the last level).
	StartLevel int
	TopLevel   int
}

// DraftLevel is one level of a DraftMove, its values as typed.
type DraftLevel struct {
	Reps        string // like DraftMove.Reps
	UseTempo    bool
	Hold        string
	Tempo       string
	BetweenReps string
	Easier      bool // done as the move's easier variant
}

// DraftFile is the file name a draft's problems carry.
const DraftFile = "routine"

// NewDraft returns the draft of r: its values as text, its moves switched
// off in their places. A move's between_sets and rest are left empty when
// they are the routine's.
func NewDraft(r *Routine) Draft {
	d := Draft{Name: r.Name, GetReady: tomlSeconds(r.GetReady), Rest: tomlSeconds(r.Rest),
		Switch: tomlSeconds(r.Switch), BetweenSets: tomlSeconds(r.BetweenSets)}
	for _, m := range r.allMoves() {
		dm := DraftMove{ID: m.ID, Name: m.Name, Focus: string(m.Focus), About: m.About,
			Steps: strings.Join(m.Steps, "\n"), Easier: m.Easier, Sides: string(m.Sides),
			Off: m.off, Figure: m.Figure}
		if len(m.Levels) == 0 {
			dm.setDose(draftLevel(Level{Reps: m.Reps, Hold: m.Hold, Tempo: m.Tempo, BetweenReps: m.BetweenReps}))
		} else {
			for _, l := range m.Levels {
				dm.Levels = append(dm.Levels, draftLevel(l))
			}
			dm.StartLevel = min(max(m.StartLevel, 1), len(m.Levels))
			if m.TopLevel >= 1 && m.TopLevel < len(m.Levels) {
				dm.TopLevel = m.TopLevel
			}
		}
		if m.BetweenSets != r.BetweenSets {
			dm.BetweenSets = tomlSeconds(m.BetweenSets)
		}
		if m.Rest != r.Rest {
			dm.Rest = tomlSeconds(m.Rest)
		}
		d.Moves = append(d.Moves, dm)
	}
	return d
}

// joinList writes xs with f, joined by dashes ("6-4-2").
func joinList[T any](xs []T, f func(T) string) string {
	return strings.Join(joinItems(xs, f), "-")
}

// Clone returns a copy of d that shares nothing with it.
func (d Draft) Clone() Draft {
	d.Moves = append([]DraftMove(nil), d.Moves...)
	for i := range d.Moves {
		d.Moves[i].Levels = append([]DraftLevel(nil), d.Moves[i].Levels...)
	}
	return d
}

// Check validates d like a routine file named DraftFile, its figures
// against figs: the routine, or the Errors of every problem (whose Index
// is the 1-based position in d.Moves).
func (d Draft) Check(figs Figures) (*Routine, error) {
	return Parse(DraftFile, d.TOML(), figs)
}

// FillIDs gives every move without an id the one Check derives from its
// name, so that the id stays when the move is renamed later.
func (d *Draft) FillIDs() {
	for i, id := range d.ids() {
		d.Moves[i].ID = id
	}
}

// ids returns the id of each move: its own, or for a new move a slug of
// its name not used by any other move.
func (d Draft) ids() []string {
	taken := map[string]bool{}
	for _, m := range d.Moves {
		taken[m.ID] = true
	}
	out := make([]string, len(d.Moves))
	for i, m := range d.Moves {
		if out[i] = m.ID; m.ID != "" {
			continue
		}
		base := Slug(m.Name)
		id := base
		for n := 2; taken[id]; n++ {
			id = fmt.Sprintf("%s-%d", base, n)
		}
		taken[id], out[i] = true, id
	}
	return out
}

// Slug returns a name as an id: lower case a-z, 0-9 and single dashes,
// at most 40 characters; "move" when nothing is left.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		case c == '\'' || c == '’':
			// "McGill's" reads as "mcgills".
		default:
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	if b.Len() == 0 {
		return "move"
	}
	return strings.TrimRight(b.String(), "-")
}

// TOML writes d as a routine file. Values that are not numbers are
// written as text, so that validation names them in its usual words
// ("hold must be a number of seconds (like 10), not text").
func (d Draft) TOML() []byte {
	var w tomlWriter
	w.key("name", tomlString(d.Name))
	optional := func(key, text string) {
		if strings.TrimSpace(text) != "" {
			w.key(key, numberText(text))
		}
	}
	optional("get_ready", d.GetReady)
	optional("rest", d.Rest)
	optional("switch", d.Switch)
	optional("between_sets", d.BetweenSets)
	for i, id := range d.ids() {
		m := d.Moves[i]
		w.blank()
		w.line("[[move]]")
		w.key("id", tomlString(id))
		w.key("name", tomlString(m.Name))
		if m.Focus != "" {
			w.key("focus", tomlString(m.Focus))
		}
		if m.About != "" {
			w.key("about", tomlString(m.About))
		}
		var steps []string
		for _, s := range strings.Split(m.Steps, "\n") {
			if s = strings.TrimRight(s, "\r"); strings.TrimSpace(s) != "" {
				steps = append(steps, tomlString(s))
			}
		}
		if len(steps) > 0 {
			w.list("steps", steps, true)
		}
		if m.Easier != "" {
			w.key("easier", tomlString(m.Easier))
		}
		if m.Sides != "" {
			w.key("sides", tomlString(m.Sides))
		}
		if len(m.Levels) == 0 {
			w.draftDose(m.dose())
		}
		if m.StartLevel != 0 {
			w.key("start_level", strconv.Itoa(m.StartLevel))
		}
		if m.TopLevel != 0 {
			w.key("top_level", strconv.Itoa(m.TopLevel))
		}
		optional("between_sets", m.BetweenSets)
		optional("rest", m.Rest)
		if m.Off {
			w.key("off", "true")
		}
		if m.Figure != "" {
			w.key("figure", tomlString(m.Figure))
		}
		for _, l := range m.Levels {
			w.blank()
			w.line("[[move.level]]")
			w.draftDose(l)
			if l.Easier {
				w.key("easier", "true")
			}
		}
	}
	return w.b.Bytes()
}

// draftDose writes a dose as typed: reps, hold or tempo, between_reps.
func (w *tomlWriter) draftDose(l DraftLevel) {
	if reps := listItems(l.Reps); len(reps) == 1 {
		w.key("reps", reps[0])
	} else {
		w.list("reps", reps, false)
	}
	switch {
	case l.UseTempo:
		w.list("tempo", listItems(l.Tempo), false)
	case strings.TrimSpace(l.Hold) != "":
		w.key("hold", numberText(l.Hold))
	}
	if strings.TrimSpace(l.BetweenReps) != "" {
		w.key("between_reps", numberText(l.BetweenReps))
	}
}

// numberText writes a typed value as a TOML number when it reads as one
// (a trailing "s" allowed: "10 s"), else as text.
func numberText(s string) string {
	t := strings.TrimSpace(s)
	t = strings.TrimSpace(strings.TrimSuffix(t, "s"))
	if f, err := strconv.ParseFloat(t, 64); err == nil && t != "" && !strings.ContainsAny(t, "xXpP_") {
		return tomlNumber(f)
	}
	return tomlString(strings.TrimSpace(s))
}

// listItems splits a typed list ("6-4-2", "6, 4, 2", "[6 4 2]") into TOML
// literals. A dash separates numbers; it is a minus sign only at the start
// of an item.
func listItems(s string) []string {
	s = strings.Trim(strings.TrimSpace(s), "[]")
	var out []string
	for _, f := range strings.FieldsFunc(s, func(c rune) bool { return c == ',' || c == ';' || c == ' ' || c == '\t' }) {
		neg := strings.HasPrefix(f, "-")
		parts := strings.Split(strings.TrimPrefix(f, "-"), "-")
		if neg {
			parts[0] = "-" + parts[0]
		}
		for _, p := range parts {
			if p != "" {
				out = append(out, numberText(p))
			}
		}
	}
	return out
}

// MoveDuration is how long move i of d lasts (its sets and the pauses
// between them), or false when its dose, or a routine-wide time it uses,
// is not valid yet. The other moves may be invalid.
// A move with levels lasts as long as its start level.
func (d Draft) MoveDuration(i int) (time.Duration, bool) {
	return d.DoseDuration(i, d.Moves[i].DoseAt(d.Moves[i].Start()))
}

// LevelDuration is how long move i of d lasts at its level n (1-based),
// or false when that level's dose, or a time it uses, is not valid yet.
func (d Draft) LevelDuration(i, n int) (time.Duration, bool) {
	if n < 1 || n > len(d.Moves[i].Levels) {
		return 0, false
	}
	return d.DoseDuration(i, d.Moves[i].Levels[n-1])
}

// DoseDuration is how long move i of d lasts done with the dose l (its
// sides and between_sets, the routine's switch and between_sets), or
// false when l, or a time it uses, is not valid yet.
func (d Draft) DoseDuration(i int, l DraftLevel) (time.Duration, bool) {
	m := d.Moves[i]
	one := DraftMove{ID: "m", Name: "m", Focus: string(Mobility), Sides: m.Sides, BetweenSets: m.BetweenSets}
	one.setDose(l)
	r, err := Draft{Name: "m", Switch: d.Switch, BetweenSets: d.BetweenSets, Moves: []DraftMove{one}}.Check(nil) // a dose has no figure
	if err != nil {
		return 0, false
	}
	return r.Moves[0].Duration(r.Switch), true
}

// Field names a box of a draft: the routine's (Move 0) or a move's
// (Move is its 1-based position), or one of its levels' (Level is its
// 1-based position, 0 for the move itself), and its key in the file
// ("hold", "reps"...). Key "" stands for the routine or move as a whole.
type Field struct {
	Move  int
	Level int
	Key   string
}

// FieldOf returns the field a problem of Check names, and its message
// without the file, line, move and level it is about (shown beside the
// field).
func FieldOf(e *Error) (Field, string) {
	return Field{Move: e.Index, Level: e.Level, Key: e.Field}, e.Msg
}
