package journal

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Version is the format version written in every entry ("v").
const Version = 1

// Kind is what an entry records.
type Kind string

// The kinds of entries. Readers ignore kinds they do not know.
const (
	KindDone         Kind = "done"          // a move was completed or ticked
	KindUndone       Kind = "undone"        // a tick was taken back
	KindSessionStart Kind = "session_start" // a timed session began
	KindSessionEnd   Kind = "session_end"   // a timed session ended (see EndReason)
	KindPain         Kind = "pain"          // a 0–10 pain check-in of a session
	KindPosition     Kind = "position"      // where a session stood at a step boundary
	KindDamaged      Kind = "damaged"       // earlier lines of this file were found damaged
	KindLevel        Kind = "level"         // the person's dose level of a move was set
	KindFlag         Kind = "flag"          // a move was flagged during a session ("this hurts")
	KindNote         Kind = "note"          // the day's one-line note
	KindFunction     Kind = "function"      // a Patient-Specific Functional Scale rating
)

// Source says how a move got ticked.
type Source string

// The sources of a tick.
const (
	Timer Source = "timer" // completed while the session timer ran
	Hand  Source = "hand"  // ticked by hand on the checklist
)

// EndReason says why a session ended.
type EndReason string

// The reasons a session ends.
const (
	Finished  EndReason = "finished"  // the last step was reached
	Stopped   EndReason = "stopped"   // the user stopped it
	Abandoned EndReason = "abandoned" // it was interrupted and the user chose to start fresh
)

// When says whether a pain check-in was before or after a session.
type When string

// The moments of a pain check-in.
const (
	Before When = "before"
	After  When = "after"
)

// MaxPain is the highest pain value (0 is no pain).
const MaxPain = 10

// entry is one line of the journal file, as written. Optional fields are
// omitted when empty; see the package documentation.
type entry struct {
	V       int      `json:"v"`
	TS      string   `json:"ts"`
	Day     string   `json:"day,omitempty"`
	Kind    Kind     `json:"kind"`
	Move    string   `json:"move,omitempty"`
	Src     Source   `json:"src,omitempty"`
	Session string   `json:"session,omitempty"`
	Reason  string   `json:"reason,omitempty"`
	When    When     `json:"when,omitempty"`
	Pain    *int     `json:"pain,omitempty"`
	Routine string   `json:"routine,omitempty"`
	Moves   []string `json:"moves,omitempty"`
	Step    *int     `json:"step,omitempty"`
	Set     *int     `json:"set,omitempty"`
	Lines   []int    `json:"lines,omitempty"`
	Side    string   `json:"side,omitempty"`
	Level   *int     `json:"level,omitempty"`
	Today   bool     `json:"today,omitempty"`
	Flag    string   `json:"flag,omitempty"`
	Text    string   `json:"text,omitempty"`
	// Activity and Score are a function rating's (KindFunction).
	Activity string `json:"activity,omitempty"`
	Score    *int   `json:"score,omitempty"`
}

// event is a decoded, checked entry.
type event struct {
	entry
	at   time.Time
	atOK bool // at is parsed (TS may then be empty)
	day  Day
	// ints holds pain, step, set, level and score for the fast decoder,
	// which points entry's fields here instead of allocating; the fold
	// copies values.
	ints [5]int
}

// errNewer marks an entry written by a newer format version.
var errNewer = errors.New("written by a newer version")

// decode parses and checks one line into e, which it resets first. Unknown
// kinds decode without error and are ignored by the fold. intern (may be
// nil) shares repeated strings.
func decode(line []byte, e *event, intern *interner) error {
	*e = event{}
	if intern == nil || !fastDecode(line, e, intern) {
		*e = event{}
		if err := json.Unmarshal(line, &e.entry); err != nil {
			return err
		}
	}
	if e.V > Version {
		return fmt.Errorf("v%d: %w", e.V, errNewer)
	}
	if e.V != Version {
		return fmt.Errorf("unknown version %d", e.V)
	}
	if !e.atOK {
		at, err := time.Parse(time.RFC3339, e.TS)
		if err != nil {
			return fmt.Errorf("ts: %w", err)
		}
		e.at, e.atOK = at, true
	}
	if e.Day != "" {
		var err error
		if e.day, err = ParseDay(e.Day); err != nil {
			return err
		}
	}
	switch e.Kind {
	case KindDone, KindUndone:
		if e.day.IsZero() || e.Move == "" {
			return fmt.Errorf("%s entry without day or move", e.Kind)
		}
	case KindSessionStart, KindSessionEnd, KindPosition:
		if e.day.IsZero() || e.Session == "" {
			return fmt.Errorf("%s entry without day or session", e.Kind)
		}
	case KindPain:
		if e.day.IsZero() || e.Session == "" || e.Pain == nil || *e.Pain < 0 || *e.Pain > MaxPain ||
			(e.When != Before && e.When != After) {
			return fmt.Errorf("bad pain entry")
		}
	}
	return checkProgress(e)
}

// encode returns the line for e, newline included.
func encode(e *entry) ([]byte, error) {
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}
