package journal

// The entries and queries of progression: the person's dose level of each
// move, the moves flagged as hurting, the day's note, and what each
// session did (pain before and after, the moves the timer completed and
// at which level, the flags). They are part of the one fold: the History
// tab, the report and the progression rule ask the same queries.

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// LevelSource says why a move's level was set.
type LevelSource string

// The reasons a level is set.
const (
	LevelSuggested LevelSource = "suggested" // the person accepted a suggestion
	LevelHand      LevelSource = "hand"      // the person set it by hand
	LevelStart     LevelSource = "start"     // the choice of the first start
	LevelHurt      LevelSource = "hurt"      // the easier level offered after a "this hurts" flag
	LevelSafety    LevelSource = "safety"    // the easiest level, after a safety stop
	// LevelRestored is the level before a safety stop, back for the rest of
	// the day after the check-in that caused the stop was corrected.
	LevelRestored LevelSource = "restored"
)

// FlagKind is what a flag says about a move.
type FlagKind string

// The kinds of flags.
const (
	FlagHurts FlagKind = "hurts" // "this hurts"
	FlagNerve FlagKind = "nerve" // numbness, tingling or weakness
)

// MaxLevel is the highest level a level entry may name.
const MaxLevel = 99

// MaxNote is the longest note, in characters.
const MaxNote = 200

// Level is a move's dose level as the journal has it.
type Level struct {
	Day   Day    // the day it was set for
	Move  string // the move's id
	Level int    // 1-based: 1 is the easiest level
	Src   LevelSource
	// Today is set when the level holds for Day only (easier for the rest
	// of a day); the day after, the level before it holds again.
	Today bool
	At    time.Time // when it was recorded
}

// LevelSpan says that from From on (until the next span of the move) the
// move's level is Level.
type LevelSpan struct {
	From  Day
	Level Level // the entry in force; its Day is when it was set
}

// Flag is a move flagged during a session.
type Flag struct {
	Day     Day
	Session string
	Move    string
	Kind    FlagKind
	At      time.Time
}

// Note is the one-line note of a day.
type Note struct {
	Day     Day
	Session string // the session it was written after; "" when none
	Text    string
	At      time.Time
}

// TimedMove is a move the timer completed in a session.
type TimedMove struct {
	Move  string
	Level int // the level it was done at; 0 when unknown (older entries)
}

// SessionRecord is what one timed session did.
type SessionRecord struct {
	ID      string
	Day     Day       // the day it counts for
	Start   time.Time // when it started
	Routine string    // the routine's source ("default", "big3" or a file path)
	// PainBefore and PainAfter are its check-ins; nil when not given.
	PainBefore, PainAfter *int
	// Timed lists the moves the timer completed, in order (a move done
	// twice in the session once, at its last level).
	Timed []TimedMove
	// Flags lists the moves flagged, in order.
	Flags []Flag
	// Reason is why it ended; "" while it has not ended.
	Reason EndReason
}

// levelRec is one level entry in the fold.
type levelRec struct {
	Level
	seq int
}

// knownSource reports whether src is a level source of this version.
func knownSource(src LevelSource) bool {
	switch src {
	case LevelSuggested, LevelHand, LevelStart, LevelHurt, LevelSafety, LevelRestored:
		return true
	}
	return false
}

// CutNote is text cut to MaxNote characters, the last of them "…", when
// it is longer: how a note written longer than the note box allows (by
// hand in the file) is read.
func CutNote(text string) string {
	if utf8.RuneCountInString(text) <= MaxNote {
		return text
	}
	return string([]rune(text)[:MaxNote-1]) + "…"
}

// checkNote returns why text cannot be a note, or nil.
func checkNote(text string) error {
	if n := utf8.RuneCountInString(text); n > MaxNote {
		return fmt.Errorf("note of %d characters: at most %d", n, MaxNote)
	}
	if !utf8.ValidString(text) || strings.ContainsFunc(text, unicode.IsControl) {
		return errors.New("a note is one line of text")
	}
	return nil
}

// checkProgress checks the fields of the progression entries (and the
// optional level of a done entry).
func checkProgress(e *event) error {
	switch e.Kind {
	case KindDone:
		if e.Level != nil && (*e.Level < 1 || *e.Level > MaxLevel) {
			return fmt.Errorf("done entry with level %d", *e.Level)
		}
	case KindLevel:
		if e.day.IsZero() || e.Move == "" || e.Level == nil || *e.Level < 1 || *e.Level > MaxLevel ||
			!knownSource(LevelSource(e.Src)) {
			return errors.New("bad level entry")
		}
	case KindFlag:
		if e.day.IsZero() || e.Session == "" || e.Move == "" ||
			(FlagKind(e.Flag) != FlagHurts && FlagKind(e.Flag) != FlagNerve) {
			return errors.New("bad flag entry")
		}
	case KindFunction:
		return checkRating(e)
	case KindNote:
		if e.day.IsZero() {
			return errors.New("note entry without day")
		}
		// A note longer than MaxNote (written by hand, or by another
		// version) is kept and read cut (CutNote); one with a line break
		// or invalid UTF-8 is not a note.
		if !utf8.ValidString(e.Text) || strings.ContainsFunc(e.Text, unicode.IsControl) {
			return errors.New("bad note entry: a note is one line of text")
		}
	}
	return nil
}

// addTimed records move as completed by the timer at level (nil:
// unknown). A repeated move keeps its place and takes the new level.
func (ss *session) addTimed(move string, level *int) {
	lv := 0
	if level != nil {
		lv = *level
	}
	for i := range ss.timed {
		if ss.timed[i].Move == move {
			ss.timed[i].Level = lv
			return
		}
	}
	if ss.timed == nil {
		ss.timed = make([]TimedMove, 0, max(len(ss.moves), 4)) // one allocation a session
	}
	ss.timed = append(ss.timed, TimedMove{Move: move, Level: lv})
}

// applyProgress folds a level, flag or note entry.
func (s *state) applyProgress(e *event) {
	switch e.Kind {
	case KindLevel:
		r := levelRec{Level: Level{Day: e.day, Move: e.Move, Level: *e.Level, Src: LevelSource(e.Src),
			Today: e.Today, At: e.at}, seq: s.seq}
		s.levels[e.Move] = append(s.levels[e.Move], r)
	case KindFlag:
		ss := s.sessionFor(e.Session, e.day, e.at)
		f := Flag{Day: ss.day, Session: e.Session, Move: e.Move, Kind: FlagKind(e.Flag), At: e.at}
		if !slices.ContainsFunc(ss.flags, func(g Flag) bool { return g.Move == f.Move && g.Kind == f.Kind }) {
			ss.flags = append(ss.flags, f) // a repeated entry (a retried write) counts once
		}
		ss.touch(e.at)
	case KindNote:
		ds := s.day(e.day)
		if e.Text == "" {
			ds.note = nil
			return
		}
		ds.note = &Note{Day: e.day, Session: e.Session, Text: CutNote(e.Text), At: e.at}
	}
}
