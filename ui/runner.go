package ui

import (
	"fmt"
	"sync"
	"time"

	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
)

// endConfirmTime is how long End waits for its second press.
const endConfirmTime = 4 * time.Second

// runner runs the window's session, one at a time: the schedule.Session,
// the bridge from its goroutine (the recorder writes each event before it
// is shown), the sound attachment and End's second press. It imports no
// Fyne: the controller shows what it reports, and tests drive it with a
// fake clock and a recording player.
//
// Its methods run on the UI goroutine; what it reports (runnerOptions)
// runs there too, through post.
type runner struct {
	o         runnerOptions
	sess      *schedule.Session // nil when none
	bridge    *bridge
	disarmEnd func() bool    // set while End waits for its second press
	audio     sync.WaitGroup // Attach and Detach calls under way
}

// runnerOptions connect a runner to the journal, the sound and the window.
type runnerOptions struct {
	clock  schedule.Clock
	post   func(func()) // runs f on the UI goroutine
	rec    *recorder
	player sessionSound // nil: no sound
	// startLead delays the first instant of each session (Options.StartLead).
	startLead time.Duration
	// show shows an event of the running session once the recorder wrote
	// it (saved false: it could not be written).
	show func(ev schedule.Event, saved bool)
	// armEnd shows End waiting for its second press (on) or back at rest.
	armEnd func(on bool)
	// noSound reports that the player could not play the session.
	noSound func(error)
}

// sessionSound plays a session's cues (the window's speaker).
type sessionSound interface {
	Attach(s *schedule.Session) error
	Detach()
}

// open makes the session of plan, continuing journal session resumeID
// when not empty, and attaches its sound; begin starts it. The window is
// made ready in between, so that the sound has that time too to open the
// speaker before the first cue.
func (r *runner) open(plan *schedule.Plan, resumeID string) {
	id := r.o.rec.startSession(plan, resumeID)
	r.bridge = newBridge(r.o.rec, r.o.post, r.deliver, id, plan)
	r.sess = schedule.NewSession(plan, r.o.clock, r.bridge.notify)
	r.sess.SetStartLead(r.o.startLead)
	r.attachSound()
}

// begin starts the session opened at step (-1: from the start).
func (r *runner) begin(step int) {
	if step >= 0 {
		r.sess.StartAt(step)
	} else {
		r.sess.Start()
	}
}

// deliver receives an event on the UI goroutine, after the recorder wrote
// it: a write error is reported, the sound ends with the session, and the
// event is shown unless its session is no longer the runner's.
func (r *runner) deliver(b *bridge, ev schedule.Event, err error) {
	if err != nil {
		r.o.rec.failed(tr("The journal could not save this: {{.Error}}", map[string]any{"Error": err.Error()}), err)
	}
	if b != r.bridge {
		return // an event of a session that is no longer shown
	}
	if ev.Kind == schedule.Finished || ev.Kind == schedule.Stopped {
		r.detachSound()
	}
	r.o.show(ev, err == nil)
}

// running reports whether a session is under way (running or paused).
func (r *runner) running() bool {
	if r.sess == nil {
		return false
	}
	s := r.sess.Status().State
	return s == schedule.Running || s == schedule.Paused
}

// status is the session's status now.
func (r *runner) status() schedule.Status { return r.sess.Status() }

// plan is the session's plan.
func (r *runner) plan() *schedule.Plan { return r.sess.Plan() }

// replan restarts the set under way on plan (see schedule.Session.Replan)
// and plays its cues: the sound's track follows the new plan. It reports
// whether it did.
func (r *runner) replan(plan *schedule.Plan) bool {
	if !r.running() || !r.sess.Replan(plan) {
		return false
	}
	r.attachSound()
	return true
}

// restartSet restarts the set of move id under way at the level r (the
// routine in use) now has for it, an easier level just set: it reports
// whether it did (a set of that move is under way).
func (r *runner) restartSet(id string, rt *routine.Routine) (bool, error) {
	if r.sess == nil {
		return false, nil
	}
	if st := r.status().Step; st.Move != id || st.Set == 0 {
		return false, nil
	}
	next, err := schedule.NewPlan(rt, moveIDs(r.plan()))
	if err != nil {
		return false, fmt.Errorf("plan at the easier level: %w", err)
	}
	return r.replan(next), nil
}

// togglePause pauses or resumes the session.
func (r *runner) togglePause() { r.sess.TogglePause() }

// control applies f to the session if one is under way and reports
// whether it did.
func (r *runner) control(f func(*schedule.Session)) bool {
	if !r.running() {
		return false
	}
	f(r.sess)
	return true
}

// end asks for a second press within endConfirmTime; the second press
// stops the session early. It reports whether the session was stopped.
func (r *runner) end() bool {
	if !r.running() {
		return false
	}
	if r.disarmEnd == nil {
		r.o.armEnd(true)
		r.disarmEnd = r.o.clock.AfterFunc(endConfirmTime, func() { r.o.post(r.disarm) })
		return false
	}
	r.disarm()
	return r.control((*schedule.Session).Stop)
}

// disarm puts End back at rest.
func (r *runner) disarm() {
	if r.disarmEnd != nil {
		r.disarmEnd()
		r.disarmEnd = nil
	}
	r.o.armEnd(false)
}

// clear forgets the session that is over (back to the checklist, another
// routine).
func (r *runner) clear() { r.sess, r.bridge = nil, nil }

// close stops the session as the window closes, without writing its end:
// the journal keeps its position so that the next launch offers to resume.
// It reports whether there was a session.
func (r *runner) close() bool {
	if r.sess == nil {
		return false
	}
	// Drop the session's last events: the window is gone.
	if b := r.bridge; b != nil {
		r.bridge = nil
		b.detachJournal()
	}
	r.sess.Stop()
	r.detachSound()
	return true
}

// attachSound plays the session's cues. Opening the audio device can take
// seconds (or fail), so it happens off the UI goroutine: the session's
// track follows the session clock and catches up.
func (r *runner) attachSound() {
	p := r.o.player
	if p == nil {
		return
	}
	s := r.sess
	r.audio.Add(1)
	go func() {
		defer r.audio.Done()
		if err := p.Attach(s); err != nil {
			r.o.post(func() { r.o.noSound(err) })
		}
	}()
}

// detachSound ends the sound of the session off the UI goroutine: the
// player lets the last sound finish, which takes up to a few seconds.
func (r *runner) detachSound() {
	p := r.o.player
	if p == nil {
		return
	}
	r.audio.Add(1)
	go func() {
		defer r.audio.Done()
		p.Detach()
	}()
}
