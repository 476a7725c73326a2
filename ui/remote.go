package ui

import (
	"fmt"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"spineroutine/internal/cue"
	"spineroutine/internal/mpris"
	"spineroutine/internal/routine"
	"spineroutine/internal/schedule"
	"spineroutine/ui/state"
	"spineroutine/ui/widgets"
)

// remoteNotice is the key of the banner of the first remote Stop.
const remoteNotice = "remote-stop"

// remote offers the session to the desktop's media controls (Options.
// MediaControls): headphone buttons, media keys, a phone through KDE
// Connect or GSConnect, the panel's player. Each control does what its key
// or button does (the controller's actions), on the UI goroutine; the
// player shows the step on the card.
type remote struct {
	s      *sessionScreen // the session it shows and controls
	hooks  remoteHooks
	srv    *mpris.Server // nil while off or without a session bus
	logged bool          // the bus error was logged

	sess   *schedule.Session // the session the track ids count
	n      int               // sessions since the app started
	art    map[string]string // the figures written, by move and side
	artDir string            // "" until known; "-" none
}

// remoteHooks are the remote's ties to the rest of the window.
type remoteHooks struct {
	offered    bool   // Options.MediaControls: the remote is offered at all
	prefs      *Prefs // the setting that turns it on
	post       func(func())
	clock      schedule.Clock
	app        fyne.App // its ID names the desktop entry
	playPause  func()   // Space: Start, Pause or Resume
	startToday func()   // today's moves, unless the day is stopped
	routine    func() *routine.Routine
	chosen     func() []string // the checklist's choice (nil before it)
	raise      func()          // the window to the front
	quit       func()          // the tray's Quit
}

// newRemote makes the remote of the session screen s; start offers it.
func newRemote(s *sessionScreen, h remoteHooks) *remote {
	return &remote{s: s, hooks: h, art: map[string]string{}}
}

// start offers the player on the session bus when Options.MediaControls
// and the setting are on. The window calls it once the app runs, so that
// no control reaches a window that is not shown yet.
func (r *remote) start() {
	if r.hooks.offered && r.hooks.prefs.MediaControls() {
		r.enable(true)
	}
}

// enable offers the player on the session bus or takes it away. Without
// a session bus (or on a bus error) the app runs as before: the error is
// logged once, and nothing is shown.
func (r *remote) enable(on bool) {
	switch {
	case on && r.srv == nil:
		id := r.appID()
		srv, err := mpris.Start(r, mpris.Options{Name: "spineroutine", Identity: Title, DesktopEntry: id}, r.snapshot())
		if err != nil {
			if !r.logged {
				r.logged = true
				log.Printf("media controls (MPRIS) not offered: %v", err)
			}
			return
		}
		r.srv = srv
	case !on && r.srv != nil:
		if err := r.srv.Close(); err != nil {
			log.Printf("media controls (MPRIS): %v", err)
		}
		r.srv = nil
	}
}

// close takes the player away as the window closes.
func (r *remote) close() { r.enable(false) }

// update shows the session's state now to the media controls; the
// player sends a change only when the step, the status or what it
// offers changed.
func (r *remote) update() {
	if r.srv != nil {
		r.srv.Update(r.snapshot())
	}
}

// snapshot is what the player shows: the step on the card, the chosen
// moves when idle, the end of the session at its summary.
func (r *remote) snapshot() mpris.Snapshot {
	ss, rt := r.s, r.hooks.routine()
	name := rt.Name
	switch {
	case ss.run.running() && ss.last.State != schedule.Idle:
		s := ss.run.sess
		if s != r.sess {
			r.sess = s
			r.n++
		}
		st := ss.last
		plan := ss.run.plan()
		m := plan.Moves[min(max(st.Step.MoveIndex, 0), len(plan.Moves)-1)]
		status := mpris.Playing
		if st.State == schedule.Paused {
			status = mpris.Paused
		}
		return mpris.Snapshot{Status: status,
			Track: mpris.Track{ID: fmt.Sprintf("session%d/step%d", r.n, st.Step.Index),
				Title: moveTitle(m, st.Step.Side), Artist: name, Album: stepAlbum(st.Step),
				Length: plan.Total, ArtPath: r.artOf(m, st.Step.Side)},
			Position: func() time.Duration { return s.Status().Offset },
			CanPlay:  true, CanPause: true, CanGoNext: true, CanGoPrevious: true}
	case ss.screen.Screen() == state.Summary:
		title := lang.L("Session done")
		if ss.last.State == schedule.Stopped {
			title = lang.L("Session ended")
		}
		total := len(ss.run.plan().Moves)
		return mpris.Snapshot{Track: mpris.Track{ID: fmt.Sprintf("session%d/end", r.n), Title: title,
			Artist: name, Album: lang.N("{{.Done}} of {{.Count}} moves done", total,
				map[string]any{"Done": len(ss.last.Completed), "Count": total})},
			CanPlay: true}
	}
	ids := r.hooks.chosen()
	if ids == nil {
		return mpris.Snapshot{}
	}
	moves := rt.Select(ids...)
	if len(moves) == 0 {
		return mpris.Snapshot{Track: mpris.Track{ID: "ready", Title: lang.L("No move chosen"), Artist: name}}
	}
	return mpris.Snapshot{Track: mpris.Track{ID: "ready", Title: moves[0].Name, Artist: name,
		Album: lang.N("Ready: {{.Count}} moves", len(moves), map[string]any{"Count": len(moves)}), Length: rt.Duration(ids...),
		ArtPath: r.artOf(moves[0], schedule.NoSide)}, CanPlay: true}
}

// moveTitle is the move and its side: "Side Planks — left".
func moveTitle(m routine.Move, side schedule.Side) string {
	if side == schedule.NoSide {
		return m.Name
	}
	switch side {
	case schedule.Left:
		return lang.L("{{.Move}} — left", map[string]any{"Move": m.Name})
	case schedule.Right:
		return lang.L("{{.Move}} — right", map[string]any{"Move": m.Name})
	}
	return m.Name + " — " + string(side)
}

// stepAlbum says where in the move the step is: "Set 2 of 3 · Rep 4 of
// 6", or the pause it is.
func stepAlbum(s schedule.Step) string {
	text := setRepText(s)
	switch s.Kind {
	case schedule.GetReady:
		return lang.L("Get ready")
	case schedule.Rest:
		return lang.L("Rest")
	case schedule.Switch:
		return lang.L("Switch sides · {{.Next}}", map[string]any{"Next": text})
	case schedule.Gap, schedule.BetweenSets:
		return lang.L("Pause · {{.Next}}", map[string]any{"Next": text})
	}
	return text
}

// appID is the app's ID (FyneApp.toml's, compiled in), the name of its
// desktop entry; the ID the app was made with when the metadata has none.
func (r *remote) appID() string {
	if id := r.hooks.app.Metadata().ID; id != "" {
		return id
	}
	return r.hooks.app.UniqueID()
}

// The media controls: each runs its action on the UI goroutine.

// PlayPause is Space: it pauses or resumes the session (a hold resumes
// with its count-in), or starts today's moves as Start does.
func (r *remote) PlayPause() {
	r.hooks.post(func() {
		if r.s.screen.Screen().UnderWay() {
			r.hooks.playPause()
			return
		}
		r.hooks.startToday()
	})
}

// Play resumes a paused session, or starts today's moves.
func (r *remote) Play() {
	r.hooks.post(func() {
		switch {
		case !r.s.screen.Screen().UnderWay():
			r.hooks.startToday()
		case r.s.run.status().State == schedule.Paused:
			r.hooks.playPause()
		}
	})
}

// Pause pauses a running session.
func (r *remote) Pause() {
	r.hooks.post(func() {
		if r.s.screen.Screen().UnderWay() && r.s.run.status().State == schedule.Running {
			r.hooks.playPause()
		}
	})
}

// Next skips to the next step (→).
func (r *remote) Next() { r.hooks.post(r.s.Skip) }

// Previous goes back (←).
func (r *remote) Previous() { r.hooks.post(r.s.Back) }

// Stop is End, guarded: the first pauses the session and asks for a
// second Stop (the End button reads "End now?"); a second within
// endConfirmTime ends the session, journalled as End does.
func (r *remote) Stop() {
	r.hooks.post(func() {
		s := r.s
		if !s.screen.Screen().UnderWay() {
			return
		}
		if s.run.disarmEnd != nil {
			s.notes.clear(remoteNotice)
			s.EndSession()
			return
		}
		if s.run.status().State == schedule.Running {
			s.togglePause()
		}
		s.EndSession()
		s.notes.notice(remoteNotice, lang.L("Paused. Press stop again to end the session."))
		s.sound.say(cue.PhraseStopAgain)
		r.hooks.clock.AfterFunc(endConfirmTime, func() { r.hooks.post(func() { s.notes.clear(remoteNotice) }) })
	})
}

// Raise shows the window and brings it to the front, as a second launch
// of the app does.
func (r *remote) Raise() {
	r.hooks.post(r.hooks.raise)
}

// Quit ends the app as the tray menu's Quit does; unsaved changes to the
// routine are asked about first.
func (r *remote) Quit() {
	r.hooks.post(r.hooks.quit)
}

// sections is the Settings tab's section of the media controls (none
// without Options.MediaControls).
func (r *remote) sections() []fyne.CanvasObject {
	if !r.hooks.offered {
		return nil
	}
	check := widgets.NewKeyCheck(lang.L("Headphone buttons, media keys and remotes"), nil)
	check.SetChecked(r.hooks.prefs.MediaControls())
	check.OnChanged = func(on bool) {
		r.hooks.prefs.SetMediaControls(on)
		r.enable(on)
	}
	explain := widget.NewLabel(lang.L("Play/pause, next, previous and stop from headphones, a keyboard's media keys, " +
		"a phone (KDE Connect, GSConnect) or the desktop's media controls; the second stop within 4 s ends the session."))
	explain.Wrapping = fyne.TextWrapWord
	return []fyne.CanvasObject{widgets.NewSection(lang.L("Remote control"), check, explain)}
}
