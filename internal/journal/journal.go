package journal

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// BackfillDays is how many days, today included, can still be ticked or
// unticked by hand.
const BackfillDays = 7

// Errors returned by the journal.
var (
	// ErrLocked: another process (another instance of the app) has the
	// journal open for writing.
	ErrLocked = errors.New("journal is in use by another instance of Spine Routine")
	// ErrReadOnly: the journal was opened with Load and cannot be changed.
	ErrReadOnly = errors.New("journal is open read-only")
	// ErrClosed: the journal was closed.
	ErrClosed = errors.New("journal is closed")
	// ErrTooOld: the day is earlier than the back-fill window allows.
	ErrTooOld = fmt.Errorf("only the last %d days can be changed", BackfillDays)
	// ErrFuture: the day is later than tomorrow.
	ErrFuture = errors.New("the day has not begun yet")
	// ErrUnknownSession: no session with that id is in the journal.
	ErrUnknownSession = errors.New("unknown session")
)

// Clock returns the current time.
type Clock func() time.Time

// Options tune Open.
type Options struct {
	// Now names set-aside files and stamps the entries the journal writes
	// on its own; nil means time.Now.
	Now Clock
}

// syncWriter is where entries are appended: an *os.File, or a test double.
type syncWriter interface {
	io.Writer
	Sync() error
}

// Journal is the open journal of one data directory. Its methods are safe
// for concurrent use.
type Journal struct {
	mu       sync.Mutex
	dir      string
	path     string // the file new entries go to
	readOnly bool
	closed   bool
	lock     *os.File
	file     *os.File
	out      syncWriter
	needNL   bool // the file does not end with a newline
	warnings []string
	now      Clock
	st       state
}

// DefaultDir returns where the app keeps its data when --data is not
// given: Fyne's storage root for appID, <user config dir>/fyne/<appID>
// (~/.config/fyne/<appID> on Linux).
func DefaultDir(appID string) (string, error) {
	cfg, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("journal: no default data directory: %w", err)
	}
	return filepath.Join(cfg, "fyne", appID), nil
}

// Open opens the journal in dir for reading and writing, creating dir
// (mode 0700) when needed. It takes an exclusive lock on dir/journal.lock
// and fails with ErrLocked when another process holds it. Damaged or
// foreign files do not make Open fail: they are left untouched and reported
// by Warnings, and new entries go to a fresh file when needed. Open fails
// only when nothing could be written at all.
func Open(dir string, opts Options) (*Journal, error) {
	j := &Journal{dir: dir, now: opts.Now, st: newState()}
	if j.now == nil {
		j.now = time.Now
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("journal %s: %w", dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	j.lock = lock
	files, err := j.read()
	if err != nil {
		j.Close()
		return nil, err
	}
	if err := j.openTarget(files); err != nil {
		j.Close()
		return nil, err
	}
	for _, sc := range files {
		if sc.path != j.path {
			j.warnDamage(sc)
		}
	}
	return j, nil
}

// Load reads the journal in dir without locking it and without writing
// anything: for tools that only look (the log command). A missing dir gives
// an empty journal. Appending to a loaded journal fails with ErrReadOnly.
func Load(dir string) (*Journal, error) {
	j := &Journal{dir: dir, readOnly: true, now: time.Now, st: newState()}
	files, err := j.read()
	if err != nil {
		return nil, err
	}
	// Path is where Open would write: the last file, or the one after it
	// when the last is foreign.
	j.path = filepath.Join(dir, fileName(1))
	if n := len(files); n > 0 {
		j.path = files[n-1].path
		if files[n-1].foreign != "" {
			j.path = filepath.Join(dir, fileName(files[n-1].num+1))
		}
	}
	for _, sc := range files {
		j.warnDamage(sc)
	}
	return j, nil
}

// warnDamage reports the damage of a file that is not written to (so it
// cannot be acknowledged): on every start.
func (j *Journal) warnDamage(sc *scanned) {
	if sc.foreign != "" {
		return
	}
	if len(sc.damaged) > 0 {
		j.warnf("journal %s: %s skipped (line %s)", sc.path,
			plural(len(sc.damaged), "damaged line", "damaged lines"), lineList(sc.damaged))
	}
	if len(sc.tail) > 0 {
		j.warnf("journal %s: the last entry is incomplete (%d bytes; a write was cut short or is in progress) and is skipped",
			sc.path, len(sc.tail))
	}
}

// read scans every journal file of the directory, folds the readable ones
// in file order and reports foreign ones.
func (j *Journal) read() ([]*scanned, error) {
	nums, err := listFiles(j.dir)
	if err != nil {
		return nil, err
	}
	files := make([]*scanned, 0, len(nums))
	for _, n := range nums {
		sc := scanFile(filepath.Join(j.dir, fileName(n)), n, j.st.apply)
		files = append(files, sc)
		if sc.foreign != "" {
			j.warnf("journal %s %s; it was left untouched and its entries are not shown", sc.path, sc.foreign)
		}
	}
	return files, nil
}

// openTarget picks the file new entries go to: the last journal file when
// it is readable and writable, else a fresh one numbered after it. A torn
// last line of the target is copied aside and closed by a newline, and
// damaged lines are acknowledged by a "damaged" entry, so that each is
// reported once.
func (j *Journal) openTarget(files []*scanned) error {
	var last *scanned
	next := 1
	if n := len(files); n > 0 {
		last = files[n-1]
		next = last.num + 1
	}
	if last != nil && last.foreign == "" {
		f, err := os.OpenFile(last.path, os.O_WRONLY|os.O_APPEND, 0)
		if err == nil {
			j.file, j.out, j.path = f, f, last.path
			j.needNL = last.noNL
			j.acknowledge(last)
			return nil
		}
		j.warnf("journal %s cannot be written (%s); it was left untouched", last.path, errText(err))
	}
	// A fresh file. O_EXCL: never adopt a file that appeared meanwhile.
	for {
		path := filepath.Join(j.dir, fileName(next))
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			next++
			continue
		}
		if err != nil {
			return fmt.Errorf("journal %s: %w", path, err)
		}
		if err := syncDir(j.dir); err != nil {
			f.Close()
			return fmt.Errorf("journal %s: %w", j.dir, err)
		}
		j.file, j.out, j.path = f, f, path
		if len(files) > 0 {
			j.warnf("journal: new entries go to %s", path)
		}
		return nil
	}
}

// acknowledge reports the damage found in the target file and records that
// it was reported.
func (j *Journal) acknowledge(sc *scanned) {
	ack := entry{Kind: KindDamaged, Lines: slices.Clone(sc.damaged)}
	if len(sc.damaged) > 0 {
		j.warnf("journal %s: %s skipped (line %s); they stay in the file", sc.path,
			plural(len(sc.damaged), "damaged line", "damaged lines"), lineList(sc.damaged))
	}
	if len(sc.tail) > 0 {
		torn := sc.lines + 1
		ack.Lines = append(ack.Lines, torn)
		side := sidePath(sc.path, j.now().Format("20060102T150405"))
		if err := writeSide(side, sc.tail); err != nil {
			j.warnf("journal %s: the last entry was cut short by an interrupted write (%d bytes, line %d) and is skipped; copying it aside failed: %v",
				sc.path, len(sc.tail), torn, err)
		} else {
			ack.Side = filepath.Base(side)
			j.warnf("journal %s: the last entry was cut short by an interrupted write; its %d bytes were set aside in %s",
				sc.path, len(sc.tail), side)
		}
	}
	if len(ack.Lines) == 0 {
		return
	}
	if err := j.write(&ack, j.now()); err != nil {
		j.warnf("%v (the damage will be reported again)", err)
	}
}

func (j *Journal) warnf(format string, args ...any) {
	j.warnings = append(j.warnings, fmt.Sprintf(format, args...))
}

// Warnings returns what went wrong while opening: each message names the
// file and what was skipped or set aside. The app shows them once.
func (j *Journal) Warnings() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	return slices.Clone(j.warnings)
}

// Path returns the file new entries go to (for Load: where Open would
// write; the file may not exist yet).
func (j *Journal) Path() string { return j.path }

// Dir returns the data directory.
func (j *Journal) Dir() string { return j.dir }

// Close releases the file and the lock. Appending after Close fails with
// ErrClosed; queries keep working.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.closed {
		return nil
	}
	j.closed = true
	var errs []error
	if j.file != nil {
		errs = append(errs, j.file.Close())
	}
	if j.lock != nil {
		errs = append(errs, j.lock.Close()) // closing releases the flock
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return nil
}

// write appends e, stamped at, as one line with a single Write, then syncs
// the file. On error nothing is folded; a partly written line is closed by
// a newline before the next entry.
func (j *Journal) write(e *entry, at time.Time) error {
	switch {
	case j.readOnly:
		return ErrReadOnly
	case j.closed:
		return ErrClosed
	}
	e.V = Version
	e.TS = at.Format(time.RFC3339)
	line, err := encode(e)
	if err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	if j.needNL {
		line = append([]byte{'\n'}, line...)
	}
	n, err := j.out.Write(line)
	if err == nil && n < len(line) {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 {
			j.needNL = true
		}
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	j.needNL = false
	if err := j.out.Sync(); err != nil {
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	return nil
}

// record writes e, counting for day, and folds it into the in-memory state.
func (j *Journal) record(e entry, day Day, at time.Time) error {
	e.Day = day.String()
	if err := j.write(&e, at); err != nil {
		return err
	}
	ev := event{entry: e, at: at, atOK: true, day: day}
	j.st.apply(&ev)
	return nil
}

// checkDay rejects days outside the back-fill window as seen at at. The
// day after at's date is let through: after a flight west the checklist
// may still show a day that has not begun in the new zone.
func checkDay(day Day, at time.Time) error {
	today := DayOf(at)
	switch {
	case day.IsZero():
		return errors.New("no day given")
	case day.After(today.Add(1)):
		return fmt.Errorf("day %s: %w", day, ErrFuture)
	case today.Sub(day) >= BackfillDays:
		return fmt.Errorf("day %s: %w", day, ErrTooOld)
	}
	return nil
}

// MarkDone records move as done. A move completed in a session (session
// not "") counts for the day the session started, whatever day is passed;
// a tick by hand counts for day, which must be one of the last
// BackfillDays days as seen at at (or the next day, which a change of time
// zone can make the checklist show). The entry is on disk when MarkDone
// returns nil.
func (j *Journal) MarkDone(day Day, move string, src Source, session string, at time.Time) error {
	if src != Timer && src != Hand {
		return fmt.Errorf("journal: unknown source %q", src)
	}
	return j.mark(KindDone, day, move, src, session, at)
}

// MarkUndone takes back the tick of move on day (one of the last
// BackfillDays days). It writes nothing when the move is not done.
func (j *Journal) MarkUndone(day Day, move string, at time.Time) error {
	return j.mark(KindUndone, day, move, Hand, "", at)
}

func (j *Journal) mark(kind Kind, day Day, move string, src Source, session string, at time.Time) error {
	if move == "" {
		return errors.New("journal: no move given")
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if session != "" {
		ss := j.st.sessions[session]
		if ss == nil {
			return fmt.Errorf("journal: %w %q", ErrUnknownSession, session)
		}
		day = ss.day
	}
	if err := checkDay(day, at); err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if kind == KindUndone && !j.st.done(day)[move] {
		return nil
	}
	return j.record(entry{Kind: kind, Move: move, Src: src, Session: session}, day, at)
}

// StartSession records the start of a timed session of the given routine
// (its source) and selected moves, and returns the new session's id. The
// session counts for the local date of at.
func (j *Journal) StartSession(at time.Time, routine string, moves []string) (string, error) {
	var rnd [3]byte
	if _, err := rand.Read(rnd[:]); err != nil {
		return "", fmt.Errorf("journal: session id: %w", err)
	}
	id := at.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(rnd[:])
	j.mu.Lock()
	defer j.mu.Unlock()
	e := entry{Kind: KindSessionStart, Session: id, Routine: routine, Moves: slices.Clone(moves)}
	if err := j.record(e, DayOf(at), at); err != nil {
		return "", err
	}
	return id, nil
}

// EndSession records the end of session id. Ending a session twice is an
// error.
func (j *Journal) EndSession(id string, reason EndReason, at time.Time) error {
	switch reason {
	case Finished, Stopped, Abandoned:
	default:
		return fmt.Errorf("journal: unknown end reason %q", reason)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	ss := j.st.sessions[id]
	if ss == nil {
		return fmt.Errorf("journal: %w %q", ErrUnknownSession, id)
	}
	if ss.ended {
		return fmt.Errorf("journal: session %s already ended (%s)", id, ss.reason)
	}
	return j.record(entry{Kind: KindSessionEnd, Session: id, Reason: string(reason)}, ss.day, at)
}

// SavePain records a 0–10 pain check-in before or after session id. A
// later check-in of the same session and moment replaces the earlier one.
func (j *Journal) SavePain(id string, when When, v int, at time.Time) error {
	if when != Before && when != After {
		return fmt.Errorf("journal: pain check-in %q: want before or after", when)
	}
	if v < 0 || v > MaxPain {
		return fmt.Errorf("journal: pain %d: want 0 to %d", v, MaxPain)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	ss := j.st.sessions[id]
	if ss == nil {
		return fmt.Errorf("journal: %w %q", ErrUnknownSession, id)
	}
	return j.record(entry{Kind: KindPain, Session: id, When: when, Pain: &v}, ss.day, at)
}

// SavePosition records where session p.Session stands (called at each step
// boundary). p.Routine and p.Moves are written only when they differ from
// what the session started with; p.At is ignored.
func (j *Journal) SavePosition(p Position, at time.Time) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	ss := j.st.sessions[p.Session]
	if ss == nil {
		return fmt.Errorf("journal: %w %q", ErrUnknownSession, p.Session)
	}
	step, set := p.Step, p.Set
	e := entry{Kind: KindPosition, Session: p.Session, Move: p.Move, Step: &step, Set: &set}
	if p.Routine != ss.routine {
		e.Routine = p.Routine
	}
	if !slices.Equal(p.Moves, ss.moves) {
		e.Moves = slices.Clone(p.Moves)
	}
	return j.record(e, ss.day, at)
}

// Done returns the moves done on day.
func (j *Journal) Done(day Day) map[string]bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.done(day)
}

// Day returns the summary of one day.
func (j *Journal) Day(day Day) DaySummary {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.summary(day)
}

// Days returns the summaries of every day from from to to inclusive, days
// without entries included, newest first.
func (j *Journal) Days(from, to Day) []DaySummary {
	j.mu.Lock()
	defer j.mu.Unlock()
	if to.Before(from) {
		from, to = to, from
	}
	out := make([]DaySummary, 0, to.Sub(from)+1)
	for d := to; !d.Before(from); d = d.Add(-1) {
		out = append(out, j.st.summary(d))
	}
	return out
}

// FirstDay returns the earliest day with a move done or a session.
func (j *Journal) FirstDay() (Day, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.firstDay()
}

// Streaks returns the daily and weekly streaks as of today; weeklyTarget
// is the number of days a week needs (0: DefaultWeeklyTarget; at most 7).
func (j *Journal) Streaks(today Day, weeklyTarget int) Streaks {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.streaks(today, weeklyTarget)
}

// ResumePoint returns the last saved position of a session that started
// today, has not ended and has a position; with several, the one saved
// last. To resume, keep using its session id; to start fresh, end it with
// Abandoned.
func (j *Journal) ResumePoint(today Day) (Position, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.st.resumePoint(today)
}

// SessionDay returns the day session id counts for.
func (j *Journal) SessionDay(id string) (Day, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if ss := j.st.sessions[id]; ss != nil {
		return ss.day, true
	}
	return Day{}, false
}
