package ui

import (
	"errors"
	"fmt"
	"time"

	"spineroutine/internal/journal"
	"spineroutine/internal/progress"
	"spineroutine/internal/report"
	"spineroutine/internal/schedule"
)

// This file is the only one of the package that imports the journal: the
// recorder writes every entry, and the rest of the package reads through
// it. The journal's value types the views pass around are named here.

// Journal is the journal of what was done (Options.Journal).
type Journal = journal.Journal

type (
	day        = journal.Day
	daySummary = journal.DaySummary
	streaks    = journal.Streaks
	painWhen   = journal.When
	position   = journal.Position
	levelSrc   = journal.LevelSource
	flagKind   = journal.FlagKind
	levelSpan  = journal.LevelSpan
	moveFlag   = journal.Flag
	dayNote    = journal.Note
)

const (
	painBeforeSession   = journal.Before
	painAfterSession    = journal.After
	maxPain             = journal.MaxPain
	backfillDays        = journal.BackfillDays
	defaultWeeklyTarget = journal.DefaultWeeklyTarget

	srcSuggested = journal.LevelSuggested
	srcHand      = journal.LevelHand
	srcStart     = journal.LevelStart
	srcHurt      = journal.LevelHurt
	srcSafety    = journal.LevelSafety
	srcRestored  = journal.LevelRestored
	flagHurts    = journal.FlagHurts
	flagNerve    = journal.FlagNerve
)

// dayOf is the calendar day of t.
func dayOf(t time.Time) day { return journal.Today(t) }

// nextMidnight is the start of the day after now's.
func nextMidnight(now time.Time) time.Time { return journal.NextMidnight(now) }

// pendingRetry is how often the recorder retries the journal entries that
// could not be written (a full disk): the journal keeps them in memory, in
// order, until they are on disk.
const pendingRetry = 5 * time.Second

// journalReader is what the views read of the journal (*journal.Journal);
// it writes nothing.
type journalReader interface {
	Days(from, to day) []daySummary
	Day(day) daySummary
	Done(day) map[string]bool
	Streaks(today day, weeklyTarget int) streaks
	LevelHistory(from, to day) map[string][]levelSpan
	Flags(from, to day) []moveFlag
	Notes(from, to day) []dayNote
}

// recorder is the one writer of the journal: ticks by the timer and by
// hand, back-filled ticks, pain check-ins, the start, positions and end of
// each session, abandoned sessions, levels, flags, the day's note, and the
// retry of the entries a full disk held back. A new kind of entry is one
// more method here.
//
// Its methods run on the UI goroutine, except sessionEvent, which the
// session's delivery goroutine calls and which touches no state of the
// recorder. What it reports it shows through showNotice, on the UI goroutine.
type recorder struct {
	j     *journal.Journal
	clock schedule.Clock
	post  func(func())
	// showNotice shows a notice under key ("" text: clears it).
	showNotice func(key, text string)
	// saved runs once a retry wrote held-back entries (all: none waits).
	saved func(all bool)

	retrying bool // a retry of the held-back entries is due
	// levelsWaiting: a level entry waits to be written; levelsWritten: a
	// retry wrote one that the views do not show yet (takeLevelsWritten).
	levelsWaiting, levelsWritten bool

	// session is the journal id of the running or last session, or of the
	// session a pain check-in given before Start opened (preSession).
	session    string
	preSession bool
}

// newRecorder returns the recorder of j.
func newRecorder(j *journal.Journal, clock schedule.Clock, post func(func()),
	show func(key, text string), saved func(all bool)) *recorder {
	return &recorder{j: j, clock: clock, post: post, showNotice: show, saved: saved}
}

// ---- reads ----

// reader is the journal, read-only, for the views.
func (r *recorder) reader() journalReader { return r.j }

// reportSource is the journal, read-only, for the physiotherapist's report.
func (r *recorder) reportSource() report.Source { return r.j }

// done returns the moves ticked on d.
func (r *recorder) done(d day) map[string]bool { return r.j.Done(d) }

// doneOn is the moves done on now's day (the daily reminder's count).
func (r *recorder) doneOn(now time.Time) map[string]bool { return r.done(dayOf(now)) }

// currentStreak is the number of days in a row up to d with a move done.
func (r *recorder) currentStreak(d day) int { return r.j.Streaks(d, 0).Current }

// sessionDay is the day of the running or last session.
func (r *recorder) sessionDay() (day, bool) { return r.j.SessionDay(r.session) }

// resumePoint returns where the unfinished session of d stands.
func (r *recorder) resumePoint(d day) (position, bool) { return r.j.ResumePoint(d) }

// dir is the data folder ("" without a journal).
func (r *recorder) dir() string {
	if r.j == nil {
		return ""
	}
	return r.j.Dir()
}

// path is the journal file ("" without a journal).
func (r *recorder) path() string {
	if r.j == nil {
		return ""
	}
	return r.j.Path()
}

// ---- ticks ----

// tick records a tick or untick by hand of d. An entry the full disk held
// back is retried; the checklist undoes the tick on screen and it shows
// again once saved.
func (r *recorder) tick(d day, id string, on bool) error {
	err := r.mark(d, id, on)
	if errors.Is(err, journal.ErrNotSaved) {
		r.showPending()
		r.retryLater()
	}
	return err
}

// backfill records a tick or untick of a past day (History).
func (r *recorder) backfill(d day, id string, on bool) error { return r.mark(d, id, on) }

func (r *recorder) mark(d day, id string, on bool) error {
	now := r.clock.Now()
	if on {
		return r.j.MarkDone(d, id, journal.Hand, "", now)
	}
	return r.j.MarkUndone(d, id, now)
}

// ---- notes ----

// saveNote records the day's one-line note (the session summary's) for
// d, with the last session when there is one (not a session only a pain
// check-in before Start opened); "" text removes it.
func (r *recorder) saveNote(d day, text string) error {
	session := r.session
	if r.preSession {
		session = ""
	}
	return r.j.SaveNote(d, session, text, r.clock.Now())
}

// ---- sessions ----

// startSession returns the journal id of a session of plan: resumeID when
// it continues an interrupted one, the one a pain check-in opened before
// Start, or a new one ("" when the journal refuses it; a notice says why).
func (r *recorder) startSession(plan *schedule.Plan, resumeID string) string {
	id := resumeID
	if id == "" && r.preSession && r.session != "" {
		id = r.session
	}
	if id == "" {
		var err error
		id, err = r.j.StartSession(r.clock.Now(), plan.Routine.Source, moveIDs(plan))
		if err != nil {
			r.failed(tr("The journal cannot record this session: {{.Error}}", map[string]any{"Error": err.Error()}), err)
			// A full disk: the journal keeps the session's start and
			// writes it with what follows once there is room.
			if !errors.Is(err, journal.ErrNotSaved) {
				id = ""
			}
		}
	}
	r.session, r.preSession = id, false
	return id
}

// sessionEvent writes what a session event means: a move the timer
// completed (at level, 0 when unknown), the position at each step (for a
// later resume), the end. It runs on the session's delivery goroutine,
// before the event is shown.
func (r *recorder) sessionEvent(id, routine string, moves []string, ev schedule.Event) error {
	switch ev.Kind {
	case schedule.MoveCompleted:
		// The day is the session's day (the journal takes it from the id).
		return r.j.MarkTimed(id, ev.Move, ev.Level, ev.At)
	case schedule.StepEntered:
		st := ev.Status.Step
		return r.j.SavePosition(journal.Position{Session: id, Routine: routine, Moves: moves,
			Step: st.Index, Move: st.Move, Set: st.Set}, ev.At)
	case schedule.Finished:
		return r.j.EndSession(id, journal.Finished, ev.At)
	case schedule.Stopped:
		return r.j.EndSession(id, journal.Stopped, ev.At)
	}
	return nil
}

// abandon ends the interrupted session id ("Start fresh", or a new
// session was started).
func (r *recorder) abandon(id string) {
	if err := r.j.EndSession(id, journal.Abandoned, r.clock.Now()); err != nil {
		r.showNotice("journal", tr("The journal could not close the interrupted session: {{.Error}}", map[string]any{"Error": err.Error()}))
	}
}

// pain writes a pain check-in at once. One given before Start opens the
// journal session of moves in routine (Start continues it), so that it is
// kept even if the app closes before the session starts.
func (r *recorder) pain(when painWhen, v int, routine string, moves []string) {
	if when == journal.Before && (r.session == "" || !r.preSession) {
		id, err := r.j.StartSession(r.clock.Now(), routine, moves)
		if err != nil {
			r.showNotice("pain", tr("Pain check-in not saved: {{.Error}}", map[string]any{"Error": err.Error()}))
			return
		}
		r.session, r.preSession = id, true
	}
	if r.session == "" {
		return
	}
	if err := r.j.SavePain(r.session, when, v, r.clock.Now()); err != nil {
		r.showNotice("pain", tr("Pain check-in not saved: {{.Error}}", map[string]any{"Error": err.Error()}))
	}
}

// dropPreSession ends the session a pain check-in opened before Start when
// it will not start (the app closes, the routine changes).
func (r *recorder) dropPreSession() {
	if !r.preSession || r.session == "" {
		return
	}
	if err := r.j.EndSession(r.session, journal.Abandoned, r.clock.Now()); err != nil {
		r.showNotice("journal", tr("The journal could not close the session: {{.Error}}", map[string]any{"Error": err.Error()}))
	}
	r.session, r.preSession = "", false
}

// ---- levels and flags (issue 20) ----

// levels returns the level in force on d of each move that has one.
func (r *recorder) levels(d day) map[string]int {
	out := map[string]int{}
	if r.j == nil {
		return out
	}
	for id, l := range r.j.Levels(d) {
		out[id] = l.Level
	}
	return out
}

// levelsSet returns the level entries in force on d that were set for d
// itself, by move: what changed that day.
func (r *recorder) levelsSet(d day) map[string]levelSrc {
	out := map[string]levelSrc{}
	if r.j == nil {
		return out
	}
	for id, l := range r.j.Levels(d) {
		if l.Day == d {
			out[id] = l.Src
		}
	}
	return out
}

// firstStart reports whether the journal holds nothing yet: no move done,
// no session, no level.
func (r *recorder) firstStart(d day) bool {
	if r.j == nil {
		return false
	}
	_, used := r.j.FirstDay()
	return !used && len(r.j.Levels(d)) == 0
}

// setLevel records the level of move from d on (or for d only); a notice
// says why the journal refused it. A level the journal keeps to write
// later (a full disk) is written, after the entries before it, once there
// is room, and the views learn it then (takeLevelsWritten).
func (r *recorder) setLevel(d day, move string, level int, src levelSrc, today bool) {
	err := r.j.SetLevel(d, move, level, src, today, r.clock.Now())
	if errors.Is(err, journal.ErrNotSaved) {
		r.levelsWaiting = true
	}
	if err != nil {
		r.failed(tr("The journal could not save the level: {{.Error}}", map[string]any{"Error": err.Error()}), err)
	}
}

// takeLevelsWritten reports whether a retry wrote level entries the views
// do not show yet, once.
func (r *recorder) takeLevelsWritten() bool {
	w := r.levelsWritten
	r.levelsWritten = false
	return w
}

// flag records that move hurts (or numbness, tingling or weakness) in the
// running session.
func (r *recorder) flag(move string, kind flagKind) error {
	if r.session == "" {
		return errors.New("no session is recorded")
	}
	err := r.j.FlagMove(r.session, move, kind, r.clock.Now())
	if err != nil {
		r.failed(tr("The journal could not save the flag: {{.Error}}", map[string]any{"Error": err.Error()}), err)
	}
	return err
}

// advice applies the progression rule with p to the moves as of d;
// before is the pain before given today and not yet in a session (nil:
// none).
func (r *recorder) advice(d day, moves []progress.Move, p progress.Params, before *int) progress.Result {
	if r.j == nil {
		return progress.Result{Day: d}
	}
	in := progress.Read(r.j, d, moves)
	in.Before = before
	return progress.Evaluate(in, p)
}

// ---- a full disk ----

// failed shows what a failed journal write means. An entry the journal
// kept to write later (journal.ErrNotSaved: a full disk) is retried every
// pendingRetry, with a notice that says how many wait; the checklist shows
// a tick only once it is on disk. Any other error gets the journal notice,
// prefixed with what failed.
func (r *recorder) failed(text string, err error) {
	if errors.Is(err, journal.ErrNotSaved) {
		r.showPending()
		r.retryLater()
		return
	}
	r.showNotice("journal", text)
}

// showPending shows how many journal entries wait to be written, or clears
// the notice when none does.
func (r *recorder) showPending() {
	p := r.j.Pending()
	if p.Entries == 0 {
		r.showNotice("pending", "")
		return
	}
	data := map[string]any{"Count": p.Entries, "Ticks": p.Ticks, "Error": fmt.Sprint(p.Err),
		"Seconds": int(pendingRetry / time.Second)}
	if p.Ticks > 0 {
		r.showNotice("pending", trN("{{.Count}} journal entries ({{.Ticks}} of them moves done) not saved yet: {{.Error}}. "+
			"They are kept and saved as soon as there is room (tried every {{.Seconds}} s); a move is ticked once it "+
			"is saved. Free some disk space.", p.Entries, data))
		return
	}
	r.showNotice("pending", trN("{{.Count}} journal entries not saved yet: {{.Error}}. They are kept and saved as soon "+
		"as there is room (tried every {{.Seconds}} s); a move is ticked once it is saved. Free some disk space.", p.Entries, data))
}

// retryLater retries the waiting entries after pendingRetry, once.
func (r *recorder) retryLater() {
	if r.retrying {
		return
	}
	r.retrying = true
	r.clock.AfterFunc(pendingRetry, func() { r.post(r.retryPending) })
}

// retryPending writes the waiting entries, shows the ticks now on disk and
// tries again later while some still wait.
func (r *recorder) retryPending() {
	r.retrying = false
	before := r.j.Pending().Entries
	err := r.j.Retry()
	if r.levelsWaiting && r.j.Pending().Entries < before {
		// Some were written, maybe levels: the views read them again.
		r.levelsWritten = true
		r.levelsWaiting = err != nil
	}
	r.saved(err == nil)
	r.showPending()
	if err != nil {
		r.retryLater()
	}
}

// ---- the Patient-Specific Functional Scale ----

// rating is a function rating of the journal.
type rating = journal.Rating

// maxActivity is the longest activity name of the function scale.
const maxActivity = journal.MaxActivity

// checkActivity returns why text cannot name an activity, or nil.
func checkActivity(text string) error { return journal.CheckActivity(text) }

// saveRating records the rating of activity on d.
func (r *recorder) saveRating(d day, activity string, score int) error {
	return r.j.SaveRating(d, activity, score, r.clock.Now())
}

// ratings returns the function ratings of the days up to to, by day.
func (r *recorder) ratings(to day) []rating { return r.j.Ratings(to) }
