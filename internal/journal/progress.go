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
	case LevelSuggested, LevelHand, LevelStart, LevelHurt, LevelSafety:
		return true
	}
	return false
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
	case KindNote:
		if e.day.IsZero() {
			return errors.New("note entry without day")
		}
		if err := checkNote(e.Text); err != nil {
			return fmt.Errorf("bad note entry: %w", err)
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
		ds.note = &Note{Day: e.day, Session: e.Session, Text: e.Text, At: e.at}
	}
}

// levelOn returns the entry of recs in force on day d: the last one (by
// day, then journal order) set for d or, when it holds on, for a day
// before.
func levelOn(recs []levelRec, d Day) (Level, bool) {
	var best *levelRec
	for i := range recs {
		r := &recs[i]
		if r.Day.After(d) || (r.Today && r.Day != d) {
			continue
		}
		if best == nil || r.Day.After(best.Day) || (r.Day == best.Day && r.seq > best.seq) {
			best = r
		}
	}
	if best == nil {
		return Level{}, false
	}
	return best.Level, true
}

// levels returns the level in force of each move with one on day d.
func (s *state) levelsOn(d Day) map[string]Level {
	out := make(map[string]Level, len(s.levels))
	for move, recs := range s.levels {
		if l, ok := levelOn(recs, d); ok {
			out[move] = l
		}
	}
	return out
}

// levelHistory returns, for each move with a level in [from, to], the
// spans of its levels.
func (s *state) levelHistory(from, to Day) map[string][]LevelSpan {
	out := make(map[string][]LevelSpan)
	for move, recs := range s.levels {
		// The level can change only on from, on a day an entry is set
		// for, and the day after a level for one day.
		days := []Day{from}
		for _, r := range recs {
			if r.Day.After(from) && !r.Day.After(to) {
				days = append(days, r.Day)
			}
			if r.Today && !r.Day.Before(from) && r.Day.Before(to) {
				days = append(days, r.Day.Add(1))
			}
		}
		slices.SortFunc(days, Day.Compare)
		days = slices.Compact(days)
		var spans []LevelSpan
		for _, d := range days {
			l, ok := levelOn(recs, d)
			if !ok || (len(spans) > 0 && spans[len(spans)-1].Level == l) {
				continue
			}
			spans = append(spans, LevelSpan{From: d, Level: l})
		}
		if len(spans) > 0 {
			out[move] = spans
		}
	}
	return out
}

// record returns what session ss did.
func (ss *session) record() SessionRecord {
	r := SessionRecord{ID: ss.id, Day: ss.day, Start: ss.start, Routine: ss.routine,
		Timed: slices.Clone(ss.timed), Flags: slices.Clone(ss.flags)}
	if ss.ended {
		r.Reason = ss.reason
	}
	for k, p := range []**int{&r.PainBefore, &r.PainAfter} {
		if v := ss.pain[k]; v != nil {
			c := *v
			*p = &c
		}
	}
	return r
}

// detail returns the sessions and the note of day d, from the fold or
// the archive.
func (s *state) detail(d Day) ([]SessionRecord, *Note) {
	ds := s.days[d]
	if ds == nil {
		det, _ := s.arch.detail(d)
		return det.sessions, det.note
	}
	out := make([]SessionRecord, 0, len(ds.sessions))
	for _, ss := range ds.sessions {
		out = append(out, ss.record())
	}
	var note *Note
	if ds.note != nil {
		n := *ds.note
		note = &n
	}
	return out, note
}

// SetLevel records the person's level of move (1-based) from day on, or
// for day only when today is set. day must be one of the last
// BackfillDays days as seen at at (or the next day).
func (j *Journal) SetLevel(day Day, move string, level int, src LevelSource, today bool, at time.Time) error {
	switch {
	case move == "":
		return errors.New("journal: level: no move given")
	case level < 1 || level > MaxLevel:
		return fmt.Errorf("journal: level %d of %s: want 1 to %d", level, move, MaxLevel)
	case !knownSource(src):
		return fmt.Errorf("journal: level of %s: unknown source %q", move, src)
	}
	if err := checkDay(day, at); err != nil {
		return fmt.Errorf("journal: level of %s: %w", move, err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.record(entry{Kind: KindLevel, Move: move, Level: &level, Src: Source(src), Today: today}, day, at)
}

// MarkTimed records move as completed by the timer in session at level
// (1-based; 0 when not known), for the session's day, like MarkDone with
// source Timer.
func (j *Journal) MarkTimed(session, move string, level int, at time.Time) error {
	if session == "" {
		return errors.New("journal: a timed move needs its session")
	}
	if level < 0 || level > MaxLevel {
		return fmt.Errorf("journal: level %d of %s: want 1 to %d", level, move, MaxLevel)
	}
	return j.mark(KindDone, Day{}, move, Timer, session, level, at)
}

// FlagMove records that move was flagged in session ("this hurts", or
// numbness, tingling or weakness).
func (j *Journal) FlagMove(session, move string, kind FlagKind, at time.Time) error {
	if move == "" {
		return errors.New("journal: flag: no move given")
	}
	if kind != FlagHurts && kind != FlagNerve {
		return fmt.Errorf("journal: flag of %s: unknown kind %q", move, kind)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	day, ok := j.sessionDay(session)
	if !ok {
		return fmt.Errorf("journal: flag of %s: %w %q", move, ErrUnknownSession, session)
	}
	return j.record(entry{Kind: KindFlag, Session: session, Move: move, Flag: string(kind)}, day, at)
}

// SaveNote records the one-line note of day, or of the day of session
// when session is not "". A later note of the day replaces it; an empty
// text removes it. The text is trimmed, at most MaxNote characters, on one
// line.
func (j *Journal) SaveNote(day Day, session, text string, at time.Time) error {
	text = strings.TrimSpace(text)
	if err := checkNote(text); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if session != "" {
		d, ok := j.sessionDay(session)
		if !ok {
			return fmt.Errorf("journal: note: %w %q", ErrUnknownSession, session)
		}
		day = d
	}
	if err := checkDay(day, at); err != nil {
		return fmt.Errorf("journal: note: %w", err)
	}
	return j.record(entry{Kind: KindNote, Session: session, Text: text}, day, at)
}

// Levels returns the level in force on day of each move that has one:
// the last level set for that day or, unless it held for its day only,
// for a day before. Moves without a level entry are not in the map (their
// level is the routine's start level).
func (j *Journal) Levels(day Day) map[string]Level {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.levelsOn(day)
}

// LevelHistory returns, by move, the spans of the levels in force from
// from to to inclusive, oldest first: the level in force on from (when
// any), then each change, a level for one day followed by the level that
// holds again the day after.
func (j *Journal) LevelHistory(from, to Day) map[string][]LevelSpan {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	return j.st.levelHistory(from, to)
}

// Sessions returns the timed sessions of the days from from to to
// inclusive, oldest first (by day, then in the order they started).
func (j *Journal) Sessions(from, to Day) []SessionRecord {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	var out []SessionRecord
	for d := from; !d.After(to); d = d.Add(1) {
		ss, _ := j.st.detail(d)
		out = append(out, ss...)
	}
	return out
}

// Flags returns the flags of the sessions of the days from from to to
// inclusive, oldest first.
func (j *Journal) Flags(from, to Day) []Flag {
	var out []Flag
	for _, ss := range j.Sessions(from, to) {
		out = append(out, ss.Flags...)
	}
	return out
}

// Notes returns the notes of the days from from to to inclusive, one a
// day (the last written), oldest first.
func (j *Journal) Notes(from, to Day) []Note {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	var out []Note
	for d := from; !d.After(to); d = d.Add(1) {
		if _, n := j.st.detail(d); n != nil {
			out = append(out, *n)
		}
	}
	return out
}
