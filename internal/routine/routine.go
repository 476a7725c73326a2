// Package routine is the model of a routine: an ordered list of moves, each
// with its dosage (sets, reps, hold or tempo, sides), read from a TOML file.
//
// # File format
//
// A routine file is TOML:
//
//	name = "Daily back routine"   # required
//	get_ready = 10                # seconds of countdown before the first move (default 10)
//	rest = 20                     # seconds of rest after each move but the last (default 20)
//	switch = 5                    # seconds to change sides when sides = "each" (default 5)
//	between_sets = 15             # seconds between sets (default 15)
//
//	[[move]]
//	id = "bird-dogs"              # required, unique, [a-z0-9-]+
//	name = "Bird Dogs"            # required
//	focus = "stability"           # mobility | stability | decompression | activation | strength
//	about = "..."                 # why this move helps
//	steps = ["...", "..."]        # short form cues
//	easier = "..."                # optional easier variant
//	sides = "alternate"           # "none" (default) | "each" | "alternate"
//	reps = [6, 4, 2]              # reps per set: an integer (one set) or a list (default 1)
//	hold = 10                     # seconds each rep is held ...
//	tempo = [3, 3, 2]             # ... or seconds of each phase of a moving rep
//	between_reps = 2              # seconds between consecutive reps (default 0)
//	between_sets = 20             # overrides the routine's between_sets for this move
//	rest = 30                     # overrides the routine's rest after this move
//	off = true                    # switched off: kept in the file, not run (default false)
//	figure = "bird-dogs"          # optional: the drawn figure, by name in the pose library
//
// Durations are seconds, integers or decimals (kept to the millisecond).
//
// # Levels
//
// A move may list its levels, easiest first: each is a complete dose, and
// a person moves up and down the ladder as their back allows. A move with
// levels gives its dose only in its [[move.level]] tables (no reps, hold,
// tempo or between_reps of its own); a move without levels is one level,
// its own dose.
//
//	[[move]]
//	id = "mcgill-curl-up"
//	...                           # name, focus, about, steps, easier, sides, rest...
//	start_level = 3               # the level a new user starts at (default 1)
//	top_level = 5                 # optional cap (a physio's): suggestions never pass it
//	                              # (default: the last level)
//
//	[[move.level]]                # level 1, the easiest
//	reps = [3, 2, 1]              # as for a move: reps per set
//	hold = 8                      # exactly one of hold and tempo
//	between_reps = 2              # optional, default 0
//	easier = true                 # optional: done as the move's easier variant
//
//	[[move.level]]                # level 2 ...
//
// start_level and top_level need levels and must lie between 1 and the
// number of levels, the start no higher than the top; a move has at most
// MaxLevels levels, and easier = true needs the move's easier text.
//
// # Validation
//
// Parse and Load report every problem at once, each with its file, line,
// move and field (see Errors): unknown keys, missing name, id or focus, ids
// not made of a-z, 0-9 and - or used twice, both or neither of hold and
// tempo, negative durations, a zero hold or tempo phase, reps below 1 or
// above MaxReps, an empty reps or tempo list, values of the wrong type, no
// moves, every move switched off or more than MaxMoves, a routine longer
// than MaxDuration, and files that are empty, not UTF-8 text or larger than
// MaxFileSize. A level's problems also name the level ("level 2: hold must
// be more than 0"); a move with levels may not give a dose of its own, and
// start_level and top_level are checked as above. What the window shows is
// bounded too (see limits.go): names, ids and texts by length, names to one
// line of plain text (no control character: NUL, TAB, line breaks, ESC,
// DEL, C1), steps, sets, levels and the routine's total reps by count. The
// 4-hour and total-reps limits hold with every move at its longest level,
// so that no choice of levels (Routine.WithLevels) passes them. Before the
// TOML decoder runs, CheckShape refuses a file nested deeper than MaxDepth,
// a key or table header of more than MaxKeyParts dotted parts, or more than
// MaxKeys key parts in all; Load refuses anything but a regular file (a
// FIFO, a device)
// without reading it. Figure names are checked against the pose library of
// internal/figure (figure.Shipped) by Parse, given it by its caller
// (Figures).
//
// # Meaning
//
// Let w be the hold, or the sum of the tempo phases, and g the gap between
// reps. A set of r reps is:
//   - sides "none": r reps of w, g between consecutive reps;
//   - sides "alternate": 2r reps, left, right, left, right..., g between
//     consecutive reps (r counts per side);
//   - sides "each": r reps on the left (gaps g), the routine's switch time,
//     then r reps on the right.
//
// Sets are separated by between_sets, moves by the rest of the move before;
// the routine starts with get_ready and has no rest after its last move.
// Phases of zero length do not exist. The schedule package expands this
// into a timeline.
package routine

import (
	"strconv"
	"time"
)

// Focus is what a move mainly trains.
type Focus string

// The focus values a routine file may use.
const (
	Mobility      Focus = "mobility"
	Stability     Focus = "stability"
	Decompression Focus = "decompression"
	Activation    Focus = "activation"
	Strength      Focus = "strength"
)

// Focuses lists every valid focus in display order.
var Focuses = []Focus{Mobility, Stability, Decompression, Activation, Strength}

// Sides says how a move deals with the left and right side of the body.
type Sides string

// The sides values a routine file may use.
const (
	// NoSides: the move is symmetric, reps are not sided.
	NoSides Sides = "none"
	// Each: all reps of a set on the left, a switch pause, then the right.
	Each Sides = "each"
	// Alternate: reps alternate left, right, left, right...
	Alternate Sides = "alternate"
)

// Default timings of a routine, used where the file does not set them.
const (
	DefaultGetReady    = 10 * time.Second
	DefaultRest        = 20 * time.Second
	DefaultSwitch      = 5 * time.Second
	DefaultBetweenSets = 15 * time.Second
)

// Limits enforced by validation.
const (
	MaxReps     = 1000          // reps in one set
	MaxDuration = 4 * time.Hour // whole routine
	MaxFileSize = 1 << 20       // bytes in a routine file
	MaxMoves    = 200           // moves in one routine
)

// Routine is a validated routine: every duration resolved, every move valid.
type Routine struct {
	Name        string
	GetReady    time.Duration
	Rest        time.Duration // default rest after a move
	Switch      time.Duration // change of sides within a set, for Each moves
	BetweenSets time.Duration // default pause between sets
	// Moves are the moves to run, in order: those not switched off.
	Moves []Move
	// Off holds the moves switched off (off = true): valid, kept in the
	// file, never run.
	Off []OffMove
	// Source names where the routine came from: a file path, or
	// "default" / "big3" for the embedded routines.
	Source string
}

// Move is one exercise of a routine with its dosage. All optional fields
// are resolved: BetweenSets and Rest hold the move's own value or the
// routine's default.
type Move struct {
	ID     string
	Name   string
	Focus  Focus
	About  string
	Steps  []string
	Easier string
	Sides  Sides
	// Reps holds the reps of each set (per side for sided moves); len(Reps)
	// is the number of sets.
	Reps []int
	// Hold is the time each rep is held; zero when Tempo is set.
	Hold time.Duration
	// Tempo holds the phases of one moving rep; nil when Hold is set.
	Tempo       []time.Duration
	BetweenReps time.Duration
	BetweenSets time.Duration
	Rest        time.Duration
	// Figure names the move's drawn figure in the pose library
	// (internal/figure); "" for none. FigureLine is the line of its key.
	Figure     string
	FigureLine int
	// Line is the line of the move's [[move]] header in its file (0 for
	// routines built in code).
	Line int
	// Levels are the move's dose levels, easiest first; empty when the
	// move's own dose is its one level. Reps, Hold, Tempo and BetweenReps
	// always hold the dose of Level, so that a Move runs as it is.
	Levels []Level
	// StartLevel is the level a new user starts at (1-based; 1 without
	// levels), TopLevel the highest a suggestion may reach (1-based; the
	// last level when the file sets none), Level the level this value's
	// dose is at (1-based; parsing sets it to StartLevel).
	StartLevel int
	TopLevel   int
	Level      int
}

// Level is one dose of a move's ladder.
type Level struct {
	// Reps holds the reps of each set, as Move.Reps.
	Reps []int
	// Hold is the time each rep is held; zero when Tempo is set.
	Hold time.Duration
	// Tempo holds the phases of one moving rep; nil when Hold is set.
	Tempo       []time.Duration
	BetweenReps time.Duration
	// Easier says the level is done as the move's easier variant.
	Easier bool
	// Line is the line of the level's [[move.level]] header (0 for
	// routines built in code).
	Line int
}

// LevelCount is the number of levels of the move: 1 without levels.
func (m Move) LevelCount() int { return max(1, len(m.Levels)) }

// HasLevels reports whether any move of r has more than one level.
func (r *Routine) HasLevels() bool {
	for _, m := range r.Moves {
		if m.LevelCount() > 1 {
			return true
		}
	}
	return false
}

// AtLevel returns a copy of m at level n (1-based, clamped to
// 1..LevelCount): its Reps, Hold, Tempo and BetweenReps are those of the
// level, and Level is n. A move without levels is returned at level 1.
func (m Move) AtLevel(n int) Move {
	n = min(max(n, 1), m.LevelCount())
	m.Level = n
	if len(m.Levels) == 0 {
		return m
	}
	l := m.Levels[n-1]
	m.Reps = append([]int(nil), l.Reps...)
	m.Hold = l.Hold
	m.Tempo = nil
	if l.Tempo != nil {
		m.Tempo = append([]time.Duration(nil), l.Tempo...)
	}
	m.BetweenReps = l.BetweenReps
	return m
}

// EasierVariant reports whether the dose at m.Level is done as the move's
// easier variant.
func (m Move) EasierVariant() bool {
	if len(m.Levels) == 0 {
		return false
	}
	return m.Levels[min(max(m.Level, 1), len(m.Levels))-1].Easier
}

// mapMoves replaces every move of r, those switched off too, with f of
// it, in new slices (r is a copy whose slices it must not share).
func (r *Routine) mapMoves(f func(Move) Move) {
	moves := make([]Move, len(r.Moves))
	for i, m := range r.Moves {
		moves[i] = f(m)
	}
	r.Moves = moves
	if r.Off != nil {
		off := make([]OffMove, len(r.Off))
		for i, o := range r.Off {
			off[i] = OffMove{Move: f(o.Move), At: o.At}
		}
		r.Off = off
	}
}

// WithLevels returns a copy of r whose moves (those switched off too) are
// at the levels of at, by move id; the others are at their start level.
func (r *Routine) WithLevels(at map[string]int) *Routine {
	c := *r
	level := func(m Move) Move {
		if n, ok := at[m.ID]; ok {
			return m.AtLevel(n)
		}
		return m.AtLevel(m.StartLevel)
	}
	c.mapMoves(level)
	return &c
}

// OffMove is a move switched off, with its place in the file.
type OffMove struct {
	Move Move
	// At is the move's 0-based position among all the moves of the file,
	// switched off or not.
	At int
}

// RepDuration is the length of one rep: the hold, or the sum of the tempo.
func (m Move) RepDuration() time.Duration {
	if m.Tempo == nil {
		return m.Hold
	}
	var d time.Duration
	for _, p := range m.Tempo {
		d += p
	}
	return d
}

// Sets is the number of sets.
func (m Move) Sets() int { return len(m.Reps) }

// RepsText is the reps of each set joined by dashes, the way a pyramid is
// written: "6-4-2" ("8" for one set).
func (m Move) RepsText() string { return joinList(m.Reps, strconv.Itoa) }

// SetReps writes the reps of a set after "N sets of": "12" when every set
// has the same reps ("2 sets of 12 reps", not "of 12-12"), else the
// pyramid ("3 sets of 6-4-2 reps").
func (m Move) SetReps() string {
	for _, r := range m.Reps {
		if r != m.Reps[0] {
			return m.RepsText()
		}
	}
	if len(m.Reps) == 0 {
		return ""
	}
	return strconv.Itoa(m.Reps[0])
}

// SetDuration is the length of set i (0-based), switch included, given the
// routine's switch time.
func (m Move) SetDuration(i int, switchTime time.Duration) time.Duration {
	r := time.Duration(m.Reps[i])
	w, g := m.RepDuration(), m.BetweenReps
	switch m.Sides {
	case Alternate:
		return 2*r*w + (2*r-1)*g
	case Each:
		return 2*(r*w+(r-1)*g) + switchTime
	default:
		return r*w + (r-1)*g
	}
}

// Duration is the length of the move's sets and the pauses between them,
// without the rest that follows the move.
func (m Move) Duration(switchTime time.Duration) time.Duration {
	var d time.Duration
	for i := range m.Reps {
		d += m.SetDuration(i, switchTime)
	}
	return d + time.Duration(len(m.Reps)-1)*m.BetweenSets
}

// The timing overrides of Settings, in whole seconds: OwnTiming keeps the
// routine's own value, and no override is longer than MaxTimingOverride.
const (
	OwnTiming         = -1
	MaxTimingOverride = 600
)

// WithTimings returns a copy of r with the get-ready time and the rest
// after every move replaced by the overrides that are not negative (r
// itself when both are negative): Settings' timings. r is not changed.
func (r *Routine) WithTimings(getReady, rest time.Duration) *Routine {
	if getReady < 0 && rest < 0 {
		return r
	}
	c := *r
	if getReady >= 0 {
		c.GetReady = getReady
	}
	if rest >= 0 {
		c.Moves = append([]Move(nil), r.Moves...)
		for i := range c.Moves {
			c.Moves[i].Rest = rest
		}
	}
	return &c
}

// Find returns the move with the given id.
func (r *Routine) Find(id string) (Move, bool) {
	for _, m := range r.Moves {
		if m.ID == id {
			return m, true
		}
	}
	return Move{}, false
}

// IDs lists the move ids in routine order.
func (r *Routine) IDs() []string {
	ids := make([]string, len(r.Moves))
	for i, m := range r.Moves {
		ids[i] = m.ID
	}
	return ids
}

// Duration is the length of a run of the moves with the given ids (all
// moves when ids is empty), in routine order: get ready, the moves, and the
// rests between them.
func (r *Routine) Duration(ids ...string) time.Duration {
	moves := r.Select(ids...)
	if len(moves) == 0 {
		return 0
	}
	d := r.GetReady
	for i, m := range moves {
		d += m.Duration(r.Switch)
		if i < len(moves)-1 {
			d += m.Rest
		}
	}
	return d
}

// Select returns the moves with the given ids in routine order, or all
// moves when ids is empty. Unknown ids are ignored; use Unknown to find them.
func (r *Routine) Select(ids ...string) []Move {
	if len(ids) == 0 {
		return r.Moves
	}
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	var out []Move
	for _, m := range r.Moves {
		if want[m.ID] {
			out = append(out, m)
		}
	}
	return out
}

// Unknown returns the ids that name no move of the routine.
func (r *Routine) Unknown(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if _, ok := r.Find(id); !ok {
			out = append(out, id)
		}
	}
	return out
}
