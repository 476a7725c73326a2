package journal

// The appends of progression: a level, a timed move at its level, a flag,
// the day's note.

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

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
	day, err := j.entryDay(day, session, at)
	if err != nil {
		return fmt.Errorf("journal: note: %w", err)
	}
	return j.record(entry{Kind: KindNote, Session: session, Text: text}, day, at)
}
