package journal

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"spineroutine/internal/regfile"
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
	// files are the journal files read, and the fresh one written to;
	// target is the one written to.
	files  []*scanned
	target *scanned
	// unsaved counts the bytes read or written past the checkpoint.
	unsaved int64
	// failed is set once a write failed: the file may then hold a line the
	// fold does not, and no checkpoint is saved.
	failed bool
	// pending are the entries waiting to be written, oldest first, and
	// pendingErr why the last attempt failed (see pending.go).
	pending    []pendingEntry
	pendingErr error
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
		return nil, readOnlyDir(dir, err)
	}
	j.lock = lock
	removeTemps(dir)
	files, err := j.read()
	if err != nil {
		j.Close()
		return nil, err
	}
	j.readResume()
	if err := j.openTarget(files); err != nil {
		j.Close()
		return nil, readOnlyDir(dir, err)
	}
	for _, sc := range files {
		if sc.path != j.path {
			j.warnDamage(sc)
		}
	}
	j.warnFlagsOnly()
	j.maybeCheckpoint()
	return j, nil
}

// warnFlagsOnly says which flags name a session the journal does not
// hold: they count for their move, not as a session.
func (j *Journal) warnFlagsOnly() {
	if ids := j.st.flagsOnly(); len(ids) > 0 {
		j.warnf("journal: flags name %s that the journal does not hold (%s): they count for their move, not as a session",
			plural(len(ids), "session", "sessions"), strings.Join(ids, ", "))
	}
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
	j.readResume()
	// Path is where Open would write.
	j.path = filepath.Join(dir, fileName(freeNumber(dir, files)))
	if last := lastJournal(files); last != nil && !last.full() {
		j.path = last.path
	}
	for _, sc := range files {
		j.warnDamage(sc)
	}
	j.warnFlagsOnly()
	return j, nil
}

// maybeCheckpoint saves the fold once enough was read or written past the
// last checkpoint. Failing to save it costs only time at the next start,
// so it is reported as a warning.
func (j *Journal) maybeCheckpoint() {
	if j.readOnly || j.closed || j.failed || j.unsaved < checkpointEvery {
		return
	}
	// Read what was appended, to know where the target file stands.
	j.target.scan(func(*event) {})
	if err := j.saveCheckpoint(j.files); err != nil {
		j.warnf("%v (the next start reads the whole journal)", err)
		return
	}
	j.unsaved = 0
}

// warnDamage reports the damage of a file that is not written to (so it
// cannot be acknowledged): on every start.
func (j *Journal) warnDamage(sc *scanned) {
	if sc.foreign != "" {
		return
	}
	j.warnNewer(sc)
	if len(sc.damaged) > 0 {
		j.warnf("journal %s: %s skipped (line %s)", sc.path,
			plural(len(sc.damaged), "damaged line", "damaged lines"), lineList(sc.damaged))
	}
	if len(sc.tail) > 0 {
		j.warnf("journal %s: the last entry is incomplete (%d bytes; a write was cut short or is in progress) and is skipped",
			sc.path, len(sc.tail))
	}
}

// warnNewer reports the lines of sc that a newer version of the app wrote:
// they are not damaged, this version cannot show them. Reported on every
// start, since only an update makes them readable.
func (j *Journal) warnNewer(sc *scanned) {
	if len(sc.newer) > 0 {
		j.warnf("journal %s: %s written by a newer version of Spine Routine %s not shown (line %s); update Spine Routine to see them",
			sc.path, plural(len(sc.newer), "entry", "entries"), isAre(len(sc.newer)), lineList(sc.newer))
	}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// read scans every journal file of the directory, folds the readable ones
// in file order and reports foreign ones. A checkpoint that matches the
// files spares reading what it covers; when what follows it changes an
// archived day, everything is read again (the archive keeps what a day
// shows, not how it was reached).
func (j *Journal) read() ([]*scanned, error) {
	nums, err := listFiles(j.dir)
	if err != nil {
		return nil, err
	}
	warned := len(j.warnings)
	files := j.readFiles(nums, j.loadCheckpoint(nums))
	if j.st.thawed {
		j.st, j.unsaved, j.warnings = newState(), 0, j.warnings[:warned]
		files = j.readFiles(nums, nil)
	}
	return files, nil
}

// readFiles reads the files nums, those covered by a checkpoint from where
// it stopped.
func (j *Journal) readFiles(nums []int, covered []*scanned) []*scanned {
	files := make([]*scanned, 0, len(nums))
	for i, n := range nums {
		var sc *scanned
		from := int64(0)
		if i < len(covered) {
			sc = covered[i]
			from = sc.offset
			sc.scan(j.st.apply)
		} else {
			sc = scanFile(filepath.Join(j.dir, fileName(n)), n, j.st.apply)
		}
		j.unsaved += sc.offset - from + int64(len(sc.tail))
		files = append(files, sc)
		if sc.foreign != "" {
			j.warnf("journal %s %s; it was left untouched and its entries are not shown", sc.path, sc.foreign)
		}
	}
	return files
}

// ErrReadOnlyDir is wrapped by Open's error when the data directory cannot
// be written.
var ErrReadOnlyDir = errors.New("the data folder is read-only")

// isReadOnly reports whether err says a file or directory cannot be
// written: its permissions, or a read-only file system.
func isReadOnly(err error) bool {
	return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
}

// readOnlyDir rewords an error of Open that comes from a data directory
// that cannot be written, saying what it means and what to do.
func readOnlyDir(dir string, err error) error {
	if !isReadOnly(err) || errors.Is(err, ErrLocked) {
		return err
	}
	return fmt.Errorf("journal: %w: %s (%s), so nothing can be saved; make it writable (chmod u+w %s) "+
		"or start Spine Routine with --data and a folder you can write to", ErrReadOnlyDir, dir, regfile.Cause(err), dir)
}

// lastJournal returns the highest-numbered file that is a journal, or nil.
// Foreign files numbered above it are not read, so they do not matter.
func lastJournal(files []*scanned) *scanned {
	for i := len(files) - 1; i >= 0; i-- {
		if files[i].foreign == "" {
			return files[i]
		}
	}
	return nil
}

// full reports whether new entries should go to the next file.
func (sc *scanned) full() bool {
	return sc.offset+int64(len(sc.tail)) >= rolloverSize
}

// freeNumber returns the number a fresh file would get: the first one
// after the last journal file that no file holds yet, looked for among
// regfile.FreeTries numbers at most (openTarget then reports the last
// one taken).
func freeNumber(dir string, files []*scanned) int {
	n := 1
	if last := lastJournal(files); last != nil {
		n = last.num + 1
	}
	for tries := 1; n < MaxFileNumber && tries < regfile.FreeTries; n, tries = n+1, tries+1 {
		if _, err := os.Lstat(filepath.Join(dir, fileName(n))); errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	return n
}

// openTarget picks the file new entries go to: the last journal file when
// it is readable and writable, else a fresh one numbered after it. A torn
// last line of the target is copied aside and closed by a newline, and
// damaged lines are acknowledged by a "damaged" entry, so that each is
// reported once.
func (j *Journal) openTarget(files []*scanned) error {
	j.files = files
	last := lastJournal(files)
	if last != nil && !last.full() {
		f, err := regfile.OpenAppend(last.path)
		if err == nil {
			j.file, j.out, j.path, j.target = f, f, last.path, last
			j.needNL = last.noNL
			j.acknowledge(last)
			return nil
		}
		if isReadOnly(err) {
			j.warnf("journal %s is read-only (%s): it was left untouched and new entries go to a new file; "+
				"to keep writing to it, make it writable (chmod u+w %s)", last.path, regfile.Cause(err), last.path)
		} else {
			j.warnf("journal %s cannot be written (%s); it was left untouched", last.path, regfile.Cause(err))
		}
	}
	// A fresh file. O_EXCL: never adopt a file that appeared meanwhile.
	first := freeNumber(j.dir, files)
	for next := first; ; next++ {
		path := filepath.Join(j.dir, fileName(next))
		if next > MaxFileNumber || next-first >= regfile.FreeTries {
			return fmt.Errorf("journal %s: %w: %s and the %d names after it are taken by files that are not journals",
				j.dir, regfile.ErrNoFreeName, fileName(first), next-first-1)
		}
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
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
		j.target = &scanned{path: path, num: next, sum: sha256.New()}
		j.files = append(j.files, j.target)
		if len(files) > 0 && (last == nil || !last.full()) {
			j.warnf("journal: new entries go to %s", path)
		}
		return nil
	}
}

// acknowledge reports the damage found in the target file and records that
// it was reported.
func (j *Journal) acknowledge(sc *scanned) {
	ack := entry{Kind: KindDamaged, Lines: slices.Clone(sc.damaged)}
	j.warnNewer(sc)
	if len(sc.damaged) > 0 {
		j.warnf("journal %s: %s skipped (line %s); they stay in the file", sc.path,
			plural(len(sc.damaged), "damaged line", "damaged lines"), lineList(sc.damaged))
	}
	if len(sc.tail) > 0 {
		torn := sc.lines + 1
		ack.Lines = append(ack.Lines, torn)
		side, err := sidePath(sc.path, j.now().Format("20060102T150405"))
		if err == nil {
			err = writeSide(side, sc.tail)
		}
		if err != nil {
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
	var errs []error
	if len(j.pending) > 0 && !j.readOnly {
		if j.flush() != nil {
			errs = append(errs, fmt.Errorf("%s could not be written and %s lost: %w",
				plural(len(j.pending), "entry", "entries"), isAre(len(j.pending)), j.pendingErr))
		}
	}
	j.maybeCheckpoint()
	j.closed = true
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
		j.failed = true
		if n > 0 {
			j.needNL = true
		}
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
	j.needNL = false
	j.unsaved += int64(n)
	if err := j.out.Sync(); err != nil {
		j.failed = true
		return fmt.Errorf("journal %s: %w", j.path, err)
	}
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
// returns nil. Every append (MarkDone, MarkUndone, StartSession,
// EndSession, SavePain) that cannot write its entry keeps it, returns an
// error wrapping ErrNotSaved, and writes it at the next append or Retry;
// see Pending.
func (j *Journal) MarkDone(day Day, move string, src Source, session string, at time.Time) error {
	if src != Timer && src != Hand {
		return fmt.Errorf("journal: unknown source %q", src)
	}
	return j.mark(KindDone, day, move, src, session, 0, at)
}

// MarkUndone takes back the tick of move on day (one of the last
// BackfillDays days). It writes nothing when the move is not done.
func (j *Journal) MarkUndone(day Day, move string, at time.Time) error {
	return j.mark(KindUndone, day, move, Hand, "", 0, at)
}

// entryDay is the day an entry of session (none when "") counts for: the
// session's day, or day when there is no session; either must be one the
// journal may still change at time at (checkDay). j.mu must be held.
func (j *Journal) entryDay(day Day, session string, at time.Time) (Day, error) {
	if session != "" {
		d, ok := j.sessionDay(session)
		if !ok {
			return day, fmt.Errorf("%w %q", ErrUnknownSession, session)
		}
		day = d
	}
	return day, checkDay(day, at)
}

// mark records a done or undone entry; level 0 writes none.
func (j *Journal) mark(kind Kind, day Day, move string, src Source, session string, level int, at time.Time) error {
	if move == "" {
		return errors.New("journal: no move given")
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	day, err := j.entryDay(day, session, at)
	if err != nil {
		return fmt.Errorf("journal: %w", err)
	}
	if kind == KindUndone {
		done, ok := j.pendingDone(day, move)
		if !ok {
			done = j.st.done(day)[move]
		}
		if !done {
			return nil
		}
	}
	e := entry{Kind: kind, Move: move, Src: src, Session: session}
	if level > 0 {
		e.Level = &level
	}
	return j.record(e, day, at)
}

// StartSession records the start of a timed session of the given routine
// (its source) and selected moves, and returns the new session's id. The
// session counts for the local date of at. When the start cannot be
// written yet, it returns the id with an error wrapping ErrNotSaved: the
// session can be used, its entries wait behind its start.
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
		if errors.Is(err, ErrNotSaved) {
			return id, err
		}
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
	day, ok := j.sessionDay(id)
	if !ok {
		return fmt.Errorf("journal: %w %q", ErrUnknownSession, id)
	}
	_, endWaits, _ := j.pendingSession(id)
	if ss := j.st.sessions[id]; endWaits || (ss != nil && ss.ended) {
		return fmt.Errorf("journal: session %s already ended", id)
	}
	return j.record(entry{Kind: KindSessionEnd, Session: id, Reason: string(reason)}, day, at)
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
	day, ok := j.sessionDay(id)
	if !ok {
		return fmt.Errorf("journal: %w %q", ErrUnknownSession, id)
	}
	return j.record(entry{Kind: KindPain, Session: id, When: when, Pain: &v}, day, at)
}

// SavePosition records where session p.Session stands (called at each step
// boundary) in resume.json, replaced atomically: the journal does not grow.
// An empty p.Routine or nil p.Moves mean those the session started with;
// p.At is ignored.
func (j *Journal) SavePosition(p Position, at time.Time) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	switch {
	case j.readOnly:
		return ErrReadOnly
	case j.closed:
		return ErrClosed
	}
	if _, ok := j.sessionDay(p.Session); !ok {
		return fmt.Errorf("journal: %w %q", ErrUnknownSession, p.Session)
	}
	old := slices.Clone(j.st.live)
	p.At = at
	j.st.setLive(p)
	if err := j.writeResume(at); err != nil {
		j.st.live = old
		return err
	}
	return nil
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

// Streaks returns the daily and weekly streaks as of today, any day: the
// days after it do not count, whether read from the files or from the
// checkpoint's archive. weeklyTarget is the number of days a week needs
// (0: DefaultWeeklyTarget; at most 7).
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
	return j.sessionDay(id)
}

// sessionDay returns the day of session id, written or waiting to be.
func (j *Journal) sessionDay(id string) (Day, bool) {
	if ss := j.st.sessions[id]; ss != nil {
		return ss.day, true
	}
	day, _, ok := j.pendingSession(id)
	return day, ok
}
